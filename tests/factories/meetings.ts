import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';

// Meetings and action items inserted directly (no carry-over, no audit): for tests of other modules (the
// governance overview, tasks) that need a meeting to exist. The meetings module's own tests go through the API.

/** A meeting organized by `organizationId`; each of `attendeeOrganizationIds` gets a guest attendee row. */
export async function createMeeting(
  db: Kysely<Database>,
  options: {
    organizationId: string;
    title?: string;
    heldOn?: string;
    place?: string;
    status?: 'planned' | 'held' | 'cancelled';
    attendeeOrganizationIds?: string[];
    createdBy?: string | null;
  },
) {
  const meeting = await db
    .insertInto('meeting')
    .values({
      organization_id: options.organizationId,
      title: options.title ?? 'Rapat koordinasi uji',
      held_on: options.heldOn ?? '2026-04-27',
      starts_at: '09:00',
      ends_at: '11:00',
      place: options.place ?? 'Kantor Kecamatan Semarang Barat',
      status: options.status ?? 'planned',
      created_by: options.createdBy ?? null,
    })
    .returning(['id', 'organization_id', 'held_on'])
    .executeTakeFirstOrThrow();
  const attendees = options.attendeeOrganizationIds ?? [];
  if (attendees.length)
    await db
      .insertInto('meeting_attendee')
      .values(
        attendees.map((organizationId, index) => ({
          meeting_id: meeting.id,
          position: index + 1,
          organization_id: organizationId,
          name: `Tamu ${index + 1}`,
          job_title: 'Perwakilan',
        })),
      )
      .execute();
  return meeting;
}

/** An action item of a meeting, owned by an organization and a user of it or a typed name. */
export async function createActionItem(
  db: Kysely<Database>,
  options: {
    meetingId: string;
    ownerOrganizationId: string;
    ownerUserId?: string | null;
    ownerName?: string | null;
    title?: string;
    dueOn?: string;
    status?: 'open' | 'in_progress' | 'done' | 'cancelled';
    topic?: string | null;
    agreementId?: string | null;
  },
) {
  const ownerUserId = options.ownerUserId ?? null;
  return db
    .insertInto('action_item')
    .values({
      meeting_id: options.meetingId,
      title: options.title ?? 'Tindak lanjut uji',
      owner_organization_id: options.ownerOrganizationId,
      owner_user_id: ownerUserId,
      owner_name: options.ownerName ?? (ownerUserId ? null : 'Kepala Seksi'),
      due_on: options.dueOn ?? '2026-05-27',
      status: options.status ?? 'open',
      done_on: options.status === 'done' ? (options.dueOn ?? '2026-05-27') : null,
      topic: options.topic ?? null,
      agreement_id: options.agreementId ?? null,
    })
    .returning(['id', 'meeting_id', 'status', 'due_on'])
    .executeTakeFirstOrThrow();
}

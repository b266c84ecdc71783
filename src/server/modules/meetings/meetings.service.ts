import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type AttendanceStatus,
  type AttendeeInput,
  CARRY_OVER_TITLE,
  type CreateMeetingRequest,
  type MeetingDetail,
  type MeetingList,
  type MeetingListQuery,
  type MeetingPeople,
  type MeetingPeopleQuery,
  type SaveAttendanceRequest,
  type SaveMinutesRequest,
  type UpdateMeetingRequest,
} from '../../../shared/meetings.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { conflict, type FieldErrors, failOnFields, forbidden, notFound } from '../../platform/errors.ts';
import { fileSlug } from '../training/attendance/attendance.labels.ts';
import { canEditMeeting } from './meetings.access.ts';
import { daftarHadirPdf, notulenPdf } from './meetings.pdf.ts';
import { presentListItem, presentMeeting } from './meetings.presenter.ts';
import {
  type AgendaValues,
  type AttendeeRow,
  type AttendeeValues,
  actionItemsOf,
  activeUsersByIds,
  agendaOf,
  attendeesOf,
  carriedInto,
  decisionsOf,
  deleteRowsExcept,
  findPreviousMeeting,
  findVisibleMeeting,
  hasCarriedItems,
  insertCarryOver,
  insertMeeting,
  listMeetings,
  lockMeeting,
  type MeetingRow,
  type MeetingValues,
  openItemsToCarry,
  photosOf,
  saveAgenda,
  saveAttendees,
  saveDecisions,
  saveMinutes as saveMinutesRows,
  searchPeople,
  setAttendance,
  updateMeetingIfVersion,
  visibleOrganizationIds,
} from './meetings.repository.ts';

// Coordination meetings: the particulars, agenda and attendees (one document-style save), the minutes and
// decisions, attendance, and the two printouts. Action items: meetings.action-items.ts; photos:
// meetings.photos.ts. Every change is audited in its transaction and bumps the meeting's version; a
// save that changes nothing writes nothing.

type Db = Kysely<Database>;
type CreateInput = z.output<typeof CreateMeetingRequest>;
type UpdateInput = z.output<typeof UpdateMeetingRequest>;
type AttendeeIn = z.output<typeof AttendeeInput>;

/** The meeting the caller may see, or 404. */
export async function visibleMeetingOr404(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
): Promise<MeetingRow> {
  const row = await findVisibleMeeting(db, ctx, meetingId);
  if (!row) throw notFound('MEETING_NOT_FOUND');
  return row;
}

/**
 * The meeting the caller may change: visible (else 404), organized by her organization and she holds
 * manage:meeting (else 403).
 */
export async function editableMeeting(db: Db, ctx: RequestContext, meetingId: string): Promise<MeetingRow> {
  requirePermission(ctx, 'manage:meeting');
  const row = await visibleMeetingOr404(db, ctx, meetingId);
  if (!canEditMeeting(ctx, row.organization_id)) throw forbidden();
  return row;
}

/** Locks the meeting for a change: the version must match (409) and it must not be cancelled (409). */
async function lockForChange(trx: Db, meetingId: string, version: number | null) {
  const locked = await lockMeeting(trx, meetingId);
  if (!locked) throw notFound('MEETING_NOT_FOUND');
  if (version !== null && locked.version !== version) throw conflict('VERSION_CONFLICT');
  if (locked.status === 'cancelled') throw conflict('MEETING_CANCELLED');
  return locked;
}

/** The whole meeting as the caller sees it. */
export async function load(db: Db, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  const row = await visibleMeetingOr404(db, ctx, meetingId);
  const [agenda, attendees, decisions, actionItems, carriedOver, photos] = await Promise.all([
    agendaOf(db, meetingId),
    attendeesOf(db, meetingId),
    decisionsOf(db, meetingId),
    actionItemsOf(db, ctx, meetingId),
    carriedInto(db, ctx, meetingId),
    photosOf(db, meetingId),
  ]);
  return presentMeeting(ctx, row, { agenda, attendees, decisions, actionItems, carriedOver, photos });
}

// ── Reading ──

/** The meetings the caller's organization organized or attended (or owns an action item of), newest first. */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof MeetingListQuery>,
): Promise<MeetingList> {
  requirePermission(ctx, 'read:meeting');
  const { items, total } = await listMeetings(
    db,
    ctx,
    { status: query.status, from: query.from, to: query.to, q: query.q || undefined, role: query.role },
    { page: query.page, pageSize: query.pageSize },
  );
  return {
    items: items.map((row) => presentListItem(ctx, row)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** One meeting with agenda, attendees, decisions, action items (own and carried over) and photos. */
export async function get(db: Db, ctx: RequestContext, meetingId: string): Promise<MeetingDetail> {
  requirePermission(ctx, 'read:meeting');
  const detail = await load(db, ctx, meetingId);
  await audit(db, ctx, {
    action: 'meeting.viewed',
    subjectType: 'meeting',
    subjectId: meetingId,
    subjectOrganizationId: detail.organizer.id,
  });
  return detail;
}

/** Active users to invite or to make owners of an action item: name, position and organization only. */
export async function people(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof MeetingPeopleQuery>,
): Promise<MeetingPeople> {
  requirePermission(ctx, 'read:meeting');
  const q = query.q && query.q.length >= 2 ? query.q : undefined;
  if (!q && !query.organizationId) return { items: [] };
  const rows = await searchPeople(db, ctx, { q, organizationId: query.organizationId });
  return {
    items: rows.map((row) => ({
      id: row.id,
      name: row.full_name,
      position: row.position,
      organization: { id: row.organization_id, name: row.organization_name },
    })),
  };
}

// ── Checks ──

function checkTimes(body: { startsAt?: string | null; endsAt?: string | null }, fields: FieldErrors) {
  const startsAt = body.startsAt ?? null;
  const endsAt = body.endsAt ?? null;
  if (endsAt && !startsAt) fields.startsAt = { key: 'meeting_start_required' };
  else if (startsAt && endsAt && endsAt <= startsAt) fields.endsAt = { key: 'meeting_ends_before_start' };
}

function particulars(body: CreateInput | UpdateInput): MeetingValues {
  return {
    title: body.title,
    held_on: body.heldOn,
    starts_at: body.startsAt ?? null,
    ends_at: body.endsAt ?? null,
    place: body.place,
    chair: body.chair ?? null,
    note_taker: body.noteTaker ?? null,
  };
}

/**
 * The attendee rows to store, from what was sent: a user's name, position and organization copied from her
 * account (an inactive user may stay on a row that already named her); a guest's as typed, with a directory
 * organization the caller may see or a typed organization name. Rows with an id must be this meeting's.
 */
async function resolveAttendees(
  db: Db,
  ctx: RequestContext,
  rows: (AttendeeIn & { id?: string })[],
  existing: AttendeeRow[],
  fields: FieldErrors,
): Promise<AttendeeValues[]> {
  const byId = new Map(existing.map((row) => [row.id, row]));
  const userIds = [...new Set(rows.flatMap((row) => (row.userId ? [row.userId] : [])))];
  const users = new Map((await activeUsersByIds(db, userIds)).map((user) => [user.id, user]));
  const organizations = await visibleOrganizationIds(db, ctx, [
    ...new Set([
      ...rows.flatMap((row) => (!row.userId && row.organizationId ? [row.organizationId] : [])),
      ...[...users.values()].map((user) => user.organization_id),
    ]),
  ]);
  const seenIds = new Set<string>();
  const seenUsers = new Set<string>();
  const values: AttendeeValues[] = [];
  rows.forEach((row, index) => {
    const path = `attendees.${index}`;
    const before = row.id ? byId.get(row.id) : undefined;
    if (row.id !== undefined) {
      if (!before || seenIds.has(row.id)) fields[`${path}.id`] = { key: 'meeting_row_unknown' };
      seenIds.add(row.id);
    }
    const attendance: AttendanceStatus = row.attendance ?? before?.attendance ?? 'invited';
    const position = index + 1;
    if (row.userId) {
      if (seenUsers.has(row.userId)) fields[`${path}.userId`] = { key: 'meeting_attendee_duplicate' };
      seenUsers.add(row.userId);
      const user = users.get(row.userId);
      if (user && organizations.has(user.organization_id)) {
        values.push({
          id: row.id,
          position,
          user_id: user.id,
          organization_id: user.organization_id,
          name: user.full_name,
          job_title: user.position,
          organization_name: null,
          attendance,
        });
      } else if (before?.user_id === row.userId) {
        // She left or was deactivated since: the row keeps what it recorded.
        values.push({
          id: row.id,
          position,
          user_id: before.user_id,
          organization_id: before.organization_id,
          name: before.name,
          job_title: before.job_title,
          organization_name: before.organization_name,
          attendance,
        });
      } else fields[`${path}.userId`] = { key: 'meeting_user_unknown' };
      return;
    }
    if (!row.name) fields[`${path}.name`] = { key: 'meeting_guest_name_required' };
    const organizationId = row.organizationId ?? null;
    const organizationName = row.organizationName ?? null;
    if (organizationId && organizationName)
      fields[`${path}.organizationName`] = { key: 'meeting_guest_organization_both' };
    else if (
      organizationId &&
      !organizations.has(organizationId) &&
      before?.organization_id !== organizationId
    )
      fields[`${path}.organizationId`] = { key: 'meeting_organization_unknown' };
    values.push({
      id: row.id,
      position,
      user_id: null,
      organization_id: organizationId,
      name: row.name ?? '',
      job_title: row.jobTitle ?? null,
      organization_name: organizationId ? null : organizationName,
      attendance,
    });
  });
  return values;
}

const keptIds = (rows: { id?: string }[]) => rows.flatMap((row) => (row.id ? [row.id] : []));

const AGENDA_KEYS = ['position', 'kind', 'title', 'presenter'] as const;
const ATTENDEE_KEYS = [
  'position',
  'user_id',
  'organization_id',
  'name',
  'job_title',
  'organization_name',
  'attendance',
] as const;
const DECISION_KEYS = ['position', 'text', 'agenda_item_id'] as const;

/** The rows to save are the stored ones, in the same order, with the same values (no row added or removed). */
function sameRows<K extends string>(
  next: ({ id?: string } & Record<K, unknown>)[],
  stored: ({ id: string } & Record<K, unknown>)[],
  keys: readonly K[],
): boolean {
  return (
    next.length === stored.length &&
    next.every((row, index) => {
      const before = stored[index];
      return before !== undefined && row.id === before.id && keys.every((key) => row[key] === before[key]);
    })
  );
}

// ── Creating and saving ──

/**
 * Creates a meeting organized by the caller's organization with its agenda and attendees. Still-open action
 * items are carried into it (openItemsToCarry: those of its previous organized meeting, and the organization's
 * own from meetings it attended since): linked through meeting_carry_over, with a carry-over agenda item first.
 */
export async function create(db: Db, ctx: RequestContext, body: CreateInput): Promise<MeetingDetail> {
  requirePermission(ctx, 'manage:meeting');
  const fields: FieldErrors = {};
  checkTimes(body, fields);
  const attendees = await resolveAttendees(db, ctx, body.attendees, [], fields);
  failOnFields(fields);
  const organizationId = ctx.principal.organizationId;
  const meetingId = await db.transaction().execute(async (trx) => {
    const startsAt = body.startsAt ?? null;
    const previous = (await findPreviousMeeting(trx, organizationId, body.heldOn, startsAt)) ?? null;
    const previousId = previous?.id ?? null;
    const carried = await openItemsToCarry(trx, organizationId, previous, body.heldOn, startsAt);
    const id = await insertMeeting(trx, {
      ...particulars(body),
      organization_id: organizationId,
      previous_meeting_id: previousId,
      created_by: ctx.principal.userId,
    });
    const agenda: AgendaValues[] = [
      ...(carried.length
        ? [{ position: 0, kind: 'carry_over' as const, title: CARRY_OVER_TITLE, presenter: null }]
        : []),
      ...body.agenda.map((item) => ({
        position: 0,
        kind: 'regular' as const,
        title: item.title,
        presenter: item.presenter ?? null,
      })),
    ].map((item, index) => ({ ...item, position: index + 1 }));
    await saveAgenda(trx, id, agenda);
    await saveAttendees(trx, id, attendees);
    await insertCarryOver(trx, id, carried);
    await audit(trx, ctx, {
      action: 'meeting.created',
      subjectType: 'meeting',
      subjectId: id,
      subjectOrganizationId: organizationId,
      details: {
        heldOn: body.heldOn,
        previousMeetingId: previousId,
        carriedOver: carried,
        agendaItems: agenda.length,
        attendees: attendees.length,
      },
    });
    return id;
  });
  return load(db, ctx, meetingId);
}

/**
 * Saves the particulars, status, agenda and attendees of a meeting (rows with id kept and updated, without id
 * added, the others removed; the carry-over item always stays first). planned → held (not before its date)
 * or cancelled; a held meeting's status stays (409 MEETING_STATUS_CHANGE); a cancelled one is read-only.
 * `heldOn` stays once items are carried into the meeting, and a held meeting's is never after today (field
 * errors `heldOn`). An identical save writes nothing and keeps the version.
 */
export async function update(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  body: UpdateInput,
): Promise<MeetingDetail> {
  await editableMeeting(db, ctx, meetingId);
  const fields: FieldErrors = {};
  checkTimes(body, fields);
  await db.transaction().execute(async (trx) => {
    const locked = await lockForChange(trx, meetingId, body.version);
    if (body.status !== locked.status && locked.status !== 'planned') throw conflict('MEETING_STATUS_CHANGE');
    const dateChanged = body.heldOn !== locked.held_on;
    if (body.status === 'held' && body.heldOn > today()) {
      // Marking it held before its date names the status; moving a held meeting's date past today, the date.
      if (locked.status !== 'held') fields.status = { key: 'meeting_held_in_future' };
      else if (dateChanged) fields.heldOn = { key: 'meeting_held_on_future' };
    }
    // The items carried into it were chosen for its date: it keeps that date (cancel it and plan a new one).
    if (dateChanged && !fields.heldOn && (await hasCarriedItems(trx, meetingId)))
      fields.heldOn = { key: 'meeting_held_on_carried' };
    const [agendaBefore, attendeesBefore] = await Promise.all([
      agendaOf(trx, meetingId),
      attendeesOf(trx, meetingId),
    ]);
    const agendaById = new Map(agendaBefore.map((row) => [row.id, row]));
    const seen = new Set<string>();
    body.agenda.forEach((row, index) => {
      if (row.id === undefined) return;
      if (!agendaById.has(row.id) || seen.has(row.id))
        fields[`agenda.${index}.id`] = { key: 'meeting_row_unknown' };
      seen.add(row.id);
    });
    const attendees = await resolveAttendees(trx, ctx, body.attendees, attendeesBefore, fields);
    failOnFields(fields);

    const carryItem = agendaBefore.find((row) => row.kind === 'carry_over');
    const sentCarry = carryItem ? body.agenda.find((row) => row.id === carryItem.id) : undefined;
    const agenda: AgendaValues[] = [
      ...(carryItem
        ? [
            {
              id: carryItem.id,
              position: 0,
              kind: 'carry_over' as const,
              title: CARRY_OVER_TITLE,
              presenter: sentCarry ? (sentCarry.presenter ?? null) : carryItem.presenter,
            },
          ]
        : []),
      ...body.agenda
        .filter((row) => !carryItem || row.id !== carryItem.id)
        .map((row) => ({
          id: row.id,
          position: 0,
          kind: 'regular' as const,
          title: row.title,
          presenter: row.presenter ?? null,
        })),
    ].map((row, index) => ({ ...row, position: index + 1 }));
    const values = { ...particulars(body), status: body.status };
    const changedParticulars = (Object.keys(values) as (keyof typeof values)[]).filter(
      (key) => values[key] !== locked[key],
    );
    // An identical save writes nothing and keeps the version.
    if (
      changedParticulars.length === 0 &&
      sameRows(agenda, agendaBefore, AGENDA_KEYS) &&
      sameRows(attendees, attendeesBefore, ATTENDEE_KEYS)
    )
      return;
    await deleteRowsExcept(trx, 'meeting_agenda_item', meetingId, keptIds(agenda));
    await deleteRowsExcept(trx, 'meeting_attendee', meetingId, keptIds(attendees));
    await saveAgenda(trx, meetingId, agenda);
    await saveAttendees(trx, meetingId, attendees);
    if (!(await updateMeetingIfVersion(trx, meetingId, body.version, ctx.principal.userId, values)))
      throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'meeting.updated',
      subjectType: 'meeting',
      subjectId: meetingId,
      subjectOrganizationId: locked.organization_id,
      details: {
        version: body.version + 1,
        changed: changedParticulars,
        ...(body.status !== locked.status && { status: { from: locked.status, to: body.status } }),
        ...(body.heldOn !== locked.held_on && { heldOn: { from: locked.held_on, to: body.heldOn } }),
        agendaItems: agenda.length,
        attendees: attendees.length,
        removedAttendees: attendeesBefore.length - keptIds(attendees).length,
      },
    });
  });
  return load(db, ctx, meetingId);
}

/** Saves the minutes of agenda items (by id) and the decisions (a document: with id kept, without added). */
export async function saveMinutes(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  body: z.output<typeof SaveMinutesRequest>,
): Promise<MeetingDetail> {
  const meeting = await editableMeeting(db, ctx, meetingId);
  await db.transaction().execute(async (trx) => {
    await lockForChange(trx, meetingId, body.version);
    const [agenda, decisions] = await Promise.all([agendaOf(trx, meetingId), decisionsOf(trx, meetingId)]);
    const agendaIds = new Set(agenda.map((row) => row.id));
    const decisionIds = new Set(decisions.map((row) => row.id));
    const fields: FieldErrors = {};
    const seenAgenda = new Set<string>();
    body.agenda.forEach((row, index) => {
      if (!agendaIds.has(row.id) || seenAgenda.has(row.id))
        fields[`agenda.${index}.id`] = { key: 'meeting_row_unknown' };
      seenAgenda.add(row.id);
    });
    const seenDecisions = new Set<string>();
    body.decisions.forEach((row, index) => {
      if (row.id !== undefined) {
        if (!decisionIds.has(row.id) || seenDecisions.has(row.id))
          fields[`decisions.${index}.id`] = { key: 'meeting_row_unknown' };
        seenDecisions.add(row.id);
      }
      if (row.agendaItemId && !agendaIds.has(row.agendaItemId))
        fields[`decisions.${index}.agendaItemId`] = { key: 'meeting_agenda_unknown' };
    });
    failOnFields(fields);
    const minutes = body.agenda.map((row) => ({ id: row.id, minutes: row.minutes ?? null }));
    const minutesBefore = new Map(agenda.map((row) => [row.id, row.minutes]));
    const rows = body.decisions.map((row, index) => ({
      id: row.id,
      position: index + 1,
      text: row.text,
      agenda_item_id: row.agendaItemId ?? null,
    }));
    // An identical save writes nothing and keeps the version.
    if (
      minutes.every((row) => minutesBefore.get(row.id) === row.minutes) &&
      sameRows(rows, decisions, DECISION_KEYS)
    )
      return;
    await saveMinutesRows(trx, minutes);
    await deleteRowsExcept(trx, 'meeting_decision', meetingId, keptIds(rows));
    await saveDecisions(trx, meetingId, rows);
    if (!(await updateMeetingIfVersion(trx, meetingId, body.version, ctx.principal.userId)))
      throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'meeting.minutes_saved',
      subjectType: 'meeting',
      subjectId: meetingId,
      subjectOrganizationId: meeting.organization_id,
      details: {
        version: body.version + 1,
        agendaItems: body.agenda.map((row) => row.id),
        decisions: rows.length,
        removedDecisions: decisions.length - keptIds(rows).length,
      },
    });
  });
  return load(db, ctx, meetingId);
}

/** Sets attendance: everyone present first when `allPresent`, then the rows named in `items`. */
export async function saveAttendance(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  body: z.output<typeof SaveAttendanceRequest>,
): Promise<MeetingDetail> {
  const meeting = await editableMeeting(db, ctx, meetingId);
  await db.transaction().execute(async (trx) => {
    await lockForChange(trx, meetingId, body.version);
    const attendees = await attendeesOf(trx, meetingId);
    const ids = new Set(attendees.map((row) => row.id));
    const fields: FieldErrors = {};
    body.items.forEach((row, index) => {
      if (!ids.has(row.attendeeId)) fields[`items.${index}.attendeeId`] = { key: 'meeting_row_unknown' };
    });
    failOnFields(fields);
    // What each row would become: everyone present first when asked, then the rows named.
    const next = new Map(
      attendees.map((row) => [row.id, body.allPresent ? ('present' as const) : row.attendance]),
    );
    for (const row of body.items) next.set(row.attendeeId, row.attendance);
    // An identical save writes nothing and keeps the version.
    if (attendees.every((row) => next.get(row.id) === row.attendance)) return;
    if (body.allPresent) await setAttendance(trx, meetingId, 'present');
    const byValue = new Map<AttendanceStatus, string[]>();
    for (const row of body.items)
      byValue.set(row.attendance, [...(byValue.get(row.attendance) ?? []), row.attendeeId]);
    for (const [attendance, attendeeIds] of byValue)
      await setAttendance(trx, meetingId, attendance, attendeeIds);
    if (!(await updateMeetingIfVersion(trx, meetingId, body.version, ctx.principal.userId)))
      throw conflict('VERSION_CONFLICT');
    const after = await attendeesOf(trx, meetingId);
    await audit(trx, ctx, {
      action: 'meeting.attendance_saved',
      subjectType: 'meeting',
      subjectId: meetingId,
      subjectOrganizationId: meeting.organization_id,
      details: {
        version: body.version + 1,
        allPresent: Boolean(body.allPresent),
        changed: body.items.length,
        present: after.filter((row) => row.attendance === 'present').length,
        total: after.length,
      },
    });
  });
  return load(db, ctx, meetingId);
}

// ── Printing ──

/** The notulen or the daftar hadir of a meeting the caller sees, as a PDF attachment; audited. */
export async function print(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  document: 'notulen' | 'daftar_hadir',
): Promise<{ buffer: Buffer; fileName: string }> {
  requirePermission(ctx, 'read:meeting');
  const row = await visibleMeetingOr404(db, ctx, meetingId);
  const detail = await load(db, ctx, meetingId);
  const organization = { name: row.organization_name, address: row.organization_address };
  const buffer =
    document === 'notulen'
      ? await notulenPdf(detail, organization)
      : await daftarHadirPdf(detail, organization);
  await audit(db, ctx, {
    action: 'meeting.printed',
    subjectType: 'meeting',
    subjectId: meetingId,
    subjectOrganizationId: row.organization_id,
    details: { document },
  });
  const prefix = document === 'notulen' ? 'notulen' : 'daftar-hadir';
  return { buffer, fileName: `${prefix}-${fileSlug(detail.title)}-${detail.heldOn}.pdf` };
}

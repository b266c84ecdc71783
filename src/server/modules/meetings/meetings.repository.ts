import { type Kysely, sql, type Transaction } from 'kysely';
import type { ActionItemStatus, AttendanceStatus, MeetingStatus } from '../../../shared/meetings.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { visibleOrganization } from '../villages/villages.access.ts';
import { visibleAgreement, visibleMeeting, visibleWorkPlan } from './meetings.access.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

// ── Meetings ──

function meetingQuery(db: Db, ctx: RequestContext) {
  return db
    .selectFrom('meeting as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .leftJoin('app_user as creator', 'creator.id', 'm.created_by')
    .leftJoin('meeting as prev', 'prev.id', 'm.previous_meeting_id')
    .select([
      'm.id',
      'm.organization_id',
      'o.name as organization_name',
      'o.address as organization_address',
      'm.title',
      'm.held_on',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.chair',
      'm.note_taker',
      'm.status',
      'm.previous_meeting_id',
      'prev.title as previous_title',
      'prev.held_on as previous_held_on',
      // The previous meeting is named only to those who may open it.
      sql<boolean>`case when prev.id is null then false else ${visibleMeeting(ctx, 'prev')} end`.as(
        'previous_visible',
      ),
      'creator.full_name as created_by_name',
      'm.created_at',
      'm.updated_at',
      'm.version',
    ]);
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingQuery>['executeTakeFirstOrThrow']>>;

/** The meeting if the caller's organization may see it. */
export function findVisibleMeeting(db: Db, ctx: RequestContext, meetingId: string) {
  return meetingQuery(db, ctx).where('m.id', '=', meetingId).where(visibleMeeting(ctx)).executeTakeFirst();
}

/** The meeting's row locked for a change (no visibility filter: check it first). */
export function lockMeeting(db: Db, meetingId: string) {
  return db.selectFrom('meeting').selectAll().where('id', '=', meetingId).forUpdate().executeTakeFirst();
}
export type LockedMeeting = NonNullable<Awaited<ReturnType<typeof lockMeeting>>>;

export interface MeetingValues {
  title: string;
  held_on: string;
  starts_at: string | null;
  ends_at: string | null;
  place: string;
  chair: string | null;
  note_taker: string | null;
}

export async function insertMeeting(
  db: Db,
  values: MeetingValues & { organization_id: string; previous_meeting_id: string | null; created_by: string },
) {
  const row = await db
    .insertInto('meeting')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Bumps the version (and sets what is given) when it is still `version`; false when it was not. */
export async function updateMeetingIfVersion(
  db: Db,
  meetingId: string,
  version: number,
  userId: string,
  values: Partial<MeetingValues & { status: MeetingStatus }> = {},
) {
  const result = await db
    .updateTable('meeting')
    .set({ ...values, version: version + 1, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', meetingId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** "`alias` is before the moment (`heldOn`, `startsAt`)": an earlier day, or the same day starting earlier. */
function before(alias: string, heldOn: string, startsAt: string | null) {
  const held = sql.ref(`${alias}.held_on`);
  const starts = sql.ref(`${alias}.starts_at`);
  return startsAt
    ? sql<boolean>`(${held} < ${heldOn} or (${held} = ${heldOn} and ${starts} is not null and ${starts} < ${startsAt}))`
    : sql<boolean>`${held} < ${heldOn}`;
}

/** "`alias` is after the previous meeting": a later day, or the same day unless it clearly started earlier. */
function after(alias: string, previous: PreviousMeeting) {
  const held = sql.ref(`${alias}.held_on`);
  const starts = sql.ref(`${alias}.starts_at`);
  return previous.starts_at
    ? sql<boolean>`(${held} > ${previous.held_on} or (${held} = ${previous.held_on}
        and (${starts} is null or ${starts} >= ${previous.starts_at})))`
    : sql<boolean>`${held} >= ${previous.held_on}`;
}

/**
 * The previous meeting of an organization for a meeting on `heldOn` (at `startsAt`): the latest earlier
 * non-cancelled meeting it ORGANIZED. Earlier = an earlier day, or the same day starting earlier.
 */
export function findPreviousMeeting(db: Db, organizationId: string, heldOn: string, startsAt: string | null) {
  return db
    .selectFrom('meeting as m')
    .select(['m.id', 'm.held_on', 'm.starts_at'])
    .where('m.organization_id', '=', organizationId)
    .where('m.status', '<>', 'cancelled')
    .where(before('m', heldOn, startsAt))
    .orderBy('m.held_on', 'desc')
    .orderBy(sql`m.starts_at desc nulls last`)
    .orderBy('m.created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}
export type PreviousMeeting = NonNullable<Awaited<ReturnType<typeof findPreviousMeeting>>>;

/**
 * The still-open (open, in progress) action items to carry into a new meeting of `organizationId` on
 * `heldOn` (at `startsAt`), ADR 014:
 * (a) those decided in or carried into its previous organized meeting, whoever owns them (the organizer's own
 *     business), and
 * (b) those OWNED by the organization from any non-cancelled meeting it attended (an attendee row of it)
 *     after that previous meeting (every earlier one when there is none) and before the new one.
 * Nothing else of a meeting it only attended is carried: another organization's items stay in their meeting.
 */
export async function openItemsToCarry(
  db: Db,
  organizationId: string,
  previous: PreviousMeeting | null,
  heldOn: string,
  startsAt: string | null,
) {
  const rows = await db
    .selectFrom('action_item as ai')
    .innerJoin('meeting as am', 'am.id', 'ai.meeting_id')
    .select('ai.id')
    .where('ai.status', 'in', ['open', 'in_progress'])
    .where((eb) =>
      eb.or([
        ...(previous
          ? [
              eb('ai.meeting_id', '=', previous.id),
              eb(
                'ai.id',
                'in',
                eb
                  .selectFrom('meeting_carry_over')
                  .select('action_item_id')
                  .where('meeting_id', '=', previous.id),
              ),
            ]
          : []),
        eb.and([
          eb('ai.owner_organization_id', '=', organizationId),
          eb('am.status', '<>', 'cancelled'),
          eb.exists(
            eb
              .selectFrom('meeting_attendee as a')
              .select(sql`1`.as('one'))
              .whereRef('a.meeting_id', '=', 'am.id')
              .where('a.organization_id', '=', organizationId),
          ),
          before('am', heldOn, startsAt),
          ...(previous ? [after('am', previous)] : []),
        ]),
      ]),
    )
    .orderBy('ai.due_on')
    .orderBy('ai.created_at')
    .execute();
  return [...new Set(rows.map((row) => row.id))];
}

/** The meeting has action items carried into it. */
export async function hasCarriedItems(db: Db, meetingId: string) {
  const row = await db
    .selectFrom('meeting_carry_over')
    .select('action_item_id')
    .where('meeting_id', '=', meetingId)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

export async function insertCarryOver(db: Db, meetingId: string, actionItemIds: string[]) {
  if (actionItemIds.length === 0) return;
  await db
    .insertInto('meeting_carry_over')
    .values(actionItemIds.map((action_item_id) => ({ meeting_id: meetingId, action_item_id })))
    .execute();
}

export interface MeetingListFilter {
  status?: MeetingStatus;
  from?: string;
  to?: string;
  q?: string;
  role?: 'organized' | 'attended';
}

/** The meetings the caller's organization may see, newest first, with attendance and action-item counts. */
export async function listMeetings(
  db: Db,
  ctx: RequestContext,
  filter: MeetingListFilter,
  page: { page: number; pageSize: number },
) {
  const organizationId = ctx.principal.organizationId;
  let base = db.selectFrom('meeting as m').where(visibleMeeting(ctx));
  if (filter.status) base = base.where('m.status', '=', filter.status);
  if (filter.from) base = base.where('m.held_on', '>=', filter.from);
  if (filter.to) base = base.where('m.held_on', '<=', filter.to);
  if (filter.role === 'organized') base = base.where('m.organization_id', '=', organizationId);
  if (filter.role === 'attended')
    base = base
      .where('m.organization_id', '<>', organizationId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('meeting_attendee as ra')
            .select(sql`1`.as('one'))
            .whereRef('ra.meeting_id', '=', 'm.id')
            .where('ra.organization_id', '=', organizationId),
        ),
      );
  if (filter.q) {
    const pattern = likePattern(filter.q);
    base = base.where((eb) => eb.or([eb('m.title', 'ilike', pattern), eb('m.place', 'ilike', pattern)]));
  }
  const [items, count] = await Promise.all([
    base
      .innerJoin('organization as o', 'o.id', 'm.organization_id')
      .select([
        'm.id',
        'm.title',
        'm.held_on',
        'm.starts_at',
        'm.ends_at',
        'm.place',
        'm.status',
        'm.organization_id',
        'o.name as organization_name',
        sql<number>`(select count(*)::int from meeting_attendee a where a.meeting_id = m.id)`.as('attendees'),
        sql<number>`(select count(*)::int from meeting_attendee a where a.meeting_id = m.id
          and a.attendance = 'present')`.as('present'),
        sql<number>`(select count(*)::int from action_item ai where ai.meeting_id = m.id
          and ai.status in ('open', 'in_progress'))`.as('open_items'),
        sql<number>`(select count(*)::int from action_item ai where ai.meeting_id = m.id
          and ai.status in ('open', 'in_progress') and ai.due_on < ${TODAY_SQL})`.as('overdue_items'),
      ])
      .orderBy('m.held_on', 'desc')
      .orderBy(sql`m.starts_at desc nulls last`)
      .orderBy('m.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.count) };
}
export type MeetingListRow = Awaited<ReturnType<typeof listMeetings>>['items'][number];

// ── Agenda, attendees, decisions ──

export function agendaOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_agenda_item')
    .select(['id', 'position', 'kind', 'title', 'presenter', 'minutes'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
export type AgendaRow = Awaited<ReturnType<typeof agendaOf>>[number];

export function attendeesOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_attendee as a')
    .leftJoin('organization as o', 'o.id', 'a.organization_id')
    .select([
      'a.id',
      'a.position',
      'a.user_id',
      'a.organization_id',
      'a.name',
      'a.job_title',
      'a.organization_name',
      'o.name as directory_name',
      'a.attendance',
    ])
    .where('a.meeting_id', '=', meetingId)
    .orderBy('a.position')
    .orderBy('a.id')
    .execute();
}
export type AttendeeRow = Awaited<ReturnType<typeof attendeesOf>>[number];

export function decisionsOf(db: Db, meetingId: string) {
  return db
    .selectFrom('meeting_decision')
    .select(['id', 'position', 'text', 'agenda_item_id'])
    .where('meeting_id', '=', meetingId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}
export type DecisionRow = Awaited<ReturnType<typeof decisionsOf>>[number];

type RowTable = 'meeting_agenda_item' | 'meeting_attendee' | 'meeting_decision';

/** Deletes the meeting's rows of a section whose ids are not in `keep`. */
export async function deleteRowsExcept(db: Db, table: RowTable, meetingId: string, keep: string[]) {
  let query = db.deleteFrom(table).where('meeting_id', '=', meetingId);
  if (keep.length) query = query.where('id', 'not in', keep);
  await query.execute();
}

export interface AgendaValues {
  id?: string;
  position: number;
  kind: 'regular' | 'carry_over';
  title: string;
  presenter: string | null;
}

/** Updates rows with an id, inserts the others. */
export async function saveAgenda(db: Db, meetingId: string, rows: AgendaValues[]) {
  for (const { id, ...values } of rows) {
    if (id) await db.updateTable('meeting_agenda_item').set(values).where('id', '=', id).execute();
    else
      await db
        .insertInto('meeting_agenda_item')
        .values({ ...values, meeting_id: meetingId })
        .execute();
  }
}

export async function saveMinutes(db: Db, rows: { id: string; minutes: string | null }[]) {
  for (const row of rows)
    await db
      .updateTable('meeting_agenda_item')
      .set({ minutes: row.minutes })
      .where('id', '=', row.id)
      .execute();
}

export interface AttendeeValues {
  id?: string;
  position: number;
  user_id: string | null;
  organization_id: string | null;
  name: string;
  job_title: string | null;
  organization_name: string | null;
  attendance: AttendanceStatus;
}

export async function saveAttendees(db: Db, meetingId: string, rows: AttendeeValues[]) {
  for (const { id, ...values } of rows) {
    if (id) await db.updateTable('meeting_attendee').set(values).where('id', '=', id).execute();
    else
      await db
        .insertInto('meeting_attendee')
        .values({ ...values, meeting_id: meetingId })
        .execute();
  }
}

export async function setAttendance(db: Db, meetingId: string, attendance: AttendanceStatus, ids?: string[]) {
  let query = db.updateTable('meeting_attendee').set({ attendance }).where('meeting_id', '=', meetingId);
  if (ids) {
    if (ids.length === 0) return;
    query = query.where('id', 'in', ids);
  }
  await query.execute();
}

export interface DecisionValues {
  id?: string;
  position: number;
  text: string;
  agenda_item_id: string | null;
}

export async function saveDecisions(db: Db, meetingId: string, rows: DecisionValues[]) {
  for (const { id, ...values } of rows) {
    if (id) await db.updateTable('meeting_decision').set(values).where('id', '=', id).execute();
    else
      await db
        .insertInto('meeting_decision')
        .values({ ...values, meeting_id: meetingId })
        .execute();
  }
}

// ── Directory look-ups ──

/** Active users by id, with their organization (for attendees and owners). */
export function activeUsersByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user as u')
    .select(['u.id', 'u.full_name', 'u.position', 'u.organization_id'])
    .where('u.id', 'in', ids)
    .where('u.active', '=', true)
    .execute();
}

/** The organizations among `ids` the caller may see in the directory. */
export async function visibleOrganizationIds(db: Db, ctx: RequestContext, ids: string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('organization as o')
    .select('o.id')
    .where('o.id', 'in', ids)
    .where(visibleOrganization(ctx))
    .execute();
  return new Set(rows.map((row) => row.id));
}

/** Up to 20 active users matching a name (and/or of one organization), in organizations the caller may see. */
export function searchPeople(db: Db, ctx: RequestContext, filter: { q?: string; organizationId?: string }) {
  let query = db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.full_name', 'u.position', 'o.id as organization_id', 'o.name as organization_name'])
    .where('u.active', '=', true)
    .where(visibleOrganization(ctx));
  if (filter.q) query = query.where('u.full_name', 'ilike', likePattern(filter.q));
  if (filter.organizationId) query = query.where('u.organization_id', '=', filter.organizationId);
  return query.orderBy('u.full_name').orderBy('u.id').limit(20).execute();
}

export async function isVisibleAgreement(db: Db, ctx: RequestContext, agreementId: string) {
  const row = await db
    .selectFrom('agreement as ag')
    .select('ag.id')
    .where('ag.id', '=', agreementId)
    .where(visibleAgreement(ctx, 'ag.id'))
    .executeTakeFirst();
  return Boolean(row);
}

export async function isVisibleActivity(db: Db, ctx: RequestContext, activityId: string) {
  const row = await db
    .selectFrom('work_plan_activity as wa')
    .select('wa.id')
    .where('wa.id', '=', activityId)
    .where(visibleWorkPlan(ctx, 'wa.work_plan_id'))
    .executeTakeFirst();
  return Boolean(row);
}

// ── Action items ──

function actionItemQuery(db: Db, ctx: RequestContext) {
  return db
    .selectFrom('action_item as ai')
    .innerJoin('meeting as am', 'am.id', 'ai.meeting_id')
    .innerJoin('organization as oo', 'oo.id', 'ai.owner_organization_id')
    .leftJoin('app_user as ou', 'ou.id', 'ai.owner_user_id')
    .leftJoin('agreement as ag', 'ag.id', 'ai.agreement_id')
    .leftJoin('work_plan_activity as wa', 'wa.id', 'ai.work_plan_activity_id')
    .leftJoin('work_plan as wp', 'wp.id', 'wa.work_plan_id')
    .select([
      'ai.id',
      'ai.meeting_id',
      'am.title as meeting_title',
      'am.held_on as meeting_held_on',
      'am.organization_id as meeting_organization_id',
      'am.status as meeting_status',
      // Its meeting's title and date are shown only to those who may open it (a carried item may come from a
      // meeting the caller never saw).
      sql<boolean>`${visibleMeeting(ctx, 'am')}`.as('meeting_visible'),
      'ai.decision_id',
      'ai.title',
      'ai.description',
      'ai.owner_organization_id',
      'oo.name as owner_organization_name',
      'ai.owner_user_id',
      'ou.full_name as owner_user_name',
      'ai.owner_name',
      'ai.due_on',
      'ai.status',
      'ai.done_on',
      'ai.progress_note',
      'ai.agreement_id',
      'ag.title as agreement_title',
      'ag.kind as agreement_kind',
      sql<boolean>`case when ag.id is null then false else ${visibleAgreement(ctx, 'ag.id')} end`.as(
        'agreement_visible',
      ),
      'ai.work_plan_activity_id',
      'wa.title as activity_title',
      'wp.id as work_plan_id',
      'wp.title as work_plan_title',
      sql<boolean>`case when wp.id is null then false else ${visibleWorkPlan(ctx, 'wp.id')} end`.as(
        'work_plan_visible',
      ),
      'ai.topic',
      sql<boolean>`ai.status in ('open', 'in_progress') and ai.due_on < ${TODAY_SQL}`.as('overdue'),
      'ai.version',
      'ai.updated_at',
    ]);
}
export type ActionItemRow = Awaited<
  ReturnType<ReturnType<typeof actionItemQuery>['executeTakeFirstOrThrow']>
>;

/** The action items decided in a meeting, by due date. */
export function actionItemsOf(db: Db, ctx: RequestContext, meetingId: string) {
  return actionItemQuery(db, ctx)
    .where('ai.meeting_id', '=', meetingId)
    .orderBy('ai.due_on')
    .orderBy('ai.created_at')
    .orderBy('ai.id')
    .execute();
}

/** The action items carried into a meeting, by the date of their meeting then due date. */
export function carriedInto(db: Db, ctx: RequestContext, meetingId: string) {
  return actionItemQuery(db, ctx)
    .innerJoin('meeting_carry_over as co', 'co.action_item_id', 'ai.id')
    .where('co.meeting_id', '=', meetingId)
    .orderBy('am.held_on')
    .orderBy('ai.due_on')
    .orderBy('ai.id')
    .execute();
}

/** One action item if its meeting is visible to the caller, or she owns it. */
export function findVisibleActionItem(db: Db, ctx: RequestContext, actionItemId: string) {
  return actionItemQuery(db, ctx)
    .where('ai.id', '=', actionItemId)
    .where((eb) =>
      eb.or([eb('ai.owner_organization_id', '=', ctx.principal.organizationId), visibleMeeting(ctx, 'am')]),
    )
    .executeTakeFirst();
}

export function lockActionItem(db: Db, actionItemId: string) {
  return db
    .selectFrom('action_item')
    .selectAll()
    .where('id', '=', actionItemId)
    .forUpdate()
    .executeTakeFirst();
}

export interface ActionItemValues {
  decision_id: string | null;
  title: string;
  description: string | null;
  owner_organization_id: string;
  owner_user_id: string | null;
  owner_name: string | null;
  due_on: string;
  agreement_id: string | null;
  work_plan_activity_id: string | null;
  topic: string | null;
}

export async function insertActionItem(
  db: Db,
  values: ActionItemValues & { meeting_id: string; created_by: string },
) {
  const row = await db
    .insertInto('action_item')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateActionItemIfVersion(
  db: Db,
  actionItemId: string,
  version: number,
  userId: string,
  values: Partial<ActionItemValues> & {
    status: ActionItemStatus;
    done_on: string | null;
    progress_note: string | null;
  },
) {
  const result = await db
    .updateTable('action_item')
    .set({ ...values, version: version + 1, updated_by: userId, updated_at: sql`now()` })
    .where('id', '=', actionItemId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function decisionIdsOf(db: Db, meetingId: string) {
  const rows = await db
    .selectFrom('meeting_decision')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .execute();
  return new Set(rows.map((row) => row.id));
}

// ── Photos ──

function photoQuery(db: Db) {
  return db
    .selectFrom('meeting_photo as mp')
    .innerJoin('governance_file as f', 'f.id', 'mp.file_id')
    .leftJoin('app_user as up', 'up.id', 'f.uploaded_by')
    .select([
      'f.id',
      'mp.meeting_id',
      'mp.position',
      'f.caption',
      'f.file_name',
      'f.media_type',
      'f.size_bytes',
      'f.storage_key',
      'f.organization_id',
      'up.full_name as uploaded_by_name',
      'f.created_at',
    ])
    .where('f.deleted_at', 'is', null);
}
export type PhotoRow = Awaited<ReturnType<ReturnType<typeof photoQuery>['executeTakeFirstOrThrow']>>;

export function photosOf(db: Db, meetingId: string) {
  return photoQuery(db)
    .where('mp.meeting_id', '=', meetingId)
    .orderBy('mp.position')
    .orderBy('f.id')
    .execute();
}

export function findPhoto(db: Db, meetingId: string, fileId: string) {
  return photoQuery(db).where('mp.meeting_id', '=', meetingId).where('f.id', '=', fileId).executeTakeFirst();
}

export async function insertPhoto(
  db: Db,
  meetingId: string,
  file: {
    organizationId: string;
    fileName: string;
    mediaType: 'image/jpeg' | 'image/png';
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    caption: string | null;
    uploadedBy: string;
  },
) {
  const { id } = await db
    .insertInto('governance_file')
    .values({
      organization_id: file.organizationId,
      kind: 'meeting_photo',
      file_name: file.fileName,
      media_type: file.mediaType,
      size_bytes: file.sizeBytes,
      sha256: file.sha256,
      storage_key: file.storageKey,
      caption: file.caption,
      uploaded_by: file.uploadedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const next = await db
    .selectFrom('meeting_photo')
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('position'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_photo')
    .values({ meeting_id: meetingId, file_id: id, position: next.position })
    .execute();
  return id;
}

export async function updatePhotoCaption(db: Db, fileId: string, caption: string | null) {
  await db.updateTable('governance_file').set({ caption }).where('id', '=', fileId).execute();
}

/** Marks the photo's file deleted (kept on disk and in the database for the audit trail). */
export async function softDeletePhoto(db: Db, fileId: string) {
  const result = await db
    .updateTable('governance_file')
    .set({ deleted_at: sql`now()` })
    .where('id', '=', fileId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

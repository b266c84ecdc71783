import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { ActionItemFilter, ActivityReportStatus } from '../../../shared/governance.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { effectiveStatusSql } from '../agreements/agreements.repository.ts';
import { visibleAgreement, visibleMeeting, visibleWorkPlan } from '../meetings/meetings.access.ts';

// The governance views' queries. Who sees what is the meetings module's rule (meetings.access.ts: a meeting
// is seen by its organizer, its attendees' organizations and the owners of its action items; an agreement by
// its parties; a work plan by its agreement's parties and its activities' responsible organizations), and the
// agreements module's effective status expression: one definition each, used here as SQL.

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const PENDING = sql`ai.status in ('open', 'in_progress')`;
const OVERDUE = sql`(ai.status in ('open', 'in_progress') and ai.due_on < ${TODAY_SQL})`;

export interface ActionItemRow {
  id: string;
  title: string;
  description: string | null;
  meeting_id: string;
  meeting_title: string;
  meeting_held_on: string;
  meeting_organization_id: string;
  owner_organization_id: string;
  owner_organization_name: string;
  owner_user_id: string | null;
  owner_name: string;
  due_on: string;
  status: 'open' | 'in_progress' | 'done' | 'cancelled';
  overdue: boolean;
  days_overdue: number | null;
  done_on: string | null;
  progress_note: string | null;
  topic: string | null;
  agreement_id: string | null;
  agreement_title: string | null;
  activity_id: string | null;
  activity_title: string | null;
  work_plan_id: string | null;
  version: number;
}

/**
 * Action items with their meeting, owner and link, the agreement and activity only when the caller sees them.
 * `where` narrows the rows (it is ANDed to the caller's visibility when `visibility` is given).
 */
function actionItemSelect(ctx: RequestContext, where: RawBuilder<unknown>) {
  return sql<ActionItemRow>`
    select ai.id, ai.title, ai.description, ai.meeting_id, m.title as meeting_title,
      m.held_on::text as meeting_held_on, m.organization_id as meeting_organization_id,
      ai.owner_organization_id, o.name as owner_organization_name, ai.owner_user_id,
      coalesce(u.full_name, ai.owner_name, '') as owner_name, ai.due_on::text as due_on, ai.status,
      ${OVERDUE} as overdue,
      case when ${OVERDUE} then (${TODAY_SQL} - ai.due_on)::int end as days_overdue,
      ai.done_on::text as done_on, ai.progress_note, ai.topic,
      case when ${visibleAgreement(ctx, 'ai.agreement_id')} then ag.id end as agreement_id,
      case when ${visibleAgreement(ctx, 'ai.agreement_id')} then ag.title end as agreement_title,
      case when ${visibleWorkPlan(ctx, 'wa.work_plan_id')} then wa.id end as activity_id,
      case when ${visibleWorkPlan(ctx, 'wa.work_plan_id')} then wa.title end as activity_title,
      case when ${visibleWorkPlan(ctx, 'wa.work_plan_id')} then wa.work_plan_id end as work_plan_id,
      ai.version
    from action_item ai
      join meeting m on m.id = ai.meeting_id
      join organization o on o.id = ai.owner_organization_id
      left join app_user u on u.id = ai.owner_user_id
      left join agreement ag on ag.id = ai.agreement_id
      left join work_plan_activity wa on wa.id = ai.work_plan_activity_id
    where ${where}`;
}

/** Overdue first, then by due date, title and id. */
const ORDER = sql`order by ${OVERDUE} desc, ai.due_on, ai.title, ai.id`;

function filterSql(filter: ActionItemFilter | undefined) {
  if (!filter) return sql`true`;
  if (filter === 'overdue') return OVERDUE;
  if (filter === 'pending') return PENDING;
  return sql`ai.status = ${filter}`;
}

export interface ActionItemFilters {
  organizationId?: string;
  status?: ActionItemFilter;
}

/** The action items of the meetings the caller sees, filtered and paged; with the total. */
export async function listActionItems(
  db: Db,
  ctx: RequestContext,
  filters: ActionItemFilters,
  paging: { page: number; pageSize: number },
): Promise<{ rows: ActionItemRow[]; total: number }> {
  const where = sql`${visibleMeeting(ctx, 'm')}
    and ${filters.organizationId ? sql`ai.owner_organization_id = ${filters.organizationId}` : sql`true`}
    and ${filterSql(filters.status)}`;
  const [rows, count] = await Promise.all([
    sql<ActionItemRow>`${actionItemSelect(ctx, where)} ${ORDER}
      limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`.execute(db),
    sql<{
      total: number;
    }>`select count(*)::int as total from action_item ai join meeting m on m.id = ai.meeting_id
      where ${where}`.execute(db),
  ]);
  return { rows: rows.rows, total: Number(count.rows[0]?.total ?? 0) };
}

export interface OwnerCounts {
  organization_id: string;
  organization_name: string;
  open: number;
  overdue: number;
  done: number;
}

/** Open (overdue included), overdue and done action items by owner organization, of the meetings the caller sees. */
export async function actionItemCounts(db: Db, ctx: RequestContext): Promise<OwnerCounts[]> {
  const result = await sql<OwnerCounts>`
    select o.id as organization_id, o.name as organization_name,
      (count(*) filter (where ${PENDING}))::int as open,
      (count(*) filter (where ${OVERDUE}))::int as overdue,
      (count(*) filter (where ai.status = 'done'))::int as done
    from action_item ai join meeting m on m.id = ai.meeting_id
      join organization o on o.id = ai.owner_organization_id
    where ${visibleMeeting(ctx, 'm')} and ai.status <> 'cancelled'
    group by o.id, o.name
    order by overdue desc, open desc, o.name, o.id`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    open: Number(row.open),
    overdue: Number(row.overdue),
    done: Number(row.done),
  }));
}

/**
 * The caller's own open and in-progress action items: she is the owner user AND her organization is the owner
 * organization (an owner moved to another organization keeps the item's owner_user_id, but the item stays
 * with the organization that owns it: her new organization's session must not show it).
 */
export async function myActionItems(
  db: Db,
  ctx: RequestContext,
  paging: { page: number; pageSize: number },
): Promise<{ rows: ActionItemRow[]; total: number; overdue: number }> {
  const where = sql`ai.owner_user_id = ${ctx.principal.userId}
    and ai.owner_organization_id = ${ctx.principal.organizationId} and ${PENDING}`;
  const [rows, count] = await Promise.all([
    sql<ActionItemRow>`${actionItemSelect(ctx, where)} ${ORDER}
      limit ${paging.pageSize} offset ${(paging.page - 1) * paging.pageSize}`.execute(db),
    sql<{ total: number; overdue: number }>`select count(*)::int as total,
        (count(*) filter (where ${OVERDUE}))::int as overdue
      from action_item ai where ${where}`.execute(db),
  ]);
  return {
    rows: rows.rows,
    total: Number(count.rows[0]?.total ?? 0),
    overdue: Number(count.rows[0]?.overdue ?? 0),
  };
}

/**
 * How many agreements the caller's organization is party to, by effective status; discarded ones are not
 * counted (hidden from the agreement list by default).
 */
export async function agreementStatusCounts(db: Db, ctx: RequestContext) {
  const result = await sql<{ status: string; count: number }>`
    select ${effectiveStatusSql()} as status, count(*)::int as count
    from agreement
    where ${visibleAgreement(ctx, 'agreement.id')} and agreement.status <> 'discarded'
    group by 1`.execute(db);
  return result.rows.map((row) => ({ status: row.status, count: Number(row.count) }));
}

export interface SignedAgreementRow {
  id: string;
  kind: 'mou' | 'pks';
  title: string;
  effective_status: string;
  valid_from: string | null;
  valid_until: string | null;
  days_left: number | null;
  parties: string[];
}

/** The signed agreements of the caller's organization, by valid_until (earliest first), with days left. */
export async function signedAgreements(db: Db, ctx: RequestContext, limit: number) {
  const result = await sql<SignedAgreementRow>`
    select agreement.id, agreement.kind, agreement.title, ${effectiveStatusSql()} as effective_status,
      agreement.valid_from::text as valid_from, agreement.valid_until::text as valid_until,
      (agreement.valid_until - ${TODAY_SQL})::int as days_left,
      array(select o.name from agreement_party p join organization o on o.id = p.organization_id
        where p.agreement_id = agreement.id order by p.position) as parties
    from agreement
    where agreement.status = 'signed' and ${visibleAgreement(ctx, 'agreement.id')}
    order by agreement.valid_until nulls last, agreement.title, agreement.id
    limit ${limit}`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    days_left: row.days_left === null ? null : Number(row.days_left),
  }));
}

// ── Activity report sources ──

/**
 * A meeting the caller sees, with what its report needs; undefined when she does not see it. `took_part`: her
 * organization organized it or has an attendee row (seeing it only as the owner of one of its action items is
 * not taking part in it).
 */
export async function meetingForReport(db: Db, ctx: RequestContext, meetingId: string) {
  const meeting = await db
    .selectFrom('meeting as m')
    .innerJoin('organization as o', 'o.id', 'm.organization_id')
    .select([
      'm.id',
      'm.title',
      'm.held_on',
      'm.starts_at',
      'm.ends_at',
      'm.place',
      'm.chair',
      'm.status',
      'o.name as organizer_name',
      sql<boolean>`(m.organization_id = ${ctx.principal.organizationId}
        or exists (select 1 from meeting_attendee ta where ta.meeting_id = m.id
          and ta.organization_id = ${ctx.principal.organizationId}))`.as('took_part'),
    ])
    .where('m.id', '=', meetingId)
    .where(visibleMeeting(ctx, 'm'))
    .executeTakeFirst();
  if (!meeting) return undefined;
  const [present, agenda, decisions] = await Promise.all([
    db
      .selectFrom('meeting_attendee as a')
      .leftJoin('organization as o', 'o.id', 'a.organization_id')
      .select([
        'a.name',
        'a.job_title',
        sql<string | null>`coalesce(o.name, a.organization_name)`.as('organization_name'),
      ])
      .where('a.meeting_id', '=', meetingId)
      .where('a.attendance', '=', 'present')
      .orderBy('a.position')
      .orderBy('a.id')
      .execute(),
    db
      .selectFrom('meeting_agenda_item')
      .select(['title'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('meeting_decision')
      .select(['text'])
      .where('meeting_id', '=', meetingId)
      .orderBy('position')
      .orderBy('id')
      .execute(),
  ]);
  return { meeting, present, agenda, decisions };
}

/** A work-plan activity the caller sees (through its work plan), with its plan and agreement titles. */
export function activityForReport(db: Db, ctx: RequestContext, activityId: string) {
  return db
    .selectFrom('work_plan_activity as a')
    .innerJoin('work_plan as wp', 'wp.id', 'a.work_plan_id')
    .innerJoin('organization as o', 'o.id', 'a.responsible_organization_id')
    .leftJoin('agreement as ag', 'ag.id', 'wp.agreement_id')
    .select([
      'a.id',
      'a.title',
      'a.description',
      'a.starts_on',
      'a.ends_on',
      'a.location',
      'a.work_plan_id',
      'a.status',
      'o.name as responsible_name',
      'wp.title as work_plan_title',
      'ag.title as agreement_title',
    ])
    .where('a.id', '=', activityId)
    .where(visibleWorkPlan(ctx, 'a.work_plan_id'))
    .executeTakeFirst();
}

// ── Activity reports ──

/** The organization's name and address, for the report's letterhead. */
export function organizationLetterhead(db: Db, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['name', 'address'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow();
}

function reportQuery(db: Db) {
  return db
    .selectFrom('activity_report as r')
    .innerJoin('organization as o', 'o.id', 'r.organization_id')
    .leftJoin('meeting as m', 'm.id', 'r.meeting_id')
    .leftJoin('work_plan_activity as wa', 'wa.id', 'r.activity_id')
    .leftJoin('app_user as cu', 'cu.id', 'r.created_by')
    .leftJoin('app_user as uu', 'uu.id', 'r.updated_by')
    .select([
      'r.id',
      'r.organization_id',
      'o.name as organization_name',
      'r.meeting_id',
      'm.title as meeting_title',
      'r.activity_id',
      'wa.title as activity_title',
      'wa.work_plan_id',
      'r.title',
      'r.held_on',
      'r.place',
      'r.participants',
      'r.summary',
      'r.decisions',
      'r.status',
      'cu.full_name as created_by_name',
      'r.created_at',
      'uu.full_name as updated_by_name',
      'r.updated_at',
      'r.version',
    ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof reportQuery>['executeTakeFirstOrThrow']>>;

/** The organization's report; undefined for another organization's (it is not hers to see). */
export function findReport(db: Db, organizationId: string, reportId: string) {
  return reportQuery(db)
    .where('r.id', '=', reportId)
    .where('r.organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function listReports(
  db: Db,
  organizationId: string,
  filters: { status?: ActivityReportStatus; q?: string },
  paging: { page: number; pageSize: number },
) {
  let base = db.selectFrom('activity_report as r').where('r.organization_id', '=', organizationId);
  if (filters.status) base = base.where('r.status', '=', filters.status);
  if (filters.q) {
    const pattern = likePattern(filters.q);
    base = base.where((eb) => eb.or([eb('r.title', 'ilike', pattern), eb('r.place', 'ilike', pattern)]));
  }
  const ids = base.select('r.id');
  const [rows, count] = await Promise.all([
    reportQuery(db)
      .where('r.id', 'in', ids)
      .orderBy('r.held_on', 'desc')
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id')
      .limit(paging.pageSize)
      .offset((paging.page - 1) * paging.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}

export interface ReportValues {
  title: string;
  held_on: string;
  place: string | null;
  participants: string | null;
  summary: string | null;
  decisions: string | null;
}

export async function insertReport(
  db: Db,
  values: ReportValues & {
    organization_id: string;
    meeting_id: string | null;
    activity_id: string | null;
    created_by: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('activity_report')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The report row locked for a change (of the organization only). */
export function lockReport(db: Db, organizationId: string, reportId: string) {
  return db
    .selectFrom('activity_report')
    .selectAll()
    .where('id', '=', reportId)
    .where('organization_id', '=', organizationId)
    .forUpdate()
    .executeTakeFirst();
}
export type LockedReport = NonNullable<Awaited<ReturnType<typeof lockReport>>>;

/** Writes the values when the version still matches; false when someone saved in between. */
export async function updateReportIfVersion(
  db: Db,
  reportId: string,
  version: number,
  values: Partial<ReportValues> & { status?: ActivityReportStatus },
  userId: string,
): Promise<boolean> {
  const result = await db
    .updateTable('activity_report')
    .set({ ...values, updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', reportId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

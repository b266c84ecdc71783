import { type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { visibleMeeting } from '../meetings/meetings.access.ts';
import { visibleWorkPlanSql } from '../workplans/workplans.access.ts';
import {
  type InsightScope,
  scopeAgreementSql,
  scopeMeetingSql,
  scopePeopleSql,
  scopeWorkPlanSql,
} from './insight.scope.ts';

// The monthly report's queries (issue 9): set-based, one statement per section, every fact filtered by its
// own date inside [periodStart, periodEnd] (or "on or before periodEnd"), never by today, so a past month's
// figures cannot move. Timestamps (created_at, sent_at, an event's at) are compared with the month's bounds
// in Asia/Jakarta. The counts are exact: hiding small counts is the service's business. Exported one by one
// so the benchmark can time them.

type Db = Kysely<Database> | Transaction<Database>;

/** One calendar month: its first and last day ('yyyy-mm-dd'). */
export interface ReportPeriod {
  from: string;
  to: string;
}

/** The month's bounds as instants in the program's time zone (WIB, +07:00, no daylight saving). */
function instants(period: ReportPeriod) {
  const [year, month] = period.from.split('-').map(Number) as [number, number];
  const next = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
  return { start: `${period.from}T00:00:00+07:00`, end: `${next}T00:00:00+07:00` };
}

const FALSE = sql<SqlBool>`false`;
const uuidList = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}::uuid`));

/**
 * The cohorts the organization runs, as a condition over a cohort `c` joined to its program `tp`: the
 * prison's own cohorts (c.organization_id), a partner's those of the programs it provides.
 */
function ownCohortSql(scope: InsightScope): RawBuilder<SqlBool> {
  const organization = scope.organization;
  if (!organization) return sql<SqlBool>`true`;
  if (organization.kind === 'prison') return sql<SqlBool>`c.organization_id = ${organization.id}::uuid`;
  if (organization.kind === 'partner')
    return sql<SqlBool>`tp.provider_organization_id = ${organization.id}::uuid`;
  return FALSE;
}

/** The organization's certificates, over a certificate `cert` left-joined to enrolment `e`, cohort `c`, program `tp`. */
function ownCertificateSql(scope: InsightScope): RawBuilder<SqlBool> {
  const organization = scope.organization;
  if (!organization) return sql<SqlBool>`true`;
  if (organization.kind === 'prison') return sql<SqlBool>`cert.organization_id = ${organization.id}::uuid`;
  if (organization.kind === 'partner')
    return sql<SqlBool>`tp.provider_organization_id = ${organization.id}::uuid`;
  return FALSE;
}

/**
 * The handovers of the organization, over a handover `h` and its person `p`: sent by the prison, sent to the
 * probation office, otherwise those of the people in scope.
 */
function handoverSql(scope: InsightScope, period: ReportPeriod): RawBuilder<SqlBool> {
  const organization = scope.organization;
  if (organization?.kind === 'prison') return sql<SqlBool>`h.from_organization_id = ${organization.id}::uuid`;
  if (organization?.kind === 'probation')
    return sql<SqlBool>`h.to_organization_id = ${organization.id}::uuid`;
  return scopePeopleSql(scope, 'p', period.to);
}

/**
 * The placements of the organization, over a placement's person `p` and opportunity `o`: into a kelurahan's
 * (kecamatan's) opportunities, with the partner, else of the people in scope.
 */
function placementSql(scope: InsightScope, period: ReportPeriod): RawBuilder<SqlBool> {
  const organization = scope.organization;
  if (organization?.kind === 'village' || organization?.kind === 'district')
    return scope.villageIds.length ? sql<SqlBool>`o.village_id in (${uuidList(scope.villageIds)})` : FALSE;
  if (organization?.kind === 'partner') return sql<SqlBool>`o.partner_id = ${organization.id}::uuid`;
  return scopePeopleSql(scope, 'p', period.to);
}

/** A started enrolment: allocated to a cohort `c` (kept through completion or removal) — its start date. */
const START = sql`coalesce(e.joined_on, c.start_date)`;
const ENROLLED_STATUSES = sql`('allocated', 'completed', 'deallocated')`;

export const SUMMARY_COUNT_KEYS = [
  'people_entered',
  'enrolments_started',
  'trainings_completed',
  'sessions_held',
  'attendance_marks',
  'attendance_present',
  'certificates_issued',
  'handovers_sent',
  'handovers_accepted',
  'supervision_attended',
  'supervision_missed',
  'returns_to_custody',
] as const;

export interface SummaryCounts {
  people_entered: number;
  enrolments_started: number;
  trainings_completed: number;
  sessions_held: number;
  attendance_marks: number;
  attendance_present: number;
  certificates_issued: number;
  handovers_sent: number;
  handovers_accepted: number;
  supervision_attended: number;
  supervision_missed: number;
  returns_to_custody: number;
}

/** The month's counts of the summary that `keys` asks for (the others are 0: a kind's report skips them). */
export async function summaryCounts(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
  keys: readonly (keyof SummaryCounts)[] = SUMMARY_COUNT_KEYS,
): Promise<SummaryCounts> {
  const { from, to } = period;
  const { start, end } = instants(period);
  // The people in scope at the month's end: placements after it do not count (same month, same figures).
  const people = scopePeopleSql(scope, 'p', to);
  const cohorts = ownCohortSql(scope);
  const wanted = new Set(keys);
  const parts: RawBuilder<unknown>[] = [];
  if (wanted.has('people_entered'))
    // Entry: the custody record's detention start (this part), else the day the record was created (below).
    parts.push(sql`(select count(*) as entered_in_custody from custody cu join person p on p.id = cu.person_id
      where cu.detention_start_date between ${from}::date and ${to}::date and ${people}) entered`);
  if (wanted.has('people_entered') || wanted.has('returns_to_custody'))
    // One pass over the people in scope for both person-dated facts: created in the month (no custody date)
    // and returned to custody in the month.
    parts.push(sql`(select
        count(*) filter (where p.created_at >= ${start}::timestamptz and p.created_at < ${end}::timestamptz
          and not exists (select 1 from custody cu where cu.person_id = p.id
            and cu.detention_start_date is not null)) as entered_without_custody,
        count(*) filter (where p.returned_on between ${from}::date and ${to}::date) as returns_to_custody
      from person p
      where ((p.created_at >= ${start}::timestamptz and p.created_at < ${end}::timestamptz)
          or p.returned_on between ${from}::date and ${to}::date)
        and ${people}) people`);
  if (wanted.has('enrolments_started') || wanted.has('trainings_completed'))
    // An enrolment starts while its cohort runs, and is completed when its cohort is (cohorts.service: the
    // completion ends every allocation that day): only cohorts running in the month or completed in it.
    parts.push(sql`(select
        count(*) filter (where e.status in ${ENROLLED_STATUSES}
          and ${START} between ${from}::date and ${to}::date
          and not (e.status = 'deallocated' and e.ended_on < ${START})) as enrolments_started,
        count(*) filter (where e.status = 'completed' and e.ended_on between ${from}::date and ${to}::date)
          as trainings_completed
      from training_cohort c join training_program tp on tp.id = c.program_id
        join training_enrolment e on e.cohort_id = c.id
      where ${cohorts} and c.start_date <= ${to}::date
        and (c.end_date >= ${from}::date or c.completed_on >= ${from}::date)
        and e.status in ${ENROLLED_STATUSES}) enrolments`);
  if (wanted.has('sessions_held') || wanted.has('attendance_marks') || wanted.has('attendance_present'))
    // The month's sessions first, then each one's marks through the attendance key (session_id, …): never a
    // pass over the whole attendance table.
    parts.push(sql`(select
        count(*) filter (where s.attendance_recorded_at is not null) as sessions_held,
        coalesce(sum(a.marks), 0) as attendance_marks, coalesce(sum(a.present), 0) as attendance_present
      from training_session s join training_cohort c on c.id = s.cohort_id
        join training_program tp on tp.id = c.program_id
        cross join lateral (select count(*) as marks, count(*) filter (where ta.present) as present
          from training_attendance ta where ta.session_id = s.id) a
      where ${cohorts} and s.status = 'scheduled' and s.date between ${from}::date and ${to}::date) sessions`);
  if (wanted.has('certificates_issued'))
    parts.push(sql`(select count(*) as certificates_issued from certificate cert
        left join training_enrolment e on e.id = cert.enrolment_id
        left join training_cohort c on c.id = e.cohort_id
        left join training_program tp on tp.id = c.program_id
      where ${ownCertificateSql(scope)} and cert.issued_on between ${from}::date and ${to}::date) certificates`);
  if (wanted.has('handovers_sent'))
    parts.push(sql`(select count(*) as handovers_sent from handover h join person p on p.id = h.person_id
      where ${handoverSql(scope, period)} and h.sent_at >= ${start}::timestamptz and h.sent_at < ${end}::timestamptz) sent`);
  if (wanted.has('handovers_accepted'))
    parts.push(sql`(select count(*) as handovers_accepted from handover_event he
        join handover h on h.id = he.handover_id join person p on p.id = h.person_id
      where ${handoverSql(scope, period)} and he.action = 'accepted'
        and he.at >= ${start}::timestamptz and he.at < ${end}::timestamptz) accepted`);
  if (wanted.has('supervision_attended') || wanted.has('supervision_missed'))
    parts.push(sql`(select count(*) filter (where ss.outcome = 'attended') as supervision_attended,
        count(*) filter (where ss.outcome = 'missed') as supervision_missed
      from supervision_session ss join person p on p.id = ss.person_id
      where ${people} and ss.held_on between ${from}::date and ${to}::date) supervision`);
  const counts = Object.fromEntries(SUMMARY_COUNT_KEYS.map((key) => [key, 0])) as unknown as SummaryCounts;
  if (parts.length === 0) return counts;
  const { rows } = await sql<
    Record<string, string | number>
  >`select * from ${sql.join(parts, sql` cross join `)}`.execute(db);
  const row = rows[0] ?? {};
  for (const [key, value] of Object.entries(row))
    if (key in counts) counts[key as keyof SummaryCounts] = Number(value);
  counts.people_entered = Number(row.entered_in_custody ?? 0) + Number(row.entered_without_custody ?? 0);
  if (!wanted.has('people_entered')) counts.people_entered = 0;
  if (!wanted.has('returns_to_custody')) counts.returns_to_custody = 0;
  return counts;
}

export interface CohortRow {
  id: string;
  name: string;
  program_name: string;
  provider_name: string;
  start_date: string;
  end_date: string;
  enrolled: number;
  completed: number;
  certified: number;
  sessions_held: number;
  attendance_marks: number;
  attendance_present: number;
}

/**
 * The organization's cohorts active in the month (dates overlapping it, not cancelled), by start date: enrolled
 * at the month's end (started by then, not removed by then), completed and certified by then, the month's
 * sessions held and attendance marks.
 */
export async function cohortRows(db: Db, scope: InsightScope, period: ReportPeriod): Promise<CohortRow[]> {
  const { from, to } = period;
  // Enrolled at the month's end: started by then and not removed (deallocated) by then.
  const enrolled = sql<SqlBool>`e.status in ${ENROLLED_STATUSES} and ${START} <= ${to}::date
    and not (e.status = 'deallocated' and e.ended_on <= ${to}::date)`;
  // One grouped pass per table (enrolments by cohort, certificates by enrolment, sessions and marks by
  // cohort), joined to the cohorts: no per-cohort subquery.
  const { rows } = await sql<CohortRow>`with cohorts as (
      select c.id, c.name, c.start_date, c.end_date, tp.name as program_name, prov.name as provider_name
      from training_cohort c join training_program tp on tp.id = c.program_id
        join organization prov on prov.id = tp.provider_organization_id
      where ${ownCohortSql(scope)} and c.status <> 'cancelled'
        and c.start_date <= ${to}::date and c.end_date >= ${from}::date
    ), people as (
      select e.cohort_id, count(*) as enrolled,
        count(*) filter (where e.status = 'completed' and e.ended_on <= ${to}::date) as completed,
        count(*) filter (where cert.enrolment_id is not null) as certified
      from training_enrolment e join cohorts c on c.id = e.cohort_id
        left join (select distinct enrolment_id from certificate
          where enrolment_id is not null and issued_on <= ${to}::date) cert on cert.enrolment_id = e.id
      where ${enrolled}
      group by e.cohort_id
    ), marks as (
      select s.cohort_id, count(*) filter (where s.attendance_recorded_at is not null) as sessions_held,
        sum(a.marks) as marks, sum(a.present) as present
      from training_session s join cohorts c on c.id = s.cohort_id
        cross join lateral (select count(*) as marks, count(*) filter (where ta.present) as present
          from training_attendance ta where ta.session_id = s.id) a
      where s.status = 'scheduled' and s.date between ${from}::date and ${to}::date
      group by s.cohort_id
    )
    select c.id, c.name, c.program_name, c.provider_name, c.start_date::text as start_date,
      c.end_date::text as end_date, coalesce(n.enrolled, 0)::int as enrolled,
      coalesce(n.completed, 0)::int as completed, coalesce(n.certified, 0)::int as certified,
      coalesce(m.sessions_held, 0)::int as sessions_held, coalesce(m.marks, 0)::int as attendance_marks,
      coalesce(m.present, 0)::int as attendance_present
    from cohorts c left join people n on n.cohort_id = c.id left join marks m on m.cohort_id = c.id
    order by c.start_date, c.name, c.id`.execute(db);
  return rows;
}

export interface PlacementCell {
  village_id: string;
  village_name: string;
  sector: string;
  count: number;
}

/** Placements made in the month (placed_on), by the opportunity's kelurahan and sector. */
export async function placementCells(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
): Promise<PlacementCell[]> {
  const { rows } = await sql<PlacementCell>`select o.village_id, v.name as village_name, o.sector,
      count(*)::int as count
    from placement pl join opportunity o on o.id = pl.opportunity_id
      join organization v on v.id = o.village_id join person p on p.id = pl.person_id
    where pl.placed_on between ${period.from}::date and ${period.to}::date and ${placementSql(scope, period)}
    group by o.village_id, v.name, o.sector
    order by v.name, o.village_id, o.sector`.execute(db);
  return rows;
}

export interface OutcomeCell {
  window_months: 1 | 3 | 6 | 12;
  checks: number;
  working: number;
}

/** Outcome checks of the people in scope recorded in the month (checked_on), by window. */
export async function outcomeCells(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
): Promise<OutcomeCell[]> {
  const { rows } = await sql<OutcomeCell>`select oc.window_months, count(*)::int as checks,
      count(*) filter (where oc.work_status in ('employed', 'self_employed'))::int as working
    from outcome_check oc join person p on p.id = oc.person_id
    where oc.checked_on between ${period.from}::date and ${period.to}::date
      and ${scopePeopleSql(scope, 'p', period.to)}
    group by oc.window_months order by oc.window_months`.execute(db);
  return rows;
}

/**
 * Whether the viewer's own organization may open a governance record (else its title is not shown): a
 * condition, true when there is no viewer organization (the program's own tools, the benchmark).
 */
const viewerContext = (organizationId: string) =>
  ({ principal: { organizationId }, correlationId: 'insight-report', ip: '' }) as RequestContext;

export interface MeetingRow {
  id: string;
  title: string;
  held_on: string;
  status: 'planned' | 'held' | 'cancelled';
  organizer_id: string;
  organizer_name: string;
  title_visible: boolean;
}

/** Meetings in scope held in the month, by date. */
export async function meetingRows(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
  viewerOrganizationId: string | null,
): Promise<MeetingRow[]> {
  const visible = viewerOrganizationId
    ? visibleMeeting(viewerContext(viewerOrganizationId), 'm')
    : sql<boolean>`true`;
  const { rows } = await sql<MeetingRow>`select m.id, m.title, m.held_on::text as held_on, m.status,
      org.id as organizer_id, org.name as organizer_name, (${visible}) as title_visible
    from meeting m join organization org on org.id = m.organization_id
    where m.status = 'held' and m.held_on between ${period.from}::date and ${period.to}::date
      and ${scopeMeetingSql(scope, 'm')}
    order by m.held_on, m.title, m.id`.execute(db);
  return rows;
}

export interface ActionItemRow {
  organization_id: string;
  organization_name: string;
  opened: number;
  done: number;
  overdue: number;
}

/**
 * Action items of the meetings in scope, by owner organization: created in the month, done in the month, and
 * overdue at its end (created by then, due before the last day, not done by then, not cancelled by then).
 *
 * "Cancelled by then": action_item has no cancellation date, but every change of an item (its only writer,
 * meetings.repository updateActionItemIfVersion) sets updated_at, so an item cancelled now whose last change
 * was before the month's end was cancelled at its end. One changed after the month's end counts as not
 * cancelled then (overdue if it was due): it may have been cancelled before and edited after, a rare case
 * that would need the audit trail (action_item.updated, details.status) to tell.
 */
export async function actionItemRows(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
): Promise<ActionItemRow[]> {
  const { from, to } = period;
  const { start, end } = instants(period);
  const { rows } = await sql<ActionItemRow>`select * from (
      select org.id as organization_id, org.name as organization_name,
        count(*) filter (where ai.created_at >= ${start}::timestamptz and ai.created_at < ${end}::timestamptz)::int
          as opened,
        count(*) filter (where ai.status = 'done' and ai.done_on between ${from}::date and ${to}::date)::int as done,
        count(*) filter (where ai.created_at < ${end}::timestamptz and ai.due_on < ${to}::date
          and not (ai.status = 'cancelled' and ai.updated_at < ${end}::timestamptz)
          and not (ai.status = 'done' and (ai.done_on is null or ai.done_on <= ${to}::date)))::int as overdue
      from action_item ai join meeting m on m.id = ai.meeting_id
        join organization org on org.id = ai.owner_organization_id
      where ${scopeMeetingSql(scope, 'm')}
      group by org.id, org.name
    ) t where opened > 0 or done > 0 or overdue > 0
    order by organization_name, organization_id`.execute(db);
  return rows;
}

export interface ActivityRow {
  id: string;
  title: string;
  kind: string;
  starts_on: string;
  ends_on: string;
  status: string;
  responsible_id: string;
  responsible_name: string;
  plan_title: string;
  title_visible: boolean;
}

/** Work-plan activities in scope whose dates overlap the month, by start date. */
export async function activityRows(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
  viewerOrganizationId: string | null,
): Promise<ActivityRow[]> {
  const visible = viewerOrganizationId
    ? visibleWorkPlanSql(viewerOrganizationId, 'wp.id')
    : sql<boolean>`true`;
  const { rows } = await sql<ActivityRow>`select wa.id, wa.title, wa.kind, wa.starts_on::text as starts_on,
      wa.ends_on::text as ends_on, wa.status, ro.id as responsible_id, ro.name as responsible_name,
      wp.title as plan_title, (${visible}) as title_visible
    from work_plan_activity wa join work_plan wp on wp.id = wa.work_plan_id
      join organization ro on ro.id = wa.responsible_organization_id
    where wa.starts_on <= ${period.to}::date and wa.ends_on >= ${period.from}::date
      and ${scopeWorkPlanSql(scope, 'wp.id')}
    order by wa.starts_on, wa.title, wa.id`.execute(db);
  return rows;
}

export interface AgreementRow {
  id: string;
  kind: 'mou' | 'pks';
  title: string;
  status: 'draft' | 'in_review' | 'agreed' | 'signed' | 'terminated' | 'renewed' | 'discarded';
  signed_on: string | null;
  valid_from: string | null;
  valid_until: string | null;
  terminated_on: string | null;
  parties: string[];
  title_visible: boolean;
}

/** Agreements in scope signed in the month or whose validity ends in it, by date. */
export async function agreementRows(
  db: Db,
  scope: InsightScope,
  period: ReportPeriod,
  viewerOrganizationId: string | null,
): Promise<AgreementRow[]> {
  const { from, to } = period;
  const visible = viewerOrganizationId
    ? sql<boolean>`exists (select 1 from agreement_party vp where vp.agreement_id = a.id
        and vp.organization_id = ${viewerOrganizationId}::uuid)`
    : sql<boolean>`true`;
  const { rows } = await sql<AgreementRow>`select a.id, a.kind, a.title, a.status,
      a.signed_on::text as signed_on, a.valid_from::text as valid_from, a.valid_until::text as valid_until,
      a.terminated_on::text as terminated_on,
      array(select o.name from agreement_party ap join organization o on o.id = ap.organization_id
        where ap.agreement_id = a.id order by ap.position) as parties,
      (${visible}) as title_visible
    from agreement a
    where a.signed_on is not null and a.signed_on <= ${to}::date
      and (a.signed_on between ${from}::date and ${to}::date or a.valid_until between ${from}::date and ${to}::date)
      and ${scopeAgreementSql(scope, 'a.id')}
    order by coalesce(case when a.signed_on >= ${from}::date then a.signed_on end, a.valid_until), a.title, a.id`.execute(
    db,
  );
  return rows;
}

export interface OrganizationRow {
  id: string;
  kind: 'prison' | 'probation' | 'district' | 'village' | 'partner';
  name: string;
  short_name: string | null;
  code: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
}

/** The organization the report is about (its letterhead). */
export function organizationRow(db: Db, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'kind', 'name', 'short_name', 'code', 'address', 'phone', 'email'])
    .where('id', '=', organizationId)
    .executeTakeFirstOrThrow() as Promise<OrganizationRow>;
}

/** Organizations a report may be made for: one, or all (by kind in program order, then name). */
export function reportOrganizations(db: Db, onlyId: string | null) {
  let query = db
    .selectFrom('organization')
    .select(['id', 'kind', 'name', 'short_name'])
    .orderBy(
      sql`case kind when 'prison' then 0 when 'probation' then 1 when 'district' then 2 when 'village' then 3 else 4 end`,
    )
    .orderBy('name')
    .orderBy('id');
  if (onlyId) query = query.where('id', '=', onlyId);
  return query.execute();
}

import { type Kysely, type RawBuilder, sql } from 'kysely';
import {
  TASK_ACTION_ITEM_AHEAD_DAYS,
  TASK_AGREEMENT_EXPIRING_DAYS,
  TASK_OUTCOME_AHEAD_DAYS,
  TASK_OUTCOME_GRACE_DAYS,
  TASK_RETURNED_DAYS,
  TASK_REVIEW_AHEAD_DAYS,
  TASK_VISIT_AHEAD_DAYS,
  type TaskKind,
} from '../../../shared/tasks.ts';
import type { Database } from '../../db/schema.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';

// One SQL query per task kind. Every query returns the same columns: the person (id and name), the due date,
// a count for grouped items and the kind's params. Each is scoped by the caller's organization (and, for a
// PK, her own caseload) in its WHERE clause. Only people the caller may see NOW (scope.visible) give tasks:
// a task about someone she may not see (e.g. after a consent withdrawal or a transfer) is not hers, so it is
// neither listed nor counted (runTasks/countTasks drop the rows whose name the query left null). A query is only run for a caller whose role has that kind (tasks.service.ts).
// The functions build the query; `runTasks` lists its rows and `countTasks` only counts them (home page).

type Db = Kysely<Database>;

export interface TaskRow {
  kind: TaskKind;
  /** Null for the governance kinds, which are about no person. */
  person_id: string | null;
  /**
   * Null in a person kind's query when the caller may not see her now (runTasks/countTasks drop those rows);
   * always null for the governance kinds (run with `personal` false: nothing dropped).
   */
  person_name: string | null;
  due_on: string | null;
  count: number | null;
  params: Record<string, string | number> | null;
}

export interface TaskScope {
  organizationId: string;
  userId: string;
  /** The SQL condition "the caller may see person p now" (false when she reads no people): tasks need it. */
  visible: RawBuilder<boolean>;
}

const days = (n: number) => sql`make_interval(days => ${n})`;

/**
 * She is under supervision now: out (recorded release, else the expected date, reached), not back in custody,
 * and her supervision term not over.
 */
const SUPERVISED_SQL = sql`coalesce(p.released_on, p.release_date) <= ${TODAY_SQL}
  and not (p.returned_on is not null and p.returned_on <= ${TODAY_SQL}
    and (p.released_on is null or p.returned_on >= p.released_on))
  and (p.supervision_end_date is null or p.supervision_end_date >= ${TODAY_SQL})`;

/**
 * Only the rows about people the caller may see now (person_name null = not visible). The kind's query runs
 * as written (materialized), so its plan stays the one measured in bench/tasks.ts, and the visibility test is
 * evaluated only on its result rows.
 */
const visibleOnly = (query: RawBuilder<TaskRow>) =>
  sql`with t as materialized (${query}) select * from t where t.person_name is not null`;

/** The query as run: a person kind's keeps only the people the caller may see now. */
const scoped = (query: RawBuilder<TaskRow>, personal: boolean) => (personal ? visibleOnly(query) : query);

/** The rows of a task query (`personal` false: a governance kind, about no person). */
export async function runTasks(db: Db, query: RawBuilder<TaskRow>, personal = true): Promise<TaskRow[]> {
  const result = await sql<TaskRow>`${scoped(query, personal)}`.execute(db);
  return result.rows;
}

export interface TaskCount {
  kind: TaskKind;
  count: number;
  overdue: number;
}

/** Only the counts of a task query, by kind (no rows leave the database, nothing is sorted). */
export async function countTasks(db: Db, query: RawBuilder<TaskRow>, personal = true): Promise<TaskCount[]> {
  const result = await sql<TaskCount>`
    select t.kind, count(*)::int as count,
      (count(*) filter (where t.due_on::date < ${TODAY_SQL}))::int as overdue
    from (${scoped(query, personal)}) t group by t.kind`.execute(db);
  return result.rows.map((row) => ({ ...row, count: Number(row.count), overdue: Number(row.overdue) }));
}

/** Prison: her people within the pre-release window without a reintegration plan. */
export function planMissing(scope: TaskScope, windowDays: number) {
  return sql<TaskRow>`
      select 'plan_missing' as kind, p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
        p.release_date::text as due_on, null::int as count, null::jsonb as params
      from person p
      where p.organization_id = ${scope.organizationId} and p.anonymized_at is null
        and p.released_on is null
        and p.release_date > ${TODAY_SQL} and p.release_date <= ${TODAY_SQL} + ${windowDays}::int
        and not exists (select 1 from reintegration_plan r where r.person_id = p.id)`;
}

/**
 * Prison: plans of her prison whose next review is at most a week away (or past), while the plan is live:
 * the person is still in custody before her release (not released, not past her release date). Plans of
 * people released (or back in custody after a release) are no longer reviewed by the prison.
 */
export function planReviewDue(scope: TaskScope) {
  return sql<TaskRow>`
      select 'plan_review_due' as kind, p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
        r.next_review_on::text as due_on, null::int as count, null::jsonb as params
      from reintegration_plan r join person p on p.id = r.person_id
      where r.organization_id = ${scope.organizationId} and p.anonymized_at is null
        and p.released_on is null and (p.release_date is null or p.release_date > ${TODAY_SQL})
        and r.next_review_on <= ${TODAY_SQL} + ${TASK_REVIEW_AHEAD_DAYS}::int`;
}

/** Bapas head: handovers sent to her Bapas, waiting for a decision. */
export function handoverToDecide(scope: TaskScope) {
  return sql<TaskRow>`
      select 'handover_to_decide' as kind, p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
        coalesce(h.expected_release_date, p.release_date)::text as due_on, null::int as count,
        jsonb_build_object('handoverId', h.id, 'organizationName', o.name) as params
      from handover h join person p on p.id = h.person_id join organization o on o.id = h.from_organization_id
      where h.to_organization_id = ${scope.organizationId} and h.status = 'sent' and p.anonymized_at is null
       `;
}

/** Prison: handovers it sent that were returned in the last 30 days and not sent again since. */
export function handoverReturned(scope: TaskScope) {
  return sql<TaskRow>`
      select 'handover_returned' as kind, p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
        case when p.released_on is null then p.release_date::text end as due_on, null::int as count,
        jsonb_build_object('handoverId', h.id, 'organizationName', o.name,
          'returnedOn', (h.decided_at at time zone 'Asia/Jakarta')::date::text) as params
      from handover h join person p on p.id = h.person_id join organization o on o.id = h.to_organization_id
      where h.from_organization_id = ${scope.organizationId} and h.status = 'returned'
        and h.decided_at >= now() - ${days(TASK_RETURNED_DAYS)} and p.anonymized_at is null
        and not exists (select 1 from handover later where later.person_id = h.person_id and later.sent_at > h.sent_at)`;
}

/**
 * Supervision visits: a PK's clients due within a week (visit_due) or overdue (visit_overdue); for a Bapas
 * head (officerOnly false) every client of her Bapas, overdue only.
 */
export function visits(scope: TaskScope, officerOnly: boolean) {
  const officer = officerOnly ? sql`and h.officer_user_id = ${scope.userId}` : sql``;
  const horizon = officerOnly ? sql`${TODAY_SQL} + ${TASK_VISIT_AHEAD_DAYS}::int` : sql`${TODAY_SQL} - 1`;
  return sql<TaskRow>`
      select case when s.next_due_on < ${TODAY_SQL} then 'visit_overdue' else 'visit_due' end as kind,
        p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
        s.next_due_on::text as due_on, null::int as count,
        case when s.next_due_on < ${TODAY_SQL}
          then jsonb_build_object('daysOverdue', ${TODAY_SQL} - s.next_due_on) end as params
      from handover h
        join supervision_schedule s on s.person_id = h.person_id
        join person p on p.id = h.person_id
      where h.status = 'accepted' and h.to_organization_id = ${scope.organizationId} ${officer}
        and s.active and s.organization_id = ${scope.organizationId} and s.next_due_on <= ${horizon}
        and p.anonymized_at is null and ${SUPERVISED_SQL}`;
}

/**
 * Open escalations of current clients, one item per person with the highest open level and how many are
 * open: a PK's own clients' (officerOnly), or for a Bapas head those reported to her (report_to_head) of the
 * clients of her Bapas. Someone back in custody, or whose supervision is over, is no client: no task.
 */
export function escalations(scope: TaskScope, officerOnly: boolean) {
  const officer = officerOnly ? sql`and h.officer_user_id = ${scope.userId}` : sql``;
  const level = officerOnly ? sql`` : sql`and e.level = 'report_to_head'`;
  return sql<TaskRow>`
      select 'escalation_open' as kind, p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
        null::text as due_on, o.count::int as count,
        jsonb_build_object('level', case o.rank when 3 then 'report_to_head' when 2 then 'warning' else 'reminder' end,
          'raisedOn', (o.latest at time zone 'Asia/Jakarta')::date::text) as params
      from (
        select e.person_id, count(*) as count, max(e.created_at) as latest,
          max(case e.level when 'report_to_head' then 3 when 'warning' then 2 else 1 end) as rank
        from supervision_escalation e
        where e.organization_id = ${scope.organizationId} and e.resolved_at is null ${level}
          and exists (select 1 from handover h where h.person_id = e.person_id and h.status = 'accepted'
            and h.to_organization_id = ${scope.organizationId} ${officer})
        group by e.person_id) o
        join person p on p.id = o.person_id
      where p.anonymized_at is null and ${SUPERVISED_SQL}`;
}

const WINDOWS = sql`(values (1), (3), (6), (12)) w(months)`;

/** The outcome windows of person p due within 14 days (or past) and not recorded, while she is out. */
const OUTCOME_DUE_SQL = sql`p.released_on is not null and p.anonymized_at is null
  and p.released_on <= ${TODAY_SQL}
  and (p.returned_on is null or p.returned_on < p.released_on)
  and (p.released_on + make_interval(months => w.months))::date <= ${TODAY_SQL} + ${TASK_OUTCOME_AHEAD_DAYS}::int
  and (p.released_on + make_interval(months => 12))::date + ${TASK_OUTCOME_GRACE_DAYS}::int >= ${TODAY_SQL}
  and not exists (select 1 from outcome_check c where c.person_id = p.id and c.window_months = w.months)`;

const OUTCOME_COLUMNS = (
  scope: TaskScope,
) => sql`'outcome_check_due' as kind, p.id as person_id, case when ${scope.visible} then p.full_name end as person_name,
  (p.released_on + make_interval(months => w.months))::date::text as due_on, null::int as count,
  jsonb_build_object('windowMonths', w.months) as params`;

/** Outcome checks of a Bapas's clients (a PK's own when officerOnly). */
export function outcomeChecksOfClients(scope: TaskScope, officerOnly: boolean) {
  const officer = officerOnly ? sql`and h.officer_user_id = ${scope.userId}` : sql``;
  return sql<TaskRow>`
      select ${OUTCOME_COLUMNS(scope)}
      from handover h join person p on p.id = h.person_id cross join ${WINDOWS}
      where h.status = 'accepted' and h.to_organization_id = ${scope.organizationId} ${officer}
        and ${OUTCOME_DUE_SQL}`;
}

/** Outcome checks of the prison's people released without an accepted handover to a Bapas. */
export function outcomeChecksOfPrison(scope: TaskScope) {
  return sql<TaskRow>`
      select ${OUTCOME_COLUMNS(scope)}
      from person p cross join ${WINDOWS}
      where p.organization_id = ${scope.organizationId}
        and p.released_on >= ${TODAY_SQL} - make_interval(months => 12) - ${days(TASK_OUTCOME_GRACE_DAYS)}
        and not exists (select 1 from handover h where h.person_id = p.id and h.status = 'accepted')
        and ${OUTCOME_DUE_SQL}`;
}

// ── Governance (issue 8): about no person; scoped by the caller's organization and her own user ──

/**
 * The condition under which the caller acts for her organization on agreements (agreements.access.ts
 * canActFor, in SQL so no extra round trip precedes the task queries): `head` (approve:agreement) → always;
 * otherwise a live delegate row of her organization naming her (the service asks this only of staff with
 * manage:agreement, as isLiveDelegate does).
 */
function actsForOrganization(scope: TaskScope, head: boolean) {
  if (head) return sql<boolean>`true`;
  return sql<boolean>`exists (select 1 from agreement_delegate d where d.organization_id = ${scope.organizationId}
    and d.user_id = ${scope.userId} and d.revoked_at is null)`;
}

/**
 * Agreements in review whose current text her organization (a party) has not agreed yet: for its heads and
 * live delegates (`head`: she is a head; otherwise only while she is a live delegate). No due date.
 */
export function agreementToApprove(scope: TaskScope, head: boolean) {
  return sql<TaskRow>`
      select 'agreement_to_approve' as kind, null::uuid as person_id, null::text as person_name,
        null::text as due_on, null::int as count,
        jsonb_build_object('agreementId', a.id, 'title', a.title, 'textVersion', a.text_version) as params
      from agreement a join agreement_party p on p.agreement_id = a.id
      where p.organization_id = ${scope.organizationId} and a.status = 'in_review'
        and (p.agreed_text_version is null or p.agreed_text_version < a.text_version)
        and ${actsForOrganization(scope, head)}`;
}

/** Signed agreements of her organization ending today or within 90 days: for its heads and live delegates. */
export function agreementExpiring(scope: TaskScope, head: boolean) {
  return sql<TaskRow>`
      select 'agreement_expiring' as kind, null::uuid as person_id, null::text as person_name,
        a.valid_until::text as due_on, null::int as count,
        jsonb_build_object('agreementId', a.id, 'title', a.title,
          'daysLeft', a.valid_until - ${TODAY_SQL}) as params
      from agreement a join agreement_party p on p.agreement_id = a.id
      where p.organization_id = ${scope.organizationId} and a.status = 'signed'
        and a.valid_until >= ${TODAY_SQL} and a.valid_until <= ${TODAY_SQL} + ${TASK_AGREEMENT_EXPIRING_DAYS}::int
        and ${actsForOrganization(scope, head)}`;
}

/**
 * Her own action items (owner user) that her organization owns (owner organization: an item she was given in
 * an organization she has since left stays with that organization), open or in progress, overdue or due
 * within 7 days.
 */
export function actionItemsDue(scope: TaskScope) {
  return sql<TaskRow>`
      select 'action_item_due' as kind, null::uuid as person_id, null::text as person_name,
        ai.due_on::text as due_on, null::int as count,
        jsonb_build_object('actionItemId', ai.id, 'meetingId', ai.meeting_id, 'title', ai.title) as params
      from action_item ai
      where ai.owner_user_id = ${scope.userId} and ai.owner_organization_id = ${scope.organizationId}
        and ai.status in ('open', 'in_progress')
        and ai.due_on <= ${TODAY_SQL} + ${TASK_ACTION_ITEM_AHEAD_DAYS}::int`;
}

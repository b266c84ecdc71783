import { type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { statusSql } from '../people/people.repository.ts';
import {
  type InsightScope,
  scopeAgreementSql,
  scopeMeetingSql,
  scopePeopleSql,
  scopePersonIdsSql,
  scopeWorkPlanSql,
  villagePeopleIdsSql,
} from './insight.scope.ts';

// The insight figures as set-based SQL (issue 9). Every function takes (db, scope, filter) and returns raw
// counts (never hidden: the service hides small counts for the caller), so the benchmark can run the very
// same queries directly. Each query filters on the scope's indexed column first (person.organization_id,
// intended_village_id, a placement's opportunity), then on dates. A membership test inside an aggregate is a
// join with a distinct set of ids, never `x in (select …)` in a select list or filter: such a subplan is hashed
// only while its ids fit in work_mem, and otherwise re-run for every row (minutes on 300,000 people). In a
// WHERE clause `in (select …)` is a semi-join and is fine.

type Db = Kysely<Database> | Transaction<Database>;

export interface InsightFilter {
  /** First and last day of the period ('yyyy-mm-dd'). */
  periodStart: string;
  periodEnd: string;
  /** min(periodEnd, today in Asia/Jakarta). */
  asOf: string;
  /** Only people intended for or placed in this kelurahan. */
  villageId: string | null;
  /** The current sentence rules' pre-release window (days). */
  preReleaseWindowDays: number;
}

const date = (value: string) => sql`${value}::date`;

/**
 * Runs one statement of the figures in its own short transaction, without JIT and with room for its hash
 * tables: on 300,000 people JIT compilation cost more than the statement itself, and at the default 4 MB of
 * work_mem the per-person hash aggregates spill to disk. Inside a caller's transaction the settings hold
 * until it ends.
 */
export async function analytic<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  const run = async (trx: Db) => {
    await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true),
      set_config('max_parallel_workers_per_gather', '0', true)`.execute(trx);
    return (await query.execute(trx)).rows;
  };
  return db.isTransaction ? run(db) : db.transaction().execute(run);
}

/**
 * Person `alias` is intended for the kelurahan or was placed (placed_on set, on or before `cutoff`) in one of
 * its opportunities.
 */
function ofVillage(villageId: string, alias: string, cutoff: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${sql.ref(`${alias}.id`)} in (${villagePeopleIdsSql([villageId], cutoff)})`;
}

/** Who a figure counts: the kelurahan filter and the day placements count by (a period's asOf). */
type PeopleFilter = Pick<InsightFilter, 'villageId' | 'asOf'>;

/**
 * The SQL condition "the person id in `column` counts": `true` for the whole program (no join at all), else
 * `column in (…)` over the scope's own id set (scopePersonIdsSql: a probation office's links, a partner's
 * placements… never a test of every person) and, with a kelurahan filter, over the kelurahan's people.
 */
export function personInSql(scope: InsightScope, filter: PeopleFilter, column: string): RawBuilder<SqlBool> {
  const conditions: RawBuilder<SqlBool>[] = [];
  const ids = scopePersonIdsSql(scope, filter.asOf);
  if (ids) conditions.push(sql<SqlBool>`${sql.ref(column)} in (${ids})`);
  if (filter.villageId)
    conditions.push(
      sql<SqlBool>`${sql.ref(column)} in (${villagePeopleIdsSql([filter.villageId], filter.asOf)})`,
    );
  return conditions.length === 0 ? sql<SqlBool>`true` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;
}

const toInt = (value: unknown) => Number(value ?? 0);

// ── Funnel and stock (one pass over person) ──

export interface FunnelCounts {
  in_program: number;
  in_training: number;
  certified: number;
  pre_release: number;
  handed_over: number;
  placed: number;
  working_12_months: number;
}

export interface NowCounts {
  in_custody: number;
  in_training: number;
  pre_release: number;
  under_supervision: number;
  placed: number;
}

/**
 * A person's stock class on asOf (peopleCounts): returned to custody after her release; inside and within the
 * pre-release window; inside before it; released and under supervision; out otherwise (supervision ended, or
 * the release date passed unrecorded). 0: not yet entered.
 */
const STOCK = { returned: 1, preRelease: 2, custody: 3, supervised: 4, out: 5 } as const;
const IN_CUSTODY = new Set<number>([STOCK.returned, STOCK.preRelease, STOCK.custody]);

/**
 * The funnel and the stock now, from insight_person (migration 2026_11_30_0011: one narrow row a person with
 * the first day she reached each stage, kept by the database's triggers), over the people of the scope who
 * entered by the period's end: one pass that sorts each person into her funnel depth and her stock class,
 * then the counts from those groups.
 *
 * Funnel (nested): in the program during the period (entered by its end, supervision not ended before its
 * start), then of those who reached each next stage by asOf: an enrolment allocated or completed in a cohort
 * (not cancelled) started by asOf; a certificate issued; released, or the release date within the pre-release
 * window; a handover accepted (its acceptance event); placed; a 12-month check saying employed/self_employed.
 *
 * Stock as of asOf (entered by then): in custody (not released by then, or returned after her release;
 * pre-release included), in a cohort running that day, pre-release (release date within the window after
 * asOf), released and under supervision, placed (placed_on ≤ asOf, not ended by then). The journey rule of
 * people.repository's statusSql, on asOf instead of today.
 */
export async function peopleCounts(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
): Promise<{ funnel: FunnelCounts; now: NowCounts }> {
  const asOf = date(filter.asOf);
  const window = sql.lit(Math.trunc(filter.preReleaseWindowDays));
  const reached = (column: string) => sql.raw(`m.${column} is null or m.${column} > `);
  const [groups, running] = await Promise.all([
    analytic(
      db,
      sql<{ depth: number; stock: number; count: number }>`
      select
        case
          when m.supervision_end_date < ${date(filter.periodStart)} then 0
          when ${reached('training_on')}${asOf} then 1
          when ${reached('certified_on')}${asOf} then 2
          when not coalesce(m.released_on <= ${asOf} or m.release_date - ${window}::integer <= ${asOf}, false) then 3
          when ${reached('handed_over_on')}${asOf} then 4
          when ${reached('placed_on')}${asOf} then 5
          when ${reached('working_12_on')}${asOf} then 6
          else 7
        end as depth,
        case
          when m.entry_on > ${asOf} then 0
          when m.returned_on <= ${asOf} and (m.released_on is null or m.returned_on >= m.released_on) then ${sql.lit(STOCK.returned)}
          when m.released_on <= ${asOf} then
            case when m.supervision_end_date > ${asOf} then ${sql.lit(STOCK.supervised)} else ${sql.lit(STOCK.out)} end
          when m.release_date <= ${asOf} then ${sql.lit(STOCK.out)}
          when m.release_date <= ${asOf} + ${window}::integer then ${sql.lit(STOCK.preRelease)}
          else ${sql.lit(STOCK.custody)}
        end as stock,
        count(*)::int as count
      from insight_person m
      where ${personInSql(scope, filter, 'm.id')} and m.entry_on <= ${date(filter.periodEnd)}
      group by 1, 2`,
    ),
    analytic(
      db,
      sql<{ in_training: number; placed: number }>`
      select
        (select count(distinct ie.person_id) from insight_enrolment ie
          where ie.cohort_end_on >= ${asOf} and ie.cohort_start_on <= ${asOf}
            and ie.status in ('allocated', 'completed') and ie.cohort_status <> 'cancelled'
            and ie.person_entry_on <= ${asOf} and ${personInSql(scope, filter, 'ie.person_id')})::int as in_training,
        (select count(*) from insight_person m where m.id in (select pl.person_id from placement pl
            where pl.placed_on <= ${asOf} and (pl.ended_on is null or pl.ended_on > ${asOf}))
          and m.entry_on <= ${asOf} and ${personInSql(scope, filter, 'm.id')})::int as placed`,
    ),
  ]);
  const count = (where: (row: { depth: number; stock: number }) => boolean) =>
    groups.reduce((sum, row) => sum + (where(row) ? toInt(row.count) : 0), 0);
  const depth = (least: number) => count((row) => row.depth >= least);
  return {
    funnel: {
      in_program: depth(1),
      in_training: depth(2),
      certified: depth(3),
      pre_release: depth(4),
      handed_over: depth(5),
      placed: depth(6),
      working_12_months: depth(7),
    },
    now: {
      in_custody: count((row) => IN_CUSTODY.has(row.stock)),
      in_training: toInt(running[0]?.in_training),
      pre_release: count((row) => row.stock === STOCK.preRelease),
      under_supervision: count((row) => row.stock === STOCK.supervised),
      placed: toInt(running[0]?.placed),
    },
  };
}

// ── Training ──

export interface TrainingCounts {
  cohortsRunning: number;
  cohortsCompleted: number;
  attendanceRecorded: number;
  attendancePresent: number;
  completedEnrolments: number;
  certifiedEnrolments: number;
}

/**
 * Cohorts (not cancelled) with a person in scope allocated or completed, running in the period, and of those
 * the ones completed in it (a few thousand cohorts, each looked up in the enrolments' index); from
 * insight_enrolment and insight_attendance_month (migration 2026_11_30_0011): attendance marks of people in scope in sessions (not cancelled) of the period's months; completed enrolments
 * (people in scope) of cohorts completed in the period, and of those the ones with a certificate for the
 * enrolment issued by asOf.
 */
export async function trainingCounts(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
): Promise<TrainingCounts> {
  const start = date(filter.periodStart);
  const end = date(filter.periodEnd);
  const asOf = date(filter.asOf);
  const [cohorts, attendance, certification] = await Promise.all([
    analytic(
      db,
      sql<{ running: number; completed: number }>`
      select count(*)::int as running,
        (count(*) filter (where tc.status = 'completed'
          and coalesce(tc.completed_on, tc.end_date) between ${start} and ${end}))::int as completed
      from training_cohort tc
      where tc.status <> 'cancelled' and tc.start_date <= ${end}
        and coalesce(tc.completed_on, tc.end_date) >= ${start}
        and exists (select 1 from training_enrolment e where e.cohort_id = tc.id
          and e.status in ('allocated', 'completed') and ${personInSql(scope, filter, 'e.person_id')})`,
    ),
    analytic(
      db,
      sql<{ recorded: number; present: number }>`
      select coalesce(sum(am.recorded), 0)::int as recorded, coalesce(sum(am.present), 0)::int as present
      from insight_attendance_month am
      where am.month between ${start} and ${end} and ${personInSql(scope, filter, 'am.person_id')}`,
    ),
    analytic(
      db,
      sql<{ completed: number; certified: number }>`
      select count(*)::int as completed, (count(*) filter (where ie.certified_on <= ${asOf}))::int as certified
      from insight_enrolment ie
      where ie.cohort_end_on between ${start} and ${end} and ie.cohort_status = 'completed'
        and ie.status = 'completed' and ${personInSql(scope, filter, 'ie.person_id')}`,
    ),
  ]);
  return {
    cohortsRunning: toInt(cohorts[0]?.running),
    cohortsCompleted: toInt(cohorts[0]?.completed),
    attendanceRecorded: toInt(attendance[0]?.recorded),
    attendancePresent: toInt(attendance[0]?.present),
    completedEnrolments: toInt(certification[0]?.completed),
    certifiedEnrolments: toInt(certification[0]?.certified),
  };
}

// ── Placements ──

export interface PlacementCell {
  village_id: string;
  village_name: string;
  sector: string;
  count: number;
}

/** Placements of people in scope placed (placed_on) in the period up to asOf, by kelurahan and sector. */
export async function placementCells(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
): Promise<PlacementCell[]> {
  const rows = await analytic(
    db,
    sql<PlacementCell>`
    select op.village_id, v.name as village_name, op.sector, count(*)::int as count
    from placement pl
    join opportunity op on op.id = pl.opportunity_id
    join organization v on v.id = op.village_id
    where pl.placed_on between ${date(filter.periodStart)} and ${date(filter.asOf)}
      and ${personInSql(scope, filter, 'pl.person_id')}
    group by op.village_id, v.name, op.sector`,
  );
  return rows.map((row) => ({ ...row, count: toInt(row.count) }));
}

// ── Outcomes by release cohort ──

export interface CohortCounts {
  cohort: string;
  size: number;
  returned_12: number;
  returned_24: number;
  checks_3: number;
  working_3: number;
  checks_6: number;
  working_6: number;
  checks_12: number;
  working_12: number;
}

/**
 * Per release quarter ('YYYY-Qn') of people in scope released between `from` and min(`to`, asOf): size,
 * returned to custody within 12 and 24 months of release (her earliest return after release: person.returned_on
 * or a check's returned_to_custody_on — the outcomes module's rule), and per window 3/6/12 the checks recorded
 * by asOf and those saying employed or self_employed.
 */
export async function cohortCounts(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
  from: string,
  to: string,
): Promise<CohortCounts[]> {
  const asOf = date(filter.asOf);
  const last = to < filter.asOf ? to : filter.asOf;
  const rows = await analytic(
    db,
    sql<CohortCounts>`
    with cohort as (
      select p.id, p.released_on,
        to_char(p.released_on, 'YYYY') || '-Q' || extract(quarter from p.released_on)::int as cohort,
        least(case when p.returned_on >= p.released_on then p.returned_on end, x.returned_on) as returned_on
      from insight_person p
      left join (select r.person_id, min(r.returned_to_custody_on) as returned_on from outcome_check r
        where r.returned_to_custody_on is not null group by r.person_id) x on x.person_id = p.id
      where ${personInSql(scope, filter, 'p.id')} and p.released_on between ${date(from)} and ${date(last)}
    ),
    sizes as (
      select cohort, count(*)::int as size,
        (count(*) filter (where returned_on <= (released_on + interval '12 months')::date))::int as returned_12,
        (count(*) filter (where returned_on <= (released_on + interval '24 months')::date))::int as returned_24
      from cohort group by cohort
    ),
    checks as (
      select c.cohort,
        (count(*) filter (where k.window_months = 3))::int as checks_3,
        (count(*) filter (where k.window_months = 3 and k.work_status in ('employed', 'self_employed')))::int as working_3,
        (count(*) filter (where k.window_months = 6))::int as checks_6,
        (count(*) filter (where k.window_months = 6 and k.work_status in ('employed', 'self_employed')))::int as working_6,
        (count(*) filter (where k.window_months = 12))::int as checks_12,
        (count(*) filter (where k.window_months = 12 and k.work_status in ('employed', 'self_employed')))::int as working_12
      from cohort c
      join outcome_check k on k.person_id = c.id
      where k.window_months in (3, 6, 12) and k.checked_on <= ${asOf}
      group by c.cohort
    )
    select s.cohort, s.size, s.returned_12, s.returned_24,
      coalesce(k.checks_3, 0) as checks_3, coalesce(k.working_3, 0) as working_3,
      coalesce(k.checks_6, 0) as checks_6, coalesce(k.working_6, 0) as working_6,
      coalesce(k.checks_12, 0) as checks_12, coalesce(k.working_12, 0) as working_12
    from sizes s left join checks k on k.cohort = s.cohort
    order by s.cohort`,
  );
  return rows.map((row) => ({
    cohort: row.cohort,
    size: toInt(row.size),
    returned_12: toInt(row.returned_12),
    returned_24: toInt(row.returned_24),
    checks_3: toInt(row.checks_3),
    working_3: toInt(row.working_3),
    checks_6: toInt(row.checks_6),
    working_6: toInt(row.working_6),
    checks_12: toInt(row.checks_12),
    working_12: toInt(row.working_12),
  }));
}

// ── Governance ──

/** The agreements in scope (discarded ones left out), with whether `viewerOrganizationId` is a party. */
export async function scopeAgreements(db: Db, scope: InsightScope, viewerOrganizationId: string | null) {
  const { rows } = await sql<{
    id: string;
    kind: 'mou' | 'pks';
    title: string;
    status: 'draft' | 'in_review' | 'agreed' | 'signed' | 'terminated' | 'renewed' | 'discarded';
    valid_from: string | null;
    valid_until: string | null;
    visible: boolean;
  }>`
    select a.id, a.kind, a.title, a.status, a.valid_from::text as valid_from, a.valid_until::text as valid_until,
      exists (select 1 from agreement_party vp where vp.agreement_id = a.id
        and vp.organization_id = ${viewerOrganizationId}::uuid) as visible
    from agreement a
    where a.status <> 'discarded' and ${scopeAgreementSql(scope, 'a.id')}
    order by a.valid_until nulls last, a.title, a.id`.execute(db);
  return rows;
}

/** Active work plans in scope whose period meets the period, with their agreement's parties. */
export async function scopeWorkPlans(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
  viewerOrganizationId: string | null,
) {
  const viewer = viewerOrganizationId;
  const { rows } = await sql<{
    id: string;
    title: string;
    period_start: string;
    period_end: string;
    party_ids: string[];
    visible: boolean;
  }>`
    select wp.id, wp.title, wp.period_start::text as period_start, wp.period_end::text as period_end,
      array(select ap.organization_id from agreement_party ap where ap.agreement_id = wp.agreement_id
        order by ap.organization_id) as party_ids,
      (exists (select 1 from agreement_party vp where vp.agreement_id = wp.agreement_id
          and vp.organization_id = ${viewer}::uuid)
        or exists (select 1 from work_plan_activity va where va.work_plan_id = wp.id
          and va.responsible_organization_id = ${viewer}::uuid)) as visible
    from work_plan wp
    where wp.status = 'active' and wp.period_start <= ${date(filter.periodEnd)}
      and wp.period_end >= ${date(filter.periodStart)} and ${scopeWorkPlanSql(scope, 'wp.id')}
    order by wp.period_end, wp.title, wp.id`.execute(db);
  return rows;
}

export interface ActionItemCounts {
  organization_id: string;
  name: string;
  open: number;
  overdue: number;
}

/**
 * Action items of meetings in scope open at asOf (created by then, and open or in progress now, or done
 * after asOf), by owner organization; overdue = of those, due before asOf.
 */
export async function actionItemCounts(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
): Promise<ActionItemCounts[]> {
  const asOf = date(filter.asOf);
  const { rows } = await sql<ActionItemCounts>`
    select ai.owner_organization_id as organization_id, o.name, count(*)::int as open,
      (count(*) filter (where ai.due_on < ${asOf}))::int as overdue
    from action_item ai
    join meeting m on m.id = ai.meeting_id
    join organization o on o.id = ai.owner_organization_id
    where (ai.created_at at time zone 'Asia/Jakarta')::date <= ${asOf}
      and (ai.status in ('open', 'in_progress') or (ai.status = 'done' and ai.done_on > ${asOf}))
      and ${scopeMeetingSql(scope, 'm')}
    group by ai.owner_organization_id, o.name
    order by 4 desc, 3 desc, o.name`.execute(db);
  return rows.map((row) => ({ ...row, open: toInt(row.open), overdue: toInt(row.overdue) }));
}

// ── Kelurahan view ──

export interface VillagePeopleCounts {
  by_status: Record<string, number>;
  upcoming: number;
  under_supervision: number;
  working_latest: number;
}

/**
 * People of the scope intended for the kelurahan by journey status today; of those, release date from today
 * to `horizonEnd` not yet released; people intended or placed there under supervision today, and whose latest
 * outcome check says employed or self_employed.
 */
export async function villagePeopleCounts(
  db: Db,
  scope: InsightScope,
  villageId: string,
  today: string,
  horizonEnd: string,
  windowDays: number,
): Promise<VillagePeopleCounts> {
  const status = statusSql(windowDays, 'p');
  const [byStatus, others] = await Promise.all([
    analytic(
      db,
      sql<{ status: string; count: number; upcoming: number }>`
      select ${status} as status, count(*)::int as count,
        (count(*) filter (where p.released_on is null and p.release_date between ${date(today)}
          and ${date(horizonEnd)}))::int as upcoming
      from person p
      where p.intended_village_id = ${villageId}::uuid and ${scopePeopleSql(scope, 'p', today)}
      group by 1`,
    ),
    analytic(
      db,
      sql<{ under_supervision: number; working_latest: number }>`
      with here as (
        select p.id, ${status} as status from person p
        where ${scopePeopleSql(scope, 'p', today)} and ${ofVillage(villageId, 'p', today)}
      ),
      latest as (
        select distinct on (k.person_id) k.person_id, k.work_status
        from outcome_check k where k.person_id in (select id from here)
        order by k.person_id, k.checked_on desc, k.window_months desc
      )
      select (select count(*) from here where status = 'released_supervised')::int as under_supervision,
        (select count(*) from latest where work_status in ('employed', 'self_employed'))::int as working_latest`,
    ),
  ]);
  const by_status: Record<string, number> = {};
  let upcoming = 0;
  for (const row of byStatus) {
    by_status[row.status] = toInt(row.count);
    if (row.status === 'in_custody' || row.status === 'pre_release') upcoming += toInt(row.upcoming);
  }
  return {
    by_status,
    upcoming,
    under_supervision: toInt(others[0]?.under_supervision),
    working_latest: toInt(others[0]?.working_latest),
  };
}

/** The kelurahan's opportunities open or filled, with placements in stage placed of people in scope. */
export async function villageOpportunities(db: Db, scope: InsightScope, villageId: string, today: string) {
  const rows = await analytic(
    db,
    sql<{
      id: string;
      title: string;
      partner_name: string;
      sector: string;
      status: 'draft' | 'open' | 'filled' | 'closed';
      places: number;
      placed: number;
    }>`
    select op.id, op.title, coalesce(pt.short_name, pt.name) as partner_name, op.sector, op.status, op.places,
      (select count(*) from placement pl join person p on p.id = pl.person_id
        where pl.opportunity_id = op.id and pl.stage = 'placed' and ${scopePeopleSql(scope, 'p', today)})::int as placed
    from opportunity op
    join organization pt on pt.id = op.partner_id
    where op.village_id = ${villageId}::uuid and op.status in ('open', 'filled')
    order by case op.status when 'open' then 0 else 1 end, op.title, op.id`,
  );
  return rows.map((row) => ({ ...row, places: toInt(row.places), placed: toInt(row.placed) }));
}

export interface VillageSectorCounts {
  sector: string;
  potentials: number;
  needs: number;
  upcoming_here: number;
  upcoming_in_scope: number;
}

/**
 * By sector: the kelurahan's potentials and needs, and the upcoming releases of the scope (not released,
 * release date from today to `horizonEnd`) with a skill (its sector, or its catalogue skill's) or a
 * certificate in the sector — those intended for the kelurahan, and all.
 */
export async function villageSectorCounts(
  db: Db,
  scope: InsightScope,
  villageId: string,
  today: string,
  horizonEnd: string,
  windowDays: number,
): Promise<VillageSectorCounts[]> {
  const status = statusSql(windowDays, 'p');
  const rows = await analytic(
    db,
    sql<VillageSectorCounts>`
    with upcoming as (
      select p.id, p.intended_village_id = ${villageId}::uuid as here
      from person p
      where ${scopePeopleSql(scope, 'p', today)} and p.released_on is null
        and p.release_date between ${date(today)} and ${date(horizonEnd)}
        and ${status} in ('in_custody', 'pre_release')
    ),
    skill_sectors as (
      select ps.person_id, coalesce(ps.sector, s.sector) as sector
      from person_skill ps left join skill s on s.id = ps.skill_id
      where ps.person_id in (select id from upcoming)
      union
      select ce.person_id, s.sector from certificate ce join skill s on s.id = ce.skill_id
      where ce.person_id in (select id from upcoming)
    ),
    people as (
      select ss.sector, (count(*) filter (where u.here))::int as upcoming_here, count(*)::int as upcoming_in_scope
      from skill_sectors ss join upcoming u on u.id = ss.person_id
      where ss.sector is not null
      group by ss.sector
    ),
    potentials as (select sector, count(*)::int as n from village_potential where village_id = ${villageId}::uuid group by sector),
    needs as (select sector, count(*)::int as n from village_need where village_id = ${villageId}::uuid group by sector),
    sectors as (select sector from people union select sector from potentials union select sector from needs)
    select x.sector, coalesce(po.n, 0) as potentials, coalesce(ne.n, 0) as needs,
      coalesce(pe.upcoming_here, 0) as upcoming_here, coalesce(pe.upcoming_in_scope, 0) as upcoming_in_scope
    from sectors x
    left join people pe on pe.sector = x.sector
    left join potentials po on po.sector = x.sector
    left join needs ne on ne.sector = x.sector`,
  );
  return rows.map((row) => ({
    sector: row.sector,
    potentials: toInt(row.potentials),
    needs: toInt(row.needs),
    upcoming_here: toInt(row.upcoming_here),
    upcoming_in_scope: toInt(row.upcoming_in_scope),
  }));
}

/** Kelurahan (organization kind village) with their kecamatan; all, or those of one kecamatan, or one. */
export async function listVillages(db: Db, where: { districtId?: string; villageId?: string } = {}) {
  let query = db
    .selectFrom('organization as v')
    .leftJoin('organization as d', 'd.id', 'v.parent_id')
    .select(['v.id', 'v.name', 'v.code', 'v.parent_id', 'd.name as district_name'])
    .where('v.kind', '=', 'village');
  if (where.districtId) query = query.where('v.parent_id', '=', where.districtId);
  if (where.villageId) query = query.where('v.id', '=', where.villageId);
  return query.orderBy('v.name').orderBy('v.id').execute();
}
export type VillageRow = Awaited<ReturnType<typeof listVillages>>[number];

import { type Kysely, type RawBuilder, sql, type Transaction, type Updateable } from 'kysely';
import type { WorkPlanMetric, WorkPlanStatus } from '../../../shared/workplans.ts';
import type {
  Database,
  WorkPlanActivityKindValue,
  WorkPlanTable,
  WorkPlanTargetTable,
} from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { effectiveStatusSql } from '../agreements/agreements.repository.ts';
import { visibleOrganization } from '../villages/villages.access.ts';
import { visibleWorkPlanSql, workPlanPartySql } from './workplans.access.ts';

// Work plans in the database: the plan with its activities and targets as the caller may reach it (the rule
// is in workplans.access.ts), and the system figures its targets count (aggregates over the rows of the
// agreement's parties, never a row of a person).

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The caller's organization is a party of the plan's agreement (`wp` is the work_plan alias). */
const isPartySql = (organizationId: string) => workPlanPartySql(organizationId, 'wp.agreement_id');
/** The plan aliased `wp` is visible to the organization. */
const visibleSql = (organizationId: string) => visibleWorkPlanSql(organizationId, 'wp.id');

// ── Plans ──

/** The plan row with the caller's reach: null when it does not exist or she does not see it. */
export async function findPlanFor(db: Db, organizationId: string, planId: string, lock = false) {
  let query = db
    .selectFrom('work_plan as wp')
    .selectAll('wp')
    .select([isPartySql(organizationId).as('is_party'), visibleSql(organizationId).as('visible')])
    .where('wp.id', '=', planId);
  if (lock) query = query.forUpdate('wp');
  const row = await query.executeTakeFirst();
  return row?.visible ? row : null;
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlanFor>>>;

/** The agreement as a plan shows it (its effective status), with its parties in position order. */
export async function agreementRef(db: Db, agreementId: string) {
  const [agreement, parties] = await Promise.all([
    db
      .selectFrom('agreement')
      .select(['id', 'kind', 'title', 'valid_from', 'valid_until'])
      .select(effectiveStatusSql('agreement').as('status'))
      .where('id', '=', agreementId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('agreement_party as ap')
      .innerJoin('organization as o', 'o.id', 'ap.organization_id')
      .select(['o.id', 'o.name', 'ap.position'])
      .where('ap.agreement_id', '=', agreementId)
      .orderBy('ap.position')
      .orderBy('o.name')
      .execute(),
  ]);
  return { ...agreement, parties };
}

/** The organization's party row of an agreement (null: not a party, or no such agreement). */
export async function partyAgreement(db: Db, organizationId: string, agreementId: string) {
  return db
    .selectFrom('agreement as a')
    .innerJoin('agreement_party as ap', 'ap.agreement_id', 'a.id')
    .select(['a.id', 'a.kind', 'a.title', 'a.status'])
    .where('a.id', '=', agreementId)
    .where('ap.organization_id', '=', organizationId)
    .executeTakeFirst();
}

export async function organizationOf(db: Db, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'name', 'short_name', 'kind', 'address', 'phone', 'email'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

export async function userNames(db: Db, ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('id', 'in', wanted)
    .execute();
  return new Map(rows.map((row) => [row.id, row.full_name]));
}

export async function insertPlan(
  db: Db,
  values: {
    agreement_id: string;
    organization_id: string;
    title: string;
    objectives: string | null;
    period_start: string;
    period_end: string;
    status: WorkPlanStatus;
    created_by: string;
  },
) {
  const { id } = await db
    .insertInto('work_plan')
    .values({ ...values, updated_by: values.created_by })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updatePlan(
  db: Db,
  planId: string,
  values: Updateable<WorkPlanTable>,
  userId: string,
  bumpVersion: boolean,
) {
  await db
    .updateTable('work_plan')
    .set({
      ...values,
      updated_by: userId,
      updated_at: sql`now()`,
      ...(bumpVersion && { version: sql`version + 1` }),
    })
    .where('id', '=', planId)
    .execute();
}

// ── Activities and targets ──

export async function planActivities(db: Db, planId: string) {
  return db
    .selectFrom('work_plan_activity as a')
    .innerJoin('organization as o', 'o.id', 'a.responsible_organization_id')
    .leftJoin('training_cohort as c', 'c.id', 'a.cohort_id')
    .selectAll('a')
    .select([
      'o.name as responsible_name',
      'c.name as cohort_name',
      'c.start_date as cohort_start',
      'c.end_date as cohort_end',
    ])
    .where('a.work_plan_id', '=', planId)
    .orderBy('a.starts_on')
    .orderBy('a.position')
    .execute();
}
export type ActivityRow = Awaited<ReturnType<typeof planActivities>>[number];

export async function planTargets(db: Db, planId: string) {
  return db
    .selectFrom('work_plan_target as t')
    .leftJoin('work_plan_activity as a', 'a.id', 't.activity_id')
    .selectAll('t')
    .select('a.title as activity_title')
    .where('t.work_plan_id', '=', planId)
    .orderBy('t.position')
    .execute();
}
export type TargetRow = Awaited<ReturnType<typeof planTargets>>[number];

export async function lockActivity(db: Db, planId: string, activityId: string) {
  return db
    .selectFrom('work_plan_activity')
    .selectAll()
    .where('id', '=', activityId)
    .where('work_plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
}

export async function lockTarget(db: Db, planId: string, targetId: string) {
  return db
    .selectFrom('work_plan_target')
    .selectAll()
    .where('id', '=', targetId)
    .where('work_plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
}

/** The activities of a plan with dates outside [start, end] (a period that would no longer hold them). */
export async function activitiesOutside(db: Db, planId: string, start: string, end: string) {
  return db
    .selectFrom('work_plan_activity')
    .select(['id', 'title', 'starts_on', 'ends_on'])
    .where('work_plan_id', '=', planId)
    .where((eb) => eb.or([eb('starts_on', '<', start), eb('ends_on', '>', end)]))
    .orderBy('starts_on')
    .orderBy('position')
    .execute();
}

async function nextPosition(db: Db, table: 'work_plan_activity' | 'work_plan_target', planId: string) {
  const row = await db
    .selectFrom(table)
    .select(sql<number>`coalesce(max(position), 0)::int + 1`.as('next'))
    .where('work_plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  return Number(row.next);
}

interface ActivityValues {
  kind: WorkPlanActivityKindValue;
  title: string;
  description: string | null;
  responsible_organization_id: string;
  location: string | null;
  starts_on: string;
  ends_on: string;
  /** Whole Rupiah. */
  budget_amount: number;
  budget_source: 'apbn' | 'apbd' | 'partner' | 'other' | 'none';
  status: 'planned' | 'in_progress' | 'done' | 'postponed' | 'cancelled';
  cohort_id: string | null;
  updated_by: string;
}

export async function insertActivity(db: Db, planId: string, values: ActivityValues) {
  const position = await nextPosition(db, 'work_plan_activity', planId);
  const { id } = await db
    .insertInto('work_plan_activity')
    .values({ ...values, work_plan_id: planId, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, position };
}

export async function updateActivity(db: Db, activityId: string, values: ActivityValues) {
  await db
    .updateTable('work_plan_activity')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', activityId)
    .execute();
}

export async function deleteActivity(db: Db, activityId: string) {
  await db.deleteFrom('work_plan_activity').where('id', '=', activityId).execute();
}

type TargetValues = Pick<
  WorkPlanTargetTable,
  'activity_id' | 'label' | 'metric' | 'target_value' | 'manual_actual'
>;

export async function insertTarget(db: Db, planId: string, values: TargetValues) {
  const position = await nextPosition(db, 'work_plan_target', planId);
  const { id } = await db
    .insertInto('work_plan_target')
    .values({ ...values, work_plan_id: planId, position })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, position };
}

export async function updateTarget(db: Db, targetId: string, values: TargetValues) {
  await db
    .updateTable('work_plan_target')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', targetId)
    .execute();
}

export async function deleteTarget(db: Db, targetId: string) {
  await db.deleteFrom('work_plan_target').where('id', '=', targetId).execute();
}

/** An activity of this plan (for a target's link). */
export async function activityOfPlan(db: Db, planId: string, activityId: string) {
  return db
    .selectFrom('work_plan_activity')
    .select(['id', 'title'])
    .where('id', '=', activityId)
    .where('work_plan_id', '=', planId)
    .executeTakeFirst();
}

/**
 * The plan's activities linked to a cohort that is no party's cohort of `agreementId` (the cohorts an
 * agreement change would leave outside the parties).
 */
export async function activitiesWithForeignCohort(db: Db, planId: string, agreementId: string) {
  return db
    .selectFrom('work_plan_activity as a')
    .innerJoin('training_cohort as c', 'c.id', 'a.cohort_id')
    .select(['a.id', 'a.title', 'c.name as cohort_name'])
    .where('a.work_plan_id', '=', planId)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('agreement_party as ap')
            .select(sql`1`.as('one'))
            .whereRef('ap.organization_id', '=', 'c.organization_id')
            .where('ap.agreement_id', '=', agreementId),
        ),
      ),
    )
    .orderBy('a.starts_on')
    .orderBy('a.position')
    .execute();
}

/** A training cohort of one of the agreement's parties. */
export async function cohortOfParties(db: Db, agreementId: string, cohortId: string) {
  return db
    .selectFrom('training_cohort as c')
    .select(['c.id'])
    .where('c.id', '=', cohortId)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('agreement_party as ap')
          .select(sql`1`.as('one'))
          .whereRef('ap.organization_id', '=', 'c.organization_id')
          .where('ap.agreement_id', '=', agreementId),
      ),
    )
    .executeTakeFirst();
}

// ── The system's own figures ──

export type SystemMetric = Exclude<WorkPlanMetric, 'manual'>;
export type SystemFigures = Record<SystemMetric, number>;

/**
 * The system figures over [start, end] (calendar days, inclusive), counting only rows owned by the given
 * organizations (the agreement's parties): counts only, and only the metrics asked for (0 for the others).
 * Kept in step with WORK_PLAN_METRICS in src/shared/workplans.ts. Each figure filters first on an
 * organization column (cohort, certificate, handover from/to, person or opportunity partner, outcome check).
 */
export async function systemFigures(
  db: Db,
  organizationIds: string[],
  start: string,
  end: string,
  metrics: ReadonlySet<SystemMetric>,
): Promise<SystemFigures> {
  const figures: SystemFigures = {
    women_trained: 0,
    women_certified: 0,
    women_handed_over: 0,
    women_placed: 0,
    working_6_months: 0,
  };
  if (!organizationIds.length || !metrics.size) return figures;
  const orgs = sql.join(organizationIds);
  const period = sql`between ${start}::date and ${end}::date`;
  const queries: Record<SystemMetric, RawBuilder<{ n: string }>> = {
    women_trained: sql<{ n: string }>`select count(distinct e.person_id) as n from training_cohort c
        join training_enrolment e on e.cohort_id = c.id
       where c.organization_id in (${orgs}) and e.status = 'completed'
         and coalesce(c.completed_on, c.end_date) ${period}`,
    women_certified: sql<{ n: string }>`select count(distinct ce.person_id) as n from certificate ce
       where ce.organization_id in (${orgs}) and ce.issued_on ${period}`,
    // Accepted on a day of the period in WIB: from its first midnight to the midnight after its last day, so
    // that the index's `at` is compared as it is (a hashed set of the period's acceptances, not a probe each).
    women_handed_over: sql<{ n: string }>`select count(*) as n from handover h
       where (h.from_organization_id in (${orgs}) or h.to_organization_id in (${orgs}))
         and h.id in (select he.handover_id from handover_event he where he.action = 'accepted'
           and he.at >= (${start}::date::timestamp at time zone 'Asia/Jakarta')
           and he.at < ((${end}::date + 1)::timestamp at time zone 'Asia/Jakarta'))`,
    women_placed: sql<{ n: string }>`select count(distinct pl.person_id) as n from placement pl
        join person p on p.id = pl.person_id
        join opportunity op on op.id = pl.opportunity_id
       where (p.organization_id in (${orgs}) or op.partner_id in (${orgs})) and pl.placed_on ${period}`,
    // The outcomes module's "working" (its cohort view): work status employed or self_employed.
    working_6_months: sql<{ n: string }>`select count(*) as n from outcome_check oc
       where oc.organization_id in (${orgs}) and oc.window_months = 6 and oc.checked_on ${period}
         and oc.work_status in ('employed', 'self_employed')`,
  };
  await Promise.all(
    [...metrics].map(async (metric) => {
      const { rows } = await queries[metric].execute(db);
      figures[metric] = Number(rows[0]?.n ?? 0);
    }),
  );
  return figures;
}

// ── Lists ──

export interface ListFilter {
  agreementId?: string;
  status?: WorkPlanStatus;
  responsibleOrganizationId?: string;
  from?: string;
  to?: string;
  q?: string;
}

export async function listPlans(
  db: Db,
  organizationId: string,
  filter: ListFilter,
  page: { page: number; pageSize: number },
) {
  let base = db.selectFrom('work_plan as wp').where(visibleSql(organizationId));
  if (filter.agreementId) base = base.where('wp.agreement_id', '=', filter.agreementId);
  if (filter.status) base = base.where('wp.status', '=', filter.status);
  if (filter.responsibleOrganizationId) {
    const responsible = filter.responsibleOrganizationId;
    base = base.where((eb) =>
      eb.exists(
        eb
          .selectFrom('work_plan_activity as ra')
          .select(sql`1`.as('one'))
          .whereRef('ra.work_plan_id', '=', 'wp.id')
          .where('ra.responsible_organization_id', '=', responsible),
      ),
    );
  }
  if (filter.from) base = base.where('wp.period_end', '>=', filter.from);
  if (filter.to) base = base.where('wp.period_start', '<=', filter.to);
  if (filter.q) base = base.where('wp.title', 'ilike', likePattern(filter.q));
  const [items, count] = await Promise.all([
    base
      .innerJoin('agreement as ag', 'ag.id', 'wp.agreement_id')
      .innerJoin('organization as o', 'o.id', 'wp.organization_id')
      .select([
        'wp.id',
        'wp.title',
        'wp.agreement_id',
        'ag.kind as agreement_kind',
        'ag.title as agreement_title',
        'wp.organization_id',
        'o.name as organization_name',
        'wp.period_start',
        'wp.period_end',
        'wp.status',
        'wp.updated_at',
        'wp.version',
        isPartySql(organizationId).as('is_party'),
        sql<string>`(select count(*) from work_plan_activity x where x.work_plan_id = wp.id)`.as(
          'activity_count',
        ),
        sql<string>`(select count(*) from work_plan_activity x where x.work_plan_id = wp.id
          and x.status = 'done')`.as('done_count'),
        sql<string>`(select coalesce(sum(x.budget_amount), 0) from work_plan_activity x
          where x.work_plan_id = wp.id and x.status <> 'cancelled')`.as('budget_total'),
        sql<string>`(select count(*) from work_plan_target x where x.work_plan_id = wp.id)`.as(
          'target_count',
        ),
      ])
      .orderBy('wp.period_start', 'desc')
      .orderBy('wp.title')
      .orderBy('wp.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.count) };
}
export type PlanListRow = Awaited<ReturnType<typeof listPlans>>['items'][number];

export async function timelineActivities(
  db: Db,
  organizationId: string,
  filter: {
    from: string;
    to: string;
    workPlanId?: string;
    responsibleOrganizationId?: string;
    includeCancelled: boolean;
  },
  limit: number,
) {
  let query = db
    .selectFrom('work_plan_activity as a')
    .innerJoin('work_plan as wp', 'wp.id', 'a.work_plan_id')
    .innerJoin('organization as o', 'o.id', 'a.responsible_organization_id')
    .where(visibleSql(organizationId))
    .where('a.ends_on', '>=', filter.from)
    .where('a.starts_on', '<=', filter.to);
  if (filter.workPlanId) query = query.where('wp.id', '=', filter.workPlanId);
  if (filter.responsibleOrganizationId)
    query = query.where('a.responsible_organization_id', '=', filter.responsibleOrganizationId);
  if (!filter.includeCancelled) query = query.where('a.status', '<>', 'cancelled');
  return query
    .select([
      'a.id',
      'wp.id as plan_id',
      'wp.title as plan_title',
      'wp.status as plan_status',
      'a.kind',
      'a.title',
      'a.responsible_organization_id',
      'o.name as responsible_name',
      'a.location',
      'a.starts_on',
      'a.ends_on',
      'a.status',
    ])
    .orderBy('a.starts_on')
    .orderBy('wp.title')
    .orderBy('a.position')
    .limit(limit)
    .execute();
}

// ── Options ──

export async function partyAgreements(db: Db, organizationId: string) {
  return db
    .selectFrom('agreement as a')
    .innerJoin('agreement_party as ap', 'ap.agreement_id', 'a.id')
    .select(['a.id', 'a.kind', 'a.title'])
    .select(effectiveStatusSql('a').as('status'))
    .where('ap.organization_id', '=', organizationId)
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
}

/**
 * The organizations the caller may choose as responsible: the directory as she may see it (a partner's staff
 * see no other partner: villages.access `visibleOrganization`), plus the parties of `agreementId` when given
 * (she reads their names on the agreement anyway). With `organizationId`: only that one (a check).
 */
function responsibleChoices(db: Db, ctx: RequestContext, agreementId: string | null) {
  return db
    .selectFrom('organization as o')
    .select(['o.id', 'o.name', 'o.kind'])
    .where((eb) =>
      agreementId
        ? eb.or([
            visibleOrganization(ctx, 'o'),
            eb.exists(
              eb
                .selectFrom('agreement_party as dp')
                .select(sql`1`.as('one'))
                .whereRef('dp.organization_id', '=', 'o.id')
                .where('dp.agreement_id', '=', agreementId),
            ),
          ])
        : visibleOrganization(ctx, 'o'),
    );
}

export async function directory(db: Db, ctx: RequestContext, agreementId: string | null) {
  return responsibleChoices(db, ctx, agreementId).orderBy('o.name').orderBy('o.id').execute();
}

/** The organization is one the caller may choose as responsible for an activity of a plan under `agreementId`. */
export async function responsibleChoice(
  db: Db,
  ctx: RequestContext,
  agreementId: string,
  organizationId: string,
) {
  return responsibleChoices(db, ctx, agreementId).where('o.id', '=', organizationId).executeTakeFirst();
}

export async function partyCohorts(db: Db, agreementId: string) {
  return db
    .selectFrom('training_cohort as c')
    .innerJoin('agreement_party as ap', 'ap.organization_id', 'c.organization_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .select(['c.id', 'c.name', 'o.name as organization_name', 'c.start_date', 'c.end_date', 'c.status'])
    .where('ap.agreement_id', '=', agreementId)
    .where('c.status', '<>', 'cancelled')
    .orderBy('c.start_date', 'desc')
    .orderBy('c.name')
    .limit(500)
    .execute();
}

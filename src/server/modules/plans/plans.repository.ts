import { type Kysely, sql, type Transaction } from 'kysely';
import type { PlanUnassignedReason } from '../../../shared/placementPlans.ts';
import { RUNNING_STAGES } from '../../../shared/placements.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { visiblePeople } from '../people/people.access.ts';

type Db = Kysely<Database> | Transaction<Database>;

// Placement plans: the women of a release window, the places open to them, and the plan and its items as
// stored. Which women a caller reaches comes from the people module (`visiblePeople`) only.

// ── The input of a plan ──

/**
 * The women of a release window the caller sees, not anonymized: in custody (never released, or back
 * after a release) with an expected release date in the window, or released in the window and not back;
 * none with a running or placed placement. Ordered by id (the solver's input is deterministic).
 */
export function windowPeople(db: Db, ctx: RequestContext, from: string, to: string) {
  return db
    .selectFrom('person as p')
    .select(['p.id', 'p.full_name'])
    .where(visiblePeople(ctx, 'p'))
    .where('p.anonymized_at', 'is', null)
    .where(
      sql<boolean>`(
        ((p.released_on is null or (p.returned_on is not null and p.returned_on >= p.released_on))
          and p.release_date between ${from} and ${to})
        or (p.released_on between ${from} and ${to}
          and (p.returned_on is null or p.returned_on < p.released_on)))`,
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('placement as pl')
            .select('pl.id')
            .whereRef('pl.person_id', '=', 'p.id')
            .where('pl.stage', 'in', [...RUNNING_STAGES]),
        ),
      ),
    )
    .orderBy('p.id')
    .execute();
}

// ── Storing a plan ──

export interface NewPlan {
  organizationId: string;
  windowFrom: string;
  windowTo: string;
  ruleVersion: number;
  peopleCount: number;
  placesCount: number;
  assignedCount: number;
  totalScore: number;
  greedyTotal: number;
  greedyAssigned: number;
  solveMs: number;
  note: string | null;
  createdBy: string;
}

export interface NewPlanItem {
  personId: string;
  opportunityId: string | null;
  score: number | null;
  factors: unknown[] | null;
  unassignedReason: PlanUnassignedReason | null;
  unassignedParams: Record<string, string | number>;
  position: number;
}

export async function insertPlan(db: Db, plan: NewPlan) {
  const row = await db
    .insertInto('placement_plan')
    .values({
      organization_id: plan.organizationId,
      window_from: plan.windowFrom,
      window_to: plan.windowTo,
      rule_version: plan.ruleVersion,
      people_count: plan.peopleCount,
      places_count: plan.placesCount,
      assigned_count: plan.assignedCount,
      total_score: plan.totalScore.toFixed(1),
      greedy_total: plan.greedyTotal.toFixed(1),
      greedy_assigned: plan.greedyAssigned,
      solve_ms: plan.solveMs,
      note: plan.note,
      created_by: plan.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The items of a new plan, in batches (a plan of thousands stays under the bind-parameter limit). */
export async function insertItems(db: Db, planId: string, items: NewPlanItem[]) {
  const BATCH = 500;
  for (let start = 0; start < items.length; start += BATCH) {
    await db
      .insertInto('placement_plan_item')
      .values(
        items.slice(start, start + BATCH).map((item) => ({
          plan_id: planId,
          person_id: item.personId,
          solver_opportunity_id: item.opportunityId,
          solver_score: item.score === null ? null : item.score.toFixed(1),
          opportunity_id: item.opportunityId,
          score: item.score === null ? null : item.score.toFixed(1),
          factors: item.factors === null ? null : JSON.stringify(item.factors),
          unassigned_reason: item.unassignedReason,
          unassigned_params: JSON.stringify(item.unassignedParams),
          position: item.position,
        })),
      )
      .execute();
  }
}

// ── Reading plans ──

/** Plans of the caller's organization (plans are made and read by the organization that made them). */
function planQuery(db: Db, ctx: RequestContext) {
  return db
    .selectFrom('placement_plan as plan')
    .innerJoin('organization as org', 'org.id', 'plan.organization_id')
    .leftJoin('app_user as creator', 'creator.id', 'plan.created_by')
    .leftJoin('app_user as decider', 'decider.id', 'plan.decided_by')
    .where('plan.organization_id', '=', ctx.principal.organizationId);
}

const itemCount = (condition: string) =>
  sql<string>`(select count(*) from placement_plan_item i where i.plan_id = plan.id and ${sql.raw(condition)})`;

const PLAN_COLUMNS = [
  'plan.id',
  'plan.status',
  sql<string>`plan.window_from::text`.as('window_from'),
  sql<string>`plan.window_to::text`.as('window_to'),
  'plan.rule_version',
  'plan.people_count',
  'plan.places_count',
  'plan.assigned_count',
  'plan.total_score',
  'plan.greedy_total',
  'plan.greedy_assigned',
  'plan.solve_ms',
  'plan.note',
  'plan.organization_id',
  sql<string>`coalesce(org.short_name, org.name)`.as('organization_name'),
  'creator.full_name as created_by_name',
  'plan.created_at',
  'decider.full_name as decided_by_name',
  'plan.decided_at',
  'plan.version',
  sql<string>`(select coalesce(sum(i.solver_score), 0) from placement_plan_item i where i.plan_id = plan.id)::text`.as(
    'solver_total',
  ),
  itemCount('i.solver_opportunity_id is not null').as('solver_assigned'),
  itemCount('i.adjusted_by is not null').as('adjusted_count'),
  itemCount('i.placement_id is not null').as('proposal_count'),
] as const;

/** The plans of the caller's organization, newest first, at most `limit`, with how many there are. */
export async function listPlans(db: Db, ctx: RequestContext, limit: number) {
  const [items, count] = await Promise.all([
    planQuery(db, ctx)
      .select(PLAN_COLUMNS)
      .orderBy('plan.created_at', 'desc')
      .orderBy('plan.id')
      .limit(limit)
      .execute(),
    planQuery(db, ctx)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}
export type PlanRow = Awaited<ReturnType<typeof listPlans>>['items'][number];

/** One plan of the caller's organization, or undefined. */
export function findPlan(db: Db, ctx: RequestContext, planId: string) {
  return planQuery(db, ctx).select(PLAN_COLUMNS).where('plan.id', '=', planId).executeTakeFirst();
}

/** The plan's row for a change, locked until the end of the transaction (caller's organization only). */
export function lockPlan(db: Db, ctx: RequestContext, planId: string) {
  return db
    .selectFrom('placement_plan')
    .select(['id', 'status', 'version', 'rule_version', 'organization_id'])
    .where('id', '=', planId)
    .where('organization_id', '=', ctx.principal.organizationId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The opportunity of an item, as the plan shows it, with the columns prefixed (`o_` for the current place,
 * `so_` for the solver's).
 */
function opportunityColumns(alias: string, prefix: string) {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  return [
    sql<string | null>`${c('title')}`.as(`${prefix}title`),
    sql<string | null>`${c('kind')}`.as(`${prefix}kind`),
    sql<string | null>`${c('sector')}`.as(`${prefix}sector`),
    sql<number | null>`${c('places')}`.as(`${prefix}places`),
    sql<string | null>`${c('start_on')}::text`.as(`${prefix}start_on`),
    sql<string | null>`${c('closes_on')}::text`.as(`${prefix}closes_on`),
    sql<string | null>`${c('partner_id')}`.as(`${prefix}partner_id`),
    sql<
      string | null
    >`(select partner.name from organization partner where partner.id = ${c('partner_id')})`.as(
      `${prefix}partner_name`,
    ),
    sql<string | null>`${c('village_id')}`.as(`${prefix}village_id`),
    sql<
      string | null
    >`(select village.name from organization village where village.id = ${c('village_id')})`.as(
      `${prefix}village_name`,
    ),
  ] as const;
}

/**
 * The items of a plan with the woman (and whether the caller sees her today), the current place and the
 * solver's: assigned by score (highest first), then the unassigned, in the order the plan gave them.
 */
export function planItems(db: Db, ctx: RequestContext, planId: string, itemId?: string) {
  return db
    .selectFrom('placement_plan_item as i')
    .innerJoin('person as p', 'p.id', 'i.person_id')
    .leftJoin('opportunity as o', 'o.id', 'i.opportunity_id')
    .leftJoin('opportunity as so', 'so.id', 'i.solver_opportunity_id')
    .leftJoin('app_user as adjuster', 'adjuster.id', 'i.adjusted_by')
    .select([
      'i.id',
      'i.person_id',
      'i.opportunity_id',
      'i.score',
      'i.factors',
      'i.solver_opportunity_id',
      'i.solver_score',
      'i.unassigned_reason',
      'i.unassigned_params',
      'i.adjust_reason',
      'adjuster.full_name as adjusted_by_name',
      sql<boolean>`i.adjusted_by is not null`.as('adjusted'),
      'i.placement_id',
      'i.position',
      'p.full_name',
      'p.registration_number',
      'p.anonymized_at',
      'p.organization_id as person_organization_id',
      sql<boolean>`${visiblePeople(ctx, 'p')}`.as('person_visible'),
      ...opportunityColumns('o', 'o_'),
      ...opportunityColumns('so', 'so_'),
    ])
    .where('i.plan_id', '=', planId)
    .$if(itemId !== undefined, (q) => q.where('i.id', '=', itemId as string))
    .orderBy(sql`i.opportunity_id is null`)
    .orderBy('i.score', (ob) => ob.desc().nullsLast())
    .orderBy('i.position')
    .execute();
}
export type PlanItemRow = Awaited<ReturnType<typeof planItems>>[number];

/** How many items of the plan hold each opportunity (the plan's own use of its places). */
export async function plannedPerOpportunity(db: Db, planId: string) {
  const rows = await db
    .selectFrom('placement_plan_item')
    .select(['opportunity_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('plan_id', '=', planId)
    .where('opportunity_id', 'is not', null)
    .groupBy('opportunity_id')
    .execute();
  return new Map(rows.map((row) => [row.opportunity_id as string, Number(row.n)]));
}

// ── Changing a plan ──

/** Sets an item's place (or none, removed by staff) with who and why. */
export async function updateItem(
  db: Db,
  itemId: string,
  values: {
    opportunityId: string | null;
    score: number | null;
    factors: unknown[] | null;
    adjustedBy: string;
    reason: string;
  },
) {
  await db
    .updateTable('placement_plan_item')
    .set({
      opportunity_id: values.opportunityId,
      score: values.score === null ? null : values.score.toFixed(1),
      factors: values.factors === null ? null : JSON.stringify(values.factors),
      unassigned_reason: values.opportunityId === null ? 'removed_by_staff' : null,
      unassigned_params: JSON.stringify({}),
      adjusted_by: values.adjustedBy,
      adjust_reason: values.reason,
    })
    .where('id', '=', itemId)
    .execute();
}

/** Recounts the plan's assigned items and total from its items, and bumps its version. */
export async function refreshPlanTotals(db: Db, planId: string) {
  await db
    .updateTable('placement_plan as plan')
    .set({
      assigned_count: sql<number>`(select count(*) from placement_plan_item i
        where i.plan_id = plan.id and i.opportunity_id is not null)::integer`,
      total_score: sql<string>`(select coalesce(sum(i.score), 0) from placement_plan_item i
        where i.plan_id = plan.id and i.opportunity_id is not null)`,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('plan.id', '=', planId)
    .execute();
}

/** Accepts or discards a plan: its status, who and when, and a new version. */
export async function decidePlan(db: Db, planId: string, status: 'accepted' | 'discarded', userId: string) {
  await db
    .updateTable('placement_plan')
    .set({
      status,
      decided_by: userId,
      decided_at: sql`now()`,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', planId)
    .execute();
}

/** Records the proposal an item became. */
export async function setItemPlacement(db: Db, itemId: string, placementId: string) {
  await db
    .updateTable('placement_plan_item')
    .set({ placement_id: placementId })
    .where('id', '=', itemId)
    .execute();
}

/** The women among `personIds` with a running or placed placement now. */
export async function peopleInPipeline(db: Db, personIds: string[]) {
  if (personIds.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('placement')
    .select('person_id')
    .distinct()
    .where('person_id', 'in', personIds)
    .where('stage', 'in', [...RUNNING_STAGES])
    .execute();
  return new Set(rows.map((row) => row.person_id));
}

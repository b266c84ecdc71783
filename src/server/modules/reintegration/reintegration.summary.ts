import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import {
  PATHWAYS,
  type Pathway,
  type PathwayStatus,
  planCompleteness,
  type ReintegrationPlanSummary,
} from '../../../shared/reintegration.ts';
import type { Database } from '../../db/schema.ts';

// What other modules read of a reintegration plan: the summary packed into a handover, and the completeness
// of a plan as SQL for the pre-release dashboard. One definition of completeness (shared planCompleteness):
// round(100 × pathways whose status is not not_started / 8). The count of started pathways is stored on the
// plan (reintegration_plan.pathways_started), kept in step by the service in the transaction of every pathway
// status change (recountStartedPathways), so a list can sort on it without counting pathways per row.

type Db = Kysely<Database> | Transaction<Database>;

/** SQL: how many of the plan's pathways are started (status ≠ not_started); `plan` is the plan's alias. */
export function planStartedSql(plan: string): RawBuilder<number> {
  return sql<number>`${sql.ref(`${plan}.pathways_started`)}`;
}

/**
 * SQL: the plan's completeness percent (0–100), the same figure as `planCompleteness` (numeric rounding,
 * half away from zero, as Math.round for these positive values), from the plan's stored started count;
 * `plan` is the plan's alias (null when the plan row is null: use a case or coalesce as needed).
 */
export function planCompletenessSql(plan: string): RawBuilder<number> {
  return sql<number>`round(100.0 * ${planStartedSql(plan)} / ${sql.lit(PATHWAYS.length)})::int`;
}

/**
 * The plan of a person as the handover package carries it (completeness, the eight pathway statuses, the
 * goals with their steps, the intended kelurahan), or null when she has none. No access check: the caller
 * has checked it.
 */
export async function planSummary(db: Db, personId: string): Promise<ReintegrationPlanSummary | null> {
  const plan = await db
    .selectFrom('reintegration_plan as rp')
    .innerJoin('person as p', 'p.id', 'rp.person_id')
    .leftJoin('organization as v', (join) =>
      join.on(sql<boolean>`v.id = coalesce(rp.intended_village_id, p.intended_village_id)`),
    )
    .select(['rp.id', 'rp.next_review_on', 'v.id as village_id', 'v.name as village_name'])
    .where('rp.person_id', '=', personId)
    .executeTakeFirst();
  if (!plan) return null;
  const [pathways, goals, steps] = await Promise.all([
    db
      .selectFrom('reintegration_pathway')
      .select(['pathway', 'status'])
      .where('plan_id', '=', plan.id)
      .execute(),
    db
      .selectFrom('reintegration_goal')
      .select(['id', 'pathway', 'title', 'horizon_months', 'target_date', 'status'])
      .where('plan_id', '=', plan.id)
      .orderBy('target_date')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('reintegration_goal_step as s')
      .innerJoin('reintegration_goal as g', 'g.id', 's.goal_id')
      .select(['s.goal_id', 's.title', 's.due_on', 's.done_on'])
      .where('g.plan_id', '=', plan.id)
      .orderBy('s.goal_id')
      .orderBy('s.position')
      .execute(),
  ]);
  const statusOf = new Map(pathways.map((row) => [row.pathway, row.status as PathwayStatus]));
  const started = PATHWAYS.filter(
    (pathway) => (statusOf.get(pathway) ?? 'not_started') !== 'not_started',
  ).length;
  const order = (pathway: string) => PATHWAYS.indexOf(pathway as Pathway);
  return {
    planId: plan.id,
    percent: planCompleteness(started),
    started,
    total: PATHWAYS.length,
    intendedVillage:
      plan.village_id && plan.village_name ? { id: plan.village_id, name: plan.village_name } : null,
    nextReviewOn: plan.next_review_on,
    pathways: PATHWAYS.map((pathway) => ({ pathway, status: statusOf.get(pathway) ?? 'not_started' })),
    goals: [...goals]
      .sort((a, b) => order(a.pathway) - order(b.pathway))
      .map((goal) => ({
        pathway: goal.pathway,
        title: goal.title,
        horizonMonths: goal.horizon_months,
        targetDate: goal.target_date,
        status: goal.status,
        steps: steps
          .filter((step) => step.goal_id === goal.id)
          .map((step) => ({ title: step.title, dueOn: step.due_on, doneOn: step.done_on })),
      })),
  };
}

import type { Kysely } from 'kysely';
import type { Database, WorkPlanActivityKindValue, WorkPlanMetricValue } from '../../src/server/db/schema.ts';

// Work plans written straight to the database (no API, no audit), for tests of the modules that link to
// them (action items, activity reports) and for the work-plan tests' fixtures.

export interface WorkPlanActivityInput {
  kind?: WorkPlanActivityKindValue;
  title?: string;
  responsibleOrganizationId: string;
  location?: string | null;
  startsOn?: string;
  endsOn?: string;
  budgetAmount?: number;
  budgetSource?: 'apbn' | 'apbd' | 'partner' | 'other' | 'none';
  status?: 'planned' | 'in_progress' | 'done' | 'postponed' | 'cancelled';
  cohortId?: string | null;
}

export interface WorkPlanTargetInput {
  label?: string;
  metric?: WorkPlanMetricValue;
  targetValue?: number;
  manualActual?: number | null;
  /** Index into the activities given with the plan. */
  activityIndex?: number;
}

/**
 * A work plan under an agreement (its organization must be a party for the plan to be editable by it), by
 * default for 2026 with status active, with the given activities (dates default to the period's start) and
 * targets. Returns the ids.
 */
export async function createWorkPlan(
  db: Kysely<Database>,
  input: {
    agreementId: string;
    organizationId: string;
    title?: string;
    objectives?: string | null;
    periodStart?: string;
    periodEnd?: string;
    status?: 'draft' | 'active' | 'closed';
    createdBy?: string | null;
    activities?: WorkPlanActivityInput[];
    targets?: WorkPlanTargetInput[];
  },
) {
  const periodStart = input.periodStart ?? '2026-01-01';
  const periodEnd = input.periodEnd ?? '2026-12-31';
  const plan = await db
    .insertInto('work_plan')
    .values({
      agreement_id: input.agreementId,
      organization_id: input.organizationId,
      title: input.title ?? 'Program Teknis Uji',
      objectives: input.objectives ?? null,
      period_start: periodStart,
      period_end: periodEnd,
      status: input.status ?? 'active',
      created_by: input.createdBy ?? null,
      updated_by: input.createdBy ?? null,
    })
    .returning(['id', 'version'])
    .executeTakeFirstOrThrow();
  const activityIds: string[] = [];
  for (const [index, activity] of (input.activities ?? []).entries()) {
    const amount = activity.budgetAmount ?? 0;
    const { id } = await db
      .insertInto('work_plan_activity')
      .values({
        work_plan_id: plan.id,
        position: index + 1,
        kind: activity.kind ?? 'other',
        title: activity.title ?? `Kegiatan Uji ${index + 1}`,
        responsible_organization_id: activity.responsibleOrganizationId,
        location: activity.location ?? null,
        starts_on: activity.startsOn ?? periodStart,
        ends_on: activity.endsOn ?? activity.startsOn ?? periodStart,
        budget_amount: amount,
        budget_source: activity.budgetSource ?? (amount > 0 ? 'apbd' : 'none'),
        status: activity.status ?? 'planned',
        cohort_id: activity.cohortId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    activityIds.push(id);
  }
  const targetIds: string[] = [];
  for (const [index, target] of (input.targets ?? []).entries()) {
    const { id } = await db
      .insertInto('work_plan_target')
      .values({
        work_plan_id: plan.id,
        position: index + 1,
        label: target.label ?? `Target Uji ${index + 1}`,
        metric: target.metric ?? 'manual',
        target_value: target.targetValue ?? 10,
        manual_actual: target.manualActual ?? null,
        activity_id: target.activityIndex === undefined ? null : (activityIds[target.activityIndex] ?? null),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    targetIds.push(id);
  }
  return { id: plan.id, activityIds, targetIds };
}

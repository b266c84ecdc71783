import {
  BUDGET_SOURCES,
  WORK_PLAN_MIN_COUNT,
  type WorkPlan,
  type WorkPlanActivity,
  type WorkPlanBudget,
  type WorkPlanListItem,
  type WorkPlanTarget,
} from '../../../shared/workplans.ts';
import type {
  ActivityRow,
  agreementRef,
  PlanListRow,
  PlanRow,
  SystemFigures,
  TargetRow,
} from './workplans.repository.ts';

// Rows to the shared work-plan shapes: bigint Rupiah as numbers, timestamps as ISO text, each target's actual
// (the system figure, or the typed one for `manual`) and its percentage, small system figures hidden from
// callers outside corrections, the budget by source.

const iso = (value: Date | string) => (value instanceof Date ? value : new Date(value)).toISOString();

export function presentActivity(row: ActivityRow): WorkPlanActivity {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    description: row.description,
    responsibleOrganization: { id: row.responsible_organization_id, name: row.responsible_name },
    location: row.location,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    budgetAmount: Number(row.budget_amount),
    budgetSource: row.budget_source,
    status: row.status,
    cohort:
      row.cohort_id && row.cohort_name && row.cohort_start && row.cohort_end
        ? { id: row.cohort_id, name: row.cohort_name, startDate: row.cohort_start, endDate: row.cohort_end }
        : null,
    updatedAt: iso(row.updated_at),
    version: row.version,
  };
}

/** round(actual / target × 100); null without an actual. */
export const percentOf = (actual: number | null, target: number) =>
  actual === null ? null : Math.round((actual * 100) / target);

/** A system figure of 1 to WORK_PLAN_MIN_COUNT − 1, hidden from a caller outside corrections. */
export const isSmallCount = (count: number) => count > 0 && count < WORK_PLAN_MIN_COUNT;

/**
 * A target as the caller sees it. `hideSmallCounts`: the caller is outside corrections, so a system figure
 * of 1–4 is shown as null with `suppressed` (a typed manual figure is never hidden).
 */
export function presentTarget(
  row: TargetRow,
  figures: SystemFigures,
  hideSmallCounts: boolean,
): WorkPlanTarget {
  const suppressed = row.metric !== 'manual' && hideSmallCounts && isSmallCount(figures[row.metric]);
  const actual = suppressed ? null : row.metric === 'manual' ? row.manual_actual : figures[row.metric];
  return {
    id: row.id,
    position: row.position,
    label: row.label,
    metric: row.metric,
    targetValue: row.target_value,
    activity:
      row.activity_id && row.activity_title ? { id: row.activity_id, title: row.activity_title } : null,
    manualActual: row.metric === 'manual' ? row.manual_actual : null,
    actual,
    percent: percentOf(actual, row.target_value),
    suppressed,
    version: row.version,
  };
}

/** The budget of the activities not cancelled, by source (every source listed). */
export function budgetOf(activities: WorkPlanActivity[]): WorkPlanBudget {
  const live = activities.filter((activity) => activity.status !== 'cancelled');
  return {
    total: live.reduce((sum, activity) => sum + activity.budgetAmount, 0),
    bySource: BUDGET_SOURCES.map((source) => {
      const funded = live.filter((activity) => activity.budgetSource === source);
      return {
        source,
        amount: funded.reduce((sum, activity) => sum + activity.budgetAmount, 0),
        activityCount: funded.length,
      };
    }),
    unfundedCount: live.filter((activity) => activity.budgetAmount === 0).length,
  };
}

export function presentPlan(input: {
  plan: PlanRow;
  agreement: Awaited<ReturnType<typeof agreementRef>>;
  organizationName: string;
  activities: ActivityRow[];
  targets: TargetRow[];
  figures: SystemFigures;
  /** The caller is outside corrections: small system figures hidden. */
  hideSmallCounts: boolean;
  names: Map<string, string>;
  canEdit: boolean;
}): WorkPlan {
  const { plan, agreement } = input;
  const activities = input.activities.map(presentActivity);
  return {
    id: plan.id,
    agreement: {
      id: agreement.id,
      kind: agreement.kind,
      title: agreement.title,
      status: agreement.status,
      validFrom: agreement.valid_from,
      validUntil: agreement.valid_until,
      parties: agreement.parties.map((party) => ({ id: party.id, name: party.name })),
    },
    organization: { id: plan.organization_id, name: input.organizationName },
    title: plan.title,
    objectives: plan.objectives,
    periodStart: plan.period_start,
    periodEnd: plan.period_end,
    status: plan.status,
    activities,
    targets: input.targets.map((row) => presentTarget(row, input.figures, input.hideSmallCounts)),
    budget: budgetOf(activities),
    createdBy: plan.created_by ? (input.names.get(plan.created_by) ?? null) : null,
    createdAt: iso(plan.created_at),
    updatedBy: plan.updated_by ? (input.names.get(plan.updated_by) ?? null) : null,
    updatedAt: iso(plan.updated_at),
    version: plan.version,
    canEdit: input.canEdit,
  };
}

export function presentListItem(row: PlanListRow, canManage: boolean): WorkPlanListItem {
  return {
    id: row.id,
    title: row.title,
    agreement: { id: row.agreement_id, kind: row.agreement_kind, title: row.agreement_title },
    organization: { id: row.organization_id, name: row.organization_name },
    periodStart: row.period_start,
    periodEnd: row.period_end,
    status: row.status,
    activityCount: Number(row.activity_count),
    doneCount: Number(row.done_count),
    budgetTotal: Number(row.budget_total),
    targetCount: Number(row.target_count),
    updatedAt: iso(row.updated_at),
    version: row.version,
    canEdit: canManage && Boolean(row.is_party),
  };
}

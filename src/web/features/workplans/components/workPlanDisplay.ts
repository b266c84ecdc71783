// Pure rules of the work-plan pages (no React, no i18n instance: unit-tested): the list's address filters,
// the budget totals as shown, a target's progress, and the activity and target forms' values and requests.

import {
  BUDGET_SOURCES,
  type BudgetSource,
  type SaveWorkPlanActivityRequest,
  type SaveWorkPlanTargetRequest,
  WORK_PLAN_STATUSES,
  type WorkPlanActivity,
  type WorkPlanActivityKind,
  type WorkPlanActivityStatus,
  type WorkPlanBudget,
  type WorkPlanMetric,
  type WorkPlanTarget,
} from '../../../../shared/workplans.ts';
import { PAGE_KEY } from '../../../lib/addressFilters.ts';
import type { WorkPlanQuery } from '../api/workplans.ts';

// ── The list's address ──

/** The list's address keys (Indonesian, so a shared link reads well). */
export const LIST_KEYS = {
  q: 'q',
  status: 'status',
  agreement: 'kesepakatan',
  responsible: 'pelaksana',
  year: 'tahun',
  page: PAGE_KEY,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const YEAR = /^(19|20)\d{2}$/;

/** The list query from the address; unknown or malformed values are ignored (a hand-edited link still opens). */
export function workPlanQueryOf(params: URLSearchParams, pageSize: number): WorkPlanQuery {
  const status = WORK_PLAN_STATUSES.find((code) => code === params.get(LIST_KEYS.status));
  const agreementId = params.get(LIST_KEYS.agreement) ?? '';
  const responsible = params.get(LIST_KEYS.responsible) ?? '';
  const year = params.get(LIST_KEYS.year) ?? '';
  const q = params.get(LIST_KEYS.q)?.trim();
  return {
    q: q || undefined,
    status,
    agreementId: UUID.test(agreementId) ? agreementId : undefined,
    responsibleOrganizationId: UUID.test(responsible) ? responsible : undefined,
    // A year: plans whose period overlaps it.
    from: YEAR.test(year) ? `${year}-01-01` : undefined,
    to: YEAR.test(year) ? `${year}-12-31` : undefined,
    page: Math.max(1, Math.floor(Number(params.get(LIST_KEYS.page))) || 1),
    pageSize,
  };
}

/** The years a plan filter offers: from two years back to two ahead of this one, newest first. */
export function yearOptions(today: string): string[] {
  const year = Number(today.slice(0, 4));
  return [year + 2, year + 1, year, year - 1, year - 2].map(String);
}

// ── Budget ──

export interface BudgetRow {
  source: BudgetSource;
  amount: number;
  activityCount: number;
  /** Share of the total in whole percent (0 when the total is 0). */
  share: number;
}

/**
 * The budget totals as the page shows them: the sources that have money or activities, in the fixed order
 * APBN, APBD, partner, other, each with its share of the total; the total; activities without a budget.
 */
export function budgetRows(budget: WorkPlanBudget): {
  rows: BudgetRow[];
  total: number;
  unfundedCount: number;
} {
  const bySource = new Map(budget.bySource.map((entry) => [entry.source, entry]));
  const rows: BudgetRow[] = [];
  for (const source of BUDGET_SOURCES) {
    const entry = bySource.get(source);
    if (!entry || (entry.amount === 0 && entry.activityCount === 0)) continue;
    rows.push({
      source,
      amount: entry.amount,
      activityCount: entry.activityCount,
      share: budget.total > 0 ? Math.round((entry.amount / budget.total) * 100) : 0,
    });
  }
  return { rows, total: budget.total, unfundedCount: budget.unfundedCount };
}

// ── Targets ──

export interface TargetProgress {
  /** The bar's fill, 0–100 (an actual above the target fills it). */
  value: number;
  /** The percentage as the server counted it (may exceed 100), or null before a manual figure is typed. */
  percent: number | null;
  met: boolean;
  /** Where the actual comes from: counted by Sinergi, or typed by staff. */
  source: 'system' | 'manual';
  /** A small system figure (1 to WORK_PLAN_MIN_COUNT − 1) the caller may not see: shown as "< 5". */
  suppressed: boolean;
}

export function targetProgress(
  target: Pick<WorkPlanTarget, 'metric' | 'targetValue' | 'actual' | 'percent' | 'suppressed'>,
) {
  const percent =
    target.percent ??
    (target.actual === null || target.targetValue <= 0
      ? null
      : Math.round((target.actual / target.targetValue) * 100));
  return {
    value: percent === null ? 0 : Math.max(0, Math.min(100, percent)),
    percent,
    met: target.actual !== null && target.actual >= target.targetValue,
    source: target.metric === 'manual' ? 'manual' : 'system',
    suppressed: target.suppressed,
  } satisfies TargetProgress;
}

/** Targets reached out of all, for the plan's header. */
export function targetsMet(targets: readonly Pick<WorkPlanTarget, 'actual' | 'targetValue'>[]): number {
  return targets.filter((target) => target.actual !== null && target.actual >= target.targetValue).length;
}

// ── Activity form ──

export interface ActivityFormValues {
  kind: WorkPlanActivityKind | null;
  title: string;
  description: string;
  responsibleOrganizationId: string | null;
  location: string;
  startsOn: string | null;
  endsOn: string | null;
  /** '' while empty (Mantine's NumberInput). */
  budgetAmount: number | string;
  budgetSource: BudgetSource | null;
  status: WorkPlanActivityStatus;
  cohortId: string | null;
}

/** The form's values from an activity, or the defaults of a new one (in the plan's period, no budget). */
export function activityFormValues(
  activity: WorkPlanActivity | null,
  defaults: {
    responsibleOrganizationId?: string | null;
    startsOn?: string | null;
    endsOn?: string | null;
  } = {},
): ActivityFormValues {
  if (!activity) {
    return {
      kind: null,
      title: '',
      description: '',
      responsibleOrganizationId: defaults.responsibleOrganizationId ?? null,
      location: '',
      startsOn: defaults.startsOn ?? null,
      endsOn: defaults.endsOn ?? null,
      budgetAmount: 0,
      budgetSource: null,
      status: 'planned',
      cohortId: null,
    };
  }
  return {
    kind: activity.kind,
    title: activity.title,
    description: activity.description ?? '',
    responsibleOrganizationId: activity.responsibleOrganization.id,
    location: activity.location ?? '',
    startsOn: activity.startsOn,
    endsOn: activity.endsOn,
    budgetAmount: activity.budgetAmount,
    budgetSource: activity.budgetSource === 'none' ? null : activity.budgetSource,
    status: activity.status,
    cohortId: activity.cohort?.id ?? null,
  };
}

/** The amount typed, as whole Rupiah (0 when empty). */
export function budgetAmountOf(value: number | string): number {
  if (typeof value === 'number') return value;
  const digits = value.replace(/[^\d]/g, '');
  return digits === '' ? 0 : Number(digits);
}

/** The request of a filled form (required fields checked before); no source is sent without money. */
export function activityRequest(values: ActivityFormValues, version?: number): SaveWorkPlanActivityRequest {
  const budgetAmount = budgetAmountOf(values.budgetAmount);
  return {
    kind: values.kind ?? 'other',
    title: values.title.trim(),
    description: values.description.trim() || null,
    responsibleOrganizationId: values.responsibleOrganizationId ?? '',
    location: values.location.trim() || null,
    startsOn: values.startsOn ?? '',
    endsOn: values.endsOn ?? '',
    budgetAmount,
    budgetSource: budgetAmount > 0 ? values.budgetSource : null,
    status: values.status,
    cohortId: values.kind === 'training_cohort' ? values.cohortId : null,
    ...(version === undefined ? {} : { version }),
  };
}

/** Checks the server would make too, so the officer sees them before sending (message keys). */
export function activityChecks(
  values: ActivityFormValues,
  period: { periodStart: string; periodEnd: string },
): {
  startsOn?: 'outsidePeriod';
  endsOn?: 'outsidePeriod' | 'endBeforeStart';
  budgetSource?: 'sourceRequired';
} {
  const checks: ReturnType<typeof activityChecks> = {};
  const outside = (date: string | null) =>
    date !== null && (date < period.periodStart || date > period.periodEnd);
  if (outside(values.startsOn)) checks.startsOn = 'outsidePeriod';
  if (values.startsOn && values.endsOn && values.endsOn < values.startsOn) checks.endsOn = 'endBeforeStart';
  else if (outside(values.endsOn)) checks.endsOn = 'outsidePeriod';
  if (budgetAmountOf(values.budgetAmount) > 0 && !values.budgetSource) checks.budgetSource = 'sourceRequired';
  return checks;
}

// ── Target form ──

export interface TargetFormValues {
  label: string;
  metric: WorkPlanMetric | null;
  targetValue: number | string;
  activityId: string | null;
  manualActual: number | string;
}

export function targetFormValues(target: WorkPlanTarget | null): TargetFormValues {
  return {
    label: target?.label ?? '',
    metric: target?.metric ?? null,
    targetValue: target?.targetValue ?? '',
    activityId: target?.activity?.id ?? null,
    manualActual: target?.manualActual ?? '',
  };
}

const numberOrNull = (value: number | string): number | null =>
  value === '' || value === null ? null : Number(value);

export function targetRequest(values: TargetFormValues, version?: number): SaveWorkPlanTargetRequest {
  return {
    label: values.label.trim(),
    metric: values.metric ?? 'manual',
    targetValue: numberOrNull(values.targetValue) ?? 0,
    activityId: values.activityId,
    manualActual: values.metric === 'manual' ? numberOrNull(values.manualActual) : null,
    ...(version === undefined ? {} : { version }),
  };
}

/** The request that changes only a manual target's actual figure (the rest as it is). */
export function manualActualRequest(
  target: WorkPlanTarget,
  manualActual: number | null,
): SaveWorkPlanTargetRequest {
  return {
    label: target.label,
    metric: target.metric,
    targetValue: target.targetValue,
    activityId: target.activity?.id ?? null,
    manualActual,
    version: target.version,
  };
}

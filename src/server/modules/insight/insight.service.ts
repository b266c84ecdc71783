import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { EFFECTIVE_AGREEMENT_STATUSES, effectiveAgreementStatus } from '../../../shared/agreements.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import {
  AGREEMENT_EXPIRY_DAYS,
  type DashboardQuery,
  type DashboardResponse,
  FUNNEL_STAGES,
  type FunnelStage,
  INSIGHT_MAX_MONTHS,
  type InsightExportRequest,
  type InsightFilters,
  type InsightVillageList,
  NOW_FIGURES,
  type OutcomeCohort,
  RETURN_WINDOWS,
  VILLAGE_DEFAULT_MONTHS,
  VILLAGE_MAX_MONTHS,
  type VillageInsightQuery,
  type VillageInsightResponse,
  WORK_WINDOWS,
} from '../../../shared/insight.ts';
import { daysBetween, JOURNEY_STATUSES, SECTORS } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, type FieldErrors, failOnFields, notFound } from '../../platform/errors.ts';
import { isCorrections } from '../people/people.access.ts';
import { currentRules } from '../rules/rules.service.ts';
import { presentTarget } from '../workplans/workplans.presenter.ts';
import {
  planTargets,
  type SystemFigures,
  type SystemMetric,
  systemFigures,
  type TargetRow,
} from '../workplans/workplans.repository.ts';
import {
  actionItemCounts,
  cohortCounts,
  type InsightFilter,
  listVillages,
  peopleCounts,
  placementCells,
  scopeAgreements,
  scopeWorkPlans,
  trainingCounts,
  type VillageRow,
  villageOpportunities,
  villagePeopleCounts,
  villageSectorCounts,
} from './insight.repository.ts';
import { type InsightScope, readsProgram, resolveScope, scopeLabel } from './insight.scope.ts';
import { hidesSmallCounts, MIN_CELL, percent, suppress, suppressRows } from './suppress.ts';

// The program dashboard and the kelurahan view (issue 9, ADR 015): the repository counts, this file hides
// small counts for the caller (with complementary suppression wherever a total and its members are answered
// together), computes the rates from what is shown, and audits the read with its filters (never people).

type Db = Kysely<Database>;

// ── Period ──

const monthStart = (month: string) => `${month}-01`;
const monthEnd = (month: string) => addDays(addMonths(monthStart(month), 1), -1);
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

export interface Period {
  from: string;
  to: string;
  periodStart: string;
  periodEnd: string;
  asOf: string;
}

/**
 * The whole months from..to (default: the 12 months ending this month); asOf = min(last day of `to`, today).
 * 400 on `from` when it is after `to` or the period is longer than INSIGHT_MAX_MONTHS months.
 */
export function periodOf(query: { from?: string; to?: string }, on = today()): Period {
  const to = query.to ?? on.slice(0, 7);
  const from = query.from ?? monthOf(monthIndex(to) - 11);
  const fields: FieldErrors = {};
  const months = monthIndex(to) - monthIndex(from) + 1;
  if (months < 1) fields.from = { key: 'insight_period_order' };
  else if (months > INSIGHT_MAX_MONTHS)
    fields.from = { key: 'insight_period_too_long', params: { max: INSIGHT_MAX_MONTHS } };
  failOnFields(fields);
  const periodEnd = monthEnd(to);
  // Dates as 'yyyy-mm-dd' text: the earlier of the two.
  const asOf = [periodEnd, on].sort()[0] as string;
  return { from, to, periodStart: monthStart(from), periodEnd, asOf };
}

// ── Kelurahan the caller may open ──

type VillageReach = { all: true } | { districtId: string } | { villageId: string } | null;

/** Program readers and corrections staff: every kelurahan; a kecamatan its own; a kelurahan itself; else none. */
function villageReach(ctx: RequestContext): VillageReach {
  if (readsProgram(ctx) || isCorrections(ctx)) return { all: true };
  const { organizationKind, organizationId } = ctx.principal;
  if (organizationKind === 'district') return { districtId: organizationId };
  if (organizationKind === 'village') return { villageId: organizationId };
  return null;
}

async function reachableVillages(db: Db, ctx: RequestContext): Promise<VillageRow[]> {
  const reach = villageReach(ctx);
  if (!reach) throw new AppError(403, 'INSIGHT_VILLAGE_FORBIDDEN');
  return listVillages(db, 'all' in reach ? {} : reach);
}

/** The kelurahan, when the caller may open it: 404 INSIGHT_VILLAGE_NOT_FOUND, 403 INSIGHT_VILLAGE_FORBIDDEN. */
async function openVillage(db: Db, ctx: RequestContext, villageId: string): Promise<VillageRow> {
  const [village] = await listVillages(db, { villageId });
  if (!village) throw notFound('INSIGHT_VILLAGE_NOT_FOUND');
  const reach = villageReach(ctx);
  const allowed =
    reach !== null &&
    ('all' in reach ||
      ('districtId' in reach && village.parent_id === reach.districtId) ||
      ('villageId' in reach && village.id === reach.villageId));
  if (!allowed) throw new AppError(403, 'INSIGHT_VILLAGE_FORBIDDEN');
  return village;
}

const presentVillage = (row: VillageRow) => ({
  id: row.id,
  name: row.name,
  code: row.code,
  district: row.parent_id && row.district_name ? { id: row.parent_id, name: row.district_name } : null,
});

/** The kelurahan the caller may open in the kelurahan view (partner: 403). */
export async function villages(db: Db, ctx: RequestContext): Promise<InsightVillageList> {
  return { items: (await reachableVillages(db, ctx)).map(presentVillage) };
}

function label(ctx: RequestContext, scope: InsightScope, village: VillageRow | null): string {
  const base = scopeLabel(scope) ?? (ctx.principal.language === 'en' ? 'Whole program' : 'Seluruh program');
  return village ? `${base} · ${village.name}` : base;
}

// ── Dashboard ──

/** One-decimal percentage of shown counts (see suppress.percent). */
const rate = percent;

function presentFunnel(counts: Record<FunnelStage, number>, hide: boolean): DashboardResponse['funnel'] {
  const shown = suppress(counts, [], hide);
  return FUNNEL_STAGES.map((stage, index) => {
    const count = shown[stage];
    const previous = index > 0 ? shown[FUNNEL_STAGES[index - 1] as FunnelStage] : null;
    return {
      stage,
      count,
      conversion: index > 0 ? rate(count, previous) : null,
      shareOfFirst: rate(count, shown.in_program),
    };
  });
}

/** Placements by kelurahan and by sector with their shared total, suppressed together. */
function presentPlacements(
  cells: Awaited<ReturnType<typeof placementCells>>,
  hide: boolean,
): DashboardResponse['placements'] {
  const byVillage = new Map<string, { name: string; count: number }>();
  const bySector = new Map<string, number>();
  let total = 0;
  for (const cell of cells) {
    total += cell.count;
    const village = byVillage.get(cell.village_id) ?? { name: cell.village_name, count: 0 };
    village.count += cell.count;
    byVillage.set(cell.village_id, village);
    bySector.set(cell.sector, (bySector.get(cell.sector) ?? 0) + cell.count);
  }
  const villages = [...byVillage.entries()].sort(
    (a, b) => b[1].count - a[1].count || a[1].name.localeCompare(b[1].name, 'id'),
  );
  const sectors = SECTORS.filter((sector) => (bySector.get(sector) ?? 0) > 0);
  const counts: Record<string, number> = { total };
  villages.forEach(([id, village]) => {
    counts[`v:${id}`] = village.count;
  });
  for (const sector of sectors) counts[`s:${sector}`] = bySector.get(sector) ?? 0;
  const shown = suppress(
    counts,
    [
      { total: 'total', members: villages.map(([id]) => `v:${id}`) },
      { total: 'total', members: sectors.map((sector) => `s:${sector}`) },
    ],
    hide,
  );
  return {
    total: shown.total ?? null,
    byVillage: villages.map(([id, village]) => ({
      villageId: id,
      name: village.name,
      count: shown[`v:${id}`] ?? null,
    })),
    bySector: sectors.map((sector) => ({ sector, count: shown[`s:${sector}`] ?? null })),
  };
}

interface Quarter {
  name: string;
  start: string;
  end: string;
}

/** The release quarters meeting [periodStart, periodEnd], oldest first. */
export function quartersOf(periodStart: string, periodEnd: string): Quarter[] {
  const index = (day: string) => Number(day.slice(0, 4)) * 4 + Math.floor((Number(day.slice(5, 7)) - 1) / 3);
  const quarters: Quarter[] = [];
  for (let q = index(periodStart); q <= index(periodEnd); q++) {
    const year = Math.floor(q / 4);
    const start = `${year}-${String((q % 4) * 3 + 1).padStart(2, '0')}-01`;
    quarters.push({ name: `${year}-Q${(q % 4) + 1}`, start, end: addDays(addMonths(start, 3), -1) });
  }
  return quarters;
}

function presentCohorts(
  quarters: Quarter[],
  rows: Awaited<ReturnType<typeof cohortCounts>>,
  asOf: string,
  hide: boolean,
): OutcomeCohort[] {
  const byName = new Map(rows.map((row) => [row.cohort, row]));
  const one = (count: number) => suppress({ count }, [], hide).count ?? null;
  return quarters.map((quarter) => {
    const row = byName.get(quarter.name);
    const size = one(row?.size ?? 0);
    // A hidden cohort hides its whole row: its cells would tell what the hidden size does not.
    const shown = (count: number) => (size === null ? null : one(count));
    const reached = (window: number) => addMonths(quarter.end, window) <= asOf;
    return {
      cohort: quarter.name,
      from: quarter.start,
      to: quarter.end,
      size,
      working: WORK_WINDOWS.map((window) => {
        if (!reached(window)) return null;
        const checks = shown(Number(row?.[`checks_${window}`] ?? 0));
        const working = shown(Number(row?.[`working_${window}`] ?? 0));
        return { windowMonths: window, checks, working, rate: rate(working, checks) };
      }),
      returned: RETURN_WINDOWS.map((window) => {
        if (!reached(window)) return null;
        const returned = shown(Number(row?.[`returned_${window}`] ?? 0));
        return { windowMonths: window, returned, rate: rate(returned, size) };
      }),
    };
  });
}

/** Every figure of the dashboard, raw (nothing hidden), as `dashboard` reads them: the benchmark calls this. */
export interface DashboardFigures {
  people: Awaited<ReturnType<typeof peopleCounts>>;
  training: Awaited<ReturnType<typeof trainingCounts>>;
  placements: Awaited<ReturnType<typeof placementCells>>;
  cohorts: Awaited<ReturnType<typeof cohortCounts>>;
  agreements: Awaited<ReturnType<typeof scopeAgreements>>;
  workPlans: (Awaited<ReturnType<typeof scopeWorkPlans>>[number] & {
    targets: TargetRow[];
    figures: SystemFigures;
  })[];
  actionItems: Awaited<ReturnType<typeof actionItemCounts>>;
}

/** The work plans in scope with their targets and the work plan module's own figures (systemFigures). */
async function workPlanFigures(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
  viewerOrganizationId: string | null,
): Promise<DashboardFigures['workPlans']> {
  const plans = await scopeWorkPlans(db, scope, filter, viewerOrganizationId);
  return Promise.all(
    plans.map(async (plan) => {
      const targets = await planTargets(db, plan.id);
      const metrics = new Set(
        targets
          .map((target) => target.metric)
          .filter((metric): metric is SystemMetric => metric !== 'manual'),
      );
      const figures = await systemFigures(db, plan.party_ids, plan.period_start, plan.period_end, metrics);
      return { ...plan, targets, figures };
    }),
  );
}

/**
 * Every statement of the dashboard, independent ones in parallel. `viewerOrganizationId`: whose party
 * memberships decide which titles may be shown; `cohortFrom`: the first day of the first release quarter.
 */
export async function dashboardFigures(
  db: Db,
  scope: InsightScope,
  filter: InsightFilter,
  options: { viewerOrganizationId: string | null; cohortFrom: string },
): Promise<DashboardFigures> {
  const [people, training, placements, cohorts, agreements, workPlans, actionItems] = await Promise.all([
    peopleCounts(db, scope, filter),
    trainingCounts(db, scope, filter),
    placementCells(db, scope, filter),
    cohortCounts(db, scope, filter, options.cohortFrom, filter.periodEnd),
    scopeAgreements(db, scope, options.viewerOrganizationId),
    workPlanFigures(db, scope, filter, options.viewerOrganizationId),
    actionItemCounts(db, scope, filter),
  ]);
  return { people, training, placements, cohorts, agreements, workPlans, actionItems };
}

function presentGovernance(
  figures: DashboardFigures,
  asOf: string,
  hide: boolean,
): DashboardResponse['governance'] {
  const statuses = new Map<string, number>();
  const expiring: DashboardResponse['governance']['expiring'] = [];
  for (const agreement of figures.agreements) {
    const status = effectiveAgreementStatus(
      { status: agreement.status, validFrom: agreement.valid_from, validUntil: agreement.valid_until },
      asOf,
    );
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    if (
      status === 'in_force' &&
      agreement.valid_until &&
      daysBetween(asOf, agreement.valid_until) <= AGREEMENT_EXPIRY_DAYS
    )
      expiring.push({
        id: agreement.id,
        kind: agreement.kind,
        title: agreement.visible ? agreement.title : null,
        validUntil: agreement.valid_until,
        daysLeft: daysBetween(asOf, agreement.valid_until),
      });
  }
  const items = figures.actionItems;
  return {
    expiring,
    byStatus: EFFECTIVE_AGREEMENT_STATUSES.filter((status) => status !== 'discarded').map((status) => ({
      status,
      count: statuses.get(status) ?? 0,
    })),
    // The work plan module's own presentation of a target (its actual, percent and small-count rule).
    workPlans: figures.workPlans.map((plan) => ({
      id: plan.id,
      title: plan.visible ? plan.title : null,
      periodStart: plan.period_start,
      periodEnd: plan.period_end,
      targets: plan.targets.map((row) => {
        const target = presentTarget(row, plan.figures, hide);
        return {
          label: target.label,
          metric: target.metric,
          targetValue: target.targetValue,
          actual: target.actual,
          percent: target.percent,
          suppressed: target.suppressed,
        };
      }),
    })),
    actionItems: items.map((item) => ({
      organizationId: item.organization_id,
      name: item.name,
      open: item.open,
      overdue: item.overdue,
    })),
    openTotal: items.reduce((sum, item) => sum + item.open, 0),
    overdueTotal: items.reduce((sum, item) => sum + item.overdue, 0),
  };
}

/** Outcomes by release cohort cover at least this many months before the period's end (the 24-month window). */
const OUTCOME_LOOK_BACK_MONTHS = 27;

/**
 * The release quarters of the outcomes table: from the quarter OUTCOME_LOOK_BACK_MONTHS before the period's
 * end (10 quarters), or the period's first if earlier, to the period's last. Whatever the period: with a
 * 12-month period every 12- and 24-month window would otherwise read "belum".
 */
export function outcomeQuarters(period: Pick<Period, 'periodStart' | 'periodEnd'>): Quarter[] {
  const lookBack = addMonths(period.periodEnd, -OUTCOME_LOOK_BACK_MONTHS);
  const lookBackQuarter = `${lookBack.slice(0, 4)}-${String(Math.floor((Number(lookBack.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
  return quartersOf(
    lookBackQuarter < period.periodStart ? lookBackQuarter : period.periodStart,
    period.periodEnd,
  );
}

/** The program dashboard for the caller's scope and filters. Audited (insight.dashboard_viewed). */
export async function dashboard(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof DashboardQuery>,
): Promise<DashboardResponse> {
  const scope = await resolveScope(db, ctx, query.organizationId);
  const period = periodOf(query);
  const village = query.villageId ? await openVillage(db, ctx, query.villageId) : null;
  const { rules } = await currentRules(db, 'sentence');
  const filter: InsightFilter = {
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    asOf: period.asOf,
    villageId: village?.id ?? null,
    preReleaseWindowDays: rules.preReleaseWindowDays,
  };
  const hide = hidesSmallCounts(ctx);
  const quarters = outcomeQuarters(period);
  const figures = await dashboardFigures(db, scope, filter, {
    viewerOrganizationId: ctx.principal.organizationId,
    cohortFrom: quarters[0]?.start ?? period.periodStart,
  });
  const { funnel, now } = figures.people;
  const { training, placements, cohorts } = figures;
  const shownNow = suppress(now, [], hide);
  const shownTraining = suppress(
    {
      attendanceRecorded: training.attendanceRecorded,
      attendancePresent: training.attendancePresent,
      completedEnrolments: training.completedEnrolments,
      certifiedEnrolments: training.certifiedEnrolments,
    },
    [],
    hide,
  );
  const filters: InsightFilters = {
    from: period.from,
    to: period.to,
    periodStart: period.periodStart,
    periodEnd: period.periodEnd,
    scope: scope.kind,
    organization: scope.organization
      ? { id: scope.organization.id, name: scope.organization.name, kind: scope.organization.kind }
      : null,
    village: village ? { id: village.id, name: village.name } : null,
    scopeLabel: label(ctx, scope, village),
  };
  await audit(db, ctx, {
    action: 'insight.dashboard_viewed',
    details: {
      from: period.from,
      to: period.to,
      organizationId: scope.organization?.id ?? null,
      villageId: village?.id ?? null,
    },
  });
  return {
    filters,
    asOf: period.asOf,
    smallCountsHidden: hide,
    minCell: MIN_CELL,
    funnel: presentFunnel(funnel, hide),
    now: NOW_FIGURES.map((figure) => ({ figure, count: shownNow[figure] })),
    training: {
      cohortsRunning: training.cohortsRunning,
      cohortsCompleted: training.cohortsCompleted,
      ...shownTraining,
      attendanceRate: rate(shownTraining.attendancePresent, shownTraining.attendanceRecorded),
      certificationRate: rate(shownTraining.certifiedEnrolments, shownTraining.completedEnrolments),
    },
    placements: presentPlacements(placements, hide),
    outcomes: {
      workWindows: [...WORK_WINDOWS],
      returnWindows: [...RETURN_WINDOWS],
      cohorts: presentCohorts(quarters, cohorts, period.asOf, hide),
    },
    governance: presentGovernance(figures, period.asOf, hide),
  };
}

// ── Kelurahan view ──

function monthsOf(value: string | undefined): number {
  if (value === undefined) return VILLAGE_DEFAULT_MONTHS;
  const months = /^\d{1,3}$/.test(value) ? Number(value) : Number.NaN;
  if (!(months >= 1 && months <= VILLAGE_MAX_MONTHS))
    failOnFields({ months: { key: 'insight_months_range', params: { max: VILLAGE_MAX_MONTHS } } });
  return months;
}

/** One kelurahan's people, opportunities and sectors for the caller's scope. Audited (insight.village_viewed). */
export async function village(
  db: Db,
  ctx: RequestContext,
  villageId: string,
  query: z.output<typeof VillageInsightQuery>,
): Promise<VillageInsightResponse> {
  const scope = await resolveScope(db, ctx);
  const months = monthsOf(query.months);
  const row = await openVillage(db, ctx, villageId);
  const on = today();
  const horizonEnd = addMonths(on, months);
  const { rules } = await currentRules(db, 'sentence');
  const window = rules.preReleaseWindowDays;
  const hide = hidesSmallCounts(ctx);
  const [people, opportunities, sectors] = await Promise.all([
    villagePeopleCounts(db, scope, row.id, on, horizonEnd, window),
    villageOpportunities(db, scope, row.id, on),
    villageSectorCounts(db, scope, row.id, on, horizonEnd, window),
  ]);

  const statusCounts: Record<string, number> = {
    intended: JOURNEY_STATUSES.reduce((sum, status) => sum + (people.by_status[status] ?? 0), 0),
  };
  for (const status of JOURNEY_STATUSES) statusCounts[status] = people.by_status[status] ?? 0;
  const shownStatus = suppress(statusCounts, [{ total: 'intended', members: JOURNEY_STATUSES }], hide);
  const single = suppress(
    {
      upcoming: people.upcoming,
      underSupervision: people.under_supervision,
      workingLatest: people.working_latest,
    },
    [],
    hide,
  );
  const placedNow = opportunities.reduce((sum, item) => sum + item.placed, 0);
  const shownPlaced = suppressRows(
    opportunities.map((item) => ({ ...item, count: item.placed })),
    placedNow,
    hide,
  );
  const bySector = new Map(sectors.map((sector) => [sector.sector, sector]));

  await audit(db, ctx, {
    action: 'insight.village_viewed',
    subjectType: 'organization',
    subjectId: row.id,
    subjectOrganizationId: row.id,
    details: { villageId: row.id, months },
  });
  return {
    village: presentVillage(row),
    asOf: on,
    months,
    horizonEnd,
    smallCountsHidden: hide,
    minCell: MIN_CELL,
    scopeLabel: label(ctx, scope, null),
    people: {
      intended: shownStatus.intended,
      byStatus: JOURNEY_STATUSES.map((status) => ({ status, count: shownStatus[status] })),
      upcomingReleases: single.upcoming,
      underSupervision: single.underSupervision,
      workingLatestCheck: single.workingLatest,
    },
    opportunities: {
      items: shownPlaced.rows.map((item) => ({
        id: item.id,
        title: item.title,
        partnerName: item.partner_name,
        sector: item.sector as (typeof SECTORS)[number],
        status: item.status,
        places: item.places,
        placed: item.count,
      })),
      places: opportunities.reduce((sum, item) => sum + item.places, 0),
      placedNow: shownPlaced.total,
    },
    sectors: SECTORS.map((sector) => {
      const counts = bySector.get(sector);
      const shown = suppress(
        { here: counts?.upcoming_here ?? 0, scope: counts?.upcoming_in_scope ?? 0 },
        [],
        hide,
      );
      return {
        sector,
        potentials: counts?.potentials ?? 0,
        needs: counts?.needs ?? 0,
        upcomingHere: shown.here,
        upcomingInScope: shown.scope,
      };
    }),
  };
}

// ── Exports ──

/** Records that the caller downloaded a chart's CSV (made in the browser). Audited (insight.csv_downloaded). */
export async function recordExport(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof InsightExportRequest>,
): Promise<void> {
  readsProgram(ctx);
  await audit(db, ctx, {
    action: 'insight.csv_downloaded',
    details: { view: body.view, section: body.section, filters: body.filters },
  });
}

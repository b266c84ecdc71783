import { z } from 'zod';
import { AGREEMENT_KINDS, EFFECTIVE_AGREEMENT_STATUSES } from './agreements.ts';
import { OPPORTUNITY_STATUSES } from './opportunities.ts';
import { OrganizationKind } from './organizations.ts';
import { JOURNEY_STATUSES, SECTORS } from './people.ts';
import { WORK_PLAN_METRICS } from './workplans.ts';

// Insight (issue 9, ADR 015): the program dashboard and the kelurahan view. Aggregate counts only, never a
// person. A count is `number | null`: null = hidden (shown "< 5") for callers outside corrections — a count of
// 1–4, and complementary cells wherever a total and its members are in the same answer — zero is shown.
// A rate is a percentage with one decimal, null when a side is hidden or the denominator is 0.
//
// Scope (which people a figure counts): read:insight:organization (staff) — her own organization: prison,
// the people it holds; probation, those referred or handed over to it; kelurahan, those intended for it or
// placed in one of its opportunities; kecamatan, the same over its kelurahan; partner, those placed with it.
// read:insight:all (heads, viewers) — the program (everyone), or one organization's scope with
// `organizationId`. Another organizationId for a staff caller → 403 INSIGHT_SCOPE_FORBIDDEN; unknown → 404.

/** Counts from 1 to MIN_CELL − 1 are hidden outside corrections. */
const Count = z.number().int().nullable();
/** A percentage with one decimal (may exceed 100 for targets); null when hidden or no denominator. */
const Rate = z.number().nullable();

/** The longest period of the dashboard, in months. */
export const INSIGHT_MAX_MONTHS = 120;
/** The kelurahan view's horizon of upcoming releases: default and maximum, in months. */
export const VILLAGE_DEFAULT_MONTHS = 6;
export const VILLAGE_MAX_MONTHS = 24;
/** Agreements whose validity ends within this many days of asOf are "expiring". */
export const AGREEMENT_EXPIRY_DAYS = 90;

/** 'YYYY-MM' (field error insight_month_invalid). */
export const InsightMonth = z.string().refine((value) => /^(19|20|21)\d\d-(0[1-9]|1[0-2])$/.test(value), {
  params: { key: 'insight_month_invalid' },
});

/** The funnel's stages, in order; each counts people of the stage before it who reached it by asOf. */
export const FUNNEL_STAGES = [
  'in_program',
  'in_training',
  'certified',
  'pre_release',
  'handed_over',
  'placed',
  'working_12_months',
] as const;
export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** The "now" block: stock of people as of asOf (overlapping categories, not a partition). */
export const NOW_FIGURES = [
  'in_custody',
  'in_training',
  'pre_release',
  'under_supervision',
  'placed',
] as const;
export type NowFigure = (typeof NOW_FIGURES)[number];

/** Outcome windows of the dashboard's cohort table: working at 3/6/12 months, returned within 12/24. */
export const WORK_WINDOWS = [3, 6, 12] as const;
export const RETURN_WINDOWS = [12, 24] as const;

// ── GET /api/insight/dashboard (audited insight.dashboard_viewed with the filters) ──

export const DashboardQuery = z.strictObject({
  /** First month, 'YYYY-MM'. Default: 11 months before `to`. */
  from: InsightMonth.optional(),
  /** Last month, 'YYYY-MM'. Default: the current month (Asia/Jakarta). from > to → field `from`
   *  insight_period_order; more than INSIGHT_MAX_MONTHS months → field `from` insight_period_too_long. */
  to: InsightMonth.optional(),
  /** read:insight:all: that organization's scope; staff: only her own (else 403). */
  organizationId: z.uuid().optional(),
  /** Only people intended for or placed in this kelurahan (404 unknown, 403 when the caller may not open it). */
  villageId: z.uuid().optional(),
});
export type DashboardQuery = z.input<typeof DashboardQuery>;

export const InsightFilters = z.object({
  from: z.string(),
  to: z.string(),
  /** First and last day of the period. */
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  /** 'program' or 'organization'. */
  scope: z.enum(['program', 'organization']),
  organization: z.object({ id: z.uuid(), name: z.string(), kind: OrganizationKind }).nullable(),
  village: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  /** "Program" / the organization's short name or name (+ " · kelurahan"), for titles. */
  scopeLabel: z.string(),
});
export type InsightFilters = z.infer<typeof InsightFilters>;

export const FunnelStep = z.object({
  stage: z.enum(FUNNEL_STAGES),
  count: Count,
  /** count ÷ the previous stage's count (null for the first stage). */
  conversion: Rate,
  /** count ÷ the first stage's count. */
  shareOfFirst: Rate,
});
export type FunnelStep = z.infer<typeof FunnelStep>;

export const NowCount = z.object({ figure: z.enum(NOW_FIGURES), count: Count });

export const TrainingBlock = z.object({
  /** Cohorts (not cancelled) with a person in scope enrolled (allocated/completed), running in the period:
   *  start_date ≤ periodEnd and (completed_on, else end_date) ≥ periodStart. Not about people: never hidden. */
  cohortsRunning: z.number().int(),
  /** Of those, status completed with completed_on (else end_date) in the period. */
  cohortsCompleted: z.number().int(),
  /** Attendance marks of people in scope in sessions (not cancelled) dated in the period. */
  attendanceRecorded: Count,
  attendancePresent: Count,
  /** present ÷ recorded. */
  attendanceRate: Rate,
  /** Completed enrolments (people in scope) of the cohorts completed in the period. */
  completedEnrolments: Count,
  /** Of those, with a certificate for that enrolment issued on or before asOf. */
  certifiedEnrolments: Count,
  /** certified ÷ completed. */
  certificationRate: Rate,
});
export type TrainingBlock = z.infer<typeof TrainingBlock>;

export const PlacementVillageRow = z.object({ villageId: z.uuid(), name: z.string(), count: Count });
export const PlacementSectorRow = z.object({ sector: z.enum(SECTORS), count: Count });
export const PlacementsBlock = z.object({
  /** Placements of people in scope that reached placed (placed_on) in the period. */
  total: Count,
  /** By the opportunity's kelurahan (rows with a placement, most first; sums to total). */
  byVillage: z.array(PlacementVillageRow),
  /** By the opportunity's sector (rows with a placement, SECTORS order; sums to total). */
  bySector: z.array(PlacementSectorRow),
});
export type PlacementsBlock = z.infer<typeof PlacementsBlock>;

/** A cohort's cell for one window; the cell is null when the window is not reached ("belum"). */
export const WorkCell = z.object({
  windowMonths: z.number().int(),
  /** Checks of that window recorded (checked_on ≤ asOf) among the cohort. */
  checks: Count,
  /** Of those, work status employed or self_employed. */
  working: Count,
  /** working ÷ checks. */
  rate: Rate,
});
export const ReturnCell = z.object({
  windowMonths: z.number().int(),
  /** Returned to custody by released_on + window (and by asOf), over the whole cohort. */
  returned: Count,
  /** returned ÷ size. */
  rate: Rate,
});
export const OutcomeCohort = z.object({
  /** 'YYYY-Qn'. */
  cohort: z.string(),
  from: z.iso.date(),
  to: z.iso.date(),
  /** People in scope released (released_on ≤ asOf) in the quarter. A size of 1–4 hides the whole row. */
  size: Count,
  /** WORK_WINDOWS order; null = window not yet reached for the whole cohort (quarter end + window > asOf). */
  working: z.array(WorkCell.nullable()),
  /** RETURN_WINDOWS order; null = not yet reached. */
  returned: z.array(ReturnCell.nullable()),
});
export type OutcomeCohort = z.infer<typeof OutcomeCohort>;

export const ExpiringAgreement = z.object({
  id: z.uuid(),
  kind: z.enum(AGREEMENT_KINDS),
  /** null when the caller's organization is not a party (may not open it). */
  title: z.string().nullable(),
  validUntil: z.iso.date(),
  /** validUntil − asOf. */
  daysLeft: z.number().int(),
});
export const WorkPlanTargetFigure = z.object({
  label: z.string(),
  metric: z.enum(WORK_PLAN_METRICS),
  targetValue: z.number().int(),
  /** The work plan module's actual (system figure over the plan period, or the typed one); null hidden/untyped. */
  actual: Count,
  /** round(actual ÷ target × 100). */
  percent: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export const WorkPlanFigures = z.object({
  id: z.uuid(),
  /** null when the caller's organization may not open the plan. */
  title: z.string().nullable(),
  periodStart: z.iso.date(),
  periodEnd: z.iso.date(),
  targets: z.array(WorkPlanTargetFigure),
});
export const ActionItemsByOwner = z.object({
  organizationId: z.uuid(),
  name: z.string(),
  /** Status open or in_progress. */
  open: z.number().int(),
  /** Of those, due before asOf. */
  overdue: z.number().int(),
});
export const GovernanceBlock = z.object({
  /** Signed agreements in force at asOf whose validity ends within AGREEMENT_EXPIRY_DAYS days (soonest first). */
  expiring: z.array(ExpiringAgreement),
  /** Agreements in scope (discarded left out) by effective status at asOf; every status listed. */
  byStatus: z.array(z.object({ status: z.enum(EFFECTIVE_AGREEMENT_STATUSES), count: z.number().int() })),
  /** Active work plans in scope whose period overlaps the period. */
  workPlans: z.array(WorkPlanFigures),
  /** Action items of meetings in scope, by owner organization (with an open item; most overdue first). */
  actionItems: z.array(ActionItemsByOwner),
  overdueTotal: z.number().int(),
  openTotal: z.number().int(),
});
export type GovernanceBlock = z.infer<typeof GovernanceBlock>;

export const DashboardResponse = z
  .object({
    filters: InsightFilters,
    /** min(last day of `to`, today in Asia/Jakarta). */
    asOf: z.iso.date(),
    smallCountsHidden: z.boolean(),
    minCell: z.number().int(),
    funnel: z.array(FunnelStep),
    now: z.array(NowCount),
    training: TrainingBlock,
    placements: PlacementsBlock,
    outcomes: z.object({
      workWindows: z.array(z.number().int()),
      returnWindows: z.array(z.number().int()),
      /**
       * Release quarters from the period's start, or from 27 months before its end when that is earlier (so
       * the 12- and 24-month windows have cohorts that reached them), to its end; oldest first.
       */
      cohorts: z.array(OutcomeCohort),
    }),
    governance: GovernanceBlock,
  })
  .meta({ id: 'InsightDashboard' });
export type DashboardResponse = z.infer<typeof DashboardResponse>;

// ── GET /api/insight/villages ──

export const InsightVillage = z.object({
  id: z.uuid(),
  name: z.string(),
  code: z.string().nullable(),
  district: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export const InsightVillageList = z
  .object({ items: z.array(InsightVillage) })
  .meta({ id: 'InsightVillageList' });
export type InsightVillageList = z.infer<typeof InsightVillageList>;

// ── GET /api/insight/villages/:villageId (audited insight.village_viewed) ──

export const VillageInsightParams = z.strictObject({ villageId: z.uuid() });
export const VillageInsightQuery = z.strictObject({
  /** Horizon of upcoming releases, 1–VILLAGE_MAX_MONTHS (field months: insight_months_range). Default 6. */
  months: z.string().optional(),
});
export type VillageInsightQuery = z.input<typeof VillageInsightQuery>;

export const VillageOpportunity = z.object({
  id: z.uuid(),
  title: z.string(),
  partnerName: z.string(),
  sector: z.enum(SECTORS),
  status: z.enum(OPPORTUNITY_STATUSES),
  places: z.number().int(),
  /** Placements in this opportunity in stage placed now. */
  placed: Count,
});
export const VillageSectorRow = z.object({
  sector: z.enum(SECTORS),
  /** The kelurahan's potentials / needs in that sector (not about people: never hidden). */
  potentials: z.number().int(),
  needs: z.number().int(),
  /** Upcoming releases intended for this kelurahan with a skill or certificate in that sector. */
  upcomingHere: Count,
  /** Upcoming releases in the caller's whole scope with a skill or certificate in that sector. */
  upcomingInScope: Count,
});
export const VillageInsightResponse = z
  .object({
    village: z.object({
      id: z.uuid(),
      name: z.string(),
      code: z.string().nullable(),
      district: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    }),
    /** Today (Asia/Jakarta). */
    asOf: z.iso.date(),
    months: z.number().int(),
    /** The end of the horizon: asOf + months. */
    horizonEnd: z.iso.date(),
    smallCountsHidden: z.boolean(),
    minCell: z.number().int(),
    scopeLabel: z.string(),
    people: z.object({
      /** People in the caller's scope intended for this kelurahan (person.intended_village_id). */
      intended: Count,
      /** Of those, by journey status today (every status listed; sums to intended). */
      byStatus: z.array(z.object({ status: z.enum(JOURNEY_STATUSES), count: Count })),
      /** Intended, not yet released, release date from asOf to horizonEnd. */
      upcomingReleases: Count,
      /** Intended or placed here, released and under supervision today. */
      underSupervision: Count,
      /** Intended or placed here whose latest outcome check says employed or self_employed. */
      workingLatestCheck: Count,
    }),
    opportunities: z.object({
      /** The kelurahan's opportunities open or filled (open first, then by title). */
      items: z.array(VillageOpportunity),
      places: z.number().int(),
      /** Placements in stage placed now in these opportunities (people of the caller's scope): the "placed now"
       *  of the kelurahan; sums the items' placed. */
      placedNow: Count,
    }),
    /** Every sector, SECTORS order. */
    sectors: z.array(VillageSectorRow),
  })
  .meta({ id: 'InsightVillage' });
export type VillageInsightResponse = z.infer<typeof VillageInsightResponse>;

// ── POST /api/insight/exports → 204 (audited insight.csv_downloaded) ──

export const INSIGHT_VIEWS = ['dashboard', 'village', 'report'] as const;
export const InsightExportRequest = z.strictObject({
  view: z.enum(INSIGHT_VIEWS),
  /** The chart or table exported (e.g. 'funnel', 'placements_by_village'). */
  section: z.string().trim().min(1).max(60),
  /** The filters the page shows (from, to, organizationId, villageId, month…): short strings. */
  filters: z.record(z.string().max(40), z.string().max(100)).default({}),
});
export type InsightExportRequest = z.input<typeof InsightExportRequest>;

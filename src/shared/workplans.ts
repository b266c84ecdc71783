import { z } from 'zod';
import { EFFECTIVE_AGREEMENT_STATUSES } from './agreements.ts';
import { CalendarDate, PageQuery } from './common.ts';
import { COHORT_MIN_CELL } from './outcomes.ts';

// Program teknis (work plans, issue 8): a technical plan under an agreement (MoU/PKS) the caller's
// organization is a party of: title, objectives, a period, activities (who does what, where, when, with
// which budget), and targets whose actual figure the system counts itself over the plan's period (aggregate
// counts only: never a list of people). The organization that made the plan prints it on its letterhead.
//
// Access: a plan is visible to the parties of its agreement and to every organization responsible for one of
// its activities (read-only). Staff with `manage:workplan:organization` of a PARTY edit it (plan, activities,
// targets). Anything outside the caller's reach is 404. Every change carries the record's `version` (stale:
// 409 VERSION_CONFLICT). A `closed` plan refuses activity and target changes (409 WORK_PLAN_CLOSED); a PUT
// of the plan with another status reopens it.

export const WORK_PLAN_STATUSES = ['draft', 'active', 'closed'] as const;
export type WorkPlanStatus = (typeof WORK_PLAN_STATUSES)[number];
export const WORK_PLAN_ACTIVITY_KINDS = [
  'training_cohort',
  'village_socialization',
  'bazaar',
  'monitoring_visit',
  'coordination_meeting',
  'mentoring',
  'other',
] as const;
export type WorkPlanActivityKind = (typeof WORK_PLAN_ACTIVITY_KINDS)[number];
export const WORK_PLAN_ACTIVITY_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'postponed',
  'cancelled',
] as const;
export type WorkPlanActivityStatus = (typeof WORK_PLAN_ACTIVITY_STATUSES)[number];
/** Where an activity's money comes from; `none` is stored (and shown) when the amount is 0. */
export const BUDGET_SOURCES = ['apbn', 'apbd', 'partner', 'other'] as const;
export type BudgetSource = (typeof BUDGET_SOURCES)[number];
export const STORED_BUDGET_SOURCES = [...BUDGET_SOURCES, 'none'] as const;
export type StoredBudgetSource = (typeof STORED_BUDGET_SOURCES)[number];
/**
 * What a target counts. The actual is computed over the plan period [periodStart, periodEnd] (calendar days,
 * inclusive), as aggregate numbers, counting only the rows owned by the PARTIES of the plan's agreement
 * (another organization's rows never count, whoever reads the plan):
 * - women_trained: distinct people whose enrolment is `completed` in a cohort of a party (the cohort's
 *   organization) ending in the period (its completion date, else its planned end date);
 * - women_certified: distinct people with a certificate issued in the period by a party (the certificate's
 *   recording organization);
 * - women_handed_over: handovers sent from a party or to a party, accepted in the period (the day of the
 *   acceptance, Asia/Jakarta);
 * - women_placed: distinct people whose placement reached `placed` in the period (its placed-on date), where
 *   she is held by a party (the person's organization) or the opportunity belongs to a party (its partner
 *   organization);
 * - working_6_months: 6-month outcome checks recorded by a party in the period whose work status is
 *   `employed` or `self_employed` (the outcomes module's "working"; a business started without that work
 *   status does not count);
 * - manual: the typed `manualActual` (null until typed).
 * For a caller outside corrections (not prison or probation staff) a system figure of 1 to
 * WORK_PLAN_MIN_COUNT − 1 is not shown: `actual` and `percent` are null and `suppressed` is true (as the
 * outcome cohort view hides small counts). Corrections staff see exact figures.
 */
export const WORK_PLAN_METRICS = [
  'women_trained',
  'women_certified',
  'women_handed_over',
  'women_placed',
  'working_6_months',
  'manual',
] as const;
export type WorkPlanMetric = (typeof WORK_PLAN_METRICS)[number];

/** System figures from 1 to this minus one are hidden from callers outside corrections (the outcomes rule). */
export const WORK_PLAN_MIN_COUNT = COHORT_MIN_CELL;

/** Largest budget of one activity (Rupiah): one quadrillion. */
export const MAX_BUDGET_AMOUNT = 1_000_000_000_000_000;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const Version = z.number().int().min(1);
const Named = z.object({ id: z.uuid(), name: z.string() });

export const WorkPlanParams = z.strictObject({ workPlanId: z.uuid() });
export const WorkPlanActivityParams = z.strictObject({ workPlanId: z.uuid(), activityId: z.uuid() });
export const WorkPlanTargetParams = z.strictObject({ workPlanId: z.uuid(), targetId: z.uuid() });
/** DELETE of an activity or a target: the version the caller saw, in the query string. */
export const RemoveQuery = z.strictObject({ version: z.coerce.number().int().min(1) });
export type RemoveQuery = z.input<typeof RemoveQuery>;

// ── Requests ──

const planFields = {
  agreementId: z.uuid(),
  title: requiredText(300),
  objectives: optionalText(5000),
  periodStart: CalendarDate,
  periodEnd: CalendarDate,
};

/**
 * POST /api/work-plans (201 WorkPlan). Field errors: `agreementId` workplan_agreement_invalid (not an
 * agreement of the caller's organization), `periodEnd` workplan_period_end_before_start.
 */
export const CreateWorkPlanRequest = z.strictObject({
  ...planFields,
  /** Default draft (on create only). */
  status: z.enum(WORK_PLAN_STATUSES).default('draft'),
});
export type CreateWorkPlanRequest = z.input<typeof CreateWorkPlanRequest>;

/**
 * PUT /api/work-plans/:workPlanId (200 WorkPlan). Every field of create, `status` REQUIRED (no default: a PUT
 * that leaves it out is 400, it never resets the plan), plus `version`. The period may not be narrowed so
 * that an activity falls outside it (field `periodStart`/`periodEnd`: workplan_period_excludes_activity).
 * Another agreement must be one whose parties own every linked cohort (field `agreementId`:
 * workplan_agreement_excludes_cohort). Allowed on a closed plan (this is how it is reopened).
 */
export const UpdateWorkPlanRequest = z.strictObject({
  ...planFields,
  status: z.enum(WORK_PLAN_STATUSES),
  version: Version,
});
export type UpdateWorkPlanRequest = z.input<typeof UpdateWorkPlanRequest>;

const BudgetAmount = z
  .number()
  .refine((value) => value >= 0, { params: { key: 'workplan_budget_negative' } })
  .refine((value) => Number.isInteger(value), { params: { key: 'workplan_budget_whole' } })
  .refine((value) => value <= MAX_BUDGET_AMOUNT, { params: { key: 'workplan_budget_too_large' } });

const activityFields = {
  kind: z.enum(WORK_PLAN_ACTIVITY_KINDS),
  title: requiredText(300),
  description: optionalText(5000),
  /** An organization the caller sees in the directory (or a party of the agreement); on PUT also the stored one. */
  responsibleOrganizationId: z.uuid(),
  location: optionalText(300),
  startsOn: CalendarDate,
  endsOn: CalendarDate,
  /** Required when budgetAmount > 0. */
  budgetSource: z.enum(BUDGET_SOURCES).nullable().optional(),
  cohortId: z.uuid().nullable().optional(),
};

/**
 * POST /api/work-plans/:workPlanId/activities (201 WorkPlan). Field errors (Indonesian, naming the field):
 * `startsOn` workplan_start_outside_period / `endsOn` workplan_end_outside_period (outside the plan
 * period), `endsOn` workplan_end_before_start, `budgetAmount` workplan_budget_negative / workplan_budget_whole,
 * `budgetSource` workplan_budget_source_required (amount > 0 without a source), `responsibleOrganizationId`
 * workplan_organization_invalid (unknown, or not in the caller's directory), `cohortId`
 * workplan_cohort_invalid (a cohort of one of the agreement's parties). Amount 0 stores the source `none`
 * whatever is sent. A closed plan: 409 WORK_PLAN_CLOSED.
 */
export const CreateWorkPlanActivityRequest = z.strictObject({
  ...activityFields,
  /** Whole Rupiah, ≥ 0; default 0 (on create only). */
  budgetAmount: BudgetAmount.default(0),
  /** Default planned (on create only). */
  status: z.enum(WORK_PLAN_ACTIVITY_STATUSES).default('planned'),
});
export type CreateWorkPlanActivityRequest = z.input<typeof CreateWorkPlanActivityRequest>;

/**
 * PUT /api/work-plans/:workPlanId/activities/:activityId (200 WorkPlan). As create, but `budgetAmount` and
 * `status` are REQUIRED (no defaults), plus `version` (the activity's).
 */
export const UpdateWorkPlanActivityRequest = z.strictObject({
  ...activityFields,
  /** Whole Rupiah, ≥ 0. */
  budgetAmount: BudgetAmount,
  status: z.enum(WORK_PLAN_ACTIVITY_STATUSES),
  version: Version,
});
export type UpdateWorkPlanActivityRequest = z.input<typeof UpdateWorkPlanActivityRequest>;

/** The body of either (the web's activity form). */
export type SaveWorkPlanActivityRequest = CreateWorkPlanActivityRequest | UpdateWorkPlanActivityRequest;

const targetFields = {
  label: requiredText(300),
  metric: z.enum(WORK_PLAN_METRICS),
  targetValue: z.number().refine((value) => Number.isInteger(value) && value > 0 && value <= 1_000_000_000, {
    params: { key: 'workplan_target_positive' },
  }),
  activityId: z.uuid().nullable().optional(),
};
const ManualActual = z
  .number()
  .refine((value) => Number.isInteger(value) && value >= 0 && value <= 1_000_000_000, {
    params: { key: 'workplan_manual_actual_invalid' },
  })
  .nullable();

/**
 * POST /api/work-plans/:workPlanId/targets (201 WorkPlan). Field errors: `targetValue`
 * workplan_target_positive (≤ 0 or not whole), `activityId` workplan_activity_invalid (not an activity of
 * this plan), `manualActual` workplan_manual_actual_invalid (negative or not whole). `manualActual` is kept
 * only for metric `manual`. A closed plan: 409 WORK_PLAN_CLOSED.
 */
export const CreateWorkPlanTargetRequest = z.strictObject({
  ...targetFields,
  manualActual: ManualActual.optional(),
});
export type CreateWorkPlanTargetRequest = z.input<typeof CreateWorkPlanTargetRequest>;

/**
 * PUT /api/work-plans/:workPlanId/targets/:targetId (200 WorkPlan). As create, but `manualActual` is REQUIRED
 * (a number, or null: not typed yet; send null for a system metric), plus `version` (the target's).
 */
export const UpdateWorkPlanTargetRequest = z.strictObject({
  ...targetFields,
  manualActual: ManualActual,
  version: Version,
});
export type UpdateWorkPlanTargetRequest = z.input<typeof UpdateWorkPlanTargetRequest>;

/** The body of either (the web's target form). */
export type SaveWorkPlanTargetRequest = CreateWorkPlanTargetRequest | UpdateWorkPlanTargetRequest;

// ── Responses ──

export const WorkPlanAgreementRef = z
  .object({
    id: z.uuid(),
    kind: z.enum(['mou', 'pks']),
    title: z.string(),
    /**
     * The EFFECTIVE status (as everywhere): a signed agreement is `signed` before validFrom, `in_force` from
     * validFrom to validUntil, `expired` after; otherwise the stored one.
     */
    status: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
    validFrom: z.iso.date().nullable(),
    validUntil: z.iso.date().nullable(),
    /** The parties in position order (PIHAK PERTAMA first). */
    parties: z.array(Named),
  })
  .meta({ id: 'WorkPlanAgreementRef' });
export type WorkPlanAgreementRef = z.infer<typeof WorkPlanAgreementRef>;

export const WorkPlanActivity = z
  .object({
    id: z.uuid(),
    /** 1, 2, … in order of creation; the list is sorted by startsOn, then position. */
    position: z.number().int(),
    kind: z.enum(WORK_PLAN_ACTIVITY_KINDS),
    title: z.string(),
    description: z.string().nullable(),
    responsibleOrganization: Named,
    location: z.string().nullable(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
    budgetAmount: z.number().int(),
    budgetSource: z.enum(STORED_BUDGET_SOURCES),
    status: z.enum(WORK_PLAN_ACTIVITY_STATUSES),
    /** The training cohort carrying it out, when linked. */
    cohort: z
      .object({ id: z.uuid(), name: z.string(), startDate: z.iso.date(), endDate: z.iso.date() })
      .nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'WorkPlanActivity' });
export type WorkPlanActivity = z.infer<typeof WorkPlanActivity>;

export const WorkPlanTarget = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    label: z.string(),
    metric: z.enum(WORK_PLAN_METRICS),
    targetValue: z.number().int(),
    activity: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    /** The typed figure (metric manual only; else null). */
    manualActual: z.number().int().nullable(),
    /**
     * The system figure over the plan period (rows of the agreement's parties: WORK_PLAN_METRICS), or
     * manualActual for `manual`; null when not typed yet, or when suppressed.
     */
    actual: z.number().int().nullable(),
    /** round(actual / targetValue × 100); may exceed 100; null when actual is null. */
    percent: z.number().int().nullable(),
    /**
     * True when a system figure of 1 to WORK_PLAN_MIN_COUNT − 1 is hidden from a caller outside corrections
     * (actual and percent null; show "< 5"). Never for `manual`.
     */
    suppressed: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'WorkPlanTarget' });
export type WorkPlanTarget = z.infer<typeof WorkPlanTarget>;

/** Budget of the activities that are not cancelled, by source (every source listed, 0 when none). */
export const WorkPlanBudget = z
  .object({
    total: z.number().int(),
    bySource: z.array(
      z.object({ source: z.enum(BUDGET_SOURCES), amount: z.number().int(), activityCount: z.number().int() }),
    ),
    /** Activities (not cancelled) without a budget. */
    unfundedCount: z.number().int(),
  })
  .meta({ id: 'WorkPlanBudget' });
export type WorkPlanBudget = z.infer<typeof WorkPlanBudget>;

// GET /api/work-plans/:workPlanId (audited: workplan.viewed, with who opened it)
export const WorkPlan = z
  .object({
    id: z.uuid(),
    agreement: WorkPlanAgreementRef,
    /** The organization that made the plan (its letterhead on the PDF). */
    organization: Named,
    title: z.string(),
    objectives: z.string().nullable(),
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    status: z.enum(WORK_PLAN_STATUSES),
    /** Sorted by startsOn, then position. */
    activities: z.array(WorkPlanActivity),
    /** Sorted by position. */
    targets: z.array(WorkPlanTarget),
    budget: WorkPlanBudget,
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedBy: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
    /** The caller may edit (manage:workplan staff of a party of the agreement). */
    canEdit: z.boolean(),
  })
  .meta({ id: 'WorkPlan' });
export type WorkPlan = z.infer<typeof WorkPlan>;

// ── GET /api/work-plans ──
export const WorkPlanListQuery = PageQuery.extend({
  agreementId: z.uuid().optional(),
  status: z.enum(WORK_PLAN_STATUSES).optional(),
  /** Plans with an activity this organization is responsible for. */
  responsibleOrganizationId: z.uuid().optional(),
  /** Plans whose period overlaps [from, to] (either may be omitted). */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  /** Words of the title. */
  q: z.string().trim().max(100).optional(),
}).strict();
export type WorkPlanListQuery = z.input<typeof WorkPlanListQuery>;

export const WorkPlanListItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    agreement: z.object({ id: z.uuid(), kind: z.enum(['mou', 'pks']), title: z.string() }),
    organization: Named,
    periodStart: z.iso.date(),
    periodEnd: z.iso.date(),
    status: z.enum(WORK_PLAN_STATUSES),
    activityCount: z.number().int(),
    /** Activities with status done. */
    doneCount: z.number().int(),
    budgetTotal: z.number().int(),
    targetCount: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
    canEdit: z.boolean(),
  })
  .meta({ id: 'WorkPlanListItem' });
export type WorkPlanListItem = z.infer<typeof WorkPlanListItem>;

export const WorkPlanList = z
  .object({
    /** Newest period first (periodStart desc), then title. */
    items: z.array(WorkPlanListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** The caller may create plans (manage:workplan:organization). */
    canCreate: z.boolean(),
  })
  .meta({ id: 'WorkPlanList' });
export type WorkPlanList = z.infer<typeof WorkPlanList>;

// ── GET /api/work-plans/timeline ──
export const WorkPlanTimelineQuery = z.strictObject({
  /** Activities overlapping [from, to]; default: the current year (Asia/Jakarta). */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  workPlanId: z.uuid().optional(),
  responsibleOrganizationId: z.uuid().optional(),
  /** Cancelled activities are left out unless asked. */
  includeCancelled: z.enum(['true', 'false']).optional(),
});
// No meta id: a querystring must stay an inline object for the OpenAPI description (a $ref breaks it).
export type WorkPlanTimelineQuery = z.input<typeof WorkPlanTimelineQuery>;

export const WorkPlanTimeline = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    /** Activities of the visible plans, by startsOn, then plan title, then position (at most 500). */
    items: z.array(
      z.object({
        id: z.uuid(),
        workPlan: z.object({ id: z.uuid(), title: z.string(), status: z.enum(WORK_PLAN_STATUSES) }),
        kind: z.enum(WORK_PLAN_ACTIVITY_KINDS),
        title: z.string(),
        responsibleOrganization: Named,
        location: z.string().nullable(),
        startsOn: z.iso.date(),
        endsOn: z.iso.date(),
        status: z.enum(WORK_PLAN_ACTIVITY_STATUSES),
      }),
    ),
    truncated: z.boolean(),
  })
  .meta({ id: 'WorkPlanTimeline' });
export type WorkPlanTimeline = z.infer<typeof WorkPlanTimeline>;

// ── GET /api/work-plans/options?agreementId= ──
export const WorkPlanOptionsQuery = z.strictObject({ agreementId: z.uuid().optional() });
export type WorkPlanOptionsQuery = z.input<typeof WorkPlanOptionsQuery>;

export const WorkPlanOptions = z
  .object({
    /** The agreements the caller's organization is a party of (any status; the effective one), newest first. */
    agreements: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(['mou', 'pks']),
        title: z.string(),
        status: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
      }),
    ),
    /**
     * The choices of responsible organization, by name: the directory as the caller may see it (a partner's
     * staff see no other partner), plus, with agreementId, that agreement's parties.
     */
    organizations: z.array(z.object({ id: z.uuid(), name: z.string(), kind: z.string() })),
    /**
     * With agreementId: the training cohorts of the agreement's parties (not cancelled), newest first; else [].
     */
    cohorts: z.array(
      z.object({
        id: z.uuid(),
        name: z.string(),
        organizationName: z.string(),
        startDate: z.iso.date(),
        endDate: z.iso.date(),
        status: z.string(),
      }),
    ),
  })
  .meta({ id: 'WorkPlanOptions' });
export type WorkPlanOptions = z.infer<typeof WorkPlanOptions>;

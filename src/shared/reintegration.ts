import { z } from 'zod';
import { CalendarDate } from './common.ts';
import { daysBetween } from './people.ts';
import { PLACEMENT_STAGES } from './placements.ts';

// The reintegration plan (issue 7): one per person, built by corrections staff (the prison before release,
// the Bapas after handover). Eight pathways, each with a status (every change kept in a history), needs with
// the organization responsible, goals made of ordered steps, periodic reviews, the intended kelurahan, the
// chosen opportunity or placement, and the guarantor's letter acknowledged by the Lurah. A kelurahan or
// kecamatan reads it only for the women placed or intended for it who consented to share their plan, and
// then without the sensitive pathways, the needs and free text (see `SENSITIVE_PATHWAYS`), and no PDF.

/** The eight pathways, in this order everywhere (tab, PDF, handover package). */
export const PATHWAYS = [
  'identity_documents',
  'housing',
  'family_children',
  'health',
  'skills_work',
  'finance',
  'attitudes_behaviour',
  'legal_obligations',
] as const;
export type Pathway = (typeof PATHWAYS)[number];

/** Pathways only corrections staff see (kelurahan and kecamatan never see them, nor their needs and goals). */
export const SENSITIVE_PATHWAYS = [
  'attitudes_behaviour',
  'legal_obligations',
] as const satisfies readonly Pathway[];

export const PATHWAY_STATUSES = [
  'not_started',
  'support_required',
  'in_progress',
  'support_declined',
  'done',
] as const;
export type PathwayStatus = (typeof PATHWAY_STATUSES)[number];

export const NEED_RESPONSIBLE_KINDS = ['prison', 'probation', 'village', 'partner'] as const;
export type NeedResponsibleKind = (typeof NEED_RESPONSIBLE_KINDS)[number];

export const NEED_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type NeedStatus = (typeof NEED_STATUSES)[number];

export const GOAL_HORIZONS = [3, 6, 12] as const;
export type GoalHorizon = (typeof GOAL_HORIZONS)[number];

export const GOAL_STATUSES = ['open', 'achieved', 'not_achieved', 'dropped'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A review's next review date defaults to this many days after the review. */
export const REVIEW_INTERVAL_DAYS = 30;
/** A handover is missing when her expected release is this many days away or less and none is live. */
export const HANDOVER_DUE_DAYS = 30;
/** At most this many steps per goal. */
export const GOAL_STEPS_MAX = 30;

/** Handover state as the plan shows it ('none': never sent; otherwise the status of her latest handover). */
export const PLAN_HANDOVER_STATES = ['none', 'sent', 'accepted', 'returned', 'cancelled'] as const;
export type PlanHandoverState = (typeof PLAN_HANDOVER_STATES)[number];

/**
 * What a plan still lacks (one definition for the dashboard, the plan tab and the PDF):
 * - no_plan: she has no plan (then only `no_handover` may follow);
 * - pathways_not_started: `count` pathways are still not_started;
 * - no_intended_village: neither the plan nor her record names the kelurahan she goes to;
 * - guarantee_not_acknowledged: the guarantor's letter has no Lurah acknowledgement date;
 * - no_handover: her expected release is HANDOVER_DUE_DAYS days away or less (or past, not yet released)
 *   and no handover is sent or accepted.
 */
export const PLAN_MISSING_ITEMS = [
  'no_plan',
  'pathways_not_started',
  'no_intended_village',
  'guarantee_not_acknowledged',
  'no_handover',
] as const;
export type PlanMissingItem = (typeof PLAN_MISSING_ITEMS)[number];

export const PlanMissing = z.object({
  item: z.enum(PLAN_MISSING_ITEMS),
  /** For pathways_not_started: how many (of the pathways the reader sees). */
  count: z.number().int().optional(),
});
export type PlanMissing = z.infer<typeof PlanMissing>;

/** Percent of the eight pathways whose status is not `not_started`, rounded (0–100). */
export function planCompleteness(startedPathways: number): number {
  return Math.round((100 * startedPathways) / PATHWAYS.length);
}

/** The missing items of a plan (see PLAN_MISSING_ITEMS), in that order. Dates are 'yyyy-mm-dd'. */
export function planMissing(input: {
  hasPlan: boolean;
  /** Pathways with status not_started (ignored without a plan). */
  pathwaysNotStarted: number;
  /** The plan's intended kelurahan, else her record's. */
  intendedVillageId: string | null;
  guaranteeAcknowledgedOn: string | null;
  handoverState: PlanHandoverState;
  /** Her expected release date (person.release_date). */
  releaseDate: string | null;
  /** Her recorded release (person.released_on). */
  releasedOn: string | null;
  today: string;
}): PlanMissing[] {
  const missing: PlanMissing[] = [];
  if (!input.hasPlan) missing.push({ item: 'no_plan' });
  else {
    if (input.pathwaysNotStarted > 0)
      missing.push({ item: 'pathways_not_started', count: input.pathwaysNotStarted });
    if (!input.intendedVillageId) missing.push({ item: 'no_intended_village' });
    if (!input.guaranteeAcknowledgedOn) missing.push({ item: 'guarantee_not_acknowledged' });
  }
  const live = input.handoverState === 'sent' || input.handoverState === 'accepted';
  if (
    !live &&
    !input.releasedOn &&
    input.releaseDate &&
    daysBetween(input.today, input.releaseDate) <= HANDOVER_DUE_DAYS
  )
    missing.push({ item: 'no_handover' });
  return missing;
}

/**
 * No new plan may be made for her (409 REINTEGRATION_PERSON_DONE): her supervision has ended
 * (supervision_end_date ≤ today), or she was freed without supervision — her expected release has passed
 * with no recorded release, or she was released with no supervision end date — and no handover to a Bapas
 * was accepted. A freshly released client under an accepted handover may still get one, as may someone on
 * her release day, and someone back in custody (returned on or after her release). Dates are 'yyyy-mm-dd'.
 */
export function reintegrationClosed(input: {
  releaseDate: string | null;
  releasedOn: string | null;
  supervisionEndDate: string | null;
  returnedOn: string | null;
  handoverAccepted: boolean;
  today: string;
}): boolean {
  const returned =
    input.returnedOn !== null &&
    input.returnedOn <= input.today &&
    (!input.releasedOn || input.returnedOn >= input.releasedOn);
  if (returned) return false;
  if (input.supervisionEndDate && input.supervisionEndDate <= input.today) return true;
  if (input.handoverAccepted) return false;
  if (input.releasedOn) return input.releasedOn <= input.today && !input.supervisionEndDate;
  return input.releaseDate !== null && input.releaseDate < input.today;
}

// ── Requests ──

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const version = z.number().int().min(1);

export const PersonPlanParams = z.strictObject({ personId: z.uuid() });
export const PathwayParams = z.strictObject({ personId: z.uuid(), pathway: z.enum(PATHWAYS) });
export const NeedParams = z.strictObject({ personId: z.uuid(), needId: z.uuid() });
export const GoalParams = z.strictObject({ personId: z.uuid(), goalId: z.uuid() });
export const GoalStepParams = z.strictObject({ personId: z.uuid(), goalId: z.uuid(), stepId: z.uuid() });

// ── POST /api/people/:personId/reintegration-plan ──
export const CreateReintegrationPlanRequest = z.strictObject({
  /** Default: her record's intended kelurahan. Must be an organization of kind village (reintegration_not_village). */
  intendedVillageId: z.uuid().nullable().optional(),
  summary: optionalText(4000),
});
export type CreateReintegrationPlanRequest = z.input<typeof CreateReintegrationPlanRequest>;

// ── PATCH /api/people/:personId/reintegration-plan ── (only the fields sent change)
export const UpdateReintegrationPlanRequest = z.strictObject({
  /** A kelurahan (kind village), or null (field error reintegration_not_village). */
  intendedVillageId: z.uuid().nullable().optional(),
  /**
   * The chosen opportunity: open, not closed, with her not excluded from it (field error
   * reintegration_opportunity_unavailable), or null.
   */
  opportunityId: z.uuid().nullable().optional(),
  /** One of her own placements (reintegration_placement_not_hers), or null. Sets opportunityId to its opportunity. */
  placementId: z.uuid().nullable().optional(),
  guaranteeLetterNumber: optionalText(100),
  /** The date the Lurah acknowledged the guarantee letter, not in the future (date_in_future). */
  guaranteeAcknowledgedOn: CalendarDate.nullable().optional(),
  /** Who acknowledged it (the Lurah's name). */
  guaranteeAcknowledgedBy: optionalText(150),
  /** The scanned letter: one of her documents, not deleted (reintegration_document_not_hers). */
  guaranteeDocumentId: z.uuid().nullable().optional(),
  summary: optionalText(4000),
  /** The plan's version (409 VERSION_CONFLICT). */
  version,
});
export type UpdateReintegrationPlanRequest = z.input<typeof UpdateReintegrationPlanRequest>;

// ── PUT /api/people/:personId/reintegration-plan/pathways/:pathway ──
export const UpdatePathwayRequest = z.strictObject({
  status: z.enum(PATHWAY_STATUSES),
  /** The pathway's note (replaces it; null or '' clears). Kept in the history row when the status changes. */
  note: optionalText(2000),
  /** The pathway's version (409 VERSION_CONFLICT). */
  version,
});
export type UpdatePathwayRequest = z.input<typeof UpdatePathwayRequest>;

// ── POST /api/people/:personId/reintegration-plan/needs ──
export const CreateNeedRequest = z.strictObject({
  pathway: z.enum(PATHWAYS),
  description: requiredText(1000),
  responsibleKind: z.enum(NEED_RESPONSIBLE_KINDS),
  /** An organization of kind `responsibleKind` (field error reintegration_responsible_kind). */
  responsibleOrganizationId: z.uuid().nullable().optional(),
  status: z.enum(NEED_STATUSES).optional(),
  dueOn: CalendarDate.nullable().optional(),
});
export type CreateNeedRequest = z.input<typeof CreateNeedRequest>;

// ── PATCH /api/people/:personId/reintegration-plan/needs/:needId ── (only the fields sent change)
export const UpdateNeedRequest = z.strictObject({
  description: requiredText(1000).optional(),
  responsibleKind: z.enum(NEED_RESPONSIBLE_KINDS).optional(),
  responsibleOrganizationId: z.uuid().nullable().optional(),
  status: z.enum(NEED_STATUSES).optional(),
  dueOn: CalendarDate.nullable().optional(),
  /** Why the status changed (kept in the history row only). */
  note: optionalText(1000),
  /** The need's version (409 VERSION_CONFLICT). */
  version,
});
export type UpdateNeedRequest = z.input<typeof UpdateNeedRequest>;

export const GoalStepInput = z.strictObject({
  /** An existing step of this goal (keep/update it); omitted for a new step (reintegration_step_unknown). */
  id: z.uuid().optional(),
  title: requiredText(300),
  dueOn: CalendarDate.nullable().optional(),
  /** Done on this date (not in the future: date_in_future); null when not done. */
  doneOn: CalendarDate.nullable().optional(),
});
export type GoalStepInput = z.input<typeof GoalStepInput>;

// ── POST /api/people/:personId/reintegration-plan/goals ──
export const CreateGoalRequest = z.strictObject({
  pathway: z.enum(PATHWAYS),
  title: requiredText(300),
  horizonMonths: z.union([z.literal(3), z.literal(6), z.literal(12)]),
  /**
   * Default: her expected release date (released_on if already released, else release_date, else today)
   * plus the horizon.
   */
  targetDate: CalendarDate.optional(),
  status: z.enum(GOAL_STATUSES).optional(),
  /** Ordered steps (position = index). */
  steps: z
    .array(GoalStepInput.omit({ id: true }))
    .max(GOAL_STEPS_MAX)
    .optional(),
});
export type CreateGoalRequest = z.input<typeof CreateGoalRequest>;

// ── PATCH /api/people/:personId/reintegration-plan/goals/:goalId ── (only the fields sent change)
export const UpdateGoalRequest = z.strictObject({
  title: requiredText(300).optional(),
  horizonMonths: z.union([z.literal(3), z.literal(6), z.literal(12)]).optional(),
  targetDate: CalendarDate.optional(),
  status: z.enum(GOAL_STATUSES).optional(),
  /** The goal's version (409 VERSION_CONFLICT). */
  version,
});
export type UpdateGoalRequest = z.input<typeof UpdateGoalRequest>;

// ── PUT /api/people/:personId/reintegration-plan/goals/:goalId/steps ──
/** Replaces the goal's steps: listed ids are kept (updated, reordered), unlisted ones deleted, new ones added. */
export const PutGoalStepsRequest = z.strictObject({
  steps: z.array(GoalStepInput).max(GOAL_STEPS_MAX),
  /** The goal's version (409 VERSION_CONFLICT); bumped by this call. */
  version,
});
export type PutGoalStepsRequest = z.input<typeof PutGoalStepsRequest>;

// ── PATCH /api/people/:personId/reintegration-plan/goals/:goalId/steps/:stepId ──
export const UpdateGoalStepRequest = z.strictObject({
  /** Ticked: done today (or `doneOn`); unticked: not done. */
  done: z.boolean(),
  /** The date it was done (default today; not in the future). Ignored when done is false. */
  doneOn: CalendarDate.optional(),
  /** The step's version (409 VERSION_CONFLICT). */
  version,
});
export type UpdateGoalStepRequest = z.input<typeof UpdateGoalStepRequest>;

// ── POST /api/people/:personId/reintegration-plan/reviews ──
export const CreateReviewRequest = z.strictObject({
  /** Not in the future (date_in_future). */
  reviewedOn: CalendarDate,
  summary: requiredText(4000),
  /**
   * Default reviewedOn + REVIEW_INTERVAL_DAYS; after reviewedOn (reintegration_next_review_order). Becomes
   * the plan's nextReviewOn.
   */
  nextReviewOn: CalendarDate.optional(),
});
export type CreateReviewRequest = z.input<typeof CreateReviewRequest>;

// ── Responses ── (no transforms; dates 'yyyy-mm-dd', instants ISO with offset)

const Named = z.object({ id: z.uuid(), name: z.string() });

export const PlanStatusChange = z.object({
  id: z.string(),
  pathway: z.enum(PATHWAYS),
  /** Set when it is a need's status that changed (from null: the need was added). */
  needId: z.uuid().nullable(),
  fromStatus: z.string().nullable(),
  toStatus: z.string(),
  /** Null for non-corrections readers. */
  note: z.string().nullable(),
  changedBy: z.string(),
  organizationName: z.string(),
  at: z.iso.datetime({ offset: true }),
});
export type PlanStatusChange = z.infer<typeof PlanStatusChange>;

export const PlanNeed = z.object({
  id: z.uuid(),
  pathway: z.enum(PATHWAYS),
  description: z.string(),
  responsibleKind: z.enum(NEED_RESPONSIBLE_KINDS),
  responsibleOrganization: Named.nullable(),
  status: z.enum(NEED_STATUSES),
  dueOn: z.iso.date().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type PlanNeed = z.infer<typeof PlanNeed>;

export const PlanGoalStep = z.object({
  id: z.uuid(),
  position: z.number().int(),
  title: z.string(),
  dueOn: z.iso.date().nullable(),
  doneOn: z.iso.date().nullable(),
  version: z.number().int(),
});
export type PlanGoalStep = z.infer<typeof PlanGoalStep>;

export const PlanGoal = z.object({
  id: z.uuid(),
  pathway: z.enum(PATHWAYS),
  title: z.string(),
  horizonMonths: z.number().int(),
  targetDate: z.iso.date(),
  status: z.enum(GOAL_STATUSES),
  steps: z.array(PlanGoalStep),
  createdAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
});
export type PlanGoal = z.infer<typeof PlanGoal>;

export const PlanPathway = z.object({
  pathway: z.enum(PATHWAYS),
  status: z.enum(PATHWAY_STATUSES),
  /** Null for non-corrections readers. */
  note: z.string().nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  version: z.number().int(),
  /** Empty for non-corrections readers (a need's description may be health data). */
  needs: z.array(PlanNeed),
  goals: z.array(PlanGoal),
  /** Status changes of the pathway and its needs, newest first (non-corrections readers: the pathway's only). */
  history: z.array(PlanStatusChange),
});
export type PlanPathway = z.infer<typeof PlanPathway>;

export const PlanReview = z.object({
  id: z.uuid(),
  reviewedOn: z.iso.date(),
  /** Null for non-corrections readers. */
  summary: z.string().nullable(),
  nextReviewOn: z.iso.date().nullable(),
  reviewerName: z.string(),
  organizationName: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type PlanReview = z.infer<typeof PlanReview>;

export const PlanCompleteness = z
  .object({
    /**
     * round(100 × started / 8), over all eight pathways whoever reads it; 0 without a plan. Null for a
     * restricted reader (it would tell whether the pathways hidden from her are started).
     */
    percent: z.number().int().nullable(),
    /** Pathways (of the eight) whose status is not not_started; null for a restricted reader. */
    started: z.number().int().nullable(),
    /** The pathways the reader sees: 8, or 6 for a restricted reader. */
    total: z.number().int(),
    missing: z.array(PlanMissing),
    handover: z.object({
      state: z.enum(PLAN_HANDOVER_STATES),
      /** The Bapas of her latest handover. */
      organizationName: z.string().nullable(),
    }),
  })
  .meta({ id: 'ReintegrationCompleteness' });
export type PlanCompleteness = z.infer<typeof PlanCompleteness>;

const GuarantorView = z.object({
  name: z.string(),
  relation: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});

export const ReintegrationPlan = z
  .object({
    id: z.uuid(),
    /** The prison that holds her record (owner of the plan). */
    organization: Named,
    intendedVillage: Named.nullable(),
    opportunity: z.object({ id: z.uuid(), title: z.string(), partnerName: z.string() }).nullable(),
    placement: z
      .object({ id: z.uuid(), stage: z.enum(PLACEMENT_STAGES), opportunityTitle: z.string() })
      .nullable(),
    /** From her record (person.guarantor); null when none or not shared with the caller (identity_contact). */
    guarantor: GuarantorView.nullable(),
    guarantee: z.object({
      letterNumber: z.string().nullable(),
      acknowledgedOn: z.iso.date().nullable(),
      acknowledgedBy: z.string().nullable(),
      /** The scanned letter (a document of hers); null when none or the caller may not see it. */
      document: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    }),
    /** Null for non-corrections readers. */
    summary: z.string().nullable(),
    nextReviewOn: z.iso.date().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
    /** The eight pathways in PATHWAYS order (six for non-corrections readers: no SENSITIVE_PATHWAYS). */
    pathways: z.array(PlanPathway),
    /** Newest first. */
    reviews: z.array(PlanReview),
  })
  .meta({ id: 'ReintegrationPlan' });
export type ReintegrationPlan = z.infer<typeof ReintegrationPlan>;

// ── GET /api/people/:personId/reintegration-plan (and the answer of every change) ──
export const ReintegrationPlanView = z
  .object({
    person: z.object({
      id: z.uuid(),
      displayName: z.string(),
      registrationNumber: z.string().nullable(),
      /** Expected release date (person.release_date). */
      releaseDate: z.iso.date().nullable(),
      releasedOn: z.iso.date().nullable(),
    }),
    plan: ReintegrationPlan.nullable(),
    completeness: PlanCompleteness,
    /** The caller may make a plan now (corrections, manage:reintegration, no plan yet, not ended). */
    canCreate: z.boolean(),
    /** The caller may change the plan (corrections staff with manage:reintegration who see her). */
    canManage: z.boolean(),
    /**
     * The caller reads a shared view (kelurahan/kecamatan): sensitive pathways, needs, free text and the
     * completeness figure left out; no PDF.
     */
    restricted: z.boolean(),
  })
  .meta({ id: 'ReintegrationPlanView' });
export type ReintegrationPlanView = z.infer<typeof ReintegrationPlanView>;

// ── For the handover package (server export planSummary(db, personId)) ──
export const ReintegrationPlanSummary = z
  .object({
    planId: z.uuid(),
    percent: z.number().int(),
    started: z.number().int(),
    total: z.number().int(),
    intendedVillage: Named.nullable(),
    nextReviewOn: z.iso.date().nullable(),
    pathways: z.array(z.object({ pathway: z.enum(PATHWAYS), status: z.enum(PATHWAY_STATUSES) })),
    goals: z.array(
      z.object({
        pathway: z.enum(PATHWAYS),
        title: z.string(),
        horizonMonths: z.number().int(),
        targetDate: z.iso.date(),
        status: z.enum(GOAL_STATUSES),
        steps: z.array(
          z.object({ title: z.string(), dueOn: z.iso.date().nullable(), doneOn: z.iso.date().nullable() }),
        ),
      }),
    ),
  })
  .meta({ id: 'ReintegrationPlanSummary' });
export type ReintegrationPlanSummary = z.infer<typeof ReintegrationPlanSummary>;

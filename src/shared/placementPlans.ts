import { z } from 'zod';
import { CalendarDate } from './common.ts';
import { MATCH_GATES } from './matching.ts';
import { OPPORTUNITY_KINDS } from './opportunities.ts';
import { SECTORS } from './people.ts';
import { MatchFactorView, MatchReasonView, MissingSkill } from './recommendations.ts';

// Placement plans (issue 6, ADR 012): for a release window, the assignment of the women the caller sees to
// the open places that maximizes the total match score (exact, min-cost flow), reported beside a greedy
// assignment of the same input, with the reason each woman left without a place could not be placed. Made,
// adjusted and accepted by corrections staff (plan:placement:organization); accepting turns every assigned
// item into a proposal (stage proposed) in one transaction, or nothing at all.

export const PLAN_STATUSES = ['draft', 'accepted', 'discarded'] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

/**
 * Why a woman of the window has no place in the plan:
 * - no_eligible_opportunity: a gate blocks every open opportunity (params: `gate`, the gate that blocked
 *   most, and `blocked`, how many opportunities it blocked; `opportunities`, how many were considered);
 * - below_min_score: some are open to her but none reaches the minimum score (params: `best`, `minScore`);
 * - restriction_review: her only options wait for a corrections review of a restriction (params: `options`);
 * - places_taken: she had eligible options but the plan gave their places to others, for a higher total
 *   (params: `options`, how many eligible options she had);
 * - removed_by_staff: staff took her place away when adjusting the plan.
 */
export const PLAN_UNASSIGNED_REASONS = [
  'no_eligible_opportunity',
  'below_min_score',
  'restriction_review',
  'places_taken',
  'removed_by_staff',
] as const;
export type PlanUnassignedReason = (typeof PLAN_UNASSIGNED_REASONS)[number];

/** A release window is at most this many days long (from and to included). */
export const PLAN_WINDOW_MAX_DAYS = 366;
/** The list shows at most this many plans (newest first); `total` says how many there are. */
export const PLAN_LIST_LIMIT = 200;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const PlanParams = z.strictObject({ planId: z.uuid() });
export const PlanItemParams = z.strictObject({ planId: z.uuid(), itemId: z.uuid() });

// ── POST /api/plans ──
export const CreatePlanRequest = z.strictObject({
  /**
   * The release window, ISO dates (the web shows dd/mm/yyyy). windowTo ≥ windowFrom (field error
   * `windowTo`: plan_window_order) and at most PLAN_WINDOW_MAX_DAYS days (plan_window_too_long).
   * People: in custody with an expected release date in the window, or released in the window (not
   * returned); none with a running or placed placement.
   */
  windowFrom: CalendarDate,
  windowTo: CalendarDate,
  /**
   * Why it was made, in words: stored and shown with the plan (PlanSummary.note), and kept in the audit
   * entry of its creation (plan.created).
   */
  note: optionalText(500),
});
export type CreatePlanRequest = z.input<typeof CreatePlanRequest>;

const Named = z.object({ id: z.uuid(), name: z.string() });

/** What a plan is, without its items (the list, and the answer of create, accept, discard). */
export const PlanSummary = z
  .object({
    id: z.uuid(),
    status: z.enum(PLAN_STATUSES),
    windowFrom: z.iso.date(),
    windowTo: z.iso.date(),
    /** The version of the matching weights that scored it. */
    ruleVersion: z.number().int(),
    /** Women in the window when it was made (one item each). */
    peopleCount: z.number().int(),
    /** Places open to them when it was made (sum of the opportunities' capacities). */
    placesCount: z.number().int(),
    /** Women with a place (after staff adjustments). */
    assignedCount: z.number().int(),
    /** Sum of the assigned items' scores (after staff adjustments), one decimal. */
    totalScore: z.number(),
    /** What the solver's optimal assignment totalled, before adjustments. */
    solverTotal: z.number(),
    solverAssigned: z.number().int(),
    /** A greedy assignment of the same input (best pair first), for comparison. */
    greedyTotal: z.number(),
    greedyAssigned: z.number().int(),
    /** Milliseconds the exact solver took (the greedy one is not counted). */
    solveMs: z.number().int(),
    /** What its maker wrote when making it (CreatePlanRequest.note); null when nothing. */
    note: z.string().nullable(),
    /** Items staff changed. */
    adjustedCount: z.number().int(),
    organization: Named,
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    /** Who accepted or discarded it, and when. */
    decidedBy: z.string().nullable(),
    decidedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Proposals made on acceptance. */
    proposalCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: 'PlanSummary' });
export type PlanSummary = z.infer<typeof PlanSummary>;

// ── GET /api/plans ──
export const PlanList = z
  .object({
    /** The plans of the caller's organization, newest first, at most `limit`. */
    items: z.array(PlanSummary),
    total: z.number().int(),
    limit: z.number().int(),
    /** The caller may make a plan (and adjust, accept, discard). */
    canPlan: z.boolean(),
  })
  .meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

/** The opportunity of an item, as the plan shows it. */
export const PlanOpportunity = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  sector: z.enum(SECTORS),
  places: z.number().int(),
  startOn: z.iso.date(),
  closesOn: z.iso.date().nullable(),
  partner: Named,
  village: Named,
});
export type PlanOpportunity = z.infer<typeof PlanOpportunity>;

export const PlanItem = z
  .object({
    id: z.uuid(),
    /** Her name (plans are corrections staff's: they see who she is) and registration number. */
    person: z.object({ id: z.uuid(), displayName: z.string(), registrationNumber: z.string().nullable() }),
    /** Her place in the plan (null: none). */
    opportunity: PlanOpportunity.nullable(),
    /** The pair's score as planned (0–100, one decimal); null without a place. */
    score: z.number().nullable(),
    /** The factors of the score as planned; empty without a place. */
    factors: z.array(MatchFactorView),
    /**
     * The engine's reading of the pair today: the reasons of its factors, then of a failing gate; missing
     * skills; its status (a pair no longer `eligible` cannot be accepted; `blockedBy` names the gate). Null
     * without a place.
     */
    current: z
      .object({
        status: z.enum(['eligible', 'review', 'blocked']),
        score: z.number(),
        blockedBy: z.enum(MATCH_GATES).nullable(),
        reasons: z.array(MatchReasonView),
        missingEssential: z.array(MissingSkill),
        missingOptional: z.array(MissingSkill),
      })
      .nullable(),
    /** What the solver chose, when staff changed it (null when not adjusted). */
    solverChoice: z
      .object({ opportunity: PlanOpportunity.nullable(), score: z.number().nullable() })
      .nullable(),
    adjusted: z.boolean(),
    /** Why staff changed it, in their words, and who. */
    adjustReason: z.string().nullable(),
    adjustedBy: z.string().nullable(),
    /** Why she has no place (null when she has one), with its figures. */
    unassignedReason: z.enum(PLAN_UNASSIGNED_REASONS).nullable(),
    unassignedParams: z.record(z.string(), z.union([z.string(), z.number()])),
    /** The proposal made of it on acceptance. */
    placementId: z.uuid().nullable(),
  })
  .meta({ id: 'PlanItem' });
export type PlanItem = z.infer<typeof PlanItem>;

// ── GET /api/plans/:planId ──
export const PlanDetail = PlanSummary.extend({
  /** Assigned by score (highest first), then the unassigned; only women the caller sees today. */
  items: z.array(PlanItem),
  /** Items left out because the caller no longer sees the woman (moved to another prison, say). */
  hiddenCount: z.number().int(),
  /** The caller may adjust, accept or discard it (a draft, and she plans). */
  canChange: z.boolean(),
  /**
   * The matching weights in force are no longer the version that scored it (`ruleVersion`): a draft can then
   * be neither adjusted nor accepted (409 PLAN_RULES_CHANGED), only discarded; make a new plan instead.
   */
  rulesChanged: z.boolean(),
}).meta({ id: 'PlanDetail' });
export type PlanDetail = z.infer<typeof PlanDetail>;

// ── PATCH /api/plans/:planId/items/:itemId ──
export const AdjustPlanItemRequest = z.strictObject({
  /**
   * Her new place, or null to take her place away. The pair must be eligible today (field error
   * `opportunityId`: plan_pair_not_eligible with the gate, plan_pair_review) and the opportunity must have a
   * place left within the plan (plan_no_places_left). 409 PLAN_RULES_CHANGED when the matching weights
   * changed since the plan was made (any adjustment, taking a place away included).
   */
  opportunityId: z.uuid().nullable(),
  /** Why, in words (required). */
  reason: z.string().trim().min(1).max(500),
  /** The plan's version (409 VERSION_CONFLICT when it changed meanwhile). */
  version: z.number().int().min(1),
});
export type AdjustPlanItemRequest = z.input<typeof AdjustPlanItemRequest>;

export const AdjustPlanItemResponse = z
  .object({ plan: PlanSummary, item: PlanItem })
  .meta({ id: 'AdjustPlanItemResponse' });
export type AdjustPlanItemResponse = z.infer<typeof AdjustPlanItemResponse>;

// ── POST /api/plans/:planId/accept and /discard ──
/**
 * Accept: one proposal per assigned item, all in one transaction. When any can no longer be proposed,
 * nothing is written: 409 PLAN_ITEMS_NOT_PROPOSABLE whose `fields` name each item (`items.<itemId>`) with
 * the woman and why. 409 VERSION_CONFLICT on a stale version, 409 PLAN_NOT_DRAFT when already decided,
 * 409 PLAN_NOTHING_TO_ACCEPT when nobody has a place, 409 PLAN_RULES_CHANGED when the matching weights
 * changed since the plan was made (the proposals would record a version whose scores they do not carry).
 * Items of women the caller no longer sees (see `hiddenCount`) are not proposed and do not block it.
 * Discard: 409 VERSION_CONFLICT or PLAN_NOT_DRAFT likewise.
 */
export const DecidePlanRequest = z.strictObject({ version: z.number().int().min(1) });
export type DecidePlanRequest = z.input<typeof DecidePlanRequest>;

import { z } from 'zod';
import { DISMISS_REASONS, MATCH_FACTORS, MATCH_GATES, RESTRICTION_REVIEW_REASONS } from './matching.ts';
import { OPPORTUNITY_KINDS } from './opportunities.ts';
import { SECTORS } from './people.ts';

// Recommendations (issue 6): the opportunities that suit a woman best, the candidates of an opportunity, two
// options side by side, staff decisions on a pair (set aside with a reason code; corrections' review of a
// restriction that touches her offence) and a proposal made from a recommendation. The engine scores
// (src/server/modules/matching/matching.engine.ts); these are the answers the server gives about it.
// Callers other than corrections staff never learn her offence or a restriction: pairs in review are not
// listed for them, and no reason, gate or decision they read mentions it.

/** What staff may decide on a pair: set it aside, or (corrections) clear or refuse a restriction. */
export const MATCH_DECISION_KINDS = ['dismissed', 'restriction_cleared', 'restriction_refused'] as const;
export type MatchDecisionKind = (typeof MATCH_DECISION_KINDS)[number];
/** The reason codes each kind of decision takes. */
export const DECISION_REASONS: Record<MatchDecisionKind, readonly string[]> = {
  dismissed: DISMISS_REASONS,
  restriction_cleared: RESTRICTION_REVIEW_REASONS,
  restriction_refused: RESTRICTION_REVIEW_REASONS,
};
/** eligible: recommendable; review: corrections must review a restriction; blocked: a gate failed. */
export const MATCH_STATUSES = ['eligible', 'review', 'blocked'] as const;
/** The most candidates an opportunity's list shows (rules.topN when not asked). */
export const CANDIDATES_LIMIT = 50;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const Named = z.object({ id: z.uuid(), name: z.string() });

/** One reason of a score or a gate: its code and params (for the web's own words), and the text in both languages. */
export const MatchReasonView = z
  .object({
    code: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number()])),
    tone: z.enum(['positive', 'negative', 'neutral']),
    factor: z.enum(MATCH_FACTORS).nullable(),
    /** In the caller's language. */
    text: z.string(),
    id: z.string(),
    en: z.string(),
  })
  .meta({ id: 'MatchReason' });
export type MatchReasonView = z.infer<typeof MatchReasonView>;

export const MatchFactorView = z
  .object({
    factor: z.enum(MATCH_FACTORS),
    weight: z.number(),
    /** 0–1: how well she meets it. */
    value: z.number(),
    /** Points out of 100 it adds to the score. */
    points: z.number(),
  })
  .meta({ id: 'MatchFactor' });
export type MatchFactorView = z.infer<typeof MatchFactorView>;

/** One hard gate (the restriction gate is left out for callers other than corrections staff). */
export const MatchGateView = z.object({
  gate: z.enum(MATCH_GATES),
  passed: z.boolean(),
  reason: MatchReasonView.nullable(),
});
export type MatchGateView = z.infer<typeof MatchGateView>;

export const MissingSkill = z.object({ skillId: z.uuid(), name: z.string() });
export type MissingSkill = z.infer<typeof MissingSkill>;

/** A staff decision on a pair, as stored (restriction decisions reach corrections staff only). */
export const MatchDecision = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    opportunityId: z.uuid(),
    kind: z.enum(MATCH_DECISION_KINDS),
    reasonCode: z.string(),
    /** Null for callers other than corrections staff when prison or Bapas staff wrote it. */
    note: z.string().nullable(),
    decidedBy: z.string(),
    organization: Named,
    decidedAt: z.iso.datetime({ offset: true }),
    /** A restriction review: the restrictions version it was made under (a later change asks again). */
    restrictionsVersion: z.number().int().nullable(),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'MatchDecision' });
export type MatchDecision = z.infer<typeof MatchDecision>;

/** The opportunity side of a recommendation. */
export const MatchOpportunity = z.object({
  id: z.uuid(),
  title: z.string(),
  kind: z.enum(OPPORTUNITY_KINDS),
  partner: Named,
  village: Named,
  sector: z.enum(SECTORS),
  startOn: z.iso.date(),
  closesOn: z.iso.date().nullable(),
  places: z.number().int(),
  placesLeft: z.number().int(),
});
export type MatchOpportunity = z.infer<typeof MatchOpportunity>;

/** How a woman and an opportunity match, explained. */
const MatchExplanation = z.object({
  status: z.enum(MATCH_STATUSES),
  /** 0–100, one decimal. */
  score: z.number(),
  factors: z.array(MatchFactorView),
  /** The factors' reasons in factor order, then the reasons of the gates that failed. */
  reasons: z.array(MatchReasonView),
  /**
   * Every gate for corrections staff. For other callers, the gates of an eligible pair (without the
   * restriction gate); none for a pair that is not eligible, which they read as `blocked` with one generic
   * reason (`not_recommendable`) whichever gate holds it.
   */
  gates: z.array(MatchGateView),
  missingEssential: z.array(MissingSkill),
  missingOptional: z.array(MissingSkill),
  /** The version of the matching weights that scored it. */
  ruleVersion: z.number().int(),
  /** The standing decision on the pair, if any (a set-aside; a restriction review for corrections staff). */
  decision: MatchDecision.nullable(),
  /** She has a running placement for it already (proposed or further). */
  inPipeline: z.boolean(),
});

export const Recommendation = MatchExplanation.extend({ opportunity: MatchOpportunity }).meta({
  id: 'Recommendation',
});
export type Recommendation = z.infer<typeof Recommendation>;

export const PersonRecommendationsParams = z.strictObject({ personId: z.uuid() });

export const RecommendationCounts = z.object({
  /** Opportunities open now that were weighed. */
  evaluated: z.number().int(),
  /** Eligible and at least the minimum score (listed up to top N). */
  recommendable: z.number().int(),
  /** Eligible but below the minimum score. */
  belowMinScore: z.number().int(),
  /** Waiting for corrections' review (0 for other callers). */
  review: z.number().int(),
  dismissed: z.number().int(),
  /** She is in the pipeline for it already (not listed). */
  inPipeline: z.number().int(),
  /** Blocked pairs by the first gate that failed (the restriction gate for corrections staff only). */
  blocked: z.partialRecord(z.enum(MATCH_GATES), z.number().int()),
});

/** GET /api/people/:personId/recommendations */
export const PersonRecommendations = z
  .object({
    personId: z.uuid(),
    ruleVersion: z.number().int(),
    minScore: z.number().int(),
    topN: z.number().int(),
    /** The best eligible opportunities at or above the minimum score, best first (score, start, id). */
    items: z.array(Recommendation),
    /** Corrections staff only: pairs whose restriction touches her offence, to clear or refuse; else empty. */
    review: z.array(Recommendation),
    /** Set aside by staff, with the decision (revocable). */
    dismissed: z.array(Recommendation),
    counts: RecommendationCounts,
    canPropose: z.boolean(),
    canDecide: z.boolean(),
    canReviewRestrictions: z.boolean(),
  })
  .meta({ id: 'PersonRecommendations' });
export type PersonRecommendations = z.infer<typeof PersonRecommendations>;

// ── GET /api/opportunities/:opportunityId/candidates ──
export const CandidatesParams = z.strictObject({ opportunityId: z.uuid() });
export const CandidatesQuery = z.strictObject({
  /** How many to list (default: the rules' top N). */
  limit: z.coerce.number().int().min(1).max(CANDIDATES_LIMIT).optional(),
});

/** The woman, as far as the caller may see her: name or initials; registration number for corrections only. */
export const MatchPerson = z.object({
  id: z.uuid(),
  displayName: z.string(),
  registrationNumber: z.string().nullable(),
});
export type MatchPerson = z.infer<typeof MatchPerson>;

export const Candidate = MatchExplanation.extend({ person: MatchPerson }).meta({ id: 'Candidate' });
export type Candidate = z.infer<typeof Candidate>;

export const OpportunityCandidates = z
  .object({
    opportunity: MatchOpportunity,
    ruleVersion: z.number().int(),
    minScore: z.number().int(),
    /** Eligible people the caller may see, at or above the minimum score, best first (score, id). */
    items: z.array(Candidate),
    /** Corrections staff only: people whose offence the restriction touches, to review; else empty. */
    review: z.array(Candidate),
    counts: z.object({
      /** People the caller may see who were weighed. */
      evaluated: z.number().int(),
      recommendable: z.number().int(),
      review: z.number().int(),
      inPipeline: z.number().int(),
    }),
    canPropose: z.boolean(),
    canDecide: z.boolean(),
  })
  .meta({ id: 'OpportunityCandidates' });
export type OpportunityCandidates = z.infer<typeof OpportunityCandidates>;

// ── GET /api/matching/compare?personId=&opportunityIds=a,b ──
export const CompareQuery = z.strictObject({
  personId: z.uuid(),
  /** Two opportunity ids, comma-separated. */
  opportunityIds: z
    .string()
    .trim()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.uuid()).length(2)),
});
/** What the web sends. */
export type CompareQuery = { personId: string; opportunityIds: string };

export const MatchComparison = z
  .object({
    person: MatchPerson,
    ruleVersion: z.number().int(),
    /** The two options in the order asked, each fully explained (any status). */
    options: z.array(Recommendation).length(2),
    /** Points of the first minus the second, per factor. */
    difference: z.array(z.object({ factor: z.enum(MATCH_FACTORS), points: z.number() })),
  })
  .meta({ id: 'MatchComparison' });
export type MatchComparison = z.infer<typeof MatchComparison>;

// ── POST /api/matching/decisions, POST /api/matching/decisions/:decisionId/revoke ──
/**
 * dismissed: set a recommendation aside (decide:match) with a reason code of DISMISS_REASONS;
 * restriction_cleared / restriction_refused: corrections' review of a pair in review (review:opportunity)
 * with a reason code of RESTRICTION_REVIEW_REASONS. `note` is required with the reason `other`.
 */
export const MatchDecisionRequest = z.strictObject({
  personId: z.uuid(),
  opportunityId: z.uuid(),
  kind: z.enum(MATCH_DECISION_KINDS),
  reasonCode: z.string().trim().min(1).max(50),
  note: optionalText(1000),
});
export type MatchDecisionRequest = z.input<typeof MatchDecisionRequest>;
export const MatchDecisionParams = z.strictObject({ decisionId: z.uuid() });

// ── POST /api/matching/proposals ──
/** Propose her for an opportunity from a recommendation: re-evaluated now; answers the placement (201). */
export const ProposeFromMatchRequest = z.strictObject({
  personId: z.uuid(),
  opportunityId: z.uuid(),
  note: optionalText(1000),
});
export type ProposeFromMatchRequest = z.input<typeof ProposeFromMatchRequest>;

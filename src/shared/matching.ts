import { z } from 'zod';

// Matching (issue 6, ADR 012): the weights an administrator sets (rule set kind `matching`, versioned like the
// sentence rules), the factors and gates of the engine, and the reasons it gives. The engine itself is
// src/server/modules/matching/matching.engine.ts (pure, no I/O).

/** The factors of a score, in the order they are shown. */
export const MATCH_FACTORS = [
  'essentialSkills',
  'optionalSkills',
  'location',
  'timing',
  'preferences',
  'villageDemand',
] as const;
export type MatchFactor = (typeof MATCH_FACTORS)[number];

/** The hard gates: a pair failing one is never recommended or planned (restriction: sent to review). */
export const MATCH_GATES = [
  'open',
  'places',
  'availability',
  'consent',
  'age',
  'restriction',
  'dismissed',
] as const;
export type MatchGate = (typeof MATCH_GATES)[number];

/** Evidence of a skill, strongest last (certified > assessed > trained > self-reported). */
export const SKILL_EVIDENCE = ['self_reported', 'trained', 'assessed', 'certified'] as const;
export type SkillEvidence = (typeof SKILL_EVIDENCE)[number];

/** Why staff set a recommendation aside (override with a reason code). */
export const DISMISS_REASONS = [
  'person_declined',
  'family_or_care',
  'health',
  'distance_or_transport',
  'partner_feedback',
  'better_option_chosen',
  'other',
] as const;
export type DismissReason = (typeof DISMISS_REASONS)[number];

/** Why corrections staff cleared or refused a pair whose restriction touches her offence. */
export const RESTRICTION_REVIEW_REASONS = [
  'assessed_low_risk',
  'partner_informed',
  'risk_too_high',
  'other',
] as const;

const weight = z.number().int().min(0).max(100);
const share = z.number().min(0).max(1);

export const MatchingRules = z
  .strictObject({
    /** Points of each factor; the score is the weighted mean scaled to 0–100, so only their ratio matters. */
    weights: z.strictObject({
      essentialSkills: weight,
      optionalSkills: weight,
      location: weight,
      timing: weight,
      preferences: weight,
      villageDemand: weight,
    }),
    /** Credit of a skill by its evidence (a full level match). */
    evidence: z.strictObject({ certified: share, assessed: share, trained: share, self_reported: share }),
    /** Credit kept when her level is one or two steps below the required minimum. */
    levelShortfall: z.strictObject({ oneLevel: share, twoLevels: share }),
    /** Location credit by tier; with both centroids known, the distance refines the tiers below the kelurahan. */
    location: z.strictObject({
      sameVillage: share,
      sameKecamatan: share,
      sameCity: share,
      elsewhere: share,
      /** Beyond this distance a kelurahan nearby counts no more than `elsewhere`. */
      maxDistanceKm: z.number().min(1).max(200),
    }),
    /** Timing: full credit when it starts within `fullDays` of her availability, none after `zeroDays`. */
    timing: z.strictObject({
      fullDays: z.number().int().min(0).max(365),
      zeroDays: z.number().int().min(1).max(1095),
    }),
    /** Recommendations below this score are not listed and not planned. */
    minScore: z.number().int().min(0).max(100),
    /** How many recommendations the person page shows. */
    topN: z.number().int().min(1).max(50),
  })
  .refine((rules) => Object.values(rules.weights).some((value) => value > 0), {
    path: ['weights', 'essentialSkills'],
    message: 'MATCH_WEIGHTS_ALL_ZERO',
  })
  .refine((rules) => rules.timing.zeroDays > rules.timing.fullDays, {
    path: ['timing', 'zeroDays'],
    message: 'MATCH_TIMING_ORDER',
  });
export type MatchingRules = z.infer<typeof MatchingRules>;

export const DEFAULT_MATCHING_RULES: MatchingRules = {
  weights: {
    essentialSkills: 35,
    optionalSkills: 10,
    location: 20,
    timing: 10,
    preferences: 15,
    villageDemand: 10,
  },
  evidence: { certified: 1, assessed: 0.85, trained: 0.7, self_reported: 0.4 },
  levelShortfall: { oneLevel: 0.5, twoLevels: 0.2 },
  location: { sameVillage: 1, sameKecamatan: 0.7, sameCity: 0.4, elsewhere: 0.1, maxDistanceKm: 15 },
  timing: { fullDays: 30, zeroDays: 365 },
  minScore: 40,
  topN: 10,
};

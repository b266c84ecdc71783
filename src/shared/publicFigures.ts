import { z } from 'zod';
import { FUNNEL_STAGES } from './insight.ts';
import { SECTORS } from './people.ts';

// The public page's figures (issue 9, ADR 015): GET /api/public/figures, no sign-in. Program-wide aggregates
// as of the last day of the previous month (Asia/Jakarta), so they change once a month. Counts of people
// from 1 to minCell − 1 are always hidden (null, shown "< 5"), and so is a second cell wherever a total and
// its members are published together, so that no hidden cell can be worked out by subtraction. Counts of
// organizations, agreements and meetings are not about people and are never hidden. No names of people, no
// partner names, no dates other than asOf. Language-independent: codes, kelurahan names, numbers.

/** The funnel's stages, nested (the dashboard's): each is the people of the previous one who reached it by asOf. */
export const PUBLIC_FUNNEL_STAGES = FUNNEL_STAGES;
export type PublicFunnelStage = (typeof PUBLIC_FUNNEL_STAGES)[number];

/** A count of people; null when hidden (1–4, or hidden so that another hidden cell cannot be recovered). */
const Count = z.number().int().nullable();
/** A percentage with one decimal; null when either side is hidden (or not yet known), or the denominator is 0. */
const Rate = z.number().nullable();

export const PublicFunnelRow = z.object({
  stage: z.enum(PUBLIC_FUNNEL_STAGES),
  /** A hidden stage hides every later one (the stages are nested). */
  count: Count,
  /** count / the previous stage's count × 100; null for the first stage. */
  ofPrevious: Rate,
  /** count / the first stage's count × 100. */
  ofFirst: Rate,
});
export type PublicFunnelRow = z.infer<typeof PublicFunnelRow>;

export const PublicTraining = z.object({
  /**
   * Cohorts completed (completed_on, else the end date) on or before asOf with at least one woman enrolled
   * (not people: never hidden).
   */
  cohortsCompleted: z.number().int(),
  /** Women with a completed enrolment in a cohort completed on or before asOf. */
  womenTrained: Count,
  /** Certificates issued on or before asOf. */
  certificatesIssued: Count,
  /** Women holding at least one certificate issued on or before asOf. */
  womenCertified: Count,
});
export type PublicTraining = z.infer<typeof PublicTraining>;

export const PublicVillagePlacements = z.object({
  /** Kemendagri code of the kelurahan. */
  code: z.string().nullable(),
  name: z.string(),
  count: Count,
});
export type PublicVillagePlacements = z.infer<typeof PublicVillagePlacements>;

export const PublicSectorPlacements = z.object({
  sector: z.enum(SECTORS),
  count: Count,
});
export type PublicSectorPlacements = z.infer<typeof PublicSectorPlacements>;

export const PublicPlacements = z.object({
  /** Placements made on or before asOf (placed_on ≤ asOf, whatever happened after). */
  total: Count,
  /** Every kelurahan of the directory, by name (zeros included); the rows sum to `total`. */
  byVillage: z.array(PublicVillagePlacements),
  /** Every sector of the vocabulary, in its order (zeros included); the rows sum to `total`. */
  bySector: z.array(PublicSectorPlacements),
});
export type PublicPlacements = z.infer<typeof PublicPlacements>;

export const PublicOutcomeYear = z.object({
  /** The calendar year of the release (person.released_on ≤ asOf). */
  year: z.number().int(),
  /** Women released that year (up to asOf). A hidden size hides the whole row. */
  size: Count,
  /**
   * Whether the 12-month window has passed for the whole year by asOf (31 December of the year + 12 months
   * ≤ asOf): false → checks12, working12, returned12 and the rates are null meaning "belum" (not yet), which
   * the page shows differently from a hidden count (window12Complete true and the count null: "< 5").
   */
  window12Complete: z.boolean(),
  /** 12-month outcome checks recorded (checked_on ≤ asOf). */
  checks12: Count,
  /** 12-month checks with work status employed or self-employed. */
  working12: Count,
  /** Returned to custody within 12 months of release (on or before asOf). */
  returned12: Count,
  /** working12 / checks12 × 100. */
  workingRate: Rate,
  /** returned12 / size × 100. */
  returnedRate: Rate,
});
export type PublicOutcomeYear = z.infer<typeof PublicOutcomeYear>;

export const PublicProgramCounts = z.object({
  /** Kelurahan hosting the program (profile host_since ≤ asOf). */
  villagesHosting: z.number().int(),
  /** Partners with at least one opportunity opened on or before asOf. */
  partnersWithOpportunity: z.number().int(),
  /** Agreements (MoU, PKS) in force on asOf: signed, valid_from ≤ asOf ≤ valid_until, not terminated by then. */
  agreementsInForce: z.number().int(),
  /** Coordination meetings held on or before asOf. */
  meetingsHeld: z.number().int(),
});
export type PublicProgramCounts = z.infer<typeof PublicProgramCounts>;

// ── GET /api/public/figures ──
export const PublicFigures = z
  .object({
    /** The last day of the previous month (Asia/Jakarta): every figure counts facts dated on or before it. */
    asOf: z.iso.date(),
    /** Counts of people from 1 to minCell − 1 are hidden. */
    minCell: z.number().int(),
    /** The seven stages in order; the first is everyone who entered the program on or before asOf. */
    funnel: z.array(PublicFunnelRow),
    training: PublicTraining,
    placements: PublicPlacements,
    /** Release years, oldest first, up to asOf's year. */
    outcomes: z.array(PublicOutcomeYear),
    program: PublicProgramCounts,
  })
  .meta({ id: 'PublicFigures' });
export type PublicFigures = z.infer<typeof PublicFigures>;

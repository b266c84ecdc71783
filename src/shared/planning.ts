import { z } from 'zod';
import { CalendarDate } from './common.ts';
import { EDUCATION_LEVELS, SECTORS, SKILL_LEVELS } from './people.ts';

// Planning (issue 6, ADR 012): the training-gap planner (which skills the host villages will need that the
// women released in the horizon lack, and which cohorts to open, of what size, by when) and the fairness
// report (recommendation, proposal and placement rates per group). Both are aggregate figures over the whole
// program: never a person's record. Labels of the vocabularies live in the web's i18n (namespace planning).

/** The planner's horizon in months: 1–36, 12 by default. */
export const GAP_HORIZON_DEFAULT = 12;
export const GAP_HORIZON_MAX = 36;
/** A training program's sessions a week when none of its cohorts says (its schedule's weekly slots). */
export const DEFAULT_SESSIONS_PER_WEEK = 3;
/** A village potential of at least this strength (1–5) counts as demand for `strength` people. */
export const POTENTIAL_DEMAND_MIN_STRENGTH = 4;
/**
 * Fairness cells of fewer people than this are suppressed (no figure, no rate); within a dimension, another
 * group too when the suppressed ones together would hold fewer (complementary suppression).
 */
export const FAIRNESS_MIN_CELL = 5;
/** The fairness window's longest span, in days (three years). */
export const FAIRNESS_MAX_DAYS = 1096;
/** The Kemendagri code of Kecamatan Semarang Barat: a domicile code under it is "inside". */
export const SEMARANG_BARAT_CODE = '33.74.13';

const Level = z.enum(SKILL_LEVELS);
const Count = z.number().int().min(0);
/** A share 0–1 (three decimals); null when not computed (a suppressed cell). */
const Rate = z.number().min(0).max(1).nullable();
/** The difference of a group's rate to the overall rate, −1…1 (three decimals); null when suppressed. */
const RateGap = z.number().min(-1).max(1).nullable();

export const PlanningSkill = z.object({
  id: z.uuid(),
  code: z.string(),
  nameId: z.string(),
  nameEn: z.string(),
  sector: z.enum(SECTORS),
});
export type PlanningSkill = z.infer<typeof PlanningSkill>;

/** A kelurahan of the program; null in a row means "belum ditentukan" (her intended kelurahan is not set). */
export const PlanningVillage = z.object({ id: z.uuid(), name: z.string() });

/** A rule the figures follow, as text in both languages (shown under the table and in the export). */
export const PlanningRule = z.object({ code: z.string(), id: z.string(), en: z.string() });
export type PlanningRule = z.infer<typeof PlanningRule>;

// ── GET /api/planning/training-gap (and .xlsx) ──
export const TrainingGapQuery = z.strictObject({
  horizonMonths: z.coerce.number().int().min(1).max(GAP_HORIZON_MAX).default(GAP_HORIZON_DEFAULT),
  /** Only this kelurahan: its demand, and the women who intend to live there. */
  villageId: z.uuid().optional(),
});
/** What a client sends (the query string's number, before coercion). */
export type TrainingGapQuery = { horizonMonths?: number; villageId?: string };

export const GAP_DATE_PRECISIONS = ['day', 'month'] as const;
export type GapDatePrecision = (typeof GAP_DATE_PRECISIONS)[number];

export const GapVillageRow = z.object({
  /** null: women whose intended kelurahan is not set yet ("belum ditentukan"; supply only). */
  village: PlanningVillage.nullable(),
  demand: Count,
  supply: Count,
  gap: Count,
});
export type GapVillageRow = z.infer<typeof GapVillageRow>;

export const GapSkillRow = z.object({
  skill: PlanningSkill,
  sector: z.enum(SECTORS),
  /** Places of open and draft opportunities in the horizon that require the skill as essential. */
  demandPlaces: Count,
  /** Places that list the skill as optional: shown, not counted in `demand`. */
  demandPlacesOptional: Count,
  /**
   * People the kelurahan needs (village needs naming the skill): a labour demand's size, 1 when unknown; a
   * service needed or a market 1 (its size counts customers or households).
   */
  demandNeeds: Count,
  /** Village potentials naming the skill with strength 4–5: `strength` people each. */
  demandPotentials: Count,
  /** demandPlaces + demandNeeds + demandPotentials. */
  demand: Count,
  /** Women released in the horizon who hold the skill at a level the demand asks for. */
  supplyHolding: Count,
  /** Women who will: allocated to a cohort teaching it that ends before their release. */
  supplyInTraining: Count,
  supply: Count,
  /**
   * People short: max(0, demand − supply) + levelShortfall. Places asking a higher level than the women hold
   * are short even when the heads add up.
   */
  gap: Count,
  /** Part of the gap due to levels (places asking intermediate or competent that only lower levels meet). */
  levelShortfall: Count,
  /** The highest level still short (what a cohort should teach); null when there is no gap. */
  gapLevel: Level.nullable(),
  /** Women released in the horizon who lack the skill: whom cohorts can train. */
  releasesLacking: Count,
  /** The part of the gap no release in the horizon can fill (fewer women lacking it than the gap). */
  gapBeyondReleases: Count,
  byVillage: z.array(GapVillageRow),
});
export type GapSkillRow = z.infer<typeof GapSkillRow>;

export const GapProgram = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The prison that runs it. */
  organizationId: z.uuid(),
  organizationName: z.string(),
  /** The level it teaches the skill at. */
  level: Level,
  defaultCapacity: z.number().int().min(1),
  sessionsCount: z.number().int().min(1),
  sessionsPerWeek: z.number().int().min(1),
  /** ceil(sessionsCount / sessionsPerWeek). */
  durationWeeks: z.number().int().min(1),
});
export type GapProgram = z.infer<typeof GapProgram>;

export const GapCohortRow = z.object({
  skill: PlanningSkill,
  /** null: no active program teaches the skill ("perlu program baru"). */
  program: GapProgram.nullable(),
  /** 1, 2, … for the cohorts of one skill. */
  sequence: z.number().int().min(1),
  /** min(gap left, the program's default capacity); the whole gap left when there is no program. */
  size: z.number().int().min(1),
  /** Women it would serve: the next `size` women lacking the skill, by release date. */
  serves: Count,
  /**
   * The earliest release among them: one woman's expected release date, so for corrections staff only
   * (`datePrecision` 'day'); null for everyone else.
   */
  firstRelease: CalendarDate.nullable(),
  /**
   * firstRelease − the program's duration; null without a program. With `datePrecision` 'month': rounded
   * down to the first day of its month ("paling lambat bulan …").
   */
  latestStart: CalendarDate.nullable(),
  /**
   * "segera": the latest start date is already past; with `datePrecision` 'month', its month is this month
   * or an earlier one.
   */
  urgent: z.boolean(),
});
export type GapCohortRow = z.infer<typeof GapCohortRow>;

export const TrainingGapReport = z.object({
  horizonMonths: z.number().int(),
  /** Today (the horizon starts today). */
  from: CalendarDate,
  /** today + horizonMonths. */
  to: CalendarDate,
  generatedOn: CalendarDate,
  village: PlanningVillage.nullable(),
  /** Women (not released, not anonymized) whose expected release falls in the horizon. */
  releases: Count,
  /**
   * How the cohorts' dates are given. 'day' (corrections staff, who see release dates): exact dates.
   * 'month' (everyone else): no `firstRelease`, and `latestStart` as the first day of its month, since a
   * cohort's dates follow one woman's expected release date.
   */
  datePrecision: z.enum(GAP_DATE_PRECISIONS),
  skills: z.array(GapSkillRow),
  cohorts: z.array(GapCohortRow),
  rules: z.array(PlanningRule),
  /** The governance work plan does not exist yet (issue 8): no link to it. */
  workPlanLinkAvailable: z.boolean(),
});
export type TrainingGapReport = z.infer<typeof TrainingGapReport>;

// ── GET /api/planning/fairness ──
export const FairnessQuery = z.strictObject({
  /** The release window; by default today … today + 12 months. */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
});
export type FairnessQuery = z.input<typeof FairnessQuery>;

export const FAIRNESS_DIMENSIONS = ['age_band', 'education', 'domicile'] as const;
export type FairnessDimension = (typeof FAIRNESS_DIMENSIONS)[number];
export const AGE_BANDS = ['under_25', '25_34', '35_44', '45_plus', 'unknown'] as const;
export const DOMICILE_GROUPS = ['inside', 'outside', 'unknown'] as const;
export const EDUCATION_GROUPS = [...EDUCATION_LEVELS, 'unknown'] as const;

/** The figures of a group (or of everyone). Suppressed: fewer than 5 people, every figure null. */
export const FairnessCell = z.object({
  suppressed: z.boolean(),
  people: Count.nullable(),
  /** With at least one eligible recommendation scoring ≥ minScore. */
  recommended: Count.nullable(),
  recommendedRate: Rate,
  /** Mean of each woman's top score among her eligible pairs, over the women with one; one decimal. */
  meanTopScore: z.number().min(0).max(100).nullable(),
  /** With at least one placement (any stage). */
  proposed: Count.nullable(),
  proposedRate: Rate,
  /** With a placement that reached "placed". */
  placed: Count.nullable(),
  placedRate: Rate,
});
export type FairnessCell = z.infer<typeof FairnessCell>;

export const FairnessRow = FairnessCell.extend({
  group: z.string(),
  /**
   * Suppressed although it holds at least FAIRNESS_MIN_CELL people: complementary suppression, so that a
   * smaller suppressed group of its dimension cannot be worked out from the overall figures minus the groups
   * shown (the report's rule `complementary`). Always with `suppressed`.
   */
  complementary: z.boolean(),
  /** Group rate − overall rate (null when suppressed). */
  recommendedRateGap: RateGap,
  proposedRateGap: RateGap,
  placedRateGap: RateGap,
});
export type FairnessRow = z.infer<typeof FairnessRow>;

export const FairnessReport = z.object({
  from: CalendarDate,
  to: CalendarDate,
  generatedOn: CalendarDate,
  /** The matching weights version the recommendations were computed with, and its minimum score. */
  ruleVersion: z.number().int(),
  minScore: z.number(),
  /** Open opportunities ranked. */
  opportunities: Count,
  minCell: z.number().int(),
  overall: FairnessCell,
  dimensions: z.array(z.object({ dimension: z.enum(FAIRNESS_DIMENSIONS), rows: z.array(FairnessRow) })),
  rules: z.array(PlanningRule),
});
export type FairnessReport = z.infer<typeof FairnessReport>;

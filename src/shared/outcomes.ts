import { z } from 'zod';
import { CalendarDate } from './common.ts';
import { addDays, addMonths } from './dates.ts';

// Outcomes after release (issue 7, ADR 013): one check per window at 1, 3, 6 and 12 months after her
// recorded release (person.released_on), due on released_on + window months, recorded by corrections staff
// (record:outcome:organization) who see her; and the cohort view, aggregate counts only, for everyone with
// read:outcome:all. A return to custody records every unchecked window itself (returned_to_custody_on).

export const OUTCOME_WINDOWS = [1, 3, 6, 12] as const;
export type OutcomeWindow = (typeof OUTCOME_WINDOWS)[number];

export const WORK_STATUSES = [
  'employed',
  'self_employed',
  'in_training',
  'unemployed',
  'not_looking',
] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

/** Monthly income: none, < Rp1.000.000, Rp1–2 juta, Rp2–3 juta, Rp3–5 juta, > Rp5 juta. */
export const INCOME_BANDS = ['none', 'below_1m', '1m_2m', '2m_3m', '3m_5m', 'above_5m'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];

/** A check may be recorded from this many days before its due date. */
export const OUTCOME_EARLY_DAYS = 14;

/**
 * A window's state today: not_released (no recorded release: no due date), upcoming (today < dueOn − 14),
 * due (dueOn − 14 ≤ today ≤ dueOn), overdue (today > dueOn, not recorded), recorded.
 */
export const OUTCOME_WINDOW_STATES = ['not_released', 'upcoming', 'due', 'overdue', 'recorded'] as const;
export type OutcomeWindowState = (typeof OUTCOME_WINDOW_STATES)[number];

/** Cohort counts from 1 to this minus one are hidden (null) for callers outside corrections. */
export const COHORT_MIN_CELL = 5;
/** The cohort view covers at most this many quarters. */
export const COHORT_MAX_QUARTERS = 40;

/** The day a window's check is due: her release + window months. */
export const outcomeDueOn = (releasedOn: string, window: number) => addMonths(releasedOn, window);
/** The first day a window's check may be recorded. */
export const outcomeOpensOn = (releasedOn: string, window: number) =>
  addDays(outcomeDueOn(releasedOn, window), -OUTCOME_EARLY_DAYS);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const OutcomePersonParams = z.strictObject({ personId: z.uuid() });
export const OutcomeCheckParams = z.strictObject({ personId: z.uuid(), checkId: z.uuid() });

export const OutcomeCheck = z
  .object({
    id: z.uuid(),
    windowMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
    dueOn: z.iso.date(),
    checkedOn: z.iso.date(),
    /** Null only when she had returned to custody. */
    workStatus: z.enum(WORK_STATUSES).nullable(),
    incomeBand: z.enum(INCOME_BANDS).nullable(),
    businessStarted: z.boolean().nullable(),
    housingStable: z.boolean().nullable(),
    /** Still living in the kelurahan that received her. */
    inHostVillage: z.boolean().nullable(),
    returnedToCustodyOn: z.iso.date().nullable(),
    note: z.string().nullable(),
    /** The organization that recorded it. */
    organization: z.object({ id: z.uuid(), name: z.string() }),
    recordedBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'OutcomeCheck' });
export type OutcomeCheck = z.infer<typeof OutcomeCheck>;

// ── GET /api/people/:personId/outcomes ──
export const PersonOutcomes = z
  .object({
    personId: z.uuid(),
    /** Her recorded release; null: not released, no window is due and nothing can be recorded. */
    releasedOn: z.iso.date().nullable(),
    returnedOn: z.iso.date().nullable(),
    /** The four windows in order 1, 3, 6, 12. */
    windows: z.array(
      z.object({
        windowMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
        /** released_on + window months; null when not released. */
        dueOn: z.iso.date().nullable(),
        /** The first day a check may be recorded (dueOn − 14). */
        opensOn: z.iso.date().nullable(),
        state: z.enum(OUTCOME_WINDOW_STATES),
        check: OutcomeCheck.nullable(),
      }),
    ),
    /** The caller may record and edit checks (record:outcome and she is released). */
    canRecord: z.boolean(),
  })
  .meta({ id: 'PersonOutcomes' });
export type PersonOutcomes = z.infer<typeof PersonOutcomes>;

const checkFields = {
  /** Not before dueOn − 14 days (field checkedOn: outcome_too_early), not in the future (date_in_future). */
  checkedOn: CalendarDate,
  /** Required unless returnedToCustodyOn is set (field workStatus: required). */
  workStatus: z.enum(WORK_STATUSES).nullable().optional(),
  incomeBand: z.enum(INCOME_BANDS).nullable().optional(),
  businessStarted: z.boolean().nullable().optional(),
  housingStable: z.boolean().nullable().optional(),
  inHostVillage: z.boolean().nullable().optional(),
  /** Not before her release (field returnedToCustodyOn: date_before_release), not in the future. */
  returnedToCustodyOn: CalendarDate.nullable().optional(),
  note: optionalText(2000),
};

// ── POST /api/people/:personId/outcomes ──
export const RecordOutcomeRequest = z.strictObject({
  windowMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
  ...checkFields,
});
export type RecordOutcomeRequest = z.input<typeof RecordOutcomeRequest>;

// ── PATCH /api/people/:personId/outcomes/:checkId ── (a whole replacement of the answers, same rules)
export const UpdateOutcomeRequest = z.strictObject({
  ...checkFields,
  version: z.number().int().min(1),
});
export type UpdateOutcomeRequest = z.input<typeof UpdateOutcomeRequest>;

// ── GET /api/outcomes/cohorts ──
/** A release cohort: the calendar quarter of released_on, 'yyyy-Qn'. */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/);

export const CohortQuery = z.strictObject({
  /** Default: 7 quarters before `to`. */
  from: Quarter.optional(),
  /** Default: the current quarter. At most COHORT_MAX_QUARTERS quarters (field from: too_many_quarters). */
  to: Quarter.optional(),
});
export type CohortQuery = z.input<typeof CohortQuery>;

/**
 * A count; null when hidden for a caller outside corrections (shown "< 5"): a count of 1–4; the
 * next-smallest category of a cell where exactly one category is 1–4 (complementary, so it cannot be
 * worked out from the others, even when that one is 0 or ≥ 5); every count of a cohort whose size is 1–4.
 * Otherwise zero is shown.
 */
const Count = z.number().int().nullable();

export const CohortCell = z.object({
  windowMonths: z.union([z.literal(1), z.literal(3), z.literal(6), z.literal(12)]),
  /** Checks recorded for this window among the cohort. */
  checks: Count,
  /** work_status employed or self_employed. */
  working: Count,
  inTraining: Count,
  /** unemployed or not_looking. */
  notWorking: Count,
  /**
   * Returned to custody by released_on + window (from a check's returned_to_custody_on or
   * person.returned_on), counted over the whole cohort, checked or not.
   */
  returned: Count,
});
export type CohortCell = z.infer<typeof CohortCell>;

export const CohortRow = z.object({
  cohort: Quarter,
  /** First and last day of the quarter. */
  from: z.iso.date(),
  to: z.iso.date(),
  /** People whose released_on falls in the quarter. */
  size: Count,
  /**
   * One per window 1, 3, 6, 12 in order; null when the window has not yet passed for the whole cohort
   * (quarter end + window months > today): shown "belum".
   */
  cells: z.array(CohortCell.nullable()),
});
export type CohortRow = z.infer<typeof CohortRow>;

export const CohortResponse = z
  .object({
    windows: z.array(z.number().int()),
    /** Oldest first. */
    rows: z.array(CohortRow),
    /** Counts 1–4 are hidden (null) in this answer. */
    smallCountsHidden: z.boolean(),
    minCell: z.number().int(),
    /** The day the figures were computed (program time zone). */
    asOf: z.iso.date(),
  })
  .meta({ id: 'CohortResponse' });
export type CohortResponse = z.infer<typeof CohortResponse>;

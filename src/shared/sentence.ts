import { z } from 'zod';
import { DEFAULT_MATCHING_RULES, MatchingRules } from './matching.ts';

// Versioned, configurable program rules: the sentence milestones (UU 22/2022, Permenkumham 3/2018 as
// changed by 7/2022) and the retention periods of personal data (UU 27/2022). Every threshold the
// milestone engine uses is here, none in the code; an administrator changes them as a new version.

/** A fraction of the sentence, kept as two integers so that 1/3 of 882 days is exact. */
export const Fraction = z
  .strictObject({
    numerator: z.number().int().min(1).max(100),
    denominator: z.number().int().min(1).max(100),
  })
  .superRefine((value, ctx) => {
    if (value.numerator > value.denominator) {
      // Reported as "at most <denominator>" on the numerator: a fraction above 1 is past the release.
      ctx.addIssue({
        code: 'too_big',
        origin: 'number',
        maximum: value.denominator,
        inclusive: true,
        path: ['numerator'],
        input: value.numerator,
      });
    }
  });
export type Fraction = z.infer<typeof Fraction>;

const months = z.number().int().min(0).max(120);
const positiveMonths = z.number().int().min(1).max(120);
const score = z.number().min(0).max(100);

export const FRACTION_BASES = ['after_remissions', 'original'] as const;

export const SentenceRules = z.strictObject({
  /** Fractions of the sentence are counted on the length after remissions, or on the original length. */
  fractionBase: z.enum(FRACTION_BASES),
  stages: z.strictObject({
    /** Awal ends and lanjutan begins at this fraction (1/3). */
    lanjutan: Fraction,
    /** Lanjutan ends and akhir begins at this fraction (2/3). */
    akhir: Fraction,
  }),
  /** The lowest monthly SPPN score that counts as good behaviour (65). */
  minimumBehaviourScore: score,
  /** Days before the release date from which the journey status is 'pre_release' (90). */
  preReleaseWindowDays: z.number().int().min(0).max(730),
  asimilasi: z.strictObject({
    fraction: Fraction,
    /** Months before the date whose SPPN scores must all be good (6). */
    behaviourMonths: months,
  }),
  parole: z.strictObject({
    fraction: Fraction,
    /** The part served up to the fraction must be at least this long (9 months). */
    minimumServedMonths: months,
    behaviourMonths: months,
  }),
  cb: z.strictObject({
    fraction: Fraction,
    /** Only sentences up to this length (18 months) get cuti bersyarat. */
    maxSentenceMonths: positiveMonths,
    /** The leave lasts at most this long before the release date (6 months). */
    maxLeaveMonths: months,
    behaviourMonths: months,
  }),
  cmb: z.strictObject({
    fraction: Fraction,
    /** The leave equals the last remission, at most this long (6 months). */
    maxLeaveMonths: months,
    behaviourMonths: months,
  }),
  remission: z.strictObject({
    /** A remission counts only when granted after this much has been served (6 months). */
    minimumServedMonths: months,
  }),
});
export type SentenceRules = z.infer<typeof SentenceRules>;

export const DEFAULT_SENTENCE_RULES: SentenceRules = {
  fractionBase: 'after_remissions',
  stages: { lanjutan: { numerator: 1, denominator: 3 }, akhir: { numerator: 2, denominator: 3 } },
  minimumBehaviourScore: 65,
  preReleaseWindowDays: 90,
  asimilasi: { fraction: { numerator: 1, denominator: 2 }, behaviourMonths: 6 },
  parole: { fraction: { numerator: 2, denominator: 3 }, minimumServedMonths: 9, behaviourMonths: 9 },
  cb: {
    fraction: { numerator: 2, denominator: 3 },
    maxSentenceMonths: 18,
    maxLeaveMonths: 6,
    behaviourMonths: 6,
  },
  cmb: { fraction: { numerator: 2, denominator: 3 }, maxLeaveMonths: 6, behaviourMonths: 6 },
  remission: { minimumServedMonths: 6 },
};

const years = z.number().int().min(0).max(100);

/** Years each kind of record is kept after supervision ended (or after release when there was none). */
export const RetentionRules = z.strictObject({
  personYears: years,
  caseNoteYears: years,
  documentYears: years,
  importFileYears: years,
});
export type RetentionRules = z.infer<typeof RetentionRules>;

export const DEFAULT_RETENTION_RULES: RetentionRules = {
  personYears: 10,
  caseNoteYears: 10,
  documentYears: 10,
  importFileYears: 1,
};

export const RULE_KINDS = ['sentence', 'retention', 'matching'] as const;
export const RuleKind = z.enum(RULE_KINDS);
export type RuleKind = z.infer<typeof RuleKind>;
export const RuleKindParams = z.strictObject({ kind: RuleKind });

/** The rules of one kind, by kind. */
export interface RulesByKind {
  sentence: SentenceRules;
  retention: RetentionRules;
  matching: MatchingRules;
}
export const RULES_SCHEMAS = {
  sentence: SentenceRules,
  retention: RetentionRules,
  matching: MatchingRules,
} as const;
export const DEFAULT_RULES: RulesByKind = {
  sentence: DEFAULT_SENTENCE_RULES,
  retention: DEFAULT_RETENTION_RULES,
  matching: DEFAULT_MATCHING_RULES,
};

const ruleSetOf = <K extends RuleKind, S extends z.ZodType>(kind: K, rules: S) =>
  z.object({
    kind: z.literal(kind),
    /** 0 only before the first version is stored (the defaults apply). */
    version: z.number().int().min(0),
    rules,
    note: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }).nullable(),
    createdByName: z.string().nullable(),
  });

export const SentenceRuleSet = ruleSetOf('sentence', SentenceRules).meta({ id: 'SentenceRuleSet' });
export const RetentionRuleSet = ruleSetOf('retention', RetentionRules).meta({ id: 'RetentionRuleSet' });
export const MatchingRuleSet = ruleSetOf('matching', MatchingRules).meta({ id: 'MatchingRuleSet' });
export const RuleSetResponse = z.discriminatedUnion('kind', [
  SentenceRuleSet,
  RetentionRuleSet,
  MatchingRuleSet,
]);
export type RuleSetResponse = z.infer<typeof RuleSetResponse>;
/** One stored version of the rules of kind K (a union of kinds gives a union of rule sets). */
export type RuleSetOf<K extends RuleKind> = K extends RuleKind
  ? {
      kind: K;
      version: number;
      rules: RulesByKind[K];
      note: string | null;
      createdAt: string | null;
      createdByName: string | null;
    }
  : never;

/** Every stored version of one kind, newest first. */
export const RuleSetHistory = z.object({ kind: RuleKind, items: z.array(RuleSetResponse) });
export type RuleSetHistory = z.infer<typeof RuleSetHistory>;

const saveBody = <S extends z.ZodType>(rules: S) =>
  z.strictObject({
    rules,
    /** Why the rules change (alasan perubahan): shown in the version history. */
    note: z.string().trim().min(3).max(500),
    /** The version the editor read; a stale one is refused with 409 RULES_CHANGED. */
    version: z.number().int().min(0),
  });

/** The body of PUT /api/rules/:kind, by kind. */
export const SaveRuleSetRequest = {
  sentence: saveBody(SentenceRules),
  retention: saveBody(RetentionRules),
  matching: saveBody(MatchingRules),
} as const;
export type SaveRuleSetRequest<K extends RuleKind = RuleKind> = {
  rules: RulesByKind[K];
  note: string;
  version: number;
};

// Computed milestones: every date carries its formula and inputs, in Indonesian and English.

/** A text in both languages: the server computes it, the web shows the user's language. */
export const BilingualText = z.object({ id: z.string(), en: z.string() });
export type BilingualText = z.infer<typeof BilingualText>;

export const MILESTONE_KEYS = [
  'expiry',
  'release',
  'one_third',
  'half',
  'two_thirds',
  'asimilasi',
  'parole',
  'cb',
  'cmb',
] as const;
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];
export const MILESTONE_STATUSES = ['eligible', 'not_yet', 'not_eligible', 'unknown'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];
export const SENTENCE_STAGES = ['awal', 'lanjutan', 'akhir', 'released'] as const;
export type SentenceStage = (typeof SENTENCE_STAGES)[number];

export const MilestoneItem = z.object({
  key: z.enum(MILESTONE_KEYS),
  /** 'yyyy-mm-dd', or null when it cannot be computed (no start date, life sentence, not eligible). */
  date: z.iso.date().nullable(),
  /** Days from today to the date: negative when it has passed. */
  daysFromToday: z.number().int().nullable(),
  status: z.enum(MILESTONE_STATUSES),
  formula: BilingualText,
  inputs: z.array(z.object({ label: BilingualText, value: z.string() })),
  reasons: z.array(BilingualText),
});
export type MilestoneItem = z.infer<typeof MilestoneItem>;

export const Milestones = z
  .object({
    rulesVersion: z.number().int(),
    stage: z.enum(SENTENCE_STAGES).nullable(),
    /** The expected release date: expiry after the remissions that count. */
    releaseDate: z.iso.date().nullable(),
    items: z.array(MilestoneItem),
    warnings: z.array(BilingualText),
  })
  .meta({ id: 'Milestones' });
export type Milestones = z.infer<typeof Milestones>;

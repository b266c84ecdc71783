import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SENTENCE_RULES, type SentenceRules } from '../../../shared/sentence.ts';
import { computeMilestones, type SentenceInput } from '../sentence/milestones.ts';
import { journeyMilestoneDates } from './people.release.ts';

// The dates stored on person must be the sentence engine's, by the sentence alone (no behaviour check):
// the fast date-only computation against computeMilestones, on generated sentences and rule sets.

/** The engine's dates, behaviour left out (no SPPN scores: missing scores never remove a date). */
function engineDates(input: SentenceInput, rules: SentenceRules) {
  const milestones = computeMilestones({ ...input, behaviourScores: [] }, rules, 1, '2026-11-29');
  const dateOf = (key: string) => milestones.items.find((item) => item.key === key)?.date ?? null;
  return {
    release_date: milestones.releaseDate,
    asimilasi_date: dateOf('asimilasi'),
    parole_date: dateOf('parole'),
    conditional_leave_date: dateOf('cb'),
    pre_release_leave_date: dateOf('cmb'),
  };
}

const isoDate = (from: number, to: number) =>
  fc.integer({ min: from, max: to }).map((day) => new Date(day * 86_400_000).toISOString().slice(0, 10));
const START = Date.UTC(2015, 0, 1) / 86_400_000;
const fraction = fc
  .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 2, max: 6 }))
  .filter(([n, d]) => n < d)
  .map(([numerator, denominator]) => ({ numerator, denominator }));

const rules: fc.Arbitrary<SentenceRules> = fc.oneof(
  fc.constant(DEFAULT_SENTENCE_RULES),
  fc.record({
    fractionBase: fc.constantFrom('after_remissions' as const, 'original' as const),
    stages: fc.constant(DEFAULT_SENTENCE_RULES.stages),
    minimumBehaviourScore: fc.constant(65),
    preReleaseWindowDays: fc.constant(90),
    asimilasi: fc.record({ fraction, behaviourMonths: fc.integer({ min: 0, max: 9 }) }),
    parole: fc.record({
      fraction,
      minimumServedMonths: fc.integer({ min: 0, max: 24 }),
      behaviourMonths: fc.integer({ min: 0, max: 9 }),
    }),
    cb: fc.record({
      fraction,
      maxSentenceMonths: fc.integer({ min: 1, max: 36 }),
      maxLeaveMonths: fc.integer({ min: 0, max: 12 }),
      behaviourMonths: fc.integer({ min: 0, max: 9 }),
    }),
    cmb: fc.record({
      fraction,
      maxLeaveMonths: fc.integer({ min: 0, max: 12 }),
      behaviourMonths: fc.integer({ min: 0, max: 9 }),
    }),
    remission: fc.record({ minimumServedMonths: fc.integer({ min: 0, max: 12 }) }),
  }),
);

const input: fc.Arbitrary<SentenceInput> = fc.record({
  sentenceKind: fc.constantFrom(
    'fixed' as const,
    'fixed' as const,
    'fixed' as const,
    'life' as const,
    'death' as const,
  ),
  years: fc.integer({ min: 0, max: 20 }),
  months: fc.integer({ min: 0, max: 11 }),
  days: fc.integer({ min: 0, max: 40 }),
  fineSubstituteMonths: fc.integer({ min: 0, max: 6 }),
  fineSubstituteDays: fc.integer({ min: 0, max: 30 }),
  finePaid: fc.boolean(),
  detentionStartDate: fc.option(isoDate(START, START + 3650), { freq: 10 }),
  remissions: fc.array(
    fc.record({
      kind: fc.constantFrom('general', 'religious'),
      days: fc.integer({ min: 1, max: 180 }),
      decreeDate: isoDate(START, START + 9000),
    }),
    { maxLength: 5 },
  ),
  behaviourScores: fc.constant([]),
});

describe('journeyMilestoneDates', () => {
  it('gives the sentence engine’s release, asimilasi, PB, CB and CMB dates', () => {
    // How often each date is set, so the comparison is known to cover dates and nulls alike.
    const set: Record<string, number> = {};
    fc.assert(
      fc.property(input, rules, (sentence, ruleSet) => {
        const dates = journeyMilestoneDates(sentence, ruleSet);
        expect(dates).toEqual(engineDates(sentence, ruleSet));
        for (const [key, value] of Object.entries(dates)) if (value) set[key] = (set[key] ?? 0) + 1;
      }),
      { numRuns: 3000 },
    );
    for (const key of [
      'release_date',
      'asimilasi_date',
      'parole_date',
      'conditional_leave_date',
      'pre_release_leave_date',
    ])
      expect(set[key] ?? 0, key).toBeGreaterThan(100);
  });

  it('ignores behaviour: a poor SPPN score leaves the date (the engine then says not eligible)', () => {
    const sentence: SentenceInput = {
      sentenceKind: 'fixed',
      years: 1,
      months: 2,
      days: 0,
      fineSubstituteMonths: 0,
      fineSubstituteDays: 0,
      finePaid: true,
      detentionStartDate: '2026-01-05',
      remissions: [],
      behaviourScores: [{ month: '2026-05-01', score: 40 }],
    };
    const engine = computeMilestones(sentence, DEFAULT_SENTENCE_RULES, 1, '2026-11-29');
    expect(engine.items.find((item) => item.key === 'asimilasi')?.date).toBeNull();
    expect(journeyMilestoneDates(sentence, DEFAULT_SENTENCE_RULES).asimilasi_date).toBe(
      engineDates(sentence, DEFAULT_SENTENCE_RULES).asimilasi_date,
    );
    expect(journeyMilestoneDates(sentence, DEFAULT_SENTENCE_RULES).asimilasi_date).not.toBeNull();
  });
});

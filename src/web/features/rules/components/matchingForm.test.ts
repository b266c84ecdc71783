import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_RULES, type MatchingRules } from '../../../../shared/matching.ts';
import { matchingErrors, matchingFromForm, matchingToForm, weightShares } from './matchingForm.ts';

const form = () => matchingToForm(DEFAULT_MATCHING_RULES);

describe('matchingToForm and matchingFromForm', () => {
  it('shows every credit as a percentage and leaves the other numbers alone', () => {
    const values = form();
    expect(values.evidence).toEqual({ certified: 100, assessed: 85, trained: 70, self_reported: 40 });
    expect(values.levelShortfall).toEqual({ oneLevel: 50, twoLevels: 20 });
    expect(values.location).toEqual({
      sameVillage: 100,
      sameKecamatan: 70,
      sameCity: 40,
      elsewhere: 10,
      maxDistanceKm: 15,
    });
    expect(values.weights).toEqual(DEFAULT_MATCHING_RULES.weights);
    expect(values.timing).toEqual(DEFAULT_MATCHING_RULES.timing);
  });

  it('gives back exactly the stored shares', () => {
    expect(matchingFromForm(form())).toEqual(DEFAULT_MATCHING_RULES);
  });

  it('keeps one decimal of a percentage', () => {
    const values = form();
    values.evidence.trained = 33.3;
    expect(matchingFromForm(values).evidence.trained).toBe(0.333);
    expect(
      matchingToForm({
        ...DEFAULT_MATCHING_RULES,
        evidence: { ...DEFAULT_MATCHING_RULES.evidence, trained: 0.3333 },
      }).evidence.trained,
    ).toBe(33.3);
  });

  it('leaves a blank for the server to name', () => {
    const values = form();
    (values.evidence as Record<string, unknown>).assessed = undefined;
    expect(matchingFromForm(values).evidence.assessed).toBeUndefined();
  });

  it('does not change what it is given', () => {
    const values = form();
    matchingFromForm(values);
    expect(values.evidence.certified).toBe(100);
  });
});

describe('weightShares', () => {
  it('gives each factor its share of the points in whole percent', () => {
    expect(weightShares(DEFAULT_MATCHING_RULES.weights)).toEqual({
      essentialSkills: 35,
      optionalSkills: 10,
      location: 20,
      timing: 10,
      preferences: 15,
      villageDemand: 10,
    });
    expect(
      weightShares({
        essentialSkills: 1,
        optionalSkills: 1,
        location: 1,
        timing: 0,
        preferences: 0,
        villageDemand: 0,
      }),
    ).toMatchObject({ essentialSkills: 33, timing: 0 });
  });

  it('is nothing while a weight is blank, and zero everywhere when all are zero', () => {
    expect(weightShares({ ...DEFAULT_MATCHING_RULES.weights, location: '' })).toBeNull();
    const zero = {
      essentialSkills: 0,
      optionalSkills: 0,
      location: 0,
      timing: 0,
      preferences: 0,
      villageDemand: 0,
    };
    expect(Object.values(weightShares(zero) ?? {})).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('matchingErrors', () => {
  it('finds nothing wrong with the defaults', () => {
    expect(matchingErrors(form())).toEqual({});
  });

  it('names a blank, an out-of-range and a broken number on their fields', () => {
    const values = form() as MatchingRules & Record<string, unknown>;
    (values.weights as Record<string, unknown>).location = '';
    values.evidence.certified = 120;
    values.topN = 2.5;
    values.location.maxDistanceKm = 0;
    expect(matchingErrors(values)).toEqual({
      'weights.location': { kind: 'required' },
      'evidence.certified': { kind: 'range', min: 0, max: 100 },
      'location.maxDistanceKm': { kind: 'range', min: 1, max: 200 },
      topN: { kind: 'whole' },
    });
  });

  it('refuses weights that are all zero, on the first factor', () => {
    const values = form();
    values.weights = {
      essentialSkills: 0,
      optionalSkills: 0,
      location: 0,
      timing: 0,
      preferences: 0,
      villageDemand: 0,
    };
    expect(matchingErrors(values)).toEqual({ 'weights.essentialSkills': { kind: 'allZero' } });
  });

  it('wants the day of no credit after the day of full credit', () => {
    const values = form();
    values.timing = { fullDays: 60, zeroDays: 60 };
    expect(matchingErrors(values)).toEqual({ 'timing.zeroDays': { kind: 'timingOrder' } });
    values.timing = { fullDays: 60, zeroDays: 61 };
    expect(matchingErrors(values)).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import {
  addMonths,
  formatCount,
  formatMonth,
  formatRate,
  formatRateGap,
  formatScore,
  plannedPlaces,
  unassignedReason,
  windowErrors,
} from './planText.ts';

describe('number formats', () => {
  it('shows scores with one decimal in the language of the user', () => {
    expect(formatScore(72.45, 'id')).toBe('72,5');
    expect(formatScore(72.45, 'en')).toBe('72.5');
    expect(formatScore(1234.5, 'id')).toBe('1.234,5');
    expect(formatScore(null, 'id')).toBe('—');
  });

  it('shows counts with thousands separators and rates as percentages', () => {
    expect(formatCount(12500, 'id')).toBe('12.500');
    expect(formatRate(0.425, 'id')).toMatch(/^42,5\s?%$/);
    expect(formatRate(0.5, 'en')).toBe('50%');
    expect(formatRate(null, 'id')).toBe('—');
  });

  it('names a month in the language of the user', () => {
    expect(formatMonth('2027-01-01', 'id')).toBe('Januari 2027');
    expect(formatMonth('2026-12-31', 'en')).toBe('December 2026');
    expect(formatMonth(null, 'id')).toBe('—');
  });

  it('signs a difference of rates in percentage points', () => {
    expect(formatRateGap(0.04, 'id')).toBe('+4,0');
    expect(formatRateGap(-0.025, 'id')).toBe('−2,5');
    expect(formatRateGap(0, 'en')).toBe('0.0');
    expect(formatRateGap(null, 'id')).toBe('—');
  });
});

describe('unassignedReason', () => {
  it('names the gate that blocked most, with its figures', () => {
    expect(
      unassignedReason({
        unassignedReason: 'no_eligible_opportunity',
        unassignedParams: { gate: 'consent', blocked: 12, opportunities: 14 },
      }),
    ).toEqual({
      key: 'no_eligible_opportunity',
      params: { gate: 'consent', blocked: 12, opportunities: 14 },
    });
  });

  it('says simply that nothing is open to her when the figures are missing or unknown', () => {
    expect(
      unassignedReason({
        unassignedReason: 'no_eligible_opportunity',
        unassignedParams: { gate: 'weather' },
      }),
    ).toEqual({ key: 'no_eligible_opportunity_none', params: {} });
    expect(
      unassignedReason({
        unassignedReason: 'no_eligible_opportunity',
        unassignedParams: { gate: 'open', blocked: 0, opportunities: 0 },
      }),
    ).toEqual({ key: 'no_eligible_opportunity_none', params: {} });
  });

  it('keeps the scores, option counts and nothing for a removal', () => {
    expect(
      unassignedReason({
        unassignedReason: 'below_min_score',
        unassignedParams: { best: 31.5, minScore: 40 },
      }),
    ).toEqual({ key: 'below_min_score', params: { best: 31.5, minScore: 40 } });
    expect(
      unassignedReason({ unassignedReason: 'places_taken', unassignedParams: { options: '3' } }),
    ).toEqual({
      key: 'places_taken',
      params: { options: 3 },
    });
    expect(
      unassignedReason({ unassignedReason: 'restriction_review', unassignedParams: { options: 1 } }),
    ).toEqual({
      key: 'restriction_review',
      params: { options: 1 },
    });
    expect(unassignedReason({ unassignedReason: 'removed_by_staff', unassignedParams: {} })).toEqual({
      key: 'removed_by_staff',
      params: {},
    });
  });

  it('is nothing for a woman with a place', () => {
    expect(unassignedReason({ unassignedReason: null, unassignedParams: {} })).toBeNull();
  });
});

describe('windowErrors', () => {
  it('asks for both dates', () => {
    expect(windowErrors({ windowFrom: null, windowTo: null })).toEqual({
      windowFrom: 'required',
      windowTo: 'required',
    });
  });

  it('refuses an end before the start, and accepts a single day', () => {
    expect(windowErrors({ windowFrom: '2026-03-02', windowTo: '2026-03-01' })).toEqual({ windowTo: 'order' });
    expect(windowErrors({ windowFrom: '2026-03-01', windowTo: '2026-03-01' })).toEqual({});
  });

  it('allows at most 366 days, both ends included', () => {
    expect(windowErrors({ windowFrom: '2026-01-01', windowTo: '2027-01-01' })).toEqual({});
    expect(windowErrors({ windowFrom: '2026-01-01', windowTo: '2027-01-02' })).toEqual({
      windowTo: 'tooLong',
    });
  });
});

describe('addMonths', () => {
  it('keeps the day of the month, or takes the last day of a shorter month', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01');
  });
});

describe('plannedPlaces', () => {
  const opportunity = (id: string) => ({ id }) as never;
  it('counts the places each opportunity gives, leaving out the item being changed', () => {
    const items = [
      { id: 'a', opportunity: opportunity('x') },
      { id: 'b', opportunity: opportunity('x') },
      { id: 'c', opportunity: opportunity('y') },
      { id: 'd', opportunity: null },
    ];
    expect(plannedPlaces(items, 'b')).toEqual(
      new Map([
        ['x', 1],
        ['y', 1],
      ]),
    );
  });
});

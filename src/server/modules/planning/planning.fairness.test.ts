import { describe, expect, it } from 'vitest';
import {
  ageBand,
  ageOn,
  cellOf,
  complementaryGroups,
  domicileGroup,
  educationGroup,
  type FairnessPerson,
  fairnessFigures,
} from './planning.fairness.ts';

const person = (overrides: Partial<FairnessPerson> = {}): FairnessPerson => ({
  birthDate: '2000-06-15',
  educationLevel: 'sma',
  domicileVillageCode: '33.74.13.1013',
  recommended: false,
  topScore: null,
  proposed: false,
  placed: false,
  ...overrides,
});

describe('groups', () => {
  it('computes age in whole years, the birthday counting from its day', () => {
    expect(ageOn('2001-12-01', '2026-11-30')).toBe(24);
    expect(ageOn('2001-11-30', '2026-11-30')).toBe(25);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('puts ages in bands: < 25, 25–34, 35–44, ≥ 45, unknown', () => {
    const on = '2026-11-30';
    expect(ageBand('2001-12-01', on)).toBe('under_25');
    expect(ageBand('2001-11-30', on)).toBe('25_34');
    expect(ageBand('1991-12-01', on)).toBe('25_34');
    expect(ageBand('1991-11-30', on)).toBe('35_44');
    expect(ageBand('1981-11-30', on)).toBe('45_plus');
    expect(ageBand(null, on)).toBe('unknown');
  });

  it('tells a domicile inside Kecamatan Semarang Barat by its Kemendagri code', () => {
    expect(domicileGroup('33.74.13.1013')).toBe('inside');
    expect(domicileGroup('33.74.12.1001')).toBe('outside');
    // 33.74.130… would be another code, not under 33.74.13.
    expect(domicileGroup('33.74.130.1')).toBe('outside');
    expect(domicileGroup(null)).toBe('unknown');
    expect(domicileGroup(' ')).toBe('unknown');
  });

  it('keeps known education levels and puts anything else under unknown', () => {
    expect(educationGroup('s1')).toBe('s1');
    expect(educationGroup(null)).toBe('unknown');
    expect(educationGroup('kuliah')).toBe('unknown');
  });
});

describe('cells', () => {
  it('suppresses fewer than 5 people, every figure null', () => {
    expect(cellOf([person(), person(), person(), person()])).toEqual({
      suppressed: true,
      people: null,
      recommended: null,
      recommendedRate: null,
      meanTopScore: null,
      proposed: null,
      proposedRate: null,
      placed: null,
      placedRate: null,
    });
  });

  it('counts, rates to three decimals and the mean top score over those with one', () => {
    const people = [
      person({ recommended: true, topScore: 70.4, proposed: true, placed: true }),
      person({ recommended: true, topScore: 50.1, proposed: true }),
      person({ topScore: 30 }),
      person(),
      person(),
      person(),
    ];
    expect(cellOf(people)).toEqual({
      suppressed: false,
      people: 6,
      recommended: 2,
      recommendedRate: 0.333,
      // (70.4 + 50.1 + 30) / 3 = 50.166… → 50.2
      meanTopScore: 50.2,
      proposed: 2,
      proposedRate: 0.333,
      placed: 1,
      placedRate: 0.167,
    });
  });

  it('gives each group’s gap to the overall rate, none for a suppressed group', () => {
    const inside = Array.from({ length: 5 }, () => person({ recommended: true }));
    const outside = Array.from({ length: 5 }, () => person({ domicileVillageCode: '33.74.01.1001' }));
    const unknown = Array.from({ length: 5 }, () => person({ domicileVillageCode: null, recommended: true }));
    const figures = fairnessFigures([...inside, ...outside, ...unknown], '2026-11-30');
    // 10 of 15 recommended: 0.667.
    expect(figures.overall.recommendedRate).toBe(0.667);
    const domicile = figures.dimensions.find((entry) => entry.dimension === 'domicile')?.rows ?? [];
    expect(domicile.map((row) => [row.group, row.recommendedRate, row.recommendedRateGap])).toEqual([
      ['inside', 1, 0.333],
      ['outside', 0, -0.667],
      ['unknown', 1, 0.333],
    ]);
  });
});

describe('complementary suppression', () => {
  const domicileRows = (people: FairnessPerson[]) =>
    fairnessFigures(people, '2026-11-30').dimensions.find((entry) => entry.dimension === 'domicile')?.rows ??
    [];
  const many = (count: number, overrides: Partial<FairnessPerson> = {}) =>
    Array.from({ length: count }, () => person(overrides));

  it('suppresses the next smallest group beside a lone small one, so the total minus the rest gives nothing', () => {
    // 7 inside, 6 outside, 1 unknown (placed): without the cover, 14 − 7 − 6 would name her group's figures.
    const people = [
      ...many(7),
      ...many(6, { domicileVillageCode: '33.74.01.1001' }),
      person({ domicileVillageCode: null, proposed: true, placed: true }),
    ];
    const rows = domicileRows(people);
    expect(rows.map((row) => [row.group, row.suppressed, row.complementary, row.people])).toEqual([
      ['inside', false, false, 7],
      ['outside', true, true, null],
      ['unknown', true, false, null],
    ]);
    const outside = rows.find((row) => row.group === 'outside');
    expect(outside).toMatchObject({ placed: null, placedRate: null, placedRateGap: null });
    // Whatever is shown, the suppressed groups together hold at least 5 people.
    const overall = fairnessFigures(people, '2026-11-30').overall.people as number;
    const shown = rows.reduce((sum, row) => sum + (row.people ?? 0), 0);
    expect(overall - shown).toBeGreaterThanOrEqual(5);
  });

  it('takes the first group in order on a tie, and covers small groups adding up to fewer than 5', () => {
    expect([...complementaryGroups([6, 6, 1])]).toEqual([0]);
    // Two small groups (2 + 1 = 3 people): still recoverable together, so the next smallest (5) goes too.
    expect([...complementaryGroups([9, 2, 5, 1])]).toEqual([2]);
    // Small groups adding up to 5 or more cover each other.
    expect([...complementaryGroups([9, 3, 2, 8])]).toEqual([]);
    // An empty group adds nothing: 4 + 0 still needs the next smallest (5, not 7). One cover is always
    // enough, since every group shown holds 5 or more.
    expect([...complementaryGroups([4, 0, 7, 5])]).toEqual([3]);
  });

  it('needs no cover when the suppressed groups hold nobody, nor when every group is suppressed', () => {
    expect([...complementaryGroups([6, 0, 0, 9])]).toEqual([]);
    expect([...complementaryGroups([2, 1, 1])]).toEqual([]);
    expect([...complementaryGroups([])]).toEqual([]);
    const rows = domicileRows([...many(6), ...many(6, { domicileVillageCode: '33.74.01.1001' })]);
    expect(rows.map((row) => [row.group, row.suppressed, row.complementary])).toEqual([
      ['inside', false, false],
      ['outside', false, false],
      ['unknown', true, false],
    ]);
  });
});

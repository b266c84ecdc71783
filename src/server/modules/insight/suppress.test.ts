import { describe, expect, it } from 'vitest';
import type { RequestContext } from '../../platform/access.ts';
import { hidesSmallCounts, percent, type SuppressionGroup, suppress, suppressRows } from './suppress.ts';

/**
 * A hidden cell is recovered by subtraction when a group holds exactly one hidden cell, or when its total is
 * shown and the hidden members add up to less than 5 (two hidden cells holding 2 people are 1 each).
 */
function recoverable<K extends string>(
  shown: Record<K, number | null>,
  groups: readonly SuppressionGroup<K>[],
  raw?: Record<K, number>,
) {
  return groups.filter((group) => {
    const hidden = [group.total, ...group.members].filter((key) => shown[key] === null);
    if (hidden.length === 1) return true;
    if (!raw || hidden.length === 0 || shown[group.total] === null) return false;
    return hidden.reduce((sum, key) => sum + raw[key], 0) < 5;
  });
}

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('suppress', () => {
  it('hides 1–4, shows zeros and 5 and more', () => {
    const shown = suppress({ a: 0, b: 1, c: 4, d: 5, e: 120 }, [], true);
    expect(shown).toEqual({ a: 0, b: null, c: null, d: 5, e: 120 });
  });

  it('changes nothing for a caller who may see small counts', () => {
    const counts = { total: 12, a: 7, b: 3, c: 2 };
    expect(suppress(counts, [{ total: 'total', members: ['a', 'b', 'c'] }], false)).toEqual(counts);
  });

  it('keeps two small members hidden when both are small (12 = 7 + 3 + 2)', () => {
    const shown = suppress(
      { total: 12, a: 7, b: 3, c: 2 },
      [{ total: 'total', members: ['a', 'b', 'c'] }],
      true,
    );
    expect(shown).toEqual({ total: 12, a: 7, b: null, c: null });
  });

  it('hides the smallest non-zero member with a lone small one, never the zero (9 = 5 + 4 + 0)', () => {
    const shown = suppress(
      { total: 9, a: 5, b: 4, c: 0 },
      [{ total: 'total', members: ['a', 'b', 'c'] }],
      true,
    );
    // 4 alone would be 9 − 5 − 0; hiding the 0 would still leave 4 + 0 = 4 known: the 5 goes with it.
    expect(shown).toEqual({ total: 9, a: null, b: null, c: 0 });
  });

  it('hides more when the hidden cells under a shown total would add up to less than 5 (12 = 10 + 1 + 1)', () => {
    const group = [{ total: 'total', members: ['a', 'b', 'c'] }] as const;
    expect(suppress({ total: 12, a: 10, b: 1, c: 1 }, group, true)).toEqual({
      total: 12,
      a: null,
      b: null,
      c: null,
    });
    expect(suppress({ total: 24, a: 20, b: 2, c: 2 }, group, true)).toEqual({
      total: 24,
      a: null,
      b: null,
      c: null,
    });
    // 3 + 2 = 5: either could be 1–4, nothing is given away.
    expect(suppress({ total: 15, a: 10, b: 3, c: 2 }, group, true)).toEqual({
      total: 15,
      a: 10,
      b: null,
      c: null,
    });
  });

  it('hides the total when its only other member is shown and every member is zero but the small one', () => {
    // 3 = 3 + 0: the complement must be a member, and a zero is the only one left.
    const shown = suppress({ total: 3, a: 3, b: 0 }, [{ total: 'total', members: ['a', 'b'] }], true);
    expect(shown.total).toBeNull();
    expect(shown.a).toBeNull();
    expect(recoverable(shown, [{ total: 'total', members: ['a', 'b'] }])).toEqual([]);
  });

  it('follows a hidden complement into the other groups it belongs to (rows and columns)', () => {
    // A 2 × 2 table with its margins: r1 = a + b, r2 = c + d, k1 = a + c, k2 = b + d, t = r1 + r2 = k1 + k2.
    const counts = { a: 3, b: 10, c: 8, d: 9, r1: 13, r2: 17, k1: 11, k2: 19, t: 30 };
    const groups: SuppressionGroup<keyof typeof counts>[] = [
      { total: 'r1', members: ['a', 'b'] },
      { total: 'r2', members: ['c', 'd'] },
      { total: 'k1', members: ['a', 'c'] },
      { total: 'k2', members: ['b', 'd'] },
      { total: 't', members: ['r1', 'r2'] },
      { total: 't', members: ['k1', 'k2'] },
    ];
    const shown = suppress(counts, groups, true);
    expect(shown.a).toBeNull();
    expect(recoverable(shown, groups, counts)).toEqual([]);
    // a's row and column each lost one more cell, and those cells' other lines too.
    expect(shown.b === null || shown.r1 === null).toBe(true);
    expect(shown.c === null || shown.k1 === null).toBe(true);
  });

  it('never leaves a hidden cell recoverable by subtraction, over 2,000 random tables', () => {
    const next = random(20261130);
    for (let run = 0; run < 2000; run++) {
      const size = 2 + Math.floor(next() * 6);
      const members = Array.from({ length: size }, (_, index) => `m${index}`);
      const counts: Record<string, number> = {};
      for (const key of members) {
        const roll = next();
        counts[key] = roll < 0.2 ? 0 : roll < 0.6 ? 1 + Math.floor(next() * 4) : 5 + Math.floor(next() * 30);
      }
      counts.total = members.reduce((sum, key) => sum + (counts[key] ?? 0), 0);
      const groups = [{ total: 'total', members }];
      const shown = suppress(counts, groups, true);
      expect(recoverable(shown, groups, counts), JSON.stringify(counts)).toEqual([]);
      for (const key of Object.keys(counts)) {
        const value = counts[key] ?? 0;
        if (value > 0 && value < 5) expect(shown[key], `${key} of ${JSON.stringify(counts)}`).toBeNull();
        if (shown[key] !== null) expect(shown[key]).toBe(value);
      }
    }
  });
});

describe('suppressRows', () => {
  it('hides small rows and a complement, keeping the rows in order with their other fields', () => {
    const result = suppressRows(
      [
        { name: 'Krobokan', count: 11 },
        { name: 'Tawangsari', count: 2 },
        { name: 'Cabean', count: 6 },
      ],
      19,
      true,
    );
    expect(result).toEqual({
      rows: [
        { name: 'Krobokan', count: 11 },
        { name: 'Tawangsari', count: null },
        { name: 'Cabean', count: null },
      ],
      total: 19,
    });
  });

  it('hides a small total with its rows', () => {
    const result = suppressRows([{ name: 'A', count: 3 }], 3, true);
    expect(result).toEqual({ rows: [{ name: 'A', count: null }], total: null });
  });
});

describe('percent', () => {
  it('gives one decimal, and nothing when a side is hidden or the base is zero', () => {
    expect(percent(2, 3)).toBe(66.7);
    expect(percent(5, 5)).toBe(100);
    expect(percent(null, 10)).toBeNull();
    expect(percent(3, null)).toBeNull();
    expect(percent(0, 0)).toBeNull();
  });
});

describe('hidesSmallCounts', () => {
  const ctx = (organizationKind: string, permissions: string[]) =>
    ({ principal: { organizationKind, permissions } }) as unknown as RequestContext;

  it('shows small counts to corrections staff who read custody only', () => {
    expect(hidesSmallCounts(ctx('prison', ['read:custody:organization']))).toBe(false);
    expect(hidesSmallCounts(ctx('probation', ['read:custody:organization']))).toBe(false);
    expect(hidesSmallCounts(ctx('prison', ['read:insight:all']))).toBe(true);
    expect(hidesSmallCounts(ctx('village', ['read:insight:organization']))).toBe(true);
    expect(hidesSmallCounts(ctx('district', ['read:insight:all']))).toBe(true);
  });
});

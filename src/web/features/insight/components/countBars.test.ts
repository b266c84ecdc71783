import { describe, expect, it } from 'vitest';
import { countBarLabel, countBars } from './countBars.ts';

describe('count bars', () => {
  it('draws a hidden count as an empty bar labelled "< 5"', () => {
    const rows = countBars([
      { label: 'a', count: 12 },
      { label: 'b', count: null },
      { label: 'c', count: 0 },
    ]);
    expect(rows.map((row) => row.bar)).toEqual([12, 0, 0]);
    expect(rows.map((row) => countBarLabel({ value: row.bar, payload: row }))).toEqual([12, '< 5', 0]);
  });
});

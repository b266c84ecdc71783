import { describe, expect, it } from 'vitest';
import { joinList, longDate, numberedLines, terbilang } from './governance.text.ts';

describe('governance text', () => {
  it('writes long Indonesian and English dates', () => {
    expect(longDate('2026-04-27')).toBe('Senin, 27 April 2026');
    expect(longDate('2026-08-17')).toBe('Senin, 17 Agustus 2026');
    expect(longDate('2026-04-27', 'en')).toBe('Monday, 27 April 2026');
  });

  it('spells numbers in Indonesian (terbilang)', () => {
    const cases: [number, string][] = [
      [0, 'nol'],
      [11, 'sebelas'],
      [15, 'lima belas'],
      [27, 'dua puluh tujuh'],
      [100, 'seratus'],
      [111, 'seratus sebelas'],
      [1000, 'seribu'],
      [1945, 'seribu sembilan ratus empat puluh lima'],
      [2026, 'dua ribu dua puluh enam'],
      [1_250_000, 'satu juta dua ratus lima puluh ribu'],
    ];
    for (const [n, words] of cases) expect(terbilang(n)).toBe(words);
  });

  it('joins lists as Indonesian writes them', () => {
    expect(joinList([])).toBe('');
    expect(joinList(['A'])).toBe('A');
    expect(joinList(['A', 'B'])).toBe('A dan B');
    expect(joinList(['A', 'B', 'C'])).toBe('A, B, dan C');
    expect(joinList(['A', 'B', 'C'], 'en')).toBe('A, B, and C');
    expect(numberedLines(['x', ' ', 'y'])).toBe('1. x\n2. y');
  });
});

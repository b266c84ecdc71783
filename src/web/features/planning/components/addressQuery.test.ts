import { describe, expect, it } from 'vitest';
import { fairnessQueryOf, gapQueryOf } from './addressQuery.ts';

const VILLAGE = '3f2a8a4e-0b7c-4d55-9a43-6a1f8b0c1d2e';

describe('gapQueryOf', () => {
  it('reads the horizon and the kelurahan from the address', () => {
    expect(gapQueryOf(new URLSearchParams(`bulan=18&kelurahan=${VILLAGE}`))).toEqual({
      horizonMonths: 18,
      villageId: VILLAGE,
    });
  });
  it('takes 12 months without a horizon or with one not offered', () => {
    expect(gapQueryOf(new URLSearchParams())).toEqual({ horizonMonths: 12 });
    expect(gapQueryOf(new URLSearchParams('bulan=7'))).toEqual({ horizonMonths: 12 });
    expect(gapQueryOf(new URLSearchParams('bulan=abc'))).toEqual({ horizonMonths: 12 });
  });
});

describe('fairnessQueryOf', () => {
  it('reads the window, leaving out what is not a date', () => {
    expect(fairnessQueryOf(new URLSearchParams('dari=2026-01-01&sampai=2026-12-31'))).toEqual({
      from: '2026-01-01',
      to: '2026-12-31',
    });
    expect(fairnessQueryOf(new URLSearchParams('dari=01/01/2026'))).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import { readNik } from './nik.ts';

describe('the live NIK hint', () => {
  it('counts digits while typing and allows spaces between groups', () => {
    expect(readNik('', null)).toEqual({ kind: 'empty' });
    expect(readNik('3374 13', null)).toEqual({ kind: 'count', count: 6 });
    expect(readNik('3374x3', null)).toEqual({ kind: 'digitsOnly' });
    expect(readNik('33741357059000012', null)).toEqual({ kind: 'tooLong' });
  });

  it("reads a woman's birth date (day + 40) and compares it with the birth date entered", () => {
    expect(readNik('3374 1357 0590 0001', '1990-05-17')).toEqual({
      kind: 'decoded',
      region: '33.74.13',
      date: '17/05/90',
      female: true,
      mismatch: false,
    });
    expect(readNik('3374134705900001', '1990-05-17')).toMatchObject({ date: '07/05/90', mismatch: true });
    expect(readNik('3374131705900001', null)).toMatchObject({ female: false, mismatch: false });
  });

  it('flags digits that are not a real date', () => {
    expect(readNik('3374137102900001', null)).toEqual({ kind: 'badDate', digits: '710290' });
    expect(readNik('3374134513900001', null)).toEqual({ kind: 'badDate', digits: '451390' });
  });
});

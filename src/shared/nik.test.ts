import { describe, expect, it } from 'vitest';
import { checkNik, nikRegionCode, parseNik } from './nik.ts';

// 33.74.13 = Kecamatan Semarang Barat. A woman born 15/08/1990: day 15 + 40 = 55 → 550890.
const WOMAN = '3374135508900001';
// A man born 05/01/2001: 050101.
const MAN = '3374130501010002';
const today = '2026-06-01';

describe('parseNik', () => {
  it('reads the district, the sex and the birth date of a woman', () => {
    expect(parseNik(WOMAN, today)).toEqual({
      provinceCode: '33',
      regencyCode: '33.74',
      districtCode: '33.74.13',
      encodedDay: 55,
      day: 15,
      month: 8,
      yy: 90,
      female: true,
      serial: '0001',
      birthDate: '1990-08-15',
    });
    expect(parseNik(MAN, today)).toMatchObject({ female: false, birthDate: '2001-01-05' });
  });

  it('chooses the century so that the birth date is not in the future', () => {
    // 01/05/26 is before 01/06/2026: 2026. 01/12/26 would be after today: 1926.
    expect(parseNik('3374134105260001', today)?.birthDate).toBe('2026-05-01');
    expect(parseNik('3374134112260001', today)?.birthDate).toBe('1926-12-01');
  });

  it('rejects anything but 16 digits', () => {
    for (const nik of ['', '337413550890000', '33741355089000011', '337413550890000a', '3374 13550890001']) {
      expect(parseNik(nik, today)).toBeNull();
    }
  });

  it('gives the region code with dots', () => {
    expect(nikRegionCode(WOMAN)).toBe('33.74.13');
  });
});

describe('checkNik', () => {
  it('accepts a NIK whose embedded date matches the birth date', () => {
    expect(checkNik(WOMAN, { birthDate: '1990-08-15', sex: 'female', today })).toEqual([]);
    expect(checkNik(MAN, { birthDate: '2001-01-05', today })).toEqual([]);
  });

  it('names a bad format', () => {
    expect(checkNik('12345', { today })).toEqual(['nik_format']);
    expect(checkNik('33741355089O0001', { today })).toEqual(['nik_format']);
  });

  it('refuses an embedded date that is not a real date', () => {
    // 31 February (71 − 40 = 31), month 13, day 00, day 72 (32 for a woman).
    for (const nik of ['3374137102900001', '3374131513900001', '3374130001900001', '3374137201900001']) {
      expect(checkNik(nik, { today })).toEqual(['nik_birth_date']);
    }
  });

  it('knows leap years: 29/02/2000 is real, 29/02/2001 is not', () => {
    expect(checkNik('3374136902000001', { birthDate: '2000-02-29', today })).toEqual([]);
    expect(checkNik('3374136902010001', { today })).toEqual(['nik_birth_date']);
  });

  it('refuses a NIK whose date differs from the birth date given', () => {
    expect(checkNik(WOMAN, { birthDate: '1990-08-16', today })).toEqual(['nik_birth_date']);
    expect(checkNik(WOMAN, { birthDate: '1991-08-15', today })).toEqual(['nik_birth_date']);
  });

  it('refuses a woman’s NIK written without the +40 on the day', () => {
    // 15/08/1990 written as 150890: a man's NIK.
    expect(checkNik('3374131508900001', { birthDate: '1990-08-15', sex: 'female', today })).toEqual([
      'nik_birth_date',
    ]);
  });
});

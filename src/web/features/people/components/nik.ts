import { checkNik, nikRegionCode, parseNik } from '../../../../shared/nik.ts';

/** What the live hint under the NIK field says; `problem` turns it into a warning before the server's check. */
export type NikHint =
  | { kind: 'empty' }
  | { kind: 'digitsOnly' }
  | { kind: 'tooLong' }
  | { kind: 'count'; count: number }
  | { kind: 'badDate'; digits: string }
  | { kind: 'decoded'; region: string; date: string; female: boolean; mismatch: boolean };

/** The digits of a NIK as typed: spaces and dots between groups are allowed. */
export function nikDigits(raw: string): string {
  return raw.replace(/[\s.]/g, '');
}

const pad = (value: number) => String(value).padStart(2, '0');

/**
 * Reads a NIK as the officer types (with the shared parser the server also uses): the district code,
 * the birth date as ddmmyy with 40 added to the day for women, then the serial. The server checks again,
 * including that the district exists.
 */
export function readNik(raw: string, birthDate: string | null): NikHint {
  const digits = nikDigits(raw);
  if (digits === '') return { kind: 'empty' };
  if (/\D/.test(digits)) return { kind: 'digitsOnly' };
  if (digits.length > 16) return { kind: 'tooLong' };
  if (digits.length < 16) return { kind: 'count', count: digits.length };
  const parsed = parseNik(digits);
  if (!parsed?.birthDate) return { kind: 'badDate', digits: digits.slice(6, 12) };
  return {
    kind: 'decoded',
    region: nikRegionCode(digits),
    date: `${pad(parsed.day)}/${pad(parsed.month)}/${pad(parsed.yy)}`,
    female: parsed.female,
    mismatch: birthDate ? checkNik(digits, { birthDate }).length > 0 : false,
  };
}

// NIK (Nomor Induk Kependudukan): 16 digits, PP RR DD ddmmyy ssss. PP.RR.DD is the Kemendagri code of the
// district (kecamatan) where it was issued; ddmmyy the birth date, with 40 added to a woman's day.
// Pure and free of zod: the web checks as the officer types, the server checks again (and also that the
// district exists, in the regions module).

export const NIK_PATTERN = /^[0-9]{16}$/;

export type NikProblem = 'nik_format' | 'nik_birth_date';

export interface ParsedNik {
  /** 'PP' */
  provinceCode: string;
  /** 'PP.RR' */
  regencyCode: string;
  /** 'PP.RR.DD' */
  districtCode: string;
  /** Day of birth as written, 41–71 for a woman. */
  encodedDay: number;
  day: number;
  month: number;
  /** Two-digit year of birth. */
  yy: number;
  female: boolean;
  /** The last four digits. */
  serial: string;
  /**
   * The birth date read from the NIK ('yyyy-mm-dd'), the century chosen so that it is not after today;
   * null when the digits are not a real date.
   */
  birthDate: string | null;
}

const pad = (value: number) => String(value).padStart(2, '0');

function todayIso() {
  return new Date().toISOString().slice(0, 10);
}

function isRealDate(year: number, month: number, day: number) {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The parts of a NIK, or null when it is not 16 digits. `today` ('yyyy-mm-dd') decides the century. */
export function parseNik(nik: string, today: string = todayIso()): ParsedNik | null {
  if (!NIK_PATTERN.test(nik)) return null;
  const digits = (from: number, to: number) => Number(nik.slice(from, to));
  const encodedDay = digits(6, 8);
  const female = encodedDay > 40;
  const day = female ? encodedDay - 40 : encodedDay;
  const month = digits(8, 10);
  const yy = digits(10, 12);
  const currentYear = Number(today.slice(0, 4));
  let year = Math.floor(currentYear / 100) * 100 + yy;
  if (`${year}-${pad(month)}-${pad(day)}` > today) year -= 100;
  // A 29 February is checked in the century chosen (e.g. 290200 is real: 2000 was a leap year).
  const real = isRealDate(year, month, day) && (!female || encodedDay <= 71);
  return {
    provinceCode: nik.slice(0, 2),
    regencyCode: `${nik.slice(0, 2)}.${nik.slice(2, 4)}`,
    districtCode: nikRegionCode(nik),
    encodedDay,
    day,
    month,
    yy,
    female,
    serial: nik.slice(12),
    birthDate: real ? `${year}-${pad(month)}-${pad(day)}` : null,
  };
}

/** 'PP.RR.DD': the district code at the start of a NIK (no check that it exists). */
export function nikRegionCode(nik: string): string {
  return `${nik.slice(0, 2)}.${nik.slice(2, 4)}.${nik.slice(4, 6)}`;
}

/**
 * What is wrong with a NIK: not 16 digits ('nik_format'), or an embedded birth date that is not a real
 * date, does not match the birth date given, or (when the sex is given) has the other sex's day
 * ('nik_birth_date'). Empty when it is fine. The region prefix is checked on the server.
 */
export function checkNik(
  nik: string,
  options: { birthDate?: string | null; sex?: 'female' | 'male'; today?: string } = {},
): NikProblem[] {
  const parsed = parseNik(nik, options.today);
  if (!parsed) return ['nik_format'];
  if (!parsed.birthDate) return ['nik_birth_date'];
  if (options.sex && parsed.female !== (options.sex === 'female')) return ['nik_birth_date'];
  if (options.birthDate) {
    // Day, month and two-digit year: the century is not in the NIK, so it is not compared.
    const [year, month, day] = options.birthDate.slice(0, 10).split('-').map(Number) as [
      number,
      number,
      number,
    ];
    if (day !== parsed.day || month !== parsed.month || year % 100 !== parsed.yy) return ['nik_birth_date'];
  }
  return [];
}

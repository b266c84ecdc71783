import type { Language } from '../../../shared/common.ts';
import { PROGRAM_CITY } from '../../../shared/governance.ts';
import { PROGRAM_TIME_ZONE } from '../../platform/calendar.ts';

// Words for governance documents: long dates ("Senin, 27 April 2026"), numbers in words (the date of an MoU
// is spelled out: "dua puluh tujuh"), lists joined as Indonesian writes them ("A, B, dan C"). Pure functions,
// used by the activity-report templates and the agreement PDF.

const WEEKDAYS: Record<Language, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

const MONTHS: Record<Language, string[]> = {
  id: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

function parts(isoDate: string): [year: number, month: number, day: number] {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return [year, month, day];
}

/** The weekday of a 'yyyy-mm-dd' date: "Senin" (Monday). */
export function weekdayOf(isoDate: string, language: Language = 'id'): string {
  const [year, month, day] = parts(isoDate);
  return WEEKDAYS[language][new Date(Date.UTC(year, month - 1, day)).getUTCDay()] ?? '';
}

/** The month's name: "April". */
export function monthName(month: number, language: Language = 'id'): string {
  return MONTHS[language][month - 1] ?? '';
}

/** "27 April 2026" (English: "27 April 2026" too, the day-first form of official letters). */
export function dayMonthYear(isoDate: string, language: Language = 'id'): string {
  const [year, month, day] = parts(isoDate);
  return `${day} ${monthName(month, language)} ${year}`;
}

/** "Senin, 27 April 2026" ("Monday, 27 April 2026"). */
export function longDate(isoDate: string, language: Language = 'id'): string {
  return `${weekdayOf(isoDate, language)}, ${dayMonthYear(isoDate, language)}`;
}

/** dd/mm/yyyy. */
export function shortDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

const UNITS = [
  'nol',
  'satu',
  'dua',
  'tiga',
  'empat',
  'lima',
  'enam',
  'tujuh',
  'delapan',
  'sembilan',
  'sepuluh',
  'sebelas',
];

/** A whole number 0 ≤ n < 10^12 in Indonesian words (terbilang): 2026 → "dua ribu dua puluh enam". */
export function terbilang(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new Error(`terbilang: ${n}`);
  if (n < 12) return UNITS[n] as string;
  if (n < 20) return `${UNITS[n - 10]} belas`;
  if (n < 100) {
    const rest = n % 10;
    return `${UNITS[Math.floor(n / 10)]} puluh${rest ? ` ${terbilang(rest)}` : ''}`;
  }
  if (n < 200) return `seratus${n > 100 ? ` ${terbilang(n - 100)}` : ''}`;
  if (n < 1000) {
    const rest = n % 100;
    return `${UNITS[Math.floor(n / 100)]} ratus${rest ? ` ${terbilang(rest)}` : ''}`;
  }
  if (n < 2000) return `seribu${n > 1000 ? ` ${terbilang(n - 1000)}` : ''}`;
  const scales: [number, string][] = [
    [1_000_000_000, 'miliar'],
    [1_000_000, 'juta'],
    [1000, 'ribu'],
  ];
  for (const [size, word] of scales) {
    if (n >= size) {
      const rest = n % size;
      return `${terbilang(Math.floor(n / size))} ${word}${rest ? ` ${terbilang(rest)}` : ''}`;
    }
  }
  return terbilang(n);
}

/** "A", "A dan B", "A, B, dan C" (English: "A and B", "A, B, and C"). */
export function joinList(items: readonly string[], language: Language = 'id'): string {
  const and = language === 'id' ? 'dan' : 'and';
  if (items.length <= 1) return items[0] ?? '';
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(', ')}, ${and} ${items[items.length - 1]}`;
}

/** "1. a\n2. b" from the non-empty lines given. */
export function numberedLines(lines: readonly string[]): string {
  return lines
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line, index) => `${index + 1}. ${line}`)
    .join('\n');
}

/** "09:00" → "09.00" (Indonesian writes hours with a dot). */
export function hourOf(time: string, language: Language = 'id'): string {
  return language === 'id' ? time.replace(':', '.') : time;
}

const JAKARTA_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: PROGRAM_TIME_ZONE });

/** The program's calendar date ('yyyy-mm-dd', Asia/Jakarta) of an instant ("2026-04-27T18:00:00Z" → 2026-04-28). */
export function programDate(instant: string | Date): string {
  return JAKARTA_DAY.format(typeof instant === 'string' ? new Date(instant) : instant);
}

/**
 * The city or regency of an address, where a document of that organization is signed ("…, Kota Semarang,
 * Jawa Tengah" → "Semarang"; "Kabupaten Kendal" → "Kendal"); the program's city when the address names none.
 */
export function cityOf(address: string | null): string {
  const match = /\b(?:Kota|Kabupaten|Kab\.)\s+([^,\n]+)/i.exec(address ?? '');
  return match?.[1]?.trim() || PROGRAM_CITY;
}

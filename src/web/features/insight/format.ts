import { chartCellText, numberLocale } from '../../components/chartTable.ts';
import { HIDDEN_COUNT } from '../../lib/csv.ts';
import { EMPTY, TIME_ZONE } from '../../lib/format.ts';

// Pure display rules of the insight pages (no React, no i18n instance: unit-tested).

export { HIDDEN_COUNT };

/** A count in the UI language's notation (`12.345`, `12,345`); a hidden count (null) is `< 5`. */
export function formatCount(value: number | null | undefined, language: string): string {
  return chartCellText(value ?? null, { numeric: true }, language);
}

/** A percentage with at most one decimal (`45,5%`, `45.5%`); one that cannot be given (null) is `—`. */
export function formatPercent(value: number | null | undefined, language: string): string {
  return chartCellText(value ?? null, { percent: true }, language);
}

/** A plain number in the UI language's notation (never hidden). */
export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(numberLocale(language)).format(value);
}

// ── Months of the period filter ('YYYY-MM') ──

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Whether the text is a month 'YYYY-MM'. */
export function isMonth(value: string | null | undefined): value is string {
  return typeof value === 'string' && MONTH.test(value);
}

/** The month of a date 'YYYY-MM-DD' (or of today in Asia/Jakarta). */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** Today in Asia/Jakarta, 'YYYY-MM-DD' (the server's calendar). */
export function jakartaToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}

/** The month `count` months after (negative: before) the given one. */
export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** How many months from `from` to `to`, both counted (1 for the same month; 0 or less when reversed). */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/** The dashboard's default period: the 12 months ending with the current one. */
export function defaultPeriod(today: string): { from: string; to: string } {
  const to = monthOf(today);
  return { from: addMonths(to, -11), to };
}

/**
 * The period after one end was picked: the other end follows when the two would cross, and the far end is
 * pulled in when the period would be longer than `maxMonths` (the server refuses those).
 */
export function adjustPeriod(
  period: { from: string; to: string },
  changed: 'from' | 'to',
  value: string,
  maxMonths: number,
): { from: string; to: string } {
  if (changed === 'from') {
    const to = monthsBetween(value, period.to) < 1 ? value : period.to;
    return { from: value, to: monthsBetween(value, to) > maxMonths ? addMonths(value, maxMonths - 1) : to };
  }
  const from = monthsBetween(period.from, value) < 1 ? value : period.from;
  return {
    from: monthsBetween(from, value) > maxMonths ? addMonths(value, -(maxMonths - 1)) : from,
    to: value,
  };
}

/** A month in words: `Maret 2026`, `March 2026`. */
export function formatMonth(month: string, language: string): string {
  if (!isMonth(month)) return EMPTY;
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(year, mon - 1, 1)));
}

/** A period in words: `Maret 2026` for one month, else `Desember 2025 – November 2026`. */
export function formatPeriod(from: string, to: string, language: string): string {
  return from === to
    ? formatMonth(from, language)
    : `${formatMonth(from, language)} – ${formatMonth(to, language)}`;
}

/** A release quarter 'YYYY-Qn' in words: `Triwulan 1 2026` / `Q1 2026`. */
export function formatQuarter(cohort: string, language: string): string {
  const match = /^(\d{4})-Q([1-4])$/.exec(cohort);
  if (!match) return cohort;
  return language === 'en' ? `Q${match[2]} ${match[1]}` : `Triwulan ${match[2]} ${match[1]}`;
}

/** The progress bar's value for a percentage: 0–100 (a target passed fills the bar). */
export function progressValue(percent: number | null): number {
  if (percent === null || !Number.isFinite(percent)) return 0;
  return Math.max(0, Math.min(100, percent));
}

// The month layout of a work plan's timeline (pure: unit-tested). The plan's months are equal columns; an
// activity's bar starts and ends at its days inside those months, so a bar is as precise as its dates while
// every month keeps a readable width on a phone (the chart scrolls sideways).

/** One column of the timeline: a calendar month the plan's period touches. */
export interface TimelineMonth {
  /** `yyyy-mm`. */
  key: string;
  year: number;
  /** 1–12. */
  month: number;
}

/** Where a bar sits, in percent of the chart's width; `clipped*` when the dates run past the months shown. */
export interface TimelineBar {
  left: number;
  width: number;
  clippedStart: boolean;
  clippedEnd: boolean;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function partsOf(date: string): { year: number; month: number; day: number } | null {
  const match = DATE.exec(date);
  if (!match) return null;
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Months counted from year 0, so two dates' months subtract. */
function monthNumber(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** The months from the period's start to its end, both included (none when the period is unreadable). */
export function timelineMonths(periodStart: string, periodEnd: string, limit = 120): TimelineMonth[] {
  const start = partsOf(periodStart);
  const end = partsOf(periodEnd);
  if (!start || !end) return [];
  const first = monthNumber(start.year, start.month);
  const last = Math.min(monthNumber(end.year, end.month), first + limit - 1);
  const months: TimelineMonth[] = [];
  for (let number = first; number <= last; number += 1) {
    const year = Math.floor(number / 12);
    const month = (number % 12) + 1;
    months.push({ key: `${year}-${String(month).padStart(2, '0')}`, year, month });
  }
  return months;
}

/**
 * The position of a date in month units from the start of the first month: the start of its day
 * (`edge: 'start'`) or the end of it (`'end'`).
 */
function position(date: string, firstMonth: number, edge: 'start' | 'end'): number | null {
  const parts = partsOf(date);
  if (!parts) return null;
  const days = daysInMonth(parts.year, parts.month);
  const day = edge === 'start' ? parts.day - 1 : parts.day;
  return monthNumber(parts.year, parts.month) - firstMonth + day / days;
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * The bar of an activity from `startsOn` to `endsOn` (both days included) over the months shown, or null
 * when it lies wholly outside them (or a date is unreadable).
 */
export function timelineBar(
  months: readonly TimelineMonth[],
  startsOn: string,
  endsOn: string,
): TimelineBar | null {
  const first = months[0];
  if (!first) return null;
  const firstMonth = monthNumber(first.year, first.month);
  const from = position(startsOn, firstMonth, 'start');
  const to = position(endsOn, firstMonth, 'end');
  if (from === null || to === null || to <= from) return null;
  const count = months.length;
  if (to <= 0 || from >= count) return null;
  const left = Math.max(0, from);
  const right = Math.min(count, to);
  return {
    left: round((left / count) * 100),
    width: round(((right - left) / count) * 100),
    clippedStart: from < 0,
    clippedEnd: to > count,
  };
}

/** Where a day (e.g. today) falls, in percent of the chart's width, or null outside the months shown. */
export function timelineMarker(months: readonly TimelineMonth[], date: string): number | null {
  const first = months[0];
  if (!first) return null;
  const at = position(date, monthNumber(first.year, first.month), 'start');
  if (at === null || at < 0 || at >= months.length) return null;
  return round((at / months.length) * 100);
}

/** The months' labels, "Jan 2026" in the UI language, with the year only where it changes (or first). */
export function monthLabels(
  months: readonly TimelineMonth[],
  language: string,
): { key: string; short: string; long: string }[] {
  const shortFormat = new Intl.DateTimeFormat(language, { month: 'short', timeZone: 'UTC' });
  const longFormat = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  return months.map((month, index) => {
    const date = new Date(Date.UTC(month.year, month.month - 1, 1));
    const yearShown = index === 0 || month.month === 1;
    const name = shortFormat.format(date).replace(/\.$/, '');
    return {
      key: month.key,
      short: yearShown ? `${name} ${month.year}` : name,
      long: longFormat.format(date),
    };
  });
}

/** The days from one date to another, both included (1 for a one-day activity). */
export function inclusiveDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

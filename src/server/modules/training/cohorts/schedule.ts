// The calendar arithmetic of cohorts, without I/O: sessions from a weekly schedule, and clashes between
// two cohorts' schedules. Dates are 'yyyy-mm-dd' calendar days (no time zone: a day is a day in Semarang),
// times 'HH:MM'. Day numbers count from 1970-01-01 in UTC only to do arithmetic on calendar days.

export interface Slot {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  start: string;
  end: string;
}

export interface SessionSlot {
  date: string;
  start: string;
  end: string;
}

export interface CohortCalendar {
  startDate: string;
  endDate: string;
  schedule: readonly Slot[];
}

const DAY_MS = 86_400_000;

/** The day number of a 'yyyy-mm-dd' date (days since 1970-01-01). */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

/** The 'yyyy-mm-dd' date of a day number. */
export function dateOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The date `days` days after (or before, when negative) `date`. */
export function addDays(date: string, days: number): string {
  return dateOf(dayNumber(date) + days);
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The later of two dates. */
export function laterDate(a: string, b: string): string {
  return dateOf(Math.max(dayNumber(a), dayNumber(b)));
}

/** The ISO weekday of a date: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  // 1970-01-01 was a Thursday (ISO 4).
  return ((((dayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** A slot's time range is a real one: it ends after it starts. */
export function validSlot(slot: { start: string; end: string }): boolean {
  return slot.end > slot.start;
}

/**
 * The sessions of a weekly schedule between two dates (both included), by date then start time; the same
 * slot given twice yields one session. Empty when the end is before the start or no weekday falls inside.
 */
export function generateSessions(
  startDate: string,
  endDate: string,
  schedule: readonly Slot[],
): SessionSlot[] {
  const first = dayNumber(startDate);
  const last = dayNumber(endDate);
  const byWeekday = new Map<number, Slot[]>();
  for (const slot of schedule) byWeekday.set(slot.weekday, [...(byWeekday.get(slot.weekday) ?? []), slot]);
  for (const slots of byWeekday.values()) slots.sort((a, b) => a.start.localeCompare(b.start));
  const sessions: SessionSlot[] = [];
  const seen = new Set<string>();
  for (let day = first; day <= last; day++) {
    const date = dateOf(day);
    for (const slot of byWeekday.get(isoWeekday(date)) ?? []) {
      const key = `${date} ${slot.start}`;
      if (seen.has(key)) continue;
      seen.add(key);
      sessions.push({ date, start: slot.start, end: slot.end });
    }
  }
  return sessions;
}

/** Two slots clash: the same weekday and time ranges that overlap (touching ends do not clash). */
export function slotsOverlap(a: Slot, b: Slot): boolean {
  return a.weekday === b.weekday && a.start < b.end && b.start < a.end;
}

/** The weekdays that occur between two dates (both included). */
function weekdaysBetween(startDate: string, endDate: string): Set<number> {
  const days = new Set<number>();
  const first = dayNumber(startDate);
  const last = Math.min(dayNumber(endDate), first + 6);
  for (let day = first; day <= last; day++) days.add(isoWeekday(dateOf(day)));
  return days;
}

/**
 * The first slot of `other` that clashes with a slot of `cohort`, or null: their date ranges overlap, and
 * inside that overlap a weekday of both schedules occurs with overlapping times.
 */
export function findClash(cohort: CohortCalendar, other: CohortCalendar): Slot | null {
  const from = laterDate(cohort.startDate, other.startDate);
  const to = dateOf(Math.min(dayNumber(cohort.endDate), dayNumber(other.endDate)));
  if (from > to) return null;
  const weekdays = weekdaysBetween(from, to);
  for (const mine of cohort.schedule) {
    if (!weekdays.has(mine.weekday)) continue;
    const theirs = other.schedule.find((slot) => slotsOverlap(mine, slot));
    if (theirs) return theirs;
  }
  return null;
}

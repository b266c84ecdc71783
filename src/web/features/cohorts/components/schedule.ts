import type { ScheduleSlot } from '../../../../shared/cohorts.ts';

/** ISO weekdays, 1 = Monday … 7 = Sunday (labels: cohorts.weekdays.<n>). */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DAY_MS = 86_400_000;

/** The ISO weekday (1 = Monday … 7 = Sunday) of a 'yyyy-mm-dd' date. */
export function isoWeekday(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

function minutes(time: string): number {
  const [hours = 0, mins = 0] = time.split(':').map(Number);
  return hours * 60 + mins;
}

/** A slot the preview can count: a weekday and a time range that ends after it starts. */
function usable(slot: Partial<ScheduleSlot>): slot is ScheduleSlot {
  return (
    typeof slot.weekday === 'number' &&
    slot.weekday >= 1 &&
    slot.weekday <= 7 &&
    typeof slot.start === 'string' &&
    typeof slot.end === 'string' &&
    TIME.test(slot.start) &&
    TIME.test(slot.end) &&
    minutes(slot.end) > minutes(slot.start)
  );
}

export interface SchedulePreview {
  /** Sessions the schedule makes between the two dates (both included). */
  count: number;
  first: string | null;
  last: string | null;
  /** Hours of all these sessions together. */
  hours: number;
}

/**
 * What the server will generate: one session per date between start and end (both included) for each
 * weekly slot on that weekday; two slots with the same day and start time make one session. Rows not yet
 * filled in (or ending before they start) are left out. Null when the dates are missing or reversed.
 */
export function previewSessions(
  startDate: string | null | undefined,
  endDate: string | null | undefined,
  schedule: readonly Partial<ScheduleSlot>[],
): SchedulePreview | null {
  if (!startDate || !endDate || !DATE_ONLY.test(startDate) || !DATE_ONLY.test(endDate)) return null;
  const from = Date.parse(`${startDate}T00:00:00Z`);
  const to = Date.parse(`${endDate}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to) || to < from) return null;

  const byWeekday = new Map<number, Map<string, number>>();
  for (const slot of schedule) {
    if (!usable(slot)) continue;
    const slots = byWeekday.get(slot.weekday) ?? new Map<string, number>();
    if (!slots.has(slot.start)) slots.set(slot.start, minutes(slot.end) - minutes(slot.start));
    byWeekday.set(slot.weekday, slots);
  }

  let count = 0;
  let totalMinutes = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (let time = from; time <= to; time += DAY_MS) {
    const date = new Date(time).toISOString().slice(0, 10);
    const slots = byWeekday.get(isoWeekday(date));
    if (!slots) continue;
    count += slots.size;
    for (const length of slots.values()) totalMinutes += length;
    first ??= date;
    last = date;
  }
  return { count, first, last, hours: totalMinutes / 60 };
}

/**
 * Client checks of the weekly rows, as field errors keyed like the server's (`schedule.1.end`): a missing
 * day or time, an end not after the start, and two rows on the same day whose times overlap. The values
 * are message keys of cohorts.form.*.
 */
export function scheduleErrors(
  schedule: readonly { weekday: number | null; start: string; end: string }[],
): Record<string, 'required' | 'endBeforeStart' | 'overlap'> {
  const errors: Record<string, 'required' | 'endBeforeStart' | 'overlap'> = {};
  schedule.forEach((slot, index) => {
    if (!slot.weekday) errors[`schedule.${index}.weekday`] = 'required';
    if (!TIME.test(slot.start)) errors[`schedule.${index}.start`] = 'required';
    if (!TIME.test(slot.end)) errors[`schedule.${index}.end`] = 'required';
    else if (TIME.test(slot.start) && minutes(slot.end) <= minutes(slot.start))
      errors[`schedule.${index}.end`] = 'endBeforeStart';
  });
  schedule.forEach((slot, index) => {
    if (errors[`schedule.${index}.start`] || errors[`schedule.${index}.end`] || !slot.weekday) return;
    const clash = schedule.some(
      (other, otherIndex) =>
        otherIndex < index &&
        other.weekday === slot.weekday &&
        TIME.test(other.start) &&
        TIME.test(other.end) &&
        minutes(other.start) < minutes(slot.end) &&
        minutes(slot.start) < minutes(other.end),
    );
    if (clash) errors[`schedule.${index}.start`] = 'overlap';
  });
  return errors;
}

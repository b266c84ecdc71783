import { daysBetween } from '../../../../shared/people.ts';
import { TIME_ZONE } from '../../../lib/format.ts';

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Asia/Jakarta as 'yyyy-mm-dd'. */
export function todayIso(): string {
  return isoDay.format(new Date());
}

/** Whole days from today to the date (negative when past), or null without a date. */
export function daysFromToday(date: string | null | undefined): number | null {
  return date ? daysBetween(todayIso(), date) : null;
}

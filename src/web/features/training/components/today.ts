import { TIME_ZONE } from '../../../lib/format.ts';

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Asia/Jakarta as 'yyyy-mm-dd' (the day the office works in, whatever the device's zone). */
export function todayIso(): string {
  return isoDay.format(new Date());
}

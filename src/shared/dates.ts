// Calendar arithmetic on 'yyyy-mm-dd' strings, shared by the server and the web (no zod, no time zone:
// the dates are the program's calendar days; `today()` on the server is Asia/Jakarta).

/** `date` plus `days` days (negative: before). */
export function addDays(date: string, days: number): string {
  const value = new Date(`${date}T00:00:00Z`);
  value.setUTCDate(value.getUTCDate() + days);
  return value.toISOString().slice(0, 10);
}

/**
 * `date` plus `months` calendar months; the day is kept, or the month's last day when it has fewer
 * (31 Jan + 1 = 28/29 Feb), as PostgreSQL's `date + interval 'n months'` does.
 */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const last = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, last));
  return target.toISOString().slice(0, 10);
}

/** Display formats used across the UI: dates dd/mm/yyyy in Asia/Jakarta, money as `Rp 1.500.000`. */

export const TIME_ZONE = 'Asia/Jakarta';
export const EMPTY = '—';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

function jakartaParts(value: string | Date): Record<string, string> | null {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return null;
  const parts: Record<string, string> = {};
  for (const part of dateTimeFormat.formatToParts(date)) parts[part.type] = part.value;
  return parts;
}

/** dd/mm/yyyy; a `yyyy-mm-dd` date is shown as it is, without a time-zone shift. */
export function formatDate(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'string') {
    const match = DATE_ONLY.exec(value);
    if (match) return `${match[3]}/${match[2]}/${match[1]}`;
  }
  const parts = jakartaParts(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : EMPTY;
}

/** dd/mm/yyyy HH:mm in Asia/Jakarta (WIB). */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  const parts = jakartaParts(value);
  return parts ? `${parts.day}/${parts.month}/${parts.year} ${parts.hour}:${parts.minute}` : EMPTY;
}

const rupiahNumber = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** `Rp 1.500.000`; negative amounts as `-Rp 1.500.000`. */
export function formatRupiah(amount: number | null | undefined): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return EMPTY;
  const text = `Rp ${rupiahNumber.format(Math.abs(Math.round(amount)))}`;
  return amount < 0 ? `-${text}` : text;
}

/** A value for display, or the dash when it is empty. */
export function orDash(value: string | null | undefined): string {
  return value === null || value === undefined || value.trim() === '' ? EMPTY : value;
}

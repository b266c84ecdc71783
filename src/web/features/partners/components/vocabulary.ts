import type { PartnerWillingness } from '../../../../shared/partners.ts';
import { TIME_ZONE } from '../../../lib/format.ts';

/** Willingness to employ as data: a colour per answer (labels in i18n, partners.willing.*). */
export const WILLINGNESS_COLORS: Record<PartnerWillingness, string> = {
  yes: 'teal.9',
  case_by_case: 'indigo.9',
  no: 'red.9',
  unknown: 'gray.8',
};

export const AGREEMENT_COLORS = {
  none: 'gray.8',
  valid: 'teal.9',
  notYet: 'indigo.9',
  expired: 'red.9',
} as const;

const isoDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today in Asia/Jakarta as 'yyyy-mm-dd' (the server's calendar), whatever the device's zone. */
export function todayIso(): string {
  return isoDay.format(new Date());
}

import type { EffectiveAgreementStatus, ObligationStatus } from '../../../../shared/agreements.ts';

// The agreements' status vocabularies as data (colours; the words are in the i18n namespace). Every badge is
// filled at shade 8–9 so its white text keeps 4.5:1 contrast, and always carries its words: the colour only
// repeats them.

export const AGREEMENT_STATUS_COLORS: Record<EffectiveAgreementStatus, string> = {
  draft: 'gray.7',
  in_review: 'blue.9',
  agreed: 'indigo.9',
  signed: 'violet.9',
  in_force: 'teal.9',
  expired: 'red.9',
  terminated: 'gray.9',
  renewed: 'grape.9',
  discarded: 'gray.8',
};

export const OBLIGATION_STATUS_COLORS: Record<ObligationStatus, string> = {
  open: 'gray.7',
  in_progress: 'blue.9',
  done: 'teal.9',
  not_applicable: 'gray.9',
};

/** Statuses whose validity is running (or has run): the days to expiry mean something. */
const RUNNING: readonly EffectiveAgreementStatus[] = ['signed', 'in_force', 'expired'];

/** Days from `from` to `to` ('yyyy-mm-dd'); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  const start = Date.parse(`${from}T00:00:00Z`);
  const end = Date.parse(`${to}T00:00:00Z`);
  return Math.round((end - start) / 86_400_000);
}

export type ExpiryTone = 'urgent' | 'soon' | 'later' | 'past';

export interface ExpiryNotice {
  /** `agreements.expiry.<key>`: in N days, today, N days ago. */
  key: 'inDays' | 'today' | 'ago';
  days: number;
  tone: ExpiryTone;
}

/** Within this many days the expiry is urgent (the second reminder), within the other soon (the first). */
export const EXPIRY_URGENT_DAYS = 30;
export const EXPIRY_SOON_DAYS = 90;

/**
 * How near the end of its validity a signed agreement is (null for a draft, a terminated or renewed one,
 * or one without an end date): urgent within 30 days, soon within 90 (the reminders' thresholds).
 */
export function expiryNotice(status: EffectiveAgreementStatus, daysLeft: number | null): ExpiryNotice | null {
  if (daysLeft === null || !RUNNING.includes(status)) return null;
  if (daysLeft < 0) return { key: 'ago', days: -daysLeft, tone: 'past' };
  const tone: ExpiryTone =
    daysLeft <= EXPIRY_URGENT_DAYS ? 'urgent' : daysLeft <= EXPIRY_SOON_DAYS ? 'soon' : 'later';
  return { key: daysLeft === 0 ? 'today' : 'inDays', days: daysLeft, tone };
}

/** Badge colours of the expiry notice (yellow with dark text: `autoContrast`). */
export const EXPIRY_TONE_COLORS: Record<ExpiryTone, string> = {
  urgent: 'red.9',
  soon: 'yellow.4',
  later: 'gray.7',
  past: 'gray.9',
};

/** Where a party stands on the current text. */
export type PartyAgreementState =
  | { kind: 'agreed'; version: number }
  | { kind: 'outdated'; version: number; agreedVersion: number }
  | { kind: 'pending' };

/**
 * "Menyetujui versi 3" (agreed the current text), "Perlu menyetujui ulang (versi 4)" (agreed an older one,
 * asked again), or not yet.
 */
export function partyAgreementState(
  party: { agreedTextVersion: number | null; agreedCurrent: boolean; agreementOutdated: boolean },
  textVersion: number,
): PartyAgreementState {
  if (party.agreedTextVersion !== null && party.agreedCurrent) {
    return { kind: 'agreed', version: party.agreedTextVersion };
  }
  if (
    party.agreedTextVersion !== null &&
    (party.agreementOutdated || party.agreedTextVersion < textVersion)
  ) {
    return { kind: 'outdated', version: textVersion, agreedVersion: party.agreedTextVersion };
  }
  return { kind: 'pending' };
}

/** An obligation still open (or in progress) after its due date. */
export function isOverdue(
  obligation: { status: ObligationStatus; dueOn: string | null },
  today: string,
): boolean {
  return (
    obligation.dueOn !== null &&
    obligation.dueOn < today &&
    (obligation.status === 'open' || obligation.status === 'in_progress')
  );
}

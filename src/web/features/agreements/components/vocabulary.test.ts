import { describe, expect, it } from 'vitest';
import { EFFECTIVE_AGREEMENT_STATUSES, OBLIGATION_STATUSES } from '../../../../shared/agreements.ts';
import {
  AGREEMENT_STATUS_COLORS,
  daysBetween,
  expiryNotice,
  isOverdue,
  OBLIGATION_STATUS_COLORS,
  partyAgreementState,
} from './vocabulary.ts';

describe('status colours', () => {
  it('has a filled dark colour for every effective status and obligation status', () => {
    for (const status of EFFECTIVE_AGREEMENT_STATUSES) {
      expect(AGREEMENT_STATUS_COLORS[status]).toMatch(/^[a-z]+\.(7|8|9)$/);
    }
    for (const status of OBLIGATION_STATUSES) {
      expect(OBLIGATION_STATUS_COLORS[status]).toMatch(/^[a-z]+\.(7|8|9)$/);
    }
  });

  it('tells in force, expired and draft apart', () => {
    const colours = new Set([
      AGREEMENT_STATUS_COLORS.in_force,
      AGREEMENT_STATUS_COLORS.expired,
      AGREEMENT_STATUS_COLORS.draft,
      AGREEMENT_STATUS_COLORS.in_review,
    ]);
    expect(colours.size).toBe(4);
  });
});

describe('daysBetween', () => {
  it('counts calendar days, across months and leap days', () => {
    expect(daysBetween('2026-11-30', '2026-11-30')).toBe(0);
    expect(daysBetween('2026-11-30', '2026-12-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-31', '2026-12-01')).toBe(-30);
  });
});

describe('expiryNotice', () => {
  it('says nothing for agreements not signed or without an end date', () => {
    expect(expiryNotice('draft', 10)).toBeNull();
    expect(expiryNotice('terminated', 10)).toBeNull();
    expect(expiryNotice('renewed', -5)).toBeNull();
    expect(expiryNotice('in_force', null)).toBeNull();
  });

  it('is urgent within 30 days, soon within 90, later beyond (the reminders thresholds)', () => {
    expect(expiryNotice('in_force', 30)).toEqual({ key: 'inDays', days: 30, tone: 'urgent' });
    expect(expiryNotice('in_force', 31)).toEqual({ key: 'inDays', days: 31, tone: 'soon' });
    expect(expiryNotice('signed', 90)).toEqual({ key: 'inDays', days: 90, tone: 'soon' });
    expect(expiryNotice('in_force', 91)).toEqual({ key: 'inDays', days: 91, tone: 'later' });
  });

  it('says today on the last day and how long ago once expired', () => {
    expect(expiryNotice('in_force', 0)).toEqual({ key: 'today', days: 0, tone: 'urgent' });
    expect(expiryNotice('expired', -12)).toEqual({ key: 'ago', days: 12, tone: 'past' });
  });
});

describe('partyAgreementState', () => {
  const party = { agreedTextVersion: null, agreedCurrent: false, agreementOutdated: false };

  it('is pending before the party agreed anything', () => {
    expect(partyAgreementState(party, 1)).toEqual({ kind: 'pending' });
  });

  it('names the version the party agreed when it is the current one', () => {
    expect(partyAgreementState({ ...party, agreedTextVersion: 3, agreedCurrent: true }, 3)).toEqual({
      kind: 'agreed',
      version: 3,
    });
  });

  it('asks again, naming the current version, after the text changed', () => {
    expect(
      partyAgreementState({ agreedTextVersion: 3, agreedCurrent: false, agreementOutdated: true }, 4),
    ).toEqual({ kind: 'outdated', version: 4, agreedVersion: 3 });
  });
});

describe('isOverdue', () => {
  it('flags an open or in-progress obligation after its due date only', () => {
    expect(isOverdue({ status: 'open', dueOn: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'in_progress', dueOn: '2026-11-29' }, '2026-11-30')).toBe(true);
    expect(isOverdue({ status: 'open', dueOn: '2026-11-30' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'done', dueOn: '2026-01-01' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'not_applicable', dueOn: '2026-01-01' }, '2026-11-30')).toBe(false);
    expect(isOverdue({ status: 'open', dueOn: null }, '2026-11-30')).toBe(false);
  });
});

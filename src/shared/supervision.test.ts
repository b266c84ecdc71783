import { describe, expect, it } from 'vitest';
import { outcomeDueOn, outcomeOpensOn } from './outcomes.ts';
import { afterInterval, escalationLevelFor, nextDueOn } from './supervision.ts';

describe('supervision date rules', () => {
  it('one interval: 7 days, 14 days, one month', () => {
    expect(afterInterval('2026-05-01', 'weekly')).toBe('2026-05-08');
    expect(afterInterval('2026-05-01', 'biweekly')).toBe('2026-05-15');
    expect(afterInterval('2026-05-31', 'monthly')).toBe('2026-06-30');
  });

  it('next due: after the latest kept session, or after the start when none is later', () => {
    expect(nextDueOn('2026-05-01', 'monthly', null)).toBe('2026-06-01');
    expect(nextDueOn('2026-05-01', 'monthly', '2026-05-20')).toBe('2026-06-20');
    // A kept session before a (re)started schedule does not pull the due date back.
    expect(nextDueOn('2026-05-01', 'weekly', '2026-04-20')).toBe('2026-05-08');
  });

  it('escalation ladder by consecutive missed sessions', () => {
    expect([0, 1, 2, 3, 7].map(escalationLevelFor)).toEqual([
      null,
      'reminder',
      'warning',
      'report_to_head',
      'report_to_head',
    ]);
  });

  it('outcome windows fall due on release + months and open 14 days before', () => {
    expect(outcomeDueOn('2026-01-31', 1)).toBe('2026-02-28');
    expect(outcomeOpensOn('2026-01-31', 1)).toBe('2026-02-14');
    expect(outcomeDueOn('2026-03-15', 12)).toBe('2027-03-15');
  });
});

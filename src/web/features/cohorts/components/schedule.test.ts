import { describe, expect, it } from 'vitest';
import { isoWeekday, previewSessions, scheduleErrors } from './schedule.ts';

describe('isoWeekday', () => {
  it('numbers Monday 1 and Sunday 7', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-13')).toBe(7);
  });
});

describe('previewSessions', () => {
  it('counts one session per scheduled weekday between the dates, both included', () => {
    // December 2026: Monday 7 .. Friday 18 holds two Mondays and two Wednesdays.
    const preview = previewSessions('2026-12-07', '2026-12-18', [
      { weekday: 1, start: '08:00', end: '11:00' },
      { weekday: 3, start: '13:00', end: '15:30' },
    ]);
    expect(preview).toEqual({ count: 4, first: '2026-12-07', last: '2026-12-16', hours: 11 });
  });

  it('counts two slots on one day, but a repeated day and start time only once', () => {
    const preview = previewSessions('2026-12-07', '2026-12-07', [
      { weekday: 1, start: '08:00', end: '10:00' },
      { weekday: 1, start: '13:00', end: '15:00' },
      { weekday: 1, start: '08:00', end: '09:00' },
    ]);
    expect(preview?.count).toBe(2);
  });

  it('leaves out rows not yet filled in or ending before they start', () => {
    const preview = previewSessions('2026-12-07', '2026-12-13', [
      { weekday: 2, start: '10:00', end: '09:00' },
      { weekday: 4, start: '', end: '' },
      { start: '08:00', end: '10:00' },
    ]);
    expect(preview).toEqual({ count: 0, first: null, last: null, hours: 0 });
  });

  it('has nothing to show without both dates or with the end before the start', () => {
    const slots = [{ weekday: 1, start: '08:00', end: '10:00' }];
    expect(previewSessions(null, '2026-12-31', slots)).toBeNull();
    expect(previewSessions('2026-12-31', '2026-12-01', slots)).toBeNull();
  });
});

describe('scheduleErrors', () => {
  it('names the row and field like the server does', () => {
    expect(
      scheduleErrors([
        { weekday: 1, start: '08:00', end: '10:00' },
        { weekday: 2, start: '10:00', end: '09:30' },
        { weekday: null, start: '', end: '12:00' },
      ]),
    ).toEqual({
      'schedule.1.end': 'endBeforeStart',
      'schedule.2.weekday': 'required',
      'schedule.2.start': 'required',
    });
  });

  it('marks a row whose times overlap an earlier row on the same day', () => {
    expect(
      scheduleErrors([
        { weekday: 1, start: '08:00', end: '10:00' },
        { weekday: 1, start: '09:00', end: '11:00' },
        { weekday: 1, start: '11:00', end: '12:00' },
        { weekday: 2, start: '09:00', end: '11:00' },
      ]),
    ).toEqual({ 'schedule.1.start': 'overlap' });
  });
});

import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, findClash, generateSessions, isoWeekday, slotsOverlap } from './schedule.ts';

const monday = (start = '09:00', end = '12:00') => ({ weekday: 1, start, end });

describe('calendar days', () => {
  it('knows the ISO weekday of a date, Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-30')).toBe(1);
    expect(isoWeekday('2026-12-02')).toBe(3);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(isoWeekday('1969-12-29')).toBe(1);
  });

  it('adds days across month and year ends and over 29 February', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2028-02-01', '2028-03-01')).toBe(29);
    expect(daysBetween('2027-02-01', '2027-03-01')).toBe(28);
  });
});

describe('generating sessions from a weekly schedule', () => {
  it('gives one session per scheduled weekday between start and end, both included, by date then time', () => {
    const sessions = generateSessions('2026-11-30', '2026-12-14', [
      { weekday: 3, start: '13:00', end: '15:00' },
      monday(),
      { weekday: 3, start: '08:00', end: '10:00' },
    ]);
    expect(sessions).toEqual([
      { date: '2026-11-30', start: '09:00', end: '12:00' },
      { date: '2026-12-02', start: '08:00', end: '10:00' },
      { date: '2026-12-02', start: '13:00', end: '15:00' },
      { date: '2026-12-07', start: '09:00', end: '12:00' },
      { date: '2026-12-09', start: '08:00', end: '10:00' },
      { date: '2026-12-09', start: '13:00', end: '15:00' },
      { date: '2026-12-14', start: '09:00', end: '12:00' },
    ]);
  });

  it('crosses month ends and includes 29 February in a leap year', () => {
    // 29 February 2028 is a Tuesday.
    const sessions = generateSessions('2028-02-20', '2028-03-10', [
      { weekday: 2, start: '09:00', end: '11:00' },
    ]);
    expect(sessions.map((session) => session.date)).toEqual(['2028-02-22', '2028-02-29', '2028-03-07']);
    const notLeap = generateSessions('2027-02-20', '2027-03-10', [
      { weekday: 7, start: '09:00', end: '11:00' },
    ]);
    expect(notLeap.map((session) => session.date)).toEqual(['2027-02-21', '2027-02-28', '2027-03-07']);
  });

  it('crosses the end of a year', () => {
    const sessions = generateSessions('2026-12-28', '2027-01-08', [
      { weekday: 5, start: '09:00', end: '11:00' },
    ]);
    expect(sessions.map((session) => session.date)).toEqual(['2027-01-01', '2027-01-08']);
  });

  it('gives a single session when start and end are the same scheduled day', () => {
    expect(generateSessions('2026-11-30', '2026-11-30', [monday()])).toHaveLength(1);
  });

  it('gives nothing when no scheduled weekday falls between the dates, or when the end is before the start', () => {
    expect(generateSessions('2026-12-01', '2026-12-05', [monday()])).toEqual([]);
    expect(generateSessions('2026-12-14', '2026-11-30', [monday()])).toEqual([]);
    expect(generateSessions('2026-11-30', '2026-12-14', [])).toEqual([]);
  });

  it('does not repeat a slot given twice', () => {
    expect(generateSessions('2026-11-30', '2026-11-30', [monday(), monday()])).toHaveLength(1);
  });
});

describe('schedule clashes between two cohorts', () => {
  const cohort = { startDate: '2026-11-02', endDate: '2026-12-31', schedule: [monday('09:00', '12:00')] };

  it('knows that slots clash on the same weekday with overlapping times, and not when they only touch', () => {
    expect(slotsOverlap(monday('09:00', '12:00'), monday('11:00', '13:00'))).toBe(true);
    expect(slotsOverlap(monday('09:00', '12:00'), monday('10:00', '11:00'))).toBe(true);
    expect(slotsOverlap(monday('09:00', '12:00'), monday('12:00', '14:00'))).toBe(false);
    expect(slotsOverlap(monday('09:00', '12:00'), { weekday: 2, start: '09:00', end: '12:00' })).toBe(false);
  });

  it('finds the clashing slot of another cohort whose dates overlap', () => {
    const other = {
      startDate: '2026-12-01',
      endDate: '2027-02-28',
      schedule: [{ weekday: 4, start: '09:00', end: '12:00' }, monday('10:00', '11:30')],
    };
    expect(findClash(cohort, other)).toEqual(monday('10:00', '11:30'));
  });

  it('finds no clash when the date ranges do not overlap, or the times or weekdays differ', () => {
    expect(findClash(cohort, { ...cohort, startDate: '2027-01-01', endDate: '2027-03-01' })).toBeNull();
    expect(findClash(cohort, { ...cohort, schedule: [monday('13:00', '15:00')] })).toBeNull();
    expect(
      findClash(cohort, { ...cohort, schedule: [{ weekday: 2, start: '09:00', end: '12:00' }] }),
    ).toBeNull();
  });

  it('finds no clash when the dates overlap only on days that are not the clashing weekday', () => {
    // The ranges share Tuesday 1 to Thursday 3 December 2026 only; both teach on Mondays.
    const later = { startDate: '2026-12-01', endDate: '2027-01-31', schedule: [monday()] };
    expect(findClash({ ...cohort, endDate: '2026-12-03' }, later)).toBeNull();
    expect(findClash({ ...cohort, endDate: '2026-12-07' }, later)).toEqual(monday());
  });
});

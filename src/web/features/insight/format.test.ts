import { describe, expect, it } from 'vitest';
import {
  addMonths,
  adjustPeriod,
  defaultPeriod,
  formatCount,
  formatMonth,
  formatPercent,
  formatPeriod,
  formatQuarter,
  isMonth,
  jakartaToday,
  monthsBetween,
  progressValue,
} from './format.ts';

describe('counts and percentages', () => {
  it('groups counts in the UI language and hides null as "< 5"', () => {
    expect(formatCount(300000, 'id')).toBe('300.000');
    expect(formatCount(300000, 'en')).toBe('300,000');
    expect(formatCount(0, 'id')).toBe('0');
    expect(formatCount(null, 'id')).toBe('< 5');
  });

  it('writes percentages with one decimal, "—" when they cannot be given', () => {
    expect(formatPercent(45.5, 'id')).toBe('45,5%');
    expect(formatPercent(45.5, 'en')).toBe('45.5%');
    expect(formatPercent(100, 'id')).toBe('100%');
    expect(formatPercent(null, 'id')).toBe('—');
  });
});

describe('months of the period', () => {
  it('recognizes months', () => {
    expect(isMonth('2026-01')).toBe(true);
    expect(isMonth('2026-13')).toBe(false);
    expect(isMonth('2026-1')).toBe(false);
    expect(isMonth(null)).toBe(false);
  });

  it('counts and moves months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2025-12', 1)).toBe('2026-01');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(monthsBetween('2025-12', '2026-11')).toBe(12);
    expect(monthsBetween('2026-03', '2026-03')).toBe(1);
    expect(monthsBetween('2026-04', '2026-03')).toBe(0);
  });

  it('defaults to the 12 months ending this month', () => {
    expect(defaultPeriod('2026-11-30')).toEqual({ from: '2025-12', to: '2026-11' });
  });

  it('takes today in Asia/Jakarta (UTC+7), not the machine zone', () => {
    // 17:30 UTC on 31 January is already 1 February in Jakarta.
    expect(jakartaToday(new Date('2026-01-31T17:30:00Z'))).toBe('2026-02-01');
    expect(jakartaToday(new Date('2026-01-31T16:59:00Z'))).toBe('2026-01-31');
  });

  it('keeps the two ends from crossing and the period within the maximum', () => {
    const period = { from: '2026-01', to: '2026-06' };
    expect(adjustPeriod(period, 'from', '2026-03', 120)).toEqual({ from: '2026-03', to: '2026-06' });
    expect(adjustPeriod(period, 'from', '2026-09', 120)).toEqual({ from: '2026-09', to: '2026-09' });
    expect(adjustPeriod(period, 'to', '2025-10', 120)).toEqual({ from: '2025-10', to: '2025-10' });
    expect(adjustPeriod(period, 'from', '2016-01', 120)).toEqual({ from: '2016-01', to: '2025-12' });
    expect(adjustPeriod({ from: '2016-01', to: '2025-12' }, 'to', '2026-06', 120)).toEqual({
      from: '2016-07',
      to: '2026-06',
    });
  });

  it('writes months, periods and release quarters in words', () => {
    expect(formatMonth('2026-03', 'id')).toBe('Maret 2026');
    expect(formatMonth('2026-03', 'en')).toBe('March 2026');
    expect(formatPeriod('2025-12', '2026-11', 'id')).toBe('Desember 2025 – November 2026');
    expect(formatPeriod('2026-03', '2026-03', 'id')).toBe('Maret 2026');
    expect(formatQuarter('2026-Q1', 'id')).toBe('Triwulan 1 2026');
    expect(formatQuarter('2026-Q4', 'en')).toBe('Q4 2026');
  });

  it('fills a progress bar to 100 at most', () => {
    expect(progressValue(45)).toBe(45);
    expect(progressValue(130)).toBe(100);
    expect(progressValue(null)).toBe(0);
  });
});

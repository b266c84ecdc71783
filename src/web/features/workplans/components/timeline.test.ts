import { describe, expect, it } from 'vitest';
import { monthLabels, timelineBar, timelineMarker, timelineMonths } from './timeline.ts';

describe('timelineMonths', () => {
  it('lists every month the period touches, both ends included', () => {
    expect(timelineMonths('2026-05-15', '2026-08-02').map((month) => month.key)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
    ]);
  });

  it('crosses the year', () => {
    const months = timelineMonths('2026-11-01', '2027-02-28');
    expect(months.map((month) => month.key)).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(months[2]).toEqual({ key: '2027-01', year: 2027, month: 1 });
  });

  it('has one month for a period inside a month, none for unreadable dates, and stops at the limit', () => {
    expect(timelineMonths('2026-03-03', '2026-03-09')).toHaveLength(1);
    expect(timelineMonths('', '2026-03-09')).toEqual([]);
    expect(timelineMonths('2020-01-01', '2040-12-31', 24)).toHaveLength(24);
  });
});

describe('timelineBar', () => {
  const year = timelineMonths('2026-01-01', '2026-12-31');

  it('spans whole months as whole columns', () => {
    expect(timelineBar(year, '2026-01-01', '2026-01-31')).toEqual({
      left: 0,
      width: 8.333,
      clippedStart: false,
      clippedEnd: false,
    });
    expect(timelineBar(year, '2026-01-01', '2026-12-31')?.width).toBe(100);
    expect(timelineBar(year, '2026-04-01', '2026-06-30')).toMatchObject({ left: 25, width: 25 });
  });

  it('places a bar by its days within the months', () => {
    // 16 February: 15 of 28 days into the second column; one day is 1/28 of a column.
    const bar = timelineBar(year, '2026-02-16', '2026-02-16');
    expect(bar?.left).toBeCloseTo(((1 + 15 / 28) / 12) * 100, 2);
    expect(bar?.width).toBeCloseTo((1 / 28 / 12) * 100, 2);
  });

  it('clips an activity that runs past the months shown, and drops one wholly outside', () => {
    const quarter = timelineMonths('2026-04-01', '2026-06-30');
    expect(timelineBar(quarter, '2026-03-15', '2026-04-30')).toEqual({
      left: 0,
      width: 33.333,
      clippedStart: true,
      clippedEnd: false,
    });
    expect(timelineBar(quarter, '2026-06-01', '2026-07-31')).toMatchObject({
      clippedEnd: true,
      width: 33.333,
    });
    expect(timelineBar(quarter, '2026-01-01', '2026-03-31')).toBeNull();
    expect(timelineBar(quarter, '2026-07-01', '2026-07-02')).toBeNull();
  });

  it('refuses an end before the start or an unreadable date', () => {
    expect(timelineBar(year, '2026-05-10', '2026-05-01')).toBeNull();
    expect(timelineBar(year, 'x', '2026-05-01')).toBeNull();
    expect(timelineBar([], '2026-05-01', '2026-05-02')).toBeNull();
  });
});

describe('timelineMarker', () => {
  it('marks a day inside the months, and nothing outside', () => {
    const year = timelineMonths('2026-01-01', '2026-12-31');
    expect(timelineMarker(year, '2026-07-01')).toBe(50);
    expect(timelineMarker(year, '2025-12-31')).toBeNull();
    expect(timelineMarker(year, '2027-01-01')).toBeNull();
  });
});

describe('monthLabels', () => {
  it('names the months in Indonesian, with the year on the first column and on January', () => {
    const labels = monthLabels(timelineMonths('2026-11-01', '2027-02-01'), 'id');
    expect(labels.map((label) => label.short)).toEqual(['Nov 2026', 'Des', 'Jan 2027', 'Feb']);
    expect(labels[0]?.long).toBe('November 2026');
  });

  it('names them in English', () => {
    const labels = monthLabels(timelineMonths('2026-05-01', '2026-06-01'), 'en');
    expect(labels.map((label) => label.short)).toEqual(['May 2026', 'Jun']);
    expect(labels[1]?.long).toBe('June 2026');
  });
});

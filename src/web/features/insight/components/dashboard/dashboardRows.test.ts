import { describe, expect, it } from 'vitest';
import type { DashboardResponse } from '../../../../../shared/insight.ts';
import {
  actionItemRows,
  anyHidden,
  funnelRows,
  outcomeChartRows,
  outcomeFigureRows,
  outcomeTableRows,
  returnCellText,
  workCellText,
} from './dashboardRows.ts';

const words = {
  notReached: 'belum',
  of: (part: string, whole: string) => `${part} dari ${whole}`,
  fewChecks: '< 5 pemeriksaan',
};

const outcomes: DashboardResponse['outcomes'] = {
  workWindows: [3, 6, 12],
  returnWindows: [12, 24],
  cohorts: [
    {
      cohort: '2025-Q1',
      from: '2025-01-01',
      to: '2025-03-31',
      size: 12,
      working: [
        { windowMonths: 3, checks: 8, working: 5, rate: 62.5 },
        { windowMonths: 6, checks: 7, working: null, rate: null },
        null,
      ],
      returned: [{ windowMonths: 12, returned: null, rate: null }, null],
    },
    {
      cohort: '2025-Q2',
      from: '2025-04-01',
      to: '2025-06-30',
      size: null,
      working: [null, null, null],
      returned: [null, null],
    },
  ],
};

describe('funnel rows', () => {
  it('labels each stage and keeps its figures', () => {
    const rows = funnelRows(
      [
        { stage: 'in_program', count: 40, conversion: null, shareOfFirst: 100 },
        { stage: 'in_training', count: null, conversion: null, shareOfFirst: null },
      ],
      (stage) => `label:${stage}`,
    );
    expect(rows).toEqual([
      { stage: 'in_program', label: 'label:in_program', count: 40, conversion: null, shareOfFirst: 100 },
      { stage: 'in_training', label: 'label:in_training', count: null, conversion: null, shareOfFirst: null },
    ]);
    expect(anyHidden(rows.map((row) => row.count))).toBe(true);
  });
});

describe('outcome cells', () => {
  it('reads a window as rate and counts, "belum" when not reached, "—" with no checks', () => {
    expect(workCellText({ windowMonths: 3, checks: 8, working: 5, rate: 62.5 }, 'id', words)).toBe(
      '62,5% (5 dari 8)',
    );
    expect(workCellText({ windowMonths: 6, checks: 7, working: null, rate: null }, 'id', words)).toBe(
      '— (< 5 dari 7)',
    );
    expect(workCellText({ windowMonths: 6, checks: 0, working: 0, rate: null }, 'id', words)).toBe('—');
    expect(workCellText({ windowMonths: 6, checks: null, working: null, rate: null }, 'id', words)).toBe(
      '— (< 5 pemeriksaan)',
    );
    expect(workCellText(null, 'id', words)).toBe('belum');
    expect(returnCellText({ windowMonths: 12, returned: 2, rate: 16.7 }, 'id', words)).toBe('16,7% (2)');
    expect(returnCellText(null, 'id', words)).toBe('belum');
  });

  it('builds the shown table: one row per quarter, hidden sizes null', () => {
    expect(outcomeTableRows(outcomes, 'id', words)).toEqual([
      {
        cohort: 'Triwulan 1 2025',
        size: 12,
        work3: '62,5% (5 dari 8)',
        work6: '— (< 5 dari 7)',
        work12: 'belum',
        return12: '— (< 5)',
        return24: 'belum',
      },
      {
        cohort: 'Triwulan 2 2025',
        size: null,
        work3: 'belum',
        work6: 'belum',
        work12: 'belum',
        return12: 'belum',
        return24: 'belum',
      },
    ]);
  });

  it('builds the figures for the CSV: counts and rates, "belum" in each cell of a window not reached', () => {
    const [first] = outcomeFigureRows(outcomes, 'id', 'belum');
    expect(first).toEqual({
      cohort: 'Triwulan 1 2025',
      from: '2025-01-01',
      to: '2025-03-31',
      size: 12,
      work3Checks: 8,
      work3Working: 5,
      work3Rate: 62.5,
      work6Checks: 7,
      work6Working: null,
      work6Rate: null,
      work12Checks: 'belum',
      work12Working: 'belum',
      work12Rate: 'belum',
      return12Returned: null,
      return12Rate: null,
      return24Returned: 'belum',
      return24Rate: 'belum',
    });
  });

  it('draws the work rates only (nothing for a window not reached)', () => {
    expect(outcomeChartRows(outcomes, 'en')).toEqual([
      { cohort: 'Q1 2025', work3: 62.5, work6: null, work12: null },
      { cohort: 'Q2 2025', work3: null, work6: null, work12: null },
    ]);
  });
});

describe('action item rows', () => {
  it('splits the open items into overdue and on time for the stacked bars', () => {
    expect(actionItemRows([{ organizationId: 'o', name: 'Bapas', open: 5, overdue: 2 }])).toEqual([
      { organizationId: 'o', name: 'Bapas', open: 5, overdue: 2, onTime: 3 },
    ]);
  });
});

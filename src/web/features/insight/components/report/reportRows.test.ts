import { describe, expect, it } from 'vitest';
import type { ReportOrganizationsResponse } from '../../../../../shared/insightReport.ts';
import {
  defaultReportMonth,
  hasAnyFigure,
  organizationGroups,
  reportMonthFromParam,
  reportOrganizationId,
  summaryRows,
  withTotal,
} from './reportRows.ts';

describe('defaultReportMonth', () => {
  it('is the last whole month, across a new year too', () => {
    expect(defaultReportMonth('2026-11-30')).toBe('2026-10');
    expect(defaultReportMonth('2026-01-01')).toBe('2025-12');
  });
});

describe('reportMonthFromParam', () => {
  const today = '2026-11-15';
  it('keeps a past month and the current one', () => {
    expect(reportMonthFromParam('2024-02', today)).toBe('2024-02');
    expect(reportMonthFromParam('2026-11', today)).toBe('2026-11');
  });

  it('falls back to the last whole month for a future, malformed or missing month', () => {
    expect(reportMonthFromParam('2026-12', today)).toBe('2026-10');
    expect(reportMonthFromParam('2027-01', today)).toBe('2026-10');
    expect(reportMonthFromParam('2026-13', today)).toBe('2026-10');
    expect(reportMonthFromParam('2026-1', today)).toBe('2026-10');
    expect(reportMonthFromParam(null, today)).toBe('2026-10');
  });
});

const LIST: ReportOrganizationsResponse = {
  items: [
    { id: 'p1', kind: 'prison', name: 'LPP Semarang', shortName: 'LPP' },
    { id: 'b1', kind: 'probation', name: 'Bapas Semarang', shortName: null },
    { id: 'v1', kind: 'village', name: 'Bongsari', shortName: null },
    { id: 'v2', kind: 'village', name: 'Krobokan', shortName: null },
  ],
  defaultOrganizationId: 'p1',
};

describe('organizationGroups', () => {
  it('groups the organizations by kind in the order given', () => {
    expect(organizationGroups(LIST.items, (kind) => kind.toUpperCase())).toEqual([
      { group: 'PRISON', items: [{ value: 'p1', label: 'LPP Semarang' }] },
      { group: 'PROBATION', items: [{ value: 'b1', label: 'Bapas Semarang' }] },
      {
        group: 'VILLAGE',
        items: [
          { value: 'v1', label: 'Bongsari' },
          { value: 'v2', label: 'Krobokan' },
        ],
      },
    ]);
  });
});

describe('reportOrganizationId', () => {
  it('takes the address when it names one of the choices, else the default', () => {
    expect(reportOrganizationId('v2', LIST)).toBe('v2');
    expect(reportOrganizationId('unknown', LIST)).toBe('p1');
    expect(reportOrganizationId(null, LIST)).toBe('p1');
  });

  it('is unknown while the list is not there', () => {
    expect(reportOrganizationId('v2', undefined)).toBeNull();
  });
});

describe('withTotal', () => {
  it('adds the total as the last row, and nothing to an empty breakdown', () => {
    expect(withTotal([{ label: 'Bongsari', count: null }], 7, 'Jumlah')).toEqual([
      { label: 'Bongsari', count: null },
      { label: 'Jumlah', count: 7 },
    ]);
    expect(withTotal([], 0, 'Jumlah')).toEqual([]);
  });
});

describe('summaryRows', () => {
  it('labels the rows and keeps order, unit and value', () => {
    expect(
      summaryRows(
        [
          { key: 'placements_made', unit: 'count', value: null },
          { key: 'attendance_rate', unit: 'percent', value: 87.5 },
        ],
        (key) => `L:${key}`,
      ),
    ).toEqual([
      { label: 'L:placements_made', unit: 'count', value: null },
      { label: 'L:attendance_rate', unit: 'percent', value: 87.5 },
    ]);
  });
});

describe('hasAnyFigure', () => {
  it('is true for a figure above zero or a hidden one, false for zeros only', () => {
    expect(hasAnyFigure([0, 0])).toBe(false);
    expect(hasAnyFigure([])).toBe(false);
    expect(hasAnyFigure([0, null])).toBe(true);
    expect(hasAnyFigure([0, 2])).toBe(true);
  });
});

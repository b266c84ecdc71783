import type { MonthlyReport, ReportOrganizationsResponse } from '../../../../../shared/insightReport.ts';
import { addMonths, isMonth, monthOf } from '../../format.ts';

// The monthly report page's rules and rows (pure: unit-tested).

/** The address parameters of the report page. */
export const REPORT_PARAMS = { organizationId: 'organizationId', month: 'month' } as const;

/** The month offered first: the last whole month (a report is usually made once its month has ended). */
export function defaultReportMonth(today: string): string {
  return addMonths(monthOf(today), -1);
}

/** The month from the address: a month not after the current one, else the default. */
export function reportMonthFromParam(value: string | null, today: string): string {
  if (!isMonth(value)) return defaultReportMonth(today);
  return value > monthOf(today) ? defaultReportMonth(today) : value;
}

type ReportOrganizationItem = ReportOrganizationsResponse['items'][number];

/** The organization choices grouped by kind, in the answer's order (kind, then name). */
export function organizationGroups(
  items: readonly ReportOrganizationItem[],
  kindLabel: (kind: ReportOrganizationItem['kind']) => string,
): { group: string; items: { value: string; label: string }[] }[] {
  const groups: { group: string; items: { value: string; label: string }[] }[] = [];
  for (const item of items) {
    const group = kindLabel(item.kind);
    let entry = groups.find((candidate) => candidate.group === group);
    if (!entry) {
      entry = { group, items: [] };
      groups.push(entry);
    }
    entry.items.push({ value: item.id, label: item.name });
  }
  return groups;
}

/**
 * Which organization's report to show: the one in the address when the caller may choose it, else the
 * default of the list; null while the list is not known (staff never send one: the server takes her own).
 */
export function reportOrganizationId(
  param: string | null,
  list: ReportOrganizationsResponse | undefined,
): string | null {
  if (!list) return null;
  if (param && list.items.some((item) => item.id === param)) return param;
  return list.defaultOrganizationId;
}

export interface CountRow {
  label: string;
  count: number | null;
}

/** Rows of a breakdown and, when there are any, its total as the last row (the suppression was done with it). */
export function withTotal(rows: readonly CountRow[], total: number | null, totalLabel: string): CountRow[] {
  return rows.length === 0 ? [] : [...rows, { label: totalLabel, count: total }];
}

export interface SummaryRow {
  label: string;
  unit: 'count' | 'percent';
  value: number | null;
}

/** The summary in print order, each row with its label. */
export function summaryRows(
  summary: MonthlyReport['summary'],
  label: (key: MonthlyReport['summary'][number]['key']) => string,
): SummaryRow[] {
  return summary.map((row) => ({ label: label(row.key), unit: row.unit, value: row.value }));
}

/** Whether any figure is above zero or hidden (a hidden count is at least one): else a chart has no bars. */
export function hasAnyFigure(values: readonly (number | null)[]): boolean {
  return values.some((value) => value === null || value > 0);
}

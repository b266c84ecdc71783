import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MonthlyReport, ReportOrganizationsResponse } from '../../../../shared/insightReport.ts';
import { api, toQueryString } from '../../../lib/api.ts';

export const reportKeys = {
  organizations: ['insight', 'reports', 'organizations'] as const,
  monthly: (organizationId: string | null, month: string) =>
    ['insight', 'reports', 'monthly', organizationId, month] as const,
};

/** The organizations whose report the caller may open (program users choose; staff have only their own). */
export function useReportOrganizations(enabled = true) {
  return useQuery({
    queryKey: reportKeys.organizations,
    queryFn: ({ signal }) =>
      api<ReportOrganizationsResponse>('/api/insight/reports/organizations', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

/** The monthly report's figures (the server audits the view); without an organization, the caller's own. */
export function useMonthlyReport(organizationId: string | null, month: string) {
  return useQuery({
    queryKey: reportKeys.monthly(organizationId, month),
    queryFn: ({ signal }) =>
      api<MonthlyReport>('/api/insight/reports/monthly', {
        query: { organizationId: organizationId ?? undefined, month },
        signal,
      }),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

/** The address of the report's file (a plain GET: the browser downloads it and the server audits it). */
export function reportFileUrl(format: 'pdf' | 'xlsx', organizationId: string, month: string): string {
  return `/api/insight/reports/monthly.${format}${toQueryString({ organizationId, month })}`;
}

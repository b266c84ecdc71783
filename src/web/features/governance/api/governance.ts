import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActivityReport,
  ActivityReportList,
  ActivityReportListQuery,
  CreateActivityReportRequest,
  GovernanceOverview,
  GovernanceOverviewQuery,
  MyActionItems,
  UpdateActivityReportRequest,
} from '../../../../shared/governance.ts';
import type { MeetingList } from '../../../../shared/meetings.ts';
import type { WorkPlanTimeline } from '../../../../shared/workplans.ts';
import { api } from '../../../lib/api.ts';
import { downloadFile } from '../../people/api/peopleData.ts';

export const governanceKeys = {
  all: ['governance'] as const,
  overview: (query: GovernanceOverviewQuery) => ['governance', 'overview', query] as const,
  myActionItems: (pageSize: number) => ['governance', 'my-action-items', pageSize] as const,
  reports: ['governance', 'reports'] as const,
  reportList: (query: ActivityReportListQuery) => ['governance', 'reports', 'list', query] as const,
  report: (id: string) => ['governance', 'reports', 'detail', id] as const,
  reportSources: (kind: 'meeting' | 'activity') => ['governance', 'report-sources', kind] as const,
};

const REPORTS_PATH = '/api/governance/activity-reports';
export const reportPath = (id: string) => `${REPORTS_PATH}/${encodeURIComponent(id)}`;

/** Action items by owner organization and the filtered list; agreements by effective status and expiry. */
export function useGovernanceOverview(query: GovernanceOverviewQuery) {
  return useQuery({
    queryKey: governanceKeys.overview(query),
    queryFn: ({ signal }) =>
      api<GovernanceOverview>('/api/governance/overview', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** The caller's own open and in-progress action items, overdue first (the home card). */
export function useMyActionItems(pageSize: number, enabled = true) {
  return useQuery({
    queryKey: governanceKeys.myActionItems(pageSize),
    queryFn: ({ signal }) =>
      api<MyActionItems>('/api/governance/my-action-items', { query: { page: 1, pageSize }, signal }),
    enabled,
  });
}

export function useActivityReports(query: ActivityReportListQuery) {
  return useQuery({
    queryKey: governanceKeys.reportList(query),
    queryFn: ({ signal }) => api<ActivityReportList>(REPORTS_PATH, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useActivityReport(id: string) {
  return useQuery({
    queryKey: governanceKeys.report(id),
    queryFn: ({ signal }) => api<ActivityReport>(reportPath(id), { signal }),
  });
}

function useStoreReport() {
  const queryClient = useQueryClient();
  return (report: ActivityReport) => {
    queryClient.setQueryData(governanceKeys.report(report.id), report);
    void queryClient.invalidateQueries({ queryKey: [...governanceKeys.reports, 'list'] });
  };
}

/**
 * A new report filled from a meeting or a work-plan activity (the server's templates); open it at
 * `/tata-kelola/laporan/:id`. Meetings and work plans may offer it too.
 */
export function useCreateActivityReport() {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (body: CreateActivityReportRequest) =>
      api<ActivityReport>(REPORTS_PATH, { method: 'POST', body }),
    onSuccess: store,
  });
}

/** Saves the whole report with the version read. */
export function useUpdateActivityReport(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (body: UpdateActivityReportRequest) =>
      api<ActivityReport>(reportPath(id), { method: 'PUT', body }),
    onSuccess: store,
  });
}

export function useFinalizeActivityReport(id: string) {
  const store = useStoreReport();
  return useMutation({
    mutationFn: (version: number) =>
      api<ActivityReport>(`${reportPath(id)}/finalize`, { method: 'POST', body: { version } }),
    onSuccess: store,
  });
}

/** The report as PDF (the server audits the export; labels in the UI language). */
export function downloadActivityReportPdf(report: Pick<ActivityReport, 'id' | 'heldOn'>): Promise<void> {
  return downloadFile(`${reportPath(report.id)}/pdf`, `laporan-kegiatan-${report.heldOn}.pdf`);
}

/** Held meetings the caller sees, newest first: sources for a report. */
export function useReportMeetings(enabled: boolean) {
  return useQuery({
    queryKey: governanceKeys.reportSources('meeting'),
    queryFn: ({ signal }) =>
      api<MeetingList>('/api/meetings', { query: { status: 'held', page: 1, pageSize: 200 }, signal }),
    enabled,
  });
}

/** Work-plan activities of the visible plans around the current year: sources for a report. */
export function useReportActivities(enabled: boolean, from: string, to: string) {
  return useQuery({
    queryKey: [...governanceKeys.reportSources('activity'), from, to],
    queryFn: ({ signal }) =>
      api<WorkPlanTimeline>('/api/work-plans/timeline', { query: { from, to }, signal }),
    enabled,
  });
}

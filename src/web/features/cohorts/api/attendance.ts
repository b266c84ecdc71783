import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttendanceGrid,
  RecordAttendanceRequest,
  ReopenAttendanceRequest,
  SessionAttendance,
} from '../../../../shared/attendance.ts';
import type { Cohort } from '../../../../shared/cohorts.ts';
import { api } from '../../../lib/api.ts';

// Attendance of one cohort: the grid (people × sessions), recording a whole session, reopening a locked one.

// Under 'cohorts' with the cohort's id: a change on another tab of the cohort page refreshes them too.
export const attendanceKeys = {
  grid: (cohortId: string) => ['cohorts', 'attendance', cohortId] as const,
  cohort: (cohortId: string) => ['cohorts', 'attendanceSummary', cohortId] as const,
};

const cohortBase = (cohortId: string) => `/api/training/cohorts/${encodeURIComponent(cohortId)}`;
const sessionBase = (cohortId: string, sessionId: string) =>
  `${cohortBase(cohortId)}/sessions/${encodeURIComponent(sessionId)}`;

/** The cohort itself: what the caller may do with it (`access`) and its dates. */
export function useCohortSummary(cohortId: string) {
  return useQuery({
    queryKey: attendanceKeys.cohort(cohortId),
    queryFn: ({ signal }) => api<Cohort>(cohortBase(cohortId), { signal }),
  });
}

export function useAttendanceGrid(cohortId: string) {
  return useQuery({
    queryKey: attendanceKeys.grid(cohortId),
    queryFn: ({ signal }) => api<AttendanceGrid>(`${cohortBase(cohortId)}/attendance`, { signal }),
  });
}

/** The roster and attendance of the cohort as a spreadsheet (the server audits the download). */
export function attendanceXlsxUrl(cohortId: string) {
  return `${cohortBase(cohortId)}/attendance.xlsx`;
}

/** The printable attendance list (daftar hadir) of one session. */
export function sessionPdfUrl(cohortId: string, sessionId: string) {
  return `${sessionBase(cohortId, sessionId)}/daftar-hadir.pdf`;
}

/**
 * Attendance changes rates shown elsewhere on the cohort page (roster, sessions): every query whose key
 * names this cohort is refreshed, whoever owns it.
 */
function useAfterChange(cohortId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey.includes(cohortId) });
}

export function useRecordAttendance(cohortId: string) {
  const afterChange = useAfterChange(cohortId);
  return useMutation({
    mutationFn: ({ sessionId, ...body }: RecordAttendanceRequest & { sessionId: string }) =>
      api<SessionAttendance>(`${sessionBase(cohortId, sessionId)}/attendance`, { method: 'PUT', body }),
    onSuccess: afterChange,
  });
}

export function useReopenAttendance(cohortId: string) {
  const afterChange = useAfterChange(cohortId);
  return useMutation({
    mutationFn: ({ sessionId, ...body }: ReopenAttendanceRequest & { sessionId: string }) =>
      api<unknown>(`${sessionBase(cohortId, sessionId)}/reopen`, { method: 'POST', body }),
    onSuccess: afterChange,
  });
}

import { useQuery } from '@tanstack/react-query';
import type { AuditList } from '../../../../shared/audit.ts';
import { api, toQueryString } from '../../../lib/api.ts';

export interface AuditFilter {
  username?: string;
  action?: string;
  subjectType?: string;
  subjectId?: string;
  /** yyyy-mm-dd, inclusive, Asia/Jakarta. */
  from?: string;
  to?: string;
}

export function useAuditEntries(filter: AuditFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: ['audit', filter, page, pageSize],
    queryFn: ({ signal }) => api<AuditList>('/api/audit', { query: { ...filter, page, pageSize }, signal }),
    placeholderData: (previous) => previous,
  });
}

/** A plain link downloads the CSV: the session cookie goes with it. */
export function auditExportUrl(filter: AuditFilter): string {
  return `/api/audit/export.csv${toQueryString({ ...filter })}`;
}

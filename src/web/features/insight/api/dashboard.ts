import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { DashboardQuery, DashboardResponse, InsightVillageList } from '../../../../shared/insight.ts';
import { api } from '../../../lib/api.ts';

export const insightKeys = {
  all: ['insight'] as const,
  dashboard: (query: DashboardQuery) => ['insight', 'dashboard', query] as const,
  villages: ['insight', 'villages'] as const,
};

/** The program dashboard for the filters (the server audits the view). */
export function useDashboard(query: DashboardQuery) {
  return useQuery({
    queryKey: insightKeys.dashboard(query),
    queryFn: ({ signal }) =>
      api<DashboardResponse>('/api/insight/dashboard', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    // Aggregates change slowly; a refetch on every focus would audit a view each time.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

/** The kelurahan the caller may open in insight (the kelurahan filter's choices). */
export function useInsightVillages(enabled = true) {
  return useQuery({
    queryKey: insightKeys.villages,
    queryFn: ({ signal }) => api<InsightVillageList>('/api/insight/villages', { signal }),
    staleTime: 5 * 60_000,
    enabled,
  });
}

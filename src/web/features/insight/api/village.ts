import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { VillageInsightResponse } from '../../../../shared/insight.ts';
import { api } from '../../../lib/api.ts';

export const villageInsightKeys = {
  detail: (villageId: string, months: number) => ['insight', 'village', villageId, months] as const,
};

/** One kelurahan's figures: people, opportunities, and sectors against upcoming releases within `months`. */
export function useVillageInsight(villageId: string, months: number) {
  return useQuery({
    queryKey: villageInsightKeys.detail(villageId, months),
    queryFn: ({ signal }) =>
      api<VillageInsightResponse>(`/api/insight/villages/${encodeURIComponent(villageId)}`, {
        query: { months },
        signal,
      }),
    placeholderData: keepPreviousData,
    // Each read is audited (insight.village_viewed): no refetch on every focus.
    refetchOnWindowFocus: false,
    staleTime: 60_000,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  UpdateVillageRequest,
  VillageDetail,
  VillageList,
  VillageRevisionList,
  VillageSectors,
} from '../../../../shared/villages.ts';
import { api } from '../../../lib/api.ts';

export const villageKeys = {
  all: ['villages'] as const,
  list: (q: string) => ['villages', 'list', q] as const,
  sectors: (villageId: string | null) => ['villages', 'sectors', villageId] as const,
  detail: (id: string) => ['villages', 'detail', id] as const,
  revisions: (id: string, page: number) => ['villages', 'revisions', id, page] as const,
};

export const villagePath = (id: string) => `/api/villages/${encodeURIComponent(id)}`;

/** The 16 kelurahan with their counts; `q` filters by name or code. */
export function useVillages(q: string) {
  return useQuery({
    queryKey: villageKeys.list(q),
    queryFn: ({ signal }) => api<VillageList>('/api/villages', { query: { q: q || undefined }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Per sector: potentials, needs, open opportunities and places, placed; of one kelurahan or of all. */
export function useVillageSectors(villageId: string | null = null) {
  return useQuery({
    queryKey: villageKeys.sectors(villageId),
    queryFn: ({ signal }) =>
      api<VillageSectors>('/api/villages/sectors', { query: { villageId: villageId ?? undefined }, signal }),
  });
}

export function useVillage(id: string) {
  return useQuery({
    queryKey: villageKeys.detail(id),
    queryFn: ({ signal }) => api<VillageDetail>(villagePath(id), { signal }),
  });
}

/** Saves the whole profile with the version read; the answer is the document as stored. */
export function useUpdateVillage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateVillageRequest) => api<VillageDetail>(villagePath(id), { method: 'PUT', body }),
    onSuccess: (village) => {
      queryClient.setQueryData(villageKeys.detail(village.id), village);
      void queryClient.invalidateQueries({ queryKey: ['villages', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['villages', 'sectors'] });
      void queryClient.invalidateQueries({ queryKey: ['villages', 'revisions', village.id] });
    },
  });
}

export const REVISIONS_PAGE_SIZE = 20;

/** Who changed what, newest first. */
export function useVillageRevisions(id: string, page: number) {
  return useQuery({
    queryKey: villageKeys.revisions(id, page),
    queryFn: ({ signal }) =>
      api<VillageRevisionList>(`${villagePath(id)}/revisions`, {
        query: { page, pageSize: REVISIONS_PAGE_SIZE },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePartnerRequest,
  PartnerDetail,
  PartnerList,
  PartnerListQuery,
  UpdatePartnerRequest,
} from '../../../../shared/partners.ts';
import { api } from '../../../lib/api.ts';

/** The directory's query as sent (the contract's page fields are coerced, hence typed loosely there). */
export type PartnerQuery = Omit<PartnerListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const partnerKeys = {
  all: ['partners'] as const,
  lists: ['partners', 'list'] as const,
  list: (query: PartnerQuery) => ['partners', 'list', query] as const,
  detail: (id: string) => ['partners', 'detail', id] as const,
};

const partnerPath = (id: string) => `/api/partners/${encodeURIComponent(id)}`;

export function usePartners(query: PartnerQuery, enabled = true) {
  return useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: ({ signal }) => api<PartnerList>('/api/partners', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function usePartner(id: string, enabled = true) {
  return useQuery({
    queryKey: partnerKeys.detail(id),
    queryFn: ({ signal }) => api<PartnerDetail>(partnerPath(id), { signal }),
    enabled: enabled && id !== '',
  });
}

function useStorePartner() {
  const queryClient = useQueryClient();
  return (partner: PartnerDetail) => {
    queryClient.setQueryData(partnerKeys.detail(partner.id), partner);
    void queryClient.invalidateQueries({ queryKey: partnerKeys.lists });
    // The directory of organizations (pickers, the organization pages) shows the name and address too.
    void queryClient.invalidateQueries({ queryKey: ['organizations'] });
  };
}

export function useCreatePartner() {
  const store = useStorePartner();
  return useMutation({
    mutationFn: (body: CreatePartnerRequest) => api<PartnerDetail>('/api/partners', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdatePartner(id: string) {
  const store = useStorePartner();
  return useMutation({
    mutationFn: (body: UpdatePartnerRequest) =>
      api<PartnerDetail>(partnerPath(id), { method: 'PATCH', body }),
    onSuccess: store,
  });
}

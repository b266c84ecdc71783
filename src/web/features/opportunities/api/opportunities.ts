import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateOpportunityRequest,
  Opportunity,
  OpportunityList,
  OpportunityListQuery,
  OpportunityRestrictionsRequest,
  OpportunityStatusRequest,
  PartnerCreateOpportunityRequest,
  PartnerUpdateOpportunityRequest,
  UpdateOpportunityRequest,
} from '../../../../shared/opportunities.ts';
import { api } from '../../../lib/api.ts';

/** The list's query as sent (the contract's page fields are coerced, hence typed loosely there). */
export type OpportunityQuery = Omit<OpportunityListQuery, 'page' | 'pageSize'> & {
  page: number;
  pageSize: number;
};

export const opportunityKeys = {
  all: ['opportunities'] as const,
  lists: ['opportunities', 'list'] as const,
  list: (query: OpportunityQuery) => ['opportunities', 'list', query] as const,
  detail: (id: string) => ['opportunities', 'detail', id] as const,
};

const opportunityPath = (id: string) => `/api/opportunities/${encodeURIComponent(id)}`;

export function useOpportunities(query: OpportunityQuery, enabled = true) {
  return useQuery({
    queryKey: opportunityKeys.list(query),
    queryFn: ({ signal }) => api<OpportunityList>('/api/opportunities', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useOpportunity(id: string) {
  return useQuery({
    queryKey: opportunityKeys.detail(id),
    queryFn: ({ signal }) => api<Opportunity>(opportunityPath(id), { signal }),
  });
}

/** Keeps the answer as the page's data and refreshes every list (places, status and titles show there). */
function useStoreOpportunity() {
  const queryClient = useQueryClient();
  return (opportunity: Opportunity) => {
    queryClient.setQueryData(opportunityKeys.detail(opportunity.id), opportunity);
    void queryClient.invalidateQueries({ queryKey: opportunityKeys.lists });
  };
}

export function useCreateOpportunity() {
  const store = useStoreOpportunity();
  return useMutation({
    mutationFn: (body: CreateOpportunityRequest | PartnerCreateOpportunityRequest) =>
      api<Opportunity>('/api/opportunities', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdateOpportunity(id: string) {
  const store = useStoreOpportunity();
  return useMutation({
    mutationFn: (body: UpdateOpportunityRequest | PartnerUpdateOpportunityRequest) =>
      api<Opportunity>(opportunityPath(id), { method: 'PATCH', body }),
    onSuccess: store,
  });
}

export function useChangeOpportunityStatus(id: string) {
  const store = useStoreOpportunity();
  return useMutation({
    mutationFn: (body: OpportunityStatusRequest) =>
      api<Opportunity>(`${opportunityPath(id)}/status`, { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useReviewRestrictions(id: string) {
  const store = useStoreOpportunity();
  return useMutation({
    mutationFn: (body: OpportunityRestrictionsRequest) =>
      api<Opportunity>(`${opportunityPath(id)}/restrictions`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

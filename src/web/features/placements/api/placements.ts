import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Opportunity, OpportunityList, OpportunityListQuery } from '../../../../shared/opportunities.ts';
import type {
  AdvancePlacementRequest,
  PersonPlacements,
  Placement,
  PlacementDetail,
  PlacementList,
  PlacementListQuery,
  ProposePlacementRequest,
} from '../../../../shared/placements.ts';
import { api } from '../../../lib/api.ts';

/** The opportunity list's filters as sent (page and size as numbers; the server's defaults otherwise). */
export type OpportunityOptionsQuery = Partial<Omit<OpportunityListQuery, 'page' | 'pageSize'>> & {
  page?: number;
  pageSize?: number;
};

export const placementKeys = {
  all: ['placements'] as const,
  list: (query: PlacementListQuery) => ['placements', 'list', query] as const,
  detail: (id: string) => ['placements', 'detail', id] as const,
  person: (personId: string) => ['placements', 'person', personId] as const,
  opportunityOptions: (query: OpportunityOptionsQuery) =>
    ['placements', 'opportunity-options', query] as const,
  opportunity: (id: string) => ['placements', 'opportunity', id] as const,
};

const placementPath = (id: string) => `/api/placements/${encodeURIComponent(id)}`;

/** The board: placements matching the filters (at most PLACEMENT_LIST_LIMIT), with counts per stage. */
export function usePlacements(query: PlacementListQuery, enabled = true) {
  return useQuery({
    queryKey: placementKeys.list(query),
    queryFn: ({ signal }) => api<PlacementList>('/api/placements', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Her placements (the person's tab), and whether the caller may propose her. */
export function usePersonPlacements(personId: string) {
  return useQuery({
    queryKey: placementKeys.person(personId),
    queryFn: ({ signal }) =>
      api<PersonPlacements>(`/api/people/${encodeURIComponent(personId)}/placements`, { signal }),
  });
}

/** One placement with its dated steps (asked only while its details are open). */
export function usePlacement(id: string | null) {
  return useQuery({
    queryKey: placementKeys.detail(id ?? ''),
    queryFn: ({ signal }) => api<PlacementDetail>(placementPath(id ?? ''), { signal }),
    enabled: id !== null,
  });
}

/**
 * Opportunities to choose from (the board's filter, the person's "propose" choice). Kept under the
 * placements' keys: a step or a proposal changes their places left.
 */
export function useOpportunityOptions(query: OpportunityOptionsQuery, enabled = true) {
  return useQuery({
    queryKey: placementKeys.opportunityOptions(query),
    queryFn: ({ signal }) =>
      api<OpportunityList>('/api/opportunities', { query: { pageSize: 100, ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** The opportunity a proposal is for: its title and partner in the proposal's dialog. */
export function useOpportunitySummary(id: string, enabled: boolean) {
  return useQuery({
    queryKey: placementKeys.opportunity(id),
    queryFn: ({ signal }) => api<Opportunity>(`/api/opportunities/${encodeURIComponent(id)}`, { signal }),
    enabled,
  });
}

/**
 * A proposal or a step shows on every board, her tab and timeline, and in the opportunity's places and
 * status (filled), its kelurahan's and partner's counts.
 */
export function useAfterPlacementChange() {
  const queryClient = useQueryClient();
  return (personId: string | null) => {
    void queryClient.invalidateQueries({ queryKey: placementKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['opportunities'] });
    void queryClient.invalidateQueries({ queryKey: ['villages'] });
    void queryClient.invalidateQueries({ queryKey: ['partners'] });
    if (personId) void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', personId] });
  };
}

export function useProposePlacement() {
  const afterChange = useAfterPlacementChange();
  return useMutation({
    mutationFn: (body: ProposePlacementRequest) =>
      api<Placement>('/api/placements', { method: 'POST', body }),
    onSuccess: (_placement, body) => afterChange(body.personId),
  });
}

export function useAdvancePlacement() {
  const afterChange = useAfterPlacementChange();
  return useMutation({
    mutationFn: ({ placementId, ...body }: AdvancePlacementRequest & { placementId: string }) =>
      api<PlacementDetail>(`${placementPath(placementId)}/steps`, { method: 'POST', body }),
    onSuccess: (placement) => afterChange(placement.person?.id ?? null),
  });
}

/** Reloads every list and detail after someone else changed a placement first. */
export function useReloadPlacements() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: placementKeys.all });
}

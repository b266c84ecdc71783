import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdjustPlanItemRequest,
  AdjustPlanItemResponse,
  CreatePlanRequest,
  DecidePlanRequest,
  PlanDetail,
  PlanList,
  PlanSummary,
} from '../../../../shared/placementPlans.ts';
import type { PersonRecommendations } from '../../../../shared/recommendations.ts';
import { api } from '../../../lib/api.ts';

export const planKeys = {
  all: ['plans'] as const,
  list: () => ['plans', 'list'] as const,
  detail: (id: string) => ['plans', 'detail', id] as const,
  /** Her recommendations, as the choices of a new place (kept under the plans: a change moves places). */
  options: (personId: string) => ['plans', 'options', personId] as const,
};

const planPath = (id: string) => `/api/plans/${encodeURIComponent(id)}`;

/** The plans of the caller's organization, newest first. */
export function usePlans() {
  return useQuery({
    queryKey: planKeys.list(),
    queryFn: ({ signal }) => api<PlanList>('/api/plans', { signal }),
  });
}

/** One plan with its items (the server audits the view). */
export function usePlan(id: string) {
  return useQuery({
    queryKey: planKeys.detail(id),
    queryFn: ({ signal }) => api<PlanDetail>(planPath(id), { signal }),
  });
}

/** The opportunities that suit her now: the places an officer may move her to (asked while the dialog is open). */
export function usePlanOptions(personId: string | null) {
  return useQuery({
    queryKey: planKeys.options(personId ?? ''),
    queryFn: ({ signal }) =>
      api<PersonRecommendations>(`/api/people/${encodeURIComponent(personId ?? '')}/recommendations`, {
        signal,
      }),
    enabled: personId !== null,
  });
}

export function useCreatePlan() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePlanRequest) => api<PlanSummary>('/api/plans', { method: 'POST', body }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planKeys.list() }),
  });
}

export function useAdjustPlanItem(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, ...body }: AdjustPlanItemRequest & { itemId: string }) =>
      api<AdjustPlanItemResponse>(`${planPath(planId)}/items/${encodeURIComponent(itemId)}`, {
        method: 'PATCH',
        body,
      }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: planKeys.all }),
  });
}

/**
 * Accepting makes proposals: the boards, her placements and the opportunities' places change too. Discarding
 * changes only the plans.
 */
export function useDecidePlan(planId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ decision, ...body }: DecidePlanRequest & { decision: 'accept' | 'discard' }) =>
      api<PlanSummary>(`${planPath(planId)}/${decision}`, { method: 'POST', body }),
    onSuccess: (_plan, { decision }) => {
      void queryClient.invalidateQueries({ queryKey: planKeys.all });
      if (decision === 'accept') {
        for (const key of ['placements', 'opportunities', 'villages', 'partners', 'people'])
          void queryClient.invalidateQueries({ queryKey: [key] });
      }
    },
  });
}

/** Reloads the plan and the list after someone else changed the plan first. */
export function useReloadPlans() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: planKeys.all });
}

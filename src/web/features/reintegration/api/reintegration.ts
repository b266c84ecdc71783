import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateGoalRequest,
  CreateNeedRequest,
  CreateReintegrationPlanRequest,
  CreateReviewRequest,
  Pathway,
  PutGoalStepsRequest,
  ReintegrationPlanView,
  UpdateGoalRequest,
  UpdateGoalStepRequest,
  UpdateNeedRequest,
  UpdatePathwayRequest,
  UpdateReintegrationPlanRequest,
} from '../../../../shared/reintegration.ts';
import { api } from '../../../lib/api.ts';

export const reintegrationKeys = {
  all: ['reintegration'] as const,
  plan: (personId: string) => ['reintegration', 'plan', personId] as const,
};

const planPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/reintegration-plan`;

/** The address of the plan's PDF (an attachment in the caller's language; the server audits it). */
export const planPdfPath = (personId: string) =>
  `/api/people/${encodeURIComponent(personId)}/reintegration-plan.pdf`;

/** Her plan (or null) with its completeness and what the caller may do (the server audits the view). */
export function useReintegrationPlan(personId: string) {
  return useQuery({
    queryKey: reintegrationKeys.plan(personId),
    queryFn: ({ signal }) => api<ReintegrationPlanView>(planPath(personId), { signal }),
  });
}

/**
 * Every change answers the whole plan: it replaces the cached one at once (no second request). Other
 * screens that show its completeness (the pre-release dashboard, tasks, the handover) are asked again.
 */
function usePlanChange<Body>(personId: string, request: (body: Body) => Promise<ReintegrationPlanView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (view) => {
      queryClient.setQueryData(reintegrationKeys.plan(personId), view);
      for (const key of ['prerelease', 'tasks', 'handovers'])
        void queryClient.invalidateQueries({ queryKey: [key] });
    },
  });
}

export function useCreateReintegrationPlan(personId: string) {
  return usePlanChange(personId, (body: CreateReintegrationPlanRequest) =>
    api<ReintegrationPlanView>(planPath(personId), { method: 'POST', body }),
  );
}

export function useUpdateReintegrationPlan(personId: string) {
  return usePlanChange(personId, (body: UpdateReintegrationPlanRequest) =>
    api<ReintegrationPlanView>(planPath(personId), { method: 'PATCH', body }),
  );
}

export function useUpdatePathway(personId: string) {
  return usePlanChange(personId, ({ pathway, ...body }: UpdatePathwayRequest & { pathway: Pathway }) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/pathways/${pathway}`, { method: 'PUT', body }),
  );
}

export function useCreateNeed(personId: string) {
  return usePlanChange(personId, (body: CreateNeedRequest) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/needs`, { method: 'POST', body }),
  );
}

export function useUpdateNeed(personId: string) {
  return usePlanChange(personId, ({ needId, ...body }: UpdateNeedRequest & { needId: string }) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/needs/${encodeURIComponent(needId)}`, {
      method: 'PATCH',
      body,
    }),
  );
}

export function useCreateGoal(personId: string) {
  return usePlanChange(personId, (body: CreateGoalRequest) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/goals`, { method: 'POST', body }),
  );
}

export function useUpdateGoal(personId: string) {
  return usePlanChange(personId, ({ goalId, ...body }: UpdateGoalRequest & { goalId: string }) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/goals/${encodeURIComponent(goalId)}`, {
      method: 'PATCH',
      body,
    }),
  );
}

export function usePutGoalSteps(personId: string) {
  return usePlanChange(personId, ({ goalId, ...body }: PutGoalStepsRequest & { goalId: string }) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/goals/${encodeURIComponent(goalId)}/steps`, {
      method: 'PUT',
      body,
    }),
  );
}

export function useUpdateGoalStep(personId: string) {
  return usePlanChange(
    personId,
    ({ goalId, stepId, ...body }: UpdateGoalStepRequest & { goalId: string; stepId: string }) =>
      api<ReintegrationPlanView>(
        `${planPath(personId)}/goals/${encodeURIComponent(goalId)}/steps/${encodeURIComponent(stepId)}`,
        { method: 'PATCH', body },
      ),
  );
}

export function useCreateReview(personId: string) {
  return usePlanChange(personId, (body: CreateReviewRequest) =>
    api<ReintegrationPlanView>(`${planPath(personId)}/reviews`, { method: 'POST', body }),
  );
}

/** Reloads her plan after someone else changed it first. */
export function useReloadPlan(personId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reintegrationKeys.plan(personId) });
}

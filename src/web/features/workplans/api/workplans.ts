import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateWorkPlanRequest,
  SaveWorkPlanActivityRequest,
  SaveWorkPlanTargetRequest,
  UpdateWorkPlanRequest,
  WorkPlan,
  WorkPlanList,
  WorkPlanListQuery,
  WorkPlanOptions,
} from '../../../../shared/workplans.ts';
import { api } from '../../../lib/api.ts';

/** The list's query as sent (the contract's page fields are coerced, hence typed loosely there). */
export type WorkPlanQuery = Omit<WorkPlanListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const workPlanKeys = {
  all: ['work-plans'] as const,
  lists: ['work-plans', 'list'] as const,
  list: (query: WorkPlanQuery) => ['work-plans', 'list', query] as const,
  detail: (id: string) => ['work-plans', 'detail', id] as const,
  options: (agreementId: string | undefined) => ['work-plans', 'options', agreementId ?? null] as const,
};

const workPlanPath = (id: string) => `/api/work-plans/${encodeURIComponent(id)}`;

/** The plan as PDF or spreadsheet (the server audits the download). */
export const workPlanExportPath = (id: string, format: 'pdf' | 'xlsx') =>
  `${workPlanPath(id)}/export.${format}`;

export function useWorkPlans(query: WorkPlanQuery) {
  return useQuery({
    queryKey: workPlanKeys.list(query),
    queryFn: ({ signal }) => api<WorkPlanList>('/api/work-plans', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWorkPlan(id: string) {
  return useQuery({
    queryKey: workPlanKeys.detail(id),
    queryFn: ({ signal }) => api<WorkPlan>(workPlanPath(id), { signal }),
  });
}

/** The choices of the forms: the caller's agreements, the directory, and the cohorts of one agreement. */
export function useWorkPlanOptions(agreementId?: string, enabled = true) {
  return useQuery({
    queryKey: workPlanKeys.options(agreementId),
    queryFn: ({ signal }) =>
      api<WorkPlanOptions>('/api/work-plans/options', { query: { agreementId }, signal }),
    staleTime: 60_000,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Every change answers the whole plan: it becomes the page's data, and the lists refresh. */
function useStoreWorkPlan() {
  const queryClient = useQueryClient();
  return (plan: WorkPlan) => {
    queryClient.setQueryData(workPlanKeys.detail(plan.id), plan);
    void queryClient.invalidateQueries({ queryKey: workPlanKeys.lists });
  };
}

export function useCreateWorkPlan() {
  const store = useStoreWorkPlan();
  return useMutation({
    mutationFn: (body: CreateWorkPlanRequest) => api<WorkPlan>('/api/work-plans', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdateWorkPlan(id: string) {
  const store = useStoreWorkPlan();
  return useMutation({
    mutationFn: (body: UpdateWorkPlanRequest) => api<WorkPlan>(workPlanPath(id), { method: 'PUT', body }),
    onSuccess: store,
  });
}

/** Adds an activity (no id) or saves one (with its id and the activity's version in the body). */
export function useSaveActivity(workPlanId: string) {
  const store = useStoreWorkPlan();
  return useMutation({
    mutationFn: ({ activityId, body }: { activityId: string | null; body: SaveWorkPlanActivityRequest }) =>
      activityId
        ? api<WorkPlan>(`${workPlanPath(workPlanId)}/activities/${encodeURIComponent(activityId)}`, {
            method: 'PUT',
            body,
          })
        : api<WorkPlan>(`${workPlanPath(workPlanId)}/activities`, { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useRemoveActivity(workPlanId: string) {
  const store = useStoreWorkPlan();
  return useMutation({
    mutationFn: ({ activityId, version }: { activityId: string; version: number }) =>
      api<WorkPlan>(`${workPlanPath(workPlanId)}/activities/${encodeURIComponent(activityId)}`, {
        method: 'DELETE',
        query: { version },
      }),
    onSuccess: store,
  });
}

/** Adds a target (no id) or saves one (with its id and the target's version in the body). */
export function useSaveTarget(workPlanId: string) {
  const store = useStoreWorkPlan();
  return useMutation({
    mutationFn: ({ targetId, body }: { targetId: string | null; body: SaveWorkPlanTargetRequest }) =>
      targetId
        ? api<WorkPlan>(`${workPlanPath(workPlanId)}/targets/${encodeURIComponent(targetId)}`, {
            method: 'PUT',
            body,
          })
        : api<WorkPlan>(`${workPlanPath(workPlanId)}/targets`, { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useRemoveTarget(workPlanId: string) {
  const store = useStoreWorkPlan();
  return useMutation({
    mutationFn: ({ targetId, version }: { targetId: string; version: number }) =>
      api<WorkPlan>(`${workPlanPath(workPlanId)}/targets/${encodeURIComponent(targetId)}`, {
        method: 'DELETE',
        query: { version },
      }),
    onSuccess: store,
  });
}

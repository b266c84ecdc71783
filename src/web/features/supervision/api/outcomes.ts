import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CohortQuery,
  CohortResponse,
  OutcomeCheck,
  PersonOutcomes,
  RecordOutcomeRequest,
  UpdateOutcomeRequest,
} from '../../../../shared/outcomes.ts';
import { api } from '../../../lib/api.ts';

export const outcomeKeys = {
  all: ['outcomes'] as const,
  person: (personId: string) => ['outcomes', 'person', personId] as const,
  cohorts: (query: CohortQuery) => ['outcomes', 'cohorts', query] as const,
};

const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/outcomes`;

/** Her four outcome windows with their checks (the server audits the view). */
export function usePersonOutcomes(personId: string, enabled = true) {
  return useQuery({
    queryKey: outcomeKeys.person(personId),
    queryFn: ({ signal }) => api<PersonOutcomes>(personPath(personId), { signal }),
    enabled,
  });
}

/** Records a window's check (POST) or replaces the answers of a recorded one (PATCH with its version). */
export function useSaveOutcome(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (
      input:
        | { kind: 'create'; body: RecordOutcomeRequest }
        | { kind: 'update'; checkId: string; body: UpdateOutcomeRequest },
    ) =>
      input.kind === 'create'
        ? api<OutcomeCheck>(personPath(personId), { method: 'POST', body: input.body })
        : api<OutcomeCheck>(`${personPath(personId)}/${encodeURIComponent(input.checkId)}`, {
            method: 'PATCH',
            body: input.body,
          }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: outcomeKeys.all });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

/** Outcomes by release cohort: counts only (the server audits the view). */
export function useOutcomeCohorts(query: CohortQuery = {}) {
  return useQuery({
    queryKey: outcomeKeys.cohorts(query),
    queryFn: ({ signal }) => api<CohortResponse>('/api/outcomes/cohorts', { signal, query: { ...query } }),
  });
}

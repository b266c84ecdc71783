import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Certificate,
  CohortResults,
  CreateCertificateRequest,
  RecordResultsRequest,
} from '../../../../shared/results.ts';
import { api } from '../../../lib/api.ts';

// Results of one cohort: competency assessments per person and unit, and certificates.

export const resultsKeys = {
  results: (cohortId: string) => ['cohorts', 'results', cohortId] as const,
};

const base = (cohortId: string) => `/api/training/cohorts/${encodeURIComponent(cohortId)}/results`;

export function useCohortResults(cohortId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: resultsKeys.results(cohortId),
    queryFn: ({ signal }) => api<CohortResults>(base(cohortId), { signal }),
    enabled: options.enabled ?? true,
  });
}

/** Results and certificates raise her skills: her person page (training, timeline) is refreshed too. */
function useAfterChange(cohortId: string) {
  const queryClient = useQueryClient();
  return (personIds: readonly string[]) =>
    queryClient.invalidateQueries({
      predicate: (query) =>
        query.queryKey.includes(cohortId) || personIds.some((id) => query.queryKey.includes(id)),
    });
}

export function useRecordResults(cohortId: string) {
  const queryClient = useQueryClient();
  const afterChange = useAfterChange(cohortId);
  return useMutation({
    mutationFn: (body: RecordResultsRequest & { personIds: readonly string[] }) =>
      api<CohortResults>(base(cohortId), { method: 'PUT', body: { items: body.items } }),
    onSuccess: (results, body) => {
      queryClient.setQueryData(resultsKeys.results(cohortId), results);
      void afterChange(body.personIds);
    },
  });
}

export function useCreateCertificate(cohortId: string) {
  const afterChange = useAfterChange(cohortId);
  return useMutation({
    mutationFn: (body: CreateCertificateRequest) =>
      api<Certificate>('/api/training/certificates', { method: 'POST', body }),
    onSuccess: (certificate) => afterChange([certificate.personId]),
  });
}

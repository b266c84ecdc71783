import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateEnrolmentRequest,
  Enrolment,
  EnrolmentDecisionRequest,
  EnrolmentList,
  WithdrawEnrolmentRequest,
} from '../../../../shared/enrolments.ts';
import type { PersonTraining } from '../../../../shared/personTraining.ts';
import { api } from '../../../lib/api.ts';

/** The waitlist's query as the API takes it: `status` is one status or several, comma-separated. */
export interface EnrolmentQuery {
  programId?: string;
  cohortId?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize: number;
}

export const enrolmentKeys = {
  all: ['training', 'enrolments'] as const,
  list: (query: EnrolmentQuery) => ['training', 'enrolments', 'list', query] as const,
  person: (personId: string) => ['training', 'person', personId] as const,
};

const enrolmentPath = (id: string) => `/api/training/enrolments/${encodeURIComponent(id)}`;

export function useEnrolments(query: EnrolmentQuery) {
  return useQuery({
    queryKey: enrolmentKeys.list(query),
    queryFn: ({ signal }) => api<EnrolmentList>('/api/training/enrolments', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePersonTraining(personId: string) {
  return useQuery({
    queryKey: enrolmentKeys.person(personId),
    queryFn: ({ signal }) =>
      api<PersonTraining>(`/api/people/${encodeURIComponent(personId)}/training`, { signal }),
  });
}

/** A change to a request shows on the waitlist, the program's counts, her training tab and her timeline. */
function useAfterChange() {
  const queryClient = useQueryClient();
  return (enrolment: Enrolment) => {
    void queryClient.invalidateQueries({ queryKey: enrolmentKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['training', 'programs'] });
    void queryClient.invalidateQueries({ queryKey: enrolmentKeys.person(enrolment.personId) });
    void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', enrolment.personId] });
  };
}

export function useCreateEnrolment() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: (body: CreateEnrolmentRequest) =>
      api<Enrolment>('/api/training/enrolments', { method: 'POST', body }),
    onSuccess: afterChange,
  });
}

export function useDecideEnrolment() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: ({ enrolmentId, ...body }: EnrolmentDecisionRequest & { enrolmentId: string }) =>
      api<Enrolment>(`${enrolmentPath(enrolmentId)}/decision`, { method: 'POST', body }),
    onSuccess: afterChange,
  });
}

export function useWithdrawEnrolment() {
  const afterChange = useAfterChange();
  return useMutation({
    mutationFn: ({ enrolmentId, ...body }: WithdrawEnrolmentRequest & { enrolmentId: string }) =>
      api<Enrolment>(`${enrolmentPath(enrolmentId)}/withdraw`, { method: 'POST', body }),
    onSuccess: afterChange,
  });
}

/** Reloads the waitlist after someone else changed an entry first. */
export function useReloadEnrolments() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: enrolmentKeys.all });
}

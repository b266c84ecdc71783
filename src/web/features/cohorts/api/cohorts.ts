import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddSessionRequest,
  CancelSessionRequest,
  Cohort,
  CohortList,
  CohortListQuery,
  CohortStatusRequest,
  CreateCohortRequest,
  Roster,
  Session,
  SessionList,
  UpdateCohortRequest,
} from '../../../../shared/cohorts.ts';
import type {
  AllocationRequest,
  AllocationResult,
  DeallocateRequest,
  Enrolment,
  EnrolmentList,
  SuitabilityList,
  SuitabilityRequest,
} from '../../../../shared/enrolments.ts';
import type { InstructorOptions, Program, ProgramList } from '../../../../shared/programs.ts';
import { api } from '../../../lib/api.ts';

// Cohorts, their sessions and roster, and allocation from the program's waitlist. The attendance grid and
// results (H5b) keep their own keys under ['cohorts', …, cohortId] so that one invalidation of a cohort
// reaches everything shown on its page.

export const cohortsKeys = {
  all: ['cohorts'] as const,
  list: (query: CohortListQuery) => ['cohorts', 'list', query] as const,
  detail: (id: string) => ['cohorts', 'detail', id] as const,
  sessions: (id: string) => ['cohorts', 'sessions', id] as const,
  roster: (id: string) => ['cohorts', 'roster', id] as const,
  waitlist: (programId: string, q: string) => ['cohorts', 'waitlist', programId, q] as const,
  programs: ['cohorts', 'programOptions'] as const,
  program: (id: string) => ['cohorts', 'program', id] as const,
  instructors: (providerId: string) => ['cohorts', 'instructorOptions', providerId] as const,
};

const COHORTS = '/api/training/cohorts';
export const cohortPath = (id: string) => `${COHORTS}/${encodeURIComponent(id)}`;

export function useCohorts(query: CohortListQuery) {
  return useQuery({
    queryKey: cohortsKeys.list(query),
    queryFn: ({ signal }) => api<CohortList>(COHORTS, { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCohort(id: string) {
  return useQuery({
    queryKey: cohortsKeys.detail(id),
    queryFn: ({ signal }) => api<Cohort>(cohortPath(id), { signal }),
  });
}

export function useSessions(cohortId: string) {
  return useQuery({
    queryKey: cohortsKeys.sessions(cohortId),
    queryFn: ({ signal }) => api<SessionList>(`${cohortPath(cohortId)}/sessions`, { signal }),
  });
}

export function useRoster(cohortId: string) {
  return useQuery({
    queryKey: cohortsKeys.roster(cohortId),
    queryFn: ({ signal }) => api<Roster>(`${cohortPath(cohortId)}/roster`, { signal }),
  });
}

/**
 * Everything shown about one cohort (its page, its tabs: also the attendance grid and results, whose keys
 * carry the cohort id), the cohort lists, and the training screens that count cohorts and allocations.
 */
function useRefreshCohort() {
  const queryClient = useQueryClient();
  return (cohortId: string, cohort?: Cohort) => {
    if (cohort) queryClient.setQueryData(cohortsKeys.detail(cohortId), cohort);
    const detail = cohortsKeys.detail(cohortId);
    void queryClient.invalidateQueries({
      predicate: (query) => {
        const key = query.queryKey;
        if (cohort && key.length === detail.length && key.every((part, index) => part === detail[index]))
          return false;
        return (key[0] === 'cohorts' && key[1] === 'list') || key.includes(cohortId);
      },
    });
    void queryClient.invalidateQueries({ queryKey: ['training'] });
  };
}

/** The waitlist changes with an allocation: the dialog's list and the waitlist screens. */
function useRefreshWaitlist() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: ['cohorts', 'waitlist'] });
}

export function useCreateCohort() {
  const refresh = useRefreshCohort();
  return useMutation({
    mutationFn: (body: CreateCohortRequest) => api<Cohort>(COHORTS, { method: 'POST', body }),
    onSuccess: (cohort) => refresh(cohort.id, cohort),
  });
}

export function useUpdateCohort(cohortId: string) {
  const refresh = useRefreshCohort();
  return useMutation({
    mutationFn: (body: UpdateCohortRequest) => api<Cohort>(cohortPath(cohortId), { method: 'PATCH', body }),
    onSuccess: (cohort) => refresh(cohortId, cohort),
  });
}

export function useChangeCohortStatus(cohortId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshCohort();
  const refreshWaitlist = useRefreshWaitlist();
  return useMutation({
    mutationFn: (body: CohortStatusRequest) =>
      api<Cohort>(`${cohortPath(cohortId)}/status`, { method: 'POST', body }),
    onSuccess: (cohort) => {
      refresh(cohortId, cohort);
      refreshWaitlist();
      // Completing a cohort raises the participants' skills and writes their timelines.
      void queryClient.invalidateQueries({ queryKey: ['people'] });
    },
  });
}

export function useAddSession(cohortId: string) {
  const refresh = useRefreshCohort();
  return useMutation({
    mutationFn: (body: AddSessionRequest) =>
      api<Session>(`${cohortPath(cohortId)}/sessions`, { method: 'POST', body }),
    onSuccess: () => refresh(cohortId),
  });
}

export function useCancelSession(cohortId: string) {
  const refresh = useRefreshCohort();
  return useMutation({
    mutationFn: ({ sessionId, ...body }: CancelSessionRequest & { sessionId: string }) =>
      api<Session>(`${cohortPath(cohortId)}/sessions/${encodeURIComponent(sessionId)}/cancel`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => refresh(cohortId),
  });
}

const WAITLIST_PAGE_SIZE = 200;

/** The program's open requests (pending or approved) not yet allocated, for the allocation dialog. */
export function useWaitlist(programId: string, q: string, enabled: boolean) {
  return useQuery({
    queryKey: cohortsKeys.waitlist(programId, q),
    queryFn: ({ signal }) =>
      api<EnrolmentList>('/api/training/enrolments', {
        query: { programId, status: 'pending,approved', q: q || undefined, pageSize: WAITLIST_PAGE_SIZE },
        signal,
      }),
    enabled,
    placeholderData: keepPreviousData,
  });
}

export function useSuitability(cohortId: string) {
  return useMutation({
    mutationFn: (body: SuitabilityRequest) =>
      api<SuitabilityList>(`${cohortPath(cohortId)}/suitability`, { method: 'POST', body }),
  });
}

export function useAllocate(cohortId: string) {
  const refresh = useRefreshCohort();
  const refreshWaitlist = useRefreshWaitlist();
  return useMutation({
    mutationFn: (body: AllocationRequest) =>
      api<AllocationResult>(`${cohortPath(cohortId)}/allocations`, { method: 'POST', body }),
    onSuccess: () => {
      refresh(cohortId);
      refreshWaitlist();
    },
  });
}

/**
 * The enrolment behind a roster row, for its version (a deallocation sends the version it read). Looked up
 * when the officer opens the dialog, so the version is fresh.
 */
export function useDeallocate(cohortId: string) {
  const refresh = useRefreshCohort();
  const refreshWaitlist = useRefreshWaitlist();
  return useMutation({
    mutationFn: ({ enrolmentId, ...body }: DeallocateRequest & { enrolmentId: string }) =>
      api<Enrolment>(`/api/training/enrolments/${encodeURIComponent(enrolmentId)}/deallocate`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => {
      refresh(cohortId);
      refreshWaitlist();
    },
  });
}

/** Active programs of the prison, for the program select (list filter and form). */
export function useProgramOptions(enabled = true) {
  return useQuery({
    enabled,
    queryKey: cohortsKeys.programs,
    queryFn: ({ signal }) => api<ProgramList>('/api/training/programs', { query: { pageSize: 200 }, signal }),
    staleTime: 60_000,
  });
}

export function useProgram(programId: string | null) {
  return useQuery({
    queryKey: cohortsKeys.program(programId ?? ''),
    queryFn: ({ signal }) =>
      api<Program>(`/api/training/programs/${encodeURIComponent(programId ?? '')}`, { signal }),
    enabled: Boolean(programId),
    staleTime: 60_000,
  });
}

/** Accounts that may teach a program: the prison's staff and the provider partner's staff. */
export function useInstructorOptions(providerOrganizationId: string | null) {
  return useQuery({
    queryKey: cohortsKeys.instructors(providerOrganizationId ?? ''),
    queryFn: ({ signal }) =>
      api<InstructorOptions>('/api/training/instructor-options', {
        query: { providerOrganizationId: providerOrganizationId ?? undefined },
        signal,
      }),
    enabled: Boolean(providerOrganizationId),
    staleTime: 60_000,
  });
}

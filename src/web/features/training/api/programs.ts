import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CohortList } from '../../../../shared/cohorts.ts';
import type {
  CreateProgramRequest,
  InstructorOptions,
  Program,
  ProgramList,
  ProgramListQuery,
  UpdateProgramRequest,
} from '../../../../shared/programs.ts';
import { api } from '../../../lib/api.ts';

/** The catalogue's query as sent (the contract's page fields are coerced, hence typed loosely there). */
export type ProgramQuery = Omit<ProgramListQuery, 'page' | 'pageSize'> & { page: number; pageSize: number };

export const programKeys = {
  all: ['training', 'programs'] as const,
  list: (query: ProgramQuery) => ['training', 'programs', 'list', query] as const,
  detail: (id: string) => ['training', 'programs', 'detail', id] as const,
  instructors: (providerId: string | null) => ['training', 'instructor-options', providerId] as const,
};

const programPath = (id: string) => `/api/training/programs/${encodeURIComponent(id)}`;

export function usePrograms(query: ProgramQuery) {
  return useQuery({
    queryKey: programKeys.list(query),
    queryFn: ({ signal }) => api<ProgramList>('/api/training/programs', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Active programs for a picker (the request modal): the first 200 by name are plenty for one prison. */
export function useProgramOptions(enabled = true) {
  return useQuery({
    queryKey: programKeys.list({ active: 'true', page: 1, pageSize: 200 }),
    queryFn: ({ signal }) =>
      api<ProgramList>('/api/training/programs', {
        query: { active: 'true', page: 1, pageSize: 200 },
        signal,
      }),
    enabled,
    staleTime: 60_000,
  });
}

export function useProgram(id: string) {
  return useQuery({
    queryKey: programKeys.detail(id),
    queryFn: ({ signal }) => api<Program>(programPath(id), { signal }),
  });
}

function useStoreProgram() {
  const queryClient = useQueryClient();
  return (program: Program) => {
    queryClient.setQueryData(programKeys.detail(program.id), program);
    void queryClient.invalidateQueries({ queryKey: ['training', 'programs', 'list'] });
  };
}

export function useCreateProgram() {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: CreateProgramRequest) =>
      api<Program>('/api/training/programs', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdateProgram(id: string) {
  const store = useStoreProgram();
  return useMutation({
    mutationFn: (body: UpdateProgramRequest) => api<Program>(programPath(id), { method: 'PATCH', body }),
    onSuccess: store,
  });
}

/** The prison's own staff, and the provider partner's staff when one is chosen. */
export function useInstructorOptions(providerOrganizationId: string | null) {
  return useQuery({
    queryKey: programKeys.instructors(providerOrganizationId),
    queryFn: ({ signal }) =>
      api<InstructorOptions>('/api/training/instructor-options', {
        query: { providerOrganizationId: providerOrganizationId ?? undefined },
        signal,
      }),
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

/** The cohorts of one program, newest first as the server orders them. */
export function useProgramCohorts(programId: string) {
  return useQuery({
    queryKey: ['training', 'cohorts', 'list', { programId }],
    queryFn: ({ signal }) =>
      api<CohortList>('/api/training/cohorts', { query: { programId, page: 1, pageSize: 100 }, signal }),
  });
}

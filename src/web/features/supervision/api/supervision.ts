import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CaseloadQuery,
  CaseloadResponse,
  EscalateRequest,
  PersonSupervision,
  RecordSessionRequest,
  RecordSessionResponse,
  ResolveEscalationRequest,
  SaveScheduleRequest,
  SupervisionEscalation,
  SupervisionSchedule,
  UpdateSessionRequest,
} from '../../../../shared/supervision.ts';
import { api } from '../../../lib/api.ts';

/** The caseload's filters as the page builds them (the API's query, with plain numbers). */
export type CaseloadFilters = Omit<CaseloadQuery, 'page' | 'pageSize'> & { page?: number; pageSize?: number };

export const supervisionKeys = {
  all: ['supervision'] as const,
  caseload: (query: CaseloadFilters) => ['supervision', 'caseload', query] as const,
  person: (personId: string) => ['supervision', 'person', personId] as const,
};

const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/supervision`;

/** The caller's clients (a PK her own; a Bapas head all of Bapas). The server audits the list. */
export function useCaseload(query: CaseloadFilters) {
  return useQuery({
    queryKey: supervisionKeys.caseload(query),
    queryFn: ({ signal }) =>
      api<CaseloadResponse>('/api/supervision/caseload', {
        signal,
        query: {
          scope: query.scope,
          status: query.status,
          q: query.q,
          sort: query.sort,
          order: query.order,
          page: query.page,
          pageSize: query.pageSize,
        },
      }),
    placeholderData: keepPreviousData,
  });
}

/** One client's supervision: schedule, sessions, escalations (the server audits the view). */
export function usePersonSupervision(personId: string, enabled = true) {
  return useQuery({
    queryKey: supervisionKeys.person(personId),
    queryFn: ({ signal }) => api<PersonSupervision>(personPath(personId), { signal }),
    enabled,
  });
}

function useInvalidateSupervision() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: supervisionKeys.all });
    // The tasks (visits due, escalations) and the person's timeline follow from supervision.
    void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    void queryClient.invalidateQueries({ queryKey: ['notifications'] });
  };
}

export function useSaveSchedule(personId: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: SaveScheduleRequest) =>
      api<SupervisionSchedule>(`${personPath(personId)}/schedule`, { method: 'PUT', body }),
    onSuccess: invalidate,
  });
}

/** Sends a visit; the same clientKey twice records it once (the answer then says `replayed`). */
export function sendSession(personId: string, body: RecordSessionRequest) {
  return api<RecordSessionResponse>(`${personPath(personId)}/sessions`, { method: 'POST', body });
}

export function useUpdateSession(personId: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ sessionId, ...body }: UpdateSessionRequest & { sessionId: string }) =>
      api<RecordSessionResponse>(`${personPath(personId)}/sessions/${encodeURIComponent(sessionId)}`, {
        method: 'PATCH',
        body,
      }),
    onSuccess: invalidate,
  });
}

export function useEscalate(personId: string) {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: (body: EscalateRequest) =>
      api<SupervisionEscalation>(`${personPath(personId)}/escalations`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useResolveEscalation() {
  const invalidate = useInvalidateSupervision();
  return useMutation({
    mutationFn: ({ escalationId, ...body }: ResolveEscalationRequest & { escalationId: string }) =>
      api<SupervisionEscalation>(`/api/supervision/escalations/${encodeURIComponent(escalationId)}/resolve`, {
        method: 'POST',
        body,
      }),
    onSuccess: invalidate,
  });
}

/** After a visit was accepted (also when sent from the device's draft): everything that follows from it. */
export function useAfterSessionRecorded() {
  return useInvalidateSupervision();
}

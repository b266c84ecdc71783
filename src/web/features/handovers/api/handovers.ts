import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AcceptHandoverRequest,
  CancelHandoverRequest,
  ChangeOfficerRequest,
  Handover,
  HandoverList,
  HandoverListQuery,
  HandoverOfficers,
  PersonHandovers,
  ReturnHandoverRequest,
  SendHandoverRequest,
} from '../../../../shared/handovers.ts';
import type { PrereleaseList, PrereleaseQuery } from '../../../../shared/prerelease.ts';
import { api } from '../../../lib/api.ts';

/** The list's query as the web builds it (every part optional; the server fills in the defaults). */
export type HandoverFilter = Partial<z.output<typeof HandoverListQuery>>;
/** The dashboard's query as the web builds it. */
export type PrereleaseFilter = Partial<z.output<typeof PrereleaseQuery>>;

export const handoverKeys = {
  all: ['handovers'] as const,
  person: (personId: string) => ['handovers', 'person', personId] as const,
  list: (query: HandoverFilter) => ['handovers', 'list', query] as const,
  officers: () => ['handovers', 'officers'] as const,
  prerelease: (query: PrereleaseFilter) => ['prerelease', query] as const,
};

const personPath = (personId: string) => `/api/people/${encodeURIComponent(personId)}/handovers`;
const handoverPath = (id: string) => `/api/handovers/${encodeURIComponent(id)}`;

/** Her handovers, newest first, with their events and packages (the server audits the view). */
export function usePersonHandovers(personId: string) {
  return useQuery({
    queryKey: handoverKeys.person(personId),
    queryFn: ({ signal }) => api<PersonHandovers>(personPath(personId), { signal }),
  });
}

/** Sent by the caller's prison, or sent to the caller's Bapas. */
export function useHandovers(query: HandoverFilter) {
  return useQuery({
    queryKey: handoverKeys.list(query),
    queryFn: ({ signal }) => api<HandoverList>('/api/handovers', { query: { ...query }, signal }),
    placeholderData: (previous) => previous,
  });
}

/** The pre-release dashboard: who is near release or an integration date, and how ready she is. */
export function usePrerelease(query: PrereleaseFilter) {
  return useQuery({
    queryKey: handoverKeys.prerelease(query),
    queryFn: ({ signal }) => api<PrereleaseList>('/api/prerelease', { query: { ...query }, signal }),
    placeholderData: (previous) => previous,
  });
}

/** The PKs of the caller's Bapas (asked while an accept or change dialog is open). */
export function useHandoverOfficers(enabled: boolean) {
  return useQuery({
    queryKey: handoverKeys.officers(),
    queryFn: ({ signal }) => api<HandoverOfficers>('/api/handovers/officers', { signal }),
    enabled,
    staleTime: 60_000,
  });
}

/**
 * A handover changes her record, the lists, the dashboard, the tasks of both organizations and her plan tab
 * (its handover state and "no handover" missing item).
 */
function useInvalidateAfterHandover() {
  const queryClient = useQueryClient();
  return () => {
    for (const key of [
      'handovers',
      'prerelease',
      'tasks',
      'notifications',
      'people',
      'supervision',
      'reintegration',
    ])
      void queryClient.invalidateQueries({ queryKey: [key] });
  };
}

export function useSendHandover(personId: string) {
  const invalidate = useInvalidateAfterHandover();
  return useMutation({
    mutationFn: (body: SendHandoverRequest) => api<Handover>(personPath(personId), { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useAcceptHandover() {
  const invalidate = useInvalidateAfterHandover();
  return useMutation({
    mutationFn: ({ id, ...body }: AcceptHandoverRequest & { id: string }) =>
      api<Handover>(`${handoverPath(id)}/accept`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useReturnHandover() {
  const invalidate = useInvalidateAfterHandover();
  return useMutation({
    mutationFn: ({ id, ...body }: ReturnHandoverRequest & { id: string }) =>
      api<Handover>(`${handoverPath(id)}/return`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useCancelHandover() {
  const invalidate = useInvalidateAfterHandover();
  return useMutation({
    mutationFn: ({ id, ...body }: CancelHandoverRequest & { id: string }) =>
      api<Handover>(`${handoverPath(id)}/cancel`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useChangeOfficer() {
  const invalidate = useInvalidateAfterHandover();
  return useMutation({
    mutationFn: ({ id, ...body }: ChangeOfficerRequest & { id: string }) =>
      api<Handover>(`${handoverPath(id)}/officer`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

/** Reloads everything about handovers after someone else changed one first. */
export function useReloadHandovers() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: handoverKeys.all });
}

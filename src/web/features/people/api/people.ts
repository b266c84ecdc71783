import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreatePersonRequest,
  CreateRemissionRequest,
  CustodyView,
  Person,
  PersonList,
  PersonListQuery,
  SaveBehaviourScoreRequest,
  SaveCustodyRequest,
  SimilarPeople,
  Timeline,
  UpdatePersonRequest,
} from '../../../../shared/people.ts';
import { api } from '../../../lib/api.ts';

/** The list filters as sent to the API: page and pageSize may be left to the server's defaults. */
export type PersonListParams = Partial<PersonListQuery>;

/** A kelurahan anywhere in Indonesia, from the Kemendagri region list. */
export interface Village {
  code: string;
  name: string;
  district: string;
  regency: string;
  province: string;
}

export const peopleKeys = {
  all: ['people'] as const,
  list: (params: PersonListParams) => ['people', 'list', params] as const,
  detail: (id: string) => ['people', 'detail', id] as const,
  custody: (id: string) => ['people', 'custody', id] as const,
  timeline: (id: string, page: number) => ['people', 'timeline', id, page] as const,
};

export const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

export function usePeople(params: PersonListParams) {
  return useQuery({
    queryKey: peopleKeys.list(params),
    queryFn: ({ signal }) => api<PersonList>('/api/people', { query: { ...params }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePerson(id: string) {
  return useQuery({
    queryKey: peopleKeys.detail(id),
    queryFn: ({ signal }) => api<Person>(personPath(id), { signal }),
  });
}

/** People with a similar name and the same birth date; asks only when both are filled in. */
export function useSimilarPeople(fullName: string, birthDate: string | null, excludeId?: string) {
  const name = fullName.trim();
  return useQuery({
    queryKey: ['people', 'similar', name, birthDate, excludeId ?? null],
    queryFn: ({ signal }) =>
      api<SimilarPeople>('/api/people/similar', {
        query: { fullName: name, birthDate, excludeId },
        signal,
      }),
    enabled: name.length >= 2 && birthDate !== null && birthDate !== '',
    staleTime: 60_000,
  });
}

export function fetchSimilarPeople(fullName: string, birthDate: string, excludeId?: string) {
  return api<SimilarPeople>('/api/people/similar', {
    query: { fullName: fullName.trim(), birthDate, excludeId },
  });
}

function useStorePerson() {
  const queryClient = useQueryClient();
  return (person: Person) => {
    queryClient.setQueryData(peopleKeys.detail(person.id), person);
    void queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', person.id] });
  };
}

export function useCreatePerson() {
  const store = useStorePerson();
  return useMutation({
    mutationFn: (body: CreatePersonRequest) => api<Person>('/api/people', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useUpdatePerson(id: string) {
  const store = useStorePerson();
  return useMutation({
    mutationFn: (body: UpdatePersonRequest) => api<Person>(personPath(id), { method: 'PATCH', body }),
    onSuccess: store,
  });
}

export function useReferPerson(id: string) {
  const store = useStorePerson();
  return useMutation({
    mutationFn: (body: { organizationId: string; note: string | null }) =>
      api<Person>(`${personPath(id)}/referrals`, { method: 'POST', body }),
    onSuccess: store,
  });
}

// ── Custody and sentence (corrections staff only) ─────────────────────────────────────────────

export function useCustody(id: string, enabled = true) {
  return useQuery({
    queryKey: peopleKeys.custody(id),
    queryFn: ({ signal }) => api<CustodyView>(`${personPath(id)}/custody`, { signal }),
    enabled,
  });
}

/** Every custody change answers the whole view; the status and release date in the record follow it. */
function useStoreCustody(id: string) {
  const queryClient = useQueryClient();
  return (view: CustodyView) => {
    queryClient.setQueryData(peopleKeys.custody(id), view);
    void queryClient.invalidateQueries({ queryKey: peopleKeys.detail(id) });
    void queryClient.invalidateQueries({ queryKey: ['people', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', id] });
  };
}

export function useSaveCustody(id: string) {
  const store = useStoreCustody(id);
  return useMutation({
    mutationFn: (body: SaveCustodyRequest) =>
      api<CustodyView>(`${personPath(id)}/custody`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

export function useAddRemission(id: string) {
  const store = useStoreCustody(id);
  return useMutation({
    mutationFn: (body: CreateRemissionRequest) =>
      api<CustodyView>(`${personPath(id)}/remissions`, { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useDeleteRemission(id: string) {
  const store = useStoreCustody(id);
  return useMutation({
    mutationFn: (remissionId: string) =>
      api<CustodyView>(`${personPath(id)}/remissions/${encodeURIComponent(remissionId)}`, {
        method: 'DELETE',
      }),
    onSuccess: store,
  });
}

export function useSaveBehaviourScore(id: string) {
  const store = useStoreCustody(id);
  return useMutation({
    mutationFn: (body: SaveBehaviourScoreRequest) =>
      api<CustodyView>(`${personPath(id)}/behaviour-scores`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

// ── Timeline and regions ───────────────────────────────────────────────────────────────────────

export function useTimeline(id: string, page: number) {
  return useQuery({
    queryKey: peopleKeys.timeline(id, page),
    queryFn: ({ signal }) =>
      api<Timeline>(`${personPath(id)}/timeline`, { query: { page, pageSize: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Kelurahan anywhere in Indonesia matching a name (at least two letters) or a Kemendagri code. */
export function useVillages(q: string) {
  const text = q.trim();
  return useQuery({
    queryKey: ['regions', 'villages', text],
    queryFn: ({ signal }) =>
      api<{ items: Village[] }>('/api/regions/villages', { query: { q: text }, signal }),
    enabled: text.length >= 2,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
}

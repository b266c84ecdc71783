import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  AgreeAgreementRequest,
  AgreementDelegate,
  AgreementDelegateList,
  AgreementDetail,
  AgreementDiff,
  AgreementList,
  AgreementListQuery,
  AgreementObligationView,
  AgreementsMe,
  CreateAgreementRequest,
  NameDelegateRequest,
  RequestAgreementChangesRequest,
  SaveAgreementPartiesRequest,
  SaveAgreementTextRequest,
  TerminateAgreementRequest,
  UpdateObligationRequest,
  VersionRequest,
} from '../../../../shared/agreements.ts';
import type { Language } from '../../../../shared/common.ts';
import type { WorkPlanList } from '../../../../shared/workplans.ts';
import { api, toQueryString } from '../../../lib/api.ts';
import { postForm } from '../../../lib/postForm.ts';

/** The list's query as the web builds it (every part optional; the server fills in the defaults). */
export type AgreementFilter = Partial<z.output<typeof AgreementListQuery>>;

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (query: AgreementFilter) => ['agreements', 'list', query] as const,
  me: () => ['agreements', 'me'] as const,
  detail: (id: string) => ['agreements', 'detail', id] as const,
  diff: (id: string, from: number, to: number) => ['agreements', 'diff', id, from, to] as const,
  workPlans: (id: string) => ['agreements', 'work-plans', id] as const,
  delegates: () => ['agreement-delegates'] as const,
};

export const agreementPath = (id: string) => `/api/agreements/${encodeURIComponent(id)}`;
export const agreementPdfPath = (id: string, language: Language) =>
  `${agreementPath(id)}/pdf${toQueryString({ language })}`;
export const agreementScanPath = (id: string) => `${agreementPath(id)}/scan`;

/** The agreements the caller's organization is party to, soonest expiry first. */
export function useAgreements(query: AgreementFilter, enabled = true) {
  return useQuery({
    queryKey: agreementKeys.list(query),
    queryFn: ({ signal }) => api<AgreementList>('/api/agreements', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** What the caller may do with agreements: manage, name delegates (a head), act for her organization. */
export function useAgreementsMe() {
  return useQuery({
    queryKey: agreementKeys.me(),
    queryFn: ({ signal }) => api<AgreementsMe>('/api/agreements/me', { signal }),
    staleTime: 60_000,
  });
}

/** One agreement with its parties, text, obligations, history and the actions allowed now (audited). */
export function useAgreement(id: string) {
  return useQuery({
    queryKey: agreementKeys.detail(id),
    queryFn: ({ signal }) => api<AgreementDetail>(agreementPath(id), { signal }),
  });
}

/** The word-level comparison of two text versions. */
export function useAgreementDiff(id: string, pair: { from: number; to: number } | null) {
  return useQuery({
    queryKey: agreementKeys.diff(id, pair?.from ?? 0, pair?.to ?? 0),
    queryFn: ({ signal }) =>
      api<AgreementDiff>(`${agreementPath(id)}/diff`, {
        query: { from: pair?.from, to: pair?.to },
        signal,
      }),
    enabled: pair !== null,
    staleTime: Number.POSITIVE_INFINITY,
    placeholderData: keepPreviousData,
  });
}

/** The technical work plans made under this agreement (when the caller may read work plans). */
export function useAgreementWorkPlans(id: string, enabled: boolean) {
  return useQuery({
    queryKey: agreementKeys.workPlans(id),
    queryFn: ({ signal }) =>
      api<WorkPlanList>('/api/work-plans', { query: { agreementId: id, pageSize: 100 }, signal }),
    enabled,
  });
}

/**
 * After a change the answer is the agreement as stored: it replaces the cached one, and the lists, tasks,
 * notifications and the governance overview are asked again.
 */
function useStoreAgreement() {
  const queryClient = useQueryClient();
  return (agreement: AgreementDetail) => {
    queryClient.setQueryData(agreementKeys.detail(agreement.id), agreement);
    void queryClient.invalidateQueries({ queryKey: ['agreements', 'list'] });
    void queryClient.invalidateQueries({ queryKey: ['agreements', 'diff', agreement.id] });
    for (const key of ['tasks', 'notifications', 'governance']) {
      void queryClient.invalidateQueries({ queryKey: [key] });
    }
  };
}

export function useCreateAgreement() {
  const store = useStoreAgreement();
  return useMutation({
    mutationFn: (body: CreateAgreementRequest) =>
      api<AgreementDetail>('/api/agreements', { method: 'POST', body }),
    onSuccess: store,
  });
}

export function useSaveAgreementText(id: string) {
  const store = useStoreAgreement();
  return useMutation({
    mutationFn: (body: SaveAgreementTextRequest) =>
      api<AgreementDetail>(`${agreementPath(id)}/text`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

export function useSaveAgreementParties(id: string) {
  const store = useStoreAgreement();
  return useMutation({
    mutationFn: (body: SaveAgreementPartiesRequest) =>
      api<AgreementDetail>(`${agreementPath(id)}/parties`, { method: 'PUT', body }),
    onSuccess: store,
  });
}

type Step = 'submit' | 'agree' | 'request-changes' | 'terminate' | 'renew' | 'discard';
type StepBody = {
  submit: VersionRequest;
  agree: AgreeAgreementRequest;
  'request-changes': RequestAgreementChangesRequest;
  terminate: TerminateAgreementRequest;
  renew: VersionRequest;
  discard: VersionRequest;
};

/** One workflow step (submit, agree, request changes, terminate, renew, discard): the answer is the agreement. */
export function useAgreementStep<S extends Step>(id: string, step: S) {
  const store = useStoreAgreement();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StepBody[S]) =>
      api<AgreementDetail>(`${agreementPath(id)}/${step}`, { method: 'POST', body }),
    onSuccess: (agreement) => {
      store(agreement);
      // A renewal answers the NEW draft: this one's detail changes too (it names its renewal).
      if (agreement.id !== id) void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(id) });
    },
  });
}

export interface SignInput {
  signedOn: string;
  signedPlace: string;
  validFrom: string;
  validUntil: string;
  version: number;
  scan: File;
  csrfToken: string;
}

/** The signing with its scan (multipart). */
export function useSignAgreement(id: string) {
  const store = useStoreAgreement();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ scan, csrfToken, ...fields }: SignInput) => {
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
      // The server reads the part named `file` (platform/files/upload.ts).
      form.append('file', scan, scan.name);
      return postForm<AgreementDetail>(`${agreementPath(id)}/sign`, form, csrfToken);
    },
    onSuccess: (agreement) => {
      store(agreement);
      // Signing a renewal marks the renewed agreement `renewed`.
      if (agreement.renews)
        void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(agreement.renews.id) });
    },
  });
}

export function useUpdateObligation(agreementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ obligationId, ...body }: UpdateObligationRequest & { obligationId: string }) =>
      api<AgreementObligationView>(
        `${agreementPath(agreementId)}/obligations/${encodeURIComponent(obligationId)}`,
        { method: 'PUT', body },
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: agreementKeys.detail(agreementId) });
      void queryClient.invalidateQueries({ queryKey: ['governance'] });
    },
  });
}

/** Reloads the agreement after someone else changed it first. */
export function useReloadAgreement(id: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: agreementKeys.detail(id) });
}

export function useAgreementDelegates() {
  return useQuery({
    queryKey: agreementKeys.delegates(),
    queryFn: ({ signal }) => api<AgreementDelegateList>('/api/agreement-delegates', { signal }),
  });
}

function useInvalidateDelegates() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: agreementKeys.delegates() });
    // Whether someone may act changes what agreements allow.
    void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
  };
}

export function useNameDelegate() {
  const invalidate = useInvalidateDelegates();
  return useMutation({
    mutationFn: (body: NameDelegateRequest) =>
      api<AgreementDelegate>('/api/agreement-delegates', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRevokeDelegate() {
  const invalidate = useInvalidateDelegates();
  return useMutation({
    mutationFn: (delegateId: string) =>
      api<AgreementDelegate>(`/api/agreement-delegates/${encodeURIComponent(delegateId)}/revoke`, {
        method: 'POST',
        body: {},
      }),
    onSuccess: invalidate,
  });
}

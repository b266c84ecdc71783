import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Consent,
  ConsentList,
  CreateConsentRequest,
  WithdrawConsentRequest,
} from '../../../../shared/consents.ts';
import type { DocumentList, PersonDocument } from '../../../../shared/documents.ts';
import type { ErrorResponse } from '../../../../shared/errors.ts';
import type { CreateNoteRequest, Note, NoteList, UpdateNoteRequest } from '../../../../shared/notes.ts';
import { ApiError, api } from '../../../lib/api.ts';
import { i18n } from '../../../lib/i18n/i18n.ts';

// Notes, documents and consent of one person: the tabs of the person page that are records about her.

export const recordsKeys = {
  notes: (personId: string, page: number) => ['people', 'notes', personId, page] as const,
  documents: (personId: string) => ['people', 'documents', personId] as const,
  consents: (personId: string) => ['people', 'consents', personId] as const,
};

const base = (personId: string) => `/api/people/${encodeURIComponent(personId)}`;

/** What a change shows elsewhere: her timeline, and (consent) what others may see of her. */
function useAfterChange(personId: string) {
  const queryClient = useQueryClient();
  return (...keys: (readonly unknown[])[]) => {
    for (const key of keys) void queryClient.invalidateQueries({ queryKey: key });
    void queryClient.invalidateQueries({ queryKey: ['people', 'timeline', personId] });
  };
}

export const NOTES_PAGE_SIZE = 20;

export function useNotes(personId: string, page: number) {
  return useQuery({
    queryKey: recordsKeys.notes(personId, page),
    queryFn: ({ signal }) =>
      api<NoteList>(`${base(personId)}/notes`, { query: { page, pageSize: NOTES_PAGE_SIZE }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCreateNote(personId: string) {
  const afterChange = useAfterChange(personId);
  return useMutation({
    mutationFn: (body: CreateNoteRequest) => api<Note>(`${base(personId)}/notes`, { method: 'POST', body }),
    onSuccess: () => afterChange(['people', 'notes', personId]),
  });
}

export function useUpdateNote(personId: string) {
  const afterChange = useAfterChange(personId);
  return useMutation({
    mutationFn: ({ noteId, ...body }: UpdateNoteRequest & { noteId: string }) =>
      api<Note>(`${base(personId)}/notes/${encodeURIComponent(noteId)}`, { method: 'PATCH', body }),
    onSuccess: () => afterChange(['people', 'notes', personId]),
  });
}

export function useDocuments(personId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: recordsKeys.documents(personId),
    queryFn: ({ signal }) => api<DocumentList>(`${base(personId)}/documents`, { signal }),
    enabled: options.enabled ?? true,
  });
}

/** The address that downloads a document (an attachment; the server audits it). */
export function documentContentUrl(personId: string, documentId: string) {
  return `${base(personId)}/documents/${encodeURIComponent(documentId)}/content`;
}

export interface UploadInput {
  file: File;
  category: string;
  title: string;
  visibility: 'corrections' | 'shared';
  csrfToken: string;
  /** 0–1 as the bytes leave the browser. */
  onProgress?: (fraction: number) => void;
}

// fetch cannot report upload progress; XMLHttpRequest can. Same headers and errors as `api()`.
function upload(url: string, input: UploadInput): Promise<PersonDocument> {
  const form = new FormData();
  form.append('category', input.category);
  form.append('title', input.title);
  form.append('visibility', input.visibility);
  form.append('file', input.file, input.file.name);
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.setRequestHeader('Accept', 'application/json');
    request.setRequestHeader('Accept-Language', i18n.language);
    request.setRequestHeader('X-CSRF-Token', input.csrfToken);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) input.onProgress?.(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = undefined;
      }
      if (request.status >= 200 && request.status < 300) return resolve(body as PersonDocument);
      const error = (body as ErrorResponse | undefined)?.error;
      if (error && typeof error.message === 'string') return reject(new ApiError(request.status, error));
      // A proxy in front may refuse a large body before the server sees it, without our JSON.
      const code = request.status === 413 ? 'DOCUMENT_TOO_LARGE' : 'UNEXPECTED';
      const message =
        request.status === 413 ? i18n.t('records.documents.tooLarge') : i18n.t('errors.unexpected');
      reject(new ApiError(request.status, { code, message }));
    };
    request.onerror = () =>
      reject(new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') }));
    request.send(form);
  });
}

export function useUploadDocument(personId: string) {
  const afterChange = useAfterChange(personId);
  return useMutation({
    mutationFn: (input: UploadInput) => upload(`${base(personId)}/documents`, input),
    onSuccess: () => afterChange(recordsKeys.documents(personId)),
  });
}

export function useDeleteDocument(personId: string) {
  const afterChange = useAfterChange(personId);
  return useMutation({
    mutationFn: (documentId: string) =>
      api<void>(`${base(personId)}/documents/${encodeURIComponent(documentId)}`, { method: 'DELETE' }),
    onSuccess: () => afterChange(recordsKeys.documents(personId), recordsKeys.consents(personId)),
  });
}

export function useConsents(personId: string) {
  return useQuery({
    queryKey: recordsKeys.consents(personId),
    queryFn: ({ signal }) => api<ConsentList>(`${base(personId)}/consents`, { signal }),
  });
}

export function useCreateConsent(personId: string) {
  const afterChange = useAfterChange(personId);
  return useMutation({
    mutationFn: (body: CreateConsentRequest) =>
      api<Consent>(`${base(personId)}/consents`, { method: 'POST', body }),
    onSuccess: () => afterChange(recordsKeys.consents(personId), ['people', 'list']),
  });
}

export function useWithdrawConsent(personId: string) {
  const afterChange = useAfterChange(personId);
  return useMutation({
    mutationFn: ({ consentId, ...body }: WithdrawConsentRequest & { consentId: string }) =>
      api<Consent>(`${base(personId)}/consents/${encodeURIComponent(consentId)}/withdraw`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => afterChange(recordsKeys.consents(personId), ['people', 'list']),
  });
}

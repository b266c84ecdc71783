import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ErrorResponse } from '../../../../shared/errors.ts';
import type { PersonListQuery } from '../../../../shared/people.ts';
import type {
  AccessLog,
  AnonymizeResult,
  ImportCheck,
  ImportMapping,
  ImportMode,
  ImportPreview,
  ImportResult,
  RetentionDue,
} from '../../../../shared/peopleData.ts';
import { ApiError, api, toQueryString } from '../../../lib/api.ts';
import { i18n } from '../../../lib/i18n/i18n.ts';

const personPath = (id: string) => `/api/people/${encodeURIComponent(id)}`;

async function failure(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => undefined)) as ErrorResponse | undefined;
  if (body?.error && typeof body.error.message === 'string') return new ApiError(response.status, body.error);
  return new ApiError(response.status, { code: 'UNEXPECTED', message: i18n.t('errors.unexpected') });
}

/** A multipart POST with the session's CSRF token; the same errors as `api()`. */
async function postForm<T>(path: string, form: FormData, csrfToken: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      body: form,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language, 'X-CSRF-Token': csrfToken },
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export interface ImportInput {
  file: File;
  mapping?: ImportMapping;
  mode?: ImportMode;
  csrfToken: string;
}

function importForm(input: ImportInput): FormData {
  const form = new FormData();
  if (input.mapping) form.append('mapping', JSON.stringify(input.mapping));
  if (input.mode) form.append('mode', input.mode);
  form.append('file', input.file, input.file.name);
  return form;
}

export function useImportPreview() {
  return useMutation({
    mutationFn: (input: ImportInput) =>
      postForm<ImportPreview>('/api/people/import/preview', importForm(input), input.csrfToken),
  });
}

export function useImportCheck() {
  return useMutation({
    mutationFn: (input: ImportInput) =>
      postForm<ImportCheck>('/api/people/import/check', importForm(input), input.csrfToken),
  });
}

export function useImportCommit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportInput) =>
      postForm<ImportResult>('/api/people/import/commit', importForm(input), input.csrfToken),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}

/** The name in Content-Disposition, else the fallback. */
function fileNameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  return /filename="([^"]+)"/.exec(header)?.[1] ?? fallback;
}

/**
 * Downloads a file from the API: fetched first (so a refusal shows the server's message instead of a
 * page of JSON), then saved through a temporary link.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, {
      credentials: 'same-origin',
      headers: { 'Accept-Language': i18n.language },
    });
  } catch {
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }
  if (!response.ok) throw await failure(response);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameOf(response, fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The list export's address: the list's filters without the paging. */
export function peopleExportPath(query: Partial<PersonListQuery>): string {
  const { page: _page, pageSize: _pageSize, ...filters } = query;
  return `/api/people/export.xlsx${toQueryString(filters)}`;
}

export const personDataExportPath = (personId: string, format: 'xlsx' | 'pdf') =>
  `${personPath(personId)}/data-export.${format}`;

export function useAccessLog(personId: string, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: ['people', 'access-log', personId, page, pageSize],
    queryFn: ({ signal }) =>
      api<AccessLog>(`${personPath(personId)}/access-log`, { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useRetentionDue(page: number, pageSize: number) {
  return useQuery({
    queryKey: ['people', 'retention-due', page, pageSize],
    queryFn: ({ signal }) =>
      api<RetentionDue>('/api/people/retention-due', { query: { page, pageSize }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAnonymize() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ personId, confirm }: { personId: string; confirm: string }) =>
      api<AnonymizeResult>(`${personPath(personId)}/anonymize`, { method: 'POST', body: { confirm } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}

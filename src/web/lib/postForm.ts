import type { ErrorResponse } from '../../shared/errors.ts';
import { ApiError } from './api.ts';
import { i18n } from './i18n/i18n.ts';

/**
 * A multipart POST (an upload with its form fields) with the session's CSRF token; the same errors as
 * `api()`: ApiError with the server's translated message, status 0 when the network fails.
 */
export async function postForm<T>(path: string, form: FormData, csrfToken: string): Promise<T> {
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
  if (response.ok) return (await response.json()) as T;
  const body = (await response.json().catch(() => undefined)) as ErrorResponse | undefined;
  if (body?.error && typeof body.error.message === 'string') throw new ApiError(response.status, body.error);
  throw new ApiError(response.status, { code: 'UNEXPECTED', message: i18n.t('errors.unexpected') });
}

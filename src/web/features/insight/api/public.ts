import { useQuery } from '@tanstack/react-query';
import type { ErrorResponse } from '../../../../shared/errors.ts';
import type { PublicFigures } from '../../../../shared/publicFigures.ts';
import { ApiError } from '../../../lib/api.ts';
import { i18n } from '../../../lib/i18n/i18n.ts';

export const publicFiguresKey = ['public', 'figures'] as const;

/**
 * GET /api/public/figures without the session cookie (`credentials: 'omit'`): the answer is the same for
 * everyone and cached by the browser, and a refusal can never look like a lost session (the shared client
 * treats a 401 as "signed out"; the public page is outside the sign-in and must not touch it).
 */
export async function fetchPublicFigures(signal?: AbortSignal): Promise<PublicFigures> {
  let response: Response;
  try {
    response = await fetch('/api/public/figures', {
      headers: { Accept: 'application/json', 'Accept-Language': i18n.language },
      credentials: 'omit',
      signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as PublicFigures;
  const error = (body as ErrorResponse | undefined)?.error;
  if (error && typeof error.message === 'string') throw new ApiError(response.status, error);
  throw new ApiError(response.status, {
    code: response.status === 429 ? 'RATE_LIMITED' : 'UNEXPECTED',
    message: i18n.t(response.status === 429 ? 'errors.rateLimited' : 'errors.unexpected'),
  });
}

/** The program's public figures; they change once a month, so one load per visit is enough. */
export function usePublicFigures() {
  return useQuery({
    queryKey: publicFiguresKey,
    queryFn: ({ signal }) => fetchPublicFigures(signal),
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}

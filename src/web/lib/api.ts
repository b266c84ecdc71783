import type { ErrorResponse } from '../../shared/errors.ts';
import { i18n } from './i18n/i18n.ts';

/** An error answered by the API (or a network failure, status 0), with the server's translated message. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: Record<string, string> | undefined;
  readonly correlationId: string | undefined;

  constructor(
    status: number,
    body: { code: string; message: string; fields?: Record<string, string>; correlationId?: string },
  ) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.fields = body.fields;
    this.correlationId = body.correlationId;
  }
}

export function isApiError(error: unknown, code?: string): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
}

const LOGIN_PATH = '/api/auth/login';

let csrfToken: string | null = null;
let lastActivityAt = Date.now();
let onUnauthorized: (() => void) | null = null;

/** Kept from the last login or /api/me answer; sent back on every state-changing request. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when any request but login answers 401: the session is gone. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

/** When the last request was sent: the server's idle timeout counts from there. */
export function lastApiActivity(): number {
  return lastActivityAt;
}

/** `?a=1&b=x` from the defined, non-empty values, or '' when there are none. */
export function toQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Fetch JSON from the API; throws ApiError on any non-2xx answer. A 204 resolves to undefined. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language,
  };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && path !== LOGIN_PATH && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  lastActivityAt = Date.now();
  let response: Response;
  try {
    response = await fetch(path + toQueryString(options.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, { code: 'NETWORK_ERROR', message: i18n.t('errors.network') });
  }

  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return body as T;

  const error = (body as ErrorResponse | undefined)?.error;
  // AUTH_INVALID is a wrong password (e.g. the current one when changing it), not a lost session.
  if (response.status === 401 && path !== LOGIN_PATH && error?.code !== 'AUTH_INVALID') onUnauthorized?.();
  if (error && typeof error.message === 'string') throw new ApiError(response.status, error);
  throw new ApiError(response.status, {
    code: response.status === 429 ? 'RATE_LIMITED' : 'UNEXPECTED',
    message: i18n.t(response.status === 429 ? 'errors.rateLimited' : 'errors.unexpected'),
  });
}

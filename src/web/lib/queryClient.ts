import { QueryClient } from '@tanstack/react-query';
import { ApiError } from './api.ts';

function shouldRetry(failureCount: number, error: unknown): boolean {
  // A 4xx answer will not change on a second try; network errors and 5xx get two more.
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, staleTime: 30_000 },
    mutations: { retry: false },
  },
});

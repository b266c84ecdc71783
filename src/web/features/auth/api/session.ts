import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordRequest, Health, LoginRequest, Me } from '../../../../shared/auth.ts';
import type { Language } from '../../../../shared/common.ts';
import { api, isApiError, setCsrfToken } from '../../../lib/api.ts';
import { i18n } from '../../../lib/i18n/i18n.ts';
import { removeUserDrafts } from '../../supervision/components/visitDraft.ts';

export const meQueryKey = ['me'] as const;

/**
 * "This browser signed in and has not signed out": without it a first visit goes straight to the sign-in
 * page instead of asking /api/me and getting (and logging) a 401. When storage is blocked, always ask.
 */
const SIGNED_IN_HINT = 'sinergi.signedIn';

function signedInHint(): boolean | null {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return null;
  }
}

export type SessionEndReason = 'expired' | 'signedOut';
let endReason: SessionEndReason | undefined;

/** Why the last session ended (refused by the server, or signed out); cleared by the next sign-in. */
export function sessionEndReason(): SessionEndReason | undefined {
  return endReason;
}

function remember(me: Me): Me {
  endReason = undefined;
  setCsrfToken(me.csrfToken);
  try {
    localStorage.setItem(SIGNED_IN_HINT, '1');
  } catch {
    // See signedInHint().
  }
  return me;
}

/** Drops the CSRF token and the signed-in hint; the caller clears the cached user. */
export function forgetSession(reason?: SessionEndReason): void {
  endReason = reason;
  setCsrfToken(null);
  try {
    localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // See signedInHint().
  }
}

/** The signed-in user, or null when there is no session. */
async function fetchMe(): Promise<Me | null> {
  const hint = signedInHint();
  if (hint === false) return null;
  try {
    return remember(await api<Me>('/api/me'));
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      // This browser was signed in (the hint says so): its session has ended since.
      forgetSession(hint === true ? 'expired' : undefined);
      return null;
    }
    throw error;
  }
}

/** `fetch: false` only reads what is cached (the sign-in page must not ask, and log a 401, for nothing). */
export function useMe({ fetch = true }: { fetch?: boolean } = {}) {
  return useQuery({ queryKey: meQueryKey, queryFn: fetchMe, staleTime: 60_000, enabled: fetch });
}

/** The signed-in user inside the authenticated part of the app (the gate guarantees one). */
export function useSession(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useSession() used outside the authenticated routes');
  return data;
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: () => api<Health>('/api/health'),
    staleTime: 5 * 60_000,
  });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: async (me) => {
      queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== 'health' });
      queryClient.setQueryData(meQueryKey, remember(me));
      await i18n.changeLanguage(me.user.language);
    },
  });
}

/** The browser's localStorage, or null where it is blocked. */
function deviceStorage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/**
 * Signs out (also when the server cannot be reached: the browser forgets the session either way) and
 * removes her visit drafts from the device, sent or not: the caller asks first when some are not sent
 * (pendingVisitCount).
 */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (me) removeUserDrafts(deviceStorage(), me.user.id);
      forgetSession('signedOut');
      queryClient.setQueryData(meQueryKey, null);
      queryClient.removeQueries({
        predicate: (query) => query.queryKey[0] !== 'me' && query.queryKey[0] !== 'health',
      });
    },
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api<void>('/api/me/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
}

/** Remembers the language in the profile when signed in; always switches the UI right away. */
export function useChangeLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (language: Language) => {
      await i18n.changeLanguage(language);
      const me = queryClient.getQueryData<Me | null>(meQueryKey);
      if (!me) return null;
      return api<Me>('/api/me/preferences', { method: 'PATCH', body: { language } });
    },
    onSuccess: (me) => {
      if (me) queryClient.setQueryData(meQueryKey, remember(me));
    },
  });
}

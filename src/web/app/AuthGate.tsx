import { Center, Container } from '@mantine/core';
import { useEffect } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageLoader } from '../components/PageLoader.tsx';
import { QueryError } from '../components/QueryError.tsx';
import { sessionEndReason, useMe } from '../features/auth/api/session.ts';
import { i18n } from '../lib/i18n/i18n.ts';
import { AppLayout } from './AppLayout.tsx';
import { CHANGE_PASSWORD_PATH, SIGN_IN_PATH, type SignInState } from './paths.ts';

/** Everything but the sign-in page: needs a session, and a changed password when one is due. */
export function AuthGate() {
  const me = useMe();
  const location = useLocation();
  const language = me.data?.user.language;

  useEffect(() => {
    if (language && language !== i18n.language) void i18n.changeLanguage(language);
  }, [language]);

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    return (
      <Container size="sm" py="xl" component="main">
        <Center>
          <QueryError error={me.error} onRetry={() => void me.refetch()} />
        </Center>
      </Container>
    );
  }
  if (!me.data) {
    const reason = sessionEndReason();
    // After signing out, the next user starts at the home page, not where the last one left off.
    const state: SignInState =
      reason === 'signedOut' ? { reason } : { reason, from: location.pathname + location.search };
    return <Navigate to={SIGN_IN_PATH} replace state={state} />;
  }
  if (me.data.user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <AppLayout me={me.data} />;
}

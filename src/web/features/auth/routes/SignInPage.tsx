import {
  Alert,
  Anchor,
  Box,
  Button,
  Code,
  Container,
  Group,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';

import { useForm } from '@mantine/form';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import type { LoginRequest } from '../../../../shared/auth.ts';
import { DEMO_PASSWORD, DEMO_USERNAMES } from '../../../../shared/vocabulary.ts';
import { PUBLIC_FIGURES_PATH, SIGN_IN_PATH, type SignInState } from '../../../app/paths.ts';
import { DemoBanner } from '../../../components/DemoBanner.tsx';
import { LanguageSwitch } from '../../../components/LanguageSwitch.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { useHealth, useLogin, useMe } from '../api/session.ts';

function safeTarget(from: string | undefined): string {
  // Only paths inside the app, never back to the sign-in page itself.
  if (!from?.startsWith('/') || from.startsWith('//') || from.startsWith(SIGN_IN_PATH)) return '/';
  return from;
}

export function SignInPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const me = useMe({ fetch: false });
  const health = useHealth();
  const login = useLogin();
  const state = (location.state ?? {}) as SignInState;
  const demo = health.data?.demo === true;

  const form = useForm<LoginRequest>({
    initialValues: { username: '', password: '' },
    validate: {
      username: (value) => (value.trim() ? null : t('common.required')),
      password: (value) => (value ? null : t('common.required')),
    },
  });

  if (me.data && !login.isPending) return <Navigate to={safeTarget(state.from)} replace />;

  const submit = form.onSubmit((values) => {
    login.mutate(values, {
      onSuccess: () => void navigate(safeTarget(state.from), { replace: true }),
      onError: () => form.setFieldValue('password', ''),
    });
  });

  const loginError = login.error;
  const errorMessage = loginError
    ? isApiError(loginError)
      ? loginError.message
      : t('errors.unexpected')
    : null;

  return (
    <Box mih="100dvh" bg="gray.0">
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        {demo && <DemoBanner />}
        <Group h={56} px="md" justify="space-between">
          <Text fw={800} fz="xl" c="blue.9">
            Sinergi
          </Text>
          <LanguageSwitch />
        </Group>
      </Box>

      <Container component="main" size={440} px="sm" py="xl">
        <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="md">
          <Stack gap="md">
            <div>
              <Title order={1} fz="h2">
                {t('auth.title')}
              </Title>
              <Text size="sm" mt={4}>
                {t('auth.intro')}
              </Text>
            </div>

            {state.reason === 'expired' && !errorMessage && (
              <Alert color="yellow" icon={<IconInfoCircle aria-hidden />} role="status">
                <Text size="sm" c="dark.9">
                  {t('auth.sessionExpired')}
                </Text>
              </Alert>
            )}
            {state.reason === 'signedOut' && !errorMessage && (
              <Alert color="blue" icon={<IconInfoCircle aria-hidden />} role="status">
                <Text size="sm" c="dark.9">
                  {t('shell.signedOut')}
                </Text>
              </Alert>
            )}
            {errorMessage && (
              <Alert color="red" icon={<IconAlertCircle aria-hidden />} role="alert">
                <Text size="sm" c="red.9">
                  {errorMessage}
                </Text>
              </Alert>
            )}

            <form onSubmit={submit} noValidate>
              <Stack gap="sm">
                <TextInput
                  label={t('auth.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  {...form.getInputProps('username')}
                />
                <PasswordField
                  label={t('auth.password')}
                  autoComplete="current-password"
                  {...form.getInputProps('password')}
                />
                <Button type="submit" fullWidth mt="xs" loading={login.isPending}>
                  {t('auth.signIn')}
                </Button>
              </Stack>
            </form>

            {demo && (
              <Alert
                color="gray"
                variant="light"
                title={t('auth.demoTitle')}
                icon={<IconInfoCircle aria-hidden />}
                role="note"
              >
                <Text size="sm" c="dark.9">
                  {t('auth.demoUsernames')}{' '}
                  {DEMO_USERNAMES.map((username, index) => (
                    <span key={username}>
                      {index > 0 && ', '}
                      <Code c="dark.9" style={{ whiteSpace: 'nowrap' }}>
                        {username}
                      </Code>
                    </span>
                  ))}
                </Text>
                <Text size="sm" c="dark.9" mt={6}>
                  {t('auth.demoPassword')}{' '}
                  <Code c="dark.9" style={{ whiteSpace: 'nowrap' }}>
                    {DEMO_PASSWORD}
                  </Code>
                </Text>
              </Alert>
            )}
          </Stack>
        </Paper>
        {/* The program's aggregate figures, open to anyone (issue 9). */}
        <Text size="sm" ta="center" mt="md">
          <Anchor component={Link} to={PUBLIC_FIGURES_PATH}>
            {t('insight.public.seeFigures')}
          </Anchor>
        </Text>
      </Container>
    </Box>
  );
}

import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/vocabulary.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PasswordField } from '../../../components/PasswordField.tsx';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useChangePassword, useSession } from '../api/session.ts';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/** Voluntary from the user menu; forced (the only page shown) while `mustChangePassword` is set. */
export function ChangePasswordPage() {
  const { t } = useTranslation();
  const me = useSession();
  const navigate = useNavigate();
  const changePassword = useChangePassword();
  const forced = me.user.mustChangePassword;

  const form = useForm<ChangePasswordValues>({
    initialValues: { currentPassword: '', newPassword: '', confirmPassword: '' },
    validate: {
      currentPassword: (value) => (value ? null : t('common.required')),
      newPassword: (value) =>
        value.length >= PASSWORD_MIN_LENGTH ? null : t('password.tooShort', { min: PASSWORD_MIN_LENGTH }),
      confirmPassword: (value, values) => (value === values.newPassword ? null : t('password.mismatch')),
    },
  });

  const submit = form.onSubmit(({ currentPassword, newPassword }) => {
    changePassword.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          notifySuccess(t('password.changed'));
          form.reset();
          void navigate('/', { replace: true });
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  return (
    <Stack maw={480} gap="md">
      <PageHeader title={t('password.title')} />
      {forced && (
        <Alert color="yellow" icon={<IconLock aria-hidden />} role="status">
          <Text size="sm" c="dark.9">
            {t('password.forced')}
          </Text>
        </Alert>
      )}
      <Paper withBorder p={{ base: 'md', sm: 'lg' }}>
        <form onSubmit={submit} noValidate>
          <Stack gap="sm">
            <PasswordField
              label={t('password.current')}
              autoComplete="current-password"
              {...form.getInputProps('currentPassword')}
            />
            <PasswordField
              label={t('password.new')}
              description={t('password.policy', { min: PASSWORD_MIN_LENGTH })}
              autoComplete="new-password"
              {...form.getInputProps('newPassword')}
            />
            <PasswordField
              label={t('password.confirm')}
              autoComplete="new-password"
              {...form.getInputProps('confirmPassword')}
            />
            <Group justify="flex-end" gap="sm" mt="xs">
              {!forced && (
                <Button variant="default" onClick={() => void navigate(-1)}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={changePassword.isPending}>
                {t('password.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}

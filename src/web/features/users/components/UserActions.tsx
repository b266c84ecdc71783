import { Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy, IconKey, IconLockOpen, IconUserCheck, IconUserOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../../shared/users.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { type UserAction, useResetPassword, useUserAction } from '../api/users.ts';

type Pending = UserAction | 'reset' | null;

/** Deactivate / activate, unlock and reset password, each behind a confirmation. */
export function UserActions({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending>(null);
  const [temporaryPassword, setTemporaryPassword] = useState<string | null>(null);
  const userAction = useUserAction(user.id);
  const resetPassword = useResetPassword(user.id);
  const name = user.fullName;

  const run = (action: UserAction, done: string) =>
    userAction.mutate(action, {
      onSuccess: () => {
        setPending(null);
        notifySuccess(done);
      },
      onError: (error) => {
        setPending(null);
        notifyError(error);
      },
    });

  const reset = () =>
    resetPassword.mutate(undefined, {
      onSuccess: (result) => {
        setPending(null);
        setTemporaryPassword(result.temporaryPassword);
      },
      onError: (error) => {
        setPending(null);
        notifyError(error);
      },
    });

  return (
    <>
      <Group gap="sm">
        {user.active ? (
          <Button
            variant="outline"
            color="red"
            leftSection={<IconUserOff size={16} aria-hidden />}
            onClick={() => setPending('deactivate')}
          >
            {t('users.deactivate')}
          </Button>
        ) : (
          <Button
            variant="outline"
            leftSection={<IconUserCheck size={16} aria-hidden />}
            onClick={() => setPending('activate')}
          >
            {t('users.activate')}
          </Button>
        )}
        {user.locked && (
          <Button
            variant="outline"
            leftSection={<IconLockOpen size={16} aria-hidden />}
            onClick={() => setPending('unlock')}
          >
            {t('users.unlock')}
          </Button>
        )}
        <Button
          variant="outline"
          leftSection={<IconKey size={16} aria-hidden />}
          onClick={() => setPending('reset')}
        >
          {t('users.resetPassword')}
        </Button>
      </Group>

      <ConfirmModal
        opened={pending === 'deactivate'}
        title={t('users.deactivateTitle')}
        confirmLabel={t('users.deactivate')}
        confirmColor="red"
        loading={userAction.isPending}
        onConfirm={() => run('deactivate', t('users.deactivated'))}
        onClose={() => setPending(null)}
      >
        {t('users.deactivateText', { name })}
      </ConfirmModal>
      <ConfirmModal
        opened={pending === 'activate'}
        title={t('users.activateTitle')}
        confirmLabel={t('users.activate')}
        loading={userAction.isPending}
        onConfirm={() => run('activate', t('users.activated'))}
        onClose={() => setPending(null)}
      >
        {t('users.activateText', { name })}
      </ConfirmModal>
      <ConfirmModal
        opened={pending === 'unlock'}
        title={t('users.unlockTitle')}
        confirmLabel={t('users.unlock')}
        loading={userAction.isPending}
        onConfirm={() => run('unlock', t('users.unlocked'))}
        onClose={() => setPending(null)}
      >
        {t('users.unlockText', { name })}
      </ConfirmModal>
      <ConfirmModal
        opened={pending === 'reset'}
        title={t('users.resetTitle')}
        confirmLabel={t('users.resetPassword')}
        confirmColor="red"
        loading={resetPassword.isPending}
        onConfirm={reset}
        onClose={() => setPending(null)}
      >
        {t('users.resetText', { name })}
      </ConfirmModal>

      <Modal
        opened={temporaryPassword !== null}
        onClose={() => setTemporaryPassword(null)}
        title={t('users.tempPasswordTitle')}
        centered
        closeOnClickOutside={false}
      >
        <Stack gap="md">
          <Text size="sm">{t('users.tempPasswordText', { name })}</Text>
          <Group gap="sm" wrap="nowrap" justify="space-between">
            <Code
              fz="lg"
              px="sm"
              py={6}
              data-testid="temporary-password"
              style={{ wordBreak: 'break-all', userSelect: 'all' }}
            >
              {temporaryPassword}
            </Code>
            <CopyButton value={temporaryPassword ?? ''}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal.9' : undefined}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={copy}
                >
                  {copied ? t('users.copied') : t('users.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
          <Group justify="flex-end">
            <Button onClick={() => setTemporaryPassword(null)}>{t('users.done')}</Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

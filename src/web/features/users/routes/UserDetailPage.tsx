import { Alert, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDateTime, orDash } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { useUser } from '../api/users.ts';
import { RoleBadges } from '../components/RoleBadges.tsx';
import { UserActions } from '../components/UserActions.tsx';
import { UserEditForm } from '../components/UserEditForm.tsx';
import { UserStatusBadges } from '../components/UserStatusBadges.tsx';

export function UserDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useSession();
  const canManage = accessFor(me.permissions).canManageUsers;
  const query = useUser(id);

  const back = <BackButton to="/admin/pengguna">{t('common.backToList')}</BackButton>;

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }

  const user = query.data;
  return (
    <Stack gap="lg" maw={960}>
      <div>
        {back}
        <PageHeader title={user.fullName} actions={<UserStatusBadges user={user} />} />
      </div>

      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('users.account')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <InfoField label={t('users.username')}>{user.username}</InfoField>
          <InfoField label={t('users.lastLogin')}>
            {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}
          </InfoField>
          <InfoField label={t('users.language')}>{t(`language.${user.language}`)}</InfoField>
          {user.locked && user.lockedUntil && (
            <InfoField label={t('users.locked')}>
              {t('users.lockedUntil', { time: formatDateTime(user.lockedUntil) })}
            </InfoField>
          )}
        </SimpleGrid>
      </Paper>

      {canManage ? (
        <>
          <Paper withBorder p="md">
            <Title order={2} fz="h4" mb="sm">
              {t('users.editTitle')}
            </Title>
            <UserEditForm key={`${user.id}:${user.version}`} user={user} />
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} fz="h4" mb="sm">
              {t('users.actionsTitle')}
            </Title>
            <UserActions user={user} />
          </Paper>
        </>
      ) : (
        <Paper withBorder p="md">
          <Title order={2} fz="h4" mb="sm">
            {t('users.profileTitle')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <InfoField label={t('users.fullName')}>{user.fullName}</InfoField>
            <InfoField label={t('users.email')}>{orDash(user.email)}</InfoField>
            <InfoField label={t('users.position')}>{orDash(user.position)}</InfoField>
            <InfoField label={t('users.organization')}>{user.organizationName}</InfoField>
            <InfoField label={t('users.roles')}>
              <RoleBadges roles={user.roles} />
            </InfoField>
          </SimpleGrid>
          <Alert mt="md" color="gray" icon={<IconInfoCircle aria-hidden />} role="note">
            <Text size="sm">{t('users.readOnly')}</Text>
          </Alert>
        </Paper>
      )}
    </Stack>
  );
}

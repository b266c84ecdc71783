import { Button, Card, Group, Paper, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import {
  IconBuildingCommunity,
  IconKey,
  IconListDetails,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CHANGE_PASSWORD_PATH } from '../../../app/paths.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { accessFor } from '../../../lib/access.ts';
import { orDash } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { MyActionItemsCard } from '../../governance/components/MyActionItemsCard.tsx';
import { OrganizationKindBadge } from '../../organizations/components/OrganizationKindBadge.tsx';
import { HomeTasksCard } from '../../tasks/components/HomeTasksCard.tsx';
import { RoleBadges } from '../../users/components/RoleBadges.tsx';

interface Shortcut {
  to: string;
  title: string;
  text: string;
  action: string;
  icon: ReactNode;
}

export function HomePage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);

  const shortcuts: Shortcut[] = [];
  if (access.canReadPeople) {
    shortcuts.push({
      to: '/warga',
      title: t('people.home.title'),
      text: access.canReadCustody ? t('people.home.text') : t('people.home.textShared'),
      action: t('people.home.action'),
      icon: <IconUsersGroup aria-hidden />,
    });
  }
  shortcuts.push({
    to: '/organisasi',
    title: t('home.directoryTitle'),
    text: t('home.directoryText'),
    action: t('home.directoryAction'),
    icon: <IconBuildingCommunity aria-hidden />,
  });
  if (access.canReadUsers) {
    shortcuts.push({
      to: '/admin/pengguna',
      title: t('home.usersTitle'),
      text: access.canManageUsers ? t('home.usersManageText') : t('home.usersText'),
      action: t('home.usersAction'),
      icon: <IconUsers aria-hidden />,
    });
  }
  if (access.canReadAudit) {
    shortcuts.push({
      to: '/admin/audit',
      title: t('home.auditTitle'),
      text: t('home.auditText'),
      action: t('home.auditAction'),
      icon: <IconListDetails aria-hidden />,
    });
  }
  shortcuts.push({
    to: CHANGE_PASSWORD_PATH,
    title: t('home.passwordTitle'),
    text: t('home.passwordText'),
    action: t('home.passwordAction'),
    icon: <IconKey aria-hidden />,
  });

  return (
    <Stack gap="lg">
      <PageHeader title={t('home.welcome', { name: me.user.fullName })} />

      <HomeTasksCard />

      {access.canReadMeetings && <MyActionItemsCard />}

      <Paper withBorder p="md">
        <Title order={2} fz="h4" mb="sm">
          {t('home.profile')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          <div>
            <Text size="sm" c="dimmed">
              {t('home.organization')}
            </Text>
            <Group gap="xs" mt={2}>
              <Text fw={600} component={Link} to={`/organisasi/${me.organization.id}`} c="blue.9">
                {me.organization.name}
              </Text>
              <OrganizationKindBadge kind={me.organization.kind} />
            </Group>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('home.position')}
            </Text>
            <Text fw={600} mt={2}>
              {orDash(me.user.position)}
            </Text>
          </div>
          <div>
            <Text size="sm" c="dimmed">
              {t('home.roles')}
            </Text>
            <div style={{ marginTop: 4 }}>
              <RoleBadges roles={me.roles} />
            </div>
          </div>
        </SimpleGrid>
      </Paper>

      <div>
        <Title order={2} fz="h4" mb="sm">
          {t('home.shortcuts')}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          {shortcuts.map((shortcut) => (
            <Card key={shortcut.to} withBorder padding="md">
              <Group gap="sm" wrap="nowrap" mb="xs">
                <ThemeIcon variant="light" size="lg" radius="md">
                  {shortcut.icon}
                </ThemeIcon>
                <Title order={3} fz="md">
                  {shortcut.title}
                </Title>
              </Group>
              <Text size="sm" style={{ flexGrow: 1 }}>
                {shortcut.text}
              </Text>
              <Button component={Link} to={shortcut.to} variant="light" mt="md" fullWidth>
                {shortcut.action}
              </Button>
            </Card>
          ))}
        </SimpleGrid>
      </div>
    </Stack>
  );
}

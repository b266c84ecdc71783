import { AppShell, Avatar, Burger, Group, Menu, NavLink, Text, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconAdjustments,
  IconBriefcase,
  IconBuildingBank,
  IconBuildingCommunity,
  IconBuildingStore,
  IconCalendarDue,
  IconChartDots3,
  IconChartHistogram,
  IconChartPie,
  IconChevronDown,
  IconClockCog,
  IconHome,
  IconHomeHeart,
  IconKey,
  IconListCheck,
  IconListDetails,
  IconLogout,
  IconSchool,
  IconTags,
  IconTimeline,
  IconTransfer,
  IconUserCheck,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router';
import type { Me } from '../../shared/auth.ts';
import { ConfirmModal } from '../components/ConfirmModal.tsx';
import { DEMO_BANNER_HEIGHT, DemoBanner } from '../components/DemoBanner.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { meQueryKey, useLogout } from '../features/auth/api/session.ts';
import { canOpenPlanning } from '../features/planning/components/PlanningLayout.tsx';
import { pendingVisitCount } from '../features/supervision/components/useVisitDraft.ts';
import { NotificationBell } from '../features/tasks/components/NotificationBell.tsx';
import { accessFor } from '../lib/access.ts';
import { lastApiActivity } from '../lib/api.ts';
import classes from './AppLayout.module.css';
import { CHANGE_PASSWORD_PATH } from './paths.ts';

const HEADER_HEIGHT = 56;

interface NavItem {
  to: string;
  label: string;
  icon: ReactNode;
  /** Also active on the pages below it. */
  prefix: boolean;
}

/** Asks the server again once the idle timeout has passed without a request: a 401 then ends the session. */
function useIdleCheck(me: Me) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const idleMs = me.session.idleTimeoutMinutes * 60_000;
    const expiresAt = Date.parse(me.session.expiresAt);
    const timer = window.setInterval(() => {
      const now = Date.now();
      if (now - lastApiActivity() > idleMs + 5_000 || now > expiresAt) {
        void queryClient.refetchQueries({ queryKey: meQueryKey });
      }
    }, 30_000);
    return () => window.clearInterval(timer);
  }, [me.session.idleTimeoutMinutes, me.session.expiresAt, queryClient]);
}

export function AppLayout({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  const logout = useLogout();
  const access = accessFor(me.permissions);
  const forced = me.user.mustChangePassword;
  useIdleCheck(me);

  const bannerHeight = me.demo ? DEMO_BANNER_HEIGHT : { base: 0, sm: 0 };
  const headerHeight = { base: HEADER_HEIGHT + bannerHeight.base, sm: HEADER_HEIGHT + bannerHeight.sm };

  const items: NavItem[] = [
    { to: '/', label: t('nav.home'), icon: <IconHome size={20} aria-hidden />, prefix: false },
    { to: '/tugas', label: t('tasks.nav'), icon: <IconListCheck size={20} aria-hidden />, prefix: true },
    ...(access.canReadPeople
      ? [
          {
            to: '/warga',
            label: t('people.nav'),
            icon: <IconUsersGroup size={20} aria-hidden />,
            prefix: true,
          },
        ]
      : []),
    ...(access.canReadPrerelease
      ? [
          {
            to: '/menjelang-bebas',
            label: t('handovers.prereleaseNav'),
            icon: <IconCalendarDue size={20} aria-hidden />,
            prefix: true,
          },
          {
            to: '/serah-terima',
            label: t('handovers.nav'),
            icon: <IconTransfer size={20} aria-hidden />,
            prefix: true,
          },
        ]
      : []),
    ...(access.canReadSupervision
      ? [
          {
            to: '/bimbingan',
            label: t('supervision.nav'),
            icon: <IconUserCheck size={20} aria-hidden />,
            prefix: true,
          },
        ]
      : []),
    ...(access.canReadTraining
      ? [
          {
            to: '/pelatihan',
            label: t('training.nav'),
            icon: <IconSchool size={20} aria-hidden />,
            prefix: true,
          },
        ]
      : access.canReadOwnCohorts
        ? [
            {
              to: '/pelatihan/angkatan',
              label: t('cohorts.ownNav'),
              icon: <IconSchool size={20} aria-hidden />,
              prefix: true,
            },
          ]
        : []),
    {
      to: '/desa',
      label: t('villages.nav'),
      icon: <IconHomeHeart size={20} aria-hidden />,
      prefix: true,
    },
    {
      to: '/organisasi',
      label: t('nav.organizations'),
      icon: <IconBuildingCommunity size={20} aria-hidden />,
      prefix: true,
    },
  ];
  if (access.canReadAllPartners) {
    items.push({
      to: '/mitra',
      label: t('partners.nav'),
      icon: <IconBuildingStore size={20} aria-hidden />,
      prefix: true,
    });
  } else if (access.canReadPartners) {
    // A partner reads only her own organization: the entry is her profile.
    items.push({
      to: `/mitra/${me.organization.id}`,
      label: t('partners.ownNav'),
      icon: <IconBuildingStore size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canReadOpportunities) {
    items.push({
      to: '/peluang',
      label: t('opportunities.nav'),
      icon: <IconBriefcase size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canManagePlacements) {
    items.push({
      to: '/penempatan',
      label: t('placements.nav'),
      icon: <IconTimeline size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (canOpenPlanning(access)) {
    items.push({
      to: '/perencanaan',
      label: t('planning.nav'),
      icon: <IconChartDots3 size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canReadMeetings || access.canReadAgreements || access.canReadWorkPlans) {
    items.push({
      to: '/tata-kelola',
      label: t('governance.title'),
      icon: <IconBuildingBank size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canReadInsight) {
    items.push({
      to: '/dasbor',
      label: t('insight.nav'),
      icon: <IconChartPie size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canReadOutcomes) {
    items.push({
      to: '/hasil',
      label: t('supervision.outcomesNav'),
      icon: <IconChartHistogram size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canReadUsers) {
    items.push({
      to: '/admin/pengguna',
      label: t('nav.users'),
      icon: <IconUsers size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canReadAudit) {
    items.push({
      to: '/admin/audit',
      label: t('nav.audit'),
      icon: <IconListDetails size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canAnonymizePeople) {
    items.push({
      to: '/admin/retensi',
      label: t('peopleData.retention.title'),
      icon: <IconClockCog size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canManageSkills) {
    items.push({
      to: '/admin/keterampilan',
      label: t('training.skillsNav'),
      icon: <IconTags size={20} aria-hidden />,
      prefix: true,
    });
  }
  if (access.canManageRules) {
    items.push({
      to: '/admin/aturan',
      label: t('rules.nav'),
      icon: <IconAdjustments size={20} aria-hidden />,
      prefix: true,
    });
  }

  const isActive = (item: NavItem) =>
    item.prefix
      ? location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)
      : location.pathname === item.to;

  // Clearing the session (in useLogout) makes the AuthGate show the sign-in page. Signing out removes her
  // visit drafts from the device: when some are not sent yet, she is asked first (Batal keeps her in).
  const [unsentVisits, setUnsentVisits] = useState(0);
  const signOut = () => {
    const count = pendingVisitCount(me.user.id);
    if (count > 0) setUnsentVisits(count);
    else logout.mutate();
  };

  return (
    <AppShell
      header={{ height: headerHeight }}
      navbar={forced ? undefined : { width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        {me.demo && <DemoBanner />}
        <Group h={HEADER_HEIGHT} px={{ base: 'xs', sm: 'md' }} justify="space-between" wrap="nowrap" gap="xs">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            {!forced && (
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="sm"
                size="sm"
                aria-label={opened ? t('shell.closeNavigation') : t('shell.openNavigation')}
                aria-expanded={opened}
              />
            )}
            <Text component={Link} to="/" fw={800} fz="xl" c="blue.9" style={{ textDecoration: 'none' }}>
              Sinergi
            </Text>
            <Text size="sm" visibleFrom="sm" truncate="end" style={{ minWidth: 0 }}>
              {me.organization.name}
            </Text>
          </Group>
          <Group gap="xs" wrap="nowrap">
            {!forced && <NotificationBell />}
            <LanguageSwitch />
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <UnstyledButton
                  aria-label={`${t('shell.userMenu')}: ${me.user.fullName}`}
                  p={4}
                  style={{ borderRadius: 8 }}
                >
                  <Group gap={6} wrap="nowrap">
                    <Avatar size={32} radius="xl" color="blue" variant="filled" aria-hidden />
                    <Text size="sm" fw={500} visibleFrom="md" maw={180} truncate="end">
                      {me.user.fullName}
                    </Text>
                    <IconChevronDown size={14} aria-hidden />
                  </Group>
                </UnstyledButton>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>
                  {me.user.fullName} ({me.user.username})
                </Menu.Label>
                {!forced && (
                  <Menu.Item
                    component={Link}
                    to={CHANGE_PASSWORD_PATH}
                    leftSection={<IconKey size={16} aria-hidden />}
                  >
                    {t('shell.changePassword')}
                  </Menu.Item>
                )}
                <Menu.Item leftSection={<IconLogout size={16} aria-hidden />} onClick={signOut}>
                  {t('shell.signOut')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </Group>
        </Group>
      </AppShell.Header>

      {!forced && (
        <AppShell.Navbar
          p="xs"
          aria-label={t('shell.navigation')}
          className={classes.navbar}
          mod={{ collapsed: !opened }}
        >
          <Text size="xs" fw={700} px="sm" py={6} hiddenFrom="sm">
            {me.organization.name}
          </Text>
          {items.map((item) => (
            <NavLink
              key={item.to}
              component={Link}
              to={item.to}
              label={item.label}
              leftSection={item.icon}
              active={isActive(item)}
              aria-current={isActive(item) ? 'page' : undefined}
              onClick={close}
              variant="filled"
              style={{ borderRadius: 8 }}
            />
          ))}
        </AppShell.Navbar>
      )}

      <AppShell.Main>
        <Outlet />
      </AppShell.Main>

      <ConfirmModal
        opened={unsentVisits > 0}
        title={t('tasks.signOut.title')}
        confirmLabel={t('tasks.signOut.confirm')}
        confirmColor="red"
        loading={logout.isPending}
        onConfirm={() => logout.mutate(undefined, { onSettled: () => setUnsentVisits(0) })}
        onClose={() => setUnsentVisits(0)}
      >
        {t('tasks.signOut.pendingVisits', { count: unsentVisits })} {t('tasks.signOut.hint')}
      </ConfirmModal>
    </AppShell>
  );
}

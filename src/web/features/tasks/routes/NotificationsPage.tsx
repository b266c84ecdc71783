import { Badge, Button, Card, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { IconChecks } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import type { NotificationItem } from '../api/contract.ts';
import { useMarkAllRead, useMarkRead, useNotifications, useUnreadCount } from '../api/notifications.ts';
import { notificationText } from '../components/notificationText.ts';
import { internalLink } from '../components/taskModel.ts';

const PAGE_SIZE = 25;

/** /notifikasi: her notifications, newest first; unread only with `?tampil=belum`; mark one or all read. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const { params, update } = useAddressFilters();
  const unreadOnly = params.get('tampil') === 'belum';
  const page = Math.max(1, Number(params.get('halaman')) || 1);
  const list = useNotifications({ unread: unreadOnly, page, pageSize: PAGE_SIZE });
  const unread = useUnreadCount();
  const markAll = useMarkAllRead();
  // The list says how many are unread too; the bell's count may be a minute older.
  const unreadCount = list.data?.unread ?? unread.data?.unread ?? 0;

  const markAllRead = () =>
    markAll.mutate(undefined, {
      onSuccess: () => notifySuccess(t('tasks.notifications.markedAllRead')),
      onError: notifyError,
    });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('tasks.notifications.title')}
        actions={
          unreadCount > 0 && (
            <Button
              variant="default"
              leftSection={<IconChecks size={16} aria-hidden />}
              onClick={markAllRead}
              loading={markAll.isPending}
            >
              {t('tasks.notifications.markAllRead')}
            </Button>
          )
        }
      />
      <Text size="sm" c="dimmed">
        {t('tasks.notifications.intro')}
      </Text>
      <SegmentedControl
        aria-label={t('tasks.notifications.filter')}
        value={unreadOnly ? 'belum' : 'semua'}
        onChange={(value) => update({ tampil: value === 'belum' ? 'belum' : null })}
        data={[
          { value: 'semua', label: t('tasks.notifications.all') },
          { value: 'belum', label: `${t('tasks.notifications.unread')} (${unreadCount})` },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{unreadOnly ? t('tasks.notifications.emptyUnread') : t('tasks.notifications.empty')}</Text>
      ) : (
        <>
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('tasks.notifications.listLabel')}
          >
            {list.data.items.map((notification) => (
              <NotificationCard key={notification.id} notification={notification} />
            ))}
          </Stack>
          <PaginationBar
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

function NotificationCard({ notification }: { notification: NotificationItem }) {
  const { t } = useTranslation();
  const markRead = useMarkRead();
  const unread = notification.readAt === null;
  const text = notificationText(t, notification);
  const link = internalLink(notification.link);

  // Opening it marks it read (the page it leads to is where the work is).
  const open = () => {
    if (unread) markRead.mutate(notification, { onError: notifyError });
  };

  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-notification-id={notification.id}
      data-unread={unread || undefined}
      style={unread ? { borderLeft: '4px solid var(--mantine-color-blue-8)' } : undefined}
    >
      <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Text size="sm" fw={unread ? 600 : undefined} style={{ overflowWrap: 'anywhere' }}>
            {text}
          </Text>
          {notification.personName && (
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('tasks.notifications.person', { name: notification.personName })}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {formatDateTime(notification.createdAt)}
          </Text>
        </Stack>
        {unread && (
          <Badge color="blue.8" radius="sm" tt="none" style={{ flexShrink: 0 }}>
            {t('tasks.notifications.new')}
          </Badge>
        )}
      </Group>
      {(link || unread) && (
        <Group gap="xs" mt="xs">
          {link && (
            <Button
              component={Link}
              to={link}
              onClick={open}
              size="sm"
              variant="light"
              aria-label={t('tasks.notifications.openLabel', { text })}
            >
              {t('tasks.notifications.open')}
            </Button>
          )}
          {unread && (
            <Button
              size="sm"
              variant="subtle"
              onClick={() => markRead.mutate(notification, { onError: notifyError })}
              loading={markRead.isPending}
              aria-label={t('tasks.notifications.markReadLabel', { text })}
            >
              {t('tasks.notifications.markRead')}
            </Button>
          )}
        </Group>
      )}
    </Card>
  );
}

import { ActionIcon, Indicator } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { UNREAD_POLL_MS, useUnreadCount } from '../api/notifications.ts';
import { useRecentInteraction } from './useRecentInteraction.ts';

/** Shown on the bell; a larger count reads "99+". */
const MAX_SHOWN = 99;

/**
 * The bell in the header: links to /notifikasi, with the unread count (asked again every minute while she
 * uses the screen: see useRecentInteraction). Its name says the count ("Notifikasi, 3 belum dibaca") so a
 * screen reader hears what the dot shows.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const location = useLocation();
  const present = useRecentInteraction(2 * UNREAD_POLL_MS);
  const unread = useUnreadCount(present);
  const count = unread.data?.unread ?? 0;
  const label = count > 0 ? t('tasks.notifications.bellUnread', { count }) : t('tasks.notifications.bell');
  const here = location.pathname === '/notifikasi';

  return (
    <Indicator
      label={count > MAX_SHOWN ? `${MAX_SHOWN}+` : count}
      disabled={count === 0}
      size={18}
      offset={6}
      color="red.9"
      zIndex={2}
      // The link's name already says the count.
      attributes={{ indicator: { 'aria-hidden': true } }}
    >
      <ActionIcon
        component={Link}
        to="/notifikasi"
        variant={here ? 'light' : 'default'}
        color={here ? 'blue' : undefined}
        // As tall as the language button beside it.
        size={36}
        radius="md"
        aria-label={label}
        title={label}
        aria-current={here ? 'page' : undefined}
      >
        <IconBell size={20} aria-hidden />
      </ActionIcon>
    </Indicator>
  );
}

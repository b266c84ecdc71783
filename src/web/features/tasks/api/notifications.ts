import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import type { NotificationItem, NotificationList, UnreadCount } from './contract.ts';

export interface NotificationQuery {
  unread?: boolean;
  page: number;
  pageSize: number;
}

export const notificationKeys = {
  all: ['notifications'] as const,
  list: (query: NotificationQuery) => ['notifications', 'list', query] as const,
  unreadCount: () => ['notifications', 'unread-count'] as const,
};

/** How often the bell asks for the unread count. */
export const UNREAD_POLL_MS = 60_000;

export function useNotifications(query: NotificationQuery) {
  return useQuery({
    queryKey: notificationKeys.list(query),
    queryFn: ({ signal }) =>
      api<NotificationList>('/api/notifications', {
        query: { unread: query.unread ? true : undefined, page: query.page, pageSize: query.pageSize },
        signal,
      }),
    placeholderData: keepPreviousData,
  });
}

/**
 * The unread count for the bell (`unread`): asked again every minute while `poll` (the user is at the
 * screen), and whenever the window regains focus.
 */
export function useUnreadCount(poll = false) {
  return useQuery({
    queryKey: notificationKeys.unreadCount(),
    queryFn: ({ signal }) => api<UnreadCount>('/api/notifications/unread-count', { signal }),
    refetchInterval: poll ? UNREAD_POLL_MS : false,
  });
}

export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: Pick<NotificationItem, 'id'>) =>
      api<unknown>(`/api/notifications/${encodeURIComponent(notification.id)}/read`, { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<unknown>('/api/notifications/read-all', { method: 'POST' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
}

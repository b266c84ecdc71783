// The server's contract for tasks and notifications, as the web uses it.
export type { NotificationItem, NotificationList, UnreadCount } from '../../../../shared/notifications.ts';
export type { TaskItem, TaskKind, TaskList, TaskSummary } from '../../../../shared/tasks.ts';

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format.ts';
import { daysFromToday } from '../../people/components/dates.ts';
import type { TaskItem } from '../api/contract.ts';
import { taskKindKey } from './taskModel.ts';

/**
 * A task's date as its kind names it ("Bebas 04/12/2026", "Dikembalikan 20/11/2026"), with how far it is:
 * "Terlambat 3 hari" in red only when the server says it is overdue, else "5 hari lagi" or "2 hari lalu".
 */
export function TaskDue({ task }: { task: Pick<TaskItem, 'kind' | 'dueOn' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!task.dueOn) {
    return task.overdue ? (
      <Badge color="red.9" radius="sm" tt="none" size="sm">
        {t('tasks.overdue')}
      </Badge>
    ) : null;
  }
  const days = daysFromToday(task.dueOn) ?? 0;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs">
        {t(`tasks.kinds.${taskKindKey(task.kind)}.due`, { date: formatDate(task.dueOn) })}
      </Text>
      {task.overdue ? (
        <Badge color="red.9" radius="sm" tt="none" size="sm">
          {days < 0 ? t('tasks.daysOverdue', { count: -days }) : t('tasks.overdue')}
        </Badge>
      ) : days === 0 ? (
        <Badge color="orange.9" radius="sm" tt="none" size="sm">
          {t('tasks.today')}
        </Badge>
      ) : (
        <Text size="xs" c="dimmed">
          {days > 0 ? t('tasks.daysLeft', { count: days }) : t('tasks.daysAgo', { count: -days })}
        </Text>
      )}
    </Group>
  );
}

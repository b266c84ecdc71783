import { Badge, Button, Card, Group, Paper, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFilterOff } from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TASK_KINDS } from '../../../../shared/tasks.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import type { TaskItem } from '../api/contract.ts';
import { useTaskSummary, useTasks } from '../api/tasks.ts';
import { isEscalationLevel } from '../components/notificationText.ts';
import { TaskDue } from '../components/TaskDue.tsx';
import {
  groupTasks,
  isKnownTaskKind,
  type TaskGroup,
  taskKindKey,
  taskLink,
  taskParam,
} from '../components/taskModel.ts';

/** Enough for every task of a normal day on one page; a kind filter pages through the rest. */
const PAGE_SIZE = 200;

/** /tugas: her tasks grouped by kind (overdue first), each linking to where the work is done; `?jenis=` filters. */
export function TasksPage() {
  const { t } = useTranslation();
  const { params, update } = useAddressFilters();
  // Only a known kind reaches the API: an edited address must not turn into a validation error.
  const kindParam = params.get('jenis');
  const kind = isKnownTaskKind(kindParam) ? kindParam : undefined;
  const page = Math.max(1, Number(params.get('halaman')) || 1);
  const tasks = useTasks({ kind, page, pageSize: PAGE_SIZE });

  const summary = useTaskSummary();
  // The kinds her role can have, with their counts (every kind until the summary is there).
  const kindOptions = (summary.data?.kinds ?? TASK_KINDS.map((value) => ({ kind: value, count: null }))).map(
    (item) => ({
      value: item.kind,
      label:
        item.count === null
          ? t(`tasks.kinds.${item.kind}.title`)
          : t('tasks.kindOption', { kind: t(`tasks.kinds.${item.kind}.title`), count: item.count }),
    }),
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('tasks.title')} />
      <Text size="sm" c="dimmed">
        {t('tasks.intro')}
      </Text>
      {summary.data?.kinds.length !== 0 && (
        <Select
          label={t('tasks.kindFilter')}
          placeholder={t('tasks.allKinds')}
          data={kindOptions}
          value={kind ?? null}
          onChange={(value) => update({ jenis: value })}
          clearable
          w={{ base: '100%', xs: 380 }}
        />
      )}

      {tasks.isPending ? (
        <PageLoader />
      ) : tasks.isError ? (
        <QueryError error={tasks.error} onRetry={() => void tasks.refetch()} />
      ) : tasks.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <Text fw={600}>{kind ? t('tasks.emptyKind') : t('tasks.empty')}</Text>
          {!kind && (
            <Text size="sm" c="dimmed">
              {t('tasks.emptyText')}
            </Text>
          )}
          {kind && (
            <Button
              mt="sm"
              variant="default"
              size="xs"
              leftSection={<IconFilterOff size={14} aria-hidden />}
              onClick={() => update({ jenis: null })}
            >
              {t('tasks.showAll')}
            </Button>
          )}
        </Paper>
      ) : (
        <>
          {groupTasks(tasks.data.items).map((group) => (
            <TaskGroupCard key={group.kind} group={group} />
          ))}
          {tasks.data.total > tasks.data.pageSize && (
            <PaginationBar
              page={tasks.data.page}
              pageSize={tasks.data.pageSize}
              total={tasks.data.total}
              onChange={(next) => update({ halaman: String(next) })}
            />
          )}
        </>
      )}
    </Stack>
  );
}

function TaskGroupCard({ group }: { group: TaskGroup }) {
  const { t } = useTranslation();
  const key = taskKindKey(group.kind);
  const title = t(`tasks.kinds.${key}.title`);
  const headingId = `task-group-${group.kind}`;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }} component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" gap="xs" mb={4}>
        <Title order={2} fz="h4" id={headingId}>
          {title}
        </Title>
        <Group gap={6}>
          <Badge color="blue" variant="light" radius="sm" tt="none">
            {t('tasks.groupCount', { count: group.count })}
          </Badge>
          {group.overdue > 0 && (
            <Badge color="red.9" radius="sm" tt="none">
              {t('tasks.groupOverdue', { count: group.overdue })}
            </Badge>
          )}
        </Group>
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {t(`tasks.kinds.${key}.text`)}
      </Text>
      <SimpleGrid
        cols={{ base: 1, lg: 2 }}
        spacing="xs"
        verticalSpacing="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('tasks.listLabel', { kind: title })}
      >
        {group.items.map((task) => (
          <TaskRow key={task.key} task={task} />
        ))}
      </SimpleGrid>
    </Paper>
  );
}

function TaskRow({ task }: { task: TaskGroup['items'][number] }) {
  const { t } = useTranslation();
  const key = taskKindKey(task.kind);
  const action = t(`tasks.kinds.${key}.action`);
  // The name only when she may see the person now; otherwise "someone". A governance task is about no
  // person: its agreement's or action item's title stands there instead.
  const name = task.personName ?? (task.personId ? t('tasks.hiddenPerson') : taskParam(task, 'title'));
  const details = taskDetails(t, task);
  return (
    <Card
      component="li"
      withBorder
      padding="xs"
      data-task-kind={task.kind}
      data-person-id={task.personId ?? undefined}
      style={task.overdue ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}
    >
      <Group justify="space-between" align="center" gap="xs">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 12rem' }}>
          {name && (
            <Text
              size="sm"
              fw={600}
              fs={task.personId && !task.personName ? 'italic' : undefined}
              style={{ overflowWrap: 'anywhere' }}
            >
              {name}
            </Text>
          )}
          {details.length > 0 && (
            <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
              {details.join(' · ')}
            </Text>
          )}
          <TaskDue task={task} />
        </Stack>
        <Button
          component={Link}
          to={taskLink(task)}
          size="sm"
          variant={task.overdue ? 'filled' : 'light'}
          aria-label={name ? t('tasks.openLabel', { kind: action, name }) : action}
        >
          {action}
        </Button>
      </Group>
    </Card>
  );
}

/** What the kind's parameters add: the other organization, the escalation, the outcome window. */
function taskDetails(t: TFunction, task: TaskItem): string[] {
  const params = task.params ?? {};
  const details: string[] = [];
  const organizationName = typeof params.organizationName === 'string' ? params.organizationName : null;
  if (organizationName && task.kind === 'handover_to_decide')
    details.push(t('tasks.fromOrganization', { name: organizationName }));
  if (organizationName && task.kind === 'handover_returned')
    details.push(t('tasks.byOrganization', { name: organizationName }));
  if (task.kind === 'handover_returned' && typeof params.returnedOn === 'string')
    details.push(t('tasks.returnedOn', { date: formatDate(params.returnedOn) }));
  if (task.kind === 'escalation_open') {
    if (isEscalationLevel(params.level))
      details.push(t('tasks.escalationLevel', { level: t(`tasks.notifications.levels.${params.level}`) }));
    if (task.count && task.count > 1) details.push(t('tasks.openEscalations', { count: task.count }));
  }
  if (task.kind === 'outcome_check_due' && typeof params.windowMonths === 'number')
    details.push(t('tasks.outcomeWindow', { count: params.windowMonths }));
  const textVersion = taskParam(task, 'textVersion');
  if (task.kind === 'agreement_to_approve' && textVersion)
    details.push(t('tasks.textVersion', { version: textVersion }));
  return details;
}

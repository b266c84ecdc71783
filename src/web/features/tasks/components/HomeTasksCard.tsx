import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconListCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError.tsx';
import { useTaskSummary } from '../api/tasks.ts';
import { sortSummary, taskKindKey } from './taskModel.ts';

/** The home page's task counts by kind, each linking to /tugas?jenis=<kind>; "Tidak ada tugas" when none. */
export function HomeTasksCard() {
  const { t } = useTranslation();
  const summary = useTaskSummary();
  // The server lists every kind her role can have, zeros too: only those with work are shown.
  const kinds = sortSummary(summary.data?.kinds ?? []);
  const total = summary.data?.total ?? 0;
  const overdue = summary.data?.overdue ?? 0;

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="home-tasks-title"
      aria-busy={summary.isPending}
    >
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} fz="h4" id="home-tasks-title">
          {t('tasks.home.title')}
        </Title>
        {total > 0 && (
          <Group gap={6}>
            <Badge color="blue" variant="light" radius="sm" tt="none">
              {t('tasks.home.total', { count: total })}
            </Badge>
            {overdue > 0 && (
              <Badge color="red.9" radius="sm" tt="none">
                {t('tasks.home.overdue', { count: overdue })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {summary.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : summary.isError ? (
        <QueryError error={summary.error} onRetry={() => void summary.refetch()} />
      ) : total === 0 ? (
        <>
          <Text fw={600}>{t('tasks.home.none')}</Text>
          <Text size="sm" c="dimmed">
            {t('tasks.home.noneText')}
          </Text>
        </>
      ) : (
        <Stack gap="xs">
          <Stack gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
            {kinds.map((item) => (
              <Group key={item.kind} component="li" justify="space-between" gap="xs" wrap="nowrap" mih={32}>
                <Anchor
                  component={Link}
                  to={`/tugas?jenis=${encodeURIComponent(item.kind)}`}
                  size="sm"
                  c="blue.9"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {t(`tasks.kinds.${taskKindKey(item.kind)}.title`)}
                </Anchor>
                <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                  {item.overdue > 0 && (
                    <Badge color="red.9" radius="sm" tt="none" size="sm">
                      {t('tasks.home.overdue', { count: item.overdue })}
                    </Badge>
                  )}
                  <Text size="sm" fw={700} miw={24} ta="right">
                    {item.count}
                  </Text>
                </Group>
              </Group>
            ))}
          </Stack>
          <Button
            component={Link}
            to="/tugas"
            variant="light"
            leftSection={<IconListCheck size={16} aria-hidden />}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('tasks.home.viewAll')}
          </Button>
        </Stack>
      )}
    </Paper>
  );
}

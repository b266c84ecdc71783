import { Group, Timeline as MantineTimeline, Paper, Stack, Text } from '@mantine/core';
import { IconPoint } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useTimeline } from '../api/people.ts';

/** 'remission.added' → its label; a kind this version does not know yet is shown as it is. */
function useKindLabel() {
  const { t } = useTranslation();
  const labels = t('people.timeline.kinds', { returnObjects: true }) as Record<string, string>;
  return (kind: string) => labels[kind.replace(/[.-]/g, '_')] ?? kind;
}

/** Her one event stream, newest first, with who did it and from which organization. */
export function TimelineTab({
  person,
  page,
  onPage,
}: {
  person: Person;
  page: number;
  onPage: (page: number) => void;
}) {
  const { t } = useTranslation();
  const timeline = useTimeline(person.id, page);
  const kindLabel = useKindLabel();

  if (timeline.isPending) return <PageLoader />;
  if (timeline.isError) return <QueryError error={timeline.error} onRetry={() => void timeline.refetch()} />;
  const { items } = timeline.data;
  if (items.length === 0) return <Text size="sm">{t('people.timeline.empty')}</Text>;

  return (
    <Stack gap="md">
      <Paper withBorder p="md">
        <MantineTimeline bulletSize={20} lineWidth={2}>
          {items.map((event) => (
            <MantineTimeline.Item
              key={event.id}
              bullet={<IconPoint size={12} aria-hidden />}
              title={
                <Text fw={600} size="sm" component="span">
                  {kindLabel(event.kind)}
                </Text>
              }
            >
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t('people.timeline.by', {
                    actor: event.actorName ?? t('people.timeline.unknownActor'),
                    organization: event.organizationName ?? '—',
                  })}
                </Text>
                <Text size="sm" c="dimmed" component="time" dateTime={event.at}>
                  {formatDateTime(event.at)}
                </Text>
              </Group>
            </MantineTimeline.Item>
          ))}
        </MantineTimeline>
      </Paper>
      <PaginationBar
        page={timeline.data.page}
        pageSize={timeline.data.pageSize}
        total={timeline.data.total}
        onChange={onPage}
      />
    </Stack>
  );
}

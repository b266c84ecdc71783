import { Anchor, Badge, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useMyActionItems } from '../api/governance.ts';
import { ActionItemDue, ActionItemStatusBadge } from './GovernanceBadges.tsx';
import { GOVERNANCE_PATH } from './governanceTabs.ts';

/** The home card shows this many; the rest are counted ("dan 3 lainnya"). */
const SHOWN = 5;

/**
 * The home page's "Tindak lanjut saya": the signed-in user's own open and in-progress action items,
 * overdue first (the server's order), each with its due date and a link to its meeting. Shown only to those
 * who read meetings (the API answers 403 to anyone else).
 */
export function MyActionItemsCard() {
  const { t } = useTranslation();
  const query = useMyActionItems(SHOWN);
  const total = query.data?.total ?? 0;
  const overdue = query.data?.overdue ?? 0;
  const items = query.data?.items ?? [];

  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="home-action-items-title"
      aria-busy={query.isPending}
    >
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} fz="h4" id="home-action-items-title">
          {t('governance.home.title')}
        </Title>
        {total > 0 && (
          <Group gap={6}>
            <Badge color="blue.8" radius="sm" tt="none">
              {t('governance.home.total', { count: total })}
            </Badge>
            {overdue > 0 && (
              <Badge color="red.9" radius="sm" tt="none">
                {t('governance.home.overdue', { count: overdue })}
              </Badge>
            )}
          </Group>
        )}
      </Group>
      {query.isPending ? (
        <Text size="sm" c="dimmed">
          {t('common.loading')}
        </Text>
      ) : query.isError ? (
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      ) : total === 0 ? (
        <>
          <Text fw={600}>{t('governance.home.none')}</Text>
          <Text size="sm" c="dimmed">
            {t('governance.home.noneText')}
          </Text>
        </>
      ) : (
        <Stack gap="xs">
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('governance.home.listLabel')}
          >
            {items.map((item) => (
              <Card
                key={item.id}
                component="li"
                withBorder
                padding="xs"
                data-action-item-id={item.id}
                style={item.overdue ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}
              >
                <Stack gap={4}>
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={`${GOVERNANCE_PATH}/rapat/${encodeURIComponent(item.meeting.id)}`}
                      size="sm"
                      fw={600}
                      c="blue.9"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {item.title}
                    </Anchor>
                    <ActionItemStatusBadge status={item.status} />
                  </Group>
                  <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                    {t('governance.overview.meeting', {
                      date: formatDate(item.meeting.heldOn),
                      title: item.meeting.title,
                    })}
                  </Text>
                  <ActionItemDue item={item} />
                </Stack>
              </Card>
            ))}
          </Stack>
          <Group justify="space-between" gap="xs">
            {total > items.length ? (
              <Text size="sm" c="dimmed">
                {t('governance.home.more', { count: total - items.length })}
              </Text>
            ) : (
              <span />
            )}
            <Button
              component={Link}
              to={GOVERNANCE_PATH}
              variant="light"
              rightSection={<IconArrowRight size={16} aria-hidden />}
            >
              {t('governance.home.viewAll')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

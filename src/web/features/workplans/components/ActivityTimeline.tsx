import { Box, Group, SegmentedControl, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WORK_PLAN_ACTIVITY_STATUSES,
  type WorkPlanActivityKind,
  type WorkPlanActivityStatus,
} from '../../../../shared/workplans.ts';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { todayIso } from '../../people/components/dates.ts';
import { inclusiveDays, monthLabels, timelineBar, timelineMarker, timelineMonths } from './timeline.ts';
import { ACTIVITY_STATUS_COLORS } from './vocabulary.ts';
import { ActivityStatusBadge } from './WorkPlanBadges.tsx';

/** What the timeline needs of an activity (the contract's activity has all of it). */
export interface TimelineActivity {
  id: string;
  title: string;
  kind: WorkPlanActivityKind;
  startsOn: string;
  endsOn: string;
  status: WorkPlanActivityStatus;
  responsibleOrganization: { name: string };
}

const LABEL_WIDTH = 150;
const MONTH_WIDTH = 64;

/** `blue.9` → the theme's CSS variable. */
const cssColor = (color: string) => `var(--mantine-color-${color.replace('.', '-')})`;

/**
 * The plan's activities across its months (a Gantt-like chart), or the same as a table. Each bar's row
 * names the activity and its dates in text; the chart scrolls sideways on a phone.
 */
export function ActivityTimeline({
  periodStart,
  periodEnd,
  activities,
}: {
  periodStart: string;
  periodEnd: string;
  activities: readonly TimelineActivity[];
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  if (activities.length === 0) return <Text size="sm">{t('workplans.timeline.empty')}</Text>;
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t('workplans.timeline.view')}
        value={view}
        onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
        data={[
          { value: 'chart', label: t('workplans.timeline.chart') },
          { value: 'table', label: t('workplans.timeline.table') },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      {view === 'chart' ? (
        <TimelineChart periodStart={periodStart} periodEnd={periodEnd} activities={activities} />
      ) : (
        <TimelineTable activities={activities} />
      )}
    </Stack>
  );
}

function TimelineChart({
  periodStart,
  periodEnd,
  activities,
}: {
  periodStart: string;
  periodEnd: string;
  activities: readonly TimelineActivity[];
}) {
  const { t, i18n } = useTranslation();
  const months = timelineMonths(periodStart, periodEnd);
  const labels = monthLabels(months, i18n.language);
  const today = todayIso();
  const todayAt = timelineMarker(months, today);
  const minWidth = LABEL_WIDTH + months.length * MONTH_WIDTH;
  const periodText = t('workplans.timeline.period', {
    from: formatDate(periodStart),
    to: formatDate(periodEnd),
  });

  const grid = (
    <Box aria-hidden style={{ position: 'absolute', inset: 0, display: 'flex' }}>
      {months.map((month, index) => (
        <Box
          key={month.key}
          style={{
            flex: 1,
            borderLeft: index === 0 ? undefined : '1px solid var(--mantine-color-gray-3)',
          }}
        />
      ))}
    </Box>
  );
  const marker =
    todayAt === null ? null : (
      <Box
        aria-hidden
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          left: `${todayAt}%`,
          width: 2,
          background: 'var(--mantine-color-red-9)',
        }}
      />
    );

  return (
    <Stack gap={6}>
      <Text size="sm" c="dimmed">
        {periodText}
        {todayAt !== null && ` · ${t('workplans.timeline.todayLegend', { date: formatDate(today) })}`}
      </Text>
      <Box
        role="region"
        aria-label={t('workplans.timeline.chartLabel')}
        tabIndex={0}
        style={{ overflowX: 'auto', border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}
      >
        <Box style={{ minWidth, position: 'relative' }}>
          <Box
            aria-hidden
            style={{
              display: 'flex',
              borderBottom: '1px solid var(--mantine-color-gray-3)',
              background: 'var(--mantine-color-gray-0)',
            }}
          >
            <Box
              px="xs"
              py={4}
              style={{
                width: LABEL_WIDTH,
                flexShrink: 0,
                position: 'sticky',
                left: 0,
                zIndex: 2,
                background: 'var(--mantine-color-gray-0)',
                borderRight: '1px solid var(--mantine-color-gray-3)',
              }}
            >
              <Text size="xs" fw={600}>
                {t('workplans.timeline.activity')}
              </Text>
            </Box>
            <Box style={{ display: 'flex', flex: 1 }}>
              {labels.map((label, index) => (
                <Box
                  key={label.key}
                  py={4}
                  px={4}
                  title={label.long}
                  style={{
                    flex: 1,
                    minWidth: 0,
                    borderLeft: index === 0 ? undefined : '1px solid var(--mantine-color-gray-3)',
                  }}
                >
                  <Text size="xs" fw={600} style={{ whiteSpace: 'nowrap' }}>
                    {label.short}
                  </Text>
                </Box>
              ))}
            </Box>
          </Box>
          <Box component="ol" m={0} p={0} style={{ listStyle: 'none' }}>
            {activities.map((activity) => {
              const bar = timelineBar(months, activity.startsOn, activity.endsOn);
              const dates = t('workplans.timeline.dates', {
                from: formatDate(activity.startsOn),
                to: formatDate(activity.endsOn),
              });
              const status = t(`workplans.activityStatus.${activity.status}`);
              return (
                <Box
                  component="li"
                  key={activity.id}
                  data-activity-id={activity.id}
                  style={{ display: 'flex', borderBottom: '1px solid var(--mantine-color-gray-2)' }}
                >
                  <Box
                    px="xs"
                    py={6}
                    style={{
                      width: LABEL_WIDTH,
                      flexShrink: 0,
                      position: 'sticky',
                      left: 0,
                      zIndex: 2,
                      background: 'var(--mantine-color-white)',
                      borderRight: '1px solid var(--mantine-color-gray-3)',
                    }}
                  >
                    <Text size="sm" fw={500} lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
                      {activity.title}
                    </Text>
                    <Text size="xs">{dates}</Text>
                    <VisuallyHidden>{status}</VisuallyHidden>
                  </Box>
                  <Box style={{ position: 'relative', flex: 1, minHeight: 48 }}>
                    {grid}
                    {marker}
                    {bar ? (
                      <Box
                        aria-hidden
                        title={`${activity.title}: ${dates} · ${status}`}
                        style={{
                          position: 'absolute',
                          top: 14,
                          height: 20,
                          left: `${bar.left}%`,
                          width: `max(${bar.width}%, 4px)`,
                          background: cssColor(ACTIVITY_STATUS_COLORS[activity.status]),
                          opacity: activity.status === 'cancelled' ? 0.75 : 1,
                          borderRadius: `${bar.clippedStart ? 0 : 4}px ${bar.clippedEnd ? 0 : 4}px ${
                            bar.clippedEnd ? 0 : 4
                          }px ${bar.clippedStart ? 0 : 4}px`,
                          zIndex: 1,
                        }}
                      />
                    ) : (
                      <Text size="xs" c="dimmed" px="xs" py={14} style={{ position: 'relative' }}>
                        {t('workplans.timeline.outside')}
                      </Text>
                    )}
                  </Box>
                </Box>
              );
            })}
          </Box>
        </Box>
      </Box>
      <Legend />
    </Stack>
  );
}

/** The colours of the bars, named (colour alone never carries the status: each row says it too). */
function Legend() {
  const { t } = useTranslation();
  return (
    <Group gap="sm" aria-label={t('workplans.timeline.legend')} role="list">
      {WORK_PLAN_ACTIVITY_STATUSES.map((status) => (
        <Group key={status} gap={4} role="listitem" wrap="nowrap">
          <Box
            aria-hidden
            style={{
              width: 14,
              height: 10,
              borderRadius: 2,
              background: cssColor(ACTIVITY_STATUS_COLORS[status]),
            }}
          />
          <Text size="xs">{t(`workplans.activityStatus.${status}`)}</Text>
        </Group>
      ))}
    </Group>
  );
}

/** The same facts as the chart, as a table (for screen readers, or to read the dates at a glance). */
function TimelineTable({ activities }: { activities: readonly TimelineActivity[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('workplans.timeline.tableLabel')} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('workplans.timeline.activity')}</Table.Th>
          <Table.Th>{t('workplans.activity.responsible')}</Table.Th>
          <Table.Th>{t('workplans.activity.startsOn')}</Table.Th>
          <Table.Th>{t('workplans.activity.endsOn')}</Table.Th>
          <Table.Th>{t('workplans.timeline.duration')}</Table.Th>
          <Table.Th>{t('workplans.activity.status')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {activities.map((activity) => (
          <Table.Tr key={activity.id}>
            <Table.Td>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {activity.title}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`workplans.kind.${activity.kind}`)}
              </Text>
            </Table.Td>
            <Table.Td>{activity.responsibleOrganization.name}</Table.Td>
            <Table.Td>{formatDate(activity.startsOn)}</Table.Td>
            <Table.Td>{formatDate(activity.endsOn)}</Table.Td>
            <Table.Td>
              {t('workplans.timeline.days', { count: inclusiveDays(activity.startsOn, activity.endsOn) })}
            </Table.Td>
            <Table.Td>
              <ActivityStatusBadge status={activity.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

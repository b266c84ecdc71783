import {
  Anchor,
  Badge,
  Button,
  Card,
  Grid,
  Group,
  Progress,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { HANDOVER_STATES } from '../../../../shared/handovers.ts';
import { JOURNEY_STATUSES } from '../../../../shared/people.ts';
import {
  PRERELEASE_MILESTONES,
  PRERELEASE_SORTS,
  PRERELEASE_WINDOWS,
  type PrereleaseItem,
} from '../../../../shared/prerelease.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { PersonStatusBadge } from '../../people/components/PersonStatusBadge.tsx';
import { RelativeDays } from '../../people/components/RelativeDays.tsx';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { completenessColor } from '../../reintegration/components/vocabulary.ts';
import { usePrerelease } from '../api/handovers.ts';
import { HandoverStateBadge } from '../components/HandoverStateBadge.tsx';
import {
  DEFAULT_WINDOW,
  prereleaseQueryFromAddress,
  sortChanges,
  sortValue,
} from '../components/prereleaseQuery.ts';

const planPath = (personId: string) => `/warga/${personId}?tab=rencana`;
/** Badges whose words wrap instead of being cut off ("Belum diserahkan ke Bapas" in a narrow column). */
const WRAPPING_BADGE = { label: { whiteSpace: 'normal', overflow: 'visible', textAlign: 'left' } } as const;

/**
 * /menjelang-bebas: the women the caller sees whose release, asimilasi, PB, CB or CMB date falls within the
 * window (default 90 days), with plan completeness, what is missing, the handover and the tasks due.
 */
export function PrereleaseDashboardPage() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters({
    neutralKeys: ['urut', 'arah'],
  });
  const query = prereleaseQueryFromAddress(params);
  const list = usePrerelease(query);

  const windowDays = query.windowDays ?? DEFAULT_WINDOW;
  const windows: number[] = PRERELEASE_WINDOWS.includes(windowDays as (typeof PRERELEASE_WINDOWS)[number])
    ? [...PRERELEASE_WINDOWS]
    : [...PRERELEASE_WINDOWS, windowDays].sort((a, b) => a - b);
  const sortOptions = PRERELEASE_SORTS.flatMap((sort) =>
    (['asc', 'desc'] as const).map((order) => ({
      value: `${sort}:${order}`,
      label: t(`handovers.prerelease.sorts.${sort}_${order}`),
    })),
  );

  return (
    <Stack gap="md">
      <PageHeader title={t('handovers.prerelease.title')} />
      <Text size="sm" c="dimmed" mt={-8}>
        {t('handovers.prerelease.hint')}
      </Text>

      <section aria-label={t('handovers.prerelease.filters')}>
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, md: 4, lg: 2 }}>
            <Select
              label={t('handovers.prerelease.window')}
              data={windows.map((days) => ({
                value: String(days),
                label: t('handovers.prerelease.windowDays', { count: days }),
              }))}
              value={String(windowDays)}
              onChange={(value) => update({ hari: value === String(DEFAULT_WINDOW) ? null : value })}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4, lg: 2 }}>
            <Select
              label={t('handovers.prerelease.milestone')}
              data={[
                { value: 'any', label: t('handovers.prerelease.milestoneAny') },
                ...optionsOf(PRERELEASE_MILESTONES, (code) =>
                  t(`handovers.prerelease.milestoneNames.${code}`),
                ),
              ]}
              value={query.milestone ?? 'any'}
              onChange={(value) => update({ tanggal: value === 'any' ? null : value })}
              allowDeselect={false}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4, lg: 2 }}>
            <Select
              label={t('handovers.prerelease.status')}
              placeholder={t('handovers.prerelease.allStatuses')}
              data={optionsOf(JOURNEY_STATUSES, (code) => t(`people.status.${code}`))}
              value={query.status ?? null}
              onChange={(value) => update({ status: value })}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4, lg: 2 }}>
            <Select
              label={t('handovers.prerelease.handover')}
              placeholder={t('handovers.prerelease.allHandovers')}
              data={optionsOf(HANDOVER_STATES, (code) => t(`handovers.state.${code}`))}
              value={query.handover ?? null}
              onChange={(value) => update({ serah: value })}
              clearable
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6, md: 4, lg: 2 }}>
            <TextInput
              label={t('handovers.prerelease.search')}
              placeholder={t('handovers.prerelease.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, md: 4, lg: 2 }}>
            <Select
              label={t('handovers.prerelease.sort')}
              data={sortOptions}
              value={sortValue(query)}
              onChange={(value) => update(sortChanges(value))}
              allowDeselect={false}
            />
          </Grid.Col>
        </Grid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('handovers.prerelease.clearFilters')}
          </Button>
        )}
      </section>

      {list.isPending ? (
        <PageLoader />
      ) : list.isError ? (
        <QueryError error={list.error} onRetry={() => void list.refetch()} />
      ) : list.data.items.length === 0 ? (
        <Text>{t('handovers.prerelease.empty')}</Text>
      ) : (
        <>
          {wide ? <PrereleaseTable items={list.data.items} /> : <PrereleaseCards items={list.data.items} />}
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

function PersonLink({ item }: { item: PrereleaseItem }) {
  return (
    <Anchor
      component={Link}
      to={planPath(item.person.id)}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {item.person.displayName}
    </Anchor>
  );
}

/** Each milestone in the window: its name, date and the days to go. */
function Milestones({ item }: { item: PrereleaseItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {item.milestones.map((milestone) => (
        <Text component="li" size="sm" key={milestone.kind} data-milestone={milestone.kind}>
          <Text component="span" fw={600} size="sm">
            {t(`handovers.prerelease.milestoneNames.${milestone.kind}`)}
          </Text>{' '}
          {formatDate(milestone.date)}{' '}
          <RelativeDays days={milestone.daysToGo} mode="left" style={{ whiteSpace: 'nowrap' }} />
        </Text>
      ))}
    </Stack>
  );
}

/** The plan's completeness as a bar with its number, or "Belum ada rencana". */
function Completeness({ percent }: { percent: number | null }) {
  const { t } = useTranslation();
  if (percent === null) {
    return (
      <Text size="sm" c="red.9" fw={500}>
        {t('handovers.prerelease.noPlan')}
      </Text>
    );
  }
  return (
    <Group gap="xs" wrap="nowrap" miw={120}>
      <Progress
        value={percent}
        color={completenessColor(percent)}
        size="md"
        style={{ flex: 1 }}
        aria-label={t('handovers.prerelease.completenessLabel', { percent })}
      />
      <Text size="sm" fw={600} style={{ whiteSpace: 'nowrap' }}>
        {t('handovers.prerelease.completenessValue', { percent })}
      </Text>
    </Group>
  );
}

/** The missing items as badges (no_plan is said by the completeness column already). */
function Missing({ item }: { item: PrereleaseItem }) {
  const { t } = useTranslation();
  const shown = item.missing.filter((missing) => missing.item !== 'no_plan');
  if (shown.length === 0) {
    return item.completeness === null ? null : (
      <Badge variant="filled" color="teal.9" radius="sm" tt="none">
        {t('handovers.prerelease.nothingMissing')}
      </Badge>
    );
  }
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {shown.map((missing) => (
        <Badge
          component="li"
          key={missing.item}
          variant="light"
          color="red"
          radius="sm"
          tt="none"
          fw={600}
          styles={WRAPPING_BADGE}
          h="auto"
          py={2}
        >
          {t(`handovers.prerelease.missingItems.${missing.item}`, { count: missing.count ?? 0 })}
        </Badge>
      ))}
    </Group>
  );
}

function HandoverCell({ item }: { item: PrereleaseItem }) {
  const { t } = useTranslation();
  const { handover } = item;
  return (
    <Stack gap={2} align="flex-start">
      <HandoverStateBadge state={handover.state} />
      {handover.organization && <Text size="xs">{handover.organization.name}</Text>}
      {handover.officerName && (
        <Text size="xs">
          {t('handovers.section.officer')}: {handover.officerName}
        </Text>
      )}
    </Stack>
  );
}

function TasksDue({ count }: { count: number }) {
  const { t } = useTranslation();
  return count > 0 ? (
    <Badge color="blue.9" radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
      {t('handovers.prerelease.tasksDueCount', { count })}
    </Badge>
  ) : (
    <Text size="sm" c="dimmed">
      <span aria-hidden>{EMPTY}</span>
      <VisuallyHidden>{t('handovers.prerelease.noTasks')}</VisuallyHidden>
    </Text>
  );
}

function PrereleaseTable({ items }: { items: PrereleaseItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('handovers.prerelease.listLabel')} minWidth={940}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('handovers.prerelease.name')}</Table.Th>
          <Table.Th>{t('handovers.prerelease.dates')}</Table.Th>
          <Table.Th>{t('handovers.prerelease.completeness')}</Table.Th>
          <Table.Th>{t('handovers.prerelease.missing')}</Table.Th>
          <Table.Th>{t('handovers.prerelease.handover')}</Table.Th>
          <Table.Th>{t('handovers.prerelease.tasksDue')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.person.id} data-person-id={item.person.id}>
            <Table.Td>
              <PersonLink item={item} />
              {item.person.registrationNumber && (
                <Text size="xs" c="dimmed">
                  {item.person.registrationNumber}
                </Text>
              )}
              <PersonStatusBadge status={item.journeyStatus} />
            </Table.Td>
            <Table.Td>
              <Milestones item={item} />
            </Table.Td>
            <Table.Td>
              <Completeness percent={item.completeness} />
            </Table.Td>
            <Table.Td maw={220}>
              <Missing item={item} />
            </Table.Td>
            <Table.Td>
              <HandoverCell item={item} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <TasksDue count={item.tasksDue} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone (and a narrow tablet) each person is a card: the same facts, stacked. */
function PrereleaseCards({ items }: { items: PrereleaseItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('handovers.prerelease.listLabel')}
    >
      {items.map((item) => (
        <Card key={item.person.id} component="li" withBorder padding="sm" data-person-id={item.person.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <div>
              <PersonLink item={item} />
              {item.person.registrationNumber && (
                <Text size="xs" c="dimmed">
                  {item.person.registrationNumber}
                </Text>
              )}
            </div>
            <PersonStatusBadge status={item.journeyStatus} />
          </Group>
          <Stack gap="xs" mt="xs">
            <Milestones item={item} />
            <div>
              <Text size="xs" c="dimmed">
                {t('handovers.prerelease.completeness')}
              </Text>
              <Completeness percent={item.completeness} />
            </div>
            <Missing item={item} />
            <Group justify="space-between" align="flex-start" gap="xs">
              <HandoverCell item={item} />
              <TasksDue count={item.tasksDue} />
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

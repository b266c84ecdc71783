import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COHORT_STATUSES, type CohortListItem, type CohortListQuery } from '../../../../shared/cohorts.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCohorts, useProgramOptions } from '../api/cohorts.ts';
import { CohortStatusBadge } from '../components/StatusBadges.tsx';
import { useCohortFormat } from '../components/useCohortFormat.ts';
import { oneOf } from '../components/vocabulary.ts';

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The filters as they stand in the address (program, status, q, halaman), turned into the API's query. */
function queryFromAddress(params: URLSearchParams): CohortListQuery {
  const program = params.get('program');
  return {
    programId: program && UUID.test(program) ? program : undefined,
    status: oneOf(COHORT_STATUSES, params.get('status')),
    q: params.get('q')?.trim() || undefined,
    page: Math.max(1, Number(params.get('halaman')) || 1),
    pageSize: PAGE_SIZE,
  };
}

/**
 * Cohorts of the prison, or for a partner's instructor only the cohorts she teaches (the server filters;
 * the title then reads "Angkatan saya").
 */
export function CohortListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const ownOnly = !access.canReadTraining;
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  // Typed text is debounced into the address, so a reload or the back button keeps it.
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();
  // A partner's instructor does not read the catalogue (and needs no program filter for her few cohorts).
  const programs = useProgramOptions(!ownOnly);

  const query = queryFromAddress(params);
  const cohorts = useCohorts(query);
  const title = ownOnly ? t('cohorts.list.ownTitle') : t('cohorts.list.title');
  const programOptions = (programs.data?.items ?? []).map((program) => ({
    value: program.id,
    label: program.name,
  }));

  return (
    <Stack gap="md">
      <PageHeader
        title={title}
        actions={
          access.canManageTraining && (
            <Button
              component={Link}
              to={
                query.programId
                  ? `/pelatihan/angkatan/baru?program=${query.programId}`
                  : '/pelatihan/angkatan/baru'
              }
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('cohorts.list.create')}
            </Button>
          )
        }
      />
      {ownOnly && <Text size="sm">{t('cohorts.list.ownIntro')}</Text>}

      <section aria-label={t('cohorts.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('cohorts.list.search')}
            placeholder={t('cohorts.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          {!ownOnly && (
            <Select
              label={t('cohorts.list.program')}
              placeholder={t('cohorts.list.allPrograms')}
              data={programOptions}
              value={query.programId ?? null}
              onChange={(value) => update({ program: value })}
              searchable
              clearable
              nothingFoundMessage={EMPTY}
            />
          )}
          <Select
            label={t('cohorts.list.status')}
            placeholder={t('cohorts.list.allStatuses')}
            data={COHORT_STATUSES.map((code) => ({ value: code, label: t(`cohorts.status.${code}`) }))}
            value={query.status ?? null}
            onChange={(value) => update({ status: value })}
            clearable
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('cohorts.list.clearFilters')}
          </Button>
        )}
      </section>

      {cohorts.isPending ? (
        <PageLoader />
      ) : cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.items.length === 0 ? (
        <Text>{ownOnly && !hasFilters ? t('cohorts.list.emptyOwn') : t('cohorts.list.empty')}</Text>
      ) : (
        <>
          {wide ? (
            <CohortTable items={cohorts.data.items} label={title} />
          ) : (
            <CohortCards items={cohorts.data.items} label={title} />
          )}
          <PaginationBar
            page={cohorts.data.page}
            pageSize={cohorts.data.pageSize}
            total={cohorts.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

interface ItemsProps {
  items: CohortListItem[];
  label: string;
}

function CohortLink({ cohort }: { cohort: CohortListItem }) {
  return (
    <Anchor
      component={Link}
      to={`/pelatihan/angkatan/${cohort.id}`}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {cohort.name}
    </Anchor>
  );
}

function Filled({ cohort }: { cohort: CohortListItem }) {
  const { t } = useTranslation();
  // After cancellation nobody is allocated any more: "0/12" would mislead. A completed cohort counts those
  // who completed it.
  if (cohort.status === 'cancelled') return <>{EMPTY}</>;
  if (cohort.status === 'completed') {
    const done = t('cohorts.completedOfCapacity', { completed: cohort.completed });
    return (
      <Text span size="sm" style={{ whiteSpace: 'nowrap' }}>
        {done}
      </Text>
    );
  }
  const text = t('cohorts.capacityUsedLong', { allocated: cohort.allocated, capacity: cohort.capacity });
  return (
    <Text span size="sm" title={text} style={{ whiteSpace: 'nowrap' }}>
      <span aria-hidden>
        {t('cohorts.capacityUsed', { allocated: cohort.allocated, capacity: cohort.capacity })}
      </span>
      <VisuallyHidden>{text}</VisuallyHidden>
    </Text>
  );
}

function CohortTable({ items, label }: ItemsProps) {
  const { t } = useTranslation();
  const format = useCohortFormat();
  return (
    <ScrollTable label={label} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cohorts.list.name')}</Table.Th>
          <Table.Th>{t('cohorts.list.status')}</Table.Th>
          <Table.Th>{t('cohorts.list.dates')}</Table.Th>
          <Table.Th>
            <span title={t('cohorts.list.capacityLabel')}>{t('cohorts.list.capacity')}</span>
          </Table.Th>
          <Table.Th>{t('cohorts.list.instructor')}</Table.Th>
          <Table.Th>{t('cohorts.list.nextSession')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((cohort) => (
          <Table.Tr key={cohort.id}>
            <Table.Td>
              <CohortLink cohort={cohort} />
              <Text size="xs" c="dimmed">
                {cohort.programName}
              </Text>
            </Table.Td>
            <Table.Td>
              <CohortStatusBadge status={cohort.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {format.dateRange(cohort.startDate, cohort.endDate)}
            </Table.Td>
            <Table.Td>
              <Filled cohort={cohort} />
            </Table.Td>
            <Table.Td>{cohort.instructorName ?? EMPTY}</Table.Td>
            <Table.Td>{format.nextSession(cohort.nextSession) ?? EMPTY}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each cohort is a card with the same facts, stacked. */
function CohortCards({ items, label }: ItemsProps) {
  const { t } = useTranslation();
  const format = useCohortFormat();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((cohort) => (
        <Card key={cohort.id} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <CohortLink cohort={cohort} />
            <CohortStatusBadge status={cohort.status} />
          </Group>
          <Stack gap={2} mt={6}>
            <Text size="sm">{cohort.programName}</Text>
            <Text size="sm">
              {t('cohorts.list.dates')}: {format.dateRange(cohort.startDate, cohort.endDate)}
            </Text>
            <Text size="sm">
              {t('cohorts.list.capacity')}: <Filled cohort={cohort} />
            </Text>
            {cohort.instructorName && (
              <Text size="sm">
                {t('cohorts.list.instructor')}: {cohort.instructorName}
              </Text>
            )}
            <Text size="sm">
              {t('cohorts.list.nextSession')}:{' '}
              {format.nextSession(cohort.nextSession) ?? t('cohorts.list.noNextSession')}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

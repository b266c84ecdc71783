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
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  JOURNEY_STATUSES,
  type PersonListItem,
  type PersonListQuery,
  SECTORS,
  SORTS,
} from '../../../../shared/people.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { usePeople } from '../api/people.ts';
import { daysFromToday } from '../components/dates.ts';
import { PeopleExportButton } from '../components/PeopleExportButton.tsx';
import { PersonStatusBadge } from '../components/PersonStatusBadge.tsx';
import { RelativeDays } from '../components/RelativeDays.tsx';
import { oneOf, optionsOf } from '../components/vocabulary.ts';

const PAGE_SIZE = 25;
const RELEASE_WINDOWS = [30, 60, 90, 180, 365];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Sort = (typeof SORTS)[number];
/** Each sort's natural direction: names A–Z, the nearest release first, the newest registration first. */
const SORT_ORDER: Record<Sort, 'asc' | 'desc'> = {
  relevance: 'desc',
  name: 'asc',
  release_date: 'asc',
  created_at: 'desc',
};

/**
 * The list's filters as they stand in the address (Indonesian keys, so a shared link reads well), turned
 * into the API's query. Unknown or malformed values are dropped instead of becoming a validation error.
 */
function queryFromAddress(params: URLSearchParams, q: string): PersonListQuery {
  const within = Number(params.get('bebas'));
  const village = params.get('kelurahan');
  const prison = params.get('lapas');
  // Relevance needs search words; without them the list falls back to names A–Z.
  const chosen = oneOf(SORTS, params.get('urut'));
  const sort = chosen === 'relevance' && !q ? 'name' : (chosen ?? (q ? undefined : 'name'));
  return {
    q: q || undefined,
    status: oneOf(JOURNEY_STATUSES, params.get('status')),
    releaseWithinDays: Number.isInteger(within) && within > 0 && within <= 3650 ? within : undefined,
    villageId: village && UUID.test(village) ? village : undefined,
    organizationId: prison && UUID.test(prison) ? prison : undefined,
    skill: params.get('keterampilan')?.trim() || undefined,
    sector: oneOf(SECTORS, params.get('sektor')),
    sort,
    order: sort ? SORT_ORDER[sort] : undefined,
    page: Math.max(1, Number(params.get('halaman')) || 1),
    pageSize: PAGE_SIZE,
  };
}

export function PersonListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  // Typed text (the search and the skill) is debounced into the address, so a reload or the back button
  // keeps it. The sort order alone is not a filter.
  const { params, search, setSearch, text, setText, update, clear, hasFilters } = useAddressFilters({
    textKeys: ['q', 'keterampilan'],
    neutralKeys: ['urut'],
  });
  const villages = useOrganizations({ kind: 'village' });
  // Prison staff see only their own prison's people; the others may receive people from several prisons.
  const choosesPrison = me.organization.kind !== 'prison';
  const prisons = useOrganizations({ kind: 'prison' });

  const query = queryFromAddress(params, params.get('q')?.trim() ?? '');
  const people = usePeople(query);

  const sortOptions = [
    ...(query.q ? [{ value: 'relevance', label: t('people.list.sortRelevance') }] : []),
    { value: 'name', label: t('people.list.sortName') },
    { value: 'release_date', label: t('people.list.sortRelease') },
    { value: 'created_at', label: t('people.list.sortNewest') },
  ];
  const windows =
    query.releaseWithinDays && !RELEASE_WINDOWS.includes(query.releaseWithinDays)
      ? [...RELEASE_WINDOWS, query.releaseWithinDays].sort((a, b) => a - b)
      : RELEASE_WINDOWS;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('people.list.title')}
        actions={
          <>
            {access.canImportPeople && (
              <Button
                component={Link}
                to="/warga/impor"
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('people.list.import')}
              </Button>
            )}
            {access.canExportPeople && <PeopleExportButton query={query} />}
            {access.canManagePeople && (
              <Button component={Link} to="/warga/baru" leftSection={<IconPlus size={16} aria-hidden />}>
                {t('people.list.register')}
              </Button>
            )}
          </>
        }
      />

      <section aria-label={t('people.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 4 }} spacing="sm">
          <TextInput
            label={t('people.list.search')}
            placeholder={t('people.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            label={t('people.list.status')}
            placeholder={t('people.list.allStatuses')}
            data={optionsOf(JOURNEY_STATUSES, (code) => t(`people.status.${code}`))}
            value={query.status ?? null}
            onChange={(value) => update({ status: value })}
            clearable
          />
          <Select
            label={t('people.list.releaseWithin')}
            placeholder={t('people.list.anyRelease')}
            data={windows.map((days) => ({
              value: String(days),
              label: t('people.list.releaseWithinDays', { count: days }),
            }))}
            value={query.releaseWithinDays ? String(query.releaseWithinDays) : null}
            onChange={(value) => update({ bebas: value })}
            clearable
          />
          <Select
            label={t('people.list.village')}
            placeholder={t('people.list.allVillages')}
            data={(villages.data?.items ?? []).map((village) => ({ value: village.id, label: village.name }))}
            value={query.villageId ?? null}
            onChange={(value) => update({ kelurahan: value })}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
          {choosesPrison && (
            <Select
              label={t('people.list.prison')}
              placeholder={t('people.list.allPrisons')}
              data={(prisons.data?.items ?? []).map((prison) => ({ value: prison.id, label: prison.name }))}
              value={query.organizationId ?? null}
              onChange={(value) => update({ lapas: value })}
              searchable
              clearable
              nothingFoundMessage={EMPTY}
            />
          )}
          <TextInput
            label={t('people.list.skill')}
            placeholder={t('people.list.skillPlaceholder')}
            value={text.keterampilan}
            onChange={(event) => setText('keterampilan', event.currentTarget.value)}
          />
          <Select
            label={t('people.list.sector')}
            placeholder={t('people.list.allSectors')}
            data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
            value={query.sector ?? null}
            onChange={(value) => update({ sektor: value })}
            clearable
          />
          <Select
            label={t('people.list.sort')}
            data={sortOptions}
            value={query.sort ?? 'relevance'}
            onChange={(value) => update({ urut: value })}
            allowDeselect={false}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('people.list.clearFilters')}
          </Button>
        )}
      </section>

      {people.isPending ? (
        <PageLoader />
      ) : people.isError ? (
        <QueryError error={people.error} onRetry={() => void people.refetch()} />
      ) : people.data.items.length === 0 ? (
        <Text>{t('people.list.empty')}</Text>
      ) : (
        <>
          {wide ? (
            <PeopleTable items={people.data.items} showRegistration={access.canReadCustody} />
          ) : (
            <PeopleCards items={people.data.items} showRegistration={access.canReadCustody} />
          )}
          <PaginationBar
            page={people.data.page}
            pageSize={people.data.pageSize}
            total={people.data.total}
            totalCapped={people.data.totalCapped}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

interface ItemsProps {
  items: PersonListItem[];
  /** Prison and probation staff only: the registration number is theirs. */
  showRegistration: boolean;
}

function ReleaseCell({ date }: { date: string | null }) {
  if (!date) return <>{EMPTY}</>;
  return (
    <>
      {formatDate(date)} <RelativeDays days={daysFromToday(date)} style={{ whiteSpace: 'nowrap' }} />
    </>
  );
}

function skillsText(skills: string[] | null): string {
  return skills && skills.length > 0 ? skills.join(', ') : EMPTY;
}

function PeopleTable({ items, showRegistration }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('people.list.title')} minWidth={860}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('people.list.name')}</Table.Th>
          {showRegistration && <Table.Th>{t('people.list.registrationNumber')}</Table.Th>}
          <Table.Th>{t('people.list.status')}</Table.Th>
          <Table.Th>{t('people.list.releaseDate')}</Table.Th>
          <Table.Th>{t('people.list.intendedVillage')}</Table.Th>
          <Table.Th>{t('people.list.skills')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((person) => (
          <Table.Tr key={person.id}>
            <Table.Td>
              <Anchor component={Link} to={`/warga/${person.id}`} fw={600} c="blue.9">
                {person.displayName}
              </Anchor>
              {person.birthDate && (
                <Text size="xs" c="dimmed">
                  {t('people.list.birthDate')}: {formatDate(person.birthDate)}
                </Text>
              )}
            </Table.Td>
            {showRegistration && <Table.Td>{person.registrationNumber ?? EMPTY}</Table.Td>}
            <Table.Td>{person.status ? <PersonStatusBadge status={person.status} /> : EMPTY}</Table.Td>
            <Table.Td>
              <ReleaseCell date={person.releaseDate} />
            </Table.Td>
            <Table.Td>{person.intendedVillageName ?? EMPTY}</Table.Td>
            <Table.Td>{skillsText(person.skills)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each person is a card: the same facts, stacked, with no sideways scrolling. */
function PeopleCards({ items, showRegistration }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('people.list.title')}
    >
      {items.map((person) => (
        <Card key={person.id} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Anchor
              component={Link}
              to={`/warga/${person.id}`}
              fw={600}
              c="blue.9"
              style={{ overflowWrap: 'anywhere' }}
            >
              {person.displayName}
            </Anchor>
            <PersonStatusBadge status={person.status} />
          </Group>
          <Stack gap={2} mt={6}>
            {showRegistration && person.registrationNumber && (
              <Text size="sm">
                {t('people.list.registrationNumber')}: {person.registrationNumber}
              </Text>
            )}
            {person.releaseDate && (
              <Text size="sm">
                {t('people.list.releaseDate')}: <ReleaseCell date={person.releaseDate} />
              </Text>
            )}
            {person.intendedVillageName && (
              <Text size="sm">
                {t('people.list.intendedVillage')}: {person.intendedVillageName}
              </Text>
            )}
            {person.skills && person.skills.length > 0 && (
              <Text size="sm">
                {t('people.list.skills')}: {skillsText(person.skills)}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

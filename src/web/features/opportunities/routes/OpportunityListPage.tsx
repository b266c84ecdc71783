import {
  Anchor,
  Button,
  Card,
  Checkbox,
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
  OPPORTUNITY_KINDS,
  OPPORTUNITY_SORTS,
  OPPORTUNITY_STATUSES,
  type OpportunityListItem,
} from '../../../../shared/opportunities.ts';
import { SECTORS } from '../../../../shared/people.ts';
import { DateField } from '../../../components/DateField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useOpportunities } from '../api/opportunities.ts';
import { OPPORTUNITY_FILTER_KEYS, opportunityListQuery } from '../components/addressQuery.ts';
import { OpportunityStatusBadge, WorkingPatternBadges } from '../components/badges.tsx';
import { OpportunityTitle, Pay, Places } from '../components/parts.tsx';
import { useVillageOptions } from '../components/useVillageOptions.ts';
import { optionsOf } from '../components/vocabulary.ts';

/** /peluang: every opportunity the user may see, with its filters in the address. */
export function OpportunityListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const keys = OPPORTUNITY_FILTER_KEYS;
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  // Typed text is debounced into the address, so a reload or the back button keeps it. The sort order
  // alone is not a filter.
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters({
    textKeys: [keys.q],
    pageKey: keys.page,
    neutralKeys: [keys.sort],
  });
  const villages = useVillageOptions();

  const query = opportunityListQuery(params);
  const opportunities = useOpportunities(query);
  const canAdd = access.canManageOpportunities || access.canDraftOpportunities;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('opportunities.list.title')}
        actions={
          <>
            {access.canImportOpportunities && (
              <Button
                component={Link}
                to="/peluang/impor"
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
              >
                {t('opportunities.list.import')}
              </Button>
            )}
            {canAdd && (
              <Button component={Link} to="/peluang/baru" leftSection={<IconPlus size={16} aria-hidden />}>
                {access.canManageOpportunities ? t('opportunities.list.add') : t('opportunities.list.draft')}
              </Button>
            )}
          </>
        }
      />

      <section aria-label={t('opportunities.list.filters')}>
        <TextInput
          label={t('opportunities.list.search')}
          placeholder={t('opportunities.list.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maw={{ sm: 480 }}
          mb="sm"
        />
        {/* Two filters a row on a phone, so the list starts within the first screen or so. */}
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Select
            label={t('opportunities.list.village')}
            placeholder={t('opportunities.list.allVillages')}
            data={villages.options}
            value={query.villageId ?? null}
            onChange={(value) => update({ [keys.villageId]: value })}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
          <Select
            label={t('opportunities.list.sector')}
            placeholder={t('opportunities.list.allSectors')}
            data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
            value={query.sector ?? null}
            onChange={(value) => update({ [keys.sector]: value })}
            clearable
          />
          <Select
            label={t('opportunities.list.kind')}
            placeholder={t('opportunities.list.allKinds')}
            data={optionsOf(OPPORTUNITY_KINDS, (code) => t(`opportunities.kind.${code}`))}
            value={query.kind ?? null}
            onChange={(value) => update({ [keys.kind]: value })}
            clearable
          />
          <Select
            label={t('opportunities.list.status')}
            placeholder={t('opportunities.list.allStatuses')}
            data={optionsOf(OPPORTUNITY_STATUSES, (code) => t(`opportunities.status.${code}`))}
            value={query.status ?? null}
            onChange={(value) => update({ [keys.status]: value })}
            clearable
          />
          <DateField
            label={t('opportunities.list.startsBefore')}
            value={query.startsBefore ?? null}
            onChange={(value) => update({ [keys.startsBefore]: value })}
            clearable
          />
          <Select
            label={t('opportunities.list.sort')}
            data={optionsOf(OPPORTUNITY_SORTS, (code) => t(`opportunities.sort.${code}`))}
            value={query.sort ?? 'newest'}
            onChange={(value) => update({ [keys.sort]: value === 'newest' ? null : value })}
            allowDeselect={false}
          />
          <Checkbox
            label={t('opportunities.list.openPlacesOnly')}
            checked={query.hasOpenPlaces === 'true'}
            onChange={(event) => update({ [keys.hasOpenPlaces]: event.currentTarget.checked ? 'ya' : null })}
            mt={{ base: 'xs', md: 30 }}
            style={{ gridColumn: 'span 2' }}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('opportunities.clearFilters')}
          </Button>
        )}
      </section>

      {opportunities.isPending ? (
        <PageLoader />
      ) : opportunities.isError ? (
        <QueryError error={opportunities.error} onRetry={() => void opportunities.refetch()} />
      ) : opportunities.data.items.length === 0 ? (
        <Text>{hasFilters ? t('opportunities.list.noMatch') : t('opportunities.list.empty')}</Text>
      ) : (
        <>
          {wide ? (
            <OpportunityTable items={opportunities.data.items} />
          ) : (
            <OpportunityCards items={opportunities.data.items} />
          )}
          <PaginationBar
            page={opportunities.data.page}
            pageSize={opportunities.data.pageSize}
            total={opportunities.data.total}
            onChange={(next) => update({ [keys.page]: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

function PartnerLink({ partner }: { partner: OpportunityListItem['partner'] }) {
  return (
    <Anchor
      component={Link}
      to={`/mitra/${partner.id}`}
      c="blue.9"
      size="sm"
      style={{ overflowWrap: 'anywhere' }}
    >
      {partner.name}
    </Anchor>
  );
}

function OpportunityTable({ items }: { items: OpportunityListItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('opportunities.list.title')} minWidth={940}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('opportunities.list.opportunity')}</Table.Th>
          <Table.Th>{t('opportunities.list.partnerAndVillage')}</Table.Th>
          <Table.Th>{t('opportunities.list.places')}</Table.Th>
          <Table.Th>{t('opportunities.list.dates')}</Table.Th>
          <Table.Th>{t('opportunities.list.pay')}</Table.Th>
          <Table.Th>{t('opportunities.list.statusColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((opportunity) => (
          <Table.Tr key={opportunity.id} data-opportunity-id={opportunity.id}>
            <Table.Td miw={220} maw={320}>
              <Stack gap={4}>
                <OpportunityTitle opportunity={opportunity} />
                <WorkingPatternBadges pattern={opportunity} />
              </Stack>
            </Table.Td>
            <Table.Td miw={160} maw={240}>
              <PartnerLink partner={opportunity.partner} />
              <Text size="xs" c="dimmed">
                {opportunity.village.name}
              </Text>
            </Table.Td>
            <Table.Td>
              <Places opportunity={opportunity} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Text size="sm">
                {t('opportunities.list.startsOn', { date: formatDate(opportunity.startOn) })}
              </Text>
              <Text size="xs" c="dimmed">
                {opportunity.closesOn
                  ? t('opportunities.list.closesOn', { date: formatDate(opportunity.closesOn) })
                  : t('opportunities.page.noClosing')}
              </Text>
            </Table.Td>
            <Table.Td miw={140} maw={220}>
              <Pay opportunity={opportunity} />
            </Table.Td>
            <Table.Td>
              <OpportunityStatusBadge status={opportunity.status} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone or a narrow screen each opportunity is a card: the same facts, stacked. */
function OpportunityCards({ items }: { items: OpportunityListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('opportunities.list.title')}
    >
      {items.map((opportunity) => (
        <Card
          key={opportunity.id}
          component="li"
          withBorder
          padding="sm"
          data-opportunity-id={opportunity.id}
        >
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <OpportunityTitle opportunity={opportunity} />
            <OpportunityStatusBadge status={opportunity.status} />
          </Group>
          <Stack gap={6} mt={6}>
            <Text size="sm" component="div">
              <PartnerLink partner={opportunity.partner} /> · {opportunity.village.name}
            </Text>
            <Group gap="lg" align="flex-start">
              <div>
                <Text size="xs" c="dimmed">
                  {t('opportunities.list.places')}
                </Text>
                <Places opportunity={opportunity} />
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('opportunities.list.start')}
                </Text>
                <Text size="sm">{formatDate(opportunity.startOn)}</Text>
              </div>
              <div>
                <Text size="xs" c="dimmed">
                  {t('opportunities.list.closes')}
                </Text>
                <Text size="sm">{formatDate(opportunity.closesOn)}</Text>
              </div>
            </Group>
            <Text size="sm">
              {t('opportunities.list.pay')}: <Pay opportunity={opportunity} />
            </Text>
            <WorkingPatternBadges pattern={opportunity} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

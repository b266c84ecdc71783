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
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PARTNER_TYPES, PARTNER_WILLINGNESS, type PartnerListItem } from '../../../../shared/partners.ts';
import { SECTORS } from '../../../../shared/people.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useVillageOptions } from '../../opportunities/components/useVillageOptions.ts';
import { optionsOf } from '../../opportunities/components/vocabulary.ts';
import { usePartners } from '../api/partners.ts';
import { PARTNER_FILTER_KEYS, partnerListQuery } from '../components/addressQuery.ts';
import { AgreementStatus, SectorBadges, WillingnessBadge } from '../components/badges.tsx';

/** /mitra: the partner directory with its filters in the address. A partner goes to her own page. */
export function PartnerListPage() {
  const me = useSession();
  const access = accessFor(me.permissions);
  if (!access.canReadAllPartners) return <Navigate to={`/mitra/${me.organization.id}`} replace />;
  return <PartnerDirectory canAdd={access.canManagePartners} />;
}

function PartnerDirectory({ canAdd }: { canAdd: boolean }) {
  const { t } = useTranslation();
  const keys = PARTNER_FILTER_KEYS;
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  // Typed text is debounced into the address, so a reload or the back button keeps it.
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters({
    textKeys: [keys.q],
    pageKey: keys.page,
  });
  const villages = useVillageOptions();

  const query = partnerListQuery(params);
  const partners = usePartners(query);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('partners.list.title')}
        actions={
          canAdd && (
            <Button component={Link} to="/mitra/baru" leftSection={<IconPlus size={16} aria-hidden />}>
              {t('partners.list.add')}
            </Button>
          )
        }
      />

      <section aria-label={t('partners.list.filters')}>
        <TextInput
          label={t('partners.list.search')}
          placeholder={t('partners.list.searchPlaceholder')}
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
            label={t('partners.list.type')}
            placeholder={t('partners.list.allTypes')}
            data={optionsOf(PARTNER_TYPES, (code) => t(`partners.type.${code}`))}
            value={query.type ?? null}
            onChange={(value) => update({ [keys.type]: value })}
            clearable
          />
          <Select
            label={t('partners.list.sector')}
            placeholder={t('partners.list.allSectors')}
            data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
            value={query.sector ?? null}
            onChange={(value) => update({ [keys.sector]: value })}
            clearable
          />
          <Select
            label={t('partners.list.village')}
            placeholder={t('partners.list.allVillages')}
            data={villages.options}
            value={query.villageId ?? null}
            onChange={(value) => update({ [keys.villageId]: value })}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
          <Select
            label={t('partners.list.willing')}
            placeholder={t('partners.list.allWillingness')}
            data={optionsOf(PARTNER_WILLINGNESS, (code) => t(`partners.willingFilter.${code}`))}
            value={query.willing ?? null}
            onChange={(value) => update({ [keys.willing]: value })}
            clearable
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('partners.clearFilters')}
          </Button>
        )}
      </section>

      {partners.isPending ? (
        <PageLoader />
      ) : partners.isError ? (
        <QueryError error={partners.error} onRetry={() => void partners.refetch()} />
      ) : partners.data.items.length === 0 ? (
        <Text>{hasFilters ? t('partners.list.noMatch') : t('partners.list.empty')}</Text>
      ) : (
        <>
          {wide ? <PartnerTable items={partners.data.items} /> : <PartnerCards items={partners.data.items} />}
          <PaginationBar
            page={partners.data.page}
            pageSize={partners.data.pageSize}
            total={partners.data.total}
            onChange={(next) => update({ [keys.page]: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

export function PartnerName({ partner }: { partner: Pick<PartnerListItem, 'id' | 'name' | 'shortName'> }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor
        component={Link}
        to={`/mitra/${partner.id}`}
        fw={600}
        c="blue.9"
        style={{ overflowWrap: 'anywhere' }}
      >
        {partner.name}
      </Anchor>
      {partner.shortName && (
        <Text size="xs" c="dimmed">
          {partner.shortName}
        </Text>
      )}
    </div>
  );
}

function PartnerTable({ items }: { items: PartnerListItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('partners.list.title')} minWidth={1000}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('partners.list.name')}</Table.Th>
          <Table.Th>{t('partners.list.type')}</Table.Th>
          <Table.Th>{t('partners.list.sectors')}</Table.Th>
          <Table.Th>{t('partners.list.village')}</Table.Th>
          <Table.Th>{t('partners.list.willingness')}</Table.Th>
          <Table.Th>{t('partners.list.agreementColumn')}</Table.Th>
          <Table.Th>{t('partners.list.opportunities')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((partner) => (
          <Table.Tr key={partner.id} data-partner-id={partner.id}>
            <Table.Td miw={200}>
              <PartnerName partner={partner} />
            </Table.Td>
            <Table.Td>{partner.type ? t(`partners.type.${partner.type}`) : EMPTY}</Table.Td>
            <Table.Td maw={280}>
              <SectorBadges sectors={partner.sectors} />
            </Table.Td>
            <Table.Td>{partner.villageName ?? t('partners.list.outsideProgram')}</Table.Td>
            <Table.Td>
              <WillingnessBadge value={partner.willingToEmploy} />
            </Table.Td>
            <Table.Td>
              <AgreementStatus partner={partner} />
            </Table.Td>
            <Table.Td>{partner.openOpportunities}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone or a narrow tablet each partner is a card: the same facts, stacked. */
function PartnerCards({ items }: { items: PartnerListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('partners.list.title')}
    >
      {items.map((partner) => (
        <Card key={partner.id} component="li" withBorder padding="sm" data-partner-id={partner.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <PartnerName partner={partner} />
            <WillingnessBadge value={partner.willingToEmploy} />
          </Group>
          <Stack gap={6} mt={6}>
            <Text size="sm">
              {partner.type ? t(`partners.type.${partner.type}`) : EMPTY} ·{' '}
              {partner.villageName ?? t('partners.list.outsideProgram')}
            </Text>
            <SectorBadges sectors={partner.sectors} />
            <Group gap="sm" justify="space-between" align="flex-start">
              <AgreementStatus partner={partner} />
              <Text size="sm">
                {t('partners.list.openOpportunities', { count: partner.openOpportunities })}
              </Text>
            </Group>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

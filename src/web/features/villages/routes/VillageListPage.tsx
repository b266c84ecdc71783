import { Anchor, Button, Card, Group, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VillageListItem } from '../../../../shared/villages.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useVillages } from '../api/villages.ts';
import { HostBadge } from '../components/HostBadge.tsx';
import { SectorChart } from '../components/SectorChart.tsx';
import { formatNumber } from '../components/villageFormat.ts';

const COUNTS = ['potentials', 'needs', 'partners', 'openPlaces', 'placed'] as const;

/** /desa: the kecamatan's kelurahan with their host status and counts, and the figures per sector. */
export function VillageListPage() {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  // Typed text is debounced into the address, so a reload or the back button keeps it.
  const { params, search, setSearch, clear } = useAddressFilters();
  const urlQ = (params.get('q') ?? '').trim();

  const villages = useVillages(urlQ);

  return (
    <Stack gap="md">
      <div>
        <PageHeader title={t('villages.list.title')} />
        <Text size="sm" mt={4} maw={760}>
          {t('villages.list.intro')}
        </Text>
      </div>

      <section aria-label={t('villages.list.search')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('villages.list.search')}
            placeholder={t('villages.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </SimpleGrid>
        {urlQ && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('villages.list.clear')}
          </Button>
        )}
      </section>

      {villages.isPending ? (
        <PageLoader />
      ) : villages.isError ? (
        <QueryError error={villages.error} onRetry={() => void villages.refetch()} />
      ) : villages.data.items.length === 0 ? (
        <Text>{urlQ ? t('villages.list.noMatch') : t('villages.list.empty')}</Text>
      ) : wide ? (
        <VillageTable items={villages.data.items} />
      ) : (
        <VillageCards items={villages.data.items} />
      )}

      <SectorChart />
    </Stack>
  );
}

function VillageName({ village }: { village: VillageListItem }) {
  return (
    <Anchor
      component={Link}
      to={`/desa/${village.id}`}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
      data-testid="village-link"
    >
      {village.shortName ?? village.name}
    </Anchor>
  );
}

function VillageTable({ items }: { items: VillageListItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable label={t('villages.list.tableLabel')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('villages.list.code')}</Table.Th>
          <Table.Th scope="col">{t('villages.list.name')}</Table.Th>
          <Table.Th scope="col">{t('villages.list.status')}</Table.Th>
          {COUNTS.map((count) => (
            <Table.Th key={count} scope="col" ta="right">
              {t(`villages.list.${count}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((village) => (
          <Table.Tr key={village.id} data-village-code={village.code ?? undefined}>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{village.code ?? EMPTY}</Table.Td>
            <Table.Td>
              <VillageName village={village} />
            </Table.Td>
            <Table.Td>
              <HostBadge status={village.hostStatus} since={village.hostSince} />
            </Table.Td>
            {COUNTS.map((count) => (
              <Table.Td key={count} ta="right">
                {formatNumber(village.counts[count], i18n.language)}
              </Table.Td>
            ))}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each kelurahan is a card: name, code, status, then the counts as label–value pairs. */
function VillageCards({ items }: { items: VillageListItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('villages.list.tableLabel')}
    >
      {items.map((village) => (
        <Card
          key={village.id}
          component="li"
          withBorder
          padding="sm"
          data-village-code={village.code ?? undefined}
        >
          <Group justify="space-between" align="flex-start" gap="xs">
            <div style={{ minWidth: 0 }}>
              <VillageName village={village} />
              <Text size="xs" c="dimmed">
                {village.code ?? EMPTY}
              </Text>
            </div>
            <HostBadge status={village.hostStatus} since={village.hostSince} />
          </Group>
          <SimpleGrid
            component="dl"
            cols={{ base: 3, xs: 5 }}
            spacing="xs"
            verticalSpacing={6}
            mt="xs"
            mb={0}
          >
            {COUNTS.map((count) => (
              <div key={count}>
                <Text component="dt" size="xs" c="dimmed">
                  {t(`villages.list.${count}`)}
                </Text>
                <Text component="dd" size="sm" fw={600} m={0}>
                  {formatNumber(village.counts[count], i18n.language)}
                </Text>
              </div>
            ))}
          </SimpleGrid>
        </Card>
      ))}
    </Stack>
  );
}

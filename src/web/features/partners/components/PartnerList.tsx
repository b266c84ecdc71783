import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PartnerListItem } from '../../../../shared/partners.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { usePartners } from '../api/partners.ts';
import { partnerListHref } from './addressQuery.ts';
import { SectorBadges, WillingnessBadge } from './badges.tsx';

/** How many the compact list shows before linking to the directory. */
export const COMPACT_LIMIT = 50;

function PartnerLink({ partner }: { partner: PartnerListItem }) {
  return (
    <Anchor
      component={Link}
      to={`/mitra/${partner.id}`}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {partner.name}
    </Anchor>
  );
}

/** The partners of one kelurahan, compact (for the kelurahan page): name, type, sectors, willingness, open opportunities. */
export function PartnerList({ villageId }: { villageId: string }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const partners = usePartners({ villageId, page: 1, pageSize: COMPACT_LIMIT });

  if (partners.isPending) return <PageLoader />;
  if (partners.isError) return <QueryError error={partners.error} onRetry={() => void partners.refetch()} />;
  const { items, total } = partners.data;
  if (items.length === 0) return <Text size="sm">{t('partners.compact.empty')}</Text>;

  return (
    <Stack gap="xs">
      {wide ? (
        <ScrollTable label={t('partners.compact.title')} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('partners.list.name')}</Table.Th>
              <Table.Th>{t('partners.list.type')}</Table.Th>
              <Table.Th>{t('partners.list.sectors')}</Table.Th>
              <Table.Th>{t('partners.list.willingness')}</Table.Th>
              <Table.Th>{t('partners.list.opportunities')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((partner) => (
              <Table.Tr key={partner.id} data-partner-id={partner.id}>
                <Table.Td>
                  <PartnerLink partner={partner} />
                </Table.Td>
                <Table.Td>{partner.type ? t(`partners.type.${partner.type}`) : EMPTY}</Table.Td>
                <Table.Td maw={260}>
                  <SectorBadges sectors={partner.sectors} />
                </Table.Td>
                <Table.Td>
                  <WillingnessBadge value={partner.willingToEmploy} />
                </Table.Td>
                <Table.Td>{partner.openOpportunities}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <Stack
          gap="xs"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('partners.compact.title')}
        >
          {items.map((partner) => (
            <Card key={partner.id} component="li" withBorder padding="sm" data-partner-id={partner.id}>
              <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                <PartnerLink partner={partner} />
                <WillingnessBadge value={partner.willingToEmploy} />
              </Group>
              <Text size="sm" mt={4}>
                {partner.type ? t(`partners.type.${partner.type}`) : EMPTY} ·{' '}
                {t('partners.list.openOpportunities', { count: partner.openOpportunities })}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      {total > items.length && (
        <Anchor component={Link} to={partnerListHref({ villageId })} c="blue.9" size="sm">
          {t('partners.compact.more', { count: total })}
        </Anchor>
      )}
    </Stack>
  );
}

import { Anchor, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpportunityListItem } from '../../../../shared/opportunities.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useOpportunities } from '../api/opportunities.ts';
import { opportunityListHref } from './addressQuery.ts';
import { OpportunityStatusBadge } from './badges.tsx';
import { OpportunityTitle, Places } from './parts.tsx';

/** How many the compact list shows before linking to the full list. */
export const COMPACT_LIMIT = 20;

/**
 * The opportunities of one kelurahan or one partner, compact (for the kelurahan and partner pages): title
 * and kind, partner or kelurahan (whichever is not fixed), places, start and status; earliest start first.
 */
export function OpportunityList({ villageId, partnerId }: { villageId?: string; partnerId?: string }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const opportunities = useOpportunities({
    villageId,
    partnerId,
    sort: 'start',
    page: 1,
    pageSize: COMPACT_LIMIT,
  });

  if (opportunities.isPending) return <PageLoader />;
  if (opportunities.isError) {
    return <QueryError error={opportunities.error} onRetry={() => void opportunities.refetch()} />;
  }
  const { items, total } = opportunities.data;
  if (items.length === 0) return <Text size="sm">{t('opportunities.compact.empty')}</Text>;
  const showPartner = !partnerId;
  const showVillage = !villageId;

  return (
    <Stack gap="xs">
      {wide ? (
        <ScrollTable label={t('opportunities.list.title')} minWidth={640}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('opportunities.list.opportunity')}</Table.Th>
              {showPartner && <Table.Th>{t('opportunities.list.partner')}</Table.Th>}
              {showVillage && <Table.Th>{t('opportunities.list.villageColumn')}</Table.Th>}
              <Table.Th>{t('opportunities.list.places')}</Table.Th>
              <Table.Th>{t('opportunities.list.start')}</Table.Th>
              <Table.Th>{t('opportunities.list.statusColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((opportunity) => (
              <Table.Tr key={opportunity.id} data-opportunity-id={opportunity.id}>
                <Table.Td maw={300}>
                  <OpportunityTitle opportunity={opportunity} />
                </Table.Td>
                {showPartner && <Table.Td>{opportunity.partner.name}</Table.Td>}
                {showVillage && <Table.Td>{opportunity.village.name}</Table.Td>}
                <Table.Td>
                  <Places opportunity={opportunity} />
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(opportunity.startOn)}</Table.Td>
                <Table.Td>
                  <OpportunityStatusBadge status={opportunity.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <CompactCards items={items} showPartner={showPartner} showVillage={showVillage} />
      )}
      {total > items.length && (
        <Anchor component={Link} to={opportunityListHref({ villageId, partnerId })} c="blue.9" size="sm">
          {t('opportunities.compact.more', { count: total })}
        </Anchor>
      )}
    </Stack>
  );
}

function CompactCards({
  items,
  showPartner,
  showVillage,
}: {
  items: OpportunityListItem[];
  showPartner: boolean;
  showVillage: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
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
          {(showPartner || showVillage) && (
            <Text size="sm" mt={4}>
              {[showPartner ? opportunity.partner.name : null, showVillage ? opportunity.village.name : null]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
          <Group gap="lg" mt={4} align="flex-start">
            <Places opportunity={opportunity} />
            <Text size="sm">
              {t('opportunities.list.start')}: {formatDate(opportunity.startOn)}
            </Text>
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

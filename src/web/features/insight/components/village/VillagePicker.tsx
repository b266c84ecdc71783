import { Anchor, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { PageLoader } from '../../../../components/PageLoader.tsx';
import { QueryError } from '../../../../components/QueryError.tsx';
import { ScrollTable } from '../../../../components/ScrollTable.tsx';
import { isApiError } from '../../../../lib/api.ts';
import { EMPTY } from '../../../../lib/format.ts';
import { useSession } from '../../../auth/api/session.ts';
import { useInsightVillages } from '../../api/dashboard.ts';
import { VISUALLY_HIDDEN } from '../visuallyHidden.ts';
import { filterVillages, villageToOpen } from './villageRows.ts';

/** The address of one kelurahan's figures. */
export function villageInsightPath(villageId: string, months?: number): string {
  const path = `/dasbor/kelurahan/${encodeURIComponent(villageId)}`;
  return months ? `${path}?bulan=${months}` : path;
}

/**
 * /dasbor/kelurahan: the kelurahan the caller may open, to pick one; a kelurahan's own staff (or anyone who
 * may open only one) go straight to it.
 */
export function VillagePicker() {
  const { t } = useTranslation();
  const me = useSession();
  // A partner has no kelurahan view (the server refuses it): no need to ask.
  const partner = me.organization.kind === 'partner';
  const villages = useInsightVillages(!partner);
  const [search, setSearch] = useState('');
  const titleId = useId();

  const refused =
    partner ||
    (villages.isError &&
      (isApiError(villages.error, 'INSIGHT_VILLAGE_FORBIDDEN') || isApiError(villages.error, 'FORBIDDEN')));
  if (refused) {
    return <Text data-testid="village-picker-forbidden">{t('insight.village.picker.forbidden')}</Text>;
  }
  if (villages.isPending) return <PageLoader />;
  if (villages.isError) {
    return <QueryError error={villages.error} onRetry={() => void villages.refetch()} />;
  }
  const items = villages.data.items;
  const target = villageToOpen(items, me.organization);
  if (target) return <Navigate to={villageInsightPath(target)} replace />;

  const shown = filterVillages(items, search);
  return (
    <Stack component="section" aria-labelledby={titleId} gap="sm" data-testid="village-picker">
      <div>
        <Title order={2} fz="h3" id={titleId}>
          {t('insight.village.picker.title')}
        </Title>
        <Text size="sm" c="gray.7" mt={2} maw={760}>
          {t('insight.village.picker.intro')}
        </Text>
      </div>
      {items.length === 0 ? (
        <Text>{t('insight.village.picker.empty')}</Text>
      ) : (
        <>
          <TextInput
            label={t('insight.village.picker.search')}
            placeholder={t('insight.village.picker.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            maw={420}
            type="search"
          />
          <Text size="sm" c="gray.7" role="status">
            {t('insight.village.picker.count', { count: shown.length })}
          </Text>
          {shown.length === 0 ? (
            <Text>{t('insight.village.picker.none')}</Text>
          ) : (
            <ScrollTable label={t('insight.village.picker.tableLabel')} minWidth={320}>
              <Table.Caption style={VISUALLY_HIDDEN}>{t('insight.village.picker.tableLabel')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('insight.village.picker.name')}</Table.Th>
                  <Table.Th scope="col">{t('insight.village.picker.code')}</Table.Th>
                  <Table.Th scope="col">{t('insight.village.picker.district')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((village) => (
                  <Table.Tr key={village.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} fz="inherit" to={villageInsightPath(village.id)}>
                        {village.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{village.code ?? EMPTY}</Table.Td>
                    <Table.Td>{village.district?.name ?? EMPTY}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </>
      )}
    </Stack>
  );
}

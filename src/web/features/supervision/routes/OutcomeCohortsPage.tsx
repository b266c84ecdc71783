import { Card, List, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { CohortCell, CohortResponse } from '../../../../shared/outcomes.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useOutcomeCohorts } from '../api/outcomes.ts';

/** "2026-Q1" → "2026 T1" (triwulan) / "2026 Q1". */
function quarterLabel(cohort: string, language: string): string {
  const [year, quarter] = cohort.split('-Q');
  return language === 'id' ? `${year} T${quarter}` : `${year} Q${quarter}`;
}

/** /hasil: outcomes by release cohort (quarter) and window (1/3/6/12 months); counts only, no names. */
export function OutcomeCohortsPage() {
  const { t } = useTranslation();
  const cohorts = useOutcomeCohorts();
  return (
    <Stack gap="md">
      <PageHeader title={t('supervision.cohorts.title')} />
      <Text size="sm" maw={820}>
        {t('supervision.cohorts.intro')}
      </Text>
      {cohorts.isPending ? (
        <PageLoader />
      ) : cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.rows.length === 0 ? (
        <Text>{t('supervision.cohorts.empty')}</Text>
      ) : (
        <CohortTable data={cohorts.data} />
      )}
    </Stack>
  );
}

function CohortTable({ data }: { data: CohortResponse }) {
  const { t, i18n } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const count = (value: number | null) =>
    value === null ? t('supervision.cohorts.fewer') : value.toLocaleString(i18n.language);
  return (
    <Stack gap="sm">
      {wide ? (
        <ScrollTable label={t('supervision.cohorts.tableLabel')} minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('supervision.cohorts.cohort')}</Table.Th>
              <Table.Th scope="col">{t('supervision.cohorts.size')}</Table.Th>
              {data.windows.map((months) => (
                <Table.Th scope="col" key={months}>
                  {t('supervision.cohorts.window', { count: months })}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.rows.map((row) => (
              <Table.Tr key={row.cohort} data-cohort={row.cohort}>
                <Table.Th scope="row" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                  {quarterLabel(row.cohort, i18n.language)}
                  <Text size="xs" c="dimmed" fw={400}>
                    {formatDate(row.from)} – {formatDate(row.to)}
                  </Text>
                </Table.Th>
                <Table.Td style={{ verticalAlign: 'top' }}>{count(row.size)}</Table.Td>
                {data.windows.map((months, index) => (
                  <Table.Td key={months} style={{ verticalAlign: 'top' }} data-window={months}>
                    <CellFigures cell={row.cells[index] ?? null} count={count} />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      ) : (
        <CohortCards data={data} count={count} />
      )}
      <div>
        <Text size="sm" fw={600}>
          {t('supervision.cohorts.legend')}
        </Text>
        <List size="sm">
          <List.Item>
            <strong>{t('supervision.cohorts.notYet')}</strong>: {t('supervision.cohorts.notYetHint')}
          </List.Item>
          {data.smallCountsHidden && (
            <List.Item>
              <strong>{t('supervision.cohorts.fewer')}</strong>:{' '}
              {t('supervision.cohorts.fewerHint', { count: data.minCell })}
            </List.Item>
          )}
        </List>
        <Text size="xs" c="dimmed" mt={4}>
          {t('supervision.cohorts.asOf', { date: formatDate(data.asOf) })}
        </Text>
      </div>
    </Stack>
  );
}

/** On a phone each cohort is a card, its windows one under the other: no sideways scrolling. */
function CohortCards({ data, count }: { data: CohortResponse; count: (value: number | null) => string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('supervision.cohorts.tableLabel')}
    >
      {data.rows.map((row) => (
        <Card key={row.cohort} component="li" withBorder padding="sm" data-cohort={row.cohort}>
          <Text fw={700}>
            {quarterLabel(row.cohort, i18n.language)}{' '}
            <Text span size="xs" c="dimmed" fw={400}>
              {formatDate(row.from)} – {formatDate(row.to)}
            </Text>
          </Text>
          <Text size="sm">
            {t('supervision.cohorts.size')}: <strong>{count(row.size)}</strong>
          </Text>
          <Stack gap={6} mt={6}>
            {data.windows.map((months, index) => (
              <div key={months} data-window={months}>
                <Text size="sm" fw={600}>
                  {t('supervision.cohorts.window', { count: months })}
                </Text>
                <CellFigures cell={row.cells[index] ?? null} count={count} inline />
              </div>
            ))}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function CellFigures({
  cell,
  count,
  inline = false,
}: {
  cell: CohortCell | null;
  count: (value: number | null) => string;
  /** One wrapping line (a phone's card) instead of one figure per line (a table cell). */
  inline?: boolean;
}) {
  const { t, i18n } = useTranslation();
  if (!cell) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('supervision.cohorts.notYet')}
      </Text>
    );
  }
  const percent =
    cell.working !== null && cell.checks !== null && cell.checks > 0
      ? new Intl.NumberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 }).format(
          cell.working / cell.checks,
        )
      : null;
  const lines: [string, string][] = [
    [t('supervision.cohorts.checks'), count(cell.checks)],
    [t('supervision.cohorts.working'), percent ? `${count(cell.working)} (${percent})` : count(cell.working)],
    [t('supervision.cohorts.training'), count(cell.inTraining)],
    [t('supervision.cohorts.unemployed'), count(cell.notWorking)],
    [t('supervision.cohorts.returned'), count(cell.returned)],
  ];
  if (inline) {
    return (
      <Text size="sm">
        {lines.map(([label, value], index) => (
          <span key={label}>
            {index > 0 && ' · '}
            {label}: <strong>{value}</strong>
          </span>
        ))}
      </Text>
    );
  }
  return (
    <Stack gap={0}>
      {lines.map(([label, value]) => (
        <Text size="sm" key={label} style={{ whiteSpace: 'nowrap' }}>
          {label}: <strong>{value}</strong>
        </Text>
      ))}
    </Stack>
  );
}

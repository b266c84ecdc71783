import { BarChart } from '@mantine/charts';
import { Box, Button, Collapse, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconTable } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { useVillageSectors } from '../api/villages.ts';
import { CHART_SERIES, chartRows } from './sectorChartData.ts';
import { formatNumber } from './villageFormat.ts';

/**
 * Potentials, needs, open places and placed women per sector, as horizontal bars (sector names are long).
 * The drawing is hidden from screen readers: the caption says what it shows and the same figures are a
 * table one button away (the button's state is announced).
 */
export function SectorChart({ villageId = null }: { villageId?: string | null }) {
  const { t, i18n } = useTranslation();
  const sectors = useVillageSectors(villageId);
  const [tableOpen, setTableOpen] = useState(false);
  const titleId = useId();
  const captionId = useId();
  const tableId = useId();

  const body = () => {
    if (sectors.isPending) return <PageLoader />;
    if (sectors.isError) return <QueryError error={sectors.error} onRetry={() => void sectors.refetch()} />;
    const rows = chartRows(sectors.data.items, (sector) => t(`people.vocab.sector.${sector}`));
    if (rows.length === 0) return <Text size="sm">{t('villages.chart.empty')}</Text>;
    const number = (value: number) => formatNumber(value, i18n.language);
    return (
      <Stack gap="sm">
        <Box aria-hidden data-testid="sector-chart">
          <BarChart
            h={Math.max(220, rows.length * 56 + 60)}
            data={rows}
            dataKey="label"
            orientation="vertical"
            series={CHART_SERIES.map((series) => ({
              name: series.key,
              label: t(`villages.chart.${series.key}`),
              color: series.color,
            }))}
            yAxisProps={{ width: 130 }}
            gridAxis="x"
            withLegend
            // Legend in the series' order (recharts sorts it by name otherwise).
            legendProps={{ verticalAlign: 'bottom', height: 50, itemSorter: null }}
            // The drawing is hidden from assistive technology (the table carries the figures): no focus stop.
            accessibilityLayer={false}
            valueFormatter={number}
            textColor="gray.9"
            maxBarWidth={14}
          />
        </Box>
        <div>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconTable size={14} aria-hidden />}
            aria-expanded={tableOpen}
            aria-controls={tableId}
            onClick={() => setTableOpen((open) => !open)}
          >
            {tableOpen ? t('villages.chart.hideTable') : t('villages.chart.showTable')}
          </Button>
        </div>
        <Collapse expanded={tableOpen} id={tableId}>
          {tableOpen && (
            <ScrollTable label={t('villages.chart.tableLabel')} minWidth={560}>
              <Table.Caption>{t('villages.chart.tableLabel')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('villages.chart.sector')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('villages.chart.potentials')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('villages.chart.needs')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('villages.chart.opportunities')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('villages.chart.openPlaces')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('villages.chart.placed')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.sector}>
                    <Table.Th scope="row" fw={500}>
                      {row.label}
                    </Table.Th>
                    <Table.Td ta="right">{number(row.potentials)}</Table.Td>
                    <Table.Td ta="right">{number(row.needs)}</Table.Td>
                    <Table.Td ta="right">{number(row.openOpportunities)}</Table.Td>
                    <Table.Td ta="right">{number(row.openPlaces)}</Table.Td>
                    <Table.Td ta="right">{number(row.placed)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
          )}
        </Collapse>
      </Stack>
    );
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={titleId} data-testid="sector-section">
      <Title order={2} fz="h4" id={titleId}>
        {t('villages.chart.title')}
      </Title>
      <Box component="figure" m={0} aria-labelledby={captionId}>
        <Text size="sm" c="dimmed" mb="sm" id={captionId} component="figcaption">
          {villageId ? t('villages.chart.captionVillage') : t('villages.chart.caption')}
        </Text>
        {body()}
      </Box>
    </Paper>
  );
}

import { BarChart } from '@mantine/charts';
import { Box, Button, Card, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicOutcomeYear } from '../../../../../shared/publicFigures.ts';
import { ChartTable } from '../../../../components/ChartPanel.tsx';
import { type ChartColumn, chartRowTexts, csvRows } from '../../../../components/chartTable.ts';
import { downloadCsv, toCsv } from '../../../../lib/csv.ts';
import { formatPercent } from '../../format.ts';
import { type OutcomeTableRow, outcomeRows } from './publicRows.ts';

/**
 * Outcomes by year of release: the table first (it carries every figure, with "belum" where the 12-month
 * window has not passed for the whole year), then the two rates drawn per year, and the CSV of the table.
 */
export function OutcomesSection({ years }: { years: readonly PublicOutcomeYear[] }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const rows = outcomeRows(years, {
    notYet: t('insight.public.outcomes.notYet'),
    notYetLabel: (year) => t('insight.public.outcomes.notYetLabel', { year }),
  });
  const columns: ChartColumn<OutcomeTableRow>[] = [
    { key: 'year', label: t('insight.public.outcomes.year') },
    { key: 'size', label: t('insight.public.outcomes.size'), numeric: true },
    { key: 'checks12', label: t('insight.public.outcomes.checks12'), numeric: true },
    { key: 'working12', label: t('insight.public.outcomes.working12'), numeric: true },
    { key: 'workingRate', label: t('insight.public.outcomes.workingRate'), percent: true },
    { key: 'returned12', label: t('insight.public.outcomes.returned12'), numeric: true },
    { key: 'returnedRate', label: t('insight.public.outcomes.returnedRate'), percent: true },
  ];
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const drawn = rows.some((row) => row.workingBar !== null || row.returnedBar !== null);

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={titleId}
      data-testid="public-outcomes"
    >
      <Stack gap="sm">
        <div>
          <Title order={2} fz="h4" id={titleId}>
            {t('insight.public.outcomes.title')}
          </Title>
          <Text size="sm" c="dimmed" mt={4}>
            {t('insight.public.outcomes.description')}
          </Text>
        </div>
        {rows.length === 0 ? (
          <Text size="sm">{t('insight.public.outcomes.empty')}</Text>
        ) : (
          <>
            {wide ? (
              <ChartTable
                caption={t('insight.public.outcomes.table')}
                columns={columns}
                rows={rows}
                language={i18n.language}
                minWidth={760}
              />
            ) : (
              <OutcomeCards rows={rows} columns={columns} label={t('insight.public.outcomes.table')} />
            )}
            <Text size="xs" c="dimmed">
              {t('insight.public.outcomes.notYetHint')}
            </Text>
            {drawn && (
              <Box aria-hidden data-chart>
                <Text size="sm" fw={600} mb={4}>
                  {t('insight.public.outcomes.chartTitle')}
                </Text>
                <BarChart
                  h={wide ? 260 : 300}
                  data={rows as unknown as Record<string, unknown>[]}
                  dataKey="chartLabel"
                  series={[
                    { name: 'workingBar', label: t('insight.public.outcomes.workingRate'), color: 'teal.8' },
                    {
                      name: 'returnedBar',
                      label: t('insight.public.outcomes.returnedRate'),
                      color: 'orange.8',
                    },
                  ]}
                  yAxisProps={{ domain: [0, 100], width: 48 }}
                  // Every year named; on a phone slanted, so "2025 (belum)" labels do not run into each other.
                  xAxisProps={
                    wide
                      ? { interval: 0 }
                      : {
                          interval: 0,
                          height: 64,
                          // Mantine's tick moves the text with a transform, which would drop the rotation.
                          tick: { fontSize: 12, fill: 'currentColor', angle: -35, textAnchor: 'end', dy: 4 },
                        }
                  }
                  barChartProps={{ margin: { right: 8 } }}
                  valueFormatter={(value) => formatPercent(value, i18n.language)}
                  withLegend
                  legendProps={{ verticalAlign: 'bottom', height: wide ? 40 : 72, itemSorter: null }}
                  withBarValueLabel
                  withTooltip={false}
                  accessibilityLayer={false}
                  textColor="gray.9"
                  maxBarWidth={28}
                />
              </Box>
            )}
            <div>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden />}
                onClick={() =>
                  downloadCsv(
                    t('insight.public.outcomes.csv'),
                    toCsv(columns, csvRows(rows, columns), i18n.language),
                  )
                }
              >
                {t('insight.common.chart.downloadCsv')}
              </Button>
            </div>
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** On a phone each year is a card, its figures one under the other: no sideways scrolling. */
function OutcomeCards({
  rows,
  columns,
  label,
}: {
  rows: readonly OutcomeTableRow[];
  columns: readonly ChartColumn<OutcomeTableRow>[];
  label: string;
}) {
  const { i18n } = useTranslation();
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {rows.map((row) => {
        const texts = chartRowTexts(row, columns, i18n.language);
        return (
          <Card key={row.year} component="li" withBorder padding="sm" data-year={row.year}>
            <Text fw={700}>{texts[0]}</Text>
            <Stack component="dl" gap={4} m={0} mt={4}>
              {columns.slice(1).map((column, index) => (
                <Group key={column.key} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
                  <Text component="dt" size="sm">
                    {column.label}
                  </Text>
                  <Text component="dd" size="sm" fw={600} m={0} ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {texts[index + 1]}
                  </Text>
                </Group>
              ))}
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

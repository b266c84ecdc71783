import { BarChart } from '@mantine/charts';
import { Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { type ChartColumn, ChartPanel, ChartTable } from '../../../../components/ChartPanel.tsx';
import type { CsvValue } from '../../../../lib/csv.ts';
import { formatDate } from '../../../../lib/format.ts';
import { formatPercent } from '../../format.ts';
import { InsightGroup } from '../InsightGroup.tsx';
import { anyAboveZero, outcomeChartRows, outcomeFigureRows, outcomeTableRows } from './dashboardRows.ts';
import type { SectionProps } from './ProgramSections.tsx';

type Row = Record<string, CsvValue>;

// Shade 7–9 of distinct hues: each bar keeps 3:1 against white and the three windows tell apart.
const WINDOW_COLORS = ['cyan.8', 'blue.8', 'violet.8'];

/**
 * Outcomes by release quarter: working at 3/6/12 months (of the checks recorded) and returned to custody
 * within 12/24 months (of the cohort), with each cohort's size; a window not yet reached reads "belum".
 * The table is always shown; the chart of the work rates follows, its figures in its table and CSV.
 */
export function OutcomesSection({ data, csvName, onCsv }: SectionProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const outcomes = data.outcomes;
  const notReached = t('insight.common.notReached');
  const words = {
    notReached,
    of: (part: string, whole: string) => t('insight.dashboard.outcomes.of', { part, whole }),
    fewChecks: t('insight.dashboard.outcomes.fewChecks'),
  };

  const tableColumns: ChartColumn<Row>[] = [
    { key: 'cohort', label: t('insight.dashboard.outcomes.cohort') },
    { key: 'size', label: t('insight.dashboard.outcomes.size'), numeric: true },
    ...outcomes.workWindows.map((window) => ({
      key: `work${window}`,
      label: t('insight.dashboard.outcomes.workAt', { count: window }),
      numeric: true,
    })),
    ...outcomes.returnWindows.map((window) => ({
      key: `return${window}`,
      label: t('insight.dashboard.outcomes.returnWithin', { count: window }),
      numeric: true,
    })),
  ];

  const figureColumns: ChartColumn<Row>[] = [
    { key: 'cohort', label: t('insight.dashboard.outcomes.cohort') },
    {
      key: 'from',
      label: t('insight.dashboard.outcomes.from'),
      format: (value) => formatDate(value as string),
    },
    { key: 'to', label: t('insight.dashboard.outcomes.to'), format: (value) => formatDate(value as string) },
    { key: 'size', label: t('insight.dashboard.outcomes.size'), numeric: true },
    ...outcomes.workWindows.flatMap((window) => [
      {
        key: `work${window}Checks`,
        label: t('insight.dashboard.outcomes.checksAt', { count: window }),
        numeric: true,
      },
      {
        key: `work${window}Working`,
        label: t('insight.dashboard.outcomes.workingAt', { count: window }),
        numeric: true,
      },
      {
        key: `work${window}Rate`,
        label: t('insight.dashboard.outcomes.rateAt', { count: window }),
        percent: true,
      },
    ]),
    ...outcomes.returnWindows.flatMap((window) => [
      {
        key: `return${window}Returned`,
        label: t('insight.dashboard.outcomes.returnedWithin', { count: window }),
        numeric: true,
      },
      {
        key: `return${window}Rate`,
        label: t('insight.dashboard.outcomes.returnRateWithin', { count: window }),
        percent: true,
      },
    ]),
  ];

  const chartRows = outcomeChartRows(outcomes, language);

  return (
    <InsightGroup
      title={t('insight.dashboard.outcomes.title')}
      intro={t('insight.dashboard.outcomes.intro', { date: formatDate(data.asOf) })}
      data-testid="outcomes-section"
    >
      {outcomes.cohorts.length === 0 ? (
        <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
          <Text size="sm">{t('insight.dashboard.outcomes.empty')}</Text>
        </Paper>
      ) : (
        <>
          <Paper withBorder p={{ base: 'sm', sm: 'md' }} data-testid="outcomes-table">
            <ChartTable
              caption={t('insight.dashboard.outcomes.tableCaption')}
              label={t('insight.common.chart.tableLabel', {
                title: t('insight.dashboard.outcomes.tableCaption'),
              })}
              columns={tableColumns}
              rows={outcomeTableRows(outcomes, language, words)}
              language={language}
              minWidth={760}
            />
            <Text size="xs" c="gray.7" mt="xs">
              {t('insight.dashboard.outcomes.legend')}
            </Text>
          </Paper>
          <ChartPanel
            headingOrder={3}
            title={t('insight.dashboard.outcomes.chartTitle')}
            description={t('insight.dashboard.outcomes.chartDescription')}
            chart={
              <BarChart
                h={280}
                data={chartRows}
                dataKey="cohort"
                series={outcomes.workWindows.map((window, index) => ({
                  name: `work${window}`,
                  label: t('insight.dashboard.outcomes.workAt', { count: window }),
                  color: WINDOW_COLORS[index % WINDOW_COLORS.length] ?? 'blue.8',
                }))}
                yAxisProps={{ domain: [0, 100], width: 48 }}
                withLegend
                legendProps={{ verticalAlign: 'bottom', height: 40, itemSorter: null }}
                valueFormatter={(value) => formatPercent(value, language)}
                accessibilityLayer={false}
                textColor="gray.9"
                maxBarWidth={22}
              />
            }
            noChartText={
              anyAboveZero(
                chartRows.flatMap((row) => outcomes.workWindows.map((w) => row[`work${w}`] as number | null)),
              )
                ? undefined
                : t('insight.common.chart.noChart')
            }
            columns={figureColumns}
            rows={outcomeFigureRows(outcomes, language, notReached)}
            csvName={csvName('hasil-per-angkatan')}
            onCsvDownload={onCsv('outcomes_by_cohort')}
            tableMinWidth={1100}
            data-testid="outcomes-panel"
          />
        </>
      )}
    </InsightGroup>
  );
}

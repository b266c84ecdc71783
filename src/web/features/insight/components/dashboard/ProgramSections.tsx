import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { DashboardResponse } from '../../../../../shared/insight.ts';
import { type ChartColumn, ChartPanel } from '../../../../components/ChartPanel.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { formatCount } from '../../format.ts';
import { countBarLabel, countBars } from '../countBars.ts';
import { InsightGroup } from '../InsightGroup.tsx';
import { StatCard } from '../StatCard.tsx';
import { barsHeight, type FunnelRow, funnelRows } from './dashboardRows.ts';

/** What each section needs: the answer, the CSV's file-name base and the audit call before a download. */
export interface SectionProps {
  data: DashboardResponse;
  /** `<section>_<from>_<to>` for the CSV names. */
  csvName: (section: string) => string;
  /** The audit call made before a CSV of that section is saved. */
  onCsv: (section: string) => () => Promise<void>;
}

/** The y axis of horizontal bars: narrower on a phone so the bars keep room (W2's pages use it too). */
export function useLabelWidth(wide = 170): number {
  return useBarLayout(wide).labelWidth;
}

/**
 * The y axis of horizontal bars: narrower on a phone so the bars keep room, and more height per bar there
 * (long names wrap to three or four lines).
 */
export function useBarLayout(wide = 170, perRow = 44): { labelWidth: number; perRow: number } {
  const phone = useMediaQuery('(max-width: 36em)');
  return phone
    ? { labelWidth: Math.min(wide, 112), perRow: Math.max(perRow, 64) }
    : { labelWidth: wide, perRow };
}

/** "Saat ini": the stock of people on the answer's date (overlapping figures, not a breakdown). */
export function NowSection({ data }: { data: DashboardResponse }) {
  const { t } = useTranslation();
  return (
    <InsightGroup
      title={t('insight.dashboard.now.title')}
      intro={t('insight.dashboard.now.intro', { date: formatDate(data.asOf) })}
      data-testid="now-section"
    >
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
        {data.now.map((item) => (
          <StatCard
            key={item.figure}
            label={t(`insight.dashboard.now.figure.${item.figure}`)}
            value={item.count}
            data-testid={`now-${item.figure}`}
          />
        ))}
      </SimpleGrid>
    </InsightGroup>
  );
}

/** The funnel: each stage counts the people of the stage before it who reached it. */
export function FunnelPanel({ data, csvName, onCsv }: SectionProps) {
  const { t, i18n } = useTranslation();
  const { labelWidth, perRow } = useBarLayout();
  const rows = funnelRows(data.funnel, (stage) => t(`insight.dashboard.funnel.stage.${stage}`));
  const columns: ChartColumn<FunnelRow>[] = [
    { key: 'label', label: t('insight.dashboard.funnel.stageColumn') },
    { key: 'count', label: t('insight.dashboard.funnel.count'), numeric: true },
    { key: 'conversion', label: t('insight.dashboard.funnel.conversion'), percent: true },
    { key: 'shareOfFirst', label: t('insight.dashboard.funnel.share'), percent: true },
  ];
  return (
    <ChartPanel
      title={t('insight.dashboard.funnel.title')}
      description={t('insight.dashboard.funnel.description', { date: formatDate(data.asOf) })}
      chart={
        <BarChart
          h={barsHeight(rows.length, perRow)}
          data={countBars(rows)}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'bar', label: t('insight.dashboard.funnel.count'), color: 'blue.7' }]}
          yAxisProps={{ width: labelWidth }}
          gridAxis="x"
          xAxisProps={{ allowDecimals: false }}
          withBarValueLabel
          valueLabelProps={{ valueAccessor: countBarLabel }}
          // Every bar carries its figure; a tooltip would repeat it (and say 0 for a hidden count).
          withTooltip={false}
          valueFormatter={(value) => formatCount(value, i18n.language)}
          accessibilityLayer={false}
          textColor="gray.9"
          maxBarWidth={26}
        />
      }
      columns={columns}
      rows={rows}
      noChartText={rows.every((row) => row.count === 0) ? t('insight.common.chart.noChart') : undefined}
      csvName={csvName('alur-program')}
      onCsvDownload={onCsv('funnel')}
      tableMinWidth={520}
      data-testid="funnel-panel"
    />
  );
}

/** Training: cohorts running, attendance and certification rates, each with the counts behind it. */
export function TrainingSection({ data }: { data: DashboardResponse }) {
  const { t, i18n } = useTranslation();
  const count = (value: number | null) => formatCount(value, i18n.language);
  const training = data.training;
  return (
    <InsightGroup
      title={t('insight.dashboard.training.title')}
      intro={t('insight.dashboard.training.intro')}
      data-testid="training-section"
    >
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <StatCard
          label={t('insight.dashboard.training.cohortsRunning')}
          value={training.cohortsRunning}
          hint={t('insight.dashboard.training.cohortsCompleted', { count: training.cohortsCompleted })}
          data-testid="training-cohorts"
        />
        <StatCard
          label={t('insight.dashboard.training.attendanceRate')}
          value={training.attendanceRate}
          percent
          hint={t('insight.dashboard.training.attendanceDetail', {
            present: count(training.attendancePresent),
            recorded: count(training.attendanceRecorded),
          })}
          data-testid="training-attendance"
        />
        <StatCard
          label={t('insight.dashboard.training.certificationRate')}
          value={training.certificationRate}
          percent
          hint={t('insight.dashboard.training.certificationDetail', {
            certified: count(training.certifiedEnrolments),
            completed: count(training.completedEnrolments),
          })}
          data-testid="training-certification"
        />
      </SimpleGrid>
    </InsightGroup>
  );
}

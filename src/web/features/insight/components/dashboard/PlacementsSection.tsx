import { BarChart } from '@mantine/charts';
import { SimpleGrid } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ChartColumn } from '../../../../components/ChartPanel.tsx';
import { ChartPanel } from '../../../../components/ChartPanel.tsx';
import { formatCount } from '../../format.ts';
import { countBarLabel, countBars } from '../countBars.ts';
import { InsightGroup } from '../InsightGroup.tsx';
import { barsHeight } from './dashboardRows.ts';
import { type SectionProps, useBarLayout } from './ProgramSections.tsx';

interface PlacementRow {
  label: string;
  count: number | null;
}

/** Placements made in the period, by the opportunity's kelurahan and by its sector. */
export function PlacementsSection({ data, csvName, onCsv }: SectionProps) {
  const { t, i18n } = useTranslation();
  const { labelWidth, perRow } = useBarLayout(150, 40);
  const placements = data.placements;
  const total = formatCount(placements.total, i18n.language);
  const byVillage: PlacementRow[] = placements.byVillage.map((row) => ({
    label: row.name,
    count: row.count,
  }));
  const bySector: PlacementRow[] = placements.bySector.map((row) => ({
    label: t(`people.vocab.sector.${row.sector}`),
    count: row.count,
  }));

  const chart = (rows: PlacementRow[], color: string) => (
    <BarChart
      h={barsHeight(rows.length, perRow)}
      data={countBars(rows)}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'bar', label: t('insight.dashboard.placements.count'), color }]}
      yAxisProps={{ width: labelWidth }}
      gridAxis="x"
      xAxisProps={{ allowDecimals: false }}
      withBarValueLabel
      valueLabelProps={{ valueAccessor: countBarLabel }}
      withTooltip={false}
      valueFormatter={(value) => formatCount(value, i18n.language)}
      accessibilityLayer={false}
      textColor="gray.9"
      maxBarWidth={22}
    />
  );
  const columns = (first: string): ChartColumn<PlacementRow>[] => [
    { key: 'label', label: first },
    { key: 'count', label: t('insight.dashboard.placements.count'), numeric: true },
  ];
  // The total is a row of the file too: the suppression was done with it, the reader needs it.
  const withTotal = (rows: PlacementRow[]) =>
    rows.length === 0
      ? rows
      : [...rows, { label: t('insight.dashboard.placements.total'), count: placements.total }];

  return (
    <InsightGroup
      title={t('insight.dashboard.placements.title')}
      intro={t('insight.dashboard.placements.intro', { total })}
      data-testid="placements-section"
    >
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartPanel
          headingOrder={3}
          title={t('insight.dashboard.placements.byVillage')}
          description={t('insight.dashboard.placements.byVillageDescription')}
          chart={chart(byVillage, 'teal.8')}
          columns={columns(t('insight.dashboard.placements.village'))}
          rows={withTotal(byVillage)}
          csvName={csvName('penempatan-per-kelurahan')}
          onCsvDownload={onCsv('placements_by_village')}
          emptyText={t('insight.dashboard.placements.empty')}
          tableMinWidth={280}
          data-testid="placements-village-panel"
        />
        <ChartPanel
          headingOrder={3}
          title={t('insight.dashboard.placements.bySector')}
          description={t('insight.dashboard.placements.bySectorDescription')}
          chart={chart(bySector, 'orange.8')}
          columns={columns(t('insight.dashboard.placements.sector'))}
          rows={withTotal(bySector)}
          csvName={csvName('penempatan-per-sektor')}
          onCsvDownload={onCsv('placements_by_sector')}
          emptyText={t('insight.dashboard.placements.empty')}
          tableMinWidth={280}
          data-testid="placements-sector-panel"
        />
      </SimpleGrid>
    </InsightGroup>
  );
}

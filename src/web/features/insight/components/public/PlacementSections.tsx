import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicPlacements } from '../../../../../shared/publicFigures.ts';
import { type ChartColumn, ChartPanel } from '../../../../components/ChartPanel.tsx';
import { formatCount } from '../../format.ts';
import { HorizontalBars } from './HorizontalBars.tsx';
import { anyHidden, type PlacementChartRow, sectorRows, villageRows } from './publicRows.ts';

/** Placements by the vacancy's kelurahan and by its sector: two charts, each summing to the total. */
export function PlacementSections({ placements }: { placements: PublicPlacements }) {
  const { t, i18n } = useTranslation();
  const total = formatCount(placements.total, i18n.language);
  const villages = villageRows(placements.byVillage);
  const sectors = sectorRows(placements.bySector, (sector) => t(`people.vocab.sector.${sector}`));
  const note = (rows: PlacementChartRow[], totalText: string) => (
    <Text size="xs" c="dimmed">
      {totalText}
      {anyHidden(rows) && ` · ${t('insight.public.hiddenBars')}`}
    </Text>
  );
  const columns = (first: string, count: string): ChartColumn<PlacementChartRow>[] => [
    { key: 'label', label: first },
    { key: 'count', label: count, numeric: true },
  ];
  return (
    <>
      <ChartPanel
        title={t('insight.public.byVillage.title')}
        description={t('insight.public.byVillage.description')}
        chart={
          <HorizontalBars
            rows={villages}
            dataKey="count"
            seriesLabel={t('insight.public.byVillage.count')}
            color="teal.8"
          />
        }
        note={note(villages, t('insight.public.byVillage.total', { total }))}
        columns={columns(t('insight.public.byVillage.village'), t('insight.public.byVillage.count'))}
        rows={villages}
        tableCaption={t('insight.public.byVillage.table')}
        csvName={t('insight.public.byVillage.csv')}
        tableMinWidth={300}
        data-testid="public-by-village"
      />
      <ChartPanel
        title={t('insight.public.bySector.title')}
        description={t('insight.public.bySector.description')}
        chart={
          <HorizontalBars
            rows={sectors}
            dataKey="count"
            seriesLabel={t('insight.public.bySector.count')}
            color="grape.8"
          />
        }
        note={note(sectors, t('insight.public.bySector.total', { total }))}
        columns={columns(t('insight.public.bySector.sector'), t('insight.public.bySector.count'))}
        rows={sectors}
        tableCaption={t('insight.public.bySector.table')}
        csvName={t('insight.public.bySector.csv')}
        tableMinWidth={300}
        data-testid="public-by-sector"
      />
    </>
  );
}

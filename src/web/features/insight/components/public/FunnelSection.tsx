import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublicFunnelRow } from '../../../../../shared/publicFigures.ts';
import { type ChartColumn, ChartPanel } from '../../../../components/ChartPanel.tsx';
import { HorizontalBars } from './HorizontalBars.tsx';
import { anyHidden, type FunnelChartRow, funnelRows } from './publicRows.ts';

/** The pathway from entering the program to working a year after release, with the conversions. */
export function FunnelSection({ funnel }: { funnel: readonly PublicFunnelRow[] }) {
  const { t } = useTranslation();
  const rows = funnelRows(funnel, (stage) => t(`insight.public.funnel.stages.${stage}`));
  const columns: ChartColumn<FunnelChartRow>[] = [
    { key: 'label', label: t('insight.public.funnel.stage') },
    { key: 'count', label: t('insight.public.funnel.count'), numeric: true },
    { key: 'ofPrevious', label: t('insight.public.funnel.ofPrevious'), percent: true },
    { key: 'ofFirst', label: t('insight.public.funnel.ofFirst'), percent: true },
  ];
  return (
    <ChartPanel
      title={t('insight.public.funnel.title')}
      description={t('insight.public.funnel.description')}
      chart={<HorizontalBars rows={rows} dataKey="count" seriesLabel={t('insight.public.funnel.count')} />}
      note={
        anyHidden(rows) ? (
          <Text size="xs" c="dimmed">
            {t('insight.public.funnel.hiddenNote')}
          </Text>
        ) : undefined
      }
      columns={columns}
      rows={rows}
      tableCaption={t('insight.public.funnel.table')}
      csvName="alur-program"
      tableMinWidth={520}
      data-testid="public-funnel"
    />
  );
}

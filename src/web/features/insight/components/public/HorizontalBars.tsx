import { BarChart } from '@mantine/charts';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../format.ts';

/** Horizontal bars (long names stay readable on a phone), one per row; a hidden count draws no bar. */
export function HorizontalBars<R extends { chartLabel: string }>({
  rows,
  dataKey,
  seriesLabel,
  color = 'blue.7',
}: {
  rows: readonly R[];
  dataKey: Extract<keyof R, string>;
  seriesLabel: string;
  color?: string;
}) {
  const { i18n } = useTranslation();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return (
    <BarChart
      h={Math.max(160, rows.length * (wide ? 34 : 40) + 40)}
      data={rows as unknown as Record<string, unknown>[]}
      dataKey="chartLabel"
      orientation="vertical"
      series={[{ name: dataKey, label: seriesLabel, color }]}
      yAxisProps={{ width: wide ? 200 : 120, interval: 0 }}
      xAxisProps={{ allowDecimals: false }}
      gridAxis="x"
      // Room for the value label of the longest bar.
      barChartProps={{ margin: { right: 36 } }}
      withBarValueLabel
      valueFormatter={(value) => formatCount(value, i18n.language)}
      // The drawing is hidden from assistive technology (the table carries the figures): no focus stop.
      accessibilityLayer={false}
      textColor="gray.9"
      maxBarWidth={22}
      withTooltip={false}
    />
  );
}

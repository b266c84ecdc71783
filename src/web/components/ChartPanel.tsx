import { Box, Button, Collapse, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload, IconTable } from '@tabler/icons-react';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadCsv, toCsv } from '../lib/csv.ts';
import { notifyError } from '../lib/notify.ts';
import { type ChartColumn, chartRowTexts, csvRows } from './chartTable.ts';
import { ScrollTable } from './ScrollTable.tsx';

export type { ChartColumn } from './chartTable.ts';

export interface ChartPanelProps<R extends object> {
  /** The panel's heading (an h2 unless `headingOrder` says otherwise); also the table's caption. */
  title: string;
  /** What the chart shows, under the title (the figure's caption). */
  description?: ReactNode;
  /** The drawing: a Mantine chart with `accessibilityLayer={false}` (it is hidden from assistive technology). */
  chart: ReactNode;
  /** The table's and the CSV's columns; the first one heads each row. */
  columns: readonly ChartColumn<R>[];
  /** The figures drawn, one table row (and CSV line) each. */
  rows: readonly R[];
  /** The CSV's file name (`.csv` is added; unsafe characters become dashes). */
  csvName: string;
  /**
   * Runs before the file is made (the signed-in pages audit the download here); when it fails, the user
   * sees its message and no file is made.
   */
  onCsvDownload?: () => Promise<void> | void;
  /** Shown instead of the chart, the table and the CSV button when there are no rows. */
  emptyText?: string;
  /**
   * Shown instead of the drawing (the table and the CSV stay) when there is nothing to draw, e.g. every
   * count is hidden ("< 5"): a chart of empty bars would say nothing.
   */
  noChartText?: string;
  /** Below the chart: a note on the figures (hidden counts, windows not reached, …). */
  note?: ReactNode;
  /** Extra controls to the right of the title. */
  actions?: ReactNode;
  /** The table's caption when it should differ from the title. */
  tableCaption?: string;
  /** Below which width the table scrolls sideways (default 480 px). */
  tableMinWidth?: number;
  headingOrder?: 2 | 3;
  'data-testid'?: string;
}

/**
 * A chart in a titled panel with its figures one button away as a table (the drawing is hidden from screen
 * readers: the caption says what it shows and the table carries every figure) and as a CSV file made from
 * the same rows. Hidden counts (null) read "< 5" in both.
 */
export function ChartPanel<R extends object>({
  title,
  description,
  chart,
  columns,
  rows,
  csvName,
  onCsvDownload,
  emptyText,
  noChartText,
  note,
  actions,
  tableCaption,
  tableMinWidth = 480,
  headingOrder = 2,
  'data-testid': testId,
}: ChartPanelProps<R>) {
  const { t, i18n } = useTranslation();
  const [tableOpen, setTableOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const titleId = useId();
  const captionId = useId();
  const tableId = useId();
  const empty = rows.length === 0;

  const download = async () => {
    setSaving(true);
    try {
      await onCsvDownload?.();
      downloadCsv(csvName, toCsv(columns, csvRows(rows, columns), i18n.language));
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={titleId}
      data-testid={testId}
    >
      <Group justify="space-between" gap="xs" mb={description ? 4 : 'sm'} wrap="wrap">
        <Title order={headingOrder} fz={headingOrder === 2 ? 'h4' : 'h5'} id={titleId}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      <Box
        component="figure"
        m={0}
        {...(description ? { 'aria-labelledby': captionId } : { 'aria-label': title })}
      >
        {description && (
          <Text size="sm" c="dimmed" mb="sm" id={captionId} component="figcaption">
            {description}
          </Text>
        )}
        {empty ? (
          <Text size="sm">{emptyText ?? t('insight.common.chart.empty')}</Text>
        ) : (
          <Stack gap="sm">
            {noChartText ? (
              <Text size="sm" c="gray.8" data-no-chart>
                {noChartText}
              </Text>
            ) : (
              <Box aria-hidden data-chart>
                {chart}
              </Box>
            )}
            {note}
            <Group gap="xs">
              <Button
                variant="default"
                size="xs"
                leftSection={<IconTable size={14} aria-hidden />}
                aria-expanded={tableOpen}
                aria-controls={tableId}
                // The same words in every panel: the title tells a screen reader's list of buttons apart.
                aria-describedby={titleId}
                onClick={() => setTableOpen((open) => !open)}
              >
                {tableOpen ? t('insight.common.chart.hideTable') : t('insight.common.chart.showTable')}
              </Button>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconDownload size={14} aria-hidden />}
                loading={saving}
                aria-describedby={titleId}
                onClick={() => void download()}
              >
                {t('insight.common.chart.downloadCsv')}
              </Button>
            </Group>
            <Collapse expanded={tableOpen} id={tableId}>
              {tableOpen && (
                <ChartTable
                  caption={tableCaption ?? title}
                  label={t('insight.common.chart.tableLabel', { title: tableCaption ?? title })}
                  columns={columns}
                  rows={rows}
                  language={i18n.language}
                  minWidth={tableMinWidth}
                />
              )}
            </Collapse>
          </Stack>
        )}
      </Box>
    </Paper>
  );
}

/** The figures as a table: a caption, column headers, the first cell of each row heading it. */
export function ChartTable<R extends object>({
  caption,
  label,
  columns,
  rows,
  language,
  minWidth = 480,
}: {
  caption: string;
  /** The scrolling region's name (default: the caption); must differ from the panel's heading (axe landmark-unique). */
  label?: string;
  columns: readonly ChartColumn<R>[];
  rows: readonly R[];
  language: string;
  minWidth?: number;
}) {
  return (
    <ScrollTable label={label ?? caption} minWidth={minWidth}>
      {/* Above the table, from its left edge: a caption centred under a wide table scrolls out of sight on a phone. */}
      <Table.Caption style={{ captionSide: 'top', textAlign: 'left', marginTop: 0 }}>{caption}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          {columns.map((column) => (
            <Table.Th
              key={column.key}
              scope="col"
              ta={column.numeric || column.percent ? 'right' : undefined}
            >
              {column.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row, index) => {
          const texts = chartRowTexts(row, columns, language);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: the rows are a fixed snapshot of figures, never reordered
            <Table.Tr key={index}>
              {columns.map((column, at) => {
                const align = column.numeric || column.percent ? 'right' : undefined;
                return at === 0 ? (
                  <Table.Th key={column.key} scope="row" fw={500} ta={align}>
                    {texts[at]}
                  </Table.Th>
                ) : (
                  <Table.Td key={column.key} ta={align}>
                    {texts[at]}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}

import { BarChart } from '@mantine/charts';
import { Box, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthlyReport } from '../../../../../shared/insightReport.ts';
import { type ChartColumn, ChartPanel, ChartTable } from '../../../../components/ChartPanel.tsx';
import { chartRowTexts } from '../../../../components/chartTable.ts';
import { ScrollTable } from '../../../../components/ScrollTable.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { formatCount, formatPercent } from '../../format.ts';
import { barsHeight } from '../dashboard/dashboardRows.ts';
import { useLabelWidth } from '../dashboard/ProgramSections.tsx';
import { barLabel } from '../village/villageRows.ts';
import { VISUALLY_HIDDEN } from '../visuallyHidden.ts';
import { type CountRow, hasAnyFigure, type SummaryRow, summaryRows, withTotal } from './reportRows.ts';

export interface ReportSectionProps {
  report: MonthlyReport;
  /** The CSV's file name for a chart. */
  csvName: (section: string) => string;
  /** Audits a chart's CSV before the browser makes it. */
  onCsv: (section: string) => () => Promise<void>;
}

/** A part of the report: a bordered section under its h3. */
function ReportSection({
  title,
  intro,
  children,
  'data-testid': testId,
}: {
  title: string;
  intro?: ReactNode;
  children: ReactNode;
  'data-testid'?: string;
}) {
  const id = useId();
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      component="section"
      aria-labelledby={id}
      data-testid={testId}
    >
      <Title order={3} fz="h4" id={id} mb={intro ? 4 : 'sm'}>
        {title}
      </Title>
      {intro && (
        <Text size="sm" c="gray.7" mb="sm">
          {intro}
        </Text>
      )}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/**
 * A table of the report under its h4 (or, when empty, a line saying so). The heading names the table (the
 * scrolling region carries the same name), so no caption repeats it.
 */
function ReportTable<R extends object>({
  title,
  columns,
  rows,
  empty,
  minWidth,
}: {
  title: string;
  columns: ChartColumn<R>[];
  rows: R[];
  empty: string;
  minWidth: number;
}) {
  const { i18n } = useTranslation();
  return (
    <Stack gap={4}>
      <Title order={4} fz="h5">
        {title}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm">{empty}</Text>
      ) : (
        <ScrollTable label={title} minWidth={minWidth}>
          {/* The heading above shows the words; the caption names the table itself. */}
          <Table.Caption style={VISUALLY_HIDDEN}>{title}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              {columns.map((column) => (
                <Table.Th key={column.key} scope="col" ta={column.numeric ? 'right' : undefined}>
                  {column.label}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => {
              const texts = chartRowTexts(row, columns, i18n.language);
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed snapshot of the report, never reordered
                <Table.Tr key={index}>
                  {columns.map((column, at) =>
                    at === 0 ? (
                      <Table.Th key={column.key} scope="row" fw={500}>
                        {texts[at]}
                      </Table.Th>
                    ) : (
                      <Table.Td key={column.key} ta={column.numeric ? 'right' : undefined}>
                        {texts[at]}
                      </Table.Td>
                    ),
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

/** The summary rows that fit the organization's kind, in print order. */
export function ReportSummary({ report }: { report: MonthlyReport }) {
  const { t, i18n } = useTranslation();
  const rows = summaryRows(report.summary, (key) => t(`insight.report.summary.rows.${key}`));
  const columns: ChartColumn<SummaryRow>[] = [
    { key: 'label', label: t('insight.report.summary.item') },
    {
      key: 'value',
      label: t('insight.report.summary.value'),
      numeric: true,
      format: (_value, row) =>
        row.unit === 'percent'
          ? formatPercent(row.value, i18n.language)
          : formatCount(row.value, i18n.language),
    },
  ];
  return (
    <ReportSection title={t('insight.report.summary.title')} data-testid="report-summary">
      <Box maw={720}>
        <ChartTable
          caption={t('insight.report.summary.caption')}
          columns={columns}
          rows={rows}
          language={i18n.language}
          minWidth={300}
        />
      </Box>
    </ReportSection>
  );
}

/** The month's flow (registered → trained → certified → handed over → placed), the stages that fit. */
export function ReportFlow({ report, csvName, onCsv }: ReportSectionProps) {
  const { t, i18n } = useTranslation();
  const labelWidth = useLabelWidth(150);
  const rows: CountRow[] = report.flow.map((step) => ({
    label: t(`insight.report.flow.stages.${step.stage}`),
    count: step.count,
  }));
  const counts = rows.map((row) => row.count);
  const columns: ChartColumn<CountRow>[] = [
    { key: 'label', label: t('insight.report.flow.stage') },
    { key: 'count', label: t('insight.report.flow.count'), numeric: true },
  ];
  return (
    <ChartPanel
      headingOrder={3}
      title={t('insight.report.flow.title')}
      description={t('insight.report.flow.description')}
      chart={
        <BarChart
          h={barsHeight(rows.length, 40)}
          data={rows.map((row) => ({ ...row, label: barLabel(row.label, row.count) }))}
          dataKey="label"
          orientation="vertical"
          series={[{ name: 'count', label: t('insight.report.flow.count'), color: 'blue.7' }]}
          yAxisProps={{ width: labelWidth }}
          gridAxis="x"
          // Counts: whole-number ticks only.
          xAxisProps={{ allowDecimals: false }}
          withBarValueLabel
          valueFormatter={(value) => formatCount(value, i18n.language)}
          accessibilityLayer={false}
          textColor="gray.9"
          maxBarWidth={22}
        />
      }
      columns={columns}
      rows={hasAnyFigure(counts) ? rows : []}
      csvName={csvName('alur')}
      onCsvDownload={onCsv('flow')}
      emptyText={rows.length === 0 ? t('insight.report.flow.empty') : t('insight.report.flow.none')}
      tableMinWidth={280}
      data-testid="report-flow"
    />
  );
}

type Cohort = NonNullable<MonthlyReport['training']>['cohorts'][number];

/** The organization's cohorts running in the month (prison and partner only). */
export function ReportTraining({ report }: { report: MonthlyReport }) {
  const { t, i18n } = useTranslation();
  if (!report.training) return null;
  const columns: ChartColumn<Cohort>[] = [
    { key: 'name', label: t('insight.report.training.cohort') },
    { key: 'programName', label: t('insight.report.training.program') },
    { key: 'providerName', label: t('insight.report.training.provider') },
    {
      key: 'startDate',
      label: t('insight.report.training.dates'),
      format: (_value, row) => `${formatDate(row.startDate)} – ${formatDate(row.endDate)}`,
    },
    { key: 'enrolled', label: t('insight.report.training.enrolled'), numeric: true },
    { key: 'sessionsHeld', label: t('insight.report.training.sessions'), numeric: true },
    { key: 'attendanceRate', label: t('insight.report.training.attendance'), percent: true },
    { key: 'completed', label: t('insight.report.training.completed'), numeric: true },
    { key: 'certified', label: t('insight.report.training.certified'), numeric: true },
  ];
  return (
    <ReportSection title={t('insight.report.training.title')} data-testid="report-training">
      {report.training.cohorts.length === 0 ? (
        <Text size="sm">{t('insight.report.training.empty')}</Text>
      ) : (
        <ChartTable
          caption={t('insight.report.training.caption')}
          columns={columns}
          rows={report.training.cohorts}
          language={i18n.language}
          minWidth={960}
        />
      )}
    </ReportSection>
  );
}

/** Placements made in the month, by kelurahan and by sector, each with its total. */
export function ReportPlacements({ report, csvName, onCsv }: ReportSectionProps) {
  const { t, i18n } = useTranslation();
  const labelWidth = useLabelWidth(150);
  const placements = report.placements;
  const total = t('insight.report.placements.total');
  const byVillage: CountRow[] = placements.byVillage.map((row) => ({
    label: row.villageName,
    count: row.count,
  }));
  const bySector: CountRow[] = placements.bySector.map((row) => ({
    label: t(`people.vocab.sector.${row.sector}`),
    count: row.count,
  }));
  const chart = (rows: CountRow[], color: string) => (
    <BarChart
      h={barsHeight(rows.length, 40)}
      data={rows.map((row) => ({ ...row, label: barLabel(row.label, row.count) }))}
      dataKey="label"
      orientation="vertical"
      series={[{ name: 'count', label: t('insight.report.placements.count'), color }]}
      yAxisProps={{ width: labelWidth }}
      gridAxis="x"
      // Counts: whole-number ticks only.
      xAxisProps={{ allowDecimals: false }}
      withBarValueLabel
      valueFormatter={(value) => formatCount(value, i18n.language)}
      accessibilityLayer={false}
      textColor="gray.9"
      maxBarWidth={22}
    />
  );
  const columns = (first: string): ChartColumn<CountRow>[] => [
    { key: 'label', label: first },
    { key: 'count', label: t('insight.report.placements.count'), numeric: true },
  ];
  return (
    <Stack gap="sm" data-testid="report-placements">
      <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
        <ChartPanel
          headingOrder={3}
          title={`${t('insight.report.placements.title')}: ${t('insight.report.placements.byVillage').toLowerCase()}`}
          description={t('insight.report.placements.byVillageDescription')}
          chart={chart(byVillage, 'teal.8')}
          columns={columns(t('insight.report.placements.village'))}
          rows={withTotal(byVillage, placements.total, total)}
          csvName={csvName('penempatan-per-kelurahan')}
          onCsvDownload={onCsv('placements_by_village')}
          emptyText={t('insight.report.placements.empty')}
          tableMinWidth={280}
          data-testid="report-placements-village"
        />
        <ChartPanel
          headingOrder={3}
          title={`${t('insight.report.placements.title')}: ${t('insight.report.placements.bySector').toLowerCase()}`}
          description={t('insight.report.placements.bySectorDescription')}
          chart={chart(bySector, 'orange.8')}
          columns={columns(t('insight.report.placements.sector'))}
          rows={withTotal(bySector, placements.total, total)}
          csvName={csvName('penempatan-per-sektor')}
          onCsvDownload={onCsv('placements_by_sector')}
          emptyText={t('insight.report.placements.empty')}
          tableMinWidth={280}
          data-testid="report-placements-sector"
        />
      </SimpleGrid>
    </Stack>
  );
}

interface OutcomeRow {
  label: string;
  checks: number | null;
  working: number | null;
  workingRate: number | null;
}

/** Outcome checks recorded in the month by window (1, 3, 6, 12 months), with the total. */
export function ReportOutcomes({ report }: { report: MonthlyReport }) {
  const { t, i18n } = useTranslation();
  const rows: OutcomeRow[] = [
    ...report.outcomes.rows.map((row) => ({
      label: t('insight.report.outcomes.windowMonths', { count: row.windowMonths }),
      checks: row.checks,
      working: row.working,
      workingRate: row.workingRate,
    })),
    { label: t('insight.report.outcomes.total'), ...report.outcomes.total },
  ];
  const columns: ChartColumn<OutcomeRow>[] = [
    { key: 'label', label: t('insight.report.outcomes.window') },
    { key: 'checks', label: t('insight.report.outcomes.checks'), numeric: true },
    { key: 'working', label: t('insight.report.outcomes.working'), numeric: true },
    { key: 'workingRate', label: t('insight.report.outcomes.rate'), percent: true },
  ];
  return (
    <ReportSection title={t('insight.report.outcomes.title')} data-testid="report-outcomes">
      <ChartTable
        caption={t('insight.report.outcomes.caption')}
        columns={columns}
        rows={rows}
        language={i18n.language}
        minWidth={360}
      />
    </ReportSection>
  );
}

type Governance = MonthlyReport['governance'];

/** Meetings, action items, work-plan activities and agreements of the month (never hidden: not about people). */
export function ReportGovernance({ report }: { report: MonthlyReport }) {
  const { t } = useTranslation();
  const governance = report.governance;
  const notOpen = t('insight.report.notOpen');
  const title = (value: string | null) => value ?? notOpen;
  const anyClosed =
    governance.meetings.some((row) => row.title === null) ||
    governance.activities.some((row) => row.title === null || row.workPlanTitle === null) ||
    governance.agreements.some((row) => row.title === null);

  const meetingColumns: ChartColumn<Governance['meetings'][number]>[] = [
    {
      key: 'title',
      label: t('insight.report.governance.meeting'),
      format: (value) => title(value as string | null),
    },
    {
      key: 'heldOn',
      label: t('insight.report.governance.heldOn'),
      format: (value) => formatDate(value as string),
    },
    {
      key: 'organizer',
      label: t('insight.report.governance.organizer'),
      format: (_v, row) => row.organizer.name,
    },
    {
      key: 'status',
      label: t('insight.report.governance.status'),
      format: (_v, row) => t(`meetings.status.${row.status}`),
    },
  ];

  const actionRows = governance.actionItems.length
    ? [
        ...governance.actionItems.map((row) => ({ label: row.organization.name, ...row })),
        { label: t('insight.report.governance.total'), ...governance.actionItemTotals },
      ]
    : [];
  const actionColumns: ChartColumn<(typeof actionRows)[number]>[] = [
    { key: 'label', label: t('insight.report.governance.owner') },
    { key: 'opened', label: t('insight.report.governance.opened'), numeric: true },
    { key: 'done', label: t('insight.report.governance.done'), numeric: true },
    { key: 'overdue', label: t('insight.report.governance.overdue'), numeric: true },
  ];

  const activityColumns: ChartColumn<Governance['activities'][number]>[] = [
    {
      key: 'title',
      label: t('insight.report.governance.activity'),
      format: (value) => title(value as string | null),
    },
    {
      key: 'workPlanTitle',
      label: t('insight.report.governance.workPlan'),
      format: (value) => title(value as string | null),
    },
    {
      key: 'kind',
      label: t('insight.report.governance.kind'),
      format: (_v, row) => t(`workplans.kind.${row.kind}`),
    },
    {
      key: 'responsible',
      label: t('insight.report.governance.responsible'),
      format: (_v, row) => row.responsible.name,
    },
    {
      key: 'startsOn',
      label: t('insight.report.training.dates'),
      format: (_v, row) => `${formatDate(row.startsOn)} – ${formatDate(row.endsOn)}`,
    },
    {
      key: 'status',
      label: t('insight.report.governance.status'),
      format: (_v, row) => t(`workplans.activityStatus.${row.status}`),
    },
  ];

  const agreementColumns: ChartColumn<Governance['agreements'][number]>[] = [
    {
      key: 'title',
      label: t('insight.report.governance.agreement'),
      format: (_v, row) => `${t(`agreements.kindShort.${row.kind}`)} · ${title(row.title)}`,
    },
    {
      key: 'events',
      label: t('insight.report.governance.events'),
      format: (_v, row) =>
        row.events.map((event) => t(`insight.report.governance.event.${event}`)).join(', '),
    },
    {
      key: 'signedOn',
      label: t('insight.report.governance.signedOn'),
      format: (v) => formatDate(v as string | null),
    },
    {
      key: 'validUntil',
      label: t('insight.report.governance.validUntil'),
      format: (v) => formatDate(v as string | null),
    },
    {
      key: 'status',
      label: t('insight.report.governance.status'),
      format: (_v, row) => t(`agreements.status.${row.status}`),
    },
    {
      key: 'parties',
      label: t('insight.report.governance.parties'),
      format: (_v, row) => row.parties.join(', '),
    },
  ];

  return (
    <ReportSection
      title={t('insight.report.governance.title')}
      intro={anyClosed ? t('insight.report.notOpenNote') : undefined}
      data-testid="report-governance"
    >
      <ReportTable
        title={t('insight.report.governance.meetings')}
        columns={meetingColumns}
        rows={governance.meetings}
        empty={t('insight.report.governance.meetingsEmpty')}
        minWidth={560}
      />
      <ReportTable
        title={t('insight.report.governance.actionItems')}
        columns={actionColumns}
        rows={actionRows}
        empty={t('insight.report.governance.actionItemsEmpty')}
        minWidth={480}
      />
      <ReportTable
        title={t('insight.report.governance.activities')}
        columns={activityColumns}
        rows={governance.activities}
        empty={t('insight.report.governance.activitiesEmpty')}
        minWidth={800}
      />
      <ReportTable
        title={t('insight.report.governance.agreements')}
        columns={agreementColumns}
        rows={governance.agreements}
        empty={t('insight.report.governance.agreementsEmpty')}
        minWidth={800}
      />
    </ReportSection>
  );
}

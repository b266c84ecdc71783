import { BarChart } from '@mantine/charts';
import { Anchor, ColorSwatch, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { VillageInsightResponse } from '../../../../../shared/insight.ts';
import { type ChartColumn, ChartPanel } from '../../../../components/ChartPanel.tsx';
import { ScrollTable } from '../../../../components/ScrollTable.tsx';
import { formatDate } from '../../../../lib/format.ts';
import { OpportunityStatusBadge } from '../../../opportunities/components/badges.tsx';
import { formatCount, formatNumber } from '../../format.ts';
import { CountText } from '../CountText.tsx';
import { barsHeight } from '../dashboard/dashboardRows.ts';
import { useLabelWidth } from '../dashboard/ProgramSections.tsx';
import { InsightGroup } from '../InsightGroup.tsx';
import { StatCard } from '../StatCard.tsx';
import { VISUALLY_HIDDEN } from '../visuallyHidden.ts';
import { anyHidden, opportunityRows, type SectorRow, sectorRows, statusRows } from './villageRows.ts';

interface StatusTableRow {
  label: string;
  count: number | null;
}

export interface VillageSectionProps {
  data: VillageInsightResponse;
  /** The CSV's file name for a section. */
  csvName: (section: string) => string;
  /** Audits a section's CSV before the browser makes it. */
  onCsv: (section: string) => () => Promise<void>;
}

/** The women intended for or placed in the kelurahan: figures and the journey-status chart. */
export function VillagePeopleSection({ data, csvName, onCsv }: VillageSectionProps) {
  const { t, i18n } = useTranslation();
  const labelWidth = useLabelWidth(190);
  const people = data.people;
  const rows = statusRows(people.byStatus, (status) => t(`people.status.${status}`));
  const counts = rows.map((row) => row.count);
  const columns: ChartColumn<StatusTableRow>[] = [
    { key: 'label', label: t('insight.village.status.status') },
    { key: 'count', label: t('insight.village.status.count'), numeric: true },
  ];
  // The total is a row of the table and the file too: the suppression was done with it.
  const tableRows: StatusTableRow[] =
    people.intended === 0
      ? []
      : [...rows, { label: t('insight.village.status.total'), count: people.intended }];

  return (
    <InsightGroup
      title={t('insight.village.people.title')}
      intro={t('insight.village.people.intro')}
      data-testid="village-people"
    >
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
        <StatCard
          label={t('insight.village.people.intended')}
          value={people.intended}
          hint={t('insight.village.people.intendedHint')}
          data-testid="stat-intended"
        />
        <StatCard
          label={t('insight.village.people.upcoming')}
          value={people.upcomingReleases}
          hint={t('insight.village.people.upcomingHint', {
            count: data.months,
            date: formatDate(data.horizonEnd),
          })}
          data-testid="stat-upcoming"
        />
        <StatCard
          label={t('insight.village.people.underSupervision')}
          value={people.underSupervision}
          hint={t('insight.village.people.underSupervisionHint')}
          data-testid="stat-supervision"
        />
        <StatCard
          label={t('insight.village.people.working')}
          value={people.workingLatestCheck}
          hint={t('insight.village.people.workingHint')}
          data-testid="stat-working"
        />
        <StatCard
          label={t('insight.village.people.placedNow')}
          value={data.opportunities.placedNow}
          hint={t('insight.village.people.placedNowHint')}
          data-testid="stat-placed"
        />
      </SimpleGrid>
      <ChartPanel
        headingOrder={3}
        title={t('insight.village.status.title')}
        description={t('insight.village.status.description')}
        chart={
          <BarChart
            h={barsHeight(rows.length, 40)}
            data={rows}
            dataKey="chartLabel"
            orientation="vertical"
            series={[{ name: 'count', label: t('insight.village.status.count'), color: 'blue.7' }]}
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
        note={
          anyHidden(counts) ? (
            <Text size="xs" c="gray.7">
              {t('insight.village.hiddenBars')}
            </Text>
          ) : undefined
        }
        columns={columns}
        rows={tableRows}
        csvName={csvName('status')}
        onCsvDownload={onCsv('people_by_status')}
        emptyText={t('insight.village.status.empty')}
        tableMinWidth={280}
        data-testid="village-status-panel"
      />
    </InsightGroup>
  );
}

/** The kelurahan's open and filled opportunities: places and women placed, linked when she may open them. */
export function VillageOpportunitiesSection({
  data,
  canOpenOpportunities,
}: {
  data: VillageInsightResponse;
  canOpenOpportunities: boolean;
}) {
  const { t, i18n } = useTranslation();
  const opportunities = data.opportunities;
  const rows = opportunityRows(opportunities.items, {
    sector: (sector) => t(`people.vocab.sector.${sector}`),
    status: (status) => t(`opportunities.status.${status}`),
  });
  return (
    <InsightGroup
      title={t('insight.village.opportunities.title')}
      intro={
        rows.length > 0
          ? t('insight.village.opportunities.intro', {
              count: rows.length,
              places: formatNumber(opportunities.places, i18n.language),
              placed: formatCount(opportunities.placedNow, i18n.language),
            })
          : undefined
      }
      data-testid="village-opportunities"
    >
      {rows.length === 0 ? (
        <Text>{t('insight.village.opportunities.empty')}</Text>
      ) : (
        <ScrollTable label={t('insight.village.opportunities.tableLabel')} minWidth={720}>
          <Table.Caption style={VISUALLY_HIDDEN}>
            {t('insight.village.opportunities.tableLabel')}
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('insight.village.opportunities.titleColumn')}</Table.Th>
              <Table.Th scope="col">{t('insight.village.opportunities.partner')}</Table.Th>
              <Table.Th scope="col">{t('insight.village.opportunities.sector')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('insight.village.opportunities.places')}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('insight.village.opportunities.placed')}
              </Table.Th>
              <Table.Th scope="col">{t('insight.village.opportunities.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="village-opportunity">
                <Table.Th scope="row" fw={500}>
                  {canOpenOpportunities ? (
                    <Anchor component={Link} fz="inherit" to={`/peluang/${row.id}`}>
                      {row.title}
                    </Anchor>
                  ) : (
                    row.title
                  )}
                </Table.Th>
                <Table.Td>{row.partnerName}</Table.Td>
                <Table.Td>{row.sectorLabel}</Table.Td>
                <Table.Td ta="right">{formatNumber(row.places, i18n.language)}</Table.Td>
                <Table.Td ta="right">
                  <CountText value={row.placed} fz="inherit" />
                </Table.Td>
                <Table.Td>
                  <OpportunityStatusBadge status={row.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('insight.village.opportunities.total')}</Table.Th>
              <Table.Td />
              <Table.Td />
              <Table.Td ta="right" fw={700}>
                {formatNumber(opportunities.places, i18n.language)}
              </Table.Td>
              <Table.Td ta="right" fw={700}>
                <CountText value={opportunities.placedNow} fz="inherit" />
              </Table.Td>
              <Table.Td />
            </Table.Tr>
          </Table.Tfoot>
        </ScrollTable>
      )}
    </InsightGroup>
  );
}

const SECTOR_SERIES = [
  { key: 'potentials', color: 'teal.8' },
  { key: 'needs', color: 'orange.8' },
  { key: 'upcomingHere', color: 'blue.7' },
  { key: 'upcomingInScope', color: 'grape.7' },
] as const;

/** The kelurahan's potentials and needs against the sectors of the skills of women released soon. */
export function VillageSectorsSection({ data, csvName, onCsv }: VillageSectionProps) {
  const { t, i18n } = useTranslation();
  const labelWidth = useLabelWidth(150);
  const rows = sectorRows(data.sectors, (sector) => t(`people.vocab.sector.${sector}`));
  const columns: ChartColumn<SectorRow>[] = [
    { key: 'label', label: t('insight.village.sectors.sector') },
    ...SECTOR_SERIES.map((series) => ({
      key: series.key,
      label: t(`insight.village.sectors.${series.key}`),
      numeric: true,
    })),
  ];
  const hidden = anyHidden(rows.flatMap((row) => [row.upcomingHere, row.upcomingInScope]));
  return (
    <InsightGroup
      title={t('insight.village.sectors.title')}
      intro={t('insight.village.sectors.intro')}
      data-testid="village-sectors"
    >
      <ChartPanel
        headingOrder={3}
        title={t('insight.village.sectors.chartTitle')}
        description={t('insight.village.sectors.description', { count: data.months })}
        chart={
          <Stack gap="xs">
            <BarChart
              h={barsHeight(rows.length, 84)}
              data={rows}
              dataKey="label"
              orientation="vertical"
              series={SECTOR_SERIES.map((series) => ({
                name: series.key,
                label: t(`insight.village.sectors.${series.key}`),
                color: series.color,
              }))}
              yAxisProps={{ width: labelWidth }}
              gridAxis="x"
              // Counts: whole-number ticks only.
              xAxisProps={{ allowDecimals: false }}
              valueFormatter={(value) => formatCount(value, i18n.language)}
              accessibilityLayer={false}
              textColor="gray.9"
              maxBarWidth={14}
            />
            {/* The legend as plain text under the bars: it wraps on a phone (the chart's own does not). */}
            <Group gap="md" justify="center" style={{ rowGap: 4 }}>
              {SECTOR_SERIES.map((series) => (
                <Group key={series.key} gap={6} wrap="nowrap">
                  <ColorSwatch
                    color={`var(--mantine-color-${series.color.replace('.', '-')})`}
                    size={12}
                    withShadow={false}
                  />
                  <Text size="sm">{t(`insight.village.sectors.${series.key}`)}</Text>
                </Group>
              ))}
            </Group>
          </Stack>
        }
        note={
          hidden ? (
            <Text size="xs" c="gray.7">
              {t('insight.village.hiddenBars')}
            </Text>
          ) : undefined
        }
        columns={columns}
        rows={rows}
        csvName={csvName('sektor')}
        onCsvDownload={onCsv('sectors')}
        emptyText={t('insight.village.sectors.empty')}
        tableMinWidth={640}
        data-testid="village-sectors-panel"
      />
    </InsightGroup>
  );
}

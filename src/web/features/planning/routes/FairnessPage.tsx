import { Alert, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { EDUCATION_LEVELS } from '../../../../shared/people.ts';
import type {
  FairnessCell,
  FairnessDimension,
  FairnessReport,
  FairnessRow,
} from '../../../../shared/planning.ts';
import { DateField } from '../../../components/DateField.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useFairness } from '../api/planning.ts';
import { fairnessQueryOf, FAIRNESS_KEYS as KEYS } from '../components/addressQuery.ts';
import { formatRate, formatRateGap, formatScore } from '../components/planText.ts';
import { RulesCard } from './TrainingGapPage.tsx';

const NO_TEXT: readonly never[] = [];

/** /perencanaan/keadilan: recommendation, proposal and placement rates per group for a release window. */
export function FairnessPage() {
  const { t } = useTranslation();
  const { params, update } = useAddressFilters({ textKeys: NO_TEXT });
  const query = fairnessQueryOf(params);
  const backwards = query.from !== undefined && query.to !== undefined && query.to < query.from;
  const report = useFairness(query, !backwards);
  // The server's field error on a window it refuses (e.g. longer than three years) goes under its date.
  const serverFields = report.isError && isApiError(report.error) ? report.error.fields : undefined;
  const toError = backwards
    ? t('planning.plans.form.order')
    : (serverFields?.to ?? serverFields?.from ?? null);
  const shown = report.data ?? null;

  return (
    <Stack gap="md">
      <SectionCard
        title={t('planning.fairness.title')}
        id="fairness-title"
        hint={t('planning.fairness.intro')}
      >
        <Alert color="blue" icon={<IconShieldCheck aria-hidden />} data-fairness-never>
          <Text size="sm">{t('planning.fairness.never')}</Text>
        </Alert>
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="sm"
          component="section"
          aria-label={t('planning.fairness.filters')}
        >
          <DateField
            label={t('planning.fairness.from')}
            value={query.from ?? shown?.from ?? null}
            onChange={(value) => update({ [KEYS.from]: value })}
          />
          <DateField
            label={t('planning.fairness.to')}
            value={query.to ?? shown?.to ?? null}
            onChange={(value) => update({ [KEYS.to]: value })}
            error={toError}
          />
        </SimpleGrid>
        {shown && !toError && (
          <Text size="sm" fw={500} data-fairness-summary>
            {t('planning.fairness.summary', {
              from: formatDate(shown.from),
              to: formatDate(shown.to),
              opportunities: shown.opportunities,
              version: shown.ruleVersion,
              minScore: shown.minScore,
              date: formatDate(shown.generatedOn),
            })}
          </Text>
        )}
      </SectionCard>

      {backwards ? null : report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        serverFields ? null : (
          <QueryError error={report.error} onRetry={() => void report.refetch()} />
        )
      ) : (
        <FairnessTables report={report.data} />
      )}
    </Stack>
  );
}

function FairnessTables({ report }: { report: FairnessReport }) {
  const { t } = useTranslation();
  return (
    <>
      {report.dimensions.map(({ dimension, rows }) => (
        <SectionCard
          key={dimension}
          title={t(`planning.fairness.dimension.${dimension}`)}
          id={`fairness-${dimension}`}
        >
          <DimensionTable
            dimension={dimension}
            overall={report.overall}
            rows={rows}
            minCell={report.minCell}
          />
        </SectionCard>
      ))}
      <Stack gap={4}>
        <Text size="sm" c="dimmed">
          {t('planning.fairness.suppressedHint', { min: report.minCell })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('planning.fairness.differenceHint')}
        </Text>
      </Stack>
      <RulesCard rules={report.rules} id="fairness-rules" />
    </>
  );
}

function useGroupLabel() {
  const { t } = useTranslation();
  return (dimension: FairnessDimension, group: string): string => {
    if (dimension === 'age_band')
      return t(`planning.fairness.ageBand.${group as 'unknown'}`, { defaultValue: group });
    if (dimension === 'domicile')
      return t(`planning.fairness.domicile.${group as 'unknown'}`, { defaultValue: group });
    if ((EDUCATION_LEVELS as readonly string[]).includes(group))
      return t(`people.vocab.education.${group as (typeof EDUCATION_LEVELS)[number]}`);
    return t('planning.fairness.educationUnknown');
  };
}

interface DimensionTableProps {
  dimension: FairnessDimension;
  overall: FairnessCell;
  rows: FairnessRow[];
  minCell: number;
}

function DimensionTable({ dimension, overall, rows, minCell }: DimensionTableProps) {
  const { t } = useTranslation();
  const groupLabel = useGroupLabel();
  return (
    <ScrollTable label={t(`planning.fairness.dimension.${dimension}`)} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.fairness.group')}</Table.Th>
          <Table.Th>{t('planning.fairness.people')}</Table.Th>
          <Table.Th>{t('planning.fairness.recommendedRate')}</Table.Th>
          <Table.Th>{t('planning.fairness.meanTopScore')}</Table.Th>
          <Table.Th>{t('planning.fairness.proposedRate')}</Table.Th>
          <Table.Th>{t('planning.fairness.placedRate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        <CellRow label={t('planning.fairness.overall')} cell={overall} minCell={minCell} strong />
        {rows.map((row) => (
          <CellRow
            key={row.group}
            label={groupLabel(dimension, row.group)}
            cell={row}
            gaps={row}
            minCell={minCell}
            group={row.group}
          />
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

interface CellRowProps {
  label: string;
  cell: FairnessCell;
  gaps?: Pick<FairnessRow, 'recommendedRateGap' | 'proposedRateGap' | 'placedRateGap' | 'complementary'>;
  minCell: number;
  strong?: boolean;
  group?: string;
}

function CellRow({ label, cell, gaps, minCell, strong, group }: CellRowProps) {
  const { t, i18n } = useTranslation();
  // A group hidden only to cover a smaller one is not "fewer than 5": say it is hidden.
  const suppressed = gaps?.complementary
    ? t('planning.fairness.complementary')
    : t('planning.fairness.suppressed', { min: minCell });
  const rate = (value: number | null, gap: number | null | undefined) => (
    <>
      <Text size="sm" fw={strong ? 700 : undefined}>
        {cell.suppressed ? '—' : formatRate(value, i18n.language)}
      </Text>
      {!cell.suppressed && gap !== undefined && gap !== null && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {t('planning.fairness.differenceOf', { value: formatRateGap(gap, i18n.language) })}
        </Text>
      )}
    </>
  );
  return (
    <Table.Tr
      data-fairness-group={group ?? 'overall'}
      data-suppressed={cell.suppressed || undefined}
      data-complementary={gaps?.complementary || undefined}
    >
      <Table.Td miw={180}>
        <Text size="sm" fw={strong ? 700 : 500}>
          {label}
        </Text>
      </Table.Td>
      <Table.Td fw={strong ? 700 : undefined}>{cell.suppressed ? suppressed : (cell.people ?? '—')}</Table.Td>
      <Table.Td>{rate(cell.recommendedRate, gaps?.recommendedRateGap)}</Table.Td>
      <Table.Td fw={strong ? 700 : undefined}>
        {cell.suppressed ? '—' : formatScore(cell.meanTopScore, i18n.language)}
      </Table.Td>
      <Table.Td>{rate(cell.proposedRate, gaps?.proposedRateGap)}</Table.Td>
      <Table.Td>{rate(cell.placedRate, gaps?.placedRateGap)}</Table.Td>
    </Table.Tr>
  );
}

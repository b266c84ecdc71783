import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconFileSpreadsheet, IconInfoCircle } from '@tabler/icons-react';
import { Fragment, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  GapCohortRow,
  GapSkillRow,
  PlanningRule,
  PlanningSkill,
  TrainingGapReport,
} from '../../../../shared/planning.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { notifyError } from '../../../lib/notify.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useVillageOptions } from '../../opportunities/components/useVillageOptions.ts';
import { downloadFile } from '../../people/api/peopleData.ts';
import { trainingGapXlsxPath, useTrainingGap } from '../api/planning.ts';
import { DEFAULT_HORIZON, gapQueryOf, HORIZONS, GAP_KEYS as KEYS } from '../components/addressQuery.ts';
import { formatCount, formatMonth } from '../components/planText.ts';

const NO_TEXT: readonly never[] = [];

function useSkillName() {
  const { i18n } = useTranslation();
  return (skill: PlanningSkill) => (i18n.language === 'en' ? skill.nameEn : skill.nameId);
}

/** /perencanaan/pelatihan: demand and supply per skill, the gap per kelurahan, and the cohorts to open. */
export function TrainingGapPage() {
  const { t } = useTranslation();
  const { params, update } = useAddressFilters({ textKeys: NO_TEXT });
  const query = gapQueryOf(params);
  const report = useTrainingGap(query);
  const villages = useVillageOptions();
  const [downloading, setDownloading] = useState(false);

  const download = async () => {
    setDownloading(true);
    try {
      await downloadFile(trainingGapXlsxPath(query), 'kesenjangan-pelatihan.xlsx');
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Stack gap="md">
      <SectionCard
        title={t('planning.gap.title')}
        id="gap-title"
        hint={t('planning.gap.intro')}
        actions={
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
            loading={downloading}
            onClick={() => void download()}
          >
            {t('planning.gap.export')}
          </Button>
        }
      >
        <SimpleGrid
          cols={{ base: 1, xs: 2, md: 3 }}
          spacing="sm"
          component="section"
          aria-label={t('planning.gap.filters')}
        >
          <Select
            label={t('planning.gap.horizon')}
            data={HORIZONS.map((months) => ({
              value: String(months),
              label: t('planning.gap.horizonMonths', { count: months }),
            }))}
            value={String(query.horizonMonths)}
            onChange={(value) => update({ [KEYS.horizon]: value === String(DEFAULT_HORIZON) ? null : value })}
            allowDeselect={false}
          />
          <Select
            label={t('planning.gap.village')}
            placeholder={t('planning.gap.allVillages')}
            data={villages.options}
            value={query.villageId ?? null}
            onChange={(value) => update({ [KEYS.village]: value })}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
        </SimpleGrid>
        {report.data && <Summary report={report.data} />}
      </SectionCard>

      {report.isPending ? (
        <PageLoader />
      ) : report.isError ? (
        <QueryError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <>
          <SectionCard title={t('planning.gap.skillsTitle')} id="gap-skills">
            {report.data.skills.length === 0 ? (
              <Text size="sm">{t('planning.gap.skillsEmpty')}</Text>
            ) : (
              <SkillList rows={report.data.skills} />
            )}
          </SectionCard>
          <SectionCard
            title={t('planning.gap.cohortsTitle')}
            id="gap-cohorts"
            hint={
              report.data.datePrecision === 'month'
                ? `${t('planning.gap.cohortsHint')} ${t('planning.gap.cohortsByMonth')}`
                : t('planning.gap.cohortsHint')
            }
          >
            {report.data.cohorts.length === 0 ? (
              <Text size="sm">{t('planning.gap.cohortsEmpty')}</Text>
            ) : (
              <CohortList rows={report.data.cohorts} byMonth={report.data.datePrecision === 'month'} />
            )}
          </SectionCard>
          <RulesCard rules={report.data.rules} id="gap-rules" />
          {!report.data.workPlanLinkAvailable && (
            <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
              <Text size="sm">{t('planning.gap.workPlan')}</Text>
            </Alert>
          )}
        </>
      )}
    </Stack>
  );
}

function Summary({ report }: { report: TrainingGapReport }) {
  const { t } = useTranslation();
  const values = {
    from: formatDate(report.from),
    to: formatDate(report.to),
    releases: report.releases,
    date: formatDate(report.generatedOn),
  };
  return (
    <Text size="sm" fw={500} data-gap-summary>
      {report.village
        ? t('planning.gap.summaryVillage', { ...values, village: report.village.name })
        : t('planning.gap.summary', values)}
    </Text>
  );
}

/** The texts that say how the figures are counted (from the server, in the user's language). */
export function RulesCard({ rules, id }: { rules: PlanningRule[]; id: string }) {
  const { t, i18n } = useTranslation();
  if (rules.length === 0) return null;
  return (
    <SectionCard title={t('planning.gap.rulesTitle')} id={id}>
      <List size="sm" spacing={4}>
        {rules.map((rule) => (
          <List.Item key={rule.code}>{i18n.language === 'en' ? rule.en : rule.id}</List.Item>
        ))}
      </List>
    </SectionCard>
  );
}

/** A whole number with the language's thousands separator. */
function Count({ value }: { value: number }) {
  const { i18n } = useTranslation();
  return <>{formatCount(value, i18n.language)}</>;
}

/** The parts a figure is made of, one a line. */
function Parts({ parts }: { parts: string[] }) {
  return (
    <Stack gap={0}>
      {parts.map((part) => (
        <Text key={part} size="xs" c="dimmed">
          {part}
        </Text>
      ))}
    </Stack>
  );
}

function SkillName({ skill, sector }: { skill: PlanningSkill; sector: GapSkillRow['sector'] }) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  return (
    <div>
      <Text size="sm" fw={600}>
        {skillName(skill)}
      </Text>
      <Text size="xs" c="dimmed">
        {t(`people.vocab.sector.${sector}`)}
      </Text>
    </div>
  );
}

function DemandCell({ row }: { row: GapSkillRow }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600}>
        <Count value={row.demand} />
      </Text>
      <Parts
        parts={[
          t('planning.gap.demandPlaces', { count: row.demandPlaces }),
          t('planning.gap.demandNeeds', { count: row.demandNeeds }),
          t('planning.gap.demandPotentials', { count: row.demandPotentials }),
        ]}
      />
      {row.demandPlacesOptional > 0 && (
        <Text size="xs" c="dimmed">
          {t('planning.gap.demandOptional', { count: row.demandPlacesOptional })}
        </Text>
      )}
    </>
  );
}

function SupplyCell({ row }: { row: GapSkillRow }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm" fw={600}>
        <Count value={row.supply} />
      </Text>
      <Parts
        parts={[
          t('planning.gap.supplyHolding', { count: row.supplyHolding }),
          t('planning.gap.supplyInTraining', { count: row.supplyInTraining }),
        ]}
      />
    </>
  );
}

function GapCell({ row }: { row: GapSkillRow }) {
  const { t } = useTranslation();
  if (row.gap === 0)
    return (
      <Text size="sm" c="dimmed">
        {t('planning.gap.noGap')}
      </Text>
    );
  return (
    <Stack gap={2}>
      <Text size="sm" fw={700} c="red.9">
        <Count value={row.gap} />
      </Text>
      {row.levelShortfall > 0 && (
        <Text size="xs" c="dimmed">
          {t('planning.gap.levelShortfall', { count: row.levelShortfall })}
        </Text>
      )}
      {row.gapLevel && (
        <Text size="xs" c="dimmed">
          {t('planning.gap.gapLevel', { level: t(`people.vocab.skillLevel.${row.gapLevel}`) })}
        </Text>
      )}
      {row.gapBeyondReleases > 0 && (
        <Text size="xs" c="red.9">
          {t('planning.gap.beyondReleases', { count: row.gapBeyondReleases })}
        </Text>
      )}
    </Stack>
  );
}

/** Which skills show their kelurahan rows. */
function useOpenRows() {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setOpen((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  return { isOpen: (id: string) => open.has(id), toggle };
}

const detailIdOf = (row: GapSkillRow) => `gap-villages-${row.skill.id}`;

function VillagesToggle({
  row,
  expanded,
  onToggle,
}: {
  row: GapSkillRow;
  expanded: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  if (row.byVillage.length === 0) return null;
  const name = skillName(row.skill);
  return (
    <UnstyledButton
      onClick={onToggle}
      aria-expanded={expanded}
      aria-controls={expanded ? detailIdOf(row) : undefined}
      aria-label={
        expanded
          ? t('planning.gap.hideVillages', { skill: name })
          : t('planning.gap.showVillages', { skill: name })
      }
      c="blue.9"
      fz="sm"
      py={4}
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
    >
      {expanded ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
      {t('planning.gap.byVillage')} ({row.byVillage.length})
    </UnstyledButton>
  );
}

const COLUMNS = 6;
const WIDE = '(min-width: 62em)';

/** Demand, supply and gap per skill: a table on a wide screen, one card a skill on a phone. */
function SkillList({ rows }: { rows: GapSkillRow[] }) {
  const wide = useMediaQuery(WIDE, true, { getInitialValueInEffect: false });
  return wide ? <SkillTable rows={rows} /> : <SkillCards rows={rows} />;
}

function SkillTable({ rows }: { rows: GapSkillRow[] }) {
  const { t } = useTranslation();
  const { isOpen, toggle } = useOpenRows();
  return (
    <ScrollTable label={t('planning.gap.skillsTitle')} minWidth={860}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.gap.skill')}</Table.Th>
          <Table.Th>{t('planning.gap.demand')}</Table.Th>
          <Table.Th>{t('planning.gap.supply')}</Table.Th>
          <Table.Th>{t('planning.gap.gap')}</Table.Th>
          <Table.Th>{t('planning.gap.lacking')}</Table.Th>
          <Table.Th>{t('planning.gap.byVillage')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => {
          const expanded = isOpen(row.skill.id);
          return (
            <Fragment key={row.skill.id}>
              <Table.Tr data-gap-skill={row.skill.code}>
                <Table.Td miw={180} style={{ verticalAlign: 'top' }}>
                  <SkillName skill={row.skill} sector={row.sector} />
                </Table.Td>
                <Table.Td miw={160} style={{ verticalAlign: 'top' }}>
                  <DemandCell row={row} />
                </Table.Td>
                <Table.Td miw={140} style={{ verticalAlign: 'top' }}>
                  <SupplyCell row={row} />
                </Table.Td>
                <Table.Td miw={160} style={{ verticalAlign: 'top' }}>
                  <GapCell row={row} />
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <Text size="sm">
                    <Count value={row.releasesLacking} />
                  </Text>
                </Table.Td>
                <Table.Td style={{ verticalAlign: 'top' }}>
                  <VillagesToggle row={row} expanded={expanded} onToggle={() => toggle(row.skill.id)} />
                </Table.Td>
              </Table.Tr>
              {expanded && (
                <Table.Tr id={detailIdOf(row)}>
                  <Table.Td colSpan={COLUMNS} bg="gray.0">
                    <VillageRows row={row} />
                  </Table.Td>
                </Table.Tr>
              )}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </ScrollTable>
  );
}

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600}>
        {label}
      </Text>
      {children}
    </div>
  );
}

function SkillCards({ rows }: { rows: GapSkillRow[] }) {
  const { t } = useTranslation();
  const { isOpen, toggle } = useOpenRows();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('planning.gap.skillsTitle')}
    >
      {rows.map((row) => {
        const expanded = isOpen(row.skill.id);
        return (
          <Card key={row.skill.id} component="li" withBorder padding="sm" data-gap-skill={row.skill.code}>
            <SkillName skill={row.skill} sector={row.sector} />
            <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs" mt="xs">
              <Figure label={t('planning.gap.demand')}>
                <DemandCell row={row} />
              </Figure>
              <Figure label={t('planning.gap.supply')}>
                <SupplyCell row={row} />
              </Figure>
              <Figure label={t('planning.gap.gap')}>
                <GapCell row={row} />
              </Figure>
              <Figure label={t('planning.gap.lacking')}>
                <Text size="sm">
                  <Count value={row.releasesLacking} />
                </Text>
              </Figure>
            </SimpleGrid>
            <Group mt="xs">
              <VillagesToggle row={row} expanded={expanded} onToggle={() => toggle(row.skill.id)} />
            </Group>
            {expanded && <VillageList row={row} />}
          </Card>
        );
      })}
    </Stack>
  );
}

/** The kelurahan of a skill on a phone: one line each, the figures under the name. */
function VillageList({ row }: { row: GapSkillRow }) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  return (
    <Stack
      id={detailIdOf(row)}
      gap={6}
      component="ul"
      p={0}
      m={0}
      mt="xs"
      style={{ listStyle: 'none' }}
      aria-label={`${t('planning.gap.byVillage')}: ${skillName(row.skill)}`}
    >
      {row.byVillage.map((village) => (
        <li key={village.village?.id ?? 'unknown'}>
          <Text size="sm" fw={500}>
            {village.village?.name ?? t('planning.gap.villageUnknown')}
          </Text>
          <Text size="xs">
            {t('planning.gap.demand')} <Count value={village.demand} /> · {t('planning.gap.supply')}{' '}
            <Count value={village.supply} /> · {t('planning.gap.gap')}{' '}
            <Text
              span
              size="xs"
              fw={village.gap > 0 ? 700 : undefined}
              c={village.gap > 0 ? 'red.9' : undefined}
            >
              <Count value={village.gap} />
            </Text>
          </Text>
        </li>
      ))}
    </Stack>
  );
}

function VillageRows({ row }: { row: GapSkillRow }) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  return (
    <Table
      fz="sm"
      verticalSpacing={4}
      horizontalSpacing={6}
      maw={560}
      aria-label={`${t('planning.gap.byVillage')}: ${skillName(row.skill)}`}
    >
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.gap.village')}</Table.Th>
          <Table.Th>{t('planning.gap.demand')}</Table.Th>
          <Table.Th>{t('planning.gap.supply')}</Table.Th>
          <Table.Th>{t('planning.gap.gap')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {row.byVillage.map((village) => (
          <Table.Tr key={village.village?.id ?? 'unknown'}>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>
              {village.village?.name ?? t('planning.gap.villageUnknown')}
            </Table.Td>
            <Table.Td>
              <Count value={village.demand} />
            </Table.Td>
            <Table.Td>
              <Count value={village.supply} />
            </Table.Td>
            <Table.Td fw={village.gap > 0 ? 700 : undefined} c={village.gap > 0 ? 'red.9' : undefined}>
              <Count value={village.gap} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function CohortSkill({ row }: { row: GapCohortRow }) {
  const { t } = useTranslation();
  const skillName = useSkillName();
  return (
    <div>
      <Text size="sm" fw={600}>
        {skillName(row.skill)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('planning.gap.cohortNumber', { number: row.sequence })}
      </Text>
    </div>
  );
}

function ProgramCell({ row }: { row: GapCohortRow }) {
  const { t } = useTranslation();
  if (!row.program)
    return (
      <Badge color="violet.9" radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
        {t('planning.gap.newProgram')}
      </Badge>
    );
  return (
    <div>
      <Text size="sm">{row.program.name}</Text>
      <Text size="xs" c="dimmed">
        {row.program.organizationName} ·{' '}
        {t('planning.gap.duration', {
          weeks: row.program.durationWeeks,
          level: t(`people.vocab.skillLevel.${row.program.level}`),
        })}
      </Text>
    </div>
  );
}

/**
 * The latest start: its date for corrections staff; for everyone else its month ("bulan Januari 2027"),
 * since a cohort's dates follow one woman's release date.
 */
function LatestStart({ row, byMonth }: { row: GapCohortRow; byMonth: boolean }) {
  const { t, i18n } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {byMonth && row.latestStart
          ? t('planning.gap.latestStartMonth', { month: formatMonth(row.latestStart, i18n.language) })
          : formatDate(row.latestStart)}
      </Text>
      {row.urgent && (
        <Badge
          color="red.9"
          radius="sm"
          tt="none"
          title={t(byMonth ? 'planning.gap.urgentHintMonth' : 'planning.gap.urgentHint')}
          style={{ flexShrink: 0 }}
          styles={{ label: { overflow: 'visible' } }}
        >
          {t('planning.gap.urgent')}
        </Badge>
      )}
    </Group>
  );
}

/** The recommended cohorts: a table on a wide screen, one card a cohort on a phone. */
function CohortList({ rows, byMonth }: { rows: GapCohortRow[]; byMonth: boolean }) {
  const { t } = useTranslation();
  const wide = useMediaQuery(WIDE, true, { getInitialValueInEffect: false });
  if (!wide)
    return (
      <Stack
        gap="sm"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('planning.gap.cohortsTitle')}
      >
        {rows.map((row) => (
          <Card
            key={`${row.skill.id}-${row.sequence}`}
            component="li"
            withBorder
            padding="sm"
            data-gap-cohort={row.skill.code}
          >
            <CohortSkill row={row} />
            <Stack gap="xs" mt="xs">
              <ProgramCell row={row} />
              <SimpleGrid cols={2} spacing="sm" verticalSpacing="xs">
                <Figure label={t('planning.gap.size')}>
                  <Text size="sm">
                    <Count value={row.size} />
                  </Text>
                </Figure>
                <Figure label={t('planning.gap.serves')}>
                  <Text size="sm">
                    <Count value={row.serves} />
                  </Text>
                </Figure>
                {!byMonth && (
                  <Figure label={t('planning.gap.firstRelease')}>
                    <Text size="sm">{formatDate(row.firstRelease)}</Text>
                  </Figure>
                )}
                <Figure label={t('planning.gap.latestStart')}>
                  <LatestStart row={row} byMonth={byMonth} />
                </Figure>
              </SimpleGrid>
            </Stack>
          </Card>
        ))}
      </Stack>
    );
  return (
    <ScrollTable label={t('planning.gap.cohortsTitle')} minWidth={820}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.gap.skill')}</Table.Th>
          <Table.Th>{t('planning.gap.program')}</Table.Th>
          <Table.Th>{t('planning.gap.size')}</Table.Th>
          <Table.Th>{t('planning.gap.serves')}</Table.Th>
          {!byMonth && <Table.Th>{t('planning.gap.firstRelease')}</Table.Th>}
          <Table.Th>{t('planning.gap.latestStart')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={`${row.skill.id}-${row.sequence}`} data-gap-cohort={row.skill.code}>
            <Table.Td miw={160}>
              <CohortSkill row={row} />
            </Table.Td>
            <Table.Td miw={200}>
              <ProgramCell row={row} />
            </Table.Td>
            <Table.Td>
              <Count value={row.size} />
            </Table.Td>
            <Table.Td>
              <Count value={row.serves} />
            </Table.Td>
            {!byMonth && <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(row.firstRelease)}</Table.Td>}
            <Table.Td>
              <LatestStart row={row} byMonth={byMonth} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

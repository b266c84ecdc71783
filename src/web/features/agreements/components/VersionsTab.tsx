import { Badge, Card, Checkbox, Group, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail, AgreementDiffSection } from '../../../../shared/agreements.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { EMPTY, formatDateTime } from '../../../lib/format.ts';
import { useAgreementDiff } from '../api/agreements.ts';
import { DiffLegend, DiffText } from './DiffText.tsx';
import { defaultDiffPair, diffWordCounts, orderedPair, visibleSections } from './diffText.ts';

const CHANGE_COLORS: Record<AgreementDiffSection['change'], string> = {
  added: 'teal.9',
  removed: 'red.9',
  changed: 'blue.9',
  unchanged: 'gray.7',
};

/** Versi: every saved text; pick two and read what changed between them, word by word. */
export function VersionsTab({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const numbers = agreement.versions.map((version) => version.number);
  const initial = defaultDiffPair(numbers);
  const [from, setFrom] = useState<number | null>(initial?.from ?? null);
  const [to, setTo] = useState<number | null>(initial?.to ?? null);
  const options = [...agreement.versions].reverse().map((version) => ({
    value: String(version.number),
    label: t('agreements.versions.versionValue', { version: version.number }),
  }));

  return (
    <Stack gap="md">
      <SectionCard title={t('agreements.versions.title')} id="agreement-versions">
        <ScrollTable label={t('agreements.versions.title')} minWidth={420}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('agreements.versions.version')}</Table.Th>
              <Table.Th>{t('agreements.versions.savedAt')}</Table.Th>
              <Table.Th>{t('agreements.versions.savedBy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {[...agreement.versions].reverse().map((version) => (
              <Table.Tr key={version.number} data-version={version.number}>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {t('agreements.versions.versionValue', { version: version.number })}
                    {version.number === agreement.textVersion && (
                      <Badge color="blue.9" radius="sm" tt="none">
                        {t('agreements.versions.current')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td>{formatDateTime(version.createdAt)}</Table.Td>
                <Table.Td>{version.createdByName ?? EMPTY}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      </SectionCard>

      <SectionCard title={t('agreements.diff.title')} id="agreement-diff" hint={t('agreements.diff.hint')}>
        {numbers.length < 2 ? (
          <Text size="sm">{t('agreements.diff.onlyOne')}</Text>
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm" maw={520}>
              <Select
                label={t('agreements.diff.from')}
                data={options}
                value={from === null ? null : String(from)}
                onChange={(value) => setFrom(value ? Number(value) : null)}
                allowDeselect={false}
              />
              <Select
                label={t('agreements.diff.to')}
                data={options}
                value={to === null ? null : String(to)}
                onChange={(value) => setTo(value ? Number(value) : null)}
                allowDeselect={false}
              />
            </SimpleGrid>
            <DiffResult agreementId={agreement.id} from={from} to={to} />
          </>
        )}
      </SectionCard>
    </Stack>
  );
}

function DiffResult({
  agreementId,
  from,
  to,
}: {
  agreementId: string;
  from: number | null;
  to: number | null;
}) {
  const { t } = useTranslation();
  const [showUnchanged, setShowUnchanged] = useState(false);
  const pair = orderedPair(from, to);
  const diff = useAgreementDiff(agreementId, pair);
  if (!pair) return <Text size="sm">{t('agreements.diff.pickTwo')}</Text>;
  if (diff.isPending) return <PageLoader />;
  if (diff.isError) return <QueryError error={diff.error} onRetry={() => void diff.refetch()} />;
  const sections = visibleSections(diff.data.sections, showUnchanged);
  const counts = diffWordCounts(diff.data.sections);
  return (
    <Stack gap="sm" aria-live="polite" aria-busy={diff.isFetching}>
      <Text size="sm" fw={600}>
        {diff.data.changed
          ? t('agreements.diff.summary', {
              from: diff.data.from,
              to: diff.data.to,
              added: counts.added,
              removed: counts.removed,
            })
          : t('agreements.diff.identical', { from: diff.data.from, to: diff.data.to })}
      </Text>
      <Group justify="space-between" gap="sm">
        <DiffLegend />
        <Checkbox
          label={t('agreements.diff.showUnchanged')}
          checked={showUnchanged}
          onChange={(event) => setShowUnchanged(event.currentTarget.checked)}
        />
      </Group>
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {sections.map((section) => (
          <Card
            key={`${section.kind}-${section.position ?? 0}-${section.change}`}
            component="li"
            withBorder
            padding="sm"
            data-diff-section={section.kind}
            data-change={section.change}
          >
            <Group justify="space-between" gap="xs" mb={6} wrap="nowrap" align="flex-start">
              <Title order={3} fz="sm" style={{ overflowWrap: 'anywhere' }}>
                {t(`agreements.diff.section.${section.kind}`, {
                  number: section.position ?? '',
                  heading: section.heading ?? '',
                })}
              </Title>
              <Badge color={CHANGE_COLORS[section.change]} radius="sm" tt="none" style={{ flexShrink: 0 }}>
                {t(`agreements.diff.change.${section.change}`)}
              </Badge>
            </Group>
            <DiffText parts={section.parts} />
          </Card>
        ))}
      </Stack>
    </Stack>
  );
}

import { Anchor, Badge, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchComparison, Recommendation } from '../../../../shared/recommendations.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useMatchComparison } from '../api/matching.ts';
import { MissingSkills, ReasonList, RuleVersion, ScoreBlock } from './Explanation.tsx';
import { formatPoints } from './model.ts';

/** "Bandingkan": two opportunities of one woman side by side — scores, factor by factor, reasons. */
export function CompareModal({
  personId,
  opportunityIds,
  onClose,
}: {
  personId: string;
  opportunityIds: [string, string];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const narrow = useMediaQuery('(max-width: 48em)', false, { getInitialValueInEffect: false });
  const comparison = useMatchComparison(personId, opportunityIds);
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('matching.compare.title')}
      size="xl"
      fullScreen={narrow}
      centered
    >
      {comparison.isPending ? (
        <PageLoader />
      ) : comparison.isError ? (
        <QueryError error={comparison.error} onRetry={() => void comparison.refetch()} />
      ) : (
        <ComparisonView comparison={comparison.data} />
      )}
    </Modal>
  );
}

function signed(value: number, language: string): string {
  const text = formatPoints(Math.abs(value), language);
  if (Math.round(value * 10) === 0) return text;
  return value > 0 ? `+${text}` : `−${text}`;
}

function ComparisonView({ comparison }: { comparison: MatchComparison }) {
  const { t, i18n } = useTranslation();
  const [first, second] = comparison.options as [Recommendation, Recommendation];
  const options = [first, second];
  const gap = first.score - second.score;
  const byFactor = (option: Recommendation) =>
    new Map(option.factors.map((factor) => [factor.factor, factor]));
  const factorsOf = options.map(byFactor);

  return (
    <Stack gap="md" data-comparison>
      <SimpleGrid cols={2} spacing="sm">
        {options.map((option, index) => (
          <Paper
            key={option.opportunity.id}
            withBorder
            p="sm"
            component="section"
            aria-labelledby={`compare-option-${index + 1}`}
          >
            <Stack gap={6} align="stretch">
              <Text size="xs" c="dimmed" fw={600}>
                {t('matching.compare.option', { n: index + 1 })}
              </Text>
              <Title
                order={3}
                fz="h5"
                id={`compare-option-${index + 1}`}
                style={{ overflowWrap: 'anywhere' }}
              >
                <Anchor component={Link} to={`/peluang/${option.opportunity.id}`} c="blue.9" inherit>
                  {option.opportunity.title}
                </Anchor>
              </Title>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {option.opportunity.partner.name} · {option.opportunity.village.name} ·{' '}
                {formatDate(option.opportunity.startOn)}
              </Text>
              {option.status !== 'eligible' && (
                <Badge color="red.9" radius="sm" tt="none" styles={{ label: { overflow: 'visible' } }}>
                  {t(`matching.status.${option.status}`)}
                </Badge>
              )}
              <ScoreBlock score={option.score} size="md" />
            </Stack>
          </Paper>
        ))}
      </SimpleGrid>

      <Text size="sm" fw={600} data-compare-verdict>
        {Math.round(gap * 10) === 0
          ? t('matching.compare.equal')
          : t('matching.compare.higher', {
              n: gap > 0 ? 1 : 2,
              points: formatPoints(Math.abs(gap), i18n.language),
            })}
      </Text>

      <Table.ScrollContainer minWidth={320} type="native">
        <Table striped verticalSpacing="xs" fz="sm" captionSide="top" data-compare-factors>
          <Table.Caption>{t('matching.compare.factorsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('matching.compare.factor')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('matching.compare.option', { n: 1 })}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('matching.compare.option', { n: 2 })}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {t('matching.compare.difference')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {comparison.difference.map((row) => (
              <Table.Tr key={row.factor} data-factor={row.factor}>
                <Table.Th scope="row" fw={500}>
                  {t(`matching.factor.${row.factor}`)}
                </Table.Th>
                {factorsOf.map((factors, index) => (
                  <Table.Td key={options[index]?.opportunity.id} ta="right">
                    {formatPoints(factors.get(row.factor)?.points ?? 0, i18n.language)}
                  </Table.Td>
                ))}
                <Table.Td ta="right" fw={600}>
                  {signed(row.points, i18n.language)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{t('matching.compare.total')}</Table.Th>
              {options.map((option) => (
                <Table.Td key={option.opportunity.id} ta="right" fw={700}>
                  {formatPoints(option.score, i18n.language)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {signed(gap, i18n.language)}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        {options.map((option, index) => (
          <Stack key={option.opportunity.id} gap="sm" data-compare-reasons={index + 1}>
            <ReasonList
              reasons={option.reasons}
              headingOrder={3}
              title={t('matching.compare.reasons', { n: index + 1 })}
            />
            <div>
              <Title order={3} fz="sm" mb={6}>
                {t('matching.compare.missing', { n: index + 1 })}
              </Title>
              <MissingSkills
                essential={option.missingEssential}
                optional={option.missingOptional}
                reasons={option.reasons}
              />
            </div>
          </Stack>
        ))}
      </SimpleGrid>
      <Group justify="flex-end">
        <RuleVersion version={comparison.ruleVersion} />
      </Group>
    </Stack>
  );
}

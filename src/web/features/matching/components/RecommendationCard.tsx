import { Anchor, Badge, Button, Checkbox, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBriefcase, IconCircleCheck, IconEyeOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchOpportunity, Recommendation } from '../../../../shared/recommendations.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { FactorBars, MissingSkills, ReasonList, RuleVersion, ScoreBlock } from './Explanation.tsx';

/** A small label over its value (the facts of an opportunity on a card). */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div style={{ minWidth: 0 }}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Partner, kelurahan, sector, start date and places left of an opportunity. */
export function OpportunityFacts({ opportunity }: { opportunity: MatchOpportunity }) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="xs" verticalSpacing={6}>
      <Fact label={t('matching.card.partner')}>{opportunity.partner.name}</Fact>
      <Fact label={t('matching.card.village')}>{opportunity.village.name}</Fact>
      <Fact label={t('matching.card.sector')}>{t(`people.vocab.sector.${opportunity.sector}`)}</Fact>
      <Fact label={t('matching.card.startOn')}>{formatDate(opportunity.startOn)}</Fact>
      <Fact label={t('matching.card.placesLeft')}>
        {opportunity.placesLeft > 0
          ? t('matching.card.placesLeftValue', { count: opportunity.placesLeft })
          : t('matching.card.noPlacesLeft')}
      </Fact>
    </SimpleGrid>
  );
}

interface RecommendationCardProps {
  item: Recommendation;
  personId: string;
  canPropose: boolean;
  canDecide: boolean;
  /** Proposed from this screen: the card stays to say so (the server lists it no more). */
  proposed: boolean;
  /** In "Bandingkan" mode: whether it is one of the two chosen, and whether more may be chosen. */
  compare: { selected: boolean; disabled: boolean; onToggle: () => void } | null;
  onPropose: () => void;
  onDismiss: () => void;
}

/**
 * One recommended opportunity: what and where (title links to it), the score and its band, what each
 * factor adds, the reasons, the skills she lacks, the weights version; "Usulkan" and "Sisihkan".
 */
export function RecommendationCard({
  item,
  personId,
  canPropose,
  canDecide,
  proposed,
  compare,
  onPropose,
  onDismiss,
}: RecommendationCardProps) {
  const { t } = useTranslation();
  const { opportunity } = item;
  const headingId = `match-${opportunity.id}`;
  const inPipeline = proposed || item.inPipeline;
  const cleared = item.decision?.kind === 'restriction_cleared' ? item.decision : null;

  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      aria-labelledby={headingId}
      data-opportunity-id={opportunity.id}
      data-proposed={inPipeline ? 'yes' : 'no'}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <div style={{ minWidth: 0, flex: 1 }}>
            <Title order={3} fz="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/peluang/${opportunity.id}`} c="blue.9" inherit>
                {opportunity.title}
              </Anchor>
            </Title>
            <Text size="xs" c="dimmed">
              {t(`opportunities.kind.${opportunity.kind}`)}
            </Text>
          </div>
          <ScoreBlock score={item.score} />
        </Group>
        <OpportunityFacts opportunity={opportunity} />

        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <FactorBars factors={item.factors} />
          <ReasonList reasons={item.reasons} />
        </SimpleGrid>
        <MissingSkills
          essential={item.missingEssential}
          optional={item.missingOptional}
          reasons={item.reasons}
        />
        {cleared && (
          <Text size="sm">
            {t('matching.card.cleared', { name: cleared.decidedBy, date: formatDateTime(cleared.decidedAt) })}
          </Text>
        )}

        <Group justify="space-between" align="center" gap="xs">
          <RuleVersion version={item.ruleVersion} />
          <Group gap="xs" justify="flex-end">
            {compare && (
              <Checkbox
                checked={compare.selected}
                disabled={compare.disabled && !compare.selected}
                onChange={compare.onToggle}
                label={t('matching.actions.select')}
                aria-label={t('matching.actions.selectNamed', { title: opportunity.title })}
              />
            )}
            {inPipeline ? (
              <Group gap="xs" data-proposed-note>
                <Badge
                  color="teal.9"
                  radius="sm"
                  tt="none"
                  leftSection={<IconCircleCheck size={14} aria-hidden />}
                  styles={{ label: { overflow: 'visible' } }}
                >
                  {t('matching.card.proposed')}
                </Badge>
                <Anchor component={Link} to={`/warga/${personId}?tab=penempatan`} size="sm" c="blue.9">
                  {t('matching.card.toPlacement')}
                </Anchor>
              </Group>
            ) : (
              <>
                {canDecide && (
                  <Button
                    size="compact-md"
                    variant="default"
                    leftSection={<IconEyeOff size={16} aria-hidden />}
                    onClick={onDismiss}
                    aria-label={t('matching.actions.dismissNamed', { title: opportunity.title })}
                  >
                    {t('matching.actions.dismiss')}
                  </Button>
                )}
                {canPropose && (
                  <Button
                    size="compact-md"
                    leftSection={<IconBriefcase size={16} aria-hidden />}
                    onClick={onPropose}
                    aria-label={t('matching.actions.proposeNamed', { title: opportunity.title })}
                  >
                    {t('matching.actions.propose')}
                  </Button>
                )}
              </>
            )}
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}

import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBriefcase, IconCircleCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Opportunity } from '../../../../shared/opportunities.ts';
import type { Candidate, OpportunityCandidates } from '../../../../shared/recommendations.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';
import { useOpportunityCandidates } from '../api/matching.ts';
import { DecisionModal, type DecisionTarget } from './DecisionModal.tsx';
import { MissingSkills, ReasonList, RuleVersion, ScoreBlock } from './Explanation.tsx';
import { ProposeMatchModal } from './ProposeMatchModal.tsx';
import { ReviewSection } from './ReviewSection.tsx';

/** The opportunity page's tab key (`/peluang/:id?tab=kandidat`). */
export const CANDIDATES_TAB = 'kandidat';

/** Best first, as the server orders them: score high to low, then the id. */
function compareCandidates(a: Candidate, b: Candidate): number {
  if (a.score !== b.score) return b.score - a.score;
  return a.person.id < b.person.id ? -1 : a.person.id > b.person.id ? 1 : 0;
}

/**
 * The opportunity page's "Kandidat" tab: the people the viewer may see who fit it best, with score, short
 * reasons and the skills they lack, a link to each, and "Usulkan" for those not proposed yet; for corrections
 * staff, the people whose offence its restriction touches, to review.
 */
export function OpportunityCandidatesTab({ opportunity }: { opportunity: Opportunity }) {
  const query = useOpportunityCandidates(opportunity.id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <Candidates opportunity={opportunity} data={query.data} />;
}

function Candidates({ opportunity, data }: { opportunity: Opportunity; data: OpportunityCandidates }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const [proposed, setProposed] = useState<ReadonlyMap<string, Candidate>>(new Map());
  const [proposing, setProposing] = useState<Candidate | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const canPropose = data.canPropose && access.canProposePlacements;
  const canReview = access.canReviewRestrictions && data.review.length > 0;

  const listed = new Set(data.items.map((item) => item.person.id));
  const kept = [...proposed.values()].filter((item) => !listed.has(item.person.id));
  const items = kept.length === 0 ? data.items : [...data.items, ...kept].sort(compareCandidates);
  const personHref = (id: string) => (access.canReadPeople ? `/warga/${id}` : null);

  return (
    <Stack gap="md" data-opportunity-candidates>
      <SectionCard
        title={t('matching.candidates.title')}
        id="match-candidates"
        hint={t('matching.candidates.intro', { min: data.minScore })}
      >
        {items.length === 0 ? (
          <Paper withBorder p="md" data-candidates-empty>
            <Stack gap={4}>
              <Title order={3} fz="h5">
                {t('matching.candidates.emptyTitle')}
              </Title>
              <Text size="sm">
                {opportunity.status !== 'open'
                  ? t('matching.candidates.notOpen')
                  : data.counts.evaluated === 0
                    ? t('matching.candidates.noneVisible')
                    : t('matching.candidates.noneAbove', {
                        evaluated: data.counts.evaluated,
                        min: data.minScore,
                      })}
              </Text>
              {data.counts.inPipeline > 0 && (
                <Text size="sm">
                  {t('matching.candidates.inPipeline', { count: data.counts.inPipeline })}
                </Text>
              )}
            </Stack>
          </Paper>
        ) : (
          <>
            <Text size="sm" data-candidates-summary>
              {t('matching.candidates.summary', {
                shown: data.items.length,
                count: data.counts.recommendable,
                evaluated: data.counts.evaluated,
              })}
              {data.counts.inPipeline > 0 &&
                ` ${t('matching.candidates.inPipeline', { count: data.counts.inPipeline })}`}
            </Text>
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('matching.candidates.listLabel')}
            >
              {items.map((item) => (
                <li key={item.person.id}>
                  <CandidateCard
                    item={item}
                    href={personHref(item.person.id)}
                    opportunityId={opportunity.id}
                    canPropose={canPropose}
                    proposed={proposed.has(item.person.id)}
                    onPropose={() => setProposing(item)}
                  />
                </li>
              ))}
            </Stack>
            <RuleVersion version={data.ruleVersion} />
          </>
        )}
      </SectionCard>

      {canReview && (
        <ReviewSection
          intro={t('matching.review.candidatesIntro')}
          onDecide={setDeciding}
          rows={data.review.map((item) => ({
            personId: item.person.id,
            personName: item.person.displayName,
            opportunityId: opportunity.id,
            opportunityTitle: opportunity.title,
            heading: item.person.displayName,
            href: personHref(item.person.id),
            subtitle: item.person.registrationNumber
              ? t('matching.candidates.registrationNumber', { number: item.person.registrationNumber })
              : '',
            score: item.score,
            gates: item.gates,
            reasons: item.reasons,
          }))}
        />
      )}

      {proposing && (
        <ProposeMatchModal
          target={{ personId: proposing.person.id, personName: proposing.person.displayName, opportunity }}
          onClose={() => setProposing(null)}
          onProposed={() => {
            const item = proposing;
            setProposed((current) => new Map(current).set(item.person.id, { ...item, inPipeline: true }));
          }}
        />
      )}
      {deciding && <DecisionModal target={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

/** One candidate: who (link to her record), the score, the strongest reasons, the skills she lacks, "Usulkan". */
function CandidateCard({
  item,
  href,
  opportunityId,
  canPropose,
  proposed,
  onPropose,
}: {
  item: Candidate;
  href: string | null;
  opportunityId: string;
  canPropose: boolean;
  proposed: boolean;
  onPropose: () => void;
}) {
  const { t } = useTranslation();
  const headingId = `candidate-${item.person.id}`;
  const inPipeline = proposed || item.inPipeline;
  return (
    <Paper
      component="article"
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      aria-labelledby={headingId}
      data-candidate-id={item.person.id}
      data-proposed={inPipeline ? 'yes' : 'no'}
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
          <div style={{ minWidth: 0 }}>
            <Title order={3} fz="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
              {href ? (
                <Anchor component={Link} to={href} c="blue.9" inherit>
                  {item.person.displayName}
                </Anchor>
              ) : (
                item.person.displayName
              )}
            </Title>
            {item.person.registrationNumber && (
              <Text size="xs" c="dimmed">
                {t('matching.candidates.registrationNumber', { number: item.person.registrationNumber })}
              </Text>
            )}
          </div>
          <ScoreBlock score={item.score} size="md" />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <ReasonList reasons={item.reasons} limit={4} />
          <MissingSkills
            essential={item.missingEssential}
            optional={item.missingOptional}
            reasons={item.reasons}
          />
        </SimpleGrid>
        {(inPipeline || canPropose) && (
          <Group justify="flex-end" gap="xs">
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
                <Anchor component={Link} to={`/peluang/${opportunityId}`} size="sm" c="blue.9">
                  {t('matching.card.toPipeline')}
                </Anchor>
              </Group>
            ) : (
              canPropose && (
                <Button
                  size="compact-md"
                  leftSection={<IconBriefcase size={16} aria-hidden />}
                  onClick={onPropose}
                  aria-label={t('matching.actions.proposeNamed', { title: item.person.displayName })}
                >
                  {t('matching.actions.propose')}
                </Button>
              )
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

import { Accordion, Anchor, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowsLeftRight, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { Person } from '../../../../shared/people.ts';
import type { PersonRecommendations, Recommendation } from '../../../../shared/recommendations.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';
import { usePersonRecommendations } from '../api/matching.ts';
import { CompareModal } from './CompareModal.tsx';
import { DecisionModal, type DecisionTarget } from './DecisionModal.tsx';
import { DismissedSection } from './DismissedSection.tsx';
import { compareRecommendations, emptyReasons, parseCompareParam, withProposed } from './model.ts';
import { ProposeMatchModal } from './ProposeMatchModal.tsx';
import { RecommendationCard } from './RecommendationCard.tsx';
import { ReviewSection } from './ReviewSection.tsx';

/** The tab's key in the address (`/warga/:id?tab=peluang`). */
export const MATCHES_TAB = 'peluang';
const COMPARE_PARAM = 'bandingkan';

/**
 * The person page's "Peluang cocok" tab: the opportunities that suit her best, each explained, to propose
 * or set aside; two of them compared side by side; the set-aside ones; for corrections staff, the pairs
 * whose restriction touches her offence; and, when there is nothing to suggest, why.
 */
export function PersonMatchesTab({ person }: { person: Person }) {
  const query = usePersonRecommendations(person.id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  return <Matches person={person} data={query.data} />;
}

function Matches({ person, data }: { person: Person; data: PersonRecommendations }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const [params, setParams] = useSearchParams();
  // Proposed from here: kept on screen (the server lists a pair in her pipeline no more).
  const [proposed, setProposed] = useState<ReadonlyMap<string, Recommendation>>(new Map());
  const [proposing, setProposing] = useState<Recommendation | null>(null);
  const [deciding, setDeciding] = useState<DecisionTarget | null>(null);
  const [comparing, setComparing] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);

  const canPropose = data.canPropose && access.canProposePlacements;
  const canDecide = data.canDecide && access.canDecideMatches;
  const canReview = data.canReviewRestrictions && access.canReviewRestrictions;
  const items = withProposed(data.items, proposed, compareRecommendations);
  const compareIds = parseCompareParam(params.get(COMPARE_PARAM));
  const comparable = data.items.length >= 2;

  const openComparison = () => {
    setParams({ tab: MATCHES_TAB, [COMPARE_PARAM]: selected.join(',') });
  };
  const closeComparison = () => setParams({ tab: MATCHES_TAB });
  const toggle = (id: string) =>
    setSelected((current) =>
      current.includes(id) ? current.filter((item) => item !== id) : [...current, id].slice(-2),
    );
  const stopComparing = () => {
    setComparing(false);
    setSelected([]);
  };
  const lines = emptyReasons(data.counts);

  return (
    <Stack gap="md" data-person-matches>
      <Stack gap="sm" component="section" aria-labelledby="match-list-title">
        <Group justify="space-between" gap="sm">
          <Title order={2} fz="h4" id="match-list-title">
            {t('matching.person.title')}
          </Title>
          {comparable && (
            <Button
              variant={comparing ? 'filled' : 'default'}
              leftSection={
                comparing ? <IconX size={16} aria-hidden /> : <IconArrowsLeftRight size={16} aria-hidden />
              }
              aria-pressed={comparing}
              onClick={() => (comparing ? stopComparing() : setComparing(true))}
            >
              {comparing ? t('matching.compare.modeOff') : t('matching.compare.mode')}
            </Button>
          )}
        </Group>
        <Text size="sm">{t('matching.person.intro')}</Text>

        {items.length === 0 ? (
          <EmptyState personId={person.id} minScore={data.minScore} lines={lines} />
        ) : (
          <>
            <Text size="sm" data-match-summary>
              {t('matching.person.summary', {
                shown: data.items.length,
                count: data.counts.recommendable,
                min: data.minScore,
              })}
            </Text>
            {comparing && (
              <Paper withBorder p="sm" bg="gray.0" data-compare-bar>
                <Group justify="space-between" gap="sm">
                  <div>
                    <Text size="sm">{t('matching.compare.hint')}</Text>
                    <Text size="sm" fw={600} aria-live="polite">
                      {t('matching.compare.selected', { count: selected.length })}
                    </Text>
                  </div>
                  <Button
                    disabled={selected.length !== 2}
                    onClick={openComparison}
                    leftSection={<IconArrowsLeftRight size={16} aria-hidden />}
                  >
                    {t('matching.compare.show')}
                  </Button>
                </Group>
              </Paper>
            )}
            <Stack
              component="ul"
              gap="sm"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('matching.person.listLabel')}
            >
              {items.map((item) => (
                <li key={item.opportunity.id}>
                  <RecommendationCard
                    item={item}
                    personId={person.id}
                    canPropose={canPropose}
                    canDecide={canDecide}
                    proposed={proposed.has(item.opportunity.id)}
                    compare={
                      comparing && !proposed.has(item.opportunity.id)
                        ? {
                            selected: selected.includes(item.opportunity.id),
                            disabled: selected.length >= 2,
                            onToggle: () => toggle(item.opportunity.id),
                          }
                        : null
                    }
                    onPropose={() => setProposing(item)}
                    onDismiss={() =>
                      setDeciding({
                        kind: 'dismissed',
                        personId: person.id,
                        personName: person.displayName,
                        opportunityId: item.opportunity.id,
                        title: item.opportunity.title,
                      })
                    }
                  />
                </li>
              ))}
            </Stack>
            {data.counts.inPipeline > 0 && (
              <Text size="sm">
                {t('matching.person.inPipeline', { count: data.counts.inPipeline })}{' '}
                {(access.canManagePlacements || access.canProposePlacements) && (
                  <Anchor component={Link} to={`/warga/${person.id}?tab=penempatan`} c="blue.9" size="sm">
                    {t('matching.card.toPlacement')}
                  </Anchor>
                )}
              </Text>
            )}
          </>
        )}
      </Stack>

      {canReview && data.review.length > 0 && (
        <ReviewSection
          intro={t('matching.review.intro')}
          onDecide={setDeciding}
          rows={data.review.map((item) => ({
            personId: person.id,
            personName: person.displayName,
            opportunityId: item.opportunity.id,
            opportunityTitle: item.opportunity.title,
            heading: item.opportunity.title,
            href: `/peluang/${item.opportunity.id}`,
            subtitle: `${item.opportunity.partner.name} · ${item.opportunity.village.name}`,
            score: item.score,
            gates: item.gates,
            reasons: item.reasons,
          }))}
        />
      )}

      <DismissedSection items={data.dismissed} canDecide={canDecide} />

      {items.length > 0 && lines.length > 0 && (
        <Accordion variant="contained" chevronPosition="left" order={3} data-match-others>
          <Accordion.Item value="others">
            <Accordion.Control>
              <Text fw={600} size="sm" component="span">
                {t('matching.person.others')}
              </Text>
            </Accordion.Control>
            <Accordion.Panel>
              <ReasonLines personId={person.id} minScore={data.minScore} lines={lines} />
            </Accordion.Panel>
          </Accordion.Item>
        </Accordion>
      )}

      {proposing && (
        <ProposeMatchModal
          target={{ personId: person.id, personName: person.displayName, opportunity: proposing.opportunity }}
          onClose={() => setProposing(null)}
          onProposed={() => {
            const item = proposing;
            setProposed((current) =>
              new Map(current).set(item.opportunity.id, { ...item, inPipeline: true }),
            );
            setSelected((current) => current.filter((id) => id !== item.opportunity.id));
          }}
        />
      )}
      {deciding && <DecisionModal target={deciding} onClose={() => setDeciding(null)} />}
      {compareIds && (
        <CompareModal personId={person.id} opportunityIds={compareIds} onClose={closeComparison} />
      )}
    </Stack>
  );
}

type Lines = ReturnType<typeof emptyReasons>;

/** Why nothing (or nothing more) is suggested, one line per cause with its count. */
function ReasonLines({ personId, minScore, lines }: { personId: string; minScore: number; lines: Lines }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4} data-match-reasons-why>
      {lines.map(({ reason, count }) => (
        <List.Item key={reason} data-why={reason}>
          {t(`matching.empty.${reason}` as 'matching.empty.noneOpen', { count, min: minScore })}
          {reason === 'blocked.consent' && (
            <>
              {' '}
              <Anchor component={Link} to={`/warga/${personId}?tab=persetujuan`} c="blue.9" size="sm">
                {t('matching.empty.consentLink')}
              </Anchor>
            </>
          )}
        </List.Item>
      ))}
    </List>
  );
}

function EmptyState({ personId, minScore, lines }: { personId: string; minScore: number; lines: Lines }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" data-match-empty>
      <Stack gap="xs">
        <Title order={3} fz="h5">
          {t('matching.empty.title')}
        </Title>
        {lines[0]?.reason !== 'noneOpen' && (
          <Text size="sm">{t('matching.empty.intro', { min: minScore })}</Text>
        )}
        <ReasonLines personId={personId} minScore={minScore} lines={lines} />
      </Stack>
    </Paper>
  );
}

import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MatchGateView, MatchReasonView } from '../../../../shared/recommendations.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import type { DecisionTarget } from './DecisionModal.tsx';
import { ReasonList, ScoreBlock } from './Explanation.tsx';
import { reasonText } from './model.ts';

/** A pair waiting for corrections' review, as either list has it (by opportunity, or by person). */
export interface ReviewRow {
  personId: string;
  personName: string;
  opportunityId: string;
  opportunityTitle: string;
  /** What the row is about: the opportunity on her page, the woman on an opportunity's. */
  heading: string;
  href: string | null;
  subtitle: string;
  score: number;
  gates: MatchGateView[];
  reasons: MatchReasonView[];
}

/**
 * "Perlu tinjauan pembatasan" (corrections staff only): pairs whose restriction touches her offence, with
 * the restriction's reason, and "Izinkan" / "Tolak" (a reason code and a note in a dialog).
 */
export function ReviewSection({
  rows,
  intro,
  onDecide,
}: {
  rows: ReviewRow[];
  intro: string;
  onDecide: (target: DecisionTarget) => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <SectionCard title={t('matching.review.title')} id="match-review" hint={intro}>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row) => {
          const restriction = row.gates.find((gate) => gate.gate === 'restriction' && !gate.passed)?.reason;
          const headingId = `match-review-${row.personId}-${row.opportunityId}`;
          const target = {
            personId: row.personId,
            personName: row.personName,
            opportunityId: row.opportunityId,
            title: row.opportunityTitle,
          };
          return (
            <Paper
              key={headingId}
              component="li"
              withBorder
              radius="md"
              p="sm"
              aria-labelledby={headingId}
              data-review-pair={`${row.personId}:${row.opportunityId}`}
            >
              <Stack gap="xs">
                <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Title order={3} fz="h5" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                      {row.href ? (
                        <Anchor component={Link} to={row.href} c="blue.9" inherit>
                          {row.heading}
                        </Anchor>
                      ) : (
                        row.heading
                      )}
                    </Title>
                    <Text size="sm">{row.subtitle}</Text>
                    {restriction && (
                      <Text size="sm" fw={600} mt={4}>
                        {reasonText(restriction, i18n.language)}
                      </Text>
                    )}
                  </div>
                  <ScoreBlock score={row.score} size="md" />
                </Group>
                <ReasonList reasons={row.reasons} limit={4} />
                <Group gap="xs" justify="flex-end">
                  <Button
                    size="compact-md"
                    variant="default"
                    color="red.9"
                    leftSection={<IconShieldX size={16} aria-hidden />}
                    onClick={() => onDecide({ ...target, kind: 'restriction_refused' })}
                    aria-label={t('matching.actions.refuseNamed', { title: row.heading })}
                  >
                    {t('matching.actions.refuse')}
                  </Button>
                  <Button
                    size="compact-md"
                    leftSection={<IconShieldCheck size={16} aria-hidden />}
                    onClick={() => onDecide({ ...target, kind: 'restriction_cleared' })}
                    aria-label={t('matching.actions.allowNamed', { title: row.heading })}
                  >
                    {t('matching.actions.allow')}
                  </Button>
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
    </SectionCard>
  );
}

import { Accordion, Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Recommendation } from '../../../../shared/recommendations.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useRevokeDecision } from '../api/matching.ts';
import { formatPoints } from './model.ts';

/**
 * "Disisihkan (n)", collapsed: the opportunities staff set aside for her, with who, when and why, and
 * "Kembalikan" (the set-aside is revoked and it is recommended again when it still fits).
 */
export function DismissedSection({ items, canDecide }: { items: Recommendation[]; canDecide: boolean }) {
  const { t, i18n } = useTranslation();
  const revoke = useRevokeDecision();
  if (items.length === 0) return null;

  const restore = (item: Recommendation) => {
    if (!item.decision) return;
    revoke.mutate(item.decision.id, {
      onSuccess: () => notifySuccess(t('matching.dismissed.restored', { title: item.opportunity.title })),
      onError: notifyError,
    });
  };

  return (
    <Accordion variant="contained" chevronPosition="left" order={3} data-dismissed-section>
      <Accordion.Item value="dismissed">
        <Accordion.Control>
          <Text fw={600} size="sm" component="span">
            {t('matching.dismissed.title', { count: items.length })}
          </Text>
        </Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" mb="sm">
            {t('matching.dismissed.intro')}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {items.map((item) => {
              const { opportunity, decision } = item;
              const headingId = `match-dismissed-${opportunity.id}`;
              const reason = decision
                ? t(`matching.dismissReason.${decision.reasonCode}` as 'matching.dismissReason.other', {
                    defaultValue: decision.reasonCode,
                  })
                : null;
              return (
                <Paper
                  key={opportunity.id}
                  component="li"
                  withBorder
                  p="sm"
                  aria-labelledby={headingId}
                  data-dismissed-opportunity={opportunity.id}
                >
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
                      <Title order={4} fz="sm" id={headingId} style={{ overflowWrap: 'anywhere' }}>
                        <Anchor component={Link} to={`/peluang/${opportunity.id}`} c="blue.9" inherit>
                          {opportunity.title}
                        </Anchor>
                      </Title>
                      <Text size="xs">
                        {opportunity.partner.name} · {opportunity.village.name} · {t('matching.score.label')}{' '}
                        {formatPoints(item.score, i18n.language)}
                      </Text>
                      {decision && (
                        <>
                          <Text size="sm">
                            {t('matching.dismissed.by', {
                              name: decision.decidedBy,
                              organization: decision.organization.name,
                              date: formatDateTime(decision.decidedAt),
                            })}
                          </Text>
                          <Text size="sm" fw={500}>
                            {t('matching.dismissed.reason', { reason })}
                          </Text>
                          {decision.note && (
                            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                              {t('matching.dismissed.note', { note: decision.note })}
                            </Text>
                          )}
                        </>
                      )}
                    </Stack>
                    {canDecide && decision && (
                      <Button
                        size="compact-md"
                        variant="default"
                        leftSection={<IconArrowBackUp size={16} aria-hidden />}
                        loading={revoke.isPending && revoke.variables === decision.id}
                        onClick={() => restore(item)}
                        aria-label={t('matching.actions.restoreNamed', { title: opportunity.title })}
                      >
                        {t('matching.actions.restore')}
                      </Button>
                    )}
                  </Group>
                </Paper>
              );
            })}
          </Stack>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}

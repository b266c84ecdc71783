import { Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementDetail } from '../../../../shared/agreements.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useAgreementWorkPlans } from '../api/agreements.ts';
import { AgreementStatusBadge } from './AgreementBadges.tsx';
import { agreementPagePath, newPksPath, workPlanPagePath } from './paths.ts';

/** The PKS under an MoU, and the technical work plans made under this agreement. */
export function RelatedTab({
  agreement,
  canCreatePks,
  canReadWorkPlans,
}: {
  agreement: AgreementDetail;
  canCreatePks: boolean;
  canReadWorkPlans: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      {agreement.kind === 'mou' && (
        <SectionCard
          title={t('agreements.related.pksTitle')}
          id="agreement-children"
          actions={
            canCreatePks && (
              <Button
                component={Link}
                to={newPksPath(agreement.id)}
                size="xs"
                variant="default"
                leftSection={<IconPlus size={14} aria-hidden />}
              >
                {t('agreements.related.newPks')}
              </Button>
            )
          }
        >
          {agreement.children.length === 0 ? (
            <Text size="sm">{t('agreements.related.noPks')}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {agreement.children.map((child) => (
                <Card key={child.id} component="li" withBorder padding="sm">
                  <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
                    <Anchor
                      component={Link}
                      to={agreementPagePath(child.id)}
                      fw={600}
                      c="blue.9"
                      style={{ overflowWrap: 'anywhere' }}
                    >
                      {child.title}
                    </Anchor>
                    <AgreementStatusBadge status={child.effectiveStatus} />
                  </Group>
                  {(child.validFrom || child.validUntil) && (
                    <Text size="xs" c="dimmed" mt={4}>
                      {t('agreements.validity.range', {
                        from: formatDate(child.validFrom),
                        until: formatDate(child.validUntil),
                      })}
                    </Text>
                  )}
                </Card>
              ))}
            </Stack>
          )}
        </SectionCard>
      )}
      {canReadWorkPlans && <WorkPlansSection agreementId={agreement.id} />}
    </Stack>
  );
}

function WorkPlansSection({ agreementId }: { agreementId: string }) {
  const { t } = useTranslation();
  const plans = useAgreementWorkPlans(agreementId, true);
  return (
    <SectionCard title={t('agreements.related.workPlansTitle')} id="agreement-work-plans">
      {plans.isPending ? (
        <PageLoader />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Text size="sm">{t('agreements.related.noWorkPlans')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {plans.data.items.map((plan) => (
            <Card key={plan.id} component="li" withBorder padding="sm">
              <Anchor
                component={Link}
                to={workPlanPagePath(plan.id)}
                fw={600}
                c="blue.9"
                style={{ overflowWrap: 'anywhere' }}
              >
                {plan.title}
              </Anchor>
              <Text size="xs" c="dimmed" mt={4}>
                {t('agreements.related.workPlanPeriod', {
                  from: formatDate(plan.periodStart),
                  until: formatDate(plan.periodEnd),
                  organization: plan.organization.name,
                })}
              </Text>
              <Text size="xs">
                {t('agreements.related.workPlanActivities', {
                  done: plan.doneCount,
                  count: plan.activityCount,
                })}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

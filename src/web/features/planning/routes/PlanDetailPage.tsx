import { Alert, Anchor, Button, Group, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PlanDetail, PlanItem } from '../../../../shared/placementPlans.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useDecidePlan, usePlan, useReloadPlans } from '../api/plans.ts';
import { AdjustItemModal } from '../components/AdjustItemModal.tsx';
import { AssignedItems, UnassignedItems } from '../components/PlanItems.tsx';
import { PlanStatusBadge } from '../components/PlanStatusBadge.tsx';
import { formatCount, formatScore } from '../components/planText.ts';

const PLANS_PATH = '/perencanaan/penempatan';

/** /perencanaan/penempatan/:planId: the plan's summary, who has a place and who has not (and why). */
export function PlanDetailPage() {
  const { planId = '' } = useParams();
  const { t } = useTranslation();
  const plan = usePlan(planId);
  return (
    <Stack gap="md">
      <div>
        <BackButton to={PLANS_PATH}>{t('planning.plan.back')}</BackButton>
      </div>
      {plan.isPending ? (
        <PageLoader />
      ) : plan.isError ? (
        isApiError(plan.error, 'PLAN_NOT_FOUND') || (isApiError(plan.error) && plan.error.status === 400) ? (
          <StatusPage kind="notFound" />
        ) : (
          <QueryError error={plan.error} onRetry={() => void plan.refetch()} />
        )
      ) : (
        <PlanView plan={plan.data} />
      )}
    </Stack>
  );
}

type Decision = 'accept' | 'discard';

function PlanView({ plan }: { plan: PlanDetail }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const decide = useDecidePlan(plan.id);
  const reload = useReloadPlans();
  const [confirming, setConfirming] = useState<Decision | null>(null);
  const [adjusting, setAdjusting] = useState<PlanItem | null>(null);
  // The server's refusal of an acceptance: its message and, by item, who cannot be proposed and why.
  const [refusal, setRefusal] = useState<{ message: string; problems: Record<string, string> } | null>(null);
  const windowLabel = t('planning.dateRange', {
    from: formatDate(plan.windowFrom),
    to: formatDate(plan.windowTo),
  });
  const assigned = plan.items.filter((item) => item.opportunity !== null);
  const unassigned = plan.items.filter((item) => item.opportunity === null);
  const canChange = plan.canChange && plan.status === 'draft';
  // The weights changed since it was made: it can only be discarded (the server refuses the rest).
  const canAdjust = canChange && !plan.rulesChanged;

  const runDecision = (decision: Decision) => {
    decide.mutate(
      { decision, version: plan.version },
      {
        onSuccess: (summary) => {
          setConfirming(null);
          setRefusal(null);
          notifySuccess(
            decision === 'accept'
              ? t('planning.plan.accepted', { count: summary.proposalCount })
              : t('planning.plan.discarded'),
          );
        },
        onError: (error) => {
          setConfirming(null);
          if (isApiError(error, 'PLAN_ITEMS_NOT_PROPOSABLE')) {
            const problems = Object.fromEntries(
              Object.entries(error.fields ?? {}).map(([path, message]) => [
                path.replace(/^items\./, ''),
                message,
              ]),
            );
            setRefusal({ message: error.message, problems });
            void reload();
            return;
          }
          if (
            isApiError(error) &&
            (isStaleVersion(error) || error.code === 'PLAN_NOT_DRAFT' || error.code === 'PLAN_RULES_CHANGED')
          ) {
            if (isStaleVersion(error))
              notifications.show({ color: 'red', message: t('planning.plan.stale') });
            else notifyError(error);
            void reload();
            return;
          }
          notifyError(error);
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <PageHeader
        title={
          <Group gap="sm" component="span">
            <span>{t('planning.plan.title', { window: windowLabel })}</span>
            <PlanStatusBadge status={plan.status} />
          </Group>
        }
        actions={
          canChange && (
            <>
              <Button variant="default" color="red.9" onClick={() => setConfirming('discard')}>
                {t('planning.plan.discard')}
              </Button>
              <Button
                onClick={() => setConfirming('accept')}
                disabled={plan.assignedCount === 0 || plan.rulesChanged}
              >
                {t('planning.plan.accept')}
              </Button>
            </>
          )
        }
      />

      {plan.status === 'accepted' && (
        <Alert color="teal" icon={<IconCircleCheck aria-hidden />} data-plan-accepted>
          <Text size="sm">
            {t('planning.plan.acceptedAlert', {
              date: formatDateTime(plan.decidedAt),
              name: plan.decidedBy ?? '—',
              count: plan.proposalCount,
            })}
          </Text>
          {access.canManagePlacements && (
            <Anchor component={Link} to="/penempatan" size="sm" fw={700} c="gray.9" td="underline">
              {t('planning.plan.toBoard')}
            </Anchor>
          )}
        </Alert>
      )}
      {plan.status === 'discarded' && (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">
            {t('planning.plan.discardedAlert', {
              date: formatDateTime(plan.decidedAt),
              name: plan.decidedBy ?? '—',
            })}
          </Text>
        </Alert>
      )}
      {plan.status === 'draft' && plan.rulesChanged && (
        <Alert
          color="orange"
          icon={<IconAlertCircle aria-hidden />}
          title={t('planning.plan.rulesChangedTitle')}
          data-plan-rules-changed
        >
          <Text size="sm">{t('planning.plan.rulesChanged', { version: plan.ruleVersion })}</Text>
        </Alert>
      )}
      {refusal && (
        <Alert
          color="red"
          role="alert"
          icon={<IconAlertCircle aria-hidden />}
          title={t('planning.plan.notProposableTitle')}
        >
          <Text size="sm">{refusal.message}</Text>
          <List size="sm" mt={4}>
            {Object.entries(refusal.problems).map(([itemId, message]) => (
              <List.Item key={itemId}>{message}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {plan.hiddenCount > 0 && (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />}>
          <Text size="sm">{t('planning.plan.hidden', { count: plan.hiddenCount })}</Text>
        </Alert>
      )}

      <PlanSummaryCard plan={plan} />

      <SectionCard title={t('planning.plan.assignedTitle', { count: assigned.length })} id="plan-assigned">
        {assigned.length === 0 ? (
          <Text size="sm">{t('planning.plan.assignedEmpty')}</Text>
        ) : (
          <AssignedItems
            items={assigned}
            canChange={canAdjust}
            onAdjust={setAdjusting}
            problems={refusal?.problems ?? {}}
          />
        )}
      </SectionCard>

      <SectionCard
        title={t('planning.plan.unassignedTitle', { count: unassigned.length })}
        id="plan-unassigned"
        hint={unassigned.length > 0 ? t('planning.plan.unassignedHint') : undefined}
      >
        {unassigned.length === 0 ? (
          <Text size="sm">{t('planning.plan.unassignedEmpty')}</Text>
        ) : (
          <UnassignedItems items={unassigned} canChange={canAdjust} onAdjust={setAdjusting} />
        )}
      </SectionCard>

      <AdjustItemModal plan={plan} item={adjusting} onClose={() => setAdjusting(null)} />
      <ConfirmModal
        opened={confirming === 'accept'}
        title={t('planning.plan.acceptTitle')}
        confirmLabel={t('planning.plan.acceptConfirm')}
        loading={decide.isPending}
        onConfirm={() => runDecision('accept')}
        onClose={() => setConfirming(null)}
      >
        {t('planning.plan.acceptText', { count: plan.assignedCount })}
      </ConfirmModal>
      <ConfirmModal
        opened={confirming === 'discard'}
        title={t('planning.plan.discardTitle')}
        confirmLabel={t('planning.plan.discardConfirm')}
        confirmColor="red.9"
        loading={decide.isPending}
        onConfirm={() => runDecision('discard')}
        onClose={() => setConfirming(null)}
      >
        {t('planning.plan.discardText')}
      </ConfirmModal>
    </Stack>
  );
}

function PlanSummaryCard({ plan }: { plan: PlanDetail }) {
  const { t, i18n } = useTranslation();
  const score = (value: number) => formatScore(value, i18n.language);
  const difference = Math.round((plan.solverTotal - plan.greedyTotal) * 10) / 10;
  return (
    <SectionCard title={t('planning.plan.summary')} id="plan-summary">
      <SimpleGrid cols={{ base: 2, sm: 3, md: 4 }} spacing="md" verticalSpacing="sm">
        <InfoField label={t('planning.plan.people')}>
          {formatCount(plan.peopleCount, i18n.language)}
        </InfoField>
        <InfoField label={t('planning.plan.places')}>
          {formatCount(plan.placesCount, i18n.language)}
        </InfoField>
        <InfoField label={t('planning.plan.assigned')}>
          {t('planning.plans.assignedOf', { assigned: plan.assignedCount, people: plan.peopleCount })}
        </InfoField>
        <InfoField label={t('planning.plan.total')}>{score(plan.totalScore)}</InfoField>
        <InfoField label={t('planning.plan.solver')}>
          {t('planning.plan.solverValue', { total: score(plan.solverTotal), assigned: plan.solverAssigned })}
        </InfoField>
        <InfoField label={t('planning.plan.greedy')}>
          {t('planning.plan.greedyValue', { total: score(plan.greedyTotal), assigned: plan.greedyAssigned })}
        </InfoField>
        <InfoField label={t('planning.plan.adjusted')}>
          {t('planning.plan.adjustedValue', { count: plan.adjustedCount })}
        </InfoField>
        <InfoField label={t('planning.plan.solveTime')}>
          {t('planning.plan.solveMs', { ms: formatCount(plan.solveMs, i18n.language) })}
        </InfoField>
        <InfoField label={t('planning.plan.ruleVersion')}>{plan.ruleVersion}</InfoField>
        <InfoField label={t('planning.plan.createdBy')}>
          {t('planning.plans.createdBy', {
            date: formatDateTime(plan.createdAt),
            name: plan.createdBy ?? '—',
          })}
        </InfoField>
      </SimpleGrid>
      {plan.note && (
        <InfoField label={t('planning.plan.note')}>
          <Text size="sm" data-plan-note style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {plan.note}
          </Text>
        </InfoField>
      )}
      <Text size="sm">
        {difference > 0
          ? t('planning.plan.better', { difference: score(difference) })
          : t('planning.plan.same')}
      </Text>
    </SectionCard>
  );
}

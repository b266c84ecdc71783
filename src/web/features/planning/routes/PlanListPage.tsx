import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PlanSummary } from '../../../../shared/placementPlans.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { usePlans } from '../api/plans.ts';
import { CreatePlanModal } from '../components/CreatePlanModal.tsx';
import { PlanStatusBadge } from '../components/PlanStatusBadge.tsx';
import { formatScore } from '../components/planText.ts';

const planPath = (plan: PlanSummary) => `/perencanaan/penempatan/${plan.id}`;

function useWindowLabel() {
  const { t } = useTranslation();
  return (plan: PlanSummary) =>
    t('planning.dateRange', { from: formatDate(plan.windowFrom), to: formatDate(plan.windowTo) });
}

/** /perencanaan/penempatan: the plans of her organization, newest first, and "Buat rencana". */
export function PlanListPage() {
  const { t } = useTranslation();
  const plans = usePlans();
  const [creating, setCreating] = useState(false);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <SectionCard
      title={t('planning.plans.title')}
      id="plans-title"
      hint={t('planning.plans.intro')}
      actions={
        plans.data?.canPlan && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('planning.plans.create')}
          </Button>
        )
      }
    >
      {plans.isPending ? (
        <PageLoader />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Text size="sm">{t('planning.plans.empty')}</Text>
      ) : (
        <>
          {wide ? <PlanTable items={plans.data.items} /> : <PlanCards items={plans.data.items} />}
          {plans.data.total > plans.data.items.length && (
            <Text size="sm" c="dimmed">
              {t('planning.plans.more', { shown: plans.data.items.length, total: plans.data.total })}
            </Text>
          )}
        </>
      )}
      <CreatePlanModal opened={creating} onClose={() => setCreating(false)} />
    </SectionCard>
  );
}

function PlanLink({ plan }: { plan: PlanSummary }) {
  const windowLabel = useWindowLabel();
  return (
    <Anchor component={Link} to={planPath(plan)} fw={600} c="blue.9" style={{ whiteSpace: 'nowrap' }}>
      {windowLabel(plan)}
    </Anchor>
  );
}

function Totals({ plan }: { plan: PlanSummary }) {
  const { t, i18n } = useTranslation();
  return (
    <Text size="sm">
      {t('planning.plans.totalVsGreedy', {
        total: formatScore(plan.totalScore, i18n.language),
        greedy: formatScore(plan.greedyTotal, i18n.language),
      })}
    </Text>
  );
}

function PlanTable({ items }: { items: PlanSummary[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('planning.plans.listLabel')} minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('planning.plans.window')}</Table.Th>
          <Table.Th>{t('planning.plans.status')}</Table.Th>
          <Table.Th>{t('planning.plans.assigned')}</Table.Th>
          <Table.Th>{t('planning.plans.total')}</Table.Th>
          <Table.Th>{t('planning.plans.created')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((plan) => (
          <Table.Tr key={plan.id} data-plan-id={plan.id}>
            <Table.Td>
              <PlanLink plan={plan} />
            </Table.Td>
            <Table.Td>
              <PlanStatusBadge status={plan.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('planning.plans.assignedOf', { assigned: plan.assignedCount, people: plan.peopleCount })}
            </Table.Td>
            <Table.Td>
              <Totals plan={plan} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(plan.createdAt)}</Text>
              <Text size="xs" c="dimmed">
                {plan.createdBy ?? '—'}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each plan is a card with the same facts. */
function PlanCards({ items }: { items: PlanSummary[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('planning.plans.listLabel')}
    >
      {items.map((plan) => (
        <Card key={plan.id} component="li" withBorder padding="sm" data-plan-id={plan.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <PlanLink plan={plan} />
            <PlanStatusBadge status={plan.status} />
          </Group>
          <Stack gap={4} mt={6}>
            <Text size="sm">
              {t('planning.plans.assigned')}:{' '}
              {t('planning.plans.assignedOf', { assigned: plan.assignedCount, people: plan.peopleCount })}
            </Text>
            <Totals plan={plan} />
            <Text size="xs" c="dimmed">
              {t('planning.plans.createdBy', {
                date: formatDateTime(plan.createdAt),
                name: plan.createdBy ?? '—',
              })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconInfoCircle, IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/people.ts';
import type { ReintegrationPlan, ReintegrationPlanView } from '../../../../shared/reintegration.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { downloadFile } from '../../people/api/peopleData.ts';
import { planPdfPath, useCreateReintegrationPlan, useReintegrationPlan } from '../api/reintegration.ts';
import { CompletenessCard, useMissingLabel } from './CompletenessCard.tsx';
import { PathwaysSection } from './PathwaysSection.tsx';
import { PlanDetailsCard } from './PlanDetailsCard.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';
import { StaleAlert } from './StaleAlert.tsx';

/**
 * The person page's "Rencana" tab: her reintegration plan (completeness, where she goes, the eight
 * pathways with needs, goals and history, reviews) — editable by corrections staff, read-only and without
 * the sensitive pathways for a kelurahan she shared her plan with.
 */
export function PersonReintegrationTab({ person }: { person: Person }) {
  const query = useReintegrationPlan(person.id);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    // Not shared with her organization (no consent, not her kelurahan) or not visible: say so plainly.
    if (
      isApiError(query.error, 'REINTEGRATION_NOT_SHARED') ||
      isApiError(query.error, 'PERSON_NOT_FOUND') ||
      (isApiError(query.error) && query.error.status === 403)
    ) {
      return (
        <Alert color="gray" icon={<IconLock aria-hidden />} data-plan-not-shared>
          <Text size="sm">{query.error.message}</Text>
        </Alert>
      );
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  const view = query.data;
  return view.plan ? <PlanView person={person} view={view} plan={view.plan} /> : <NoPlan view={view} />;
}

function NoPlan({ view }: { view: ReintegrationPlanView }) {
  const { t } = useTranslation();
  const create = useCreateReintegrationPlan(view.person.id);
  const missingLabel = useMissingLabel();
  const others = view.completeness.missing.filter((item) => item.item !== 'no_plan');
  return (
    <Stack gap="md" data-plan-empty>
      <Title order={2} fz="h4">
        {t('reintegration.tab.title')}
      </Title>
      <Paper withBorder p="lg">
        <Stack gap="sm" align="flex-start">
          <Text fw={600}>{t('reintegration.tab.empty')}</Text>
          <Text size="sm">{t('reintegration.tab.intro')}</Text>
          <Text size="sm">
            {view.canCreate ? t('reintegration.tab.emptyManage') : t('reintegration.tab.emptyRead')}
          </Text>
          {others.length > 0 && (
            <List size="sm">
              {others.map((item) => (
                <List.Item key={item.item}>{missingLabel(item)}</List.Item>
              ))}
            </List>
          )}
          {view.canCreate && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  {},
                  {
                    onSuccess: () => notifySuccess(t('reintegration.tab.created')),
                    onError: (error) => notifyError(error),
                  },
                )
              }
            >
              {t('reintegration.tab.create')}
            </Button>
          )}
        </Stack>
      </Paper>
    </Stack>
  );
}

function PlanView({
  person,
  view,
  plan,
}: {
  person: Person;
  view: ReintegrationPlanView;
  plan: ReintegrationPlan;
}) {
  const { t } = useTranslation();
  const [stale, setStale] = useState(false);
  const [printing, setPrinting] = useState(false);
  const { canManage, restricted } = view;

  const print = async () => {
    setPrinting(true);
    try {
      await downloadFile(planPdfPath(person.id), 'rencana-reintegrasi.pdf');
    } catch (error) {
      notifyError(error);
    } finally {
      setPrinting(false);
    }
  };

  return (
    <Stack gap="md" data-plan={plan.id}>
      <Group justify="space-between" gap="sm">
        <div>
          <Title order={2} fz="h4">
            {t('reintegration.tab.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('reintegration.tab.createdBy', {
              date: formatDateTime(plan.createdAt),
              name: plan.createdBy ?? '—',
            })}
            {' · '}
            {t('reintegration.tab.updatedAt', { date: formatDateTime(plan.updatedAt) })}
          </Text>
        </div>
        {!restricted && (
          <Button
            variant="default"
            leftSection={<IconFileTypePdf size={16} aria-hidden />}
            loading={printing}
            onClick={() => void print()}
          >
            {t('reintegration.tab.print')}
          </Button>
        )}
      </Group>
      {stale && <StaleAlert personId={person.id} onReloaded={() => setStale(false)} />}
      {restricted && (
        <Alert color="blue" icon={<IconInfoCircle aria-hidden />} data-plan-restricted>
          <Text size="sm">{t('reintegration.tab.readOnly')}</Text>
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <CompletenessCard completeness={view.completeness} nextReviewOn={plan.nextReviewOn} />
        <PlanDetailsCard person={person} plan={plan} canManage={canManage} restricted={restricted} />
      </SimpleGrid>
      <PathwaysSection
        view={view}
        pathways={plan.pathways}
        canManage={canManage}
        restricted={restricted}
        onStale={() => setStale(true)}
      />
      <ReviewsSection personId={person.id} reviews={plan.reviews} canManage={canManage} />
    </Stack>
  );
}

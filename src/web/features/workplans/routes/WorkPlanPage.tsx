import { Alert, Anchor, Button, Group, List, Menu, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconChevronDown,
  IconFileSpreadsheet,
  IconFileTypePdf,
  IconPencil,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { WORK_PLAN_STATUSES, type WorkPlan, type WorkPlanStatus } from '../../../../shared/workplans.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, formatDateTime, formatRupiah } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useSession } from '../../auth/api/session.ts';
import { downloadFile } from '../../people/api/peopleData.ts';
import { useUpdateWorkPlan, useWorkPlan, workPlanExportPath, workPlanKeys } from '../api/workplans.ts';
import { ActivitiesSection } from '../components/ActivitiesSection.tsx';
import { ActivityTimeline } from '../components/ActivityTimeline.tsx';
import { PlanEditModal } from '../components/PlanEditModal.tsx';
import { TargetsSection } from '../components/TargetsSection.tsx';
import { WorkPlanStatusBadge } from '../components/WorkPlanBadges.tsx';
import { targetsMet } from '../components/workPlanDisplay.ts';

const LIST_PATH = '/tata-kelola/program-teknis';
const TABS = ['kegiatan', 'linimasa', 'target'] as const;

/** /tata-kelola/program-teknis/:workPlanId: the plan's header, then its activities, timeline and targets. */
export function WorkPlanPage() {
  const { workPlanId = '' } = useParams();
  const plan = useWorkPlan(workPlanId);
  if (plan.isPending) return <PageLoader />;
  if (plan.isError) {
    if (isApiError(plan.error) && (plan.error.status === 404 || plan.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    if (isApiError(plan.error) && plan.error.status === 403) return <StatusPage kind="forbidden" />;
    return <QueryError error={plan.error} onRetry={() => void plan.refetch()} />;
  }
  return <WorkPlanView plan={plan.data} />;
}

function WorkPlanView({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const queryClient = useQueryClient();
  const { tab, selectTab } = useTabParam(TABS);
  const [stale, setStale] = useState(false);
  const [editing, setEditing] = useState(false);

  const staleAlert = useRef<HTMLDivElement>(null);
  const onStale = () => setStale(true);
  // The change was made further down the page (a tab, a modal): bring the reload prompt into view.
  useEffect(() => {
    if (stale) staleAlert.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [stale]);
  const reload = () => {
    setStale(false);
    void queryClient.invalidateQueries({ queryKey: workPlanKeys.detail(plan.id) });
  };

  const counted = plan.activities.filter((activity) => activity.status !== 'cancelled');
  const done = counted.filter((activity) => activity.status === 'done').length;
  const isParty = plan.agreement.parties.some((party) => party.id === me.organization.id);
  // A closed plan keeps its activities and targets as they are until it is reopened (its status).
  const canEditItems = plan.canEdit && plan.status !== 'closed';

  return (
    <Stack gap="md">
      <div>
        <BackButton to={LIST_PATH}>{t('workplans.page.back')}</BackButton>
        <PageHeader title={plan.title} actions={<ExportButtons plan={plan} />} />
        <Group gap="xs" mt={4}>
          <WorkPlanStatusBadge status={plan.status} />
          <Text size="sm" c="dimmed">
            {t('workplans.page.madeBy', { name: plan.organization.name })}
          </Text>
        </Group>
      </div>

      {stale && (
        <Alert
          ref={staleAlert}
          color="red"
          variant="filled"
          icon={<IconAlertTriangle aria-hidden />}
          role="alert"
        >
          <Text size="sm">{t('workplans.stale')}</Text>
          <Button mt="xs" size="xs" variant="white" color="dark" onClick={reload}>
            {t('workplans.reload')}
          </Button>
        </Alert>
      )}

      <SectionCard
        title={t('workplans.page.summary')}
        id="work-plan-summary"
        actions={
          plan.canEdit && (
            <>
              <StatusMenu plan={plan} onStale={onStale} />
              <Button
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
                onClick={() => setEditing(true)}
              >
                {t('workplans.page.edit')}
              </Button>
            </>
          )
        }
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <InfoField label={t('workplans.page.agreement')} size="sm">
            {access.canReadAgreements && isParty ? (
              <Anchor
                component={Link}
                to={`/tata-kelola/kesepakatan/${plan.agreement.id}`}
                c="blue.9"
                inherit
              >
                {t(`workplans.agreementKind.${plan.agreement.kind}`)} · {plan.agreement.title}
              </Anchor>
            ) : (
              `${t(`workplans.agreementKind.${plan.agreement.kind}`)} · ${plan.agreement.title}`
            )}
          </InfoField>
          <InfoField label={t('workplans.page.parties')} size="sm">
            {plan.agreement.parties.map((party) => party.name).join('; ')}
          </InfoField>
          <InfoField label={t('workplans.page.period')} size="sm">
            {t('workplans.dateRange', { from: formatDate(plan.periodStart), to: formatDate(plan.periodEnd) })}
          </InfoField>
          <InfoField label={t('workplans.page.budgetTotal')} size="sm">
            {formatRupiah(plan.budget.total)}
          </InfoField>
          <InfoField label={t('workplans.page.activitiesDone')} size="sm">
            {t('workplans.page.ofCount', { done, count: counted.length })}
          </InfoField>
          <InfoField label={t('workplans.page.targetsMet')} size="sm">
            {t('workplans.page.ofCount', { done: targetsMet(plan.targets), count: plan.targets.length })}
          </InfoField>
        </SimpleGrid>
        <InfoField label={t('workplans.page.objectives')} size="sm">
          <Objectives text={plan.objectives} />
        </InfoField>
        <Text size="xs" c="dimmed">
          {plan.updatedBy
            ? t('workplans.page.updated', { date: formatDateTime(plan.updatedAt), name: plan.updatedBy })
            : t('workplans.page.updatedNoName', { date: formatDateTime(plan.updatedAt) })}
        </Text>
        {!plan.canEdit && (
          <Text size="sm" c="dimmed">
            {t('workplans.page.readOnly')}
          </Text>
        )}
        {plan.canEdit && plan.status === 'closed' && (
          <Text size="sm" c="dimmed">
            {t('workplans.page.closedHint')}
          </Text>
        )}
      </SectionCard>

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('workplans.page.tabs')}>
          <Tabs.Tab value="kegiatan">
            {t('workplans.page.tabActivities')} ({plan.activities.length})
          </Tabs.Tab>
          <Tabs.Tab value="linimasa">{t('workplans.page.tabTimeline')}</Tabs.Tab>
          <Tabs.Tab value="target">
            {t('workplans.page.tabTargets')} ({plan.targets.length})
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="kegiatan" pt="md">
          <ActivitiesSection
            plan={plan}
            canEdit={canEditItems}
            canReport={access.canManageWorkPlans}
            onStale={onStale}
          />
        </Tabs.Panel>
        <Tabs.Panel value="linimasa" pt="md">
          <SectionCard title={t('workplans.page.tabTimeline')} id="work-plan-timeline">
            <ActivityTimeline
              periodStart={plan.periodStart}
              periodEnd={plan.periodEnd}
              activities={plan.activities}
            />
          </SectionCard>
        </Tabs.Panel>
        <Tabs.Panel value="target" pt="md">
          <TargetsSection plan={plan} canEdit={canEditItems} onStale={onStale} />
        </Tabs.Panel>
      </Tabs>

      <PlanEditModal plan={plan} opened={editing} onClose={() => setEditing(false)} onStale={onStale} />
    </Stack>
  );
}

/** The objectives, one per line as written (a list when there are several). */
function Objectives({ text }: { text: string | null }) {
  const { t } = useTranslation();
  const lines = (text ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('workplans.page.noObjectives')}
      </Text>
    );
  }
  if (lines.length === 1) {
    return (
      <Text size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
        {lines[0]}
      </Text>
    );
  }
  return (
    <List size="sm" spacing={2} type="ordered">
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: lines of a text, in order; two may be equal
        <List.Item key={index} style={{ overflowWrap: 'anywhere' }}>
          {line}
        </List.Item>
      ))}
    </List>
  );
}

/** Draft → running → closed (or back): saves the plan with the new status and the version read. */
function StatusMenu({ plan, onStale }: { plan: WorkPlan; onStale: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateWorkPlan(plan.id);
  const change = (status: WorkPlanStatus) => {
    update.mutate(
      {
        agreementId: plan.agreement.id,
        title: plan.title,
        objectives: plan.objectives,
        periodStart: plan.periodStart,
        periodEnd: plan.periodEnd,
        status,
        version: plan.version,
      },
      {
        onSuccess: () =>
          notifySuccess(t('workplans.page.statusChanged', { status: t(`workplans.status.${status}`) })),
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) onStale();
          else notifyError(error);
        },
      },
    );
  };
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="default"
          rightSection={<IconChevronDown size={16} aria-hidden />}
          loading={update.isPending}
        >
          {t('workplans.page.changeStatus')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {WORK_PLAN_STATUSES.filter((status) => status !== plan.status).map((status) => (
          <Menu.Item key={status} onClick={() => change(status)}>
            {t('workplans.page.statusTo', { status: t(`workplans.status.${status}`) })}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Unduh PDF / Unduh Excel (the server audits each download). */
function ExportButtons({ plan }: { plan: WorkPlan }) {
  const { t } = useTranslation();
  const [downloading, setDownloading] = useState<'pdf' | 'xlsx' | null>(null);
  const download = async (format: 'pdf' | 'xlsx') => {
    setDownloading(format);
    try {
      await downloadFile(workPlanExportPath(plan.id, format), `program-teknis.${format}`);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(null);
    }
  };
  return (
    <>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} aria-hidden />}
        loading={downloading === 'pdf'}
        disabled={downloading !== null && downloading !== 'pdf'}
        onClick={() => void download('pdf')}
      >
        {t('workplans.page.exportPdf')}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
        loading={downloading === 'xlsx'}
        disabled={downloading !== null && downloading !== 'xlsx'}
        onClick={() => void download('xlsx')}
      >
        {t('workplans.page.exportXlsx')}
      </Button>
    </>
  );
}

import { ActionIcon, Button, Card, Group, Menu, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconDots, IconFileText, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { WorkPlan, WorkPlanActivity, WorkPlanActivityStatus } from '../../../../shared/workplans.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, formatRupiah } from '../../../lib/format.ts';
import { currentLanguage } from '../../../lib/i18n/i18n.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useCreateActivityReport } from '../../governance/api/governance.ts';
import { useRemoveActivity } from '../api/workplans.ts';
import { ActivityFormModal } from './ActivityFormModal.tsx';
import { BudgetSummary } from './BudgetSummary.tsx';
import { ActivityStatusBadge } from './WorkPlanBadges.tsx';

interface ActivitiesSectionProps {
  plan: WorkPlan;
  /** The caller may change the activities now (a party's staff, the plan not closed). */
  canEdit: boolean;
  /** The caller may make an activity report (manage:workplan; the server checks the activity is visible). */
  canReport: boolean;
  onStale: () => void;
}

/** The plan's activities (table, cards on a phone), add/edit in a modal, remove with a confirmation. */
export function ActivitiesSection({ plan, canEdit, canReport, onStale }: ActivitiesSectionProps) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const navigate = useNavigate();
  // undefined: the modal is closed; null: a new activity.
  const [editing, setEditing] = useState<WorkPlanActivity | null | undefined>(undefined);
  const [removing, setRemoving] = useState<WorkPlanActivity | null>(null);
  const remove = useRemoveActivity(plan.id);
  const report = useCreateActivityReport();

  const confirmRemove = () => {
    if (!removing) return;
    const title = removing.title;
    remove.mutate(
      { activityId: removing.id, version: removing.version },
      {
        onSuccess: () => {
          notifySuccess(t('workplans.activity.removed', { title }));
          setRemoving(null);
        },
        onError: (error) => {
          setRemoving(null);
          if (isApiError(error) && isStaleVersion(error)) onStale();
          else notifyError(error);
        },
      },
    );
  };

  const makeReport = (activity: WorkPlanActivity) => {
    report.mutate(
      { activityId: activity.id, language: currentLanguage() },
      {
        onSuccess: (made) => {
          notifySuccess(t('workplans.activity.reportCreated', { title: made.title }));
          navigate(`/tata-kelola/laporan/${made.id}`);
        },
        // A refusal names the activity's problem in its field (e.g. not started yet): say that, not "invalid".
        onError: (error) => {
          const reason = isApiError(error)
            ? (error.fields?.activityId ?? error.fields?.meetingId)
            : undefined;
          if (reason) notifications.show({ color: 'red', message: reason, autoClose: 10_000 });
          else notifyError(error);
        },
      },
    );
  };

  const actions: RowActions = {
    canEdit,
    canReport,
    reporting: report.isPending ? report.variables?.activityId : undefined,
    onEdit: setEditing,
    onRemove: setRemoving,
    onReport: makeReport,
  };

  return (
    <Stack gap="md">
      <SectionCard
        title={t('workplans.activity.section')}
        id="work-plan-activities"
        actions={
          canEdit && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
              {t('workplans.activity.add')}
            </Button>
          )
        }
      >
        {plan.activities.length === 0 ? (
          <Text size="sm">{t('workplans.activity.empty')}</Text>
        ) : wide ? (
          <ActivityTable activities={plan.activities} actions={actions} />
        ) : (
          <ActivityCards activities={plan.activities} actions={actions} />
        )}
      </SectionCard>
      <BudgetSummary budget={plan.budget} />
      <ActivityFormModal
        plan={plan}
        activity={editing}
        onClose={() => setEditing(undefined)}
        onStale={onStale}
      />
      <ConfirmModal
        opened={removing !== null}
        title={t('workplans.activity.removeTitle')}
        confirmLabel={t('workplans.activity.remove')}
        confirmColor="red.9"
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      >
        {t('workplans.activity.removeConfirm', { title: removing?.title ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

/** A report is made of an activity that has started (the server refuses one planned, postponed or cancelled). */
const REPORTABLE: readonly WorkPlanActivityStatus[] = ['in_progress', 'done'];

interface RowActions {
  canEdit: boolean;
  canReport: boolean;
  /** The activity whose report is being made. */
  reporting: string | undefined;
  onEdit: (activity: WorkPlanActivity) => void;
  onRemove: (activity: WorkPlanActivity) => void;
  onReport: (activity: WorkPlanActivity) => void;
}

/** Edit, make a report, remove: in a menu, named after the activity for screen readers. */
function ActivityMenu({ activity, actions }: { activity: WorkPlanActivity; actions: RowActions }) {
  const { t } = useTranslation();
  if (!actions.canEdit && !(actions.canReport && REPORTABLE.includes(activity.status))) return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="dark"
          size="lg"
          aria-label={t('workplans.activity.moreActions', { title: activity.title })}
          loading={actions.reporting === activity.id}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {actions.canEdit && (
          <Menu.Item
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => actions.onEdit(activity)}
          >
            {t('workplans.activity.edit')}
          </Menu.Item>
        )}
        {actions.canReport && REPORTABLE.includes(activity.status) && (
          <Menu.Item
            leftSection={<IconFileText size={16} aria-hidden />}
            onClick={() => actions.onReport(activity)}
            disabled={actions.reporting !== undefined}
          >
            {t('workplans.activity.createReport')}
          </Menu.Item>
        )}
        {actions.canEdit && (
          <Menu.Item
            color="red.9"
            leftSection={<IconTrash size={16} aria-hidden />}
            onClick={() => actions.onRemove(activity)}
          >
            {t('workplans.activity.remove')}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

function useActivityTexts() {
  const { t } = useTranslation();
  return {
    schedule: (activity: WorkPlanActivity) =>
      activity.startsOn === activity.endsOn
        ? formatDate(activity.startsOn)
        : t('workplans.dateRange', { from: formatDate(activity.startsOn), to: formatDate(activity.endsOn) }),
    source: (activity: WorkPlanActivity) => t(`workplans.source.${activity.budgetSource}`),
    kind: (activity: WorkPlanActivity) => t(`workplans.kind.${activity.kind}`),
  };
}

function ActivityTable({ activities, actions }: { activities: WorkPlanActivity[]; actions: RowActions }) {
  const { t } = useTranslation();
  const texts = useActivityTexts();
  return (
    <ScrollTable label={t('workplans.activity.tableLabel')} minWidth={980}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('workplans.activity.title')}</Table.Th>
          <Table.Th>{t('workplans.activity.kind')}</Table.Th>
          <Table.Th>{t('workplans.activity.responsible')}</Table.Th>
          <Table.Th>{t('workplans.activity.schedule')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('workplans.activity.budget')}</Table.Th>
          <Table.Th>{t('workplans.activity.budgetSource')}</Table.Th>
          <Table.Th>{t('workplans.activity.status')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('workplans.activity.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {activities.map((activity) => (
          <Table.Tr key={activity.id} data-activity-id={activity.id}>
            <Table.Td>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {activity.title}
              </Text>
              {activity.location && (
                <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {activity.location}
                </Text>
              )}
              {activity.cohort && (
                <Text size="xs" c="dimmed">
                  {activity.cohort.name}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{texts.kind(activity)}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{activity.responsibleOrganization.name}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{texts.schedule(activity)}</Table.Td>
            <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              {formatRupiah(activity.budgetAmount)}
            </Table.Td>
            <Table.Td>{texts.source(activity)}</Table.Td>
            <Table.Td>
              <ActivityStatusBadge status={activity.status} />
            </Table.Td>
            <Table.Td>
              <ActivityMenu activity={activity} actions={actions} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function ActivityCards({ activities, actions }: { activities: WorkPlanActivity[]; actions: RowActions }) {
  const { t } = useTranslation();
  const texts = useActivityTexts();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('workplans.activity.tableLabel')}
    >
      {activities.map((activity) => (
        <Card key={activity.id} component="li" withBorder padding="sm" data-activity-id={activity.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {activity.title}
            </Text>
            <ActivityMenu activity={activity} actions={actions} />
          </Group>
          <Stack gap={2} mt={4}>
            <Group gap="xs">
              <ActivityStatusBadge status={activity.status} />
              <Text size="sm">{texts.kind(activity)}</Text>
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('workplans.activity.responsible')}: {activity.responsibleOrganization.name}
            </Text>
            <Text size="sm">
              {t('workplans.activity.schedule')}: {texts.schedule(activity)}
            </Text>
            <Text size="sm">
              {t('workplans.activity.budget')}: {formatRupiah(activity.budgetAmount)} ·{' '}
              {texts.source(activity)}
            </Text>
            {activity.location && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('workplans.activity.location')}: {activity.location}
              </Text>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

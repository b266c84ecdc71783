import {
  Button,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BUDGET_SOURCES,
  MAX_BUDGET_AMOUNT,
  WORK_PLAN_ACTIVITY_KINDS,
  WORK_PLAN_ACTIVITY_STATUSES,
  type WorkPlan,
  type WorkPlanActivity,
} from '../../../../shared/workplans.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY, formatDate, formatRupiah } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useSaveActivity, useWorkPlanOptions } from '../api/workplans.ts';
import { optionsOf } from './vocabulary.ts';
import {
  type ActivityFormValues,
  activityChecks,
  activityFormValues,
  activityRequest,
  budgetAmountOf,
} from './workPlanDisplay.ts';

/** Whole Rupiah with dots between thousands (as `formatRupiah` shows them), never negative. */
export const RUPIAH_INPUT = {
  thousandSeparator: '.',
  decimalSeparator: ',',
  allowDecimal: false,
  allowNegative: false,
  min: 0,
  max: MAX_BUDGET_AMOUNT,
  clampBehavior: 'strict',
  leftSection: (
    <Text size="sm" c="dark.6" aria-hidden>
      Rp
    </Text>
  ),
} as const;

interface ActivityFormModalProps {
  plan: WorkPlan;
  /** The activity to edit, null for a new one; undefined: closed. */
  activity: WorkPlanActivity | null | undefined;
  onClose: () => void;
  onStale: () => void;
}

/** Add or edit an activity in a modal; the server's field errors land on the fields. */
export function ActivityFormModal({ plan, activity, onClose, onStale }: ActivityFormModalProps) {
  const { t } = useTranslation();
  const opened = activity !== undefined;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={activity ? t('workplans.activity.editTitle') : t('workplans.activity.addTitle')}
      size="lg"
      centered
    >
      {opened && (
        <ActivityForm
          key={activity?.id ?? 'new'}
          plan={plan}
          activity={activity}
          onClose={onClose}
          onStale={onStale}
        />
      )}
    </Modal>
  );
}

function ActivityForm({
  plan,
  activity,
  onClose,
  onStale,
}: {
  plan: WorkPlan;
  activity: WorkPlanActivity | null;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const me = useSession();
  const save = useSaveActivity(plan.id);
  const options = useWorkPlanOptions(plan.agreement.id);
  const period = { periodStart: plan.periodStart, periodEnd: plan.periodEnd };
  const periodText = { from: formatDate(plan.periodStart), to: formatDate(plan.periodEnd) };

  const [initial] = useState(() =>
    activityFormValues(activity, {
      responsibleOrganizationId: me.organization.id,
      startsOn: plan.periodStart,
      endsOn: plan.periodStart,
    }),
  );
  const required = t('common.required');
  const checkMessage = (field: 'startsOn' | 'endsOn' | 'budgetSource', values: ActivityFormValues) => {
    const check = activityChecks(values, period)[field];
    return check ? t(`workplans.activity.${check}`, periodText) : null;
  };
  const form = useForm<ActivityFormValues>({
    initialValues: initial,
    validate: {
      kind: (value) => (value ? null : required),
      title: (value) => (value.trim() ? null : required),
      responsibleOrganizationId: (value) => (value ? null : required),
      startsOn: (value, values) => (value ? checkMessage('startsOn', values) : required),
      endsOn: (value, values) => (value ? checkMessage('endsOn', values) : required),
      budgetSource: (_value, values) => checkMessage('budgetSource', values),
    },
  });
  const values = form.getValues();
  const funded = budgetAmountOf(values.budgetAmount) > 0;

  // The organization already chosen stays selectable even when the directory no longer offers it.
  const organizations = (options.data?.organizations ?? []).map((item) => ({
    value: item.id,
    label: item.name,
  }));
  if (activity && !organizations.some((item) => item.value === activity.responsibleOrganization.id)) {
    organizations.push({
      value: activity.responsibleOrganization.id,
      label: activity.responsibleOrganization.name,
    });
  }
  if (!organizations.some((item) => item.value === me.organization.id)) {
    organizations.push({ value: me.organization.id, label: me.organization.name });
  }
  const cohorts = (options.data?.cohorts ?? []).map((cohort) => ({
    value: cohort.id,
    label: `${cohort.name} (${formatDate(cohort.startDate)} – ${formatDate(cohort.endDate)}) · ${cohort.organizationName}`,
  }));
  if (activity?.cohort && !cohorts.some((item) => item.value === activity.cohort?.id)) {
    cohorts.push({ value: activity.cohort.id, label: activity.cohort.name });
  }

  const submit = form.onSubmit((submitted) => {
    save.mutate(
      { activityId: activity?.id ?? null, body: activityRequest(submitted, activity?.version) },
      {
        onSuccess: () => {
          const title = submitted.title.trim();
          notifySuccess(t(activity ? 'workplans.activity.saved' : 'workplans.activity.added', { title }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && isStaleVersion(error)) {
            onClose();
            onStale();
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('workplans.activity.kind')}
            placeholder={t('workplans.choose')}
            data={optionsOf(WORK_PLAN_ACTIVITY_KINDS, (code) => t(`workplans.kind.${code}`))}
            withAsterisk
            {...form.getInputProps('kind')}
          />
          <Select
            label={t('workplans.activity.status')}
            data={optionsOf(WORK_PLAN_ACTIVITY_STATUSES, (code) => t(`workplans.activityStatus.${code}`))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <TextInput
          label={t('workplans.activity.title')}
          placeholder={t('workplans.activity.titlePlaceholder')}
          withAsterisk
          maxLength={300}
          data-autofocus
          {...form.getInputProps('title')}
        />
        <Select
          label={t('workplans.activity.responsible')}
          placeholder={t('workplans.choose')}
          data={organizations}
          searchable
          withAsterisk
          nothingFoundMessage={EMPTY}
          {...form.getInputProps('responsibleOrganizationId')}
        />
        {values.kind === 'training_cohort' && (
          <Select
            label={t('workplans.activity.cohort')}
            description={t('workplans.activity.cohortHint')}
            placeholder={cohorts.length === 0 ? t('workplans.activity.noCohort') : t('workplans.choose')}
            data={cohorts}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
            {...form.getInputProps('cohortId')}
          />
        )}
        <TextInput
          label={t('workplans.activity.location')}
          maxLength={300}
          {...form.getInputProps('location')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('workplans.activity.startsOn')}
            description={t('workplans.activity.periodHint', periodText)}
            withAsterisk
            minDate={plan.periodStart}
            maxDate={plan.periodEnd}
            {...form.getInputProps('startsOn')}
          />
          <DateField
            label={t('workplans.activity.endsOn')}
            description={t('workplans.activity.periodHint', periodText)}
            withAsterisk
            minDate={values.startsOn ?? plan.periodStart}
            maxDate={plan.periodEnd}
            {...form.getInputProps('endsOn')}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('workplans.activity.budgetAmount')}
            description={t('workplans.activity.budgetHint')}
            {...RUPIAH_INPUT}
            {...form.getInputProps('budgetAmount')}
          />
          <Select
            label={t('workplans.activity.budgetSource')}
            description={
              funded ? formatRupiah(budgetAmountOf(values.budgetAmount)) : t('workplans.source.none')
            }
            placeholder={t('workplans.choose')}
            data={optionsOf(BUDGET_SOURCES, (code) => t(`workplans.source.${code}`))}
            withAsterisk={funded}
            disabled={!funded}
            clearable
            {...form.getInputProps('budgetSource')}
          />
        </SimpleGrid>
        <Textarea
          label={t('workplans.activity.description')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={5000}
          {...form.getInputProps('description')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

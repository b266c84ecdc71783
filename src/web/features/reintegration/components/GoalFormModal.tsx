import {
  ActionIcon,
  Button,
  Fieldset,
  Group,
  Modal,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  GOAL_HORIZONS,
  GOAL_STATUSES,
  GOAL_STEPS_MAX,
  type GoalHorizon,
  type GoalStatus,
  type Pathway,
  type PlanGoal,
  type ReintegrationPlanView,
} from '../../../../shared/reintegration.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import { useCreateGoal, usePutGoalSteps, useUpdateGoal } from '../api/reintegration.ts';
import { changedFields, defaultTargetDate } from './planForm.ts';
import { StaleAlert } from './StaleAlert.tsx';

export interface GoalTarget {
  pathway: Pathway;
  /** The goal being edited, or null for a new one. */
  goal: PlanGoal | null;
}

type ViewPerson = ReintegrationPlanView['person'];

/** Adds or edits one goal of a pathway with its steps; mounted per goal so each opening starts fresh. */
export function GoalFormModal({
  person,
  target,
  onClose,
}: {
  person: ViewPerson;
  target: GoalTarget | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const pathway = target ? t(`reintegration.pathway.${target.pathway}`) : '';
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        target?.goal ? t('reintegration.goals.editTitle') : t('reintegration.goals.addTitle', { pathway })
      }
      size="lg"
      centered
    >
      {target && (
        <GoalForm key={target.goal?.id ?? target.pathway} person={person} target={target} onClose={onClose} />
      )}
    </Modal>
  );
}

interface StepValues {
  /** A stable key for the row (the step's id, or a new one's). */
  key: string;
  id: string | null;
  title: string;
  dueOn: string | null;
  doneOn: string | null;
}

interface GoalValues {
  title: string;
  horizon: string;
  targetDate: string | null;
  status: GoalStatus;
  steps: StepValues[];
}

let newStepCount = 0;
const newStep = (): StepValues => {
  newStepCount += 1;
  return { key: `new-${newStepCount}`, id: null, title: '', dueOn: null, doneOn: null };
};

const horizonOf = (value: string): GoalHorizon =>
  GOAL_HORIZONS.find((horizon) => String(horizon) === value) ?? 6;

/** The steps as the server takes them (ids kept, order = position). */
function stepsRequest(steps: StepValues[]) {
  return steps.map((step) => ({
    ...(step.id ? { id: step.id } : {}),
    title: step.title.trim(),
    dueOn: step.dueOn || null,
    doneOn: step.doneOn || null,
  }));
}

function GoalForm({
  person,
  target,
  onClose,
}: {
  person: ViewPerson;
  target: GoalTarget;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { goal, pathway } = target;
  const create = useCreateGoal(person.id);
  const update = useUpdateGoal(person.id);
  const putSteps = usePutGoalSteps(person.id);
  const [stale, setStale] = useState(false);
  const today = todayIso();
  const horizonLabel = useId();
  const initialHorizon = goal?.horizonMonths ?? 6;
  const initialSteps: StepValues[] = (goal?.steps ?? []).map((step) => ({
    key: step.id,
    id: step.id,
    title: step.title,
    dueOn: step.dueOn,
    doneOn: step.doneOn,
  }));
  const form = useForm<GoalValues>({
    initialValues: {
      title: goal?.title ?? '',
      horizon: String(initialHorizon),
      targetDate: goal?.targetDate ?? defaultTargetDate(person, initialHorizon, today),
      status: goal?.status ?? 'open',
      steps: initialSteps,
    },
    validate: {
      title: (value) => (value.trim() ? null : t('common.required')),
      targetDate: (value) => (value ? null : t('common.required')),
      steps: { title: (value) => (value.trim() ? null : t('common.required')) },
    },
  });
  const pending = create.isPending || update.isPending || putSteps.isPending;

  const onError = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    showServerErrors(form, error);
  };

  // A new horizon moves the target date along while it still is the default of the old one.
  const changeHorizon = (value: string) => {
    const previous = defaultTargetDate(person, horizonOf(form.values.horizon), today);
    form.setFieldValue('horizon', value);
    if (form.values.targetDate === previous || !form.values.targetDate)
      form.setFieldValue('targetDate', defaultTargetDate(person, horizonOf(value), today));
  };

  const done = (message: string) => {
    notifySuccess(message);
    onClose();
  };

  const submit = form.onSubmit(async (values) => {
    const targetDate = values.targetDate ?? defaultTargetDate(person, horizonOf(values.horizon), today);
    if (!goal) {
      create.mutate(
        {
          pathway,
          title: values.title.trim(),
          horizonMonths: horizonOf(values.horizon),
          targetDate,
          status: values.status,
          steps: stepsRequest(values.steps).map(({ title, dueOn, doneOn }) => ({ title, dueOn, doneOn })),
        },
        { onSuccess: () => done(t('reintegration.goals.added')), onError },
      );
      return;
    }
    const changed = changedFields(
      {
        title: goal.title,
        horizonMonths: goal.horizonMonths,
        targetDate: goal.targetDate,
        status: goal.status,
      },
      {
        title: values.title.trim(),
        horizonMonths: horizonOf(values.horizon),
        targetDate,
        status: values.status,
      },
    );
    const steps = stepsRequest(values.steps);
    const stepsChanged = JSON.stringify(steps) !== JSON.stringify(stepsRequest(initialSteps));
    try {
      let version = goal.version;
      if (Object.keys(changed).length > 0) {
        const { horizonMonths, ...rest } = changed;
        const view = await update.mutateAsync({
          goalId: goal.id,
          ...rest,
          ...(horizonMonths !== undefined ? { horizonMonths: horizonOf(String(horizonMonths)) } : {}),
          version,
        });
        version = findGoal(view, goal.id)?.version ?? version + 1;
      }
      if (stepsChanged) await putSteps.mutateAsync({ goalId: goal.id, steps, version });
      done(t('reintegration.goals.saved'));
    } catch (error) {
      onError(error);
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-goal-form>
      <Stack gap="sm">
        {stale && <StaleAlert personId={person.id} onReloaded={onClose} />}
        <TextInput
          label={t('reintegration.goals.goalTitle')}
          description={t('reintegration.goals.goalTitleHint')}
          withAsterisk
          maxLength={300}
          {...form.getInputProps('title')}
        />
        <div>
          <Text size="sm" fw={500} id={horizonLabel} mb={4}>
            {t('reintegration.goals.horizon')}
          </Text>
          <SegmentedControl
            aria-labelledby={horizonLabel}
            data={GOAL_HORIZONS.map((horizon) => ({
              value: String(horizon),
              label: t(`reintegration.horizon.${horizon}`),
            }))}
            value={form.values.horizon}
            onChange={changeHorizon}
          />
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateField
            label={t('reintegration.goals.targetDate')}
            description={t('reintegration.goals.targetDateHint')}
            withAsterisk
            {...form.getInputProps('targetDate')}
          />
          <Select
            label={t('reintegration.goals.status')}
            data={optionsOf(GOAL_STATUSES, (code) => t(`reintegration.goalStatus.${code}`))}
            allowDeselect={false}
            {...form.getInputProps('status')}
          />
        </SimpleGrid>
        <Fieldset legend={t('reintegration.goals.steps')} p="sm">
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              {t('reintegration.goals.stepsHint')}
            </Text>
            {form.values.steps.map((step, index) => (
              <Group key={step.key} gap="xs" align="flex-end" wrap="nowrap">
                <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" style={{ flex: 1 }}>
                  <TextInput
                    label={t('reintegration.goals.stepTitle', { number: index + 1 })}
                    withAsterisk
                    maxLength={300}
                    {...form.getInputProps(`steps.${index}.title`)}
                  />
                  <DateField
                    label={t('reintegration.goals.stepDue', { number: index + 1 })}
                    clearable
                    {...form.getInputProps(`steps.${index}.dueOn`)}
                  />
                </SimpleGrid>
                <ActionIcon
                  variant="subtle"
                  color="red.9"
                  size="lg"
                  aria-label={t('reintegration.goals.removeStep', { number: index + 1 })}
                  onClick={() => form.removeListItem('steps', index)}
                >
                  <IconTrash size={18} aria-hidden />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="default"
              size="xs"
              leftSection={<IconPlus size={14} aria-hidden />}
              onClick={() => form.insertListItem('steps', newStep())}
              disabled={form.values.steps.length >= GOAL_STEPS_MAX}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('reintegration.goals.addStep')}
            </Button>
          </Stack>
        </Fieldset>
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={pending} disabled={stale}>
            {goal ? t('common.save') : t('reintegration.goals.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function findGoal(view: ReintegrationPlanView, goalId: string) {
  for (const pathway of view.plan?.pathways ?? []) {
    const goal = pathway.goals.find((item) => item.id === goalId);
    if (goal) return goal;
  }
  return undefined;
}

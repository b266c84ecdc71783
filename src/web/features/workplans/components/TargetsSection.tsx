import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  NumberInput,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDatabase, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WORK_PLAN_METRICS,
  WORK_PLAN_MIN_COUNT,
  type WorkPlan,
  type WorkPlanTarget,
} from '../../../../shared/workplans.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useRemoveTarget, useSaveTarget } from '../api/workplans.ts';
import { optionsOf } from './vocabulary.ts';
import {
  manualActualRequest,
  type TargetFormValues,
  targetFormValues,
  targetProgress,
  targetRequest,
} from './workPlanDisplay.ts';

const COUNT_INPUT = {
  allowDecimal: false,
  allowNegative: false,
  min: 0,
  max: 1_000_000_000,
  thousandSeparator: '.',
  decimalSeparator: ',',
};

/** Target against actual with a progress bar, where the actual comes from, and the manual figures' editing. */
/** `canEdit`: the caller may change the targets now (a party's staff, the plan not closed). */
export function TargetsSection({
  plan,
  canEdit,
  onStale,
}: {
  plan: WorkPlan;
  canEdit: boolean;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  // undefined: closed; null: a new target.
  const [editing, setEditing] = useState<WorkPlanTarget | null | undefined>(undefined);
  const [actualOf, setActualOf] = useState<WorkPlanTarget | null>(null);
  const [removing, setRemoving] = useState<WorkPlanTarget | null>(null);
  const remove = useRemoveTarget(plan.id);

  const confirmRemove = () => {
    if (!removing) return;
    const label = removing.label;
    remove.mutate(
      { targetId: removing.id, version: removing.version },
      {
        onSuccess: () => {
          notifySuccess(t('workplans.target.removed', { label }));
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

  return (
    <SectionCard
      title={t('workplans.target.section')}
      id="work-plan-targets"
      hint={t('workplans.target.hint')}
      actions={
        canEdit && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setEditing(null)}>
            {t('workplans.target.add')}
          </Button>
        )
      }
    >
      {plan.targets.length === 0 ? (
        <Text size="sm">{t('workplans.target.empty')}</Text>
      ) : (
        <Stack
          gap="sm"
          component="ul"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('workplans.target.listLabel')}
        >
          {plan.targets.map((target) => (
            <TargetCard
              key={target.id}
              target={target}
              canEdit={canEdit}
              onEdit={() => setEditing(target)}
              onEditActual={() => setActualOf(target)}
              onRemove={() => setRemoving(target)}
            />
          ))}
        </Stack>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={editing ? t('workplans.target.editTitle') : t('workplans.target.addTitle')}
        size="lg"
        centered
      >
        {editing !== undefined && (
          <TargetForm
            key={editing?.id ?? 'new'}
            plan={plan}
            target={editing}
            onClose={() => setEditing(undefined)}
            onStale={onStale}
          />
        )}
      </Modal>
      <Modal
        opened={actualOf !== null}
        onClose={() => setActualOf(null)}
        title={actualOf ? t('workplans.target.actualTitle', { label: actualOf.label }) : ''}
        centered
      >
        {actualOf && (
          <ManualActualForm
            key={actualOf.id}
            planId={plan.id}
            target={actualOf}
            onClose={() => setActualOf(null)}
            onStale={onStale}
          />
        )}
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('workplans.target.removeTitle')}
        confirmLabel={t('workplans.target.remove')}
        confirmColor="red.9"
        loading={remove.isPending}
        onConfirm={confirmRemove}
        onClose={() => setRemoving(null)}
      >
        {t('workplans.target.removeConfirm', { label: removing?.label ?? '' })}
      </ConfirmModal>
    </SectionCard>
  );
}

function TargetCard({
  target,
  canEdit,
  onEdit,
  onEditActual,
  onRemove,
}: {
  target: WorkPlanTarget;
  canEdit: boolean;
  onEdit: () => void;
  onEditActual: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const progress = targetProgress(target);
  const manual = progress.source === 'manual';
  return (
    <Card component="li" withBorder padding="sm" data-target-id={target.id}>
      <Group justify="space-between" align="flex-start" gap="xs">
        <div style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {target.label}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`workplans.metric.${target.metric}`)}
            {target.activity && ` · ${target.activity.title}`}
          </Text>
        </div>
        <Group gap={6}>
          <Badge
            color={manual ? 'gray.8' : 'indigo.9'}
            radius="sm"
            tt="none"
            leftSection={
              manual ? <IconPencil size={12} aria-hidden /> : <IconDatabase size={12} aria-hidden />
            }
          >
            {manual ? t('workplans.target.manualSource') : t('workplans.target.fromSystem')}
          </Badge>
          {progress.met && (
            <Badge color="teal.9" radius="sm" tt="none">
              {t('workplans.target.met')}
            </Badge>
          )}
        </Group>
      </Group>
      <Group gap="sm" wrap="nowrap" mt="xs">
        <Progress
          value={progress.value}
          color={progress.met ? 'teal.9' : 'blue.9'}
          size="lg"
          style={{ flex: 1 }}
          aria-label={
            progress.percent === null
              ? t('workplans.target.progressUnknown', { label: target.label })
              : t('workplans.target.progressLabel', { label: target.label, percent: progress.percent })
          }
        />
        <Text size="sm" fw={700} style={{ minWidth: 48, textAlign: 'right' }}>
          {progress.percent === null ? EMPTY : t('workplans.target.percent', { percent: progress.percent })}
        </Text>
      </Group>
      <Text size="sm" mt={4}>
        {progress.suppressed
          ? t('workplans.target.suppressedOfTarget', { min: WORK_PLAN_MIN_COUNT, target: target.targetValue })
          : target.actual === null
            ? t('workplans.target.notFilledOfTarget', { target: target.targetValue })
            : t('workplans.target.ofTarget', { actual: target.actual, target: target.targetValue })}
      </Text>
      {progress.suppressed && (
        <Text size="xs" c="dimmed">
          {t('workplans.target.suppressedHint', { max: WORK_PLAN_MIN_COUNT - 1 })}
        </Text>
      )}
      {canEdit && (
        <Group gap="xs" mt="xs">
          {manual && (
            <Button
              size="xs"
              onClick={onEditActual}
              aria-label={t('workplans.target.editActualLabel', { label: target.label })}
            >
              {t('workplans.target.editActual')}
            </Button>
          )}
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPencil size={14} aria-hidden />}
            onClick={onEdit}
            aria-label={t('workplans.target.editLabel', { label: target.label })}
          >
            {t('workplans.target.edit')}
          </Button>
          <Button
            size="xs"
            variant="default"
            c="red.9"
            leftSection={<IconTrash size={14} aria-hidden />}
            onClick={onRemove}
            aria-label={t('workplans.target.removeLabel', { label: target.label })}
          >
            {t('workplans.target.remove')}
          </Button>
        </Group>
      )}
    </Card>
  );
}

function TargetForm({
  plan,
  target,
  onClose,
  onStale,
}: {
  plan: WorkPlan;
  target: WorkPlanTarget | null;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTarget(plan.id);
  const [initial] = useState(() => targetFormValues(target));
  const required = t('common.required');
  const form = useForm<TargetFormValues>({
    initialValues: initial,
    validate: {
      label: (value) => (value.trim() ? null : required),
      metric: (value) => (value ? null : required),
      targetValue: (value) => (value === '' || Number(value) <= 0 ? required : null),
    },
  });
  const values = form.getValues();

  const submit = form.onSubmit((submitted) => {
    save.mutate(
      { targetId: target?.id ?? null, body: targetRequest(submitted, target?.version) },
      {
        onSuccess: () => {
          const label = submitted.label.trim();
          notifySuccess(t(target ? 'workplans.target.saved' : 'workplans.target.added', { label }));
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
        <TextInput
          label={t('workplans.target.label')}
          placeholder={t('workplans.target.labelPlaceholder')}
          withAsterisk
          maxLength={300}
          data-autofocus
          {...form.getInputProps('label')}
        />
        <Select
          label={t('workplans.target.metric')}
          description={t('workplans.target.metricHint')}
          placeholder={t('workplans.choose')}
          data={optionsOf(WORK_PLAN_METRICS, (code) => t(`workplans.metric.${code}`))}
          withAsterisk
          {...form.getInputProps('metric')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <NumberInput
            label={t('workplans.target.targetValue')}
            withAsterisk
            {...COUNT_INPUT}
            min={1}
            {...form.getInputProps('targetValue')}
          />
          {values.metric === 'manual' && (
            <NumberInput
              label={t('workplans.target.manualActual')}
              description={t('workplans.target.manualActualHint')}
              {...COUNT_INPUT}
              {...form.getInputProps('manualActual')}
            />
          )}
        </SimpleGrid>
        <Select
          label={t('workplans.target.activity')}
          placeholder={t('workplans.target.noActivity')}
          data={plan.activities.map((activity) => ({ value: activity.id, label: activity.title }))}
          searchable
          clearable
          nothingFoundMessage={EMPTY}
          {...form.getInputProps('activityId')}
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

/** Types the actual figure of a manual target (empty: not known yet). */
function ManualActualForm({
  planId,
  target,
  onClose,
  onStale,
}: {
  planId: string;
  target: WorkPlanTarget;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const save = useSaveTarget(planId);
  const form = useForm<{ manualActual: number | string }>({
    initialValues: { manualActual: target.manualActual ?? '' },
  });

  const submit = form.onSubmit((submitted) => {
    const value = submitted.manualActual === '' ? null : Number(submitted.manualActual);
    save.mutate(
      { targetId: target.id, body: manualActualRequest(target, value) },
      {
        onSuccess: () => {
          notifySuccess(t('workplans.target.actualSaved', { label: target.label }));
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
        <NumberInput
          label={t('workplans.target.manualActual')}
          description={t('workplans.target.manualActualOfTarget', { target: target.targetValue })}
          data-autofocus
          {...COUNT_INPUT}
          {...form.getInputProps('manualActual')}
        />
        <Group justify="flex-end" gap="sm">
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

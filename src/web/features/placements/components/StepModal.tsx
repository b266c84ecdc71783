import { Button, Group, Modal, Radio, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { type Placement, UNSUCCESSFUL_REASONS } from '../../../../shared/placements.ts';
import { DateField } from '../../../components/DateField.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { todayIso } from '../../training/components/today.ts';
import { useAdvancePlacement, useReloadPlacements } from '../api/placements.ts';
import { personName } from './PlacementCard.tsx';
import { type StepError, type StepValues, stepErrors, stepRequest } from './pipeline.ts';

/** Refusals that mean the placement is no longer what the dialog shows: reload rather than correct. */
const GONE = new Set(['PLACEMENT_CLOSED', 'PLACEMENT_NOT_FOUND']);

interface StepModalProps {
  /** The placement to move on; null keeps the modal closed. */
  placement: Placement | null;
  onClose: () => void;
}

/** "Langkah berikutnya": the next stage (only those the server allows), its date, a reason where needed. */
export function StepModal({ placement, onClose }: StepModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={placement !== null}
      onClose={onClose}
      title={t('placements.step.title')}
      centered
      size="lg"
    >
      {placement && <StepForm key={placement.id} placement={placement} onClose={onClose} />}
    </Modal>
  );
}

function StepForm({ placement, onClose }: { placement: Placement; onClose: () => void }) {
  const { t } = useTranslation();
  const advance = useAdvancePlacement();
  const reload = useReloadPlacements();
  const today = todayIso();
  const name = personName(placement, t);
  // Words written by prison or Bapas officers stay with corrections staff (the server shows them to no one
  // else): the officer is told before she writes.
  const kind = useSession().organization.kind;
  const audience = kind === 'prison' || kind === 'probation' ? 'corrections' : 'shared';
  const message = (error: StepError | undefined, field: keyof StepValues): string | null => {
    if (!error) return null;
    if (error === 'future') return t('placements.step.future');
    if (error === 'beforeLast')
      return t('placements.step.beforeLast', { date: formatDate(placement.lastStepOn) });
    return field === 'note' ? t('placements.step.noteRequired') : t('common.required');
  };
  const form = useForm<StepValues>({
    initialValues: {
      stage: placement.nextStages[0] ?? null,
      happenedOn: today,
      outcome: null,
      endReason: '',
      note: '',
    },
    validate: (values) => {
      const errors = stepErrors(values, today, placement.lastStepOn);
      return Object.fromEntries(
        Object.entries(errors).map(([field, error]) => [field, message(error, field as keyof StepValues)]),
      );
    },
  });
  const stage = form.values.stage;

  const submit = form.onSubmit((values) => {
    advance.mutate(
      { placementId: placement.id, ...stepRequest(values, placement.version) },
      {
        onSuccess: (answer) => {
          notifySuccess(t('placements.step.done', { stage: t(`placements.stage.${answer.stage}`) }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && (isStaleVersion(error) || GONE.has(error.code))) {
            // Someone else moved or closed it first: say so and show the pipeline as it is now.
            if (isStaleVersion(error))
              notifications.show({ color: 'red', message: t('placements.step.stale') });
            else notifyError(error);
            void reload();
            onClose();
            return;
          }
          showServerErrors(form, error, {
            renames: { reason: values.stage === 'unsuccessful' ? 'outcome' : 'endReason' },
          });
        },
      },
    );
  }, focusFirstError);

  if (placement.nextStages.length === 0) {
    return (
      <Stack gap="sm">
        <Text size="sm">{t('placements.step.noNext')}</Text>
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('common.close')}</Button>
        </Group>
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate data-placement-step>
      <Stack gap="sm">
        <Text size="sm">
          {t('placements.step.intro', {
            name,
            opportunity: placement.opportunity.title,
            stage: t(`placements.stage.${placement.stage}`),
          })}
        </Text>
        <Radio.Group label={t('placements.step.stage')} withAsterisk {...form.getInputProps('stage')}>
          <Stack gap="xs" mt={6}>
            {placement.nextStages.map((next) => (
              <Radio key={next} value={next} label={t(`placements.stage.${next}`)} />
            ))}
          </Stack>
        </Radio.Group>
        <DateField
          label={t('placements.step.happenedOn')}
          description={t('placements.step.happenedOnHint')}
          minDate={placement.lastStepOn}
          maxDate={today}
          withAsterisk
          maw={260}
          {...form.getInputProps('happenedOn')}
        />
        {stage === 'unsuccessful' && (
          <Select
            label={t('placements.step.reason')}
            placeholder={t('placements.step.reasonPlaceholder')}
            data={UNSUCCESSFUL_REASONS.map((code) => ({
              value: code,
              label: t(`placements.outcomeReason.${code}`),
            }))}
            allowDeselect={false}
            withAsterisk
            {...form.getInputProps('outcome')}
          />
        )}
        {stage === 'ended' && (
          <TextInput
            label={t('placements.step.endReason')}
            description={t(`placements.step.endReasonAudience.${audience}`)}
            placeholder={t('placements.step.endReasonPlaceholder')}
            maxLength={500}
            withAsterisk
            {...form.getInputProps('endReason')}
          />
        )}
        <Textarea
          label={t('placements.step.note')}
          description={t(`placements.step.audience.${audience}`)}
          placeholder={t('placements.step.notePlaceholder')}
          autosize
          minRows={2}
          maxLength={1000}
          withAsterisk={stage === 'unsuccessful' && form.values.outcome === 'other'}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={advance.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="submit"
            color={stage === 'unsuccessful' ? 'red.9' : undefined}
            loading={advance.isPending}
          >
            {t('placements.step.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

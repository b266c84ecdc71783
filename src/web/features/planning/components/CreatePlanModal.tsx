import { Button, Group, Modal, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PLAN_WINDOW_MAX_DAYS } from '../../../../shared/placementPlans.ts';
import { DateField } from '../../../components/DateField.tsx';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../training/components/today.ts';
import { useCreatePlan } from '../api/plans.ts';
import { addMonths, type WindowError, windowErrors } from './planText.ts';

interface CreateValues {
  windowFrom: string | null;
  windowTo: string | null;
  note: string;
}

/** "Buat rencana": a release window (and an optional note); the new plan opens at once. */
export function CreatePlanModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('planning.plans.form.title')} centered size="lg">
      {opened && <CreatePlanForm onClose={onClose} />}
    </Modal>
  );
}

function CreatePlanForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreatePlan();
  const today = todayIso();
  const message = (error: WindowError | undefined, field: 'windowFrom' | 'windowTo'): string | null => {
    if (!error) return null;
    if (error === 'required')
      return field === 'windowFrom'
        ? t('planning.plans.form.fromRequired')
        : t('planning.plans.form.toRequired');
    if (error === 'order') return t('planning.plans.form.order');
    return t('planning.plans.form.tooLong', { days: PLAN_WINDOW_MAX_DAYS });
  };
  const form = useForm<CreateValues>({
    initialValues: { windowFrom: today, windowTo: addMonths(today, 6), note: '' },
    validate: (values) => {
      const errors = windowErrors(values);
      return {
        windowFrom: message(errors.windowFrom, 'windowFrom'),
        windowTo: message(errors.windowTo, 'windowTo'),
      };
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.windowFrom || !values.windowTo) return;
    create.mutate(
      { windowFrom: values.windowFrom, windowTo: values.windowTo, note: values.note.trim() || null },
      {
        onSuccess: (plan) => {
          notifySuccess(
            t('planning.plans.form.created', { assigned: plan.assignedCount, people: plan.peopleCount }),
          );
          onClose();
          navigate(`/perencanaan/penempatan/${plan.id}`);
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate data-create-plan>
      <Stack gap="sm">
        <Text size="sm">
          {t('planning.plans.form.intro')} {t('planning.plans.form.toHint', { days: PLAN_WINDOW_MAX_DAYS })}
        </Text>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField
            label={t('planning.plans.form.from')}
            withAsterisk
            {...form.getInputProps('windowFrom')}
          />
          <DateField
            label={t('planning.plans.form.to')}
            minDate={form.values.windowFrom ?? undefined}
            withAsterisk
            {...form.getInputProps('windowTo')}
          />
        </SimpleGrid>
        <Textarea
          label={t('planning.plans.form.note')}
          description={t('planning.plans.form.noteHint')}
          autosize
          minRows={2}
          maxLength={500}
          {...form.getInputProps('note')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending}>
            {t('planning.plans.form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Select, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkPlan } from '../../../../shared/workplans.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useUpdateWorkPlan, useWorkPlanOptions } from '../api/workplans.ts';
import { PlanFields, type PlanFieldValues, planValidation } from './PlanFields.tsx';

/** Edits the plan's agreement, title, objectives and period (the status has its own menu). */
export function PlanEditModal({
  plan,
  opened,
  onClose,
  onStale,
}: {
  plan: WorkPlan;
  opened: boolean;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t('workplans.page.editTitle')} size="lg" centered>
      {opened && <PlanEditForm key={plan.version} plan={plan} onClose={onClose} onStale={onStale} />}
    </Modal>
  );
}

function PlanEditForm({
  plan,
  onClose,
  onStale,
}: {
  plan: WorkPlan;
  onClose: () => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateWorkPlan(plan.id);
  const options = useWorkPlanOptions();
  const [initial] = useState<PlanFieldValues>(() => ({
    agreementId: plan.agreement.id,
    title: plan.title,
    objectives: plan.objectives ?? '',
    periodStart: plan.periodStart,
    periodEnd: plan.periodEnd,
  }));
  const form = useForm<PlanFieldValues>({
    initialValues: initial,
    validate: planValidation(t('common.required'), t('workplans.create.endBeforeStart')),
  });

  const agreements = (options.data?.agreements ?? []).map((agreement) => ({
    value: agreement.id,
    label: `${t(`workplans.agreementKind.${agreement.kind}`)} · ${agreement.title}`,
  }));
  if (!agreements.some((item) => item.value === plan.agreement.id)) {
    agreements.push({
      value: plan.agreement.id,
      label: `${t(`workplans.agreementKind.${plan.agreement.kind}`)} · ${plan.agreement.title}`,
    });
  }

  const submit = form.onSubmit((values) => {
    update.mutate(
      {
        agreementId: values.agreementId ?? '',
        title: values.title.trim(),
        objectives: values.objectives.trim() || null,
        periodStart: values.periodStart ?? '',
        periodEnd: values.periodEnd ?? '',
        status: plan.status,
        version: plan.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('workplans.page.saved'));
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
        <Select
          label={t('workplans.create.agreement')}
          description={t('workplans.create.agreementHint')}
          data={agreements}
          searchable
          withAsterisk
          allowDeselect={false}
          nothingFoundMessage={EMPTY}
          {...form.getInputProps('agreementId')}
        />
        <PlanFields form={form} />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={update.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { PlanDetail, PlanItem } from '../../../../shared/placementPlans.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useAdjustPlanItem, usePlanOptions, useReloadPlans } from '../api/plans.ts';
import { formatScore, plannedPlaces } from './planText.ts';

/** The choice that takes her place away. */
const NONE = 'none';

interface AdjustItemModalProps {
  plan: PlanDetail;
  /** The item to change; null keeps the modal closed. */
  item: PlanItem | null;
  onClose: () => void;
}

/** "Ubah": another place among those that suit her now, or none, with a required reason. */
export function AdjustItemModal({ plan, item, onClose }: AdjustItemModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={item !== null} onClose={onClose} title={t('planning.adjust.title')} centered size="lg">
      {item && <AdjustForm key={item.id} plan={plan} item={item} onClose={onClose} />}
    </Modal>
  );
}

interface AdjustValues {
  choice: string | null;
  reason: string;
}

function AdjustForm({ plan, item, onClose }: { plan: PlanDetail; item: PlanItem; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const adjust = useAdjustPlanItem(plan.id);
  const reload = useReloadPlans();
  const options = usePlanOptions(item.person.id);
  const name = item.person.displayName;
  const form = useForm<AdjustValues>({
    initialValues: { choice: null, reason: '' },
    validate: {
      choice: (value) => (value ? null : t('planning.adjust.choiceRequired')),
      reason: (value) => (value.trim() ? null : t('planning.adjust.reasonRequired')),
    },
  });

  // The places the plan gives to others, so that a full opportunity is shown (the server checks again).
  const planned = plannedPlaces(plan.items, item.id);
  const choices = (options.data?.items ?? [])
    .filter((recommendation) => recommendation.opportunity.id !== item.opportunity?.id)
    .map((recommendation) => {
      const opportunity = recommendation.opportunity;
      const left = Math.max(0, opportunity.placesLeft - (planned.get(opportunity.id) ?? 0));
      const label = t('planning.adjust.optionLabel', {
        title: opportunity.title,
        partner: opportunity.partner.name,
        village: opportunity.village.name,
        score: formatScore(recommendation.score, i18n.language),
      });
      return {
        value: opportunity.id,
        label: `${label} (${left > 0 ? t('planning.adjust.placesLeft', { count: left }) : t('planning.adjust.full')})`,
        disabled: left === 0,
      };
    });
  const data = [
    ...(item.opportunity ? [{ value: NONE, label: t('planning.adjust.remove') }] : []),
    ...choices,
  ];

  const submit = form.onSubmit((values) => {
    adjust.mutate(
      {
        itemId: item.id,
        opportunityId: values.choice === NONE ? null : values.choice,
        reason: values.reason.trim(),
        version: plan.version,
      },
      {
        onSuccess: () => {
          notifySuccess(t('planning.adjust.done', { name }));
          onClose();
        },
        onError: (error) => {
          if (
            isApiError(error) &&
            (isStaleVersion(error) || error.code === 'PLAN_NOT_DRAFT' || error.code === 'PLAN_RULES_CHANGED')
          ) {
            // Someone else changed or decided the plan first: say so and show it as it is now.
            if (isStaleVersion(error))
              notifications.show({ color: 'red', message: t('planning.plan.stale') });
            else notifyError(error);
            void reload();
            onClose();
            return;
          }
          showServerErrors(form, error, { renames: { opportunityId: 'choice' } });
        },
      },
    );
  }, focusFirstError);

  const current = item.opportunity
    ? `${item.opportunity.title} — ${item.opportunity.partner.name}`
    : t('planning.adjust.none');

  return (
    <form onSubmit={submit} noValidate data-adjust-plan-item>
      <Stack gap="sm">
        <Text size="sm">{t('planning.adjust.intro', { name, current })}</Text>
        <Select
          label={t('planning.adjust.choice')}
          description={t('planning.adjust.choiceHint')}
          data={data}
          withAsterisk
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          nothingFoundMessage={
            options.isPending ? t('planning.adjust.loadingOptions') : t('planning.adjust.noOptions')
          }
          {...form.getInputProps('choice')}
        />
        {options.isError && (
          <Text size="sm" c="red.9">
            {isApiError(options.error) ? options.error.message : t('errors.unexpected')}
          </Text>
        )}
        {options.isSuccess && choices.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('planning.adjust.noOptions')}
          </Text>
        )}
        <Textarea
          label={t('planning.adjust.reason')}
          description={t('planning.adjust.reasonHint')}
          autosize
          minRows={2}
          maxLength={500}
          withAsterisk
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={onClose} disabled={adjust.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={adjust.isPending}>
            {t('planning.adjust.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

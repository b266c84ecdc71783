import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Cohort, RosterEntry } from '../../../../shared/cohorts.ts';
import { DEALLOCATION_REASONS, type DeallocationReason } from '../../../../shared/enrolments.ts';
import { isApiError } from '../../../lib/api.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { cohortsKeys, useDeallocate } from '../api/cohorts.ts';

interface Values {
  reason: DeallocationReason | null;
  note: string;
}

/** Takes one participant out of the cohort with a reason (withdrawn, released, transferred, …). */
export function DeallocateModal({
  cohort,
  entry,
  onClose,
}: {
  cohort: Cohort;
  entry: RosterEntry;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const deallocate = useDeallocate(cohort.id);
  const form = useForm<Values>({
    initialValues: { reason: null, note: '' },
    validate: { reason: (value) => (value ? null : t('common.required')) },
  });

  const submit = form.onSubmit(async (values) => {
    if (!values.reason) return;
    const reason = values.reason;
    const version = entry.version;
    deallocate.mutate(
      { enrolmentId: entry.enrolmentId, reason, note: values.note.trim() || null, version },
      {
        onSuccess: () => {
          notifySuccess(t('cohorts.deallocate.done', { name: entry.fullName }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            void queryClient.invalidateQueries({ queryKey: cohortsKeys.roster(cohort.id) });
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('cohorts.deallocate.title', { name: entry.fullName })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('cohorts.deallocate.text')}</Text>
          <Select
            label={t('cohorts.deallocate.reason')}
            placeholder={t('cohorts.deallocate.reasonPlaceholder')}
            data={DEALLOCATION_REASONS.map((code) => ({
              value: code,
              label: t(`cohorts.endReason.${code}`),
            }))}
            allowDeselect={false}
            withAsterisk
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Textarea
            label={t('cohorts.deallocate.note')}
            autosize
            minRows={2}
            maxLength={500}
            {...form.getInputProps('note')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={deallocate.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={deallocate.isPending}>
              {t('cohorts.deallocate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

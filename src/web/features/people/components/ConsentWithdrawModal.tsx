import { Alert, Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consents.ts';
import { DateField } from '../../../components/DateField.tsx';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useWithdrawConsent } from '../api/records.ts';
import { todayIso } from './dates.ts';

interface WithdrawValues {
  withdrawnOn: string | null;
  reason: string;
}

/** Withdrawal with its date (default today) and reason; the modal itself is the confirmation. */
export function ConsentWithdrawModal({
  personId,
  consent,
  onClose,
}: {
  personId: string;
  consent: Consent | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const withdraw = useWithdrawConsent(personId);
  const form = useForm<WithdrawValues>({
    initialValues: { withdrawnOn: todayIso(), reason: '' },
    validate: {
      withdrawnOn: (value) => (value ? null : t('common.required')),
      reason: (value) => (value.trim() ? null : t('common.required')),
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = form.onSubmit((values) => {
    if (!consent || !values.withdrawnOn) return;
    withdraw.mutate(
      { consentId: consent.id, withdrawnOn: values.withdrawnOn, reason: values.reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('records.consents.withdrawDone'));
          close();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  return (
    <Modal opened={consent !== null} onClose={close} title={t('records.consents.withdrawTitle')} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Alert color="orange" icon={<IconAlertTriangle aria-hidden />} p="sm">
            {t('records.consents.withdrawText')}
          </Alert>
          <DateField
            label={t('records.consents.withdrawnOnLabel')}
            minDate={consent?.givenOn}
            maxDate={todayIso()}
            withAsterisk
            {...form.getInputProps('withdrawnOn')}
          />
          <Textarea
            label={t('records.consents.reason')}
            autosize
            minRows={2}
            maxLength={500}
            withAsterisk
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close} disabled={withdraw.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={withdraw.isPending}>
              {t('records.consents.withdrawConfirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

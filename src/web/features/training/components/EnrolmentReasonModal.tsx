import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Enrolment } from '../../../../shared/enrolments.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useDecideEnrolment, useReloadEnrolments, useWithdrawEnrolment } from '../api/enrolments.ts';

export type ReasonAction = 'decline' | 'withdraw';

interface EnrolmentReasonModalProps {
  /** The entry and what to do with it; null keeps the modal closed. */
  target: { enrolment: Enrolment; action: ReasonAction } | null;
  onClose: () => void;
}

/** Declining a request, or recording that she withdrew it: both need a reason, and the modal confirms. */
export function EnrolmentReasonModal({ target, onClose }: EnrolmentReasonModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={
        target
          ? t(
              target.action === 'decline'
                ? 'training.waitlist.declineTitle'
                : 'training.waitlist.withdrawTitle',
              {
                name: target.enrolment.fullName,
              },
            )
          : ''
      }
      centered
    >
      {target && (
        <ReasonForm
          key={target.enrolment.id}
          enrolment={target.enrolment}
          action={target.action}
          onClose={onClose}
        />
      )}
    </Modal>
  );
}

function ReasonForm({
  enrolment,
  action,
  onClose,
}: {
  enrolment: Enrolment;
  action: ReasonAction;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const decide = useDecideEnrolment();
  const withdraw = useWithdrawEnrolment();
  const reload = useReloadEnrolments();
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('common.required')) },
  });
  const pending = decide.isPending || withdraw.isPending;

  const onError = (error: unknown) => {
    if (isApiError(error) && (isStaleVersion(error) || error.status === 409)) {
      // Someone else acted on this entry first: say so and show the list as it is now.
      notifyError(error);
      void reload();
      onClose();
      return;
    }
    showServerErrors(form, error);
  };

  const submit = form.onSubmit((values) => {
    const reason = values.reason.trim();
    if (action === 'decline') {
      decide.mutate(
        { enrolmentId: enrolment.id, decision: 'decline', reason, version: enrolment.version },
        {
          onSuccess: () => {
            notifySuccess(t('training.waitlist.declined', { name: enrolment.fullName }));
            onClose();
          },
          onError,
        },
      );
    } else {
      withdraw.mutate(
        { enrolmentId: enrolment.id, reason, version: enrolment.version },
        {
          onSuccess: () => {
            notifySuccess(t('training.waitlist.withdrawn', { name: enrolment.fullName }));
            onClose();
          },
          onError,
        },
      );
    }
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t(action === 'decline' ? 'training.waitlist.declineText' : 'training.waitlist.withdrawText', {
            name: enrolment.fullName,
            program: enrolment.programName,
          })}
        </Text>
        <Textarea
          label={t(
            action === 'decline' ? 'training.waitlist.declineReason' : 'training.waitlist.withdrawReason',
          )}
          autosize
          minRows={2}
          maxLength={500}
          withAsterisk
          data-autofocus
          {...form.getInputProps('reason')}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={pending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" color="red.9" loading={pending}>
            {t(
              action === 'decline' ? 'training.waitlist.declineConfirm' : 'training.waitlist.withdrawConfirm',
            )}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

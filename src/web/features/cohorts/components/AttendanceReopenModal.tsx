import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import {
  ATTENDANCE_LOCK_DAYS,
  ATTENDANCE_REOPEN_HOURS,
  type AttendanceSession,
} from '../../../../shared/attendance.ts';
import { formatDate } from '../../../lib/format.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useReopenAttendance } from '../api/attendance.ts';
import { useSessionText } from './AttendanceSessionMenu.tsx';

interface ReopenModalProps {
  cohortId: string;
  session: AttendanceSession;
  onClose: () => void;
}

/** A supervisor reopens a locked session (for 48 hours), with the reason kept in the audit log. */
export function AttendanceReopenModal({ cohortId, session, onClose }: ReopenModalProps) {
  const { t } = useTranslation();
  const text = useSessionText();
  const reopen = useReopenAttendance(cohortId);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('common.required')) },
  });

  const submit = form.onSubmit((values) => {
    reopen.mutate(
      { sessionId: session.id, reason: values.reason.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('attendance.reopen.done', { date: formatDate(session.date) }));
          onClose();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('attendance.reopen.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm" fw={600}>
            {text.full(session)}
          </Text>
          <Text size="sm">
            {t('attendance.reopen.intro', {
              date: formatDate(session.date),
              days: ATTENDANCE_LOCK_DAYS,
              hours: ATTENDANCE_REOPEN_HOURS,
            })}
          </Text>
          <Textarea
            label={t('attendance.reopen.reason')}
            autosize
            minRows={2}
            maxLength={500}
            withAsterisk
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose} disabled={reopen.isPending} mih={44}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reopen.isPending} mih={44}>
              {t('attendance.reopen.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

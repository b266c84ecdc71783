import {
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarPlus, IconCalendarX } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COHORT_OPEN_STATUSES, type Cohort, type Session } from '../../../../shared/cohorts.ts';
import { DateField } from '../../../components/DateField.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY, formatDate, formatDateTime } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { cohortsKeys, useAddSession, useCancelSession, useSessions } from '../api/cohorts.ts';
import { SessionStatusBadge } from './StatusBadges.tsx';
import { useCohortFormat } from './useCohortFormat.ts';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The cohort's sessions (generated from the weekly schedule, plus extra ones); managers cancel and add. */
export function ScheduleTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const sessions = useSessions(cohort.id);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [cancelling, setCancelling] = useState<Session | null>(null);
  const [adding, setAdding] = useState(false);
  const open = (COHORT_OPEN_STATUSES as readonly string[]).includes(cohort.status);
  const canChange = cohort.access.canManage && open;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {t('cohorts.sessions.summary', {
            total: cohort.sessionsTotal,
            cancelled: cohort.sessionsCancelled,
          })}
        </Text>
        {canChange && !adding && (
          <Button
            variant="default"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            onClick={() => setAdding(true)}
          >
            {t('cohorts.sessions.add')}
          </Button>
        )}
      </Group>
      {canChange && adding && <AddSessionForm cohort={cohort} onDone={() => setAdding(false)} />}

      {sessions.isPending ? (
        <PageLoader />
      ) : sessions.isError ? (
        <QueryError error={sessions.error} onRetry={() => void sessions.refetch()} />
      ) : sessions.data.length === 0 ? (
        <Text size="sm">{t('cohorts.sessions.empty')}</Text>
      ) : wide ? (
        <SessionTable sessions={sessions.data} canChange={canChange} onCancel={setCancelling} />
      ) : (
        <SessionCards sessions={sessions.data} canChange={canChange} onCancel={setCancelling} />
      )}

      {cancelling && (
        <CancelSessionModal cohortId={cohort.id} session={cancelling} onClose={() => setCancelling(null)} />
      )}
    </Stack>
  );
}

interface SessionsProps {
  sessions: Session[];
  canChange: boolean;
  onCancel: (session: Session) => void;
}

/** A session can be cancelled while it is scheduled and no attendance was recorded for it. */
function cancellable(session: Session): boolean {
  return session.status === 'scheduled' && !session.attendanceRecordedAt;
}

function AttendanceText({ session }: { session: Session }) {
  const { t } = useTranslation();
  if (session.status === 'cancelled') return <>{EMPTY}</>;
  return (
    <>
      {session.attendanceRecordedAt
        ? t('cohorts.sessions.attendanceRecorded', { time: formatDateTime(session.attendanceRecordedAt) })
        : t('cohorts.sessions.attendanceNotRecorded')}
    </>
  );
}

function StatusCell({ session }: { session: Session }) {
  return (
    <Stack gap={2} align="flex-start">
      <SessionStatusBadge status={session.status} />
      {session.cancelReason && <Text size="xs">{session.cancelReason}</Text>}
    </Stack>
  );
}

function DateCell({ session }: { session: Session }) {
  const { t } = useTranslation();
  const format = useCohortFormat();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" fw={session.date === todayIso() ? 700 : undefined} style={{ whiteSpace: 'nowrap' }}>
        {format.sessionDate(session.date)}
      </Text>
      {session.date === todayIso() && (
        <Badge color="blue.9" radius="sm" tt="none" size="sm">
          {t('cohorts.sessions.today')}
        </Badge>
      )}
    </Group>
  );
}

function CancelButton({ session, onCancel }: { session: Session; onCancel: (session: Session) => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="default"
      c="red.9"
      leftSection={<IconCalendarX size={14} aria-hidden />}
      aria-label={t('cohorts.sessions.cancelLabel', { date: formatDate(session.date) })}
      onClick={() => onCancel(session)}
    >
      {t('cohorts.sessions.cancel')}
    </Button>
  );
}

function SessionTable({ sessions, canChange, onCancel }: SessionsProps) {
  const { t } = useTranslation();
  const format = useCohortFormat();
  return (
    <ScrollTable label={t('cohorts.sessions.tableLabel')} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cohorts.sessions.number')}</Table.Th>
          <Table.Th>{t('cohorts.sessions.date')}</Table.Th>
          <Table.Th>{t('cohorts.sessions.time')}</Table.Th>
          <Table.Th>{t('cohorts.sessions.status')}</Table.Th>
          <Table.Th>{t('cohorts.sessions.attendance')}</Table.Th>
          {canChange && <Table.Th>{t('cohorts.sessions.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sessions.map((session, index) => (
          <Table.Tr key={session.id}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>
              <DateCell session={session} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {format.timeRange(session.start, session.end)}
            </Table.Td>
            <Table.Td>
              <StatusCell session={session} />
            </Table.Td>
            <Table.Td>
              <AttendanceText session={session} />
            </Table.Td>
            {canChange && (
              <Table.Td>
                {cancellable(session) && <CancelButton session={session} onCancel={onCancel} />}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function SessionCards({ sessions, canChange, onCancel }: SessionsProps) {
  const { t } = useTranslation();
  const format = useCohortFormat();
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('cohorts.sessions.tableLabel')}
    >
      {sessions.map((session) => (
        <Card key={session.id} component="li" withBorder padding="xs">
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <Stack gap={0}>
              <DateCell session={session} />
              <Text size="sm">{format.timeRange(session.start, session.end)}</Text>
            </Stack>
            <StatusCell session={session} />
          </Group>
          {session.status === 'scheduled' && (
            <Text size="xs" mt={4}>
              {t('cohorts.sessions.attendance')}: <AttendanceText session={session} />
            </Text>
          )}
          {canChange && cancellable(session) && (
            <Group justify="flex-end" mt={4}>
              <CancelButton session={session} onCancel={onCancel} />
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}

function CancelSessionModal({
  cohortId,
  session,
  onClose,
}: {
  cohortId: string;
  session: Session;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cancel = useCancelSession(cohortId);
  const format = useCohortFormat();
  const date = format.sessionDate(session.date);
  const form = useForm({
    initialValues: { reason: '' },
    validate: { reason: (value) => (value.trim() ? null : t('common.required')) },
  });

  const submit = form.onSubmit((values) => {
    cancel.mutate(
      { sessionId: session.id, reason: values.reason.trim(), version: session.version },
      {
        onSuccess: () => {
          notifySuccess(t('cohorts.sessions.cancelled', { date }));
          onClose();
        },
        onError: (error) => {
          if (isApiError(error) && error.status === 409) {
            void queryClient.invalidateQueries({ queryKey: cohortsKeys.sessions(cohortId) });
            const message =
              error.code === 'TRAINING_SESSION_CHANGED' ? t('cohorts.sessions.changed') : error.message;
            form.setErrors({ reason: message });
            return;
          }
          showServerErrors(form, error);
        },
      },
    );
  });

  return (
    <Modal opened onClose={onClose} title={t('cohorts.sessions.cancelTitle', { date })} centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">
            {format.timeRange(session.start, session.end)}. {t('cohorts.sessions.cancelText')}
          </Text>
          <Textarea
            label={t('cohorts.sessions.cancelReason')}
            placeholder={t('cohorts.sessions.cancelReasonPlaceholder')}
            withAsterisk
            autosize
            minRows={2}
            maxLength={500}
            data-autofocus
            {...form.getInputProps('reason')}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={onClose} disabled={cancel.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red.9" loading={cancel.isPending}>
              {t('cohorts.sessions.cancelSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AddSessionForm({ cohort, onDone }: { cohort: Cohort; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useAddSession(cohort.id);
  const format = useCohortFormat();
  const first = cohort.schedule[0];
  const today = todayIso();
  const form = useForm<{ date: string | null; start: string; end: string }>({
    initialValues: { date: null, start: first?.start ?? '', end: first?.end ?? '' },
    validate: {
      date: (value) => (value ? null : t('common.required')),
      start: (value) => (TIME.test(value) ? null : t('common.required')),
      end: (value, values) =>
        !TIME.test(value)
          ? t('common.required')
          : TIME.test(values.start) && value <= values.start
            ? t('cohorts.form.slotEndBeforeStart')
            : null,
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.date) return;
    const date = values.date;
    add.mutate(
      { date, start: values.start, end: values.end },
      {
        onSuccess: () => {
          notifySuccess(t('cohorts.sessions.added', { date: format.sessionDate(date) }));
          onDone();
        },
        onError: (error) => showServerErrors(form, error),
      },
    );
  }, focusFirstError);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-session-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h5" id="add-session-title">
            {t('cohorts.sessions.addTitle')}
          </Title>
          <Text size="sm">
            {t('cohorts.sessions.addIntro', {
              start: formatDate(cohort.startDate),
              end: formatDate(cohort.endDate),
            })}
          </Text>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
            <DateField
              label={t('cohorts.sessions.addDate')}
              withAsterisk
              defaultDate={today >= cohort.startDate && today <= cohort.endDate ? today : cohort.startDate}
              {...form.getInputProps('date')}
            />
            <TimeInput label={t('cohorts.sessions.addStart')} withAsterisk {...form.getInputProps('start')} />
            <TimeInput label={t('cohorts.sessions.addEnd')} withAsterisk {...form.getInputProps('end')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onDone} disabled={add.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('cohorts.sessions.addSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

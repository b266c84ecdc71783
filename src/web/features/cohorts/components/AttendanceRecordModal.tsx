import {
  Alert,
  Badge,
  Box,
  Button,
  Checkbox,
  Chip,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertCircle, IconChecks } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ABSENCE_REASONS,
  type AbsenceReason,
  type AttendanceGrid,
  type AttendancePerson,
} from '../../../../shared/attendance.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useRecordAttendance } from '../api/attendance.ts';
import {
  type Absence,
  type Absences,
  buildExceptions,
  countMarks,
  exceptionErrors,
  recordablePeople,
  recordableSessions,
  recordedAbsences,
} from './AttendanceModel.ts';
import { useSessionText } from './AttendanceSessionMenu.tsx';

interface RecordModalProps {
  cohortId: string;
  grid: AttendanceGrid;
  /** The session to open on. */
  sessionId: string;
  onClose: () => void;
  /** The grid is stale (someone else recorded meanwhile): load it again. */
  onStale: () => void;
}

/**
 * Records one session: everyone on the list is present until tapped; a tapped person is absent and gets a
 * reason (and a note for "other"). One "Simpan absensi" sends the whole session in one request.
 */
export function AttendanceRecordModal({
  cohortId,
  grid,
  sessionId: initialId,
  onClose,
  onStale,
}: RecordModalProps) {
  const { t } = useTranslation();
  const text = useSessionText();
  const phone = useMediaQuery('(max-width: 36em)');
  const record = useRecordAttendance(cohortId);
  const [sessionId, setSessionId] = useState(initialId);
  const [absences, setAbsences] = useState<Absences>(() => recordedAbsences(grid, initialId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const sessions = useMemo(() => {
    const list = recordableSessions(grid.sessions);
    // The session asked for stays choosable even if it stopped being recordable meanwhile.
    const asked = grid.sessions.find((session) => session.id === initialId);
    return asked && !list.includes(asked) ? [asked, ...list] : list;
  }, [grid.sessions, initialId]);
  const session = grid.sessions.find((item) => item.id === sessionId);
  // The session's class: who was allocated by its date.
  const people = useMemo(() => recordablePeople(grid.people, session), [grid.people, session]);
  const counts = countMarks(people, absences);

  const chooseSession = (id: string | null) => {
    if (!id) return;
    setSessionId(id);
    setAbsences(recordedAbsences(grid, id));
    setErrors({});
    setFormError(null);
  };

  const update = (enrolmentId: string, absence: Absence | null) => {
    setAbsences((current) => {
      const next = { ...current };
      if (absence) next[enrolmentId] = absence;
      else delete next[enrolmentId];
      return next;
    });
    setErrors(({ [enrolmentId]: _removed, ...rest }) => rest);
  };

  const allPresent = () => {
    setAbsences({});
    setErrors({});
  };

  const save = () => {
    if (!session) return;
    setFormError(null);
    const built = buildExceptions(people, absences);
    if (!built.ok) {
      setErrors(
        Object.fromEntries(
          Object.entries(built.errors).map(([id, problem]) => [
            id,
            problem === 'note' ? t('attendance.record.noteRequired') : t('attendance.record.reasonRequired'),
          ]),
        ),
      );
      setFormError(t('attendance.record.fixErrors'));
      focusFirstProblem();
      return;
    }
    record.mutate(
      { sessionId: session.id, exceptions: built.exceptions, version: session.version },
      {
        onSuccess: () => {
          notifySuccess(
            t('attendance.record.saved', {
              date: formatDate(session.date),
              present: counts.present,
              absent: counts.absent,
            }),
          );
          onClose();
        },
        onError: (error) => {
          if (!isApiError(error)) {
            setFormError(t('errors.unexpected'));
            return;
          }
          const { byEnrolment, rest } = exceptionErrors(error.fields, built.order);
          setErrors(byEnrolment);
          setFormError(rest.length > 0 ? rest.join(' ') : error.message);
          if (error.status === 409) onStale();
          if (Object.keys(byEnrolment).length > 0) focusFirstProblem();
        },
      },
    );
  };

  return (
    <Modal
      opened
      onClose={onClose}
      title={t('attendance.record.title')}
      size="lg"
      fullScreen={phone}
      closeOnClickOutside={false}
    >
      <Stack gap="sm">
        <Select
          label={t('attendance.record.session')}
          data={sessions.map((item) => ({ value: item.id, label: text.option(item, grid.today) }))}
          value={sessionId}
          onChange={chooseSession}
          allowDeselect={false}
          size="md"
        />
        {session?.recordedAt && (
          <Text size="sm">
            {t('attendance.record.rerecord', { time: formatDateTime(session.recordedAt) })}
          </Text>
        )}
        {people.length === 0 ? (
          <Text size="sm">{t('attendance.record.nobody')}</Text>
        ) : (
          <>
            <Group justify="space-between" gap="xs" wrap="wrap">
              <Text size="sm" style={{ flex: '1 1 220px' }}>
                {t('attendance.record.instructions')}
              </Text>
              <Button
                variant="default"
                leftSection={<IconChecks size={18} aria-hidden />}
                onClick={allPresent}
                mih={44}
              >
                {t('attendance.record.allPresent')}
              </Button>
            </Group>
            <Stack
              gap={6}
              component="ul"
              aria-label={t('attendance.record.people')}
              style={{ listStyle: 'none', padding: 0, margin: 0 }}
            >
              {people.map((person) => (
                <PersonRow
                  key={person.enrolmentId}
                  person={person}
                  absence={absences[person.enrolmentId]}
                  error={errors[person.enrolmentId]}
                  onChange={(absence) => update(person.enrolmentId, absence)}
                />
              ))}
            </Stack>
          </>
        )}
        <Box
          pos="sticky"
          bottom={0}
          py="sm"
          bg="var(--mantine-color-body)"
          style={{ borderTop: '1px solid var(--mantine-color-gray-3)', zIndex: 2 }}
        >
          <Stack gap="xs">
            {formError && (
              <Alert
                variant="filled"
                color="red.9"
                icon={<IconAlertCircle aria-hidden />}
                role="alert"
                p="xs"
              >
                {formError}
              </Alert>
            )}
            <Group justify="space-between" gap="sm" wrap="wrap">
              <Text fw={600} aria-live="polite">
                {t('attendance.record.counts', counts)}
              </Text>
              <Group gap="sm">
                <Button variant="default" onClick={onClose} mih={44} disabled={record.isPending}>
                  {t('common.cancel')}
                </Button>
                <Button onClick={save} loading={record.isPending} disabled={!session} mih={44}>
                  {t('attendance.record.save')}
                </Button>
              </Group>
            </Group>
          </Stack>
        </Box>
      </Stack>
    </Modal>
  );
}

function focusFirstProblem() {
  window.requestAnimationFrame(() => {
    document.querySelector<HTMLElement>('[data-attendance-problem] input')?.focus();
  });
}

interface PersonRowProps {
  person: AttendancePerson;
  absence: Absence | undefined;
  error: string | undefined;
  onChange: (absence: Absence | null) => void;
}

/** One person: a large tap target (a checkbox "absent"), then the reason chips and the note when absent. */
function PersonRow({ person, absence, error, onChange }: PersonRowProps) {
  const { t } = useTranslation();
  const absent = absence !== undefined;
  const errorId = `attendance-error-${person.enrolmentId}`;
  return (
    <Box
      component="li"
      data-attendance-problem={error ? true : undefined}
      style={{
        border: `${error ? 2 : 1}px solid var(--mantine-color-${error ? 'red-9' : absent ? 'red-5' : 'gray-3'})`,
        borderRadius: 'var(--mantine-radius-md)',
        background: absent ? 'var(--mantine-color-red-0)' : undefined,
      }}
    >
      <Checkbox.Card
        checked={absent}
        onChange={(checked) => onChange(checked ? { reason: null, note: '' } : null)}
        aria-label={t('attendance.record.markAbsent', { name: person.fullName })}
        withBorder={false}
        radius="md"
        p="sm"
        mih={48}
        style={{ background: 'transparent' }}
      >
        <Group wrap="nowrap" gap="sm" align="center">
          <Checkbox.Indicator size="md" color="red.9" />
          <Text fw={500} style={{ flex: 1, overflowWrap: 'anywhere' }}>
            {person.fullName}
          </Text>
          <Badge variant="filled" color={absent ? 'red.9' : 'teal.9'} style={{ flexShrink: 0 }}>
            {absent
              ? absence.reason
                ? t(`attendance.reason.${absence.reason}`)
                : t('attendance.absent')
              : t('attendance.present')}
          </Badge>
        </Group>
      </Checkbox.Card>
      {absent && (
        <Stack gap="xs" px="sm" pb="sm">
          <Chip.Group
            value={absence.reason ?? ''}
            onChange={(value) => onChange({ ...absence, reason: value as AbsenceReason })}
          >
            <Group
              gap={6}
              role="radiogroup"
              aria-label={t('attendance.record.reasonGroup', { name: person.fullName })}
              aria-describedby={error ? errorId : undefined}
            >
              {ABSENCE_REASONS.map((reason) => (
                <Chip
                  key={reason}
                  value={reason}
                  size="md"
                  color="red.9"
                  styles={{ label: { height: 44, paddingInline: 14 } }}
                >
                  {t(`attendance.reason.${reason}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <TextInput
            label={t('attendance.record.note')}
            aria-label={t('attendance.record.noteFor', { name: person.fullName })}
            value={absence.note}
            onChange={(event) => onChange({ ...absence, note: event.currentTarget.value })}
            maxLength={500}
            withAsterisk={absence.reason === 'other'}
            size="md"
          />
          {error && (
            <Text id={errorId} size="sm" c="red.9" fw={500}>
              {error}
            </Text>
          )}
        </Stack>
      )}
    </Box>
  );
}

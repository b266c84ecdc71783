import {
  ActionIcon,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconChecks, IconTrash, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus, type Attendee } from '../../../../shared/meetings.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY, orDash } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSaveAttendance, useUpdateMeeting } from '../api/meetings.ts';
import { AttendeePicker } from './AttendeePicker.tsx';
import { AttendanceBadge } from './badges.tsx';
import { useMeetingPage } from './MeetingPageContext.tsx';
import { type AttendeeRow, attendeeRowsOf, updateMeetingRequest, withoutAttendee } from './meetingForm.ts';

/**
 * Daftar hadir: the attendees with their attendance. The organizer's staff set each row's attendance (saved
 * at once), mark everyone present in one step ("Semua hadir", then the exceptions), add a user or a guest,
 * and remove a row.
 */
export function AttendanceTab() {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const save = useSaveAttendance(meeting.id);
  const update = useUpdateMeeting(meeting.id);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Attendee | null>(null);
  const [savedName, setSavedName] = useState<string | null>(null);
  const editable = meeting.canEdit;

  const setAttendance = (attendee: Attendee, attendance: AttendanceStatus) => {
    if (attendance === attendee.attendance) return;
    save.mutate(
      { version: meeting.version, items: [{ attendeeId: attendee.id, attendance }] },
      {
        onSuccess: () => setSavedName(attendee.name),
        onError: (error) => onError(error),
      },
    );
  };

  const allPresent = () =>
    save.mutate(
      { version: meeting.version, allPresent: true },
      {
        onSuccess: () => notifySuccess(t('meetings.attendees.allPresentDone')),
        onError: (error) => onError(error),
      },
    );

  const add = (row: AttendeeRow) =>
    update.mutate(updateMeetingRequest(meeting, { attendees: [...attendeeRowsOf(meeting), row] }), {
      onSuccess: () => {
        notifySuccess(t('meetings.attendees.added', { name: row.name }));
        setAdding(false);
      },
      onError: (error) => onError(error),
    });

  const remove = (attendee: Attendee) =>
    update.mutate(updateMeetingRequest(meeting, { attendees: withoutAttendee(meeting, attendee.id) }), {
      onSuccess: () => {
        notifySuccess(t('meetings.attendees.removed', { name: attendee.name }));
        setRemoving(null);
      },
      onError: (error) => {
        onError(error);
        setRemoving(null);
      },
    });

  const rowProps = {
    editable,
    busy: save.isPending || update.isPending,
    onAttendance: setAttendance,
    onRemove: setRemoving,
  };
  const { attendance } = meeting;

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.attendees.title')}
        </Title>
        {editable && (
          <Group gap="xs">
            <Button
              leftSection={<IconChecks size={16} aria-hidden />}
              onClick={allPresent}
              loading={save.isPending && save.variables?.allPresent === true}
              disabled={meeting.attendees.length === 0 || update.isPending}
            >
              {t('meetings.attendees.allPresent')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconUserPlus size={16} aria-hidden />}
              onClick={() => setAdding(true)}
            >
              {t('meetings.attendees.add')}
            </Button>
          </Group>
        )}
      </Group>
      <Text size="sm">{t('meetings.page.attendanceCounts', attendance)}</Text>
      {/* Each row's save is said to screen readers (the select itself shows the new value). */}
      <VisuallyHidden aria-live="polite">
        {savedName ? t('meetings.attendees.saved', { name: savedName }) : ''}
      </VisuallyHidden>
      {meeting.attendees.length === 0 ? (
        <Text size="sm">{t('meetings.attendees.none')}</Text>
      ) : wide ? (
        <AttendeeTable attendees={meeting.attendees} {...rowProps} />
      ) : (
        <AttendeeCards attendees={meeting.attendees} {...rowProps} />
      )}

      <Modal
        opened={adding}
        onClose={() => setAdding(false)}
        title={t('meetings.attendees.addTitle')}
        size="lg"
        centered
      >
        <AttendeePicker rows={attendeeRowsOf(meeting)} onAdd={add} busy={update.isPending} />
      </Modal>
      <ConfirmModal
        opened={removing !== null}
        title={t('meetings.attendees.removeTitle')}
        confirmLabel={t('meetings.attendees.removeConfirm')}
        confirmColor="red.9"
        loading={update.isPending}
        onConfirm={() => removing && remove(removing)}
        onClose={() => setRemoving(null)}
      >
        {t('meetings.attendees.removeText', { name: removing?.name ?? '' })}
      </ConfirmModal>
    </Stack>
  );
}

interface RowProps {
  attendees: Attendee[];
  editable: boolean;
  busy: boolean;
  onAttendance: (attendee: Attendee, attendance: AttendanceStatus) => void;
  onRemove: (attendee: Attendee) => void;
}

function AttendanceCell({
  attendee,
  editable,
  busy,
  onAttendance,
}: Omit<RowProps, 'attendees' | 'onRemove'> & { attendee: Attendee }) {
  const { t } = useTranslation();
  if (!editable) return <AttendanceBadge attendance={attendee.attendance} />;
  return (
    <Select
      aria-label={t('meetings.attendees.attendanceOf', { name: attendee.name })}
      data={ATTENDANCE_STATUSES.map((status) => ({
        value: status,
        label: t(`meetings.attendance.${status}`),
      }))}
      value={attendee.attendance}
      allowDeselect={false}
      disabled={busy}
      w={150}
      size="xs"
      onChange={(value) => value && onAttendance(attendee, value as AttendanceStatus)}
    />
  );
}

function RemoveButton({
  attendee,
  busy,
  onRemove,
}: {
  attendee: Attendee;
  busy: boolean;
  onRemove: (attendee: Attendee) => void;
}) {
  const { t } = useTranslation();
  return (
    <ActionIcon
      variant="subtle"
      color="red.9"
      size="lg"
      aria-label={t('meetings.attendees.remove', { name: attendee.name })}
      disabled={busy}
      onClick={() => onRemove(attendee)}
    >
      <IconTrash size={18} aria-hidden />
    </ActionIcon>
  );
}

function AttendeeTable({ attendees, editable, busy, onAttendance, onRemove }: RowProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('meetings.attendees.listLabel')} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('meetings.attendees.number')}</Table.Th>
          <Table.Th>{t('meetings.attendees.name')}</Table.Th>
          <Table.Th>{t('meetings.attendees.jobTitle')}</Table.Th>
          <Table.Th>{t('meetings.attendees.organization')}</Table.Th>
          <Table.Th>{t('meetings.attendees.attendance')}</Table.Th>
          {editable && (
            <Table.Th>
              <VisuallyHidden>{t('meetings.attendees.actions')}</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {attendees.map((attendee, index) => (
          <Table.Tr key={attendee.id} data-attendee-id={attendee.id}>
            <Table.Td>{index + 1}</Table.Td>
            <Table.Td>
              <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                {attendee.name}
              </Text>
              {attendee.kind === 'guest' && (
                <Text size="xs" c="dimmed">
                  {t('meetings.attendees.guest')}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{orDash(attendee.jobTitle)}</Table.Td>
            <Table.Td>{orDash(attendee.organizationName)}</Table.Td>
            <Table.Td>
              <AttendanceCell
                attendee={attendee}
                editable={editable}
                busy={busy}
                onAttendance={onAttendance}
              />
            </Table.Td>
            {editable && (
              <Table.Td>
                <RemoveButton attendee={attendee} busy={busy} onRemove={onRemove} />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each attendee is a card with the same facts and the same select. */
function AttendeeCards({ attendees, editable, busy, onAttendance, onRemove }: RowProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      component="ol"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('meetings.attendees.listLabel')}
    >
      {attendees.map((attendee, index) => (
        <Card key={attendee.id} component="li" withBorder padding="sm" data-attendee-id={attendee.id}>
          <Group justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
            <div style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                {index + 1}. {attendee.name}
                {attendee.kind === 'guest' && ` (${t('meetings.attendees.guest')})`}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {[attendee.jobTitle, attendee.organizationName].filter(Boolean).join(', ') || EMPTY}
              </Text>
            </div>
            {editable && <RemoveButton attendee={attendee} busy={busy} onRemove={onRemove} />}
          </Group>
          <Group mt="xs">
            <AttendanceCell attendee={attendee} editable={editable} busy={busy} onAttendance={onAttendance} />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

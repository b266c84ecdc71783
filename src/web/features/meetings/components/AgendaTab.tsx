import {
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconListDetails, IconPencil } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActionItem, type AgendaItem, MEETING_LIMITS } from '../../../../shared/meetings.ts';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSaveMinutes, useUpdateMeeting } from '../api/meetings.ts';
import { ActionItemStatusBadge } from './badges.tsx';
import { FromMeeting } from './FromMeeting.tsx';
import { useMeetingPage } from './MeetingPageContext.tsx';
import {
  type AgendaRow,
  agendaRowsOf,
  minutesRequest,
  newAgendaRow,
  updateMeetingRequest,
} from './meetingForm.ts';
import { actionItemsInOrder } from './meetingText.ts';

/**
 * The agenda with the minutes of each item (notulen). The organizer's staff write an item's minutes in
 * place and change the agenda itself; the carry-over item lists the action items carried into the meeting
 * with their status as it is now.
 */
export function AgendaTab() {
  const { t } = useTranslation();
  const { meeting } = useMeetingPage();
  const [editingAgenda, setEditingAgenda] = useState(false);
  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.agenda.title')}
        </Title>
        {meeting.canEdit && (
          <Button
            variant="default"
            leftSection={<IconListDetails size={16} aria-hidden />}
            onClick={() => setEditingAgenda(true)}
          >
            {t('meetings.agenda.edit')}
          </Button>
        )}
      </Group>
      {meeting.agenda.length === 0 ? (
        <Text size="sm">{t('meetings.agenda.empty')}</Text>
      ) : (
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {meeting.agenda.map((item, index) => (
            <AgendaItemCard key={item.id} item={item} number={index + 1} />
          ))}
        </Stack>
      )}
      <Modal
        opened={editingAgenda}
        onClose={() => setEditingAgenda(false)}
        title={t('meetings.agenda.editTitle')}
        size="lg"
        centered
      >
        <AgendaEditor onClose={() => setEditingAgenda(false)} />
      </Modal>
    </Stack>
  );
}

function AgendaItemCard({ item, number }: { item: AgendaItem; number: number }) {
  const { t } = useTranslation();
  const { meeting } = useMeetingPage();
  const [editing, setEditing] = useState(false);
  const headingId = `agenda-item-${item.id}`;
  return (
    <Paper withBorder p="sm" component="li" aria-labelledby={headingId} data-agenda-kind={item.kind}>
      <Group gap="xs" align="baseline" wrap="wrap">
        <Title order={3} fz="md" id={headingId} style={{ overflowWrap: 'anywhere' }}>
          {number}. {item.title}
        </Title>
        {item.kind === 'carry_over' && (
          <Badge color="grape.9" radius="sm" tt="none">
            {t('meetings.agenda.carryOverBadge')}
          </Badge>
        )}
      </Group>
      {item.presenter && (
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.presentedBy', { name: item.presenter })}
        </Text>
      )}
      {item.kind === 'carry_over' && <CarriedItems items={meeting.carriedOver} />}
      <Stack gap={4} mt="sm">
        <Text size="sm" fw={600}>
          {t('meetings.agenda.minutes')}
        </Text>
        {editing ? (
          <MinutesEditor item={item} onClose={() => setEditing(false)} />
        ) : (
          <>
            {item.minutes ? (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {item.minutes}
              </Text>
            ) : (
              <Text size="sm" c="dimmed">
                {t('meetings.agenda.noMinutes')}
              </Text>
            )}
            {meeting.canEdit && (
              <div>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPencil size={14} aria-hidden />}
                  onClick={() => setEditing(true)}
                  aria-label={t('meetings.agenda.minutesButtonLabel', {
                    action: item.minutes
                      ? t('meetings.agenda.editMinutes')
                      : t('meetings.agenda.writeMinutes'),
                    title: item.title,
                  })}
                >
                  {item.minutes ? t('meetings.agenda.editMinutes') : t('meetings.agenda.writeMinutes')}
                </Button>
              </div>
            )}
          </>
        )}
      </Stack>
    </Paper>
  );
}

/** The action items carried into this meeting: owner, due date and their status now. */
function CarriedItems({ items }: { items: ActionItem[] }) {
  const { t } = useTranslation();
  if (items.length === 0)
    return (
      <Text size="sm" mt="xs">
        {t('meetings.agenda.noCarried')}
      </Text>
    );
  return (
    <Stack
      gap="xs"
      mt="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('meetings.agenda.carriedLabel')}
    >
      {actionItemsInOrder(items).map((item) => (
        <Paper
          key={item.id}
          component="li"
          withBorder
          p="xs"
          bg={item.overdue ? 'red.0' : undefined}
          data-action-item-id={item.id}
        >
          <Group justify="space-between" gap="xs" align="flex-start">
            <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere', minWidth: 0 }}>
              {item.title}
            </Text>
            <Group gap={4}>
              <ActionItemStatusBadge status={item.status} overdue={item.overdue} />
            </Group>
          </Group>
          <Text size="sm">
            {t('meetings.actions.ownerLine', {
              organization: item.ownerOrganization.name,
              name: item.ownerName,
            })}
          </Text>
          <Text size="sm">{t('meetings.actions.dueLine', { date: formatDate(item.dueOn) })}</Text>
          {item.progressNote && (
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.progressNote}
            </Text>
          )}
          <FromMeeting meeting={item.meeting} />
        </Paper>
      ))}
    </Stack>
  );
}

function MinutesEditor({ item, onClose }: { item: AgendaItem; onClose: () => void }) {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const save = useSaveMinutes(meeting.id);
  const [text, setText] = useState(item.minutes ?? '');
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  // The officer opened the editor to write: the box takes the focus.
  useEffect(() => box.current?.focus(), []);
  const submit = () =>
    save.mutate(minutesRequest(meeting, { minutes: { agendaItemId: item.id, text } }), {
      onSuccess: () => {
        notifySuccess(t('meetings.agenda.minutesSaved'));
        onClose();
      },
      onError: (failure) => {
        // The minutes' own field error (too long) goes under the box; the rest as the page says.
        const fields = isApiError(failure) ? (failure.fields ?? {}) : {};
        const own = Object.entries(fields).find(([path]) => path.startsWith('agenda.'));
        if (own) setError(own[1]);
        else onError(failure);
      },
    });
  return (
    <Stack gap="xs">
      <Textarea
        label={t('meetings.agenda.minutesFor', { title: item.title })}
        autosize
        minRows={4}
        maxRows={20}
        maxLength={20_000}
        value={text}
        error={error}
        ref={box}
        onChange={(event) => {
          setText(event.currentTarget.value);
          setError(null);
        }}
      />
      <Group gap="xs">
        <Button size="xs" loading={save.isPending} onClick={submit}>
          {t('meetings.agenda.saveMinutes')}
        </Button>
        <Button size="xs" variant="default" onClick={onClose} disabled={save.isPending}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The agenda itself: titles and presenters, rows added and removed (an item removed loses its minutes). The
 * carry-over item stays first with its fixed title; only its presenter changes.
 */
function AgendaEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const update = useUpdateMeeting(meeting.id);
  const form = useForm<{ agenda: AgendaRow[] }>({
    initialValues: { agenda: agendaRowsOf(meeting) },
    validate: { agenda: { title: (value) => (value.trim() ? null : t('common.required')) } },
  });
  const rows = form.getValues().agenda;
  const submit = form.onSubmit(({ agenda }) => {
    update.mutate(updateMeetingRequest(meeting, { agenda }), {
      onSuccess: () => {
        notifySuccess(t('meetings.agenda.saved'));
        onClose();
      },
      onError: (error) => onError(error, form),
    });
  }, focusFirstError);
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('meetings.agenda.editHint')}
        </Text>
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row, index) => {
            const number = index + 1;
            const carry = row.kind === 'carry_over';
            return (
              <Paper key={row.key} withBorder p="sm" component="li" data-testid="agenda-edit-row">
                <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                  <Title order={3} fz="sm">
                    {t('meetings.agenda.itemNumber', { number })}
                  </Title>
                  {!carry && (
                    <RemoveRowButton
                      label={t('meetings.agenda.remove', { number })}
                      onClick={() => form.removeListItem('agenda', index)}
                    />
                  )}
                </Group>
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <TextInput
                    label={t('meetings.agenda.itemTitle', { number })}
                    withAsterisk={!carry}
                    readOnly={carry}
                    description={carry ? t('meetings.agenda.carryOverFixed') : undefined}
                    maxLength={300}
                    {...form.getInputProps(`agenda.${index}.title`)}
                  />
                  <TextInput
                    label={t('meetings.agenda.presenter', { number })}
                    maxLength={200}
                    {...form.getInputProps(`agenda.${index}.presenter`)}
                  />
                </SimpleGrid>
              </Paper>
            );
          })}
        </Stack>
        {rows.length < MEETING_LIMITS.agenda && (
          <AddRowButton onClick={() => form.insertListItem('agenda', newAgendaRow())}>
            {t('meetings.agenda.add')}
          </AddRowButton>
        )}
        <Group justify="flex-end" gap="sm" mt="sm">
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

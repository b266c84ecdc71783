import { Button, Group, Paper, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MEETING_LIMITS } from '../../../../shared/meetings.ts';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { focusFirstError } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSaveMinutes } from '../api/meetings.ts';
import { useMeetingPage } from './MeetingPageContext.tsx';
import { type DecisionRow, decisionRowsOf, minutesRequest, newDecisionRow } from './meetingForm.ts';

/** Keputusan: the decisions of the meeting, each optionally under an agenda item; edited as one list. */
export function DecisionsTab() {
  const { t } = useTranslation();
  const { meeting } = useMeetingPage();
  const [editing, setEditing] = useState(false);
  const agendaTitle = new Map(meeting.agenda.map((item, index) => [item.id, `${index + 1}. ${item.title}`]));

  return (
    <Stack gap="sm">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h4">
          {t('meetings.decisions.title')}
        </Title>
        {meeting.canEdit && !editing && (
          <Button
            variant="default"
            leftSection={<IconPencil size={16} aria-hidden />}
            onClick={() => setEditing(true)}
          >
            {t('meetings.decisions.edit')}
          </Button>
        )}
      </Group>
      {editing ? (
        <DecisionsEditor onClose={() => setEditing(false)} />
      ) : meeting.decisions.length === 0 ? (
        <Text size="sm">{t('meetings.decisions.empty')}</Text>
      ) : (
        <Stack
          gap="xs"
          component="ol"
          p={0}
          m={0}
          style={{ listStyle: 'none' }}
          aria-label={t('meetings.decisions.title')}
        >
          {meeting.decisions.map((decision, index) => (
            <Paper key={decision.id} component="li" withBorder p="sm" data-decision-id={decision.id}>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                <strong>{index + 1}.</strong> {decision.text}
              </Text>
              {decision.agendaItemId && agendaTitle.has(decision.agendaItemId) && (
                <Text size="xs" c="dimmed" mt={4}>
                  {t('meetings.decisions.underAgenda', { title: agendaTitle.get(decision.agendaItemId) })}
                </Text>
              )}
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function DecisionsEditor({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { meeting, onError } = useMeetingPage();
  const save = useSaveMinutes(meeting.id);
  const form = useForm<{ decisions: DecisionRow[] }>({
    initialValues: { decisions: meeting.decisions.length > 0 ? decisionRowsOf(meeting) : [newDecisionRow()] },
    validate: { decisions: { text: (value) => (value.trim() ? null : t('common.required')) } },
  });
  const rows = form.getValues().decisions;
  const agendaOptions = meeting.agenda.map((item, index) => ({
    value: item.id,
    label: `${index + 1}. ${item.title}`,
  }));

  const submit = form.onSubmit(({ decisions }) => {
    save.mutate(minutesRequest(meeting, { decisions }), {
      onSuccess: () => {
        notifySuccess(t('meetings.decisions.saved'));
        onClose();
      },
      onError: (error) => onError(error, form),
    });
  }, focusFirstError);

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('meetings.decisions.editHint')}
        </Text>
        <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
          {rows.map((row, index) => {
            const number = index + 1;
            return (
              <Paper key={row.key} withBorder p="sm" component="li" data-testid="decision-row">
                <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                  <Title order={3} fz="sm">
                    {t('meetings.decisions.number', { number })}
                  </Title>
                  <RemoveRowButton
                    label={t('meetings.decisions.remove', { number })}
                    onClick={() => form.removeListItem('decisions', index)}
                  />
                </Group>
                <Stack gap="sm">
                  <Textarea
                    label={t('meetings.decisions.text', { number })}
                    withAsterisk
                    autosize
                    minRows={2}
                    maxRows={8}
                    maxLength={2000}
                    {...form.getInputProps(`decisions.${index}.text`)}
                  />
                  <Select
                    label={t('meetings.decisions.agendaItem', { number })}
                    placeholder={t('meetings.decisions.noAgendaItem')}
                    data={agendaOptions}
                    clearable
                    {...form.getInputProps(`decisions.${index}.agendaItemId`)}
                  />
                </Stack>
              </Paper>
            );
          })}
        </Stack>
        {rows.length < MEETING_LIMITS.decisions && (
          <AddRowButton onClick={() => form.insertListItem('decisions', newDecisionRow())}>
            {t('meetings.decisions.add')}
          </AddRowButton>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('meetings.decisions.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

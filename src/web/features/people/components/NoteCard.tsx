import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { IconCornerDownRight, IconEdit, IconPencilCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/notes.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useUpdateNote } from '../api/records.ts';
import { NoteVisibilityBadge } from './NoteVisibilityBadge.tsx';

interface NoteCardProps {
  personId: string;
  note: Note;
  /** The note this one corrects, when it is on the same page. */
  corrected: Note | undefined;
  /** The caller may write notes (so may add a correction). */
  canWrite: boolean;
  onCorrect: (note: Note) => void;
}

/** One note: kind, visibility, who and when, the text; edit within 24 hours, afterwards "Tambah koreksi". */
export function NoteCard({ personId, note, corrected, canWrite, onCorrect }: NoteCardProps) {
  const { t } = useTranslation();
  const update = useUpdateNote(personId);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(note.body);
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    if (!text.trim()) {
      setError(t('common.required'));
      return;
    }
    update.mutate(
      { noteId: note.id, body: text.trim(), version: note.version },
      {
        onSuccess: () => {
          notifySuccess(t('records.notes.updated'));
          setEditing(false);
          setError(null);
        },
        onError: (failure) => notifyError(failure),
      },
    );
  };

  return (
    <Paper
      withBorder
      p="md"
      component="article"
      aria-labelledby={`note-${note.id}-meta`}
      id={`note-${note.id}`}
    >
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Badge color="blue.9" variant="filled">
            {t(`records.notes.kinds.${note.kind}`)}
          </Badge>
          <NoteVisibilityBadge visibility={note.visibility} />
          {note.correctedByNoteIds.length > 0 && (
            <Badge color="grape.9" variant="filled">
              {t('records.notes.corrected')}
            </Badge>
          )}
        </Group>
        <Text size="sm" c="dimmed" id={`note-${note.id}-meta`}>
          {t('records.notes.meta', {
            author: note.authorName,
            organization: note.organizationName,
            time: formatDateTime(note.createdAt),
          })}
          {note.edited && ` (${t('records.notes.edited')})`}
        </Text>
        {note.correctsNoteId && (
          <Text size="sm" c="dimmed">
            <IconCornerDownRight size={14} aria-hidden />{' '}
            {corrected
              ? t('records.notes.correctsNote', { time: formatDateTime(corrected.createdAt) })
              : t('records.notes.correctsEarlier')}
          </Text>
        )}
        {editing ? (
          <Textarea
            label={t('records.notes.editLabel')}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={error}
            autosize
            minRows={3}
            maxLength={5000}
          />
        ) : (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {note.body}
          </Text>
        )}
        <Group gap="xs" justify="flex-end" wrap="wrap">
          {note.canEdit && !editing && (
            <>
              <Text size="xs" c="dimmed">
                {t('records.notes.editUntil', { time: formatDateTime(note.editableUntil) })}
              </Text>
              <Button
                size="xs"
                variant="default"
                leftSection={<IconEdit size={14} aria-hidden />}
                onClick={() => {
                  setText(note.body);
                  setEditing(true);
                }}
              >
                {t('records.notes.edit')}
              </Button>
            </>
          )}
          {editing && (
            <>
              <Button
                size="xs"
                variant="default"
                onClick={() => setEditing(false)}
                disabled={update.isPending}
              >
                {t('common.cancel')}
              </Button>
              <Button
                size="xs"
                leftSection={<IconPencilCheck size={14} aria-hidden />}
                onClick={save}
                loading={update.isPending}
              >
                {t('records.notes.saveEdit')}
              </Button>
            </>
          )}
          {!note.canEdit && canWrite && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconCornerDownRight size={14} aria-hidden />}
              onClick={() => onCorrect(note)}
            >
              {t('records.notes.correct')}
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}

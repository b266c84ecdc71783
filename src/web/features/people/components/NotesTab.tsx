import { Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Note } from '../../../../shared/notes.ts';
import type { Person } from '../../../../shared/people.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';
import { useNotes } from '../api/records.ts';
import { NoteCard } from './NoteCard.tsx';
import { NoteForm } from './NoteForm.tsx';

/**
 * Case notes, newest first. Outside prison and probation the server sends shared notes only, and notes
 * written there are shared; a note changes only within 24 hours, after that by a correction note.
 */
export function NotesTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const me = useSession();
  const canWrite = accessFor(me.permissions).canWriteNotes && !person.anonymized;
  const [page, setPage] = useState(1);
  const [correcting, setCorrecting] = useState<Note | null>(null);
  const notes = useNotes(person.id, page);

  const startCorrection = (note: Note) => {
    setCorrecting(note);
    window.requestAnimationFrame(() => {
      document.getElementById('note-form-title')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
      document.querySelector<HTMLElement>('section[aria-labelledby="note-form-title"] textarea')?.focus();
    });
  };

  return (
    <Stack gap="md">
      {canWrite && (
        <NoteForm
          personId={person.id}
          corrections={person.corrections}
          correcting={correcting}
          onCancelCorrection={() => setCorrecting(null)}
          onSaved={() => {
            setCorrecting(null);
            setPage(1);
          }}
        />
      )}
      <Title order={3} size="h4">
        {t('records.notes.list')}
      </Title>
      {notes.isPending ? (
        <PageLoader />
      ) : notes.isError ? (
        <QueryError error={notes.error} onRetry={() => void notes.refetch()} />
      ) : notes.data.items.length === 0 ? (
        <Text size="sm">{t('records.notes.empty')}</Text>
      ) : (
        <>
          <Stack gap="sm">
            {notes.data.items.map((note) => (
              <NoteCard
                key={`${note.id}-${note.version}`}
                personId={person.id}
                note={note}
                corrected={notes.data.items.find((item) => item.id === note.correctsNoteId)}
                canWrite={canWrite}
                onCorrect={startCorrection}
              />
            ))}
          </Stack>
          <PaginationBar
            page={notes.data.page}
            pageSize={notes.data.pageSize}
            total={notes.data.total}
            onChange={setPage}
          />
        </>
      )}
    </Stack>
  );
}

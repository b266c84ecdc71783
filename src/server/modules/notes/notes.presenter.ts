import type { Note } from '../../../shared/notes.ts';
import type { NoteRow } from './notes.repository.ts';

/** A note as the caller sees it; `mayWrite`: she holds write:note (so may edit her own notes in the window). */
export function presentNote(row: NoteRow, viewer: { userId: string; mayWrite: boolean }): Note {
  return {
    id: row.id,
    kind: row.kind,
    visibility: row.visibility,
    body: row.body,
    authorName: row.author_name,
    organizationName: row.organization_name,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    edited: row.version > 1,
    correctsNoteId: row.corrects_note_id,
    correctedByNoteIds: row.corrected_by,
    canEdit: viewer.mayWrite && row.author_user_id === viewer.userId && row.within_window,
    editableUntil: new Date(row.editable_until).toISOString(),
    version: row.version,
  };
}

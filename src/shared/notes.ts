import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

/** Kinds of case note; labels in the web's i18n (records.notes.kind.*). */
export const NOTE_KINDS = ['general', 'family', 'health', 'behaviour'] as const;
export type NoteKind = (typeof NOTE_KINDS)[number];
/** corrections: prison and probation staff only; shared: whoever may see the person under her consent. */
export const RECORD_VISIBILITIES = ['corrections', 'shared'] as const;
export type RecordVisibility = (typeof RECORD_VISIBILITIES)[number];
/** A note can be edited by its author for this long after it was written; after that only corrected. */
export const NOTE_EDIT_WINDOW_HOURS = 24;

const body = z.string().trim().min(1).max(5000);

export const CreateNoteRequest = z.strictObject({
  kind: z.enum(NOTE_KINDS),
  visibility: z.enum(RECORD_VISIBILITIES),
  body,
  /** Set when this note corrects an earlier one (the only way to change a note after 24 hours). */
  correctsNoteId: z.uuid().nullable().optional(),
});
export type CreateNoteRequest = z.input<typeof CreateNoteRequest>;

export const UpdateNoteRequest = z.strictObject({
  body,
  /** The version the author read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateNoteRequest = z.input<typeof UpdateNoteRequest>;

export const NoteParams = z.strictObject({ personId: z.uuid(), noteId: z.uuid() });
export const NoteListQuery = PageQuery.strict();

export const Note = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTE_KINDS),
    visibility: z.enum(RECORD_VISIBILITIES),
    body: z.string(),
    authorName: z.string(),
    organizationName: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    /** The author changed the text after writing it (within the edit window). */
    edited: z.boolean(),
    /** The note this one corrects, or null. */
    correctsNoteId: z.string().nullable(),
    /** Later notes (that the caller may see) correcting this one, oldest first. */
    correctedByNoteIds: z.array(z.string()),
    /** The caller wrote it and the edit window is still open. */
    canEdit: z.boolean(),
    /** When the edit window closes. */
    editableUntil: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'Note' });
export type Note = z.infer<typeof Note>;

export const NoteList = pageOf(Note);
export type NoteList = z.infer<typeof NoteList>;

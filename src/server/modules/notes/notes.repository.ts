import { type Kysely, sql, type Transaction } from 'kysely';
import { NOTE_EDIT_WINDOW_HOURS } from '../../../shared/notes.ts';
import type { Database } from '../../db/schema.ts';

const EDIT_WINDOW = sql`${sql.lit(NOTE_EDIT_WINDOW_HOURS)} * interval '1 hour'`;

type Db = Kysely<Database> | Transaction<Database>;

export interface NoteFilter {
  personId: string;
  /** Only shared notes: for everyone outside prison and probation. */
  sharedOnly: boolean;
}

function noteQuery(db: Db, filter: NoteFilter) {
  return db
    .selectFrom('case_note as n')
    .innerJoin('organization as o', 'o.id', 'n.organization_id')
    .where('n.person_id', '=', filter.personId)
    .$if(filter.sharedOnly, (q) => q.where('n.visibility', '=', 'shared'));
}

function selectNote(db: Db, filter: NoteFilter) {
  return noteQuery(db, filter).select([
    'n.id',
    'n.kind',
    'n.visibility',
    'n.body',
    'n.corrects_note_id',
    'n.author_user_id',
    'n.author_name',
    'n.created_at',
    'n.updated_at',
    'n.version',
    sql<string>`coalesce(o.short_name, o.name)`.as('organization_name'),
    sql<Date>`n.created_at + ${EDIT_WINDOW}`.as('editable_until'),
    sql<boolean>`n.created_at > now() - ${EDIT_WINDOW}`.as('within_window'),
    // Corrections the caller may see: the same visibility filter as the notes themselves.
    sql<string[]>`coalesce((
        select json_agg(c.id order by c.created_at, c.id) from case_note c
        where c.corrects_note_id = n.id
          ${filter.sharedOnly ? sql`and c.visibility = 'shared'` : sql``}
      ), '[]'::json)`.as('corrected_by'),
  ]);
}

export type NoteRow = Awaited<ReturnType<ReturnType<typeof selectNote>['executeTakeFirstOrThrow']>>;

/** A page of a person's notes, newest first. */
export async function listNotes(db: Db, filter: NoteFilter, page: { page: number; pageSize: number }) {
  const [items, count] = await Promise.all([
    selectNote(db, filter)
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    noteQuery(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function findNote(db: Db, filter: NoteFilter, noteId: string) {
  return selectNote(db, filter).where('n.id', '=', noteId).executeTakeFirst();
}

export async function insertNote(
  db: Db,
  values: {
    personId: string;
    kind: 'general' | 'family' | 'health' | 'behaviour';
    visibility: 'corrections' | 'shared';
    body: string;
    correctsNoteId: string | null;
    authorUserId: string;
    authorName: string;
    organizationId: string;
  },
) {
  const row = await db
    .insertInto('case_note')
    .values({
      person_id: values.personId,
      kind: values.kind,
      visibility: values.visibility,
      body: values.body,
      corrects_note_id: values.correctsNoteId,
      author_user_id: values.authorUserId,
      author_name: values.authorName,
      organization_id: values.organizationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes the text when the version still matches and the edit window is still open (by the database's
 * clock, the one that stamped created_at); false otherwise.
 */
export async function updateNoteBody(db: Db, noteId: string, version: number, body: string) {
  const result = await db
    .updateTable('case_note')
    .set({ body, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', noteId)
    .where('version', '=', version)
    .where(sql<boolean>`created_at > now() - ${EDIT_WINDOW}`)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

import type { Kysely } from 'kysely';
import {
  type CreateNoteRequest,
  NOTE_EDIT_WINDOW_HOURS,
  type UpdateNoteRequest,
} from '../../../shared/notes.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { type PersonAccess, personAccess } from '../people/people.access.ts';
import { presentNote } from './notes.presenter.ts';
import { findNote, insertNote, listNotes, type NoteFilter, updateNoteBody } from './notes.repository.ts';

type Db = Kysely<Database>;

// Corrections-only notes never leave the server for anyone outside prison and probation: the filter is
// in the SQL of every note query, not only in what the web shows.
function filterFor(access: PersonAccess): NoteFilter {
  return { personId: access.personId, sharedOnly: !access.corrections };
}

function viewerOf(ctx: RequestContext) {
  return {
    userId: ctx.principal.userId,
    mayWrite: ctx.principal.permissions.includes('write:note:organization'),
  };
}

/** Shared notes need a consent that gives the caller at least one field group. */
function requireReadable(access: PersonAccess) {
  if (!access.corrections && access.groups.length === 0) throw notFound('PERSON_NOT_FOUND');
}

/** A person's notes the caller may see, newest first. */
export async function list(
  db: Db,
  ctx: RequestContext,
  personId: string,
  page: { page: number; pageSize: number },
) {
  const access = await personAccess(db, ctx, personId);
  requireReadable(access);
  const { items, total } = await listNotes(db, filterFor(access), page);
  await audit(db, ctx, {
    action: 'note.listed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { shown: items.map((row) => row.id) },
  });
  const viewer = viewerOf(ctx);
  return {
    items: items.map((row) => presentNote(row, viewer)),
    total,
    page: page.page,
    pageSize: page.pageSize,
  };
}

async function load(db: Db, ctx: RequestContext, access: PersonAccess, noteId: string) {
  const row = await findNote(db, filterFor(access), noteId);
  if (!row) throw notFound('NOTE_NOT_FOUND');
  return presentNote(row, viewerOf(ctx));
}

/** Adds a note; outside prison and probation only shared ones. A correction names the note it corrects. */
export async function create(db: Db, ctx: RequestContext, personId: string, body: CreateNoteRequest) {
  const access = await personAccess(db, ctx, personId);
  requirePermission(ctx, 'write:note');
  requireReadable(access);
  if (access.anonymized) throw new AppError(409, 'PERSON_ANONYMIZED');
  if (!access.corrections && body.visibility !== 'shared')
    throw fieldError('visibility', 'note_visibility_corrections_only');
  // Behaviour and health are never shared outside corrections (UU 27/2022: specific personal data).
  if (body.visibility === 'shared' && (body.kind === 'behaviour' || body.kind === 'health'))
    throw fieldError('visibility', 'note_kind_not_shareable');
  const filter = filterFor(access);
  const noteId = await db.transaction().execute(async (trx) => {
    const correctsNoteId = body.correctsNoteId ?? null;
    if (correctsNoteId) {
      const corrected = await findNote(trx, filter, correctsNoteId);
      if (!corrected) throw fieldError('correctsNoteId', 'note_correction_invalid');
      if (corrected.visibility === 'corrections' && body.visibility === 'shared')
        throw fieldError('visibility', 'note_correction_visibility');
    }
    const id = await insertNote(trx, {
      personId,
      kind: body.kind,
      visibility: body.visibility,
      body: body.body,
      correctsNoteId,
      authorUserId: ctx.principal.userId,
      authorName: ctx.principal.fullName,
      organizationId: ctx.principal.organizationId,
    });
    // The text stays out of the timeline and the audit log: administrators read the audit log.
    const details = { noteId: id, kind: body.kind, visibility: body.visibility, correctsNoteId };
    await recordTimeline(trx, ctx, personId, { kind: 'note.added', visibility: body.visibility, details });
    await audit(trx, ctx, {
      action: 'note.created',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details,
    });
    return id;
  });
  return load(db, ctx, access, noteId);
}

/** Changes the text of one's own note within 24 hours of writing it; afterwards only a correction note. */
export async function update(
  db: Db,
  ctx: RequestContext,
  personId: string,
  noteId: string,
  body: UpdateNoteRequest,
) {
  const access = await personAccess(db, ctx, personId);
  requirePermission(ctx, 'write:note');
  requireReadable(access);
  const filter = filterFor(access);
  await db.transaction().execute(async (trx) => {
    const note = await findNote(trx, filter, noteId);
    if (!note) throw notFound('NOTE_NOT_FOUND');
    if (note.author_user_id !== ctx.principal.userId) throw new AppError(403, 'NOTE_NOT_AUTHOR');
    if (!note.within_window)
      throw new AppError(409, 'NOTE_EDIT_WINDOW_CLOSED', { params: { hours: NOTE_EDIT_WINDOW_HOURS } });
    if (note.version !== body.version) throw conflict('NOTE_CHANGED');
    if (!(await updateNoteBody(trx, noteId, body.version, body.body))) throw conflict('NOTE_CHANGED');
    await audit(trx, ctx, {
      action: 'note.edited',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details: { noteId, kind: note.kind, visibility: note.visibility, version: body.version + 1 },
    });
  });
  return load(db, ctx, access, noteId);
}

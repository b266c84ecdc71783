import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { MAX_DOCUMENT_MB, UploadDocumentFields } from '../../../shared/documents.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, type FieldError, fieldError, notFound } from '../../platform/errors.ts';
import { attachmentHeader, cleanFileName, detectMediaType } from '../../platform/files/media.ts';
import type { DocumentStore } from '../../platform/files/storage.ts';
import type { Upload } from '../../platform/files/upload.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { type PersonAccess, personAccess, requireCorrections } from '../people/people.access.ts';
import { presentDocument } from './documents.presenter.ts';
import {
  type DocumentFilter,
  findDocument,
  insertDocument,
  listDocuments,
  softDeleteDocument,
} from './documents.repository.ts';

type Db = Kysely<Database>;

// Corrections-only documents never leave the server for anyone outside prison and probation: the filter is
// in the SQL of every document query.
function filterFor(access: PersonAccess): DocumentFilter {
  return { personId: access.personId, sharedOnly: !access.corrections };
}

/** Shared documents need a consent that gives the caller at least one field group. */
function requireReadable(access: PersonAccess) {
  if (!access.corrections && access.groups.length === 0) throw notFound('PERSON_NOT_FOUND');
}

/** The documents of a person the caller may see, newest first. */
export async function list(db: Db, ctx: RequestContext, personId: string) {
  const access = await personAccess(db, ctx, personId);
  requireReadable(access);
  const rows = await listDocuments(db, filterFor(access));
  await audit(db, ctx, {
    action: 'document.listed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { shown: rows.map((row) => row.id) },
  });
  return { items: rows.map(presentDocument) };
}

const tooLarge = () =>
  new AppError(413, 'DOCUMENT_TOO_LARGE', {
    params: { maxMb: MAX_DOCUMENT_MB },
    fields: { file: { key: 'document_too_large', params: { maxMb: MAX_DOCUMENT_MB } } },
  });

function fieldErrors(error: z.ZodError): AppError {
  const fields: Record<string, FieldError> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] = { key: 'unknown_field' };
      continue;
    }
    const name = String(issue.path[0] ?? '_');
    if (fields[name]) continue;
    if (issue.code === 'invalid_value')
      fields[name] = { key: 'invalid_option', params: { options: issue.values.join(', ') } };
    else if (issue.code === 'too_big') fields[name] = { key: 'too_long', params: { maximum: issue.maximum } };
    else if (issue.code === 'too_small' || issue.code === 'invalid_type') fields[name] = { key: 'required' };
    else fields[name] = { key: 'invalid' };
  }
  return new AppError(400, 'VALIDATION_FAILED', { fields });
}

/**
 * Stores an uploaded document (PDF, JPEG or PNG, judged by its content, at most 10 MB) and its metadata row
 * in one step: the file is renamed into place inside the transaction and removed again if it fails.
 * Corrections staff with manage:document only. `receive` reads the request body, after the access checks.
 */
export async function upload(
  db: Db,
  store: DocumentStore,
  ctx: RequestContext,
  personId: string,
  receive: () => Promise<Upload>,
) {
  const access = await personAccess(db, ctx, personId);
  requirePermission(ctx, 'manage:document');
  requireCorrections(access);
  if (access.anonymized) throw new AppError(409, 'PERSON_ANONYMIZED');
  const { fields, file } = await receive();
  let keptKey: string | null = null;
  try {
    if (file?.tooLarge) throw tooLarge();
    const parsed = UploadDocumentFields.safeParse(fields);
    if (!parsed.success) throw fieldErrors(parsed.error);
    if (!file) throw fieldError('file', 'required');
    if (file.size === 0) throw fieldError('file', 'document_empty');
    const mediaType = detectMediaType(file.head);
    if (!mediaType) throw fieldError('file', 'document_type_not_allowed');
    const input = parsed.data;
    // A court decision or a photo is never shared outside corrections.
    if (input.visibility === 'shared' && (input.category === 'court_decision' || input.category === 'photo'))
      throw fieldError('visibility', 'document_category_not_shareable');
    const id = await db.transaction().execute(async (trx) => {
      const storageKey = await store.keep(file);
      keptKey = storageKey;
      const documentId = await insertDocument(trx, {
        personId,
        category: input.category,
        title: input.title,
        fileName: cleanFileName(file.fileName, mediaType),
        mediaType,
        sizeBytes: file.size,
        sha256: file.sha256,
        storageKey,
        visibility: input.visibility,
        uploadedBy: ctx.principal.userId,
        uploadedByName: ctx.principal.fullName,
        organizationId: ctx.principal.organizationId,
      });
      const details = { documentId, category: input.category, visibility: input.visibility };
      await recordTimeline(trx, ctx, personId, {
        kind: 'document.added',
        visibility: input.visibility,
        details,
      });
      await audit(trx, ctx, {
        action: 'document.uploaded',
        subjectType: 'person',
        subjectId: personId,
        subjectOrganizationId: access.organizationId,
        details: { ...details, mediaType, sizeBytes: file.size, sha256: file.sha256 },
      });
      return documentId;
    });
    keptKey = null;
    const row = await findDocument(db, filterFor(access), id);
    if (!row) throw notFound('DOCUMENT_NOT_FOUND');
    return presentDocument(row);
  } catch (error) {
    // Nothing of a failed upload stays on disk: neither the temporary file nor one already renamed.
    if (keptKey) await store.remove(keptKey);
    throw error;
  } finally {
    if (file) await store.discard(file);
  }
}

/** The content of a document, as an attachment; every download is audited. */
export async function download(
  db: Db,
  store: DocumentStore,
  ctx: RequestContext,
  personId: string,
  documentId: string,
) {
  const access = await personAccess(db, ctx, personId);
  requireReadable(access);
  const row = await findDocument(db, filterFor(access), documentId);
  if (!row) throw notFound('DOCUMENT_NOT_FOUND');
  const file = await store.open(row.storage_key);
  if (!file) throw notFound('DOCUMENT_NOT_FOUND');
  await audit(db, ctx, {
    action: 'document.downloaded',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { documentId, category: row.category, visibility: row.visibility },
  });
  return {
    stream: file.stream,
    headers: {
      'content-type': row.media_type,
      'content-length': String(file.size),
      'content-disposition': attachmentHeader(row.file_name),
      'x-content-type-options': 'nosniff',
    },
  };
}

/** Removes a document from the record (kept on disk and in the database, marked deleted); audited. */
export async function remove(db: Db, ctx: RequestContext, personId: string, documentId: string) {
  const access = await personAccess(db, ctx, personId);
  requirePermission(ctx, 'manage:document');
  requireCorrections(access);
  await db.transaction().execute(async (trx) => {
    const row = await findDocument(trx, filterFor(access), documentId);
    if (!row || !(await softDeleteDocument(trx, documentId))) throw notFound('DOCUMENT_NOT_FOUND');
    const details = { documentId, category: row.category, visibility: row.visibility };
    await recordTimeline(trx, ctx, personId, {
      kind: 'document.deleted',
      visibility: row.visibility,
      details,
    });
    await audit(trx, ctx, {
      action: 'document.deleted',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details,
    });
  });
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  MAX_PHOTO_MB,
  type MeetingPhoto,
  type UpdatePhotoRequest,
  UploadPhotoFields,
} from '../../../shared/meetings.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, type FieldErrors, fieldError, notFound } from '../../platform/errors.ts';
import { attachmentHeader, cleanFileName, detectMediaType } from '../../platform/files/media.ts';
import type { DocumentStore } from '../../platform/files/storage.ts';
import type { Upload } from '../../platform/files/upload.ts';
import { presentPhoto } from './meetings.presenter.ts';
import {
  findPhoto,
  insertPhoto,
  lockMeeting,
  softDeletePhoto,
  updatePhotoCaption,
} from './meetings.repository.ts';
import { editableMeeting, visibleMeetingOr404 } from './meetings.service.ts';

// Photos of a meeting (dokumentasi): JPEG or PNG judged by content, at most 10 MB, kept in governance_file
// under a random key like person documents. Every download is audited.

type Db = Kysely<Database>;

const tooLarge = () =>
  new AppError(413, 'MEETING_PHOTO_TOO_LARGE', {
    params: { maxMb: MAX_PHOTO_MB },
    fields: { file: { key: 'meeting_photo_too_large', params: { maxMb: MAX_PHOTO_MB } } },
  });

function uploadFieldErrors(error: z.ZodError): AppError {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[key] = { key: 'unknown_field' };
      continue;
    }
    const name = String(issue.path[0] ?? '_');
    if (fields[name]) continue;
    fields[name] =
      issue.code === 'too_big' ? { key: 'too_long', params: { maximum: issue.maximum } } : { key: 'invalid' };
  }
  return new AppError(400, 'VALIDATION_FAILED', { fields });
}

/** Locks the meeting for a photo change: a cancelled meeting's photos stay as they are (409). */
async function lockUncancelled(trx: Db, meetingId: string) {
  const locked = await lockMeeting(trx, meetingId);
  if (!locked) throw notFound('MEETING_NOT_FOUND');
  if (locked.status === 'cancelled') throw conflict('MEETING_CANCELLED');
}

async function photoOf(db: Db, meetingId: string, fileId: string) {
  const row = await findPhoto(db, meetingId, fileId);
  if (!row) throw notFound('MEETING_PHOTO_NOT_FOUND');
  return row;
}

/**
 * Stores a photo of a meeting the caller's organization organized. `receive` reads the request body after
 * the access checks. The file is renamed into place inside the transaction and removed again if it fails.
 */
export async function upload(
  db: Db,
  store: DocumentStore,
  ctx: RequestContext,
  meetingId: string,
  receive: () => Promise<Upload>,
): Promise<MeetingPhoto> {
  const meeting = await editableMeeting(db, ctx, meetingId);
  if (meeting.status === 'cancelled') throw conflict('MEETING_CANCELLED');
  const { fields, file } = await receive();
  let keptKey: string | null = null;
  try {
    if (file?.tooLarge) throw tooLarge();
    const parsed = UploadPhotoFields.safeParse(fields);
    if (!parsed.success) throw uploadFieldErrors(parsed.error);
    if (!file) throw fieldError('file', 'required');
    if (file.size === 0) throw fieldError('file', 'meeting_photo_empty');
    const mediaType = detectMediaType(file.head);
    if (mediaType !== 'image/jpeg' && mediaType !== 'image/png')
      throw fieldError('file', 'meeting_photo_type_not_allowed');
    const caption = parsed.data.caption ?? null;
    const fileId = await db.transaction().execute(async (trx) => {
      await lockUncancelled(trx, meetingId);
      const storageKey = await store.keep(file);
      keptKey = storageKey;
      const id = await insertPhoto(trx, meetingId, {
        organizationId: meeting.organization_id,
        fileName: cleanFileName(file.fileName, mediaType),
        mediaType,
        sizeBytes: file.size,
        sha256: file.sha256,
        storageKey,
        caption,
        uploadedBy: ctx.principal.userId,
      });
      await audit(trx, ctx, {
        action: 'meeting.photo_added',
        subjectType: 'meeting',
        subjectId: meetingId,
        subjectOrganizationId: meeting.organization_id,
        details: { fileId: id, mediaType, sizeBytes: file.size, sha256: file.sha256 },
      });
      return id;
    });
    keptKey = null;
    return presentPhoto(await photoOf(db, meetingId, fileId));
  } catch (error) {
    // Nothing of a failed upload stays on disk: neither the temporary file nor one already renamed.
    if (keptKey) await store.remove(keptKey);
    throw error;
  } finally {
    if (file) await store.discard(file);
  }
}

/** A photo's content as an attachment, for whoever sees the meeting; every download is audited. */
export async function download(
  db: Db,
  store: DocumentStore,
  ctx: RequestContext,
  meetingId: string,
  fileId: string,
) {
  requirePermission(ctx, 'read:meeting');
  const meeting = await visibleMeetingOr404(db, ctx, meetingId);
  const row = await photoOf(db, meetingId, fileId);
  const file = await store.open(row.storage_key);
  if (!file) throw notFound('MEETING_PHOTO_NOT_FOUND');
  await audit(db, ctx, {
    action: 'meeting.photo_downloaded',
    subjectType: 'meeting',
    subjectId: meetingId,
    subjectOrganizationId: meeting.organization_id,
    details: { fileId },
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

/** Changes a photo's caption. */
export async function updateCaption(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  fileId: string,
  body: z.output<typeof UpdatePhotoRequest>,
): Promise<MeetingPhoto> {
  const meeting = await editableMeeting(db, ctx, meetingId);
  if (meeting.status === 'cancelled') throw conflict('MEETING_CANCELLED');
  await db.transaction().execute(async (trx) => {
    await lockUncancelled(trx, meetingId);
    const photo = await photoOf(trx, meetingId, fileId);
    const caption = body.caption ?? null;
    // An identical caption writes nothing.
    if (photo.caption === caption) return;
    await updatePhotoCaption(trx, fileId, caption);
    await audit(trx, ctx, {
      action: 'meeting.updated',
      subjectType: 'meeting',
      subjectId: meetingId,
      subjectOrganizationId: meeting.organization_id,
      details: { photoCaption: fileId },
    });
  });
  return presentPhoto(await photoOf(db, meetingId, fileId));
}

/** Removes a photo from the meeting (the file is kept and marked deleted, for the audit trail). */
export async function remove(db: Db, ctx: RequestContext, meetingId: string, fileId: string): Promise<void> {
  const meeting = await editableMeeting(db, ctx, meetingId);
  if (meeting.status === 'cancelled') throw conflict('MEETING_CANCELLED');
  await db.transaction().execute(async (trx) => {
    await lockUncancelled(trx, meetingId);
    await photoOf(trx, meetingId, fileId);
    if (!(await softDeletePhoto(trx, fileId))) throw notFound('MEETING_PHOTO_NOT_FOUND');
    await audit(trx, ctx, {
      action: 'meeting.photo_removed',
      subjectType: 'meeting',
      subjectId: meetingId,
      subjectOrganizationId: meeting.organization_id,
      details: { fileId },
    });
  });
}

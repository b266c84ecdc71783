import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { AppError } from './errors.ts';
import type { FieldMessageKey } from './messages.ts';

// Reading a small uploaded file (an import's spreadsheet) with the text fields of its multipart form, in
// memory. Documents, which may be larger, stream to disk instead (platform/files/upload.ts).

/** An uploaded file as read. */
export interface UploadedFile {
  fileName: string;
  buffer: Buffer;
}

/** Registers multipart parsing in the calling (encapsulated) plugin; the limits are given per request. */
export async function acceptMultipart(app: FastifyInstance): Promise<void> {
  if (!app.hasRequestDecorator('parts')) await app.register(multipart);
}

/**
 * The file (part `file`) and the text fields of a multipart request. No file, or an empty one:
 * 400 IMPORT_FILE_MISSING; above `maxBytes`: 413 IMPORT_FILE_TOO_LARGE; more files or fields than allowed:
 * 400 VALIDATION_FAILED.
 */
export async function readUpload(
  request: FastifyRequest,
  options: { maxBytes: number; maxFields?: number; fallbackName?: string },
): Promise<{ file: UploadedFile; fields: Record<string, string> }> {
  if (!request.isMultipart()) throw new AppError(400, 'IMPORT_FILE_MISSING');
  let file: UploadedFile | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: options.maxBytes, files: 1, fields: options.maxFields ?? 10 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        file = {
          fileName: part.filename || (options.fallbackName ?? 'impor'),
          buffer: await part.toBuffer(),
        };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', {
        params: { mb: Math.round(options.maxBytes / 1024 / 1024) },
      });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError(400, 'VALIDATION_FAILED');
    throw error;
  }
  if (!file || file.buffer.length === 0) throw new AppError(400, 'IMPORT_FILE_MISSING');
  return { file, fields };
}

/**
 * The text fields as the contract wants them: `mapping` is JSON text in a multipart form. Any field the
 * schema refuses is a 400 VALIDATION_FAILED on that field, with `invalidKey` as its message.
 */
export function parseFields<T extends z.ZodType>(
  schema: T,
  fields: Record<string, string>,
  invalidKey: FieldMessageKey = 'import_mapping_invalid',
): z.output<T> {
  const input: Record<string, unknown> = { ...fields };
  if (fields.mapping !== undefined) {
    try {
      input.mapping = JSON.parse(fields.mapping);
    } catch {
      throw new AppError(400, 'VALIDATION_FAILED', { fields: { mapping: { key: 'invalid' } } });
    }
  }
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'mapping');
    throw new AppError(400, 'VALIDATION_FAILED', { fields: { [field]: { key: invalidKey } } });
  }
  return parsed.data;
}

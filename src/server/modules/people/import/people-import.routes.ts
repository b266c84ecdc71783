import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { errorResponses } from '../../../../shared/errors.ts';
import {
  IMPORT_MAX_BYTES,
  ImportCheck,
  ImportCheckFields,
  ImportCommitFields,
  ImportPreview,
  ImportResult,
} from '../../../../shared/peopleData.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import { AppError } from '../../../platform/errors.ts';
import * as imports from './people-import.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 409, 413);

const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

/** The file (part `file`) and the text fields of a multipart request; 413 above the size limit. */
async function readUpload(request: FastifyRequest) {
  if (!request.isMultipart()) throw new AppError(400, 'IMPORT_FILE_MISSING');
  let file: imports.UploadedFile | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: IMPORT_MAX_BYTES, files: 1, fields: 10 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        file = { fileName: part.filename || 'impor', buffer: await part.toBuffer() };
      } else if (typeof part.value === 'string') {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError(413, 'IMPORT_FILE_TOO_LARGE', { params: { mb: MB } });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT')
      throw new AppError(400, 'VALIDATION_FAILED');
    throw error;
  }
  if (!file || file.buffer.length === 0) throw new AppError(400, 'IMPORT_FILE_MISSING');
  return { file, fields };
}

/** The text fields as the contract wants them: `mapping` is JSON text in a multipart form. */
function parseFields<T extends z.ZodType>(schema: T, fields: Record<string, string>): z.output<T> {
  let mapping: unknown;
  try {
    mapping = fields.mapping === undefined ? undefined : JSON.parse(fields.mapping);
  } catch {
    throw new AppError(400, 'VALIDATION_FAILED', { fields: { mapping: { key: 'invalid' } } });
  }
  const parsed = schema.safeParse({ ...fields, mapping });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'mapping');
    throw new AppError(400, 'VALIDATION_FAILED', { fields: { [field]: { key: 'import_mapping_invalid' } } });
  }
  return parsed.data;
}

const multipartBody = (description: string) => ({
  consumes: ['multipart/form-data'],
  description,
});

export const peopleImportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  // Scoped to these routes (this plugin is encapsulated); the limits are given per request.
  if (!app.hasRequestDecorator('parts')) await app.register(multipart);

  app.post(
    '/api/people/import/preview',
    {
      schema: {
        tags,
        summary: 'Import step 1: the columns and first rows of a CSV or XLSX file, and a suggested mapping',
        ...multipartBody(`Multipart form with the file in the part "file" (CSV or XLSX, at most ${MB} MB).`),
        response: { 200: ImportPreview, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      // Refused before the upload is read.
      imports.requireImport(ctx);
      const { file } = await readUpload(request);
      return imports.preview(db, ctx, file);
    },
  );

  app.post(
    '/api/people/import/check',
    {
      schema: {
        tags,
        summary: 'Import step 2 (dry run): every invalid row and field with the reason, and the counts',
        ...multipartBody(
          'Multipart form: "file", and "mapping" as JSON (the field of each column, or null).',
        ),
        response: { 200: ImportCheck, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      // Refused before the upload is read.
      imports.requireImport(ctx);
      const { file, fields } = await readUpload(request);
      const { mapping } = parseFields(ImportCheckFields, fields);
      return imports.check(db, ctx, file, mapping);
    },
  );

  app.post(
    '/api/people/import/commit',
    {
      schema: {
        tags,
        summary:
          'Import step 3: store the file (sent again and checked again). all_or_nothing stores nothing when a row is invalid (409); valid_only skips invalid rows',
        ...multipartBody(
          'Multipart form: "file", "mapping" as JSON, and "mode" (all_or_nothing or valid_only).',
        ),
        response: { 200: ImportResult, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      // Refused before the upload is read.
      imports.requireImport(ctx);
      const { file, fields } = await readUpload(request);
      const { mapping, mode } = parseFields(ImportCommitFields, fields);
      return imports.commit(db, ctx, file, mapping, mode);
    },
  );
};

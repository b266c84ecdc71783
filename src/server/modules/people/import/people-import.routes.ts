import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
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
import { acceptMultipart, parseFields, readUpload } from '../../../platform/upload.ts';
import * as imports from './people-import.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 409, 413);

const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

const multipartBody = (description: string) => ({
  consumes: ['multipart/form-data'],
  description,
});

export const peopleImportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  // Scoped to these routes (this plugin is encapsulated); the limits are given per request.
  await acceptMultipart(app);

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
      const { file } = await readUpload(request, { maxBytes: IMPORT_MAX_BYTES });
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
      const { file, fields } = await readUpload(request, { maxBytes: IMPORT_MAX_BYTES });
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
      const { file, fields } = await readUpload(request, { maxBytes: IMPORT_MAX_BYTES });
      const { mapping, mode } = parseFields(ImportCommitFields, fields);
      return imports.commit(db, ctx, file, mapping, mode);
    },
  );
};

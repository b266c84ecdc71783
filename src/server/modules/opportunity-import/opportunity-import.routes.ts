import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import { IMPORT_MAX_BYTES } from '../../../shared/peopleData.ts';
import {
  VILLAGE_IMPORT_MAX_ROWS,
  VillageImportCheck,
  VillageImportCheckFields,
  VillageImportCommitFields,
  VillageImportPreview,
  VillageImportPreviewFields,
  VillageImportResult,
} from '../../../shared/villageImport.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import { acceptMultipart, parseFields, readUpload } from '../../platform/upload.ts';
import * as imports from './opportunity-import.service.ts';

const tags = ['opportunities'];
const errors = errorResponses(400, 401, 403, 409, 413);

const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);
const FILE = `the file in the part "file" (XLSX or CSV, at most ${MB} MB and ${VILLAGE_IMPORT_MAX_ROWS.toLocaleString('en')} rows)`;

const multipartBody = (description: string) => ({ consumes: ['multipart/form-data'], description });

export const opportunityImportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (
  app,
  { db },
) => {
  // Scoped to these routes (this plugin is encapsulated); the limits are given per request.
  await acceptMultipart(app);

  const upload = async (request: Parameters<typeof contextOf>[0]) => {
    const ctx = contextOf(request);
    // Refused before the upload is read.
    imports.requireImport(ctx);
    return { ctx, ...(await readUpload(request, { maxBytes: IMPORT_MAX_BYTES })) };
  };

  app.post(
    '/api/opportunity-import/preview',
    {
      schema: {
        tags,
        summary:
          'Import of partners or opportunities, step 1: the columns and first rows of the file, and a suggested mapping',
        ...multipartBody(`Multipart form: ${FILE}, and "target" (partners or opportunities).`),
        response: { 200: VillageImportPreview, ...errors },
      },
    },
    async (request) => {
      const { ctx, file, fields } = await upload(request);
      const { target } = parseFields(VillageImportPreviewFields, fields, 'village_import_fields_invalid');
      return imports.preview(ctx, file, target);
    },
  );

  app.post(
    '/api/opportunity-import/check',
    {
      schema: {
        tags,
        summary:
          'Import of partners or opportunities, step 2 (dry run): every invalid row and field with the reason, and the counts; nothing stored',
        ...multipartBody(
          `Multipart form: ${FILE}, "target" (partners or opportunities) and "mapping" as JSON (the field of each column, or null).`,
        ),
        response: { 200: VillageImportCheck, ...errors },
      },
    },
    async (request) => {
      const { ctx, file, fields } = await upload(request);
      return imports.check(
        db,
        ctx,
        file,
        parseFields(VillageImportCheckFields, fields, 'village_import_fields_invalid'),
      );
    },
  );

  app.post(
    '/api/opportunity-import/commit',
    {
      schema: {
        tags,
        summary:
          'Import of partners or opportunities, step 3: store the file (sent again and checked again). all_or_nothing stores nothing when a row is invalid (409); valid_only skips invalid rows',
        ...multipartBody(
          `Multipart form: ${FILE}, "target", "mapping" as JSON, and "mode" (all_or_nothing or valid_only).`,
        ),
        response: { 200: VillageImportResult, ...errors },
      },
    },
    async (request) => {
      const { ctx, file, fields } = await upload(request);
      return imports.commit(
        db,
        ctx,
        file,
        parseFields(VillageImportCommitFields, fields, 'village_import_fields_invalid'),
      );
    },
  );
};

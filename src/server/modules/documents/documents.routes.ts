import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  DocumentList,
  DocumentParams,
  MAX_DOCUMENT_BYTES,
  PersonDocument,
} from '../../../shared/documents.ts';
import { ErrorResponse, errorResponses } from '../../../shared/errors.ts';
import { PersonIdParams } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import { AppError } from '../../platform/errors.ts';
import { createDocumentStore } from '../../platform/files/storage.ts';
import { readUpload } from '../../platform/files/upload.ts';
import * as documents from './documents.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const documentRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; documentsDir: string }> = async (
  app,
  { db, documentsDir },
) => {
  const store = createDocumentStore(documentsDir);
  // Multipart only here (the plugin is encapsulated): the rest of the API stays JSON only. Busboy stops a
  // file one byte past the limit, so an oversized upload is recognised without being stored.
  await app.register(multipart, {
    throwFileSizeLimit: false,
    limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1, fields: 10, fieldSize: 2000, parts: 12 },
  });

  app.get(
    '/api/people/:personId/documents',
    {
      schema: {
        tags,
        summary: 'Documents of a person the caller may see (outside corrections: shared only)',
        params: PersonIdParams,
        response: { 200: DocumentList, ...errors },
      },
    },
    async (request) => documents.list(db, contextOf(request), request.params.personId),
  );

  app.post(
    '/api/people/:personId/documents',
    {
      schema: {
        tags,
        summary:
          'Upload a document (multipart: category, title, visibility, file). PDF, JPEG or PNG by content, at most 10 MB',
        consumes: ['multipart/form-data'],
        params: PersonIdParams,
        response: { 201: PersonDocument, 413: ErrorResponse, 415: ErrorResponse, ...errors },
      },
    },
    async (request, reply) => {
      const ctx = contextOf(request);
      if (!request.isMultipart()) throw new AppError(415, 'DOCUMENT_MULTIPART_REQUIRED');
      const created = await documents.upload(db, store, ctx, request.params.personId, () =>
        readUpload(request, store, MAX_DOCUMENT_BYTES),
      );
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/people/:personId/documents/:documentId/content',
    {
      schema: {
        tags,
        summary: 'Download a document (as an attachment; audited)',
        params: DocumentParams,
        // A stream: Fastify sends it as it is, never through the JSON serializer.
        response: { 200: z.unknown().meta({ description: 'The file: PDF, JPEG or PNG' }), ...errors },
      },
    },
    async (request, reply) => {
      const file = await documents.download(
        db,
        store,
        contextOf(request),
        request.params.personId,
        request.params.documentId,
      );
      return reply.headers(file.headers).send(file.stream);
    },
  );

  app.delete(
    '/api/people/:personId/documents/:documentId',
    {
      schema: {
        tags,
        summary: 'Remove a document from the record (corrections staff; kept for the audit trail)',
        params: DocumentParams,
        response: { 204: z.null(), ...errors },
      },
    },
    async (request, reply) => {
      await documents.remove(db, contextOf(request), request.params.personId, request.params.documentId);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../../shared/errors.ts';
import { PersonIdParams } from '../../../../shared/people.ts';
import {
  AnonymizeRequest,
  AnonymizeResult,
  RecordRetentionResult,
  RetentionDue,
  RetentionDueQuery,
} from '../../../../shared/peopleData.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import { createDocumentStore } from '../../../platform/files/storage.ts';
import * as retention from './retention.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const retentionRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database>; documentsDir: string }> = async (
  app,
  { db, documentsDir },
) => {
  const files = createDocumentStore(documentsDir);

  app.get(
    '/api/people/retention-due',
    {
      schema: {
        tags,
        summary: 'People of the caller’s prison whose retention period has ended (to be anonymized)',
        querystring: RetentionDueQuery,
        response: { 200: RetentionDue, ...errors },
      },
    },
    async (request) => retention.retentionDue(db, contextOf(request), request.query),
  );

  app.post(
    '/api/people/retention/apply',
    {
      schema: {
        tags,
        summary:
          'Erase the notes, delete the documents and clear the import runs of the caller’s prison whose retention period ended',
        response: { 200: RecordRetentionResult, ...errors },
      },
    },
    async (request) => {
      const ctx = contextOf(request);
      return retention.applyRecordRetention(db, ctx, ctx.principal.organizationId, files);
    },
  );

  app.post(
    '/api/people/:personId/anonymize',
    {
      schema: {
        tags,
        summary:
          'Anonymize a person whose retention period ended (confirm with her short id); 409 with the end date before then',
        params: PersonIdParams,
        body: AnonymizeRequest,
        response: { 200: AnonymizeResult, ...errors },
      },
    },
    async (request) =>
      retention.anonymize(db, contextOf(request), request.params.personId, request.body, files),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { AuditExportQuery, AuditList, AuditListQuery } from '../../../shared/audit.ts';
import { errorResponses } from '../../../shared/errors.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as auditLog from './audit.service.ts';

const tags = ['audit'];
const errors = errorResponses(400, 401, 403);

export const auditRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/audit',
    {
      schema: {
        tags,
        summary: 'The audit log, newest first (filter by user, subject, action, dates)',
        querystring: AuditListQuery,
        response: { 200: AuditList, ...errors },
      },
    },
    async (request) => auditLog.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/audit/export.csv',
    {
      schema: {
        tags,
        summary: 'The filtered audit log as CSV (at most 50,000 rows)',
        querystring: AuditExportQuery,
        produces: ['text/csv'],
        response: { 200: z.string().describe('CSV, UTF-8 with BOM'), ...errors },
      },
    },
    async (request, reply) => {
      const csv = await auditLog.exportCsv(db, contextOf(request), request.query);
      const date = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-sinergi-${date}.csv"`)
        .send(csv);
    },
  );
};

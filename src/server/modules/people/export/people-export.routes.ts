import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../../shared/errors.ts';
import { PersonIdParams, PersonListQuery } from '../../../../shared/people.ts';
import { AccessLog, AccessLogQuery, EXPORT_MAX_ROWS } from '../../../../shared/peopleData.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import { today } from '../../../platform/calendar.ts';
import * as exports from './people-export.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The list's filters without paging. */
const ListExportQuery = PersonListQuery.omit({ page: true, pageSize: true });

export const peopleExportRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/export.xlsx',
    {
      schema: {
        tags,
        summary: `The filtered list of people as XLSX (the list's filters; at most ${EXPORT_MAX_ROWS.toLocaleString('en')} people)`,
        querystring: ListExportQuery,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook'), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, count } = await exports.exportList(db, contextOf(request), request.query);
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="warga-binaan-${today()}.xlsx"`)
        .header('x-export-count', String(count))
        .send(buffer);
    },
  );

  for (const format of ['xlsx', 'pdf'] as const) {
    app.get(
      `/api/people/:personId/data-export.${format}`,
      {
        schema: {
          tags,
          summary: `All of a person's data and her access log as ${format.toUpperCase()} (her right of access)`,
          params: PersonIdParams,
          produces: [format === 'xlsx' ? XLSX : 'application/pdf'],
          response: { 200: z.any().describe(format.toUpperCase()), ...errors },
        },
      },
      async (request, reply) => {
        const { buffer, reference } = await exports.exportPersonData(
          db,
          contextOf(request),
          request.params.personId,
          format,
        );
        return reply
          .type(format === 'xlsx' ? XLSX : 'application/pdf')
          .header(
            'content-disposition',
            `attachment; filename="data-pribadi-${reference}-${today()}.${format}"`,
          )
          .send(buffer);
      },
    );
  }

  app.get(
    '/api/people/:personId/access-log',
    {
      schema: {
        tags,
        summary:
          'Who saw or changed what of this person, newest first (every audit entry whose subject she is)',
        params: PersonIdParams,
        querystring: AccessLogQuery,
        response: { 200: AccessLog, ...errors },
      },
    },
    async (request) => exports.accessLog(db, contextOf(request), request.params.personId, request.query),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  DashboardQuery,
  DashboardResponse,
  InsightExportRequest,
  InsightVillageList,
  VillageInsightParams,
  VillageInsightQuery,
  VillageInsightResponse,
} from '../../../shared/insight.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as insight from './insight.service.ts';

// Insight (issue 9, ADR 015): the program dashboard, the kelurahan view and the monthly report.

const tags = ['insight'];

export const insightRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/insight/dashboard',
    {
      schema: {
        tags,
        summary:
          'The program dashboard for the caller’s scope: funnel, stock now, training, placements, outcomes by release cohort and governance; small counts hidden outside corrections (audited)',
        querystring: DashboardQuery,
        response: { 200: DashboardResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => insight.dashboard(db, contextOf(request), request.query),
  );

  app.get(
    '/api/insight/villages',
    {
      schema: {
        tags,
        summary: 'The kelurahan the caller may open in the kelurahan view',
        response: { 200: InsightVillageList, ...errorResponses(401, 403) },
      },
    },
    async (request) => insight.villages(db, contextOf(request)),
  );

  app.get(
    '/api/insight/villages/:villageId',
    {
      schema: {
        tags,
        summary:
          'One kelurahan: people intended or placed, upcoming releases, opportunities, and its potentials and needs against the skills of upcoming releases (audited)',
        params: VillageInsightParams,
        querystring: VillageInsightQuery,
        response: { 200: VillageInsightResponse, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => insight.village(db, contextOf(request), request.params.villageId, request.query),
  );

  app.post(
    '/api/insight/exports',
    {
      schema: {
        tags,
        summary:
          'Record a CSV download of a chart or table made in the browser (audited insight.csv_downloaded)',
        body: InsightExportRequest,
        response: { 204: z.null(), ...errorResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await insight.recordExport(db, contextOf(request), request.body);
      return reply.status(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  FairnessQuery,
  FairnessReport,
  TrainingGapQuery,
  TrainingGapReport,
} from '../../../shared/planning.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as planning from './planning.service.ts';

const tags = ['planning'];
const errors = errorResponses(400, 401, 403, 404);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const planningRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/planning/training-gap',
    {
      schema: {
        tags,
        summary:
          'The training-gap planner: demand per skill from places, village needs and potentials against the women released in the horizon who hold it or will, the gap per skill and kelurahan, and the cohorts to open (aggregates only)',
        querystring: TrainingGapQuery,
        response: { 200: TrainingGapReport, ...errors },
      },
    },
    async (request) => planning.trainingGap(db, contextOf(request), request.query),
  );

  app.get(
    '/api/planning/training-gap.xlsx',
    {
      schema: {
        tags,
        summary:
          'The training-gap report as XLSX (sheets Kesenjangan keterampilan and Rekomendasi kohort; audited)',
        querystring: TrainingGapQuery,
        produces: [XLSX],
        response: { 200: z.any().describe('XLSX workbook'), ...errors },
      },
    },
    async (request, reply) => {
      const { buffer, disposition } = await planning.exportTrainingGap(db, contextOf(request), request.query);
      return reply.type(XLSX).header('content-disposition', disposition).send(buffer);
    },
  );

  app.get(
    '/api/planning/fairness',
    {
      schema: {
        tags,
        summary:
          'The fairness report: recommendation, proposal and placement rates per age band, education level and domicile inside or outside Semarang Barat, cells under 5 suppressed with complementary suppression (aggregates only; audited)',
        querystring: FairnessQuery,
        response: { 200: FairnessReport, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => planning.fairness(db, contextOf(request), request.query),
  );
};

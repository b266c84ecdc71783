import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CohortQuery,
  CohortResponse,
  OutcomeCheck,
  OutcomeCheckParams,
  OutcomePersonParams,
  PersonOutcomes,
  RecordOutcomeRequest,
  UpdateOutcomeRequest,
} from '../../../shared/outcomes.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as outcomes from './outcomes.service.ts';

const tags = ['outcomes'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const outcomeRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/:personId/outcomes',
    {
      schema: {
        tags,
        summary:
          'Her outcome windows at 1, 3, 6 and 12 months after release, with due dates, states and the checks recorded (corrections staff; audited)',
        params: OutcomePersonParams,
        response: { 200: PersonOutcomes, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => outcomes.get(db, contextOf(request), request.params.personId),
  );

  app.post(
    '/api/people/:personId/outcomes',
    {
      schema: {
        tags,
        summary: 'Record one window’s outcome check (one per window)',
        params: OutcomePersonParams,
        body: RecordOutcomeRequest,
        response: { 201: OutcomeCheck, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await outcomes.record(db, contextOf(request), request.params.personId, request.body)),
  );

  app.patch(
    '/api/people/:personId/outcomes/:checkId',
    {
      schema: {
        tags,
        summary: 'Change an outcome check’s answers (optimistic concurrency with version)',
        params: OutcomeCheckParams,
        body: UpdateOutcomeRequest,
        response: { 200: OutcomeCheck, ...errors },
      },
    },
    async (request) =>
      outcomes.change(db, contextOf(request), request.params.personId, request.params.checkId, request.body),
  );

  app.get(
    '/api/outcomes/cohorts',
    {
      schema: {
        tags,
        summary:
          'Outcomes by release cohort (quarter) and window: counts only, windows not yet passed left out (audited)',
        querystring: CohortQuery,
        response: { 200: CohortResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => outcomes.cohorts(db, contextOf(request), request.query),
  );
};

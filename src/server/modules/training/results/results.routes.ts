import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { CohortIdParams } from '../../../../shared/attendance.ts';
import { errorResponses } from '../../../../shared/errors.ts';
import {
  Certificate,
  CohortResults,
  CreateCertificateRequest,
  RecordResultsRequest,
} from '../../../../shared/results.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import * as results from './results.service.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const resultRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/training/cohorts/:cohortId/results',
    {
      schema: {
        tags,
        summary:
          'Competency results of a cohort: units, people, results per unit, certificates (managers only)',
        params: CohortIdParams,
        response: { 200: CohortResults, ...errors },
      },
    },
    async (request) => results.results(db, contextOf(request), request.params.cohortId),
  );

  app.put(
    '/api/training/cohorts/:cohortId/results',
    {
      schema: {
        tags,
        summary:
          'Record competency results per (enrolment, unit); all units competent raises the program skills to assessed',
        params: CohortIdParams,
        body: RecordResultsRequest,
        response: { 200: CohortResults, ...errors },
      },
    },
    async (request) => results.record(db, contextOf(request), request.params.cohortId, request.body),
  );

  app.post(
    '/api/training/certificates',
    {
      schema: {
        tags,
        summary:
          'Record a certificate of a woman held by the prison; raises her skill to certified (number unique per issuer)',
        body: CreateCertificateRequest,
        response: { 201: Certificate, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await results.addCertificate(db, contextOf(request), request.body)),
  );
};

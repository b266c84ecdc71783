import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  AddSessionRequest,
  CancelSessionRequest,
  Cohort,
  CohortList,
  CohortListQuery,
  CohortParams,
  CohortStatusRequest,
  CreateCohortRequest,
  Roster,
  Session,
  SessionList,
  SessionParams,
  UpdateCohortRequest,
} from '../../../../shared/cohorts.ts';
import { errorResponses } from '../../../../shared/errors.ts';
import type { Database } from '../../../db/schema.ts';
import { contextOf } from '../../../platform/access.ts';
import * as cohorts from './cohorts.service.ts';

const tags = ['training'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const cohortRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/training/cohorts',
    {
      schema: {
        tags,
        summary: 'Cohorts the caller may see (a partner instructor: hers only), newest start first',
        querystring: CohortListQuery,
        response: { 200: CohortList, ...errors },
      },
    },
    async (request) => cohorts.list(db, contextOf(request), request.query),
  );

  app.post(
    '/api/training/cohorts',
    {
      schema: {
        tags,
        summary: 'Open a cohort of a program; its sessions are generated from the weekly schedule',
        body: CreateCohortRequest,
        response: { 201: Cohort, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await cohorts.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/training/cohorts/:cohortId',
    {
      schema: {
        tags,
        summary: 'One cohort with its program, counts and what the caller may do with it',
        params: CohortParams,
        response: { 200: Cohort, ...errors },
      },
    },
    async (request) => cohorts.get(db, contextOf(request), request.params.cohortId),
  );

  app.patch(
    '/api/training/cohorts/:cohortId',
    {
      schema: {
        tags,
        summary:
          'Change a cohort (send the version read); new dates or schedule regenerate unrecorded sessions',
        params: CohortParams,
        body: UpdateCohortRequest,
        response: { 200: Cohort, ...errors },
      },
    },
    async (request) => cohorts.update(db, contextOf(request), request.params.cohortId, request.body),
  );

  app.post(
    '/api/training/cohorts/:cohortId/status',
    {
      schema: {
        tags,
        summary:
          'Move a cohort to its next status, complete it (people trained) or cancel it (with a reason)',
        params: CohortParams,
        body: CohortStatusRequest,
        response: { 200: Cohort, ...errors },
      },
    },
    async (request) => cohorts.changeStatus(db, contextOf(request), request.params.cohortId, request.body),
  );

  app.get(
    '/api/training/cohorts/:cohortId/sessions',
    {
      schema: {
        tags,
        summary: 'The sessions of a cohort by date and time',
        params: CohortParams,
        response: { 200: SessionList, ...errors },
      },
    },
    async (request) => cohorts.sessions(db, contextOf(request), request.params.cohortId),
  );

  app.post(
    '/api/training/cohorts/:cohortId/sessions',
    {
      schema: {
        tags,
        summary: 'Add an extra session on a date inside the cohort',
        params: CohortParams,
        body: AddSessionRequest,
        response: { 201: Session, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await cohorts.addSession(db, contextOf(request), request.params.cohortId, request.body)),
  );

  app.post(
    '/api/training/cohorts/:cohortId/sessions/:sessionId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a session with a reason (not once its attendance was recorded)',
        params: SessionParams,
        body: CancelSessionRequest,
        response: { 200: Session, ...errors },
      },
    },
    async (request) =>
      cohorts.cancelSession(
        db,
        contextOf(request),
        request.params.cohortId,
        request.params.sessionId,
        request.body,
      ),
  );

  app.get(
    '/api/training/cohorts/:cohortId/roster',
    {
      schema: {
        tags,
        summary: 'The people of a cohort with their attendance rate, allocated first (audited)',
        params: CohortParams,
        response: { 200: Roster, ...errors },
      },
    },
    async (request) => cohorts.roster(db, contextOf(request), request.params.cohortId),
  );
};

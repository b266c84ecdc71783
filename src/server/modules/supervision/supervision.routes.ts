import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CaseloadQuery,
  CaseloadResponse,
  EscalateRequest,
  EscalationParams,
  PersonSupervision,
  RecordSessionRequest,
  RecordSessionResponse,
  ResolveEscalationRequest,
  SaveScheduleRequest,
  SupervisionEscalation,
  SupervisionPersonParams,
  SupervisionSchedule,
  SupervisionSessionParams,
  UpdateSessionRequest,
} from '../../../shared/supervision.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as supervision from './supervision.service.ts';

const tags = ['supervision'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const supervisionRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/supervision/caseload',
    {
      schema: {
        tags,
        summary:
          'The caller’s clients under supervision (a PK her own, the Bapas head all of her Bapas), with next due date, last session and open escalation (audited with the people shown)',
        querystring: CaseloadQuery,
        response: { 200: CaseloadResponse, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => supervision.listCaseload(db, contextOf(request), request.query),
  );

  app.get(
    '/api/people/:personId/supervision',
    {
      schema: {
        tags,
        summary: 'A client’s supervision: schedule, sessions and escalations, newest first (audited)',
        params: SupervisionPersonParams,
        response: { 200: PersonSupervision, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => supervision.get(db, contextOf(request), request.params.personId),
  );

  app.put(
    '/api/people/:personId/supervision/schedule',
    {
      schema: {
        tags,
        summary: 'Create (version 0) or change a client’s supervision schedule; the next due date follows',
        params: SupervisionPersonParams,
        body: SaveScheduleRequest,
        response: { 200: SupervisionSchedule, ...errors },
      },
    },
    async (request) =>
      supervision.saveSchedule(db, contextOf(request), request.params.personId, request.body),
  );

  app.post(
    '/api/people/:personId/supervision/sessions',
    {
      schema: {
        tags,
        summary:
          'Record a supervision session (201); the same clientKey sent again answers the stored one (200). A missed session climbs the escalation ladder',
        params: SupervisionPersonParams,
        body: RecordSessionRequest,
        response: { 200: RecordSessionResponse, 201: RecordSessionResponse, ...errors },
      },
    },
    async (request, reply) => {
      const result = await supervision.recordSession(
        db,
        contextOf(request),
        request.params.personId,
        request.body,
      );
      return reply.status(result.replayed ? 200 : 201).send(result);
    },
  );

  app.patch(
    '/api/people/:personId/supervision/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Change a recorded session (same rules; optimistic concurrency with version)',
        params: SupervisionSessionParams,
        body: UpdateSessionRequest,
        response: { 200: RecordSessionResponse, ...errors },
      },
    },
    async (request) =>
      supervision.changeSession(
        db,
        contextOf(request),
        request.params.personId,
        request.params.sessionId,
        request.body,
      ),
  );

  app.post(
    '/api/people/:personId/supervision/escalations',
    {
      schema: {
        tags,
        summary: 'Escalate by hand to the next level after the highest open one, with a note',
        params: SupervisionPersonParams,
        body: EscalateRequest,
        response: { 201: SupervisionEscalation, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await supervision.escalateByHand(db, contextOf(request), request.params.personId, request.body),
        ),
  );

  app.post(
    '/api/supervision/escalations/:escalationId/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve an open escalation with a note',
        params: EscalationParams,
        body: ResolveEscalationRequest,
        response: { 200: SupervisionEscalation, ...errors },
      },
    },
    async (request) => supervision.resolve(db, contextOf(request), request.params.escalationId, request.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  AcceptHandoverRequest,
  CancelHandoverRequest,
  ChangeOfficerRequest,
  Handover,
  HandoverList,
  HandoverListQuery,
  HandoverOfficers,
  HandoverParams,
  PersonHandovers,
  ReturnHandoverRequest,
  SendHandoverRequest,
} from '../../../shared/handovers.ts';
import { PersonIdParams } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as handovers from './handovers.service.ts';

const tags = ['handovers'];
const decision = { 200: Handover, ...errorResponses(400, 401, 403, 404, 409) };

export const handoverRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/:personId/handovers',
    {
      schema: {
        tags,
        summary:
          'Her handovers to Bapas with their events and packages, her handover state and whether the caller may send one (corrections staff; audited)',
        params: PersonIdParams,
        response: { 200: PersonHandovers, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => handovers.forPerson(db, contextOf(request), request.params.personId),
  );

  app.post(
    '/api/people/:personId/handovers',
    {
      schema: {
        tags,
        summary:
          'Send her case to a Bapas with a snapshot of her plan, skills, documents and consents (needs a plan; one live handover at a time)',
        params: PersonIdParams,
        body: SendHandoverRequest,
        response: { 201: Handover, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await handovers.send(db, contextOf(request), request.params.personId, request.body)),
  );

  app.get(
    '/api/handovers',
    {
      schema: {
        tags,
        summary:
          'The handovers the caller’s prison sent or her Bapas received, newest first (audited with the people shown)',
        querystring: HandoverListQuery,
        response: { 200: HandoverList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => handovers.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/handovers/officers',
    {
      schema: {
        tags,
        summary: 'The active PKs (probation officers) of the caller’s Bapas with their caseloads',
        response: { 200: HandoverOfficers, ...errorResponses(401, 403) },
      },
    },
    async (request) => handovers.officers(db, contextOf(request)),
  );

  app.post(
    '/api/handovers/:handoverId/accept',
    {
      schema: {
        tags,
        summary:
          'Accept a handover sent to the caller’s Bapas and assign her PK (never by the user who sent it)',
        params: HandoverParams,
        body: AcceptHandoverRequest,
        response: decision,
      },
    },
    async (request) => handovers.accept(db, contextOf(request), request.params.handoverId, request.body),
  );

  app.post(
    '/api/handovers/:handoverId/return',
    {
      schema: {
        tags,
        summary: 'Return a handover to the prison with a reason',
        params: HandoverParams,
        body: ReturnHandoverRequest,
        response: decision,
      },
    },
    async (request) => handovers.giveBack(db, contextOf(request), request.params.handoverId, request.body),
  );

  app.post(
    '/api/handovers/:handoverId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a handover the caller’s prison sent, while the Bapas has not decided',
        params: HandoverParams,
        body: CancelHandoverRequest,
        response: decision,
      },
    },
    async (request) => handovers.cancel(db, contextOf(request), request.params.handoverId, request.body),
  );

  app.post(
    '/api/handovers/:handoverId/officer',
    {
      schema: {
        tags,
        summary: 'Give an accepted handover another PK of the Bapas',
        params: HandoverParams,
        body: ChangeOfficerRequest,
        response: decision,
      },
    },
    async (request) =>
      handovers.changeOfficer(db, contextOf(request), request.params.handoverId, request.body),
  );
};

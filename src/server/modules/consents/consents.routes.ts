import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  Consent,
  ConsentList,
  ConsentParams,
  CreateConsentRequest,
  WithdrawConsentRequest,
} from '../../../shared/consents.ts';
import { errorResponses } from '../../../shared/errors.ts';
import { PersonIdParams } from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as consents from './consents.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const consentRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people/:personId/consents',
    {
      schema: {
        tags,
        summary: 'Consents of a person (outside corrections: those naming the caller’s organization or kind)',
        params: PersonIdParams,
        response: { 200: ConsentList, ...errors },
      },
    },
    async (request) => consents.list(db, contextOf(request), request.params.personId),
  );

  app.post(
    '/api/people/:personId/consents',
    {
      schema: {
        tags,
        summary: 'Record a consent to share field groups with organizations or kinds of organization',
        params: PersonIdParams,
        body: CreateConsentRequest,
        response: { 201: Consent, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await consents.create(db, contextOf(request), request.params.personId, request.body)),
  );

  app.post(
    '/api/people/:personId/consents/:consentId/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent (effective from the next request)',
        params: ConsentParams,
        body: WithdrawConsentRequest,
        response: { 200: Consent, ...errors },
      },
    },
    async (request) =>
      consents.withdraw(
        db,
        contextOf(request),
        request.params.personId,
        request.params.consentId,
        request.body,
      ),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { errorResponses } from '../../../shared/errors.ts';
import {
  CreatePersonRequest,
  CreateReferralRequest,
  CreateRemissionRequest,
  CustodyView,
  Person,
  PersonIdParams,
  PersonList,
  PersonListQuery,
  SaveBehaviourScoreRequest,
  SaveCustodyRequest,
  SimilarPeople,
  SimilarPeopleQuery,
  Timeline,
  TimelineQuery,
  UpdatePersonRequest,
} from '../../../shared/people.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as people from './people.service.ts';

const tags = ['people'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const peopleRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'People visible to the caller: fuzzy name search, filters, sorting, pages (audited)',
        querystring: PersonListQuery,
        response: { 200: PersonList, ...errors },
      },
    },
    async (request) => people.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/people/similar',
    {
      schema: {
        tags,
        summary: 'People with a similar name and the same birth date (duplicate warning)',
        querystring: SimilarPeopleQuery,
        response: { 200: SimilarPeople, ...errors },
      },
    },
    async (request) => people.similar(db, contextOf(request), request.query),
  );

  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary:
          'Register a person held by the caller’s prison (409 PERSON_SIMILAR_EXISTS: resend with confirmSimilar)',
        body: CreatePersonRequest,
        response: { 201: Person, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await people.create(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/people/:personId',
    {
      schema: {
        tags,
        summary: 'One person, only the fields the caller may see (audited)',
        params: PersonIdParams,
        response: { 200: Person, ...errors },
      },
    },
    async (request) => people.get(db, contextOf(request), request.params.personId),
  );

  app.patch(
    '/api/people/:personId',
    {
      schema: {
        tags,
        summary: 'Edit a person (send the version you read; 409 PERSON_CHANGED when it changed meanwhile)',
        params: PersonIdParams,
        body: UpdatePersonRequest,
        response: { 200: Person, ...errors },
      },
    },
    async (request) => people.update(db, contextOf(request), request.params.personId, request.body),
  );

  app.get(
    '/api/people/:personId/custody',
    {
      schema: {
        tags,
        summary:
          'Offence, sentence, remissions, SPPN and computed milestones (corrections staff only; audited)',
        params: PersonIdParams,
        response: { 200: CustodyView, ...errors },
      },
    },
    async (request) => people.getCustody(db, contextOf(request), request.params.personId),
  );

  app.put(
    '/api/people/:personId/custody',
    {
      schema: {
        tags,
        summary: 'Create (version 0) or edit the custody record; 409 CUSTODY_CHANGED on a stale version',
        params: PersonIdParams,
        body: SaveCustodyRequest,
        response: { 200: CustodyView, ...errors },
      },
    },
    async (request) => people.saveCustody(db, contextOf(request), request.params.personId, request.body),
  );

  app.post(
    '/api/people/:personId/remissions',
    {
      schema: {
        tags,
        summary: 'Record a remission granted',
        params: PersonIdParams,
        body: CreateRemissionRequest,
        response: { 200: CustodyView, ...errors },
      },
    },
    async (request) => people.addRemission(db, contextOf(request), request.params.personId, request.body),
  );

  app.delete(
    '/api/people/:personId/remissions/:remissionId',
    {
      schema: {
        tags,
        summary: 'Remove a remission recorded in error',
        params: z.strictObject({ personId: z.uuid(), remissionId: z.uuid() }),
        response: { 200: CustodyView, ...errors },
      },
    },
    async (request) =>
      people.removeRemission(db, contextOf(request), request.params.personId, request.params.remissionId),
  );

  app.put(
    '/api/people/:personId/behaviour-scores',
    {
      schema: {
        tags,
        summary: 'Record or correct the monthly SPPN behaviour score',
        params: PersonIdParams,
        body: SaveBehaviourScoreRequest,
        response: { 200: CustodyView, ...errors },
      },
    },
    async (request) =>
      people.saveBehaviourScore(db, contextOf(request), request.params.personId, request.body),
  );

  app.post(
    '/api/people/:personId/referrals',
    {
      schema: {
        tags,
        summary: 'Refer the person to a Bapas, which then sees her record',
        params: PersonIdParams,
        body: CreateReferralRequest,
        response: { 200: Person, ...errors },
      },
    },
    async (request) => people.refer(db, contextOf(request), request.params.personId, request.body),
  );

  app.get(
    '/api/people/:personId/timeline',
    {
      schema: {
        tags,
        summary: 'The person’s events, newest first (others than corrections staff see shared events only)',
        params: PersonIdParams,
        querystring: TimelineQuery,
        response: { 200: Timeline, ...errors },
      },
    },
    async (request) => people.timeline(db, contextOf(request), request.params.personId, request.query),
  );
};

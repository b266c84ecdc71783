import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  AdvancePlacementRequest,
  PersonPlacements,
  PersonPlacementsParams,
  PlacementDetail,
  PlacementList,
  PlacementListQuery,
  PlacementParams,
  ProposePlacementRequest,
} from '../../../shared/placements.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as placements from './placements.service.ts';

const tags = ['placements'];
const errors = errorResponses(400, 401, 403, 404, 409);

export const placementRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/placements',
    {
      schema: {
        tags,
        summary: 'The pipeline board: placements the caller reaches, newest step first, capped (audited)',
        querystring: PlacementListQuery,
        response: { 200: PlacementList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => placements.list(db, contextOf(request), request.query),
  );

  app.post(
    '/api/placements',
    {
      schema: {
        tags,
        summary:
          'Propose a woman for an open opportunity with places left (she must have consented to its partner)',
        body: ProposePlacementRequest,
        response: { 201: PlacementDetail, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await placements.propose(db, contextOf(request), request.body)),
  );

  app.get(
    '/api/placements/:placementId',
    {
      schema: {
        tags,
        summary: 'One placement with its steps and who recorded them (audited)',
        params: PlacementParams,
        response: { 200: PlacementDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => placements.get(db, contextOf(request), request.params.placementId),
  );

  app.post(
    '/api/placements/:placementId/steps',
    {
      schema: {
        tags,
        summary: 'Record the next step of a placement (forward only, dated; never beyond the places)',
        params: PlacementParams,
        body: AdvancePlacementRequest,
        response: { 200: PlacementDetail, ...errors },
      },
    },
    async (request) => placements.advance(db, contextOf(request), request.params.placementId, request.body),
  );

  app.get(
    '/api/people/:personId/placements',
    {
      schema: {
        tags,
        summary: 'A woman’s placements that the caller reaches (audited)',
        params: PersonPlacementsParams,
        response: { 200: PersonPlacements, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => placements.forPerson(db, contextOf(request), request.params.personId),
  );
};

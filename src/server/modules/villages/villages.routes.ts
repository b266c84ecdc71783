import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import {
  UpdateVillageRequest,
  VillageDetail,
  VillageList,
  VillageListQuery,
  VillageParams,
  VillageRevisionList,
  VillageRevisionsQuery,
  VillageSectors,
  VillageSectorsQuery,
} from '../../../shared/villages.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as villages from './villages.service.ts';

const tags = ['villages'];

export const villageRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/villages',
    {
      schema: {
        tags,
        summary: 'Every kelurahan with host status and counts (potentials, needs, partners, places, placed)',
        querystring: VillageListQuery,
        response: { 200: VillageList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => villages.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/villages/sectors',
    {
      schema: {
        tags,
        summary:
          'Per sector: potentials, needs, open opportunities and places, placed people (one kelurahan or all)',
        querystring: VillageSectorsQuery,
        response: { 200: VillageSectors, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => villages.sectors(db, contextOf(request), request.query),
  );

  app.get(
    '/api/villages/:villageId',
    {
      schema: {
        tags,
        summary: 'One kelurahan: profile, contacts, potentials, needs, facilities, counts, canEdit',
        params: VillageParams,
        response: { 200: VillageDetail, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => villages.get(db, contextOf(request), request.params.villageId),
  );

  app.put(
    '/api/villages/:villageId',
    {
      schema: {
        tags,
        summary:
          'Save the whole profile document of a kelurahan the caller manages (send the version read; 0 the first time)',
        params: VillageParams,
        body: UpdateVillageRequest,
        response: { 200: VillageDetail, ...errorResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => villages.update(db, contextOf(request), request.params.villageId, request.body),
  );

  app.get(
    '/api/villages/:villageId/revisions',
    {
      schema: {
        tags,
        summary: 'The saved versions of a kelurahan profile, newest first: who, when, what changed',
        params: VillageParams,
        querystring: VillageRevisionsQuery,
        response: { 200: VillageRevisionList, ...errorResponses(400, 401, 403, 404) },
      },
    },
    async (request) => villages.revisions(db, contextOf(request), request.params.villageId, request.query),
  );
};

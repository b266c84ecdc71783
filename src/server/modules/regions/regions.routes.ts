import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorResponse } from '../../../shared/errors.ts';
import { Village, VillageCodeParams, VillageList, VillageSearchQuery } from '../../../shared/regions.ts';
import { contextOf } from '../../platform/access.ts';
import * as regions from './regions.service.ts';

const tags = ['regions'];

export const regionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/regions/villages',
    {
      schema: {
        tags,
        summary:
          'Search kelurahan/desa of all Indonesia by name (with district or regency words) or code prefix',
        querystring: VillageSearchQuery,
        response: { 200: VillageList, 400: ErrorResponse, 401: ErrorResponse },
      },
    },
    async (request) => regions.listVillages(contextOf(request), request.query),
  );

  app.get(
    '/api/regions/villages/:code',
    {
      schema: {
        tags,
        summary: 'One kelurahan/desa by its Kemendagri code (e.g. 33.74.13.1001)',
        params: VillageCodeParams,
        response: { 200: Village, 400: ErrorResponse, 401: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => regions.getVillage(contextOf(request), request.params.code),
  );
};

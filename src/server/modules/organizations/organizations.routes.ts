import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { IdParams } from '../../../shared/common.ts';
import { ErrorResponse } from '../../../shared/errors.ts';
import { Organization, OrganizationList, OrganizationListQuery } from '../../../shared/organizations.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as organizations from './organizations.service.ts';

const tags = ['organizations'];

export const organizationRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/organizations',
    {
      schema: {
        tags,
        summary: 'The organization directory (filter by kind, search by name or code)',
        querystring: OrganizationListQuery,
        response: { 200: OrganizationList, 400: ErrorResponse, 401: ErrorResponse, 403: ErrorResponse },
      },
    },
    async (request) => organizations.list(db, contextOf(request), request.query),
  );

  app.get(
    '/api/organizations/:id',
    {
      schema: {
        tags,
        summary: 'One organization with contacts and the organizations under it',
        params: IdParams,
        response: { 200: Organization, 401: ErrorResponse, 403: ErrorResponse, 404: ErrorResponse },
      },
    },
    async (request) => organizations.get(db, contextOf(request), request.params.id),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { errorResponses } from '../../../shared/errors.ts';
import { PrereleaseList, PrereleaseQuery } from '../../../shared/prerelease.ts';
import type { Database } from '../../db/schema.ts';
import { contextOf } from '../../platform/access.ts';
import * as prerelease from './prerelease.service.ts';

export const prereleaseRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  app.get(
    '/api/prerelease',
    {
      schema: {
        tags: ['prerelease'],
        summary:
          'The women the caller sees whose release, asimilasi, PB, CB or CMB date falls within the window, with plan completeness, what is missing, the handover and tasks due (corrections staff; audited)',
        querystring: PrereleaseQuery,
        response: { 200: PrereleaseList, ...errorResponses(400, 401, 403) },
      },
    },
    async (request) => prerelease.list(db, contextOf(request), request.query),
  );
};

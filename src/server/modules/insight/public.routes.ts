import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { PublicFigures } from '../../../shared/publicFigures.ts';
import type { Database } from '../../db/schema.ts';
import { computePublicFigures, createPublicFiguresCache, publicAsOf } from './public.service.ts';

/** Browsers and proxies may keep the answer as long as the server does. */
const CACHE_CONTROL = 'public, max-age=600';

// The public page's figures (issue 9, ADR 015): no sign-in, aggregates only, small counts suppressed, cached.
export const publicInsightRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (app, { db }) => {
  // One cache per application (buildApp), so a new app computes afresh.
  const cache = createPublicFiguresCache((asOf) => computePublicFigures(db, asOf));

  // The app's onSend hook marks every /api/ answer no-store; this plugin's hook runs after it.
  app.addHook('onSend', async (_request, reply) => {
    if (reply.statusCode === 200) reply.header('cache-control', CACHE_CONTROL);
  });

  app.get(
    '/api/public/figures',
    {
      schema: {
        tags: ['insight'],
        summary:
          'The program’s aggregate figures for the public page (no sign-in): as of the last day of the previous ' +
          'month, counts of people 1–4 hidden (and complementary cells), cached 10 minutes',
        response: { 200: PublicFigures },
      },
    },
    async () => cache.get(publicAsOf()),
  );
};

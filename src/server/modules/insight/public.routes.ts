import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// The public page's figures (issue 9, ADR 015): no sign-in, aggregates only, small counts suppressed, cached.
export const publicInsightRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (
  _app,
  _options,
) => {};

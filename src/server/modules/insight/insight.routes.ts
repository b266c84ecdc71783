import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

// Insight (issue 9, ADR 015): the program dashboard, the kelurahan view and the monthly report.
export const insightRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async (_app, _options) => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';

// Placeholder until the routes land.
export const enrolmentRoutes: FastifyPluginAsyncZod<{ db: Kysely<Database> }> = async () => {};

import type { FastifyBaseLogger } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { type Kysely, sql } from 'kysely';
import { Health } from '../../../shared/auth.ts';
import type { Database } from '../../db/schema.ts';

export interface HealthDeps {
  db: Kysely<Database>;
  databaseKind: 'embedded' | 'postgresql';
  version: string;
  demo: boolean;
}

const TIMEOUT_MS = 2000;

export const healthRoutes: FastifyPluginAsyncZod<HealthDeps> = async (
  app,
  { db, databaseKind, version, demo },
) => {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Liveness and database status (503 when the database cannot be reached)',
        response: { 200: Health, 503: Health },
      },
    },
    async (request, reply) => {
      const ok = await pingDatabase(db, request.log);
      return reply.status(ok ? 200 : 503).send({
        status: ok ? 'ok' : 'degraded',
        database: ok ? 'ok' : 'unreachable',
        databaseKind,
        version,
        demo,
      });
    },
  );
};

async function pingDatabase(db: Kysely<Database>, log: FastifyBaseLogger): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('database ping timed out')), TIMEOUT_MS);
    });
    await Promise.race([sql`select 1`.execute(db), timeout]);
    return true;
  } catch (error) {
    log.warn({ err: error }, 'health check: database unreachable');
    return false;
  } finally {
    clearTimeout(timer);
  }
}

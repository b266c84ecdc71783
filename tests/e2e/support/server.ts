import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../../src/server/app.ts';
import { loadConfig } from '../../../src/server/config.ts';
import type { DatabaseHandle } from '../../../src/server/db/connect.ts';
import { createTestDatabase } from '../../support/database.ts';

export interface E2EServer {
  baseUrl: string;
  app: FastifyInstance;
  database: DatabaseHandle;
  close(): Promise<void>;
}

/** The real server with the built web app, demo data on a fresh embedded database, on a free local port. */
export async function startServer(): Promise<E2EServer> {
  const database = await createTestDatabase({ demo: true });
  const app = await buildApp({
    config: loadConfig({ NODE_ENV: 'test', DEMO: '1' }),
    database,
    logger: false,
    webRoot: path.resolve(import.meta.dirname, '../../../dist/web'),
    loginRateLimit: { maxPerAddress: 1000, timeWindow: 60_000 },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    baseUrl: `http://127.0.0.1:${address.port}`,
    app,
    database,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

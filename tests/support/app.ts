import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/server/app.ts';
import { type Config, loadConfig } from '../../src/server/config.ts';
import type { DatabaseHandle } from '../../src/server/db/connect.ts';
import type { LoginRateLimit } from '../../src/server/modules/auth/auth.routes.ts';
import { createTestDatabase } from './database.ts';

export interface TestApp {
  app: FastifyInstance;
  database: DatabaseHandle;
  config: Config;
  close(): Promise<void>;
}

/** The whole application on a fresh database, for app.inject(). */
export async function createTestApp(
  options: { demo?: boolean; env?: Record<string, string>; loginRateLimit?: LoginRateLimit } = {},
): Promise<TestApp> {
  const database = await createTestDatabase({ demo: options.demo });
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DEMO: options.demo ? '1' : '0',
    ...options.env,
  });
  const app = await buildApp({
    config,
    database,
    logger: false,
    webRoot: '/nonexistent',
    loginRateLimit: options.loginRateLimit ?? { maxPerAddress: 1000, timeWindow: 60_000 },
  });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.close();
    },
  };
}

/** A signed-in client: injects with the session cookie and CSRF token. */
export interface Session {
  cookie: string;
  csrfToken: string;
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function signIn(app: FastifyInstance, username: string, password: string): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200)
    throw new Error(`sign-in of ${username} failed: ${response.statusCode} ${response.body}`);
  const setCookie = response.headers['set-cookie'];
  const raw = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  const cookie = (raw ?? '').split(';')[0] ?? '';
  const csrfToken = response.json().csrfToken as string;
  return {
    cookie,
    csrfToken,
    request: (options) =>
      app.inject({
        ...options,
        headers: { cookie, 'x-csrf-token': csrfToken, ...(options.headers ?? {}) },
      } as InjectOptions),
  };
}

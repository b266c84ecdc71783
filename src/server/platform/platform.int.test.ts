import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../tests/support/app.ts';
import { buildApp } from '../app.ts';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/connect.ts';
import { prepareDatabase } from '../db/setup.ts';

let t: TestApp;
let session: Session;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db, { roles: ['system_admin'] });
  session = await signIn(t.app, user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('bad requests get one error shape', () => {
  it('malformed JSON → 400', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "a",',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'MALFORMED_JSON', message: 'Isi permintaan bukan JSON yang valid.' },
    });
  });

  it('a body over 1 MB → 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ username: 'a', password: 'x'.repeat(1024 * 1024) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('BODY_TOO_LARGE');
  });

  it('a content type other than JSON → 415', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'username=a&password=b',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const form = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'username=a&password=b',
    });
    expect(form.statusCode).toBe(415);
  });

  it('a missing field is named as required', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'a' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ password: 'Wajib diisi.' });
  });

  it('an unknown address → 404 in the same shape', async () => {
    const response = await session.request({ method: 'GET', url: '/api/tidak-ada' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'NOT_FOUND', message: 'Alamat yang diminta tidak ditemukan.' },
    });
  });

  it('every answer carries a correlation id made by the server, never the caller’s', async () => {
    const given = await t.app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'kantor-bapas-0001' },
    });
    expect(given.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses input the database cannot store (a NUL character, a year 0) with 400, not a server error', async () => {
    const nul = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'ad\u0000min', password: 'x' },
    });
    expect(nul.statusCode).toBe(400);
    expect(nul.json().error.code).toBe('VALIDATION_FAILED');
    const year = await session.request({ method: 'GET', url: '/api/audit?from=0000-01-01' });
    expect(year.statusCode).toBe(400);
  });

  it('runs the session check for an encoded API address too', async () => {
    const response = await session.request({ method: 'GET', url: '/%61pi/me' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('behind a reverse proxy', () => {
  it('with TRUST_PROXY=1 takes the client address the proxy added, not one the client forged', async () => {
    const proxied = await createTestApp({ env: { TRUST_PROXY: '1' } });
    try {
      const user = await createUser(proxied.database.db);
      const response = await proxied.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' },
      });
      expect(response.statusCode).toBe(200);
      const entry = await proxied.database.db
        .selectFrom('audit_log')
        .select('ip')
        .where('action', '=', 'auth.login')
        .where('subject_id', '=', user.id)
        .executeTakeFirstOrThrow();
      expect(entry.ip).toBe('203.0.113.7');
    } finally {
      await proxied.close();
    }
  });
});

describe('security headers', () => {
  it('sends a CSP without inline scripts, and no caching of API answers', async () => {
    const response = await session.request({ method: 'GET', url: '/api/me' });
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('health, API description and server errors', () => {
  it('reports the database and serves OpenAPI 3.1 with one tag per module and a readable reference', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json()).toMatchObject({ status: 'ok', database: 'ok', version: expect.any(String) });
    const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(openapi.openapi).toBe('3.1.0');
    expect(openapi.tags.map((tag: { name: string }) => tag.name)).toEqual([
      'auth',
      'health',
      'organizations',
      'users',
      'audit',
    ]);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/me', '/api/users/{id}', '/api/audit']),
    );
    expect(
      openapi.paths['/api/auth/login'].post.requestBody.content['application/json'].schema.required,
    ).toEqual(['username', 'password']);
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('/api/openapi.json');
    expect(docs.headers['content-type']).toContain('text/html');
  });

  it('answers 503 from /api/health and a logged 5xx with a correlation id when the database is gone', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const database = await openDatabase({ kind: 'embedded', dataDir: null });
    await prepareDatabase(database.db, { demo: false });
    const user = await createUser(database.db, { roles: ['viewer'] });
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test' }),
      database,
      logger: { level: 'error', stream },
      webRoot: '/nonexistent',
    });
    const broken = await signIn(app, user.username, TEST_PASSWORD);
    await database.close();
    const health = await app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(503);
    expect(health.json()).toMatchObject({ status: 'degraded', database: 'unreachable' });
    const response = await broken.request({ method: 'GET', url: '/api/organizations' });
    expect(response.statusCode).toBeGreaterThanOrEqual(500);
    const { error } = response.json();
    expect(error.correlationId).toBe(response.headers['x-correlation-id']);
    expect(error.message).toContain(error.correlationId);
    expect(response.body).not.toMatch(/at .*\.ts:\d+/);
    expect(lines.some((line) => line.includes(error.correlationId) && line.includes('"level":50'))).toBe(
      true,
    );
    await app.close();
  });

  it('serves the web app at the root and at every client route, files as they are, and JSON 404s under /api', async () => {
    const webRoot = mkdtempSync(path.join(tmpdir(), 'sinergi-web-'));
    writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>Sinergi</title>');
    mkdirSync(path.join(webRoot, 'assets'));
    writeFileSync(path.join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    const database = await openDatabase({ kind: 'embedded', dataDir: null });
    await prepareDatabase(database.db, { demo: false });
    const app = await buildApp({
      config: loadConfig({ NODE_ENV: 'test' }),
      database,
      logger: false,
      webRoot,
    });
    try {
      for (const url of ['/', '/pelatihan/angkatan', '/warga?q=siti']) {
        const page = await app.inject({ method: 'GET', url });
        expect(page.statusCode, url).toBe(200);
        expect(page.headers['content-type']).toContain('text/html');
        expect(page.body).toContain('<title>Sinergi</title>');
      }
      const asset = await app.inject({ method: 'GET', url: '/assets/app.js' });
      expect(asset.statusCode).toBe(200);
      expect(asset.body).toBe('console.log(1)');
      const api = await app.inject({ method: 'GET', url: '/api/nothing-here' });
      expect(api.statusCode).toBe(404);
      expect(api.json().error.code).toBe('NOT_FOUND');
    } finally {
      await app.close();
      await database.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});

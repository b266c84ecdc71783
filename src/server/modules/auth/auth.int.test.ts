import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { permissionsForRoles } from '../../../shared/permissions.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const login = (username: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, headers });

async function auditActions(userId: string) {
  const rows = await t.database.db
    .selectFrom('audit_log')
    .select(['action', 'details'])
    .where('subject_id', '=', userId)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.action);
}

describe('sign-in', () => {
  it('signs in with username and password, sets an httpOnly SameSite=Lax cookie, and answers /api/me', async () => {
    const user = await createUser(t.database.db, { roles: ['prison_head'] });
    const response = await login(user.username.toUpperCase(), TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^sinergi_session=[\w-]+;/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    // A browser-session cookie: closing the browser on a shared office computer ends it.
    expect(cookie).not.toMatch(/Expires|Max-Age/i);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie: cookie.split(';')[0] as string },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      user: { username: user.username, language: 'id', mustChangePassword: false },
      organization: { id: user.organization_id, kind: 'prison' },
      roles: ['prison_head'],
      permissions: permissionsForRoles(['prison_head']),
      session: { idleTimeoutMinutes: 30 },
    });
    expect(await auditActions(user.id)).toEqual(['auth.login']);
  });

  it('gives the same answer for an unknown user and a wrong password, in Indonesian', async () => {
    const user = await createUser(t.database.db);
    const unknown = await login('tidak.ada', 'apa-saja-123');
    const wrong = await login(user.username, 'salah-sekali-123');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(wrong.json()).toEqual({
      error: { code: 'AUTH_INVALID', message: 'Nama pengguna atau kata sandi salah.' },
    });
    const english = await login('tidak.ada', 'apa-saja-123', { 'accept-language': 'en-US,en;q=0.9' });
    expect(english.json().error.message).toBe('Wrong username or password.');
    // The typed name is not kept (it could be a misplaced password), only a fingerprint of it.
    const failed = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_username', 'details'])
      .where('action', '=', 'auth.login_failed')
      .where(sql<string>`details->>'reason'`, '=', 'unknown_user')
      .execute();
    expect(failed).toHaveLength(2);
    expect(failed[0]?.actor_username).toBeNull();
    expect(failed[0]?.details).toEqual({
      reason: 'unknown_user',
      fingerprint: expect.stringMatching(/^[\w-]{22}$/),
    });
    expect(failed[1]?.details).toEqual(failed[0]?.details);
    expect(JSON.stringify(failed)).not.toContain('tidak.ada');
  });

  it('locks the account for 15 minutes after 5 failed attempts, even against the right password', async () => {
    const user = await createUser(t.database.db);
    for (let attempt = 1; attempt <= 4; attempt++)
      expect((await login(user.username, 'salah-sekali-123')).statusCode).toBe(401);
    const fifth = await login(user.username, 'salah-sekali-123');
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('AUTH_LOCKED');
    expect(fifth.json().error.message).toContain('15 menit');
    const right = await login(user.username, TEST_PASSWORD);
    expect(right.statusCode).toBe(423);
    const stored = await t.database.db
      .selectFrom('app_user')
      .select(['locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    const minutes = ((stored.locked_until?.getTime() ?? 0) - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
    expect(await auditActions(user.id)).toEqual([
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.login_failed',
      'auth.locked',
      'auth.login_failed',
    ]);
    // Once the lock has passed, the right password works and the counter starts again.
    await t.database.db
      .updateTable('app_user')
      .set({ locked_until: sql`now() - interval '1 second'` })
      .where('id', '=', user.id)
      .execute();
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('answers "locked" after 5 attempts on an unknown username too, so the lock reveals no account', async () => {
    const answers = [];
    for (let attempt = 1; attempt <= 6; attempt++)
      answers.push((await login('hantu.tidak.ada', 'salah-sekali-123')).statusCode);
    expect(answers).toEqual([401, 401, 401, 401, 423, 423]);
    expect((await login('hantu.tidak.ada', 'salah-sekali-123')).json().error.message).toContain('15 menit');
  });

  it('counts parallel guesses against the limit before checking them, so a burst gets no more than 5', async () => {
    const user = await createUser(t.database.db);
    const guesses = [...Array.from({ length: 9 }, (_, i) => `salah-paralel-${i}`), TEST_PASSWORD];
    const answers = await Promise.all(guesses.map((password) => login(user.username, password)));
    const checked = answers.filter((answer) => answer.statusCode !== 423);
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(answers.filter((answer) => answer.statusCode === 423).length).toBeGreaterThanOrEqual(5);
  });

  it('refuses a deactivated user with the generic message', async () => {
    const user = await createUser(t.database.db, { active: false });
    const response = await login(user.username, TEST_PASSWORD);
    expect(response.statusCode).toBe(401);
    expect(response.json().error.code).toBe('AUTH_INVALID');
  });

  it('rate-limits sign-in attempts per address', async () => {
    const limited = await createTestApp({ loginRateLimit: { maxPerAddress: 5, timeWindow: 60_000 } });
    try {
      const attempt = (username: string, remoteAddress: string) =>
        limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'salah-sekali-123' },
          remoteAddress,
        });
      // One machine spraying a password over many usernames gets five tries a minute...
      for (let i = 1; i <= 5; i++) expect((await attempt(`nama.${i}`, '10.0.0.2')).statusCode).toBe(401);
      const blocked = await attempt('nama.6', '10.0.0.2');
      expect(blocked.statusCode).toBe(429);
      expect(blocked.json().error.code).toBe('RATE_LIMITED');
      expect(blocked.json().error.message).toContain('Terlalu banyak permintaan');
      // ...while a colleague at another address is not held up.
      expect((await attempt('nama.6', '10.0.0.9')).statusCode).toBe(401);
    } finally {
      await limited.close();
    }
  });
});

describe('sessions', () => {
  it('ends the session on logout', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    const logout = await session.request({ method: 'POST', url: '/api/auth/logout' });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toMatch(/sinergi_session=;/);
    const me = await session.request({ method: 'GET', url: '/api/me' });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('AUTH_REQUIRED');
    expect(await auditActions(user.id)).toEqual(['auth.login', 'auth.logout']);
  });

  it('ends a session idle for longer than 30 minutes, and one past its absolute expiry', async () => {
    const user = await createUser(t.database.db);
    const idle = await signIn(t.app, user.username, TEST_PASSWORD);
    const absolute = await signIn(t.app, user.username, TEST_PASSWORD);
    await t.database.db
      .updateTable('session')
      .set({ last_seen_at: sql`now() - interval '31 minutes'` })
      .where('user_id', '=', user.id)
      .where('csrf_token', '=', idle.csrfToken)
      .execute();
    await t.database.db
      .updateTable('session')
      .set({ expires_at: sql`now() - interval '1 second'` })
      .where('csrf_token', '=', absolute.csrfToken)
      .execute();
    expect((await idle.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await absolute.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('keeps an active session alive by moving its idle deadline', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    await t.database.db
      .updateTable('session')
      .set({ last_seen_at: sql`now() - interval '29 minutes'` })
      .where('csrf_token', '=', session.csrfToken)
      .execute();
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const row = await t.database.db
      .selectFrom('session')
      .select('last_seen_at')
      .where('csrf_token', '=', session.csrfToken)
      .executeTakeFirstOrThrow();
    expect(Date.now() - row.last_seen_at.getTime()).toBeLessThan(60_000);
  });

  it('refuses a state-changing request without the CSRF token, or from another site', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    const noToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { cookie: session.cookie },
      payload: { language: 'en' },
    });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.json().error.code).toBe('CSRF_INVALID');
    const wrongToken = await session.request({
      method: 'PATCH',
      url: '/api/me/preferences',
      headers: { 'x-csrf-token': 'palsu' },
      payload: { language: 'en' },
    });
    expect(wrongToken.statusCode).toBe(403);
    const crossSite = await login(user.username, TEST_PASSWORD, {
      origin: 'https://jahat.example',
      host: 'localhost:3000',
    });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('CSRF_INVALID');
    const fetchSite = await login(user.username, TEST_PASSWORD, { 'sec-fetch-site': 'cross-site' });
    expect(fetchSite.statusCode).toBe(403);
    const sameOrigin = await login(user.username, TEST_PASSWORD, {
      origin: 'http://localhost:3000',
      host: 'localhost:3000',
    });
    expect(sameOrigin.statusCode).toBe(200);
  });
});

describe('own password and preferences', () => {
  it('forces a user with a temporary password to change it before anything else', async () => {
    const user = await createUser(t.database.db, { mustChangePassword: true, username: 'dewi.baru' });
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    expect((await session.request({ method: 'GET', url: '/api/me' })).json().user.mustChangePassword).toBe(
      true,
    );
    const blocked = await session.request({ method: 'GET', url: '/api/organizations' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('PASSWORD_CHANGE_REQUIRED');

    const change = (currentPassword: string, newPassword: string) =>
      session.request({ method: 'POST', url: '/api/me/password', payload: { currentPassword, newPassword } });
    const wrongCurrent = await change('bukan-ini-123', 'Sulam-Rajut-2026');
    expect(wrongCurrent.statusCode).toBe(400);
    expect(wrongCurrent.json().error.code).toBe('PASSWORD_WRONG');
    expect(wrongCurrent.json().error.fields).toEqual({ currentPassword: 'Kata sandi saat ini salah.' });
    expect((await change(TEST_PASSWORD, 'pendek')).json().error.fields).toEqual({
      newPassword: 'Kata sandi minimal 10 karakter.',
    });
    expect((await change(TEST_PASSWORD, 'dewi.baru-2026')).json().error.fields.newPassword).toBe(
      'Kata sandi tidak boleh sama dengan nama pengguna.',
    );
    expect((await change(TEST_PASSWORD, 'Password123')).json().error.fields.newPassword).toContain(
      'terlalu umum',
    );
    expect((await change(TEST_PASSWORD, TEST_PASSWORD)).json().error.fields.newPassword).toContain('berbeda');

    expect((await change(TEST_PASSWORD, 'Sulam-Rajut-2026')).statusCode).toBe(204);
    expect((await session.request({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(200);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(user.username, 'Sulam-Rajut-2026')).statusCode).toBe(200);
    expect(await auditActions(user.id)).toContain('auth.password_changed');
  });

  it('counts wrong current passwords: the fifth locks the account and ends the session', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    const guess = (currentPassword: string) =>
      session.request({
        method: 'POST',
        url: '/api/me/password',
        payload: { currentPassword, newPassword: 'Baru-Sekali-2026' },
      });
    for (let i = 1; i <= 4; i++) expect((await guess(`tebakan-${i}-salah`)).statusCode).toBe(400);
    const fifth = await guess('tebakan-5-salah');
    expect(fifth.statusCode).toBe(423);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await login(user.username, TEST_PASSWORD)).statusCode).toBe(423);
    const actions = await auditActions(user.id);
    expect(actions.filter((action) => action === 'auth.password_change_failed')).toHaveLength(5);
    expect(actions).toContain('auth.locked');
  });

  it('ends the other sessions of a user who changes her password', async () => {
    const user = await createUser(t.database.db);
    const phone = await signIn(t.app, user.username, TEST_PASSWORD);
    const laptop = await signIn(t.app, user.username, TEST_PASSWORD);
    const change = await laptop.request({
      method: 'POST',
      url: '/api/me/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'Tata-Boga-Enak-9' },
    });
    expect(change.statusCode).toBe(204);
    expect((await phone.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await laptop.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
  });

  it('remembers the language per user and answers errors in it', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    const changed = await session.request({
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: { language: 'en' },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.language).toBe('en');
    const again = await signIn(t.app, user.username, TEST_PASSWORD);
    expect((await again.request({ method: 'GET', url: '/api/me' })).json().user.language).toBe('en');
    const forbidden = await again.request({ method: 'GET', url: '/api/audit' });
    expect(forbidden.json().error.message).toBe('You do not have permission for this action.');
    const bad = await again.request({
      method: 'PATCH',
      url: '/api/me/preferences',
      payload: { language: 'fr' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.language).toBe('Invalid option. Options: id, en.');
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db, {
    roles: ['system_admin'],
    organizationId: LAPAS_ID,
    username: 'admin.audit',
  });
  admin = await signIn(t.app, user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the application’s own connection', async () => {
    const db = t.database.db;
    await expect(db.updateTable('audit_log').set({ action: 'forged' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const count = await db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBeGreaterThan(0);
  });
});

describe('reading the audit log', () => {
  it('filters by user, action (or its prefix), subject and dates, newest first', async () => {
    const pk = await createUser(t.database.db, { roles: ['probation_officer'], organizationId: BAPAS_ID });
    const session = await signIn(t.app, pk.username, TEST_PASSWORD);
    await session.request({ method: 'POST', url: '/api/auth/logout' });

    const byUser = await admin.request({ method: 'GET', url: `/api/audit?username=${pk.username}` });
    expect(byUser.statusCode).toBe(200);
    expect(byUser.json().items.map((entry: { action: string }) => entry.action)).toEqual([
      'auth.logout',
      'auth.login',
    ]);
    expect(byUser.json().items[0]).toMatchObject({
      actorUserId: pk.id,
      actorOrganizationName: 'Balai Pemasyarakatan Kelas I Semarang',
      subjectType: 'user',
      subjectId: pk.id,
      correlationId: expect.any(String),
    });

    const prefix = await admin.request({ method: 'GET', url: `/api/audit?action=auth&userId=${pk.id}` });
    expect(prefix.json().total).toBe(2);
    const exact = await admin.request({
      method: 'GET',
      url: `/api/audit?action=auth.login&subjectType=user&subjectId=${pk.id}`,
    });
    expect(exact.json().total).toBe(1);

    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const inRange = await admin.request({
      method: 'GET',
      url: `/api/audit?userId=${pk.id}&from=${today}&to=${today}`,
    });
    expect(inRange.json().total).toBe(2);
    const past = await admin.request({
      method: 'GET',
      url: `/api/audit?userId=${pk.id}&from=2026-01-01&to=2026-01-31`,
    });
    expect(past.json().total).toBe(0);
    const badDate = await admin.request({ method: 'GET', url: '/api/audit?from=31/01/2026' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().error.fields.from).toBe('Tanggal tidak valid (format yyyy-mm-dd).');
  });

  it('shows a prison head only what her organization’s users did', async () => {
    const head = await createUser(t.database.db, { roles: ['prison_head'], organizationId: LAPAS_ID });
    await signIn(
      t.app,
      (await createUser(t.database.db, { organizationId: BAPAS_ID, roles: ['probation_officer'] })).username,
      TEST_PASSWORD,
    );
    const session = await signIn(t.app, head.username, TEST_PASSWORD);
    const response = await session.request({ method: 'GET', url: '/api/audit?pageSize=200' });
    expect(response.statusCode).toBe(200);
    const organizations = new Set(
      response.json().items.map((entry: { actorOrganizationId: string }) => entry.actorOrganizationId),
    );
    expect([...organizations]).toEqual([LAPAS_ID]);
  });

  it('does not show a prison head what her administrator did to another organization’s people', async () => {
    const head = await createUser(t.database.db, { roles: ['prison_head'], organizationId: LAPAS_ID });
    const bapasUser = await createUser(t.database.db, {
      roles: ['probation_officer'],
      organizationId: BAPAS_ID,
    });
    const lapasUser = await createUser(t.database.db, {
      roles: ['prison_binadik'],
      organizationId: LAPAS_ID,
    });
    for (const user of [bapasUser, lapasUser]) {
      const changed = await admin.request({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { version: 1, email: 'pribadi@example.com' },
      });
      expect(changed.statusCode).toBe(200);
    }
    const session = await signIn(t.app, head.username, TEST_PASSWORD);
    const seen = (
      await session.request({ method: 'GET', url: '/api/audit?action=user.updated&pageSize=200' })
    ).json();
    const subjects = seen.items.map((entry: { subjectId: string }) => entry.subjectId);
    expect(subjects).toContain(lapasUser.id);
    expect(subjects).not.toContain(bapasUser.id);
    const csv = (await session.request({ method: 'GET', url: '/api/audit/export.csv?action=user.updated' }))
      .body;
    expect(csv).not.toContain(bapasUser.id);
  });

  it('is closed to staff without an audit permission', async () => {
    const clerk = await createUser(t.database.db, { roles: ['prison_giatja'], organizationId: LAPAS_ID });
    const session = await signIn(t.app, clerk.username, TEST_PASSWORD);
    expect((await session.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await session.request({ method: 'GET', url: '/api/audit/export.csv' })).statusCode).toBe(403);
  });

  it('exports the filtered log as CSV for Excel, and records the export', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/audit/export.csv?action=auth.login' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="audit-sinergi-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = response.body.split('\r\n').filter(Boolean);
    expect(lines[0]).toBe(
      '\uFEFFNo,Waktu (WIB),Pengguna,Organisasi,Tindakan,Jenis subjek,ID subjek,ID korelasi,IP,Rincian',
    );
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toContain(',auth.login,');
    const exported = await admin.request({ method: 'GET', url: '/api/audit?action=audit.exported' });
    expect(exported.json().items[0].details).toEqual({
      filter: { action: 'auth.login' },
      rows: lines.length - 1,
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
let admin: Session;
let adminId: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db, {
    roles: ['system_admin'],
    organizationId: LAPAS_ID,
    username: 'admin.uji',
  });
  adminId = user.id;
  admin = await signIn(t.app, user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  username: `pk.${Math.random().toString(36).slice(2, 8)}`,
  fullName: 'Ayu Pratiwi',
  email: 'ayu@example.go.id',
  position: 'PK Ahli Pertama',
  organizationId: BAPAS_ID,
  roles: ['probation_officer'],
  password: 'Awal-Sementara-2026',
  ...overrides,
});

describe('creating users', () => {
  it('creates a user who must change the initial password at first sign-in, and audits it', async () => {
    const body = newUser({ username: 'Ayu.Pratiwi' });
    const created = await admin.request({ method: 'POST', url: '/api/users', payload: body });
    expect(created.statusCode).toBe(201);
    const user = created.json();
    expect(user).toMatchObject({
      username: 'ayu.pratiwi',
      fullName: 'Ayu Pratiwi',
      organizationName: 'Balai Pemasyarakatan Kelas I Semarang',
      roles: ['probation_officer'],
      active: true,
      mustChangePassword: true,
      version: 1,
    });
    const session = await signIn(t.app, 'ayu.pratiwi', 'Awal-Sementara-2026');
    expect((await session.request({ method: 'GET', url: '/api/me' })).json().user.mustChangePassword).toBe(
      true,
    );
    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'user.created')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(entry.actor_user_id).toBe(adminId);
    expect(entry.details).toEqual({
      username: 'ayu.pratiwi',
      organizationId: BAPAS_ID,
      roles: ['probation_officer'],
    });
    expect(JSON.stringify(entry.details)).not.toContain('Awal-Sementara');
  });

  it('names each bad field in Indonesian and stores nothing', async () => {
    const before = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: newUser({
        username: 'x',
        fullName: '',
        email: 'bukan-email',
        roles: [],
        organizationId: 'abc',
      }),
    });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toBe('Data yang dikirim tidak valid. Periksa isian yang ditandai.');
    expect(error.fields).toEqual({
      username: expect.stringContaining('huruf kecil'),
      fullName: 'Minimal 2 karakter.',
      email: 'Alamat email tidak valid.',
      roles: 'Pilih minimal 1.',
      organizationId: 'Pengenal tidak valid.',
    });
    const after = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('applies the password policy to the initial password', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ password: 'katasandi123' }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.password).toContain('terlalu umum');
  });

  it('refuses a taken username and a role that does not fit the organization', async () => {
    const taken = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ username: 'admin.uji' }),
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({
      code: 'USERNAME_TAKEN',
      message: 'Nama pengguna "admin.uji" sudah dipakai.',
    });
    const kelurahan = await createOrganization(t.database.db, { kind: 'village' });
    const misfit = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ organizationId: kelurahan.id, roles: ['probation_officer'] }),
    });
    expect(misfit.statusCode).toBe(400);
    expect(misfit.json().error.code).toBe('ROLE_NOT_ALLOWED_FOR_ORGANIZATION');
    const unknownOrg = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: newUser({ organizationId: '00000000-0000-4000-8000-00000000ffff' }),
    });
    expect(unknownOrg.statusCode).toBe(400);
    expect(unknownOrg.json().error.fields).toHaveProperty('organizationId');
  });

  it('refuses unknown fields, naming them', async () => {
    const response = await admin.request({
      method: 'POST',
      url: '/api/users',
      payload: { ...newUser(), isAdmin: true },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'UNKNOWN_FIELDS',
      message: 'Isian tidak dikenal: isAdmin.',
    });
  });
});

describe('editing users', () => {
  it('updates fields and roles, audits the difference, and refuses a stale version', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/users', payload: newUser() })).json();
    const first = await admin.request({
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { version: 1, fullName: 'Ayu Pratiwi, S.Sos.', roles: ['probation_head'] },
    });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      fullName: 'Ayu Pratiwi, S.Sos.',
      roles: ['probation_head'],
      version: 2,
    });
    const stale = await admin.request({
      method: 'PATCH',
      url: `/api/users/${created.id}`,
      payload: { version: 1, fullName: 'Ditimpa' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const current = (await admin.request({ method: 'GET', url: `/api/users/${created.id}` })).json();
    expect(current.fullName).toBe('Ayu Pratiwi, S.Sos.');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.updated')
      .where('subject_id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toEqual({
      changes: {
        full_name: { from: 'Ayu Pratiwi', to: 'Ayu Pratiwi, S.Sos.' },
        roles: { from: ['probation_officer'], to: ['probation_head'] },
      },
    });
  });

  it('answers 409, not a server error, when two administrators create the same username at once', async () => {
    const body = newUser({ username: 'kembar.sekali' });
    const [a, b] = await Promise.all([
      admin.request({ method: 'POST', url: '/api/users', payload: body }),
      admin.request({ method: 'POST', url: '/api/users', payload: body }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
  });

  it('lets only one of two concurrent edits of the same version win', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/users', payload: newUser() })).json();
    const [a, b] = await Promise.all([
      admin.request({
        method: 'PATCH',
        url: `/api/users/${created.id}`,
        payload: { version: 1, position: 'A' },
      }),
      admin.request({
        method: 'PATCH',
        url: `/api/users/${created.id}`,
        payload: { version: 1, position: 'B' },
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
  });

  it('keeps at least one active administrator', async () => {
    const self = await admin.request({ method: 'POST', url: `/api/users/${adminId}/deactivate` });
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('CANNOT_DEACTIVATE_SELF');
    const demote = await admin.request({
      method: 'PATCH',
      url: `/api/users/${adminId}`,
      payload: { version: 1, roles: ['viewer'] },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().error.code).toBe('LAST_ADMINISTRATOR');
  });
});

describe('deactivating, unlocking and resetting', () => {
  it('deactivation ends the user’s sessions and refuses her sign-in; activation restores it', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    const deactivated = await admin.request({ method: 'POST', url: `/api/users/${user.id}/deactivate` });
    expect(deactivated.statusCode).toBe(200);
    expect(deactivated.json().active).toBe(false);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: user.username, password: TEST_PASSWORD },
        })
      ).statusCode,
    ).toBe(401);
    expect(
      (await admin.request({ method: 'POST', url: `/api/users/${user.id}/activate` })).json().active,
    ).toBe(true);
    await signIn(t.app, user.username, TEST_PASSWORD);
  });

  it('a change of roles takes effect on the user’s very next request', async () => {
    const user = await createUser(t.database.db, { roles: ['prison_binadik'], organizationId: LAPAS_ID });
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    expect((await session.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(403);
    const promoted = await admin.request({
      method: 'PATCH',
      url: `/api/users/${user.id}`,
      payload: { version: 1, roles: ['prison_head'] },
    });
    expect(promoted.statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/users' })).statusCode).toBe(200);
    expect((await session.request({ method: 'GET', url: '/api/me' })).json().roles).toEqual(['prison_head']);
  });

  it('an administrator unlocks a locked account', async () => {
    const user = await createUser(t.database.db);
    for (let i = 0; i < 5; i++) {
      await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: user.username, password: 'salah-sekali-123' },
      });
    }
    const locked = (await admin.request({ method: 'GET', url: `/api/users/${user.id}` })).json();
    expect(locked.locked).toBe(true);
    const unlocked = await admin.request({ method: 'POST', url: `/api/users/${user.id}/unlock` });
    expect(unlocked.json().locked).toBe(false);
    await signIn(t.app, user.username, TEST_PASSWORD);
  });

  it('a reset gives a temporary password once, ends sessions, and forces a change', async () => {
    const user = await createUser(t.database.db);
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    const reset = await admin.request({ method: 'POST', url: `/api/users/${user.id}/reset-password` });
    expect(reset.statusCode).toBe(200);
    const { temporaryPassword } = reset.json();
    expect(temporaryPassword).toHaveLength(16);
    expect((await session.request({ method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    const fresh = await signIn(t.app, user.username, temporaryPassword);
    expect((await fresh.request({ method: 'GET', url: '/api/me' })).json().user.mustChangePassword).toBe(
      true,
    );
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'user.password_reset')
      .where('subject_id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(entry.details)).not.toContain(temporaryPassword);
  });
});

describe('who may see and manage users', () => {
  it('a prison head lists only her own organization’s users and cannot manage them', async () => {
    const head = await createUser(t.database.db, { roles: ['prison_head'], organizationId: LAPAS_ID });
    const bapasUser = await createUser(t.database.db, {
      roles: ['probation_officer'],
      organizationId: BAPAS_ID,
    });
    const session = await signIn(t.app, head.username, TEST_PASSWORD);
    const list = await session.request({ method: 'GET', url: '/api/users?pageSize=200' });
    expect(list.statusCode).toBe(200);
    const organizations = new Set(
      list.json().items.map((user: { organizationId: string }) => user.organizationId),
    );
    expect([...organizations]).toEqual([LAPAS_ID]);
    const other = await session.request({ method: 'GET', url: `/api/users/${bapasUser.id}` });
    expect(other.statusCode).toBe(404);
    expect(
      (await session.request({ method: 'POST', url: '/api/users', payload: newUser() })).statusCode,
    ).toBe(403);
    expect(
      (await session.request({ method: 'POST', url: `/api/users/${bapasUser.id}/deactivate` })).statusCode,
    ).toBe(403);
  });

  it('staff without user permissions get 403 and anonymous callers 401', async () => {
    const clerk = await createUser(t.database.db, {
      roles: ['village_staff'],
      organizationId: (await createOrganization(t.database.db, { kind: 'village' })).id,
    });
    const session = await signIn(t.app, clerk.username, TEST_PASSWORD);
    const forbidden = await session.request({ method: 'GET', url: '/api/users' });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error).toEqual({
      code: 'FORBIDDEN',
      message: 'Anda tidak memiliki izin untuk tindakan ini.',
    });
    expect((await t.app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
  });

  it('filters and pages the list', async () => {
    const organization = await createOrganization(t.database.db, { kind: 'village' });
    for (const name of ['Sari Wulandari', 'Sarinah', 'Tuti Handayani']) {
      await createUser(t.database.db, {
        fullName: name,
        organizationId: organization.id,
        roles: ['village_staff'],
      });
    }
    const page = await admin.request({
      method: 'GET',
      url: `/api/users?organizationId=${organization.id}&q=sari&pageSize=1&page=2`,
    });
    expect(page.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(page.json().items.map((user: { fullName: string }) => user.fullName)).toEqual(['Sarinah']);
    const roles = await admin.request({
      method: 'GET',
      url: `/api/users?organizationId=${organization.id}&role=viewer`,
    });
    expect(roles.json().total).toBe(0);
  });

  it('lists the thirteen roles with labels in both languages', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/roles' });
    expect(response.json().items).toHaveLength(13);
    // The heads who agree and sign agreements for a kecamatan, a kelurahan or a partner (governance).
    expect(response.json().items.slice(10)).toMatchObject([
      { code: 'district_head', nameId: 'Camat', organizationKinds: ['district'] },
      { code: 'village_head', nameId: 'Lurah', organizationKinds: ['village'] },
      { code: 'partner_head', nameId: 'Pimpinan Mitra', organizationKinds: ['partner'] },
    ]);
    expect(response.json().items[5]).toMatchObject({
      code: 'probation_officer',
      nameId: 'Pembimbing Kemasyarakatan (PK)',
      organizationKinds: ['probation'],
    });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { KECAMATAN_ID, LAPAS_ID, seedReference } from '../../db/seed/reference.ts';

let t: TestApp;
let viewer: Session;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db, { roles: ['viewer'], organizationId: KECAMATAN_ID });
  viewer = await signIn(t.app, user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('organization directory', () => {
  it('holds the prison, the probation office, the kecamatan and its 16 kelurahan with Kemendagri codes', async () => {
    const all = (await viewer.request({ method: 'GET', url: '/api/organizations' })).json().items;
    expect(all.slice(0, 3).map((o: { kind: string; name: string }) => [o.kind, o.name])).toEqual([
      ['prison', 'Lapas Perempuan Kelas IIA Semarang'],
      ['probation', 'Balai Pemasyarakatan Kelas I Semarang'],
      ['district', 'Kecamatan Semarang Barat'],
    ]);
    const villages = (await viewer.request({ method: 'GET', url: '/api/organizations?kind=village' })).json()
      .items;
    expect(villages).toHaveLength(16);
    expect(villages[0]).toMatchObject({
      code: '33.74.13.1001',
      name: 'Kelurahan Ngemplak Simongan',
      parentName: 'Kecamatan Semarang Barat',
    });
    expect(villages[15]).toMatchObject({ code: '33.74.13.1016', name: 'Kelurahan Kembangarum' });
    expect(villages.every((v: { code: string }) => v.code.startsWith('33.74.13.10'))).toBe(true);
  });

  it('searches by name or code, case-insensitively', async () => {
    const byName = (await viewer.request({ method: 'GET', url: '/api/organizations?q=KROBOKAN' })).json()
      .items;
    expect(byName.map((o: { code: string }) => o.code)).toEqual(['33.74.13.1013']);
    const byCode = (await viewer.request({ method: 'GET', url: '/api/organizations?q=33.74.13.1008' })).json()
      .items;
    expect(byCode.map((o: { shortName: string }) => o.shortName)).toEqual(['Bongsari']);
    const wildcard = (await viewer.request({ method: 'GET', url: '/api/organizations?q=%25' })).json().items;
    expect(wildcard).toEqual([]);
  });

  it('shows the kecamatan with its 16 kelurahan', async () => {
    const response = await viewer.request({ method: 'GET', url: `/api/organizations/${KECAMATAN_ID}` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ code: '33.74.13', kind: 'district', contacts: [], userCount: 1 });
    expect(response.json().children).toHaveLength(16);
  });

  it('answers 404 for an unknown organization, 400 for a malformed id and 401 without a session', async () => {
    const missing = await viewer.request({
      method: 'GET',
      url: '/api/organizations/00000000-0000-4000-8000-00000000abcd',
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toEqual({
      code: 'ORGANIZATION_NOT_FOUND',
      message: 'Organisasi tidak ditemukan.',
    });
    expect((await viewer.request({ method: 'GET', url: '/api/organizations/abc' })).statusCode).toBe(400);
    expect((await viewer.request({ method: 'GET', url: '/api/organizations?kind=planet' })).statusCode).toBe(
      400,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/organizations' })).statusCode).toBe(401);
  });

  it('shows a partner’s staff no partner but her own; another partner’s page is not found', async () => {
    const db = t.database.db;
    const own = await createOrganization(db, { kind: 'partner', name: 'Konveksi Direktori Sendiri' });
    const other = await createOrganization(db, { kind: 'partner', name: 'Katering Direktori Lain' });
    const partnerUser = await createUser(db, { roles: ['partner_staff'], organizationId: own.id });
    const partner = await signIn(t.app, partnerUser.username, TEST_PASSWORD);
    const prisonUser = await createUser(db, { roles: ['prison_binadik'], organizationId: LAPAS_ID });
    const prison = await signIn(t.app, prisonUser.username, TEST_PASSWORD);
    const ids = async (session: Session, query: string) =>
      (await session.request({ method: 'GET', url: `/api/organizations${query}` }))
        .json()
        .items.map((o: { id: string }) => o.id);

    expect(await ids(partner, '?kind=partner')).toEqual([own.id]);
    const all = await ids(partner, '');
    expect(all).toContain(own.id);
    expect(all).not.toContain(other.id);
    expect(all).toContain(KECAMATAN_ID);
    expect(await ids(partner, '?q=direktori%20lain')).toEqual([]);
    const ownPage = await partner.request({ method: 'GET', url: `/api/organizations/${own.id}` });
    expect(ownPage.statusCode).toBe(200);
    expect(ownPage.json()).toMatchObject({ id: own.id, kind: 'partner', userCount: 1 });
    // Another partner's page answers exactly as an id that does not exist.
    const otherPage = await partner.request({ method: 'GET', url: `/api/organizations/${other.id}` });
    const missing = await partner.request({
      method: 'GET',
      url: '/api/organizations/00000000-0000-4000-8000-00000000abce',
    });
    expect(otherPage.statusCode).toBe(404);
    expect(otherPage.json().error).toEqual(missing.json().error);
    // The agencies, the kecamatan and its kelurahan stay hers to see.
    const kecamatan = await partner.request({ method: 'GET', url: `/api/organizations/${KECAMATAN_ID}` });
    expect(kecamatan.statusCode).toBe(200);
    expect(kecamatan.json().children).toHaveLength(16);

    // Everyone else sees both partners.
    for (const session of [prison, viewer]) {
      const partners = await ids(session, '?kind=partner');
      expect(partners).toEqual(expect.arrayContaining([own.id, other.id]));
      expect(
        (await session.request({ method: 'GET', url: `/api/organizations/${other.id}` })).statusCode,
      ).toBe(200);
    }
  });

  it('seeds reference data idempotently, keeping what administrators changed', async () => {
    await t.database.db
      .updateTable('organization')
      .set({ address: 'Alamat baru' })
      .where('id', '=', KECAMATAN_ID)
      .execute();
    await seedReference(t.database.db);
    const count = await t.database.db
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('kind', 'in', ['prison', 'probation', 'district', 'village'])
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(19);
    const kecamatan = await t.database.db
      .selectFrom('organization')
      .select('address')
      .where('id', '=', KECAMATAN_ID)
      .executeTakeFirstOrThrow();
    expect(kecamatan.address).toBe('Alamat baru');
  });
});

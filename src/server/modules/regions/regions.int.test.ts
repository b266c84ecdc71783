import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { KELURAHAN } from '../../db/seed/reference.ts';
import { districtExists, findVillage, nikRegionExists } from './regions.service.ts';

let t: TestApp;
let partner: Session;
beforeAll(async () => {
  t = await createTestApp();
  const organization = await createOrganization(t.database.db, { kind: 'partner' });
  const user = await createUser(t.database.db, { roles: ['partner_staff'], organizationId: organization.id });
  partner = await signIn(t.app, user.username, TEST_PASSWORD);
});
afterAll(() => t.close());

describe('region codes', () => {
  it('knows the districts of all Indonesia, and not made-up ones', async () => {
    expect(await districtExists('33.74.13')).toBe(true); // Semarang Barat
    expect(await districtExists('92.02.03')).toBe(true); // Warmare, Manokwari, Papua Barat
    // The codes are today's. Merauke moved from 91.01 to 93.01 in 2022; a NIK issued there before keeps
    // 9101..: the district is not found, but a NIK of a renumbered province is still accepted.
    expect(await districtExists('93.01.01')).toBe(true);
    expect(await districtExists('91.01.01')).toBe(false);
    expect(await nikRegionExists('9101015508900001')).toBe(true);
    expect(await districtExists('33.74.99')).toBe(false);
    expect(await districtExists('99.01.01')).toBe(false);
    expect(await nikRegionExists('3374135508900001')).toBe(true);
    expect(await nikRegionExists('3374995508900001')).toBe(false);
  });

  it('has the sixteen kelurahan of Semarang Barat under the codes of the reference data', async () => {
    for (const [code, name] of KELURAHAN) {
      expect(await findVillage(code)).toEqual({
        code,
        name,
        district: 'Semarang Barat',
        regency: 'Kota Semarang',
        province: 'Jawa Tengah',
      });
    }
  });
});

describe('GET /api/regions/villages', () => {
  it('finds a village by name for any signed-in user, Semarang first among equal names', async () => {
    const response = await partner.request({ method: 'GET', url: '/api/regions/villages?q=krobokan' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items[0]).toEqual({
      code: '33.74.13.1013',
      name: 'Krobokan',
      district: 'Semarang Barat',
      regency: 'Kota Semarang',
      province: 'Jawa Tengah',
    });
    expect(items.length).toBeGreaterThan(1);
  });

  it('narrows by the district or regency words and limits the answer', async () => {
    const response = await partner.request({
      method: 'GET',
      url: '/api/regions/villages?q=kalibanteng%20semarang&limit=5',
    });
    expect(response.json().items.map((v: { code: string }) => v.code)).toEqual([
      '33.74.13.1005',
      '33.74.13.1006',
    ]);
    const limited = await partner.request({ method: 'GET', url: '/api/regions/villages?q=sari&limit=3' });
    expect(limited.json().items).toHaveLength(3);
  });

  it('finds villages outside Jawa Tengah and by code prefix, quoted names included', async () => {
    const quoted = await partner.request({
      method: 'GET',
      url: '/api/regions/villages?q=lubuk%20pakam%20i,ii',
    });
    expect(quoted.json().items[0]).toMatchObject({ code: '12.07.28.1007', name: 'Lubuk Pakam I,II' });
    const byCode = await partner.request({
      method: 'GET',
      url: '/api/regions/villages?q=33.74.13.101&limit=50',
    });
    expect(byCode.json().items.map((v: { code: string }) => v.code)).toEqual([
      '33.74.13.1010',
      '33.74.13.1011',
      '33.74.13.1012',
      '33.74.13.1013',
      '33.74.13.1014',
      '33.74.13.1015',
      '33.74.13.1016',
    ]);
  });

  it('asks for at least two characters and refuses the signed-out', async () => {
    expect((await partner.request({ method: 'GET', url: '/api/regions/villages?q=k' })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/regions/villages?q=krobokan' })).statusCode).toBe(
      401,
    );
  });
});

describe('GET /api/regions/villages/:code', () => {
  it('gives one village, 404 for an unknown code and 400 for a malformed one', async () => {
    const found = await partner.request({ method: 'GET', url: '/api/regions/villages/33.74.13.1001' });
    expect(found.json()).toMatchObject({ name: 'Ngemplak Simongan', district: 'Semarang Barat' });
    const missing = await partner.request({ method: 'GET', url: '/api/regions/villages/33.74.13.1099' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('VILLAGE_NOT_FOUND');
    const malformed = await partner.request({ method: 'GET', url: '/api/regions/villages/3374131001' });
    expect(malformed.statusCode).toBe(400);
  });
});

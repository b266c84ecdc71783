import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { createTestDatabase } from '../../../../tests/support/database.ts';
import { DEMO_PASSWORD } from '../../../shared/vocabulary.ts';
import { migrateToLatest } from '../migrate.ts';
import { prepareDatabase } from '../setup.ts';
import { DEMO_ACCOUNTS, seedDemo } from './demo.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ demo: true });
});
afterAll(() => t.close());

describe('demo data', () => {
  it('gives every role a demo account that signs in with sinergi-demo and sees its own organization', async () => {
    expect(DEMO_ACCOUNTS.map((account) => account.username)).toEqual([
      'admin',
      'kalapas',
      'lapas.binadik',
      'lapas.giatja',
      'kabapas',
      'pk',
      'kecamatan',
      'kelurahan.krobokan',
      'mitra',
      'mitra.katering',
      'instruktur',
      'viewer',
      'camat',
      'lurah.krobokan',
      'mitra.pimpinan',
    ]);
    for (const account of DEMO_ACCOUNTS) {
      const session = await signIn(t.app, account.username, DEMO_PASSWORD);
      const me = (await session.request({ method: 'GET', url: '/api/me' })).json();
      expect(me.roles).toEqual([account.role]);
      expect(me.user.mustChangePassword).toBe(false);
      expect(me.demo).toBe(true);
    }
    const krobokan = await signIn(t.app, 'kelurahan.krobokan', DEMO_PASSWORD);
    expect((await krobokan.request({ method: 'GET', url: '/api/me' })).json().organization).toMatchObject({
      kind: 'village',
      code: '33.74.13.1013',
    });
  });

  it('never seeds demo accounts into a database first started for real use', async () => {
    const real = await createTestDatabase({ demo: false });
    try {
      const later = await prepareDatabase(real.db, { demo: true });
      expect(later).toMatchObject({ demoSeeded: false, demoRefused: true });
      const users = await real.db.selectFrom('app_user').select('username').execute();
      expect(users).toEqual([]);
    } finally {
      await real.close();
    }
  });

  it('seeds only once, and migrations run again change nothing', async () => {
    expect(await seedDemo(t.database.db)).toBe(false);
    expect(await migrateToLatest(t.database.db)).toEqual([]);
    const users = await t.database.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(users.n)).toBe(DEMO_ACCOUNTS.length);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { DEFAULT_RETENTION_RULES, DEFAULT_SENTENCE_RULES } from '../../../shared/sentence.ts';
import { LAPAS_ID } from '../../db/seed/reference.ts';
import { currentRules, seedRules } from './rules.service.ts';

let t: TestApp;
let admin: Session;
let officer: Session;
let village: Session;
beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const adminUser = await createUser(db, {
    roles: ['system_admin'],
    organizationId: LAPAS_ID,
    fullName: 'Admin Aturan',
  });
  const officerUser = await createUser(db, { roles: ['prison_binadik'], organizationId: LAPAS_ID });
  const kelurahan = await createOrganization(db, { kind: 'village' });
  const villageUser = await createUser(db, { roles: ['village_staff'], organizationId: kelurahan.id });
  admin = await signIn(t.app, adminUser.username, TEST_PASSWORD);
  officer = await signIn(t.app, officerUser.username, TEST_PASSWORD);
  village = await signIn(t.app, villageUser.username, TEST_PASSWORD);
});
afterAll(() => t.close());

const stricterCb = {
  ...DEFAULT_SENTENCE_RULES,
  cb: { ...DEFAULT_SENTENCE_RULES.cb, maxSentenceMonths: 15, maxLeaveMonths: 4 },
};

describe('the rules store', () => {
  it('starts with version 1 of each kind holding the defaults, seeded once', async () => {
    await seedRules(t.database.db);
    expect(await currentRules(t.database.db, 'sentence')).toEqual({
      version: 1,
      rules: DEFAULT_SENTENCE_RULES,
    });
    expect(await currentRules(t.database.db, 'retention')).toEqual({
      version: 1,
      rules: DEFAULT_RETENTION_RULES,
    });
    const response = await officer.request({ method: 'GET', url: '/api/rules/sentence' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ kind: 'sentence', version: 1, rules: DEFAULT_SENTENCE_RULES });
  });

  it('lets an administrator save a new version, audited, which the milestones then follow', async () => {
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/rules/sentence',
      payload: { rules: stricterCb, note: 'Sumber lain: CB paling lama 1 tahun 3 bulan', version: 1 },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      kind: 'sentence',
      version: 2,
      rules: stricterCb,
      note: 'Sumber lain: CB paling lama 1 tahun 3 bulan',
      createdByName: 'Admin Aturan',
    });
    expect(await currentRules(t.database.db, 'sentence')).toEqual({ version: 2, rules: stricterCb });

    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'rules.changed')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({
      kind: 'sentence',
      version: 2,
      changes: {
        'cb.maxSentenceMonths': { from: 18, to: 15 },
        'cb.maxLeaveMonths': { from: 6, to: 4 },
      },
    });

    const history = await officer.request({ method: 'GET', url: '/api/rules/sentence/history' });
    expect(history.json().items.map((item: { version: number }) => item.version)).toEqual([2, 1]);
  });

  it('refuses a save based on a version that is no longer current, with 409', async () => {
    const stale = await admin.request({
      method: 'PUT',
      url: '/api/rules/sentence',
      payload: { rules: DEFAULT_SENTENCE_RULES, note: 'Kembali ke nilai awal', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('RULES_CHANGED');
    expect(stale.json().error.message).toContain('versi 2');
    expect((await currentRules(t.database.db, 'sentence')).version).toBe(2);
  });

  it('keeps the retention periods as their own versions', async () => {
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/rules/retention',
      payload: {
        rules: { ...DEFAULT_RETENTION_RULES, importFileYears: 2 },
        note: 'Audit minta 2 tahun',
        version: 1,
      },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ kind: 'retention', version: 2, rules: { importFileYears: 2 } });
    expect((await currentRules(t.database.db, 'sentence')).version).toBe(2);
  });

  it('refuses a non-administrator (403) and lets no one outside corrections read them', async () => {
    const put = await officer.request({
      method: 'PUT',
      url: '/api/rules/sentence',
      payload: { rules: DEFAULT_SENTENCE_RULES, note: 'Coba ubah', version: 2 },
    });
    expect(put.statusCode).toBe(403);
    expect((await village.request({ method: 'GET', url: '/api/rules/sentence' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/rules/sentence' })).statusCode).toBe(401);
    // The administrator reads what she manages.
    expect((await admin.request({ method: 'GET', url: '/api/rules/retention' })).statusCode).toBe(200);
  });

  it('names each bad value by its field (negative months, a fraction above 1) and stores nothing', async () => {
    const response = await admin.request({
      method: 'PUT',
      url: '/api/rules/sentence',
      headers: { 'accept-language': 'id' },
      payload: {
        rules: {
          ...DEFAULT_SENTENCE_RULES,
          parole: { ...DEFAULT_SENTENCE_RULES.parole, minimumServedMonths: -1 },
          asimilasi: { ...DEFAULT_SENTENCE_RULES.asimilasi, fraction: { numerator: 3, denominator: 2 } },
        },
        note: '',
        version: 2,
      },
    });
    expect(response.statusCode).toBe(400);
    const { fields } = response.json().error;
    expect(fields).toMatchObject({
      'rules.parole.minimumServedMonths': 'Minimal 0.',
      'rules.asimilasi.fraction.numerator': 'Maksimal 2.',
      note: expect.any(String),
    });
    expect((await currentRules(t.database.db, 'sentence')).version).toBe(2);

    const retention = await admin.request({
      method: 'PUT',
      url: '/api/rules/retention',
      payload: { rules: { ...DEFAULT_RETENTION_RULES, personYears: -3 }, note: 'Salah ketik', version: 2 },
    });
    expect(retention.statusCode).toBe(400);
    expect(Object.keys(retention.json().error.fields)).toEqual(['rules.personYears']);
  });

  it('answers 400 for an unknown kind of rules', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/rules/gaji' });
    expect(response.statusCode).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
let villageId: string;
let otherVillageId: string;
let partnerId: string;
const as: Record<string, Session> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  villageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Krobokan' })).id;
  otherVillageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Manyaran' })).id;
  partnerId = (await createOrganization(db, { kind: 'partner' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', villageId, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('partner', partnerId, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
});
afterAll(() => t.close());

const consentsOf = (personId: string) => `/api/people/${personId}/consents`;
const give = (session: Session, personId: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: consentsOf(personId), payload });
const withdraw = (session: Session, personId: string, consentId: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `${consentsOf(personId)}/${consentId}/withdraw`, payload });

// Dates as the program counts them: in Asia/Jakarta.
const jakarta = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' });
const daysFromToday = (days: number) => jakarta.format(new Date(Date.now() + days * 86_400_000));
const today = () => daysFromToday(0);

const consentFor = (organizationIds: string[], overrides: Record<string, unknown> = {}) => ({
  purpose: 'Pendampingan usaha di kelurahan',
  recipientOrganizationIds: organizationIds,
  recipientKinds: [],
  fieldGroups: ['identity_contact', 'skills_training'],
  givenOn: daysFromToday(-1),
  ...overrides,
});

describe('recording consent', () => {
  it('lets prison staff record a consent, which opens the person to the kelurahan at once; timeline and audit', async () => {
    const person = await createPerson(t.database.db);
    const kelurahan = as.kelurahan as Session;
    expect(
      (await kelurahan.request({ method: 'GET', url: `/api/people/${person.id}/notes` })).statusCode,
    ).toBe(404);
    const response = await give(as.binadik as Session, person.id, consentFor([villageId]));
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({
      purpose: 'Pendampingan usaha di kelurahan',
      recipientOrganizations: [{ id: villageId, name: 'Kelurahan Uji Krobokan' }],
      recipientKinds: [],
      fieldGroups: ['identity_contact', 'skills_training'],
      givenOn: daysFromToday(-1),
      evidenceDocument: null,
      withdrawnOn: null,
      active: true,
      recordedByName: 'Petugas binadik',
    });
    expect(
      (await kelurahan.request({ method: 'GET', url: `/api/people/${person.id}/notes` })).statusCode,
    ).toBe(200);
    const event = await t.database.db
      .selectFrom('person_event')
      .select(['kind', 'visibility'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ kind: 'consent.given', visibility: 'corrections' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'consent.given')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      recipientOrganizationIds: [villageId],
      fieldGroups: expect.any(Array),
    });
  });

  it('accepts a consent for a whole kind of organization and an evidence document of the same person only', async () => {
    const person = await createPerson(t.database.db);
    const other = await createPerson(t.database.db);
    const evidence = await t.database.db
      .insertInto('person_document')
      .values({
        person_id: person.id,
        category: 'consent_evidence',
        title: 'Formulir persetujuan',
        file_name: 'persetujuan.pdf',
        media_type: 'application/pdf',
        size_bytes: 10,
        sha256: 'x',
        storage_key: `k${Date.now()}`,
        uploaded_by_name: 'Uji',
        organization_id: LAPAS_ID,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const wrong = await give(
      as.binadik as Session,
      other.id,
      consentFor([], { recipientKinds: ['district'], evidenceDocumentId: evidence.id }),
    );
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.evidenceDocumentId).toBe('Dokumen bukti harus dokumen milik orang ini.');
    const ok = await give(
      as.binadik as Session,
      person.id,
      consentFor([], { recipientKinds: ['district'], evidenceDocumentId: evidence.id }),
    );
    expect(ok.statusCode).toBe(201);
    expect(ok.json().evidenceDocument).toEqual({ id: evidence.id, title: 'Formulir persetujuan' });
    // Every kecamatan sees her now; the kelurahan does not.
    expect(
      (await (as.kecamatan as Session).request({ method: 'GET', url: consentsOf(person.id) })).statusCode,
    ).toBe(200);
    expect(
      (await (as.kelurahan as Session).request({ method: 'GET', url: consentsOf(person.id) })).statusCode,
    ).toBe(404);
  });

  it('names each bad field: empty body, no field groups, future date, no recipient, unknown organization or kind', async () => {
    const person = await createPerson(t.database.db);
    const binadik = as.binadik as Session;
    const empty = await give(binadik, person.id, {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields).sort()).toEqual(['fieldGroups', 'givenOn', 'purpose']);
    const noGroups = await give(binadik, person.id, consentFor([villageId], { fieldGroups: [] }));
    expect(noGroups.json().error.fields.fieldGroups).toMatch(/1/);
    const future = await give(binadik, person.id, consentFor([villageId], { givenOn: daysFromToday(3) }));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.givenOn).toBe('Tanggal tidak boleh di masa depan.');
    const nobody = await give(binadik, person.id, consentFor([]));
    expect(nobody.json().error.fields.recipientOrganizationIds).toBe(
      'Pilih sedikitnya satu organisasi atau jenis organisasi penerima.',
    );
    const prison = await give(binadik, person.id, consentFor([BAPAS_ID]));
    expect(prison.json().error.fields).toHaveProperty('recipientOrganizationIds');
    const kind = await give(binadik, person.id, consentFor([], { recipientKinds: ['prison'] }));
    expect(kind.json().error.fields).toHaveProperty('recipientKinds.0');
    const group = await give(binadik, person.id, consentFor([villageId], { fieldGroups: ['offence'] }));
    expect(group.json().error.fields).toHaveProperty('fieldGroups.0');
    expect(
      await t.database.db.selectFrom('consent').select('id').where('person_id', '=', person.id).execute(),
    ).toEqual([]);
  });

  it('is for corrections staff with manage:consent only', async () => {
    const person = await createPerson(t.database.db);
    await giveConsent(t.database.db, person.id, { organizationIds: [villageId] });
    expect((await give(as.giatja as Session, person.id, consentFor([villageId]))).statusCode).toBe(403);
    expect((await give(as.kelurahan as Session, person.id, consentFor([villageId]))).statusCode).toBe(403);
    expect((await give(as.viewer as Session, person.id, consentFor([villageId]))).statusCode).toBe(403);
    expect((await give(as.admin as Session, person.id, consentFor([villageId]))).statusCode).toBe(403);
    // The PK only for people referred to her Bapas.
    expect((await give(as.pk as Session, person.id, consentFor([villageId]))).statusCode).toBe(404);
    await linkPerson(t.database.db, person.id, BAPAS_ID, 'referral');
    expect((await give(as.pk as Session, person.id, consentFor([villageId]))).statusCode).toBe(201);
  });
});

describe('reading consents', () => {
  it('shows corrections staff every consent, a kelurahan only those naming her organization or kind', async () => {
    const person = await createPerson(t.database.db);
    await give(as.binadik as Session, person.id, consentFor([villageId]));
    await give(as.binadik as Session, person.id, consentFor([otherVillageId], { purpose: 'Untuk Manyaran' }));
    await give(
      as.binadik as Session,
      person.id,
      consentFor([], { recipientKinds: ['village'], purpose: 'Semua' }),
    );
    const all = await (as.giatja as Session).request({ method: 'GET', url: consentsOf(person.id) });
    expect(all.json().items).toHaveLength(3);
    const mine = await (as.kelurahan as Session).request({ method: 'GET', url: consentsOf(person.id) });
    expect(mine.statusCode).toBe(200);
    expect(
      mine
        .json()
        .items.map((item: { purpose: string }) => item.purpose)
        .sort(),
    ).toEqual(['Pendampingan usaha di kelurahan', 'Semua']);
    expect(mine.body).not.toContain('Untuk Manyaran');
    for (const role of ['viewer', 'admin']) {
      expect(
        (await (as[role] as Session).request({ method: 'GET', url: consentsOf(person.id) })).statusCode,
      ).toBe(403);
    }
  });

  it('does not tell one recipient who the other recipients of a consent are', async () => {
    const person = await createPerson(t.database.db);
    await give(
      as.binadik as Session,
      person.id,
      consentFor([villageId, otherVillageId], { recipientKinds: ['village', 'partner'], purpose: 'Bersama' }),
    );
    const all = (await (as.giatja as Session).request({ method: 'GET', url: consentsOf(person.id) })).json();
    expect(all.items[0].recipientOrganizations).toHaveLength(2);
    expect(all.items[0].recipientKinds.sort()).toEqual(['partner', 'village']);
    const mine = (
      await (as.kelurahan as Session).request({ method: 'GET', url: consentsOf(person.id) })
    ).json();
    expect(
      mine.items[0].recipientOrganizations.map((organization: { id: string }) => organization.id),
    ).toEqual([villageId]);
    expect(mine.items[0].recipientKinds).toEqual(['village']);
  });

  it('shows a partner the consent only once she is proposed and named', async () => {
    const person = await createPerson(t.database.db);
    await give(as.binadik as Session, person.id, consentFor([partnerId]));
    const partner = as.partner as Session;
    expect((await partner.request({ method: 'GET', url: consentsOf(person.id) })).statusCode).toBe(404);
    await linkPerson(t.database.db, person.id, partnerId, 'proposal');
    const seen = await partner.request({ method: 'GET', url: consentsOf(person.id) });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().items).toHaveLength(1);
  });
});

describe('withdrawing consent', () => {
  it('takes effect on the next request: the kelurahan who could read the record gets 404 right after', async () => {
    const person = await createPerson(t.database.db);
    const given = (await give(as.binadik as Session, person.id, consentFor([villageId]))).json();
    const kelurahan = as.kelurahan as Session;
    const personUrl = `/api/people/${person.id}`;
    expect((await kelurahan.request({ method: 'GET', url: personUrl })).statusCode).toBe(200);
    expect((await kelurahan.request({ method: 'GET', url: `${personUrl}/notes` })).statusCode).toBe(200);
    expect((await kelurahan.request({ method: 'GET', url: consentsOf(person.id) })).statusCode).toBe(200);

    const response = await withdraw(as.binadik as Session, person.id, given.id, {
      reason: 'Permintaan yang bersangkutan',
    });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      active: false,
      withdrawnOn: today(),
      withdrawnReason: 'Permintaan yang bersangkutan',
    });

    expect((await kelurahan.request({ method: 'GET', url: `${personUrl}/notes` })).statusCode).toBe(404);
    expect((await kelurahan.request({ method: 'GET', url: `${personUrl}/documents` })).statusCode).toBe(404);
    expect((await kelurahan.request({ method: 'GET', url: consentsOf(person.id) })).statusCode).toBe(404);
    expect((await kelurahan.request({ method: 'GET', url: personUrl })).statusCode).toBe(404);

    const events = await t.database.db
      .selectFrom('person_event')
      .select(['kind', 'visibility'])
      .where('person_id', '=', person.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      { kind: 'consent.given', visibility: 'corrections' },
      { kind: 'consent.withdrawn', visibility: 'corrections' },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'consent.withdrawn')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ consentId: given.id, withdrawnOn: today() });
    // Corrections staff still see it, as withdrawn.
    const list = await (as.binadik as Session).request({ method: 'GET', url: consentsOf(person.id) });
    expect(list.json().items[0]).toMatchObject({ id: given.id, active: false });
  });

  it('refuses a second withdrawal, a future or too early date, a missing reason, and anyone but corrections staff', async () => {
    const person = await createPerson(t.database.db);
    const given = (
      await give(as.binadik as Session, person.id, consentFor([villageId], { givenOn: daysFromToday(-10) }))
    ).json();
    const binadik = as.binadik as Session;
    expect((await withdraw(binadik, person.id, given.id, {})).json().error.fields.reason).toBe(
      'Wajib diisi.',
    );
    const future = await withdraw(binadik, person.id, given.id, {
      reason: 'x',
      withdrawnOn: daysFromToday(2),
    });
    expect(future.json().error.fields.withdrawnOn).toBe('Tanggal tidak boleh di masa depan.');
    const early = await withdraw(binadik, person.id, given.id, {
      reason: 'x',
      withdrawnOn: daysFromToday(-11),
    });
    expect(early.json().error.fields.withdrawnOn).toMatch(/^Tanggal harus sesudah \d\d\/\d\d\/\d{4}\.$/);
    expect((await withdraw(as.kelurahan as Session, person.id, given.id, { reason: 'x' })).statusCode).toBe(
      403,
    );
    expect((await withdraw(as.giatja as Session, person.id, given.id, { reason: 'x' })).statusCode).toBe(403);
    const ok = await withdraw(binadik, person.id, given.id, { reason: 'x', withdrawnOn: daysFromToday(-2) });
    expect(ok.json().withdrawnOn).toBe(daysFromToday(-2));
    const again = await withdraw(binadik, person.id, given.id, { reason: 'x' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('CONSENT_ALREADY_WITHDRAWN');
    const unknown = await withdraw(binadik, person.id, '00000000-0000-4000-8000-00000000beef', {
      reason: 'x',
    });
    expect(unknown.statusCode).toBe(404);
  });
});

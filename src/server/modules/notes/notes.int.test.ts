import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
let villageId: string;
let partnerId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  villageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Krobokan' })).id;
  partnerId = (await createOrganization(db, { kind: 'partner' })).id;
  const otherPrison = (await createOrganization(db, { kind: 'prison' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('binadik2', LAPAS_ID, ['prison_binadik']);
  await user('otherPrison', otherPrison, ['prison_binadik']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', villageId, ['village_staff']);
  await user('kelurahan2', villageId, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('partner', partnerId, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
});
afterAll(() => t.close());

const notesOf = (personId: string) => `/api/people/${personId}/notes`;
const post = (session: Session, personId: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: notesOf(personId), payload });
const get = (session: Session, personId: string, query = '') =>
  session.request({ method: 'GET', url: `${notesOf(personId)}${query}` });

/** A person of the Lapas with a consent for the test kelurahan, one corrections-only and one shared note. */
async function personWithNotes() {
  const person = await createPerson(t.database.db);
  await giveConsent(t.database.db, person.id, { organizationIds: [villageId] });
  const secret = await post(as.binadik as Session, person.id, {
    kind: 'health',
    visibility: 'corrections',
    body: 'RAHASIA: hasil pemeriksaan kesehatan',
  });
  const shared = await post(as.binadik as Session, person.id, {
    kind: 'general',
    visibility: 'shared',
    body: 'Aktif mengikuti pelatihan menjahit',
  });
  expect(secret.statusCode).toBe(201);
  expect(shared.statusCode).toBe(201);
  return { person, secret: secret.json(), shared: shared.json() };
}

describe('writing and reading case notes', () => {
  it('lets prison staff add notes, listed newest first with author, organization and visibility; on the timeline and in the audit log', async () => {
    const { person, secret, shared } = await personWithNotes();
    expect(secret).toMatchObject({
      kind: 'health',
      visibility: 'corrections',
      authorName: 'Petugas binadik',
      organizationName: 'LPP Semarang',
      edited: false,
      canEdit: true,
      correctsNoteId: null,
      correctedByNoteIds: [],
      version: 1,
    });
    const list = await get(as.binadik as Session, person.id);
    expect(list.statusCode).toBe(200);
    expect(list.json().total).toBe(2);
    expect(list.json().items.map((note: { id: string }) => note.id)).toEqual([shared.id, secret.id]);
    const paged = await get(as.binadik as Session, person.id, '?pageSize=1&page=2');
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: secret.id }] });

    const events = await t.database.db
      .selectFrom('person_event')
      .select(['kind', 'visibility', 'details', 'actor_name'])
      .where('person_id', '=', person.id)
      .orderBy('id')
      .execute();
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'note.added',
        visibility: 'corrections',
        actor_name: 'Petugas binadik',
      }),
      expect.objectContaining({ kind: 'note.added', visibility: 'shared' }),
    ]);
    expect(JSON.stringify(events)).not.toContain('RAHASIA');
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'subject_organization_id', 'details'])
      .where('action', '=', 'note.created')
      .where('subject_id', '=', person.id)
      .execute();
    expect(audits).toHaveLength(2);
    expect(audits[0]?.subject_organization_id).toBe(LAPAS_ID);
    expect(JSON.stringify(audits)).not.toContain('RAHASIA');
  });

  it('never sends a corrections-only note to a kelurahan with consent: she sees and writes shared notes only', async () => {
    const { person, secret, shared } = await personWithNotes();
    const kelurahan = as.kelurahan as Session;
    const list = await get(kelurahan, person.id);
    expect(list.statusCode).toBe(200);
    expect(list.json()).toMatchObject({ total: 1, items: [{ id: shared.id, canEdit: false }] });
    expect(list.body).not.toContain('RAHASIA');
    expect(list.body).not.toContain(secret.id);

    const written = await post(kelurahan, person.id, {
      kind: 'family',
      visibility: 'shared',
      body: 'Keluarga siap menerima kembali',
    });
    expect(written.statusCode).toBe(201);
    expect(written.json()).toMatchObject({
      visibility: 'shared',
      organizationName: 'Kelurahan Uji Krobokan',
    });

    const corrections = await post(kelurahan, person.id, {
      kind: 'general',
      visibility: 'corrections',
      body: 'Coba catatan khusus',
    });
    expect(corrections.statusCode).toBe(400);
    expect(corrections.json().error.fields.visibility).toMatch(/Hanya petugas pemasyarakatan/);

    // She cannot name the hidden note either, not even to correct it: it does not exist for her.
    const correction = await post(kelurahan, person.id, {
      kind: 'general',
      visibility: 'shared',
      body: 'Koreksi',
      correctsNoteId: secret.id,
    });
    expect(correction.statusCode).toBe(400);
    expect(correction.json().error.fields).toHaveProperty('correctsNoteId');
    expect(correction.body).not.toContain('RAHASIA');
    const edit = await kelurahan.request({
      method: 'PATCH',
      url: `${notesOf(person.id)}/${secret.id}`,
      payload: { body: 'x', version: 1 },
    });
    expect(edit.statusCode).toBe(404);
    expect(edit.body).not.toContain('RAHASIA');

    // The kecamatan is named by kind only when the consent says so: not here.
    expect((await get(as.kecamatan as Session, person.id)).statusCode).toBe(404);
  });

  it('hides the notes of a person who did not consent, or withdrew, from the kelurahan (404)', async () => {
    const person = await createPerson(t.database.db);
    expect((await get(as.kelurahan as Session, person.id)).statusCode).toBe(404);
    expect(
      (await post(as.kelurahan as Session, person.id, { kind: 'general', visibility: 'shared', body: 'x' }))
        .statusCode,
    ).toBe(404);
    const withdrawn = await createPerson(t.database.db);
    await giveConsent(t.database.db, withdrawn.id, { organizationIds: [villageId], withdrawn: true });
    expect((await get(as.kelurahan as Session, withdrawn.id)).statusCode).toBe(404);
  });

  it('shows every note to a PK only when the person is referred to her Bapas', async () => {
    const { person, secret } = await personWithNotes();
    expect((await get(as.pk as Session, person.id)).statusCode).toBe(404);
    await linkPerson(t.database.db, person.id, BAPAS_ID, 'referral');
    const list = await get(as.pk as Session, person.id);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((note: { id: string }) => note.id)).toContain(secret.id);
    const written = await post(as.pk as Session, person.id, {
      kind: 'behaviour',
      visibility: 'corrections',
      body: 'Litmas: sikap kooperatif',
    });
    expect(written.statusCode).toBe(201);
    expect(written.json().organizationName).toBe('Bapas Semarang');
  });

  it('lets a partner with a placement and consent read shared notes but not write; another prison sees nothing', async () => {
    const { person, shared } = await personWithNotes();
    const partner = as.partner as Session;
    expect((await get(partner, person.id)).statusCode).toBe(404);
    await linkPerson(t.database.db, person.id, partnerId, 'placement');
    await giveConsent(t.database.db, person.id, { kinds: ['partner'], groups: ['skills_training'] });
    const list = await get(partner, person.id);
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((note: { id: string }) => note.id)).toEqual([shared.id]);
    expect(list.body).not.toContain('RAHASIA');
    expect(
      (await post(partner, person.id, { kind: 'general', visibility: 'shared', body: 'x' })).statusCode,
    ).toBe(403);
    expect((await get(as.otherPrison as Session, person.id)).statusCode).toBe(404);
  });

  it('refuses viewers and administrators (403): person records are not theirs', async () => {
    const { person } = await personWithNotes();
    for (const role of ['viewer', 'admin']) {
      const session = as[role] as Session;
      expect((await get(session, person.id)).statusCode).toBe(403);
      expect(
        (await post(session, person.id, { kind: 'general', visibility: 'shared', body: 'x' })).statusCode,
      ).toBe(403);
    }
  });

  it('names each bad field: empty body, unknown kind, blank text, unknown fields', async () => {
    const person = await createPerson(t.database.db);
    const binadik = as.binadik as Session;
    const empty = await post(binadik, person.id, {});
    expect(empty.statusCode).toBe(400);
    expect(Object.keys(empty.json().error.fields).sort()).toEqual(['body', 'kind', 'visibility']);
    expect(empty.json().error.fields.body).toBe('Wajib diisi.');
    const unknownKind = await post(binadik, person.id, { kind: 'gossip', visibility: 'shared', body: 'x' });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.fields.kind).toMatch(/general, family, health, behaviour/);
    const blank = await post(binadik, person.id, { kind: 'general', visibility: 'shared', body: '   ' });
    expect(blank.json().error.fields.body).toBe('Wajib diisi.');
    const extra = await post(binadik, person.id, {
      kind: 'general',
      visibility: 'shared',
      body: 'x',
      author: 'y',
    });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('UNKNOWN_FIELDS');
    const missing = await binadik.request({
      method: 'GET',
      url: notesOf('00000000-0000-4000-8000-00000000abcd'),
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('PERSON_NOT_FOUND');
  });

  it('never shares a behaviour or health note outside corrections', async () => {
    const person = await createPerson(t.database.db);
    const binadik = as.binadik as Session;
    for (const kind of ['behaviour', 'health']) {
      const shared = await post(binadik, person.id, {
        kind,
        visibility: 'shared',
        body: 'SPPN 58 bulan ini',
      });
      expect(shared.statusCode, kind).toBe(400);
      expect(shared.json().error.fields.visibility).toMatch(/hanya untuk petugas pemasyarakatan/);
      expect(
        (await post(binadik, person.id, { kind, visibility: 'corrections', body: 'x' })).statusCode,
      ).toBe(201);
    }
  });
});

describe('editing and correcting notes', () => {
  it('lets the author edit within 24 hours (audited), refuses others and stale versions', async () => {
    const { person, shared } = await personWithNotes();
    const url = `${notesOf(person.id)}/${shared.id}`;
    const edited = await (as.binadik as Session).request({
      method: 'PATCH',
      url,
      payload: { body: 'Aktif mengikuti pelatihan menjahit dan tata boga', version: 1 },
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({
      edited: true,
      version: 2,
      body: expect.stringContaining('tata boga'),
    });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'note.edited')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ noteId: shared.id, version: 2 });

    const stale = await (as.binadik as Session).request({
      method: 'PATCH',
      url,
      payload: { body: 'x', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('NOTE_CHANGED');
    const other = await (as.binadik2 as Session).request({
      method: 'PATCH',
      url,
      payload: { body: 'x', version: 2 },
    });
    expect(other.statusCode).toBe(403);
    expect(other.json().error.message).toMatch(/catatan koreksi/);
    const kelurahan = await (as.kelurahan as Session).request({
      method: 'PATCH',
      url,
      payload: { body: 'x', version: 2 },
    });
    expect(kelurahan.statusCode).toBe(403);
  });

  it('refuses an edit after 24 hours with a message to add a correction, which then links both notes', async () => {
    const { person, secret, shared } = await personWithNotes();
    await t.database.db
      .updateTable('case_note')
      .set({ created_at: sql`now() - interval '25 hours'` })
      .where('person_id', '=', person.id)
      .execute();
    const late = await (as.binadik as Session).request({
      method: 'PATCH',
      url: `${notesOf(person.id)}/${shared.id}`,
      payload: { body: 'diubah', version: 1 },
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'NOTE_EDIT_WINDOW_CLOSED' });
    expect(late.json().error.message).toBe(
      'Catatan hanya dapat diubah dalam 24 jam sejak ditulis. Tambahkan catatan koreksi.',
    );
    const before = await get(as.binadik as Session, person.id);
    expect(before.json().items.every((note: { canEdit: boolean }) => !note.canEdit)).toBe(true);

    const correction = await post(as.binadik as Session, person.id, {
      kind: 'general',
      visibility: 'shared',
      body: 'Koreksi: pelatihan tata boga, bukan menjahit',
      correctsNoteId: shared.id,
    });
    expect(correction.statusCode).toBe(201);
    expect(correction.json().correctsNoteId).toBe(shared.id);
    const after = await get(as.binadik as Session, person.id);
    const original = after.json().items.find((note: { id: string }) => note.id === shared.id);
    expect(original.correctedByNoteIds).toEqual([correction.json().id]);
    // The kelurahan sees the shared correction and what it corrects.
    const seen = await get(as.kelurahan as Session, person.id);
    expect(
      seen.json().items.find((note: { id: string }) => note.id === shared.id).correctedByNoteIds,
    ).toEqual([correction.json().id]);

    // A corrections-only note is corrected by a corrections-only note, never by a shared one.
    const leak = await post(as.binadik as Session, person.id, {
      kind: 'health',
      visibility: 'shared',
      body: 'Koreksi',
      correctsNoteId: secret.id,
    });
    expect(leak.statusCode).toBe(400);
    expect(leak.json().error.fields).toHaveProperty('visibility');
    const hiddenCorrection = await post(as.binadik as Session, person.id, {
      kind: 'health',
      visibility: 'corrections',
      body: 'RAHASIA koreksi',
      correctsNoteId: secret.id,
    });
    expect(hiddenCorrection.statusCode).toBe(201);
    const kelurahanView = await get(as.kelurahan as Session, person.id);
    expect(kelurahanView.body).not.toContain('RAHASIA');
    expect(kelurahanView.body).not.toContain(hiddenCorrection.json().id);
  });

  it('lets a kelurahan officer edit her own shared note but not a colleague’s', async () => {
    const { person } = await personWithNotes();
    const written = await post(as.kelurahan as Session, person.id, {
      kind: 'general',
      visibility: 'shared',
      body: 'Kunjungan rumah',
    });
    expect(written.json().canEdit).toBe(true);
    const url = `${notesOf(person.id)}/${written.json().id}`;
    const mine = await (as.kelurahan as Session).request({
      method: 'PATCH',
      url,
      payload: { body: 'Kunjungan rumah pertama', version: 1 },
    });
    expect(mine.statusCode).toBe(200);
    const colleague = await (as.kelurahan2 as Session).request({
      method: 'PATCH',
      url,
      payload: { body: 'x', version: 2 },
    });
    expect(colleague.statusCode).toBe(403);
  });
});

import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
let dir: string;
let villageId: string;
let partnerId: string;
const as: Record<string, Session> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'sinergi-documents-'));
  t = await createTestApp({ env: { DOCUMENTS_DIR: dir } });
  const db = t.database.db;
  villageId = (await createOrganization(db, { kind: 'village' })).id;
  partnerId = (await createOrganization(db, { kind: 'partner' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', villageId, ['village_staff']);
  await user('partner', partnerId, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00'), Buffer.alloc(200, 0x41)]);

/** A multipart body as a browser sends it (fields, then the file). */
async function form(fields: Record<string, string>, file?: { name: string; type: string; data: Buffer }) {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  if (file) data.append('file', new Blob([new Uint8Array(file.data)], { type: file.type }), file.name);
  const request = new Request('http://localhost/', { method: 'POST', body: data });
  return {
    payload: Buffer.from(await request.arrayBuffer()),
    headers: { 'content-type': request.headers.get('content-type') ?? '' },
  };
}

async function upload(
  session: Session,
  personId: string,
  fields: Record<string, string>,
  file?: { name: string; type: string; data: Buffer },
) {
  const body = await form(fields, file);
  return session.request({ method: 'POST', url: `/api/people/${personId}/documents`, ...body });
}

const decision = { category: 'court_decision', title: 'Putusan PN Semarang', visibility: 'corrections' };
const pdf = (name = 'putusan.pdf') => ({ name, type: 'application/pdf', data: PDF });
const files = async () => (await readdir(dir)).sort();

describe('uploading documents', () => {
  it('stores a PDF under a random name, owner-only, with its sha256; metadata, timeline and audit in one step', async () => {
    const person = await createPerson(t.database.db);
    const before = await files();
    const response = await upload(as.binadik as Session, person.id, decision, pdf('Putusan Siti.pdf'));
    expect(response.statusCode).toBe(201);
    const document = response.json();
    const sha256 = createHash('sha256').update(PDF).digest('hex');
    expect(document).toMatchObject({
      category: 'court_decision',
      title: 'Putusan PN Semarang',
      fileName: 'Putusan Siti.pdf',
      mediaType: 'application/pdf',
      sizeBytes: PDF.length,
      sha256,
      visibility: 'corrections',
      uploadedByName: 'Petugas binadik',
      organizationName: 'LPP Semarang',
    });
    const added = (await files()).filter((name) => !before.includes(name));
    expect(added).toHaveLength(1);
    const [stored] = added as [string];
    expect(stored).toMatch(/^[0-9a-f]{32}$/);
    expect(stored).not.toContain('Siti');
    expect(await readFile(path.join(dir, stored))).toEqual(PDF);
    expect((await stat(path.join(dir, stored))).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o077).toBe(0);
    const row = await t.database.db
      .selectFrom('person_document')
      .select(['storage_key', 'sha256'])
      .where('id', '=', document.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ storage_key: stored, sha256 });
    const event = await t.database.db
      .selectFrom('person_event')
      .select(['kind', 'visibility'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(event).toEqual({ kind: 'document.added', visibility: 'corrections' });
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'document.uploaded')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ documentId: document.id, sha256, mediaType: 'application/pdf' });
  });

  it('judges the type by content: an .exe named .pdf and declared application/pdf is refused on the file field', async () => {
    const person = await createPerson(t.database.db);
    const before = await files();
    const response = await upload(as.binadik as Session, person.id, decision, {
      name: 'putusan.pdf',
      type: 'application/pdf',
      data: EXE,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields.file).toBe(
      'Isi berkas bukan PDF, JPEG atau PNG. Hanya ketiga jenis itu yang diterima.',
    );
    // A PNG sent as "foto.pdf" with a PDF content type is stored as what it is.
    const png = await upload(
      as.binadik as Session,
      person.id,
      { category: 'photo', title: 'Foto', visibility: 'corrections' },
      { name: 'foto.pdf', type: 'application/pdf', data: PNG },
    );
    expect(png.json().mediaType).toBe('image/png');
    expect((await files()).length).toBe(before.length + 1);
  });

  it('refuses a file over 10 MB with a message naming the limit, and keeps nothing of it', async () => {
    const person = await createPerson(t.database.db);
    const before = await files();
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024, 0x20)]);
    const response = await upload(as.binadik as Session, person.id, decision, {
      ...pdf('besar.pdf'),
      data: big,
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().error).toMatchObject({
      code: 'DOCUMENT_TOO_LARGE',
      message: 'Berkas terlalu besar. Ukuran paling besar 10 MB.',
      fields: { file: 'Berkas terlalu besar. Ukuran paling besar 10 MB.' },
    });
    expect(await files()).toEqual(before);
    // Exactly 10 MB is allowed.
    const exact = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024 - PDF.length, 0x20)]);
    const ok = await upload(as.binadik as Session, person.id, decision, { ...pdf(), data: exact });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().sizeBytes).toBe(10 * 1024 * 1024);
  });

  it('never shares a court decision or a photo outside corrections, and keeps no file of the refusal', async () => {
    const person = await createPerson(t.database.db);
    const before = await files();
    for (const category of ['court_decision', 'photo']) {
      const response = await upload(
        as.binadik as Session,
        person.id,
        { category, title: 'x', visibility: 'shared' },
        pdf(),
      );
      expect(response.statusCode, category).toBe(400);
      expect(response.json().error.fields.visibility).toMatch(/hanya untuk petugas pemasyarakatan/);
    }
    expect(await files()).toEqual(before);
  });

  it('names bad fields (no file, unknown category, empty title, empty file) and removes the file when the database refuses the row', async () => {
    const person = await createPerson(t.database.db);
    const before = await files();
    const noFile = await upload(as.binadik as Session, person.id, decision);
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.fields.file).toBe('Wajib diisi.');
    const bad = await upload(as.binadik as Session, person.id, { category: 'selfie', title: ' ' }, pdf());
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['category', 'title']);
    const empty = await upload(as.binadik as Session, person.id, decision, {
      ...pdf(),
      data: Buffer.alloc(0),
    });
    expect(empty.json().error.fields.file).toBe('Berkas kosong.');
    const json = await (as.binadik as Session).request({
      method: 'POST',
      url: `/api/people/${person.id}/documents`,
      payload: decision,
    });
    expect(json.statusCode).toBe(415);
    expect(json.json().error.code).toBe('DOCUMENT_MULTIPART_REQUIRED');
    // A NUL character is refused by the database after the file was renamed into place: it is removed again.
    const refused = await upload(
      as.binadik as Session,
      person.id,
      { ...decision, title: 'Putusan\u0000' },
      pdf(),
    );
    expect(refused.statusCode).toBe(400);
    expect(await files()).toEqual(before);
    const rows = await t.database.db
      .selectFrom('person_document')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('who sees, downloads and deletes documents', () => {
  async function personWithDocuments() {
    const person = await createPerson(t.database.db);
    await giveConsent(t.database.db, person.id, { organizationIds: [villageId] });
    const secret = (
      await upload(as.binadik as Session, person.id, decision, pdf('putusan "rahasia" ñ.pdf'))
    ).json();
    const shared = (
      await upload(
        as.binadik as Session,
        person.id,
        { category: 'certificate', title: 'Sertifikat menjahit', visibility: 'shared' },
        { name: 'sertifikat ñ.png', type: 'image/png', data: PNG },
      )
    ).json();
    return { person, secret, shared };
  }
  const content = (personId: string, documentId: string) =>
    `/api/people/${personId}/documents/${documentId}/content`;

  it('gives prison staff every document and a safe, audited download', async () => {
    const { person, secret, shared } = await personWithDocuments();
    const list = await (as.giatja as Session).request({
      method: 'GET',
      url: `/api/people/${person.id}/documents`,
    });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([shared.id, secret.id]);
    const download = await (as.giatja as Session).request({
      method: 'GET',
      url: content(person.id, secret.id),
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload).toEqual(PDF);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-disposition']).toBe(
      `attachment; filename="putusan _rahasia_ _.pdf"; filename*=UTF-8''putusan%20%22rahasia%22%20%C3%B1.pdf`,
    );
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'subject_organization_id'])
      .where('action', '=', 'document.downloaded')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({
      details: { documentId: secret.id, category: 'court_decision', visibility: 'corrections' },
      subject_organization_id: LAPAS_ID,
    });
  });

  it('shows a consenting person’s shared documents only to the kelurahan, never the corrections-only ones', async () => {
    const { person, secret, shared } = await personWithDocuments();
    const kelurahan = as.kelurahan as Session;
    const list = await kelurahan.request({ method: 'GET', url: `/api/people/${person.id}/documents` });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([shared.id]);
    expect(list.body).not.toContain(secret.id);
    expect((await kelurahan.request({ method: 'GET', url: content(person.id, shared.id) })).statusCode).toBe(
      200,
    );
    expect((await kelurahan.request({ method: 'GET', url: content(person.id, secret.id) })).statusCode).toBe(
      404,
    );
    expect((await upload(kelurahan, person.id, decision, pdf())).statusCode).toBe(403);
    const remove = await kelurahan.request({
      method: 'DELETE',
      url: `/api/people/${person.id}/documents/${shared.id}`,
    });
    expect(remove.statusCode).toBe(403);

    const unconsented = await createPerson(t.database.db);
    expect(
      (await kelurahan.request({ method: 'GET', url: `/api/people/${unconsented.id}/documents` })).statusCode,
    ).toBe(404);
  });

  it('lets a PK see and add documents only of people referred to her Bapas; a partner needs placement and consent', async () => {
    const { person, secret } = await personWithDocuments();
    const pk = as.pk as Session;
    expect((await pk.request({ method: 'GET', url: content(person.id, secret.id) })).statusCode).toBe(404);
    await linkPerson(t.database.db, person.id, BAPAS_ID, 'referral');
    expect((await pk.request({ method: 'GET', url: content(person.id, secret.id) })).statusCode).toBe(200);
    expect(
      (await upload(pk, person.id, { ...decision, title: 'Litmas' }, pdf('litmas.pdf'))).statusCode,
    ).toBe(201);

    const partner = as.partner as Session;
    expect(
      (await partner.request({ method: 'GET', url: `/api/people/${person.id}/documents` })).statusCode,
    ).toBe(404);
    await linkPerson(t.database.db, person.id, partnerId, 'placement');
    await giveConsent(t.database.db, person.id, {
      organizationIds: [partnerId],
      groups: ['skills_training'],
    });
    const seen = await partner.request({ method: 'GET', url: `/api/people/${person.id}/documents` });
    expect(seen.json().items.map((item: { visibility: string }) => item.visibility)).toEqual(['shared']);
  });

  it('refuses viewers and administrators (403)', async () => {
    const { person, shared } = await personWithDocuments();
    for (const role of ['viewer', 'admin']) {
      const session = as[role] as Session;
      expect(
        (await session.request({ method: 'GET', url: `/api/people/${person.id}/documents` })).statusCode,
      ).toBe(403);
      expect((await session.request({ method: 'GET', url: content(person.id, shared.id) })).statusCode).toBe(
        403,
      );
      expect((await upload(session, person.id, decision, pdf())).statusCode).toBe(403);
    }
  });

  it('soft-deletes a document for corrections staff: gone from the list and downloads, kept on record, audited', async () => {
    const { person, shared } = await personWithDocuments();
    const url = `/api/people/${person.id}/documents/${shared.id}`;
    const removed = await (as.binadik as Session).request({ method: 'DELETE', url });
    expect(removed.statusCode).toBe(204);
    const list = await (as.binadik as Session).request({
      method: 'GET',
      url: `/api/people/${person.id}/documents`,
    });
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(shared.id);
    expect(
      (await (as.binadik as Session).request({ method: 'GET', url: content(person.id, shared.id) }))
        .statusCode,
    ).toBe(404);
    expect((await (as.binadik as Session).request({ method: 'DELETE', url })).statusCode).toBe(404);
    const row = await t.database.db
      .selectFrom('person_document')
      .select('deleted_at')
      .where('id', '=', shared.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'document.deleted')
      .where('subject_id', '=', person.id)
      .execute();
    expect(audit).toHaveLength(1);
  });
});

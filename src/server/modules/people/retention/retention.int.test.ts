import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createOpportunity } from '../../../../../tests/factories/opportunities.ts';
import { createPerson, giveConsent } from '../../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../../tests/factories/placements.ts';
import { createCohort, createProgram, enrol } from '../../../../../tests/factories/training.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import { shortPersonId } from '../../../../shared/peopleData.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import { LAPAS_ID } from '../../../db/seed/reference.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { today } from '../../../platform/calendar.ts';
import { addYears, applyRecordRetention } from './retention.service.ts';

let t: TestApp;
let head: Session;
let documentsDir: string;
beforeAll(async () => {
  documentsDir = mkdtempSync(path.join(os.tmpdir(), 'sinergi-retention-'));
  t = await createTestApp({ env: { DOCUMENTS_DIR: documentsDir } });
  const user = await createUser(t.database.db, { roles: ['prison_head'], organizationId: LAPAS_ID });
  head = await signIn(t.app, user.username, TEST_PASSWORD);
});
afterAll(async () => {
  await t.close();
  rmSync(documentsDir, { recursive: true, force: true });
});

async function as(roles: RoleCode[]) {
  const user = await createUser(t.database.db, { roles, organizationId: LAPAS_ID });
  return signIn(t.app, user.username, TEST_PASSWORD);
}

const isoYearsAgo = (years: number, days = 0) => {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() - years);
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
};

/** A woman released `years` ago whose supervision ended then, with a note, a document and a consent. */
async function released(years: number, days = 0, organizationId = LAPAS_ID) {
  const person = await createPerson(t.database.db, {
    organizationId,
    nik: `33741357059${String(Math.floor(Math.random() * 1e5)).padStart(5, '0')}`,
    birthDate: '1990-05-17',
    phone: '081234567890',
    domicileVillageCode: '33.74.13.1013',
    skills: ['Menjahit'],
    custody: { years: 2, months: 6 },
  });
  const endedOn = isoYearsAgo(years, days);
  await t.database.db
    .updateTable('person')
    .set({
      released_on: endedOn,
      supervision_end_date: endedOn,
      domicile_address: 'Jl. Siliwangi No. 5',
      birth_place: 'Semarang',
      religion: 'Islam',
      aliases: JSON.stringify(['Ani']),
      guarantor: JSON.stringify({
        name: 'Budi',
        relation: 'suami',
        address: 'Jl. Siliwangi 5',
        phone: '0812',
      }),
    })
    .where('id', '=', person.id)
    .execute();
  await t.database.db
    .insertInto('case_note')
    .values({
      person_id: person.id,
      kind: 'family',
      visibility: 'corrections',
      body: 'Anak tinggal dengan neneknya di Krobokan.',
      author_name: 'Petugas',
      organization_id: organizationId,
    })
    .execute();
  const key = Math.random().toString(16).slice(2).padEnd(32, '0').slice(0, 32);
  writeFileSync(path.join(documentsDir, key), '%PDF-1.4 ktp');
  const document = await t.database.db
    .insertInto('person_document')
    .values({
      person_id: person.id,
      category: 'identity',
      title: 'KTP Siti',
      file_name: 'ktp-siti.pdf',
      media_type: 'application/pdf',
      size_bytes: 12,
      sha256: 'x'.repeat(64),
      storage_key: key,
      uploaded_by_name: 'Petugas',
      organization_id: organizationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const consent = await giveConsent(t.database.db, person.id, { kinds: ['village'] });
  await t.database.db
    .updateTable('consent')
    .set({ evidence_document_id: document.id })
    .where('id', '=', consent.id)
    .execute();
  return { ...person, key, documentId: document.id };
}

const anonymize = (session: Session, id: string, confirm = shortPersonId(id)) =>
  session.request({ method: 'POST', url: `/api/people/${id}/anonymize`, payload: { confirm } });

describe('adding years', () => {
  it('keeps the day, and turns 29 February into 28 February in a common year', () => {
    expect(addYears('2015-03-31', 10)).toBe('2025-03-31');
    expect(addYears('2016-02-29', 10)).toBe('2026-02-28');
  });
});

describe('retention', () => {
  it('lists the people of the prison whose retention period (10 years by default) has ended', async () => {
    const due = await released(11);
    const notYet = await released(3);
    const response = await head.request({ method: 'GET', url: '/api/people/retention-due?pageSize=200' });
    expect(response.statusCode).toBe(200);
    const ids = response.json().items.map((item: { id: string }) => item.id);
    expect(ids).toContain(due.id);
    expect(ids).not.toContain(notYet.id);
    const item = response.json().items.find((entry: { id: string }) => entry.id === due.id);
    expect(item).toMatchObject({ basis: 'supervision_end_date', basisDate: isoYearsAgo(11) });
  });

  it('refuses before the period ends, saying when it ends, and changes nothing', async () => {
    const person = await released(9, 10);
    const response = await anonymize(head, person.id);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('RETENTION_NOT_ENDED');
    const endsOn = addYears(isoYearsAgo(9, 10), 10);
    expect(response.json().error.message).toContain(
      `${endsOn.slice(8, 10)}/${endsOn.slice(5, 7)}/${endsOn.slice(0, 4)}`,
    );
    const row = await t.database.db
      .selectFrom('person')
      .select(['full_name', 'anonymized_at'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row.anonymized_at).toBeNull();
  });

  it('refuses someone still in custody, or with no release date at all', async () => {
    const inCustody = await createPerson(t.database.db, { releaseDate: '2099-01-01' });
    const refused = (await anonymize(head, inCustody.id)).json().error;
    expect(refused.code).toBe('RETENTION_NOT_ENDED');
    expect(refused.message).toContain('01/01/2109');
    const undated = await createPerson(t.database.db, {});
    expect((await anonymize(head, undated.id)).json().error.code).toBe('RETENTION_NO_DATE');
  });

  it('removes what identifies her and keeps what counts, in one go, and deletes her files', async () => {
    const person = await released(12);
    const countBefore = await t.database.db
      .selectFrom('person')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect((await anonymize(head, person.id, 'SALAH')).json().error.code).toBe('ANONYMIZE_CONFIRM_MISMATCH');

    const response = await anonymize(head, person.id);
    expect(response.statusCode).toBe(200);
    const reference = shortPersonId(person.id);
    expect(response.json()).toMatchObject({
      displayName: `Anonim-${reference}`,
      documentsDeleted: 1,
      notesCleared: 1,
    });
    const row = await t.database.db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      full_name: `Anonim-${reference}`,
      aliases: [],
      nik: null,
      phone: null,
      guarantor: null,
      domicile_address: null,
      birth_place: null,
      religion: null,
      registration_number: null,
      birth_date: '1990-07-01',
      domicile_village_code: '33.74.13.1013',
      supervision_end_date: isoYearsAgo(12),
    });
    expect(row.anonymized_at).not.toBeNull();
    const custody = await t.database.db
      .selectFrom('custody')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(custody).toMatchObject({ sentence_years: 2, sentence_months: 6 });
    const skills = await t.database.db
      .selectFrom('person_skill')
      .select('name')
      .where('person_id', '=', person.id)
      .execute();
    expect(skills).toEqual([{ name: 'Menjahit' }]);
    const note = await t.database.db
      .selectFrom('case_note')
      .select('body')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(note.body).not.toContain('Krobokan');
    const document = await t.database.db
      .selectFrom('person_document')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(document.deleted_at).not.toBeNull();
    expect(document.title).toBe('[dihapus]');
    expect(existsSync(path.join(documentsDir, person.key))).toBe(false);
    const consent = await t.database.db
      .selectFrom('consent')
      .select('evidence_document_id')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(consent.evidence_document_id).toBeNull();
    const countAfter = await t.database.db
      .selectFrom('person')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(countAfter.n).toBe(countBefore.n);

    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.anonymized')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ retentionYears: 10, documentsDeleted: 1, notesCleared: 1 });
    // Done once: a second attempt is a conflict, and the kelurahan she consented to no longer sees her.
    expect((await anonymize(head, person.id)).statusCode).toBe(409);
    const due = (await head.request({ method: 'GET', url: '/api/people/retention-due?pageSize=200' })).json();
    expect(due.items.map((item: { id: string }) => item.id)).not.toContain(person.id);
  });

  it('ends her running placements and her links to partners, and clears what was written about her in them', async () => {
    const db = t.database.db;
    const person = await released(12);
    await giveConsent(db, person.id, { kinds: ['partner'] });
    const partner = (await createOrganization(db, { kind: 'partner' })).id;
    const full = await createOpportunity(db, { partnerId: partner, places: 1 });
    const other = await createOpportunity(db, { partnerId: partner });
    const earlier = await createOpportunity(db, { partnerId: partner });
    const placed = await createPlacement(db, {
      personId: person.id,
      opportunityId: full.id,
      stage: 'placed',
    });
    const proposed = await createPlacement(db, { personId: person.id, opportunityId: other.id });
    const ended = await createPlacement(db, {
      personId: person.id,
      opportunityId: earlier.id,
      stage: 'ended',
    });
    const ids = [placed.id, proposed.id, ended.id];
    await db
      .updateTable('placement_step')
      .set({ note: 'Anaknya sakit, ia tinggal di Jl. Siliwangi' })
      .where('placement_id', 'in', ids)
      .execute();
    const stageOf = async (id: string) =>
      (await db.selectFrom('opportunity').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status;
    expect(await stageOf(full.id)).toBe('filled');

    expect((await anonymize(head, person.id)).statusCode).toBe(200);

    const placements = await db
      .selectFrom('placement')
      .select(['id', 'stage', 'outcome_reason', 'outcome_note', 'placed_on', 'ended_on', 'version'])
      .where('person_id', '=', person.id)
      .execute();
    const byId = Object.fromEntries(placements.map((row) => [row.id, row]));
    expect(byId[placed.id]).toEqual({
      id: placed.id,
      stage: 'ended',
      outcome_reason: null,
      outcome_note: null,
      placed_on: '2026-01-10',
      ended_on: today(),
      version: 2,
    });
    expect(byId[proposed.id]).toMatchObject({
      stage: 'unsuccessful',
      outcome_reason: 'not_available',
      outcome_note: null,
      ended_on: today(),
    });
    // An earlier, ended one keeps its stage and dates and loses why it ended (in words).
    expect(byId[ended.id]).toMatchObject({ stage: 'ended', outcome_note: null, ended_on: '2026-01-10' });
    const steps = await db
      .selectFrom('placement_step')
      .select(['placement_id', 'stage', 'happened_on', 'reason', 'note'])
      .where('placement_id', 'in', ids)
      .orderBy('recorded_at')
      .execute();
    expect(steps.every((step) => step.note === null)).toBe(true);
    expect(steps.filter((step) => step.reason !== null)).toEqual([
      {
        placement_id: proposed.id,
        stage: 'unsuccessful',
        happened_on: today(),
        reason: 'not_available',
        note: null,
      },
    ]);
    expect(
      steps.filter((step) => step.happened_on === today()).map((step) => [step.placement_id, step.stage]),
    ).toEqual(
      expect.arrayContaining([
        [placed.id, 'ended'],
        [proposed.id, 'unsuccessful'],
      ]),
    );
    // Her place is free again, and no partner keeps a link to her.
    expect(await stageOf(full.id)).toBe('open');
    const links = await db
      .selectFrom('person_link')
      .select(['kind', 'active', 'ended_at'])
      .where('person_id', '=', person.id)
      .where('organization_id', '=', partner)
      .execute();
    expect(links.map((link) => link.kind).sort()).toEqual(['placement', 'proposal']);
    expect(links.every((link) => !link.active && link.ended_at instanceof Date)).toBe(true);
  });

  it.each<[string, RoleCode]>([
    ['inmate-development staff', 'prison_binadik'],
    ['an administrator', 'system_admin'],
    ['a viewer', 'viewer'],
  ])('%s may not anonymize or list (403)', async (_who, role) => {
    const person = await released(11);
    const session = await as([role]);
    expect((await anonymize(session, person.id)).statusCode).toBe(403);
    expect((await session.request({ method: 'GET', url: '/api/people/retention-due' })).statusCode).toBe(403);
    expect((await applyRetention(session)).statusCode).toBe(403);
    expect(existsSync(path.join(documentsDir, person.key))).toBe(true);
  });
});

const applyRetention = (session: Session) =>
  session.request({ method: 'POST', url: '/api/people/retention/apply' });

/** A prison of its own with a signed-in head: its counts are not disturbed by the other tests' records. */
async function newPrison() {
  const prison = await createOrganization(t.database.db, {
    kind: 'prison',
    name: `Lapas Uji ${Math.random()}`,
  });
  const user = await createUser(t.database.db, { roles: ['prison_head'], organizationId: prison.id });
  return { id: prison.id, head: await signIn(t.app, user.username, TEST_PASSWORD) };
}

async function recordsDue(session: Session) {
  const response = await session.request({ method: 'GET', url: '/api/people/retention-due?pageSize=200' });
  expect(response.statusCode).toBe(200);
  return response.json().records as {
    caseNotes: { due: number; years: number };
    documents: { due: number; years: number };
    importRuns: { due: number; years: number };
  };
}

async function importRun(organizationId: string, yearsAgo: number) {
  const createdAt = new Date();
  createdAt.setUTCFullYear(createdAt.getUTCFullYear() - yearsAgo);
  return t.database.db
    .insertInto('person_import')
    .values({
      organization_id: organizationId,
      file_name: 'daftar-wbp-2024.xlsx',
      sha256: 'a'.repeat(64),
      status: 'committed',
      mapping: JSON.stringify({ columns: ['fullName', 'nik'] }),
      summary: JSON.stringify({ mode: 'valid_only', counts: { total: 3, new: 2, update: 0, invalid: 1 } }),
      created_at: createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

const noteOf = (personId: string) =>
  t.database.db
    .selectFrom('case_note')
    .select(['body', 'kind', 'author_name', 'created_at'])
    .where('person_id', '=', personId)
    .executeTakeFirstOrThrow();

const documentsOf = (personId: string) =>
  t.database.db
    .selectFrom('person_document')
    .select(['id', 'title', 'file_name', 'category', 'size_bytes', 'deleted_at', 'storage_key'])
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();

describe('retention of notes, documents and import runs', () => {
  it('clears the free texts of her training and her certificate numbers, and keeps her attendance and results', async () => {
    const person = await released(12);
    const db = t.database.db;
    const program = await createProgram(db);
    const cohort = await createCohort(db, program.id, { sessionDates: ['2013-03-04'], status: 'completed' });
    const enrolment = await enrol(db, { personId: person.id, programId: program.id, cohortId: cohort.id });
    await db
      .updateTable('training_enrolment')
      .set({
        note: 'Minta pelatihan karena anaknya sakit',
        end_note: 'Keluar karena masalah disiplin di blok',
        overrides: JSON.stringify([{ check: 'behaviour', reason: 'Nilai rendah karena perkelahian' }]),
      })
      .where('id', '=', enrolment.id)
      .execute();
    const session = cohort.sessions[0];
    if (!session) throw new Error('the cohort has a session');
    await db
      .insertInto('training_attendance')
      .values({
        session_id: session.id,
        enrolment_id: enrolment.id,
        organization_id: LAPAS_ID,
        present: false,
        absence_reason: 'other',
        note: 'Dipanggil ke poliklinik jiwa',
      })
      .execute();
    const skill = program.skills[0];
    if (!skill) throw new Error('the program has a skill');
    await db
      .insertInto('certificate')
      .values({
        organization_id: LAPAS_ID,
        person_id: person.id,
        skill_id: skill.id,
        level: 'competent',
        number: 'LSP-RET/2013/000777',
        issuer: 'LSP Uji Retensi',
        issued_on: '2013-04-01',
      })
      .execute();

    expect((await anonymize(head, person.id)).statusCode).toBe(200);

    const kept = await db
      .selectFrom('training_enrolment')
      .select(['note', 'end_note', 'overrides', 'status'])
      .where('id', '=', enrolment.id)
      .executeTakeFirstOrThrow();
    expect(kept).toEqual({
      note: null,
      end_note: null,
      overrides: [{ check: 'behaviour' }],
      status: 'allocated',
    });
    const mark = await db
      .selectFrom('training_attendance')
      .select(['present', 'absence_reason', 'note'])
      .where('enrolment_id', '=', enrolment.id)
      .executeTakeFirstOrThrow();
    expect(mark).toEqual({ present: false, absence_reason: 'other', note: null });
    const certificate = await db
      .selectFrom('certificate')
      .select(['number', 'issuer', 'level'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(certificate.number).not.toContain('000777');
    expect(certificate).toMatchObject({ issuer: 'LSP Uji Retensi', level: 'competent' });
  });

  it('erases the notes and deletes the documents past their period, keeps newer ones and other prisons’', async () => {
    const prison = await newPrison();
    const old = await released(11, 0, prison.id);
    const recent = await released(3, 0, prison.id);
    const elsewhere = await released(11);
    // A document already deleted from her record keeps its file until the retention period ends.
    const removedKey = '0123456789abcdef'.repeat(2);
    writeFileSync(path.join(documentsDir, removedKey), '%PDF-1.4 kk');
    await t.database.db
      .insertInto('person_document')
      .values({
        person_id: old.id,
        category: 'family',
        title: 'KK Siti',
        file_name: 'kk.pdf',
        media_type: 'application/pdf',
        size_bytes: 11,
        sha256: 'b'.repeat(64),
        storage_key: removedKey,
        uploaded_by_name: 'Petugas',
        organization_id: prison.id,
        deleted_at: new Date(),
      })
      .execute();
    const oldRun = await importRun(prison.id, 2);
    const newRun = await importRun(prison.id, 0);

    expect(await recordsDue(prison.head)).toEqual({
      caseNotes: { due: 1, years: 10 },
      documents: { due: 2, years: 10 },
      importRuns: { due: 1, years: 1 },
      rulesVersion: expect.any(Number),
    });

    const response = await applyRetention(prison.head);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ notesErased: 1, documentsDeleted: 2, importRunsCleared: 1 });

    // Past the period: the body is gone, what counts (kind, author, date) stays.
    expect(await noteOf(old.id)).toMatchObject({
      body: '[dihapus: masa retensi berakhir]',
      kind: 'family',
      author_name: 'Petugas',
    });
    const oldDocuments = await documentsOf(old.id);
    expect(oldDocuments).toHaveLength(2);
    for (const document of oldDocuments) {
      expect(document.deleted_at).not.toBeNull();
      expect(document.title).toBe('[dihapus: masa retensi berakhir]');
      expect(document.file_name).toBe('[dihapus]');
      expect(existsSync(path.join(documentsDir, document.storage_key))).toBe(false);
    }
    expect(oldDocuments.map((document) => document.category).sort()).toEqual(['family', 'identity']);
    // The person herself is not anonymized by this (that is a decision taken one by one).
    const person = await t.database.db
      .selectFrom('person')
      .select(['full_name', 'anonymized_at'])
      .where('id', '=', old.id)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ full_name: old.full_name, anonymized_at: null });

    // Within the period, and another prison's records: untouched.
    for (const kept of [recent, elsewhere]) {
      expect((await noteOf(kept.id)).body).toBe('Anak tinggal dengan neneknya di Krobokan.');
      const [document] = await documentsOf(kept.id);
      expect(document).toMatchObject({ title: 'KTP Siti', deleted_at: null });
      expect(existsSync(path.join(documentsDir, kept.key))).toBe(true);
    }

    const runs = await t.database.db
      .selectFrom('person_import')
      .select(['id', 'file_name', 'mapping', 'summary'])
      .where('id', 'in', [oldRun.id, newRun.id])
      .execute();
    const cleared = runs.find((run) => run.id === oldRun.id);
    expect(cleared).toMatchObject({
      file_name: '[dihapus]',
      mapping: {},
      summary: { mode: 'valid_only', counts: { total: 3, new: 2, update: 0, invalid: 1 } },
    });
    expect(cleared?.summary.retentionClearedAt).toBeDefined();
    expect(runs.find((run) => run.id === newRun.id)).toMatchObject({
      file_name: 'daftar-wbp-2024.xlsx',
      mapping: { columns: ['fullName', 'nik'] },
    });

    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'retention.applied')
      .where('subject_id', '=', prison.id)
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({
      notesErased: 1,
      documentsDeleted: 2,
      importRunsCleared: 1,
      caseNoteYears: 10,
      documentYears: 10,
      importFileYears: 1,
    });

    // Done: nothing is due any more, and a second run clears nothing.
    expect(await recordsDue(prison.head)).toMatchObject({
      caseNotes: { due: 0 },
      documents: { due: 0 },
      importRuns: { due: 0 },
    });
    expect((await applyRetention(prison.head)).json()).toMatchObject({
      notesErased: 0,
      documentsDeleted: 0,
      importRunsCleared: 0,
    });
  });

  it('leaves the notes and files of an anonymized person to the anonymization', async () => {
    const prison = await newPrison();
    const person = await released(12, 0, prison.id);
    expect((await anonymize(prison.head, person.id)).statusCode).toBe(200);
    expect(await recordsDue(prison.head)).toMatchObject({ caseNotes: { due: 0 }, documents: { due: 0 } });
    expect((await applyRetention(prison.head)).json()).toMatchObject({ notesErased: 0, documentsDeleted: 0 });
    expect((await noteOf(person.id)).body).toBe('[dihapus karena anonimisasi]');
  });

  it('follows the retention rules in force: a shorter period saved by an administrator makes more due', async () => {
    const prison = await newPrison();
    const person = await released(6, 0, prison.id);
    expect(await recordsDue(prison.head)).toMatchObject({
      caseNotes: { due: 0, years: 10 },
      documents: { due: 0, years: 10 },
    });
    const adminUser = await createUser(t.database.db, { roles: ['system_admin'] });
    const admin = await signIn(t.app, adminUser.username, TEST_PASSWORD);
    const save = async (rules: Record<string, number>, note: string) => {
      const current = (await admin.request({ method: 'GET', url: '/api/rules/retention' })).json();
      const saved = await admin.request({
        method: 'PUT',
        url: '/api/rules/retention',
        payload: { rules: { ...current.rules, ...rules }, note, version: current.version },
      });
      expect(saved.statusCode).toBe(200);
      return saved.json().version as number;
    };
    try {
      const version = await save({ caseNoteYears: 5 }, 'Catatan disimpan 5 tahun');
      const due = (await prison.head.request({ method: 'GET', url: '/api/people/retention-due' })).json();
      expect(due.records).toMatchObject({
        caseNotes: { due: 1, years: 5 },
        documents: { due: 0, years: 10 },
        rulesVersion: version,
      });
      // The person list follows personYears, which did not change.
      expect(due.items.map((item: { id: string }) => item.id)).not.toContain(person.id);
      expect((await applyRetention(prison.head)).json()).toMatchObject({
        notesErased: 1,
        documentsDeleted: 0,
        rulesVersion: version,
      });
      expect((await noteOf(person.id)).body).toBe('[dihapus: masa retensi berakhir]');
      expect(existsSync(path.join(documentsDir, person.key))).toBe(true);
    } finally {
      await save({ caseNoteYears: 10 }, 'Kembali ke nilai awal');
    }
  });

  it('is refused (403) to a prison head asking for another prison, in the service itself', async () => {
    const prison = await newPrison();
    const other = await released(11);
    const ctx: RequestContext = {
      principal: {
        sessionId: 'uji',
        userId: randomUUID(),
        username: 'kalapas.uji',
        fullName: 'Kalapas Uji',
        position: null,
        organizationId: prison.id,
        organizationName: 'Lapas Uji',
        organizationShortName: null,
        organizationKind: 'prison',
        organizationCode: null,
        roles: ['prison_head'],
        permissions: ['read:person:organization', 'anonymize:person:organization'],
        language: 'id',
        mustChangePassword: false,
        csrfToken: 'uji',
        expiresAt: new Date(Date.now() + 60_000),
      },
      correlationId: 'uji',
      ip: '127.0.0.1',
    };
    const removed: string[] = [];
    await expect(
      applyRecordRetention(t.database.db, ctx, LAPAS_ID, { remove: async (key) => void removed.push(key) }),
    ).rejects.toMatchObject({ status: 403 });
    expect(removed).toEqual([]);
    expect((await noteOf(other.id)).body).toBe('Anak tinggal dengan neneknya di Krobokan.');
  });
});

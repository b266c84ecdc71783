import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson } from '../../../../../tests/factories/people.ts';
import { createCohort, createProgram, enrol, skillByCode } from '../../../../../tests/factories/training.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import type { CohortResults } from '../../../../shared/results.ts';
import { LAPAS_ID } from '../../../db/seed/reference.ts';
import { today } from '../../../platform/calendar.ts';
import { addDays } from '../attendance/attendance.presenter.ts';

let t: TestApp;
let partnerId: string;
let otherPrisonId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** The item a test created at this index (fails loudly when it is missing). */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

beforeAll(async () => {
  t = await createTestApp();
  partnerId = (await createOrganization(t.database.db, { kind: 'partner' })).id;
  otherPrisonId = (await createOrganization(t.database.db, { kind: 'prison' })).id;
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('instructor', partnerId, ['partner_staff']);
  await user('otherPrison', otherPrisonId, ['prison_giatja']);
});
afterAll(() => t.close());

const day = (offset: number) => addDays(today(), offset);

/** A sewing program (two units, skill garment.sewing to competent), a running cohort, `size` women in it. */
async function cohortWith(size: number) {
  const db = t.database.db;
  const program = await createProgram(db);
  const cohort = await createCohort(db, program.id, {
    sessionDates: [day(-20), day(-13), day(-6)],
    endDate: day(10),
    instructorUserId: ids.instructor,
  });
  const people = [];
  for (let index = 0; index < size; index++) {
    const person = await createPerson(db);
    const enrolment = await enrol(db, { personId: person.id, programId: program.id, cohortId: cohort.id });
    people.push({ personId: person.id, enrolmentId: enrolment.id });
  }
  const [u1, u2] = [nth(program.units, 0), nth(program.units, 1)];
  return { program, cohort, people, u1: u1.id, u2: u2.id };
}

const resultsUrl = (cohortId: string) => `/api/training/cohorts/${cohortId}/results`;
const putResults = (session: Session, cohortId: string, items: Record<string, unknown>[]) =>
  session.request({ method: 'PUT', url: resultsUrl(cohortId), payload: { items } });
const item = (enrolmentId: string, unitId: string, extra: Record<string, unknown> = {}) => ({
  enrolmentId,
  unitId,
  result: 'competent',
  score: 87.5,
  assessorName: 'Asesor LSP Garmen',
  assessedOn: day(-1),
  ...extra,
});

async function skillOf(personId: string, skillId: string) {
  return t.database.db
    .selectFrom('person_skill')
    .select(['evidence', 'level', 'cohort_id', 'certificate_id'])
    .where('person_id', '=', personId)
    .where('skill_id', '=', skillId)
    .execute();
}

async function timelineOf(personId: string, kind: string) {
  return t.database.db
    .selectFrom('person_event')
    .select(['visibility', 'details'])
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .execute();
}

describe('competency results', () => {
  it('raises the program skill to assessed once every unit is competent, with one timeline entry', async () => {
    const { program, cohort, people, u1, u2 } = await cohortWith(2);
    const [a, b] = people as [
      { personId: string; enrolmentId: string },
      { personId: string; enrolmentId: string },
    ];
    const giatja = as.giatja as Session;
    const sewing = (program.skills[0] as { id: string }).id;

    const first = await putResults(giatja, cohort.id, [
      item(a.enrolmentId, u1),
      item(b.enrolmentId, u1, { result: 'not_yet_competent', score: 55 }),
    ]);
    expect(first.statusCode).toBe(200);
    expect(await skillOf(a.personId, sewing)).toEqual([]);

    const second = await putResults(giatja, cohort.id, [item(a.enrolmentId, u2, { score: null })]);
    expect(second.statusCode).toBe(200);
    const view = second.json() as CohortResults;
    expect(view.units.map((unit) => unit.code)).toEqual(['U-01', 'U-02']);
    expect(view.programSkills).toEqual([{ skillId: sewing, name: 'Menjahit', level: 'competent' }]);
    expect(view.people.find((person) => person.personId === a.personId)).toMatchObject({
      allCompetent: true,
      status: 'allocated',
    });
    expect(view.people.find((person) => person.personId === b.personId)?.allCompetent).toBe(false);
    expect(view.results).toEqual(
      expect.arrayContaining([
        {
          enrolmentId: a.enrolmentId,
          unitId: u1,
          result: 'competent',
          score: 87.5,
          assessorName: 'Asesor LSP Garmen',
          assessedOn: day(-1),
        },
        expect.objectContaining({ enrolmentId: a.enrolmentId, unitId: u2, score: null }),
        expect.objectContaining({
          enrolmentId: b.enrolmentId,
          unitId: u1,
          result: 'not_yet_competent',
          score: 55,
        }),
      ]),
    );
    expect(await skillOf(a.personId, sewing)).toEqual([
      { evidence: 'assessed', level: 'competent', cohort_id: cohort.id, certificate_id: null },
    ]);
    expect(await skillOf(b.personId, sewing)).toEqual([]);

    // Recording the same results again changes nothing and writes no second timeline entry.
    expect((await putResults(giatja, cohort.id, [item(a.enrolmentId, u2, { score: 90 })])).statusCode).toBe(
      200,
    );
    const events = await timelineOf(a.personId, 'training.assessed');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      visibility: 'shared',
      details: { cohortId: cohort.id, programId: program.id },
    });

    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'subject_type'])
      .where('action', '=', 'assessment.recorded')
      .where('subject_id', '=', cohort.id)
      .orderBy('id')
      .execute();
    expect(audits).toHaveLength(3);
    expect(audits[1]).toMatchObject({
      subject_type: 'training_cohort',
      details: { items: 1, allCompetentNow: [a.personId] },
    });
  });

  it('refuses units of another program, people not in the cohort, dates in the future or before the start, naming the item', async () => {
    const { cohort, people, u1 } = await cohortWith(3);
    const other = await cohortWith(1);
    const [a, left, c] = [nth(people, 0), nth(people, 1), nth(people, 2)];
    await t.database.db
      .updateTable('training_enrolment')
      .set({ status: 'deallocated', end_reason: 'health' })
      .where('id', '=', left.enrolmentId)
      .execute();
    const response = await putResults(as.giatja as Session, cohort.id, [
      item(a.enrolmentId, other.u1),
      item((other.people[0] as { enrolmentId: string }).enrolmentId, u1),
      item(left.enrolmentId, u1),
      item(a.enrolmentId, u1, { assessedOn: day(1) }),
      item(c.enrolmentId, u1, { assessedOn: day(-30) }),
    ]);
    expect(response.statusCode).toBe(400);
    const start = day(-20);
    expect(response.json().error.fields).toEqual({
      'items.0.unitId': 'Unit kompetensi ini bukan bagian dari program pelatihan angkatan ini.',
      'items.1.enrolmentId': 'Peserta ini tidak terdaftar di angkatan ini atau sudah dikeluarkan.',
      'items.2.enrolmentId': 'Peserta ini tidak terdaftar di angkatan ini atau sudah dikeluarkan.',
      'items.3.assessedOn': 'Tanggal penilaian tidak boleh setelah hari ini.',
      'items.4.assessedOn': `Tanggal penilaian tidak boleh sebelum angkatan dimulai (${start.slice(8, 10)}/${start.slice(5, 7)}/${start.slice(0, 4)}).`,
    });
    const badScore = await putResults(as.giatja as Session, cohort.id, [
      item(a.enrolmentId, u1, { score: 101 }),
    ]);
    expect(badScore.statusCode).toBe(400);
    expect(Object.keys(badScore.json().error.fields)).toEqual(['items.0.score']);
    const written = await t.database.db
      .selectFrom('training_assessment')
      .select('id')
      .where('enrolment_id', 'in', [a.enrolmentId, left.enrolmentId, c.enrolmentId])
      .execute();
    expect(written).toEqual([]);
  });

  it('shows results to the prison’s training managers only, and audits who was shown', async () => {
    const { cohort, people } = await cohortWith(2);
    expect(
      (await (as.giatja as Session).request({ method: 'GET', url: resultsUrl(cohort.id) })).statusCode,
    ).toBe(200);
    const viewed = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'results.viewed')
      .where('subject_id', '=', cohort.id)
      .execute();
    expect(viewed).toHaveLength(1);
    expect(viewed[0]).toMatchObject({
      actor_user_id: ids.giatja,
      subject_type: 'training_cohort',
      subject_organization_id: LAPAS_ID,
    });
    expect((viewed[0]?.details as { shown?: string[] } | undefined)?.shown?.sort()).toEqual(
      people.map((person) => person.personId).sort(),
    );
    expect(
      (await (as.instructor as Session).request({ method: 'GET', url: resultsUrl(cohort.id) })).statusCode,
    ).toBe(403);
    expect(
      (await (as.binadik as Session).request({ method: 'GET', url: resultsUrl(cohort.id) })).statusCode,
    ).toBe(403);
    expect(
      (await (as.otherPrison as Session).request({ method: 'GET', url: resultsUrl(cohort.id) })).statusCode,
    ).toBe(404);
  });
});

describe('certificates', () => {
  const postCertificate = (session: Session, payload: Record<string, unknown>) =>
    session.request({ method: 'POST', url: '/api/training/certificates', payload });

  async function documentOf(personId: string, deleted = false, category = 'certificate') {
    const row = await t.database.db
      .insertInto('person_document')
      .values({
        person_id: personId,
        category,
        title: 'Sertifikat kompetensi',
        file_name: 'sertifikat.pdf',
        media_type: 'application/pdf',
        size_bytes: 1000,
        sha256: randomBytes(32).toString('hex'),
        storage_key: `test/${randomBytes(8).toString('hex')}`,
        uploaded_by_name: 'Petugas giatja',
        organization_id: LAPAS_ID,
        deleted_at: deleted ? new Date() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  }

  it('records a certificate that raises the skill to certified; a duplicate number of the same issuer is refused', async () => {
    const { cohort, people, u1, u2, program } = await cohortWith(1);
    const a = people[0] as { personId: string; enrolmentId: string };
    const sewing = (program.skills[0] as { id: string }).id;
    const giatja = as.giatja as Session;
    await putResults(giatja, cohort.id, [item(a.enrolmentId, u1), item(a.enrolmentId, u2)]);
    const documentId = await documentOf(a.personId);
    const number = `LSP-GRM/${randomBytes(3).toString('hex').toUpperCase()}/2026`;

    const created = await postCertificate(giatja, {
      personId: a.personId,
      enrolmentId: a.enrolmentId,
      skillId: sewing,
      level: 'competent',
      number,
      issuer: 'LSP Garmen Indonesia',
      issuedOn: day(-1),
      validUntil: addDays(day(-1), 3 * 365),
      documentId,
    });
    expect(created.statusCode).toBe(201);
    const certificate = created.json();
    expect(certificate).toMatchObject({
      personId: a.personId,
      enrolmentId: a.enrolmentId,
      skillId: sewing,
      skillName: 'Menjahit',
      level: 'competent',
      number,
      issuer: 'LSP Garmen Indonesia',
      issuedOn: day(-1),
      documentId,
    });
    expect(await skillOf(a.personId, sewing)).toEqual([
      expect.objectContaining({ evidence: 'certified', level: 'competent', certificate_id: certificate.id }),
    ]);
    expect(await timelineOf(a.personId, 'certificate.added')).toEqual([
      expect.objectContaining({
        visibility: 'shared',
        details: expect.objectContaining({ certificateId: certificate.id }),
      }),
    ]);
    const view = (
      await giatja.request({ method: 'GET', url: resultsUrl(cohort.id) })
    ).json() as CohortResults;
    expect(view.certificates.map((row) => row.id)).toEqual([certificate.id]);

    // The same number from the same issuer, written differently, is refused naming the field.
    const duplicate = await postCertificate(giatja, {
      personId: a.personId,
      skillId: sewing,
      level: 'competent',
      number: number.toLowerCase(),
      issuer: 'lsp garmen indonesia',
      issuedOn: day(-1),
    });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.json().error.fields).toEqual({
      number: 'Nomor sertifikat ini sudah tercatat untuk penerbit lsp garmen indonesia.',
    });
    // Another issuer may use the same number; a lower level never lowers the certified skill.
    const otherIssuer = await postCertificate(giatja, {
      personId: a.personId,
      skillId: sewing,
      level: 'basic',
      number,
      issuer: 'BLK Semarang',
      issuedOn: day(-1),
    });
    expect(otherIssuer.statusCode).toBe(201);
    expect(await skillOf(a.personId, sewing)).toEqual([
      expect.objectContaining({ evidence: 'certified', level: 'competent', certificate_id: certificate.id }),
    ]);
    expect(
      await t.database.db
        .selectFrom('audit_log')
        .select('subject_id')
        .where('action', '=', 'certificate.added')
        .where('subject_id', '=', a.personId)
        .execute(),
    ).toHaveLength(2);
  });

  it('keeps one of two identical certificates recorded at the same moment, and names the number for the other', async () => {
    const db = t.database.db;
    const skill = await skillByCode(db, 'food.baking');
    const person = await createPerson(db);
    const payload = {
      personId: person.id,
      skillId: skill.id,
      level: 'intermediate',
      number: `KUE-${randomBytes(3).toString('hex')}`,
      issuer: 'LSP Boga Nusantara',
      issuedOn: day(-2),
    };
    const answers = await Promise.all([
      postCertificate(as.giatja as Session, payload),
      postCertificate(as.giatja as Session, payload),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 400]);
    const refused = answers.find((answer) => answer.statusCode === 400);
    expect(refused?.json().error.fields).toEqual({
      number: 'Nomor sertifikat ini sudah tercatat untuk penerbit LSP Boga Nusantara.',
    });
    expect(
      await db.selectFrom('certificate').select('id').where('person_id', '=', person.id).execute(),
    ).toHaveLength(1);
  });

  it('refuses a person of another prison or anonymized, someone else’s or a deleted file, wrong dates; naming each field', async () => {
    const db = t.database.db;
    const giatja = as.giatja as Session;
    const skill = await skillByCode(db, 'batik.written');
    const person = await createPerson(db);
    const elsewhere = await createPerson(db, { organizationId: otherPrisonId });
    const anonymized = await createPerson(db);
    await db
      .updateTable('person')
      .set({ anonymized_at: new Date() })
      .where('id', '=', anonymized.id)
      .execute();
    const base = {
      personId: person.id,
      skillId: skill.id,
      level: 'basic',
      number: `B-${randomBytes(3).toString('hex')}`,
      issuer: 'LPP Semarang',
      issuedOn: day(-3),
    };

    const notHeld = await postCertificate(giatja, { ...base, personId: elsewhere.id });
    expect(notHeld.json().error.fields).toEqual({
      personId: 'Warga binaan ini tidak tercatat di lapas Anda.',
    });
    const gone = await postCertificate(giatja, { ...base, personId: anonymized.id });
    expect(Object.keys(gone.json().error.fields)).toEqual(['personId']);

    const wrong = await postCertificate(giatja, {
      ...base,
      enrolmentId: (await enrol(db, { personId: anonymized.id, programId: (await createProgram(db)).id })).id,
      documentId: await documentOf(anonymized.id),
      issuedOn: day(1),
      validUntil: day(0),
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({
      enrolmentId: 'Pendaftaran pelatihan ini bukan milik orang tersebut.',
      documentId: 'Berkas ini bukan dokumen orang tersebut atau sudah dihapus.',
      issuedOn: 'Tanggal terbit tidak boleh setelah hari ini.',
      validUntil: 'Tanggal berlaku sampai harus setelah tanggal terbit.',
    });
    const deletedFile = await postCertificate(giatja, {
      ...base,
      documentId: await documentOf(person.id, true),
    });
    expect(Object.keys(deletedFile.json().error.fields)).toEqual(['documentId']);
    // Her identity card is not a certificate's scan.
    const notCertificate = await postCertificate(giatja, {
      ...base,
      documentId: await documentOf(person.id, false, 'identity'),
    });
    expect(notCertificate.statusCode).toBe(400);
    expect(notCertificate.json().error.fields).toEqual({
      documentId:
        'Berkas ini bukan pindaian sertifikat. Pilih atau unggah berkas dengan kategori "Sertifikat".',
    });

    expect((await postCertificate(as.instructor as Session, base)).statusCode).toBe(403);
    expect((await postCertificate(as.binadik as Session, base)).statusCode).toBe(403);
    expect(
      await db
        .selectFrom('certificate')
        .select('id')
        .where('person_id', 'in', [person.id, anonymized.id])
        .execute(),
    ).toEqual([]);
    expect((await postCertificate(giatja, base)).statusCode).toBe(201);
  });
});

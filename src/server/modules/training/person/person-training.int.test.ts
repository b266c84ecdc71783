import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../../tests/factories/people.ts';
import { createCohort, createProgram, enrol, skillByCode } from '../../../../../tests/factories/training.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { Person } from '../../../../shared/people.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import type { PersonTraining } from '../../../../shared/personTraining.ts';
import { BAPAS_ID, LAPAS_ID } from '../../../db/seed/reference.ts';
import { raisePersonSkill } from '../person-skills.repository.ts';

let t: TestApp;
let villageId: string;
let otherVillageId: string;
let otherPrisonId: string;
const as: Record<string, Session> = {};
const skill: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  villageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Krobokan' })).id;
  otherVillageId = (await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Cabean' })).id;
  otherPrisonId = (await createOrganization(db, { kind: 'prison' })).id;
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('otherGiatja', otherPrisonId, ['prison_giatja']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', villageId, ['village_staff']);
  await user('otherKelurahan', otherVillageId, ['village_staff']);
  await user('admin', LAPAS_ID, ['system_admin']);
  for (const code of [
    'garment.sewing',
    'administration.computing',
    'batik.written',
    'beauty.makeup',
    'food.baking',
  ])
    skill[code] = (await skillByCode(db, code)).id;
});
afterAll(() => t.close());

const view = (session: Session, personId: string) =>
  session.request({ method: 'GET', url: `/api/people/${personId}/training` });

/**
 * A woman who reported three skills, completed a sewing cohort (3 of 4 recorded sessions present; one
 * of two units competent) and got a certificate for it, waits for batik, withdrew from cooking, and is
 * allocated to a running make-up cohort with no attendance yet.
 */
async function trainedWoman() {
  const db = t.database.db;
  const person = await createPerson(db, { skills: ['Menyanyi'] });
  await db
    .insertInto('person_skill')
    .values([
      { person_id: person.id, organization_id: LAPAS_ID, name: 'jahit', skill_id: skill['garment.sewing'] },
      {
        person_id: person.id,
        organization_id: LAPAS_ID,
        name: 'Komputer',
        skill_id: skill['administration.computing'],
        sector: 'administration',
      },
    ])
    .execute();

  const sewing = await createProgram(db, { name: `Menjahit ${person.id.slice(0, 6)}` });
  const dates = ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'];
  const cohort = await createCohort(db, sewing.id, {
    name: 'Angkatan I',
    sessionDates: dates,
    status: 'completed',
  });
  const completed = await enrol(db, { personId: person.id, programId: sewing.id, cohortId: cohort.id });
  await db
    .updateTable('training_enrolment')
    .set({ status: 'completed', end_reason: 'completed', requested_on: '2026-09-01' })
    .where('id', '=', completed.id)
    .execute();
  const present = [true, true, false, true, true];
  await db
    .insertInto('training_attendance')
    .values(
      cohort.sessions.map((session, index) => ({
        session_id: session.id,
        enrolment_id: completed.id,
        organization_id: LAPAS_ID,
        present: present[index] as boolean,
        absence_reason: present[index] ? null : ('sick' as const),
      })),
    )
    .execute();
  // A cancelled session does not count, whatever was marked.
  await db
    .updateTable('training_session')
    .set({ status: 'cancelled', cancel_reason: 'Libur' })
    .where('id', '=', cohort.sessions[4]?.id as string)
    .execute();
  await db
    .insertInto('training_assessment')
    .values(
      sewing.units.map((unit, index) => ({
        organization_id: LAPAS_ID,
        enrolment_id: completed.id,
        unit_id: unit.id,
        result: index === 0 ? ('competent' as const) : ('not_yet_competent' as const),
        assessor_name: 'Asesor Uji',
        assessed_on: '2026-11-02',
      })),
    )
    .execute();
  await raisePersonSkill(db, {
    personId: person.id,
    organizationId: LAPAS_ID,
    skillId: skill['garment.sewing'] as string,
    level: 'intermediate',
    evidence: 'trained',
    cohortId: cohort.id,
  });
  const document = await db
    .insertInto('person_document')
    .values({
      person_id: person.id,
      category: 'certificate',
      title: 'Sertifikat menjahit',
      file_name: 'sertifikat.pdf',
      media_type: 'application/pdf',
      size_bytes: 10,
      sha256: 'x',
      storage_key: `k${person.id}`,
      uploaded_by_name: 'Uji',
      organization_id: LAPAS_ID,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const certificate = await db
    .insertInto('certificate')
    .values({
      organization_id: LAPAS_ID,
      person_id: person.id,
      enrolment_id: completed.id,
      skill_id: skill['garment.sewing'] as string,
      level: 'competent',
      number: `LSP-${person.id.slice(0, 8)}`,
      issuer: 'LSP Garmen',
      issued_on: '2026-11-20',
      valid_until: '2029-11-20',
      document_id: document.id,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await raisePersonSkill(db, {
    personId: person.id,
    organizationId: LAPAS_ID,
    skillId: skill['garment.sewing'] as string,
    level: 'competent',
    evidence: 'certified',
    certificateId: certificate.id,
  });

  const batik = await createProgram(db, {
    skillCodes: ['batik.written'],
    name: `Batik ${person.id.slice(0, 6)}`,
  });
  const waiting = await enrol(db, { personId: person.id, programId: batik.id });
  await db
    .updateTable('training_enrolment')
    .set({ requested_on: '2026-11-25' })
    .where('id', '=', waiting.id)
    .execute();
  const baking = await createProgram(db, {
    skillCodes: ['food.baking'],
    name: `Kue ${person.id.slice(0, 6)}`,
  });
  const withdrawn = await enrol(db, { personId: person.id, programId: baking.id });
  await db
    .updateTable('training_enrolment')
    .set({ status: 'withdrawn', requested_on: '2026-08-01' })
    .where('id', '=', withdrawn.id)
    .execute();
  const makeup = await createProgram(db, {
    skillCodes: ['beauty.makeup'],
    name: `Rias ${person.id.slice(0, 6)}`,
  });
  const running = await createCohort(db, makeup.id, {
    name: 'Angkatan Rias',
    startDate: '2026-11-09',
    endDate: '2027-01-29',
  });
  const allocated = await enrol(db, { personId: person.id, programId: makeup.id, cohortId: running.id });
  await db
    .updateTable('training_enrolment')
    .set({ requested_on: '2026-10-20' })
    .where('id', '=', allocated.id)
    .execute();
  return { person, sewing, cohort, completed, certificate, document, waiting, withdrawn, allocated, running };
}

describe('the training tab of a person', () => {
  it('shows corrections staff every skill with its evidence and the whole history, and audits the read', async () => {
    const w = await trainedWoman();
    const response = await view(as.giatja as Session, w.person.id);
    expect(response.statusCode).toBe(200);
    const body = response.json() as PersonTraining;
    expect(body.skills).toEqual([
      {
        skillId: skill['garment.sewing'],
        name: 'Menjahit',
        sector: 'garment',
        level: 'competent',
        evidence: 'certified',
        certificate: {
          id: w.certificate.id,
          number: `LSP-${w.person.id.slice(0, 8)}`,
          issuer: 'LSP Garmen',
          issuedOn: '2026-11-20',
          validUntil: '2029-11-20',
          documentId: w.document.id,
        },
      },
      {
        skillId: skill['administration.computing'],
        name: 'Komputer dasar',
        sector: 'administration',
        level: 'basic',
        evidence: 'self_reported',
        certificate: null,
      },
      {
        skillId: null,
        name: 'Menyanyi',
        sector: null,
        level: 'basic',
        evidence: 'self_reported',
        certificate: null,
      },
    ]);
    expect(body.history.map((item) => [item.enrolmentId, item.status])).toEqual([
      [w.waiting.id, 'pending'],
      [w.allocated.id, 'allocated'],
      [w.completed.id, 'completed'],
      [w.withdrawn.id, 'withdrawn'],
    ]);
    expect(body.history[2]).toEqual({
      enrolmentId: w.completed.id,
      programId: w.sewing.id,
      programName: w.sewing.name,
      cohortId: w.cohort.id,
      cohortName: 'Angkatan I',
      startDate: '2026-10-05',
      endDate: '2026-11-02',
      status: 'completed',
      endReason: 'completed',
      requestedOn: '2026-09-01',
      attendanceRate: 0.75,
      unitsCompetent: 1,
      unitsTotal: 2,
    });
    expect(body.history[1]).toMatchObject({
      cohortName: 'Angkatan Rias',
      startDate: '2026-11-09',
      endDate: '2027-01-29',
      attendanceRate: null,
      unitsCompetent: 0,
      unitsTotal: 2,
    });
    expect(body.history[0]).toMatchObject({
      cohortId: null,
      cohortName: null,
      startDate: null,
      endReason: null,
    });
    expect(body.canRequest).toBe(true);

    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'person.training_viewed')
      .where('subject_id', '=', w.person.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ subject_type: 'person', subject_organization_id: LAPAS_ID });
    expect((audit.details as { enrolments: string[] }).enrolments).toHaveLength(4);
  });

  it('lets other corrections staff read it without offering to add a request', async () => {
    const w = await trainedWoman();
    const binadik = (await view(as.binadik as Session, w.person.id)).json() as PersonTraining;
    expect(binadik.history).toHaveLength(4);
    expect(binadik.canRequest).toBe(false);
    expect((await view(as.pk as Session, w.person.id)).statusCode).toBe(404);
    await linkPerson(t.database.db, w.person.id, BAPAS_ID, 'referral');
    const pk = (await view(as.pk as Session, w.person.id)).json() as PersonTraining;
    expect(pk.history.find((item) => item.status === 'completed')?.attendanceRate).toBe(0.75);
    expect(pk.canRequest).toBe(false);
    // Anonymized: nobody may add a request any more.
    await t.database.db
      .updateTable('person')
      .set({ anonymized_at: new Date() })
      .where('id', '=', w.person.id)
      .execute();
    expect(((await view(as.giatja as Session, w.person.id)).json() as PersonTraining).canRequest).toBe(false);
  });

  it('shows a kelurahan with the skills_training consent only evidenced skills and completed trainings, no attendance', async () => {
    const w = await trainedWoman();
    await giveConsent(t.database.db, w.person.id, { organizationIds: [villageId] });
    const response = await view(as.kelurahan as Session, w.person.id);
    expect(response.statusCode).toBe(200);
    const body = response.json() as PersonTraining;
    expect(body.skills).toEqual([
      expect.objectContaining({
        name: 'Menjahit',
        evidence: 'certified',
        // The scanned certificate is a corrections-only document: not named to her.
        certificate: expect.objectContaining({ id: w.certificate.id, documentId: null }),
      }),
    ]);
    expect(body.history).toEqual([
      expect.objectContaining({
        enrolmentId: w.completed.id,
        status: 'completed',
        attendanceRate: null,
        unitsCompetent: 1,
      }),
    ]);
    expect(body.canRequest).toBe(false);
    expect(response.body).not.toContain('Menyanyi');
    expect(response.body).not.toContain(w.waiting.id);
    expect(response.body).not.toContain(w.withdrawn.id);
    expect(response.body).not.toContain(w.allocated.id);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'person.training_viewed')
      .where('subject_id', '=', w.person.id)
      .where('actor_organization_id', '=', villageId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ enrolments: [w.completed.id], full: false });

    // A shared scan is named.
    await t.database.db
      .updateTable('person_document')
      .set({ visibility: 'shared' })
      .where('id', '=', w.document.id)
      .execute();
    const shared = (await view(as.kelurahan as Session, w.person.id)).json() as PersonTraining;
    expect(shared.skills[0]?.certificate?.documentId).toBe(w.document.id);
  });

  it('refuses a kelurahan whose consent leaves out skills_training (403), one without consent or after withdrawal (404)', async () => {
    const w = await trainedWoman();
    await giveConsent(t.database.db, w.person.id, {
      organizationIds: [otherVillageId],
      groups: ['identity_contact', 'availability_status'],
    });
    const noGroup = await view(as.otherKelurahan as Session, w.person.id);
    expect(noGroup.statusCode).toBe(403);
    expect(noGroup.body).not.toContain('Menjahit');
    expect((await view(as.kelurahan as Session, w.person.id)).statusCode).toBe(404);
    const withdrawn = await trainedWoman();
    await giveConsent(t.database.db, withdrawn.person.id, { organizationIds: [villageId], withdrawn: true });
    expect((await view(as.kelurahan as Session, withdrawn.person.id)).statusCode).toBe(404);
    expect((await view(as.otherGiatja as Session, w.person.id)).statusCode).toBe(404);
    expect((await view(as.admin as Session, w.person.id)).statusCode).toBe(403);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'person.training_viewed')
      .where('subject_id', '=', w.person.id)
      .execute();
    expect(audits).toHaveLength(0);
  });
});

describe('self-reported skills map onto the taxonomy', () => {
  const skillsOf = (personId: string) =>
    t.database.db
      .selectFrom('person_skill')
      .select(['name', 'skill_id', 'sector', 'level', 'evidence'])
      .where('person_id', '=', personId)
      .orderBy(sql`lower(name)`)
      .execute();

  it('maps names and aliases (any case) when a person is registered; a second name of the same skill is dropped', async () => {
    const response = await (as.binadik as Session).request({
      method: 'POST',
      url: '/api/people',
      payload: {
        fullName: 'Dewi Lestari Uji',
        skills: [
          { name: 'JAHIT', level: 'intermediate' },
          { name: 'Menjahit' },
          { name: 'Rias', sector: 'other' },
          { name: 'Menyanyi' },
          { name: 'komputer dasar' },
        ],
      },
    });
    expect(response.statusCode, response.body).toBe(201);
    const person = response.json() as Person;
    expect(await skillsOf(person.id)).toEqual([
      {
        name: 'JAHIT',
        skill_id: skill['garment.sewing'],
        sector: 'garment',
        level: 'intermediate',
        evidence: 'self_reported',
      },
      {
        name: 'komputer dasar',
        skill_id: skill['administration.computing'],
        sector: 'administration',
        level: 'basic',
        evidence: 'self_reported',
      },
      { name: 'Menyanyi', skill_id: null, sector: null, level: 'basic', evidence: 'self_reported' },
      // A sector the officer chose stays hers.
      {
        name: 'Rias',
        skill_id: skill['beauty.makeup'],
        sector: 'other',
        level: 'basic',
        evidence: 'self_reported',
      },
    ]);
    expect(person.skills?.find((item) => item.name === 'JAHIT')?.skillId).toBe(skill['garment.sewing']);
    expect(person.skills?.find((item) => item.name === 'Menyanyi')?.skillId).toBeNull();
  });

  it('keeps a self-report out on edit when she already holds the skill with stronger evidence', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { skills: ['Menjahit'] });
    await raisePersonSkill(db, {
      personId: person.id,
      organizationId: LAPAS_ID,
      skillId: skill['batik.written'] as string,
      level: 'intermediate',
      evidence: 'trained',
    });
    const current = (
      await (as.binadik as Session).request({ method: 'GET', url: `/api/people/${person.id}` })
    ).json();
    const response = await (as.binadik as Session).request({
      method: 'PATCH',
      url: `/api/people/${person.id}`,
      payload: {
        skills: [
          { name: 'batik tulis', level: 'competent' },
          { name: 'Membatik tulis' },
          { name: 'Tata boga' },
        ],
        version: current.version,
      },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await skillsOf(person.id)).toEqual([
      {
        name: 'Membatik tulis',
        skill_id: skill['batik.written'],
        sector: 'batik',
        level: 'intermediate',
        evidence: 'trained',
      },
      {
        name: 'Tata boga',
        skill_id: (await skillByCode(db, 'food.cooking')).id,
        sector: 'food',
        level: 'basic',
        evidence: 'self_reported',
      },
    ]);
  });

  it('maps the skills of an imported file, leaving out those she already holds', async () => {
    const db = t.database.db;
    const known = await createPerson(db, { registrationNumber: 'BI.IMPOR/2026' });
    await raisePersonSkill(db, {
      personId: known.id,
      organizationId: LAPAS_ID,
      skillId: skill['garment.sewing'] as string,
      level: 'basic',
      evidence: 'trained',
    });
    const file = [
      'Nama Lengkap;No. Registrasi;Keterampilan',
      `${known.full_name};BI.IMPOR/2026;jahit, Hidroponik`,
      'Rina Impor Uji;BI.IMPOR/2027;Jahit, menjahit, Menari',
    ].join('\n');
    const data = new FormData();
    data.append('mapping', JSON.stringify(['fullName', 'registrationNumber', 'skills']));
    data.append('mode', 'all_or_nothing');
    data.append('file', new Blob([new Uint8Array(Buffer.from(file, 'utf8'))]), 'warga.csv');
    const officer = await createUser(db, { organizationId: LAPAS_ID, roles: ['prison_binadik'] });
    const session = await signIn(t.app, officer.username, TEST_PASSWORD);
    const response = await session.request({
      method: 'POST',
      url: '/api/people/import/commit',
      payload: data,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(await skillsOf(known.id)).toEqual([
      expect.objectContaining({
        name: 'Hidroponik',
        skill_id: (await skillByCode(db, 'urban_farming.hydroponics')).id,
      }),
      expect.objectContaining({ name: 'Menjahit', skill_id: skill['garment.sewing'], evidence: 'trained' }),
    ]);
    const rina = await db
      .selectFrom('person')
      .select('id')
      .where('registration_number', '=', 'BI.IMPOR/2027')
      .executeTakeFirstOrThrow();
    expect(await skillsOf(rina.id)).toEqual([
      {
        name: 'Jahit',
        skill_id: skill['garment.sewing'],
        sector: 'garment',
        level: 'basic',
        evidence: 'self_reported',
      },
      { name: 'Menari', skill_id: null, sector: null, level: 'basic', evidence: 'self_reported' },
    ]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson } from '../../../../../tests/factories/people.ts';
import { createCohort, createProgram, enrol, skillByCode } from '../../../../../tests/factories/training.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import type { Program, ProgramList } from '../../../../shared/programs.ts';
import { LAPAS_ID } from '../../../db/seed/reference.ts';

let t: TestApp;
let partnerId: string;
let otherPartnerId: string;
let villageId: string;
let otherPrisonId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const skill: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[], active = true) {
  const created = await createUser(t.database.db, {
    organizationId,
    roles,
    fullName: `Petugas ${name}`,
    active,
  });
  ids[name] = created.id;
  if (active) as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  partnerId = (await createOrganization(db, { kind: 'partner', name: 'BLK Kota Semarang' })).id;
  otherPartnerId = (await createOrganization(db, { kind: 'partner', name: 'LKP Lain' })).id;
  villageId = (await createOrganization(db, { kind: 'village' })).id;
  otherPrisonId = (await createOrganization(db, { kind: 'prison', name: 'Lapas Lain' })).id;
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('head', LAPAS_ID, ['prison_head']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('otherGiatja', otherPrisonId, ['prison_giatja']);
  await user('blk', partnerId, ['partner_staff']);
  await user('blkLeft', partnerId, ['partner_staff'], false);
  await user('lkp', otherPartnerId, ['partner_staff']);
  await user('kelurahan', villageId, ['village_staff']);
  await user('admin', LAPAS_ID, ['system_admin']);
  for (const code of ['garment.sewing', 'garment.fashion', 'beauty.makeup', 'batik.written'])
    skill[code] = (await skillByCode(db, code)).id;
});
afterAll(() => t.close());

const url = '/api/training/programs';
const post = (session: Session, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url, payload });
const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  session.request({ method: 'PATCH', url: `${url}/${id}`, payload });
const get = (session: Session, path = '') => session.request({ method: 'GET', url: `${url}${path}` });

let serial = 0;
function sewing(overrides: Record<string, unknown> = {}) {
  serial += 1;
  return {
    name: `Menjahit Dasar ${serial}`,
    providerOrganizationId: LAPAS_ID,
    skills: [{ skillId: skill['garment.sewing'], level: 'basic' }],
    sessionsCount: 24,
    hoursTotal: 48,
    defaultCapacity: 15,
    ...overrides,
  };
}

describe('the program catalogue', () => {
  it('lets the training section add a partner’s program with skills, instructors, units and rules; audited', async () => {
    const response = await post(as.giatja as Session, {
      name: 'Tata Rias Pengantin BLK',
      description: 'Pelatihan berbasis kompetensi bersama BLK',
      providerOrganizationId: partnerId,
      skills: [
        { skillId: skill['beauty.makeup'], level: 'competent' },
        { skillId: skill['garment.fashion'], level: 'basic' },
      ],
      instructors: [
        { userId: ids.blk },
        { userId: ids.giatja, name: 'Diabaikan' },
        { name: 'Ibu Sri (tamu)' },
      ],
      units: [
        { code: 'KOM.01', title: 'Menyiapkan area kerja', skillId: skill['beauty.makeup'] },
        { title: 'Merias wajah pengantin' },
      ],
      sessionsCount: 40,
      hoursTotal: 120.5,
      defaultCapacity: 20,
      eligibility: { minDaysLeftToServe: 90, minBehaviourScore: 65 },
      certification: 'lsp_bnsp',
      certificationBody: 'LSP Kecantikan Indonesia',
    });
    expect(response.statusCode).toBe(201);
    const program = response.json() as Program;
    expect(program).toMatchObject({
      name: 'Tata Rias Pengantin BLK',
      description: 'Pelatihan berbasis kompetensi bersama BLK',
      providerName: 'BLK Kota Semarang',
      providerKind: 'partner',
      provider: { id: partnerId, name: 'BLK Kota Semarang', kind: 'partner' },
      skills: [
        { skillId: skill['garment.fashion'], name: 'Tata busana', sector: 'garment', level: 'basic' },
        { skillId: skill['beauty.makeup'], name: 'Tata rias', sector: 'beauty', level: 'competent' },
      ],
      sessionsCount: 40,
      hoursTotal: 120.5,
      defaultCapacity: 20,
      eligibility: { minDaysLeftToServe: 90, minBehaviourScore: 65 },
      certification: 'lsp_bnsp',
      certificationBody: 'LSP Kecantikan Indonesia',
      active: true,
      openCohorts: 0,
      waitlist: 0,
      canManage: true,
      version: 1,
    });
    expect(program.instructors.map((item) => [item.userId, item.name])).toEqual([
      [null, 'Ibu Sri (tamu)'],
      [ids.blk, 'Petugas blk'],
      [ids.giatja, 'Petugas giatja'],
    ]);
    expect(program.units).toEqual([
      {
        id: expect.any(String),
        code: 'KOM.01',
        title: 'Menyiapkan area kerja',
        skillId: skill['beauty.makeup'],
        position: 1,
      },
      { id: expect.any(String), code: null, title: 'Merias wajah pengantin', skillId: null, position: 2 },
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'program.created')
      .where('subject_id', '=', program.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      subject_type: 'training_program',
      subject_organization_id: LAPAS_ID,
      details: { name: 'Tata Rias Pengantin BLK', providerOrganizationId: partnerId },
    });

    // Everyone of the prison reads it; a binadik officer cannot change it.
    const read = await get(as.binadik as Session, `/${program.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: program.id, canManage: false });
  });

  it('lists the prison’s programs with open cohorts and waitlist, filtered by name, sector and status', async () => {
    const db = t.database.db;
    const batik = (
      await post(as.giatja as Session, {
        ...sewing(),
        name: 'Batik Tulis Pramesti',
        skills: [{ skillId: skill['batik.written'], level: 'intermediate' }],
      })
    ).json() as Program;
    await createCohort(db, batik.id, { status: 'running' });
    await createCohort(db, batik.id, { status: 'enrolling' });
    await createCohort(db, batik.id, { status: 'completed' });
    for (const status of ['pending', 'approved', 'declined'] as const) {
      const person = await createPerson(db);
      const enrolment = await enrol(db, { personId: person.id, programId: batik.id });
      await db.updateTable('training_enrolment').set({ status }).where('id', '=', enrolment.id).execute();
    }
    const retired = (
      await post(as.giatja as Session, sewing({ name: 'Batik Cap Lama', active: false }))
    ).json();
    const elsewhere = await createProgram(db, { organizationId: otherPrisonId, name: 'Batik Lapas Lain' });

    const all = await get(as.binadik as Session, '?q=batik');
    expect(all.statusCode).toBe(200);
    const list = all.json() as ProgramList;
    expect(list.items.map((item) => item.name)).toEqual(['Batik Tulis Pramesti', 'Batik Cap Lama']);
    expect(list.items[0]).toMatchObject({
      providerName: 'LPP Semarang',
      providerKind: 'prison',
      skills: [{ name: 'Membatik tulis', sector: 'batik', level: 'intermediate' }],
      sessionsCount: 24,
      hoursTotal: 48,
      openCohorts: 2,
      waitlist: 2,
      active: true,
    });
    expect(all.body).not.toContain(elsewhere.id);

    const active = (await get(as.binadik as Session, '?q=batik&active=true')).json() as ProgramList;
    expect(active.items.map((item) => item.id)).toEqual([batik.id]);
    const inactive = (await get(as.binadik as Session, '?active=false')).json() as ProgramList;
    expect(inactive.items.map((item) => item.id)).toEqual([retired.id]);
    const bySector = (await get(as.binadik as Session, '?sector=batik')).json() as ProgramList;
    expect(bySector.items.map((item) => item.id)).toEqual([batik.id]);
    const byProvider = (await get(as.binadik as Session, '?q=blk')).json() as ProgramList;
    expect(byProvider.items.map((item) => item.name)).toEqual(['Tata Rias Pengantin BLK']);
    const paged = (await get(as.binadik as Session, '?pageSize=1&page=2')).json() as ProgramList;
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
  });

  it('hides another prison’s program (404) and refuses callers without training access (403)', async () => {
    const elsewhere = await createProgram(t.database.db, { organizationId: otherPrisonId });
    for (const response of [
      await get(as.giatja as Session, `/${elsewhere.id}`),
      await patch(as.giatja as Session, elsewhere.id, { name: 'Diambil alih', version: 1 }),
    ]) {
      expect(response.statusCode).toBe(404);
      expect(response.json().error.code).toBe('TRAINING_PROGRAM_NOT_FOUND');
      expect(response.json().error.message).toBe('Program pelatihan tidak ditemukan.');
    }
    expect((await get(as.otherGiatja as Session, `/${elsewhere.id}`)).statusCode).toBe(200);
    for (const role of ['kelurahan', 'admin', 'blk']) {
      expect((await get(as[role] as Session)).statusCode, role).toBe(403);
      expect((await post(as[role] as Session, sewing())).statusCode, role).toBe(403);
    }
    expect((await post(as.binadik as Session, sewing())).statusCode).toBe(403);
    expect((await post(as.head as Session, sewing())).statusCode).toBe(201);
  });

  it('names each bad field in Indonesian', async () => {
    const giatja = as.giatja as Session;
    await post(giatja, sewing({ name: 'Menjahit Lanjutan' }));
    const taken = await post(giatja, sewing({ name: 'menjahit LANJUTAN' }));
    expect(taken.statusCode).toBe(400);
    expect(taken.json().error.fields).toEqual({
      name: 'Sudah ada program pelatihan bernama "menjahit LANJUTAN" di lapas ini.',
    });
    // The same name in another prison is no clash.
    const elsewhere = sewing({ name: 'Menjahit Lanjutan', providerOrganizationId: otherPrisonId });
    expect((await post(as.otherGiatja as Session, elsewhere)).statusCode).toBe(201);
    // Nor may a prison name another prison as its provider.
    expect(
      (await post(giatja, sewing({ providerOrganizationId: otherPrisonId }))).json().error.fields,
    ).toEqual({
      providerOrganizationId: 'Penyelenggara harus lapas ini sendiri atau organisasi mitra.',
    });

    const bad = await post(
      giatja,
      sewing({
        skills: [],
        providerOrganizationId: villageId,
        instructors: [
          { userId: ids.lkp },
          { userId: ids.blkLeft },
          { name: '' },
          { userId: ids.otherGiatja },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields).toEqual({
      skills: 'Pilih sedikitnya satu keterampilan yang diajarkan program ini.',
      providerOrganizationId: 'Penyelenggara harus lapas ini sendiri atau organisasi mitra.',
      'instructors.0.userId': 'Instruktur harus pengguna aktif dari lapas ini atau dari mitra penyelenggara.',
      'instructors.1.userId': 'Instruktur harus pengguna aktif dari lapas ini atau dari mitra penyelenggara.',
      'instructors.2.name': 'Isi nama instruktur atau pilih pengguna.',
      'instructors.3.userId': 'Instruktur harus pengguna aktif dari lapas ini atau dari mitra penyelenggara.',
    });
    // The partner's own staff may teach when that partner provides the program.
    expect(
      (
        await post(
          giatja,
          sewing({ providerOrganizationId: otherPartnerId, instructors: [{ userId: ids.lkp }] }),
        )
      ).statusCode,
    ).toBe(201);

    const skills = await post(
      giatja,
      sewing({
        skills: [
          { skillId: skill['garment.sewing'], level: 'basic' },
          { skillId: skill['garment.sewing'], level: 'competent' },
          { skillId: '00000000-0000-4000-8000-00000000abcd', level: 'basic' },
        ],
        units: [{ title: 'Unit batik', skillId: skill['batik.written'] }],
      }),
    );
    expect(skills.json().error.fields).toEqual({
      'skills.1.skillId': 'Keterampilan ini sudah dipilih.',
      'skills.2.skillId': 'Keterampilan ini tidak ada atau sudah tidak aktif.',
      'units.0.skillId': 'Keterampilan unit harus salah satu keterampilan program ini.',
    });

    const numbers = await post(
      giatja,
      sewing({
        sessionsCount: 0,
        hoursTotal: 0,
        defaultCapacity: 201,
        eligibility: { minBehaviourScore: 101, minDaysLeftToServe: 4000 },
      }),
    );
    expect(numbers.statusCode).toBe(400);
    expect(numbers.json().error.fields).toEqual({
      sessionsCount: 'Minimal 1.',
      hoursTotal: 'Minimal 0.5.',
      defaultCapacity: 'Maksimal 200.',
      'eligibility.minBehaviourScore': 'Maksimal 100.',
      'eligibility.minDaysLeftToServe': 'Maksimal 3650.',
    });
    const tooMany = await post(giatja, sewing({ sessionsCount: 501, hoursTotal: 2001, defaultCapacity: 0 }));
    expect(Object.keys(tooMany.json().error.fields).sort()).toEqual([
      'defaultCapacity',
      'hoursTotal',
      'sessionsCount',
    ]);
    const missing = await post(giatja, {});
    expect(missing.json().error.fields).toMatchObject({ name: 'Wajib diisi.', skills: 'Wajib diisi.' });
  });
});

describe('editing a program', () => {
  it('replaces skills, instructors and units in one change (kept units keep their id) and refuses a stale version', async () => {
    const giatja = as.giatja as Session;
    const program = (
      await post(
        giatja,
        sewing({
          instructors: [{ name: 'Ibu Ani' }],
          units: [
            { code: 'A', title: 'Unit A' },
            { code: 'B', title: 'Unit B' },
          ],
        }),
      )
    ).json() as Program;
    const [unitA] = program.units;
    const edited = await patch(giatja, program.id, {
      name: 'Menjahit Busana Muslim',
      skills: [
        { skillId: skill['garment.sewing'], level: 'intermediate' },
        { skillId: skill['garment.fashion'], level: 'basic' },
      ],
      instructors: [{ userId: ids.head }],
      units: [
        { id: unitA?.id, code: 'A', title: 'Unit A diperbarui', skillId: skill['garment.fashion'] },
        { code: 'C', title: 'Unit C' },
      ],
      eligibility: { minDaysLeftToServe: null, minBehaviourScore: 70 },
      version: 1,
    });
    expect(edited.statusCode).toBe(200);
    const after = edited.json() as Program;
    expect(after).toMatchObject({
      name: 'Menjahit Busana Muslim',
      sessionsCount: 24,
      eligibility: { minDaysLeftToServe: null, minBehaviourScore: 70 },
      instructors: [{ userId: ids.head, name: 'Petugas head' }],
      version: 2,
    });
    expect(after.skills.map((item) => [item.name, item.level])).toEqual([
      ['Menjahit', 'intermediate'],
      ['Tata busana', 'basic'],
    ]);
    expect(after.units.map((unit) => [unit.title, unit.position])).toEqual([
      ['Unit A diperbarui', 1],
      ['Unit C', 2],
    ]);
    expect(after.units[0]?.id).toBe(unitA?.id);

    const stale = await patch(giatja, program.id, { name: 'Lagi', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('TRAINING_PROGRAM_CHANGED');
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'program.updated')
      .where('subject_id', '=', program.id)
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]?.details).toMatchObject({ version: 2, name: 'Menjahit Busana Muslim' });
    const details = audit[0]?.details as { fields?: string[] } | undefined;
    expect([...(details?.fields ?? [])].sort()).toEqual([
      'eligibility',
      'instructors',
      'name',
      'skills',
      'units',
    ]);
  });

  it('refuses to drop a unit that has assessments, and then changes nothing at all', async () => {
    const db = t.database.db;
    const giatja = as.giatja as Session;
    const program = (
      await post(giatja, sewing({ units: [{ title: 'Mengukur badan' }, { title: 'Memotong kain' }] }))
    ).json() as Program;
    const [measured, cut] = program.units;
    const cohort = await createCohort(db, program.id);
    const person = await createPerson(db);
    const enrolment = await enrol(db, { personId: person.id, programId: program.id, cohortId: cohort.id });
    await db
      .insertInto('training_assessment')
      .values({
        organization_id: LAPAS_ID,
        enrolment_id: enrolment.id,
        unit_id: measured?.id as string,
        result: 'competent',
        assessor_name: 'Asesor Uji',
        assessed_on: '2026-11-10',
      })
      .execute();
    const refused = await patch(giatja, program.id, {
      name: 'Nama baru yang tidak tersimpan',
      units: [{ id: cut?.id, title: 'Memotong kain' }],
      version: 1,
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({
      units: 'Unit kompetensi "Mengukur badan" sudah memiliki hasil penilaian dan tidak dapat dihapus.',
    });
    const unchanged = (await get(giatja, `/${program.id}`)).json() as Program;
    expect(unchanged).toMatchObject({ name: program.name, version: 1, openCohorts: 1 });
    expect(unchanged.units.map((unit) => unit.id)).toEqual([measured?.id, cut?.id]);

    // Dropping the unassessed one is fine; a unit id of another program is not.
    const other = await createProgram(db);
    const foreign = await patch(giatja, program.id, {
      units: [
        { id: measured?.id, title: 'Mengukur badan' },
        { id: other.units[0]?.id, title: 'Asing' },
      ],
      version: 1,
    });
    expect(foreign.json().error.fields).toEqual({
      'units.1.id': 'Unit kompetensi ini bukan milik program ini.',
    });
    const dropped = await patch(giatja, program.id, {
      units: [{ id: measured?.id, title: 'Mengukur badan' }],
      active: false,
      version: 1,
    });
    expect(dropped.statusCode).toBe(200);
    expect(dropped.json()).toMatchObject({ active: false, units: [{ id: measured?.id, position: 1 }] });
  });

  it('checks the instructors again when the provider changes', async () => {
    const giatja = as.giatja as Session;
    const program = (
      await post(giatja, sewing({ providerOrganizationId: partnerId, instructors: [{ userId: ids.blk }] }))
    ).json() as Program;
    const moved = await patch(giatja, program.id, { providerOrganizationId: otherPartnerId, version: 1 });
    expect(moved.statusCode).toBe(400);
    expect(moved.json().error.fields).toEqual({
      'instructors.0.userId': 'Instruktur harus pengguna aktif dari lapas ini atau dari mitra penyelenggara.',
    });
    const withNew = await patch(giatja, program.id, {
      providerOrganizationId: otherPartnerId,
      instructors: [{ userId: ids.lkp }],
      version: 1,
    });
    expect(withNew.statusCode).toBe(200);
    expect(withNew.json()).toMatchObject({
      provider: { id: otherPartnerId, kind: 'partner' },
      instructors: [{ userId: ids.lkp }],
    });
  });
});

describe('instructor options', () => {
  it('offers the prison’s training managers and the provider partner’s active staff only', async () => {
    const response = await (as.binadik as Session).request({
      method: 'GET',
      url: `/api/training/instructor-options?providerOrganizationId=${partnerId}`,
    });
    expect(response.statusCode).toBe(200);
    const options = response.json() as { userId: string; fullName: string; organizationName: string }[];
    const userIds = options.map((option) => option.userId);
    expect(userIds).toEqual(expect.arrayContaining([ids.giatja, ids.head, ids.blk]));
    for (const excluded of ['binadik', 'blkLeft', 'lkp', 'otherGiatja', 'admin'])
      expect(userIds).not.toContain(ids[excluded]);
    expect(options.find((option) => option.userId === ids.blk)).toEqual({
      userId: ids.blk,
      fullName: 'Petugas blk',
      organizationName: 'BLK Kota Semarang',
    });
    // The prison's people first.
    expect(userIds.indexOf(ids.blk as string)).toBe(userIds.length - 1);

    const own = await (as.giatja as Session).request({
      method: 'GET',
      url: '/api/training/instructor-options',
    });
    expect(own.json().map((option: { userId: string }) => option.userId)).not.toContain(ids.blk);
    expect(
      (await (as.kelurahan as Session).request({ method: 'GET', url: '/api/training/instructor-options' }))
        .statusCode,
    ).toBe(403);
  });
});

import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson, giveConsent } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { createCohort, createProgram, enrol, skillByCode } from '../../../../tests/factories/training.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type {
  FairnessReport,
  FairnessRow,
  GapSkillRow,
  TrainingGapReport,
} from '../../../shared/planning.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';
import { compileOpportunities, rankOpportunities } from '../matching/matching.engine.ts';
import {
  loadEngineOpportunities,
  loadEnginePeople,
  matchingContext,
} from '../matching/matching.repository.ts';
import { addDays } from '../training/cohorts/schedule.ts';
import { addMonths, monthStart } from './planning.gap.ts';

// A fixed dataset with every figure worked out by hand. Dates are relative to today (T): the planner's
// horizon starts today.

let t: TestApp;
const T = today();
const at = (days: number) => addDays(T, days);
const as: Record<string, Session> = {};
let krobokan: string;
let cabean: string;
let sewing: string;
let baking: string;
let knitting: string;
let cooking: string;

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}
const get = (name: string, url: string) => (as[name] as Session).request({ method: 'GET', url });

async function holds(personId: string, skillId: string, level: 'basic' | 'intermediate' | 'competent') {
  await t.database.db
    .insertInto('person_skill')
    .values({ person_id: personId, organization_id: LAPAS_ID, name: 'Uji', skill_id: skillId, level })
    .execute();
}

/** A woman held by LPP Semarang, expected to be released on `releaseDate`. */
function woman(releaseDate: string, intendedVillageId: string | null = null) {
  return createPerson(t.database.db, { releaseDate, intendedVillageId });
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  cabean = (await villageByCode(db, '33.74.13.1011')).id;
  sewing = (await skillByCode(db, 'garment.sewing')).id;
  baking = (await skillByCode(db, 'food.baking')).id;
  knitting = (await skillByCode(db, 'craft.knitting')).id;
  cooking = (await skillByCode(db, 'food.cooking')).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('kalapas', LAPAS_ID, ['prison_head']);
  await user('kelurahan', krobokan, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  const partner = await createOrganization(db, { kind: 'partner', name: 'Konveksi Perencanaan' });
  await user('mitra', partner.id, ['partner_staff']);
});
afterAll(() => t.close());

describe('the training-gap planner', () => {
  beforeAll(async () => {
    const db = t.database.db;
    const partnerId = (await createOrganization(db, { kind: 'partner' })).id;
    const opportunity = (overrides: Parameters<typeof createOpportunity>[1]) =>
      createOpportunity(db, { partnerId, ...overrides });
    // Counted: O1 open in Krobokan, 5 places (1 placed → 4), sewing basic essential, cooking optional.
    const o1 = await opportunity({
      villageId: krobokan,
      places: 5,
      startOn: at(30),
      skills: [
        { code: 'garment.sewing', minLevel: 'basic' },
        { code: 'food.cooking', essential: false },
      ],
    });
    // O2 draft in Cabean, 2 places, sewing intermediate.
    await opportunity({
      villageId: cabean,
      status: 'draft',
      places: 2,
      startOn: at(60),
      skills: [{ code: 'garment.sewing', minLevel: 'intermediate' }],
    });
    // O3 open in Krobokan, already started and still open until T+20: 3 places of baking.
    await opportunity({
      villageId: krobokan,
      places: 3,
      startOn: at(-10),
      closesOn: at(20),
      skills: [{ code: 'food.baking' }],
    });
    // Not counted: closed; starting after the horizon; a draft that has already started; past closing.
    await opportunity({ villageId: krobokan, status: 'closed', places: 9, startOn: at(30) });
    await opportunity({ villageId: krobokan, places: 9, startOn: addMonths(T, 13) });
    await opportunity({ villageId: krobokan, status: 'draft', places: 9, startOn: at(-5) });
    await opportunity({ villageId: krobokan, places: 9, startOn: at(-30), closesOn: at(-1) });

    // Krobokan needs 3 seamstresses and 1 baker (size unknown); a need without a skill does not count. A
    // service needed (Krobokan, 300 households) and a market (Cabean, 8,000 buyers) count one woman each.
    await db
      .insertInto('village_need')
      .values([
        {
          village_id: krobokan,
          sector: 'garment',
          skill_id: sewing,
          kind: 'labour_demand',
          description: 'Penjahit',
          size: 3,
        },
        {
          village_id: krobokan,
          sector: 'food',
          skill_id: baking,
          kind: 'labour_demand',
          description: 'Pembuat roti',
          size: null,
        },
        {
          village_id: krobokan,
          sector: 'retail',
          skill_id: null,
          kind: 'market',
          description: 'Warung',
          size: 7,
        },
        {
          village_id: krobokan,
          sector: 'garment',
          skill_id: sewing,
          kind: 'service_needed',
          description: 'Jasa permak pakaian',
          size: 300,
        },
        {
          village_id: cabean,
          sector: 'garment',
          skill_id: sewing,
          kind: 'market',
          description: 'Pasar seragam sekolah',
          size: 8000,
        },
      ])
      .execute();
    // Cabean is strong in sewing (5 → 5 people) and knitting (4 → 4); baking at 3 does not count.
    await db
      .insertInto('village_potential')
      .values([
        { village_id: cabean, sector: 'garment', skill_id: sewing, description: 'Konveksi', strength: 5 },
        { village_id: cabean, sector: 'craft', skill_id: knitting, description: 'Rajutan', strength: 4 },
        { village_id: cabean, sector: 'food', skill_id: baking, description: 'Kue', strength: 3 },
      ])
      .execute();

    // Programs: sewing basic (12 sessions, its cohort meets twice a week) and intermediate (24 sessions, no
    // cohort: 3 a week → 8 weeks, capacity 6); baking (30 sessions → 10 weeks, capacity 2); knitting inactive.
    const dasar = await createProgram(db, {
      name: 'Menjahit Dasar',
      level: 'basic',
      sessionsCount: 12,
      defaultCapacity: 20,
    });
    await createProgram(db, {
      name: 'Menjahit Lanjut',
      level: 'intermediate',
      sessionsCount: 24,
      defaultCapacity: 6,
    });
    await createProgram(db, {
      name: 'Roti dan Kue',
      skillCodes: ['food.baking'],
      level: 'basic',
      sessionsCount: 30,
      defaultCapacity: 2,
    });
    const rajut = await createProgram(db, {
      name: 'Merajut Lama',
      skillCodes: ['craft.knitting'],
      level: 'basic',
    });
    await db.updateTable('training_program').set({ active: false }).where('id', '=', rajut.id).execute();
    const twiceAWeek = [
      { weekday: 1, start: '09:00', end: '12:00' },
      { weekday: 3, start: '09:00', end: '12:00' },
    ];
    const endsSoon = await createCohort(db, dasar.id, {
      startDate: at(-20),
      endDate: at(30),
      schedule: twiceAWeek,
    });
    const endsLate = await createCohort(db, dasar.id, {
      startDate: at(-20),
      endDate: at(150),
      schedule: twiceAWeek,
    });

    // The women of the horizon (T … T + 12 months): 7.
    const p1 = await woman(at(40), krobokan);
    await holds(p1.id, sewing, 'intermediate');
    const p2 = await woman(at(50), krobokan);
    await holds(p2.id, sewing, 'basic');
    // P3 will have sewing: her cohort ends before her release.
    const p3 = await woman(at(70), cabean);
    await enrol(db, { personId: p3.id, programId: dasar.id, cohortId: endsSoon.id });
    // P4 holds a baking certificate (no kelurahan intended).
    const p4 = await woman(at(90));
    await db
      .insertInto('certificate')
      .values({
        organization_id: LAPAS_ID,
        person_id: p4.id,
        skill_id: baking,
        level: 'basic',
        number: 'CERT-ROTI-1',
        issuer: 'LPP Semarang',
        issued_on: at(-100),
      })
      .execute();
    const p10 = await woman(at(100), cabean);
    await holds(p10.id, knitting, 'basic');
    // P5's cohort ends after her release: she does not count.
    const p5 = await woman(at(120), cabean);
    await enrol(db, { personId: p5.id, programId: dasar.id, cohortId: endsLate.id });
    await woman(at(200), krobokan);

    // Not of the horizon: released (she is the one placed on O1), released after it, anonymized.
    const p7 = await woman(at(-30), krobokan);
    await holds(p7.id, sewing, 'competent');
    await db
      .updateTable('person')
      .set({ released_on: at(-30) })
      .where('id', '=', p7.id)
      .execute();
    await createPlacement(db, { personId: p7.id, opportunityId: o1.id, stage: 'placed', on: at(-5) });
    const p8 = await woman(addMonths(T, 13));
    await holds(p8.id, sewing, 'basic');
    const p9 = await woman(at(80));
    await holds(p9.id, sewing, 'basic');
    await db.updateTable('person').set({ anonymized_at: new Date() }).where('id', '=', p9.id).execute();
  });

  const report = async (name = 'binadik', query = '') => {
    const response = await get(name, `/api/planning/training-gap${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as TrainingGapReport;
  };
  const rowOf = (gap: TrainingGapReport, skillId: string) =>
    gap.skills.find((row) => row.skill.id === skillId) as GapSkillRow;

  it('counts demand, supply and the gap per skill and kelurahan', async () => {
    const gap = await report();
    expect(gap).toMatchObject({
      horizonMonths: 12,
      from: T,
      to: addMonths(T, 12),
      generatedOn: T,
      village: null,
      releases: 7,
      workPlanLinkAvailable: false,
    });
    expect(gap.rules.map((rule) => rule.code)).toEqual([
      'places',
      'needs',
      'potentials',
      'supply',
      'gap',
      'cohorts',
    ]);
    expect(gap.rules.find((rule) => rule.code === 'potentials')?.id).toContain('kekuatan 4 atau 5');
    expect(gap.rules.find((rule) => rule.code === 'needs')?.en).toContain(
      'a service needed or a market counts 1',
    );
    // Sewing 13, then baking and knitting (3 each, demand 4 each: by name), then cooking (optional only).
    expect(gap.skills.map((row) => row.skill.code)).toEqual([
      'garment.sewing',
      'food.baking',
      'craft.knitting',
      'food.cooking',
    ]);
    // Sewing: places 4 (O1, one placed) + 2 (O2) = 6, needs 3 + 1 + 1 = 5, potential 5 → 16. Supply: P1
    // (intermediate) and P2 (basic) hold it, P3 will → 3. Levels: 2 intermediate places against 1
    // intermediate woman, 14 basic against 2 basic women → 1 + 12 = 13 short.
    expect(rowOf(gap, sewing)).toEqual({
      skill: { id: sewing, code: 'garment.sewing', nameId: 'Menjahit', nameEn: 'Sewing', sector: 'garment' },
      sector: 'garment',
      demandPlaces: 6,
      demandPlacesOptional: 0,
      demandNeeds: 5,
      demandPotentials: 5,
      demand: 16,
      supplyHolding: 2,
      supplyInTraining: 1,
      supply: 3,
      gap: 13,
      levelShortfall: 0,
      gapLevel: 'intermediate',
      // P4, P10, P5 and P6 lack it.
      releasesLacking: 4,
      gapBeyondReleases: 9,
      byVillage: [
        // Cabean: 2 intermediate + 5 + 1 basic against P3 (basic): 2 + 5 short.
        { village: { id: cabean, name: 'Kelurahan Cabean' }, demand: 8, supply: 1, gap: 7 },
        // Krobokan: 4 + 3 + 1 basic against P1 and P2: 6 short.
        { village: { id: krobokan, name: 'Kelurahan Krobokan' }, demand: 8, supply: 2, gap: 6 },
      ],
    });
    expect(rowOf(gap, baking)).toMatchObject({
      demandPlaces: 3,
      demandNeeds: 1,
      demandPotentials: 0,
      demand: 4,
      supplyHolding: 1,
      supplyInTraining: 0,
      supply: 1,
      gap: 3,
      releasesLacking: 6,
      gapBeyondReleases: 0,
      byVillage: [
        { village: { id: krobokan, name: 'Kelurahan Krobokan' }, demand: 4, supply: 0, gap: 4 },
        { village: null, demand: 0, supply: 1, gap: 0 },
      ],
    });
    expect(rowOf(gap, knitting)).toMatchObject({
      demand: 4,
      demandPotentials: 4,
      supply: 1,
      gap: 3,
      byVillage: [{ village: { id: cabean, name: 'Kelurahan Cabean' }, demand: 4, supply: 1, gap: 3 }],
    });
    expect(rowOf(gap, cooking)).toMatchObject({
      demand: 0,
      demandPlacesOptional: 4,
      supply: 0,
      gap: 0,
      gapLevel: null,
    });
  });

  it('recommends cohorts sized by the program and dated before the releases they serve', async () => {
    const gap = await report();
    expect(
      gap.cohorts.map((row) => ({
        skill: row.skill.code,
        program: row.program && {
          name: row.program.name,
          level: row.program.level,
          weeks: row.program.durationWeeks,
          perWeek: row.program.sessionsPerWeek,
        },
        sequence: row.sequence,
        size: row.size,
        serves: row.serves,
        firstRelease: row.firstRelease,
        latestStart: row.latestStart,
        urgent: row.urgent,
      })),
    ).toEqual([
      // Sewing short at intermediate: Menjahit Lanjut (24 sessions, 3 a week → 8 weeks, capacity 6) for the
      // 4 women lacking it; the first (P4) released T+90 → start by T+90−56.
      {
        skill: 'garment.sewing',
        program: { name: 'Menjahit Lanjut', level: 'intermediate', weeks: 8, perWeek: 3 },
        sequence: 1,
        size: 4,
        serves: 4,
        firstRelease: at(90),
        latestStart: at(34),
        urgent: false,
      },
      // Baking: Roti dan Kue (30 sessions → 10 weeks, capacity 2): P1 and P2 (first T+40 → T−30: past,
      // urgent), then P3 (T+70 → T+0: today, not past).
      {
        skill: 'food.baking',
        program: { name: 'Roti dan Kue', level: 'basic', weeks: 10, perWeek: 3 },
        sequence: 1,
        size: 2,
        serves: 2,
        firstRelease: at(40),
        latestStart: at(-30),
        urgent: true,
      },
      {
        skill: 'food.baking',
        program: { name: 'Roti dan Kue', level: 'basic', weeks: 10, perWeek: 3 },
        sequence: 2,
        size: 1,
        serves: 1,
        firstRelease: at(70),
        latestStart: T,
        urgent: false,
      },
      // Knitting: its only program is inactive → a new program is needed.
      {
        skill: 'craft.knitting',
        program: null,
        sequence: 1,
        size: 3,
        serves: 3,
        firstRelease: at(40),
        latestStart: null,
        urgent: false,
      },
    ]);
  });

  it('estimates a program’s weeks from its cohorts’ sessions a week', async () => {
    // Menjahit Dasar's cohorts meet twice a week: 12 sessions → 6 weeks (chosen when only basic is short).
    const gap = await report('binadik', `?villageId=${krobokan}`);
    expect(gap.village).toEqual({ id: krobokan, name: 'Kelurahan Krobokan' });
    // Krobokan: P1, P2 and P6 intend to live there.
    expect(gap.releases).toBe(3);
    const row = rowOf(gap, sewing);
    // 8 basic places against P1 and P2 → 6 short; lacking: P6 only.
    expect(row).toMatchObject({
      demand: 8,
      supply: 2,
      gap: 6,
      gapLevel: 'basic',
      releasesLacking: 1,
      gapBeyondReleases: 5,
    });
    expect(gap.cohorts.find((cohort) => cohort.skill.id === sewing)).toMatchObject({
      program: { name: 'Menjahit Dasar', sessionsPerWeek: 2, durationWeeks: 6, defaultCapacity: 20 },
      size: 1,
      firstRelease: at(200),
      latestStart: at(200 - 42),
      urgent: false,
    });
    // Cabean's knitting is not Krobokan's.
    expect(gap.skills.map((skill) => skill.skill.code)).toEqual([
      'garment.sewing',
      'food.baking',
      'food.cooking',
    ]);
  });

  it('takes a shorter horizon and refuses one out of range or an unknown kelurahan', async () => {
    const short = await report('kelurahan', '?horizonMonths=1');
    expect(short).toMatchObject({ horizonMonths: 1, to: addMonths(T, 1) });
    // P1 (T+40) may still fall in a month when the month has 31 days or more ahead; count what is in range.
    const inMonth = [40, 50, 70, 90, 100, 120, 200].filter((days) => at(days) <= addMonths(T, 1)).length;
    expect(short.releases).toBe(inMonth);
    for (const query of ['?horizonMonths=0', '?horizonMonths=37', '?horizonMonths=x', '?villageId=abc'])
      expect((await get('binadik', `/api/planning/training-gap${query}`)).statusCode, query).toBe(400);
    const unknown = await get('binadik', `/api/planning/training-gap?villageId=${LAPAS_ID}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('PLANNING_VILLAGE_NOT_FOUND');
  });

  it('is open to corrections, kecamatan, kelurahan and viewers, not to partners', async () => {
    for (const name of ['kecamatan', 'kelurahan', 'viewer'])
      expect((await get(name, '/api/planning/training-gap')).statusCode, name).toBe(200);
    expect((await get('mitra', '/api/planning/training-gap')).statusCode).toBe(403);
    expect((await get('mitra', '/api/planning/training-gap.xlsx')).statusCode).toBe(403);
  });

  it('exports the two sheets in Indonesian with dates as dates, audited', async () => {
    const response = await get('kecamatan', '/api/planning/training-gap.xlsx');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toContain(`kesenjangan-keterampilan-${T}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Kesenjangan keterampilan',
      'Rekomendasi kohort',
    ]);
    const values = (sheet: ExcelJS.Worksheet, row: number) =>
      (sheet.getRow(row).values as unknown[]).slice(1);
    const gaps = workbook.getWorksheet('Kesenjangan keterampilan') as ExcelJS.Worksheet;
    expect(values(gaps, 1)).toEqual([
      'No',
      'Keterampilan',
      'Sektor',
      'Kelurahan',
      'Tempat (wajib)',
      'Tempat (opsional)',
      'Kebutuhan kelurahan',
      'Potensi kelurahan',
      'Permintaan',
      'Sudah memiliki',
      'Dalam pelatihan',
      'Pasokan',
      'Kesenjangan',
      'Kekurangan karena tingkat',
      'Tingkat yang kurang',
      'Bebas tanpa keterampilan',
    ]);
    expect(values(gaps, 2)).toEqual([
      1,
      'Menjahit',
      'Garmen & menjahit',
      'Semua kelurahan',
      6,
      0,
      5,
      5,
      16,
      2,
      1,
      3,
      13,
      0,
      'Menengah',
      4,
    ]);
    // Its kelurahan follow: demand, supply and gap only.
    expect(values(gaps, 3)).toEqual([
      undefined,
      'Menjahit',
      'Garmen & menjahit',
      'Kelurahan Cabean',
      undefined,
      undefined,
      undefined,
      undefined,
      8,
      undefined,
      undefined,
      1,
      7,
    ]);
    const cohorts = workbook.getWorksheet('Rekomendasi kohort') as ExcelJS.Worksheet;
    // Kecamatan staff do not see release dates: no first release, the latest start by month.
    expect(values(cohorts, 1)).toEqual([
      'No',
      'Keterampilan',
      'Program',
      'Penyelenggara',
      'Tingkat',
      'Kohort ke-',
      'Ukuran',
      'Melayani',
      'Lama (minggu)',
      'Mulai paling lambat (bulan)',
      'Keterangan',
    ]);
    const urgent = cohorts.getRow(3);
    expect(urgent.getCell(3).value).toBe('Roti dan Kue');
    expect(urgent.getCell(10).value).toEqual(new Date(`${monthStart(at(-30))}T00:00:00Z`));
    expect(urgent.getCell(10).numFmt).toBe('mm/yyyy');
    expect(urgent.getCell(11).value).toBe('Segera');
    expect(values(cohorts, 5).slice(0, 3)).toEqual([4, 'Merajut', 'Perlu program baru']);
    expect(cohorts.getRow(5).getCell(11).value).toBe('Perlu program baru');

    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_type', 'details'])
      .where('action', '=', 'planning.gap_exported')
      .executeTakeFirstOrThrow();
    expect(entry).toMatchObject({
      subject_type: 'planning',
      details: { format: 'xlsx', horizonMonths: 12, from: T, villageId: null, skills: 4, cohorts: 4 },
    });

    // Corrections staff get the exact dates.
    const exact = await get('binadik', '/api/planning/training-gap.xlsx');
    expect(exact.statusCode, exact.body).toBe(200);
    const byDay = new ExcelJS.Workbook();
    await byDay.xlsx.load(exact.rawPayload as unknown as ArrayBuffer);
    const exactCohorts = byDay.getWorksheet('Rekomendasi kohort') as ExcelJS.Worksheet;
    expect(values(exactCohorts, 1).slice(9)).toEqual([
      'Bebas paling awal',
      'Mulai paling lambat',
      'Keterangan',
    ]);
    expect(exactCohorts.getRow(3).getCell(10).value).toEqual(new Date(`${at(40)}T00:00:00Z`));
    expect(exactCohorts.getRow(3).getCell(11).value).toEqual(new Date(`${at(-30)}T00:00:00Z`));
    expect(exactCohorts.getRow(3).getCell(11).numFmt).toBe('dd/mm/yyyy');
    expect(exactCohorts.getRow(3).getCell(12).value).toBe('Segera');
  });

  it('gives exact cohort dates to corrections staff only: others get no release date and the latest start by month', async () => {
    const exact = await report('binadik');
    expect(exact.datePrecision).toBe('day');
    expect(exact.rules.map((rule) => rule.code)).not.toContain('dates_by_month');
    const thisMonth = monthStart(T);
    for (const name of ['kecamatan', 'kelurahan', 'viewer']) {
      const shown = await report(name);
      expect(shown.datePrecision, name).toBe('month');
      // The counts are aggregates: the same for everyone.
      expect(shown.releases).toBe(exact.releases);
      expect(shown.skills).toEqual(exact.skills);
      expect(shown.cohorts).toEqual(
        exact.cohorts.map((row) => {
          const latestStart = row.latestStart === null ? null : monthStart(row.latestStart);
          return {
            ...row,
            firstRelease: null,
            latestStart,
            urgent: latestStart !== null && latestStart <= thisMonth,
          };
        }),
      );
      // Baking's second cohort must start today at the latest: by month, this month, so urgent.
      expect(shown.cohorts[2]).toMatchObject({ latestStart: thisMonth, urgent: true });
      expect(shown.rules.at(-1)).toMatchObject({ code: 'dates_by_month' });
      // No woman's expected release date anywhere in the answer.
      const text = JSON.stringify(shown);
      for (const days of [40, 50, 70, 90, 100, 120, 200]) expect(text, name).not.toContain(at(days));
    }
  });
});

describe('the fairness report', () => {
  // A window of its own, far from the planner's horizon: releases between T + 20 and T + 21 months.
  const from = addMonths(T, 20);
  const to = addMonths(T, 21);
  const release = addDays(from, 10);
  let referenceId: string;

  beforeAll(async () => {
    const db = t.database.db;
    const partnerId = (await createOrganization(db, { kind: 'partner' })).id;
    // One open opportunity everyone could take once released (a sewing job in Krobokan), and a closed one
    // the pipeline ran on.
    await createOpportunity(db, {
      partnerId,
      villageId: krobokan,
      places: 50,
      startOn: addMonths(T, 22),
      skills: [{ code: 'garment.sewing' }],
    });
    const past = await createOpportunity(db, {
      partnerId,
      villageId: krobokan,
      status: 'closed',
      places: 50,
      startOn: at(10),
    });
    const year = Number(T.slice(0, 4));
    /**
     * A woman of the window, intending to live in Krobokan (so every score is the same), with sewing; she
     * consented to partners and kelurahan when `consented`, and was proposed or placed on the closed one.
     */
    const member = async (
      group: { birthYear: number | null; education: string | null; domicile: string | null },
      outcome: { consented: boolean; pipeline?: 'proposed' | 'placed' },
    ) => {
      const person = await createPerson(db, {
        releaseDate: release,
        intendedVillageId: krobokan,
        birthDate: group.birthYear === null ? null : `${group.birthYear}-06-15`,
        domicileVillageCode: group.domicile,
      });
      await db
        .updateTable('person')
        .set({ education_level: group.education })
        .where('id', '=', person.id)
        .execute();
      await holds(person.id, sewing, 'basic');
      if (outcome.consented) await giveConsent(db, person.id, { kinds: ['partner', 'village'] });
      if (outcome.pipeline)
        await createPlacement(db, { personId: person.id, opportunityId: past.id, stage: outcome.pipeline });
      return person;
    };
    // Young (about 22), SMA, living in Krobokan (inside Semarang Barat): 6 women, 4 consented, 3 proposed of
    // whom 2 placed.
    const young = { birthYear: year - 22, education: 'sma', domicile: '33.74.13.1013' };
    referenceId = (await member(young, { consented: true, pipeline: 'placed' })).id;
    await member(young, { consented: true, pipeline: 'placed' });
    await member(young, { consented: true, pipeline: 'proposed' });
    await member(young, { consented: true });
    await member(young, { consented: false });
    await member(young, { consented: false });
    // About 30, SD, living in Semarang Tengah (outside): 6 women, 3 consented, 1 proposed.
    const thirty = { birthYear: year - 30, education: 'sd', domicile: '33.74.12.1001' };
    await member(thirty, { consented: true, pipeline: 'proposed' });
    await member(thirty, { consented: true });
    await member(thirty, { consented: true });
    await member(thirty, { consented: false });
    await member(thirty, { consented: false });
    await member(thirty, { consented: false });
    // About 50, education and domicile unknown: 2 women (suppressed everywhere), both consented.
    const older = { birthYear: year - 50, education: null, domicile: null };
    await member(older, { consented: true });
    await member(older, { consented: true });
    // Not of the population: anonymized; released before the window.
    const gone = await member(young, { consented: true });
    await db.updateTable('person').set({ anonymized_at: new Date() }).where('id', '=', gone.id).execute();
    const earlier = await createPerson(db, { releaseDate: addDays(from, -1), intendedVillageId: krobokan });
    await holds(earlier.id, sewing, 'basic');
  });

  const fairness = async (name = 'kalapas', query = `?from=${from}&to=${to}`) => {
    const response = await get(name, `/api/planning/fairness${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as FairnessReport;
  };
  const rowsOf = (report: FairnessReport, dimension: string) =>
    Object.fromEntries(
      (report.dimensions.find((entry) => entry.dimension === dimension)?.rows ?? []).map((row) => [
        row.group,
        row,
      ]),
    ) as Record<string, FairnessRow>;

  it('compares recommendation, proposal and placement rates per group against everyone', async () => {
    const report = await fairness();
    // Every eligible woman has the same best score: the one the engine gives the reference woman.
    const db = t.database.db;
    const context = await matchingContext(db);
    const [reference] = await loadEnginePeople(db, { personIds: [referenceId] });
    const compiled = compileOpportunities(
      (await loadEngineOpportunities(db, { status: ['open'] })).map((loaded) => loaded.opportunity),
    );
    const best = rankOpportunities(reference as NonNullable<typeof reference>, compiled, context, {
      limit: 1,
    }).recommendations[0];
    expect(best?.score).toBeGreaterThanOrEqual(context.rules.minScore);
    const score = best?.score as number;

    expect(report).toMatchObject({
      from,
      to,
      generatedOn: T,
      ruleVersion: context.ruleVersion,
      minScore: 40,
      minCell: 5,
    });
    expect(report.rules.map((rule) => rule.code)).toEqual([
      'population',
      'recommended',
      'pipeline',
      'groups',
      'complementary',
    ]);
    // 14 women: 9 recommended (those who consented), 4 proposed, 2 placed.
    expect(report.overall).toEqual({
      suppressed: false,
      people: 14,
      recommended: 9,
      recommendedRate: 0.643,
      meanTopScore: score,
      proposed: 4,
      proposedRate: 0.286,
      placed: 2,
      placedRate: 0.143,
    });
    const young = {
      suppressed: false,
      people: 6,
      recommended: 4,
      recommendedRate: 0.667,
      meanTopScore: score,
      proposed: 3,
      proposedRate: 0.5,
      placed: 2,
      placedRate: 0.333,
      recommendedRateGap: 0.024,
      proposedRateGap: 0.214,
      placedRateGap: 0.19,
      complementary: false,
    };
    const thirty = {
      suppressed: false,
      people: 6,
      recommended: 3,
      recommendedRate: 0.5,
      meanTopScore: score,
      proposed: 1,
      proposedRate: 0.167,
      placed: 0,
      placedRate: 0,
      recommendedRateGap: -0.143,
      proposedRateGap: -0.119,
      placedRateGap: -0.143,
      complementary: false,
    };
    const suppressed = {
      suppressed: true,
      people: null,
      recommended: null,
      recommendedRate: null,
      meanTopScore: null,
      proposed: null,
      proposedRate: null,
      placed: null,
      placedRate: null,
      recommendedRateGap: null,
      proposedRateGap: null,
      placedRateGap: null,
      complementary: false,
    };
    // The two older women are a small cell in every dimension: left alone, everyone's figures minus the
    // groups shown would give theirs. So the next smallest group is suppressed too (of two groups of 6, the
    // first in the dimension's order).
    const complementary = { ...suppressed, complementary: true };
    expect(report.dimensions.map((entry) => entry.dimension)).toEqual(['age_band', 'education', 'domicile']);
    expect(rowsOf(report, 'age_band')).toEqual({
      under_25: { group: 'under_25', ...complementary },
      '25_34': { group: '25_34', ...thirty },
      '35_44': { group: '35_44', ...suppressed },
      '45_plus': { group: '45_plus', ...suppressed },
      unknown: { group: 'unknown', ...suppressed },
    });
    const education = rowsOf(report, 'education');
    expect(Object.keys(education)).toEqual(['none', 'sd', 'smp', 'sma', 'd1_d3', 's1', 's2_s3', 'unknown']);
    expect(education.sma).toEqual({ group: 'sma', ...young });
    expect(education.sd).toEqual({ group: 'sd', ...complementary });
    expect(education.none).toEqual({ group: 'none', ...suppressed });
    expect(education.unknown).toEqual({ group: 'unknown', ...suppressed });
    expect(rowsOf(report, 'domicile')).toEqual({
      inside: { group: 'inside', ...complementary },
      outside: { group: 'outside', ...thirty },
      unknown: { group: 'unknown', ...suppressed },
    });
  });

  it('is audited with the window and the weights version, without naming anyone', async () => {
    await fairness('kecamatan');
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select(['subject_type', 'subject_id', 'details'])
      .where('action', '=', 'planning.fairness_viewed')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry).toEqual({
      subject_type: 'planning',
      subject_id: null,
      details: { from, to, ruleVersion: expect.any(Number), people: 14 },
    });
  });

  it('defaults to the next 12 months and refuses a reversed or too long window', async () => {
    const report = await fairness('viewer', '');
    expect(report).toMatchObject({ from: T, to: addMonths(T, 12) });
    const reversed = await get('kalapas', `/api/planning/fairness?from=${to}&to=${from}`);
    expect(reversed.statusCode).toBe(400);
    expect(reversed.json().error.fields.to).toContain('harus sesudah');
    const long = await get('kalapas', `/api/planning/fairness?from=${T}&to=${addMonths(T, 40)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields.to).toBe('Rentang tanggal paling lama 1096 hari.');
  });

  it('is for heads, kecamatan, kelurahan, administrators and viewers; not for partners or other staff', async () => {
    expect((await get('kelurahan', '/api/planning/fairness')).statusCode).toBe(200);
    expect((await get('mitra', '/api/planning/fairness')).statusCode).toBe(403);
    expect((await get('binadik', '/api/planning/fairness')).statusCode).toBe(403);
  });
});

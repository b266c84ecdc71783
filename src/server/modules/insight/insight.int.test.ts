import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createActionItem, createMeeting } from '../../../../tests/factories/meetings.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson, linkPerson } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import {
  createCohort,
  createProgram,
  enrol,
  markAttendance,
  skillByCode,
} from '../../../../tests/factories/training.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createWorkPlan } from '../../../../tests/factories/workplans.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type {
  DashboardResponse,
  InsightVillageList,
  VillageInsightResponse,
} from '../../../shared/insight.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// The dashboard and the kelurahan view on a small fixed dataset built here, every figure worked out by hand.
//
// The dashboard is asked for 2023-01 … 2025-12, so asOf = 2025-12-31 whatever day the test runs. The people
// of the kelurahan view (W1…W5) enter in 2026-06, after that period, so they never touch the dashboard;
// their release dates are relative to today, as the kelurahan view is "as of today". Every other date that
// the kelurahan view compares with today is far in the past or future (2035), so the figures never go stale.
//
// Organizations: P = LPP Semarang (prison), P2 = a second prison, B = Bapas Semarang, D = Kecamatan Semarang
// Barat; V1 = Krobokan, V2 = Karangayu (kelurahan of D); partners M1, M2.
//
// People (entry = custody detention start; rel = released_on; sup = supervision end; ret = returned_on):
//  A1  P  entry 2023-06-01, intended V1, cohort C1 completed, certificate (enrolment) 2024-05-10,
//         rel 2024-07-01 sup 2035, handover accepted 2024-06-20, placed O1 (V1, garment, M1) 2024-08-01;
//         checks 3m employed 2024-10-01, 6m employed 2025-01-02, 12m employed 2025-07-01
//  A2  P  as A1 but rel 2024-07-15, accepted 2024-07-05, placed O1 2024-09-01; checks 3m unemployed
//         2024-10-15, 12m self_employed 2025-07-15
//  A3  P  intended V1, C1, cert, rel 2024-08-01 sup 2025-08-01, accepted 2024-07-20, placed O2 (V1, food, M2)
//         2025-02-01 ended 2025-10-01; check 12m unemployed 2025-08-01
//  A4  P  intended V2, C1, cert, rel 2024-09-01 sup 2035 ret 2025-06-01, accepted 2024-08-20, placed O3
//         (V2, garment, M1) 2025-03-01 ended 2025-05-31
//  A5  P  no intended kelurahan, C1, cert, rel 2024-09-15 sup 2035, accepted 2024-09-01, placed O4 (V1, food,
//         M2) 2025-04-01; check 6m employed 2025-03-15
//  A6  P  C1, cert, rel 2024-12-01 sup 2035, handover sent (never accepted), placed O1 2025-05-01; check 3m
//         employed 2025-03-01; referral to B
//  A7  P  C1, certificate not tied to an enrolment 2024-06-01, release date 2026-06-01
//  A8  P  intended V1, C1, no certificate, release date 2026-02-15
//  A9, A10  P  entry 2024-01-01, intended V1, cohort C2 (running 2025-10-01 … 2026-01-31), release 2035
//  A11 P  entry 2024-01-01, release date 2026-02-15, no training
//  A12 P  entry 2025-03-01, release 2035, allocated to the cancelled cohort C3
//  A13 P  entry 2026-02-01 (after the period: never counted)
//  A14 P  entry 2019-01-01, rel 2021-01-01, sup 2022-12-31 (out of the program before the period)
//  A15 P  entry 2020-01-01, cohort C4 (2022) completed, cert 2022-04-10, rel 2023-02-01 sup 2035,
//         accepted 2023-01-20, placed O5 (V2, craft, M2) 2023-03-01 ended 2024-06-01, check 12m employed
//         2024-02-01, ret 2024-06-01
//  A16 P  entry 2020-01-01, rel 2023-03-01 sup 2035, check 3m employed 2023-06-01, check 12m: returned to
//         custody 2023-12-01 (only on the check)
//  Q1  P2 entry 2024-01-01, release 2035
//  Q2  P2 entry 2024-01-01, release 2035, placed O1 (V1) 2025-06-01
//  Z1, Z2  P  entered after the period (no detention start, record created 2026-01-15; no custody, created today)
//  W1  P  entry 2026-06-01, intended V1, release today+30, skill sector garment
//  W2  P  entry 2026-06-01, intended V1, release today+100, certificate food.cooking (sector food)
//  W3  P  entry 2026-06-01, intended V2, release today+60, skill garment.sewing (its catalogue sector: garment)
//  W4  P2 entry 2026-06-01, release today+90, skill sector food
//  W5  P  entry 2026-06-01, intended V1, release today+300
// A1…A5 handed over to B (active links), A6 referred to B.

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

const get = (name: string, url: string) => (as[name] as Session).request({ method: 'GET', url });
const PERIOD = 'from=2023-01&to=2025-12';

async function dashboard(name: string, query = PERIOD): Promise<DashboardResponse> {
  const response = await get(name, `/api/insight/dashboard?${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as DashboardResponse;
}

async function villageView(name: string, villageId: string, query = ''): Promise<VillageInsightResponse> {
  const response = await get(name, `/api/insight/villages/${villageId}${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as VillageInsightResponse;
}

interface PersonSpec {
  org?: string;
  entry: string;
  intended?: string | null;
  releaseDate?: string | null;
  released?: string | null;
  supervisionEnd?: string | null;
  returned?: string | null;
}

async function person(name: string, spec: PersonSpec) {
  const db = t.database.db;
  const created = await createPerson(db, {
    organizationId: spec.org ?? LAPAS_ID,
    fullName: `Warga ${name}`,
    intendedVillageId: spec.intended ?? null,
    releaseDate: spec.releaseDate ?? spec.released ?? null,
    custody: { detentionStartDate: spec.entry },
  });
  await db
    .updateTable('person')
    .set({
      released_on: spec.released ?? null,
      supervision_end_date: spec.supervisionEnd ?? null,
      returned_on: spec.returned ?? null,
    })
    .where('id', '=', created.id)
    .execute();
  ids[name] = created.id;
  return created.id;
}

const id = (name: string) => ids[name] as string;

async function certificate(name: string, issuedOn: string, enrolmentId: string | null, skillId: string) {
  await t.database.db
    .insertInto('certificate')
    .values({
      organization_id: LAPAS_ID,
      person_id: id(name),
      enrolment_id: enrolmentId,
      skill_id: skillId,
      level: 'competent',
      number: `CERT-${name}`,
      issuer: 'LSP Uji',
      issued_on: issuedOn,
    })
    .execute();
}

async function handover(name: string, acceptedOn: string | null) {
  const db = t.database.db;
  const plan = await db
    .insertInto('reintegration_plan')
    .values({ person_id: id(name), organization_id: LAPAS_ID })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('handover')
    .values({
      person_id: id(name),
      from_organization_id: LAPAS_ID,
      to_organization_id: BAPAS_ID,
      plan_id: plan.id,
      status: acceptedOn ? 'accepted' : 'sent',
      package: JSON.stringify({}),
      sent_by_name: 'Petugas Uji',
      sent_at: new Date('2023-01-02T03:00:00Z'),
      decided_at: acceptedOn ? new Date(`${acceptedOn}T03:00:00Z`) : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('handover_event')
    .values({
      handover_id: row.id,
      action: 'sent',
      actor_name: 'Petugas Uji',
      organization_name: 'LPP',
      at: new Date('2023-01-02T03:00:00Z'),
    })
    .execute();
  if (acceptedOn)
    await db
      .insertInto('handover_event')
      .values({
        handover_id: row.id,
        action: 'accepted',
        actor_name: 'Kepala Bapas',
        organization_name: 'Bapas',
        // 23:30 WIB on that day: still that day in the program's calendar.
        at: new Date(`${acceptedOn}T16:30:00Z`),
      })
      .execute();
}

async function placed(name: string, opportunityId: string, on: string, endedOn: string | null = null) {
  const placement = await createPlacement(t.database.db, {
    personId: id(name),
    opportunityId,
    stage: endedOn ? 'ended' : 'placed',
    on,
  });
  if (endedOn)
    await t.database.db
      .updateTable('placement')
      .set({ ended_on: endedOn })
      .where('id', '=', placement.id)
      .execute();
}

async function check(
  name: string,
  window: 1 | 3 | 6 | 12,
  checkedOn: string,
  workStatus: 'employed' | 'self_employed' | 'unemployed' | null,
  returnedOn: string | null = null,
) {
  await t.database.db
    .insertInto('outcome_check')
    .values({
      person_id: id(name),
      organization_id: LAPAS_ID,
      window_months: window,
      due_on: checkedOn,
      checked_on: checkedOn,
      work_status: workStatus,
      returned_to_custody_on: returnedOn,
      recorded_by_name: 'Petugas Uji',
    })
    .execute();
}

let V1 = '';
let V2 = '';
let P2 = '';
let M1 = '';
let M2 = '';
const opportunity: Record<string, string> = {};
const agreement: Record<string, string> = {};
const on = today();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  V1 = (await villageByCode(db, '33.74.13.1013')).id;
  V2 = (await villageByCode(db, '33.74.13.1012')).id;
  P2 = (await createOrganization(db, { kind: 'prison', name: 'Lapas Dua' })).id;
  M1 = (await createOrganization(db, { kind: 'partner', name: 'Mitra Satu' })).id;
  M2 = (await createOrganization(db, { kind: 'partner', name: 'Mitra Dua' })).id;

  await user('officer', LAPAS_ID, ['prison_binadik']);
  await user('head', LAPAS_ID, ['prison_head']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', V1, ['village_staff']);
  await user('district', KECAMATAN_ID, ['district_staff']);
  await user('camat', KECAMATAN_ID, ['district_head']);
  await user('partner', M1, ['partner_staff']);
  await user('admin', LAPAS_ID, ['system_admin']);

  const far = '2035-01-01';
  await person('A1', { entry: '2023-06-01', intended: V1, released: '2024-07-01', supervisionEnd: far });
  await person('A2', { entry: '2023-06-01', intended: V1, released: '2024-07-15', supervisionEnd: far });
  await person('A3', {
    entry: '2023-06-01',
    intended: V1,
    released: '2024-08-01',
    supervisionEnd: '2025-08-01',
  });
  await person('A4', {
    entry: '2023-06-01',
    intended: V2,
    released: '2024-09-01',
    supervisionEnd: far,
    returned: '2025-06-01',
  });
  await person('A5', { entry: '2023-06-01', released: '2024-09-15', supervisionEnd: far });
  await person('A6', { entry: '2023-06-01', released: '2024-12-01', supervisionEnd: far });
  await person('A7', { entry: '2023-06-01', releaseDate: '2026-06-01' });
  await person('A8', { entry: '2023-06-01', intended: V1, releaseDate: '2026-02-15' });
  await person('A9', { entry: '2024-01-01', intended: V1, releaseDate: far });
  await person('A10', { entry: '2024-01-01', intended: V1, releaseDate: far });
  await person('A11', { entry: '2024-01-01', releaseDate: '2026-02-15' });
  await person('A12', { entry: '2025-03-01', releaseDate: far });
  await person('A13', { entry: '2026-02-01', releaseDate: far });
  await person('A14', { entry: '2019-01-01', released: '2021-01-01', supervisionEnd: '2022-12-31' });
  await person('A15', {
    entry: '2020-01-01',
    released: '2023-02-01',
    supervisionEnd: far,
    returned: '2024-06-01',
  });
  await person('A16', { entry: '2020-01-01', released: '2023-03-01', supervisionEnd: far });
  await person('Q1', { org: P2, entry: '2024-01-01', releaseDate: far });
  await person('Q2', { org: P2, entry: '2024-01-01', releaseDate: far });
  // Entered after the period: a custody row without a detention start, her record created 2026-01-15; and a
  // record without custody created today. Neither counts on the dashboard.
  await person('Z1', { entry: '2024-01-01', releaseDate: far });
  await db
    .updateTable('custody')
    .set({ detention_start_date: null })
    .where('person_id', '=', id('Z1'))
    .execute();
  await sql`update person set created_at = '2026-01-15T03:00:00Z' where id = ${id('Z1')}`.execute(db);
  ids.Z2 = (await createPerson(db, { releaseDate: far })).id;
  await person('W1', { entry: '2026-06-01', intended: V1, releaseDate: addDays(on, 30) });
  await person('W2', { entry: '2026-06-01', intended: V1, releaseDate: addDays(on, 100) });
  await person('W3', { entry: '2026-06-01', intended: V2, releaseDate: addDays(on, 60) });
  await person('W4', { org: P2, entry: '2026-06-01', releaseDate: addDays(on, 90) });
  await person('W5', { entry: '2026-06-01', intended: V1, releaseDate: addDays(on, 300) });

  // Training: C1 (completed 2024), C2 (running at asOf), C3 (cancelled), C4 (2022), C5 (no enrolment).
  const program = await createProgram(db);
  const sewing = await skillByCode(db, 'garment.sewing');
  const cooking = await skillByCode(db, 'food.cooking');
  const c1 = await createCohort(db, program.id, {
    sessionDates: ['2024-02-05', '2024-02-12'],
    startDate: '2024-02-01',
    endDate: '2024-04-30',
    status: 'completed',
  });
  await db
    .updateTable('training_cohort')
    .set({ completed_on: '2024-04-30' })
    .where('id', '=', c1.id)
    .execute();
  const c2 = await createCohort(db, program.id, {
    sessionDates: ['2025-10-06'],
    startDate: '2025-10-01',
    endDate: '2026-01-31',
  });
  const c3 = await createCohort(db, program.id, {
    startDate: '2025-03-01',
    endDate: '2025-05-31',
    status: 'cancelled',
  });
  const c4 = await createCohort(db, program.id, {
    sessionDates: ['2022-02-07'],
    startDate: '2022-01-10',
    endDate: '2022-03-31',
    status: 'completed',
  });
  await db
    .updateTable('training_cohort')
    .set({ completed_on: '2022-03-31' })
    .where('id', '=', c4.id)
    .execute();
  await createCohort(db, program.id, { startDate: '2025-02-01', endDate: '2025-04-30' });

  const enrolment: Record<string, string> = {};
  const enrolIn = async (name: string, cohortId: string, status: 'allocated' | 'completed') => {
    const row = await enrol(db, { personId: id(name), programId: program.id, cohortId });
    await db.updateTable('training_enrolment').set({ status }).where('id', '=', row.id).execute();
    enrolment[name] = row.id;
  };
  for (const name of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'])
    await enrolIn(name, c1.id, 'completed');
  await enrolIn('A9', c2.id, 'allocated');
  await enrolIn('A10', c2.id, 'allocated');
  await enrolIn('A12', c3.id, 'allocated');
  await enrolIn('A15', c4.id, 'completed');
  const c1Enrolments = ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8'].map(
    (name) => enrolment[name] as string,
  );
  await markAttendance(db, {
    sessionId: c1.sessions[0]?.id as string,
    enrolmentIds: c1Enrolments,
    absent: { [enrolment.A8 as string]: 'sick' },
  });
  await markAttendance(db, {
    sessionId: c1.sessions[1]?.id as string,
    enrolmentIds: c1Enrolments,
    absent: { [enrolment.A7 as string]: 'sick', [enrolment.A8 as string]: 'family_visit' },
  });
  await markAttendance(db, {
    sessionId: c2.sessions[0]?.id as string,
    enrolmentIds: [enrolment.A9 as string, enrolment.A10 as string],
    absent: { [enrolment.A10 as string]: 'court' },
  });
  await markAttendance(db, {
    sessionId: c4.sessions[0]?.id as string,
    enrolmentIds: [enrolment.A15 as string],
  });
  for (const name of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6'])
    await certificate(name, '2024-05-10', enrolment[name] as string, sewing.id);
  await certificate('A7', '2024-06-01', null, sewing.id);
  await certificate('A15', '2022-04-10', enrolment.A15 as string, sewing.id);
  await certificate('W2', '2026-07-01', null, cooking.id);

  // Skills of the kelurahan view's upcoming releases.
  await db
    .insertInto('person_skill')
    .values([
      { person_id: id('W1'), organization_id: LAPAS_ID, name: 'Menjahit', sector: 'garment' },
      { person_id: id('W3'), organization_id: LAPAS_ID, name: 'Menjahit', skill_id: sewing.id },
      { person_id: id('W4'), organization_id: P2, name: 'Memasak', sector: 'food' },
    ])
    .execute();

  // Handovers and links to Bapas.
  await handover('A1', '2024-06-20');
  await handover('A2', '2024-07-05');
  await handover('A3', '2024-07-20');
  await handover('A4', '2024-08-20');
  await handover('A5', '2024-09-01');
  await handover('A6', null);
  await handover('A15', '2023-01-20');
  for (const name of ['A1', 'A2', 'A3', 'A4', 'A5']) await linkPerson(db, id(name), BAPAS_ID, 'handover');
  await linkPerson(db, id('A6'), BAPAS_ID, 'referral');

  // Opportunities and placements.
  const create = (
    key: string,
    partnerId: string,
    villageId: string,
    sector: string,
    title: string,
    places: number,
    status?: 'open' | 'closed' | 'draft',
  ) =>
    createOpportunity(db, { partnerId, villageId, sector, title, places, status }).then((row) => {
      opportunity[key] = row.id;
    });
  await create('O1', M1, V1, 'garment', 'Penjahit Garmen', 5);
  await create('O2', M2, V1, 'food', 'Katering', 2);
  await create('O3', M1, V2, 'garment', 'Konveksi', 3);
  await create('O4', M2, V1, 'food', 'Warung Makan', 1);
  await create('O5', M2, V2, 'craft', 'Kerajinan', 2);
  await create('O6', M1, V1, 'garment', 'Lowongan Tutup', 2, 'closed');
  await create('O7', M1, V1, 'garment', 'Lowongan Draf', 2, 'draft');
  const opp = (key: string) => opportunity[key] as string;
  await placed('A1', opp('O1'), '2024-08-01');
  await placed('A2', opp('O1'), '2024-09-01');
  await placed('A3', opp('O2'), '2025-02-01', '2025-10-01');
  await placed('A4', opp('O3'), '2025-03-01', '2025-05-31');
  await placed('A5', opp('O4'), '2025-04-01');
  await placed('A6', opp('O1'), '2025-05-01');
  await placed('A15', opp('O5'), '2023-03-01', '2024-06-01');
  await placed('Q2', opp('O1'), '2025-06-01');
  // Never placed: a proposal and an unsuccessful one count nowhere.
  await createPlacement(db, {
    personId: id('A9'),
    opportunityId: opp('O1'),
    stage: 'proposed',
    on: '2025-06-01',
  });
  await createPlacement(db, {
    personId: id('A10'),
    opportunityId: opp('O3'),
    stage: 'unsuccessful',
    on: '2025-06-01',
  });

  // Outcome checks.
  await check('A1', 3, '2024-10-01', 'employed');
  await check('A1', 6, '2025-01-02', 'employed');
  await check('A1', 12, '2025-07-01', 'employed');
  await check('A2', 3, '2024-10-15', 'unemployed');
  await check('A2', 12, '2025-07-15', 'self_employed');
  await check('A3', 12, '2025-08-01', 'unemployed');
  await check('A5', 6, '2025-03-15', 'employed');
  await check('A6', 3, '2025-03-01', 'employed');
  await check('A15', 12, '2024-02-01', 'employed');
  await check('A16', 3, '2023-06-01', 'employed');
  await check('A16', 12, '2023-12-01', null, '2023-12-01');

  // The kelurahan V1's potentials and needs.
  await db
    .insertInto('village_potential')
    .values([
      { village_id: V1, sector: 'garment', description: 'Sentra konveksi', strength: 3, position: 1 },
      { village_id: V1, sector: 'garment', description: 'Penjahit rumahan', strength: 2, position: 2 },
      { village_id: V1, sector: 'food', description: 'Kuliner kampung', strength: 2, position: 3 },
    ])
    .execute();
  await db
    .insertInto('village_need')
    .values([
      { village_id: V1, sector: 'food', kind: 'labour_demand', description: 'Juru masak', position: 1 },
      { village_id: V1, sector: 'laundry', kind: 'service_needed', description: 'Binatu', position: 2 },
    ])
    .execute();

  // Governance: agreements, work plans, meetings.
  const ag = async (key: string, options: Parameters<typeof createAgreement>[1]) => {
    agreement[key] = (await createAgreement(db, options)).id;
  };
  await ag('Ag1', {
    organizationId: LAPAS_ID,
    partyIds: [BAPAS_ID, KECAMATAN_ID],
    status: 'signed',
    title: 'MoU Pembinaan',
    validFrom: '2024-01-01',
    validUntil: '2026-02-28',
    signedOn: '2023-12-20',
  });
  await ag('Ag2', {
    organizationId: LAPAS_ID,
    partyIds: [M1],
    kind: 'pks',
    parentId: agreement.Ag1 as string,
    status: 'signed',
    title: 'PKS Garmen',
    validFrom: '2025-01-01',
    validUntil: '2027-12-31',
    signedOn: '2024-12-20',
  });
  await ag('Ag3', { organizationId: BAPAS_ID, partyIds: [M2], status: 'draft', title: 'Draf Bapas' });
  await ag('Ag4', {
    organizationId: LAPAS_ID,
    partyIds: [M2],
    status: 'signed',
    title: 'MoU Lama',
    validFrom: '2023-01-01',
    validUntil: '2024-12-31',
    signedOn: '2022-12-20',
  });
  await ag('Ag5', { organizationId: LAPAS_ID, partyIds: [M2], status: 'discarded', title: 'Dibuang' });
  await createWorkPlan(db, {
    agreementId: agreement.Ag1 as string,
    organizationId: LAPAS_ID,
    title: 'Program Teknis 2024–2025',
    periodStart: '2024-01-01',
    periodEnd: '2025-12-31',
    activities: [{ responsibleOrganizationId: LAPAS_ID, startsOn: '2024-02-01', endsOn: '2024-04-30' }],
    targets: [
      { label: 'Perempuan dilatih', metric: 'women_trained', targetValue: 10 },
      { label: 'Perempuan ditempatkan', metric: 'women_placed', targetValue: 4 },
      { label: 'Bekerja 6 bulan', metric: 'working_6_months', targetValue: 5 },
      { label: 'Sosialisasi', metric: 'manual', targetValue: 5, manualActual: 3 },
    ],
  });
  await createWorkPlan(db, {
    agreementId: agreement.Ag1 as string,
    organizationId: LAPAS_ID,
    title: 'Draf',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
    status: 'draft',
    targets: [{ label: 'x', metric: 'women_trained', targetValue: 1 }],
  });
  await createWorkPlan(db, {
    agreementId: agreement.Ag1 as string,
    organizationId: LAPAS_ID,
    title: 'Tahun depan',
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    targets: [{ label: 'x', metric: 'women_trained', targetValue: 1 }],
  });
  const mt1 = await createMeeting(db, {
    organizationId: LAPAS_ID,
    heldOn: '2025-06-01',
    attendeeOrganizationIds: [BAPAS_ID],
  });
  const mt2 = await createMeeting(db, { organizationId: M1, heldOn: '2025-06-01' });
  const item = (
    meetingId: string,
    owner: string,
    dueOn: string,
    status: 'open' | 'in_progress' | 'done' | 'cancelled',
    doneOn: string | null = null,
    createdOn = '2025-06-01',
  ) =>
    createActionItem(db, { meetingId, ownerOrganizationId: owner, dueOn, status }).then((row) =>
      // created_at is never updated by the app (its column type forbids it): the fixture backdates it.
      sql`update action_item set done_on = ${doneOn}::date, created_at = ${`${createdOn}T03:00:00Z`}::timestamptz
        where id = ${row.id}`.execute(db),
    );
  await item(mt1.id, LAPAS_ID, '2025-11-01', 'open');
  await item(mt1.id, LAPAS_ID, '2026-01-15', 'in_progress');
  await item(mt1.id, BAPAS_ID, '2025-10-01', 'done', '2026-01-10');
  await item(mt1.id, BAPAS_ID, '2025-09-01', 'done', '2025-09-15');
  await item(mt1.id, KECAMATAN_ID, '2025-12-01', 'cancelled');
  await item(mt1.id, LAPAS_ID, '2026-04-01', 'open', null, '2026-03-01');
  await item(mt2.id, M1, '2025-12-01', 'open');
}, 120_000);
afterAll(() => t.close());

/**
 * Every group of the answer where a total and its members are shown together: the hidden cells (total
 * included) must be none or at least two, and the shown members may not exceed a shown total. One hidden
 * cell alone would be the total minus the others.
 */
function groupsOfDashboard(view: DashboardResponse) {
  return [
    {
      name: 'placements.byVillage',
      total: view.placements.total,
      members: view.placements.byVillage.map((row) => row.count),
    },
    {
      name: 'placements.bySector',
      total: view.placements.total,
      members: view.placements.bySector.map((row) => row.count),
    },
  ];
}
function groupsOfVillage(view: VillageInsightResponse) {
  return [
    {
      name: 'people.byStatus',
      total: view.people.intended,
      members: view.people.byStatus.map((row) => row.count),
    },
    {
      name: 'opportunities',
      total: view.opportunities.placedNow,
      members: view.opportunities.items.map((row) => row.placed),
    },
  ];
}
function expectNoRecoverableCell(
  groups: { name: string; total: number | null; members: (number | null)[] }[],
) {
  let hidden = 0;
  for (const group of groups) {
    const cells = [group.total, ...group.members];
    const hiddenCells = cells.filter((cell) => cell === null).length;
    hidden += hiddenCells;
    expect(hiddenCells === 0 || hiddenCells >= 2, `${group.name}: ${JSON.stringify(cells)}`).toBe(true);
    if (hiddenCells === 0)
      expect(group.members.reduce<number>((sum, cell) => sum + (cell ?? 0), 0)).toBe(group.total);
    // The shown members and every hidden cell ≥ 1 (never below a hidden count's minimum) still leave the
    // hidden ones more than one way to add up: at least two unknowns.
  }
  return hidden;
}

describe('GET /api/insight/dashboard — the program, every figure by hand', () => {
  it('gives the funnel, stock, training, placements, cohorts and governance to the prison head (shown exactly)', async () => {
    const view = await dashboard('head');
    expect(view.asOf).toBe('2025-12-31');
    expect(view.smallCountsHidden).toBe(false);
    expect(view.minCell).toBe(5);
    expect(view.filters).toMatchObject({
      from: '2023-01',
      to: '2025-12',
      periodStart: '2023-01-01',
      periodEnd: '2025-12-31',
      scope: 'program',
      organization: null,
      village: null,
      scopeLabel: 'Seluruh program',
    });
    // Funnel. Base: entry ≤ 2025-12-31 and supervision not ended before 2023-01-01 → A1…A12, A15, A16, Q1, Q2
    // = 16 (A13 enters 2026, A14's supervision ended 2022, W1…W5 enter 2026).
    // in_training: C1 A1…A8, C2 A9 A10, C4 A15 = 11 (A12 only in the cancelled C3).
    // certified: A1…A6, A7 (certificate without enrolment), A15 = 8.
    // pre_release: released A1…A6, A15 = 7 (A7's release 2026-06-01 − 90 days = 2026-03-03 > asOf).
    // handed_over: accepted A1…A5, A15 = 6 (A6 only sent).  placed: A1…A5, A15 = 6.
    // working_12_months: A1 employed, A2 self_employed, A15 employed = 3 (A3 unemployed).
    expect(view.funnel).toEqual([
      { stage: 'in_program', count: 16, conversion: null, shareOfFirst: 100 },
      { stage: 'in_training', count: 11, conversion: 68.8, shareOfFirst: 68.8 },
      { stage: 'certified', count: 8, conversion: 72.7, shareOfFirst: 50 },
      { stage: 'pre_release', count: 7, conversion: 87.5, shareOfFirst: 43.8 },
      { stage: 'handed_over', count: 6, conversion: 85.7, shareOfFirst: 37.5 },
      { stage: 'placed', count: 6, conversion: 100, shareOfFirst: 37.5 },
      { stage: 'working_12_months', count: 3, conversion: 50, shareOfFirst: 18.8 },
    ]);
    // Now (2025-12-31; entered by then: all but A13 and W*):
    // in custody: A4 (returned), A7, A8, A9, A10, A11, A12, A15 (returned), Q1, Q2 = 10;
    // in training: C2 runs that day: A9, A10 = 2; pre-release: A8, A11 (release 2026-02-15 ≤ asOf + 90) = 2;
    // under supervision: A1, A2, A5, A6, A16 = 5 (A3's ended 2025-08-01, A14's 2022);
    // placed: A1, A2 (O1), A5 (O4), A6 (O1), Q2 (O1) = 5 (A3, A4, A15 ended before).
    expect(view.now).toEqual([
      { figure: 'in_custody', count: 10 },
      { figure: 'in_training', count: 2 },
      { figure: 'pre_release', count: 2 },
      { figure: 'under_supervision', count: 5 },
      { figure: 'placed', count: 5 },
    ]);
    // Training: C1 and C2 run in the period (C3 cancelled, C4 in 2022, C5 has nobody) = 2; completed: C1 = 1.
    // Attendance: C1 2 sessions × 8 marks, absent A8 then A7 + A8 → 16 marks, 13 present; C2 2 marks, 1 present
    // (C4's 2022 session is outside) → 18 / 14 = 77.8 %. Certification: C1's 8 completed enrolments, 6 with a
    // certificate for the enrolment (A7's is not tied to it, A8 has none) = 75 %.
    expect(view.training).toEqual({
      cohortsRunning: 2,
      cohortsCompleted: 1,
      attendanceRecorded: 18,
      attendancePresent: 14,
      attendanceRate: 77.8,
      completedEnrolments: 8,
      certifiedEnrolments: 6,
      certificationRate: 75,
    });
    // Placements placed in the period: A1, A2, A6, Q2 (O1, V1, garment), A3 (O2, V1, food), A5 (O4, V1, food),
    // A4 (O3, V2, garment), A15 (O5, V2, craft) = 8; V1 6, V2 2; garment 5, food 2, craft 1.
    expect(view.placements).toEqual({
      total: 8,
      byVillage: [
        { villageId: V1, name: 'Kelurahan Krobokan', count: 6 },
        { villageId: V2, name: 'Kelurahan Karangayu', count: 2 },
      ],
      bySector: [
        { sector: 'garment', count: 5 },
        { sector: 'food', count: 2 },
        { sector: 'craft', count: 1 },
      ],
    });
    // Cohorts 2023-Q1 … 2025-Q4 (12 quarters). 2023-Q1: A15, A16 (size 2); w3: A16 checked, employed;
    // w6: none; w12: A15 employed, A16 returned (checked, no work status) → 2 checks, 1 working; returned
    // within 12 months: A16 (2023-12-01 on her check) = 1; within 24: + A15 (2024-06-01) = 2.
    // 2024-Q3: A1…A5 (size 5); w3: A1 employed, A2 unemployed; w6: A1, A5 employed; w12: A1 employed,
    // A2 self_employed, A3 unemployed; returned within 12: A4; 24 months not reached (2024-09-30 + 24 > asOf).
    // 2024-Q4: A6 (size 1): w3 employed; w6, w12 no checks; returned within 12 = 0 (2024-12-31 + 12 = asOf).
    const cohorts = view.outcomes.cohorts;
    expect(view.outcomes.workWindows).toEqual([3, 6, 12]);
    expect(view.outcomes.returnWindows).toEqual([12, 24]);
    expect(cohorts.map((row) => row.cohort)).toEqual([
      '2023-Q1',
      '2023-Q2',
      '2023-Q3',
      '2023-Q4',
      '2024-Q1',
      '2024-Q2',
      '2024-Q3',
      '2024-Q4',
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
    ]);
    expect(cohorts[0]).toEqual({
      cohort: '2023-Q1',
      from: '2023-01-01',
      to: '2023-03-31',
      size: 2,
      working: [
        { windowMonths: 3, checks: 1, working: 1, rate: 100 },
        { windowMonths: 6, checks: 0, working: 0, rate: null },
        { windowMonths: 12, checks: 2, working: 1, rate: 50 },
      ],
      returned: [
        { windowMonths: 12, returned: 1, rate: 50 },
        { windowMonths: 24, returned: 2, rate: 100 },
      ],
    });
    expect(cohorts[6]).toEqual({
      cohort: '2024-Q3',
      from: '2024-07-01',
      to: '2024-09-30',
      size: 5,
      working: [
        { windowMonths: 3, checks: 2, working: 1, rate: 50 },
        { windowMonths: 6, checks: 2, working: 2, rate: 100 },
        { windowMonths: 12, checks: 3, working: 2, rate: 66.7 },
      ],
      returned: [{ windowMonths: 12, returned: 1, rate: 20 }, null],
    });
    expect(cohorts[7]).toEqual({
      cohort: '2024-Q4',
      from: '2024-10-01',
      to: '2024-12-31',
      size: 1,
      working: [
        { windowMonths: 3, checks: 1, working: 1, rate: 100 },
        { windowMonths: 6, checks: 0, working: 0, rate: null },
        { windowMonths: 12, checks: 0, working: 0, rate: null },
      ],
      returned: [{ windowMonths: 12, returned: 0, rate: 0 }, null],
    });
    // Windows not reached by 2025-12-31 are null ("belum"): 2025-Q1 has w3, w6 only; 2025-Q3 w3 only; Q4 none.
    const reached = (row: (typeof cohorts)[number]) => [
      ...row.working.map((cell) => cell !== null),
      ...row.returned.map((cell) => cell !== null),
    ];
    expect(reached(cohorts[8] as (typeof cohorts)[number])).toEqual([true, true, false, false, false]);
    expect(reached(cohorts[10] as (typeof cohorts)[number])).toEqual([true, false, false, false, false]);
    expect(reached(cohorts[11] as (typeof cohorts)[number])).toEqual([false, false, false, false, false]);
    expect(cohorts[8]?.size).toBe(0);
    expect(cohorts[8]?.working[0]).toEqual({ windowMonths: 3, checks: 0, working: 0, rate: null });

    // Governance at 2025-12-31. Agreements (Ag5 discarded left out; Ag2's MoU is Ag1): Ag1 in force until
    // 2026-02-28 (59 days: expiring), Ag2 in force until 2027, Ag3 draft, Ag4 expired 2024-12-31.
    const governance = view.governance;
    expect(governance.expiring).toEqual([
      { id: agreement.Ag1, kind: 'mou', title: 'MoU Pembinaan', validUntil: '2026-02-28', daysLeft: 59 },
    ]);
    const byStatus = Object.fromEntries(governance.byStatus.map((row) => [row.status, row.count]));
    expect(byStatus).toEqual({
      draft: 1,
      in_review: 0,
      agreed: 0,
      signed: 0,
      in_force: 2,
      expired: 1,
      terminated: 0,
      renewed: 0,
    });
    // One active plan meeting the period (the draft and the 2026 one are left out). Its targets (parties of Ag1:
    // P, B, D; plan period 2024–2025): women trained = C1's 8 completed; placed = A1…A6 placed in 2024–2025
    // (A15's was 2023, Q2 is P2's) = 6; working at 6 months = A1, A5 checks in the period = 2; manual 3.
    expect(governance.workPlans).toEqual([
      {
        id: expect.any(String),
        title: 'Program Teknis 2024–2025',
        periodStart: '2024-01-01',
        periodEnd: '2025-12-31',
        targets: [
          {
            label: 'Perempuan dilatih',
            metric: 'women_trained',
            targetValue: 10,
            actual: 8,
            percent: 80,
            suppressed: false,
          },
          {
            label: 'Perempuan ditempatkan',
            metric: 'women_placed',
            targetValue: 4,
            actual: 6,
            percent: 150,
            suppressed: false,
          },
          {
            label: 'Bekerja 6 bulan',
            metric: 'working_6_months',
            targetValue: 5,
            actual: 2,
            percent: 40,
            suppressed: false,
          },
          {
            label: 'Sosialisasi',
            metric: 'manual',
            targetValue: 5,
            actual: 3,
            percent: 60,
            suppressed: false,
          },
        ],
      },
    ]);
    // Action items open at asOf (created by then; open/in progress, or done after it): P: due 2025-11-01
    // (overdue) and 2026-01-15; B: due 2025-10-01, done 2026-01-10 (overdue); M1: due 2025-12-01 (overdue).
    // B's item done 2025-09-15, D's cancelled one and P's item created 2026-03-01 are left out.
    expect(governance.actionItems).toEqual([
      { organizationId: LAPAS_ID, name: 'Lapas Perempuan Kelas IIA Semarang', open: 2, overdue: 1 },
      { organizationId: BAPAS_ID, name: 'Balai Pemasyarakatan Kelas I Semarang', open: 1, overdue: 1 },
      { organizationId: M1, name: 'Mitra Satu', open: 1, overdue: 1 },
    ]);
    expect(governance.openTotal).toBe(4);
    expect(governance.overdueTotal).toBe(3);
  });

  it('hides small counts for a viewer, with complementary cells, and keeps "belum" apart from hidden', async () => {
    const view = await dashboard('viewer');
    expect(view.smallCountsHidden).toBe(true);
    expect(view.funnel.map((step) => step.count)).toEqual([16, 11, 8, 7, 6, 6, null]);
    expect(view.funnel[6]).toEqual({
      stage: 'working_12_months',
      count: null,
      conversion: null,
      shareOfFirst: null,
    });
    expect(view.now.map((row) => row.count)).toEqual([10, null, null, 5, 5]);
    // Placements: V2's 2 is hidden, so V1's 6 goes with it (else 8 − 6); food 2 and craft 1 would add up to
    // 3 = 8 − 5 (too few to hide anyone: 2 + 1), so garment's 5 goes with them.
    expect(view.placements).toEqual({
      total: 8,
      byVillage: [
        { villageId: V1, name: 'Kelurahan Krobokan', count: null },
        { villageId: V2, name: 'Kelurahan Karangayu', count: null },
      ],
      bySector: [
        { sector: 'garment', count: null },
        { sector: 'food', count: null },
        { sector: 'craft', count: null },
      ],
    });
    // 2023-Q1 (size 2) and 2024-Q4 (size 1) hide their whole row; a hidden cell is an object with null counts,
    // a window not reached is null.
    const cohorts = view.outcomes.cohorts;
    expect(cohorts[0]?.size).toBeNull();
    expect(cohorts[0]?.working[0]).toEqual({ windowMonths: 3, checks: null, working: null, rate: null });
    expect(cohorts[6]).toMatchObject({
      size: 5,
      working: [
        { windowMonths: 3, checks: null, working: null, rate: null },
        { windowMonths: 6, checks: null, working: null, rate: null },
        { windowMonths: 12, checks: null, working: null, rate: null },
      ],
      returned: [{ windowMonths: 12, returned: null, rate: null }, null],
    });
    expect(cohorts[7]?.returned).toEqual([{ windowMonths: 12, returned: null, rate: null }, null]);
    // Attendance 18/14 and certification 8/6 shown; working at 6 months (2) hidden in the work plan.
    expect(view.training.attendanceRate).toBe(77.8);
    const targets = view.governance.workPlans[0]?.targets ?? [];
    expect(targets.map((target) => [target.actual, target.suppressed])).toEqual([
      [8, false],
      [6, false],
      [null, true],
      [3, false],
    ]);
    // Governance counts are not about people: never hidden.
    expect(view.governance.actionItems.map((row) => row.overdue)).toEqual([1, 1, 1]);
    expect(expectNoRecoverableCell(groupsOfDashboard(view))).toBeGreaterThan(0);
  });

  it('filters one kelurahan: people intended for it or placed in it', async () => {
    const view = await dashboard('head', `${PERIOD}&villageId=${V1}`);
    // Intended V1 or placed in V1: A1, A2, A3, A8, A9, A10 (intended), A5, A6, Q2 (placed) — W1, W2, W5 enter
    // in 2026. in_training: all but Q2 (A8 C1; A9, A10 C2) = 8; certified: A1, A2, A3, A5, A6 = 5; all five
    // released; accepted: A1, A2, A3, A5 = 4; placed 4; working at 12 months: A1, A2 = 2.
    expect(view.funnel.map((step) => step.count)).toEqual([9, 8, 5, 5, 4, 4, 2]);
    expect(view.filters.village).toEqual({ id: V1, name: 'Kelurahan Krobokan' });
    expect(view.filters.scopeLabel).toBe('Seluruh program · Kelurahan Krobokan');
    // Placements of those people: A1, A2, A6, Q2 (O1), A3 (O2), A5 (O4) — all in V1.
    expect(view.placements.total).toBe(6);
    expect(view.placements.byVillage).toEqual([{ villageId: V1, name: 'Kelurahan Krobokan', count: 6 }]);
  });
});

describe('scope and access per role', () => {
  it('a prison officer sees her prison’s people, shown exactly; another organization is 403', async () => {
    const view = await dashboard('officer');
    expect(view.filters.scope).toBe('organization');
    expect(view.filters.organization).toEqual({
      id: LAPAS_ID,
      name: 'Lapas Perempuan Kelas IIA Semarang',
      kind: 'prison',
    });
    expect(view.filters.scopeLabel).toBe('LPP Semarang');
    expect(view.smallCountsHidden).toBe(false);
    // The program's 16 less Q1, Q2 (P2) = 14; in_training 11 (no Q in training) …
    expect(view.funnel.map((step) => step.count)).toEqual([14, 11, 8, 7, 6, 6, 3]);
    // Placements less Q2's = 7; now: in custody less Q1, Q2 = 8; placed less Q2 = 4.
    expect(view.placements.total).toBe(7);
    expect(view.now.map((row) => row.count)).toEqual([8, 2, 2, 5, 4]);
    // Governance of P: agreements it is party to (Ag1, Ag2, Ag4), its meetings' items (MT1; not M1's).
    const byStatus = Object.fromEntries(view.governance.byStatus.map((row) => [row.status, row.count]));
    expect(byStatus).toMatchObject({ draft: 0, in_force: 2, expired: 1 });
    expect(view.governance.actionItems.map((row) => row.organizationId)).toEqual([LAPAS_ID, BAPAS_ID]);

    const other = await get('officer', `/api/insight/dashboard?${PERIOD}&organizationId=${P2}`);
    expect(other.statusCode).toBe(403);
    expect(other.json().error.code).toBe('INSIGHT_SCOPE_FORBIDDEN');
    expect(other.json().error.message).toBe('Anda hanya dapat melihat angka organisasi Anda sendiri.');
    const own = await get('officer', `/api/insight/dashboard?${PERIOD}&organizationId=${LAPAS_ID}`);
    expect(own.statusCode).toBe(200);
  });

  it('Bapas sees the people handed over or referred to it', async () => {
    const view = await dashboard('pk');
    // A1…A5 (handover links) and A6 (referral) = 6; all in C1 and certified; all released; accepted A1…A5.
    expect(view.funnel.map((step) => step.count)).toEqual([6, 6, 6, 6, 5, 5, 2]);
    expect(view.smallCountsHidden).toBe(false);
    // Governance of B: Ag1 (party), Ag3 (its draft); MT1 (attendee).
    const byStatus = Object.fromEntries(view.governance.byStatus.map((row) => [row.status, row.count]));
    expect(byStatus).toMatchObject({ draft: 1, in_force: 1, expired: 0 });
  });

  it('a kelurahan sees her people with small counts hidden; the kecamatan the same over its kelurahan', async () => {
    const view = await dashboard('kelurahan');
    expect(view.smallCountsHidden).toBe(true);
    // As the V1 filter of the program: 9, 8, 5, 5, 4 → hidden, 4 → hidden, 2 → hidden.
    expect(view.funnel.map((step) => step.count)).toEqual([9, 8, 5, 5, null, null, null]);
    expect(view.placements).toEqual({
      total: 6,
      byVillage: [{ villageId: V1, name: 'Kelurahan Krobokan', count: 6 }],
      // garment A1, A2, A6, Q2 = 4, food A3, A5 = 2: both hidden, the total shown.
      bySector: [
        { sector: 'garment', count: null },
        { sector: 'food', count: null },
      ],
    });
    expect(expectNoRecoverableCell(groupsOfDashboard(view))).toBe(2);
    const district = await dashboard('district');
    // V1 and V2: + A4 (intended V2), A15 (placed V2) = 11.
    expect(district.funnel[0]?.count).toBe(11);
    expect(district.placements.total).toBe(8);
  });

  it('a partner sees the people placed with it', async () => {
    const view = await dashboard('partner');
    // Placed with M1 (O1, O3): A1, A2, A6, Q2, A4 = 5.
    expect(view.funnel[0]?.count).toBe(5);
    expect(view.placements.total).toBe(5);
    expect(expectNoRecoverableCell(groupsOfDashboard(view))).toBeGreaterThanOrEqual(0);
    // Governance of M1: Ag2 only.
    const byStatus = Object.fromEntries(view.governance.byStatus.map((row) => [row.status, row.count]));
    expect(byStatus).toMatchObject({ in_force: 1, draft: 0, expired: 0 });
  });

  it('heads and viewers see the program, or any organization; the administrator is refused', async () => {
    expect((await dashboard('camat')).filters.scope).toBe('program');
    const p2 = await dashboard('viewer', `${PERIOD}&organizationId=${P2}`);
    expect(p2.filters.organization?.name).toBe('Lapas Dua');
    // Q1 and Q2: 2 → hidden for the viewer.
    expect(p2.funnel[0]?.count).toBeNull();
    const bapas = await dashboard('head', `${PERIOD}&organizationId=${BAPAS_ID}`);
    expect(bapas.funnel[0]?.count).toBe(6);
    const unknown = await get(
      'head',
      `/api/insight/dashboard?organizationId=00000000-0000-4000-8000-0000000000ff`,
    );
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('ORGANIZATION_NOT_FOUND');
    const admin = await get('admin', '/api/insight/dashboard');
    expect(admin.statusCode).toBe(403);
    expect((await get('admin', '/api/insight/villages')).statusCode).toBe(403);
  });

  it('titles of agreements and plans the caller’s organization is not party to are null', async () => {
    const view = await dashboard('partner', `${PERIOD}&organizationId=${M1}`);
    expect(view.governance.expiring).toEqual([]);
    const camat = await dashboard('camat');
    // D is party to Ag1 (title shown) — and to the plan under it.
    expect(camat.governance.expiring[0]?.title).toBe('MoU Pembinaan');
    expect(camat.governance.workPlans[0]?.title).toBe('Program Teknis 2024–2025');
    const head = await dashboard('head', `${PERIOD}&organizationId=${M1}`);
    expect(head.governance.byStatus.find((row) => row.status === 'in_force')?.count).toBe(1);
    const bapasHead = await createUser(t.database.db, {
      organizationId: BAPAS_ID,
      roles: ['probation_head'],
    });
    const session = await signIn(t.app, bapasHead.username, TEST_PASSWORD);
    const response = await session.request({ method: 'GET', url: `/api/insight/dashboard?${PERIOD}` });
    const program = response.json() as DashboardResponse;
    // B is party to Ag1 but not to Ag2/Ag4: Ag1 expiring with its title.
    expect(program.governance.expiring.map((row) => row.title)).toEqual(['MoU Pembinaan']);
  });

  it('audits the view with its filters, never people', async () => {
    const since = new Date(Date.now() - 1000);
    await dashboard('officer', `${PERIOD}&villageId=${V1}`);
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', '=', 'insight.dashboard_viewed')
      .where('at', '>=', since)
      .where(sql<boolean>`details->>'villageId' is not null and details->>'organizationId' = ${LAPAS_ID}`)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.details).toEqual({
      from: '2023-01',
      to: '2025-12',
      organizationId: LAPAS_ID,
      villageId: V1,
    });
  });
});

describe('bad filters → 400 naming the field', () => {
  it.each([
    ['from=2025-13&to=2025-12', 'from', 'Bulan harus berformat TTTT-BB (misalnya 2026-03).'],
    ['from=2025-06&to=2025-01', 'from', 'Bulan awal tidak boleh setelah bulan akhir.'],
    ['from=2010-01&to=2025-12', 'from', 'Periode paling panjang 120 bulan.'],
    ['to=Desember', 'to', 'Bulan harus berformat TTTT-BB (misalnya 2026-03).'],
    ['organizationId=lapas', 'organizationId', 'Pengenal tidak valid.'],
    ['villageId=1', 'villageId', 'Pengenal tidak valid.'],
  ])('%s', async (query, field, message) => {
    const response = await get('head', `/api/insight/dashboard?${query}`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.fields).toEqual({ [field]: message });
  });

  it('months of the kelurahan view, and an unknown or unreachable kelurahan', async () => {
    for (const months of ['0', '25', 'enam']) {
      const response = await get('head', `/api/insight/villages/${V1}?months=${months}`);
      expect(response.statusCode).toBe(400);
      expect(response.json().error.fields).toEqual({
        months: 'Jumlah bulan harus bilangan bulat 1 sampai 24.',
      });
    }
    const unknown = await get('head', '/api/insight/villages/00000000-0000-4000-8000-0000000000ff');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('INSIGHT_VILLAGE_NOT_FOUND');
    expect((await get('kelurahan', `/api/insight/villages/${V2}`)).statusCode).toBe(403);
    expect((await get('kelurahan', `/api/insight/dashboard?villageId=${V2}`)).statusCode).toBe(403);
    expect((await get('partner', `/api/insight/villages/${V1}`)).statusCode).toBe(403);
  });
});

describe('GET /api/insight/villages', () => {
  it('program and corrections: all 16; kecamatan: its 16; kelurahan: itself; partner: 403', async () => {
    const list = async (name: string) =>
      ((await get(name, '/api/insight/villages')).json() as InsightVillageList).items;
    expect(await list('officer')).toHaveLength(16);
    expect(await list('pk')).toHaveLength(16);
    expect(await list('viewer')).toHaveLength(16);
    expect(await list('district')).toHaveLength(16);
    expect(await list('kelurahan')).toEqual([
      {
        id: V1,
        name: 'Kelurahan Krobokan',
        code: '33.74.13.1013',
        district: { id: KECAMATAN_ID, name: 'Kecamatan Semarang Barat' },
      },
    ]);
    const partner = await get('partner', '/api/insight/villages');
    expect(partner.statusCode).toBe(403);
    expect(partner.json().error.code).toBe('INSIGHT_VILLAGE_FORBIDDEN');
  });
});

describe('GET /api/insight/villages/:villageId', () => {
  it('gives the kelurahan user her people, opportunities and sectors, small counts hidden', async () => {
    const view = await villageView('kelurahan', V1);
    expect(view.months).toBe(6);
    expect(view.asOf).toBe(on);
    expect(view.horizonEnd).toBe(addMonths(on, 6));
    expect(view.smallCountsHidden).toBe(true);
    // Intended V1: A1, A2 (released, supervised to 2035), A3 (supervision ended), A8 (release date passed:
    // freed), A9, A10 (2035), W1 (today + 30: pre-release), W2 (today + 100), W5 (today + 300) = 9:
    // in custody 4, pre-release 1, supervised 2, ended 2 — every status 1–4, all hidden, the total shown.
    expect(view.people).toEqual({
      intended: 9,
      byStatus: [
        { status: 'in_custody', count: null },
        { status: 'pre_release', count: null },
        { status: 'released_supervised', count: null },
        { status: 'supervision_ended', count: null },
        { status: 'returned_to_custody', count: 0 },
      ],
      // W1, W2 (W5 beyond 6 months) = 2; supervised: A1, A2 + placed here A5, A6 = 4; latest check working:
      // A1 (12m employed), A2 (12m self-employed), A5 (6m), A6 (3m) = 4 (A3's latest unemployed).
      upcomingReleases: null,
      underSupervision: null,
      workingLatestCheck: null,
    });
    // Opportunities open/filled in V1: Katering (O2, 0 placed now: A3's ended), Penjahit Garmen (O1: A1, A2,
    // A6, Q2 = 4), Warung Makan (O4 filled: A5 = 1); placed now 5; the closed and the draft one left out.
    expect(view.opportunities).toEqual({
      items: [
        {
          id: opportunity.O2,
          title: 'Katering',
          partnerName: 'Mitra Dua',
          sector: 'food',
          status: 'open',
          places: 2,
          placed: 0,
        },
        {
          id: opportunity.O1,
          title: 'Penjahit Garmen',
          partnerName: 'Mitra Satu',
          sector: 'garment',
          status: 'open',
          places: 5,
          placed: null,
        },
        {
          id: opportunity.O4,
          title: 'Warung Makan',
          partnerName: 'Mitra Dua',
          sector: 'food',
          status: 'filled',
          places: 1,
          placed: null,
        },
      ],
      places: 8,
      placedNow: 5,
    });
    // Sectors: potentials garment 2, food 1; needs food 1, laundry 1. Upcoming releases of her scope (V1's
    // people): W1 (garment), W2 (food certificate) — 1 each, here and in scope, hidden.
    const sector = (name: string) => view.sectors.find((row) => row.sector === name);
    expect(view.sectors).toHaveLength(11);
    expect(sector('garment')).toEqual({
      sector: 'garment',
      potentials: 2,
      needs: 0,
      upcomingHere: null,
      upcomingInScope: null,
    });
    expect(sector('food')).toEqual({
      sector: 'food',
      potentials: 1,
      needs: 1,
      upcomingHere: null,
      upcomingInScope: null,
    });
    expect(sector('laundry')).toEqual({
      sector: 'laundry',
      potentials: 0,
      needs: 1,
      upcomingHere: 0,
      upcomingInScope: 0,
    });
    expect(expectNoRecoverableCell(groupsOfVillage(view))).toBeGreaterThan(2);
  });

  it('gives corrections the same figures exactly, over their own scope', async () => {
    const view = await villageView('officer', V1, '?months=6');
    expect(view.smallCountsHidden).toBe(false);
    expect(view.people).toEqual({
      intended: 9,
      byStatus: [
        { status: 'in_custody', count: 4 },
        { status: 'pre_release', count: 1 },
        { status: 'released_supervised', count: 2 },
        { status: 'supervision_ended', count: 2 },
        { status: 'returned_to_custody', count: 0 },
      ],
      upcomingReleases: 2,
      underSupervision: 4,
      workingLatestCheck: 4,
    });
    // Q2 is P2's: not in the officer's scope, so O1 has 3 placed now.
    expect(view.opportunities.items.map((item) => item.placed)).toEqual([0, 3, 1]);
    expect(view.opportunities.placedNow).toBe(4);
    // Upcoming releases of P: W1 (garment, here), W2 (food, here), W3 (garment through its catalogue skill,
    // intended V2); W4 is P2's, W5 beyond the horizon.
    const sector = (name: string) => view.sectors.find((row) => row.sector === name);
    expect(sector('garment')).toMatchObject({ upcomingHere: 1, upcomingInScope: 2 });
    expect(sector('food')).toMatchObject({ upcomingHere: 1, upcomingInScope: 1 });
    // The program (prison head): + W4 (food) in scope.
    const program = await villageView('head', V1);
    expect(program.sectors.find((row) => row.sector === 'food')).toMatchObject({
      upcomingHere: 1,
      upcomingInScope: 2,
    });
    expect(program.opportunities.placedNow).toBe(5);
    // A year's horizon takes W5 in.
    expect((await villageView('officer', V1, '?months=12')).people.upcomingReleases).toBe(3);
  });

  it('is audited with the kelurahan and the horizon', async () => {
    const since = new Date(Date.now() - 1000);
    await villageView('district', V2, '?months=3');
    const row = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'subject_id'])
      .where('action', '=', 'insight.village_viewed')
      .where('subject_id', '=', V2)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({ villageId: V2, months: 3 });
    expect(row.subject_id).toBe(V2);
  });
});

describe('POST /api/insight/exports', () => {
  it('records the CSV download (204) and refuses bad bodies and the administrator', async () => {
    const send = (name: string, payload: object) =>
      (as[name] as Session).request({ method: 'POST', url: '/api/insight/exports', payload });
    const since = new Date(Date.now() - 1000);
    const ok = await send('kelurahan', {
      view: 'village',
      section: 'sectors',
      filters: { villageId: V1, months: '6' },
    });
    expect(ok.statusCode, ok.body).toBe(204);
    const row = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'insight.csv_downloaded')
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    expect(row.details).toEqual({
      view: 'village',
      section: 'sectors',
      filters: { villageId: V1, months: '6' },
    });
    expect((await send('kelurahan', { view: 'peta', section: 'x', filters: {} })).statusCode).toBe(400);
    expect(
      (await send('kelurahan', { view: 'dashboard', section: 'x'.repeat(61), filters: {} })).statusCode,
    ).toBe(400);
    expect((await send('admin', { view: 'dashboard', section: 'funnel', filters: {} })).statusCode).toBe(403);
  });
});

describe('OpenAPI', () => {
  it('documents the insight endpoints', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = Object.keys(response.json().paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/insight/dashboard',
        '/api/insight/villages',
        '/api/insight/villages/{villageId}',
        '/api/insight/exports',
      ]),
    );
  });
});

describe('a past period does not move (review F3)', () => {
  it('a placement after asOf leaves a kelurahan’s dashboard of that period unchanged', async () => {
    const db = t.database.db;
    // A kelurahan of its own (under a kecamatan of its own: the lists above keep their 16), nobody intended
    // for it. Z1 (Lapas Dua, in since June 2023) is placed there on 1 Mar 2026, after the period 2023–2025
    // (asOf 31 Dec 2025): she joins its scope on that day, so the period's figures stay as they were —
    // for the kelurahan's own scope and for the program filtered on it — while 2026 counts her.
    const district = (await createOrganization(db, { kind: 'district', name: 'Kecamatan Uji F3' })).id;
    const village = (
      await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji F3', parentId: district })
    ).id;
    await person('Z1', { org: P2, entry: '2023-06-01' });
    const scoped = `${PERIOD}&organizationId=${village}`;
    const filtered = `${PERIOD}&villageId=${village}`;
    const before = [await dashboard('head', scoped), await dashboard('head', filtered)];
    expect(before.map((view) => view.funnel[0]?.count)).toEqual([0, 0]);
    const opportunity = await createOpportunity(db, { partnerId: M2, villageId: village, places: 2 });
    await placed('Z1', opportunity.id, '2026-03-01');
    const after = [await dashboard('head', scoped), await dashboard('head', filtered)];
    expect(after).toEqual(before);
    const later = await dashboard('head', `from=2026-01&to=2026-03&organizationId=${village}`);
    expect(later.funnel[0]?.count).toBe(1);
    expect(later.placements.total).toBe(1);
  });
});

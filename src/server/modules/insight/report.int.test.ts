import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createActionItem, createMeeting } from '../../../../tests/factories/meetings.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson, linkPerson } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { createCohort, createProgram, enrol, markAttendance } from '../../../../tests/factories/training.ts';
import { createWorkPlan } from '../../../../tests/factories/workplans.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { MonthlyReport, ReportOrganizationsResponse } from '../../../shared/insightReport.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// The monthly report on a small fixed dataset for October 2026, every figure computed by hand below (the
// comments give the working). Facts dated before and after October are mixed in on purpose: none of them
// may count. Staff of the prison and probation office see exact counts; everyone else sees counts 1–4
// hidden, with complementary suppression where a total is printed.

let t: TestApp;
const as: Record<string, Session> = {};
const MONTH = '2026-10';

const ids = {
  v1: '',
  v2: '',
  mitra: '',
  mitra2: '',
  otherPrison: '',
  c1: '',
  c2: '',
  m1: '',
  m2: '',
  g1: '',
  g2: '',
  g5: '',
  w1: '',
  w2: '',
  w4: '',
};
const people: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

const get = (name: string, url: string) => (as[name] as Session).request({ method: 'GET', url });
const reportUrl = (organizationId: string | null, month = MONTH, ext = '') =>
  `/api/insight/reports/monthly${ext}?month=${month}${organizationId ? `&organizationId=${organizationId}` : ''}`;

async function report(name: string, organizationId: string | null, month = MONTH): Promise<MonthlyReport> {
  const response = await get(name, reportUrl(organizationId, month));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as MonthlyReport;
}

const summaryOf = (value: MonthlyReport) =>
  Object.fromEntries(value.summary.map((row) => [row.key, row.value]));

/** A person of a prison (LPP Semarang by default): custody from `detention`, or none and a creation instant. */
async function person(
  key: string,
  options: { detention?: string; createdAt?: string; returnedOn?: string; organizationId?: string } = {},
) {
  const created = await createPerson(t.database.db, {
    organizationId: options.organizationId ?? LAPAS_ID,
    fullName: `Warga ${key}`,
    ...(options.detention && { custody: { detentionStartDate: options.detention } }),
  });
  // created_at is never written by the application: set here as a record made on that instant.
  if (options.createdAt)
    await sql`update person set created_at = ${options.createdAt}::timestamptz where id = ${created.id}`.execute(
      t.database.db,
    );
  if (options.returnedOn)
    await t.database.db
      .updateTable('person')
      .set({ returned_on: options.returnedOn })
      .where('id', '=', created.id)
      .execute();
  people[key] = created.id;
  return created.id;
}

async function handover(
  personKey: string,
  sentAt: string,
  events: { action: 'accepted' | 'returned'; at: string }[],
  status: 'sent' | 'accepted' | 'returned',
) {
  const db = t.database.db;
  const personId = people[personKey] as string;
  const plan = await db
    .insertInto('reintegration_plan')
    .values({ person_id: personId, organization_id: LAPAS_ID })
    .returning('id')
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto('handover')
    .values({
      person_id: personId,
      from_organization_id: LAPAS_ID,
      to_organization_id: BAPAS_ID,
      plan_id: plan.id,
      status,
      package: JSON.stringify({}),
      sent_by_name: 'Petugas Uji',
      sent_at: new Date(sentAt),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('handover_event')
    .values([
      {
        handover_id: row.id,
        action: 'sent',
        actor_name: 'Uji',
        organization_name: 'LPP',
        at: new Date(sentAt),
      },
      ...events.map((event) => ({
        handover_id: row.id,
        action: event.action,
        actor_name: 'Uji',
        organization_name: 'Bapas',
        at: new Date(event.at),
      })),
    ])
    .execute();
}

async function supervision(personKey: string, heldOn: string, outcome: 'attended' | 'missed' | 'excused') {
  await t.database.db
    .insertInto('supervision_session')
    .values({
      person_id: people[personKey] as string,
      organization_id: BAPAS_ID,
      kind: 'reporting_visit',
      place_kind: 'bapas',
      held_on: heldOn,
      outcome,
      recorded_by_name: 'PK Uji',
    })
    .execute();
}

async function outcome(
  personKey: string,
  window: 1 | 3 | 6 | 12,
  checkedOn: string,
  workStatus: 'employed' | 'self_employed' | 'in_training' | 'unemployed' | null,
) {
  await t.database.db
    .insertInto('outcome_check')
    .values({
      person_id: people[personKey] as string,
      organization_id: LAPAS_ID,
      window_months: window,
      due_on: checkedOn,
      checked_on: checkedOn,
      work_status: workStatus,
      returned_to_custody_on: workStatus === null ? checkedOn : null,
      recorded_by_name: 'Petugas Uji',
    })
    .execute();
}

let certificateNumber = 0;
async function certificate(personKey: string, issuedOn: string, skillId: string, enrolmentId: string | null) {
  certificateNumber += 1;
  await t.database.db
    .insertInto('certificate')
    .values({
      organization_id: LAPAS_ID,
      person_id: people[personKey] as string,
      enrolment_id: enrolmentId,
      skill_id: skillId,
      level: 'competent',
      number: `SERT-${certificateNumber}`,
      issuer: 'LSP Uji',
      issued_on: issuedOn,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  ids.v1 = (
    await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Satu', parentId: KECAMATAN_ID })
  ).id;
  ids.v2 = (
    await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Dua', parentId: KECAMATAN_ID })
  ).id;
  ids.mitra = (await createOrganization(db, { kind: 'partner', name: 'Mitra Jahit Uji' })).id;
  ids.mitra2 = (await createOrganization(db, { kind: 'partner', name: 'Mitra Boga Uji' })).id;
  ids.otherPrison = (await createOrganization(db, { kind: 'prison', name: 'Lapas Lain Uji' })).id;

  await user('prison', LAPAS_ID, ['prison_binadik']);
  await user('prisonHead', LAPAS_ID, ['prison_head']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('village', ids.v1, ['village_staff']);
  await user('partner', ids.mitra, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await user('camat', KECAMATAN_ID, ['district_head']);
  await user('admin', LAPAS_ID, ['system_admin']);

  // People entering LPP Semarang. In October: P1–P6 (detention start 1, 5, 10, 15, 20 and 31 October) and
  // P7 (no custody record, created 30 Sep 18:00 UTC = 1 Oct 01:00 WIB) → people_entered = 7.
  // Not in October: P8 (30 Sep), P9 (1 Nov), P10 (created 31 Oct 17:30 UTC = 1 Nov 00:30 WIB), X1 (another prison).
  for (const [key, day] of [
    ['P1', '01'],
    ['P2', '05'],
    ['P3', '10'],
    ['P4', '15'],
    ['P5', '20'],
    ['P6', '31'],
  ] as const)
    await person(key, { detention: `2026-10-${day}`, ...(key === 'P1' && { returnedOn: '2026-10-17' }) });
  await person('P7', { createdAt: '2026-09-30T18:00:00Z' });
  await person('P8', { detention: '2026-09-30' });
  await person('P9', { detention: '2026-11-01' });
  await person('P10', { createdAt: '2026-10-31T17:30:00Z' });
  await person('X1', { detention: '2026-10-03', organizationId: ids.otherPrison });
  // Held since 2025: the trainees and the released women.
  for (const key of ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'R1', 'R2', 'R3', 'R4'])
    await person(key, { detention: '2025-01-10' });
  // Q6 goes back to custody in November (not October): returns_to_custody = 1 (P1 on 17 October).
  await person('Q6', { detention: '2025-01-10', returnedOn: '2026-11-20' });

  // Training. C1 (LPP's own program, 15 Sep – 20 Oct, completed): E1–E5 completed on 20 Oct, E6 removed on
  // 10 Oct. C2 (a program provided by Mitra Jahit, 5 Oct – 15 Dec): F1–F3 from its start, F4 joined 10 Nov.
  // C3 (starts 2 Nov) and C4 (cancelled) are not active in October.
  const own = await createProgram(db, { name: 'Menjahit Dasar' });
  const partnerProgram = await createProgram(db, { name: 'Tata Boga', providerOrganizationId: ids.mitra });
  const skillId = own.skills[0]?.id as string;
  const c1 = await createCohort(db, own.id, {
    name: 'Menjahit Angkatan 1',
    startDate: '2026-09-15',
    endDate: '2026-10-20',
    status: 'completed',
    sessionDates: ['2026-09-29', '2026-10-06', '2026-10-13', '2026-10-20'],
  });
  await db
    .updateTable('training_cohort')
    .set({ completed_on: '2026-10-20' })
    .where('id', '=', c1.id)
    .execute();
  const c2 = await createCohort(db, partnerProgram.id, {
    name: 'Tata Boga Angkatan 1',
    startDate: '2026-10-05',
    endDate: '2026-12-15',
    sessionDates: ['2026-10-05', '2026-10-12', '2026-10-19', '2026-10-26', '2026-11-02'],
  });
  await createCohort(db, own.id, {
    name: 'Menjahit Angkatan 2',
    startDate: '2026-11-02',
    endDate: '2026-12-31',
  });
  await createCohort(db, own.id, {
    name: 'Menjahit Batal',
    startDate: '2026-10-01',
    endDate: '2026-10-30',
    status: 'cancelled',
  });
  ids.c1 = c1.id;
  ids.c2 = c2.id;
  const e: string[] = [];
  for (const key of ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6'])
    e.push((await enrol(db, { personId: people[key] as string, programId: own.id, cohortId: c1.id })).id);
  await db
    .updateTable('training_enrolment')
    .set({ status: 'completed', end_reason: 'completed', ended_on: '2026-10-20' })
    .where('id', 'in', e.slice(0, 5))
    .execute();
  await db
    .updateTable('training_enrolment')
    .set({ status: 'deallocated', end_reason: 'released', ended_on: '2026-10-10' })
    .where('id', '=', e[5] as string)
    .execute();
  const f: string[] = [];
  for (const key of ['R1', 'R2', 'R3', 'R4'])
    f.push(
      (await enrol(db, { personId: people[key] as string, programId: partnerProgram.id, cohortId: c2.id }))
        .id,
    );
  await db
    .updateTable('training_enrolment')
    .set({ joined_on: '2026-11-10' })
    .where('id', '=', f[3] as string)
    .execute();
  // Attendance. C1: 29 Sep (not October), 6 Oct E1–E6 with E6 absent, 13 Oct E1–E5 with E5 absent, 20 Oct
  // E1–E5 → 16 marks, 14 present (87.5%). C2: 5 Oct F1–F3, 12 Oct F1–F3 with F3 absent → 6 marks, 5 present
  // (83.3%); 19 Oct cancelled, 26 Oct not recorded, 2 Nov after. Sessions held: 3 + 2 = 5.
  const session = (cohort: typeof c1, date: string) =>
    cohort.sessions.find((s) => s.date === date)?.id as string;
  await markAttendance(db, { sessionId: session(c1, '2026-09-29'), enrolmentIds: e });
  await markAttendance(db, {
    sessionId: session(c1, '2026-10-06'),
    enrolmentIds: e,
    absent: { [e[5] as string]: 'sick' },
  });
  await markAttendance(db, {
    sessionId: session(c1, '2026-10-13'),
    enrolmentIds: e.slice(0, 5),
    absent: { [e[4] as string]: 'court' },
  });
  await markAttendance(db, { sessionId: session(c1, '2026-10-20'), enrolmentIds: e.slice(0, 5) });
  await markAttendance(db, { sessionId: session(c2, '2026-10-05'), enrolmentIds: f.slice(0, 3) });
  await markAttendance(db, {
    sessionId: session(c2, '2026-10-12'),
    enrolmentIds: f.slice(0, 3),
    absent: { [f[2] as string]: 'family_visit' },
  });
  await db
    .updateTable('training_session')
    .set({ status: 'cancelled', cancel_reason: 'Libur' })
    .where('id', '=', session(c2, '2026-10-19'))
    .execute();
  await markAttendance(db, { sessionId: session(c2, '2026-11-02'), enrolmentIds: f });
  // Certificates recorded by LPP, issued in October: E1–E3 (25 Oct), two without a cohort (3 and 31 Oct) and
  // F1 (28 Oct, of Mitra Jahit's program) → prison 6, Mitra Jahit 1; E4's on 5 Nov is after.
  // C1 certified by 31 Oct: E1–E3 = 3; C2: F1 = 1.
  await certificate('Q1', '2026-10-25', skillId, e[0] as string);
  await certificate('Q2', '2026-10-25', skillId, e[1] as string);
  await certificate('Q3', '2026-10-25', skillId, e[2] as string);
  await certificate('Q4', '2026-11-05', skillId, e[3] as string);
  await certificate('P2', '2026-10-03', skillId, null);
  await certificate('P3', '2026-10-31', skillId, null);
  await certificate('R1', '2026-10-28', skillId, f[0] as string);

  // Handovers LPP → Bapas. Sent in October (WIB): H1 (2 Oct), H2 (10 Oct), H5 (30 Sep 17:30 UTC = 1 Oct
  // 00:30 WIB) → 3; H3 (28 Sep) and H4 (31 Oct 17:30 UTC = 1 Nov WIB) are not. Accepted in October: H1
  // (5 Oct) and H3 (1 Oct 16:30 UTC = 23:30 WIB) → 2; H2's acceptance on 2 Nov is after.
  await handover(
    'Q1',
    '2026-10-02T03:00:00Z',
    [{ action: 'accepted', at: '2026-10-05T03:00:00Z' }],
    'accepted',
  );
  await handover(
    'Q2',
    '2026-10-10T03:00:00Z',
    [{ action: 'accepted', at: '2026-11-02T03:00:00Z' }],
    'accepted',
  );
  await handover(
    'Q3',
    '2026-09-28T03:00:00Z',
    [{ action: 'accepted', at: '2026-10-01T16:30:00Z' }],
    'accepted',
  );
  await handover('Q4', '2026-10-31T17:30:00Z', [], 'sent');
  await handover(
    'Q5',
    '2026-09-30T17:30:00Z',
    [{ action: 'returned', at: '2026-10-03T03:00:00Z' }],
    'returned',
  );
  // Bapas's clients: Q1 and Q3 (handover links). Supervision in October: attended Q1 7 and 14 Oct, Q3 15 Oct
  // → 3; missed Q1 21 Oct → 1; excused 28 Oct and the sessions of 30 Sep and 4 Nov do not count.
  await linkPerson(db, people.Q1 as string, BAPAS_ID, 'handover');
  await linkPerson(db, people.Q3 as string, BAPAS_ID, 'handover');
  await supervision('Q1', '2026-10-07', 'attended');
  await supervision('Q1', '2026-10-14', 'attended');
  await supervision('Q1', '2026-10-21', 'missed');
  await supervision('Q1', '2026-10-28', 'excused');
  await supervision('Q1', '2026-11-04', 'attended');
  await supervision('Q3', '2026-10-15', 'attended');
  await supervision('Q3', '2026-09-30', 'attended');

  // Placements. O1 (Mitra Jahit, Kelurahan Uji Satu, garment), O2 (Mitra Jahit, Uji Dua, food), O3 (Mitra
  // Boga, Uji Satu, food). Placed in October: Q1, Q2, Q3 (O1), Q4 (O2), Q5 (O3), Q6 (O1, since ended) of
  // LPP, and X1 (O1) of another prison. Not: R1 (2 Nov), R2 (offered, no date), R3 (30 Sep).
  const o1 = await createOpportunity(db, {
    partnerId: ids.mitra,
    villageId: ids.v1,
    sector: 'garment',
    places: 20,
  });
  const o2 = await createOpportunity(db, {
    partnerId: ids.mitra,
    villageId: ids.v2,
    sector: 'food',
    places: 20,
  });
  const o3 = await createOpportunity(db, {
    partnerId: ids.mitra2,
    villageId: ids.v1,
    sector: 'food',
    places: 20,
  });
  const place = (
    key: string,
    opportunityId: string,
    on: string,
    stage: 'placed' | 'ended' | 'offered' = 'placed',
  ) => createPlacement(db, { personId: people[key] as string, opportunityId, on, stage });
  await place('Q1', o1.id, '2026-10-03');
  await place('Q2', o1.id, '2026-10-09');
  await place('Q3', o1.id, '2026-10-17');
  await place('Q4', o2.id, '2026-10-20');
  await place('Q5', o3.id, '2026-10-31');
  await place('Q6', o1.id, '2026-10-29', 'ended');
  await db
    .updateTable('placement')
    .set({ placed_on: '2026-10-29', ended_on: '2026-11-15' })
    .where('person_id', '=', people.Q6 as string)
    .execute();
  await place('X1', o1.id, '2026-10-05');
  await place('R1', o2.id, '2026-11-02');
  await place('R2', o1.id, '2026-10-12', 'offered');
  await place('R3', o3.id, '2026-09-30');

  // Outcome checks in October: window 1 Q1 employed, Q2 self-employed, R3 and R4 employed, P1 back in custody
  // (5 checks, 4 working); window 3 Q3 unemployed, Q4 employed (2, 1); window 6 Q5 employed (1, 1); window 12
  // Q6 in training (1, 0) → 9 checks, 6 working. R1 (1 Nov) and R2 (30 Sep) are outside.
  await outcome('Q1', 1, '2026-10-05', 'employed');
  await outcome('Q2', 1, '2026-10-06', 'self_employed');
  await outcome('R3', 1, '2026-10-15', 'employed');
  await outcome('R4', 1, '2026-10-16', 'employed');
  await outcome('P1', 1, '2026-10-17', null);
  await outcome('Q3', 3, '2026-10-10', 'unemployed');
  await outcome('Q4', 3, '2026-10-11', 'employed');
  await outcome('Q5', 6, '2026-10-12', 'employed');
  await outcome('Q6', 12, '2026-10-30', 'in_training');
  await outcome('R1', 1, '2026-11-01', 'employed');
  await outcome('R2', 1, '2026-09-30', 'employed');

  // Governance. M1 (LPP, held 8 Oct, Bapas attends), M2 (Kecamatan, held 22 Oct, Uji Satu attends, an action
  // item of LPP), M3 (Uji Satu, 15 Oct), M4 (LPP, 3 Nov), M5 (LPP, planned 29 Oct).
  const m1 = await createMeeting(db, {
    organizationId: LAPAS_ID,
    title: 'Rapat koordinasi Oktober',
    heldOn: '2026-10-08',
    status: 'held',
    attendeeOrganizationIds: [BAPAS_ID],
  });
  const m2 = await createMeeting(db, {
    organizationId: KECAMATAN_ID,
    title: 'Rapat kecamatan',
    heldOn: '2026-10-22',
    status: 'held',
    attendeeOrganizationIds: [ids.v1],
  });
  await createMeeting(db, {
    organizationId: ids.v1,
    title: 'Rapat kelurahan',
    heldOn: '2026-10-15',
    status: 'held',
  });
  const m4 = await createMeeting(db, {
    organizationId: LAPAS_ID,
    title: 'Rapat November',
    heldOn: '2026-11-03',
    status: 'held',
  });
  await createMeeting(db, {
    organizationId: LAPAS_ID,
    title: 'Rapat rencana',
    heldOn: '2026-10-29',
    status: 'planned',
  });
  ids.m1 = m1.id;
  ids.m2 = m2.id;
  // Action items of LPP's meetings (M1, M2, M4), by owner:
  // A1 LPP, created 8 Oct, done 18 Oct → opened, done. A2 Bapas, created 8 Oct, due 25 Oct, open → opened,
  // overdue. A3 LPP, created 8 Oct, due 30 Oct, done 3 Nov → opened, overdue at 31 Oct. A4 LPP (M2), created
  // 22 Oct, due 15 Nov → opened. A5 Uji Satu (M2), created 10 Sep, cancelled 20 Sep → nothing (row left out).
  // (Review F4: an item counts as cancelled at the month's end only when its last change, updated_at, was
  // before it; A5's cancellation is dated 20 Sep so it stays out of October, as before.)
  // A6 Bapas, created 5 Sep, done 2 Oct → done. A7 LPP (M4), created 3 Nov → nothing.
  // LPP: opened 3, done 1, overdue 1; Bapas: opened 1, done 1, overdue 1; totals 4, 2, 2.
  const item = async (
    meetingId: string,
    owner: string,
    createdAt: string,
    dueOn: string,
    status: 'open' | 'done' | 'cancelled',
    doneOn: string | null = null,
    updatedAt: string = createdAt,
  ) => {
    const created = await createActionItem(db, { meetingId, ownerOrganizationId: owner, dueOn, status });
    await sql`update action_item set created_at = ${createdAt}::timestamptz, done_on = ${doneOn},
      updated_at = ${updatedAt}::timestamptz where id = ${created.id}`.execute(db);
  };
  await item(m1.id, LAPAS_ID, '2026-10-08T03:00:00Z', '2026-10-20', 'done', '2026-10-18');
  await item(m1.id, BAPAS_ID, '2026-10-08T03:00:00Z', '2026-10-25', 'open');
  await item(m1.id, LAPAS_ID, '2026-10-08T03:00:00Z', '2026-10-30', 'done', '2026-11-03');
  await item(m2.id, LAPAS_ID, '2026-10-22T03:00:00Z', '2026-11-15', 'open');
  await item(m2.id, ids.v1, '2026-09-10T03:00:00Z', '2026-09-30', 'cancelled', null, '2026-09-20T03:00:00Z');
  await item(m1.id, BAPAS_ID, '2026-09-05T03:00:00Z', '2026-10-05', 'done', '2026-10-02');
  await item(m4.id, LAPAS_ID, '2026-11-03T03:00:00Z', '2026-11-10', 'open');

  // Agreements with LPP as a party: G1 MoU (LPP, Bapas, Kecamatan) signed 1 Oct → signed, in force at 31 Oct;
  // G5 (LPP, Kecamatan) signed 5 Oct, terminated 10 Nov → signed, in force at 31 Oct; G2 PKS (LPP, Mitra
  // Jahit) valid until 15 Oct → expiring, expired at 31 Oct. G3 (signed 2 Nov) and G4 (Bapas, Uji Satu) not.
  const g1 = await createAgreement(db, {
    organizationId: LAPAS_ID,
    partyIds: [BAPAS_ID, KECAMATAN_ID],
    status: 'signed',
    title: 'Nota Kesepahaman Desa Binaan',
    signedOn: '2026-10-01',
    validFrom: '2026-10-01',
    validUntil: '2029-09-30',
  });
  const g2 = await createAgreement(db, {
    organizationId: LAPAS_ID,
    partyIds: [ids.mitra],
    kind: 'pks',
    parentId: g1.id,
    status: 'signed',
    title: 'PKS Pelatihan Menjahit',
    signedOn: '2024-11-01',
    validFrom: '2024-11-01',
    validUntil: '2026-10-15',
  });
  await createAgreement(db, {
    organizationId: LAPAS_ID,
    partyIds: [ids.mitra2],
    kind: 'pks',
    parentId: g1.id,
    status: 'signed',
    title: 'PKS November',
    signedOn: '2026-11-02',
    validFrom: '2026-11-02',
    validUntil: '2027-11-01',
  });
  await createAgreement(db, {
    organizationId: BAPAS_ID,
    partyIds: [ids.v1],
    status: 'signed',
    title: 'MoU Bapas dan Kelurahan',
    signedOn: '2026-10-10',
    validFrom: '2026-10-10',
    validUntil: '2027-10-09',
  });
  const g5 = await createAgreement(db, {
    organizationId: LAPAS_ID,
    partyIds: [KECAMATAN_ID],
    status: 'terminated',
    title: 'MoU Lapas dan Kecamatan',
    signedOn: '2026-10-05',
    validFrom: '2026-10-05',
    validUntil: '2027-10-04',
  });
  await db.updateTable('agreement').set({ terminated_on: '2026-11-10' }).where('id', '=', g5.id).execute();
  ids.g1 = g1.id;
  ids.g2 = g2.id;
  ids.g5 = g5.id;
  // A work plan under G1 (LPP's): W4 1 Sep – 1 Oct, W1 1–31 Oct, W2 20 Oct (Uji Satu responsible), W3 10 Nov.
  const plan = await createWorkPlan(db, {
    agreementId: g1.id,
    organizationId: LAPAS_ID,
    title: 'Program Teknis 2026',
    activities: [
      {
        title: 'Pelatihan menjahit',
        kind: 'training_cohort',
        responsibleOrganizationId: LAPAS_ID,
        startsOn: '2026-10-01',
        endsOn: '2026-10-31',
        status: 'in_progress',
      },
      {
        title: 'Sosialisasi kelurahan',
        kind: 'village_socialization',
        responsibleOrganizationId: ids.v1,
        startsOn: '2026-10-20',
        endsOn: '2026-10-20',
        status: 'done',
      },
      { title: 'Bazar', kind: 'bazaar', responsibleOrganizationId: LAPAS_ID, startsOn: '2026-11-10' },
      {
        title: 'Monitoring',
        kind: 'monitoring_visit',
        responsibleOrganizationId: BAPAS_ID,
        startsOn: '2026-09-01',
        endsOn: '2026-10-01',
        status: 'done',
      },
    ],
  });
  [ids.w1, ids.w2, , ids.w4] = plan.activityIds as [string, string, string, string];
});
afterAll(() => t.close());

describe('the monthly report of the prison, by hand', () => {
  it('gives every figure exactly to the prison’s staff', async () => {
    const value = await report('prison', null);
    expect(value.organization.id).toBe(LAPAS_ID);
    expect([value.month, value.periodStart, value.periodEnd, value.provisional]).toEqual([
      MONTH,
      '2026-10-01',
      '2026-10-31',
      false,
    ]);
    expect(value.smallCountsHidden).toBe(false);
    // Rows of a prison, in order; attendance 19 of 22 marks (14 + 5 of 16 + 6) = 86.4%.
    expect(value.summary.map((row) => [row.key, row.value])).toEqual([
      ['people_entered', 7],
      ['enrolments_started', 3],
      ['trainings_completed', 5],
      ['sessions_held', 5],
      ['attendance_rate', 86.4],
      ['certificates_issued', 6],
      ['handovers_sent', 3],
      ['handovers_accepted', 2],
      ['placements_made', 6],
      ['outcome_checks_recorded', 9],
      ['outcome_working', 6],
      ['returns_to_custody', 1],
    ]);
    expect(value.flow).toEqual([
      { stage: 'registered', count: 7 },
      { stage: 'trained', count: 5 },
      { stage: 'certified', count: 6 },
      { stage: 'handed_over', count: 2 },
      { stage: 'placed', count: 6 },
    ]);
    // C1: enrolled 5 at 31 Oct (E6 removed 10 Oct), 3 sessions, 14/16, 5 completed, 3 certified.
    // C2: F1–F3 enrolled (F4 joined in November), 2 sessions, 5/6, none completed, F1 certified.
    expect(
      value.training?.cohorts.map((c) => [
        c.id,
        c.enrolled,
        c.sessionsHeld,
        c.attendanceRate,
        c.completed,
        c.certified,
      ]),
    ).toEqual([
      [ids.c1, 5, 3, 87.5, 5, 3],
      [ids.c2, 3, 2, 83.3, 0, 1],
    ]);
    expect(value.training?.cohorts[1]).toMatchObject({
      name: 'Tata Boga Angkatan 1',
      programName: 'Tata Boga',
      providerName: 'Mitra Jahit Uji',
      startDate: '2026-10-05',
      endDate: '2026-12-15',
    });
    // LPP's placements: Uji Satu Q1, Q2, Q3, Q5, Q6 = 5, Uji Dua Q4 = 1; garment (O1) 4, food (O2, O3) 2.
    expect(value.placements).toEqual({
      total: 6,
      byVillage: [
        { villageId: ids.v2, villageName: 'Kelurahan Uji Dua', count: 1 },
        { villageId: ids.v1, villageName: 'Kelurahan Uji Satu', count: 5 },
      ],
      bySector: [
        { sector: 'garment', count: 4 },
        { sector: 'food', count: 2 },
      ],
    });
    expect(value.outcomes).toEqual({
      rows: [
        { windowMonths: 1, checks: 5, working: 4, workingRate: 80 },
        { windowMonths: 3, checks: 2, working: 1, workingRate: 50 },
        { windowMonths: 6, checks: 1, working: 1, workingRate: 100 },
        { windowMonths: 12, checks: 1, working: 0, workingRate: 0 },
      ],
      total: { checks: 9, working: 6, workingRate: 66.7 },
    });
  });

  it('gives the governance of the month', async () => {
    const { governance } = await report('prison', null);
    // M2 is the Kecamatan's, in LPP's reach through its action item; M3, M4 and M5 are not October's held ones.
    expect(governance.meetings.map((m) => [m.id, m.title, m.heldOn, m.organizer.id])).toEqual([
      [ids.m1, 'Rapat koordinasi Oktober', '2026-10-08', LAPAS_ID],
      [ids.m2, 'Rapat kecamatan', '2026-10-22', KECAMATAN_ID],
    ]);
    const byOwner = Object.fromEntries(
      governance.actionItems.map((row) => [row.organization.id, [row.opened, row.done, row.overdue]]),
    );
    expect(byOwner).toEqual({ [LAPAS_ID]: [3, 1, 1], [BAPAS_ID]: [1, 1, 1] });
    expect(governance.actionItemTotals).toEqual({ opened: 4, done: 2, overdue: 2 });
    expect(governance.activities.map((a) => [a.id, a.title, a.status, a.responsible.id])).toEqual([
      [ids.w4, 'Monitoring', 'done', BAPAS_ID],
      [ids.w1, 'Pelatihan menjahit', 'in_progress', LAPAS_ID],
      [ids.w2, 'Sosialisasi kelurahan', 'done', ids.v1],
    ]);
    expect(governance.activities[0]?.workPlanTitle).toBe('Program Teknis 2026');
    expect(governance.agreements.map((a) => [a.id, a.title, a.events, a.status])).toEqual([
      [ids.g1, 'Nota Kesepahaman Desa Binaan', ['signed'], 'in_force'],
      [ids.g5, 'MoU Lapas dan Kecamatan', ['signed'], 'in_force'],
      [ids.g2, 'PKS Pelatihan Menjahit', ['expiring'], 'expired'],
    ]);
    expect(governance.agreements[0]?.parties).toHaveLength(3);
  });

  it('hides small counts from a viewer, complementary where a total is printed', async () => {
    const value = await report('viewer', LAPAS_ID);
    expect(value.smallCountsHidden).toBe(true);
    // 3 (enrolments), 3 and 2 (handovers), 1 (returns) are hidden; outcome_working (6) is the complement of
    // the 3 not working (9 − 6) in checks = working + not working.
    expect(summaryOf(value)).toEqual({
      people_entered: 7,
      enrolments_started: null,
      trainings_completed: 5,
      sessions_held: 5,
      attendance_rate: 86.4,
      // Review F2: the 6 certificates issued are not Σ the cohorts' certified (3 + 1: two certificates have no
      // enrolment), and the cohorts' certified are hidden below, so the summary figure is hidden with them.
      certificates_issued: null,
      handovers_sent: null,
      handovers_accepted: null,
      placements_made: 6,
      outcome_checks_recorded: 9,
      outcome_working: null,
      returns_to_custody: null,
    });
    // C1: certified 3 hidden with its complement (2 not certified, not printed); C2: 3 enrolled hidden with
    // its complement 3 not completed; 0 completed shown; F1's certificate (1) hidden.
    expect(
      value.training?.cohorts.map((c) => [c.enrolled, c.attendanceRate, c.completed, c.certified]),
    ).toEqual([
      [5, 87.5, 5, null],
      [null, 83.3, 0, null],
    ]);
    // Uji Dua's 1 is hidden, so is Uji Satu (else 6 − 5); both sectors (4 and 2) are small.
    expect(value.placements).toEqual({
      total: 6,
      byVillage: [
        { villageId: ids.v2, villageName: 'Kelurahan Uji Dua', count: null },
        { villageId: ids.v1, villageName: 'Kelurahan Uji Satu', count: null },
      ],
      bySector: [
        { sector: 'garment', count: null },
        { sector: 'food', count: null },
      ],
    });
    // Window 1: 5 checks, hidden with windows 3, 6 and 12 (small, together 4 = 9 − 5: too few to hide
    // anyone); 4 working hidden (and 1 not working); window 12's 0 working; the total's working is hidden to
    // protect the 3 not working.
    expect(value.outcomes).toEqual({
      rows: [
        { windowMonths: 1, checks: null, working: null, workingRate: null },
        { windowMonths: 3, checks: null, working: null, workingRate: null },
        { windowMonths: 6, checks: null, working: null, workingRate: null },
        { windowMonths: 12, checks: null, working: 0, workingRate: null },
      ],
      total: { checks: 9, working: null, workingRate: null },
    });
    // Governance is never hidden; titles the Kecamatan (the viewer's organization) cannot open are left out.
    expect(value.governance.meetings.map((m) => [m.id, m.title])).toEqual([
      [ids.m1, null],
      [ids.m2, 'Rapat kecamatan'],
    ]);
    expect(value.governance.agreements.map((a) => [a.id, a.title])).toEqual([
      [ids.g1, 'Nota Kesepahaman Desa Binaan'],
      [ids.g5, 'MoU Lapas dan Kecamatan'],
      [ids.g2, null],
    ]);
    expect(value.governance.activities.every((a) => a.title !== null)).toBe(true);
    expect(value.governance.actionItemTotals).toEqual({ opened: 4, done: 2, overdue: 2 });
  });
});

describe('the other kinds of organization', () => {
  it('probation: its handovers, clients’ supervision, placements and outcomes', async () => {
    const value = await report('pk', null);
    // Handovers to Bapas as for LPP; supervision of Q1 and Q3: attended 3, missed 1; Q1 and Q3 placed in
    // October (2); their outcome checks: Q1 employed (window 1), Q3 unemployed (window 3).
    expect(value.summary.map((row) => [row.key, row.value])).toEqual([
      ['handovers_sent', 3],
      ['handovers_accepted', 2],
      ['supervision_attended', 3],
      ['supervision_missed', 1],
      ['placements_made', 2],
      ['outcome_checks_recorded', 2],
      ['outcome_working', 1],
      ['returns_to_custody', 0],
    ]);
    expect(value.training).toBeNull();
    expect(value.flow).toEqual([
      { stage: 'handed_over', count: 2 },
      { stage: 'placed', count: 2 },
    ]);
    // Bapas attends M1 only: its four items (A1, A2, A3, A6).
    expect(value.governance.meetings.map((m) => m.id)).toEqual([ids.m1]);
    expect(value.governance.actionItemTotals).toEqual({ opened: 3, done: 2, overdue: 2 });
  });

  it('kelurahan: the placements into its opportunities, small ones hidden', async () => {
    const value = await report('village', null);
    // Into Uji Satu: Q1, Q2, Q3, Q6, X1 (O1 garment) and Q5 (O3 food) = 6; food 1 hidden, so garment 5 too.
    expect(value.placements).toEqual({
      total: 6,
      byVillage: [{ villageId: ids.v1, villageName: 'Kelurahan Uji Satu', count: 6 }],
      bySector: [
        { sector: 'garment', count: null },
        { sector: 'food', count: null },
      ],
    });
    expect(value.summary.map((row) => row.key)).toEqual([
      'handovers_accepted',
      'placements_made',
      'outcome_checks_recorded',
      'outcome_working',
    ]);
    // Its meetings: M2 (attendee), M3 (organizer); the plan where it is responsible for W2.
    expect(value.governance.meetings.map((m) => m.title)).toEqual(['Rapat kelurahan', 'Rapat kecamatan']);
    expect(value.governance.activities.map((a) => a.id)).toEqual([ids.w4, ids.w1, ids.w2]);
    expect(value.governance.agreements.map((a) => a.title)).toEqual(['MoU Bapas dan Kelurahan']);
  });

  it('kecamatan (its head): all its kelurahan', async () => {
    const value = await report('camat', null);
    // Uji Satu 6 + Uji Dua 1 = 7; Uji Dua's 1 hidden with Uji Satu; food 2 (Q4, Q5) hidden with garment 5.
    expect(value.placements).toEqual({
      total: 7,
      byVillage: [
        { villageId: ids.v2, villageName: 'Kelurahan Uji Dua', count: null },
        { villageId: ids.v1, villageName: 'Kelurahan Uji Satu', count: null },
      ],
      bySector: [
        { sector: 'garment', count: null },
        { sector: 'food', count: null },
      ],
    });
  });

  it('partner: the cohorts it provides and the placements with it', async () => {
    const value = await report('partner', null);
    // Mitra Jahit: C2 only; 3 started (hidden), none completed, 2 sessions, 5/6, F1's certificate (hidden);
    // placed with it: O1 Q1, Q2, Q3, Q6, X1 and O2 Q4 = 6.
    expect(value.summary.map((row) => [row.key, row.value])).toEqual([
      ['enrolments_started', null],
      ['trainings_completed', 0],
      ['sessions_held', 2],
      ['attendance_rate', 83.3],
      ['certificates_issued', null],
      ['placements_made', 6],
    ]);
    expect(value.training?.cohorts.map((c) => c.id)).toEqual([ids.c2]);
    expect(value.placements.byVillage.map((row) => row.count)).toEqual([null, null]);
    expect(value.flow.map((stage) => stage.stage)).toEqual(['trained', 'certified', 'placed']);
  });
});

describe('the same inputs, the same figures', () => {
  it('answers the same JSON twice and the same XLSX cell values', async () => {
    const first = await get('prison', reportUrl(null));
    const second = await get('prison', reportUrl(null));
    expect(second.body).toBe(first.body);
    const cells = async () => {
      const response = await get('prison', reportUrl(null, MONTH, '.xlsx'));
      expect(response.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
      const values: unknown[] = [];
      workbook.eachSheet((sheet) => {
        sheet.eachRow((row, number) => {
          values.push([sheet.name, number, row.values]);
        });
      });
      return { names: workbook.worksheets.map((sheet) => sheet.name), values };
    };
    const a = await cells();
    const b = await cells();
    expect(a.names).toEqual(['Ringkasan', 'Pelatihan', 'Penempatan', 'Hasil', 'Tata kelola']);
    expect(b.values).toEqual(a.values);
    // The figures are in the sheets: the summary's placements row and the data bars beside the sector table.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      (await get('prison', reportUrl(null, MONTH, '.xlsx'))).rawPayload as unknown as ArrayBuffer,
    );
    const summary = workbook.getWorksheet('Ringkasan');
    const placed: unknown[] = [];
    summary?.eachRow((row) => {
      if (row.getCell(2).value === 'Penempatan kerja') placed.push(row.getCell(3).value);
    });
    expect(placed).toEqual([6]);
    expect(String(summary?.getCell('A1').value)).toContain('LEMBAGA PEMASYARAKATAN');
  });

  it('is not changed by facts dated after the month', async () => {
    const before = (await get('prison', reportUrl(null))).body;
    const db = t.database.db;
    // A new woman entering in November, a November certificate, check, placement, meeting and handover.
    await person('N1', { detention: '2026-11-02' });
    const skill = await db.selectFrom('skill').select('id').executeTakeFirstOrThrow();
    await certificate('N1', '2026-11-03', skill.id, null);
    await outcome('N1', 1, '2026-11-04', 'employed');
    const opportunity = await createOpportunity(db, { partnerId: ids.mitra, villageId: ids.v1, places: 5 });
    await createPlacement(db, {
      personId: people.N1 as string,
      opportunityId: opportunity.id,
      on: '2026-11-05',
      stage: 'placed',
    });
    await createMeeting(db, { organizationId: LAPAS_ID, heldOn: '2026-11-06', status: 'held' });
    await handover(
      'N1',
      '2026-11-07T03:00:00Z',
      [{ action: 'accepted', at: '2026-11-08T03:00:00Z' }],
      'accepted',
    );
    const after = (await get('prison', reportUrl(null))).body;
    expect(after).toBe(before);
    // …while November sees them (a sanity check that they were written).
    const november = await report('prison', null, '2026-11');
    expect(summaryOf(november).people_entered).toBeGreaterThanOrEqual(1);
  });

  it('marks the current month provisional', async () => {
    const value = await report('prison', null, today().slice(0, 7));
    expect(value.provisional).toBe(true);
  });
});

describe('access and validation', () => {
  it('staff see their own organization only; heads and viewers any; the administrator none', async () => {
    const forbidden = await get('prison', reportUrl(BAPAS_ID));
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().error.code).toBe('INSIGHT_SCOPE_FORBIDDEN');
    expect((await get('village', reportUrl(LAPAS_ID))).statusCode).toBe(403);
    expect((await get('partner', reportUrl(ids.mitra2))).statusCode).toBe(403);
    expect((await get('prison', reportUrl(LAPAS_ID))).statusCode).toBe(200);
    expect((await report('prisonHead', ids.v1)).organization.id).toBe(ids.v1);
    // A prison head is corrections staff: exact counts, in any organization's report.
    expect((await report('prisonHead', ids.mitra)).smallCountsHidden).toBe(false);
    expect((await report('viewer', BAPAS_ID)).organization.kind).toBe('probation');
    const admin = await get('admin', reportUrl(null));
    expect(admin.statusCode).toBe(403);
    expect((await get('admin', '/api/insight/reports/organizations')).statusCode).toBe(403);
    expect((await get('admin', reportUrl(null, MONTH, '.pdf'))).statusCode).toBe(403);
    expect((await get('viewer', reportUrl('00000000-0000-4000-8000-0000000000ff'))).statusCode).toBe(404);
  });

  it('lists the organizations a caller may report on', async () => {
    const own = (
      await get('village', '/api/insight/reports/organizations')
    ).json() as ReportOrganizationsResponse;
    expect(own.items.map((item) => item.id)).toEqual([ids.v1]);
    expect(own.defaultOrganizationId).toBe(ids.v1);
    const all = (
      await get('viewer', '/api/insight/reports/organizations')
    ).json() as ReportOrganizationsResponse;
    const total = await t.database.db
      .selectFrom('organization')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(all.items).toHaveLength(Number(total.n));
    expect(all.items[0]?.kind).toBe('prison');
    expect(all.items.at(-1)?.kind).toBe('partner');
    expect(all.defaultOrganizationId).toBe(KECAMATAN_ID);
  });

  it('refuses a bad or future month on the field month, in the user’s language', async () => {
    for (const month of ['2026-13', '2026-1', 'oktober', '1999-12']) {
      const response = await get('prison', reportUrl(null, month));
      expect(response.statusCode, month).toBe(400);
      expect(response.json().error.fields.month).toMatch(/TTTT-BB/);
    }
    const [year, index] = today().split('-').map(Number) as [number, number];
    const next = index === 12 ? `${year + 1}-01` : `${year}-${String(index + 1).padStart(2, '0')}`;
    const future = await get('prison', reportUrl(null, next, '.pdf'));
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields.month).toMatch(/belum tiba/);
    const missing = await get('prison', '/api/insight/reports/monthly');
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['month']);
  });

  it('audits the JSON view and the exports, with the right types and file names', async () => {
    const since = new Date();
    await report('prison', null);
    const pdf = await get('prison', reportUrl(null, MONTH, '.pdf'));
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.headers['content-disposition']).toContain(
      'filename="laporan-bulanan-lpp-semarang-2026-10.pdf"',
    );
    const xlsx = await get('village', reportUrl(null, MONTH, '.xlsx'));
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toContain(
      'filename="laporan-bulanan-kelurahan-uji-satu-2026-10.xlsx"',
    );
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id', 'subject_organization_id', 'details'])
      .where('action', 'like', 'insight.report%')
      .where('at', '>=', since)
      .orderBy('id')
      .execute();
    expect(entries.map((entry) => [entry.action, entry.subject_id, entry.details])).toEqual([
      ['insight.report_viewed', LAPAS_ID, { month: MONTH, provisional: false }],
      ['insight.report_exported', LAPAS_ID, { month: MONTH, format: 'pdf', provisional: false }],
      ['insight.report_exported', ids.v1, { month: MONTH, format: 'xlsx', provisional: false }],
    ]);
  });

  it('prints the same PDF bytes for the same data', async () => {
    const a = await get('prison', reportUrl(null, MONTH, '.pdf'));
    const b = await get('prison', reportUrl(null, MONTH, '.pdf'));
    expect(Buffer.compare(a.rawPayload, b.rawPayload)).toBe(0);
  });
});

describe('review fixes (F2, F3, F4)', () => {
  it('F2: the summary’s trainings completed and certificates issued are suppressed with the cohort columns', async () => {
    const db = t.database.db;
    // A partner of its own, with two cohorts completed in August 2026 (no other test reads August): A with 8
    // women, B with 3, every one completed and certified in August. Summary: 11 completed = 8 + 3, 11
    // certificates = 8 + 3. Hiding B's 3 alone would give it away (11 − 8), so A's 8 is hidden with it.
    const provider = (await createOrganization(db, { kind: 'partner', name: 'Mitra Las Uji' })).id;
    const program = await createProgram(db, { name: 'Las Dasar', providerOrganizationId: provider });
    const skillId = program.skills[0]?.id as string;
    const sizes = { A: 8, B: 3 } as const;
    for (const [name, size] of Object.entries(sizes)) {
      const cohort = await createCohort(db, program.id, {
        name: `Las Angkatan ${name}`,
        startDate: '2026-08-03',
        endDate: '2026-08-21',
        status: 'completed',
      });
      await db
        .updateTable('training_cohort')
        .set({ completed_on: '2026-08-21' })
        .where('id', '=', cohort.id)
        .execute();
      for (let index = 0; index < size; index += 1) {
        const key = `F2${name}${index}`;
        await person(key, { detention: '2025-01-10', organizationId: ids.otherPrison });
        const enrolment = await enrol(db, {
          personId: people[key] as string,
          programId: program.id,
          cohortId: cohort.id,
        });
        await db
          .updateTable('training_enrolment')
          .set({ status: 'completed', end_reason: 'completed', ended_on: '2026-08-21' })
          .where('id', '=', enrolment.id)
          .execute();
        await certificate(key, '2026-08-25', skillId, enrolment.id);
      }
    }
    const shown = await report('viewer', provider, '2026-08');
    const summary = summaryOf(shown);
    const cohorts = shown.training?.cohorts ?? [];
    // Summary 11 shown; A's 8 hidden as B's complement (hidden 8 + 3 = 11 ≥ 5, two cells); B's 3 enrolled hidden.
    expect(summary.trainings_completed).toBe(11);
    expect(summary.certificates_issued).toBe(11);
    expect(cohorts.map((c) => [c.name, c.enrolled, c.completed, c.certified])).toEqual([
      ['Las Angkatan A', 8, null, null],
      ['Las Angkatan B', null, null, null],
    ]);
    // Whatever is shown, the summary minus the shown cohort figures never isolates one hidden cohort figure.
    for (const column of ['completed', 'certified'] as const) {
      const hidden = cohorts.filter((c) => c[column] === null).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
    // The prison's staff (corrections) see it all exactly.
    const exact = await report('prisonHead', provider, '2026-08');
    expect(summaryOf(exact).trainings_completed).toBe(11);
    expect(exact.training?.cohorts.map((c) => [c.completed, c.certified])).toEqual([
      [8, 8],
      [3, 3],
    ]);
  });

  it('F3: a placement dated after the month does not change that month’s report for a kelurahan', async () => {
    const db = t.database.db;
    // Kelurahan Uji Tiga, with nobody intended for it. W3 (of another prison) has a 1-month outcome check on
    // 15 Oct (employed) and one on 20 Nov, and is placed in Uji Tiga on 5 Nov: she joins its scope on 5 Nov,
    // so its October report stays as it was, and November counts her check.
    const v3 = (
      await createOrganization(db, { kind: 'village', name: 'Kelurahan Uji Tiga', parentId: KECAMATAN_ID })
    ).id;
    await person('W3', { detention: '2025-01-10', organizationId: ids.otherPrison });
    await outcome('W3', 1, '2026-10-15', 'employed');
    await outcome('W3', 3, '2026-11-20', 'employed');
    const before = (await get('prisonHead', reportUrl(v3))).body;
    expect(summaryOf(JSON.parse(before) as MonthlyReport).outcome_checks_recorded).toBe(0);
    const opportunity = await createOpportunity(db, { partnerId: ids.mitra2, villageId: v3, places: 2 });
    await createPlacement(db, {
      personId: people.W3 as string,
      opportunityId: opportunity.id,
      on: '2026-11-05',
      stage: 'placed',
    });
    const after = (await get('prisonHead', reportUrl(v3))).body;
    expect(after).toBe(before);
    const november = await report('prisonHead', v3, '2026-11');
    expect(summaryOf(november).outcome_checks_recorded).toBe(1);
    expect(summaryOf(november).placements_made).toBe(1);
  });

  it('F4: an action item cancelled after the month still counts as overdue at its end', async () => {
    const db = t.database.db;
    // A partner's meeting held 5 Aug 2026 with three items due 20 Aug: I1 cancelled on 10 Sep (its last
    // change) → overdue at 31 Aug; I2 cancelled on 15 Aug → not; I3 open → overdue. Opened 3, overdue 2.
    const organizer = (await createOrganization(db, { kind: 'partner', name: 'Mitra Rapat Uji' })).id;
    const meeting = await createMeeting(db, {
      organizationId: organizer,
      heldOn: '2026-08-05',
      status: 'held',
    });
    const items: [string, 'cancelled' | 'open', string][] = [
      ['I1', 'cancelled', '2026-09-10T03:00:00Z'],
      ['I2', 'cancelled', '2026-08-15T03:00:00Z'],
      ['I3', 'open', '2026-08-05T03:00:00Z'],
    ];
    for (const [title, status, updatedAt] of items) {
      const created = await createActionItem(db, {
        meetingId: meeting.id,
        ownerOrganizationId: organizer,
        title,
        dueOn: '2026-08-20',
        status,
      });
      await sql`update action_item set created_at = '2026-08-05T03:00:00Z'::timestamptz,
        updated_at = ${updatedAt}::timestamptz where id = ${created.id}`.execute(db);
    }
    const august = await report('viewer', organizer, '2026-08');
    expect(august.governance.actionItemTotals).toEqual({ opened: 3, done: 0, overdue: 2 });
    // In September I1 is cancelled (10 Sep) by the month's end: only I3 is overdue.
    const september = await report('viewer', organizer, '2026-09');
    expect(september.governance.actionItemTotals).toEqual({ opened: 0, done: 0, overdue: 1 });
  });
});

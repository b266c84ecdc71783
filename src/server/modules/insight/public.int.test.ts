import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createMeeting } from '../../../../tests/factories/meetings.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { createCohort, createProgram, skillByCode } from '../../../../tests/factories/training.ts';
import { createVillageProfile, villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays } from '../../../shared/dates.ts';
import { SECTORS } from '../../../shared/people.ts';
import { PUBLIC_FUNNEL_STAGES, type PublicFigures } from '../../../shared/publicFigures.ts';
import { buildApp } from '../../app.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';
import {
  createPublicFiguresCache,
  presentPublicFigures,
  publicAsOf,
  type RawPublicFigures,
  window12Complete,
} from './public.service.ts';

// The public figures (issue 9, ADR 015) through the API without signing in, on a small fixed dataset whose
// every published figure is computed by hand below; then the suppression (no hidden cell can be worked out by
// subtraction from what is published), the absence of anything about a person, and the cache.
//
// Dates are relative to asOf (the last day of the previous month, whenever the test runs): Y is asOf's year;
// "after" is the day after asOf (the first of this month: not in the future, but not counted yet).

let t: TestApp;
const asOf = publicAsOf();
const Y = Number(asOf.slice(0, 4));
/** A day of year Y + `years`, 'mm-dd'. */
const on = (years: number, monthDay: string) => `${Y + years}-${monthDay}`;
const after = addDays(asOf, 1);

const PARTNER_NAMES = ['Konveksi Sinar Rahayu', 'Katering Bu Darmi', 'Salon Ayu Lestari', 'Batik Rumah Kita'];
const people: { name: string; birthDate: string; nik: string }[] = [];
const ids: Record<string, string> = {};
const village: Record<'A' | 'B' | 'C' | 'D', string> = { A: '', B: '', C: '', D: '' };

/** A woman in custody since `entry` (3 years before asOf by default), with a distinctive name and birth date. */
async function woman(
  key: string,
  options: {
    entry?: string | null;
    releaseDate?: string | null;
    releasedOn?: string | null;
    returnedOn?: string | null;
  } = {},
) {
  const index = people.length;
  const name = `Srikandi ${key.toUpperCase()} Wulandari${String.fromCharCode(97 + (index % 26))}`;
  const birthDate = `19${70 + (index % 25)}-0${1 + (index % 9)}-${String(10 + (index % 18))}`;
  const nik = `33740${String(41000000000 + index * 7919).padStart(11, '0')}`;
  people.push({ name, birthDate, nik });
  const entry = options.entry === undefined ? on(-3, '01-10') : options.entry;
  const person = await createPerson(t.database.db, {
    fullName: name,
    birthDate,
    nik,
    releaseDate: options.releaseDate ?? options.releasedOn ?? null,
    ...(entry && { custody: { detentionStartDate: entry } }),
  });
  await t.database.db
    .updateTable('person')
    .set({ released_on: options.releasedOn ?? null, returned_on: options.returnedOn ?? null })
    .where('id', '=', person.id)
    .execute();
  ids[key] = person.id;
  return person.id;
}

async function enrolment(
  key: string,
  programId: string,
  cohortId: string,
  status: 'allocated' | 'completed',
) {
  const row = await t.database.db
    .insertInto('training_enrolment')
    .values({
      organization_id: LAPAS_ID,
      person_id: ids[key] as string,
      program_id: programId,
      cohort_id: cohortId,
      source: 'staff_referral',
      status,
      requested_on: on(-3, '01-15'),
      allocated_at: new Date(`${on(-3, '01-20')}T03:00:00Z`),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

let certificateNumber = 0;
async function certificate(key: string, issuedOn: string) {
  certificateNumber += 1;
  const skill = await skillByCode(t.database.db, 'garment.sewing');
  await t.database.db
    .insertInto('certificate')
    .values({
      organization_id: LAPAS_ID,
      person_id: ids[key] as string,
      skill_id: skill.id,
      level: 'competent',
      number: `SERT-${certificateNumber}`,
      issuer: 'LSP Uji',
      issued_on: issuedOn,
    })
    .execute();
}

/** A handover to Bapas, accepted on `acceptedOn` (10:00 WIB). */
async function handover(key: string, acceptedOn: string) {
  const db = t.database.db;
  const personId = ids[key] as string;
  const acceptedAt = new Date(`${acceptedOn}T03:00:00Z`);
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
      status: 'accepted',
      package: JSON.stringify({}),
      sent_by_name: 'Petugas Uji',
      sent_at: new Date(addDays(acceptedOn, -7)),
      decided_by_name: 'Kepala Bapas',
      decided_at: acceptedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('handover_event')
    .values([
      {
        handover_id: row.id,
        action: 'sent',
        actor_name: 'Petugas Uji',
        organization_name: 'LPP',
        at: new Date(addDays(acceptedOn, -7)),
      },
      {
        handover_id: row.id,
        action: 'accepted',
        actor_name: 'Kepala Bapas',
        organization_name: 'Bapas',
        at: acceptedAt,
      },
    ])
    .execute();
}

async function check12(
  key: string,
  checkedOn: string,
  workStatus: 'employed' | 'self_employed' | 'unemployed',
) {
  await t.database.db
    .insertInto('outcome_check')
    .values({
      person_id: ids[key] as string,
      organization_id: BAPAS_ID,
      window_months: 12,
      due_on: checkedOn,
      checked_on: checkedOn,
      work_status: workStatus,
      recorded_by_name: 'PK Uji',
    })
    .execute();
}

const placementIds: Record<string, string> = {};
async function place(
  key: string,
  opportunityId: string,
  placedOn: string,
  stage: 'placed' | 'proposed' = 'placed',
) {
  const placement = await createPlacement(t.database.db, {
    personId: ids[key] as string,
    opportunityId,
    stage,
    on: placedOn,
  });
  placementIds[key] = placement.id;
}

/** An opportunity opened on `openedOn` (or a draft). */
async function opportunity(partnerId: string, villageId: string, sector: string, openedOn: string | null) {
  const row = await createOpportunity(t.database.db, {
    partnerId,
    villageId,
    sector,
    places: 20,
    status: openedOn ? 'open' : 'draft',
    startOn: on(-3, '06-01'),
  });
  await t.database.db
    .updateTable('opportunity')
    .set({ opened_at: openedOn ? new Date(`${openedOn}T03:00:00Z`) : null })
    .where('id', '=', row.id)
    .execute();
  return row.id;
}

async function figures(app: FastifyInstance = t.app) {
  const response = await app.inject({ method: 'GET', url: '/api/public/figures' });
  expect(response.statusCode, response.body).toBe(200);
  return { body: response.json() as PublicFigures, response };
}

/** A second application on the same database (a new app instance: its own cache). */
async function anotherApp() {
  const app = await buildApp({
    config: t.config,
    database: t.database,
    logger: false,
    webRoot: '/nonexistent',
  });
  await app.ready();
  return app;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  village.A = (await villageByCode(db, '33.74.13.1013')).id; // Krobokan
  village.B = (await villageByCode(db, '33.74.13.1008')).id; // Bongsari
  village.C = (await villageByCode(db, '33.74.13.1002')).id; // Manyaran
  village.D = (await villageByCode(db, '33.74.13.1001')).id; // Ngemplak Simongan

  // ── People ──
  // G1: in the program only (6).
  await woman('g1a', { releasedOn: on(-3, '06-15') });
  await woman('g1b', { releasedOn: on(-3, '06-15') });
  await woman('g1c', { releasedOn: on(-3, '06-15'), returnedOn: on(-3, '12-01') });
  await woman('g1d', { releasedOn: on(0, '01-05') });
  await woman('g1e', { releasedOn: on(0, '01-05') });
  await woman('g1f', { releasedOn: on(0, '01-05') });
  // G2: in training, not certified (4).
  await woman('g2a', { releasedOn: on(0, '01-05') });
  await woman('g2b', { releasedOn: on(0, '01-05') });
  await woman('g2c', { releasedOn: after });
  await woman('g2d');
  // G3: certified, release far ahead (2).
  await woman('g3a', { releaseDate: on(5, '01-01') });
  await woman('g3b', { releaseDate: on(5, '01-01') });
  // G4: certified and released; her handover accepted only after asOf (1).
  await woman('g4a', { releasedOn: on(-2, '02-01') });
  // G5: certified, released, handed over, not placed (1).
  await woman('g5a', { releasedOn: on(-2, '02-01') });
  // G6: certified, released, handed over, placed; 3 working at 12 months, 2 not (5).
  for (const key of ['g6a', 'g6b', 'g6c', 'g6d', 'g6e']) await woman(key, { releasedOn: on(-3, '06-15') });
  // Not in the program by asOf: no custody record and registered today; entered after asOf.
  await woman('x1', { entry: null });
  await woman('x2', { entry: after });

  // ── Training ──
  const cohort = async (
    name: string,
    startDate: string,
    endDate: string,
    status: 'completed' | 'running' | 'planned',
    completedOn: string | null = null,
  ) => {
    const program = await createProgram(db, { name: `Program ${name}` });
    const row = await createCohort(db, program.id, { name, startDate, endDate, status });
    if (completedOn)
      await db
        .updateTable('training_cohort')
        .set({ completed_on: completedOn })
        .where('id', '=', row.id)
        .execute();
    return { programId: program.id, cohortId: row.id };
  };
  const k1 = await cohort('K1', on(-3, '02-01'), on(-3, '04-30'), 'completed', on(-3, '04-30'));
  const k2 = await cohort('K2', on(-2, '03-01'), on(-2, '05-31'), 'completed', on(-2, '05-31'));
  const k3 = await cohort('K3', on(-1, '09-01'), on(1, '03-01'), 'running');
  const k4 = await cohort('K4', on(1, '02-01'), on(1, '05-01'), 'planned');
  const k5 = await cohort('K5', on(-1, '10-01'), after, 'completed', after);
  for (const key of ['g3a', 'g3b', 'g4a', 'g5a', 'g6a', 'g6b', 'g6c', 'g6d', 'g6e'])
    await enrolment(key, k1.programId, k1.cohortId, 'completed');
  await enrolment('g2c', k2.programId, k2.cohortId, 'completed');
  for (const key of ['g2a', 'g2b', 'g2c', 'g2d'])
    await enrolment(key, k3.programId, k3.cohortId, 'allocated');
  await enrolment('g1e', k4.programId, k4.cohortId, 'allocated'); // a cohort starting after asOf
  await enrolment('g2d', k5.programId, k5.cohortId, 'completed'); // completed after asOf
  for (const key of ['g3a', 'g3b', 'g4a', 'g5a', 'g6a', 'g6b', 'g6c', 'g6d', 'g6e'])
    await certificate(key, on(-3, '05-10'));
  await certificate('g3a', on(-2, '08-01')); // her second
  await certificate('g2a', after); // after asOf

  // ── Handovers, outcome checks ──
  await handover('g5a', on(-2, '01-20'));
  for (const key of ['g6a', 'g6b', 'g6c', 'g6d', 'g6e']) await handover(key, on(-3, '06-01'));
  await handover('g4a', after);
  for (const key of ['g6a', 'g6b', 'g6c', 'g1a']) await check12(key, on(-2, '06-20'), 'employed');
  await check12('g1b', on(-2, '06-20'), 'self_employed');
  for (const key of ['g6d', 'g6e']) await check12(key, on(-2, '06-20'), 'unemployed');

  // ── Partners, opportunities, placements ──
  const partners = [];
  for (const name of PARTNER_NAMES)
    partners.push((await createOrganization(db, { kind: 'partner', name })).id);
  const [p1, p2, p3, p4] = partners as [string, string, string, string];
  const garmentA = await opportunity(p1, village.A, 'garment', on(-3, '06-01'));
  const foodB = await opportunity(p2, village.B, 'food', on(-2, '01-01'));
  const foodC = await opportunity(p2, village.C, 'food', on(-2, '01-01'));
  await opportunity(p3, village.A, 'beauty', null); // a draft only
  const batikD = await opportunity(p4, village.D, 'batik', after);
  for (const key of ['g6a', 'g6b', 'g6c', 'g6d', 'g6e']) await place(key, garmentA, on(-3, '07-01'));
  for (const key of ['g1a', 'g1b']) await place(key, garmentA, on(-2, '03-01'));
  for (const key of ['g2b', 'g2c', 'g2d']) await place(key, foodB, on(-1, '10-01'));
  for (const key of ['g1c', 'g1d']) await place(key, foodC, on(-2, '04-01'));
  await place('g1f', batikD, after); // after asOf
  await place('g1e', garmentA, on(-2, '03-01'), 'proposed'); // never placed

  // ── Kelurahan hosting, agreements, meetings ──
  await createVillageProfile(db, village.A, { hostSince: on(-3, '01-01') });
  await createVillageProfile(db, village.B, { hostSince: on(-2, '01-01') });
  await createVillageProfile(db, village.C, { hostSince: after });
  await createVillageProfile(db, village.D, { hostSince: null });
  const agreement = (status: 'signed' | 'terminated' | 'draft', from: string, until: string) =>
    createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [p1],
      status,
      signedOn: status === 'draft' ? null : from,
      validFrom: status === 'draft' ? null : from,
      validUntil: status === 'draft' ? null : until,
    });
  await agreement('signed', on(-3, '01-05'), on(2, '01-01')); // in force
  await agreement('signed', on(-3, '01-05'), on(-2, '12-31')); // expired
  const terminatedEarly = await agreement('terminated', on(-3, '01-05'), on(2, '01-01'));
  const terminatedLater = await agreement('terminated', on(-3, '01-05'), on(2, '01-01')); // in force on asOf
  await agreement('draft', on(-3, '01-05'), on(2, '01-01'));
  await agreement('signed', after, on(3, '01-01')); // from after asOf
  await db
    .updateTable('agreement')
    .set({ terminated_on: on(-2, '06-01') })
    .where('id', '=', terminatedEarly.id)
    .execute();
  await db
    .updateTable('agreement')
    .set({ terminated_on: after })
    .where('id', '=', terminatedLater.id)
    .execute();
  await createMeeting(db, { organizationId: LAPAS_ID, heldOn: on(-2, '04-01'), status: 'held' });
  await createMeeting(db, { organizationId: LAPAS_ID, heldOn: on(-3, '05-01'), status: 'held' });
  await createMeeting(db, { organizationId: LAPAS_ID, heldOn: on(-2, '06-01'), status: 'planned' });
  await createMeeting(db, { organizationId: LAPAS_ID, heldOn: after, status: 'held' });
});
afterAll(() => t?.close());

/** The groups published in one answer: a total and the members that sum to it. */
function groupsOf(body: PublicFigures) {
  return [
    {
      name: 'byVillage',
      total: body.placements.total,
      members: body.placements.byVillage.map((r) => r.count),
    },
    { name: 'bySector', total: body.placements.total, members: body.placements.bySector.map((r) => r.count) },
  ];
}

/**
 * The unknowns (hidden cells) that a system of linear equations determines: unknown i is determined when its
 * unit vector lies in the row space of the equations (Gaussian elimination; the systems here are small).
 */
function determined(rows: number[][], size: number): number[] {
  const rank = (matrix: number[][]) => {
    const m = matrix.map((row) => [...row]);
    let r = 0;
    for (let c = 0; c < size && r < m.length; c += 1) {
      const pivot = m.findIndex((row, i) => i >= r && Math.abs(row[c] ?? 0) > 1e-9);
      if (pivot < 0) continue;
      [m[r], m[pivot]] = [m[pivot] as number[], m[r] as number[]];
      const p = m[r] as number[];
      for (let i = 0; i < m.length; i += 1) {
        const row = m[i] as number[];
        const factor = i === r ? 0 : (row[c] ?? 0) / (p[c] as number);
        if (factor !== 0) for (let j = 0; j < size; j += 1) row[j] = (row[j] ?? 0) - factor * (p[j] ?? 0);
      }
      r += 1;
    }
    return r;
  };
  const base = rank(rows);
  const found: number[] = [];
  for (let unknown = 0; unknown < size; unknown += 1) {
    if (rows.every((row) => row[unknown] === 0)) continue;
    const unit = new Array<number>(size).fill(0);
    unit[unknown] = 1;
    if (rank([...rows, unit]) === base) found.push(unknown);
  }
  return found;
}

/**
 * What subtraction would reveal in an answer (none expected): a group with exactly one hidden cell, or any
 * hidden cell determined by all the published equations together (total = sum of members, one total shared
 * by both breakdowns). Unknown 0 is the total, then the members of each group one after the other.
 */
function revealed(body: PublicFigures): string[] {
  const groups = groupsOf(body);
  const size = 1 + groups.reduce((sum, group) => sum + group.members.length, 0);
  const names = ['total'];
  let offset = 1;
  const rows = groups.map((group) => {
    const row = new Array<number>(size).fill(0);
    if (group.total === null) row[0] = -1;
    group.members.forEach((count, index) => {
      names[offset + index] = `${group.name}[${index}]`;
      if (count === null) row[offset + index] = 1;
    });
    offset += group.members.length;
    return row;
  });
  const problems: string[] = [];
  for (const group of groups) {
    const hidden = [group.total, ...group.members].filter((count) => count === null).length;
    if (hidden === 1) problems.push(`${group.name}: exactly one hidden cell`);
  }
  for (const unknown of determined(rows, size)) problems.push(`${names[unknown]} is determined`);
  return problems;
}

describe('GET /api/public/figures', () => {
  let first: PublicFigures;

  it('answers without signing in, as of the last day of the previous month, cacheable for 10 minutes', async () => {
    const { body, response } = await figures();
    first = body;
    expect(response.headers['cache-control']).toBe('public, max-age=600');
    expect(response.headers['set-cookie']).toBeUndefined();
    expect(body.asOf).toBe(asOf);
    expect(addDays(asOf, 1)).toBe(`${today().slice(0, 7)}-01`);
    expect(body.minCell).toBe(5);
  });

  it('counts the funnel by hand: 19 → 13 → 9 → 7 → 6 → 5 → hidden (3)', () => {
    expect(first.funnel.map((row) => row.stage)).toEqual([...PUBLIC_FUNNEL_STAGES]);
    expect(first.funnel.map((row) => [row.count, row.ofPrevious, row.ofFirst])).toEqual([
      [19, null, 100],
      [13, 68.4, 68.4],
      [9, 69.2, 47.4],
      [7, 77.8, 36.8],
      [6, 85.7, 31.6],
      [5, 83.3, 26.3],
      [null, null, null],
    ]);
  });

  it('counts training: 2 cohorts completed, 10 women trained, 10 certificates to 9 women', () => {
    expect(first.training).toEqual({
      cohortsCompleted: 2,
      womenTrained: 10,
      certificatesIssued: 10,
      womenCertified: 9,
    });
  });

  it('hides the two small kelurahan of 12 = 7 + 3 + 2 and shows the zeros; sectors 12 = 7 + 5', async () => {
    const { placements } = first;
    expect(placements.total).toBe(12);
    const byName = Object.fromEntries(placements.byVillage.map((row) => [row.name, row.count]));
    expect(byName).toMatchObject({
      'Kelurahan Krobokan': 7,
      'Kelurahan Bongsari': null,
      'Kelurahan Manyaran': null,
      'Kelurahan Ngemplak Simongan': 0,
    });
    const villages = await t.database.db
      .selectFrom('organization')
      .select(['name', 'code'])
      .where('kind', '=', 'village')
      .orderBy('name')
      .orderBy('id')
      .execute();
    expect(placements.byVillage.map((row) => [row.name, row.code])).toEqual(
      villages.map((v) => [v.name, v.code]),
    );
    expect(placements.byVillage.filter((row) => row.count !== 0 && row.count !== null).length).toBe(1);
    expect(placements.bySector).toEqual(
      SECTORS.map((sector) => ({ sector, count: sector === 'garment' ? 7 : sector === 'food' ? 5 : 0 })),
    );
  });

  it('counts outcomes by release year, a hidden size hiding its row, an open window "belum"', () => {
    const lastYearComplete = window12Complete(Y - 1, asOf);
    expect(lastYearComplete).toBe(asOf.endsWith('-12-31'));
    expect(first.outcomes).toEqual([
      {
        year: Y - 3,
        size: 8,
        window12Complete: true,
        checks12: 7,
        working12: 5,
        returned12: null,
        workingRate: 71.4,
        returnedRate: null,
      },
      {
        year: Y - 2,
        size: null,
        window12Complete: true,
        checks12: null,
        working12: null,
        returned12: null,
        workingRate: null,
        returnedRate: null,
      },
      {
        year: Y - 1,
        size: 0,
        window12Complete: lastYearComplete,
        checks12: lastYearComplete ? 0 : null,
        working12: lastYearComplete ? 0 : null,
        returned12: lastYearComplete ? 0 : null,
        workingRate: null,
        returnedRate: null,
      },
      {
        year: Y,
        size: 5,
        window12Complete: false,
        checks12: null,
        working12: null,
        returned12: null,
        workingRate: null,
        returnedRate: null,
      },
    ]);
  });

  it('counts the program’s organizations, agreements and meetings, never hidden even when small', () => {
    expect(first.program).toEqual({
      villagesHosting: 2,
      partnersWithOpportunity: 2,
      agreementsInForce: 2,
      meetingsHeld: 2,
    });
  });

  it('publishes no group from which a hidden cell could be worked out by subtraction', () => {
    // The check itself catches a lone hidden cell, and a total worked out from the other breakdown.
    const lone = structuredClone(first);
    lone.placements.byVillage = lone.placements.byVillage.map((row) =>
      row.name === 'Kelurahan Manyaran' ? { ...row, count: 2 } : row,
    );
    expect(revealed(lone)).toContain('byVillage: exactly one hidden cell');
    const totalOnly = structuredClone(first);
    totalOnly.placements.total = null;
    totalOnly.placements.byVillage = totalOnly.placements.byVillage.map((row) => ({ ...row, count: null }));
    expect(revealed(totalOnly)).toEqual(['bySector: exactly one hidden cell', 'total is determined']);
    expect(revealed(first)).toEqual([]);
    for (const group of groupsOf(first)) {
      const hidden = [group.total, ...group.members].filter((count) => count === null).length;
      expect(hidden === 0 || hidden >= 2).toBe(true);
    }
  });

  it('holds no name, NIK or date of a person, no partner name, no date but asOf', () => {
    const json = JSON.stringify(first);
    for (const person of people) {
      expect(json).not.toContain(person.name);
      expect(json).not.toContain(person.name.split(' ')[2] as string);
      expect(json).not.toContain(person.nik);
      expect(json).not.toContain(person.birthDate);
    }
    for (const name of PARTNER_NAMES) expect(json).not.toContain(name);
    expect(json).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/); // no ids either
    const dates = json.match(/\d{4}-\d{2}-\d{2}/g) ?? [];
    expect(new Set(dates)).toEqual(new Set([asOf]));
    expect(json).not.toMatch(/\d{2}\/\d{2}\/\d{4}/);
  });

  it('is in the API document, without sign-in', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operation = document.paths['/api/public/figures'].get;
    expect(operation.security).toBeUndefined();
    expect(Object.keys(operation.responses)).toEqual(['200']);
  });

  it('answers a signed-in caller the same figures (nothing personal in them)', async () => {
    const user = await createUser(t.database.db, { organizationId: LAPAS_ID, roles: ['prison_head'] });
    const session = await signIn(t.app, user.username, TEST_PASSWORD);
    const response = await session.request({ method: 'GET', url: '/api/public/figures' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual(first);
  });

  describe('cached for 10 minutes per app instance', () => {
    let changed: PublicFigures;

    it('a second call does not compute again: changed data, same answer', async () => {
      const db = t.database.db;
      // Placements become 9 = Krobokan 5 + Bongsari 4 + Manyaran 0 (garment 5 + food 4).
      await db
        .deleteFrom('placement')
        .where('id', 'in', [
          placementIds.g1a,
          placementIds.g1b,
          placementIds.g1c,
          placementIds.g1d,
        ] as string[])
        .execute();
      const foodB = await db
        .selectFrom('opportunity')
        .select('id')
        .where('village_id', '=', village.B)
        .executeTakeFirstOrThrow();
      await place('g2a', foodB.id, on(-1, '11-01'));
      const { body, response } = await figures();
      expect(body).toEqual(first);
      expect(response.headers['cache-control']).toBe('public, max-age=600');
    });

    it('a new app instance sees the change: 9 = 5 + 4 + 0 hides the 5 with the 4, never the 0', async () => {
      const app = await anotherApp();
      try {
        changed = (await figures(app)).body;
      } finally {
        await app.close();
      }
      expect(changed.placements.total).toBe(9);
      const byName = Object.fromEntries(changed.placements.byVillage.map((row) => [row.name, row.count]));
      expect(byName).toMatchObject({
        'Kelurahan Krobokan': null,
        'Kelurahan Bongsari': null,
        'Kelurahan Manyaran': 0,
        'Kelurahan Ngemplak Simongan': 0,
      });
      expect(changed.placements.byVillage.every((row) => row.count === null || row.count === 0)).toBe(true);
      expect(changed.placements.bySector).toEqual(
        SECTORS.map((sector) => ({ sector, count: sector === 'garment' || sector === 'food' ? null : 0 })),
      );
      expect(revealed(changed)).toEqual([]);
      // The rest did not move: only placements changed.
      expect({ ...changed, placements: first.placements }).toEqual(first);
    });
  });
});

describe('the published figures from the exact ones (pure)', () => {
  const raw = (overrides: Partial<RawPublicFigures> = {}): RawPublicFigures => ({
    asOf: '2026-10-31',
    funnel: {
      in_program: 40,
      in_training: 20,
      certified: 3,
      pre_release: 0,
      handed_over: 0,
      placed: 0,
      working_12_months: 0,
    },
    training: { cohortsCompleted: 1, womenTrained: 4, certificatesIssued: 0, womenCertified: 5 },
    placements: {
      total: 12,
      byVillage: [
        { code: 'a', name: 'A', count: 7 },
        { code: 'b', name: 'B', count: 3 },
        { code: 'c', name: 'C', count: 2 },
      ],
      bySector: SECTORS.map((sector) => ({ sector, count: sector === 'garment' ? 12 : 0 })),
    },
    releaseYears: [],
    program: { villagesHosting: 1, partnersWithOpportunity: 3, agreementsInForce: 0, meetingsHeld: 4 },
    ...overrides,
  });

  it('a hidden stage hides every later one, zeros included', () => {
    const shown = presentPublicFigures(raw());
    expect(shown.funnel.map((row) => row.count)).toEqual([40, 20, null, null, null, null, null]);
    expect(shown.funnel[1]).toMatchObject({ ofPrevious: 50, ofFirst: 50 });
  });

  it('shows small counts about organizations, hides those about people, shows their zeros', () => {
    const shown = presentPublicFigures(raw());
    expect(shown.program).toEqual({
      villagesHosting: 1,
      partnersWithOpportunity: 3,
      agreementsInForce: 0,
      meetingsHeld: 4,
    });
    expect(shown.training).toEqual({
      cohortsCompleted: 1,
      womenTrained: null,
      certificatesIssued: 0,
      womenCertified: 5,
    });
  });

  it('12 = 7 + 3 + 2 hides the 3 and the 2; a shared total hidden in one group is hidden in both', () => {
    const shown = presentPublicFigures(raw());
    expect(shown.placements.byVillage.map((row) => row.count)).toEqual([7, null, null]);
    expect(shown.placements.total).toBe(12);
    // Total 4 by sector (garment 4) is small: hidden, so garment goes too, and one kelurahan with it.
    const small = presentPublicFigures(
      raw({
        placements: {
          total: 4,
          byVillage: [
            { code: 'a', name: 'A', count: 4 },
            { code: 'b', name: 'B', count: 0 },
          ],
          bySector: SECTORS.map((sector) => ({ sector, count: sector === 'garment' ? 4 : 0 })),
        },
      }),
    );
    expect(small.placements.total).toBeNull();
    expect(small.placements.byVillage.map((row) => row.count)).toEqual([null, 0]);
    expect(small.placements.bySector.find((row) => row.sector === 'garment')?.count).toBeNull();
    expect(revealed(small)).toEqual([]);
  });

  it('release years: gaps filled with zero years up to asOf’s year; open windows null', () => {
    const shown = presentPublicFigures(
      raw({
        releaseYears: [
          { year: 2023, size: 20, checks12: 10, working12: 6, returned12: 0 },
          { year: 2026, size: 7, checks12: 0, working12: 0, returned12: 1 },
        ],
      }),
    );
    expect(shown.outcomes.map((row) => [row.year, row.size, row.window12Complete, row.checks12])).toEqual([
      [2023, 20, true, 10],
      [2024, 0, true, 0],
      [2025, 0, false, null],
      [2026, 7, false, null],
    ]);
    expect(shown.outcomes[0]).toMatchObject({
      working12: 6,
      returned12: 0,
      workingRate: 60,
      returnedRate: 0,
    });
  });

  it('for any counts: shown counts are exact, 1–4 never shown, no hidden cell recoverable', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 40 }));
    fc.assert(
      fc.property(
        fc.array(count, { minLength: 1, maxLength: 8 }),
        fc.array(count, { minLength: SECTORS.length, maxLength: SECTORS.length }),
        fc.array(count, { minLength: 7, maxLength: 7 }),
        (villages, sectorSeed, stages) => {
          const total = villages.reduce((sum, value) => sum + value, 0);
          // Spread the same total over the sectors, in proportions drawn from the seed.
          const weights = sectorSeed.map((value) => value + 1);
          const weightSum = weights.reduce((sum, value) => sum + value, 0);
          const sectors = weights.map((weight) => Math.floor((total * weight) / weightSum));
          sectors[0] = (sectors[0] ?? 0) + total - sectors.reduce((sum, value) => sum + value, 0);
          const funnel = Object.fromEntries(
            PUBLIC_FUNNEL_STAGES.map((stage, index) => [stage, stages[index] ?? 0]),
          ) as RawPublicFigures['funnel'];
          const input = raw({
            funnel,
            placements: {
              total,
              byVillage: villages.map((value, index) => ({
                code: `${index}`,
                name: `V${index}`,
                count: value,
              })),
              bySector: SECTORS.map((sector, index) => ({ sector, count: sectors[index] ?? 0 })),
            },
          });
          const shown = presentPublicFigures(input);
          const pairs: [number, number | null][] = [
            [total, shown.placements.total],
            ...villages.map((value, index): [number, number | null] => [
              value,
              shown.placements.byVillage[index]?.count ?? null,
            ]),
            ...sectors.map((value, index): [number, number | null] => [
              value,
              shown.placements.bySector[index]?.count ?? null,
            ]),
            ...PUBLIC_FUNNEL_STAGES.map((stage, index): [number, number | null] => [
              funnel[stage],
              shown.funnel[index]?.count ?? null,
            ]),
          ];
          for (const [exact, published] of pairs) {
            if (published !== null) expect(published).toBe(exact);
            if (exact > 0 && exact < 5) expect(published).toBeNull();
          }
          expect(revealed(shown)).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the cache (pure)', () => {
  const figuresFor = (asOfDay: string) => ({ asOf: asOfDay }) as PublicFigures;

  it('shares one computation between concurrent first requests', async () => {
    let calls = 0;
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const cache = createPublicFiguresCache(async (day) => {
      calls += 1;
      await gate;
      return figuresFor(day);
    });
    const both = Promise.all([cache.get('2026-10-31'), cache.get('2026-10-31')]);
    release();
    const [a, b] = await both;
    expect(a).toBe(b);
    expect(calls).toBe(1);
  });

  it('keeps an answer 10 minutes, then computes again; a new asOf computes at once', async () => {
    let clock = 0;
    let calls = 0;
    const cache = createPublicFiguresCache(
      async (day) => {
        calls += 1;
        return figuresFor(day);
      },
      { now: () => clock },
    );
    await cache.get('2026-10-31');
    clock = 10 * 60 * 1000 - 1;
    await cache.get('2026-10-31');
    expect(calls).toBe(1);
    clock = 10 * 60 * 1000;
    await cache.get('2026-10-31');
    expect(calls).toBe(2);
    expect((await cache.get('2026-11-30')).asOf).toBe('2026-11-30');
    expect(calls).toBe(3);
  });

  it('does not keep a failed computation', async () => {
    let calls = 0;
    const cache = createPublicFiguresCache(async (day) => {
      calls += 1;
      if (calls === 1) throw new Error('database down');
      return figuresFor(day);
    });
    await expect(cache.get('2026-10-31')).rejects.toThrow('database down');
    expect((await cache.get('2026-10-31')).asOf).toBe('2026-10-31');
    expect(calls).toBe(2);
  });

  it('publicAsOf is the last day of the previous month', () => {
    expect(publicAsOf('2026-11-30')).toBe('2026-10-31');
    expect(publicAsOf('2026-01-01')).toBe('2025-12-31');
    expect(publicAsOf('2024-03-15')).toBe('2024-02-29');
  });
});

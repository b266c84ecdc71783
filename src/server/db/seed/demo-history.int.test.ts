import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { HandoverList } from '../../../shared/handovers.ts';
import type { PersonList } from '../../../shared/people.ts';
import type { PlacementList } from '../../../shared/placements.ts';
import type { PrereleaseList } from '../../../shared/prerelease.ts';
import type { PublicFigures } from '../../../shared/publicFigures.ts';
import type { CaseloadResponse } from '../../../shared/supervision.ts';
import { DEMO_PASSWORD } from '../../../shared/vocabulary.ts';
import type { Database } from '../schema.ts';
import {
  DEMO_HISTORY,
  DEMO_HISTORY_COHORT_IDS,
  DEMO_HISTORY_OPPORTUNITY_IDS,
  historyAnchors,
  planDemoHistory,
  seedDemoHistory,
} from './demo-history.ts';
import { addDays, programToday } from './demo-people.ts';
import { LAPAS_ID } from './reference.ts';

// The program's history on the demo database: anonymized women who went the whole way years ago, invisible in
// the lists of people and work, present in the figures (the public page above all).

let t: TestApp;
let db: Kysely<Database>;
const today = programToday();
const as: Record<string, Session> = {};
const get = async <T>(name: string, url: string): Promise<T> => {
  const response = await (as[name] as Session).request({ method: 'GET', url });
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json() as T;
};

beforeAll(async () => {
  t = await createTestApp({ demo: true });
  db = t.database.db;
  // Seeded by the demo seed when it calls the history; else here, on top of the demo (same result).
  await db.transaction().execute((trx) => seedDemoHistory(trx));
  for (const name of ['lapas.binadik', 'kabapas', 'pk', 'kelurahan.krobokan'])
    as[name] = await signIn(t.app, name, DEMO_PASSWORD);
}, 120_000);
afterAll(() => t.close());

async function history() {
  return db
    .selectFrom('person as p')
    .innerJoin('custody as c', 'c.person_id', 'p.id')
    .selectAll('p')
    .select(['c.detention_start_date', 'c.court_decision_number', 'c.release_kind'])
    .where('p.anonymized_at', 'is not', null)
    .orderBy('p.released_on')
    .execute();
}

const monthsBefore = (date: string) =>
  (Date.parse(`${today}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000 / 30.44;

describe('demo history', () => {
  it('seeds once: a second call adds nothing', async () => {
    expect(await db.transaction().execute((trx) => seedDemoHistory(trx))).toBeNull();
    expect(await history()).toHaveLength(DEMO_HISTORY.women);
  });

  it('anonymizes every historical woman the way the retention feature does: no name, NIK or contact left', async () => {
    const rows = await history();
    expect(rows).toHaveLength(DEMO_HISTORY.women);
    for (const row of rows) {
      expect(row.organization_id).toBe(LAPAS_ID);
      expect(row.full_name).toMatch(/^Anonim-[0-9A-F]{8}$/);
      expect(row.full_name).toBe(`Anonim-${row.id.replaceAll('-', '').slice(0, 8).toUpperCase()}`);
      expect(row.aliases).toEqual([]);
      for (const field of [
        'nik',
        'phone',
        'guarantor',
        'domicile_address',
        'registration_number',
        'birth_place',
        'religion',
        'ethnicity',
        'interests',
      ] as const)
        expect(row[field], `${row.full_name} ${field}`).toBeNull();
      expect(row.birth_date?.slice(5)).toBe('07-01');
      expect(row.court_decision_number).toBeNull();
      // Statistics stay: dates, education, domicile kelurahan, sentence.
      expect(row.released_on).not.toBeNull();
      expect(row.education_level).not.toBeNull();
      expect(row.domicile_village_code).not.toBeNull();
      // After the end of supervision (or of the sentence after a return, or the release at expiry).
      const basis =
        row.returned_on ??
        (row.release_kind === 'parole' ? row.supervision_end_date : row.released_on) ??
        row.released_on;
      expect(
        new Date(row.anonymized_at as Date).toISOString().slice(0, 10) > (basis as string),
        row.full_name,
      ).toBe(true);
      expect(new Date(row.anonymized_at as Date).toISOString().slice(0, 10) < today).toBe(true);
    }
    const ids = rows.map((row) => row.id);
    const certificates = await db
      .selectFrom('certificate')
      .select('number')
      .where('person_id', 'in', ids)
      .execute();
    expect(certificates).toHaveLength(DEMO_HISTORY.certified);
    expect(certificates.every((c) => c.number.startsWith('[dihapus] '))).toBe(true);
    const notes = await db
      .selectFrom('training_enrolment')
      .select(['note', 'decision_reason', 'end_note'])
      .where('person_id', 'in', ids)
      .execute();
    expect(notes.every((n) => n.note === null && n.decision_reason === null && n.end_note === null)).toBe(
      true,
    );
    // Her placements ended (the anonymization ends running ones); partners' links with them.
    const placements = await db
      .selectFrom('placement')
      .select(['stage', 'ended_on', 'outcome_note'])
      .where('person_id', 'in', ids)
      .execute();
    expect(placements).toHaveLength(DEMO_HISTORY.placements);
    expect(
      placements.every((p) => p.stage === 'ended' && p.ended_on !== null && p.outcome_note === null),
    ).toBe(true);
    const links = await db
      .selectFrom('person_link')
      .select(['kind', 'active'])
      .where('person_id', 'in', ids)
      .where('kind', 'in', ['proposal', 'placement', 'handover'])
      .execute();
    expect(links.every((l) => !l.active)).toBe(true);
    const events = await db
      .selectFrom('person_event')
      .select('person_id')
      .where('kind', '=', 'person.anonymized')
      .execute();
    expect(new Set(events.map((e) => e.person_id))).toEqual(new Set(ids));
  });

  it('spans the years: detention 2–5 years back, releases from about three years to eight months ago', async () => {
    const rows = await history();
    const released = rows.map((row) => monthsBefore(row.released_on as string));
    expect(Math.max(...released)).toBeGreaterThanOrEqual(24);
    expect(Math.max(...released)).toBeLessThanOrEqual(48);
    expect(Math.min(...released)).toBeGreaterThanOrEqual(7.5);
    expect(released.filter((months) => months < 12.5).length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      const detained = monthsBefore(row.detention_start_date as string);
      expect(detained, row.full_name).toBeGreaterThanOrEqual(12);
      expect(detained, row.full_name).toBeLessThanOrEqual(61);
    }
    // Parole for those handed over (accepted, ended at the end of supervision or on a return).
    const handovers = await db
      .selectFrom('handover')
      .select(['status', 'person_id'])
      .where(
        'person_id',
        'in',
        rows.map((row) => row.id),
      )
      .execute();
    expect(handovers).toHaveLength(DEMO_HISTORY.onParole);
    expect(handovers.every((h) => h.status === 'ended')).toBe(true);
    const returned = rows.filter((row) => row.returned_on !== null);
    expect(returned).toHaveLength(DEMO_HISTORY.returned);
    // Three past cohorts, completed, in the existing programs.
    const cohorts = await db
      .selectFrom('training_cohort')
      .select(['id', 'name', 'status', 'end_date'])
      .where('id', 'in', Object.values(DEMO_HISTORY_COHORT_IDS))
      .execute();
    expect(cohorts).toHaveLength(3);
    expect(cohorts.every((c) => c.status === 'completed' && c.end_date < addDays(today, -365))).toBe(true);
    expect(cohorts.map((c) => c.name)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Menjahit Angkatan \d{4}$/)]),
    );
    const opportunities = await db
      .selectFrom('opportunity')
      .select(['status', 'village_id', 'sector'])
      .where('id', 'in', Object.values(DEMO_HISTORY_OPPORTUNITY_IDS))
      .execute();
    expect(opportunities.length).toBeGreaterThanOrEqual(10);
    expect(opportunities.every((o) => o.status === 'closed')).toBe(true);
    expect(new Set(opportunities.map((o) => o.village_id)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(opportunities.map((o) => o.sector)).size).toBeGreaterThanOrEqual(3);
  });

  it('stays out of the lists of people and of work: people, pre-release, placements, caseload, handovers to decide', async () => {
    const ids = new Set((await history()).map((row) => row.id));
    const visible = await db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('anonymized_at', 'is', null)
      .executeTakeFirstOrThrow();
    const people = await get<PersonList>('lapas.binadik', '/api/people?pageSize=200');
    expect(people.total).toBe(Number(visible.n));
    expect(people.items.some((item) => ids.has(item.id))).toBe(false);
    const prerelease = await get<PrereleaseList>(
      'lapas.binadik',
      '/api/prerelease?windowDays=366&pageSize=100',
    );
    expect(prerelease.items.some((item) => ids.has(item.person.id))).toBe(false);
    const board = await get<PlacementList>('lapas.binadik', '/api/placements');
    expect(board.items.some((item) => item.person && ids.has(item.person.id))).toBe(false);
    const caseload = await get<CaseloadResponse>('pk', '/api/supervision/caseload?scope=own');
    expect(caseload.items.some((item) => ids.has(item.personId))).toBe(false);
    const waiting = await get<HandoverList>('kabapas', '/api/handovers?status=sent');
    expect(waiting.items.some((item) => ids.has(item.person.id))).toBe(false);
    const village = await get<PersonList>('kelurahan.krobokan', '/api/people?pageSize=200');
    expect(village.items.some((item) => ids.has(item.id))).toBe(false);
  });

  it('gives the public page the whole path: every funnel stage, two kelurahan and two sectors of ≥ 5, a release year working at 12 months', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/public/figures' });
    expect(response.statusCode).toBe(200);
    const figures = response.json() as PublicFigures;
    expect(figures.asOf).toBe(historyAnchors(today).asOf);
    for (const row of figures.funnel) expect(row.count, row.stage).toBeGreaterThanOrEqual(5);
    const big = (rows: { count: number | null }[]) => rows.filter((row) => (row.count ?? 0) >= 5).length;
    expect(big(figures.placements.byVillage)).toBeGreaterThanOrEqual(2);
    expect(big(figures.placements.bySector)).toBeGreaterThanOrEqual(2);
    expect(figures.placements.total).toBeGreaterThanOrEqual(DEMO_HISTORY.placements);
    const complete = figures.outcomes.filter((year) => year.window12Complete && (year.working12 ?? 0) >= 5);
    expect(complete.map((year) => year.year)).toEqual(
      expect.arrayContaining([
        historyAnchors(today).lastCompleteYear - 1,
        historyAnchors(today).lastCompleteYear,
      ]),
    );
    expect(figures.training.cohortsCompleted).toBeGreaterThanOrEqual(5);
  });
});

describe('the history plan', () => {
  it('is the same for the same day, and whatever the day keeps two complete release years with ≥ 5 working', () => {
    expect(planDemoHistory('2026-11-30')).toEqual(planDemoHistory('2026-11-30'));
    for (const day of ['2026-11-30', '2027-01-01', '2027-07-15']) {
      const { asOf, lastCompleteYear } = historyAnchors(day);
      const { women } = planDemoHistory(day);
      expect(women).toHaveLength(DEMO_HISTORY.women);
      for (const year of [lastCompleteYear - 1, lastCompleteYear]) {
        expect(`${year + 1}-12-31` <= asOf).toBe(true);
        const cohort = women.filter((woman) => woman.releasedOn.startsWith(String(year)));
        const working = cohort.filter((woman) =>
          woman.checks.some(
            (check) =>
              check.window === 12 &&
              check.checkedOn <= asOf &&
              (check.workStatus === 'employed' || check.workStatus === 'self_employed'),
          ),
        );
        expect(cohort.length, `${day} ${year}`).toBeGreaterThanOrEqual(10);
        expect(working.length, `${day} ${year}`).toBeGreaterThanOrEqual(5);
      }
      for (const woman of women) {
        // Nothing after her anonymization, nothing in the future.
        expect(woman.checks.every((check) => check.checkedOn < woman.anonymizedOn)).toBe(true);
        expect(woman.anonymizedOn < day).toBe(true);
        if (woman.handover && !woman.returnedOn)
          expect(
            woman.person.supervisionEndDate && woman.person.supervisionEndDate < woman.anonymizedOn,
          ).toBe(true);
      }
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson } from '../../../../tests/factories/people.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { PrereleaseItem, PrereleaseList } from '../../../shared/prerelease.ts';
import { PATHWAYS } from '../../../shared/reintegration.ts';
import { DEFAULT_SENTENCE_RULES } from '../../../shared/sentence.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// The pre-release dashboard on a small fixed dataset (people named "Prarilis …", dates stored directly),
// then the milestone dates the people module keeps on person, through the custody, remission and rules APIs.

let t: TestApp;
let otherPrison: string;
let krobokan: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const people: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** yyyy-mm-dd, `days` after today. */
function day(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const session = (name: string) => as[name] as Session;
const call = (name: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });

/** A woman with the given stored dates, and a plan with `started` pathways started when given. */
async function woman(
  name: string,
  dates: Partial<{
    release_date: string | null;
    asimilasi_date: string;
    parole_date: string;
    conditional_leave_date: string;
    pre_release_leave_date: string;
    released_on: string;
  }>,
  plan?: { started: number; villageId?: string; acknowledged?: boolean; nextReviewOn?: string },
  organizationId = LAPAS_ID,
) {
  const db = t.database.db;
  const person = await createPerson(db, { fullName: `Prarilis ${name}`, organizationId });
  await db.updateTable('person').set(dates).where('id', '=', person.id).execute();
  if (plan) {
    const row = await db
      .insertInto('reintegration_plan')
      .values({
        person_id: person.id,
        organization_id: organizationId,
        intended_village_id: plan.villageId ?? null,
        guarantee_acknowledged_on: plan.acknowledged ? day(-5) : null,
        next_review_on: plan.nextReviewOn ?? null,
        // Kept in step with the pathways by the reintegration service; set by hand here.
        pathways_started: plan.started,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reintegration_pathway')
      .values(
        PATHWAYS.map((pathway, index) => ({
          plan_id: row.id,
          pathway,
          status: index < plan.started ? 'in_progress' : 'not_started',
        })),
      )
      .execute();
  }
  people[name] = person.id;
  return person.id;
}

async function dashboard(query: string, by = 'binadik') {
  const response = await call(by, 'GET', `/api/prerelease?q=Prarilis&${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PrereleaseList;
}
const names = (list: PrereleaseList) =>
  list.items.map((item) => item.person.displayName.replace('Prarilis ', ''));
const itemOf = (list: PrereleaseList, name: string) =>
  list.items.find((item) => item.person.id === people[name]) as PrereleaseItem;

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  otherPrison = (await createOrganization(db, { kind: 'prison', name: 'Lapas Uji Lain' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('otherPrison', otherPrison, ['prison_binadik']);
  await user('head', BAPAS_ID, ['probation_head']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', krobokan, ['village_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('partner', (await createOrganization(db, { kind: 'partner' })).id, ['partner_staff']);
  await user('admin', LAPAS_ID, ['system_admin']);

  // Ani: leaves in 10 days, a plan a quarter done, nothing else ready.
  await woman('Ani', { release_date: day(10) }, { started: 2 });
  // Bunga: leaves in 200 days, but her asimilasi is in 40; a plan due for review.
  await woman(
    'Bunga',
    { release_date: day(200), asimilasi_date: day(40) },
    { started: 8, nextReviewOn: day(3) },
  );
  // Citra: PB in 5 days, release in 60; a complete plan, handed over and accepted (below).
  await woman(
    'Citra',
    { release_date: day(60), parole_date: day(5) },
    { started: 8, villageId: krobokan, acknowledged: true },
  );
  // Dewi: release in 120 days only; no plan.
  await woman('Dewi', { release_date: day(120) });
  // Eka: no plan, leaves in 30 days (a plan_missing task and no handover).
  await woman('Eka', { release_date: day(30) });
  // Out of the dashboard: released already; release past; CB in 30 days but released; another prison's.
  await woman('Fajar', { release_date: day(10), released_on: day(-2) });
  await woman('Gita', { release_date: day(-1) });
  await woman('Hana', { release_date: day(15) }, undefined, otherPrison);

  const sent = await call('binadik', 'POST', `/api/people/${people.Citra}/handovers`, {
    toOrganizationId: BAPAS_ID,
  });
  expect(sent.statusCode, sent.body).toBe(201);
  const accepted = await call('head', 'POST', `/api/handovers/${sent.json().id}/accept`, {
    officerUserId: ids.pk,
    version: 1,
  });
  expect(accepted.statusCode, accepted.body).toBe(200);
});
afterAll(() => t.close());

describe('the dashboard', () => {
  it('lists who reaches a milestone within the window, earliest first, with her readiness', async () => {
    const list = await dashboard('');
    expect(list).toMatchObject({ windowDays: 90, today: today(), total: 4, page: 1 });
    expect(names(list)).toEqual(['Citra', 'Ani', 'Eka', 'Bunga']);

    expect(itemOf(list, 'Ani')).toEqual({
      person: { id: people.Ani, displayName: 'Prarilis Ani', registrationNumber: expect.any(String) },
      releaseDate: day(10),
      milestones: [{ kind: 'release', date: day(10), daysToGo: 10 }],
      journeyStatus: 'pre_release',
      completeness: 25,
      missing: [
        { item: 'pathways_not_started', count: 6 },
        { item: 'no_intended_village' },
        { item: 'guarantee_not_acknowledged' },
        { item: 'no_handover' },
      ],
      handover: { state: 'none', organization: null, officerName: null },
      tasksDue: 0,
    });
    expect(itemOf(list, 'Citra')).toMatchObject({
      milestones: [
        { kind: 'parole', date: day(5), daysToGo: 5 },
        { kind: 'release', date: day(60), daysToGo: 60 },
      ],
      completeness: 100,
      missing: [],
      handover: { state: 'accepted', organization: { id: BAPAS_ID }, officerName: 'Petugas pk' },
      tasksDue: 0,
    });
    expect(itemOf(list, 'Bunga')).toMatchObject({
      milestones: [{ kind: 'asimilasi', date: day(40), daysToGo: 40 }],
      journeyStatus: 'in_custody',
      completeness: 100,
      // Her review is due in 3 days.
      tasksDue: 1,
    });
    expect(itemOf(list, 'Eka')).toMatchObject({
      completeness: null,
      missing: [{ item: 'no_plan' }, { item: 'no_handover' }],
      // Her plan is missing within the pre-release window.
      tasksDue: 1,
    });

    const logged = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'prerelease.listed')
      .where('actor_user_id', '=', ids.binadik as string)
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(new Set(logged.details.shown as string[])).toEqual(
      new Set([people.Ani, people.Bunga, people.Citra, people.Eka]),
    );
  });

  it('widens and narrows the window, and filters by milestone', async () => {
    expect(names(await dashboard('windowDays=180'))).toEqual(['Citra', 'Ani', 'Eka', 'Bunga', 'Dewi']);
    expect(names(await dashboard('windowDays=7'))).toEqual(['Citra']);
    expect(names(await dashboard('milestone=release'))).toEqual(['Ani', 'Eka', 'Citra']);
    expect(names(await dashboard('milestone=asimilasi'))).toEqual(['Bunga']);
    expect(names(await dashboard('milestone=parole'))).toEqual(['Citra']);
    expect(names(await dashboard('milestone=cb'))).toEqual([]);
    // The window counts from today: a date 200 days away enters at 200.
    expect(names(await dashboard('windowDays=200&milestone=release'))).toEqual([
      'Ani',
      'Eka',
      'Citra',
      'Dewi',
      'Bunga',
    ]);
  });

  it('filters by journey status, handover state and name, sorts and pages', async () => {
    expect(names(await dashboard('status=pre_release'))).toEqual(['Citra', 'Ani', 'Eka']);
    expect(names(await dashboard('status=in_custody'))).toEqual(['Bunga']);
    expect(names(await dashboard('handover=accepted'))).toEqual(['Citra']);
    expect(names(await dashboard('handover=none'))).toEqual(['Ani', 'Eka', 'Bunga']);
    expect(names((await call('binadik', 'GET', '/api/prerelease?q=prarilis%20eka')).json())).toEqual(['Eka']);

    expect(names(await dashboard('sort=name'))).toEqual(['Ani', 'Bunga', 'Citra', 'Eka']);
    expect(names(await dashboard('sort=name&order=desc'))).toEqual(['Eka', 'Citra', 'Bunga', 'Ani']);
    // Completeness: no plan counts lowest; ties by name.
    expect(names(await dashboard('sort=completeness&order=desc'))).toEqual(['Bunga', 'Citra', 'Ani', 'Eka']);
    expect(names(await dashboard('sort=completeness'))).toEqual(['Eka', 'Ani', 'Bunga', 'Citra']);
    expect(names(await dashboard('sort=date&order=desc'))).toEqual(['Bunga', 'Eka', 'Ani', 'Citra']);

    const second = await dashboard('sort=name&pageSize=3&page=2');
    expect(second).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(names(second)).toEqual(['Eka']);

    const bad = await call('binadik', 'GET', '/api/prerelease?windowDays=0&milestone=pb');
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['milestone', 'windowDays']);
  });

  it('shows each organization its own people: the prison its own, the Bapas those handed over or referred', async () => {
    expect(names(await dashboard('', 'otherPrison'))).toEqual(['Hana']);
    expect(names(await dashboard('', 'head'))).toEqual(['Citra']);
    expect(names(await dashboard('', 'pk'))).toEqual(['Citra']);
    await t.database.db
      .insertInto('person_link')
      .values({ person_id: people.Ani as string, organization_id: BAPAS_ID, kind: 'referral' })
      .execute();
    expect(names(await dashboard('', 'head'))).toEqual(['Citra', 'Ani']);
    for (const name of ['kelurahan', 'viewer', 'partner', 'admin']) {
      const response = await call(name, 'GET', '/api/prerelease');
      expect(response.statusCode, name).toBe(403);
    }
  });
});

describe('the milestone dates kept on person', () => {
  const stored = (personId: string) =>
    t.database.db
      .selectFrom('person')
      .select([
        'release_date',
        'asimilasi_date',
        'parole_date',
        'conditional_leave_date',
        'pre_release_leave_date',
      ])
      .where('id', '=', personId)
      .executeTakeFirstOrThrow();
  const engineDates = async (personId: string) => {
    const view = (await call('binadik', 'GET', `/api/people/${personId}/custody`)).json();
    const dateOf = (key: string) =>
      view.milestones.items.find((item: { key: string }) => item.key === key)?.date ?? null;
    return {
      release_date: view.milestones.releaseDate,
      asimilasi_date: dateOf('asimilasi'),
      parole_date: dateOf('parole'),
      conditional_leave_date: dateOf('cb'),
      pre_release_leave_date: dateOf('cmb'),
    };
  };

  it('follows the sentence and its remissions, by the sentence alone (behaviour does not remove a date)', async () => {
    const person = await createPerson(t.database.db, { fullName: 'Tanggal Uji' });
    // 14 months: short enough for CB (≤ 18 months).
    const saved = await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      sentenceYears: 1,
      sentenceMonths: 2,
      detentionStartDate: '2026-01-05',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const first = await stored(person.id);
    expect(first).toEqual(await engineDates(person.id));
    expect(first.release_date).toBe('2027-03-05');
    expect(first.asimilasi_date).not.toBeNull();
    expect(first.parole_date).not.toBeNull();
    expect(first.conditional_leave_date).not.toBeNull();
    // CMB lasts as long as the last remission: none yet.
    expect(first.pre_release_leave_date).toBeNull();

    const remission = await call('binadik', 'POST', `/api/people/${person.id}/remissions`, {
      kind: 'general',
      days: 30,
      decreeDate: '2026-08-17',
    });
    expect(remission.statusCode, remission.body).toBe(200);
    const second = await stored(person.id);
    expect(second).toEqual(await engineDates(person.id));
    expect(second.release_date).toBe('2027-02-03');
    expect(second.pre_release_leave_date).not.toBeNull();

    // A poor SPPN score makes her ineligible on her record, but the dashboard keeps the date.
    const score = await call('binadik', 'PUT', `/api/people/${person.id}/behaviour-scores`, {
      month: '2026-05',
      score: 40,
    });
    expect([200, 201], score.body).toContain(score.statusCode);
    const view = (await call('binadik', 'GET', `/api/people/${person.id}/custody`)).json();
    const asimilasi = view.milestones.items.find((item: { key: string }) => item.key === 'asimilasi');
    expect(asimilasi.status).toBe('not_eligible');
    expect(asimilasi.date).toBeNull();
    const custodyVersion = view.custody.version as number;
    await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      sentenceYears: 1,
      sentenceMonths: 2,
      detentionStartDate: '2026-01-05',
      version: custodyVersion,
    });
    expect(await stored(person.id)).toEqual(second);
  });

  it('is null for a life sentence', async () => {
    const person = await createPerson(t.database.db, { fullName: 'Seumur Uji' });
    const saved = await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      sentenceKind: 'life',
      detentionStartDate: '2020-01-05',
      version: 0,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await stored(person.id)).toEqual({
      release_date: null,
      asimilasi_date: null,
      parole_date: null,
      conditional_leave_date: null,
      pre_release_leave_date: null,
    });
  });

  it('is recomputed for everyone with a custody record when the sentence rules change', async () => {
    const person = await createPerson(t.database.db, { fullName: 'Aturan Uji' });
    await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      sentenceYears: 3,
      detentionStartDate: '2025-01-10',
      version: 0,
    });
    const before = await stored(person.id);
    const rules = (await call('admin', 'GET', '/api/rules/sentence')).json();
    const saved = await call('admin', 'PUT', '/api/rules/sentence', {
      rules: {
        ...DEFAULT_SENTENCE_RULES,
        asimilasi: { ...DEFAULT_SENTENCE_RULES.asimilasi, fraction: { numerator: 1, denominator: 3 } },
      },
      note: 'Uji: asimilasi pada 1/3',
      version: rules.version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const after = await stored(person.id);
    // No remission: only the asimilasi date moves, to one third of the sentence (365 days after the start).
    expect(after).toEqual({ ...before, asimilasi_date: '2026-01-10' });
    expect(after).toEqual(await engineDates(person.id));
  });
});

describe('a Bapas that sees her through a referral', () => {
  it('is not told of her handover to another Bapas (its name, its PK, its state)', async () => {
    const db = t.database.db;
    const otherBapas = (await createOrganization(db, { kind: 'probation', name: 'Bapas Rujukan Lain' })).id;
    await user('otherHead', otherBapas, ['probation_head']);
    await user('otherPk', otherBapas, ['probation_officer']);
    await woman('Ida', { release_date: day(12) }, { started: 1 });
    const sent = await call('binadik', 'POST', `/api/people/${people.Ida}/handovers`, {
      toOrganizationId: otherBapas,
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const accepted = await call('otherHead', 'POST', `/api/handovers/${sent.json().id}/accept`, {
      officerUserId: ids.otherPk,
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    await db
      .insertInto('person_link')
      .values({ person_id: people.Ida as string, organization_id: BAPAS_ID, kind: 'referral' })
      .execute();

    const atReferredBapas = itemOf(await dashboard('', 'head'), 'Ida');
    expect(atReferredBapas.handover).toEqual({ state: 'none', organization: null, officerName: null });
    expect(atReferredBapas.tasksDue).toBe(0);
    // The Bapas it went to, and the prison, see it.
    expect(itemOf(await dashboard('', 'otherHead'), 'Ida').handover).toEqual({
      state: 'accepted',
      organization: { id: otherBapas, name: 'Bapas Rujukan Lain' },
      officerName: 'Petugas otherPk',
    });
    expect(itemOf(await dashboard(''), 'Ida').handover).toMatchObject({
      state: 'accepted',
      organization: { id: otherBapas },
    });
    // The handover= filter reads the same handover as the row (its own query over all the handovers).
    const has = (list: PrereleaseList) => list.items.some((item) => item.person.id === people.Ida);
    expect(has(await dashboard('handover=none', 'head'))).toBe(true);
    expect(has(await dashboard('handover=accepted', 'head'))).toBe(false);
    expect(has(await dashboard('handover=accepted', 'otherHead'))).toBe(true);
    expect(has(await dashboard('handover=none', 'otherHead'))).toBe(false);
    expect(has(await dashboard('handover=accepted'))).toBe(true);
  });
});

import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { ReintegrationPlanView } from '../../../shared/reintegration.ts';
import { LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';
import { planCompletenessSql, planStartedSql, planSummary } from './reintegration.summary.ts';

// Reintegration plans through the API: making a plan, pathway and need status history, goals and steps,
// reviews, the PDF, who may read and change it (prison, Bapas linked or not, kelurahan and kecamatan with or
// without the 'plan' consent, partner, viewer), bad input and version conflicts.

let t: TestApp;
let krobokan: { id: string; parent_id: string | null };
let bapas: string;
let partner: string;
const as: Record<string, Session> = {};
let personId: string;

async function user(name: string, organizationId: string, roles: RoleCode[], language: 'id' | 'en' = 'id') {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  if (language === 'en')
    await t.database.db.updateTable('app_user').set({ language }).where('id', '=', created.id).execute();
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

const session = (name: string) => as[name] as Session;
const send = (name: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });
const planUrl = (id = personId) => `/api/people/${id}/reintegration-plan`;

async function view(name = 'binadik', id = personId) {
  const response = await send(name, 'GET', planUrl(id));
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReintegrationPlanView;
}

function pathwayOf(result: ReintegrationPlanView, pathway: string) {
  const found = result.plan?.pathways.find((item) => item.pathway === pathway);
  if (!found) throw new Error(`no pathway ${pathway}`);
  return found;
}

/** The plan's stored started count and the count of her started pathways, read from the tables. */
async function startedCounts(id = personId) {
  const row = await t.database.db
    .selectFrom('reintegration_plan as rp')
    .select([
      'rp.pathways_started as stored',
      sql<number>`(select count(*)::int from reintegration_pathway x
        where x.plan_id = rp.id and x.status <> 'not_started')`.as('counted'),
    ])
    .where('rp.person_id', '=', id)
    .executeTakeFirstOrThrow();
  return { stored: Number(row.stored), counted: Number(row.counted) };
}

const releaseDate = addDays(today(), 60);

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = await villageByCode(db, '33.74.13.1013');
  bapas = (await createOrganization(db, { kind: 'probation', name: 'Bapas Uji' })).id;
  partner = (await createOrganization(db, { kind: 'partner', name: 'Mitra Uji Rencana' })).id;
  const otherPrison = (await createOrganization(db, { kind: 'prison', name: 'Lapas Uji Lain' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('otherPrison', otherPrison, ['prison_binadik']);
  await user('english', LAPAS_ID, ['prison_head'], 'en');
  await user('bapasHead', bapas, ['probation_head']);
  await user('officer', bapas, ['probation_officer']);
  await user('kelurahan', krobokan.id, ['village_staff']);
  await user('kecamatan', krobokan.parent_id as string, ['district_staff']);
  await user('partner', partner, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  const person = await createPerson(db, {
    fullName: 'Sri Rahayu Uji',
    releaseDate,
    intendedVillageId: krobokan.id,
    custody: {},
  });
  personId = person.id;
  await db
    .updateTable('person')
    .set({ guarantor: JSON.stringify({ name: 'Bu Sumi', relation: 'Ibu', address: null, phone: null }) })
    .where('id', '=', personId)
    .execute();
});
afterAll(() => t.close());

describe('making a plan', () => {
  it('shows no plan yet, with what is missing, and lets corrections staff make one', async () => {
    const before = await view();
    expect(before.plan).toBeNull();
    expect(before.canCreate).toBe(true);
    expect(before.completeness.percent).toBe(0);
    expect(before.completeness.missing.map((item) => item.item)).toEqual(['no_plan']);
    expect(before.person.registrationNumber).not.toBeNull();

    const response = await send('binadik', 'POST', planUrl(), { summary: 'Rencana awal' });
    expect(response.statusCode, response.body).toBe(201);
    const created = response.json() as ReintegrationPlanView;
    expect(created.plan?.pathways.map((item) => item.pathway)).toEqual([
      'identity_documents',
      'housing',
      'family_children',
      'health',
      'skills_work',
      'finance',
      'attitudes_behaviour',
      'legal_obligations',
    ]);
    expect(created.plan?.pathways.every((item) => item.status === 'not_started')).toBe(true);
    expect(await startedCounts()).toEqual({ stored: 0, counted: 0 });
    expect(created.plan?.intendedVillage?.id).toBe(krobokan.id);
    expect(created.plan?.guarantor?.name).toBe('Bu Sumi');
    expect(created.canCreate).toBe(false);
    expect(created.canManage).toBe(true);
    expect(created.completeness.missing).toEqual([
      { item: 'pathways_not_started', count: 8 },
      { item: 'guarantee_not_acknowledged' },
    ]);

    const again = await send('binadik', 'POST', planUrl(), {});
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('REINTEGRATION_PLAN_EXISTS');

    const events = await t.database.db
      .selectFrom('person_event')
      .select(['kind', 'visibility'])
      .where('person_id', '=', personId)
      .where('kind', '=', 'reintegration.plan_created')
      .execute();
    expect(events).toEqual([{ kind: 'reintegration.plan_created', visibility: 'corrections' }]);
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', personId)
      .where('action', 'in', ['reintegration.created', 'reintegration.viewed'])
      .execute();
    expect(audits.map((row) => row.action).sort()).toEqual(['reintegration.created', 'reintegration.viewed']);
  });

  it('refuses a plan once her supervision has ended or she was freed without it, and changes before a plan exists', async () => {
    const done = await createPerson(t.database.db, { releaseDate: '2025-01-01' });
    await t.database.db
      .updateTable('person')
      .set({ released_on: '2025-01-01', supervision_end_date: '2025-06-01' })
      .where('id', '=', done.id)
      .execute();
    expect((await view('binadik', done.id)).canCreate).toBe(false);
    const response = await send('binadik', 'POST', planUrl(done.id), {});
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('REINTEGRATION_PERSON_DONE');

    // Freed without supervision: release passed with none recorded, or released with no supervision end.
    const freed = await createPerson(t.database.db, { releaseDate: addDays(today(), -1) });
    const releasedFree = await createPerson(t.database.db, { releaseDate: addDays(today(), -10) });
    await t.database.db
      .updateTable('person')
      .set({ released_on: addDays(today(), -10) })
      .where('id', '=', releasedFree.id)
      .execute();
    for (const id of [freed.id, releasedFree.id]) {
      const refused = await send('binadik', 'POST', planUrl(id), {});
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.code).toBe('REINTEGRATION_PERSON_DONE');
    }
    // Her release day, or released under supervision: a plan may still be made.
    const releaseDay = await createPerson(t.database.db, { releaseDate: today() });
    const supervised = await createPerson(t.database.db, { releaseDate: addDays(today(), -10) });
    await t.database.db
      .updateTable('person')
      .set({ released_on: addDays(today(), -10), supervision_end_date: addDays(today(), 300) })
      .where('id', '=', supervised.id)
      .execute();
    // Freshly released under an accepted handover, her supervision end not yet recorded. (A handover needs a
    // plan: this row borrows the first person's plan, as only its status matters here.)
    const client = await createPerson(t.database.db, { releaseDate: addDays(today(), -3) });
    await t.database.db
      .updateTable('person')
      .set({ released_on: addDays(today(), -3) })
      .where('id', '=', client.id)
      .execute();
    const borrowed = (await view()).plan?.id as string;
    await t.database.db
      .insertInto('handover')
      .values({
        person_id: client.id,
        from_organization_id: LAPAS_ID,
        to_organization_id: bapas,
        plan_id: borrowed,
        status: 'accepted',
        package: JSON.stringify({}),
        sent_by_name: 'Petugas Uji',
      })
      .execute();
    for (const id of [releaseDay.id, supervised.id, client.id]) {
      expect((await view('binadik', id)).canCreate).toBe(true);
      const made = await send('binadik', 'POST', planUrl(id), {});
      expect(made.statusCode, made.body).toBe(201);
    }

    const noPlan = await createPerson(t.database.db, {});
    const patch = await send('binadik', 'PUT', `${planUrl(noPlan.id)}/pathways/housing`, {
      status: 'done',
      version: 1,
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('REINTEGRATION_PLAN_NOT_FOUND');
    const pdf = await send('binadik', 'GET', `/api/people/${noPlan.id}/reintegration-plan.pdf`);
    expect(pdf.statusCode).toBe(404);
  });
});

describe('pathways and their history', () => {
  it('keeps every status change, counts completeness, refuses a stale version', async () => {
    const first = await send('binadik', 'PUT', `${planUrl()}/pathways/housing`, {
      status: 'support_required',
      note: 'Rumah orang tua belum siap',
      version: 1,
    });
    expect(first.statusCode, first.body).toBe(200);
    let result = first.json() as ReintegrationPlanView;
    expect(pathwayOf(result, 'housing')).toMatchObject({ status: 'support_required', version: 2 });
    expect(result.completeness.percent).toBe(13);
    expect(result.completeness.started).toBe(1);

    const stale = await send('binadik', 'PUT', `${planUrl()}/pathways/housing`, {
      status: 'done',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    // A note alone is no status change: no history row.
    result = (
      await send('binadik', 'PUT', `${planUrl()}/pathways/housing`, {
        status: 'support_required',
        note: 'Menunggu survei rumah',
        version: 2,
      })
    ).json();
    result = (
      await send('binadik', 'PUT', `${planUrl()}/pathways/housing`, {
        status: 'in_progress',
        note: 'Survei selesai',
        version: 3,
      })
    ).json();
    const housing = pathwayOf(result, 'housing');
    expect(housing.note).toBe('Survei selesai');
    expect(housing.history.map((change) => [change.fromStatus, change.toStatus, change.note])).toEqual([
      ['support_required', 'in_progress', 'Survei selesai'],
      ['not_started', 'support_required', 'Rumah orang tua belum siap'],
    ]);
    expect(housing.history[0]?.changedBy).toBe('Petugas binadik');

    for (const pathway of ['identity_documents', 'health', 'legal_obligations']) {
      const response = await send('binadik', 'PUT', `${planUrl()}/pathways/${pathway}`, {
        status: 'done',
        version: 1,
      });
      expect(response.statusCode, response.body).toBe(200);
      result = response.json();
    }
    expect(result.completeness.percent).toBe(50);
    expect(result.completeness.missing).toContainEqual({ item: 'pathways_not_started', count: 4 });
    expect(await startedCounts()).toEqual({ stored: 4, counted: 4 });
  });

  it('keeps the started count on the plan in step with every status change, back to not_started too', async () => {
    const put = async (pathway: string, status: string, version: number) => {
      const response = await send('binadik', 'PUT', `${planUrl()}/pathways/${pathway}`, { status, version });
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as ReintegrationPlanView;
    };
    // Back to not_started: one fewer.
    let result = await put('health', 'not_started', 2);
    expect(await startedCounts()).toEqual({ stored: 3, counted: 3 });
    expect(result.completeness.started).toBe(3);
    // A change between two started statuses leaves it; a stale one changes nothing.
    await put('health', 'in_progress', 3);
    await put('health', 'done', 4);
    const stale = await send('binadik', 'PUT', `${planUrl()}/pathways/health`, {
      status: 'not_started',
      version: 3,
    });
    expect(stale.statusCode).toBe(409);
    result = await view();
    expect(await startedCounts()).toEqual({ stored: 4, counted: 4 });
    expect(result.completeness.started).toBe(4);
  });

  it('adds needs with who is responsible and keeps their status changes', async () => {
    const wrongKind = await send('binadik', 'POST', `${planUrl()}/needs`, {
      pathway: 'housing',
      description: 'Surat keterangan domisili',
      responsibleKind: 'partner',
      responsibleOrganizationId: krobokan.id,
    });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.fields).toHaveProperty('responsibleOrganizationId');

    const created = await send('binadik', 'POST', `${planUrl()}/needs`, {
      pathway: 'housing',
      description: 'Surat keterangan domisili',
      responsibleKind: 'village',
      responsibleOrganizationId: krobokan.id,
      dueOn: addDays(today(), 20),
    });
    expect(created.statusCode, created.body).toBe(201);
    let need = pathwayOf(created.json(), 'housing').needs[0];
    expect(need).toMatchObject({
      description: 'Surat keterangan domisili',
      responsibleKind: 'village',
      responsibleOrganization: { id: krobokan.id },
      status: 'open',
      version: 1,
    });

    const updated = await send('binadik', 'PATCH', `${planUrl()}/needs/${need?.id}`, {
      status: 'done',
      note: 'Surat sudah terbit',
      version: 1,
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const housing = pathwayOf(updated.json(), 'housing');
    need = housing.needs[0];
    expect(need?.status).toBe('done');
    const needHistory = housing.history.filter((change) => change.needId === need?.id);
    expect(needHistory.map((change) => [change.fromStatus, change.toStatus])).toEqual([
      ['open', 'done'],
      [null, 'open'],
    ]);

    const stale = await send('binadik', 'PATCH', `${planUrl()}/needs/${need?.id}`, {
      status: 'cancelled',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    const unknown = await send('binadik', 'PATCH', `${planUrl()}/needs/${crypto.randomUUID()}`, {
      status: 'cancelled',
      version: 1,
    });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('REINTEGRATION_NEED_NOT_FOUND');
  });
});

describe('goals and steps', () => {
  it('sets the target from her release and the horizon, keeps ordered steps, ticks them done', async () => {
    const response = await send('binadik', 'POST', `${planUrl()}/goals`, {
      pathway: 'skills_work',
      title: 'Bekerja di usaha jahit',
      horizonMonths: 6,
      steps: [
        { title: 'Ikut pelatihan menjahit' },
        { title: 'Magang di mitra', dueOn: addDays(today(), 90) },
      ],
    });
    expect(response.statusCode, response.body).toBe(201);
    let goal = pathwayOf(response.json(), 'skills_work').goals[0];
    expect(goal?.targetDate).toBe(addMonths(releaseDate, 6));
    expect(goal?.steps.map((step) => [step.position, step.title])).toEqual([
      [0, 'Ikut pelatihan menjahit'],
      [1, 'Magang di mitra'],
    ]);
    const [training, internship] = goal?.steps ?? [];

    // Reorder, drop the first, add a new one.
    const put = await send('binadik', 'PUT', `${planUrl()}/goals/${goal?.id}/steps`, {
      steps: [{ id: internship?.id, title: 'Magang di mitra (3 bulan)' }, { title: 'Buka usaha sendiri' }],
      version: 1,
    });
    expect(put.statusCode, put.body).toBe(200);
    goal = pathwayOf(put.json(), 'skills_work').goals[0];
    expect(goal?.version).toBe(2);
    expect(goal?.steps.map((step) => step.title)).toEqual([
      'Magang di mitra (3 bulan)',
      'Buka usaha sendiri',
    ]);
    expect(goal?.steps[0]?.id).toBe(internship?.id);

    const unknownStep = await send('binadik', 'PUT', `${planUrl()}/goals/${goal?.id}/steps`, {
      steps: [{ id: training?.id, title: 'Sudah dihapus' }],
      version: 2,
    });
    expect(unknownStep.statusCode).toBe(400);
    expect(unknownStep.json().error.fields).toHaveProperty('steps.0.id');
    const stale = await send('binadik', 'PUT', `${planUrl()}/goals/${goal?.id}/steps`, {
      steps: [],
      version: 1,
    });
    expect(stale.statusCode).toBe(409);

    const step = goal?.steps[0];
    const future = await send('binadik', 'PATCH', `${planUrl()}/goals/${goal?.id}/steps/${step?.id}`, {
      done: true,
      doneOn: addDays(today(), 3),
      version: step?.version,
    });
    expect(future.statusCode).toBe(400);
    const tick = await send('binadik', 'PATCH', `${planUrl()}/goals/${goal?.id}/steps/${step?.id}`, {
      done: true,
      version: step?.version,
    });
    expect(tick.statusCode, tick.body).toBe(200);
    goal = pathwayOf(tick.json(), 'skills_work').goals[0];
    expect(goal?.steps[0]?.doneOn).toBe(today());
    const staleTick = await send('binadik', 'PATCH', `${planUrl()}/goals/${goal?.id}/steps/${step?.id}`, {
      done: false,
      version: step?.version,
    });
    expect(staleTick.statusCode).toBe(409);

    const changed = await send('binadik', 'PATCH', `${planUrl()}/goals/${goal?.id}`, {
      status: 'achieved',
      targetDate: addMonths(releaseDate, 5),
      version: goal?.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(pathwayOf(changed.json(), 'skills_work').goals[0]).toMatchObject({
      status: 'achieved',
      targetDate: addMonths(releaseDate, 5),
    });
  });

  it('refuses bad goals', async () => {
    const horizon = await send('binadik', 'POST', `${planUrl()}/goals`, {
      pathway: 'health',
      title: 'Kontrol rutin',
      horizonMonths: 5,
    });
    expect(horizon.statusCode).toBe(400);
    expect(horizon.json().error.fields).toHaveProperty('horizonMonths');
    const extra = await send('binadik', 'POST', `${planUrl()}/goals`, {
      pathway: 'health',
      title: 'Kontrol rutin',
      horizonMonths: 3,
      priority: 'high',
    });
    expect(extra.statusCode).toBe(400);
    const badPathway = await send('binadik', 'PUT', `${planUrl()}/pathways/spirituality`, {
      status: 'done',
      version: 1,
    });
    expect(badPathway.statusCode).toBe(400);
  });
});

describe('reviews and the plan fields', () => {
  it('records reviews, the latest one setting the next review date', async () => {
    const future = await send('binadik', 'POST', `${planUrl()}/reviews`, {
      reviewedOn: addDays(today(), 1),
      summary: 'Terlalu cepat',
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.code).toBe('VALIDATION_FAILED');
    expect(future.json().error.fields.reviewedOn).toBe('Tanggal tidak boleh di masa depan.');
    const english = await send('english', 'POST', `${planUrl()}/reviews`, {
      reviewedOn: addDays(today(), 1),
      summary: 'Too early',
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.fields.reviewedOn).toBe('The date cannot be in the future.');
    const order = await send('binadik', 'POST', `${planUrl()}/reviews`, {
      reviewedOn: today(),
      summary: 'Urutan salah',
      nextReviewOn: addDays(today(), -1),
    });
    expect(order.statusCode).toBe(400);

    const response = await send('binadik', 'POST', `${planUrl()}/reviews`, {
      reviewedOn: today(),
      summary: 'Perkembangan baik',
    });
    expect(response.statusCode, response.body).toBe(201);
    let result = response.json() as ReintegrationPlanView;
    expect(result.plan?.nextReviewOn).toBe(addDays(today(), 30));
    // A review of an earlier date entered later does not move the next review date back.
    result = (
      await send('binadik', 'POST', `${planUrl()}/reviews`, {
        reviewedOn: addDays(today(), -20),
        summary: 'Tinjauan yang terlambat dicatat',
      })
    ).json();
    expect(result.plan?.nextReviewOn).toBe(addDays(today(), 30));
    expect(result.plan?.reviews.map((review) => review.summary)).toEqual([
      'Perkembangan baik',
      'Tinjauan yang terlambat dicatat',
    ]);
    const events = await t.database.db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', personId)
      .where('kind', '=', 'reintegration.reviewed')
      .execute();
    expect(events).toHaveLength(2);
  });

  it('changes the guarantee and the intended kelurahan, with checks and versions', async () => {
    const current = await view();
    const version = current.plan?.version as number;
    const future = await send('binadik', 'PATCH', planUrl(), {
      guaranteeAcknowledgedOn: addDays(today(), 2),
      version,
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toHaveProperty('guaranteeAcknowledgedOn');
    const notVillage = await send('binadik', 'PATCH', planUrl(), { intendedVillageId: LAPAS_ID, version });
    expect(notVillage.statusCode).toBe(400);
    expect(notVillage.json().error.fields).toHaveProperty('intendedVillageId');
    const notHers = await send('binadik', 'PATCH', planUrl(), {
      guaranteeDocumentId: crypto.randomUUID(),
      placementId: crypto.randomUUID(),
      version,
    });
    expect(notHers.statusCode).toBe(400);
    expect(Object.keys(notHers.json().error.fields).sort()).toEqual(['guaranteeDocumentId', 'placementId']);

    const saved = await send('binadik', 'PATCH', planUrl(), {
      guaranteeLetterNumber: '470/12/KRB/2026',
      guaranteeAcknowledgedOn: today(),
      guaranteeAcknowledgedBy: 'Lurah Krobokan',
      version,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const result = saved.json() as ReintegrationPlanView;
    expect(result.plan?.guarantee).toMatchObject({
      letterNumber: '470/12/KRB/2026',
      acknowledgedOn: today(),
      acknowledgedBy: 'Lurah Krobokan',
    });
    expect(result.plan?.version).toBe(version + 1);
    expect(result.completeness.missing.map((item) => item.item)).not.toContain('guarantee_not_acknowledged');
    const stale = await send('binadik', 'PATCH', planUrl(), { summary: 'Lama', version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
  });
});

describe('the chosen opportunity or placement', () => {
  it('takes an open opportunity or one of her placements, and nothing else', async () => {
    const db = t.database.db;
    const closed = await createOpportunity(db, { status: 'closed' });
    const open = await createOpportunity(db, { title: 'Penjahit di Konveksi Uji' });
    const other = await createPerson(db, {});
    const hers = await createPlacement(db, { personId, opportunityId: open.id });
    const notHers = await createPlacement(db, { personId: other.id, opportunityId: open.id });
    let version = (await view()).plan?.version as number;

    const refused = await send('binadik', 'PATCH', planUrl(), { opportunityId: closed.id, version });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toHaveProperty('opportunityId');
    const wrongPlacement = await send('binadik', 'PATCH', planUrl(), { placementId: notHers.id, version });
    expect(wrongPlacement.statusCode).toBe(400);
    expect(wrongPlacement.json().error.fields).toHaveProperty('placementId');

    const chosen = await send('binadik', 'PATCH', planUrl(), { opportunityId: open.id, version });
    expect(chosen.statusCode, chosen.body).toBe(200);
    let plan = (chosen.json() as ReintegrationPlanView).plan;
    expect(plan?.opportunity).toMatchObject({ id: open.id, title: 'Penjahit di Konveksi Uji' });
    expect(plan?.placement).toBeNull();
    version = plan?.version as number;

    const placed = await send('binadik', 'PATCH', planUrl(), { placementId: hers.id, version });
    expect(placed.statusCode, placed.body).toBe(200);
    plan = (placed.json() as ReintegrationPlanView).plan;
    expect(plan?.placement).toMatchObject({ id: hers.id, stage: 'proposed' });
    expect(plan?.opportunity?.id).toBe(open.id);
  });

  it('makes one plan when two are made at once', async () => {
    const person = await createPerson(t.database.db, { releaseDate });
    const [a, b] = await Promise.all([
      send('binadik', 'POST', planUrl(person.id), {}),
      send('binadik', 'POST', planUrl(person.id), {}),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const plans = await t.database.db
      .selectFrom('reintegration_plan')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(plans).toHaveLength(1);
    const pathways = await t.database.db
      .selectFrom('reintegration_pathway')
      .select('pathway')
      .where('plan_id', '=', plans[0]?.id as string)
      .execute();
    expect(pathways).toHaveLength(8);
  });
});

describe('the PDF and the summary for others', () => {
  it('prints the plan as a PDF, audited', async () => {
    const response = await send('binadik', 'GET', `/api/people/${personId}/reintegration-plan.pdf`);
    expect(response.statusCode, response.body.slice(0, 200)).toBe(200);
    expect(response.headers['content-type']).toContain('application/pdf');
    expect(response.headers['content-disposition']).toContain('attachment');
    const body = response.rawPayload;
    expect(body.subarray(0, 4).toString()).toBe('%PDF');
    expect((body.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    const printed = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', personId)
      .where('action', '=', 'reintegration.printed')
      .execute();
    expect(printed).toHaveLength(1);
  });

  it('prints in the language of the user', async () => {
    const english = await send('english', 'GET', `/api/people/${personId}/reintegration-plan.pdf`);
    expect(english.statusCode).toBe(200);
    expect(english.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // Not the same document as the Indonesian one (labels differ), though the same plan.
    const indonesian = await send('binadik', 'GET', `/api/people/${personId}/reintegration-plan.pdf`);
    expect(english.rawPayload.length).not.toBe(indonesian.rawPayload.length);
  });

  it('gives the handover its summary and the dashboard the same completeness in SQL', async () => {
    const result = await view();
    const summary = await planSummary(t.database.db, personId);
    expect(summary?.percent).toBe(result.completeness.percent);
    expect(summary?.pathways).toHaveLength(8);
    expect(summary?.goals[0]?.title).toBe('Bekerja di usaha jahit');
    expect(summary?.intendedVillage?.id).toBe(krobokan.id);
    const row = await t.database.db
      .selectFrom('reintegration_plan as rp')
      .select([planCompletenessSql('rp').as('percent'), planStartedSql('rp').as('started')])
      .where('rp.person_id', '=', personId)
      .executeTakeFirstOrThrow();
    expect(Number(row.percent)).toBe(result.completeness.percent);
    expect(Number(row.started)).toBe(result.completeness.started);
    expect(await planSummary(t.database.db, crypto.randomUUID())).toBeNull();
  });
});

describe('the audit trail', () => {
  it('audits every change of the plan', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select('action')
      .distinct()
      .where('subject_id', '=', personId)
      .where('action', 'like', 'reintegration.%')
      .execute();
    expect(rows.map((row) => row.action).sort()).toEqual([
      'reintegration.created',
      'reintegration.goal_saved',
      'reintegration.need_saved',
      'reintegration.pathway_changed',
      'reintegration.printed',
      'reintegration.reviewed',
      'reintegration.updated',
      'reintegration.viewed',
    ]);
  });
});

describe('the API description', () => {
  it('describes the plan routes in OpenAPI', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const openapi = response.json();
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/api/people/{personId}/reintegration-plan',
        '/api/people/{personId}/reintegration-plan/pathways/{pathway}',
        '/api/people/{personId}/reintegration-plan/goals/{goalId}/steps/{stepId}',
        '/api/people/{personId}/reintegration-plan.pdf',
      ]),
    );
  });
});

describe('who may read and change a plan', () => {
  it('hides her from another prison and a Bapas she was not handed to; a linked Bapas manages it', async () => {
    expect((await send('otherPrison', 'GET', planUrl())).statusCode).toBe(404);
    expect((await send('bapasHead', 'GET', planUrl())).statusCode).toBe(404);
    expect(
      (await send('bapasHead', 'POST', `${planUrl()}/reviews`, { reviewedOn: today(), summary: 'x' }))
        .statusCode,
    ).toBe(404);
    const link = await linkPerson(t.database.db, personId, bapas, 'handover');
    const result = await view('bapasHead');
    expect(result.canManage).toBe(true);
    expect(result.restricted).toBe(false);
    expect(result.plan?.pathways).toHaveLength(8);
    // A PK of that Bapas reads and manages it too (manage:reintegration is organization-wide by design).
    const officer = await view('officer');
    expect(officer.canManage).toBe(true);
    const reviewed = await send('officer', 'POST', `${planUrl()}/reviews`, {
      reviewedOn: today(),
      summary: 'Kunjungan PK sebelum bebas',
    });
    expect(reviewed.statusCode, reviewed.body).toBe(201);
    await t.database.db.updateTable('person_link').set({ active: false }).where('id', '=', link.id).execute();
  });

  it('lets a kelurahan read a restricted plan only with the plan consent, never change it', async () => {
    // No consent: she is not visible at all.
    expect((await send('kelurahan', 'GET', planUrl())).statusCode).toBe(404);
    const consent = await giveConsent(t.database.db, personId, {
      organizationIds: [krobokan.id],
      groups: ['identity_contact', 'skills_training'],
    });
    const notShared = await send('kelurahan', 'GET', planUrl());
    expect(notShared.statusCode).toBe(403);
    expect(notShared.json().error.code).toBe('REINTEGRATION_NOT_SHARED');
    await t.database.db
      .updateTable('consent')
      .set({ withdrawn_on: today() })
      .where('id', '=', consent.id)
      .execute();

    await giveConsent(t.database.db, personId, {
      organizationIds: [krobokan.id, krobokan.parent_id as string],
      groups: ['identity_contact', 'plan'],
    });
    const result = await view('kelurahan');
    expect(result.restricted).toBe(true);
    expect(result.canManage).toBe(false);
    expect(result.canCreate).toBe(false);
    expect(result.person.registrationNumber).toBeNull();
    expect(result.plan?.pathways.map((item) => item.pathway)).not.toContain('legal_obligations');
    expect(result.plan?.pathways.map((item) => item.pathway)).not.toContain('attitudes_behaviour');
    expect(result.plan?.pathways).toHaveLength(6);
    expect(pathwayOf(result, 'housing').note).toBeNull();
    const housing = pathwayOf(result, 'housing');
    expect(housing.history.length).toBeGreaterThan(0);
    expect(housing.history.every((change) => change.note === null && change.needId === null)).toBe(true);
    // No needs at all (a need's description may be health data), though housing has one.
    expect((await view()).plan?.pathways.find((item) => item.pathway === 'housing')?.needs).toHaveLength(1);
    expect(result.plan?.pathways.every((item) => item.needs.length === 0)).toBe(true);
    expect(result.plan?.summary).toBeNull();
    expect(result.plan?.reviews.every((review) => review.summary === null)).toBe(true);
    // No completeness figure: it would tell whether the two hidden pathways are started.
    expect(result.completeness).toMatchObject({ percent: null, started: null, total: 6 });
    const missing = result.completeness.missing.find((item) => item.item === 'pathways_not_started');
    expect(missing?.count).toBe(result.plan?.pathways.filter((item) => item.status === 'not_started').length);
    const viewed = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('subject_id', '=', personId)
      .where('action', '=', 'reintegration.viewed')
      .where('actor_organization_id', '=', krobokan.id)
      .execute();
    expect(viewed.length).toBeGreaterThan(0);
    expect(viewed.every((row) => (row.details as { restricted?: boolean }).restricted === true)).toBe(true);

    const district = await view('kecamatan');
    expect(district.restricted).toBe(true);
    expect(district.plan?.pathways).toHaveLength(6);

    // No PDF, and no change of any kind.
    const current = await view();
    const need = current.plan?.pathways.find((item) => item.pathway === 'housing')?.needs[0];
    const goal = current.plan?.pathways.find((item) => item.pathway === 'skills_work')?.goals[0];
    const step = goal?.steps[0];
    const writes: ['POST' | 'PATCH' | 'PUT', string, object][] = [
      ['POST', planUrl(), {}],
      ['PATCH', planUrl(), { summary: 'x', version: current.plan?.version }],
      ['PUT', `${planUrl()}/pathways/housing`, { status: 'done', version: 4 }],
      ['POST', `${planUrl()}/needs`, { pathway: 'housing', description: 'x', responsibleKind: 'village' }],
      ['PATCH', `${planUrl()}/needs/${need?.id}`, { status: 'done', version: need?.version }],
      ['POST', `${planUrl()}/goals`, { pathway: 'housing', title: 'x', horizonMonths: 3 }],
      ['PATCH', `${planUrl()}/goals/${goal?.id}`, { status: 'dropped', version: goal?.version }],
      ['PUT', `${planUrl()}/goals/${goal?.id}/steps`, { steps: [], version: goal?.version }],
      ['PATCH', `${planUrl()}/goals/${goal?.id}/steps/${step?.id}`, { done: false, version: step?.version }],
      ['POST', `${planUrl()}/reviews`, { reviewedOn: today(), summary: 'x' }],
    ];
    for (const name of ['kelurahan', 'kecamatan', 'partner', 'viewer']) {
      const pdf = await send(name, 'GET', `/api/people/${personId}/reintegration-plan.pdf`);
      expect(pdf.statusCode, name).toBe(403);
      for (const [method, url, payload] of writes)
        expect((await send(name, method, url, payload)).statusCode, `${name} ${method} ${url}`).toBe(403);
    }
  });

  it('lets the kelurahan of her running placement read it, until the placement ends', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { releaseDate });
    expect((await send('binadik', 'POST', planUrl(person.id), {})).statusCode).toBe(201);
    await giveConsent(db, person.id, { organizationIds: [krobokan.id], groups: ['plan'] });
    // Visible to the kelurahan (consent), but not hers: no intended kelurahan, no placement.
    const notHost = await send('kelurahan', 'GET', planUrl(person.id));
    expect(notHost.statusCode).toBe(403);
    expect(notHost.json().error.code).toBe('REINTEGRATION_NOT_SHARED');
    const opportunity = await createOpportunity(db, { villageId: krobokan.id });
    const placement = await createPlacement(db, { personId: person.id, opportunityId: opportunity.id });
    const host = await view('kelurahan', person.id);
    expect(host.restricted).toBe(true);
    // Without identity_contact she is initials only, and no guarantor.
    expect(host.person.displayName).toMatch(/^W\. U\. /);
    expect(host.plan?.guarantor).toBeNull();
    await db
      .updateTable('placement')
      .set({ stage: 'ended', ended_on: today() })
      .where('id', '=', placement.id)
      .execute();
    expect((await send('kelurahan', 'GET', planUrl(person.id))).statusCode).toBe(403);
  });

  it('refuses partners and viewers', async () => {
    for (const name of ['partner', 'viewer']) {
      expect((await send(name, 'GET', planUrl())).statusCode).toBe(403);
      expect((await send(name, 'POST', planUrl(), {})).statusCode).toBe(403);
      expect((await send(name, 'GET', `/api/people/${personId}/reintegration-plan.pdf`)).statusCode).toBe(
        403,
      );
    }
  });
});

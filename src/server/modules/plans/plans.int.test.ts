import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createMatchablePerson } from '../../../../tests/factories/matching.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type {
  AdjustPlanItemResponse,
  PlanDetail,
  PlanItem,
  PlanList,
  PlanSummary,
} from '../../../shared/placementPlans.ts';
import { LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// Placement plans through the API, on a small fixed dataset: each scenario has its own release window and
// opens its own opportunities (the ones before it are closed first), and every woman consents to the
// partners of her scenario only, so the scenarios never reach each other.

let t: TestApp;
let krobokan: string;
let otherPrison: string;
const as: Record<string, Session> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  otherPrison = (await createOrganization(db, { kind: 'prison', name: 'Lapas Uji Lain' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('otherPrison', otherPrison, ['prison_binadik']);
  await user('kelurahan', krobokan, ['village_staff']);
});
afterAll(() => t.close());

const session = (name: string) => as[name] as Session;
const send = (name: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });

/** yyyy-mm-dd, `days` after today. */
function day(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

async function createPlan(windowFrom: string, windowTo: string, by = 'binadik', note?: string) {
  const response = await send(by, 'POST', '/api/plans', { windowFrom, windowTo, ...(note && { note }) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as PlanSummary;
}

async function detail(planId: string, by = 'binadik') {
  const response = await send(by, 'GET', `/api/plans/${planId}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PlanDetail;
}

const adjust = (plan: { id: string }, item: { id: string }, body: object) =>
  send('binadik', 'PATCH', `/api/plans/${plan.id}/items/${item.id}`, body);

const itemOf = (plan: PlanDetail, personId: string) =>
  plan.items.find((item) => item.person.id === personId) as PlanItem;

/** Closes every open opportunity, so a scenario weighs its own only. */
async function closeOpenOpportunities() {
  await t.database.db
    .updateTable('opportunity')
    .set({ status: 'closed', status_reason: 'Ditutup oleh uji' })
    .where('status', 'in', ['open', 'filled'])
    .execute();
}

async function partner(name: string) {
  return (await createOrganization(t.database.db, { kind: 'partner', name })).id;
}

const planPlacements = (planId: string) =>
  t.database.db
    .selectFrom('placement')
    .select([
      'person_id',
      'opportunity_id',
      'stage',
      'plan_id',
      'match_score',
      'match_rule_version',
      'match_factors',
    ])
    .where('plan_id', '=', planId)
    .orderBy('match_score', 'desc')
    .execute();

describe('access', () => {
  it('is corrections staff’s work: kelurahan staff get 403 everywhere', async () => {
    const id = '00000000-0000-4000-8000-0000000000aa';
    const calls = [
      send('kelurahan', 'POST', '/api/plans', { windowFrom: day(1), windowTo: day(30) }),
      send('kelurahan', 'GET', '/api/plans'),
      send('kelurahan', 'GET', `/api/plans/${id}`),
      send('kelurahan', 'PATCH', `/api/plans/${id}/items/${id}`, {
        opportunityId: null,
        reason: 'x',
        version: 1,
      }),
      send('kelurahan', 'POST', `/api/plans/${id}/accept`, { version: 1 }),
      send('kelurahan', 'POST', `/api/plans/${id}/discard`, { version: 1 }),
    ];
    for (const response of await Promise.all(calls)) expect(response.statusCode, response.body).toBe(403);
  });

  it('refuses a window that ends before it starts or is longer than a year, naming the field', async () => {
    const backwards = await send('binadik', 'POST', '/api/plans', { windowFrom: day(30), windowTo: day(1) });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.fields).toEqual({ windowTo: 'Akhir rentang tidak boleh sebelum awalnya.' });
    const long = await send('binadik', 'POST', '/api/plans', { windowFrom: day(1), windowTo: day(367) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.fields).toEqual({ windowTo: 'Rentang paling panjang 366 hari.' });
    const year = await send('binadik', 'POST', '/api/plans', { windowFrom: day(1), windowTo: day(366) });
    expect(year.statusCode, year.body).toBe(201);
  });
});

describe('a plan that beats greedy, accepted all or nothing', () => {
  // Two women, two places. Greedy takes the best pair first (Ani at the tailor) and leaves Bunga, who
  // consented to the tailor only, without a place; the exact plan sends Ani to the kitchen and Bunga to the
  // tailor, for a larger total and both placed.
  let tailor: { id: string };
  let kitchen: { id: string };
  let ani: { id: string };
  let bunga: { id: string };
  let hidden: { id: string };
  let plan: PlanSummary;

  beforeAll(async () => {
    const db = t.database.db;
    await closeOpenOpportunities();
    const tailorPartner = await partner('Konveksi Rencana');
    const kitchenPartner = await partner('Dapur Rencana');
    tailor = await createOpportunity(db, {
      partnerId: tailorPartner,
      villageId: krobokan,
      title: 'Penjahit Rencana',
      places: 1,
      startOn: day(80),
      skills: [{ code: 'garment.sewing' }],
    });
    kitchen = await createOpportunity(db, {
      partnerId: kitchenPartner,
      villageId: krobokan,
      title: 'Juru Masak Rencana',
      sector: 'food',
      places: 1,
      startOn: day(80),
      skills: [{ code: 'food.cooking' }],
    });
    ani = await createMatchablePerson(db, {
      fullName: 'Ani Rencana',
      releaseDate: day(65),
      skills: [
        { code: 'garment.sewing', level: 'competent', evidence: 'certified' },
        { code: 'food.cooking', level: 'intermediate', evidence: 'trained' },
      ],
      consent: { organizationIds: [tailorPartner, kitchenPartner], kinds: ['village'] },
    });
    bunga = await createMatchablePerson(db, {
      fullName: 'Bunga Rencana',
      releaseDate: day(66),
      skills: [{ code: 'garment.sewing', level: 'intermediate', evidence: 'assessed' }],
      consent: { organizationIds: [tailorPartner], kinds: ['village'] },
    });
    // Held by another prison: never in this prison's plans.
    const other = await createMatchablePerson(db, {
      fullName: 'Citra Lapas Lain',
      releaseDate: day(65),
      skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
      consent: { organizationIds: [tailorPartner, kitchenPartner], kinds: ['village'] },
    });
    await db.updateTable('person').set({ organization_id: otherPrison }).where('id', '=', other.id).execute();
    hidden = other;
  });

  it('maximizes the total under the places and reports greedy’s total beside it', async () => {
    const note = 'Untuk sidang TPP Desember:\nprioritas yang bebas lebih dulu.';
    plan = await createPlan(day(60), day(75), 'binadik', `  ${note}  `);
    expect(plan).toMatchObject({
      status: 'draft',
      note,
      windowFrom: day(60),
      windowTo: day(75),
      peopleCount: 2,
      placesCount: 2,
      assignedCount: 2,
      totalScore: 120.8,
      solverTotal: 120.8,
      solverAssigned: 2,
      greedyTotal: 68.3,
      greedyAssigned: 1,
      adjustedCount: 0,
      proposalCount: 0,
      createdBy: 'Petugas binadik',
      organization: { id: LAPAS_ID },
      version: 1,
    });
    expect(plan.totalScore).toBeGreaterThan(plan.greedyTotal);

    const shown = await detail(plan.id);
    expect(shown.hiddenCount).toBe(0);
    expect(shown.canChange).toBe(true);
    // The note is stored (trimmed) with the plan, shown with it and kept in the audit entry of its making.
    expect(shown.note).toBe(note);
    const stored = await t.database.db
      .selectFrom('placement_plan')
      .select('note')
      .where('id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(stored.note).toBe(note);
    const made = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'plan.created')
      .where('subject_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    expect(made.details).toMatchObject({ note });
    // Best score first.
    expect(shown.items.map((item) => [item.person.displayName, item.opportunity?.title, item.score])).toEqual(
      [
        ['Bunga Rencana', 'Penjahit Rencana', 63],
        ['Ani Rencana', 'Juru Masak Rencana', 57.8],
      ],
    );
    const first = shown.items[0] as PlanItem;
    expect(first).toMatchObject({
      person: { id: bunga.id, registrationNumber: expect.any(String) },
      opportunity: { id: tailor.id, partner: { name: 'Konveksi Rencana' }, village: { id: krobokan } },
      current: { status: 'eligible', score: 63, blockedBy: null, missingEssential: [] },
      solverChoice: null,
      adjusted: false,
      unassignedReason: null,
      placementId: null,
    });
    expect(first.factors.map((factor) => factor.factor)).toEqual([
      'essentialSkills',
      'optionalSkills',
      'location',
      'timing',
      'preferences',
      'villageDemand',
    ]);
    expect(first.current?.reasons.length).toBeGreaterThan(0);
    expect(first.current?.reasons[0]).toMatchObject({ text: expect.any(String), id: expect.any(String) });
    // The woman of another prison never appears, nor in the access log entry of the view.
    expect(JSON.stringify(shown)).not.toContain(hidden.id);
    const viewed = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'match.plan_viewed')
      .where('subject_id', '=', plan.id)
      .execute();
    expect(viewed).toHaveLength(1);
    const details = viewed[0]?.details as { shown: string[] } | undefined;
    expect(details?.shown.slice().sort()).toEqual([ani.id, bunga.id].sort());
    // What was shown is kept as recommendations made in a plan.
    const recorded = await t.database.db
      .selectFrom('match_recommendation')
      .select(['person_id', 'context'])
      .where('person_id', 'in', [ani.id, bunga.id])
      .execute();
    expect(recorded).toHaveLength(2);
    expect(recorded.every((row) => row.context === 'plan')).toBe(true);
  });

  it('keeps plans to their organization: another prison neither lists nor reads it, and plans its own', async () => {
    const theirs = await createPlan(day(60), day(75), 'otherPrison');
    expect(theirs).toMatchObject({ peopleCount: 1, assignedCount: 1, note: null });
    expect((await send('binadik', 'GET', `/api/plans/${theirs.id}`)).statusCode).toBe(404);
    expect((await send('otherPrison', 'GET', `/api/plans/${plan.id}`)).statusCode).toBe(404);
    const list = (await send('binadik', 'GET', '/api/plans')).json() as PlanList;
    expect(list.canPlan).toBe(true);
    expect(list.items.map((item) => item.id)).toContain(plan.id);
    expect(list.items.map((item) => item.id)).not.toContain(theirs.id);
    expect(list.items[0]).toMatchObject({
      id: plan.id,
      status: 'draft',
      totalScore: 120.8,
      greedyTotal: 68.3,
      note: expect.stringContaining('Untuk sidang TPP Desember'),
    });
  });

  it('writes nothing when one woman can no longer be proposed, and names her and why', async () => {
    const db = t.database.db;
    await db.updateTable('opportunity').set({ status: 'closed' }).where('id', '=', kitchen.id).execute();
    const refused = await send('binadik', 'POST', `/api/plans/${plan.id}/accept`, { version: plan.version });
    expect(refused.statusCode, refused.body).toBe(409);
    const error = refused.json().error;
    expect(error.code).toBe('PLAN_ITEMS_NOT_PROPOSABLE');
    expect(error.message).toContain('1 orang');
    const shown = await detail(plan.id);
    const aniItem = itemOf(shown, ani.id);
    expect(Object.keys(error.fields)).toEqual([`items.${aniItem.id}`]);
    expect(error.fields[`items.${aniItem.id}`]).toContain('Ani Rencana');
    expect(error.fields[`items.${aniItem.id}`]).toContain('Juru Masak Rencana');
    // The detail already says the pair is blocked today.
    expect(aniItem.current).toMatchObject({ status: 'blocked', blockedBy: 'open' });
    expect(aniItem.current?.reasons.at(-1)).toMatchObject({ code: 'opportunity_not_open', tone: 'negative' });
    expect(await planPlacements(plan.id)).toEqual([]);
    const stored = await db
      .selectFrom('placement')
      .select('id')
      .where('person_id', 'in', [ani.id, bunga.id])
      .execute();
    expect(stored).toEqual([]);
    expect((await detail(plan.id)).status).toBe('draft');
  });

  it('accepts: one proposal per woman with the plan, score, weights version and factors, in one go', async () => {
    const db = t.database.db;
    await db.updateTable('opportunity').set({ status: 'open' }).where('id', '=', kitchen.id).execute();
    const accepted = await send('binadik', 'POST', `/api/plans/${plan.id}/accept`, { version: plan.version });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const summary = accepted.json() as PlanSummary;
    expect(summary).toMatchObject({ status: 'accepted', proposalCount: 2, decidedBy: 'Petugas binadik' });
    expect(summary.decidedAt).not.toBeNull();
    const rows = await planPlacements(plan.id);
    expect(
      rows.map((row) => [row.person_id, row.opportunity_id, row.stage, Number(row.match_score)]),
    ).toEqual([
      [bunga.id, tailor.id, 'proposed', 63],
      [ani.id, kitchen.id, 'proposed', 57.8],
    ]);
    for (const row of rows) {
      expect(row.match_rule_version).toBe(plan.ruleVersion);
      expect(row.match_factors).toHaveLength(6);
    }
    const shown = await detail(plan.id);
    expect(shown.canChange).toBe(false);
    expect(shown.items.every((item) => item.placementId !== null)).toBe(true);
    const audits = await db
      .selectFrom('audit_log')
      .select(['action', 'details'])
      .where('action', 'in', ['plan.accepted', 'placement.proposed'])
      .where((eb) => eb.or([eb('subject_id', '=', plan.id), eb('subject_id', 'in', [ani.id, bunga.id])]))
      .execute();
    expect(audits.filter((row) => row.action === 'placement.proposed')).toHaveLength(2);
    expect(audits.find((row) => row.action === 'plan.accepted')?.details).toMatchObject({ proposals: 2 });

    // Decided: no second acceptance, no change.
    const again = await send('binadik', 'POST', `/api/plans/${plan.id}/accept`, { version: summary.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLAN_NOT_DRAFT');
    const changed = await adjust(plan, itemOf(shown, ani.id), {
      opportunityId: null,
      reason: 'Terlambat',
      version: summary.version,
    });
    expect(changed.json().error.code).toBe('PLAN_NOT_DRAFT');
  });
});

describe('why the others have no place, capacities, and adjusting', () => {
  let tailor: { id: string };
  let guarded: { id: string };
  let people: Record<'dewi' | 'eka' | 'fitri' | 'gita' | 'hana' | 'indah', { id: string }>;
  let plan: PlanDetail;

  beforeAll(async () => {
    const db = t.database.db;
    await closeOpenOpportunities();
    const tailorPartner = await partner('Konveksi Kapasitas');
    const guardedPartner = await partner('Mitra Berbatas');
    // Two places, one held by a running proposal: one place for the plan.
    tailor = await createOpportunity(db, {
      partnerId: tailorPartner,
      villageId: krobokan,
      title: 'Penjahit Kapasitas',
      places: 2,
      startOn: day(50),
      skills: [{ code: 'garment.sewing' }],
    });
    guarded = await createOpportunity(db, {
      partnerId: guardedPartner,
      villageId: krobokan,
      title: 'Penjahit Berbatas',
      places: 1,
      startOn: day(50),
      restrictedOffences: ['narcotics'],
      skills: [{ code: 'garment.sewing' }],
    });
    const consent = { organizationIds: [tailorPartner], kinds: ['village'] };
    people = {
      // The best for the tailor: placed.
      dewi: await createMatchablePerson(db, {
        fullName: 'Dewi Kapasitas',
        releaseDate: day(30),
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        consent,
      }),
      // Eligible too, but the only place went to Dewi.
      eka: await createMatchablePerson(db, {
        fullName: 'Eka Kapasitas',
        releaseDate: day(31),
        skills: [{ code: 'garment.sewing', level: 'basic', evidence: 'trained' }],
        consent,
      }),
      // No sewing at all: below the minimum score.
      fitri: await createMatchablePerson(db, { fullName: 'Fitri Kapasitas', releaseDate: day(32), consent }),
      // No consent: every opportunity blocked by the consent gate.
      gita: await createMatchablePerson(db, {
        fullName: 'Gita Kapasitas',
        releaseDate: day(33),
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
      }),
      // Released last week; her offence touches the restriction of her only option: corrections must review.
      hana: await createMatchablePerson(db, {
        fullName: 'Hana Kapasitas',
        releasedOn: day(-7),
        offence: 'narcotics',
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        consent: { organizationIds: [guardedPartner], kinds: ['village'] },
      }),
      // Already proposed to the tailor: not in the plan, and her proposal holds one of its places.
      indah: await createMatchablePerson(db, {
        fullName: 'Indah Kapasitas',
        releaseDate: day(34),
        skills: [{ code: 'garment.sewing', level: 'competent', evidence: 'certified' }],
        consent,
      }),
    };
    await createPlacement(db, { personId: people.indah.id, opportunityId: tailor.id });
    const summary = await createPlan(day(-20), day(40));
    plan = await detail(summary.id);
  });

  it('places within the capacity left and says why each other woman has no place', async () => {
    expect(plan).toMatchObject({ peopleCount: 5, placesCount: 2, assignedCount: 1, greedyAssigned: 1 });
    expect(plan.totalScore).toBe(plan.greedyTotal);
    expect(plan.items.map((item) => item.person.id)).not.toContain(people.indah.id);
    expect(
      plan.items.map((item) => [
        item.person.displayName,
        item.opportunity?.id ?? null,
        item.unassignedReason,
        item.unassignedParams,
      ]),
    ).toEqual([
      ['Dewi Kapasitas', tailor.id, null, {}],
      ['Gita Kapasitas', null, 'no_eligible_opportunity', { gate: 'consent', blocked: 2, opportunities: 2 }],
      ['Fitri Kapasitas', null, 'below_min_score', { best: 33.3, minScore: 40 }],
      ['Hana Kapasitas', null, 'restriction_review', { options: 1 }],
      ['Eka Kapasitas', null, 'places_taken', { options: 1 }],
    ]);
    expect(
      plan.items.filter((item) => item.unassignedReason !== null).every((item) => item.current === null),
    ).toBe(true);
    // Nothing in the answer names her offence.
    expect(JSON.stringify(plan)).not.toContain('narcotics');
  });

  it('refuses a pair that is not eligible, or a place the plan has no more of, naming the field', async () => {
    const dewi = itemOf(plan, people.dewi.id);
    const eka = itemOf(plan, people.eka.id);
    const hana = itemOf(plan, people.hana.id);
    const notEligible = await adjust(plan, dewi, {
      opportunityId: guarded.id,
      reason: 'Lebih dekat',
      version: plan.version,
    });
    expect(notEligible.statusCode).toBe(400);
    expect(notEligible.json().error.fields).toEqual({
      opportunityId: expect.stringContaining('Peluang ini tidak cocok untuknya saat ini'),
    });
    const full = await adjust(plan, eka, {
      opportunityId: tailor.id,
      reason: 'Lebih cocok',
      version: plan.version,
    });
    expect(full.statusCode).toBe(400);
    expect(full.json().error.fields).toEqual({
      opportunityId: 'Tidak ada tempat tersisa pada peluang ini dalam rencana (tempat tersedia: 1).',
    });
    const review = await adjust(plan, hana, {
      opportunityId: guarded.id,
      reason: 'Sudah dinilai',
      version: plan.version,
    });
    expect(review.statusCode).toBe(400);
    expect(Object.keys(review.json().error.fields)).toEqual(['opportunityId']);
    const noReason = await adjust(plan, dewi, { opportunityId: null, reason: ' ', version: plan.version });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason']);
    // Nothing changed.
    expect((await detail(plan.id)).version).toBe(plan.version);
  });

  it('moves a place from one woman to another, keeping the solver’s choice and the totals in step', async () => {
    const dewi = itemOf(plan, people.dewi.id);
    const eka = itemOf(plan, people.eka.id);
    const removed = await adjust(plan, dewi, {
      opportunityId: null,
      reason: 'Memilih pulang ke daerah asal',
      version: plan.version,
    });
    expect(removed.statusCode, removed.body).toBe(200);
    const first = removed.json() as AdjustPlanItemResponse;
    expect(first.plan).toMatchObject({
      assignedCount: 0,
      totalScore: 0,
      adjustedCount: 1,
      version: plan.version + 1,
    });
    expect(first.item).toMatchObject({
      opportunity: null,
      score: null,
      unassignedReason: 'removed_by_staff',
      adjusted: true,
      adjustReason: 'Memilih pulang ke daerah asal',
      adjustedBy: 'Petugas binadik',
      solverChoice: { opportunity: { id: tailor.id }, score: dewi.score },
    });

    // The stale version is refused.
    const stale = await adjust(plan, eka, {
      opportunityId: tailor.id,
      reason: 'Lebih cocok',
      version: plan.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');

    const moved = await adjust(plan, eka, {
      opportunityId: tailor.id,
      reason: 'Tempat Dewi kosong',
      version: first.plan.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const second = moved.json() as AdjustPlanItemResponse;
    expect(second.item).toMatchObject({
      opportunity: { id: tailor.id },
      unassignedReason: null,
      solverChoice: { opportunity: null, score: null },
      current: { status: 'eligible' },
    });
    expect(second.plan).toMatchObject({
      assignedCount: 1,
      totalScore: second.item.score,
      solverTotal: plan.totalScore,
      solverAssigned: 1,
      adjustedCount: 2,
    });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'plan.item_adjusted')
      .where('subject_id', 'in', [people.dewi.id, people.eka.id])
      .orderBy('at')
      .execute();
    expect(audits.map((row) => row.details)).toEqual([
      expect.objectContaining({ planId: plan.id, from: tailor.id, to: null }),
      expect.objectContaining({ planId: plan.id, from: null, to: tailor.id }),
    ]);
  });

  it('leaves out a woman the caller no longer sees, counting her only', async () => {
    const db = t.database.db;
    await db
      .updateTable('person')
      .set({ organization_id: otherPrison })
      .where('id', '=', people.gita.id)
      .execute();
    const shown = await detail(plan.id);
    expect(shown.hiddenCount).toBe(1);
    expect(JSON.stringify(shown)).not.toContain(people.gita.id);
    const gitaItem = await db
      .selectFrom('placement_plan_item')
      .select('id')
      .where('plan_id', '=', plan.id)
      .where('person_id', '=', people.gita.id)
      .executeTakeFirstOrThrow();
    const hiddenAdjust = await adjust(plan, gitaItem, {
      opportunityId: null,
      reason: 'x',
      version: shown.version,
    });
    expect(hiddenAdjust.statusCode).toBe(404);
  });

  it('discards a draft, which then takes no change', async () => {
    const current = await detail(plan.id);
    const discarded = await send('binadik', 'POST', `/api/plans/${plan.id}/discard`, {
      version: current.version,
    });
    expect(discarded.statusCode, discarded.body).toBe(200);
    expect(discarded.json()).toMatchObject({ status: 'discarded', decidedBy: 'Petugas binadik' });
    const accept = await send('binadik', 'POST', `/api/plans/${plan.id}/accept`, {
      version: discarded.json().version,
    });
    expect(accept.statusCode).toBe(409);
    expect(accept.json().error.code).toBe('PLAN_NOT_DRAFT');
    expect(await planPlacements(plan.id)).toEqual([]);
  });
});

describe('when the matching weights change after the plan was made', () => {
  // A plan's scores are those of the weights that made it, and its proposals record that version: once the
  // weights change, the draft can neither be adjusted (a new pair would be scored under other weights) nor
  // accepted (the proposals would record a version whose scores they do not carry). Only discarded.
  let tailor: { id: string };
  let kitchen: { id: string };
  let jelita: { id: string };
  let plan: PlanDetail;

  beforeAll(async () => {
    const db = t.database.db;
    await user('admin', LAPAS_ID, ['system_admin']);
    await closeOpenOpportunities();
    const tailorPartner = await partner('Konveksi Bobot');
    const kitchenPartner = await partner('Dapur Bobot');
    tailor = await createOpportunity(db, {
      partnerId: tailorPartner,
      villageId: krobokan,
      title: 'Penjahit Bobot',
      places: 1,
      startOn: day(130),
      skills: [{ code: 'garment.sewing' }],
    });
    kitchen = await createOpportunity(db, {
      partnerId: kitchenPartner,
      villageId: krobokan,
      title: 'Juru Masak Bobot',
      sector: 'food',
      places: 1,
      startOn: day(130),
      skills: [{ code: 'food.cooking' }],
    });
    jelita = await createMatchablePerson(db, {
      fullName: 'Jelita Bobot',
      releaseDate: day(105),
      skills: [
        { code: 'garment.sewing', level: 'competent', evidence: 'certified' },
        { code: 'food.cooking', level: 'competent', evidence: 'certified' },
      ],
      consent: { organizationIds: [tailorPartner, kitchenPartner], kinds: ['village'] },
    });
    plan = await detail((await createPlan(day(100), day(110))).id);
  });

  it('refuses to adjust or accept the draft (409 PLAN_RULES_CHANGED), stores nothing, and lets it be discarded', async () => {
    expect(plan).toMatchObject({ status: 'draft', assignedCount: 1, rulesChanged: false });
    const item = itemOf(plan, jelita.id);
    expect(item.opportunity).not.toBeNull();
    const other = item.opportunity?.id === tailor.id ? kitchen.id : tailor.id;

    const admin = session('admin');
    const current = await admin.request({ method: 'GET', url: '/api/rules/matching' });
    expect(current.statusCode, current.body).toBe(200);
    const { version, rules } = current.json();
    expect(version).toBe(plan.ruleVersion);
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/rules/matching',
      payload: {
        rules: { ...rules, weights: { ...rules.weights, location: rules.weights.location + 10 } },
        note: 'Lokasi lebih penting',
        version,
      },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(plan.ruleVersion + 1);

    const shown = await detail(plan.id);
    expect(shown).toMatchObject({ status: 'draft', ruleVersion: plan.ruleVersion, rulesChanged: true });

    for (const opportunityId of [other, null]) {
      const refused = await adjust(plan, item, {
        opportunityId,
        reason: 'Lebih cocok',
        version: shown.version,
      });
      expect(refused.statusCode, refused.body).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'PLAN_RULES_CHANGED',
        message: expect.stringContaining(
          `Bobot pencocokan sudah diubah sejak rencana ini dibuat (versi ${plan.ruleVersion}, sekarang versi ${plan.ruleVersion + 1})`,
        ),
      });
    }
    const refusedAccept = await send('binadik', 'POST', `/api/plans/${plan.id}/accept`, {
      version: shown.version,
    });
    expect(refusedAccept.statusCode, refusedAccept.body).toBe(409);
    expect(refusedAccept.json().error.code).toBe('PLAN_RULES_CHANGED');
    expect(await planPlacements(plan.id)).toEqual([]);
    const unchanged = await detail(plan.id);
    expect(unchanged).toMatchObject({ version: shown.version, adjustedCount: 0, status: 'draft' });
    expect(itemOf(unchanged, jelita.id).opportunity?.id).toBe(item.opportunity?.id);

    const discarded = await send('binadik', 'POST', `/api/plans/${plan.id}/discard`, {
      version: shown.version,
    });
    expect(discarded.statusCode, discarded.body).toBe(200);

    // A new plan is made, adjusted and accepted under the new weights, and records them.
    const fresh = await detail((await createPlan(day(100), day(110))).id);
    expect(fresh).toMatchObject({ ruleVersion: plan.ruleVersion + 1, rulesChanged: false });
    const moved = await adjust(fresh, itemOf(fresh, jelita.id), {
      opportunityId: other,
      reason: 'Lebih dekat',
      version: fresh.version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const { plan: adjusted, item: movedItem } = moved.json() as AdjustPlanItemResponse;
    const accepted = await send('binadik', 'POST', `/api/plans/${fresh.id}/accept`, {
      version: adjusted.version,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const [placement] = await planPlacements(fresh.id);
    expect(placement).toMatchObject({
      opportunity_id: other,
      match_rule_version: plan.ruleVersion + 1,
    });
    expect(Number(placement?.match_score)).toBe(movedItem.score);
  });
});

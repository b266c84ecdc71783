import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { Placement, PlacementDetail, PlacementList } from '../../../shared/placements.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

let t: TestApp;
let partnerA: string;
let partnerB: string;
let krobokan: string;
let cabean: string;
const as: Record<string, Session> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  partnerA = (await createOrganization(db, { kind: 'partner', name: 'Konveksi Uji A' })).id;
  partnerB = (await createOrganization(db, { kind: 'partner', name: 'Katering Uji B' })).id;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  cabean = (await villageByCode(db, '33.74.13.1011')).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', krobokan, ['village_staff']);
  await user('cabean', cabean, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('mitraA', partnerA, ['partner_staff']);
  await user('mitraB', partnerB, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
});
afterAll(() => t.close());

const session = (name: string) => as[name] as Session;
const post = (name: string, url: string, payload: object) =>
  session(name).request({ method: 'POST', url, payload });
const get = (name: string, url: string) => session(name).request({ method: 'GET', url });

const propose = (personId: string, opportunityId: string, extra: object = {}, by = 'binadik') =>
  post(by, '/api/placements', { personId, opportunityId, ...extra });
const step = (placementId: string, body: object, by: string) =>
  post(by, `/api/placements/${placementId}/steps`, body);
const board = async (name: string, query = '') => {
  const response = await get(name, `/api/placements${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PlacementList;
};

/** A woman held by LPP Semarang who consented to share identity, skills and availability with all partners. */
async function consentingWoman(fullName?: string) {
  const person = await createPerson(t.database.db, { fullName });
  await giveConsent(t.database.db, person.id, { kinds: ['partner'] });
  return person;
}

const linksOf = (personId: string) =>
  t.database.db
    .selectFrom('person_link')
    .select(['organization_id', 'kind', 'active'])
    .where('person_id', '=', personId)
    .orderBy('kind')
    .orderBy('created_at')
    .execute();

const opportunityStatus = async (id: string) =>
  (
    await t.database.db
      .selectFrom('opportunity')
      .select('status')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
  ).status;

/** A placement's stage and version as stored. */
const placementState = (id: string) =>
  t.database.db
    .selectFrom('placement')
    .select(['stage', 'version'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();

describe('proposing a woman', () => {
  it('refuses without her consent to the partner, telling staff to record it first', async () => {
    const db = t.database.db;
    const person = await createPerson(db);
    // A consent to kelurahan only does not let her data reach a partner.
    await giveConsent(db, person.id, { kinds: ['village'] });
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const refused = await propose(person.id, opportunity.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'PLACEMENT_NO_CONSENT',
      message: expect.stringContaining('Catat persetujuannya'),
    });
    // A withdrawn consent naming the partner does not count either.
    await giveConsent(db, person.id, { organizationIds: [partnerA], withdrawn: true });
    expect((await propose(person.id, opportunity.id)).json().error.code).toBe('PLACEMENT_NO_CONSENT');
    const rows = await db.selectFrom('placement').select('id').where('person_id', '=', person.id).execute();
    expect(rows).toEqual([]);
    expect(await linksOf(person.id)).toEqual([]);
  });

  it('creates the placement, its first step, her link to the partner, a timeline event and an audit entry', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { fullName: 'Sri Rahayu' });
    // A consent naming this partner (not all partners) is enough.
    await giveConsent(db, person.id, { organizationIds: [partnerA] });
    const opportunity = await createOpportunity(db, {
      partnerId: partnerA,
      villageId: krobokan,
      title: 'Penjahit Konveksi',
      places: 2,
    });
    const created = await propose(person.id, opportunity.id, { note: 'Rapi dan teliti' });
    expect(created.statusCode, created.body).toBe(201);
    const placement = created.json() as PlacementDetail;
    expect(placement).toMatchObject({
      stage: 'proposed',
      proposedOn: today(),
      lastStepOn: today(),
      placedOn: null,
      endedOn: null,
      outcomeReason: null,
      opportunity: {
        id: opportunity.id,
        title: 'Penjahit Konveksi',
        kind: 'job_vacancy',
        sector: 'garment',
        places: 2,
        partner: { id: partnerA, name: 'Konveksi Uji A' },
        village: { id: krobokan, name: 'Kelurahan Krobokan' },
      },
      proposerOrganization: { id: LAPAS_ID, name: 'LPP Semarang' },
      person: { id: person.id, displayName: 'Sri Rahayu', registrationNumber: expect.any(String) },
      personHidden: false,
      version: 1,
      canAdvance: true,
      nextStages: ['contacted', 'interview', 'offered', 'placed', 'unsuccessful'],
      steps: [
        {
          stage: 'proposed',
          happenedOn: today(),
          reason: null,
          note: 'Rapi dan teliti',
          recordedBy: 'Petugas binadik',
          recordedOrganization: { id: LAPAS_ID, name: 'LPP Semarang' },
        },
      ],
    });
    expect(await linksOf(person.id)).toEqual([{ organization_id: partnerA, kind: 'proposal', active: true }]);
    const events = await db
      .selectFrom('person_event')
      .select(['kind', 'visibility', 'details'])
      .where('person_id', '=', person.id)
      .execute();
    expect(events).toEqual([
      {
        kind: 'placement.proposed',
        visibility: 'corrections',
        details: expect.objectContaining({ placementId: placement.id, stage: 'proposed' }),
      },
    ]);
    const audits = await db
      .selectFrom('audit_log')
      .select(['subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'placement.proposed')
      .where('subject_id', '=', person.id)
      .execute();
    expect(audits).toEqual([
      {
        subject_type: 'person',
        subject_organization_id: LAPAS_ID,
        details: expect.objectContaining({
          placementId: placement.id,
          opportunityId: opportunity.id,
          partnerId: partnerA,
        }),
      },
    ]);
    // Ids only: not her name, not the note.
    expect(JSON.stringify(audits[0]?.details)).not.toContain('Sri');
    expect(JSON.stringify(audits[0]?.details)).not.toContain('Rapi');

    const again = await propose(person.id, opportunity.id, {}, 'giatja');
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('PLACEMENT_EXISTS');
  });

  it('answers 409 PLACEMENT_EXISTS to one of two identical proposals made at the same moment', async () => {
    const person = await consentingWoman();
    const opportunity = await createOpportunity(t.database.db, { partnerId: partnerA, villageId: krobokan });
    const answers = await Promise.all([
      propose(person.id, opportunity.id),
      propose(person.id, opportunity.id, {}, 'giatja'),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((answer) => answer.statusCode === 409)?.json().error.code).toBe('PLACEMENT_EXISTS');
  });

  it('refuses opportunities that are not open, full or past their closing date, and unknown ones', async () => {
    const db = t.database.db;
    const person = await consentingWoman();
    const draft = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, status: 'draft' });
    const closed = await createOpportunity(db, {
      partnerId: partnerA,
      villageId: krobokan,
      status: 'closed',
    });
    const past = await createOpportunity(db, {
      partnerId: partnerA,
      villageId: krobokan,
      closesOn: '2026-02-01',
    });
    const filled = await createOpportunity(db, {
      partnerId: partnerA,
      villageId: krobokan,
      status: 'filled',
      places: 1,
    });
    const full = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 1 });
    await createPlacement(db, {
      personId: (await consentingWoman()).id,
      opportunityId: full.id,
      stage: 'placed',
    });
    for (const [opportunity, code] of [
      [draft, 'PLACEMENT_OPPORTUNITY_NOT_OPEN'],
      [closed, 'PLACEMENT_OPPORTUNITY_NOT_OPEN'],
      [past, 'PLACEMENT_OPPORTUNITY_NOT_OPEN'],
      [filled, 'PLACEMENT_NO_PLACES'],
      [full, 'PLACEMENT_NO_PLACES'],
    ] as const) {
      const response = await propose(person.id, opportunity.id);
      expect(response.statusCode, code).toBe(409);
      expect(response.json().error.code).toBe(code);
    }
    const unknown = await propose(person.id, '00000000-0000-4000-8000-00000000dead');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({ opportunityId: 'Peluang tidak ditemukan.' });
  });

  it('refuses a future date, a woman out of the caller’s reach (404) and callers who may not propose (403)', async () => {
    const db = t.database.db;
    const person = await consentingWoman();
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const future = await propose(person.id, opportunity.id, { proposedOn: '2099-01-01' });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.fields).toEqual({ proposedOn: 'Tanggal tidak boleh di masa depan.' });
    const otherPrison = (await createOrganization(db, { kind: 'prison' })).id;
    const elsewhere = await createPerson(db, { organizationId: otherPrison });
    await giveConsent(db, elsewhere.id, { kinds: ['partner'] });
    const hidden = await propose(elsewhere.id, opportunity.id);
    expect(hidden.statusCode).toBe(404);
    expect(hidden.json().error.code).toBe('PERSON_NOT_FOUND');
    // Bapas sees only the people referred or handed over to it.
    expect((await propose(person.id, opportunity.id, {}, 'pk')).statusCode).toBe(404);
    for (const name of ['kelurahan', 'kecamatan', 'mitraA', 'viewer'])
      expect((await propose(person.id, opportunity.id, {}, name)).statusCode, name).toBe(403);
  });
});

describe('moving a placement on', () => {
  it('runs the whole pipeline by different roles, fills the opportunity, then ends and frees the place', async () => {
    const db = t.database.db;
    const person = await consentingWoman('Dewi Lestari');
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 1 });
    const proposed = (await propose(person.id, opportunity.id, { proposedOn: '2026-11-02' })).json();
    const moves: [string, object][] = [
      ['mitraA', { stage: 'contacted', happenedOn: '2026-11-03', note: 'Ditelepon, bersedia datang' }],
      ['kelurahan', { stage: 'interview', happenedOn: '2026-11-05' }],
      ['kecamatan', { stage: 'offered', happenedOn: '2026-11-05' }],
      ['giatja', { stage: 'placed', happenedOn: '2026-11-09' }],
    ];
    let version = proposed.version as number;
    for (const [by, body] of moves) {
      const response = await step(proposed.id, { ...body, version }, by);
      expect(response.statusCode, `${by}: ${response.body}`).toBe(200);
      version = response.json().version;
    }
    const placed = (await get('binadik', `/api/placements/${proposed.id}`)).json() as PlacementDetail;
    expect(placed).toMatchObject({
      stage: 'placed',
      placedOn: '2026-11-09',
      proposedOn: '2026-11-02',
      lastStepOn: '2026-11-09',
      version: 5,
      nextStages: ['ended'],
    });
    expect(
      placed.steps.map((s) => [s.stage, s.happenedOn, s.recordedBy, s.recordedOrganization?.name ?? null]),
    ).toEqual([
      ['proposed', '2026-11-02', 'Petugas binadik', 'LPP Semarang'],
      ['contacted', '2026-11-03', 'Petugas mitraA', 'Konveksi Uji A'],
      ['interview', '2026-11-05', 'Petugas kelurahan', 'Krobokan'],
      ['offered', '2026-11-05', 'Petugas kecamatan', 'Kec. Semarang Barat'],
      ['placed', '2026-11-09', 'Petugas giatja', 'LPP Semarang'],
    ]);
    expect(placed.steps[1]?.note).toBe('Ditelepon, bersedia datang');
    expect(await linksOf(person.id)).toEqual([
      { organization_id: partnerA, kind: 'placement', active: true },
      { organization_id: partnerA, kind: 'proposal', active: true },
    ]);
    expect(await opportunityStatus(opportunity.id)).toBe('filled');

    const ended = await step(
      proposed.id,
      { stage: 'ended', happenedOn: today(), reason: 'Kontrak tiga bulan selesai', version },
      'mitraA',
    );
    expect(ended.statusCode, ended.body).toBe(200);
    // Nothing runs with the partner any more: her links end, and with them the partner's sight of her.
    expect(ended.json()).toMatchObject({
      stage: 'ended',
      person: null,
      personHidden: true,
      outcomeNote: null,
    });
    expect((await get('binadik', `/api/placements/${proposed.id}`)).json()).toMatchObject({
      stage: 'ended',
      endedOn: today(),
      placedOn: '2026-11-09',
      outcomeReason: null,
      outcomeNote: 'Kontrak tiga bulan selesai',
      canAdvance: false,
      nextStages: [],
    });
    expect(await linksOf(person.id)).toEqual([
      { organization_id: partnerA, kind: 'placement', active: false },
      { organization_id: partnerA, kind: 'proposal', active: false },
    ]);
    const ends = await db
      .selectFrom('person_link')
      .select('ended_at')
      .where('person_id', '=', person.id)
      .execute();
    expect(ends.every((link) => link.ended_at instanceof Date)).toBe(true);
    expect(await opportunityStatus(opportunity.id)).toBe('open');
    const audits = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'placement.advanced')
      .where('subject_id', '=', person.id)
      .orderBy('id')
      .execute();
    expect(audits.map((row) => [row.details.from, row.details.to])).toEqual([
      ['proposed', 'contacted'],
      ['contacted', 'interview'],
      ['interview', 'offered'],
      ['offered', 'placed'],
      ['placed', 'ended'],
    ]);
    expect(audits[3]?.details.opportunityStatus).toEqual({ from: 'open', to: 'filled' });
    const events = await db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', person.id)
      .where('kind', 'like', 'placement.%')
      .execute();
    expect(events).toHaveLength(6);
    // The partner may no longer see her once nothing runs with it: her link ended.
    expect((await get('mitraA', `/api/people/${person.id}`)).statusCode).toBe(404);
  });

  it('refuses to place more people than places, with a field error on the stage', async () => {
    const db = t.database.db;
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 1 });
    const first = await createPlacement(db, {
      personId: (await consentingWoman()).id,
      opportunityId: opportunity.id,
      stage: 'offered',
    });
    const second = await createPlacement(db, {
      personId: (await consentingWoman()).id,
      opportunityId: opportunity.id,
      stage: 'offered',
    });
    const placed = await step(first.id, { stage: 'placed', happenedOn: today(), version: 1 }, 'binadik');
    expect(placed.statusCode, placed.body).toBe(200);
    const refused = await step(second.id, { stage: 'placed', happenedOn: today(), version: 1 }, 'mitraA');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'PLACEMENT_NO_PLACES',
      fields: { stage: expect.stringContaining('Tidak ada tempat tersisa') },
    });
    const stages = await db
      .selectFrom('placement')
      .select('stage')
      .where('opportunity_id', '=', opportunity.id)
      .orderBy('stage')
      .execute();
    expect(stages.map((row) => row.stage)).toEqual(['offered', 'placed']);
    // The refused one may still end as unsuccessful (the partner had no place for her).
    const unsuccessful = await step(
      second.id,
      { stage: 'unsuccessful', happenedOn: today(), reason: 'not_available', version: 1 },
      'mitraA',
    );
    expect(unsuccessful.statusCode, unsuccessful.body).toBe(200);
    expect(unsuccessful.json()).toMatchObject({ outcomeReason: 'not_available', endedOn: today() });
  });

  it('refuses to place anyone on a closed or draft opportunity, with a field error on the stage', async () => {
    const db = t.database.db;
    for (const status of ['closed', 'draft'] as const) {
      const opportunity = await createOpportunity(db, {
        partnerId: partnerA,
        villageId: krobokan,
        places: 3,
      });
      const placement = await createPlacement(db, {
        personId: (await consentingWoman()).id,
        opportunityId: opportunity.id,
        stage: 'offered',
      });
      await db.updateTable('opportunity').set({ status }).where('id', '=', opportunity.id).execute();
      const refused = await step(
        placement.id,
        { stage: 'placed', happenedOn: today(), version: 1 },
        'giatja',
      );
      expect(refused.statusCode, status).toBe(409);
      expect(refused.json().error).toMatchObject({
        code: 'PLACEMENT_OPPORTUNITY_CLOSED',
        message: expect.stringContaining('Minta kelurahan membukanya kembali'),
        fields: { stage: 'Peluang ini sudah ditutup atau masih draf: tidak dapat menempatkan orang.' },
      });
      expect(await placementState(placement.id)).toEqual({ stage: 'offered', version: 1 });
      // The placement may still end as unsuccessful.
      const over = await step(
        placement.id,
        { stage: 'unsuccessful', happenedOn: today(), reason: 'not_available', version: 1 },
        'giatja',
      );
      expect(over.statusCode, over.body).toBe(200);
    }
    // A filled one with a place freed meanwhile is placed on as usual (status follows the places).
    const filled = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 1 });
    const offered = await createPlacement(db, {
      personId: (await consentingWoman()).id,
      opportunityId: filled.id,
      stage: 'offered',
    });
    await db.updateTable('opportunity').set({ status: 'filled' }).where('id', '=', filled.id).execute();
    const placed = await step(offered.id, { stage: 'placed', happenedOn: today(), version: 1 }, 'giatja');
    expect(placed.statusCode, placed.body).toBe(200);
    expect(await opportunityStatus(filled.id)).toBe('filled');
  });

  it('places only one of two women offered the last place at the same moment', async () => {
    const db = t.database.db;
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 1 });
    const placements = [];
    for (let i = 0; i < 2; i++)
      placements.push(
        await createPlacement(db, {
          personId: (await consentingWoman()).id,
          opportunityId: opportunity.id,
          stage: 'offered',
        }),
      );
    const answers = await Promise.all(
      placements.map((placement, index) =>
        step(
          placement.id,
          { stage: 'placed', happenedOn: today(), version: 1 },
          index === 0 ? 'binadik' : 'mitraA',
        ),
      ),
    );
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 409]);
    const placed = await db
      .selectFrom('placement')
      .select('id')
      .where('opportunity_id', '=', opportunity.id)
      .where('stage', '=', 'placed')
      .execute();
    expect(placed).toHaveLength(1);
    expect(await opportunityStatus(opportunity.id)).toBe('filled');
  });

  it('refuses backward moves, future dates, dates before the previous step, missing reasons and stale versions', async () => {
    const db = t.database.db;
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const placement = await createPlacement(db, {
      personId: (await consentingWoman()).id,
      opportunityId: opportunity.id,
      stage: 'offered',
      on: '2026-11-10',
    });
    const fields = async (body: object, status = 400) => {
      const response = await step(placement.id, { version: 1, ...body }, 'binadik');
      expect(response.statusCode, response.body).toBe(status);
      return response.json().error.fields;
    };
    expect(await fields({ stage: 'contacted', happenedOn: today() })).toEqual({
      stage: expect.stringContaining('hanya maju'),
    });
    expect(await fields({ stage: 'ended', happenedOn: today(), reason: 'Selesai' })).toEqual({
      stage: expect.any(String),
    });
    expect(await fields({ stage: 'placed', happenedOn: '2099-12-31' })).toEqual({
      happenedOn: 'Tanggal tidak boleh di masa depan.',
    });
    expect(await fields({ stage: 'placed', happenedOn: '2026-11-09' })).toEqual({
      happenedOn: 'Tanggal tidak boleh sebelum tanggal tahap sebelumnya (10/11/2026).',
    });
    expect(await fields({ stage: 'unsuccessful', happenedOn: today() })).toEqual({
      reason: 'Isi alasannya.',
    });
    expect(await fields({ stage: 'unsuccessful', happenedOn: today(), reason: 'other' })).toEqual({
      note: 'Jelaskan alasannya di catatan.',
    });
    // A placement starts as proposed by a proposal: a step never goes back to it.
    expect(await fields({ stage: 'proposed', happenedOn: today() })).toEqual({
      stage:
        'Pilihan tidak valid. Pilihan yang ada: contacted, interview, offered, placed, ended, unsuccessful.',
    });
    const stale = await step(placement.id, { stage: 'placed', happenedOn: today(), version: 9 }, 'binadik');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    // Nothing of the refused steps was stored.
    expect(await placementState(placement.id)).toEqual({ stage: 'offered', version: 1 });

    const done = await step(
      placement.id,
      { stage: 'unsuccessful', happenedOn: today(), reason: 'declined_by_person', version: 1 },
      'binadik',
    );
    expect(done.statusCode, done.body).toBe(200);
    const closed = await step(placement.id, { stage: 'placed', happenedOn: today(), version: 2 }, 'binadik');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('PLACEMENT_CLOSED');
  });

  it('ends her links to a partner only when no other placement with that partner still runs', async () => {
    const db = t.database.db;
    const person = await consentingWoman();
    const one = await createOpportunity(db, { partnerId: partnerB, villageId: krobokan });
    const two = await createOpportunity(db, { partnerId: partnerB, villageId: cabean });
    const first = (await propose(person.id, one.id)).json();
    const second = (await propose(person.id, two.id)).json();
    expect(await linksOf(person.id)).toEqual([{ organization_id: partnerB, kind: 'proposal', active: true }]);
    const body = { stage: 'unsuccessful', happenedOn: today(), reason: 'declined_by_partner', version: 1 };
    expect((await step(first.id, body, 'mitraB')).statusCode).toBe(200);
    expect(await linksOf(person.id)).toEqual([{ organization_id: partnerB, kind: 'proposal', active: true }]);
    expect((await step(second.id, body, 'binadik')).statusCode).toBe(200);
    expect(await linksOf(person.id)).toEqual([
      { organization_id: partnerB, kind: 'proposal', active: false },
    ]);
  });
});

describe('at the same moment', () => {
  it('keeps her link to the partner when one placement ends while she is proposed for another of its opportunities', async () => {
    const db = t.database.db;
    const rounds = await Promise.all(
      [0, 1, 2].map(async () => {
        const person = await consentingWoman();
        const first = await createOpportunity(db, { partnerId: partnerB, villageId: krobokan });
        const second = await createOpportunity(db, { partnerId: partnerB, villageId: cabean });
        const running = await createPlacement(db, {
          personId: person.id,
          opportunityId: first.id,
          on: today(),
        });
        const [ended, proposed] = await Promise.all([
          step(
            running.id,
            { stage: 'unsuccessful', happenedOn: today(), reason: 'declined_by_partner', version: 1 },
            'mitraB',
          ),
          propose(person.id, second.id, {}, 'giatja'),
        ]);
        return { person, ended, proposed };
      }),
    );
    for (const { person, ended, proposed } of rounds) {
      expect(ended.statusCode, ended.body).toBe(200);
      expect(proposed.statusCode, proposed.body).toBe(201);
      // The new proposal runs, so the partner keeps seeing her.
      const active = (await linksOf(person.id)).filter((link) => link.active);
      expect(active).toEqual([{ organization_id: partnerB, kind: 'proposal', active: true }]);
      expect((await get('mitraB', `/api/people/${person.id}`)).statusCode).toBe(200);
    }
  });

  it('never lands a proposal on an opportunity closed at the same moment', async () => {
    const db = t.database.db;
    const person = await consentingWoman();
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const [proposed, closed] = await Promise.all([
      propose(person.id, opportunity.id),
      post('kelurahan', `/api/opportunities/${opportunity.id}/status`, {
        action: 'close',
        reason: 'Mitra menunda',
        version: 1,
      }),
    ]);
    expect(closed.statusCode, closed.body).toBe(200);
    // Either the proposal came first (and the close waited for it to commit), or it saw the opportunity
    // closed: never a proposal written after the close.
    if (proposed.statusCode === 201) {
      const order = await db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'in', ['placement.proposed', 'opportunity.status_changed'])
        .where((eb) => eb.or([eb('subject_id', '=', opportunity.id), eb('subject_id', '=', person.id)]))
        .orderBy('id')
        .execute();
      expect(order.map((row) => row.action)).toEqual(['placement.proposed', 'opportunity.status_changed']);
    } else {
      expect(proposed.statusCode).toBe(409);
      expect(proposed.json().error.code).toBe('PLACEMENT_OPPORTUNITY_NOT_OPEN');
      expect(await linksOf(person.id)).toEqual([]);
    }
    expect(await opportunityStatus(opportunity.id)).toBe('closed');
  });
});

describe('who reads the words written about her', () => {
  it('keeps what prison and Bapas officers write for corrections staff; shows a partner’s notes to whoever sees her', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { fullName: 'Lestari Handayani' });
    await giveConsent(db, person.id, { kinds: ['partner', 'village'] });
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 2 });
    const proposal = 'Masih menjalani konseling adiksi; jangan hubungi keluarganya';
    const proposed = (await propose(person.id, opportunity.id, { note: proposal })).json() as PlacementDetail;
    const partnerNote = 'Bisa mulai Senin, membawa KTP';
    await step(
      proposed.id,
      { stage: 'contacted', happenedOn: today(), note: partnerNote, version: 1 },
      'mitraA',
    );
    await step(proposed.id, { stage: 'placed', happenedOn: today(), version: 2 }, 'binadik');
    const endReason = 'Kembali ke lapas karena pelanggaran';
    const ended = await step(
      proposed.id,
      { stage: 'ended', happenedOn: today(), reason: endReason, note: 'Detail di catatan kasus', version: 3 },
      'binadik',
    );
    expect(ended.statusCode, ended.body).toBe(200);
    // She still runs a placement with partner A elsewhere, so A still sees her.
    const other = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    expect((await propose(person.id, other.id)).statusCode).toBe(201);

    const wordsOf = (detail: PlacementDetail) => ({
      outcomeNote: detail.outcomeNote,
      steps: detail.steps.map((s) => [s.stage, s.reason, s.note]),
    });
    // The prison reads everything.
    const prison = (await get('giatja', `/api/placements/${proposed.id}`)).json() as PlacementDetail;
    expect(wordsOf(prison)).toEqual({
      outcomeNote: endReason,
      steps: [
        ['proposed', null, proposal],
        ['contacted', null, partnerNote],
        ['placed', null, null],
        ['ended', endReason, 'Detail di catatan kasus'],
      ],
    });
    // The partner and the kelurahan see her, and only the partner's words.
    for (const name of ['mitraA', 'kelurahan']) {
      const response = await get(name, `/api/placements/${proposed.id}`);
      expect(response.statusCode, response.body).toBe(200);
      const detail = response.json() as PlacementDetail;
      expect(detail.person?.displayName, name).toBe('Lestari Handayani');
      expect(wordsOf(detail), name).toEqual({
        outcomeNote: null,
        steps: [
          ['proposed', null, null],
          ['contacted', null, partnerNote],
          ['placed', null, null],
          ['ended', null, null],
        ],
      });
      expect(response.body).not.toContain('konseling');
      expect(response.body).not.toContain('pelanggaran');
    }
    // Nor in the lists: the board and her person page.
    const row = (await board('mitraA', `?opportunityId=${opportunity.id}&includeClosed=true`)).items[0];
    expect(row).toMatchObject({ id: proposed.id, outcomeNote: null });
    const personal = await get('kelurahan', `/api/people/${person.id}/placements`);
    expect(personal.body).not.toContain('pelanggaran');

    // A partner's ended reason is read by the kelurahan too.
    const second = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const woman = await createPerson(db);
    await giveConsent(db, woman.id, { kinds: ['partner', 'village'] });
    const placed = await createPlacement(db, {
      personId: woman.id,
      opportunityId: second.id,
      stage: 'placed',
    });
    const byPartner = await step(
      placed.id,
      { stage: 'ended', happenedOn: today(), reason: 'Kontrak musiman selesai', version: 1 },
      'mitraA',
    );
    expect(byPartner.statusCode, byPartner.body).toBe(200);
    const seenByVillage = (await get('kelurahan', `/api/placements/${placed.id}`)).json() as PlacementDetail;
    expect(seenByVillage.outcomeNote).toBe('Kontrak musiman selesai');
    expect(seenByVillage.steps.at(-1)?.reason).toBe('Kontrak musiman selesai');
  });
});

describe('who sees which placement', () => {
  it('shows a partner only her own opportunities’ placements: another partner’s is 404', async () => {
    const db = t.database.db;
    const person = await consentingWoman('Ani Suryani');
    const ofA = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const ofB = await createOpportunity(db, { partnerId: partnerB, villageId: krobokan });
    const placementA = (await propose(person.id, ofA.id)).json();
    const placementB = (await propose(person.id, ofB.id)).json();
    const seenByB = await board('mitraB');
    const ids = seenByB.items.map((item) => item.id);
    expect(ids).toContain(placementB.id);
    expect(ids).not.toContain(placementA.id);
    expect(seenByB.items.every((item) => item.opportunity.partner.id === partnerB)).toBe(true);
    expect((await get('mitraB', `/api/placements/${placementA.id}`)).statusCode).toBe(404);
    const move = await step(placementA.id, { stage: 'contacted', happenedOn: today(), version: 1 }, 'mitraB');
    expect(move.statusCode).toBe(404);
    expect(move.json().error.code).toBe('PLACEMENT_NOT_FOUND');
    // Her own pipeline for B shows her; filtering on partner A gives B nothing.
    expect(seenByB.items.find((item) => item.id === placementB.id)?.person?.displayName).toBe('Ani Suryani');
    expect((await board('mitraB', `?partnerId=${partnerA}`)).items).toEqual([]);
    // On her person page, partner B sees only the placement with B.
    const personal = await get('mitraB', `/api/people/${person.id}/placements`);
    expect(personal.statusCode, personal.body).toBe(200);
    expect(personal.json().items.map((item: Placement) => item.id)).toEqual([placementB.id]);
    expect(personal.json().canPropose).toBe(false);
    // Nobody without a placement permission reads the board.
    expect((await get('viewer', '/api/placements')).statusCode).toBe(403);
  });

  it('hides the woman in the partner’s pipeline once her consent is withdrawn, and shows initials without identity', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { fullName: 'Rina Marlina Sari' });
    const consent = await giveConsent(db, person.id, { kinds: ['partner'] });
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const proposed = (await propose(person.id, opportunity.id)).json();
    const note = 'Takut pulang terlambat karena anak';
    await step(proposed.id, { stage: 'contacted', happenedOn: today(), note, version: 1 }, 'binadik');
    const before = (await board('mitraA', `?opportunityId=${opportunity.id}`)).items[0];
    expect(before?.person).toEqual({
      id: person.id,
      displayName: 'Rina Marlina Sari',
      registrationNumber: null,
    });

    // A consent giving skills only: initials instead of her name.
    await db
      .updateTable('consent')
      .set({ field_groups: JSON.stringify(['skills_training']) })
      .where('id', '=', consent.id)
      .execute();
    const initialsOnly = (await board('mitraA', `?opportunityId=${opportunity.id}`)).items[0];
    expect(initialsOnly?.person?.displayName).toBe('R. M. S.');

    await db.updateTable('consent').set({ withdrawn_on: today() }).where('id', '=', consent.id).execute();
    const after = await board('mitraA', `?opportunityId=${opportunity.id}`);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({
      id: proposed.id,
      person: null,
      personHidden: true,
      stage: 'contacted',
    });
    const detail = (await get('mitraA', `/api/placements/${proposed.id}`)).json() as PlacementDetail;
    expect(detail.person).toBeNull();
    expect(detail.steps.map((s) => s.note)).toEqual([null, null]);
    expect(JSON.stringify(detail)).not.toContain('Rina');
    expect(JSON.stringify(detail)).not.toContain(person.id);
    // The partner's board no longer counts her as shown in the audit log.
    const last = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'placement.listed')
      .where('subject_type', '=', 'placement')
      .where('subject_id', 'is', null)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    expect(last.details.shown).toEqual([]);
    // A filter on her does not tell whose the hidden row is.
    expect((await board('mitraA', `?personId=${person.id}`)).items).toEqual([]);
    // Her prison still sees her, with the note.
    const prison = (await get('binadik', `/api/placements/${proposed.id}`)).json() as PlacementDetail;
    expect(prison.person?.displayName).toBe('Rina Marlina Sari');
    expect(prison.steps[1]?.note).toBe(note);
  });

  it('shows a kelurahan the placements on her kelurahan only, the kecamatan those of all its kelurahan', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { fullName: 'Wulan Sari' });
    await giveConsent(db, person.id, { kinds: ['partner', 'village'] });
    const inKrobokan = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    const inCabean = await createOpportunity(db, { partnerId: partnerA, villageId: cabean });
    const here = (await propose(person.id, inKrobokan.id)).json();
    const there = (await propose(person.id, inCabean.id)).json();

    const krobokanBoard = await board('kelurahan', '?includeClosed=true');
    expect(krobokanBoard.items.every((item) => item.opportunity.village.id === krobokan)).toBe(true);
    expect(krobokanBoard.items.map((item) => item.id)).toContain(here.id);
    expect(krobokanBoard.items.map((item) => item.id)).not.toContain(there.id);
    expect(krobokanBoard.items.find((item) => item.id === here.id)?.person?.displayName).toBe('Wulan Sari');
    expect((await get('kelurahan', `/api/placements/${there.id}`)).statusCode).toBe(404);
    const move = await step(there.id, { stage: 'contacted', happenedOn: today(), version: 1 }, 'kelurahan');
    expect(move.statusCode).toBe(404);
    expect((await board('kelurahan', `?villageId=${cabean}`)).items).toEqual([]);
    const personal = (await get('kelurahan', `/api/people/${person.id}/placements`)).json();
    expect(personal.items.map((item: Placement) => item.id)).toEqual([here.id]);

    // The kecamatan reaches both; she consented to kelurahan, not to the kecamatan, so it does not see her.
    const district = (await board('kecamatan')).items.filter((item) => [here.id, there.id].includes(item.id));
    expect(district).toHaveLength(2);
    expect(district.every((item) => item.person === null && item.personHidden)).toBe(true);
    expect((await board('kecamatan', `?personId=${person.id}`)).items).toEqual([]);
    // Cabean sees her under her consent to all kelurahan; a woman who consented to partners only is hidden.
    const cabeanRow = (await board('cabean', `?opportunityId=${inCabean.id}`)).items[0];
    expect(cabeanRow).toMatchObject({ id: there.id, person: { displayName: 'Wulan Sari' } });
    const stranger = await createPerson(db, { fullName: 'Tanpa Persetujuan Desa' });
    await giveConsent(db, stranger.id, { kinds: ['partner'] });
    const strangers = (await propose(stranger.id, inCabean.id)).json();
    const hiddenRow = (await board('cabean', `?opportunityId=${inCabean.id}`)).items.find(
      (item) => item.id === strangers.id,
    );
    expect(hiddenRow).toMatchObject({ person: null, personHidden: true });
  });

  it('shows Bapas only the placements of the women referred or handed over to it', async () => {
    const db = t.database.db;
    const handedOver = await consentingWoman();
    const notHers = await consentingWoman();
    await linkPerson(db, handedOver.id, BAPAS_ID, 'handover');
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan, places: 5 });
    const visible = (await propose(handedOver.id, opportunity.id)).json();
    const invisible = (await propose(notHers.id, opportunity.id)).json();
    const ids = (await board('pk', `?opportunityId=${opportunity.id}`)).items.map((item) => item.id);
    expect(ids).toEqual([visible.id]);
    expect((await get('pk', `/api/placements/${invisible.id}`)).statusCode).toBe(404);
    // Bapas proposes the women it supervises.
    const other = await createOpportunity(db, { partnerId: partnerB, villageId: krobokan });
    expect((await propose(handedOver.id, other.id, {}, 'pk')).statusCode).toBe(201);
  });

  it('lists the board with counts per stage, filters by stage and includes closed ones on request', async () => {
    const db = t.database.db;
    const opportunity = await createOpportunity(db, { partnerId: partnerB, villageId: cabean, places: 5 });
    for (const stage of ['proposed', 'offered', 'placed', 'ended', 'unsuccessful'] as const)
      await createPlacement(db, {
        personId: (await consentingWoman()).id,
        opportunityId: opportunity.id,
        stage,
      });
    const running = await board('binadik', `?opportunityId=${opportunity.id}`);
    expect(running.items.map((item) => item.stage).sort()).toEqual(['offered', 'placed', 'proposed']);
    expect(running.total).toBe(3);
    expect(running.limit).toBe(500);
    expect(running.counts).toMatchObject({ proposed: 1, offered: 1, placed: 1, ended: 0, unsuccessful: 0 });
    const all = await board('binadik', `?opportunityId=${opportunity.id}&includeClosed=true`);
    expect(all.total).toBe(5);
    expect(all.counts).toMatchObject({ ended: 1, unsuccessful: 1 });
    const staged = await board('binadik', `?opportunityId=${opportunity.id}&stage=placed,ended`);
    expect(staged.items.map((item) => item.stage).sort()).toEqual(['ended', 'placed']);
    expect(staged.total).toBe(2);
    const bad = await get('binadik', '/api/placements?stage=hired');
    expect(bad.statusCode).toBe(400);
  });
});

describe('her access log', () => {
  it('shows the pipeline lists that showed her, by whom', async () => {
    const db = t.database.db;
    const person = await consentingWoman();
    const opportunity = await createOpportunity(db, { partnerId: partnerA, villageId: krobokan });
    await propose(person.id, opportunity.id);
    await board('mitraA', `?opportunityId=${opportunity.id}`);
    const response = await get('binadik', `/api/people/${person.id}/access-log?pageSize=200`);
    expect(response.statusCode, response.body).toBe(200);
    const listings = response
      .json()
      .items.filter((item: { action: string }) => item.action === 'placement.listed');
    expect(listings).toHaveLength(1);
    expect(listings[0]).toMatchObject({ organizationName: 'Konveksi Uji A' });
    expect(listings[0].details).not.toHaveProperty('shown');
    expect(listings[0].details).not.toHaveProperty('filter');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createOpportunity } from '../../../../tests/factories/opportunities.ts';
import { createPerson, giveConsent } from '../../../../tests/factories/people.ts';
import { createPlacement } from '../../../../tests/factories/placements.ts';
import { skillByCode } from '../../../../tests/factories/training.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { Opportunity, OpportunityList } from '../../../shared/opportunities.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';
import { type FieldMessageKey, fieldMessage } from '../../platform/messages.ts';
import { refreshOpportunityFill } from './opportunities.fill.ts';

let t: TestApp;
let partnerA: string;
let partnerB: string;
let krobokan: string;
let manyaran: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const skill: Record<string, string> = {};

/** The Indonesian message of one of the field keys (what the user reads). */
const says = (key: FieldMessageKey, params?: Record<string, unknown>) => fieldMessage(key, 'id', params);

/** The day `days` after today (program calendar), as 'yyyy-mm-dd': dates that stay in the future. */
const inDays = (days: number) =>
  new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const START_ON = inDays(60);
const CLOSES_ON = inDays(90);
/** 'yyyy-mm-dd' as the messages show it: dd/mm/yyyy. */
const shown = (iso: string) => iso.split('-').reverse().join('/');

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  partnerA = (await createOrganization(db, { kind: 'partner', name: 'Konveksi Maju Bersama' })).id;
  partnerB = (await createOrganization(db, { kind: 'partner', name: 'Katering Sari Rasa' })).id;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  manyaran = (await villageByCode(db, '33.74.13.1002')).id;
  await user('krobokan', krobokan, ['village_staff']);
  await user('manyaran', manyaran, ['village_staff']);
  await user('kecamatan', KECAMATAN_ID, ['district_staff']);
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('mitraA', partnerA, ['partner_staff']);
  await user('mitraB', partnerB, ['partner_staff']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await user('admin', LAPAS_ID, ['system_admin']);
  for (const code of ['garment.sewing', 'garment.fashion', 'food.cooking', 'batik.written'])
    skill[code] = (await skillByCode(db, code)).id;
});
afterAll(() => t.close());

const url = '/api/opportunities';
const post = (session: Session, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url, payload });
const patch = (session: Session, id: string, payload: Record<string, unknown>) =>
  session.request({ method: 'PATCH', url: `${url}/${id}`, payload });
const status = (session: Session, id: string, payload: Record<string, unknown>) =>
  session.request({ method: 'POST', url: `${url}/${id}/status`, payload });
const restrictions = (session: Session, id: string, payload: Record<string, unknown>) =>
  session.request({ method: 'PUT', url: `${url}/${id}/restrictions`, payload });
const get = (session: Session, path = '') => session.request({ method: 'GET', url: `${url}${path}` });
const list = async (session: Session, query = '') => (await get(session, query)).json() as OpportunityList;

function sewingJob(overrides: Record<string, unknown> = {}) {
  return {
    villageId: krobokan,
    kind: 'job_vacancy',
    title: 'Penjahit konveksi',
    description: 'Menjahit seragam sekolah',
    sector: 'garment',
    location: 'Jl. Jenderal Sudirman, Krobokan',
    places: 3,
    startOn: START_ON,
    closesOn: CLOSES_ON,
    hoursPerWeek: 30,
    workHours: '08.00–14.00, Senin–Jumat',
    partTime: true,
    flexible: true,
    payMin: 1_500_000,
    payMax: 2_000_000,
    payPeriod: 'month',
    openToAsimilasi: true,
    skills: [{ skillId: skill['garment.sewing'], minLevel: 'intermediate' }],
    ...overrides,
  };
}

async function auditEntries(action: string, subjectId: string) {
  return t.database.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'subject_type', 'subject_organization_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .execute();
}

/** `count` women placed on the opportunity (each with her steps and links; it fills when full). */
async function place(opportunityId: string, count: number) {
  for (let index = 0; index < count; index += 1) {
    const person = await createPerson(t.database.db);
    await createPlacement(t.database.db, {
      personId: person.id,
      opportunityId,
      stage: 'placed',
      on: today(),
    });
  }
}

describe('a partner drafts, the kelurahan opens', () => {
  let draft: Opportunity;

  it('lets a partner draft one for her own organization; audited with the partner as subject', async () => {
    const response = await post(as.mitraA as Session, sewingJob());
    expect(response.statusCode).toBe(201);
    draft = response.json() as Opportunity;
    expect(draft).toMatchObject({
      partner: { id: partnerA, name: 'Konveksi Maju Bersama' },
      village: { id: krobokan, code: '33.74.13.1013', name: 'Kelurahan Krobokan' },
      kind: 'job_vacancy',
      title: 'Penjahit konveksi',
      sector: 'garment',
      places: 3,
      placedCount: 0,
      placesLeft: 3,
      startOn: START_ON,
      closesOn: CLOSES_ON,
      hoursPerWeek: 30,
      workHours: '08.00–14.00, Senin–Jumat',
      shiftWork: false,
      partTime: true,
      flexible: true,
      payMin: 1_500_000,
      payMax: 2_000_000,
      payPeriod: 'month',
      openToAsimilasi: true,
      status: 'draft',
      statusReason: null,
      openedAt: null,
      openedBy: null,
      createdBy: 'Petugas mitraA',
      version: 1,
      permissions: {
        canEdit: true,
        canOpen: false,
        canClose: false,
        canReopen: false,
        canReviewRestrictions: false,
        canPropose: false,
      },
    });
    expect(draft.skills).toEqual([
      {
        skillId: skill['garment.sewing'],
        code: 'garment.sewing',
        nameId: expect.any(String),
        nameEn: expect.any(String),
        sector: 'garment',
        minLevel: 'intermediate',
        essential: true,
      },
    ]);
    expect('restrictions' in draft).toBe(false);
    const [entry] = await auditEntries('opportunity.created', draft.id);
    expect(entry).toMatchObject({
      actor_user_id: ids.mitraA,
      subject_type: 'opportunity',
      subject_organization_id: partnerA,
      details: { status: 'draft', partnerId: partnerA, villageId: krobokan, restrictions: false },
    });
  });

  it('refuses restriction fields, `open` and another organization in a partner’s request', async () => {
    const mitra = as.mitraA as Session;
    const restricted = await post(
      mitra,
      sewingJob({ restrictedOffences: ['narcotics'], restrictionNote: 'x' }),
    );
    expect(restricted.statusCode).toBe(400);
    expect(restricted.json().error.code).toBe('UNKNOWN_FIELDS');
    expect(Object.keys(restricted.json().error.fields).sort()).toEqual([
      'restrictedOffences',
      'restrictionNote',
    ]);
    const opened = await post(mitra, sewingJob({ open: true }));
    expect(opened.json().error).toMatchObject({
      code: 'UNKNOWN_FIELDS',
      fields: { open: expect.any(String) },
    });
    const foreign = await post(mitra, sewingJob({ partnerId: partnerB }));
    expect(foreign.json().error.fields).toEqual({ partnerId: says('opportunity_partner_not_own') });
    // Naming her own organization is fine.
    expect((await post(mitra, sewingJob({ partnerId: partnerA }))).statusCode).toBe(201);
    // The draft she edits cannot carry restrictions either.
    const edit = await patch(mitra, draft.id, { restrictionNote: 'x', version: draft.version });
    expect(edit.json().error.code).toBe('UNKNOWN_FIELDS');
  });

  it('lets her edit her draft, but not open it (403)', async () => {
    const mitra = as.mitraA as Session;
    const edited = await patch(mitra, draft.id, { places: 4, title: 'Penjahit seragam', version: 1 });
    expect(edited.statusCode).toBe(200);
    draft = edited.json() as Opportunity;
    expect(draft).toMatchObject({ places: 4, placesLeft: 4, title: 'Penjahit seragam', version: 2 });
    const refused = await status(mitra, draft.id, { action: 'open', version: draft.version });
    expect(refused.statusCode).toBe(403);
    const close = await status(mitra, draft.id, { action: 'close', reason: 'x', version: draft.version });
    expect(close.statusCode).toBe(403);
  });

  it('lets the kelurahan see it with its (empty) restrictions and open it; audited', async () => {
    const staff = as.krobokan as Session;
    const seen = (await get(staff, `/${draft.id}`)).json() as Opportunity;
    expect(seen.restrictions).toEqual({
      offences: [],
      note: null,
      reviewedAt: null,
      reviewedBy: null,
      version: 1,
    });
    expect(seen.permissions).toMatchObject({
      canEdit: true,
      canOpen: true,
      canClose: true,
      canReopen: false,
    });
    const response = await status(staff, draft.id, { action: 'open', version: draft.version });
    expect(response.statusCode).toBe(200);
    draft = response.json() as Opportunity;
    expect(draft).toMatchObject({ status: 'open', openedBy: 'Petugas krobokan', version: 3 });
    expect(draft.openedAt).not.toBeNull();
    const [entry] = await auditEntries('opportunity.status_changed', draft.id);
    expect(entry).toMatchObject({
      subject_organization_id: partnerA,
      details: { action: 'open', from: 'draft', to: 'open' },
    });
    // Opening an open one is refused.
    const again = await status(staff, draft.id, { action: 'open', version: draft.version });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('OPPORTUNITY_STATUS_NOT_ALLOWED');
  });

  it('no longer lets the partner edit it once open (403), and never shows her the restrictions', async () => {
    const mitra = as.mitraA as Session;
    const refused = await patch(mitra, draft.id, { places: 5, version: draft.version });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('OPPORTUNITY_NOT_DRAFT');
    // Restrictions written by the kelurahan stay out of every answer to her.
    await patch(as.krobokan as Session, draft.id, {
      restrictedOffences: ['narcotics', 'theft'],
      restrictionNote: 'Gudang berisi barang berharga',
      version: draft.version,
    });
    const own = await get(mitra, `/${draft.id}`);
    expect(own.statusCode).toBe(200);
    expect(Object.keys(own.json())).not.toContain('restrictions');
    expect(own.body).not.toContain('narcotics');
    expect(own.body).not.toContain('Gudang');
    expect((own.json() as Opportunity).permissions).toMatchObject({ canEdit: false, canOpen: false });
    const mine = await get(mitra);
    expect(mine.statusCode).toBe(200);
    const items = (mine.json() as OpportunityList).items;
    expect(items.map((item) => item.id)).toContain(draft.id);
    expect(new Set(items.map((item) => item.partner.id))).toEqual(new Set([partnerA]));
    for (const item of items) expect(Object.keys(item)).not.toContain('restrictions');
    expect(mine.body).not.toContain('narcotics');
  });

  it('hides one partner’s opportunities from another: 404 and absent from her list', async () => {
    const other = as.mitraB as Session;
    const response = await get(other, `/${draft.id}`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('OPPORTUNITY_NOT_FOUND');
    expect((await patch(other, draft.id, { places: 9, version: 4 })).statusCode).toBe(404);
    expect((await status(other, draft.id, { action: 'close', reason: 'x', version: 4 })).statusCode).toBe(
      404,
    );
    expect((await list(other)).items.map((item) => item.partner.id)).not.toContain(partnerA);
    expect((await list(other, `?partnerId=${partnerA}`)).total).toBe(0);
  });
});

describe('who manages which kelurahan', () => {
  it('refuses a kelurahan creating for another kelurahan (field error), lets the kecamatan do it', async () => {
    const refused = await post(
      as.krobokan as Session,
      sewingJob({ partnerId: partnerB, villageId: manyaran }),
    );
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ villageId: says('opportunity_village_not_managed') });
    const created = await post(
      as.kecamatan as Session,
      sewingJob({
        partnerId: partnerB,
        villageId: manyaran,
        open: true,
        restrictedOffences: ['violence', 'violence'],
        restrictionNote: 'Dapur umum dengan pisau',
      }),
    );
    expect(created.statusCode).toBe(201);
    const opportunity = created.json() as Opportunity;
    expect(opportunity).toMatchObject({
      status: 'open',
      openedBy: 'Petugas kecamatan',
      restrictions: { offences: ['violence'], note: 'Dapur umum dengan pisau', reviewedAt: null },
    });
    // Audited without the restriction text.
    const [entry] = await auditEntries('opportunity.created', opportunity.id);
    expect(entry?.details).toMatchObject({ status: 'open', restrictions: true });
    expect(JSON.stringify(entry?.details)).not.toContain('pisau');
    expect(JSON.stringify(entry?.details)).not.toContain('violence');

    // Krobokan's staff may read it but not change it; Manyaran's may.
    const krobokanStaff = as.krobokan as Session;
    const seen = (await get(krobokanStaff, `/${opportunity.id}`)).json() as Opportunity;
    expect(seen.permissions).toMatchObject({ canEdit: false, canClose: false });
    expect((await patch(krobokanStaff, opportunity.id, { places: 5, version: 1 })).statusCode).toBe(403);
    expect(
      (await status(krobokanStaff, opportunity.id, { action: 'close', reason: 'x', version: 1 })).statusCode,
    ).toBe(403);
    const moved = await patch(as.manyaran as Session, opportunity.id, { villageId: krobokan, version: 1 });
    expect(moved.json().error.fields).toEqual({ villageId: says('opportunity_village_not_managed') });
    const edited = await patch(as.manyaran as Session, opportunity.id, { places: 5, version: 1 });
    expect(edited.statusCode).toBe(200);
  });

  it('lets corrections staff read everything and review restrictions, but not create or edit', async () => {
    const giatja = as.giatja as Session;
    const opportunity = await createOpportunity(t.database.db, {
      partnerId: partnerA,
      restrictedOffences: ['fraud'],
      restrictionNote: 'Kasir',
    });
    const seen = (await get(giatja, `/${opportunity.id}`)).json() as Opportunity;
    expect(seen.restrictions).toMatchObject({ offences: ['fraud'], note: 'Kasir' });
    expect(seen.permissions).toMatchObject({
      canEdit: false,
      canOpen: false,
      canReviewRestrictions: true,
      canPropose: true,
    });
    expect((await post(giatja, sewingJob({ partnerId: partnerA }))).statusCode).toBe(403);
    expect((await patch(giatja, opportunity.id, { places: 9, version: 1 })).statusCode).toBe(403);
    expect(
      (await status(as.pk as Session, opportunity.id, { action: 'close', reason: 'x', version: 1 }))
        .statusCode,
    ).toBe(403);

    // Neither the partner nor the kelurahan reviews restrictions.
    const body = {
      offences: ['fraud', 'embezzlement'],
      note: 'Kasir: hanya bila bukan penggelapan',
      version: 1,
    };
    expect((await restrictions(as.mitraA as Session, opportunity.id, body)).statusCode).toBe(403);
    expect((await restrictions(as.krobokan as Session, opportunity.id, body)).statusCode).toBe(403);
    const reviewed = await restrictions(giatja, opportunity.id, body);
    expect(reviewed.statusCode).toBe(200);
    expect((reviewed.json() as Opportunity).restrictions).toMatchObject({
      offences: ['fraud', 'embezzlement'],
      note: 'Kasir: hanya bila bukan penggelapan',
      reviewedBy: 'Petugas giatja',
      reviewedAt: expect.any(String),
    });
    // The review has its own version: the opportunity's stays as it was.
    expect(reviewed.json()).toMatchObject({ version: 1, restrictions: { version: 2 } });
    const [entry] = await auditEntries('opportunity.restrictions_reviewed', opportunity.id);
    expect(entry).toMatchObject({
      subject_organization_id: partnerA,
      details: { offenceCount: 2, changed: true, restrictionsVersion: 2 },
    });
    expect(JSON.stringify(entry?.details)).not.toContain('Kasir');
    expect(JSON.stringify(entry?.details)).not.toContain('fraud');
    // A stale review is refused; unknown offences are field errors.
    const stale = await restrictions(giatja, opportunity.id, body);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const unknown = await restrictions(giatja, opportunity.id, { offences: ['murder'], version: 2 });
    expect(unknown.statusCode).toBe(400);
    expect(Object.keys(unknown.json().error.fields)).toEqual(['offences.0']);

    // The kelurahan changing the restrictions afterwards clears the review and bumps both versions: the
    // review read before it is stale.
    const changed = await patch(as.krobokan as Session, opportunity.id, {
      restrictedOffences: ['fraud'],
      version: 1,
    });
    expect(changed.json()).toMatchObject({
      version: 2,
      restrictions: { offences: ['fraud'], reviewedAt: null, reviewedBy: null, version: 3 },
    });
    expect((await restrictions(giatja, opportunity.id, { offences: ['fraud'], version: 2 })).statusCode).toBe(
      409,
    );
    // ...but an edit that leaves them as they are keeps the review (and their version).
    await restrictions(giatja, opportunity.id, { offences: ['fraud'], version: 3 });
    const kept = await patch(as.krobokan as Session, opportunity.id, {
      restrictedOffences: ['fraud'],
      title: 'Kasir toko',
      version: 2,
    });
    expect(kept.json()).toMatchObject({
      version: 3,
      restrictions: { reviewedBy: 'Petugas giatja', version: 4 },
    });
  });

  it('does not refuse a partner’s draft edit after a review of restrictions she cannot see', async () => {
    const mitra = as.mitraA as Session;
    const draft = (await post(mitra, sewingJob())).json() as Opportunity;
    const before = (await get(as.giatja as Session, `/${draft.id}`)).json() as Opportunity;
    const reviewed = await restrictions(as.giatja as Session, draft.id, {
      offences: ['narcotics'],
      note: 'Dekat sekolah',
      version: before.restrictions?.version,
    });
    expect(reviewed.statusCode, reviewed.body).toBe(200);
    // Nothing she can see moved: the same version, the same last change.
    const seen = (await get(mitra, `/${draft.id}`)).json() as Opportunity;
    expect(seen).toMatchObject({ version: draft.version, updatedAt: draft.updatedAt });
    expect(Object.keys(seen)).not.toContain('restrictions');
    const edited = await patch(mitra, draft.id, {
      title: 'Penjahit seragam sekolah',
      version: draft.version,
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ title: 'Penjahit seragam sekolah', version: draft.version + 1 });
    // The review stays (her edit touched no restriction).
    const staff = (await get(as.krobokan as Session, `/${draft.id}`)).json() as Opportunity;
    expect(staff.restrictions).toMatchObject({ offences: ['narcotics'], reviewedBy: 'Petugas giatja' });
  });

  it('refuses those without the permission: a viewer and an administrator', async () => {
    const opportunity = await createOpportunity(t.database.db, { partnerId: partnerA });
    for (const name of ['viewer', 'admin']) {
      const session = as[name] as Session;
      expect((await get(session)).statusCode).toBe(403);
      expect((await get(session, `/${opportunity.id}`)).statusCode).toBe(403);
      expect((await post(session, sewingJob({ partnerId: partnerA }))).statusCode).toBe(403);
      expect((await patch(session, opportunity.id, { places: 2, version: 1 })).statusCode).toBe(403);
    }
  });
});

describe('changing the partner', () => {
  it('lets staff change the partner before anyone is proposed, and refuses it once someone was (409)', async () => {
    const db = t.database.db;
    const staff = as.krobokan as Session;
    const opportunity = await createOpportunity(db, { partnerId: partnerA });
    const moved = await patch(staff, opportunity.id, { partnerId: partnerB, version: 1 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ partner: { id: partnerB }, version: 2 });

    // A woman proposed (she consented to partner B; her link to B lets B see her while it runs).
    const woman = await createPerson(db);
    await giveConsent(db, woman.id, { kinds: ['partner'] });
    const placement = await createPlacement(db, { personId: woman.id, opportunityId: opportunity.id });
    const refused = await patch(staff, opportunity.id, { partnerId: partnerA, title: 'Pindah', version: 2 });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'OPPORTUNITY_PARTNER_LOCKED',
      fields: { partnerId: says('opportunity_partner_has_placements') },
    });
    // Nothing changed: neither the partner, nor the title sent with it, nor the version.
    const row = await db
      .selectFrom('opportunity')
      .select(['partner_id', 'title', 'version'])
      .where('id', '=', opportunity.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ partner_id: partnerB, title: opportunity.title, version: 2 });
    // Partner A never sees the woman nor the placement; B still does.
    expect(
      (await (as.mitraA as Session).request({ method: 'GET', url: `/api/people/${woman.id}` })).statusCode,
    ).toBe(404);
    const placementOfB = await (as.mitraB as Session).request({
      method: 'GET',
      url: `/api/placements/${placement.id}`,
    });
    expect(placementOfB.statusCode, placementOfB.body).toBe(200);

    // Also once the placement is over: its steps and the links' history name partner B.
    await db.updateTable('placement').set({ stage: 'unsuccessful' }).where('id', '=', placement.id).execute();
    const after = await patch(staff, opportunity.id, { partnerId: partnerA, version: 2 });
    expect(after.statusCode).toBe(409);
    expect(after.json().error.code).toBe('OPPORTUNITY_PARTNER_LOCKED');
    // Sending the same partner is no change and is accepted.
    const same = await patch(staff, opportunity.id, { partnerId: partnerB, title: 'Tetap', version: 2 });
    expect(same.statusCode, same.body).toBe(200);
  });
});

describe('checks on what is sent', () => {
  it('names each bad field in Indonesian', async () => {
    const staff = as.krobokan as Session;
    await t.database.db
      .updateTable('skill')
      .set({ active: false })
      .where('code', '=', 'batik.written')
      .execute();
    const bad = await post(
      staff,
      sewingJob({
        partnerId: krobokan,
        startOn: '2027-02-01',
        closesOn: '2027-01-31',
        payMin: 2_000_000,
        payMax: 1_000_000,
        skills: [
          { skillId: skill['garment.sewing'], minLevel: 'basic' },
          { skillId: skill['garment.sewing'], minLevel: 'competent' },
          { skillId: '00000000-0000-4000-8000-00000000abcd' },
          { skillId: skill['batik.written'] },
        ],
      }),
    );
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    expect(bad.json().error.fields).toEqual({
      partnerId: says('opportunity_partner_invalid'),
      closesOn: 'Tanggal penutupan tidak boleh sebelum tanggal mulai (01/02/2027).',
      payMax: says('opportunity_pay_max_below_min'),
      'skills.1.skillId': says('opportunity_skill_duplicate'),
      'skills.2.skillId': 'Keterampilan tidak dikenal atau tidak aktif lagi. Pilih dari daftar keterampilan.',
      'skills.3.skillId': says('skill_unknown'),
    });
    const wrongVillage = await post(staff, sewingJob({ partnerId: partnerA, villageId: partnerB }));
    expect(wrongVillage.json().error.fields).toEqual({ villageId: says('opportunity_village_invalid') });
    const noPartner = await post(staff, sewingJob());
    expect(noPartner.json().error.fields).toEqual({ partnerId: 'Wajib diisi.' });
    const noPeriod = await post(staff, sewingJob({ partnerId: partnerA, payPeriod: null }));
    expect(noPeriod.json().error.fields).toEqual({ payPeriod: says('opportunity_pay_period_required') });

    const numbers = await post(
      staff,
      sewingJob({ partnerId: partnerA, places: 0, hoursPerWeek: 85, restrictedOffences: ['murder'] }),
    );
    expect(numbers.statusCode).toBe(400);
    expect(numbers.json().error.fields).toMatchObject({
      places: 'Minimal 1.',
      hoursPerWeek: 'Maksimal 84.',
      'restrictedOffences.0': expect.stringContaining('Pilihan tidak valid'),
    });
    const fractions = await post(staff, sewingJob({ partnerId: partnerA, places: 1.5, hoursPerWeek: 0 }));
    expect(Object.keys(fractions.json().error.fields).sort()).toEqual(['hoursPerWeek', 'places']);
    expect(fractions.json().error.fields.hoursPerWeek).toBe('Minimal 1.');
    const negative = await post(staff, sewingJob({ partnerId: partnerA, places: -1 }));
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual({ places: 'Minimal 1.' });
  });

  it('checks a PATCH against what is stored: negative places, a closing date before the stored start', async () => {
    const staff = as.krobokan as Session;
    const opportunity = await createOpportunity(t.database.db, {
      partnerId: partnerA,
      startOn: START_ON,
      closesOn: CLOSES_ON,
    });
    const negative = await patch(staff, opportunity.id, { places: -1, version: 1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.fields).toEqual({ places: 'Minimal 1.' });
    // Only the closing date sent: compared with the start date already stored.
    const early = await patch(staff, opportunity.id, { closesOn: inDays(59), version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({
      closesOn: `Tanggal penutupan tidak boleh sebelum tanggal mulai (${shown(START_ON)}).`,
    });
    // Only the start date sent: compared with the closing date already stored.
    const late = await patch(staff, opportunity.id, { startOn: inDays(91), version: 1 });
    expect(late.json().error.fields).toEqual({
      closesOn: `Tanggal penutupan tidak boleh sebelum tanggal mulai (${shown(inDays(91))}).`,
    });
    const row = await t.database.db
      .selectFrom('opportunity')
      .select(['places', 'start_on', 'closes_on', 'version'])
      .where('id', '=', opportunity.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ places: 3, start_on: START_ON, closes_on: CLOSES_ON, version: 1 });
  });

  it('opens only a complete opportunity: skills for a job, a closing date not past; a reason to close', async () => {
    const staff = as.krobokan as Session;
    const noSkills = await post(staff, sewingJob({ partnerId: partnerA, skills: [], open: true }));
    expect(noSkills.json().error.fields).toEqual({ skills: says('opportunity_skills_required') });
    // Tools or capital need no skill.
    const tools = await post(
      staff,
      sewingJob({ partnerId: partnerA, kind: 'tools_capital', skills: [], open: true }),
    );
    expect(tools.statusCode).toBe(201);
    const past = await createOpportunity(t.database.db, {
      partnerId: partnerA,
      status: 'draft',
      kind: 'market_access',
      startOn: '2025-01-01',
      closesOn: '2025-02-01',
    });
    const refused = await status(staff, past.id, { action: 'open', version: 1 });
    expect(refused.json().error.fields).toEqual({ closesOn: says('opportunity_closing_date_passed') });
    const noReason = await status(staff, past.id, { action: 'close', version: 1 });
    expect(noReason.json().error.fields).toEqual({ reason: says('opportunity_close_reason_required') });
    const blank = await status(staff, past.id, { action: 'close', reason: '  ', version: 1 });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.fields).toEqual({ reason: 'Tuliskan alasan peluang ini ditutup.' });
    // An open job vacancy cannot lose all its skills.
    const open = (tools.json() as Opportunity).id;
    const job = await createOpportunity(t.database.db, {
      partnerId: partnerA,
      skills: [{ code: 'garment.sewing' }],
    });
    const emptied = await patch(staff, job.id, { skills: [], version: 1 });
    expect(emptied.json().error.fields).toEqual({ skills: says('opportunity_skills_required') });
    expect((await patch(staff, open, { skills: [], version: 1 })).statusCode).toBe(200);
  });

  it('refuses a stale version with 409', async () => {
    const staff = as.krobokan as Session;
    const opportunity = await createOpportunity(t.database.db, { partnerId: partnerA });
    expect((await patch(staff, opportunity.id, { title: 'Baru sekali', version: 1 })).statusCode).toBe(200);
    const stale = await patch(staff, opportunity.id, { title: 'Lama sekali', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('VERSION_CONFLICT');
    const staleStatus = await status(staff, opportunity.id, {
      action: 'close',
      reason: 'Selesai',
      version: 1,
    });
    expect(staleStatus.statusCode).toBe(409);
    expect(staleStatus.json().error.code).toBe('VERSION_CONFLICT');
  });
});

describe('places, people placed and status', () => {
  it('counts the people placed; places may not go below them; full means filled and back', async () => {
    const staff = as.krobokan as Session;
    const opportunity = await createOpportunity(t.database.db, { partnerId: partnerA, places: 3 });
    await place(opportunity.id, 2);
    const seen = (await get(staff, `/${opportunity.id}`)).json() as Opportunity;
    expect(seen).toMatchObject({ places: 3, placedCount: 2, placesLeft: 1, status: 'open' });
    const below = await patch(staff, opportunity.id, { places: 1, version: 1 });
    expect(below.statusCode).toBe(400);
    expect(below.json().error.fields).toEqual({
      places: 'Sudah ada 2 orang yang ditempatkan; jumlah tempat tidak boleh kurang dari itu.',
    });
    const full = await patch(staff, opportunity.id, { places: 2, version: 1 });
    expect(full.json()).toMatchObject({ places: 2, placesLeft: 0, status: 'filled', version: 2 });
    expect((full.json() as Opportunity).permissions.canPropose).toBe(false);
    const [entry] = await auditEntries('opportunity.updated', opportunity.id);
    expect(entry?.details).toMatchObject({ fields: ['places'], status: { from: 'open', to: 'filled' } });
    const more = await patch(staff, opportunity.id, { places: 4, version: 2 });
    expect(more.json()).toMatchObject({ places: 4, placesLeft: 2, status: 'open' });
  });

  it('closes with a reason and reopens: open, or filled when full, or draft when never opened', async () => {
    const staff = as.kecamatan as Session;
    const opportunity = await createOpportunity(t.database.db, { partnerId: partnerA, places: 1 });
    const closed = await status(staff, opportunity.id, {
      action: 'close',
      reason: 'Mitra menunda',
      version: 1,
    });
    expect(closed.json()).toMatchObject({ status: 'closed', statusReason: 'Mitra menunda', version: 2 });
    expect((closed.json() as Opportunity).permissions).toMatchObject({ canClose: false, canReopen: true });
    expect(
      (await status(staff, opportunity.id, { action: 'close', reason: 'x', version: 2 })).statusCode,
    ).toBe(409);
    const reopened = await status(staff, opportunity.id, { action: 'reopen', version: 2 });
    expect(reopened.json()).toMatchObject({ status: 'open', statusReason: null, version: 3 });
    await place(opportunity.id, 1);
    await status(staff, opportunity.id, { action: 'close', reason: 'Sementara', version: 3 });
    const full = await status(staff, opportunity.id, { action: 'reopen', version: 4 });
    expect(full.json()).toMatchObject({ status: 'filled', placesLeft: 0 });
    const [last] = (await auditEntries('opportunity.status_changed', opportunity.id)).slice(-1);
    expect(last?.details).toMatchObject({ action: 'reopen', from: 'closed', to: 'filled' });

    const draft = await createOpportunity(t.database.db, { partnerId: partnerA, status: 'draft' });
    await status(staff, draft.id, { action: 'close', reason: 'Tidak jadi', version: 1 });
    const back = await status(staff, draft.id, { action: 'reopen', version: 2 });
    expect(back.json()).toMatchObject({ status: 'draft', openedAt: null });
  });

  it('refreshOpportunityFill follows the placements for open and filled ones only', async () => {
    const db = t.database.db;
    const statusOf = async (id: string) =>
      (await db.selectFrom('opportunity').select('status').where('id', '=', id).executeTakeFirstOrThrow())
        .status;
    const open = await createOpportunity(db, { partnerId: partnerA, places: 1 });
    const draft = await createOpportunity(db, { partnerId: partnerA, places: 1, status: 'draft' });
    // Placing (the factory refreshes as the pipeline does): the open one fills, the draft stays a draft.
    await place(open.id, 1);
    await place(draft.id, 1);
    expect([await statusOf(open.id), await statusOf(draft.id)]).toEqual(['filled', 'draft']);
    // A place freed: filled becomes open again, once; a draft is left alone.
    await db.updateTable('placement').set({ stage: 'ended' }).where('opportunity_id', '=', open.id).execute();
    const changes = await db
      .transaction()
      .execute(async (trx) => [
        await refreshOpportunityFill(trx, open.id),
        await refreshOpportunityFill(trx, open.id),
        await refreshOpportunityFill(trx, draft.id),
      ]);
    expect(changes).toEqual([{ from: 'filled', to: 'open' }, null, null]);
  });

  it('never lets places drop below the people placed when both happen at the same moment', async () => {
    const db = t.database.db;
    const opportunity = await createOpportunity(db, { partnerId: partnerA, places: 2 });
    await place(opportunity.id, 1);
    const woman = await createPerson(db);
    const offered = await createPlacement(db, {
      personId: woman.id,
      opportunityId: opportunity.id,
      stage: 'offered',
      on: today(),
    });
    const [edit, step] = await Promise.all([
      patch(as.krobokan as Session, opportunity.id, { places: 1, version: 1 }),
      (as.giatja as Session).request({
        method: 'POST',
        url: `/api/placements/${offered.id}/steps`,
        payload: { stage: 'placed', happenedOn: today(), version: 1 },
      }),
    ]);
    // One of the two wins; the other is refused with the reason, whichever came first.
    if (edit.statusCode === 200) {
      expect(step.statusCode).toBe(409);
      expect(step.json().error.code).toBe('PLACEMENT_NO_PLACES');
    } else {
      expect(step.statusCode, step.body).toBe(200);
      expect(edit.statusCode).toBe(400);
      expect(edit.json().error.fields).toEqual({
        places: says('opportunity_places_below_placed', { placed: 2 }),
      });
    }
    const seen = (await get(as.krobokan as Session, `/${opportunity.id}`)).json() as Opportunity;
    expect(seen.placedCount).toBeLessThanOrEqual(seen.places);
    expect(seen).toMatchObject({ placesLeft: 0, status: 'filled' });
  });
});

describe('the list', () => {
  let partnerF: string;
  const made: Record<string, string> = {};

  beforeAll(async () => {
    const db = t.database.db;
    partnerF = (await createOrganization(db, { kind: 'partner', name: 'Koperasi Saringan Uji' })).id;
    made.sewing = (
      await createOpportunity(db, {
        partnerId: partnerF,
        title: 'Menjahit di Krobokan',
        startOn: '2027-01-10',
        places: 2,
      })
    ).id;
    made.cooking = (
      await createOpportunity(db, {
        partnerId: partnerF,
        villageId: manyaran,
        title: 'Juru masak katering',
        kind: 'apprenticeship',
        sector: 'food',
        startOn: '2027-03-01',
        places: 1,
      })
    ).id;
    made.full = (
      await createOpportunity(db, { partnerId: partnerF, title: 'Penuh', startOn: '2027-02-01', places: 1 })
    ).id;
    await place(made.full, 1);
    made.draft = (
      await createOpportunity(db, {
        partnerId: partnerF,
        title: 'Draf',
        status: 'draft',
        startOn: '2026-12-01',
      })
    ).id;
  });

  const ids_ = (page: OpportunityList) => page.items.map((item) => item.id);

  it('filters by kelurahan, sector, kind, status, open places, start date and words; sorts', async () => {
    const staff = as.pk as Session;
    const base = `?partnerId=${partnerF}`;
    const all = await list(staff, base);
    expect(all.total).toBe(4);
    expect(ids_(await list(staff, `${base}&villageId=${manyaran}`))).toEqual([made.cooking]);
    expect(ids_(await list(staff, `${base}&sector=food`))).toEqual([made.cooking]);
    expect(ids_(await list(staff, `${base}&kind=apprenticeship`))).toEqual([made.cooking]);
    expect(ids_(await list(staff, `${base}&status=draft`))).toEqual([made.draft]);
    expect(ids_(await list(staff, `${base}&hasOpenPlaces=true&sort=start`))).toEqual([
      made.sewing,
      made.cooking,
    ]);
    expect(ids_(await list(staff, `${base}&startsBefore=2027-02-01&sort=start`))).toEqual([
      made.draft,
      made.sewing,
      made.full,
    ]);
    expect(ids_(await list(staff, `${base}&q=KATERING`))).toEqual([made.cooking]);
    expect(ids_(await list(staff, `?q=saringan%20uji&sort=title`))).toEqual([
      made.draft,
      made.cooking,
      made.sewing,
      made.full,
    ]);
    const page = await list(staff, `${base}&sort=start&page=2&pageSize=3`);
    expect(page).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(ids_(page)).toEqual([made.cooking]);
    const full = (await list(staff, `${base}&status=filled&sort=start`)).items;
    expect(full).toEqual([
      expect.objectContaining({ id: made.full, places: 1, placedCount: 1, placesLeft: 0 }),
    ]);
    const bad = await get(staff, `${base}&startsBefore=2027-13-01&hasOpenPlaces=yes`);
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(bad.json().error.fields).sort()).toEqual(['hasOpenPlaces', 'startsBefore']);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent } from '../../../../tests/factories/people.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { Handover, HandoverList, HandoverOfficers, PersonHandovers } from '../../../shared/handovers.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { PATHWAYS } from '../../../shared/reintegration.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// Serah terima through the API: the prison sends (with a plan only), the Bapas head accepts with a PK of her
// Bapas or returns it, the prison cancels or sends again; versions guard every step; the kelurahan hears of
// her coming only with her consent, and never her name.

let t: TestApp;
let krobokan: string;
let otherBapas: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[], active = true) {
  const created = await createUser(t.database.db, {
    organizationId,
    roles,
    fullName: `Petugas ${name}`,
    active,
  });
  ids[name] = created.id;
  if (active) as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** yyyy-mm-dd, `days` after today. */
function day(days: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  krobokan = (await villageByCode(db, '33.74.13.1013')).id;
  otherBapas = (await createOrganization(db, { kind: 'probation', name: 'Bapas Uji Lain' })).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('head', BAPAS_ID, ['probation_head']);
  await user('pk1', BAPAS_ID, ['probation_officer']);
  await user('pk2', BAPAS_ID, ['probation_officer']);
  await user('pkGone', BAPAS_ID, ['probation_officer'], false);
  await user('otherHead', otherBapas, ['probation_head']);
  await user('otherPk', otherBapas, ['probation_officer']);
  await user('kelurahan', krobokan, ['village_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
  await user('partner', (await createOrganization(db, { kind: 'partner' })).id, ['partner_staff']);
});
afterAll(() => t.close());

const session = (name: string) => as[name] as Session;
const call = (name: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  session(name).request({ method, url, ...(payload && { payload }) });

/** A woman of the prison, release in `releaseIn` days, with a plan (two pathways started: 25 %) unless told. */
async function woman(options: { plan?: boolean; releaseIn?: number; villageId?: string | null } = {}) {
  const db = t.database.db;
  const person = await createPerson(db, {
    releaseDate: day(options.releaseIn ?? 20),
    intendedVillageId: options.villageId ?? null,
    skills: ['Menjahit'],
  });
  if (options.plan !== false) {
    const plan = await db
      .insertInto('reintegration_plan')
      .values({ person_id: person.id, organization_id: LAPAS_ID, guarantee_acknowledged_on: day(-3) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reintegration_pathway')
      .values(
        PATHWAYS.map((pathway, index) => ({
          plan_id: plan.id,
          pathway,
          status: index === 0 ? 'done' : index === 1 ? 'in_progress' : 'not_started',
        })),
      )
      .execute();
    await db
      .insertInto('reintegration_goal')
      .values({
        plan_id: plan.id,
        pathway: 'skills_work',
        title: 'Bekerja di konveksi',
        horizon_months: 3,
        target_date: day(110),
      })
      .execute();
  }
  return person;
}

async function sendFor(personId: string, by = 'binadik', body: object = {}) {
  const response = await call(by, 'POST', `/api/people/${personId}/handovers`, {
    toOrganizationId: BAPAS_ID,
    note: 'Mohon diterima',
    ...body,
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as Handover;
}

async function handoversOf(personId: string, by = 'binadik') {
  const response = await call(by, 'GET', `/api/people/${personId}/handovers`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PersonHandovers;
}

const notificationsOf = (userId: string, personId: string) =>
  t.database.db
    .selectFrom('notification')
    .select(['kind', 'params', 'link'])
    .where('user_id', '=', userId)
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();

const handoverLinks = (personId: string) =>
  t.database.db
    .selectFrom('person_link')
    .select(['organization_id', 'active'])
    .where('person_id', '=', personId)
    .where('kind', '=', 'handover')
    .orderBy('created_at')
    .execute();

describe('access', () => {
  it('is corrections staff’s: kelurahan, partners and viewers are refused', async () => {
    const person = await woman();
    for (const name of ['kelurahan', 'partner', 'viewer']) {
      const read = await call(name, 'GET', `/api/people/${person.id}/handovers`);
      expect(read.statusCode, `${name} ${read.body}`).toBe(403);
      const sent = await call(name, 'POST', `/api/people/${person.id}/handovers`, {
        toOrganizationId: BAPAS_ID,
      });
      expect(sent.statusCode, name).toBe(403);
      expect((await call(name, 'GET', '/api/handovers')).statusCode, name).toBe(403);
    }
    // A Bapas she was never sent or referred to does not know she exists.
    expect((await call('head', 'GET', `/api/people/${person.id}/handovers`)).statusCode).toBe(404);
    // Only a Bapas head lists PKs, and a Bapas cannot send.
    expect((await call('binadik', 'GET', '/api/handovers/officers')).statusCode).toBe(403);
    expect((await call('pk1', 'GET', '/api/handovers/officers')).statusCode).toBe(403);
  });

  it('refuses a handover without a plan, and a destination that is not a Bapas', async () => {
    const person = await woman({ plan: false });
    const before = await handoversOf(person.id);
    expect(before).toMatchObject({ items: [], state: 'none', canSend: true, hasPlan: false });
    const refused = await call('binadik', 'POST', `/api/people/${person.id}/handovers`, {
      toOrganizationId: BAPAS_ID,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('HANDOVER_PLAN_REQUIRED');
    expect(refused.json().error.message).toContain('rencana reintegrasi');
    const planned = await woman();
    const notBapas = await call('binadik', 'POST', `/api/people/${planned.id}/handovers`, {
      toOrganizationId: krobokan,
    });
    expect(notBapas.statusCode).toBe(400);
    expect(Object.keys(notBapas.json().error.fields)).toEqual(['toOrganizationId']);
    expect(await handoverLinks(person.id)).toEqual([]);
  });
});

describe('the whole handover', () => {
  it('sends with a package, lets the Bapas see her, accepts with a PK of that Bapas, changes the PK', async () => {
    const db = t.database.db;
    const person = await woman({ releaseIn: 25 });
    await db
      .insertInto('person_document')
      .values({
        person_id: person.id,
        category: 'identity',
        title: 'KTP',
        file_name: 'ktp.pdf',
        media_type: 'application/pdf',
        size_bytes: 10,
        sha256: 'x'.repeat(64),
        storage_key: `test/${person.id}`,
        uploaded_by_name: 'Petugas',
        organization_id: LAPAS_ID,
      })
      .execute();
    await giveConsent(db, person.id, { organizationIds: [krobokan], groups: ['plan'] });

    const sent = await sendFor(person.id);
    expect(sent).toMatchObject({
      status: 'sent',
      from: { id: LAPAS_ID },
      to: { id: BAPAS_ID },
      note: 'Mohon diterima',
      expectedReleaseDate: day(25),
      sentBy: 'Petugas binadik',
      officer: null,
      canCancel: true,
      canAccept: false,
      version: 1,
    });
    expect(sent.events.map((event) => event.action)).toEqual(['sent']);
    expect(sent.package.plan).toMatchObject({
      percent: 25,
      started: 2,
      total: 8,
      guaranteeAcknowledgedOn: day(-3),
    });
    expect(sent.package.plan.pathways).toHaveLength(8);
    expect(sent.package.plan.goals.map((goal) => goal.title)).toEqual(['Bekerja di konveksi']);
    expect(sent.package.skills.map((skill) => skill.name)).toEqual(['Menjahit']);
    expect(sent.package.documents).toEqual([{ title: 'KTP', category: 'identity', addedOn: today() }]);
    expect(sent.package.consents).toHaveLength(1);
    expect(sent.package.consents[0]?.fieldGroups).toEqual(['plan']);

    // One live handover: a second send is refused.
    const again = await call('binadik', 'POST', `/api/people/${person.id}/handovers`, {
      toOrganizationId: BAPAS_ID,
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('HANDOVER_EXISTS');

    // The Bapas is linked and its head told (not its PKs, not another Bapas).
    expect(await handoverLinks(person.id)).toEqual([{ organization_id: BAPAS_ID, active: true }]);
    expect(await notificationsOf(ids.head as string, person.id)).toEqual([
      {
        kind: 'handover_sent',
        params: { organizationName: expect.any(String) },
        link: `/warga/${person.id}?tab=pembebasan`,
      },
    ]);
    expect(await notificationsOf(ids.pk1 as string, person.id)).toEqual([]);
    expect(await notificationsOf(ids.otherHead as string, person.id)).toEqual([]);
    const timeline = await db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', person.id)
      .execute();
    expect(timeline.map((row) => row.kind)).toContain('handover.sent');

    // The Bapas head sees her and the handover; another Bapas does not.
    const atBapas = await handoversOf(person.id, 'head');
    expect(atBapas).toMatchObject({ state: 'sent', canSend: false, hasPlan: true });
    expect(atBapas.items[0]).toMatchObject({ canAccept: true, canReturn: true, canCancel: false });
    expect((await call('otherHead', 'GET', `/api/people/${person.id}/handovers`)).statusCode).toBe(404);
    const inbox = await call('head', 'GET', '/api/handovers?status=sent');
    expect(inbox.statusCode).toBe(200);
    const listed = inbox.json() as HandoverList;
    expect(listed.direction).toBe('received');
    expect(listed.items.map((item) => item.person.id)).toContain(person.id);
    // The list carries the same action flags as the detail.
    expect(listed.items.find((item) => item.id === sent.id)).toMatchObject({
      canAccept: true,
      canReturn: true,
      canCancel: false,
      canChangeOfficer: false,
    });
    const logged = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'handover.listed')
      .where('actor_user_id', '=', ids.head as string)
      .executeTakeFirstOrThrow();
    expect(logged.details.shown).toContain(person.id);
    const outbox = (await (await call('binadik', 'GET', '/api/handovers')).json()) as HandoverList;
    expect(outbox.direction).toBe('sent');
    expect(outbox.items.find((item) => item.id === sent.id)).toMatchObject({
      status: 'sent',
      to: { id: BAPAS_ID },
      canAccept: false,
      canCancel: true,
    });

    // The PKs of this Bapas, active ones only.
    const officers = (await (
      await call('head', 'GET', '/api/handovers/officers')
    ).json()) as HandoverOfficers;
    expect(officers.items.map((item) => item.name)).toEqual(['Petugas pk1', 'Petugas pk2']);

    // The PK must be an active PK of this Bapas.
    for (const wrong of ['otherPk', 'pkGone', 'head']) {
      const response = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
        officerUserId: ids[wrong],
        version: 1,
      });
      expect(response.statusCode, wrong).toBe(400);
      expect(Object.keys(response.json().error.fields)).toEqual(['officerUserId']);
    }
    // Another Bapas cannot decide it; the prison cannot either.
    expect(
      (
        await call('otherHead', 'POST', `/api/handovers/${sent.id}/accept`, {
          officerUserId: ids.otherPk,
          version: 1,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (
        await call('binadik', 'POST', `/api/handovers/${sent.id}/accept`, {
          officerUserId: ids.pk1,
          version: 1,
        })
      ).statusCode,
    ).toBe(403);

    // Sent: the link lets the Bapas staff (its PKs too) see her already.
    expect((await call('pk1', 'GET', `/api/people/${person.id}`)).statusCode).toBe(200);
    const accepted = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({
      status: 'accepted',
      officer: { id: ids.pk1, name: 'Petugas pk1' },
      decidedBy: 'Petugas head',
      version: 2,
      canAccept: false,
      canChangeOfficer: true,
    });
    // Her schedule starts on the expected release date; the PK and the consented kelurahan are told.
    const schedule = await db
      .selectFrom('supervision_schedule')
      .select(['starts_on', 'organization_id', 'interval'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(schedule).toEqual({ starts_on: day(25), organization_id: BAPAS_ID, interval: 'monthly' });
    expect(await notificationsOf(ids.pk1 as string, person.id)).toEqual([
      {
        kind: 'handover_accepted_officer',
        params: { organizationName: expect.any(String) },
        link: `/bimbingan/${person.id}`,
      },
    ]);
    // No intended kelurahan yet: nobody to tell.
    expect(await notificationsOf(ids.kelurahan as string, person.id)).toEqual([]);

    // A stale version is refused; the PK is changed with the current one.
    const stale = await call('head', 'POST', `/api/handovers/${sent.id}/officer`, {
      officerUserId: ids.pk2,
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('HANDOVER_CHANGED');
    const changed = await call('head', 'POST', `/api/handovers/${sent.id}/officer`, {
      officerUserId: ids.pk2,
      version: 2,
      note: 'Beban kerja',
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ officer: { id: ids.pk2 }, version: 3 });
    expect((changed.json() as Handover).events.map((event) => [event.action, event.note])).toEqual([
      ['sent', 'Mohon diterima'],
      ['accepted', null],
      ['officer_changed', 'Petugas pk2 — Beban kerja'],
    ]);
    expect((await notificationsOf(ids.pk2 as string, person.id)).map((row) => row.kind)).toEqual([
      'handover_accepted_officer',
    ]);
    // The same PK again is refused (no event, no version bump); the change is on her timeline.
    const same = await call('head', 'POST', `/api/handovers/${sent.id}/officer`, {
      officerUserId: ids.pk2,
      version: 3,
    });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.code).toBe('HANDOVER_SAME_OFFICER');
    const kinds = await db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', person.id)
      .execute();
    expect(kinds.map((row) => row.kind)).toContain('handover.officer_changed');
    const inList = (await (await call('head', 'GET', '/api/handovers')).json()) as HandoverList;
    expect(inList.items.find((item) => item.id === sent.id)).toMatchObject({
      version: 3,
      canAccept: false,
      canChangeOfficer: true,
    });
    // Accepted is no longer cancellable nor decidable.
    const late = await call('binadik', 'POST', `/api/handovers/${sent.id}/cancel`, { version: 3 });
    expect(late.json().error.code).toBe('HANDOVER_NOT_SENT');
    const twice = await call('head', 'POST', `/api/handovers/${sent.id}/return`, { reason: 'x', version: 3 });
    expect(twice.json().error.code).toBe('HANDOVER_NOT_SENT');
    const audits = await db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', person.id)
      .where('action', 'like', 'handover.%')
      .execute();
    expect(new Set(audits.map((row) => row.action))).toEqual(
      new Set(['handover.sent', 'handover.viewed', 'handover.accepted', 'handover.officer_changed']),
    );
  });

  it('before acceptance a PK of the Bapas already sees her through the link; the PK of another Bapas never', async () => {
    const person = await woman();
    expect((await call('pk1', 'GET', `/api/people/${person.id}`)).statusCode).toBe(404);
    const sent = await sendFor(person.id);
    expect((await call('pk1', 'GET', `/api/people/${person.id}`)).statusCode).toBe(200);
    await call('head', 'POST', `/api/handovers/${sent.id}/accept`, { officerUserId: ids.pk1, version: 1 });
    expect((await call('pk1', 'GET', `/api/people/${person.id}`)).statusCode).toBe(200);
    expect((await call('otherPk', 'GET', `/api/people/${person.id}`)).statusCode).toBe(404);
  });
});

describe('return, resend and cancel', () => {
  it('returns with a reason (required), ends the Bapas’s view of her, and lets the prison send again', async () => {
    const person = await woman();
    const first = await sendFor(person.id);
    const noReason = await call('head', 'POST', `/api/handovers/${first.id}/return`, {
      reason: ' ',
      version: 1,
    });
    expect(noReason.statusCode).toBe(400);
    expect(Object.keys(noReason.json().error.fields)).toEqual(['reason']);
    const returned = await call('head', 'POST', `/api/handovers/${first.id}/return`, {
      reason: 'Dokumen belum lengkap',
      version: 1,
    });
    expect(returned.statusCode, returned.body).toBe(200);
    expect(returned.json()).toMatchObject({
      status: 'returned',
      returnReason: 'Dokumen belum lengkap',
      version: 2,
    });
    expect(await handoverLinks(person.id)).toEqual([{ organization_id: BAPAS_ID, active: false }]);
    expect((await call('head', 'GET', `/api/people/${person.id}/handovers`)).statusCode).toBe(404);
    expect((await notificationsOf(ids.binadik as string, person.id)).map((row) => row.kind)).toEqual([
      'handover_returned',
    ]);
    const atPrison = await handoversOf(person.id);
    expect(atPrison).toMatchObject({ state: 'returned', canSend: true });

    const second = await sendFor(person.id);
    expect(second.id).not.toBe(first.id);
    const history = await handoversOf(person.id);
    expect(history.state).toBe('sent');
    expect(history.items.map((item) => item.status)).toEqual(['sent', 'returned']);
    expect(await handoverLinks(person.id)).toEqual([
      { organization_id: BAPAS_ID, active: false },
      { organization_id: BAPAS_ID, active: true },
    ]);
  });

  it('keeps a referral: a returned handover does not hide her from a Bapas she was referred to', async () => {
    const person = await woman();
    await t.database.db
      .insertInto('person_link')
      .values({ person_id: person.id, organization_id: BAPAS_ID, kind: 'referral' })
      .execute();
    const sent = await sendFor(person.id);
    await call('head', 'POST', `/api/handovers/${sent.id}/return`, { reason: 'Belum waktunya', version: 1 });
    expect((await call('head', 'GET', `/api/people/${person.id}/handovers`)).statusCode).toBe(200);
  });

  it('lets the prison cancel a sent handover (version checked), not the Bapas', async () => {
    const person = await woman();
    const sent = await sendFor(person.id);
    expect((await call('head', 'POST', `/api/handovers/${sent.id}/cancel`, { version: 1 })).statusCode).toBe(
      403,
    );
    const stale = await call('binadik', 'POST', `/api/handovers/${sent.id}/cancel`, { version: 2 });
    expect(stale.json().error.code).toBe('HANDOVER_CHANGED');
    const cancelled = await call('binadik', 'POST', `/api/handovers/${sent.id}/cancel`, { version: 1 });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(await handoverLinks(person.id)).toEqual([{ organization_id: BAPAS_ID, active: false }]);
    expect(await handoversOf(person.id)).toMatchObject({ state: 'none', canSend: true });
  });
});

describe('decisions', () => {
  it('never lets the user who sent a handover decide it', async () => {
    const person = await woman();
    const sent = await sendFor(person.id);
    // Whoever sent it (here made the Bapas head by hand: no role both sends and decides).
    await t.database.db
      .updateTable('handover')
      .set({ sent_by: ids.head })
      .where('id', '=', sent.id)
      .execute();
    const view = await handoversOf(person.id, 'head');
    expect(view.items[0]).toMatchObject({ canAccept: false, canReturn: false });
    const listed = (await (await call('head', 'GET', '/api/handovers')).json()) as HandoverList;
    expect(listed.items.find((item) => item.id === sent.id)).toMatchObject({
      canAccept: false,
      canReturn: false,
    });
    const accept = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
    });
    expect(accept.statusCode).toBe(403);
    expect(accept.json().error.code).toBe('HANDOVER_OWN');
    const giveBack = await call('head', 'POST', `/api/handovers/${sent.id}/return`, {
      reason: 'x',
      version: 1,
    });
    expect(giveBack.json().error.code).toBe('HANDOVER_OWN');
  });

  it('refuses the decision to a sender whose account later moved to the Bapas as its head', async () => {
    const db = t.database.db;
    const mover = await createUser(db, {
      organizationId: LAPAS_ID,
      roles: ['prison_binadik'],
      fullName: 'Petugas pindah',
    });
    const before = await signIn(t.app, mover.username, TEST_PASSWORD);
    const person = await woman();
    const response = await before.request({
      method: 'POST',
      url: `/api/people/${person.id}/handovers`,
      payload: { toOrganizationId: BAPAS_ID },
    });
    expect(response.statusCode, response.body).toBe(201);
    const sent = response.json() as Handover;
    // Transferred: now a probation head of the very Bapas she sent the case to.
    await db.updateTable('app_user').set({ organization_id: BAPAS_ID }).where('id', '=', mover.id).execute();
    await db.deleteFrom('user_role').where('user_id', '=', mover.id).execute();
    await db.insertInto('user_role').values({ user_id: mover.id, role_code: 'probation_head' }).execute();
    const after = await signIn(t.app, mover.username, TEST_PASSWORD);
    const accept = await after.request({
      method: 'POST',
      url: `/api/handovers/${sent.id}/accept`,
      payload: { officerUserId: ids.pk1, version: 1 },
    });
    expect(accept.statusCode, accept.body).toBe(403);
    expect(accept.json().error.code).toBe('HANDOVER_OWN');
    // Another head of that Bapas decides it.
    const other = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
    });
    expect(other.statusCode, other.body).toBe(200);
  });

  it('tells the intended kelurahan of her coming only when her current consent covers it, with no name', async () => {
    const db = t.database.db;
    const consenting = await woman({ villageId: krobokan, releaseIn: 40 });
    await giveConsent(db, consenting.id, { organizationIds: [krobokan] });
    const byKind = await woman({ villageId: krobokan });
    await giveConsent(db, byKind.id, { kinds: ['village'] });
    const withdrawn = await woman({ villageId: krobokan });
    await giveConsent(db, withdrawn.id, { organizationIds: [krobokan], withdrawn: true });
    const silent = await woman({ villageId: krobokan });
    for (const person of [consenting, byKind, withdrawn, silent]) {
      const sent = await sendFor(person.id);
      const response = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
        officerUserId: ids.pk1,
        version: 1,
      });
      expect(response.statusCode, response.body).toBe(200);
    }
    expect(await notificationsOf(ids.kelurahan as string, consenting.id)).toEqual([
      { kind: 'client_coming', params: { date: day(40) }, link: `/warga/${consenting.id}` },
    ]);
    expect(await notificationsOf(ids.kelurahan as string, byKind.id)).toHaveLength(1);
    expect(await notificationsOf(ids.kelurahan as string, withdrawn.id)).toEqual([]);
    expect(await notificationsOf(ids.kelurahan as string, silent.id)).toEqual([]);
    const params = await db
      .selectFrom('notification')
      .select('params')
      .where('person_id', '=', consenting.id)
      .execute();
    for (const row of params) expect(JSON.stringify(row.params)).not.toContain(consenting.full_name);
  });

  it('lets only one of two simultaneous decisions through (version)', async () => {
    const person = await woman();
    const sent = await sendFor(person.id);
    const [a, b] = await Promise.all([
      call('head', 'POST', `/api/handovers/${sent.id}/accept`, { officerUserId: ids.pk1, version: 1 }),
      call('head', 'POST', `/api/handovers/${sent.id}/return`, { reason: 'Tidak', version: 1 }),
    ]);
    expect([a?.statusCode, b?.statusCode].sort()).toEqual([200, 409]);
    const refused = [a, b].find((response) => response?.statusCode === 409);
    expect(refused?.json().error.code).toBe('HANDOVER_CHANGED');
    const events = await t.database.db
      .selectFrom('handover_event')
      .select('action')
      .where('handover_id', '=', sent.id)
      .execute();
    expect(events).toHaveLength(2);
  });

  it('refuses two simultaneous sends but one', async () => {
    const person = await woman();
    const body = { toOrganizationId: BAPAS_ID };
    const responses = await Promise.all([
      call('binadik', 'POST', `/api/people/${person.id}/handovers`, body),
      call('binadik', 'POST', `/api/people/${person.id}/handovers`, body),
    ]);
    expect(responses.map((response) => response.statusCode).sort()).toEqual([201, 409]);
  });
});

describe('refused input', () => {
  it('refuses an expected release date in the past, and someone whose supervision has ended', async () => {
    const db = t.database.db;
    const person = await woman();
    const past = await call('binadik', 'POST', `/api/people/${person.id}/handovers`, {
      toOrganizationId: BAPAS_ID,
      expectedReleaseDate: day(-1),
    });
    expect(past.statusCode).toBe(400);
    expect(past.json().error.fields).toEqual({
      expectedReleaseDate: 'Tanggal tidak boleh sebelum hari ini.',
    });
    // Today is fine.
    const todayOk = await sendFor(person.id, 'binadik', { expectedReleaseDate: day(0) });
    expect(todayOk.expectedReleaseDate).toBe(day(0));

    const done = await woman();
    await db
      .updateTable('person')
      .set({ release_date: day(-400), released_on: day(-400), supervision_end_date: day(-10) })
      .where('id', '=', done.id)
      .execute();
    const refused = await call('binadik', 'POST', `/api/people/${done.id}/handovers`, {
      toOrganizationId: BAPAS_ID,
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('HANDOVER_PERSON_DONE');
    expect(refused.json().error.message).toContain('bimbingannya sudah selesai');
    expect(await handoverLinks(done.id)).toEqual([]);
  });

  it('refuses a schedule start more than 7 days before her release, and says so in English to an English user', async () => {
    const db = t.database.db;
    const person = await woman({ releaseIn: 30 });
    const sent = await sendFor(person.id);
    const early = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
      scheduleStartsOn: day(22),
    });
    expect(early.statusCode).toBe(400);
    expect(Object.keys(early.json().error.fields)).toEqual(['scheduleStartsOn']);
    const dmy = day(30).split('-').reverse().join('/');
    expect(early.json().error.fields.scheduleStartsOn).toContain(dmy);

    // An English-speaking head gets the field error in English.
    const english = await createUser(db, {
      organizationId: BAPAS_ID,
      roles: ['probation_head'],
      fullName: 'Petugas english',
    });
    await db.updateTable('app_user').set({ language: 'en' }).where('id', '=', english.id).execute();
    const headEn = await signIn(t.app, english.username, TEST_PASSWORD);
    const wrong = await headEn.request({
      method: 'POST',
      url: `/api/handovers/${sent.id}/accept`,
      payload: { officerUserId: ids.otherPk, version: 1 },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields).toEqual({
      officerUserId: 'Choose an active PK (probation officer) of your Bapas.',
    });

    // Seven days early is within the tolerance.
    const ok = await call('head', 'POST', `/api/handovers/${sent.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
      scheduleStartsOn: day(23),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const schedule = await db
      .selectFrom('supervision_schedule')
      .select('starts_on')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(schedule.starts_on).toBe(day(23));
  });

  it('marks the Bapas heads’ unread notice of a cancelled handover read', async () => {
    const person = await woman();
    const sent = await sendFor(person.id);
    const unread = () =>
      t.database.db
        .selectFrom('notification')
        .select('id')
        .where('person_id', '=', person.id)
        .where('kind', '=', 'handover_sent')
        .where('read_at', 'is', null)
        .execute();
    // One per head of the Bapas (other tests made more heads).
    expect((await unread()).length).toBeGreaterThan(0);
    const cancelled = await call('binadik', 'POST', `/api/handovers/${sent.id}/cancel`, { version: 1 });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(await unread()).toEqual([]);
  });
});

describe('a return to custody', () => {
  it('ends her accepted handover; after her next release the prison sends a new one', async () => {
    const db = t.database.db;
    const person = await woman();
    await db
      .insertInto('custody')
      .values({
        person_id: person.id,
        organization_id: LAPAS_ID,
        detention_start_date: '2024-01-02',
        sentence_years: 2,
      })
      .execute();
    const version = async () =>
      (
        await db
          .selectFrom('custody')
          .select('version')
          .where('person_id', '=', person.id)
          .executeTakeFirstOrThrow()
      ).version;
    const body = { sentenceYears: 2, detentionStartDate: '2024-01-02', releaseKind: 'expiry' };
    const released = await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      releasedOn: day(-60),
      version: await version(),
    });
    expect(released.statusCode, released.body).toBe(200);
    const first = await sendFor(person.id);
    const accepted = await call('head', 'POST', `/api/handovers/${first.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    const back = await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      releasedOn: day(-60),
      returnedOn: day(-5),
      version: await version(),
    });
    expect(back.statusCode, back.body).toBe(200);
    const history = await handoversOf(person.id);
    expect(history).toMatchObject({ state: 'none', canSend: true });
    expect(history.items[0]).toMatchObject({ id: first.id, status: 'ended', canChangeOfficer: false });
    expect(history.items[0]?.events.map((event) => [event.action, event.note])).toEqual([
      ['sent', 'Mohon diterima'],
      ['accepted', null],
      ['ended', `Kembali ke lapas (${day(-5).split('-').reverse().join('/')})`],
    ]);
    expect(await handoverLinks(person.id)).toEqual([{ organization_id: BAPAS_ID, active: false }]);
    const timeline = await db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', person.id)
      .execute();
    expect(timeline.map((row) => row.kind)).toContain('handover.ended');
    const audited = await db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'details'])
      .where('action', '=', 'handover.ended')
      .where('subject_id', '=', person.id)
      .execute();
    expect(audited).toEqual([
      {
        actor_user_id: ids.binadik,
        details: { handoverId: first.id, previousStatus: 'accepted', returnedOn: day(-5) },
      },
    ]);
    // The Bapas no longer sees her, her PK neither.
    expect((await call('pk1', 'GET', `/api/people/${person.id}`)).statusCode).toBe(404);
    // Her plan says she needs a new handover (an ended one is no handover).
    const plan = await call('binadik', 'GET', `/api/people/${person.id}/reintegration-plan`);
    expect(plan.statusCode, plan.body).toBe(200);
    expect(plan.json().completeness.handover).toMatchObject({ state: 'none' });

    // Released again: a new handover, to another Bapas this time.
    const again = await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      releasedOn: day(-1),
      returnedOn: null,
      version: await version(),
    });
    expect(again.statusCode, again.body).toBe(200);
    const second = await sendFor(person.id, 'binadik', { toOrganizationId: otherBapas });
    expect(second).toMatchObject({ status: 'sent', to: { id: otherBapas } });
    expect((await handoversOf(person.id)).items.map((item) => item.status)).toEqual(['sent', 'ended']);
  });

  it('ends a handover that was only sent, and leaves her without one untouched', async () => {
    const db = t.database.db;
    const person = await woman();
    await db
      .insertInto('custody')
      .values({
        person_id: person.id,
        organization_id: LAPAS_ID,
        detention_start_date: '2024-01-02',
        sentence_years: 2,
        released_on: day(-30),
      })
      .execute();
    await db
      .updateTable('person')
      .set({ released_on: day(-30) })
      .where('id', '=', person.id)
      .execute();
    const sent = await sendFor(person.id);
    const back = await call('binadik', 'PUT', `/api/people/${person.id}/custody`, {
      sentenceYears: 2,
      detentionStartDate: '2024-01-02',
      releaseKind: 'expiry',
      releasedOn: day(-30),
      returnedOn: day(-2),
      version: 1,
    });
    expect(back.statusCode, back.body).toBe(200);
    const ended = await db
      .selectFrom('handover')
      .select('status')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(ended.status).toBe('ended');
    // The head's notice of it no longer waits unread.
    const unread = await db
      .selectFrom('notification')
      .select('id')
      .where('person_id', '=', person.id)
      .where('kind', '=', 'handover_sent')
      .where('read_at', 'is', null)
      .execute();
    expect(unread).toEqual([]);

    // Back inside, a new handover for her next release: her old release no longer counts for the schedule.
    const next = await sendFor(person.id, 'binadik', { expectedReleaseDate: day(20) });
    const early = await call('head', 'POST', `/api/handovers/${next.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
      scheduleStartsOn: day(5),
    });
    expect(early.statusCode).toBe(400);
    expect(Object.keys(early.json().error.fields)).toEqual(['scheduleStartsOn']);
    const accepted = await call('head', 'POST', `/api/handovers/${next.id}/accept`, {
      officerUserId: ids.pk1,
      version: 1,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const schedule = await db
      .selectFrom('supervision_schedule')
      .select('starts_on')
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(schedule.starts_on).toBe(day(20));
  });
});

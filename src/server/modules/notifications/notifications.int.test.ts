import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent } from '../../../../tests/factories/people.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { NotificationItem, NotificationList } from '../../../shared/notifications.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { notify } from './notifications.service.ts';

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
let kelurahan: string;

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

const session = (name: string) => as[name] as Session;

/** The details of the user's latest notification.listed audit entry. */
async function lastListed(name: string) {
  const entry = await t.database.db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'notification.listed')
    .where('actor_user_id', '=', ids[name] as string)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return entry.details as { shown: string[]; total: number };
}

async function list(name: string, query = '') {
  const response = await session(name).request({ method: 'GET', url: `/api/notifications${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as NotificationList;
}

async function unread(name: string) {
  const response = await session(name).request({ method: 'GET', url: '/api/notifications/unread-count' });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as { unread: number }).unread;
}

beforeAll(async () => {
  t = await createTestApp();
  kelurahan = (await villageByCode(t.database.db, '33.74.13.1013')).id;
  await user('head1', BAPAS_ID, ['probation_head']);
  await user('head2', BAPAS_ID, ['probation_head']);
  await user('headGone', BAPAS_ID, ['probation_head'], false);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('lurah', kelurahan, ['village_staff']);
  await user('lurah2', kelurahan, ['village_staff']);
});
afterAll(() => t.close());

describe('notify', () => {
  it('writes one row per active recipient: by role in an organization, or by user id', async () => {
    const person = await createPerson(t.database.db, { fullName: 'Siti Notifikasi' });
    const count = await t.database.db.transaction().execute((trx) =>
      notify(
        trx,
        { organizationId: BAPAS_ID, roles: ['probation_head'] },
        {
          kind: 'handover_sent',
          personId: person.id,
          params: { organizationName: 'Lapas Perempuan Semarang' },
          link: `/warga/${person.id}?tab=pembebasan`,
        },
      ),
    );
    expect(count).toBe(2);
    const byIds = await notify(
      t.database.db,
      { userIds: [ids.pk as string, ids.headGone as string, ids.pk as string] },
      { kind: 'handover_accepted_officer', personId: person.id },
    );
    expect(byIds).toBe(1);
    expect(await notify(t.database.db, { userIds: [] }, { kind: 'handover_sent' })).toBe(0);
    expect(await notify(t.database.db, {}, { kind: 'handover_sent' })).toBe(0);
    const rows = await t.database.db
      .selectFrom('notification')
      .select(['user_id', 'email_status'])
      .where('person_id', '=', person.id)
      .execute();
    expect(rows.map((row) => row.user_id).sort()).toEqual([ids.head1, ids.head2, ids.pk].sort());
    // No SMTP configured: in-app only, nothing pending.
    expect(rows.every((row) => row.email_status === null)).toBe(true);
  });

  it('refuses roles without an organization (a programming mistake), writing nothing', async () => {
    const person = await createPerson(t.database.db, { fullName: 'Tanpa Organisasi' });
    await expect(
      notify(t.database.db, { roles: ['probation_head'] }, { kind: 'handover_sent', personId: person.id }),
    ).rejects.toThrow(/roles needs recipients.organizationId/);
    // Even with explicit users alongside.
    await expect(
      notify(
        t.database.db,
        { userIds: [ids.pk as string], roles: ['probation_head'] },
        { kind: 'handover_sent', personId: person.id },
      ),
    ).rejects.toThrow(/organizationId/);
    const rows = await t.database.db
      .selectFrom('notification')
      .select('id')
      .where('person_id', '=', person.id)
      .execute();
    expect(rows).toEqual([]);
  });

  it('rolls back with the caller’s transaction', async () => {
    await expect(
      t.database.db.transaction().execute(async (trx) => {
        await notify(trx, { userIds: [ids.binadik as string] }, { kind: 'handover_returned' });
        throw new Error('batal');
      }),
    ).rejects.toThrow('batal');
    expect((await list('binadik')).total).toBe(0);
  });
});

describe('reading', () => {
  it('lists her own notifications (a name only when visible), counts unread, marks read', async () => {
    const items = (await list('head1')).items;
    expect(items).toHaveLength(1);
    const [first] = items as [NotificationItem];
    // The Bapas head does not see this person (not handed over to her Bapas): no name, no id, no link.
    expect(first).toMatchObject({
      kind: 'handover_sent',
      personId: null,
      personName: null,
      params: { organizationName: 'Lapas Perempuan Semarang' },
      link: null,
      readAt: null,
    });
    // Audited, with nobody shown.
    expect(await lastListed('head1')).toMatchObject({ shown: [], total: 1 });
    expect(await unread('head1')).toBe(1);

    const read = await session('head1').request({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
    });
    expect(read.statusCode, read.body).toBe(200);
    expect((read.json() as NotificationItem).readAt).not.toBeNull();
    expect(await unread('head1')).toBe(0);
    expect((await list('head1', '?unread=true')).items).toEqual([]);
    expect((await list('head1')).unread).toBe(0);
    // Again: still 200, unchanged.
    const again = await session('head1').request({
      method: 'POST',
      url: `/api/notifications/${first.id}/read`,
    });
    expect((again.json() as NotificationItem).readAt).toBe((read.json() as NotificationItem).readAt);
    // Another user's notification is not hers: 404, and it stays unread for its owner.
    const head2First = (await list('head2')).items[0] as NotificationItem;
    const foreign = await session('head1').request({
      method: 'POST',
      url: `/api/notifications/${head2First.id}/read`,
    });
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('NOTIFICATION_NOT_FOUND');
    expect(await unread('head2')).toBe(1);
  });

  it('joins the name when the reader may see the person, and hides it once the consent is withdrawn', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { fullName: 'Dewi Kembali', intendedVillageId: kelurahan });
    const consent = await giveConsent(db, person.id, { organizationIds: [kelurahan] });
    await notify(
      db,
      { organizationId: kelurahan },
      {
        kind: 'client_coming',
        personId: person.id,
        params: { date: '2027-01-15' },
        link: `/warga/${person.id}`,
      },
    );
    const before = (await list('lurah')).items[0] as NotificationItem;
    expect(before).toMatchObject({
      kind: 'client_coming',
      personId: person.id,
      personName: 'Dewi Kembali',
      params: { date: '2027-01-15' },
      link: `/warga/${person.id}`,
    });
    expect(await lastListed('lurah')).toMatchObject({ shown: [person.id] });
    await db
      .updateTable('consent')
      .set({ withdrawn_on: '2026-02-01' })
      .where('id', '=', consent.id)
      .execute();
    const after = (await list('lurah')).items[0] as NotificationItem;
    // Neither her name, nor her id, nor the link to her record: only that something happened.
    expect(after).toMatchObject({
      id: before.id,
      kind: 'client_coming',
      personId: null,
      personName: null,
      params: { date: '2027-01-15' },
      link: null,
    });
    expect(await lastListed('lurah')).toMatchObject({ shown: [] });
    // Marking it read answers the same way.
    const read = await session('lurah').request({
      method: 'POST',
      url: `/api/notifications/${after.id}/read`,
    });
    expect(read.json()).toMatchObject({ personId: null, personName: null, link: null });
    // The row itself never held the name.
    const row = await db
      .selectFrom('notification')
      .selectAll()
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain('Dewi');
  });

  it('prison staff see the names of their own people', async () => {
    const person = await createPerson(t.database.db, { fullName: 'Rina Lapas' });
    await notify(
      t.database.db,
      { userIds: [ids.binadik as string] },
      { kind: 'handover_returned', personId: person.id },
    );
    expect((await list('binadik')).items[0]?.personName).toBe('Rina Lapas');
  });

  it('marks all read, pages, and refuses a bad id or query', async () => {
    const kinds = ['handover_sent', 'handover_returned', 'escalation_report'] as const;
    for (const kind of kinds) await notify(t.database.db, { userIds: [ids.lurah2 as string] }, { kind });
    // One second apart, in that order: consecutive inserts can share a timestamp on PGlite's coarse clock.
    for (const [index, kind] of kinds.entries())
      await sql`update notification set created_at = now() + make_interval(secs => ${index + 1})
        where user_id = ${ids.lurah2} and kind = ${kind}`.execute(t.database.db);
    expect(await unread('lurah2')).toBe(4);
    const paged = await list('lurah2', '?page=2&pageSize=3');
    expect(paged).toMatchObject({ total: 4, page: 2, pageSize: 3, unread: 4 });
    expect(paged.items).toHaveLength(1);
    // Newest first.
    expect((await list('lurah2', '?pageSize=1')).items[0]?.kind).toBe('escalation_report');

    // The other kelurahan user has one she has not read.
    await notify(t.database.db, { userIds: [ids.lurah as string] }, { kind: 'client_coming' });
    expect(await unread('lurah')).toBe(1);
    const all = await session('lurah2').request({ method: 'POST', url: '/api/notifications/read-all' });
    expect(all.statusCode, all.body).toBe(200);
    expect(all.json()).toEqual({ updated: 4 });
    expect(await unread('lurah2')).toBe(0);
    // The other kelurahan user's stays unread.
    expect(await unread('lurah')).toBe(1);

    const bad = await session('lurah2').request({ method: 'POST', url: '/api/notifications/nope/read' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { id: expect.any(String) } });
    const badQuery = await session('lurah2').request({
      method: 'GET',
      url: '/api/notifications?unread=maybe',
    });
    expect(badQuery.statusCode).toBe(400);
    expect(badQuery.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { unread: expect.any(String) },
    });
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/notifications/unread-count' });
    expect(response.statusCode).toBe(401);
  });
});

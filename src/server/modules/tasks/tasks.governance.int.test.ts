import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgreement, nameDelegate } from '../../../../tests/factories/agreements.ts';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createActionItem, createMeeting } from '../../../../tests/factories/meetings.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays } from '../../../shared/dates.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { TaskItem, TaskKind, TaskList, TaskSummary } from '../../../shared/tasks.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// The governance task kinds (issue 8), about no person: agreements to approve and expiring (a party's heads
// and live delegates), and the caller's own action items due.

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const agreements: Record<string, string> = {};
const actionItems: Record<string, string> = {};
let partner: string;
let meetingId: string;

const day = (n: number) => addDays(today(), n);

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

const session = (name: string) => as[name] as Session;

async function tasks(name: string, query = '') {
  const response = await session(name).request({ method: 'GET', url: `/api/tasks${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as TaskList).items;
}

async function summary(name: string) {
  const response = await session(name).request({ method: 'GET', url: '/api/tasks/summary' });
  expect(response.statusCode).toBe(200);
  return response.json() as TaskSummary;
}

const of = (items: TaskItem[], kind: TaskKind) => items.filter((item) => item.kind === kind);
const agreementIds = (items: TaskItem[], kind: TaskKind) =>
  of(items, kind)
    .map((item) => item.params.agreementId)
    .sort();
const sorted = (...names: string[]) => names.map((name) => agreements[name]).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  partner = (await createOrganization(db, { kind: 'partner', name: 'Mitra Tugas' })).id;
  await user('kalapas', LAPAS_ID, ['prison_head']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('delegate', LAPAS_ID, ['prison_giatja']);
  await user('revoked', LAPAS_ID, ['prison_giatja']);
  await user('camat', KECAMATAN_ID, ['district_head']);
  await user('partnerHead', partner, ['partner_head']);
  await user('viewer', KECAMATAN_ID, ['viewer']);
  await nameDelegate(db, {
    organizationId: LAPAS_ID,
    userId: ids.delegate as string,
    namedBy: ids.kalapas as string,
  });
  await nameDelegate(db, {
    organizationId: LAPAS_ID,
    userId: ids.revoked as string,
    namedBy: ids.kalapas as string,
    revoked: true,
  });

  // In review: the Lapas has not agreed (R1); the Lapas agreed the current text, the Kecamatan not (R2); the
  // Lapas agreed an older text (R3: text version 2, agreed 1).
  agreements.R1 = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'in_review',
      title: 'R1',
    })
  ).id;
  agreements.R2 = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [KECAMATAN_ID],
      status: 'in_review',
      title: 'R2',
      agreedPartyIds: [LAPAS_ID],
    })
  ).id;
  agreements.R3 = (
    await createAgreement(db, {
      organizationId: LAPAS_ID,
      partyIds: [partner],
      status: 'in_review',
      title: 'R3',
      agreedPartyIds: [LAPAS_ID, partner],
    })
  ).id;
  await db.updateTable('agreement').set({ text_version: 2 }).where('id', '=', agreements.R3).execute();
  // A draft is not yet to approve.
  agreements.D = (
    await createAgreement(db, { organizationId: LAPAS_ID, partyIds: [KECAMATAN_ID], title: 'D' })
  ).id;
  // Signed: ending in 20 days (S1), in 90 (S2), in 91 (S3, not yet), ended yesterday (S4), terminated (S5).
  const signed = async (name: string, validUntil: string, status: 'signed' | 'terminated' = 'signed') => {
    agreements[name] = (
      await createAgreement(db, {
        organizationId: LAPAS_ID,
        partyIds: [KECAMATAN_ID],
        status,
        title: name,
        validFrom: day(-300),
        validUntil,
      })
    ).id;
  };
  await signed('S1', day(20));
  await signed('S2', day(90));
  await signed('S3', day(91));
  await signed('S4', day(-1));
  await signed('S5', day(10), 'terminated');

  const meeting = await createMeeting(db, { organizationId: LAPAS_ID, title: 'Rapat Tugas' });
  meetingId = meeting.id;
  const item = async (
    name: string,
    dueOn: string,
    status: 'open' | 'in_progress' | 'done' | 'cancelled' = 'open',
    owner = ids.binadik,
  ) => {
    actionItems[name] = (
      await createActionItem(db, {
        meetingId,
        ownerOrganizationId: LAPAS_ID,
        ownerUserId: owner ?? null,
        title: `Tindak lanjut ${name}`,
        dueOn,
        status,
      })
    ).id;
  };
  await item('late', day(-3));
  await item('soon', day(7), 'in_progress');
  await item('later', day(8));
  await item('done', day(-1), 'done');
  await item('cancelled', day(1), 'cancelled');
  await item('other', day(1), 'open', ids.kalapas);
});
afterAll(() => t.close());

describe('agreement_to_approve', () => {
  it('lists in-review agreements whose current text her party has not agreed, for heads and live delegates', async () => {
    for (const name of ['kalapas', 'delegate']) {
      const items = await tasks(name);
      expect(agreementIds(items, 'agreement_to_approve')).toEqual(sorted('R1', 'R3'));
    }
    const r3 = of(await tasks('kalapas'), 'agreement_to_approve').find(
      (item) => item.params.agreementId === agreements.R3,
    );
    expect(r3).toEqual({
      kind: 'agreement_to_approve',
      dueOn: null,
      overdue: false,
      personId: null,
      personName: null,
      link: `/tata-kelola/kesepakatan/${agreements.R3}`,
      count: null,
      params: { agreementId: agreements.R3, title: 'R3', textVersion: 2 },
    });
    // The Camat: the Kecamatan has agreed none of R1, R2.
    expect(agreementIds(await tasks('camat'), 'agreement_to_approve')).toEqual(sorted('R1', 'R2'));
    // The partner agreed R3's first text only: asked again.
    expect(agreementIds(await tasks('partnerHead'), 'agreement_to_approve')).toEqual(sorted('R3'));
  });

  it('gives staff, revoked delegates and viewers no agreement kinds at all', async () => {
    for (const name of ['binadik', 'revoked', 'viewer']) {
      const kinds = (await summary(name)).kinds.map((entry) => entry.kind);
      expect(kinds).not.toContain('agreement_to_approve');
      expect(kinds).not.toContain('agreement_expiring');
      const items = await tasks(name);
      expect(of(items, 'agreement_to_approve')).toEqual([]);
      expect(of(items, 'agreement_expiring')).toEqual([]);
    }
  });

  it('follows a delegation as it is named and revoked (checked in the task queries themselves)', async () => {
    const db = t.database.db;
    const named = await nameDelegate(db, {
      organizationId: LAPAS_ID,
      userId: ids.binadik as string,
      namedBy: ids.kalapas as string,
    });
    expect(agreementIds(await tasks('binadik'), 'agreement_to_approve')).toEqual(sorted('R1', 'R3'));
    expect((await summary('binadik')).kinds.map((entry) => entry.kind)).toContain('agreement_expiring');
    await db
      .updateTable('agreement_delegate')
      .set({ revoked_at: new Date(), revoked_by: ids.kalapas as string })
      .where('id', '=', named.id)
      .execute();
    expect(of(await tasks('binadik'), 'agreement_to_approve')).toEqual([]);
    expect((await summary('binadik')).kinds.map((entry) => entry.kind)).not.toContain('agreement_to_approve');
  });
});

describe('agreement_expiring', () => {
  it('lists signed agreements ending today or within 90 days, due on valid_until, with the days left', async () => {
    const items = await tasks('kalapas');
    expect(agreementIds(items, 'agreement_expiring')).toEqual(sorted('S1', 'S2'));
    const s1 = of(items, 'agreement_expiring').find((item) => item.params.agreementId === agreements.S1);
    expect(s1).toMatchObject({
      dueOn: day(20),
      overdue: false,
      link: `/tata-kelola/kesepakatan/${agreements.S1}`,
      params: { title: 'S1', daysLeft: 20 },
    });
    expect(agreementIds(await tasks('camat'), 'agreement_expiring')).toEqual(sorted('S1', 'S2'));
    expect(agreementIds(await tasks('delegate'), 'agreement_expiring')).toEqual(sorted('S1', 'S2'));
  });
});

describe('action_item_due', () => {
  it('lists her own open and in-progress items overdue or due within 7 days, overdue first', async () => {
    const items = of(await tasks('binadik'), 'action_item_due');
    expect(items.map((item) => item.params.title)).toEqual(['Tindak lanjut late', 'Tindak lanjut soon']);
    expect(items[0]).toEqual({
      kind: 'action_item_due',
      dueOn: day(-3),
      overdue: true,
      personId: null,
      personName: null,
      link: `/tata-kelola/rapat/${meetingId}`,
      count: null,
      params: { actionItemId: actionItems.late, meetingId, title: 'Tindak lanjut late' },
    });
    expect(of(await tasks('kalapas'), 'action_item_due').map((item) => item.params.actionItemId)).toEqual([
      actionItems.other,
    ]);
  });

  it('counts by kind in the summary, matching the list', async () => {
    const result = await summary('binadik');
    expect(result.kinds.find((entry) => entry.kind === 'action_item_due')).toEqual({
      kind: 'action_item_due',
      count: 2,
      overdue: 1,
    });
    const head = await summary('kalapas');
    const kinds = Object.fromEntries(head.kinds.map((entry) => [entry.kind, entry]));
    expect(kinds.agreement_to_approve).toEqual({ kind: 'agreement_to_approve', count: 2, overdue: 0 });
    expect(kinds.agreement_expiring).toEqual({ kind: 'agreement_expiring', count: 2, overdue: 0 });
    expect(kinds.action_item_due).toEqual({ kind: 'action_item_due', count: 1, overdue: 0 });
    expect(head.total).toBe((await tasks('kalapas')).length);
  });

  it('no longer gives her the items of an organization she was moved away from', async () => {
    const db = t.database.db;
    await user('mover', partner, ['partner_staff']);
    const meeting = await createMeeting(db, { organizationId: partner, title: 'Rapat Mitra' });
    await createActionItem(db, {
      meetingId: meeting.id,
      ownerOrganizationId: partner,
      ownerUserId: ids.mover,
      title: 'Tindak lanjut mitra',
      dueOn: day(-2),
    });
    expect(of(await tasks('mover'), 'action_item_due').map((item) => item.params.title)).toEqual([
      'Tindak lanjut mitra',
    ]);
    // Moved to the Kecamatan (the item keeps her as owner user, but the partner owns it).
    const id = ids.mover as string;
    await db.updateTable('app_user').set({ organization_id: KECAMATAN_ID }).where('id', '=', id).execute();
    await db.deleteFrom('user_role').where('user_id', '=', id).execute();
    await db.insertInto('user_role').values({ user_id: id, role_code: 'district_staff' }).execute();
    const { username } = await db
      .selectFrom('app_user')
      .select('username')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    as.mover = await signIn(t.app, username, TEST_PASSWORD);
    expect(of(await tasks('mover'), 'action_item_due')).toEqual([]);
    expect((await summary('mover')).kinds.find((entry) => entry.kind === 'action_item_due')).toEqual({
      kind: 'action_item_due',
      count: 0,
      overdue: 0,
    });
  });

  it('filters by a governance kind and audits no person', async () => {
    const items = await tasks('kalapas', '?kind=agreement_expiring');
    expect(new Set(items.map((item) => item.kind))).toEqual(new Set(['agreement_expiring']));
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'task.listed')
      .where('actor_user_id', '=', ids.kalapas as string)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((entry.details as { shown: string[] }).shown).toEqual([]);
  });
});

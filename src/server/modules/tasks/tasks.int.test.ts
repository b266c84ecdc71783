import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../tests/factories/people.ts';
import { villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addMonths } from '../../../shared/dates.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type { TaskItem, TaskKind, TaskList, TaskSummary } from '../../../shared/tasks.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// Tasks are derived from the other modules' tables: this file writes those rows directly (as the handover,
// supervision and outcome modules would) and checks who gets which task, and who does not.

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};
const people: Record<string, string> = {};

/** yyyy-mm-dd, `n` days after today (before when negative). */
function day(n: number) {
  const date = new Date(`${today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + n);
  return date.toISOString().slice(0, 10);
}

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

async function person(
  name: string,
  options: { organizationId?: string; releaseDate?: string; releasedOn?: string },
) {
  const created = await createPerson(t.database.db, {
    fullName: `Warga ${name}`,
    organizationId: options.organizationId ?? LAPAS_ID,
    releaseDate: options.releaseDate ?? null,
  });
  if (options.releasedOn)
    await t.database.db
      .updateTable('person')
      .set({ released_on: options.releasedOn })
      .where('id', '=', created.id)
      .execute();
  people[name] = created.id;
  return created.id;
}

async function plan(personId: string, nextReviewOn: string | null = null) {
  const row = await t.database.db
    .insertInto('reintegration_plan')
    .values({ person_id: personId, organization_id: LAPAS_ID, next_review_on: nextReviewOn })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function handover(
  personId: string,
  status: 'sent' | 'accepted' | 'returned',
  options: { officer?: string; sentAt?: Date; decidedAt?: Date; planId?: string } = {},
) {
  const planId =
    options.planId ??
    (
      await t.database.db
        .selectFrom('reintegration_plan')
        .select('id')
        .where('person_id', '=', personId)
        .executeTakeFirst()
    )?.id ??
    (await plan(personId));
  const row = await t.database.db
    .insertInto('handover')
    .values({
      person_id: personId,
      from_organization_id: LAPAS_ID,
      to_organization_id: BAPAS_ID,
      plan_id: planId,
      status,
      package: JSON.stringify({}),
      sent_by: ids.binadik ?? null,
      sent_by_name: 'Petugas binadik',
      sent_at: options.sentAt ?? new Date(),
      decided_at: status === 'sent' ? null : (options.decidedAt ?? new Date()),
      decided_by_name: status === 'sent' ? null : 'Kepala Bapas',
      return_reason: status === 'returned' ? 'Berkas belum lengkap' : null,
      officer_user_id: options.officer ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function schedule(personId: string, nextDueOn: string) {
  await t.database.db
    .insertInto('supervision_schedule')
    .values({ person_id: personId, organization_id: BAPAS_ID, starts_on: day(-60), next_due_on: nextDueOn })
    .execute();
}

async function escalate(
  personId: string,
  level: 'reminder' | 'warning' | 'report_to_head',
  resolved = false,
) {
  await t.database.db
    .insertInto('supervision_escalation')
    .values({
      person_id: personId,
      organization_id: BAPAS_ID,
      level,
      created_by_name: 'Sistem',
      resolved_at: resolved ? new Date() : null,
    })
    .execute();
}

async function outcome(personId: string, windowMonths: 1 | 3 | 6 | 12, releasedOn: string) {
  await t.database.db
    .insertInto('outcome_check')
    .values({
      person_id: personId,
      organization_id: BAPAS_ID,
      window_months: windowMonths,
      due_on: addMonths(releasedOn, windowMonths),
      checked_on: day(0),
      work_status: 'employed',
      recorded_by_name: 'PK',
    })
    .execute();
}

const session = (name: string) => as[name] as Session;

/** details.shown of the user's latest task.listed audit entry. */
async function lastShown(name: string) {
  const entry = await t.database.db
    .selectFrom('audit_log')
    .select(['details'])
    .where('action', '=', 'task.listed')
    .where('actor_user_id', '=', ids[name] as string)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return (entry.details as { shown: string[] }).shown;
}

async function tasks(name: string, query = '') {
  const response = await session(name).request({ method: 'GET', url: `/api/tasks${query}` });
  expect(response.statusCode, response.body).toBe(200);
  return (response.json() as TaskList).items;
}

const of = (items: TaskItem[], kind: TaskKind) =>
  items
    .filter((item) => item.kind === kind)
    .map((item) => item.personId)
    .sort();
const sorted = (...names: string[]) => names.map((name) => people[name]).sort();

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  const otherPrison = (await createOrganization(db, { kind: 'prison', name: 'Lapas Uji Lain' })).id;
  const otherBapas = (await createOrganization(db, { kind: 'probation', name: 'Bapas Uji Lain' })).id;
  const kelurahan = (await villageByCode(db, '33.74.13.1013')).id;
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('otherPrison', otherPrison, ['prison_head']);
  await user('head', BAPAS_ID, ['probation_head']);
  await user('pk1', BAPAS_ID, ['probation_officer']);
  await user('pk2', BAPAS_ID, ['probation_officer']);
  await user('otherHead', otherBapas, ['probation_head']);
  await user('kelurahan', kelurahan, ['village_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);

  // Pre-release: A in the window without a plan; B outside the window; C with a plan to review in 3 days.
  await person('A', { releaseDate: day(30) });
  await person('B', { releaseDate: day(200) });
  await plan(await person('C', { releaseDate: day(20) }), day(3));
  // Plans no longer live, with reviews long overdue: R released, S past her release date (not yet recorded).
  await plan(await person('R', { releaseDate: day(-10), releasedOn: day(-10) }), day(-20));
  await plan(await person('S', { releaseDate: day(-1) }), day(-5));
  // D sent to the Bapas (the send links her to it); E returned; F returned then sent again.
  const d = await person('D', { releaseDate: day(10) });
  await plan(d);
  await handover(d, 'sent');
  await linkPerson(db, d, BAPAS_ID, 'handover');
  const e = await person('E', { releaseDate: day(15) });
  await plan(e);
  await handover(e, 'returned');
  const f = await person('F', { releaseDate: day(25) });
  await plan(f);
  await handover(f, 'returned', { sentAt: new Date(Date.now() - 86_400_000) });
  await handover(f, 'sent');
  await linkPerson(db, f, BAPAS_ID, 'handover');
  // Clients: G (PK 1) overdue; H (PK 1) due in 3 days; I (PK 2) overdue.
  const g = await person('G', { releaseDate: day(-40), releasedOn: day(-40) });
  await handover(g, 'accepted', { officer: ids.pk1 as string });
  await linkPerson(db, g, BAPAS_ID, 'handover');
  await schedule(g, day(-5));
  const h = await person('H', { releaseDate: day(-20), releasedOn: day(-20) });
  await handover(h, 'accepted', { officer: ids.pk1 as string });
  await linkPerson(db, h, BAPAS_ID, 'handover');
  await schedule(h, day(3));
  const i = await person('I', { releaseDate: day(-50), releasedOn: day(-50) });
  await handover(i, 'accepted', { officer: ids.pk2 as string });
  await linkPerson(db, i, BAPAS_ID, 'handover');
  await schedule(i, day(-1));
  // P (PK 2): overdue, escalated and with an outcome window due, but not linked to the Bapas: the Bapas may not
  // see her, so she gives no task at all (not a nameless one).
  const hidden = await person('P', { releaseDate: day(-32), releasedOn: day(-32) });
  await handover(hidden, 'accepted', { officer: ids.pk2 as string });
  await schedule(hidden, day(-2));
  // Escalations: G two open (reminder, warning) and one resolved report; I reported to the head.
  await escalate(g, 'reminder');
  await escalate(g, 'warning');
  await escalate(g, 'report_to_head', true);
  await escalate(i, 'report_to_head');
  await escalate(hidden, 'report_to_head');
  // Outcomes: L (PK 1) checked at 1 and 3 months; J released from the prison without a handover; K long ago.
  const l = await person('L', { releaseDate: day(-100), releasedOn: day(-100) });
  await handover(l, 'accepted', { officer: ids.pk1 as string });
  await linkPerson(db, l, BAPAS_ID, 'handover');
  await outcome(l, 1, day(-100));
  await outcome(l, 3, day(-100));
  await person('J', { releaseDate: day(-35), releasedOn: day(-35) });
  await person('K', { releaseDate: day(-450), releasedOn: day(-450) });
  // M: in the window of another prison.
  await person('M', { organizationId: otherPrison, releaseDate: day(12) });
  // N: a client who went back to custody: no visit, no outcome task.
  const n = await person('N', { releaseDate: day(-60), releasedOn: day(-60) });
  await db
    .updateTable('person')
    .set({ returned_on: day(-2) })
    .where('id', '=', n)
    .execute();
  await handover(n, 'accepted', { officer: ids.pk1 as string });
  await linkPerson(db, n, BAPAS_ID, 'handover');
  await schedule(n, day(-3));
  // …and whose escalations were left open (as before the return resolved them): no escalation task either.
  await escalate(n, 'warning');
  await escalate(n, 'report_to_head');
});
afterAll(() => t.close());

describe('prison tasks', () => {
  it('plan_missing: her prison’s people in the pre-release window without a plan, due on the release date', async () => {
    const items = await tasks('binadik');
    expect(of(items, 'plan_missing')).toEqual(sorted('A'));
    const a = items.find((item) => item.personId === people.A);
    expect(a).toMatchObject({
      dueOn: day(30),
      overdue: false,
      personName: 'Warga A',
      link: `/warga/${people.A}?tab=rencana`,
    });
    expect(of(await tasks('giatja'), 'plan_missing')).toEqual(sorted('A'));
    expect(of(await tasks('otherPrison'), 'plan_missing')).toEqual(sorted('M'));
  });

  it('plan_review_due: plans of her prison to review within a week', async () => {
    const items = await tasks('binadik');
    // R (released) and S (past her release date) have overdue reviews, but their plans are no longer live.
    expect(of(items, 'plan_review_due')).toEqual(sorted('C'));
    expect(items.find((item) => item.kind === 'plan_review_due')?.dueOn).toBe(day(3));
    expect(of(await tasks('otherPrison'), 'plan_review_due')).toEqual([]);
  });

  it('handover_returned: returned and not sent again, for who sends handovers only', async () => {
    const items = await tasks('binadik');
    expect(of(items, 'handover_returned')).toEqual(sorted('E'));
    const e = items.find((item) => item.kind === 'handover_returned');
    expect(e?.params).toMatchObject({ organizationName: expect.any(String), returnedOn: day(0) });
    expect(e?.link).toBe(`/warga/${people.E}?tab=pembebasan`);
    expect(of(await tasks('giatja'), 'handover_returned')).toEqual([]);
  });

  it('outcome_check_due: people released without a handover, for who records outcomes', async () => {
    const items = await tasks('binadik');
    expect(of(items, 'outcome_check_due')).toEqual(sorted('J'));
    const j = items.find((item) => item.kind === 'outcome_check_due');
    expect(j).toMatchObject({ dueOn: addMonths(day(-35), 1), overdue: true, params: { windowMonths: 1 } });
    expect(of(await tasks('giatja'), 'outcome_check_due')).toEqual([]);
  });

  it('has no probation kinds', async () => {
    const kinds = new Set((await tasks('binadik')).map((item) => item.kind));
    for (const kind of ['handover_to_decide', 'visit_due', 'visit_overdue', 'escalation_open'] as const)
      expect(kinds.has(kind)).toBe(false);
  });
});

describe('Bapas tasks', () => {
  it('handover_to_decide: handovers sent to her Bapas, for the head only', async () => {
    const items = await tasks('head');
    expect(of(items, 'handover_to_decide')).toEqual(sorted('D', 'F'));
    expect(items.find((item) => item.personId === people.D)).toMatchObject({
      dueOn: day(10),
      personName: 'Warga D',
      params: { handoverId: expect.any(String), organizationName: expect.any(String) },
    });
    expect(of(await tasks('pk1'), 'handover_to_decide')).toEqual([]);
    expect(of(await tasks('otherHead'), 'handover_to_decide')).toEqual([]);
  });

  it('visits: a PK’s own clients due within a week or overdue; the head every overdue one', async () => {
    const pk1 = await tasks('pk1');
    expect(of(pk1, 'visit_overdue')).toEqual(sorted('G'));
    expect(of(pk1, 'visit_due')).toEqual(sorted('H'));
    expect(pk1.find((item) => item.kind === 'visit_overdue')).toMatchObject({
      dueOn: day(-5),
      overdue: true,
      params: { daysOverdue: 5 },
      link: `/bimbingan/${people.G}/kunjungan`,
    });
    expect(pk1.find((item) => item.kind === 'visit_due')?.link).toBe(`/bimbingan/${people.H}/kunjungan`);
    const pk2 = await tasks('pk2');
    expect(of(pk2, 'visit_overdue')).toEqual(sorted('I'));
    expect(of(pk2, 'visit_due')).toEqual([]);
    const head = await tasks('head');
    expect(of(head, 'visit_overdue')).toEqual(sorted('G', 'I'));
    expect(of(head, 'visit_due')).toEqual([]);
    expect(head.find((item) => item.personId === people.G && item.kind === 'visit_overdue')?.link).toBe(
      `/bimbingan/${people.G}`,
    );
    expect(of(await tasks('otherHead'), 'visit_overdue')).toEqual([]);
  });

  it('escalation_open: one item per client with the highest open level; the head sees reports to her', async () => {
    const pk1 = (await tasks('pk1')).filter((item) => item.kind === 'escalation_open');
    expect(pk1).toHaveLength(1);
    expect(pk1[0]).toMatchObject({
      personId: people.G,
      count: 2,
      dueOn: null,
      params: { level: 'warning', raisedOn: day(0) },
    });
    expect(of(await tasks('pk2'), 'escalation_open')).toEqual(sorted('I'));
    expect(of(await tasks('head'), 'escalation_open')).toEqual(sorted('I'));
  });

  it('outcome_check_due: windows due within 14 days or past, not recorded, of a PK’s own clients', async () => {
    const pk1 = await tasks('pk1');
    expect(pk1.filter((item) => item.kind === 'outcome_check_due').map((item) => item.params)).toEqual(
      expect.arrayContaining([{ windowMonths: 1 }]),
    );
    // G's first window is past, H's comes within 14 days; L checked hers; N is back in custody.
    expect(of(pk1, 'outcome_check_due')).toEqual(sorted('G', 'H'));
    const h = pk1.find((item) => item.kind === 'outcome_check_due' && item.personId === people.H);
    expect(h).toMatchObject({ dueOn: addMonths(day(-20), 1), overdue: false });
    expect(of(await tasks('pk2'), 'outcome_check_due')).toEqual(sorted('I'));
    expect(of(await tasks('head'), 'outcome_check_due')).toEqual(sorted('G', 'H', 'I'));
  });

  it('a client back in custody has no visit, escalation or outcome task', async () => {
    for (const name of ['pk1', 'head']) {
      const items = await tasks(name);
      expect(items.some((item) => item.personId === people.N)).toBe(false);
    }
  });

  it('drops the tasks about someone the caller may not see now (P is not linked to the Bapas)', async () => {
    for (const name of ['pk2', 'head']) {
      const items = await tasks(name);
      expect(items.some((item) => item.personId === people.P)).toBe(false);
      expect(items.every((item) => item.personId && item.personName)).toBe(true);
    }
    // The counts match the list: P is not counted either.
    const response = await session('pk2').request({ method: 'GET', url: '/api/tasks/summary' });
    const summary = response.json() as TaskSummary;
    expect(summary.kinds.find((entry) => entry.kind === 'visit_overdue')).toEqual({
      kind: 'visit_overdue',
      count: 1,
      overdue: 1,
    });
    expect(summary.total).toBe((await tasks('pk2')).length);
  });
});

describe('listing', () => {
  it('sorts overdue first, filters by kind, pages, and audits the people shown', async () => {
    const items = await tasks('pk1');
    const firstNotOverdue = items.findIndex((item) => !item.overdue);
    expect(items.slice(firstNotOverdue).every((item) => !item.overdue)).toBe(true);
    expect(items[0]?.overdue).toBe(true);

    expect((await tasks('pk1', '?kind=visit_due')).map((item) => item.kind)).toEqual(['visit_due']);
    const response = await session('pk1').request({ method: 'GET', url: '/api/tasks?page=2&pageSize=2' });
    const page = response.json() as TaskList;
    expect(page).toMatchObject({ page: 2, pageSize: 2, total: items.length });
    expect(page.items).toEqual(items.slice(2, 4));

    expect((await lastShown('pk1')).sort()).toEqual(
      [...new Set(page.items.map((item) => item.personId))].sort(),
    );
  });

  it('audits only the people shown: not someone the caller may not see (P for PK 2)', async () => {
    const items = await tasks('pk2');
    const shown = await lastShown('pk2');
    expect(shown).toContain(people.I);
    expect(shown).not.toContain(people.P);
    expect(shown.sort()).toEqual([...new Set(items.map((item) => item.personId))].sort());
  });

  it('refuses an unknown kind', async () => {
    const response = await session('pk1').request({ method: 'GET', url: '/api/tasks?kind=laundry' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { kind: expect.any(String) },
    });
  });

  it('summary: counts by the kinds of her role, zeros included', async () => {
    const response = await session('pk1').request({ method: 'GET', url: '/api/tasks/summary' });
    expect(response.statusCode).toBe(200);
    const summary = response.json() as TaskSummary;
    expect(summary.kinds.map((entry) => entry.kind)).toEqual([
      'visit_due',
      'visit_overdue',
      'escalation_open',
      'outcome_check_due',
      // Governance staff may own action items of meetings (tasks.governance.int.test.ts).
      'action_item_due',
    ]);
    expect(summary.kinds.find((entry) => entry.kind === 'visit_overdue')).toEqual({
      kind: 'visit_overdue',
      count: 1,
      overdue: 1,
    });
    expect(summary.total).toBe((await tasks('pk1')).length);
  });

  it('kelurahan staff and viewers have no person tasks (an empty list, not an error)', async () => {
    for (const name of ['kelurahan', 'viewer']) {
      expect(await tasks(name)).toEqual([]);
      const response = await session(name).request({ method: 'GET', url: '/api/tasks/summary' });
      // Kelurahan staff may own meetings' action items (none here); a viewer has no kind at all.
      const kinds = name === 'kelurahan' ? [{ kind: 'action_item_due', count: 0, overdue: 0 }] : [];
      expect(response.json()).toEqual({ kinds, total: 0, overdue: 0 });
    }
    const person = people.A as string;
    await giveConsent(t.database.db, person, { kinds: ['village'] });
    expect(await tasks('kelurahan')).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/tasks' });
    expect(response.statusCode).toBe(401);
  });
});

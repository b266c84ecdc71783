import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, linkPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { CohortResponse, OutcomeCheck, PersonOutcomes } from '../../../shared/outcomes.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import type { RequestContext } from '../../platform/access.ts';
import { today } from '../../platform/calendar.ts';
import { recordReturnToCustody } from './outcomes.service.ts';

// Outcome checks through the API, and the cohort figures computed by hand on a small fixed dataset: the
// people released in 2024-Q1 and 2024-Q2 are made here only (the other scenarios release people near today).

let t: TestApp;
const as: Record<string, Session> = {};

const userIds: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[], language: 'id' | 'en' = 'id') {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  userIds[name] = created.id;
  if (language !== 'id')
    await t.database.db.updateTable('app_user').set({ language }).where('id', '=', created.id).execute();
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** The audit entries of `action` about `subjectId` written since `since`, with their actor. */
const auditSince = (action: string, subjectId: string | null, since: Date) => {
  let query = t.database.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'details'])
    .where('action', '=', action)
    .where('at', '>=', since);
  if (subjectId) query = query.where('subject_id', '=', subjectId);
  return query.execute();
};

const day = (days: number) => addDays(today(), days);
const send = (name: string, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  (as[name] as Session).request({ method, url, ...(payload && { payload }) });

async function released(on: string | null, returnedOn: string | null = null) {
  const person = await createPerson(t.database.db, { releaseDate: on });
  await t.database.db
    .updateTable('person')
    .set({ released_on: on, returned_on: returnedOn })
    .where('id', '=', person.id)
    .execute();
  return person.id;
}

async function outcomes(personId: string, by = 'prison') {
  const response = await send(by, 'GET', `/api/people/${personId}/outcomes`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PersonOutcomes;
}

beforeAll(async () => {
  t = await createTestApp();
  const village = (await createOrganization(t.database.db, { kind: 'village', name: 'Kelurahan Uji' })).id;
  const partner = (await createOrganization(t.database.db, { kind: 'partner', name: 'Mitra Uji' })).id;
  await user('prison', LAPAS_ID, ['prison_binadik']);
  await user('prisonEn', LAPAS_ID, ['prison_binadik'], 'en');
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('pk', BAPAS_ID, ['probation_officer']);
  await user('kelurahan', village, ['village_staff']);
  await user('partner', partner, ['partner_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
});
afterAll(() => t.close());

describe('a person’s outcome checks', () => {
  it('someone not released has no due dates and cannot be checked (OUTCOME_NOT_RELEASED)', async () => {
    const personId = await released(null);
    const view = await outcomes(personId);
    expect(view.releasedOn).toBeNull();
    expect(view.canRecord).toBe(false);
    expect(view.windows.map((w) => [w.windowMonths, w.dueOn, w.state])).toEqual([
      [1, null, 'not_released'],
      [3, null, 'not_released'],
      [6, null, 'not_released'],
      [12, null, 'not_released'],
    ]);
    const response = await send('prison', 'POST', `/api/people/${personId}/outcomes`, {
      windowMonths: 1,
      checkedOn: today(),
      workStatus: 'employed',
    });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('OUTCOME_NOT_RELEASED');
    // A release recorded for a day still ahead is not a release yet.
    const later = await released(day(3));
    expect((await outcomes(later)).releasedOn).toBeNull();
  });

  it('a return to custody answers only the follow-ups she was back inside for', async () => {
    // Released 120 days ago, back inside 10 days ago: the 1- and 3-month follow-ups fell while she was out,
    // so they stay to be recorded; the 6- and 12-month ones are answered by the return.
    const releasedOn = day(-120);
    const returnedOn = day(-10);
    const personId = await released(releasedOn, returnedOn);
    const prison = (await (as.prison as Session).request({ method: 'GET', url: '/api/me' })).json();
    const ctx: RequestContext = {
      principal: {
        sessionId: 'uji',
        userId: prison.user.id,
        username: prison.user.username,
        fullName: prison.user.fullName,
        position: null,
        organizationId: LAPAS_ID,
        organizationName: 'Lapas Uji',
        organizationShortName: null,
        organizationKind: 'prison',
        organizationCode: null,
        roles: prison.roles,
        permissions: prison.permissions,
        language: 'id',
        mustChangePassword: false,
        csrfToken: 'uji',
        expiresAt: new Date(Date.now() + 60_000),
      },
      correlationId: 'uji',
      ip: '127.0.0.1',
    };
    const inserted = await t.database.db
      .transaction()
      .execute((trx) => recordReturnToCustody(trx, ctx, personId, returnedOn));
    expect(inserted).toBe(2);
    const view = await outcomes(personId);
    expect(view.windows.map((w) => [w.windowMonths, w.check?.returnedToCustodyOn ?? null])).toEqual([
      [1, null],
      [3, null],
      [6, returnedOn],
      [12, returnedOn],
    ]);
  });

  it('shows the four windows with due dates and states, audited', async () => {
    const releasedOn = day(-40);
    const personId = await released(releasedOn);
    const since = new Date(Date.now() - 1000);
    const view = await outcomes(personId);
    expect(view.canRecord).toBe(true);
    expect(view.windows.map((w) => w.dueOn)).toEqual([1, 3, 6, 12].map((m) => addMonths(releasedOn, m)));
    expect(view.windows[0]?.state).toBe('overdue');
    expect(view.windows[0]?.opensOn).toBe(addDays(addMonths(releasedOn, 1), -14));
    expect(view.windows[1]?.state).toBe('upcoming');
    // One entry for this view, written as the caller.
    expect((await auditSince('outcome.viewed', personId, since)).map((entry) => entry.actor_user_id)).toEqual(
      [userIds.prison],
    );
  });

  it('records one check per window, refuses bad dates and a missing work status by field, edits with version', async () => {
    const releasedOn = day(-40);
    const personId = await released(releasedOn);
    const url = `/api/people/${personId}/outcomes`;
    const fields = async (body: object) => {
      const response = await send('prison', 'POST', url, body);
      expect(response.statusCode, response.body).toBe(400);
      return response.json().error.fields as Record<string, string>;
    };
    expect(Object.keys(await fields({ windowMonths: 1, checkedOn: today() }))).toEqual(['workStatus']);
    expect(await fields({ windowMonths: 1, checkedOn: day(1), workStatus: 'employed' })).toEqual({
      checkedOn: 'Tanggal tidak boleh di masa depan.',
    });
    const early = await fields({ windowMonths: 3, checkedOn: today(), workStatus: 'employed' });
    const opens = addDays(addMonths(releasedOn, 3), -14);
    expect(early.checkedOn).toBe(
      `Pemantauan ini baru dapat dicatat mulai ${opens.slice(8, 10)}/${opens.slice(5, 7)}/${opens.slice(0, 4)}.`,
    );
    // In the user's language.
    const english = await send('prisonEn', 'POST', url, {
      windowMonths: 3,
      checkedOn: today(),
      workStatus: 'employed',
    });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.fields.checkedOn).toBe(
      `This check can only be recorded from ${opens.slice(8, 10)}/${opens.slice(5, 7)}/${opens.slice(0, 4)}.`,
    );
    expect(
      Object.keys(
        await fields({
          windowMonths: 1,
          checkedOn: today(),
          returnedToCustodyOn: addDays(releasedOn, -1),
        }),
      ),
    ).toEqual(['returnedToCustodyOn']);

    const created = await send('prison', 'POST', url, {
      windowMonths: 1,
      checkedOn: today(),
      workStatus: 'self_employed',
      incomeBand: '1m_2m',
      businessStarted: true,
      housingStable: true,
      inHostVillage: true,
      note: 'Usaha jahit di rumah.',
    });
    expect(created.statusCode, created.body).toBe(201);
    const check = created.json() as OutcomeCheck;
    expect(check).toMatchObject({
      windowMonths: 1,
      dueOn: addMonths(releasedOn, 1),
      workStatus: 'self_employed',
      incomeBand: '1m_2m',
      recordedBy: 'Petugas prison',
      version: 1,
    });
    const twice = await send('prison', 'POST', url, {
      windowMonths: 1,
      checkedOn: today(),
      workStatus: 'employed',
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('OUTCOME_EXISTS');

    const edited = await send('pk', 'PATCH', `${url}/${check.id}`, {
      checkedOn: today(),
      workStatus: 'employed',
      incomeBand: '2m_3m',
      version: 1,
    });
    // The Bapas sees her only once she is handed over or referred to it.
    expect(edited.statusCode).toBe(404);
    await linkPerson(t.database.db, personId, BAPAS_ID, 'handover');
    const byPk = await send('pk', 'PATCH', `${url}/${check.id}`, {
      checkedOn: today(),
      workStatus: 'employed',
      incomeBand: '2m_3m',
      version: 1,
    });
    expect(byPk.statusCode, byPk.body).toBe(200);
    expect(byPk.json()).toMatchObject({
      workStatus: 'employed',
      incomeBand: '2m_3m',
      note: null,
      version: 2,
    });
    const stale = await send('prison', 'PATCH', `${url}/${check.id}`, {
      checkedOn: today(),
      workStatus: 'unemployed',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('OUTCOME_CHANGED');
    const view = await outcomes(personId, 'pk');
    expect(view.windows[0]).toMatchObject({ state: 'recorded', check: { workStatus: 'employed' } });
    const timeline = await t.database.db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', personId)
      .where('kind', '=', 'outcome.recorded')
      .execute();
    expect(timeline).toHaveLength(1);
  });

  it('is corrections staff’s: others get 403 or 404; staff without record:outcome read only', async () => {
    const personId = await released(day(-40));
    for (const name of ['kelurahan', 'partner', 'viewer']) {
      const response = await send(name, 'GET', `/api/people/${personId}/outcomes`);
      expect([403, 404], name).toContain(response.statusCode);
      const post = await send(name, 'POST', `/api/people/${personId}/outcomes`, {
        windowMonths: 1,
        checkedOn: today(),
        workStatus: 'employed',
      });
      expect([403, 404], name).toContain(post.statusCode);
    }
    expect((await outcomes(personId, 'giatja')).canRecord).toBe(false);
    const post = await send('giatja', 'POST', `/api/people/${personId}/outcomes`, {
      windowMonths: 1,
      checkedOn: today(),
      workStatus: 'employed',
    });
    expect(post.statusCode).toBe(403);
  });
});

describe('cohorts', () => {
  beforeAll(async () => {
    const db = t.database.db;
    const check = (
      personId: string,
      window: 1 | 3 | 6 | 12,
      workStatus: 'employed' | 'self_employed' | 'in_training' | 'unemployed' | 'not_looking' | null,
      returnedOn: string | null = null,
    ) =>
      db
        .insertInto('outcome_check')
        .values({
          person_id: personId,
          organization_id: LAPAS_ID,
          window_months: window,
          due_on: '2024-06-01',
          checked_on: '2024-06-01',
          work_status: workStatus,
          returned_to_custody_on: returnedOn,
          recorded_by_name: 'Uji',
        })
        .execute();
    // 2024-Q1: four women.
    const a = await released('2024-01-15');
    await check(a, 1, 'employed');
    await check(a, 3, 'self_employed');
    await check(a, 6, 'unemployed');
    // Back in custody on 1 June: after her 3-month mark (10 May), before her 6-month one (10 August).
    const b = await released('2024-02-10', '2024-06-01');
    await check(b, 1, 'in_training');
    await check(b, 3, 'employed');
    // Her 3-month check found her back in custody on 20 May: before 30 June, after 30 April.
    const c = await released('2024-03-31');
    await check(c, 1, 'not_looking');
    await check(c, 3, null, '2024-05-20');
    // An old return, before this release, is not a return after it.
    await released('2024-03-05', '2023-12-01');
    // 2024-Q2: one woman, no checks.
    await released('2024-04-01');
  });

  it('counts by hand: sizes, checks, working, in training, not working, returned by each window', async () => {
    const response = await send('prison', 'GET', '/api/outcomes/cohorts?from=2024-Q1&to=2024-Q2');
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json() as CohortResponse;
    expect(body.smallCountsHidden).toBe(false);
    expect(body.windows).toEqual([1, 3, 6, 12]);
    expect(body.rows.map((row) => [row.cohort, row.from, row.to, row.size])).toEqual([
      ['2024-Q1', '2024-01-01', '2024-03-31', 4],
      ['2024-Q2', '2024-04-01', '2024-06-30', 1],
    ]);
    const cells = (body.rows[0]?.cells ?? []).map((cell) =>
      cell ? [cell.checks, cell.working, cell.inTraining, cell.notWorking, cell.returned] : null,
    );
    expect(cells).toEqual([
      [3, 1, 1, 1, 0],
      [3, 2, 0, 0, 1],
      [1, 0, 0, 1, 2],
      [0, 0, 0, 0, 2],
    ]);
    expect(body.rows[1]?.cells.map((cell) => cell?.checks)).toEqual([0, 0, 0, 0]);
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'outcome.cohorts_viewed')
      .executeTakeFirst();
    expect(entry?.details).toEqual({ from: '2024-Q1', to: '2024-Q2' });
  });

  it('leaves out the windows not yet passed for the whole cohort ("belum")', async () => {
    const response = await send('prison', 'GET', '/api/outcomes/cohorts');
    expect(response.statusCode, response.body).toBe(200);
    const rows = (response.json() as CohortResponse).rows;
    expect(rows).toHaveLength(8);
    const current = rows[7];
    const previous = rows[6];
    expect(current?.cells).toEqual([null, null, null, null]);
    expect(previous?.cells.slice(1)).toEqual([null, null, null]);
    // Quarter end + window months ≤ today: the window has passed for everyone released in it.
    for (const row of rows)
      row.cells.forEach((cell, index) => {
        const window = [1, 3, 6, 12][index] as number;
        expect(cell === null, `${row.cohort} ${window}`).toBe(addMonths(row.to, window) > today());
      });
  });

  it('hides counts of 1 to 4 from callers outside corrections, shows zero; partners get 403', async () => {
    for (const name of ['kelurahan', 'viewer']) {
      const response = await send(name, 'GET', '/api/outcomes/cohorts?from=2024-Q1&to=2024-Q2');
      expect(response.statusCode, name).toBe(200);
      const body = response.json() as CohortResponse;
      expect(body.smallCountsHidden).toBe(true);
      expect(body.rows.map((row) => row.size)).toEqual([null, null]);
      // A hidden size hides its whole row (its cells would tell what the size does not).
      for (const row of body.rows)
        for (const cell of row.cells)
          expect(cell).toEqual({
            windowMonths: cell?.windowMonths,
            checks: null,
            working: null,
            inTraining: null,
            notWorking: null,
            returned: null,
          });
    }
    expect((await send('partner', 'GET', '/api/outcomes/cohorts')).statusCode).toBe(403);
  });

  it('hides a second category when exactly one is hidden (a cohort of 7, two not working)', async () => {
    const db = t.database.db;
    for (let index = 0; index < 7; index++) {
      const personId = await released(`2023-02-${String(index + 1).padStart(2, '0')}`);
      await db
        .insertInto('outcome_check')
        .values({
          person_id: personId,
          organization_id: LAPAS_ID,
          window_months: 1,
          due_on: '2023-03-15',
          checked_on: '2023-03-15',
          work_status: index < 5 ? 'employed' : 'unemployed',
          recorded_by_name: 'Uji',
        })
        .execute();
    }
    const url = '/api/outcomes/cohorts?from=2023-Q1&to=2023-Q1';
    const full = (await send('prison', 'GET', url)).json() as CohortResponse;
    expect(full.rows[0]?.size).toBe(7);
    expect(full.rows[0]?.cells[0]).toEqual({
      windowMonths: 1,
      checks: 7,
      working: 5,
      inTraining: 0,
      notWorking: 2,
      returned: 0,
    });
    const response = await send('viewer', 'GET', url);
    expect(response.statusCode).toBe(200);
    const row = (response.json() as CohortResponse).rows[0];
    expect(row?.size).toBe(7);
    // notWorking (2) is hidden, and so is the next-smallest category: 7 − 5 no longer gives it away.
    expect(row?.cells[0]).toEqual({
      windowMonths: 1,
      checks: 7,
      working: 5,
      inTraining: null,
      notWorking: null,
      returned: 0,
    });
  });

  it('counts no release recorded ahead of today in the current quarter', async () => {
    const person = await released(day(1));
    const response = await send('prison', 'GET', '/api/outcomes/cohorts');
    const rows = (response.json() as CohortResponse).rows;
    const quarterOf = (date: string) =>
      `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    const current = rows.find((row) => row.cohort === quarterOf(day(1)));
    const before = current?.size ?? 0;
    await t.database.db
      .updateTable('person')
      .set({ released_on: today() })
      .where('id', '=', person)
      .execute();
    const after = (await send('prison', 'GET', '/api/outcomes/cohorts')).json() as CohortResponse;
    const now = after.rows.find((row) => row.cohort === quarterOf(today()));
    if (quarterOf(day(1)) === quarterOf(today())) expect(now?.size).toBe((before ?? 0) + 1);
  });

  it('refuses a range in the wrong order or too long, naming the field', async () => {
    const order = await send('prison', 'GET', '/api/outcomes/cohorts?from=2025-Q1&to=2024-Q4');
    expect(order.statusCode).toBe(400);
    expect(Object.keys(order.json().error.fields)).toEqual(['to']);
    const long = await send('prison', 'GET', '/api/outcomes/cohorts?from=2010-Q1&to=2024-Q4');
    expect(long.statusCode).toBe(400);
    expect(Object.keys(long.json().error.fields)).toEqual(['from']);
    expect((await send('prison', 'GET', '/api/outcomes/cohorts?from=2024-Q5')).statusCode).toBe(400);
  });
});

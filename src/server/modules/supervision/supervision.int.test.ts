import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPerson, linkPerson } from '../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import { addDays, addMonths } from '../../../shared/dates.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type {
  CaseloadResponse,
  PersonSupervision,
  RecordSessionResponse,
  SupervisionEscalation,
  SupervisionSchedule,
} from '../../../shared/supervision.ts';
import { BAPAS_ID, LAPAS_ID } from '../../db/seed/reference.ts';
import { today } from '../../platform/calendar.ts';

// Supervision through the API. Handovers are made by the handovers module; here the accepted handover
// (with its PK) is inserted directly, which is all supervision reads.

let t: TestApp;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[], language: 'id' | 'en' = 'id') {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  if (language !== 'id')
    await t.database.db.updateTable('app_user').set({ language }).where('id', '=', created.id).execute();
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** The audit entries of `action` about `subjectId` written since `since`, with their actor. */
const auditSince = (action: string, subjectId: string, since: Date) =>
  t.database.db
    .selectFrom('audit_log')
    .select(['actor_user_id', 'details'])
    .where('action', '=', action)
    .where('subject_id', '=', subjectId)
    .where('at', '>=', since)
    .execute();

const dmy = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

const day = (days: number) => addDays(today(), days);

const send = (name: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  (as[name] as Session).request({ method, url, ...(payload && { payload }) });

/**
 * A woman held by LPP Semarang, released on `releasedOn` (or expected on `releaseDate`), handed over to
 * `bapas` and accepted with `officer` as her PK.
 */
async function client(options: {
  releasedOn?: string | null;
  releaseDate?: string | null;
  officer?: string;
  bapas?: string;
  name?: string;
}) {
  const db = t.database.db;
  const person = await createPerson(db, {
    fullName: options.name,
    releaseDate: options.releaseDate ?? options.releasedOn ?? null,
  });
  if (options.releasedOn)
    await db
      .updateTable('person')
      .set({ released_on: options.releasedOn })
      .where('id', '=', person.id)
      .execute();
  await handOver(person.id, options.bapas ?? BAPAS_ID, ids[options.officer ?? 'pk1'] as string);
  return person.id;
}

async function handOver(personId: string, bapas: string, officerId: string) {
  const db = t.database.db;
  const plan = await db
    .insertInto('reintegration_plan')
    .values({ person_id: personId, organization_id: LAPAS_ID })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('handover')
    .values({
      person_id: personId,
      from_organization_id: LAPAS_ID,
      to_organization_id: bapas,
      plan_id: plan.id,
      status: 'accepted',
      package: JSON.stringify({}),
      sent_by_name: 'Petugas Lapas',
      officer_user_id: officerId,
      decided_by_name: 'Kepala Bapas',
      decided_at: new Date(),
    })
    .execute();
  await linkPerson(db, personId, bapas, 'handover');
}

async function supervision(personId: string, by = 'pk1') {
  const response = await send(by, 'GET', `/api/people/${personId}/supervision`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as PersonSupervision;
}

async function caseload(by: string, query = '') {
  const response = await send(by, 'GET', `/api/supervision/caseload${query}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as CaseloadResponse;
}

const visit = (overrides: Record<string, unknown> = {}) => ({
  clientKey: randomUUID(),
  kind: 'reporting_visit',
  placeKind: 'bapas',
  heldOn: today(),
  outcome: 'attended',
  notes: 'Datang tepat waktu.',
  ...overrides,
});

async function record(personId: string, body: object, by = 'pk1', status = 201) {
  const response = await send(by, 'POST', `/api/people/${personId}/supervision/sessions`, body);
  expect(response.statusCode, response.body).toBe(status);
  return response.json() as RecordSessionResponse;
}

let otherBapas: string;

beforeAll(async () => {
  t = await createTestApp();
  otherBapas = (await createOrganization(t.database.db, { kind: 'probation', name: 'Bapas Uji Lain' })).id;
  const village = (await createOrganization(t.database.db, { kind: 'village', name: 'Kelurahan Uji' })).id;
  await user('head', BAPAS_ID, ['probation_head']);
  await user('head2', BAPAS_ID, ['probation_head']);
  await user('pk1', BAPAS_ID, ['probation_officer']);
  await user('pk2', BAPAS_ID, ['probation_officer']);
  await user('pkEn', BAPAS_ID, ['probation_officer'], 'en');
  await user('otherHead', otherBapas, ['probation_head']);
  await user('otherPk', otherBapas, ['probation_officer']);
  await user('prison', LAPAS_ID, ['prison_head']);
  await user('kelurahan', village, ['village_staff']);
  await user('viewer', LAPAS_ID, ['viewer']);
});
afterAll(() => t.close());

it('documents its routes in the OpenAPI description', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
  expect(response.statusCode).toBe(200);
  expect(Object.keys(response.json().paths)).toEqual(
    expect.arrayContaining([
      '/api/supervision/caseload',
      '/api/people/{personId}/supervision',
      '/api/people/{personId}/supervision/schedule',
      '/api/people/{personId}/supervision/sessions',
      '/api/people/{personId}/supervision/sessions/{sessionId}',
      '/api/people/{personId}/supervision/escalations',
      '/api/supervision/escalations/{escalationId}/resolve',
      '/api/people/{personId}/outcomes',
      '/api/people/{personId}/outcomes/{checkId}',
      '/api/outcomes/cohorts',
    ]),
  );
});

describe('caseload and access', () => {
  let mine: string;
  let theirs: string;
  let coming: string;

  beforeAll(async () => {
    mine = await client({ releasedOn: day(-20), officer: 'pk1', name: 'Sri Caseload Satu' });
    theirs = await client({ releasedOn: day(-10), officer: 'pk2', name: 'Sri Caseload Dua' });
    coming = await client({ releaseDate: day(15), officer: 'pk1', name: 'Sri Belum Bebas' });
  });

  it('a PK lists her own clients only (released ones), audited with the people shown', async () => {
    const list = await caseload('pk1', '?pageSize=200');
    expect(list.scope).toBe('own');
    expect(list.canReadOrganization).toBe(false);
    const shown = list.items.map((item) => item.personId);
    expect(shown).toContain(mine);
    expect(shown).not.toContain(theirs);
    expect(shown).not.toContain(coming);
    const item = list.items.find((row) => row.personId === mine);
    expect(item).toMatchObject({
      displayName: 'Sri Caseload Satu',
      releasedOn: day(-20),
      officer: { id: ids.pk1, name: 'Petugas pk1' },
      schedule: null,
      overdueDays: null,
      lastSession: null,
      openEscalation: null,
    });
    const entry = await t.database.db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'caseload.listed')
      .where('actor_user_id', '=', ids.pk1 as string)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect((entry.details as { shown: string[] }).shown).toContain(mine);
  });

  it('the Bapas head lists every client of her Bapas; a PK may not ask for the whole Bapas', async () => {
    const list = await caseload('head', '?pageSize=200');
    expect(list.scope).toBe('organization');
    expect(list.canReadOrganization).toBe(true);
    const shown = list.items.map((item) => item.personId);
    expect(shown).toEqual(expect.arrayContaining([mine, theirs]));
    expect(shown).not.toContain(coming);
    expect((await send('pk1', 'GET', '/api/supervision/caseload?scope=organization')).statusCode).toBe(403);
    expect((await caseload('otherHead', '?pageSize=200')).items.map((i) => i.personId)).not.toContain(mine);
  });

  it('a client whose supervision term is over leaves the caseload; her record reads ended', async () => {
    const done = await client({ releasedOn: day(-200), officer: 'pk1' });
    await t.database.db
      .updateTable('person')
      .set({ supervision_end_date: day(-1) })
      .where('id', '=', done)
      .execute();
    expect((await caseload('pk1', '?pageSize=200')).items.map((item) => item.personId)).not.toContain(done);
    expect(await supervision(done)).toMatchObject({ state: 'ended', canRecord: false });
  });

  it('searches by name and filters by status', async () => {
    const found = await caseload('head', `?q=${encodeURIComponent('caseload dua')}`);
    expect(found.items.map((item) => item.personId)).toEqual([theirs]);
    const noSchedule = await caseload('head', '?status=no_schedule&pageSize=200');
    expect(noSchedule.items.map((item) => item.personId)).toContain(theirs);
  });

  it('other roles get 403; another Bapas gets 404; another PK of her Bapas sees "not_client"', async () => {
    for (const name of ['prison', 'kelurahan', 'viewer']) {
      expect((await send(name, 'GET', '/api/supervision/caseload')).statusCode, name).toBe(403);
      expect((await send(name, 'GET', `/api/people/${mine}/supervision`)).statusCode, name).toBe(403);
    }
    for (const name of ['otherHead', 'otherPk']) {
      const response = await send(name, 'GET', `/api/people/${mine}/supervision`);
      expect(response.statusCode, name).toBe(404);
      expect(response.json().error.code).toBe('SUPERVISION_NOT_FOUND');
    }
    // pk2 may see her (her Bapas's linked person) but she is pk1's client: 200 with nothing of the case.
    const notMine = await supervision(mine, 'pk2');
    expect(notMine).toMatchObject({
      personId: mine,
      state: 'not_client',
      organization: null,
      officer: null,
      handoverId: null,
      schedule: null,
      sessions: [],
      escalations: [],
      canRecord: false,
    });
    for (const name of ['pk2', 'otherHead', 'otherPk']) {
      const post = await send(name, 'POST', `/api/people/${mine}/supervision/sessions`, visit());
      expect(post.statusCode, name).toBe(404);
    }
    const view = await supervision(mine, 'head');
    expect(view).toMatchObject({ state: 'active', canRecord: true, officer: { id: ids.pk1 } });
    expect((await supervision(mine, 'pk1')).canRecord).toBe(true);
  });

  it('a client not yet released is awaiting release: schedule allowed, visits refused before her release', async () => {
    const view = await supervision(coming);
    expect(view.state).toBe('awaiting_release');
    const response = await send('pk1', 'POST', `/api/people/${coming}/supervision/sessions`, visit());
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields)).toEqual(['heldOn']);
    const schedule = await send('pk1', 'PUT', `/api/people/${coming}/supervision/schedule`, { version: 0 });
    expect(schedule.statusCode, schedule.body).toBe(200);
    expect((schedule.json() as SupervisionSchedule).startsOn).toBe(day(15));
    expect((schedule.json() as SupervisionSchedule).nextDueOn).toBe(addMonths(day(15), 1));
  });
});

describe('schedule, sessions and next due date', () => {
  let personId: string;
  const released = day(-40);

  beforeAll(async () => {
    personId = await client({ releasedOn: released });
  });

  it('creates the schedule (default monthly from her release) and changes it with its version', async () => {
    const created = await send('pk1', 'PUT', `/api/people/${personId}/supervision/schedule`, {
      place: 'Bapas Semarang',
      version: 0,
    });
    expect(created.statusCode, created.body).toBe(200);
    const schedule = created.json() as SupervisionSchedule;
    expect(schedule).toMatchObject({
      kind: 'reporting_visit',
      interval: 'monthly',
      startsOn: released,
      nextDueOn: addMonths(released, 1),
      active: true,
      version: 1,
    });
    expect(schedule.overdueDays).toBe(Math.max(0, daysFrom(addMonths(released, 1))));
    const again = await send('pk1', 'PUT', `/api/people/${personId}/supervision/schedule`, { version: 0 });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('SUPERVISION_CHANGED');
    const weekly = await send('pk1', 'PUT', `/api/people/${personId}/supervision/schedule`, {
      interval: 'weekly',
      version: 1,
    });
    expect(weekly.statusCode, weekly.body).toBe(200);
    expect((weekly.json() as SupervisionSchedule).nextDueOn).toBe(addDays(released, 7));
    const stale = await send('pk1', 'PUT', `/api/people/${personId}/supervision/schedule`, {
      interval: 'biweekly',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('refuses a visit before her release or an attended/excused visit in the future, naming the field', async () => {
    const before = await send(
      'pk1',
      'POST',
      `/api/people/${personId}/supervision/sessions`,
      visit({ heldOn: addDays(released, -1) }),
    );
    expect(before.statusCode).toBe(400);
    expect(before.json().error.fields.heldOn).toBe(
      `Tanggal kunjungan tidak boleh sebelum tanggal bebas (${dmy(released)}).`,
    );
    for (const outcome of ['attended', 'excused', 'missed']) {
      const future = await send(
        'pk1',
        'POST',
        `/api/people/${personId}/supervision/sessions`,
        visit({ heldOn: day(1), outcome }),
      );
      expect(future.statusCode, outcome).toBe(400);
      expect(future.json().error.fields.heldOn).toBe('Kunjungan di masa depan belum dapat dicatat.');
    }
  });

  it('an attended visit moves the next due date; a missed one does not', async () => {
    const attended = await record(personId, visit({ heldOn: day(-3) }));
    expect(attended.replayed).toBe(false);
    expect(attended.session).toMatchObject({
      outcome: 'attended',
      heldOn: day(-3),
      officer: { id: ids.pk1 },
    });
    expect(attended.schedule?.nextDueOn).toBe(addDays(day(-3), 7));
    const missed = await record(personId, visit({ heldOn: day(-1), outcome: 'missed' }));
    expect(missed.schedule?.nextDueOn).toBe(addDays(day(-3), 7));
    expect(missed.escalation?.level).toBe('reminder');
  });

  it('the same clientKey sent again answers the stored session (200) and records nothing more', async () => {
    const body = visit({ heldOn: day(0), notes: 'Kirim ulang' });
    const first = await record(personId, body);
    const second = await record(personId, body, 'pk1', 200);
    expect(second.replayed).toBe(true);
    expect(second.session.id).toBe(first.session.id);
    const [a, b] = await Promise.all([
      send('pk1', 'POST', `/api/people/${personId}/supervision/sessions`, {
        ...body,
        clientKey: '8f0d2a4e-0c1b-4c55-9a55-1f2e3d4c5b6a',
      }),
      send('pk1', 'POST', `/api/people/${personId}/supervision/sessions`, {
        ...body,
        clientKey: '8f0d2a4e-0c1b-4c55-9a55-1f2e3d4c5b6a',
      }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    const stored = await t.database.db
      .selectFrom('supervision_session')
      .select((eb) => eb.fn.countAll<string>().as('count'))
      .where('client_key', 'in', [body.clientKey, '8f0d2a4e-0c1b-4c55-9a55-1f2e3d4c5b6a'])
      .executeTakeFirstOrThrow();
    expect(Number(stored.count)).toBe(2);
    const other = await client({ releasedOn: day(-5) });
    const reused = await send('pk1', 'POST', `/api/people/${other}/supervision/sessions`, body);
    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.code).toBe('SESSION_KEY_REUSED');
  });

  it('changes a session with its version; a stale version is 409', async () => {
    const { session } = await record(personId, visit({ heldOn: day(-2), outcome: 'excused' }));
    const changed = await send('pk1', 'PATCH', `/api/people/${personId}/supervision/sessions/${session.id}`, {
      notes: 'Izin sakit, surat dokter.',
      version: session.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((changed.json() as RecordSessionResponse).session).toMatchObject({
      notes: 'Izin sakit, surat dokter.',
      version: session.version + 1,
    });
    const stale = await send('pk1', 'PATCH', `/api/people/${personId}/supervision/sessions/${session.id}`, {
      notes: 'x',
      version: session.version,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('SESSION_CHANGED');
    const future = await send('pk1', 'PATCH', `/api/people/${personId}/supervision/sessions/${session.id}`, {
      heldOn: day(2),
      version: session.version + 1,
    });
    expect(future.statusCode).toBe(400);
    expect(Object.keys(future.json().error.fields)).toEqual(['heldOn']);
  });

  it('shows sessions newest first, with the schedule, on her supervision page (audited)', async () => {
    const since = new Date(Date.now() - 1000);
    const view = await supervision(personId);
    const dates = view.sessions.map((session) => session.heldOn);
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(view.schedule?.interval).toBe('weekly');
    // One entry for this view, written as the caller.
    expect((await auditSince('supervision.viewed', personId, since)).map((e) => e.actor_user_id)).toEqual([
      ids.pk1,
    ]);
  });

  it("answers field errors in the user's language (English)", async () => {
    const releasedOn = day(-10);
    const personId = await client({ releasedOn, officer: 'pkEn' });
    const response = await send(
      'pkEn',
      'POST',
      `/api/people/${personId}/supervision/sessions`,
      visit({ heldOn: addDays(releasedOn, -1) }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      heldOn: `The visit date cannot be before the release date (${dmy(releasedOn)}).`,
    });
  });

  it('refuses a schedule starting more than 7 days before her release (field startsOn)', async () => {
    const releasedOn = day(-10);
    const personId = await client({ releasedOn, officer: 'pkEn' });
    const url = `/api/people/${personId}/supervision/schedule`;
    const early = await send('head', 'PUT', url, { startsOn: addDays(releasedOn, -8), version: 0 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields).toEqual({
      startsOn: `Jadwal bimbingan tidak boleh dimulai lebih dari 7 hari sebelum tanggal bebasnya (${dmy(releasedOn)}).`,
    });
    const english = await send('pkEn', 'PUT', url, { startsOn: '2020-01-01', version: 0 });
    expect(english.statusCode).toBe(400);
    expect(english.json().error.fields).toEqual({
      startsOn: `Supervision cannot start more than 7 days before her release date (${dmy(releasedOn)}).`,
    });
    const ok = await send('pkEn', 'PUT', url, { startsOn: addDays(releasedOn, -7), version: 0 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((ok.json() as SupervisionSchedule).startsOn).toBe(addDays(releasedOn, -7));
  });
});

function daysFrom(date: string) {
  return Math.round((Date.parse(`${today()}T00:00:00Z`) - Date.parse(`${date}T00:00:00Z`)) / 86_400_000);
}

describe('escalation ladder', () => {
  let personId: string;

  const headNotifications = async (userId: string) =>
    t.database.db
      .selectFrom('notification')
      .select(['kind', 'params', 'link', 'person_id'])
      .where('user_id', '=', userId)
      .where('person_id', '=', personId)
      .execute();

  beforeAll(async () => {
    personId = await client({ releasedOn: day(-90), officer: 'pk2' });
  });

  it('1, 2, 3 consecutive misses: reminder, warning, report to head (every head notified, no name)', async () => {
    const first = await record(personId, visit({ heldOn: day(-60), outcome: 'missed' }), 'pk2');
    expect(first.escalation).toMatchObject({
      level: 'reminder',
      automatic: true,
      sessionId: first.session.id,
    });
    const second = await record(personId, visit({ heldOn: day(-30), outcome: 'missed' }), 'pk2');
    expect(second.escalation?.level).toBe('warning');
    expect(await headNotifications(ids.head as string)).toEqual([]);
    const third = await record(personId, visit({ heldOn: day(-1), outcome: 'missed' }), 'pk2');
    expect(third.escalation?.level).toBe('report_to_head');
    for (const head of ['head', 'head2']) {
      const notes = await headNotifications(ids[head] as string);
      expect(notes, head).toHaveLength(1);
      expect(notes[0]).toMatchObject({ kind: 'escalation_report', link: `/bimbingan/${personId}` });
      expect(JSON.stringify(notes[0]?.params)).not.toMatch(/Warga|Sri/);
    }
    expect(await headNotifications(ids.pk2 as string)).toEqual([]);
    expect(await headNotifications(ids.otherHead as string)).toEqual([]);
    // Missed sessions never move the next due date: still one month after her release.
    expect(third.schedule?.nextDueOn).toBe(addMonths(day(-90), 1));
    const view = await supervision(personId, 'head');
    expect(view.consecutiveMissed).toBe(3);
    expect(view.nextEscalationLevel).toBeNull();
    expect(view.escalations.map((e) => e.level)).toEqual(['report_to_head', 'warning', 'reminder']);
    const timeline = await t.database.db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', personId)
      .where('kind', '=', 'supervision.escalated')
      .execute();
    expect(timeline).toHaveLength(3);
  });

  it('the caseload shows the highest open escalation and the overdue days', async () => {
    const list = await caseload('pk2', '?status=escalated&pageSize=200');
    const item = list.items.find((row) => row.personId === personId);
    expect(item?.openEscalation).toBe('report_to_head');
    expect(item?.overdueDays).toBe(daysFrom(addMonths(day(-90), 1)));
    expect((await caseload('pk2', '?status=overdue&pageSize=200')).items.map((i) => i.personId)).toContain(
      personId,
    );
  });

  it('manual escalation at the top is refused; resolving opens the way; an attended visit resets the run', async () => {
    const top = await send('pk2', 'POST', `/api/people/${personId}/supervision/escalations`, {
      note: 'Tidak dapat dihubungi.',
    });
    expect(top.statusCode).toBe(409);
    expect(top.json().error.code).toBe('ESCALATION_AT_TOP');
    const view = await supervision(personId, 'pk2');
    for (const escalation of view.escalations) {
      const notMine = await send('pk1', 'POST', `/api/supervision/escalations/${escalation.id}/resolve`, {
        note: 'x',
      });
      expect(notMine.statusCode).toBe(404);
      const resolved = await send('pk2', 'POST', `/api/supervision/escalations/${escalation.id}/resolve`, {
        note: 'Sudah datang dan berjanji melapor.',
      });
      expect(resolved.statusCode, resolved.body).toBe(200);
      expect(resolved.json() as SupervisionEscalation).toMatchObject({
        resolvedBy: 'Petugas pk2',
        resolutionNote: 'Sudah datang dan berjanji melapor.',
      });
    }
    const again = await send(
      'pk2',
      'POST',
      `/api/supervision/escalations/${view.escalations[0]?.id}/resolve`,
      {
        note: 'lagi',
      },
    );
    expect(again.statusCode).toBe(409);
    const manual = await send('pk2', 'POST', `/api/people/${personId}/supervision/escalations`, {
      note: 'Pindah alamat tanpa kabar.',
    });
    expect(manual.statusCode, manual.body).toBe(201);
    expect(manual.json()).toMatchObject({
      level: 'reminder',
      automatic: false,
      note: 'Pindah alamat tanpa kabar.',
    });
    const emptyNote = await send('pk2', 'POST', `/api/people/${personId}/supervision/escalations`, {
      note: ' ',
    });
    expect(emptyNote.statusCode).toBe(400);

    await record(personId, visit({ heldOn: day(0), outcome: 'attended' }), 'pk2');
    const afterMiss = await record(personId, visit({ heldOn: day(0), outcome: 'missed' }), 'pk2');
    expect(afterMiss.escalation?.level).toBe('reminder');
  });
});

describe('changing a session to missed', () => {
  it('climbs the ladder like a new missed session; a late missed entry before an attended one does not', async () => {
    const personId = await client({ releasedOn: day(-30) });
    await record(personId, visit({ heldOn: day(-20) }));
    const { session } = await record(personId, visit({ heldOn: day(-2), outcome: 'excused' }));
    const changed = await send('pk1', 'PATCH', `/api/people/${personId}/supervision/sessions/${session.id}`, {
      outcome: 'missed',
      version: session.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const body = changed.json() as RecordSessionResponse;
    expect(body.escalation).toMatchObject({ level: 'reminder', sessionId: session.id });
    // The due date now follows the attended visit only.
    expect(body.schedule?.nextDueOn).toBe(addMonths(day(-20), 1));
    const late = await record(personId, visit({ heldOn: day(-25), outcome: 'missed' }));
    expect(late.escalation).toBeNull();
  });
});

describe('return to custody', () => {
  it('ends the active schedule and records the return in the follow-ups due after it', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { custody: { detentionStartDate: '2024-01-02', years: 2 } });
    const released = day(-100);
    const custody = () =>
      db.selectFrom('custody').select('version').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    const body = {
      sentenceYears: 2,
      detentionStartDate: '2024-01-02',
      releaseKind: 'expiry',
      releasedOn: released,
    };
    const release = await send('prison', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      version: (await custody()).version,
    });
    expect(release.statusCode, release.body).toBe(200);
    await handOver(person.id, BAPAS_ID, ids.pk1 as string);
    await record(person.id, visit({ heldOn: day(-50) }));
    // A missed visit raised a reminder, still open when she goes back.
    const missed = await record(person.id, visit({ heldOn: day(-10), outcome: 'missed' }));
    expect(missed.escalation).not.toBeNull();
    // The one-month window was checked before her return: it stays as it was.
    await db
      .insertInto('outcome_check')
      .values({
        person_id: person.id,
        organization_id: BAPAS_ID,
        window_months: 1,
        due_on: addMonths(released, 1),
        checked_on: addMonths(released, 1),
        work_status: 'employed',
        recorded_by_name: 'Petugas pk1',
      })
      .execute();

    const returnedOn = day(-3);
    const back = await send('prison', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      returnedOn,
      version: (await custody()).version,
    });
    expect(back.statusCode, back.body).toBe(200);

    const schedule = await db
      .selectFrom('supervision_schedule')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(schedule).toMatchObject({ active: false, ended_on: returnedOn, ended_reason: 'returned' });
    // Her open escalations are resolved with the return (no escalation task stays open), and audited.
    const escalations = await db
      .selectFrom('supervision_escalation')
      .select(['level', 'resolved_at', 'resolved_by', 'resolution_note'])
      .where('person_id', '=', person.id)
      .execute();
    expect(escalations).toEqual([
      {
        level: 'reminder',
        resolved_at: expect.any(Date),
        resolved_by: expect.any(String),
        resolution_note: 'Kembali ke lapas',
      },
    ]);
    const resolvedAudit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'supervision.escalation_resolved')
      .where('subject_id', '=', person.id)
      .execute();
    expect(resolvedAudit.map((entry) => entry.details)).toEqual([
      expect.objectContaining({ level: 'reminder', reason: 'returned' }),
    ]);
    const checks = await db
      .selectFrom('outcome_check')
      .select(['window_months', 'work_status', 'returned_to_custody_on', 'checked_on', 'due_on'])
      .where('person_id', '=', person.id)
      .orderBy('window_months')
      .execute();
    expect(checks).toEqual([
      {
        window_months: 1,
        work_status: 'employed',
        returned_to_custody_on: null,
        checked_on: addMonths(released, 1),
        due_on: addMonths(released, 1),
      },
      // The 3-month follow-up fell before her return (she was out then): it stays to be recorded.
      ...[6, 12].map((window) => ({
        window_months: window,
        work_status: null,
        returned_to_custody_on: returnedOn,
        checked_on: returnedOn,
        due_on: addMonths(released, window),
      })),
    ]);
    const events = await db
      .selectFrom('person_event')
      .select('kind')
      .where('person_id', '=', person.id)
      .where('kind', 'in', ['supervision.ended', 'outcome.recorded'])
      .execute();
    expect(events.map((event) => event.kind).sort()).toEqual(['outcome.recorded', 'supervision.ended']);

    // The return also ended her handover (and the Bapas's link): she is nobody's client any more.
    expect((await send('pk1', 'GET', `/api/people/${person.id}/supervision`)).statusCode).toBe(404);
    expect((await caseload('pk1', '?pageSize=200')).items.map((item) => item.personId)).not.toContain(
      person.id,
    );
    const refused = await send('pk1', 'POST', `/api/people/${person.id}/supervision/sessions`, visit());
    expect(refused.statusCode).toBe(404);

    // A corrected return date moves the automatic checks (and the schedule's end) to the new date; the
    // 3-month follow-up, due after the earlier date, is now answered too. The hand-recorded one stays.
    const corrected = day(-20);
    const moved = await send('prison', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      returnedOn: corrected,
      version: (await custody()).version,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const checksNow = () =>
      db
        .selectFrom('outcome_check')
        .select(['window_months', 'work_status', 'returned_to_custody_on', 'checked_on'])
        .where('person_id', '=', person.id)
        .orderBy('window_months')
        .execute();
    expect(await checksNow()).toEqual([
      {
        window_months: 1,
        work_status: 'employed',
        returned_to_custody_on: null,
        checked_on: addMonths(released, 1),
      },
      ...[3, 6, 12].map((window) => ({
        window_months: window,
        work_status: null,
        returned_to_custody_on: corrected,
        checked_on: corrected,
      })),
    ]);
    const ended = await db
      .selectFrom('supervision_schedule')
      .select(['active', 'ended_on'])
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(ended).toEqual({ active: false, ended_on: corrected });

    // Cleared (recorded by mistake): the automatic checks go; the schedule stays ended (a new handover
    // starts it again).
    const cleared = await send('prison', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      returnedOn: null,
      version: (await custody()).version,
    });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(await checksNow()).toEqual([
      {
        window_months: 1,
        work_status: 'employed',
        returned_to_custody_on: null,
        checked_on: addMonths(released, 1),
      },
    ]);
    expect(
      await db
        .selectFrom('supervision_schedule')
        .select(['active', 'ended_on'])
        .where('person_id', '=', person.id)
        .executeTakeFirstOrThrow(),
    ).toEqual({ active: false, ended_on: corrected });
  });
});

describe('a second supervision period', () => {
  it('after a return and a new release, a new handover starts the schedule again and the ladder from reminder', async () => {
    const db = t.database.db;
    const person = await createPerson(db, { custody: { detentionStartDate: '2024-01-02', years: 2 } });
    const custody = () =>
      db.selectFrom('custody').select('version').where('person_id', '=', person.id).executeTakeFirstOrThrow();
    const body = {
      sentenceYears: 2,
      detentionStartDate: '2024-01-02',
      releaseKind: 'expiry',
      releasedOn: day(-200),
    };
    const release = await send('prison', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      version: (await custody()).version,
    });
    expect(release.statusCode, release.body).toBe(200);
    await handOver(person.id, BAPAS_ID, ids.pk1 as string);
    // The first period: two missed visits in a row.
    await record(person.id, visit({ heldOn: day(-150), outcome: 'missed' }));
    expect((await record(person.id, visit({ heldOn: day(-130), outcome: 'missed' }))).escalation?.level).toBe(
      'warning',
    );
    const back = await send('prison', 'PUT', `/api/people/${person.id}/custody`, {
      ...body,
      returnedOn: day(-100),
      version: (await custody()).version,
    });
    expect(back.statusCode, back.body).toBe(200);
    const first = await db
      .selectFrom('supervision_schedule')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(first).toMatchObject({ active: false, ended_on: day(-100) });

    // Released again 40 days ago (her return stays on record, before the new release).
    const again = day(-40);
    await db.updateTable('custody').set({ released_on: again }).where('person_id', '=', person.id).execute();
    await db.updateTable('person').set({ released_on: again }).where('id', '=', person.id).execute();

    // The prison sends a new handover and the Bapas head accepts it, the schedule starting on her release.
    const sent = await send('prison', 'POST', `/api/people/${person.id}/handovers`, {
      toOrganizationId: BAPAS_ID,
      note: 'Bebas lagi',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const handover = sent.json() as { id: string; version: number };
    const accepted = await send('head', 'POST', `/api/handovers/${handover.id}/accept`, {
      officerUserId: ids.pk1,
      version: handover.version,
      scheduleStartsOn: again,
    });
    expect(accepted.statusCode, accepted.body).toBe(200);

    // The old schedule row starts again for this period (ensureSchedule), with a new version.
    const schedule = await db
      .selectFrom('supervision_schedule')
      .selectAll()
      .where('person_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(schedule).toMatchObject({
      active: true,
      ended_on: null,
      ended_reason: null,
      organization_id: BAPAS_ID,
      starts_on: again,
      next_due_on: addMonths(again, 1),
      version: first.version + 1,
    });
    const view = await supervision(person.id);
    expect(view).toMatchObject({ state: 'active', canRecord: true, handoverId: handover.id });
    expect(view.consecutiveMissed).toBe(0);

    // Her visit is overdue (one month after the new release): the PK's tasks show her.
    const tasks = await send('pk1', 'GET', '/api/tasks?kind=visit_overdue&pageSize=100');
    expect(tasks.statusCode, tasks.body).toBe(200);
    expect((tasks.json() as { items: { personId: string }[] }).items.map((item) => item.personId)).toContain(
      person.id,
    );
    expect((await caseload('pk1', '?pageSize=200')).items.map((item) => item.personId)).toContain(person.id);

    // The first miss of the new period is a reminder: the old period's misses do not count.
    const missed = await record(person.id, visit({ heldOn: day(-5), outcome: 'missed' }));
    expect(missed.escalation?.level).toBe('reminder');
    expect((await supervision(person.id)).consecutiveMissed).toBe(1);
    // An attended visit of this period moves the due date from this period's start.
    const attended = await record(person.id, visit({ heldOn: day(-2) }));
    expect(attended.schedule?.nextDueOn).toBe(addMonths(day(-2), 1));
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson } from '../../../../../tests/factories/people.ts';
import { createCohort, createProgram, enrol } from '../../../../../tests/factories/training.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import { LAPAS_ID } from '../../../db/seed/reference.ts';
import { today } from '../../../platform/calendar.ts';
import { addDays, isoWeekday } from '../cohorts/schedule.ts';

let t: TestApp;
let otherPrisonId: string;
const as: Record<string, Session> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const partnerId = (await createOrganization(t.database.db, { kind: 'partner' })).id;
  otherPrisonId = (await createOrganization(t.database.db, { kind: 'prison' })).id;
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('instructor', partnerId, ['partner_staff']);
});
afterAll(() => t.close());

const giatja = () => as.giatja as Session;
const post = (url: string, payload: object, session = giatja()) =>
  session.request({ method: 'POST', url, payload });
const get = (url: string, session = giatja()) => session.request({ method: 'GET', url });

/** The first Monday at least `weeks` weeks from today. */
function mondayIn(weeks: number) {
  const from = addDays(today(), weeks * 7);
  return addDays(from, (8 - isoWeekday(from)) % 7);
}

/** An enrolling cohort of eight weeks from a Monday two weeks ahead, Mondays 09:00–12:00. */
async function enrollingCohort(
  options: {
    capacity?: number;
    eligibility?: { minDaysLeftToServe?: number | null; minBehaviourScore?: number | null };
  } = {},
) {
  const program = await createProgram(t.database.db, { eligibility: options.eligibility ?? {} });
  const startDate = mondayIn(2);
  const cohort = await createCohort(t.database.db, program.id, {
    startDate,
    endDate: addDays(startDate, 55),
    capacity: options.capacity ?? 20,
    status: 'enrolling',
  });
  return { program, cohort, startDate, endDate: addDays(startDate, 55) };
}

/** `count` approved enrolments of new people in a program, released long after any test cohort. */
async function approved(programId: string, count: number) {
  const rows = [];
  for (let i = 0; i < count; i++) {
    const person = await createPerson(t.database.db, { releaseDate: addDays(today(), 2000) });
    const row = await enrol(t.database.db, { personId: person.id, programId });
    await t.database.db
      .updateTable('training_enrolment')
      .set({ status: 'approved' })
      .where('id', '=', row.id)
      .execute();
    rows.push({ ...row, personId: person.id });
  }
  return rows;
}

const statusOf = async (enrolmentId: string) =>
  (
    await t.database.db
      .selectFrom('training_enrolment')
      .select(['status', 'cohort_id'])
      .where('id', '=', enrolmentId)
      .executeTakeFirstOrThrow()
  ).status;

describe('requests and referrals', () => {
  it('records a woman’s request, on her timeline for corrections and in the audit log; a second open one is refused', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const person = await createPerson(db, { fullName: 'Sri Wahyuni' });
    const created = await post('/api/training/enrolments', {
      personId: person.id,
      programId: program.id,
      source: 'self_request',
      note: 'Ingin belajar menjahit untuk usaha',
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      personId: person.id,
      fullName: 'Sri Wahyuni',
      programId: program.id,
      programName: program.name,
      cohortId: null,
      source: 'self_request',
      status: 'pending',
      requestedOn: today(),
      overrides: [],
      version: 1,
    });
    const again = await post('/api/training/enrolments', {
      personId: person.id,
      programId: program.id,
      source: 'staff_referral',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({
      code: 'ENROLMENT_EXISTS',
      message: 'Orang ini sudah memiliki permintaan atau penempatan yang masih berjalan untuk program ini.',
    });
    const events = await db
      .selectFrom('person_event')
      .select(['kind', 'visibility'])
      .where('person_id', '=', person.id)
      .execute();
    expect(events).toEqual([{ kind: 'training.requested', visibility: 'corrections' }]);
    const audits = await db
      .selectFrom('audit_log')
      .select(['subject_id', 'details'])
      .where('action', '=', 'enrolment.requested')
      .where('subject_id', '=', person.id)
      .execute();
    expect(audits).toEqual([
      { subject_id: person.id, details: expect.objectContaining({ enrolmentId: created.json().id }) },
    ]);
  });

  it('answers 409 to one of two identical requests recorded at the same moment', async () => {
    const program = await createProgram(t.database.db);
    const person = await createPerson(t.database.db);
    const payload = { personId: person.id, programId: program.id, source: 'staff_referral' };
    const answers = await Promise.all([
      post('/api/training/enrolments', payload),
      post('/api/training/enrolments', payload),
    ]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
  });

  it('refuses someone not held by the prison, an anonymized record and a request dated in the future', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const elsewhere = await createPerson(db, { organizationId: otherPrisonId });
    const notHeld = await post('/api/training/enrolments', {
      personId: elsewhere.id,
      programId: program.id,
      source: 'staff_referral',
    });
    expect(notHeld.statusCode).toBe(400);
    expect(notHeld.json().error.fields).toEqual({
      personId: 'Warga binaan ini tidak tercatat di lapas Anda, atau datanya sudah dianonimkan.',
    });
    const anonymized = await createPerson(db);
    await db
      .updateTable('person')
      .set({ anonymized_at: new Date() })
      .where('id', '=', anonymized.id)
      .execute();
    const gone = await post('/api/training/enrolments', {
      personId: anonymized.id,
      programId: program.id,
      source: 'staff_referral',
    });
    expect(Object.keys(gone.json().error.fields)).toEqual(['personId']);
    const person = await createPerson(db);
    const future = await post('/api/training/enrolments', {
      personId: person.id,
      programId: program.id,
      source: 'staff_referral',
      requestedOn: addDays(today(), 1),
    });
    expect(future.json().error.fields).toEqual({ requestedOn: 'Tanggal tidak boleh di masa depan.' });
  });

  it('approves, declines only with a reason, and lets her withdraw a waiting request', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const [first, second] = await Promise.all([createPerson(db), createPerson(db)]);
    const a = await enrol(db, { personId: first.id, programId: program.id });
    const b = await enrol(db, { personId: second.id, programId: program.id });
    const decide = (id: string, payload: object) => post(`/api/training/enrolments/${id}/decision`, payload);

    const approvedA = await decide(a.id, { decision: 'approve', version: 1 });
    expect(approvedA.json()).toMatchObject({ status: 'approved', version: 2 });
    const stale = await decide(a.id, { decision: 'decline', reason: 'Kuota penuh', version: 1 });
    expect(stale.json().error.code).toBe('ENROLMENT_CHANGED');
    const noReason = await decide(b.id, { decision: 'decline', version: 1 });
    expect(noReason.json().error.fields).toEqual({ reason: 'Tuliskan alasan penolakan.' });
    const declined = await decide(b.id, { decision: 'decline', reason: 'Belum memenuhi syarat', version: 1 });
    expect(declined.json()).toMatchObject({ status: 'declined', decisionReason: 'Belum memenuhi syarat' });
    const reapprove = await decide(b.id, { decision: 'approve', version: 2 });
    expect(reapprove.json().error.code).toBe('ENROLMENT_STATUS_NOT_ALLOWED');

    const withdrawn = await post(`/api/training/enrolments/${a.id}/withdraw`, {
      reason: 'Memilih kegiatan lain',
      version: 2,
    });
    expect(withdrawn.json()).toMatchObject({
      status: 'withdrawn',
      endReason: 'withdrawn',
      endNote: 'Memilih kegiatan lain',
      endedOn: today(),
    });
    const twice = await post(`/api/training/enrolments/${a.id}/withdraw`, { reason: 'Lagi', version: 3 });
    expect(twice.statusCode).toBe(409);
    // A closed request no longer blocks a new one.
    const anew = await post('/api/training/enrolments', {
      personId: first.id,
      programId: program.id,
      source: 'self_request',
    });
    expect(anew.statusCode).toBe(201);
  });

  it('lists the waitlist of a program for the prison’s staff (audited), not for a partner’s instructor', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const [pending] = await Promise.all([createPerson(db, { fullName: 'Zahra Pending' })]);
    const p = await enrol(db, { personId: pending.id, programId: program.id });
    const [ok] = await approved(program.id, 1);
    const declinedPerson = await createPerson(db);
    const d = await enrol(db, { personId: declinedPerson.id, programId: program.id });
    await db.updateTable('training_enrolment').set({ status: 'declined' }).where('id', '=', d.id).execute();

    const list = await get(
      `/api/training/enrolments?programId=${program.id}&status=pending,approved`,
      as.binadik,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().total).toBe(2);
    expect(
      list
        .json()
        .items.map((item: { id: string }) => item.id)
        .sort(),
    ).toEqual([p.id, ok?.id].sort());
    const search = await get(`/api/training/enrolments?programId=${program.id}&q=zahra`);
    expect(search.json().items).toEqual([expect.objectContaining({ id: p.id, fullName: 'Zahra Pending' })]);
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'enrolment.listed')
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit.details.shown).toEqual([pending.id]);

    expect((await get('/api/training/enrolments', as.instructor)).statusCode).toBe(403);
    const bad = await get('/api/training/enrolments?status=pending,lost');
    expect(bad.statusCode).toBe(400);
  });
});

describe('allocating from the waitlist', () => {
  it('refuses beyond capacity, leaving those entries on the waitlist', async () => {
    const { program, cohort } = await enrollingCohort({ capacity: 2 });
    const [already] = await approved(program.id, 1);
    await t.database.db
      .updateTable('training_enrolment')
      .set({ status: 'allocated', cohort_id: cohort.id })
      .where('id', '=', already?.id as string)
      .execute();
    const rows = await approved(program.id, 3);
    const ids = rows.map((row) => row.id);

    const checks = await post(`/api/training/cohorts/${cohort.id}/suitability`, { enrolmentIds: ids });
    expect(checks.statusCode, checks.body).toBe(200);
    const capacity = checks
      .json()
      .map(
        (item: { checks: { check: string; status: string }[] }) =>
          item.checks.find((check) => check.check === 'capacity')?.status,
      );
    expect(capacity).toEqual(['ok', 'blocked', 'blocked']);

    const response = await post(`/api/training/cohorts/${cohort.id}/allocations`, { enrolmentIds: ids });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toEqual({
      allocated: 1,
      results: [
        { enrolmentId: ids[0], outcome: 'allocated', reasons: [] },
        { enrolmentId: ids[1], outcome: 'refused', reasons: ['capacity'] },
        { enrolmentId: ids[2], outcome: 'refused', reasons: ['capacity'] },
      ],
    });
    expect(await statusOf(ids[1] as string)).toBe('approved');
    const detail = await get(`/api/training/cohorts/${cohort.id}`);
    expect(detail.json()).toMatchObject({ allocated: 2, capacity: 2 });
  });

  it('counts her from the cohort start when allocated before it runs, from today when joining a running one', async () => {
    const { program, cohort } = await enrollingCohort();
    const [before, after] = await approved(program.id, 2);
    const first = await post(`/api/training/cohorts/${cohort.id}/allocations`, {
      enrolmentIds: [before?.id],
    });
    expect(first.json()).toMatchObject({ allocated: 1 });
    // The cohort is entered afterwards and already under way: it started a week ago.
    await t.database.db
      .updateTable('training_cohort')
      .set({ status: 'running', start_date: addDays(today(), -7) })
      .where('id', '=', cohort.id)
      .execute();
    const second = await post(`/api/training/cohorts/${cohort.id}/allocations`, {
      enrolmentIds: [after?.id],
    });
    expect(second.json()).toMatchObject({ allocated: 1 });
    const joined = await t.database.db
      .selectFrom('training_enrolment')
      .select(['id', 'joined_on'])
      .where('id', 'in', [before?.id as string, after?.id as string])
      .execute();
    expect(Object.fromEntries(joined.map((row) => [row.id, row.joined_on]))).toEqual({
      [before?.id as string]: null,
      [after?.id as string]: today(),
    });
  });

  it('never exceeds capacity when two officers allocate at the same moment', async () => {
    const { program, cohort } = await enrollingCohort({ capacity: 3 });
    const rows = await approved(program.id, 6);
    const ids = rows.map((row) => row.id);
    const [one, two] = await Promise.all([
      post(`/api/training/cohorts/${cohort.id}/allocations`, { enrolmentIds: ids.slice(0, 3) }),
      post(`/api/training/cohorts/${cohort.id}/allocations`, { enrolmentIds: ids.slice(3) }),
    ]);
    expect(one?.statusCode, one?.body).toBe(200);
    expect(two?.statusCode, two?.body).toBe(200);
    expect(one.json().allocated + two.json().allocated).toBe(3);
    const count = await t.database.db
      .selectFrom('training_enrolment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('cohort_id', '=', cohort.id)
      .where('status', '=', 'allocated')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it('warns when she is released before the cohort ends, and allocates only with a reason for each warning', async () => {
    const db = t.database.db;
    const { program, cohort, endDate } = await enrollingCohort();
    const person = await createPerson(db, { releaseDate: addDays(endDate, -10) });
    const row = await enrol(db, { personId: person.id, programId: program.id });

    const checks = await post(`/api/training/cohorts/${cohort.id}/suitability`, { enrolmentIds: [row.id] });
    expect(checks.json()).toEqual([
      {
        enrolmentId: row.id,
        personId: person.id,
        fullName: person.full_name,
        checks: [
          {
            check: 'release_before_end',
            status: 'warning',
            params: { releaseDate: addDays(endDate, -10), endDate },
          },
          {
            check: 'transfer_before_end',
            status: 'ok',
            params: { transferDate: null, endDate, destination: null },
          },
          {
            check: 'time_left',
            status: 'warning',
            params: { releaseDate: addDays(endDate, -10), daysLeft: 45, minDays: 56 },
          },
          { check: 'behaviour', status: 'ok', params: { score: null, minScore: null, month: null } },
          { check: 'schedule_clash', status: 'ok', params: {} },
          { check: 'capacity', status: 'ok', params: { capacity: 20, allocated: 0, position: 1 } },
          { check: 'not_approved', status: 'ok', params: { status: 'pending', cause: null } },
        ],
      },
    ]);

    const url = `/api/training/cohorts/${cohort.id}/allocations`;
    const partial = await post(url, {
      enrolmentIds: [row.id],
      overrides: [
        { enrolmentId: row.id, check: 'release_before_end', reason: 'Bebas sesudah ujian kompetensi' },
      ],
    });
    expect(partial.json().results).toEqual([
      { enrolmentId: row.id, outcome: 'refused', reasons: ['time_left'] },
    ]);
    expect(await statusOf(row.id)).toBe('pending');

    const overrides = [
      { enrolmentId: row.id, check: 'release_before_end', reason: 'Bebas sesudah ujian kompetensi' },
      { enrolmentId: row.id, check: 'time_left', reason: 'Sisa pidana cukup untuk inti pelatihan' },
    ];
    const allocated = await post(url, { enrolmentIds: [row.id], overrides });
    expect(allocated.json()).toEqual({
      allocated: 1,
      results: [{ enrolmentId: row.id, outcome: 'allocated', reasons: [] }],
    });
    const list = await get(`/api/training/enrolments?cohortId=${cohort.id}`);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: row.id,
        status: 'allocated',
        cohortId: cohort.id,
        cohortName: cohort.name,
        overrides: overrides.map(({ check, reason }) => ({ check, reason })),
      }),
    ]);
    const events = await db
      .selectFrom('person_event')
      .select(['kind', 'visibility', 'details'])
      .where('person_id', '=', person.id)
      .execute();
    // Corrections only: outside, her record shows completed trainings only.
    expect(events).toEqual([
      {
        kind: 'training.allocated',
        visibility: 'corrections',
        details: expect.objectContaining({ cohortId: cohort.id }),
      },
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'enrolment.allocated')
      .where('subject_id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      enrolmentId: row.id,
      cohortId: cohort.id,
      overrides: expect.any(Array),
    });
  });

  it('warns when her transfer is planned before the cohort ends, and allocates only with a reason', async () => {
    const db = t.database.db;
    const { program, cohort, endDate } = await enrollingCohort();
    const [row] = await approved(program.id, 1);
    if (!row) throw new Error('no enrolment');
    await db
      .insertInto('custody')
      .values({
        person_id: row.personId,
        organization_id: LAPAS_ID,
        detention_start_date: '2025-01-10',
        sentence_years: 6,
        transfer_planned_on: addDays(endDate, -20),
        transfer_destination: 'Lapas Perempuan Kelas IIA Bandung',
      })
      .execute();

    const url = `/api/training/cohorts/${cohort.id}`;
    const checks = await post(`${url}/suitability`, { enrolmentIds: [row.id] });
    expect(checks.statusCode, checks.body).toBe(200);
    const warnings = checks.json()[0].checks.filter((check: { status: string }) => check.status !== 'ok');
    expect(warnings).toEqual([
      {
        check: 'transfer_before_end',
        status: 'warning',
        params: {
          transferDate: addDays(endDate, -20),
          endDate,
          destination: 'Lapas Perempuan Kelas IIA Bandung',
        },
      },
    ]);

    const refused = await post(`${url}/allocations`, { enrolmentIds: [row.id] });
    expect(refused.json().results).toEqual([
      { enrolmentId: row.id, outcome: 'refused', reasons: ['transfer_before_end'] },
    ]);
    expect(await statusOf(row.id)).toBe('approved');

    const reason = 'Pemindahan ditunda sampai angkatan selesai';
    const allocated = await post(`${url}/allocations`, {
      enrolmentIds: [row.id],
      overrides: [{ enrolmentId: row.id, check: 'transfer_before_end', reason }],
    });
    expect(allocated.json()).toEqual({
      allocated: 1,
      results: [{ enrolmentId: row.id, outcome: 'allocated', reasons: [] }],
    });
    const list = await get(`/api/training/enrolments?cohortId=${cohort.id}`);
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: row.id,
        status: 'allocated',
        overrides: [{ check: 'transfer_before_end', reason }],
      }),
    ]);
  });

  it('audits each suitability check with the people it showed', async () => {
    const db = t.database.db;
    const { program, cohort } = await enrollingCohort();
    const rows = await approved(program.id, 2);
    const response = await post(`/api/training/cohorts/${cohort.id}/suitability`, {
      enrolmentIds: rows.map((row) => row.id),
    });
    expect(response.statusCode, response.body).toBe(200);
    const audits = await db
      .selectFrom('audit_log')
      .select(['subject_type', 'subject_organization_id', 'details'])
      .where('action', '=', 'enrolment.suitability_checked')
      .where('subject_id', '=', cohort.id)
      .execute();
    expect(audits).toEqual([
      {
        subject_type: 'training_cohort',
        subject_organization_id: LAPAS_ID,
        details: expect.objectContaining({ shown: rows.map((row) => row.personId) }),
      },
    ]);
  });

  it('warns about a clash with another cohort she is allocated to, and about a low behaviour score', async () => {
    const db = t.database.db;
    const { program, cohort, startDate } = await enrollingCohort({ eligibility: { minBehaviourScore: 65 } });
    await db
      .updateTable('training_cohort')
      .set({ schedule: JSON.stringify([{ weekday: 1, start: '10:00', end: '13:00' }]) })
      .where('id', '=', cohort.id)
      .execute();
    const batik = await createProgram(db, { skillCodes: ['batik.written'] });
    const running = await createCohort(db, batik.id, {
      name: 'Angkatan Batik Tulis II',
      startDate: addDays(startDate, -14),
      endDate: addDays(startDate, 28),
      schedule: [{ weekday: 1, start: '09:00', end: '12:00' }],
    });
    const busy = await createPerson(db, { releaseDate: addDays(today(), 2000) });
    await enrol(db, { personId: busy.id, programId: batik.id, cohortId: running.id });
    const busyRow = await enrol(db, { personId: busy.id, programId: program.id });
    await db
      .insertInto('behaviour_score')
      .values({ person_id: busy.id, organization_id: LAPAS_ID, month: '2026-09-01', score: 80 })
      .execute();
    await db
      .insertInto('behaviour_score')
      .values({ person_id: busy.id, organization_id: LAPAS_ID, month: '2026-10-01', score: 60 })
      .execute();
    const [free] = await approved(program.id, 1);
    await db
      .insertInto('behaviour_score')
      .values({
        person_id: free?.personId as string,
        organization_id: LAPAS_ID,
        month: '2026-10-01',
        score: 70,
      })
      .execute();

    const response = await post(`/api/training/cohorts/${cohort.id}/suitability`, {
      enrolmentIds: [busyRow.id, free?.id],
    });
    const [busyChecks, freeChecks] = response.json() as {
      checks: { check: string; status: string; params: object }[];
    }[];
    const find = (item: typeof busyChecks, check: string) => item?.checks.find((c) => c.check === check);
    expect(find(busyChecks, 'schedule_clash')).toEqual({
      check: 'schedule_clash',
      status: 'warning',
      params: {
        cohortId: running.id,
        cohortName: 'Angkatan Batik Tulis II',
        weekday: 1,
        start: '09:00',
        end: '12:00',
      },
    });
    expect(find(busyChecks, 'behaviour')).toEqual({
      check: 'behaviour',
      status: 'warning',
      params: { score: 60, minScore: 65, month: '2026-10-01' },
    });
    expect(find(freeChecks, 'schedule_clash')?.status).toBe('ok');
    expect(find(freeChecks, 'behaviour')?.status).toBe('ok');

    const refused = await post(`/api/training/cohorts/${cohort.id}/allocations`, {
      enrolmentIds: [busyRow.id],
    });
    expect(refused.json().results[0].reasons).toEqual(['behaviour', 'schedule_clash']);
  });

  it('blocks a declined request or one for another program, whatever the overrides', async () => {
    const db = t.database.db;
    const { program, cohort } = await enrollingCohort();
    const person = await createPerson(db);
    const declined = await enrol(db, { personId: person.id, programId: program.id });
    await db
      .updateTable('training_enrolment')
      .set({ status: 'declined' })
      .where('id', '=', declined.id)
      .execute();
    const other = await createProgram(db);
    const [wrong] = await approved(other.id, 1);
    const response = await post(`/api/training/cohorts/${cohort.id}/allocations`, {
      enrolmentIds: [declined.id, wrong?.id],
    });
    expect(response.json().results).toEqual([
      { enrolmentId: declined.id, outcome: 'refused', reasons: ['not_approved'] },
      { enrolmentId: wrong?.id, outcome: 'refused', reasons: ['not_approved'] },
    ]);
    const unknown = await post(`/api/training/cohorts/${cohort.id}/allocations`, {
      enrolmentIds: [declined.id, '00000000-0000-4000-8000-000000000000'],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields).toEqual({
      'enrolmentIds.1': 'Pendaftaran ini tidak ditemukan di lapas Anda.',
    });
  });

  it('refuses allocating to a completed cohort, and lets no partner instructor allocate', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const done = await createCohort(db, program.id, { status: 'completed' });
    const [row] = await approved(program.id, 1);
    const closed = await post(`/api/training/cohorts/${done.id}/allocations`, { enrolmentIds: [row?.id] });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('COHORT_CLOSED');
    const { cohort } = await enrollingCohort();
    const instructor = await post(
      `/api/training/cohorts/${cohort.id}/allocations`,
      { enrolmentIds: [row?.id] },
      as.instructor,
    );
    expect(instructor.statusCode).toBe(404);
  });
});

describe('deallocation', () => {
  it('ends an allocation with a reason, dated today, on her timeline for corrections only', async () => {
    const db = t.database.db;
    const { program, cohort } = await enrollingCohort();
    const person = await createPerson(db);
    const row = await enrol(db, { personId: person.id, programId: program.id, cohortId: cohort.id });
    const url = `/api/training/enrolments/${row.id}/deallocate`;
    const response = await post(url, { reason: 'health', note: 'Rawat inap', version: 1 });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'deallocated',
      endReason: 'health',
      endNote: 'Rawat inap',
      endedOn: today(),
      cohortId: cohort.id,
    });
    const again = await post(url, { reason: 'health', version: 2 });
    expect(again.json().error.code).toBe('ENROLMENT_STATUS_NOT_ALLOWED');
    const events = await db
      .selectFrom('person_event')
      .select(['kind', 'visibility', 'details'])
      .where('person_id', '=', person.id)
      .execute();
    expect(events).toEqual([
      {
        kind: 'training.deallocated',
        visibility: 'corrections',
        details: expect.objectContaining({ reason: 'health' }),
      },
    ]);
    expect(JSON.stringify(events)).not.toContain('Rawat inap');
    const detail = await get(`/api/training/cohorts/${cohort.id}`);
    expect(detail.json().allocated).toBe(0);
  });
});

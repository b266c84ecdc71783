import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson } from '../../../../../tests/factories/people.ts';
import {
  createCohort,
  createProgram,
  enrol,
  markAttendance,
} from '../../../../../tests/factories/training.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import { LAPAS_ID } from '../../../db/seed/reference.ts';
import { today } from '../../../platform/calendar.ts';
import { addDays, isoWeekday } from './schedule.ts';

let t: TestApp;
let partnerId: string;
let otherPrisonId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  partnerId = (await createOrganization(db, { kind: 'partner', name: 'BLK Uji Semarang' })).id;
  otherPrisonId = (await createOrganization(db, { kind: 'prison' })).id;
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('instructor', partnerId, ['partner_staff']);
  await user('otherInstructor', partnerId, ['partner_staff']);
  await user('otherGiatja', otherPrisonId, ['prison_giatja']);
});
afterAll(() => t.close());

const giatja = () => as.giatja as Session;
const send = (session: Session, method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
  session.request({ method, url, ...(payload ? { payload } : {}) });

/** The first Monday at least `weeks` weeks from today. */
function mondayIn(weeks: number) {
  const from = addDays(today(), weeks * 7);
  return addDays(from, (8 - isoWeekday(from)) % 7);
}

/** A cohort opened through the API (two weeks, Monday and Wednesday); `running` set directly when asked. */
async function newCohort({ running, ...overrides }: Record<string, unknown> & { running?: boolean } = {}) {
  const program = await createProgram(t.database.db, {
    providerOrganizationId: partnerId,
    defaultCapacity: 12,
  });
  const start = mondayIn(2);
  const response = await send(giatja(), 'POST', '/api/training/cohorts', {
    programId: program.id,
    name: 'Angkatan Menjahit I',
    startDate: start,
    endDate: addDays(start, 13),
    schedule: [
      { weekday: 3, start: '13:00', end: '15:00' },
      { weekday: 1, start: '09:00', end: '12:00' },
    ],
    room: 'Bengkel Jahit',
    instructorName: 'Ibu Sri',
    ...overrides,
  });
  expect(response.statusCode, response.body).toBe(201);
  if (running)
    await t.database.db
      .updateTable('training_cohort')
      .set({ status: 'running' })
      .where('id', '=', response.json().id)
      .execute();
  return { program, start, cohort: response.json() };
}

describe('opening a cohort', () => {
  it('generates one session per scheduled weekday between start and end, with the program’s default capacity', async () => {
    const { program, start, cohort } = await newCohort();
    expect(cohort).toMatchObject({
      name: 'Angkatan Menjahit I',
      program: { id: program.id, sessionsCount: 8, hoursTotal: 16, certification: 'none', units: 2 },
      startDate: start,
      endDate: addDays(start, 13),
      schedule: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 3, start: '13:00', end: '15:00' },
      ],
      room: 'Bengkel Jahit',
      instructor: { userId: null, name: 'Ibu Sri' },
      capacity: 12,
      allocated: 0,
      status: 'planned',
      sessionsTotal: 4,
      sessionsCancelled: 0,
      access: { canManage: true, canRecordAttendance: true, instructorOnly: false },
      version: 1,
    });
    const sessions = await send(giatja(), 'GET', `/api/training/cohorts/${cohort.id}/sessions`);
    expect(sessions.statusCode).toBe(200);
    expect(
      sessions.json().map((s: { date: string; start: string; end: string }) => [s.date, s.start, s.end]),
    ).toEqual([
      [start, '09:00', '12:00'],
      [addDays(start, 2), '13:00', '15:00'],
      [addDays(start, 7), '09:00', '12:00'],
      [addDays(start, 9), '13:00', '15:00'],
    ]);
    const list = await send(giatja(), 'GET', `/api/training/cohorts?programId=${program.id}`);
    expect(list.json()).toMatchObject({
      total: 1,
      items: [
        {
          id: cohort.id,
          programName: program.name,
          allocated: 0,
          instructorName: 'Ibu Sri',
          nextSession: { date: start, start: '09:00', end: '12:00' },
        },
      ],
    });
    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'subject_organization_id'])
      .where('action', '=', 'cohort.created')
      .where('subject_id', '=', cohort.id)
      .execute();
    expect(audits).toEqual([
      expect.objectContaining({
        subject_organization_id: LAPAS_ID,
        details: expect.objectContaining({ sessions: 4 }),
      }),
    ]);
  });

  it('refuses an end before the start, naming endDate in Indonesian', async () => {
    const program = await createProgram(t.database.db);
    const response = await send(giatja(), 'POST', '/api/training/cohorts', {
      programId: program.id,
      name: 'Angkatan Terbalik',
      startDate: '2027-03-10',
      endDate: '2027-03-01',
      schedule: [{ weekday: 1, start: '09:00', end: '12:00' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('VALIDATION_FAILED');
    expect(response.json().error.fields).toEqual({
      endDate: 'Tanggal selesai tidak boleh sebelum tanggal mulai (10/03/2027).',
    });
    const count = await t.database.db
      .selectFrom('training_cohort')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('name', '=', 'Angkatan Terbalik')
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('refuses a date with a slipped year (0050) instead of generating sessions in 1950, naming the field', async () => {
    const program = await createProgram(t.database.db);
    const response = await send(giatja(), 'POST', '/api/training/cohorts', {
      programId: program.id,
      name: 'Angkatan Tahun Salah',
      startDate: '0050-01-03',
      endDate: '2027-03-01',
      schedule: [{ weekday: 1, start: '09:00', end: '12:00' }],
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({
      startDate: 'Tanggal di luar rentang yang masuk akal (tahun 1900–2100).',
    });
  });

  it('refuses a bad schedule, another prison’s program and an instructor from outside, naming each field', async () => {
    const program = await createProgram(t.database.db, { providerOrganizationId: partnerId });
    const base = {
      programId: program.id,
      name: 'Angkatan Salah',
      startDate: '2027-03-01',
      endDate: '2027-03-31',
    };
    const post = (payload: object) =>
      send(giatja(), 'POST', '/api/training/cohorts', { ...base, ...payload });

    const empty = await post({ schedule: [] });
    expect(empty.json().error.fields.schedule).toMatch(/sedikitnya satu jadwal/);
    const backwards = await post({
      schedule: [
        { weekday: 1, start: '09:00', end: '12:00' },
        { weekday: 2, start: '13:00', end: '13:00' },
      ],
    });
    expect(backwards.json().error.fields).toEqual({
      'schedule.1.end': 'Jam selesai harus sesudah jam mulai (13:00).',
    });
    // 1–3 March 2027 is Monday to Wednesday: no Friday inside.
    const none = await post({
      endDate: '2027-03-03',
      schedule: [{ weekday: 5, start: '09:00', end: '12:00' }],
    });
    expect(none.json().error.fields.schedule).toMatch(/tidak menghasilkan satu sesi pun/);

    const slot = { schedule: [{ weekday: 1, start: '09:00', end: '12:00' }] };
    const foreign = await createProgram(t.database.db, { organizationId: otherPrisonId });
    const otherProgram = await post({ ...slot, programId: foreign.id });
    expect(otherProgram.json().error.fields).toEqual({
      programId: 'Program pelatihan tidak ditemukan di lapas Anda.',
    });
    const outsider = await createUser(t.database.db, {
      organizationId: otherPrisonId,
      roles: ['prison_giatja'],
    });
    const badInstructor = await post({ ...slot, instructorUserId: outsider.id });
    expect(badInstructor.json().error.fields.instructorUserId).toMatch(
      /lapas ini atau dari mitra penyelenggara/,
    );
    // The provider partner's own staff may teach.
    const partnerInstructor = await post({ ...slot, instructorUserId: ids.instructor });
    expect(partnerInstructor.statusCode).toBe(201);
    expect(partnerInstructor.json().instructor).toEqual({
      userId: ids.instructor,
      name: 'Petugas instructor',
    });
  });

  it('lets only the work-training section open cohorts', async () => {
    const program = await createProgram(t.database.db);
    const response = await send(as.binadik as Session, 'POST', '/api/training/cohorts', {
      programId: program.id,
      name: 'Angkatan Binadik',
      startDate: '2027-03-01',
      endDate: '2027-03-31',
      schedule: [{ weekday: 1, start: '09:00', end: '12:00' }],
    });
    expect(response.statusCode).toBe(403);
  });
});

describe('changing a cohort', () => {
  it('regenerates only the sessions without recorded attendance when the schedule changes', async () => {
    const db = t.database.db;
    const { start, cohort } = await newCohort({ running: true });
    const person = await createPerson(db);
    const enrolment = await enrol(db, {
      personId: person.id,
      programId: cohort.program.id,
      cohortId: cohort.id,
    });
    const before = (await send(giatja(), 'GET', `/api/training/cohorts/${cohort.id}/sessions`)).json();
    await markAttendance(db, { sessionId: before[0].id, enrolmentIds: [enrolment.id] });

    const response = await send(giatja(), 'PATCH', `/api/training/cohorts/${cohort.id}`, {
      schedule: [{ weekday: 2, start: '08:00', end: '10:00' }],
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      version: 2,
      schedule: [{ weekday: 2, start: '08:00', end: '10:00' }],
    });
    const after = (await send(giatja(), 'GET', `/api/training/cohorts/${cohort.id}/sessions`)).json();
    expect(after.map((s: { date: string; start: string }) => [s.date, s.start])).toEqual([
      [start, '09:00'],
      [addDays(start, 1), '08:00'],
      [addDays(start, 8), '08:00'],
    ]);
    // The recorded session is the same row, untouched.
    expect(after[0].id).toBe(before[0].id);
    expect(after[0].attendanceRecordedAt).not.toBeNull();

    const stale = await send(giatja(), 'PATCH', `/api/training/cohorts/${cohort.id}`, {
      room: 'Aula',
      version: 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('COHORT_CHANGED');
  });

  it('refuses a capacity below the people allocated, and any change to a completed cohort', async () => {
    const db = t.database.db;
    const { cohort } = await newCohort();
    for (let i = 0; i < 3; i++) {
      const person = await createPerson(db);
      await enrol(db, { personId: person.id, programId: cohort.program.id, cohortId: cohort.id });
    }
    const small = await send(giatja(), 'PATCH', `/api/training/cohorts/${cohort.id}`, {
      capacity: 2,
      version: 1,
    });
    expect(small.statusCode).toBe(400);
    expect(small.json().error.fields).toEqual({
      capacity: 'Kapasitas tidak boleh kurang dari jumlah peserta yang sudah ditempatkan (3 orang).',
    });
    const enough = await send(giatja(), 'PATCH', `/api/training/cohorts/${cohort.id}`, {
      capacity: 3,
      version: 1,
    });
    expect(enough.json()).toMatchObject({ capacity: 3, allocated: 3 });

    const program = await createProgram(db);
    const done = await createCohort(db, program.id, { status: 'completed' });
    const closed = await send(giatja(), 'PATCH', `/api/training/cohorts/${done.id}`, {
      room: 'Aula',
      version: 1,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.code).toBe('COHORT_CLOSED');
  });

  it('refuses new dates that would leave a session with recorded attendance outside them', async () => {
    const db = t.database.db;
    const { start, cohort } = await newCohort({ running: true });
    const person = await createPerson(db);
    const enrolment = await enrol(db, {
      personId: person.id,
      programId: cohort.program.id,
      cohortId: cohort.id,
    });
    const url = `/api/training/cohorts/${cohort.id}`;
    const before = (await send(giatja(), 'GET', `${url}/sessions`)).json();
    // Recorded: the first Monday and the last Wednesday (start + 9).
    await markAttendance(db, { sessionId: before[0].id, enrolmentIds: [enrolment.id] });
    await markAttendance(db, { sessionId: before[3].id, enrolmentIds: [enrolment.id] });
    const shown = (date: string) => date.split('-').reverse().join('/');

    const later = await send(giatja(), 'PATCH', url, { startDate: addDays(start, 1), version: 1 });
    expect(later.statusCode).toBe(400);
    expect(later.json().error.fields).toEqual({
      startDate: `Kehadiran sesi tanggal ${shown(start)} sudah dicatat, jadi tanggal mulai tidak boleh sesudah ${shown(start)}.`,
    });
    const earlier = await send(giatja(), 'PATCH', url, { endDate: addDays(start, 8), version: 1 });
    expect(earlier.json().error.fields).toEqual({
      endDate: `Kehadiran sesi tanggal ${shown(addDays(start, 9))} sudah dicatat, jadi tanggal selesai tidak boleh sebelum ${shown(addDays(start, 9))}.`,
    });
    const both = await send(giatja(), 'PATCH', url, {
      startDate: addDays(start, 2),
      endDate: addDays(start, 7),
      version: 1,
    });
    expect(Object.keys(both.json().error.fields).sort()).toEqual(['endDate', 'startDate']);
    // Nothing changed: same dates, same sessions.
    const detail = (await send(giatja(), 'GET', url)).json();
    expect(detail).toMatchObject({ startDate: start, endDate: addDays(start, 13), version: 1 });
    expect((await send(giatja(), 'GET', `${url}/sessions`)).json()).toEqual(
      before.map(() => expect.anything()),
    );

    // Dates that keep the recorded sessions inside are fine: the unrecorded one outside goes.
    const shorter = await send(giatja(), 'PATCH', url, { endDate: addDays(start, 9), version: 1 });
    expect(shorter.statusCode, shorter.body).toBe(200);
    const after = (await send(giatja(), 'GET', `${url}/sessions`)).json();
    expect(after.map((session: { date: string }) => session.date)).toEqual([
      start,
      addDays(start, 2),
      addDays(start, 7),
      addDays(start, 9),
    ]);
  });
});

describe('sessions', () => {
  it('cancels a session with a reason, once, and not after attendance was recorded', async () => {
    const db = t.database.db;
    const { cohort } = await newCohort({ running: true });
    const sessions = (await send(giatja(), 'GET', `/api/training/cohorts/${cohort.id}/sessions`)).json();
    const url = (id: string) => `/api/training/cohorts/${cohort.id}/sessions/${id}/cancel`;

    const cancelled = await send(giatja(), 'POST', url(sessions[1].id), {
      reason: 'Instruktur sakit',
      version: 1,
    });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({
      status: 'cancelled',
      cancelReason: 'Instruktur sakit',
      version: 2,
    });
    const again = await send(giatja(), 'POST', url(sessions[1].id), { reason: 'Lagi', version: 2 });
    expect(again.json().error.code).toBe('TRAINING_SESSION_CANCELLED');
    const detail = (await send(giatja(), 'GET', `/api/training/cohorts/${cohort.id}`)).json();
    expect(detail).toMatchObject({ sessionsTotal: 3, sessionsCancelled: 1 });

    const person = await createPerson(db);
    const enrolment = await enrol(db, {
      personId: person.id,
      programId: cohort.program.id,
      cohortId: cohort.id,
    });
    await markAttendance(db, { sessionId: sessions[0].id, enrolmentIds: [enrolment.id] });
    const recorded = await send(giatja(), 'POST', url(sessions[0].id), { reason: 'Libur', version: 1 });
    expect(recorded.statusCode).toBe(409);
    expect(recorded.json().error.code).toBe('TRAINING_SESSION_ATTENDANCE_RECORDED');

    const audits = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'session.cancelled')
      .where('subject_id', '=', cohort.id)
      .execute();
    expect(audits).toEqual([
      { details: expect.objectContaining({ sessionId: sessions[1].id, reason: 'Instruktur sakit' }) },
    ]);
  });

  it('adds an extra session inside the cohort, refusing a date outside it or a slot already taken', async () => {
    const { start, cohort } = await newCohort();
    const url = `/api/training/cohorts/${cohort.id}/sessions`;
    const outside = await send(giatja(), 'POST', url, {
      date: addDays(start, 14),
      start: '09:00',
      end: '12:00',
    });
    expect(outside.statusCode).toBe(400);
    const shown = (date: string) => date.split('-').reverse().join('/');
    expect(outside.json().error.fields).toEqual({
      date: `Tanggal sesi harus di antara tanggal mulai (${shown(start)}) dan tanggal selesai (${shown(addDays(start, 13))}) angkatan.`,
    });
    const taken = await send(giatja(), 'POST', url, { date: start, start: '09:00', end: '11:00' });
    expect(taken.json().error.fields.date).toBe(`Sudah ada sesi pada tanggal ${shown(start)} pukul 09:00.`);
    const added = await send(giatja(), 'POST', url, {
      date: addDays(start, 4),
      start: '09:00',
      end: '12:00',
    });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({
      date: addDays(start, 4),
      status: 'scheduled',
      attendanceRecordedAt: null,
    });
    expect((await send(giatja(), 'GET', url)).json()).toHaveLength(5);
  });
});

describe('who sees which cohort', () => {
  it('shows a partner’s instructor only her own cohort, names only, and lets her change nothing', async () => {
    const db = t.database.db;
    const { cohort: hers } = await newCohort({ instructorUserId: ids.instructor, instructorName: null });
    const { cohort: other } = await newCohort({
      instructorUserId: ids.otherInstructor,
      instructorName: null,
    });
    const person = await createPerson(db, { fullName: 'Siti Aminah' });
    await enrol(db, { personId: person.id, programId: hers.program.id, cohortId: hers.id });
    const instructor = as.instructor as Session;

    const list = await send(instructor, 'GET', '/api/training/cohorts');
    expect(list.statusCode).toBe(200);
    const shown: string[] = list.json().items.map((item: { id: string }) => item.id);
    expect(shown).toContain(hers.id);
    expect(shown).not.toContain(other.id);
    const taught = await db
      .selectFrom('training_cohort')
      .select('id')
      .where('instructor_user_id', '=', ids.instructor as string)
      .execute();
    expect(shown.sort()).toEqual(taught.map((row) => row.id).sort());
    expect((await send(instructor, 'GET', `/api/training/cohorts/${other.id}`)).statusCode).toBe(404);
    expect((await send(instructor, 'GET', `/api/training/cohorts/${other.id}/sessions`)).statusCode).toBe(
      404,
    );

    const detail = await send(instructor, 'GET', `/api/training/cohorts/${hers.id}`);
    expect(detail.json().access).toEqual({
      canManage: false,
      canRecordAttendance: true,
      canReopenAttendance: false,
      instructorOnly: true,
    });
    const roster = await send(instructor, 'GET', `/api/training/cohorts/${hers.id}/roster`);
    // Names only: neither her record's id nor her registration number; the enrolment id stays (attendance).
    expect(roster.json()).toEqual([
      expect.objectContaining({ personId: null, fullName: 'Siti Aminah', registrationNumber: null }),
    ]);
    expect(roster.body).not.toContain(person.id);
    expect(roster.json()[0].enrolmentId).toEqual(expect.any(String));
    const managerRoster = await send(giatja(), 'GET', `/api/training/cohorts/${hers.id}/roster`);
    expect(managerRoster.json()).toEqual([expect.objectContaining({ personId: person.id })]);

    const patch = await send(instructor, 'PATCH', `/api/training/cohorts/${hers.id}`, {
      room: 'Aula',
      version: 1,
    });
    expect(patch.statusCode).toBe(403);
    const status = await send(instructor, 'POST', `/api/training/cohorts/${hers.id}/status`, {
      status: 'enrolling',
      version: 1,
    });
    expect(status.statusCode).toBe(403);
    const sessions = (await send(instructor, 'GET', `/api/training/cohorts/${hers.id}/sessions`)).json();
    const cancel = await send(
      instructor,
      'POST',
      `/api/training/cohorts/${hers.id}/sessions/${sessions[0].id}/cancel`,
      {
        reason: 'Sakit',
        version: 1,
      },
    );
    expect(cancel.statusCode).toBe(403);
    const create = await send(instructor, 'POST', '/api/training/cohorts', {
      programId: hers.program.id,
      name: 'Angkatan Mitra',
      startDate: '2027-03-01',
      endDate: '2027-03-31',
      schedule: [{ weekday: 1, start: '09:00', end: '12:00' }],
    });
    expect(create.statusCode).toBe(403);
  });

  it('answers 404 for another prison’s cohort', async () => {
    const { cohort } = await newCohort();
    const other = as.otherGiatja as Session;
    expect((await send(other, 'GET', `/api/training/cohorts/${cohort.id}`)).statusCode).toBe(404);
    expect((await send(other, 'GET', `/api/training/cohorts/${cohort.id}/roster`)).statusCode).toBe(404);
    const patch = await send(other, 'PATCH', `/api/training/cohorts/${cohort.id}`, {
      room: 'Aula',
      version: 1,
    });
    expect(patch.statusCode).toBe(404);
    expect(patch.json().error.code).toBe('TRAINING_COHORT_NOT_FOUND');
    const list = await send(other, 'GET', '/api/training/cohorts');
    expect(list.json().items.map((item: { id: string }) => item.id)).not.toContain(cohort.id);
  });
});

describe('the roster', () => {
  it('lists the allocated first then by name, with the attendance rate, and audits who was shown', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const cohort = await createCohort(db, program.id, { sessionDates: ['2026-11-02', '2026-11-09'] });
    const [first, second] = cohort.sessions.map((session) => session.id) as [string, string];
    const wati = await createPerson(db, { fullName: 'Wati', registrationNumber: 'BI.001' });
    const ani = await createPerson(db, { fullName: 'Ani' });
    const dewi = await createPerson(db, { fullName: 'Dewi' });
    const eWati = await enrol(db, { personId: wati.id, programId: program.id, cohortId: cohort.id });
    const eAni = await enrol(db, { personId: ani.id, programId: program.id, cohortId: cohort.id });
    const eDewi = await enrol(db, { personId: dewi.id, programId: program.id, cohortId: cohort.id });
    await db
      .updateTable('training_enrolment')
      .set({ status: 'deallocated', end_reason: 'health' })
      .where('id', '=', eAni.id)
      .execute();
    await markAttendance(db, {
      sessionId: first,
      enrolmentIds: [eWati.id, eDewi.id],
      absent: { [eDewi.id]: 'sick' },
    });
    await markAttendance(db, { sessionId: second, enrolmentIds: [eWati.id] });

    const roster = await send(giatja(), 'GET', `/api/training/cohorts/${cohort.id}/roster`);
    expect(roster.statusCode).toBe(200);
    expect(roster.json()).toEqual([
      expect.objectContaining({ fullName: 'Dewi', status: 'allocated', attendanceRate: 0 }),
      expect.objectContaining({
        fullName: 'Wati',
        status: 'allocated',
        attendanceRate: 1,
        registrationNumber: 'BI.001',
      }),
      expect.objectContaining({
        fullName: 'Ani',
        status: 'deallocated',
        endReason: 'health',
        attendanceRate: null,
      }),
    ]);
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'cohort.roster_viewed')
      .where('subject_id', '=', cohort.id)
      .executeTakeFirstOrThrow();
    expect(audit.details.shown).toEqual([dewi.id, wati.id, ani.id]);
  });

  it('counts in her attendance rate only the sessions of the cohort of that enrolment', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const earlier = await createCohort(db, program.id, { sessionDates: ['2026-09-07', '2026-09-14'] });
    const later = await createCohort(db, program.id, { sessionDates: ['2026-11-02', '2026-11-09'] });
    const person = await createPerson(db);
    const enrolment = await enrol(db, { personId: person.id, programId: program.id, cohortId: earlier.id });
    for (const session of earlier.sessions)
      await markAttendance(db, { sessionId: session.id, enrolmentIds: [enrolment.id] });
    // Data written before cancelling ended allocations: the same enrolment moved on to another cohort.
    await db
      .updateTable('training_enrolment')
      .set({ cohort_id: later.id })
      .where('id', '=', enrolment.id)
      .execute();

    const roster = await send(giatja(), 'GET', `/api/training/cohorts/${later.id}/roster`);
    expect(roster.json()).toEqual([
      expect.objectContaining({ enrolmentId: enrolment.id, attendanceRate: null }),
    ]);
    const history = await send(giatja(), 'GET', `/api/people/${person.id}/training`);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().history).toEqual([
      expect.objectContaining({ enrolmentId: enrolment.id, cohortId: later.id, attendanceRate: null }),
    ]);

    await markAttendance(db, {
      sessionId: later.sessions[0]?.id as string,
      enrolmentIds: [enrolment.id],
      absent: { [enrolment.id]: 'sick' },
    });
    await markAttendance(db, { sessionId: later.sessions[1]?.id as string, enrolmentIds: [enrolment.id] });
    const counted = await send(giatja(), 'GET', `/api/training/cohorts/${later.id}/roster`);
    expect(counted.json()[0].attendanceRate).toBe(0.5);
    const counted2 = await send(giatja(), 'GET', `/api/people/${person.id}/training`);
    expect(counted2.json().history[0].attendanceRate).toBe(0.5);
  });
});

describe('the life of a cohort', () => {
  it('refuses skipping to completed and a cancellation without a reason', async () => {
    const { cohort } = await newCohort();
    const url = `/api/training/cohorts/${cohort.id}/status`;
    const skip = await send(giatja(), 'POST', url, { status: 'completed', version: 1 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.code).toBe('COHORT_STATUS_NOT_ALLOWED');
    const noReason = await send(giatja(), 'POST', url, { status: 'cancelled', version: 1 });
    expect(noReason.json().error.fields).toEqual({ reason: 'Tuliskan alasan pembatalan angkatan.' });
    const enrolling = await send(giatja(), 'POST', url, { status: 'enrolling', version: 1 });
    expect(enrolling.json()).toMatchObject({ status: 'enrolling', version: 2 });
  });

  it('refuses completing while sessions remain, unless the remaining ones are cancelled', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const cohort = await createCohort(db, program.id, {
      sessionDates: [addDays(today(), -7), addDays(today(), 7)],
    });
    const url = `/api/training/cohorts/${cohort.id}/status`;
    const early = await send(giatja(), 'POST', url, { status: 'completed', version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.status).toMatch(/^Masih ada 1 sesi yang belum berlangsung/);
    const last = cohort.sessions[1] as { id: string };
    await send(giatja(), 'POST', `/api/training/cohorts/${cohort.id}/sessions/${last.id}/cancel`, {
      reason: 'Libur nasional',
      version: 1,
    });
    const done = await send(giatja(), 'POST', url, { status: 'completed', version: 1 });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', completedOn: today() });
  });

  it('completing raises every allocated woman’s skills to trained and writes her timeline', async () => {
    const db = t.database.db;
    const program = await createProgram(db, {
      skillCodes: ['garment.sewing', 'garment.fashion'],
      level: 'intermediate',
    });
    const cohort = await createCohort(db, program.id, {
      sessionDates: [addDays(today(), -14), addDays(today(), -7)],
    });
    const ratna = await createPerson(db, { skills: ['menjahit'] });
    const yuni = await createPerson(db);
    const gone = await createPerson(db);
    const eRatna = await enrol(db, { personId: ratna.id, programId: program.id, cohortId: cohort.id });
    const eYuni = await enrol(db, { personId: yuni.id, programId: program.id, cohortId: cohort.id });
    const eGone = await enrol(db, { personId: gone.id, programId: program.id, cohortId: cohort.id });
    await db
      .updateTable('training_enrolment')
      .set({ status: 'deallocated', end_reason: 'released' })
      .where('id', '=', eGone.id)
      .execute();

    const done = await send(giatja(), 'POST', `/api/training/cohorts/${cohort.id}/status`, {
      status: 'completed',
      version: 1,
    });
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ allocated: 0, completed: 2 });

    const enrolments = await db
      .selectFrom('training_enrolment')
      .select(['id', 'status', 'end_reason', 'ended_on'])
      .where('cohort_id', '=', cohort.id)
      .orderBy('id')
      .execute();
    expect(enrolments).toEqual(
      expect.arrayContaining([
        { id: eRatna.id, status: 'completed', end_reason: 'completed', ended_on: today() },
        { id: eYuni.id, status: 'completed', end_reason: 'completed', ended_on: today() },
        expect.objectContaining({ id: eGone.id, status: 'deallocated' }),
      ]),
    );
    const skills = await db
      .selectFrom('person_skill')
      .select(['person_id', 'skill_id', 'evidence', 'level', 'cohort_id'])
      .where('person_id', 'in', [ratna.id, yuni.id, gone.id])
      .where('skill_id', 'is not', null)
      .execute();
    const expected = program.skills.flatMap((skill) =>
      [ratna.id, yuni.id].map((personId) => ({
        person_id: personId,
        skill_id: skill.id,
        evidence: 'trained',
        level: 'intermediate',
        cohort_id: cohort.id,
      })),
    );
    expect(skills).toEqual(expect.arrayContaining(expected));
    expect(skills).toHaveLength(expected.length);

    const events = await db
      .selectFrom('person_event')
      .select(['person_id', 'kind', 'visibility', 'details'])
      .where('kind', '=', 'training.completed')
      .where('person_id', 'in', [ratna.id, yuni.id, gone.id])
      .execute();
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      visibility: 'shared',
      details: { cohortId: cohort.id, programName: program.name },
    });
    const audit = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'cohort.status_changed')
      .where('subject_id', '=', cohort.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({ from: 'running', to: 'completed', enrolments: 2 });
  });

  it('cancelling ends each allocation with the cohort and puts her back on the waitlist with a fresh entry', async () => {
    const db = t.database.db;
    const program = await createProgram(db);
    const cancelled = await createCohort(db, program.id, {
      sessionDates: [addDays(today(), -14), addDays(today(), -7), addDays(today(), 7)],
    });
    const person = await createPerson(db, { releaseDate: addDays(today(), 2000) });
    const first = await enrol(db, { personId: person.id, programId: program.id, cohortId: cancelled.id });
    await db
      .updateTable('training_enrolment')
      .set({ source: 'self_request', note: 'Ingin membuka usaha jahit', requested_on: '2026-09-15' })
      .where('id', '=', first.id)
      .execute();
    const [s1, s2] = cancelled.sessions.map((session) => session.id) as [string, string];
    await markAttendance(db, { sessionId: s1, enrolmentIds: [first.id] });
    await markAttendance(db, { sessionId: s2, enrolmentIds: [first.id] });
    for (const unit of program.units)
      await db
        .insertInto('training_assessment')
        .values({
          organization_id: LAPAS_ID,
          enrolment_id: first.id,
          unit_id: unit.id,
          result: 'competent',
          assessor_name: 'Ibu Sri',
          assessed_on: addDays(today(), -7),
        })
        .execute();

    const response = await send(giatja(), 'POST', `/api/training/cohorts/${cancelled.id}/status`, {
      status: 'cancelled',
      reason: 'Instruktur mitra berhalangan',
      version: 1,
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'cancelled',
      statusReason: 'Instruktur mitra berhalangan',
      allocated: 0,
      waitlist: 1,
    });

    // Her allocation ended with the cohort, keeping its records there.
    const ended = await send(giatja(), 'GET', `/api/training/enrolments?cohortId=${cancelled.id}`);
    expect(ended.json().items).toEqual([
      expect.objectContaining({
        id: first.id,
        status: 'deallocated',
        endReason: 'cohort_cancelled',
        endedOn: today(),
        cohortId: cancelled.id,
      }),
    ]);
    const cancelledRoster = await send(giatja(), 'GET', `/api/training/cohorts/${cancelled.id}/roster`);
    expect(cancelledRoster.json()).toEqual([
      expect.objectContaining({
        enrolmentId: first.id,
        status: 'deallocated',
        endReason: 'cohort_cancelled',
        attendanceRate: 1,
      }),
    ]);
    const kept = await db
      .selectFrom('training_assessment')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('enrolment_id', '=', first.id)
      .executeTakeFirstOrThrow();
    expect(Number(kept.n)).toBe(2);

    // A fresh approved entry on the program's waitlist, as she asked for it.
    const waitlist = await send(
      giatja(),
      'GET',
      `/api/training/enrolments?programId=${program.id}&status=pending,approved`,
    );
    expect(waitlist.json().items).toEqual([
      expect.objectContaining({
        personId: person.id,
        status: 'approved',
        cohortId: null,
        source: 'self_request',
        note: 'Ingin membuka usaha jahit',
        requestedOn: '2026-09-15',
        endReason: null,
        overrides: [],
      }),
    ]);
    const fresh = waitlist.json().items[0];
    expect(fresh.id).not.toBe(first.id);

    const events = await db
      .selectFrom('person_event')
      .select(['kind', 'visibility', 'details'])
      .where('person_id', '=', person.id)
      .execute();
    expect(events).toEqual([
      {
        kind: 'training.deallocated',
        visibility: 'corrections',
        details: expect.objectContaining({
          enrolmentId: first.id,
          cohortId: cancelled.id,
          reason: 'cohort_cancelled',
        }),
      },
    ]);

    // Allocated to the next cohort, she starts there with nothing recorded.
    const next = await createCohort(db, program.id, {
      startDate: mondayIn(2),
      endDate: addDays(mondayIn(2), 13),
      sessionDates: [mondayIn(2), addDays(mondayIn(2), 7)],
      status: 'enrolling',
    });
    const allocation = await send(giatja(), 'POST', `/api/training/cohorts/${next.id}/allocations`, {
      enrolmentIds: [fresh.id],
    });
    expect(allocation.json().allocated).toBe(1);
    const nextRoster = await send(giatja(), 'GET', `/api/training/cohorts/${next.id}/roster`);
    expect(nextRoster.json()).toEqual([
      expect.objectContaining({ enrolmentId: fresh.id, status: 'allocated', attendanceRate: null }),
    ]);
    const history = (await send(giatja(), 'GET', `/api/people/${person.id}/training`)).json().history;
    expect(history).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          enrolmentId: fresh.id,
          cohortId: next.id,
          attendanceRate: null,
          unitsCompetent: 0,
        }),
        expect.objectContaining({
          enrolmentId: first.id,
          cohortId: cancelled.id,
          attendanceRate: 1,
          unitsCompetent: 2,
        }),
      ]),
    );
  });
});

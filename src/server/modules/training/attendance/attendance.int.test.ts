import ExcelJS from 'exceljs';
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
import type { AttendanceGrid, SessionAttendance } from '../../../../shared/attendance.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import { LAPAS_ID } from '../../../db/seed/reference.ts';
import { today } from '../../../platform/calendar.ts';
import { addDays, displayDate } from './attendance.presenter.ts';

let t: TestApp;
let programId: string;
let partnerId: string;
let otherPrisonId: string;
const as: Record<string, Session> = {};
const ids: Record<string, string> = {};

async function user(name: string, organizationId: string, roles: RoleCode[]) {
  const created = await createUser(t.database.db, { organizationId, roles, fullName: `Petugas ${name}` });
  ids[name] = created.id;
  as[name] = await signIn(t.app, created.username, TEST_PASSWORD);
}

/** The item a test created at this index (fails loudly when it is missing). */
function nth<T>(items: readonly T[], index: number): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no item ${index}`);
  return item;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.database.db;
  partnerId = (await createOrganization(db, { kind: 'partner', name: 'BLK Semarang Uji' })).id;
  otherPrisonId = (await createOrganization(db, { kind: 'prison' })).id;
  await user('giatja', LAPAS_ID, ['prison_giatja']);
  await user('head', LAPAS_ID, ['prison_head']);
  await user('binadik', LAPAS_ID, ['prison_binadik']);
  await user('instructor', partnerId, ['partner_staff']);
  await user('otherPrison', otherPrisonId, ['prison_giatja']);
  programId = (await createProgram(db, { providerOrganizationId: partnerId, name: 'Menjahit Dasar Uji' })).id;
});
afterAll(() => t.close());

const day = (offset: number) => addDays(today(), offset);

/**
 * A running cohort with sessions on the given day offsets and `size` women allocated to it a week before
 * its first session (a session's marks cover only those allocated on or before its date).
 */
async function cohortWith(options: {
  offsets: number[];
  size: number;
  instructorUserId?: string;
  name?: string;
}) {
  const db = t.database.db;
  const dates = options.offsets.map(day);
  const cohort = await createCohort(db, programId, {
    sessionDates: dates,
    startDate: dates[0],
    endDate: addDays(dates.at(-1) as string, 30),
    instructorUserId: options.instructorUserId ?? null,
    name: options.name,
  });
  const people = [];
  for (let index = 0; index < options.size; index++) {
    const person = await createPerson(db, {
      fullName: `Peserta ${String.fromCharCode(65 + index)} ${cohort.id.slice(0, 4)}`,
      registrationNumber: `BI.${cohort.id.slice(0, 6)}.${index}`,
    });
    const enrolment = await enrol(db, { personId: person.id, programId, cohortId: cohort.id });
    await db
      .updateTable('training_enrolment')
      .set({ allocated_at: new Date(`${addDays(dates[0] as string, -7)}T03:00:00Z`) })
      .where('id', '=', enrolment.id)
      .execute();
    people.push({ personId: person.id, fullName: person.full_name, enrolmentId: enrolment.id });
  }
  return { cohort, sessions: cohort.sessions, people };
}

const gridUrl = (cohortId: string) => `/api/training/cohorts/${cohortId}/attendance`;
const recordUrl = (cohortId: string, sessionId: string) =>
  `/api/training/cohorts/${cohortId}/sessions/${sessionId}/attendance`;
const getGrid = (session: Session, cohortId: string) =>
  session.request({ method: 'GET', url: gridUrl(cohortId) });
const put = (session: Session, cohortId: string, sessionId: string, payload: Record<string, unknown>) =>
  session.request({ method: 'PUT', url: recordUrl(cohortId, sessionId), payload });
/** Records with the session's current version, as the grid would have shown it. */
async function record(
  session: Session,
  cohortId: string,
  sessionId: string,
  payload: Record<string, unknown>,
) {
  const { version } = await t.database.db
    .selectFrom('training_session')
    .select('version')
    .where('id', '=', sessionId)
    .executeTakeFirstOrThrow();
  return put(session, cohortId, sessionId, { version, ...payload });
}
const reopen = (session: Session, cohortId: string, sessionId: string, reason = 'Salah catat, diperbaiki') =>
  session.request({
    method: 'POST',
    url: `/api/training/cohorts/${cohortId}/sessions/${sessionId}/reopen`,
    payload: { reason },
  });

describe('recording a session in one request', () => {
  it('marks everyone allocated present except the exceptions, and the grid shows marks and rates', async () => {
    const { cohort, sessions, people } = await cohortWith({ offsets: [-2, -1, 3], size: 4 });
    const [s1, s2] = [nth(sessions, 0), nth(sessions, 1)];
    const [a, b, c, d] = [nth(people, 0), nth(people, 1), nth(people, 2), nth(people, 3)];
    const giatja = as.giatja as Session;

    const first = await put(giatja, cohort.id, s1.id, {
      exceptions: [
        { enrolmentId: c.enrolmentId, reason: 'sick' },
        { enrolmentId: d.enrolmentId, reason: 'other', note: 'Dipanggil wali pemasyarakatan' },
      ],
      version: 1,
    });
    expect(first.statusCode).toBe(200);
    const recorded = first.json() as SessionAttendance;
    expect(recorded.session).toMatchObject({
      id: s1.id,
      date: day(-2),
      status: 'scheduled',
      locked: false,
      lockedAt: day(5),
      editable: true,
      presentCount: 2,
      absentCount: 2,
      recordedByName: 'Petugas giatja',
      version: 2,
    });
    expect(recorded.marks).toHaveLength(4);
    expect(recorded.marks.find((mark) => mark.enrolmentId === d.enrolmentId)).toMatchObject({
      present: false,
      reason: 'other',
      note: 'Dipanggil wali pemasyarakatan',
    });
    expect(recorded.marks.find((mark) => mark.enrolmentId === a.enrolmentId)).toMatchObject({
      present: true,
      reason: null,
    });

    expect((await put(giatja, cohort.id, s2.id, { exceptions: [], version: 1 })).statusCode).toBe(200);

    const response = await getGrid(giatja, cohort.id);
    expect(response.statusCode).toBe(200);
    const grid = response.json() as AttendanceGrid;
    expect(grid).toMatchObject({ today: today(), canRecord: true, canReopen: false, cohortRate: 0.75 });
    expect(grid.sessions.map((session) => session.date)).toEqual([day(-2), day(-1), day(3)]);
    expect(grid.sessions[2]).toMatchObject({ recordedAt: null, editable: false, presentCount: null });
    const row = (personId: string) => grid.people.findIndex((person) => person.personId === personId);
    expect(grid.people[row(a.personId)]).toMatchObject({
      fullName: a.fullName,
      registrationNumber: expect.stringMatching(/^BI\./),
      status: 'allocated',
      attendanceRate: 1,
      present: 2,
      absent: 0,
    });
    expect(grid.people[row(c.personId)]).toMatchObject({ attendanceRate: 0.5, present: 1, absent: 1 });
    expect(grid.cells[row(c.personId)]).toEqual([
      { present: false, reason: 'sick', note: null },
      { present: true },
      null,
    ]);
    expect(grid.cells[row(b.personId)]).toEqual([{ present: true }, { present: true }, null]);

    const audits = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'details', 'subject_type', 'subject_organization_id'])
      .where('subject_id', '=', cohort.id)
      .orderBy('id')
      .execute();
    expect(audits.map((entry) => entry.action)).toEqual([
      'attendance.recorded',
      'attendance.recorded',
      'attendance.viewed',
    ]);
    expect(audits[0]).toMatchObject({
      subject_type: 'training_cohort',
      subject_organization_id: LAPAS_ID,
      details: { sessionId: s1.id, present: 2, absent: 2, reasons: { sick: 1, other: 1 }, again: false },
    });
    expect(JSON.stringify(audits[0]?.details)).not.toContain('Dipanggil');
    expect((audits[2]?.details as { shown?: string[] } | undefined)?.shown?.sort()).toEqual(
      people.map((person) => person.personId).sort(),
    );
  });

  it('replaces the marks when the session is recorded again, and refuses a stale version', async () => {
    const { cohort, sessions, people } = await cohortWith({ offsets: [-1], size: 3 });
    const session = sessions[0] as { id: string };
    const [a, b] = [nth(people, 0), nth(people, 1)];
    const giatja = as.giatja as Session;
    await put(giatja, cohort.id, session.id, {
      exceptions: [{ enrolmentId: a.enrolmentId, reason: 'court' }],
      version: 1,
    });
    const again = await put(giatja, cohort.id, session.id, {
      exceptions: [{ enrolmentId: b.enrolmentId, reason: 'family_visit' }],
      version: 2,
    });
    expect(again.statusCode).toBe(200);
    const marks = (again.json() as SessionAttendance).marks;
    expect(marks.find((mark) => mark.enrolmentId === a.enrolmentId)).toMatchObject({ present: true });
    expect(marks.find((mark) => mark.enrolmentId === b.enrolmentId)).toMatchObject({
      present: false,
      reason: 'family_visit',
    });
    const rows = await t.database.db
      .selectFrom('training_attendance')
      .select(['enrolment_id', 'present'])
      .where('session_id', '=', session.id)
      .execute();
    expect(rows).toHaveLength(3);

    const stale = await put(giatja, cohort.id, session.id, { exceptions: [], version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('ATTENDANCE_CHANGED');
  });
  it('refuses a recording without the version read, and the second of two officers who read the same one', async () => {
    const { cohort, sessions, people } = await cohortWith({ offsets: [-1], size: 2 });
    const session = nth(sessions, 0);
    const [a, b] = [nth(people, 0), nth(people, 1)];
    const giatja = as.giatja as Session;

    const unversioned = await giatja.request({
      method: 'PUT',
      url: recordUrl(cohort.id, session.id),
      payload: { exceptions: [] },
    });
    expect(unversioned.statusCode).toBe(400);
    expect(Object.keys(unversioned.json().error.fields)).toEqual(['version']);

    // Both opened the grid at version 1: the officer saves first, the head's save is refused.
    const grid = (await getGrid(giatja, cohort.id)).json() as AttendanceGrid;
    const read = nth(grid.sessions, 0).version;
    const first = await put(giatja, cohort.id, session.id, {
      exceptions: [{ enrolmentId: a.enrolmentId, reason: 'sick' }],
      version: read,
    });
    expect(first.statusCode).toBe(200);
    const second = await put(as.head as Session, cohort.id, session.id, {
      exceptions: [{ enrolmentId: b.enrolmentId, reason: 'court' }],
      version: read,
    });
    expect(second.statusCode).toBe(409);
    expect(second.json().error).toMatchObject({
      code: 'ATTENDANCE_CHANGED',
      message: expect.stringContaining('telah dicatat oleh orang lain'),
    });
    const marks = await t.database.db
      .selectFrom('training_attendance')
      .select(['enrolment_id', 'present', 'absence_reason'])
      .where('session_id', '=', session.id)
      .execute();
    expect(marks).toEqual(
      expect.arrayContaining([
        { enrolment_id: a.enrolmentId, present: false, absence_reason: 'sick' },
        { enrolment_id: b.enrolmentId, present: true, absence_reason: null },
      ]),
    );
    expect(marks).toHaveLength(2);
  });

  it('marks only those who had joined by the session’s date; a later joiner is unmarked and cannot be named', async () => {
    const db = t.database.db;
    const { cohort, sessions, people } = await cohortWith({ offsets: [-3, -1], size: 3 });
    const [s1, s2] = [nth(sessions, 0), nth(sessions, 1)];
    const [early, late, newcomer] = [nth(people, 0), nth(people, 1), nth(people, 2)];
    const join = (enrolmentId: string, on: string | null) =>
      db.updateTable('training_enrolment').set({ joined_on: on }).where('id', '=', enrolmentId).execute();
    // Allocated before the cohort ran: she counts from its start.
    await join(early.enrolmentId, null);
    // Joined the running cohort between the two sessions.
    await join(late.enrolmentId, day(-2));
    // Joined today, after both sessions.
    await join(newcomer.enrolmentId, today());
    const giatja = as.giatja as Session;

    const first = await put(giatja, cohort.id, s1.id, { exceptions: [], version: 1 });
    expect(first.statusCode).toBe(200);
    expect((first.json() as SessionAttendance).marks.map((mark) => mark.enrolmentId)).toEqual([
      early.enrolmentId,
    ]);
    expect((first.json() as SessionAttendance).session).toMatchObject({ presentCount: 1, absentCount: 0 });

    const namedLate = await put(giatja, cohort.id, s2.id, {
      exceptions: [
        { enrolmentId: late.enrolmentId, reason: 'sick' },
        { enrolmentId: newcomer.enrolmentId, reason: 'court' },
      ],
      version: 1,
    });
    expect(namedLate.statusCode).toBe(400);
    expect(namedLate.json().error.fields).toEqual({
      'exceptions.1.enrolmentId': `Peserta ini baru bergabung dengan angkatan yang sudah berjalan pada ${displayDate(today())}, setelah sesi tanggal ${displayDate(day(-1))}; absensinya untuk sesi ini tidak dicatat.`,
    });
    const second = await put(giatja, cohort.id, s2.id, {
      exceptions: [{ enrolmentId: late.enrolmentId, reason: 'sick' }],
      version: 1,
    });
    expect(second.statusCode).toBe(200);
    expect(
      (second.json() as SessionAttendance).marks.map((mark) => [mark.enrolmentId, mark.present]).sort(),
    ).toEqual(
      [
        [early.enrolmentId, true],
        [late.enrolmentId, false],
      ].sort(),
    );

    const grid = (await getGrid(giatja, cohort.id)).json() as AttendanceGrid;
    const row = (enrolmentId: string) =>
      grid.people.findIndex((person) => person.enrolmentId === enrolmentId);
    expect(grid.people[row(early.enrolmentId)]).toMatchObject({ joinedOn: null, attendanceRate: 1 });
    expect(grid.people[row(late.enrolmentId)]).toMatchObject({
      joinedOn: day(-2),
      attendanceRate: 0,
      present: 0,
      absent: 1,
    });
    expect(grid.people[row(newcomer.enrolmentId)]).toMatchObject({
      joinedOn: today(),
      attendanceRate: null,
      present: 0,
      absent: 0,
    });
    expect(grid.cells[row(late.enrolmentId)]).toEqual([null, { present: false, reason: 'sick', note: null }]);
    expect(grid.cells[row(newcomer.enrolmentId)]).toEqual([null, null]);
    expect(grid.cohortRate).toBe(0.6667);

    // The first session's printed list names only who was in the class that day.
    const pdf = await giatja.request({
      method: 'GET',
      url: `/api/training/cohorts/${cohort.id}/sessions/${s1.id}/daftar-hadir.pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    const exported = await db
      .selectFrom('audit_log')
      .select('details')
      .where('action', '=', 'attendance.exported')
      .where('subject_id', '=', cohort.id)
      .executeTakeFirstOrThrow();
    expect((exported.details as { shown: string[] }).shown).toEqual([early.personId]);
  });

  it('still records a completed cohort within the window: its class is those who completed it', async () => {
    const { cohort, sessions, people } = await cohortWith({ offsets: [-3], size: 2 });
    const db = t.database.db;
    await db
      .updateTable('training_cohort')
      .set({ status: 'completed' })
      .where('id', '=', cohort.id)
      .execute();
    await db
      .updateTable('training_enrolment')
      .set({ status: 'completed' })
      .where('cohort_id', '=', cohort.id)
      .execute();
    const [a, b] = [nth(people, 0), nth(people, 1)];
    const response = await put(as.giatja as Session, cohort.id, nth(sessions, 0).id, {
      exceptions: [{ enrolmentId: b.enrolmentId, reason: 'sick' }],
      version: 1,
    });
    expect(response.statusCode).toBe(200);
    expect(
      (response.json() as SessionAttendance).marks.map((mark) => [mark.enrolmentId, mark.present]),
    ).toEqual(
      expect.arrayContaining([
        [a.enrolmentId, true],
        [b.enrolmentId, false],
      ]),
    );
  });
});

describe('what is refused, naming the field', () => {
  it('refuses a session in the future, a cancelled one, someone not allocated here, a missing note; writes nothing', async () => {
    const { cohort, sessions, people } = await cohortWith({ offsets: [-3, -2, 2], size: 2 });
    const [past, cancelled, future] = [nth(sessions, 0), nth(sessions, 1), nth(sessions, 2)];
    const giatja = as.giatja as Session;
    const db = t.database.db;

    const early = await put(giatja, cohort.id, future.id, { exceptions: [], version: 1 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.sessionId).toBe(
      `Absensi belum dapat dicatat sebelum sesi berlangsung (sesi tanggal ${displayDate(day(2))}).`,
    );

    await db
      .updateTable('training_session')
      .set({ status: 'cancelled', cancel_reason: 'Instruktur sakit' })
      .where('id', '=', cancelled.id)
      .execute();
    const onCancelled = await put(giatja, cohort.id, cancelled.id, { exceptions: [], version: 1 });
    expect(onCancelled.statusCode).toBe(409);
    expect(onCancelled.json().error.code).toBe('ATTENDANCE_SESSION_CANCELLED');

    // Someone of another cohort of the same program, and someone only on the waitlist.
    const other = await cohortWith({ offsets: [-3], size: 1 });
    const waiting = await enrol(db, { personId: (await createPerson(db)).id, programId });
    const notHere = await put(giatja, cohort.id, past.id, {
      exceptions: [
        { enrolmentId: (people[0] as { enrolmentId: string }).enrolmentId, reason: 'other' },
        { enrolmentId: (other.people[0] as { enrolmentId: string }).enrolmentId, reason: 'sick' },
        { enrolmentId: waiting.id, reason: 'sick' },
      ],
      version: 1,
    });
    expect(notHere.statusCode).toBe(400);
    expect(notHere.json().error.fields).toEqual({
      'exceptions.0.note': 'Tuliskan keterangan bila alasannya "lainnya".',
      'exceptions.1.enrolmentId': 'Peserta ini tidak terdaftar (dialokasikan) di angkatan ini.',
      'exceptions.2.enrolmentId': 'Peserta ini tidak terdaftar (dialokasikan) di angkatan ini.',
    });

    const english = await as.giatja?.request({
      method: 'PUT',
      url: recordUrl(cohort.id, past.id),
      payload: { exceptions: [{ enrolmentId: 'not-a-uuid', reason: 'bored' }] },
    });
    expect(english?.statusCode).toBe(400);
    expect(Object.keys(english?.json().error.fields)).toEqual(
      expect.arrayContaining(['exceptions.0.enrolmentId', 'exceptions.0.reason']),
    );

    const written = await db
      .selectFrom('training_attendance')
      .select('enrolment_id')
      .where('session_id', 'in', [past.id, cancelled.id, future.id])
      .execute();
    expect(written).toEqual([]);
  });

  it('locks a session 7 days after its date; only the prison head reopens it, for 48 hours', async () => {
    const { cohort, sessions } = await cohortWith({ offsets: [-8, -7], size: 2 });
    const [old, lastDay] = [nth(sessions, 0), nth(sessions, 1)];
    const giatja = as.giatja as Session;
    const head = as.head as Session;

    const locked = await record(giatja, cohort.id, old.id, { exceptions: [] });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error.code).toBe('ATTENDANCE_LOCKED');
    expect(locked.json().error.message).toContain(displayDate(day(-8)));
    expect((await record(giatja, cohort.id, lastDay.id, { exceptions: [] })).statusCode).toBe(200);

    const grid = (await getGrid(head, cohort.id)).json() as AttendanceGrid;
    expect(grid.canReopen).toBe(true);
    expect(grid.sessions[0]).toMatchObject({
      locked: true,
      editable: false,
      reopenable: true,
      lockedAt: day(-1),
    });
    expect(grid.sessions[1]).toMatchObject({ locked: false, editable: true, reopenable: false });

    expect((await reopen(giatja, cohort.id, old.id)).statusCode).toBe(403);
    expect((await reopen(as.instructor as Session, cohort.id, old.id)).statusCode).toBe(404);
    const notLocked = await reopen(head, cohort.id, lastDay.id);
    expect(notLocked.statusCode).toBe(409);
    expect(notLocked.json().error.code).toBe('ATTENDANCE_NOT_LOCKED');

    const before = Date.now();
    const reopened = await reopen(head, cohort.id, old.id, 'Koreksi data sakit');
    expect(reopened.statusCode).toBe(200);
    expect(reopened.json()).toMatchObject({ id: old.id, locked: false, editable: true });
    const until = new Date(reopened.json().reopenedUntil).getTime();
    expect(until - before).toBeGreaterThan(47 * 3600_000);
    expect(until - before).toBeLessThan(49 * 3600_000);

    const afterReopen = await record(giatja, cohort.id, old.id, { exceptions: [] });
    expect(afterReopen.statusCode).toBe(200);
    expect((afterReopen.json() as SessionAttendance).session.reopenedUntil).not.toBeNull();
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['details', 'actor_user_id'])
      .where('action', '=', 'attendance.reopened')
      .where('subject_id', '=', cohort.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      actor_user_id: ids.head,
      details: { sessionId: old.id, reason: 'Koreksi data sakit' },
    });

    // When the reopening has run out, the session is locked again.
    await t.database.db
      .updateTable('training_session')
      .set({ reopened_until: new Date(Date.now() - 60_000) })
      .where('id', '=', old.id)
      .execute();
    const expired = await record(giatja, cohort.id, old.id, { exceptions: [] });
    expect(expired.json().error?.code).toBe('ATTENDANCE_LOCKED');
  });

  it('lets a cohort entered after it began have its past filled in: the lock counts from the day a session was entered', async () => {
    const { cohort, sessions } = await cohortWith({ offsets: [-20, -10], size: 2 });
    const [first, second] = [nth(sessions, 0), nth(sessions, 1)];
    // The officer entered this cohort only today, weeks after it began.
    await t.database.db
      .updateTable('training_session')
      .set({ created_on: today() })
      .where('cohort_id', '=', cohort.id)
      .execute();
    const giatja = as.giatja as Session;
    const grid = (await getGrid(giatja, cohort.id)).json() as AttendanceGrid;
    expect(grid.sessions.map((session) => [session.locked, session.lockedAt])).toEqual([
      [false, day(7)],
      [false, day(7)],
    ]);
    expect((await record(giatja, cohort.id, first.id, { exceptions: [] })).statusCode).toBe(200);
    expect((await record(giatja, cohort.id, second.id, { exceptions: [] })).statusCode).toBe(200);
  });
});

describe('who sees and records which cohort', () => {
  it('lets a partner instructor see and record her own cohort only, without registration numbers or results', async () => {
    const db = t.database.db;
    const hers = await cohortWith({ offsets: [-1], size: 3, instructorUserId: ids.instructor });
    const notHers = await cohortWith({ offsets: [-1], size: 2 });
    const instructor = as.instructor as Session;
    // One woman of her cohort left it: the prison still sees her history, the instructor no longer sees her.
    const left = hers.people[2] as { enrolmentId: string; personId: string };
    await markAttendance(db, {
      sessionId: (hers.sessions[0] as { id: string }).id,
      enrolmentIds: [left.enrolmentId],
    });
    await db
      .updateTable('training_enrolment')
      .set({ status: 'deallocated', end_reason: 'released' })
      .where('id', '=', left.enrolmentId)
      .execute();

    const grid = await getGrid(instructor, hers.cohort.id);
    expect(grid.statusCode).toBe(200);
    const body = grid.json() as AttendanceGrid;
    expect(body).toMatchObject({ canRecord: true, canReopen: false });
    expect(body.people).toHaveLength(2);
    expect(body.people.every((person) => person.registrationNumber === null)).toBe(true);
    // She sees names, not the prison's person ids (rows are keyed by enrolment).
    expect(body.people.every((person) => person.personId === null)).toBe(true);
    expect(body.people.map((person) => person.enrolmentId)).not.toContain(left.enrolmentId);

    const managerView = (await getGrid(as.giatja as Session, hers.cohort.id)).json() as AttendanceGrid;
    expect(managerView.people.find((person) => person.personId === left.personId)).toMatchObject({
      status: 'deallocated',
      present: 1,
    });

    const session = hers.sessions[0] as { id: string };
    const recorded = await record(instructor, hers.cohort.id, session.id, {
      exceptions: [
        { enrolmentId: (hers.people[0] as { enrolmentId: string }).enrolmentId, reason: 'refused' },
      ],
    });
    expect(recorded.statusCode).toBe(200);
    expect((recorded.json() as SessionAttendance).session).toMatchObject({ presentCount: 1, absentCount: 1 });
    expect((recorded.json() as SessionAttendance).marks.map((mark) => mark.personId)).toEqual([null, null]);
    // The prison's own staff still get the person ids.
    const prisonView = (await getGrid(as.giatja as Session, hers.cohort.id)).json() as AttendanceGrid;
    expect(prisonView.people.map((person) => person.personId).sort()).toEqual(
      hers.people.map((person) => person.personId).sort(),
    );
    // Her history in the session stays; she cannot be named as an exception any more.
    const leftNamed = await record(instructor, hers.cohort.id, session.id, {
      exceptions: [{ enrolmentId: left.enrolmentId, reason: 'sick' }],
    });
    expect(leftNamed.json().error.fields['exceptions.0.enrolmentId']).toBeDefined();

    const otherSession = (notHers.sessions[0] as { id: string }).id;
    expect((await getGrid(instructor, notHers.cohort.id)).statusCode).toBe(404);
    expect(
      (await put(instructor, notHers.cohort.id, otherSession, { exceptions: [], version: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await instructor.request({ method: 'GET', url: `${gridUrl(notHers.cohort.id)}.xlsx` })).statusCode,
    ).toBe(404);
    expect(
      (await instructor.request({ method: 'GET', url: `/api/training/cohorts/${hers.cohort.id}/results` }))
        .statusCode,
    ).toBe(403);
    expect(
      (
        await instructor.request({
          method: 'PUT',
          url: `/api/training/cohorts/${hers.cohort.id}/results`,
          payload: {
            items: [
              {
                enrolmentId: (hers.people[0] as { enrolmentId: string }).enrolmentId,
                unitId: (hers.people[0] as { enrolmentId: string }).enrolmentId,
                result: 'competent',
                assessorName: 'Penguji',
                assessedOn: today(),
              },
            ],
          },
        })
      ).statusCode,
    ).toBe(403);

    // The prison's other staff read the grid but do not record; another prison does not see it at all.
    const binadik = await getGrid(as.binadik as Session, hers.cohort.id);
    expect(binadik.json()).toMatchObject({ canRecord: false });
    expect(
      (await record(as.binadik as Session, hers.cohort.id, session.id, { exceptions: [] })).statusCode,
    ).toBe(403);
    expect((await getGrid(as.otherPrison as Session, hers.cohort.id)).statusCode).toBe(404);
  });
});

describe('files', () => {
  it('exports the roster and grid as XLSX with names in the cells, and a daftar hadir PDF per session', async () => {
    const { cohort, sessions, people } = await cohortWith({
      offsets: [-2, -1, 1],
      size: 3,
      name: 'Angkatan Jahit Ekspor',
    });
    const giatja = as.giatja as Session;
    const [a, b] = [nth(people, 0), nth(people, 1)];
    await put(giatja, cohort.id, (sessions[0] as { id: string }).id, {
      exceptions: [{ enrolmentId: a.enrolmentId, reason: 'sick' }],
      version: 1,
    });
    await put(giatja, cohort.id, (sessions[1] as { id: string }).id, {
      exceptions: [{ enrolmentId: b.enrolmentId, reason: 'family_visit' }],
      version: 1,
    });

    const xlsx = await giatja.request({ method: 'GET', url: `${gridUrl(cohort.id)}.xlsx` });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(xlsx.headers['content-disposition']).toMatch(
      /^attachment; filename="absensi-angkatan-jahit-ekspor\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const roster = workbook.getWorksheet('Peserta');
    const sheet = workbook.getWorksheet('Absensi');
    expect(roster).toBeDefined();
    expect(sheet).toBeDefined();
    const values = (ws: ExcelJS.Worksheet | undefined) =>
      Array.from(ws?.getSheetValues() ?? [], (row) => (Array.isArray(row) ? row.slice(1) : []));
    const rosterRows = values(roster);
    expect(rosterRows[1]).toEqual([
      'No',
      'Nama',
      'No. Registrasi',
      'Status',
      'Hadir',
      'Tidak hadir',
      'Tingkat kehadiran',
    ]);
    const rowOf = (rows: unknown[][], name: string) => rows.find((row) => row[1] === name) as unknown[];
    expect(rowOf(rosterRows, a.fullName)).toEqual([
      expect.any(Number),
      a.fullName,
      expect.stringMatching(/^BI\./),
      'Peserta',
      1,
      1,
      0.5,
    ]);
    const gridRows = values(sheet);
    expect(gridRows[1]).toEqual([
      'No',
      'Nama',
      displayDate(day(-2)),
      displayDate(day(-1)),
      displayDate(day(1)),
      'Hadir',
      'Tidak hadir',
    ]);
    expect(rowOf(gridRows, a.fullName).slice(2, 5)).toEqual(['S', 'H', undefined]);
    expect(rowOf(gridRows, b.fullName).slice(2, 5)).toEqual(['H', 'I', undefined]);
    expect(gridRows.flat()).toContain('Keterangan');
    expect(gridRows.flat()).toContain('Izin (kunjungan keluarga)');

    // The instructor's file leaves registration numbers out.
    await t.database.db
      .updateTable('training_cohort')
      .set({ instructor_user_id: ids.instructor })
      .where('id', '=', cohort.id)
      .execute();
    const hers = await (as.instructor as Session).request({
      method: 'GET',
      url: `${gridUrl(cohort.id)}.xlsx`,
    });
    expect(hers.statusCode).toBe(200);
    const herBook = new ExcelJS.Workbook();
    await herBook.xlsx.load(hers.rawPayload as unknown as ArrayBuffer);
    expect(values(herBook.getWorksheet('Peserta'))[1]).not.toContain('No. Registrasi');
    expect(JSON.stringify(values(herBook.getWorksheet('Peserta')))).not.toContain('BI.');

    for (const session of sessions as { id: string; date: string }[]) {
      const pdf = await giatja.request({
        method: 'GET',
        url: `/api/training/cohorts/${cohort.id}/sessions/${session.id}/daftar-hadir.pdf`,
      });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.headers['content-disposition']).toContain(
        `attachment; filename="daftar-hadir-angkatan-jahit-ekspor-${session.date}.pdf"`,
      );
      expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    }

    const exported = await t.database.db
      .selectFrom('audit_log')
      .select(['details'])
      .where('action', '=', 'attendance.exported')
      .where('subject_id', '=', cohort.id)
      .orderBy('id')
      .execute();
    expect(exported.map((entry) => (entry.details as { format: string }).format)).toEqual([
      'xlsx',
      'xlsx',
      'pdf',
      'pdf',
      'pdf',
    ]);
    expect((exported[0]?.details as { shown?: string[] } | undefined)?.shown).toHaveLength(3);
  });
});

import type { Kysely } from 'kysely';
import {
  type AbsenceReason,
  ATTENDANCE_REOPEN_HOURS,
  type AttendanceGrid,
  type RecordAttendanceRequest,
  type ReopenAttendanceRequest,
  ROSTER_STATUSES,
  type SessionAttendance,
} from '../../../../shared/attendance.ts';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { today } from '../../../platform/calendar.ts';
import { AppError, conflict, type FieldError, forbidden, notFound } from '../../../platform/errors.ts';
import { type CohortAccess, cohortAccess } from '../training.access.ts';
import { attachment, fileSlug } from './attendance.labels.ts';
import {
  displayDate,
  type GridData,
  joinedBy,
  markOf,
  presentGrid,
  presentSession,
  sessionState,
} from './attendance.presenter.ts';
import {
  findCohort,
  findSession,
  listMarks,
  listRoster,
  listSessionMarks,
  listSessions,
  lockSession,
  markSessionRecorded,
  reopenSession,
  upsertMarks,
} from './attendance.repository.ts';
import { attendanceXlsx } from './attendance.xlsx.ts';
import { daftarHadirPdf } from './daftar-hadir.pdf.ts';

type Db = Kysely<Database>;

const clock = () => ({ today: today(), now: new Date() });

function auditSubject(access: CohortAccess) {
  return {
    subjectType: 'training_cohort',
    subjectId: access.cohortId,
    subjectOrganizationId: access.organizationId,
  };
}

/**
 * Who is on the class list: those allocated, and those who completed it (a completed cohort's class). The
 * prison also sees those who left (deallocated) with their marks, for history; a partner's instructor
 * does not.
 */
const CLASS_STATUSES = ['allocated', 'completed'] as const;
function rosterStatuses(access: CohortAccess) {
  return access.instructorOnly ? CLASS_STATUSES : ROSTER_STATUSES;
}

/** Everything the grid needs in four queries, whatever the cohort's size. */
async function loadGrid(db: Db, access: CohortAccess): Promise<GridData> {
  const [cohort, sessions, roster, marks] = await Promise.all([
    findCohort(db, access.cohortId),
    listSessions(db, access.cohortId),
    listRoster(db, access.cohortId, rosterStatuses(access)),
    listMarks(db, access.cohortId),
  ]);
  return { cohort, sessions, roster, marks };
}

/** The attendance grid (people × sessions) of a cohort the caller may see, with rates. Audited. */
export async function grid(db: Db, ctx: RequestContext, cohortId: string): Promise<AttendanceGrid> {
  const access = await cohortAccess(db, ctx, cohortId);
  const data = await loadGrid(db, access);
  await audit(db, ctx, {
    action: 'attendance.viewed',
    ...auditSubject(access),
    details: { shown: data.roster.map((row) => row.person_id) },
  });
  return presentGrid(data, access, clock());
}

async function sessionView(db: Db, access: CohortAccess, sessionId: string): Promise<SessionAttendance> {
  const [cohort, session, roster, marks] = await Promise.all([
    findCohort(db, access.cohortId),
    findSession(db, access.cohortId, sessionId),
    listRoster(db, access.cohortId, rosterStatuses(access)),
    listSessionMarks(db, sessionId),
  ]);
  if (!session) throw notFound('ATTENDANCE_SESSION_NOT_FOUND');
  const people = new Map(roster.map((row) => [row.enrolment_id, row]));
  const shown = marks.filter((mark) => people.has(mark.enrolment_id));
  const present = shown.filter((mark) => mark.present).length;
  return {
    session: presentSession(session, {
      cohort,
      access,
      clock: clock(),
      counts: { present, absent: shown.length - present },
    }),
    marks: shown
      .map((mark) => {
        const person = people.get(mark.enrolment_id) as NonNullable<ReturnType<typeof people.get>>;
        return {
          enrolmentId: mark.enrolment_id,
          personId: access.instructorOnly ? null : person.person_id,
          fullName: person.full_name,
          present: mark.present,
          reason: mark.present ? null : mark.absence_reason,
          note: mark.present ? null : mark.note,
        };
      })
      .sort(
        (a, b) => a.fullName.localeCompare(b.fullName, 'id') || a.enrolmentId.localeCompare(b.enrolmentId),
      ),
  };
}

/**
 * Records one session's attendance in one request: everyone allocated to the cohort on or before the
 * session's date present, except the exceptions (absent with a reason); those allocated after it stay
 * unmarked. Recording again replaces the marks. Refused for a stale version, a cancelled session, a session
 * in the future or outside the cohort, someone not allocated here (or only after the session), and a
 * locked session.
 */
export async function record(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  sessionId: string,
  body: RecordAttendanceRequest,
): Promise<SessionAttendance> {
  const access = await cohortAccess(db, ctx, cohortId);
  if (!access.canRecordAttendance) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const locked = await lockSession(trx, cohortId, sessionId);
    if (!locked) throw notFound('ATTENDANCE_SESSION_NOT_FOUND');
    const [cohort, session, allocated] = await Promise.all([
      findCohort(trx, cohortId),
      findSession(trx, cohortId, sessionId),
      // The class: after the cohort completed, its enrolments are `completed` and can still be corrected.
      listRoster(trx, cohortId, CLASS_STATUSES),
    ]);
    if (!session) throw notFound('ATTENDANCE_SESSION_NOT_FOUND');
    if (cohort.status === 'cancelled') throw conflict('ATTENDANCE_COHORT_CANCELLED');
    if (session.status === 'cancelled') throw conflict('ATTENDANCE_SESSION_CANCELLED');
    const state = sessionState(session, cohort, clock());
    if (state.future)
      throw fieldErrors({
        sessionId: { key: 'attendance_session_in_future', params: { date: displayDate(session.date) } },
      });
    if (!state.inside)
      throw fieldErrors({
        sessionId: {
          key: 'attendance_session_outside_cohort',
          params: {
            date: displayDate(session.date),
            startDate: displayDate(cohort.start_date),
            endDate: displayDate(cohort.end_date),
          },
        },
      });
    if (state.locked)
      throw new AppError(409, 'ATTENDANCE_LOCKED', {
        params: { date: displayDate(session.date), lockedAt: displayDate(state.lockedAt) },
      });
    if (body.version !== session.version) throw conflict('ATTENDANCE_CHANGED');

    // The session's class: those allocated by its date. Someone allocated later was not in it.
    const joinedById = new Map(allocated.map((row) => [row.enrolment_id, row]));
    const inClass = allocated.filter((row) => joinedBy(row, session.date, cohort));
    const absences = new Map<string, { reason: AbsenceReason; note: string | null }>();
    const fields: Record<string, FieldError> = {};
    body.exceptions.forEach((exception, index) => {
      const note = exception.note?.trim() || null;
      const row = joinedById.get(exception.enrolmentId);
      if (!row) fields[`exceptions.${index}.enrolmentId`] = { key: 'attendance_not_allocated' };
      else if (!joinedBy(row, session.date, cohort))
        fields[`exceptions.${index}.enrolmentId`] = {
          key: 'attendance_allocated_after_session',
          params: {
            joinedOn: displayDate(row.joined_on as string),
            date: displayDate(session.date),
          },
        };
      else if (absences.has(exception.enrolmentId))
        fields[`exceptions.${index}.enrolmentId`] = { key: 'attendance_exception_duplicate' };
      if (exception.reason === 'other' && !note)
        fields[`exceptions.${index}.note`] = { key: 'attendance_note_required' };
      absences.set(exception.enrolmentId, { reason: exception.reason, note });
    });
    if (Object.keys(fields).length > 0) throw fieldErrors(fields);

    const marks = inClass.map((row) => {
      const absence = absences.get(row.enrolment_id);
      return {
        enrolmentId: row.enrolment_id,
        present: !absence,
        reason: absence?.reason ?? null,
        note: absence?.note ?? null,
      };
    });
    await upsertMarks(trx, {
      sessionId,
      organizationId: access.organizationId,
      recordedBy: ctx.principal.userId,
      marks,
    });
    await markSessionRecorded(trx, sessionId, ctx.principal.userId);
    const reasons: Partial<Record<AbsenceReason, number>> = {};
    for (const absence of absences.values()) reasons[absence.reason] = (reasons[absence.reason] ?? 0) + 1;
    await audit(trx, ctx, {
      action: 'attendance.recorded',
      ...auditSubject(access),
      details: {
        sessionId,
        date: session.date,
        present: marks.length - absences.size,
        absent: absences.size,
        reasons,
        again: session.attendance_recorded_at !== null,
        reopened: state.reopened,
      },
    });
  });
  return sessionView(db, access, sessionId);
}

function fieldErrors(fields: Record<string, FieldError>) {
  return new AppError(400, 'VALIDATION_FAILED', { fields });
}

/** A supervisor opens a locked session's attendance for 48 hours. */
export async function reopen(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  sessionId: string,
  body: ReopenAttendanceRequest,
) {
  const access = await cohortAccess(db, ctx, cohortId);
  if (!access.canReopenAttendance) throw forbidden();
  await db.transaction().execute(async (trx) => {
    if (!(await lockSession(trx, cohortId, sessionId))) throw notFound('ATTENDANCE_SESSION_NOT_FOUND');
    const [cohort, session] = await Promise.all([
      findCohort(trx, cohortId),
      findSession(trx, cohortId, sessionId),
    ]);
    if (!session) throw notFound('ATTENDANCE_SESSION_NOT_FOUND');
    if (cohort.status === 'cancelled') throw conflict('ATTENDANCE_COHORT_CANCELLED');
    if (session.status === 'cancelled') throw conflict('ATTENDANCE_SESSION_CANCELLED');
    const state = sessionState(session, cohort, clock());
    if (state.lockedAt >= clock().today)
      throw conflict('ATTENDANCE_NOT_LOCKED', { lockedAt: displayDate(state.lockedAt) });
    const until = await reopenSession(trx, sessionId, ctx.principal.userId, ATTENDANCE_REOPEN_HOURS);
    await audit(trx, ctx, {
      action: 'attendance.reopened',
      ...auditSubject(access),
      details: { sessionId, date: session.date, reason: body.reason, until: until.toISOString() },
    });
  });
  return (await sessionView(db, access, sessionId)).session;
}

/** The roster and attendance grid as XLSX (registration numbers left out for a partner's instructor). */
export async function exportXlsx(db: Db, ctx: RequestContext, cohortId: string) {
  const access = await cohortAccess(db, ctx, cohortId);
  const data = await loadGrid(db, access);
  const grid = presentGrid(data, access, clock());
  const buffer = await attendanceXlsx({
    grid,
    programName: data.cohort.program_name,
    withRegistrationNumbers: !access.instructorOnly,
  });
  await audit(db, ctx, {
    action: 'attendance.exported',
    ...auditSubject(access),
    details: { format: 'xlsx', shown: data.roster.map((row) => row.person_id) },
  });
  return {
    buffer,
    disposition: attachment(`absensi-${fileSlug(data.cohort.name)}.xlsx`, `Absensi ${data.cohort.name}.xlsx`),
  };
}

/** One session's printable attendance list (daftar hadir) as PDF. */
export async function exportDaftarHadir(db: Db, ctx: RequestContext, cohortId: string, sessionId: string) {
  const access = await cohortAccess(db, ctx, cohortId);
  const [cohort, session, roster, marks, organization] = await Promise.all([
    findCohort(db, cohortId),
    findSession(db, cohortId, sessionId),
    listRoster(db, cohortId, rosterStatuses(access)),
    listSessionMarks(db, sessionId),
    db
      .selectFrom('organization')
      .select(['name', 'kind', 'address'])
      .where('id', '=', access.organizationId)
      .executeTakeFirstOrThrow(),
  ]);
  if (!session) throw notFound('ATTENDANCE_SESSION_NOT_FOUND');
  const byEnrolment = new Map(marks.map((mark) => [mark.enrolment_id, mark]));
  const recorded = session.attendance_recorded_at !== null && session.status === 'scheduled';
  // Those allocated now who were allocated by the session's date, and whoever has a mark in this session
  // (she left later: the list is the record).
  const people = roster
    .filter(
      (row) =>
        byEnrolment.has(row.enrolment_id) ||
        (row.status !== 'deallocated' && joinedBy(row, session.date, cohort)),
    )
    .map((row) => {
      const mark = byEnrolment.get(row.enrolment_id);
      return {
        personId: row.person_id,
        fullName: row.full_name,
        registrationNumber: access.instructorOnly ? null : row.registration_number,
        mark: recorded && mark ? markOf(mark) : null,
      };
    });
  const buffer = await daftarHadirPdf({
    organization,
    programName: cohort.program_name,
    cohortName: cohort.name,
    session: {
      date: session.date,
      start: session.start_time,
      end: session.end_time,
      status: session.status,
      cancelReason: session.cancel_reason,
      recorded,
    },
    room: cohort.room,
    instructorName: cohort.instructor_name,
    withRegistrationNumbers: !access.instructorOnly,
    people,
  });
  await audit(db, ctx, {
    action: 'attendance.exported',
    ...auditSubject(access),
    details: { format: 'pdf', sessionId, shown: people.map((person) => person.personId) },
  });
  return {
    buffer,
    disposition: attachment(
      `daftar-hadir-${fileSlug(cohort.name)}-${session.date}.pdf`,
      `Daftar hadir ${cohort.name} ${displayDate(session.date).replaceAll('/', '-')}.pdf`,
    ),
  };
}

import {
  ATTENDANCE_LOCK_DAYS,
  type AttendanceGrid,
  type AttendanceMark,
  type AttendancePerson,
  type AttendanceSession,
} from '../../../../shared/attendance.ts';
import type { CohortAccess } from '../training.access.ts';
import type { CohortRow, MarkRow, RosterRow, SessionRow } from './attendance.repository.ts';

/** 'yyyy-mm-dd' plus `days` calendar days. */
export function addDays(isoDate: string, days: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** 'yyyy-mm-dd' as 'dd/mm/yyyy'. */
export function displayDate(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

export interface SessionState {
  /** The last day it can be recorded without a reopening. */
  lockedAt: string;
  /** Reopened by a supervisor and still open. */
  reopened: boolean;
  locked: boolean;
  future: boolean;
  /** Inside the cohort's dates. */
  inside: boolean;
}

/**
 * Where a session stands in the recording rules: it can be recorded from its date until 7 days after it,
 * or after the day it entered the system when that is later (a cohort entered once under way), or while a
 * supervisor's reopening lasts.
 */
export function sessionState(
  session: Pick<SessionRow, 'date' | 'reopened_until' | 'created_on'>,
  cohort: Pick<CohortRow, 'start_date' | 'end_date'>,
  clock: { today: string; now: Date },
): SessionState {
  // The later of the two 'yyyy-mm-dd' days.
  const from = [session.date, session.created_on].sort()[1] as string;
  const lockedAt = addDays(from, ATTENDANCE_LOCK_DAYS);
  const reopened = session.reopened_until !== null && session.reopened_until > clock.now;
  return {
    lockedAt,
    reopened,
    locked: lockedAt < clock.today && !reopened,
    future: session.date > clock.today,
    inside: session.date >= cohort.start_date && session.date <= cohort.end_date,
  };
}

/**
 * Is the session of this date hers? Only if she had joined the cohort by then: from the cohort's start
 * when allocated before it ran, or from the day she joined a running cohort.
 */
export function joinedBy(
  row: Pick<RosterRow, 'joined_on'>,
  date: string,
  cohort: Pick<CohortRow, 'start_date'>,
): boolean {
  return (row.joined_on ?? cohort.start_date) <= date;
}

/** May the caller record this session now? */
export function sessionEditable(
  session: Pick<SessionRow, 'status'>,
  state: SessionState,
  cohort: Pick<CohortRow, 'status'>,
  access: Pick<CohortAccess, 'canRecordAttendance'>,
): boolean {
  return (
    access.canRecordAttendance &&
    cohort.status !== 'cancelled' &&
    session.status === 'scheduled' &&
    !state.future &&
    state.inside &&
    !state.locked
  );
}

export function presentSession(
  row: SessionRow,
  context: {
    cohort: CohortRow;
    access: Pick<CohortAccess, 'canRecordAttendance' | 'canReopenAttendance'>;
    clock: { today: string; now: Date };
    counts: { present: number; absent: number } | null;
  },
): AttendanceSession {
  const state = sessionState(row, context.cohort, context.clock);
  const recorded = row.attendance_recorded_at !== null && row.status === 'scheduled';
  return {
    id: row.id,
    date: row.date,
    start: row.start_time,
    end: row.end_time,
    status: row.status,
    cancelReason: row.cancel_reason,
    recordedAt: row.attendance_recorded_at ? row.attendance_recorded_at.toISOString() : null,
    recordedByName: row.recorded_by_name,
    locked: state.locked,
    lockedAt: state.lockedAt,
    reopenedUntil: state.reopened && row.reopened_until ? row.reopened_until.toISOString() : null,
    editable: sessionEditable(row, state, context.cohort, context.access),
    reopenable:
      context.access.canReopenAttendance &&
      context.cohort.status !== 'cancelled' &&
      row.status === 'scheduled' &&
      state.lockedAt < context.clock.today,
    presentCount: recorded ? (context.counts?.present ?? 0) : null,
    absentCount: recorded ? (context.counts?.absent ?? 0) : null,
    version: row.version,
  };
}

export function markOf(row: Pick<MarkRow, 'present' | 'absence_reason' | 'note'>): AttendanceMark {
  if (row.present) return { present: true };
  return { present: false, reason: row.absence_reason ?? 'other', note: row.note };
}

const rate = (present: number, total: number) =>
  total === 0 ? null : Math.round((present / total) * 10_000) / 10_000;

export interface GridData {
  cohort: CohortRow;
  sessions: SessionRow[];
  roster: RosterRow[];
  marks: MarkRow[];
}

/**
 * The grid people × sessions, with rates: per person present / recorded marks, per cohort all present
 * marks / all marks of the people shown. Cancelled sessions count for nobody.
 */
export function presentGrid(
  data: GridData,
  access: CohortAccess,
  clock: { today: string; now: Date },
): AttendanceGrid {
  const sessionIndex = new Map<string, number>();
  data.sessions.forEach((session, index) => {
    if (session.status === 'scheduled') sessionIndex.set(session.id, index);
  });
  const personIndex = new Map<string, number>();
  data.roster.forEach((row, index) => {
    personIndex.set(row.enrolment_id, index);
  });
  const cells: (AttendanceMark | null)[][] = data.roster.map(() => data.sessions.map(() => null));
  const perPerson = data.roster.map(() => ({ present: 0, absent: 0 }));
  const perSession = data.sessions.map(() => ({ present: 0, absent: 0 }));
  for (const mark of data.marks) {
    const i = personIndex.get(mark.enrolment_id);
    const j = sessionIndex.get(mark.session_id);
    if (i === undefined || j === undefined) continue;
    (cells[i] as (AttendanceMark | null)[])[j] = markOf(mark);
    const person = perPerson[i] as { present: number; absent: number };
    const session = perSession[j] as { present: number; absent: number };
    if (mark.present) {
      person.present++;
      session.present++;
    } else {
      person.absent++;
      session.absent++;
    }
  }
  const people: AttendancePerson[] = data.roster.map((row, i) => {
    const counts = perPerson[i] as { present: number; absent: number };
    return {
      enrolmentId: row.enrolment_id,
      // A partner's instructor sees names, not the prison's person ids.
      personId: access.instructorOnly ? null : row.person_id,
      fullName: row.full_name,
      registrationNumber: access.instructorOnly ? null : row.registration_number,
      status: row.status,
      joinedOn: row.joined_on,
      attendanceRate: rate(counts.present, counts.present + counts.absent),
      present: counts.present,
      absent: counts.absent,
    };
  });
  const totalPresent = people.reduce((sum, person) => sum + person.present, 0);
  const totalAbsent = people.reduce((sum, person) => sum + person.absent, 0);
  return {
    cohort: {
      id: data.cohort.id,
      name: data.cohort.name,
      status: data.cohort.status,
      startDate: data.cohort.start_date,
      endDate: data.cohort.end_date,
    },
    today: clock.today,
    canRecord: access.canRecordAttendance,
    canReopen: access.canReopenAttendance,
    sessions: data.sessions.map((row, j) =>
      presentSession(row, { cohort: data.cohort, access, clock, counts: perSession[j] ?? null }),
    ),
    people,
    cells,
    cohortRate: rate(totalPresent, totalPresent + totalAbsent),
  };
}

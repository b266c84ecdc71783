import {
  type AbsenceReason,
  ATTENDANCE_CODES,
  type AttendanceGrid,
  type AttendanceMark,
  type AttendancePerson,
  type AttendanceSession,
  type RecordAttendanceRequest,
} from '../../../../shared/attendance.ts';

// Pure helpers of the attendance tab: what the grid shows, which session to record, the exceptions sent.

/** What one cell of the grid shows. */
export type CellKind = 'present' | AbsenceReason | 'blank' | 'cancelled';

export interface GridCell {
  kind: CellKind;
  /** The letter of the sheet (H, S, I, P, A, L) or '' when nothing is recorded. */
  code: string;
  note: string | null;
}

export interface GridRow {
  person: AttendancePerson;
  cells: GridCell[];
}

/** One cell from its mark; a cancelled session's cell is greyed whatever was recorded. */
export function toCell(mark: AttendanceMark | null | undefined, session: AttendanceSession): GridCell {
  if (session.status === 'cancelled') return { kind: 'cancelled', code: '', note: null };
  if (!mark) return { kind: 'blank', code: '', note: null };
  if (mark.present) return { kind: 'present', code: ATTENDANCE_CODES.present, note: null };
  return { kind: mark.reason, code: ATTENDANCE_CODES[mark.reason], note: mark.note };
}

/** The grid as rows of people, each with one cell per session (in the sessions' order). */
export function gridRows(grid: AttendanceGrid): GridRow[] {
  return grid.people.map((person, i) => ({
    person,
    cells: grid.sessions.map((session, j) => toCell(grid.cells[i]?.[j], session)),
  }));
}

/** Sessions that can be recorded now, newest first. */
export function recordableSessions(sessions: readonly AttendanceSession[]): AttendanceSession[] {
  return sessions.filter((session) => session.editable).sort(compareNewestFirst);
}

function compareNewestFirst(a: AttendanceSession, b: AttendanceSession): number {
  if (a.date !== b.date) return a.date < b.date ? 1 : -1;
  return a.start < b.start ? 1 : a.start > b.start ? -1 : 0;
}

/**
 * The session "Catat absensi" opens: the most recent session that can be recorded and is not recorded yet;
 * when all are recorded, the most recent one that can still be corrected; null when none can be recorded.
 */
export function defaultSession(sessions: readonly AttendanceSession[]): AttendanceSession | null {
  const recordable = recordableSessions(sessions);
  return recordable.find((session) => session.recordedAt === null) ?? recordable[0] ?? null;
}

/** Index of the column to bring into view first: the last session on or before today (else the first). */
export function focusColumn(sessions: readonly AttendanceSession[], today: string): number {
  let index = 0;
  sessions.forEach((session, i) => {
    if (session.date <= today) index = i;
  });
  return index;
}

/**
 * Who is on the session's list: the people allocated to the cohort now, or who completed it (a completed
 * cohort's last sessions can still be corrected); not those who left it, nor those allocated only after
 * the session's date (the server leaves them unmarked and refuses to name them).
 */
export function recordablePeople(
  people: readonly AttendancePerson[],
  session: Pick<AttendanceSession, 'date'> | undefined,
): AttendancePerson[] {
  return people.filter(
    (person) =>
      person.status !== 'deallocated' &&
      (!session || person.joinedOn === null || person.joinedOn <= session.date),
  );
}

/** One absentee on the form: the reason is chosen after tapping her name. */
export interface Absence {
  reason: AbsenceReason | null;
  note: string;
}
export type Absences = Record<string, Absence>;

/** The absences already recorded for a session (by enrolment), to correct a recorded session. */
export function recordedAbsences(grid: AttendanceGrid, sessionId: string): Absences {
  const column = grid.sessions.findIndex((session) => session.id === sessionId);
  const absences: Absences = {};
  if (column < 0) return absences;
  grid.people.forEach((person, i) => {
    const mark = grid.cells[i]?.[column];
    if (mark && !mark.present) absences[person.enrolmentId] = { reason: mark.reason, note: mark.note ?? '' };
  });
  return absences;
}

/** "18 hadir, 2 tidak hadir": everyone listed is present unless marked absent. */
export function countMarks(
  people: readonly Pick<AttendancePerson, 'enrolmentId'>[],
  absences: Absences,
): { present: number; absent: number } {
  const absent = people.filter((person) => absences[person.enrolmentId] !== undefined).length;
  return { present: people.length - absent, absent };
}

export type AbsenceError = 'reason' | 'note';

/**
 * The request body's exceptions, in the list's order, or the problems per enrolment: a reason must be
 * chosen, and "other" needs a note. `order` maps the exception index back to the enrolment (for the
 * server's `exceptions.3.note` errors).
 */
export function buildExceptions(
  people: readonly Pick<AttendancePerson, 'enrolmentId'>[],
  absences: Absences,
):
  | { ok: true; exceptions: RecordAttendanceRequest['exceptions']; order: string[] }
  | { ok: false; errors: Record<string, AbsenceError> } {
  const exceptions: RecordAttendanceRequest['exceptions'] = [];
  const order: string[] = [];
  const errors: Record<string, AbsenceError> = {};
  for (const { enrolmentId } of people) {
    const absence = absences[enrolmentId];
    if (!absence) continue;
    const note = absence.note.trim();
    if (!absence.reason) errors[enrolmentId] = 'reason';
    else if (absence.reason === 'other' && !note) errors[enrolmentId] = 'note';
    else {
      exceptions.push({ enrolmentId, reason: absence.reason, note: note || null });
      order.push(enrolmentId);
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, exceptions, order };
}

/**
 * The server's field errors on `exceptions.N.field`, moved onto the enrolment of exception N; anything
 * else (e.g. on the session) is returned under `rest`.
 */
export function exceptionErrors(
  fields: Record<string, string> | undefined,
  order: readonly string[],
): { byEnrolment: Record<string, string>; rest: string[] } {
  const byEnrolment: Record<string, string> = {};
  const rest: string[] = [];
  for (const [path, message] of Object.entries(fields ?? {})) {
    const match = /^exceptions\.(\d+)(\.|$)/.exec(path);
    const enrolmentId = match ? order[Number(match[1])] : undefined;
    if (enrolmentId) byEnrolment[enrolmentId] = message;
    else rest.push(message);
  }
  return { byEnrolment, rest };
}

/** ISO weekday (1 = Monday … 7 = Sunday) of a `yyyy-mm-dd` date, without time-zone shifts. */
export function isoWeekday(date: string): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

/** `dd/mm` of a `yyyy-mm-dd` date: the column heading (the year is in the session's full label). */
export function dayMonth(date: string): string {
  const [, month, day] = date.split('-');
  return `${day}/${month}`;
}

/** 0.923 → "92%" (id) / "92%" (en); null → null. Whole percents: a register does not need decimals. */
export function formatRate(rate: number | null, language: string): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(language === 'en' ? 'en-GB' : 'id-ID', {
    style: 'percent',
    maximumFractionDigits: 0,
  }).format(rate);
}

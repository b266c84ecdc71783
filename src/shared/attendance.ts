import { z } from 'zod';

/** Why someone allocated to a cohort missed a session; labels in the web's i18n (attendance.reason.*). */
export const ABSENCE_REASONS = ['sick', 'family_visit', 'court', 'refused', 'other'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

/** A session's attendance can be recorded or changed until this many days after its date. */
export const ATTENDANCE_LOCK_DAYS = 7;
/** A supervisor's reopening of a locked session lasts this long. */
export const ATTENDANCE_REOPEN_HOURS = 48;

/**
 * The letter codes of the attendance sheet (XLSX and the grid), as Indonesian registers use them:
 * H hadir, S sakit, I izin (family visit), P persidangan (court), A alpa (refused), L lainnya (other).
 */
export const ATTENDANCE_CODES = {
  present: 'H',
  sick: 'S',
  family_visit: 'I',
  court: 'P',
  refused: 'A',
  other: 'L',
} as const satisfies Record<'present' | AbsenceReason, string>;

/** Enrolment statuses that appear on a cohort's attendance and results (deallocated: kept for history). */
export const ROSTER_STATUSES = ['allocated', 'completed', 'deallocated'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

export const CohortIdParams = z.strictObject({ cohortId: z.uuid() });
export const SessionParams = z.strictObject({ cohortId: z.uuid(), sessionId: z.uuid() });

/** One session as a column of the grid. */
export const AttendanceSession = z
  .object({
    id: z.uuid(),
    date: z.iso.date(),
    /** 'HH:MM' */
    start: z.string(),
    end: z.string(),
    status: z.enum(['scheduled', 'cancelled']),
    cancelReason: z.string().nullable(),
    /** When attendance was last recorded, null when never. */
    recordedAt: z.iso.datetime({ offset: true }).nullable(),
    recordedByName: z.string().nullable(),
    /** The session is past its recording window and not reopened. */
    locked: z.boolean(),
    /** The last day attendance can be recorded without a reopening (date + 7 days); it locks after it. */
    lockedAt: z.iso.date(),
    /** Reopened by a supervisor until this moment (only while in the future), else null. */
    reopenedUntil: z.iso.datetime({ offset: true }).nullable(),
    /** The caller may record this session now (permission, not cancelled, not in the future, not locked). */
    editable: z.boolean(),
    /** The caller may reopen it (a supervisor, and it is locked). */
    reopenable: z.boolean(),
    /** Present and absent marks recorded (null when not recorded). */
    presentCount: z.number().int().nullable(),
    absentCount: z.number().int().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'AttendanceSession' });
export type AttendanceSession = z.infer<typeof AttendanceSession>;

/** One person as a row of the grid. */
export const AttendancePerson = z.object({
  /** The row's key (a person has one enrolment per cohort). */
  enrolmentId: z.uuid(),
  /** Null for a cohort's instructor from outside the prison: she sees names, not the prison's records. */
  personId: z.uuid().nullable(),
  fullName: z.string(),
  /** Null for a cohort's instructor from outside the prison. */
  registrationNumber: z.string().nullable(),
  status: z.enum(ROSTER_STATUSES),
  /**
   * The day she joined a cohort already running: only sessions on or after it are hers (earlier ones stay
   * unmarked for her). Null: she counts from the cohort's start (allocated before it ran).
   */
  joinedOn: z.iso.date().nullable(),
  /** Present marks / recorded marks, 0–1; null before anything is recorded for her. */
  attendanceRate: z.number().nullable(),
  present: z.number().int(),
  absent: z.number().int(),
});
export type AttendancePerson = z.infer<typeof AttendancePerson>;

export const AttendanceMark = z.union([
  z.object({ present: z.literal(true) }),
  z.object({ present: z.literal(false), reason: z.enum(ABSENCE_REASONS), note: z.string().nullable() }),
]);
export type AttendanceMark = z.infer<typeof AttendanceMark>;

/** GET /api/training/cohorts/:cohortId/attendance */
export const AttendanceGrid = z
  .object({
    cohort: z.object({
      id: z.uuid(),
      name: z.string(),
      status: z.enum(['planned', 'enrolling', 'running', 'completed', 'cancelled']),
      startDate: z.iso.date(),
      endDate: z.iso.date(),
    }),
    /** Today in the program's calendar (Asia/Jakarta): sessions after it cannot be recorded yet. */
    today: z.iso.date(),
    /** The caller may record attendance of this cohort (manager or its instructor). */
    canRecord: z.boolean(),
    /** The caller may reopen locked sessions (a supervisor). */
    canReopen: z.boolean(),
    /** Date order (then start time). */
    sessions: z.array(AttendanceSession),
    /** Name order; a partner's instructor does not see those deallocated (the prison does, for history). */
    people: z.array(AttendancePerson),
    /** cells[i][j]: people[i] at sessions[j]; null when not recorded (or cancelled). */
    cells: z.array(z.array(AttendanceMark.nullable())),
    /** All present marks / all marks of the people shown, 0–1; null when none. */
    cohortRate: z.number().nullable(),
  })
  .meta({ id: 'AttendanceGrid' });
export type AttendanceGrid = z.infer<typeof AttendanceGrid>;

/**
 * PUT /api/training/cohorts/:cohortId/sessions/:sessionId/attendance: the whole session in one request.
 * Everyone allocated on or before the session's date is present except the exceptions (those allocated
 * later stay unmarked, and naming one is refused). Recording again replaces the session's marks.
 */
export const RecordAttendanceRequest = z.strictObject({
  exceptions: z
    .array(
      z.strictObject({
        enrolmentId: z.uuid(),
        reason: z.enum(ABSENCE_REASONS),
        /** Required when the reason is 'other'. */
        note: z.string().trim().max(500).nullable().optional(),
      }),
    )
    .max(500),
  /** The session's version read (from the grid); a stale one is refused with 409 ATTENDANCE_CHANGED. */
  version: z.number().int().min(1),
});
export type RecordAttendanceRequest = z.input<typeof RecordAttendanceRequest>;

/** The recorded session (its column of the grid, as a list of marks). */
export const SessionAttendance = z
  .object({
    session: AttendanceSession,
    marks: z.array(
      z.object({
        enrolmentId: z.uuid(),
        /** Null for a cohort's instructor from outside the prison. */
        personId: z.uuid().nullable(),
        fullName: z.string(),
        present: z.boolean(),
        reason: z.enum(ABSENCE_REASONS).nullable(),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'SessionAttendance' });
export type SessionAttendance = z.infer<typeof SessionAttendance>;

/** POST /api/training/cohorts/:cohortId/sessions/:sessionId/reopen (a supervisor): open it for 48 hours. */
export const ReopenAttendanceRequest = z.strictObject({
  reason: z.string().trim().min(1).max(500),
});
export type ReopenAttendanceRequest = z.input<typeof ReopenAttendanceRequest>;

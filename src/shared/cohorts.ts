import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';

// Cohorts (angkatan) of a training program and their sessions. Labels of the vocabularies live in the
// web's i18n (cohorts.*).

/** planned → enrolling → running → completed; any open status → cancelled (with a reason). */
export const COHORT_STATUSES = ['planned', 'enrolling', 'running', 'completed', 'cancelled'] as const;
export type CohortStatus = (typeof COHORT_STATUSES)[number];
/** A new cohort starts in one of these. */
export const COHORT_INITIAL_STATUSES = ['planned', 'enrolling'] as const;
/** Statuses in which the cohort can still be edited, its sessions changed and people allocated. */
export const COHORT_OPEN_STATUSES = ['planned', 'enrolling', 'running'] as const;
/** The statuses a cohort may move to from each status (cancelling needs a reason). */
export const COHORT_TRANSITIONS: Record<CohortStatus, readonly CohortStatus[]> = {
  planned: ['enrolling', 'running', 'cancelled'],
  enrolling: ['running', 'cancelled'],
  running: ['completed', 'cancelled'],
  completed: [],
  cancelled: [],
};
/** The longest cohort, in days from start to end: a mistyped year would otherwise create years of sessions. */
export const COHORT_MAX_DAYS = 731;
export const SESSION_STATUSES = ['scheduled', 'cancelled'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

const isoDate = CalendarDate;
/** A time of day, 'HH:MM' (24 hours). */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** One weekly slot: ISO weekday (1 = Monday … 7 = Sunday) and a time range. */
export const ScheduleSlot = z.object({
  weekday: z.number().int().min(1).max(7),
  start: TimeOfDay,
  end: TimeOfDay,
});
export type ScheduleSlot = z.infer<typeof ScheduleSlot>;
// An empty schedule is refused by the service with a field error on `schedule` (a clearer message).
const schedule = z.array(ScheduleSlot.strict()).max(14);

export const CohortParams = z.strictObject({ cohortId: z.uuid() });
export const SessionParams = z.strictObject({ cohortId: z.uuid(), sessionId: z.uuid() });

// ── GET /api/training/cohorts ──
export const CohortListQuery = PageQuery.extend({
  programId: z.uuid().optional(),
  status: z.enum(COHORT_STATUSES).optional(),
  /** Part of the cohort's or the program's name. */
  q: z.string().trim().max(100).optional(),
}).strict();
/** What the web sends (every filter optional). */
export type CohortListQuery = Partial<z.infer<typeof CohortListQuery>>;

export const NextSession = z.object({ date: isoDate, start: z.string(), end: z.string() });
export type NextSession = z.infer<typeof NextSession>;

export const CohortListItem = z
  .object({
    id: z.uuid(),
    name: z.string(),
    programId: z.uuid(),
    programName: z.string(),
    startDate: isoDate,
    endDate: isoDate,
    status: z.enum(COHORT_STATUSES),
    capacity: z.number().int(),
    /** People allocated now (status allocated). */
    allocated: z.number().int(),
    /** People who completed it (after completion the allocated ones become completed). */
    completed: z.number().int(),
    instructorName: z.string().nullable(),
    room: z.string().nullable(),
    /** The next scheduled (not cancelled) session from today on, or null. */
    nextSession: NextSession.nullable(),
  })
  .meta({ id: 'CohortListItem' });
export type CohortListItem = z.infer<typeof CohortListItem>;
export const CohortList = pageOf(CohortListItem);
export type CohortList = z.infer<typeof CohortList>;

// ── GET /api/training/cohorts/:cohortId ──
export const CohortAccessFlags = z.object({
  canManage: z.boolean(),
  canRecordAttendance: z.boolean(),
  canReopenAttendance: z.boolean(),
  /** She sees the cohort only as its instructor: roster names, schedule and attendance. */
  instructorOnly: z.boolean(),
});
export type CohortAccessFlags = z.infer<typeof CohortAccessFlags>;

export const Cohort = z
  .object({
    id: z.uuid(),
    name: z.string(),
    program: z.object({
      id: z.uuid(),
      name: z.string(),
      sessionsCount: z.number().int(),
      hoursTotal: z.number(),
      certification: z.enum(['none', 'lsp_bnsp', 'provider']),
      /** Number of competency units. */
      units: z.number().int(),
    }),
    startDate: isoDate,
    endDate: isoDate,
    schedule: z.array(ScheduleSlot),
    room: z.string().nullable(),
    instructor: z.object({ userId: z.uuid().nullable(), name: z.string().nullable() }),
    capacity: z.number().int(),
    /** People allocated now (status allocated). */
    allocated: z.number().int(),
    /** People who completed this cohort (after completion the allocated ones become completed). */
    completed: z.number().int(),
    /** Open requests of the program not yet allocated (pending + approved). */
    waitlist: z.number().int(),
    status: z.enum(COHORT_STATUSES),
    statusReason: z.string().nullable(),
    completedOn: isoDate.nullable(),
    /** Sessions not cancelled. */
    sessionsTotal: z.number().int(),
    sessionsCancelled: z.number().int(),
    access: CohortAccessFlags,
    version: z.number().int(),
  })
  .meta({ id: 'Cohort' });
export type Cohort = z.infer<typeof Cohort>;

// ── POST /api/training/cohorts ──
export const CreateCohortRequest = z.strictObject({
  programId: z.uuid(),
  name: text(150),
  startDate: isoDate,
  endDate: isoDate,
  schedule,
  room: optionalText(100),
  /** A user of the prison or of the program's provider partner; or null with a free instructorName. */
  instructorUserId: z.uuid().nullable().optional(),
  instructorName: optionalText(150),
  /** Defaults to the program's default capacity. */
  capacity: z.number().int().min(1).max(1000).optional(),
  status: z.enum(COHORT_INITIAL_STATUSES).default('planned'),
});
export type CreateCohortRequest = z.input<typeof CreateCohortRequest>;

// ── PATCH /api/training/cohorts/:cohortId ──
export const UpdateCohortRequest = z.strictObject({
  name: text(150).optional(),
  startDate: isoDate.optional(),
  endDate: isoDate.optional(),
  schedule: schedule.optional(),
  room: optionalText(100),
  instructorUserId: z.uuid().nullable().optional(),
  instructorName: optionalText(150),
  capacity: z.number().int().min(1).max(1000).optional(),
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateCohortRequest = z.input<typeof UpdateCohortRequest>;

// ── POST /api/training/cohorts/:cohortId/status ──
export const CohortStatusRequest = z.strictObject({
  status: z.enum(['enrolling', 'running', 'completed', 'cancelled']),
  /** Required to cancel. */
  reason: optionalText(500),
  version: z.number().int().min(1),
});
export type CohortStatusRequest = z.input<typeof CohortStatusRequest>;

// ── GET /api/training/cohorts/:cohortId/sessions ──
export const Session = z
  .object({
    id: z.uuid(),
    date: isoDate,
    start: z.string(),
    end: z.string(),
    status: z.enum(SESSION_STATUSES),
    cancelReason: z.string().nullable(),
    attendanceRecordedAt: z.iso.datetime({ offset: true }).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'TrainingSession' });
export type Session = z.infer<typeof Session>;
export const SessionList = z.array(Session);
export type SessionList = z.infer<typeof SessionList>;

// ── POST /api/training/cohorts/:cohortId/sessions ──
export const AddSessionRequest = z.strictObject({ date: isoDate, start: TimeOfDay, end: TimeOfDay });
export type AddSessionRequest = z.input<typeof AddSessionRequest>;

// ── POST /api/training/cohorts/:cohortId/sessions/:sessionId/cancel ──
export const CancelSessionRequest = z.strictObject({
  reason: text(500),
  version: z.number().int().min(1),
});
export type CancelSessionRequest = z.input<typeof CancelSessionRequest>;

// ── GET /api/training/cohorts/:cohortId/roster ──
export const RosterEntry = z
  .object({
    enrolmentId: z.uuid(),
    /** Null for a partner's instructor (she sees names only, not whose record it is). */
    personId: z.uuid().nullable(),
    fullName: z.string(),
    /** Null for a partner's instructor (she sees names only). */
    registrationNumber: z.string().nullable(),
    /** allocated, completed or deallocated. */
    status: z.enum(['allocated', 'completed', 'deallocated']),
    endReason: z.string().nullable(),
    allocatedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Present / recorded sessions (0..1), null when no attendance was recorded yet. */
    attendanceRate: z.number().nullable(),
    /** The enrolment's version, sent back when deallocating her. */
    version: z.number().int(),
  })
  .meta({ id: 'RosterEntry' });
export type RosterEntry = z.infer<typeof RosterEntry>;
export const Roster = z.array(RosterEntry);
export type Roster = z.infer<typeof Roster>;

import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';
import { addDays, addMonths } from './dates.ts';

// Supervision (bimbingan) of a Bapas client after release (issue 7, ADR 013). A client is derived, never
// stored: a person with an accepted handover to the Bapas whose release (released_on, else release_date) is
// today or past, who has not returned to custody and whose supervision_end_date (if any) is not past. Her
// PK is handover.officer_user_id. One recurring schedule per client (next_due_on kept by the service), the
// sessions held / excused / missed, and the escalation ladder after missed sessions (reminder → warning →
// report_to_head, the Bapas heads notified).
// Access: a PK (read/record:supervision:own) her caseload only; the Bapas head (…:organization) every
// client of her Bapas; everyone else 403 (no permission) or 404 (not in her reach).

export const SUPERVISION_KINDS = [
  'reporting_visit',
  'home_visit',
  'workplace_visit',
  'group_guidance',
] as const;
export type SupervisionKind = (typeof SUPERVISION_KINDS)[number];

export const SUPERVISION_INTERVALS = ['weekly', 'biweekly', 'monthly'] as const;
export type SupervisionInterval = (typeof SUPERVISION_INTERVALS)[number];

/** Where a session took place: a reporting visit is at the Bapas or a reporting post (pos lapor). */
export const SUPERVISION_PLACE_KINDS = ['bapas', 'reporting_post', 'home', 'workplace', 'other'] as const;
export type SupervisionPlaceKind = (typeof SUPERVISION_PLACE_KINDS)[number];

export const SESSION_OUTCOMES = ['attended', 'excused', 'missed'] as const;
export type SessionOutcome = (typeof SESSION_OUTCOMES)[number];

/** In order: 1 consecutive missed session → reminder, 2 → warning, 3 or more → report_to_head. */
export const ESCALATION_LEVELS = ['reminder', 'warning', 'report_to_head'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

/**
 * Where her case stands for the Bapas: awaiting_release (accepted, not yet out: a schedule may be prepared,
 * no session recorded), active (a client: sessions recorded), ended (returned to custody, her supervision
 * term over — supervision_end_date past — or the schedule ended).
 */
/**
 * not_client: a person the caller may see (a Bapas's linked person) who is not a client in her scope (no
 * accepted handover to her Bapas, or not her own client for a PK); the rest of the answer is empty.
 */
export const SUPERVISION_STATES = ['awaiting_release', 'active', 'ended', 'not_client'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

export const CASELOAD_SCOPES = ['own', 'organization'] as const;
export type CaseloadScope = (typeof CASELOAD_SCOPES)[number];

/**
 * Caseload filters: overdue (next_due_on < today), due_soon (today ≤ next_due_on ≤ today + 7),
 * escalated (an unresolved escalation), no_schedule (a client without an active schedule).
 */
export const CASELOAD_STATUSES = ['overdue', 'due_soon', 'escalated', 'no_schedule'] as const;
export type CaseloadStatus = (typeof CASELOAD_STATUSES)[number];

export const CASELOAD_SORTS = ['next_due', 'name', 'released_on', 'last_session'] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

/** Days ahead that count as "due soon" (the caseload filter and the tasks' visit_due). */
export const VISIT_DUE_SOON_DAYS = 7;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const requiredText = (max: number) => z.string().trim().min(1).max(max);

const Named = z.object({ id: z.uuid(), name: z.string() });

export const SupervisionPersonParams = z.strictObject({ personId: z.uuid() });
export const SupervisionSessionParams = z.strictObject({ personId: z.uuid(), sessionId: z.uuid() });
export const EscalationParams = z.strictObject({ escalationId: z.uuid() });

// ── GET /api/supervision/caseload ──
export const CaseloadQuery = z.strictObject({
  /**
   * own: clients whose PK is the caller; organization: every client of the caller's Bapas (needs
   * read:supervision:organization, else 403). Default: organization for a Bapas head, own otherwise.
   */
  scope: z.enum(CASELOAD_SCOPES).optional(),
  status: z.enum(CASELOAD_STATUSES).optional(),
  /** Name or registration number (contains, case-insensitive). */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(CASELOAD_SORTS).default('next_due'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...PageQuery.shape,
});
export type CaseloadQuery = z.input<typeof CaseloadQuery>;

export const CaseloadClient = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    registrationNumber: z.string().nullable(),
    /** Her release: the recorded released_on, else the expected release_date. */
    releasedOn: z.iso.date(),
    supervisionEndDate: z.iso.date().nullable(),
    /** Her PK (null only if the handover has none). */
    officer: Named.nullable(),
    /** Her active schedule; null when none yet. */
    schedule: z
      .object({
        kind: z.enum(SUPERVISION_KINDS),
        interval: z.enum(SUPERVISION_INTERVALS),
        nextDueOn: z.iso.date().nullable(),
      })
      .nullable(),
    /** Days past next_due_on (0 when not overdue); null without a schedule. */
    overdueDays: z.number().int().nullable(),
    lastSession: z.object({ heldOn: z.iso.date(), outcome: z.enum(SESSION_OUTCOMES) }).nullable(),
    /** The highest unresolved escalation level, null when none. */
    openEscalation: z.enum(ESCALATION_LEVELS).nullable(),
  })
  .meta({ id: 'CaseloadClient' });
export type CaseloadClient = z.infer<typeof CaseloadClient>;

export const CaseloadResponse = pageOf(CaseloadClient)
  .extend({
    /** The scope the list was made with (the default resolved). */
    scope: z.enum(CASELOAD_SCOPES),
    /** The caller may list her whole Bapas (scope=organization). */
    canReadOrganization: z.boolean(),
  })
  .meta({ id: 'CaseloadResponse' });
export type CaseloadResponse = z.infer<typeof CaseloadResponse>;

// ── GET /api/people/:personId/supervision ──
export const SupervisionSchedule = z
  .object({
    kind: z.enum(SUPERVISION_KINDS),
    interval: z.enum(SUPERVISION_INTERVALS),
    place: z.string().nullable(),
    startsOn: z.iso.date(),
    /** (latest attended/excused session's held_on, or startsOn if none) + interval; missed ones do not move it. */
    nextDueOn: z.iso.date().nullable(),
    /** Days past nextDueOn (0 when not overdue or ended). */
    overdueDays: z.number().int(),
    active: z.boolean(),
    endedOn: z.iso.date().nullable(),
    /** 'returned' (return to custody) or free text. */
    endedReason: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'SupervisionSchedule' });
export type SupervisionSchedule = z.infer<typeof SupervisionSchedule>;

export const SupervisionSession = z
  .object({
    id: z.uuid(),
    kind: z.enum(SUPERVISION_KINDS),
    placeKind: z.enum(SUPERVISION_PLACE_KINDS),
    place: z.string().nullable(),
    /** The due date the session answered (optional). */
    dueOn: z.iso.date().nullable(),
    heldOn: z.iso.date(),
    outcome: z.enum(SESSION_OUTCOMES),
    notes: z.string().nullable(),
    nextSteps: z.string().nullable(),
    clientKey: z.uuid().nullable(),
    /** The PK of the case when recorded. */
    officer: Named.nullable(),
    recordedBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'SupervisionSession' });
export type SupervisionSession = z.infer<typeof SupervisionSession>;

export const SupervisionEscalation = z
  .object({
    id: z.uuid(),
    level: z.enum(ESCALATION_LEVELS),
    /** The missed session that caused it (automatic); null for a manual escalation. */
    sessionId: z.uuid().nullable(),
    automatic: z.boolean(),
    note: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    resolvedAt: z.iso.datetime({ offset: true }).nullable(),
    resolvedBy: z.string().nullable(),
    resolutionNote: z.string().nullable(),
  })
  .meta({ id: 'SupervisionEscalation' });
export type SupervisionEscalation = z.infer<typeof SupervisionEscalation>;

export const PersonSupervision = z
  .object({
    personId: z.uuid(),
    displayName: z.string(),
    registrationNumber: z.string().nullable(),
    state: z.enum(SUPERVISION_STATES),
    /** Her release (released_on, else release_date); sessions before it are refused. */
    releasedOn: z.iso.date().nullable(),
    supervisionEndDate: z.iso.date().nullable(),
    /** The Bapas of her case and her PK (null when not_client). */
    organization: Named.nullable(),
    officer: Named.nullable(),
    handoverId: z.uuid().nullable(),
    schedule: SupervisionSchedule.nullable(),
    /** Newest first (held_on, then created). */
    sessions: z.array(SupervisionSession),
    /** Newest first; open ones have resolvedAt null. */
    escalations: z.array(SupervisionEscalation),
    /** Consecutive missed sessions since the last attended/excused one. */
    consecutiveMissed: z.number().int(),
    /** The level a manual escalation would create now; null when report_to_head is already open. */
    nextEscalationLevel: z.enum(ESCALATION_LEVELS).nullable(),
    /** The caller may record sessions, edit the schedule, escalate and resolve (state active; schedule also awaiting_release). */
    canRecord: z.boolean(),
  })
  .meta({ id: 'PersonSupervision' });
export type PersonSupervision = z.infer<typeof PersonSupervision>;

// ── PUT /api/people/:personId/supervision/schedule ──
export const SaveScheduleRequest = z.strictObject({
  kind: z.enum(SUPERVISION_KINDS).default('reporting_visit'),
  interval: z.enum(SUPERVISION_INTERVALS).default('monthly'),
  place: optionalText(200),
  /** Default: her release date. */
  startsOn: CalendarDate.optional(),
  /** 0 to create; else the schedule's version (409 SUPERVISION_CHANGED when stale). */
  version: z.number().int().min(0),
});
export type SaveScheduleRequest = z.input<typeof SaveScheduleRequest>;

// ── POST /api/people/:personId/supervision/sessions ──
export const RecordSessionRequest = z.strictObject({
  /** The browser's uuid for this visit: a resend with the same key answers 200 with the stored session. */
  clientKey: z.uuid(),
  kind: z.enum(SUPERVISION_KINDS),
  placeKind: z.enum(SUPERVISION_PLACE_KINDS),
  place: optionalText(200),
  dueOn: CalendarDate.nullable().optional(),
  /**
   * Field errors (key): before her release → visit_before_release; in the future → visit_in_future (any
   * outcome: a missed session is recorded on or after its day too).
   */
  heldOn: CalendarDate,
  outcome: z.enum(SESSION_OUTCOMES),
  notes: optionalText(4000),
  nextSteps: optionalText(2000),
});
export type RecordSessionRequest = z.input<typeof RecordSessionRequest>;

/** The answer of recording or changing a session: the session, the schedule after it, the escalation it caused. */
export const RecordSessionResponse = z
  .object({
    session: SupervisionSession,
    schedule: SupervisionSchedule.nullable(),
    /** The automatic escalation this (missed) session caused; null otherwise or on a replayed clientKey. */
    escalation: SupervisionEscalation.nullable(),
    /** true when the clientKey had already been recorded (nothing changed; HTTP 200 instead of 201). */
    replayed: z.boolean(),
  })
  .meta({ id: 'RecordSessionResponse' });
export type RecordSessionResponse = z.infer<typeof RecordSessionResponse>;

// ── PATCH /api/people/:personId/supervision/sessions/:sessionId ──
export const UpdateSessionRequest = z.strictObject({
  kind: z.enum(SUPERVISION_KINDS).optional(),
  placeKind: z.enum(SUPERVISION_PLACE_KINDS).optional(),
  place: optionalText(200),
  dueOn: CalendarDate.nullable().optional(),
  heldOn: CalendarDate.optional(),
  outcome: z.enum(SESSION_OUTCOMES).optional(),
  notes: optionalText(4000),
  nextSteps: optionalText(2000),
  version: z.number().int().min(1),
});
export type UpdateSessionRequest = z.input<typeof UpdateSessionRequest>;

// ── POST /api/people/:personId/supervision/escalations ──
export const EscalateRequest = z.strictObject({
  /** Why (required). The level is the next one after the highest open escalation. */
  note: requiredText(1000),
});
export type EscalateRequest = z.input<typeof EscalateRequest>;

// ── POST /api/supervision/escalations/:escalationId/resolve ──
export const ResolveEscalationRequest = z.strictObject({
  note: requiredText(1000),
});
export type ResolveEscalationRequest = z.input<typeof ResolveEscalationRequest>;

// ── Date rules (shared so the web can preview them) ──

/** One interval after `date`: 7 days, 14 days or one calendar month. */
export function afterInterval(date: string, interval: SupervisionInterval): string {
  if (interval === 'weekly') return addDays(date, 7);
  if (interval === 'biweekly') return addDays(date, 14);
  return addMonths(date, 1);
}

/**
 * The next due date of a schedule: one interval after the latest attended or excused session, or after
 * the start when there is none since the start (a missed session never moves it).
 */
export function nextDueOn(
  startsOn: string,
  interval: SupervisionInterval,
  lastKeptOn: string | null,
): string {
  const base = lastKeptOn && lastKeptOn > startsOn ? lastKeptOn : startsOn;
  return afterInterval(base, interval);
}

/** The escalation level for a run of consecutive missed sessions (0: none). */
export function escalationLevelFor(consecutiveMissed: number): EscalationLevel | null {
  if (consecutiveMissed <= 0) return null;
  if (consecutiveMissed === 1) return 'reminder';
  if (consecutiveMissed === 2) return 'warning';
  return 'report_to_head';
}

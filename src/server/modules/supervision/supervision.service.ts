import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { addDays } from '../../../shared/dates.ts';
import {
  type CaseloadQuery,
  type CaseloadResponse,
  ESCALATION_LEVELS,
  type EscalateRequest,
  type EscalationLevel,
  escalationLevelFor,
  nextDueOn,
  type PersonSupervision,
  type RecordSessionRequest,
  type RecordSessionResponse,
  type ResolveEscalationRequest,
  type SaveScheduleRequest,
  type SessionOutcome,
  type SupervisionEscalation,
  type SupervisionSchedule,
  type SupervisionState,
  type UpdateSessionRequest,
} from '../../../shared/supervision.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { conflict, type FieldErrors, failOnFields, forbidden, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { notify } from '../notifications/notifications.service.ts';
import { correctReturnToCustody, recordReturnToCustody } from '../outcomes/outcomes.service.ts';
import { presentEscalation, presentSchedule, presentSession } from './supervision.presenter.ts';
import {
  type CaseRow,
  caseload,
  findCase,
  findEscalation,
  findSchedule,
  findSession,
  findSessionByKey,
  findVisiblePerson,
  insertEscalation,
  insertSchedule,
  insertSession,
  lastKeptOn,
  listEscalations,
  listSessions,
  personOrganization,
  reactivateSchedule,
  resolveEscalation,
  resolveOpenEscalations,
  type SupervisionPeriod,
  sessionOutcomes,
  setNextDue,
  updateSchedule,
  updateSession,
} from './supervision.repository.ts';

// Supervision of a Bapas client (ADR 013): the caller's scope decides whose case she reaches — a PK
// (…:supervision:own) the clients whose handover names her as PK, the Bapas head (…:organization) every
// accepted handover to her Bapas. A case outside the caller's reach is a 404 (existence not revealed).

type Db = Kysely<Database>;
type CaseScope = 'own' | 'organization';

/** The caller's scope for read or record; 403 when she has none. */
function scopeOf(ctx: RequestContext, action: 'read' | 'record'): CaseScope {
  const scope = requirePermission(ctx, action === 'read' ? 'read:supervision' : 'record:supervision');
  return scope === 'own' ? 'own' : 'organization';
}

async function caseFor(db: Db, ctx: RequestContext, personId: string, scope: CaseScope): Promise<CaseRow> {
  const row = await findCase(db, ctx, personId, scope);
  if (!row) throw notFound('SUPERVISION_NOT_FOUND');
  return row;
}

const releaseOf = (row: CaseRow) => row.released_on ?? row.release_date;

/** Her current supervision period: sessions since her current release, with the case's Bapas. */
const periodOf = (row: CaseRow): SupervisionPeriod => ({
  since: releaseOf(row),
  organizationId: row.organization_id,
});

/** How many days before her release a schedule may start (PUT schedule's startsOn). */
export const SCHEDULE_EARLY_DAYS = 7;

function hasReturned(row: CaseRow, on: string) {
  return (
    row.returned_on !== null &&
    row.returned_on <= on &&
    (row.released_on === null || row.returned_on >= row.released_on)
  );
}

type ScheduleRow = NonNullable<Awaited<ReturnType<typeof findSchedule>>>;

function stateOf(row: CaseRow, schedule: ScheduleRow | undefined, on: string): SupervisionState {
  const release = releaseOf(row);
  if (hasReturned(row, on)) return 'ended';
  if (row.supervision_end_date && row.supervision_end_date < on) return 'ended';
  // A schedule ended after (or at) her latest release ends the case; a later release starts a new one.
  if (schedule && !schedule.active && (!release || (schedule.ended_on ?? '') >= release)) return 'ended';
  if (!release || release > on) return 'awaiting_release';
  return 'active';
}

const formatDate = (date: string) => `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;

/** The held-on rules of a session (field heldOn): not before her release, not in the future. */
function checkHeldOn(row: CaseRow, heldOn: string, on: string) {
  const fields: FieldErrors = {};
  const release = releaseOf(row);
  if (release && heldOn < release)
    fields.heldOn = { key: 'visit_before_release', params: { date: formatDate(release) } };
  else if (heldOn > on) fields.heldOn = { key: 'visit_in_future' };
  failOnFields(fields);
}

function nextLevel(open: EscalationLevel | null): EscalationLevel | null {
  if (!open) return 'reminder';
  const index = ESCALATION_LEVELS.indexOf(open);
  return ESCALATION_LEVELS[index + 1] ?? null;
}

function highestOpen(rows: { level: EscalationLevel; resolved_at: Date | null }[]): EscalationLevel | null {
  let best = -1;
  for (const row of rows) if (!row.resolved_at) best = Math.max(best, ESCALATION_LEVELS.indexOf(row.level));
  return best < 0 ? null : (ESCALATION_LEVELS[best] as EscalationLevel);
}

/** Keeps next_due_on in step with the sessions (not a change of the schedule: its version stays). */
async function refreshNextDue(db: Db, row: CaseRow) {
  const schedule = await findSchedule(db, row.person_id);
  if (!schedule) return undefined;
  const next = nextDueOn(
    schedule.starts_on,
    schedule.interval,
    await lastKeptOn(db, row.person_id, periodOf(row)),
  );
  if (next === schedule.next_due_on) return schedule;
  return setNextDue(db, row.person_id, next);
}

/**
 * Creates her default schedule (monthly reporting at the Bapas) when she has none. For the handover's
 * accept step (starts on the expected release date) and a first recorded visit.
 * A schedule of an earlier period — ended before this start (a return to custody, then a new release), or
 * kept for another Bapas — is started again: active, this Bapas, this start and its due date (version + 1);
 * its kind, interval and place stay. A schedule of the current period is left alone.
 */
export async function ensureSchedule(
  db: Db,
  ctx: RequestContext,
  input: { personId: string; organizationId: string; startsOn: string },
): Promise<void> {
  const period = { since: input.startsOn, organizationId: input.organizationId };
  const existing = await findSchedule(db, input.personId, true);
  if (!existing) {
    await insertSchedule(db, {
      person_id: input.personId,
      organization_id: input.organizationId,
      kind: 'reporting_visit',
      interval: 'monthly',
      place: null,
      starts_on: input.startsOn,
      next_due_on: nextDueOn(input.startsOn, 'monthly', await lastKeptOn(db, input.personId, period)),
      updated_by: ctx.principal.userId,
    });
    return;
  }
  const endedBefore = !existing.active && existing.ended_on !== null && existing.ended_on < input.startsOn;
  if (!endedBefore && existing.organization_id === input.organizationId) return;
  await reactivateSchedule(db, input.personId, {
    organization_id: input.organizationId,
    starts_on: input.startsOn,
    next_due_on: nextDueOn(input.startsOn, existing.interval, await lastKeptOn(db, input.personId, period)),
    updated_by: ctx.principal.userId,
  });
}

// ── Reading ──

/** The caller's clients (her own, or her Bapas's), a page at a time; audited with the people shown. */
export async function listCaseload(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof CaseloadQuery>,
): Promise<CaseloadResponse> {
  const widest = scopeOf(ctx, 'read');
  const scope = query.scope ?? (widest === 'organization' ? 'organization' : 'own');
  if (scope === 'organization' && widest !== 'organization') throw forbidden();
  const { rows, total } = await caseload(db, ctx, {
    scope,
    status: query.status,
    q: query.q || undefined,
    sort: query.sort,
    order: query.order,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  await audit(db, ctx, {
    action: 'caseload.listed',
    details: {
      shown: rows.map((row) => row.id),
      scope,
      status: query.status ?? null,
      page: query.page,
      total,
    },
  });
  return {
    items: rows.map((row) => ({
      personId: row.id,
      displayName: row.full_name,
      registrationNumber: row.registration_number,
      releasedOn: row.released_on as string,
      supervisionEndDate: row.supervision_end_date,
      officer:
        row.officer_user_id && row.officer_name ? { id: row.officer_user_id, name: row.officer_name } : null,
      schedule:
        row.kind && row.interval
          ? { kind: row.kind, interval: row.interval, nextDueOn: row.next_due_on }
          : null,
      overdueDays: row.kind ? Math.max(Number(row.days_past_due ?? 0), 0) : null,
      lastSession:
        row.last_held_on && row.last_outcome
          ? { heldOn: row.last_held_on, outcome: row.last_outcome as SessionOutcome }
          : null,
      openEscalation: row.open_escalation,
    })),
    total,
    page: query.page,
    pageSize: query.pageSize,
    scope,
    canReadOrganization: widest === 'organization',
  };
}

async function view(db: Db, ctx: RequestContext, row: CaseRow): Promise<PersonSupervision> {
  const on = today();
  const [schedule, sessions, escalations] = await Promise.all([
    findSchedule(db, row.person_id),
    listSessions(db, row.person_id),
    listEscalations(db, row.person_id),
  ]);
  // The run counts only the current period's sessions (the list keeps her whole history).
  const period = periodOf(row);
  let consecutiveMissed = 0;
  for (const session of sessions) {
    if (session.organization_id !== period.organizationId) continue;
    if (period.since && session.held_on < period.since) continue;
    if (session.outcome !== 'missed') break;
    consecutiveMissed++;
  }
  const state = stateOf(row, schedule, on);
  return {
    personId: row.person_id,
    displayName: row.full_name,
    registrationNumber: row.registration_number,
    state,
    releasedOn: releaseOf(row),
    supervisionEndDate: row.supervision_end_date,
    organization: { id: row.organization_id, name: row.organization_name },
    officer:
      row.officer_user_id && row.officer_name ? { id: row.officer_user_id, name: row.officer_name } : null,
    handoverId: row.handover_id,
    schedule: schedule ? presentSchedule(schedule, on) : null,
    sessions: sessions.map(presentSession),
    escalations: escalations.map(presentEscalation),
    consecutiveMissed,
    nextEscalationLevel: nextLevel(highestOpen(escalations)),
    canRecord: state !== 'ended' && (await mayRecord(db, ctx, row.person_id)),
  };
}

async function mayRecord(db: Db, ctx: RequestContext, personId: string) {
  const scope = ctx.principal.permissions.includes('record:supervision:organization')
    ? 'organization'
    : ctx.principal.permissions.includes('record:supervision:own')
      ? 'own'
      : null;
  if (!scope) return false;
  return (await findCase(db, ctx, personId, scope)) !== undefined;
}

/**
 * Her supervision: schedule, sessions and escalations, newest first. Audited (supervision.viewed).
 * Someone the caller may see (visiblePeople) who is not a client in her scope gets state 'not_client' with
 * nothing else (200, so the person tab asks without an error); someone she may not see at all is a 404.
 */
export async function get(db: Db, ctx: RequestContext, personId: string): Promise<PersonSupervision> {
  const scope = scopeOf(ctx, 'read');
  const row = await findCase(db, ctx, personId, scope);
  if (!row) {
    const person = await findVisiblePerson(db, ctx, personId);
    if (!person) throw notFound('SUPERVISION_NOT_FOUND');
    await audit(db, ctx, {
      action: 'supervision.viewed',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: person.organization_id,
      details: { state: 'not_client' },
    });
    return {
      personId,
      displayName: person.full_name,
      registrationNumber: person.registration_number,
      state: 'not_client',
      releasedOn: person.release,
      supervisionEndDate: person.supervision_end_date,
      organization: null,
      officer: null,
      handoverId: null,
      schedule: null,
      sessions: [],
      escalations: [],
      consecutiveMissed: 0,
      nextEscalationLevel: null,
      canRecord: false,
    };
  }
  const result = await view(db, ctx, row);
  await audit(db, ctx, {
    action: 'supervision.viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: row.person_organization_id,
  });
  return result;
}

// ── The schedule ──

/** Creates (version 0) or changes her schedule; next_due_on recomputed. */
export async function saveSchedule(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof SaveScheduleRequest>,
): Promise<SupervisionSchedule> {
  const row = await caseFor(db, ctx, personId, scopeOf(ctx, 'record'));
  const on = today();
  const release = releaseOf(row);
  const startsOn = body.startsOn ?? release ?? on;
  // A start long before her release would make the schedule overdue at once (visit tasks for nothing).
  if (release && startsOn < addDays(release, -SCHEDULE_EARLY_DAYS))
    failOnFields({
      startsOn: {
        key: 'schedule_before_release',
        params: { days: SCHEDULE_EARLY_DAYS, date: formatDate(release) },
      },
    });
  return db.transaction().execute(async (trx) => {
    const existing = await findSchedule(trx, personId, true);
    if (stateOf(row, existing, on) === 'ended') throw conflict('SUPERVISION_ENDED');
    const next = nextDueOn(startsOn, body.interval, await lastKeptOn(trx, personId, periodOf(row)));
    let saved: ScheduleRow | undefined;
    if (body.version === 0) {
      if (existing) throw conflict('SUPERVISION_CHANGED');
      saved = await insertSchedule(trx, {
        person_id: personId,
        organization_id: row.organization_id,
        kind: body.kind,
        interval: body.interval,
        place: body.place ?? null,
        starts_on: startsOn,
        next_due_on: next,
        updated_by: ctx.principal.userId,
      });
    } else {
      saved = await updateSchedule(trx, personId, body.version, {
        kind: body.kind,
        interval: body.interval,
        place: body.place ?? null,
        starts_on: startsOn,
        next_due_on: next,
        // A schedule ended before a later release starts again.
        active: true,
        ended_on: null,
        ended_reason: null,
        organization_id: row.organization_id,
        updated_by: ctx.principal.userId,
      });
    }
    if (!saved) throw conflict('SUPERVISION_CHANGED');
    await audit(trx, ctx, {
      action: 'supervision.schedule_saved',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: row.person_organization_id,
      details: { kind: body.kind, interval: body.interval, startsOn, nextDueOn: next, created: !existing },
    });
    return presentSchedule(saved, on);
  });
}

// ── Sessions and the escalation ladder ──

async function escalationView(db: Db, id: string): Promise<SupervisionEscalation> {
  const row = await findEscalation(db, id);
  if (!row) throw notFound('ESCALATION_NOT_FOUND');
  return presentEscalation(row);
}

/** Writes an escalation with its timeline, audit and (report_to_head) the Bapas heads' notification. */
async function escalate(
  trx: Db,
  ctx: RequestContext,
  row: CaseRow,
  input: {
    level: EscalationLevel;
    sessionId: string | null;
    note: string | null;
    consecutiveMissed?: number;
  },
): Promise<string> {
  const id = await insertEscalation(trx, {
    person_id: row.person_id,
    organization_id: row.organization_id,
    session_id: input.sessionId,
    level: input.level,
    note: input.note,
    created_by: ctx.principal.userId,
    created_by_name: ctx.principal.fullName,
  });
  const automatic = input.sessionId !== null;
  await recordTimeline(trx, ctx, row.person_id, {
    kind: 'supervision.escalated',
    visibility: 'corrections',
    details: { level: input.level, automatic },
  });
  await audit(trx, ctx, {
    action: 'supervision.escalated',
    subjectType: 'person',
    subjectId: row.person_id,
    subjectOrganizationId: row.person_organization_id,
    details: {
      escalationId: id,
      level: input.level,
      automatic,
      sessionId: input.sessionId,
      ...(input.consecutiveMissed !== undefined && { consecutiveMissed: input.consecutiveMissed }),
    },
  });
  if (input.level === 'report_to_head')
    await notify(
      trx,
      { organizationId: row.organization_id, roles: ['probation_head'] },
      {
        kind: 'escalation_report',
        personId: row.person_id,
        params: { level: input.level },
        link: `/bimbingan/${row.person_id}`,
      },
    );
  return id;
}

/**
 * After a session recorded (or changed) as missed: the run of consecutive missed sessions since the last
 * attended or excused one sets the level (1 reminder, 2 warning, ≥3 report_to_head). Nothing when this
 * session is not part of the latest run (a late entry before an attended session).
 */
async function escalateAfterMiss(trx: Db, ctx: RequestContext, row: CaseRow, sessionId: string) {
  const outcomes = await sessionOutcomes(trx, row.person_id, periodOf(row));
  let run = 0;
  let inRun = false;
  for (const session of outcomes) {
    if (session.outcome !== 'missed') break;
    run++;
    if (session.id === sessionId) inRun = true;
  }
  const level = escalationLevelFor(run);
  if (!inRun || !level) return null;
  return escalate(trx, ctx, row, { level, sessionId, note: null, consecutiveMissed: run });
}

async function sessionResponse(
  db: Db,
  personId: string,
  sessionId: string,
  escalationId: string | null,
  replayed: boolean,
): Promise<RecordSessionResponse> {
  const [session, schedule] = await Promise.all([findSession(db, sessionId), findSchedule(db, personId)]);
  if (!session) throw notFound('SESSION_NOT_FOUND');
  return {
    session: presentSession(session),
    schedule: schedule ? presentSchedule(schedule, today()) : null,
    escalation: escalationId ? await escalationView(db, escalationId) : null,
    replayed,
  };
}

const isUniqueViolation = (error: unknown, constraint: string) =>
  (error as { code?: string }).code === '23505' &&
  ((error as { constraint?: string }).constraint ?? constraint) === constraint;

async function replay(db: Db, personId: string, clientKey: string): Promise<RecordSessionResponse | null> {
  const stored = await findSessionByKey(db, clientKey);
  if (!stored) return null;
  if (stored.person_id !== personId) throw conflict('SESSION_KEY_REUSED');
  return sessionResponse(db, personId, stored.id, null, true);
}

/**
 * Records a session (a resend with the same clientKey answers the stored one, replayed: true); keeps
 * next_due_on, creates her default schedule when she has none, and climbs the escalation ladder after a
 * missed one. Audited (supervision.session_recorded) and on her timeline.
 */
export async function recordSession(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof RecordSessionRequest>,
): Promise<RecordSessionResponse> {
  const row = await caseFor(db, ctx, personId, scopeOf(ctx, 'record'));
  const replayed = await replay(db, personId, body.clientKey);
  if (replayed) return replayed;
  const on = today();
  checkHeldOn(row, body.heldOn, on);
  try {
    const { sessionId, escalationId } = await db.transaction().execute(async (trx) => {
      await ensureSchedule(trx, ctx, {
        personId,
        organizationId: row.organization_id,
        startsOn: releaseOf(row) ?? on,
      });
      // Her schedule's row is the lock that orders concurrent recordings (the ladder counts her sessions).
      const schedule = await findSchedule(trx, personId, true);
      if (stateOf(row, schedule, on) !== 'active') throw conflict('SUPERVISION_NOT_ACTIVE');
      const sessionId = await insertSession(trx, {
        person_id: personId,
        organization_id: row.organization_id,
        officer_user_id: row.officer_user_id,
        kind: body.kind,
        place_kind: body.placeKind,
        place: body.place ?? null,
        due_on: body.dueOn ?? schedule?.next_due_on ?? null,
        held_on: body.heldOn,
        outcome: body.outcome,
        notes: body.notes ?? null,
        next_steps: body.nextSteps ?? null,
        client_key: body.clientKey,
        recorded_by: ctx.principal.userId,
        recorded_by_name: ctx.principal.fullName,
      });
      await refreshNextDue(trx, row);
      await recordTimeline(trx, ctx, personId, {
        kind: 'supervision.session_recorded',
        visibility: 'corrections',
        details: { sessionId, kind: body.kind, outcome: body.outcome, heldOn: body.heldOn },
      });
      await audit(trx, ctx, {
        action: 'supervision.session_recorded',
        subjectType: 'person',
        subjectId: personId,
        subjectOrganizationId: row.person_organization_id,
        details: { sessionId, kind: body.kind, outcome: body.outcome, heldOn: body.heldOn },
      });
      const escalationId =
        body.outcome === 'missed' ? await escalateAfterMiss(trx, ctx, row, sessionId) : null;
      return { sessionId, escalationId };
    });
    return sessionResponse(db, personId, sessionId, escalationId, false);
  } catch (error) {
    // The same visit sent twice at once: the second insert meets the first's key.
    if (isUniqueViolation(error, 'supervision_session_client_key_key')) {
      const stored = await replay(db, personId, body.clientKey);
      if (stored) return stored;
    }
    throw error;
  }
}

/** Changes a session (same rules); next_due_on recomputed; a change to missed climbs the ladder. */
export async function changeSession(
  db: Db,
  ctx: RequestContext,
  personId: string,
  sessionId: string,
  body: z.output<typeof UpdateSessionRequest>,
): Promise<RecordSessionResponse> {
  const row = await caseFor(db, ctx, personId, scopeOf(ctx, 'record'));
  const existing = await findSession(db, sessionId);
  if (!existing || existing.person_id !== personId) throw notFound('SESSION_NOT_FOUND');
  const on = today();
  const heldOn = body.heldOn ?? existing.held_on;
  checkHeldOn(row, heldOn, on);
  const outcome = body.outcome ?? existing.outcome;
  const escalationId = await db.transaction().execute(async (trx) => {
    const schedule = await findSchedule(trx, personId, true);
    if (stateOf(row, schedule, on) === 'ended') throw conflict('SUPERVISION_NOT_ACTIVE');
    const updated = await updateSession(trx, sessionId, body.version, {
      ...(body.kind !== undefined && { kind: body.kind }),
      ...(body.placeKind !== undefined && { place_kind: body.placeKind }),
      ...(body.place !== undefined && { place: body.place }),
      ...(body.dueOn !== undefined && { due_on: body.dueOn }),
      held_on: heldOn,
      outcome,
      ...(body.notes !== undefined && { notes: body.notes }),
      ...(body.nextSteps !== undefined && { next_steps: body.nextSteps }),
    });
    if (!updated) throw conflict('SESSION_CHANGED');
    await refreshNextDue(trx, row);
    await audit(trx, ctx, {
      action: 'supervision.session_updated',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: row.person_organization_id,
      details: { sessionId, outcome, heldOn, previousOutcome: existing.outcome },
    });
    return outcome === 'missed' && existing.outcome !== 'missed'
      ? escalateAfterMiss(trx, ctx, row, sessionId)
      : null;
  });
  return sessionResponse(db, personId, sessionId, escalationId, false);
}

/** A PK's escalation by hand: the next level after the highest open one, with her note. */
export async function escalateByHand(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof EscalateRequest>,
): Promise<SupervisionEscalation> {
  const row = await caseFor(db, ctx, personId, scopeOf(ctx, 'record'));
  const on = today();
  const id = await db.transaction().execute(async (trx) => {
    const schedule = await findSchedule(trx, personId, true);
    if (stateOf(row, schedule, on) !== 'active') throw conflict('SUPERVISION_NOT_ACTIVE');
    const level = nextLevel(highestOpen(await listEscalations(trx, personId)));
    if (!level) throw conflict('ESCALATION_AT_TOP');
    return escalate(trx, ctx, row, { level, sessionId: null, note: body.note });
  });
  return escalationView(db, id);
}

/** Resolves an open escalation with a note. */
export async function resolve(
  db: Db,
  ctx: RequestContext,
  escalationId: string,
  body: z.output<typeof ResolveEscalationRequest>,
): Promise<SupervisionEscalation> {
  const scope = scopeOf(ctx, 'record');
  const escalation = await findEscalation(db, escalationId);
  if (!escalation) throw notFound('ESCALATION_NOT_FOUND');
  const row = await findCase(db, ctx, escalation.person_id, scope);
  if (!row) throw notFound('ESCALATION_NOT_FOUND');
  if (escalation.resolved_at) throw conflict('ESCALATION_RESOLVED');
  await db.transaction().execute(async (trx) => {
    if (!(await resolveEscalation(trx, escalationId, ctx.principal.userId, body.note)))
      throw conflict('ESCALATION_RESOLVED');
    await audit(trx, ctx, {
      action: 'supervision.escalation_resolved',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: row.person_organization_id,
      details: { escalationId, level: escalation.level },
    });
  });
  return escalationView(db, escalationId);
}

// ── A return to custody ──

/**
 * Called by people.service saveCustody when returned_on is newly set, inside its transaction: ends the
 * active schedule (ended_reason 'returned', timeline supervision.ended), resolves her open escalations (note
 * 'Kembali ke lapas') and records the outcome windows not yet checked as returned to custody (when she had a
 * recorded release).
 */
export async function onReturnedToCustody(
  trx: Db,
  ctx: RequestContext,
  personId: string,
  returnedOn: string,
): Promise<void> {
  const personOrganizationId = await personOrganization(trx, personId);
  const schedule = await findSchedule(trx, personId, true);
  if (schedule?.active) {
    await updateSchedule(trx, personId, null, {
      active: false,
      ended_on: returnedOn,
      ended_reason: 'returned',
      updated_by: ctx.principal.userId,
    });
    await recordTimeline(trx, ctx, personId, {
      kind: 'supervision.ended',
      visibility: 'corrections',
      details: { reason: 'returned', date: returnedOn },
    });
    await audit(trx, ctx, {
      action: 'supervision.ended',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: personOrganizationId,
      details: { reason: 'returned', endedOn: returnedOn },
    });
  }
  // Her open escalations end with her supervision: resolved, so no task stays open for the PK or the head.
  const resolved = await resolveOpenEscalations(
    trx,
    personId,
    ctx.principal.userId,
    RETURNED_RESOLUTION_NOTE,
  );
  for (const escalation of resolved)
    await audit(trx, ctx, {
      action: 'supervision.escalation_resolved',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: personOrganizationId,
      details: { escalationId: escalation.id, level: escalation.level, reason: 'returned' },
    });
  await recordReturnToCustody(trx, ctx, personId, returnedOn);
}

/** The resolution note of the escalations closed by a return to custody (stored text, Indonesian). */
export const RETURNED_RESOLUTION_NOTE = 'Kembali ke lapas';

/**
 * Called by people.service saveCustody whenever returned_on changes (inside its transaction):
 * - newly set (null → Y): onReturnedToCustody(Y);
 * - corrected (X → Y): the schedule ended by the return (ended_reason 'returned', ended_on X) moves to Y, the
 *   automatically recorded outcome checks (returned_to_custody_on = X, checked_on = X, no work status) move
 *   to Y (those whose window falls due before Y are deleted: she was still out then, so they are open again),
 *   and any window due on or after Y not yet checked is recorded as for a new return;
 * - cleared (X → null): those automatic checks are deleted. The schedule stays ended on purpose: the return
 *   also ended her handover, so she is no longer anyone's client; if she is under supervision after all, the
 *   prison sends a new handover and its accept (ensureSchedule) starts the schedule again. Checks recorded
 *   by hand are never touched (a manual correction).
 */
export async function onReturnDateChanged(
  trx: Db,
  ctx: RequestContext,
  personId: string,
  previous: string | null,
  next: string | null,
): Promise<void> {
  if (previous === next) return;
  if (previous === null) {
    if (next !== null) await onReturnedToCustody(trx, ctx, personId, next);
    return;
  }
  if (next !== null) {
    const schedule = await findSchedule(trx, personId, true);
    if (
      schedule &&
      !schedule.active &&
      schedule.ended_reason === 'returned' &&
      schedule.ended_on === previous
    )
      await updateSchedule(trx, personId, null, { ended_on: next, updated_by: ctx.principal.userId });
  }
  await correctReturnToCustody(trx, ctx, personId, previous, next);
  if (next !== null) await onReturnedToCustody(trx, ctx, personId, next);
}

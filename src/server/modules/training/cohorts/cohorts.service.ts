import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type AddSessionRequest,
  type CancelSessionRequest,
  COHORT_MAX_DAYS,
  COHORT_TRANSITIONS,
  type CohortListQuery,
  type CohortStatusRequest,
  type CreateCohortRequest,
  type UpdateCohortRequest,
} from '../../../../shared/cohorts.ts';
import type { CohortScheduleSlot, Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { today } from '../../../platform/calendar.ts';
import {
  AppError,
  conflict,
  type FieldError,
  fieldError,
  forbidden,
  notFound,
} from '../../../platform/errors.ts';
import { recordTimeline } from '../../../platform/timeline.ts';
import { raisePersonSkill } from '../person-skills.repository.ts';
import {
  type CohortAccess,
  cohortAccess,
  requireTrainingManage,
  requireTrainingRead,
  visibleCohorts,
} from '../training.access.ts';
import {
  presentCohort,
  presentCohortListItem,
  presentRosterEntry,
  presentSession,
} from './cohorts.presenter.ts';
import {
  type CohortValues,
  cancelSession as cancelSessionRow,
  completeEnrolments,
  countAllocated,
  endCancelledAllocations,
  findCohort,
  findInstructorUser,
  findProgram,
  findSession,
  insertCohort,
  insertSessions,
  listCohorts,
  listRoster,
  listSessions,
  lockAllocated,
  lockCohort,
  programSkills,
  recordedSessionsOutside,
  regenerateSessions,
  remainingSessions,
  requeueEnrolments,
  updateCohort,
  updateCohortStatus,
} from './cohorts.repository.ts';
import { daysBetween, generateSessions, type SessionSlot, validSlot } from './schedule.ts';

type Db = Kysely<Database>;

/** A date as people read it in messages: dd/mm/yyyy. */
const shown = (date: string) => date.split('-').reverse().join('/');

function requireManage(access: CohortAccess) {
  if (!access.canManage) throw forbidden();
}

function requireOpen(status: string) {
  if (status === 'completed' || status === 'cancelled') throw conflict('COHORT_CLOSED');
}

/** Checks dates and schedule together (every wrong field named at once) and returns the sessions they give. */
function checkCalendar(startDate: string, endDate: string, schedule: CohortScheduleSlot[]): SessionSlot[] {
  const fields: Record<string, FieldError> = {};
  if (endDate < startDate)
    fields.endDate = { key: 'cohort_end_before_start', params: { startDate: shown(startDate) } };
  else if (daysBetween(startDate, endDate) > COHORT_MAX_DAYS)
    fields.endDate = { key: 'cohort_too_long', params: { maxDays: COHORT_MAX_DAYS } };
  if (schedule.length === 0) fields.schedule = { key: 'cohort_schedule_empty' };
  schedule.forEach((slot, index) => {
    if (!validSlot(slot))
      fields[`schedule.${index}.end`] = {
        key: 'cohort_slot_end_before_start',
        params: { start: slot.start },
      };
  });
  if (Object.keys(fields).length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });
  const sessions = generateSessions(startDate, endDate, schedule);
  if (sessions.length === 0) throw fieldError('schedule', 'cohort_schedule_no_sessions');
  return sessions;
}

/** New dates must keep every session with recorded attendance inside them (those sessions stay). */
async function checkRecordedSessionsInside(db: Db, cohortId: string, startDate: string, endDate: string) {
  const outside = await recordedSessionsOutside(db, cohortId, startDate, endDate);
  const fields: Record<string, FieldError> = {};
  if (outside.before)
    fields.startDate = {
      key: 'cohort_start_after_recorded_session',
      params: { date: shown(outside.before) },
    };
  if (outside.after)
    fields.endDate = { key: 'cohort_end_before_recorded_session', params: { date: shown(outside.after) } };
  if (Object.keys(fields).length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });
}

/** The instructor: a user of the prison or of the program's provider, or a free name. */
async function resolveInstructor(
  db: Db,
  organizationIds: string[],
  userId: string | null | undefined,
  name: string | null | undefined,
): Promise<Pick<CohortValues, 'instructorUserId' | 'instructorName'>> {
  if (userId) {
    const user = await findInstructorUser(db, userId, organizationIds);
    if (!user) throw fieldError('instructorUserId', 'cohort_instructor_not_allowed');
    return { instructorUserId: user.id, instructorName: null };
  }
  return { instructorUserId: null, instructorName: name ?? null };
}

const sortedSchedule = (schedule: CohortScheduleSlot[]) =>
  schedule
    .map((slot) => ({ weekday: slot.weekday, start: slot.start, end: slot.end }))
    .sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));

/** The cohorts the caller may see (an instructor: the ones she teaches), newest start first. */
export async function list(db: Db, ctx: RequestContext, query: z.output<typeof CohortListQuery>) {
  requireTrainingRead(ctx);
  const { items, total } = await listCohorts(db, visibleCohorts(ctx, 'c'), query, query);
  return { items: items.map(presentCohortListItem), total, page: query.page, pageSize: query.pageSize };
}

async function load(db: Db, access: CohortAccess) {
  const row = await findCohort(db, access.cohortId);
  if (!row) throw notFound('TRAINING_COHORT_NOT_FOUND');
  return presentCohort(row, access);
}

/** One cohort with its program, counts and what the caller may do with it. */
export async function get(db: Db, ctx: RequestContext, cohortId: string) {
  return load(db, await cohortAccess(db, ctx, cohortId));
}

/** Opens a cohort of one of the prison's programs and generates its sessions from the weekly schedule. */
export async function create(db: Db, ctx: RequestContext, body: z.output<typeof CreateCohortRequest>) {
  requireTrainingManage(ctx);
  const cohortId = await db.transaction().execute(async (trx) => {
    const program = await findProgram(trx, ctx.principal.organizationId, body.programId);
    if (!program) throw fieldError('programId', 'training_program_unknown');
    if (!program.active) throw fieldError('programId', 'training_program_inactive');
    const schedule = sortedSchedule(body.schedule);
    const sessions = checkCalendar(body.startDate, body.endDate, schedule);
    const instructor = await resolveInstructor(
      trx,
      [program.organization_id, program.provider_organization_id],
      body.instructorUserId,
      body.instructorName,
    );
    const values: CohortValues = {
      name: body.name,
      startDate: body.startDate,
      endDate: body.endDate,
      schedule,
      room: body.room ?? null,
      ...instructor,
      capacity: body.capacity ?? program.default_capacity,
    };
    const id = await insertCohort(trx, {
      ...values,
      organizationId: program.organization_id,
      programId: program.id,
      status: body.status,
      createdBy: ctx.principal.userId,
    });
    await insertSessions(trx, id, program.organization_id, sessions);
    await audit(trx, ctx, {
      action: 'cohort.created',
      subjectType: 'training_cohort',
      subjectId: id,
      subjectOrganizationId: program.organization_id,
      details: {
        programId: program.id,
        name: values.name,
        startDate: values.startDate,
        endDate: values.endDate,
        capacity: values.capacity,
        status: body.status,
        sessions: sessions.length,
      },
    });
    return id;
  });
  return get(db, ctx, cohortId);
}

/**
 * Changes a cohort (send the version read). New dates or schedule regenerate the sessions that have no
 * attendance yet; new dates must keep the sessions with recorded attendance inside them; the capacity
 * cannot drop below the people already allocated.
 */
export async function update(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  body: z.output<typeof UpdateCohortRequest>,
) {
  const access = await cohortAccess(db, ctx, cohortId);
  requireManage(access);
  await db.transaction().execute(async (trx) => {
    const cohort = await lockCohort(trx, cohortId);
    requireOpen(cohort.status);
    if (cohort.version !== body.version) throw conflict('COHORT_CHANGED');
    const schedule = sortedSchedule(body.schedule ?? cohort.schedule);
    const startDate = body.startDate ?? cohort.start_date;
    const endDate = body.endDate ?? cohort.end_date;
    const calendarChanged =
      startDate !== cohort.start_date ||
      endDate !== cohort.end_date ||
      JSON.stringify(schedule) !== JSON.stringify(sortedSchedule(cohort.schedule));
    const sessions = checkCalendar(startDate, endDate, schedule);
    if (startDate !== cohort.start_date || endDate !== cohort.end_date)
      await checkRecordedSessionsInside(trx, cohortId, startDate, endDate);
    const capacity = body.capacity ?? cohort.capacity;
    if (body.capacity !== undefined) {
      const allocated = await countAllocated(trx, cohortId);
      if (capacity < allocated)
        throw fieldError('capacity', 'cohort_capacity_below_allocated', { allocated });
    }
    const program = await findProgram(trx, cohort.organization_id, cohort.program_id);
    const instructorChanged = body.instructorUserId !== undefined || body.instructorName !== undefined;
    const instructor = instructorChanged
      ? await resolveInstructor(
          trx,
          [cohort.organization_id, program?.provider_organization_id ?? cohort.organization_id],
          body.instructorUserId,
          body.instructorName,
        )
      : { instructorUserId: cohort.instructor_user_id, instructorName: cohort.instructor_name };
    const values: CohortValues = {
      name: body.name ?? cohort.name,
      startDate,
      endDate,
      schedule,
      room: body.room !== undefined ? body.room : cohort.room,
      ...instructor,
      capacity,
    };
    if (!(await updateCohort(trx, cohortId, body.version, values))) throw conflict('COHORT_CHANGED');
    const regenerated = calendarChanged
      ? await regenerateSessions(trx, cohortId, cohort.organization_id, sessions)
      : null;
    const changed = Object.keys(body).filter((key) => key !== 'version');
    await audit(trx, ctx, {
      action: 'cohort.updated',
      subjectType: 'training_cohort',
      subjectId: cohortId,
      subjectOrganizationId: cohort.organization_id,
      details: { changed, version: body.version + 1, sessions: regenerated },
    });
  });
  return load(db, access);
}

/**
 * Moves a cohort along planned → enrolling → running → completed, or cancels it (with a reason).
 * Completing ends every allocation as completed, raises the program's skills to `trained` and writes each
 * woman's timeline; cancelling ends every allocation as deallocated (cohort_cancelled), its records staying
 * with the cancelled cohort, and puts each woman back on the program's waitlist with a fresh approved entry.
 */
export async function changeStatus(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  body: z.output<typeof CohortStatusRequest>,
) {
  const access = await cohortAccess(db, ctx, cohortId);
  requireManage(access);
  await db.transaction().execute(async (trx) => {
    const cohort = await lockCohort(trx, cohortId);
    if (cohort.version !== body.version) throw conflict('COHORT_CHANGED');
    if (!COHORT_TRANSITIONS[cohort.status].includes(body.status)) throw conflict('COHORT_STATUS_NOT_ALLOWED');
    const day = today();
    const reason = body.reason ?? null;
    let enrolments = 0;
    if (body.status === 'cancelled') {
      if (!reason) throw fieldError('reason', 'cohort_cancel_reason_required');
      // Her allocation ends with the cohort and keeps its attendance and assessments; she goes back on
      // the program's waitlist with a fresh entry, so nothing of this cohort follows her to the next one.
      const allocated = await lockAllocated(trx, cohortId);
      await endCancelledAllocations(
        trx,
        allocated.map((row) => row.id),
        day,
      );
      const requeued = await requeueEnrolments(trx, allocated, ctx.principal.userId);
      const program = await findProgram(trx, cohort.organization_id, cohort.program_id);
      for (const [index, enrolment] of allocated.entries()) {
        const details = {
          enrolmentId: enrolment.id,
          cohortId,
          cohortName: cohort.name,
          programName: program?.name ?? null,
          reason: 'cohort_cancelled',
          waitlistEnrolmentId: requeued[index] ?? null,
        };
        await audit(trx, ctx, {
          action: 'enrolment.deallocated',
          subjectType: 'person',
          subjectId: enrolment.person_id,
          subjectOrganizationId: cohort.organization_id,
          details,
        });
        await recordTimeline(trx, ctx, enrolment.person_id, {
          kind: 'training.deallocated',
          visibility: 'corrections',
          details,
        });
      }
      enrolments = allocated.length;
    }
    if (body.status === 'completed') {
      const remaining = await remainingSessions(trx, cohortId, day);
      if (remaining.count > 0)
        throw fieldError('status', 'cohort_sessions_remain', {
          count: remaining.count,
          lastDate: shown(remaining.lastDate ?? day),
        });
      const allocated = await lockAllocated(trx, cohortId);
      await completeEnrolments(
        trx,
        allocated.map((row) => row.id),
        day,
      );
      const skills = await programSkills(trx, cohort.program_id);
      const program = await findProgram(trx, cohort.organization_id, cohort.program_id);
      for (const enrolment of allocated) {
        for (const skill of skills)
          await raisePersonSkill(trx, {
            personId: enrolment.person_id,
            organizationId: enrolment.organization_id,
            skillId: skill.skill_id,
            level: skill.level,
            evidence: 'trained',
            cohortId,
          });
        await recordTimeline(trx, ctx, enrolment.person_id, {
          kind: 'training.completed',
          visibility: 'shared',
          details: { cohortId, cohortName: cohort.name, programName: program?.name ?? null },
        });
      }
      enrolments = allocated.length;
    }
    if (
      !(await updateCohortStatus(trx, cohortId, body.version, {
        status: body.status,
        reason,
        completedOn: body.status === 'completed' ? day : null,
      }))
    )
      throw conflict('COHORT_CHANGED');
    await audit(trx, ctx, {
      action: 'cohort.status_changed',
      subjectType: 'training_cohort',
      subjectId: cohortId,
      subjectOrganizationId: cohort.organization_id,
      details: { from: cohort.status, to: body.status, reason, enrolments },
    });
  });
  return load(db, access);
}

/** A cohort's sessions by date and time. */
export async function sessions(db: Db, ctx: RequestContext, cohortId: string) {
  await cohortAccess(db, ctx, cohortId);
  return (await listSessions(db, cohortId)).map(presentSession);
}

async function sessionOf(db: Db, cohortId: string, sessionId: string) {
  const row = await findSession(db, cohortId, sessionId);
  if (!row) throw notFound('TRAINING_SESSION_NOT_FOUND');
  return presentSession(row);
}

/** Adds an extra session on a date inside the cohort. */
export async function addSession(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  body: z.output<typeof AddSessionRequest>,
) {
  const access = await cohortAccess(db, ctx, cohortId);
  requireManage(access);
  const duplicate = () =>
    fieldError('date', 'session_duplicate', { date: shown(body.date), start: body.start });
  try {
    const sessionId = await db.transaction().execute(async (trx) => {
      const cohort = await lockCohort(trx, cohortId);
      requireOpen(cohort.status);
      if (body.date < cohort.start_date || body.date > cohort.end_date)
        throw fieldError('date', 'session_date_outside_cohort', {
          startDate: shown(cohort.start_date),
          endDate: shown(cohort.end_date),
        });
      if (!validSlot(body)) throw fieldError('end', 'cohort_slot_end_before_start', { start: body.start });
      const existing = await listSessions(trx, cohortId);
      if (existing.some((session) => session.date === body.date && session.start_time === body.start))
        throw duplicate();
      const [inserted] = await insertSessions(trx, cohortId, cohort.organization_id, [body]);
      const id = inserted?.id as string;
      await audit(trx, ctx, {
        action: 'session.added',
        subjectType: 'training_cohort',
        subjectId: cohortId,
        subjectOrganizationId: cohort.organization_id,
        details: { sessionId: id, date: body.date, start: body.start, end: body.end },
      });
      return id;
    });
    return sessionOf(db, cohortId, sessionId);
  } catch (error) {
    // Two officers adding the same slot at once: the unique slot index refuses the second.
    if ((error as { code?: string }).code === '23505') throw duplicate();
    throw error;
  }
}

/** Cancels a session with a reason; not once its attendance was recorded. */
export async function cancelSession(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  sessionId: string,
  body: z.output<typeof CancelSessionRequest>,
) {
  const access = await cohortAccess(db, ctx, cohortId);
  requireManage(access);
  await db.transaction().execute(async (trx) => {
    const cohort = await lockCohort(trx, cohortId);
    requireOpen(cohort.status);
    const session = await findSession(trx, cohortId, sessionId, true);
    if (!session) throw notFound('TRAINING_SESSION_NOT_FOUND');
    if (session.status === 'cancelled') throw conflict('TRAINING_SESSION_CANCELLED');
    if (session.has_attendance) throw conflict('TRAINING_SESSION_ATTENDANCE_RECORDED');
    if (session.version !== body.version) throw conflict('TRAINING_SESSION_CHANGED');
    if (!(await cancelSessionRow(trx, sessionId, body.version, body.reason)))
      throw conflict('TRAINING_SESSION_CHANGED');
    await audit(trx, ctx, {
      action: 'session.cancelled',
      subjectType: 'training_cohort',
      subjectId: cohortId,
      subjectOrganizationId: cohort.organization_id,
      details: { sessionId, date: session.date, start: session.start_time, reason: body.reason },
    });
  });
  return sessionOf(db, cohortId, sessionId);
}

/**
 * The people of a cohort, allocated first then by name, with their attendance rate. A partner's
 * instructor sees the names of the people she teaches only. Audited with the people shown.
 */
export async function roster(db: Db, ctx: RequestContext, cohortId: string) {
  const access = await cohortAccess(db, ctx, cohortId);
  const rows = await listRoster(db, cohortId, access.instructorOnly);
  await audit(db, ctx, {
    action: 'cohort.roster_viewed',
    subjectType: 'training_cohort',
    subjectId: cohortId,
    subjectOrganizationId: access.organizationId,
    details: { shown: rows.map((row) => row.person_id) },
  });
  return rows.map((row) => presentRosterEntry(row, access.instructorOnly));
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type AllocationRequest,
  type AllocationResult,
  type CheckResult,
  type CreateEnrolmentRequest,
  type DeallocateRequest,
  type EnrolmentDecisionRequest,
  type EnrolmentListQuery,
  type Override,
  SUITABILITY_CHECKS,
  type SuitabilityCheck,
  type SuitabilityList,
  type SuitabilityRequest,
  type WithdrawEnrolmentRequest,
} from '../../../../shared/enrolments.ts';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { today } from '../../../platform/calendar.ts';
import { conflict, fieldError, forbidden, notFound } from '../../../platform/errors.ts';
import { recordTimeline } from '../../../platform/timeline.ts';
import { findProgram } from '../cohorts/cohorts.repository.ts';
import {
  type CohortAccess,
  cohortAccess,
  readsOrganizationTraining,
  requireTrainingManage,
} from '../training.access.ts';
import { presentEnrolment } from './enrolments.presenter.ts';
import {
  allocatedTo,
  type CandidateRow,
  candidates,
  cohortRow,
  findEnrolment,
  findHeldPerson,
  findOpenEnrolment,
  insertEnrolment,
  listEnrolments,
  otherAllocations,
  programEligibility,
  updateEnrolment,
} from './enrolments.repository.ts';
import {
  type CandidateFacts,
  type CohortFacts,
  capacityCheck,
  ordered,
  personalChecks,
} from './suitability.ts';

type Db = Kysely<Database>;

function requireManage(access: CohortAccess) {
  if (!access.canManage) throw forbidden();
}

/** The prison's enrolments (the waitlist and the allocations); for its staff, not a partner's instructor. */
export async function list(db: Db, ctx: RequestContext, query: z.output<typeof EnrolmentListQuery>) {
  if (!readsOrganizationTraining(ctx)) throw forbidden();
  const organizationId = ctx.principal.organizationId;
  const { items, total } = await listEnrolments(db, organizationId, query, query);
  await audit(db, ctx, {
    action: 'enrolment.listed',
    subjectType: 'training_enrolment',
    subjectOrganizationId: organizationId,
    details: {
      shown: items.map((row) => row.person_id),
      filter: { programId: query.programId, cohortId: query.cohortId, status: query.status, q: query.q },
    },
  });
  return { items: items.map(presentEnrolment), total, page: query.page, pageSize: query.pageSize };
}

async function load(db: Db, ctx: RequestContext, enrolmentId: string) {
  const row = await findEnrolment(db, ctx.principal.organizationId, enrolmentId);
  if (!row) throw notFound('ENROLMENT_NOT_FOUND');
  return presentEnrolment(row);
}

/** Records a woman's request (or a staff referral) for a program; one open request per person and program. */
export async function create(db: Db, ctx: RequestContext, body: z.output<typeof CreateEnrolmentRequest>) {
  requireTrainingManage(ctx);
  const organizationId = ctx.principal.organizationId;
  const requestedOn = body.requestedOn ?? today();
  if (requestedOn > today()) throw fieldError('requestedOn', 'date_in_future');
  let enrolmentId: string;
  try {
    enrolmentId = await db.transaction().execute(async (trx) => {
      const person = await findHeldPerson(trx, organizationId, body.personId);
      if (!person) throw fieldError('personId', 'enrolment_person_not_held');
      const program = await findProgram(trx, organizationId, body.programId);
      if (!program) throw fieldError('programId', 'training_program_unknown');
      if (!program.active) throw fieldError('programId', 'training_program_inactive');
      if (await findOpenEnrolment(trx, person.id, program.id)) throw conflict('ENROLMENT_EXISTS');
      const id = await insertEnrolment(trx, {
        organizationId,
        personId: person.id,
        programId: program.id,
        source: body.source,
        note: body.note ?? null,
        requestedOn,
        createdBy: ctx.principal.userId,
      });
      const details = {
        enrolmentId: id,
        programId: program.id,
        programName: program.name,
        source: body.source,
      };
      await audit(trx, ctx, {
        action: 'enrolment.requested',
        subjectType: 'person',
        subjectId: person.id,
        subjectOrganizationId: organizationId,
        details,
      });
      await recordTimeline(trx, ctx, person.id, {
        kind: 'training.requested',
        visibility: 'corrections',
        details,
      });
      return id;
    });
  } catch (error) {
    // Two officers recording the same request at once: the partial unique index refuses the second.
    if ((error as { code?: string }).code === '23505') throw conflict('ENROLMENT_EXISTS');
    throw error;
  }
  return load(db, ctx, enrolmentId);
}

/** Locks an enrolment of the prison and checks the version the caller read. */
async function lockForChange(db: Db, ctx: RequestContext, enrolmentId: string, version: number) {
  const row = await findEnrolment(db, ctx.principal.organizationId, enrolmentId, true);
  if (!row) throw notFound('ENROLMENT_NOT_FOUND');
  if (row.version !== version) throw conflict('ENROLMENT_CHANGED');
  return row;
}

/** Approves a pending request, or declines a waiting one with a reason. */
export async function decide(
  db: Db,
  ctx: RequestContext,
  enrolmentId: string,
  body: z.output<typeof EnrolmentDecisionRequest>,
) {
  requireTrainingManage(ctx);
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx, enrolmentId, body.version);
    const allowed = body.decision === 'approve' ? ['pending'] : ['pending', 'approved'];
    if (!allowed.includes(row.status)) throw conflict('ENROLMENT_STATUS_NOT_ALLOWED');
    const reason = body.reason ?? null;
    if (body.decision === 'decline' && !reason)
      throw fieldError('reason', 'enrolment_decline_reason_required');
    const status = body.decision === 'approve' ? 'approved' : 'declined';
    if (!(await updateEnrolment(trx, enrolmentId, body.version, { status, decision_reason: reason })))
      throw conflict('ENROLMENT_CHANGED');
    await audit(trx, ctx, {
      action: 'enrolment.decided',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: ctx.principal.organizationId,
      details: { enrolmentId, programId: row.program_id, decision: body.decision, reason },
    });
  });
  return load(db, ctx, enrolmentId);
}

/** She withdraws a request that is still waiting (pending or approved). */
export async function withdraw(
  db: Db,
  ctx: RequestContext,
  enrolmentId: string,
  body: z.output<typeof WithdrawEnrolmentRequest>,
) {
  requireTrainingManage(ctx);
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx, enrolmentId, body.version);
    if (row.status !== 'pending' && row.status !== 'approved') throw conflict('ENROLMENT_STATUS_NOT_ALLOWED');
    const changed = await updateEnrolment(trx, enrolmentId, body.version, {
      status: 'withdrawn',
      end_reason: 'withdrawn',
      end_note: body.reason,
      ended_on: today(),
    });
    if (!changed) throw conflict('ENROLMENT_CHANGED');
    await audit(trx, ctx, {
      action: 'enrolment.withdrawn',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: ctx.principal.organizationId,
      details: { enrolmentId, programId: row.program_id, reason: body.reason },
    });
  });
  return load(db, ctx, enrolmentId);
}

/** Ends an allocation before the cohort completes (withdrawn, released, transferred, health, discipline). */
export async function deallocate(
  db: Db,
  ctx: RequestContext,
  enrolmentId: string,
  body: z.output<typeof DeallocateRequest>,
) {
  requireTrainingManage(ctx);
  await db.transaction().execute(async (trx) => {
    const row = await lockForChange(trx, ctx, enrolmentId, body.version);
    if (row.status !== 'allocated') throw conflict('ENROLMENT_STATUS_NOT_ALLOWED');
    const changed = await updateEnrolment(trx, enrolmentId, body.version, {
      status: 'deallocated',
      end_reason: body.reason,
      end_note: body.note ?? null,
      ended_on: today(),
    });
    if (!changed) throw conflict('ENROLMENT_CHANGED');
    const details = {
      enrolmentId,
      cohortId: row.cohort_id,
      cohortName: row.cohort_name,
      programName: row.program_name,
      reason: body.reason,
    };
    await audit(trx, ctx, {
      action: 'enrolment.deallocated',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: ctx.principal.organizationId,
      details,
    });
    // Health and discipline are corrections' business: the note stays out, the entry stays inside.
    await recordTimeline(trx, ctx, row.person_id, {
      kind: 'training.deallocated',
      visibility: 'corrections',
      details,
    });
  });
  return load(db, ctx, enrolmentId);
}

// ── Suitability and allocation ──

const unique = (ids: string[]) => [...new Set(ids)];

/** Everything the checks need, read in the caller's transaction (locked for an allocation). */
async function checkContext(db: Db, access: CohortAccess, enrolmentIds: string[], lock: boolean) {
  const cohort = await cohortRow(db, access.cohortId, lock);
  const rows = await candidates(db, access.organizationId, enrolmentIds, lock);
  const byId = new Map(rows.map((row) => [row.id, row]));
  enrolmentIds.forEach((id, index) => {
    if (!byId.has(id)) throw fieldError(`enrolmentIds.${index}`, 'enrolment_unknown');
  });
  const others = await otherAllocations(db, unique(rows.map((row) => row.person_id)), cohort.id);
  const program = await programEligibility(db, cohort.program_id);
  const facts: CohortFacts = {
    id: cohort.id,
    programId: cohort.program_id,
    organizationId: cohort.organization_id,
    startDate: cohort.start_date,
    endDate: cohort.end_date,
    schedule: cohort.schedule,
  };
  const candidateFacts = (row: CandidateRow): CandidateFacts => ({
    status: row.status,
    programId: row.program_id,
    personOrganizationId: row.person_organization_id,
    anonymized: row.anonymized,
    releaseDate: row.release_date,
    transfer: row.transfer_planned_on
      ? { plannedOn: row.transfer_planned_on, destination: row.transfer_destination }
      : null,
    behaviour: row.behaviour ? { month: row.behaviour.month, score: Number(row.behaviour.score) } : null,
    otherCohorts: others
      .filter((other) => other.person_id === row.person_id)
      .map((other) => ({
        id: other.id,
        name: other.name,
        startDate: other.start_date,
        endDate: other.end_date,
        schedule: other.schedule,
      })),
  });
  const allocated = await allocatedTo(db, cohort.id);
  return { cohort, program, facts, byId, candidateFacts, allocated };
}

/**
 * The suitability checks of the selected enrolments for a cohort, in the order selected: capacity counts
 * the ones before (those not blocked otherwise) as if they were allocated. Audited with the people shown.
 */
export async function suitability(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  body: z.output<typeof SuitabilityRequest>,
): Promise<SuitabilityList> {
  const access = await cohortAccess(db, ctx, cohortId);
  requireManage(access);
  const ids = unique(body.enrolmentIds);
  const context = await checkContext(db, access, ids, false);
  const day = today();
  let position = 0;
  const list = ids.map((id) => {
    const row = context.byId.get(id) as CandidateRow;
    const personal = personalChecks(
      context.facts,
      context.candidateFacts(row),
      context.program.eligibility,
      day,
    );
    const placeable = !personal.some((check) => check.status === 'blocked');
    const capacity = capacityCheck(context.cohort.capacity, context.allocated, position + 1);
    if (placeable) position += 1;
    return {
      enrolmentId: id,
      personId: row.person_id,
      fullName: row.full_name,
      checks: ordered(personal, capacity),
    };
  });
  // The checks show names, release dates and behaviour scores: audited with the people shown.
  await audit(db, ctx, {
    action: 'enrolment.suitability_checked',
    subjectType: 'training_cohort',
    subjectId: cohortId,
    subjectOrganizationId: access.organizationId,
    details: { shown: unique(list.map((item) => item.personId)), enrolmentIds: ids },
  });
  return list;
}

const checkOrder = (a: SuitabilityCheck, b: SuitabilityCheck) =>
  SUITABILITY_CHECKS.indexOf(a) - SUITABILITY_CHECKS.indexOf(b);

/**
 * Allocates the selected enrolments to a cohort in one transaction, in the order given. The cohort's row
 * is locked first, so concurrent allocations queue and the capacity is never exceeded. An enrolment is
 * refused (and stays on the waitlist) when a check blocks it, when a warning has no override reason, or
 * when the cohort is full.
 */
export async function allocate(
  db: Db,
  ctx: RequestContext,
  cohortId: string,
  body: z.output<typeof AllocationRequest>,
): Promise<AllocationResult> {
  const access = await cohortAccess(db, ctx, cohortId);
  requireManage(access);
  const ids = unique(body.enrolmentIds);
  return db.transaction().execute(async (trx) => {
    const context = await checkContext(trx, access, ids, true);
    const { cohort } = context;
    if (cohort.status !== 'planned' && cohort.status !== 'enrolling' && cohort.status !== 'running')
      throw conflict('COHORT_CLOSED');
    const day = today();
    let allocated = context.allocated;
    const results: AllocationResult['results'] = [];
    for (const id of ids) {
      const row = context.byId.get(id) as CandidateRow;
      const personal = personalChecks(
        context.facts,
        context.candidateFacts(row),
        context.program.eligibility,
        day,
      );
      const reasons: SuitabilityCheck[] = [];
      const overrides: Override[] = [];
      for (const check of personal as CheckResult[]) {
        if (check.status === 'blocked') reasons.push(check.check);
        if (check.status !== 'warning') continue;
        const override = body.overrides.find(
          (given) => given.enrolmentId === id && given.check === check.check,
        );
        if (override) overrides.push({ check: override.check, reason: override.reason });
        else reasons.push(check.check);
      }
      if (capacityCheck(cohort.capacity, allocated, 1).status === 'blocked') reasons.push('capacity');
      if (reasons.length > 0) {
        results.push({ enrolmentId: id, outcome: 'refused', reasons: reasons.sort(checkOrder) });
        continue;
      }
      const changed = await updateEnrolment(trx, id, row.version, {
        status: 'allocated',
        cohort_id: cohort.id,
        allocated_at: new Date(),
        // Joining a cohort already under way: the sessions before today are not hers. Allocated before it
        // runs (also when a past cohort is entered afterwards), she takes part from its start.
        joined_on: cohort.status === 'running' && day > cohort.start_date ? day : null,
        overrides: JSON.stringify(overrides),
      });
      if (!changed) throw conflict('ENROLMENT_CHANGED');
      allocated += 1;
      results.push({ enrolmentId: id, outcome: 'allocated', reasons: [] });
      const details = {
        enrolmentId: id,
        cohortId: cohort.id,
        cohortName: cohort.name,
        programName: context.program.name,
      };
      await audit(trx, ctx, {
        action: 'enrolment.allocated',
        subjectType: 'person',
        subjectId: row.person_id,
        subjectOrganizationId: cohort.organization_id,
        details: { ...details, overrides },
      });
      // An allocation is corrections' business: outside, the person view shows completed trainings only.
      await recordTimeline(trx, ctx, row.person_id, {
        kind: 'training.allocated',
        visibility: 'corrections',
        details,
      });
    }
    return { results, allocated: results.filter((result) => result.outcome === 'allocated').length };
  });
}

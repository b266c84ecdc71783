import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { forbidden, notFound } from '../../platform/errors.ts';

// Who may see and change which training, in one place (ADR 010). The prison that runs a program owns its
// cohorts: its staff with read:training:organization see them, those with manage:training:organization
// change them. A partner's instructor (read:training:own) sees only the cohorts she is the instructor of,
// and records their attendance (record:attendance:own), nothing else. A cohort outside the caller's reach
// is a 404, not a 403 (existence is not revealed).

type Db = Kysely<Database>;

function has(ctx: RequestContext, permission: string): boolean {
  return ctx.principal.permissions.includes(permission);
}

/** The caller reads training of her whole prison (as opposed to only the cohorts she teaches). */
export function readsOrganizationTraining(ctx: RequestContext): boolean {
  return has(ctx, 'read:training:organization');
}

/** 403 unless the caller may read some training (her prison's, or her own cohorts as an instructor). */
export function requireTrainingRead(ctx: RequestContext): void {
  if (!readsOrganizationTraining(ctx) && !has(ctx, 'read:training:own')) throw forbidden();
}

/** 403 unless the caller manages her prison's training (programs, cohorts, waitlist, results). */
export function requireTrainingManage(ctx: RequestContext): void {
  if (!has(ctx, 'manage:training:organization')) throw forbidden();
}

/**
 * The SQL condition "the caller may see this cohort", for a query over `training_cohort` aliased `alias`:
 * her prison's cohorts, or, for an instructor, the cohorts she teaches.
 */
export function visibleCohorts(ctx: RequestContext, alias = 'c'): RawBuilder<boolean> {
  if (readsOrganizationTraining(ctx))
    return sql<boolean>`${sql.ref(`${alias}.organization_id`)} = ${ctx.principal.organizationId}`;
  if (has(ctx, 'read:training:own'))
    return sql<boolean>`${sql.ref(`${alias}.instructor_user_id`)} = ${ctx.principal.userId}`;
  return sql<boolean>`false`;
}

export interface CohortAccess {
  cohortId: string;
  /** The prison that runs it (the audit's subject organization). */
  organizationId: string;
  programId: string;
  status: 'planned' | 'enrolling' | 'running' | 'completed' | 'cancelled';
  /** The caller may change the cohort, its roster and its results. */
  canManage: boolean;
  /** The caller may record attendance: a manager, or the cohort's own instructor. */
  canRecordAttendance: boolean;
  /** The caller may reopen a locked session's attendance (a supervisor of the prison). */
  canReopenAttendance: boolean;
  /** The caller sees the cohort only as its instructor: roster names, schedule and attendance only. */
  instructorOnly: boolean;
}

/** What the caller may do with one cohort; 404 TRAINING_COHORT_NOT_FOUND when she may not see it. */
export async function cohortAccess(db: Db, ctx: RequestContext, cohortId: string): Promise<CohortAccess> {
  requireTrainingRead(ctx);
  const row = await db
    .selectFrom('training_cohort as c')
    .select(['c.id', 'c.organization_id', 'c.program_id', 'c.status', 'c.instructor_user_id'])
    .where('c.id', '=', cohortId)
    .where(visibleCohorts(ctx))
    .executeTakeFirst();
  if (!row) throw notFound('TRAINING_COHORT_NOT_FOUND');
  const organization = readsOrganizationTraining(ctx) && row.organization_id === ctx.principal.organizationId;
  const canManage = organization && has(ctx, 'manage:training:organization');
  const teaches = row.instructor_user_id === ctx.principal.userId;
  return {
    cohortId: row.id,
    organizationId: row.organization_id,
    programId: row.program_id,
    status: row.status,
    canManage,
    canRecordAttendance: canManage || (teaches && has(ctx, 'record:attendance:own')),
    canReopenAttendance: organization && has(ctx, 'reopen:attendance:organization'),
    instructorOnly: !organization,
  };
}

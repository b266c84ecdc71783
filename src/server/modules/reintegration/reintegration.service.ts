import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { addDays, addMonths } from '../../../shared/dates.ts';
import {
  type CreateGoalRequest,
  type CreateNeedRequest,
  type CreateReintegrationPlanRequest,
  type CreateReviewRequest,
  PATHWAYS,
  type Pathway,
  type PutGoalStepsRequest,
  REVIEW_INTERVAL_DAYS,
  type ReintegrationPlanView,
  reintegrationClosed,
  type UpdateGoalRequest,
  type UpdateGoalStepRequest,
  type UpdateNeedRequest,
  type UpdatePathwayRequest,
  type UpdateReintegrationPlanRequest,
} from '../../../shared/reintegration.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import {
  AppError,
  conflict,
  type FieldErrors,
  failOnFields,
  fieldError,
  notFound,
} from '../../platform/errors.ts';
import { attachmentHeader } from '../../platform/files/media.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { isHostOf, type PersonAccess, personAccess, requireCorrections } from '../people/people.access.ts';
import { reintegrationPlanPdf } from './reintegration.pdf.ts';
import { presentView } from './reintegration.presenter.ts';
import {
  deleteSteps,
  findDocumentOf,
  findOpportunity,
  findOrganization,
  findPersonFacts,
  findPlacementOf,
  findPlan,
  goalSteps,
  insertGoal,
  insertNeed,
  insertPathways,
  insertPlan,
  insertReview,
  insertStatusChange,
  insertSteps,
  latestHandover,
  latestNextReview,
  lockGoalRow,
  lockNeed,
  lockPathway,
  lockPlan,
  lockStep,
  type PersonFacts,
  planParts,
  recountStartedPathways,
  updateGoalRow,
  updateNeedRow,
  updatePathwayRow,
  updatePlan,
  updateStep,
} from './reintegration.repository.ts';

type Db = Kysely<Database>;
type Trx = Transaction<Database>;
type PlanRecord = NonNullable<Awaited<ReturnType<typeof lockPlan>>>;

// ── Access ──

export interface PlanAccess {
  access: PersonAccess;
  /** A kelurahan/kecamatan reader: no sensitive pathways, needs, free text, completeness figure or PDF. */
  restricted: boolean;
}

/**
 * Who may read a person's plan: read:reintegration (403 for partners, viewers, administrators), and she is
 * visible (404). Corrections staff read it all; a kelurahan or kecamatan only when she goes to it (plan's or
 * record's intended kelurahan, or a running placement's) and a current consent to it gives the `plan` group
 * (403 REINTEGRATION_NOT_SHARED otherwise), and then restricted.
 */
export async function readAccess(db: Db, ctx: RequestContext, personId: string): Promise<PlanAccess> {
  requirePermission(ctx, 'read:reintegration');
  const access = await personAccess(db, ctx, personId);
  if (access.corrections) return { access, restricted: false };
  const kind = ctx.principal.organizationKind;
  if (kind !== 'village' && kind !== 'district') throw new AppError(403, 'FORBIDDEN');
  if (!access.groups.includes('plan') || !(await isHostOf(db, ctx.principal.organizationId, personId)))
    throw new AppError(403, 'REINTEGRATION_NOT_SHARED');
  return { access, restricted: true };
}

function mayManage(ctx: RequestContext, access: PersonAccess): boolean {
  return (
    access.corrections &&
    !access.anonymized &&
    ctx.principal.permissions.includes('manage:reintegration:organization')
  );
}

/** Corrections staff with manage:reintegration who see her (403/404), her record not anonymized (409). */
async function manageAccess(db: Db, ctx: RequestContext, personId: string): Promise<PersonAccess> {
  requirePermission(ctx, 'manage:reintegration');
  const access = await personAccess(db, ctx, personId);
  requireCorrections(access);
  if (access.anonymized) throw conflict('PERSON_ANONYMIZED');
  return access;
}

/** No new plan once her supervision has ended or she was freed without supervision (see reintegrationClosed). */
function closed(facts: PersonFacts, handoverState: string | undefined, on: string): boolean {
  return reintegrationClosed({
    releaseDate: facts.release_date,
    releasedOn: facts.released_on,
    supervisionEndDate: facts.supervision_end_date,
    returnedOn: facts.returned_on,
    handoverAccepted: handoverState === 'accepted',
    today: on,
  });
}

async function loadView(
  db: Db,
  ctx: RequestContext,
  personId: string,
  { access, restricted }: PlanAccess,
): Promise<ReintegrationPlanView> {
  const [facts, plan, handover] = await Promise.all([
    findPersonFacts(db, personId),
    findPlan(db, personId),
    latestHandover(db, personId),
  ]);
  if (!facts) throw notFound('PERSON_NOT_FOUND');
  const parts = plan ? await planParts(db, plan.id) : undefined;
  const canManage = mayManage(ctx, access);
  const on = today();
  return presentView({
    facts,
    plan,
    parts,
    handover,
    access,
    restricted,
    canManage,
    canCreate: canManage && !plan && !closed(facts, handover?.status, on),
    today: on,
  });
}

const organizationName = (ctx: RequestContext) =>
  ctx.principal.organizationShortName ?? ctx.principal.organizationName;

function auditPlan(
  trx: Trx,
  ctx: RequestContext,
  access: PersonAccess,
  action: string,
  details: Record<string, unknown>,
) {
  return audit(trx, ctx, {
    action,
    subjectType: 'person',
    subjectId: access.personId,
    subjectOrganizationId: access.organizationId,
    details,
  });
}

/**
 * Runs a change of the plan in one transaction with the plan's row locked (404 REINTEGRATION_PLAN_NOT_FOUND
 * without a plan), marks the plan updated, and answers the whole view.
 */
async function changePlan(
  db: Db,
  ctx: RequestContext,
  personId: string,
  change: (trx: Trx, plan: PlanRecord, access: PersonAccess) => Promise<void>,
): Promise<ReintegrationPlanView> {
  const access = await manageAccess(db, ctx, personId);
  await db.transaction().execute(async (trx) => {
    const plan = await lockPlan(trx, personId);
    if (!plan) throw notFound('REINTEGRATION_PLAN_NOT_FOUND');
    await change(trx, plan, access);
    await updatePlan(trx, plan.id, { updated_at: new Date() });
  });
  return loadView(db, ctx, personId, { access, restricted: false });
}

function recordStatusChange(
  trx: Trx,
  ctx: RequestContext,
  input: {
    planId: string;
    pathway: Pathway;
    needId?: string | null;
    from: string | null;
    to: string;
    note?: string | null;
  },
) {
  return insertStatusChange(trx, {
    plan_id: input.planId,
    pathway: input.pathway,
    need_id: input.needId ?? null,
    from_status: input.from,
    to_status: input.to,
    note: input.note ?? null,
    changed_by: ctx.principal.userId,
    changed_by_name: ctx.principal.fullName,
    organization_name: organizationName(ctx),
  });
}

/** 409 VERSION_CONFLICT unless the row's version is the one sent. */
function requireVersion(current: number, sent: number) {
  if (current !== sent) throw conflict('VERSION_CONFLICT');
}

async function requireOrganizationOfKind(
  db: Db | Trx,
  fields: FieldErrors,
  field: string,
  organizationId: string | null | undefined,
  kind: string,
  key: 'reintegration_not_village' | 'reintegration_responsible_kind',
) {
  if (!organizationId) return;
  const organization = await findOrganization(db, organizationId);
  if (organization?.kind !== kind) fields[field] = { key };
}

// ── Reading ──

/** The plan tab: her plan (or null), completeness and missing items, what the caller may do. Audited. */
export async function get(db: Db, ctx: RequestContext, personId: string): Promise<ReintegrationPlanView> {
  const planAccess = await readAccess(db, ctx, personId);
  const view = await loadView(db, ctx, personId, planAccess);
  await audit(db, ctx, {
    action: 'reintegration.viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: planAccess.access.organizationId,
    details: { planId: view.plan?.id ?? null, restricted: planAccess.restricted },
  });
  return view;
}

// ── The plan ──

/**
 * Makes her plan (one per person): the eight pathways not started, the intended kelurahan from her record
 * unless given. Refused after her supervision ended (409 REINTEGRATION_PERSON_DONE). Audited and on her
 * timeline (corrections only).
 */
export async function create(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof CreateReintegrationPlanRequest>,
): Promise<ReintegrationPlanView> {
  const access = await manageAccess(db, ctx, personId);
  const [facts, handover] = await Promise.all([findPersonFacts(db, personId), latestHandover(db, personId)]);
  if (!facts) throw notFound('PERSON_NOT_FOUND');
  if (closed(facts, handover?.status, today())) throw conflict('REINTEGRATION_PERSON_DONE');
  const fields: FieldErrors = {};
  const villageId = body.intendedVillageId === undefined ? facts.intended_village_id : body.intendedVillageId;
  if (body.intendedVillageId)
    await requireOrganizationOfKind(
      db,
      fields,
      'intendedVillageId',
      villageId,
      'village',
      'reintegration_not_village',
    );
  failOnFields(fields);
  await db.transaction().execute(async (trx) => {
    const plan = await insertPlan(trx, {
      person_id: personId,
      organization_id: facts.organization_id,
      intended_village_id: villageId,
      summary: body.summary ?? null,
      created_by: ctx.principal.userId,
    });
    if (!plan) throw conflict('REINTEGRATION_PLAN_EXISTS');
    await insertPathways(trx, plan.id, PATHWAYS, ctx.principal.userId);
    const details = { planId: plan.id, intendedVillageId: villageId };
    await recordTimeline(trx, ctx, personId, {
      kind: 'reintegration.plan_created',
      visibility: 'corrections',
      details,
    });
    await auditPlan(trx, ctx, access, 'reintegration.created', details);
  });
  return loadView(db, ctx, personId, { access, restricted: false });
}

/**
 * Changes the plan's own fields (those sent): intended kelurahan, chosen opportunity or placement, the
 * guarantee letter and its acknowledgement, the summary. Version-checked.
 */
export async function update(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof UpdateReintegrationPlanRequest>,
): Promise<ReintegrationPlanView> {
  const on = today();
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    requireVersion(plan.version, body.version);
    const fields: FieldErrors = {};
    const set: Partial<Record<string, unknown>> = {};
    if (body.intendedVillageId !== undefined) {
      await requireOrganizationOfKind(
        trx,
        fields,
        'intendedVillageId',
        body.intendedVillageId,
        'village',
        'reintegration_not_village',
      );
      set.intended_village_id = body.intendedVillageId;
    }
    if (body.placementId !== undefined) {
      if (body.placementId) {
        const placement = await findPlacementOf(trx, personId, body.placementId);
        if (!placement) fields.placementId = { key: 'reintegration_placement_not_hers' };
        else {
          set.placement_id = placement.id;
          set.opportunity_id = placement.opportunity_id;
        }
      } else set.placement_id = null;
    }
    if (body.opportunityId !== undefined && !(body.placementId && set.placement_id)) {
      if (body.opportunityId && body.opportunityId !== plan.opportunity_id) {
        const opportunity = await findOpportunity(trx, body.opportunityId);
        if (opportunity?.status !== 'open' || (opportunity.closes_on !== null && opportunity.closes_on < on))
          fields.opportunityId = { key: 'reintegration_opportunity_unavailable' };
      }
      set.opportunity_id = body.opportunityId;
      // A placement of another opportunity no longer fits the choice.
      if (body.placementId === undefined && plan.placement_id && body.opportunityId !== plan.opportunity_id)
        set.placement_id = null;
    }
    if (body.guaranteeDocumentId !== undefined) {
      if (body.guaranteeDocumentId) {
        const document = await findDocumentOf(trx, personId, body.guaranteeDocumentId);
        if (!document) fields.guaranteeDocumentId = { key: 'reintegration_document_not_hers' };
      }
      set.guarantee_document_id = body.guaranteeDocumentId;
    }
    if (body.guaranteeAcknowledgedOn !== undefined) {
      if (body.guaranteeAcknowledgedOn && body.guaranteeAcknowledgedOn > on)
        fields.guaranteeAcknowledgedOn = { key: 'date_in_future' };
      set.guarantee_acknowledged_on = body.guaranteeAcknowledgedOn;
    }
    if (body.guaranteeLetterNumber !== undefined) set.guarantee_letter_number = body.guaranteeLetterNumber;
    if (body.guaranteeAcknowledgedBy !== undefined)
      set.guarantee_acknowledged_by = body.guaranteeAcknowledgedBy;
    if (body.summary !== undefined) set.summary = body.summary;
    failOnFields(fields);
    await updatePlan(trx, plan.id, { ...set, version: plan.version + 1, updated_at: new Date() });
    await auditPlan(trx, ctx, access, 'reintegration.updated', {
      planId: plan.id,
      changed: Object.keys(set),
    });
  });
}

// ── Pathways ──

/** Sets a pathway's status and note; a status change is kept in the history. Version-checked. */
export async function updatePathway(
  db: Db,
  ctx: RequestContext,
  personId: string,
  pathway: Pathway,
  body: z.output<typeof UpdatePathwayRequest>,
): Promise<ReintegrationPlanView> {
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const row = await lockPathway(trx, plan.id, pathway);
    if (!row) throw notFound('REINTEGRATION_PLAN_NOT_FOUND');
    requireVersion(row.version, body.version);
    const note = body.note === undefined ? undefined : body.note;
    await updatePathwayRow(trx, plan.id, pathway, {
      status: body.status,
      ...(note !== undefined && { note }),
      updated_by: ctx.principal.userId,
      version: row.version + 1,
    });
    if (row.status !== body.status) {
      // The plan's started count (the dashboard's completeness) moves with the status, in this transaction.
      await recountStartedPathways(trx, plan.id);
      await recordStatusChange(trx, ctx, {
        planId: plan.id,
        pathway,
        from: row.status,
        to: body.status,
        note: body.note ?? null,
      });
    }
    await auditPlan(trx, ctx, access, 'reintegration.pathway_changed', {
      planId: plan.id,
      pathway,
      from: row.status,
      to: body.status,
    });
  });
}

// ── Needs ──

export async function createNeed(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof CreateNeedRequest>,
): Promise<ReintegrationPlanView> {
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const fields: FieldErrors = {};
    await requireOrganizationOfKind(
      trx,
      fields,
      'responsibleOrganizationId',
      body.responsibleOrganizationId,
      body.responsibleKind,
      'reintegration_responsible_kind',
    );
    failOnFields(fields);
    const status = body.status ?? 'open';
    const need = await insertNeed(trx, {
      plan_id: plan.id,
      pathway: body.pathway,
      description: body.description,
      responsible_kind: body.responsibleKind,
      responsible_organization_id: body.responsibleOrganizationId ?? null,
      status,
      due_on: body.dueOn ?? null,
      created_by: ctx.principal.userId,
    });
    await recordStatusChange(trx, ctx, {
      planId: plan.id,
      pathway: body.pathway,
      needId: need.id,
      from: null,
      to: status,
    });
    await auditPlan(trx, ctx, access, 'reintegration.need_saved', {
      planId: plan.id,
      needId: need.id,
      pathway: body.pathway,
      status,
      created: true,
    });
  });
}

export async function updateNeed(
  db: Db,
  ctx: RequestContext,
  personId: string,
  needId: string,
  body: z.output<typeof UpdateNeedRequest>,
): Promise<ReintegrationPlanView> {
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const need = await lockNeed(trx, plan.id, needId);
    if (!need) throw notFound('REINTEGRATION_NEED_NOT_FOUND');
    requireVersion(need.version, body.version);
    const kind = body.responsibleKind ?? need.responsible_kind;
    const organizationId =
      body.responsibleOrganizationId === undefined
        ? // A change of kind drops an organization of the former kind.
          body.responsibleKind && body.responsibleKind !== need.responsible_kind
          ? null
          : need.responsible_organization_id
        : body.responsibleOrganizationId;
    const fields: FieldErrors = {};
    await requireOrganizationOfKind(
      trx,
      fields,
      'responsibleOrganizationId',
      organizationId,
      kind,
      'reintegration_responsible_kind',
    );
    failOnFields(fields);
    const status = body.status ?? need.status;
    await updateNeedRow(trx, need.id, {
      ...(body.description !== undefined && { description: body.description }),
      responsible_kind: kind,
      responsible_organization_id: organizationId,
      status,
      ...(body.dueOn !== undefined && { due_on: body.dueOn }),
      version: need.version + 1,
    });
    if (status !== need.status)
      await recordStatusChange(trx, ctx, {
        planId: plan.id,
        pathway: need.pathway,
        needId: need.id,
        from: need.status,
        to: status,
        note: body.note ?? null,
      });
    await auditPlan(trx, ctx, access, 'reintegration.need_saved', {
      planId: plan.id,
      needId: need.id,
      pathway: need.pathway,
      ...(status !== need.status && { from: need.status, to: status }),
    });
  });
}

// ── Goals and steps ──

/** The default target of a goal: her release (recorded, else expected, else today) plus the horizon. */
async function defaultTarget(trx: Trx, personId: string, horizonMonths: number): Promise<string> {
  const facts = await findPersonFacts(trx, personId);
  return addMonths(facts?.released_on ?? facts?.release_date ?? today(), horizonMonths);
}

function checkSteps(
  steps: { doneOn?: string | null | undefined }[],
  fields: FieldErrors,
  on: string,
  prefix = 'steps',
) {
  steps.forEach((step, index) => {
    if (step.doneOn && step.doneOn > on) fields[`${prefix}.${index}.doneOn`] = { key: 'date_in_future' };
  });
}

export async function createGoal(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof CreateGoalRequest>,
): Promise<ReintegrationPlanView> {
  const on = today();
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const steps = body.steps ?? [];
    const fields: FieldErrors = {};
    checkSteps(steps, fields, on);
    failOnFields(fields);
    const targetDate = body.targetDate ?? (await defaultTarget(trx, personId, body.horizonMonths));
    const goal = await insertGoal(trx, {
      plan_id: plan.id,
      pathway: body.pathway,
      title: body.title,
      horizon_months: body.horizonMonths,
      target_date: targetDate,
      status: body.status ?? 'open',
      created_by: ctx.principal.userId,
    });
    await insertSteps(
      trx,
      steps.map((step, position) => ({
        goal_id: goal.id,
        position,
        title: step.title,
        due_on: step.dueOn ?? null,
        done_on: step.doneOn ?? null,
      })),
    );
    await auditPlan(trx, ctx, access, 'reintegration.goal_saved', {
      planId: plan.id,
      goalId: goal.id,
      pathway: body.pathway,
      created: true,
    });
  });
}

async function lockGoal(trx: Trx, planId: string, goalId: string) {
  const goal = await lockGoalRow(trx, planId, goalId);
  if (!goal) throw notFound('REINTEGRATION_GOAL_NOT_FOUND');
  return goal;
}

export async function updateGoal(
  db: Db,
  ctx: RequestContext,
  personId: string,
  goalId: string,
  body: z.output<typeof UpdateGoalRequest>,
): Promise<ReintegrationPlanView> {
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const goal = await lockGoal(trx, plan.id, goalId);
    requireVersion(goal.version, body.version);
    await updateGoalRow(trx, goal.id, {
      ...(body.title !== undefined && { title: body.title }),
      ...(body.horizonMonths !== undefined && { horizon_months: body.horizonMonths }),
      ...(body.targetDate !== undefined && { target_date: body.targetDate }),
      ...(body.status !== undefined && { status: body.status }),
      version: goal.version + 1,
    });
    await auditPlan(trx, ctx, access, 'reintegration.goal_saved', {
      planId: plan.id,
      goalId: goal.id,
      pathway: goal.pathway,
      ...(body.status !== undefined && body.status !== goal.status && { from: goal.status, to: body.status }),
    });
  });
}

/** Replaces the goal's steps: listed ids kept (updated, reordered), unlisted deleted, new ones added. */
export async function putGoalSteps(
  db: Db,
  ctx: RequestContext,
  personId: string,
  goalId: string,
  body: z.output<typeof PutGoalStepsRequest>,
): Promise<ReintegrationPlanView> {
  const on = today();
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const goal = await lockGoal(trx, plan.id, goalId);
    requireVersion(goal.version, body.version);
    const existing = await goalSteps(trx, goal.id);
    const known = new Map(existing.map((step) => [step.id, step]));
    const fields: FieldErrors = {};
    const seen = new Set<string>();
    body.steps.forEach((step, index) => {
      if (step.id && (!known.has(step.id) || seen.has(step.id)))
        fields[`steps.${index}.id`] = { key: 'reintegration_step_unknown' };
      if (step.id) seen.add(step.id);
    });
    checkSteps(body.steps, fields, on);
    failOnFields(fields);
    const removed = existing.filter((step) => !seen.has(step.id)).map((step) => step.id);
    await deleteSteps(trx, removed);
    for (const [position, step] of body.steps.entries()) {
      const values = {
        position,
        title: step.title,
        due_on: step.dueOn ?? null,
        done_on: step.doneOn ?? null,
      };
      const current = step.id ? known.get(step.id) : undefined;
      if (current) await updateStep(trx, current.id, { ...values, version: current.version + 1 });
      else await insertSteps(trx, [{ ...values, goal_id: goal.id }]);
    }
    await updateGoalRow(trx, goal.id, { version: goal.version + 1 });
    await auditPlan(trx, ctx, access, 'reintegration.goal_saved', {
      planId: plan.id,
      goalId: goal.id,
      pathway: goal.pathway,
      steps: body.steps.length,
    });
  });
}

/** Ticks a step done (today, or on the date given) or not done. Version-checked on the step. */
export async function updateGoalStep(
  db: Db,
  ctx: RequestContext,
  personId: string,
  goalId: string,
  stepId: string,
  body: z.output<typeof UpdateGoalStepRequest>,
): Promise<ReintegrationPlanView> {
  const on = today();
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const goal = await lockGoal(trx, plan.id, goalId);
    const step = await lockStep(trx, goal.id, stepId);
    if (!step) throw notFound('REINTEGRATION_STEP_NOT_FOUND');
    requireVersion(step.version, body.version);
    const doneOn = body.done ? (body.doneOn ?? on) : null;
    if (doneOn && doneOn > on) throw fieldError('doneOn', 'date_in_future');
    await updateStep(trx, step.id, { done_on: doneOn, version: step.version + 1 });
    await auditPlan(trx, ctx, access, 'reintegration.goal_saved', {
      planId: plan.id,
      goalId: goal.id,
      pathway: goal.pathway,
      stepId: step.id,
      doneOn,
    });
  });
}

// ── Reviews ──

/**
 * Records a review (not in the future); its next review date (default +30 days, after the review) becomes
 * the plan's, as the latest review's. Audited and on her timeline (corrections only).
 */
export async function createReview(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: z.output<typeof CreateReviewRequest>,
): Promise<ReintegrationPlanView> {
  const on = today();
  return changePlan(db, ctx, personId, async (trx, plan, access) => {
    const fields: FieldErrors = {};
    if (body.reviewedOn > on) fields.reviewedOn = { key: 'date_in_future' };
    const nextReviewOn = body.nextReviewOn ?? addDays(body.reviewedOn, REVIEW_INTERVAL_DAYS);
    if (nextReviewOn <= body.reviewedOn) fields.nextReviewOn = { key: 'reintegration_next_review_order' };
    failOnFields(fields);
    const review = await insertReview(trx, {
      plan_id: plan.id,
      reviewed_on: body.reviewedOn,
      summary: body.summary,
      next_review_on: nextReviewOn,
      reviewer_user_id: ctx.principal.userId,
      reviewer_name: ctx.principal.fullName,
      organization_id: ctx.principal.organizationId,
      organization_name: organizationName(ctx),
    });
    // The latest review (by its date) sets the next one: a late entry of an older review does not.
    await updatePlan(trx, plan.id, { next_review_on: await latestNextReview(trx, plan.id) });
    const details = { planId: plan.id, reviewId: review.id, reviewedOn: body.reviewedOn, nextReviewOn };
    await recordTimeline(trx, ctx, personId, {
      kind: 'reintegration.reviewed',
      visibility: 'corrections',
      details,
    });
    await auditPlan(trx, ctx, access, 'reintegration.reviewed', details);
  });
}

// ── The PDF ──

/** The printable plan in the caller's language, for corrections staff only (403 for a restricted reader). Audited. */
export async function exportPdf(
  db: Db,
  ctx: RequestContext,
  personId: string,
): Promise<{ buffer: Buffer; disposition: string }> {
  const planAccess = await readAccess(db, ctx, personId);
  // A printed copy would outlive a withdrawn consent, and a partial plan must not carry the official form.
  if (planAccess.restricted) throw new AppError(403, 'FORBIDDEN');
  const view = await loadView(db, ctx, personId, planAccess);
  if (!view.plan) throw notFound('REINTEGRATION_PLAN_NOT_FOUND');
  const on = today();
  const buffer = await reintegrationPlanPdf(view, {
    language: ctx.principal.language,
    printedOn: on,
    organizationKind: ctx.principal.organizationKind === 'probation' ? 'probation' : 'prison',
    organizationName: ctx.principal.organizationName,
  });
  await audit(db, ctx, {
    action: 'reintegration.printed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: planAccess.access.organizationId,
    details: { planId: view.plan.id },
  });
  return { buffer, disposition: attachmentHeader(`rencana-reintegrasi-${on}.pdf`) };
}

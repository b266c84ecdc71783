import { type Insertable, type Kysely, sql, type Transaction, type Updateable } from 'kysely';
import type { Pathway } from '../../../shared/reintegration.ts';
import type {
  Database,
  ReintegrationGoalStepTable,
  ReintegrationGoalTable,
  ReintegrationNeedTable,
  ReintegrationPathwayTable,
  ReintegrationPlanTable,
  ReintegrationReviewTable,
  ReintegrationStatusChangeTable,
} from '../../db/schema.ts';

// Reintegration plans as stored: the plan, its pathways, needs, goals and steps, reviews and the history of
// status changes, read in one go for the plan tab and the PDF.

type Db = Kysely<Database> | Transaction<Database>;
type Trx = Transaction<Database>;

/** Her record's facts the plan shows and checks (dates, intended kelurahan, guarantor). */
export function findPersonFacts(db: Db, personId: string) {
  return db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.organization_id',
      'p.full_name',
      'p.registration_number',
      'p.release_date',
      'p.released_on',
      'p.supervision_end_date',
      'p.returned_on',
      'p.intended_village_id',
      'p.guarantor',
      'p.anonymized_at',
    ])
    .where('p.id', '=', personId)
    .executeTakeFirst();
}
export type PersonFacts = NonNullable<Awaited<ReturnType<typeof findPersonFacts>>>;

export function findPlan(db: Db, personId: string) {
  return db
    .selectFrom('reintegration_plan as rp')
    .innerJoin('organization as o', 'o.id', 'rp.organization_id')
    .leftJoin('organization as v', 'v.id', 'rp.intended_village_id')
    .leftJoin('opportunity as op', 'op.id', 'rp.opportunity_id')
    .leftJoin('organization as partner', 'partner.id', 'op.partner_id')
    .leftJoin('placement as pl', 'pl.id', 'rp.placement_id')
    .leftJoin('opportunity as plop', 'plop.id', 'pl.opportunity_id')
    .leftJoin('person_document as d', (join) =>
      join.onRef('d.id', '=', 'rp.guarantee_document_id').on('d.deleted_at', 'is', null),
    )
    .leftJoin('app_user as creator', 'creator.id', 'rp.created_by')
    .select([
      'rp.id',
      'rp.person_id',
      'rp.organization_id',
      'o.name as organization_name',
      'rp.intended_village_id',
      'v.name as village_name',
      'rp.opportunity_id',
      'op.title as opportunity_title',
      'partner.name as partner_name',
      'rp.placement_id',
      'pl.stage as placement_stage',
      'plop.title as placement_opportunity_title',
      'rp.guarantee_letter_number',
      'rp.guarantee_acknowledged_on',
      'rp.guarantee_acknowledged_by',
      'rp.guarantee_document_id',
      'd.title as document_title',
      'd.visibility as document_visibility',
      'rp.summary',
      'rp.next_review_on',
      'creator.full_name as created_by_name',
      'rp.created_at',
      'rp.updated_at',
      'rp.version',
    ])
    .where('rp.person_id', '=', personId)
    .executeTakeFirst();
}
export type PlanRow = NonNullable<Awaited<ReturnType<typeof findPlan>>>;

/** The plan's row locked for the change (the plan of a person, by person id). */
export function lockPlan(db: Db, personId: string) {
  return db
    .selectFrom('reintegration_plan')
    .selectAll()
    .where('person_id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

export async function planParts(db: Db, planId: string) {
  const [pathways, needs, goals, steps, history, reviews] = await Promise.all([
    db
      .selectFrom('reintegration_pathway as x')
      .leftJoin('app_user as u', 'u.id', 'x.updated_by')
      .select([
        'x.pathway',
        'x.status',
        'x.note',
        'u.full_name as updated_by_name',
        'x.updated_at',
        'x.version',
      ])
      .where('x.plan_id', '=', planId)
      .execute(),
    db
      .selectFrom('reintegration_need as n')
      .leftJoin('organization as o', 'o.id', 'n.responsible_organization_id')
      .select([
        'n.id',
        'n.pathway',
        'n.description',
        'n.responsible_kind',
        'n.responsible_organization_id',
        'o.name as responsible_organization_name',
        'n.status',
        'n.due_on',
        'n.created_at',
        'n.updated_at',
        'n.version',
      ])
      .where('n.plan_id', '=', planId)
      .orderBy('n.created_at')
      .orderBy('n.id')
      .execute(),
    db
      .selectFrom('reintegration_goal')
      .select(['id', 'pathway', 'title', 'horizon_months', 'target_date', 'status', 'created_at', 'version'])
      .where('plan_id', '=', planId)
      .orderBy('target_date')
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('reintegration_goal_step as s')
      .innerJoin('reintegration_goal as g', 'g.id', 's.goal_id')
      .select(['s.id', 's.goal_id', 's.position', 's.title', 's.due_on', 's.done_on', 's.version'])
      .where('g.plan_id', '=', planId)
      .orderBy('s.position')
      .execute(),
    db
      .selectFrom('reintegration_status_change')
      .select([
        'id',
        'pathway',
        'need_id',
        'from_status',
        'to_status',
        'note',
        'changed_by_name',
        'organization_name',
        'at',
      ])
      .where('plan_id', '=', planId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute(),
    db
      .selectFrom('reintegration_review')
      .select([
        'id',
        'reviewed_on',
        'summary',
        'next_review_on',
        'reviewer_name',
        'organization_name',
        'created_at',
      ])
      .where('plan_id', '=', planId)
      .orderBy('reviewed_on', 'desc')
      .orderBy('created_at', 'desc')
      .execute(),
  ]);
  return { pathways, needs, goals, steps, history, reviews };
}
export type PlanParts = Awaited<ReturnType<typeof planParts>>;

/** Her latest handover (status and the Bapas it went to), or undefined when never sent. */
export function latestHandover(db: Db, personId: string) {
  return db
    .selectFrom('handover as h')
    .innerJoin('organization as o', 'o.id', 'h.to_organization_id')
    .select(['h.status', 'o.name as organization_name'])
    .where('h.person_id', '=', personId)
    .orderBy('h.sent_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findOrganization(db: Db, organizationId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'kind', 'name'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
}

// ── Checks of what a plan points at ──

/** One of her placements (id and opportunity), or undefined. */
export function findPlacementOf(db: Db, personId: string, placementId: string) {
  return db
    .selectFrom('placement')
    .select(['id', 'opportunity_id'])
    .where('id', '=', placementId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export function findOpportunity(db: Db, opportunityId: string) {
  return db
    .selectFrom('opportunity')
    .select(['id', 'status', 'closes_on'])
    .where('id', '=', opportunityId)
    .executeTakeFirst();
}

/** One of her documents, not deleted, or undefined. */
export function findDocumentOf(db: Db, personId: string, documentId: string) {
  return db
    .selectFrom('person_document')
    .select('id')
    .where('id', '=', documentId)
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

// ── The plan ──

/** Inserts her plan; undefined when she has one already (one plan per person). */
export function insertPlan(trx: Trx, values: Insertable<ReintegrationPlanTable>) {
  return trx
    .insertInto('reintegration_plan')
    .values(values)
    .onConflict((oc) => oc.column('person_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function insertPathways(
  trx: Trx,
  planId: string,
  pathways: readonly Pathway[],
  userId: string,
): Promise<void> {
  await trx
    .insertInto('reintegration_pathway')
    .values(pathways.map((pathway) => ({ plan_id: planId, pathway, updated_by: userId })))
    .execute();
}

export async function updatePlan(
  trx: Trx,
  planId: string,
  set: Updateable<ReintegrationPlanTable>,
): Promise<void> {
  await trx.updateTable('reintegration_plan').set(set).where('id', '=', planId).execute();
}

export async function insertStatusChange(
  trx: Trx,
  values: Insertable<ReintegrationStatusChangeTable>,
): Promise<void> {
  await trx.insertInto('reintegration_status_change').values(values).execute();
}

// ── Pathways and needs ──

export function lockPathway(trx: Trx, planId: string, pathway: Pathway) {
  return trx
    .selectFrom('reintegration_pathway')
    .select(['status', 'version'])
    .where('plan_id', '=', planId)
    .where('pathway', '=', pathway)
    .forUpdate()
    .executeTakeFirst();
}

export async function updatePathwayRow(
  trx: Trx,
  planId: string,
  pathway: Pathway,
  set: Updateable<ReintegrationPathwayTable>,
): Promise<void> {
  await trx
    .updateTable('reintegration_pathway')
    .set({ ...set, updated_at: new Date() })
    .where('plan_id', '=', planId)
    .where('pathway', '=', pathway)
    .execute();
}

/**
 * Stores on the plan how many of its pathways are started (status ≠ not_started), counted again from the
 * pathways: call it in the transaction of every pathway status change, after the change (the plan's row is
 * locked by then, so two changes cannot both count the old state). The pre-release dashboard sorts on it.
 */
export async function recountStartedPathways(trx: Trx, planId: string): Promise<void> {
  await trx
    .updateTable('reintegration_plan')
    .set({
      pathways_started: sql<number>`(select count(*)::int from reintegration_pathway x
        where x.plan_id = ${planId} and x.status <> 'not_started')`,
    })
    .where('id', '=', planId)
    .execute();
}

export function insertNeed(trx: Trx, values: Insertable<ReintegrationNeedTable>) {
  return trx.insertInto('reintegration_need').values(values).returning('id').executeTakeFirstOrThrow();
}

export function lockNeed(trx: Trx, planId: string, needId: string) {
  return trx
    .selectFrom('reintegration_need')
    .selectAll()
    .where('id', '=', needId)
    .where('plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateNeedRow(
  trx: Trx,
  needId: string,
  set: Updateable<ReintegrationNeedTable>,
): Promise<void> {
  await trx
    .updateTable('reintegration_need')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', needId)
    .execute();
}

// ── Goals and steps ──

export function insertGoal(trx: Trx, values: Insertable<ReintegrationGoalTable>) {
  return trx.insertInto('reintegration_goal').values(values).returning('id').executeTakeFirstOrThrow();
}

export function lockGoalRow(trx: Trx, planId: string, goalId: string) {
  return trx
    .selectFrom('reintegration_goal')
    .selectAll()
    .where('id', '=', goalId)
    .where('plan_id', '=', planId)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateGoalRow(
  trx: Trx,
  goalId: string,
  set: Updateable<ReintegrationGoalTable>,
): Promise<void> {
  await trx
    .updateTable('reintegration_goal')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', goalId)
    .execute();
}

export function goalSteps(trx: Trx, goalId: string) {
  return trx
    .selectFrom('reintegration_goal_step')
    .select(['id', 'version'])
    .where('goal_id', '=', goalId)
    .execute();
}

export function lockStep(trx: Trx, goalId: string, stepId: string) {
  return trx
    .selectFrom('reintegration_goal_step')
    .select(['id', 'version'])
    .where('id', '=', stepId)
    .where('goal_id', '=', goalId)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertSteps(trx: Trx, values: Insertable<ReintegrationGoalStepTable>[]): Promise<void> {
  if (values.length) await trx.insertInto('reintegration_goal_step').values(values).execute();
}

export async function updateStep(
  trx: Trx,
  stepId: string,
  set: Updateable<ReintegrationGoalStepTable>,
): Promise<void> {
  await trx
    .updateTable('reintegration_goal_step')
    .set({ ...set, updated_at: new Date() })
    .where('id', '=', stepId)
    .execute();
}

export async function deleteSteps(trx: Trx, stepIds: string[]): Promise<void> {
  if (stepIds.length) await trx.deleteFrom('reintegration_goal_step').where('id', 'in', stepIds).execute();
}

// ── Reviews ──

export function insertReview(trx: Trx, values: Insertable<ReintegrationReviewTable>) {
  return trx.insertInto('reintegration_review').values(values).returning('id').executeTakeFirstOrThrow();
}

/** The next review date of the plan's latest review (by its date, then by entry). */
export async function latestNextReview(trx: Trx, planId: string): Promise<string | null> {
  const row = await trx
    .selectFrom('reintegration_review')
    .select('next_review_on')
    .where('plan_id', '=', planId)
    .orderBy('reviewed_on', 'desc')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.next_review_on ?? null;
}

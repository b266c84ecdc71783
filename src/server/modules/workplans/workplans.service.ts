import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  CreateWorkPlanActivityRequest,
  CreateWorkPlanRequest,
  CreateWorkPlanTargetRequest,
  UpdateWorkPlanActivityRequest,
  UpdateWorkPlanRequest,
  UpdateWorkPlanTargetRequest,
  WorkPlan,
  WorkPlanList,
  WorkPlanListQuery,
  WorkPlanOptions,
  WorkPlanOptionsQuery,
  WorkPlanTimeline,
  WorkPlanTimelineQuery,
} from '../../../shared/workplans.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import {
  conflict,
  type FieldErrors,
  failOnFields,
  fieldError,
  forbidden,
  notFound,
} from '../../platform/errors.ts';
import { attachmentHeader } from '../../platform/files/media.ts';
import { displayDate } from '../people/export/people-export.labels.ts';
import { isCorrections } from '../people/people.access.ts';
import { workPlanPdf } from './workplans.pdf.ts';
import { presentListItem, presentPlan } from './workplans.presenter.ts';
import {
  activitiesOutside,
  activitiesWithForeignCohort,
  activityOfPlan,
  agreementRef,
  cohortOfParties,
  deleteActivity,
  deleteTarget,
  directory,
  findPlanFor,
  insertActivity,
  insertPlan,
  insertTarget,
  listPlans,
  lockActivity,
  lockTarget,
  organizationOf,
  type PlanRow,
  partyAgreement,
  partyAgreements,
  partyCohorts,
  planActivities,
  planTargets,
  responsibleChoice,
  type SystemMetric,
  systemFigures,
  timelineActivities,
  updateActivity,
  updatePlan,
  updateTarget,
  userNames,
} from './workplans.repository.ts';
import { workPlanXlsx } from './workplans.xlsx.ts';

// Program teknis: a plan under an agreement the caller's organization is a party of, its activities and
// targets. Parties' manage:workplan staff edit; the parties and the organizations responsible for an activity
// read (the rule: workplans.access.ts). Each change is audited in its own transaction, with the record's
// version checked (409 when stale); a closed plan's activities and targets are not changed (409).

type Db = Kysely<Database>;
type Trx = Kysely<Database> | Transaction<Database>;

/** Stored statuses of an agreement that no new plan may be put under. */
const ENDED_AGREEMENT_STATUSES: readonly string[] = ['terminated', 'renewed', 'discarded'];
const SUBJECT = 'work_plan';
const TIMELINE_LIMIT = 500;

const canManage = (ctx: RequestContext) => ctx.principal.permissions.includes('manage:workplan:organization');

/**
 * Small system figures are shown to corrections staff only (the outcomes module's rule: prison or probation
 * staff who read custody records).
 */
const hidesSmallCounts = (ctx: RequestContext) =>
  !(isCorrections(ctx) && ctx.principal.permissions.includes('read:custody:organization'));

// ── Reading ──

/** The plan as the caller may see it, or 404. */
async function planFor(db: Trx, ctx: RequestContext, planId: string, lock = false): Promise<PlanRow> {
  const plan = await findPlanFor(db, ctx.principal.organizationId, planId, lock);
  if (!plan) throw notFound('WORK_PLAN_NOT_FOUND');
  return plan;
}

/** The plan locked for a change: 404 outside the caller's reach, 403 when her organization is not a party. */
async function planToEdit(trx: Trx, ctx: RequestContext, planId: string): Promise<PlanRow> {
  const plan = await planFor(trx, ctx, planId, true);
  if (!plan.is_party) throw forbidden();
  return plan;
}

/** As planToEdit, for an activity or target change: a closed plan refuses it (409 WORK_PLAN_CLOSED). */
async function openPlanToEdit(trx: Trx, ctx: RequestContext, planId: string): Promise<PlanRow> {
  const plan = await planToEdit(trx, ctx, planId);
  if (plan.status === 'closed') throw conflict('WORK_PLAN_CLOSED');
  return plan;
}

async function view(db: Trx, ctx: RequestContext, plan: PlanRow): Promise<WorkPlan> {
  const [agreement, organization, activities, targets, names] = await Promise.all([
    agreementRef(db, plan.agreement_id),
    organizationOf(db, plan.organization_id),
    planActivities(db, plan.id),
    planTargets(db, plan.id),
    userNames(db, [plan.created_by, plan.updated_by]),
  ]);
  // Only the figures the targets use, over the rows of the agreement's parties.
  const metrics = new Set(
    targets.map((target) => target.metric).filter((metric): metric is SystemMetric => metric !== 'manual'),
  );
  const figures = await systemFigures(
    db,
    agreement.parties.map((party) => party.id),
    plan.period_start,
    plan.period_end,
    metrics,
  );
  return presentPlan({
    plan,
    agreement,
    organizationName: organization?.name ?? '',
    activities,
    targets,
    figures,
    hideSmallCounts: hidesSmallCounts(ctx),
    names,
    canEdit: canManage(ctx) && Boolean(plan.is_party),
  });
}

export async function get(db: Db, ctx: RequestContext, planId: string): Promise<WorkPlan> {
  requirePermission(ctx, 'read:workplan');
  const plan = await planFor(db, ctx, planId);
  await audit(db, ctx, {
    action: 'workplan.viewed',
    subjectType: SUBJECT,
    subjectId: plan.id,
    subjectOrganizationId: plan.organization_id,
  });
  return view(db, ctx, plan);
}

async function reload(db: Db, ctx: RequestContext, planId: string) {
  return view(db, ctx, await planFor(db, ctx, planId));
}

export async function list(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof WorkPlanListQuery>,
): Promise<WorkPlanList> {
  requirePermission(ctx, 'read:workplan');
  const { items, total } = await listPlans(
    db,
    ctx.principal.organizationId,
    {
      agreementId: query.agreementId,
      status: query.status,
      responsibleOrganizationId: query.responsibleOrganizationId,
      from: query.from,
      to: query.to,
      q: query.q,
    },
    { page: query.page, pageSize: query.pageSize },
  );
  const manage = canManage(ctx);
  return {
    items: items.map((row) => presentListItem(row, manage)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canCreate: manage,
  };
}

export async function timeline(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof WorkPlanTimelineQuery>,
): Promise<WorkPlanTimeline> {
  requirePermission(ctx, 'read:workplan');
  const year = today().slice(0, 4);
  const from = query.from ?? `${year}-01-01`;
  const to = query.to ?? `${year}-12-31`;
  if (to < from) throw fieldError('to', 'date_before', { other: displayDate(from) });
  const rows = await timelineActivities(
    db,
    ctx.principal.organizationId,
    {
      from,
      to,
      workPlanId: query.workPlanId,
      responsibleOrganizationId: query.responsibleOrganizationId,
      includeCancelled: query.includeCancelled === 'true',
    },
    TIMELINE_LIMIT + 1,
  );
  return {
    from,
    to,
    items: rows.slice(0, TIMELINE_LIMIT).map((row) => ({
      id: row.id,
      workPlan: { id: row.plan_id, title: row.plan_title, status: row.plan_status },
      kind: row.kind,
      title: row.title,
      responsibleOrganization: { id: row.responsible_organization_id, name: row.responsible_name },
      location: row.location,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      status: row.status,
    })),
    truncated: rows.length > TIMELINE_LIMIT,
  };
}

export async function options(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof WorkPlanOptionsQuery>,
): Promise<WorkPlanOptions> {
  requirePermission(ctx, 'read:workplan');
  const organizationId = ctx.principal.organizationId;
  const agreement = query.agreementId ? await partyAgreement(db, organizationId, query.agreementId) : null;
  const [agreements, organizations, cohorts] = await Promise.all([
    partyAgreements(db, organizationId),
    directory(db, ctx, agreement?.id ?? null),
    agreement ? partyCohorts(db, agreement.id) : Promise.resolve([]),
  ]);
  return {
    agreements,
    organizations,
    cohorts: cohorts.map((row) => ({
      id: row.id,
      name: row.name,
      organizationName: row.organization_name,
      startDate: row.start_date,
      endDate: row.end_date,
      status: row.status,
    })),
  };
}

// ── The plan ──

type PlanBody = z.output<typeof CreateWorkPlanRequest>;

/**
 * The agreement (a party's) and the period, checked together so every field error is reported at once. On
 * an agreement change (`planId` of the plan whose agreement changes), the new agreement's parties must own
 * every cohort the plan's activities are linked to.
 */
async function checkPlan(
  trx: Trx,
  ctx: RequestContext,
  body: Pick<PlanBody, 'agreementId' | 'periodStart' | 'periodEnd'>,
  options: { newAgreement: boolean; changedAgreementOf?: string },
) {
  const { changedAgreementOf } = options;
  const fields: FieldErrors = {};
  const agreement = await partyAgreement(trx, ctx.principal.organizationId, body.agreementId);
  if (!agreement) fields.agreementId = { key: 'workplan_agreement_invalid' };
  // A plan is not put under an agreement that was ended or thrown away (one already under it stays editable).
  else if (options.newAgreement && ENDED_AGREEMENT_STATUSES.includes(agreement.status))
    fields.agreementId = { key: 'workplan_agreement_ended' };
  else if (changedAgreementOf) {
    const [foreign] = await activitiesWithForeignCohort(trx, changedAgreementOf, body.agreementId);
    if (foreign)
      fields.agreementId = {
        key: 'workplan_agreement_excludes_cohort',
        params: { title: foreign.title, cohort: foreign.cohort_name },
      };
  }
  if (body.periodEnd < body.periodStart) fields.periodEnd = { key: 'workplan_period_end_before_start' };
  failOnFields(fields);
}

export async function create(db: Db, ctx: RequestContext, body: PlanBody): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  const planId = await db.transaction().execute(async (trx) => {
    await checkPlan(trx, ctx, body, { newAgreement: true });
    const id = await insertPlan(trx, {
      agreement_id: body.agreementId,
      organization_id: ctx.principal.organizationId,
      title: body.title,
      objectives: body.objectives ?? null,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      status: body.status,
      created_by: ctx.principal.userId,
    });
    await audit(trx, ctx, {
      action: 'workplan.created',
      subjectType: SUBJECT,
      subjectId: id,
      subjectOrganizationId: ctx.principal.organizationId,
      details: {
        agreementId: body.agreementId,
        title: body.title,
        periodStart: body.periodStart,
        periodEnd: body.periodEnd,
        status: body.status,
      },
    });
    return id;
  });
  return reload(db, ctx, planId);
}

export async function update(
  db: Db,
  ctx: RequestContext,
  planId: string,
  body: z.output<typeof UpdateWorkPlanRequest>,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await planToEdit(trx, ctx, planId);
    if (plan.version !== body.version) throw conflict('VERSION_CONFLICT');
    const moved = body.agreementId !== plan.agreement_id;
    await checkPlan(trx, ctx, body, {
      newAgreement: moved,
      changedAgreementOf: moved ? plan.id : undefined,
    });
    // A narrower period must still hold every activity.
    const outside = await activitiesOutside(trx, plan.id, body.periodStart, body.periodEnd);
    const first = outside[0];
    if (first) {
      const params = {
        title: first.title,
        start: displayDate(first.starts_on),
        end: displayDate(first.ends_on),
      };
      const fields: FieldErrors = {};
      if (outside.some((activity) => activity.starts_on < body.periodStart))
        fields.periodStart = { key: 'workplan_period_excludes_activity', params };
      if (outside.some((activity) => activity.ends_on > body.periodEnd))
        fields.periodEnd = { key: 'workplan_period_excludes_activity', params };
      failOnFields(fields);
    }
    const next = {
      agreement_id: body.agreementId,
      title: body.title,
      objectives: body.objectives ?? null,
      period_start: body.periodStart,
      period_end: body.periodEnd,
      status: body.status,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).filter((key) => plan[key] !== next[key]);
    // An identical save writes nothing and keeps the version.
    if (!changed.length) return;
    await updatePlan(trx, plan.id, next, ctx.principal.userId, true);
    await audit(trx, ctx, {
      action: 'workplan.updated',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: { changed, ...Object.fromEntries(changed.map((key) => [key, next[key]])) },
    });
  });
  return reload(db, ctx, planId);
}

// ── Activities ──

type ActivityBody =
  | z.output<typeof CreateWorkPlanActivityRequest>
  | z.output<typeof UpdateWorkPlanActivityRequest>;

/**
 * The activity's values once every rule holds (dates inside the period, budget and source, organization,
 * cohort). The responsible organization is one the caller may choose (her directory, or a party of the
 * agreement), or the one already stored on the activity (`before`).
 */
async function activityValues(
  trx: Trx,
  ctx: RequestContext,
  plan: PlanRow,
  body: ActivityBody,
  before?: { responsible_organization_id: string },
) {
  const fields: FieldErrors = {};
  const period = { start: displayDate(plan.period_start), end: displayDate(plan.period_end) };
  if (body.startsOn < plan.period_start || body.startsOn > plan.period_end)
    fields.startsOn = { key: 'workplan_start_outside_period', params: period };
  if (body.endsOn < body.startsOn) fields.endsOn = { key: 'workplan_end_before_start' };
  else if (body.endsOn > plan.period_end || body.endsOn < plan.period_start)
    fields.endsOn = { key: 'workplan_end_outside_period', params: period };
  if (body.budgetAmount > 0 && !body.budgetSource)
    fields.budgetSource = { key: 'workplan_budget_source_required' };
  if (
    before?.responsible_organization_id !== body.responsibleOrganizationId &&
    !(await responsibleChoice(trx, ctx, plan.agreement_id, body.responsibleOrganizationId))
  )
    fields.responsibleOrganizationId = { key: 'workplan_organization_invalid' };
  if (body.cohortId && !(await cohortOfParties(trx, plan.agreement_id, body.cohortId)))
    fields.cohortId = { key: 'workplan_cohort_invalid' };
  failOnFields(fields);
  return {
    kind: body.kind,
    title: body.title,
    description: body.description ?? null,
    responsible_organization_id: body.responsibleOrganizationId,
    location: body.location ?? null,
    starts_on: body.startsOn,
    ends_on: body.endsOn,
    budget_amount: body.budgetAmount,
    budget_source: body.budgetAmount > 0 && body.budgetSource ? body.budgetSource : ('none' as const),
    status: body.status,
    cohort_id: body.cohortId ?? null,
    updated_by: ctx.principal.userId,
  };
}

/** What an audit entry keeps of an activity (no description: it can be long). */
const activityDetails = (values: Awaited<ReturnType<typeof activityValues>>) => ({
  kind: values.kind,
  title: values.title,
  responsibleOrganizationId: values.responsible_organization_id,
  startsOn: values.starts_on,
  endsOn: values.ends_on,
  budgetAmount: values.budget_amount,
  budgetSource: values.budget_source,
  status: values.status,
  cohortId: values.cohort_id,
});

export async function addActivity(
  db: Db,
  ctx: RequestContext,
  planId: string,
  body: z.output<typeof CreateWorkPlanActivityRequest>,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await openPlanToEdit(trx, ctx, planId);
    const values = await activityValues(trx, ctx, plan, body);
    const { id, position } = await insertActivity(trx, plan.id, values);
    await updatePlan(trx, plan.id, {}, ctx.principal.userId, false);
    await audit(trx, ctx, {
      action: 'workplan.activity_saved',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: { activityId: id, created: true, position, ...activityDetails(values) },
    });
  });
  return reload(db, ctx, planId);
}

export async function saveActivity(
  db: Db,
  ctx: RequestContext,
  planId: string,
  activityId: string,
  body: z.output<typeof UpdateWorkPlanActivityRequest>,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await openPlanToEdit(trx, ctx, planId);
    const activity = await lockActivity(trx, plan.id, activityId);
    if (!activity) throw notFound('WORK_PLAN_ACTIVITY_NOT_FOUND');
    if (activity.version !== body.version) throw conflict('VERSION_CONFLICT');
    const values = await activityValues(trx, ctx, plan, body, activity);
    await updateActivity(trx, activity.id, values);
    await updatePlan(trx, plan.id, {}, ctx.principal.userId, false);
    await audit(trx, ctx, {
      action: 'workplan.activity_saved',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: { activityId: activity.id, created: false, ...activityDetails(values) },
    });
  });
  return reload(db, ctx, planId);
}

export async function removeActivity(
  db: Db,
  ctx: RequestContext,
  planId: string,
  activityId: string,
  version: number,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await openPlanToEdit(trx, ctx, planId);
    const activity = await lockActivity(trx, plan.id, activityId);
    if (!activity) throw notFound('WORK_PLAN_ACTIVITY_NOT_FOUND');
    if (activity.version !== version) throw conflict('VERSION_CONFLICT');
    await deleteActivity(trx, activity.id);
    await updatePlan(trx, plan.id, {}, ctx.principal.userId, false);
    await audit(trx, ctx, {
      action: 'workplan.activity_removed',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: {
        activityId: activity.id,
        title: activity.title,
        startsOn: activity.starts_on,
        endsOn: activity.ends_on,
        budgetAmount: Number(activity.budget_amount),
      },
    });
  });
  return reload(db, ctx, planId);
}

// ── Targets ──

type TargetBody = z.output<typeof CreateWorkPlanTargetRequest> | z.output<typeof UpdateWorkPlanTargetRequest>;

async function targetValues(trx: Trx, plan: PlanRow, body: TargetBody) {
  if (body.activityId && !(await activityOfPlan(trx, plan.id, body.activityId)))
    throw fieldError('activityId', 'workplan_activity_invalid');
  return {
    label: body.label,
    metric: body.metric,
    target_value: body.targetValue,
    activity_id: body.activityId ?? null,
    // A typed actual only means something for a manual target; the system counts the others.
    manual_actual: body.metric === 'manual' ? (body.manualActual ?? null) : null,
  };
}

const targetDetails = (values: Awaited<ReturnType<typeof targetValues>>) => ({
  label: values.label,
  metric: values.metric,
  targetValue: values.target_value,
  activityId: values.activity_id,
  manualActual: values.manual_actual,
});

export async function addTarget(
  db: Db,
  ctx: RequestContext,
  planId: string,
  body: z.output<typeof CreateWorkPlanTargetRequest>,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await openPlanToEdit(trx, ctx, planId);
    const values = await targetValues(trx, plan, body);
    const { id, position } = await insertTarget(trx, plan.id, values);
    await updatePlan(trx, plan.id, {}, ctx.principal.userId, false);
    await audit(trx, ctx, {
      action: 'workplan.target_saved',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: { targetId: id, created: true, position, ...targetDetails(values) },
    });
  });
  return reload(db, ctx, planId);
}

export async function saveTarget(
  db: Db,
  ctx: RequestContext,
  planId: string,
  targetId: string,
  body: z.output<typeof UpdateWorkPlanTargetRequest>,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await openPlanToEdit(trx, ctx, planId);
    const target = await lockTarget(trx, plan.id, targetId);
    if (!target) throw notFound('WORK_PLAN_TARGET_NOT_FOUND');
    if (target.version !== body.version) throw conflict('VERSION_CONFLICT');
    const values = await targetValues(trx, plan, body);
    await updateTarget(trx, target.id, values);
    await updatePlan(trx, plan.id, {}, ctx.principal.userId, false);
    await audit(trx, ctx, {
      action: 'workplan.target_saved',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: { targetId: target.id, created: false, ...targetDetails(values) },
    });
  });
  return reload(db, ctx, planId);
}

export async function removeTarget(
  db: Db,
  ctx: RequestContext,
  planId: string,
  targetId: string,
  version: number,
): Promise<WorkPlan> {
  requirePermission(ctx, 'manage:workplan');
  await db.transaction().execute(async (trx) => {
    const plan = await openPlanToEdit(trx, ctx, planId);
    const target = await lockTarget(trx, plan.id, targetId);
    if (!target) throw notFound('WORK_PLAN_TARGET_NOT_FOUND');
    if (target.version !== version) throw conflict('VERSION_CONFLICT');
    await deleteTarget(trx, target.id);
    await updatePlan(trx, plan.id, {}, ctx.principal.userId, false);
    await audit(trx, ctx, {
      action: 'workplan.target_removed',
      subjectType: SUBJECT,
      subjectId: plan.id,
      subjectOrganizationId: plan.organization_id,
      details: { targetId: target.id, label: target.label, metric: target.metric },
    });
  });
  return reload(db, ctx, planId);
}

// ── Exports ──

/** A file name from the plan's title: letters, digits and hyphens. */
function fileName(plan: WorkPlan, extension: string) {
  const slug =
    plan.title
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rencana';
  return `program-teknis-${slug}-${today()}.${extension}`;
}

export interface ExportedFile {
  buffer: Buffer;
  disposition: string;
}

async function exportPlan(
  db: Db,
  ctx: RequestContext,
  planId: string,
  format: 'pdf' | 'xlsx',
): Promise<ExportedFile> {
  requirePermission(ctx, 'read:workplan');
  const plan = await planFor(db, ctx, planId);
  const detail = await view(db, ctx, plan);
  let buffer: Buffer;
  if (format === 'pdf') {
    const organization = await organizationOf(db, plan.organization_id);
    buffer = await workPlanPdf(detail, {
      language: ctx.principal.language,
      printedOn: today(),
      organization: {
        name: organization?.name ?? detail.organization.name,
        address: organization?.address ?? null,
        phone: organization?.phone ?? null,
      },
    });
  } else buffer = await workPlanXlsx(detail, today());
  await audit(db, ctx, {
    action: 'workplan.exported',
    subjectType: SUBJECT,
    subjectId: plan.id,
    subjectOrganizationId: plan.organization_id,
    details: { format, activities: detail.activities.length, targets: detail.targets.length },
  });
  return { buffer, disposition: attachmentHeader(fileName(detail, format)) };
}

export const exportPdf = (db: Db, ctx: RequestContext, planId: string) => exportPlan(db, ctx, planId, 'pdf');
export const exportXlsx = (db: Db, ctx: RequestContext, planId: string) =>
  exportPlan(db, ctx, planId, 'xlsx');

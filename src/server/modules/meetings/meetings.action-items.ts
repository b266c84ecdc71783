import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  ActionItem,
  ActionItemProgressRequest,
  ActionItemStatus,
  CreateActionItemRequest,
  MeetingActionItems,
  UpdateActionItemRequest,
} from '../../../shared/meetings.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { conflict, type FieldErrors, failOnFields, forbidden, notFound } from '../../platform/errors.ts';
import { notify } from '../notifications/notifications.service.ts';
import { canEditMeeting, canUpdateProgress } from './meetings.access.ts';
import { presentActionItem } from './meetings.presenter.ts';
import {
  type ActionItemRow,
  type ActionItemValues,
  actionItemsOf,
  activeUsersByIds,
  carriedInto,
  decisionIdsOf,
  findVisibleActionItem,
  insertActionItem,
  isVisibleActivity,
  isVisibleAgreement,
  lockActionItem,
  lockMeeting,
  updateActionItemIfVersion,
  visibleOrganizationIds,
} from './meetings.repository.ts';
import { editableMeeting, visibleMeetingOr404 } from './meetings.service.ts';

// Action items (tindak lanjut) of a meeting: an owner organization and its person (a user of it, or a name),
// a due date, a status with progress note, and what it is about (an agreement, a work-plan activity or a
// topic; never a person of the program). The organizer's staff create and edit them; the owner
// organization's staff update status and progress. The owner user is notified when given the item.

type Db = Kysely<Database>;
type ItemFields = z.output<typeof CreateActionItemRequest>;

async function view(db: Db, ctx: RequestContext, actionItemId: string): Promise<ActionItem> {
  const row = await findVisibleActionItem(db, ctx, actionItemId);
  if (!row) throw notFound('ACTION_ITEM_NOT_FOUND');
  return presentActionItem(ctx, row);
}

/** The action items decided in a meeting and those carried into it. */
export async function ofMeeting(db: Db, ctx: RequestContext, meetingId: string): Promise<MeetingActionItems> {
  requirePermission(ctx, 'read:meeting');
  await visibleMeetingOr404(db, ctx, meetingId);
  const [items, carried] = await Promise.all([
    actionItemsOf(db, ctx, meetingId),
    carriedInto(db, ctx, meetingId),
  ]);
  return {
    items: items.map((row) => presentActionItem(ctx, row)),
    carriedOver: carried.map((row) => presentActionItem(ctx, row)),
  };
}

/**
 * Checks the fields of an action item and returns the values to store. `before` is the stored item when
 * editing: an owner user, agreement or activity it already had may stay even if no longer selectable.
 */
async function checkFields(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  body: ItemFields,
  fields: FieldErrors,
  before?: Pick<
    ActionItemRow,
    'owner_organization_id' | 'owner_user_id' | 'agreement_id' | 'work_plan_activity_id'
  >,
): Promise<ActionItemValues> {
  const ownerOrganizationId = body.ownerOrganizationId ?? null;
  const ownerUserId = body.ownerUserId ?? null;
  const ownerName = body.ownerName ?? null;
  if (!ownerOrganizationId) fields.ownerOrganizationId = { key: 'action_item_owner_organization_required' };
  else if (
    before?.owner_organization_id !== ownerOrganizationId &&
    !(await visibleOrganizationIds(db, ctx, [ownerOrganizationId])).has(ownerOrganizationId)
  )
    fields.ownerOrganizationId = { key: 'meeting_organization_unknown' };
  if (!ownerUserId && !ownerName) fields.owner = { key: 'action_item_owner_required' };
  else if (ownerUserId && ownerOrganizationId) {
    const kept =
      before?.owner_user_id === ownerUserId && before.owner_organization_id === ownerOrganizationId;
    const [user] = await activeUsersByIds(db, [ownerUserId]);
    if (!kept && user?.organization_id !== ownerOrganizationId)
      fields.owner = { key: 'action_item_owner_not_of_organization' };
  }
  if (!body.dueOn) fields.dueOn = { key: 'action_item_due_required' };
  const agreementId = body.agreementId ?? null;
  const activityId = body.workPlanActivityId ?? null;
  const topic = body.topic ?? null;
  if ([agreementId, activityId, topic].filter((value) => value !== null).length > 1)
    fields.link = { key: 'action_item_link_one' };
  if (
    agreementId &&
    before?.agreement_id !== agreementId &&
    !(await isVisibleAgreement(db, ctx, agreementId))
  )
    fields.agreementId = { key: 'action_item_agreement_unknown' };
  if (
    activityId &&
    before?.work_plan_activity_id !== activityId &&
    !(await isVisibleActivity(db, ctx, activityId))
  )
    fields.workPlanActivityId = { key: 'action_item_activity_unknown' };
  const decisionId = body.decisionId ?? null;
  if (decisionId && !(await decisionIdsOf(db, meetingId)).has(decisionId))
    fields.decisionId = { key: 'action_item_decision_unknown' };
  return {
    decision_id: decisionId,
    title: body.title,
    description: body.description ?? null,
    owner_organization_id: ownerOrganizationId ?? '',
    owner_user_id: ownerUserId,
    // A user is named by her account; a typed name only when there is no user.
    owner_name: ownerUserId ? null : ownerName,
    due_on: body.dueOn ?? '',
    agreement_id: agreementId,
    work_plan_activity_id: activityId,
    topic,
  };
}

/** The done date to store: only with status done (default: kept or today), never in the future. */
function doneOnFor(
  status: ActionItemStatus,
  sent: string | null | undefined,
  before: { status: ActionItemStatus; done_on: string | null },
  fields: FieldErrors,
): string | null {
  if (status !== 'done') {
    if (sent) fields.doneOn = { key: 'action_item_done_on_status' };
    return null;
  }
  const doneOn = sent ?? (before.status === 'done' ? before.done_on : null) ?? today();
  if (doneOn > today()) fields.doneOn = { key: 'action_item_done_on_future' };
  return doneOn;
}

async function notifyOwner(
  trx: Db,
  ctx: RequestContext,
  meetingId: string,
  values: { owner_user_id: string | null; title: string; due_on: string },
) {
  // Nobody is told what she just gave herself.
  if (!values.owner_user_id || values.owner_user_id === ctx.principal.userId) return;
  await notify(
    trx,
    { userIds: [values.owner_user_id] },
    {
      kind: 'action_item_assigned',
      personId: null,
      params: { title: values.title, date: values.due_on },
      link: `/tata-kelola/rapat/${meetingId}`,
    },
  );
}

/** Adds an action item to a meeting the caller's organization organized; its owner user is notified. */
export async function create(
  db: Db,
  ctx: RequestContext,
  meetingId: string,
  body: ItemFields,
): Promise<ActionItem> {
  const meeting = await editableMeeting(db, ctx, meetingId);
  const id = await db.transaction().execute(async (trx) => {
    // Checked under the meeting's lock: a minutes save cannot remove the decision in between.
    const locked = await lockMeeting(trx, meetingId);
    if (!locked) throw notFound('MEETING_NOT_FOUND');
    if (locked.status === 'cancelled') throw conflict('MEETING_CANCELLED');
    const fields: FieldErrors = {};
    const values = await checkFields(trx, ctx, meetingId, body, fields);
    failOnFields(fields);
    const actionItemId = await insertActionItem(trx, {
      ...values,
      meeting_id: meetingId,
      created_by: ctx.principal.userId,
    });
    await audit(trx, ctx, {
      action: 'action_item.created',
      subjectType: 'action_item',
      subjectId: actionItemId,
      subjectOrganizationId: meeting.organization_id,
      details: {
        meetingId,
        ownerOrganizationId: values.owner_organization_id,
        ownerUserId: values.owner_user_id,
        dueOn: values.due_on,
      },
    });
    await notifyOwner(trx, ctx, meetingId, values);
    return actionItemId;
  });
  return view(db, ctx, id);
}

/** The action item the caller may see (its meeting, or her organization owns it), or 404. */
async function visibleItem(db: Db, ctx: RequestContext, actionItemId: string) {
  const row = await findVisibleActionItem(db, ctx, actionItemId);
  if (!row) throw notFound('ACTION_ITEM_NOT_FOUND');
  return row;
}

/** Edits an action item (the organizer's staff): every field, status and progress; a new owner is notified. */
export async function update(
  db: Db,
  ctx: RequestContext,
  actionItemId: string,
  body: z.output<typeof UpdateActionItemRequest>,
): Promise<ActionItem> {
  requirePermission(ctx, 'manage:meeting');
  const item = await visibleItem(db, ctx, actionItemId);
  if (!canEditMeeting(ctx, item.meeting_organization_id)) throw forbidden();
  if (item.meeting_status === 'cancelled') throw conflict('MEETING_CANCELLED');
  await db.transaction().execute(async (trx) => {
    // The meeting first (as every meeting save does), so a minutes save cannot remove the decision in between.
    const meeting = await lockMeeting(trx, item.meeting_id);
    if (!meeting) throw notFound('ACTION_ITEM_NOT_FOUND');
    if (meeting.status === 'cancelled') throw conflict('MEETING_CANCELLED');
    const locked = await lockActionItem(trx, actionItemId);
    if (!locked) throw notFound('ACTION_ITEM_NOT_FOUND');
    if (locked.version !== body.version) throw conflict('VERSION_CONFLICT');
    const fields: FieldErrors = {};
    const values = await checkFields(trx, ctx, item.meeting_id, body, fields, locked);
    const doneOn = doneOnFor(body.status, body.doneOn, locked, fields);
    failOnFields(fields);
    const progressNote = body.progressNote ?? null;
    const changed = (Object.keys(values) as (keyof ActionItemValues)[]).filter(
      (key) => values[key] !== locked[key],
    );
    // An identical save writes nothing and keeps the version.
    if (
      changed.length === 0 &&
      body.status === locked.status &&
      doneOn === locked.done_on &&
      progressNote === locked.progress_note
    )
      return;
    const saved = await updateActionItemIfVersion(trx, actionItemId, body.version, ctx.principal.userId, {
      ...values,
      status: body.status,
      done_on: doneOn,
      progress_note: progressNote,
    });
    if (!saved) throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'action_item.updated',
      subjectType: 'action_item',
      subjectId: actionItemId,
      subjectOrganizationId: item.meeting_organization_id,
      details: {
        meetingId: item.meeting_id,
        version: body.version + 1,
        changed,
        ...(locked.status !== body.status && { status: { from: locked.status, to: body.status } }),
      },
    });
    if (values.owner_user_id !== locked.owner_user_id) await notifyOwner(trx, ctx, item.meeting_id, values);
  });
  return view(db, ctx, actionItemId);
}

/**
 * Updates an action item's status, done date and progress note (the owner organization's or organizer's staff).
 * The owner's staff set open, in progress or done; cancelling (or reopening a cancelled item) is the organizer's.
 */
export async function progress(
  db: Db,
  ctx: RequestContext,
  actionItemId: string,
  body: z.output<typeof ActionItemProgressRequest>,
): Promise<ActionItem> {
  requirePermission(ctx, 'manage:meeting');
  const item = await visibleItem(db, ctx, actionItemId);
  if (!canUpdateProgress(ctx, item.meeting_organization_id, item.owner_organization_id)) throw forbidden();
  await db.transaction().execute(async (trx) => {
    const locked = await lockActionItem(trx, actionItemId);
    if (!locked) throw notFound('ACTION_ITEM_NOT_FOUND');
    if (locked.version !== body.version) throw conflict('VERSION_CONFLICT');
    const fields: FieldErrors = {};
    // Cancelling an item (or reopening a cancelled one) is the organizer's call, not the owner's.
    if (
      !canEditMeeting(ctx, item.meeting_organization_id) &&
      body.status !== locked.status &&
      (body.status === 'cancelled' || locked.status === 'cancelled')
    )
      fields.status = { key: 'action_item_cancel_organizer_only' };
    const doneOn = doneOnFor(body.status, body.doneOn, locked, fields);
    failOnFields(fields);
    const progressNote = body.progressNote ?? null;
    // An identical save writes nothing and keeps the version.
    if (body.status === locked.status && doneOn === locked.done_on && progressNote === locked.progress_note)
      return;
    const saved = await updateActionItemIfVersion(trx, actionItemId, body.version, ctx.principal.userId, {
      status: body.status,
      done_on: doneOn,
      progress_note: progressNote,
    });
    if (!saved) throw conflict('VERSION_CONFLICT');
    await audit(trx, ctx, {
      action: 'action_item.updated',
      subjectType: 'action_item',
      subjectId: actionItemId,
      subjectOrganizationId: item.meeting_organization_id,
      details: {
        meetingId: item.meeting_id,
        version: body.version + 1,
        progress: true,
        ...(locked.status !== body.status && { status: { from: locked.status, to: body.status } }),
      },
    });
  });
  return view(db, ctx, actionItemId);
}

import {
  ACTION_ITEM_STATUSES,
  type ActionItem,
  type ActionItemProgressRequest,
  type ActionItemStatus,
  type CreateActionItemRequest,
  type UpdateActionItemRequest,
} from '../../../../shared/meetings.ts';
import { type ActionItemLinkKind, linkKindOf } from './meetingText.ts';

// An action item as form data (unit-tested). The owner is a user of the owner organization or a name typed;
// the link is one of an agreement, a work-plan activity or a topic in words. The server checks the required
// parts (owner organization, owner, due date) and names the field; its errors `owner` and `link` land on the
// input shown for the chosen kind.

export type OwnerMode = 'user' | 'name';

export interface ActionItemFormValues {
  title: string;
  description: string;
  ownerOrganizationId: string | null;
  ownerMode: OwnerMode;
  ownerUserId: string | null;
  ownerName: string;
  dueOn: string | null;
  decisionId: string | null;
  linkKind: ActionItemLinkKind;
  agreementId: string | null;
  workPlanActivityId: string | null;
  topic: string;
}

export function actionItemFormValues(item?: ActionItem): ActionItemFormValues {
  if (!item) {
    return {
      title: '',
      description: '',
      ownerOrganizationId: null,
      ownerMode: 'user',
      ownerUserId: null,
      ownerName: '',
      dueOn: null,
      decisionId: null,
      linkKind: 'none',
      agreementId: null,
      workPlanActivityId: null,
      topic: '',
    };
  }
  return {
    title: item.title,
    description: item.description ?? '',
    ownerOrganizationId: item.ownerOrganization.id,
    ownerMode: item.ownerUser ? 'user' : 'name',
    ownerUserId: item.ownerUser?.id ?? null,
    ownerName: item.ownerUser ? '' : item.ownerName,
    dueOn: item.dueOn,
    decisionId: item.decisionId,
    linkKind: linkKindOf(item),
    agreementId: item.agreement?.id ?? null,
    workPlanActivityId: item.workPlanActivity?.id ?? null,
    topic: item.topic ?? '',
  };
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The fields of a create (and of a full update): only the chosen owner kind and link kind are sent. */
export function actionItemRequest(values: ActionItemFormValues): CreateActionItemRequest {
  return {
    title: values.title.trim(),
    description: orNull(values.description),
    ownerOrganizationId: values.ownerOrganizationId,
    ownerUserId: values.ownerMode === 'user' ? values.ownerUserId : null,
    ownerName: values.ownerMode === 'name' ? orNull(values.ownerName) : null,
    dueOn: values.dueOn,
    decisionId: values.decisionId,
    agreementId: values.linkKind === 'agreement' ? values.agreementId : null,
    workPlanActivityId: values.linkKind === 'activity' ? values.workPlanActivityId : null,
    topic: values.linkKind === 'topic' ? orNull(values.topic) : null,
  };
}

/** The full update of the organizer's staff: the fields, and the tracking as it stands. */
export function actionItemUpdateRequest(
  item: ActionItem,
  values: ActionItemFormValues,
): UpdateActionItemRequest {
  return {
    version: item.version,
    ...actionItemRequest(values),
    status: item.status,
    doneOn: item.doneOn,
    progressNote: item.progressNote,
  };
}

/** Where the server's `owner` and `link` errors go: the input of the owner and link kinds chosen. */
export function actionItemErrorRenames(values: ActionItemFormValues): Record<string, string> {
  const link: Record<ActionItemLinkKind, string> = {
    none: 'linkKind',
    agreement: 'agreementId',
    activity: 'workPlanActivityId',
    topic: 'topic',
  };
  return {
    owner: values.ownerMode === 'user' ? 'ownerUserId' : 'ownerName',
    link: link[values.linkKind],
  };
}

/**
 * The statuses offered in the progress dialog: the organizer's staff (who edit the item) may cancel it or
 * reopen a cancelled one; the owner organization's staff only move it among open, in progress and done (a
 * cancelled item stays cancelled for them, its note still editable).
 */
export function progressStatuses(item: Pick<ActionItem, 'canEdit' | 'status'>): readonly ActionItemStatus[] {
  if (item.canEdit) return ACTION_ITEM_STATUSES;
  if (item.status === 'cancelled') return ['cancelled'];
  return ACTION_ITEM_STATUSES.filter((status) => status !== 'cancelled');
}

export interface ProgressValues {
  status: ActionItemStatus;
  doneOn: string | null;
  progressNote: string;
}

export function progressValues(item: ActionItem): ProgressValues {
  return { status: item.status, doneOn: item.doneOn, progressNote: item.progressNote ?? '' };
}

/** The status and progress note; a done date only with status done (the server defaults it to today). */
export function progressRequest(item: ActionItem, values: ProgressValues): ActionItemProgressRequest {
  return {
    version: item.version,
    status: values.status,
    doneOn: values.status === 'done' ? values.doneOn : null,
    progressNote: orNull(values.progressNote),
  };
}

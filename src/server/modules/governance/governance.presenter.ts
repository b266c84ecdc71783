import type {
  ActivityReport,
  ActivityReportListItem,
  ActivityReportSource,
  GovernanceActionItem,
} from '../../../shared/governance.ts';
import type { RequestContext } from '../../platform/access.ts';
import { canUpdateProgress } from '../meetings/meetings.access.ts';
import type { ActionItemRow, ReportRow } from './governance.repository.ts';

/** An action item as the overview and the home card show it. */
export function presentActionItem(ctx: RequestContext, row: ActionItemRow): GovernanceActionItem {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    meeting: { id: row.meeting_id, title: row.meeting_title, heldOn: row.meeting_held_on },
    ownerOrganization: { id: row.owner_organization_id, name: row.owner_organization_name },
    ownerUserId: row.owner_user_id,
    ownerName: row.owner_name,
    dueOn: row.due_on,
    status: row.status,
    overdue: Boolean(row.overdue),
    daysOverdue: row.days_overdue === null ? null : Number(row.days_overdue),
    doneOn: row.done_on,
    progressNote: row.progress_note,
    topic: row.topic,
    agreement:
      row.agreement_id && row.agreement_title ? { id: row.agreement_id, title: row.agreement_title } : null,
    activity:
      row.activity_id && row.activity_title && row.work_plan_id
        ? { id: row.activity_id, workPlanId: row.work_plan_id, title: row.activity_title }
        : null,
    canUpdate: canUpdateProgress(ctx, row.meeting_organization_id, row.owner_organization_id),
    version: row.version,
  };
}

function sourceOf(row: ReportRow): ActivityReportSource | null {
  if (row.meeting_id && row.meeting_title !== null)
    return { kind: 'meeting', id: row.meeting_id, title: row.meeting_title, workPlanId: null };
  if (row.activity_id && row.activity_title !== null && row.work_plan_id !== null)
    return { kind: 'activity', id: row.activity_id, title: row.activity_title, workPlanId: row.work_plan_id };
  return null;
}

/** The permission a report's changes need: its meeting's (manage:meeting) or its activity's (manage:workplan). */
export function mayEditReport(ctx: RequestContext, row: { meeting_id: string | null }): boolean {
  const permission = row.meeting_id ? 'manage:meeting:organization' : 'manage:workplan:organization';
  return ctx.principal.permissions.includes(permission);
}

const iso = (value: Date | string) =>
  value instanceof Date ? value.toISOString() : new Date(value).toISOString();

export function presentReport(ctx: RequestContext, row: ReportRow): ActivityReport {
  return {
    id: row.id,
    organization: { id: row.organization_id, name: row.organization_name },
    source: sourceOf(row),
    title: row.title,
    heldOn: row.held_on,
    place: row.place,
    participants: row.participants,
    summary: row.summary,
    decisions: row.decisions,
    status: row.status,
    createdByName: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedByName: row.updated_by_name,
    updatedAt: iso(row.updated_at),
    version: row.version,
    canEdit: row.status === 'draft' && mayEditReport(ctx, row),
  };
}

export function presentReportListItem(row: ReportRow): ActivityReportListItem {
  return {
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    place: row.place,
    status: row.status,
    source: sourceOf(row),
    updatedAt: iso(row.updated_at),
    updatedByName: row.updated_by_name,
  };
}

import type {
  ActionItem,
  AgendaItem,
  AttendanceSummary,
  Attendee,
  Decision,
  MeetingDetail,
  MeetingListItem,
  MeetingPhoto,
} from '../../../shared/meetings.ts';
import type { RequestContext } from '../../platform/access.ts';
import { canEditMeeting, canUpdateProgress } from './meetings.access.ts';
import type {
  ActionItemRow,
  AgendaRow,
  AttendeeRow,
  DecisionRow,
  MeetingListRow,
  MeetingRow,
  PhotoRow,
} from './meetings.repository.ts';

const iso = (value: Date | string) => new Date(value).toISOString();

export function presentAgendaItem(row: AgendaRow): AgendaItem {
  return {
    id: row.id,
    position: row.position,
    kind: row.kind,
    title: row.title,
    presenter: row.presenter,
    minutes: row.minutes,
  };
}

export function presentAttendee(row: AttendeeRow): Attendee {
  return {
    id: row.id,
    position: row.position,
    kind: row.user_id ? 'user' : 'guest',
    userId: row.user_id,
    name: row.name,
    jobTitle: row.job_title,
    organizationId: row.organization_id,
    organizationName: row.directory_name ?? row.organization_name,
    attendance: row.attendance,
  };
}

export function presentDecision(row: DecisionRow): Decision {
  return { id: row.id, position: row.position, text: row.text, agendaItemId: row.agenda_item_id };
}

export function presentActionItem(ctx: RequestContext, row: ActionItemRow): ActionItem {
  return {
    id: row.id,
    // A carried item may come from a meeting the caller may not open: then it is not named (the web says
    // "rapat lain").
    meeting: row.meeting_visible
      ? { id: row.meeting_id, title: row.meeting_title, heldOn: row.meeting_held_on }
      : null,
    decisionId: row.decision_id,
    title: row.title,
    description: row.description,
    ownerOrganization: { id: row.owner_organization_id, name: row.owner_organization_name },
    ownerUser: row.owner_user_id ? { id: row.owner_user_id, name: row.owner_user_name ?? '' } : null,
    ownerName: row.owner_user_name ?? row.owner_name ?? '',
    dueOn: row.due_on,
    status: row.status,
    overdue: Boolean(row.overdue),
    doneOn: row.done_on,
    progressNote: row.progress_note,
    // Titles of agreements and work plans only for the organizations that may open them (ADR 014); the
    // others learn what kind of record it is about.
    agreement:
      row.agreement_id && row.agreement_kind
        ? {
            id: row.agreement_id,
            title: row.agreement_visible ? row.agreement_title : null,
            kind: row.agreement_kind,
            canOpen: Boolean(row.agreement_visible),
          }
        : null,
    workPlanActivity:
      row.work_plan_activity_id && row.work_plan_id
        ? {
            id: row.work_plan_activity_id,
            title: row.work_plan_visible ? row.activity_title : null,
            workPlanId: row.work_plan_id,
            workPlanTitle: row.work_plan_visible ? row.work_plan_title : null,
            canOpen: Boolean(row.work_plan_visible),
          }
        : null,
    topic: row.topic,
    version: row.version,
    updatedAt: iso(row.updated_at),
    canEdit: row.meeting_status !== 'cancelled' && canEditMeeting(ctx, row.meeting_organization_id),
    canUpdateProgress: canUpdateProgress(ctx, row.meeting_organization_id, row.owner_organization_id),
  };
}

export function presentPhoto(row: PhotoRow): MeetingPhoto {
  return {
    id: row.id,
    position: row.position,
    caption: row.caption,
    fileName: row.file_name,
    mediaType: row.media_type === 'image/png' ? 'image/png' : 'image/jpeg',
    sizeBytes: row.size_bytes,
    uploadedBy: row.uploaded_by_name,
    uploadedAt: iso(row.created_at),
  };
}

export function attendanceSummary(rows: { attendance: Attendee['attendance'] }[]): AttendanceSummary {
  const count = (value: Attendee['attendance']) => rows.filter((row) => row.attendance === value).length;
  return {
    total: rows.length,
    invited: count('invited'),
    present: count('present'),
    absent: count('absent'),
    excused: count('excused'),
  };
}

export interface MeetingParts {
  agenda: AgendaRow[];
  attendees: AttendeeRow[];
  decisions: DecisionRow[];
  actionItems: ActionItemRow[];
  carriedOver: ActionItemRow[];
  photos: PhotoRow[];
}

export function presentMeeting(ctx: RequestContext, row: MeetingRow, parts: MeetingParts): MeetingDetail {
  const cancelled = row.status === 'cancelled';
  const editor = canEditMeeting(ctx, row.organization_id);
  return {
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    chair: row.chair,
    noteTaker: row.note_taker,
    status: row.status,
    organizer: { id: row.organization_id, name: row.organization_name },
    previousMeeting:
      row.previous_visible && row.previous_meeting_id && row.previous_title && row.previous_held_on
        ? { id: row.previous_meeting_id, title: row.previous_title, heldOn: row.previous_held_on }
        : null,
    agenda: parts.agenda.map(presentAgendaItem),
    attendees: parts.attendees.map(presentAttendee),
    attendance: attendanceSummary(parts.attendees),
    decisions: parts.decisions.map(presentDecision),
    actionItems: parts.actionItems.map((item) => presentActionItem(ctx, item)),
    carriedOver: parts.carriedOver.map((item) => presentActionItem(ctx, item)),
    photos: parts.photos.map(presentPhoto),
    createdBy: row.created_by_name,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
    version: row.version,
    canEdit: editor && !cancelled,
    canManageActionItems: editor && !cancelled,
  };
}

export function presentListItem(ctx: RequestContext, row: MeetingListRow): MeetingListItem {
  return {
    id: row.id,
    title: row.title,
    heldOn: row.held_on,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    place: row.place,
    status: row.status,
    organizer: { id: row.organization_id, name: row.organization_name },
    organized: row.organization_id === ctx.principal.organizationId,
    attendees: Number(row.attendees),
    present: Number(row.present),
    openActionItems: Number(row.open_items),
    overdueActionItems: Number(row.overdue_items),
  };
}

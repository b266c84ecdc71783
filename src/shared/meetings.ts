import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';

// Coordination meetings (rapat koordinasi, issue 8): organized by the caller's organization, with an agenda
// (minutes per item), attendees (users of the directory or guests) and their attendance, decisions, action
// items (an owner organization and its person, a due date, a status; about an agreement, a work-plan activity
// or a topic in words, never a person of the program), photos, and the printable notulen and daftar hadir.
//
// Who sees a meeting: its organizer, every organization with an attendee row, and the owner organization of
// one of its action items (ADR 014). Editing: staff with manage:meeting of the organizer. An action item's
// status and progress note: also staff with manage:meeting of its owner organization.
//
// Carry-over: when a meeting is created, the still-open (open, in progress) action items decided in or
// carried into the organizer's previous meeting (its latest earlier non-cancelled meeting it ORGANIZED), and
// the open items OWNED by the organizer from any meeting it attended after that one, are linked to the new
// meeting, and an agenda item of kind `carry_over` titled CARRY_OVER_TITLE is put first. It stays first; it
// cannot be removed nor retitled. A carried item's meeting (`ActionItem.meeting`) and `previousMeeting` are
// named only to callers who may open that meeting (else null: the web shows "rapat lain"). Once items are
// carried into a meeting its `heldOn` cannot change (field error `heldOn`).
//
// Versions: the meeting's `version` guards PUT /api/meetings/:id, /minutes and /attendance (a stale one →
// 409 VERSION_CONFLICT); each action item has its own `version`.

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];
export const ATTENDANCE_STATUSES = ['invited', 'present', 'absent', 'excused'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const AGENDA_ITEM_KINDS = ['regular', 'carry_over'] as const;
export type AgendaItemKind = (typeof AGENDA_ITEM_KINDS)[number];
export const ACTION_ITEM_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionItemStatus = (typeof ACTION_ITEM_STATUSES)[number];
/** Still to be done: carried over into the next meeting, counted as open, can be overdue. */
export const OPEN_ACTION_ITEM_STATUSES = [
  'open',
  'in_progress',
] as const satisfies readonly ActionItemStatus[];

/** The title of the carry-over agenda item (stored in Indonesian, as the minutes are written). */
export const CARRY_OVER_TITLE = 'Tindak lanjut hasil rapat sebelumnya';

export const MAX_PHOTO_MB = 10;
export const MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024;
/** Photos: JPEG or PNG, judged by content. */
export const PHOTO_MEDIA_TYPES = ['image/jpeg', 'image/png'] as const;
export type PhotoMediaType = (typeof PHOTO_MEDIA_TYPES)[number];

export const MEETING_LIMITS = { agenda: 50, attendees: 300, decisions: 100 } as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;
/** 'HH:mm' (00:00–23:59) or empty (→ null); a wrong one → field message meeting_time_format. */
const optionalTime = z
  .string()
  .trim()
  .refine((value) => value === '' || TIME_PATTERN.test(value), { params: { key: 'meeting_time_format' } })
  .transform((value) => (value === '' ? null : value))
  .nullable()
  .optional();

export const MeetingParams = z.strictObject({ meetingId: z.uuid() });
export const ActionItemParams = z.strictObject({ actionItemId: z.uuid() });
export const MeetingPhotoParams = z.strictObject({ meetingId: z.uuid(), fileId: z.uuid() });

// ── Requests ──

/** An agenda item; send the `id` of an existing one to keep it (its minutes stay), none to add one. */
export const AgendaItemInput = z.strictObject({
  id: z.uuid().optional(),
  title: requiredText(300),
  presenter: optionalText(200),
});

/**
 * An attendee: a user of the directory (`userId`: name, position and organization copied from the account),
 * or a guest (`name`, `jobTitle`, and `organizationId` from the directory OR a typed `organizationName`).
 * Send the `id` of an existing row to keep it. `attendance` defaults to the row's current one (new: invited).
 */
export const AttendeeInput = z.strictObject({
  id: z.uuid().optional(),
  userId: z.uuid().nullable().optional(),
  name: optionalText(200),
  jobTitle: optionalText(200),
  organizationId: z.uuid().nullable().optional(),
  organizationName: optionalText(200),
  attendance: z.enum(ATTENDANCE_STATUSES).optional(),
});

const MeetingParticulars = {
  title: requiredText(300),
  heldOn: CalendarDate,
  /** 'HH:mm'; endsAt needs startsAt and must be after it (field error `endsAt`). */
  startsAt: optionalTime,
  endsAt: optionalTime,
  place: requiredText(300),
  /** Pimpinan rapat, by name (and position, as typed). */
  chair: optionalText(200),
  /** Notulis. */
  noteTaker: optionalText(200),
};

// ── POST /api/meetings ──
export const CreateMeetingRequest = z.strictObject({
  ...MeetingParticulars,
  agenda: z
    .array(AgendaItemInput.omit({ id: true }))
    .max(MEETING_LIMITS.agenda)
    .default([]),
  attendees: z
    .array(AttendeeInput.omit({ id: true }))
    .max(MEETING_LIMITS.attendees)
    .default([]),
});
export type CreateMeetingRequest = z.input<typeof CreateMeetingRequest>;

// ── PUT /api/meetings/:meetingId ── (particulars, status, agenda, attendees: rows with id kept, without id
// added, the others removed; the carry-over item is always kept first whether sent or not)
export const UpdateMeetingRequest = z.strictObject({
  version: z.number().int(),
  ...MeetingParticulars,
  /**
   * planned → held (not before its date: field error `status`) or cancelled; nothing leaves held or cancelled
   * (409). A held meeting's `heldOn` cannot move past today (field error `heldOn`). A save that changes
   * nothing writes nothing and keeps the version.
   */
  status: z.enum(MEETING_STATUSES),
  agenda: z.array(AgendaItemInput).max(MEETING_LIMITS.agenda),
  attendees: z.array(AttendeeInput).max(MEETING_LIMITS.attendees),
});
export type UpdateMeetingRequest = z.input<typeof UpdateMeetingRequest>;

/** A decision; `agendaItemId` names one of the meeting's agenda items (optional). */
export const DecisionInput = z.strictObject({
  id: z.uuid().optional(),
  text: requiredText(2000),
  agendaItemId: z.uuid().nullable().optional(),
});

// ── PUT /api/meetings/:meetingId/minutes ── (minutes of existing agenda items by id; decisions as a document)
export const SaveMinutesRequest = z.strictObject({
  version: z.number().int(),
  /** Agenda items not named keep their minutes. */
  agenda: z.array(z.strictObject({ id: z.uuid(), minutes: optionalText(20_000) })).max(MEETING_LIMITS.agenda),
  decisions: z.array(DecisionInput).max(MEETING_LIMITS.decisions),
});
export type SaveMinutesRequest = z.input<typeof SaveMinutesRequest>;

// ── PUT /api/meetings/:meetingId/attendance ── (`allPresent` marks everyone present first; `items` then set
// single rows)
export const SaveAttendanceRequest = z.strictObject({
  version: z.number().int(),
  allPresent: z.boolean().optional(),
  items: z
    .array(z.strictObject({ attendeeId: z.uuid(), attendance: z.enum(ATTENDANCE_STATUSES) }))
    .max(MEETING_LIMITS.attendees)
    .default([]),
});
export type SaveAttendanceRequest = z.input<typeof SaveAttendanceRequest>;

/**
 * What an action item is about: at most one of an agreement the caller sees, a work-plan activity the caller
 * sees, or a topic in words (field error `link`).
 */
const ActionItemLinks = {
  agreementId: z.uuid().nullable().optional(),
  workPlanActivityId: z.uuid().nullable().optional(),
  topic: optionalText(300),
};

const ActionItemFields = {
  title: requiredText(300),
  description: optionalText(2000),
  /** Required (field error `ownerOrganizationId`), checked by the server so the message names it. */
  ownerOrganizationId: z.uuid().nullable().optional(),
  /** An active user of the owner organization, or `ownerName` typed (field error `owner` when neither, or
   * when the user is not of that organization). */
  ownerUserId: z.uuid().nullable().optional(),
  ownerName: optionalText(200),
  /** Required (field error `dueOn`). */
  dueOn: CalendarDate.nullable().optional(),
  /** One of this meeting's decisions. */
  decisionId: z.uuid().nullable().optional(),
  ...ActionItemLinks,
};

// ── POST /api/meetings/:meetingId/action-items ──
export const CreateActionItemRequest = z.strictObject(ActionItemFields);
export type CreateActionItemRequest = z.input<typeof CreateActionItemRequest>;

// ── PUT /api/action-items/:actionItemId ── (the organizer's staff: everything)
export const UpdateActionItemRequest = z.strictObject({
  version: z.number().int(),
  ...ActionItemFields,
  status: z.enum(ACTION_ITEM_STATUSES),
  /** Only with status done; defaults to today; not in the future (field error `doneOn`). */
  doneOn: CalendarDate.nullable().optional(),
  progressNote: optionalText(2000),
});
export type UpdateActionItemRequest = z.input<typeof UpdateActionItemRequest>;

// ── POST /api/action-items/:actionItemId/progress ── (the owner organization's staff, or the organizer's)
export const ActionItemProgressRequest = z.strictObject({
  version: z.number().int(),
  /**
   * The owner organization's staff (not the organizer's) set only open, in_progress or done: cancelling an
   * item, or reopening a cancelled one, is the organizer's call (field error `status`).
   */
  status: z.enum(ACTION_ITEM_STATUSES),
  doneOn: CalendarDate.nullable().optional(),
  progressNote: optionalText(2000),
});
export type ActionItemProgressRequest = z.input<typeof ActionItemProgressRequest>;

// ── POST /api/meetings/:meetingId/photos ── multipart: `file` (JPEG/PNG ≤ 10 MB) and `caption`
export const UploadPhotoFields = z.strictObject({ caption: optionalText(300) });

// ── PUT /api/meetings/:meetingId/photos/:fileId ──
export const UpdatePhotoRequest = z.strictObject({ caption: optionalText(300) });
export type UpdatePhotoRequest = z.input<typeof UpdatePhotoRequest>;

// ── GET /api/meetings ──
export const MeetingListQuery = PageQuery.extend({
  status: z.enum(MEETING_STATUSES).optional(),
  /** held_on from / to (inclusive). */
  from: CalendarDate.optional(),
  to: CalendarDate.optional(),
  /** Title or place contains. */
  q: z.string().trim().max(100).optional(),
  /** organized: by the caller's organization; attended: by another, with an attendee of the caller's. */
  role: z.enum(['organized', 'attended']).optional(),
}).strict();
export type MeetingListQuery = z.input<typeof MeetingListQuery>;

// ── GET /api/meetings/people ──
export const MeetingPeopleQuery = z.strictObject({
  /** Name contains (at least 2 characters), or empty with organizationId. */
  q: z.string().trim().max(100).optional(),
  /** Only users of this organization (the owner of an action item). */
  organizationId: z.uuid().optional(),
});
export type MeetingPeopleQuery = z.input<typeof MeetingPeopleQuery>;

// ── Responses (no transforms) ──

const Named = z.object({ id: z.uuid(), name: z.string() });

export const MeetingPerson = z
  .object({
    id: z.uuid(),
    name: z.string(),
    position: z.string().nullable(),
    organization: Named,
  })
  .meta({ id: 'MeetingPerson' });
export type MeetingPerson = z.infer<typeof MeetingPerson>;
export const MeetingPeople = z.object({ items: z.array(MeetingPerson) }).meta({ id: 'MeetingPeople' });
export type MeetingPeople = z.infer<typeof MeetingPeople>;

export const AgendaItem = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    kind: z.enum(AGENDA_ITEM_KINDS),
    title: z.string(),
    presenter: z.string().nullable(),
    minutes: z.string().nullable(),
  })
  .meta({ id: 'MeetingAgendaItem' });
export type AgendaItem = z.infer<typeof AgendaItem>;

export const Attendee = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    kind: z.enum(['user', 'guest']),
    userId: z.uuid().nullable(),
    name: z.string(),
    jobTitle: z.string().nullable(),
    /** The directory organization (a user's own, or a guest's chosen one); null for a typed name. */
    organizationId: z.uuid().nullable(),
    /** For display: the directory organization's name, else the typed one. */
    organizationName: z.string().nullable(),
    attendance: z.enum(ATTENDANCE_STATUSES),
  })
  .meta({ id: 'MeetingAttendee' });
export type Attendee = z.infer<typeof Attendee>;

export const Decision = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    text: z.string(),
    agendaItemId: z.uuid().nullable(),
  })
  .meta({ id: 'MeetingDecision' });
export type Decision = z.infer<typeof Decision>;

export const ActionItem = z
  .object({
    id: z.uuid(),
    /**
     * The meeting that decided it; null when the caller may not open that meeting (an item carried from a
     * meeting her organization neither organized, attended nor owns an item of: the web shows "rapat lain").
     */
    meeting: z.object({ id: z.uuid(), title: z.string(), heldOn: z.iso.date() }).nullable(),
    decisionId: z.uuid().nullable(),
    title: z.string(),
    description: z.string().nullable(),
    ownerOrganization: Named,
    ownerUser: Named.nullable(),
    /** The person responsible for display: the user's name, else the typed name. */
    ownerName: z.string(),
    dueOn: z.iso.date(),
    status: z.enum(ACTION_ITEM_STATUSES),
    /** Open or in progress and due before today (Asia/Jakarta). */
    overdue: z.boolean(),
    doneOn: z.iso.date().nullable(),
    progressNote: z.string().nullable(),
    /**
     * The linked agreement; `canOpen`: the caller's organization is a party. `title` only when it may open it
     * (null otherwise: the web shows e.g. "Kesepakatan (tidak dapat dibuka)").
     */
    agreement: z
      .object({
        id: z.uuid(),
        title: z.string().nullable(),
        kind: z.enum(['mou', 'pks']),
        canOpen: z.boolean(),
      })
      .nullable(),
    /**
     * The linked work-plan activity; `canOpen`: the caller sees its work plan. `title` and `workPlanTitle`
     * only when it does (null otherwise).
     */
    workPlanActivity: z
      .object({
        id: z.uuid(),
        title: z.string().nullable(),
        workPlanId: z.uuid(),
        workPlanTitle: z.string().nullable(),
        canOpen: z.boolean(),
      })
      .nullable(),
    topic: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.iso.datetime({ offset: true }),
    /** Edit everything (the organizer's manage staff). */
    canEdit: z.boolean(),
    /** Update status and progress note (the organizer's or the owner organization's manage staff). */
    canUpdateProgress: z.boolean(),
  })
  .meta({ id: 'ActionItem' });
export type ActionItem = z.infer<typeof ActionItem>;

export const MeetingPhoto = z
  .object({
    /** The file id (governance_file). Content: GET /api/meetings/:meetingId/photos/:fileId/content. */
    id: z.uuid(),
    position: z.number().int(),
    caption: z.string().nullable(),
    fileName: z.string(),
    mediaType: z.enum(PHOTO_MEDIA_TYPES),
    sizeBytes: z.number().int(),
    uploadedBy: z.string().nullable(),
    uploadedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'MeetingPhoto' });
export type MeetingPhoto = z.infer<typeof MeetingPhoto>;

export const AttendanceSummary = z.object({
  total: z.number().int(),
  invited: z.number().int(),
  present: z.number().int(),
  absent: z.number().int(),
  excused: z.number().int(),
});
export type AttendanceSummary = z.infer<typeof AttendanceSummary>;

export const MeetingDetail = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.iso.date(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    place: z.string(),
    chair: z.string().nullable(),
    noteTaker: z.string().nullable(),
    status: z.enum(MEETING_STATUSES),
    organizer: Named,
    /**
     * The organizer's previous organized meeting (whose open items were carried into this one); null when
     * there is none or the caller may not open it.
     */
    previousMeeting: z.object({ id: z.uuid(), title: z.string(), heldOn: z.iso.date() }).nullable(),
    /** By position; the carry-over item (if any) first. */
    agenda: z.array(AgendaItem),
    attendees: z.array(Attendee),
    attendance: AttendanceSummary,
    decisions: z.array(Decision),
    /** Decided in this meeting. */
    actionItems: z.array(ActionItem),
    /** Carried into this meeting (of earlier meetings), with their current status. */
    carriedOver: z.array(ActionItem),
    photos: z.array(MeetingPhoto),
    createdBy: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
    /** The caller edits it (manage:meeting of the organizer; not once cancelled). */
    canEdit: z.boolean(),
    /** The caller may add action items (manage:meeting of the organizer). */
    canManageActionItems: z.boolean(),
  })
  .meta({ id: 'MeetingDetail' });
export type MeetingDetail = z.infer<typeof MeetingDetail>;

export const MeetingListItem = z
  .object({
    id: z.uuid(),
    title: z.string(),
    heldOn: z.iso.date(),
    startsAt: z.string().nullable(),
    endsAt: z.string().nullable(),
    place: z.string(),
    status: z.enum(MEETING_STATUSES),
    organizer: Named,
    /** The caller's organization organized it. */
    organized: z.boolean(),
    attendees: z.number().int(),
    present: z.number().int(),
    /** Action items decided in it: still open (open or in progress), and of those overdue. */
    openActionItems: z.number().int(),
    overdueActionItems: z.number().int(),
  })
  .meta({ id: 'MeetingListItem' });
export type MeetingListItem = z.infer<typeof MeetingListItem>;

export const MeetingList = pageOf(MeetingListItem).meta({ id: 'MeetingList' });
export type MeetingList = z.infer<typeof MeetingList>;

// ── GET /api/meetings/:meetingId/action-items ──
export const MeetingActionItems = z
  .object({
    /** Decided in this meeting, by due date. */
    items: z.array(ActionItem),
    /** Carried into it from earlier meetings. */
    carriedOver: z.array(ActionItem),
  })
  .meta({ id: 'MeetingActionItems' });
export type MeetingActionItems = z.infer<typeof MeetingActionItems>;

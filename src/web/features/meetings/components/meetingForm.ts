import type {
  AgendaItemKind,
  AttendanceStatus,
  CreateMeetingRequest,
  MeetingDetail,
  MeetingPerson,
  MeetingStatus,
  SaveMinutesRequest,
  UpdateMeetingRequest,
} from '../../../../shared/meetings.ts';

// A meeting as form data (unit-tested): the particulars, the agenda rows and the attendee rows of the create
// page, and the document the server takes on every change of an existing meeting (PUT: particulars, status,
// agenda, attendees; rows with an id are kept, rows without are added, the others removed).

export interface AgendaRow {
  /** A stable React key. */
  key: string;
  /** A stored item keeps its id (and so its minutes). */
  id?: string;
  kind: AgendaItemKind;
  title: string;
  presenter: string;
}

export interface AttendeeRow {
  key: string;
  id?: string;
  kind: 'user' | 'guest';
  userId: string | null;
  name: string;
  jobTitle: string;
  /** A directory organization (a user's own, or a guest's chosen one). */
  organizationId: string | null;
  /** For display (a user's or a chosen organization's name), or the guest's organization as typed. */
  organizationName: string;
  attendance?: AttendanceStatus;
}

/** The particulars as typed: text inputs hold '' where the API takes null; times 'HH:mm' or ''. */
export interface MeetingParticularsValues {
  title: string;
  heldOn: string | null;
  startsAt: string;
  endsAt: string;
  place: string;
  chair: string;
  noteTaker: string;
}

export interface MeetingFormValues extends MeetingParticularsValues {
  agenda: AgendaRow[];
  attendees: AttendeeRow[];
}

let rowCounter = 0;
function newKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-new-${rowCounter}`;
}

export const newAgendaRow = (): AgendaRow => ({
  key: newKey('agenda'),
  kind: 'regular',
  title: '',
  presenter: '',
});

export function emptyMeetingForm(heldOn: string | null = null): MeetingFormValues {
  return {
    title: '',
    heldOn,
    startsAt: '',
    endsAt: '',
    place: '',
    chair: '',
    noteTaker: '',
    agenda: [newAgendaRow()],
    attendees: [],
  };
}

export function particularsOf(meeting: MeetingDetail): MeetingParticularsValues {
  return {
    title: meeting.title,
    heldOn: meeting.heldOn,
    startsAt: meeting.startsAt ?? '',
    endsAt: meeting.endsAt ?? '',
    place: meeting.place,
    chair: meeting.chair ?? '',
    noteTaker: meeting.noteTaker ?? '',
  };
}

export function agendaRowsOf(meeting: MeetingDetail): AgendaRow[] {
  return meeting.agenda.map((item) => ({
    key: item.id,
    id: item.id,
    kind: item.kind,
    title: item.title,
    presenter: item.presenter ?? '',
  }));
}

export function attendeeRowsOf(meeting: MeetingDetail): AttendeeRow[] {
  return meeting.attendees.map((attendee) => ({
    key: attendee.id,
    id: attendee.id,
    kind: attendee.kind,
    userId: attendee.userId,
    name: attendee.name,
    jobTitle: attendee.jobTitle ?? '',
    organizationId: attendee.organizationId,
    organizationName: attendee.organizationName ?? '',
    attendance: attendee.attendance,
  }));
}

/** A user picked from the search: the server copies her name, position and organization from the account. */
export function userRow(person: MeetingPerson): AttendeeRow {
  return {
    key: newKey('attendee'),
    kind: 'user',
    userId: person.id,
    name: person.name,
    jobTitle: person.position ?? '',
    organizationId: person.organization.id,
    organizationName: person.organization.name,
  };
}

export interface GuestValues {
  name: string;
  jobTitle: string;
  /** 'directory': an organization chosen from the directory; 'typed': its name as typed. */
  organizationMode: 'directory' | 'typed';
  organizationId: string | null;
  /** The chosen organization's name (for display) or the typed one. */
  organizationName: string;
}

export const emptyGuest = (): GuestValues => ({
  name: '',
  jobTitle: '',
  organizationMode: 'directory',
  organizationId: null,
  organizationName: '',
});

export function guestRow(guest: GuestValues): AttendeeRow {
  const fromDirectory = guest.organizationMode === 'directory' && guest.organizationId !== null;
  return {
    key: newKey('attendee'),
    kind: 'guest',
    userId: null,
    name: guest.name.trim(),
    jobTitle: guest.jobTitle.trim(),
    organizationId: fromDirectory ? guest.organizationId : null,
    organizationName: guest.organizationName.trim(),
  };
}

/** Whether this user is on the list already (the server refuses her twice). */
export function hasUser(rows: readonly AttendeeRow[], userId: string): boolean {
  return rows.some((row) => row.userId === userId);
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/**
 * The client's check of the times, as the server words it: an end needs a start and comes after it (the
 * field to mark), or null. Times are 'HH:mm', so they compare as text.
 */
export function timeProblem(startsAt: string, endsAt: string): 'endsWithoutStart' | 'endsBeforeStart' | null {
  if (endsAt === '') return null;
  if (startsAt === '') return 'endsWithoutStart';
  return endsAt <= startsAt ? 'endsBeforeStart' : null;
}

function particularsRequest(values: MeetingParticularsValues) {
  return {
    title: values.title.trim(),
    heldOn: values.heldOn ?? '',
    startsAt: values.startsAt.trim(),
    endsAt: values.endsAt.trim(),
    place: values.place.trim(),
    chair: orNull(values.chair),
    noteTaker: orNull(values.noteTaker),
  };
}

function agendaInput(row: AgendaRow) {
  return {
    ...(row.id ? { id: row.id } : {}),
    title: row.title.trim(),
    presenter: orNull(row.presenter),
  };
}

function attendeeInput(row: AttendeeRow) {
  const kept = row.id ? { id: row.id } : {};
  if (row.kind === 'user' && row.userId) return { ...kept, userId: row.userId };
  return {
    ...kept,
    name: row.name.trim(),
    jobTitle: orNull(row.jobTitle),
    ...(row.organizationId
      ? { organizationId: row.organizationId }
      : { organizationName: orNull(row.organizationName) }),
  };
}

/**
 * The create request. Agenda rows left completely empty are dropped (the form starts with one); a half-filled
 * one is sent, so the server names its missing title.
 */
export function createMeetingRequest(values: MeetingFormValues): CreateMeetingRequest {
  return {
    ...particularsRequest(values),
    agenda: values.agenda
      .filter((row) => row.title.trim() !== '' || row.presenter.trim() !== '')
      .map((row) => agendaInput(row)),
    attendees: values.attendees.map((row) => {
      const { id: _id, ...input } = attendeeInput(row);
      return input;
    }),
  };
}

export interface MeetingChanges {
  particulars?: MeetingParticularsValues;
  status?: MeetingStatus;
  agenda?: AgendaRow[];
  attendees?: AttendeeRow[];
}

/**
 * The whole document of an existing meeting, as stored, with some parts changed: the one request of every
 * change made on the meeting page (status, particulars, agenda, attendees), carrying the version read.
 */
export function updateMeetingRequest(
  meeting: MeetingDetail,
  changes: MeetingChanges = {},
): UpdateMeetingRequest {
  return {
    version: meeting.version,
    ...particularsRequest(changes.particulars ?? particularsOf(meeting)),
    status: changes.status ?? meeting.status,
    agenda: (changes.agenda ?? agendaRowsOf(meeting)).map((row) => agendaInput(row)),
    attendees: (changes.attendees ?? attendeeRowsOf(meeting)).map((row) => attendeeInput(row)),
  };
}

/** The meeting without one attendee (the rest kept as they are). */
export function withoutAttendee(meeting: MeetingDetail, attendeeId: string): AttendeeRow[] {
  return attendeeRowsOf(meeting).filter((row) => row.id !== attendeeId);
}

/** A decision row of the decisions editor. */
export interface DecisionRow {
  key: string;
  id?: string;
  text: string;
  agendaItemId: string | null;
}

export const newDecisionRow = (): DecisionRow => ({ key: newKey('decision'), text: '', agendaItemId: null });

export function decisionRowsOf(meeting: MeetingDetail): DecisionRow[] {
  return meeting.decisions.map((decision) => ({
    key: decision.id,
    id: decision.id,
    text: decision.text,
    agendaItemId: decision.agendaItemId,
  }));
}

/**
 * The minutes request: the decisions are a document (those left out are removed), so saving one agenda
 * item's minutes sends the decisions as stored; saving the decisions sends no minutes (those are kept).
 */
export function minutesRequest(
  meeting: MeetingDetail,
  changes: { minutes?: { agendaItemId: string; text: string }; decisions?: DecisionRow[] },
): SaveMinutesRequest {
  return {
    version: meeting.version,
    agenda: changes.minutes
      ? [{ id: changes.minutes.agendaItemId, minutes: orNull(changes.minutes.text) }]
      : [],
    decisions: (changes.decisions ?? decisionRowsOf(meeting)).map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      text: row.text.trim(),
      agendaItemId: row.agendaItemId,
    })),
  };
}

import { describe, expect, it } from 'vitest';
import type { MeetingDetail, MeetingPerson } from '../../../../shared/meetings.ts';
import {
  attendeeRowsOf,
  createMeetingRequest,
  decisionRowsOf,
  emptyGuest,
  emptyMeetingForm,
  guestRow,
  hasUser,
  minutesRequest,
  newAgendaRow,
  newDecisionRow,
  particularsOf,
  timeProblem,
  updateMeetingRequest,
  userRow,
  withoutAttendee,
} from './meetingForm.ts';

const ORG = 'a3e1a2f0-0000-4000-8000-000000000001';
const USER = 'b3e1a2f0-0000-4000-8000-000000000002';
const CARRY = 'c3e1a2f0-0000-4000-8000-000000000003';
const ITEM = 'c3e1a2f0-0000-4000-8000-000000000004';
const USER_ROW = 'd3e1a2f0-0000-4000-8000-000000000005';
const GUEST_ROW = 'd3e1a2f0-0000-4000-8000-000000000006';

function meeting(overrides: Partial<MeetingDetail> = {}): MeetingDetail {
  return {
    id: 'e3e1a2f0-0000-4000-8000-000000000007',
    title: 'Rapat koordinasi Desa Binaan',
    heldOn: '2026-04-27',
    startsAt: '09:00',
    endsAt: null,
    place: 'Kantor Kecamatan Semarang Barat',
    chair: 'Camat',
    noteTaker: null,
    status: 'planned',
    organizer: { id: ORG, name: 'Kecamatan Semarang Barat' },
    previousMeeting: null,
    agenda: [
      { id: CARRY, position: 1, kind: 'carry_over', title: 'Tindak lanjut', presenter: null, minutes: 'x' },
      { id: ITEM, position: 2, kind: 'regular', title: 'MoU', presenter: 'Kasi', minutes: null },
    ],
    attendees: [
      {
        id: USER_ROW,
        position: 1,
        kind: 'user',
        userId: USER,
        name: 'Sri',
        jobTitle: 'Kepala Lapas',
        organizationId: ORG,
        organizationName: 'Lapas',
        attendance: 'present',
      },
      {
        id: GUEST_ROW,
        position: 2,
        kind: 'guest',
        userId: null,
        name: 'Budi',
        jobTitle: null,
        organizationId: null,
        organizationName: 'Dinas Tenaga Kerja',
        attendance: 'invited',
      },
    ],
    attendance: { total: 2, invited: 1, present: 1, absent: 0, excused: 0 },
    decisions: [],
    actionItems: [],
    carriedOver: [],
    photos: [],
    createdBy: 'Admin',
    createdAt: '2026-04-20T01:00:00.000Z',
    updatedAt: '2026-04-20T01:00:00.000Z',
    version: 4,
    canEdit: true,
    canManageActionItems: true,
    ...overrides,
  };
}

const person: MeetingPerson = {
  id: USER,
  name: 'Sri',
  position: 'Kepala Lapas',
  organization: { id: ORG, name: 'Lapas' },
};

describe('createMeetingRequest', () => {
  it('trims, sends empty texts as null and drops agenda rows left empty', () => {
    const values = emptyMeetingForm('2026-05-04');
    values.title = '  Rapat  ';
    values.place = 'Aula';
    values.chair = ' ';
    values.startsAt = '09:00';
    values.agenda = [{ ...newAgendaRow(), title: 'Pembukaan', presenter: '' }, newAgendaRow()];
    values.attendees = [
      userRow(person),
      guestRow({ ...emptyGuest(), name: ' Budi ', organizationMode: 'typed', organizationName: 'Disnaker' }),
    ];
    expect(createMeetingRequest(values)).toEqual({
      title: 'Rapat',
      heldOn: '2026-05-04',
      startsAt: '09:00',
      endsAt: '',
      place: 'Aula',
      chair: null,
      noteTaker: null,
      agenda: [{ title: 'Pembukaan', presenter: null }],
      attendees: [{ userId: USER }, { name: 'Budi', jobTitle: null, organizationName: 'Disnaker' }],
    });
  });

  it('keeps a half-filled agenda row so the server names its missing title', () => {
    const values = emptyMeetingForm();
    values.agenda = [{ ...newAgendaRow(), presenter: 'Kasi' }];
    expect(createMeetingRequest(values).agenda).toEqual([{ title: '', presenter: 'Kasi' }]);
    expect(createMeetingRequest(values).heldOn).toBe('');
  });

  it('sends a guest of a directory organization by its id', () => {
    const row = guestRow({ ...emptyGuest(), name: 'Ani', organizationId: ORG, organizationName: 'Lapas' });
    expect(row.organizationId).toBe(ORG);
    const values = { ...emptyMeetingForm('2026-05-04'), attendees: [row] };
    expect(createMeetingRequest(values).attendees).toEqual([
      { name: 'Ani', jobTitle: null, organizationId: ORG },
    ]);
  });

  it('drops a directory choice when the organization was typed instead', () => {
    const row = guestRow({
      ...emptyGuest(),
      name: 'Ani',
      organizationMode: 'typed',
      organizationId: ORG,
      organizationName: 'LSM',
    });
    expect(row.organizationId).toBeNull();
    expect(row.organizationName).toBe('LSM');
  });
});

describe('updateMeetingRequest', () => {
  it('sends the stored document with its version when nothing changes', () => {
    expect(updateMeetingRequest(meeting())).toEqual({
      version: 4,
      title: 'Rapat koordinasi Desa Binaan',
      heldOn: '2026-04-27',
      startsAt: '09:00',
      endsAt: '',
      place: 'Kantor Kecamatan Semarang Barat',
      chair: 'Camat',
      noteTaker: null,
      status: 'planned',
      agenda: [
        { id: CARRY, title: 'Tindak lanjut', presenter: null },
        { id: ITEM, title: 'MoU', presenter: 'Kasi' },
      ],
      attendees: [
        { id: USER_ROW, userId: USER },
        { id: GUEST_ROW, name: 'Budi', jobTitle: null, organizationName: 'Dinas Tenaga Kerja' },
      ],
    });
  });

  it('changes only the part asked', () => {
    const held = updateMeetingRequest(meeting(), { status: 'held' });
    expect(held.status).toBe('held');
    expect(held.agenda).toHaveLength(2);
    const particulars = { ...particularsOf(meeting()), place: 'Aula Lapas', noteTaker: 'Rina' };
    const moved = updateMeetingRequest(meeting(), { particulars });
    expect(moved.place).toBe('Aula Lapas');
    expect(moved.noteTaker).toBe('Rina');
  });

  it('adds a guest without an id and removes an attendee by leaving it out', () => {
    const rows = [...attendeeRowsOf(meeting()), guestRow({ ...emptyGuest(), name: 'Tamu' })];
    const request = updateMeetingRequest(meeting(), { attendees: rows });
    expect(request.attendees.at(-1)).toEqual({ name: 'Tamu', jobTitle: null, organizationName: null });
    const fewer = updateMeetingRequest(meeting(), { attendees: withoutAttendee(meeting(), GUEST_ROW) });
    expect(fewer.attendees).toEqual([{ id: USER_ROW, userId: USER }]);
  });
});

describe('attendees', () => {
  it('knows a user already on the list', () => {
    const rows = attendeeRowsOf(meeting());
    expect(hasUser(rows, USER)).toBe(true);
    expect(hasUser(rows, ORG)).toBe(false);
  });

  it('copies the picked user for display', () => {
    expect(userRow(person)).toMatchObject({
      kind: 'user',
      userId: USER,
      name: 'Sri',
      jobTitle: 'Kepala Lapas',
      organizationName: 'Lapas',
    });
  });
});

describe('timeProblem', () => {
  it('accepts no times, a start alone, and an end after the start', () => {
    expect(timeProblem('', '')).toBeNull();
    expect(timeProblem('09:00', '')).toBeNull();
    expect(timeProblem('09:00', '11:30')).toBeNull();
  });

  it('refuses an end without a start, or not after it', () => {
    expect(timeProblem('', '11:00')).toBe('endsWithoutStart');
    expect(timeProblem('11:00', '11:00')).toBe('endsBeforeStart');
    expect(timeProblem('11:00', '09:00')).toBe('endsBeforeStart');
  });
});

describe('minutesRequest', () => {
  const DECISION = 'f3e1a2f0-0000-4000-8000-000000000008';
  const withDecision = () =>
    meeting({ decisions: [{ id: DECISION, position: 1, text: 'Menyusun MoU', agendaItemId: ITEM }] });

  it('saves one item minutes and sends the decisions as stored', () => {
    expect(minutesRequest(withDecision(), { minutes: { agendaItemId: ITEM, text: ' Dibahas. ' } })).toEqual({
      version: 4,
      agenda: [{ id: ITEM, minutes: 'Dibahas.' }],
      decisions: [{ id: DECISION, text: 'Menyusun MoU', agendaItemId: ITEM }],
    });
  });

  it('clears minutes left empty', () => {
    expect(minutesRequest(meeting(), { minutes: { agendaItemId: CARRY, text: '  ' } }).agenda).toEqual([
      { id: CARRY, minutes: null },
    ]);
  });

  it('saves the decisions as a document without touching the minutes', () => {
    const rows = [...decisionRowsOf(withDecision()), { ...newDecisionRow(), text: 'Program teknis' }];
    expect(minutesRequest(withDecision(), { decisions: rows })).toEqual({
      version: 4,
      agenda: [],
      decisions: [
        { id: DECISION, text: 'Menyusun MoU', agendaItemId: ITEM },
        { text: 'Program teknis', agendaItemId: null },
      ],
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Cohort } from '../../../../shared/cohorts.ts';
import {
  cohortFormFrom,
  createRequest,
  emptyCohortForm,
  newScheduleRow,
  updateRequest,
} from './cohortForm.ts';

const cohort: Cohort = {
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Tata Boga Angkatan III 2026',
  program: {
    id: '00000000-0000-4000-8000-0000000000a1',
    name: 'Tata boga',
    sessionsCount: 12,
    hoursTotal: 36,
    certification: 'none',
    units: 4,
  },
  startDate: '2026-12-14',
  endDate: '2027-01-20',
  schedule: [
    { weekday: 1, start: '09:00', end: '12:00' },
    { weekday: 3, start: '09:00', end: '12:00' },
  ],
  room: 'Dapur',
  instructor: { userId: null, name: 'Suharti Nugraheni' },
  capacity: 15,
  allocated: 6,
  completed: 0,
  waitlist: 3,
  status: 'enrolling',
  statusReason: null,
  completedOn: null,
  sessionsTotal: 12,
  sessionsCancelled: 0,
  access: { canManage: true, canRecordAttendance: true, canReopenAttendance: false, instructorOnly: false },
  version: 4,
};

describe('updateRequest', () => {
  it('sends only the version when nothing changed', () => {
    expect(updateRequest(cohort, cohortFormFrom(cohort))).toEqual({ version: 4 });
  });

  it('sends the schedule only when a slot really changed, and the fields changed', () => {
    const values = cohortFormFrom(cohort);
    values.schedule = [...values.schedule, newScheduleRow({ weekday: 5, start: '13:00', end: '15:00' })];
    values.room = '  ';
    values.capacity = 16;
    expect(updateRequest(cohort, values)).toEqual({
      version: 4,
      schedule: [...cohort.schedule, { weekday: 5, start: '13:00', end: '15:00' }],
      room: null,
      capacity: 16,
    });
  });

  it('switches a named instructor to an account, clearing the name', () => {
    const values = cohortFormFrom(cohort);
    values.instructorMode = 'user';
    values.instructorUserId = '00000000-0000-4000-8000-0000000000b1';
    expect(updateRequest(cohort, values)).toEqual({
      version: 4,
      instructorUserId: '00000000-0000-4000-8000-0000000000b1',
      instructorName: null,
    });
  });
});

describe('createRequest', () => {
  it('turns the rows into weekly slots and leaves an empty capacity to the program default', () => {
    const values = emptyCohortForm('00000000-0000-4000-8000-0000000000a1');
    values.name = ' Batik 3 ';
    values.startDate = '2027-02-01';
    values.endDate = '2027-03-12';
    values.schedule = [newScheduleRow({ weekday: 2, start: '08:00', end: '10:00' })];
    values.instructorMode = 'name';
    values.instructorName = 'Bu Hartini';
    expect(createRequest(values)).toEqual({
      programId: '00000000-0000-4000-8000-0000000000a1',
      name: 'Batik 3',
      startDate: '2027-02-01',
      endDate: '2027-03-12',
      schedule: [{ weekday: 2, start: '08:00', end: '10:00' }],
      room: null,
      instructorUserId: null,
      instructorName: 'Bu Hartini',
      capacity: undefined,
      status: 'planned',
    });
  });
});

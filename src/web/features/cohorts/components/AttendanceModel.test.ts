import { describe, expect, it } from 'vitest';
import type { AttendanceGrid, AttendancePerson, AttendanceSession } from '../../../../shared/attendance.ts';
import {
  buildExceptions,
  countMarks,
  dayMonth,
  defaultSession,
  exceptionErrors,
  focusColumn,
  formatRate,
  gridRows,
  isoWeekday,
  recordablePeople,
  recordedAbsences,
} from './AttendanceModel.ts';

let counter = 0;
const uuid = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;

function session(date: string, overrides: Partial<AttendanceSession> = {}): AttendanceSession {
  return {
    id: uuid(),
    date,
    start: '09:00',
    end: '12:00',
    status: 'scheduled',
    cancelReason: null,
    recordedAt: null,
    recordedByName: null,
    locked: false,
    lockedAt: date,
    reopenedUntil: null,
    editable: true,
    reopenable: false,
    presentCount: null,
    absentCount: null,
    version: 1,
    ...overrides,
  };
}

function person(
  fullName: string,
  status: AttendancePerson['status'] = 'allocated',
  joinedOn: string | null = null,
): AttendancePerson {
  return {
    enrolmentId: uuid(),
    personId: uuid(),
    fullName,
    registrationNumber: null,
    status,
    joinedOn,
    attendanceRate: null,
    present: 0,
    absent: 0,
  };
}

function grid(
  sessions: AttendanceSession[],
  people: AttendancePerson[],
  cells: AttendanceGrid['cells'],
): AttendanceGrid {
  return {
    cohort: {
      id: uuid(),
      name: 'Batik 1',
      status: 'running',
      startDate: '2026-03-02',
      endDate: '2026-04-30',
    },
    today: '2026-03-12',
    canRecord: true,
    canReopen: false,
    sessions,
    people,
    cells,
    cohortRate: null,
  };
}

describe('gridRows', () => {
  it('turns the grid into a row per person with H, the reason letter, blank, and grey for cancelled', () => {
    const sessions = [
      session('2026-03-02'),
      session('2026-03-04', { status: 'cancelled', cancelReason: 'Banjir' }),
      session('2026-03-06'),
    ];
    const ani = person('Ani');
    const budi = person('Budi');
    const rows = gridRows(
      grid(
        sessions,
        [ani, budi],
        [
          [{ present: true }, { present: true }, null],
          [
            { present: false, reason: 'sick', note: null },
            null,
            { present: false, reason: 'other', note: 'Cuti' },
          ],
        ],
      ),
    );
    expect(rows.map((row) => row.person.fullName)).toEqual(['Ani', 'Budi']);
    expect(rows[0]?.cells.map((cell) => [cell.kind, cell.code])).toEqual([
      ['present', 'H'],
      ['cancelled', ''],
      ['blank', ''],
    ]);
    expect(rows[1]?.cells.map((cell) => cell.code)).toEqual(['S', '', 'L']);
    expect(rows[1]?.cells[2]?.note).toBe('Cuti');
  });
});

describe('defaultSession', () => {
  it('opens the most recent session that can be recorded and is not recorded yet', () => {
    const older = session('2026-03-02');
    const recorded = session('2026-03-09', { recordedAt: '2026-03-09T05:00:00Z' });
    const latestOpen = session('2026-03-06');
    const future = session('2026-03-16', { editable: false });
    expect(defaultSession([older, latestOpen, recorded, future])?.id).toBe(latestOpen.id);
  });

  it('falls back to the most recent recordable session when all are recorded, and to none', () => {
    const a = session('2026-03-02', { recordedAt: '2026-03-02T05:00:00Z' });
    const b = session('2026-03-04', { recordedAt: '2026-03-04T05:00:00Z' });
    expect(defaultSession([a, b])?.id).toBe(b.id);
    const locked = session('2026-02-02', { editable: false, locked: true });
    const cancelled = session('2026-03-04', { editable: false, status: 'cancelled' });
    expect(defaultSession([locked, cancelled])).toBeNull();
  });

  it('prefers the later session of two on the same day', () => {
    const morning = session('2026-03-06', { start: '08:00' });
    const afternoon = session('2026-03-06', { start: '13:00' });
    expect(defaultSession([morning, afternoon])?.id).toBe(afternoon.id);
  });
});

describe('focusColumn', () => {
  it('is the last session on or before today, or the first when all are later', () => {
    const sessions = [session('2026-03-02'), session('2026-03-12'), session('2026-03-16')];
    expect(focusColumn(sessions, '2026-03-12')).toBe(1);
    expect(focusColumn(sessions, '2026-03-01')).toBe(0);
    expect(focusColumn(sessions, '2026-05-01')).toBe(2);
  });
});

describe('recording a session', () => {
  const ani = person('Ani');
  const budi = person('Budi');
  const citra = person('Citra');
  const left = person('Dewi', 'deallocated');

  it('lists the people allocated or who completed the cohort, not those who left', () => {
    const done = person('Eka', 'completed');
    expect(recordablePeople([ani, left, budi, done], session('2026-03-10')).map((p) => p.fullName)).toEqual([
      'Ani',
      'Budi',
      'Eka',
    ]);
  });

  it('leaves out of a session those allocated only after its date', () => {
    const before = person('Fitri', 'allocated', '2026-03-02');
    const thatDay = person('Gita', 'allocated', '2026-03-10');
    const after = person('Hana', 'allocated', '2026-03-11');
    expect(
      recordablePeople([ani, before, thatDay, after], session('2026-03-10')).map((p) => p.fullName),
    ).toEqual(['Ani', 'Fitri', 'Gita']);
    expect(recordablePeople([after], session('2026-03-17')).map((p) => p.fullName)).toEqual(['Hana']);
  });

  it('counts everyone present unless marked absent', () => {
    expect(countMarks([ani, budi, citra], {})).toEqual({ present: 3, absent: 0 });
    expect(countMarks([ani, budi, citra], { [budi.enrolmentId]: { reason: 'sick', note: '' } })).toEqual({
      present: 2,
      absent: 1,
    });
  });

  it('sends the absences in list order, with a note only when written', () => {
    const built = buildExceptions([ani, budi, citra], {
      [citra.enrolmentId]: { reason: 'other', note: '  Dipanggil wali  ' },
      [ani.enrolmentId]: { reason: 'court', note: '' },
    });
    expect(built).toEqual({
      ok: true,
      exceptions: [
        { enrolmentId: ani.enrolmentId, reason: 'court', note: null },
        { enrolmentId: citra.enrolmentId, reason: 'other', note: 'Dipanggil wali' },
      ],
      order: [ani.enrolmentId, citra.enrolmentId],
    });
  });

  it('refuses an absence without a reason, and "other" without a note', () => {
    const built = buildExceptions([ani, budi], {
      [ani.enrolmentId]: { reason: null, note: '' },
      [budi.enrolmentId]: { reason: 'other', note: '   ' },
    });
    expect(built).toEqual({ ok: false, errors: { [ani.enrolmentId]: 'reason', [budi.enrolmentId]: 'note' } });
  });

  it('puts the server errors of exception N on her row', () => {
    const order = [ani.enrolmentId, citra.enrolmentId];
    expect(
      exceptionErrors(
        {
          'exceptions.1.note': 'Keterangan wajib',
          'exceptions.0': 'Tidak dialokasikan',
          session: 'Terkunci',
        },
        order,
      ),
    ).toEqual({
      byEnrolment: { [citra.enrolmentId]: 'Keterangan wajib', [ani.enrolmentId]: 'Tidak dialokasikan' },
      rest: ['Terkunci'],
    });
  });

  it('starts a recorded session from what was recorded', () => {
    const first = session('2026-03-02');
    const second = session('2026-03-04');
    const data = grid(
      [first, second],
      [ani, budi],
      [
        [{ present: true }, { present: false, reason: 'family_visit', note: null }],
        [{ present: false, reason: 'refused', note: 'x' }, { present: true }],
      ],
    );
    expect(recordedAbsences(data, second.id)).toEqual({
      [ani.enrolmentId]: { reason: 'family_visit', note: '' },
    });
    expect(recordedAbsences(data, first.id)).toEqual({
      [budi.enrolmentId]: { reason: 'refused', note: 'x' },
    });
    expect(recordedAbsences(data, uuid())).toEqual({});
  });
});

describe('labels', () => {
  it('finds the ISO weekday and the dd/mm heading of a date', () => {
    expect(isoWeekday('2026-03-02')).toBe(1);
    expect(isoWeekday('2026-03-08')).toBe(7);
    expect(dayMonth('2026-03-02')).toBe('02/03');
  });

  it('shows rates as whole percents', () => {
    expect(formatRate(0.923, 'id')).toBe('92%');
    expect(formatRate(1, 'en')).toBe('100%');
    expect(formatRate(null, 'id')).toBeNull();
  });
});

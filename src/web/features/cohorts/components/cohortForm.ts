import type {
  Cohort,
  CreateCohortRequest,
  ScheduleSlot,
  UpdateCohortRequest,
} from '../../../../shared/cohorts.ts';

/** One weekly row of the form; the weekday is a string for the select, the key keeps React rows stable. */
export interface ScheduleRow {
  key: string;
  weekday: string | null;
  start: string;
  end: string;
}

export interface CohortFormValues {
  programId: string | null;
  name: string;
  startDate: string | null;
  endDate: string | null;
  schedule: ScheduleRow[];
  room: string;
  /** The instructor is a Sinergi account, or a name of someone without one. */
  instructorMode: 'user' | 'name';
  instructorUserId: string | null;
  instructorName: string;
  capacity: number | string;
  status: 'planned' | 'enrolling';
}

let rowCounter = 0;

export function newScheduleRow(slot?: Partial<ScheduleSlot>): ScheduleRow {
  rowCounter += 1;
  return {
    key: `slot-${rowCounter}`,
    weekday: slot?.weekday ? String(slot.weekday) : null,
    start: slot?.start ?? '',
    end: slot?.end ?? '',
  };
}

export function emptyCohortForm(programId: string | null): CohortFormValues {
  return {
    programId,
    name: '',
    startDate: null,
    endDate: null,
    schedule: [newScheduleRow()],
    room: '',
    instructorMode: 'user',
    instructorUserId: null,
    instructorName: '',
    capacity: '',
    status: 'planned',
  };
}

export function cohortFormFrom(cohort: Cohort): CohortFormValues {
  return {
    programId: cohort.program.id,
    name: cohort.name,
    startDate: cohort.startDate,
    endDate: cohort.endDate,
    schedule: cohort.schedule.map((slot) => newScheduleRow(slot)),
    room: cohort.room ?? '',
    instructorMode: cohort.instructor.userId || !cohort.instructor.name ? 'user' : 'name',
    instructorUserId: cohort.instructor.userId,
    instructorName: cohort.instructor.userId ? '' : (cohort.instructor.name ?? ''),
    capacity: cohort.capacity,
    status: cohort.status === 'enrolling' ? 'enrolling' : 'planned',
  };
}

/** The rows as the API takes them (rows are checked before this is called). */
export function scheduleOf(rows: readonly ScheduleRow[]): ScheduleSlot[] {
  return rows.map((row) => ({ weekday: Number(row.weekday), start: row.start, end: row.end }));
}

function instructorOf(values: CohortFormValues) {
  const name = values.instructorName.trim();
  return values.instructorMode === 'user'
    ? { instructorUserId: values.instructorUserId, instructorName: null }
    : { instructorUserId: null, instructorName: name || null };
}

function capacityOf(value: number | string): number | undefined {
  const number = typeof value === 'number' ? value : Number(value);
  return value === '' || !Number.isFinite(number) ? undefined : number;
}

export function createRequest(values: CohortFormValues): CreateCohortRequest {
  return {
    programId: values.programId ?? '',
    name: values.name.trim(),
    startDate: values.startDate ?? '',
    endDate: values.endDate ?? '',
    schedule: scheduleOf(values.schedule),
    room: values.room.trim() || null,
    ...instructorOf(values),
    capacity: capacityOf(values.capacity),
    status: values.status,
  };
}

function sameSchedule(a: readonly ScheduleSlot[], b: readonly ScheduleSlot[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (slot, index) =>
        slot.weekday === b[index]?.weekday && slot.start === b[index]?.start && slot.end === b[index]?.end,
    )
  );
}

/**
 * Only what changed against the version read (the schedule only when it really changed: a new schedule
 * regenerates the sessions without attendance), with that version.
 */
export function updateRequest(base: Cohort, values: CohortFormValues): UpdateCohortRequest {
  const request: UpdateCohortRequest = { version: base.version };
  const name = values.name.trim();
  if (name !== base.name) request.name = name;
  if (values.startDate && values.startDate !== base.startDate) request.startDate = values.startDate;
  if (values.endDate && values.endDate !== base.endDate) request.endDate = values.endDate;
  const schedule = scheduleOf(values.schedule);
  if (!sameSchedule(schedule, base.schedule)) request.schedule = schedule;
  const room = values.room.trim() || null;
  if (room !== (base.room ?? null)) request.room = room;
  const instructor = instructorOf(values);
  const baseName = base.instructor.userId ? null : (base.instructor.name ?? null);
  if (instructor.instructorUserId !== base.instructor.userId || instructor.instructorName !== baseName) {
    Object.assign(request, instructor);
  }
  const capacity = capacityOf(values.capacity);
  if (capacity !== undefined && capacity !== base.capacity) request.capacity = capacity;
  return request;
}

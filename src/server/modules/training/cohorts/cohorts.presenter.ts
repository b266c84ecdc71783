import type { Cohort, CohortListItem, RosterEntry, Session } from '../../../../shared/cohorts.ts';
import type { CohortAccess } from '../training.access.ts';
import type { CohortRow, listCohorts, RosterRow, SessionRow } from './cohorts.repository.ts';

type CohortListRow = Awaited<ReturnType<typeof listCohorts>>['items'][number];

export function presentCohortListItem(row: CohortListRow): CohortListItem {
  return {
    id: row.id,
    name: row.name,
    programId: row.program_id,
    programName: row.program_name,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status,
    capacity: row.capacity,
    allocated: row.allocated,
    completed: row.completed,
    instructorName: row.instructor_name,
    room: row.room,
    nextSession: row.next_session,
  };
}

/** A cohort as the caller sees it, with what she may do with it. */
export function presentCohort(row: CohortRow, access: CohortAccess): Cohort {
  return {
    id: row.id,
    name: row.name,
    program: {
      id: row.program_id,
      name: row.program_name,
      sessionsCount: row.sessions_count,
      hoursTotal: Number(row.hours_total),
      certification: row.certification,
      units: row.units,
    },
    startDate: row.start_date,
    endDate: row.end_date,
    schedule: row.schedule.map((slot) => ({ weekday: slot.weekday, start: slot.start, end: slot.end })),
    room: row.room,
    instructor: { userId: row.instructor_user_id, name: row.instructor_name },
    capacity: row.capacity,
    allocated: row.allocated,
    completed: row.completed,
    waitlist: access.instructorOnly ? 0 : row.waitlist,
    status: row.status,
    statusReason: row.status_reason,
    completedOn: row.completed_on,
    sessionsTotal: row.sessions_total,
    sessionsCancelled: row.sessions_cancelled,
    access: {
      canManage: access.canManage,
      canRecordAttendance: access.canRecordAttendance,
      canReopenAttendance: access.canReopenAttendance,
      instructorOnly: access.instructorOnly,
    },
    version: row.version,
  };
}

export function presentSession(row: SessionRow): Session {
  return {
    id: row.id,
    date: row.date,
    start: row.start_time,
    end: row.end_time,
    status: row.status,
    cancelReason: row.cancel_reason,
    attendanceRecordedAt: row.attendance_recorded_at ? row.attendance_recorded_at.toISOString() : null,
    version: row.version,
  };
}

/** A roster line; a partner's instructor sees names only (no person id, no registration number). */
export function presentRosterEntry(row: RosterRow, instructorOnly: boolean): RosterEntry {
  return {
    enrolmentId: row.enrolment_id,
    personId: instructorOnly ? null : row.person_id,
    fullName: row.full_name,
    registrationNumber: instructorOnly ? null : row.registration_number,
    status: row.status as RosterEntry['status'],
    endReason: row.end_reason,
    allocatedAt: row.allocated_at ? row.allocated_at.toISOString() : null,
    attendanceRate: row.recorded > 0 ? row.present / row.recorded : null,
    version: row.version,
  };
}

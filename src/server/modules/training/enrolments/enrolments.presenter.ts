import type { EndReason, Enrolment } from '../../../../shared/enrolments.ts';
import type { EnrolmentRow } from './enrolments.repository.ts';

export function presentEnrolment(row: EnrolmentRow): Enrolment {
  return {
    id: row.id,
    personId: row.person_id,
    fullName: row.full_name,
    registrationNumber: row.registration_number,
    releaseDate: row.release_date,
    programId: row.program_id,
    programName: row.program_name,
    cohortId: row.cohort_id,
    cohortName: row.cohort_name,
    source: row.source,
    status: row.status,
    note: row.note,
    decisionReason: row.decision_reason,
    endReason: row.end_reason as EndReason | null,
    endNote: row.end_note,
    requestedOn: row.requested_on,
    allocatedAt: row.allocated_at ? row.allocated_at.toISOString() : null,
    endedOn: row.ended_on,
    overrides: row.overrides.map((override) => ({
      check: override.check as Enrolment['overrides'][number]['check'],
      reason: override.reason,
    })),
    version: row.version,
  };
}

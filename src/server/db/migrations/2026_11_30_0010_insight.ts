import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Insight (issue 9): indexes only. The dashboard and the monthly report count over every person of the
// program and her activity on each request; on 300,000 people and about 6,700,000 activity rows
// (bench/insight.ts) the wide heaps (person ≈ 570 bytes a row) do not fit PostgreSQL's buffer cache, so each
// count is served from a narrow covering index instead (an index-only scan once the visibility map is set by
// vacuum). Measured in bench/README.md ("Insight dashboard").

const INDEXES: ReadonlyArray<readonly [name: string, definition: string]> = [
  // The people of a scope with the dates the funnel and the stock read (peopleCounts).
  [
    'person_insight_idx',
    `person (id) include (organization_id, intended_village_id, release_date, released_on, supervision_end_date,
      returned_on, created_at)`,
  ],
  // The day she entered the program (custody's detention start), by person and by day (a month's entries).
  ['custody_entry_idx', 'custody (person_id) include (detention_start_date)'],
  ['custody_detention_start_idx', 'custody (detention_start_date) include (person_id)'],
  // Release cohorts (outcomes by release quarter).
  [
    'person_released_idx',
    'person (released_on) include (id, organization_id, intended_village_id, returned_on) where released_on is not null',
  ],
  // Enrolments by person (the funnel's training stage) and by cohort (completions, certification, work plans).
  ['training_enrolment_person_insight_idx', 'training_enrolment (person_id) include (cohort_id, status)'],
  [
    'training_enrolment_cohort_insight_idx',
    'training_enrolment (cohort_id, status) include (id, person_id, joined_on, ended_on)',
  ],
  // Attendance marks of the sessions in a period, and the sessions by date.
  ['training_attendance_session_insight_idx', 'training_attendance (session_id) include (present)'],
  ['training_session_date_idx', 'training_session (date) include (id, status)'],
  // Certificates by person (the funnel) and by enrolment (the certification rate).
  ['certificate_person_insight_idx', 'certificate (person_id) include (issued_on, enrolment_id)'],
  [
    'certificate_enrolment_idx',
    'certificate (enrolment_id) include (issued_on) where enrolment_id is not null',
  ],
  // Handovers accepted (their acceptance event).
  ['handover_event_accepted_idx', `handover_event (handover_id) include (at) where action = 'accepted'`],
  // Placements by the day she was placed.
  [
    'placement_placed_idx',
    'placement (placed_on) include (person_id, opportunity_id, ended_on) where placed_on is not null',
  ],
  // Outcome checks by person (work at 3/6/12 months, returns to custody).
  [
    'outcome_check_insight_idx',
    'outcome_check (person_id) include (window_months, checked_on, work_status, returned_to_custody_on)',
  ],
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const [name, definition] of INDEXES) {
    await sql`create index if not exists ${sql.id(name)} on ${sql.raw(definition)}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of [...INDEXES].reverse()) {
    await sql`drop index if exists ${sql.id(name)}`.execute(db);
  }
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { AbsenceReason, RosterStatus } from '../../../../shared/attendance.ts';
import type { Database } from '../../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The cohort with what its grid, its files and its rules need (program, instructor, prison). */
export function findCohort(db: Db, cohortId: string) {
  return db
    .selectFrom('training_cohort as c')
    .innerJoin('training_program as p', 'p.id', 'c.program_id')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .leftJoin('app_user as u', 'u.id', 'c.instructor_user_id')
    .select([
      'c.id',
      'c.name',
      'c.status',
      'c.start_date',
      'c.end_date',
      'c.room',
      'c.program_id',
      'p.name as program_name',
      'o.name as organization_name',
      'o.kind as organization_kind',
      sql<string | null>`coalesce(u.full_name, c.instructor_name)`.as('instructor_name'),
    ])
    .where('c.id', '=', cohortId)
    .executeTakeFirstOrThrow();
}
export type CohortRow = Awaited<ReturnType<typeof findCohort>>;

function sessionQuery(db: Db) {
  return db
    .selectFrom('training_session as s')
    .leftJoin('app_user as r', 'r.id', 's.attendance_recorded_by')
    .select([
      's.id',
      's.cohort_id',
      's.date',
      's.start_time',
      's.end_time',
      's.status',
      's.cancel_reason',
      's.attendance_recorded_at',
      'r.full_name as recorded_by_name',
      's.reopened_until',
      's.created_on',
      's.version',
    ]);
}
export type SessionRow = Awaited<ReturnType<ReturnType<typeof sessionQuery>['executeTakeFirstOrThrow']>>;

/** The cohort's sessions in date order. */
export function listSessions(db: Db, cohortId: string) {
  return sessionQuery(db)
    .where('s.cohort_id', '=', cohortId)
    .orderBy('s.date')
    .orderBy('s.start_time')
    .orderBy('s.id')
    .execute();
}

export function findSession(db: Db, cohortId: string, sessionId: string) {
  return sessionQuery(db)
    .where('s.cohort_id', '=', cohortId)
    .where('s.id', '=', sessionId)
    .executeTakeFirst();
}

/** Locks the session row: recordings and reopenings of one session happen one after the other. */
export async function lockSession(db: Db, cohortId: string, sessionId: string) {
  return db
    .selectFrom('training_session')
    .select(['id', 'version'])
    .where('cohort_id', '=', cohortId)
    .where('id', '=', sessionId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The cohort's enrolments with the given statuses, in name order, with the day (in the program's calendar)
 * each was allocated: null when the allocation time is unknown.
 */
export function listRoster(db: Db, cohortId: string, statuses: readonly RosterStatus[]) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select([
      'e.id as enrolment_id',
      'e.person_id',
      'e.status',
      'p.full_name',
      'p.registration_number',
      'e.joined_on',
    ])
    .where('e.cohort_id', '=', cohortId)
    .where('e.status', 'in', statuses)
    .orderBy('p.full_name')
    .orderBy('e.id')
    .execute() as Promise<
    {
      enrolment_id: string;
      person_id: string;
      status: RosterStatus;
      full_name: string;
      registration_number: string | null;
      joined_on: string | null;
    }[]
  >;
}
export type RosterRow = Awaited<ReturnType<typeof listRoster>>[number];

export interface MarkRow {
  session_id: string;
  enrolment_id: string;
  present: boolean;
  absence_reason: AbsenceReason | null;
  note: string | null;
}

/**
 * Every attendance mark of the cohort's sessions, in one query for the whole grid. Aggregated per
 * enrolment (the present sessions as one string, the few absences as JSON): 40 rows instead of 2,400
 * for a 40 × 60 cohort, which on PGlite is about a third of the time (bench/README.md, training).
 */
export async function listMarks(db: Db, cohortId: string): Promise<MarkRow[]> {
  const rows = await db
    .selectFrom('training_attendance as a')
    .innerJoin('training_session as s', 's.id', 'a.session_id')
    .select([
      'a.enrolment_id',
      sql<string | null>`string_agg(a.session_id::text, ',') filter (where a.present)`.as('present'),
      sql<
        [string, AbsenceReason | null, string | null][] | null
      >`json_agg(json_build_array(a.session_id, a.absence_reason, a.note)) filter (where not a.present)`.as(
        'absent',
      ),
    ])
    .where('s.cohort_id', '=', cohortId)
    .groupBy('a.enrolment_id')
    .execute();
  const marks: MarkRow[] = [];
  for (const row of rows) {
    if (row.present)
      for (const sessionId of row.present.split(','))
        marks.push({
          session_id: sessionId,
          enrolment_id: row.enrolment_id,
          present: true,
          absence_reason: null,
          note: null,
        });
    for (const [sessionId, reason, note] of row.absent ?? [])
      marks.push({
        session_id: sessionId,
        enrolment_id: row.enrolment_id,
        present: false,
        absence_reason: reason,
        note,
      });
  }
  return marks;
}

/** The marks of one session. */
export function listSessionMarks(db: Db, sessionId: string) {
  return db
    .selectFrom('training_attendance as a')
    .select(['a.session_id', 'a.enrolment_id', 'a.present', 'a.absence_reason', 'a.note'])
    .where('a.session_id', '=', sessionId)
    .execute();
}

/**
 * Writes one mark per enrolment for the session, replacing earlier marks of the same people (marks of
 * people no longer allocated stay as history).
 */
export async function upsertMarks(
  db: Db,
  input: {
    sessionId: string;
    organizationId: string;
    recordedBy: string;
    marks: { enrolmentId: string; present: boolean; reason: AbsenceReason | null; note: string | null }[];
  },
) {
  if (input.marks.length === 0) return;
  await db
    .insertInto('training_attendance')
    .values(
      input.marks.map((mark) => ({
        session_id: input.sessionId,
        enrolment_id: mark.enrolmentId,
        organization_id: input.organizationId,
        present: mark.present,
        absence_reason: mark.reason,
        note: mark.note,
        recorded_by: input.recordedBy,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['session_id', 'enrolment_id']).doUpdateSet({
        present: (eb) => eb.ref('excluded.present'),
        absence_reason: (eb) => eb.ref('excluded.absence_reason'),
        note: (eb) => eb.ref('excluded.note'),
        recorded_by: (eb) => eb.ref('excluded.recorded_by'),
        recorded_at: sql`now()`,
      }),
    )
    .execute();
}

/** Stamps the session as recorded by the caller and bumps its version. */
export async function markSessionRecorded(db: Db, sessionId: string, userId: string) {
  await db
    .updateTable('training_session')
    .set({
      attendance_recorded_at: sql`now()`,
      attendance_recorded_by: userId,
      version: sql`version + 1`,
    })
    .where('id', '=', sessionId)
    .execute();
}

/** Opens a locked session for recording until now + `hours` (by the database's clock). */
export async function reopenSession(db: Db, sessionId: string, userId: string, hours: number) {
  const row = await db
    .updateTable('training_session')
    .set({
      reopened_until: sql`now() + ${sql.lit(hours)} * interval '1 hour'`,
      reopened_by: userId,
      version: sql`version + 1`,
    })
    .where('id', '=', sessionId)
    .returning('reopened_until')
    .executeTakeFirstOrThrow();
  return row.reopened_until as Date;
}

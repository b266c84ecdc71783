import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { CohortScheduleSlot, Database } from '../../../db/schema.ts';
import { TODAY_SQL } from '../../../platform/calendar.ts';
import type { SessionSlot } from './schedule.ts';

type Db = Kysely<Database>;
type CohortStatus = 'planned' | 'enrolling' | 'running' | 'completed' | 'cancelled';

// ── Cohorts ──

const allocatedCount = sql<number>`(select count(*)::int from training_enrolment e
  where e.cohort_id = c.id and e.status = 'allocated')`;
const completedCount = sql<number>`(select count(*)::int from training_enrolment e
  where e.cohort_id = c.id and e.status = 'completed')`;

/** A page of the cohorts the caller may see (`visible`: the SQL scope), newest start first. */
export async function listCohorts(
  db: Db,
  visible: RawBuilder<boolean>,
  filter: { programId?: string; status?: CohortStatus; q?: string },
  page: { page: number; pageSize: number },
) {
  let base = db
    .selectFrom('training_cohort as c')
    .innerJoin('training_program as p', 'p.id', 'c.program_id')
    .where(visible);
  if (filter.programId) base = base.where('c.program_id', '=', filter.programId);
  if (filter.status) base = base.where('c.status', '=', filter.status);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where((eb) => eb.or([eb('c.name', 'ilike', pattern), eb('p.name', 'ilike', pattern)]));
  }
  const [items, count] = await Promise.all([
    base
      .leftJoin('app_user as u', 'u.id', 'c.instructor_user_id')
      .select([
        'c.id',
        'c.name',
        'c.program_id',
        'p.name as program_name',
        'c.start_date',
        'c.end_date',
        'c.status',
        'c.capacity',
        'c.room',
        sql<string | null>`coalesce(u.full_name, c.instructor_name)`.as('instructor_name'),
        allocatedCount.as('allocated'),
        completedCount.as('completed'),
        sql<{ date: string; start: string; end: string } | null>`(
          select json_build_object('date', s.date, 'start', s.start_time, 'end', s.end_time)
          from training_session s
          where s.cohort_id = c.id and s.status = 'scheduled' and s.date >= ${TODAY_SQL}
          order by s.date, s.start_time limit 1)`.as('next_session'),
      ])
      .orderBy('c.start_date', 'desc')
      .orderBy('c.name')
      .orderBy('c.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One cohort with its program and counts (the caller's access was checked before). */
export function findCohort(db: Db, cohortId: string) {
  return db
    .selectFrom('training_cohort as c')
    .innerJoin('training_program as p', 'p.id', 'c.program_id')
    .leftJoin('app_user as u', 'u.id', 'c.instructor_user_id')
    .where('c.id', '=', cohortId)
    .select([
      'c.id',
      'c.organization_id',
      'c.name',
      'c.start_date',
      'c.end_date',
      'c.schedule',
      'c.room',
      'c.instructor_user_id',
      sql<string | null>`coalesce(u.full_name, c.instructor_name)`.as('instructor_name'),
      'c.capacity',
      'c.status',
      'c.status_reason',
      'c.completed_on',
      'c.version',
      'p.id as program_id',
      'p.name as program_name',
      'p.sessions_count',
      'p.hours_total',
      'p.certification',
      sql<number>`(select count(*)::int from training_unit tu where tu.program_id = p.id)`.as('units'),
      allocatedCount.as('allocated'),
      completedCount.as('completed'),
      sql<number>`(select count(*)::int from training_enrolment e
        where e.program_id = c.program_id and e.status in ('pending', 'approved'))`.as('waitlist'),
      sql<number>`(select count(*)::int from training_session s
        where s.cohort_id = c.id and s.status = 'scheduled')`.as('sessions_total'),
      sql<number>`(select count(*)::int from training_session s
        where s.cohort_id = c.id and s.status = 'cancelled')`.as('sessions_cancelled'),
    ])
    .executeTakeFirst();
}
export type CohortRow = NonNullable<Awaited<ReturnType<typeof findCohort>>>;

/** The cohort row, locked until the end of the transaction: changes and allocations of one cohort queue here. */
export function lockCohort(db: Db, cohortId: string) {
  return db
    .selectFrom('training_cohort')
    .selectAll()
    .where('id', '=', cohortId)
    .forUpdate()
    .executeTakeFirstOrThrow();
}
export type LockedCohort = Awaited<ReturnType<typeof lockCohort>>;

/** A program of the given prison (for a new cohort or a request). */
export function findProgram(db: Db, organizationId: string, programId: string) {
  return db
    .selectFrom('training_program')
    .select(['id', 'organization_id', 'provider_organization_id', 'name', 'default_capacity', 'active'])
    .where('id', '=', programId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** An active user of one of the given organizations, or undefined. */
export function findInstructorUser(db: Db, userId: string, organizationIds: string[]) {
  return db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('id', '=', userId)
    .where('organization_id', 'in', organizationIds)
    .where('active', '=', true)
    .executeTakeFirst();
}

export interface CohortValues {
  name: string;
  startDate: string;
  endDate: string;
  schedule: CohortScheduleSlot[];
  room: string | null;
  instructorUserId: string | null;
  instructorName: string | null;
  capacity: number;
}

export async function insertCohort(
  db: Db,
  values: CohortValues & {
    organizationId: string;
    programId: string;
    status: CohortStatus;
    createdBy: string;
  },
) {
  const row = await db
    .insertInto('training_cohort')
    .values({
      organization_id: values.organizationId,
      program_id: values.programId,
      name: values.name,
      start_date: values.startDate,
      end_date: values.endDate,
      schedule: JSON.stringify(values.schedule),
      room: values.room,
      instructor_user_id: values.instructorUserId,
      instructor_name: values.instructorName,
      capacity: values.capacity,
      status: values.status,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a cohort when the version still matches; false otherwise. */
export async function updateCohort(db: Db, cohortId: string, version: number, values: CohortValues) {
  const result = await db
    .updateTable('training_cohort')
    .set({
      name: values.name,
      start_date: values.startDate,
      end_date: values.endDate,
      schedule: JSON.stringify(values.schedule),
      room: values.room,
      instructor_user_id: values.instructorUserId,
      instructor_name: values.instructorName,
      capacity: values.capacity,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', cohortId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Sets the status (and its reason, completion date) when the version still matches; false otherwise. */
export async function updateCohortStatus(
  db: Db,
  cohortId: string,
  version: number,
  values: { status: CohortStatus; reason: string | null; completedOn: string | null },
) {
  const result = await db
    .updateTable('training_cohort')
    .set({
      status: values.status,
      status_reason: values.reason,
      completed_on: values.completedOn,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', cohortId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** People allocated to a cohort now. */
export async function countAllocated(db: Db, cohortId: string) {
  const row = await db
    .selectFrom('training_enrolment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'allocated')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

// ── Sessions ──

const sessionColumns = [
  's.id',
  's.date',
  's.start_time',
  's.end_time',
  's.status',
  's.cancel_reason',
  's.attendance_recorded_at',
  's.version',
] as const;

/** A cohort's sessions by date and time. */
export function listSessions(db: Db, cohortId: string) {
  return db
    .selectFrom('training_session as s')
    .select(sessionColumns)
    .where('s.cohort_id', '=', cohortId)
    .orderBy('s.date')
    .orderBy('s.start_time')
    .execute();
}
export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

/** One session of a cohort, with whether attendance was recorded for it; locked when `lock`. */
export function findSession(db: Db, cohortId: string, sessionId: string, lock = false) {
  return db
    .selectFrom('training_session as s')
    .select([
      ...sessionColumns,
      sql<boolean>`s.attendance_recorded_at is not null
        or exists (select 1 from training_attendance a where a.session_id = s.id)`.as('has_attendance'),
    ])
    .where('s.cohort_id', '=', cohortId)
    .where('s.id', '=', sessionId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirst();
}

/** Adds sessions to a cohort. */
export async function insertSessions(
  db: Db,
  cohortId: string,
  organizationId: string,
  sessions: SessionSlot[],
) {
  if (sessions.length === 0) return [];
  return db
    .insertInto('training_session')
    .values(
      sessions.map((session) => ({
        cohort_id: cohortId,
        organization_id: organizationId,
        date: session.date,
        start_time: session.start,
        end_time: session.end,
      })),
    )
    .returning('id')
    .execute();
}

/**
 * Brings a cohort's sessions in line with a new schedule: sessions with recorded attendance stay as they
 * are, a session already at a generated slot (date, start, end) stays (with its cancellation), the other
 * sessions are removed and the missing generated ones added. Returns how many were removed and added.
 */
export async function regenerateSessions(
  db: Db,
  cohortId: string,
  organizationId: string,
  generated: SessionSlot[],
) {
  const existing = await db
    .selectFrom('training_session as s')
    .select([
      's.id',
      's.date',
      's.start_time',
      's.end_time',
      sql<boolean>`s.attendance_recorded_at is not null
        or exists (select 1 from training_attendance a where a.session_id = s.id)`.as('has_attendance'),
    ])
    .where('s.cohort_id', '=', cohortId)
    .forUpdate()
    .execute();
  const wanted = new Map(generated.map((slot) => [`${slot.date} ${slot.start}`, slot]));
  const kept = new Set<string>();
  const removed: string[] = [];
  for (const session of existing) {
    const key = `${session.date} ${session.start_time}`;
    const slot = wanted.get(key);
    if (session.has_attendance || (slot && slot.end === session.end_time)) kept.add(key);
    else removed.push(session.id);
  }
  if (removed.length) await db.deleteFrom('training_session').where('id', 'in', removed).execute();
  const added = generated.filter((slot) => !kept.has(`${slot.date} ${slot.start}`));
  await insertSessions(db, cohortId, organizationId, added);
  return { removed: removed.length, added: added.length };
}

/**
 * The sessions with recorded attendance that fall outside new dates: the earliest before `startDate` and
 * the latest after `endDate` (null when none). The sessions outside are locked first, so attendance being
 * recorded on one of them at the same moment is seen here (recording stamps the session's row).
 */
export async function recordedSessionsOutside(db: Db, cohortId: string, startDate: string, endDate: string) {
  const outside = await db
    .selectFrom('training_session as s')
    .select([
      's.date',
      sql<boolean>`s.attendance_recorded_at is not null
        or exists (select 1 from training_attendance a where a.session_id = s.id)`.as('has_attendance'),
    ])
    .where('s.cohort_id', '=', cohortId)
    .where((eb) => eb.or([eb('s.date', '<', startDate), eb('s.date', '>', endDate)]))
    .orderBy('s.date')
    .forUpdate()
    .execute();
  const recorded = outside.filter((session) => session.has_attendance).map((session) => session.date);
  return {
    before: recorded.find((date) => date < startDate) ?? null,
    after: recorded.findLast((date) => date > endDate) ?? null,
  };
}

/** Cancels a session when the version still matches; false otherwise. */
export async function cancelSession(db: Db, sessionId: string, version: number, reason: string) {
  const result = await db
    .updateTable('training_session')
    .set({ status: 'cancelled', cancel_reason: reason, version: sql`version + 1` })
    .where('id', '=', sessionId)
    .where('version', '=', version)
    .where('status', '=', 'scheduled')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Scheduled sessions after a date: what remains to be taught. */
export async function remainingSessions(db: Db, cohortId: string, after: string) {
  const row = await db
    .selectFrom('training_session')
    .select([(eb) => eb.fn.countAll<string>().as('n'), (eb) => eb.fn.max('date').as('last')])
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'scheduled')
    .where('date', '>', after)
    .executeTakeFirstOrThrow();
  return { count: Number(row.n), lastDate: row.last as string | null };
}

// ── Roster and completion ──

/**
 * The people of a cohort: allocated first, then by name; `allocatedOnly` leaves out those whose
 * allocation ended other than by completing (what a partner's instructor sees).
 */
export function listRoster(db: Db, cohortId: string, allocatedOnly: boolean) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .select([
      'e.id as enrolment_id',
      'e.person_id',
      'p.full_name',
      'p.registration_number',
      'e.status',
      'e.end_reason',
      'e.allocated_at',
      'e.version',
      // Only the marks of this cohort's sessions: an enrolment's rate is about the cohort it belongs to.
      sql<number>`(select count(*)::int from training_attendance a
        join training_session s on s.id = a.session_id and s.cohort_id = e.cohort_id
        where a.enrolment_id = e.id)`.as('recorded'),
      sql<number>`(select count(*)::int from training_attendance a
        join training_session s on s.id = a.session_id and s.cohort_id = e.cohort_id
        where a.enrolment_id = e.id and a.present)`.as('present'),
    ])
    .where('e.cohort_id', '=', cohortId)
    .where(
      'e.status',
      'in',
      allocatedOnly ? ['allocated', 'completed'] : ['allocated', 'completed', 'deallocated'],
    )
    .orderBy(sql`case e.status when 'allocated' then 0 when 'completed' then 1 else 2 end`)
    .orderBy('p.full_name')
    .orderBy('e.id')
    .execute();
}
export type RosterRow = Awaited<ReturnType<typeof listRoster>>[number];

/** The allocated enrolments of a cohort, locked (completion and cancellation change them all). */
export function lockAllocated(db: Db, cohortId: string) {
  return db
    .selectFrom('training_enrolment')
    .select(['id', 'person_id', 'organization_id', 'program_id', 'source', 'note', 'requested_on'])
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'allocated')
    .orderBy('id')
    .forUpdate()
    .execute();
}
export type AllocatedRow = Awaited<ReturnType<typeof lockAllocated>>[number];

/** The skills a program teaches, with the level it reaches. */
export function programSkills(db: Db, programId: string) {
  return db
    .selectFrom('training_program_skill')
    .select(['skill_id', 'level'])
    .where('program_id', '=', programId)
    .execute();
}

/** Ends the given allocations as completed today. */
export async function completeEnrolments(db: Db, enrolmentIds: string[], today: string) {
  if (enrolmentIds.length === 0) return;
  await db
    .updateTable('training_enrolment')
    .set({
      status: 'completed',
      end_reason: 'completed',
      ended_on: today,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', 'in', enrolmentIds)
    .execute();
}

/**
 * Ends the allocations of a cancelled cohort: deallocated (cohort_cancelled) today, still of that cohort,
 * so their attendance and assessments stay with it.
 */
export async function endCancelledAllocations(db: Db, enrolmentIds: string[], today: string) {
  if (enrolmentIds.length === 0) return;
  await db
    .updateTable('training_enrolment')
    .set({
      status: 'deallocated',
      end_reason: 'cohort_cancelled',
      ended_on: today,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', 'in', enrolmentIds)
    .where('status', '=', 'allocated')
    .execute();
}

/**
 * Puts each woman of a cancelled cohort back on the program's waitlist with a fresh approved entry (same
 * source, note and request date, no cohort). Her ended allocation must no longer be open (the partial
 * unique index allows one open entry per person and program). Returns the new ids in the given order.
 */
export async function requeueEnrolments(db: Db, ended: AllocatedRow[], createdBy: string): Promise<string[]> {
  if (ended.length === 0) return [];
  const rows = await db
    .insertInto('training_enrolment')
    .values(
      ended.map((row) => ({
        organization_id: row.organization_id,
        person_id: row.person_id,
        program_id: row.program_id,
        source: row.source,
        note: row.note,
        requested_on: row.requested_on,
        status: 'approved',
        created_by: createdBy,
      })),
    )
    .returning(['id', 'person_id'])
    .execute();
  const byPerson = new Map(rows.map((row) => [row.person_id, row.id]));
  return ended.map((row) => byPerson.get(row.person_id) as string);
}

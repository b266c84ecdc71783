import { type Kysely, sql, type Updateable } from 'kysely';
import type { EnrolmentStatus } from '../../../../shared/enrolments.ts';
import type { Database, TrainingEnrolmentTable } from '../../../db/schema.ts';

type Db = Kysely<Database>;

function enrolmentQuery(db: Db, organizationId: string) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .innerJoin('training_program as tp', 'tp.id', 'e.program_id')
    .leftJoin('training_cohort as c', 'c.id', 'e.cohort_id')
    .where('e.organization_id', '=', organizationId);
}

const enrolmentColumns = [
  'e.id',
  'e.person_id',
  'p.full_name',
  'p.registration_number',
  'p.release_date',
  'e.program_id',
  'tp.name as program_name',
  'e.cohort_id',
  'c.name as cohort_name',
  'e.source',
  'e.status',
  'e.note',
  'e.decision_reason',
  'e.end_reason',
  'e.end_note',
  'e.requested_on',
  'e.allocated_at',
  'e.ended_on',
  'e.overrides',
  'e.version',
] as const;

export interface EnrolmentFilter {
  programId?: string;
  cohortId?: string;
  status?: EnrolmentStatus[];
  q?: string;
}

/** A page of the prison's enrolments: oldest request first (the waitlist's order), then by name. */
export async function listEnrolments(
  db: Db,
  organizationId: string,
  filter: EnrolmentFilter,
  page: { page: number; pageSize: number },
) {
  let base = enrolmentQuery(db, organizationId);
  if (filter.programId) base = base.where('e.program_id', '=', filter.programId);
  if (filter.cohortId) base = base.where('e.cohort_id', '=', filter.cohortId);
  if (filter.status?.length) base = base.where('e.status', 'in', filter.status);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, '\\$&')}%`;
    base = base.where((eb) =>
      eb.or([eb('p.full_name', 'ilike', pattern), eb('p.registration_number', 'ilike', pattern)]),
    );
  }
  const [items, count] = await Promise.all([
    base
      .select(enrolmentColumns)
      .orderBy('e.requested_on')
      .orderBy('p.full_name')
      .orderBy('e.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One enrolment of the prison; its row locked until the end of the transaction when `lock`. */
export function findEnrolment(db: Db, organizationId: string, enrolmentId: string, lock = false) {
  return enrolmentQuery(db, organizationId)
    .select(enrolmentColumns)
    .where('e.id', '=', enrolmentId)
    .$if(lock, (q) => q.forUpdate('e'))
    .executeTakeFirst();
}
export type EnrolmentRow = NonNullable<Awaited<ReturnType<typeof findEnrolment>>>;

/** A person held by the prison and not anonymized, or undefined. */
export function findHeldPerson(db: Db, organizationId: string, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'full_name', 'organization_id'])
    .where('id', '=', personId)
    .where('organization_id', '=', organizationId)
    .where('anonymized_at', 'is', null)
    .executeTakeFirst();
}

/** The open request or allocation of a person for a program, if any. */
export function findOpenEnrolment(db: Db, personId: string, programId: string) {
  return db
    .selectFrom('training_enrolment')
    .select(['id', 'status'])
    .where('person_id', '=', personId)
    .where('program_id', '=', programId)
    .where('status', 'in', ['pending', 'approved', 'allocated'])
    .executeTakeFirst();
}

export async function insertEnrolment(
  db: Db,
  values: {
    organizationId: string;
    personId: string;
    programId: string;
    source: 'self_request' | 'staff_referral';
    note: string | null;
    requestedOn: string;
    createdBy: string;
  },
) {
  const row = await db
    .insertInto('training_enrolment')
    .values({
      organization_id: values.organizationId,
      person_id: values.personId,
      program_id: values.programId,
      source: values.source,
      note: values.note,
      requested_on: values.requestedOn,
      created_by: values.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes an enrolment when its version still matches; false otherwise. */
export async function updateEnrolment(
  db: Db,
  enrolmentId: string,
  version: number,
  values: Omit<Updateable<TrainingEnrolmentTable>, 'version' | 'updated_at'>,
) {
  const result = await db
    .updateTable('training_enrolment')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', enrolmentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ── Suitability and allocation ──

/**
 * The enrolments to check for a cohort, with what the checks need about each woman. With `lock` their
 * rows are locked (in id order, the same order for every allocation, so two never wait on each other).
 */
export async function candidates(db: Db, organizationId: string, enrolmentIds: string[], lock: boolean) {
  if (enrolmentIds.length === 0) return [];
  if (lock)
    await db
      .selectFrom('training_enrolment')
      .select('id')
      .where('id', 'in', enrolmentIds)
      .where('organization_id', '=', organizationId)
      .orderBy('id')
      .forUpdate()
      .execute();
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('person as p', 'p.id', 'e.person_id')
    .leftJoin('custody as cu', 'cu.person_id', 'p.id')
    .select([
      'e.id',
      'e.person_id',
      'e.program_id',
      'e.status',
      'e.cohort_id',
      'e.version',
      'p.full_name',
      'p.release_date',
      'cu.transfer_planned_on',
      'cu.transfer_destination',
      'p.organization_id as person_organization_id',
      sql<boolean>`p.anonymized_at is not null`.as('anonymized'),
      sql<{ month: string; score: string } | null>`(
        select json_build_object('month', b.month, 'score', b.score) from behaviour_score b
        where b.person_id = p.id order by b.month desc limit 1)`.as('behaviour'),
    ])
    .where('e.id', 'in', enrolmentIds)
    .where('e.organization_id', '=', organizationId)
    .execute();
}
export type CandidateRow = Awaited<ReturnType<typeof candidates>>[number];

/** The open cohorts (other than `cohortId`) the given people are allocated to, for the clash check. */
export function otherAllocations(db: Db, personIds: string[], cohortId: string) {
  if (personIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('training_cohort as c', 'c.id', 'e.cohort_id')
    .select(['e.person_id', 'c.id', 'c.name', 'c.start_date', 'c.end_date', 'c.schedule'])
    .where('e.person_id', 'in', personIds)
    .where('e.status', '=', 'allocated')
    .where('c.id', '<>', cohortId)
    .where('c.status', 'in', ['planned', 'enrolling', 'running'])
    .orderBy('c.start_date')
    .execute();
}
export type OtherAllocationRow = Awaited<ReturnType<typeof otherAllocations>>[number];

/** A program's eligibility rules. */
export async function programEligibility(db: Db, programId: string) {
  const row = await db
    .selectFrom('training_program')
    .select(['name', 'eligibility'])
    .where('id', '=', programId)
    .executeTakeFirstOrThrow();
  return row;
}

/** The cohort's row; locked until the end of the transaction when `lock` (allocations of one cohort queue). */
export function cohortRow(db: Db, cohortId: string, lock: boolean) {
  return db
    .selectFrom('training_cohort')
    .selectAll()
    .where('id', '=', cohortId)
    .$if(lock, (q) => q.forUpdate())
    .executeTakeFirstOrThrow();
}

/** People allocated to a cohort now. */
export async function allocatedTo(db: Db, cohortId: string) {
  const row = await db
    .selectFrom('training_enrolment')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('cohort_id', '=', cohortId)
    .where('status', '=', 'allocated')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { AssessmentResult } from '../../../../shared/results.ts';
import type { Database, SkillLevelValue } from '../../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The cohort with its program's name and certification path. */
export function findCohort(db: Db, cohortId: string) {
  return db
    .selectFrom('training_cohort as c')
    .innerJoin('training_program as p', 'p.id', 'c.program_id')
    .select([
      'c.id',
      'c.organization_id',
      'c.program_id',
      'c.status',
      'c.start_date',
      'p.name as program_name',
      'p.certification',
      'p.certification_body',
    ])
    .where('c.id', '=', cohortId)
    .executeTakeFirstOrThrow();
}

/** The program's competency units in their order. */
export function listUnits(db: Db, programId: string) {
  return db
    .selectFrom('training_unit')
    .select(['id', 'code', 'title', 'skill_id'])
    .where('program_id', '=', programId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

/** The skills the program teaches, with the level it reaches. */
export function listProgramSkills(db: Db, programId: string) {
  return db
    .selectFrom('training_program_skill as ps')
    .innerJoin('skill as s', 's.id', 'ps.skill_id')
    .select(['ps.skill_id', 's.name_id', 'ps.level'])
    .where('ps.program_id', '=', programId)
    .orderBy('s.name_id')
    .execute();
}

/** The recorded results of the cohort's enrolments. */
export function listResults(db: Db, cohortId: string) {
  return db
    .selectFrom('training_assessment as a')
    .innerJoin('training_enrolment as e', 'e.id', 'a.enrolment_id')
    .select(['a.enrolment_id', 'a.unit_id', 'a.result', 'a.score', 'a.assessor_name', 'a.assessed_on'])
    .where('e.cohort_id', '=', cohortId)
    .execute();
}

/** The given enrolments of the cohort, locked: two officers recording results of one woman queue. */
export function lockEnrolments(db: Db, cohortId: string, enrolmentIds: string[]) {
  return db
    .selectFrom('training_enrolment')
    .select(['id', 'person_id', 'status', 'organization_id'])
    .where('cohort_id', '=', cohortId)
    .where('id', 'in', enrolmentIds)
    .orderBy('id')
    .forUpdate()
    .execute();
}

/** Per enrolment, how many of the program's units are assessed competent. */
export async function competentUnitCounts(db: Db, programId: string, enrolmentIds: string[]) {
  if (enrolmentIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('training_assessment as a')
    .innerJoin('training_unit as u', 'u.id', 'a.unit_id')
    .select(['a.enrolment_id', (eb) => eb.fn.countAll<string>().as('n')])
    .where('u.program_id', '=', programId)
    .where('a.result', '=', 'competent')
    .where('a.enrolment_id', 'in', enrolmentIds)
    .groupBy('a.enrolment_id')
    .execute();
  return new Map(rows.map((row) => [row.enrolment_id, Number(row.n)]));
}

/** One row per (enrolment, unit): a later recording replaces the earlier one. */
export async function upsertAssessments(
  db: Db,
  input: {
    organizationId: string;
    recordedBy: string;
    items: {
      enrolmentId: string;
      unitId: string;
      result: AssessmentResult;
      score: number | null;
      assessorName: string;
      assessedOn: string;
    }[];
  },
) {
  await db
    .insertInto('training_assessment')
    .values(
      input.items.map((item) => ({
        organization_id: input.organizationId,
        enrolment_id: item.enrolmentId,
        unit_id: item.unitId,
        result: item.result,
        score: item.score,
        assessor_name: item.assessorName,
        assessed_on: item.assessedOn,
        recorded_by: input.recordedBy,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['enrolment_id', 'unit_id']).doUpdateSet({
        result: (eb) => eb.ref('excluded.result'),
        score: (eb) => eb.ref('excluded.score'),
        assessor_name: (eb) => eb.ref('excluded.assessor_name'),
        assessed_on: (eb) => eb.ref('excluded.assessed_on'),
        recorded_by: (eb) => eb.ref('excluded.recorded_by'),
        recorded_at: sql`now()`,
      }),
    )
    .execute();
}

function certificateQuery(db: Db) {
  return db
    .selectFrom('certificate as c')
    .innerJoin('skill as s', 's.id', 'c.skill_id')
    .select([
      'c.id',
      'c.person_id',
      'c.enrolment_id',
      'c.skill_id',
      's.name_id as skill_name',
      'c.level',
      'c.number',
      'c.issuer',
      'c.issued_on',
      'c.valid_until',
      'c.document_id',
      'c.created_at',
    ]);
}
export type CertificateRow = Awaited<
  ReturnType<ReturnType<typeof certificateQuery>['executeTakeFirstOrThrow']>
>;

/** Certificates of these people tied to one of these enrolments or to one of these skills. */
export function listCertificates(db: Db, personIds: string[], enrolmentIds: string[], skillIds: string[]) {
  if (personIds.length === 0) return Promise.resolve([] as CertificateRow[]);
  return certificateQuery(db)
    .where('c.person_id', 'in', personIds)
    .where((eb) =>
      eb.or([
        ...(enrolmentIds.length ? [eb('c.enrolment_id', 'in', enrolmentIds)] : []),
        ...(skillIds.length ? [eb('c.skill_id', 'in', skillIds)] : []),
        ...(enrolmentIds.length || skillIds.length ? [] : [eb.val(false)]),
      ]),
    )
    .orderBy('c.issued_on')
    .orderBy('c.id')
    .execute();
}

export function findCertificate(db: Db, certificateId: string) {
  return certificateQuery(db).where('c.id', '=', certificateId).executeTakeFirstOrThrow();
}

export function findPerson(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'organization_id', 'anonymized_at'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

export function findSkill(db: Db, skillId: string) {
  return db.selectFrom('skill').select(['id', 'name_id']).where('id', '=', skillId).executeTakeFirst();
}

export function findPersonEnrolment(db: Db, enrolmentId: string, personId: string, organizationId: string) {
  return db
    .selectFrom('training_enrolment')
    .select(['id', 'cohort_id'])
    .where('id', '=', enrolmentId)
    .where('person_id', '=', personId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** A file of hers that is not deleted, with its category (a certificate's scan must be `certificate`). */
export function findPersonDocument(db: Db, documentId: string, personId: string) {
  return db
    .selectFrom('person_document')
    .select(['id', 'category'])
    .where('id', '=', documentId)
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
}

/** A certificate with the same number from the same issuer (both compared case-insensitively). */
export function findSameNumber(db: Db, issuer: string, number: string) {
  return db
    .selectFrom('certificate')
    .select('id')
    .where(sql<boolean>`lower(issuer) = lower(${issuer}) and lower(number) = lower(${number})`)
    .executeTakeFirst();
}

export async function insertCertificate(
  db: Db,
  values: {
    organizationId: string;
    personId: string;
    enrolmentId: string | null;
    skillId: string;
    level: SkillLevelValue;
    number: string;
    issuer: string;
    issuedOn: string;
    validUntil: string | null;
    documentId: string | null;
    recordedBy: string;
  },
) {
  const row = await db
    .insertInto('certificate')
    .values({
      organization_id: values.organizationId,
      person_id: values.personId,
      enrolment_id: values.enrolmentId,
      skill_id: values.skillId,
      level: values.level,
      number: values.number,
      issuer: values.issuer,
      issued_on: values.issuedOn,
      valid_until: values.validUntil,
      document_id: values.documentId,
      recorded_by: values.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const EVIDENCE_RANK = sql<number>`case ps.evidence
  when 'certified' then 3 when 'assessed' then 2 when 'trained' then 1 else 0 end`;

/**
 * A person's skills, strongest evidence first, then by name; a skill on the taxonomy carries the
 * taxonomy's name and sector. `evidencedOnly` leaves out self-reported skills. The scanned certificate is
 * named only when the caller may see the document (corrections, or a shared one).
 */
export function findPersonSkills(
  db: Db,
  personId: string,
  options: { evidencedOnly: boolean; corrections: boolean },
) {
  return db
    .selectFrom('person_skill as ps')
    .leftJoin('skill as s', 's.id', 'ps.skill_id')
    .leftJoin('certificate as c', 'c.id', 'ps.certificate_id')
    .leftJoin('person_document as d', (join) =>
      join
        .onRef('d.id', '=', 'c.document_id')
        .on('d.deleted_at', 'is', null)
        .on('d.visibility', 'in', options.corrections ? ['corrections', 'shared'] : ['shared']),
    )
    .select([
      'ps.skill_id',
      sql<string>`coalesce(s.name_id, ps.name)`.as('name'),
      sql<string | null>`coalesce(s.sector, ps.sector)`.as('sector'),
      'ps.level',
      'ps.evidence',
      'c.id as certificate_id',
      'c.number as certificate_number',
      'c.issuer as certificate_issuer',
      'c.issued_on as certificate_issued_on',
      'c.valid_until as certificate_valid_until',
      'd.id as certificate_document_id',
    ])
    .where('ps.person_id', '=', personId)
    .$if(options.evidencedOnly, (q) => q.where('ps.evidence', '<>', 'self_reported'))
    .orderBy(EVIDENCE_RANK, 'desc')
    .orderBy(sql`case ps.level when 'competent' then 2 when 'intermediate' then 1 else 0 end`, 'desc')
    .orderBy(sql`lower(coalesce(s.name_id, ps.name))`)
    .orderBy('ps.id')
    .execute();
}

export type PersonSkillRow = Awaited<ReturnType<typeof findPersonSkills>>[number];

/**
 * Her training requests and allocations, newest request first, with the cohort, the attendance recorded
 * for her (sessions of that cohort, not cancelled) and the competency units assessed competent of the program's units.
 * `completedOnly` keeps the completed trainings only.
 */
export function findTrainingHistory(db: Db, personId: string, options: { completedOnly: boolean }) {
  return db
    .selectFrom('training_enrolment as e')
    .innerJoin('training_program as p', 'p.id', 'e.program_id')
    .leftJoin('training_cohort as c', 'c.id', 'e.cohort_id')
    .select([
      'e.id',
      'e.program_id',
      'p.name as program_name',
      'e.cohort_id',
      'c.name as cohort_name',
      'c.start_date',
      'c.end_date',
      'e.status',
      'e.end_reason',
      'e.requested_on',
      sql<string>`(select count(*) from training_attendance a
          join training_session s on s.id = a.session_id and s.status = 'scheduled'
            and s.cohort_id = e.cohort_id
          where a.enrolment_id = e.id)`.as('sessions_recorded'),
      sql<string>`(select count(*) from training_attendance a
          join training_session s on s.id = a.session_id and s.status = 'scheduled'
            and s.cohort_id = e.cohort_id
          where a.enrolment_id = e.id and a.present)`.as('sessions_present'),
      sql<string>`(select count(*) from training_assessment x
          join training_unit u on u.id = x.unit_id and u.program_id = e.program_id
          where x.enrolment_id = e.id and x.result = 'competent')`.as('units_competent'),
      sql<string>`(select count(*) from training_unit u where u.program_id = e.program_id)`.as('units_total'),
    ])
    .where('e.person_id', '=', personId)
    .$if(options.completedOnly, (q) => q.where('e.status', '=', 'completed'))
    .orderBy('e.requested_on', 'desc')
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id')
    .execute();
}

export type TrainingHistoryRow = Awaited<ReturnType<typeof findTrainingHistory>>[number];

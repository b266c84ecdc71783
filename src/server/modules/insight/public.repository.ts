import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

// Queries of the public figures (issue 9, ADR 015) that the dashboard's repository (insight.repository.ts:
// funnel, cohorts completed, placements, release cohorts) does not have. Every figure is "as of" a given day,
// counted from dated facts on or before it, so the same data gives the same answer for the same asOf.

type Db = Kysely<Database> | Transaction<Database>;

const count = (value: string | number | bigint | null | undefined) => Number(value ?? 0);

export interface TrainingTotalsRow {
  womenTrained: number;
  certificatesIssued: number;
  womenCertified: number;
}

/**
 * Program-wide, as of asOf: women with a completed enrolment in a cohort completed (completed_on, else its
 * end date) by then; certificates issued by then, and the women holding at least one of them.
 */
export async function trainingTotals(db: Db, asOf: string): Promise<TrainingTotalsRow> {
  const result = await sql<Record<keyof TrainingTotalsRow, string>>`
    select
      (select count(distinct e.person_id) from training_enrolment e
        join training_cohort tc on tc.id = e.cohort_id
        where e.status = 'completed' and tc.status = 'completed'
          and coalesce(tc.completed_on, tc.end_date) <= ${asOf}::date) as "womenTrained",
      (select count(*) from certificate ce where ce.issued_on <= ${asOf}::date) as "certificatesIssued",
      (select count(distinct ce.person_id) from certificate ce where ce.issued_on <= ${asOf}::date)
        as "womenCertified"`.execute(db);
  const row = result.rows[0];
  return {
    womenTrained: count(row?.womenTrained),
    certificatesIssued: count(row?.certificatesIssued),
    womenCertified: count(row?.womenCertified),
  };
}

export interface ProgramCountsRow {
  villagesHosting: number;
  partnersWithOpportunity: number;
  agreementsInForce: number;
  meetingsHeld: number;
}

/**
 * Counts that are not about people, as of asOf: kelurahan hosting (profile host_since ≤ asOf), partners with
 * an opportunity opened by then, agreements in force on asOf (signed, valid_from ≤ asOf ≤ valid_until, not
 * terminated by then, not replaced by a renewal signed by then), coordination meetings held by then.
 */
export async function programCounts(db: Db, asOf: string): Promise<ProgramCountsRow> {
  const result = await sql<Record<keyof ProgramCountsRow, string>>`
    select
      (select count(*) from village_profile vp
        join organization v on v.id = vp.organization_id and v.kind = 'village'
        where vp.host_since <= ${asOf}::date) as "villagesHosting",
      (select count(distinct o.partner_id) from opportunity o
        join organization partner on partner.id = o.partner_id and partner.kind = 'partner'
        where o.status <> 'draft'
          and (coalesce(o.opened_at, o.created_at) at time zone 'Asia/Jakarta')::date <= ${asOf}::date)
        as "partnersWithOpportunity",
      (select count(*) from agreement a
        where a.status in ('signed', 'terminated', 'renewed')
          and a.signed_on <= ${asOf}::date
          and a.valid_from <= ${asOf}::date
          and (a.valid_until is null or a.valid_until >= ${asOf}::date)
          and (a.terminated_on is null or a.terminated_on > ${asOf}::date)
          and not exists (select 1 from agreement r
            where r.renews_id = a.id and r.status in ('signed', 'terminated', 'renewed')
              and r.signed_on <= ${asOf}::date)) as "agreementsInForce",
      (select count(*) from meeting m where m.status = 'held' and m.held_on <= ${asOf}::date)
        as "meetingsHeld"`.execute(db);
  const row = result.rows[0];
  return {
    villagesHosting: count(row?.villagesHosting),
    partnersWithOpportunity: count(row?.partnersWithOpportunity),
    agreementsInForce: count(row?.agreementsInForce),
    meetingsHeld: count(row?.meetingsHeld),
  };
}

/** Every kelurahan of the directory (id, code, name), by name. */
export function villageDirectory(db: Db) {
  return db
    .selectFrom('organization')
    .select(['id', 'code', 'name'])
    .where('kind', '=', 'village')
    .orderBy('name')
    .orderBy('id')
    .execute();
}

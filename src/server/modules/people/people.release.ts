import { type Kysely, sql, type Transaction } from 'kysely';
import type { SentenceRules } from '../../../shared/sentence.ts';
import type { Database } from '../../db/schema.ts';
import { expectedReleaseDate } from '../sentence/milestones.ts';

type Db = Kysely<Database> | Transaction<Database>;

const BATCH = 2000;

/**
 * Recomputes the stored release date of everyone with a remission under new sentence rules (which
 * remissions count depends on them), in batches; returns how many dates changed. Run in the transaction
 * that saves the rules, so the list, its filters and the retention never disagree with the milestones.
 */
export async function recomputeReleaseDates(db: Db, rules: SentenceRules): Promise<number> {
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .selectFrom('custody as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select([
        'c.person_id',
        'c.sentence_kind',
        'c.sentence_years',
        'c.sentence_months',
        'c.sentence_days',
        'c.fine_substitute_months',
        'c.fine_substitute_days',
        'c.fine_paid',
        'c.detention_start_date',
        'p.release_date',
        sql<{ kind: string; days: number; decreeDate: string }[]>`(
          select json_agg(json_build_object('kind', r.kind, 'days', r.days, 'decreeDate', r.decree_date))
          from remission r where r.person_id = c.person_id)`.as('remissions'),
      ])
      .where('c.person_id', '>', after)
      .where(({ exists, selectFrom }) =>
        exists(selectFrom('remission as r').select('r.id').whereRef('r.person_id', '=', 'c.person_id')),
      )
      .orderBy('c.person_id')
      .limit(BATCH)
      .execute();
    if (rows.length === 0) return changed;
    after = rows[rows.length - 1]?.person_id ?? after;
    const updates = rows
      .map((row) => ({
        id: row.person_id,
        release: expectedReleaseDate(
          {
            sentenceKind: row.sentence_kind,
            years: row.sentence_years,
            months: row.sentence_months,
            days: row.sentence_days,
            fineSubstituteMonths: row.fine_substitute_months,
            fineSubstituteDays: row.fine_substitute_days,
            finePaid: row.fine_paid,
            detentionStartDate: row.detention_start_date,
            remissions: row.remissions ?? [],
            behaviourScores: [],
          },
          rules,
        ),
        stored: row.release_date,
      }))
      .filter((update) => update.release !== update.stored);
    if (updates.length > 0) {
      await sql`update person set release_date = u.release_date::date
        from json_to_recordset(${JSON.stringify(updates.map((u) => ({ id: u.id, release_date: u.release })))}::json)
          as u(id uuid, release_date text)
        where person.id = u.id`.execute(db);
      changed += updates.length;
    }
  }
}

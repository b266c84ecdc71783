import type { Kysely, Transaction } from 'kysely';
import { sql } from 'kysely';
import type { SentenceRules } from '../../../shared/sentence.ts';
import type { Database } from '../../db/schema.ts';
import { milestoneDates, type SentenceInput } from '../sentence/milestones.ts';
import { type CustodyValues, type JourneyMilestoneDates, setReleaseDates } from './people.repository.ts';

// The release date stored on each person follows the sentence engine. This file has no dependency on the
// rules module, so the rules service can call it when the rules change (the people service depends on
// the rules service, not the other way round).

type Db = Kysely<Database> | Transaction<Database>;

const BATCH = 2000;

/** The sentence engine's input from a custody row, its remissions and its SPPN scores. */
export function sentenceInput(
  custody: Pick<
    CustodyValues,
    | 'sentence_kind'
    | 'sentence_years'
    | 'sentence_months'
    | 'sentence_days'
    | 'fine_substitute_months'
    | 'fine_substitute_days'
    | 'fine_paid'
    | 'detention_start_date'
  >,
  remissions: { kind: string; days: number; decree_date: string }[],
  scores: { month: string; score: string | number }[] = [],
): SentenceInput {
  return {
    sentenceKind: custody.sentence_kind,
    years: custody.sentence_years,
    months: custody.sentence_months,
    days: custody.sentence_days,
    fineSubstituteMonths: custody.fine_substitute_months,
    fineSubstituteDays: custody.fine_substitute_days,
    finePaid: custody.fine_paid,
    detentionStartDate: custody.detention_start_date,
    remissions: remissions.map((r) => ({ kind: r.kind, days: r.days, decreeDate: r.decree_date })),
    behaviourScores: scores.map((s) => ({ month: s.month, score: Number(s.score) })),
  };
}

/**
 * The sentence dates stored on the person: the expected release date and the dates the integration
 * programs (asimilasi, PB, CB, CMB) fall on BY THE SENTENCE ALONE. Behaviour (the SPPN scores) is left out on
 * purpose: the pre-release dashboard shows when a program becomes possible, and whether she qualifies is
 * her milestone status on her record. A date is null when the sentence rules the program out (life or death
 * sentence, no detention start, too long for CB, no remission yet for CMB, a date not before the release).
 */
export function journeyMilestoneDates(input: SentenceInput, rules: SentenceRules): JourneyMilestoneDates {
  const dates = milestoneDates(input, rules);
  return {
    release_date: dates.release,
    asimilasi_date: dates.asimilasi,
    parole_date: dates.parole,
    conditional_leave_date: dates.cb,
    pre_release_leave_date: dates.cmb,
  };
}

/** A batch of custody records with their remissions, after `after` in person id order, with the stored dates. */
function findCustodies(db: Db, after: string, limit: number) {
  return db
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
      'p.asimilasi_date',
      'p.parole_date',
      'p.conditional_leave_date',
      'p.pre_release_leave_date',
      sql<{ kind: string; days: number; decree_date: string }[] | null>`(
        select json_agg(json_build_object('kind', r.kind, 'days', r.days, 'decree_date', r.decree_date))
        from remission r where r.person_id = c.person_id)`.as('remissions'),
    ])
    .where('c.person_id', '>', after)
    .orderBy('c.person_id')
    .limit(limit)
    .execute();
}

const DATE_COLUMNS = [
  'release_date',
  'asimilasi_date',
  'parole_date',
  'conditional_leave_date',
  'pre_release_leave_date',
] as const;

/**
 * Recomputes the stored sentence dates (release, asimilasi, PB, CB, CMB) of everyone with a custody record
 * under new sentence rules (the fractions, limits and which remissions count depend on them), in batches;
 * returns how many people's dates changed. Run in the transaction that saves the rules, so the list, its
 * filters, the pre-release dashboard and the retention never disagree with the milestones.
 */
export async function recomputeReleaseDates(db: Db, rules: SentenceRules): Promise<number> {
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await findCustodies(db, after, BATCH);
    const last = rows.at(-1);
    if (!last) return changed;
    after = last.person_id;
    const updates = rows
      .map((row) => ({
        id: row.person_id,
        dates: journeyMilestoneDates(sentenceInput(row, row.remissions ?? []), rules),
        stored: row,
      }))
      .filter((update) => DATE_COLUMNS.some((column) => update.dates[column] !== update.stored[column]))
      .map((update) => ({ id: update.id, ...update.dates }));
    await setReleaseDates(db, updates);
    changed += updates.length;
  }
}

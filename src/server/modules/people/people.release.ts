import type { Kysely, Transaction } from 'kysely';
import type { SentenceRules } from '../../../shared/sentence.ts';
import type { Database } from '../../db/schema.ts';
import { expectedReleaseDate, type SentenceInput } from '../sentence/milestones.ts';
import { type CustodyValues, findCustodiesWithRemissions, setReleaseDates } from './people.repository.ts';

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
 * Recomputes the stored release date of everyone with a remission under new sentence rules (which
 * remissions count depends on them), in batches; returns how many dates changed. Run in the transaction
 * that saves the rules, so the list, its filters and the retention never disagree with the milestones.
 */
export async function recomputeReleaseDates(db: Db, rules: SentenceRules): Promise<number> {
  let changed = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await findCustodiesWithRemissions(db, after, BATCH);
    const last = rows.at(-1);
    if (!last) return changed;
    after = last.person_id;
    const updates = rows
      .map((row) => ({
        id: row.person_id,
        releaseDate: expectedReleaseDate(sentenceInput(row, row.remissions), rules),
        stored: row.release_date,
      }))
      .filter((update) => update.releaseDate !== update.stored);
    await setReleaseDates(db, updates);
    changed += updates.length;
  }
}

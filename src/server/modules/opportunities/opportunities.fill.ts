import { type Expression, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { OpportunityStatus } from '../../../shared/opportunities.ts';
import type { Database } from '../../db/schema.ts';
import { fillStatus } from './opportunities.rules.ts';

// The people placed on an opportunity, counted in one place: the SQL every list, count and check uses, and
// the status that follows from it (open ↔ filled).

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The people placed on an opportunity (placements at stage `placed`), as an SQL count; `opportunityId` is
 * the opportunity's id column (e.g. `sql.ref('o.id')`) or value.
 */
export function placedCount(opportunityId: Expression<string> | RawBuilder<string>): RawBuilder<string> {
  return sql<string>`(select count(*) from placement placed
    where placed.opportunity_id = ${opportunityId} and placed.stage = 'placed')`;
}

/** `placedCount` of the opportunity in the column `column` (e.g. 'o.id'). */
export const placedOf = (column: string) => placedCount(sql.ref(column));

/** The people placed on an opportunity now. */
export async function countPlaced(db: Db, opportunityId: string): Promise<number> {
  const { n } = await db
    .selectNoFrom(placedCount(sql<string>`${opportunityId}::uuid`).as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

/**
 * Makes an opportunity's status follow its places after a placement change (or a change of places): open
 * becomes filled when the people placed (placements at stage `placed`) reach the places, filled becomes open
 * again when a place frees. Draft and closed ones are left alone. Call it inside the transaction of the
 * change; it locks the opportunity row so two placements at once count each other. It neither bumps the
 * version (the status is derived from the placements, an officer's edit made meanwhile stays valid) nor
 * audits (the caller's audit entry records the placement; it may add the returned change to its details).
 * Returns the change made, or null when the status stays (or the opportunity does not exist).
 */
export async function refreshOpportunityFill(
  trx: Transaction<Database>,
  opportunityId: string,
): Promise<{ from: OpportunityStatus; to: OpportunityStatus } | null> {
  const row = await trx
    .selectFrom('opportunity')
    .select(['status', 'places'])
    .where('id', '=', opportunityId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) return null;
  const to = fillStatus(row.status, row.places, await countPlaced(trx, opportunityId));
  if (to === row.status) return null;
  await trx
    .updateTable('opportunity')
    .set({ status: to, updated_at: sql`now()` })
    .where('id', '=', opportunityId)
    .execute();
  return { from: row.status, to };
}

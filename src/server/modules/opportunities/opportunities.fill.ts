import { sql, type Transaction } from 'kysely';
import type { OpportunityStatus } from '../../../shared/opportunities.ts';
import type { Database } from '../../db/schema.ts';
import { fillStatus } from './opportunities.rules.ts';

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
  const { n } = await trx
    .selectFrom('placement')
    .select(sql<string>`count(*)`.as('n'))
    .where('opportunity_id', '=', opportunityId)
    .where('stage', '=', 'placed')
    .executeTakeFirstOrThrow();
  const to = fillStatus(row.status, row.places, Number(n));
  if (to === row.status) return null;
  await trx
    .updateTable('opportunity')
    .set({ status: to, updated_at: sql`now()` })
    .where('id', '=', opportunityId)
    .execute();
  return { from: row.status, to };
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { HEAD_ROLES, MANAGER_ROLES } from './agreements.access.ts';

// The queries of the expiry reminders (agreements.reminders.ts).

type Db = Kysely<Database> | Transaction<Database>;

export interface ExpiringRow {
  id: string;
  title: string;
  organization_id: string;
  valid_until: string;
  days_left: number;
  created_by: string | null;
}

/**
 * Signed agreements whose valid_until is `today` or at most `maxDays` days after it (not yet past), with the
 * days left, by valid_until.
 */
export async function expiringAgreements(db: Db, today: string, maxDays: number): Promise<ExpiringRow[]> {
  const result = await sql<ExpiringRow>`
    select a.id, a.title, a.organization_id, a.valid_until::text as valid_until,
      (a.valid_until - ${today}::date)::int as days_left, a.created_by
    from agreement a
    where a.status = 'signed' and a.valid_until is not null
      and a.valid_until >= ${today}::date and a.valid_until <= ${today}::date + ${maxDays}::int
    order by a.valid_until, a.id`.execute(db);
  return result.rows.map((row) => ({ ...row, days_left: Number(row.days_left) }));
}

/**
 * Records that the reminder of this threshold was sent for this expiry date; false when it already was (by an
 * earlier run, or by another server at the same moment: the primary key decides).
 */
export async function claimReminder(
  db: Db,
  agreementId: string,
  validUntil: string,
  daysBefore: 90 | 30,
): Promise<boolean> {
  const rows = await db
    .insertInto('agreement_reminder')
    .values({ agreement_id: agreementId, valid_until: validUntil, days_before: daysBefore })
    .onConflict((oc) => oc.columns(['agreement_id', 'valid_until', 'days_before']).doNothing())
    .returning('agreement_id')
    .execute();
  return rows.length === 1;
}

/**
 * Who is reminded of an agreement: active users who belong NOW to one of its party organizations and may act
 * on it there — its heads (approve:agreement roles), its live delegates (a delegate row of that organization,
 * not revoked, and still a role with manage:agreement, as isLiveDelegate requires), and the drafter while she
 * still holds manage:agreement in a party organization. Someone moved to another organization, deactivated, or
 * whose delegation was revoked is not.
 */
export async function reminderRecipients(
  db: Db,
  agreementId: string,
  drafterId: string | null,
): Promise<string[]> {
  const partyUsers = db
    .selectFrom('agreement_party as p')
    .innerJoin('app_user as u', 'u.organization_id', 'p.organization_id')
    .where('p.agreement_id', '=', agreementId)
    .where('u.active', '=', true);
  const holds = (roles: readonly string[]) =>
    sql<boolean>`exists (select 1 from user_role r where r.user_id = u.id and r.role_code in (${sql.join(roles)}))`;
  const heads = partyUsers.select('u.id').where(holds(HEAD_ROLES));
  const delegates = partyUsers
    .innerJoin('agreement_delegate as d', (join) =>
      join.onRef('d.organization_id', '=', 'p.organization_id').onRef('d.user_id', '=', 'u.id'),
    )
    .select('u.id')
    .where('d.revoked_at', 'is', null)
    .where(holds(MANAGER_ROLES));
  let query = heads.union(delegates);
  if (drafterId)
    query = query.union(partyUsers.select('u.id').where('u.id', '=', drafterId).where(holds(MANAGER_ROLES)));
  const rows = await query.execute();
  return rows.map((row) => row.id);
}

/** The agreement's `reminder` event (by the system: no user, no organization; the threshold is audited). */
export function insertReminderEvent(db: Db, agreementId: string) {
  return db
    .insertInto('agreement_event')
    .values({ agreement_id: agreementId, kind: 'reminder', note: null })
    .execute();
}

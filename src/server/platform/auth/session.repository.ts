import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

export function insertSession(
  db: Db,
  row: {
    id: string;
    userId: string;
    csrfToken: string;
    expiresAt: Date;
    ip: string | null;
    userAgent: string | null;
  },
) {
  return db
    .insertInto('session')
    .values({
      id: row.id,
      user_id: row.userId,
      csrf_token: row.csrfToken,
      expires_at: row.expiresAt,
      ip: row.ip,
      user_agent: row.userAgent,
    })
    .execute();
}

/**
 * The live session with its user, organization and roles in one query (it runs on every request).
 * A session is live when neither its absolute expiry nor its idle timeout has passed and the user is active.
 */
export function findLiveSession(db: Db, id: string, idleMinutes: number) {
  return db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select([
      's.id as sessionId',
      's.csrf_token as csrfToken',
      's.expires_at as expiresAt',
      's.last_seen_at as lastSeenAt',
      'u.id as userId',
      'u.username',
      'u.full_name as fullName',
      'u.position',
      'u.language',
      'u.must_change_password as mustChangePassword',
      'o.id as organizationId',
      'o.name as organizationName',
      'o.short_name as organizationShortName',
      'o.kind as organizationKind',
      'o.code as organizationCode',
      sql<
        string[]
      >`coalesce((select array_agg(ur.role_code order by ur.role_code) from user_role ur where ur.user_id = u.id), '{}')`.as(
        'roles',
      ),
    ])
    .where('s.id', '=', id)
    .where('u.active', '=', true)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - make_interval(mins => ${idleMinutes})`)
    .executeTakeFirst();
}

/** Moves the idle deadline forward; called at most once a minute per session. */
export function touchSession(db: Db, id: string) {
  return db.updateTable('session').set({ last_seen_at: sql`now()` }).where('id', '=', id).execute();
}

export function deleteSession(db: Db, id: string) {
  return db.deleteFrom('session').where('id', '=', id).execute();
}

export function deleteSessionsOfUser(db: Db, userId: string, exceptSessionId?: string) {
  let query = db.deleteFrom('session').where('user_id', '=', userId);
  if (exceptSessionId) query = query.where('id', '!=', exceptSessionId);
  return query.execute();
}

export function deleteExpiredSessions(db: Db, idleMinutes: number) {
  return db
    .deleteFrom('session')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - make_interval(mins => ${idleMinutes})`),
      ]),
    )
    .execute();
}

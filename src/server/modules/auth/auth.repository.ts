import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

export function findUserForLogin(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'username', 'organization_id', 'password_hash', 'active', 'locked_until'])
    .where('username', '=', username)
    .executeTakeFirst();
}

/**
 * Claims one sign-in attempt before the password is checked, atomically: refused (null) while the account is
 * locked or its attempts are used up, so parallel guesses cannot exceed the limit. Returns the attempt's number.
 */
export async function claimAttempt(db: Db, userId: string, maxAttempts: number): Promise<number | null> {
  const row = await db
    .updateTable('app_user')
    .set((eb) => ({ failed_attempts: eb('failed_attempts', '+', 1) }))
    .where('id', '=', userId)
    .where('failed_attempts', '<', maxAttempts)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .returning('failed_attempts')
    .executeTakeFirst();
  return row?.failed_attempts ?? null;
}

export function lockUser(db: Db, userId: string, minutes: number) {
  return db
    .updateTable('app_user')
    .set({ locked_until: sql`now() + make_interval(mins => ${minutes})`, failed_attempts: 0 })
    .where('id', '=', userId)
    .execute();
}

/** Resets the attempts after a right password; false when a parallel attempt locked the account meanwhile. */
export async function recordSuccessfulLogin(db: Db, userId: string): Promise<boolean> {
  const result = await db
    .updateTable('app_user')
    .set({ failed_attempts: 0, locked_until: null, last_login_at: sql`now()` })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', sql<Date>`now()`)]))
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function findPasswordHash(db: Db, userId: string) {
  return db
    .selectFrom('app_user')
    .select(['password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

export function updateOwnPassword(db: Db, userId: string, passwordHash: string) {
  return db
    .updateTable('app_user')
    .set((eb) => ({
      password_hash: passwordHash,
      must_change_password: false,
      password_changed_at: sql`now()`,
      updated_at: sql`now()`,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', userId)
    .execute();
}

export function updateLanguage(db: Db, userId: string, language: 'id' | 'en') {
  return db
    .updateTable('app_user')
    .set({ language, updated_at: sql`now()` })
    .where('id', '=', userId)
    .execute();
}

/** When the failed sign-ins with an unknown username of this fingerprint happened in the last minutes, oldest first. */
export async function recentUnknownUserFailures(
  db: Db,
  fingerprint: string,
  minutes: number,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('audit_log')
    .select('at')
    .where('action', '=', 'auth.login_failed')
    .where('at', '>', sql<Date>`now() - make_interval(mins => ${minutes})`)
    .where(sql<string>`details->>'fingerprint'`, '=', fingerprint)
    .orderBy('at')
    .limit(50)
    .execute();
  return rows.map((row) => row.at);
}

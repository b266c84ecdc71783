import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { ScopeFilter } from '../../platform/access.ts';

type Db = Kysely<Database>;

function userQuery(db: Db) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select([
      'u.id',
      'u.username',
      'u.full_name',
      'u.email',
      'u.position',
      'u.organization_id',
      'o.name as organization_name',
      'o.kind as organization_kind',
      'u.active',
      'u.locked_until',
      'u.must_change_password',
      'u.last_login_at',
      'u.language',
      'u.version',
      sql<
        string[]
      >`coalesce((select array_agg(ur.role_code order by ur.role_code) from user_role ur where ur.user_id = u.id), '{}')`.as(
        'roles',
      ),
    ]);
}

export type UserRow = Awaited<ReturnType<ReturnType<typeof userQuery>['executeTakeFirstOrThrow']>>;

export interface UserFilter {
  q?: string;
  organizationId?: string;
  role?: string;
  active?: boolean;
  /** The caller's scope (see scopeFilter): her organization's users, or only herself. */
  scope: ScopeFilter;
}

function applyFilter<Q extends ReturnType<typeof userQuery>>(query: Q, filter: UserFilter): Q {
  let q = query;
  if (filter.scope.organizationId) q = q.where('u.organization_id', '=', filter.scope.organizationId) as Q;
  if (filter.scope.userId) q = q.where('u.id', '=', filter.scope.userId) as Q;
  if (filter.organizationId) q = q.where('u.organization_id', '=', filter.organizationId) as Q;
  if (filter.active !== undefined) q = q.where('u.active', '=', filter.active) as Q;
  if (filter.role) {
    const role = filter.role;
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role_code', '=', role),
      ),
    ) as Q;
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([eb('u.username', 'ilike', pattern), eb('u.full_name', 'ilike', pattern)]),
    ) as Q;
  }
  return q;
}

export async function listUsers(db: Db, filter: UserFilter, page: { page: number; pageSize: number }) {
  const filtered = applyFilter(userQuery(db), filter);
  const [items, count] = await Promise.all([
    filtered
      .orderBy('u.full_name')
      .orderBy('u.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    applyFilter(userQuery(db), filter)
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export function findUser(db: Db, id: string) {
  return userQuery(db).where('u.id', '=', id).executeTakeFirst();
}

export function usernameExists(db: Db, username: string) {
  return db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst();
}

export async function insertUser(
  db: Db,
  user: {
    username: string;
    fullName: string;
    email: string | null;
    position: string | null;
    organizationId: string;
    passwordHash: string;
  },
) {
  const row = await db
    .insertInto('app_user')
    .values({
      username: user.username,
      full_name: user.fullName,
      email: user.email,
      position: user.position,
      organization_id: user.organizationId,
      password_hash: user.passwordHash,
      must_change_password: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function replaceRoles(db: Db, userId: string, roles: readonly string[]) {
  await db.deleteFrom('user_role').where('user_id', '=', userId).execute();
  if (roles.length > 0) {
    await db
      .insertInto('user_role')
      .values(roles.map((role_code) => ({ user_id: userId, role_code })))
      .execute();
  }
}

/** Updates when the version still matches; returns false when someone else changed the user first. */
export async function updateUserIfVersion(
  db: Db,
  id: string,
  version: number,
  changes: { full_name?: string; email?: string | null; position?: string | null; organization_id?: string },
) {
  const result = await db
    .updateTable('app_user')
    .set((eb) => ({ ...changes, updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export function setUserFields(
  db: Db,
  id: string,
  changes: {
    active?: boolean;
    failed_attempts?: number;
    locked_until?: null;
    password_hash?: string;
    must_change_password?: boolean;
  },
) {
  return db
    .updateTable('app_user')
    .set((eb) => ({ ...changes, updated_at: sql`now()`, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

/** Active system administrators other than the given user, locked for the rest of the transaction. */
export async function countOtherActiveAdmins(db: Db, exceptUserId: string) {
  const rows = await db
    .selectFrom('app_user as u')
    .innerJoin('user_role as r', 'r.user_id', 'u.id')
    .select('u.id')
    .where('r.role_code', '=', 'system_admin')
    .where('u.active', '=', true)
    .where('u.id', '!=', exceptUserId)
    .forUpdate()
    .execute();
  return rows.length;
}

export function listRoles(db: Db) {
  return db.selectFrom('role').selectAll().orderBy('sort_order').execute();
}

import type { Kysely } from 'kysely';
import { ROLES, type RoleCode, type Scope } from '../../../shared/permissions.ts';
import type { CreateUserRequest, UpdateUserRequest } from '../../../shared/users.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission, scopeFilter } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  checkPasswordPolicy,
  generateTemporaryPassword,
  hashPassword,
} from '../../platform/auth/password.ts';
import { deleteSessionsOfUser } from '../../platform/auth/session.repository.ts';
import type { SessionCache } from '../../platform/auth/session.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/errors.ts';
import { kindOf } from '../organizations/organizations.service.ts';
import { assertRolesFitOrganization } from './users.policy.ts';
import { presentUser } from './users.presenter.ts';
import {
  countOtherActiveAdmins,
  findUser,
  insertUser,
  listRoles,
  listUsers,
  replaceRoles,
  setUserFields,
  type UserFilter,
  type UserRow,
  updateUserIfVersion,
  usernameExists,
} from './users.repository.ts';

type Db = Kysely<Database>;

/** The users the caller may see: everyone with read:user:all, her own organization's otherwise. */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: {
    q?: string;
    organizationId?: string;
    role?: string;
    active?: 'true' | 'false';
    page: number;
    pageSize: number;
  },
) {
  const scope = requirePermission(ctx, 'read:user');
  const filter: UserFilter = {
    q: query.q,
    organizationId: query.organizationId,
    role: query.role,
    active: query.active === undefined ? undefined : query.active === 'true',
    scope: scopeFilter(ctx, scope),
  };
  const { items, total } = await listUsers(db, filter, query);
  return { items: items.map(presentUser), total, page: query.page, pageSize: query.pageSize };
}

/** One user, if within the caller's scope (404 otherwise: existence is not revealed). */
export async function get(db: Db, ctx: RequestContext, id: string) {
  const scope = requirePermission(ctx, 'read:user');
  return presentUser(await loadInScope(db, ctx, id, scope));
}

async function loadInScope(db: Db, ctx: RequestContext, id: string, scope: Scope): Promise<UserRow> {
  const row = await findUser(db, id);
  const within = scopeFilter(ctx, scope);
  if (
    !row ||
    (within.organizationId && row.organization_id !== within.organizationId) ||
    (within.userId && row.id !== within.userId)
  ) {
    throw notFound('USER_NOT_FOUND');
  }
  return row;
}

/** The roles with their labels and what they grant. */
export async function roles(db: Db, ctx: RequestContext) {
  requirePermission(ctx, 'read:organization');
  const rows = await listRoles(db);
  return {
    items: rows
      .filter((row) => row.code in ROLES)
      .map((row) => {
        const definition = ROLES[row.code as RoleCode];
        return {
          code: row.code as RoleCode,
          nameId: row.name_id,
          nameEn: row.name_en,
          permissions: [...definition.permissions],
          organizationKinds: definition.organizationKinds ? [...definition.organizationKinds] : null,
        };
      }),
  };
}

async function requireOrganizationKind(db: Db, organizationId: string) {
  const kind = await kindOf(db, organizationId);
  if (!kind) throw fieldError('organizationId', 'invalid');
  return kind;
}

const usernameTaken = (username: string) =>
  new AppError(409, 'USERNAME_TAKEN', { params: { username }, fields: { username: { key: 'invalid' } } });

/** Creates a user who must change the initial password at first sign-in. */
export async function create(db: Db, ctx: RequestContext, body: CreateUserRequest) {
  requirePermission(ctx, 'manage:user');
  const kind = await requireOrganizationKind(db, body.organizationId);
  assertRolesFitOrganization(body.roles, kind);
  const policy = checkPasswordPolicy(body.password, body.username);
  if (policy) throw new AppError(400, 'VALIDATION_FAILED', { fields: { password: policy } });
  const passwordHash = await hashPassword(body.password);
  const id = await db.transaction().execute(async (trx) => {
    if (await usernameExists(trx, body.username)) throw usernameTaken(body.username);
    const userId = await insertUser(trx, {
      username: body.username,
      fullName: body.fullName,
      email: body.email ?? null,
      position: body.position ?? null,
      organizationId: body.organizationId,
      passwordHash,
    }).catch((error: unknown) => {
      // Two administrators creating the same username at once: the unique index decides.
      throw (error as { code?: string }).code === '23505' ? usernameTaken(body.username) : error;
    });
    const roleCodes = [...new Set(body.roles)];
    await replaceRoles(trx, userId, roleCodes);
    await audit(trx, ctx, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: userId,
      subjectOrganizationId: body.organizationId,
      details: { username: body.username, organizationId: body.organizationId, roles: roleCodes },
    });
    return userId;
  });
  return get(db, ctx, id);
}

/** Edits a user; refuses with 409 when the version the editor read is no longer current. */
export async function update(
  db: Db,
  sessions: SessionCache,
  ctx: RequestContext,
  id: string,
  body: UpdateUserRequest,
) {
  requirePermission(ctx, 'manage:user');
  const after = await db.transaction().execute(async (trx) => {
    const before = await loadInScope(trx, ctx, id, 'all');
    if (before.version !== body.version) throw conflict('VERSION_CONFLICT');
    const organizationId = body.organizationId ?? before.organization_id;
    const roles = body.roles ? [...new Set(body.roles)] : (before.roles as RoleCode[]);
    const kind = await requireOrganizationKind(trx, organizationId);
    assertRolesFitOrganization(roles, kind);
    if (before.roles.includes('system_admin') && !roles.includes('system_admin') && before.active) {
      await assertAnotherAdmin(trx, id);
    }
    const changes = {
      full_name: body.fullName,
      email: body.email,
      position: body.position,
      organization_id: body.organizationId,
    };
    if (!(await updateUserIfVersion(trx, id, body.version, changes))) throw conflict('VERSION_CONFLICT');
    if (body.roles) await replaceRoles(trx, id, roles);
    const after = await loadInScope(trx, ctx, id, 'all');
    const details = diff(before, after);
    if (Object.keys(details.changes).length > 0) {
      await audit(trx, ctx, { action: 'user.updated', ...subjectOf(after), details });
    }
    return after;
  });
  // After the commit: the user's cached sessions must not outlive the change.
  sessions.forgetUser(id);
  return presentUser(after);
}

/** The audit subject of a user: her id and organization. */
const subjectOf = (user: UserRow) => ({
  subjectType: 'user',
  subjectId: user.id,
  subjectOrganizationId: user.organization_id,
});

async function assertAnotherAdmin(db: Db, userId: string) {
  if ((await countOtherActiveAdmins(db, userId)) === 0) throw conflict('LAST_ADMINISTRATOR');
}

const AUDITED_FIELDS = ['full_name', 'email', 'position', 'organization_id', 'roles'] as const;

function diff(before: UserRow, after: UserRow) {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of AUDITED_FIELDS) {
    const from = before[field];
    const to = after[field];
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return { changes };
}

/** Deactivates a user and ends her sessions; one cannot deactivate oneself or the last administrator. */
export async function deactivate(db: Db, sessions: SessionCache, ctx: RequestContext, id: string) {
  requirePermission(ctx, 'manage:user');
  if (id === ctx.principal.userId) throw conflict('CANNOT_DEACTIVATE_SELF');
  await db.transaction().execute(async (trx) => {
    const user = await loadInScope(trx, ctx, id, 'all');
    if (!user.active) return;
    if (user.roles.includes('system_admin')) await assertAnotherAdmin(trx, id);
    await setUserFields(trx, id, { active: false });
    await deleteSessionsOfUser(trx, id);
    await audit(trx, ctx, { action: 'user.deactivated', ...subjectOf(user) });
  });
  // After the commit: the user's cached sessions must not outlive the change.
  sessions.forgetUser(id);
  return get(db, ctx, id);
}

/** Reactivates a deactivated user. */
export async function activate(db: Db, sessions: SessionCache, ctx: RequestContext, id: string) {
  requirePermission(ctx, 'manage:user');
  await db.transaction().execute(async (trx) => {
    const user = await loadInScope(trx, ctx, id, 'all');
    if (user.active) return;
    await setUserFields(trx, id, { active: true });
    await audit(trx, ctx, { action: 'user.activated', ...subjectOf(user) });
  });
  // After the commit: the user's cached sessions must not outlive the change.
  sessions.forgetUser(id);
  return get(db, ctx, id);
}

/** Lifts a sign-in lock before its 15 minutes are over. */
export async function unlock(db: Db, sessions: SessionCache, ctx: RequestContext, id: string) {
  requirePermission(ctx, 'manage:user');
  await db.transaction().execute(async (trx) => {
    const user = await loadInScope(trx, ctx, id, 'all');
    await setUserFields(trx, id, { failed_attempts: 0, locked_until: null });
    await audit(trx, ctx, { action: 'user.unlocked', ...subjectOf(user) });
  });
  // After the commit: the user's cached sessions must not outlive the change.
  sessions.forgetUser(id);
  return get(db, ctx, id);
}

/** Sets a random temporary password (shown once), ends the user's sessions, and forces a change. */
export async function resetPassword(db: Db, sessions: SessionCache, ctx: RequestContext, id: string) {
  requirePermission(ctx, 'manage:user');
  const temporaryPassword = generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  await db.transaction().execute(async (trx) => {
    const user = await loadInScope(trx, ctx, id, 'all');
    await setUserFields(trx, id, {
      password_hash: passwordHash,
      must_change_password: true,
      failed_attempts: 0,
      locked_until: null,
    });
    await deleteSessionsOfUser(trx, id);
    await audit(trx, ctx, { action: 'user.password_reset', ...subjectOf(user) });
  });
  sessions.forgetUser(id);
  return { temporaryPassword };
}

import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { hashPassword } from '../../src/server/platform/auth/password.ts';
import type { OrganizationKind, RoleCode } from '../../src/shared/permissions.ts';

export const TEST_PASSWORD = 'Kuat-sekali-2026';
let passwordHash: Promise<string> | undefined;

const unique = () => randomBytes(4).toString('hex');

/** An organization of the given kind (a partner by default). */
export async function createOrganization(
  db: Kysely<Database>,
  overrides: Partial<{
    kind: OrganizationKind;
    name: string;
    code: string | null;
    parentId: string | null;
  }> = {},
) {
  return db
    .insertInto('organization')
    .values({
      kind: overrides.kind ?? 'partner',
      name: overrides.name ?? `Mitra Uji ${unique()}`,
      code: overrides.code ?? null,
      parent_id: overrides.parentId ?? null,
      contacts: JSON.stringify([]),
    })
    .returning(['id', 'kind', 'name'])
    .executeTakeFirstOrThrow();
}

/** A user with the given roles, who signs in with TEST_PASSWORD; creates an organization of a fitting kind when none is given. */
export async function createUser(
  db: Kysely<Database>,
  overrides: Partial<{
    username: string;
    fullName: string;
    organizationId: string;
    roles: RoleCode[];
    mustChangePassword: boolean;
    active: boolean;
  }> = {},
) {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const organizationId = overrides.organizationId ?? (await createOrganization(db, { kind: 'prison' })).id;
  const user = await db
    .insertInto('app_user')
    .values({
      username: overrides.username ?? `user.${unique()}`,
      full_name: overrides.fullName ?? 'Pengguna Uji',
      organization_id: organizationId,
      password_hash: await passwordHash,
      must_change_password: overrides.mustChangePassword ?? false,
      active: overrides.active ?? true,
    })
    .returning(['id', 'username', 'organization_id'])
    .executeTakeFirstOrThrow();
  const roles = overrides.roles ?? ['prison_binadik'];
  if (roles.length)
    await db
      .insertInto('user_role')
      .values(roles.map((role_code) => ({ user_id: user.id, role_code })))
      .execute();
  return user;
}

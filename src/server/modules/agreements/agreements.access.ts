import type { Kysely, Transaction } from 'kysely';
import { type Permission, ROLE_CODES, ROLES, type RoleCode } from '../../../shared/permissions.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';

// Who sees and who acts on an agreement (ADR 014):
// - an organization sees an agreement iff it is a party (agreement_party.organization_id);
// - its staff with manage:agreement edit the text and parties, submit, renew, and track its own obligations;
// - its heads (approve:agreement) and the live delegates they named agree, request changes, sign and
//   terminate for it — for their own organization's party only.

type Db = Kysely<Database> | Transaction<Database>;

const has = (ctx: RequestContext, permission: Permission) => ctx.principal.permissions.includes(permission);

/** The roles granting a permission (for notification recipients). */
export function rolesWith(permission: Permission): RoleCode[] {
  return ROLE_CODES.filter((role) => ROLES[role].permissions.includes(permission));
}

/** Heads: the roles that agree and sign for their organization. */
export const HEAD_ROLES = rolesWith('approve:agreement:organization');
/** Staff who edit agreements. */
export const MANAGER_ROLES = rolesWith('manage:agreement:organization');
/** Staff who read agreements. */
export const READER_ROLES = rolesWith('read:agreement:organization');

/** The agreement ids `organizationId` is party to, as a subquery (`where('a.id', 'in', visibleAgreementIds(...))`). */
export function visibleAgreementIds(db: Db, organizationId: string) {
  return db
    .selectFrom('agreement_party')
    .select('agreement_party.agreement_id')
    .where('agreement_party.organization_id', '=', organizationId);
}

/** Whether `organizationId` is a party of the agreement. */
export async function isAgreementParty(
  db: Db,
  agreementId: string,
  organizationId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('agreement_party')
    .select('id')
    .where('agreement_id', '=', agreementId)
    .where('organization_id', '=', organizationId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The caller is a live delegate of her organization (and still manages agreements). */
export async function isLiveDelegate(db: Db, ctx: RequestContext): Promise<boolean> {
  if (!has(ctx, 'manage:agreement:organization')) return false;
  const row = await db
    .selectFrom('agreement_delegate')
    .select('id')
    .where('organization_id', '=', ctx.principal.organizationId)
    .where('user_id', '=', ctx.principal.userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * The caller may agree / sign / terminate for `organizationId`: it is her own organization and she is its
 * head (approve:agreement) or a live delegate of it.
 */
export async function canActFor(db: Db, ctx: RequestContext, organizationId: string): Promise<boolean> {
  if (organizationId !== ctx.principal.organizationId) return false;
  if (has(ctx, 'approve:agreement:organization')) return true;
  return isLiveDelegate(db, ctx);
}

/**
 * The live delegates of an organization, for notifications: active users still in that organization and still
 * holding a role that manages agreements (the conditions under which `isLiveDelegate` lets them act).
 */
export async function delegateUserIds(db: Db, organizationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('agreement_delegate as d')
    .innerJoin('app_user as u', 'u.id', 'd.user_id')
    .select('d.user_id')
    .where('d.organization_id', '=', organizationId)
    .where('d.revoked_at', 'is', null)
    .where('u.active', '=', true)
    .whereRef('u.organization_id', '=', 'd.organization_id')
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('user_role as r')
          .select('r.user_id')
          .whereRef('r.user_id', '=', 'u.id')
          .where('r.role_code', 'in', MANAGER_ROLES),
      ),
    )
    .execute();
  return rows.map((row) => row.user_id);
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  AgreementDelegate,
  AgreementDelegateList,
  NameDelegateRequest,
} from '../../../shared/agreements.ts';
import { permissionsForRoles } from '../../../shared/permissions.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { conflict, fieldError, notFound } from '../../platform/errors.ts';
import { presentDelegate } from './agreements.presenter.ts';
import {
  activeUsersWithRoles,
  findDelegate,
  findLiveDelegate,
  insertDelegate,
  listDelegates,
  lockDelegate,
  revokeDelegate,
} from './agreements.repository.ts';

// Wakil penandatangan: a head (approve:agreement) names a staff member of her own organization who may
// agree, request changes, sign and terminate agreements for it in her stead, and revokes the naming.

type Db = Kysely<Database>;

/** A user who may be named: manages agreements (from her roles) and is not a head already. */
function nameable(roles: readonly string[] | null) {
  const permissions = permissionsForRoles(roles ?? []);
  return (
    permissions.includes('manage:agreement:organization') &&
    !permissions.includes('approve:agreement:organization')
  );
}

/** The delegates of the caller's organization (live first), and whom her head may name. */
export async function listOfOrganization(db: Db, ctx: RequestContext): Promise<AgreementDelegateList> {
  requirePermission(ctx, 'read:agreement');
  const organizationId = ctx.principal.organizationId;
  const [rows, users] = await Promise.all([
    listDelegates(db, organizationId),
    activeUsersWithRoles(db, organizationId),
  ]);
  const canManage = ctx.principal.permissions.includes('approve:agreement:organization');
  const live = new Set(rows.filter((row) => row.revoked_at === null).map((row) => row.user_id));
  return {
    items: rows.map(presentDelegate),
    canManage,
    candidates: canManage
      ? users
          .filter((user) => nameable(user.roles) && !live.has(user.id))
          .map((user) => ({ id: user.id, name: user.full_name, position: user.position }))
      : [],
  };
}

/** Names a delegate (the head of the caller's organization). */
export async function name(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof NameDelegateRequest>,
): Promise<AgreementDelegate> {
  requirePermission(ctx, 'approve:agreement');
  const organizationId = ctx.principal.organizationId;
  const user = (await activeUsersWithRoles(db, organizationId)).find((row) => row.id === body.userId);
  if (!user || !nameable(user.roles)) throw fieldError('userId', 'agreement_delegate_invalid');
  let id: string;
  try {
    id = await db.transaction().execute(async (trx) => {
      if (await findLiveDelegate(trx, organizationId, body.userId))
        throw fieldError('userId', 'agreement_delegate_exists');
      const row = await insertDelegate(trx, {
        organization_id: organizationId,
        user_id: body.userId,
        named_by: ctx.principal.userId,
        note: body.note ?? null,
      });
      await audit(trx, ctx, {
        action: 'agreement.delegate_named',
        subjectType: 'user',
        subjectId: body.userId,
        subjectOrganizationId: organizationId,
        details: { delegateId: row.id },
      });
      return row.id;
    });
  } catch (error) {
    // The partial unique index: the same naming at the same moment.
    if ((error as { code?: string }).code === '23505')
      throw fieldError('userId', 'agreement_delegate_exists');
    throw error;
  }
  const row = await findDelegate(db, id);
  if (!row) throw notFound('AGREEMENT_DELEGATE_NOT_FOUND');
  return presentDelegate(row);
}

/** Revokes a delegate of the caller's organization (its head). */
export async function revoke(db: Db, ctx: RequestContext, delegateId: string): Promise<AgreementDelegate> {
  requirePermission(ctx, 'approve:agreement');
  await db.transaction().execute(async (trx) => {
    const row = await lockDelegate(trx, delegateId);
    if (!row || row.organization_id !== ctx.principal.organizationId)
      throw notFound('AGREEMENT_DELEGATE_NOT_FOUND');
    if (row.revoked_at) throw conflict('AGREEMENT_DELEGATE_REVOKED');
    await revokeDelegate(trx, delegateId, ctx.principal.userId);
    await audit(trx, ctx, {
      action: 'agreement.delegate_revoked',
      subjectType: 'user',
      subjectId: row.user_id,
      subjectOrganizationId: row.organization_id,
      details: { delegateId },
    });
  });
  const row = await findDelegate(db, delegateId);
  if (!row) throw notFound('AGREEMENT_DELEGATE_NOT_FOUND');
  return presentDelegate(row);
}

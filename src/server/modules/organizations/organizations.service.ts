import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { notFound } from '../../platform/errors.ts';
import { visibleOrganization } from '../villages/villages.access.ts';
import { presentOrganization, presentSummary } from './organizations.presenter.ts';
import {
  findOrganization,
  findOrganizationKind,
  listChildren,
  listOrganizations,
} from './organizations.repository.ts';

/**
 * The organization directory: every organization of the program, except that a partner's staff see no
 * partner but her own (ADR 011).
 */
export async function list(db: Kysely<Database>, ctx: RequestContext, filter: { kind?: string; q?: string }) {
  requirePermission(ctx, 'read:organization');
  const rows = await listOrganizations(db, visibleOrganization(ctx), filter);
  return { items: rows.map(presentSummary) };
}

/**
 * One organization with its contacts and the organizations under it (the kelurahan of a kecamatan);
 * 404 for one the caller may not see (another partner, for a partner's staff).
 */
export async function get(db: Kysely<Database>, ctx: RequestContext, id: string) {
  requirePermission(ctx, 'read:organization');
  const visible = visibleOrganization(ctx);
  const row = await findOrganization(db, visible, id);
  if (!row) throw notFound('ORGANIZATION_NOT_FOUND');
  return presentOrganization(row, await listChildren(db, visible, id));
}

/** The kind of an organization, for other modules' rules (no permission check: not a read by a user). */
export async function kindOf(db: Kysely<Database>, id: string) {
  return (await findOrganizationKind(db, id))?.kind ?? null;
}

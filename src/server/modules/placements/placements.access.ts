import { type RawBuilder, sql } from 'kysely';
import type { RequestContext } from '../../platform/access.ts';
import { requirePermission } from '../../platform/access.ts';
import { isCorrections, visiblePeople } from '../people/people.access.ts';
import { managedVillage } from '../villages/villages.access.ts';

// Which placements a caller reaches, in one place: the board, a single placement, a person's placements and
// the steps all take this condition, so a list and a record never disagree. Whoever reaches a placement may
// also move it on (its running stages): the woman's corrections staff, the opportunity's kelurahan and
// kecamatan, and the partner whose opportunity it is.

/** 403 unless the caller works with placements at all (manage:placement, organization or own scope). */
export function requirePlacements(ctx: RequestContext): void {
  requirePermission(ctx, 'manage:placement');
}

/**
 * The SQL condition "the caller reaches this placement", for a query over `placement` joined with its
 * opportunity aliased `o` and its person aliased `p`: corrections staff the placements of the people they
 * see; kelurahan and kecamatan staff those on opportunities of the kelurahan they manage; a partner those
 * on her own organization's opportunities. Call `requirePlacements` first.
 */
export function reachablePlacement(ctx: RequestContext): RawBuilder<boolean> {
  const permissions = ctx.principal.permissions;
  if (permissions.includes('manage:placement:organization')) {
    if (isCorrections(ctx)) return visiblePeople(ctx, 'p');
    return managedVillage(ctx, 'o.village_id');
  }
  if (permissions.includes('manage:placement:own'))
    return sql<boolean>`o.partner_id = ${ctx.principal.organizationId}`;
  return sql<boolean>`false`;
}

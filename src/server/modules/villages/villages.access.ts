import { type RawBuilder, sql } from 'kysely';
import type { RequestContext } from '../../platform/access.ts';

// Who may change which kelurahan, partner and opportunity, in one place (ADR 011). Reading village
// profiles is open to every signed-in user (they hold no personal data). Changing them follows the
// organization: a kelurahan her own, the kecamatan the kelurahan below it (organization.parent_id). The
// partner directory and opportunities are read by the agencies and kelurahan; a partner reads only her own
// organization's. Every condition here is SQL over a column, so lists and single records never disagree.

function has(ctx: RequestContext, permission: string): boolean {
  return ctx.principal.permissions.includes(permission);
}

/**
 * The SQL condition "the caller manages the kelurahan whose organization id is in `column`":
 * her own kelurahan (kelurahan staff), the kelurahan of her kecamatan (kecamatan staff), else false.
 * Callers check the permission that applies (`manage:village`, `manage:opportunity`, `manage:placement`) first.
 */
export function managedVillage(ctx: RequestContext, column: string): RawBuilder<boolean> {
  const ref = sql.ref(column);
  const organizationId = ctx.principal.organizationId;
  switch (ctx.principal.organizationKind) {
    case 'village':
      return sql<boolean>`${ref} = ${organizationId}`;
    case 'district':
      return sql<boolean>`${ref} in (select o.id from organization o where o.kind = 'village' and o.parent_id = ${organizationId})`;
    default:
      return sql<boolean>`false`;
  }
}

/** The caller edits kelurahan profiles (her own, or her kecamatan's). */
export function managesVillages(ctx: RequestContext): boolean {
  return has(ctx, 'manage:village:organization');
}

/** The caller reads the whole partner directory (agencies, kelurahan), not only her own organization. */
export function readsAllPartners(ctx: RequestContext): boolean {
  return has(ctx, 'read:partner:all');
}

/**
 * The SQL condition "the caller may see this partner organization" over the column holding its id:
 * all partners for the agencies and kelurahan, her own organization for a partner, else false.
 */
export function visiblePartner(ctx: RequestContext, column: string): RawBuilder<boolean> {
  if (readsAllPartners(ctx)) return sql<boolean>`true`;
  if (has(ctx, 'read:partner:own')) return sql<boolean>`${sql.ref(column)} = ${ctx.principal.organizationId}`;
  return sql<boolean>`false`;
}

/**
 * The SQL condition "the caller may see this organization in the organization directory", over the
 * organization aliased `alias`. The agencies, the kecamatan and its kelurahan are everyone's to see. For a
 * partner's staff, partner organizations follow `visiblePartner` (her own only): the directory must not tell
 * her that another partner exists. Everyone else sees every partner by name (the agencies and kelurahan read
 * the partner directory anyway; administrators attach accounts to partners).
 */
export function visibleOrganization(ctx: RequestContext, alias = 'o'): RawBuilder<boolean> {
  if (!isPartner(ctx)) return sql<boolean>`true`;
  return sql<boolean>`(${sql.ref(`${alias}.kind`)} <> 'partner' or ${visiblePartner(ctx, `${alias}.id`)})`;
}

/**
 * The SQL condition "the caller may see this opportunity", for a query over `opportunity` aliased `alias`:
 * all for the agencies and kelurahan, her organization's for a partner, else false.
 */
export function visibleOpportunity(ctx: RequestContext, alias = 'o'): RawBuilder<boolean> {
  if (has(ctx, 'read:opportunity:all')) return sql<boolean>`true`;
  if (has(ctx, 'read:opportunity:own'))
    return sql<boolean>`${sql.ref(`${alias}.partner_id`)} = ${ctx.principal.organizationId}`;
  return sql<boolean>`false`;
}

/** A partner's staff: she never sees an opportunity's restrictions nor another partner's data. */
export function isPartner(ctx: RequestContext): boolean {
  return ctx.principal.organizationKind === 'partner';
}

/**
 * The SQL condition "the caller may change this partner", over the partner organization's id column and
 * the alias of its (left-joined) `partner_profile`: the kecamatan any partner; a kelurahan the partners of
 * her kelurahan and those her organization added; a partner's staff her own organization; else false.
 */
export function managedPartner(
  ctx: RequestContext,
  organizationColumn: string,
  profileAlias: string,
): RawBuilder<boolean> {
  const organizationId = ctx.principal.organizationId;
  if (has(ctx, 'manage:partner:organization')) {
    if (ctx.principal.organizationKind === 'district') return sql<boolean>`true`;
    if (ctx.principal.organizationKind === 'village')
      return sql<boolean>`(${sql.ref(`${profileAlias}.village_id`)} = ${organizationId}
        or exists (select 1 from app_user creator where creator.id = ${sql.ref(`${profileAlias}.created_by`)}
          and creator.organization_id = ${organizationId}))`;
  }
  if (has(ctx, 'manage:partner:own')) return sql<boolean>`${sql.ref(organizationColumn)} = ${organizationId}`;
  return sql<boolean>`false`;
}

/** The caller adds partners to the directory (kecamatan and kelurahan staff). */
export function addsPartners(ctx: RequestContext): boolean {
  const kind = ctx.principal.organizationKind;
  return has(ctx, 'manage:partner:organization') && (kind === 'district' || kind === 'village');
}

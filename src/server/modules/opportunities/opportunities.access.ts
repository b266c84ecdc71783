import type { OpportunityPermissions } from '../../../shared/opportunities.ts';
import type { RequestContext } from '../../platform/access.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { isPartner } from '../villages/villages.access.ts';

// What a caller may do with opportunities, in one place: the service checks these rights on every request
// and the presenter shows the same ones as `permissions` (ADR 011). Which opportunities a caller reaches at
// all is `visibleOpportunity` of villages.access.ts, applied by the repository.

const has = (ctx: RequestContext, permission: string) => ctx.principal.permissions.includes(permission);

/** 403 unless the caller reads opportunities (all, or a partner her organization's). */
export function requireRead(ctx: RequestContext): void {
  if (!has(ctx, 'read:opportunity:all') && !has(ctx, 'read:opportunity:own')) throw forbidden();
}

/**
 * How the caller creates opportunities: 'staff' (kelurahan and kecamatan staff, for a partner in a kelurahan
 * they manage, draft or open), 'partner' (a partner's staff, drafts of her own organization) or 403.
 */
export function requireCreate(ctx: RequestContext): 'staff' | 'partner' {
  if (has(ctx, 'manage:opportunity:organization')) return 'staff';
  if (has(ctx, 'draft:opportunity:own')) return 'partner';
  throw forbidden();
}

/** Corrections staff review restrictions; a partner's staff never, whatever her permissions say. */
export function reviewsRestrictions(ctx: RequestContext): boolean {
  return has(ctx, 'review:opportunity:all') && !isPartner(ctx);
}

/** What the rights are decided on: the opportunity as the repository reads it for this caller. */
export interface OpportunityFacts {
  partner_id: string;
  status: 'draft' | 'open' | 'filled' | 'closed';
  places: number;
  placed_count: string | number;
  /** The caller manages its kelurahan (staff of that kelurahan or of its kecamatan). */
  managed: boolean;
}

export interface OpportunityRights extends OpportunityPermissions {
  /** Edits it as kelurahan/kecamatan staff (restrictions and partner included). */
  editsAsStaff: boolean;
  /** It is the caller's own organization's (a partner's staff), whatever its status. */
  ownPartner: boolean;
}

/**
 * The caller's rights on one opportunity: staff of its kelurahan edit it in any status and open, close and
 * reopen it; its partner edits it while it is a draft and never changes its status; corrections staff review
 * the restrictions and propose people while it is open with places left.
 */
export function opportunityRights(ctx: RequestContext, row: OpportunityFacts): OpportunityRights {
  const editsAsStaff = has(ctx, 'manage:opportunity:organization') && row.managed;
  const ownPartner = has(ctx, 'draft:opportunity:own') && row.partner_id === ctx.principal.organizationId;
  const placesLeft = row.places - Number(row.placed_count);
  return {
    editsAsStaff,
    ownPartner,
    canEdit: editsAsStaff || (ownPartner && row.status === 'draft'),
    canOpen: editsAsStaff && row.status === 'draft',
    canClose: editsAsStaff && row.status !== 'closed',
    canReopen: editsAsStaff && row.status === 'closed',
    canReviewRestrictions: reviewsRestrictions(ctx),
    canPropose: has(ctx, 'propose:placement:organization') && row.status === 'open' && placesLeft > 0,
  };
}

/**
 * 403 unless the caller may edit it; returns whether she edits as staff. Its partner once it is no longer a
 * draft: 403 OPPORTUNITY_NOT_DRAFT (she is told why).
 */
export function requireEdit(ctx: RequestContext, row: OpportunityFacts): boolean {
  const rights = opportunityRights(ctx, row);
  if (rights.editsAsStaff) return true;
  if (rights.canEdit) return false;
  if (rights.ownPartner) throw new AppError(403, 'OPPORTUNITY_NOT_DRAFT');
  throw forbidden();
}

/** 403 unless the caller opens, closes and reopens it (staff of its kelurahan; never a partner). */
export function requireManage(ctx: RequestContext, row: OpportunityFacts): void {
  if (!opportunityRights(ctx, row).editsAsStaff) throw forbidden();
}

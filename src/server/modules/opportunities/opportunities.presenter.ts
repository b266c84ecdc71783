import type {
  Opportunity,
  OpportunityListItem,
  OpportunityPermissions,
  OpportunityRestrictions,
} from '../../../shared/opportunities.ts';
import type { RequestContext } from '../../platform/access.ts';
import { isPartner } from '../villages/villages.access.ts';
import { opportunityRights } from './opportunities.access.ts';
import type { OpportunityRow } from './opportunities.repository.ts';

// What leaves the server about an opportunity. The restrictions (offences that rule a person out, the
// note, who reviewed them) are decided here, in one place: never in a list, and in a detail only for
// callers who are not a partner's staff; for a partner the key is absent, not null.

type Sector = OpportunityListItem['sector'];
type Offence = OpportunityRestrictions['offences'][number];

const amount = (value: string | null) => (value === null ? null : Number(value));

export function presentOpportunityListItem(row: OpportunityRow): OpportunityListItem {
  const placedCount = Number(row.placed_count);
  return {
    id: row.id,
    partner: { id: row.partner_id, name: row.partner_name },
    village: { id: row.village_id, code: row.village_code, name: row.village_name },
    kind: row.kind,
    title: row.title,
    sector: row.sector as Sector,
    location: row.location,
    places: row.places,
    placedCount,
    placesLeft: Math.max(row.places - placedCount, 0),
    startOn: row.start_on,
    closesOn: row.closes_on,
    hoursPerWeek: row.hours_per_week,
    shiftWork: row.shift_work,
    partTime: row.part_time,
    flexible: row.flexible,
    payMin: amount(row.pay_min),
    payMax: amount(row.pay_max),
    payPeriod: row.pay_period,
    openToAsimilasi: row.open_to_asimilasi,
    skills: row.skills.map((skill) => ({ ...skill, sector: skill.sector as Sector })),
    status: row.status,
    updatedAt: row.updated_at.toISOString(),
  };
}

/** What the caller may do with it now: the rights the service checks on every request. */
export function opportunityPermissions(ctx: RequestContext, row: OpportunityRow): OpportunityPermissions {
  const { canEdit, canOpen, canClose, canReopen, canReviewRestrictions, canPropose } = opportunityRights(
    ctx,
    row,
  );
  return { canEdit, canOpen, canClose, canReopen, canReviewRestrictions, canPropose };
}

/** The restrictions for this caller: undefined (the key left out) for a partner's staff. */
export function restrictionsFor(
  ctx: RequestContext,
  row: OpportunityRow,
): OpportunityRestrictions | undefined {
  if (isPartner(ctx)) return undefined;
  return {
    offences: row.restricted_offences as Offence[],
    note: row.restriction_note,
    reviewedAt: row.restrictions_reviewed_at?.toISOString() ?? null,
    reviewedBy: row.restrictions_reviewed_by_name,
    version: row.restrictions_version,
  };
}

export function presentOpportunity(ctx: RequestContext, row: OpportunityRow): Opportunity {
  const restrictions = restrictionsFor(ctx, row);
  return {
    ...presentOpportunityListItem(row),
    description: row.description,
    workHours: row.work_hours,
    statusReason: row.status_reason,
    openedAt: row.opened_at?.toISOString() ?? null,
    openedBy: row.opened_by_name,
    createdAt: row.created_at.toISOString(),
    createdBy: row.created_by_name,
    version: row.version,
    permissions: opportunityPermissions(ctx, row),
    ...(restrictions && { restrictions }),
  };
}

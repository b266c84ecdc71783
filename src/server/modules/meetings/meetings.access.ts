import { type RawBuilder, sql } from 'kysely';
import type { RequestContext } from '../../platform/access.ts';

// Who sees and changes which meeting (ADR 014), in one place. A meeting is seen by its organizer, by every
// organization with an attendee row, and by the owner organization of one of its action items (so the owner
// user's notification leads somewhere). The organizer's staff with manage:meeting edit it; an action item's
// status and progress note may also be updated by the owner organization's staff with manage:meeting.
// Every condition is SQL over columns, so lists and single records never disagree.

/** The SQL condition "the caller's organization may see the meeting aliased `alias`". */
export function visibleMeeting(ctx: RequestContext, alias = 'm'): RawBuilder<boolean> {
  const organizationId = ctx.principal.organizationId;
  const id = sql.ref(`${alias}.id`);
  return sql<boolean>`(${sql.ref(`${alias}.organization_id`)} = ${organizationId}
    or exists (select 1 from meeting_attendee va where va.meeting_id = ${id} and va.organization_id = ${organizationId})
    or exists (select 1 from action_item vi where vi.meeting_id = ${id} and vi.owner_organization_id = ${organizationId}))`;
}

/** The SQL condition "the caller's organization is a party of the agreement whose id is in `column`". */
export function visibleAgreement(ctx: RequestContext, column: string): RawBuilder<boolean> {
  return sql<boolean>`exists (select 1 from agreement_party ap where ap.agreement_id = ${sql.ref(column)}
    and ap.organization_id = ${ctx.principal.organizationId})`;
}

/**
 * The SQL condition "the caller sees the work plan whose id is in `column`": her organization is a party of
 * its agreement, or responsible for one of its activities (the work plans' rule, ADR 014).
 */
export function visibleWorkPlan(ctx: RequestContext, column: string): RawBuilder<boolean> {
  const organizationId = ctx.principal.organizationId;
  const ref = sql.ref(column);
  return sql<boolean>`(exists (select 1 from work_plan vw join agreement_party vp on vp.agreement_id = vw.agreement_id
      where vw.id = ${ref} and vp.organization_id = ${organizationId})
    or exists (select 1 from work_plan_activity vx where vx.work_plan_id = ${ref}
      and vx.responsible_organization_id = ${organizationId}))`;
}

/** The caller holds manage:meeting (for her own organization). */
export function managesMeetings(ctx: RequestContext): boolean {
  return ctx.principal.permissions.includes('manage:meeting:organization');
}

/** The caller edits a meeting organized by `organizationId`. */
export function canEditMeeting(ctx: RequestContext, organizationId: string): boolean {
  return managesMeetings(ctx) && organizationId === ctx.principal.organizationId;
}

/** The caller updates the progress of an action item of a meeting organized by one organization, owned by another. */
export function canUpdateProgress(
  ctx: RequestContext,
  meetingOrganizationId: string,
  ownerOrganizationId: string,
): boolean {
  return (
    managesMeetings(ctx) &&
    (meetingOrganizationId === ctx.principal.organizationId ||
      ownerOrganizationId === ctx.principal.organizationId)
  );
}

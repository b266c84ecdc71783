import type {
  Handover,
  HandoverListItem,
  HandoverPackage,
  HandoverState,
} from '../../../shared/handovers.ts';
import type { Permission } from '../../../shared/permissions.ts';
import type { RequestContext } from '../../platform/access.ts';
import type { HandoverListRow, HandoverRow, handoverEvents } from './handovers.repository.ts';

type EventRow = Awaited<ReturnType<typeof handoverEvents>>[number];

const has = (ctx: RequestContext, permission: Permission) => ctx.principal.permissions.includes(permission);

/** What the caller may do with a handover now (the service checks the same again). */
export function handoverActions(
  ctx: RequestContext,
  row: Pick<HandoverRow, 'status' | 'from_organization_id' | 'to_organization_id' | 'sent_by'>,
) {
  const org = ctx.principal.organizationId;
  const decider =
    has(ctx, 'decide:handover:organization') &&
    row.to_organization_id === org &&
    row.sent_by !== ctx.principal.userId;
  return {
    canAccept: decider && row.status === 'sent',
    canReturn: decider && row.status === 'sent',
    canCancel:
      has(ctx, 'send:handover:organization') && row.from_organization_id === org && row.status === 'sent',
    canChangeOfficer: decider && row.status === 'accepted',
  };
}

export function presentHandover(ctx: RequestContext, row: HandoverRow, events: EventRow[]): Handover {
  return {
    id: row.id,
    personId: row.person_id,
    status: row.status,
    from: { id: row.from_organization_id, name: row.from_name },
    to: { id: row.to_organization_id, name: row.to_name },
    note: row.note,
    expectedReleaseDate: row.expected_release_date,
    sentBy: row.sent_by_name,
    sentAt: row.sent_at.toISOString(),
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    returnReason: row.return_reason,
    officer:
      row.officer_user_id && row.officer_name ? { id: row.officer_user_id, name: row.officer_name } : null,
    package: row.package as unknown as HandoverPackage,
    events: events
      .filter((event) => event.handover_id === row.id)
      .map((event) => ({
        id: String(event.id),
        action: event.action,
        note: event.note,
        actorName: event.actor_name,
        organizationName: event.organization_name,
        at: event.at.toISOString(),
      })),
    version: row.version,
    ...handoverActions(ctx, row),
  };
}

export function presentListItem(ctx: RequestContext, row: HandoverListRow): HandoverListItem {
  return {
    id: row.id,
    person: { id: row.person_id, displayName: row.full_name, registrationNumber: row.registration_number },
    status: row.status,
    from: { id: row.from_organization_id, name: row.from_name },
    to: { id: row.to_organization_id, name: row.to_name },
    sentBy: row.sent_by_name,
    sentAt: row.sent_at.toISOString(),
    expectedReleaseDate: row.expected_release_date,
    releaseDate: row.release_date,
    decidedBy: row.decided_by_name,
    decidedAt: row.decided_at ? row.decided_at.toISOString() : null,
    returnReason: row.return_reason,
    officer:
      row.officer_user_id && row.officer_name ? { id: row.officer_user_id, name: row.officer_name } : null,
    version: row.version,
    ...handoverActions(ctx, row),
  };
}

/**
 * Her handover state from her handovers, newest first: the latest one's status; none without one, or when
 * the latest was cancelled or ended by a return to custody (a new one is needed).
 */
export function stateOf(rows: readonly { status: string }[]): HandoverState {
  const latest = rows[0];
  if (!latest || latest.status === 'cancelled' || latest.status === 'ended') return 'none';
  return latest.status as HandoverState;
}

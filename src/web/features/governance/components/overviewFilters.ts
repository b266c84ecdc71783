import {
  ACTION_ITEM_FILTERS,
  type ActionItemFilter,
  type GovernanceOverviewQuery,
} from '../../../../shared/governance.ts';

/** The overview's status filter in the address (`?status=`): absent = not finished yet, `all` = every one. */
export type OverviewStatusChoice = ActionItemFilter | 'all';
export const DEFAULT_STATUS_CHOICE: OverviewStatusChoice = 'pending';
export const OVERVIEW_STATUS_CHOICES: readonly OverviewStatusChoice[] = [
  'pending',
  'overdue',
  'open',
  'in_progress',
  'done',
  'cancelled',
  'all',
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const OVERVIEW_PAGE_SIZE = 25;

/**
 * The overview's query from the address (`organisasi`, `status`, `halaman`). An edited address never turns
 * into a validation error: a value the API would refuse is ignored.
 */
export function overviewQueryFromParams(params: URLSearchParams): {
  query: GovernanceOverviewQuery;
  status: OverviewStatusChoice;
  organizationId: string | null;
} {
  const rawStatus = params.get('status');
  const status: OverviewStatusChoice =
    rawStatus === 'all' || ACTION_ITEM_FILTERS.includes(rawStatus as ActionItemFilter)
      ? (rawStatus as OverviewStatusChoice)
      : DEFAULT_STATUS_CHOICE;
  const rawOrganization = params.get('organisasi');
  const organizationId = rawOrganization && UUID.test(rawOrganization) ? rawOrganization : null;
  const page = Math.max(1, Math.floor(Number(params.get('halaman'))) || 1);
  return {
    query: {
      page,
      pageSize: OVERVIEW_PAGE_SIZE,
      organizationId: organizationId ?? undefined,
      status: status === 'all' ? undefined : status,
    },
    status,
    organizationId,
  };
}

/** How urgent an agreement's end is: expired, within 30 days, within 90 days, or later. */
export function expiryUrgency(daysLeft: number | null): 'expired' | 'soon' | 'near' | 'later' {
  if (daysLeft === null) return 'later';
  if (daysLeft < 0) return 'expired';
  if (daysLeft <= 30) return 'soon';
  if (daysLeft <= 90) return 'near';
  return 'later';
}

/**
 * The signed agreements in the order the overview shows them: those still running by their end date (the
 * soonest first, those without an end date last), then the expired ones, the most recently ended first.
 */
export function expiryOrder<T extends { daysLeft: number | null; validUntil: string | null }>(
  agreements: readonly T[],
): T[] {
  const running = agreements.filter((item) => item.daysLeft === null || item.daysLeft >= 0);
  const ended = agreements.filter((item) => item.daysLeft !== null && item.daysLeft < 0);
  running.sort((a, b) => {
    if (a.daysLeft === null || b.daysLeft === null)
      return a.daysLeft === null ? (b.daysLeft === null ? 0 : 1) : -1;
    return a.daysLeft - b.daysLeft;
  });
  ended.sort((a, b) => (b.daysLeft ?? 0) - (a.daysLeft ?? 0));
  return [...running, ...ended];
}

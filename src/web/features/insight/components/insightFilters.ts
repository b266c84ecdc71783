import type { DashboardQuery } from '../../../../shared/insight.ts';
import { adjustPeriod, isMonth } from '../format.ts';

/**
 * The dashboard's filters in the address, with Indonesian keys so a shared link reads well:
 * `?dari=2026-01&sampai=2026-06&organisasi=<id>&kelurahan=<id>`.
 */
export const FILTER_KEYS = {
  from: 'dari',
  to: 'sampai',
  organizationId: 'organisasi',
  villageId: 'kelurahan',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The query for the API from the address: only well-formed values (a bad link falls back to defaults). */
export function dashboardQueryFromParams(
  params: URLSearchParams,
  options: { organization: boolean } = { organization: true },
): DashboardQuery {
  const query: DashboardQuery = {};
  const from = params.get(FILTER_KEYS.from);
  const to = params.get(FILTER_KEYS.to);
  const organizationId = params.get(FILTER_KEYS.organizationId);
  const villageId = params.get(FILTER_KEYS.villageId);
  if (isMonth(from)) query.from = from;
  if (isMonth(to)) query.to = to;
  if (options.organization && organizationId && UUID.test(organizationId))
    query.organizationId = organizationId;
  if (villageId && UUID.test(villageId)) query.villageId = villageId;
  return query;
}

/** The filters as the CSV audit records them (what the page shows). */
export function auditFilters(
  query: DashboardQuery,
  period: { from: string; to: string },
): Record<string, string> {
  const filters: Record<string, string> = { from: period.from, to: period.to };
  if (query.organizationId) filters.organizationId = query.organizationId;
  if (query.villageId) filters.villageId = query.villageId;
  return filters;
}

/** The filters the bar shows: the address's, else the answer's (not a placeholder), else the defaults. */
export function shownFilters(
  query: DashboardQuery,
  answer:
    | { from: string; to: string; organization?: { id: string } | null; village?: { id: string } | null }
    | undefined,
  fallback: { from: string; to: string },
): { period: { from: string; to: string }; organizationId: string | null; villageId: string | null } {
  return {
    period: {
      from: query.from ?? answer?.from ?? fallback.from,
      to: query.to ?? answer?.to ?? fallback.to,
    },
    organizationId: query.organizationId ?? answer?.organization?.id ?? null,
    villageId: query.villageId ?? answer?.village?.id ?? null,
  };
}

/**
 * The address changes for one month picked: the key that changed, plus the other one only when the
 * period had to move it (the two never cross and never span more than `maxMonths`).
 */
export function periodChanges(
  period: { from: string; to: string },
  changed: 'from' | 'to',
  month: string,
  maxMonths: number,
): Record<string, string> {
  const next = adjustPeriod(period, changed, month, maxMonths);
  const other = changed === 'from' ? 'to' : 'from';
  const changes: Record<string, string> = { [FILTER_KEYS[changed]]: month };
  if (next[other] !== period[other]) changes[FILTER_KEYS[other]] = next[other];
  return changes;
}

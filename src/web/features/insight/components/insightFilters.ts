import type { DashboardQuery } from '../../../../shared/insight.ts';
import { isMonth } from '../format.ts';

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

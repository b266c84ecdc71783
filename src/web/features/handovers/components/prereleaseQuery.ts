import { HANDOVER_STATES } from '../../../../shared/handovers.ts';
import { JOURNEY_STATUSES } from '../../../../shared/people.ts';
import { PRERELEASE_MILESTONES, PRERELEASE_SORTS } from '../../../../shared/prerelease.ts';
import type { FilterChanges } from '../../../lib/addressFilters.ts';
import { oneOf } from '../../people/components/vocabulary.ts';
import type { PrereleaseFilter } from '../api/handovers.ts';

export const PRERELEASE_PAGE_SIZE = 25;
export const DEFAULT_WINDOW = 90;
type Sort = (typeof PRERELEASE_SORTS)[number];
type Order = 'asc' | 'desc';
/** Each sort's natural direction: the nearest date first, names A–Z, the least complete plan first. */
export const SORT_ORDER: Record<Sort, Order> = { date: 'asc', name: 'asc', completeness: 'asc' };

/**
 * The dashboard's filters as they stand in the address (Indonesian keys: `hari`, `tanggal`, `status`,
 * `serah`, `q`, `urut`, `arah`, `halaman`), turned into the API's query. Unknown or malformed values are
 * dropped (an edited address never becomes a validation error).
 */
export function prereleaseQueryFromAddress(params: URLSearchParams): PrereleaseFilter {
  const days = Number(params.get('hari'));
  const sort = oneOf(PRERELEASE_SORTS, params.get('urut')) ?? 'date';
  const order = oneOf(['asc', 'desc'] as const, params.get('arah')) ?? SORT_ORDER[sort];
  return {
    windowDays: Number.isInteger(days) && days >= 1 && days <= 366 ? days : DEFAULT_WINDOW,
    milestone: oneOf(PRERELEASE_MILESTONES, params.get('tanggal')) ?? 'any',
    status: oneOf(JOURNEY_STATUSES, params.get('status')),
    handover: oneOf(HANDOVER_STATES, params.get('serah')),
    q: params.get('q')?.trim() || undefined,
    sort,
    order,
    page: Math.max(1, Math.floor(Number(params.get('halaman'))) || 1),
    pageSize: PRERELEASE_PAGE_SIZE,
  };
}

/** The sort select's value (`sort:order`), e.g. `completeness:desc`. */
export function sortValue(query: PrereleaseFilter): string {
  const sort = query.sort ?? 'date';
  return `${sort}:${query.order ?? SORT_ORDER[sort]}`;
}

/** The address changes for a sort select value: defaults (date, natural order) are left out of the address. */
export function sortChanges(value: string | null): FilterChanges {
  const [sortPart, orderPart] = (value ?? '').split(':');
  const sort = oneOf(PRERELEASE_SORTS, sortPart) ?? 'date';
  const order = oneOf(['asc', 'desc'] as const, orderPart) ?? SORT_ORDER[sort];
  return { urut: sort === 'date' ? null : sort, arah: order === SORT_ORDER[sort] ? null : order };
}

import {
  OPPORTUNITY_KINDS,
  OPPORTUNITY_SORTS,
  OPPORTUNITY_STATUSES,
} from '../../../../shared/opportunities.ts';
import { SECTORS } from '../../../../shared/people.ts';
import type { OpportunityQuery } from '../api/opportunities.ts';
import { oneOf } from './vocabulary.ts';

// The opportunity list's filters as they stand in the address (Indonesian keys, so a shared link reads
// well), turned into the API's query. Unknown or malformed values are dropped instead of becoming a
// validation error.

export const OPPORTUNITY_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The address keys of the list: `/peluang?kelurahan=…&sektor=…&jenis=…&status=…&tersedia=ya&mulaiSebelum=…`. */
export const OPPORTUNITY_FILTER_KEYS = {
  villageId: 'kelurahan',
  partnerId: 'mitra',
  sector: 'sektor',
  kind: 'jenis',
  status: 'status',
  hasOpenPlaces: 'tersedia',
  startsBefore: 'mulaiSebelum',
  q: 'q',
  sort: 'urut',
  page: 'halaman',
} as const;

export function uuidOrUndefined(value: string | null | undefined): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

/** A real calendar day 'yyyy-mm-dd' between 1900 and 2100 (what the API accepts), else undefined. */
export function isoDateOrUndefined(value: string | null | undefined): string | undefined {
  const match = value ? ISO_DATE.exec(value) : null;
  if (!match || !value) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2100) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? value : undefined;
}

function page(params: URLSearchParams): number {
  const value = Number(params.get(OPPORTUNITY_FILTER_KEYS.page));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

function text(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim().slice(0, 100);
  return value ? value : undefined;
}

/** /peluang?… as the API's query. */
export function opportunityListQuery(params: URLSearchParams): OpportunityQuery {
  const keys = OPPORTUNITY_FILTER_KEYS;
  return {
    villageId: uuidOrUndefined(params.get(keys.villageId)),
    partnerId: uuidOrUndefined(params.get(keys.partnerId)),
    sector: oneOf(SECTORS, params.get(keys.sector)),
    kind: oneOf(OPPORTUNITY_KINDS, params.get(keys.kind)),
    status: oneOf(OPPORTUNITY_STATUSES, params.get(keys.status)),
    hasOpenPlaces: params.get(keys.hasOpenPlaces) === 'ya' ? 'true' : undefined,
    startsBefore: isoDateOrUndefined(params.get(keys.startsBefore)),
    q: text(params, keys.q),
    sort: oneOf(OPPORTUNITY_SORTS, params.get(keys.sort)) ?? 'newest',
    page: page(params),
    pageSize: OPPORTUNITY_PAGE_SIZE,
  };
}

/** The address of the list with these filters (for links from a kelurahan or partner page). */
export function opportunityListHref(filters: { villageId?: string; partnerId?: string }): string {
  const params = new URLSearchParams();
  if (filters.villageId) params.set(OPPORTUNITY_FILTER_KEYS.villageId, filters.villageId);
  if (filters.partnerId) params.set(OPPORTUNITY_FILTER_KEYS.partnerId, filters.partnerId);
  const search = params.toString();
  return search ? `/peluang?${search}` : '/peluang';
}

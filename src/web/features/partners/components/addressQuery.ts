import { PARTNER_TYPES, PARTNER_WILLINGNESS } from '../../../../shared/partners.ts';
import { SECTORS } from '../../../../shared/people.ts';
import { oneOf } from '../../opportunities/components/vocabulary.ts';
import type { PartnerQuery } from '../api/partners.ts';

// The directory's filters as they stand in the address (Indonesian keys, so a shared link reads well),
// turned into the API's query. Unknown or malformed values are dropped instead of becoming a validation error.

export const PARTNER_PAGE_SIZE = 25;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/mitra?q=…&jenis=…&sektor=…&kelurahan=…&bersedia=…&halaman=…` */
export const PARTNER_FILTER_KEYS = {
  q: 'q',
  type: 'jenis',
  sector: 'sektor',
  villageId: 'kelurahan',
  willing: 'bersedia',
  page: 'halaman',
} as const;

/** /mitra?… as the API's query. */
export function partnerListQuery(params: URLSearchParams): PartnerQuery {
  const keys = PARTNER_FILTER_KEYS;
  const q = params.get(keys.q)?.trim().slice(0, 100);
  const villageId = params.get(keys.villageId);
  const page = Number(params.get(keys.page));
  return {
    q: q ? q : undefined,
    type: oneOf(PARTNER_TYPES, params.get(keys.type)),
    sector: oneOf(SECTORS, params.get(keys.sector)),
    villageId: villageId && UUID.test(villageId) ? villageId : undefined,
    willing: oneOf(PARTNER_WILLINGNESS, params.get(keys.willing)),
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    pageSize: PARTNER_PAGE_SIZE,
  };
}

/** The directory filtered to one kelurahan (the link under a kelurahan page's table). */
export function partnerListHref(filters: { villageId?: string }): string {
  return filters.villageId
    ? `/mitra?${new URLSearchParams({ [PARTNER_FILTER_KEYS.villageId]: filters.villageId })}`
    : '/mitra';
}

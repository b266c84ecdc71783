import { SECTORS } from '../../../../shared/people.ts';
import type { EnrolmentQuery } from '../api/enrolments.ts';
import type { ProgramQuery } from '../api/programs.ts';
import { ENROLMENT_STATUS_ORDER, oneOf } from './vocabulary.ts';

// The lists' filters as they stand in the address (Indonesian keys, so a shared link reads well), turned
// into the API's query. Unknown or malformed values are dropped instead of becoming a validation error.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const CATALOG_PAGE_SIZE = 25;
export const WAITLIST_PAGE_SIZE = 25;

/** `status` of the catalogue: active programs (the default), inactive ones, or all. */
export const PROGRAM_STATUS_FILTERS = ['aktif', 'nonaktif', 'semua'] as const;
export type ProgramStatusFilter = (typeof PROGRAM_STATUS_FILTERS)[number];

function page(params: URLSearchParams): number {
  const value = Number(params.get('halaman'));
  return Number.isInteger(value) && value >= 1 ? value : 1;
}

function text(params: URLSearchParams, key: string): string | undefined {
  const value = params.get(key)?.trim().slice(0, 100);
  return value ? value : undefined;
}

export function uuidOrUndefined(value: string | null | undefined): string | undefined {
  return value && UUID.test(value) ? value : undefined;
}

export function programStatusFilter(params: URLSearchParams): ProgramStatusFilter {
  return oneOf(PROGRAM_STATUS_FILTERS, params.get('status')) ?? 'aktif';
}

/** /pelatihan?q=…&sektor=…&status=…&halaman=… */
export function catalogQuery(params: URLSearchParams): ProgramQuery {
  const status = programStatusFilter(params);
  return {
    q: text(params, 'q'),
    sector: oneOf(SECTORS, params.get('sektor')),
    active: status === 'semua' ? undefined : status === 'aktif' ? 'true' : 'false',
    page: page(params),
    pageSize: CATALOG_PAGE_SIZE,
  };
}

/**
 * The waitlist's status filter: `menunggu` (pending and approved, the default), `semua`, or one status
 * code. Returns the API's comma-separated list, or undefined for every status.
 */
export function waitlistStatus(value: string | null): { filter: string; api: string | undefined } {
  if (value === 'semua') return { filter: 'semua', api: undefined };
  const status = oneOf(ENROLMENT_STATUS_ORDER, value);
  if (status) return { filter: status, api: status };
  return { filter: 'menunggu', api: 'pending,approved' };
}

/** /pelatihan/antrean?program=…&status=…&q=…&halaman=… */
export function waitlistQuery(params: URLSearchParams): EnrolmentQuery {
  return {
    programId: uuidOrUndefined(params.get('program')),
    status: waitlistStatus(params.get('status')).api,
    q: text(params, 'q'),
    page: page(params),
    pageSize: WAITLIST_PAGE_SIZE,
  };
}

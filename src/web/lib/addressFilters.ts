// A list's filters live in the address (Indonesian keys, so a shared link reads well and a reload or the
// back button keeps them). This is the one way a filter change becomes the next address.

/** The address key of a list's page number (`?halaman=2`). */
export const PAGE_KEY = 'halaman';

/** Filters to set (a value) or remove (null, undefined or ''), by address key. */
export type FilterChanges = Record<string, string | null | undefined>;

/**
 * The address after a filter changed: empty values are removed, and any change but the page itself goes
 * back to the first page (removes `pageKey`).
 */
export function withFilters(
  params: URLSearchParams,
  changes: FilterChanges,
  pageKey: string = PAGE_KEY,
): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const [key, value] of Object.entries(changes)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  if (!(pageKey in changes)) next.delete(pageKey);
  return next;
}

/** Whether the address holds a filter: any key but the page and the `neutralKeys` (e.g. the sort order). */
export function hasAddressFilters(
  params: URLSearchParams,
  pageKey: string = PAGE_KEY,
  neutralKeys: readonly string[] = [],
): boolean {
  return [...params.keys()].some((key) => key !== pageKey && !neutralKeys.includes(key));
}

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

/**
 * The addresses a list asked for that the page may not show yet, oldest first, starting with the address
 * shown when the first of them was asked. React Router shows a new address only once the page has rendered
 * it (the navigation is a transition, which waits for the list's data), so `useSearchParams()` still gives
 * the old address for a while: a second filter change made meanwhile must build on the first one asked for,
 * not on the address still shown, or the first change is lost.
 *
 * Given the address shown now: when it is one of those asked for (or the one they started from), the ones
 * before it are done and the last one asked is the latest address; when it is none of them, the address
 * was changed elsewhere (a link, the back button) and the trail starts again from it.
 */
export function followTrail(trail: readonly string[], shown: string): string[] {
  const index = trail.lastIndexOf(shown);
  return index === -1 ? [shown] : trail.slice(index);
}

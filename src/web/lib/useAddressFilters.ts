import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import {
  type FilterChanges,
  followTrail,
  hasAddressFilters,
  PAGE_KEY,
  withFilters,
} from './addressFilters.ts';

export interface AddressFiltersOptions<K extends string> {
  /**
   * The address keys typed into text boxes (default `['q']`). What is typed reaches the address once typing
   * pauses; the first key is the one `search`/`setSearch` stand for.
   */
  textKeys?: readonly K[];
  /** The page number's key (default `halaman`): removed whenever another filter changes. */
  pageKey?: string;
  /** Keys that do not count as a filter for `hasFilters` besides the page (e.g. the sort order). */
  neutralKeys?: readonly string[];
  /** How long typing must pause before the text reaches the address, in ms (default 300). */
  delay?: number;
}

const NO_KEYS: readonly string[] = [];

/**
 * A list page's filters in the address: `params` to read them (with the page's own query builder),
 * `update(changes)` to change some (replacing the history entry; back to the first page unless the page
 * itself changes), the typed texts (`search`, or `text[key]` for more text boxes) debounced into the
 * address, `clear()` to drop every filter, and `hasFilters`.
 */
export function useAddressFilters<K extends string = 'q'>(options: AddressFiltersOptions<K> = {}) {
  const textKeys: readonly string[] = options.textKeys ?? ['q'];
  const { pageKey = PAGE_KEY, neutralKeys = NO_KEYS, delay = 300 } = options;
  const [params, setParams] = useSearchParams();
  const [text, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(textKeys.map((key) => [key, params.get(key) ?? ''])),
  );
  // Debounced as one string, so a new object each render does not restart the wait.
  const [typed] = useDebouncedValue(JSON.stringify(textKeys.map((key) => (text[key] ?? '').trim())), delay);

  // The addresses asked for and maybe not shown yet (see followTrail): every change builds on the latest
  // one, so a second filter changed before the list has shown the first never drops the first. (React
  // Router's `setParams(previous => …)` would not do: its `previous` is the address shown, just as stale.)
  const trail = useRef<string[]>([]);
  const shown = params.toString();
  useEffect(() => {
    trail.current = followTrail(trail.current, shown);
  }, [shown]);
  /** The latest address: the last one asked for, or the one shown. */
  const latest = () => {
    trail.current = followTrail(trail.current, shown);
    return new URLSearchParams(trail.current.at(-1) ?? shown);
  };
  const go = (next: URLSearchParams) => {
    trail.current.push(next.toString());
    setParams(next, { replace: true });
  };

  const update = (changes: FilterChanges) => go(withFilters(latest(), changes, pageKey));

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs only when the debounced text changes
  useEffect(() => {
    const values = JSON.parse(typed) as string[];
    const current = latest();
    const changes: Record<string, string | null> = {};
    textKeys.forEach((key, index) => {
      const value = values[index] ?? '';
      if ((current.get(key) ?? '') !== value) changes[key] = value || null;
    });
    if (Object.keys(changes).length > 0) update(changes);
  }, [typed]);

  const searchKey = textKeys[0] ?? 'q';
  const setTextOf = (key: string, value: string) => setTexts((current) => ({ ...current, [key]: value }));
  const setText: (key: K, value: string) => void = setTextOf;

  return {
    params,
    /** The text typed in the (first) search box, before it reaches the address. */
    search: text[searchKey] ?? '',
    setSearch: (value: string) => setTextOf(searchKey, value),
    /** What is typed in each text box, by address key. */
    text: text as Record<K, string>,
    setText,
    update,
    /** Empties the text boxes and drops every filter, page and sort order from the address. */
    clear: () => {
      setTexts(Object.fromEntries(textKeys.map((key) => [key, ''])));
      go(new URLSearchParams());
    },
    hasFilters: hasAddressFilters(params, pageKey, neutralKeys),
  };
}

import { useSearchParams } from 'react-router';

/**
 * The tab of a page kept in the address (`?tab=`), so a reload or a shared link opens the same tab. An
 * unknown or unavailable tab falls back to the first one; choosing a tab clears the other parameters
 * (they belong to the tab left behind, such as a page number).
 */
export function useTabParam<T extends string>(tabs: readonly T[]) {
  const [params, setParams] = useSearchParams();
  const first = tabs[0] as T;
  const requested = params.get('tab');
  const tab = tabs.find((item) => item === requested) ?? first;
  const selectTab = (value: string | null) => {
    const next = new URLSearchParams();
    if (value && value !== first) next.set('tab', value);
    setParams(next);
  };
  return { tab, selectTab, params, setParams };
}

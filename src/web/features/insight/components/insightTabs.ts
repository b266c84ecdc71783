/** The insight pages' root address (the program dashboard). */
export const INSIGHT_PATH = '/dasbor';

/**
 * The tabs of /dasbor, each in its own address (segment '' is the program dashboard at /dasbor itself).
 * Every user of insight has all three (each answers for her own scope).
 */
export const INSIGHT_TABS = [
  { segment: '', label: 'program' },
  { segment: 'kelurahan', label: 'villages' },
  { segment: 'laporan-bulanan', label: 'report' },
] as const;

export type InsightTab = (typeof INSIGHT_TABS)[number];

/** A tab's address. */
export function insightTabPath(tab: Pick<InsightTab, 'segment'>): string {
  return tab.segment ? `${INSIGHT_PATH}/${tab.segment}` : INSIGHT_PATH;
}

/** The value the Tabs component keys a tab by (the program tab has no segment). */
export function insightTabValue(tab: Pick<InsightTab, 'segment'>): string {
  return tab.segment || 'program';
}

/**
 * Where an address is in insight: its tab by the first segment (a kelurahan's page under /dasbor/kelurahan
 * keeps that tab) and whether it is the tab's own page. Null outside /dasbor or under an unknown segment.
 */
export function insightTabAt(pathname: string): { tab: InsightTab; root: boolean } | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === INSIGHT_PATH) return { tab: INSIGHT_TABS[0], root: true };
  if (!path.startsWith(`${INSIGHT_PATH}/`)) return null;
  const [segment = '', ...rest] = path.slice(INSIGHT_PATH.length + 1).split('/');
  const tab = INSIGHT_TABS.find((item) => item.segment !== '' && item.segment === segment);
  return tab ? { tab, root: rest.length === 0 } : null;
}

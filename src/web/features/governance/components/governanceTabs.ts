import type { Access } from '../../../lib/access.ts';

export const GOVERNANCE_PATH = '/tata-kelola';

/** The access that opens any part of governance (the nav entry and the layout). */
const ANY_GOVERNANCE: readonly (keyof Access)[] = [
  'canReadMeetings',
  'canReadAgreements',
  'canReadWorkPlans',
];

/**
 * The tabs of /tata-kelola, each in its own address (segment '' is the overview at /tata-kelola itself) and
 * shown to those with its access (any of `need`). Activity reports are made from a meeting or a work-plan
 * activity, so either opens them.
 */
export const GOVERNANCE_TABS = [
  { segment: '', need: ANY_GOVERNANCE, label: 'overview' },
  { segment: 'kesepakatan', need: ['canReadAgreements'], label: 'agreements' },
  { segment: 'program-teknis', need: ['canReadWorkPlans'], label: 'workPlans' },
  { segment: 'rapat', need: ['canReadMeetings'], label: 'meetings' },
  { segment: 'laporan', need: ['canReadMeetings', 'canReadWorkPlans'], label: 'reports' },
  { segment: 'wakil', need: ['canApproveAgreements'], label: 'delegates' },
] as const satisfies readonly { segment: string; need: readonly (keyof Access)[]; label: string }[];

export type GovernanceTab = (typeof GOVERNANCE_TABS)[number];

/** Whether the user has any part of governance. */
export function canOpenGovernance(access: Access): boolean {
  return ANY_GOVERNANCE.some((need) => access[need]);
}

/** The tabs this user may open, in their order. */
export function governanceTabsFor(access: Access): GovernanceTab[] {
  if (!canOpenGovernance(access)) return [];
  return GOVERNANCE_TABS.filter((tab) => tab.need.some((need) => access[need]));
}

/** A tab's address. */
export function governanceTabPath(tab: Pick<GovernanceTab, 'segment'>): string {
  return tab.segment ? `${GOVERNANCE_PATH}/${tab.segment}` : GOVERNANCE_PATH;
}

/**
 * Where an address is in governance: the tab it belongs to by its first segment (a record or a new-record
 * page under a tab keeps that tab), and whether it is the tab's own page (not a page below it). Null outside
 * /tata-kelola or under a segment no tab has.
 */
export function governanceTabAt(pathname: string): { tab: GovernanceTab; root: boolean } | null {
  const path = pathname.replace(/\/+$/, '');
  if (path === GOVERNANCE_PATH) return { tab: GOVERNANCE_TABS[0], root: true };
  if (!path.startsWith(`${GOVERNANCE_PATH}/`)) return null;
  const [segment = '', ...rest] = path.slice(GOVERNANCE_PATH.length + 1).split('/');
  const tab = GOVERNANCE_TABS.find((item) => item.segment !== '' && item.segment === segment);
  return tab ? { tab, root: rest.length === 0 } : null;
}

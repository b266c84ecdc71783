import { Stack, Tabs } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { type Access, accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';

export const PLANNING_PATH = '/perencanaan';

/** The tabs of /perencanaan, each in its own address and shown to those with its access. */
const TABS = [
  { segment: 'penempatan', need: 'canPlanPlacements', label: 'plans' },
  { segment: 'pelatihan', need: 'canReadPlanning', label: 'gap' },
  { segment: 'keadilan', need: 'canReadFairness', label: 'fairness' },
] as const satisfies readonly { segment: string; need: keyof Access; label: string }[];

/** Whether the user has any part of planning (the nav entry and the page). */
export function canOpenPlanning(access: Access): boolean {
  return TABS.some((tab) => access[tab.need]);
}

function useTabs() {
  const access = accessFor(useSession().permissions);
  return TABS.filter((tab) => access[tab.need]);
}

/** /perencanaan: the first tab the user may open. */
export function PlanningIndex() {
  const tabs = useTabs();
  const first = tabs[0];
  if (!first) return <StatusPage kind="forbidden" />;
  return <Navigate to={`${PLANNING_PATH}/${first.segment}`} replace />;
}

/** /perencanaan/*: the page's title and its tabs (links between addresses); the tab's page below. */
export function PlanningLayout() {
  const { t } = useTranslation();
  const tabs = useTabs();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  if (tabs.length === 0) return <StatusPage kind="forbidden" />;
  const current = tabs.find((tab) => pathname === `${PLANNING_PATH}/${tab.segment}`)?.segment ?? null;
  // An address of a tab she may not open (or /perencanaan itself): the route's own page says so (or moves on).
  if (!current) return <Outlet />;
  return (
    <Stack gap="md">
      <PageHeader title={t('planning.title')} />
      <Tabs value={current} onChange={(value) => value && navigate(`${PLANNING_PATH}/${value}`)}>
        <Tabs.List aria-label={t('planning.tabsLabel')}>
          {tabs.map((tab) => (
            <Tabs.Tab key={tab.segment} value={tab.segment}>
              {t(`planning.tabs.${tab.label}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.segment} value={tab.segment} pt="md">
            {tab.segment === current && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

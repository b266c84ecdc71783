import { Stack, Tabs } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { INSIGHT_TABS, insightTabAt, insightTabPath, insightTabValue } from './insightTabs.ts';

/**
 * /dasbor/*: the tabs Program, Kelurahan and Laporan bulanan (links between addresses) and the tab's page
 * below. On a tab's own page the layout gives the one h1 ("Dasbor program"); a page below a tab (one
 * kelurahan) gives its own h1, and a click on its tab goes back to the tab's page.
 */
export function InsightLayout() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const list = useRef<HTMLDivElement>(null);
  const at = insightTabAt(pathname);
  const current = at?.tab ?? null;

  // On a phone the tabs scroll sideways: the active one is brought into view (without moving the page).
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the active tab changes
  useEffect(() => {
    const strip = list.current;
    const active = strip?.querySelector<HTMLElement>('[aria-selected="true"]');
    if (!strip || !active) return;
    const left = active.offsetLeft - strip.offsetLeft;
    if (left < strip.scrollLeft || left + active.offsetWidth > strip.scrollLeft + strip.clientWidth) {
      strip.scrollLeft = Math.max(0, left - 16);
    }
  }, [current?.segment]);

  // An address no tab has: the router's own answer (not found).
  if (!at || !current) return <Outlet />;

  return (
    <Stack gap="md">
      {at.root && <PageHeader title={t('insight.title')} />}
      <Tabs
        value={insightTabValue(current)}
        onChange={(value) => {
          const tab = INSIGHT_TABS.find((item) => insightTabValue(item) === value);
          if (tab) void navigate(insightTabPath(tab));
        }}
      >
        <Tabs.List
          ref={list}
          aria-label={t('insight.common.tabsLabel')}
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}
        >
          {INSIGHT_TABS.map((tab) => (
            <Tabs.Tab
              key={tab.label}
              value={insightTabValue(tab)}
              style={{ flexShrink: 0 }}
              onClick={() => {
                if (tab.segment === current.segment && !at.root) void navigate(insightTabPath(tab));
              }}
            >
              {t(`insight.common.tabs.${tab.label}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {INSIGHT_TABS.map((tab) => (
          <Tabs.Panel key={tab.label} value={insightTabValue(tab)} pt="md">
            {tab.segment === current.segment && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

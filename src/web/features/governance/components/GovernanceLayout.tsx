import { Stack, Tabs } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useSession } from '../../auth/api/session.ts';
import { governanceTabAt, governanceTabPath, governanceTabsFor } from './governanceTabs.ts';

/**
 * /tata-kelola/*: the tabs (links between addresses) and the tab's page below. The active tab follows the
 * address's first segment, so a record or a new-record page keeps its tab (and a click on that tab goes back
 * to its list). On a tab's own page the layout gives the page title "Tata kelola" (the one h1); on a page
 * below it the page gives its own h1 (the record), as in planning.
 */
export function GovernanceLayout() {
  const { t } = useTranslation();
  const access = accessFor(useSession().permissions);
  const tabs = governanceTabsFor(access);
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const list = useRef<HTMLDivElement>(null);
  const at = governanceTabAt(pathname);
  const current = at && tabs.some((tab) => tab.segment === at.tab.segment) ? at.tab : null;

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

  if (tabs.length === 0) return <StatusPage kind="forbidden" />;
  // A tab she may not open (the delegates of a head, a module her role lacks).
  if (at && !current) return <StatusPage kind="forbidden" />;
  // An address no tab has: the router's own answer (not found).
  if (!at || !current) return <Outlet />;

  return (
    <Stack gap="md">
      {at.root && <PageHeader title={t('governance.title')} />}
      <Tabs
        value={current.segment || 'ringkasan'}
        onChange={(value) => {
          const tab = tabs.find((item) => (item.segment || 'ringkasan') === value);
          if (tab) void navigate(governanceTabPath(tab));
        }}
      >
        <Tabs.List
          ref={list}
          aria-label={t('governance.tabsLabel')}
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}
        >
          {tabs.map((tab) => (
            <Tabs.Tab
              key={tab.label}
              value={tab.segment || 'ringkasan'}
              style={{ flexShrink: 0 }}
              // The active tab on a page below it (a record) leads back to the tab's list.
              onClick={() => {
                if (tab.segment === current.segment && !at.root) void navigate(governanceTabPath(tab));
              }}
            >
              {t(`governance.tabs.${tab.label}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {tabs.map((tab) => (
          <Tabs.Panel key={tab.label} value={tab.segment || 'ringkasan'} pt="md">
            {tab.segment === current.segment && <Outlet />}
          </Tabs.Panel>
        ))}
      </Tabs>
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useDashboard } from '../api/dashboard.ts';
import { auditCsvDownload } from '../api/exports.ts';
import { GovernanceSection } from '../components/dashboard/GovernanceSection.tsx';
import { OutcomesSection } from '../components/dashboard/OutcomesSection.tsx';
import { PlacementsSection } from '../components/dashboard/PlacementsSection.tsx';
import { FunnelPanel, NowSection, TrainingSection } from '../components/dashboard/ProgramSections.tsx';
import { InsightFilterBar } from '../components/InsightFilterBar.tsx';
import { auditFilters, dashboardQueryFromParams, shownFilters } from '../components/insightFilters.ts';
import { SmallCountsNote } from '../components/SmallCountsNote.tsx';
import { defaultPeriod, formatPeriod, jakartaToday } from '../format.ts';

const NO_TEXT_KEYS: readonly never[] = [];

/**
 * /dasbor: the program dashboard for the filters in the address (period, organization for program users,
 * kelurahan): the people now, the funnel, training, placements, outcomes by release cohort and governance.
 * Every chart has its table and CSV; a CSV is audited before the browser makes it.
 */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const access = accessFor(useSession().permissions);
  const { params, update, clear, hasFilters } = useAddressFilters({ textKeys: NO_TEXT_KEYS });
  const query = dashboardQueryFromParams(params, { organization: access.canReadProgramInsight });
  const dashboard = useDashboard(query);
  const data = dashboard.data;

  const fallback = defaultPeriod(jakartaToday());
  // The filters shown come from the address first: while a new answer loads, `data` is still the previous
  // one (placeholder), and showing it would make a field jump back and a quick second change undo the first.
  const { period, organizationId, villageId } = shownFilters(
    query,
    dashboard.isPlaceholderData ? undefined : data?.filters,
    fallback,
  );

  const csvName = (section: string) => `${section}_${period.from}_${period.to}`;
  const onCsv = (section: string) => () =>
    auditCsvDownload({ view: 'dashboard', section, filters: auditFilters(query, period) });

  const body = () => {
    if (dashboard.isPending) return <PageLoader />;
    if (dashboard.isError || !data) {
      return <QueryError error={dashboard.error} onRetry={() => void dashboard.refetch()} />;
    }
    const sections = { data, csvName, onCsv };
    return (
      <Stack gap="xl" aria-busy={dashboard.isFetching} data-testid="dashboard">
        <div>
          <Text fw={600} data-testid="dashboard-scope">
            {t('insight.dashboard.scope', {
              scope:
                data.filters.scope === 'program' ? t('insight.dashboard.program') : data.filters.scopeLabel,
              period: formatPeriod(data.filters.from, data.filters.to, i18n.language),
            })}
          </Text>
          <Text size="sm" c="gray.7">
            {t('insight.dashboard.asOf', { date: formatDate(data.asOf) })}
          </Text>
        </div>
        {data.smallCountsHidden && <SmallCountsNote />}
        <NowSection data={data} />
        <FunnelPanel {...sections} />
        <TrainingSection data={data} />
        <PlacementsSection {...sections} />
        <OutcomesSection {...sections} />
        <GovernanceSection {...sections} />
      </Stack>
    );
  };

  return (
    <Stack gap="lg">
      <InsightFilterBar
        period={period}
        organizationId={organizationId}
        villageId={villageId}
        withOrganization={access.canReadProgramInsight}
        onChange={update}
        onClear={clear}
        hasFilters={hasFilters}
        disabled={dashboard.isPending}
      />
      {body()}
    </Stack>
  );
}

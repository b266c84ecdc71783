import { Anchor, Button, Card, Group, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconFilterOff, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  ACTIVITY_REPORT_STATUSES,
  type ActivityReportListItem,
  type ActivityReportStatus,
} from '../../../../shared/governance.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useActivityReports } from '../api/governance.ts';
import { CreateReportModal } from '../components/CreateReportModal.tsx';
import { ReportStatusBadge } from '../components/GovernanceBadges.tsx';
import { GOVERNANCE_PATH } from '../components/governanceTabs.ts';
import { ReportSourceText } from '../components/ReportSourceText.tsx';
import { reportSourceKinds } from '../components/reportSources.ts';

const PAGE_SIZE = 25;

function isReportStatus(value: string | null): value is ActivityReportStatus {
  return ACTIVITY_REPORT_STATUSES.includes(value as ActivityReportStatus);
}

/** /tata-kelola/laporan: her organization's activity reports, newest first; `?q=`, `?status=` filter. */
export function ActivityReportListPage() {
  const { t } = useTranslation();
  const access = accessFor(useSession().permissions);
  const kinds = reportSourceKinds(access);
  const [creating, setCreating] = useState(false);
  const { params, update, search, setSearch, clear, hasFilters } = useAddressFilters();
  const rawStatus = params.get('status');
  const status = isReportStatus(rawStatus) ? rawStatus : undefined;
  const q = params.get('q')?.trim() || undefined;
  const page = Math.max(1, Math.floor(Number(params.get('halaman'))) || 1);
  const reports = useActivityReports({ page, pageSize: PAGE_SIZE, status, q });

  if (reports.isError && isApiError(reports.error) && reports.error.status === 403) {
    return <StatusPage kind="forbidden" />;
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('governance.reports.intro')}
        </Text>
        {kinds.length > 0 && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
            {t('governance.reports.create')}
          </Button>
        )}
      </Group>

      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput
          label={t('governance.reports.search')}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          leftSection={<IconSearch size={16} aria-hidden />}
          maxLength={100}
          w={{ base: '100%', xs: 300 }}
        />
        <Select
          label={t('governance.reports.filterStatus')}
          placeholder={t('governance.reports.allStatuses')}
          data={ACTIVITY_REPORT_STATUSES.map((value) => ({
            value,
            label: t(`governance.reports.statuses.${value}`),
          }))}
          value={status ?? null}
          onChange={(value) => update({ status: value })}
          clearable
          w={{ base: '100%', xs: 200 }}
        />
        {hasFilters && (
          <Button variant="default" leftSection={<IconFilterOff size={16} aria-hidden />} onClick={clear}>
            {t('governance.reports.clearFilters')}
          </Button>
        )}
      </Group>

      {reports.isPending ? (
        <PageLoader />
      ) : reports.isError ? (
        <QueryError error={reports.error} onRetry={() => void reports.refetch()} />
      ) : reports.data.items.length === 0 ? (
        <Paper withBorder p="md">
          <Text fw={600}>
            {hasFilters ? t('governance.reports.emptyFiltered') : t('governance.reports.empty')}
          </Text>
          {!hasFilters && kinds.length > 0 && (
            <Text size="sm" c="dimmed">
              {t('governance.reports.emptyHint')}
            </Text>
          )}
        </Paper>
      ) : (
        <>
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('governance.reports.listLabel')}
            aria-busy={reports.isFetching}
          >
            {reports.data.items.map((report) => (
              <ReportCard key={report.id} report={report} />
            ))}
          </Stack>
          <PaginationBar
            page={reports.data.page}
            pageSize={reports.data.pageSize}
            total={reports.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}

      {kinds.length > 0 && (
        <CreateReportModal opened={creating} kinds={kinds} onClose={() => setCreating(false)} />
      )}
    </Stack>
  );
}

function ReportCard({ report }: { report: ActivityReportListItem }) {
  const { t } = useTranslation();
  return (
    <Card component="li" withBorder padding="sm" data-report-id={report.id}>
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Anchor
            component={Link}
            to={`${GOVERNANCE_PATH}/laporan/${encodeURIComponent(report.id)}`}
            fw={600}
            c="blue.9"
            style={{ overflowWrap: 'anywhere' }}
          >
            {report.title}
          </Anchor>
          <ReportStatusBadge status={report.status} />
        </Group>
        <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
          {report.place ? `${formatDate(report.heldOn)} · ${report.place}` : formatDate(report.heldOn)}
        </Text>
        <ReportSourceText source={report.source} />
        <Text size="xs" c="dimmed">
          {t('governance.reports.updated')}:{' '}
          {report.updatedByName
            ? t('governance.reports.updatedBy', {
                date: formatDateTime(report.updatedAt),
                name: report.updatedByName,
              })
            : formatDateTime(report.updatedAt)}
        </Text>
      </Stack>
    </Card>
  );
}

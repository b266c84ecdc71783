import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { type MouseEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type MonthlyReport, reportFileName } from '../../../../shared/insightReport.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifyError } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { downloadFile } from '../../people/api/peopleData.ts';
import { auditCsvDownload } from '../api/exports.ts';
import { reportFileUrl, useMonthlyReport, useReportOrganizations } from '../api/report.ts';
import { ReportControls } from '../components/report/ReportControls.tsx';
import {
  ReportFlow,
  ReportGovernance,
  ReportOutcomes,
  ReportPlacements,
  ReportSummary,
  ReportTraining,
} from '../components/report/ReportSections.tsx';
import {
  REPORT_PARAMS,
  reportMonthFromParam,
  reportOrganizationId,
} from '../components/report/reportRows.ts';
import { SmallCountsNote } from '../components/SmallCountsNote.tsx';
import { formatMonth, jakartaToday } from '../format.ts';

/**
 * /dasbor/laporan-bulanan?organizationId=&month=YYYY-MM: one organization's monthly report as the page
 * shows it (its tables and charts), and its PDF and Excel files (the server audits each download). Program
 * users choose the organization; staff see their own.
 */
export function MonthlyReportPage() {
  const access = accessFor(useSession().permissions);
  const [params, setParams] = useSearchParams();
  const month = reportMonthFromParam(params.get(REPORT_PARAMS.month), jakartaToday());
  const organizations = useReportOrganizations(access.canReadProgramInsight);
  const organizationId = access.canReadProgramInsight
    ? reportOrganizationId(params.get(REPORT_PARAMS.organizationId), organizations.data)
    : null;
  // Program users wait for their list (its default); staff ask for their own at once.
  const ready = !access.canReadProgramInsight || organizationId !== null;

  // Both choices go into the address together, so a copied link opens the same report.
  const change = (changes: { organizationId?: string; month?: string }) => {
    const next = new URLSearchParams(params);
    const organization = changes.organizationId ?? organizationId;
    if (organization) next.set(REPORT_PARAMS.organizationId, organization);
    next.set(REPORT_PARAMS.month, changes.month ?? month);
    setParams(next, { replace: true });
  };

  const body = () => {
    if (access.canReadProgramInsight) {
      if (organizations.isPending) return <PageLoader />;
      if (organizations.isError) {
        return <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />;
      }
    }
    if (!ready) return null;
    return <ReportBody organizationId={organizationId} month={month} />;
  };

  return (
    <Stack gap="lg">
      <ReportControls
        organizations={access.canReadProgramInsight ? organizations.data : undefined}
        organizationId={organizationId}
        month={month}
        onOrganization={(value) => change({ organizationId: value })}
        onMonth={(value) => change({ month: value })}
        disabled={access.canReadProgramInsight && organizations.isPending}
      />
      {body()}
    </Stack>
  );
}

function ReportBody({ organizationId, month }: { organizationId: string | null; month: string }) {
  const { t } = useTranslation();
  const report = useMonthlyReport(organizationId, month);
  if (report.isPending) return <PageLoader />;
  if (report.isError) {
    if (isApiError(report.error, 'INSIGHT_SCOPE_FORBIDDEN')) {
      return <Text data-testid="report-forbidden">{t('insight.report.forbidden')}</Text>;
    }
    return <QueryError error={report.error} onRetry={() => void report.refetch()} />;
  }
  return <ReportPreview report={report.data} busy={report.isFetching} />;
}

function ReportPreview({ report, busy }: { report: MonthlyReport; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const titleId = useId();
  const organization = report.organization;
  const filters = { organizationId: organization.id, month: report.month };
  const base = reportFileName(organization, report.month, 'pdf').replace(/\.pdf$/, '');
  const csvName = (section: string) => `${base}-${section}`;
  const onCsv = (section: string) => () => auditCsvDownload({ view: 'report', section, filters });
  const sections = { report, csvName, onCsv };

  return (
    <Stack
      gap="lg"
      component="article"
      aria-labelledby={titleId}
      aria-busy={busy}
      data-testid="report-preview"
    >
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Group justify="space-between" align="flex-start" gap="sm">
          <Stack gap={4} style={{ flex: '1 1 320px' }}>
            <Group gap="xs" align="center">
              <Title order={2} fz="h3" id={titleId} style={{ overflowWrap: 'anywhere' }}>
                {t('insight.report.heading', {
                  organization: organization.name,
                  month: formatMonth(report.month, i18n.language),
                })}
              </Title>
              {report.provisional && (
                <Badge
                  color="yellow.4"
                  variant="filled"
                  autoContrast
                  radius="sm"
                  tt="none"
                  data-testid="report-provisional"
                >
                  {t('insight.report.provisional')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="gray.7">
              {t('insight.report.period', {
                from: formatDate(report.periodStart),
                to: formatDate(report.periodEnd),
              })}
            </Text>
            {report.provisional && (
              <Text size="sm" fw={500}>
                {t('insight.report.provisionalText')}
              </Text>
            )}
          </Stack>
          <Stack gap={4} component="section" aria-label={t('insight.report.download.label')}>
            <Group gap="xs">
              <ReportFileButton format="pdf" organization={organization} month={report.month} />
              <ReportFileButton format="xlsx" organization={organization} month={report.month} />
            </Group>
            <Text size="xs" c="gray.7" maw={360}>
              {t('insight.report.download.hint')}
            </Text>
          </Stack>
        </Group>
      </Paper>
      {report.smallCountsHidden ? (
        <SmallCountsNote />
      ) : (
        <Text size="sm" c="gray.7">
          {t('insight.report.exact')}
        </Text>
      )}
      <ReportSummary report={report} />
      <ReportFlow {...sections} />
      <ReportTraining report={report} />
      <ReportPlacements {...sections} />
      <ReportOutcomes report={report} />
      <ReportGovernance report={report} />
    </Stack>
  );
}

/**
 * A report file: a link to it (so it can be copied or opened elsewhere), but a click fetches it first so
 * the button shows it is working while the server builds the file (a PDF takes a few seconds) and a
 * refusal or failure shows the server's message instead of a failed or JSON "download"; then it is saved.
 */
function ReportFileButton({
  format,
  organization,
  month,
}: {
  format: 'pdf' | 'xlsx';
  organization: MonthlyReport['organization'];
  month: string;
}) {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const href = reportFileUrl(format, organization.id, month);
  const fileName = reportFileName(organization, month, format);

  const save = async (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      await downloadFile(href, fileName);
    } catch (error) {
      notifyError(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Button
      component="a"
      variant={format === 'pdf' ? 'filled' : 'default'}
      href={href}
      download={fileName}
      onClick={(event: MouseEvent<HTMLAnchorElement>) => void save(event)}
      loading={saving}
      aria-busy={saving}
      leftSection={
        format === 'pdf' ? (
          <IconFileTypePdf size={18} aria-hidden />
        ) : (
          <IconFileSpreadsheet size={18} aria-hidden />
        )
      }
      data-testid={`report-${format}`}
    >
      {t(format === 'pdf' ? 'insight.report.download.pdf' : 'insight.report.download.xlsx')}
    </Button>
  );
}

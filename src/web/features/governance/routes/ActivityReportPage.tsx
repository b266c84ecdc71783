import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconCopy,
  IconDeviceFloppy,
  IconFileTypePdf,
  IconRefresh,
} from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { ActivityReport } from '../../../../shared/governance.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { DateField } from '../../../components/DateField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { focusFirstError, showServerErrors } from '../../../lib/formErrors.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import {
  downloadActivityReportPdf,
  useActivityReport,
  useFinalizeActivityReport,
  useUpdateActivityReport,
} from '../api/governance.ts';
import {
  type ActivityReportFormValues,
  activityReportFormValues,
  activityReportPlainText,
  activityReportRequest,
} from '../components/activityReportForm.ts';
import { copyText } from '../components/copyText.ts';
import { ReportStatusBadge } from '../components/GovernanceBadges.tsx';
import { GOVERNANCE_PATH } from '../components/governanceTabs.ts';
import { ReportSourceText } from '../components/ReportSourceText.tsx';

const LIST_PATH = `${GOVERNANCE_PATH}/laporan`;

/** /tata-kelola/laporan/:reportId: the report, edited as one document (version), finalized, PDF, copied. */
export function ActivityReportPage() {
  const { reportId = '' } = useParams();
  const query = useActivityReport(reportId);
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return <QueryError error={query.error} onRetry={() => void query.refetch()} />;
  }
  return <ReportView key={query.data.id} report={query.data} onReload={() => query.refetch()} />;
}

function useReportForm(report: ActivityReport) {
  const { t } = useTranslation();
  const required = t('governance.reports.required');
  return useForm<ActivityReportFormValues>({
    initialValues: activityReportFormValues(report),
    validate: {
      title: (value) => (value.trim() ? null : required),
      heldOn: (value) => (value ? null : required),
    },
  });
}

function ReportView({
  report,
  onReload,
}: {
  report: ActivityReport;
  onReload: () => Promise<{ data?: ActivityReport | undefined }>;
}) {
  const { t } = useTranslation();
  const form = useReportForm(report);
  const update = useUpdateActivityReport(report.id);
  const finalize = useFinalizeActivityReport(report.id);
  const [stale, setStale] = useState(false);
  const [reloading, setReloading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const reloadButton = useRef<HTMLButtonElement>(null);
  const editing = report.canEdit && report.status === 'draft';
  const dirty = editing && form.isDirty();

  // The conflict shows under the form, where she pressed save: its reload button takes the focus.
  useEffect(() => {
    if (stale) reloadButton.current?.focus();
  }, [stale]);

  /** What the server answered to a change that failed: a stale version, a report made final, field errors. */
  const failed = (error: unknown) => {
    if (isApiError(error) && isStaleVersion(error)) {
      setStale(true);
      return;
    }
    if (isApiError(error, 'ACTIVITY_REPORT_FINAL')) {
      notifyError(error);
      void onReload();
      return;
    }
    showServerErrors(form, error);
  };

  /** Saves the form; resolves the report as stored, or null when it failed (the failure is shown). */
  const save = async (values: ActivityReportFormValues): Promise<ActivityReport | null> => {
    try {
      const saved = await update.mutateAsync(activityReportRequest(values, report.version));
      // The stored text becomes the form's starting point (nothing left unsaved).
      const stored = activityReportFormValues(saved);
      form.setInitialValues(stored);
      form.setValues(stored);
      form.resetDirty(stored);
      return saved;
    } catch (error) {
      failed(error);
      return null;
    }
  };

  const submit = form.onSubmit(async (values) => {
    if (await save(values)) notifySuccess(t('governance.reports.saved'));
  }, focusFirstError);

  const finalizeReport = async () => {
    setConfirming(false);
    let version = report.version;
    if (form.isDirty()) {
      if (form.validate().hasErrors) {
        focusFirstError();
        return;
      }
      const saved = await save(form.getValues());
      if (!saved) return;
      version = saved.version;
    }
    try {
      await finalize.mutateAsync(version);
      notifySuccess(t('governance.reports.finalized'));
    } catch (error) {
      failed(error);
    }
  };

  const reload = async () => {
    setReloading(true);
    try {
      const { data } = await onReload();
      if (data) {
        const stored = activityReportFormValues(data);
        form.setInitialValues(stored);
        form.setValues(stored);
        form.resetDirty(stored);
        form.clearErrors();
      }
      setStale(false);
      notifySuccess(t('governance.reports.reloaded'));
    } finally {
      setReloading(false);
    }
  };

  const copy = async () => {
    const values = editing ? form.getValues() : activityReportFormValues(report);
    const text = activityReportPlainText(values, {
      date: t('governance.reports.text.date'),
      place: t('governance.reports.text.place'),
      participants: t('governance.reports.text.participants'),
      summary: t('governance.reports.text.summary'),
      decisions: t('governance.reports.text.decisions'),
    });
    if (await copyText(text)) notifySuccess(t('governance.reports.copied'));
    else notifyError(new Error(t('governance.reports.copyFailed')));
  };

  const download = async () => {
    setDownloading(true);
    try {
      await downloadActivityReportPdf(report);
    } catch (error) {
      notifyError(error);
    } finally {
      setDownloading(false);
    }
  };

  const busy = update.isPending || finalize.isPending;

  return (
    <Stack gap="md" maw={1040}>
      <div>
        <BackButton to={LIST_PATH}>{t('governance.reports.back')}</BackButton>
        <PageHeader title={report.title} />
      </div>

      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack gap={6}>
          <Group gap="xs" wrap="wrap">
            <ReportStatusBadge status={report.status} />
            <Text size="sm">
              {t('governance.reports.madeBy', { organization: report.organization.name })}
            </Text>
          </Group>
          <ReportSourceText source={report.source} />
          <Text size="xs" c="dimmed">
            {report.createdByName
              ? t('governance.reports.createdBy', {
                  date: formatDateTime(report.createdAt),
                  name: report.createdByName,
                })
              : t('governance.reports.createdAt', { date: formatDateTime(report.createdAt) })}
            {report.updatedByName && report.updatedAt !== report.createdAt
              ? ` · ${t('governance.reports.lastUpdated', {
                  date: formatDateTime(report.updatedAt),
                  name: report.updatedByName,
                })}`
              : ''}
          </Text>
          <Group gap="xs" mt={4} wrap="wrap">
            <Button
              variant="default"
              leftSection={<IconCopy size={16} aria-hidden />}
              onClick={() => void copy()}
            >
              {t('governance.reports.copy')}
            </Button>
            <Button
              variant="default"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              loading={downloading}
              onClick={() => void download()}
            >
              {t('governance.reports.pdf')}
            </Button>
            {editing && (
              <Button
                color="teal.9"
                leftSection={<IconCircleCheck size={16} aria-hidden />}
                onClick={() => setConfirming(true)}
                disabled={stale || busy}
              >
                {t('governance.reports.finalize')}
              </Button>
            )}
          </Group>
          {dirty && (
            <Text size="sm" c="orange.9" role="status">
              {t('governance.reports.unsaved')}
            </Text>
          )}
        </Stack>
      </Paper>

      {editing ? (
        <form onSubmit={submit} noValidate aria-label={t('governance.reports.formLabel')}>
          <Stack gap="md">
            <SectionCard title={t('governance.reports.formLabel')} id="report-form">
              <TextInput
                label={t('governance.reports.fields.title')}
                required
                maxLength={300}
                {...form.getInputProps('title')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                <DateField
                  label={t('governance.reports.fields.heldOn')}
                  required
                  {...form.getInputProps('heldOn')}
                />
                <TextInput
                  label={t('governance.reports.fields.place')}
                  maxLength={300}
                  {...form.getInputProps('place')}
                />
              </SimpleGrid>
              <Textarea
                label={t('governance.reports.fields.participants')}
                description={t('governance.reports.fields.participantsHint')}
                autosize
                minRows={3}
                maxRows={14}
                maxLength={10_000}
                {...form.getInputProps('participants')}
              />
              <Textarea
                label={t('governance.reports.fields.summary')}
                autosize
                minRows={5}
                maxRows={20}
                maxLength={20_000}
                {...form.getInputProps('summary')}
              />
              <Textarea
                label={t('governance.reports.fields.decisions')}
                description={t('governance.reports.fields.decisionsHint')}
                autosize
                minRows={3}
                maxRows={16}
                maxLength={20_000}
                {...form.getInputProps('decisions')}
              />
            </SectionCard>

            {stale && (
              <Alert
                color="red"
                variant="filled"
                title={t('governance.reports.staleTitle')}
                icon={<IconAlertTriangle aria-hidden />}
                role="alert"
                data-testid="stale-alert"
              >
                <Text size="sm">{t('governance.reports.stale')}</Text>
                <Button
                  mt="xs"
                  size="xs"
                  variant="white"
                  color="dark"
                  leftSection={<IconRefresh size={14} aria-hidden />}
                  ref={reloadButton}
                  loading={reloading}
                  onClick={() => void reload()}
                >
                  {t('governance.reports.reload')}
                </Button>
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button
                type="submit"
                leftSection={<IconDeviceFloppy size={16} aria-hidden />}
                loading={update.isPending}
                disabled={stale || finalize.isPending}
              >
                {t('governance.reports.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <ReadOnlyReport report={report} />
      )}

      <ConfirmModal
        opened={confirming}
        title={t('governance.reports.finalizeTitle')}
        confirmLabel={t('governance.reports.finalize')}
        confirmColor="teal.9"
        loading={busy}
        onConfirm={() => void finalizeReport()}
        onClose={() => setConfirming(false)}
      >
        {t('governance.reports.finalizeText')}
      </ConfirmModal>
    </Stack>
  );
}

function ReadOnlyReport({ report }: { report: ActivityReport }) {
  const { t } = useTranslation();
  const fields: [string, string | null][] = [
    [t('governance.reports.fields.heldOn'), formatDate(report.heldOn)],
    [t('governance.reports.fields.place'), report.place],
    [t('governance.reports.fields.participants'), report.participants],
    [t('governance.reports.fields.summary'), report.summary],
    [t('governance.reports.fields.decisions'), report.decisions],
  ];
  return (
    <SectionCard
      title={t('governance.reports.formLabel')}
      id="report-text"
      hint={
        report.status === 'final'
          ? t('governance.reports.finalNotice')
          : t('governance.reports.readOnlyNotice')
      }
    >
      <Stack gap="sm" component="dl" m={0}>
        {fields.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="sm" fw={600}>
              {label}
            </Text>
            <Text
              component="dd"
              size="sm"
              m={0}
              c={value ? undefined : 'dimmed'}
              style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}
            >
              {value || t('governance.reports.notFilled')}
            </Text>
          </div>
        ))}
      </Stack>
    </SectionCard>
  );
}

import { Button, Group, Modal, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QueryError } from '../../../components/QueryError.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { todayIso } from '../../people/components/dates.ts';
import { useCreateActivityReport, useReportActivities, useReportMeetings } from '../api/governance.ts';
import { GOVERNANCE_PATH } from './governanceTabs.ts';
import { activityRange } from './reportSources.ts';

type SourceKind = 'meeting' | 'activity';

/**
 * "Buat laporan kegiatan": choose a held meeting or a work-plan activity; the server fills the report from
 * its templates and the new report opens for editing.
 */
export function CreateReportModal({
  opened,
  kinds,
  onClose,
}: {
  opened: boolean;
  /** The source kinds she may use (at least one). */
  kinds: readonly SourceKind[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [kind, setKind] = useState<SourceKind>(kinds[0] ?? 'meeting');
  const [sourceId, setSourceId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const range = activityRange(todayIso());
  const meetings = useReportMeetings(opened && kind === 'meeting');
  const activities = useReportActivities(opened && kind === 'activity', range.from, range.to);
  const create = useCreateActivityReport();
  const source = kind === 'meeting' ? meetings : activities;

  const options =
    kind === 'meeting'
      ? (meetings.data?.items ?? []).map((meeting) => ({
          value: meeting.id,
          label: t('governance.reports.meetingOption', {
            date: formatDate(meeting.heldOn),
            title: meeting.title,
          }),
        }))
      : [...(activities.data?.items ?? [])]
          .filter((activity) => activity.status !== 'cancelled')
          .reverse()
          .map((activity) => ({
            value: activity.id,
            label: t('governance.reports.activityOption', {
              date: formatDate(activity.startsOn),
              title: activity.title,
              plan: activity.workPlan.title,
            }),
          }));

  const close = () => {
    setSourceId(null);
    setError(null);
    onClose();
  };

  const submit = () => {
    if (!sourceId) {
      setError(t('governance.reports.sourceRequired'));
      return;
    }
    create.mutate(kind === 'meeting' ? { meetingId: sourceId } : { activityId: sourceId }, {
      onSuccess: (report) => {
        notifySuccess(t('governance.reports.created'));
        close();
        void navigate(`${GOVERNANCE_PATH}/laporan/${encodeURIComponent(report.id)}`);
      },
      onError: (failure) => {
        const fields = isApiError(failure) ? failure.fields : undefined;
        const message = fields?.meetingId ?? fields?.activityId;
        if (message) setError(message);
        else notifyError(failure);
      },
    });
  };

  return (
    <Modal opened={opened} onClose={close} title={t('governance.reports.createTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{t('governance.reports.createHint')}</Text>
        {kinds.length > 1 && (
          <Stack gap={4}>
            <Text size="sm" fw={500} id="report-source-kind">
              {t('governance.reports.sourceKind')}
            </Text>
            <SegmentedControl
              aria-labelledby="report-source-kind"
              value={kind}
              onChange={(value) => {
                setKind(value === 'activity' ? 'activity' : 'meeting');
                setSourceId(null);
                setError(null);
              }}
              data={kinds.map((value) => ({
                value,
                label: t(
                  value === 'meeting' ? 'governance.reports.kindMeeting' : 'governance.reports.kindActivity',
                ),
              }))}
              fullWidth
            />
          </Stack>
        )}
        {source.isError ? (
          <QueryError error={source.error} onRetry={() => void source.refetch()} />
        ) : (
          <Select
            label={t(
              kind === 'meeting' ? 'governance.reports.pickMeeting' : 'governance.reports.pickActivity',
            )}
            placeholder={t('governance.reports.pickPlaceholder')}
            data={options}
            value={sourceId}
            onChange={(value) => {
              setSourceId(value);
              setError(null);
            }}
            searchable
            required
            disabled={source.isPending}
            error={error}
            nothingFoundMessage={t(
              kind === 'meeting' ? 'governance.reports.noMeetings' : 'governance.reports.noActivities',
            )}
            comboboxProps={{ withinPortal: true }}
          />
        )}
        {!source.isPending && !source.isError && options.length === 0 && (
          <Text size="sm" c="dimmed">
            {t(kind === 'meeting' ? 'governance.reports.noMeetings' : 'governance.reports.noActivities')}
          </Text>
        )}
        <Group justify="flex-end" gap="sm" mt="xs">
          <Button variant="default" onClick={close} disabled={create.isPending}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={create.isPending}>
            {t('governance.reports.create')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

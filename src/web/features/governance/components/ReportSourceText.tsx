import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActivityReportSource } from '../../../../shared/governance.ts';
import { GOVERNANCE_PATH } from './governanceTabs.ts';

/** Where a report was made from, linked: "Rapat: …" or "Kegiatan: …" (or that the source was removed). */
export function ReportSourceText({ source }: { source: ActivityReportSource | null }) {
  const { t } = useTranslation();
  if (!source) {
    return (
      <Text size="xs" c="dimmed">
        {t('governance.reports.sourceRemoved')}
      </Text>
    );
  }
  const to =
    source.kind === 'meeting'
      ? `${GOVERNANCE_PATH}/rapat/${encodeURIComponent(source.id)}`
      : source.workPlanId
        ? `${GOVERNANCE_PATH}/program-teknis/${encodeURIComponent(source.workPlanId)}`
        : null;
  const label = t(
    source.kind === 'meeting' ? 'governance.reports.fromMeeting' : 'governance.reports.fromActivity',
    {
      title: source.title,
    },
  );
  return (
    <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
      {to ? (
        <Anchor component={Link} to={to} inherit c="blue.9">
          {label}
        </Anchor>
      ) : (
        label
      )}
    </Text>
  );
}

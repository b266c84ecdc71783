import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EffectiveAgreementStatus } from '../../../../shared/agreements.ts';
import type {
  ActionItemStatus,
  ActivityReportStatus,
  GovernanceActionItem,
  GovernanceAgreementStatus,
} from '../../../../shared/governance.ts';
import { formatDate } from '../../../lib/format.ts';
import { daysFromToday } from '../../people/components/dates.ts';

// Filled badges whose white text keeps 4.5:1 (light teal ones fail axe's contrast check).
const NO_SHRINK = { flexShrink: 0 } as const;

const ACTION_ITEM_COLORS: Record<ActionItemStatus, string> = {
  open: 'blue.8',
  in_progress: 'indigo.9',
  done: 'teal.9',
  cancelled: 'gray.7',
};

export function ActionItemStatusBadge({ status }: { status: ActionItemStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTION_ITEM_COLORS[status]} radius="sm" tt="none" size="sm" style={NO_SHRINK}>
      {t(`governance.actionItemStatuses.${status}`)}
    </Badge>
  );
}

// Every effective status, `discarded` too (the overview leaves it out; a list may show it).
const AGREEMENT_COLORS: Record<EffectiveAgreementStatus, string> = {
  draft: 'gray.7',
  in_review: 'blue.8',
  agreed: 'indigo.9',
  signed: 'violet.9',
  in_force: 'teal.9',
  expired: 'red.9',
  terminated: 'dark.6',
  renewed: 'grape.9',
  discarded: 'gray.8',
};

export function agreementStatusColor(status: GovernanceAgreementStatus): string {
  return AGREEMENT_COLORS[status];
}

export function AgreementStatusBadge({ status }: { status: GovernanceAgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={AGREEMENT_COLORS[status]} radius="sm" tt="none" size="sm" style={NO_SHRINK}>
      {t(`governance.agreementStatuses.${status}`)}
    </Badge>
  );
}

export function ReportStatusBadge({ status }: { status: ActivityReportStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={status === 'final' ? 'teal.9' : 'gray.7'} radius="sm" tt="none" size="sm" style={NO_SHRINK}>
      {t(`governance.reports.statuses.${status}`)}
    </Badge>
  );
}

/**
 * An action item's due date dd/mm/yyyy with how far it is: "Terlambat 3 hari" (red, when the server says
 * it is overdue), "Jatuh tempo hari ini", or "5 hari lagi"; a finished one shows its date only.
 */
export function ActionItemDue({
  item,
}: {
  item: Pick<GovernanceActionItem, 'dueOn' | 'overdue' | 'daysOverdue' | 'status'>;
}) {
  const { t } = useTranslation();
  const pending = item.status === 'open' || item.status === 'in_progress';
  const days = daysFromToday(item.dueOn) ?? 0;
  return (
    <Group gap={6} wrap="wrap">
      <Text size="xs">{t('governance.due', { date: formatDate(item.dueOn) })}</Text>
      {pending &&
        (item.overdue ? (
          <Badge color="red.9" radius="sm" tt="none" size="sm" style={NO_SHRINK}>
            {item.daysOverdue && item.daysOverdue > 0
              ? t('governance.daysOverdue', { count: item.daysOverdue })
              : t('governance.overdue')}
          </Badge>
        ) : days === 0 ? (
          <Badge color="orange.9" radius="sm" tt="none" size="sm" style={NO_SHRINK}>
            {t('governance.dueToday')}
          </Badge>
        ) : days > 0 ? (
          <Text size="xs" c="dimmed">
            {t('governance.daysLeft', { count: days })}
          </Text>
        ) : null)}
    </Group>
  );
}

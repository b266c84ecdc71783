import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WorkPlanActivityStatus, WorkPlanStatus } from '../../../../shared/workplans.ts';
import { ACTIVITY_STATUS_COLORS, WORK_PLAN_STATUS_COLORS } from './vocabulary.ts';

const badgeProps = {
  radius: 'sm',
  tt: 'none',
  style: { flexShrink: 0 },
  styles: { label: { overflow: 'visible' } },
} as const;

/** "Draf" / "Berjalan" / "Selesai": a plan's status as a filled badge. */
export function WorkPlanStatusBadge({ status }: { status: WorkPlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={WORK_PLAN_STATUS_COLORS[status]} {...badgeProps}>
      {t(`workplans.status.${status}`)}
    </Badge>
  );
}

/** An activity's status as a filled badge (the timeline's bars use the same colours). */
export function ActivityStatusBadge({ status }: { status: WorkPlanActivityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ACTIVITY_STATUS_COLORS[status]} {...badgeProps}>
      {t(`workplans.activityStatus.${status}`)}
    </Badge>
  );
}

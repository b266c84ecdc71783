import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GoalStatus, NeedStatus, PathwayStatus } from '../../../../shared/reintegration.ts';
import { GOAL_STATUS_COLORS, NEED_STATUS_COLORS, PATHWAY_STATUS_COLORS } from './vocabulary.ts';

// autoContrast: dark text on the light (yellow) colours, white on the rest.
const BADGE = { radius: 'sm', tt: 'none', autoContrast: true, style: { flexShrink: 0 } } as const;

/** A pathway's status in words, filled in its colour. */
export function PathwayStatusBadge({ status }: { status: PathwayStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={PATHWAY_STATUS_COLORS[status]} {...BADGE} data-pathway-status={status}>
      {t(`reintegration.status.${status}`)}
    </Badge>
  );
}

export function NeedStatusBadge({ status }: { status: NeedStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={NEED_STATUS_COLORS[status]} {...BADGE}>
      {t(`reintegration.needStatus.${status}`)}
    </Badge>
  );
}

export function GoalStatusBadge({ status }: { status: GoalStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={GOAL_STATUS_COLORS[status]} {...BADGE}>
      {t(`reintegration.goalStatus.${status}`)}
    </Badge>
  );
}

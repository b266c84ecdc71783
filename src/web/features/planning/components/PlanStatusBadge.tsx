import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlanStatus } from '../../../../shared/placementPlans.ts';

const COLORS: Record<PlanStatus, string> = { draft: 'blue.8', accepted: 'teal.9', discarded: 'gray.7' };

/** A plan's status in words, filled (white text above 4.5:1). */
export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[status]} radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t(`planning.plans.statusLabel.${status}`)}
    </Badge>
  );
}

import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OpportunityStatus } from '../../../../shared/opportunities.ts';
import { OPPORTUNITY_STATUS_COLORS } from './vocabulary.ts';

// The label never truncates: in a narrow table column the badge keeps its words and the column widens.
const BADGE = {
  radius: 'sm',
  tt: 'none',
  style: { flexShrink: 0 },
  styles: { label: { overflow: 'visible' } },
} as const;

export function OpportunityStatusBadge({ status }: { status: OpportunityStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={OPPORTUNITY_STATUS_COLORS[status]} data-status={status} {...BADGE}>
      {t(`opportunities.status.${status}`)}
    </Badge>
  );
}

/** Paruh waktu, fleksibel, shift: what a mother checks first. Nothing when none applies. */
export function WorkingPatternBadges({
  pattern,
}: {
  pattern: { partTime: boolean; flexible: boolean; shiftWork: boolean };
}) {
  const { t } = useTranslation();
  const labels = [
    pattern.partTime ? t('opportunities.pattern.partTime') : null,
    pattern.flexible ? t('opportunities.pattern.flexible') : null,
    pattern.shiftWork ? t('opportunities.pattern.shift') : null,
  ].filter((label): label is string => label !== null);
  if (labels.length === 0) return null;
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {labels.map((label) => (
        <Badge key={label} component="li" variant="default" {...BADGE}>
          {label}
        </Badge>
      ))}
    </Group>
  );
}

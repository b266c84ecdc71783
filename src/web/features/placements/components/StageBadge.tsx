import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PlacementStage } from '../../../../shared/placements.ts';
import { STAGE_COLORS } from './pipeline.ts';

/** A placement's stage in words, filled (white text above 4.5:1), never truncated. */
export function StageBadge({ stage }: { stage: PlacementStage }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={STAGE_COLORS[stage]}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`placements.stage.${stage}`)}
    </Badge>
  );
}

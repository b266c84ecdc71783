import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HandoverState, HandoverStatus } from '../../../../shared/handovers.ts';

/** A handover's status, or her state (`none` when she has no live or past handover). */
type BadgeState = HandoverStatus | HandoverState;

/** Handover states as data: filled shade-9 badges keep white text above 4.5:1 contrast. */
export const HANDOVER_STATE_COLORS: Record<BadgeState, string> = {
  none: 'gray.8',
  sent: 'blue.9',
  accepted: 'teal.9',
  returned: 'red.9',
  cancelled: 'gray.8',
  ended: 'grape.9',
};

/**
 * "Belum diserahkan" / "Dikirim" / "Diterima" / "Dikembalikan" / "Dibatalkan" / "Berakhir (kembali ke lapas)"
 * as a coloured badge.
 */
export function HandoverStateBadge({ state }: { state: BadgeState }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={HANDOVER_STATE_COLORS[state]}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`handovers.state.${state}`)}
    </Badge>
  );
}

import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JourneyStatus } from '../../../../shared/people.ts';
import { JOURNEY_STATUS_COLORS } from './vocabulary.ts';

/** The journey status (derived by the server from dates, never typed) as a coloured badge. */
export function PersonStatusBadge({ status }: { status: JourneyStatus | null }) {
  const { t } = useTranslation();
  if (!status) return null;
  return (
    <Badge color={JOURNEY_STATUS_COLORS[status]} radius="sm" tt="none" style={{ flexShrink: 0 }}>
      {t(`people.status.${status}`)}
    </Badge>
  );
}

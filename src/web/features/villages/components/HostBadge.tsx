import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { HostStatus } from '../../../../shared/villages.ts';
import { formatDate } from '../../../lib/format.ts';

/** Filled shade-9 colours keep white text above 4.5:1. */
export const HOST_STATUS_COLORS: Record<HostStatus, string> = {
  host: 'teal.9',
  planned: 'grape.9',
  none: 'gray.8',
};

/** "Desa binaan sejak 01/03/2026", "Direncanakan mulai …" or "Belum desa binaan". */
export function HostBadge({ status, since }: { status: HostStatus; since: string | null }) {
  const { t } = useTranslation();
  const label =
    status === 'none' || !since
      ? t('villages.host.none')
      : t(status === 'host' ? 'villages.host.since' : 'villages.host.plannedFrom', {
          date: formatDate(since),
        });
  return (
    <Badge
      color={HOST_STATUS_COLORS[status]}
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
      data-host-status={status}
    >
      {label}
    </Badge>
  );
}

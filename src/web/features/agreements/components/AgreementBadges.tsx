import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  AgreementKind,
  EffectiveAgreementStatus,
  ObligationStatus,
} from '../../../../shared/agreements.ts';
import {
  AGREEMENT_STATUS_COLORS,
  EXPIRY_TONE_COLORS,
  expiryNotice,
  OBLIGATION_STATUS_COLORS,
} from './vocabulary.ts';

// autoContrast: dark text on the yellow "soon" badge, white on the rest (filled, shade 7–9).
const BADGE = {
  radius: 'sm',
  tt: 'none',
  autoContrast: true,
  style: { flexShrink: 0 },
  styles: { label: { overflow: 'visible' } },
} as const;

/** The effective status in words ("Berlaku", "Kedaluwarsa", …), filled in its colour. */
export function AgreementStatusBadge({ status }: { status: EffectiveAgreementStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={AGREEMENT_STATUS_COLORS[status]} {...BADGE} data-agreement-status={status}>
      {t(`agreements.status.${status}`)}
    </Badge>
  );
}

/** MoU / PKS, outlined so it is not read as a status. */
export function AgreementKindBadge({ kind }: { kind: AgreementKind }) {
  const { t } = useTranslation();
  return (
    <Badge
      color="dark.6"
      variant="outline"
      radius="sm"
      tt="none"
      style={{ flexShrink: 0 }}
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`agreements.kindShort.${kind}`)}
    </Badge>
  );
}

export function ObligationStatusBadge({ status }: { status: ObligationStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={OBLIGATION_STATUS_COLORS[status]} {...BADGE} data-obligation-status={status}>
      {t(`agreements.obligationStatus.${status}`)}
    </Badge>
  );
}

/** "Berakhir dalam 45 hari" / "Berakhir hari ini" / "Berakhir 12 hari lalu"; nothing when it does not apply. */
export function ExpiryBadge({
  status,
  daysLeft,
}: {
  status: EffectiveAgreementStatus;
  daysLeft: number | null;
}) {
  const { t } = useTranslation();
  const notice = expiryNotice(status, daysLeft);
  if (!notice) return null;
  return (
    <Badge color={EXPIRY_TONE_COLORS[notice.tone]} {...BADGE} data-expiry={notice.tone}>
      {t(`agreements.expiry.${notice.key}`, { count: notice.days })}
    </Badge>
  );
}

import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PartnerWillingness } from '../../../../shared/partners.ts';
import type { SECTORS } from '../../../../shared/people.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { agreementState } from './partnerForm.ts';
import { AGREEMENT_COLORS, todayIso, WILLINGNESS_COLORS } from './vocabulary.ts';

const BADGE = {
  radius: 'sm',
  tt: 'none',
  style: { flexShrink: 0 },
  styles: { label: { overflow: 'visible' } },
} as const;

export function WillingnessBadge({ value }: { value: PartnerWillingness }) {
  const { t } = useTranslation();
  return (
    <Badge color={WILLINGNESS_COLORS[value]} data-willing={value} {...BADGE}>
      {t(`partners.willing.${value}`)}
    </Badge>
  );
}

/** The PKS as it stands today, with its end date under the badge. */
export function AgreementStatus({
  partner,
  withDate = true,
}: {
  partner: {
    agreementNumber: string | null;
    agreementSignedOn?: string | null;
    agreementExpiresOn: string | null;
  };
  /** The end date under the badge (left out where the dates are shown beside it). */
  withDate?: boolean;
}) {
  const { t } = useTranslation();
  const state = agreementState(partner, todayIso());
  return (
    <div>
      <Badge color={AGREEMENT_COLORS[state]} variant={state === 'none' ? 'default' : 'filled'} {...BADGE}>
        {t(`partners.agreement.${state}`)}
      </Badge>
      {withDate && state !== 'none' && (
        <Text size="xs" c="dimmed" mt={2} style={{ whiteSpace: 'nowrap' }}>
          {partner.agreementExpiresOn
            ? state === 'expired'
              ? t('partners.agreement.expiredOn', { date: formatDate(partner.agreementExpiresOn) })
              : t('partners.agreement.validUntil', { date: formatDate(partner.agreementExpiresOn) })
            : t('partners.agreement.noEnd')}
        </Text>
      )}
    </div>
  );
}

export function SectorBadges({ sectors }: { sectors: readonly (typeof SECTORS)[number][] }) {
  const { t } = useTranslation();
  if (sectors.length === 0) return <>{EMPTY}</>;
  return (
    <Group gap={4} component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {sectors.map((sector) => (
        <Badge key={sector} component="li" variant="default" {...BADGE}>
          {t(`people.vocab.sector.${sector}`)}
        </Badge>
      ))}
    </Group>
  );
}

import { Anchor, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OpportunityListItem } from '../../../../shared/opportunities.ts';
import { formatPay } from './pay.ts';

/** The title as a link to the opportunity, with its kind below. */
export function OpportunityTitle({
  opportunity,
}: {
  opportunity: Pick<OpportunityListItem, 'id' | 'title' | 'kind'>;
}) {
  const { t } = useTranslation();
  return (
    <div style={{ minWidth: 0 }}>
      <Anchor
        component={Link}
        to={`/peluang/${opportunity.id}`}
        fw={600}
        c="blue.9"
        style={{ overflowWrap: 'anywhere' }}
      >
        {opportunity.title}
      </Anchor>
      <Text size="xs" c="dimmed">
        {t(`opportunities.kind.${opportunity.kind}`)}
      </Text>
    </div>
  );
}

/** "2/5" with "sisa 3" (or "penuh") below; a screen reader hears "2 dari 5 tempat terisi". */
export function Places({
  opportunity,
}: {
  opportunity: Pick<OpportunityListItem, 'places' | 'placedCount' | 'placesLeft'>;
}) {
  const { t } = useTranslation();
  const { places, placedCount, placesLeft } = opportunity;
  return (
    <div style={{ whiteSpace: 'nowrap' }}>
      <Text size="sm" fw={500}>
        <span aria-hidden>{t('opportunities.places', { placed: placedCount, places })}</span>
        <VisuallyHidden>{t('opportunities.placesLong', { placed: placedCount, places })}</VisuallyHidden>
      </Text>
      <Text size="xs" c="dimmed">
        {placesLeft > 0
          ? t('opportunities.placesLeft', { count: placesLeft })
          : t('opportunities.noPlacesLeft')}
      </Text>
    </div>
  );
}

export function Pay({
  opportunity,
}: {
  opportunity: Pick<OpportunityListItem, 'payMin' | 'payMax' | 'payPeriod'>;
}) {
  const { t } = useTranslation();
  return <>{formatPay(opportunity, t)}</>;
}

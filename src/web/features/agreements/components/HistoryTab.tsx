import { Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementDetail } from '../../../../shared/agreements.ts';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { formatDateTime } from '../../../lib/format.ts';

/** Riwayat: every step of the agreement, newest first, with who, for which party and which text version. */
export function HistoryTab({ agreement }: { agreement: AgreementDetail }) {
  const { t } = useTranslation();
  const events = [...agreement.events].reverse();
  const title = t('agreements.history.title');
  return (
    <SectionCard title={title} id="agreement-history">
      {events.length === 0 ? (
        <Text size="sm">{t('agreements.history.empty')}</Text>
      ) : (
        <Stack gap="xs" component="ol" p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
          {events.map((event) => (
            <Card key={event.id} component="li" withBorder padding="sm" data-event={event.kind}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={600}>
                  {t(`agreements.event.${event.kind}`)}
                </Text>
                {event.textVersion !== null && (
                  <Text size="sm">{t('agreements.history.version', { version: event.textVersion })}</Text>
                )}
              </Group>
              <Text size="xs" c="dimmed">
                {formatDateTime(event.at)} · {event.actorName ?? t('agreements.history.system')}
                {event.organizationName ? ` (${event.organizationName})` : ''}
              </Text>
              {event.note && (
                <Text size="sm" mt={4} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {event.note}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

import { Anchor, Badge, Button, Checkbox, Group, Paper, Stack, Text } from '@mantine/core';
import { IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Consent } from '../../../../shared/consents.ts';
import { FIELD_GROUPS } from '../../../../shared/people.ts';
import { formatDate } from '../../../lib/format.ts';
import { documentContentUrl } from '../api/records.ts';

/** One consent: purpose, recipients, the field groups as labelled (read-only) checkboxes, dates, evidence. */
export function ConsentCard({
  personId,
  consent,
  canWithdraw,
  onWithdraw,
}: {
  personId: string;
  consent: Consent;
  canWithdraw: boolean;
  onWithdraw: (consent: Consent) => void;
}) {
  const { t } = useTranslation();
  const recipients = [
    ...consent.recipientOrganizations.map((organization) => organization.name),
    ...consent.recipientKinds.map((kind) => t(`records.consents.kindsAll.${kind}`)),
  ];
  const titleId = `consent-${consent.id}-purpose`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group gap="xs" justify="space-between" wrap="wrap">
          <Badge color={consent.active ? 'teal.9' : 'gray.8'} variant="filled">
            {consent.active ? t('records.consents.active') : t('records.consents.withdrawn')}
          </Badge>
          <Text size="sm" c="dimmed">
            {t('records.consents.given', { date: formatDate(consent.givenOn) })}
          </Text>
        </Group>
        <Text fw={600} id={titleId} style={{ overflowWrap: 'anywhere' }}>
          {consent.purpose}
        </Text>
        <div>
          <Text size="sm" fw={500}>
            {t('records.consents.recipients')}
          </Text>
          <Text size="sm">
            {recipients.length > 0 ? recipients.join(', ') : t('records.consents.noRecipients')}
          </Text>
        </div>
        <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
          <Text component="legend" size="sm" fw={500}>
            {t('records.consents.fieldGroups')}
          </Text>
          <Stack gap={4} mt={4}>
            {FIELD_GROUPS.map((group) => (
              <Checkbox
                key={group}
                label={t(`people.groups.${group}`)}
                checked={consent.fieldGroups.includes(group)}
                readOnly
                // Read-only: a record of what was agreed, changed only by a new consent.
                onChange={() => undefined}
                styles={{ input: { cursor: 'default' }, label: { cursor: 'default' } }}
              />
            ))}
          </Stack>
        </fieldset>
        {consent.evidenceDocument && (
          <Anchor href={documentContentUrl(personId, consent.evidenceDocument.id)} download size="sm">
            <IconFileCertificate size={16} aria-hidden style={{ verticalAlign: 'text-bottom' }} />{' '}
            {t('records.consents.evidenceLink', { title: consent.evidenceDocument.title })}
          </Anchor>
        )}
        {consent.recordedByName && (
          <Text size="xs" c="dimmed">
            {t('records.consents.recordedBy', { name: consent.recordedByName })}
          </Text>
        )}
        {consent.withdrawnOn && (
          <Text size="sm">
            {t('records.consents.withdrawnOn', { date: formatDate(consent.withdrawnOn) })}
            {consent.withdrawnReason &&
              ` · ${t('records.consents.reasonShown', { reason: consent.withdrawnReason })}`}
          </Text>
        )}
        {canWithdraw && consent.active && (
          <Group justify="flex-end">
            <Button size="xs" color="red" variant="outline" onClick={() => onWithdraw(consent)}>
              {t('records.consents.withdraw')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

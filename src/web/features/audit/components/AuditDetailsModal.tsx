import { Code, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { EMPTY, formatDateTime, orDash } from '../../../lib/format.ts';
import { useAuditActionLabel } from './useAuditActionLabel.ts';

/** Every field of one audit entry, with its details as formatted JSON. */
export function AuditDetailsModal({ entry, onClose }: { entry: AuditEntry | null; onClose: () => void }) {
  const { t } = useTranslation();
  const actionLabel = useAuditActionLabel();
  const hasDetails = entry !== null && Object.keys(entry.details).length > 0;

  return (
    <Modal opened={entry !== null} onClose={onClose} title={t('audit.detailsTitle')} size="lg" centered>
      {entry && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <InfoField size="sm" label={t('audit.time')}>
              {formatDateTime(entry.at)}
            </InfoField>
            <InfoField size="sm" label={t('audit.action')}>
              {actionLabel(entry.action)} ({entry.action})
            </InfoField>
            <InfoField size="sm" label={t('audit.actor')}>
              {entry.actorUsername ?? t('audit.system')}
            </InfoField>
            <InfoField size="sm" label={t('audit.organization')}>
              {orDash(entry.actorOrganizationName)}
            </InfoField>
            <InfoField size="sm" label={t('audit.subjectType')}>
              {orDash(entry.subjectType)}
            </InfoField>
            <InfoField size="sm" label={t('audit.subjectId')}>
              {orDash(entry.subjectId)}
            </InfoField>
            <InfoField size="sm" label={t('audit.ip')}>
              {entry.ip ?? EMPTY}
            </InfoField>
            <InfoField size="sm" label={t('audit.correlationId')}>
              {orDash(entry.correlationId)}
            </InfoField>
          </SimpleGrid>
          <div>
            <Title order={3} fz="sm" mb={4}>
              {t('audit.details')}
            </Title>
            {hasDetails ? (
              <Code block style={{ maxHeight: 320, overflow: 'auto' }} tabIndex={0}>
                {JSON.stringify(entry.details, null, 2)}
              </Code>
            ) : (
              <Text size="sm">{t('audit.noDetails')}</Text>
            )}
          </div>
        </Stack>
      )}
    </Modal>
  );
}

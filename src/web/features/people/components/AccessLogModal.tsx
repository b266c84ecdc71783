import { Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useAuditActionLabel } from '../../audit/components/useAuditActionLabel.ts';
import { useAccessLog } from '../api/peopleData.ts';

const PAGE_SIZE = 20;

/** Who saw or changed what of her record, and when (the audit entries whose subject she is). */
export function AccessLogModal({
  personId,
  opened,
  onClose,
}: {
  personId: string;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const log = useAccessLog(personId, page, PAGE_SIZE, opened);
  const actionLabel = useAuditActionLabel();

  return (
    <Modal opened={opened} onClose={onClose} title={t('peopleData.accessLog.title')} size="xl">
      <Stack gap="sm">
        <Text size="sm">{t('peopleData.accessLog.intro')}</Text>
        {log.isPending ? (
          <PageLoader />
        ) : log.isError ? (
          <QueryError error={log.error} onRetry={() => void log.refetch()} />
        ) : log.data.items.length === 0 ? (
          <Text size="sm">{t('peopleData.accessLog.empty')}</Text>
        ) : (
          <>
            <ScrollTable label={t('peopleData.accessLog.title')} minWidth={640}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('peopleData.accessLog.at')}</Table.Th>
                  <Table.Th>{t('peopleData.accessLog.action')}</Table.Th>
                  <Table.Th>{t('peopleData.accessLog.user')}</Table.Th>
                  <Table.Th>{t('peopleData.accessLog.organization')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {log.data.items.map((entry) => (
                  <Table.Tr key={entry.id}>
                    <Table.Td>{formatDateTime(entry.at)}</Table.Td>
                    <Table.Td>{actionLabel(entry.action)}</Table.Td>
                    <Table.Td>{entry.actorName ?? entry.actorUsername ?? '–'}</Table.Td>
                    <Table.Td>{entry.organizationName ?? '–'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ScrollTable>
            <PaginationBar page={page} pageSize={PAGE_SIZE} total={log.data.total} onChange={setPage} />
          </>
        )}
      </Stack>
    </Modal>
  );
}

import { Anchor, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconTrash, IconUserOff } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type {
  RecordRetentionDue,
  RecordRetentionResult,
  RetentionDueItem,
} from '../../../../shared/peopleData.ts';
import { ConfirmModal } from '../../../components/ConfirmModal.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { api } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useRetentionDue } from '../api/peopleData.ts';
import { AnonymizeModal } from '../components/AnonymizeModal.tsx';

const PAGE_SIZE = 25;

/** The people of the caller's prison whose retention period has ended, to be anonymized one by one. */
export function RetentionPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('halaman')) || 1);
  const due = useRetentionDue(page, PAGE_SIZE);
  const [chosen, setChosen] = useState<RetentionDueItem | null>(null);

  return (
    <Stack gap="md">
      <PageHeader title={t('peopleData.retention.title')} />
      <Text size="sm">{t('peopleData.retention.introDefault')}</Text>
      {due.isPending ? (
        <PageLoader />
      ) : due.isError ? (
        <QueryError error={due.error} onRetry={() => void due.refetch()} />
      ) : (
        <>
          {due.data.items.length === 0 ? (
            <Text size="sm">{t('peopleData.retention.empty')}</Text>
          ) : (
            <>
              <ScrollTable label={t('peopleData.retention.tableLabel')} minWidth={720}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('peopleData.retention.name')}</Table.Th>
                    <Table.Th>{t('peopleData.retention.registrationNumber')}</Table.Th>
                    <Table.Th>{t('peopleData.retention.basis')}</Table.Th>
                    <Table.Th>{t('peopleData.retention.endedOn')}</Table.Th>
                    <Table.Th>{t('peopleData.retention.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {due.data.items.map((item) => (
                    <Table.Tr key={item.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/warga/${item.id}`}>
                          {item.displayName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>{item.registrationNumber ?? '–'}</Table.Td>
                      <Table.Td>
                        {t(`peopleData.retention.basisKind.${item.basis}`, {
                          date: formatDate(item.basisDate),
                        })}
                      </Table.Td>
                      <Table.Td>{formatDate(item.endedOn)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          color="red"
                          variant="light"
                          leftSection={<IconUserOff size={14} aria-hidden />}
                          onClick={() => setChosen(item)}
                          aria-label={`${t('peopleData.export.anonymize')}: ${item.displayName}`}
                        >
                          {t('peopleData.export.anonymize')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <PaginationBar
                page={page}
                pageSize={PAGE_SIZE}
                total={due.data.total}
                onChange={(next) => setParams({ halaman: String(next) }, { replace: true })}
              />
            </>
          )}
          <RecordRetentionSection records={due.data.records} />
        </>
      )}
      <AnonymizeModal person={chosen} onClose={() => setChosen(null)} />
    </Stack>
  );
}

function useApplyRecordRetention() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<RecordRetentionResult>('/api/people/retention/apply', { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['people'] }),
  });
}

const RECORD_KINDS = ['caseNotes', 'documents', 'importRuns'] as const;

/** Notes, documents and import runs past their own retention period, cleared together after a confirmation. */
function RecordRetentionSection({ records }: { records: RecordRetentionDue }) {
  const { t } = useTranslation();
  const apply = useApplyRecordRetention();
  const [confirming, setConfirming] = useState(false);
  const counts = {
    notes: records.caseNotes.due,
    documents: records.documents.due,
    imports: records.importRuns.due,
  };
  const nothingDue = counts.notes + counts.documents + counts.imports === 0;

  const submit = () =>
    apply.mutate(undefined, {
      onSuccess: (result) => {
        notifySuccess(
          t('peopleData.retention.records.done', {
            notes: result.notesErased,
            documents: result.documentsDeleted,
            imports: result.importRunsCleared,
          }),
        );
        setConfirming(false);
      },
      onError: (failure) => {
        notifyError(failure);
        setConfirming(false);
      },
    });

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="record-retention-title">
      <Stack gap="sm">
        <Title order={2} fz="h4" id="record-retention-title">
          {t('peopleData.retention.records.title')}
        </Title>
        <Text size="sm">{t('peopleData.retention.records.intro')}</Text>
        <Table aria-label={t('peopleData.retention.records.tableLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('peopleData.retention.records.kind')}</Table.Th>
              <Table.Th>{t('peopleData.retention.records.period')}</Table.Th>
              <Table.Th ta="right">{t('peopleData.retention.records.due')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {RECORD_KINDS.map((kind) => (
              <Table.Tr key={kind}>
                <Table.Td>{t(`peopleData.retention.records.${kind}`)}</Table.Td>
                <Table.Td>{t('peopleData.retention.records.years', { years: records[kind].years })}</Table.Td>
                <Table.Td ta="right">{records[kind].due}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {nothingDue ? (
          <Text size="sm">{t('peopleData.retention.records.none')}</Text>
        ) : (
          <Group justify="flex-end">
            <Button
              color="red"
              variant="light"
              leftSection={<IconTrash size={16} aria-hidden />}
              onClick={() => setConfirming(true)}
            >
              {t('peopleData.retention.records.apply')}
            </Button>
          </Group>
        )}
      </Stack>
      <ConfirmModal
        opened={confirming}
        title={t('peopleData.retention.records.confirmTitle')}
        confirmLabel={t('peopleData.retention.records.confirm')}
        confirmColor="red"
        loading={apply.isPending}
        onConfirm={submit}
        onClose={() => setConfirming(false)}
      >
        {t('peopleData.retention.records.confirmText', counts)}
      </ConfirmModal>
    </Paper>
  );
}

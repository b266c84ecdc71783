import {
  Autocomplete,
  Button,
  Group,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { IconDownload, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/audit.ts';
import { AUDIT_ACTIONS } from '../../../../shared/vocabulary.ts';
import { DateField } from '../../../components/DateField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY, formatDateTime } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { type AuditFilter, auditExportUrl, useAuditEntries } from '../api/audit.ts';
import { AuditDetailsModal } from '../components/AuditDetailsModal.tsx';
import { useAuditActionLabel, useAuditSubjectLabel } from '../components/useAuditActionLabel.ts';

const PAGE_SIZE = 50;
const TEXT_FILTERS = ['username', 'action', 'subjectType', 'subjectId'] as const;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function dateParam(value: string | null): string | undefined {
  return value && DATE_ONLY.test(value) ? value : undefined;
}

export function AuditLogPage() {
  const { t } = useTranslation();
  const actionLabel = useAuditActionLabel();
  const subjectLabel = useAuditSubjectLabel();
  const [selected, setSelected] = useState<AuditEntry | null>(null);
  // Typed filters reach the address (and the query) once typing pauses.
  const { params, text, setText, update, clear } = useAddressFilters({
    textKeys: TEXT_FILTERS,
    pageKey: 'page',
    delay: 400,
  });
  const from = dateParam(params.get('from'));
  const to = dateParam(params.get('to'));
  const page = Math.max(1, Number(params.get('page')) || 1);

  const filter: AuditFilter = { from, to };
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) filter[key] = value;
  }
  const entries = useAuditEntries(filter, page, PAGE_SIZE);

  const hasFilters = Object.values(filter).some(Boolean);

  const actionOptions = AUDIT_ACTIONS.map((action) => ({ value: action, label: action }));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('audit.title')}
        actions={
          <Button
            component="a"
            href={auditExportUrl(filter)}
            download
            variant="default"
            leftSection={<IconDownload size={16} aria-hidden />}
          >
            {t('audit.export')}
          </Button>
        }
      />

      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
        <TextInput
          label={t('audit.username')}
          value={text.username}
          onChange={(event) => setText('username', event.currentTarget.value)}
          autoCapitalize="none"
          spellCheck={false}
        />
        <Autocomplete
          label={t('audit.action')}
          data={actionOptions}
          value={text.action}
          onChange={(value) => setText('action', value)}
          spellCheck={false}
        />
        <TextInput
          label={t('audit.subjectType')}
          value={text.subjectType}
          onChange={(event) => setText('subjectType', event.currentTarget.value)}
          spellCheck={false}
        />
        <TextInput
          label={t('audit.subjectId')}
          value={text.subjectId}
          onChange={(event) => setText('subjectId', event.currentTarget.value)}
          spellCheck={false}
        />
        <DateField
          label={t('audit.from')}
          value={from ?? null}
          onChange={(value) => update({ from: value })}
          maxDate={to}
          clearable
        />
        <DateField
          label={t('audit.to')}
          value={to ?? null}
          onChange={(value) => update({ to: value })}
          minDate={from}
          clearable
        />
      </SimpleGrid>
      {hasFilters && (
        <Group>
          <Button
            variant="subtle"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={clear}
            px="xs"
          >
            {t('audit.clear')}
          </Button>
        </Group>
      )}

      {entries.isPending ? (
        <PageLoader />
      ) : entries.isError ? (
        <QueryError error={entries.error} onRetry={() => void entries.refetch()} />
      ) : entries.data.items.length === 0 ? (
        <Text>{t('audit.empty')}</Text>
      ) : (
        <>
          <ScrollTable label={t('audit.title')} minWidth={880}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('audit.time')}</Table.Th>
                <Table.Th>{t('audit.actor')}</Table.Th>
                <Table.Th>{t('audit.action')}</Table.Th>
                <Table.Th>{t('audit.subject')}</Table.Th>
                <Table.Th>{t('audit.ip')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('audit.details')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {entries.data.items.map((entry) => (
                <Table.Tr key={entry.id}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(entry.at)}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {entry.actorUsername ?? t('audit.system')}
                    </Text>
                    {entry.actorOrganizationName && (
                      <Text size="xs" c="dimmed">
                        {entry.actorOrganizationName}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{actionLabel(entry.action)}</Text>
                    <Text size="xs" c="dimmed" ff="monospace">
                      {entry.action}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {entry.subjectType ? (
                      <>
                        <Text size="sm">{subjectLabel(entry.subjectType)}</Text>
                        <Text size="xs" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                          {entry.subjectId ?? EMPTY}
                        </Text>
                      </>
                    ) : (
                      EMPTY
                    )}
                  </Table.Td>
                  <Table.Td ff="monospace" fz="xs">
                    {entry.ip ?? EMPTY}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setSelected(entry)}
                      aria-label={`${t('audit.showDetails')}: ${actionLabel(entry.action)}, ${formatDateTime(entry.at)}`}
                    >
                      {t('audit.showDetails')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <PaginationBar
            page={entries.data.page}
            pageSize={entries.data.pageSize}
            total={entries.data.total}
            onChange={(next) => update({ page: String(next) })}
          />
        </>
      )}

      <AuditDetailsModal entry={selected} onClose={() => setSelected(null)} />
    </Stack>
  );
}

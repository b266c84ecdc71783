import { Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RuleKind } from '../../../../shared/sentence.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { formatDate, orDash } from '../../../lib/format.ts';
import { useRuleHistory } from '../api/rules.ts';

/** Every stored version of one kind of rules, newest first: version, date, who, and why. */
export function RuleHistoryTable({ kind, title }: { kind: RuleKind; title: string }) {
  const { t } = useTranslation();
  const history = useRuleHistory(kind);
  const heading = `${t('rules.history.title')}: ${title}`;
  return (
    <Stack gap="xs">
      <Title order={3} fz="h4">
        {t('rules.history.title')}
      </Title>
      {history.isPending ? (
        <PageLoader />
      ) : history.isError ? (
        <QueryError error={history.error} onRetry={() => void history.refetch()} />
      ) : history.data.items.length === 0 ? (
        <Text size="sm">{t('rules.history.empty')}</Text>
      ) : (
        <ScrollTable label={heading} minWidth={560}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('rules.history.version')}</Table.Th>
              <Table.Th>{t('rules.history.date')}</Table.Th>
              <Table.Th>{t('rules.history.by')}</Table.Th>
              <Table.Th>{t('rules.history.note')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {history.data.items.map((item) => (
              <Table.Tr key={item.version}>
                <Table.Td>{item.version}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.createdAt)}</Table.Td>
                <Table.Td>{item.createdByName ?? t('rules.history.system')}</Table.Td>
                <Table.Td>{orDash(item.note)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Stack>
  );
}

import { Alert, Card, SimpleGrid, Table, Text, Title } from '@mantine/core';
import { IconCheck, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportIssue } from '../../../shared/peopleData.ts';
import { PaginationBar } from '../PaginationBar.tsx';
import { ScrollTable } from '../ScrollTable.tsx';

const ISSUES_PER_PAGE = 50;

interface ImportReportProps {
  report: { counts: ImportCounts; issues: ImportIssue[]; issuesTruncated: boolean };
  /** The counts to show, in order (an import that never updates leaves out `update`). */
  shownCounts?: (keyof ImportCounts)[];
  /** The label of a field, for an issue that came from no single column. */
  fieldLabel: (field: string) => string;
}

/** Step 3 of an import, the dry run's report: the counts, then every invalid row by field with its reason. */
export function ImportReport({
  report,
  shownCounts = ['total', 'new', 'update', 'invalid'],
  fieldLabel,
}: ImportReportProps) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  // A new check starts at the first page of its problems.
  const [shown, setShown] = useState(report);
  if (shown !== report) {
    setShown(report);
    setPage(1);
  }
  const number = (value: number) => value.toLocaleString(i18n.language);
  return (
    <>
      <SimpleGrid cols={{ base: 2, sm: shownCounts.length }} spacing="sm">
        {shownCounts.map((key) => (
          <Card key={key} withBorder padding="sm">
            <Text size="xs" c="dimmed">
              {t(`peopleData.import.counts.${key}`)}
            </Text>
            <Text fz="xl" fw={700} c={key === 'invalid' && report.counts.invalid > 0 ? 'red.8' : undefined}>
              {number(report.counts[key])}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      <Title order={2} fz="h4">
        {t('peopleData.import.issuesTitle')}
      </Title>
      {report.issues.length === 0 ? (
        <Alert color="teal.9" variant="filled" icon={<IconCheck aria-hidden />}>
          {t('peopleData.import.issuesNone')}
        </Alert>
      ) : (
        <>
          {report.issuesTruncated && (
            <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
              {t('peopleData.import.issuesTruncated', { count: number(report.issues.length) })}
            </Alert>
          )}
          <ScrollTable label={t('peopleData.import.issuesTitle')} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('peopleData.import.issueRow')}</Table.Th>
                <Table.Th>{t('peopleData.import.issueColumn')}</Table.Th>
                <Table.Th>{t('peopleData.import.issueValue')}</Table.Th>
                <Table.Th>{t('peopleData.import.issueReason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.issues.slice((page - 1) * ISSUES_PER_PAGE, page * ISSUES_PER_PAGE).map((issue) => (
                <Table.Tr key={`${issue.row}-${issue.field}`}>
                  <Table.Td>{issue.row}</Table.Td>
                  <Table.Td>{issue.column ?? fieldLabel(issue.field)}</Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>{issue.value ?? '–'}</Table.Td>
                  <Table.Td>{issue.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <PaginationBar
            page={page}
            pageSize={ISSUES_PER_PAGE}
            total={report.issues.length}
            onChange={setPage}
          />
        </>
      )}
    </>
  );
}

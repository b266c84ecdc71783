import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Stepper,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconCheck, IconFileUpload, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  type ImportCheck,
  type ImportMapping,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
} from '../../../../shared/peopleData.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { isApiError } from '../../../lib/api.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useImportCheck, useImportCommit, useImportPreview } from '../api/peopleData.ts';

const ISSUES_PER_PAGE = 50;
const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

/** The four steps of an import: upload, map the columns, check every row (dry run), save. */
export function PersonImportPage() {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>([]);
  const [report, setReport] = useState<ImportCheck | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [issuePage, setIssuePage] = useState(1);
  const readFile = useImportPreview();
  const check = useImportCheck();
  const commit = useImportCommit();
  const number = (value: number) => value.toLocaleString(i18n.language);

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setReport(null);
    setResult(null);
  };

  const read = () => {
    if (!file) return;
    setFileError(null);
    readFile.mutate(
      { file, csrfToken },
      {
        onSuccess: (answer) => {
          setPreview(answer);
          setMapping(answer.mapping);
          setReport(null);
          setStep(1);
        },
        onError: (error) => (isApiError(error) ? setFileError(error.message) : notifyError(error)),
      },
    );
  };

  const runCheck = () => {
    if (!file) return;
    check.mutate(
      { file, mapping, csrfToken },
      {
        onSuccess: (answer) => {
          setReport(answer);
          setIssuePage(1);
          setStep(2);
        },
        onError: notifyError,
      },
    );
  };

  const save = (mode: ImportMode) => {
    if (!file) return;
    commit.mutate(
      { file, mapping, mode, csrfToken },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setStep(3);
          notifySuccess(
            t('peopleData.import.saved', {
              created: number(answer.created),
              updated: number(answer.updated),
              skipped: number(answer.skipped),
            }),
          );
        },
        onError: notifyError,
      },
    );
  };

  const fieldOptions = (index: number) => [
    { value: '', label: t('peopleData.import.ignore') },
    ...IMPORT_FIELDS.map((field) => ({
      value: field,
      label: t(`peopleData.fields.${field}`),
      disabled: mapping.some((chosen, other) => chosen === field && other !== index),
    })),
  ];
  const nameMapped = mapping.includes('fullName');

  return (
    <Stack gap="md">
      <PageHeader title={t('peopleData.import.title')} />
      <Text size="sm">{t('peopleData.import.intro', { mb: MB })}</Text>
      <Stepper
        active={step}
        size="sm"
        allowNextStepsSelect={false}
        onStepClick={(target) => target < 3 && setStep(target)}
      >
        <Stepper.Step label={t('peopleData.import.steps.upload')}>
          <Stack gap="sm" maw={520}>
            <FileInput
              label={t('peopleData.import.file')}
              placeholder={t('peopleData.import.filePlaceholder')}
              accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              leftSection={<IconFileUpload size={16} aria-hidden />}
              value={file}
              onChange={(chosen) => {
                setFile(chosen);
                setFileError(null);
              }}
              error={fileError}
              clearable
            />
            <Group>
              <Button onClick={read} disabled={!file} loading={readFile.isPending}>
                {t('peopleData.import.read')}
              </Button>
            </Group>
          </Stack>
        </Stepper.Step>

        <Stepper.Step label={t('peopleData.import.steps.map')}>
          {preview && (
            <Stack gap="md">
              <Text size="sm" fw={500}>
                {t('peopleData.import.fileSummary', {
                  name: preview.fileName,
                  rows: number(preview.rowCount),
                  columns: preview.columns.length,
                })}
              </Text>
              <Text size="sm">{t('peopleData.import.mapIntro')}</Text>
              <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
                {preview.columns.map((column) => {
                  const samples = preview.rows
                    .map((row) => row[column.index] ?? '')
                    .filter(Boolean)
                    .slice(0, 2);
                  return (
                    <Select
                      key={column.index}
                      label={
                        column.header
                          ? t('peopleData.import.column', { header: column.header })
                          : t('peopleData.import.columnUntitled', { number: column.index + 1 })
                      }
                      description={
                        samples.length > 0
                          ? t('peopleData.import.sample', { values: samples.join(' · ') })
                          : undefined
                      }
                      data={fieldOptions(column.index)}
                      value={mapping[column.index] ?? ''}
                      allowDeselect={false}
                      onChange={(value) =>
                        setMapping((current) =>
                          current.map((field, index) =>
                            index === column.index ? ((value || null) as ImportMapping[number]) : field,
                          ),
                        )
                      }
                    />
                  );
                })}
              </SimpleGrid>
              {!nameMapped && (
                <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
                  {t('peopleData.import.nameRequired')}
                </Alert>
              )}
              <Title order={2} fz="h4">
                {t('peopleData.import.preview')}
              </Title>
              <ScrollTable
                label={t('peopleData.import.preview')}
                minWidth={Math.max(480, preview.columns.length * 140)}
              >
                <Table.Thead>
                  <Table.Tr>
                    {preview.columns.map((column) => (
                      <Table.Th key={column.index}>{column.header || column.index + 1}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.rows.map((row, rowIndex) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the preview rows never reorder
                    <Table.Tr key={rowIndex}>
                      {preview.columns.map((column) => (
                        <Table.Td key={column.index}>{row[column.index]}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
              <Group>
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('peopleData.import.back')}
                </Button>
                <Button onClick={runCheck} disabled={!nameMapped} loading={check.isPending}>
                  {t('peopleData.import.runCheck')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('peopleData.import.checkIntro')}
              </Text>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step label={t('peopleData.import.steps.check')}>
          {report && (
            <Stack gap="md">
              <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                {(['total', 'new', 'update', 'invalid'] as const).map((key) => (
                  <Card key={key} withBorder padding="sm">
                    <Text size="xs" c="dimmed">
                      {t(`peopleData.import.counts.${key}`)}
                    </Text>
                    <Text
                      fz="xl"
                      fw={700}
                      c={key === 'invalid' && report.counts.invalid > 0 ? 'red.8' : undefined}
                    >
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
                      {report.issues
                        .slice((issuePage - 1) * ISSUES_PER_PAGE, issuePage * ISSUES_PER_PAGE)
                        .map((issue) => (
                          <Table.Tr key={`${issue.row}-${issue.field}`}>
                            <Table.Td>{issue.row}</Table.Td>
                            <Table.Td>
                              {issue.column ??
                                t(`peopleData.fields.${issue.field}` as 'peopleData.fields.fullName')}
                            </Table.Td>
                            <Table.Td style={{ overflowWrap: 'anywhere' }}>{issue.value ?? '–'}</Table.Td>
                            <Table.Td>{issue.reason}</Table.Td>
                          </Table.Tr>
                        ))}
                    </Table.Tbody>
                  </ScrollTable>
                  <PaginationBar
                    page={issuePage}
                    pageSize={ISSUES_PER_PAGE}
                    total={report.issues.length}
                    onChange={setIssuePage}
                  />
                </>
              )}
              <Text size="sm">{t('peopleData.import.saveIntro')}</Text>
              <Group>
                <Button variant="default" onClick={() => setStep(1)} disabled={commit.isPending}>
                  {t('peopleData.import.back')}
                </Button>
                <Button
                  onClick={() => save('all_or_nothing')}
                  disabled={report.counts.invalid > 0}
                  loading={commit.isPending && commit.variables?.mode === 'all_or_nothing'}
                >
                  {t('peopleData.import.saveAll')}
                </Button>
                <Button
                  variant="light"
                  onClick={() => save('valid_only')}
                  disabled={report.counts.new + report.counts.update === 0}
                  loading={commit.isPending && commit.variables?.mode === 'valid_only'}
                >
                  {t('peopleData.import.saveValid', {
                    count: number(report.counts.new + report.counts.update),
                  })}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>

        <Stepper.Step label={t('peopleData.import.steps.save')}>
          {result && (
            <Stack gap="md">
              <Alert
                color="teal.9"
                variant="filled"
                icon={<IconCheck aria-hidden />}
                title={t('peopleData.import.resultTitle')}
              >
                {t('peopleData.import.saved', {
                  created: number(result.created),
                  updated: number(result.updated),
                  skipped: number(result.skipped),
                })}
              </Alert>
              <Group>
                <Button variant="default" onClick={restart}>
                  {t('peopleData.import.again')}
                </Button>
                <Button component={Link} to="/warga">
                  {t('peopleData.import.toList')}
                </Button>
              </Group>
            </Stack>
          )}
        </Stepper.Step>
      </Stepper>
    </Stack>
  );
}

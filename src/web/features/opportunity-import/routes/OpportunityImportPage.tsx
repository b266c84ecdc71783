import { Alert, Button, Group, List, Radio, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { IMPORT_MAX_BYTES, type ImportMode } from '../../../../shared/peopleData.ts';
import {
  VILLAGE_IMPORT_FIELDS,
  VILLAGE_IMPORT_MAX_ROWS,
  VILLAGE_IMPORT_REQUIRED,
  type VillageImportCheck,
  type VillageImportField,
  type VillageImportPreview,
  type VillageImportResult,
  type VillageImportTarget,
} from '../../../../shared/villageImport.ts';
import { ColumnMapping, ImportPreviewTable } from '../../../components/import/ColumnMapping.tsx';
import { ImportReport } from '../../../components/import/ImportReport.tsx';
import { ImportResult } from '../../../components/import/ImportResult.tsx';
import { ImportSaveButtons } from '../../../components/import/ImportSaveButtons.tsx';
import { ImportStepper } from '../../../components/import/ImportStepper.tsx';
import { ImportUploadStep } from '../../../components/import/ImportUploadStep.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { isApiError } from '../../../lib/api.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import {
  useVillageImportCheck,
  useVillageImportCommit,
  useVillageImportPreview,
} from '../api/opportunityImport.ts';

const MB = Math.round(IMPORT_MAX_BYTES / 1024 / 1024);

/** The target in the address: `?jenis=mitra` or `?jenis=peluang` (the default). */
const TARGET_PARAM: Record<VillageImportTarget, string> = { partners: 'mitra', opportunities: 'peluang' };
const LIST_PATH: Record<VillageImportTarget, string> = { partners: '/mitra', opportunities: '/peluang' };

const FORMAT_LINES = {
  partners: ['type', 'sectors', 'village', 'willing', 'dates'],
  opportunities: ['kind', 'partner', 'skills', 'pattern', 'status'],
} as const;

/**
 * Import of partners or opportunities from a spreadsheet, in the people import's steps: choose what the
 * file holds and upload it, map its columns, check every row (dry run: each invalid row by field and reason),
 * save all or nothing or the valid rows only.
 */
export function OpportunityImportPage() {
  const { t, i18n } = useTranslation();
  const { csrfToken } = useSession();
  const [params, setParams] = useSearchParams();
  const target: VillageImportTarget =
    params.get('jenis') === TARGET_PARAM.partners ? 'partners' : 'opportunities';
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<VillageImportPreview | null>(null);
  const [mapping, setMapping] = useState<(VillageImportField | null)[]>([]);
  const [report, setReport] = useState<VillageImportCheck | null>(null);
  const [result, setResult] = useState<VillageImportResult | null>(null);
  const readFile = useVillageImportPreview();
  const check = useVillageImportCheck();
  const commit = useVillageImportCommit();
  const number = (value: number) => value.toLocaleString(i18n.language);

  const fieldLabel = (field: string) =>
    t(`opportunityImport.fields.${target}.${field}` as 'opportunityImport.fields.partners.name');
  const required: readonly string[] = VILLAGE_IMPORT_REQUIRED[target];
  const fields = (VILLAGE_IMPORT_FIELDS[target] as readonly VillageImportField[]).map((field) => ({
    value: field,
    label: required.includes(field)
      ? t('opportunityImport.required', { label: fieldLabel(field) })
      : fieldLabel(field),
  }));
  const missing = required.filter((field) => !mapping.includes(field as VillageImportField));
  const savedMessage = (answer: VillageImportResult) =>
    t(`opportunityImport.saved.${answer.target}`, {
      created: number(answer.created),
      updated: number(answer.updated),
      skipped: number(answer.skipped),
    });

  const restart = () => {
    setStep(0);
    setFile(null);
    setPreview(null);
    setReport(null);
    setResult(null);
  };

  const chooseTarget = (value: string) => {
    restart();
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        next.set('jenis', TARGET_PARAM[value as VillageImportTarget]);
        return next;
      },
      { replace: true },
    );
  };

  const read = () => {
    if (!file) return;
    setFileError(null);
    readFile.mutate(
      { target, file, csrfToken },
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
      { target, file, mapping, csrfToken },
      {
        onSuccess: (answer) => {
          setReport(answer);
          setStep(2);
        },
        onError: notifyError,
      },
    );
  };

  const save = (mode: ImportMode) => {
    if (!file) return;
    commit.mutate(
      { target, file, mapping, mode, csrfToken },
      {
        onSuccess: (answer) => {
          setResult(answer);
          setStep(3);
          notifySuccess(savedMessage(answer));
        },
        onError: notifyError,
      },
    );
  };

  return (
    <Stack gap="md">
      <PageHeader title={t('opportunityImport.title')} />
      <Text size="sm">{t('opportunityImport.intro', { mb: MB, rows: number(VILLAGE_IMPORT_MAX_ROWS) })}</Text>
      <ImportStepper
        step={step}
        onStepChange={setStep}
        upload={
          <ImportUploadStep
            file={file}
            onFileChange={(chosen) => {
              setFile(chosen);
              setFileError(null);
            }}
            error={fileError}
            onRead={read}
            reading={readFile.isPending}
          >
            <Radio.Group
              label={t('opportunityImport.target')}
              description={t(`opportunityImport.targetHint.${target}`)}
              value={target}
              onChange={chooseTarget}
            >
              <Group mt="xs">
                <Radio value="opportunities" label={t('opportunityImport.targets.opportunities')} />
                <Radio value="partners" label={t('opportunityImport.targets.partners')} />
              </Group>
            </Radio.Group>
          </ImportUploadStep>
        }
        map={
          preview && (
            <Stack gap="md">
              <Text size="sm" fw={500}>
                {t('peopleData.import.fileSummary', {
                  name: preview.fileName,
                  rows: number(preview.rowCount),
                  columns: preview.columns.length,
                })}
              </Text>
              <Text size="sm">{t('opportunityImport.mapIntro')}</Text>
              <ColumnMapping preview={preview} mapping={mapping} onChange={setMapping} fields={fields} />
              {missing.length > 0 && (
                <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
                  {t('opportunityImport.requiredMissing', { fields: missing.map(fieldLabel).join(', ') })}
                </Alert>
              )}
              <Title order={2} fz="h4">
                {t('opportunityImport.formatTitle')}
              </Title>
              <List size="sm" spacing={4}>
                {FORMAT_LINES[target].map((line) => (
                  <List.Item key={line}>
                    {t(
                      `opportunityImport.format.${target}.${line}` as 'opportunityImport.format.partners.type',
                    )}
                  </List.Item>
                ))}
              </List>
              <ImportPreviewTable preview={preview} />
              <Group>
                <Button variant="default" onClick={() => setStep(0)}>
                  {t('peopleData.import.back')}
                </Button>
                <Button onClick={runCheck} disabled={missing.length > 0} loading={check.isPending}>
                  {t('peopleData.import.runCheck')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('peopleData.import.checkIntro')}
              </Text>
            </Stack>
          )
        }
        check={
          report && (
            <Stack gap="md">
              <ImportReport
                report={report}
                shownCounts={target === 'partners' ? undefined : ['total', 'new', 'invalid']}
                fieldLabel={fieldLabel}
              />
              <ImportSaveButtons
                counts={report.counts}
                saving={commit.isPending ? (commit.variables?.mode ?? null) : null}
                onBack={() => setStep(1)}
                onSave={save}
              />
            </Stack>
          )
        }
        save={
          result && (
            <ImportResult
              message={savedMessage(result)}
              onAgain={restart}
              list={{ to: LIST_PATH[result.target], label: t(`opportunityImport.toList.${result.target}`) }}
            />
          )
        }
      />
    </Stack>
  );
}

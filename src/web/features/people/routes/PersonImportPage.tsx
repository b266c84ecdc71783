import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  IMPORT_FIELDS,
  IMPORT_MAX_BYTES,
  type ImportCheck,
  type ImportMapping,
  type ImportMode,
  type ImportPreview,
  type ImportResult as ImportResultData,
} from '../../../../shared/peopleData.ts';
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
import { useImportCheck, useImportCommit, useImportPreview } from '../api/peopleData.ts';

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
  const [result, setResult] = useState<ImportResultData | null>(null);
  const readFile = useImportPreview();
  const check = useImportCheck();
  const commit = useImportCommit();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const savedMessage = (answer: ImportResultData) =>
    t('peopleData.import.saved', {
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
          notifySuccess(savedMessage(answer));
        },
        onError: notifyError,
      },
    );
  };

  const fields = IMPORT_FIELDS.map((field) => ({ value: field, label: t(`peopleData.fields.${field}`) }));
  const nameMapped = mapping.includes('fullName');

  return (
    <Stack gap="md">
      <PageHeader title={t('peopleData.import.title')} />
      <Text size="sm">{t('peopleData.import.intro', { mb: MB })}</Text>
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
          />
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
              <Text size="sm">{t('peopleData.import.mapIntro')}</Text>
              <ColumnMapping preview={preview} mapping={mapping} onChange={setMapping} fields={fields} />
              {!nameMapped && (
                <Alert color="yellow" icon={<IconInfoCircle aria-hidden />}>
                  {t('peopleData.import.nameRequired')}
                </Alert>
              )}
              <ImportPreviewTable preview={preview} />
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
          )
        }
        check={
          report && (
            <Stack gap="md">
              <ImportReport
                report={report}
                fieldLabel={(field) => t(`peopleData.fields.${field}` as 'peopleData.fields.fullName')}
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
              list={{ to: '/warga', label: t('peopleData.import.toList') }}
            />
          )
        }
      />
    </Stack>
  );
}

import {
  Button,
  FileInput,
  Group,
  Paper,
  Progress,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DOCUMENT_CATEGORIES,
  type DocumentCategory,
  MAX_DOCUMENT_BYTES,
  MAX_DOCUMENT_MB,
} from '../../../../shared/documents.ts';
import type { RecordVisibility } from '../../../../shared/notes.ts';
import { showServerErrors } from '../../../lib/formErrors.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useSession } from '../../auth/api/session.ts';
import { useUploadDocument } from '../api/records.ts';
import { optionsOf } from './vocabulary.ts';

interface UploadValues {
  file: File | null;
  category: DocumentCategory | null;
  title: string;
  visibility: RecordVisibility;
}

const ACCEPTED = 'application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png';

/** Uploads one document (PDF, JPEG, PNG ≤ 10 MB; the server checks the content) with its progress. */
export function DocumentUploadForm({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const me = useSession();
  const upload = useUploadDocument(personId);
  const [progress, setProgress] = useState(0);
  const form = useForm<UploadValues>({
    initialValues: { file: null, category: null, title: '', visibility: 'corrections' },
    validate: {
      file: (file) => {
        if (!file) return t('common.required');
        if (file.size > MAX_DOCUMENT_BYTES) return t('records.documents.tooLarge');
        return null;
      },
      category: (value) => (value ? null : t('common.required')),
      title: (value) => (value.trim() ? null : t('common.required')),
    },
  });

  const submit = form.onSubmit((values) => {
    if (!values.file || !values.category) return;
    setProgress(0);
    upload.mutate(
      {
        file: values.file,
        category: values.category,
        title: values.title.trim(),
        visibility: values.visibility,
        csrfToken: me.csrfToken,
        onProgress: setProgress,
      },
      {
        onSuccess: () => {
          notifySuccess(t('records.documents.uploaded'));
          form.reset();
        },
        onError: (error) => showServerErrors(form, error, { codes: { DOCUMENT_TOO_LARGE: 'file' } }),
      },
    );
  });

  const percent = Math.round(progress * 100);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="document-form-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={3} size="h4" id="document-form-title">
            {t('records.documents.formTitle')}
          </Title>
          <FileInput
            label={t('records.documents.file')}
            placeholder={t('records.documents.filePlaceholder')}
            description={t('records.documents.fileHint', { maxMb: MAX_DOCUMENT_MB })}
            accept={ACCEPTED}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clearSelection') }}
            withAsterisk
            leftSection={<IconFileUpload size={16} aria-hidden />}
            {...form.getInputProps('file')}
            onChange={(file) => {
              form.setFieldValue('file', file);
              // The title defaults to the file's name, without its extension.
              if (file && !form.values.title.trim())
                form.setFieldValue('title', file.name.replace(/\.[^.]+$/, ''));
              form.validateField('file');
            }}
          />
          <Group grow align="flex-start" wrap="wrap" gap="sm">
            <Select
              label={t('records.documents.category')}
              data={optionsOf(DOCUMENT_CATEGORIES, (category) =>
                t(`records.documents.categories.${category}`),
              )}
              withAsterisk
              miw={180}
              {...form.getInputProps('category')}
            />
            <TextInput
              label={t('records.documents.titleLabel')}
              maxLength={200}
              withAsterisk
              miw={180}
              {...form.getInputProps('title')}
            />
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="document-visibility-label">
              {t('records.visibility.label')}
            </Text>
            <SegmentedControl
              aria-labelledby="document-visibility-label"
              data={[
                { value: 'corrections', label: t('records.visibility.corrections') },
                { value: 'shared', label: t('records.visibility.shared') },
              ]}
              {...form.getInputProps('visibility')}
            />
            <Text size="xs" c="dimmed">
              {t(
                form.values.visibility === 'corrections'
                  ? 'records.visibility.correctionsHint'
                  : 'records.visibility.sharedHint',
              )}
            </Text>
          </Stack>
          {upload.isPending && (
            <Stack gap={4}>
              <Progress value={percent} aria-label={t('records.documents.uploading', { percent })} />
              <Text size="xs" c="dimmed" aria-live="polite">
                {t('records.documents.uploading', { percent })}
              </Text>
            </Stack>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={upload.isPending}>
              {t('records.documents.upload')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

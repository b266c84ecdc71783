import { Button, FileInput, Group, Stack } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ImportUploadStepProps {
  file: File | null;
  onFileChange: (file: File | null) => void;
  /** The server's reason the file could not be read, shown on the field. */
  error: string | null;
  onRead: () => void;
  reading: boolean;
  /** Choices made before the file (what it holds), shown above the file field. */
  children?: ReactNode;
}

/** Step 1 of an import: choose an XLSX or CSV file and read it. */
export function ImportUploadStep({
  file,
  onFileChange,
  error,
  onRead,
  reading,
  children,
}: ImportUploadStepProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm" maw={520}>
      {children}
      <FileInput
        label={t('peopleData.import.file')}
        placeholder={t('peopleData.import.filePlaceholder')}
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        leftSection={<IconFileUpload size={16} aria-hidden />}
        value={file}
        onChange={onFileChange}
        error={error}
        clearable
      />
      <Group>
        <Button onClick={onRead} disabled={!file} loading={reading}>
          {t('peopleData.import.read')}
        </Button>
      </Group>
    </Stack>
  );
}

import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportCounts, ImportMode } from '../../../shared/peopleData.ts';

interface ImportSaveButtonsProps {
  counts: ImportCounts;
  /** The mode being saved, while it is. */
  saving: ImportMode | null;
  onBack: () => void;
  onSave: (mode: ImportMode) => void;
}

/** The end of the dry run: back to the mapping, save all or nothing (only when every row is valid), or the valid rows only. */
export function ImportSaveButtons({ counts, saving, onBack, onSave }: ImportSaveButtonsProps) {
  const { t, i18n } = useTranslation();
  const valid = counts.new + counts.update;
  return (
    <>
      <Text size="sm">{t('peopleData.import.saveIntro')}</Text>
      <Group>
        <Button variant="default" onClick={onBack} disabled={saving !== null}>
          {t('peopleData.import.back')}
        </Button>
        <Button
          onClick={() => onSave('all_or_nothing')}
          disabled={counts.invalid > 0}
          loading={saving === 'all_or_nothing'}
        >
          {t('peopleData.import.saveAll')}
        </Button>
        <Button
          variant="light"
          onClick={() => onSave('valid_only')}
          disabled={valid === 0}
          loading={saving === 'valid_only'}
        >
          {t('peopleData.import.saveValid', { count: valid.toLocaleString(i18n.language) })}
        </Button>
      </Group>
    </>
  );
}

import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SimilarPeople } from '../../../../shared/people.ts';
import { SimilarPeopleList } from './SimilarPeopleList.tsx';

interface SimilarPeopleModalProps {
  /** The people found, or null when the modal is closed. */
  items: SimilarPeople['items'] | null;
  /** The server's explanation (PERSON_SIMILAR_EXISTS). */
  message: string;
  saving: boolean;
  onSaveAnyway: () => void;
  onClose: () => void;
}

/** Shown when the server refused to save because someone similar exists: check, then save anyway or stop. */
export function SimilarPeopleModal({
  items,
  message,
  saving,
  onSaveAnyway,
  onClose,
}: SimilarPeopleModalProps) {
  const { t } = useTranslation();
  return (
    <Modal opened={items !== null} onClose={onClose} title={t('people.form.similarTitle')} centered>
      <Stack gap="sm">
        <Text size="sm">{message}</Text>
        {items && items.length > 0 && <SimilarPeopleList items={items} />}
        <Group justify="flex-end" gap="sm" mt="sm">
          <Button variant="default" onClick={onClose} disabled={saving}>
            {t('common.cancel')}
          </Button>
          <Button color="red.9" onClick={onSaveAnyway} loading={saving}>
            {t('people.form.similarSaveAnyway')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

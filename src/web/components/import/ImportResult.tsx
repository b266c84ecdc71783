import { Alert, Button, Group, Stack } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

interface ImportResultProps {
  /** What was stored, in the page's words. */
  message: string;
  onAgain: () => void;
  /** Where the imported records are listed. */
  list: { to: string; label: string };
}

/** Step 4 of an import: what was stored, another file, or the list. */
export function ImportResult({ message, onAgain, list }: ImportResultProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="md">
      <Alert
        color="teal.9"
        variant="filled"
        icon={<IconCheck aria-hidden />}
        title={t('peopleData.import.resultTitle')}
      >
        {message}
      </Alert>
      <Group>
        <Button variant="default" onClick={onAgain}>
          {t('peopleData.import.again')}
        </Button>
        <Button component={Link} to={list.to}>
          {list.label}
        </Button>
      </Group>
    </Stack>
  );
}

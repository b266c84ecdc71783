import { Alert, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useSimilarPeople } from '../api/people.ts';
import { SimilarPeopleList } from './SimilarPeopleList.tsx';
import { WARNING_ALERT } from './vocabulary.ts';

interface SimilarPeopleAlertProps {
  fullName: string;
  birthDate: string | null;
  excludeId?: string;
}

/** An early, non-blocking warning while the form is filled: she may already be registered. */
export function SimilarPeopleAlert({ fullName, birthDate, excludeId }: SimilarPeopleAlertProps) {
  const { t } = useTranslation();
  const [name] = useDebouncedValue(fullName, 400);
  const similar = useSimilarPeople(name, birthDate, excludeId);
  const items = similar.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert
      {...WARNING_ALERT}
      title={t('people.form.similarTitle')}
      icon={<IconUsers aria-hidden />}
      role="status"
    >
      <Text size="sm" mb={4}>
        {t('people.form.similarText')}
      </Text>
      <SimilarPeopleList items={items} />
    </Alert>
  );
}

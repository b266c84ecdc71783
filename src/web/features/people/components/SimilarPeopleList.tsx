import { Anchor, List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SimilarPeople } from '../../../../shared/people.ts';
import { formatDate } from '../../../lib/format.ts';

/** People with a similar name and the same birth date, each opening in a new tab so the form stays filled. */
export function SimilarPeopleList({ items }: { items: SimilarPeople['items'] }) {
  const { t } = useTranslation();
  return (
    <List size="sm" spacing={4}>
      {items.map((person) => (
        <List.Item key={person.id}>
          <Anchor
            href={`/warga/${person.id}`}
            target="_blank"
            rel="noopener"
            fw={600}
            c="blue.9"
            aria-label={t('people.form.similarOpen', { name: person.displayName })}
          >
            {person.displayName}
          </Anchor>
          <Text component="span" size="sm">
            {' '}
            · {formatDate(person.birthDate)}
            {person.registrationNumber &&
              ` · ${t('people.form.similarRegistration', { number: person.registrationNumber })}`}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

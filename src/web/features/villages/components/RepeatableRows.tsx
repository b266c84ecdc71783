import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { VILLAGE_LIMITS } from '../../../../shared/villages.ts';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import {
  newContactRow,
  newFacilityRow,
  newNeedRow,
  newPotentialRow,
  type VillageFormValues,
} from './villageForm.ts';

/**
 * The repeated lists of the profile form: the noun of one row (it names the texts, e.g. `contact` →
 * `villages.form.contactNumber`, `removeContact`, `addContact`, test id `contact-row`), how a new row
 * starts and how many rows the list may hold.
 */
const LISTS = {
  contacts: { noun: 'contact', newRow: newContactRow, max: VILLAGE_LIMITS.contacts },
  potentials: { noun: 'potential', newRow: newPotentialRow, max: VILLAGE_LIMITS.rows },
  needs: { noun: 'need', newRow: newNeedRow, max: VILLAGE_LIMITS.rows },
  facilities: { noun: 'facility', newRow: newFacilityRow, max: VILLAGE_LIMITS.rows },
} as const;

type List = keyof typeof LISTS;

/** What the rows need of the profile form (`useForm<VillageFormValues>`). */
interface RowsForm {
  getValues(): VillageFormValues;
  removeListItem(list: List, index: number): void;
  insertListItem(list: List, row: VillageFormValues[List][number]): void;
}

const capitalized = <Word extends string>(word: Word) =>
  `${word.charAt(0).toUpperCase()}${word.slice(1)}` as Capitalize<Word>;

/**
 * One repeated section of the profile form (`villages.form.<list>Section`, its hint and empty text): a
 * numbered list of bordered rows, each with a heading and a remove button, then the add button while
 * the list has room. The section renders only the fields of a row.
 */
export function RepeatableRows<L extends List>({
  form,
  list,
  children,
}: {
  form: RowsForm;
  list: L;
  children: (row: VillageFormValues[L][number], index: number, number: number) => ReactNode;
}) {
  const { t } = useTranslation();
  const { noun, newRow, max } = LISTS[list];
  const Noun = capitalized(noun);
  const rows: VillageFormValues[L][number][] = form.getValues()[list];
  return (
    <SectionCard title={t(`villages.form.${list}Section`)} id={`village-form-${list}`}>
      <Text size="sm" c="dimmed">
        {t(`villages.form.${list}Hint`)}
      </Text>
      {rows.length === 0 && <Text size="sm">{t(`villages.form.no${capitalized(list)}`)}</Text>}
      <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
        {rows.map((row, index) => {
          const number = index + 1;
          return (
            <Paper key={row.key} withBorder p="sm" component="li" data-testid={`${noun}-row`}>
              <Group justify="space-between" gap="xs" mb={4} wrap="nowrap">
                <Title order={3} fz="sm">
                  {t(`villages.form.${noun}Number`, { number })}
                </Title>
                <RemoveRowButton
                  label={t(`villages.form.remove${Noun}`, { number })}
                  onClick={() => form.removeListItem(list, index)}
                />
              </Group>
              {children(row, index, number)}
            </Paper>
          );
        })}
      </Stack>
      {rows.length < max && (
        <AddRowButton onClick={() => form.insertListItem(list, newRow())}>
          {t(`villages.form.add${Noun}`)}
        </AddRowButton>
      )}
    </SectionCard>
  );
}

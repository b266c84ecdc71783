import { SimpleGrid, TextInput } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import type { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField.tsx';
import { type MeetingParticularsValues, timeProblem } from './meetingForm.ts';

/** What an input gets from the form (Mantine's own type is not reachable from its ESM typings). */
type InputProps = ReturnType<ReturnType<typeof useForm<MeetingParticularsValues>>['getInputProps']>;

/** What the fields need of a form holding the particulars (the create form, the edit dialog). */
interface ParticularsForm {
  getInputProps: (path: keyof MeetingParticularsValues & string) => InputProps;
}

/** Title, date (dd/mm/yyyy), start and end time, place, chair and note taker. */
export function ParticularsFields({ form }: { form: ParticularsForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('meetings.form.title')}
        withAsterisk
        maxLength={300}
        {...form.getInputProps('title')}
      />
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        <DateField label={t('meetings.form.heldOn')} withAsterisk {...form.getInputProps('heldOn')} />
        <TimeInput label={t('meetings.form.startsAt')} {...form.getInputProps('startsAt')} />
        <TimeInput label={t('meetings.form.endsAt')} {...form.getInputProps('endsAt')} />
      </SimpleGrid>
      <TextInput
        label={t('meetings.form.place')}
        withAsterisk
        maxLength={300}
        {...form.getInputProps('place')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('meetings.form.chair')}
          description={t('meetings.form.chairHint')}
          maxLength={200}
          {...form.getInputProps('chair')}
        />
        <TextInput
          label={t('meetings.form.noteTaker')}
          maxLength={200}
          {...form.getInputProps('noteTaker')}
        />
      </SimpleGrid>
    </>
  );
}

/** The client's checks of the particulars (the server checks again and words the same rules). */
export function useParticularsValidation() {
  const { t } = useTranslation();
  const required = t('common.required');
  return {
    title: (value: string) => (value.trim() ? null : required),
    heldOn: (value: string | null) => (value ? null : required),
    place: (value: string) => (value.trim() ? null : required),
    endsAt: (value: string, values: MeetingParticularsValues) => {
      const problem = timeProblem(values.startsAt, value);
      return problem ? t(`meetings.form.${problem}`) : null;
    },
  };
}

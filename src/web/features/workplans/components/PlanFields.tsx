import { SimpleGrid, Textarea, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../../components/DateField.tsx';

/** The plan's own fields (create page and edit modal); the agreement is chosen apart. */
export interface PlanFieldValues {
  agreementId: string | null;
  title: string;
  objectives: string;
  periodStart: string | null;
  periodEnd: string | null;
}

/** Validation shared by the create page and the edit modal (the server checks again). */
export function planValidation(required: string, endBeforeStart: string) {
  return {
    agreementId: (value: string | null) => (value ? null : required),
    title: (value: string) => (value.trim() ? null : required),
    periodStart: (value: string | null) => (value ? null : required),
    periodEnd: (value: string | null, values: PlanFieldValues) => {
      if (!value) return required;
      return values.periodStart && value < values.periodStart ? endBeforeStart : null;
    },
  };
}

/** The parts of a `useForm<PlanFieldValues>()` the fields use (the create page and the edit modal). */
type PlanForm = Pick<ReturnType<typeof useForm<PlanFieldValues>>, 'getInputProps' | 'getValues'>;

export function PlanFields({ form }: { form: PlanForm }) {
  const { t } = useTranslation();
  const values = form.getValues();
  return (
    <>
      <TextInput
        label={t('workplans.create.planTitle')}
        placeholder={t('workplans.create.planTitlePlaceholder')}
        withAsterisk
        maxLength={300}
        {...form.getInputProps('title')}
      />
      <Textarea
        label={t('workplans.create.objectives')}
        description={t('workplans.create.objectivesHint')}
        autosize
        minRows={3}
        maxRows={12}
        maxLength={5000}
        {...form.getInputProps('objectives')}
      />
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <DateField
          label={t('workplans.create.periodStart')}
          withAsterisk
          {...form.getInputProps('periodStart')}
        />
        <DateField
          label={t('workplans.create.periodEnd')}
          withAsterisk
          minDate={values.periodStart ?? undefined}
          {...form.getInputProps('periodEnd')}
        />
      </SimpleGrid>
    </>
  );
}

import { SegmentedControl, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { useForm } from '@mantine/form';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SESSION_OUTCOMES,
  SUPERVISION_KINDS,
  SUPERVISION_PLACE_KINDS,
  type SupervisionKind,
} from '../../../../shared/supervision.ts';
import { DateField } from '../../../components/DateField.tsx';
import { todayIso } from '../../people/components/dates.ts';
import { optionsOf } from '../../people/components/vocabulary.ts';
import type { VisitValues } from './visitDraft.ts';
import { DEFAULT_PLACE_KIND } from './vocabulary.tsx';

/** The parts of a `useForm<VisitValues>()` the fields use (the visit form and the edit dialog differ in rules). */
type VisitForm = Pick<
  ReturnType<typeof useForm<VisitValues>>,
  'values' | 'errors' | 'setValues' | 'setFieldValue' | 'clearFieldError' | 'getInputProps'
>;

interface VisitFieldsProps {
  form: VisitForm;
  /** Her release: a session cannot be earlier. */
  releasedOn: string | null;
  size?: 'sm' | 'md';
}

/**
 * The fields of a supervision session, outcome first (the one answer every visit needs): the visit form on
 * a phone (size md, big tap targets) and the edit dialog.
 */
export function VisitFields({ form, releasedOn, size = 'sm' }: VisitFieldsProps) {
  const { t } = useTranslation();
  const outcomeLabel = useId();
  const outcomeError = useId();
  const outcomeProblem = form.errors.outcome;

  const changeKind = (value: string | null) => {
    if (!value) return;
    const kind = value as SupervisionKind;
    form.setValues({ kind, placeKind: DEFAULT_PLACE_KIND[kind] });
  };

  return (
    <Stack gap="sm">
      <Stack gap={4}>
        <Text size={size} fw={500} id={outcomeLabel}>
          {t('supervision.visit.outcome')}{' '}
          <Text span c="red.8" aria-hidden>
            *
          </Text>
        </Text>
        <SegmentedControl
          aria-labelledby={outcomeLabel}
          aria-describedby={outcomeProblem ? outcomeError : undefined}
          data-outcome-control
          fullWidth
          size={size}
          // No outcome is chosen at first: the officer picks it, it is never assumed.
          value={form.values.outcome ?? ''}
          onChange={(value) => {
            form.setFieldValue('outcome', value as VisitValues['outcome']);
            form.clearFieldError('outcome');
          }}
          data={optionsOf(SESSION_OUTCOMES, (code) => t(`supervision.vocab.outcome.${code}`))}
          styles={
            outcomeProblem
              ? { root: { outline: '1px solid var(--mantine-color-red-8)', outlineOffset: 1 } }
              : undefined
          }
        />
        {outcomeProblem && (
          <Text size="sm" c="red.8" id={outcomeError}>
            {outcomeProblem}
          </Text>
        )}
      </Stack>
      <DateField
        label={t('supervision.visit.heldOn')}
        withAsterisk
        size={size}
        minDate={releasedOn ?? undefined}
        maxDate={todayIso()}
        {...form.getInputProps('heldOn')}
        value={form.values.heldOn || null}
        onChange={(value) => {
          form.setFieldValue('heldOn', value ?? '');
          form.clearFieldError('heldOn');
        }}
      />
      <Select
        label={t('supervision.visit.kind')}
        size={size}
        data={optionsOf(SUPERVISION_KINDS, (code) => t(`supervision.vocab.kind.${code}`))}
        allowDeselect={false}
        {...form.getInputProps('kind')}
        onChange={changeKind}
      />
      <Select
        label={t('supervision.visit.placeKind')}
        size={size}
        data={optionsOf(SUPERVISION_PLACE_KINDS, (code) => t(`supervision.vocab.placeKind.${code}`))}
        allowDeselect={false}
        {...form.getInputProps('placeKind')}
      />
      <TextInput
        label={t('supervision.visit.place')}
        description={t('supervision.visit.placeHint')}
        size={size}
        maxLength={200}
        {...form.getInputProps('place')}
      />
      <Textarea
        label={t('supervision.visit.notes')}
        description={t('supervision.visit.notesHint')}
        size={size}
        autosize
        minRows={3}
        maxLength={4000}
        {...form.getInputProps('notes')}
      />
      <Textarea
        label={t('supervision.visit.nextSteps')}
        size={size}
        autosize
        minRows={2}
        maxLength={2000}
        {...form.getInputProps('nextSteps')}
      />
    </Stack>
  );
}

/** The form's own checks before anything is sent (the server checks again, with dates against her release). */
export function visitValidation(
  t: (key: 'supervision.visit.outcomeRequired' | 'supervision.visit.heldOnRequired') => string,
) {
  return {
    outcome: (value: VisitValues['outcome']) => (value ? null : t('supervision.visit.outcomeRequired')),
    heldOn: (value: string) => (value ? null : t('supervision.visit.heldOnRequired')),
  };
}

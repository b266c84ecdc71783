import {
  Alert,
  Autocomplete,
  Fieldset,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { IconCalendarStats } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Program } from '../../../../shared/programs.ts';
import { DateField } from '../../../components/DateField.tsx';
import { AddRowButton, RemoveRowButton } from '../../../components/RowButtons.tsx';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useInstructorOptions, useProgramOptions } from '../api/cohorts.ts';
import { type CohortFormValues, newScheduleRow } from './cohortForm.ts';
import { previewSessions, scheduleErrors, WEEKDAYS } from './schedule.ts';

const LEGEND_STYLES = {
  legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 },
} as const;

/** The create and edit form with its client checks (what the officer can fix at once). */
export function useCohortForm(initialValues: CohortFormValues) {
  const { t } = useTranslation();
  const messages = {
    required: t('cohorts.form.required'),
    endBeforeStart: t('cohorts.form.slotEndBeforeStart'),
    overlap: t('cohorts.form.slotOverlap'),
  };
  return useForm<CohortFormValues>({
    initialValues,
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (!values.programId) errors.programId = messages.required;
      if (!values.name.trim()) errors.name = messages.required;
      if (!values.startDate) errors.startDate = messages.required;
      if (!values.endDate) errors.endDate = messages.required;
      else if (values.startDate && values.endDate < values.startDate)
        errors.endDate = t('cohorts.form.endBeforeStart');
      if (values.schedule.length === 0) errors.schedule = t('cohorts.form.noSlots');
      const rows = values.schedule.map((row) => ({
        ...row,
        weekday: row.weekday ? Number(row.weekday) : null,
      }));
      for (const [path, key] of Object.entries(scheduleErrors(rows))) errors[path] = messages[key];
      if (values.capacity === '' || Number(values.capacity) < 1) errors.capacity = messages.required;
      return errors;
    },
  });
}

// @mantine/form's type index does not resolve under nodenext: the type comes from the hook.
export type CohortForm = ReturnType<typeof useCohortForm>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `cohort-form-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

interface CohortFormFieldsProps {
  form: CohortForm;
  /** The chosen program (its default capacity, provider and instructors), once loaded. */
  program: Program | undefined;
  /** Editing an existing cohort: the program is fixed and the initial status is not asked. */
  editing: boolean;
  /** The current instructor's name, shown even when her account is no longer offered. */
  currentInstructor?: { userId: string | null; name: string | null };
}

export function CohortFormFields({ form, program, editing, currentInstructor }: CohortFormFieldsProps) {
  const { t } = useTranslation();
  const programs = useProgramOptions();
  const values = form.getValues();
  const programOptions = (programs.data?.items ?? [])
    .filter((item) => item.active || item.id === values.programId)
    .map((item) => ({ value: item.id, label: item.name }));
  if (values.programId && program && !programOptions.some((option) => option.value === program.id)) {
    programOptions.push({ value: program.id, label: program.name });
  }

  return (
    <Stack gap="md">
      <Section title={t('cohorts.form.sectionCohort')}>
        <Select
          label={t('cohorts.form.program')}
          placeholder={t('cohorts.form.programPlaceholder')}
          data={programOptions}
          searchable
          withAsterisk
          allowDeselect={false}
          disabled={editing}
          description={editing ? t('cohorts.form.programFixed') : undefined}
          nothingFoundMessage={EMPTY}
          {...form.getInputProps('programId')}
        />
        <TextInput
          label={t('cohorts.form.name')}
          placeholder={t('cohorts.form.namePlaceholder')}
          withAsterisk
          maxLength={150}
          {...form.getInputProps('name')}
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <DateField label={t('cohorts.form.startDate')} withAsterisk {...form.getInputProps('startDate')} />
          <DateField
            label={t('cohorts.form.endDate')}
            withAsterisk
            minDate={values.startDate ?? undefined}
            {...form.getInputProps('endDate')}
          />
        </SimpleGrid>
      </Section>

      <ScheduleEditor form={form} program={program} editing={editing} />

      <Section title={t('cohorts.form.instructor')}>
        <InstructorFields form={form} program={program} current={currentInstructor} />
      </Section>

      <Section title={t('cohorts.form.sectionPlace')}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          <TextInput
            label={t('cohorts.form.room')}
            placeholder={t('cohorts.form.roomPlaceholder')}
            maxLength={100}
            {...form.getInputProps('room')}
          />
          <NumberInput
            label={t('cohorts.form.capacity')}
            description={
              program ? t('cohorts.form.capacityHint', { count: program.defaultCapacity }) : undefined
            }
            min={1}
            max={1000}
            allowDecimal={false}
            allowNegative={false}
            withAsterisk
            {...form.getInputProps('capacity')}
          />
        </SimpleGrid>
        {!editing && (
          <Radio.Group
            label={t('cohorts.form.initialStatus')}
            description={t('cohorts.form.initialStatusHint')}
            {...form.getInputProps('status')}
          >
            <Group gap="lg" mt={6}>
              <Radio value="planned" label={t('cohorts.status.planned')} />
              <Radio value="enrolling" label={t('cohorts.status.enrolling')} />
            </Group>
          </Radio.Group>
        )}
      </Section>
    </Stack>
  );
}

function ScheduleEditor({
  form,
  program,
  editing,
}: {
  form: CohortForm;
  program: Program | undefined;
  editing: boolean;
}) {
  const { t, i18n } = useTranslation();
  const values = form.getValues();
  const weekdayOptions = WEEKDAYS.map((day) => ({ value: String(day), label: t(`cohorts.weekdays.${day}`) }));
  const preview = previewSessions(
    values.startDate,
    values.endDate,
    values.schedule.map((row) => ({
      weekday: Number(row.weekday) || undefined,
      start: row.start,
      end: row.end,
    })),
  );
  const hours = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });

  return (
    <Section title={t('cohorts.form.schedule')}>
      <Text size="sm">{t('cohorts.form.scheduleIntro')}</Text>
      {values.schedule.length === 0 && (
        <Text
          size="sm"
          c={form.errors.schedule ? 'red.9' : 'dimmed'}
          role={form.errors.schedule ? 'alert' : undefined}
        >
          {form.errors.schedule ?? t('cohorts.form.noSlots')}
        </Text>
      )}
      {values.schedule.length > 0 && form.errors.schedule && (
        <Text size="sm" c="red.9" role="alert">
          {form.errors.schedule}
        </Text>
      )}
      {values.schedule.map((row, index) => {
        const number = index + 1;
        return (
          <Fieldset
            key={row.key}
            legend={t('cohorts.form.scheduleRow', { number })}
            p="sm"
            styles={LEGEND_STYLES}
          >
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <Grid gap="sm" style={{ flexGrow: 1 }}>
                <Grid.Col span={{ base: 12, xs: 4 }}>
                  <Select
                    label={t('cohorts.form.weekday')}
                    placeholder={t('cohorts.form.weekdayPlaceholder')}
                    data={weekdayOptions}
                    allowDeselect={false}
                    withAsterisk
                    {...form.getInputProps(`schedule.${index}.weekday`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, xs: 4 }}>
                  <TimeInput
                    label={t('cohorts.form.start')}
                    withAsterisk
                    {...form.getInputProps(`schedule.${index}.start`)}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, xs: 4 }}>
                  <TimeInput
                    label={t('cohorts.form.end')}
                    withAsterisk
                    {...form.getInputProps(`schedule.${index}.end`)}
                  />
                </Grid.Col>
              </Grid>
              <RemoveRowButton
                mt={26}
                label={t('cohorts.form.removeSlot', { number })}
                onClick={() => form.removeListItem('schedule', index)}
              />
            </Group>
          </Fieldset>
        );
      })}
      <AddRowButton
        variant="light"
        onClick={() => {
          // A new row repeats the times of the last one: classes usually keep the same hours.
          const last = values.schedule[values.schedule.length - 1];
          form.insertListItem('schedule', newScheduleRow({ start: last?.start, end: last?.end }));
        }}
      >
        {t('cohorts.form.addSlot')}
      </AddRowButton>
      <Alert color="gray" icon={<IconCalendarStats aria-hidden />} role="status" p="sm">
        <Text size="sm">
          {!preview
            ? t('cohorts.form.previewWaiting')
            : preview.count === 0
              ? t('cohorts.form.previewNone')
              : t('cohorts.form.preview', {
                  count: preview.count,
                  hours: hours.format(preview.hours),
                  first: formatDate(preview.first),
                  last: formatDate(preview.last),
                })}{' '}
          {program && t('cohorts.form.previewProgram', { count: program.sessionsCount })}
        </Text>
        {editing && (
          <Text size="sm" mt={4}>
            {t('cohorts.form.previewEdit')}
          </Text>
        )}
      </Alert>
    </Section>
  );
}

function InstructorFields({
  form,
  program,
  current,
}: {
  form: CohortForm;
  program: Program | undefined;
  current?: { userId: string | null; name: string | null };
}) {
  const { t } = useTranslation();
  const options = useInstructorOptions(program?.provider.id ?? null);
  const values = form.getValues();
  const userOptions = (options.data ?? []).map((option) => ({
    value: option.userId,
    label: `${option.fullName} (${option.organizationName})`,
  }));
  if (current?.userId && !userOptions.some((option) => option.value === current.userId)) {
    userOptions.push({ value: current.userId, label: current.name ?? EMPTY });
  }
  // Named instructors of the program (without an account) are offered as suggestions.
  const suggestions = [
    ...new Set((program?.instructors ?? []).filter((item) => !item.userId).map((item) => item.name)),
  ];

  return (
    <>
      <Radio.Group label={t('cohorts.form.instructorMode')} {...form.getInputProps('instructorMode')}>
        <Group gap="lg" mt={6}>
          <Radio value="user" label={t('cohorts.form.instructorUser')} />
          <Radio value="name" label={t('cohorts.form.instructorFree')} />
        </Group>
      </Radio.Group>
      {values.instructorMode === 'user' ? (
        <Select
          label={t('cohorts.form.instructorUserLabel')}
          placeholder={t('cohorts.form.instructorUserPlaceholder')}
          description={t('cohorts.form.instructorUserHint')}
          data={userOptions}
          searchable
          clearable
          nothingFoundMessage={t('cohorts.form.noInstructors')}
          {...form.getInputProps('instructorUserId')}
        />
      ) : (
        <Autocomplete
          label={t('cohorts.form.instructorName')}
          description={t('cohorts.form.instructorNameHint')}
          data={suggestions}
          maxLength={150}
          {...form.getInputProps('instructorName')}
        />
      )}
    </>
  );
}

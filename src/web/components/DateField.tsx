import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/**
 * A date input shown as dd/mm/yyyy whose value is `yyyy-mm-dd` (what the API takes). Calendar controls are
 * named in the UI language; the placeholder is darker than Mantine's so it keeps 4.5:1 contrast.
 */
export function DateField(props: DatePickerInputProps<'default'>) {
  const { t } = useTranslation();
  return (
    <DatePickerInput
      valueFormat="DD/MM/YYYY"
      placeholder={t('date.placeholder')}
      leftSection={<IconCalendar size={16} aria-hidden />}
      hideOutsideDates
      // Mantine colours weekends red (below 4.5:1 on white); its dialog role points at a missing label.
      weekendDays={[]}
      popoverProps={{ withRoles: false }}
      clearButtonProps={{ 'aria-label': t('date.clear') }}
      ariaLabels={{
        nextMonth: t('date.nextMonth'),
        previousMonth: t('date.previousMonth'),
        nextYear: t('date.nextYear'),
        previousYear: t('date.previousYear'),
        nextDecade: t('date.nextDecade'),
        previousDecade: t('date.previousDecade'),
      }}
      styles={{ placeholder: { color: 'var(--mantine-color-gray-7)' } }}
      {...props}
    />
  );
}

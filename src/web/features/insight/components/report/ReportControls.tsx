import { Paper, Select, SimpleGrid } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ReportOrganizationsResponse } from '../../../../../shared/insightReport.ts';
import { isMonth, jakartaToday } from '../../format.ts';
import { organizationGroups } from './reportRows.ts';

/**
 * The report's organization (only for callers who may choose: program users) and month (Indonesian month
 * names, no month after the current one).
 */
export function ReportControls({
  organizations,
  organizationId,
  month,
  onOrganization,
  onMonth,
  disabled,
}: {
  /** The organizations to choose from; undefined when the caller has only her own. */
  organizations: ReportOrganizationsResponse | undefined;
  organizationId: string | null;
  month: string;
  onOrganization: (organizationId: string) => void;
  onMonth: (month: string) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const thisMonth = `${jakartaToday().slice(0, 7)}-01`;
  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      role="search"
      aria-label={t('insight.report.controls.label')}
    >
      <SimpleGrid
        cols={{ base: 1, xs: organizations ? 2 : 1 }}
        spacing="sm"
        verticalSpacing="xs"
        maw={organizations ? 760 : 380}
      >
        {organizations && (
          <Select
            label={t('insight.report.controls.organization')}
            placeholder={t('insight.report.controls.organizationPlaceholder')}
            data={organizationGroups(organizations.items, (kind) => t(`orgKind.${kind}`))}
            value={organizationId}
            onChange={(value) => {
              if (value) onOrganization(value);
            }}
            searchable
            allowDeselect={false}
            nothingFoundMessage="—"
            disabled={disabled}
            data-testid="report-organization"
          />
        )}
        <MonthPickerInput
          label={t('insight.report.controls.month')}
          description={t('insight.report.controls.monthHint')}
          // The hint under the field, so the two fields' boxes line up side by side.
          inputWrapperOrder={['label', 'input', 'description']}
          valueFormat="MMMM YYYY"
          value={`${month}-01`}
          maxDate={thisMonth}
          onChange={(value) => {
            const picked = typeof value === 'string' ? value.slice(0, 7) : null;
            if (isMonth(picked)) onMonth(picked);
          }}
          leftSection={<IconCalendar size={16} aria-hidden />}
          popoverProps={{ withRoles: false }}
          ariaLabels={{
            nextYear: t('date.nextYear'),
            previousYear: t('date.previousYear'),
            nextDecade: t('date.nextDecade'),
            previousDecade: t('date.previousDecade'),
          }}
          disabled={disabled}
          data-testid="report-month"
        />
      </SimpleGrid>
    </Paper>
  );
}

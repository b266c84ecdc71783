import { Button, Group, Paper, Select, SimpleGrid } from '@mantine/core';
import { MonthPickerInput, type MonthPickerInputProps } from '@mantine/dates';
import { IconCalendar, IconFilterOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INSIGHT_MAX_MONTHS } from '../../../../shared/insight.ts';
import { useSession } from '../../auth/api/session.ts';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { useInsightVillages } from '../api/dashboard.ts';
import { isMonth, jakartaToday } from '../format.ts';
import { FILTER_KEYS, periodChanges } from './insightFilters.ts';

export interface InsightFilterBarProps {
  /** The period shown (the answer's, or the default before it arrives). */
  period: { from: string; to: string };
  organizationId: string | null;
  villageId: string | null;
  /** The organization filter: only for program-level users (read:insight:all). */
  withOrganization: boolean;
  /** Address changes by key (FILTER_KEYS); null removes a filter. */
  onChange: (changes: Record<string, string | null>) => void;
  onClear: () => void;
  hasFilters: boolean;
  /** Disabled while the first answer loads. */
  disabled?: boolean;
}

/**
 * The dashboard's filters, kept in the address: the period in whole months (from–to; the two never cross
 * and never span more than INSIGHT_MAX_MONTHS), the organization whose scope is shown (program users),
 * and one kelurahan.
 */
export function InsightFilterBar({
  period,
  organizationId,
  villageId,
  withOrganization,
  onChange,
  onClear,
  hasFilters,
  disabled,
}: InsightFilterBarProps) {
  const { t } = useTranslation();
  // A partner has no kelurahan view (the server refuses the list): no field, and no request.
  const partner = useSession().organization.kind === 'partner';
  const villages = useInsightVillages(!partner);
  const thisMonth = `${jakartaToday().slice(0, 7)}-01`;

  const pick = (changed: 'from' | 'to') => (value: string | null) => {
    const month = typeof value === 'string' ? value.slice(0, 7) : null;
    if (!isMonth(month)) return;
    onChange(periodChanges(period, changed, month, INSIGHT_MAX_MONTHS));
  };

  const monthProps: Partial<MonthPickerInputProps> = {
    valueFormat: 'MMMM YYYY',
    maxDate: thisMonth,
    leftSection: <IconCalendar size={16} aria-hidden />,
    popoverProps: { withRoles: false },
    ariaLabels: {
      nextYear: t('date.nextYear'),
      previousYear: t('date.previousYear'),
      nextDecade: t('date.nextDecade'),
      previousDecade: t('date.previousDecade'),
    },
    disabled,
  };

  const villageOptions = (villages.data?.items ?? []).map((village) => ({
    value: village.id,
    label: village.district ? `${village.name} (${village.district.name})` : village.name,
  }));

  return (
    <Paper
      withBorder
      p={{ base: 'sm', sm: 'md' }}
      role="search"
      aria-label={t('insight.common.filters.label')}
    >
      <SimpleGrid
        cols={{ base: 1, xs: 2, md: 2 + Number(withOrganization) + Number(!partner) }}
        spacing="sm"
        verticalSpacing="xs"
      >
        <MonthPickerInput
          {...monthProps}
          label={t('insight.common.filters.from')}
          value={`${period.from}-01`}
          onChange={pick('from')}
        />
        <MonthPickerInput
          {...monthProps}
          label={t('insight.common.filters.to')}
          value={`${period.to}-01`}
          onChange={pick('to')}
        />
        {withOrganization && (
          <OrganizationSelect
            label={t('insight.common.filters.organization')}
            placeholder={t('insight.common.filters.allProgram')}
            value={organizationId}
            onChange={(value) => onChange({ [FILTER_KEYS.organizationId]: value })}
            clearable
            clearButtonProps={{ 'aria-label': t('insight.common.filters.clearOrganization') }}
            disabled={disabled}
          />
        )}
        {!partner && (
          <Select
            label={t('insight.common.filters.village')}
            placeholder={t('insight.common.filters.allVillages')}
            data={villageOptions}
            value={villageId}
            onChange={(value) => onChange({ [FILTER_KEYS.villageId]: value })}
            searchable
            clearable
            clearButtonProps={{ 'aria-label': t('insight.common.filters.clearVillage') }}
            nothingFoundMessage="—"
            error={villages.isError ? t('errors.loadFailed') : undefined}
            disabled={disabled || villageOptions.length === 0}
          />
        )}
      </SimpleGrid>
      {hasFilters && (
        <Group justify="flex-end" mt="xs">
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconFilterOff size={16} aria-hidden />}
            onClick={onClear}
          >
            {t('insight.common.filters.clear')}
          </Button>
        </Group>
      )}
    </Paper>
  );
}

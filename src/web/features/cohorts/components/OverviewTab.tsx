import { Alert, Anchor, List, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Cohort } from '../../../../shared/cohorts.ts';
import { InfoField } from '../../../components/InfoField.tsx';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useCohortFormat } from './useCohortFormat.ts';

/** The cohort at a glance: plan, schedule, places, sessions and how it ended. */
export function OverviewTab({ cohort }: { cohort: Cohort }) {
  const { t, i18n } = useTranslation();
  const format = useCohortFormat();
  const hours = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(
    cohort.program.hoursTotal,
  );
  const slots = [...cohort.schedule].sort((a, b) => a.weekday - b.weekday || a.start.localeCompare(b.start));

  return (
    <Stack gap="md">
      {cohort.access.instructorOnly && (
        <Alert color="gray" icon={<IconInfoCircle aria-hidden />} role="note" p="sm">
          <Text size="sm">{t('cohorts.page.instructorView')}</Text>
        </Alert>
      )}
      {cohort.status === 'cancelled' && cohort.statusReason && (
        <Alert color="red" variant="filled" bg="red.9" title={t('cohorts.page.statusReason')} p="sm">
          <Text size="sm">{cohort.statusReason}</Text>
        </Alert>
      )}
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
          <InfoField label={t('cohorts.page.program')}>
            {cohort.program.name}
            <Text size="sm" c="dimmed" fw={400}>
              {t('cohorts.page.programSessions', { count: cohort.program.sessionsCount, hours })}
            </Text>
          </InfoField>
          <InfoField label={t('cohorts.page.dates')}>
            {format.dateRange(cohort.startDate, cohort.endDate)}
          </InfoField>
          <InfoField label={t('cohorts.page.schedule')}>
            {slots.length === 0 ? (
              EMPTY
            ) : (
              <List listStyleType="none" spacing={2}>
                {slots.map((slot) => (
                  <List.Item key={`${slot.weekday}-${slot.start}`}>{format.slot(slot)}</List.Item>
                ))}
              </List>
            )}
          </InfoField>
          <InfoField label={t('cohorts.page.room')}>{cohort.room ?? EMPTY}</InfoField>
          <InfoField label={t('cohorts.page.instructor')}>{cohort.instructor.name ?? EMPTY}</InfoField>
          {cohort.status !== 'completed' && cohort.status !== 'cancelled' && (
            <InfoField label={t('cohorts.page.capacity')}>
              {t('cohorts.capacityUsedLong', { allocated: cohort.allocated, capacity: cohort.capacity })}
            </InfoField>
          )}
          <InfoField label={t('cohorts.page.sessions')}>
            <Anchor component={Link} to="?tab=jadwal" c="blue.9">
              {t('cohorts.page.sessionsValue', { total: cohort.sessionsTotal })}
            </Anchor>
            {cohort.sessionsCancelled > 0 && (
              <Text size="sm" c="dimmed" fw={400}>
                {t('cohorts.page.sessionsCancelled', { count: cohort.sessionsCancelled })}
              </Text>
            )}
          </InfoField>
          {cohort.access.canManage && cohort.status !== 'completed' && cohort.status !== 'cancelled' && (
            <InfoField label={t('cohorts.page.waitlist')}>
              {t('cohorts.page.waitlistValue', { count: cohort.waitlist })}
            </InfoField>
          )}
          {(cohort.status === 'completed' || cohort.completed > 0) && (
            <InfoField label={t('cohorts.page.completedCount')}>
              {t('cohorts.page.completedValue', { count: cohort.completed })}
            </InfoField>
          )}
          {cohort.completedOn && (
            <InfoField label={t('cohorts.page.completedOn')}>{formatDate(cohort.completedOn)}</InfoField>
          )}
          {!cohort.access.instructorOnly && (
            <>
              <InfoField label={t('cohorts.page.certification')}>
                {t(`cohorts.certification.${cohort.program.certification}`)}
              </InfoField>
              <InfoField label={t('cohorts.page.units')}>
                {t('cohorts.page.unitsValue', { count: cohort.program.units })}
              </InfoField>
            </>
          )}
        </SimpleGrid>
      </Paper>
    </Stack>
  );
}

import { Anchor, Button, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { COHORT_OPEN_STATUSES, type Cohort } from '../../../../shared/cohorts.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY } from '../../../lib/format.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useSession } from '../../auth/api/session.ts';
import { useCohort } from '../api/cohorts.ts';
import { AttendanceTab } from '../components/AttendanceTab.tsx';
import { OverviewTab } from '../components/OverviewTab.tsx';
import { ResultsTab } from '../components/ResultsTab.tsx';
import { RosterTab } from '../components/RosterTab.tsx';
import { ScheduleTab } from '../components/ScheduleTab.tsx';
import { StatusActions } from '../components/StatusActions.tsx';
import { CohortStatusBadge } from '../components/StatusBadges.tsx';
import { useCohortFormat } from '../components/useCohortFormat.ts';

const TABS = ['ringkasan', 'peserta', 'jadwal', 'absensi', 'hasil'] as const;

/** /pelatihan/angkatan/:cohortId: the cohort's header and status actions, and its tabs (`?tab=`). */
export function CohortPage() {
  const { cohortId = '' } = useParams();
  const { t } = useTranslation();
  const query = useCohort(cohortId);
  const back = <BackButton to="/pelatihan/angkatan">{t('common.backToList')}</BackButton>;

  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    // A cohort she may not see is "not found": the page does not reveal that it exists.
    if (
      isApiError(query.error, 'TRAINING_COHORT_NOT_FOUND') ||
      isApiError(query.error, 'VALIDATION_FAILED')
    ) {
      return <StatusPage kind="notFound" />;
    }
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <CohortView cohort={query.data} back={back} />;
}

function CohortView({ cohort, back }: { cohort: Cohort; back: ReactNode }) {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const format = useCohortFormat();
  const open = (COHORT_OPEN_STATUSES as readonly string[]).includes(cohort.status);

  const tabs = TABS.filter((tab) => tab !== 'hasil' || cohort.access.canManage);
  const { tab, selectTab } = useTabParam(tabs);
  // The program page is for prison staff; a partner's instructor sees the program's name only.
  const programLink = access.canReadTraining && !cohort.access.instructorOnly;

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={cohort.name}
          actions={
            cohort.access.canManage && (
              <>
                {open && (
                  <Button
                    component={Link}
                    to={`/pelatihan/angkatan/${cohort.id}/ubah`}
                    variant="default"
                    leftSection={<IconPencil size={16} aria-hidden />}
                  >
                    {t('cohorts.page.edit')}
                  </Button>
                )}
                <StatusActions cohort={cohort} />
              </>
            )
          }
        />
        <Group gap="md" mt="xs">
          <CohortStatusBadge status={cohort.status} />
          <Text size="sm">
            {t('cohorts.page.program')}:{' '}
            {programLink ? (
              <Anchor component={Link} to={`/pelatihan/program/${cohort.program.id}`} c="blue.9" fw={600}>
                {cohort.program.name}
              </Anchor>
            ) : (
              <strong>{cohort.program.name}</strong>
            )}
          </Text>
          <Text size="sm">
            {t('cohorts.page.dates')}: <strong>{format.dateRange(cohort.startDate, cohort.endDate)}</strong>
          </Text>
          <Text size="sm">
            {t('cohorts.page.room')}: <strong>{cohort.room ?? EMPTY}</strong>
          </Text>
          <Text size="sm">
            {t('cohorts.page.instructor')}: <strong>{cohort.instructor.name ?? EMPTY}</strong>
          </Text>
          {cohort.status === 'completed' ? (
            <Text size="sm">
              {t('cohorts.page.completedCount')}:{' '}
              <strong>{t('cohorts.page.completedValue', { count: cohort.completed })}</strong>
            </Text>
          ) : cohort.status === 'cancelled' ? null : (
            <Text size="sm">
              {t('cohorts.page.capacity')}:{' '}
              <strong>
                {t('cohorts.capacityUsedLong', { allocated: cohort.allocated, capacity: cohort.capacity })}
              </strong>
            </Text>
          )}
        </Group>
      </div>

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List aria-label={t('cohorts.page.tabsLabel')}>
          {tabs.map((item) => (
            <Tabs.Tab key={item} value={item}>
              {t(`cohorts.page.tabs.${item}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="ringkasan" pt="md">
          <OverviewTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="peserta" pt="md">
          <RosterTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="jadwal" pt="md">
          <ScheduleTab cohort={cohort} />
        </Tabs.Panel>
        <Tabs.Panel value="absensi" pt="md">
          <AttendanceTab cohortId={cohort.id} />
        </Tabs.Panel>
        {cohort.access.canManage && (
          <Tabs.Panel value="hasil" pt="md">
            <ResultsTab cohortId={cohort.id} />
          </Tabs.Panel>
        )}
      </Tabs>
    </Stack>
  );
}

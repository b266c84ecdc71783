import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { COHORT_OPEN_STATUSES, type Cohort, type RosterEntry } from '../../../../shared/cohorts.ts';
import { END_REASONS } from '../../../../shared/enrolments.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY } from '../../../lib/format.ts';
import { useRoster } from '../api/cohorts.ts';
import { AllocateModal } from './AllocateModal.tsx';
import { DeallocateModal } from './DeallocateModal.tsx';
import { EnrolmentStatusBadge } from './StatusBadges.tsx';
import { oneOf } from './vocabulary.ts';

/** Participants of the cohort; managers allocate from the program's waitlist and remove people. */
export function RosterTab({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation();
  const roster = useRoster(cohort.id);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const [allocating, setAllocating] = useState(false);
  const [leaving, setLeaving] = useState<RosterEntry | null>(null);
  const open = (COHORT_OPEN_STATUSES as readonly string[]).includes(cohort.status);
  const canChange = cohort.access.canManage && open;

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {cohort.status === 'completed'
            ? t('cohorts.roster.summaryCompleted', { count: cohort.completed })
            : t('cohorts.roster.summary', { allocated: cohort.allocated, capacity: cohort.capacity })}
        </Text>
        {canChange && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setAllocating(true)}>
            {t('cohorts.roster.allocate')}
          </Button>
        )}
      </Group>
      {cohort.access.canManage && !open && (
        <Text size="sm" c="dimmed">
          {t('cohorts.roster.closedNote')}
        </Text>
      )}

      {roster.isPending ? (
        <PageLoader />
      ) : roster.isError ? (
        <QueryError error={roster.error} onRetry={() => void roster.refetch()} />
      ) : roster.data.length === 0 ? (
        <Text size="sm">{t('cohorts.roster.empty')}</Text>
      ) : wide ? (
        <RosterTable entries={roster.data} cohort={cohort} canChange={canChange} onLeave={setLeaving} />
      ) : (
        <RosterCards entries={roster.data} cohort={cohort} canChange={canChange} onLeave={setLeaving} />
      )}

      {allocating && <AllocateModal cohort={cohort} onClose={() => setAllocating(false)} />}
      {leaving && <DeallocateModal cohort={cohort} entry={leaving} onClose={() => setLeaving(null)} />}
    </Stack>
  );
}

interface EntriesProps {
  entries: RosterEntry[];
  cohort: Cohort;
  canChange: boolean;
  onLeave: (entry: RosterEntry) => void;
}

function PersonName({ entry, cohort }: { entry: RosterEntry; cohort: Cohort }) {
  // A partner's instructor sees names only (no person id): the person record is not hers to open.
  if (cohort.access.instructorOnly || entry.personId === null) return <Text fw={600}>{entry.fullName}</Text>;
  return (
    <Anchor
      component={Link}
      to={`/warga/${entry.personId}`}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {entry.fullName}
    </Anchor>
  );
}

function useRosterText() {
  const { t } = useTranslation();
  return {
    attendance: (rate: number | null) =>
      rate === null ? t('cohorts.roster.attendanceNone') : `${Math.round(rate * 100)}%`,
    endReason: (reason: string | null) => {
      const code = oneOf(END_REASONS, reason);
      return code ? t(`cohorts.endReason.${code}`) : (reason ?? EMPTY);
    },
  };
}

function LeaveButton({ entry, onLeave }: { entry: RosterEntry; onLeave: (entry: RosterEntry) => void }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="default"
      c="red.9"
      leftSection={<IconUserMinus size={14} aria-hidden />}
      aria-label={t('cohorts.roster.deallocateLabel', { name: entry.fullName })}
      onClick={() => onLeave(entry)}
    >
      {t('cohorts.roster.deallocate')}
    </Button>
  );
}

function RosterTable({ entries, cohort, canChange, onLeave }: EntriesProps) {
  const { t } = useTranslation();
  const text = useRosterText();
  const showRegistration = entries.some((entry) => entry.registrationNumber !== null);
  return (
    <ScrollTable label={t('cohorts.roster.title')} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('cohorts.roster.name')}</Table.Th>
          {showRegistration && <Table.Th>{t('cohorts.roster.registrationNumber')}</Table.Th>}
          <Table.Th>{t('cohorts.roster.status')}</Table.Th>
          <Table.Th>{t('cohorts.roster.attendance')}</Table.Th>
          <Table.Th>{t('cohorts.roster.endReason')}</Table.Th>
          {canChange && <Table.Th>{t('cohorts.roster.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {entries.map((entry) => (
          <Table.Tr key={entry.enrolmentId}>
            <Table.Td>
              <PersonName entry={entry} cohort={cohort} />
            </Table.Td>
            {showRegistration && <Table.Td>{entry.registrationNumber ?? EMPTY}</Table.Td>}
            <Table.Td>
              <EnrolmentStatusBadge status={entry.status} />
            </Table.Td>
            <Table.Td>{text.attendance(entry.attendanceRate)}</Table.Td>
            <Table.Td>{entry.endReason ? text.endReason(entry.endReason) : EMPTY}</Table.Td>
            {canChange && (
              <Table.Td>
                {entry.status === 'allocated' ? <LeaveButton entry={entry} onLeave={onLeave} /> : null}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function RosterCards({ entries, cohort, canChange, onLeave }: EntriesProps) {
  const { t } = useTranslation();
  const text = useRosterText();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('cohorts.roster.title')}
    >
      {entries.map((entry) => (
        <Card key={entry.enrolmentId} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <PersonName entry={entry} cohort={cohort} />
            <EnrolmentStatusBadge status={entry.status} />
          </Group>
          <Stack gap={2} mt={6}>
            {entry.registrationNumber && (
              <Text size="sm">
                {t('cohorts.roster.registrationNumber')}: {entry.registrationNumber}
              </Text>
            )}
            <Text size="sm">
              {t('cohorts.roster.attendance')}: {text.attendance(entry.attendanceRate)}
            </Text>
            {entry.endReason && (
              <Text size="sm">
                {t('cohorts.roster.endReason')}: {text.endReason(entry.endReason)}
              </Text>
            )}
          </Stack>
          {canChange && entry.status === 'allocated' && (
            <Group justify="flex-end" mt="xs">
              <LeaveButton entry={entry} onLeave={onLeave} />
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}

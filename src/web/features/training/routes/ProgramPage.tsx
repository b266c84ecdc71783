import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarPlus, IconListCheck, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { CohortListItem } from '../../../../shared/cohorts.ts';
import type { Program } from '../../../../shared/programs.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useEnrolments } from '../api/enrolments.ts';
import { useProgram, useProgramCohorts } from '../api/programs.ts';
import { CertificationBadge, CohortStatusBadge } from '../components/badges.tsx';
import { formatNumber } from '../components/numbers.ts';

/** /pelatihan/program/:programId: what the program teaches, who gives it, its cohorts and waitlist. */
export function ProgramPage() {
  const { programId = '' } = useParams();
  const { t } = useTranslation();
  const query = useProgram(programId);
  const back = <BackButton to="/pelatihan">{t('training.catalog.back')}</BackButton>;
  if (query.isPending) return <PageLoader />;
  if (query.isError) {
    if (isApiError(query.error) && (query.error.status === 404 || query.error.code === 'VALIDATION_FAILED')) {
      return <StatusPage kind="notFound" />;
    }
    return (
      <Stack gap="md" align="flex-start">
        {back}
        <QueryError error={query.error} onRetry={() => void query.refetch()} />
      </Stack>
    );
  }
  return <ProgramView program={query.data} back={back} />;
}

function Section({
  title,
  id,
  actions,
  children,
}: {
  title: string;
  id: string;
  actions?: ReactNode;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={id}>
      <Group justify="space-between" gap="xs" mb="sm">
        <Title order={2} fz="h4" id={id}>
          {title}
        </Title>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      {children}
    </Paper>
  );
}

function ProgramView({ program, back }: { program: Program; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const skillName = (skillId: string | null) => {
    const skill = program.skills.find((item) => item.skillId === skillId);
    if (!skill) return EMPTY;
    return english ? skill.nameEn : skill.name;
  };
  const units = [...program.units].sort((a, b) => a.position - b.position);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });

  return (
    <Stack gap="md">
      <div>
        {back}
        <PageHeader
          title={program.name}
          actions={
            program.canManage && (
              <Button
                component={Link}
                to={`/pelatihan/program/${program.id}/ubah`}
                variant="default"
                leftSection={<IconPencil size={16} aria-hidden />}
              >
                {t('training.program.edit')}
              </Button>
            )
          }
        />
        <Group gap="xs" mt="xs">
          {!program.active && (
            <Badge color="gray.8" radius="sm" tt="none">
              {t('training.inactive')}
            </Badge>
          )}
          <CertificationBadge path={program.certification} />
        </Group>
      </div>

      <Section title={t('training.program.overview')} id="program-overview">
        <Stack gap="md">
          {program.description && (
            <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
              {program.description}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
            <InfoField label={t('training.program.provider')}>
              {program.provider.name}
              <Text size="sm" fw={400}>
                {t(`training.providerKind.${program.provider.kind}`)}
              </Text>
            </InfoField>
            <InfoField label={t('training.program.length')}>
              {t('training.sessions', { count: program.sessionsCount })} ·{' '}
              {t('training.hours', {
                count: program.hoursTotal,
                value: formatNumber(program.hoursTotal, i18n.language),
              })}
            </InfoField>
            <InfoField label={t('training.program.defaultCapacity')}>
              {t('training.people', { count: program.defaultCapacity })}
            </InfoField>
            <InfoField label={t('training.program.certification')}>
              {t(`training.certification.${program.certification}`)}
              {program.certificationBody && (
                <Text size="sm" fw={400}>
                  {program.certificationBody}
                </Text>
              )}
            </InfoField>
            <InfoField label={t('training.program.minDaysLeftToServe')}>
              {program.eligibility.minDaysLeftToServe === null
                ? t('training.program.cohortLength')
                : t('training.daysCount', { count: program.eligibility.minDaysLeftToServe })}
            </InfoField>
            <InfoField label={t('training.program.minBehaviourScore')}>
              {program.eligibility.minBehaviourScore === null
                ? t('training.program.noMinimum')
                : formatNumber(program.eligibility.minBehaviourScore, i18n.language, 2)}
            </InfoField>
          </SimpleGrid>
        </Stack>
      </Section>

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('training.program.skills')} id="program-skills">
          {program.skills.length === 0 ? (
            <Text size="sm">{EMPTY}</Text>
          ) : (
            <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
              {program.skills.map((skill) => (
                <Group key={skill.skillId} component="li" justify="space-between" gap="xs" wrap="nowrap">
                  <div style={{ minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {english ? skill.nameEn : skill.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {t(`people.vocab.sector.${skill.sector}`)}
                    </Text>
                  </div>
                  <Badge variant="default" radius="sm" tt="none" style={{ flexShrink: 0 }}>
                    {t('training.program.levelReached', { level: t(`training.level.${skill.level}`) })}
                  </Badge>
                </Group>
              ))}
            </Stack>
          )}
        </Section>
        <Section title={t('training.program.instructors')} id="program-instructors">
          {program.instructors.length === 0 ? (
            <Text size="sm">{t('training.program.noInstructors')}</Text>
          ) : (
            <List size="sm" spacing={4}>
              {program.instructors.map((instructor) => (
                <List.Item key={instructor.id}>
                  {instructor.name}
                  {!instructor.userId && (
                    <Text span size="xs" c="dimmed">
                      {' '}
                      ({t('training.program.externalInstructor')})
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>

      <Section title={t('training.program.units', { count: units.length })} id="program-units">
        {units.length === 0 ? (
          <Text size="sm">{t('training.program.noUnits')}</Text>
        ) : wide ? (
          <ScrollTable label={t('training.program.unitsTable')} minWidth={560}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={48}>{t('training.program.unitNo')}</Table.Th>
                <Table.Th>{t('training.program.unitCode')}</Table.Th>
                <Table.Th>{t('training.program.unitTitle')}</Table.Th>
                <Table.Th>{t('training.program.unitSkill')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {units.map((unit, index) => (
                <Table.Tr key={unit.id}>
                  <Table.Td>{index + 1}</Table.Td>
                  <Table.Td>{unit.code ?? EMPTY}</Table.Td>
                  <Table.Td>{unit.title}</Table.Td>
                  <Table.Td>{skillName(unit.skillId)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
        ) : (
          <List type="ordered" size="sm" spacing="xs" aria-label={t('training.program.unitsTable')}>
            {units.map((unit) => (
              <List.Item key={unit.id}>
                <Text size="sm" fw={500}>
                  {unit.code ? `${unit.code} · ${unit.title}` : unit.title}
                </Text>
                {unit.skillId && (
                  <Text size="xs" c="dimmed">
                    {skillName(unit.skillId)}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        )}
      </Section>

      <CohortsSection program={program} />
      <WaitlistSection program={program} />
    </Stack>
  );
}

function CohortsSection({ program }: { program: Program }) {
  const { t } = useTranslation();
  const cohorts = useProgramCohorts(program.id);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return (
    <Section
      title={t('training.program.cohorts')}
      id="program-cohorts"
      actions={
        program.canManage &&
        program.active && (
          <Button
            component={Link}
            to={`/pelatihan/angkatan/baru?program=${program.id}`}
            size="xs"
            variant="default"
            leftSection={<IconCalendarPlus size={14} aria-hidden />}
          >
            {t('training.program.newCohort')}
          </Button>
        )
      }
    >
      {cohorts.isPending ? (
        <PageLoader />
      ) : cohorts.isError ? (
        <QueryError error={cohorts.error} onRetry={() => void cohorts.refetch()} />
      ) : cohorts.data.items.length === 0 ? (
        <Text size="sm">{t('training.program.noCohorts')}</Text>
      ) : wide ? (
        <CohortTable cohorts={cohorts.data.items} />
      ) : (
        <CohortCards cohorts={cohorts.data.items} />
      )}
    </Section>
  );
}

function CohortLink({ cohort }: { cohort: CohortListItem }) {
  return (
    <Anchor component={Link} to={`/pelatihan/angkatan/${cohort.id}`} fw={600} c="blue.9">
      {cohort.name}
    </Anchor>
  );
}

/** Places taken in an open cohort, those who completed a completed one; a cancelled one has none left. */
function Participants({ cohort }: { cohort: CohortListItem }) {
  const { t } = useTranslation();
  if (cohort.status === 'cancelled') return <>{EMPTY}</>;
  if (cohort.status === 'completed')
    return <>{t('cohorts.completedOfCapacity', { completed: cohort.completed })}</>;
  return <>{t('training.program.filled', { allocated: cohort.allocated, capacity: cohort.capacity })}</>;
}

function CohortTable({ cohorts }: { cohorts: CohortListItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('training.program.cohorts')} minWidth={720}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('training.program.cohortName')}</Table.Th>
          <Table.Th>{t('training.program.cohortDates')}</Table.Th>
          <Table.Th>{t('training.program.cohortStatus')}</Table.Th>
          <Table.Th>{t('training.program.cohortParticipants')}</Table.Th>
          <Table.Th>{t('training.program.cohortInstructor')}</Table.Th>
          <Table.Th>{t('training.program.nextSession')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {cohorts.map((cohort) => (
          <Table.Tr key={cohort.id}>
            <Table.Td>
              <CohortLink cohort={cohort} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {formatDate(cohort.startDate)} – {formatDate(cohort.endDate)}
            </Table.Td>
            <Table.Td>
              <CohortStatusBadge status={cohort.status} />
            </Table.Td>
            <Table.Td>
              <Participants cohort={cohort} />
            </Table.Td>
            <Table.Td>{cohort.instructorName ?? EMPTY}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {cohort.nextSession
                ? `${formatDate(cohort.nextSession.date)} ${cohort.nextSession.start}–${cohort.nextSession.end}`
                : EMPTY}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function CohortCards({ cohorts }: { cohorts: CohortListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('training.program.cohorts')}
    >
      {cohorts.map((cohort) => (
        <Card key={cohort.id} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <CohortLink cohort={cohort} />
            <CohortStatusBadge status={cohort.status} />
          </Group>
          <Text size="sm" mt={4}>
            {formatDate(cohort.startDate)} – {formatDate(cohort.endDate)}
          </Text>
          <Text size="sm">
            {t('training.program.cohortParticipants')}: <Participants cohort={cohort} />
          </Text>
          {cohort.instructorName && (
            <Text size="sm">
              {t('training.program.cohortInstructor')}: {cohort.instructorName}
            </Text>
          )}
        </Card>
      ))}
    </Stack>
  );
}

/** How many wait for a decision and how many are approved and wait for a place, with a link to the list. */
function WaitlistSection({ program }: { program: Program }) {
  const { t } = useTranslation();
  const pending = useEnrolments({ programId: program.id, status: 'pending', page: 1, pageSize: 1 });
  const approved = useEnrolments({ programId: program.id, status: 'approved', page: 1, pageSize: 1 });
  const link = `/pelatihan/antrean?program=${program.id}`;
  return (
    <Section
      title={t('training.program.waitlist')}
      id="program-waitlist"
      actions={
        <Button
          component={Link}
          to={link}
          size="xs"
          variant="default"
          leftSection={<IconListCheck size={14} aria-hidden />}
        >
          {t('training.program.openWaitlist')}
        </Button>
      }
    >
      {pending.isError || approved.isError ? (
        <QueryError
          error={pending.error ?? approved.error}
          onRetry={() => {
            void pending.refetch();
            void approved.refetch();
          }}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="md">
          <InfoField label={t('training.program.waiting')}>
            {t('training.people', { count: program.waitlist })}
          </InfoField>
          <InfoField label={t('cohorts.enrolmentStatus.pending')}>
            {pending.data ? t('training.people', { count: pending.data.total }) : EMPTY}
          </InfoField>
          <InfoField label={t('training.program.approvedWaiting')}>
            {approved.data ? t('training.people', { count: approved.data.total }) : EMPTY}
          </InfoField>
        </SimpleGrid>
      )}
    </Section>
  );
}

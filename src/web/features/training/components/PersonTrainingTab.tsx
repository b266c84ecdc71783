import { Alert, Anchor, Box, Button, Card, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconInfoCircle, IconSchool } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Person } from '../../../../shared/people.ts';
import type { PersonTrainingHistoryItem, PersonTrainingSkill } from '../../../../shared/personTraining.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { useSession } from '../../auth/api/session.ts';
import { usePersonTraining } from '../api/enrolments.ts';
import { EnrolmentStatusBadge, EvidenceBadge } from './badges.tsx';
import { EnrolmentRequestModal } from './EnrolmentRequestModal.tsx';
import { formatRate } from './numbers.ts';
import { EVIDENCE_COLORS, EVIDENCE_LADDER, evidenceRank } from './vocabulary.ts';

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
        {actions}
      </Group>
      {children}
    </Paper>
  );
}

/**
 * The training tab of her record: the skills she holds with the evidence behind each (self-reported up to
 * certified), her training history, and a request for a program. Outside corrections only what she
 * consented to share (the server sends evidenced skills and completed trainings only).
 */
export function PersonTrainingTab({ person }: { person: Person }) {
  const { t } = useTranslation();
  const shared = person.corrections || person.visibleGroups.includes('skills_training');
  if (!shared) {
    return (
      <Alert icon={<IconInfoCircle aria-hidden />} role="note" color="gray">
        <Text size="sm">{t('training.person.notShared')}</Text>
      </Alert>
    );
  }
  return <TrainingView person={person} />;
}

function TrainingView({ person }: { person: Person }) {
  const { t } = useTranslation();
  const training = usePersonTraining(person.id);
  const [requesting, setRequesting] = useState(false);

  if (training.isPending) return <PageLoader />;
  if (training.isError) return <QueryError error={training.error} onRetry={() => void training.refetch()} />;
  const { skills, history, canRequest } = training.data;

  const requestButton = canRequest && (
    <Button leftSection={<IconSchool size={16} aria-hidden />} onClick={() => setRequesting(true)}>
      {t('training.person.request')}
    </Button>
  );

  return (
    <Stack gap="md">
      {!person.corrections && (
        <Alert icon={<IconInfoCircle aria-hidden />} role="note" color="gray">
          <Text size="sm">{t('training.person.sharedOnly')}</Text>
        </Alert>
      )}
      {skills.length === 0 && history.length === 0 ? (
        <Paper withBorder p="lg">
          <Stack gap="sm" align="flex-start">
            <Title order={2} fz="h4">
              {t('training.person.emptyTitle')}
            </Title>
            <Text size="sm">
              {canRequest ? t('training.person.emptyCanRequest') : t('training.person.empty')}
            </Text>
            {requestButton}
          </Stack>
        </Paper>
      ) : (
        <>
          {requestButton && <Group justify="flex-end">{requestButton}</Group>}
          <SkillsSection skills={skills} />
          <HistorySection history={history} />
        </>
      )}
      {canRequest && (
        <EnrolmentRequestModal
          opened={requesting}
          onClose={() => setRequesting(false)}
          person={{ id: person.id, name: person.displayName }}
        />
      )}
    </Stack>
  );
}

/** Four steps, filled up to her evidence: a picture of the ladder (the badge beside it says it in words). */
function EvidenceLadder({ skill }: { skill: PersonTrainingSkill }) {
  const rank = evidenceRank(skill.evidence);
  const color = EVIDENCE_COLORS[skill.evidence];
  return (
    <Group gap={3} aria-hidden wrap="nowrap">
      {EVIDENCE_LADDER.map((step, index) => (
        <Box
          key={step}
          w={22}
          h={8 + index * 3}
          bg={index < rank ? color : 'gray.3'}
          style={{ borderRadius: 2, alignSelf: 'flex-end' }}
        />
      ))}
    </Group>
  );
}

function SkillsSection({ skills }: { skills: PersonTrainingSkill[] }) {
  const { t } = useTranslation();
  return (
    <Section title={t('training.person.skills')} id="training-skills">
      <Text size="xs" c="dimmed" mb="sm">
        {t('training.person.ladderLegend', {
          steps: EVIDENCE_LADDER.map((step) => t(`training.evidence.${step}`)).join(' < '),
        })}
      </Text>
      {skills.length === 0 ? (
        <Text size="sm">{t('training.person.noSkills')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {skills.map((skill) => (
            <Card key={`${skill.skillId ?? skill.name}`} component="li" withBorder padding="sm">
              <Group justify="space-between" align="flex-start" gap="sm">
                <div style={{ minWidth: 0 }}>
                  <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
                    {skill.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {skill.sector ? t(`people.vocab.sector.${skill.sector}`) : t('training.person.noSector')}
                    {' · '}
                    {t('training.person.level', { level: t(`training.level.${skill.level}`) })}
                  </Text>
                </div>
                <Group gap="xs" wrap="nowrap">
                  <EvidenceLadder skill={skill} />
                  <EvidenceBadge evidence={skill.evidence} />
                </Group>
              </Group>
              {skill.certificate && (
                <Text size="sm" mt={6}>
                  {t('training.person.certificate', {
                    number: skill.certificate.number,
                    issuer: skill.certificate.issuer,
                    date: formatDate(skill.certificate.issuedOn),
                  })}
                  {skill.certificate.validUntil &&
                    ` ${t('training.person.validUntil', { date: formatDate(skill.certificate.validUntil) })}`}
                </Text>
              )}
            </Card>
          ))}
        </Stack>
      )}
    </Section>
  );
}

function HistorySection({ history }: { history: PersonTrainingHistoryItem[] }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  return (
    <Section title={t('training.person.history')} id="training-history">
      {history.length === 0 ? (
        <Text size="sm">{t('training.person.noHistory')}</Text>
      ) : wide ? (
        <HistoryTable history={history} />
      ) : (
        <HistoryCards history={history} />
      )}
    </Section>
  );
}

function useCanReadTraining() {
  const me = useSession();
  return accessFor(me.permissions).canReadTraining;
}

function ProgramName({ item }: { item: PersonTrainingHistoryItem }) {
  const canRead = useCanReadTraining();
  if (!canRead) return <>{item.programName}</>;
  return (
    <Anchor component={Link} to={`/pelatihan/program/${item.programId}`} c="blue.9" fw={600}>
      {item.programName}
    </Anchor>
  );
}

function CohortName({ item }: { item: PersonTrainingHistoryItem }) {
  const canRead = useCanReadTraining();
  if (!item.cohortId || !item.cohortName) return <>{EMPTY}</>;
  if (!canRead) return <>{item.cohortName}</>;
  return (
    <Anchor component={Link} to={`/pelatihan/angkatan/${item.cohortId}`} c="blue.9">
      {item.cohortName}
    </Anchor>
  );
}

function Dates({ item }: { item: PersonTrainingHistoryItem }) {
  if (!item.startDate && !item.endDate) return <>{EMPTY}</>;
  return (
    <>
      {formatDate(item.startDate)} – {formatDate(item.endDate)}
    </>
  );
}

function Status({ item }: { item: PersonTrainingHistoryItem }) {
  const { t } = useTranslation();
  return (
    <>
      <EnrolmentStatusBadge status={item.status} />
      {item.status === 'deallocated' && item.endReason && (
        <Text size="xs" mt={2}>
          {t(`cohorts.endReason.${item.endReason}`)}
        </Text>
      )}
    </>
  );
}

function useFacts() {
  const { t, i18n } = useTranslation();
  return {
    rate: (item: PersonTrainingHistoryItem) => formatRate(item.attendanceRate, i18n.language) ?? EMPTY,
    units: (item: PersonTrainingHistoryItem) =>
      item.unitsTotal === 0
        ? EMPTY
        : t('training.person.unitsOf', { competent: item.unitsCompetent, total: item.unitsTotal }),
  };
}

function HistoryTable({ history }: { history: PersonTrainingHistoryItem[] }) {
  const { t } = useTranslation();
  const facts = useFacts();
  return (
    <ScrollTable label={t('training.person.history')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('training.person.program')}</Table.Th>
          <Table.Th>{t('training.person.cohort')}</Table.Th>
          <Table.Th>{t('training.person.dates')}</Table.Th>
          <Table.Th>{t('training.person.status')}</Table.Th>
          <Table.Th>{t('training.person.attendance')}</Table.Th>
          <Table.Th>{t('training.person.units')}</Table.Th>
          <Table.Th>{t('training.person.requestedOn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {history.map((item) => (
          <Table.Tr key={item.enrolmentId}>
            <Table.Td>
              <ProgramName item={item} />
            </Table.Td>
            <Table.Td>
              <CohortName item={item} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              <Dates item={item} />
            </Table.Td>
            <Table.Td>
              <Status item={item} />
            </Table.Td>
            <Table.Td>{facts.rate(item)}</Table.Td>
            <Table.Td>{facts.units(item)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.requestedOn)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function HistoryCards({ history }: { history: PersonTrainingHistoryItem[] }) {
  const { t } = useTranslation();
  const facts = useFacts();
  return (
    <Stack
      gap="xs"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('training.person.history')}
    >
      {history.map((item) => (
        <Card key={item.enrolmentId} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <ProgramName item={item} />
            </div>
            <Status item={item} />
          </Group>
          <Stack gap={2} mt={6}>
            <Text size="sm" component="div">
              {t('training.person.cohort')}: <CohortName item={item} />
            </Text>
            <Text size="sm">
              {t('training.person.dates')}: <Dates item={item} />
            </Text>
            <Group gap="md">
              <Text size="sm">
                {t('training.person.attendance')}: {facts.rate(item)}
              </Text>
              <Text size="sm">
                {t('training.person.units')}: {facts.units(item)}
              </Text>
            </Group>
            <Text size="xs" c="dimmed">
              {t('training.person.requestedOn')}: {formatDate(item.requestedOn)}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

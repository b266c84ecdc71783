import {
  Badge,
  Button,
  Group,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
  VisuallyHidden,
} from '@mantine/core';
import { IconCertificate, IconCheck, IconClipboardList } from '@tabler/icons-react';
import { type CSSProperties, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CohortResults } from '../../../../shared/results.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { useCohortSummary } from '../api/attendance.ts';
import { useCohortResults } from '../api/results.ts';
import { RESULT_COLORS, ROSTER_STATUS_COLORS } from './AttendanceVocabulary.ts';
import { CertificateFormModal } from './CertificateFormModal.tsx';
import { CertificateList } from './CertificateList.tsx';
import { indexResults, type ResultsMode, resultKey, unitLabel } from './ResultsModel.ts';
import { ResultsRecordModal } from './ResultsRecordModal.tsx';

/**
 * The cohort's results (managers of the prison only): the matrix people × competency units, "Catat hasil
 * uji" for a unit or a person, and the certificates with "Tambah sertifikat".
 */
export function ResultsTab({ cohortId }: { cohortId: string }) {
  const { t } = useTranslation();
  const cohort = useCohortSummary(cohortId);
  const canManage = cohort.data?.access.canManage === true;
  const results = useCohortResults(cohortId, { enabled: canManage });

  if (cohort.isPending) return <PageLoader />;
  if (cohort.isError) return <QueryError error={cohort.error} onRetry={() => void cohort.refetch()} />;
  if (!canManage) return <Text size="sm">{t('attendance.results.managersOnly')}</Text>;
  if (results.isPending) return <PageLoader />;
  if (results.isError) return <QueryError error={results.error} onRetry={() => void results.refetch()} />;
  return <ResultsView cohortId={cohortId} data={results.data} startDate={cohort.data.startDate} />;
}

const STICKY: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-gray-4)',
  minWidth: 'clamp(140px, 34vw, 240px)',
  maxWidth: 'clamp(140px, 34vw, 240px)',
};

function ResultsView({
  cohortId,
  data,
  startDate,
}: {
  cohortId: string;
  data: CohortResults;
  startDate: string;
}) {
  const { t } = useTranslation();
  const [recording, setRecording] = useState<ResultsMode | null>(null);
  const [certificateFor, setCertificateFor] = useState<{ enrolmentId: string | null } | null>(null);
  const recorded = useMemo(() => indexResults(data.results), [data.results]);
  const firstUnit = data.units[0];

  return (
    <Stack gap="lg">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
          <Title order={3} size="h4">
            {t('attendance.results.title')}
          </Title>
          {firstUnit && data.people.length > 0 && (
            <Button
              leftSection={<IconClipboardList size={18} aria-hidden />}
              onClick={() => setRecording({ kind: 'unit', unitId: firstUnit.id })}
              mih={44}
            >
              {t('attendance.results.recordButton')}
            </Button>
          )}
        </Group>
        {data.units.length === 0 ? (
          <Text size="sm">{t('attendance.results.noUnits')}</Text>
        ) : data.people.length === 0 ? (
          <Text size="sm">{t('attendance.results.noPeople')}</Text>
        ) : (
          <Table.ScrollContainer
            minWidth={0}
            type="native"
            tabIndex={0}
            role="region"
            aria-label={t('attendance.results.region')}
            style={{ position: 'relative' }}
          >
            <Table
              verticalSpacing="xs"
              fz="sm"
              withTableBorder
              style={{ width: 'max-content', minWidth: '100%' }}
            >
              <caption
                style={{
                  position: 'absolute',
                  width: 1,
                  height: 1,
                  overflow: 'hidden',
                  clip: 'rect(0 0 0 0)',
                }}
              >
                {t('attendance.results.caption')}
              </caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col" style={{ ...STICKY, zIndex: 2 }}>
                    {t('attendance.nameColumn')}
                  </Table.Th>
                  {data.units.map((unit) => (
                    <Table.Th
                      key={unit.id}
                      scope="col"
                      style={{ minWidth: 132, maxWidth: 180, verticalAlign: 'bottom' }}
                    >
                      <UnstyledButton
                        onClick={() => setRecording({ kind: 'unit', unitId: unit.id })}
                        aria-label={t('attendance.results.recordForUnit', { unit: unitLabel(unit) })}
                        title={unit.title}
                        mih={44}
                        style={{
                          fontWeight: 600,
                          fontSize: 'var(--mantine-font-size-sm)',
                          textAlign: 'left',
                          color: 'var(--mantine-color-blue-9)',
                          textDecoration: 'underline',
                        }}
                      >
                        {unit.code && (
                          <Text span display="block" size="xs" fw={700}>
                            {unit.code}
                          </Text>
                        )}{' '}
                        <Text span lineClamp={3} size="sm" fw={600}>
                          {unit.title}
                        </Text>
                      </UnstyledButton>
                    </Table.Th>
                  ))}
                  <Table.Th scope="col" style={{ minWidth: 96 }}>
                    {t('attendance.results.allCompetent')}
                  </Table.Th>
                  <Table.Th scope="col">{t('attendance.results.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.people.map((person) => (
                  <Table.Tr key={person.enrolmentId}>
                    <Table.Th scope="row" style={{ ...STICKY, fontWeight: 600 }}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {person.fullName}
                      </Text>
                      {person.registrationNumber && (
                        <Text size="xs" c="dimmed">
                          {person.registrationNumber}
                        </Text>
                      )}
                      {person.status === 'deallocated' && (
                        <Badge size="xs" variant="filled" color={ROSTER_STATUS_COLORS[person.status]}>
                          {t(`attendance.rosterStatus.${person.status}`)}
                        </Badge>
                      )}
                    </Table.Th>
                    {data.units.map((unit) => {
                      const item = recorded.get(resultKey(person.enrolmentId, unit.id));
                      return (
                        <Table.Td key={unit.id}>
                          {item ? (
                            <Stack gap={2} align="flex-start">
                              <Badge variant="filled" color={RESULT_COLORS[item.result]} size="sm">
                                {t(`attendance.results.result.${item.result}`)}
                              </Badge>
                              {item.score !== null && (
                                <Text size="xs">{t('attendance.results.score', { score: item.score })}</Text>
                              )}
                            </Stack>
                          ) : (
                            <Text size="xs" c="dimmed">
                              {t('attendance.results.notAssessed')}
                            </Text>
                          )}
                        </Table.Td>
                      );
                    })}
                    <Table.Td>
                      {person.allCompetent ? (
                        <>
                          <IconCheck size={20} color="var(--mantine-color-teal-9)" aria-hidden />
                          <VisuallyHidden>{t('attendance.results.allCompetentYes')}</VisuallyHidden>
                        </>
                      ) : (
                        <VisuallyHidden>{t('attendance.results.allCompetentNo')}</VisuallyHidden>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {person.status !== 'deallocated' && (
                        <Group gap={6} wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            mih={44}
                            onClick={() => setRecording({ kind: 'person', enrolmentId: person.enrolmentId })}
                            aria-label={t('attendance.results.recordForPerson', { name: person.fullName })}
                          >
                            {t('attendance.results.recordPersonShort')}
                          </Button>
                          <Button
                            size="xs"
                            variant="default"
                            mih={44}
                            leftSection={<IconCertificate size={14} aria-hidden />}
                            onClick={() => setCertificateFor({ enrolmentId: person.enrolmentId })}
                            aria-label={t('attendance.certificates.addFor', { name: person.fullName })}
                          >
                            {t('attendance.certificates.add')}
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>

      <CertificateList data={data} onAdd={() => setCertificateFor({ enrolmentId: null })} />

      {recording && (
        <ResultsRecordModal
          cohortId={cohortId}
          data={data}
          startDate={startDate}
          mode={recording}
          onClose={() => setRecording(null)}
        />
      )}
      {certificateFor && (
        <CertificateFormModal
          cohortId={cohortId}
          data={data}
          enrolmentId={certificateFor.enrolmentId}
          onClose={() => setCertificateFor(null)}
        />
      )}
    </Stack>
  );
}

import { Box, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClipboardCheck, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_CODES, type AttendanceSession } from '../../../../shared/attendance.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { attendanceXlsxUrl, useAttendanceGrid } from '../api/attendance.ts';
import { AttendanceGridTable } from './AttendanceGridTable.tsx';
import { defaultSession, formatRate } from './AttendanceModel.ts';
import { AttendanceRecordModal } from './AttendanceRecordModal.tsx';
import { AttendanceReopenModal } from './AttendanceReopenModal.tsx';
import { CELL_BACKGROUNDS } from './AttendanceVocabulary.ts';

/**
 * The cohort's attendance: the grid (people × sessions) with rates, "Catat absensi" for a whole session in
 * one request, reopening of locked sessions (supervisors), and the XLSX / daftar hadir downloads. A
 * partner's instructor uses the same tab for her cohort.
 */
export function AttendanceTab({ cohortId }: { cohortId: string }) {
  const { t, i18n } = useTranslation();
  const grid = useAttendanceGrid(cohortId);
  const [recording, setRecording] = useState<string | null>(null);
  const [reopening, setReopening] = useState<AttendanceSession | null>(null);

  if (grid.isPending) return <PageLoader />;
  if (grid.isError) return <QueryError error={grid.error} onRetry={() => void grid.refetch()} />;
  const data = grid.data;
  const next = defaultSession(data.sessions);
  const cohortRate = formatRate(data.cohortRate, i18n.language);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={2}>
          <Title order={3} size="h4">
            {t('attendance.gridTitle')}
          </Title>
          <Text size="sm">
            {cohortRate === null ? (
              t('attendance.noRateYet')
            ) : (
              <>
                <Text span fw={600}>
                  {t('attendance.cohortRate', { rate: cohortRate })}
                </Text>{' '}
                <Text span c="dimmed" size="sm">
                  {t('attendance.cohortRateHint')}
                </Text>
              </>
            )}
          </Text>
        </Stack>
        <Group gap="sm" wrap="wrap">
          {data.canRecord && (
            <Button
              leftSection={<IconClipboardCheck size={18} aria-hidden />}
              disabled={next === null || data.people.length === 0}
              onClick={() => next && setRecording(next.id)}
              mih={44}
            >
              {t('attendance.recordButton')}
            </Button>
          )}
          <Button
            component="a"
            href={attendanceXlsxUrl(cohortId)}
            download
            variant="default"
            leftSection={<IconFileSpreadsheet size={18} aria-hidden />}
            title={t('attendance.downloadXlsxLabel')}
            mih={44}
          >
            {t('attendance.downloadXlsx')}
          </Button>
        </Group>
      </Group>
      {data.canRecord && next === null && data.sessions.length > 0 && (
        <Text size="sm">{t('attendance.nothingToRecord')}</Text>
      )}
      {!data.canRecord && <Text size="sm">{t('attendance.readOnly')}</Text>}

      {data.sessions.length === 0 ? (
        <Text size="sm">{t('attendance.noSessions')}</Text>
      ) : data.people.length === 0 ? (
        <Text size="sm">{t('attendance.noPeople')}</Text>
      ) : (
        <AttendanceGridTable
          cohortId={cohortId}
          grid={data}
          onRecord={(session) => setRecording(session.id)}
          onReopen={setReopening}
        />
      )}
      <AttendanceLegend />

      {recording && (
        <AttendanceRecordModal
          cohortId={cohortId}
          grid={data}
          sessionId={recording}
          onClose={() => setRecording(null)}
          onStale={() => void grid.refetch()}
        />
      )}
      {reopening && (
        <AttendanceReopenModal cohortId={cohortId} session={reopening} onClose={() => setReopening(null)} />
      )}
    </Stack>
  );
}

const LEGEND_KINDS = ['present', 'sick', 'family_visit', 'court', 'refused', 'other'] as const;

/** What the letters and colours of the grid mean. */
function AttendanceLegend() {
  const { t } = useTranslation();
  const swatch = (background: string, code: string) => (
    <Box
      component="span"
      aria-hidden
      style={{
        display: 'inline-flex',
        alignItems: 'center',
        justifyContent: 'center',
        width: 24,
        height: 24,
        borderRadius: 4,
        fontWeight: 700,
        fontSize: 'var(--mantine-font-size-xs)',
        background,
        border: '1px solid var(--mantine-color-gray-4)',
      }}
    >
      {code}
    </Box>
  );
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="attendance-legend-title">
      <Text size="sm" fw={600} id="attendance-legend-title" mb={6}>
        {t('attendance.legend.title')}
      </Text>
      <Group gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {LEGEND_KINDS.map((kind) => (
          <Group key={kind} gap={6} component="li" wrap="nowrap">
            {swatch(CELL_BACKGROUNDS[kind], ATTENDANCE_CODES[kind === 'present' ? 'present' : kind])}
            <Text size="sm">
              {ATTENDANCE_CODES[kind]} ={' '}
              {kind === 'present' ? t('attendance.present') : t(`attendance.reason.${kind}`)}
            </Text>
          </Group>
        ))}
        <Group gap={6} component="li" wrap="nowrap">
          {swatch(CELL_BACKGROUNDS.blank, '')}
          <Text size="sm">{t('attendance.legend.blank')}</Text>
        </Group>
        <Group gap={6} component="li" wrap="nowrap">
          {swatch(CELL_BACKGROUNDS.cancelled, '')}
          <Text size="sm">{t('attendance.legend.cancelled')}</Text>
        </Group>
      </Group>
    </Paper>
  );
}

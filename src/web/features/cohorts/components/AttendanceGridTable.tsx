import { Badge, Box, Text, VisuallyHidden } from '@mantine/core';
import { type CSSProperties, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceGrid, AttendanceSession } from '../../../../shared/attendance.ts';
import { formatDate } from '../../../lib/format.ts';
import { focusColumn, formatRate, type GridCell, gridRows } from './AttendanceModel.ts';
import { AttendanceSessionMenu, SESSION_COLUMN_WIDTH } from './AttendanceSessionMenu.tsx';
import { CELL_BACKGROUNDS, ROSTER_STATUS_COLORS } from './AttendanceVocabulary.ts';

interface GridTableProps {
  cohortId: string;
  grid: AttendanceGrid;
  onRecord: (session: AttendanceSession) => void;
  onReopen: (session: AttendanceSession) => void;
}

const NAME_WIDTH = 'clamp(128px, 34vw, 220px)';
const BORDER = '1px solid var(--mantine-color-gray-3)';
const STICKY_EDGE = 'inset -1px 0 0 var(--mantine-color-gray-4)';

const headStyle: CSSProperties = {
  position: 'sticky',
  top: 0,
  zIndex: 2,
  background: 'var(--mantine-color-body)',
  borderBottom: BORDER,
  padding: 2,
};
const nameStyle: CSSProperties = {
  position: 'sticky',
  left: 0,
  zIndex: 1,
  width: NAME_WIDTH,
  minWidth: NAME_WIDTH,
  maxWidth: NAME_WIDTH,
  textAlign: 'left',
  fontWeight: 'normal',
  padding: '6px 8px',
  borderBottom: BORDER,
  boxShadow: STICKY_EDGE,
};
const cellStyle: CSSProperties = {
  width: SESSION_COLUMN_WIDTH,
  minWidth: SESSION_COLUMN_WIDTH,
  height: 44,
  textAlign: 'center',
  fontWeight: 700,
  borderBottom: BORDER,
  borderLeft: BORDER,
  padding: 0,
};

/**
 * The attendance grid: people down, sessions across. The names stay in view while the sessions scroll
 * sideways (and the headings while the names scroll down); it opens on the most recent session.
 */
export function AttendanceGridTable({ cohortId, grid, onRecord, onReopen }: GridTableProps) {
  const { t, i18n } = useTranslation();
  const rows = useMemo(() => gridRows(grid), [grid]);
  const scroller = useRef<HTMLDivElement>(null);
  const start = focusColumn(grid.sessions, grid.today);

  // Bring the recent sessions into view once: a 60-session cohort would otherwise open on its first week.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the cohort's columns first appear
  useEffect(() => {
    const box = scroller.current;
    const heading = box?.querySelector<HTMLElement>(`[data-column="${start}"]`);
    const name = box?.querySelector<HTMLElement>('[data-name-column]');
    if (!box || !heading || !name) return;
    box.scrollLeft = Math.max(0, heading.offsetLeft - name.offsetWidth - SESSION_COLUMN_WIDTH * 3);
  }, [grid.sessions.length]);

  // Short: a screen reader already announces the row (her name) and the column (the session).
  const cellLabel = (cell: GridCell) => {
    if (cell.kind === 'present') return t('attendance.present');
    if (cell.kind === 'blank') return t('attendance.notRecorded');
    if (cell.kind === 'cancelled') return t('attendance.cancelled');
    const reason = t(`attendance.reason.${cell.kind}`);
    return cell.note
      ? `${t('attendance.absent')}: ${reason} (${cell.note})`
      : `${t('attendance.absent')}: ${reason}`;
  };

  return (
    <Box
      ref={scroller}
      role="region"
      aria-label={t('attendance.gridRegion')}
      tabIndex={0}
      style={{
        overflow: 'auto',
        maxHeight: 'max(420px, 70vh)',
        border: BORDER,
        borderRadius: 'var(--mantine-radius-md)',
        position: 'relative',
        WebkitOverflowScrolling: 'touch',
      }}
    >
      <table
        style={{
          borderCollapse: 'separate',
          borderSpacing: 0,
          fontSize: 'var(--mantine-font-size-sm)',
          width: 'max-content',
        }}
      >
        <caption
          style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}
        >
          {t('attendance.gridCaption')}
        </caption>
        <thead>
          <tr>
            <th scope="col" data-name-column style={{ ...headStyle, ...nameStyle, zIndex: 3 }}>
              {t('attendance.nameColumn')}
            </th>
            {grid.sessions.map((session, j) => (
              <th
                key={session.id}
                scope="col"
                data-column={j}
                style={{
                  ...headStyle,
                  background:
                    session.status === 'cancelled' ? CELL_BACKGROUNDS.cancelled : 'var(--mantine-color-body)',
                }}
              >
                <AttendanceSessionMenu
                  cohortId={cohortId}
                  session={session}
                  today={grid.today}
                  canRecord={grid.canRecord}
                  onRecord={onRecord}
                  onReopen={onReopen}
                />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ person, cells }, i) => {
            const rowBackground = i % 2 === 1 ? 'var(--mantine-color-gray-0)' : 'var(--mantine-color-body)';
            const rate = formatRate(person.attendanceRate, i18n.language);
            return (
              <tr key={person.enrolmentId} style={{ background: rowBackground }}>
                <th scope="row" style={{ ...nameStyle, background: rowBackground }}>
                  <Text size="sm" fw={600} lh={1.3} style={{ overflowWrap: 'anywhere' }}>
                    {person.fullName}
                  </Text>
                  <Text size="xs" c="dimmed" lh={1.3}>
                    {rate === null
                      ? t('attendance.personNoRate')
                      : t('attendance.personRate', {
                          rate,
                          present: person.present,
                          total: person.present + person.absent,
                        })}
                  </Text>
                  {person.status === 'deallocated' && (
                    <Badge size="xs" mt={2} variant="filled" color={ROSTER_STATUS_COLORS[person.status]}>
                      {t(`attendance.rosterStatus.${person.status}`)}
                    </Badge>
                  )}
                </th>
                {cells.map((cell, j) => {
                  const session = grid.sessions[j] as AttendanceSession;
                  const label = cellLabel(cell);
                  return (
                    <td
                      key={session.id}
                      title={cell.kind === 'blank' ? undefined : label}
                      style={{ ...cellStyle, background: CELL_BACKGROUNDS[cell.kind] }}
                    >
                      <span aria-hidden>{cell.code}</span>
                      {cell.kind !== 'blank' && <VisuallyHidden>{label}</VisuallyHidden>}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
        <tfoot>
          <tr>
            <th
              scope="row"
              style={{ ...nameStyle, background: 'var(--mantine-color-body)', fontWeight: 600 }}
            >
              {t('attendance.presentRow')}
            </th>
            {grid.sessions.map((session) => (
              <td
                key={session.id}
                style={{ ...cellStyle, fontWeight: 500, fontSize: 'var(--mantine-font-size-xs)' }}
              >
                {session.status === 'cancelled' || session.presentCount === null ? (
                  ''
                ) : (
                  <>
                    <span aria-hidden>{session.presentCount}</span>
                    <VisuallyHidden>
                      {`${formatDate(session.date)}: ${t('attendance.session.counts', {
                        present: session.presentCount,
                        absent: session.absentCount ?? 0,
                      })}`}
                    </VisuallyHidden>
                  </>
                )}
              </td>
            ))}
          </tr>
        </tfoot>
      </table>
    </Box>
  );
}

import { Button, Popover, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { IconClipboardCheck, IconFileTypePdf, IconLock, IconLockOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttendanceSession } from '../../../../shared/attendance.ts';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { sessionPdfUrl } from '../api/attendance.ts';
import { dayMonth, isoWeekday } from './AttendanceModel.ts';

type WeekdayKey = 'w1' | 'w2' | 'w3' | 'w4' | 'w5' | 'w6' | 'w7';
const weekdayKey = (date: string) => `w${isoWeekday(date)}` as WeekdayKey;

/** How sessions are named: the column heading, the full label and the one-line state. */
export function useSessionText() {
  const { t } = useTranslation();
  const full = (session: AttendanceSession) =>
    t('attendance.session.label', {
      weekday: t(`attendance.weekdayLong.${weekdayKey(session.date)}`),
      date: formatDate(session.date),
      start: session.start,
      end: session.end,
    });
  const state = (session: AttendanceSession, today: string) => {
    if (session.status === 'cancelled')
      return t('attendance.session.cancelledReason', { reason: session.cancelReason ?? '' });
    if (session.date > today) return t('attendance.session.future');
    if (session.locked) return t('attendance.session.locked', { date: formatDate(session.lockedAt) });
    if (session.recordedAt !== null)
      return t('attendance.session.counts', {
        present: session.presentCount ?? 0,
        absent: session.absentCount ?? 0,
      });
    return t('attendance.notRecorded');
  };
  return {
    weekdayShort: (session: AttendanceSession) => t(`attendance.weekdayShort.${weekdayKey(session.date)}`),
    full,
    state,
    /** For a select: the full label and its state. */
    option: (session: AttendanceSession, today: string) => `${full(session)} · ${state(session, today)}`,
  };
}

interface SessionMenuProps {
  cohortId: string;
  session: AttendanceSession;
  today: string;
  canRecord: boolean;
  onRecord: (session: AttendanceSession) => void;
  onReopen: (session: AttendanceSession) => void;
}

export const SESSION_COLUMN_WIDTH = 56;

/**
 * A session's column heading (weekday, dd/mm; a lock when locked): a button that opens what can be done
 * with the session. A cancelled session shows its reason on hover and focus.
 */
export function AttendanceSessionMenu({
  cohortId,
  session,
  today,
  canRecord,
  onRecord,
  onReopen,
}: SessionMenuProps) {
  const { t } = useTranslation();
  const text = useSessionText();
  const cancelled = session.status === 'cancelled';
  const isToday = session.date === today;
  const state = text.state(session, today);
  const [opened, setOpened] = useState(false);

  const button = (
    <UnstyledButton
      onClick={() => setOpened((value) => !value)}
      aria-label={t('attendance.session.buttonLabel', {
        short: `${text.weekdayShort(session)} ${dayMonth(session.date)}`,
        weekday: t(`attendance.weekdayLong.${weekdayKey(session.date)}`),
        date: formatDate(session.date),
        start: session.start,
        end: session.end,
        state,
      })}
      style={{
        width: SESSION_COLUMN_WIDTH,
        minHeight: 52,
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        borderRadius: 'var(--mantine-radius-sm)',
        fontSize: 'var(--mantine-font-size-xs)',
        lineHeight: 1.25,
        color: cancelled ? 'var(--mantine-color-gray-7)' : undefined,
        textDecoration: cancelled ? 'line-through' : undefined,
        outline: isToday ? '2px solid var(--mantine-color-blue-8)' : undefined,
        outlineOffset: -2,
      }}
    >
      <span aria-hidden>{text.weekdayShort(session)}</span>{' '}
      <span aria-hidden style={{ fontWeight: 700 }}>
        {dayMonth(session.date)}
      </span>
      {session.locked ? (
        <IconLock size={12} aria-hidden />
      ) : session.reopenedUntil ? (
        <IconLockOpen size={12} aria-hidden />
      ) : null}
    </UnstyledButton>
  );

  const act = (action: (session: AttendanceSession) => void) => () => {
    setOpened(false);
    action(session);
  };

  // A popover (a small dialog), not a menu: it holds the session's state as text besides its actions.
  return (
    <Popover
      opened={opened}
      onChange={setOpened}
      position="bottom"
      withinPortal
      shadow="md"
      width={270}
      trapFocus
      returnFocus
    >
      <Popover.Target>
        {cancelled ? (
          <Tooltip
            label={t('attendance.session.cancelledReason', { reason: session.cancelReason ?? '' })}
            events={{ hover: true, focus: true, touch: false }}
            multiline
            maw={240}
          >
            {button}
          </Tooltip>
        ) : (
          button
        )}
      </Popover.Target>
      <Popover.Dropdown p="sm">
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {text.full(session)}
          </Text>
          <Text size="sm">{state}</Text>
          {session.recordedAt && (
            <Text size="xs" c="dimmed">
              {session.recordedByName
                ? t('attendance.session.recorded', {
                    time: formatDateTime(session.recordedAt),
                    name: session.recordedByName,
                  })
                : t('attendance.session.recordedNoName', { time: formatDateTime(session.recordedAt) })}
            </Text>
          )}
          {session.locked && !session.reopenable && !cancelled && (
            <Text size="xs" c="dimmed">
              {t('attendance.session.lockedHint')}
            </Text>
          )}
          {session.reopenedUntil && (
            <Text size="xs" c="dimmed">
              {t('attendance.session.reopenedUntil', { time: formatDateTime(session.reopenedUntil) })}
            </Text>
          )}
          {!cancelled && !session.locked && session.date <= today && (
            <Text size="xs" c="dimmed">
              {t('attendance.session.lockDate', { date: formatDate(session.lockedAt) })}
            </Text>
          )}
          <Stack gap={6} mt={6}>
            {canRecord && session.editable && (
              <Button
                leftSection={<IconClipboardCheck size={16} aria-hidden />}
                onClick={act(onRecord)}
                mih={44}
                justify="flex-start"
              >
                {session.recordedAt ? t('attendance.session.correct') : t('attendance.session.record')}
              </Button>
            )}
            {session.reopenable && (
              <Button
                variant="default"
                leftSection={<IconLockOpen size={16} aria-hidden />}
                onClick={act(onReopen)}
                mih={44}
                justify="flex-start"
              >
                {t('attendance.session.reopen')}
              </Button>
            )}
            {!cancelled && (
              <Button
                component="a"
                href={sessionPdfUrl(cohortId, session.id)}
                download
                variant="default"
                leftSection={<IconFileTypePdf size={16} aria-hidden />}
                mih={44}
                justify="flex-start"
                onClick={() => setOpened(false)}
              >
                {t('attendance.session.pdf')}
              </Button>
            )}
          </Stack>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

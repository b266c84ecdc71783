import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionItemStatus, AttendanceStatus, MeetingStatus } from '../../../../shared/meetings.ts';
import { ACTION_ITEM_STATUS_COLORS, MEETING_STATUS_COLORS } from './meetingText.ts';

const BADGE_STYLE = { label: { overflow: 'visible' } } as const;

/** "Direncanakan" / "Terlaksana" / "Dibatalkan". */
export function MeetingStatusBadge({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={MEETING_STATUS_COLORS[status]}
      radius="sm"
      tt="none"
      styles={BADGE_STYLE}
      style={{ flexShrink: 0 }}
    >
      {t(`meetings.status.${status}`)}
    </Badge>
  );
}

/** An action item's status, and "Terlambat" beside it when it is overdue. */
export function ActionItemStatusBadge({ status, overdue }: { status: ActionItemStatus; overdue?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge
        color={ACTION_ITEM_STATUS_COLORS[status]}
        radius="sm"
        tt="none"
        styles={BADGE_STYLE}
        style={{ flexShrink: 0 }}
      >
        {t(`meetings.actionStatus.${status}`)}
      </Badge>
      {overdue && (
        <Badge color="red.9" radius="sm" tt="none" styles={BADGE_STYLE} style={{ flexShrink: 0 }}>
          {t('meetings.actions.overdue')}
        </Badge>
      )}
    </>
  );
}

const ATTENDANCE_COLORS: Record<AttendanceStatus, string> = {
  invited: 'gray.8',
  present: 'teal.9',
  absent: 'red.9',
  excused: 'grape.9',
};

export function AttendanceBadge({ attendance }: { attendance: AttendanceStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={ATTENDANCE_COLORS[attendance]} radius="sm" tt="none" styles={BADGE_STYLE}>
      {t(`meetings.attendance.${attendance}`)}
    </Badge>
  );
}

import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ActionItem } from '../../../../shared/meetings.ts';
import { formatDate } from '../../../lib/format.ts';
import { meetingPagePath } from './paths.ts';

/** "Dari rapat …" with a link, or "Dari rapat lain" when the reader may not open that meeting. */
export function FromMeeting({ meeting }: { meeting: ActionItem['meeting'] }) {
  const { t } = useTranslation();
  if (!meeting) {
    return (
      <Text size="xs" c="dimmed">
        {t('meetings.actions.fromOtherMeeting')}
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      {t('meetings.actions.fromMeeting')}{' '}
      <Anchor component={Link} to={meetingPagePath(meeting.id)} size="xs" c="blue.9">
        {meeting.title} ({formatDate(meeting.heldOn)})
      </Anchor>
    </Text>
  );
}

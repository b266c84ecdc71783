import { Anchor, Group, SimpleGrid, Stack, Tabs, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { MeetingDetail } from '../../../../shared/meetings.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { InfoField } from '../../../components/InfoField.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate, orDash } from '../../../lib/format.ts';
import { useTabParam } from '../../../lib/useTabParam.ts';
import { useMeeting } from '../api/meetings.ts';
import { ActionItemsTab } from '../components/ActionItemsTab.tsx';
import { AgendaTab } from '../components/AgendaTab.tsx';
import { AttendanceTab } from '../components/AttendanceTab.tsx';
import { MeetingStatusBadge } from '../components/badges.tsx';
import { DecisionsTab } from '../components/DecisionsTab.tsx';
import { MeetingActions, MeetingDocuments } from '../components/MeetingActions.tsx';
import { MeetingPageProvider, StalePrompt } from '../components/MeetingPageContext.tsx';
import { formatTimeRange } from '../components/meetingText.ts';
import { PhotosTab } from '../components/PhotosTab.tsx';
import { MEETINGS_PATH, meetingPagePath } from '../components/paths.ts';

/** The tabs of a meeting, by their address (`?tab=`). */
const TABS = ['agenda', 'daftar-hadir', 'keputusan', 'tindak-lanjut', 'dokumentasi'] as const;
type Tab = (typeof TABS)[number];

/** /tata-kelola/rapat/:meetingId: the meeting's header, its actions and documents, and its tabs. */
export function MeetingPage() {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const query = useMeeting(meetingId);
  const back = <BackButton to={MEETINGS_PATH}>{t('meetings.page.back')}</BackButton>;
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
  return (
    <MeetingPageProvider meeting={query.data}>
      <MeetingView meeting={query.data} back={back} />
    </MeetingPageProvider>
  );
}

function MeetingView({ meeting, back }: { meeting: MeetingDetail; back: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { tab, selectTab } = useTabParam(TABS);
  const hours = formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language);
  const counts: Record<Tab, number | null> = {
    agenda: meeting.agenda.length,
    'daftar-hadir': meeting.attendees.length,
    keputusan: meeting.decisions.length,
    'tindak-lanjut': meeting.actionItems.length,
    dokumentasi: meeting.photos.length,
  };

  return (
    <Stack gap="md" data-meeting-id={meeting.id} data-version={meeting.version}>
      <div>
        {back}
        <PageHeader title={meeting.title} actions={<MeetingActions />} />
        <Group gap="sm" mt="xs" wrap="wrap">
          <MeetingStatusBadge status={meeting.status} />
          <Text size="sm">
            {formatDate(meeting.heldOn)}
            {hours && ` · ${hours}`}
          </Text>
        </Group>
      </div>

      <StalePrompt />

      <SimpleGrid
        component="section"
        aria-label={t('meetings.page.particulars')}
        cols={{ base: 2, md: 4 }}
        spacing="sm"
      >
        <InfoField label={t('meetings.form.place')} size="sm">
          {meeting.place}
        </InfoField>
        <InfoField label={t('meetings.page.organizer')} size="sm">
          {meeting.organizer.name}
        </InfoField>
        <InfoField label={t('meetings.form.chair')} size="sm">
          {orDash(meeting.chair)}
        </InfoField>
        <InfoField label={t('meetings.form.noteTaker')} size="sm">
          {orDash(meeting.noteTaker)}
        </InfoField>
        {meeting.previousMeeting && (
          <InfoField label={t('meetings.page.previousMeeting')} size="sm">
            <Anchor component={Link} to={meetingPagePath(meeting.previousMeeting.id)} c="blue.9">
              {meeting.previousMeeting.title} ({formatDate(meeting.previousMeeting.heldOn)})
            </Anchor>
          </InfoField>
        )}
        <InfoField label={t('meetings.page.attendanceSummary')} size="sm">
          {t('meetings.page.attendanceCounts', meeting.attendance)}
        </InfoField>
      </SimpleGrid>

      <MeetingDocuments />

      <Tabs value={tab} onChange={selectTab} keepMounted={false}>
        <Tabs.List
          aria-label={t('meetings.page.tabsLabel')}
          style={{ flexWrap: 'nowrap', overflowX: 'auto', overflowY: 'hidden' }}
        >
          {TABS.map((item) => (
            <Tabs.Tab key={item} value={item} style={{ flexShrink: 0 }}>
              {t(`meetings.page.tabs.${item}`)}
              {counts[item] ? ` (${counts[item]})` : ''}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="agenda" pt="md">
          <AgendaTab />
        </Tabs.Panel>
        <Tabs.Panel value="daftar-hadir" pt="md">
          <AttendanceTab />
        </Tabs.Panel>
        <Tabs.Panel value="keputusan" pt="md">
          <DecisionsTab />
        </Tabs.Panel>
        <Tabs.Panel value="tindak-lanjut" pt="md">
          <ActionItemsTab />
        </Tabs.Panel>
        <Tabs.Panel value="dokumentasi" pt="md">
          <PhotosTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

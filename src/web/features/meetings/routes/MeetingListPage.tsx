import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MEETING_STATUSES, type MeetingListItem } from '../../../../shared/meetings.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { todayIso } from '../../training/components/today.ts';
import { useMeetings } from '../api/meetings.ts';
import { MeetingStatusBadge } from '../components/badges.tsx';
import {
  formatTimeRange,
  MEETING_ROLES,
  meetingListQueries,
  soonestFirst,
} from '../components/meetingText.ts';
import { meetingPagePath, NEW_MEETING_PATH } from '../components/paths.ts';

/** The select's value for "every status" / "every role" (nothing in the address). */
const ALL = 'semua';

/**
 * /tata-kelola/rapat: the meetings her organization organized or attended: those coming (soonest first) and
 * those past (newest first, paged). Search, status and role live in the address. The layout gives the h1.
 */
export function MeetingListPage() {
  const { t } = useTranslation();
  const access = accessFor(useSession().permissions);
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();
  const { upcoming, past } = meetingListQueries(params, todayIso());
  const coming = useMeetings(upcoming);
  const earlier = useMeetings(past);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h3">
          {t('meetings.title')}
        </Title>
        {access.canManageMeetings && (
          <Button component={Link} to={NEW_MEETING_PATH} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('meetings.list.create')}
          </Button>
        )}
      </Group>

      <section aria-label={t('meetings.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('meetings.list.search')}
            placeholder={t('meetings.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            label={t('meetings.list.status')}
            data={[
              { value: ALL, label: t('meetings.list.allStatuses') },
              ...MEETING_STATUSES.map((status) => ({ value: status, label: t(`meetings.status.${status}`) })),
            ]}
            value={upcoming.status ?? ALL}
            onChange={(value) => update({ status: value === ALL ? null : value })}
            allowDeselect={false}
          />
          <Select
            label={t('meetings.list.role')}
            data={[
              { value: ALL, label: t('meetings.list.allRoles') },
              ...MEETING_ROLES.map((role) => ({ value: role, label: t(`meetings.list.roles.${role}`) })),
            ]}
            value={upcoming.role ?? ALL}
            onChange={(value) => update({ peran: value === ALL ? null : value })}
            allowDeselect={false}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('meetings.list.clearFilters')}
          </Button>
        )}
      </section>

      <SectionCard title={t('meetings.list.upcoming')} id="meetings-upcoming">
        {coming.isPending ? (
          <PageLoader />
        ) : coming.isError ? (
          <QueryError error={coming.error} onRetry={() => void coming.refetch()} />
        ) : coming.data.items.length === 0 ? (
          <Text size="sm">{t('meetings.list.noUpcoming')}</Text>
        ) : (
          <MeetingItems items={soonestFirst(coming.data.items)} label={t('meetings.list.upcoming')} />
        )}
      </SectionCard>

      <SectionCard title={t('meetings.list.past')} id="meetings-past">
        {earlier.isPending ? (
          <PageLoader />
        ) : earlier.isError ? (
          <QueryError error={earlier.error} onRetry={() => void earlier.refetch()} />
        ) : earlier.data.items.length === 0 ? (
          <Text size="sm">{t('meetings.list.noPast')}</Text>
        ) : (
          <>
            <MeetingItems items={earlier.data.items} label={t('meetings.list.past')} />
            <PaginationBar
              page={earlier.data.page}
              pageSize={earlier.data.pageSize}
              total={earlier.data.total}
              onChange={(next) => update({ halaman: String(next) })}
            />
          </>
        )}
      </SectionCard>
    </Stack>
  );
}

function MeetingItems({ items, label }: { items: MeetingListItem[]; label: string }) {
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  return wide ? <MeetingTable items={items} label={label} /> : <MeetingCards items={items} label={label} />;
}

function MeetingLink({ meeting }: { meeting: MeetingListItem }) {
  return (
    <Anchor
      component={Link}
      to={meetingPagePath(meeting.id)}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {meeting.title}
    </Anchor>
  );
}

function When({ meeting }: { meeting: MeetingListItem }) {
  const { i18n } = useTranslation();
  const hours = formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language);
  return (
    <>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {formatDate(meeting.heldOn)}
      </Text>
      {hours && (
        <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {hours}
        </Text>
      )}
    </>
  );
}

/** Open action items, and of those the overdue ones in red. */
function ActionCounts({ meeting }: { meeting: MeetingListItem }) {
  const { t } = useTranslation();
  if (meeting.openActionItems === 0) return <Text size="sm">{t('meetings.list.noOpenItems')}</Text>;
  return (
    <Group gap={6}>
      <Text size="sm">{t('meetings.list.openItems', { count: meeting.openActionItems })}</Text>
      {meeting.overdueActionItems > 0 && (
        <Badge color="red.9" radius="sm" tt="none">
          {t('meetings.list.overdueItems', { count: meeting.overdueActionItems })}
        </Badge>
      )}
    </Group>
  );
}

function Organizer({ meeting }: { meeting: MeetingListItem }) {
  const { t } = useTranslation();
  return (
    <>
      <Text size="sm">{meeting.organizer.name}</Text>
      <Text size="xs" c="dimmed">
        {t(meeting.organized ? 'meetings.list.roles.organized' : 'meetings.list.roles.attended')}
      </Text>
    </>
  );
}

function MeetingTable({ items, label }: { items: MeetingListItem[]; label: string }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={label} minWidth={880}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('meetings.list.date')}</Table.Th>
          <Table.Th>{t('meetings.list.meeting')}</Table.Th>
          <Table.Th>{t('meetings.list.organizer')}</Table.Th>
          <Table.Th>{t('meetings.list.status')}</Table.Th>
          <Table.Th>{t('meetings.list.present')}</Table.Th>
          <Table.Th>{t('meetings.list.actionItems')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((meeting) => (
          <Table.Tr key={meeting.id} data-meeting-id={meeting.id}>
            <Table.Td>
              <When meeting={meeting} />
            </Table.Td>
            <Table.Td>
              <MeetingLink meeting={meeting} />
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {meeting.place}
              </Text>
            </Table.Td>
            <Table.Td>
              <Organizer meeting={meeting} />
            </Table.Td>
            <Table.Td>
              <MeetingStatusBadge status={meeting.status} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('meetings.list.presentOf', { present: meeting.present, total: meeting.attendees })}
            </Table.Td>
            <Table.Td>
              <ActionCounts meeting={meeting} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each meeting is a card with the same facts. */
function MeetingCards({ items, label }: { items: MeetingListItem[]; label: string }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {items.map((meeting) => {
        const hours = formatTimeRange(meeting.startsAt, meeting.endsAt, i18n.language);
        return (
          <Card key={meeting.id} component="li" withBorder padding="sm" data-meeting-id={meeting.id}>
            <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
              <MeetingLink meeting={meeting} />
              <MeetingStatusBadge status={meeting.status} />
            </Group>
            <Stack gap={2} mt={6}>
              <Text size="sm">
                {formatDate(meeting.heldOn)}
                {hours && ` · ${hours}`}
              </Text>
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {meeting.place}
              </Text>
              <Text size="sm">
                {meeting.organizer.name} (
                {t(meeting.organized ? 'meetings.list.roles.organized' : 'meetings.list.roles.attended')})
              </Text>
              <Text size="sm">
                {t('meetings.list.present')}:{' '}
                {t('meetings.list.presentOf', { present: meeting.present, total: meeting.attendees })}
              </Text>
              <ActionCounts meeting={meeting} />
            </Stack>
          </Card>
        );
      })}
    </Stack>
  );
}

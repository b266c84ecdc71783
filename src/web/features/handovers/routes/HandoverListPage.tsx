import {
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  HANDOVER_STATUSES,
  type HandoverDirection,
  type HandoverListItem,
  type HandoverStatus,
} from '../../../../shared/handovers.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { EMPTY, formatDate, formatDateTime } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { oneOf } from '../../people/components/vocabulary.ts';
import { type HandoverFilter, useHandovers } from '../api/handovers.ts';
import { HandoverActions } from '../components/HandoverActions.tsx';
import { HandoverStateBadge } from '../components/HandoverStateBadge.tsx';

const PAGE_SIZE = 25;
/** `?status=semua`: every status, where the page's default is one status (a Bapas's inbox). */
const ALL = 'semua';

export const personHandoverPath = (personId: string) => `/warga/${personId}?tab=pembebasan`;

/**
 * /serah-terima: a Bapas sees the handovers sent to it (by default those still to decide: its inbox), a
 * prison those it sent. Status, search and page live in the address.
 */
export function HandoverListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const direction: HandoverDirection = me.organization.kind === 'probation' ? 'received' : 'sent';
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();

  // A Bapas opens on its inbox (sent, to decide); a prison on everything it sent.
  const rawStatus = params.get('status');
  const defaultStatus: HandoverStatus | undefined = direction === 'received' ? 'sent' : undefined;
  const status = rawStatus === ALL ? undefined : (oneOf(HANDOVER_STATUSES, rawStatus) ?? defaultStatus);
  const query: HandoverFilter = {
    direction,
    status,
    q: params.get('q')?.trim() || undefined,
    page: Math.max(1, Number(params.get('halaman')) || 1),
    pageSize: PAGE_SIZE,
  };
  const handovers = useHandovers(query);

  const statusOptions = [
    ...HANDOVER_STATUSES.map((code) => ({
      value: code,
      label:
        direction === 'received' && code === 'sent'
          ? t('handovers.list.tabInbox')
          : t(`handovers.state.${code}`),
    })),
    { value: ALL, label: t('handovers.list.tabAll') },
  ];
  const inbox = direction === 'received' && status === 'sent';

  return (
    <Stack gap="md">
      <PageHeader title={t('handovers.list.title')} />
      <Text size="sm" c="dimmed" mt={-8}>
        {direction === 'received' ? t('handovers.list.hintBapas') : t('handovers.list.hintPrison')}
      </Text>
      <section aria-label={t('handovers.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Select
            label={t('handovers.list.status')}
            data={statusOptions}
            value={status ?? ALL}
            onChange={(value) => update({ status: value === (defaultStatus ?? ALL) ? null : value })}
            allowDeselect={false}
          />
          <TextInput
            label={t('handovers.list.search')}
            placeholder={t('handovers.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('handovers.list.clearFilters')}
          </Button>
        )}
      </section>

      {handovers.isPending ? (
        <PageLoader />
      ) : handovers.isError ? (
        <QueryError error={handovers.error} onRetry={() => void handovers.refetch()} />
      ) : handovers.data.items.length === 0 ? (
        <Text>{inbox && !query.q ? t('handovers.list.emptyInbox') : t('handovers.list.empty')}</Text>
      ) : (
        <>
          {wide ? (
            <HandoverTable items={handovers.data.items} direction={direction} />
          ) : (
            <HandoverCards items={handovers.data.items} direction={direction} />
          )}
          <PaginationBar
            page={handovers.data.page}
            pageSize={handovers.data.pageSize}
            total={handovers.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

/** The rows carry what the caller may do with each (canAccept, …), as the server decides it. */
interface ItemsProps {
  items: HandoverListItem[];
  direction: HandoverDirection;
}

function PersonLink({ item }: { item: HandoverListItem }) {
  return (
    <Anchor
      component={Link}
      to={personHandoverPath(item.person.id)}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {item.person.displayName}
    </Anchor>
  );
}

function StateCell({ item }: { item: HandoverListItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <HandoverStateBadge state={item.status} />
      {item.officer && (
        <Text size="xs">
          {t('handovers.list.officer')}: {item.officer.name}
        </Text>
      )}
      {item.status === 'returned' && item.returnReason && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('handovers.section.returnReason', { reason: item.returnReason })}
        </Text>
      )}
    </Stack>
  );
}

/** The expected release date sent, and her release date now when it has moved since (a remission). */
function ReleaseCell({ item }: { item: HandoverListItem }) {
  const { t } = useTranslation();
  const moved = item.releaseDate && item.releaseDate !== item.expectedReleaseDate;
  return (
    <>
      {formatDate(item.expectedReleaseDate ?? item.releaseDate)}
      {moved && item.expectedReleaseDate && (
        <Text size="xs" c="dimmed">
          {t('handovers.list.releaseNow', { date: formatDate(item.releaseDate) })}
        </Text>
      )}
    </>
  );
}

function HandoverTable({ items, direction }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('handovers.list.listLabel')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('handovers.list.person')}</Table.Th>
          <Table.Th>{direction === 'received' ? t('handovers.list.from') : t('handovers.list.to')}</Table.Th>
          <Table.Th>{t('handovers.list.sentAt')}</Table.Th>
          <Table.Th>{t('handovers.list.release')}</Table.Th>
          <Table.Th>{t('handovers.list.state')}</Table.Th>
          <Table.Th>
            <VisuallyHidden>{t('handovers.list.actions')}</VisuallyHidden>
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-handover-id={item.id}>
            <Table.Td>
              <PersonLink item={item} />
              {item.person.registrationNumber && (
                <Text size="xs" c="dimmed">
                  {item.person.registrationNumber}
                </Text>
              )}
            </Table.Td>
            <Table.Td>{direction === 'received' ? item.from.name : item.to.name}</Table.Td>
            <Table.Td>
              <Text size="sm">{formatDateTime(item.sentAt)}</Text>
              <Text size="xs" c="dimmed">
                {item.sentBy}
              </Text>
            </Table.Td>
            <Table.Td>
              <ReleaseCell item={item} />
            </Table.Td>
            <Table.Td>
              <StateCell item={item} />
            </Table.Td>
            <Table.Td>
              <HandoverActions
                handover={item}
                personName={item.person.displayName}
                defaultStartsOn={item.releaseDate}
                size="xs"
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each handover is a card with the same facts and actions. */
function HandoverCards({ items, direction }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('handovers.list.listLabel')}
    >
      {items.map((item) => (
        <Card key={item.id} component="li" withBorder padding="sm" data-handover-id={item.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <PersonLink item={item} />
            <HandoverStateBadge state={item.status} />
          </Group>
          <Stack gap={2} mt={6}>
            {item.person.registrationNumber && (
              <Text size="sm">
                {t('handovers.list.registrationNumber')}: {item.person.registrationNumber}
              </Text>
            )}
            <Text size="sm">
              {direction === 'received' ? t('handovers.list.from') : t('handovers.list.to')}:{' '}
              {direction === 'received' ? item.from.name : item.to.name}
            </Text>
            <Text size="sm">
              {t('handovers.list.sentAt')}: {formatDateTime(item.sentAt)} · {item.sentBy}
            </Text>
            <Text size="sm" component="div">
              {t('handovers.list.release')}: <ReleaseCell item={item} />
            </Text>
            {item.officer && (
              <Text size="sm">
                {t('handovers.list.officer')}: {item.officer.name ?? EMPTY}
              </Text>
            )}
            {item.status === 'returned' && item.returnReason && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('handovers.section.returnReason', { reason: item.returnReason })}
              </Text>
            )}
          </Stack>
          <Group mt="sm">
            <HandoverActions
              handover={item}
              personName={item.person.displayName}
              defaultStartsOn={item.releaseDate}
            />
          </Group>
        </Card>
      ))}
    </Stack>
  );
}

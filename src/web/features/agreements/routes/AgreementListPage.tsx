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
  Title,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  AGREEMENT_KINDS,
  type AgreementListItem,
  EFFECTIVE_AGREEMENT_STATUSES,
} from '../../../../shared/agreements.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { oneOf } from '../../people/components/vocabulary.ts';
import { type AgreementFilter, useAgreements } from '../api/agreements.ts';
import { AgreementKindBadge, AgreementStatusBadge, ExpiryBadge } from '../components/AgreementBadges.tsx';
import { agreementPagePath, NEW_AGREEMENT_PATH } from '../components/paths.ts';

const PAGE_SIZE = 25;
/** The "expiring within" choices, in days (90 and 30: the reminders). */
const EXPIRING_DAYS = ['30', '90', '180', '365'] as const;

/**
 * /tata-kelola/kesepakatan: the MoU and PKS her organization is party to, soonest expiry first; kind,
 * effective status, "expiring within" and a title search in the address (`?jenis=`, `status=`, `berakhir=`,
 * `q=`, `halaman=`). The governance layout renders the page's h1.
 */
export function AgreementListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const wide = useMediaQuery('(min-width: 48em)', true, { getInitialValueInEffect: false });
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();

  const kind = oneOf(AGREEMENT_KINDS, params.get('jenis'));
  const status = oneOf(EFFECTIVE_AGREEMENT_STATUSES, params.get('status'));
  const expiring = oneOf(EXPIRING_DAYS, params.get('berakhir'));
  const query: AgreementFilter = {
    kind,
    status,
    expiringWithinDays: expiring ? Number(expiring) : undefined,
    q: params.get('q')?.trim() || undefined,
    page: Math.max(1, Number(params.get('halaman')) || 1),
    pageSize: PAGE_SIZE,
  };
  const agreements = useAgreements(query);

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={2} fz="h3">
          {t('agreements.list.title')}
        </Title>
        {access.canManageAgreements && (
          <Button component={Link} to={NEW_AGREEMENT_PATH} leftSection={<IconPlus size={16} aria-hidden />}>
            {t('agreements.list.create')}
          </Button>
        )}
      </Group>
      <section aria-label={t('agreements.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
          <Select
            label={t('agreements.list.kind')}
            placeholder={t('agreements.list.allKinds')}
            data={AGREEMENT_KINDS.map((code) => ({ value: code, label: t(`agreements.kind.${code}`) }))}
            value={kind ?? null}
            onChange={(value) => update({ jenis: value })}
            clearable
          />
          <Select
            label={t('agreements.list.status')}
            placeholder={t('agreements.list.allStatuses')}
            data={EFFECTIVE_AGREEMENT_STATUSES.map((code) => ({
              value: code,
              label: t(`agreements.status.${code}`),
            }))}
            value={status ?? null}
            onChange={(value) => update({ status: value })}
            clearable
          />
          <Select
            label={t('agreements.list.expiring')}
            placeholder={t('agreements.list.anyExpiry')}
            data={EXPIRING_DAYS.map((days) => ({
              value: days,
              label: t('agreements.list.withinDays', { count: Number(days) }),
            }))}
            value={expiring ?? null}
            onChange={(value) => update({ berakhir: value })}
            clearable
          />
          <TextInput
            label={t('agreements.list.search')}
            placeholder={t('agreements.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('agreements.list.clearFilters')}
          </Button>
        )}
      </section>

      {agreements.isPending ? (
        <PageLoader />
      ) : agreements.isError ? (
        <QueryError error={agreements.error} onRetry={() => void agreements.refetch()} />
      ) : agreements.data.items.length === 0 ? (
        <Text>{hasFilters ? t('agreements.list.emptyFiltered') : t('agreements.list.empty')}</Text>
      ) : (
        <>
          {wide ? (
            <AgreementTable items={agreements.data.items} />
          ) : (
            <AgreementCards items={agreements.data.items} />
          )}
          <PaginationBar
            page={agreements.data.page}
            pageSize={agreements.data.pageSize}
            total={agreements.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

function TitleCell({ item }: { item: AgreementListItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Anchor
        component={Link}
        to={agreementPagePath(item.id)}
        fw={600}
        c="blue.9"
        style={{ overflowWrap: 'anywhere' }}
      >
        {item.title}
      </Anchor>
      {item.parent && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('agreements.list.under', { title: item.parent.title })}
        </Text>
      )}
    </Stack>
  );
}

function ValidityCell({ item }: { item: AgreementListItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">
        {item.validFrom || item.validUntil
          ? t('agreements.validity.range', {
              from: formatDate(item.validFrom),
              until: formatDate(item.validUntil),
            })
          : t('agreements.validity.none')}
      </Text>
      <ExpiryBadge status={item.effectiveStatus} daysLeft={item.daysLeft} />
    </Stack>
  );
}

function StatusCell({ item }: { item: AgreementListItem }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} align="flex-start">
      <AgreementStatusBadge status={item.effectiveStatus} />
      {item.status === 'in_review' && (
        <Text size="xs">
          {item.agreedByMe ? t('agreements.list.agreedByMe') : t('agreements.list.notAgreedByMe')}
        </Text>
      )}
    </Stack>
  );
}

function AgreementTable({ items }: { items: AgreementListItem[] }) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('agreements.list.listLabel')} minWidth={900}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('agreements.list.titleColumn')}</Table.Th>
          <Table.Th>{t('agreements.list.kind')}</Table.Th>
          <Table.Th>{t('agreements.list.parties')}</Table.Th>
          <Table.Th>{t('agreements.list.status')}</Table.Th>
          <Table.Th>{t('agreements.list.validity')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-agreement-id={item.id}>
            <Table.Td>
              <TitleCell item={item} />
            </Table.Td>
            <Table.Td>
              <AgreementKindBadge kind={item.kind} />
            </Table.Td>
            <Table.Td>
              <Text size="sm">{item.parties.map((party) => party.name).join(', ')}</Text>
            </Table.Td>
            <Table.Td>
              <StatusCell item={item} />
            </Table.Td>
            <Table.Td>
              <ValidityCell item={item} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each agreement is a card with the same facts. */
function AgreementCards({ items }: { items: AgreementListItem[] }) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('agreements.list.listLabel')}
    >
      {items.map((item) => (
        <Card key={item.id} component="li" withBorder padding="sm" data-agreement-id={item.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <TitleCell item={item} />
            <AgreementKindBadge kind={item.kind} />
          </Group>
          <Stack gap={6} mt={6}>
            <StatusCell item={item} />
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('agreements.list.parties')}: {item.parties.map((party) => party.name).join(', ')}
            </Text>
            <ValidityCell item={item} />
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

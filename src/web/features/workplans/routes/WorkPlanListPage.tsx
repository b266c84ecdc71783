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
import { WORK_PLAN_STATUSES, type WorkPlanListItem } from '../../../../shared/workplans.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { EMPTY, formatDate, formatRupiah } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { todayIso } from '../../people/components/dates.ts';
import { useWorkPlanOptions, useWorkPlans } from '../api/workplans.ts';
import { optionsOf } from '../components/vocabulary.ts';
import { WorkPlanStatusBadge } from '../components/WorkPlanBadges.tsx';
import { LIST_KEYS, workPlanQueryOf, yearOptions } from '../components/workPlanDisplay.ts';

const PAGE_SIZE = 25;
/** The select's value for "no filter" (a Select cannot hold null as an option). */
const ANY = '';

export const workPlanPath = (id: string) => `/tata-kelola/program-teknis/${id}`;

/**
 * /tata-kelola/program-teknis: the work plans the caller's organization may see (a party of the agreement,
 * or responsible for an activity), filtered in the address. The governance layout renders the page's h1.
 */
export function WorkPlanListPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();
  const query = workPlanQueryOf(params, PAGE_SIZE);
  const plans = useWorkPlans(query);
  const options = useWorkPlanOptions();

  const agreementOptions = [
    { value: ANY, label: t('workplans.list.allAgreements') },
    ...(options.data?.agreements ?? []).map((agreement) => ({
      value: agreement.id,
      label: `${t(`workplans.agreementKind.${agreement.kind}`)} · ${agreement.title}`,
    })),
  ];
  const organizationOptions = [
    { value: ANY, label: t('workplans.list.allOrganizations') },
    ...(options.data?.organizations ?? []).map((organization) => ({
      value: organization.id,
      label: organization.name,
    })),
  ];
  // The server says whether the caller may create (canCreate); the permission hides the button until then.
  const canCreate = access.canManageWorkPlans && (plans.data?.canCreate ?? true);

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start" gap="sm">
        <div style={{ flex: '1 1 320px' }}>
          <Title order={2} fz="h3">
            {t('workplans.title')}
          </Title>
          <Text size="sm" mt={4} maw={760}>
            {t('workplans.list.intro')}
          </Text>
        </div>
        {canCreate && (
          <Button
            component={Link}
            to="/tata-kelola/program-teknis/baru"
            leftSection={<IconPlus size={16} aria-hidden />}
          >
            {t('workplans.list.create')}
          </Button>
        )}
      </Group>

      <section aria-label={t('workplans.list.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3, lg: 5 }} spacing="sm">
          <TextInput
            label={t('workplans.list.search')}
            placeholder={t('workplans.list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            label={t('workplans.list.status')}
            data={[
              { value: ANY, label: t('workplans.list.allStatuses') },
              ...optionsOf(WORK_PLAN_STATUSES, (code) => t(`workplans.status.${code}`)),
            ]}
            value={query.status ?? ANY}
            onChange={(value) => update({ [LIST_KEYS.status]: value || null })}
            allowDeselect={false}
          />
          <Select
            label={t('workplans.list.year')}
            data={[
              { value: ANY, label: t('workplans.list.allYears') },
              ...yearOptions(todayIso()).map((year) => ({ value: year, label: year })),
            ]}
            value={query.from?.slice(0, 4) ?? ANY}
            onChange={(value) => update({ [LIST_KEYS.year]: value || null })}
            allowDeselect={false}
          />
          <Select
            label={t('workplans.list.agreement')}
            data={agreementOptions}
            value={query.agreementId ?? ANY}
            onChange={(value) => update({ [LIST_KEYS.agreement]: value || null })}
            searchable
            allowDeselect={false}
            nothingFoundMessage={EMPTY}
          />
          <Select
            label={t('workplans.list.responsible')}
            data={organizationOptions}
            value={query.responsibleOrganizationId ?? ANY}
            onChange={(value) => update({ [LIST_KEYS.responsible]: value || null })}
            searchable
            allowDeselect={false}
            nothingFoundMessage={EMPTY}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('workplans.list.clearFilters')}
          </Button>
        )}
      </section>

      {plans.isPending ? (
        <PageLoader />
      ) : plans.isError ? (
        <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
      ) : plans.data.items.length === 0 ? (
        <Text>{hasFilters ? t('workplans.list.emptyFiltered') : t('workplans.list.empty')}</Text>
      ) : (
        <>
          {wide ? <PlanTable items={plans.data.items} /> : <PlanCards items={plans.data.items} />}
          <PaginationBar
            page={plans.data.page}
            pageSize={plans.data.pageSize}
            total={plans.data.total}
            onChange={(next) => update({ [LIST_KEYS.page]: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

function PlanLink({ item }: { item: WorkPlanListItem }) {
  return (
    <Anchor
      component={Link}
      to={workPlanPath(item.id)}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {item.title}
    </Anchor>
  );
}

function useRowTexts() {
  const { t } = useTranslation();
  return {
    agreement: (item: WorkPlanListItem) =>
      `${t(`workplans.agreementKind.${item.agreement.kind}`)} · ${item.agreement.title}`,
    period: (item: WorkPlanListItem) =>
      t('workplans.dateRange', { from: formatDate(item.periodStart), to: formatDate(item.periodEnd) }),
    activities: (item: WorkPlanListItem) =>
      item.activityCount === 0
        ? t('workplans.list.noActivities')
        : t('workplans.list.activitiesDone', { done: item.doneCount, count: item.activityCount }),
    targets: (item: WorkPlanListItem) =>
      item.targetCount === 0
        ? t('workplans.list.noTargets')
        : t('workplans.list.targetCount', { count: item.targetCount }),
  };
}

function PlanTable({ items }: { items: WorkPlanListItem[] }) {
  const { t } = useTranslation();
  const texts = useRowTexts();
  return (
    <ScrollTable label={t('workplans.list.listLabel')} minWidth={960}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th style={{ minWidth: 220 }}>{t('workplans.list.plan')}</Table.Th>
          <Table.Th>{t('workplans.list.agreement')}</Table.Th>
          <Table.Th>{t('workplans.list.period')}</Table.Th>
          <Table.Th>{t('workplans.list.status')}</Table.Th>
          <Table.Th style={{ textAlign: 'right' }}>{t('workplans.list.budget')}</Table.Th>
          <Table.Th>{t('workplans.list.activities')}</Table.Th>
          <Table.Th>{t('workplans.list.targets')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id} data-work-plan-id={item.id}>
            <Table.Td>
              <PlanLink item={item} />
              <Text size="xs" c="dimmed">
                {t('workplans.list.madeBy', { name: item.organization.name })}
              </Text>
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{texts.agreement(item)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{texts.period(item)}</Table.Td>
            <Table.Td>
              <WorkPlanStatusBadge status={item.status} />
            </Table.Td>
            <Table.Td style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
              {formatRupiah(item.budgetTotal)}
            </Table.Td>
            <Table.Td>{texts.activities(item)}</Table.Td>
            <Table.Td>{texts.targets(item)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone each plan is a card with the same facts. */
function PlanCards({ items }: { items: WorkPlanListItem[] }) {
  const { t } = useTranslation();
  const texts = useRowTexts();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('workplans.list.listLabel')}
    >
      {items.map((item) => (
        <Card key={item.id} component="li" withBorder padding="sm" data-work-plan-id={item.id}>
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <PlanLink item={item} />
            <WorkPlanStatusBadge status={item.status} />
          </Group>
          <Stack gap={2} mt={6}>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t('workplans.list.agreement')}: {texts.agreement(item)}
            </Text>
            <Text size="sm">
              {t('workplans.list.period')}: {texts.period(item)}
            </Text>
            <Text size="sm">
              {t('workplans.list.budget')}: {formatRupiah(item.budgetTotal)}
            </Text>
            <Text size="sm">
              {texts.activities(item)} · {texts.targets(item)}
            </Text>
            <Text size="xs" c="dimmed">
              {t('workplans.list.madeBy', { name: item.organization.name })}
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

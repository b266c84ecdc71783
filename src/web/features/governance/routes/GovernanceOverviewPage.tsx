import {
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { IconArrowRight, IconFilterOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type {
  AgreementExpiry,
  GovernanceActionItem,
  GovernanceOverview,
} from '../../../../shared/governance.ts';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { SectionCard } from '../../../components/SectionCard.tsx';
import { StatusPage } from '../../../components/StatusPage.tsx';
import { isApiError } from '../../../lib/api.ts';
import { formatDate } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useGovernanceOverview } from '../api/governance.ts';
import {
  ActionItemDue,
  ActionItemStatusBadge,
  AgreementStatusBadge,
  agreementStatusColor,
} from '../components/GovernanceBadges.tsx';
import { GOVERNANCE_PATH } from '../components/governanceTabs.ts';
import {
  expiryOrder,
  expiryUrgency,
  OVERVIEW_STATUS_CHOICES,
  type OverviewStatusChoice,
  overviewQueryFromParams,
} from '../components/overviewFilters.ts';

const NO_TEXT_KEYS: readonly never[] = [];
/** The expiry list shows this many until "show all". */
const EXPIRY_SHOWN = 8;

const meetingPath = (id: string) => `${GOVERNANCE_PATH}/rapat/${encodeURIComponent(id)}`;
const agreementPath = (id: string) => `${GOVERNANCE_PATH}/kesepakatan/${encodeURIComponent(id)}`;

/**
 * /tata-kelola: the meeting follow-ups by responsible organization (overdue first) with the list filtered in
 * the address (`?organisasi=`, `?status=`, `?halaman=`), and the agreements by status and by end date.
 */
export function GovernanceOverviewPage() {
  const { params, update, clear, hasFilters } = useAddressFilters({ textKeys: NO_TEXT_KEYS });
  const { query, status, organizationId } = overviewQueryFromParams(params);
  const overview = useGovernanceOverview(query);

  if (overview.isPending) return <PageLoader />;
  if (overview.isError) {
    if (isApiError(overview.error) && overview.error.status === 403) return <StatusPage kind="forbidden" />;
    return <QueryError error={overview.error} onRetry={() => void overview.refetch()} />;
  }
  return (
    <Stack gap="lg" aria-busy={overview.isFetching}>
      <ActionItemsSection
        data={overview.data.actionItems}
        status={status}
        organizationId={organizationId}
        hasFilters={hasFilters}
        onFilter={update}
        onClear={clear}
      />
      <AgreementsSection data={overview.data.agreements} />
    </Stack>
  );
}

function ActionItemsSection({
  data,
  status,
  organizationId,
  hasFilters,
  onFilter,
  onClear,
}: {
  data: GovernanceOverview['actionItems'];
  status: OverviewStatusChoice;
  organizationId: string | null;
  hasFilters: boolean;
  onFilter: (changes: Record<string, string | null>) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const organizations = data.byOrganization.map((row) => ({
    value: row.organization.id,
    label: row.organization.name,
  }));

  return (
    <SectionCard
      title={t('governance.overview.actionItemsTitle')}
      id="governance-action-items"
      hint={t('governance.overview.actionItemsIntro')}
    >
      {data.byOrganization.length === 0 ? (
        <Text>{t('governance.overview.noActionItems')}</Text>
      ) : (
        <>
          <ScrollTable label={t('governance.overview.byOrganizationLabel')} minWidth={300}>
            <Table.Caption style={{ captionSide: 'top', textAlign: 'left' }}>
              {t('governance.overview.byOrganizationTitle')}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('governance.overview.organization')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('governance.overview.open')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('governance.overview.overdue')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('governance.overview.done')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.byOrganization.map((row) => {
                const selected = row.organization.id === organizationId;
                return (
                  <Table.Tr key={row.organization.id} bg={selected ? 'blue.0' : undefined}>
                    <Table.Th scope="row" fw={selected ? 700 : 500}>
                      <UnstyledButton
                        onClick={() => onFilter({ organisasi: selected ? null : row.organization.id })}
                        aria-pressed={selected}
                        aria-label={t('governance.overview.showOrganization', {
                          name: row.organization.name,
                        })}
                        c="blue.9"
                        fz="sm"
                        td="underline"
                        mih={32}
                        style={{ overflowWrap: 'anywhere', textAlign: 'left' }}
                      >
                        {row.organization.name}
                      </UnstyledButton>
                    </Table.Th>
                    <Table.Td ta="right">{row.open}</Table.Td>
                    <Table.Td ta="right">
                      {row.overdue > 0 ? (
                        <Badge color="red.9" radius="sm" tt="none">
                          {row.overdue}
                        </Badge>
                      ) : (
                        0
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{row.done}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('governance.overview.totals')}</Table.Th>
                <Table.Td ta="right" fw={700}>
                  {data.totals.open}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {data.totals.overdue}
                </Table.Td>
                <Table.Td ta="right" fw={700}>
                  {data.totals.done}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </ScrollTable>

          <Group gap="sm" align="flex-end" wrap="wrap">
            <Select
              label={t('governance.overview.filterOrganization')}
              placeholder={t('governance.overview.allOrganizations')}
              data={organizations}
              value={organizationId}
              onChange={(value) => onFilter({ organisasi: value })}
              clearable
              searchable
              w={{ base: '100%', xs: 300 }}
            />
            <Select
              label={t('governance.overview.filterStatus')}
              data={OVERVIEW_STATUS_CHOICES.map((choice) => ({
                value: choice,
                label: t(`governance.overview.statusChoices.${choice}`),
              }))}
              value={status}
              // The default (not finished yet) stays out of the address.
              onChange={(value) => onFilter({ status: value === 'pending' ? null : value })}
              allowDeselect={false}
              w={{ base: '100%', xs: 220 }}
            />
            {hasFilters && (
              <Button
                variant="default"
                leftSection={<IconFilterOff size={16} aria-hidden />}
                onClick={onClear}
              >
                {t('governance.overview.clearFilters')}
              </Button>
            )}
          </Group>

          <Text size="sm" fw={600} aria-live="polite">
            {t('governance.overview.listCount', { count: data.total })}
          </Text>
          {data.items.length === 0 ? (
            <Text>{t('governance.overview.noItems')}</Text>
          ) : (
            <>
              <SimpleGrid
                cols={{ base: 1, lg: 2 }}
                spacing="xs"
                verticalSpacing="xs"
                component="ul"
                p={0}
                m={0}
                style={{ listStyle: 'none' }}
                aria-label={t('governance.overview.listLabel')}
              >
                {data.items.map((item) => (
                  <ActionItemCard key={item.id} item={item} />
                ))}
              </SimpleGrid>
              {data.total > data.pageSize && (
                <PaginationBar
                  page={data.page}
                  pageSize={data.pageSize}
                  total={data.total}
                  onChange={(next) => onFilter({ halaman: String(next) })}
                />
              )}
            </>
          )}
        </>
      )}
    </SectionCard>
  );
}

function ActionItemCard({ item }: { item: GovernanceActionItem }) {
  const { t } = useTranslation();
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      data-action-item-id={item.id}
      style={item.overdue ? { borderLeft: '4px solid var(--mantine-color-red-9)' } : undefined}
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
            {item.title}
          </Text>
          <ActionItemStatusBadge status={item.status} />
        </Group>
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('governance.overview.owner', {
            name: item.ownerName,
            organization: item.ownerOrganization.name,
          })}
        </Text>
        <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
          {t('governance.overview.meeting', {
            date: formatDate(item.meeting.heldOn),
            title: item.meeting.title,
          })}
        </Text>
        {item.agreement ? (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            <Anchor component={Link} to={agreementPath(item.agreement.id)} inherit c="blue.9">
              {t('governance.overview.agreement', { title: item.agreement.title })}
            </Anchor>
          </Text>
        ) : item.activity ? (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            <Anchor
              component={Link}
              to={`${GOVERNANCE_PATH}/program-teknis/${encodeURIComponent(item.activity.workPlanId)}`}
              inherit
              c="blue.9"
            >
              {t('governance.overview.activity', { title: item.activity.title })}
            </Anchor>
          </Text>
        ) : item.topic ? (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('governance.overview.topic', { topic: item.topic })}
          </Text>
        ) : null}
        {item.progressNote && (
          <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-line' }}>
            {t('governance.overview.progress', { note: item.progressNote })}
          </Text>
        )}
        <Group justify="space-between" align="center" gap="xs">
          {item.status === 'done' && item.doneOn ? (
            <Text size="xs">{t('governance.overview.doneOn', { date: formatDate(item.doneOn) })}</Text>
          ) : (
            <ActionItemDue item={item} />
          )}
          <Button
            component={Link}
            to={meetingPath(item.meeting.id)}
            size="xs"
            variant={item.overdue ? 'filled' : 'light'}
            aria-label={t('governance.overview.openMeetingLabel', { title: item.title })}
          >
            {t('governance.overview.openMeeting')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function AgreementsSection({ data }: { data: GovernanceOverview['agreements'] }) {
  const { t } = useTranslation();
  const [showAll, setShowAll] = useState(false);
  const ordered = expiryOrder(data.signed);
  const shown = showAll ? ordered : ordered.slice(0, EXPIRY_SHOWN);

  return (
    <SectionCard
      title={t('governance.overview.agreementsTitle')}
      id="governance-agreements"
      hint={t('governance.overview.agreementsIntro')}
      actions={
        <Button
          component={Link}
          to={`${GOVERNANCE_PATH}/kesepakatan`}
          variant="light"
          size="xs"
          rightSection={<IconArrowRight size={14} aria-hidden />}
        >
          {t('governance.overview.viewAgreements')}
        </Button>
      }
    >
      <Text size="sm" fw={600}>
        {t('governance.overview.agreementsTotal', { count: data.total })}
      </Text>
      <SimpleGrid
        cols={{ base: 2, sm: 4 }}
        spacing="xs"
        component="ul"
        p={0}
        m={0}
        style={{ listStyle: 'none' }}
        aria-label={t('governance.overview.byStatusLabel')}
      >
        {data.byStatus.map((row) => (
          <Paper
            key={row.status}
            component="li"
            withBorder
            p="xs"
            data-status={row.status}
            style={{
              borderTop: `4px solid var(--mantine-color-${agreementStatusColor(row.status).replace('.', '-')})`,
            }}
          >
            <Text fz="h3" fw={700} lh={1.2} c={row.count === 0 ? 'dimmed' : undefined}>
              {row.count}
            </Text>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {t(`governance.agreementStatuses.${row.status}`)}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>

      <Stack gap={4} mt="xs">
        <Title order={3} fz="md">
          {t('governance.overview.expiryTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('governance.overview.expiryIntro')}
        </Text>
      </Stack>
      {ordered.length === 0 ? (
        <Text>{t('governance.overview.noSigned')}</Text>
      ) : (
        <>
          <Stack
            gap="xs"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('governance.overview.expiryLabel')}
          >
            {shown.map((agreement) => (
              <ExpiryCard key={agreement.id} agreement={agreement} />
            ))}
          </Stack>
          {ordered.length > EXPIRY_SHOWN && (
            <Button
              variant="subtle"
              size="xs"
              onClick={() => setShowAll((value) => !value)}
              aria-expanded={showAll}
              style={{ alignSelf: 'flex-start' }}
            >
              {showAll
                ? t('governance.overview.showFewer')
                : t('governance.overview.showAllAgreements', { count: ordered.length })}
            </Button>
          )}
        </>
      )}
    </SectionCard>
  );
}

function ExpiryCard({ agreement }: { agreement: AgreementExpiry }) {
  const { t } = useTranslation();
  const urgency = expiryUrgency(agreement.daysLeft);
  const days = agreement.daysLeft;
  return (
    <Card
      component="li"
      withBorder
      padding="xs"
      data-agreement-id={agreement.id}
      style={
        urgency === 'expired' || urgency === 'soon'
          ? { borderLeft: '4px solid var(--mantine-color-red-9)' }
          : urgency === 'near'
            ? { borderLeft: '4px solid var(--mantine-color-orange-9)' }
            : undefined
      }
    >
      <Stack gap={4}>
        <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
          <Group gap={6} wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <Badge color="dark.6" radius="sm" tt="none" size="sm" style={{ flexShrink: 0 }}>
              {t(`governance.agreementKinds.${agreement.kind}`)}
            </Badge>
            <Anchor
              component={Link}
              to={agreementPath(agreement.id)}
              size="sm"
              fw={600}
              c="blue.9"
              style={{ overflowWrap: 'anywhere' }}
            >
              {agreement.title}
            </Anchor>
          </Group>
          <AgreementStatusBadge status={agreement.effectiveStatus} />
        </Group>
        {agreement.parties.length > 0 && (
          <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
            {t('governance.overview.parties', { names: agreement.parties.join('; ') })}
          </Text>
        )}
        <Group gap={6} wrap="wrap">
          <Text size="xs">
            {agreement.validFrom && agreement.validUntil
              ? t('governance.overview.validity', {
                  from: formatDate(agreement.validFrom),
                  until: formatDate(agreement.validUntil),
                })
              : t('governance.overview.noValidity')}
          </Text>
          {days !== null &&
            (days < 0 ? (
              <Badge color="red.9" radius="sm" tt="none" size="sm">
                {t('governance.overview.expiredDaysAgo', { count: -days })}
              </Badge>
            ) : days === 0 ? (
              <Badge color="red.9" radius="sm" tt="none" size="sm">
                {t('governance.overview.expiresToday')}
              </Badge>
            ) : (
              <Badge
                color={urgency === 'soon' ? 'red.9' : urgency === 'near' ? 'orange.9' : 'gray.7'}
                radius="sm"
                tt="none"
                size="sm"
              >
                {t('governance.daysLeft', { count: days })}
              </Badge>
            ))}
        </Group>
      </Stack>
    </Card>
  );
}

import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { IconCloudOff, IconNotes, IconSearch, IconSend } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  CASELOAD_SORTS,
  CASELOAD_STATUSES,
  type CaseloadClient,
  type CaseloadScope,
} from '../../../../shared/supervision.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDate } from '../../../lib/format.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { daysFromToday } from '../../people/components/dates.ts';
import { oneOf, WARNING_ALERT } from '../../people/components/vocabulary.ts';
import { type CaseloadFilters, useAfterSessionRecorded, useCaseload } from '../api/supervision.ts';
import { usePendingVisits } from '../components/useVisitDraft.ts';
import { DueBadge, LevelBadge, OutcomeBadge } from '../components/vocabulary.tsx';

const PAGE_SIZE = 25;
/** Address values (Indonesian) of the caseload's scope: `?lingkup=semua` is the whole Bapas. */
const SCOPE_ALL = 'semua';
const SCOPE_OWN = 'saya';

function queryFromAddress(params: URLSearchParams): CaseloadFilters {
  const scope = params.get('lingkup');
  return {
    scope: scope === SCOPE_ALL ? 'organization' : scope === SCOPE_OWN ? 'own' : undefined,
    status: oneOf(CASELOAD_STATUSES, params.get('keadaan')),
    q: params.get('q')?.trim() || undefined,
    sort: oneOf(CASELOAD_SORTS, params.get('urut')) ?? 'next_due',
    order: params.get('urut') === 'last_session' ? 'desc' : 'asc',
    page: Math.max(1, Number(params.get('halaman')) || 1),
    pageSize: PAGE_SIZE,
  };
}

/** /bimbingan: the PK's clients (the Bapas head: all of Bapas) as cards, the most urgent first. */
export function CaseloadPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const scopeLabel = useId();
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters({
    neutralKeys: ['urut', 'lingkup'],
  });
  const query = queryFromAddress(params);
  const caseload = useCaseload(query);
  const afterRecorded = useAfterSessionRecorded();
  const { pending, sending, resendAll } = usePendingVisits(me.user.id, (count) => {
    afterRecorded();
    notifySuccess(t('supervision.caseload.pendingSent', { count }));
  });
  const scope: CaseloadScope =
    caseload.data?.scope ?? query.scope ?? (access.canReadAllSupervision ? 'organization' : 'own');
  const canChooseScope = caseload.data?.canReadOrganization ?? access.canReadAllSupervision;

  const statusOptions = [
    { value: 'overdue', label: t('supervision.caseload.statusOverdue') },
    { value: 'due_soon', label: t('supervision.caseload.statusDueSoon') },
    { value: 'escalated', label: t('supervision.caseload.statusEscalated') },
    { value: 'no_schedule', label: t('supervision.caseload.statusNoSchedule') },
  ];
  const sortOptions = [
    { value: 'next_due', label: t('supervision.caseload.sortNextDue') },
    { value: 'name', label: t('supervision.caseload.sortName') },
    { value: 'released_on', label: t('supervision.caseload.sortRelease') },
    { value: 'last_session', label: t('supervision.caseload.sortLastSession') },
  ];

  return (
    <Stack gap="md">
      <PageHeader
        title={
          scope === 'organization' ? t('supervision.caseload.titleAll') : t('supervision.caseload.title')
        }
      />

      {pending.length > 0 && (
        <Alert {...WARNING_ALERT} icon={<IconCloudOff aria-hidden />} data-pending-drafts>
          <Text size="sm">{t('supervision.caseload.pendingDrafts', { count: pending.length })}</Text>
          <Button
            mt="xs"
            size="sm"
            variant="default"
            leftSection={<IconSend size={16} aria-hidden />}
            loading={sending}
            onClick={() => void resendAll()}
          >
            {t('supervision.visit.resend')}
          </Button>
        </Alert>
      )}

      <section aria-label={t('supervision.caseload.filters')}>
        <Stack gap="sm">
          {canChooseScope && (
            <Stack gap={4}>
              <Text size="sm" fw={500} id={scopeLabel}>
                {t('supervision.caseload.scope')}
              </Text>
              <SegmentedControl
                aria-labelledby={scopeLabel}
                fullWidth
                value={scope}
                onChange={(value) => update({ lingkup: value === 'organization' ? SCOPE_ALL : SCOPE_OWN })}
                data={[
                  { value: 'own', label: t('supervision.caseload.scopeOwn') },
                  { value: 'organization', label: t('supervision.caseload.scopeAll') },
                ]}
              />
            </Stack>
          )}
          <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
            <TextInput
              label={t('supervision.caseload.search')}
              placeholder={t('supervision.caseload.searchPlaceholder')}
              leftSection={<IconSearch size={16} aria-hidden />}
              type="search"
              value={search}
              onChange={(event) => setSearch(event.currentTarget.value)}
            />
            <Select
              label={t('supervision.caseload.status')}
              placeholder={t('supervision.caseload.statusAll')}
              data={statusOptions}
              value={query.status ?? null}
              onChange={(value) => update({ keadaan: value })}
              clearable
            />
            <Select
              label={t('supervision.caseload.sort')}
              data={sortOptions}
              value={query.sort ?? 'next_due'}
              onChange={(value) => update({ urut: value === 'next_due' ? null : value })}
              allowDeselect={false}
            />
          </SimpleGrid>
          {hasFilters && (
            <div>
              <Button variant="subtle" px={0} onClick={clear}>
                {t('supervision.caseload.clearFilters')}
              </Button>
            </div>
          )}
        </Stack>
      </section>

      {caseload.isPending ? (
        <PageLoader />
      ) : caseload.isError ? (
        <QueryError error={caseload.error} onRetry={() => void caseload.refetch()} />
      ) : caseload.data.items.length === 0 ? (
        <Text>{hasFilters ? t('supervision.caseload.emptyFiltered') : t('supervision.caseload.empty')}</Text>
      ) : (
        <>
          <Stack
            gap="sm"
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none' }}
            aria-label={t('supervision.caseload.listLabel')}
          >
            {caseload.data.items.map((client) => (
              <ClientCard
                key={client.personId}
                client={client}
                showOfficer={caseload.data.scope === 'organization'}
                pending={pending.includes(client.personId)}
              />
            ))}
          </Stack>
          <PaginationBar
            page={caseload.data.page}
            pageSize={caseload.data.pageSize}
            total={caseload.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

function ClientCard({
  client,
  showOfficer,
  pending,
}: {
  client: CaseloadClient;
  showOfficer: boolean;
  pending: boolean;
}) {
  const { t } = useTranslation();
  const nextDue = client.schedule?.nextDueOn ?? null;
  return (
    <Card component="li" withBorder padding="sm" data-client={client.personId}>
      <Anchor
        component={Link}
        to={`/bimbingan/${client.personId}`}
        fw={700}
        size="lg"
        c="blue.9"
        style={{ overflowWrap: 'anywhere' }}
      >
        {client.displayName}
      </Anchor>
      {client.registrationNumber && (
        <Text size="xs" c="dimmed">
          {client.registrationNumber}
        </Text>
      )}
      {(client.openEscalation || pending) && (
        <Group gap={4} mt={4}>
          {client.openEscalation && <LevelBadge level={client.openEscalation} />}
          {pending && (
            <Badge c="dark.9" color="yellow.3" radius="sm" tt="none">
              {t('supervision.caseload.pendingBadge')}
            </Badge>
          )}
        </Group>
      )}
      <Stack gap={2} mt={6}>
        <Group gap={6}>
          <Text size="sm">
            {t('supervision.caseload.nextDue')}:{' '}
            <strong>{client.schedule ? formatDate(nextDue) : t('supervision.due.none')}</strong>
          </Text>
          <DueBadge days={client.schedule ? daysFromToday(nextDue) : null} />
        </Group>
        <Group gap={6}>
          <Text size="sm">
            {t('supervision.caseload.lastSession')}:{' '}
            {client.lastSession ? formatDate(client.lastSession.heldOn) : t('supervision.caseload.noSession')}
          </Text>
          {client.lastSession && <OutcomeBadge outcome={client.lastSession.outcome} />}
        </Group>
        {client.schedule && (
          <Text size="sm" c="dimmed">
            {t(`supervision.vocab.kind.${client.schedule.kind}`)} ·{' '}
            {t(`supervision.vocab.interval.${client.schedule.interval}`)}
          </Text>
        )}
        {showOfficer && (
          <Text size="sm">
            {t('supervision.caseload.officer')}: {client.officer?.name ?? t('supervision.client.noOfficer')}
          </Text>
        )}
      </Stack>
      <Button
        component={Link}
        to={`/bimbingan/${client.personId}/kunjungan`}
        mt="sm"
        size="md"
        fullWidth
        leftSection={<IconNotes size={18} aria-hidden />}
        aria-label={t('supervision.caseload.recordVisitFor', { name: client.displayName })}
      >
        {t('supervision.caseload.recordVisit')}
      </Button>
    </Card>
  );
}

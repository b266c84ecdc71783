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
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Enrolment } from '../../../../shared/enrolments.ts';
import { BackButton } from '../../../components/BackButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { isApiError } from '../../../lib/api.ts';
import { isStaleVersion } from '../../../lib/fieldErrors.ts';
import { EMPTY, formatDate } from '../../../lib/format.ts';
import { notifyError, notifySuccess } from '../../../lib/notify.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { useDecideEnrolment, useEnrolments, useReloadEnrolments } from '../api/enrolments.ts';
import { usePrograms } from '../api/programs.ts';
import { uuidOrUndefined, waitlistQuery, waitlistStatus } from '../components/addressQuery.ts';
import { EnrolmentStatusBadge } from '../components/badges.tsx';
import { EnrolmentReasonModal, type ReasonAction } from '../components/EnrolmentReasonModal.tsx';
import { EnrolmentRequestModal } from '../components/EnrolmentRequestModal.tsx';
import { ENROLMENT_STATUS_ORDER } from '../components/vocabulary.ts';

type Target = { enrolment: Enrolment; action: ReasonAction } | null;

/** /pelatihan/antrean: requests and referrals for programs, their decisions, and who waits for a place. */
export function WaitlistPage() {
  const { t } = useTranslation();
  const me = useSession();
  const canManage = accessFor(me.permissions).canManageTraining;
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  // Typed text is debounced into the address, so a reload or the back button keeps it.
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();
  const [adding, setAdding] = useState(false);
  const [target, setTarget] = useState<Target>(null);

  const query = waitlistQuery(params);
  const statusFilter = waitlistStatus(params.get('status')).filter;
  const enrolments = useEnrolments(query);
  // Every program of the prison, also inactive ones (their entries stay on the list).
  const programs = usePrograms({ page: 1, pageSize: 200 });
  const programOptions = (programs.data?.items ?? []).map((program) => ({
    value: program.id,
    label: program.active ? program.name : `${program.name} (${t('training.inactive').toLowerCase()})`,
  }));

  const statusOptions = [
    { value: 'menunggu', label: t('training.waitlist.statusWaiting') },
    { value: 'semua', label: t('training.waitlist.statusAll') },
    ...ENROLMENT_STATUS_ORDER.map((status) => ({
      value: status,
      label: t(`cohorts.enrolmentStatus.${status}`),
    })),
  ];

  return (
    <Stack gap="md">
      <div>
        <BackButton to="/pelatihan">{t('training.catalog.back')}</BackButton>
        <PageHeader
          title={t('training.waitlist.title')}
          actions={
            canManage && (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
                {t('training.waitlist.add')}
              </Button>
            )
          }
        />
        <Text size="sm" mt="xs" maw={800}>
          {t('training.waitlist.intro')}
        </Text>
      </div>

      <section aria-label={t('training.waitlist.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <Select
            label={t('training.waitlist.program')}
            placeholder={t('training.waitlist.allPrograms')}
            data={programOptions}
            value={query.programId ?? null}
            onChange={(value) => update({ program: value })}
            searchable
            clearable
            nothingFoundMessage={EMPTY}
          />
          <Select
            label={t('training.waitlist.status')}
            data={statusOptions}
            value={statusFilter}
            onChange={(value) => update({ status: value === 'menunggu' ? null : value })}
            allowDeselect={false}
          />
          <TextInput
            label={t('training.waitlist.search')}
            placeholder={t('training.waitlist.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('training.clearFilters')}
          </Button>
        )}
      </section>

      {enrolments.isPending ? (
        <PageLoader />
      ) : enrolments.isError ? (
        <QueryError error={enrolments.error} onRetry={() => void enrolments.refetch()} />
      ) : enrolments.data.items.length === 0 ? (
        <Text>{hasFilters ? t('training.waitlist.noMatch') : t('training.waitlist.empty')}</Text>
      ) : (
        <>
          {wide ? (
            <WaitlistTable items={enrolments.data.items} canManage={canManage} onAct={setTarget} />
          ) : (
            <WaitlistCards items={enrolments.data.items} canManage={canManage} onAct={setTarget} />
          )}
          <PaginationBar
            page={enrolments.data.page}
            pageSize={enrolments.data.pageSize}
            total={enrolments.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}

      <EnrolmentRequestModal
        opened={adding}
        onClose={() => setAdding(false)}
        programId={uuidOrUndefined(params.get('program'))}
      />
      <EnrolmentReasonModal target={target} onClose={() => setTarget(null)} />
    </Stack>
  );
}

interface ItemsProps {
  items: Enrolment[];
  canManage: boolean;
  onAct: (target: { enrolment: Enrolment; action: ReasonAction }) => void;
}

function PersonLink({ enrolment }: { enrolment: Enrolment }) {
  return (
    <Anchor
      component={Link}
      to={`/warga/${enrolment.personId}`}
      fw={600}
      c="blue.9"
      style={{ overflowWrap: 'anywhere' }}
    >
      {enrolment.fullName}
    </Anchor>
  );
}

/** The program, and for an approved entry the way to its cohorts (where she is allocated). */
function ProgramCell({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  return (
    <>
      <Anchor component={Link} to={`/pelatihan/program/${enrolment.programId}`} c="blue.9">
        {enrolment.programName}
      </Anchor>
      {enrolment.status === 'approved' && (
        <Text size="xs">
          <Anchor component={Link} to={`/pelatihan/angkatan?program=${enrolment.programId}`} c="blue.9">
            {t('training.waitlist.toCohorts')}
          </Anchor>
        </Text>
      )}
      {enrolment.cohortId && enrolment.cohortName && (
        <Text size="xs">
          <Anchor component={Link} to={`/pelatihan/angkatan/${enrolment.cohortId}`} c="blue.9">
            {enrolment.cohortName}
          </Anchor>
        </Text>
      )}
    </>
  );
}

/** Why it was declined or withdrawn, under the status. */
function StatusCell({ enrolment }: { enrolment: Enrolment }) {
  const { t } = useTranslation();
  const reason =
    enrolment.status === 'declined'
      ? enrolment.decisionReason
      : enrolment.status === 'withdrawn' || enrolment.status === 'deallocated'
        ? enrolment.endNote
        : null;
  return (
    <>
      <EnrolmentStatusBadge status={enrolment.status} />
      {enrolment.status === 'deallocated' && enrolment.endReason && (
        <Text size="xs" mt={2}>
          {t(`cohorts.endReason.${enrolment.endReason}`)}
        </Text>
      )}
      {reason && (
        <Text size="xs" c="dimmed" mt={2} style={{ overflowWrap: 'anywhere' }}>
          {reason}
        </Text>
      )}
    </>
  );
}

function RowActions({
  enrolment,
  onAct,
  compact = false,
}: {
  enrolment: Enrolment;
  onAct: ItemsProps['onAct'];
  /** In a table column: the buttons wrap into a narrow block. */
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const decide = useDecideEnrolment();
  const reload = useReloadEnrolments();
  const name = enrolment.fullName;
  const open = enrolment.status === 'pending' || enrolment.status === 'approved';
  if (!open) return null;

  const approve = () =>
    decide.mutate(
      { enrolmentId: enrolment.id, decision: 'approve', version: enrolment.version },
      {
        onSuccess: () => notifySuccess(t('training.waitlist.approved', { name })),
        onError: (error) => {
          notifyError(error);
          if (isApiError(error) && isStaleVersion(error)) void reload();
        },
      },
    );

  return (
    <Group gap={6} wrap="wrap" maw={compact ? 200 : undefined}>
      {enrolment.status === 'pending' && (
        <>
          <Button
            size="compact-sm"
            leftSection={<IconCheck size={14} aria-hidden />}
            loading={decide.isPending}
            onClick={approve}
            aria-label={t('training.waitlist.approveNamed', { name })}
          >
            {t('training.waitlist.approve')}
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            onClick={() => onAct({ enrolment, action: 'decline' })}
            aria-label={t('training.waitlist.declineNamed', { name })}
          >
            {t('training.waitlist.decline')}
          </Button>
        </>
      )}
      <Button
        size="compact-sm"
        variant="default"
        onClick={() => onAct({ enrolment, action: 'withdraw' })}
        aria-label={t('training.waitlist.withdrawNamed', { name })}
      >
        {t('training.waitlist.withdraw')}
      </Button>
    </Group>
  );
}

function WaitlistTable({ items, canManage, onAct }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <ScrollTable label={t('training.waitlist.title')} minWidth={canManage ? 980 : 820}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('training.waitlist.name')}</Table.Th>
          <Table.Th>{t('training.waitlist.program')}</Table.Th>
          <Table.Th>{t('training.waitlist.source')}</Table.Th>
          <Table.Th>{t('training.waitlist.requestedOn')}</Table.Th>
          <Table.Th>{t('training.waitlist.status')}</Table.Th>
          <Table.Th>{t('training.waitlist.releaseDate')}</Table.Th>
          {canManage && <Table.Th>{t('training.actions')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((enrolment) => (
          <Table.Tr key={enrolment.id}>
            <Table.Td>
              <PersonLink enrolment={enrolment} />
              {enrolment.registrationNumber && (
                <Text size="xs" c="dimmed">
                  {enrolment.registrationNumber}
                </Text>
              )}
              {enrolment.note && (
                <Text size="xs" mt={2} lineClamp={2} title={enrolment.note} maw={280}>
                  {t('training.waitlist.noteShort', { note: enrolment.note })}
                </Text>
              )}
            </Table.Td>
            <Table.Td>
              <ProgramCell enrolment={enrolment} />
            </Table.Td>
            <Table.Td>{t(`cohorts.enrolmentSource.${enrolment.source}`)}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(enrolment.requestedOn)}</Table.Td>
            <Table.Td maw={220}>
              <StatusCell enrolment={enrolment} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(enrolment.releaseDate)}</Table.Td>
            {canManage && (
              <Table.Td>
                <RowActions enrolment={enrolment} onAct={onAct} compact />
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

function WaitlistCards({ items, canManage, onAct }: ItemsProps) {
  const { t } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('training.waitlist.title')}
    >
      {items.map((enrolment) => (
        <Card key={enrolment.id} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <PersonLink enrolment={enrolment} />
              {enrolment.registrationNumber && (
                <Text size="xs" c="dimmed">
                  {enrolment.registrationNumber}
                </Text>
              )}
            </div>
            <EnrolmentStatusBadge status={enrolment.status} />
          </Group>
          <Stack gap={2} mt={6}>
            <Text size="sm" component="div">
              {t('training.waitlist.program')}: <ProgramCell enrolment={enrolment} />
            </Text>
            <Text size="sm">
              {t('training.waitlist.source')}: {t(`cohorts.enrolmentSource.${enrolment.source}`)}
            </Text>
            <Text size="sm">
              {t('training.waitlist.requestedOn')}: {formatDate(enrolment.requestedOn)}
            </Text>
            <Text size="sm">
              {t('training.waitlist.releaseDate')}: {formatDate(enrolment.releaseDate)}
            </Text>
            {(enrolment.decisionReason || enrolment.endNote || enrolment.note) && (
              <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                {enrolment.status === 'declined'
                  ? enrolment.decisionReason
                  : enrolment.status === 'withdrawn' || enrolment.status === 'deallocated'
                    ? enrolment.endNote
                    : enrolment.note}
              </Text>
            )}
          </Stack>
          {canManage && (
            <Group mt="xs">
              <RowActions enrolment={enrolment} onAct={onAct} />
            </Group>
          )}
        </Card>
      ))}
    </Stack>
  );
}

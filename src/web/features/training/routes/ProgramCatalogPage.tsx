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
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconCalendarEvent, IconListCheck, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SECTORS } from '../../../../shared/people.ts';
import type { ProgramListItem } from '../../../../shared/programs.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { usePrograms } from '../api/programs.ts';
import { catalogQuery, PROGRAM_STATUS_FILTERS, programStatusFilter } from '../components/addressQuery.ts';
import { CertificationBadge, ProgramSkillBadges } from '../components/badges.tsx';
import { formatNumber } from '../components/numbers.ts';
import { optionsOf } from '../components/vocabulary.ts';

/** /pelatihan: the prison's training programs, with their skills, length, cohorts and waitlist. */
export function ProgramCatalogPage() {
  const { t } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  // Typed text is debounced into the address, so a reload or the back button keeps it.
  const { params, search, setSearch, update, clear, hasFilters } = useAddressFilters();

  const query = catalogQuery(params);
  const programs = usePrograms(query);

  return (
    <Stack gap="md">
      <PageHeader
        title={t('training.catalog.title')}
        actions={
          <>
            <Button
              component={Link}
              to="/pelatihan/antrean"
              variant="default"
              leftSection={<IconListCheck size={16} aria-hidden />}
            >
              {t('training.catalog.waitlist')}
            </Button>
            <Button
              component={Link}
              to="/pelatihan/angkatan"
              variant="default"
              leftSection={<IconCalendarEvent size={16} aria-hidden />}
            >
              {t('training.catalog.cohorts')}
            </Button>
            {access.canManageTraining && (
              <Button
                component={Link}
                to="/pelatihan/program/baru"
                leftSection={<IconPlus size={16} aria-hidden />}
              >
                {t('training.catalog.newProgram')}
              </Button>
            )}
          </>
        }
      />

      <section aria-label={t('training.catalog.filters')}>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="sm">
          <TextInput
            label={t('training.catalog.search')}
            placeholder={t('training.catalog.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            type="search"
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            label={t('training.catalog.sector')}
            placeholder={t('training.catalog.allSectors')}
            data={optionsOf(SECTORS, (code) => t(`people.vocab.sector.${code}`))}
            value={query.sector ?? null}
            onChange={(value) => update({ sektor: value })}
            clearable
          />
          <Select
            label={t('training.catalog.status')}
            data={optionsOf(PROGRAM_STATUS_FILTERS, (code) => t(`training.catalog.statusFilter.${code}`))}
            value={programStatusFilter(params)}
            onChange={(value) => update({ status: value === 'aktif' ? null : value })}
            allowDeselect={false}
          />
        </SimpleGrid>
        {hasFilters && (
          <Button variant="subtle" px={0} mt="xs" onClick={clear}>
            {t('training.clearFilters')}
          </Button>
        )}
      </section>

      {programs.isPending ? (
        <PageLoader />
      ) : programs.isError ? (
        <QueryError error={programs.error} onRetry={() => void programs.refetch()} />
      ) : programs.data.items.length === 0 ? (
        <Text>{hasFilters ? t('training.catalog.noMatch') : t('training.catalog.empty')}</Text>
      ) : (
        <>
          {wide ? <ProgramTable items={programs.data.items} /> : <ProgramCards items={programs.data.items} />}
          <PaginationBar
            page={programs.data.page}
            pageSize={programs.data.pageSize}
            total={programs.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

function ProgramName({ program }: { program: ProgramListItem }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="wrap">
      <Anchor
        component={Link}
        to={`/pelatihan/program/${program.id}`}
        fw={600}
        c="blue.9"
        style={{ overflowWrap: 'anywhere' }}
      >
        {program.name}
      </Anchor>
      {!program.active && (
        <Badge color="gray.8" radius="sm" tt="none">
          {t('training.inactive')}
        </Badge>
      )}
    </Group>
  );
}

function WaitlistLink({ program }: { program: ProgramListItem }) {
  const { t } = useTranslation();
  if (program.waitlist === 0) return <>{t('training.catalog.nobodyWaiting')}</>;
  return (
    <Anchor
      component={Link}
      to={`/pelatihan/antrean?program=${program.id}`}
      c="blue.9"
      style={{ whiteSpace: 'nowrap' }}
    >
      {t('training.catalog.waitingCount', { count: program.waitlist })}
    </Anchor>
  );
}

function ProgramTable({ items }: { items: ProgramListItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <ScrollTable label={t('training.catalog.title')} minWidth={1000}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('training.catalog.program')}</Table.Th>
          <Table.Th>{t('training.catalog.provider')}</Table.Th>
          <Table.Th>{t('training.catalog.skills')}</Table.Th>
          <Table.Th>{t('training.catalog.length')}</Table.Th>
          <Table.Th>{t('training.catalog.certification')}</Table.Th>
          <Table.Th>{t('training.catalog.openCohorts')}</Table.Th>
          <Table.Th>{t('training.catalog.waitlistColumn')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((program) => (
          <Table.Tr key={program.id}>
            <Table.Td>
              <ProgramName program={program} />
            </Table.Td>
            <Table.Td>
              {program.providerName}
              {program.providerKind === 'partner' && (
                <Text size="xs" c="dimmed">
                  {t('training.providerKind.partner')}
                </Text>
              )}
            </Table.Td>
            <Table.Td maw={320}>
              <ProgramSkillBadges skills={program.skills} />
            </Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>
              {t('training.sessions', { count: program.sessionsCount })}
              <Text size="xs" c="dimmed">
                {t('training.hours', {
                  count: program.hoursTotal,
                  value: formatNumber(program.hoursTotal, i18n.language),
                })}
              </Text>
            </Table.Td>
            <Table.Td>
              <CertificationBadge path={program.certification} />
            </Table.Td>
            <Table.Td>{program.openCohorts}</Table.Td>
            <Table.Td>
              <WaitlistLink program={program} />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </ScrollTable>
  );
}

/** On a phone or a narrow tablet each program is a card: the same facts, stacked. */
function ProgramCards({ items }: { items: ProgramListItem[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Stack
      gap="sm"
      component="ul"
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('training.catalog.title')}
    >
      {items.map((program) => (
        <Card key={program.id} component="li" withBorder padding="sm">
          <Group justify="space-between" align="flex-start" gap="xs" wrap="nowrap">
            <ProgramName program={program} />
            <CertificationBadge path={program.certification} />
          </Group>
          <Stack gap={6} mt={6}>
            <Text size="sm">
              {t('training.catalog.provider')}: {program.providerName}
            </Text>
            <ProgramSkillBadges skills={program.skills} />
            <Text size="sm">
              {t('training.sessions', { count: program.sessionsCount })} ·{' '}
              {t('training.hours', {
                count: program.hoursTotal,
                value: formatNumber(program.hoursTotal, i18n.language),
              })}
            </Text>
            <Text size="sm">
              {t('training.catalog.openCohorts')}: {program.openCohorts} · <WaitlistLink program={program} />
            </Text>
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

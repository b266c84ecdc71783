import { Anchor, Button, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ROLE_CODES } from '../../../../shared/permissions.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { PaginationBar } from '../../../components/PaginationBar.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { ScrollTable } from '../../../components/ScrollTable.tsx';
import { accessFor } from '../../../lib/access.ts';
import { formatDateTime } from '../../../lib/format.ts';
import { useAddressFilters } from '../../../lib/useAddressFilters.ts';
import { useSession } from '../../auth/api/session.ts';
import { OrganizationSelect } from '../../organizations/components/OrganizationSelect.tsx';
import { useRoles } from '../api/roles.ts';
import { useUsers } from '../api/users.ts';
import { RoleBadges } from '../components/RoleBadges.tsx';
import { UserStatusBadges } from '../components/UserStatusBadges.tsx';

const PAGE_SIZE = 25;

export function UserListPage() {
  const { t, i18n } = useTranslation();
  const me = useSession();
  const access = accessFor(me.permissions);
  const navigate = useNavigate();
  const roles = useRoles();
  // The search box is debounced into the address, so a reload or the back button keeps it.
  const { params, search, setSearch, update } = useAddressFilters();
  const q = params.get('q')?.trim() ?? '';

  const page = Math.max(1, Number(params.get('halaman')) || 1);
  const organizationId = params.get('organisasi') ?? undefined;
  // Only a known role reaches the API: an edited address must not turn into a validation error.
  const role = ROLE_CODES.find((code) => code === params.get('peran'));
  const activeParam = params.get('aktif');
  const active = activeParam === 'true' || activeParam === 'false' ? activeParam : undefined;

  const users = useUsers({ q: q || undefined, organizationId, role, active, page, pageSize: PAGE_SIZE });

  const roleOptions = (roles.data?.items ?? []).map((item) => ({
    value: item.code,
    label: i18n.language === 'en' ? item.nameEn : item.nameId,
  }));

  return (
    <Stack gap="md">
      <PageHeader
        title={t('users.title')}
        actions={
          access.canManageUsers && (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              onClick={() => void navigate('/admin/pengguna/baru')}
            >
              {t('users.add')}
            </Button>
          )
        }
      />

      <SimpleGrid cols={{ base: 1, xs: 2, md: access.canReadAllUsers ? 4 : 3 }} spacing="sm">
        <TextInput
          label={t('users.search')}
          placeholder={t('users.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          type="search"
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        {access.canReadAllUsers && (
          <OrganizationSelect
            label={t('users.organization')}
            placeholder={t('users.allOrganizations')}
            value={organizationId ?? null}
            onChange={(value) => update({ organisasi: value })}
            clearable
          />
        )}
        <Select
          label={t('users.role')}
          placeholder={t('users.allRoles')}
          data={roleOptions}
          value={role ?? null}
          onChange={(value) => update({ peran: value })}
          clearable
          searchable
        />
        <Select
          label={t('users.status')}
          data={[
            { value: '', label: t('users.allStatuses') },
            { value: 'true', label: t('users.active') },
            { value: 'false', label: t('users.inactive') },
          ]}
          value={active ?? ''}
          onChange={(value) => update({ aktif: value })}
          allowDeselect={false}
        />
      </SimpleGrid>

      {users.isPending ? (
        <PageLoader />
      ) : users.isError ? (
        <QueryError error={users.error} onRetry={() => void users.refetch()} />
      ) : users.data.items.length === 0 ? (
        <Text>{t('users.empty')}</Text>
      ) : (
        <>
          <ScrollTable label={t('users.title')} minWidth={820}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('users.name')}</Table.Th>
                <Table.Th>{t('users.organization')}</Table.Th>
                <Table.Th>{t('users.roles')}</Table.Th>
                <Table.Th>{t('users.status')}</Table.Th>
                <Table.Th>{t('users.lastLogin')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {users.data.items.map((user) => (
                <Table.Tr key={user.id}>
                  <Table.Td>
                    <Anchor component={Link} to={`/admin/pengguna/${user.id}`} fw={600}>
                      {user.fullName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {user.username}
                      {user.position ? ` · ${user.position}` : ''}
                    </Text>
                  </Table.Td>
                  <Table.Td>{user.organizationName}</Table.Td>
                  <Table.Td>
                    <RoleBadges roles={user.roles} />
                  </Table.Td>
                  <Table.Td>
                    <UserStatusBadges user={user} />
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : t('users.never')}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </ScrollTable>
          <PaginationBar
            page={users.data.page}
            pageSize={users.data.pageSize}
            total={users.data.total}
            onChange={(next) => update({ halaman: String(next) })}
          />
        </>
      )}
    </Stack>
  );
}

import { Anchor, Card, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { OrganizationKind } from '../../../../shared/organizations.ts';
import { ORGANIZATION_KINDS } from '../../../../shared/permissions.ts';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { PageLoader } from '../../../components/PageLoader.tsx';
import { QueryError } from '../../../components/QueryError.tsx';
import { orDash } from '../../../lib/format.ts';
import { useOrganizations } from '../api/organizations.ts';
import { OrganizationKindBadge } from '../components/OrganizationKindBadge.tsx';

function asKind(value: string | null): OrganizationKind | undefined {
  return ORGANIZATION_KINDS.find((kind) => kind === value);
}

export function OrganizationListPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const kind = asKind(params.get('jenis'));
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [q] = useDebouncedValue(search.trim(), 300);
  const organizations = useOrganizations({ kind, q: q || undefined });

  const setKind = (value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set('jenis', value);
    else next.delete('jenis');
    setParams(next, { replace: true });
  };

  const kindOptions = [
    { value: '', label: t('organizations.allKinds') },
    ...ORGANIZATION_KINDS.map((value) => ({ value, label: t(`orgKind.${value}`) })),
  ];

  return (
    <Stack gap="md">
      <PageHeader title={t('organizations.title')} />
      <Group align="flex-end" gap="sm" grow preventGrowOverflow={false}>
        <TextInput
          label={t('organizations.search')}
          placeholder={t('organizations.searchPlaceholder')}
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          type="search"
          miw={200}
        />
        <Select
          label={t('organizations.kind')}
          data={kindOptions}
          value={kind ?? ''}
          onChange={setKind}
          allowDeselect={false}
          miw={180}
        />
      </Group>

      {organizations.isPending ? (
        <PageLoader />
      ) : organizations.isError ? (
        <QueryError error={organizations.error} onRetry={() => void organizations.refetch()} />
      ) : (
        <>
          <Text size="sm" aria-live="polite">
            {t('common.total', { count: organizations.data.items.length })}
          </Text>
          {organizations.data.items.length === 0 ? (
            <Text>{t('organizations.empty')}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
              {organizations.data.items.map((organization) => (
                <Card key={organization.id} withBorder padding="md" component="article">
                  <Group gap="xs" mb={6}>
                    <OrganizationKindBadge kind={organization.kind} />
                  </Group>
                  <Anchor
                    component={Link}
                    to={`/organisasi/${organization.id}`}
                    fw={600}
                    style={{ overflowWrap: 'anywhere' }}
                  >
                    {organization.name}
                  </Anchor>
                  {organization.code && (
                    <Text size="sm">
                      {t('organizations.code')}: {organization.code}
                    </Text>
                  )}
                  {organization.parentName && (
                    <Text size="sm">
                      {t('organizations.parent')}: {organization.parentName}
                    </Text>
                  )}
                  <Text size="sm" c="dimmed" mt={4}>
                    {orDash(organization.address)}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}

import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS } from '../../../../shared/permissions.ts';
import { useOrganizations } from '../api/organizations.ts';

/** Searchable organization picker, grouped by kind (Lapas, Bapas, Kecamatan, Kelurahan, Mitra). */
export function OrganizationSelect(props: Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const items = organizations.data?.items ?? [];
  const data = ORGANIZATION_KINDS.map((kind) => ({
    group: t(`orgKind.${kind}`),
    items: items
      .filter((organization) => organization.kind === kind)
      .map((organization) => ({ value: organization.id, label: organization.name })),
  })).filter((group) => group.items.length > 0);

  return <Select searchable nothingFoundMessage="—" {...props} data={data} />;
}

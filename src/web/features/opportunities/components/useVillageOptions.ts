import { useTranslation } from 'react-i18next';
import type { Me } from '../../../../shared/auth.ts';
import { useOrganizations } from '../../organizations/api/organizations.ts';
import { managedVillages } from './managedVillages.ts';

/** The program's kelurahan as select options, by name; with `managedBy`, only those she manages. */
export function useVillageOptions(managedBy?: Me) {
  const { i18n } = useTranslation();
  const villages = useOrganizations({ kind: 'village' });
  const all = villages.data?.items ?? [];
  const items = managedBy ? managedVillages(all, managedBy.organization) : all;
  const options = items
    .map((village) => ({ value: village.id, label: village.name }))
    .sort((a, b) => a.label.localeCompare(b.label, i18n.language));
  return { options, isPending: villages.isPending };
}

import type { Me } from '../../../../shared/auth.ts';
import type { OrganizationSummary } from '../../../../shared/organizations.ts';

/**
 * The kelurahan a user manages: her own kelurahan, or the kelurahan of her kecamatan; anyone else (a
 * partner drafting) may name any of them. The server decides again.
 */
export function managedVillages<T extends Pick<OrganizationSummary, 'id' | 'parentId'>>(
  villages: readonly T[],
  organization: Pick<Me['organization'], 'id' | 'kind'>,
): T[] {
  if (organization.kind === 'village') return villages.filter((village) => village.id === organization.id);
  if (organization.kind === 'district')
    return villages.filter((village) => village.parentId === organization.id);
  return [...villages];
}

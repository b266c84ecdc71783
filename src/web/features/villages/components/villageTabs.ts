import type { Access } from '../../../lib/access.ts';

export const VILLAGE_TABS = [
  'profil',
  'potensi',
  'kebutuhan',
  'fasilitas',
  'mitra',
  'peluang',
  'penempatan',
  'riwayat',
] as const;
export type VillageTab = (typeof VILLAGE_TABS)[number];

type TabAccess = Pick<Access, 'canReadAllPartners' | 'canReadAllOpportunities' | 'canManagePlacements'>;

/**
 * The tabs a user may open. Partners, opportunities and pipelines belong to the program's readers (the
 * agencies, kecamatan and kelurahan): a viewer or an administrator reads the profile only, and a partner
 * (who sees only her own organization's) reads them from her own pages.
 */
export function villageTabs(access: TabAccess): VillageTab[] {
  return VILLAGE_TABS.filter((tab) => {
    if (tab === 'mitra') return access.canReadAllPartners;
    if (tab === 'peluang') return access.canReadAllOpportunities;
    if (tab === 'penempatan') return access.canReadAllOpportunities && access.canManagePlacements;
    return true;
  });
}

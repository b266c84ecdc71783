import type { SECTORS } from '../../../shared/people.ts';
import type {
  VillageChange,
  VillageCounts,
  VillageDetail,
  VillageFacility,
  VillageListItem,
  VillageNeed,
  VillagePotential,
  VillageRevision,
} from '../../../shared/villages.ts';
import { presentContact } from '../organizations/organizations.presenter.ts';
import type {
  FacilityRow,
  NeedRow,
  PotentialRow,
  RevisionRow,
  VillageListRow,
  VillageRow,
} from './villages.repository.ts';

const decimal = (value: string | number | null) => (value === null ? null : Number(value));

function presentCounts(row: VillageListRow): VillageCounts {
  return {
    potentials: Number(row.potentials),
    needs: Number(row.needs),
    facilities: Number(row.facilities),
    partners: Number(row.partners),
    openOpportunities: Number(row.open_opportunities),
    openPlaces: Number(row.open_places),
    placed: Number(row.placed),
  };
}

export function presentVillageListItem(row: VillageListRow): VillageListItem {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    shortName: row.short_name,
    kecamatanId: row.kecamatan_id,
    kecamatanName: row.kecamatan_name,
    hostStatus: row.host_status,
    hostSince: row.host_since,
    counts: presentCounts(row),
  };
}

export function presentPotential(row: PotentialRow): VillagePotential {
  return {
    id: row.id,
    sector: row.sector as (typeof SECTORS)[number],
    skillId: row.skill_id,
    skillName: row.skill_name,
    skillNameEn: row.skill_name_en,
    description: row.description,
    strength: row.strength,
    source: row.source,
    position: row.position,
  };
}

export function presentNeed(row: NeedRow): VillageNeed {
  return {
    id: row.id,
    sector: row.sector as (typeof SECTORS)[number],
    skillId: row.skill_id,
    skillName: row.skill_name,
    skillNameEn: row.skill_name_en,
    kind: row.kind,
    description: row.description,
    size: row.size,
    seasonMonths: [...row.season_months].sort((a, b) => a - b),
    position: row.position,
  };
}

export function presentFacility(row: FacilityRow): VillageFacility {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    address: row.address,
    capacity: row.capacity,
    description: row.description,
    position: row.position,
  };
}

export function presentVillage(
  row: VillageRow,
  rows: { potentials: PotentialRow[]; needs: NeedRow[]; facilities: FacilityRow[] },
): VillageDetail {
  return {
    ...presentVillageListItem(row),
    address: row.address,
    phone: row.phone,
    email: row.email,
    contacts: row.contacts.map(presentContact),
    profile: {
      lurahName: row.lurah_name,
      lurahPhone: row.lurah_phone,
      population: row.population,
      areaKm2: decimal(row.area_km2),
      latitude: decimal(row.latitude),
      longitude: decimal(row.longitude),
      description: row.description,
      hostSince: row.host_since,
      hostAgreement: row.host_agreement,
    },
    potentials: rows.potentials.map(presentPotential),
    needs: rows.needs.map(presentNeed),
    facilities: rows.facilities.map(presentFacility),
    updatedAt: row.updated_at ? row.updated_at.toISOString() : null,
    updatedByName: row.updated_by_name,
    canEdit: Boolean(row.can_edit),
    version: row.version ?? 0,
  };
}

export function presentRevision(row: RevisionRow): VillageRevision {
  return {
    id: row.id,
    version: row.version,
    changedAt: row.changed_at.toISOString(),
    changedBy:
      row.user_id === null
        ? null
        : { id: row.user_id, name: row.full_name ?? '', organizationName: row.organization_name ?? '' },
    changes: row.changes as VillageChange[],
  };
}

import type { SECTORS } from '../../../../shared/people.ts';
import type {
  UpdateVillageRequest,
  VillageDetail,
  VillageFacilityKind,
  VillageNeedKind,
} from '../../../../shared/villages.ts';

type Sector = (typeof SECTORS)[number];

// The profile form as data: one document, saved whole with its version (unit-tested).

export interface ContactRow {
  /** A stable React key. */
  key: string;
  name: string;
  position: string;
  phone: string;
  email: string;
}

export interface PotentialRow {
  key: string;
  /** A stored row keeps its id, so the history says it changed (not deleted and added). */
  id?: string;
  sector: Sector | null;
  skillId: string | null;
  description: string;
  /** '1'..'5' for the select; null until chosen. */
  strength: string | null;
  source: string;
}

export interface NeedRow {
  key: string;
  id?: string;
  sector: Sector | null;
  skillId: string | null;
  kind: VillageNeedKind | null;
  description: string;
  /** Number inputs hold '' when empty. */
  size: number | string;
  /** Months '1'..'12' for the multi-select; none = all year. */
  seasonMonths: string[];
}

export interface FacilityRow {
  key: string;
  id?: string;
  kind: VillageFacilityKind | null;
  name: string;
  address: string;
  capacity: number | string;
  description: string;
}

/** The form's values: text inputs hold '' where the API takes null, number inputs '' when empty. */
export interface VillageFormValues {
  lurahName: string;
  lurahPhone: string;
  population: number | string;
  areaKm2: number | string;
  latitude: number | string;
  longitude: number | string;
  description: string;
  /** 'yyyy-mm-dd' or null. */
  hostSince: string | null;
  hostAgreement: string;
  contacts: ContactRow[];
  potentials: PotentialRow[];
  needs: NeedRow[];
  facilities: FacilityRow[];
}

let rowCounter = 0;

function newKey(prefix: string): string {
  rowCounter += 1;
  return `${prefix}-new-${rowCounter}`;
}

export const newContactRow = (): ContactRow => ({
  key: newKey('contact'),
  name: '',
  position: '',
  phone: '',
  email: '',
});

export const newPotentialRow = (): PotentialRow => ({
  key: newKey('potential'),
  sector: null,
  skillId: null,
  description: '',
  strength: null,
  source: '',
});

export const newNeedRow = (): NeedRow => ({
  key: newKey('need'),
  sector: null,
  skillId: null,
  kind: null,
  description: '',
  size: '',
  seasonMonths: [],
});

export const newFacilityRow = (): FacilityRow => ({
  key: newKey('facility'),
  kind: null,
  name: '',
  address: '',
  capacity: '',
  description: '',
});

const text = (value: string | null) => value ?? '';
const numberText = (value: number | null) => value ?? '';

/** The form's starting values from the kelurahan as read (empty fields for a profile never saved). */
export function villageFormValues(village: VillageDetail): VillageFormValues {
  const profile = village.profile;
  return {
    lurahName: text(profile.lurahName),
    lurahPhone: text(profile.lurahPhone),
    population: numberText(profile.population),
    areaKm2: numberText(profile.areaKm2),
    latitude: numberText(profile.latitude),
    longitude: numberText(profile.longitude),
    description: text(profile.description),
    hostSince: profile.hostSince,
    hostAgreement: text(profile.hostAgreement),
    contacts: village.contacts.map((contact, index) => ({
      key: `contact-${index}`,
      name: contact.name,
      position: text(contact.position),
      phone: text(contact.phone),
      email: text(contact.email),
    })),
    potentials: [...village.potentials]
      .sort((a, b) => a.position - b.position)
      .map((row) => ({
        key: row.id,
        id: row.id,
        sector: row.sector,
        skillId: row.skillId,
        description: row.description,
        strength: String(row.strength),
        source: text(row.source),
      })),
    needs: [...village.needs]
      .sort((a, b) => a.position - b.position)
      .map((row) => ({
        key: row.id,
        id: row.id,
        sector: row.sector,
        skillId: row.skillId,
        kind: row.kind,
        description: row.description,
        size: numberText(row.size),
        seasonMonths: [...row.seasonMonths].sort((a, b) => a - b).map(String),
      })),
    facilities: [...village.facilities]
      .sort((a, b) => a.position - b.position)
      .map((row) => ({
        key: row.id,
        id: row.id,
        kind: row.kind,
        name: row.name,
        address: text(row.address),
        capacity: numberText(row.capacity),
        description: text(row.description),
      })),
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A number input's value as a number, or null when it is empty or not a number (`12,5` is read too). */
export function numberOrNull(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const trimmed = value.trim().replace(',', '.');
  if (trimmed === '') return null;
  const parsed = Number(trimmed);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * The PUT body from the form. Every row is sent in its place (with its id when stored), so the server's
 * field errors (`potentials.2.strength`) land on the row the officer sees. Required choices the form
 * checks first are sent as they are; a missing one would come back as that row's field error.
 */
export function villageRequest(values: VillageFormValues, version: number): UpdateVillageRequest {
  return {
    version,
    lurahName: orNull(values.lurahName),
    lurahPhone: orNull(values.lurahPhone),
    population: numberOrNull(values.population),
    areaKm2: numberOrNull(values.areaKm2),
    latitude: numberOrNull(values.latitude),
    longitude: numberOrNull(values.longitude),
    description: orNull(values.description),
    hostSince: values.hostSince || null,
    hostAgreement: orNull(values.hostAgreement),
    contacts: values.contacts.map((row) => ({
      name: row.name.trim(),
      position: orNull(row.position),
      phone: orNull(row.phone),
      email: orNull(row.email),
    })),
    potentials: values.potentials.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      sector: row.sector as Sector,
      skillId: row.skillId,
      description: row.description.trim(),
      strength: Number(row.strength),
      source: orNull(row.source),
    })),
    needs: values.needs.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      sector: row.sector as Sector,
      skillId: row.skillId,
      kind: row.kind as VillageNeedKind,
      description: row.description.trim(),
      size: numberOrNull(row.size),
      seasonMonths: row.seasonMonths.map(Number).sort((a, b) => a - b),
    })),
    facilities: values.facilities.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      kind: row.kind as VillageFacilityKind,
      name: row.name.trim(),
      address: orNull(row.address),
      capacity: numberOrNull(row.capacity),
      description: orNull(row.description),
    })),
  };
}

/**
 * A skill chosen for another sector no longer fits when the row's sector changes: the row keeps the
 * skill only when it belongs to the new sector.
 */
export function skillAfterSectorChange(
  skillId: string | null,
  sector: Sector | null,
  skillSector: (skillId: string) => Sector | undefined,
): string | null {
  if (skillId === null || sector === null) return null;
  return skillSector(skillId) === sector ? skillId : null;
}

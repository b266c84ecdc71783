import { describe, expect, it } from 'vitest';
import type { VillageDetail } from '../../../../shared/villages.ts';
import {
  newFacilityRow,
  newNeedRow,
  numberOrNull,
  skillAfterSectorChange,
  villageFormValues,
  villageRequest,
} from './villageForm.ts';

const SKILL = '6f0c1c52-3a0b-4f8e-9a55-0c3f3b7d2a11';
const POTENTIAL = '2b0a5b8e-1c47-4a35-8a8a-6d8a1b9d0c01';
const NEED = '2b0a5b8e-1c47-4a35-8a8a-6d8a1b9d0c02';
const FACILITY = '2b0a5b8e-1c47-4a35-8a8a-6d8a1b9d0c03';

function village(overrides: Partial<VillageDetail> = {}): VillageDetail {
  return {
    id: 'a3e1a2f0-0000-4000-8000-000000000013',
    code: '33.74.13.1013',
    name: 'Kelurahan Krobokan',
    shortName: 'Krobokan',
    kecamatanId: 'a3e1a2f0-0000-4000-8000-000000000000',
    kecamatanName: 'Kecamatan Semarang Barat',
    hostStatus: 'host',
    hostSince: '2026-05-04',
    counts: {
      potentials: 1,
      needs: 1,
      facilities: 1,
      partners: 0,
      openOpportunities: 0,
      openPlaces: 0,
      placed: 0,
    },
    address: null,
    phone: null,
    email: null,
    contacts: [{ name: 'Sri Wahyuni', position: 'Kasi Kesra', phone: null, email: 'sri@example.go.id' }],
    profile: {
      lurahName: 'Budi Santoso',
      lurahPhone: null,
      population: 15_210,
      areaKm2: 1.25,
      latitude: -6.9712,
      longitude: 110.3921,
      description: null,
      hostSince: '2026-05-04',
      hostAgreement: 'PKS 12/2026',
    },
    potentials: [
      {
        id: POTENTIAL,
        sector: 'garment',
        skillId: SKILL,
        skillName: 'Menjahit',
        skillNameEn: 'Sewing',
        description: 'Konveksi rumahan',
        strength: 4,
        source: null,
        position: 0,
      },
    ],
    needs: [
      {
        id: NEED,
        sector: 'food',
        skillId: null,
        skillName: null,
        skillNameEn: null,
        kind: 'market',
        description: 'Katering hajatan',
        size: null,
        seasonMonths: [8, 6, 7],
        position: 0,
      },
    ],
    facilities: [
      {
        id: FACILITY,
        kind: 'community_hub',
        name: 'Balai RW 03',
        address: null,
        capacity: 40,
        description: null,
        position: 0,
      },
    ],
    updatedAt: '2026-05-04T03:00:00Z',
    updatedByName: 'Budi',
    canEdit: true,
    version: 3,
    ...overrides,
  };
}

describe('villageFormValues', () => {
  it('fills the form from the profile: empty text for null, months as strings in order', () => {
    const values = villageFormValues(village());
    expect(values.lurahPhone).toBe('');
    expect(values.population).toBe(15_210);
    expect(values.description).toBe('');
    expect(values.contacts[0]).toMatchObject({ name: 'Sri Wahyuni', phone: '', email: 'sri@example.go.id' });
    expect(values.potentials[0]).toMatchObject({ id: POTENTIAL, strength: '4', skillId: SKILL, source: '' });
    expect(values.needs[0]).toMatchObject({ id: NEED, size: '', seasonMonths: ['6', '7', '8'] });
    expect(values.facilities[0]).toMatchObject({ id: FACILITY, capacity: 40 });
  });

  it('starts empty for a kelurahan whose profile was never saved', () => {
    const values = villageFormValues(
      village({
        profile: {
          lurahName: null,
          lurahPhone: null,
          population: null,
          areaKm2: null,
          latitude: null,
          longitude: null,
          description: null,
          hostSince: null,
          hostAgreement: null,
        },
        contacts: [],
        potentials: [],
        needs: [],
        facilities: [],
        version: 0,
      }),
    );
    expect(values).toMatchObject({
      lurahName: '',
      population: '',
      areaKm2: '',
      hostSince: null,
      potentials: [],
    });
  });

  it('orders rows by their stored position', () => {
    const first = village().potentials[0];
    if (!first) throw new Error('fixture');
    const values = villageFormValues(
      village({
        potentials: [
          { ...first, id: 'b0000000-0000-4000-8000-000000000002', description: 'Second', position: 1 },
          { ...first, description: 'First', position: 0 },
        ],
      }),
    );
    expect(values.potentials.map((row) => row.description)).toEqual(['First', 'Second']);
  });
});

describe('villageRequest', () => {
  it('gives back the same document it was read from, with the version read', () => {
    const request = villageRequest(villageFormValues(village()), 3);
    expect(request).toEqual({
      version: 3,
      lurahName: 'Budi Santoso',
      lurahPhone: null,
      population: 15_210,
      areaKm2: 1.25,
      latitude: -6.9712,
      longitude: 110.3921,
      description: null,
      hostSince: '2026-05-04',
      hostAgreement: 'PKS 12/2026',
      contacts: [{ name: 'Sri Wahyuni', position: 'Kasi Kesra', phone: null, email: 'sri@example.go.id' }],
      potentials: [
        {
          id: POTENTIAL,
          sector: 'garment',
          skillId: SKILL,
          description: 'Konveksi rumahan',
          strength: 4,
          source: null,
        },
      ],
      needs: [
        {
          id: NEED,
          sector: 'food',
          skillId: null,
          kind: 'market',
          description: 'Katering hajatan',
          size: null,
          seasonMonths: [6, 7, 8],
        },
      ],
      facilities: [
        {
          id: FACILITY,
          kind: 'community_hub',
          name: 'Balai RW 03',
          address: null,
          capacity: 40,
          description: null,
        },
      ],
    });
  });

  it('sends new rows without an id, trims text and turns empty inputs into null', () => {
    const values = villageFormValues(village());
    values.lurahName = '  ';
    values.population = '';
    values.hostSince = '';
    values.needs.push({
      ...newNeedRow(),
      sector: 'laundry',
      kind: 'service_needed',
      description: '  Binatu kiloan ',
      size: 120,
      seasonMonths: ['12', '1'],
    });
    values.facilities.push({ ...newFacilityRow(), kind: 'training_venue', name: 'Aula kelurahan' });
    const request = villageRequest(values, 3);
    expect(request.lurahName).toBeNull();
    expect(request.population).toBeNull();
    expect(request.hostSince).toBeNull();
    expect(request.needs[1]).toEqual({
      sector: 'laundry',
      skillId: null,
      kind: 'service_needed',
      description: 'Binatu kiloan',
      size: 120,
      seasonMonths: [1, 12],
    });
    expect(request.facilities[1]).not.toHaveProperty('id');
    expect(request.facilities[1]).toMatchObject({ name: 'Aula kelurahan', capacity: null, address: null });
  });

  it('keeps rows in the order shown, so field errors (potentials.1.strength) land on the right row', () => {
    const values = villageFormValues(village());
    const [first] = values.potentials;
    if (!first) throw new Error('fixture');
    values.potentials = [{ ...first, key: 'x', id: undefined, description: 'Baru' }, first];
    const request = villageRequest(values, 3);
    expect(request.potentials.map((row) => row.description)).toEqual(['Baru', 'Konveksi rumahan']);
    expect(request.potentials[1]?.id).toBe(POTENTIAL);
  });
});

describe('numberOrNull', () => {
  it('reads numbers and decimal commas; empty or nonsense is null', () => {
    expect(numberOrNull(12)).toBe(12);
    expect(numberOrNull('1,25')).toBe(1.25);
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('abc')).toBeNull();
    expect(numberOrNull(Number.NaN)).toBeNull();
  });
});

describe('skillAfterSectorChange', () => {
  const sectorOf = (id: string) => (id === SKILL ? 'garment' : undefined);
  it('keeps a skill of the new sector and drops one of another', () => {
    expect(skillAfterSectorChange(SKILL, 'garment', sectorOf)).toBe(SKILL);
    expect(skillAfterSectorChange(SKILL, 'food', sectorOf)).toBeNull();
    expect(skillAfterSectorChange(SKILL, null, sectorOf)).toBeNull();
    expect(skillAfterSectorChange(null, 'food', sectorOf)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { diffVillage, label, summarize, type VillageDoc } from './villages.diff.ts';

const P1 = '00000000-0000-4000-8000-000000000101';
const P2 = '00000000-0000-4000-8000-000000000102';
const P3 = '00000000-0000-4000-8000-000000000103';
const N1 = '00000000-0000-4000-8000-000000000201';
const F1 = '00000000-0000-4000-8000-000000000301';
const SKILL = '00000000-0000-4000-8000-000000000401';

function doc(overrides: Partial<VillageDoc> = {}): VillageDoc {
  return {
    profile: {
      lurahName: 'Ibu Sri Wahyuni',
      lurahPhone: null,
      population: 12000,
      areaKm2: 1.25,
      latitude: -6.98,
      longitude: 110.38,
      description: 'Kawasan padat penduduk',
      hostSince: '2026-01-15',
      hostAgreement: null,
    },
    contacts: [
      { name: 'Pak Budi', position: 'Sekretaris', phone: '0812', email: null },
      { name: 'Bu Ani', position: 'Kasi Kesra', phone: null, email: 'ani@example.id' },
    ],
    potentials: [
      {
        id: P1,
        sector: 'garment',
        skillId: null,
        description: 'Konveksi rumahan',
        strength: 4,
        source: null,
      },
      { id: P2, sector: 'food', skillId: SKILL, description: 'Kuliner pasar', strength: 3, source: 'Survei' },
      { id: P3, sector: 'craft', skillId: null, description: 'Mebel', strength: 2, source: null },
    ],
    needs: [
      {
        id: N1,
        sector: 'food',
        skillId: null,
        kind: 'labour_demand',
        description: 'Juru masak katering',
        size: 5,
        seasonMonths: [3, 4],
      },
    ],
    facilities: [
      { id: F1, kind: 'community_hub', name: 'Balai RW 3', address: null, capacity: 40, description: null },
    ],
    ...overrides,
  };
}

describe('diffVillage', () => {
  it('finds nothing when the document is the same', () => {
    expect(diffVillage(doc(), doc())).toEqual([]);
  });

  it('lists changed profile fields with from and to', () => {
    const after = doc();
    after.profile = { ...after.profile, lurahName: 'Bapak Joko', population: null, latitude: -6.99 };
    expect(diffVillage(doc(), after)).toEqual([
      {
        section: 'profile',
        action: 'updated',
        item: null,
        field: 'lurahName',
        from: 'Ibu Sri Wahyuni',
        to: 'Bapak Joko',
      },
      { section: 'profile', action: 'updated', item: null, field: 'population', from: 12000, to: null },
      { section: 'profile', action: 'updated', item: null, field: 'latitude', from: -6.98, to: -6.99 },
    ]);
  });

  it('records created, updated and deleted rows with their labels and changed fields', () => {
    const before = doc();
    const after = doc({
      potentials: [
        {
          id: P1,
          sector: 'garment',
          skillId: null,
          description: 'Konveksi rumahan',
          strength: 5,
          source: null,
        },
        {
          id: P2,
          sector: 'food',
          skillId: null,
          description: 'Kuliner pasar',
          strength: 3,
          source: 'Survei',
        },
        { sector: 'batik', skillId: null, description: 'Batik tulis', strength: 1, source: null },
      ],
      needs: [
        {
          id: N1,
          sector: 'food',
          skillId: null,
          kind: 'labour_demand',
          description: 'Juru masak katering',
          size: 5,
          seasonMonths: [3, 4, 12],
        },
      ],
      facilities: [],
    });
    expect(diffVillage(before, after)).toEqual([
      {
        section: 'potential',
        action: 'updated',
        item: 'Konveksi rumahan',
        field: 'strength',
        from: 4,
        to: 5,
      },
      {
        section: 'potential',
        action: 'updated',
        item: 'Kuliner pasar',
        field: 'skillId',
        from: SKILL,
        to: null,
      },
      { section: 'potential', action: 'created', item: 'Batik tulis', field: null, from: null, to: null },
      { section: 'potential', action: 'deleted', item: 'Mebel', field: null, from: null, to: null },
      {
        section: 'need',
        action: 'updated',
        item: 'Juru masak katering',
        field: 'seasonMonths',
        from: [3, 4],
        to: [3, 4, 12],
      },
      { section: 'facility', action: 'deleted', item: 'Balai RW 3', field: null, from: null, to: null },
    ]);
  });

  it('records a moved row as order, but not rows shifted by an insert or a delete', () => {
    const before = doc();
    const [p1, p2, p3] = before.potentials as [
      VillageDoc['potentials'][number],
      VillageDoc['potentials'][number],
      VillageDoc['potentials'][number],
    ];
    const fresh = { sector: 'retail', skillId: null, description: 'Warung', strength: 2, source: null };
    expect(diffVillage(before, doc({ potentials: [fresh, p1, p3] }))).toEqual([
      { section: 'potential', action: 'created', item: 'Warung', field: null, from: null, to: null },
      { section: 'potential', action: 'deleted', item: 'Kuliner pasar', field: null, from: null, to: null },
    ]);
    expect(diffVillage(before, doc({ potentials: [p3, p1, p2] }))).toEqual([
      { section: 'potential', action: 'updated', item: 'Mebel', field: 'order', from: 3, to: 1 },
      { section: 'potential', action: 'updated', item: 'Konveksi rumahan', field: 'order', from: 1, to: 2 },
      { section: 'potential', action: 'updated', item: 'Kuliner pasar', field: 'order', from: 2, to: 3 },
    ]);
  });

  it('treats a row whose id is not among the stored rows as created', () => {
    const after = doc();
    after.facilities = [{ ...(after.facilities[0] as VillageDoc['facilities'][number]), id: P3 }];
    expect(diffVillage(doc(), after)).toEqual([
      { section: 'facility', action: 'created', item: 'Balai RW 3', field: null, from: null, to: null },
      { section: 'facility', action: 'deleted', item: 'Balai RW 3', field: null, from: null, to: null },
    ]);
  });

  it('matches contacts by name: field changes, a new one, a removed one, a new order', () => {
    const after = doc({
      contacts: [
        { name: 'Bu Ani', position: 'Kasi Kesra', phone: '0813', email: 'ani@example.id' },
        { name: 'pak budi', position: 'Sekretaris', phone: '0812', email: null },
        { name: 'Mas Dedi', position: null, phone: null, email: null },
      ],
    });
    expect(diffVillage(doc(), after)).toEqual([
      { section: 'contact', action: 'created', item: 'Mas Dedi', field: null, from: null, to: null },
      { section: 'contact', action: 'updated', item: 'Bu Ani', field: 'phone', from: null, to: '0813' },
      { section: 'contact', action: 'updated', item: 'Bu Ani', field: 'order', from: 2, to: 1 },
      {
        section: 'contact',
        action: 'updated',
        item: 'pak budi',
        field: 'name',
        from: 'Pak Budi',
        to: 'pak budi',
      },
      { section: 'contact', action: 'updated', item: 'pak budi', field: 'order', from: 1, to: 2 },
    ]);
    expect(diffVillage(doc(), doc({ contacts: [] }))).toEqual([
      { section: 'contact', action: 'deleted', item: 'Pak Budi', field: null, from: null, to: null },
      { section: 'contact', action: 'deleted', item: 'Bu Ani', field: null, from: null, to: null },
    ]);
  });

  it('starts from an empty profile on the first save', () => {
    const empty: VillageDoc = {
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
    };
    const after = { ...empty, profile: { ...empty.profile, hostSince: '2026-02-01' } };
    expect(diffVillage(empty, after)).toEqual([
      { section: 'profile', action: 'updated', item: null, field: 'hostSince', from: null, to: '2026-02-01' },
    ]);
  });
});

describe('label and summarize', () => {
  it('shortens a long label to 100 characters', () => {
    expect(label('a'.repeat(150))).toBe(`${'a'.repeat(99)}…`);
    expect(label('Balai RW')).toBe('Balai RW');
  });

  it('names the sections and fields touched, each once', () => {
    const after = doc({ facilities: [] });
    after.profile = { ...after.profile, population: 13000 };
    after.potentials = after.potentials.map((row) => ({ ...row, strength: 5 }));
    expect(summarize(diffVillage(doc(), after))).toEqual({
      sections: ['profile', 'potential', 'facility'],
      fields: ['profile.population', 'potential.strength', 'facility.deleted'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Skill, SkillTaxonomy } from '../../../../shared/skills.ts';
import { chartRows } from './sectorChartData.ts';
import { skillCatalogue } from './skillOptions.ts';
import { villageTabs } from './villageTabs.ts';

function skill(id: string, sector: Skill['sector'], nameId: string, nameEn: string): Skill {
  return {
    id,
    sector,
    code: `${sector}.${nameEn.toLowerCase()}`,
    nameId,
    nameEn,
    skkniReference: null,
    description: null,
    levelDescriptions: {},
    aliases: [],
    active: true,
    version: 1,
  };
}

const TAXONOMY: SkillTaxonomy = {
  sectors: [
    { sector: 'garment', skills: [skill('s1', 'garment', 'Menjahit', 'Sewing')] },
    { sector: 'food', skills: [skill('s2', 'food', 'Tata boga', 'Catering')] },
  ],
};

describe('skillCatalogue', () => {
  it("offers only the row's sector, in the UI language", () => {
    const catalogue = skillCatalogue(TAXONOMY, [], 'id');
    expect(catalogue.optionsFor('garment')).toEqual([{ value: 's1', label: 'Menjahit' }]);
    expect(skillCatalogue(TAXONOMY, [], 'en').optionsFor('food')).toEqual([
      { value: 's2', label: 'Catering' },
    ]);
    expect(catalogue.optionsFor('batik')).toEqual([]);
    expect(catalogue.optionsFor(null)).toEqual([]);
  });

  it('keeps a chosen skill the taxonomy no longer offers, in its sector', () => {
    const catalogue = skillCatalogue(
      TAXONOMY,
      [{ id: 'old', sector: 'garment', name: 'Bordir', nameEn: 'Embroidery' }],
      'id',
    );
    expect(catalogue.optionsFor('garment').map((option) => option.value)).toEqual(['s1', 'old']);
    expect(catalogue.sectorOf('old')).toBe('garment');
    expect(catalogue.sectorOf('s2')).toBe('food');
    expect(catalogue.sectorOf('nope')).toBeUndefined();
  });
});

describe('villageTabs', () => {
  it('gives the program readers every tab', () => {
    expect(
      villageTabs({ canReadAllPartners: true, canReadAllOpportunities: true, canManagePlacements: true }),
    ).toEqual(['profil', 'potensi', 'kebutuhan', 'fasilitas', 'mitra', 'peluang', 'penempatan', 'riwayat']);
  });

  it('leaves a viewer the profile tabs only', () => {
    expect(
      villageTabs({ canReadAllPartners: false, canReadAllOpportunities: false, canManagePlacements: false }),
    ).toEqual(['profil', 'potensi', 'kebutuhan', 'fasilitas', 'riwayat']);
  });

  it("keeps a partner (her own organization's data only) off the kelurahan's partners and pipelines", () => {
    expect(
      villageTabs({ canReadAllPartners: false, canReadAllOpportunities: false, canManagePlacements: true }),
    ).not.toContain('penempatan');
  });
});

describe('chartRows', () => {
  const zero = {
    potentials: 0,
    potentialMaxStrength: null,
    potentialAvgStrength: null,
    needs: 0,
    needSize: 0,
    openOpportunities: 0,
    openPlaces: 0,
    placed: 0,
  };
  it('keeps the sectors with something to show, labelled', () => {
    const rows = chartRows(
      [
        { ...zero, sector: 'garment', potentials: 2 },
        { ...zero, sector: 'food' },
        { ...zero, sector: 'laundry', placed: 1 },
      ],
      (sector) => sector.toUpperCase(),
    );
    expect(rows.map((row) => [row.sector, row.label])).toEqual([
      ['garment', 'GARMENT'],
      ['laundry', 'LAUNDRY'],
    ]);
  });
});

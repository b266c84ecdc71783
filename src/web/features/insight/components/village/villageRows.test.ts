import { describe, expect, it } from 'vitest';
import type { VillageInsightResponse } from '../../../../../shared/insight.ts';
import {
  anyAboveZero,
  anyHidden,
  barLabel,
  filterVillages,
  monthsFromParam,
  opportunityRows,
  sectorRows,
  statusRows,
  villageToOpen,
} from './villageRows.ts';

const village = (id: string, name: string, code: string | null, district: string | null) => ({
  id,
  name,
  code,
  district: district ? { id: `d-${district}`, name: district } : null,
});

const TEGALSARI = village('c', 'Tegalsari', null, 'Candisari');
const VILLAGES = [
  village('a', 'Bongsari', '3374.01', 'Semarang Barat'),
  village('b', 'Krobokan', '3374.02', 'Semarang Barat'),
  TEGALSARI,
];

describe('monthsFromParam', () => {
  it('takes 3, 6 or 12 from the address and falls back to 6 for anything else', () => {
    expect(monthsFromParam('3')).toBe(3);
    expect(monthsFromParam('12')).toBe(12);
    expect(monthsFromParam(null)).toBe(6);
    expect(monthsFromParam('5')).toBe(6);
    expect(monthsFromParam('24')).toBe(6);
    expect(monthsFromParam('abc')).toBe(6);
    expect(monthsFromParam('')).toBe(6);
  });
});

describe('villageToOpen', () => {
  it("opens a kelurahan officer's own kelurahan at once", () => {
    expect(villageToOpen(VILLAGES, { id: 'b', kind: 'village' })).toBe('b');
  });

  it('opens the only kelurahan when there is one, whatever the organization', () => {
    expect(villageToOpen([TEGALSARI], { id: 'x', kind: 'district' })).toBe('c');
    expect(villageToOpen([TEGALSARI], undefined)).toBe('c');
  });

  it('asks when there is a choice: a kecamatan, a prison, a head', () => {
    expect(villageToOpen(VILLAGES, { id: 'x', kind: 'district' })).toBeNull();
    expect(villageToOpen(VILLAGES, { id: 'x', kind: 'prison' })).toBeNull();
    // A kelurahan whose own village is not in the list (should not happen) still gets the list.
    expect(villageToOpen(VILLAGES, { id: 'zz', kind: 'village' })).toBeNull();
  });

  it('opens nothing when there is nothing to open', () => {
    expect(villageToOpen([], { id: 'a', kind: 'village' })).toBeNull();
  });
});

describe('filterVillages', () => {
  it('finds by name, code or kecamatan, ignoring case, accents and surrounding spaces', () => {
    expect(filterVillages(VILLAGES, '  KROBO ').map((item) => item.id)).toEqual(['b']);
    expect(filterVillages(VILLAGES, '3374.01').map((item) => item.id)).toEqual(['a']);
    expect(filterVillages(VILLAGES, 'semarang barat').map((item) => item.id)).toEqual(['a', 'b']);
    expect(filterVillages(VILLAGES, 'tégal').map((item) => item.id)).toEqual(['c']);
  });

  it('keeps every kelurahan in order for an empty search, none for no match', () => {
    expect(filterVillages(VILLAGES, '').map((item) => item.id)).toEqual(['a', 'b', 'c']);
    expect(filterVillages(VILLAGES, 'jakarta')).toEqual([]);
  });
});

describe('barLabel', () => {
  it('says a hidden count beside the name (its bar is not drawn) and leaves shown counts alone', () => {
    expect(barLabel('Dalam lapas', null)).toBe('Dalam lapas (< 5)');
    expect(barLabel('Dalam lapas', 0)).toBe('Dalam lapas');
    expect(barLabel('Dalam lapas', 12)).toBe('Dalam lapas');
  });
});

describe('statusRows', () => {
  it('keeps every status in order with its label and the chart label', () => {
    const rows = statusRows(
      [
        { status: 'in_custody', count: 7 },
        { status: 'pre_release', count: null },
        { status: 'returned_to_custody', count: 0 },
      ],
      (status) => status.toUpperCase(),
    );
    expect(rows).toEqual([
      { status: 'in_custody', label: 'IN_CUSTODY', chartLabel: 'IN_CUSTODY', count: 7 },
      { status: 'pre_release', label: 'PRE_RELEASE', chartLabel: 'PRE_RELEASE (< 5)', count: null },
      {
        status: 'returned_to_custody',
        label: 'RETURNED_TO_CUSTODY',
        chartLabel: 'RETURNED_TO_CUSTODY',
        count: 0,
      },
    ]);
  });
});

describe('sectorRows', () => {
  const row = (
    sector: VillageInsightResponse['sectors'][number]['sector'],
    potentials: number,
    needs: number,
    upcomingHere: number | null,
    upcomingInScope: number | null,
  ) => ({ sector, potentials, needs, upcomingHere, upcomingInScope });

  it('leaves out sectors with nothing in them and keeps those with a figure or a hidden count', () => {
    const rows = sectorRows(
      [
        row('garment', 2, 0, 0, 0),
        row('food', 0, 0, 0, 0),
        row('beauty', 0, 1, 0, 0),
        row('batik', 0, 0, null, 0),
        row('craft', 0, 0, 0, null),
        row('laundry', 0, 0, 0, 9),
      ],
      (sector) => `S:${sector}`,
    );
    expect(rows.map((item) => item.sector)).toEqual(['garment', 'beauty', 'batik', 'craft', 'laundry']);
    expect(rows[0]).toEqual({
      sector: 'garment',
      label: 'S:garment',
      potentials: 2,
      needs: 0,
      upcomingHere: 0,
      upcomingInScope: 0,
    });
  });

  it('gives no row when every sector is empty (the panel then says so)', () => {
    expect(sectorRows([row('food', 0, 0, 0, 0)], String)).toEqual([]);
  });
});

describe('anyHidden / anyAboveZero', () => {
  it('tells hidden counts and figures above zero apart from zeros', () => {
    expect(anyHidden([0, 3, null])).toBe(true);
    expect(anyHidden([0, 3])).toBe(false);
    expect(anyAboveZero([0, null])).toBe(false);
    expect(anyAboveZero([0, 1])).toBe(true);
  });
});

describe('opportunityRows', () => {
  it('adds the sector and status in words and keeps the figures', () => {
    const rows = opportunityRows(
      [
        {
          id: 'o1',
          title: 'Penjahit',
          partnerName: 'Konveksi Sari',
          sector: 'garment',
          status: 'open',
          places: 4,
          placed: null,
        },
      ],
      { sector: (sector) => `sector ${sector}`, status: (status) => `status ${status}` },
    );
    expect(rows).toEqual([
      {
        id: 'o1',
        title: 'Penjahit',
        partnerName: 'Konveksi Sari',
        sector: 'garment',
        sectorLabel: 'sector garment',
        status: 'open',
        statusLabel: 'status open',
        places: 4,
        placed: null,
      },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { PublicOutcomeYear } from '../../../../../shared/publicFigures.ts';
import { chartRowTexts, csvRows } from '../../../../components/chartTable.ts';
import { toCsv } from '../../../../lib/csv.ts';
import {
  anyHidden,
  barLabel,
  funnelRows,
  outcomeRows,
  sectorRows,
  villageName,
  villageRows,
} from './publicRows.ts';

const text = { notYet: 'belum', notYetLabel: (year: number) => `${year} (belum)` };

describe('barLabel', () => {
  it('says beside the name that a hidden count is not drawn, and leaves shown counts (zeros too) alone', () => {
    expect(barLabel('Bongsari', null)).toBe('Bongsari\u00a0(<\u00a05)');
    expect(barLabel('Bongsari', 0)).toBe('Bongsari');
    expect(barLabel('Bongsari', 7)).toBe('Bongsari');
  });
});

describe('funnelRows', () => {
  it('keeps the order and the figures, labels each stage', () => {
    const rows = funnelRows(
      [
        { stage: 'in_program', count: 120, ofPrevious: null, ofFirst: 100 },
        { stage: 'in_training', count: null, ofPrevious: null, ofFirst: null },
      ],
      (stage) => stage.toUpperCase(),
    );
    expect(rows).toEqual([
      {
        stage: 'in_program',
        label: 'IN_PROGRAM',
        chartLabel: 'IN_PROGRAM',
        count: 120,
        ofPrevious: null,
        ofFirst: 100,
      },
      {
        stage: 'in_training',
        label: 'IN_TRAINING',
        chartLabel: 'IN_TRAINING\u00a0(<\u00a05)',
        count: null,
        ofPrevious: null,
        ofFirst: null,
      },
    ]);
    expect(anyHidden(rows)).toBe(true);
    expect(anyHidden(rows.slice(0, 1))).toBe(false);
  });
});

describe('placement rows', () => {
  it('keys kelurahan by code (by name when there is none), drops "Kelurahan" from names, labels sectors', () => {
    expect(villageName('Kelurahan Ngemplak Simongan')).toBe('Ngemplak Simongan');
    expect(villageName('Bongsari')).toBe('Bongsari');
    expect(
      villageRows([
        { code: '33.74.13.1008', name: 'Bongsari', count: 7 },
        { code: null, name: 'Kelurahan Krobokan', count: null },
      ]),
    ).toEqual([
      { key: '33.74.13.1008', label: 'Bongsari', chartLabel: 'Bongsari', count: 7 },
      { key: 'Kelurahan Krobokan', label: 'Krobokan', chartLabel: 'Krobokan\u00a0(<\u00a05)', count: null },
    ]);
    expect(sectorRows([{ sector: 'garment', count: 0 }], () => 'Garmen')).toEqual([
      { key: 'garment', label: 'Garmen', chartLabel: 'Garmen', count: 0 },
    ]);
  });
});

describe('outcomeRows', () => {
  const years: PublicOutcomeYear[] = [
    {
      year: 2024,
      size: 12,
      window12Complete: true,
      checks12: 9,
      working12: 6,
      returned12: null,
      workingRate: 66.7,
      returnedRate: null,
    },
    {
      year: 2025,
      size: 8,
      window12Complete: false,
      checks12: null,
      working12: null,
      returned12: null,
      workingRate: null,
      returnedRate: null,
    },
  ];

  it('writes "belum" where the 12-month window is open, "< 5" where a count is hidden', () => {
    const rows = outcomeRows(years, text);
    expect(rows[0]).toMatchObject({
      year: '2024',
      chartLabel: '2024',
      checks12: 9,
      returned12: null,
      workingBar: 66.7,
    });
    expect(rows[1]).toMatchObject({
      year: '2025',
      chartLabel: '2025 (belum)',
      size: 8,
      checks12: 'belum',
      working12: 'belum',
      workingRate: 'belum',
      returned12: 'belum',
      returnedRate: 'belum',
      workingBar: null,
      returnedBar: null,
    });
    const columns = [
      { key: 'year', label: 'Tahun' },
      { key: 'size', label: 'Bebas', numeric: true },
      { key: 'checks12', label: 'Dipantau', numeric: true },
      { key: 'workingRate', label: 'Bekerja %', percent: true },
      { key: 'returned12', label: 'Kembali', numeric: true },
    ] as const;
    expect(chartRowTexts(rows[0] as (typeof rows)[number], columns, 'id')).toEqual([
      '2024',
      '12',
      '9',
      '66,7%',
      '< 5',
    ]);
    expect(chartRowTexts(rows[1] as (typeof rows)[number], columns, 'id')).toEqual([
      '2025',
      '8',
      'belum',
      'belum',
      'belum',
    ]);
    // The CSV says the same: "belum" is not a hidden count.
    expect(toCsv(columns, csvRows(rows, columns))).toBe(
      '\uFEFFTahun,Bebas,Dipantau,Bekerja %,Kembali\r\n2024,12,9,66.7,< 5\r\n2025,8,belum,belum,belum\r\n',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { type ChartColumn, chartCellText, chartRowTexts, csvRows } from './chartTable.ts';

describe('chartCellText', () => {
  const count = { numeric: true };
  const percent = { numeric: true, percent: true };

  it('groups counts in the UI language and shows a hidden count as "< 5"', () => {
    expect(chartCellText(12345, count, 'id')).toBe('12.345');
    expect(chartCellText(12345, count, 'en')).toBe('12,345');
    expect(chartCellText(0, count, 'id')).toBe('0');
    expect(chartCellText(null, count, 'id')).toBe('< 5');
    expect(chartCellText(undefined, count, 'en')).toBe('< 5');
  });

  it('shows percentages with one decimal and a dash when they cannot be given', () => {
    expect(chartCellText(45.5, percent, 'id')).toBe('45,5%');
    expect(chartCellText(45.5, percent, 'en')).toBe('45.5%');
    expect(chartCellText(100, percent, 'id')).toBe('100%');
    expect(chartCellText(33.333, percent, 'id')).toBe('33,3%');
    expect(chartCellText(null, percent, 'id')).toBe('—');
  });

  it('shows text as it is and missing text as a dash', () => {
    expect(chartCellText('Gisikdrono', {}, 'id')).toBe('Gisikdrono');
    expect(chartCellText(null, {}, 'id')).toBe('—');
    expect(chartCellText('', {}, 'id')).toBe('—');
  });
});

describe('rows of a chart table', () => {
  interface Row {
    sector: string;
    placed: number | null;
    share: number | null;
    id: string;
  }
  const columns: ChartColumn<Row>[] = [
    { key: 'sector', label: 'Sektor', format: (value) => (value === 'culinary' ? 'Kuliner' : String(value)) },
    { key: 'placed', label: 'Ditempatkan', numeric: true },
    {
      key: 'share',
      label: 'Bagian',
      percent: true,
      format: (value) => (value === null ? 'n/a' : `${value} pct`),
    },
  ];
  const rows: Row[] = [
    { sector: 'culinary', placed: 1200, share: 60, id: 'a' },
    { sector: 'other', placed: null, share: null, id: 'b' },
  ];

  it('reads each cell through its format, else the default', () => {
    expect(rows.map((row) => chartRowTexts(row, columns, 'id'))).toEqual([
      ['Kuliner', '1.200', '60 pct'],
      ['other', '< 5', 'n/a'],
    ]);
  });

  it('writes a text column through its format (labels) and numbers as they are to the CSV', () => {
    expect(csvRows(rows, columns)).toEqual([
      { sector: 'Kuliner', placed: 1200, share: 60 },
      { sector: 'other', placed: null, share: null },
    ]);
  });
});

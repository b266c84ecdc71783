import { MantineProvider } from '@mantine/core';
import i18next from 'i18next';
import { createElement, type ReactNode } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { commonId } from '../lib/i18n/insight/common.id.ts';
import { ChartPanel, ChartTable } from './ChartPanel.tsx';
import type { ChartColumn } from './chartTable.ts';

// The app's notifications load the app's i18n, which needs a document: not used while rendering.
vi.mock('../lib/notify.ts', () => ({ notifyError: vi.fn() }));

// Rendered to static HTML (no DOM here): what a screen reader and the first paint get.

const i18n = i18next.createInstance();
beforeAll(async () => {
  await i18n.use(initReactI18next).init({
    lng: 'id',
    resources: { id: { translation: { insight: { common: commonId } } } },
    interpolation: { escapeValue: false },
  });
});

function render(node: ReactNode): string {
  return renderToStaticMarkup(
    createElement(I18nextProvider, { i18n }, createElement(MantineProvider, null, node)),
  );
}

interface Row {
  village: string;
  placed: number | null;
}
const columns: ChartColumn<Row>[] = [
  { key: 'village', label: 'Kelurahan' },
  { key: 'placed', label: 'Ditempatkan', numeric: true },
];
const rows: Row[] = [
  { village: 'Gisikdrono', placed: 1234 },
  { village: 'Krobokan', placed: null },
];

describe('ChartPanel', () => {
  const panel = (extra: Partial<Parameters<typeof ChartPanel<Row>>[0]> = {}) =>
    render(
      createElement(ChartPanel<Row>, {
        title: 'Penempatan per kelurahan',
        description: 'Perempuan yang ditempatkan, per kelurahan tempat kerja.',
        chart: createElement('svg', { 'data-drawing': 'yes' }),
        columns,
        rows,
        csvName: 'penempatan',
        ...extra,
      }),
    );

  it('is a section named by its heading, the drawing hidden from assistive technology', () => {
    const html = panel();
    const heading = /<h2[^>]*id="([^"]+)"[^>]*>Penempatan per kelurahan<\/h2>/.exec(html);
    expect(heading).not.toBeNull();
    expect(html).toContain(`<section`);
    expect(html).toMatch(new RegExp(`<section[^>]*aria-labelledby="${heading?.[1]}"`));
    expect(html).toMatch(
      /<figcaption[^>]*>Perempuan yang ditempatkan, per kelurahan tempat kerja.<\/figcaption>/,
    );
    expect(html).toMatch(/<div[^>]*aria-hidden="true"[^>]*><svg data-drawing="yes">/);
  });

  it('offers the table behind a closed toggle that names what it controls, and the CSV', () => {
    const html = panel();
    const toggle = /<button[^>]*aria-expanded="false"[^>]*aria-controls="([^"]+)"[^>]*>/.exec(html);
    expect(toggle).not.toBeNull();
    expect(html).toContain(`id="${toggle?.[1]}"`);
    expect(html).toContain('Tampilkan tabel');
    expect(html).toContain('Unduh CSV');
    // Closed: the table is not rendered yet.
    expect(html).not.toContain('<table');
  });

  it('describes both buttons by the panel title, so same-named buttons can be told apart', () => {
    const html = panel();
    const titleId = /<h2[^>]*id="([^"]+)"/.exec(html)?.[1];
    expect(titleId).toBeTruthy();
    const buttons = html.match(/<button[^>]*>/g) ?? [];
    expect(buttons).toHaveLength(2);
    for (const button of buttons) expect(button).toContain(`aria-describedby="${titleId}"`);
  });

  it('says there is nothing to show instead of an empty chart, table and file', () => {
    const html = panel({ rows: [], emptyText: 'Belum ada penempatan.' });
    expect(html).toContain('Belum ada penempatan.');
    expect(html).not.toContain('data-drawing');
    expect(html).not.toContain('Unduh CSV');
  });
});

describe('ChartTable', () => {
  it('is a real table: caption, column headers, a row header, hidden counts as "< 5"', () => {
    const html = render(
      createElement(ChartTable<Row>, { caption: 'Penempatan per kelurahan', columns, rows, language: 'id' }),
    );
    expect(html).toMatch(/<table[^>]*>[\s\S]*<caption[^>]*>Penempatan per kelurahan<\/caption>/);
    expect(html.match(/<th[^>]*scope="col"[^>]*>/g)).toHaveLength(2);
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>Gisikdrono<\/th><td[^>]*>1.234<\/td>/);
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>Krobokan<\/th><td[^>]*>&lt; 5<\/td>/);
  });
});

describe('ChartPanel with nothing to draw', () => {
  it('says so in words (not hidden) and still offers the table and the CSV', () => {
    const html = render(
      createElement(ChartPanel<Row>, {
        title: 'Penempatan',
        chart: createElement('svg', { 'data-drawing': 'yes' }),
        columns,
        rows: [{ village: 'Krobokan', placed: null }],
        csvName: 'penempatan',
        noChartText: 'Semua angka disembunyikan.',
      }),
    );
    expect(html).not.toContain('data-drawing');
    expect(html).toMatch(/<p[^>]*data-no-chart="true"[^>]*>Semua angka disembunyikan.<\/p>/);
    expect(html).not.toMatch(/aria-hidden="true"[^>]*>Semua/);
    expect(html).toContain('Tampilkan tabel');
    expect(html).toContain('Unduh CSV');
  });
});

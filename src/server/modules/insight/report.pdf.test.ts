import { describe, expect, it } from 'vitest';
import type { MonthlyReport } from '../../../shared/insightReport.ts';
import { reportFileName } from '../../../shared/insightReport.ts';
import { monthlyReportDocument, monthlyReportPdf } from './report.pdf.ts';
import { monthlyReportWorkbook } from './report.xlsx.ts';

// The printed monthly report read through the pdfmake document (its texts and chart shapes, not its bytes),
// and the workbook through its cells: letterhead, title and Indonesian month, the summary, the charts with
// their figures printed, "< 5" for hidden counts, titles the reader may not open, notes, signature and
// page numbers, the fixed creation date.

const LAPAS = '00000000-0000-4000-8000-000000000001';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

function report(overrides: Partial<MonthlyReport> = {}): MonthlyReport {
  return {
    organization: {
      id: LAPAS,
      kind: 'prison',
      name: 'Lapas Perempuan Kelas IIA Semarang',
      shortName: 'LPP Semarang',
      code: null,
      address: 'Jl. Mgr. Soegijopranoto No. 59, Kota Semarang, Jawa Tengah',
      phone: '024-3555555',
      email: null,
    },
    month: '2026-10',
    periodStart: '2026-10-01',
    periodEnd: '2026-10-31',
    provisional: false,
    smallCountsHidden: true,
    minCell: 5,
    summary: [
      { key: 'people_entered', unit: 'count', value: 1234 },
      { key: 'trainings_completed', unit: 'count', value: 12 },
      { key: 'attendance_rate', unit: 'percent', value: 86.4 },
      { key: 'certificates_issued', unit: 'count', value: 8 },
      { key: 'handovers_accepted', unit: 'count', value: null },
      { key: 'placements_made', unit: 'count', value: 0 },
    ],
    flow: [
      { stage: 'registered', count: 1234 },
      { stage: 'trained', count: 12 },
      { stage: 'certified', count: 8 },
      { stage: 'handed_over', count: null },
      { stage: 'placed', count: 0 },
    ],
    training: {
      cohorts: [
        {
          id: uuid(10),
          name: 'Menjahit Angkatan 1',
          programName: 'Menjahit Dasar',
          providerName: 'BLK Kota Semarang',
          startDate: '2026-09-15',
          endDate: '2026-10-20',
          enrolled: 12,
          sessionsHeld: 3,
          attendanceRate: 87.5,
          completed: 12,
          certified: null,
        },
      ],
    },
    placements: {
      total: 9,
      byVillage: [
        { villageId: uuid(20), villageName: 'Kelurahan Krobokan', count: null },
        { villageId: uuid(21), villageName: 'Kelurahan Manyaran', count: null },
      ],
      bySector: [
        { sector: 'garment', count: 6 },
        { sector: 'food', count: null },
      ],
    },
    outcomes: {
      rows: [
        { windowMonths: 1, checks: 5, working: null, workingRate: null },
        { windowMonths: 3, checks: 0, working: 0, workingRate: null },
        { windowMonths: 6, checks: 0, working: 0, workingRate: null },
        { windowMonths: 12, checks: 0, working: 0, workingRate: null },
      ],
      total: { checks: 5, working: null, workingRate: null },
    },
    governance: {
      meetings: [
        {
          id: uuid(30),
          title: null,
          heldOn: '2026-10-08',
          organizer: { id: LAPAS, name: 'Lapas Perempuan Kelas IIA Semarang' },
          status: 'held',
        },
      ],
      actionItems: [{ organization: { id: LAPAS, name: 'LPP' }, opened: 3, done: 1, overdue: 2 }],
      actionItemTotals: { opened: 3, done: 1, overdue: 2 },
      activities: [
        {
          id: uuid(40),
          title: 'Sosialisasi kelurahan',
          workPlanTitle: 'Program Teknis 2026',
          kind: 'village_socialization',
          responsible: { id: uuid(20), name: 'Kelurahan Krobokan' },
          startsOn: '2026-10-20',
          endsOn: '2026-10-20',
          status: 'done',
        },
      ],
      agreements: [
        {
          id: uuid(50),
          kind: 'pks',
          title: 'PKS Pelatihan Menjahit',
          events: ['expiring'],
          signedOn: '2024-11-01',
          validUntil: '2026-10-15',
          status: 'expired',
          parties: ['Lapas Perempuan Kelas IIA Semarang', 'Mitra Jahit'],
        },
      ],
    },
    ...overrides,
  };
}

/** Every text of a pdfmake node, in reading order. */
function texts(node: unknown): string[] {
  if (typeof node === 'string') return [node];
  if (Array.isArray(node)) return node.flatMap(texts);
  if (!node || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  if ('text' in object) {
    const value = object.text;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value)) return [value.map((piece) => texts(piece).join('')).join('')];
  }
  return ['stack', 'columns', 'table', 'body', 'content', 'ol'].flatMap((key) =>
    key in object ? texts(object[key]) : [],
  );
}

/** The canvas shapes of a node, in reading order. */
function shapes(node: unknown): { type: string; w?: number; h?: number; dash?: unknown }[] {
  if (Array.isArray(node)) return node.flatMap(shapes);
  if (!node || typeof node !== 'object') return [];
  const object = node as Record<string, unknown>;
  if (Array.isArray(object.canvas)) return object.canvas as { type: string }[];
  return ['stack', 'columns', 'table', 'body', 'content'].flatMap((key) =>
    key in object ? shapes(object[key]) : [],
  );
}

/** The block that follows a chart's title (the chart itself is the next item of its stack). */
function chartAfter(content: unknown, title: string): unknown {
  const find = (node: unknown): unknown => {
    if (Array.isArray(node)) {
      for (const item of node) {
        const found = find(item);
        if (found) return found;
      }
      return null;
    }
    if (!node || typeof node !== 'object') return null;
    const stack = (node as { stack?: unknown[] }).stack;
    if (Array.isArray(stack)) {
      const index = stack.findIndex((item) => texts(item).join('') === title);
      if (index >= 0) return stack[index + 1];
      return find(stack);
    }
    return null;
  };
  return find(content);
}

describe('monthlyReportDocument', () => {
  it('prints the letterhead, title, month in Indonesian and the particulars', () => {
    const doc = monthlyReportDocument(report());
    const all = texts(doc.content);
    expect(all.slice(0, 4)).toEqual([
      'LEMBAGA PEMASYARAKATAN PEREMPUAN KELAS IIA SEMARANG',
      'Jl. Mgr. Soegijopranoto No. 59, Kota Semarang, Jawa Tengah · Telp. 024-3555555',
      'LAPORAN BULANAN PROGRAM DESA BINAAN',
      'BULAN OKTOBER 2026',
    ]);
    expect(all).toContain('01/10/2026 – 31/10/2026');
    expect(all).toContain('Sampai 31/10/2026');
    expect(all.join('\n')).not.toContain('SEMENTARA');
  });

  it('prints the summary with id-ID numbers, percentages and "< 5"', () => {
    const all = texts(monthlyReportDocument(report()).content);
    const at = (label: string) => all[all.indexOf(label) + 1];
    expect(at('Warga binaan baru masuk/terdaftar')).toBe('1.234');
    expect(at('Tingkat kehadiran pelatihan')).toBe('86,4%');
    expect(at('Serah terima ke Bapas diterima')).toBe('< 5');
    expect(at('Penempatan kerja')).toBe('0');
  });

  it('draws the flow as vertical bars with each figure printed; a hidden one is a dashed stub, zero none', () => {
    const content = monthlyReportDocument(report()).content;
    const chart = chartAfter(content, 'Grafik 1. Alur warga binaan bulan ini');
    expect(texts(chart)).toEqual([
      '1.234',
      'Terdaftar',
      '12',
      'Selesai pelatihan',
      '8',
      'Bersertifikat',
      '< 5',
      'Diserahterimakan',
      '0',
      'Ditempatkan',
    ]);
    const rects = shapes(chart).filter((shape) => shape.type === 'rect');
    // Three shown non-zero figures are bars, scaled to the largest (1.234 fills the height); the hidden one
    // is a 10-pt dashed outline; the zero has no bar.
    expect(rects).toHaveLength(4);
    expect(rects[0]?.h).toBeCloseTo(106);
    expect(rects[1]?.h).toBeCloseTo((12 / 1234) * 106);
    expect(rects[3]).toMatchObject({ h: 10, dash: { length: 2 } });
  });

  it('draws placements by sector as horizontal bars with their figures, and the totals', () => {
    const content = monthlyReportDocument(report()).content;
    const chart = chartAfter(content, 'Grafik 2. Penempatan menurut sektor');
    expect(texts(chart)).toEqual(['Garmen & menjahit', '6', 'Makanan & minuman', '< 5']);
    const rects = shapes(chart).filter((shape) => shape.type === 'rect');
    expect(rects.map((rect) => Boolean(rect.dash))).toEqual([false, true]);
    const all = texts(content);
    expect(all).toContain('Penempatan pada bulan ini: 9');
    expect(all).toContain('Jumlah: 9');
    // Both kelurahan hidden (complementary), the total shown.
    expect(all.slice(all.indexOf('Kelurahan Krobokan'), all.indexOf('Kelurahan Krobokan') + 6)).toEqual([
      'Kelurahan Krobokan',
      '< 5',
      'Kelurahan Manyaran',
      '< 5',
      'Jumlah',
      '9',
    ]);
  });

  it('prints cohorts, outcomes and governance, with titles the reader may not open left out', () => {
    const all = texts(monthlyReportDocument(report()).content);
    expect(all).toContain('Menjahit Angkatan 1\nMenjahit Dasar · BLK Kota Semarang');
    expect(all).toContain('87,5%');
    expect(all).toContain('1 bulan setelah bebas');
    expect(all).toContain('(tidak dapat dibuka)');
    expect(all).toContain('1. Rapat koordinasi yang dilaksanakan: 1');
    expect(all).toContain('Sosialisasi kelurahan');
    expect(all).toContain('Masa berlaku habis');
    expect(all).toContain('Berakhir');
    expect(all.join('\n')).toContain('"< 5"');
    expect(all).toContain('Semarang, 31 Oktober 2026');
    expect(all).toContain('Kepala LPP Semarang');
    // Sections are lettered in order: no training section for a probation office, so placements are B.
    const probation = texts(
      monthlyReportDocument(
        report({
          organization: {
            ...report().organization,
            kind: 'probation',
            name: 'Bapas Semarang',
            shortName: null,
          },
          training: null,
        }),
      ).content,
    );
    expect(probation).not.toContain('B. Pelatihan keterampilan');
    expect(probation).toContain('B. Penempatan kerja');
    expect(probation).toContain('Kepala Bapas Semarang');
    expect(probation[0]).toBe('BALAI PEMASYARAKATAN SEMARANG');
  });

  it('marks a month still running as provisional', () => {
    const doc = monthlyReportDocument(report({ provisional: true }));
    expect(texts(doc.content)).toContain('BULAN OKTOBER 2026  (SEMENTARA)');
    const footer = doc.footer as (page: number, pages: number) => { text: string };
    expect(footer(1, 3).text).toBe(
      'LPP Semarang · Laporan bulanan Oktober 2026 (sementara) · halaman 1 dari 3',
    );
  });

  it('numbers the pages and fixes the creation date to the month’s last day', async () => {
    const doc = monthlyReportDocument(report());
    const footer = doc.footer as (page: number, pages: number) => { text: string };
    expect(footer(2, 2).text).toBe('LPP Semarang · Laporan bulanan Oktober 2026 · halaman 2 dari 2');
    expect(doc.info?.creationDate?.toISOString()).toBe('2026-10-31T16:59:59.000Z');
    const [a, b] = await Promise.all([monthlyReportPdf(report()), monthlyReportPdf(report())]);
    expect(a.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Buffer.compare(a, b)).toBe(0);
  });
});

describe('monthlyReportWorkbook', () => {
  it('has the five sheets with letterhead rows, counts as numbers and "< 5", data bars on chart columns', () => {
    const workbook = monthlyReportWorkbook(report());
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Ringkasan',
      'Pelatihan',
      'Penempatan',
      'Hasil',
      'Tata kelola',
    ]);
    const summary = workbook.getWorksheet('Ringkasan');
    expect(summary?.getCell('A1').value).toBe('LEMBAGA PEMASYARAKATAN PEREMPUAN KELAS IIA SEMARANG');
    expect(summary?.getCell('A3').value).toBe('LAPORAN BULANAN PROGRAM DESA BINAAN — BULAN OKTOBER 2026');
    const rows: unknown[][] = [];
    summary?.eachRow((row) => {
      rows.push([row.getCell(2).value, row.getCell(3).value]);
    });
    expect(rows).toContainEqual(['Warga binaan baru masuk/terdaftar', 1234]);
    expect(rows).toContainEqual(['Serah terima ke Bapas diterima', '< 5']);
    expect(rows).toContainEqual(['Tingkat kehadiran pelatihan', 86.4]);
    const placements = workbook.getWorksheet('Penempatan') as unknown as {
      conditionalFormattings: { ref: string; rules: { type: string }[] }[];
    };
    expect(placements.conditionalFormattings.map((cf) => [cf.ref, cf.rules[0]?.type])).toEqual([
      ['B8:B9', 'dataBar'],
      ['B14:B15', 'dataBar'],
    ]);
    expect(workbook.created.toISOString()).toBe('2026-10-31T16:59:59.000Z');
  });

  it('names the files after the organization and the month', () => {
    expect(reportFileName({ name: 'Lapas Perempuan', shortName: 'LPP Semarang' }, '2026-10', 'pdf')).toBe(
      'laporan-bulanan-lpp-semarang-2026-10.pdf',
    );
    expect(reportFileName({ name: 'Kelurahan Ngemplak Simongan', shortName: null }, '2026-01', 'xlsx')).toBe(
      'laporan-bulanan-kelurahan-ngemplak-simongan-2026-01.xlsx',
    );
    expect(reportFileName({ name: 'Mitra “Sejahtera” & Co.', shortName: null }, '2026-02', 'pdf')).toBe(
      'laporan-bulanan-mitra-sejahtera-co-2026-02.pdf',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ActivityReport } from '../../../shared/governance.ts';
import { activityReportDocument, activityReportPdf, keepRanges, reportDate } from './governance.pdf.ts';
import { cityOf, programDate } from './governance.text.ts';

// The activity report as printed, read through the pdfmake document's texts: the organization's full name and
// address as letterhead, the particulars with the long date, the participants, and the signature of the one
// who made it, dated the day it was made final (a draft: the day it is printed).

function report(overrides: Partial<ActivityReport> = {}): ActivityReport {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    organization: { id: '00000000-0000-4000-8000-000000000002', name: 'Lapas Perempuan Kelas IIA Semarang' },
    source: null,
    title: 'Rapat Koordinasi Program Desa Binaan',
    heldOn: '2026-04-27',
    place: 'Kantor Kecamatan Semarang Barat',
    participants:
      '1. Dra. Sri Wahyuningsih — Kepala Lapas, Lapas Perempuan Kelas IIA Semarang\n2. Siti Rahayu — Camat, Kecamatan Semarang Barat',
    summary: 'Pada hari Senin, 27 April 2026, …\n\nDokumentasi terlampir.',
    decisions: '1. Menyusun draf MoU.',
    status: 'draft',
    createdByName: 'Rina Kartika',
    createdAt: '2026-04-28T02:00:00.000Z',
    updatedByName: 'Petugas Giatja',
    // 18:30 UTC on 30 April is 1 May in Semarang.
    updatedAt: '2026-04-30T18:30:00.000Z',
    version: 3,
    canEdit: true,
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
  return ['stack', 'columns', 'table', 'body', 'content'].flatMap((key) =>
    key in object ? texts(object[key]) : [],
  );
}

const options = {
  language: 'id' as const,
  printedOn: '2026-05-04',
  city: 'Semarang',
  address: 'Jl. Siliwangi No. 508, Kota Semarang, Jawa Tengah',
};

const read = (value: ActivityReport, language: 'id' | 'en' = 'id') =>
  texts(activityReportDocument(value, { ...options, language }).content);

describe('activityReportDocument', () => {
  it('prints the full name and address as letterhead, then the particulars with the long date', () => {
    const lines = read(report());
    expect(lines.slice(0, 12)).toEqual([
      'LEMBAGA PEMASYARAKATAN PEREMPUAN KELAS IIA SEMARANG',
      'Jl. Siliwangi No. 508, Kota Semarang, Jawa Tengah',
      'LAPORAN KEGIATAN',
      'Nama kegiatan',
      ':',
      'Rapat Koordinasi Program Desa Binaan',
      'Hari/tanggal',
      ':',
      'Senin, 27 April 2026',
      'Tempat',
      ':',
      'Kantor Kecamatan Semarang Barat',
    ]);
    expect(texts(activityReportDocument(report(), { ...options, address: null }).content)[1]).toBe(
      'LAPORAN KEGIATAN',
    );
  });

  it('lists the participants numbered, the account in paragraphs and the decisions', () => {
    const text = read(report()).join('\n');
    expect(text).toContain(
      'Peserta\n1.\nDra. Sri Wahyuningsih — Kepala Lapas, Lapas Perempuan Kelas IIA Semarang\n2.\nSiti Rahayu — Camat, Kecamatan Semarang Barat',
    );
    expect(text).toContain('Uraian kegiatan\nPada hari Senin, 27 April 2026, …\nDokumentasi terlampir.');
    expect(text).toContain('Hasil dan kesepakatan\n1.\nMenyusun draf MoU.');
  });

  it('is signed by the one who made it (not the last editor), a draft dated the day it is printed', () => {
    const lines = read(report());
    expect(lines.slice(-5)).toEqual([
      'Semarang, 4 Mei 2026',
      'Pembuat laporan,',
      ' ',
      'Rina Kartika',
      'Lapas Perempuan Kelas IIA Semarang',
    ]);
    expect(lines).not.toContain('Petugas Giatja');
    expect(activityReportDocument(report(), options).header).toMatchObject({ text: 'DRAFT — belum final' });
  });

  it('dates a final report by the day it was made final (Semarang’s calendar), whatever the print date', () => {
    const final = report({ status: 'final', canEdit: false });
    expect(reportDate(final, '2026-05-04')).toBe('2026-05-01');
    expect(reportDate(report(), '2026-05-04')).toBe('2026-05-04');
    expect(read(final)).toContain('Semarang, 1 Mei 2026');
    expect(texts(activityReportDocument(final, { ...options, printedOn: '2027-01-02' }).content)).toContain(
      'Semarang, 1 Mei 2026',
    );
    expect(activityReportDocument(final, options).header).toBeUndefined();
  });

  it('keeps the signature with the decisions, or with their last line when they are many', () => {
    type Node = { stack?: unknown[]; unbreakable?: boolean };
    const last = (value: ActivityReport) => activityReportDocument(value, options).content as Node[];
    const few = last(report()).at(-1) as Node;
    expect(few.unbreakable).toBe(true);
    expect(texts(few)).toEqual([
      'Hasil dan kesepakatan',
      '1.',
      'Menyusun draf MoU.',
      '',
      'Semarang, 4 Mei 2026',
      'Pembuat laporan,',
      ' ',
      'Rina Kartika',
      'Lapas Perempuan Kelas IIA Semarang',
    ]);
    const many = last(report({ decisions: '1. Satu.\n2. Dua.\n3. Tiga.\n4. Empat.' }));
    expect(texts(many.at(-1)).slice(0, 4)).toEqual(['4.', 'Empat.', '', 'Semarang, 4 Mei 2026']);
    expect(many.at(-1)?.unbreakable).toBe(true);
    expect(texts(many.at(-2))).toEqual(['3.', 'Tiga.']);
  });

  it('keeps a time range whole in justified text (no gap after the dash)', () => {
    expect(keepRanges('tanpa rentang')).toBe('tanpa rentang');
    expect(keepRanges('pukul 09.00–11.30 WIB, di aula')).toEqual([
      { text: 'pukul ' },
      { text: '09.00–11.30 ', noWrap: true },
      { text: 'WIB, di aula' },
    ]);
    expect(keepRanges('2026–2027')).toEqual([{ text: '2026–2027', noWrap: true }]);
    // A dash between spaces is no range.
    expect(keepRanges('09.00 – selesai')).toBe('09.00 – selesai');
    const summary = report({ summary: 'Pada hari Senin, pukul 09.00–11.30 WIB, rapat dimulai.' });
    expect(read(summary)).toContain('Pada hari Senin, pukul 09.00–11.30 WIB, rapat dimulai.');
  });

  it('labels in English when asked', () => {
    const lines = read(report(), 'en');
    expect(lines).toContain('ACTIVITY REPORT');
    expect(lines).toContain('Monday, 27 April 2026');
    expect(lines).toContain('Reported by,');
  });

  it('renders a PDF', async () => {
    const buffer = await activityReportPdf(report(), options);
    expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('report helpers', () => {
  it('takes the city from the address, else the program’s city', () => {
    expect(cityOf('Bulustalan, Kecamatan Semarang Selatan, Kota Semarang, Jawa Tengah')).toBe('Semarang');
    expect(cityOf('Jl. Soekarno-Hatta, Kabupaten Kendal')).toBe('Kendal');
    expect(cityOf(null)).toBe('Semarang');
    expect(cityOf('Jl. Puspowarno Tengah No. 8')).toBe('Semarang');
  });

  it('gives the program’s date of an instant', () => {
    expect(programDate('2026-04-30T16:59:59.000Z')).toBe('2026-04-30');
    expect(programDate('2026-04-30T17:00:00.000Z')).toBe('2026-05-01');
  });
});

import { describe, expect, it } from 'vitest';
import {
  activityReportFormValues,
  activityReportPlainText,
  activityReportRequest,
} from './activityReportForm.ts';

const LABELS = {
  date: 'Tanggal',
  place: 'Tempat',
  participants: 'Peserta',
  summary: 'Ringkasan',
  decisions: 'Keputusan dan hasil',
};

const report = {
  title: 'Rapat Koordinasi Desa Binaan',
  heldOn: '2026-04-27',
  place: 'Kantor Kecamatan Semarang Barat',
  participants:
    '1. Sri Wahyuni — Kepala Lapas, Lapas Perempuan Semarang\n2. Budi — Camat, Kecamatan Semarang Barat',
  summary: 'Pada hari Senin, 27 April 2026, bertempat di Kantor Kecamatan Semarang Barat, …',
  decisions: '1. Menyusun MoU.\n2. Menyusun program teknis.',
};

describe('activityReportFormValues / activityReportRequest', () => {
  it('turns empty texts into empty strings and back into null, trimmed, with the version read', () => {
    const values = activityReportFormValues({ ...report, place: null, participants: null });
    expect(values.place).toBe('');
    expect(values.participants).toBe('');
    expect(activityReportRequest({ ...values, title: '  Judul baru ', summary: '   ' }, 4)).toEqual({
      version: 4,
      title: 'Judul baru',
      heldOn: '2026-04-27',
      place: null,
      participants: null,
      summary: null,
      decisions: report.decisions,
    });
  });
});

describe('activityReportPlainText', () => {
  it('gives the title, date dd/mm/yyyy and place, then each section under its label', () => {
    expect(activityReportPlainText(activityReportFormValues(report), LABELS)).toBe(
      [
        'Rapat Koordinasi Desa Binaan',
        '',
        'Tanggal: 27/04/2026',
        'Tempat: Kantor Kecamatan Semarang Barat',
        '',
        'Peserta:',
        '1. Sri Wahyuni — Kepala Lapas, Lapas Perempuan Semarang',
        '2. Budi — Camat, Kecamatan Semarang Barat',
        '',
        'Ringkasan:',
        'Pada hari Senin, 27 April 2026, bertempat di Kantor Kecamatan Semarang Barat, …',
        '',
        'Keputusan dan hasil:',
        '1. Menyusun MoU.',
        '2. Menyusun program teknis.',
      ].join('\n'),
    );
  });

  it('leaves out empty sections and tidies line breaks and blank lines', () => {
    const text = activityReportPlainText(
      {
        title: 'Bazar ',
        heldOn: null,
        place: '',
        participants: '   ',
        summary: 'Baris satu  \r\n\r\n\r\n\r\nBaris dua\r',
        decisions: '',
      },
      LABELS,
    );
    expect(text).toBe('Bazar\n\nRingkasan:\nBaris satu\n\nBaris dua');
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  kemendagriCode,
  parseDate,
  readImportSheet,
  readSheet,
  SheetError,
  schemaIssues,
  vocabulary,
} from './spreadsheet.ts';

const csv = (text: string) => Buffer.from(text, 'utf8');

describe('reading a spreadsheet', () => {
  it('reads a semicolon CSV with a byte-order mark, skipping empty lines, with the file’s row numbers', async () => {
    const sheet = await readSheet(
      csv(
        '\uFEFFNama Lengkap;NIK;Tanggal Lahir\nSiti Aminah;3374015705900001;17/05/1990\n;;\nDewi Lestari;;01/02/1988\n',
      ),
      100,
    );
    expect(sheet.format).toBe('csv');
    expect(sheet.headers).toEqual(['Nama Lengkap', 'NIK', 'Tanggal Lahir']);
    expect(sheet.rows).toEqual([
      ['Siti Aminah', '3374015705900001', '17/05/1990'],
      ['Dewi Lestari', null, '01/02/1988'],
    ]);
    expect(sheet.rowNumbers).toEqual([2, 4]);
  });

  it('reads a comma CSV saved by Excel in Windows-1252', async () => {
    const sheet = await readSheet(Buffer.from('Nama,Alamat\nSiti,"Jl. Pemuda, Semarang é"\n', 'latin1'), 100);
    expect(sheet.rows[0]).toEqual(['Siti', 'Jl. Pemuda, Semarang é']);
  });

  it('reads the first sheet of an XLSX file with dates, numbers and rich text as typed', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['Nama Lengkap', 'Tanggal Lahir', 'Jumlah Anak', 'Telepon']);
    sheet.addRow([
      { richText: [{ text: 'Siti ' }, { text: 'Aminah' }] },
      new Date(Date.UTC(1990, 4, 17)),
      2,
      81234567890,
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const read = await readSheet(buffer, 100);
    expect(read.format).toBe('xlsx');
    expect(read.rows[0]?.[0]).toBe('Siti Aminah');
    expect(parseDate(read.rows[0]?.[1] ?? null)).toBe('1990-05-17');
    expect(read.rows[0]?.[2]).toBe(2);
  });

  it('refuses the old binary Excel format and an empty file', async () => {
    const xls = Buffer.alloc(64);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    await expect(readSheet(xls, 100)).rejects.toBeInstanceOf(SheetError);
    await expect(readSheet(csv('\n\n'), 100)).rejects.toMatchObject({ reason: 'empty' });
  });
});

describe('dates', () => {
  it.each([
    ['17/05/1990', '1990-05-17'],
    ['7/5/1990', '1990-05-07'],
    ['17-05-1990', '1990-05-17'],
    ['17.05.1990', '1990-05-17'],
    ['1990-05-17', '1990-05-17'],
    ['29/02/2000', '2000-02-29'],
  ])('reads %s', (text, iso) => expect(parseDate(text)).toBe(iso));

  it.each(['31/04/1990', '29/02/1999', '1990/05/17', 'kemarin', '05/17/1990'])('refuses %s', (text) =>
    expect(parseDate(text)).toBeNull(),
  );

  it('reads an Excel serial number (a date cell without date format)', () => {
    expect(parseDate(32980)).toBe('1990-04-17');
  });
});

describe('reading an import file', () => {
  it('answers a file with no data rows, or too many, with the import’s error codes', async () => {
    await expect(readImportSheet(csv('Nama;Alamat\n'), 10)).rejects.toMatchObject({
      status: 400,
      code: 'IMPORT_FILE_EMPTY',
    });
    await expect(readImportSheet(csv('Nama\nA\nB\nC\n'), 2)).rejects.toMatchObject({
      status: 400,
      code: 'IMPORT_TOO_MANY_ROWS',
      params: { max: '2' },
    });
    const xls = Buffer.alloc(64);
    xls.writeUInt32BE(0xd0cf11e0, 0);
    await expect(readImportSheet(xls, 10)).rejects.toMatchObject({ code: 'IMPORT_FILE_UNSUPPORTED' });
  });
});

describe('words and codes', () => {
  it('takes a vocabulary code as typed, or the code of an Indonesian label whatever its case and punctuation', () => {
    const words = { perusahaan: 'company', 'blk lembaga pelatihan': 'training_provider' } as const;
    const codes = ['company', 'training_provider'] as const;
    expect(vocabulary(' Company ', words, codes)).toBe('company');
    expect(vocabulary('PERUSAHAAN', words, codes)).toBe('company');
    expect(vocabulary('BLK / Lembaga pelatihan', words, codes)).toBe('training_provider');
    expect(vocabulary('Pabrik', words, codes)).toBeNull();
  });

  it('writes a 10-digit kelurahan code with its dots, and leaves a name as it is', () => {
    expect(kemendagriCode('3374131013')).toBe('33.74.13.1013');
    expect(kemendagriCode('33.74.13.1013')).toBe('33.74.13.1013');
    expect(kemendagriCode(' Krobokan ')).toBe('Krobokan');
  });
});

describe('checking a row with a contract', () => {
  it('gives the first problem of each field as a message key, like the form', () => {
    const schema = z.strictObject({
      name: z.string().trim().min(1),
      email: z.email().optional(),
      places: z.number().int().min(1),
      kind: z.enum(['umkm', 'company']),
    });
    const { value, issues } = schemaIssues(schema, { name: '', email: 'bukan', places: 0, kind: 'x' });
    expect(value).toBeNull();
    expect(issues).toEqual([
      { field: 'name', key: 'required' },
      { field: 'email', key: 'invalid_format_email' },
      { field: 'places', key: 'too_small_number', params: { minimum: 1 } },
      { field: 'kind', key: 'import_unknown_value', params: { value: 'x' } },
    ]);
    expect(schemaIssues(schema, { name: 'A', places: 2, kind: 'umkm' })).toEqual({
      value: { name: 'A', places: 2, kind: 'umkm' },
      issues: [],
    });
    expect(schemaIssues(schema, { places: 1, kind: 'umkm' }).issues).toEqual([
      { field: 'name', key: 'required' },
    ]);
  });
});

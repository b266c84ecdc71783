import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  mapRow,
  parseDate,
  readSheet,
  SheetError,
  suggestMapping,
  validateInput,
} from './people-import.parser.ts';

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

describe('suggesting a mapping', () => {
  it('recognises the usual Indonesian headers, whatever the case and punctuation', () => {
    expect(
      suggestMapping([
        'Nama Lengkap',
        'NIK',
        'Tempat Lahir',
        'Tanggal Lahir',
        'No. Registrasi',
        'Alamat',
        'Kode Kelurahan',
        'Telepon',
        'Pendidikan',
        'Status Perkawinan',
        'Jumlah Anak',
        'Keterampilan',
        'Catatan lain',
      ]),
    ).toEqual([
      'fullName',
      'nik',
      'birthPlace',
      'birthDate',
      'registrationNumber',
      'domicileAddress',
      'domicileVillageCode',
      'phone',
      'educationLevel',
      'maritalStatus',
      'dependentChildren',
      'skills',
      null,
    ]);
  });

  it('suggests a field for one column only', () => {
    expect(suggestMapping(['Nama', 'Nama Lengkap'])).toEqual(['fullName', null]);
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

describe('mapping a row', () => {
  const mapping = [
    'fullName',
    'nik',
    'birthDate',
    'phone',
    'educationLevel',
    'maritalStatus',
    'dependentChildren',
    'skills',
    'domicileVillageCode',
    null,
  ] as const;

  it('turns cells into the form’s input, with Indonesian labels as codes', () => {
    const { input, issues, present } = mapRow(
      [
        'Siti Aminah',
        "'3374015705900001",
        '17/05/1990',
        81234567890,
        'SMA/SMK',
        'Cerai Hidup',
        '2',
        'Menjahit, Tata rias ; Membatik',
        '3374131001',
        'diabaikan',
      ],
      [...mapping],
    );
    expect(issues).toEqual([]);
    expect(input).toEqual({
      fullName: 'Siti Aminah',
      nik: '3374015705900001',
      birthDate: '1990-05-17',
      phone: '081234567890',
      educationLevel: 'sma',
      maritalStatus: 'divorced',
      dependentChildren: 2,
      skills: [{ name: 'Menjahit' }, { name: 'Tata rias' }, { name: 'Membatik' }],
      domicileVillageCode: '33.74.13.1001',
    });
    expect(present.has('fullName')).toBe(true);
  });

  it('leaves empty cells out, so an update keeps what is stored', () => {
    const { input, present } = mapRow(['Siti Aminah', null, '  '], ['fullName', 'nik', 'phone']);
    expect(input).toEqual({ fullName: 'Siti Aminah' });
    expect(present.has('nik')).toBe(false);
  });

  it('reports unreadable cells by field', () => {
    const { issues } = mapRow(
      ['Siti', 3.374015705900001e15 * 10, '31/02/1990', 'Sekolah tinggi', 'x', 'dua'],
      ['fullName', 'nik', 'birthDate', 'educationLevel', 'maritalStatus', 'dependentChildren'],
    );
    expect(issues.map((issue) => [issue.field, issue.key])).toEqual([
      ['nik', 'import_nik_as_number'],
      ['birthDate', 'import_date_format'],
      ['educationLevel', 'import_unknown_value'],
      ['maritalStatus', 'import_unknown_value'],
      ['dependentChildren', 'import_not_a_number'],
    ]);
  });

  it('gathers the guarantor’s columns into one guarantor, reads sectors by their Indonesian names, keeps the host kelurahan code', () => {
    const { input, issues, intendedVillageCode } = mapRow(
      ['Siti Aminah', 'Slamet', 'Suami', '0812 1111 2222', 'Konveksi, tata boga', '3374131013'],
      [
        'fullName',
        'guarantorName',
        'guarantorRelation',
        'guarantorPhone',
        'preferredSectors',
        'intendedVillageCode',
      ],
    );
    expect(issues).toEqual([]);
    expect(input).toEqual({
      fullName: 'Siti Aminah',
      guarantor: { name: 'Slamet', relation: 'Suami', address: null, phone: '0812 1111 2222' },
      preferredSectors: ['garment', 'food'],
    });
    expect(intendedVillageCode).toBe('33.74.13.1013');
    expect(validateInput(input).issues).toEqual([]);
    const unknown = mapRow(['Siti', 'Tambang'], ['fullName', 'preferredSectors']);
    expect(unknown.issues.map((issue) => [issue.field, issue.key])).toEqual([
      ['preferredSectors', 'import_unknown_value'],
    ]);
  });

  it('checks the shape with the form’s contract: a missing name, a negative number of children', () => {
    const { issues } = validateInput({ dependentChildren: -1, phone: 'bukan nomor' });
    expect(issues.map((issue) => [issue.field, issue.key])).toEqual([
      ['fullName', 'required'],
      ['dependentChildren', 'too_small_number'],
      ['phone', 'invalid_format'],
    ]);
  });
});

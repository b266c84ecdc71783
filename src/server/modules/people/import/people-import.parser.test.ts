import { describe, expect, it } from 'vitest';
import { mapRow, suggestMapping, validateInput } from './people-import.parser.ts';

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

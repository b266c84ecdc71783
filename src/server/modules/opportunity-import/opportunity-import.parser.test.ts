import { describe, expect, it } from 'vitest';
import {
  mapOpportunityRow,
  mapPartnerRow,
  parseSkills,
  rupiah,
  suggestMapping,
  villageKey,
} from './opportunity-import.parser.ts';

describe('suggesting a mapping', () => {
  it('recognises the usual Indonesian headers of a partner list', () => {
    expect(
      suggestMapping('partners', [
        'Nama Mitra',
        'Jenis Mitra',
        'Sektor',
        'Kelurahan',
        'Alamat',
        'No. HP',
        'E-mail',
        'Narahubung',
        'HP Narahubung',
        'Bersedia Mempekerjakan',
        'No. PKS',
        'Tanggal PKS',
        'PKS Berakhir',
        'Lain-lain',
      ]),
    ).toEqual([
      'name',
      'type',
      'sectors',
      'villageCode',
      'address',
      'phone',
      'email',
      'contactName',
      'contactPhone',
      'willingToEmploy',
      'agreementNumber',
      'agreementSignedOn',
      'agreementExpiresOn',
      null,
    ]);
  });

  it('recognises the headers of an opportunity list, each field for one column only', () => {
    expect(
      suggestMapping('opportunities', [
        'Judul',
        'Jenis Peluang',
        'Mitra',
        'Kelurahan',
        'Sektor',
        'Jumlah Tempat',
        'Tanggal Mulai',
        'Batas Pendaftaran',
        'Jam per Minggu',
        'Paruh Waktu',
        'Upah Minimum',
        'Upah Maksimum',
        'Satuan Upah',
        'Keterampilan',
        'Status',
        'Judul',
      ]),
    ).toEqual([
      'title',
      'kind',
      'partnerName',
      'villageCode',
      'sector',
      'places',
      'startOn',
      'closesOn',
      'hoursPerWeek',
      'partTime',
      'payMin',
      'payMax',
      'payPeriod',
      'skills',
      'status',
      null,
    ]);
  });
});

describe('a partner row', () => {
  it('turns Indonesian labels into codes and gathers the contact cells into one contact', () => {
    const row = mapPartnerRow(
      [
        'Konveksi Sejahtera',
        'BLK/Lembaga pelatihan',
        'Garmen & menjahit, tata boga, garment',
        'Krobokan',
        81234567890,
        'Bu Sri',
        '0812 3333 4444',
        'Kasus per kasus',
        '01/02/2026',
        new Date(Date.UTC(2028, 0, 31)),
        '  ',
      ],
      [
        'name',
        'type',
        'sectors',
        'villageCode',
        'phone',
        'contactName',
        'contactPhone',
        'willingToEmploy',
        'agreementSignedOn',
        'agreementExpiresOn',
        'description',
      ],
    );
    expect(row.issues).toEqual([]);
    expect(row.input).toEqual({
      name: 'Konveksi Sejahtera',
      type: 'training_provider',
      sectors: ['garment', 'food'],
      phone: '081234567890',
      contacts: [{ name: 'Bu Sri', phone: '0812 3333 4444' }],
      willingToEmploy: 'case_by_case',
      agreementSignedOn: '2026-02-01',
      agreementExpiresOn: '2028-01-31',
    });
    expect(row.village).toBe('Krobokan');
    expect(row.present.has('description')).toBe(false);
  });

  it('reports unknown words and unreadable dates by field, and a contact phone without a name', () => {
    const row = mapPartnerRow(
      ['Toko Baru', 'Pabrik', 'Tambang', 'mungkin', '31/02/2026', '0812'],
      ['name', 'type', 'sectors', 'willingToEmploy', 'agreementSignedOn', 'contactPhone'],
    );
    expect(row.issues.map((issue) => [issue.field, issue.key, issue.params?.value])).toEqual([
      ['type', 'import_unknown_value', 'Pabrik'],
      ['sectors', 'import_unknown_value', 'Tambang'],
      ['willingToEmploy', 'import_unknown_value', 'mungkin'],
      ['agreementSignedOn', 'import_date_format', undefined],
      ['contactName', 'required', undefined],
    ]);
  });
});

describe('an opportunity row', () => {
  const mapping = [
    'title',
    'kind',
    'partnerName',
    'villageCode',
    'sector',
    'places',
    'startOn',
    'closesOn',
    'partTime',
    'flexible',
    'payMin',
    'payMax',
    'payPeriod',
    'skills',
    'status',
  ] as const;

  it('reads codes from labels, numbers, rupiah, yes/no and the skills list', () => {
    const row = mapOpportunityRow(
      [
        'Penjahit borongan',
        'Lowongan kerja',
        'Konveksi Maju Bersama',
        '3374131013',
        'Garmen',
        3,
        '01/07/2026',
        new Date(Date.UTC(2026, 6, 31)),
        'ya',
        false,
        'Rp 1.500.000',
        2500000,
        'per bulan',
        'Menjahit:kompeten:wajib; Katering:dasar:opsional',
        'Dibuka',
      ],
      [...mapping],
    );
    expect(row.issues).toEqual([]);
    expect(row.input).toEqual({
      title: 'Penjahit borongan',
      kind: 'job_vacancy',
      sector: 'garment',
      places: 3,
      startOn: '2026-07-01',
      closesOn: '2026-07-31',
      partTime: true,
      flexible: false,
      payMin: 1_500_000,
      payMax: 2_500_000,
      payPeriod: 'month',
    });
    expect(row.partner).toBe('Konveksi Maju Bersama');
    expect(row.village).toBe('3374131013');
    expect(row.skills).toEqual([
      { name: 'Menjahit', minLevel: 'competent', essential: true },
      { name: 'Katering', minLevel: 'basic', essential: false },
    ]);
    expect(row.status).toBe('open');
  });

  it('keeps a negative number of places for the contract to refuse, and reports what it cannot read', () => {
    const row = mapOpportunityRow(
      [
        'Magang',
        'Beasiswa',
        null,
        null,
        'Tambang',
        '-2',
        'besok',
        null,
        'mungkin',
        null,
        'dua juta',
        null,
        'tahun',
        'Menjahit:ahli',
        'ditutup',
      ],
      [...mapping],
    );
    expect(row.input.places).toBe(-2);
    expect(row.issues.map((issue) => [issue.field, issue.key])).toEqual([
      ['kind', 'import_unknown_value'],
      ['sector', 'import_unknown_value'],
      ['startOn', 'import_date_format'],
      ['partTime', 'import_yes_no'],
      ['payMin', 'import_not_an_amount'],
      ['payPeriod', 'import_unknown_value'],
      ['skills', 'import_skill_level_unknown'],
      ['status', 'import_status_not_importable'],
    ]);
    expect(row.status).toBe('draft');
  });
});

describe('pieces', () => {
  it.each([
    ['2.500.000', 2_500_000],
    ['Rp2.500.000,00', 2_500_000],
    ['Rp. 750.000', 750_000],
    ['2,500,000', 2_500_000],
    ['2500000', 2_500_000],
    ['-50.000', -50_000],
  ])('reads the amount %s', (text, amount) => expect(rupiah(text, text)).toBe(amount));

  it.each(['2,5 juta', '1.50', 'gratis'])('refuses the amount %s', (text) =>
    expect(rupiah(text, text)).toBeNull(),
  );

  it('reads skills with level and essential left out as basic and essential, in codes too', () => {
    expect(parseSkills('Menjahit, garment.sewing:intermediate:optional')).toEqual({
      skills: [
        { name: 'Menjahit', minLevel: 'basic', essential: true },
        { name: 'garment.sewing', minLevel: 'intermediate', essential: false },
      ],
    });
    expect(parseSkills('Menjahit:kompeten:kadang')).toEqual({
      issue: { field: 'skills', key: 'import_skill_essential_unknown', params: { value: 'kadang' } },
    });
  });

  it('reads a kelurahan as a code with or without dots, or as a name with or without "Kelurahan"', () => {
    expect(villageKey('3374131013')).toEqual({ code: '33.74.13.1013' });
    expect(villageKey('33.74.13.1013')).toEqual({ code: '33.74.13.1013' });
    expect(villageKey('Kelurahan Krobokan')).toEqual({ name: 'krobokan' });
    expect(villageKey('Kel. Ngemplak Simongan')).toEqual({ name: 'ngemplak simongan' });
  });
});

import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson } from '../../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { ImportMapping } from '../../../../shared/peopleData.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../../db/seed/reference.ts';

let t: TestApp;
let officer: Session;
let otherPrison: string;
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db, { roles: ['prison_binadik'], organizationId: LAPAS_ID });
  officer = await signIn(t.app, user.username, TEST_PASSWORD);
  otherPrison = (await createOrganization(t.database.db, { kind: 'prison', name: 'Lapas Uji Lain' })).id;
});
afterAll(() => t.close());

async function as(roles: RoleCode[], organizationId: string) {
  const user = await createUser(t.database.db, { roles, organizationId });
  return signIn(t.app, user.username, TEST_PASSWORD);
}

// NIKs of women of Kecamatan Semarang Barat (33.74.13): the day of birth plus 40.
let serial = 1000;
function nik(birthDate: string): string {
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  serial++;
  return `337413${Number(day) + 40}${month}${year.slice(2)}${serial}`;
}

const HEADER =
  'Nama Lengkap;NIK;Tempat Lahir;Tanggal Lahir;No. Registrasi;Telepon;Pendidikan;Jumlah Anak;Keterampilan';
const MAPPING: ImportMapping = [
  'fullName',
  'nik',
  'birthPlace',
  'birthDate',
  'registrationNumber',
  'phone',
  'educationLevel',
  'dependentChildren',
  'skills',
];

function csvFile(lines: string[]) {
  return Buffer.from([HEADER, ...lines].join('\n'), 'utf8');
}

function form(file: Buffer, fields: Record<string, string> = {}, name = 'warga.csv') {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append('file', new Blob([new Uint8Array(file)]), name);
  return data;
}

const post = (session: Session, step: string, payload: FormData) =>
  session.request({ method: 'POST', url: `/api/people/import/${step}`, payload });

const check = (session: Session, file: Buffer, mapping = MAPPING) =>
  post(session, 'check', form(file, { mapping: JSON.stringify(mapping) }));
const commit = (session: Session, file: Buffer, mode: string, mapping = MAPPING) =>
  post(session, 'commit', form(file, { mapping: JSON.stringify(mapping), mode }));

const countPeople = async () =>
  Number(
    (await t.database.db.selectFrom('person').select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow())
      .n,
  );

const unique = () => Math.random().toString(36).slice(2, 8).toUpperCase();

describe('step 1: preview', () => {
  it('shows the columns, the first rows and a mapping suggested from Indonesian headers', async () => {
    const file = csvFile([
      `Siti Aminah;${nik('1990-05-17')};Semarang;17/05/1990;BI.${unique()};081234567890;SMA;2;Menjahit`,
    ]);
    const response = await post(officer, 'preview', form(file));
    expect(response.statusCode).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({ format: 'csv', rowCount: 1, mapping: MAPPING });
    expect(preview.columns[3]).toEqual({ index: 3, header: 'Tanggal Lahir', suggested: 'birthDate' });
    expect(preview.rows[0][0]).toBe('Siti Aminah');
    expect(preview.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a file that is not a spreadsheet, a missing file and a file over 20 MB', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(100)]);
    expect((await post(officer, 'preview', form(pdf, {}, 'surat.pdf'))).json().error.code).toBe(
      'IMPORT_FILE_UNSUPPORTED',
    );
    const missing = new FormData();
    missing.append('mapping', '[]');
    expect((await post(officer, 'preview', missing)).json().error.code).toBe('IMPORT_FILE_MISSING');
    const big = Buffer.alloc(20 * 1024 * 1024 + 10, 'a');
    const response = await post(officer, 'preview', form(big));
    expect(response.statusCode).toBe(413);
    expect(response.json().error.code).toBe('IMPORT_FILE_TOO_LARGE');
  });
});

describe('step 2: the dry run', () => {
  it('reports every invalid row and field with the row number, column and reason, and stores nobody', async () => {
    const before = await countPeople();
    const goodNik = nik('1991-03-02');
    const file = csvFile([
      `Rina Wati;${goodNik};Semarang;02/03/1991;BI.${unique()};081234567891;SMP;1;Membatik`,
      `;${nik('1992-01-01')};Kendal;01/01/1992;BI.${unique()};;SD;0;`,
      `Dewi Sartika;1234;Demak;31/02/1990;BI.${unique()};bukan-telepon;Sekolah tinggi;-2;`,
      `Rina Kembar;${goodNik};Semarang;02/03/1991;BI.${unique()};;;;`,
    ]);
    const response = await check(officer, file);
    expect(response.statusCode).toBe(200);
    const report = response.json();
    expect(report.counts).toEqual({ total: 4, new: 1, update: 0, invalid: 3 });
    const issues = report.issues.map((issue: { row: number; field: string; column: string | null }) => [
      issue.row,
      issue.field,
      issue.column,
    ]);
    expect(issues).toEqual(
      expect.arrayContaining([
        [3, 'fullName', 'Nama Lengkap'],
        [4, 'nik', 'NIK'],
        [4, 'birthDate', 'Tanggal Lahir'],
        [4, 'phone', 'Telepon'],
        [4, 'educationLevel', 'Pendidikan'],
        [4, 'dependentChildren', 'Jumlah Anak'],
        [5, 'nik', 'NIK'],
      ]),
    );
    const reason = (row: number, field: string) =>
      report.issues.find(
        (issue: { row: number; field: string }) => issue.row === row && issue.field === field,
      )?.reason;
    expect(reason(4, 'birthDate')).toMatch(/hh\/bb\/tttt/);
    expect(reason(5, 'nik')).toBe('Sama dengan baris 2 di berkas ini.');
    expect(reason(4, 'educationLevel')).toBe('Nilai "Sekolah tinggi" tidak dikenal.');
    expect(await countPeople()).toBe(before);
    const run = await t.database.db
      .selectFrom('person_import')
      .selectAll()
      .where('id', '=', report.importId)
      .executeTakeFirstOrThrow();
    expect(run.status).toBe('checked');
  });

  it('refuses a NIK registered by another prison, and a mapping that does not fit the file', async () => {
    const taken = nik('1985-08-08');
    await createPerson(t.database.db, { organizationId: otherPrison, nik: taken, birthDate: '1985-08-08' });
    const file = csvFile([`Wulan Sari;${taken};Semarang;08/08/1985;BI.${unique()};;;;`]);
    const report = (await check(officer, file)).json();
    expect(report.counts.invalid).toBe(1);
    expect(report.issues[0]).toMatchObject({
      row: 2,
      field: 'nik',
      reason: 'NIK ini sudah terdaftar untuk orang lain.',
    });
    const mismatch = await check(officer, file, ['fullName', 'nik']);
    expect(mismatch.statusCode).toBe(400);
    expect(mismatch.json().error.code).toBe('IMPORT_MAPPING_MISMATCH');
    const noName = await check(
      officer,
      file,
      MAPPING.map((field) => (field === 'fullName' ? null : field)),
    );
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.fields.mapping).toBeDefined();
  });
});

describe('step 3: commit', () => {
  it('all-or-nothing with one invalid row stores nothing at all', async () => {
    const before = await countPeople();
    const events = await t.database.db
      .selectFrom('person_event')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    const file = csvFile([
      `Ani Lestari;${nik('1993-04-04')};Semarang;04/04/1993;BI.${unique()};;;;Menjahit`,
      `Budi;;Semarang;04/04/2093;BI.${unique()};;;;`,
    ]);
    const response = await commit(officer, file, 'all_or_nothing');
    expect(response.statusCode).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'IMPORT_HAS_INVALID_ROWS' });
    expect(response.json().error.message).toMatch(/^1 baris tidak valid/);
    expect(await countPeople()).toBe(before);
    const eventsAfter = await t.database.db
      .selectFrom('person_event')
      .select(sql<string>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    expect(eventsAfter.n).toBe(events.n);
    const failed = await t.database.db
      .selectFrom('person_import')
      .select('status')
      .orderBy('created_at', 'desc')
      .executeTakeFirstOrThrow();
    expect(failed.status).toBe('failed');
  });

  it('valid-only stores the valid rows, like the form would, with a timeline event each and one audit entry', async () => {
    const before = await countPeople();
    const registration = `BI.${unique()}`;
    const file = csvFile([
      `Ani Lestari;${nik('1993-04-04')};Semarang;04/04/1993;${registration};081234500001;SMA;2;Menjahit, Tata rias`,
      `Budi Santosa;;Semarang;04/04/2093;BI.${unique()};;;;`,
      `Citra Kirana;;Kendal;05/06/1994;BI.${unique()};;D3;0;`,
    ]);
    const response = await commit(officer, file, 'valid_only');
    expect(response.statusCode).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ mode: 'valid_only', created: 2, updated: 0, skipped: 1 });
    expect(result.issues).toEqual([expect.objectContaining({ row: 3, field: 'birthDate' })]);
    expect(await countPeople()).toBe(before + 2);

    const ani = await t.database.db
      .selectFrom('person')
      .selectAll()
      .where('registration_number', '=', registration)
      .executeTakeFirstOrThrow();
    expect(ani).toMatchObject({
      organization_id: LAPAS_ID,
      full_name: 'Ani Lestari',
      search_name: 'ani lestari',
      birth_date: '1993-04-04',
      education_level: 'sma',
      dependent_children: 2,
      phone: '081234500001',
      version: 1,
    });
    const skills = await t.database.db
      .selectFrom('person_skill')
      .select('name')
      .where('person_id', '=', ani.id)
      .execute();
    expect(skills.map((skill) => skill.name).sort()).toEqual(['Menjahit', 'Tata rias']);
    const events = await t.database.db
      .selectFrom('person_event')
      .selectAll()
      .where('person_id', '=', ani.id)
      .execute();
    expect(events).toEqual([
      expect.objectContaining({
        kind: 'person.registered',
        details: { source: 'import', importId: result.importId },
      }),
    ]);
    const entries = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.imported')
      .where('subject_id', '=', result.importId)
      .execute();
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({
      mode: 'valid_only',
      rows: 3,
      created: 2,
      updated: 0,
      skipped: 1,
    });

    // The people list finds her like anyone registered in the form.
    const list = await officer.request({ method: 'GET', url: '/api/people?q=ani%20lestari' });
    expect(list.json().items.map((item: { id: string }) => item.id)).toContain(ani.id);
  });

  it('takes the host kelurahan by its code, the guarantor and the sectors, and names an unknown kelurahan', async () => {
    const registration = `BI.${unique()}`;
    const file = Buffer.from(
      [
        'Nama Lengkap;No. Registrasi;Kelurahan Tujuan;Penjamin;Hubungan Penjamin;Sektor Pilihan',
        `Dewi Anggraini;${registration};33.74.13.1013;Slamet Riyadi;Suami;Konveksi, Tata boga`,
        `Eka Wulandari;BI.${unique()};33.74.99.9999;;;`,
      ].join('\n'),
      'utf8',
    );
    const mapping: ImportMapping = [
      'fullName',
      'registrationNumber',
      'intendedVillageCode',
      'guarantorName',
      'guarantorRelation',
      'preferredSectors',
    ];
    const response = await commit(officer, file, 'valid_only', mapping);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ created: 1, skipped: 1 });
    expect(response.json().issues).toEqual([
      expect.objectContaining({ row: 3, field: 'intendedVillageCode' }),
    ]);
    const stored = await t.database.db
      .selectFrom('person as p')
      .innerJoin('organization as v', 'v.id', 'p.intended_village_id')
      .select(['v.code', 'p.guarantor', 'p.preferred_sectors'])
      .where('p.registration_number', '=', registration)
      .executeTakeFirstOrThrow();
    expect(stored).toEqual({
      code: '33.74.13.1013',
      guarantor: { name: 'Slamet Riyadi', relation: 'Suami', address: null, phone: null },
      preferred_sectors: ['garment', 'food'],
    });
  });

  it('re-importing the same file updates instead of duplicating; an empty cell keeps what is stored', async () => {
    const registration = `BI.${unique()}`;
    const nikValue = nik('1989-09-09');
    const first = csvFile([
      `Sri Wahyuni;${nikValue};Semarang;09/09/1989;${registration};081200000001;SD;1;Menjahit`,
    ]);
    expect((await commit(officer, first, 'all_or_nothing')).json()).toMatchObject({ created: 1, updated: 0 });
    const before = await countPeople();

    const again = await commit(officer, first, 'all_or_nothing');
    expect(again.json()).toMatchObject({ created: 0, updated: 1, counts: { new: 0, update: 1 } });
    expect(await countPeople()).toBe(before);

    // Corrected phone and a new skill; the birth place left empty; matched by NIK.
    const corrected = csvFile([
      `Sri Wahyuni;${nikValue};;09/09/1989;${registration};081299999999;SMP;1;Menjahit, Membatik`,
    ]);
    const checked = (await check(officer, corrected)).json();
    expect(checked.counts).toEqual({ total: 1, new: 0, update: 1, invalid: 0 });
    expect((await commit(officer, corrected, 'valid_only')).json()).toMatchObject({ created: 0, updated: 1 });
    const person = await t.database.db
      .selectFrom('person')
      .selectAll()
      .where('nik', '=', nikValue)
      .executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      phone: '081299999999',
      education_level: 'smp',
      birth_place: 'Semarang',
      version: 3,
    });
    const skills = await t.database.db
      .selectFrom('person_skill')
      .select('name')
      .where('person_id', '=', person.id)
      .execute();
    expect(skills.map((skill) => skill.name).sort()).toEqual(['Membatik', 'Menjahit']);

    // Without a NIK in the file, the registration number within the prison finds her.
    const byNumber = Buffer.from(
      `Nama Lengkap;No. Registrasi;Telepon\nSri Wahyuni;${registration};081211111111\n`,
    );
    const result = await commit(officer, byNumber, 'all_or_nothing', [
      'fullName',
      'registrationNumber',
      'phone',
    ]);
    expect(result.json()).toMatchObject({ created: 0, updated: 1 });
    expect(await countPeople()).toBe(before);
    const updated = await t.database.db
      .selectFrom('person')
      .select(['phone', 'nik'])
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    expect(updated).toEqual({ phone: '081211111111', nik: nikValue });
  });

  it('imports an XLSX file with Excel date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Warga');
    sheet.addRow(['Nama Lengkap', 'Tanggal Lahir', 'No. Registrasi', 'Kode Kelurahan']);
    const registration = `BI.${unique()}`;
    sheet.addRow(['Maya Sari', new Date(Date.UTC(1995, 11, 31)), registration, '33.74.13.1013']);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const payload = form(
      file,
      {
        mapping: JSON.stringify(['fullName', 'birthDate', 'registrationNumber', 'domicileVillageCode']),
        mode: 'all_or_nothing',
      },
      'warga.xlsx',
    );
    const response = await post(officer, 'commit', payload);
    expect(response.json()).toMatchObject({ created: 1 });
    const person = await t.database.db
      .selectFrom('person')
      .select(['birth_date', 'domicile_village_code', 'domicile_village_name'])
      .where('registration_number', '=', registration)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({
      birth_date: '1995-12-31',
      domicile_village_code: '33.74.13.1013',
      domicile_village_name: 'Krobokan',
    });
  });
});

describe('who may import', () => {
  it.each<[string, RoleCode, () => string]>([
    ['prison work-training staff', 'prison_giatja', () => LAPAS_ID],
    ['the Bapas head', 'probation_head', () => BAPAS_ID],
    ['kecamatan staff', 'district_staff', () => KECAMATAN_ID],
    ['a viewer', 'viewer', () => LAPAS_ID],
    ['an administrator', 'system_admin', () => LAPAS_ID],
  ])('%s may not (403)', async (_who, role, organization) => {
    const session = await as([role], organization());
    const file = csvFile([`Siti;;;;BI.${unique()};;;;`]);
    expect((await post(session, 'preview', form(file))).statusCode).toBe(403);
    expect((await commit(session, file, 'valid_only')).statusCode).toBe(403);
  });

  it('the prison head may', async () => {
    const head = await as(['prison_head'], LAPAS_ID);
    const file = csvFile([`Lina Marlina;;;;BI.${unique()};;;;`]);
    expect((await commit(head, file, 'valid_only')).json()).toMatchObject({ created: 1 });
  });
});

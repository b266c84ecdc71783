import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, TEST_PASSWORD } from '../../../../tests/factories/index.ts';
import { createPartner, villageByCode } from '../../../../tests/factories/villages.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../tests/support/app.ts';
import type { RoleCode } from '../../../shared/permissions.ts';
import type {
  OpportunityImportField,
  PartnerImportField,
  VillageImportTarget,
} from '../../../shared/villageImport.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../db/seed/reference.ts';

let t: TestApp;
let kecamatan: Session;
let krobokan: Session;
let krobokanId: string;
let bongsariId: string;
beforeAll(async () => {
  t = await createTestApp();
  krobokanId = (await villageByCode(t.database.db, '33.74.13.1013')).id;
  bongsariId = (await villageByCode(t.database.db, '33.74.13.1001')).id;
  kecamatan = await as(['district_staff'], KECAMATAN_ID);
  krobokan = await as(['village_staff'], krobokanId);
});
afterAll(() => t.close());

async function as(roles: RoleCode[], organizationId: string) {
  const user = await createUser(t.database.db, { roles, organizationId });
  return signIn(t.app, user.username, TEST_PASSWORD);
}

const unique = () => randomBytes(3).toString('hex').toUpperCase();

type Row = (string | number | boolean | Date | null)[];

async function xlsx(header: string[], rows: Row[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function form(file: Buffer, fields: Record<string, string>, name = 'impor.xlsx') {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.append(key, value);
  data.append('file', new Blob([new Uint8Array(file)]), name);
  return data;
}

const post = (session: Session, step: string, payload: FormData) =>
  session.request({ method: 'POST', url: `/api/opportunity-import/${step}`, payload });

function check(
  session: Session,
  target: VillageImportTarget,
  file: Buffer,
  mapping: (PartnerImportField | OpportunityImportField | null)[],
) {
  return post(session, 'check', form(file, { target, mapping: JSON.stringify(mapping) }));
}

function commit(
  session: Session,
  target: VillageImportTarget,
  file: Buffer,
  mapping: (PartnerImportField | OpportunityImportField | null)[],
  mode: 'all_or_nothing' | 'valid_only',
) {
  return post(session, 'commit', form(file, { target, mapping: JSON.stringify(mapping), mode }));
}

const count = async (table: 'opportunity' | 'partner_profile' | 'organization') =>
  Number(
    (await t.database.db.selectFrom(table).select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()).n,
  );

interface Issue {
  row: number;
  field: string;
  column: string | null;
  value: string | null;
  reason: string;
}
const importsAudited = async () =>
  (
    await t.database.db
      .selectFrom('audit_log')
      .select(sql<string>`count(*)`.as('n'))
      .where('action', 'in', ['partner.imported', 'opportunity.imported'])
      .executeTakeFirstOrThrow()
  ).n;

const issuesOf = (report: { issues: Issue[] }) => report.issues.map((issue) => [issue.row, issue.field]);
const reasonOf = (report: { issues: Issue[] }, row: number, field: string) =>
  report.issues.find((issue) => issue.row === row && issue.field === field)?.reason;

type Cell = Row[number];

/** A file row in the order of the mapping: the named cells filled, the others empty. */
const rowOf =
  <F extends string>(mapping: readonly F[]) =>
  (cells: Partial<Record<F, Cell>>): Row =>
    mapping.map((field) => cells[field] ?? null);

/** The audit entry of one commit. */
const importEntry = (action: 'partner.imported' | 'opportunity.imported', importId: string) =>
  t.database.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .where('subject_id', '=', importId)
    .executeTakeFirstOrThrow();

// ── Partners ──

const PARTNER_HEADER = [
  'Nama Mitra',
  'Jenis Mitra',
  'Sektor',
  'Kelurahan',
  'Alamat',
  'No. HP',
  'Narahubung',
  'HP Narahubung',
  'Bersedia Mempekerjakan',
  'No. PKS',
  'Tanggal PKS',
  'PKS Berakhir',
];
const PARTNER_MAPPING: PartnerImportField[] = [
  'name',
  'type',
  'sectors',
  'villageCode',
  'address',
  'phone',
  'contactName',
  'contactPhone',
  'willingToEmploy',
  'agreementNumber',
  'agreementSignedOn',
  'agreementExpiresOn',
];
const partnerRow = rowOf(PARTNER_MAPPING);

describe('step 1: preview', () => {
  it('shows the columns, the first rows and the mapping suggested for the target', async () => {
    const file = await xlsx(PARTNER_HEADER, [
      partnerRow({
        name: 'Konveksi Uji',
        type: 'UMKM',
        sectors: 'Garmen',
        villageCode: 'Krobokan',
        address: 'Jl. Uji 1',
        phone: '081200000001',
        contactName: 'Bu Sri',
        willingToEmploy: 'ya',
      }),
    ]);
    const response = await post(kecamatan, 'preview', form(file, { target: 'partners' }));
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json();
    expect(preview).toMatchObject({
      target: 'partners',
      format: 'xlsx',
      rowCount: 1,
      mapping: PARTNER_MAPPING,
    });
    expect(preview.columns[3]).toEqual({ index: 3, header: 'Kelurahan', suggested: 'villageCode' });
    expect(preview.rows[0][0]).toBe('Konveksi Uji');
  });

  it('reads a CSV file too (semicolons, as Excel saves it here)', async () => {
    const file = Buffer.from('Judul;Mitra;Jumlah Tempat\nPenjahit;Konveksi;2\n', 'utf8');
    const response = await post(kecamatan, 'preview', form(file, { target: 'opportunities' }, 'peluang.csv'));
    expect(response.json()).toMatchObject({
      format: 'csv',
      rowCount: 1,
      mapping: ['title', 'partnerName', 'places'],
    });
  });

  it('needs a target, and the mapping of the required fields', async () => {
    const file = await xlsx(['Judul'], [['Penjahit']]);
    const noTarget = await post(kecamatan, 'preview', form(file, {}));
    expect(noTarget.statusCode).toBe(400);
    expect(noTarget.json().error.fields.target).toBeDefined();
    const unmapped = await check(kecamatan, 'opportunities', file, ['title']);
    expect(unmapped.statusCode).toBe(400);
    expect(unmapped.json().error.fields.mapping).toMatch(/isian wajib harus dipetakan/);
    const mismatch = await check(kecamatan, 'partners', file, ['name', 'type']);
    expect(mismatch.json().error.code).toBe('IMPORT_MAPPING_MISMATCH');
  });
});

describe('importing partners', () => {
  it('creates new partners and updates one already registered (matched by name, any case), audited', async () => {
    const known = await createPartner(t.database.db, { name: `Katering Bu Ani ${unique()}`, type: 'umkm' });
    const name = `Konveksi Sejahtera ${unique()}`;
    const file = await xlsx(PARTNER_HEADER, [
      partnerRow({
        name,
        type: 'BLK/Lembaga pelatihan',
        sectors: 'Garmen & menjahit, tata boga',
        villageCode: 'Kelurahan Krobokan',
        address: 'Jl. Srinindito 5',
        phone: 81234567890,
        contactName: 'Ibu Sri Rahayu',
        contactPhone: '0812 3333 4444',
        willingToEmploy: 'kasus per kasus',
        agreementNumber: 'PKS/01/2026',
        agreementSignedOn: '01/02/2026',
        agreementExpiresOn: new Date(Date.UTC(2028, 0, 31)),
      }),
      partnerRow({
        name: known.name.toUpperCase(),
        sectors: 'Katering',
        villageCode: '3374131001',
        willingToEmploy: 'ya',
      }),
    ]);
    const dryRun = (await check(kecamatan, 'partners', file, PARTNER_MAPPING)).json();
    expect(dryRun.counts).toEqual({ total: 2, new: 1, update: 1, invalid: 0 });

    const response = await commit(kecamatan, 'partners', file, PARTNER_MAPPING, 'all_or_nothing');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ target: 'partners', created: 1, updated: 1, skipped: 0 });

    const created = await t.database.db
      .selectFrom('organization as o')
      .innerJoin('partner_profile as pp', 'pp.organization_id', 'o.id')
      .selectAll()
      .where('o.name', '=', name)
      .executeTakeFirstOrThrow();
    expect(created).toMatchObject({
      kind: 'partner',
      address: 'Jl. Srinindito 5',
      phone: '081234567890',
      contacts: [{ name: 'Ibu Sri Rahayu', position: null, phone: '0812 3333 4444', email: null }],
      partner_type: 'training_provider',
      sectors: ['garment', 'food'],
      village_id: krobokanId,
      willing_to_employ: 'case_by_case',
      agreement_number: 'PKS/01/2026',
      agreement_signed_on: '2026-02-01',
      agreement_expires_on: '2028-01-31',
      version: 1,
    });
    const updated = await t.database.db
      .selectFrom('organization as o')
      .innerJoin('partner_profile as pp', 'pp.organization_id', 'o.id')
      .select([
        'o.name',
        'pp.partner_type',
        'pp.sectors',
        'pp.village_id',
        'pp.willing_to_employ',
        'pp.version',
      ])
      .where('o.id', '=', known.id)
      .executeTakeFirstOrThrow();
    // The stored name and type stay; the filled cells change; the version moves on.
    expect(updated).toEqual({
      name: known.name,
      partner_type: 'umkm',
      sectors: ['food'],
      village_id: bongsariId,
      willing_to_employ: 'yes',
      version: 2,
    });

    const entry = await importEntry('partner.imported', result.importId);
    expect(entry.details).toMatchObject({
      mode: 'all_or_nothing',
      rows: 2,
      created: 1,
      updated: 1,
      skipped: 0,
      createdPartners: [{ id: created.organization_id, name }],
      updatedPartners: [{ id: known.id, name: known.name }],
    });

    // The directory finds the new partner like one added in the form.
    const list = await kecamatan.request({
      method: 'GET',
      url: `/api/partners?q=${encodeURIComponent(name)}`,
    });
    expect(list.json().items.map((item: { id: string }) => item.id)).toEqual([created.organization_id]);
  });

  it('the dry run reports every invalid row by field and reason (a duplicate name, an unknown kelurahan), and stores nothing', async () => {
    const name = `Laundry Bersih ${unique()}`;
    const notHers = await createPartner(t.database.db, {
      name: `Mitra Bongsari ${unique()}`,
      villageId: bongsariId,
    });
    const file = await xlsx(PARTNER_HEADER, [
      partnerRow({ name, type: 'UMKM', sectors: 'Laundry', villageCode: 'Krobokan' }),
      partnerRow({ name: name.toLowerCase(), type: 'UMKM', sectors: 'Laundry' }),
      partnerRow({
        name: `Toko ${unique()}`,
        type: 'Pabrik',
        sectors: 'Tambang',
        villageCode: 'Kampung Baru',
        contactPhone: '0812',
        willingToEmploy: 'mungkin',
        agreementSignedOn: '31/12/2026',
        agreementExpiresOn: '01/01/2026',
      }),
      partnerRow({
        name: `Koperasi ${unique()}`,
        type: 'Koperasi',
        agreementSignedOn: '01/06/2026',
        agreementExpiresOn: '01/01/2026',
      }),
      partnerRow({ name: 'X', type: 'LSM' }),
      partnerRow({ name: notHers.name, address: 'Jl. Baru' }),
      // A new partner needs a type, as in the form.
      partnerRow({ name: `Mitra Baru ${unique()}`, sectors: 'Batik' }),
    ]);
    const before = await count('organization');
    const response = await check(krobokan, 'partners', file, PARTNER_MAPPING);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.counts).toEqual({ total: 7, new: 1, update: 0, invalid: 6 });
    expect(issuesOf(report)).toEqual([
      [3, 'name'],
      // A row's problems in the order of its columns.
      [4, 'type'],
      [4, 'sectors'],
      [4, 'villageCode'],
      [4, 'contactName'],
      [4, 'willingToEmploy'],
      [4, 'agreementExpiresOn'],
      [5, 'agreementExpiresOn'],
      [6, 'name'],
      [7, 'name'],
      [8, 'type'],
    ]);
    expect(reasonOf(report, 3, 'name')).toBe('Sama dengan baris 2 di berkas ini.');
    expect(
      report.issues.find((issue: Issue) => issue.row === 4 && issue.field === 'villageCode'),
    ).toMatchObject({
      column: 'Kelurahan',
      value: 'Kampung Baru',
      reason:
        'Kelurahan "Kampung Baru" bukan kelurahan program. Tulis kodenya (contoh 33.74.13.1013) atau namanya (contoh Krobokan).',
    });
    expect(reasonOf(report, 4, 'type')).toBe('Nilai "Pabrik" tidak dikenal.');
    expect(reasonOf(report, 6, 'name')).toBe('Minimal 2 karakter.');
    // A kelurahan may change only the partners of her kelurahan or those she added.
    expect(reasonOf(report, 7, 'name')).toMatch(/tidak boleh mengubahnya/);
    expect(reasonOf(report, 8, 'type')).toBe('Wajib diisi.');
    expect(await count('organization')).toBe(before);
  });

  it('a partner registered without a profile gets one, and must then be given a type', async () => {
    const bare = await createPartner(t.database.db, { name: `Mitra Lama ${unique()}`, profile: false });
    const mapping: PartnerImportField[] = ['name', 'type', 'willingToEmploy'];
    const withoutType = await xlsx(['Nama', 'Jenis', 'Bersedia'], [[bare.name, null, 'ya']]);
    const report = (await check(kecamatan, 'partners', withoutType, mapping)).json();
    expect(issuesOf(report)).toEqual([[2, 'type']]);
    const withType = await xlsx(['Nama', 'Jenis', 'Bersedia'], [[bare.name, 'Koperasi', 'ya']]);
    expect((await commit(kecamatan, 'partners', withType, mapping, 'all_or_nothing')).json()).toMatchObject({
      created: 0,
      updated: 1,
    });
    const profile = await t.database.db
      .selectFrom('partner_profile')
      .select(['partner_type', 'willing_to_employ', 'version'])
      .where('organization_id', '=', bare.id)
      .executeTakeFirstOrThrow();
    expect(profile).toEqual({ partner_type: 'cooperative', willing_to_employ: 'yes', version: 1 });
  });
});

// ── Opportunities ──

const OPPORTUNITY_HEADER = [
  'Judul',
  'Jenis Peluang',
  'Mitra',
  'Kelurahan',
  'Sektor',
  'Jumlah Tempat',
  'Tanggal Mulai',
  'Batas Pendaftaran',
  'Paruh Waktu',
  'Upah Minimum',
  'Upah Maksimum',
  'Satuan Upah',
  'Keterampilan',
  'Status',
];
const OPPORTUNITY_MAPPING: OpportunityImportField[] = [
  'title',
  'kind',
  'partnerName',
  'villageCode',
  'sector',
  'places',
  'startOn',
  'closesOn',
  'partTime',
  'payMin',
  'payMax',
  'payPeriod',
  'skills',
  'status',
];
const opportunityRow = rowOf(OPPORTUNITY_MAPPING);

describe('importing opportunities', () => {
  let partner: { id: string; name: string };
  beforeAll(async () => {
    partner = await createPartner(t.database.db, { name: `Konveksi Maju ${unique()}` });
  });

  const opportunities = (title: string) =>
    t.database.db.selectFrom('opportunity').selectAll().where('title', '=', title).execute();

  it('stores a valid file like the form: codes from labels, skills with level, draft unless opened', async () => {
    const draft = `Penjahit ${unique()}`;
    const open = `Magang katering ${unique()}`;
    const file = await xlsx(OPPORTUNITY_HEADER, [
      opportunityRow({
        title: draft,
        kind: 'Lowongan kerja',
        partnerName: partner.name.toLowerCase(),
        sector: 'Garmen',
        places: 3,
        startOn: '01/06/2027',
        closesOn: new Date(Date.UTC(2027, 5, 20)),
        partTime: 'ya',
        payMin: 'Rp 1.500.000',
        payMax: 2500000,
        payPeriod: 'per bulan',
        skills: 'Menjahit:kompeten:wajib; katering:dasar:opsional',
      }),
      opportunityRow({
        title: open,
        kind: 'Magang',
        partnerName: partner.name,
        villageCode: '33.74.13.1013',
        sector: 'tata boga',
        places: 2,
        startOn: '15/08/2027',
        skills: 'food.catering',
        status: 'dibuka',
      }),
    ]);
    const response = await commit(krobokan, 'opportunities', file, OPPORTUNITY_MAPPING, 'all_or_nothing');
    expect(response.statusCode, response.body).toBe(200);
    const result = response.json();
    expect(result).toMatchObject({ target: 'opportunities', created: 2, updated: 0, skipped: 0 });

    const [stored] = await opportunities(draft);
    expect(stored).toMatchObject({
      partner_id: partner.id,
      // A kelurahan officer's file without a kelurahan: her own.
      village_id: krobokanId,
      kind: 'job_vacancy',
      sector: 'garment',
      places: 3,
      start_on: '2027-06-01',
      closes_on: '2027-06-20',
      part_time: true,
      flexible: false,
      pay_period: 'month',
      status: 'draft',
      opened_by: null,
      restricted_offences: [],
    });
    expect([Number(stored?.pay_min), Number(stored?.pay_max)]).toEqual([1_500_000, 2_500_000]);
    const skills = await t.database.db
      .selectFrom('opportunity_skill as os')
      .innerJoin('skill as s', 's.id', 'os.skill_id')
      .select(['s.code', 'os.min_level', 'os.essential', 'os.position'])
      .where('os.opportunity_id', '=', stored?.id as string)
      .orderBy('os.position')
      .execute();
    expect(skills).toEqual([
      { code: 'garment.sewing', min_level: 'competent', essential: true, position: 1 },
      { code: 'food.catering', min_level: 'basic', essential: false, position: 2 },
    ]);
    const [opened] = await opportunities(open);
    expect(opened).toMatchObject({ kind: 'apprenticeship', status: 'open', sector: 'food' });
    expect(opened?.opened_at).not.toBeNull();

    const entry = await importEntry('opportunity.imported', result.importId);
    expect(entry.details).toMatchObject({
      mode: 'all_or_nothing',
      rows: 2,
      created: 2,
      opened: 1,
      skipped: 0,
    });

    // The same file again: the opportunities are there already, nothing is doubled.
    const again = (await check(krobokan, 'opportunities', file, OPPORTUNITY_MAPPING)).json();
    expect(again.counts).toEqual({ total: 2, new: 0, update: 0, invalid: 2 });
    expect(reasonOf(again, 2, 'title')).toMatch(/sudah tercatat/);
  });

  it('the dry run reports each bad row by field and reason, and stores nothing', async () => {
    const before = await count('opportunity');
    const row = (changes: Partial<Record<OpportunityImportField, Cell>>): Row =>
      opportunityRow({
        title: `Peluang ${unique()}`,
        kind: 'Lowongan kerja',
        partnerName: partner.name,
        villageCode: 'Krobokan',
        sector: 'Garmen',
        places: 2,
        startOn: '01/09/2027',
        skills: 'Menjahit',
        ...changes,
      });
    const file = await xlsx(OPPORTUNITY_HEADER, [
      row({}),
      row({ skills: 'Menjahit:kompeten:wajib; Pandai besi' }),
      row({ startOn: '01/09/2027', closesOn: '01/08/2027' }),
      row({ places: -2 }),
      row({ partnerName: 'PT Tidak Ada' }),
      row({ villageCode: '33.74.99.9999' }),
      // A kelurahan officer imports for her own kelurahan only.
      row({ villageCode: 'Bongsari' }),
      row({ payMin: 2_000_000, payMax: 1_000_000, payPeriod: 'per bulan' }),
      row({ kind: 'Magang', skills: null, status: 'dibuka' }),
      // Every problem of a row at once, not only the first.
      row({ places: 0, closesOn: '01/08/2027' }),
    ]);
    const response = await check(krobokan, 'opportunities', file, OPPORTUNITY_MAPPING);
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.counts).toEqual({ total: 10, new: 1, update: 0, invalid: 9 });
    expect(issuesOf(report)).toEqual([
      [3, 'skills'],
      [4, 'closesOn'],
      [5, 'places'],
      [6, 'partnerName'],
      [7, 'villageCode'],
      [8, 'villageCode'],
      [9, 'payMax'],
      [10, 'skills'],
      [11, 'places'],
      [11, 'closesOn'],
    ]);
    expect(reasonOf(report, 3, 'skills')).toMatch(/^Keterampilan "Pandai besi" tidak dikenal/);
    expect(reasonOf(report, 4, 'closesOn')).toBe(
      'Tanggal penutupan tidak boleh sebelum tanggal mulai (01/09/2027).',
    );
    expect(report.issues.find((issue: Issue) => issue.row === 5)).toMatchObject({
      column: 'Jumlah Tempat',
      value: '-2',
      reason: 'Minimal 1.',
    });
    expect(reasonOf(report, 6, 'partnerName')).toMatch(/^Mitra "PT Tidak Ada" tidak ada di daftar mitra/);
    expect(reasonOf(report, 7, 'villageCode')).toMatch(/bukan kelurahan program/);
    expect(reasonOf(report, 8, 'villageCode')).toMatch(
      /^Anda hanya dapat mengelola peluang di kelurahan Anda sendiri/,
    );
    expect(reasonOf(report, 10, 'skills')).toMatch(/sedikitnya satu keterampilan sebelum dibuka/);
    expect(await count('opportunity')).toBe(before);

    // The kecamatan manages every kelurahan of its area: Bongsari is fine for it.
    const district = (await check(kecamatan, 'opportunities', file, OPPORTUNITY_MAPPING)).json();
    expect(issuesOf(district)).not.toContainEqual([8, 'villageCode']);
  });

  it('all or nothing with one invalid row stores nothing (409); valid only stores the valid rows', async () => {
    const before = await count('opportunity');
    const auditedBefore = await importsAudited();
    const good = `Kasir toko ${unique()}`;
    const cells = {
      kind: 'Lowongan kerja',
      partnerName: partner.name,
      villageCode: 'Krobokan',
      sector: 'Perdagangan',
      startOn: '01/10/2027',
    };
    const file = await xlsx(OPPORTUNITY_HEADER, [
      opportunityRow({ ...cells, title: good, places: 1, partTime: 'tidak', skills: 'Berjualan dan kasir' }),
      opportunityRow({ ...cells, title: `Buruk ${unique()}`, places: 0 }),
    ]);
    const refused = await commit(krobokan, 'opportunities', file, OPPORTUNITY_MAPPING, 'all_or_nothing');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'IMPORT_HAS_INVALID_ROWS' });
    expect(refused.json().error.message).toMatch(/^1 baris tidak valid/);
    expect(await count('opportunity')).toBe(before);
    expect(await importsAudited()).toBe(auditedBefore);

    const stored = await commit(krobokan, 'opportunities', file, OPPORTUNITY_MAPPING, 'valid_only');
    expect(stored.statusCode, stored.body).toBe(200);
    expect(stored.json()).toMatchObject({ created: 1, skipped: 1, counts: { total: 2, new: 1, invalid: 1 } });
    expect(stored.json().issues).toEqual([expect.objectContaining({ row: 3, field: 'places' })]);
    expect(await count('opportunity')).toBe(before + 1);
    expect(await opportunities(good)).toHaveLength(1);
  });
});

describe('who may import', () => {
  it.each<[string, RoleCode, () => string]>([
    ['the prison head', 'prison_head', () => LAPAS_ID],
    ['prison staff', 'prison_binadik', () => LAPAS_ID],
    ['a probation officer', 'probation_officer', () => BAPAS_ID],
    ['a viewer', 'viewer', () => KECAMATAN_ID],
  ])('%s may not (403)', async (_who, role, organization) => {
    const session = await as([role], organization());
    const file = await xlsx(['Nama Mitra', 'Jenis'], [[`Mitra ${unique()}`, 'UMKM']]);
    expect((await post(session, 'preview', form(file, { target: 'partners' }))).statusCode).toBe(403);
    expect((await check(session, 'partners', file, ['name', 'type'])).statusCode).toBe(403);
    expect((await commit(session, 'partners', file, ['name', 'type'], 'valid_only')).statusCode).toBe(403);
  });

  it('a partner’s staff may not, neither partners nor opportunities (403), and nothing is stored', async () => {
    const own = await createPartner(t.database.db, { name: `Mitra Sendiri ${unique()}` });
    const session = await as(['partner_staff'], own.id);
    const before = await count('organization');
    const partners = await xlsx(['Nama Mitra', 'Jenis'], [[`Mitra ${unique()}`, 'UMKM']]);
    expect((await post(session, 'preview', form(partners, { target: 'partners' }))).statusCode).toBe(403);
    expect((await commit(session, 'partners', partners, ['name', 'type'], 'valid_only')).statusCode).toBe(
      403,
    );
    const opportunities = await xlsx(OPPORTUNITY_HEADER, [
      opportunityRow({
        title: `Draf ${unique()}`,
        kind: 'Lowongan kerja',
        partnerName: own.name,
        villageCode: 'Krobokan',
        sector: 'Garmen',
        places: 1,
        startOn: '01/10/2027',
      }),
    ]);
    expect((await check(session, 'opportunities', opportunities, OPPORTUNITY_MAPPING)).statusCode).toBe(403);
    expect(
      (await commit(session, 'opportunities', opportunities, OPPORTUNITY_MAPPING, 'valid_only')).statusCode,
    ).toBe(403);
    expect(await count('organization')).toBe(before);
  });
});

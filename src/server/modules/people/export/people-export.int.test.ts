import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganization, createUser, TEST_PASSWORD } from '../../../../../tests/factories/index.ts';
import { createPerson, giveConsent, linkPerson } from '../../../../../tests/factories/people.ts';
import { createTestApp, type Session, signIn, type TestApp } from '../../../../../tests/support/app.ts';
import type { RoleCode } from '../../../../shared/permissions.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../../db/seed/reference.ts';

let t: TestApp;
let officer: Session;
let officerName: string;
let siti: { id: string; full_name: string };
let other: { id: string };
beforeAll(async () => {
  t = await createTestApp();
  const user = await createUser(t.database.db, {
    roles: ['prison_binadik'],
    organizationId: LAPAS_ID,
    fullName: 'Rahma Petugas',
  });
  officerName = 'Rahma Petugas';
  officer = await signIn(t.app, user.username, TEST_PASSWORD);
  siti = await createPerson(t.database.db, {
    fullName: 'Siti Nurhaliza Ekspor',
    nik: '3374135705900123',
    birthDate: '1990-05-17',
    registrationNumber: 'BI.EKS/2025',
    releaseDate: '2027-03-01',
    skills: ['Menjahit', 'Membatik'],
    custody: { offenceCategory: 'narcotics', years: 4, months: 6 },
  });
  const otherPrison = await createOrganization(t.database.db, { kind: 'prison' });
  other = await createPerson(t.database.db, { organizationId: otherPrison.id, fullName: 'Siti Lain Lapas' });
});
afterAll(() => t.close());

async function as(roles: RoleCode[], organizationId: string) {
  const user = await createUser(t.database.db, { roles, organizationId });
  return signIn(t.app, user.username, TEST_PASSWORD);
}

async function workbookOf(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook;
}

const rowsOf = (sheet: ExcelJS.Worksheet) => {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row) => rows.push((row.values as ExcelJS.CellValue[]).slice(1)));
  return rows;
};

describe('exporting the list', () => {
  it('gives the filtered list of visible people as XLSX with Indonesian headers and real dates, audited', async () => {
    const response = await officer.request({ method: 'GET', url: '/api/people/export.xlsx?q=siti' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('spreadsheetml');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="warga-binaan-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const workbook = await workbookOf(response.rawPayload);
    const sheet = workbook.getWorksheet('Warga Binaan') as ExcelJS.Worksheet;
    const [header, ...rows] = rowsOf(sheet);
    expect(header?.slice(0, 6)).toEqual([
      'Nama Lengkap',
      'Nama Alias',
      'NIK',
      'No. Registrasi',
      'Tempat Lahir',
      'Tanggal Lahir',
    ]);
    expect(header).toContain('Kategori Tindak Pidana');
    const names = rows.map((row) => row[0]);
    expect(names).toContain('Siti Nurhaliza Ekspor');
    expect(names).not.toContain('Siti Lain Lapas');
    const row = rows[names.indexOf('Siti Nurhaliza Ekspor')] as ExcelJS.CellValue[];
    const column = (title: string) => (header as string[]).indexOf(title);
    expect(row[column('NIK')]).toBe('3374135705900123');
    expect(row[column('Tanggal Lahir')]).toEqual(new Date(Date.UTC(1990, 4, 17)));
    expect(
      sheet.getRow(names.indexOf('Siti Nurhaliza Ekspor') + 2).getCell(column('Tanggal Lahir') + 1).numFmt,
    ).toBe('dd/mm/yyyy');
    expect(row[column('Kategori Tindak Pidana')]).toBe('Narkotika');
    expect(row[column('Lama Pidana')]).toBe('4 thn 6 bln 0 hr');
    expect(String(row[column('Keterampilan')])).toBe('Membatik, Menjahit');

    const entry = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'person.exported')
      .orderBy('at', 'desc')
      .executeTakeFirstOrThrow();
    expect(entry.details).toMatchObject({ filter: { q: 'siti' }, count: rows.length });
  });

  it('the file’s headers import again: an exported file can be corrected and re-imported', async () => {
    const response = await officer.request({
      method: 'GET',
      url: '/api/people/export.xlsx?q=nurhaliza%20ekspor',
    });
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(response.rawPayload)]), 'ekspor.xlsx');
    const preview = (
      await officer.request({ method: 'POST', url: '/api/people/import/preview', payload: form })
    ).json();
    expect(preview.mapping.slice(0, 6)).toEqual([
      'fullName',
      'aliases',
      'nik',
      'registrationNumber',
      'birthPlace',
      'birthDate',
    ]);
  });

  it('Bapas sees only the people referred to it', async () => {
    await linkPerson(t.database.db, siti.id, BAPAS_ID, 'referral');
    const head = await as(['probation_head'], BAPAS_ID);
    const response = await head.request({ method: 'GET', url: '/api/people/export.xlsx' });
    expect(response.statusCode).toBe(200);
    const names = rowsOf((await workbookOf(response.rawPayload)).worksheets[0] as ExcelJS.Worksheet).map(
      (row) => row[0],
    );
    expect(names.slice(1)).toEqual(['Siti Nurhaliza Ekspor']);
  });

  it.each<[string, RoleCode, () => string]>([
    ['kelurahan staff (who would otherwise get sentence data)', 'village_staff', () => LAPAS_ID],
    ['kecamatan staff', 'district_staff', () => KECAMATAN_ID],
    ['work-training staff', 'prison_giatja', () => LAPAS_ID],
    ['a viewer', 'viewer', () => LAPAS_ID],
    ['an administrator', 'system_admin', () => LAPAS_ID],
  ])('%s may not export (403)', async (_who, role, organization) => {
    let organizationId = organization();
    if (role === 'village_staff') {
      organizationId = (await createOrganization(t.database.db, { kind: 'village' })).id;
      await giveConsent(t.database.db, siti.id, { organizationIds: [organizationId] });
    }
    const session = await as([role], organizationId);
    const response = await session.request({ method: 'GET', url: '/api/people/export.xlsx' });
    expect(response.statusCode).toBe(403);
  });
});

describe('her data and its access log', () => {
  it('gives all her data with the access log (who, which organization, when) as XLSX, audited', async () => {
    // Someone else reads her record first: it must show in her access log.
    const kalapas = await as(['prison_head'], LAPAS_ID);
    expect((await kalapas.request({ method: 'GET', url: `/api/people/${siti.id}` })).statusCode).toBe(200);
    await t.database.db
      .insertInto('case_note')
      .values({
        person_id: siti.id,
        kind: 'family',
        visibility: 'corrections',
        body: 'Ibu berkunjung setiap bulan.',
        author_name: officerName,
        organization_id: LAPAS_ID,
      })
      .execute();

    const response = await officer.request({ method: 'GET', url: `/api/people/${siti.id}/data-export.xlsx` });
    expect(response.statusCode).toBe(200);
    const workbook = await workbookOf(response.rawPayload);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      'Tentang berkas ini',
      'Profil',
      'Keterampilan',
      'Data pidana',
      'Remisi',
      'Nilai SPPN',
      'Catatan kasus',
      'Dokumen',
      'Persetujuan',
      'Keterkaitan organisasi',
      'Linimasa',
      'Log akses',
    ]);
    const profile = rowsOf(workbook.getWorksheet('Profil') as ExcelJS.Worksheet);
    expect(profile).toContainEqual(['NIK', '3374135705900123']);
    expect(profile).toContainEqual(['Tanggal lahir', '17/05/1990']);
    expect(rowsOf(workbook.getWorksheet('Catatan kasus') as ExcelJS.Worksheet)[1]).toContain(
      'Ibu berkunjung setiap bulan.',
    );
    const log = rowsOf(workbook.getWorksheet('Log akses') as ExcelJS.Worksheet);
    expect(log[0]).toEqual(['Waktu', 'Tindakan', 'Kode tindakan', 'Pengguna', 'Nama pengguna', 'Organisasi']);
    // Newest first: this very export, then the head's read.
    expect(log[1]?.slice(1, 4)).toEqual([
      'Mengunduh seluruh data dan log akses',
      'person.data_exported',
      officerName,
    ]);
    expect(
      log.some((row) => row[2] === 'person.viewed' && row[5] === 'Lapas Perempuan Kelas IIA Semarang'),
    ).toBe(true);
  });

  it('gives the same as a PDF', async () => {
    const response = await officer.request({ method: 'GET', url: `/api/people/${siti.id}/data-export.pdf` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('lists the access log, paged, newest first', async () => {
    const response = await officer.request({
      method: 'GET',
      url: `/api/people/${siti.id}/access-log?pageSize=2`,
    });
    expect(response.statusCode).toBe(200);
    const log = response.json();
    expect(log.items).toHaveLength(2);
    expect(log.total).toBeGreaterThanOrEqual(3);
    expect(log.items[0].action).toBe('person.data_exported');
    expect(log.items[0].organizationName).toBeTruthy();
  });

  it('counts a list page that showed her as an access, and not one that did not', async () => {
    const giatja = await as(['prison_giatja'], LAPAS_ID);
    const shown = await giatja.request({
      method: 'GET',
      url: `/api/people?q=${encodeURIComponent(siti.full_name)}`,
    });
    expect(shown.json().items.map((item: { id: string }) => item.id)).toContain(siti.id);
    await giatja.request({ method: 'GET', url: '/api/people?q=zzzz-tidak-ada' });
    const log = (
      await officer.request({ method: 'GET', url: `/api/people/${siti.id}/access-log?pageSize=200` })
    ).json();
    const listings = log.items.filter((item: { action: string }) => item.action === 'person.listed');
    expect(listings).toHaveLength(1);
    // That she was in it, not who else was nor what the officer typed.
    expect(listings[0].details).not.toHaveProperty('shown');
    expect(listings[0].details).not.toHaveProperty('query');
    expect(listings[0].details.total).toBeGreaterThanOrEqual(1);
  });

  it('only the holding prison may hand her data over; others get 403 or 404', async () => {
    const head = await as(['probation_head'], BAPAS_ID);
    expect(
      (await head.request({ method: 'GET', url: `/api/people/${siti.id}/data-export.xlsx` })).statusCode,
    ).toBe(403);
    expect(
      (await officer.request({ method: 'GET', url: `/api/people/${other.id}/data-export.pdf` })).statusCode,
    ).toBe(404);
    const giatja = await as(['prison_giatja'], LAPAS_ID);
    expect(
      (await giatja.request({ method: 'GET', url: `/api/people/${siti.id}/access-log` })).statusCode,
    ).toBe(403);
  });
});

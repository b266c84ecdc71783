import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/shared/vocabulary.ts';
import { SignInPage } from './pages/pages.ts';
import { PeopleListPage, PersonRecordPage } from './pages/people.ts';
import { ImportPage } from './pages/records.ts';
import { type E2EBrowser, expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2EServer, startServer } from './support/server.ts';

let server: E2EServer;
let browser: E2EBrowser;
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string) {
  const signInPage = new SignInPage(page, server.baseUrl);
  await signInPage.open();
  await signInPage.signIn(username, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /Selamat datang/ }).waitFor();
}

// Women born in Semarang Barat (region 33.74.13); a woman's NIK carries her day of birth plus 40.
const VALID = [
  { name: 'Yuliana Puspitasari', nik: '3374135705909901', born: '17/05/1990', registration: 'BI.E2E-IMP-01' },
  { name: 'Meilani Handayani', nik: '3374134311879902', born: '03/11/1987', registration: 'BI.E2E-IMP-02' },
  { name: 'Oktaviani Ramadhani', nik: '3374136501959903', born: '25/01/1995', registration: 'BI.E2E-IMP-03' },
];
// Born on the 12th, but her NIK says the 13th (53 = 13 + 40).
const INVALID = {
  name: 'Kurniasih Widyastuti',
  nik: '3374135308929904',
  born: '12/08/1992',
  registration: 'BI.E2E-IMP-04',
};

function csv(): Buffer {
  const lines = ['Nama Lengkap;NIK;Tempat Lahir;Tanggal Lahir;No. Registrasi'];
  for (const row of [VALID[0], INVALID, VALID[1], VALID[2]])
    lines.push(`${row?.name};${row?.nik};Semarang;${row?.born};${row?.registration}`);
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}

describe('a prison officer imports a list', () => {
  it('maps the columns, sees the invalid row with its reason, saves the valid rows only, and finds them', async () => {
    const db = server.database.db;
    const taken = await db
      .selectFrom('person')
      .select('nik')
      .where('nik', 'in', [...VALID.map((row) => row.nik), INVALID.nik])
      .execute();
    expect(taken, 'the NIKs of the file are new to the demo data').toEqual([]);

    const { page } = await browser.newPage();
    await signIn(page, 'lapas.binadik');
    const list = new PeopleListPage(page, server.baseUrl);
    await list.open();
    await page.getByRole('link', { name: 'Impor', exact: true }).click();
    const importPage = new ImportPage(page, server.baseUrl);
    await importPage.heading().waitFor();

    // Step 1 → 2: the file is read and each column gets the field its header suggests.
    await importPage.read({ name: 'daftar-warga-binaan.csv', mimeType: 'text/csv', buffer: csv() });
    await page.getByText('daftar-warga-binaan.csv: 4 baris data, 5 kolom').waitFor();
    expect(await importPage.columnField('Nama Lengkap').inputValue()).toBe('Nama lengkap');
    expect(await importPage.columnField('NIK').inputValue()).toBe('NIK');
    expect(await importPage.columnField('Tanggal Lahir').inputValue()).toBe('Tanggal lahir');
    expect(await importPage.columnField('No. Registrasi').inputValue()).toBe('No. registrasi');
    await expectAccessible(page, 'import, mapping step');

    // Step 3: the dry run names the invalid row (file row 3, after the header) and why, in Indonesian.
    await importPage.check();
    expect(await importPage.count('Jumlah baris')).toBe('4');
    expect(await importPage.count('Baru')).toBe('3');
    expect(await importPage.count('Tidak valid')).toBe('1');
    const issues = await importPage.issues();
    expect(issues).toHaveLength(1);
    const [row, column, value, reason] = issues[0] ?? [];
    expect(row).toBe('3');
    expect(column).toBe('NIK');
    expect(value).toBe(INVALID.nik);
    expect(reason).toContain('Tanggal lahir di dalam NIK');
    // Nothing was stored by checking.
    const afterCheck = await db
      .selectFrom('person')
      .select('id')
      .where('full_name', '=', VALID[0]?.name ?? '')
      .execute();
    expect(afterCheck).toEqual([]);
    // With an invalid row, "all or nothing" cannot be chosen; "valid only" can, for 3 rows.
    expect(await importPage.saveAllButton().isDisabled()).toBe(true);
    expect(await importPage.saveValidButton().textContent()).toContain('3 baris');
    await expectAccessible(page, 'import, check step');

    // Step 4: the valid rows are stored; the summary says so.
    await importPage.saveValidButton().click();
    await importPage.result().waitFor();
    expect(await importPage.result().textContent()).toContain(
      'Impor selesai: 3 orang baru, 0 diperbarui, 1 baris dilewati.',
    );
    // Checked here, asserted at the end: the rest of the journey is proven even while this fails.
    const resultAccessibility = await expectAccessible(page, 'import, result').then(
      () => null,
      (error: Error) => error.message,
    );
    const stored = await db
      .selectFrom('person')
      .select(['full_name', 'nik', 'registration_number'])
      .where('nik', 'in', [...VALID.map((item) => item.nik), INVALID.nik])
      .orderBy('full_name')
      .execute();
    expect(stored.map((person) => person.full_name)).toEqual(
      VALID.map((item) => item.name).sort((a, b) => a.localeCompare(b)),
    );

    // The list finds one of them by name, and her record shows what the file held.
    await page.getByRole('link', { name: 'Ke daftar warga binaan' }).click();
    await list.heading().waitFor();
    await list.search('meilani handayani');
    await page.getByRole('link', { name: 'Meilani Handayani' }).first().click();
    const record = new PersonRecordPage(page);
    await record.heading('Meilani Handayani').waitFor();
    const profile = (await page.locator('main').textContent()) ?? '';
    expect(profile).toContain('3374134311879902');
    expect(profile).toContain('BI.E2E-IMP-02');
    expect(profile).toContain('03/11/1987');
    expect(resultAccessibility).toBeNull();
    await page.close();
  });

  it('the upload step, with its empty file field, passes axe', async () => {
    const { page } = await browser.newPage();
    await signIn(page, 'lapas.binadik');
    const importPage = new ImportPage(page, server.baseUrl);
    await importPage.open();
    await page.getByRole('button', { name: 'Baca berkas' }).waitFor();
    // The placeholder "Pilih berkas" of the empty file field must be legible (4.5:1).
    await expectAccessible(page, 'import, upload step');
    await page.close();
  });
});

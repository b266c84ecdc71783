import { sql } from 'kysely';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/shared/vocabulary.ts';
import { AppShell, SignInPage } from './pages/pages.ts';
import { choose, PeopleListPage, PersonFormPage, PersonRecordPage } from './pages/people.ts';
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

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

// Indonesian labels of the offence categories, to prove none of them reaches a kelurahan's screen.
const OFFENCE_LABELS: Record<string, string> = {
  narcotics: 'Narkotika',
  theft: 'Pencurian',
  fraud: 'Penipuan',
  embezzlement: 'Penggelapan',
  corruption: 'Korupsi',
  violence: 'Kekerasan',
  trafficking: 'Perdagangan orang',
  child_protection: 'Perlindungan anak',
  electronic_information: 'Informasi dan transaksi elektronik',
};

describe('a prison officer and the person record', () => {
  it('registers a woman (fixing field errors first), records her sentence and a remission, sees the milestones and finds her again by a misspelt name', async () => {
    const { page } = await browser.newPage();
    await signIn(page, 'lapas.binadik');
    await new AppShell(page).go('Warga binaan & klien');
    const list = new PeopleListPage(page, server.baseUrl);
    await list.heading().waitFor();
    await expectAccessible(page, 'people list');

    await page.getByRole('link', { name: 'Daftarkan warga binaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Daftarkan warga binaan' }).waitFor();
    await expectAccessible(page, 'register a person');
    const form = new PersonFormPage(page);

    // Saving without a name is stopped at once, on the name field.
    await form.save();
    await page.getByText('Wajib diisi').first().waitFor();
    expect(await form.isInvalid('Nama lengkap')).toBe(true);

    // A NIK whose embedded birth date (47 → the 7th, for a woman) is not her birth date (17 May 1990):
    // the live hint warns, and the server refuses it with an Indonesian message on the NIK field.
    await form.fill({
      fullName: 'Sri Wahyuningsih',
      nik: '3374134705900001',
      birthPlace: 'Semarang',
      birthDate: '1990-05-17',
      phone: '0812 3456 7890',
      domicileSearch: 'Krobokan',
      domicileOption: /Krobokan, Semarang Barat/i,
      hostVillage: 'Kelurahan Krobokan',
      skill: { name: 'Menjahit', sector: 'Garmen & menjahit' },
    });
    expect(await form.messageOf('NIK')).toContain('berbeda dengan tanggal lahir');
    await form.save();
    await expect.poll(() => form.isInvalid('NIK'), { timeout: 10_000 }).toBe(true);
    expect(await form.messageOf('NIK')).toMatch(/Tanggal lahir di dalam NIK/);
    expect(page.url()).toMatch(/\/warga\/baru$/);

    // Fixed: 57 is the 17th for a woman.
    await form.field('NIK').fill('3374135705900001');
    expect(await form.messageOf('NIK')).toContain('33.74.13');
    await form.save();
    const record = new PersonRecordPage(page);
    await record.heading('Sri Wahyuningsih').waitFor();
    await page.getByText('Menjahit', { exact: true }).waitFor();
    const profile = (await page.getByRole('tabpanel').textContent()) ?? '';
    expect(profile).toContain('3374135705900001');
    expect(profile).toMatch(/Krobokan \(33\.74\.13\.\d{4}\)/);
    expect(profile).toContain('Kelurahan Krobokan');
    await expectAccessible(page, 'person page, profile');

    // The sentence: detention from the 2nd of this month a year ago, two years; then a remission of 30
    // days decreed seven months in (remissions count only after six months served). Dates follow today,
    // so she stays in custody with about a year to go whenever the journey runs.
    const now = new Date();
    const day = (years: number, months: number, date: number) =>
      new Date(Date.UTC(now.getUTCFullYear() + years, now.getUTCMonth() + months, date))
        .toISOString()
        .slice(0, 10);
    const shown = (iso: string) => iso.split('-').reverse().join('/');
    await record.openTab('Pidana & tahapan');
    expect(new URL(page.url()).searchParams.get('tab')).toBe('pidana');
    await page.getByText('Tanggal penting muncul sesudah data pidana').waitFor();
    await record.recordSentence({ detentionStart: day(-1, 0, 2), years: 2, offence: 'Penipuan' });
    const release = record.milestone('Tanggal bebas (sesudah remisi)');
    await release.waitFor();
    expect((await release.textContent()) ?? '').toContain(shown(day(1, 0, 2)));

    await record.addRemission({
      kind: 'Remisi umum (17 Agustus)',
      days: 30,
      decreeNumber: 'W.13-PK.01.01.02-123',
      decreeDate: day(-1, 7, 17),
    });
    await page.getByRole('cell', { name: '30 hari', exact: true }).waitFor();
    // Thirty days earlier than the end of the sentence.
    const expected = new Date(Date.parse(`${day(1, 0, 2)}T00:00:00Z`) - 30 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    await expect.poll(() => release.textContent(), { timeout: 10_000 }).toContain(shown(expected));
    expect((await release.textContent()) ?? '').toMatch(/\d+ hari lagi/);
    const formula = await record.formulaOf('Tanggal bebas (sesudah remisi)');
    expect(formula.trim().length).toBeGreaterThan(5);
    await page
      .getByText(/Tahap (awal|lanjutan|akhir)/)
      .first()
      .waitFor();
    await page.getByText(/Aturan versi \d+/).waitFor();
    await expectAccessible(page, 'sentence and milestones');

    // Reloading keeps the tab; the history shows what happened, newest first.
    await page.reload();
    await record.milestone('Tanggal bebas (sesudah remisi)').waitFor();
    await record.openTab('Riwayat');
    await page.getByText('Remisi ditambahkan').waitFor();
    const history = (await page.getByRole('tabpanel').textContent()) ?? '';
    expect(history.indexOf('Remisi ditambahkan')).toBeLessThan(history.indexOf('Didaftarkan'));

    // A misspelt search finds her; the search and a filter stay in the address across a reload.
    await list.open();
    await list.search('sri wahyu ningsi');
    await list.page.getByRole('link', { name: 'Sri Wahyuningsih' }).waitFor();
    await list.filter('Status', 'Dalam lapas');
    await expect.poll(() => list.params().get('status')).toBe('in_custody');
    await expect.poll(() => list.params().get('q')).toBe('sri wahyu ningsi');
    await page.reload();
    await list.page.getByRole('link', { name: 'Sri Wahyuningsih' }).waitFor();
    expect(await list.searchBox().inputValue()).toBe('sri wahyu ningsi');
    expect(await page.getByLabel('Status', { exact: true }).inputValue()).toBe('Dalam lapas');
    await expectAccessible(page, 'people list, searched and filtered');
    await page.close();
  });
});

describe('two prison officers and one record', () => {
  it('warns about a similar name with the same birth date, and a stale save gets a conflict that keeps the input', async () => {
    const a = await browser.newPage();
    await signIn(a.page, 'lapas.binadik');
    const formA = new PersonFormPage(a.page);
    const recordA = new PersonRecordPage(a.page);
    await a.page.goto(`${server.baseUrl}/warga/baru`);
    await formA.fill({ fullName: 'Rina Marlina', birthDate: '1985-03-10' });
    await formA.save();
    await recordA.heading('Rina Marlina').waitFor();

    // The same woman typed slightly differently: a warning while typing, then a question before saving.
    await a.page.goto(`${server.baseUrl}/warga/baru`);
    await formA.fill({ fullName: 'Rina Marliana', birthDate: '1985-03-10' });
    await a.page.getByText('Mungkin orang ini sudah terdaftar').waitFor();
    await a.page.getByRole('link', { name: 'Buka data Rina Marlina' }).first().waitFor();
    await formA.save();
    const dialog = a.page.getByRole('dialog', { name: 'Mungkin orang ini sudah terdaftar' });
    await dialog.getByRole('link', { name: 'Buka data Rina Marlina' }).waitFor();
    await expectAccessible(a.page, 'similar person question');
    await dialog.getByRole('button', { name: 'Ini orang yang berbeda, tetap simpan' }).click();
    await recordA.heading('Rina Marliana').waitFor();
    const personUrl = a.page.url().replace(/\?.*$/, '');

    // Both officers open the edit form; the head of the prison saves first.
    await a.page.goto(`${personUrl}/ubah`);
    await formA.field('Minat').waitFor();
    const b = await browser.newPage();
    await signIn(b.page, 'kalapas');
    await b.page.goto(`${personUrl}/ubah`);
    const formB = new PersonFormPage(b.page);
    await formB.field('Nomor telepon').fill('0813 1111 2222');
    await formB.save();
    await new PersonRecordPage(b.page).heading('Rina Marliana').waitFor();

    // The first officer's save is refused, not silently applied; reloading keeps what she typed.
    await formA.field('Minat').fill('Usaha jahit di rumah');
    await formA.save();
    const conflict = a.page.getByRole('alert').filter({ hasText: 'Data ini baru saja diubah orang lain' });
    await conflict.waitFor();
    await expectAccessible(a.page, 'edit conflict');
    await conflict.getByRole('button', { name: 'Muat ulang' }).click();
    await a.page.getByText('Versi terbaru dimuat').waitFor();
    expect(await formA.field('Minat').inputValue()).toBe('Usaha jahit di rumah');
    expect(await formA.field('Nomor telepon').inputValue()).toBe('0813 1111 2222');
    await formA.save();
    await recordA.heading('Rina Marliana').waitFor();
    const profile = (await a.page.getByRole('tabpanel').textContent()) ?? '';
    expect(profile).toContain('Usaha jahit di rumah');
    expect(profile).toContain('0813 1111 2222');

    // Referred to the Bapas, which the record then lists among the linked organizations.
    await a.page.getByRole('button', { name: 'Rujuk ke Bapas' }).click();
    const referral = a.page.getByRole('dialog', { name: 'Rujuk Rina Marliana ke Bapas' });
    await choose(a.page, 'Bapas tujuan', 'Balai Pemasyarakatan Kelas I Semarang', referral);
    await referral.getByLabel('Catatan untuk Bapas').fill('Untuk persiapan Litmas.');
    await referral.getByRole('button', { name: 'Rujuk', exact: true }).click();
    await a.page.getByText('Dirujuk: Balai Pemasyarakatan Kelas I Semarang').waitFor();

    // The same record in English, for the head of the prison.
    const shell = new AppShell(b.page);
    await shell.switchLanguage('English');
    await b.page.getByRole('tab', { name: 'Sentence & stages' }).click();
    await b.page.getByRole('heading', { name: 'Stages and key dates' }).waitFor();
    await b.page.getByRole('tab', { name: 'Profile' }).waitFor();
    await expectAccessible(b.page, 'person page in English');
    await shell.switchLanguage('Bahasa Indonesia');
    await b.page.getByRole('tab', { name: 'Pidana & tahapan' }).waitFor();
    await a.page.close();
    await b.page.close();
  });
});

describe('a kelurahan officer and the person record', () => {
  it('sees only people who consented to Krobokan, without sentence, registration number or offence', async () => {
    const db = server.database.db;
    const krobokan = await db
      .selectFrom('organization')
      .select('id')
      .where('name', '=', 'Kelurahan Krobokan')
      .executeTakeFirstOrThrow();
    const coversKrobokan = sql<boolean>`c.withdrawn_on is null and c.given_on <= current_date
      and (c.recipient_organization_ids @> ${JSON.stringify([krobokan.id])}::jsonb
        or c.recipient_kinds @> '["village"]'::jsonb)`;
    const consented = await sql<{
      id: string;
      full_name: string;
      registration_number: string;
      offence: string;
    }>`
      select p.id, p.full_name, p.registration_number, k.offence_category as offence
      from person p join custody k on k.person_id = p.id
      where p.anonymized_at is null and p.registration_number is not null
        and k.offence_category is not null and k.offence_category <> 'other'
        and exists (select 1 from consent c where c.person_id = p.id and ${coversKrobokan}
          and c.field_groups @> '["identity_contact"]'::jsonb)
      order by p.full_name limit 1`.execute(db);
    const visibleCount = await sql<{ count: number }>`
      select count(*)::int as count from person p where p.anonymized_at is null
        and exists (select 1 from consent c where c.person_id = p.id and ${coversKrobokan})`.execute(db);
    const unconsented = await sql<{ id: string }>`
      select p.id from person p where p.intended_village_id = ${krobokan.id}
        and not exists (select 1 from consent c where c.person_id = p.id and ${coversKrobokan})
      limit 1`.execute(db);
    const person = consented.rows[0];
    const hidden = unconsented.rows[0];
    expect(person, 'the demo data hold a woman who consented to Krobokan').toBeDefined();
    expect(hidden, 'the demo data hold a woman bound for Krobokan without consent').toBeDefined();
    if (!person || !hidden) return;
    const total = visibleCount.rows[0]?.count ?? 0;

    const { page } = await newPageExpecting404();
    await signIn(page, 'kelurahan.krobokan');
    await new AppShell(page).go('Warga binaan & klien');
    const list = new PeopleListPage(page, server.baseUrl);
    await list.heading().waitFor();
    await page.getByText(`dari ${total}`).waitFor();
    const listText = (await page.locator('main').textContent()) ?? '';
    expect(listText).not.toContain('No. registrasi');
    expect(await page.getByRole('link', { name: 'Daftarkan warga binaan' }).count()).toBe(0);
    await expectAccessible(page, 'people list of a kelurahan');

    await page.goto(`${server.baseUrl}/warga/${person.id}`);
    const record = new PersonRecordPage(page);
    await record.heading(person.full_name).waitFor();
    await page.getByText('Anda melihat data yang disetujui untuk dibagikan').waitFor();
    const tabs = (await record.tabs().allInnerTexts()).map((text) => text.trim());
    expect(tabs).not.toContain('Pidana & tahapan');
    expect(tabs).toContain('Profil');
    const offence = OFFENCE_LABELS[person.offence] ?? person.offence;
    for (const tab of ['Profil', 'Riwayat']) {
      await record.openTab(tab);
      await page.waitForLoadState('networkidle');
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text).not.toContain(person.registration_number);
      expect(text).not.toContain(offence);
      expect(text).not.toContain('No. registrasi');
    }
    await record.openTab('Profil');
    await expectAccessible(page, 'person page seen by a kelurahan');

    // Someone who did not consent to this kelurahan does not exist for it, even by her address.
    await page.goto(`${server.baseUrl}/warga/${hidden.id}`);
    await page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await page.getByRole('tab').count()).toBe(0);
    await page.close();
  });
});

describe('on a phone (375 px)', () => {
  it('the list and the person page fit the screen and pass axe', async () => {
    const { page } = await browser.newPage({ width: 375, height: 812 });
    await signIn(page, 'lapas.binadik');
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    await new AppShell(page).go('Warga binaan & klien');
    const list = new PeopleListPage(page, server.baseUrl);
    await list.heading().waitFor();
    await list.personLinks().first().waitFor();
    // On a phone people are cards, not a table scrolled sideways.
    expect(await page.getByRole('table').count()).toBe(0);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'people list on a phone');

    await list.personLinks().first().click();
    await page.getByRole('tab', { name: 'Profil' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'person page on a phone');

    const record = new PersonRecordPage(page);
    await record.openTab('Pidana & tahapan');
    await page.getByRole('heading', { name: 'Tahapan dan tanggal penting' }).waitFor();
    await page.getByRole('button', { name: 'Simpan data pidana' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'sentence tab on a phone');

    await page.goto(`${server.baseUrl}/warga/baru`);
    await page.getByRole('heading', { level: 1, name: 'Daftarkan warga binaan' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'register form on a phone');
    await page.close();
  });
});

/**
 * A page like browser.newPage(), except that the browser's "404" line for the person who must stay
 * hidden is expected (that answer is what the journey proves); any other console error still fails.
 */
async function newPageExpecting404() {
  const context = await browser.browser.newContext({
    viewport: { width: 1280, height: 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (
      /Failed to load resource: the server responded with a status of (401|403|404|409|400)/.test(
        message.text(),
      )
    )
      return;
    console.error(`[browser] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  afterAllContexts.push(context);
  return { page, context };
}
const afterAllContexts: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const context of afterAllContexts) await context.close();
});

import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/shared/vocabulary.ts';
import { SignInPage } from './pages/pages.ts';
import { PersonFormPage, PersonRecordPage } from './pages/people.ts';
import { ConsentTab, DocumentsTab, minimalPdf, NotesTab, windowsProgram } from './pages/records.ts';
import { type E2EBrowser, expectAccessible, launchBrowser } from './support/browser.ts';
import { type E2EServer, startServer } from './support/server.ts';

let server: E2EServer;
let browser: E2EBrowser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

async function signIn(page: Page, username: string) {
  const signInPage = new SignInPage(page, server.baseUrl);
  await signInPage.open();
  await signInPage.signIn(username, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /Selamat datang/ }).waitFor();
}

/**
 * A page like browser.newPage() (console errors fail the test), except that "404" is expected too: once
 * her consent is withdrawn, the person is not found for the kelurahan, and that answer is what is proven.
 */
async function newPageAllowing404(options: { width?: number } = {}) {
  const context = await browser.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
  contexts.push(context);
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (
      /Failed to load resource: the server responded with a status of (400|401|403|404|409)/.test(
        message.text(),
      )
    )
      return;
    console.error(`[browser] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[browser] ${error.message}`));
  return page;
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

const NAME = 'Wulan Kusumaningrum';
const REGISTRATION = 'BI-E2E-7731/2025';
const PRIVATE_NOTE = 'Konseling: cerita tentang kekerasan di rumah, jangan dibagikan.';
const SHARED_NOTE = 'Siap ikut pelatihan menjahit di kelurahan setelah bebas.';
const DOCUMENT_TITLE = 'Surat jaminan keluarga';
const PURPOSE = 'Pendampingan usaha menjahit di Kelurahan Krobokan';

describe('notes, documents and consent between a prison and a kelurahan', () => {
  it('shares only what she consented to, hides corrections-only records, and withdrawal ends the access', async () => {
    // The prison officer registers a woman who has consented to no one yet.
    const officer = await newPageAllowing404();
    await signIn(officer, 'lapas.binadik');
    await officer.goto(`${server.baseUrl}/warga/baru`);
    const form = new PersonFormPage(officer);
    await form.fill({
      fullName: NAME,
      phone: '0812 7000 3141',
      registrationNumber: REGISTRATION,
      skill: { name: 'Menjahit', sector: 'Garmen & menjahit' },
    });
    await form.save();
    const record = new PersonRecordPage(officer);
    await record.heading(NAME).waitFor();
    const personUrl = officer.url().replace(/\?.*$/, '');
    const personId = personUrl.split('/').pop() ?? '';
    const consentsNow = await server.database.db
      .selectFrom('consent')
      .select('id')
      .where('person_id', '=', personId)
      .execute();
    expect(consentsNow).toEqual([]);

    // Two notes: one for corrections staff only, one shared.
    await record.openTab('Catatan');
    const notes = new NotesTab(officer);
    await notes.add({ kind: 'Keluarga', visibility: 'Hanya pemasyarakatan', body: PRIVATE_NOTE });
    await notes.add({ kind: 'Umum', visibility: 'Dibagikan', body: SHARED_NOTE });
    expect(await notes.note(PRIVATE_NOTE).textContent()).toContain('Hanya pemasyarakatan');
    expect(await notes.note(SHARED_NOTE).textContent()).toContain('Dibagikan');
    await expectAccessible(officer, 'notes tab');

    // A program renamed .pdf is refused for its content, in Indonesian, on the file field.
    await record.openTab('Dokumen');
    const documents = new DocumentsTab(officer);
    await documents.upload({
      file: { name: 'putusan.pdf', mimeType: 'application/pdf', buffer: windowsProgram() },
      category: 'Putusan pengadilan',
      title: 'Putusan palsu',
      visibility: 'Dibagikan',
    });
    await expect.poll(() => documents.fileInvalid(), { timeout: 10_000 }).toBe(true);
    expect(await documents.fileMessage()).toContain('Isi berkas bukan PDF, JPEG atau PNG');
    await officer.getByText('Belum ada dokumen.').waitFor();

    // A real PDF, shared.
    await documents.upload({
      file: { name: 'surat-jaminan.pdf', mimeType: 'application/pdf', buffer: minimalPdf() },
      category: 'Surat jaminan',
      title: DOCUMENT_TITLE,
      visibility: 'Dibagikan',
    });
    await documents.downloadLink(DOCUMENT_TITLE).waitFor();
    expect(await documents.fileInvalid()).toBe(false);
    expect(await officer.getByRole('link', { name: 'Unduh Putusan palsu' }).count()).toBe(0);

    // Her consent for Kelurahan Krobokan: identity, skills and availability, not the plan.
    await record.openTab('Persetujuan');
    const consent = new ConsentTab(officer);
    await consent.record({
      purpose: PURPOSE,
      organization: 'Kelurahan Krobokan',
      fieldGroups: ['Identitas & kontak', 'Keterampilan & pelatihan', 'Ketersediaan & status'],
    });
    const card = consent.consent(PURPOSE);
    expect(await card.textContent()).toContain('Kelurahan Krobokan');
    expect(await card.getByRole('checkbox', { name: 'Identitas & kontak' }).isChecked()).toBe(true);
    expect(await card.getByRole('checkbox', { name: 'Rencana reintegrasi' }).isChecked()).toBe(false);
    await expectAccessible(officer, 'consent tab');

    // The kelurahan officer, in her own browser session, now finds her.
    const village = await newPageAllowing404();
    await signIn(village, 'kelurahan.krobokan');
    await village.goto(personUrl);
    const seen = new PersonRecordPage(village);
    await seen.heading(NAME).waitFor();
    await village.getByText('Anda melihat data yang disetujui untuk dibagikan').waitFor();
    const tabs = (await seen.tabs().allInnerTexts()).map((text) => text.trim());
    expect(tabs).not.toContain('Pidana & tahapan');
    expect(tabs).toEqual(expect.arrayContaining(['Profil', 'Catatan', 'Dokumen', 'Persetujuan']));
    await village.getByText('Menjahit', { exact: true }).waitFor();
    expect(await village.getByRole('button', { name: 'Data pribadi' }).count()).toBe(0);
    await expectAccessible(village, 'person page seen by a kelurahan');

    await seen.openTab('Catatan');
    await new NotesTab(village).note(SHARED_NOTE).waitFor();
    await village.waitForLoadState('networkidle');
    await expectAccessible(village, 'notes tab seen by a kelurahan');

    await seen.openTab('Dokumen');
    const link = new DocumentsTab(village).downloadLink(DOCUMENT_TITLE);
    await link.waitFor();
    expect(await village.getByRole('button', { name: 'Unggah', exact: true }).count()).toBe(0);
    // The download is hers to read: the very bytes of the PDF.
    const href = (await link.getAttribute('href')) ?? '';
    const download = await village.request.get(`${server.baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect((await download.body()).subarray(0, 8).toString('latin1')).toBe('%PDF-1.4');
    await expectAccessible(village, 'documents tab seen by a kelurahan');

    await seen.openTab('Persetujuan');
    await new ConsentTab(village).consent(PURPOSE).waitFor();
    await village.waitForLoadState('networkidle');
    expect(await new ConsentTab(village).withdrawButtons().count()).toBe(0);
    expect(await village.getByRole('button', { name: 'Catat persetujuan' }).count()).toBe(0);
    await expectAccessible(village, 'consent tab seen by a kelurahan');

    // Nowhere, on any tab, the corrections-only note, the registration number or the sentence.
    for (const tab of ['Profil', 'Catatan', 'Dokumen', 'Persetujuan', 'Riwayat']) {
      await seen.openTab(tab);
      await village.waitForLoadState('networkidle');
      const text = (await village.locator('body').textContent()) ?? '';
      expect(text, tab).not.toContain(PRIVATE_NOTE);
      expect(text, tab).not.toContain('Konseling');
      expect(text, tab).not.toContain(REGISTRATION);
      expect(text, tab).not.toContain('No. registrasi');
      expect(text, tab).not.toContain('Hanya pemasyarakatan');
    }

    // The prison sees in her access log that the kelurahan looked, and exports all her data.
    await officer.goto(personUrl);
    await record.heading(NAME).waitFor();
    await officer.getByRole('button', { name: 'Data pribadi' }).click();
    await officer.getByRole('menuitem', { name: 'Log akses' }).click();
    const log = officer.getByRole('dialog', { name: 'Log akses' });
    await log.getByRole('cell', { name: 'Kelurahan Krobokan' }).first().waitFor();
    await officer.getByRole('menu').waitFor({ state: 'hidden' });
    await expectAccessible(officer, 'access log');
    await officer.keyboard.press('Escape');
    await log.waitFor({ state: 'detached' });
    await officer.getByRole('button', { name: 'Data pribadi' }).click();
    const exported = officer.waitForEvent('download');
    await officer.getByRole('menuitem', { name: 'Unduh semua data (XLSX)' }).click();
    expect((await exported).suggestedFilename()).toMatch(/\.xlsx$/);

    // The prison withdraws the consent…
    await record.openTab('Persetujuan');
    await consent.withdraw(PURPOSE, 'Ia meminta datanya tidak dibagikan lagi.');
    const withdrawn = consent.consent(PURPOSE);
    await withdrawn.getByText('Ditarik', { exact: true }).waitFor();
    expect(await withdrawn.textContent()).toContain('Alasan: Ia meminta datanya tidak dibagikan lagi.');
    expect(await consent.withdrawButtons().count()).toBe(0);
    await expectAccessible(officer, 'consent tab after withdrawal');

    // …and on her next request the kelurahan officer no longer finds her at all.
    await village.reload();
    await village.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' }).waitFor();
    expect(await village.getByRole('tab').count()).toBe(0);
    expect((await village.locator('body').textContent()) ?? '').not.toContain(NAME);

    // The notes tab on a phone (375 px): no sideways scrolling, still accessible.
    const phone = await newPageAllowing404({ width: 375 });
    await signIn(phone, 'lapas.binadik');
    await phone.goto(`${personUrl}?tab=catatan`);
    const phoneNotes = new NotesTab(phone);
    await phoneNotes.note(SHARED_NOTE).waitFor();
    await phoneNotes.note(PRIVATE_NOTE).waitFor();
    await phoneNotes.form().waitFor();
    expect(await horizontalOverflow(phone)).toBeLessThanOrEqual(0);
    await expectAccessible(phone, 'notes tab on a phone');
  });

  it('the documents tab with its upload form passes axe', async () => {
    const page = await newPageAllowing404();
    await signIn(page, 'lapas.binadik');
    const lapas = await server.database.db
      .selectFrom('app_user')
      .select('organization_id')
      .where('username', '=', 'lapas.binadik')
      .executeTakeFirstOrThrow();
    const person = await server.database.db
      .selectFrom('person')
      .select('id')
      .where('organization_id', '=', lapas.organization_id)
      .where('anonymized_at', 'is', null)
      .orderBy('full_name')
      .executeTakeFirstOrThrow();
    await page.goto(`${server.baseUrl}/warga/${person.id}?tab=dokumen`);
    const documents = new DocumentsTab(page);
    await documents.fileField().waitFor();
    await page.getByRole('heading', { name: 'Daftar dokumen' }).waitFor();
    await page.waitForLoadState('networkidle');
    // The empty file field shows its placeholder ("Pilih berkas PDF, JPEG atau PNG"): it must be legible.
    await expectAccessible(page, 'documents tab with the upload form');
  });
});

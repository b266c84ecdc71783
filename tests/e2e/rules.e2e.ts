import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/shared/vocabulary.ts';
import { AppShell, SignInPage } from './pages/pages.ts';
import { PersonFormPage, PersonRecordPage } from './pages/people.ts';
import { RulesPage } from './pages/records.ts';
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

const NAME = 'Fitriani Lestari';
const CB = 'Cuti bersyarat (CB)';

describe('an administrator changes a sentence rule', () => {
  it('a shorter CB limit is saved as version 2 and at once makes a 16-month sentence not eligible for CB', async () => {
    // A prison officer records a sentence of 1 year 4 months (16 months), detained since the 1st.
    const officer = (await browser.newPage()).page;
    await signIn(officer, 'lapas.binadik');
    await officer.goto(`${server.baseUrl}/warga/baru`);
    const form = new PersonFormPage(officer);
    await form.fill({ fullName: NAME });
    await form.save();
    const record = new PersonRecordPage(officer);
    await record.heading(NAME).waitFor();
    await record.openTab('Pidana & tahapan');
    const now = new Date();
    const firstOfMonth = new Date(Date.UTC(now.getFullYear(), now.getMonth(), 1)).toISOString().slice(0, 10);
    await record.recordSentence({ detentionStart: firstOfMonth, years: 1, months: 4, offence: 'Penipuan' });
    const cb = record.milestone(CB);
    await cb.waitFor();
    // Under the first rules (at most 18 months) her sentence qualifies: the date is still ahead.
    expect(await cb.textContent()).toContain('Belum waktunya');
    expect(await cb.textContent()).not.toContain('lebih dari');
    await officer.getByText('Aturan versi 1').waitFor();

    // The administrator lowers the CB limit to 15 months, with a reason.
    const admin = (await browser.newPage()).page;
    await signIn(admin, 'admin');
    await new AppShell(admin).go('Aturan program');
    const rules = new RulesPage(admin, server.baseUrl);
    await rules.sentenceSection().getByRole('button', { name: 'Simpan sebagai versi baru' }).waitFor();
    expect(await rules.versionBadge().textContent()).toBe('Versi 1');
    expect(await rules.cbMaxSentence().inputValue()).toBe('18');
    await expectAccessible(admin, 'program rules');

    await rules.cbMaxSentence().fill('15');
    await rules.saveSentenceRules('Surat edaran Ditjenpas: CB hanya untuk pidana paling lama 15 bulan.');
    await admin.getByText('Aturan disimpan sebagai versi 2.').waitFor();
    await rules.sentenceSection().getByText('Versi 2', { exact: true }).waitFor();
    expect(await rules.cbMaxSentence().inputValue()).toBe('15');
    await expect.poll(async () => (await rules.history()).length).toBe(2);
    const [latest, first] = await rules.history();
    expect(latest?.[0]).toBe('2');
    expect(latest?.[3]).toBe('Surat edaran Ditjenpas: CB hanya untuk pidana paling lama 15 bulan.');
    expect(first?.[0]).toBe('1');
    await expectAccessible(admin, 'program rules after saving');

    // Her CB is now not eligible, and the milestone says why.
    await officer.reload();
    await record.milestone(CB).waitFor();
    await officer.getByText('Aturan versi 2').waitFor();
    const after = (await record.milestone(CB).textContent()) ?? '';
    expect(after).toContain('Tidak memenuhi syarat');
    expect(after).toContain('Masa pidana 1 tahun 4 bulan lebih dari 15 bulan.');
    const formula = await record.formulaOf(CB);
    expect(formula.trim().length).toBeGreaterThan(5);
    await expectAccessible(officer, 'sentence tab with CB not eligible');

    // The rule is put back (version 3), and her CB qualifies again.
    await admin.reload();
    await rules.cbMaxSentence().waitFor();
    await rules.cbMaxSentence().fill('18');
    await rules.saveSentenceRules('Kembali ke 18 bulan sesuai Permenkumham 7/2022.');
    await rules.sentenceSection().getByText('Versi 3', { exact: true }).waitFor();
    await officer.reload();
    await officer.getByText('Aturan versi 3').waitFor();
    const restored = (await record.milestone(CB).textContent()) ?? '';
    expect(restored).not.toContain('Tidak memenuhi syarat');
    expect(restored).not.toContain('lebih dari');
    await officer.close();
    await admin.close();
  });
});

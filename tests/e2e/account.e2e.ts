import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell, ChangePasswordPage, SignInPage, UsersPage } from './pages/pages.ts';
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

describe('user administration', () => {
  it('an administrator creates a user, who signs in and must change her password first', async () => {
    const admin = await browser.newPage();
    const signIn = new SignInPage(admin.page, server.baseUrl);
    await signIn.open();
    await signIn.signIn('admin', 'sinergi-demo');
    const shell = new AppShell(admin.page);
    await shell.go('Pengguna');
    await admin.page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    await admin.page.getByText('kelurahan.krobokan').waitFor();
    await expectAccessible(admin.page, 'users list');

    await admin.page.getByRole('button', { name: 'Tambah pengguna' }).click();
    await admin.page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(admin.page, 'create user');
    // A weak initial password is refused by the server, and the message lands on the field.
    await admin.page.goBack();
    await new UsersPage(admin.page).create({
      username: 'ayu.pk',
      fullName: 'Ayu Lestari',
      organization: 'Balai Pemasyarakatan Kelas I Semarang',
      role: 'Pembimbing Kemasyarakatan (PK)',
      password: 'katasandi123',
    });
    await admin.page.getByText('Kata sandi ini terlalu umum').waitFor();
    await admin.page.getByLabel('Kata sandi awal').fill('Awal-Ayu-2026!');
    await admin.page.getByRole('button', { name: 'Buat pengguna' }).click();
    await admin.page.getByRole('heading', { level: 1, name: 'Ayu Lestari' }).waitFor();
    await expectAccessible(admin.page, 'user detail');

    const ayu = await browser.newPage();
    const ayuSignIn = new SignInPage(ayu.page, server.baseUrl);
    await ayuSignIn.open();
    await ayuSignIn.signIn('ayu.pk', 'Awal-Ayu-2026!');
    await ayu.page.waitForURL(/\/ganti-kata-sandi$/);
    expect(await new AppShell(ayu.page).navigation().count()).toBe(0);
    await expectAccessible(ayu.page, 'forced password change');
    const change = new ChangePasswordPage(ayu.page);
    await change.change('Awal-Ayu-2026!', 'ayu.pk-2026');
    await ayu.page.getByText('Kata sandi tidak boleh sama dengan nama pengguna.').waitFor();
    await change.change('Awal-Ayu-2026!', 'Pembimbing-Semarang-7');
    const shell2 = new AppShell(ayu.page);
    await expect
      .poll(() => shell2.navigationLinks(), { timeout: 15_000 })
      .toEqual([
        'Beranda',
        'Tugas',
        'Warga binaan & klien',
        'Menjelang bebas',
        'Serah terima',
        'Bimbingan',
        'Desa binaan',
        'Direktori organisasi',
        'Mitra',
        'Peluang',
        'Penempatan',
        'Perencanaan',
        'Tata kelola',
        'Dasbor',
        'Hasil pascabebas',
      ]);
    await ayu.page.close();

    // The administrator reads what happened in the audit log.
    await shell.go('Log audit');
    await admin.page.getByRole('heading', { level: 1, name: 'Log audit' }).waitFor();
    await admin.page.getByText('ayu.pk').first().waitFor();
    await expectAccessible(admin.page, 'audit log');
    await admin.page.close();
  });
});

describe('a locked account', () => {
  it('five wrong passwords lock the account, and the right one is refused until it is unlocked', async () => {
    const { page } = await browser.newPage();
    const signIn = new SignInPage(page, server.baseUrl);
    await signIn.open();
    for (let attempt = 1; attempt <= 4; attempt++) {
      await signIn.signIn('lapas.giatja', `salah-sandi-${attempt}`);
      await signIn.alert().filter({ hasText: 'Nama pengguna atau kata sandi salah.' }).waitFor();
    }
    await signIn.signIn('lapas.giatja', 'salah-sandi-5');
    await signIn.alert().filter({ hasText: 'Akun dikunci sementara' }).waitFor();
    await signIn.signIn('lapas.giatja', 'sinergi-demo');
    await signIn.alert().filter({ hasText: 'Akun dikunci sementara' }).waitFor();
    expect(page.url()).toMatch(/\/masuk$/);
    await expectAccessible(page, 'sign-in with a lock message');

    // The administrator sees the lock and lifts it.
    const admin = await browser.newPage();
    const adminSignIn = new SignInPage(admin.page, server.baseUrl);
    await adminSignIn.open();
    await adminSignIn.signIn('admin', 'sinergi-demo');
    await new AppShell(admin.page).go('Pengguna');
    await admin.page.getByRole('link', { name: 'Yanti Susilowati' }).click();
    await admin.page.getByText(/Terkunci sampai \d\d\/\d\d\/\d{4} \d\d:\d\d/).waitFor();
    await admin.page.getByRole('button', { name: 'Buka kunci' }).click();
    await admin.page.getByRole('dialog').getByRole('button', { name: 'Buka kunci' }).click();
    await admin.page.getByText('Kunci akun telah dibuka.').waitFor();
    await admin.page.close();

    await signIn.signIn('lapas.giatja', 'sinergi-demo');
    await new AppShell(page).navigation().waitFor();
    await page.close();
  });
});

describe('language', () => {
  it('switches to English, and remembers it for the user at the next sign-in', async () => {
    const { page } = await browser.newPage();
    const signIn = new SignInPage(page, server.baseUrl);
    await signIn.open();
    await signIn.signIn('kabapas', 'sinergi-demo');
    const shell = new AppShell(page);
    await shell.navigation().waitFor();
    await shell.switchLanguage('English');
    await expect
      .poll(() => shell.navigationLinks(), { timeout: 15_000 })
      .toEqual([
        'Home',
        'Tasks',
        'People & clients',
        'Pre-release',
        'Handover',
        'Supervision',
        'Host villages',
        'Organization directory',
        'Partners',
        'Opportunities',
        'Placements',
        'Planning',
        'Governance',
        'Dashboard',
        'Outcomes',
        'Users',
        'Audit log',
      ]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    await expectAccessible(page, 'home in English');
    await shell.signOut();
    await page.getByLabel('Username').waitFor();

    await page.getByLabel('Username').fill('kabapas');
    await page.getByLabel('Password', { exact: true }).fill('sinergi-demo');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await expect
      .poll(() => shell.navigationLinks(), { timeout: 15_000 })
      .toEqual([
        'Home',
        'Tasks',
        'People & clients',
        'Pre-release',
        'Handover',
        'Supervision',
        'Host villages',
        'Organization directory',
        'Partners',
        'Opportunities',
        'Placements',
        'Planning',
        'Governance',
        'Dashboard',
        'Outcomes',
        'Users',
        'Audit log',
      ]);
    await shell.switchLanguage('Bahasa Indonesia');
    await expect
      .poll(() => shell.navigationLinks(), { timeout: 15_000 })
      .toEqual([
        'Beranda',
        'Tugas',
        'Warga binaan & klien',
        'Menjelang bebas',
        'Serah terima',
        'Bimbingan',
        'Desa binaan',
        'Direktori organisasi',
        'Mitra',
        'Peluang',
        'Penempatan',
        'Perencanaan',
        'Tata kelola',
        'Dasbor',
        'Hasil pascabebas',
        'Pengguna',
        'Log audit',
      ]);
    expect(await page.getAttribute('html', 'lang')).toBe('id');
    await page.close();
  });
});

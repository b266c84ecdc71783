import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell, SignInPage } from './pages/pages.ts';
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

// Everyone reads the host villages (desa binaan) and the directory. The agencies and kelurahan read the
// partner directory and every opportunity and follow the placements; a partner reads only her own profile
// ("Profil mitra") and opportunities, and follows her own placements.
const EVERYONE = ['Beranda', 'Tugas', 'Desa binaan', 'Direktori organisasi'];
// Perencanaan: plans for corrections staff, the training-gap table and the fairness report (aggregates).
const PROGRAM = ['Mitra', 'Peluang', 'Penempatan', 'Perencanaan'];
// Release and after: corrections staff follow who is near release and the handovers; the Bapas supervises;
// outcomes by release cohort are aggregate figures for the agencies, the kecamatan and kelurahan and viewers.
const RELEASE = ['Menjelang bebas', 'Serah terima'];
const OUTCOMES = 'Hasil pascabebas';
// Governance: every organization's staff follow the agreements, work plans and meetings they take part in.
const GOVERNANCE = 'Tata kelola';
// Insight: every staff member's own figures; the agencies' heads and viewers the whole program.
const INSIGHT = 'Dasbor';
const STAFF = [
  'Beranda',
  'Tugas',
  'Warga binaan & klien',
  'Desa binaan',
  'Direktori organisasi',
  ...PROGRAM,
  GOVERNANCE,
  INSIGHT,
  OUTCOMES,
];
const BAPAS_STAFF = [
  'Beranda',
  'Tugas',
  'Warga binaan & klien',
  ...RELEASE,
  'Bimbingan',
  'Desa binaan',
  'Direktori organisasi',
  ...PROGRAM,
  GOVERNANCE,
  INSIGHT,
  OUTCOMES,
];
const BAPAS_HEAD = [...BAPAS_STAFF, 'Pengguna', 'Log audit'];
// Prison staff read the training catalogue; a partner's staff see only the cohorts they teach.
const PRISON_STAFF = [
  'Beranda',
  'Tugas',
  'Warga binaan & klien',
  ...RELEASE,
  'Pelatihan',
  'Desa binaan',
  'Direktori organisasi',
  ...PROGRAM,
  GOVERNANCE,
  INSIGHT,
  OUTCOMES,
];
const PARTNER_STAFF = [
  'Beranda',
  'Tugas',
  'Warga binaan & klien',
  'Angkatan saya',
  'Desa binaan',
  'Direktori organisasi',
  'Profil mitra',
  'Peluang',
  'Penempatan',
  GOVERNANCE,
  INSIGHT,
];
// A partner's director signs its PKS; she does not teach cohorts.
const PARTNER_HEAD = PARTNER_STAFF.filter((link) => link !== 'Angkatan saya');
const PRISON_HEAD = [...PRISON_STAFF, 'Pengguna', 'Log audit', 'Retensi data'];

// Each demo role sees the navigation its permissions allow, nothing more: the administrator manages
// accounts, rules and the skills taxonomy but reads no person's record; viewers see program figures, not people.
const ROLES: Array<[username: string, organization: string, links: string[]]> = [
  [
    'admin',
    'Lapas Perempuan Kelas IIA Semarang',
    [...EVERYONE, 'Perencanaan', 'Pengguna', 'Log audit', 'Keterampilan', 'Aturan program'],
  ],
  ['kalapas', 'Lapas Perempuan Kelas IIA Semarang', PRISON_HEAD],
  ['lapas.binadik', 'Lapas Perempuan Kelas IIA Semarang', PRISON_STAFF],
  ['lapas.giatja', 'Lapas Perempuan Kelas IIA Semarang', PRISON_STAFF],
  ['kabapas', 'Balai Pemasyarakatan Kelas I Semarang', BAPAS_HEAD],
  ['pk', 'Balai Pemasyarakatan Kelas I Semarang', BAPAS_STAFF],
  ['kecamatan', 'Kecamatan Semarang Barat', STAFF],
  ['kelurahan.krobokan', 'Kelurahan Krobokan', STAFF],
  ['mitra', 'Konveksi Maju Bersama (mitra demo)', PARTNER_STAFF],
  ['mitra.katering', 'Katering Sekar Rasa (mitra demo)', PARTNER_STAFF],
  ['instruktur', 'BLK Kota Semarang (mitra demo)', PARTNER_STAFF],
  ['viewer', 'Kecamatan Semarang Barat', [...EVERYONE, 'Perencanaan', INSIGHT, OUTCOMES]],
  ['camat', 'Kecamatan Semarang Barat', STAFF],
  ['lurah.krobokan', 'Kelurahan Krobokan', STAFF],
  ['mitra.pimpinan', 'Konveksi Maju Bersama (mitra demo)', PARTNER_HEAD],
];

describe('every demo role', () => {
  for (const [username, organization, links] of ROLES) {
    it(`${username} signs in and sees its own navigation`, async () => {
      const { page } = await browser.newPage();
      const signIn = new SignInPage(page, server.baseUrl);
      await signIn.open();
      await signIn.signIn(username, 'sinergi-demo');
      const shell = new AppShell(page);
      await expect.poll(() => shell.navigationLinks(), { timeout: 15_000 }).toEqual(links);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.locator('header').textContent()).toContain(organization);
      expect(await page.getByText('Mode demo').count()).toBeGreaterThan(0);
      await expectAccessible(page, `home of ${username}`);
      await page.close();
    });
  }

  it('a staff member without the permission is refused the users page even by typing its address', async () => {
    const { page } = await browser.newPage();
    const signIn = new SignInPage(page, server.baseUrl);
    await signIn.open();
    await signIn.signIn('pk', 'sinergi-demo');
    await new AppShell(page).navigation().waitFor();
    await page.goto(`${server.baseUrl}/admin/pengguna`);
    await page.getByText('Akses ditolak').waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await page.close();
  });
});

describe('organization directory', () => {
  it('lists the 16 kelurahan of Semarang Barat and opens the kecamatan with them', async () => {
    const { page } = await browser.newPage();
    const signIn = new SignInPage(page, server.baseUrl);
    await signIn.open();
    await signIn.signIn('viewer', 'sinergi-demo');
    const shell = new AppShell(page);
    await shell.go('Direktori organisasi');
    await page.getByText('33.74.13.1016').first().waitFor();
    await expectAccessible(page, 'organization directory');
    expect(await page.getByText(/33\.74\.13\.10\d\d/).count()).toBe(16);
    await page.getByRole('link', { name: 'Kecamatan Semarang Barat' }).first().click();
    await page.getByRole('heading', { name: 'Kecamatan Semarang Barat', level: 1 }).waitFor();
    await page.getByText('Kelurahan Tambakharjo').waitFor();
    await expectAccessible(page, 'kecamatan detail');
    await page.close();
  });
});

describe('on a phone (360 px)', () => {
  it('opens the navigation from the menu button and does not scroll sideways', async () => {
    const { page } = await browser.newPage({ width: 360, height: 740 });
    const signIn = new SignInPage(page, server.baseUrl);
    await signIn.open();
    await expectAccessible(page, 'sign-in on a phone');
    await signIn.signIn('kalapas', 'sinergi-demo');
    await page.getByRole('button', { name: 'Buka menu navigasi' }).click();
    const shell = new AppShell(page);
    await expect.poll(() => shell.navigationLinks(), { timeout: 15_000 }).toEqual(PRISON_HEAD);
    await shell.go('Pengguna');
    await page.getByRole('heading', { level: 1, name: 'Pengguna' }).waitFor();
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'users list on a phone');
    await page.close();
  });
});

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_PARTNER_ID } from '../../src/server/db/seed/demo.ts';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import { AppShell } from './pages/pages.ts';
import { plusDays, shown } from './pages/training.ts';
import {
  horizontalOverflow,
  notification,
  OpportunityFormPage,
  OpportunityImportPage,
  OpportunityListPage,
  OpportunityPage,
  signInAs,
  VillageFormPage,
  VillageListPage,
  VillagePage,
} from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// The host villages in the browser: a kelurahan officer builds her village's profile (and cannot touch
// another's), opens an opportunity for a local partner, the kecamatan imports opportunities from a
// spreadsheet, and the kelurahan list works on a phone.

const journey = journeyHooks();
const newPage = journey.newPage;

async function kelurahan(code: string) {
  return journey.server.database.db
    .selectFrom('organization')
    .innerJoin('village_profile', 'village_profile.organization_id', 'organization.id')
    .select([
      'organization.id',
      'organization.name',
      'organization.short_name',
      'village_profile.lurah_name',
      'village_profile.population',
      'village_profile.version',
    ])
    .where('organization.code', '=', code)
    .executeTakeFirstOrThrow();
}

async function revisionCount(villageId: string) {
  const rows = await journey.server.database.db
    .selectFrom('village_revision')
    .select('id')
    .where('village_id', '=', villageId)
    .execute();
  return rows.length;
}

const KROBOKAN = '33.74.13.1013';
const BONGSARI = '33.74.13.1008';

describe('a kelurahan officer', () => {
  it('builds her village profile: Lurah, a potential and a seasonal need, with the change in its history', async () => {
    const krobokan = await kelurahan(KROBOKAN);
    const newLurah = 'Dra. Sri Mulyani Rahayu, M.Si.';
    expect(krobokan.lurah_name).not.toBe(newLurah);
    const revisionsBefore = await revisionCount(krobokan.id);
    const potential = {
      sector: 'Garmen & menjahit',
      skill: 'Menjahit',
      description: 'Penjahit rumahan permak dan vermak di gang-gang Krobokan (uji e2e).',
      source: 'Pendataan RW 2026',
    };
    const need = {
      sector: 'Makanan & minuman',
      skill: 'Katering',
      kind: 'Kebutuhan tenaga kerja' as const,
      description: 'Tenaga bantu dapur pesanan hajatan musim nikah (uji e2e).',
      size: 40,
      months: ['Juni', 'Juli', 'Agustus'],
    };

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'kelurahan.krobokan');
    await new AppShell(page).go('Desa binaan');
    const list = new VillageListPage(page, journey.server.baseUrl);
    await list.heading().waitFor();
    await list.villageLink('Krobokan').waitFor();
    await expectAccessible(page, 'kelurahan list');

    await list.villageLink('Krobokan').click();
    const village = new VillagePage(page);
    await village.heading(krobokan.name).waitFor();
    await expectAccessible(page, 'kelurahan page');
    await village.editLink().click();
    const form = new VillageFormPage(page);
    await form.heading(krobokan.name).waitFor();
    await expectAccessible(page, 'kelurahan profile form');

    await form.field('Nama Lurah').fill(newLurah);
    await form.field('Jumlah penduduk (jiwa)').fill('31500');
    const potentialNumber = await form.addPotential(potential);
    await form.addNeed(need);

    // A potential without its strength is stopped in the browser, on that field, in Indonesian.
    const strength = `Kekuatan potensi ${potentialNumber}`;
    await form.save();
    await expect.poll(() => form.isInvalid(strength), { timeout: 10_000 }).toBe(true);
    expect(await form.messageOf(strength)).toContain('Pilih kekuatan 1 sampai 5');
    await form.chooseStrength(potentialNumber, 4);

    // A latitude without its longitude is refused by the server, on the longitude; nothing is stored.
    const longitude = form.field('Bujur (longitude)');
    const storedLongitude = await longitude.inputValue();
    expect(storedLongitude).not.toBe('');
    await longitude.fill('');
    await form.save();
    await expect.poll(() => form.isInvalid('Bujur (longitude)'), { timeout: 10_000 }).toBe(true);
    expect(await form.messageOf('Bujur (longitude)')).toContain(
      'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.',
    );
    await expectAccessible(page, 'kelurahan profile form with errors');
    expect((await kelurahan(KROBOKAN)).version).toBe(krobokan.version);
    expect(await revisionCount(krobokan.id)).toBe(revisionsBefore);

    // Put back, saved.
    await longitude.fill(storedLongitude);
    await form.save();
    await notification(page, 'Profil kelurahan telah disimpan.').waitFor();
    await village.heading(krobokan.name).waitFor();
    expect(page.url()).toMatch(new RegExp(`/desa/${krobokan.id}$`));

    const profile = await village.openTab('Profil');
    await profile.getByText(newLurah).waitFor();
    await profile.getByText('31.500 jiwa').waitFor();

    await village.openTab('Potensi');
    const potentialRow = village.rows('potential').filter({ hasText: potential.description });
    await potentialRow.waitFor();
    expect(await potentialRow.textContent()).toContain('4 dari 5 (Tinggi)');
    expect(await potentialRow.textContent()).toContain(potential.source);
    expect(await potentialRow.textContent()).toContain('Menjahit');

    await village.openTab('Kebutuhan');
    const needRow = village.rows('need').filter({ hasText: need.description });
    await needRow.waitFor();
    expect(await needRow.textContent()).toContain('Juni–Agustus');
    expect(await needRow.textContent()).toContain('Kebutuhan tenaga kerja');
    await expectAccessible(page, 'kelurahan needs tab');

    // The history: the new version first, by her, with the changes in words.
    await village.openTab('Riwayat');
    const latest = village.revisions().first();
    await latest.waitFor();
    expect(await latest.getAttribute('data-version')).toBe(String(krobokan.version + 1));
    const changes = (await latest.getByRole('listitem').allInnerTexts()).map((text) => text.trim());
    expect(changes).toContain(`Profil: nama Lurah ${krobokan.lurah_name} → ${newLurah}`);
    const people = (value: number | null) => new Intl.NumberFormat('id-ID').format(value ?? 0);
    expect(changes).toContain(`Profil: jumlah penduduk ${people(krobokan.population)} → 31.500`);
    expect(changes).toContain(`Potensi '${potential.description}' ditambahkan`);
    expect(changes).toContain(`Kebutuhan '${need.description}' ditambahkan`);
    const officer = await journey.server.database.db
      .selectFrom('app_user')
      .select('full_name')
      .where('username', '=', 'kelurahan.krobokan')
      .executeTakeFirstOrThrow();
    expect(await latest.textContent()).toContain(`oleh ${officer.full_name} (Krobokan)`);
    await expectAccessible(page, 'kelurahan history');
    expect(await revisionCount(krobokan.id)).toBe(revisionsBefore + 1);
  });

  it('cannot edit another kelurahan: no edit button, and the form address refuses her', async () => {
    const bongsari = await kelurahan(BONGSARI);
    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'kelurahan.krobokan');
    await page.goto(`${journey.server.baseUrl}/desa/${bongsari.id}`);
    const village = new VillagePage(page);
    await village.heading(bongsari.name).waitFor();
    // The page has loaded its tabs: the edit button would be there by now.
    await page.getByRole('tablist', { name: 'Bagian profil kelurahan' }).waitFor();
    expect(await village.editLink().count()).toBe(0);

    await page.goto(`${journey.server.baseUrl}/desa/${bongsari.id}/ubah`);
    await page.getByRole('heading', { level: 1, name: 'Akses ditolak' }).waitFor();
    await page.getByText('Anda tidak berhak mengubah profil kelurahan ini.').waitFor();
    expect(await page.getByRole('button', { name: 'Simpan profil' }).count()).toBe(0);
    await expectAccessible(page, 'another kelurahan refused');
    expect((await kelurahan(BONGSARI)).version).toBe(bongsari.version);
  });

  it('opens an opportunity for a local partner: closing before start is refused first', async () => {
    const today = jakartaToday();
    const title = `Penjahit seragam sekolah ${today} (uji e2e)`;
    const stored = () =>
      journey.server.database.db.selectFrom('opportunity').selectAll().where('title', '=', title).execute();

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'kelurahan.krobokan');
    await new AppShell(page).go('Peluang');
    const list = new OpportunityListPage(page, journey.server.baseUrl);
    await list.heading().waitFor();
    await expectAccessible(page, 'opportunity list');
    await page.getByRole('link', { name: 'Tambah peluang' }).click();
    const form = new OpportunityFormPage(page);
    await form.heading('Peluang baru').waitFor();
    // Her own kelurahan is chosen for her.
    await expect.poll(() => form.field('Kelurahan').inputValue()).toBe('Kelurahan Krobokan');

    await form.fill({
      partner: 'Konveksi Maju Bersama (mitra demo)',
      kind: 'Lowongan kerja',
      sector: 'Garmen & menjahit',
      title,
      description: 'Menjahit seragam SD dan SMP untuk musim tahun ajaran baru.',
      location: 'Workshop Konveksi Maju Bersama, Krobokan',
      places: 2,
      workHours: '08.00–14.00, Senin–Jumat',
      partTime: true,
      skills: [{ name: 'Menjahit', level: 'Menengah' }],
    });
    // Closing on the 10th day, starting on the 20th: refused on the closing date, nothing stored.
    await form.pickDate('Tanggal pendaftaran ditutup', plusDays(today, 10));
    await form.pickDate('Tanggal mulai', plusDays(today, 20));
    await form.saveAndOpen();
    await expect.poll(() => form.isInvalid('Tanggal pendaftaran ditutup'), { timeout: 10_000 }).toBe(true);
    expect(await form.messageOf('Tanggal pendaftaran ditutup')).toContain(
      'Tanggal tutup tidak boleh sebelum tanggal mulai',
    );
    await expectAccessible(page, 'opportunity form with errors');
    expect(await stored()).toEqual([]);

    await form.pickDate('Tanggal pendaftaran ditutup', plusDays(today, 40));
    await form.saveAndOpen();
    const opportunity = new OpportunityPage(page, journey.server.baseUrl);
    await opportunity.heading(title).waitFor();
    await notification(page, `Peluang ${title} telah disimpan.`).waitFor();
    expect(await opportunity.status()).toBe('Dibuka');
    expect(await opportunity.places()).toBe('0 dari 2 tempat terisi');
    expect(await opportunity.placesLeft()).toBe('sisa 2');
    const skill = opportunity.skills().getByRole('listitem').filter({ hasText: 'Menjahit' });
    expect(await skill.textContent()).toContain('Minimal Menengah');
    expect(await skill.textContent()).toContain('Wajib');
    const overview = (await page.getByRole('region', { name: 'Ringkasan' }).textContent()) ?? '';
    expect(overview).toContain(shown(plusDays(today, 20)));
    expect(overview).toContain(shown(plusDays(today, 40)));
    await expectAccessible(page, 'opportunity page');

    const [row] = await stored();
    expect(row).toMatchObject({
      partner_id: DEMO_PARTNER_ID,
      status: 'open',
      places: 2,
      start_on: plusDays(today, 20),
      closes_on: plusDays(today, 40),
      part_time: true,
    });

    // It is on the list of open opportunities of Krobokan.
    await list.open('?status=open');
    await list.search(title);
    await expect.poll(() => list.titles()).toEqual([title]);
  });
});

describe('the kecamatan imports opportunities', () => {
  it('sees the bad row by row, field and reason, stores only the valid rows, and finds them', async () => {
    const today = jakartaToday();
    const start = shown(plusDays(today, 14));
    const good = [
      `Operator jahit lini seragam (impor ${today})`,
      `Magang dapur katering hajatan (impor ${today})`,
    ];
    const bad = `Penyulam kerudung (impor ${today})`;
    const header = [
      'Judul',
      'Jenis Peluang',
      'Mitra',
      'Kelurahan',
      'Sektor',
      'Jumlah Tempat',
      'Tanggal Mulai',
      'Keterampilan',
      'Status',
    ];
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Peluang');
    sheet.addRow(header);
    sheet.addRow([
      good[0],
      'Lowongan kerja',
      'Konveksi Maju Bersama',
      'Krobokan',
      'Garmen',
      3,
      start,
      'Menjahit:menengah:wajib',
      'dibuka',
    ]);
    sheet.addRow([
      bad,
      'Lowongan kerja',
      'Konveksi Maju Bersama',
      'Krobokan',
      'Garmen',
      1,
      start,
      'Sulam awan:dasar:wajib',
      null,
    ]);
    sheet.addRow([
      good[1],
      'Magang',
      'Katering Sekar Rasa',
      '33.74.13.1013',
      'Tata boga',
      2,
      start,
      'Katering',
      null,
    ]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const titles = [...good, bad];
    const stored = () =>
      journey.server.database.db
        .selectFrom('opportunity')
        .select(['title', 'status'])
        .where('title', 'in', titles)
        .orderBy('title')
        .execute();

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'kecamatan');
    const list = new OpportunityListPage(page, journey.server.baseUrl);
    await list.open();
    await page.getByRole('link', { name: 'Impor dari XLSX' }).click();
    const importPage = new OpportunityImportPage(page, journey.server.baseUrl);
    await importPage.heading().waitFor();
    await expect.poll(() => page.getByRole('radio', { name: 'Peluang' }).isChecked()).toBe(true);
    await expectAccessible(page, 'opportunity import, upload step');

    await importPage.read({
      name: 'peluang-semarang-barat.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer,
    });
    await page.getByText('peluang-semarang-barat.xlsx: 3 baris data, 9 kolom').waitFor();
    expect(await importPage.columnField('Judul').inputValue()).toBe('Judul *');
    expect(await importPage.columnField('Keterampilan').inputValue()).toBe('Keterampilan');
    await expectAccessible(page, 'opportunity import, mapping step');

    // The dry run: the third row of the file (after the header) has an unknown skill.
    await importPage.check();
    expect(await importPage.count('Jumlah baris')).toBe('3');
    expect(await importPage.count('Baru')).toBe('2');
    expect(await importPage.count('Tidak valid')).toBe('1');
    const issues = await importPage.issues();
    expect(issues).toHaveLength(1);
    const [row, column, value, reason] = issues[0] ?? [];
    expect(row).toBe('3');
    expect(column).toBe('Keterampilan');
    expect(value).toContain('Sulam awan');
    expect(reason).toMatch(/tidak dikenal/i);
    expect(await stored()).toEqual([]);
    expect(await importPage.saveAllButton().isDisabled()).toBe(true);
    expect(await importPage.saveValidButton().textContent()).toContain('2 baris');
    await expectAccessible(page, 'opportunity import, check step');

    await importPage.saveValidButton().click();
    await importPage.result().waitFor();
    expect(await importPage.result().textContent()).toContain(
      'Impor selesai: 2 peluang baru, 1 baris dilewati.',
    );
    await expectAccessible(page, 'opportunity import, result');
    const sortedGood = [...good].sort((a, b) => a.localeCompare(b));
    expect(await stored()).toEqual(
      sortedGood.map((title) => ({ title, status: title === good[0] ? 'open' : 'draft' })),
    );

    await page.getByRole('link', { name: 'Ke daftar peluang' }).click();
    await list.heading().waitFor();
    await list.search(`(impor ${today})`);
    await expect.poll(async () => (await list.titles()).sort()).toEqual(sortedGood);
  });
});

describe('the kelurahan list on a phone (375 px)', () => {
  it('shows each kelurahan as a card without sideways scroll, and passes axe', async () => {
    const page = await newPage({ width: 375, height: 812 });
    await signInAs(page, journey.server.baseUrl, 'pk');
    const list = new VillageListPage(page, journey.server.baseUrl);
    await list.open();
    await list.villageLink('Krobokan').waitFor();
    expect(await list.villages().getByRole('listitem').count()).toBe(16);
    await list.chartHeading().waitFor();
    expect(await horizontalOverflow(page), 'page overflow at 375 px').toBeLessThanOrEqual(0);
    await expectAccessible(page, 'kelurahan list at 375 px');
  });
});

import type { Locator, Page } from 'playwright-core';

// Page objects of the person record: the list (/warga), the create and edit form, and the person page.
// They speak Indonesian, as the officers do; the journeys never reach into the markup beyond these.

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'];

/** A field by its exact label; a required field's label ends in " *". */
export function byLabel(scope: Page | Locator, label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return scope.getByLabel(new RegExp(`^${escaped}( \\*)?$`));
}

/**
 * Picks a date ('yyyy-mm-dd') in a DateField through its calendar, as a user does: up to the decade,
 * then the year, the month and the day (the day buttons are named "17 Mei 1990").
 */
export async function pickDate(page: Page, label: string, iso: string, scope: Page | Locator = page) {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  await byLabel(scope, label).click();
  const level = page.locator('[class*="calendarHeaderLevel"]:visible').first();
  for (let i = 0; i < 3 && !/\d{4}\s*[–-]\s*\d{4}/.test((await level.textContent()) ?? ''); i++)
    await level.click();
  for (let i = 0; i < 20; i++) {
    const [from, to] = (((await level.textContent()) ?? '').match(/\d{4}/g) ?? []).map(Number) as [
      number,
      number,
    ];
    if (year >= from && year <= to) break;
    await page.getByRole('button', { name: year < from ? 'Dekade sebelumnya' : 'Dekade berikutnya' }).click();
  }
  await page.getByRole('button', { name: String(year), exact: true }).click();
  await page.getByRole('button', { name: MONTHS_SHORT[month - 1], exact: true }).click();
  await page.getByRole('button', { name: `${day} ${MONTHS[month - 1]} ${year}`, exact: true }).click();
}

/** Opens a Select by its label and clicks the option. */
export async function choose(
  page: Page,
  label: string,
  option: string | RegExp,
  scope: Page | Locator = page,
) {
  await byLabel(scope, label).click();
  await page.getByRole('option', { name: option }).first().click();
}

/** The text tied to a field by aria-describedby: its hint and, when invalid, its error message. */
export async function describedBy(page: Page, field: Locator): Promise<string> {
  const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

/** The list of people, with its search, filters and their place in the address. */
export class PeopleListPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(query = '') {
    await this.page.goto(`${this.baseUrl}/warga${query}`);
    await this.heading().waitFor();
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: /Warga binaan & klien|People & clients/ });
  }

  searchBox() {
    return this.page.getByLabel('Cari nama', { exact: true });
  }

  async search(text: string) {
    await this.searchBox().fill(text);
  }

  async filter(label: string, option: string | RegExp) {
    await choose(this.page, label, option);
  }

  /** The links to people shown (table on a wide screen, cards on a phone). */
  personLinks() {
    return this.page.locator('a[href^="/warga/"]').filter({ hasNotText: /^(Impor|Daftarkan)/ });
  }

  async names(): Promise<string[]> {
    return (await this.personLinks().allInnerTexts()).map((text) => text.trim());
  }

  params(): URLSearchParams {
    return new URL(this.page.url()).searchParams;
  }
}

export interface NewPerson {
  fullName: string;
  nik?: string;
  birthPlace?: string;
  birthDate?: string;
  phone?: string;
  domicileSearch?: string;
  domicileOption?: RegExp;
  hostVillage?: string;
  registrationNumber?: string;
  skill?: { name: string; sector: string };
}

/** The create and edit form (/warga/baru, /warga/:id/ubah). */
export class PersonFormPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  field(label: string) {
    return byLabel(this.page, label);
  }

  async fill(person: NewPerson) {
    await this.field('Nama lengkap').fill(person.fullName);
    if (person.nik !== undefined) await this.field('NIK').fill(person.nik);
    if (person.birthPlace) await this.field('Tempat lahir').fill(person.birthPlace);
    if (person.birthDate) await pickDate(this.page, 'Tanggal lahir', person.birthDate);
    if (person.phone) await this.field('Nomor telepon').fill(person.phone);
    if (person.domicileSearch) {
      await this.field('Kelurahan domisili').fill(person.domicileSearch);
      await this.page
        .getByRole('option', { name: person.domicileOption ?? person.domicileSearch })
        .first()
        .click();
    }
    if (person.hostVillage) await choose(this.page, 'Kelurahan tujuan (desa binaan)', person.hostVillage);
    if (person.registrationNumber) await this.field('Nomor registrasi lapas').fill(person.registrationNumber);
    if (person.skill) {
      await this.page.getByRole('button', { name: 'Tambah keterampilan' }).click();
      const row = this.page.getByRole('group', { name: 'Keterampilan 1' });
      await row.getByLabel('Nama keterampilan').fill(person.skill.name);
      await choose(this.page, 'Sektor', person.skill.sector, row);
    }
  }

  async save() {
    await this.page.getByRole('button', { name: /^(Simpan data|Simpan)$/ }).click();
  }

  /** Hint and error text of a field, as a screen reader announces them. */
  async messageOf(label: string): Promise<string> {
    return describedBy(this.page, this.field(label));
  }

  async isInvalid(label: string): Promise<boolean> {
    return (await this.field(label).getAttribute('aria-invalid')) === 'true';
  }
}

/** One person's page (/warga/:id) with its tabs. */
export class PersonRecordPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  tabs() {
    return this.page.getByRole('tab');
  }

  async openTab(name: string) {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tabpanel').waitFor();
  }

  /** Records the sentence: detention start and length, then saves. */
  async recordSentence(sentence: {
    detentionStart: string;
    years?: number;
    months?: number;
    offence?: string;
  }) {
    if (sentence.offence) await choose(this.page, 'Kategori tindak pidana', sentence.offence);
    await pickDate(this.page, 'Mulai ditahan', sentence.detentionStart);
    const fieldset = this.page.getByRole('group', { name: 'Lama pidana' });
    if (sentence.years !== undefined) await fieldset.getByLabel('Tahun').fill(String(sentence.years));
    if (sentence.months !== undefined) await fieldset.getByLabel('Bulan').fill(String(sentence.months));
    await this.page.getByRole('button', { name: 'Simpan data pidana' }).click();
    await this.page.getByText('Data pidana tersimpan.').waitFor();
  }

  async addRemission(remission: { kind: string; days: number; decreeNumber?: string; decreeDate: string }) {
    await this.page.getByRole('button', { name: 'Tambah remisi' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah remisi' });
    await choose(this.page, 'Jenis remisi', remission.kind, dialog);
    await byLabel(dialog, 'Jumlah hari').fill(String(remission.days));
    if (remission.decreeNumber) await dialog.getByLabel('Nomor SK').fill(remission.decreeNumber);
    await pickDate(this.page, 'Tanggal SK', remission.decreeDate, dialog);
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await this.page.getByText('Remisi tersimpan.').waitFor();
  }

  /** The card of one computed date, e.g. "Tanggal bebas (sesudah remisi)". */
  milestone(name: string) {
    return this.page.getByRole('article', { name });
  }

  /** Opens "Cara menghitung" on a milestone and returns the formula shown. */
  async formulaOf(name: string): Promise<string> {
    const card = this.milestone(name);
    await card.getByRole('button', { name: 'Cara menghitung' }).click();
    const formula = card.getByTestId('milestone-formula');
    await formula.waitFor();
    return (await formula.textContent()) ?? '';
  }
}

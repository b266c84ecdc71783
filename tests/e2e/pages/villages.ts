import type { Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../../src/shared/vocabulary.ts';
import { SignInPage } from './pages.ts';
import { byLabel, choose, describedBy } from './people.ts';
import { ImportPage } from './records.ts';
import { pickDate } from './training.ts';

// Page objects of the host villages (desa binaan) and what hangs off them: the kelurahan list and page with
// its profile form, the opportunity form and page (status, proposals), the placement pipeline with its step
// dialog, and the import of opportunities. Indonesian, as kelurahan officers, partners and prison staff read them.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A page in a fresh context whose console errors fail the test, except the HTTP answers the journeys
 * provoke on purpose: 400/409 refusals, 403 for what a role may not do, 404 for what a partner must not see.
 */
export async function newJourneyPage(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
  });
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

/** Signs in with the demo password and waits for the home page. */
export async function signInAs(page: Page, baseUrl: string, username: string) {
  const signInPage = new SignInPage(page, baseUrl);
  await signInPage.open();
  await signInPage.signIn(username, DEMO_PASSWORD);
  await page.getByRole('heading', { level: 1, name: /Selamat datang/ }).waitFor();
}

/** Sideways scroll of the whole page, in pixels (0 or less: none). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A success notification (Mantine's toast) by its text. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.mantine-Notification-root').filter({ hasText: text });
}

/** The "not found" page a user meets for what she may not see. */
export function notFoundHeading(page: Page): Locator {
  return page.getByRole('heading', { level: 1, name: 'Halaman tidak ditemukan' });
}

/**
 * Calls the API from inside the signed-in page, as the app does (session cookie and CSRF token), and
 * returns the HTTP status: proves what the server refuses beyond what the screen offers.
 */
export async function apiStatus(page: Page, method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown) {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = (await (await fetch('/api/me', { credentials: 'same-origin' })).json()) as {
        csrfToken: string;
      };
      const response = await fetch(path, {
        method,
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken },
        body: JSON.stringify(body),
      });
      return response.status;
    },
    { method, path, body },
  );
}

/** /desa: the kecamatan's kelurahan with their counts and the chart per sector. */
export class VillageListPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Desa binaan' });
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/desa`);
    await this.heading().waitFor();
  }

  /** The table (wide screens) or the list of cards (phones): both are named "Daftar kelurahan". */
  villages() {
    return this.page.getByLabel('Daftar kelurahan', { exact: true });
  }

  villageLink(name: string) {
    return this.villages().getByRole('link', { name, exact: true });
  }

  /** The chart per sector with its heading. */
  chartHeading() {
    return this.page.getByRole('heading', { name: 'Per sektor' });
  }
}

/** One kelurahan's page (/desa/:id) with its tabs. */
export class VillagePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  editLink() {
    return this.page.getByRole('link', { name: 'Ubah profil' });
  }

  async openTab(
    name: 'Profil' | 'Potensi' | 'Kebutuhan' | 'Fasilitas' | 'Mitra' | 'Peluang' | 'Penempatan' | 'Riwayat',
  ) {
    await this.page
      .getByRole('tablist', { name: 'Bagian profil kelurahan' })
      .getByRole('tab', { name, exact: true })
      .click();
    return this.page.getByRole('tabpanel');
  }

  /** The rows (table) or cards (phone) of the Potensi or Kebutuhan tab. */
  rows(kind: 'potential' | 'need') {
    return this.page.getByRole('tabpanel').getByTestId(`${kind}-row`);
  }

  /** The saved versions in the Riwayat tab, newest first. */
  revisions() {
    return this.page.getByTestId('revision');
  }
}

export interface NewPotential {
  sector: string;
  skill?: string;
  /** 1..5 */
  strength?: number;
  description: string;
  source?: string;
}

export interface NewNeed {
  sector: string;
  skill?: string;
  kind: 'Kebutuhan tenaga kerja' | 'Kebutuhan layanan' | 'Peluang pasar';
  description: string;
  size?: number;
  /** Month names, e.g. ['Juni', 'Juli']; none = all year. */
  months?: string[];
}

const STRENGTH_WORDS = ['Sangat rendah', 'Rendah', 'Sedang', 'Tinggi', 'Sangat tinggi'];

/** The kelurahan profile form (/desa/:id/ubah): one document saved with its version. */
export class VillageFormPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name: `Ubah profil ${name}` });
  }

  field(label: string) {
    return byLabel(this.page, label);
  }

  /** Adds a potential at the end of the list; returns its number ("Potensi 5"). */
  async addPotential(potential: NewPotential): Promise<number> {
    const number = (await this.page.getByTestId('potential-row').count()) + 1;
    await this.page.getByRole('button', { name: 'Tambah potensi' }).click();
    await choose(this.page, `Sektor potensi ${number}`, potential.sector);
    if (potential.skill) await this.chooseSkill(`Keterampilan potensi ${number}`, potential.skill);
    if (potential.strength) {
      const words = STRENGTH_WORDS[potential.strength - 1];
      await choose(this.page, `Kekuatan potensi ${number}`, `${potential.strength} – ${words}`);
    }
    await this.field(`Uraian potensi ${number}`).fill(potential.description);
    if (potential.source) await this.field(`Sumber/bukti potensi ${number}`).fill(potential.source);
    return number;
  }

  /** Adds a community need at the end of the list; returns its number. */
  async addNeed(need: NewNeed): Promise<number> {
    const number = (await this.page.getByTestId('need-row').count()) + 1;
    await this.page.getByRole('button', { name: 'Tambah kebutuhan' }).click();
    await choose(this.page, `Sektor kebutuhan ${number}`, need.sector);
    if (need.skill) await this.chooseSkill(`Keterampilan kebutuhan ${number}`, need.skill);
    await choose(this.page, `Jenis kebutuhan ${number}`, need.kind);
    await this.field(`Uraian kebutuhan ${number}`).fill(need.description);
    if (need.size !== undefined)
      await this.field(`Besaran per tahun kebutuhan ${number}`).fill(String(need.size));
    if (need.months?.length) {
      await this.field(`Bulan musim kebutuhan ${number}`).click();
      for (const month of need.months)
        await this.page.getByRole('option', { name: month, exact: true }).click();
      await this.page.keyboard.press('Escape');
    }
    return number;
  }

  async chooseStrength(number: number, strength: number) {
    const words = STRENGTH_WORDS[strength - 1];
    await choose(this.page, `Kekuatan potensi ${number}`, `${strength} – ${words}`);
  }

  private async chooseSkill(label: string, skill: string) {
    await this.field(label).click();
    await this.page.getByRole('option', { name: skill, exact: true }).click();
  }

  async save() {
    await this.page.getByRole('button', { name: 'Simpan profil' }).click();
  }

  async messageOf(label: string): Promise<string> {
    return describedBy(this.page, this.field(label));
  }

  async isInvalid(label: string): Promise<boolean> {
    return (await this.field(label).getAttribute('aria-invalid')) === 'true';
  }
}

export interface OpportunityDraft {
  /** Staff only: the partner, as the directory names it. */
  partner?: string;
  kind: string;
  sector: string;
  title: string;
  description?: string;
  location?: string;
  places: number;
  skills?: { name: string; level?: 'Dasar' | 'Menengah' | 'Kompeten'; essential?: boolean }[];
  workHours?: string;
  partTime?: boolean;
}

/** The opportunity form: /peluang/baru (staff; a partner drafts) and /peluang/:id/ubah. */
export class OpportunityFormPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: 'Peluang baru' | 'Draf peluang baru' | RegExp) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  field(label: string) {
    return byLabel(this.page, label);
  }

  /** The sections of the form, by their headings. */
  sectionHeadings() {
    return this.page.locator('form').getByRole('heading', { level: 2 });
  }

  async fill(opportunity: OpportunityDraft) {
    if (opportunity.partner) await choose(this.page, 'Mitra', opportunity.partner);
    await choose(this.page, 'Jenis peluang', opportunity.kind);
    await choose(this.page, 'Sektor', opportunity.sector);
    await this.field('Judul').fill(opportunity.title);
    if (opportunity.description) await this.field('Deskripsi').fill(opportunity.description);
    if (opportunity.location) await this.field('Lokasi').fill(opportunity.location);
    await this.field('Jumlah tempat').fill(String(opportunity.places));
    if (opportunity.workHours) await this.field('Jam kerja').fill(opportunity.workHours);
    if (opportunity.partTime) await this.page.getByRole('switch', { name: 'Paruh waktu' }).check();
    let number = 0;
    for (const skill of opportunity.skills ?? []) {
      number += 1;
      await this.page.getByRole('button', { name: 'Tambah keterampilan' }).click();
      await this.field(`Keterampilan ${number}`).click();
      await this.page.getByRole('option', { name: skill.name, exact: true }).click();
      if (skill.level) await choose(this.page, `Tingkat minimal keterampilan ${number}`, skill.level);
      if (skill.essential === false) await choose(this.page, `Sifat keterampilan ${number}`, 'Opsional');
    }
  }

  async pickDate(label: 'Tanggal mulai' | 'Tanggal pendaftaran ditutup', iso: string) {
    await pickDate(this.page, label, iso);
  }

  async saveDraft() {
    await this.page.getByRole('button', { name: 'Simpan draf' }).click();
  }

  async saveAndOpen() {
    await this.page.getByRole('button', { name: 'Simpan dan buka' }).click();
  }

  async messageOf(label: string): Promise<string> {
    return describedBy(this.page, this.field(label));
  }

  async isInvalid(label: string): Promise<boolean> {
    return (await this.field(label).getAttribute('aria-invalid')) === 'true';
  }
}

/** One opportunity's page (/peluang/:id): facts, status actions, restrictions, pipeline and proposals. */
export class OpportunityPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(id: string) {
    await this.page.goto(`${this.baseUrl}/peluang/${id}`);
  }

  heading(title: string) {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  /** The id in the address (after "Simpan" the form moves here). */
  id(): string {
    return new URL(this.page.url()).pathname.split('/')[2] ?? '';
  }

  /** The status as the overview says it ("Draf", "Dibuka", "Terisi penuh", "Ditutup"). */
  async status(): Promise<string> {
    const overview = this.page.getByRole('region', { name: 'Ringkasan' });
    const field = overview.getByText('Status', { exact: true }).locator('..');
    return ((await field.locator('.mantine-Badge-root').first().textContent()) ?? '').trim();
  }

  /** "2 dari 3 tempat terisi" and "sisa 1" (or "penuh"), as the overview reads them. */
  async places(): Promise<string> {
    const overview = this.page.getByRole('region', { name: 'Ringkasan' });
    return (
      (await overview
        .getByText(/tempat terisi/)
        .first()
        .textContent()) ?? ''
    ).trim();
  }

  async placesLeft(): Promise<string> {
    const overview = this.page.getByRole('region', { name: 'Ringkasan' });
    return (
      (await overview
        .getByText(/^(sisa \d+|penuh)$/)
        .first()
        .textContent()) ?? ''
    ).trim();
  }

  statusButton(action: 'Buka' | 'Tutup' | 'Buka kembali') {
    return this.page.getByRole('button', { name: action, exact: true });
  }

  /** "Buka" confirmed in its dialog; waits for the dialog to close. */
  async openForProposals() {
    await this.statusButton('Buka').click();
    const dialog = this.page.getByRole('dialog', { name: 'Buka peluang ini?' });
    await dialog.getByRole('button', { name: 'Buka peluang' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  restrictions() {
    return this.page.getByRole('heading', { name: /^Pembatasan/ });
  }

  skills() {
    return this.page.getByRole('region', { name: 'Keterampilan yang dibutuhkan' });
  }

  pipeline() {
    return new Pipeline(this.page, this.page.getByRole('region', { name: 'Penempatan', exact: true }));
  }

  proposeButton() {
    return this.page.getByRole('button', { name: 'Usulkan warga' });
  }

  /** The proposal's note field (its description says who will read it). */
  proposalNote(dialog: Locator) {
    return byLabel(dialog, 'Catatan');
  }

  /** "Usulkan warga": finds her by name, picks her option (name and registration number), proposes. */
  async propose(person: { name: string; registrationNumber: string }, note?: string) {
    await this.proposeButton().click();
    const dialog = this.page.getByRole('dialog', { name: 'Usulkan warga binaan' });
    await byLabel(dialog, 'Warga binaan').fill(person.name);
    await this.page
      .getByRole('option', { name: new RegExp(escapeRegExp(`(${person.registrationNumber})`)) })
      .click();
    if (note) await this.proposalNote(dialog).fill(note);
    await dialog.getByRole('button', { name: 'Usulkan', exact: true }).click();
    return dialog;
  }
}

const STAGES = {
  proposed: 'Diusulkan',
  contacted: 'Mitra dihubungi',
  interview: 'Wawancara',
  offered: 'Ditawari',
  placed: 'Ditempatkan',
  ended: 'Selesai',
  unsuccessful: 'Tidak berhasil',
} as const;
export type StageName = (typeof STAGES)[keyof typeof STAGES];

/** A placement pipeline (the board at /penempatan, or an opportunity's, kelurahan's or partner's section). */
export class Pipeline {
  readonly page: Page;
  readonly scope: Locator;

  constructor(page: Page, scope: Locator) {
    this.page = page;
    this.scope = scope;
  }

  /** A stage's column (or group on a phone), by its heading "Ditempatkan (2)". */
  column(stage: StageName): Locator {
    return this.scope.locator('section').filter({
      has: this.page.getByRole('heading', { name: new RegExp(`^${escapeRegExp(stage)} \\(\\d+\\)$`) }),
    });
  }

  /** The cards of a stage (each is a list item). */
  cards(stage: StageName): Locator {
    return this.column(stage).getByRole('listitem');
  }

  /** Every card shown, whatever its stage. */
  allCards(): Locator {
    return this.scope.locator('[data-placement-id]');
  }

  /** The number in a stage's heading. */
  async count(stage: StageName): Promise<number> {
    const heading = this.column(stage).getByRole('heading').first();
    const match = ((await heading.textContent()) ?? '').match(/\((\d+)\)$/);
    return Number(match?.[1] ?? Number.NaN);
  }

  /** "Catat langkah" on the card named by `cardName` ("Catat langkah: <name>, <opportunity>"), the stage chosen. */
  async openStep(cardName: string | RegExp, stage: StageName) {
    const name =
      typeof cardName === 'string' ? new RegExp(`^Catat langkah: ${escapeRegExp(cardName)}`) : cardName;
    await this.scope.getByRole('button', { name }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Langkah berikutnya' });
    await dialog.getByRole('radio', { name: stage, exact: true }).check();
    return dialog;
  }

  /** The step dialog's note field (its description says who will read it). */
  noteField(dialog: Locator) {
    return byLabel(dialog, 'Catatan');
  }

  /** Keeps today's date, writes the note, saves. Returns the dialog (closed when saved, open when refused). */
  async recordStep(cardName: string | RegExp, stage: StageName, note?: string) {
    const dialog = await this.openStep(cardName, stage);
    if (note) await this.noteField(dialog).fill(note);
    await dialog.getByRole('button', { name: 'Simpan langkah' }).click();
    return dialog;
  }

  /** recordStep, then waits for the dialog to close and the notification; fails with a refusal's text. */
  async advance(cardName: string | RegExp, stage: StageName, note?: string) {
    const dialog = await this.recordStep(cardName, stage, note);
    const refused = dialog.locator('[aria-invalid="true"], [role="alert"]');
    await Promise.race([dialog.waitFor({ state: 'detached' }), refused.first().waitFor()]);
    if ((await dialog.count()) > 0) throw new Error(`step refused: ${await dialog.textContent()}`);
    await notification(this.page, `Langkah dicatat: ${stage}.`).first().waitFor();
  }
}

/** /penempatan: the board of every placement the caller follows, with its filters. */
export class PlacementBoardPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Penempatan' });
  }

  async open(query = '') {
    await this.page.goto(`${this.baseUrl}/penempatan${query}`);
    await this.heading().waitFor();
  }

  pipeline() {
    return new Pipeline(this.page, this.page.locator('[data-placement-pipeline]'));
  }

  async filterOpportunity(option: string | RegExp) {
    await choose(this.page, 'Peluang', option);
  }
}

/** /peluang: the opportunities the user may see, with filters in the address. */
export class OpportunityListPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Peluang' });
  }

  async open(query = '') {
    await this.page.goto(`${this.baseUrl}/peluang${query}`);
    await this.heading().waitFor();
  }

  /** The table (wide) or the card list (narrow), both named "Peluang". */
  list() {
    return this.page.getByRole('main').getByLabel('Peluang', { exact: true }).last();
  }

  async search(text: string) {
    await this.page.getByLabel('Cari peluang', { exact: true }).fill(text);
  }

  /** The titles listed (links to /peluang/:id). */
  async titles(): Promise<string[]> {
    const links = this.page.getByRole('main').locator('[data-opportunity-id] a[href^="/peluang/"]');
    return (await links.allInnerTexts()).map((text) => text.trim());
  }

  /** The partners named on the rows (links to /mitra/:id). */
  async partners(): Promise<string[]> {
    const links = this.page.getByRole('main').locator('[data-opportunity-id] a[href^="/mitra/"]');
    return (await links.allInnerTexts()).map((text) => text.trim());
  }
}

/** /peluang/impor: partners or opportunities from a spreadsheet, in the people import's steps. */
export class OpportunityImportPage extends ImportPage {
  override heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Impor mitra dan peluang' });
  }

  override async open() {
    await this.page.goto(`${this.baseUrl}/peluang/impor`);
    await this.heading().waitFor();
  }
}

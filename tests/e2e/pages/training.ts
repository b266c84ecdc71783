import type { Locator, Page } from 'playwright-core';
import { byLabel, choose, describedBy, pickDate as pickInCalendar } from './people.ts';

// Page objects of the training section: the waitlist (/pelatihan/antrean), the cohort form
// (/pelatihan/angkatan/baru), the cohort page with its tabs (roster and allocation, schedule, the attendance
// grid and its recording dialog, results and certificates) and the training tab of a person's page.
// Indonesian, as the officers and instructors read them.

const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

/** 'yyyy-mm-dd' → 'dd/mm/yyyy', as the app shows dates. */
export function shown(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** 'yyyy-mm-dd' plus a number of days (calendar arithmetic, no time zone involved). */
export function plusDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The Indonesian weekday of a 'yyyy-mm-dd' date, as the schedule's "Hari" select names it. */
export function weekdayName(iso: string): string {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return WEEKDAYS[(day + 6) % 7] as string;
}

/**
 * Picks a date through the field's calendar, then waits until the calendar has closed: a second date
 * picked at once would otherwise find the closing calendar's controls.
 */
export async function pickDate(page: Page, label: string, iso: string, scope: Page | Locator = page) {
  await pickInCalendar(page, label, iso, scope);
  await page.locator('[class*="calendarHeaderLevel"]:visible').first().waitFor({ state: 'detached' });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The waitlist (/pelatihan/antrean): requests and referrals for programs. */
export class WaitlistPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Antrean pelatihan' });
  }

  /** "Tambah permintaan": finds her by name, picks the option with her registration number. */
  async addRequest(request: {
    name: string;
    registrationNumber: string;
    program: string;
    source: 'Permintaan sendiri' | 'Rujukan petugas';
    note?: string;
  }) {
    await this.page.getByRole('button', { name: 'Tambah permintaan' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah permintaan pelatihan' });
    await byLabel(dialog, 'Warga binaan').fill(request.name);
    await this.page
      .getByRole('option', { name: new RegExp(escapeRegExp(`(${request.registrationNumber})`)) })
      .click();
    await choose(this.page, 'Program pelatihan', request.program, dialog);
    await dialog.getByRole('radio', { name: request.source }).check();
    if (request.note) await byLabel(dialog, 'Catatan').fill(request.note);
    await dialog.getByRole('button', { name: 'Simpan permintaan' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

/** The cohort form (/pelatihan/angkatan/baru?program=…). */
export class CohortFormPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Angkatan baru' });
  }

  field(label: string) {
    return byLabel(this.page, label);
  }

  async pickDate(label: 'Tanggal mulai' | 'Tanggal selesai', iso: string) {
    await pickDate(this.page, label, iso);
  }

  /** One weekly slot of the schedule ("Jadwal N"): weekday and hours. */
  async setSlot(number: number, slot: { weekday: string; start: string; end: string }) {
    const row = this.page.getByRole('group', { name: `Jadwal ${number}` });
    await choose(this.page, 'Hari', slot.weekday, row);
    await byLabel(row, 'Jam mulai').fill(slot.start);
    await byLabel(row, 'Jam selesai').fill(slot.end);
  }

  /** The preview of the sessions the schedule gives ("Jadwal ini menghasilkan 2 sesi …"). */
  preview() {
    return this.page.getByRole('status').filter({ hasText: /Jadwal ini|Isi tanggal/ });
  }

  async instructorName(name: string) {
    await this.page.getByRole('radio', { name: 'Nama lain (tanpa akun)' }).check();
    await this.field('Nama instruktur').fill(name);
    await this.page.keyboard.press('Escape');
  }

  async save() {
    await this.page.getByRole('button', { name: 'Simpan angkatan' }).click();
  }

  async messageOf(label: string): Promise<string> {
    return describedBy(this.page, this.field(label));
  }

  async isInvalid(label: string): Promise<boolean> {
    return (await this.field(label).getAttribute('aria-invalid')) === 'true';
  }
}

/** One cohort's page (/pelatihan/angkatan/:id) with its tabs and status actions. */
export class CohortPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name });
  }

  tabs() {
    return this.page.getByRole('tablist', { name: 'Bagian angkatan' }).getByRole('tab');
  }

  async openTab(name: 'Ringkasan' | 'Peserta' | 'Jadwal' | 'Absensi' | 'Hasil') {
    await this.page.getByRole('tab', { name, exact: true }).click();
    await this.page.getByRole('tabpanel').waitFor();
  }

  /** A status step ("Mulai", "Selesaikan"…), confirmed in its dialog; waits until the dialog is gone. */
  async changeStatus(action: 'Buka pendaftaran' | 'Mulai' | 'Selesaikan', dialogTitle: string) {
    await this.page.getByRole('button', { name: action, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: dialogTitle });
    await dialog.getByRole('button', { name: action, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** Links to person records on the page's main area (the roster of a prison officer has them). */
  personLinks() {
    return this.page.locator('main a[href^="/warga/"]');
  }
}

/** "Alokasikan dari antrean": choose, check suitability, override warnings with a reason, allocate. */
export class AllocateDialog {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  dialog() {
    return this.page.getByRole('dialog', { name: 'Alokasikan dari antrean' });
  }

  async open() {
    await this.page.getByRole('button', { name: 'Alokasikan dari antrean' }).click();
    await this.dialog().waitFor();
  }

  async choose(names: string[]) {
    const dialog = this.dialog();
    for (const name of names) await dialog.getByRole('checkbox', { name: `Pilih ${name}` }).check();
  }

  async check(count: number) {
    await this.dialog()
      .getByRole('button', { name: `Periksa kesesuaian (${count})` })
      .click();
  }

  /** Her card in the check step (named after her). */
  card(name: string): Locator {
    return this.dialog().getByRole('region', { name, exact: true });
  }

  overrideReason(name: string): Locator {
    return this.dialog().getByLabel(`Alasan mengabaikan peringatan untuk ${name}`, { exact: true });
  }

  async allocate(count: number) {
    await this.dialog()
      .getByRole('button', { name: `Alokasikan (${count})` })
      .click();
    await this.dialog().getByRole('status').filter({ hasText: 'orang dialokasikan' }).waitFor();
  }

  async close() {
    await this.dialog().getByRole('button', { name: 'Selesai', exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }
}

/** The attendance tab: the grid (people × sessions), its session headings, and "Catat absensi". */
export class AttendanceTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  grid() {
    return this.page.getByRole('region', { name: 'Tabel absensi (geser ke samping untuk sesi lain)' });
  }

  /**
   * The heading button of a session ("Kam 19/11: sesi Kamis 19/11/2026, 13:00–16:00, …"), by its date and,
   * when a day has more than one, its start time.
   */
  sessionButton(iso: string, start = ''): Locator {
    return this.grid().getByRole('button', {
      name: new RegExp(`: sesi \\S+ ${escapeRegExp(`${shown(iso)}, ${start}`)}`),
    });
  }

  /** The labels of every session heading, in the grid's order. */
  async sessionLabels(): Promise<string[]> {
    const buttons = await this.grid().locator('thead').getByRole('button').all();
    return Promise.all(buttons.map(async (button) => (await button.getAttribute('aria-label')) ?? ''));
  }

  /** The letter shown for her on a session (H, S, P…; '' when nothing is recorded). */
  async mark(name: string, iso: string, start = ''): Promise<string> {
    const labels = await this.sessionLabels();
    const column = labels.findIndex((label) => label.includes(` ${shown(iso)}, ${start}`));
    if (column < 0) throw new Error(`no session on ${iso} ${start} in the grid`);
    const row = this.grid()
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader').filter({ hasText: name }) });
    const cell = row.locator('td').nth(column);
    return ((await cell.locator('[aria-hidden="true"]').textContent()) ?? '').trim();
  }

  /** Her line in the grid ("50% hadir (1/2)"). */
  async personRate(name: string): Promise<string> {
    const header = this.grid().getByRole('rowheader').filter({ hasText: name });
    return ((await header.textContent()) ?? '').replace(name, '').trim();
  }

  cohortRate() {
    return this.page.getByText(/^Kehadiran angkatan: /);
  }

  recordButton() {
    return this.page.getByRole('button', { name: 'Catat absensi', exact: true });
  }

  /** Opens a session's heading and the recording from there. */
  async recordFromHeading(
    action: 'Catat absensi sesi ini' | 'Ubah absensi sesi ini',
    iso: string,
    start = '',
  ) {
    await this.sessionButton(iso, start).click();
    await this.page.getByRole('button', { name: action }).click();
    const dialog = new RecordAttendanceDialog(this.page);
    await dialog.dialog().waitFor();
    return dialog;
  }

  async recordNext() {
    await this.recordButton().click();
    const dialog = new RecordAttendanceDialog(this.page);
    await dialog.dialog().waitFor();
    return dialog;
  }
}

/** "Catat absensi": everyone present, then the exceptions; one save. */
export class RecordAttendanceDialog {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  dialog() {
    return this.page.getByRole('dialog', { name: 'Catat absensi' });
  }

  /** The session chosen, as the select shows it ("Sesi Kamis 19/11/2026, 13:00–16:00 · …"). */
  async session(): Promise<string> {
    return this.dialog().getByLabel('Sesi', { exact: true }).inputValue();
  }

  absentToggle(name: string) {
    return this.dialog().getByRole('checkbox', { name: `Tandai tidak hadir: ${name}` });
  }

  /** The names on the list, in order. */
  async names(): Promise<string[]> {
    const toggles = await this.dialog()
      .getByRole('checkbox', { name: /^Tandai tidak hadir: / })
      .all();
    const labels = await Promise.all(toggles.map((toggle) => toggle.getAttribute('aria-label')));
    return labels.map((label) => (label ?? '').replace('Tandai tidak hadir: ', ''));
  }

  async markAbsent(name: string, reason: string, note?: string) {
    await this.absentToggle(name).click();
    await this.dialog()
      .getByRole('radiogroup', { name: `Alasan tidak hadir: ${name}` })
      .getByText(reason, { exact: true })
      .click();
    if (note) await this.dialog().getByLabel(`Keterangan untuk ${name}`, { exact: true }).fill(note);
  }

  counts() {
    return this.dialog().getByText(/^\d+ hadir, \d+ tidak hadir$/);
  }

  /** Saves; a refusal shown in the dialog fails with its text instead of a bare timeout. */
  async save() {
    await this.dialog().getByRole('button', { name: 'Simpan absensi' }).click();
    const refused = this.dialog().getByRole('alert');
    await Promise.race([this.dialog().waitFor({ state: 'detached' }), refused.waitFor()]);
    if ((await this.dialog().count()) > 0 && (await refused.count()) > 0)
      throw new Error(`attendance refused: ${await refused.textContent()}`);
  }
}

/** The results tab: competency results per person and unit, and the certificates. */
export class ResultsTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  table() {
    return this.page.getByRole('region', {
      name: 'Tabel hasil uji per unit kompetensi (geser ke samping untuk unit lain)',
    });
  }

  row(name: string) {
    return this.table()
      .locator('tbody tr')
      .filter({ has: this.page.getByRole('rowheader').filter({ hasText: name }) });
  }

  /** "Catat hasil uji: <nama>": every unit competent, one assessor and date for all rows, saved. */
  async recordAllCompetent(name: string, assessor: string, date: string) {
    await this.page.getByRole('button', { name: `Catat hasil uji: ${name}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: `Catat hasil uji: ${name}` });
    await dialog.getByRole('button', { name: 'Tandai semua kompeten' }).click();
    await dialog.getByLabel('Penguji (semua baris)').fill(assessor);
    await pickDate(this.page, 'Tanggal uji (semua baris)', date, dialog);
    await dialog.getByRole('button', { name: 'Terapkan ke semua baris' }).click();
    await dialog.getByRole('button', { name: 'Simpan hasil' }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  certificateDialog(name: string) {
    return this.page.getByRole('dialog', { name: `Tambah sertifikat: ${name}` });
  }

  /** "Tambah sertifikat: <nama>" filled and submitted; returns the dialog (still open if refused). */
  async addCertificate(name: string, certificate: { number: string; issuer?: string; issuedOn: string }) {
    await this.page.getByRole('button', { name: `Tambah sertifikat: ${name}`, exact: true }).click();
    const dialog = this.certificateDialog(name);
    await byLabel(dialog, 'Nomor sertifikat').fill(certificate.number);
    if (certificate.issuer) await byLabel(dialog, 'Penerbit').fill(certificate.issuer);
    await pickDate(this.page, 'Tanggal terbit', certificate.issuedOn, dialog);
    await dialog.getByRole('button', { name: 'Simpan sertifikat' }).click();
    return dialog;
  }

  certificates() {
    return this.page.getByRole('region', { name: 'Daftar sertifikat' });
  }
}

/** The training tab of a person's page (/warga/:id?tab=pelatihan). */
export class PersonTrainingTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  skills() {
    return this.page.getByRole('region', { name: 'Keterampilan', exact: true });
  }

  /** The card of one skill, by its name. */
  skill(name: string): Locator {
    return this.skills()
      .getByRole('listitem')
      .filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** The history section (its table is a region of the same name inside it). */
  history() {
    return this.page.getByRole('region', { name: 'Riwayat pelatihan' }).first();
  }
}

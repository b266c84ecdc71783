import type { Locator, Page } from 'playwright-core';
import { byLabel, choose } from './people.ts';

// Page objects of release and after (issue 7): the pre-release dashboard, the plan tab, the handover
// section and list, the PK's caseload and visit form on a phone, outcome checks, the cohort view, tasks and
// notifications. Indonesian, as prison staff, Bapas heads and PKs read them.

/** GETs an API path from inside the signed-in page (its session cookie) and returns the JSON. */
export async function apiGet<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (path) => {
    const response = await fetch(path, { credentials: 'same-origin' });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    return response.json();
  }, path) as Promise<T>;
}

/**
 * While the device is offline the browser logs every failed request as a console error; those are the
 * point of the offline step, not defects. Replaces the page's console check with one that lets them pass
 * (every other error still fails the test).
 */
export function tolerateOfflineErrors(page: Page) {
  page.removeAllListeners('console');
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    if (/Failed to load resource: the server responded with a status of (400|401|403|404|409)/.test(text))
      return;
    if (/net::ERR_INTERNET_DISCONNECTED|net::ERR_NETWORK_CHANGED|Failed to fetch/.test(text)) return;
    console.error(`[browser] ${text}`);
  });
}

/** /menjelang-bebas: the women whose release or integration dates fall within the window. */
export class PrereleasePage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Menjelang bebas' });
  }

  async open(query = '') {
    await this.page.goto(`${this.baseUrl}/menjelang-bebas${query}`);
    await this.heading().waitFor();
  }

  /** The table (wide screens) or the cards (phones): both are named the same. */
  list() {
    return this.page.getByLabel('Warga binaan menjelang bebas', { exact: true });
  }

  rows() {
    return this.list().locator('[data-person-id]');
  }

  row(personId: string) {
    return this.list().locator(`[data-person-id="${personId}"]`);
  }

  /** Chooses a filter's option and waits for the address to carry (or drop) it. */
  async filter(label: string, option: string, address: (params: URLSearchParams) => boolean) {
    await choose(this.page, label, option, this.page.getByRole('region', { name: 'Saring daftar' }));
    await this.page.waitForURL((url) => address(url.searchParams));
  }

  personLink(name: string) {
    return this.list().getByRole('link', { name, exact: true });
  }
}

/** The person page's "Rencana reintegrasi" tab. */
export class PlanTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  empty() {
    return this.page.locator('[data-plan-empty]');
  }

  plan() {
    return this.page.locator('[data-plan]');
  }

  pathway(code: string) {
    return this.page.locator(`[data-pathway="${code}"]`);
  }

  /** Opens a pathway's panel (an accordion item) unless it is open. */
  async openPathway(code: string) {
    const control = this.pathway(code).getByRole('button').first();
    if ((await control.getAttribute('aria-expanded')) !== 'true') await control.click();
    await this.pathway(code).locator(`[data-pathway-form="${code}"]`).waitFor();
  }

  async setPathwayStatus(code: string, name: string, status: string, note: string) {
    await this.openPathway(code);
    const item = this.pathway(code);
    await choose(this.page, `Status ${name}`, status, item);
    await byLabel(item, 'Catatan').fill(note);
    await item.getByRole('button', { name: 'Simpan jalur' }).click();
  }

  history(code: string) {
    return this.pathway(code).locator('[data-history]');
  }

  async showHistory(code: string) {
    await this.pathway(code)
      .getByRole('button', { name: /^Lihat riwayat/ })
      .click();
    await this.history(code).waitFor();
  }

  /** Adds a goal with its steps to a pathway through the goal dialog. */
  async addGoal(code: string, name: string, goal: { title: string; horizon: 3 | 6 | 12; steps: string[] }) {
    await this.pathway(code)
      .getByRole('button', { name: `Tambah tujuan: ${name}` })
      .click();
    const dialog = this.page.getByRole('dialog', { name: `Tujuan baru: ${name}` });
    await byLabel(dialog, 'Tujuan').fill(goal.title);
    await dialog.getByText(`${goal.horizon} bulan`, { exact: true }).click();
    for (const [index, step] of goal.steps.entries()) {
      await dialog.getByRole('button', { name: 'Tambah langkah' }).click();
      await byLabel(dialog, `Langkah ${index + 1}`).fill(step);
    }
    return dialog;
  }

  goals(code: string) {
    return this.pathway(code).locator('[data-goal]');
  }

  printButton() {
    return this.page.getByRole('button', { name: 'Cetak PDF' });
  }
}

/** The first section of the "Serah terima & bimbingan" tab: her handover to Bapas. */
export class HandoverSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  root() {
    return this.page.locator('[data-person-handovers]');
  }

  latest() {
    return this.root().locator('[data-handover-id]').first();
  }

  sendButton() {
    return this.page.getByRole('button', { name: 'Serahkan ke Bapas' });
  }

  sendDialog() {
    return this.page.getByRole('dialog', { name: 'Serahkan ke Bapas' });
  }
}

/** /serah-terima: the handovers of the caller's organization, with the Bapas head's actions in each row. */
export class HandoverListPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Serah terima' });
  }

  list() {
    return this.page.getByLabel('Daftar serah terima', { exact: true });
  }

  row(handoverId: string) {
    return this.list().locator(`[data-handover-id="${handoverId}"]`);
  }

  /** Accepts a handover from its row, choosing the PK by (part of) her name. */
  async accept(handoverId: string, officer: string | RegExp) {
    await this.row(handoverId).getByRole('button', { name: 'Terima & tetapkan PK' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Terima serah terima' });
    await choose(this.page, 'PK', officer, dialog);
    return dialog;
  }
}

/** The notification bell in the header: its accessible name carries the unread count. */
export function notificationBell(page: Page): Locator {
  return page.locator('header a[href="/notifikasi"]');
}

/** /bimbingan: the PK's caseload as cards. */
export class CaseloadPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/bimbingan`);
    await this.list().waitFor();
  }

  list() {
    return this.page.getByRole('list', { name: 'Daftar klien' });
  }

  card(personId: string) {
    return this.list().locator(`[data-client="${personId}"]`);
  }
}

/** /bimbingan/:personId and its visit form /bimbingan/:personId/kunjungan. */
export class ClientPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  sessions() {
    return this.page.getByRole('list', { name: 'Riwayat sesi' });
  }

  escalations() {
    return this.page.getByRole('list', { name: 'Eskalasi ketidakhadiran' });
  }

  recordButton() {
    return this.page.getByRole('link', { name: 'Catat kunjungan', exact: true });
  }

  form() {
    return this.page.locator('[data-visit-form]');
  }

  /** Fills the visit form: the outcome (Hadir, Izin, Tidak hadir) and the notes; the date stays today. */
  async fillVisit(outcome: 'Hadir' | 'Izin' | 'Tidak hadir', notes?: string) {
    await this.form().locator('[data-outcome-control]').getByText(outcome, { exact: true }).click();
    if (notes !== undefined) await byLabel(this.form(), 'Catatan').fill(notes);
  }

  submit() {
    return this.page.getByRole('button', { name: 'Kirim', exact: true });
  }

  pending() {
    return this.page.locator('[data-visit-pending]');
  }
}

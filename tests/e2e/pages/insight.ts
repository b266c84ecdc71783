import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './pages.ts';
import { byLabel } from './people.ts';

// Page objects of insight (issue 9): the dashboard's tabs under /dasbor (the program figures with their
// filters, one kelurahan's figures, the monthly report) and the public page /capaian. A chart is a titled
// panel whose figures are one button away as a table and a CSV file. Indonesian, as the heads and officers
// read them; figures are written as the pages write them ("1.234", "45,5%", a hidden count "< 5").

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agt', 'Sep', 'Okt', 'Nov', 'Des'];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A count as the pages show it: grouped the Indonesian way ("1.234"); hidden (null) "< 5". */
export function countText(value: number | null): string {
  return value === null ? '< 5' : new Intl.NumberFormat('id-ID').format(value);
}

/** A percentage as the pages show it: one decimal at most ("66,7%", "100%"); one not given (null) "—". */
export function percentText(value: number | null): string {
  if (value === null) return '—';
  const text = new Intl.NumberFormat('id-ID', {
    maximumFractionDigits: 1,
    minimumFractionDigits: Number.isInteger(value) ? 0 : 1,
  }).format(value);
  return `${text}%`;
}

/** 'YYYY-MM' in words, as the month fields and titles write it: "Maret 2026". */
export function monthWords(month: string): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, mon - 1, 1)),
  );
}

/** The month `count` months after (negative: before) 'YYYY-MM'. */
export function addMonths(month: string, count: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * The rows of a table's body (or head), each cell's text as a reader sees it: the words kept for screen
 * readers only (a hidden count's "kurang dari 5 (disembunyikan)") left out.
 */
export async function tableRows(table: Locator, part: 'tbody' | 'thead' | 'tfoot' = 'tbody') {
  return table.locator(`${part} tr`).evaluateAll((rows) =>
    rows.map((row) =>
      Array.from(row.querySelectorAll('th, td')).map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        for (const hidden of copy.querySelectorAll('[class*="VisuallyHidden"]')) hidden.remove();
        return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
      }),
    ),
  );
}

/** The column headers of a table. */
export async function tableHeader(table: Locator): Promise<string[]> {
  return (await tableRows(table, 'thead'))[0] ?? [];
}

/** An element's text as a reader sees it (without the screen-reader-only words). */
export async function shownText(locator: Locator): Promise<string> {
  return locator.evaluate((element) => {
    const copy = element.cloneNode(true) as HTMLElement;
    for (const hidden of copy.querySelectorAll('[class*="VisuallyHidden"]')) hidden.remove();
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/**
 * Picks a month ('YYYY-MM') in a month field (the button named by its label): the year through the
 * calendar's arrows, then the month's short name; waits until the calendar has closed.
 */
export async function pickMonth(page: Page, label: string, month: string, scope: Page | Locator = page) {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  await scope.getByRole('button', { name: label, exact: true }).click();
  const level = page.locator('[class*="calendarHeaderLevel"]:visible').first();
  await level.waitFor();
  for (let i = 0; i < 20; i++) {
    const shownYear = Number(((await level.textContent()) ?? '').match(/\d{4}/)?.[0]);
    if (shownYear === year) break;
    await page
      .getByRole('button', { name: year < shownYear ? 'Tahun sebelumnya' : 'Tahun berikutnya' })
      .click();
  }
  await page
    .getByRole('button', { name: MONTHS_SHORT[mon - 1], exact: true })
    .and(page.locator(':visible'))
    .click();
  await level.waitFor({ state: 'detached' });
}

/** A file the browser saved: its suggested name and bytes. */
export interface Saved {
  fileName: string;
  bytes: Buffer;
}

/** Clicks what starts a download and returns the file the browser saved. */
export async function saveThrough(page: Page, trigger: Locator): Promise<Saved> {
  const saved = page.waitForEvent('download');
  await trigger.click();
  const download = await saved;
  return { fileName: download.suggestedFilename(), bytes: await readFile((await download.path()) ?? '') };
}

/**
 * GETs an address from inside the page (its session cookie, as a link does) and returns the answer's
 * status, type, disposition and bytes: what the server says about a file the page links to.
 */
export async function fetchFile(page: Page, address: string) {
  const answer = await page.evaluate(async (address) => {
    const response = await fetch(address, { credentials: 'same-origin' });
    const bytes = new Uint8Array(await response.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return {
      status: response.status,
      contentType: response.headers.get('content-type') ?? '',
      disposition: response.headers.get('content-disposition') ?? '',
      cacheControl: response.headers.get('cache-control') ?? '',
      base64: btoa(binary),
    };
  }, address);
  return { ...answer, bytes: Buffer.from(answer.base64, 'base64') };
}

/** A chart in its titled panel: the drawing, its table (one button away) and its CSV file. */
export class ChartPanel {
  readonly page: Page;
  readonly root: Locator;

  constructor(page: Page, scope: Page | Locator, title: string) {
    this.page = page;
    this.root = scope.getByRole('region', { name: title, exact: true });
  }

  /** The drawing (hidden from screen readers: its table carries the figures). */
  chart() {
    return this.root.locator('[data-chart]');
  }

  /** The figures written on the bars, in the bars' order (once the bars have grown). */
  barLabels(): Promise<string[]> {
    return this.chart().locator('svg .recharts-label').allTextContents();
  }

  /** The words shown instead of a drawing when nothing can be drawn. */
  noChart() {
    return this.root.locator('[data-no-chart]');
  }

  tableButton() {
    return this.root.getByRole('button', { name: /^(Tampilkan|Sembunyikan) tabel$/ });
  }

  /** Opens the table alternative and returns it (the table under the chart). */
  async showTable(): Promise<Locator> {
    await this.root.getByRole('button', { name: 'Tampilkan tabel', exact: true }).click();
    const table = this.root.getByRole('table');
    await table.waitFor();
    return table;
  }

  async hideTable() {
    await this.root.getByRole('button', { name: 'Sembunyikan tabel', exact: true }).click();
    await this.root.getByRole('table').waitFor({ state: 'detached' });
  }

  /** "Unduh CSV": the file the browser made from the rows shown, as text. */
  async downloadCsv(): Promise<{ fileName: string; text: string }> {
    const saved = await saveThrough(
      this.page,
      this.root.getByRole('button', { name: 'Unduh CSV', exact: true }),
    );
    return { fileName: saved.fileName, text: saved.bytes.toString('utf8') };
  }
}

/**
 * The CSV's lines, each split into its cells (no quoted separators in the files read here), BOM removed.
 * The pages are read in Indonesian, whose files separate fields with `;` (as Excel there expects).
 */
export function csvLines(text: string, separator = ';'): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(separator));
}

/** /dasbor and its tabs, reached from the main navigation ("Dasbor"). */
export class InsightSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens "Dasbor" from the navigation, then one of its tabs. */
  async open(tab?: 'Program' | 'Kelurahan' | 'Laporan bulanan') {
    await new AppShell(this.page).go('Dasbor');
    await this.heading().waitFor();
    if (tab) await this.tab(tab).click();
  }

  /** The tabs' own pages carry the section's h1. */
  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Dasbor program' });
  }

  tabs() {
    return this.page.getByRole('tablist', { name: 'Bagian dasbor' });
  }

  tab(name: string) {
    return this.tabs().getByRole('tab', { name, exact: true });
  }
}

/** /dasbor: the filters (kept in the address), the scope line and the groups of figures. */
export class DashboardPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  root() {
    return this.page.getByTestId('dashboard');
  }

  filters() {
    return this.page.getByRole('search', { name: 'Saring angka dasbor' });
  }

  /** "Cakupan: Seluruh program · Juni 2026 – Oktober 2026". */
  scope() {
    return this.page.getByTestId('dashboard-scope');
  }

  /** Waits for the figures of the filters asked for (no request running). */
  async settled() {
    await this.page.locator('[data-testid="dashboard"][aria-busy="false"]').waitFor();
  }

  monthField(label: 'Dari bulan' | 'Sampai bulan') {
    return this.filters().getByRole('button', { name: label, exact: true });
  }

  async pickMonth(label: 'Dari bulan' | 'Sampai bulan', month: string) {
    await pickMonth(this.page, label, month, this.filters());
  }

  villageField() {
    return byLabel(this.filters(), 'Kelurahan');
  }

  organizationField() {
    return byLabel(this.filters(), 'Organisasi');
  }

  async chooseVillage(name: string) {
    await this.villageField().click();
    await this.villageField().fill(name);
    await this.page
      .getByRole('option', { name: new RegExp(escapeRegExp(name)) })
      .first()
      .click();
  }

  async chooseOrganization(name: string) {
    await this.organizationField().click();
    await this.organizationField().fill(name);
    await this.page
      .getByRole('option', { name: new RegExp(escapeRegExp(name)) })
      .first()
      .click();
  }

  /** A group of figures (an h2 section): "Saat ini", "Alur program", "Pelatihan", … */
  group(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  /** One figure of "Saat ini" (in_custody, in_training, pre_release, under_supervision, placed). */
  nowCard(figure: string) {
    return this.page.getByTestId(`now-${figure}`);
  }

  panel(title: string, scope?: Locator) {
    return new ChartPanel(this.page, scope ?? this.root(), title);
  }

  /** The outcomes by release quarter, always shown as a table. */
  outcomesTable() {
    return this.group('Hasil menurut angkatan bebas').getByRole('table', {
      name: 'Bekerja dan kembali ditahan, per angkatan bebas',
    });
  }

  smallCountsNote() {
    return this.page.getByRole('alert').filter({ hasText: 'Angka kecil disembunyikan' });
  }
}

/** /dasbor/kelurahan/:id: one kelurahan's people, opportunities and sectors. */
export class VillageInsightPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  root() {
    return this.page.getByTestId('village-insight');
  }

  /** A figure card: intended, upcoming, supervision, working, placed. */
  stat(name: 'intended' | 'upcoming' | 'supervision' | 'working' | 'placed') {
    return this.page.getByTestId(`stat-${name}`);
  }

  group(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  panel(title: string) {
    return new ChartPanel(this.page, this.root(), title);
  }

  opportunities() {
    return this.page.getByRole('region', { name: 'Peluang kerja di kelurahan ini' }).getByRole('table');
  }

  horizon() {
    return this.page.getByRole('radiogroup', { name: 'Perempuan yang segera bebas dalam' });
  }
}

/** /dasbor/laporan-bulanan: the organization (program users) and month, the preview and its files. */
export class MonthlyReportPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  controls() {
    return this.page.getByRole('search', { name: 'Pilih laporan' });
  }

  monthField() {
    return this.controls().getByRole('button', { name: 'Bulan', exact: true });
  }

  async pickMonth(month: string) {
    await pickMonth(this.page, 'Bulan', month, this.controls());
  }

  organizationField() {
    return byLabel(this.controls(), 'Organisasi');
  }

  async chooseOrganization(name: string) {
    await this.organizationField().click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** The report as the page shows it: an article named by its title. */
  report() {
    return this.page.getByTestId('report-preview');
  }

  /** "Laporan bulanan <organization> — <Bulan tahun>". */
  heading(organization: string, month: string) {
    return this.page.getByRole('heading', {
      level: 2,
      name: `Laporan bulanan ${organization} — ${monthWords(month)}`,
      exact: true,
    });
  }

  /** A table of the preview by its caption. */
  table(caption: string) {
    return this.report().getByRole('table', { name: caption, exact: true });
  }

  panel(title: string) {
    return new ChartPanel(this.page, this.report(), title);
  }

  fileLink(name: 'Unduh PDF' | 'Unduh Excel') {
    return this.report()
      .getByRole('region', { name: 'Unduh laporan' })
      .getByRole('link', { name, exact: true });
  }
}

/** /capaian: the program's figures for anyone, without signing in. */
export class PublicFiguresPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/capaian`);
    await this.asOf().waitFor();
  }

  heading(name: string) {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** "Data per dd/mm/yyyy · …". */
  asOf() {
    return this.page.getByTestId('public-as-of');
  }

  section(title: string) {
    return this.page.getByRole('region', { name: title, exact: true });
  }

  panel(title: string) {
    return new ChartPanel(this.page, this.page.getByRole('main'), title);
  }

  outcomesTable() {
    return this.page.getByRole('table', { name: 'Tabel hasil menurut tahun bebas' });
  }

  signInButton() {
    return this.page.getByRole('banner').getByRole('link', { name: 'Masuk', exact: true });
  }
}

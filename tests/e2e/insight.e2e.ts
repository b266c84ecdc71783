import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { BAPAS_ID, LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import type { DashboardResponse, VillageInsightResponse } from '../../src/shared/insight.ts';
import { type MonthlyReport, reportFileName } from '../../src/shared/insightReport.ts';
import type { PublicFigures } from '../../src/shared/publicFigures.ts';
import { dashboardId } from '../../src/web/lib/i18n/insight/dashboard.id.ts';
import { publicId } from '../../src/web/lib/i18n/insight/public.id.ts';
import { reportId } from '../../src/web/lib/i18n/insight/report.id.ts';
import { peopleId } from '../../src/web/lib/i18n/people/id.ts';
import { apiCall, keepDocument } from './pages/governance.ts';
import {
  addMonths,
  countText,
  csvLines,
  DashboardPage,
  fetchFile,
  InsightSection,
  MonthlyReportPage,
  monthWords,
  PublicFiguresPage,
  percentText,
  saveThrough,
  shownText,
  tableHeader,
  tableRows,
  VillageInsightPage,
} from './pages/insight.ts';
import { shown } from './pages/training.ts';
import { horizontalOverflow, signInAs } from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// Insight in the browser, on the demo data (issue 9): the prison's head reads the whole program on the
// dashboard, narrows it to a period and a kelurahan (kept in the address), and takes a chart's figures as a
// table and a CSV file (audited); a kelurahan's officer sees only her own scope, small counts hidden, and
// her kelurahan's own view; the prison's officer prints the monthly report as PDF and Excel (audited); anyone
// reads the public page without signing in; the dashboard and the public page fit a phone. The demo data may
// grow: the journeys check what the pages show against the API's answer and the relations between figures
// (nested funnel stages, table = chart = API, "< 5" exactly where the answer hides a count), not fixed numbers.

const journey = journeyHooks();
/** A fresh page whose server errors (5xx) are named with their request, so a failure says which call broke. */
async function newPage(options: { width?: number; height?: number } = {}) {
  const page = await journey.newPage(options);
  page.on('response', (response) => {
    if (response.status() >= 500)
      console.error(`[server] ${response.status()} ${response.request().method()} ${response.url()}`);
  });
  return page;
}
const base = () => journey.server.baseUrl;
const db = () => journey.server.database.db;

const LAPAS = 'Lapas Perempuan Kelas IIA Semarang';
const BAPAS = 'Balai Pemasyarakatan Kelas I Semarang';
const KROBOKAN = 'Kelurahan Krobokan';

const STAGE = dashboardId.funnel.stage;
const SECTOR = peopleId.vocab.sector;

async function villageId(name: string) {
  const row = await db()
    .selectFrom('organization')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** GETs the API from inside the signed-in page and fails unless it answers 200. */
async function apiGet<T>(page: Parameters<typeof apiCall>[0], address: string): Promise<T> {
  const answer = await apiCall<T>(page, 'GET', address);
  expect(answer.status, `GET ${address}`).toBe(200);
  return answer.body;
}

/** Each stage of a nested funnel holds no more people than the one before (where both are shown). */
function expectNested(funnel: { count: number | null }[]) {
  for (let i = 1; i < funnel.length; i++) {
    const [before, after] = [funnel[i - 1]?.count ?? null, funnel[i]?.count ?? null];
    if (before !== null && after !== null) expect(after).toBeLessThanOrEqual(before);
  }
}

/** The funnel's table as the dashboard must show it for an answer. */
function funnelTable(data: DashboardResponse) {
  return data.funnel.map((step) => [
    STAGE[step.stage],
    countText(step.count),
    percentText(step.conversion),
    percentText(step.shareOfFirst),
  ]);
}

/** The audit entries of an action by a user, oldest first. */
async function audited(username: string, action: string) {
  return db()
    .selectFrom('audit_log')
    .select(['details', 'subject_organization_id'])
    .where('actor_username', '=', username)
    .where('action', '=', action)
    .orderBy('at')
    .execute();
}

describe('the program dashboard', () => {
  it('the prison’s head opens it from the navigation, filters a period and a kelurahan kept in the address, and takes a chart as a table and a CSV (audited)', async () => {
    const thisMonth = jakartaToday().slice(0, 7);
    const krobokan = await villageId(KROBOKAN);
    const page = await newPage();
    await signInAs(page, base(), 'kalapas');
    const section = new InsightSection(page);
    await section.open();
    expect(new URL(page.url()).pathname).toBe('/dasbor');
    expect(await section.tab('Program').getAttribute('aria-selected')).toBe('true');
    const dashboard = new DashboardPage(page);
    await dashboard.root().waitFor();
    await dashboard.settled();

    // The whole program over the default period: the 12 months ending this month.
    const program = await apiGet<DashboardResponse>(page, '/api/insight/dashboard');
    expect(program.filters).toMatchObject({
      scope: 'program',
      to: thisMonth,
      from: addMonths(thisMonth, -11),
    });
    expect(program.smallCountsHidden).toBe(false);
    expect(await dashboard.scope().textContent()).toBe(
      `Cakupan: Seluruh program · ${monthWords(addMonths(thisMonth, -11))} – ${monthWords(thisMonth)}`,
    );
    expect(await dashboard.monthField('Dari bulan').textContent()).toBe(
      monthWords(addMonths(thisMonth, -11)),
    );
    expect(await dashboard.monthField('Sampai bulan').textContent()).toBe(monthWords(thisMonth));
    await dashboard.organizationField().waitFor();
    expect(await dashboard.smallCountsNote().count()).toBe(0);

    // Every group with its figures.
    for (const title of [
      'Saat ini',
      'Alur program',
      'Pelatihan',
      'Penempatan kerja',
      'Hasil menurut angkatan bebas',
      'Tata kelola',
    ])
      await dashboard.group(title).waitFor();
    for (const now of program.now)
      expect(await shownText(dashboard.nowCard(now.figure))).toContain(countText(now.count));
    expect(program.funnel.map((step) => step.stage)).toEqual(Object.keys(STAGE));
    expect(program.funnel[0]?.count ?? 0).toBeGreaterThan(0);
    expectNested(program.funnel);
    const training = await shownText(dashboard.group('Pelatihan'));
    expect(training).toContain(`Angkatan berjalan${countText(program.training.cohortsRunning)}`);
    expect(training).toContain(percentText(program.training.attendanceRate));
    expect(await shownText(dashboard.group('Penempatan kerja'))).toContain(
      `Penempatan yang terjadi dalam periode: ${countText(program.placements.total)} penempatan.`,
    );
    const outcomes = await tableRows(dashboard.outcomesTable());
    expect(outcomes.map((row) => [row[0], row[1]])).toEqual(
      program.outcomes.cohorts.map((cohort) => {
        const [year, quarter] = cohort.cohort.split('-Q');
        return [`Triwulan ${quarter} ${year}`, countText(cohort.size)];
      }),
    );
    const governance = dashboard.group('Tata kelola');
    for (const title of [
      'Kesepakatan yang segera berakhir',
      'Target dan capaian program teknis',
      'Tindak lanjut rapat menurut organisasi',
    ])
      await governance.getByRole('region', { name: title, exact: true }).waitFor();
    expect(await shownText(governance)).toContain(
      `${program.governance.overdueTotal} terlambat dari ${program.governance.openTotal} yang terbuka`,
    );
    await expectAccessible(page, 'the program dashboard');

    // The five months before this one, in Krobokan: the filters go into the address.
    const to = addMonths(thisMonth, -1);
    const from = addMonths(thisMonth, -5);
    await dashboard.pickMonth('Sampai bulan', to);
    await dashboard.pickMonth('Dari bulan', from);
    await dashboard.chooseVillage('Krobokan');
    await page.waitForURL((url) => url.searchParams.get('kelurahan') === krobokan);
    const address = new URL(page.url());
    expect(address.pathname).toBe('/dasbor');
    expect([address.searchParams.get('dari'), address.searchParams.get('sampai')]).toEqual([from, to]);
    const scope = `Cakupan: Seluruh program · ${monthWords(from)} – ${monthWords(to)}`;
    await expect.poll(() => dashboard.scope().textContent()).toBe(scope);
    await dashboard.settled();
    const filtered = await apiGet<DashboardResponse>(
      page,
      `/api/insight/dashboard?from=${from}&to=${to}&villageId=${krobokan}`,
    );
    expect(filtered.filters).toMatchObject({ from, to, village: { id: krobokan, name: KROBOKAN } });
    // A period that has ended is counted as of its last day.
    expect(filtered.asOf).toBe(filtered.filters.periodEnd);
    expectNested(filtered.funnel);
    // The kelurahan's people are some of the program's over the same period.
    const samePeriod = await apiGet<DashboardResponse>(page, `/api/insight/dashboard?from=${from}&to=${to}`);
    for (const [index, step] of filtered.funnel.entries())
      expect(step.count ?? 0).toBeLessThanOrEqual(samePeriod.funnel[index]?.count ?? 0);

    // Each view is audited with its filters.
    expect((await audited('kalapas', 'insight.dashboard_viewed')).map((row) => row.details)).toContainEqual({
      from,
      to,
      organizationId: null,
      villageId: krobokan,
    });

    // A reload keeps the filters and the figures.
    await page.reload();
    await dashboard.root().waitFor();
    await dashboard.settled();
    expect(await dashboard.scope().textContent()).toBe(scope);
    expect(await dashboard.monthField('Dari bulan').textContent()).toBe(monthWords(from));
    expect(await dashboard.monthField('Sampai bulan').textContent()).toBe(monthWords(to));
    await expect.poll(() => dashboard.villageField().inputValue()).toContain('Krobokan');

    // The funnel's table alternative: a real table with the answer's figures.
    const funnel = dashboard.panel('Alur program');
    expect(filtered.funnel[0]?.count ?? 0).toBeGreaterThan(0);
    await funnel.chart().waitFor();
    const funnelRows = await funnel.showTable();
    expect(await funnelRows.locator('caption').textContent()).toBe('Alur program');
    expect(await tableHeader(funnelRows)).toEqual([
      'Tahap',
      'Jumlah orang',
      'Konversi dari tahap sebelumnya',
      'Bagian dari tahap pertama',
    ]);
    expect(await tableRows(funnelRows)).toEqual(funnelTable(filtered));
    expect(await funnelRows.locator('tbody th[scope="row"]').count()).toBe(7);
    expect(await funnel.tableButton().getAttribute('aria-expanded')).toBe('true');
    // The bars carry the same figures.
    await expect.poll(() => funnel.barLabels()).toEqual(filtered.funnel.map((step) => countText(step.count)));
    await expectAccessible(page, 'the funnel with its table open');

    // Its CSV (Indonesian: `;` between fields, " (%)" on the percentages): the header row, then the same
    // figures (raw numbers, "< 5" where hidden); audited first.
    const csv = await funnel.downloadCsv();
    expect(csv.fileName).toBe(`alur-program_${from}_${to}.csv`);
    expect(
      csv.text.startsWith(
        '\uFEFFTahap;Jumlah orang;Konversi dari tahap sebelumnya (%);Bagian dari tahap pertama (%)\r\n',
      ),
    ).toBe(true);
    const lines = csvLines(csv.text);
    expect(lines.slice(1).map((line) => [line[0], line[1]])).toEqual(
      filtered.funnel.map((step) => [STAGE[step.stage], step.count === null ? '< 5' : String(step.count)]),
    );
    await expect
      .poll(async () => (await audited('kalapas', 'insight.csv_downloaded')).map((row) => row.details))
      .toContainEqual({
        view: 'dashboard',
        section: 'funnel',
        filters: { from, to, villageId: krobokan },
      });

    // The placements by sector: its table = the answer's rows and total.
    const bySector = dashboard.panel('Menurut sektor', dashboard.group('Penempatan kerja'));
    if (filtered.placements.bySector.length === 0) {
      expect(await shownText(bySector.root)).toContain('Belum ada penempatan dalam periode ini.');
    } else {
      await expect
        .poll(() => bySector.barLabels())
        .toEqual(filtered.placements.bySector.map((row) => countText(row.count)));
      const sectors = await bySector.showTable();
      expect(await tableRows(sectors)).toEqual([
        ...filtered.placements.bySector.map((row) => [SECTOR[row.sector], countText(row.count)]),
        ['Jumlah', countText(filtered.placements.total)],
      ]);
      await expectAccessible(page, 'the placements by sector with its table open');
    }
    // The open action items by organization (the program's own, not the kelurahan's people).
    const actionItems = dashboard.panel(
      'Tindak lanjut rapat menurut organisasi',
      dashboard.group('Tata kelola'),
    );
    if (filtered.governance.actionItems.length > 0) {
      const items = await actionItems.showTable();
      expect(await tableRows(items)).toEqual(
        filtered.governance.actionItems.map((row) => [row.name, countText(row.open), countText(row.overdue)]),
      );
    }
    await expectAccessible(page, 'the dashboard filtered, tables open');
  }, 240_000);

  it('a kelurahan’s officer sees her own scope with small counts hidden, cannot name another organization, and opens her kelurahan’s view', async () => {
    const krobokan = await villageId(KROBOKAN);
    const page = await newPage();
    await signInAs(page, base(), 'kelurahan.krobokan');
    const section = new InsightSection(page);
    await section.open();
    const dashboard = new DashboardPage(page);
    await dashboard.root().waitFor();
    await dashboard.settled();

    const own = await apiGet<DashboardResponse>(page, '/api/insight/dashboard');
    expect(own.filters).toMatchObject({ scope: 'organization', organization: { id: krobokan } });
    expect(own.smallCountsHidden).toBe(true);
    expect(await dashboard.scope().textContent()).toMatch(
      new RegExp(`^Cakupan: ${own.filters.scopeLabel} · `),
    );
    expect(own.filters.scopeLabel).toContain('Krobokan');
    await dashboard.smallCountsNote().waitFor();
    // No organization to choose: her own is the only scope.
    expect(await dashboard.organizationField().count()).toBe(0);

    // "< 5" exactly where the answer hides a count.
    for (const now of own.now) {
      const text = await shownText(dashboard.nowCard(now.figure));
      expect(text).toContain(countText(now.count));
      expect(text.includes('< 5')).toBe(now.count === null);
    }
    expectNested(own.funnel);
    const ownFunnel = dashboard.panel('Alur program');
    const funnelRows = await ownFunnel.showTable();
    expect(await tableRows(funnelRows)).toEqual(funnelTable(own));
    if ((await ownFunnel.noChart().count()) === 0)
      await expect.poll(() => ownFunnel.barLabels()).toEqual(own.funnel.map((step) => countText(step.count)));
    const outcomes = await tableRows(dashboard.outcomesTable());
    expect(outcomes.map((row) => row[1])).toEqual(
      own.outcomes.cohorts.map((cohort) => countText(cohort.size)),
    );
    await expectAccessible(page, 'the kelurahan officer’s dashboard');

    // The prison's figures by the address: the server refuses them, and the page never shows them.
    const refused = await apiCall<{ error: { code: string } }>(
      page,
      'GET',
      `/api/insight/dashboard?organizationId=${LAPAS_ID}`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('INSIGHT_SCOPE_FORBIDDEN');
    for (const key of ['organisasi', 'organizationId']) {
      await page.goto(`${base()}/dasbor?${key}=${LAPAS_ID}`);
      await section.heading().waitFor();
      const error = page.getByRole('alert').filter({ hasNotText: 'Angka kecil disembunyikan' });
      await expect
        .poll(async () => (await error.count()) > 0 || (await dashboard.scope().count()) > 0)
        .toBe(true);
      if ((await dashboard.scope().count()) > 0) {
        // Ignored: still her own figures.
        await dashboard.settled();
        expect(await dashboard.scope().textContent()).toMatch(
          new RegExp(`^Cakupan: ${own.filters.scopeLabel} · `),
        );
        expect(await dashboard.scope().textContent()).not.toContain('Lapas');
      }
      expect(await page.getByText(LAPAS).count()).toBe(0);
    }

    // Her kelurahan's own view, straight from the tab.
    await section.tab('Kelurahan').click();
    await page.waitForURL((url) => url.pathname === `/dasbor/kelurahan/${krobokan}`);
    const village = new VillageInsightPage(page);
    await village.heading(KROBOKAN).waitFor();
    await village.root().waitFor();
    const view = await apiGet<VillageInsightResponse>(page, `/api/insight/villages/${krobokan}?months=6`);
    expect(view.smallCountsHidden).toBe(true);
    expect(await shownText(village.root())).toContain(`Cakupan: ${view.scopeLabel}`);
    expect(await shownText(village.stat('intended'))).toContain(countText(view.people.intended));
    expect(await shownText(village.stat('upcoming'))).toContain(countText(view.people.upcomingReleases));
    expect(await shownText(village.stat('placed'))).toContain(countText(view.opportunities.placedNow));
    expect(await village.horizon().getByRole('radio', { name: '6 bulan' }).isChecked()).toBe(true);
    expect(
      (await audited('kelurahan.krobokan', 'insight.village_viewed')).map((row) => row.details),
    ).toContainEqual({
      villageId: krobokan,
      months: 6,
    });

    // Her people by journey status: the table = the answer, with its total.
    const status = village.panel('Menurut status perjalanan');
    if (view.people.intended !== 0) {
      const rows = await status.showTable();
      expect(await tableRows(rows)).toEqual([
        ...view.people.byStatus.map((row) => [peopleId.status[row.status], countText(row.count)]),
        ['Jumlah', countText(view.people.intended)],
      ]);
    }
    // The opportunities: one row each, and the total of places.
    const opportunities = village.opportunities();
    expect((await tableRows(opportunities)).map((row) => [row[0], row[3], row[4]])).toEqual(
      view.opportunities.items.map((item) => [item.title, countText(item.places), countText(item.placed)]),
    );
    expect((await tableRows(opportunities, 'tfoot'))[0]).toEqual([
      'Jumlah',
      '',
      '',
      countText(view.opportunities.places),
      countText(view.opportunities.placedNow),
      '',
    ]);
    // The sectors chart and its table: potentials, needs and upcoming releases per sector.
    const sectors = village.panel('Potensi, kebutuhan dan keterampilan yang segera tersedia');
    const shownSectors = view.sectors.filter(
      (row) => row.potentials > 0 || row.needs > 0 || row.upcomingHere !== 0 || row.upcomingInScope !== 0,
    );
    expect(shownSectors.length).toBeGreaterThan(0);
    await sectors.chart().waitFor();
    const sectorRows = await sectors.showTable();
    expect(await tableRows(sectorRows)).toEqual(
      shownSectors.map((row) => [
        SECTOR[row.sector],
        countText(row.potentials),
        countText(row.needs),
        countText(row.upcomingHere),
        countText(row.upcomingInScope),
      ]),
    );
    await expectAccessible(page, 'her kelurahan’s view, tables open');
  }, 240_000);
});

describe('the monthly report', () => {
  it('the prison’s officer picks a month, reads the preview and downloads the PDF and the Excel file (audited); the head may choose another organization, a kelurahan may not', async () => {
    const thisMonth = jakartaToday().slice(0, 7);
    const month = addMonths(thisMonth, -2);
    const page = await newPage();
    await signInAs(page, base(), 'lapas.binadik');
    await new InsightSection(page).open('Laporan bulanan');
    await page.waitForURL((url) => url.pathname === '/dasbor/laporan-bulanan');
    const report = new MonthlyReportPage(page);
    await report.report().waitFor();
    // Last month first; staff have only their own organization.
    expect(await report.monthField().textContent()).toBe(monthWords(addMonths(thisMonth, -1)));
    expect(await report.organizationField().count()).toBe(0);
    await report.heading(LAPAS, addMonths(thisMonth, -1)).waitFor();
    await expectAccessible(page, 'the monthly report of last month');

    await report.pickMonth(month);
    await page.waitForURL((url) => url.searchParams.get('month') === month);
    await report.heading(LAPAS, month).waitFor();
    const data = await apiGet<MonthlyReport>(page, `/api/insight/reports/monthly?month=${month}`);
    expect(data).toMatchObject({ month, provisional: false, smallCountsHidden: false });
    expect(data.organization.id).toBe(LAPAS_ID);
    expect(await shownText(report.report())).toContain(
      `Periode ${shown(data.periodStart)} – ${shown(data.periodEnd)}.`,
    );
    // The preview's tables: the summary row by row, the flow chart's table.
    expect(await tableRows(report.table('Ringkasan bulan ini'))).toEqual(
      data.summary.map((row) => [
        reportId.summary.rows[row.key],
        row.unit === 'percent' ? percentText(row.value) : countText(row.value),
      ]),
    );
    await report.table('Pemantauan pascabebas yang dicatat dalam bulan ini').waitFor();
    if (data.training)
      await report.report().getByRole('region', { name: 'Pelatihan', exact: true }).waitFor();
    const flow = report.panel('Alur bulan ini');
    if (data.flow.some((step) => step.count !== 0)) {
      const flowRows = await flow.showTable();
      expect(await tableRows(flowRows)).toEqual(
        data.flow.map((step) => [reportId.flow.stages[step.stage], countText(step.count)]),
      );
    }
    await expectAccessible(page, 'the monthly report’s preview');

    // The PDF: the file the browser saves, and what the server says of it.
    const pdfName = reportFileName(data.organization, month, 'pdf');
    const pdf = await saveThrough(page, report.fileLink('Unduh PDF'));
    expect(pdf.fileName).toBe(pdfName);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.bytes.length).toBeGreaterThan(5000);
    await keepDocument('e2e-report.pdf', pdf.bytes);
    const pdfHref = (await report.fileLink('Unduh PDF').getAttribute('href')) ?? '';
    expect(pdfHref).toBe(`/api/insight/reports/monthly.pdf?organizationId=${LAPAS_ID}&month=${month}`);
    const pdfAnswer = await fetchFile(page, pdfHref);
    expect(pdfAnswer.status).toBe(200);
    expect(pdfAnswer.contentType).toMatch(/^application\/pdf/);
    expect(pdfAnswer.disposition).toMatch(new RegExp(`^attachment; filename="${pdfName}"`));
    expect(pdfAnswer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The Excel file: a workbook with the report's sheets.
    const xlsx = await saveThrough(page, report.fileLink('Unduh Excel'));
    expect(xlsx.fileName).toBe(reportFileName(data.organization, month, 'xlsx'));
    expect(xlsx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    const xlsxAnswer = await fetchFile(
      page,
      (await report.fileLink('Unduh Excel').getAttribute('href')) ?? '',
    );
    expect(xlsxAnswer.status).toBe(200);
    expect(xlsxAnswer.contentType).toMatch(
      /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(
      expect.arrayContaining(['Ringkasan', 'Pelatihan', 'Penempatan', 'Hasil', 'Tata kelola']),
    );

    const exported = await audited('lapas.binadik', 'insight.report_exported');
    expect(exported.map((row) => row.details)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ month, format: 'pdf' }),
        expect.objectContaining({ month, format: 'xlsx' }),
      ]),
    );
    expect(exported.every((row) => row.subject_organization_id === LAPAS_ID)).toBe(true);

    // The prison's head chooses the Bapas.
    const head = await newPage();
    await signInAs(head, base(), 'kalapas');
    await new InsightSection(head).open('Laporan bulanan');
    const headReport = new MonthlyReportPage(head);
    await headReport.report().waitFor();
    await headReport.organizationField().waitFor();
    await headReport.chooseOrganization(BAPAS);
    await head.waitForURL((url) => url.searchParams.get('organizationId') === BAPAS_ID);
    await headReport.heading(BAPAS, addMonths(thisMonth, -1)).waitFor();
    expect(await headReport.fileLink('Unduh PDF').getAttribute('href')).toContain(
      `organizationId=${BAPAS_ID}`,
    );
    await expectAccessible(head, 'the Bapas report as the prison’s head reads it');

    // A kelurahan's officer: her own report only.
    const village = await newPage();
    await signInAs(village, base(), 'kelurahan.krobokan');
    await new InsightSection(village).open('Laporan bulanan');
    const villageReport = new MonthlyReportPage(village);
    await villageReport.heading(KROBOKAN, addMonths(thisMonth, -1)).waitFor();
    expect(await villageReport.organizationField().count()).toBe(0);
    const forbidden = await apiCall<{ error: { code: string } }>(
      village,
      'GET',
      `/api/insight/reports/monthly?organizationId=${LAPAS_ID}&month=${month}`,
    );
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('INSIGHT_SCOPE_FORBIDDEN');
    const refusedPdf = await fetchFile(
      village,
      `/api/insight/reports/monthly.pdf?organizationId=${LAPAS_ID}&month=${month}`,
    );
    expect(refusedPdf.status).toBe(403);
  }, 240_000);
});

describe('the public page', () => {
  it('anyone reads the program’s figures without signing in: no session asked, small counts hidden, a CSV, in English too', async () => {
    const page = await newPage();
    const asked: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.pathname.startsWith('/api/')) asked.push(url.pathname);
    });
    const publicPage = new PublicFiguresPage(page, base());
    await publicPage.open();
    await publicPage.heading('Program Desa Binaan Semarang').waitFor();
    expect(await page.context().cookies()).toEqual([]);

    const figures = await fetchFile(page, '/api/public/figures');
    expect(figures.status).toBe(200);
    expect(figures.cacheControl).toBe('public, max-age=600');
    const data = JSON.parse(figures.bytes.toString('utf8')) as PublicFigures;
    // As of the last day of the previous month.
    const firstOfMonth = `${jakartaToday().slice(0, 7)}-01`;
    const lastMonthEnd = new Date(Date.parse(`${firstOfMonth}T00:00:00Z`) - 86_400_000)
      .toISOString()
      .slice(0, 10);
    expect(data.asOf).toBe(lastMonthEnd);
    expect(await publicPage.asOf().textContent()).toMatch(new RegExp(`^Data per ${shown(data.asOf)} · `));

    // The sections, each with its figures.
    for (const title of ['Angka utama', 'Pelatihan', 'Hasil menurut tahun bebas'])
      await publicPage.section(title).waitFor();
    for (const title of ['Alur program', 'Penempatan kerja per kelurahan', 'Penempatan kerja per sektor'])
      await publicPage.panel(title).root.waitFor();
    const keyFigures = await shownText(publicPage.section('Angka utama'));
    expect(keyFigures).toContain(countText(data.placements.total));
    expect(keyFigures).toContain(String(data.program.meetingsHeld));
    expectNested(data.funnel);
    await expectAccessible(page, 'the public page');

    // Tables: the same figures as the answer, "< 5" exactly where it hides a count.
    const funnel = await publicPage.panel('Alur program').showTable();
    expect(await tableRows(funnel)).toEqual(
      data.funnel.map((row) => [
        publicId.funnel.stages[row.stage],
        countText(row.count),
        percentText(row.ofPrevious),
        percentText(row.ofFirst),
      ]),
    );
    const byVillage = await publicPage.panel('Penempatan kerja per kelurahan').showTable();
    expect(await tableRows(byVillage)).toEqual(
      data.placements.byVillage.map((row) => [row.name.replace(/^Kelurahan /, ''), countText(row.count)]),
    );
    const bySector = await publicPage.panel('Penempatan kerja per sektor').showTable();
    expect(await tableRows(bySector)).toEqual(
      data.placements.bySector.map((row) => [SECTOR[row.sector], countText(row.count)]),
    );
    const hidden = [
      ...data.funnel.map((row) => row.count),
      ...data.placements.byVillage.map((row) => row.count),
      ...data.placements.bySector.map((row) => row.count),
    ].filter((count) => count === null).length;
    const hiddenCells = (await Promise.all([funnel, byVillage, bySector].map((table) => tableRows(table))))
      .flat()
      .filter((row) => row[1] === '< 5').length;
    expect(hiddenCells).toBe(hidden);
    // No count 1–4 anywhere: each is hidden or at least 5 (or 0).
    for (const count of [
      ...data.funnel.map((row) => row.count),
      ...data.placements.byVillage.map((row) => row.count),
      ...data.placements.bySector.map((row) => row.count),
      ...data.outcomes.flatMap((row) => [row.size, row.checks12, row.working12, row.returned12]),
    ])
      if (count !== null) expect(count === 0 || count >= 5).toBe(true);
    await expectAccessible(page, 'the public page, tables open');

    // No names of people or partners on the page.
    const text = (await page.locator('body').textContent()) ?? '';
    const names = await db()
      .selectFrom('person')
      .select('full_name')
      .orderBy('full_name')
      .limit(30)
      .execute();
    const partners = await db()
      .selectFrom('organization')
      .select('name')
      .where('kind', '=', 'partner')
      .execute();
    for (const name of [...names.map((row) => row.full_name), ...partners.map((row) => row.name)])
      expect(text).not.toContain(name);

    // A chart's CSV: made in the browser from the rows shown.
    const csv = await publicPage.panel('Penempatan kerja per sektor').downloadCsv();
    expect(csv.fileName).toBe('penempatan-per-sektor.csv');
    expect(csv.text.startsWith('\uFEFFSektor;Penempatan\r\n')).toBe(true);
    expect(csvLines(csv.text).slice(1)).toEqual(
      data.placements.bySector.map((row) => [
        SECTOR[row.sector],
        row.count === null ? '< 5' : String(row.count),
      ]),
    );

    // English, still without a session.
    await page.getByRole('button', { name: 'Bahasa' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await publicPage.heading('Desa Binaan Program, Semarang').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await publicPage.asOf().textContent()).toMatch(new RegExp(`^Figures as of ${shown(data.asOf)}`));
    await page.getByRole('heading', { name: 'Program pathway' }).waitFor();
    await expectAccessible(page, 'the public page in English');
    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('menu').waitFor({ state: 'detached' });
    await publicPage.heading('Program Desa Binaan Semarang').waitFor();

    // Only the public figures and the health check were asked: never the session.
    expect(asked).not.toContain('/api/me');
    expect(new Set(asked)).toEqual(new Set(['/api/public/figures', '/api/health']));

    // Both ways between the public page and the sign-in page.
    await publicPage.signInButton().click();
    await page.waitForURL((url) => url.pathname === '/masuk');
    await page.getByLabel('Nama pengguna').waitFor();
    await expectAccessible(page, 'the sign-in page with its link to the figures');
    await page.getByRole('link', { name: 'Lihat capaian program', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/capaian');
    await publicPage.asOf().waitFor();
  }, 180_000);
});

describe('on a phone', () => {
  it('the dashboard and the public page fit 360 px without sideways scrolling', async () => {
    const page = await newPage({ width: 360, height: 740 });
    await signInAs(page, base(), 'kalapas');
    await page.goto(`${base()}/dasbor`);
    const dashboard = new DashboardPage(page);
    await dashboard.root().waitFor();
    await dashboard.settled();
    await dashboard.group('Tata kelola').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await dashboard.panel('Alur program').showTable();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectAccessible(page, 'the dashboard on a phone');

    const visitor = await newPage({ width: 360, height: 740 });
    const publicPage = new PublicFiguresPage(visitor, base());
    await publicPage.open();
    await publicPage.panel('Penempatan kerja per kelurahan').root.waitFor();
    expect(await horizontalOverflow(visitor)).toBeLessThanOrEqual(0);
    await publicPage.panel('Penempatan kerja per kelurahan').showTable();
    expect(await horizontalOverflow(visitor)).toBeLessThanOrEqual(0);
    await expectAccessible(visitor, 'the public page on a phone');
  }, 120_000);
});

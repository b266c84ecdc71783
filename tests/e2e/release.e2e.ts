import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { BAPAS_ID, LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import type { PrereleaseList } from '../../src/shared/prerelease.ts';
import type { TaskList, TaskSummary } from '../../src/shared/tasks.ts';
import { AppShell } from './pages/pages.ts';
import { byLabel, choose } from './pages/people.ts';
import {
  apiGet,
  CaseloadPage,
  ClientPage,
  HandoverListPage,
  HandoverSection,
  notificationBell,
  PlanTab,
  PrereleasePage,
  tolerateOfflineErrors,
} from './pages/release.ts';
import { plusDays } from './pages/training.ts';
import { apiStatus, horizontalOverflow, notification, signInAs } from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// Release and after in the browser, on the demo data (issue 7): prison staff find a woman without a plan
// on the pre-release dashboard, make her plan, print it and hand her over to Bapas; the Bapas head accepts
// the handover waiting in the demo and names the PK; the PK, on a 360 px phone, records visits (one while
// the connection is lost) and a third missed visit that reports the client to the head; an outcome check;
// the cohort view; the tasks and their counts on the home page. Each journey starts from what the demo
// guarantees and does not depend on another journey of this file having run (or not).

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
const PHONE = { width: 360, height: 740 };

const db = () => journey.server.database.db;

async function userId(username: string) {
  const user = await db()
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return user;
}

/** The women of the demo prison still inside whose release is ahead, soonest first (the demo's order). */
async function soonestReleases() {
  return db()
    .selectFrom('person')
    .select(['id', 'full_name', 'release_date'])
    .where('organization_id', '=', LAPAS_ID)
    .where('released_on', 'is', null)
    .where('release_date', '>', jakartaToday())
    .where('anonymized_at', 'is', null)
    .orderBy('release_date')
    .orderBy('id')
    .execute();
}

/** No page of the PK may scroll sideways on a 360 px phone. */
async function expectNoSidewaysScroll(page: Parameters<typeof horizontalOverflow>[0], where: string) {
  expect(await horizontalOverflow(page), `sideways scroll on ${where}`).toBeLessThanOrEqual(0);
}

describe('prison staff prepare a release', () => {
  it('find a woman without a plan on the dashboard, make her plan, print it and hand her over to Bapas', async () => {
    const today = jakartaToday();
    const plans = await db().selectFrom('reintegration_plan').select('person_id').execute();
    const planned = new Set(plans.map((plan) => plan.person_id));
    // The demo gives a plan to the four soonest releases only: the next one within 90 days has none.
    const target = (await soonestReleases()).find(
      (woman) => !planned.has(woman.id) && (woman.release_date ?? '') <= plusDays(today, 90),
    );
    if (!target) throw new Error('the demo has no release within 90 days without a plan');

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'lapas.binadik');
    await new AppShell(page).go('Menjelang bebas');
    const dashboard = new PrereleasePage(page, journey.server.baseUrl);
    await dashboard.heading().waitFor();
    expect(new URL(page.url()).pathname).toBe('/menjelang-bebas');
    await dashboard.rows().first().waitFor();
    await expectAccessible(page, 'pre-release dashboard');

    // Release dates only, nearest first: the rows are the server's, in its order; the filter is in the address.
    await dashboard.filter('Tanggal', 'Tanggal bebas', (params) => params.get('tanggal') === 'release');
    const byRelease = await apiGet<PrereleaseList>(
      page,
      '/api/prerelease?windowDays=90&milestone=release&sort=date&order=asc&page=1&pageSize=25',
    );
    expect(byRelease.items.length).toBeGreaterThan(0);
    await expect
      .poll(() =>
        dashboard.rows().evaluateAll((rows) => rows.map((row) => row.getAttribute('data-person-id'))),
      )
      .toEqual(byRelease.items.map((item) => item.person.id));
    for (const item of byRelease.items) {
      const text = (await dashboard.row(item.person.id).textContent()) ?? '';
      expect(text).toContain(item.person.displayName);
      expect(text).toContain(item.completeness === null ? 'Belum ada rencana' : `${item.completeness}%`);
    }
    expect(byRelease.items.some((item) => item.completeness === null)).toBe(true);
    expect(byRelease.items.map((item) => item.person.id)).toContain(target.id);

    // Sorted by name, then searched: both kept in the address (a reload shows the same list).
    await dashboard.filter('Urutkan', 'Nama A–Z', (params) => params.get('urut') === 'name');
    await byLabel(page.getByRole('region', { name: 'Saring daftar' }), 'Cari').fill(target.full_name);
    await page.waitForURL((url) => url.searchParams.get('q') === target.full_name);
    await page.reload();
    await dashboard.heading().waitFor();
    const params = new URL(page.url()).searchParams;
    expect([params.get('tanggal'), params.get('urut'), params.get('q')]).toEqual([
      'release',
      'name',
      target.full_name,
    ]);
    await expect.poll(() => dashboard.rows().count()).toBe(1);
    const row = dashboard.row(target.id);
    expect(await row.textContent()).toContain('Belum ada rencana');
    expect(await row.textContent()).toContain('Belum diserahkan');
    await expectAccessible(page, 'pre-release dashboard, filtered');

    // Her plan tab, with no plan yet: create one.
    await dashboard.personLink(target.full_name).click();
    await page.waitForURL(
      (url) => url.pathname === `/warga/${target.id}` && url.searchParams.get('tab') === 'rencana',
    );
    const plan = new PlanTab(page);
    await plan.empty().waitFor();
    await expectAccessible(page, 'plan tab without a plan');
    await page.getByRole('button', { name: 'Buat rencana' }).click();
    await notification(page, 'Rencana reintegrasi dibuat.').waitFor();
    await plan.plan().waitFor();
    await page.getByRole('img', { name: 'Kelengkapan: 0%' }).waitFor();

    // A pathway's status: saved, counted in the completeness, and written in its history.
    await plan.setPathwayStatus(
      'identity_documents',
      'Dokumen identitas',
      'Sedang berjalan',
      'KTP elektronik sedang diurus di Dukcapil.',
    );
    await notification(page, 'Jalur Dokumen identitas disimpan.').waitFor();
    await plan.pathway('identity_documents').locator('[data-pathway-status="in_progress"]').first().waitFor();
    await page.getByRole('img', { name: `Kelengkapan: ${Math.round(100 / 8)}%` }).waitFor();
    await plan.showHistory('identity_documents');
    const history = (await plan.history('identity_documents').textContent()) ?? '';
    expect(history).toContain('Belum dimulai → Sedang berjalan');
    expect(history).toContain((await userId('lapas.binadik')).full_name);

    // A goal with a step.
    const goalTitle = 'KTP, KK dan BPJS siap sebelum bebas';
    const goalDialog = await plan.addGoal('identity_documents', 'Dokumen identitas', {
      title: goalTitle,
      horizon: 3,
      steps: ['Ajukan KTP elektronik ke Dukcapil'],
    });
    await expectAccessible(page, 'new goal dialog');
    await goalDialog.getByRole('button', { name: 'Tambah tujuan' }).click();
    await goalDialog.waitFor({ state: 'detached' });
    await notification(page, 'Tujuan ditambahkan.').waitFor();
    const goal = plan.goals('identity_documents').filter({ hasText: goalTitle });
    await goal.waitFor();
    await goal.getByRole('checkbox', { name: 'Ajukan KTP elektronik ke Dukcapil' }).waitFor();
    await expectAccessible(page, 'plan tab with a goal');

    const stored = await db()
      .selectFrom('reintegration_plan as r')
      .innerJoin('reintegration_goal as g', 'g.plan_id', 'r.id')
      .innerJoin('reintegration_goal_step as s', 's.goal_id', 'g.id')
      .select(['r.id', 'g.title', 'g.horizon_months', 's.title as step'])
      .where('r.person_id', '=', target.id)
      .execute();
    expect(stored).toEqual([
      expect.objectContaining({
        title: goalTitle,
        horizon_months: 3,
        step: 'Ajukan KTP elektronik ke Dukcapil',
      }),
    ]);
    const changes = await db()
      .selectFrom('reintegration_status_change')
      .select(['pathway', 'from_status', 'to_status'])
      .where('plan_id', '=', stored[0]?.id ?? '')
      .execute();
    expect(changes).toContainEqual({
      pathway: 'identity_documents',
      from_status: 'not_started',
      to_status: 'in_progress',
    });

    // The PDF: a real PDF from the server, downloaded.
    const answered = page.waitForResponse((response) => response.url().includes('/reintegration-plan.pdf'));
    const downloaded = page.waitForEvent('download');
    await plan.printButton().click();
    const response = await answered;
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toMatch(/^application\/pdf/);
    const download = await downloaded;
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    const bytes = await readFile((await download.path()) ?? '');
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // The handover to Bapas, from the "Serah terima & bimbingan" tab.
    await page.getByRole('tab', { name: 'Serah terima & bimbingan', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('tab') === 'pembebasan');
    const handover = new HandoverSection(page);
    await handover.root().waitFor();
    expect(await handover.root().getAttribute('data-state')).toBe('none');
    await handover.sendButton().click();
    const sendDialog = handover.sendDialog();
    await sendDialog.waitFor();
    await byLabel(sendDialog, 'Catatan untuk Bapas').fill('KTP sedang diurus; penjamin kakak kandungnya.');
    await expectAccessible(page, 'send handover dialog');
    await sendDialog.getByRole('button', { name: 'Kirim', exact: true }).click();
    await sendDialog.waitFor({ state: 'detached' });
    await notification(page, /^Serah terima dikirim ke /).waitFor();
    await expect.poll(() => handover.latest().getAttribute('data-status')).toBe('sent');
    expect(await handover.latest().textContent()).toContain('Dikirim');
    await expectAccessible(page, 'handover sent');

    const sent = await db()
      .selectFrom('handover')
      .select(['id', 'status', 'to_organization_id', 'from_organization_id'])
      .where('person_id', '=', target.id)
      .execute();
    expect(sent).toEqual([
      expect.objectContaining({
        status: 'sent',
        to_organization_id: BAPAS_ID,
        from_organization_id: LAPAS_ID,
      }),
    ]);
    const kabapas = await userId('kabapas');
    const told = await db()
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', kabapas.id)
      .where('person_id', '=', target.id)
      .execute();
    expect(told.map((row) => row.kind)).toContain('handover_sent');
    const printed = await db()
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', 'reintegration.printed')
      .where('subject_id', '=', target.id)
      .execute();
    expect(printed.length).toBeGreaterThan(0);
  }, 180_000);
});

describe('the Bapas head and the handover waiting for her', () => {
  it('sees it in the bell and the inbox, accepts it naming the PK, and the prison cannot accept it', async () => {
    // The demo's handover waiting for the Bapas head: the soonest release's.
    const [waitingFor] = await soonestReleases();
    if (!waitingFor) throw new Error('the demo has no release ahead');
    const waiting = await db()
      .selectFrom('handover')
      .select(['id', 'version'])
      .where('person_id', '=', waitingFor.id)
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    const pk = await userId('pk');

    // The prison that sent it cannot decide it, whatever it sends to the server.
    const prison = await newPage();
    await signInAs(prison, journey.server.baseUrl, 'lapas.binadik');
    expect(
      await apiStatus(prison, 'POST', `/api/handovers/${waiting.id}/accept`, {
        officerUserId: pk.id,
        version: waiting.version,
      }),
    ).toBe(403);

    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'kabapas');
    const bell = notificationBell(page);
    await expect.poll(() => bell.getAttribute('aria-label')).toMatch(/^Notifikasi, \d+ belum dibaca$/);
    await bell.click();
    await page.getByRole('heading', { level: 1, name: 'Notifikasi' }).waitFor();
    const note = page
      .locator('li[data-notification-id]')
      .filter({ hasText: `Tentang: ${waitingFor.full_name}` })
      .filter({ hasText: /Paket serah terima baru .*menunggu keputusan Anda\./ });
    await note.first().waitFor();
    await expectAccessible(page, 'notifications of the Bapas head');

    await new AppShell(page).go('Serah terima');
    const list = new HandoverListPage(page, journey.server.baseUrl);
    await list.heading().waitFor();
    expect(new URL(page.url()).pathname).toBe('/serah-terima');
    await list.row(waiting.id).waitFor();
    expect(await list.row(waiting.id).textContent()).toContain(waitingFor.full_name);
    await expectAccessible(page, 'handover inbox');

    const dialog = await list.accept(waiting.id, new RegExp(`^${pk.full_name}`));
    await expectAccessible(page, 'accept handover dialog');
    await dialog.getByRole('button', { name: 'Terima', exact: true }).click();
    await notification(page, `Serah terima diterima. PK: ${pk.full_name}.`).waitFor();
    await dialog.waitFor({ state: 'detached' });

    const accepted = await db()
      .selectFrom('handover')
      .select(['status', 'officer_user_id'])
      .where('id', '=', waiting.id)
      .executeTakeFirstOrThrow();
    expect(accepted).toEqual({ status: 'accepted', officer_user_id: pk.id });
    const officerNotes = await db()
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', pk.id)
      .where('person_id', '=', waitingFor.id)
      .execute();
    expect(officerNotes.map((row) => row.kind)).toContain('handover_accepted_officer');

    // Her page says so: accepted, with the PK.
    await page.goto(`${journey.server.baseUrl}/warga/${waitingFor.id}?tab=pembebasan`);
    const section = new HandoverSection(page);
    await section.root().waitFor();
    await expect.poll(() => section.latest().getAttribute('data-status')).toBe('accepted');
    const text = (await section.latest().textContent()) ?? '';
    expect(text).toContain('Diterima');
    expect(text).toContain(`PK: ${pk.full_name}`);
    expect(await section.latest().locator('[data-event="accepted"]').count()).toBe(1);
    await expectAccessible(page, 'person tab after acceptance');

    // Decided: the prison still cannot accept it (now refused as no longer waiting, or for want of the right).
    expect(
      await apiStatus(prison, 'POST', `/api/handovers/${waiting.id}/accept`, {
        officerUserId: pk.id,
        version: waiting.version + 1,
      }),
    ).toBeGreaterThanOrEqual(403);
  }, 120_000);
});

describe('the PK in the field, on a phone', () => {
  it('records visits, keeps one through a lost connection, and a third missed visit reports to the head', async () => {
    const today = jakartaToday();
    const pk = await userId('pk');
    // The demo's client behind on reporting: two missed visits, a reminder then a warning, both open.
    const behind = await db()
      .selectFrom('supervision_escalation as e')
      .innerJoin('person as p', 'p.id', 'e.person_id')
      .select(['p.id', 'p.full_name'])
      .where('e.level', '=', 'warning')
      .where('e.resolved_at', 'is', null)
      .where('e.organization_id', '=', BAPAS_ID)
      .executeTakeFirstOrThrow();
    // Her other clients under active supervision, by name.
    const clients = await db()
      .selectFrom('supervision_schedule as s')
      .innerJoin('person as p', 'p.id', 's.person_id')
      .innerJoin('handover as h', (join) =>
        join.onRef('h.person_id', '=', 'p.id').on('h.status', '=', 'accepted'),
      )
      .select(['p.id', 'p.full_name'])
      .where('s.active', '=', true)
      .where('h.officer_user_id', '=', pk.id)
      .where('p.released_on', 'is not', null)
      .where('p.id', '!=', behind.id)
      .orderBy('p.full_name')
      .execute();
    const [present, offline] = clients;
    if (!present || !offline) throw new Error('the demo PK has fewer than two other clients');

    const page = await newPage(PHONE);
    await signInAs(page, journey.server.baseUrl, 'pk');
    const caseload = new CaseloadPage(page, journey.server.baseUrl);
    await caseload.open();
    for (const client of [present, offline, behind]) await caseload.card(client.id).waitFor();
    expect(await caseload.card(behind.id).textContent()).toContain('Peringatan');
    await expectAccessible(page, 'caseload on a phone');
    await expectNoSidewaysScroll(page, 'caseload');

    // An attended visit.
    await caseload.card(present.id).getByRole('link', { name: present.full_name, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: present.full_name }).waitFor();
    await expectAccessible(page, 'client page on a phone');
    await expectNoSidewaysScroll(page, 'client page');
    const client = new ClientPage(page, journey.server.baseUrl);
    await client.recordButton().click();
    await client.form().waitFor();
    await expectAccessible(page, 'visit form on a phone');
    await expectNoSidewaysScroll(page, 'visit form');
    const presentNotes = 'Hadir tepat waktu; bekerja di warung makan kakaknya.';
    await client.fillVisit('Hadir', presentNotes);
    await client.submit().click();
    await page.waitForURL(`${journey.server.baseUrl}/bimbingan/${present.id}`);
    await notification(page, 'Kunjungan dicatat.').waitFor();
    await client.sessions().getByText(presentNotes).waitFor();
    const attended = await db()
      .selectFrom('supervision_session')
      .select(['outcome', 'held_on', 'officer_user_id'])
      .where('person_id', '=', present.id)
      .where('notes', '=', presentNotes)
      .execute();
    expect(attended).toEqual([{ outcome: 'attended', held_on: today, officer_user_id: pk.id }]);

    // The connection drops while she writes the next visit: it stays on the phone, then goes by itself.
    await page.goto(`${journey.server.baseUrl}/bimbingan/${offline.id}/kunjungan`);
    await client.form().waitFor();
    await page.getByText(`Klien: ${offline.full_name}`, { exact: false }).waitFor();
    tolerateOfflineErrors(page);
    await page.context().setOffline(true);
    const offlineNotes = 'Izin sakit, surat dokter menyusul (dicatat tanpa sinyal).';
    await client.fillVisit('Izin', offlineNotes);
    await client.submit().click();
    await client.pending().waitFor();
    expect(await client.pending().textContent()).toContain('Tersimpan di perangkat ini, belum terkirim');
    await expectAccessible(page, 'visit kept on the phone');
    await expectNoSidewaysScroll(page, 'visit kept on the phone');
    const kept = await page.evaluate(
      (personId) =>
        Object.entries(localStorage).find(
          ([key]) => key.startsWith('sinergi.visitDraft.') && key.endsWith(personId),
        )?.[1] ?? null,
      offline.id,
    );
    expect(kept && (JSON.parse(kept) as { pending?: boolean }).pending).toBe(true);
    const before = await db()
      .selectFrom('supervision_session')
      .select('id')
      .where('notes', '=', offlineNotes)
      .execute();
    expect(before).toEqual([]);

    await page.context().setOffline(false);
    await page.waitForURL(`${journey.server.baseUrl}/bimbingan/${offline.id}`, { timeout: 45_000 });
    await client.sessions().getByText(offlineNotes).waitFor();
    const sent = await db()
      .selectFrom('supervision_session')
      .select(['outcome', 'held_on'])
      .where('person_id', '=', offline.id)
      .where('notes', '=', offlineNotes)
      .execute();
    expect(sent).toEqual([{ outcome: 'excused', held_on: today }]);
    const draftLeft = await page.evaluate(
      (personId) =>
        Object.keys(localStorage).some(
          (key) => key.startsWith('sinergi.visitDraft.') && key.endsWith(personId),
        ),
      offline.id,
    );
    expect(draftLeft).toBe(false);

    // The client behind on reporting misses a third time: reported to the head of Bapas.
    await page.goto(`${journey.server.baseUrl}/bimbingan/${behind.id}/kunjungan`);
    await client.form().waitFor();
    await client.fillVisit('Tidak hadir', 'Tidak datang wajib lapor untuk ketiga kalinya berturut-turut.');
    await client.submit().click();
    await page.waitForURL(`${journey.server.baseUrl}/bimbingan/${behind.id}`);
    await client.escalations().getByText('Dilaporkan ke Kepala Bapas').first().waitFor();
    await expectAccessible(page, 'client reported to the head');
    await expectNoSidewaysScroll(page, 'client reported to the head');
    const escalations = await db()
      .selectFrom('supervision_escalation')
      .select('level')
      .where('person_id', '=', behind.id)
      .where('resolved_at', 'is', null)
      .execute();
    expect(escalations.map((row) => row.level)).toContain('report_to_head');
    const kabapas = await userId('kabapas');
    const reported = await db()
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', kabapas.id)
      .where('person_id', '=', behind.id)
      .execute();
    expect(reported.map((row) => row.kind)).toContain('escalation_report');

    // The head reads it among her notifications.
    const head = await newPage();
    await signInAs(head, journey.server.baseUrl, 'kabapas');
    await expect.poll(() => notificationBell(head).getAttribute('aria-label')).toMatch(/belum dibaca$/);
    await head.goto(`${journey.server.baseUrl}/notifikasi`);
    await head
      .locator('li[data-notification-id]')
      .filter({ hasText: 'Seorang klien berulang kali tidak hadir bimbingan' })
      .filter({ hasText: `Tentang: ${behind.full_name}` })
      .first()
      .waitFor();
    await expectAccessible(head, 'escalation notification');
  }, 180_000);
});

describe('an outcome check', () => {
  it('is recorded by the PK from her task list on the person tab', async () => {
    const pk = await userId('pk');
    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'pk');
    // The demo leaves one check undone for a client of the PK: it is her task.
    const tasks = await apiGet<TaskList>(page, '/api/tasks?kind=outcome_check_due&page=1');
    const task = tasks.items.find((item) => item.personId && typeof item.params.windowMonths === 'number');
    if (!task?.personId) throw new Error('the demo PK has no outcome check due');
    const months = Number(task.params.windowMonths) as 1 | 3 | 6 | 12;

    await page.goto(`${journey.server.baseUrl}/warga/${task.personId}?tab=pembebasan`);
    const card = page.locator(`[data-outcome-window="${months}"]`);
    await card.waitFor();
    await expectAccessible(page, 'outcomes on the person tab');
    await card.getByRole('button', { name: `Catat ${months} bulan` }).click();
    const dialog = page.getByRole('dialog', { name: `Hasil ${months} bulan` });
    await dialog.waitFor();
    await choose(page, 'Pekerjaan', 'Bekerja', dialog);
    await choose(page, 'Penghasilan per bulan', 'Rp2–3 juta', dialog);
    await byLabel(dialog, 'Catatan').fill('Bekerja di konveksi dekat rumah penjamin.');
    await expectAccessible(page, 'outcome dialog');
    await dialog.getByRole('button', { name: 'Simpan', exact: true }).click();
    await notification(page, 'Hasil pemeriksaan disimpan.').waitFor();
    await dialog.waitFor({ state: 'detached' });
    await card.getByText('Tercatat', { exact: true }).waitFor();
    expect(await card.textContent()).toContain('Pekerjaan: Bekerja');

    const check = await db()
      .selectFrom('outcome_check')
      .select(['work_status', 'income_band', 'recorded_by'])
      .where('person_id', '=', task.personId)
      .where('window_months', '=', months)
      .executeTakeFirstOrThrow();
    expect(check).toEqual({ work_status: 'employed', income_band: '2m_3m', recorded_by: pk.id });
    const after = await apiGet<TaskList>(page, '/api/tasks?kind=outcome_check_due&page=1');
    expect(
      after.items.some(
        (item) => item.personId === task.personId && Number(item.params.windowMonths) === months,
      ),
    ).toBe(false);
  }, 120_000);
});

describe('the cohort view', () => {
  it('shows the release cohorts by quarter and window, counts only, to the viewer and on a phone', async () => {
    interface Cohorts {
      windows: number[];
      rows: { cohort: string; size: number | null; cells: (object | null)[] }[];
    }
    const page = await newPage();
    await signInAs(page, journey.server.baseUrl, 'viewer');
    await new AppShell(page).go('Hasil pascabebas');
    await page.getByRole('heading', { level: 1, name: 'Hasil pascabebas per angkatan bebas' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/hasil');
    const cohorts = await apiGet<Cohorts>(page, '/api/outcomes/cohorts');
    expect(cohorts.rows.length).toBeGreaterThan(0);
    const table = page.getByRole('region', { name: 'Hasil pascabebas per angkatan dan waktu' });
    await table.waitFor();
    expect(
      await table
        .locator('tr[data-cohort]')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-cohort'))),
    ).toEqual(cohorts.rows.map((row) => row.cohort));
    // A window not yet passed for the whole cohort is "belum"; the latest cohort has at least one.
    const latest = cohorts.rows.reduce((a, b) => (a.cohort > b.cohort ? a : b));
    const notYet = latest.cells.indexOf(null);
    expect(notYet).toBeGreaterThanOrEqual(0);
    const cell = table.locator(
      `tr[data-cohort="${latest.cohort}"] td[data-window="${cohorts.windows[notYet]}"]`,
    );
    expect((await cell.textContent())?.trim()).toBe('belum');
    // Figures, not names.
    const released = await db()
      .selectFrom('person')
      .select('full_name')
      .where('released_on', 'is not', null)
      .execute();
    const text = (await page.getByRole('main').textContent()) ?? '';
    for (const person of released) expect(text).not.toContain(person.full_name);
    await expectAccessible(page, 'cohort view');

    const phone = await newPage(PHONE);
    await signInAs(phone, journey.server.baseUrl, 'kabapas');
    await phone.goto(`${journey.server.baseUrl}/hasil`);
    const cards = phone.getByRole('list', { name: 'Hasil pascabebas per angkatan dan waktu' });
    await cards.waitFor();
    expect(await cards.locator('li[data-cohort]').count()).toBe(cohorts.rows.length);
    await expectAccessible(phone, 'cohort view on a phone');
    await expectNoSidewaysScroll(phone, 'cohort view on a phone');
  }, 120_000);
});

describe('tasks and their counts', () => {
  it('the home card counts what /tugas lists, for the prison and for the PK on a phone', async () => {
    for (const [username, size] of [
      ['lapas.binadik', { width: 1280, height: 800 }],
      ['pk', PHONE],
    ] as const) {
      const page = await newPage(size);
      await signInAs(page, journey.server.baseUrl, username);
      const card = page.getByRole('region', { name: 'Tugas Anda' });
      await card.waitFor();
      const summary = await apiGet<TaskSummary>(page, '/api/tasks/summary');
      const withWork = summary.kinds.filter((kind) => kind.count > 0);
      expect(withWork.length, `${username} has tasks in the demo`).toBeGreaterThan(0);
      await card.getByText(`${summary.total} tugas menunggu`, { exact: true }).waitFor();
      const links = card.getByRole('listitem');
      await expect.poll(() => links.count()).toBe(withWork.length);
      for (const kind of withWork) {
        const item = links.filter({ has: page.locator(`a[href="/tugas?jenis=${kind.kind}"]`) });
        expect((await item.textContent()) ?? '').toMatch(new RegExp(`${kind.count}$`));
      }
      await expectAccessible(page, `home tasks of ${username}`);
      if (username === 'pk') await expectNoSidewaysScroll(page, 'home on a phone');

      // The whole list: every kind the summary counts, as many rows as the server lists.
      await card.getByRole('link', { name: 'Lihat semua tugas' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tugas' }).waitFor();
      for (const kind of withWork) {
        const listed = await apiGet<TaskList>(page, `/api/tasks?kind=${kind.kind}&page=1`);
        await expect
          .poll(() => page.locator(`li[data-task-kind="${kind.kind}"]`).count(), { timeout: 10_000 })
          .toBe(listed.items.length);
      }
      await expectAccessible(page, `tasks of ${username}`);
      if (username === 'pk') await expectNoSidewaysScroll(page, 'tasks on a phone');

      // One kind from the home card: the filter is in the address and only that kind is listed.
      const [first] = withWork;
      if (!first) continue;
      await page.goto(`${journey.server.baseUrl}/`);
      await card.locator(`a[href="/tugas?jenis=${first.kind}"]`).click();
      await page.waitForURL(
        (url) => url.pathname === '/tugas' && url.searchParams.get('jenis') === first.kind,
      );
      await page.locator(`li[data-task-kind="${first.kind}"]`).first().waitFor();
      expect(
        await page
          .locator('li[data-task-kind]')
          .evaluateAll((items) => [...new Set(items.map((item) => item.getAttribute('data-task-kind')))]),
      ).toEqual([first.kind]);
    }
  }, 120_000);
});

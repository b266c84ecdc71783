import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEMO_MEETING_DATE } from '../../src/server/db/seed/demo-governance.ts';
import { KECAMATAN_ID, LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { today as jakartaToday } from '../../src/server/platform/calendar.ts';
import type { AgreementList } from '../../src/shared/agreements.ts';
import type { MyActionItems } from '../../src/shared/governance.ts';
import type { WorkPlan } from '../../src/shared/workplans.ts';
import {
  AgreementCreatePage,
  AgreementPage,
  apiCall,
  type Downloaded,
  downloadThrough,
  GovernanceSection,
  keepDocument,
  MeetingCreatePage,
  MeetingListPage,
  MeetingPage,
  myActionItemsCard,
  openPanel,
  smallPdf,
  WorkPlanPage,
} from './pages/governance.ts';
import { byLabel, choose, describedBy } from './pages/people.ts';
import { plusDays, shown } from './pages/training.ts';
import { horizontalOverflow, notification, signInAs } from './pages/villages.ts';
import { expectAccessible } from './support/browser.ts';
import { journeyHooks } from './support/journey.ts';

// Governance in the browser, on the demo data (issue 8): from the coordination meeting of 27 April 2026 the
// prison's officer follows the action item to the drafted MoU, changes a Pasal and submits it; the heads of
// both parties agree (the prison's head again after a later change asked her to), the prison's head records
// the signing with the scan, and the agreement prints. A PKS with the partner hangs under the MoU; the work
// plan's target shows a live figure and an activity with its budget joins the timeline; the kecamatan's
// officer creates the next meeting with the open items carried over, takes attendance and assigns an action
// item; the owner of an item finds it on her home page; the agreement page fits a phone. Each journey starts
// from what the demo guarantees and does not depend on another having run (the PKS hangs under the demo MoU
// whatever its state; when the first journey ran, it is the signed one).

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
const KECAMATAN = 'Kecamatan Semarang Barat';
const KONVEKSI = 'Konveksi Maju Bersama (mitra demo)';
const DEMO_MEETING = 'Rapat Koordinasi Program Desa Binaan';
const DEMO_PLAN = 'Program Teknis Desa Binaan 2027';
const MOU_ITEM = 'Menyusun draf MoU Lapas Perempuan Semarang dan Kecamatan Semarang Barat';

/** The MoU the demo drafted (the prison's, between the prison and the kecamatan). */
async function demoMou() {
  return db()
    .selectFrom('agreement')
    .select(['id', 'title'])
    .where('kind', '=', 'mou')
    .where('organization_id', '=', LAPAS_ID)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
}

async function user(username: string) {
  return db()
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
}

async function partnerId(name: string) {
  const row = await db()
    .selectFrom('organization')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A PDF answered and saved whole: a real PDF of some size, kept for a person to look at. */
async function expectPdf(downloaded: Downloaded, keepAs: string) {
  expect(downloaded.status).toBe(200);
  expect(downloaded.contentType).toMatch(/^application\/pdf/);
  expect(downloaded.disposition).toMatch(/^attachment/);
  expect(downloaded.fileName).toMatch(/\.pdf$/);
  expect(downloaded.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(downloaded.bytes.length).toBeGreaterThan(2000);
  await keepDocument(keepAs, downloaded.bytes);
}

describe('from the demo meeting to a signed MoU', () => {
  it('follows the action item to the draft, changes a Pasal, both heads agree (again after a change), the head signs, and it prints', async () => {
    const today = jakartaToday();
    const mou = await demoMou();
    const kalapas = await user('kalapas');
    const camat = await user('camat');

    // The prison's officer opens the meeting of 27 April 2026 from Tata kelola → Rapat.
    const page = await newPage();
    await signInAs(page, base(), 'lapas.binadik');
    await new GovernanceSection(page).open('Rapat');
    await page.waitForURL((url) => url.pathname === '/tata-kelola/rapat');
    const list = new MeetingListPage(page);
    await list.meetingLink(DEMO_MEETING).waitFor();
    await expectAccessible(page, 'meeting list');
    expect(
      await list.past().locator('[data-meeting-id]').filter({ hasText: DEMO_MEETING }).textContent(),
    ).toContain(shown(DEMO_MEETING_DATE));
    await list.meetingLink(DEMO_MEETING).click();
    const meeting = new MeetingPage(page);
    await meeting.heading(DEMO_MEETING).waitFor();
    expect(await meeting.particulars().textContent()).toContain('Aula Kantor Kecamatan Semarang Barat');
    await page.getByText(shown(DEMO_MEETING_DATE), { exact: false }).first().waitFor();
    await meeting.agendaItems().first().waitFor();
    await expectAccessible(page, 'the demo meeting, its agenda and minutes');

    // Its decisions: the MoU and the technical program.
    await meeting.openTab('Keputusan');
    await expect.poll(() => meeting.decisions().count()).toBe(2);
    expect(await meeting.decisions().first().textContent()).toContain('Menyusun Nota Kesepahaman (MoU)');
    expect(await meeting.decisions().nth(1).textContent()).toContain('Menyusun program teknis');
    await expectAccessible(page, 'the demo meeting’s decisions');

    // Its action items; the MoU's links to the draft.
    await meeting.openTab('Tindak lanjut');
    const item = meeting.actionItem(MOU_ITEM);
    await item.waitFor();
    expect(await item.textContent()).toContain('Hesti Anggraeni');
    await expectAccessible(page, 'the demo meeting’s action items');
    await item.getByRole('link', { name: `MoU: ${mou.title}`, exact: true }).click();
    await page.waitForURL((url) => url.pathname === `/tata-kelola/kesepakatan/${mou.id}`);
    const agreement = new AgreementPage(page, base());
    await agreement.heading(mou.title).waitFor();
    expect(await agreement.status()).toEqual({ code: 'draft', text: 'Draf' });
    await agreement.editor().waitFor();
    await expectAccessible(page, 'the MoU draft and its editor');

    // A new ayat in Pasal 5 (Pembiayaan): version 2, and the difference readable word by word.
    const ayat =
      '(3) Biaya pelatihan keterampilan di dalam Lapas dibebankan pada DIPA Lapas; biaya pendampingan klien di kelurahan dibebankan pada APBD Kota Semarang.';
    await agreement.editClause(5, (body) => `${body}\n\n${ayat}`);
    await notification(page, 'Naskah disimpan sebagai versi 2.').waitFor();
    await page.getByText('Naskah versi 2', { exact: true }).waitFor();
    await agreement.openTab('Versi');
    await agreement.diffSummary().waitFor();
    expect(await agreement.diffSummary().textContent()).toMatch(
      /^Versi 1 → versi 2: \d+ kata ditambahkan, 0 kata dihapus\.$/,
    );
    const changed = agreement.diffSections().and(page.locator('[data-change="changed"]'));
    await expect.poll(() => changed.count()).toBe(1);
    expect(await changed.getByRole('heading').textContent()).toBe('Pasal 5: Pembiayaan');
    expect(await changed.locator('ins').allTextContents()).toEqual([expect.stringContaining('DIPA Lapas')]);
    await expectAccessible(page, 'the versions and their difference');

    // Submitted for review: both parties wait; the officer herself cannot agree.
    await agreement.submitForReview();
    await notification(page, 'Kesepakatan diajukan untuk ditelaah.').waitFor();
    await expect.poll(() => agreement.status()).toEqual({ code: 'in_review', text: 'Sedang ditelaah' });
    const waiting = (await agreement.partiesMissing().textContent()) ?? '';
    expect(waiting).toContain(LAPAS);
    expect(waiting).toContain(KECAMATAN);
    expect(await agreement.workflowButton(/^Setujui/).count()).toBe(0);
    await expectAccessible(page, 'the MoU in review');
    const asked = await db()
      .selectFrom('notification')
      .select(['user_id'])
      .where('kind', '=', 'agreement_review_requested')
      .where('user_id', 'in', [kalapas.id, camat.id])
      .execute();
    expect(new Set(asked.map((row) => row.user_id))).toEqual(new Set([kalapas.id, camat.id]));

    // The prison's head agrees version 2; she may not sign yet.
    const head = await newPage();
    await signInAs(head, base(), 'kalapas');
    const headView = new AgreementPage(head, base());
    await headView.open(mou.id);
    expect(await headView.workflowButton('Catat penandatanganan').count()).toBe(0);
    const agreeDialog = await headView.openAgree(LAPAS);
    expect(await agreeDialog.textContent()).toContain(`Anda menyetujui naskah versi 2 atas nama ${LAPAS}.`);
    await expectAccessible(head, 'the agree dialog');
    await agreeDialog.getByRole('button', { name: 'Setujui versi 2', exact: true }).click();
    await agreeDialog.waitFor({ state: 'detached' });
    await notification(head, 'Naskah versi 2 disetujui.').waitFor();
    await headView.openTab('Para pihak');
    await expect.poll(() => headView.partyRow(LAPAS).textContent()).toContain('Menyetujui versi 2');
    expect(await headView.partyRow(KECAMATAN).textContent()).toContain('Belum menyetujui');

    // A change to the text after that: version 3, and the prison is asked again (shown on the page).
    await page.reload();
    await agreement.openTab('Naskah');
    await agreement.editor().waitFor();
    await agreement.editClause(6, (body) => {
      expect(body).toContain('[3 (tiga)]');
      return body.replace('[3 (tiga)]', '3 (tiga)');
    });
    await notification(
      page,
      'Naskah disimpan sebagai versi 3. Pihak yang sudah menyetujui versi sebelumnya diminta menyetujui ulang.',
    ).waitFor();
    await agreement.openTab('Para pihak');
    const askedAgain = agreement.partyRow(LAPAS);
    await expect.poll(() => askedAgain.textContent()).toContain('Perlu menyetujui ulang (versi 3)');
    expect(await askedAgain.textContent()).toContain('Sebelumnya menyetujui versi 2');
    expect(await agreement.status()).toEqual({ code: 'in_review', text: 'Sedang ditelaah' });
    await expectAccessible(page, 'the parties, one asked to agree again');
    const outdated = await db()
      .selectFrom('agreement_event')
      .select(['organization_id', 'text_version'])
      .where('agreement_id', '=', mou.id)
      .where('kind', '=', 'agreement_outdated')
      .execute();
    expect(outdated).toEqual([{ organization_id: LAPAS_ID, text_version: 3 }]);

    // Both heads agree version 3: agreed by all.
    await head.reload();
    await headView.agree(LAPAS, 3);
    await notification(head, 'Naskah versi 3 disetujui.').waitFor();
    const districtHead = await newPage();
    await signInAs(districtHead, base(), 'camat');
    const districtView = new AgreementPage(districtHead, base());
    await districtView.open(mou.id);
    await expectAccessible(districtHead, 'the MoU as the camat reviews it');
    await districtView.agree(KECAMATAN, 3);
    await notification(
      districtHead,
      'Disetujui. Semua pihak kini telah menyetujui; kesepakatan siap ditandatangani.',
    ).waitFor();
    await expect.poll(() => districtView.status()).toEqual({ code: 'agreed', text: 'Disetujui semua pihak' });

    // The prison's head records the signing with the scan, in force from today.
    await head.reload();
    await expect.poll(() => headView.status()).toEqual({ code: 'agreed', text: 'Disetujui semua pihak' });
    const signDialog = await headView.openSign();
    const scan = smallPdf('Nota Kesepahaman - naskah bertanda tangan');
    await headView.fillSigning(signDialog, {
      place: 'Semarang',
      validFrom: today,
      scan: { name: 'mou-bertanda-tangan.pdf', mimeType: 'application/pdf', buffer: scan },
    });
    await expectAccessible(head, 'the signing dialog, filled');
    await signDialog.getByRole('button', { name: 'Simpan penandatanganan', exact: true }).click();
    await signDialog.waitFor({ state: 'detached' });
    await notification(head, 'Penandatanganan dicatat.').waitFor();
    await expect.poll(() => headView.status()).toEqual({ code: 'in_force', text: 'Berlaku' });
    await head.getByText(`${shown(today)} di Semarang`, { exact: true }).waitFor();
    expect(await headView.workflowButton('Catat penandatanganan').count()).toBe(0);
    await expectAccessible(head, 'the signed MoU');
    const signed = await db()
      .selectFrom('agreement')
      .select(['status', 'text_version', 'signed_on', 'signed_place', 'valid_from', 'signed_by'])
      .where('id', '=', mou.id)
      .executeTakeFirstOrThrow();
    expect(signed).toEqual({
      status: 'signed',
      text_version: 3,
      signed_on: today,
      signed_place: 'Semarang',
      valid_from: today,
      signed_by: kalapas.id,
    });
    const events = await db()
      .selectFrom('agreement_event')
      .select('kind')
      .where('agreement_id', '=', mou.id)
      .orderBy('created_at')
      .execute();
    expect(events.map((event) => event.kind)).toEqual(
      expect.arrayContaining(['text_changed', 'submitted', 'agreed', 'agreement_outdated', 'signed']),
    );

    // The agreement as PDF, and the scan as uploaded.
    const printed = await downloadThrough(head, headView.printButton(), `/api/agreements/${mou.id}/pdf`);
    await expectPdf(printed, 'kesepakatan-mou.pdf');
    const scanBack = await downloadThrough(head, headView.scanButton(), `/api/agreements/${mou.id}/scan`);
    expect(scanBack.status).toBe(200);
    expect(scanBack.bytes.equals(scan)).toBe(true);
    const audited = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', mou.id)
      .where('action', 'in', ['agreement.printed', 'agreement.scan_downloaded', 'agreement.signed'])
      .execute();
    expect(new Set(audited.map((row) => row.action))).toEqual(
      new Set(['agreement.printed', 'agreement.scan_downloaded', 'agreement.signed']),
    );
  }, 300_000);
});

describe('a PKS with the partner under the MoU', () => {
  it('is refused without its parent MoU, then created under it; the partner sees it and not the MoU', async () => {
    const mou = await demoMou();
    const konveksi = await partnerId(KONVEKSI);
    const title =
      'Perjanjian Kerja Sama tentang Pelatihan Menjahit dan Penyerapan Tenaga Kerja bagi Warga Binaan dan Klien Pascabebas';

    const page = await newPage();
    await signInAs(page, base(), 'lapas.binadik');
    await new GovernanceSection(page).open('Kesepakatan');
    await page.waitForURL((url) => url.pathname === '/tata-kelola/kesepakatan');
    await page.locator(`[data-agreement-id="${mou.id}"]`).waitFor();
    await expectAccessible(page, 'agreement list');
    await page.getByRole('link', { name: 'Buat kesepakatan', exact: true }).click();
    const form = new AgreementCreatePage(page);
    await form.heading().waitFor();
    await form.chooseKind('Perjanjian Kerja Sama (PKS)');
    await form.field('Judul').fill(title);
    await form.fillFirstSignatory({
      signatory: 'Retno Kusumawardani',
      position: 'Kepala Lapas Perempuan Kelas IIA Semarang',
      number: 'W.12.PAS.PAS.13-HM.05.02-131',
    });
    await form.fillSecondParty({
      organization: KONVEKSI,
      signatory: 'Hendro Wicaksono',
      position: 'Direktur Konveksi Maju Bersama',
      number: '012/KMB/XI/2026',
    });
    await expectAccessible(page, 'new PKS form');

    // Without its parent MoU: the field says so, and the server refuses it too.
    await form.submit().click();
    await expect.poll(() => form.isInvalid('MoU induk')).toBe(true);
    expect(await form.messageOf('MoU induk')).toContain('PKS harus berinduk pada MoU');
    expect(new URL(page.url()).pathname).toBe('/tata-kelola/kesepakatan/baru');
    const refused = await apiCall<{ error: { code: string; fields?: Record<string, string> } }>(
      page,
      'POST',
      '/api/agreements',
      {
        kind: 'pks',
        parentId: null,
        title,
        clauses: [],
        obligations: [],
        parties: [{ organizationId: LAPAS_ID }, { organizationId: konveksi }],
      },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields?.parentId).toContain('PKS harus berinduk pada MoU');
    await expectAccessible(page, 'new PKS form refused');

    // Under the MoU: saved as a draft, version 1, linked both ways.
    await form.chooseParent(mou.title);
    await form.submit().click();
    await notification(page, 'Draf kesepakatan disimpan sebagai versi 1.').waitFor();
    await page.waitForURL((url) => /^\/tata-kelola\/kesepakatan\/[0-9a-f-]{36}$/.test(url.pathname));
    const pks = new AgreementPage(page, base());
    await pks.heading(title).waitFor();
    expect(await pks.status()).toEqual({ code: 'draft', text: 'Draf' });
    await page.getByRole('link', { name: mou.title, exact: true }).waitFor();
    await expectAccessible(page, 'the new PKS');
    const stored = await db()
      .selectFrom('agreement')
      .select(['id', 'kind', 'parent_id', 'text_version'])
      .where('title', '=', title)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ kind: 'pks', parent_id: mou.id, text_version: 1 });
    const parties = await db()
      .selectFrom('agreement_party')
      .select(['organization_id', 'position', 'signatory_name'])
      .where('agreement_id', '=', stored.id)
      .orderBy('position')
      .execute();
    expect(parties).toEqual([
      { organization_id: LAPAS_ID, position: 1, signatory_name: 'Retno Kusumawardani' },
      { organization_id: konveksi, position: 2, signatory_name: 'Hendro Wicaksono' },
    ]);

    // The MoU lists it under "PKS & program teknis".
    await page.getByRole('link', { name: mou.title, exact: true }).click();
    await pks.heading(mou.title).waitFor();
    const related = await pks.openTab('PKS & program teknis');
    await related.getByRole('link', { name: title, exact: true }).waitFor();
    await expectAccessible(page, 'the MoU’s PKS and work plans');

    // The partner's head sees the PKS (a party) and not the MoU (not a party).
    const partner = await newPage();
    await signInAs(partner, base(), 'mitra.pimpinan');
    await new GovernanceSection(partner).open('Kesepakatan');
    await partner.locator(`[data-agreement-id="${stored.id}"]`).waitFor();
    expect(await partner.locator(`[data-agreement-id="${mou.id}"]`).count()).toBe(0);
    await expectAccessible(partner, 'the partner’s agreements');
    const theirs = await apiCall<AgreementList>(partner, 'GET', '/api/agreements');
    expect(theirs.body.items.map((row) => row.id)).toEqual([stored.id]);
    expect((await apiCall(partner, 'GET', `/api/agreements/${mou.id}`)).status).toBe(404);
  }, 180_000);
});

describe('the work plan under the MoU', () => {
  it('shows a target’s live figure, takes an activity with its budget onto the timeline, and exports', async () => {
    const today = jakartaToday();
    const page = await newPage();
    await signInAs(page, base(), 'lapas.binadik');
    await new GovernanceSection(page).open('Program teknis');
    await page.waitForURL((url) => url.pathname === '/tata-kelola/program-teknis');
    await page.getByRole('link', { name: DEMO_PLAN, exact: true }).first().waitFor();
    await expectAccessible(page, 'work plan list');
    await page.getByRole('link', { name: DEMO_PLAN, exact: true }).first().click();
    const plan = new WorkPlanPage(page);
    await plan.heading(DEMO_PLAN).waitFor();
    await expectAccessible(page, 'the draft work plan');
    const planId = plan.id();
    const read = async () => (await apiCall<WorkPlan>(page, 'GET', `/api/work-plans/${planId}`)).body;
    const trainedOf = (workPlan: WorkPlan) =>
      workPlan.targets.find((target) => target.metric === 'women_trained' && target.targetValue === 40);

    // The demo's "trained" target over 2027 alone: the system's figure for that period.
    await plan.openTab('Target');
    const demoTarget = plan.target('Warga binaan selesai pelatihan');
    const before = trainedOf(await read())?.actual;
    await expect.poll(() => demoTarget.textContent()).toContain(`${before} dari target 40`);
    expect(await demoTarget.textContent()).toContain('Dari data Sinergi');

    // The plan also covers the training already done: its period starts earlier, and the figure follows.
    const start = `${Number(today.slice(0, 4)) - 1}-01-01`;
    await plan.changePeriodStart(start);
    await notification(page, 'Program teknis disimpan.').waitFor();
    await plan
      .summary()
      .getByText(`${shown(start)} – 31/12/2027`, { exact: true })
      .waitFor();
    const after = trainedOf(await read())?.actual ?? 0;
    expect(after).toBeGreaterThan(before ?? 0);
    await expect.poll(() => demoTarget.textContent()).toContain(`${after} dari target 40`);

    // A new target on a system figure: its live value at once.
    const label = 'Perempuan selesai pelatihan tata boga dan menjahit';
    const targetDialog = await plan.addTarget({
      label,
      metric: 'Perempuan yang menyelesaikan pelatihan',
      value: 30,
      activity: 'Pelatihan tata boga dan pengemasan produk makanan (2 angkatan)',
    });
    await expectAccessible(page, 'new target dialog');
    await targetDialog.getByRole('button', { name: 'Simpan', exact: true }).click();
    await targetDialog.waitFor({ state: 'detached' });
    await notification(page, `Target "${label}" ditambahkan.`).waitFor();
    const added = plan.target(label);
    await added.waitFor();
    expect(await added.textContent()).toContain(`${after} dari target 30`);
    expect(await added.textContent()).toContain('Dari data Sinergi');
    await added
      .getByRole('progressbar', {
        name: `Capaian ${label}: ${Math.round((after / 30) * 100)}% dari target`,
      })
      .waitFor();
    await expectAccessible(page, 'targets with live figures');

    // An activity with a budget in Rupiah: the source is asked for, then it is in the list.
    await plan.openTab('Kegiatan');
    const activityDialog = await plan.openNewActivity();
    const activity = {
      kind: 'Pendampingan',
      title: 'Pendampingan usaha menjahit klien pascabebas di Kelurahan Krobokan',
      location: 'Balai Kelurahan Krobokan',
      startsOn: '2027-03-01',
      endsOn: '2027-06-30',
      budget: 7_500_000,
    };
    await plan.fillActivity(activityDialog, activity);
    await activityDialog.getByRole('button', { name: 'Simpan', exact: true }).click();
    const source = byLabel(activityDialog, 'Sumber anggaran');
    await expect.poll(() => source.getAttribute('aria-invalid')).toBe('true');
    expect(await describedBy(page, source)).toContain('Pilih sumber anggaran bila anggaran lebih dari 0');
    await expectAccessible(page, 'new activity dialog, source missing');
    await choose(page, 'Sumber anggaran', 'APBD', activityDialog);
    await activityDialog.getByRole('button', { name: 'Simpan', exact: true }).click();
    await activityDialog.waitFor({ state: 'detached' });
    await notification(page, `Kegiatan "${activity.title}" ditambahkan.`).waitFor();
    const row = plan.activityRow(activity.title);
    await row.waitFor();
    const rowText = (await row.textContent()) ?? '';
    expect(rowText).toContain('Rp 7.500.000');
    expect(rowText).toContain('APBD');
    expect(rowText).toContain('01/03/2027 – 30/06/2027');
    const stored = await db()
      .selectFrom('work_plan_activity')
      .select(['id', 'kind', 'budget_amount', 'budget_source', 'starts_on', 'ends_on'])
      .where('work_plan_id', '=', planId)
      .where('title', '=', activity.title)
      .executeTakeFirstOrThrow();
    expect({ ...stored, budget_amount: Number(stored.budget_amount) }).toMatchObject({
      kind: 'mentoring',
      budget_amount: 7_500_000,
      budget_source: 'apbd',
      starts_on: '2027-03-01',
      ends_on: '2027-06-30',
    });
    const total = (await read()).budget.total;
    await plan
      .summary()
      .getByText(`Rp ${total.toLocaleString('id-ID')}`, { exact: true })
      .waitFor();
    await expectAccessible(page, 'activities and budget');

    // The timeline shows it across its months.
    await plan.openTab('Linimasa');
    const bar = plan.timeline().locator(`[data-activity-id="${stored.id}"]`);
    await bar.waitFor();
    expect(await bar.textContent()).toContain('01/03/2027 – 30/06/2027');
    await expectAccessible(page, 'the timeline');

    // PDF and Excel.
    const pdf = await downloadThrough(
      page,
      plan.exportButton('Unduh PDF'),
      `/api/work-plans/${planId}/export.pdf`,
    );
    await expectPdf(pdf, 'program-teknis.pdf');
    const xlsx = await downloadThrough(
      page,
      plan.exportButton('Unduh Excel'),
      `/api/work-plans/${planId}/export.xlsx`,
    );
    expect(xlsx.status).toBe(200);
    expect(xlsx.contentType).toMatch(
      /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet/,
    );
    expect(xlsx.fileName).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Program', 'Kegiatan', 'Target']);
    const cells: string[] = [];
    workbook.getWorksheet('Kegiatan')?.eachRow((sheetRow) => {
      sheetRow.eachCell((cell) => {
        cells.push(String(cell.value));
      });
    });
    expect(cells).toContain(activity.title);
    const exported = await db()
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', planId)
      .where('action', '=', 'workplan.exported')
      .execute();
    expect(exported).toHaveLength(2);
  }, 240_000);
});

describe('the next coordination meeting', () => {
  it('is created by the kecamatan with the open items carried over; attendance, an action item, the printouts', async () => {
    const today = jakartaToday();
    const binadik = await user('lapas.binadik');
    const page = await newPage();
    await signInAs(page, base(), 'kecamatan');
    await new GovernanceSection(page).open('Rapat');
    const list = new MeetingListPage(page);
    await list.createButton().click();
    const form = new MeetingCreatePage(page);
    await form.heading().waitFor();
    await expectAccessible(page, 'new meeting form');

    const title = 'Rapat Koordinasi Program Desa Binaan Triwulan IV';
    const heldOn = plusDays(today, 28);
    await form.fillParticulars({
      title,
      heldOn,
      startsAt: '09:00',
      endsAt: '11:30',
      place: 'Aula Kantor Kecamatan Semarang Barat',
      chair: 'Prasetyo Adi Nugroho, Camat Semarang Barat',
    });
    await form.field('Judul agenda 1').fill('Evaluasi pelaksanaan program Desa Binaan');
    await form.field('Penyaji agenda 1').fill('Agus Santoso');
    await form.addUser('Hesti', /^Hesti Anggraeni/);
    await form.addUser('Prasetyo', /^Prasetyo Adi Nugroho/);
    await expect.poll(() => form.attendeeRows().count()).toBe(2);
    await expectAccessible(page, 'new meeting form, filled');
    await form.submit().click();
    await notification(page, 'Rapat dibuat.').waitFor();
    const meeting = new MeetingPage(page);
    await meeting.heading(title).waitFor();
    const meetingId = meeting.id();

    // The first agenda item carries the open items over, as the server linked them.
    const carried = await db()
      .selectFrom('meeting_carry_over as c')
      .innerJoin('action_item as a', 'a.id', 'c.action_item_id')
      .select(['a.id', 'a.title'])
      .where('c.meeting_id', '=', meetingId)
      .execute();
    expect(carried.map((row) => row.title)).toContain(
      'Menelaah draf MoU dan menyiapkan penandatanganan oleh Camat',
    );
    const first = meeting.agendaItems().first();
    expect(await first.getAttribute('data-agenda-kind')).toBe('carry_over');
    expect(await first.getByRole('heading').first().textContent()).toBe(
      '1. Tindak lanjut hasil rapat sebelumnya',
    );
    const carriedList = meeting.carriedInAgenda().locator('[data-action-item-id]');
    await expect.poll(() => carriedList.count()).toBe(carried.length);
    for (const row of carried) {
      expect(
        await meeting.carriedInAgenda().locator(`[data-action-item-id="${row.id}"]`).textContent(),
      ).toContain(row.title);
    }
    expect(await meeting.agendaItems().nth(1).textContent()).toContain(
      'Evaluasi pelaksanaan program Desa Binaan',
    );
    await expectAccessible(page, 'the new meeting’s agenda with carried items');

    // Everyone present in one step.
    await meeting.openTab('Daftar hadir');
    await page.getByRole('button', { name: 'Semua hadir', exact: true }).click();
    await notification(page, 'Semua peserta ditandai hadir. Ubah yang tidak hadir atau izin.').waitFor();
    await meeting
      .attendanceSummary()
      .filter({ hasText: '2 hadir, 0 tidak hadir, 0 izin, 0 belum dicatat (dari 2)' })
      .waitFor();
    await expectAccessible(page, 'attendance, all present');

    // An action item without owner and due date is refused on its fields; then with both.
    await meeting.openTab('Tindak lanjut');
    const actionTitle = 'Menyiapkan naskah final MoU dan jadwal penandatanganan';
    const dialog = await meeting.openNewActionItem();
    await dialog.fillTitle(actionTitle);
    await dialog.submit().click();
    await expect.poll(() => dialog.isInvalid('Instansi penanggung jawab')).toBe(true);
    expect(await dialog.messageOf('Instansi penanggung jawab')).toContain(
      'Pilih instansi penanggung jawab tindak lanjut.',
    );
    expect(await dialog.messageOf('Pengguna penanggung jawab')).toContain('Isi penanggung jawab');
    expect(await dialog.messageOf('Batas waktu')).toContain('Isi tanggal tenggat tindak lanjut.');
    await expectAccessible(page, 'new action item refused');
    const dueOn = plusDays(today, 42);
    await dialog.chooseOwner(LAPAS, /^Hesti Anggraeni/);
    await dialog.pickDue(dueOn);
    await dialog.linkTopic('Penandatanganan MoU');
    await dialog.submit().click();
    await dialog.root.waitFor({ state: 'detached' });
    await notification(page, 'Tindak lanjut ditambahkan.').waitFor();
    const added = meeting.actionItem(actionTitle);
    await added.waitFor();
    const addedText = (await added.textContent()) ?? '';
    expect(addedText).toContain('Hesti Anggraeni');
    expect(addedText).toContain(LAPAS);
    expect(addedText).toContain(shown(dueOn));
    await expectAccessible(page, 'the new meeting’s action items');
    const stored = await db()
      .selectFrom('action_item')
      .select(['id', 'owner_organization_id', 'owner_user_id', 'due_on', 'status', 'topic'])
      .where('meeting_id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({
      owner_organization_id: LAPAS_ID,
      owner_user_id: binadik.id,
      due_on: dueOn,
      status: 'open',
      topic: 'Penandatanganan MoU',
    });
    const told = await db()
      .selectFrom('notification')
      .select('kind')
      .where('user_id', '=', binadik.id)
      .where('kind', '=', 'action_item_assigned')
      .execute();
    expect(told.length).toBeGreaterThan(0);

    // The minutes and the attendance list.
    await expectPdf(
      await downloadThrough(
        page,
        meeting.documentButton('Unduh notulen (PDF)'),
        `/api/meetings/${meetingId}/notulen.pdf`,
      ),
      'notulen-rapat-baru.pdf',
    );
    await expectPdf(
      await downloadThrough(
        page,
        meeting.documentButton('Unduh daftar hadir (PDF)'),
        `/api/meetings/${meetingId}/daftar-hadir.pdf`,
      ),
      'daftar-hadir-rapat-baru.pdf',
    );

    // The owner finds it on her home page.
    const owner = await newPage();
    await signInAs(owner, base(), 'lapas.binadik');
    await myActionItemsCard(owner).getByText(actionTitle, { exact: true }).waitFor();
    const meetings = await db()
      .selectFrom('meeting')
      .select('organization_id')
      .where('id', '=', meetingId)
      .executeTakeFirstOrThrow();
    expect(meetings.organization_id).toBe(KECAMATAN_ID);
  }, 240_000);
});

describe('the owner of an action item', () => {
  it('finds it on her home page, updates it, prints the meeting’s minutes and makes its activity report', async () => {
    const page = await newPage();
    await signInAs(page, base(), 'kecamatan');
    const card = myActionItemsCard(page);
    await card.waitFor();
    const mine = (
      await apiCall<MyActionItems>(page, 'GET', '/api/governance/my-action-items?page=1&pageSize=5')
    ).body;
    const review = mine.items.find(
      (item) => item.title === 'Menelaah draf MoU dan menyiapkan penandatanganan oleh Camat',
    );
    if (!review) throw new Error('the demo gives the kecamatan officer the MoU review');
    for (const item of mine.items) await card.getByRole('link', { name: item.title, exact: true }).waitFor();
    const reviewCard = card.locator(`[data-action-item-id="${review.id}"]`);
    expect(await reviewCard.textContent()).toContain(`Batas waktu ${shown(review.dueOn)}`);
    if (review.overdue) expect(await reviewCard.textContent()).toMatch(/Terlambat( \d+ hari)?/);
    await expectAccessible(page, 'home page with “Tindak lanjut saya”');

    // Its meeting, where she reports progress.
    await reviewCard.getByRole('link', { name: review.title, exact: true }).click();
    const meeting = new MeetingPage(page);
    await meeting.heading(DEMO_MEETING).waitFor();
    await meeting.openTab('Tindak lanjut');
    await page.getByRole('button', { name: `Perbarui status "${review.title}"`, exact: true }).click();
    const progress = page.getByRole('dialog', { name: 'Perbarui status tindak lanjut' });
    await choose(page, 'Status', 'Sedang dikerjakan', progress);
    await byLabel(progress, 'Catatan perkembangan').fill('Draf MoU sudah ditelaah bagian hukum kecamatan.');
    await expectAccessible(page, 'progress dialog');
    await progress.getByRole('button', { name: 'Simpan', exact: true }).click();
    await progress.waitFor({ state: 'detached' });
    await notification(page, 'Status tindak lanjut disimpan.').waitFor();
    expect(await meeting.actionItem(review.title).textContent()).toContain('Draf MoU sudah ditelaah');

    // The meeting's minutes and attendance list, as PDF.
    const meetingId = meeting.id();
    await expectPdf(
      await downloadThrough(
        page,
        meeting.documentButton('Unduh notulen (PDF)'),
        `/api/meetings/${meetingId}/notulen.pdf`,
      ),
      'notulen-27-04-2026.pdf',
    );
    await expectPdf(
      await downloadThrough(
        page,
        meeting.documentButton('Unduh daftar hadir (PDF)'),
        `/api/meetings/${meetingId}/daftar-hadir.pdf`,
      ),
      'daftar-hadir-27-04-2026.pdf',
    );

    // An activity report drafted from the meeting, as PDF.
    await meeting.documentButton('Buat laporan kegiatan').click();
    await notification(page, 'Draf laporan kegiatan dibuat dari rapat ini.').waitFor();
    await page.waitForURL((url) => url.pathname.startsWith('/tata-kelola/laporan/'));
    await page.getByRole('heading', { level: 1, name: DEMO_MEETING, exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Ringkasan' }).inputValue()).toContain(
      'Aula Kantor Kecamatan Semarang Barat',
    );
    await expectAccessible(page, 'the activity report draft');
    const reportId = new URL(page.url()).pathname.split('/')[3] ?? '';
    await expectPdf(
      await downloadThrough(
        page,
        page.getByRole('button', { name: 'Unduh PDF', exact: true }),
        `/api/governance/activity-reports/${reportId}/pdf`,
      ),
      'laporan-kegiatan.pdf',
    );

    // Home again: the item, now in progress.
    await page.goto(`${base()}/`);
    await card.locator(`[data-action-item-id="${review.id}"]`).getByText('Sedang dikerjakan').waitFor();
  }, 180_000);
});

describe('the agreement page on a phone', () => {
  it('fits 390 px on every tab', async () => {
    const mou = await demoMou();
    const page = await newPage({ width: 390, height: 844 });
    await signInAs(page, base(), 'lapas.binadik');
    const agreement = new AgreementPage(page, base());
    await agreement.open(mou.id);
    for (const tab of [
      'Naskah',
      'Para pihak',
      'Kewajiban',
      'Versi',
      'Riwayat',
      'PKS & program teknis',
    ] as const) {
      await agreement.openTab(tab);
      await openPanel(page).waitFor();
      await page.waitForLoadState('networkidle');
      expect(
        await horizontalOverflow(page),
        `sideways scroll on the agreement's ${tab} tab`,
      ).toBeLessThanOrEqual(0);
      await expectAccessible(page, `the agreement's ${tab} tab on a phone`);
    }
  }, 120_000);
});

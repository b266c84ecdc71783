import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { AppShell } from './pages.ts';
import { byLabel, choose, describedBy } from './people.ts';
import { pickDate } from './training.ts';

// Page objects of governance (issue 8) under /tata-kelola: the section's tabs, the meetings (list, page with
// its agenda, attendance, decisions and action items, the create form), the agreements (page with its
// workflow dialogs, text editor, parties and versions; the create form) and the work plans (page with its
// activities, timeline and targets). Indonesian, as the officers and heads read them.

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A whole accessible name, a required field's " *" allowed. */
function exactly(text: string): RegExp {
  return new RegExp(`^${escapeRegExp(text)}( \\*)?$`);
}

/** A titled part of a page (a SectionCard): the section its heading of that id labels. */
function sectionCard(page: Page, headingId: string): Locator {
  return page.locator(`section[aria-labelledby="${headingId}"]`);
}

/** The open tab's panel: the innermost (the governance section's own tabs hold every page). */
export function openPanel(page: Page): Locator {
  return page.getByRole('tabpanel').last();
}

/** The section's tabs, reached from the main navigation ("Tata kelola"). */
export class GovernanceSection {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  /** Opens "Tata kelola" from the navigation, then one of its tabs. */
  async open(
    tab?:
      | 'Ringkasan'
      | 'Kesepakatan'
      | 'Program teknis'
      | 'Rapat'
      | 'Laporan kegiatan'
      | 'Wakil penanda tangan',
  ) {
    await new AppShell(this.page).go('Tata kelola');
    await this.page.getByRole('heading', { level: 1, name: 'Tata kelola' }).waitFor();
    if (tab) await this.tab(tab).click();
  }

  tabs() {
    return this.page.getByRole('tablist', { name: 'Bagian tata kelola' });
  }

  tab(name: string) {
    return this.tabs().getByRole('tab', { name, exact: true });
  }
}

/**
 * A download started by a button of the page (the app fetches the file, then saves it): the server's answer
 * (status, type, name) and the bytes the browser saved.
 */
export interface Downloaded {
  status: number;
  contentType: string;
  disposition: string;
  fileName: string;
  bytes: Buffer;
}

export async function downloadThrough(page: Page, button: Locator, addressPart: string): Promise<Downloaded> {
  const answered = page.waitForResponse(
    (response) => response.url().includes(addressPart) && response.request().method() === 'GET',
  );
  const saved = page.waitForEvent('download');
  await button.click();
  const response = await answered;
  const download = await saved;
  const bytes = await readFile((await download.path()) ?? '');
  return {
    status: response.status(),
    contentType: response.headers()['content-type'] ?? '',
    disposition: response.headers()['content-disposition'] ?? '',
    fileName: download.suggestedFilename(),
    bytes,
  };
}

/**
 * Keeps a downloaded document for a person to look at (rendered to images outside the test), when
 * E2E_DOCUMENTS_DIR names a directory; otherwise nothing.
 */
export async function keepDocument(name: string, bytes: Buffer) {
  const dir = process.env.E2E_DOCUMENTS_DIR;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), bytes);
}

/** A small, valid one-page PDF (what a scanner gives, in miniature): the signed scan of the journeys. */
export function smallPdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  const stream = `BT /F1 14 Tf 72 770 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  objects[3] = `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/**
 * Calls the API from inside the signed-in page (session cookie and CSRF token, as the app does) and
 * returns the status and the JSON answer: proves what the server refuses beyond what the screen offers.
 */
export async function apiCall<T = unknown>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  address: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, address, body }) => {
      const me = (await (await fetch('/api/me', { credentials: 'same-origin' })).json()) as {
        csrfToken: string;
      };
      const response = await fetch(address, {
        method,
        credentials: 'same-origin',
        headers:
          method === 'GET'
            ? {}
            : { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken, 'Accept-Language': 'id' },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
    { method, address, body },
  ) as Promise<{ status: number; body: T }>;
}

/** /tata-kelola/rapat: the meetings coming and past. */
export class MeetingListPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  upcoming() {
    return sectionCard(this.page, 'meetings-upcoming');
  }

  past() {
    return sectionCard(this.page, 'meetings-past');
  }

  meetingLink(title: string, where: 'upcoming' | 'past' = 'past') {
    return (where === 'past' ? this.past() : this.upcoming()).getByRole('link', { name: title, exact: true });
  }

  createButton() {
    return this.page.getByRole('link', { name: 'Buat rapat', exact: true });
  }
}

/** /tata-kelola/rapat/:id: the header, particulars, documents and the tabs. */
export class MeetingPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(title: string) {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  id(): string {
    return new URL(this.page.url()).pathname.split('/')[3] ?? '';
  }

  particulars() {
    return this.page.getByRole('region', { name: 'Data rapat' });
  }

  /** A tab of the meeting by the start of its name ("Keputusan (2)"). */
  async openTab(name: 'Agenda & notulen' | 'Daftar hadir' | 'Keputusan' | 'Tindak lanjut' | 'Dokumentasi') {
    await this.page
      .getByRole('tablist', { name: 'Bagian rapat' })
      .getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}( \\(\\d+\\))?$`) })
      .click();
    return openPanel(this.page);
  }

  /** The agenda items (each a list item named by its heading "1. Title"). */
  agendaItems() {
    return this.page.locator('li[data-agenda-kind]');
  }

  /** The action items carried into the meeting, as its first agenda item lists them. */
  carriedInAgenda() {
    return this.page.getByRole('list', { name: 'Tindak lanjut yang dibawa ke rapat ini' });
  }

  decisions() {
    return this.page.getByRole('list', { name: 'Keputusan' }).locator('[data-decision-id]');
  }

  /** An action item's row (table) or card (phone) in the "Tindak lanjut" tab, by its title. */
  actionItem(title: string) {
    return this.page.locator('[data-action-item-id]').filter({ hasText: title }).first();
  }

  documentButton(name: 'Unduh notulen (PDF)' | 'Unduh daftar hadir (PDF)' | 'Buat laporan kegiatan') {
    return this.page
      .getByRole('region', { name: 'Dokumen rapat' })
      .getByRole('button', { name, exact: true });
  }

  attendanceSummary() {
    return openPanel(this.page).getByText(/^\d+ hadir, \d+ tidak hadir/);
  }

  /** Opens "Tambah tindak lanjut" and returns its dialog. */
  async openNewActionItem() {
    await this.page.getByRole('button', { name: 'Tambah tindak lanjut', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah tindak lanjut' });
    await dialog.waitFor();
    return new ActionItemDialog(this.page, dialog);
  }
}

/** The dialog of a new (or changed) action item. */
export class ActionItemDialog {
  readonly page: Page;
  readonly root: Locator;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.root = root;
  }

  field(label: string) {
    return byLabel(this.root, label);
  }

  async fillTitle(title: string) {
    await this.field('Judul tindak lanjut').fill(title);
  }

  async chooseOwner(organization: string, person: string | RegExp) {
    await choose(this.page, 'Instansi penanggung jawab', organization, this.root);
    await choose(this.page, 'Pengguna penanggung jawab', person, this.root);
  }

  async pickDue(iso: string) {
    await pickDate(this.page, 'Batas waktu', iso, this.root);
  }

  async linkTopic(topic: string) {
    await choose(this.page, 'Terkait dengan', 'Topik', this.root);
    await this.field('Topik').fill(topic);
  }

  submit() {
    return this.root.getByRole('button', { name: 'Tambah', exact: true });
  }

  async isInvalid(label: string) {
    return (await this.field(label).getAttribute('aria-invalid')) === 'true';
  }

  async messageOf(label: string) {
    return describedBy(this.page, this.field(label));
  }
}

/** /tata-kelola/rapat/baru: particulars, agenda and attendees. */
export class MeetingCreatePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Buat rapat koordinasi' });
  }

  field(label: string) {
    return byLabel(this.page, label);
  }

  async fillParticulars(meeting: {
    title: string;
    heldOn: string;
    startsAt: string;
    endsAt: string;
    place: string;
    chair: string;
  }) {
    await this.field('Judul rapat').fill(meeting.title);
    await pickDate(this.page, 'Tanggal', meeting.heldOn);
    await this.field('Jam mulai').fill(meeting.startsAt);
    await this.field('Jam selesai').fill(meeting.endsAt);
    await this.field('Tempat').fill(meeting.place);
    await this.field('Pimpinan rapat').fill(meeting.chair);
  }

  /** Adds an attendee who has an account: searched by (part of) her name, picked from the answers. */
  async addUser(search: string, option: RegExp) {
    await this.field('Cari pengguna').fill(search);
    await this.page.getByRole('option', { name: option }).first().click();
  }

  attendeeRows() {
    return this.page.getByRole('list', { name: 'Daftar peserta rapat' }).getByTestId('attendee-row');
  }

  submit() {
    return this.page.getByRole('button', { name: 'Buat rapat', exact: true });
  }
}

/** /tata-kelola/kesepakatan/:id: the agreement's state, its workflow buttons and its tabs. */
export class AgreementPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  async open(id: string) {
    await this.page.goto(`${this.baseUrl}/tata-kelola/kesepakatan/${id}`);
    await this.page.getByRole('heading', { level: 1 }).waitFor();
    await this.statusBadge().waitFor();
  }

  heading(title: string) {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  id(): string {
    return new URL(this.page.url()).pathname.split('/')[3] ?? '';
  }

  /** The effective status badge of the header (the first on the page). */
  statusBadge() {
    return this.page.locator('[data-agreement-status]').first();
  }

  async status(): Promise<{ code: string; text: string }> {
    const badge = this.statusBadge();
    return {
      code: (await badge.getAttribute('data-agreement-status')) ?? '',
      text: ((await badge.textContent()) ?? '').trim(),
    };
  }

  /** "Naskah versi 3", beside the status. */
  textVersion() {
    return this.page.getByText(/^Naskah versi \d+$/);
  }

  workflow() {
    return this.page.locator('[data-agreement-actions]');
  }

  workflowButton(name: string | RegExp) {
    return this.workflow().getByRole('button', {
      name: typeof name === 'string' ? exactly(name) : name,
    });
  }

  partiesMissing() {
    return this.page.getByTestId('parties-missing');
  }

  async openTab(
    name:
      | 'Naskah'
      | 'Para pihak'
      | 'Kewajiban'
      | 'Versi'
      | 'Riwayat'
      | 'PKS & program teknis'
      | 'Program teknis',
  ) {
    await this.page
      .getByRole('tablist', { name: 'Bagian kesepakatan' })
      .getByRole('tab', { name, exact: true })
      .click();
    return openPanel(this.page);
  }

  // The text editor of the "Naskah" tab.

  editor() {
    return this.page.locator('form[data-agreement-editor]');
  }

  clauseBody(number: number) {
    return byLabel(this.editor(), `Isi Pasal ${number}`);
  }

  saveTextButton() {
    return this.editor().getByRole('button', { name: 'Simpan naskah', exact: true });
  }

  /** Changes a Pasal's body (the whole text of the box) and saves the text. */
  async editClause(number: number, change: (body: string) => string) {
    const box = this.clauseBody(number);
    await box.fill(change(await box.inputValue()));
    await this.saveTextButton().click();
  }

  // The "Para pihak" tab.

  partyRow(organization: string) {
    return this.page
      .getByRole('region', { name: 'Daftar para pihak dan persetujuannya' })
      .getByRole('row')
      .filter({ hasText: organization });
  }

  // The "Versi" tab: the comparison of two versions.

  diffSummary() {
    return this.page.getByText(/^Versi \d+ → versi \d+: \d+ kata ditambahkan, \d+ kata dihapus\.$/);
  }

  async chooseDiff(from: number, to: number) {
    await choose(this.page, 'Versi lama', `Versi ${from}`, sectionCard(this.page, 'agreement-diff'));
    await choose(this.page, 'Versi baru', `Versi ${to}`, sectionCard(this.page, 'agreement-diff'));
  }

  diffSections() {
    return this.page.locator('[data-diff-section]');
  }

  // The workflow dialogs.

  async submitForReview() {
    await this.workflowButton('Ajukan untuk ditelaah').click();
    const dialog = this.page.getByRole('dialog', { name: 'Ajukan untuk ditelaah' });
    await dialog.getByRole('button', { name: 'Ajukan', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** "Setujui sebagai <organization>": opens the dialog (the caller confirms it). */
  async openAgree(organization: string) {
    await this.workflowButton(`Setujui sebagai ${organization}`).click();
    const dialog = this.page.getByRole('dialog', { name: 'Setujui naskah' });
    await dialog.waitFor();
    return dialog;
  }

  async agree(organization: string, version: number) {
    const dialog = await this.openAgree(organization);
    await dialog.getByRole('button', { name: `Setujui versi ${version}`, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  /** "Catat penandatanganan": opens the dialog. */
  async openSign() {
    await this.workflowButton('Catat penandatanganan').click();
    const dialog = this.page.getByRole('dialog', { name: 'Catat penandatanganan' });
    await dialog.waitFor();
    return dialog;
  }

  /** Fills the signing dialog: place, term start (picked in the calendar) and the scan (by the file chooser). */
  async fillSigning(
    dialog: Locator,
    signing: { place: string; validFrom?: string; scan: { name: string; mimeType: string; buffer: Buffer } },
  ) {
    await byLabel(dialog, 'Tempat penandatanganan').fill(signing.place);
    if (signing.validFrom) await pickDate(this.page, 'Berlaku mulai', signing.validFrom, dialog);
    const chooser = this.page.waitForEvent('filechooser');
    await byLabel(dialog, 'Pindaian naskah bertanda tangan').click();
    await (await chooser).setFiles(signing.scan);
  }

  printButton() {
    return this.page.getByRole('button', { name: 'Cetak PDF', exact: true });
  }

  scanButton() {
    return this.page.getByRole('button', { name: 'Unduh pindaian', exact: true });
  }
}

/** /tata-kelola/kesepakatan/baru: a new MoU or PKS. */
export class AgreementCreatePage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Buat kesepakatan' });
  }

  field(label: string) {
    return byLabel(this.page, label);
  }

  async chooseKind(kind: 'Nota Kesepahaman (MoU)' | 'Perjanjian Kerja Sama (PKS)') {
    await this.page.getByRole('radio', { name: kind, exact: true }).check();
  }

  async chooseParent(title: string | RegExp) {
    await choose(this.page, 'MoU induk', title);
  }

  /** The second party (PIHAK KEDUA): its organization, signatory and number. */
  async fillSecondParty(party: {
    organization: string;
    signatory: string;
    position: string;
    number: string;
  }) {
    await choose(this.page, 'Instansi PIHAK KEDUA', party.organization);
    await this.field('Nama penanda tangan PIHAK KEDUA').fill(party.signatory);
    await this.field('Jabatan penanda tangan PIHAK KEDUA').fill(party.position);
    await this.field('Nomor naskah PIHAK KEDUA').fill(party.number);
  }

  async fillFirstSignatory(party: { signatory: string; position: string; number: string }) {
    await this.field('Nama penanda tangan PIHAK PERTAMA').fill(party.signatory);
    await this.field('Jabatan penanda tangan PIHAK PERTAMA').fill(party.position);
    await this.field('Nomor naskah PIHAK PERTAMA').fill(party.number);
  }

  submit() {
    return this.page.getByRole('button', { name: 'Simpan draf', exact: true });
  }

  async isInvalid(label: string) {
    return (await this.field(label).getAttribute('aria-invalid')) === 'true';
  }

  async messageOf(label: string) {
    return describedBy(this.page, this.field(label));
  }
}

/** /tata-kelola/program-teknis/:id: the summary, then the activities, timeline and targets. */
export class WorkPlanPage {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  heading(title: string) {
    return this.page.getByRole('heading', { level: 1, name: title, exact: true });
  }

  id(): string {
    return new URL(this.page.url()).pathname.split('/')[3] ?? '';
  }

  summary() {
    return sectionCard(this.page, 'work-plan-summary');
  }

  async openTab(name: 'Kegiatan' | 'Linimasa' | 'Target') {
    await this.page
      .getByRole('tablist', { name: 'Bagian program teknis' })
      .getByRole('tab', { name: new RegExp(`^${escapeRegExp(name)}( \\(\\d+\\))?$`) })
      .click();
    return openPanel(this.page);
  }

  /** "Ubah program": the plan's period start changed in its dialog. */
  async changePeriodStart(iso: string) {
    await this.summary().getByRole('button', { name: 'Ubah program', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Ubah program teknis' });
    await pickDate(this.page, 'Periode mulai', iso, dialog);
    await dialog.getByRole('button', { name: 'Simpan', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  target(label: string) {
    return this.page
      .getByRole('list', { name: 'Daftar target' })
      .locator('[data-target-id]')
      .filter({ has: this.page.getByText(label, { exact: true }) });
  }

  async addTarget(target: { label: string; metric: string; value: number; activity?: string }) {
    await this.page.getByRole('button', { name: 'Tambah target', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah target' });
    await byLabel(dialog, 'Nama target').fill(target.label);
    await choose(this.page, 'Cara menghitung capaian', target.metric, dialog);
    await byLabel(dialog, 'Target').fill(String(target.value));
    if (target.activity) await choose(this.page, 'Kegiatan terkait', target.activity, dialog);
    return dialog;
  }

  /** Opens "Tambah kegiatan" and returns its dialog. */
  async openNewActivity() {
    await this.page.getByRole('button', { name: 'Tambah kegiatan', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tambah kegiatan' });
    await dialog.waitFor();
    return dialog;
  }

  async fillActivity(
    dialog: Locator,
    activity: {
      kind: string;
      title: string;
      location: string;
      startsOn: string;
      endsOn: string;
      budget: number;
    },
  ) {
    await choose(this.page, 'Jenis kegiatan', activity.kind, dialog);
    await byLabel(dialog, 'Nama kegiatan').fill(activity.title);
    await byLabel(dialog, 'Tempat').fill(activity.location);
    await pickDate(this.page, 'Mulai', activity.startsOn, dialog);
    await pickDate(this.page, 'Selesai', activity.endsOn, dialog);
    await byLabel(dialog, 'Anggaran (Rupiah)').fill(String(activity.budget));
  }

  activityRow(title: string) {
    return this.page
      .getByRole('region', { name: 'Daftar kegiatan' })
      .locator('[data-activity-id]')
      .filter({ hasText: title });
  }

  timeline() {
    return this.page.getByRole('region', {
      name: 'Bagan linimasa kegiatan (geser ke samping untuk melihat semua bulan)',
    });
  }

  exportButton(name: 'Unduh PDF' | 'Unduh Excel') {
    return this.page.getByRole('button', { name, exact: true });
  }
}

/** The home page's "Tindak lanjut saya" card. */
export function myActionItemsCard(page: Page) {
  return page.getByRole('region', { name: 'Tindak lanjut saya' });
}

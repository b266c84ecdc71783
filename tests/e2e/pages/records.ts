import type { Locator, Page } from 'playwright-core';
import { byLabel, choose, describedBy } from './people.ts';

// Page objects of the records on a person's page (notes, documents, consent), of the import (/warga/impor)
// and of the program rules (/admin/aturan). Indonesian, as the officers read them.

export interface UploadFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** A small but well-formed one-page PDF, built byte by byte with a correct cross-reference table. */
export function minimalPdf(text = 'Surat jaminan'): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 144] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
  ];
  const stream = `BT /F1 18 Tf 20 70 Td (${text}) Tj ET`;
  objects.push(`<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`);
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>');
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

/** The start of a Windows program ("MZ", the DOS stub), whatever name it is given. */
export function windowsProgram(): Buffer {
  const bytes = Buffer.alloc(512);
  bytes.write('MZ', 0, 'latin1');
  bytes.writeUInt32LE(0x80, 0x3c);
  bytes.write('This program cannot be run in DOS mode.', 0x4e, 'latin1');
  bytes.write('PE\0\0', 0x80, 'latin1');
  return bytes;
}

/** The notes tab: the form to add a note, and the notes shown. */
export class NotesTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  form() {
    return this.page.locator('section[aria-labelledby="note-form-title"]');
  }

  async add(note: { kind?: string; visibility?: 'Hanya pemasyarakatan' | 'Dibagikan'; body: string }) {
    const form = this.form();
    if (note.kind) await choose(this.page, 'Jenis catatan', note.kind, form);
    if (note.visibility) await form.getByText(note.visibility, { exact: true }).click();
    await byLabel(form, 'Isi catatan').fill(note.body);
    await form.getByRole('button', { name: 'Simpan catatan' }).click();
    await this.note(note.body).waitFor();
  }

  /** The note card holding this text. */
  note(body: string): Locator {
    return this.page.getByRole('article').filter({ hasText: body });
  }
}

/** The documents tab: the upload form and the list of documents with their download links. */
export class DocumentsTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  form() {
    return this.page.locator('section[aria-labelledby="document-form-title"]');
  }

  fileField() {
    return byLabel(this.form(), 'Berkas');
  }

  /** Chooses a file as a user does: clicking the field opens the file chooser. */
  async chooseFile(file: UploadFile) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.fileField().click();
    await (await chooser).setFiles(file);
  }

  async upload(document: {
    file: UploadFile;
    category: string;
    title: string;
    visibility?: 'Hanya pemasyarakatan' | 'Dibagikan';
  }) {
    const form = this.form();
    await this.chooseFile(document.file);
    await choose(this.page, 'Kategori', document.category, form);
    await byLabel(form, 'Judul').fill(document.title);
    if (document.visibility) await form.getByText(document.visibility, { exact: true }).click();
    await form.getByRole('button', { name: 'Unggah', exact: true }).click();
  }

  /** Hint and error of the file field, as a screen reader announces them. */
  async fileMessage(): Promise<string> {
    return describedBy(this.page, this.fileField());
  }

  async fileInvalid(): Promise<boolean> {
    return (await this.fileField().getAttribute('aria-invalid')) === 'true';
  }

  downloadLink(title: string) {
    return this.page.getByRole('link', { name: `Unduh ${title}`, exact: true });
  }
}

/** The consent tab: record a consent, and withdraw one. */
export class ConsentTab {
  readonly page: Page;

  constructor(page: Page) {
    this.page = page;
  }

  form() {
    return this.page.locator('section[aria-labelledby="consent-form-title"]');
  }

  async record(consent: { purpose: string; organization: string; fieldGroups: string[] }) {
    await this.page.getByRole('button', { name: 'Catat persetujuan', exact: true }).click();
    const form = this.form();
    await byLabel(form, 'Tujuan').fill(consent.purpose);
    await byLabel(form, 'Organisasi penerima').click();
    await this.page.getByRole('option', { name: consent.organization, exact: true }).click();
    await this.page.keyboard.press('Escape');
    for (const group of consent.fieldGroups) await form.getByRole('checkbox', { name: group }).check();
    await form.getByRole('button', { name: 'Simpan persetujuan' }).click();
    await this.consent(consent.purpose).waitFor();
  }

  /** The card of one consent, found by its purpose. */
  consent(purpose: string): Locator {
    return this.page.getByRole('article', { name: purpose });
  }

  withdrawButtons() {
    return this.page.getByRole('button', { name: 'Tarik persetujuan' });
  }

  async withdraw(purpose: string, reason: string) {
    await this.consent(purpose).getByRole('button', { name: 'Tarik persetujuan' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Tarik persetujuan?' });
    await byLabel(dialog, 'Alasan penarikan').fill(reason);
    await dialog.getByRole('button', { name: 'Ya, tarik persetujuan' }).click();
    await dialog.waitFor({ state: 'detached' });
  }
}

/** The import (/warga/impor): upload, map the columns, check, save. */
export class ImportPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  heading() {
    return this.page.getByRole('heading', { level: 1, name: 'Impor warga binaan' });
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/warga/impor`);
    await this.heading().waitFor();
  }

  async read(file: UploadFile) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByLabel('Berkas CSV atau XLSX').click();
    await (await chooser).setFiles(file);
    await this.page.getByRole('button', { name: 'Baca berkas' }).click();
    await this.page.getByRole('button', { name: 'Periksa semua baris' }).waitFor();
  }

  /** The mapping Select of a column, by the column's header. */
  columnField(header: string) {
    return this.page.getByLabel(`Kolom "${header}"`, { exact: true });
  }

  async check() {
    await this.page.getByRole('button', { name: 'Periksa semua baris' }).click();
    await this.page.getByRole('heading', { name: 'Baris yang tidak valid' }).waitFor();
  }

  /** A count of the check's summary ("Baru", "Tidak valid"…). */
  async count(label: string): Promise<string> {
    const card = this.page.locator('.mantine-Card-root').filter({
      has: this.page.getByText(label, { exact: true }),
    });
    return ((await card.locator('p').last().textContent()) ?? '').trim();
  }

  /** The rows of the invalid-rows table: [row, column, value, reason]. */
  async issues(): Promise<string[][]> {
    const table = this.page.getByRole('region', { name: 'Baris yang tidak valid' }).getByRole('table');
    const rows = table.locator('tbody tr');
    const result: string[][] = [];
    for (const row of await rows.all())
      result.push((await row.locator('td').allInnerTexts()).map((text) => text.trim()));
    return result;
  }

  saveAllButton() {
    return this.page.getByRole('button', { name: 'Simpan semua (semua atau tidak sama sekali)' });
  }

  saveValidButton() {
    return this.page.getByRole('button', { name: /^Simpan yang valid saja/ });
  }

  result() {
    return this.page.getByRole('alert').filter({ hasText: 'Hasil impor' });
  }
}

/** The program rules (/admin/aturan): the sentence rules, saved as a new version with a reason. */
export class RulesPage {
  readonly page: Page;
  readonly baseUrl: string;

  constructor(page: Page, baseUrl: string) {
    this.page = page;
    this.baseUrl = baseUrl;
  }

  sentenceSection() {
    return this.page.getByRole('region', { name: 'Aturan masa pidana' });
  }

  async open() {
    await this.page.goto(`${this.baseUrl}/admin/aturan`);
    await this.sentenceSection().getByRole('button', { name: 'Simpan sebagai versi baru' }).waitFor();
  }

  /** The CB rule "Masa pidana paling lama (bulan)" (the only field of that name). */
  cbMaxSentence() {
    return this.sentenceSection().getByLabel('Masa pidana paling lama (bulan)', { exact: true });
  }

  async saveSentenceRules(reason: string) {
    const section = this.sentenceSection();
    await byLabel(section, 'Alasan perubahan').fill(reason);
    await section.getByRole('button', { name: 'Simpan sebagai versi baru' }).click();
  }

  versionBadge() {
    return this.sentenceSection().getByText(/^Versi \d+$/);
  }

  /** The history table of the sentence rules: [version, date, by, note] per row, newest first. */
  async history(): Promise<string[][]> {
    const table = this.sentenceSection()
      .getByRole('region', { name: 'Riwayat versi: Aturan masa pidana' })
      .getByRole('table');
    await table.waitFor();
    const result: string[][] = [];
    for (const row of await table.locator('tbody tr').all())
      result.push((await row.locator('td').allInnerTexts()).map((text) => text.trim()));
    return result;
  }
}

import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';

// Indonesian labels of the codes a file shows (a file leaves the app: it cannot follow the user's language
// switch, and the agencies' own spreadsheets are in Indonesian). Kept in step with the web's people.vocab.*.

export const EDUCATION: Record<string, string> = {
  none: 'Tidak sekolah',
  sd: 'SD',
  smp: 'SMP',
  sma: 'SMA/SMK',
  d1_d3: 'D1–D3',
  s1: 'S1/D4',
  s2_s3: 'S2/S3',
};

export const MARITAL: Record<string, string> = {
  single: 'Belum kawin',
  married: 'Kawin',
  divorced: 'Cerai hidup',
  widowed: 'Cerai mati',
};

export const STATUS: Record<string, string> = {
  in_custody: 'Dalam lapas',
  pre_release: 'Menjelang bebas',
  released_supervised: 'Bebas, dalam bimbingan',
  supervision_ended: 'Bimbingan selesai',
  returned_to_custody: 'Kembali ke lapas',
};

export const OFFENCE: Record<string, string> = {
  narcotics: 'Narkotika',
  theft: 'Pencurian',
  fraud: 'Penipuan',
  embezzlement: 'Penggelapan',
  corruption: 'Korupsi',
  violence: 'Kekerasan',
  trafficking: 'Perdagangan orang',
  child_protection: 'Perlindungan anak',
  electronic_information: 'Informasi dan transaksi elektronik',
  other: 'Lainnya',
};

export const REMISSION: Record<string, string> = {
  general: 'Remisi umum',
  religious: 'Remisi khusus keagamaan',
  decennial: 'Remisi dasawarsa',
  other: 'Lainnya',
};

export const NOTE_KIND: Record<string, string> = {
  general: 'Umum',
  family: 'Keluarga',
  health: 'Kesehatan',
  behaviour: 'Perilaku',
};

export const VISIBILITY: Record<string, string> = {
  corrections: 'Khusus pemasyarakatan',
  shared: 'Dibagikan sesuai persetujuan',
};

export const FIELD_GROUP: Record<string, string> = {
  identity_contact: 'Identitas & kontak',
  skills_training: 'Keterampilan & pelatihan',
  availability_status: 'Ketersediaan & status',
  plan: 'Rencana',
};

export const ORGANIZATION_KIND: Record<string, string> = {
  prison: 'Lapas',
  probation: 'Bapas',
  district: 'Kecamatan',
  village: 'Kelurahan',
  partner: 'Mitra',
};

export const LINK_KIND: Record<string, string> = {
  referral: 'Rujukan',
  handover: 'Serah terima',
  proposal: 'Usulan',
  placement: 'Penempatan',
};

export const SKILL_LEVEL: Record<string, string> = {
  basic: 'Dasar',
  intermediate: 'Menengah',
  competent: 'Kompeten',
};

export const SKILL_EVIDENCE: Record<string, string> = {
  self_reported: 'Pengakuan sendiri',
  trained: 'Pelatihan',
  assessed: 'Asesmen',
  certified: 'Bersertifikat',
};

/** What an audit action means, for the access log a person receives. */
export const ACTION: Record<string, string> = {
  'person.viewed': 'Melihat data diri',
  'person.created': 'Mendaftarkan',
  'person.updated': 'Mengubah data diri',
  'person.referred': 'Merujuk ke Bapas',
  'person.timeline_viewed': 'Melihat linimasa',
  'person.data_exported': 'Mengunduh seluruh data dan log akses',
  'person.anonymized': 'Menganonimkan data',
  'custody.viewed': 'Melihat data pidana',
  'custody.created': 'Mencatat data pidana',
  'custody.updated': 'Mengubah data pidana',
  'remission.added': 'Mencatat remisi',
  'remission.removed': 'Menghapus remisi',
  'behaviour.scored': 'Mencatat nilai SPPN',
  'note.created': 'Menulis catatan',
  'note.edited': 'Mengubah catatan',
  'notes.viewed': 'Melihat catatan',
  'document.uploaded': 'Mengunggah dokumen',
  'document.downloaded': 'Mengunduh dokumen',
  'document.deleted': 'Menghapus dokumen',
  'documents.viewed': 'Melihat daftar dokumen',
  'consent.given': 'Mencatat persetujuan',
  'consent.withdrawn': 'Mencatat penarikan persetujuan',
  'consents.viewed': 'Melihat persetujuan',
};

export const label = (labels: Record<string, string>, code: string | null | undefined) =>
  code ? (labels[code] ?? code) : '';

/** 'yyyy-mm-dd' as the Date Excel stores for that day (midnight UTC: Excel dates have no time zone). */
export function excelDate(iso: string | null | undefined): Date | null {
  return iso ? new Date(`${iso.slice(0, 10)}T00:00:00Z`) : null;
}

/** 'yyyy-mm-dd' as dd/mm/yyyy. */
export function displayDate(iso: string | null | undefined): string {
  return iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '';
}

/** A moment as dd/mm/yyyy hh:mm in Asia/Jakarta. */
export function displayMoment(value: Date | string): string {
  const date = value instanceof Date ? value : new Date(value);
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Asia/Jakarta',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).format(date);
  return parts.replace(',', '');
}

/** A sentence as Indonesian text: "3 thn 6 bln 0 hr", "Seumur hidup". */
export function sentenceText(row: {
  sentence_kind?: string | null;
  sentence_years?: number | null;
  sentence_months?: number | null;
  sentence_days?: number | null;
}): string {
  if (!row.sentence_kind) return '';
  if (row.sentence_kind === 'life') return 'Seumur hidup';
  if (row.sentence_kind === 'death') return 'Pidana mati';
  return `${row.sentence_years ?? 0} thn ${row.sentence_months ?? 0} bln ${row.sentence_days ?? 0} hr`;
}

export const DATE_FORMAT = 'dd/mm/yyyy';

export interface SheetColumn {
  header: string;
  key: string;
  width?: number;
  date?: boolean;
}

/**
 * Writes an XLSX with the streaming writer (rows are committed as they come, so 100,000 rows do not sit
 * in memory as cell objects) and returns it as one buffer.
 */
export async function writeXlsx(
  build: (addSheet: (name: string, columns: SheetColumn[]) => ExcelJS.Worksheet) => Promise<void>,
): Promise<Buffer> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Sinergi';
  workbook.created = new Date();
  const sheets: ExcelJS.Worksheet[] = [];
  await build((name, columns) => {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((column) => ({
      header: column.header,
      key: column.key,
      width: column.width ?? Math.max(12, column.header.length + 2),
      style: column.date ? { numFmt: DATE_FORMAT } : {},
    }));
    sheet.getRow(1).font = { bold: true };
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
    sheets.push(sheet);
    return sheet;
  });
  for (const sheet of sheets) sheet.commit();
  await workbook.commit();
  await done;
  return Buffer.concat(chunks);
}

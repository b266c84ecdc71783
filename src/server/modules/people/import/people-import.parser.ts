import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import {
  CreatePersonRequest,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  SECTORS,
} from '../../../../shared/people.ts';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/peopleData.ts';

type EducationLevel = (typeof EDUCATION_LEVELS)[number];

// Reading a spreadsheet into rows, and one row into the person form's input: no database here, so the
// whole of it is unit-tested (people-import.parser.test.ts).

/** A cell as read: text from CSV; text, number, boolean or date from XLSX; null when empty. */
export type Cell = string | number | boolean | Date | null;

export interface Sheet {
  format: 'csv' | 'xlsx';
  headers: string[];
  rows: Cell[][];
  /** The row number each row has in the file (the header row is usually 1). */
  rowNumbers: number[];
}

export class SheetError extends Error {
  readonly reason: 'unsupported' | 'empty' | 'unreadable';
  constructor(reason: 'unsupported' | 'empty' | 'unreadable') {
    super(reason);
    this.reason = reason;
  }
}

const isZip = (buffer: Buffer) => buffer.length > 4 && buffer.readUInt32BE(0) === 0x504b0304;
// The old binary Excel format (.xls) and other compound documents.
const isOle = (buffer: Buffer) => buffer.length > 8 && buffer.readUInt32BE(0) === 0xd0cf11e0;

/** Reads the first sheet of an XLSX file or a CSV file (comma or semicolon separated, UTF-8 or Windows-1252). */
export async function readSheet(buffer: Buffer, maxRows: number): Promise<Sheet> {
  if (isZip(buffer)) return readXlsx(buffer, maxRows);
  if (isOle(buffer) || buffer.subarray(0, 1024).includes(0)) throw new SheetError('unsupported');
  return readCsv(buffer, maxRows);
}

function decodeText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    // Excel on Windows saves "CSV" in the ANSI code page.
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

function detectDelimiter(text: string): string {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const count = (character: string) => firstLine.split(character).length - 1;
  const candidates = [';', ',', '\t'].map((character) => [character, count(character)] as const);
  candidates.sort((a, b) => b[1] - a[1]);
  return candidates[0]?.[1] ? candidates[0][0] : ',';
}

function readCsv(buffer: Buffer, maxRows: number): Sheet {
  const text = decodeText(buffer);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parseCsv(text, {
      bom: true,
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      to: maxRows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new SheetError('unreadable');
  }
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  for (const { record, info } of records) {
    rows.push(record.map((value) => (value.trim() === '' ? null : value)));
    rowNumbers.push(info.lines);
  }
  return withHeader('csv', rows, rowNumbers);
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('') || null;
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return cellValue(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

async function readXlsx(buffer: Buffer, maxRows: number): Promise<Sheet> {
  // The streaming reader: about twice as fast as loading the whole workbook, and the cells are not kept.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buffer), {
    sharedStrings: 'cache',
    // Styles tell a date cell from a number.
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  const rows: Cell[][] = [];
  const rowNumbers: number[] = [];
  try {
    for await (const worksheet of reader) {
      for await (const row of worksheet as unknown as AsyncIterable<ExcelJS.Row>) {
        if (rows.length > maxRows + 1) continue;
        const values = row.values as ExcelJS.CellValue[];
        // row.values is 1-based: index 0 is always empty.
        rows.push(values.slice(1).map(cellValue));
        rowNumbers.push(row.number);
      }
      // The first sheet with anything in it is the one imported.
      if (rows.length > 0) break;
    }
  } catch {
    throw new SheetError('unreadable');
  }
  if (rows.length === 0) throw new SheetError('empty');
  return withHeader('xlsx', rows, rowNumbers);
}

/** The first row with any value is the header; rows with no value at all are left out. */
function withHeader(format: Sheet['format'], rows: Cell[][], rowNumbers: number[]): Sheet {
  const filled = (row: Cell[]) => row.some((cell) => cell !== null);
  const headerIndex = rows.findIndex(filled);
  if (headerIndex === -1) throw new SheetError('empty');
  const headerRow = rows[headerIndex] ?? [];
  const dataRows: Cell[][] = [];
  const dataNumbers: number[] = [];
  let width = headerRow.length;
  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (!filled(row)) continue;
    dataRows.push(row);
    dataNumbers.push(rowNumbers[index] ?? index + 1);
    width = Math.max(width, row.length);
  }
  const headers = Array.from({ length: width }, (_, index) => {
    const cell = headerRow[index];
    return cell === null || cell === undefined ? '' : cellText(cell).trim();
  });
  // A trailing column with neither header nor value is no column.
  while (
    headers.length > 0 &&
    headers[headers.length - 1] === '' &&
    !dataRows.some((row) => row[headers.length - 1] != null)
  )
    headers.pop();
  return { format, headers, rows: dataRows, rowNumbers: dataNumbers };
}

/** A cell as the text a person would read in it (dates as dd/mm/yyyy). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoToDisplay(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell);
}

const isoToDisplay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

// ── Suggesting a mapping from the headers ──

const HEADER_WORDS: Record<ImportField, string[]> = {
  fullName: ['nama lengkap', 'nama', 'full name', 'name', 'nama warga binaan', 'nama narapidana'],
  aliases: ['alias', 'nama alias', 'aliases', 'nama lain', 'als'],
  nik: ['nik', 'no nik', 'nomor nik', 'nomor induk kependudukan', 'no ktp', 'ktp'],
  birthPlace: ['tempat lahir', 'birth place', 'place of birth', 'tmp lahir'],
  birthDate: ['tanggal lahir', 'tgl lahir', 'birth date', 'date of birth', 'tanggal kelahiran'],
  registrationNumber: [
    'no registrasi',
    'nomor registrasi',
    'no reg',
    'registrasi',
    'no register',
    'registration number',
  ],
  domicileAddress: ['alamat', 'alamat domisili', 'alamat rumah', 'address', 'domicile address'],
  domicileVillageCode: ['kode kelurahan', 'kode desa', 'kode wilayah', 'kode kelurahan desa', 'village code'],
  phone: ['telepon', 'no telepon', 'no hp', 'nomor hp', 'hp', 'telp', 'phone', 'nomor telepon', 'whatsapp'],
  educationLevel: ['pendidikan', 'pendidikan terakhir', 'education', 'education level'],
  maritalStatus: ['status perkawinan', 'status kawin', 'perkawinan', 'marital status'],
  dependentChildren: ['jumlah anak', 'anak', 'tanggungan', 'dependent children', 'children'],
  skills: ['keterampilan', 'keahlian', 'ketrampilan', 'skills', 'skill'],
  interests: ['minat', 'interests', 'minat kerja'],
  religion: ['agama', 'religion'],
  ethnicity: ['suku', 'etnis', 'ethnicity', 'suku bangsa'],
  guarantorName: ['penjamin', 'nama penjamin', 'guarantor', 'guarantor name'],
  guarantorRelation: ['hubungan penjamin', 'hubungan', 'hubungan dengan penjamin', 'guarantor relation'],
  guarantorAddress: ['alamat penjamin', 'guarantor address'],
  guarantorPhone: ['telepon penjamin', 'no hp penjamin', 'hp penjamin', 'guarantor phone'],
  intendedVillageCode: [
    'kelurahan tujuan',
    'kode kelurahan tujuan',
    'desa binaan',
    'kelurahan binaan',
    'host village',
    'intended village',
  ],
  preferredSectors: ['sektor', 'sektor pilihan', 'bidang kerja', 'preferred sectors', 'sectors'],
};

const normalizeHeader = (header: string) =>
  header
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** For each header the field it most likely holds; each field is suggested for one column at most. */
export function suggestMapping(headers: string[]): ImportMapping {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const name = normalizeHeader(header);
    if (!name) return null;
    const field = IMPORT_FIELDS.find(
      (candidate) => !used.has(candidate) && HEADER_WORDS[candidate].includes(name),
    );
    if (!field) return null;
    used.add(field);
    return field;
  });
}

// ── One row into the form's input ──

/** A problem with one field of one row, as a message key of the server's catalogue. */
export interface RowIssue {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

export interface MappedRow {
  /** The form's input (only what the file fills: an empty cell leaves a stored value as it is). */
  input: Record<string, unknown>;
  /** Fields the file sets (non-empty cells). */
  present: Set<ImportField>;
  issues: RowIssue[];
  /** The Kemendagri code of the intended host kelurahan, when the file gives one. */
  intendedVillageCode: string | null;
  /** The text of each mapped field's cell, for the report. */
  texts: Partial<Record<ImportField, string>>;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** A date cell as 'yyyy-mm-dd': an Excel date, an Excel serial number, or dd/mm/yyyy (also with - or .) or yyyy-mm-dd text. */
export function parseDate(cell: Cell): string | null {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 1 || cell > 2_958_465) return null;
    return new Date(EXCEL_EPOCH + Math.floor(cell) * 86_400_000).toISOString().slice(0, 10);
  }
  if (typeof cell !== 'string') return null;
  const text = cell.trim();
  let match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  let [day, month, year] = match ? [match[1], match[2], match[3]] : [];
  if (!match) {
    match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (match) [year, month, day] = [match[1], match[2], match[3]];
  }
  if (!match) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

const EDUCATION_WORDS: Record<string, EducationLevel> = {
  'tidak sekolah': 'none',
  'belum sekolah': 'none',
  'tidak tamat sd': 'none',
  'tidak ada': 'none',
  sd: 'sd',
  'sd sederajat': 'sd',
  mi: 'sd',
  smp: 'smp',
  sltp: 'smp',
  mts: 'smp',
  'smp sederajat': 'smp',
  sma: 'sma',
  smk: 'sma',
  slta: 'sma',
  ma: 'sma',
  'sma sederajat': 'sma',
  d1: 'd1_d3',
  d2: 'd1_d3',
  d3: 'd1_d3',
  diploma: 'd1_d3',
  d4: 's1',
  s1: 's1',
  sarjana: 's1',
  s2: 's2_s3',
  s3: 's2_s3',
  // The labels the list export writes, so that an exported file imports again.
  'sma smk': 'sma',
  'd1 d3': 'd1_d3',
  's1 d4': 's1',
  's2 s3': 's2_s3',
};

const MARITAL_WORDS: Record<string, (typeof MARITAL_STATUSES)[number]> = {
  'belum kawin': 'single',
  'belum menikah': 'single',
  lajang: 'single',
  kawin: 'married',
  menikah: 'married',
  'cerai hidup': 'divorced',
  cerai: 'divorced',
  'cerai mati': 'widowed',
};

const SECTOR_WORDS: Record<string, (typeof SECTORS)[number]> = {
  garmen: 'garment',
  konveksi: 'garment',
  menjahit: 'garment',
  'tata busana': 'garment',
  boga: 'food',
  'tata boga': 'food',
  makanan: 'food',
  kuliner: 'food',
  katering: 'food',
  kecantikan: 'beauty',
  'tata rias': 'beauty',
  salon: 'beauty',
  batik: 'batik',
  kerajinan: 'craft',
  laundry: 'laundry',
  binatu: 'laundry',
  'pertanian kota': 'urban_farming',
  hidroponik: 'urban_farming',
  'jualan daring': 'retail',
  perdagangan: 'retail',
  ritel: 'retail',
  perhotelan: 'hospitality',
  pariwisata: 'hospitality',
  administrasi: 'administration',
  komputer: 'administration',
  lainnya: 'other',
};

function vocabulary<T extends string>(text: string, words: Record<string, T>, codes: readonly T[]): T | null {
  const name = normalizeHeader(text);
  if ((codes as readonly string[]).includes(text.trim().toLowerCase())) return text.trim().toLowerCase() as T;
  return words[name] ?? null;
}

/** A 10-digit or dotted Kemendagri village code as '33.74.01.1001'. */
function villageCode(text: string): string {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{10}$/.test(digits)
    ? `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`
    : text.trim();
}

const splitList = (text: string) =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** Turns the cells of one row into the person form's input, with the problems a cell has on its own. */
export function mapRow(cells: Cell[], mapping: ImportMapping): MappedRow {
  const input: Record<string, unknown> = {};
  const present = new Set<ImportField>();
  const issues: RowIssue[] = [];
  const texts: MappedRow['texts'] = {};
  const guarantor: Record<string, string> = {};
  let intendedVillageCode: string | null = null;
  mapping.forEach((field, index) => {
    if (!field) return;
    const cell = cells[index] ?? null;
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
    const text = cellText(cell).trim();
    texts[field] = text;
    present.add(field);
    switch (field) {
      case 'birthDate': {
        const iso = parseDate(cell);
        if (iso) input.birthDate = iso;
        else issues.push({ field, key: 'import_date_format' });
        return;
      }
      case 'nik': {
        if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
          // Excel keeps 15 significant digits of a number: the NIK was changed when it was typed.
          issues.push({ field, key: 'import_nik_as_number' });
          return;
        }
        input.nik = text.replace(/^'/, '').replace(/[\s.-]/g, '');
        return;
      }
      case 'phone': {
        // A phone number typed as a number loses its leading zero: 81234567890 was 081234567890.
        input.phone =
          typeof cell === 'number' && /^8\d{7,13}$/.test(text) ? `0${text}` : text.replace(/^'/, '');
        return;
      }
      case 'educationLevel': {
        const level = vocabulary(text, EDUCATION_WORDS, EDUCATION_LEVELS);
        if (level) input.educationLevel = level;
        else issues.push({ field, key: 'import_unknown_value', params: { value: text } });
        return;
      }
      case 'maritalStatus': {
        const status = vocabulary(text, MARITAL_WORDS, MARITAL_STATUSES);
        if (status) input.maritalStatus = status;
        else issues.push({ field, key: 'import_unknown_value', params: { value: text } });
        return;
      }
      case 'dependentChildren': {
        const count = typeof cell === 'number' ? cell : Number(text);
        if (Number.isInteger(count)) input.dependentChildren = count;
        else issues.push({ field, key: 'import_not_a_number' });
        return;
      }
      case 'aliases':
        input.aliases = splitList(text);
        return;
      case 'skills':
        input.skills = splitList(text).map((name) => ({ name }));
        return;
      case 'domicileVillageCode':
        input.domicileVillageCode = villageCode(text);
        return;
      case 'intendedVillageCode':
        // Not a field of the form: the service turns the code into the kelurahan's organization.
        intendedVillageCode = villageCode(text);
        return;
      case 'guarantorName':
      case 'guarantorRelation':
      case 'guarantorAddress':
      case 'guarantorPhone':
        guarantor[GUARANTOR_PARTS[field]] = text;
        return;
      case 'preferredSectors': {
        const sectors = splitList(text).map((word) => vocabulary(word, SECTOR_WORDS, SECTORS));
        if (sectors.every((sector) => sector !== null)) input.preferredSectors = [...new Set(sectors)];
        else issues.push({ field, key: 'import_unknown_value', params: { value: text } });
        return;
      }
      default:
        input[field] = text;
    }
  });
  // The guarantor's cells make one guarantor (the name is then required, as in the form).
  if (Object.keys(guarantor).length > 0)
    input.guarantor = {
      name: guarantor.name ?? '',
      relation: guarantor.relation ?? null,
      address: guarantor.address ?? null,
      phone: guarantor.phone ?? null,
    };
  return { input, present, issues, texts, intendedVillageCode };
}

const GUARANTOR_PARTS = {
  guarantorName: 'name',
  guarantorRelation: 'relation',
  guarantorAddress: 'address',
  guarantorPhone: 'phone',
} as const;

/** Zod's verdict on the mapped input, as issues per field (the first problem of each field). */
export function validateInput(input: Record<string, unknown>): {
  value: ReturnType<typeof CreatePersonRequest.parse> | null;
  issues: RowIssue[];
} {
  const result = CreatePersonRequest.safeParse(input);
  if (result.success) return { value: result.data, issues: [] };
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_');
    if (seen.has(field)) continue;
    seen.add(field);
    issues.push(zodIssue(field, issue, input));
  }
  return { value: null, issues };
}

function zodIssue(
  field: string,
  issue: { code: string; origin?: unknown; minimum?: unknown; maximum?: unknown },
  input: Record<string, unknown>,
): RowIssue {
  if (input[field] === undefined && issue.code === 'invalid_type') return { field, key: 'required' };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? { field, key: 'required' }
          : { field, key: 'too_short', params: { minimum: issue.minimum } };
      return {
        field,
        key: issue.origin === 'array' ? 'too_few_items' : 'too_small_number',
        params: { minimum: issue.minimum },
      };
    case 'too_big':
      if (issue.origin === 'string') return { field, key: 'too_long', params: { maximum: issue.maximum } };
      return {
        field,
        key: issue.origin === 'array' ? 'too_many_items' : 'too_big_number',
        params: { maximum: issue.maximum },
      };
    case 'invalid_format':
      return { field, key: 'invalid_format' };
    case 'invalid_value':
      return { field, key: 'import_unknown_value', params: { value: String(input[field] ?? '') } };
    default:
      return { field, key: 'invalid' };
  }
}

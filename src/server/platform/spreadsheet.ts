import { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { AppError } from './errors.ts';
import { type FieldMessageKey, isFieldMessageKey } from './messages.ts';

// Reading a spreadsheet (XLSX or CSV) into rows, and the pieces every import builds its rows with: the text
// of a cell, dates, words, and zod's verdict as problems per field. No database here (spreadsheet.test.ts).

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

/**
 * readSheet for an import: a file that cannot be read, holds no data rows or more than `maxRows` is a 400
 * with the import's message (IMPORT_FILE_EMPTY, IMPORT_FILE_UNSUPPORTED, IMPORT_FILE_UNREADABLE,
 * IMPORT_TOO_MANY_ROWS).
 */
export async function readImportSheet(buffer: Buffer, maxRows: number): Promise<Sheet> {
  let sheet: Sheet;
  try {
    sheet = await readSheet(buffer, maxRows);
  } catch (error) {
    if (error instanceof SheetError) {
      if (error.reason === 'empty') throw new AppError(400, 'IMPORT_FILE_EMPTY');
      if (error.reason === 'unsupported') throw new AppError(400, 'IMPORT_FILE_UNSUPPORTED');
      throw new AppError(400, 'IMPORT_FILE_UNREADABLE');
    }
    throw error;
  }
  if (sheet.rows.length === 0) throw new AppError(400, 'IMPORT_FILE_EMPTY');
  if (sheet.rows.length > maxRows)
    throw new AppError(400, 'IMPORT_TOO_MANY_ROWS', { params: { max: maxRows.toLocaleString('id-ID') } });
  return sheet;
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

// ── Cells ──

/** A cell as the text a person would read in it (dates as dd/mm/yyyy). */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return isoToDisplay(cell.toISOString().slice(0, 10));
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell.toFixed(0) : String(cell);
  return String(cell);
}

const isoToDisplay = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** A cell with nothing in it (null, or only spaces). */
export const isEmptyCell = (cell: Cell | undefined): boolean =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

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

// ── Words ──

/** Lower case, every run of characters other than letters and digits one space: how headers and labels compare. */
export const normalizeWords = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** A code of the vocabulary as typed ('umkm'), else the code whose label it is (`words`, normalized keys). */
export function vocabulary<T extends string>(
  text: string,
  words: Record<string, T>,
  codes: readonly T[],
): T | null {
  const code = text.trim().toLowerCase();
  if ((codes as readonly string[]).includes(code)) return code as T;
  return words[normalizeWords(text)] ?? null;
}

/** A list in one cell, separated by commas, semicolons or line breaks. */
export const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

/** A 10-digit or dotted Kemendagri village code as '33.74.01.1001'; other text as it is (trimmed). */
export function kemendagriCode(text: string): string {
  const digits = text.replace(/[.\s]/g, '');
  return /^\d{10}$/.test(digits)
    ? `${digits.slice(0, 2)}.${digits.slice(2, 4)}.${digits.slice(4, 6)}.${digits.slice(6)}`
    : text.trim();
}

// ── Checking a row ──

/** A problem with one field of one row, as a message key of the server's catalogue. */
export interface RowIssue {
  field: string;
  key: string;
  params?: Record<string, unknown>;
}

/**
 * Zod's verdict on one row's input, as issues per field (the first problem of each field), so an import
 * refuses what the form's contract refuses. The field is the top-level key of the input, or what `fieldOf`
 * names for an issue's path (a contract's `villageId` is the file's kelurahan column).
 */
export function schemaIssues<S extends z.ZodType>(
  schema: S,
  input: Record<string, unknown>,
  fieldOf: (path: PropertyKey[]) => string = (path) => String(path[0] ?? '_'),
): { value: z.output<S> | null; issues: RowIssue[] } {
  const result = schema.safeParse(input);
  if (result.success) return { value: result.data, issues: [] };
  const issues: RowIssue[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const field = fieldOf(issue.path);
    if (seen.has(field)) continue;
    seen.add(field);
    const key = String(issue.path[0] ?? '_');
    // Only a top-level value that is not there at all is "required"; a nested one is judged by its issue.
    const topLevel = issue.path.length <= 1;
    issues.push({
      field,
      ...zodIssue(issue as ZodIssueLike, topLevel ? input[key] : null, topLevel && input[key] === undefined),
    });
  }
  return { value: null, issues };
}

interface ZodIssueLike {
  code: string;
  origin?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  format?: unknown;
  params?: { key?: unknown };
}

/** One zod issue as a message key; `value` is the top-level value (for an unknown option), `missing` when it was not sent. */
function zodIssue(issue: ZodIssueLike, value: unknown, missing: boolean): Omit<RowIssue, 'field'> {
  // Nothing sent for a field the contract needs (an enum says invalid_value, a string invalid_type).
  if (missing) return { key: 'required' };
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string')
        return issue.minimum === 1
          ? { key: 'required' }
          : { key: 'too_short', params: { minimum: issue.minimum } };
      return {
        key: issue.origin === 'array' ? 'too_few_items' : 'too_small_number',
        params: { minimum: issue.minimum },
      };
    case 'too_big':
      if (issue.origin === 'string') return { key: 'too_long', params: { maximum: issue.maximum } };
      return {
        key: issue.origin === 'array' ? 'too_many_items' : 'too_big_number',
        params: { maximum: issue.maximum },
      };
    case 'invalid_format':
      return { key: issue.format === 'email' ? 'invalid_format_email' : 'invalid_format' };
    case 'invalid_value':
      return { key: 'import_unknown_value', params: { value: String(value ?? '') } };
    case 'custom': {
      // A refinement that names its message: `{ params: { key } }` (CalendarDate's date_out_of_range).
      const key = issue.params?.key;
      return { key: typeof key === 'string' && isFieldMessageKey(key) ? key : 'invalid' };
    }
    default:
      return { key: 'invalid' };
  }
}

/** The RowIssue key as the catalogue's type (every key above is one). */
export const rowIssueKey = (issue: RowIssue): FieldMessageKey =>
  isFieldMessageKey(issue.key) ? issue.key : 'invalid';

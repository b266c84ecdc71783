/**
 * CSV made in the browser from the figures a page shows (a chart's table alternative): RFC 4180 (fields
 * quoted when they hold the separator, a quote or a line break; quotes doubled; CRLF line ends), UTF-8 with a
 * byte order mark so Excel reads "Kelurahan Gisikdrono" and "ñ" right, and text cells that a spreadsheet
 * would run as a formula (= + - @, a tab or a carriage return first) prefixed with an apostrophe.
 *
 * The dialect follows the page's language, as Excel reads a double-clicked file with the regional settings
 * of its users: Indonesian separates fields with `;` and writes a decimal comma (`45,5`); English keeps
 * `,` and `.`. Integers are never grouped. A percentage column's header ends in " (%)".
 */

/** How a hidden count (1–4, suppressed: null) is written, in tables and files alike. */
export const HIDDEN_COUNT = '< 5';

export interface CsvColumn<K extends string = string> {
  key: K;
  /** The header cell. */
  label: string;
  /** A count or a rate: null means hidden and is written "< 5" (a text column writes nothing). */
  numeric?: boolean;
  /** A percentage: null means it cannot be given (a side hidden, nothing to divide by) and is written empty. */
  percent?: boolean;
}

export type CsvValue = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
const CRLF = '\r\n';
// OWASP "CSV injection": what a spreadsheet may take as the start of a formula.
const FORMULA_START = /^[=+\-@\t\r]/;
const PERCENT_UNIT = ' (%)';

/** How fields are separated and decimals written. */
export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

/** Indonesian (Excel with Indonesian settings): `;` and a decimal comma; any other language `,` and `.`. */
export function csvDialect(language?: string): CsvDialect {
  return language?.toLowerCase().startsWith('id')
    ? { separator: ';', decimal: ',' }
    : { separator: ',', decimal: '.' };
}

const ENGLISH = csvDialect('en');

/** One cell's text, before quoting: numbers ungrouped (the dialect's decimal mark), hidden counts "< 5". */
export function csvCellText(
  value: CsvValue,
  column: Pick<CsvColumn, 'numeric' | 'percent'>,
  dialect: CsvDialect = ENGLISH,
): string {
  if (value === null || value === undefined) return column.numeric && !column.percent ? HIDDEN_COUNT : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const text = String(value);
    return Number.isInteger(value) ? text : text.replace('.', dialect.decimal);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** A field quoted as RFC 4180 asks, when it has to be: it holds the separator, a quote or a line break. */
export function csvField(text: string, separator: CsvDialect['separator'] = ','): string {
  const needsQuotes = text.includes(separator) || /["\r\n]/.test(text);
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A column's header: a percentage's says so (" (%)") unless its label already does ("Bekerja %"). */
function headerText(column: Pick<CsvColumn, 'label' | 'percent'>): string {
  return column.percent && !column.label.includes('%') ? column.label + PERCENT_UNIT : column.label;
}

/**
 * The whole file: BOM, header row, one row per item, every line ended by CRLF; in the dialect of the
 * language given (`i18n.language`; English when none).
 */
export function toCsv<K extends string>(
  columns: readonly CsvColumn<K>[],
  rows: readonly Partial<Record<K, CsvValue>>[],
  language?: string,
): string {
  const dialect = csvDialect(language);
  const line = (cells: string[]) =>
    cells.map((cell) => csvField(cell, dialect.separator)).join(dialect.separator);
  const header = line(columns.map((column) => csvCellText(headerText(column), {}, dialect)));
  const lines = rows.map((row) =>
    line(columns.map((column) => csvCellText(row[column.key], column, dialect))),
  );
  return BOM + [header, ...lines].map((text) => text + CRLF).join('');
}

/** A safe file name ending in `.csv`: letters, digits, dot, dash and underscore; the rest becomes a dash. */
export function csvFileName(name: string): string {
  const base = name
    .trim()
    .replace(/\.csv$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${base || 'data'}.csv`;
}

/** Saves the text as a file through a temporary link (the browser's download). */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = csvFileName(fileName);
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

import { type CsvColumn, type CsvValue, HIDDEN_COUNT } from '../lib/csv.ts';
import { EMPTY } from '../lib/format.ts';

// Pure display rules of a chart's table alternative (no React: unit-tested).

/** A column of a chart's table and CSV: a key of the row, its header, and how its cells read. */
export interface ChartColumn<R extends object> extends CsvColumn<Extract<keyof R, string>> {
  /**
   * The table's text for a cell, when the default (see `chartCellText`) does not fit. A text column's CSV
   * cell is this text too (a label for a code); a numeric column's CSV cell keeps the number.
   */
  format?: (value: CsvValue, row: R) => string;
}

/** The locale of numbers for the UI language. */
export function numberLocale(language: string): string {
  return language === 'en' ? 'en-GB' : 'id-ID';
}

/**
 * A cell as the table shows it: counts grouped in the UI language (`12.345`), a hidden count `< 5`,
 * percentages with one decimal (`45,5%`, an unknown one `—`), empty text `—`.
 */
export function chartCellText(
  value: CsvValue,
  column: Pick<CsvColumn, 'numeric' | 'percent'>,
  language: string,
) {
  if (value === null || value === undefined || value === '') {
    if (column.percent) return EMPTY;
    return column.numeric ? HIDDEN_COUNT : EMPTY;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return EMPTY;
    const text = new Intl.NumberFormat(numberLocale(language), {
      maximumFractionDigits: column.percent ? 1 : 2,
      minimumFractionDigits: column.percent && !Number.isInteger(value) ? 1 : 0,
    }).format(value);
    return column.percent ? `${text}%` : text;
  }
  return String(value);
}

/** Every cell's text of one row, in column order. */
export function chartRowTexts<R extends object>(
  row: R,
  columns: readonly ChartColumn<R>[],
  language: string,
) {
  return columns.map((column) => {
    const value = (row as Record<string, CsvValue>)[column.key];
    return column.format ? column.format(value, row) : chartCellText(value, column, language);
  });
}

/** The rows as the CSV writes them: a text column through its `format` (labels), numbers as they are. */
export function csvRows<R extends object>(rows: readonly R[], columns: readonly ChartColumn<R>[]) {
  return rows.map((row) => {
    const values: Partial<Record<Extract<keyof R, string>, CsvValue>> = {};
    for (const column of columns) {
      const value = (row as Record<string, CsvValue>)[column.key];
      values[column.key] =
        column.format && !column.numeric && !column.percent ? column.format(value, row) : value;
    }
    return values;
  });
}

import { HIDDEN_COUNT } from '../../../lib/csv.ts';

// Bar charts of counts where some counts may be hidden (null): recharts draws no bar and no label for
// null, so a hidden stage would vanish from the drawing. It is drawn as an empty bar labelled "< 5".

export type CountBar<R> = R & { bar: number };

/** The rows with `bar`: the count, or 0 for a hidden one (its label says "< 5"). */
export function countBars<R extends { count: number | null }>(rows: readonly R[]): CountBar<R>[] {
  return rows.map((row) => ({ ...row, bar: row.count ?? 0 }));
}

/** The bar's value label: "< 5" for a hidden count, else the value (then formatted by the chart). */
export function countBarLabel(entry: { value?: unknown; payload?: unknown }): string | number {
  const row = entry.payload as { count?: number | null } | undefined;
  if (row && row.count === null) return HIDDEN_COUNT;
  return typeof entry.value === 'number' || typeof entry.value === 'string' ? entry.value : '';
}

import type { SECTORS } from '../../../../shared/people.ts';
import type { VillageSectorRow } from '../../../../shared/villages.ts';

type Sector = (typeof SECTORS)[number];

/** The bars per sector, in this order; shade 7–8 keeps each bar above 3:1 against the white page. */
export const CHART_SERIES = [
  { key: 'potentials', color: 'teal.7' },
  { key: 'needs', color: 'grape.7' },
  { key: 'openPlaces', color: 'blue.7' },
  { key: 'placed', color: 'orange.8' },
] as const;

export type ChartRow = VillageSectorRow & { label: string };

/** The sectors that have anything to show, in the order of SECTORS, each with its label. */
export function chartRows(rows: readonly VillageSectorRow[], label: (sector: Sector) => string): ChartRow[] {
  return rows
    .filter(
      (row) =>
        row.potentials > 0 ||
        row.needs > 0 ||
        row.openOpportunities > 0 ||
        row.openPlaces > 0 ||
        row.placed > 0,
    )
    .map((row) => ({ ...row, label: label(row.sector) }));
}

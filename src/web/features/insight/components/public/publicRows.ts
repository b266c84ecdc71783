import type {
  PublicFunnelRow,
  PublicOutcomeYear,
  PublicSectorPlacements,
  PublicVillagePlacements,
} from '../../../../../shared/publicFigures.ts';
import { HIDDEN_COUNT } from '../../format.ts';

// Pure shaping of the public figures into chart and table rows (no React: unit-tested).

const NBSP = '\u00a0';

/**
 * A bar's category label: a hidden count (not drawn) says so beside the name, e.g. `Bongsari (< 5)`, with
 * no-break spaces so that a wrapped label never splits "(< 5)".
 */
export function barLabel(label: string, count: number | null): string {
  return count === null ? `${label}${NBSP}(${HIDDEN_COUNT.replaceAll(' ', NBSP)})` : label;
}

export interface FunnelChartRow {
  stage: PublicFunnelRow['stage'];
  label: string;
  chartLabel: string;
  count: number | null;
  ofPrevious: number | null;
  ofFirst: number | null;
}

/** The funnel's rows in the server's order, labelled. */
export function funnelRows(
  funnel: readonly PublicFunnelRow[],
  labelOf: (stage: PublicFunnelRow['stage']) => string,
): FunnelChartRow[] {
  return funnel.map((row) => {
    const label = labelOf(row.stage);
    return { ...row, label, chartLabel: barLabel(label, row.count) };
  });
}

export interface PlacementChartRow {
  key: string;
  label: string;
  chartLabel: string;
  count: number | null;
}

/** "Kelurahan Bongsari" → "Bongsari": the column and the chart already say these are kelurahan. */
export function villageName(name: string): string {
  return name.replace(/^kelurahan\s+/i, '') || name;
}

/** Placements by kelurahan, as the server sorted them (by name; zeros included). */
export function villageRows(items: readonly PublicVillagePlacements[]): PlacementChartRow[] {
  return items.map((item) => {
    const label = villageName(item.name);
    return { key: item.code ?? item.name, label, chartLabel: barLabel(label, item.count), count: item.count };
  });
}

/** Placements by sector, in the vocabulary's order, labelled in the UI language. */
export function sectorRows(
  items: readonly PublicSectorPlacements[],
  labelOf: (sector: PublicSectorPlacements['sector']) => string,
): PlacementChartRow[] {
  return items.map((item) => {
    const label = labelOf(item.sector);
    return { key: item.sector, label, chartLabel: barLabel(label, item.count), count: item.count };
  });
}

/** A 12-month figure of a release year: a count, hidden (null), or `notYet` text where the window is open. */
export type OutcomeCell = number | null | string;

export interface OutcomeTableRow {
  year: string;
  /** The x-axis label: the year, with "(belum)" where the 12-month window has not passed. */
  chartLabel: string;
  size: number | null;
  checks12: OutcomeCell;
  working12: OutcomeCell;
  workingRate: OutcomeCell;
  returned12: OutcomeCell;
  returnedRate: OutcomeCell;
  /** The bars (percentages): null where hidden or not yet known. */
  workingBar: number | null;
  returnedBar: number | null;
}

/**
 * One row per release year. Where the 12-month window has not passed for the whole year, every 12-month
 * cell reads `notYet` ("belum"), in the table and the CSV alike, never "< 5": not yet known is not hidden.
 */
export function outcomeRows(
  years: readonly PublicOutcomeYear[],
  text: { notYet: string; notYetLabel: (year: number) => string },
): OutcomeTableRow[] {
  return years.map((row) => {
    const open = !row.window12Complete;
    const cell = (value: number | null): OutcomeCell => (open ? text.notYet : value);
    return {
      year: String(row.year),
      chartLabel: open ? text.notYetLabel(row.year) : String(row.year),
      size: row.size,
      checks12: cell(row.checks12),
      working12: cell(row.working12),
      workingRate: cell(row.workingRate),
      returned12: cell(row.returned12),
      returnedRate: cell(row.returnedRate),
      workingBar: open ? null : row.workingRate,
      returnedBar: open ? null : row.returnedRate,
    };
  });
}

/** Whether any drawn count is hidden (the chart then says why some bars are missing). */
export function anyHidden(rows: readonly { count: number | null }[]): boolean {
  return rows.some((row) => row.count === null);
}

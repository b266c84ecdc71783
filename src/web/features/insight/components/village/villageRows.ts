import type { InsightVillageList, VillageInsightResponse } from '../../../../../shared/insight.ts';
import type { JourneyStatus, SECTORS } from '../../../../../shared/people.ts';
import { HIDDEN_COUNT } from '../../format.ts';

type Sector = (typeof SECTORS)[number];

// The kelurahan view's answer as the rows its cards, charts, tables and CSV files show (pure: unit-tested).

/** The horizons of upcoming releases the page offers, in months (the server takes 1–24). */
export const VILLAGE_MONTH_CHOICES = [3, 6, 12] as const;
export const VILLAGE_MONTHS_DEFAULT = 6;
/** The address parameter of the horizon. */
export const MONTHS_PARAM = 'bulan';

/** The horizon from the address: one of the choices, else the default. */
export function monthsFromParam(value: string | null): number {
  const months = Number(value);
  return (VILLAGE_MONTH_CHOICES as readonly number[]).includes(months) ? months : VILLAGE_MONTHS_DEFAULT;
}

type Village = InsightVillageList['items'][number];

/**
 * The kelurahan to open without asking: her own when she works for one (and may open it), else the only one
 * she may open; null when she has a choice (or none).
 */
export function villageToOpen(
  items: readonly Village[],
  organization: { id: string; kind: string } | null | undefined,
): string | null {
  if (organization?.kind === 'village' && items.some((item) => item.id === organization.id))
    return organization.id;
  return items.length === 1 ? (items[0]?.id ?? null) : null;
}

/** Kelurahan whose name, code or kecamatan contains the text (case and accents ignored), in the list's order. */
export function filterVillages(items: readonly Village[], text: string): Village[] {
  const needle = fold(text.trim());
  if (!needle) return [...items];
  return items.filter((item) =>
    [item.name, item.code ?? '', item.district?.name ?? ''].some((value) => fold(value).includes(needle)),
  );
}

function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * A bar's label: a hidden count is not drawn (it has no length), so the label says it beside the name
 * (`Dalam lapas (< 5)`); shown counts, zeros included, keep the plain name.
 */
export function barLabel(label: string, count: number | null): string {
  return count === null ? `${label} (${HIDDEN_COUNT})` : label;
}

export interface StatusRow {
  status: JourneyStatus;
  label: string;
  /** The chart's axis label (says "< 5" for a hidden count). */
  chartLabel: string;
  count: number | null;
}

/** People intended for the kelurahan by journey status, every status in the answer's order. */
export function statusRows(
  byStatus: VillageInsightResponse['people']['byStatus'],
  label: (status: JourneyStatus) => string,
): StatusRow[] {
  return byStatus.map(({ status, count }) => ({
    status,
    label: label(status),
    chartLabel: barLabel(label(status), count),
    count,
  }));
}

export interface SectorRow {
  sector: Sector;
  label: string;
  potentials: number;
  needs: number;
  upcomingHere: number | null;
  upcomingInScope: number | null;
}

/**
 * The sectors worth a row: those with a potential, a need or an upcoming release (a hidden count is one or
 * more, so it counts); the other sectors would be empty bars. SECTORS order as the answer gives it.
 */
export function sectorRows(
  sectors: VillageInsightResponse['sectors'],
  label: (sector: Sector) => string,
): SectorRow[] {
  return sectors
    .filter(
      (row) =>
        row.potentials > 0 ||
        row.needs > 0 ||
        row.upcomingHere === null ||
        row.upcomingHere > 0 ||
        row.upcomingInScope === null ||
        row.upcomingInScope > 0,
    )
    .map((row) => ({ ...row, label: label(row.sector) }));
}

/** Whether any of the counts is hidden (the chart then needs its note: hidden bars are not drawn). */
export function anyHidden(values: readonly (number | null)[]): boolean {
  return values.includes(null);
}

/** Whether any count is known and above zero (else a chart would be bars of nothing). */
export function anyAboveZero(values: readonly (number | null)[]): boolean {
  return values.some((value) => value !== null && value > 0);
}

export interface OpportunityRow {
  id: string;
  title: string;
  partnerName: string;
  sector: Sector;
  sectorLabel: string;
  status: VillageInsightResponse['opportunities']['items'][number]['status'];
  statusLabel: string;
  places: number;
  placed: number | null;
}

/** The kelurahan's opportunities with their sector and status in words (the table and its CSV). */
export function opportunityRows(
  items: VillageInsightResponse['opportunities']['items'],
  words: { sector: (sector: Sector) => string; status: (status: OpportunityRow['status']) => string },
): OpportunityRow[] {
  return items.map((item) => ({
    ...item,
    sectorLabel: words.sector(item.sector),
    statusLabel: words.status(item.status),
  }));
}

import { formatDateTime } from '../../../lib/format.ts';

// Pure display rules of the kelurahan screens (no React, no i18n instance: unit-tested).

/** The locale of numbers and month names for the UI language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'id-ID';
}

/** A number in the UI language's notation: `12.345,5` in Indonesian, `12,345.5` in English. */
export function formatNumber(value: number, language: string, maximumFractionDigits = 0): string {
  return new Intl.NumberFormat(localeOf(language), { maximumFractionDigits }).format(value);
}

/** People per km², or null when the population or the area is unknown (or the area is not positive). */
export function populationDensity(population: number | null, areaKm2: number | null): number | null {
  if (population === null || areaKm2 === null || !Number.isFinite(areaKm2) || areaKm2 <= 0) return null;
  return population / areaKm2;
}

/** The name of a month 1..12 in the UI language: `Januari`, `January`. */
export function monthName(month: number, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, month - 1, 1)),
  );
}

/** The months 1..12 as select options, in calendar order. */
export function monthOptions(language: string): { value: string; label: string }[] {
  return Array.from({ length: 12 }, (_, index) => ({
    value: String(index + 1),
    label: monthName(index + 1, language),
  }));
}

/**
 * The season of a need in words: three or more months in a row become a range (`Juni–Agustus`), the rest
 * are listed (`Maret, April, Desember`); null when there are no months (all year: the caller says so).
 */
export function seasonText(months: readonly number[], language: string): string | null {
  const sorted = [...new Set(months)].filter((month) => month >= 1 && month <= 12).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  if (sorted.length === 12) return null;
  const runs: number[][] = [];
  for (const month of sorted) {
    const run = runs.at(-1);
    if (run && run.at(-1) === month - 1) run.push(month);
    else runs.push([month]);
  }
  return runs
    .flatMap((run) => {
      const first = run[0] as number;
      const last = run.at(-1) as number;
      if (run.length >= 3) return [`${monthName(first, language)}–${monthName(last, language)}`];
      return run.map((month) => monthName(month, language));
    })
    .join(', ');
}

export interface HemisphereLabels {
  north: string;
  south: string;
  east: string;
  west: string;
}

/** A centroid as `6,987100° LS, 110,392500° BT`; null when either part is missing. */
export function formatCoordinates(
  latitude: number | null,
  longitude: number | null,
  language: string,
  labels: HemisphereLabels,
): string | null {
  if (latitude === null || longitude === null) return null;
  const degrees = (value: number) =>
    new Intl.NumberFormat(localeOf(language), {
      minimumFractionDigits: 4,
      maximumFractionDigits: 6,
    }).format(Math.abs(value));
  const lat = `${degrees(latitude)}° ${latitude < 0 ? labels.south : labels.north}`;
  const lng = `${degrees(longitude)}° ${longitude < 0 ? labels.west : labels.east}`;
  return `${lat}, ${lng}`;
}

/** The strength 1..5 as a whole number in range, for the rating and its words. */
export function clampStrength(value: number): 1 | 2 | 3 | 4 | 5 {
  const rounded = Math.round(Number.isFinite(value) ? value : 1);
  return Math.min(5, Math.max(1, rounded)) as 1 | 2 | 3 | 4 | 5;
}

/** When a revision was saved: `05/03/2026 14.30` in Indonesian (a dot, as written there), `14:30` in English. */
export function revisionTime(value: string, language: string): string {
  const text = formatDateTime(value);
  return language === 'en' ? text : text.replace(/ (\d{2}):(\d{2})$/, ' $1.$2');
}

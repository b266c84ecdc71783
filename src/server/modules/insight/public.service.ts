import type { Kysely } from 'kysely';
import { addDays } from '../../../shared/dates.ts';
import { SECTORS } from '../../../shared/people.ts';
import {
  PUBLIC_FUNNEL_STAGES,
  type PublicFigures,
  type PublicFunnelStage,
  type PublicOutcomeYear,
} from '../../../shared/publicFigures.ts';
import type { Database } from '../../db/schema.ts';
import { today } from '../../platform/calendar.ts';
import { currentRules } from '../rules/rules.service.ts';
import {
  cohortCounts,
  type InsightFilter,
  peopleCounts,
  placementCells,
  trainingCounts,
} from './insight.repository.ts';
import { programScope } from './insight.scope.ts';
import {
  type ProgramCountsRow,
  programCounts,
  trainingTotals,
  villageDirectory,
} from './public.repository.ts';
import { MIN_CELL, percent, type SuppressionGroup, suppress } from './suppress.ts';

// The public page's figures (issue 9, ADR 015): program-wide, as of the last day of the previous month, every
// count of people always suppressed (1–4 hidden, and complementary cells wherever a total and its members are
// published together), computed at most once per 10 minutes per app instance.

/** The last day of the month before `day` ('yyyy-mm-dd', the program's calendar). */
export function publicAsOf(day: string = today()): string {
  return addDays(`${day.slice(0, 7)}-01`, -1);
}

/** A release year's counts (its quarters added up). */
export interface ReleaseYearRow {
  year: number;
  size: number;
  checks12: number;
  working12: number;
  returned12: number;
}

/** The figures before suppression: exact counts, as the repositories return them. */
export interface RawPublicFigures {
  asOf: string;
  funnel: Record<PublicFunnelStage, number>;
  training: {
    cohortsCompleted: number;
    womenTrained: number;
    certificatesIssued: number;
    womenCertified: number;
  };
  placements: {
    total: number;
    /** Every kelurahan of the directory, in the order to publish. */
    byVillage: { code: string | null; name: string; count: number }[];
    /** Every sector of the vocabulary, in its order. */
    bySector: { sector: (typeof SECTORS)[number]; count: number }[];
  };
  /** Release years with a release, any order. */
  releaseYears: ReleaseYearRow[];
  program: ProgramCountsRow;
}

/** The 12-month window has passed for everyone released in `year` (31 December + 12 months ≤ asOf). */
export function window12Complete(year: number, asOf: string): boolean {
  return `${year + 1}-12-31` <= asOf;
}

/**
 * The published figures from the exact ones: counts 1–4 hidden, complementary suppression in the groups
 * "placements total = by kelurahan" and "placements total = by sector" (one shared total), a hidden funnel
 * stage hiding every later one, a release year of hidden size hiding its whole row, and the 12-month cells of
 * a year whose window has not passed null ("belum", told apart by window12Complete). Pure.
 */
export function presentPublicFigures(raw: RawPublicFigures): PublicFigures {
  const counts: Record<string, number> = {};
  for (const stage of PUBLIC_FUNNEL_STAGES) counts[`funnel.${stage}`] = raw.funnel[stage];
  counts['training.womenTrained'] = raw.training.womenTrained;
  counts['training.certificatesIssued'] = raw.training.certificatesIssued;
  counts['training.womenCertified'] = raw.training.womenCertified;
  counts['placements.total'] = raw.placements.total;
  const villageKeys = raw.placements.byVillage.map((row, index) => {
    counts[`village.${index}`] = row.count;
    return `village.${index}`;
  });
  const sectorKeys = raw.placements.bySector.map((row) => {
    counts[`sector.${row.sector}`] = row.count;
    return `sector.${row.sector}`;
  });
  const years = yearsToPublish(raw.releaseYears, raw.asOf);
  for (const row of years) {
    counts[`year.${row.year}.size`] = row.size;
    counts[`year.${row.year}.checks12`] = row.checks12;
    counts[`year.${row.year}.working12`] = row.working12;
    counts[`year.${row.year}.returned12`] = row.returned12;
  }
  const groups: SuppressionGroup<string>[] = [
    { total: 'placements.total', members: villageKeys },
    { total: 'placements.total', members: sectorKeys },
  ];
  const shown = suppress(counts, groups, true);
  const cell = (key: string) => shown[key] ?? null;

  // Nested stages: a stage of 1–4 bounds every later one, so they go with it (even a 0).
  let hiddenBefore = false;
  const stageCounts = PUBLIC_FUNNEL_STAGES.map((stage) => {
    const value = hiddenBefore ? null : cell(`funnel.${stage}`);
    if (value === null) hiddenBefore = true;
    return value;
  });
  const first = stageCounts[0] ?? null;
  const funnel = PUBLIC_FUNNEL_STAGES.map((stage, index) => {
    const value = stageCounts[index] ?? null;
    return {
      stage,
      count: value,
      ofPrevious: index === 0 ? null : percent(value, stageCounts[index - 1] ?? null),
      ofFirst: percent(value, first),
    };
  });

  const outcomes: PublicOutcomeYear[] = years.map((row) => {
    const size = cell(`year.${row.year}.size`);
    const complete = window12Complete(row.year, raw.asOf);
    // A cohort of hidden size hides its whole row: its cells would tell what the hidden size does not.
    const value = (name: string) => (size === null || !complete ? null : cell(`year.${row.year}.${name}`));
    const checks12 = value('checks12');
    const working12 = value('working12');
    const returned12 = value('returned12');
    return {
      year: row.year,
      size,
      window12Complete: complete,
      checks12,
      working12,
      returned12,
      workingRate: percent(working12, checks12),
      returnedRate: percent(returned12, size === null || !complete ? null : size),
    };
  });

  return {
    asOf: raw.asOf,
    minCell: MIN_CELL,
    funnel,
    training: {
      cohortsCompleted: raw.training.cohortsCompleted,
      womenTrained: cell('training.womenTrained'),
      certificatesIssued: cell('training.certificatesIssued'),
      womenCertified: cell('training.womenCertified'),
    },
    placements: {
      total: cell('placements.total'),
      byVillage: raw.placements.byVillage.map((row, index) => ({
        code: row.code,
        name: row.name,
        count: cell(`village.${index}`),
      })),
      bySector: raw.placements.bySector.map((row) => ({
        sector: row.sector,
        count: cell(`sector.${row.sector}`),
      })),
    },
    outcomes,
    program: { ...raw.program },
  };
}

/** Every year from the first release to asOf's year, oldest first; a year without a release counts 0. */
function yearsToPublish(rows: ReleaseYearRow[], asOf: string): ReleaseYearRow[] {
  if (rows.length === 0) return [];
  const byYear = new Map(rows.map((row) => [row.year, row]));
  const first = Math.min(...rows.map((row) => row.year));
  const last = Number(asOf.slice(0, 4));
  const years: ReleaseYearRow[] = [];
  for (let year = first; year <= last; year += 1)
    years.push(byYear.get(year) ?? { year, size: 0, checks12: 0, working12: 0, returned12: 0 });
  return years;
}

/**
 * Where the program's records begin: the public figures count from it to asOf (the funnel's base is
 * everyone who entered by asOf).
 */
export const RECORDS_START = '1900-01-01';

/** The sector a placement is counted under: its opportunity's, or "other" for a value outside the vocabulary. */
function sectorOf(value: string): (typeof SECTORS)[number] {
  return (SECTORS as readonly string[]).includes(value) ? (value as (typeof SECTORS)[number]) : 'other';
}

/**
 * The exact program-wide figures as of `asOf`: the dashboard's queries (insight.repository.ts) over the whole
 * program from the start of the records to asOf, and this page's own (public.repository.ts).
 */
export async function loadPublicFigures(db: Kysely<Database>, asOf: string): Promise<RawPublicFigures> {
  const { rules } = await currentRules(db, 'sentence');
  const scope = programScope();
  const filter: InsightFilter = {
    periodStart: RECORDS_START,
    periodEnd: asOf,
    asOf,
    villageId: null,
    preReleaseWindowDays: rules.preReleaseWindowDays,
  };
  const [{ funnel }, training, totals, cells, cohorts, villages, program] = await Promise.all([
    peopleCounts(db, scope, filter),
    trainingCounts(db, scope, filter),
    trainingTotals(db, asOf),
    placementCells(db, scope, filter),
    cohortCounts(db, scope, filter, RECORDS_START, asOf),
    villageDirectory(db),
    programCounts(db, asOf),
  ]);

  const byVillage = new Map<string, number>();
  const bySector = new Map<string, number>();
  let total = 0;
  for (const cell of cells) {
    total += cell.count;
    byVillage.set(cell.village_id, (byVillage.get(cell.village_id) ?? 0) + cell.count);
    const sector = sectorOf(cell.sector);
    bySector.set(sector, (bySector.get(sector) ?? 0) + cell.count);
  }

  // Release quarters add up to years: every count of a cohort is a count of its people.
  const years = new Map<number, ReleaseYearRow>();
  for (const cohort of cohorts) {
    const year = Number(cohort.cohort.slice(0, 4));
    const row = years.get(year) ?? { year, size: 0, checks12: 0, working12: 0, returned12: 0 };
    row.size += cohort.size;
    row.checks12 += cohort.checks_12;
    row.working12 += cohort.working_12;
    row.returned12 += cohort.returned_12;
    years.set(year, row);
  }

  return {
    asOf,
    funnel,
    training: { cohortsCompleted: training.cohortsCompleted, ...totals },
    placements: {
      total,
      byVillage: villages.map((village) => ({
        code: village.code,
        name: village.name,
        count: byVillage.get(village.id) ?? 0,
      })),
      bySector: SECTORS.map((sector) => ({ sector, count: bySector.get(sector) ?? 0 })),
    },
    releaseYears: [...years.values()],
    program,
  };
}

/** The public figures as of the last day of the previous month, suppressed. */
export async function computePublicFigures(
  db: Kysely<Database>,
  asOf: string = publicAsOf(),
): Promise<PublicFigures> {
  return presentPublicFigures(await loadPublicFigures(db, asOf));
}

export interface PublicFiguresCache {
  /** The figures as of `asOf`: computed at most once per `ttlMs`; callers meanwhile share the computation. */
  get(asOf: string): Promise<PublicFigures>;
}

/**
 * An in-memory cache of one entry, keyed by asOf: a computation started less than `ttlMs` ago (finished or
 * still running) is shared; a failed one is forgotten at once, so the next request tries again.
 */
export function createPublicFiguresCache(
  compute: (asOf: string) => Promise<PublicFigures>,
  options: { ttlMs?: number; now?: () => number } = {},
): PublicFiguresCache {
  const ttlMs = options.ttlMs ?? 10 * 60 * 1000;
  const now = options.now ?? Date.now;
  let entry: { asOf: string; at: number; figures: Promise<PublicFigures> } | null = null;
  return {
    get(asOf) {
      if (entry && entry.asOf === asOf && now() - entry.at < ttlMs) return entry.figures;
      const current = { asOf, at: now(), figures: compute(asOf) };
      entry = current;
      current.figures.catch(() => {
        if (entry === current) entry = null;
      });
      return current.figures;
    },
  };
}

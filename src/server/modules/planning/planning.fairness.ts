import {
  AGE_BANDS,
  DOMICILE_GROUPS,
  EDUCATION_GROUPS,
  FAIRNESS_MIN_CELL,
  type FairnessCell,
  type FairnessDimension,
  type FairnessReport,
  type FairnessRow,
  type PlanningRule,
  SEMARANG_BARAT_CODE,
} from '../../../shared/planning.ts';

// The fairness report's arithmetic, without I/O (planning.fairness.test.ts): each woman's group (age band,
// education, domicile) and outcome (recommended, top score, proposed, placed) in, figures per group out,
// with cells of fewer than 5 women suppressed. Age is computed here for the report only: the engine never
// scores on it.

export interface FairnessPerson {
  birthDate: string | null;
  educationLevel: string | null;
  domicileVillageCode: string | null;
  /** At least one eligible recommendation scoring ≥ minScore. */
  recommended: boolean;
  /** Her best score among eligible pairs; null when none is eligible. */
  topScore: number | null;
  proposed: boolean;
  placed: boolean;
}

/** Whole years from `birthDate` to `on` (both 'yyyy-mm-dd'). */
export function ageOn(birthDate: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return on.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

export function ageBand(birthDate: string | null, on: string): (typeof AGE_BANDS)[number] {
  if (!birthDate) return 'unknown';
  const age = ageOn(birthDate, on);
  if (age < 25) return 'under_25';
  if (age < 35) return '25_34';
  if (age < 45) return '35_44';
  return '45_plus';
}

export function educationGroup(level: string | null): (typeof EDUCATION_GROUPS)[number] {
  return (EDUCATION_GROUPS as readonly string[]).includes(level ?? '')
    ? (level as (typeof EDUCATION_GROUPS)[number])
    : 'unknown';
}

/** Inside: a domicile under Kecamatan Semarang Barat's Kemendagri code (33.74.13.xxxx). */
export function domicileGroup(code: string | null): (typeof DOMICILE_GROUPS)[number] {
  if (!code?.trim()) return 'unknown';
  return code.trim().startsWith(`${SEMARANG_BARAT_CODE}.`) ? 'inside' : 'outside';
}

const round3 = (value: number) => Math.round(value * 1000) / 1000;
const round1 = (value: number) => Math.round(value * 10) / 10;

const SUPPRESSED: FairnessCell = {
  suppressed: true,
  people: null,
  recommended: null,
  recommendedRate: null,
  meanTopScore: null,
  proposed: null,
  proposedRate: null,
  placed: null,
  placedRate: null,
};

/** The figures of a set of women; suppressed (all null) below FAIRNESS_MIN_CELL. */
export function cellOf(people: readonly FairnessPerson[]): FairnessCell {
  const n = people.length;
  if (n < FAIRNESS_MIN_CELL) return { ...SUPPRESSED };
  const count = (test: (person: FairnessPerson) => boolean) => people.filter(test).length;
  const recommended = count((person) => person.recommended);
  const proposed = count((person) => person.proposed);
  const placed = count((person) => person.placed);
  const scores = people.flatMap((person) => (person.topScore === null ? [] : [person.topScore]));
  return {
    suppressed: false,
    people: n,
    recommended,
    recommendedRate: round3(recommended / n),
    meanTopScore: scores.length
      ? round1(scores.reduce((sum, score) => sum + score, 0) / scores.length)
      : null,
    proposed,
    proposedRate: round3(proposed / n),
    placed,
    placedRate: round3(placed / n),
  };
}

/**
 * Complementary suppression within one dimension, whose groups partition everyone: the overall figures minus
 * the groups shown give the suppressed groups' figures summed, so those alone must never be a small cell.
 * The groups under FAIRNESS_MIN_CELL are suppressed; then, while the suppressed groups together hold some
 * but fewer than FAIRNESS_MIN_CELL people (one small group alone, say), the next smallest group shown is
 * suppressed too (the first in the dimension's order on a tie). Returns the indexes of the groups suppressed
 * only to protect another ("complementary"). Suppressed groups holding nobody at all need no cover: the
 * subtraction then gives 0 people and no one's figures.
 *
 * Known limit: this protects one report. Two reports whose windows differ slightly can still be
 * subtracted from each other (the overall cell of a window one day longer, say); that is not prevented here.
 */
export function complementaryGroups(sizes: readonly number[]): Set<number> {
  const suppressed = new Set<number>();
  let hidden = 0;
  sizes.forEach((size, index) => {
    if (size < FAIRNESS_MIN_CELL) {
      suppressed.add(index);
      hidden += size;
    }
  });
  const complementary = new Set<number>();
  while (hidden > 0 && hidden < FAIRNESS_MIN_CELL) {
    let next = -1;
    sizes.forEach((size, index) => {
      if (!suppressed.has(index) && (next < 0 || size < (sizes[next] as number))) next = index;
    });
    if (next < 0) break;
    suppressed.add(next);
    complementary.add(next);
    hidden += sizes[next] as number;
  }
  return complementary;
}

const gapOf = (rate: number | null, overall: number | null) =>
  rate === null || overall === null ? null : round3(rate - overall);

/**
 * The groups of each dimension, every group listed (empty ones suppressed), with each rate's gap to
 * everyone's; small groups suppressed, and beside them another when needed (`complementaryGroups`).
 */
export function fairnessFigures(
  people: readonly FairnessPerson[],
  on: string,
): Pick<FairnessReport, 'overall' | 'dimensions'> {
  const overall = cellOf(people);
  const groupsOf: Record<
    FairnessDimension,
    { groups: readonly string[]; of: (person: FairnessPerson) => string }
  > = {
    age_band: { groups: AGE_BANDS, of: (person) => ageBand(person.birthDate, on) },
    education: { groups: EDUCATION_GROUPS, of: (person) => educationGroup(person.educationLevel) },
    domicile: { groups: DOMICILE_GROUPS, of: (person) => domicileGroup(person.domicileVillageCode) },
  };
  const dimensions = (Object.keys(groupsOf) as FairnessDimension[]).map((dimension) => {
    const { groups, of } = groupsOf[dimension];
    const members = new Map<string, FairnessPerson[]>(groups.map((group) => [group, []]));
    for (const person of people) members.get(of(person))?.push(person);
    const complementary = complementaryGroups(groups.map((group) => members.get(group)?.length ?? 0));
    const rows: FairnessRow[] = groups.map((group, index) => {
      const cell = complementary.has(index) ? { ...SUPPRESSED } : cellOf(members.get(group) ?? []);
      return {
        group,
        ...cell,
        complementary: complementary.has(index),
        recommendedRateGap: gapOf(cell.recommendedRate, overall.recommendedRate),
        proposedRateGap: gapOf(cell.proposedRate, overall.proposedRate),
        placedRateGap: gapOf(cell.placedRate, overall.placedRate),
      };
    });
    return { dimension, rows };
  });
  return { overall, dimensions };
}

export const FAIRNESS_RULES: PlanningRule[] = [
  {
    code: 'population',
    id: 'Populasi: perempuan (tidak dianonimkan) yang masih di lapas dengan perkiraan tanggal bebas dalam rentang, atau yang bebas dalam rentang itu (dan tidak kembali ke lapas), dari semua organisasi. Hanya angka gabungan, tanpa data perorangan.',
    en: 'Population: women (not anonymized) still in custody whose expected release falls in the range, or released within it (and not returned), across all organizations. Aggregate figures only, no person’s data.',
  },
  {
    code: 'recommended',
    id: 'Direkomendasikan: memiliki sedikitnya satu peluang yang dibuka yang lolos semua syarat dengan skor ≥ skor minimum aturan pencocokan yang berlaku. Skor tertinggi rata-rata: rata-rata skor terbaik tiap perempuan di antara peluang yang lolos syarat.',
    en: 'Recommended: at least one open opportunity passing every gate with a score ≥ the minimum score of the matching rules in force. Mean top score: the mean of each woman’s best score among the opportunities passing the gates.',
  },
  {
    code: 'pipeline',
    id: 'Diusulkan: pernah diusulkan untuk sebuah peluang (tahap apa pun). Ditempatkan: penempatannya pernah mencapai tahap ditempatkan.',
    en: 'Proposed: proposed for an opportunity at least once (any stage). Placed: a placement of hers reached the placed stage.',
  },
  {
    code: 'groups',
    id: 'Kelompok: umur pada hari laporan (dihitung hanya untuk laporan ini, tidak pernah untuk skor), pendidikan, dan domisili di dalam atau di luar Kecamatan Semarang Barat (kode Kemendagri 33.74.13). Selisih = tingkat kelompok − tingkat keseluruhan. Sel dengan kurang dari 5 orang disembunyikan dan tingkatnya tidak dihitung.',
    en: 'Groups: age on the report’s day (computed for this report only, never for scoring), education, and domicile inside or outside Kecamatan Semarang Barat (Kemendagri code 33.74.13). Gap = group rate − overall rate. Cells of fewer than 5 people are suppressed and their rates not computed.',
  },
  {
    code: 'complementary',
    id: 'Penyembunyian pelengkap: dalam tiap pengelompokan, bila kelompok yang disembunyikan bersama-sama berisi kurang dari 5 orang (misalnya hanya satu kelompok kecil), kelompok terkecil berikutnya juga disembunyikan ("disembunyikan"), agar angka kelompok kecil tidak dapat dihitung dari angka keseluruhan dikurangi kelompok lain.',
    en: 'Complementary suppression: within each grouping, when the suppressed groups together hold fewer than 5 people (a single small group, say), the next smallest group is suppressed too ("hidden"), so that a small group’s figures cannot be worked out from the overall figures minus the other groups.',
  },
];

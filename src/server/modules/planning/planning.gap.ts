import {
  DEFAULT_SESSIONS_PER_WEEK,
  type GapCohortRow,
  type GapProgram,
  type GapSkillRow,
  type GapVillageRow,
  type PlanningRule,
  type PlanningSkill,
  POTENTIAL_DEMAND_MIN_STRENGTH,
} from '../../../shared/planning.ts';
import type { SkillLevel } from '../../../shared/skills.ts';
import type { VillageNeedKind } from '../../../shared/villages.ts';
import { addDays, dayNumber } from '../training/cohorts/schedule.ts';

// The training-gap planner's arithmetic, without I/O (planning.gap.test.ts): demand against supply per skill
// and kelurahan with levels, and the cohorts that would close the gap, sized and dated. The repository
// (planning.repository.ts) hands it aggregates only (counts per skill, kelurahan, level and release date),
// never a person.

export const LEVELS: readonly SkillLevel[] = ['basic', 'intermediate', 'competent'];
/** basic 0, intermediate 1, competent 2. */
export const levelRank = (level: SkillLevel): number => LEVELS.indexOf(level);

/** One part of the demand: places, needs or potentials of one kelurahan for one skill at a minimum level. */
export interface DemandItem {
  skillId: string;
  villageId: string;
  source: 'place' | 'place_optional' | 'need' | 'potential';
  /** The minimum level asked (needs and potentials: basic). */
  level: SkillLevel;
  people: number;
}

/**
 * Women released in the horizon with a skill, grouped: by intended kelurahan (null: not set), the level
 * they hold it at (null: not held) and the level a cohort they are allocated to will give (null: none).
 */
export interface SupplyGroup {
  skillId: string;
  villageId: string | null;
  held: SkillLevel | null;
  trained: SkillLevel | null;
  people: number;
}

/** Women released in the horizon per release date: everyone (skillId null), or those with a skill at `level` (held or trained, the higher). */
export interface ReleaseCount {
  skillId: string | null;
  releaseDate: string;
  level: SkillLevel | null;
  people: number;
}

/** The supply as the repository counts it (aggregates only): see `mergeSupply`. */
export interface SupplyCounts {
  /** Skills recorded (person_skill) per skill, intended kelurahan and level. */
  recordedByVillage: { skillId: string; villageId: string | null; level: SkillLevel; people: number }[];
  /** The same per skill, release date and level. */
  recordedByDate: { skillId: string; releaseDate: string; level: SkillLevel; people: number }[];
  /** Every woman of the horizon per release date. */
  everyone: { releaseDate: string; people: number }[];
  /**
   * Women with a certificate still valid or an allocation to a cohort ending before their release, per
   * skill, kelurahan and release date, with the level recorded for them (null: none), the certificate's and
   * the cohort's.
   */
  extra: {
    skillId: string;
    villageId: string | null;
    releaseDate: string;
    recorded: SkillLevel | null;
    certified: SkillLevel | null;
    trained: SkillLevel | null;
    people: number;
  }[];
}

const higher = (a: SkillLevel | null, b: SkillLevel | null): SkillLevel | null =>
  a === null ? b : b === null ? a : levelRank(a) >= levelRank(b) ? a : b;

/**
 * Folds the women with a certificate or a cohort (`extra`) into the recorded skills: each is taken out of
 * the count of her recorded level (when she has one) and counted again with the level she holds (recorded or
 * certified, the higher) and the level her cohort gives. Returns the supply groups, the release counts per
 * date (everyone, and those with each skill at their best level) and how many women the horizon has.
 */
export function mergeSupply(counts: SupplyCounts): {
  supply: SupplyGroup[];
  releases: ReleaseCount[];
  total: number;
} {
  const supply = new Map<string, SupplyGroup>();
  const addSupply = (group: SupplyGroup) => {
    const key = [group.skillId, group.villageId, group.held, group.trained].join('|');
    const entry = supply.get(key);
    if (entry) entry.people += group.people;
    else supply.set(key, { ...group });
  };
  const releases = new Map<string, ReleaseCount>();
  const addRelease = (row: ReleaseCount) => {
    const key = [row.skillId, row.releaseDate, row.level].join('|');
    const entry = releases.get(key);
    if (entry) entry.people += row.people;
    else releases.set(key, { ...row });
  };
  for (const row of counts.recordedByVillage)
    addSupply({
      skillId: row.skillId,
      villageId: row.villageId,
      held: row.level,
      trained: null,
      people: row.people,
    });
  for (const row of counts.recordedByDate)
    addRelease({ skillId: row.skillId, releaseDate: row.releaseDate, level: row.level, people: row.people });
  for (const row of counts.extra) {
    if (row.recorded) {
      addSupply({
        skillId: row.skillId,
        villageId: row.villageId,
        held: row.recorded,
        trained: null,
        people: -row.people,
      });
      addRelease({
        skillId: row.skillId,
        releaseDate: row.releaseDate,
        level: row.recorded,
        people: -row.people,
      });
    }
    const held = higher(row.recorded, row.certified);
    addSupply({
      skillId: row.skillId,
      villageId: row.villageId,
      held,
      trained: row.trained,
      people: row.people,
    });
    const best = higher(held, row.trained);
    if (best)
      addRelease({ skillId: row.skillId, releaseDate: row.releaseDate, level: best, people: row.people });
  }
  let total = 0;
  for (const row of counts.everyone) {
    total += row.people;
    addRelease({ skillId: null, releaseDate: row.releaseDate, level: null, people: row.people });
  }
  return {
    supply: [...supply.values()].filter((group) => group.people !== 0),
    releases: [...releases.values()].filter((row) => row.people !== 0),
    total,
  };
}

export interface ProgramInput {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  defaultCapacity: number;
  sessionsCount: number;
  /** Weekly slots of its cohorts' schedules (rounded mean); null when it has no cohort. */
  sessionsPerWeek: number | null;
  skills: { skillId: string; level: SkillLevel }[];
}

export interface GapInput {
  today: string;
  skills: PlanningSkill[];
  villages: { id: string; name: string }[];
  demand: DemandItem[];
  supply: SupplyGroup[];
  releases: ReleaseCount[];
  programs: ProgramInput[];
}

export interface GapResult {
  skills: GapSkillRow[];
  cohorts: GapCohortRow[];
}

// ── Demand rules ──

/** A potential's demand: `strength` people when its strength is 4 or 5, none below. */
export const potentialDemand = (strength: number): number =>
  strength >= POTENTIAL_DEMAND_MIN_STRENGTH ? strength : 0;

/**
 * A need's demand. Only a labour demand's size counts people (1 when not known); a service needed or a
 * market counts its size in customers or households, so it is one woman: one could start a business
 * serving it.
 */
export const needDemand = (kind: VillageNeedKind, size: number | null): number =>
  kind === 'labour_demand' ? (size ?? 1) : 1;

/** The months (1–12) a horizon from `from` to `to` touches; all twelve once it spans a year. */
export function horizonMonths(from: string, to: string): number[] {
  const months = new Set<number>();
  let year = Number(from.slice(0, 4));
  let month = Number(from.slice(5, 7));
  const endYear = Number(to.slice(0, 4));
  const endMonth = Number(to.slice(5, 7));
  while ((year < endYear || (year === endYear && month <= endMonth)) && months.size < 12) {
    months.add(month);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return [...months].sort((a, b) => a - b);
}

/** A need counts when it is all-year (no months) or one of its months falls in the horizon. */
export const needInHorizon = (seasonMonths: readonly number[], months: readonly number[]): boolean =>
  seasonMonths.length === 0 || seasonMonths.some((month) => months.includes(month));

/** `date` plus `months` calendar months; the day is kept, or the month's last day (31 Jan + 1 = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

// ── Levels ──

/**
 * Fills demand per level with supply per level, highest level first: a woman at a higher level can take a
 * place asking a lower one, never the reverse. Counts are indexed by level rank (basic, intermediate,
 * competent). Returns the people short per level and in all (the greedy fill is optimal for nested levels).
 */
export function fillByLevel(
  demand: readonly number[],
  supply: readonly number[],
): { short: number[]; shortage: number; spare: number } {
  const short = [0, 0, 0];
  let carry = 0;
  for (let rank = LEVELS.length - 1; rank >= 0; rank--) {
    const available = carry + (supply[rank] ?? 0);
    const wanted = demand[rank] ?? 0;
    const used = Math.min(available, wanted);
    short[rank] = wanted - used;
    carry = available - used;
  }
  return { short, shortage: short.reduce((sum, value) => sum + value, 0), spare: carry };
}

// ── Programs ──

/** Weeks a program lasts: its sessions over its sessions a week (3 when its cohorts do not say), rounded up. */
export function programWeeks(program: Pick<ProgramInput, 'sessionsCount' | 'sessionsPerWeek'>): {
  sessionsPerWeek: number;
  weeks: number;
} {
  const sessionsPerWeek =
    program.sessionsPerWeek && program.sessionsPerWeek > 0
      ? program.sessionsPerWeek
      : DEFAULT_SESSIONS_PER_WEEK;
  return { sessionsPerWeek, weeks: Math.max(1, Math.ceil(program.sessionsCount / sessionsPerWeek)) };
}

/**
 * The program to recommend for a skill: among those teaching it, one teaching at least `level` first, then
 * the shortest, then the largest default capacity, then by name. Null when none teaches it.
 */
export function chooseProgram(
  programs: readonly ProgramInput[],
  skillId: string,
  level: SkillLevel,
): GapProgram | null {
  const candidates = programs.flatMap((program) => {
    const taught = program.skills.find((skill) => skill.skillId === skillId);
    if (!taught) return [];
    const { sessionsPerWeek, weeks } = programWeeks(program);
    return [{ program, taught: taught.level, sessionsPerWeek, weeks }];
  });
  const need = levelRank(level);
  candidates.sort(
    (a, b) =>
      Number(levelRank(b.taught) >= need) - Number(levelRank(a.taught) >= need) ||
      a.weeks - b.weeks ||
      b.program.defaultCapacity - a.program.defaultCapacity ||
      a.program.name.localeCompare(b.program.name, 'id') ||
      a.program.id.localeCompare(b.program.id),
  );
  const best = candidates[0];
  if (!best) return null;
  return {
    id: best.program.id,
    name: best.program.name,
    organizationId: best.program.organizationId,
    organizationName: best.program.organizationName,
    level: best.taught,
    defaultCapacity: best.program.defaultCapacity,
    sessionsCount: best.program.sessionsCount,
    sessionsPerWeek: best.sessionsPerWeek,
    durationWeeks: best.weeks,
  };
}

/**
 * The cohorts that would train `cover` women lacking a skill: the women in release-date order (`lacking`:
 * how many release on each date, earliest first), split in groups of the program's default capacity. Each
 * cohort must end before the first release it serves: latest start = that release − the program's weeks.
 * Without a program, one row "needs a new program" for the whole gap.
 */
export function planCohorts(input: {
  today: string;
  skill: PlanningSkill;
  program: GapProgram | null;
  gap: number;
  lacking: readonly { releaseDate: string; people: number }[];
}): GapCohortRow[] {
  const { today, skill, program, gap } = input;
  const available = input.lacking.reduce((sum, row) => sum + row.people, 0);
  const cover = Math.min(gap, available);
  /** The release date of the woman at `position` (0-based) in release-date order. */
  const releaseAt = (position: number): string | null => {
    let seen = 0;
    for (const row of input.lacking) {
      seen += row.people;
      if (position < seen) return row.releaseDate;
    }
    return null;
  };
  if (gap <= 0) return [];
  if (!program)
    return [
      {
        skill,
        program: null,
        sequence: 1,
        size: gap,
        serves: cover,
        firstRelease: cover > 0 ? releaseAt(0) : null,
        latestStart: null,
        urgent: false,
      },
    ];
  const rows: GapCohortRow[] = [];
  for (let position = 0; position < cover; position += program.defaultCapacity) {
    const size = Math.min(program.defaultCapacity, cover - position);
    const firstRelease = releaseAt(position);
    const latestStart = firstRelease ? addDays(firstRelease, -7 * program.durationWeeks) : null;
    rows.push({
      skill,
      program,
      sequence: rows.length + 1,
      size,
      serves: size,
      firstRelease,
      latestStart,
      urgent: latestStart !== null && dayNumber(latestStart) < dayNumber(today),
    });
  }
  return rows;
}

/** The first day of the month of a 'yyyy-mm-dd' date. */
export const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

/**
 * The cohorts as shown to anyone but corrections staff: a cohort's dates follow one woman's expected release
 * date, which only corrections staff see. So no `firstRelease`, the latest start rounded down to the first
 * day of its month (never later than the true one), and "urgent" when that month is this month or earlier
 * (judged on the month alone, so it tells nothing finer). Counts are aggregates and stay.
 */
export function cohortsByMonth(cohorts: readonly GapCohortRow[], today: string): GapCohortRow[] {
  const thisMonth = monthStart(today);
  return cohorts.map((row) => {
    const latestStart = row.latestStart === null ? null : monthStart(row.latestStart);
    return {
      ...row,
      firstRelease: null,
      latestStart,
      urgent: latestStart !== null && latestStart <= thisMonth,
    };
  });
}

// ── The whole computation ──

const byLevel = () => [0, 0, 0];

/**
 * Demand, supply and gap per skill and kelurahan, and the recommended cohorts. A skill's supply counts the
 * women who hold it (or will, after a cohort ending before their release) at no less than the lowest level
 * its demand asks; the gap fills places level by level (`fillByLevel`), so places asking a higher level
 * than the women hold stay short (`levelShortfall`). Skills without demand are left out.
 */
export function computeGap(input: GapInput): GapResult {
  const skillsById = new Map(input.skills.map((skill) => [skill.id, skill]));
  const villageNames = new Map(input.villages.map((village) => [village.id, village.name]));
  const demandBySkill = new Map<string, DemandItem[]>();
  for (const item of input.demand) {
    if (item.people <= 0) continue;
    demandBySkill.set(item.skillId, [...(demandBySkill.get(item.skillId) ?? []), item]);
  }
  const supplyBySkill = new Map<string, SupplyGroup[]>();
  for (const group of input.supply)
    supplyBySkill.set(group.skillId, [...(supplyBySkill.get(group.skillId) ?? []), group]);
  const everyone = new Map<string, number>();
  const withSkill = new Map<string, Map<string, number[]>>();
  for (const row of input.releases) {
    if (row.skillId === null)
      everyone.set(row.releaseDate, (everyone.get(row.releaseDate) ?? 0) + row.people);
    else if (row.level) {
      const dates = withSkill.get(row.skillId) ?? new Map<string, number[]>();
      const counts = dates.get(row.releaseDate) ?? byLevel();
      counts[levelRank(row.level)] = (counts[levelRank(row.level)] ?? 0) + row.people;
      dates.set(row.releaseDate, counts);
      withSkill.set(row.skillId, dates);
    }
  }
  const releaseDates = [...everyone.keys()].sort();

  const rows: GapSkillRow[] = [];
  const cohorts: GapCohortRow[] = [];
  for (const [skillId, items] of demandBySkill) {
    const skill = skillsById.get(skillId);
    if (!skill) continue;
    const sum = (source: DemandItem['source']) =>
      items.filter((item) => item.source === source).reduce((total, item) => total + item.people, 0);
    const counted = items.filter((item) => item.source !== 'place_optional');
    const demand = counted.reduce((total, item) => total + item.people, 0);
    const optional = sum('place_optional');
    if (demand === 0 && optional === 0) continue;
    // The lowest level any counted demand asks: a woman below it meets none of it.
    const floor = counted.length ? Math.min(...counted.map((item) => levelRank(item.level))) : 0;

    // Per kelurahan (null: intended kelurahan not set): demand and supply per level.
    const places = new Map<string | null, { demand: number[]; supply: number[] }>();
    const at = (villageId: string | null) => {
      let entry = places.get(villageId);
      if (!entry) {
        entry = { demand: byLevel(), supply: byLevel() };
        places.set(villageId, entry);
      }
      return entry;
    };
    const demandLevels = byLevel();
    for (const item of counted) {
      const rank = levelRank(item.level);
      demandLevels[rank] = (demandLevels[rank] ?? 0) + item.people;
      const entry = at(item.villageId);
      entry.demand[rank] = (entry.demand[rank] ?? 0) + item.people;
    }
    const supplyLevels = byLevel();
    let supplyHolding = 0;
    let supplyInTraining = 0;
    for (const group of supplyBySkill.get(skillId) ?? []) {
      const held = group.held ? levelRank(group.held) : -1;
      const trained = group.trained ? levelRank(group.trained) : -1;
      const best = Math.max(held, trained);
      if (best < floor) continue;
      if (held >= floor) supplyHolding += group.people;
      else supplyInTraining += group.people;
      supplyLevels[best] = (supplyLevels[best] ?? 0) + group.people;
      const entry = at(group.villageId);
      entry.supply[best] = (entry.supply[best] ?? 0) + group.people;
    }
    const supply = supplyHolding + supplyInTraining;
    const fill = fillByLevel(demandLevels, supplyLevels);
    const gap = fill.shortage;
    let gapLevel: SkillLevel | null = null;
    for (let rank = LEVELS.length - 1; rank >= 0 && gap > 0; rank--)
      if ((fill.short[rank] ?? 0) > 0) {
        gapLevel = LEVELS[rank] ?? null;
        break;
      }

    // Women released in the horizon lacking the skill at the floor level, by release date.
    const holders = withSkill.get(skillId);
    const lacking = releaseDates
      .map((releaseDate) => {
        const counts = holders?.get(releaseDate) ?? byLevel();
        const meeting = counts.slice(floor).reduce((total, value) => total + value, 0);
        return { releaseDate, people: Math.max(0, (everyone.get(releaseDate) ?? 0) - meeting) };
      })
      .filter((row) => row.people > 0);
    const releasesLacking = lacking.reduce((total, row) => total + row.people, 0);

    const byVillage: GapVillageRow[] = [...places.entries()]
      .map(([villageId, entry]) => ({
        village: villageId === null ? null : { id: villageId, name: villageNames.get(villageId) ?? '' },
        demand: entry.demand.reduce((total, value) => total + value, 0),
        supply: entry.supply.reduce((total, value) => total + value, 0),
        gap: fillByLevel(entry.demand, entry.supply).shortage,
      }))
      .sort(
        (a, b) =>
          Number(a.village === null) - Number(b.village === null) ||
          (a.village?.name ?? '').localeCompare(b.village?.name ?? '', 'id'),
      );

    rows.push({
      skill,
      sector: skill.sector,
      demandPlaces: sum('place'),
      demandPlacesOptional: optional,
      demandNeeds: sum('need'),
      demandPotentials: sum('potential'),
      demand,
      supplyHolding,
      supplyInTraining,
      supply,
      gap,
      levelShortfall: gap - Math.max(0, demand - supply),
      gapLevel,
      releasesLacking,
      gapBeyondReleases: Math.max(0, gap - releasesLacking),
      byVillage,
    });
    if (gap > 0) {
      const program = chooseProgram(input.programs, skillId, gapLevel ?? 'basic');
      cohorts.push(...planCohorts({ today: input.today, skill, program, gap, lacking }));
    }
  }
  const bySkillName = (a: PlanningSkill, b: PlanningSkill) =>
    a.nameId.localeCompare(b.nameId, 'id') || a.id.localeCompare(b.id);
  rows.sort((a, b) => b.gap - a.gap || b.demand - a.demand || bySkillName(a.skill, b.skill));
  const order = new Map(rows.map((row, index) => [row.skill.id, index]));
  cohorts.sort(
    (a, b) => (order.get(a.skill.id) ?? 0) - (order.get(b.skill.id) ?? 0) || a.sequence - b.sequence,
  );
  return { skills: rows, cohorts };
}

/** How the figures are counted, in both languages: shown under the table and in the export. */
export const GAP_RULES: PlanningRule[] = [
  {
    code: 'places',
    id: 'Tempat: peluang berstatus dibuka atau draf yang belum lewat batas pendaftarannya, mulai dalam cakrawala (atau sudah mulai dan masih dibuka), dikurangi orang yang sudah ditempatkan. Keterampilan wajib dihitung pada tingkat minimumnya; keterampilan opsional ditampilkan terpisah dan tidak masuk permintaan.',
    en: 'Places: open or draft opportunities not past their closing date that start within the horizon (or have started and are still open), less the people already placed. Essential skills count at their minimum level; optional skills are shown apart and not counted as demand.',
  },
  {
    code: 'needs',
    id: 'Kebutuhan kelurahan yang menyebut keterampilan, bila salah satu bulan musimnya jatuh dalam cakrawala (tanpa bulan = sepanjang tahun), pada tingkat dasar: kebutuhan tenaga kerja sebanyak ukurannya (orang; 1 bila tidak diketahui); layanan yang dibutuhkan dan pasar dihitung 1 (ukurannya menghitung pelanggan atau rumah tangga, bukan pekerja: satu perempuan dapat membuka usaha untuk melayaninya).',
    en: 'Kelurahan needs naming a skill, when one of their season months falls in the horizon (no months = all year), at basic level: a labour demand counts its size (people; 1 when unknown); a service needed or a market counts 1 (its size counts customers or households, not workers: one woman could start a business serving it).',
  },
  {
    code: 'potentials',
    id: 'Potensi kelurahan yang menyebut keterampilan dengan kekuatan 4 atau 5 dihitung sebagai permintaan sebanyak kekuatannya (4 atau 5 orang), pada tingkat dasar; kekuatan 1–3 tidak dihitung.',
    en: 'Kelurahan potentials naming a skill with strength 4 or 5 count as demand for as many people as their strength (4 or 5), at basic level; strength 1–3 does not count.',
  },
  {
    code: 'supply',
    id: 'Pasokan: perempuan yang belum bebas dan tidak dianonimkan dengan perkiraan tanggal bebas dalam cakrawala, yang sudah memiliki keterampilan (data keterampilan atau sertifikat yang masih berlaku) pada tingkat terendah yang diminta, atau yang dialokasikan pada angkatan program yang mengajarkannya dan berakhir sebelum tanggal bebasnya (akan memiliki).',
    en: 'Supply: women not released nor anonymized whose expected release falls in the horizon, who hold the skill (skills record or a valid certificate) at the lowest level asked, or are allocated to a cohort of a program teaching it that ends before their release (will hold it).',
  },
  {
    code: 'gap',
    id: 'Kesenjangan = maks(0, permintaan − pasokan), ditambah tempat yang meminta tingkat lebih tinggi daripada yang dimiliki pasokan. Per kelurahan: permintaan menurut kelurahan peluang, kebutuhan atau potensi; pasokan menurut kelurahan tujuan perempuan ("belum ditentukan" bila kosong).',
    en: 'Gap = max(0, demand − supply), plus places asking a higher level than the supply holds. Per kelurahan: demand by the kelurahan of the opportunity, need or potential; supply by the woman’s intended kelurahan ("not yet decided" when empty).',
  },
  {
    code: 'cohorts',
    id: 'Rekomendasi kohort: program aktif yang mengajarkan keterampilan (tingkat yang cukup dahulu, lalu yang tersingkat); ukuran = min(kesenjangan tersisa, kapasitas bawaan program), untuk perempuan yang belum memiliki keterampilan menurut urutan tanggal bebas; mulai paling lambat = tanggal bebas paling awal dalam kelompoknya − lama program (minggu = jumlah sesi ÷ sesi per minggu angkatannya, 3 bila tidak diketahui); "segera" bila tanggal itu sudah lewat. Tanpa program yang mengajarkannya: perlu program baru.',
    en: 'Recommended cohorts: an active program teaching the skill (a sufficient level first, then the shortest); size = min(gap left, the program’s default capacity), for the women lacking the skill in release-date order; latest start = the earliest release in its group − the program’s length (weeks = sessions ÷ its cohorts’ sessions a week, 3 when unknown); "urgent" when that date has passed. With no program teaching it: a new program is needed.',
  },
];

/** Added to the rules when the dates are given by month (`cohortsByMonth`). */
export const GAP_MONTH_RULE: PlanningRule = {
  code: 'dates_by_month',
  id: 'Tanggal: tanggal bebas seseorang hanya ditampilkan kepada petugas pemasyarakatan. Di sini "bebas paling awal" tidak ditampilkan dan mulai paling lambat dibulatkan ke awal bulannya (paling lambat bulan itu); "segera" bila bulan itu bulan ini atau sudah lewat.',
  en: 'Dates: a person’s release date is shown to corrections staff only. Here the first release is not shown and the latest start is rounded down to its month (start in that month at the latest); "urgent" when that month is this month or already past.',
};

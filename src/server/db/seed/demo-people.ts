import { type Insertable, type Kysely, sql, type Transaction } from 'kysely';
import type { OFFENCE_CATEGORIES } from '../../../shared/people.ts';
import { DEFAULT_SENTENCE_RULES } from '../../../shared/sentence.ts';
import { journeyMilestoneDates } from '../../modules/people/people.release.ts';
import { searchText } from '../../modules/people/people.repository.ts';
import {
  computeMilestones,
  expectedReleaseDate,
  type SentenceInput,
} from '../../modules/sentence/milestones.ts';
import { today } from '../../platform/calendar.ts';
import type { Database, Guarantor, WorkConstraints } from '../schema.ts';
import {
  GUARANTOR_RELATIONS,
  HEALTH_CONSTRAINTS,
  INTERESTS,
  MALE_NAMES,
  type NameTradition,
  OTHER_VILLAGES,
  PHONE_PREFIXES,
  SKILLS,
  STREETS,
  TRADITIONS,
} from './names.ts';
import { BAPAS_ID, KECAMATAN_ID, KELURAHAN, LAPAS_ID } from './reference.ts';

// The demo's women in custody and after release, and the generator behind them that `npm run db:synth`
// uses for benchmark data. Everything comes from a seeded PRNG and the seeding date, so the same seed on
// the same day gives the same people. Release dates come from the sentence engine (expectedReleaseDate),
// never from a formula of our own: the detention start is solved backwards from the release wanted.

// ── deterministic randomness ─────────────────────────────────────────────────────────────────────

export interface Random {
  /** [0, 1) */
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  /** A key chosen with the given weights. */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
  shuffle<T>(items: readonly T[]): T[];
  /** A version-4 UUID drawn from the stream (deterministic, unlike crypto.randomUUID). */
  uuid(): string;
}

/** mulberry32: small, fast and good enough for fiction; the same seed always gives the same stream. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return {
    next,
    int,
    pick,
    chance: (probability) => next() < probability,
    weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
      const entries = Object.entries(weights) as [K, number][];
      let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
      for (const [key, weight] of entries) {
        roll -= weight;
        if (roll < 0) return key;
      }
      return (entries[entries.length - 1] as [K, number])[0];
    },
    shuffle<T>(items: readonly T[]): T[] {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
      }
      return copy;
    },
    uuid() {
      const hex = Array.from({ length: 16 }, () => int(0, 255));
      hex[6] = ((hex[6] as number) & 0x0f) | 0x40;
      hex[8] = ((hex[8] as number) & 0x3f) | 0x80;
      const s = hex.map((byte) => byte.toString(16).padStart(2, '0')).join('');
      return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
    },
  };
}

// ── calendar dates ('yyyy-mm-dd', UTC calendar) ──────────────────────────────────────────────────

// Plain arithmetic instead of Date objects: the generator computes millions of dates for `db:synth`.
const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const daysInMonth = (year: number, month: number) =>
  month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] as number);

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
function toDay(iso: string): number {
  let y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** 'yyyy-mm-dd' of a day number (civil_from_days). */
function isoOf(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return `${yoe + era * 400 + (m <= 2 ? 1 : 0)}-${pad2(m)}-${pad2(d)}`;
}

export const addDays = (iso: string, days: number) => isoOf(toDay(iso) + days);
const daysFrom = (from: string, to: string) => toDay(to) - toDay(from);
/** Calendar months; a day past the end of the target month falls on its last day, as in the engine. */
function addMonths(iso: string, months: number): string {
  const index = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${year}-${pad2(month)}-${pad2(Math.min(Number(iso.slice(8, 10)), daysInMonth(year, month)))}`;
}
const firstOfMonth = (iso: string) => `${iso.slice(0, 7)}-01`;

/** Today in the program's time zone (Asia/Jakarta), as the people service counts it. */
/** Today in the program's time zone (the seed dates journeys relative to it). */
export const programToday = today;

// ── what a person's journey should look like ─────────────────────────────────────────────────────

/**
 * in custody with release in N days; released on parole and under supervision; freed at the end of the
 * sentence; released on parole with the supervision over; released on parole and returned to custody.
 */
export type JourneyPlan =
  | { kind: 'custody'; releaseInDays: number }
  | { kind: 'supervised' }
  | { kind: 'ended_expiry' }
  | { kind: 'ended_parole' }
  | { kind: 'returned' };

/** The synthetic population's mix: mostly in custody, release dates spread over the next 18 months. */
export function drawPlan(random: Random): JourneyPlan {
  const kind = random.weighted({
    custody: 87,
    supervised: 6,
    ended_expiry: 4,
    ended_parole: 2,
    returned: 1,
  });
  return kind === 'custody' ? { kind, releaseInDays: random.int(3, 548) } : { kind };
}

// ── the generated person ─────────────────────────────────────────────────────────────────────────

type Offence = (typeof OFFENCE_CATEGORIES)[number];

export interface GeneratedPerson {
  id: string;
  fullName: string;
  aliases: string[];
  nik: string;
  birthPlace: string;
  birthDate: string;
  educationLevel: string;
  maritalStatus: string;
  dependentChildren: number;
  phone: string;
  guarantor: Guarantor;
  domicileAddress: string;
  domicileVillageCode: string;
  domicileVillageName: string;
  registrationNumber: string;
  interests: string | null;
  preferredSectors: string[];
  constraints: WorkConstraints;
  religion: string | null;
  ethnicity: string | null;
  skills: { name: string; sector: string; level: 'basic' | 'intermediate' | 'competent' }[];
  custody: {
    offenceCategory: Offence;
    courtDecisionNumber: string;
    courtDecisionDate: string;
    years: number;
    months: number;
    days: number;
    fineAmount: number | null;
    fineSubstituteMonths: number;
    fineSubstituteDays: number;
    finePaid: boolean;
    detentionStartDate: string;
    releaseKind: 'expiry' | 'parole' | null;
  };
  remissions: { kind: 'general' | 'religious'; days: number; decreeNumber: string; decreeDate: string }[];
  behaviourScores: { month: string; score: number }[];
  /** The journey dates stored on the person (and the custody record), consistent with the sentence. */
  releaseDate: string;
  releasedOn: string | null;
  supervisionEndDate: string | null;
  returnedOn: string | null;
  plan: JourneyPlan['kind'];
}

/** Hands out NIK serials (the last four digits) and registration numbers without repeating one. */
export class Registry {
  private readonly nikSerials = new Map<string, number>();
  private readonly registrationSerials = new Map<string, number>();
  private readonly nikBase: number;
  private readonly registrationBase: number;
  private readonly registrationDigits: number;

  /** Bases keep the demo's and the generator's numbers apart when both live in one database. */
  constructor(options: { nikBase: number; registrationBase: number; registrationDigits: number }) {
    this.nikBase = options.nikBase;
    this.registrationBase = options.registrationBase;
    this.registrationDigits = options.registrationDigits;
  }

  nikSerial(prefix: string): string {
    const next = (this.nikSerials.get(prefix) ?? this.nikBase) + 1;
    if (next > 9999) throw new Error(`NIK serials exhausted for ${prefix}`);
    this.nikSerials.set(prefix, next);
    return String(next).padStart(4, '0');
  }

  registrationNumber(series: string, year: string): string {
    const key = `${series}/${year}`;
    const next = (this.registrationSerials.get(key) ?? this.registrationBase) + 1;
    this.registrationSerials.set(key, next);
    return `${series}.${String(next).padStart(this.registrationDigits, '0')}/${year}`;
  }
}

const EDUCATION = { none: 3, sd: 20, smp: 29, sma: 36, d1_d3: 5, s1: 6, s2_s3: 1 } as const;
const OFFENCES = {
  narcotics: 40,
  fraud: 15,
  theft: 13,
  embezzlement: 10,
  corruption: 6,
  trafficking: 5,
  violence: 4,
  child_protection: 2,
  electronic_information: 3,
  other: 2,
} as const satisfies Record<Offence, number>;
/** Sentence lengths in months, by offence: 8 months to 8 years. */
const SENTENCE_MONTHS: Record<Offence, readonly number[]> = {
  narcotics: [12, 18, 24, 36, 48, 48, 54, 60, 60, 66, 72, 84, 96],
  fraud: [8, 10, 12, 14, 18, 24, 30, 36, 48],
  theft: [8, 9, 10, 12, 15, 18, 24, 30, 36],
  embezzlement: [12, 16, 18, 24, 30, 36, 48],
  corruption: [12, 18, 24, 36, 48, 60, 72],
  trafficking: [36, 48, 60, 72, 84, 96],
  violence: [8, 12, 18, 24, 36],
  child_protection: [36, 48, 60],
  electronic_information: [8, 10, 12, 18],
  other: [8, 12, 18, 24],
};
const SPECIAL_CRIMES = new Set<Offence>([
  'narcotics',
  'trafficking',
  'child_protection',
  'electronic_information',
]);

/** 1 Syawal (Idul Fitri), Waisak and Imlek as observed in Indonesia: the days religious remissions are given. */
const HOLIDAYS: Record<string, Record<number, string>> = {
  Islam: {
    2015: '07-17',
    2016: '07-06',
    2017: '06-25',
    2018: '06-15',
    2019: '06-05',
    2020: '05-24',
    2021: '05-13',
    2022: '05-02',
    2023: '04-22',
    2024: '04-10',
    2025: '03-31',
    2026: '03-20',
    2027: '03-10',
    2028: '02-27',
  },
  Buddha: {
    2015: '06-02',
    2016: '05-22',
    2017: '05-11',
    2018: '05-29',
    2019: '05-19',
    2020: '05-07',
    2021: '05-26',
    2022: '05-16',
    2023: '06-04',
    2024: '05-23',
    2025: '05-12',
    2026: '05-31',
    2027: '05-20',
    2028: '05-09',
  },
  Konghucu: {
    2015: '02-19',
    2016: '02-08',
    2017: '01-28',
    2018: '02-16',
    2019: '02-05',
    2020: '01-25',
    2021: '02-12',
    2022: '02-01',
    2023: '01-22',
    2024: '02-10',
    2025: '01-29',
    2026: '02-17',
    2027: '02-06',
    2028: '01-26',
  },
};

function religiousDay(religion: string, year: number): string {
  if (religion === 'Kristen' || religion === 'Katolik') return `${year}-12-25`;
  return `${year}-${HOLIDAYS[religion]?.[year] ?? HOLIDAYS.Islam?.[year] ?? '06-01'}`;
}

/** 17 Agustus: 1, 2, 3, 4, 4, then 5 months for each year received; religious: 15, 30, 30, 45, 45, then 60 days. */
const GENERAL_DAYS = [30, 60, 90, 120, 120, 150];
const RELIGIOUS_DAYS = [15, 30, 30, 45, 45, 60];

/** A cheap integer hash: the same person skips the same remissions however often her dates are solved. */
function hashUnit(salt: number, value: number): number {
  let h = Math.imul(salt ^ value, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  return ((h ^ (h >>> 13)) >>> 0) / 4294967296;
}

function grantRemissions(
  start: string,
  until: string,
  religion: string,
  salt: number,
): GeneratedPerson['remissions'] {
  const earliest = addMonths(start, DEFAULT_SENTENCE_RULES.remission.minimumServedMonths);
  const out: GeneratedPerson['remissions'] = [];
  let general = 0;
  let religious = 0;
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(until.slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const candidates = [
      { kind: 'religious' as const, date: religiousDay(religion, year) },
      { kind: 'general' as const, date: `${year}-08-17` },
    ].sort((a, b) => a.date.localeCompare(b.date));
    for (const { kind, date } of candidates) {
      if (date < earliest || date >= until) continue;
      // About one remission in eight is withheld (a disciplinary record, a register entry missing).
      if (hashUnit(salt, year * 2 + (kind === 'general' ? 1 : 0)) < 0.12) continue;
      const table = kind === 'general' ? GENERAL_DAYS : RELIGIOUS_DAYS;
      const count = kind === 'general' ? general++ : religious++;
      const days = table[Math.min(count, table.length - 1)] as number;
      const serial = 100 + Math.floor(hashUnit(salt + 1, year * 2 + (kind === 'general' ? 1 : 0)) * 900);
      const decreeNumber =
        kind === 'general' ? `PAS-${serial}.PK.05.04 Tahun ${year}` : `PAS-${serial}.PK.05.05 Tahun ${year}`;
      out.push({ kind, days, decreeNumber, decreeDate: date });
    }
  }
  return out;
}

function sentenceInput(
  person: Pick<GeneratedPerson, 'custody' | 'remissions'>,
  start: string,
): SentenceInput {
  const c = person.custody;
  return {
    sentenceKind: 'fixed',
    years: c.years,
    months: c.months,
    days: c.days,
    fineSubstituteMonths: c.fineSubstituteMonths,
    fineSubstituteDays: c.fineSubstituteDays,
    finePaid: c.finePaid,
    detentionStartDate: start,
    remissions: person.remissions,
    behaviourScores: [],
  };
}

function twoThirdsDate(input: SentenceInput, today: string): string {
  const item = computeMilestones(input, DEFAULT_SENTENCE_RULES, 1, today).items.find(
    (milestone) => milestone.key === 'two_thirds',
  );
  if (!item?.date) throw new Error('the engine gave no 2/3 date');
  return item.date;
}

/**
 * Solves the detention start so that the engine's date (the release, or the 2/3 point for a parole) falls
 * on the target, with the remissions she would have received up to then. A few rounds settle it: moving
 * the start moves the date one for one, except where a remission comes or goes.
 */
function solveStart(
  custody: GeneratedPerson['custody'],
  target: string,
  which: 'release' | 'two_thirds',
  religion: string,
  salt: number,
  today: string,
) {
  const total = custody.years * 12 + custody.months;
  /** The engine's dates for one start, with the remissions granted while she was inside (before the date). */
  const datesFor = (start: string) => {
    let remissions = grantRemissions(start, today, religion, salt);
    const compute = () => {
      const input = sentenceInput({ custody, remissions }, start);
      const release = expectedReleaseDate(input) as string;
      return { release, reached: which === 'release' ? release : twoThirdsDate(input, today) };
    };
    let dates = compute();
    const outside = (decreeDate: string) => decreeDate >= dates.reached;
    // No remission after she left; fewer remissions only move the date later, so one pass is enough.
    if (remissions.some((r) => outside(r.decreeDate))) {
      remissions = remissions.filter((r) => !outside(r.decreeDate));
      dates = compute();
    }
    return { start, remissions, ...dates, shift: daysFrom(dates.reached, target) };
  };
  let best = datesFor(
    addDays(addMonths(target, -(which === 'release' ? total : Math.ceil((total * 2) / 3))), -custody.days),
  );
  // Moving the start moves the date one for one, except where a remission comes or goes: a few rounds
  // settle it; where a remission flips in and out, smaller steps find the closest consistent answer.
  let step = best.shift;
  for (let round = 0; round < 12 && best.shift !== 0 && step !== 0; round++) {
    const next = datesFor(addDays(best.start, step));
    if (Math.abs(next.shift) < Math.abs(best.shift)) {
      best = next;
      step = next.shift;
    } else {
      step = Math.trunc(step / 2);
    }
  }
  return best;
}

function nikOf(regionCode: string, birthDate: string, registry: Registry): string {
  const prefix = regionCode.replace(/\./g, '').slice(0, 6);
  const [year, month, day] = birthDate.split('-') as [string, string, string];
  // Women's day of birth is written +40 in the NIK.
  const dayPart = String(Number(day) + 40);
  const body = `${prefix}${dayPart}${month}${year.slice(2)}`;
  return `${body}${registry.nikSerial(body)}`;
}

function phone(random: Random): string {
  const digits = String(random.int(0, 99_999_999)).padStart(8, '0');
  return `${random.pick(PHONE_PREFIXES)}-${digits.slice(0, 4)}-${digits.slice(4)}`;
}

function nameOf(random: Random, tradition: NameTradition): string {
  const first = random.pick(tradition.first);
  let second = random.pick(tradition.second);
  if (second === first) second = '';
  // Chinese-Indonesian: a family name first (Lim Mei Ling) or an Indonesian name (Lanny Halim).
  return second ? `${first} ${second}` : first;
}

export interface PersonOptions {
  today: string;
  plan: JourneyPlan;
  registry: Registry;
  fullName?: string;
  aliases?: string[];
  tradition?: NameTradition['key'];
  /** Kemendagri code of the kelurahan she lives in; drawn when absent. */
  domicileVillageCode?: string;
}

const TRADITION_WEIGHTS = Object.fromEntries(TRADITIONS.map((t) => [t.key, t.weight])) as Record<
  NameTradition['key'],
  number
>;
const SEMARANG_BARAT = new Map(KELURAHAN);
const OTHER = new Map(OTHER_VILLAGES);

/** One fictional woman with her sentence, from the stream `random`. Pure: no database. */
export function generatePerson(random: Random, options: PersonOptions): GeneratedPerson {
  const { today, plan, registry } = options;
  const traditionKey = options.tradition ?? random.weighted(TRADITION_WEIGHTS);
  const tradition = TRADITIONS.find((t) => t.key === traditionKey) as NameTradition;
  const id = random.uuid();
  const fullName = options.fullName ?? nameOf(random, tradition);
  const religion = random.pick(tradition.religions);
  const birthDate = isoOf(random.int(toDay('1965-01-01'), toDay('2004-12-31')));
  const villageCode =
    options.domicileVillageCode ??
    (random.chance(0.7) ? random.pick(KELURAHAN)[0] : random.pick(OTHER_VILLAGES)[0]);
  const villageName = SEMARANG_BARAT.get(villageCode) ?? OTHER.get(villageCode) ?? villageCode;
  // The NIK's region is where she was first registered: mostly where she lives, sometimes elsewhere.
  const nikRegion = random.chance(0.8) ? villageCode : random.pick(OTHER_VILLAGES)[0];
  const maritalStatus = random.weighted({ married: 45, divorced: 20, widowed: 10, single: 25 });
  const dependentChildren = maritalStatus === 'single' ? (random.chance(0.15) ? 1 : 0) : random.int(0, 5);
  const relation = random.pick(
    maritalStatus === 'married'
      ? GUARANTOR_RELATIONS
      : GUARANTOR_RELATIONS.filter((r) => r.relation !== 'Suami'),
  );
  const address = `${random.pick(STREETS)} No. ${random.int(1, 120)}, RT ${String(random.int(1, 12)).padStart(2, '0')}/RW ${String(random.int(1, 9)).padStart(2, '0')}`;
  const guarantor: Guarantor = {
    name: relation.male ? random.pick(MALE_NAMES) : nameOf(random, tradition),
    relation: relation.relation,
    address: random.chance(0.8)
      ? `${address}, ${villageName}`
      : `${random.pick(STREETS)} No. ${random.int(1, 90)}`,
    phone: phone(random),
  };
  const skillCount = random.weighted({ 0: 10, 1: 35, 2: 35, 3: 15, 4: 5 });
  const skills = random
    .shuffle(SKILLS)
    .slice(0, Number(skillCount))
    .map(([name, sector]) => ({
      name,
      sector,
      level: random.weighted({ basic: 70, intermediate: 25, competent: 5 }),
    }));
  const preferredSectors = [
    ...new Set([...skills.slice(0, 2).map((skill) => skill.sector), ...(random.chance(0.3) ? ['food'] : [])]),
  ];

  // The sentence.
  const offenceCategory = random.weighted(OFFENCES);
  const totalMonths = random.pick(SENTENCE_MONTHS[offenceCategory]);
  const extraDays = random.chance(0.1) ? random.pick([10, 15, 20]) : 0;
  let fineAmount: number | null = null;
  let fineSubstituteMonths = 0;
  let finePaid = false;
  if (offenceCategory === 'narcotics' && totalMonths >= 48) {
    fineAmount = random.pick([800_000_000, 1_000_000_000]);
    fineSubstituteMonths = random.pick([3, 6]);
  } else if (offenceCategory === 'corruption') {
    fineAmount = random.pick([50_000_000, 100_000_000, 200_000_000]);
    fineSubstituteMonths = random.pick([1, 2, 3, 6]);
    finePaid = random.chance(0.5);
  } else if (offenceCategory === 'trafficking') {
    fineAmount = 120_000_000;
    fineSubstituteMonths = random.pick([3, 4, 6]);
  }
  const custody: GeneratedPerson['custody'] = {
    offenceCategory,
    courtDecisionNumber: '',
    courtDecisionDate: '',
    years: Math.floor(totalMonths / 12),
    months: totalMonths % 12,
    days: extraDays,
    fineAmount,
    fineSubstituteMonths,
    fineSubstituteDays: 0,
    finePaid,
    detentionStartDate: '',
    releaseKind: null,
  };
  const salt = random.int(1, 2 ** 30);

  let releasedOn: string | null = null;
  let supervisionEndDate: string | null = null;
  let returnedOn: string | null = null;
  let solved: ReturnType<typeof solveStart>;
  if (plan.kind === 'custody') {
    solved = solveStart(custody, addDays(today, plan.releaseInDays), 'release', religion, salt, today);
    // A remission landing between rounds can leave the release a few days off; she stays in custody.
    if (solved.release <= today) {
      solved = solveStart(custody, addDays(today, plan.releaseInDays + 30), 'release', religion, salt, today);
    }
  } else if (plan.kind === 'ended_expiry') {
    solved = solveStart(custody, addDays(today, -random.int(30, 480)), 'release', religion, salt, today);
    releasedOn = solved.release;
    custody.releaseKind = 'expiry';
  } else {
    // Released on parole (PB) a little after the 2/3 date; supervised for the rest of the sentence plus a year.
    const released = {
      supervised: () => addDays(today, -random.int(20, 300)),
      ended_parole: () => addDays(today, -random.int(900, 1100)),
      returned: () => addDays(today, -random.int(150, 330)),
    }[plan.kind]();
    solved = solveStart(custody, released, 'two_thirds', religion, salt, today);
    releasedOn = addDays(solved.reached, random.int(0, 14));
    if (releasedOn > today) releasedOn = today;
    custody.releaseKind = 'parole';
    supervisionEndDate = addMonths(solved.release, 12);
    if (plan.kind === 'returned') returnedOn = addDays(releasedOn, random.int(30, 120));
    if (returnedOn && returnedOn > today) returnedOn = addDays(today, -1);
  }
  custody.detentionStartDate = solved.start;
  const remissions = solved.remissions;

  const decisionDate = addDays(solved.start, random.int(60, 150));
  custody.courtDecisionDate = decisionDate < today ? decisionDate : addDays(today, -1);
  const decisionYear = custody.courtDecisionDate.slice(0, 4);
  const court = villageCode.startsWith('33.24')
    ? 'PN Kdl'
    : villageCode.startsWith('33.21')
      ? 'PN Dmk'
      : 'PN Smg';
  const caseKind =
    offenceCategory === 'corruption'
      ? 'Pid.Sus-TPK'
      : SPECIAL_CRIMES.has(offenceCategory)
        ? 'Pid.Sus'
        : 'Pid.B';
  custody.courtDecisionNumber = `${random.int(12, 980)}/${caseKind}/${decisionYear}/${court}`;
  // B I: sentenced to more than a year; B IIa: a year or less.
  const registrationNumber = registry.registrationNumber(totalMonths > 12 ? 'BI' : 'BIIa', decisionYear);

  // SPPN scores for the last twelve months in custody (for the released: the months before release).
  const lastInside = releasedOn ?? today;
  const behaviourScores: GeneratedPerson['behaviourScores'] = [];
  const steady = random.int(70, 90);
  const troubled = random.chance(0.1);
  for (let back = 12; back >= 1; back--) {
    const month = firstOfMonth(addMonths(firstOfMonth(lastInside), -back));
    if (month < firstOfMonth(addMonths(solved.start, 1))) continue;
    const score =
      troubled && back <= 3 ? random.int(60, 64) : Math.max(60, Math.min(95, steady + random.int(-6, 6)));
    behaviourScores.push({ month, score });
  }

  return {
    id,
    fullName,
    aliases: options.aliases ?? [],
    nik: nikOf(nikRegion, birthDate, registry),
    birthPlace: random.pick(tradition.birthPlaces),
    birthDate,
    educationLevel: random.weighted(EDUCATION),
    maritalStatus,
    dependentChildren,
    phone: phone(random),
    guarantor,
    domicileAddress: address,
    domicileVillageCode: villageCode,
    domicileVillageName: villageName,
    registrationNumber,
    interests: random.chance(0.8) ? random.pick(INTERESTS) : null,
    preferredSectors,
    constraints: {
      ...(dependentChildren > 0 && random.chance(0.5) ? { childcare: true } : {}),
      ...(random.chance(0.2) ? { partTimeOnly: true } : {}),
      ...(random.chance(0.15) ? { health: random.pick(HEALTH_CONSTRAINTS) } : {}),
    },
    // Sensitive and optional: recorded for some women only.
    religion: random.chance(0.6) ? religion : null,
    ethnicity: random.chance(0.4) ? tradition.ethnicity : null,
    skills,
    custody,
    remissions,
    behaviourScores,
    releaseDate: solved.release,
    releasedOn,
    supervisionEndDate,
    returnedOn,
    plan: plan.kind,
  };
}

// ── rows for the tables ──────────────────────────────────────────────────────────────────────────

/** The person's rows, as inserted by the demo seed (Kysely) and by `db:synth` (batched JSON). */
export function personRows(
  person: GeneratedPerson,
  context: { organizationId: string; intendedVillageId: string | null; createdBy: string | null },
) {
  const { organizationId } = context;
  const c = person.custody;
  // The milestone dates as the people module keeps them: by the sentence alone (people.release.ts).
  const dates = journeyMilestoneDates(sentenceInput(person, c.detentionStartDate), DEFAULT_SENTENCE_RULES);
  return {
    person: {
      id: person.id,
      organization_id: organizationId,
      full_name: person.fullName,
      aliases: JSON.stringify(person.aliases),
      search_name: searchText(person.fullName, ...person.aliases),
      nik: person.nik,
      birth_place: person.birthPlace,
      birth_date: person.birthDate,
      education_level: person.educationLevel,
      marital_status: person.maritalStatus,
      dependent_children: person.dependentChildren,
      phone: person.phone,
      guarantor: JSON.stringify(person.guarantor),
      domicile_address: person.domicileAddress,
      domicile_village_code: person.domicileVillageCode,
      domicile_village_name: person.domicileVillageName,
      intended_village_id: context.intendedVillageId,
      registration_number: person.registrationNumber,
      interests: person.interests,
      preferred_sectors: JSON.stringify(person.preferredSectors),
      constraints: JSON.stringify(person.constraints),
      religion: person.religion,
      ethnicity: person.ethnicity,
      release_date: person.releaseDate,
      asimilasi_date: dates.asimilasi_date,
      parole_date: dates.parole_date,
      conditional_leave_date: dates.conditional_leave_date,
      pre_release_leave_date: dates.pre_release_leave_date,
      released_on: person.releasedOn,
      supervision_end_date: person.supervisionEndDate,
      returned_on: person.returnedOn,
      created_by: context.createdBy,
    },
    skills: person.skills.map((skill) => ({
      person_id: person.id,
      organization_id: organizationId,
      name: skill.name,
      sector: skill.sector,
      level: skill.level,
    })),
    custody: {
      person_id: person.id,
      organization_id: organizationId,
      offence_category: c.offenceCategory,
      court_decision_number: c.courtDecisionNumber,
      court_decision_date: c.courtDecisionDate,
      sentence_years: c.years,
      sentence_months: c.months,
      sentence_days: c.days,
      fine_amount: c.fineAmount,
      fine_substitute_months: c.fineSubstituteMonths,
      fine_substitute_days: c.fineSubstituteDays,
      fine_paid: c.finePaid,
      detention_start_date: c.detentionStartDate,
      release_kind: c.releaseKind,
      released_on: person.releasedOn,
      supervision_end_date: person.supervisionEndDate,
      returned_on: person.returnedOn,
    },
    remissions: person.remissions.map((remission) => ({
      person_id: person.id,
      organization_id: organizationId,
      kind: remission.kind,
      days: remission.days,
      decree_number: remission.decreeNumber,
      decree_date: remission.decreeDate,
    })),
  };
}

// ── the demo's sixty women ───────────────────────────────────────────────────────────────────────

/** Names of the demo people, by naming tradition; a few carry the names they are also known by. */
const DEMO_NAMES: ReadonlyArray<readonly [NameTradition['key'], string, string[]?]> = [
  ['muslim', 'Siti Nurhaliza'],
  ['javanese', 'Sri Wahyuni'],
  ['javanese', 'Dewi Lestari'],
  ['muslim', 'Rina Marlina'],
  ['christian', 'Yuliana Kristanti'],
  ['chinese', 'Lim Mei Ling', ['Meilinda Halim']],
  ['javanese', 'Endang Sulastri'],
  ['javanese', 'Sumarni'],
  ['javanese', 'Tri Rahayu'],
  ['javanese', 'Dwi Astuti'],
  ['javanese', 'Retno Wulandari'],
  ['javanese', 'Puji Lestari'],
  ['javanese', 'Ngatini'],
  ['javanese', 'Wartini'],
  ['javanese', 'Tutik Handayani'],
  ['javanese', 'Yuni Setyowati', ['Mbak Yuni']],
  ['javanese', 'Kartini'],
  ['javanese', 'Sukesi'],
  ['javanese', 'Rini Purwaningsih'],
  ['javanese', 'Wulan Anggraeni'],
  ['javanese', 'Sundari'],
  ['javanese', 'Partini'],
  ['javanese', 'Kusmiyati'],
  ['javanese', 'Winarni'],
  ['javanese', 'Ambarwati'],
  ['javanese', 'Ratna Pratiwi'],
  ['javanese', 'Indah Kurniasih'],
  ['javanese', 'Endang Mulyani'],
  ['javanese', 'Setyaningsih'],
  ['javanese', 'Sumiati'],
  ['javanese', 'Purwanti'],
  ['muslim', 'Siti Aminah'],
  ['muslim', 'Nur Aini'],
  ['muslim', 'Nurul Hidayah'],
  ['muslim', 'Fatimah Azzahra'],
  ['muslim', 'Khoirunnisa'],
  ['muslim', 'Umi Kulsum'],
  ['muslim', 'Laila Fauziah'],
  ['muslim', 'Zulaikha'],
  ['muslim', 'Novi Safitri'],
  ['muslim', 'Fitri Ramadhani'],
  ['muslim', 'Istiqomah'],
  ['muslim', 'Anisa Rahmawati'],
  ['muslim', 'Halimah Sholihah'],
  ['sundanese', 'Euis Komariah'],
  ['sundanese', 'Neneng Yuyun', ['Neng']],
  ['sundanese', 'Cucu Sumiati'],
  ['sundanese', 'Imas Masitoh'],
  ['sundanese', 'Tati Suryati'],
  ['sundanese', 'Iis Dahlia'],
  ['christian', 'Maria Magdalena Setiawati'],
  ['christian', 'Agustina Wulandari'],
  ['christian', 'Theresia Novitasari'],
  ['christian', 'Veronika Damayanti'],
  ['christian', 'Elisabeth Purnamasari'],
  ['chinese', 'Tan Siok Hwa', ['Susanti Tan']],
  ['chinese', 'Lanny Setiawati'],
  ['chinese', 'Meliana Gunawan'],
  ['batak', 'Rosmawati Siregar'],
  ['batak', 'Lamtiur Simanjuntak'],
];

/** The numbers of the demo, checked by its test. */
export const DEMO_PEOPLE = {
  total: DEMO_NAMES.length,
  released: 8,
  referredToBapas: 12,
  consentingToKrobokan: 15,
  consentingToKecamatan: 3,
  proposedToPartner: 3,
  withdrawn: 1,
} as const;

const RELEASED_PLANS: JourneyPlan[] = [
  { kind: 'supervised' },
  { kind: 'supervised' },
  { kind: 'supervised' },
  { kind: 'supervised' },
  { kind: 'ended_expiry' },
  { kind: 'ended_expiry' },
  { kind: 'ended_parole' },
  { kind: 'returned' },
];

const KROBOKAN_CODE = '33.74.13.1013';

const NOTES = {
  behaviour: [
    'Mengikuti kegiatan pembinaan dengan tertib; tidak ada catatan pelanggaran.',
    'Aktif di kelompok menjahit; membantu teman satu blok yang baru belajar.',
    'Sempat terlibat cekcok di blok hunian; sudah dimediasi wali pemasyarakatan.',
  ],
  health: [
    'Keluhan tekanan darah tinggi; kontrol rutin ke klinik Lapas setiap bulan.',
    'Pemeriksaan gigi di klinik Lapas; tidak ada tindak lanjut.',
  ],
  family: [
    'Dikunjungi suami dan dua anak; keluarga bersedia menjadi penjamin.',
    'Ibu kandung sakit; mengajukan izin kunjungan keluarga.',
  ],
  shared: [
    'Berminat membuka usaha jahit rumahan setelah bebas; butuh mesin jahit.',
    'Sudah berkoordinasi dengan kelurahan tentang rencana usaha kue kering.',
    'Siap mengikuti pelatihan lanjutan tata rias di BLK setelah bebas.',
  ],
} as const;

type Trx = Kysely<Database> | Transaction<Database>;

/**
 * Seeds the demo's sixty women (once, inside the demo seed's transaction): custody, remissions, SPPN scores,
 * skills, links to Bapas and the demo partner, consents to Kelurahan Krobokan, the kecamatan and the partner,
 * case notes and timeline events. Deterministic for a given seeding date.
 */
export async function seedDemoPeople(db: Trx, options: { partnerId: string; today?: string; seed?: number }) {
  const today = options.today ?? programToday();
  const random = createRandom(options.seed ?? 20_260_427);
  const registry = new Registry({ nikBase: 0, registrationBase: 100, registrationDigits: 4 });

  const villages = await db
    .selectFrom('organization')
    .select(['id', 'code'])
    .where('kind', '=', 'village')
    .where('code', 'is not', null)
    .execute();
  const villageIdByCode = new Map(villages.map((v) => [v.code as string, v.id]));
  const krobokanId = villageIdByCode.get(KROBOKAN_CODE);
  if (!krobokanId) throw new Error('Kelurahan Krobokan is missing from the reference data');
  const users = await db.selectFrom('app_user').select(['id', 'username', 'full_name']).execute();
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    return { id: found?.id ?? null, name: found?.full_name ?? username };
  };
  const binadik = user('lapas.binadik');
  const giatja = user('lapas.giatja');
  const pk = user('pk');

  // Who gets which journey and which links and consents: drawn once, in a fixed order.
  const order = random.shuffle(DEMO_NAMES.map((_, index) => index));
  const released = new Set(order.slice(0, DEMO_PEOPLE.released));
  const inCustody = order.slice(DEMO_PEOPLE.released);
  const plans = new Map<number, JourneyPlan>();
  order.slice(0, DEMO_PEOPLE.released).forEach((index, i) => {
    plans.set(index, RELEASED_PLANS[i] as JourneyPlan);
  });
  // Release dates spread evenly over the next 18 months, each a few days either side of its slot.
  const slot = 545 / inCustody.length;
  inCustody.forEach((index, i) => {
    plans.set(index, {
      kind: 'custody',
      releaseInDays: Math.max(3, Math.round(4 + i * slot + random.int(0, 5))),
    });
  });
  const byRelease = [...inCustody];
  const consentOrder = random.shuffle(DEMO_NAMES.map((_, index) => index));
  const krobokan = new Set(consentOrder.slice(0, DEMO_PEOPLE.consentingToKrobokan));
  const withdrawn = consentOrder[DEMO_PEOPLE.consentingToKrobokan] as number;
  const kecamatan = new Set(
    consentOrder.slice(DEMO_PEOPLE.consentingToKrobokan + 1, DEMO_PEOPLE.consentingToKrobokan + 4),
  );
  const partner = new Set(
    consentOrder.slice(DEMO_PEOPLE.consentingToKrobokan + 4, DEMO_PEOPLE.consentingToKrobokan + 7),
  );
  // Intended for Krobokan but never consented: the kelurahan must not see them.
  const krobokanWithoutConsent = new Set(
    consentOrder.slice(DEMO_PEOPLE.consentingToKrobokan + 7, DEMO_PEOPLE.consentingToKrobokan + 10),
  );
  // Referred to Bapas: everyone released or returned, and the soonest releases.
  const referred = new Set([
    ...released,
    ...byRelease.slice(0, DEMO_PEOPLE.referredToBapas - DEMO_PEOPLE.released),
  ]);

  const people = DEMO_NAMES.map(([tradition, fullName, aliases], index) => {
    const towardsKrobokan = krobokan.has(index) || index === withdrawn || krobokanWithoutConsent.has(index);
    return generatePerson(random, {
      today,
      plan: plans.get(index) as JourneyPlan,
      registry,
      fullName,
      aliases: aliases ?? [],
      tradition,
      ...(towardsKrobokan && random.chance(0.6) ? { domicileVillageCode: KROBOKAN_CODE } : {}),
    });
  });

  const at = (date: string, hour = 2) => `${date}T${String(hour).padStart(2, '0')}:00:00Z`;
  const personValues = [];
  const skillValues = [];
  const custodyValues = [];
  const remissionValues = [];
  const scoreValues = [];
  const linkValues = [];
  const consentValues: Insertable<Database['consent']>[] = [];
  const eventValues: Insertable<Database['person_event']>[] = [];
  for (const [index, person] of people.entries()) {
    let intendedVillageId: string | null = null;
    if (krobokan.has(index) || index === withdrawn || krobokanWithoutConsent.has(index))
      intendedVillageId = krobokanId;
    else if (person.domicileVillageCode.startsWith('33.74.13.') && random.chance(0.8))
      intendedVillageId = villageIdByCode.get(person.domicileVillageCode) ?? null;
    else if (random.chance(0.4)) intendedVillageId = random.pick(villages).id;
    const rows = personRows(person, { organizationId: LAPAS_ID, intendedVillageId, createdBy: binadik.id });
    personValues.push(rows.person);
    skillValues.push(...rows.skills);
    custodyValues.push(rows.custody);
    remissionValues.push(...rows.remissions);
    for (const score of person.behaviourScores) {
      scoreValues.push({
        person_id: person.id,
        organization_id: LAPAS_ID,
        month: score.month,
        score: score.score,
        recorded_by: binadik.id,
      });
    }
    const registered = person.custody.courtDecisionDate;
    const event = (kind: string, date: string, visibility: 'corrections' | 'shared', details: object) =>
      eventValues.push({
        person_id: person.id,
        at: at(date),
        kind,
        visibility,
        actor_user_id: binadik.id,
        actor_name: binadik.name,
        organization_id: LAPAS_ID,
        organization_name: 'LPP Semarang',
        details: JSON.stringify(details),
      });
    event('person.registered', registered, 'shared', {});
    event('custody.changed', registered, 'corrections', { releaseDate: person.releaseDate });
    for (const remission of person.remissions) {
      event('remission.added', remission.decreeDate, 'corrections', {
        kind: remission.kind,
        days: remission.days,
        decreeNumber: remission.decreeNumber,
      });
    }

    if (referred.has(index)) {
      const on = person.releasedOn ? addDays(person.releasedOn, -60) : addDays(today, -random.int(10, 40));
      linkValues.push({
        person_id: person.id,
        organization_id: BAPAS_ID,
        kind: 'referral' as const,
        note: 'Rujukan untuk penelitian kemasyarakatan (Litmas) menjelang program integrasi.',
        created_by: binadik.id,
        created_at: at(on),
      });
      // Released on parole: handed over to Bapas for supervision.
      if (person.custody.releaseKind === 'parole' && person.returnedOn === null) {
        linkValues.push({
          person_id: person.id,
          organization_id: BAPAS_ID,
          kind: 'handover' as const,
          note: 'Serah terima klien pembebasan bersyarat.',
          created_by: binadik.id,
          created_at: at(person.releasedOn as string),
        });
      }
    }
    const consent = (recipients: string[], purpose: string, groups: string[], extra: object = {}) =>
      consentValues.push({
        person_id: person.id,
        organization_id: LAPAS_ID,
        purpose,
        recipient_organization_ids: JSON.stringify(recipients),
        recipient_kinds: JSON.stringify([]),
        field_groups: JSON.stringify(groups),
        given_on: addDays(today, -random.int(14, 120)),
        recorded_by: binadik.id,
        withdrawn_on: null as string | null,
        withdrawn_reason: null as string | null,
        ...extra,
      });
    const reintegration = ['identity_contact', 'skills_training', 'availability_status'];
    // Reintegration consents name Krobokan and, so that opportunities elsewhere can be recommended to her
    // (matching needs her consent to the opportunity's partner and kelurahan), every host kelurahan and
    // partner of the program.
    const everyHost = { recipient_kinds: JSON.stringify(['partner', 'village']) };
    if (krobokan.has(index)) {
      consent(
        [krobokanId],
        'Reintegrasi: pendampingan dan peluang kerja di Kelurahan Krobokan, kelurahan binaan lain dan mitra program',
        reintegration,
        everyHost,
      );
    } else if (
      person.releasedOn !== null &&
      person.returnedOn === null &&
      index !== withdrawn &&
      !krobokanWithoutConsent.has(index)
    ) {
      // Released women looking for work: a consent given a month before release (no random draw, so the
      // rest of the demo stays as it was).
      consentValues.push({
        person_id: person.id,
        organization_id: LAPAS_ID,
        purpose: 'Penempatan kerja setelah bebas di kelurahan binaan dan mitra program',
        recipient_organization_ids: JSON.stringify([]),
        field_groups: JSON.stringify(reintegration),
        given_on: addDays(person.releasedOn, -30),
        recorded_by: binadik.id,
        withdrawn_on: null,
        withdrawn_reason: null,
        ...everyHost,
      });
    }
    if (index === withdrawn) {
      consent(
        [krobokanId],
        'Reintegrasi: pendampingan dan peluang kerja di Kelurahan Krobokan',
        reintegration,
        {
          given_on: addDays(today, -150),
          withdrawn_on: addDays(today, -20),
          withdrawn_reason: 'Keluarga memutuskan pindah ke luar kota setelah bebas.',
        },
      );
    }
    if (kecamatan.has(index)) {
      consent([KECAMATAN_ID], 'Koordinasi program Desa Binaan di Kecamatan Semarang Barat', [
        'identity_contact',
        'availability_status',
      ]);
    }
    if (partner.has(index)) {
      consent([options.partnerId], 'Penempatan kerja di mitra usaha', [
        'identity_contact',
        'skills_training',
      ]);
      linkValues.push({
        person_id: person.id,
        organization_id: options.partnerId,
        kind: 'proposal' as const,
        note: 'Diusulkan untuk magang di bagian jahit.',
        created_by: giatja.id,
        created_at: at(addDays(today, -random.int(3, 30))),
      });
    }
  }

  await db.insertInto('person').values(personValues).execute();
  if (skillValues.length) await db.insertInto('person_skill').values(skillValues).execute();
  // Self-reported skills map onto the taxonomy by name or alias, as the training migration maps older rows.
  await sql`update person_skill ps set skill_id = m.skill_id
    from (
      select distinct on (candidate.person_id, s.id) candidate.id, s.id as skill_id
      from person_skill candidate
      join skill s on lower(candidate.name) = lower(s.name_id) or s.aliases @> to_jsonb(lower(candidate.name))
      where candidate.skill_id is null and candidate.organization_id = ${LAPAS_ID}
        and not exists (select 1 from person_skill held where held.person_id = candidate.person_id and held.skill_id = s.id)
      order by candidate.person_id, s.id,
        array_position(array['certified', 'assessed', 'trained', 'self_reported'], candidate.evidence),
        array_position(array['competent', 'intermediate', 'basic'], candidate.level), candidate.created_at
    ) m
    where ps.id = m.id`.execute(db);
  await db.insertInto('custody').values(custodyValues).execute();
  if (remissionValues.length) await db.insertInto('remission').values(remissionValues).execute();
  if (scoreValues.length) await db.insertInto('behaviour_score').values(scoreValues).execute();
  if (linkValues.length) await db.insertInto('person_link').values(linkValues).execute();
  if (consentValues.length) await db.insertInto('consent').values(consentValues).execute();
  await db.insertInto('person_event').values(eventValues).execute();

  // Case notes: corrections-only notes on conduct, health and family; shared notes on plans, for women who
  // consented; one correction of an earlier note (notes are not edited after a day).
  const noteTargets = random.shuffle(people.map((_, index) => index)).slice(0, 12);
  const shareable = [...krobokan, ...kecamatan];
  for (const [i, index] of [...noteTargets, ...shareable.slice(0, 5)].entries()) {
    const person = people[index] as GeneratedPerson;
    const shared = i >= noteTargets.length;
    const kind = shared ? 'general' : random.pick(['behaviour', 'health', 'family'] as const);
    const author = shared ? giatja : referred.has(index) && random.chance(0.5) ? pk : binadik;
    const created = addDays(today, -random.int(3, 90));
    const note = await db
      .insertInto('case_note')
      .values({
        person_id: person.id,
        kind,
        visibility: shared ? 'shared' : 'corrections',
        body: random.pick(shared ? NOTES.shared : NOTES[kind as keyof typeof NOTES]),
        author_user_id: author.id,
        author_name: author.name,
        organization_id: author === pk ? BAPAS_ID : LAPAS_ID,
        created_at: at(created, 3),
        updated_at: at(created, 3),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (i === 0) {
      await db
        .insertInto('case_note')
        .values({
          person_id: person.id,
          kind,
          visibility: 'corrections',
          body: 'Koreksi: catatan sebelumnya tertulis untuk bulan yang salah; kejadian pada bulan lalu.',
          corrects_note_id: note.id,
          author_user_id: author.id,
          author_name: author.name,
          organization_id: author === pk ? BAPAS_ID : LAPAS_ID,
          created_at: at(addDays(created, 2), 3),
          updated_at: at(addDays(created, 2), 3),
        })
        .execute();
    }
  }
  return people;
}

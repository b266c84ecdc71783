import { type Insertable, sql, type Transaction } from 'kysely';
import { addMonths } from '../../../shared/dates.ts';
import { type IncomeBand, OUTCOME_WINDOWS, outcomeDueOn, type WorkStatus } from '../../../shared/outcomes.ts';
import { shortPersonId } from '../../../shared/peopleData.ts';
import { PATHWAYS } from '../../../shared/reintegration.ts';
import { buildPackage } from '../../modules/handovers/handovers.repository.ts';
import { anonymizePerson } from '../../modules/people/retention/retention.repository.ts';
import { raisePersonSkill } from '../../modules/training/person-skills.repository.ts';
import type { CohortScheduleSlot, Database, SkillLevelValue } from '../schema.ts';
import {
  addDays,
  createRandom,
  type GeneratedPerson,
  generatePerson,
  personRows,
  programToday,
  type Random,
  Registry,
} from './demo-people.ts';
import { scheduledSessions } from './demo-training.ts';
import { DEMO_PARTNER_IDS } from './demo-villages.ts';
import { BAPAS_ID, getMeta, KELURAHAN, LAPAS_ID, setMeta } from './reference.ts';

// The program's history (issue 9): about three dozen women of LPP Semarang who went the whole way years
// ago: custody, a training cohort (most certified), a reintegration plan and a handover to Bapas accepted
// (parole), supervision, a placement with a partner in an opportunity long closed, outcome checks at
// 1/3/6/12 months (a few returned to custody), and in the end the anonymization of their records, done by
// the retention feature's own `anonymizePerson` (identifiers removed, statistics kept). Anonymized people
// are left out of person lists, tasks, pre-release, matching and planning; the history lives in the
// figures (insight dashboard, public page, outcome cohorts, monthly reports). Release years are anchored on
// the public page's date (the last day of the previous month), so that two release years always have their
// 12-month window complete. Deterministic for a seeding date.

type Trx = Transaction<Database>;
type Row<T extends keyof Database> = Insertable<Database[T]>;

/** Fixed ids of the historical cohorts and opportunities (recognizable, stable across seeding dates). */
export const DEMO_HISTORY_COHORT_IDS = {
  A: '00000000-0000-4000-8000-00000000c0a1',
  B: '00000000-0000-4000-8000-00000000c0b1',
  C: '00000000-0000-4000-8000-00000000c0c1',
} as const;

type Wave = 'A' | 'B' | 'C';
type Kelurahan = (typeof KELURAHAN)[number][1];

interface OpportunityPlan {
  key: string;
  wave: Wave;
  partner: string;
  village: Kelurahan;
  title: string;
  description: string;
  sector: string;
  location: string;
  hoursPerWeek: number;
  workHours: string;
  shiftWork?: boolean;
  partTime?: boolean;
  pay: readonly [min: number, max: number, period: 'month' | 'day' | 'piece'];
  income: IncomeBand;
  skills: ReadonlyArray<readonly [code: string, minLevel: SkillLevelValue]>;
  /** Who opened it: the kelurahan for Krobokan, else the kecamatan. */
  opener: 'kecamatan' | 'kelurahan.krobokan';
}

/** The closed opportunities of the history, per release wave (A and B on parole, C at the end of the sentence). */
export const DEMO_HISTORY_OPPORTUNITIES: readonly OpportunityPlan[] = [
  {
    key: 'garmindo-A',
    wave: 'A',
    partner: 'garmindo',
    village: 'Ngemplak Simongan',
    title: 'Operator jahit lini kemeja',
    description: 'Operator mesin jahit di lini kemeja kerja; pelatihan lini dua minggu, kerja bergilir.',
    sector: 'garment',
    location: 'PT Simongan Garmindo Jaya, Kawasan Industri Simongan',
    hoursPerWeek: 40,
    workHours: '07.00–15.00 atau 15.00–23.00, Senin–Jumat',
    shiftWork: true,
    pay: [3_050_000, 3_250_000, 'month'],
    income: '3m_5m',
    skills: [['garment.sewing', 'intermediate']],
    opener: 'kecamatan',
  },
  {
    key: 'warung-A',
    wave: 'A',
    partner: 'warung',
    village: 'Bongsari',
    title: 'Juru masak dan pramusaji warung makan',
    description: 'Memasak menu harian dan melayani pembeli di warung makan dekat Pasar Karangayu.',
    sector: 'food',
    location: 'Warung Makan Bu Sastro, Bongsari',
    hoursPerWeek: 42,
    workHours: '06.00–13.00, Senin–Sabtu',
    pay: [85_000, 100_000, 'day'],
    income: '2m_3m',
    skills: [['food.cooking', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'laundry-A',
    wave: 'A',
    partner: 'laundry',
    village: 'Krobokan',
    title: 'Petugas cuci dan setrika',
    description: 'Memilah, mencuci, menyetrika, dan mengemas cucian kiloan pelanggan.',
    sector: 'laundry',
    location: 'Laundry Kiloan Bersih Wangi, Krobokan',
    hoursPerWeek: 36,
    workHours: '08.00–14.00, Senin–Sabtu',
    partTime: true,
    pay: [70_000, 80_000, 'day'],
    income: '1m_2m',
    skills: [['laundry.laundry', 'basic']],
    opener: 'kelurahan.krobokan',
  },
  {
    key: 'oleh-A',
    wave: 'A',
    partner: 'oleh',
    village: 'Bongsari',
    title: 'Tenaga produksi dan pengemasan oleh-oleh',
    description: 'Membantu produksi wingko dan bandeng presto serta mengemas pesanan oleh-oleh.',
    sector: 'food',
    location: 'Pusat Oleh-oleh Simongan Asri, Bongsari',
    hoursPerWeek: 40,
    workHours: '08.00–16.00, Senin–Sabtu',
    pay: [2_600_000, 2_900_000, 'month'],
    income: '2m_3m',
    skills: [['food.cooking', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'garmindo-B',
    wave: 'B',
    partner: 'garmindo',
    village: 'Ngemplak Simongan',
    title: 'Operator jahit lini celana kerja',
    description: 'Operator mesin jahit di lini celana kerja; kerja bergilir.',
    sector: 'garment',
    location: 'PT Simongan Garmindo Jaya, Kawasan Industri Simongan',
    hoursPerWeek: 40,
    workHours: '07.00–15.00 atau 15.00–23.00, Senin–Jumat',
    shiftWork: true,
    pay: [3_250_000, 3_450_000, 'month'],
    income: '3m_5m',
    skills: [['garment.sewing', 'intermediate']],
    opener: 'kecamatan',
  },
  {
    key: 'oleh-B',
    wave: 'B',
    partner: 'oleh',
    village: 'Bongsari',
    title: 'Pramuniaga dan pengemasan toko oleh-oleh',
    description: 'Melayani pembeli, menata rak, dan mengemas pesanan daring toko oleh-oleh.',
    sector: 'food',
    location: 'Pusat Oleh-oleh Simongan Asri, Bongsari',
    hoursPerWeek: 40,
    workHours: '09.00–17.00, bergilir enam hari seminggu',
    pay: [2_700_000, 3_000_000, 'month'],
    income: '2m_3m',
    skills: [['food.catering', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'warung-B',
    wave: 'B',
    partner: 'warung',
    village: 'Bongsari',
    title: 'Asisten juru masak warung makan',
    description: 'Menyiapkan bahan, memasak lauk harian, dan menjaga kebersihan dapur.',
    sector: 'food',
    location: 'Warung Makan Bu Sastro, Bongsari',
    hoursPerWeek: 42,
    workHours: '05.30–12.30, Senin–Sabtu',
    pay: [90_000, 105_000, 'day'],
    income: '2m_3m',
    skills: [['food.cooking', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'saribogo-B',
    wave: 'B',
    partner: 'saribogo',
    village: 'Ngemplak Simongan',
    title: 'Operator pengemasan makanan ringan',
    description: 'Mengemas biskuit dan keripik di lini pengemasan; kerja bergilir.',
    sector: 'food',
    location: 'PT Sari Boga Simongan, Kawasan Industri Simongan',
    hoursPerWeek: 40,
    workHours: '07.00–15.00 atau 15.00–23.00, Senin–Jumat',
    shiftWork: true,
    pay: [3_250_000, 3_400_000, 'month'],
    income: '3m_5m',
    skills: [['food.catering', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'salon-B',
    wave: 'B',
    partner: 'salon',
    village: 'Gisikdrono',
    title: 'Asisten perias dan kapster',
    description: 'Membantu perias: rias wajah sehari-hari, perawatan rambut, dan menjaga kebersihan salon.',
    sector: 'beauty',
    location: 'Salon Ayu Larasati, Gisikdrono',
    hoursPerWeek: 36,
    workHours: '10.00–17.00, Selasa–Minggu',
    pay: [1_800_000, 2_200_000, 'month'],
    income: '1m_2m',
    skills: [['beauty.makeup', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'hotel-B',
    wave: 'B',
    partner: 'hotel',
    village: 'Tambakharjo',
    title: 'Petugas tata graha (housekeeping)',
    description: 'Membersihkan dan menata kamar tamu serta area umum hotel.',
    sector: 'hospitality',
    location: 'Hotel Puri Pesisir Marina, Tambakharjo',
    hoursPerWeek: 40,
    workHours: '07.00–15.00, bergilir',
    shiftWork: true,
    pay: [3_000_000, 3_300_000, 'month'],
    income: '3m_5m',
    skills: [['hospitality.housekeeping', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'garmindo-C',
    wave: 'C',
    partner: 'garmindo',
    village: 'Ngemplak Simongan',
    title: 'Operator jahit lini seragam',
    description: 'Operator mesin jahit di lini seragam kerja; kerja bergilir.',
    sector: 'garment',
    location: 'PT Simongan Garmindo Jaya, Kawasan Industri Simongan',
    hoursPerWeek: 40,
    workHours: '07.00–15.00 atau 15.00–23.00, Senin–Jumat',
    shiftWork: true,
    pay: [3_350_000, 3_455_000, 'month'],
    income: '3m_5m',
    skills: [['garment.sewing', 'intermediate']],
    opener: 'kecamatan',
  },
  {
    key: 'saribogo-C',
    wave: 'C',
    partner: 'saribogo',
    village: 'Ngemplak Simongan',
    title: 'Operator produksi keripik',
    description: 'Menggoreng, menimbang, dan mengemas keripik di lini produksi.',
    sector: 'food',
    location: 'PT Sari Boga Simongan, Kawasan Industri Simongan',
    hoursPerWeek: 40,
    workHours: '07.00–15.00, Senin–Jumat',
    pay: [3_350_000, 3_455_000, 'month'],
    income: '3m_5m',
    skills: [['food.cooking', 'basic']],
    opener: 'kecamatan',
  },
  {
    key: 'laundry-C',
    wave: 'C',
    partner: 'laundry',
    village: 'Krobokan',
    title: 'Petugas setrika dan pengemasan cucian',
    description: 'Menyetrika, melipat, dan mengemas cucian kiloan; jam kerja pagi.',
    sector: 'laundry',
    location: 'Laundry Kiloan Bersih Wangi, Krobokan',
    hoursPerWeek: 30,
    workHours: '07.00–12.00, Senin–Sabtu',
    partTime: true,
    pay: [75_000, 85_000, 'day'],
    income: '1m_2m',
    skills: [['laundry.laundry', 'basic']],
    opener: 'kelurahan.krobokan',
  },
  {
    key: 'mebel-C',
    wave: 'C',
    partner: 'mebel',
    village: 'Kembangarum',
    title: 'Penjahit jok dan bantalan kursi',
    description: 'Menjahit sarung jok dan bantalan kursi di bagian finishing bengkel mebel.',
    sector: 'craft',
    location: 'CV Sinar Mebel Kembangarum',
    hoursPerWeek: 40,
    workHours: '08.00–16.00, Senin–Sabtu',
    pay: [2_500_000, 2_800_000, 'month'],
    income: '2m_3m',
    skills: [['garment.sewing', 'basic']],
    opener: 'kecamatan',
  },
];

/** The opportunities' fixed ids, by key. */
export const DEMO_HISTORY_OPPORTUNITY_IDS: Readonly<Record<string, string>> = Object.fromEntries(
  DEMO_HISTORY_OPPORTUNITIES.map((plan, index) => [
    plan.key,
    `00000000-0000-4000-8000-00000000e0${String(index + 1).padStart(2, '0')}`,
  ]),
);

// ── the women ──

/**
 * After release: stays in the placement; leaves it and starts a business; leaves it to care for her
 * children; works for herself; looks for work; is not looking; finds a job outside the program later.
 */
type Story = 'stays' | 'ends_business' | 'ends_care' | 'self' | 'unemployed' | 'not_looking' | 'later_job';

interface WomanSpec {
  certified: boolean;
  story: Story;
  /** Opportunity key, placed this many days after release, ended (when the story says) that many later. */
  placement: { opportunity: string; after: number; endAfter?: number } | null;
  /** Returned to custody this many months after release (parole revoked). */
  returnAfterMonths?: number;
}

const w = (
  certified: boolean,
  story: Story,
  placement: WomanSpec['placement'] = null,
  returnAfterMonths?: number,
): WomanSpec => ({
  certified,
  story,
  placement,
  ...(returnAfterMonths === undefined ? {} : { returnAfterMonths }),
});

/** Wave A: released on parole in the second half of the year before the last complete release year. */
const WAVE_A: readonly WomanSpec[] = [
  w(true, 'stays', { opportunity: 'garmindo-A', after: 21 }),
  w(true, 'stays', { opportunity: 'garmindo-A', after: 35 }),
  w(true, 'ends_business', { opportunity: 'garmindo-A', after: 28, endAfter: 200 }),
  w(false, 'self'),
  w(true, 'stays', { opportunity: 'garmindo-A', after: 45 }),
  w(true, 'stays', { opportunity: 'warung-A', after: 14 }),
  w(true, 'ends_care', { opportunity: 'garmindo-A', after: 30, endAfter: 150 }),
  w(true, 'stays', { opportunity: 'warung-A', after: 40 }),
  w(false, 'unemployed'),
  w(true, 'stays', { opportunity: 'laundry-A', after: 20 }),
  w(true, 'stays', { opportunity: 'oleh-A', after: 25 }),
  w(true, 'self'),
];

/** Wave B: released on parole in the first half of the last complete release year; four returned within a year. */
const WAVE_B: readonly WomanSpec[] = [
  w(true, 'stays', { opportunity: 'salon-B', after: 20 }),
  w(true, 'stays', { opportunity: 'oleh-B', after: 30 }, 9),
  w(true, 'unemployed', null, 4),
  w(true, 'stays', { opportunity: 'saribogo-B', after: 25 }),
  w(true, 'ends_business', { opportunity: 'salon-B', after: 35, endAfter: 180 }),
  w(false, 'stays', { opportunity: 'hotel-B', after: 40 }),
  w(true, 'stays', { opportunity: 'oleh-B', after: 20 }, 7),
  w(true, 'stays', { opportunity: 'saribogo-B', after: 30 }),
  w(true, 'stays', { opportunity: 'warung-B', after: 15 }),
  w(false, 'not_looking'),
  w(true, 'stays', { opportunity: 'garmindo-B', after: 28 }, 10),
  w(true, 'self'),
  w(true, 'later_job'),
];

/** Wave C: freed at the end of the sentence since, the latest about eight months ago. */
const WAVE_C: readonly WomanSpec[] = [
  w(true, 'stays', { opportunity: 'garmindo-C', after: 20 }),
  w(true, 'stays', { opportunity: 'saribogo-C', after: 25 }),
  w(false, 'self'),
  w(true, 'stays', { opportunity: 'laundry-C', after: 14 }),
  w(true, 'stays', { opportunity: 'mebel-C', after: 30 }),
  w(true, 'unemployed'),
  w(true, 'self'),
  w(false, 'later_job'),
  w(true, 'self'),
  w(true, 'not_looking'),
  w(true, 'unemployed'),
];

/** The numbers of the history, checked by its test. */
export const DEMO_HISTORY = {
  women: WAVE_A.length + WAVE_B.length + WAVE_C.length,
  onParole: WAVE_A.length + WAVE_B.length,
  certified: [...WAVE_A, ...WAVE_B, ...WAVE_C].filter((spec) => spec.certified).length,
  placements: [...WAVE_A, ...WAVE_B, ...WAVE_C].filter((spec) => spec.placement).length,
  returnedWithin12Months: [...WAVE_A, ...WAVE_B].filter(
    (spec) => spec.returnAfterMonths !== undefined && spec.returnAfterMonths < 12,
  ).length,
  returned: [...WAVE_A, ...WAVE_B].filter((spec) => spec.returnAfterMonths !== undefined).length,
} as const;

// ── dates ──

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const at = (date: string, hour = 3) => `${date}T${String(hour).padStart(2, '0')}:00:00Z`;
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const maxDate = (a: string, b: string) => (a > b ? a : b);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** ISO weekday of a date: 1 = Monday .. 7 = Sunday. */
function weekday(iso: string): number {
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}
/** The first `day` (ISO weekday) on or after the date. */
const weekdayFrom = (iso: string, day: number) => addDays(iso, (day - weekday(iso) + 7) % 7);

/**
 * The public page's date (the last day of the month before `today`) and the last release year whose
 * 12-month window has passed by then for everyone released in it (31 December + 12 months ≤ that date).
 */
export function historyAnchors(today: string): { asOf: string; lastCompleteYear: number } {
  const asOf = addDays(`${today.slice(0, 7)}-01`, -1);
  const year = Number(asOf.slice(0, 4));
  return { asOf, lastCompleteYear: asOf.endsWith('-12-31') ? year - 1 : year - 2 };
}

// ── the cohorts ──

interface CohortPlan {
  key: Wave;
  id: string;
  program: string;
  label: string;
  start: string;
  end: string;
  schedule: CohortScheduleSlot[];
  room: string;
  instructor: string;
  assessor: string;
  capacity: number;
  certificate: { issuer: string; prefix: string; skill: string; level: SkillLevelValue };
}

const SEWING = 'Menjahit (tata busana dasar)';
const MAKEUP = 'Tata rias';

function cohortPlans(lastCompleteYear: number): CohortPlan[] {
  const sewing = (key: Wave, year: number): CohortPlan => {
    const start = weekdayFrom(`${year}-${key === 'A' ? '02' : '09'}-01`, 2);
    return {
      key,
      id: DEMO_HISTORY_COHORT_IDS[key],
      program: SEWING,
      label: 'Menjahit',
      start,
      end: addDays(start, 58),
      schedule: [2, 4].map((day) => ({ weekday: day, start: '08:30', end: '12:00' })),
      room: 'Ruang keterampilan menjahit',
      instructor: 'Christina Kusumastuti',
      assessor: 'Handoko Wibisono (asesor LSP Garmen Nusantara)',
      capacity: 12,
      certificate: {
        issuer: 'LSP Garmen Nusantara',
        prefix: 'LSP-GMT',
        skill: 'garment.sewing',
        level: 'competent',
      },
    };
  };
  const makeupStart = weekdayFrom(`${lastCompleteYear - 1}-09-01`, 2);
  return [
    sewing('A', lastCompleteYear - 1),
    {
      key: 'B',
      id: DEMO_HISTORY_COHORT_IDS.B,
      program: MAKEUP,
      label: 'Tata Rias',
      start: makeupStart,
      end: addDays(makeupStart, 51),
      schedule: [2, 4].map((day) => ({ weekday: day, start: '13:00', end: '16:00' })),
      room: 'Ruang salon Lapas',
      instructor: 'Rukmini Larasati',
      assessor: 'Endang Sulistyowati (asesor LSP Tata Rias Nusantara)',
      capacity: 14,
      certificate: {
        issuer: 'LSP Tata Rias Nusantara',
        prefix: 'LSP-TRN',
        skill: 'beauty.makeup',
        level: 'intermediate',
      },
    },
    sewing('C', lastCompleteYear),
  ];
}

/** The cohort's name as the training module shows it: "Menjahit Angkatan 2023". */
export const historyCohortName = (cohort: { label: string; start: string }) =>
  `${cohort.label} Angkatan ${cohort.start.slice(0, 4)}`;

// ── the plan (pure) ──

export interface HistoryCheck {
  window: (typeof OUTCOME_WINDOWS)[number];
  dueOn: string;
  checkedOn: string;
  /** null: recorded as returned to custody. */
  workStatus: WorkStatus | null;
  incomeBand: IncomeBand | null;
  returnedOn: string | null;
}

export interface HistoryWoman {
  index: number;
  wave: Wave;
  spec: WomanSpec;
  person: GeneratedPerson;
  releasedOn: string;
  /** Parole: the handover sent, accepted, and ended (at the end of supervision, or on her return). */
  handover: { sentOn: string; acceptedOn: string; endedOn: string; onReturn: boolean } | null;
  /** The day supervision stopped: its end, or her return. */
  supervisedUntil: string | null;
  returnedOn: string | null;
  placement: {
    opportunity: string;
    proposedOn: string;
    contactedOn: string;
    interviewOn: string;
    offeredOn: string;
    placedOn: string;
    endedOn: string | null;
    endReason: string | null;
  } | null;
  checks: HistoryCheck[];
  anonymizedOn: string;
}

const END_REASONS: Record<string, string> = {
  ends_business: 'Berhenti atas permintaan sendiri untuk membuka usaha.',
  ends_care: 'Berhenti untuk mengasuh anak.',
  returned: 'Klien kembali ke lapas.',
};

function workStatusAt(woman: Omit<HistoryWoman, 'checks' | 'anonymizedOn'>, dueOn: string): WorkStatus {
  const { spec, placement } = woman;
  if (placement && placement.placedOn <= dueOn && (!placement.endedOn || placement.endedOn > dueOn))
    return 'employed';
  if (placement?.endedOn && placement.endedOn <= dueOn)
    return spec.story === 'ends_business' ? 'self_employed' : 'not_looking';
  const monthsOut = daysBetween(woman.releasedOn, dueOn) / 30;
  switch (spec.story) {
    case 'self':
      return monthsOut < 2 ? 'unemployed' : 'self_employed';
    case 'later_job':
      return monthsOut < 2 ? 'unemployed' : monthsOut < 4 ? 'in_training' : 'employed';
    case 'not_looking':
      return 'not_looking';
    case 'unemployed':
      return monthsOut > 2 && monthsOut < 4 ? 'in_training' : 'unemployed';
    default:
      // Placed later than this check.
      return 'unemployed';
  }
}

function incomeOf(status: WorkStatus, placementIncome: IncomeBand | null): IncomeBand {
  if (status === 'employed') return placementIncome ?? '2m_3m';
  if (status === 'self_employed') return '1m_2m';
  return 'none';
}

/**
 * Draws one woman whose release falls on `target`: the people generator (its sentence engine and
 * remissions) with its reference day moved so the release lands there, retried with the next seed until
 * `fits`. Pure.
 */
function drawWoman(
  baseSeed: number,
  kind: 'supervised' | 'ended_expiry',
  target: string,
  registry: Registry,
  fits: (person: GeneratedPerson) => boolean,
): GeneratedPerson {
  // The generator releases a parolee 20–300 days before its reference day, a woman freed at expiry 30–480:
  // a first draw tells how far, the second (same seed, same draws) moves the reference day by the difference.
  const guess = kind === 'supervised' ? 160 : 255;
  for (let attempt = 0; attempt < 600; attempt++) {
    const seed = baseSeed + attempt * 7919;
    const first = generatePerson(createRandom(seed), {
      today: addDays(target, guess),
      plan: { kind },
      registry,
    });
    const shift = daysBetween(first.releasedOn as string, target);
    const person = generatePerson(createRandom(seed), {
      today: addDays(target, guess + shift),
      plan: { kind },
      registry,
    });
    if (Math.abs(daysBetween(person.releasedOn as string, target)) <= 10 && fits(person)) return person;
  }
  throw new Error(`demo history: no woman fits a release on ${target}`);
}

/**
 * Every woman of the history, her dates, placement, checks and the day her record was anonymized, from the
 * seeding day alone. Pure: the same day gives the same women.
 */
export function planDemoHistory(today: string): { women: HistoryWoman[]; cohorts: CohortPlan[] } {
  const { lastCompleteYear: Y } = historyAnchors(today);
  const cohorts = cohortPlans(Y);
  const cohortOf = (wave: Wave) => cohorts.find((cohort) => cohort.key === wave) as CohortPlan;
  const registry = new Registry({ nikBase: 6000, registrationBase: 6000, registrationDigits: 4 });
  const random = createRandom(20_261_201);
  const latestBasis = addDays(today, -21);
  const earliestStart = addMonths(today, -60);

  const targets: { wave: Wave; spec: WomanSpec; target: string }[] = [];
  // A: 1 July to early December; B: 20 January to late June; C: from mid-January after B's year to eight
  // months before today, evenly.
  WAVE_A.forEach((spec, i) => {
    targets.push({ wave: 'A', spec, target: addDays(`${Y - 1}-07-01`, i * 14) });
  });
  WAVE_B.forEach((spec, i) => {
    targets.push({ wave: 'B', spec, target: addDays(`${Y}-01-20`, i * 13) });
  });
  const cFrom = `${Y + 1}-01-15`;
  const cTo = addMonths(today, -8);
  const span = Math.max(0, daysBetween(cFrom, cTo));
  WAVE_C.forEach((spec, i) => {
    targets.push({
      wave: 'C',
      spec,
      target: addDays(cFrom, Math.round((i * span) / (WAVE_C.length - 1))),
    });
  });

  const women: HistoryWoman[] = targets.map(({ wave, spec, target }, index) => {
    const cohort = cohortOf(wave);
    const parole = wave !== 'C';
    const returnMonths = spec.returnAfterMonths;
    const person = drawWoman(
      9_100_000 + index * 101,
      parole ? 'supervised' : 'ended_expiry',
      target,
      registry,
      (p) => {
        const start = p.custody.detentionStartDate;
        if (start < earliestStart || start > addDays(cohort.start, -30)) return false;
        if (!parole) return true;
        if (returnMonths === undefined) return (p.supervisionEndDate as string) <= latestBasis;
        // Returned: back inside until the end of the sentence, which has passed since.
        const returned = addDays(addMonths(p.releasedOn as string, returnMonths), 10);
        return p.releaseDate <= latestBasis && returned < p.releaseDate;
      },
    );
    const releasedOn = person.releasedOn as string;
    const returnedOn =
      returnMonths === undefined ? null : addDays(addMonths(releasedOn, returnMonths), random.int(1, 9));
    if (returnedOn) {
      person.returnedOn = returnedOn;
    }
    const supervisedUntil = parole ? (returnedOn ?? (person.supervisionEndDate as string)) : null;
    const sentOn = addDays(releasedOn, -30);
    const handover = parole
      ? {
          sentOn,
          acceptedOn: addDays(sentOn, 3),
          endedOn: supervisedUntil as string,
          onReturn: returnedOn !== null,
        }
      : null;

    let placement: HistoryWoman['placement'] = null;
    if (spec.placement) {
      const placedOn = addDays(releasedOn, spec.placement.after);
      const endedByStory = spec.placement.endAfter ? addDays(placedOn, spec.placement.endAfter) : null;
      const endedOn = returnedOn && (!endedByStory || returnedOn < endedByStory) ? returnedOn : endedByStory;
      placement = {
        opportunity: spec.placement.opportunity,
        proposedOn: addDays(placedOn, -random.int(22, 30)),
        contactedOn: addDays(placedOn, -random.int(15, 20)),
        interviewOn: addDays(placedOn, -random.int(8, 12)),
        offeredOn: addDays(placedOn, -random.int(2, 5)),
        placedOn,
        endedOn,
        endReason: endedOn
          ? (END_REASONS[endedOn === returnedOn ? 'returned' : spec.story] ?? 'Kontrak kerja selesai.')
          : null,
      };
    }
    const draft = { index, wave, spec, person, releasedOn, handover, supervisedUntil, returnedOn, placement };
    const income = spec.placement
      ? (DEMO_HISTORY_OPPORTUNITIES.find((o) => o.key === spec.placement?.opportunity)?.income ?? null)
      : null;

    // Checks of every window due by three weeks ago; once she is back inside, recorded as returned.
    const checks: HistoryCheck[] = [];
    for (const window of OUTCOME_WINDOWS) {
      const dueOn = outcomeDueOn(releasedOn, window);
      if (returnedOn && dueOn >= returnedOn) {
        checks.push({ window, dueOn, checkedOn: returnedOn, workStatus: null, incomeBand: null, returnedOn });
        continue;
      }
      const checkedOn = addDays(dueOn, random.int(2, 9));
      if (checkedOn > addDays(today, -21)) continue;
      const status = workStatusAt(draft, dueOn);
      checks.push({
        window,
        dueOn,
        checkedOn,
        workStatus: status,
        incomeBand: incomeOf(status, income),
        returnedOn: null,
      });
    }

    // Anonymized a while after retention could count (end of supervision, end of the sentence after a
    // return, or release at expiry), never before her last check, and before today.
    const basis = parole
      ? returnedOn
        ? person.releaseDate
        : (person.supervisionEndDate as string)
      : releasedOn;
    const lastCheck =
      checks
        .map((check) => check.checkedOn)
        .sort()
        .at(-1) ?? releasedOn;
    const anonymizedOn = minDate(
      maxDate(addDays(basis, random.int(14, 120)), addDays(lastCheck, random.int(10, 40))),
      addDays(today, -3),
    );
    return { ...draft, checks, anonymizedOn };
  });
  return { women, cohorts };
}

// ── writing it ──

const PURPOSE = 'Penempatan kerja setelah bebas di kelurahan binaan dan mitra program';
const REINTEGRATION_GROUPS = ['identity_contact', 'skills_training', 'availability_status'];

export interface DemoHistorySummary {
  women: number;
  cohorts: number;
  certificates: number;
  handovers: number;
  opportunities: number;
  placements: number;
  checks: number;
}

/**
 * Seeds the program's history once (inside the demo seed's transaction, after the rest of the demo: it needs
 * the accounts, the training programs and the partners). Nothing when it was seeded already.
 */
export async function seedDemoHistory(
  db: Trx,
  options: { today?: string } = {},
): Promise<DemoHistorySummary | null> {
  if (await getMeta(db, 'demo_history_seeded_at')) return null;
  const today = options.today ?? programToday();
  const { women, cohorts } = planDemoHistory(today);
  const random: Random = createRandom(20_261_202);

  // ── what the seed refers to ──
  const villages = await db
    .selectFrom('organization')
    .select(['id', 'code'])
    .where('kind', '=', 'village')
    .where('code', 'is not', null)
    .execute();
  const villageIdByCode = new Map(villages.map((v) => [v.code as string, v.id]));
  const villageId = (name: Kelurahan) => {
    const code = KELURAHAN.find(([, n]) => n === name)?.[0];
    const id = code ? villageIdByCode.get(code) : undefined;
    if (!id) throw new Error(`Kelurahan ${name} is missing from the reference data`);
    return id;
  };
  const skills = await db.selectFrom('skill').select(['id', 'code', 'name_id']).execute();
  const skill = (code: string) => {
    const found = skills.find((s) => s.code === code);
    if (!found) throw new Error(`skill ${code} is missing from the taxonomy`);
    return found;
  };
  const users = await db
    .selectFrom('app_user')
    .innerJoin('organization', 'organization.id', 'app_user.organization_id')
    .select([
      'app_user.id',
      'app_user.username',
      'app_user.full_name',
      'app_user.organization_id',
      sql<string>`coalesce(organization.short_name, organization.name)`.as('organization_name'),
    ])
    .execute();
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`demo account ${username} is missing`);
    return {
      id: found.id,
      name: found.full_name,
      organizationId: found.organization_id,
      organizationName: found.organization_name,
    };
  };
  const binadik = user('lapas.binadik');
  const giatja = user('lapas.giatja');
  const kalapas = user('kalapas');
  const kabapas = user('kabapas');
  const pk = user('pk');
  const programs = await db
    .selectFrom('training_program')
    .select(['id', 'name'])
    .where('name', 'in', [SEWING, MAKEUP])
    .execute();
  const programId = (name: string) => {
    const found = programs.find((p) => p.name === name);
    if (!found) throw new Error(`training program ${name} is missing`);
    return found.id;
  };
  const units = await db
    .selectFrom('training_unit')
    .select(['id', 'program_id'])
    .where(
      'program_id',
      'in',
      programs.map((p) => p.id),
    )
    .orderBy('position')
    .execute();
  const programSkills = await db
    .selectFrom('training_program_skill')
    .select(['program_id', 'skill_id', 'level'])
    .where(
      'program_id',
      'in',
      programs.map((p) => p.id),
    )
    .execute();

  const events: Row<'person_event'>[] = [];
  const event = (
    personId: string,
    kind: string,
    date: string,
    actor: { id: string; name: string; organizationId: string; organizationName: string },
    details: object = {},
    visibility: 'corrections' | 'shared' = 'corrections',
    hour = 4,
  ) =>
    events.push({
      person_id: personId,
      at: at(date, hour),
      kind,
      visibility,
      actor_user_id: actor.id,
      actor_name: actor.name,
      organization_id: actor.organizationId,
      organization_name: actor.organizationName,
      details: JSON.stringify(details),
    });

  // ── the women: identity, custody, remissions, scores, skills ──
  const ids = women.map((woman) => woman.person.id);
  const intendedOf = new Map<string, string | null>();
  const people = [];
  const custody = [];
  const remissions = [];
  const personSkills = [];
  const scores: Row<'behaviour_score'>[] = [];
  for (const woman of women) {
    const { person } = woman;
    const placementVillage = woman.placement
      ? (DEMO_HISTORY_OPPORTUNITIES.find((o) => o.key === woman.placement?.opportunity) as OpportunityPlan)
          .village
      : null;
    const intended = person.domicileVillageCode.startsWith('33.74.13.')
      ? (villageIdByCode.get(person.domicileVillageCode) ?? null)
      : placementVillage
        ? villageId(placementVillage)
        : null;
    intendedOf.set(person.id, intended);
    const rows = personRows(person, {
      organizationId: LAPAS_ID,
      intendedVillageId: intended,
      createdBy: binadik.id,
    });
    const registered = person.custody.courtDecisionDate;
    people.push({ ...rows.person, created_at: at(registered, 2), updated_at: at(registered, 2) });
    custody.push({ ...rows.custody, updated_at: at(woman.returnedOn ?? woman.releasedOn, 2) });
    remissions.push(...rows.remissions);
    personSkills.push(...rows.skills);
    for (const score of person.behaviourScores)
      scores.push({
        person_id: person.id,
        organization_id: LAPAS_ID,
        month: score.month,
        score: score.score,
        recorded_by: binadik.id,
      });
    event(person.id, 'person.registered', registered, binadik, {}, 'shared', 2);
    event(
      person.id,
      'custody.changed',
      registered,
      binadik,
      { releaseDate: person.releaseDate },
      'corrections',
      2,
    );
    for (const remission of person.remissions)
      event(person.id, 'remission.added', remission.decreeDate, binadik, {
        kind: remission.kind,
        days: remission.days,
        decreeNumber: remission.decreeNumber,
      });
    event(person.id, 'custody.changed', woman.releasedOn, binadik, { releasedOn: woman.releasedOn });
    if (woman.returnedOn)
      event(person.id, 'custody.changed', woman.returnedOn, binadik, { returnedOn: woman.returnedOn });
  }
  await db.insertInto('person').values(people).execute();
  await db.insertInto('custody').values(custody).execute();
  if (remissions.length) await db.insertInto('remission').values(remissions).execute();
  if (scores.length) await db.insertInto('behaviour_score').values(scores).execute();
  if (personSkills.length) await db.insertInto('person_skill').values(personSkills).execute();
  // Self-reported skills map onto the taxonomy by name or alias, as the demo people's do.
  await sql`update person_skill ps set skill_id = m.skill_id
    from (
      select distinct on (candidate.person_id, s.id) candidate.id, s.id as skill_id
      from person_skill candidate
      join skill s on lower(candidate.name) = lower(s.name_id) or s.aliases @> to_jsonb(lower(candidate.name))
      where candidate.skill_id is null and candidate.person_id in (${sql.join(ids)})
        and not exists (select 1 from person_skill held where held.person_id = candidate.person_id and held.skill_id = s.id)
      order by candidate.person_id, s.id, candidate.created_at
    ) m
    where ps.id = m.id`.execute(db);

  // ── referrals and consents (before release, as for the demo's released women) ──
  const links: Row<'person_link'>[] = [];
  const consents: Row<'consent'>[] = [];
  for (const woman of women) {
    links.push({
      person_id: woman.person.id,
      organization_id: BAPAS_ID,
      kind: 'referral',
      note: 'Rujukan untuk penelitian kemasyarakatan (Litmas) menjelang program integrasi.',
      created_by: binadik.id,
      created_at: at(addDays(woman.releasedOn, -60)),
    });
    const givenOn = addDays(woman.releasedOn, -35);
    consents.push({
      person_id: woman.person.id,
      organization_id: LAPAS_ID,
      purpose: PURPOSE,
      recipient_organization_ids: JSON.stringify([]),
      recipient_kinds: JSON.stringify(['partner', 'village']),
      field_groups: JSON.stringify(REINTEGRATION_GROUPS),
      given_on: givenOn,
      recorded_by: binadik.id,
      created_at: at(givenOn),
      updated_at: at(givenOn),
    });
  }
  await db.insertInto('person_link').values(links).execute();
  await db.insertInto('consent').values(consents).execute();

  // ── training: three past cohorts, attendance, results, certificates, skills ──
  let certificates = 0;
  let serial = 300 + random.int(0, 90);
  for (const cohort of cohorts) {
    const program = programId(cohort.program);
    const participants = women.filter((woman) => woman.wave === cohort.key);
    const name = historyCohortName(cohort);
    const created = addDays(cohort.start, -45);
    await db
      .insertInto('training_cohort')
      .values({
        id: cohort.id,
        organization_id: LAPAS_ID,
        program_id: program,
        name,
        start_date: cohort.start,
        end_date: cohort.end,
        schedule: JSON.stringify(cohort.schedule),
        room: cohort.room,
        instructor_user_id: null,
        instructor_name: cohort.instructor,
        capacity: Math.max(cohort.capacity, participants.length),
        status: 'completed',
        completed_on: cohort.end,
        created_by: giatja.id,
        created_at: at(created),
        updated_at: at(cohort.end),
      })
      .execute();
    const sessions = scheduledSessions(cohort.start, cohort.end, cohort.schedule).map((slot) => ({
      id: random.uuid(),
      cohort_id: cohort.id,
      organization_id: LAPAS_ID,
      date: slot.date,
      start_time: slot.start,
      end_time: slot.end,
      status: 'scheduled' as const,
      created_on: created,
      attendance_recorded_at: new Date(at(slot.date, 5)),
      attendance_recorded_by: giatja.id,
    }));
    await db.insertInto('training_session').values(sessions).execute();
    const programUnits = units.filter((unit) => unit.program_id === program);
    const enrolments: Row<'training_enrolment'>[] = [];
    const attendance: Row<'training_attendance'>[] = [];
    const assessments: Row<'training_assessment'>[] = [];
    const certificateRows: Row<'certificate'>[] = [];
    const raises: Parameters<typeof raisePersonSkill>[1][] = [];
    for (const woman of participants) {
      const personId = woman.person.id;
      const enrolmentId = random.uuid();
      const requested = addDays(cohort.start, -random.int(20, 50));
      enrolments.push({
        id: enrolmentId,
        organization_id: LAPAS_ID,
        person_id: personId,
        program_id: program,
        cohort_id: cohort.id,
        source: random.chance(0.5) ? 'self_request' : 'staff_referral',
        status: 'completed',
        end_reason: 'completed',
        requested_on: requested,
        allocated_at: new Date(at(addDays(cohort.start, -random.int(3, 12)))),
        ended_on: cohort.end,
        created_by: giatja.id,
        created_at: at(requested),
        updated_at: at(cohort.end),
      });
      for (const session of sessions) {
        const absent = random.chance(0.07);
        attendance.push({
          session_id: session.id,
          enrolment_id: enrolmentId,
          organization_id: LAPAS_ID,
          present: !absent,
          absence_reason: absent ? random.pick(['sick', 'family_visit', 'other'] as const) : null,
          recorded_by: giatja.id,
          recorded_at: session.attendance_recorded_at,
        });
      }
      const failedUnit = woman.spec.certified ? undefined : programUnits[2]?.id;
      for (const unit of programUnits) {
        const competent = unit.id !== failedUnit;
        assessments.push({
          id: random.uuid(),
          organization_id: LAPAS_ID,
          enrolment_id: enrolmentId,
          unit_id: unit.id,
          result: competent ? 'competent' : 'not_yet_competent',
          score: competent ? random.int(72, 95) : random.int(52, 68),
          assessor_name: cohort.assessor,
          assessed_on: cohort.end,
          recorded_by: giatja.id,
          recorded_at: at(cohort.end, 7),
        });
      }
      const certified = skill(cohort.certificate.skill);
      let certificateId: string | null = null;
      if (woman.spec.certified) {
        certificateId = random.uuid();
        const issued = addDays(cohort.end, 14);
        serial += random.int(1, 3);
        const number = `${cohort.certificate.prefix}/${issued.slice(0, 4)}/${String(serial).padStart(6, '0')}`;
        certificateRows.push({
          id: certificateId,
          organization_id: LAPAS_ID,
          person_id: personId,
          enrolment_id: enrolmentId,
          skill_id: certified.id,
          level: cohort.certificate.level,
          number,
          issuer: cohort.certificate.issuer,
          issued_on: issued,
          valid_until: addMonths(issued, 36),
          recorded_by: giatja.id,
          created_at: at(addDays(issued, 3)),
        });
        event(
          personId,
          'certificate.added',
          addDays(issued, 3),
          giatja,
          {
            certificateId,
            number,
            issuer: cohort.certificate.issuer,
            skillId: certified.id,
            skillName: certified.name_id,
            level: cohort.certificate.level,
          },
          'shared',
          8,
        );
      }
      for (const taught of programSkills.filter((s) => s.program_id === program)) {
        const isCertified = certificateId !== null && taught.skill_id === certified.id;
        raises.push({
          personId,
          organizationId: LAPAS_ID,
          skillId: taught.skill_id,
          level: taught.level,
          evidence: isCertified ? 'certified' : woman.spec.certified ? 'assessed' : 'trained',
          cohortId: cohort.id,
          certificateId: isCertified ? certificateId : null,
        });
      }
      event(
        personId,
        'training.completed',
        cohort.end,
        giatja,
        { cohortId: cohort.id, cohortName: name, programId: program, programName: cohort.program },
        'shared',
        8,
      );
    }
    await db.insertInto('training_enrolment').values(enrolments).execute();
    await db.insertInto('training_attendance').values(attendance).execute();
    await db.insertInto('training_assessment').values(assessments).execute();
    if (certificateRows.length) await db.insertInto('certificate').values(certificateRows).execute();
    certificates += certificateRows.length;
    for (const raise of raises) await raisePersonSkill(db, raise);
  }

  // ── parole: plan, handover (accepted, ended), supervision ──
  let handovers = 0;
  const handoverLinks: Row<'person_link'>[] = [];
  const visits: Row<'supervision_session'>[] = [];
  const schedules: Row<'supervision_schedule'>[] = [];
  for (const woman of women) {
    if (!woman.handover) continue;
    const personId = woman.person.id;
    const madeOn = addDays(woman.releasedOn, -75);
    const plan = await db
      .insertInto('reintegration_plan')
      .values({
        person_id: personId,
        organization_id: LAPAS_ID,
        intended_village_id: intendedOf.get(personId) ?? null,
        summary: 'Rencana disusun bersama warga binaan dan keluarga penjamin.',
        pathways_started: PATHWAYS.length,
        next_review_on: addDays(madeOn, 30),
        created_by: binadik.id,
        created_at: at(madeOn),
        updated_at: at(addDays(woman.releasedOn, -35)),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('reintegration_pathway')
      .values(
        PATHWAYS.map((pathway) => ({
          plan_id: plan.id,
          pathway,
          status: 'done' as const,
          updated_by: binadik.id,
          updated_at: at(addDays(woman.releasedOn, -35)),
        })),
      )
      .execute();
    event(personId, 'reintegration.plan_created', madeOn, binadik);

    const { sentOn, acceptedOn, endedOn, onReturn } = woman.handover;
    // The same snapshot the send step takes (plan summary, skills, documents, consents).
    const content = await buildPackage(db, personId, null);
    const row = await db
      .insertInto('handover')
      .values({
        person_id: personId,
        from_organization_id: LAPAS_ID,
        to_organization_id: BAPAS_ID,
        plan_id: plan.id,
        status: 'ended',
        package: JSON.stringify({ takenAt: at(sentOn), ...content }),
        note: 'Paket serah terima: rencana reintegrasi, keterampilan, dokumen dan persetujuan.',
        expected_release_date: woman.releasedOn,
        sent_by: binadik.id,
        sent_by_name: binadik.name,
        sent_at: at(sentOn),
        decided_by: kabapas.id,
        decided_by_name: kabapas.name,
        decided_at: new Date(at(acceptedOn)),
        officer_user_id: pk.id,
        updated_at: at(endedOn, 6),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    handovers += 1;
    const endNote = onReturn
      ? `Kembali ke lapas (${dmy(endedOn)})`
      : `Masa pembimbingan berakhir (${dmy(endedOn)})`;
    await db
      .insertInto('handover_event')
      .values([
        {
          handover_id: row.id,
          action: 'sent',
          actor_user_id: binadik.id,
          actor_name: binadik.name,
          organization_name: binadik.organizationName,
          at: at(sentOn),
        },
        {
          handover_id: row.id,
          action: 'accepted',
          note: `PK: ${pk.name}`,
          actor_user_id: kabapas.id,
          actor_name: kabapas.name,
          organization_name: kabapas.organizationName,
          at: at(acceptedOn),
        },
        {
          handover_id: row.id,
          action: 'ended',
          note: endNote,
          actor_user_id: onReturn ? binadik.id : pk.id,
          actor_name: onReturn ? binadik.name : pk.name,
          organization_name: onReturn ? binadik.organizationName : pk.organizationName,
          at: at(endedOn, 6),
        },
      ])
      .execute();
    event(personId, 'handover.sent', sentOn, binadik, { organizationId: BAPAS_ID });
    event(personId, 'handover.accepted', acceptedOn, kabapas, { officerName: pk.name });
    event(personId, 'handover.ended', endedOn, onReturn ? binadik : pk, {
      handoverId: row.id,
      reason: onReturn ? 'returned' : 'supervision_ended',
      date: endedOn,
    });
    handoverLinks.push({
      person_id: personId,
      organization_id: BAPAS_ID,
      kind: 'handover',
      active: false,
      note: 'Serah terima ke Bapas.',
      created_by: binadik.id,
      created_at: at(sentOn),
      ended_at: new Date(at(endedOn, 6)),
    });

    // Monthly reporting from release until supervision stopped, every third visit at home.
    const until = woman.supervisedUntil as string;
    let month = 1;
    for (; addMonths(woman.releasedOn, month) < until; month++) {
      const dueOn = addMonths(woman.releasedOn, month);
      const heldOn = addDays(dueOn, month % 2);
      const home = month % 3 === 0;
      visits.push({
        person_id: personId,
        organization_id: BAPAS_ID,
        officer_user_id: pk.id,
        kind: home ? 'home_visit' : 'reporting_visit',
        place_kind: home ? 'home' : 'bapas',
        place: home ? 'Rumah penjamin' : 'Bapas Semarang, Jl. Siliwangi 508',
        due_on: dueOn,
        held_on: heldOn,
        outcome: 'attended',
        notes: 'Klien hadir, menceritakan kegiatan kerja dan keadaan keluarga.',
        next_steps: 'Lanjutkan wajib lapor bulan depan.',
        recorded_by: pk.id,
        recorded_by_name: pk.name,
        created_at: at(heldOn, 6),
        updated_at: at(heldOn, 6),
      });
      event(personId, 'supervision.session_recorded', heldOn, pk, { outcome: 'attended' }, 'corrections', 6);
    }
    schedules.push({
      person_id: personId,
      organization_id: BAPAS_ID,
      kind: 'reporting_visit',
      interval: 'monthly',
      place: 'Bapas Semarang, Jl. Siliwangi 508',
      starts_on: woman.releasedOn,
      next_due_on: null,
      active: false,
      ended_on: until,
      ended_reason: onReturn ? 'returned' : 'supervision_ended',
      updated_by: pk.id,
      updated_at: at(until, 6),
    });
    if (onReturn) event(personId, 'supervision.ended', until, binadik, { reason: 'returned', date: until });
  }
  if (handoverLinks.length) await db.insertInto('person_link').values(handoverLinks).execute();
  if (visits.length) await db.insertInto('supervision_session').values(visits).execute();
  if (schedules.length) await db.insertInto('supervision_schedule').values(schedules).execute();

  // ── closed opportunities and the placements in them ──
  const opportunities: Row<'opportunity'>[] = [];
  const opportunitySkills: Row<'opportunity_skill'>[] = [];
  for (const plan of DEMO_HISTORY_OPPORTUNITIES) {
    const placed = women.filter((woman) => woman.placement?.opportunity === plan.key);
    if (placed.length === 0) continue;
    const firstProposal = placed.map((woman) => woman.placement?.proposedOn as string).sort()[0] as string;
    const lastPlaced = placed
      .map((woman) => woman.placement?.placedOn as string)
      .sort()
      .at(-1) as string;
    const startOn = addDays(firstProposal, -7);
    const openedOn = addDays(startOn, -14);
    const closesOn = addDays(lastPlaced, 7);
    const partnerId = DEMO_PARTNER_IDS[plan.partner];
    if (!partnerId) throw new Error(`unknown demo partner ${plan.partner}`);
    const id = DEMO_HISTORY_OPPORTUNITY_IDS[plan.key] as string;
    const opener = user(plan.opener);
    opportunities.push({
      id,
      partner_id: partnerId,
      village_id: villageId(plan.village),
      kind: 'job_vacancy',
      title: `${plan.title} (rekrutmen ${startOn.slice(0, 4)})`,
      description: plan.description,
      sector: plan.sector,
      location: plan.location,
      places: placed.length,
      start_on: startOn,
      closes_on: closesOn,
      hours_per_week: plan.hoursPerWeek,
      work_hours: plan.workHours,
      shift_work: plan.shiftWork ?? false,
      part_time: plan.partTime ?? false,
      flexible: false,
      pay_min: plan.pay[0],
      pay_max: plan.pay[1],
      pay_period: plan.pay[2],
      open_to_asimilasi: false,
      restricted_offences: JSON.stringify([]),
      status: 'closed',
      status_reason: 'Rekrutmen selesai: semua tempat terisi.',
      opened_by: opener.id,
      opened_at: new Date(at(openedOn, 2)),
      created_by: opener.id,
      created_at: at(addDays(openedOn, -3), 2),
      updated_at: at(addDays(closesOn, 1), 5),
    });
    plan.skills.forEach(([code, minLevel], index) => {
      opportunitySkills.push({
        opportunity_id: id,
        skill_id: skill(code).id,
        min_level: minLevel,
        essential: true,
        position: index + 1,
      });
    });
  }
  await db.insertInto('opportunity').values(opportunities).execute();
  await db.insertInto('opportunity_skill').values(opportunitySkills).execute();

  const placements: Row<'placement'>[] = [];
  const steps: Row<'placement_step'>[] = [];
  const partnerLinks: Row<'person_link'>[] = [];
  for (const woman of women) {
    const p = woman.placement;
    if (!p) continue;
    const plan = DEMO_HISTORY_OPPORTUNITIES.find((o) => o.key === p.opportunity) as OpportunityPlan;
    const opportunityId = DEMO_HISTORY_OPPORTUNITY_IDS[plan.key] as string;
    const title = (opportunities.find((o) => o.id === opportunityId) as Row<'opportunity'>).title;
    const partnerId = DEMO_PARTNER_IDS[plan.partner] as string;
    const proposer = woman.handover ? pk : giatja;
    const officer = user(plan.opener);
    const id = random.uuid();
    const path: {
      stage: 'proposed' | 'contacted' | 'interview' | 'offered' | 'placed' | 'ended';
      on: string;
      by: typeof pk;
      reason?: string;
    }[] = [
      { stage: 'proposed', on: p.proposedOn, by: proposer },
      { stage: 'contacted', on: p.contactedOn, by: officer },
      { stage: 'interview', on: p.interviewOn, by: officer },
      { stage: 'offered', on: p.offeredOn, by: officer },
      { stage: 'placed', on: p.placedOn, by: officer },
      ...(p.endedOn
        ? [
            {
              stage: 'ended' as const,
              on: p.endedOn,
              by: woman.handover ? pk : officer,
              reason: p.endReason ?? '',
            },
          ]
        : []),
    ];
    const last = path.at(-1) as (typeof path)[number];
    placements.push({
      id,
      person_id: woman.person.id,
      opportunity_id: opportunityId,
      stage: last.stage,
      outcome_note: last.stage === 'ended' ? (last.reason ?? null) : null,
      placed_on: p.placedOn,
      ended_on: p.endedOn,
      proposed_by: proposer.id,
      proposer_organization_id: proposer.organizationId,
      created_at: at(p.proposedOn),
      updated_at: at(last.on, 6),
      version: path.length,
    });
    path.forEach((step, index) => {
      steps.push({
        placement_id: id,
        stage: step.stage,
        happened_on: step.on,
        reason: step.reason ?? null,
        note: null,
        recorded_by: step.by.id,
        recorded_organization_id: step.by.organizationId,
        recorded_at: at(step.on, 4 + index),
      });
      const previous = path[index - 1];
      event(
        woman.person.id,
        previous ? 'placement.advanced' : 'placement.proposed',
        step.on,
        step.by,
        {
          placementId: id,
          opportunityId,
          opportunityTitle: title,
          ...(previous && { from: previous.stage }),
          stage: step.stage,
          happenedOn: step.on,
        },
        'corrections',
        4 + index,
      );
    });
    // The partner sees her through these links while the placement runs (anonymization ends the rest).
    const ended = p.endedOn ? new Date(at(p.endedOn, 8)) : null;
    partnerLinks.push(
      {
        person_id: woman.person.id,
        organization_id: partnerId,
        kind: 'proposal',
        active: ended === null,
        note: 'Diusulkan untuk peluang kerja di mitra.',
        created_by: proposer.id,
        created_at: at(p.proposedOn),
        ended_at: ended,
      },
      {
        person_id: woman.person.id,
        organization_id: partnerId,
        kind: 'placement',
        active: ended === null,
        note: 'Ditempatkan di mitra.',
        created_by: officer.id,
        created_at: at(p.placedOn, 9),
        ended_at: ended,
      },
    );
  }
  await db.insertInto('placement').values(placements).execute();
  await db.insertInto('placement_step').values(steps).execute();
  await db.insertInto('person_link').values(partnerLinks).execute();

  // ── outcome checks ──
  const checks: Row<'outcome_check'>[] = [];
  for (const woman of women) {
    const recorder = woman.handover ? pk : binadik;
    const intended = intendedOf.get(woman.person.id) ?? null;
    for (const check of woman.checks) {
      const working = check.workStatus === 'employed' || check.workStatus === 'self_employed';
      checks.push({
        person_id: woman.person.id,
        organization_id: recorder.organizationId,
        window_months: check.window,
        due_on: check.dueOn,
        checked_on: check.checkedOn,
        work_status: check.workStatus,
        income_band: check.incomeBand,
        business_started: check.returnedOn ? null : check.workStatus === 'self_employed',
        housing_stable: check.returnedOn ? null : true,
        in_host_village: check.returnedOn ? null : intended !== null,
        returned_to_custody_on: check.returnedOn,
        note: check.returnedOn
          ? null
          : working
            ? 'Dipantau melalui wajib lapor dan kunjungan rumah; bekerja dengan penghasilan tetap.'
            : 'Dipantau melalui wajib lapor dan kunjungan rumah.',
        recorded_by: check.returnedOn ? binadik.id : recorder.id,
        recorded_by_name: check.returnedOn ? binadik.name : recorder.name,
        created_at: at(check.checkedOn, 7),
        updated_at: at(check.checkedOn, 7),
      });
      event(
        woman.person.id,
        'outcome.recorded',
        check.checkedOn,
        check.returnedOn ? binadik : recorder,
        check.returnedOn ? { returnedToCustodyOn: check.returnedOn } : { windowMonths: check.window },
        'corrections',
        7,
      );
    }
  }
  if (checks.length) await db.insertInto('outcome_check').values(checks).execute();
  if (events.length) await db.insertInto('person_event').values(events).execute();

  // ── the end of each record: anonymized by the retention feature's own function, then dated ──
  for (const woman of women) {
    const personId = woman.person.id;
    const when = new Date(at(woman.anonymizedOn, 4));
    await anonymizePerson(db, personId, `Anonim-${shortPersonId(personId)}`);
    // anonymizePerson stamps now() and today; the history's anonymization happened on `anonymizedOn`.
    await db
      .updateTable('person')
      .set({ anonymized_at: when, updated_at: when })
      .where('id', '=', personId)
      .execute();
    await db
      .updateTable('placement')
      .set({ ended_on: woman.anonymizedOn, updated_at: when })
      .where('person_id', '=', personId)
      .where('ended_on', '>', woman.anonymizedOn)
      .execute();
    // recorded_at is written once by the application (no update in its types): plain SQL for the history.
    await sql`update placement_step set happened_on = ${woman.anonymizedOn}::date, recorded_at = ${when}
      where placement_id in (select id from placement where person_id = ${personId})
        and happened_on > ${woman.anonymizedOn}::date`.execute(db);
    await db
      .updateTable('person_link')
      .set({ ended_at: when })
      .where('person_id', '=', personId)
      .where('ended_at', '>', when)
      .execute();
    for (const table of ['custody', 'training_enrolment', 'case_note'] as const)
      await db
        .updateTable(table)
        .set({ updated_at: when })
        .where('person_id', '=', personId)
        .where('updated_at', '>', when)
        .execute();
    await db
      .insertInto('person_event')
      .values({
        person_id: personId,
        at: when,
        kind: 'person.anonymized',
        visibility: 'shared',
        actor_user_id: kalapas.id,
        actor_name: kalapas.name,
        organization_id: kalapas.organizationId,
        organization_name: kalapas.organizationName,
        details: JSON.stringify({}),
      })
      .execute();
  }
  await setMeta(db, 'demo_history_seeded_at', new Date().toISOString());
  return {
    women: women.length,
    cohorts: cohorts.length,
    certificates,
    handovers,
    opportunities: opportunities.length,
    placements: placements.length,
    checks: checks.length,
  };
}

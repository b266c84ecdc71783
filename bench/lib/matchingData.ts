import type { Random } from '../../src/server/db/seed/demo-people.ts';
import { addDays } from '../../src/server/db/seed/demo-people.ts';
import { DEMO_VILLAGES } from '../../src/server/db/seed/demo-villages.ts';
import { OTHER_VILLAGES } from '../../src/server/db/seed/names.ts';
import { KELURAHAN } from '../../src/server/db/seed/reference.ts';
import type {
  EngineOpportunity,
  EnginePerson,
  EngineSkill,
} from '../../src/server/modules/matching/matching.types.ts';
import type { SkillEvidence } from '../../src/shared/matching.ts';
import type { OFFENCE_CATEGORIES, SECTORS } from '../../src/shared/people.ts';
import type { SkillLevel } from '../../src/shared/skills.ts';

// The synthetic world of the matching benchmarks (bench/matching.ts): people and opportunities as the
// engine sees them (matching.types.ts), drawn from a seeded PRNG (createRandom of the demo generator), so
// the same seed on the same day gives the same data. Realistic for the gates and the factors: most women
// consented to partners and kelurahan, release dates spread over the window asked for, opportunities with
// one to three essential skills out of 40, some restrictions and minimum ages, and skills, sectors and
// kelurahan of uneven popularity, so that popular opportunities have more candidates than places.

type Sector = (typeof SECTORS)[number];
type Offence = (typeof OFFENCE_CATEGORIES)[number];

export interface BenchSkill {
  /** The engine's skill id: the taxonomy code in memory, the skill row's uuid in a database. */
  id: string;
  code: string;
  sector: Sector;
  nameId: string;
  nameEn: string;
  /** How often opportunities ask for it (relative weight). */
  popularity: number;
  /**
   * How often women hold it (relative weight): the popularity for the 22 skills LPP Semarang has trained
   * for years, a tenth of it for the 18 added to the taxonomy since (training has not caught up with what
   * partners ask for: the gaps the planner should find).
   */
  held: number;
}

/**
 * 40 skills: the 22 of the seeded taxonomy (migration 0003, same codes) and 18 more a grown taxonomy would
 * hold. Popularity follows what LPP Semarang trains most: sewing, cooking, baking, make-up, selling.
 */
export const BENCH_SKILLS: readonly Omit<BenchSkill, 'id' | 'held'>[] = [
  { code: 'garment.sewing', sector: 'garment', nameId: 'Menjahit', nameEn: 'Sewing', popularity: 12 },
  {
    code: 'garment.fashion',
    sector: 'garment',
    nameId: 'Tata busana',
    nameEn: 'Fashion design and dressmaking',
    popularity: 4,
  },
  {
    code: 'garment.embellishment',
    sector: 'garment',
    nameId: 'Menjahit payet dan bordir',
    nameEn: 'Beading and embroidery finishing',
    popularity: 3,
  },
  { code: 'beauty.makeup', sector: 'beauty', nameId: 'Tata rias', nameEn: 'Make-up', popularity: 7 },
  {
    code: 'beauty.bridal',
    sector: 'beauty',
    nameId: 'Rias pengantin',
    nameEn: 'Bridal make-up',
    popularity: 3,
  },
  { code: 'beauty.hair', sector: 'beauty', nameId: 'Tata rambut', nameEn: 'Hairdressing', popularity: 4 },
  {
    code: 'beauty.skin',
    sector: 'beauty',
    nameId: 'Tata kecantikan kulit',
    nameEn: 'Skin care',
    popularity: 2,
  },
  {
    code: 'batik.written',
    sector: 'batik',
    nameId: 'Membatik tulis',
    nameEn: 'Hand-drawn batik',
    popularity: 3,
  },
  { code: 'batik.stamped', sector: 'batik', nameId: 'Batik cap', nameEn: 'Stamped batik', popularity: 2 },
  { code: 'food.cooking', sector: 'food', nameId: 'Tata boga', nameEn: 'Cooking', popularity: 10 },
  { code: 'food.baking', sector: 'food', nameId: 'Membuat kue dan roti', nameEn: 'Baking', popularity: 9 },
  { code: 'food.catering', sector: 'food', nameId: 'Katering', nameEn: 'Catering', popularity: 5 },
  {
    code: 'craft.knitting',
    sector: 'craft',
    nameId: 'Merajut',
    nameEn: 'Knitting and crochet',
    popularity: 2,
  },
  { code: 'craft.embroidery', sector: 'craft', nameId: 'Sulam', nameEn: 'Embroidery', popularity: 2 },
  {
    code: 'craft.handicraft',
    sector: 'craft',
    nameId: 'Kerajinan tangan',
    nameEn: 'Handicraft',
    popularity: 3,
  },
  {
    code: 'laundry.laundry',
    sector: 'laundry',
    nameId: 'Binatu (laundry)',
    nameEn: 'Laundry',
    popularity: 5,
  },
  {
    code: 'laundry.cleaning',
    sector: 'laundry',
    nameId: 'Jasa kebersihan',
    nameEn: 'Cleaning services',
    popularity: 4,
  },
  {
    code: 'urban_farming.hydroponics',
    sector: 'urban_farming',
    nameId: 'Hidroponik',
    nameEn: 'Hydroponics',
    popularity: 2,
  },
  {
    code: 'retail.selling',
    sector: 'retail',
    nameId: 'Berjualan dan kasir',
    nameEn: 'Selling and cashiering',
    popularity: 7,
  },
  {
    code: 'retail.online',
    sector: 'retail',
    nameId: 'Jualan daring',
    nameEn: 'Online selling',
    popularity: 3,
  },
  {
    code: 'hospitality.housekeeping',
    sector: 'hospitality',
    nameId: 'Tata graha',
    nameEn: 'Housekeeping',
    popularity: 3,
  },
  {
    code: 'administration.computing',
    sector: 'administration',
    nameId: 'Komputer dasar',
    nameEn: 'Basic computing',
    popularity: 4,
  },
  {
    code: 'garment.pattern',
    sector: 'garment',
    nameId: 'Membuat pola',
    nameEn: 'Pattern making',
    popularity: 2,
  },
  {
    code: 'garment.alteration',
    sector: 'garment',
    nameId: 'Permak pakaian',
    nameEn: 'Clothing alteration',
    popularity: 3,
  },
  { code: 'beauty.nails', sector: 'beauty', nameId: 'Perawatan kuku', nameEn: 'Nail care', popularity: 1 },
  { code: 'beauty.spa', sector: 'beauty', nameId: 'Pijat dan spa', nameEn: 'Massage and spa', popularity: 2 },
  {
    code: 'batik.dyeing',
    sector: 'batik',
    nameId: 'Pewarnaan alami',
    nameEn: 'Natural dyeing',
    popularity: 1,
  },
  {
    code: 'food.snacks',
    sector: 'food',
    nameId: 'Makanan ringan',
    nameEn: 'Snack production',
    popularity: 4,
  },
  {
    code: 'food.beverages',
    sector: 'food',
    nameId: 'Minuman dan kopi',
    nameEn: 'Beverages and coffee',
    popularity: 2,
  },
  {
    code: 'food.packaging',
    sector: 'food',
    nameId: 'Pengemasan pangan',
    nameEn: 'Food packaging',
    popularity: 2,
  },
  { code: 'food.hygiene', sector: 'food', nameId: 'Keamanan pangan', nameEn: 'Food hygiene', popularity: 2 },
  { code: 'craft.weaving', sector: 'craft', nameId: 'Anyaman', nameEn: 'Weaving', popularity: 1 },
  { code: 'craft.upcycling', sector: 'craft', nameId: 'Daur ulang', nameEn: 'Upcycling', popularity: 1 },
  { code: 'laundry.ironing', sector: 'laundry', nameId: 'Setrika', nameEn: 'Ironing', popularity: 2 },
  {
    code: 'urban_farming.nursery',
    sector: 'urban_farming',
    nameId: 'Pembibitan tanaman',
    nameEn: 'Plant nursery',
    popularity: 1,
  },
  {
    code: 'urban_farming.catfish',
    sector: 'urban_farming',
    nameId: 'Budidaya lele',
    nameEn: 'Catfish farming',
    popularity: 1,
  },
  {
    code: 'retail.stock',
    sector: 'retail',
    nameId: 'Pengelolaan stok',
    nameEn: 'Stock keeping',
    popularity: 1,
  },
  {
    code: 'hospitality.kitchen',
    sector: 'hospitality',
    nameId: 'Dapur hotel',
    nameEn: 'Hotel kitchen',
    popularity: 1,
  },
  {
    code: 'hospitality.care',
    sector: 'hospitality',
    nameId: 'Pengasuhan anak dan lansia',
    nameEn: 'Child and elderly care',
    popularity: 2,
  },
  {
    code: 'administration.bookkeeping',
    sector: 'administration',
    nameId: 'Pembukuan sederhana',
    nameEn: 'Basic bookkeeping',
    popularity: 2,
  },
];

/** The first 22 of BENCH_SKILLS are the seeded taxonomy's. */
const SEEDED_SKILLS = 22;

/** Sectors of the partners and opportunities, by how many there are in Semarang Barat. */
export const SECTOR_WEIGHTS: Readonly<Record<Exclude<Sector, 'other'>, number>> = {
  food: 26,
  garment: 22,
  beauty: 12,
  retail: 10,
  laundry: 8,
  hospitality: 6,
  craft: 5,
  batik: 4,
  administration: 4,
  urban_farming: 3,
};

/** As in the demo generator (demo-people.ts). Gate only: never scored. */
const OFFENCES: Readonly<Record<Offence, number>> = {
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
};
/** Offences partners restrict: money handling, children, narcotics. */
const RESTRICTABLE: readonly Offence[] = [
  'narcotics',
  'fraud',
  'theft',
  'embezzlement',
  'trafficking',
  'violence',
  'child_protection',
];

export interface BenchVillage {
  id: string;
  code: string;
  name: string;
  latitude: number;
  longitude: number;
  /** Relative share of women and opportunities (population). */
  weight: number;
}

export interface BenchPartner {
  id: string;
  name: string;
  sector: Exclude<Sector, 'other'>;
  villageId: string;
}

export interface MatchingWorld {
  today: string;
  skills: BenchSkill[];
  villages: BenchVillage[];
  partners: BenchPartner[];
  /** The kelurahan's strength for a sector (0–5): `${villageId}:${sector}`. */
  demand: Map<string, number>;
}

/** id → names, as EngineContext.skillNames wants them. */
export function skillNames(world: MatchingWorld): Map<string, { id: string; en: string }> {
  return new Map(world.skills.map((skill) => [skill.id, { id: skill.nameId, en: skill.nameEn }]));
}

/**
 * The 16 kelurahan of Semarang Barat (centroids and populations of the demo profiles), 40 skills and
 * `partners` partner organizations with a sector and a home kelurahan. Ids are drawn from the stream unless
 * given (a database's own: `villageIds` by Kemendagri code, `skillIds` by taxonomy code, `partnerIds`).
 */
export function createWorld(
  random: Random,
  options: {
    today: string;
    partners?: number;
    villageIds?: ReadonlyMap<string, string>;
    skillIds?: ReadonlyMap<string, string>;
    partnerIds?: readonly string[];
  },
): MatchingWorld {
  const villages = KELURAHAN.map(([code, name]) => {
    const plan = DEMO_VILLAGES.find((village) => village.name === name);
    return {
      id: options.villageIds?.get(code) ?? random.uuid(),
      code,
      name,
      latitude: plan?.latitude ?? -6.98,
      longitude: plan?.longitude ?? 110.39,
      weight: plan?.population ?? 9_000,
    };
  });
  const skills = BENCH_SKILLS.map((skill, index) => ({
    ...skill,
    id: options.skillIds?.get(skill.code) ?? skill.code,
    held: index < SEEDED_SKILLS ? skill.popularity : skill.popularity / 10,
  }));
  // Demand: the demo profiles' potentials (strength 1–5) where there is one, a little noise elsewhere.
  const demand = new Map<string, number>();
  for (const village of villages) {
    const plan = DEMO_VILLAGES.find((candidate) => candidate.name === village.name);
    for (const sector of Object.keys(SECTOR_WEIGHTS)) {
      const strengths = (plan?.potentials ?? [])
        .filter((potential) => potential[0] === sector)
        .map((potential) => potential[3]);
      const strength = strengths.length > 0 ? Math.max(...strengths) : random.chance(0.3) ? 3 : 0;
      demand.set(`${village.id}:${sector}`, strength);
    }
  }
  const count = options.partnerIds?.length ?? options.partners ?? 400;
  const partners: BenchPartner[] = [];
  for (let i = 0; i < count; i++) {
    const sector = random.weighted(SECTOR_WEIGHTS);
    partners.push({
      id: options.partnerIds?.[i] ?? random.uuid(),
      name: `Mitra ${sector} ${i + 1}`,
      sector,
      villageId: pickVillage(random, villages).id,
    });
  }
  return { today: options.today, skills, villages, partners, demand };
}

function pickVillage(random: Random, villages: readonly BenchVillage[]): BenchVillage {
  const total = villages.reduce((sum, village) => sum + village.weight, 0);
  let roll = random.next() * total;
  for (const village of villages) {
    roll -= village.weight;
    if (roll < 0) return village;
  }
  return villages[villages.length - 1] as BenchVillage;
}

/** `count` distinct skills of `pool`, each drawn with the weight `by` (popularity: asked for; held: held). */
function pickSkills(
  random: Random,
  pool: readonly BenchSkill[],
  count: number,
  by: 'popularity' | 'held' = 'popularity',
): BenchSkill[] {
  const left = [...pool];
  const out: BenchSkill[] = [];
  while (out.length < count && left.length > 0) {
    const total = left.reduce((sum, skill) => sum + skill[by], 0);
    let roll = random.next() * total;
    let index = left.length - 1;
    for (let i = 0; i < left.length; i++) {
      roll -= (left[i] as BenchSkill)[by];
      if (roll < 0) {
        index = i;
        break;
      }
    }
    out.push(left[index] as BenchSkill);
    left.splice(index, 1);
  }
  return out;
}

const LEVELS = { basic: 55, intermediate: 35, competent: 10 } as const;
const EVIDENCE = { self_reported: 40, trained: 30, assessed: 18, certified: 12 } as const;

export interface PersonOptions {
  /** Expected release dates are drawn uniformly in [releaseFrom, releaseTo]. */
  releaseFrom: string;
  releaseTo: string;
  /** Share already released (available now). */
  releasedShare?: number;
}

/** `count` skills a woman holds (the popular ones more often), each with a level and its evidence. */
export function drawHeldSkills(
  random: Random,
  world: MatchingWorld,
  count: number,
): { skill: BenchSkill; level: SkillLevel; evidence: SkillEvidence }[] {
  return pickSkills(random, world.skills, count, 'held').map((skill) => ({
    skill,
    level: random.weighted(LEVELS) as SkillLevel,
    evidence: random.weighted(EVIDENCE) as SkillEvidence,
  }));
}

/** One woman as the engine sees her. */
export function generateEnginePerson(
  random: Random,
  world: MatchingWorld,
  options: PersonOptions,
): EnginePerson {
  const id = random.uuid();
  const drawn = drawHeldSkills(random, world, Number(random.weighted({ 0: 22, 1: 35, 2: 25, 3: 12, 4: 6 })));
  const held = drawn.map((entry) => entry.skill);
  const skills: EngineSkill[] = drawn.map((entry) => ({
    skillId: entry.skill.id,
    level: entry.level,
    evidence: entry.evidence,
  }));
  // Now and then a second row for a skill: self-reported first, later trained or certified.
  const first = skills[0];
  if (first && random.chance(0.05)) {
    skills.push({ skillId: first.skillId, level: first.level, evidence: 'certified' });
  }
  const preferredSectors = [
    ...new Set([
      ...held.slice(0, 2).map((skill) => skill.sector),
      ...(random.chance(0.3) ? ['food'] : []),
      ...(held.length === 0 && random.chance(0.5) ? [random.weighted(SECTOR_WEIGHTS)] : []),
    ]),
  ];

  const village = pickVillage(random, world.villages);
  const roll = random.next();
  let place: EnginePerson['place'];
  if (roll < 0.6) {
    place = {
      source: 'intended',
      villageId: village.id,
      villageCode: village.code,
      villageName: village.name,
      latitude: village.latitude,
      longitude: village.longitude,
    };
  } else if (roll < 0.82) {
    place = {
      source: 'domicile',
      villageId: village.id,
      villageCode: village.code,
      villageName: village.name,
      latitude: random.chance(0.8) ? village.latitude : null,
      longitude: random.chance(0.8) ? village.longitude : null,
    };
  } else if (roll < 0.97) {
    const [code, name] = random.pick(OTHER_VILLAGES);
    place = {
      source: 'domicile',
      villageId: null,
      villageCode: code,
      villageName: name,
      latitude: null,
      longitude: null,
    };
  } else {
    place = {
      source: null,
      villageId: null,
      villageCode: null,
      villageName: null,
      latitude: null,
      longitude: null,
    };
  }

  const released = random.chance(options.releasedShare ?? 0.08);
  const span = daysBetween(options.releaseFrom, options.releaseTo);
  const releaseDate = released
    ? addDays(world.today, -random.int(10, 400))
    : addDays(options.releaseFrom, random.int(0, Math.max(0, span)));
  // Asimilasi (work outside during the sentence) for about a third of those still inside.
  const asimilasiDate = !released && random.chance(0.35) ? addDays(releaseDate, -random.int(60, 300)) : null;

  // Consent: most to partners and kelurahan by kind; some to named organizations only; a few to none.
  const consentRoll = random.next();
  let consent: EnginePerson['consent'];
  if (consentRoll < 0.78) consent = { organizationIds: [], kinds: ['partner', 'village'] };
  else if (consentRoll < 0.86)
    consent = {
      organizationIds: Array.from({ length: random.int(1, 3) }, () => random.pick(world.partners).id),
      kinds: ['village'],
    };
  else if (consentRoll < 0.93)
    consent = { organizationIds: place.villageId ? [place.villageId] : [], kinds: ['partner'] };
  else consent = { organizationIds: [], kinds: [] };

  const birthYear = random.int(1966, 2006);
  return {
    id,
    skills,
    preferredSectors,
    constraints: { childcare: random.chance(0.2), partTimeOnly: random.chance(0.18) },
    place,
    availability: { released, releaseDate, asimilasiDate },
    consent,
    offenceCategory: random.chance(0.97) ? random.weighted(OFFENCES) : null,
    birthDate: random.chance(0.95)
      ? `${birthYear}-${pad2(random.int(1, 12))}-${pad2(random.int(1, 28))}`
      : null,
  };
}

export function generatePeople(
  random: Random,
  world: MatchingWorld,
  count: number,
  options: PersonOptions,
): EnginePerson[] {
  return Array.from({ length: count }, () => generateEnginePerson(random, world, options));
}

export interface OpportunityOptions {
  /** Start dates are drawn in [today + startFromDays, today + startToDays]. */
  startFromDays: number;
  startToDays: number;
  /** Every opportunity open with all its places left (a plan's input); otherwise some draft, filled, closed. */
  allOpen?: boolean;
  /** Makes the places add up to exactly this (each 1–10); otherwise drawn, about 5 on average. */
  totalPlaces?: number;
}

const KIND_TITLES: Readonly<Record<Exclude<Sector, 'other'>, readonly string[]>> = {
  food: ['Juru masak', 'Pembuat kue', 'Pramusaji katering', 'Produksi makanan ringan'],
  garment: ['Penjahit konveksi', 'Operator jahit', 'Finishing garmen', 'Penjahit permak'],
  beauty: ['Asisten salon', 'Perias', 'Terapis spa'],
  retail: ['Kasir toko', 'Pramuniaga', 'Admin toko daring'],
  laundry: ['Petugas laundry', 'Petugas kebersihan'],
  hospitality: ['Tata graha', 'Pengasuh', 'Pembantu dapur'],
  craft: ['Perajin', 'Perajut'],
  batik: ['Pembatik', 'Pewarna batik'],
  administration: ['Staf administrasi', 'Pembukuan UMKM'],
  urban_farming: ['Petani hidroponik', 'Pembudidaya lele'],
};

/** Places per opportunity, 1–10: small UMKM take one or two, a garment factory ten. Mean about 5. */
const PLACES = { 1: 12, 2: 12, 3: 12, 4: 11, 5: 11, 6: 10, 7: 9, 8: 8, 9: 7, 10: 8 } as const;

/** One opportunity as the engine sees it (its partner's sector, mostly in the partner's kelurahan). */
export function generateEngineOpportunity(
  random: Random,
  world: MatchingWorld,
  options: OpportunityOptions,
  index: number,
): EngineOpportunity {
  const partner = random.pick(world.partners);
  const village = random.chance(0.7)
    ? (world.villages.find((candidate) => candidate.id === partner.villageId) as BenchVillage)
    : pickVillage(random, world.villages);
  const sector = partner.sector;
  const sectorSkills = world.skills.filter((skill) => skill.sector === sector);
  const essentialCount = Number(random.weighted({ 1: 45, 2: 40, 3: 15 }));
  const essential = random.chance(0.85)
    ? pickSkills(random, sectorSkills, essentialCount)
    : pickSkills(random, world.skills, essentialCount);
  const optional = pickSkills(
    random,
    world.skills.filter((skill) => !essential.includes(skill)),
    Number(random.weighted({ 0: 40, 1: 40, 2: 20 })),
  );
  const places = Number(random.weighted(PLACES));
  const status = options.allOpen
    ? 'open'
    : random.weighted({ open: 88, draft: 4, filled: 5, closed: 3 } as const);
  // Some places already taken by people in the pipeline.
  const taken = !options.allOpen && random.chance(0.15) ? random.int(1, places) : 0;
  const startOn = addDays(world.today, random.int(options.startFromDays, options.startToDays));
  const restricted = random.chance(0.12)
    ? [...new Set(Array.from({ length: random.int(1, 2) }, () => random.pick(RESTRICTABLE)))]
    : [];
  const shiftWork = random.chance(0.12);
  return {
    id: random.uuid(),
    title: `${random.pick(KIND_TITLES[sector])} ${index + 1}`,
    partnerId: partner.id,
    partnerName: partner.name,
    villageId: village.id,
    villageCode: village.code,
    villageName: village.name,
    latitude: random.chance(0.9) ? village.latitude : null,
    longitude: random.chance(0.9) ? village.longitude : null,
    status,
    placesLeft: places - taken,
    startOn,
    closesOn: random.chance(0.5) ? addDays(startOn, random.int(14, 120)) : null,
    openToAsimilasi: random.chance(0.3),
    restrictedOffences: restricted,
    restrictionsVersion: 1,
    minAge: shiftWork ? 18 : random.chance(0.04) ? 21 : null,
    sector,
    partTime: random.chance(0.25),
    flexible: random.chance(0.2),
    shiftWork,
    skills: [
      ...essential.map((skill) => ({
        skillId: skill.id,
        minLevel: random.weighted({ basic: 60, intermediate: 30, competent: 10 } as const),
        essential: true,
      })),
      ...optional.map((skill) => ({ skillId: skill.id, minLevel: 'basic' as const, essential: false })),
    ],
    demandStrength: world.demand.get(`${village.id}:${sector}`) ?? 0,
  };
}

export function generateOpportunities(
  random: Random,
  world: MatchingWorld,
  count: number,
  options: OpportunityOptions,
): EngineOpportunity[] {
  const opportunities = Array.from({ length: count }, (_, index) =>
    generateEngineOpportunity(random, world, options, index),
  );
  if (options.totalPlaces !== undefined) fitPlaces(random, opportunities, options.totalPlaces);
  return opportunities;
}

/** Moves single places between random opportunities (each kept 1–10) until they add up to `total`. */
function fitPlaces(random: Random, opportunities: EngineOpportunity[], total: number) {
  if (total < opportunities.length || total > opportunities.length * 10)
    throw new Error(`${opportunities.length} opportunities of 1–10 places cannot hold ${total}`);
  let sum = opportunities.reduce((acc, opportunity) => acc + opportunity.placesLeft, 0);
  while (sum !== total) {
    const opportunity = random.pick(opportunities);
    if (sum < total && opportunity.placesLeft < 10) {
      opportunity.placesLeft += 1;
      sum += 1;
    } else if (sum > total && opportunity.placesLeft > 1) {
      opportunity.placesLeft -= 1;
      sum -= 1;
    }
  }
}

const pad2 = (value: number) => (value < 10 ? `0${value}` : String(value));
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Counts that say whether the data is realistic for the gates (reported in the JSON). */
export function describePeople(people: readonly EnginePerson[]) {
  const share = (predicate: (person: EnginePerson) => boolean) =>
    Math.round((people.filter(predicate).length / Math.max(1, people.length)) * 1000) / 10;
  return {
    count: people.length,
    releasedPercent: share((person) => person.availability.released),
    consentPartnerAndVillageKindsPercent: share(
      (person) => person.consent.kinds.includes('partner') && person.consent.kinds.includes('village'),
    ),
    noConsentPercent: share(
      (person) => person.consent.kinds.length + person.consent.organizationIds.length === 0,
    ),
    withSkillsPercent: share((person) => person.skills.length > 0),
    asimilasiPercent: share((person) => person.availability.asimilasiDate !== null),
  };
}

export function describeOpportunities(opportunities: readonly EngineOpportunity[]) {
  const count = opportunities.length;
  const places = opportunities.reduce((sum, opportunity) => sum + opportunity.placesLeft, 0);
  const bySector: Record<string, number> = {};
  for (const opportunity of opportunities)
    bySector[opportunity.sector] = (bySector[opportunity.sector] ?? 0) + 1;
  return {
    count,
    open: opportunities.filter((opportunity) => opportunity.status === 'open').length,
    placesLeft: places,
    withRestrictions: opportunities.filter((opportunity) => opportunity.restrictedOffences.length > 0).length,
    withMinAge: opportunities.filter((opportunity) => opportunity.minAge !== null).length,
    essentialSkillsMean:
      Math.round(
        (opportunities.reduce((sum, o) => sum + o.skills.filter((skill) => skill.essential).length, 0) /
          Math.max(1, count)) *
          100,
      ) / 100,
    bySector,
  };
}

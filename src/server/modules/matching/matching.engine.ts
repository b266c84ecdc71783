import {
  MATCH_GATES,
  type MatchFactor,
  type MatchGate,
  type MatchingRules,
} from '../../../shared/matching.ts';
import type { SkillLevel } from '../../../shared/skills.ts';
import type {
  EngineContext,
  EngineOpportunity,
  EnginePerson,
  FactorContribution,
  GateResult,
  MatchReason,
  MatchResult,
  PairDecisions,
} from './matching.types.ts';

// The matching engine (issue 6): a pure, deterministic function of a woman, an opportunity, the staff
// decisions standing on the pair and the context (today, the rules in force, skill names). No I/O, no clock.
//
// Gates, in this order (the first that fails is "the gate that blocked"):
//   open          the opportunity's status is open
//   places        places left > 0
//   availability  released → today; else her release date, or min(release, asimilasi) when the opportunity is
//                 open to asimilasi; a date already past counts as today. She must be available by the closing
//                 date, or by the start date when there is none.
//   consent       a current consent names the partner (or kind 'partner') AND the opportunity's kelurahan (or
//                 kind 'village')
//   age           with a legal minimum age: her age on the start date ≥ minAge; an unknown birth date blocks
//   restriction   her offence among the restricted ones → 'review', unless a corrections decision on the same
//                 restrictions version cleared it (passes) or refused it (blocks). No reason names the offence.
//   dismissed     a standing set-aside by staff blocks, with its reason code
// A pair is 'blocked' when any gate other than a pending restriction fails, 'review' when only the
// restriction waits for corrections, else 'eligible'. The score is computed for every pair (explanations).
//
// Factors (each a value 0–1; the score is Σ weight × value / Σ weight × 100, one decimal):
//   essentialSkills  mean credit over the essential skills (1 when there are none). The credit of a required
//                    skill is the best over her rows for it of evidence credit (rules.evidence) × level factor
//                    (1 when her level ≥ the minimum; rules.levelShortfall.oneLevel one step below, twoLevels two
//                    below; basic < intermediate < competent). No row at all = missing.
//   optionalSkills   the same over the optional skills (1 when there are none)
//   location         same kelurahan (organization or Kemendagri code) → sameVillage; else the code tier: same
//                    kecamatan (first 8 characters, '33.74.01') → sameKecamatan, same city (first 5, '33.74') →
//                    sameCity, else elsewhere; with both centroids known, elsewhere + (sameKecamatan − elsewhere)
//                    × max(0, 1 − km / maxDistanceKm) when that is more than the tier. Unknown place → elsewhere.
//   timing           wait = start − the day she is available (never negative): 1 up to fullDays, 0 from
//                    zeroDays, linear between
//   preferences      mean of the sector part (no sectors of interest 0.5; the opportunity's sector among them 1;
//                    else 0) and the working-pattern part (no constraint 1; part-time only: part-time or flexible
//                    1 else 0; childcare: flexible or part-time 1, shift work 0, else 0.5; both: the lower)
//   villageDemand    the kelurahan's demand strength for the sector / 5 (0..1)
// Gender, religion, ethnicity, age and offence are never score inputs.
//
// The score is rounded once, to one decimal (Math.round semantics); each factor's points likewise.
//
// Fast path for bulk work: compileOpportunities() once (skill ids interned, dates as day numbers, typed
// arrays, sorted in rank tie order: start date, then id), compilePerson() once per person, then quickScore()
// per pair with no allocation; it returns exactly evaluate().score, or a negative code (review / blocked gate).
// rankOpportunities, rankPeople and eligiblePairs are built on it and call evaluate() only for what they return.

// ---- dates: whole days on the UTC calendar ----

const MS_PER_DAY = 86_400_000;
const UNKNOWN_DAY = 0x7fffffff;

function toDay(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY
  );
}

function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** yyyymmdd as a number: comparing two of them compares the dates; + n × 10000 adds n years. */
function dateKey(iso: string): number {
  return Number(iso.slice(0, 4)) * 10000 + Number(iso.slice(5, 7)) * 100 + Number(iso.slice(8, 10));
}

/** dd/mm/yyyy, as the users read dates. */
function shown(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

// ---- the factor formulas, shared by evaluate() and quickScore() so both give the same number ----

const LEVEL_INDEX: Record<SkillLevel, number> = { basic: 0, intermediate: 1, competent: 2 };
const EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;

function levelFactor(level: number, minLevel: number, rules: MatchingRules): number {
  const below = minLevel - level;
  return below <= 0 ? 1 : below === 1 ? rules.levelShortfall.oneLevel : rules.levelShortfall.twoLevels;
}

/** Great-circle distance (haversine) from radians and the cosines of the latitudes. */
function distanceKm(
  lat1: number,
  lon1: number,
  cos1: number,
  lat2: number,
  lon2: number,
  cos2: number,
): number {
  const sinLat = Math.sin((lat2 - lat1) / 2);
  const sinLon = Math.sin((lon2 - lon1) / 2);
  const a = sinLat * sinLat + cos1 * cos2 * sinLon * sinLon;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(Math.min(a, 1)));
}

const TIER_VILLAGE = 0;
const TIER_KECAMATAN = 1;
const TIER_CITY = 2;
const TIER_ELSEWHERE = 3;

/** km: NaN when a centroid is unknown. */
function locationValue(tier: number, km: number, rules: MatchingRules): number {
  const l = rules.location;
  if (tier === TIER_VILLAGE) return l.sameVillage;
  const base = tier === TIER_KECAMATAN ? l.sameKecamatan : tier === TIER_CITY ? l.sameCity : l.elsewhere;
  if (Number.isNaN(km)) return base;
  const near = l.elsewhere + (l.sameKecamatan - l.elsewhere) * Math.max(0, 1 - km / l.maxDistanceKm);
  return Math.max(near, base);
}

/** 1 up to fullDays, 0 from zeroDays, linear between (clamped rather than branched: no mispredictions). */
function timingValue(wait: number, rules: MatchingRules): number {
  const t = rules.timing;
  return Math.min(1, Math.max(0, 1 - (wait - t.fullDays) / (t.zeroDays - t.fullDays)));
}

function patternValue(
  partTimeOnly: boolean,
  childcare: boolean,
  o: { partTime: boolean; flexible: boolean; shiftWork: boolean },
): number {
  let value = 1;
  if (partTimeOnly) value = o.partTime || o.flexible ? 1 : 0;
  if (childcare) {
    const care = o.flexible || o.partTime ? 1 : o.shiftWork ? 0 : 0.5;
    if (care < value) value = care;
  }
  return value;
}

function demandValue(strength: number): number {
  return !(strength > 0) ? 0 : strength >= 5 ? 1 : strength / 5;
}

const TIMING_TABLES = new WeakMap<MatchingRules, Float64Array>();

/** timingValue(0 … zeroDays), built once per rule set: the fast path reads it instead of dividing. */
function timingTable(rules: MatchingRules): Float64Array {
  let table = TIMING_TABLES.get(rules);
  if (table === undefined) {
    table = new Float64Array(rules.timing.zeroDays + 1);
    for (let wait = 0; wait < table.length; wait++) table[wait] = timingValue(wait, rules);
    TIMING_TABLES.set(rules, table);
  }
  return table;
}

/** The sector part of the preferences: no sectors of interest 0.5, among them 1, else 0. */
function sectorValue(preferred: readonly string[], sector: string): number {
  return preferred.length === 0 ? 0.5 : preferred.includes(sector) ? 1 : 0;
}

function weightSum(rules: MatchingRules): number {
  const w = rules.weights;
  return w.essentialSkills + w.optionalSkills + w.location + w.timing + w.preferences + w.villageDemand;
}

/** Σ weight × value is multiplied by this to give the score × 10 (a multiplication is cheaper than a division). */
function scoreScale(rules: MatchingRules): number {
  const sum = weightSum(rules);
  return sum > 0 ? 1000 / sum : 0;
}

/** k / 10 for k = 0 … 1001: the one-decimal scores, looked up rather than divided (once per pair). */
const TENTHS = Float64Array.from({ length: 1002 }, (_, k) => k / 10);

/** The score from Σ weight × value, summed in MATCH_FACTORS order by both evaluate() and quickScore(). */
function scoreOf(total: number, scale: number): number {
  // Math.round(x) / 10 for 0 ≤ x ≤ 1000 (x + 0.5 truncated is its floor; the one value Math.round rounds
  // otherwise, 0.49999999999999994, is below 0.5), without Math.round, Math.floor or a division, which V8
  // makes much slower.
  const x = total * scale;
  return x < 0.5 ? 0 : (TENTHS[(x + 0.5) | 0] as number);
}

function pointsOf(weight: number, value: number, sum: number): number {
  return sum > 0 ? Math.round(((weight * value) / sum) * 1000) / 10 : 0;
}

// ---- words ----

const SECTOR_NAMES: Record<string, { id: string; en: string }> = {
  garment: { id: 'garmen & menjahit', en: 'garment & sewing' },
  food: { id: 'makanan & minuman', en: 'food & drink' },
  beauty: { id: 'tata rias & salon', en: 'beauty & salon' },
  batik: { id: 'batik', en: 'batik' },
  craft: { id: 'kerajinan', en: 'crafts' },
  laundry: { id: 'binatu (laundry)', en: 'laundry' },
  urban_farming: { id: 'pertanian perkotaan', en: 'urban farming' },
  retail: { id: 'perdagangan & toko', en: 'retail & shops' },
  hospitality: { id: 'perhotelan & restoran', en: 'hotels & restaurants' },
  administration: { id: 'administrasi', en: 'administration' },
  other: { id: 'lainnya', en: 'other' },
};

const DISMISS_LABELS: Record<string, { id: string; en: string }> = {
  person_declined: { id: 'ia menolak', en: 'she declined' },
  family_or_care: { id: 'urusan keluarga atau pengasuhan', en: 'family or care duties' },
  health: { id: 'kesehatan', en: 'health' },
  distance_or_transport: { id: 'jarak atau transportasi', en: 'distance or transport' },
  partner_feedback: { id: 'masukan mitra', en: 'partner feedback' },
  better_option_chosen: {
    id: 'sudah dipilih peluang lain yang lebih baik',
    en: 'a better option was chosen',
  },
  other: { id: 'alasan lain', en: 'another reason' },
};

/** What each gate means, for "why not placed" summaries. */
export const GATE_LABELS: Record<MatchGate, { id: string; en: string }> = {
  open: { id: 'peluang tidak dibuka', en: 'the opportunity is not open' },
  places: { id: 'tidak ada tempat tersisa', en: 'no places left' },
  availability: { id: 'belum tersedia sebelum peluang ditutup', en: 'not available before it closes' },
  consent: { id: 'persetujuan berbagi data belum ada', en: 'no consent to share her data' },
  age: { id: 'usia minimum', en: 'minimum age' },
  restriction: { id: 'pembatasan peluang', en: "the opportunity's restrictions" },
  dismissed: { id: 'disisihkan petugas', en: 'set aside by staff' },
};

/** A name inside a sentence: 'Menjahit' → 'menjahit'; acronyms ('SKKNI …') kept. */
function inSentence(name: string): string {
  const second = name.charAt(1);
  if (second !== '' && second !== second.toLowerCase()) return name;
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function decimal(value: number, comma: boolean): string {
  const text = value.toFixed(1);
  return comma ? text.replace('.', ',') : text;
}

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`;
}

function reason(
  code: string,
  tone: MatchReason['tone'],
  factor: MatchFactor | null,
  params: MatchReason['params'],
  id: string,
  en: string,
): MatchReason {
  return { code, params, tone, factor, id, en };
}

// ---- evaluate: the full explanation of one pair ----

interface Availability {
  /** Day number; null when not known. */
  day: number | null;
  /** now: released or her date is past; release / asimilasi: the date she becomes available. */
  source: 'now' | 'release' | 'asimilasi';
}

function availabilityOf(person: EnginePerson, openToAsimilasi: boolean, today: number): Availability {
  const a = person.availability;
  if (a.released) return { day: today, source: 'now' };
  const release = a.releaseDate === null ? null : toDay(a.releaseDate);
  const asimilasi = openToAsimilasi && a.asimilasiDate !== null ? toDay(a.asimilasiDate) : null;
  let day: number | null = release;
  let source: Availability['source'] = 'release';
  if (asimilasi !== null && (day === null || asimilasi < day)) {
    day = asimilasi;
    source = 'asimilasi';
  }
  if (day === null) return { day: null, source };
  return day <= today ? { day: today, source: 'now' } : { day, source };
}

function gateReasonOpen(o: EngineOpportunity): MatchReason {
  const words =
    o.status === 'draft'
      ? { id: 'peluang belum dibuka', en: 'the opportunity is not open yet' }
      : o.status === 'filled'
        ? { id: 'peluang sudah terisi', en: 'the opportunity is filled' }
        : { id: 'peluang sudah ditutup', en: 'the opportunity is closed' };
  return reason('opportunity_not_open', 'negative', null, { status: o.status }, words.id, words.en);
}

function availabilityGate(o: EngineOpportunity, available: Availability): MatchReason | null {
  const deadline = o.closesOn ?? o.startOn;
  if (available.day === null) {
    return reason(
      'availability_unknown',
      'negative',
      null,
      {},
      'tanggal bebas belum diketahui',
      'her release date is not known',
    );
  }
  if (available.day <= toDay(deadline)) return null;
  const from = isoOf(available.day);
  if (o.closesOn !== null) {
    return reason(
      'available_after_close',
      'negative',
      null,
      { availableOn: from, closesOn: o.closesOn },
      `baru tersedia ${shown(from)}, peluang ditutup ${shown(o.closesOn)}`,
      `available only from ${shown(from)}, the opportunity closes ${shown(o.closesOn)}`,
    );
  }
  return reason(
    'available_after_start',
    'negative',
    null,
    { availableOn: from, startOn: o.startOn },
    `baru tersedia ${shown(from)}, peluang mulai ${shown(o.startOn)}`,
    `available only from ${shown(from)}, the opportunity starts ${shown(o.startOn)}`,
  );
}

function consentGate(p: EnginePerson, o: EngineOpportunity): MatchReason | null {
  const partner = p.consent.organizationIds.includes(o.partnerId) || p.consent.kinds.includes('partner');
  const village = p.consent.organizationIds.includes(o.villageId) || p.consent.kinds.includes('village');
  if (partner && village) return null;
  const params = { partnerName: o.partnerName, villageName: o.villageName };
  if (!partner && !village) {
    return reason(
      'consent_missing_both',
      'negative',
      null,
      params,
      `belum ada persetujuan berbagi data dengan mitra ${o.partnerName} dan kelurahan ${o.villageName}`,
      `no consent yet to share her data with the partner ${o.partnerName} and the kelurahan ${o.villageName}`,
    );
  }
  if (!partner) {
    return reason(
      'consent_missing_partner',
      'negative',
      null,
      params,
      `belum ada persetujuan berbagi data dengan mitra ${o.partnerName}`,
      `no consent yet to share her data with the partner ${o.partnerName}`,
    );
  }
  return reason(
    'consent_missing_village',
    'negative',
    null,
    params,
    `belum ada persetujuan berbagi data dengan kelurahan ${o.villageName}`,
    `no consent yet to share her data with the kelurahan ${o.villageName}`,
  );
}

function ageGate(p: EnginePerson, o: EngineOpportunity): MatchReason | null {
  if (o.minAge === null) return null;
  const params = { minAge: o.minAge };
  if (p.birthDate === null) {
    return reason(
      'birth_date_missing',
      'negative',
      null,
      params,
      `tanggal lahir belum tercatat (usia minimum ${o.minAge} tahun)`,
      `her birth date is not recorded (minimum age ${o.minAge})`,
    );
  }
  if (dateKey(p.birthDate) + o.minAge * 10000 <= dateKey(o.startOn)) return null;
  return reason(
    'below_min_age',
    'negative',
    null,
    params,
    `belum memenuhi usia minimum ${o.minAge} tahun`,
    `does not meet the minimum age of ${o.minAge}`,
  );
}

/** null: no restriction touches her; else passed (cleared), review or refused. */
function restrictionOf(
  p: EnginePerson,
  o: EngineOpportunity,
  d: PairDecisions | undefined,
): 'cleared' | 'review' | 'refused' | null {
  if (p.offenceCategory === null || !o.restrictedOffences.includes(p.offenceCategory)) return null;
  const review = d?.restriction;
  if (review === undefined || review.restrictionsVersion !== o.restrictionsVersion) return 'review';
  return review.kind === 'restriction_cleared' ? 'cleared' : 'refused';
}

function dismissedReason(code: string): MatchReason {
  const label = DISMISS_LABELS[code] ?? { id: code, en: code };
  return reason(
    'dismissed',
    'negative',
    null,
    { reasonCode: code },
    `disisihkan oleh petugas: ${label.id}`,
    `set aside by staff: ${label.en}`,
  );
}

function skillsFactor(
  p: EnginePerson,
  o: EngineOpportunity,
  ctx: EngineContext,
  reasons: MatchReason[],
  missingEssential: string[],
  missingOptional: string[],
): { essential: number; optional: number } {
  const rules = ctx.rules;
  let essentialSum = 0;
  let essentialCount = 0;
  let optionalSum = 0;
  let optionalCount = 0;
  for (const need of o.skills) {
    const minLevel = LEVEL_INDEX[need.minLevel];
    let credit = 0;
    let best: EnginePerson['skills'][number] | null = null;
    let bestCredit = -1;
    for (const row of p.skills) {
      if (row.skillId !== need.skillId) continue;
      const value = rules.evidence[row.evidence] * levelFactor(LEVEL_INDEX[row.level], minLevel, rules);
      if (value > credit) credit = value;
      if (value > bestCredit) {
        bestCredit = value;
        best = row;
      }
    }
    if (need.essential) {
      essentialSum += credit;
      essentialCount++;
    } else {
      optionalSum += credit;
      optionalCount++;
    }
    reasons.push(skillReason(need, best, ctx));
    if (best === null) (need.essential ? missingEssential : missingOptional).push(need.skillId);
  }
  return {
    essential: essentialCount === 0 ? 1 : essentialSum / essentialCount,
    optional: optionalCount === 0 ? 1 : optionalSum / optionalCount,
  };
}

function skillReason(
  need: EngineOpportunity['skills'][number],
  row: EnginePerson['skills'][number] | null,
  ctx: EngineContext,
): MatchReason {
  const names = ctx.skillNames.get(need.skillId);
  const nameId = names ? inSentence(names.id) : need.skillId;
  const nameEn = names ? inSentence(names.en) : need.skillId;
  const factor: MatchFactor = need.essential ? 'essentialSkills' : 'optionalSkills';
  const impId = need.essential ? 'wajib' : 'opsional';
  const impEn = need.essential ? 'essential' : 'optional';
  const params: MatchReason['params'] = {
    skillId: need.skillId,
    skillNameId: nameId,
    skillNameEn: nameEn,
    importance: impEn,
    minLevel: need.minLevel,
  };
  if (row === null) {
    return reason(
      'skill_missing',
      'negative',
      factor,
      params,
      `belum memiliki keterampilan ${nameId} (${impId})`,
      `does not yet have the skill ${nameEn} (${impEn})`,
    );
  }
  params.level = row.level;
  params.evidence = row.evidence;
  if (LEVEL_INDEX[row.level] < LEVEL_INDEX[need.minLevel]) {
    return reason(
      'skill_level_below',
      'negative',
      factor,
      params,
      `tingkat ${nameId} di bawah yang diminta (${impId})`,
      `her level in ${nameEn} is below the one required (${impEn})`,
    );
  }
  const words = {
    certified: [`memiliki sertifikat ${nameId}`, `has a certificate in ${nameEn}`],
    assessed: [`teruji ${nameId}`, `assessed in ${nameEn}`],
    trained: [`terlatih ${nameId}`, `trained in ${nameEn}`],
    self_reported: [`mengaku bisa ${nameId}`, `self-reports ${nameEn}`],
  }[row.evidence];
  return reason(
    `skill_${row.evidence}`,
    'positive',
    factor,
    params,
    `${words[0]} (${impId})`,
    `${words[1]} (${impEn})`,
  );
}

function known(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

type Site = Pick<EngineOpportunity, 'villageId' | 'villageCode' | 'latitude' | 'longitude'>;

/** Her place against the opportunity's: the tier (null when her place is unknown), km (NaN unknown), value. */
function locationOf(
  place: EnginePerson['place'],
  site: Site,
  rules: MatchingRules,
): { tier: number | null; km: number; value: number } {
  let tier: number | null;
  if (
    (place.villageId !== null && place.villageId === site.villageId) ||
    (place.villageCode && place.villageCode === site.villageCode)
  ) {
    tier = TIER_VILLAGE;
  } else if (place.villageCode && site.villageCode) {
    tier =
      place.villageCode.slice(0, 8) === site.villageCode.slice(0, 8)
        ? TIER_KECAMATAN
        : place.villageCode.slice(0, 5) === site.villageCode.slice(0, 5)
          ? TIER_CITY
          : TIER_ELSEWHERE;
  } else {
    tier = place.villageId !== null || place.villageCode ? TIER_ELSEWHERE : null;
  }
  let km = Number.NaN;
  if (
    tier !== TIER_VILLAGE &&
    known(place.latitude) &&
    known(place.longitude) &&
    known(site.latitude) &&
    known(site.longitude)
  ) {
    const lat1 = place.latitude * RADIANS;
    const lat2 = site.latitude * RADIANS;
    km = distanceKm(
      lat1,
      place.longitude * RADIANS,
      Math.cos(lat1),
      lat2,
      site.longitude * RADIANS,
      Math.cos(lat2),
    );
  }
  return { tier, km, value: locationValue(tier ?? TIER_ELSEWHERE, km, rules) };
}

function locationFactor(
  p: EnginePerson,
  o: EngineOpportunity,
  rules: MatchingRules,
  reasons: MatchReason[],
): number {
  const { tier, km, value } = locationOf(p.place, o, rules);
  const place = p.place;
  const intended = place.source === 'intended';
  const l = rules.location;
  const params = { source: place.source ?? 'unknown', villageName: o.villageName };
  if (tier === TIER_VILLAGE) {
    reasons.push(
      reason(
        'location_same_village',
        'positive',
        'location',
        params,
        intended ? 'akan tinggal di kelurahan yang sama' : 'tinggal di kelurahan yang sama',
        intended ? 'will live in the same kelurahan' : 'lives in the same kelurahan',
      ),
    );
    return value;
  }
  if (tier === null) {
    reasons.push(
      reason(
        'location_unknown',
        'neutral',
        'location',
        params,
        'tempat tinggalnya belum tercatat',
        'where she will live is not recorded yet',
      ),
    );
  } else {
    const words =
      tier === TIER_KECAMATAN
        ? {
            code: 'location_same_kecamatan',
            id: 'di kecamatan yang sama',
            en: 'in the same kecamatan',
            tone: 'positive',
          }
        : tier === TIER_CITY
          ? { code: 'location_same_city', id: 'di kota yang sama', en: 'in the same city', tone: 'neutral' }
          : { code: 'location_elsewhere', id: 'di luar kota', en: 'in another city', tone: 'negative' };
    reasons.push(
      reason(
        words.code,
        words.tone as MatchReason['tone'],
        'location',
        params,
        `${intended ? 'kelurahan tujuan' : 'domisili'} ${words.id}`,
        `${intended ? 'her intended kelurahan is' : 'lives'} ${words.en}`,
      ),
    );
  }
  if (!Number.isNaN(km)) {
    const rounded = Math.round(km * 10) / 10;
    // Near: within a third of the distance that still counts; far: beyond it.
    const tone = km <= l.maxDistanceKm / 3 ? 'positive' : km >= l.maxDistanceKm ? 'negative' : 'neutral';
    reasons.push(
      reason(
        'location_distance',
        tone,
        'location',
        { ...params, km: rounded },
        `± ${decimal(rounded, true)} km dari ${intended ? 'kelurahan tujuannya' : 'tempat tinggalnya'}`,
        `± ${decimal(rounded, false)} km from ${intended ? 'her intended kelurahan' : 'where she lives'}`,
      ),
    );
  }
  return value;
}

function timingFactor(
  o: EngineOpportunity,
  available: Availability,
  rules: MatchingRules,
  reasons: MatchReason[],
): number {
  if (available.day === null) {
    reasons.push(
      reason(
        'timing_unknown',
        'neutral',
        'timing',
        {},
        'tanggal ia tersedia belum diketahui',
        'when she becomes available is not known',
      ),
    );
    return 0;
  }
  const gap = toDay(o.startOn) - available.day;
  const wait = Math.max(gap, 0);
  const value = timingValue(wait, rules);
  const tone =
    wait <= rules.timing.fullDays ? 'positive' : wait >= rules.timing.zeroDays ? 'negative' : 'neutral';
  const params = { days: wait, source: available.source };
  const after =
    available.source === 'release'
      ? {
          id: 'setelah ia bebas',
          en: 'after her release',
          asap: ['begitu ia bebas', 'as soon as she is released'],
        }
      : {
          id: 'setelah ia boleh bekerja lewat asimilasi',
          en: 'after she may work on asimilasi',
          asap: ['begitu ia boleh bekerja lewat asimilasi', 'as soon as she may work on asimilasi'],
        };
  if (available.source === 'now') {
    reasons.push(
      wait === 0
        ? reason('timing_now', tone, 'timing', params, 'dapat segera mulai', 'can start right away')
        : reason('timing_days', tone, 'timing', params, `mulai ${wait} hari lagi`, `starts in ${days(wait)}`),
    );
  } else if (wait === 0) {
    reasons.push(
      reason(
        'timing_on_available',
        tone,
        'timing',
        params,
        `dapat mulai ${after.asap[0]}`,
        `can start ${after.asap[1]}`,
      ),
    );
  } else {
    reasons.push(
      reason(
        'timing_days_after',
        tone,
        'timing',
        params,
        `mulai ${wait} hari ${after.id}`,
        `starts ${days(wait)} ${after.en}`,
      ),
    );
  }
  return value;
}

function sectorWords(sector: string): { id: string; en: string } {
  return SECTOR_NAMES[sector] ?? { id: sector, en: sector };
}

function preferencesFactor(p: EnginePerson, o: EngineOpportunity, reasons: MatchReason[]): number {
  const sector = sectorWords(o.sector);
  const sectorPart = sectorValue(p.preferredSectors, o.sector);
  if (p.preferredSectors.length === 0) {
    reasons.push(
      reason(
        'sector_interest_unknown',
        'neutral',
        'preferences',
        { sector: o.sector },
        'minat sektornya belum tercatat',
        'her sector interests are not recorded',
      ),
    );
  } else if (sectorPart === 1) {
    reasons.push(
      reason(
        'sector_interest',
        'positive',
        'preferences',
        { sector: o.sector },
        `sesuai minatnya di sektor ${sector.id}`,
        `matches her interest in ${sector.en}`,
      ),
    );
  } else {
    reasons.push(
      reason(
        'sector_not_interest',
        'negative',
        'preferences',
        { sector: o.sector },
        `di luar sektor minatnya (${sector.id})`,
        `outside the sectors she is interested in (${sector.en})`,
      ),
    );
  }
  const { partTimeOnly, childcare } = p.constraints;
  if (partTimeOnly) {
    reasons.push(
      o.partTime || o.flexible
        ? reason(
            'part_time_fits',
            'positive',
            'preferences',
            {},
            'jam kerja sesuai kebutuhannya bekerja paruh waktu',
            'the hours suit her need to work part-time',
          )
        : reason(
            'part_time_needed',
            'negative',
            'preferences',
            {},
            'ia hanya bisa bekerja paruh waktu',
            'she can only work part-time',
          ),
    );
  }
  if (childcare) {
    reasons.push(
      o.flexible || o.partTime
        ? reason(
            'childcare_fits',
            'positive',
            'preferences',
            {},
            'jam kerja cocok dengan pengasuhan anak',
            'the hours fit her childcare',
          )
        : o.shiftWork
          ? reason(
              'childcare_shift_work',
              'negative',
              'preferences',
              {},
              'kerja bergilir sulit dengan pengasuhan anak',
              'shift work is hard to combine with her childcare',
            )
          : reason(
              'childcare_check_hours',
              'neutral',
              'preferences',
              {},
              'jam kerja tetap: perlu dicocokkan dengan pengasuhan anak',
              'fixed hours: to be checked against her childcare',
            ),
    );
  }
  return (sectorPart + patternValue(partTimeOnly, childcare, o)) / 2;
}

function demandFactor(o: EngineOpportunity, reasons: MatchReason[]): number {
  const value = demandValue(o.demandStrength);
  const sector = sectorWords(o.sector);
  const params = { sector: o.sector, strength: o.demandStrength, villageName: o.villageName };
  if (value === 0) {
    reasons.push(
      reason(
        'village_demand_none',
        'neutral',
        'villageDemand',
        params,
        `kelurahan belum mencatat kebutuhan di sektor ${sector.id}`,
        `the kelurahan has recorded no demand for ${sector.en}`,
      ),
    );
  } else if (o.demandStrength >= 4) {
    reasons.push(
      reason(
        'village_demand_strong',
        'positive',
        'villageDemand',
        params,
        `kelurahan sangat membutuhkan sektor ${sector.id}`,
        `the kelurahan has a strong demand for ${sector.en}`,
      ),
    );
  } else {
    reasons.push(
      reason(
        'village_demand',
        'positive',
        'villageDemand',
        params,
        `kelurahan membutuhkan sektor ${sector.id}`,
        `the kelurahan has a demand for ${sector.en}`,
      ),
    );
  }
  return value;
}

/** The full explanation of one pair: every gate, every factor, the reasons in Indonesian and English. */
export function evaluate(
  person: EnginePerson,
  opportunity: EngineOpportunity,
  decisions: PairDecisions | undefined,
  ctx: EngineContext,
): MatchResult {
  const o = opportunity;
  const rules = ctx.rules;
  const today = toDay(ctx.today);
  const available = availabilityOf(person, o.openToAsimilasi, today);

  const restriction = restrictionOf(person, o, decisions);
  const gateReasons: Record<MatchGate, MatchReason | null> = {
    open: o.status === 'open' ? null : gateReasonOpen(o),
    places:
      o.placesLeft > 0
        ? null
        : reason('no_places_left', 'negative', null, {}, 'tidak ada tempat tersisa', 'no places left'),
    availability: availabilityGate(o, available),
    consent: consentGate(person, o),
    age: ageGate(person, o),
    restriction:
      restriction === 'review'
        ? reason(
            'restriction_review',
            'neutral',
            null,
            {},
            'pembatasan peluang perlu ditinjau petugas pemasyarakatan',
            "the opportunity's restrictions need a review by corrections staff",
          )
        : restriction === 'refused'
          ? reason(
              'restriction_refused',
              'negative',
              null,
              {},
              'ditolak setelah ditinjau petugas pemasyarakatan',
              'refused after a review by corrections staff',
            )
          : null,
    dismissed: decisions?.dismissed ? dismissedReason(decisions.dismissed.reasonCode) : null,
  };
  const gates: GateResult[] = MATCH_GATES.map((gate) => ({
    gate,
    passed: gateReasons[gate] === null,
    reason: gateReasons[gate],
  }));
  const blocked = gates.some((g) => !g.passed && !(g.gate === 'restriction' && restriction === 'review'));
  const status: MatchResult['status'] = blocked
    ? 'blocked'
    : restriction === 'review'
      ? 'review'
      : 'eligible';

  const reasons: MatchReason[] = [];
  const missingEssential: string[] = [];
  const missingOptional: string[] = [];
  const skills = skillsFactor(person, o, ctx, reasons, missingEssential, missingOptional);
  const values: Record<MatchFactor, number> = {
    essentialSkills: skills.essential,
    optionalSkills: skills.optional,
    location: locationFactor(person, o, rules, reasons),
    timing: timingFactor(o, available, rules, reasons),
    preferences: preferencesFactor(person, o, reasons),
    villageDemand: demandFactor(o, reasons),
  };
  const w = rules.weights;
  const sum = weightSum(rules);
  const total =
    w.essentialSkills * values.essentialSkills +
    w.optionalSkills * values.optionalSkills +
    w.location * values.location +
    w.timing * values.timing +
    w.preferences * values.preferences +
    w.villageDemand * values.villageDemand;
  const factors: FactorContribution[] = (Object.keys(values) as MatchFactor[]).map((factor) => ({
    factor,
    weight: w[factor],
    value: values[factor],
    points: pointsOf(w[factor], values[factor], sum),
  }));

  return {
    personId: person.id,
    opportunityId: o.id,
    status,
    score: scoreOf(total, scoreScale(rules)),
    gates,
    factors,
    reasons,
    missingEssential,
    missingOptional,
    ruleVersion: ctx.ruleVersion,
  };
}

// ---- the fast path ----

/** quickScore() codes below 0: a pair waiting for corrections review, or the gate that blocked it. */
export const QUICK_REVIEW = -1;
/** The code of a pair blocked by `gate` (-2 for open … -8 for dismissed). */
export function blockedCode(gate: MatchGate): number {
  return -2 - MATCH_GATES.indexOf(gate);
}
/** The gate a quickScore() code names; null for a score or review. */
export function blockedGate(code: number): MatchGate | null {
  return code <= -2 ? (MATCH_GATES[-2 - code] ?? null) : null;
}

const BLOCKED_OPEN = -2;
const BLOCKED_PLACES = -3;
const BLOCKED_AVAILABILITY = -4;
const BLOCKED_CONSENT = -5;
const BLOCKED_AGE = -6;
const BLOCKED_RESTRICTION = -7;
const BLOCKED_DISMISSED = -8;

// The per-opportunity integers the gates and the score read, packed in one record of INT_STRIDE (64 bytes):
// all a pair reads of the opportunity but its skill rows, instead of one cache line per array.
const I_GATE = 0; // 0, or the code of the open / places gate
const I_ASIMILASI = 1; // 1 when open to asimilasi
const I_DEADLINE = 2; // day number of closesOn ?? startOn
const I_START = 3; // day number of startOn
const I_MIN_AGE = 4; // -1: none
const I_START_KEY = 5; // yyyymmdd of startOn
const I_PARTNER = 6; // organization index
const I_VILLAGE = 7; // organization index
const I_SITE = 8; // index in sites
const I_SECTOR = 9; // sector index
const I_SKILLS = 10; // first row in skills: the essential ones, then from I_SKILLS_OPTIONAL the optional ones
const I_SKILLS_OPTIONAL = 11;
const I_SKILLS_END = 12;
// The working-pattern value by her constraints c = (partTimeOnly ? 1 : 0) + (childcare ? 2 : 0), as 2 × value
// in bits 2c..2c+1, and from bit 8 the index of the demand value in demandValues.
const I_PREFERENCES = 13;
const PATTERN_VALUES = [0, 0.5, 1, 1] as const;
const I_RESTRICTIONS = 14; // first row in restrictions
const I_RESTRICTIONS_END = 15;
const INT_STRIDE = 16;

/**
 * Opportunities prepared for bulk scoring. Index i everywhere (quickScore, eligiblePairs) is the position in
 * `items`, which are sorted in rank tie order: start date ascending, then id. The other fields are internal.
 */
export interface CompiledOpportunities {
  readonly count: number;
  readonly items: readonly EngineOpportunity[];
  readonly ids: readonly string[];
  readonly indexById: ReadonlyMap<string, number>;
  readonly skillIndex: ReadonlyMap<string, number>;
  readonly orgIndex: ReadonlyMap<string, number>;
  readonly offenceIndex: ReadonlyMap<string, number>;
  readonly sectorIndex: ReadonlyMap<string, number>;
  /** The distinct places (kelurahan, code, centroid) of the opportunities, one opportunity standing for each. */
  readonly sites: readonly EngineOpportunity[];
  /** INT_STRIDE integers per opportunity (I_* offsets). */
  readonly ints: Int32Array;
  /** The distinct village demand values (I_PREFERENCES points here). */
  readonly demandValues: Float64Array;
  /** Required skills (skill index × 3 + minimum level index), essential ones first, each kind in the given order. */
  readonly skills: Int32Array;
  /** The opportunities open with places left (the others are blocked whoever she is), ascending. */
  readonly live: Int32Array;
  /** Opportunities blocked by the open gate, and by the places gate. */
  readonly notOpenCount: number;
  readonly noPlacesCount: number;
  /** Restricted offences (offence indices). */
  readonly restrictions: Int32Array;
  readonly restrictionsVersion: Int32Array;
}

function intern(map: Map<string, number>, key: string): number {
  let index = map.get(key);
  if (index === undefined) {
    index = map.size;
    map.set(key, index);
  }
  return index;
}

/** Prepares opportunities for quickScore(): interned ids, day numbers, typed arrays; sorted by start, then id. */
export function compileOpportunities(opportunities: readonly EngineOpportunity[]): CompiledOpportunities {
  const n = opportunities.length;
  const skillIndex = new Map<string, number>();
  const orgIndex = new Map<string, number>();
  const offenceIndex = new Map<string, number>();
  const sectorIndex = new Map<string, number>();
  const siteIndex = new Map<string, number>();
  const indexById = new Map<string, number>();
  const sites: EngineOpportunity[] = [];
  const days = new Map<string, number>();
  const dayOf = (iso: string) => {
    let day = days.get(iso);
    if (day === undefined) {
      day = toDay(iso);
      days.set(iso, day);
    }
    return day;
  };
  // Rank tie order: start date, then id (compared as numbers first: far cheaper than strings).
  const starts = opportunities.map((o) => dayOf(o.startOn));
  const order = opportunities.map((_, k) => k);
  order.sort((a, b) => {
    const byStart = (starts[a] as number) - (starts[b] as number);
    if (byStart !== 0) return byStart;
    const x = (opportunities[a] as EngineOpportunity).id;
    const y = (opportunities[b] as EngineOpportunity).id;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const items = order.map((k) => opportunities[k] as EngineOpportunity);

  let skillRows = 0;
  let restrictionRows = 0;
  for (const o of items) {
    skillRows += o.skills.length;
    restrictionRows += o.restrictedOffences.length;
  }
  const ints = new Int32Array(n * INT_STRIDE);
  const demandIndex = new Map<number, number>();
  const skills = new Int32Array(skillRows);
  const restrictions = new Int32Array(restrictionRows);
  const restrictionsVersion = new Int32Array(n);
  const live: number[] = [];
  let notOpenCount = 0;
  let noPlacesCount = 0;
  let skillAt = 0;
  let restrictionAt = 0;
  for (let i = 0; i < n; i++) {
    const o = items[i] as EngineOpportunity;
    const r = i * INT_STRIDE;
    indexById.set(o.id, i);
    const gate = o.status !== 'open' ? BLOCKED_OPEN : o.placesLeft > 0 ? 0 : BLOCKED_PLACES;
    ints[r + I_GATE] = gate;
    if (gate === 0) live.push(i);
    else if (gate === BLOCKED_OPEN) notOpenCount++;
    else noPlacesCount++;
    ints[r + I_ASIMILASI] = o.openToAsimilasi ? 1 : 0;
    ints[r + I_DEADLINE] = dayOf(o.closesOn ?? o.startOn);
    ints[r + I_START] = dayOf(o.startOn);
    ints[r + I_MIN_AGE] = o.minAge === null ? -1 : o.minAge;
    ints[r + I_START_KEY] = dateKey(o.startOn);
    ints[r + I_PARTNER] = intern(orgIndex, o.partnerId);
    ints[r + I_VILLAGE] = intern(orgIndex, o.villageId);
    const site = intern(siteIndex, `${o.villageId}|${o.villageCode}|${o.latitude}|${o.longitude}`);
    if (site === sites.length) sites.push(o);
    ints[r + I_SITE] = site;
    ints[r + I_SECTOR] = intern(sectorIndex, o.sector);
    ints[r + I_SKILLS] = skillAt;
    for (const need of o.skills) {
      if (need.essential)
        skills[skillAt++] = intern(skillIndex, need.skillId) * 3 + LEVEL_INDEX[need.minLevel];
    }
    ints[r + I_SKILLS_OPTIONAL] = skillAt;
    for (const need of o.skills) {
      if (!need.essential)
        skills[skillAt++] = intern(skillIndex, need.skillId) * 3 + LEVEL_INDEX[need.minLevel];
    }
    ints[r + I_SKILLS_END] = skillAt;
    ints[r + I_RESTRICTIONS] = restrictionAt;
    for (const offence of o.restrictedOffences) restrictions[restrictionAt++] = intern(offenceIndex, offence);
    ints[r + I_RESTRICTIONS_END] = restrictionAt;
    restrictionsVersion[i] = o.restrictionsVersion;
    let patterns = 0;
    for (let constraints = 0; constraints < 4; constraints++) {
      // 0, 0.5 or 1: stored as 0, 1, 2 and read back from PATTERN_VALUES, the same numbers.
      const value = patternValue((constraints & 1) === 1, (constraints & 2) === 2, o);
      patterns |= (value * 2) << (constraints * 2);
    }
    const demand = demandValue(o.demandStrength);
    let demandAt = demandIndex.get(demand);
    if (demandAt === undefined) {
      demandAt = demandIndex.size;
      demandIndex.set(demand, demandAt);
    }
    ints[r + I_PREFERENCES] = patterns | (demandAt << 8);
  }
  return {
    count: n,
    items,
    ids: items.map((o) => o.id),
    indexById,
    skillIndex,
    orgIndex,
    offenceIndex,
    sectorIndex,
    sites,
    ints,
    demandValues: Float64Array.from(demandIndex.keys()),
    skills,
    live: Int32Array.from(live),
    notOpenCount,
    noPlacesCount,
    restrictions,
    restrictionsVersion,
  };
}

/** One person prepared against one CompiledOpportunities (and one context). The fields are internal. */
export interface CompiledPerson {
  readonly id: string;
  readonly person: EnginePerson;
  readonly rules: MatchingRules;
  readonly scale: number;
  /** The weights, in MATCH_FACTORS order. */
  readonly wEssential: number;
  readonly wOptional: number;
  readonly wLocation: number;
  readonly wTiming: number;
  readonly wPreferences: number;
  readonly wDemand: number;
  /** timingValue by days of wait, 0 … zeroDays (later is 0 too). */
  readonly timing: Float64Array;
  readonly timingLast: number;
  /** Her best credit per skill cell (skill index × 3 + minimum level index). */
  readonly credit: Float64Array;
  readonly consentAllPartners: boolean;
  readonly consentAllVillages: boolean;
  /** 1 per organization index her consents name; null when they name none. */
  readonly consentOrgs: Uint8Array | null;
  readonly availablePlain: number;
  readonly availableAsimilasi: number;
  /** yyyymmdd; -1 unknown. */
  readonly birthKey: number;
  /** -1: no offence, or one no opportunity restricts. */
  readonly offence: number;
  /** Her location value for each of compiled.sites. */
  readonly location: Float64Array;
  /** Her sector part of the preferences for each sector index. */
  readonly sectorPart: Float64Array;
  /** (partTimeOnly ? 1 : 0) + (childcare ? 2 : 0) */
  readonly constraints: number;
}

/** Prepares one person for quickScore() against `compiled`: her credit per skill, consent, availability. */
export function compilePerson(
  person: EnginePerson,
  compiled: CompiledOpportunities,
  ctx: EngineContext,
): CompiledPerson {
  const rules = ctx.rules;
  const today = toDay(ctx.today);
  const credit = new Float64Array(compiled.skillIndex.size * 3);
  for (const row of person.skills) {
    const skill = compiled.skillIndex.get(row.skillId);
    if (skill === undefined) continue;
    const evidence = rules.evidence[row.evidence];
    const level = LEVEL_INDEX[row.level];
    for (let m = 0; m < 3; m++) {
      const value = evidence * levelFactor(level, m, rules);
      if (value > (credit[skill * 3 + m] as number)) credit[skill * 3 + m] = value;
    }
  }
  let consentOrgs: Uint8Array | null = null;
  for (const id of person.consent.organizationIds) {
    const org = compiled.orgIndex.get(id);
    if (org === undefined) continue;
    consentOrgs ??= new Uint8Array(compiled.orgIndex.size);
    consentOrgs[org] = 1;
  }
  const a = person.availability;
  const release = a.releaseDate === null ? UNKNOWN_DAY : Math.max(today, toDay(a.releaseDate));
  const asimilasi = a.asimilasiDate === null ? UNKNOWN_DAY : Math.max(today, toDay(a.asimilasiDate));
  const location = new Float64Array(compiled.sites.length);
  for (let k = 0; k < location.length; k++) {
    location[k] = locationOf(person.place, compiled.sites[k] as EngineOpportunity, rules).value;
  }
  const sectorPart = new Float64Array(compiled.sectorIndex.size);
  for (const [sector, index] of compiled.sectorIndex)
    sectorPart[index] = sectorValue(person.preferredSectors, sector);
  return {
    id: person.id,
    person,
    rules,
    scale: scoreScale(rules),
    wEssential: rules.weights.essentialSkills,
    wOptional: rules.weights.optionalSkills,
    wLocation: rules.weights.location,
    wTiming: rules.weights.timing,
    wPreferences: rules.weights.preferences,
    wDemand: rules.weights.villageDemand,
    timing: timingTable(rules),
    timingLast: rules.timing.zeroDays,
    credit,
    consentAllPartners: person.consent.kinds.includes('partner'),
    consentAllVillages: person.consent.kinds.includes('village'),
    consentOrgs,
    availablePlain: a.released ? today : release,
    availableAsimilasi: a.released ? today : Math.min(release, asimilasi),
    birthKey: person.birthDate === null ? -1 : dateKey(person.birthDate),
    offence: person.offenceCategory === null ? -1 : (compiled.offenceIndex.get(person.offenceCategory) ?? -1),
    location,
    sectorPart,
    constraints: (person.constraints.partTimeOnly ? 1 : 0) + (person.constraints.childcare ? 2 : 0),
  };
}

/** The score of pair (p, i) whatever its gates; `available` is her day for this opportunity. */
function scoreAt(p: CompiledPerson, c: CompiledOpportunities, i: number, available: number): number {
  // Kept small enough for V8 to inline into the loops. `available` is known: the availability gate passed.
  const ints = c.ints;
  const r = i * INT_STRIDE;
  const skills = c.skills;
  const credit = p.credit;
  // Essential rows, then optional ones: two loops without a branch inside, each summing in the given order.
  const start = ints[r + I_SKILLS] as number;
  const middle = ints[r + I_SKILLS_OPTIONAL] as number;
  const end = ints[r + I_SKILLS_END] as number;
  let essentialSum = 0;
  for (let k = start; k < middle; k++) essentialSum += credit[skills[k] as number] as number;
  let optionalSum = 0;
  for (let k = middle; k < end; k++) optionalSum += credit[skills[k] as number] as number;
  const packed = ints[r + I_PREFERENCES] as number;
  const wait = Math.min(Math.max((ints[r + I_START] as number) - available, 0), p.timingLast);
  // The same sum, in the same order, as evaluate().
  const total =
    p.wEssential * (middle === start ? 1 : essentialSum / (middle - start)) +
    p.wOptional * (end === middle ? 1 : optionalSum / (end - middle)) +
    p.wLocation * (p.location[ints[r + I_SITE] as number] as number) +
    p.wTiming * (p.timing[wait] as number) +
    p.wPreferences *
      (((p.sectorPart[ints[r + I_SECTOR] as number] as number) +
        (PATTERN_VALUES[(packed >> (p.constraints * 2)) & 3] as number)) /
        2) +
    p.wDemand * (c.demandValues[packed >> 8] as number);
  return scoreOf(total, p.scale);
}

/**
 * The score of pair (person, opportunity i), exactly evaluate().score, with no allocation; or QUICK_REVIEW
 * (-1) when a restriction waits for corrections, or blockedCode(gate) (≤ -2) for the first gate that blocks.
 */
export function quickScore(
  p: CompiledPerson,
  c: CompiledOpportunities,
  i: number,
  decisions?: PairDecisions,
): number {
  const ints = c.ints;
  const r = i * INT_STRIDE;
  const base = ints[r + I_GATE] as number;
  if (base !== 0) return base;
  const available = ints[r + I_ASIMILASI] === 1 ? p.availableAsimilasi : p.availablePlain;
  if (available > (ints[r + I_DEADLINE] as number)) return BLOCKED_AVAILABILITY;
  const orgs = p.consentOrgs;
  if (
    !(p.consentAllPartners || (orgs !== null && orgs[ints[r + I_PARTNER] as number] === 1)) ||
    !(p.consentAllVillages || (orgs !== null && orgs[ints[r + I_VILLAGE] as number] === 1))
  ) {
    return BLOCKED_CONSENT;
  }
  const minAge = ints[r + I_MIN_AGE] as number;
  if (minAge >= 0 && (p.birthKey < 0 || p.birthKey + minAge * 10000 > (ints[r + I_START_KEY] as number))) {
    return BLOCKED_AGE;
  }
  let review = false;
  if (p.offence >= 0) {
    const end = ints[r + I_RESTRICTIONS_END] as number;
    for (let k = ints[r + I_RESTRICTIONS] as number; k < end; k++) {
      if (c.restrictions[k] !== p.offence) continue;
      const decided = decisions?.restriction;
      if (decided === undefined || decided.restrictionsVersion !== c.restrictionsVersion[i]) review = true;
      else if (decided.kind === 'restriction_refused') return BLOCKED_RESTRICTION;
      break;
    }
  }
  if (decisions?.dismissed) return BLOCKED_DISMISSED;
  if (review) return QUICK_REVIEW;
  return scoreAt(p, c, i, available);
}

/** Her day for opportunity i (asimilasi counts where the opportunity allows it). */
function availableFor(p: CompiledPerson, c: CompiledOpportunities, i: number): number {
  return c.ints[i * INT_STRIDE + I_ASIMILASI] === 1 ? p.availableAsimilasi : p.availablePlain;
}

// ---- ranking ----

/** The best k by (score desc, tie asc), kept in a heap whose root is the worst kept. */
class TopK {
  readonly capacity: number;
  size = 0;
  readonly scores: Float64Array;
  readonly ties: Int32Array;
  readonly items: Int32Array;

  constructor(capacity: number) {
    this.capacity = Math.max(0, Math.floor(capacity));
    this.scores = new Float64Array(this.capacity);
    this.ties = new Int32Array(this.capacity);
    this.items = new Int32Array(this.capacity);
  }

  private worse(a: number, b: number): boolean {
    const sa = this.scores[a] as number;
    const sb = this.scores[b] as number;
    return sa < sb || (sa === sb && (this.ties[a] as number) > (this.ties[b] as number));
  }

  private swap(a: number, b: number): void {
    const s = this.scores[a] as number;
    this.scores[a] = this.scores[b] as number;
    this.scores[b] = s;
    const t = this.ties[a] as number;
    this.ties[a] = this.ties[b] as number;
    this.ties[b] = t;
    const x = this.items[a] as number;
    this.items[a] = this.items[b] as number;
    this.items[b] = x;
  }

  offer(score: number, tie: number, item: number): void {
    if (this.size < this.capacity) {
      let at = this.size++;
      this.scores[at] = score;
      this.ties[at] = tie;
      this.items[at] = item;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.worse(at, parent)) break;
        this.swap(at, parent);
        at = parent;
      }
      return;
    }
    if (this.capacity === 0) return;
    const rootScore = this.scores[0] as number;
    if (score < rootScore || (score === rootScore && tie > (this.ties[0] as number))) return;
    this.scores[0] = score;
    this.ties[0] = tie;
    this.items[0] = item;
    let at = 0;
    for (;;) {
      const left = at * 2 + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && this.worse(right, left) ? right : left;
      if (!this.worse(child, at)) break;
      this.swap(child, at);
      at = child;
    }
  }

  /** The slots kept, best first. */
  private order(): number[] {
    const order = Array.from({ length: this.size }, (_, k) => k);
    return order.sort((a, b) => {
      const sa = this.scores[a] as number;
      const sb = this.scores[b] as number;
      return sa !== sb ? sb - sa : (this.ties[a] as number) - (this.ties[b] as number);
    });
  }

  /** The items kept, best first; empties the heap. */
  drain(): number[] {
    const items = this.order().map((k) => this.items[k] as number);
    this.size = 0;
    return items;
  }

  /** Visits the items kept with their scores, best first; empties the heap. */
  drainInto(visit: (item: number, score: number) => void): void {
    for (const k of this.order()) visit(this.items[k] as number, this.scores[k] as number);
    this.size = 0;
  }
}

export interface RankOptions<Key extends string> {
  /** How many recommendations to return. */
  limit: number;
  /** How many pairs in review to return (best first, at/above minScore); default `limit`. */
  reviewLimit?: number;
  /** Staff decisions by the other side's id (opportunity id for rankOpportunities, person id for rankPeople). */
  decisions?: ReadonlyMap<Key, PairDecisions>;
  /** Default ctx.rules.minScore. */
  minScore?: number;
}

export interface RankResult {
  /** The best `limit` eligible pairs with score ≥ minScore, best first, fully explained. */
  recommendations: MatchResult[];
  /** Pairs a restriction sends to corrections review with score ≥ minScore, best first (at most reviewLimit). */
  review: MatchResult[];
  /** Pairs looked at. */
  evaluatedCount: number;
  /** Eligible pairs with score ≥ minScore (all, not only the returned). */
  eligibleCount: number;
  /** Eligible pairs below minScore. */
  belowMinScoreCount: number;
  /** Pairs in review (any score). */
  reviewCount: number;
  blockedCount: number;
  /** Blocked pairs by the first gate that blocked them. */
  blockedByGate: Record<MatchGate, number>;
}

/** Counts by gate from counts indexed by -2 - code (Int32Array: a string-keyed increment per pair is slow). */
function gateCounts(counts: Int32Array): Record<MatchGate, number> {
  return Object.fromEntries(MATCH_GATES.map((gate, index) => [gate, counts[index] ?? 0])) as Record<
    MatchGate,
    number
  >;
}

interface SortedDecisions {
  index: Int32Array;
  items: PairDecisions[];
}

const NO_DECISIONS: SortedDecisions = { index: new Int32Array(0), items: [] };

/** Decisions keyed by opportunity id as (compiled index ascending, decisions), for a walk in index order. */
function sortDecisions(
  compiled: CompiledOpportunities,
  decisions: ReadonlyMap<string, PairDecisions> | undefined,
): SortedDecisions {
  if (decisions === undefined || decisions.size === 0) return NO_DECISIONS;
  const pairs: [number, PairDecisions][] = [];
  for (const [id, d] of decisions) {
    const index = compiled.indexById.get(id);
    if (index !== undefined) pairs.push([index, d]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  return { index: Int32Array.from(pairs, (p) => p[0]), items: pairs.map((p) => p[1]) };
}

/** The opportunities that suit one person best, among compiled ones; full explanations only for those returned. */
export function rankOpportunities(
  person: EnginePerson,
  compiled: CompiledOpportunities,
  ctx: EngineContext,
  options: RankOptions<string>,
): RankResult {
  const p = compilePerson(person, compiled, ctx);
  const minScore = options.minScore ?? ctx.rules.minScore;
  const best = new TopK(options.limit);
  const inReview = new TopK(options.reviewLimit ?? options.limit);
  const decided = sortDecisions(compiled, options.decisions);
  const byGate = new Int32Array(MATCH_GATES.length);
  byGate[0] = compiled.notOpenCount;
  byGate[1] = compiled.noPlacesCount;
  let eligible = 0;
  let below = 0;
  let review = 0;
  let blocked = compiled.notOpenCount + compiled.noPlacesCount;
  const live = compiled.live;
  const decidedCount = decided.index.length;
  let at = 0;
  for (let l = 0; l < live.length; l++) {
    const i = live[l] as number;
    let d: PairDecisions | undefined;
    if (at < decidedCount) {
      while (at < decidedCount && (decided.index[at] as number) < i) at++;
      if (decided.index[at] === i) d = decided.items[at];
    }
    const score = quickScore(p, compiled, i, d);
    if (score >= minScore) {
      eligible++;
      best.offer(score, i, i);
    } else if (score >= 0) {
      below++;
    } else if (score === QUICK_REVIEW) {
      review++;
      const reviewScore = scoreAt(p, compiled, i, availableFor(p, compiled, i));
      if (reviewScore >= minScore) inReview.offer(reviewScore, i, i);
    } else {
      blocked++;
      byGate[-2 - score] = (byGate[-2 - score] as number) + 1;
    }
  }
  const explain = (i: number) =>
    evaluate(
      person,
      compiled.items[i] as EngineOpportunity,
      options.decisions?.get(compiled.ids[i] as string),
      ctx,
    );
  return {
    recommendations: best.drain().map(explain),
    review: inReview.drain().map(explain),
    evaluatedCount: compiled.count,
    eligibleCount: eligible,
    belowMinScoreCount: below,
    reviewCount: review,
    blockedCount: blocked,
    blockedByGate: gateCounts(byGate),
  };
}

/** The best candidates for one opportunity among `people` (order: score desc, then person id). */
export function rankPeople(
  opportunity: EngineOpportunity,
  people: readonly EnginePerson[],
  ctx: EngineContext,
  options: RankOptions<string>,
): RankResult {
  const compiled = compileOpportunities([opportunity]);
  const minScore = options.minScore ?? ctx.rules.minScore;
  // Ties go to the smaller id: rank the people by id once, the heap then compares positions.
  const byId = people
    .map((_, k) => k)
    .sort((a, b) => {
      const x = (people[a] as EnginePerson).id;
      const y = (people[b] as EnginePerson).id;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const best = new TopK(options.limit);
  const inReview = new TopK(options.reviewLimit ?? options.limit);
  const byGate = new Int32Array(MATCH_GATES.length);
  let eligible = 0;
  let below = 0;
  let review = 0;
  let blocked = 0;
  for (let position = 0; position < byId.length; position++) {
    const k = byId[position] as number;
    const person = people[k] as EnginePerson;
    const p = compilePerson(person, compiled, ctx);
    const score = quickScore(p, compiled, 0, options.decisions?.get(person.id));
    if (score >= minScore) {
      eligible++;
      best.offer(score, position, k);
    } else if (score >= 0) {
      below++;
    } else if (score === QUICK_REVIEW) {
      review++;
      const reviewScore = scoreAt(p, compiled, 0, availableFor(p, compiled, 0));
      if (reviewScore >= minScore) inReview.offer(reviewScore, position, k);
    } else {
      blocked++;
      byGate[-2 - score] = (byGate[-2 - score] as number) + 1;
    }
  }
  const explain = (k: number) => {
    const person = people[k] as EnginePerson;
    return evaluate(person, opportunity, options.decisions?.get(person.id), ctx);
  };
  return {
    recommendations: best.drain().map(explain),
    review: inReview.drain().map(explain),
    evaluatedCount: people.length,
    eligibleCount: eligible,
    belowMinScoreCount: below,
    reviewCount: review,
    blockedCount: blocked,
    blockedByGate: gateCounts(byGate),
  };
}

// ---- all eligible pairs, for the placement plan ----

export interface EligiblePairsOptions {
  /** Default ctx.rules.minScore. */
  minScore?: number;
  /** Keep only each person's best k pairs (score desc, start, id); default all. */
  perPersonLimit?: number;
  /** Staff decisions: person id → opportunity id → decisions. */
  decisions?: ReadonlyMap<string, ReadonlyMap<string, PairDecisions>>;
}

/** Per person (index into `people`): what became of her pairs, to say why she was not placed. */
export interface PairCounts {
  /** Eligible pairs at/above minScore (before perPersonLimit). */
  eligible: Int32Array;
  belowMinScore: Int32Array;
  review: Int32Array;
  blocked: Int32Array;
  /** Her best eligible score whatever minScore; -1 when she has no eligible pair. */
  bestScore: Float64Array;
  /** Blocked pairs by gate: [person × MATCH_GATES.length + gate index]. */
  blockedByGate: Int32Array;
  /** Index in MATCH_GATES of the gate that blocked her most often (the earlier gate on a tie); -1 none. */
  mainGate: Int8Array;
}

/**
 * Eligible pairs at/above minScore as columns: `person` indexes `people`, `opportunity` indexes
 * `compiled.items`. Ordered by person, then (with perPersonLimit) best first, else by opportunity index
 * (start date, then id).
 */
export interface EligiblePairs {
  count: number;
  person: Int32Array;
  opportunity: Int32Array;
  score: Float64Array;
  minScore: number;
  perPerson: PairCounts;
}

class PairBuffer {
  count = 0;
  person: Int32Array;
  opportunity: Int32Array;
  score: Float64Array;

  constructor(capacity: number) {
    this.person = new Int32Array(capacity);
    this.opportunity = new Int32Array(capacity);
    this.score = new Float64Array(capacity);
  }

  push(person: number, opportunity: number, score: number): void {
    if (this.count === this.person.length) {
      const capacity = Math.max(1024, this.count * 2);
      const persons = new Int32Array(capacity);
      persons.set(this.person);
      this.person = persons;
      const opportunities = new Int32Array(capacity);
      opportunities.set(this.opportunity);
      this.opportunity = opportunities;
      const scores = new Float64Array(capacity);
      scores.set(this.score);
      this.score = scores;
    }
    this.person[this.count] = person;
    this.opportunity[this.count] = opportunity;
    this.score[this.count] = score;
    this.count++;
  }
}

/** Every eligible pair at/above minScore between people and compiled opportunities, with per-person counts. */
export function eligiblePairs(
  people: readonly EnginePerson[],
  compiled: CompiledOpportunities,
  ctx: EngineContext,
  options: EligiblePairsOptions = {},
): EligiblePairs {
  const minScore = options.minScore ?? ctx.rules.minScore;
  const gateCount = MATCH_GATES.length;
  const m = people.length;
  const counts: PairCounts = {
    eligible: new Int32Array(m),
    belowMinScore: new Int32Array(m),
    review: new Int32Array(m),
    blocked: new Int32Array(m),
    bestScore: new Float64Array(m).fill(-1),
    blockedByGate: new Int32Array(m * gateCount),
    mainGate: new Int8Array(m).fill(-1),
  };
  const out = new PairBuffer(1024);
  const limit = options.perPersonLimit;
  const top = limit === undefined ? null : new TopK(limit);
  const live = compiled.live;

  for (let k = 0; k < m; k++) {
    const person = people[k] as EnginePerson;
    const p = compilePerson(person, compiled, ctx);
    const decided = sortDecisions(compiled, options.decisions?.get(person.id));
    const decidedCount = decided.index.length;
    let at = 0;
    let eligible = 0;
    let below = 0;
    let review = 0;
    let blocked = compiled.notOpenCount + compiled.noPlacesCount;
    let bestScore = -1;
    const gateBase = k * gateCount;
    counts.blockedByGate[gateBase] = compiled.notOpenCount;
    counts.blockedByGate[gateBase + 1] = compiled.noPlacesCount;
    for (let l = 0; l < live.length; l++) {
      const i = live[l] as number;
      let d: PairDecisions | undefined;
      if (at < decidedCount) {
        while (at < decidedCount && (decided.index[at] as number) < i) at++;
        if (decided.index[at] === i) d = decided.items[at];
      }
      const score = quickScore(p, compiled, i, d);
      if (score >= 0) {
        if (score > bestScore) bestScore = score;
        if (score >= minScore) {
          eligible++;
          if (top === null) out.push(k, i, score);
          else top.offer(score, i, i);
        } else {
          below++;
        }
      } else if (score === QUICK_REVIEW) {
        review++;
      } else {
        blocked++;
        counts.blockedByGate[gateBase - 2 - score] =
          (counts.blockedByGate[gateBase - 2 - score] as number) + 1;
      }
    }
    if (top !== null) top.drainInto((i, score) => out.push(k, i, score));
    counts.eligible[k] = eligible;
    counts.belowMinScore[k] = below;
    counts.review[k] = review;
    counts.blocked[k] = blocked;
    counts.bestScore[k] = bestScore;
    let main = -1;
    let mainCount = 0;
    for (let g = 0; g < gateCount; g++) {
      const n = counts.blockedByGate[gateBase + g] as number;
      if (n > mainCount) {
        main = g;
        mainCount = n;
      }
    }
    counts.mainGate[k] = main;
  }
  return {
    count: out.count,
    person: out.person.slice(0, out.count),
    opportunity: out.opportunity.slice(0, out.count),
    score: out.score.slice(0, out.count),
    minScore,
    perPerson: counts,
  };
}

/**
 * Why a person got no place, from eligiblePairs counts: places_taken (she had eligible pairs: others took
 * the places), in_review, below_min_score, blocked (by the gate that blocked most often), or no_opportunities.
 */
export function unplacedReason(pairs: EligiblePairs, personIndex: number): MatchReason {
  const c = pairs.perPerson;
  const eligible = c.eligible[personIndex] ?? 0;
  const review = c.review[personIndex] ?? 0;
  const below = c.belowMinScore[personIndex] ?? 0;
  const blocked = c.blocked[personIndex] ?? 0;
  if (eligible > 0) {
    return reason(
      'places_taken',
      'neutral',
      null,
      { eligible },
      `tempat di ${eligible} peluang yang cocok diberikan kepada peserta lain demi kecocokan total terbaik`,
      `the places in the ${eligible} suitable ${eligible === 1 ? 'opportunity' : 'opportunities'} went to others for the best overall match`,
    );
  }
  if (review > 0) {
    return reason(
      'in_review',
      'neutral',
      null,
      { review },
      `${review} peluang menunggu tinjauan petugas pemasyarakatan`,
      `${review} ${review === 1 ? 'opportunity waits' : 'opportunities wait'} for a review by corrections staff`,
    );
  }
  if (below > 0) {
    const best = c.bestScore[personIndex] ?? 0;
    return reason(
      'below_min_score',
      'negative',
      null,
      { bestScore: best, minScore: pairs.minScore },
      `skor tertingginya ${decimal(best, true)} di bawah batas ${pairs.minScore}`,
      `her best score ${decimal(best, false)} is below the minimum ${pairs.minScore}`,
    );
  }
  const gate = MATCH_GATES[c.mainGate[personIndex] ?? -1];
  if (blocked > 0 && gate !== undefined) {
    const label = GATE_LABELS[gate];
    return reason(
      'blocked',
      'negative',
      null,
      { gate, blocked },
      `tidak ada peluang yang terbuka baginya: paling sering karena ${label.id}`,
      `no opportunity is open to her: most often because of ${label.en}`,
    );
  }
  return reason(
    'no_opportunities',
    'neutral',
    null,
    {},
    'tidak ada peluang dalam rencana',
    'no opportunities in the plan',
  );
}

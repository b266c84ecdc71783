import {
  type BilingualText,
  DEFAULT_SENTENCE_RULES,
  type Fraction,
  type MilestoneItem,
  type MilestoneKey,
  type MilestoneStatus,
  type Milestones,
  type SentenceRules,
  type SentenceStage,
} from '../../../shared/sentence.ts';

// The sentence milestones of one person: a pure function of her sentence, the rules in force and today.
// Dates are whole days counted on the UTC calendar, so no time zone can move them.

export interface SentenceInput {
  sentenceKind: 'fixed' | 'life' | 'death';
  years: number;
  months: number;
  days: number;
  fineSubstituteMonths: number;
  fineSubstituteDays: number;
  finePaid: boolean;
  /** 'yyyy-mm-dd' */
  detentionStartDate: string | null;
  remissions: { kind: string; days: number; decreeDate: string }[];
  /** month = 'yyyy-mm-01' */
  behaviourScores: { month: string; score: number }[];
}

// ---- dates as day numbers (days since 1970-01-01, UTC) ----

const MS_PER_DAY = 86_400_000;

function toDay(iso: string): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

function isoOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** dd/mm/yyyy, as the users read dates. */
function shown(day: number): string {
  const [y, m, d] = isoOf(day).split('-');
  return `${d}/${m}/${y}`;
}

/** mm/yyyy of a month. */
function shownMonth(day: number): string {
  return shown(day).slice(3);
}

/** Adds calendar months; a day past the end of the target month falls on its last day (31/01 + 1 = 28/02). */
function addMonths(day: number, count: number): number {
  const date = new Date(day * MS_PER_DAY);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + count;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)) / MS_PER_DAY;
}

function firstOfMonth(day: number): number {
  const date = new Date(day * MS_PER_DAY);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1) / MS_PER_DAY;
}

// ---- texts ----

const text = (id: string, en: string): BilingualText => ({ id, en });

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

function duration(years: number, months: number, days: number): BilingualText {
  const id: string[] = [];
  const en: string[] = [];
  if (years) {
    id.push(`${years} tahun`);
    en.push(plural(years, 'year', 'years'));
  }
  if (months) {
    id.push(`${months} bulan`);
    en.push(plural(months, 'month', 'months'));
  }
  if (days || id.length === 0) {
    id.push(`${days} hari`);
    en.push(plural(days, 'day', 'days'));
  }
  return text(id.join(' '), en.join(' '));
}

const daysText = (days: number) => text(`${days} hari`, plural(days, 'day', 'days'));
const monthsText = (months: number) => text(`${months} bulan`, plural(months, 'month', 'months'));
const fractionText = (f: Fraction) => `${f.numerator}/${f.denominator}`;

function field(id: string, en: string, value: string | number) {
  return { label: text(id, en), value: String(value) };
}

// ---- the computation ----

interface Base {
  start: number;
  /** After the sentence (and the fine's substitute detention when unpaid), before remissions. */
  expiry: number;
  release: number;
  counted: SentenceInput['remissions'];
  remissionDays: number;
  /** Days from the start to the expiry, and to the release. */
  totalOriginal: number;
  totalAfter: number;
  fineApplies: boolean;
  warnings: BilingualText[];
}

function computeBase(input: SentenceInput, start: number, rules: SentenceRules): Base {
  const warnings: BilingualText[] = [];
  // Years and months in one step (12 × years + months) so that a clamped month end is clamped once.
  const afterSentence = addMonths(start, input.years * 12 + input.months) + input.days;
  const fineApplies = !input.finePaid && input.fineSubstituteMonths + input.fineSubstituteDays > 0;
  const expiry = fineApplies
    ? addMonths(afterSentence, input.fineSubstituteMonths) + input.fineSubstituteDays
    : afterSentence;
  const earliestRemission = addMonths(start, rules.remission.minimumServedMonths);
  const counted: SentenceInput['remissions'] = [];
  for (const remission of input.remissions) {
    // "After more than 6 months served" (DOMAIN.md): a decree on the very day the months are complete is early.
    if (toDay(remission.decreeDate) > earliestRemission) {
      counted.push(remission);
      continue;
    }
    const months = rules.remission.minimumServedMonths;
    warnings.push(
      text(
        `Remisi ${remission.kind} ${remission.days} hari (SK ${shown(toDay(remission.decreeDate))}) tidak dihitung: diberikan sebelum menjalani ${months} bulan (${shown(earliestRemission)}).`,
        `Remission ${remission.kind} of ${plural(remission.days, 'day', 'days')} (decree ${shown(toDay(remission.decreeDate))}) is not counted: granted before ${plural(months, 'month', 'months')} were served (${shown(earliestRemission)}).`,
      ),
    );
  }
  const remissionDays = counted.reduce((sum, r) => sum + r.days, 0);
  let release = expiry - remissionDays;
  if (release < start) {
    warnings.push(
      text(
        'Jumlah remisi melebihi masa pidana: tanggal bebas disamakan dengan tanggal mulai ditahan.',
        'The remissions exceed the sentence: the release date is set to the detention start.',
      ),
    );
    release = start;
  }
  // A remission cannot free her before it was granted: at the latest she leaves on the day of the decree
  // (the usual "remisi langsung bebas" of 17 August).
  const lastDecree = counted.reduce((latest, r) => Math.max(latest, toDay(r.decreeDate)), start);
  // ... and never after the end of the sentence itself (a decree after the expiry frees nobody earlier).
  if (counted.length > 0 && release < lastDecree) {
    const freed = Math.min(lastDecree, expiry);
    warnings.push(
      text(
        `Remisi membuat masa pidana habis sebelum SK terakhir: bebas pada ${shown(freed)}.`,
        `The remissions end the sentence before the last decree: release on ${shown(freed)}.`,
      ),
    );
    release = freed;
  }
  return {
    start,
    expiry,
    release,
    counted,
    remissionDays,
    totalOriginal: expiry - start,
    totalAfter: release - start,
    fineApplies,
    warnings,
  };
}

function expiryFormula(input: SentenceInput, base: Base): BilingualText {
  const sentence = duration(input.years, input.months, input.days);
  let id = `Mulai ditahan ${shown(base.start)} + ${sentence.id}`;
  let en = `Detention start ${shown(base.start)} + ${sentence.en}`;
  if (base.fineApplies) {
    const fine = duration(0, input.fineSubstituteMonths, input.fineSubstituteDays);
    id += ` + pidana pengganti denda (denda tidak dibayar) ${fine.id}`;
    en += ` + substitute detention for the unpaid fine ${fine.en}`;
  }
  return text(`${id} = ${shown(base.expiry)}`, `${en} = ${shown(base.expiry)}`);
}

function releaseFormula(input: SentenceInput, base: Base): BilingualText {
  const expiry = expiryFormula(input, base);
  const days = daysText(base.remissionDays);
  return base.counted.length === 0
    ? text(`${expiry.id}; tanpa remisi yang dihitung`, `${expiry.en}; no remission counted`)
    : text(
        `${expiry.id}; dikurangi remisi ${days.id} = ${shown(base.release)}`,
        `${expiry.en}; less remissions of ${days.en} = ${shown(base.release)}`,
      );
}

/** ceil(a / b) for non-negative integers, without floating point. */
const ceilDiv = (a: number, b: number) => Math.floor((a + b - 1) / b);

interface FractionDate {
  day: number;
  formula: BilingualText;
  inputs: MilestoneItem['inputs'];
}

function fractionDate(base: Base, rules: SentenceRules, fraction: Fraction): FractionDate {
  const original = rules.fractionBase === 'original';
  const total = original ? base.totalOriginal : base.totalAfter;
  const product = total * fraction.numerator;
  const days = ceilDiv(product, fraction.denominator);
  const rounded = product % fraction.denominator !== 0;
  const day = base.start + days;
  const f = fractionText(fraction);
  const baseName = original
    ? text('masa pidana sebelum remisi', 'sentence before remissions')
    : text('masa pidana setelah remisi', 'sentence after remissions');
  return {
    day,
    formula: text(
      `${f} × ${total} hari (${baseName.id}) = ${days} hari${rounded ? ' (dibulatkan ke atas)' : ''}; mulai ditahan ${shown(base.start)} + ${days} hari = ${shown(day)}`,
      `${f} × ${plural(total, 'day', 'days')} (${baseName.en}) = ${plural(days, 'day', 'days')}${rounded ? ' (rounded up)' : ''}; detention start ${shown(base.start)} + ${plural(days, 'day', 'days')} = ${shown(day)}`,
    ),
    inputs: [
      field('Mulai ditahan', 'Detention start', shown(base.start)),
      field(`Dasar perhitungan: ${baseName.id} (hari)`, `Basis: ${baseName.en} (days)`, total),
      field('Pecahan', 'Fraction', f),
    ],
  };
}

/** What the monthly SPPN scores say about the `months` whole months before the month of `day`. */
function behaviourCheck(
  input: SentenceInput,
  rules: SentenceRules,
  start: number,
  day: number,
  months: number,
  today: number,
) {
  const scores = new Map<string, number>();
  for (const entry of input.behaviourScores) scores.set(entry.month.slice(0, 7), entry.score);
  const low: BilingualText[] = [];
  const missing: number[] = [];
  const first = firstOfMonth(day);
  for (let i = months; i >= 1; i--) {
    const month = addMonths(first, -i);
    // A month begun before the detention was not served whole: no score is expected for it.
    if (month < start) continue;
    const score = scores.get(isoOf(month).slice(0, 7));
    if (score === undefined) {
      // Only a month that has ended can be missing its score.
      if (addMonths(month, 1) <= today) missing.push(month);
    } else if (score < rules.minimumBehaviourScore) {
      low.push(
        text(
          `Nilai SPPN ${shownMonth(month)} adalah ${score}, di bawah ${rules.minimumBehaviourScore}.`,
          `The SPPN score of ${shownMonth(month)} is ${score}, below ${rules.minimumBehaviourScore}.`,
        ),
      );
    }
  }
  const reasons = [...low];
  if (missing.length > 0) {
    const list = missing.map(shownMonth).join(', ');
    reasons.push(
      text(`Nilai SPPN belum dicatat untuk bulan ${list}.`, `No SPPN score recorded for ${list}.`),
    );
  }
  return { low: low.length > 0, missing: missing.length > 0, reasons };
}

function daysFrom(day: number | null, today: number) {
  return day === null ? null : day - today;
}

function reached(day: number, today: number): MilestoneStatus {
  return day <= today ? 'eligible' : 'not_yet';
}

/** A program milestone (asimilasi, PB, CB, CMB) from its date, its structural reasons and the behaviour check. */
function programItem(
  key: MilestoneKey,
  day: number,
  formula: BilingualText,
  inputs: MilestoneItem['inputs'],
  notEligible: BilingualText[],
  behaviour: ReturnType<typeof behaviourCheck>,
  base: Base,
  today: number,
): MilestoneItem {
  const reasons = [...notEligible];
  if (day >= base.release) {
    reasons.push(
      text(
        `Tanggal ${shown(day)} tidak sebelum tanggal bebas ${shown(base.release)}.`,
        `The date ${shown(day)} is not before the release date ${shown(base.release)}.`,
      ),
    );
  }
  reasons.push(...behaviour.reasons);
  let status: MilestoneStatus;
  if (reasons.length > behaviour.reasons.length || behaviour.low) status = 'not_eligible';
  else if (behaviour.missing) status = 'unknown';
  else status = reached(day, today);
  const date = status === 'not_eligible' ? null : day;
  return {
    key,
    date: date === null ? null : isoOf(date),
    daysFromToday: daysFrom(date, today),
    status,
    formula,
    inputs,
    reasons,
  };
}

const behaviourInputs = (rules: SentenceRules, months: number) => [
  field('Nilai SPPN minimum', 'Minimum SPPN score', rules.minimumBehaviourScore),
  field('Bulan penilaian perilaku', 'Months of behaviour checked', months),
];

function laterOf(a: number, b: number) {
  return Math.max(a, b);
}

/** The milestones of a sentence under the given rules, as seen on `today` ('yyyy-mm-dd'). */
export function computeMilestones(
  input: SentenceInput,
  rules: SentenceRules,
  rulesVersion: number,
  today: string,
): Milestones {
  const now = toDay(today);
  if (input.sentenceKind !== 'fixed') return lifeOrDeath(input.sentenceKind, rulesVersion);
  if (!input.detentionStartDate) return withoutStart(rulesVersion);

  const base = computeBase(input, toDay(input.detentionStartDate), rules);
  const warnings = [...base.warnings];
  const items: MilestoneItem[] = [];
  const dateItem = (
    key: MilestoneKey,
    day: number,
    formula: BilingualText,
    inputs: MilestoneItem['inputs'],
  ): MilestoneItem => ({
    key,
    date: isoOf(day),
    daysFromToday: day - now,
    status: reached(day, now),
    formula,
    inputs,
    reasons: [],
  });

  const sentenceInputs = [
    field('Mulai ditahan', 'Detention start', shown(base.start)),
    field('Pidana (tahun)', 'Sentence (years)', input.years),
    field('Pidana (bulan)', 'Sentence (months)', input.months),
    field('Pidana (hari)', 'Sentence (days)', input.days),
  ];
  if (base.fineApplies) {
    sentenceInputs.push(
      field(
        'Pidana pengganti denda (bulan)',
        'Fine substitute detention (months)',
        input.fineSubstituteMonths,
      ),
      field('Pidana pengganti denda (hari)', 'Fine substitute detention (days)', input.fineSubstituteDays),
    );
  }
  items.push(
    dateItem('expiry', base.expiry, expiryFormula(input, base), [
      ...sentenceInputs,
      field('Masa pidana (hari)', 'Sentence length (days)', base.totalOriginal),
    ]),
  );
  items.push(
    dateItem('release', base.release, releaseFormula(input, base), [
      field('Ekspirasi', 'Expiry', shown(base.expiry)),
      field('Remisi yang dihitung', 'Remissions counted', base.counted.length),
      field('Jumlah remisi (hari)', 'Remission total (days)', base.remissionDays),
      field('Masa pidana setelah remisi (hari)', 'Sentence after remissions (days)', base.totalAfter),
    ]),
  );

  const oneThird = fractionDate(base, rules, rules.stages.lanjutan);
  const half = fractionDate(base, rules, rules.asimilasi.fraction);
  const twoThirds = fractionDate(base, rules, rules.stages.akhir);
  items.push(dateItem('one_third', oneThird.day, oneThird.formula, oneThird.inputs));
  items.push(dateItem('half', half.day, half.formula, half.inputs));
  items.push(dateItem('two_thirds', twoThirds.day, twoThirds.formula, twoThirds.inputs));

  // Asimilasi: from its fraction, with good behaviour in the months before.
  items.push(
    programItem(
      'asimilasi',
      half.day,
      half.formula,
      [...half.inputs, ...behaviourInputs(rules, rules.asimilasi.behaviourMonths)],
      [],
      behaviourCheck(input, rules, base.start, half.day, rules.asimilasi.behaviourMonths, now),
      base,
      now,
    ),
  );

  // Pembebasan bersyarat: its fraction served, that part at least the minimum, good behaviour before it.
  const parole = fractionDate(base, rules, rules.parole.fraction);
  const paroleMinimum = addMonths(base.start, rules.parole.minimumServedMonths);
  const paroleReasons: BilingualText[] = [];
  if (parole.day < paroleMinimum) {
    const f = fractionText(rules.parole.fraction);
    const minimum = monthsText(rules.parole.minimumServedMonths);
    paroleReasons.push(
      text(
        `${f} masa pidana (${parole.day - base.start} hari, sampai ${shown(parole.day)}) kurang dari ${minimum.id} (sampai ${shown(paroleMinimum)}).`,
        `${f} of the sentence (${plural(parole.day - base.start, 'day', 'days')}, to ${shown(parole.day)}) is less than ${minimum.en} (to ${shown(paroleMinimum)}).`,
      ),
    );
  }
  items.push(
    programItem(
      'parole',
      parole.day,
      parole.formula,
      [
        ...parole.inputs,
        field('Minimum telah dijalani (bulan)', 'Minimum served (months)', rules.parole.minimumServedMonths),
        ...behaviourInputs(rules, rules.parole.behaviourMonths),
      ],
      paroleReasons,
      behaviourCheck(input, rules, base.start, parole.day, rules.parole.behaviourMonths, now),
      base,
      now,
    ),
  );

  // Cuti bersyarat: short sentences only; the leave ends at the release and lasts at most maxLeaveMonths.
  const cbFraction = fractionDate(base, rules, rules.cb.fraction);
  const sentenceMonths = input.years * 12 + input.months;
  const cbMax = rules.cb.maxSentenceMonths;
  const cbReasons: BilingualText[] = [];
  if (sentenceMonths > cbMax || (sentenceMonths === cbMax && input.days > 0)) {
    const sentence = duration(input.years, input.months, input.days);
    cbReasons.push(
      text(
        `Masa pidana ${sentence.id} lebih dari ${cbMax} bulan.`,
        `The sentence of ${sentence.en} is longer than ${plural(cbMax, 'month', 'months')}.`,
      ),
    );
  }
  const cbLeave = addMonths(base.release, -rules.cb.maxLeaveMonths);
  const cbDay = laterOf(cbFraction.day, cbLeave);
  const cbFormula = text(
    `Yang lebih akhir dari ${fractionText(rules.cb.fraction)} masa pidana (${shown(cbFraction.day)}) dan tanggal bebas ${shown(base.release)} − ${rules.cb.maxLeaveMonths} bulan (${shown(cbLeave)}) = ${shown(cbDay)}`,
    `The later of ${fractionText(rules.cb.fraction)} of the sentence (${shown(cbFraction.day)}) and the release date ${shown(base.release)} − ${plural(rules.cb.maxLeaveMonths, 'month', 'months')} (${shown(cbLeave)}) = ${shown(cbDay)}`,
  );
  items.push(
    programItem(
      'cb',
      cbDay,
      cbFormula,
      [
        ...cbFraction.inputs,
        field('Tanggal bebas', 'Release date', shown(base.release)),
        field('Masa pidana (bulan)', 'Sentence (months)', sentenceMonths + (input.days > 0 ? '+' : '')),
        field('Batas masa pidana CB (bulan)', 'CB sentence limit (months)', cbMax),
        field('Cuti paling lama (bulan)', 'Longest leave (months)', rules.cb.maxLeaveMonths),
        ...behaviourInputs(rules, rules.cb.behaviourMonths),
      ],
      cbReasons,
      behaviourCheck(input, rules, base.start, cbDay, rules.cb.behaviourMonths, now),
      base,
      now,
    ),
  );

  // Cuti menjelang bebas: as long as the last remission, at most maxLeaveMonths, ending at the release.
  const cmbFraction = fractionDate(base, rules, rules.cmb.fraction);
  const last = lastRemission(base.counted);
  const cmbReasons: BilingualText[] = [];
  let cmbDay = cmbFraction.day;
  let cmbFormula: BilingualText;
  const cmbInputs = [...cmbFraction.inputs, field('Tanggal bebas', 'Release date', shown(base.release))];
  if (!last) {
    cmbReasons.push(
      text(
        'Belum ada remisi yang dihitung: lama cuti menjelang bebas sama dengan remisi terakhir.',
        'No remission counted yet: the leave before release equals the last remission.',
      ),
    );
    cmbFormula = text(
      'Tidak dihitung: belum ada remisi yang dihitung',
      'Not computed: no remission counted yet',
    );
  } else {
    const byRemission = base.release - last.days;
    const byCap = addMonths(base.release, -rules.cmb.maxLeaveMonths);
    const leaveStart = laterOf(byRemission, byCap);
    cmbDay = laterOf(cmbFraction.day, leaveStart);
    const capped = byCap > byRemission;
    const leave = capped
      ? text(
          `${rules.cmb.maxLeaveMonths} bulan (batas)`,
          `${plural(rules.cmb.maxLeaveMonths, 'month', 'months')} (cap)`,
        )
      : text(`${last.days} hari (remisi terakhir)`, `${plural(last.days, 'day', 'days')} (last remission)`);
    cmbFormula = text(
      `Yang lebih akhir dari ${fractionText(rules.cmb.fraction)} masa pidana (${shown(cmbFraction.day)}) dan tanggal bebas ${shown(base.release)} − ${leave.id} (${shown(leaveStart)}) = ${shown(cmbDay)}`,
      `The later of ${fractionText(rules.cmb.fraction)} of the sentence (${shown(cmbFraction.day)}) and the release date ${shown(base.release)} − ${leave.en} (${shown(leaveStart)}) = ${shown(cmbDay)}`,
    );
    cmbInputs.push(
      field('Remisi terakhir (hari)', 'Last remission (days)', last.days),
      field('Tanggal SK remisi terakhir', 'Last remission decree date', shown(toDay(last.decreeDate))),
      field('Cuti paling lama (bulan)', 'Longest leave (months)', rules.cmb.maxLeaveMonths),
    );
  }
  cmbInputs.push(...behaviourInputs(rules, rules.cmb.behaviourMonths));
  items.push(
    programItem(
      'cmb',
      cmbDay,
      cmbFormula,
      cmbInputs,
      cmbReasons,
      behaviourCheck(input, rules, base.start, cmbDay, rules.cmb.behaviourMonths, now),
      base,
      now,
    ),
  );

  let stage: SentenceStage;
  if (now < oneThird.day) stage = 'awal';
  else if (now < twoThirds.day) stage = 'lanjutan';
  else if (now < base.release) stage = 'akhir';
  else stage = 'released';

  return { rulesVersion, stage, releaseDate: isoOf(base.release), items, warnings };
}

function lastRemission(remissions: SentenceInput['remissions']) {
  let last: SentenceInput['remissions'][number] | undefined;
  for (const remission of remissions) {
    if (!last || remission.decreeDate >= last.decreeDate) last = remission;
  }
  return last;
}

const ALL_KEYS: MilestoneKey[] = [
  'expiry',
  'release',
  'one_third',
  'half',
  'two_thirds',
  'asimilasi',
  'parole',
  'cb',
  'cmb',
];

function lifeOrDeath(kind: 'life' | 'death', rulesVersion: number): Milestones {
  const name = kind === 'life' ? text('seumur hidup', 'life') : text('mati', 'death');
  const reason = text(
    `Pidana ${name.id} tidak memiliki tanggal bebas dan tidak mendapat asimilasi, pembebasan bersyarat, cuti bersyarat maupun cuti menjelang bebas.`,
    `A ${name.en} sentence has no release date and gets no asimilasi, parole, conditional leave or leave before release.`,
  );
  return {
    rulesVersion,
    stage: null,
    releaseDate: null,
    items: ALL_KEYS.map((key) => ({
      key,
      date: null,
      daysFromToday: null,
      status: 'not_eligible',
      formula: text(`Tidak dihitung: pidana ${name.id}`, `Not computed: ${name.en} sentence`),
      inputs: [],
      reasons: [reason],
    })),
    warnings: [],
  };
}

function withoutStart(rulesVersion: number): Milestones {
  const reason = text('Tanggal mulai ditahan belum diisi.', 'The detention start date is not recorded.');
  return {
    rulesVersion,
    stage: null,
    releaseDate: null,
    items: ALL_KEYS.map((key) => ({
      key,
      date: null,
      daysFromToday: null,
      status: 'unknown',
      formula: text(
        'Tidak dihitung: tanggal mulai ditahan belum diisi',
        'Not computed: no detention start date',
      ),
      inputs: [],
      reasons: [reason],
    })),
    warnings: [reason],
  };
}

/**
 * The dates alone of the release, asimilasi, PB, CB and CMB milestones, by the sentence (no behaviour check,
 * no texts): what is stored on the person for the pre-release dashboard. `computeMilestones` explains every
 * date in words (~0.5 ms a person); this takes the same base and fractions for a rules change over every
 * custody record, the demo and the synthetic data. A program's date is null when the sentence rules it out
 * or when it does not fall before the release. people.release.test.ts checks it against computeMilestones.
 */
export function milestoneDates(
  input: SentenceInput,
  rules: SentenceRules,
): Record<'release' | 'asimilasi' | 'parole' | 'cb' | 'cmb', string | null> {
  const none = { release: null, asimilasi: null, parole: null, cb: null, cmb: null };
  if (input.sentenceKind !== 'fixed' || !input.detentionStartDate) return none;
  const base = computeBase(input, toDay(input.detentionStartDate), rules);
  const { start, release, counted } = base;
  const total = rules.fractionBase === 'original' ? base.totalOriginal : base.totalAfter;
  const fraction = (f: Fraction) => start + ceilDiv(total * f.numerator, f.denominator);
  const program = (day: number, ruledOut: boolean) => (ruledOut || day >= release ? null : isoOf(day));

  const paroleDay = fraction(rules.parole.fraction);
  const sentenceMonths = input.years * 12 + input.months;
  const cbMax = rules.cb.maxSentenceMonths;
  // CMB lasts as long as the last remission (the latest decree; of equal dates the later one listed).
  let last: SentenceInput['remissions'][number] | undefined;
  for (const remission of counted) if (!last || remission.decreeDate >= last.decreeDate) last = remission;
  return {
    release: isoOf(release),
    asimilasi: program(fraction(rules.asimilasi.fraction), false),
    parole: program(paroleDay, paroleDay < addMonths(start, rules.parole.minimumServedMonths)),
    cb: program(
      Math.max(fraction(rules.cb.fraction), addMonths(release, -rules.cb.maxLeaveMonths)),
      sentenceMonths > cbMax || (sentenceMonths === cbMax && input.days > 0),
    ),
    cmb: last
      ? program(
          Math.max(
            fraction(rules.cmb.fraction),
            Math.max(release - last.days, addMonths(release, -rules.cmb.maxLeaveMonths)),
          ),
          false,
        )
      : null,
  };
}

/**
 * The expiry after the remissions that count ('yyyy-mm-dd'), stored as the person's release date;
 * null for life and death sentences and without a detention start date.
 */
export function expectedReleaseDate(
  input: SentenceInput,
  rules: SentenceRules = DEFAULT_SENTENCE_RULES,
): string | null {
  if (input.sentenceKind !== 'fixed' || !input.detentionStartDate) return null;
  return isoOf(computeBase(input, toDay(input.detentionStartDate), rules).release);
}

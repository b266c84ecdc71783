import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SENTENCE_RULES,
  type MilestoneItem,
  type MilestoneKey,
  type Milestones,
  type SentenceRules,
} from '../../../shared/sentence.ts';
import { computeMilestones, expectedReleaseDate, type SentenceInput } from './milestones.ts';

// Every expected date below was computed by hand; the working is in the comment above it.

const rules = DEFAULT_SENTENCE_RULES;

function sentence(overrides: Partial<SentenceInput> = {}): SentenceInput {
  return {
    sentenceKind: 'fixed',
    years: 0,
    months: 0,
    days: 0,
    fineSubstituteMonths: 0,
    fineSubstituteDays: 0,
    finePaid: true,
    detentionStartDate: '2025-01-03',
    remissions: [],
    behaviourScores: [],
    ...overrides,
  };
}

function item(milestones: Milestones, key: MilestoneKey): MilestoneItem {
  const found = milestones.items.find((entry) => entry.key === key);
  if (!found) throw new Error(`no ${key}`);
  return found;
}

const dates = (milestones: Milestones) =>
  Object.fromEntries(milestones.items.map((entry) => [entry.key, entry.date]));

/** Scores of 80 for every month from `from` to `to` ('yyyy-mm'), with some months overridden or left out. */
function scores(from: string, to: string, overrides: Record<string, number | null> = {}) {
  const result: { month: string; score: number }[] = [];
  let [year, month] = from.split('-').map(Number) as [number, number];
  for (;;) {
    const key = `${year}-${String(month).padStart(2, '0')}`;
    const score = key in overrides ? overrides[key] : 80;
    if (score !== null && score !== undefined) result.push({ month: `${key}-01`, score });
    if (key === to) return result;
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
}

describe('a plain 3-year sentence', () => {
  // Start 03/01/2025 + 3 years = 03/01/2028 (the leap day 29/02/2028 comes after): 365 × 3 = 1095 days.
  // 1/3: ceil(1095/3) = 365 days → 03/01/2026.  1/2: ceil(547.5) = 548 days → 03/01/2026 + 183 = 05/07/2026.
  // 2/3: 730 days → 03/01/2027.  PB: 730 days ≥ 9 months (to 03/10/2025).  CB: 36 months > 18 → none.
  // CMB: no remission → none.
  const result = computeMilestones(sentence({ years: 3 }), rules, 1, '2025-06-01');

  it('computes expiry, release and the fractions', () => {
    expect(dates(result)).toMatchObject({
      expiry: '2028-01-03',
      release: '2028-01-03',
      one_third: '2026-01-03',
      half: '2026-07-05',
      two_thirds: '2027-01-03',
      asimilasi: '2026-07-05',
      parole: '2027-01-03',
    });
    expect(result.releaseDate).toBe('2028-01-03');
    expect(result.rulesVersion).toBe(1);
    expect(result.warnings).toEqual([]);
  });

  it('is in the first stage, with every date still ahead', () => {
    expect(result.stage).toBe('awal');
    // 01/06/2025 → 01/06/2027 = 730 days; → 01/01/2028 = 30+31+31+30+31+30+31 = 214; → 03/01/2028 = 2: 946.
    expect(item(result, 'release').daysFromToday).toBe(946);
    expect(item(result, 'parole').status).toBe('not_yet');
    expect(item(result, 'asimilasi').status).toBe('not_yet');
  });

  it('gives no CB to a sentence over 18 months and no CMB without a remission, with the reasons', () => {
    const cb = item(result, 'cb');
    expect(cb).toMatchObject({ status: 'not_eligible', date: null, daysFromToday: null });
    expect(cb.reasons[0]?.id).toContain('lebih dari 18 bulan');
    const cmb = item(result, 'cmb');
    expect(cmb).toMatchObject({ status: 'not_eligible', date: null });
    expect(cmb.reasons[0]?.en).toContain('No remission counted');
  });

  it('explains each date with its formula and inputs, Indonesian first', () => {
    expect(item(result, 'expiry').formula.id).toBe('Mulai ditahan 03/01/2025 + 3 tahun = 03/01/2028');
    expect(item(result, 'expiry').formula.en).toBe('Detention start 03/01/2025 + 3 years = 03/01/2028');
    expect(item(result, 'half').formula.id).toBe(
      '1/2 × 1095 hari (masa pidana setelah remisi) = 548 hari (dibulatkan ke atas); mulai ditahan 03/01/2025 + 548 hari = 05/07/2026',
    );
    expect(item(result, 'expiry').inputs).toContainEqual({
      label: { id: 'Masa pidana (hari)', en: 'Sentence length (days)' },
      value: '1095',
    });
  });

  it('moves through the stages as time passes', () => {
    const on = (today: string) => computeMilestones(sentence({ years: 3 }), rules, 1, today).stage;
    expect(on('2026-01-02')).toBe('awal');
    expect(on('2026-01-03')).toBe('lanjutan');
    expect(on('2027-01-03')).toBe('akhir');
    expect(on('2028-01-03')).toBe('released');
  });
});

describe('remissions', () => {
  // Start 03/01/2025 + 2 years 6 months = 03/07/2027: 730 + (31+28+31+30+31+30) = 911 days.
  // Remissions 30 (17/08/2025) + 15 (20/03/2026) = 45 days, both granted after 6 months (03/07/2025):
  // release 03/07/2027 − 45 = 19/05/2027; 911 − 45 = 866 days.
  // 1/3: ceil(288.67) = 289 → 19/10/2025.  1/2: 433 → 12/03/2026.  2/3: ceil(577.33) = 578 → 04/08/2026.
  // CMB: last remission 15 days → 19/05/2027 − 15 = 04/05/2027 (later than 19/11/2026, the 6-month cap),
  // later than 2/3 → 04/05/2027.
  const input = sentence({
    years: 2,
    months: 6,
    remissions: [
      { kind: 'RU 17 Agustus', days: 30, decreeDate: '2025-08-17' },
      { kind: 'RK Idulfitri', days: 15, decreeDate: '2026-03-20' },
    ],
  });
  const result = computeMilestones(input, rules, 3, '2026-04-01');

  it('brings the release forward and counts the fractions on the shorter sentence', () => {
    expect(dates(result)).toMatchObject({
      expiry: '2027-07-03',
      release: '2027-05-19',
      one_third: '2025-10-19',
      half: '2026-03-12',
      two_thirds: '2026-08-04',
      parole: '2026-08-04',
      cmb: '2027-05-04',
    });
    expect(result.stage).toBe('lanjutan');
    expect(expectedReleaseDate(input)).toBe('2027-05-19');
  });

  it('writes the release formula the way an officer reads it', () => {
    expect(item(result, 'release').formula.id).toBe(
      'Mulai ditahan 03/01/2025 + 2 tahun 6 bulan = 03/07/2027; dikurangi remisi 45 hari = 19/05/2027',
    );
    expect(item(result, 'cmb').formula.id).toContain('19/05/2027 − 15 hari (remisi terakhir) (04/05/2027)');
  });

  it('counts the fractions on the original sentence when the rules say so', () => {
    // 1/3 of 911 days: ceil(303.67) = 304 → 03/11/2025.
    const original: SentenceRules = { ...rules, fractionBase: 'original' };
    const computed = computeMilestones(input, original, 4, '2026-04-01');
    expect(item(computed, 'one_third').date).toBe('2025-11-03');
    expect(item(computed, 'one_third').formula.id).toContain('masa pidana sebelum remisi');
  });

  it('does not count a remission granted before 6 months were served, and says so', () => {
    // 01/05/2025 is before 03/07/2025: the 10 days are left out, the release stays 19/05/2027.
    const early = {
      ...input,
      remissions: [...input.remissions, { kind: 'RK Waisak', days: 10, decreeDate: '2025-05-01' }],
    };
    const computed = computeMilestones(early, rules, 3, '2026-04-01');
    expect(computed.releaseDate).toBe('2027-05-19');
    expect(computed.warnings).toHaveLength(1);
    expect(computed.warnings[0]?.id).toContain('tidak dihitung');
    expect(computed.warnings[0]?.id).toContain('03/07/2025');
  });

  it('does not count a remission decreed on the very day 6 months are complete (“more than 6 months”)', () => {
    // Start 03/01/2025 + 6 months = 03/07/2025: a decree that day is not yet after 6 months served.
    const onTheDay = sentence({ years: 2, remissions: [{ kind: 'RU', days: 30, decreeDate: '2025-07-03' }] });
    expect(computeMilestones(onTheDay, rules, 1, '2026-01-01').releaseDate).toBe('2027-01-03');
    const dayAfter = sentence({ years: 2, remissions: [{ kind: 'RU', days: 30, decreeDate: '2025-07-04' }] });
    // 03/01/2027 − 30 days = 04/12/2026.
    expect(computeMilestones(dayAfter, rules, 1, '2026-01-01').releaseDate).toBe('2026-12-04');
  });

  it('never frees her before the decree of the remission that frees her (remisi langsung bebas)', () => {
    const late = sentence({
      years: 1,
      detentionStartDate: '2025-01-01',
      remissions: [{ kind: 'RU', days: 30, decreeDate: '2025-12-20' }],
    });
    // 01/01/2026 − 30 = 02/12/2025, before the decree of 20/12/2025: she leaves on 20/12/2025.
    const computed = computeMilestones(late, rules, 1, '2025-12-01');
    expect(computed.releaseDate).toBe('2025-12-20');
    expect(computed.warnings.map((warning) => warning.id).join(' ')).toContain('20/12/2025');
    expect(expectedReleaseDate(late)).toBe('2025-12-20');
  });

  it('does not move the release past the expiry for a remission decreed after the sentence ended', () => {
    // 01/01/2024 + 1 year = 01/01/2025; a decree of 01/03/2025 comes after it: she left on 01/01/2025.
    const after = sentence({
      years: 1,
      detentionStartDate: '2024-01-01',
      remissions: [{ kind: 'RU', days: 30, decreeDate: '2025-03-01' }],
    });
    expect(expectedReleaseDate(after)).toBe('2025-01-01');
  });
});

describe('calendar edges', () => {
  it('adds a year to 29 February as 28 February of the next year', () => {
    // 29/02/2024 + 1 year = 28/02/2025: 365 days. 1/3: ceil(121.67) = 122 → 30/06/2024.
    // 2/3: ceil(243.33) = 244 → 30/10/2024.
    const result = computeMilestones(
      sentence({ years: 1, detentionStartDate: '2024-02-29' }),
      rules,
      1,
      '2024-03-01',
    );
    expect(dates(result)).toMatchObject({
      expiry: '2025-02-28',
      one_third: '2024-06-30',
      two_thirds: '2024-10-30',
    });
    expect(item(result, 'expiry').inputs).toContainEqual(expect.objectContaining({ value: '365' }));
  });

  it('counts the leap day inside a year: 01/03/2023 + 1 year = 01/03/2024 is 366 days', () => {
    const result = computeMilestones(
      sentence({ years: 1, detentionStartDate: '2023-03-01' }),
      rules,
      1,
      '2023-03-01',
    );
    expect(item(result, 'expiry').date).toBe('2024-03-01');
    // 2/3 of 366 = 244 → 01/03/2023 + 244 = 31/10/2023.
    expect(item(result, 'two_thirds').date).toBe('2023-10-31');
  });

  it('clamps a month added to 31 January to the end of February', () => {
    const plusMonth = (start: string, days = 0) =>
      expectedReleaseDate(sentence({ months: 1, days, detentionStartDate: start }));
    expect(plusMonth('2025-01-31')).toBe('2025-02-28');
    expect(plusMonth('2024-01-31')).toBe('2024-02-29');
    // The days come after the months: 28/02/2025 + 1 day.
    expect(plusMonth('2025-01-31', 1)).toBe('2025-03-01');
  });
});

describe('pembebasan bersyarat (PB)', () => {
  it('is refused when 2/3 of the sentence is less than 9 months', () => {
    // 1 year from 03/01/2025: 365 days, 2/3 = ceil(243.33) = 244 days → 04/09/2025, before 03/10/2025 (9 months).
    const result = computeMilestones(sentence({ years: 1 }), rules, 1, '2025-02-01');
    const parole = item(result, 'parole');
    expect(parole).toMatchObject({ status: 'not_eligible', date: null });
    expect(parole.reasons[0]?.id).toBe(
      '2/3 masa pidana (244 hari, sampai 04/09/2025) kurang dari 9 bulan (sampai 03/10/2025).',
    );
    // The 2/3 date itself is still shown as a date.
    expect(item(result, 'two_thirds').date).toBe('2025-09-04');
  });

  it('is open when 2/3 reaches 9 months', () => {
    // 1 year 2 months from 03/01/2025 = 03/03/2026: 424 days; 2/3 = ceil(282.67) = 283 → 13/10/2025 ≥ 03/10/2025.
    const result = computeMilestones(sentence({ years: 1, months: 2 }), rules, 1, '2025-02-01');
    expect(item(result, 'parole')).toMatchObject({ status: 'not_yet', date: '2025-10-13' });
  });

  // 3 years from 03/01/2025: 2/3 on 03/01/2027; the 9 months before it are 04/2026 … 12/2026.
  const threeYears = (behaviourScores: SentenceInput['behaviourScores']) =>
    item(computeMilestones(sentence({ years: 3, behaviourScores }), rules, 1, '2027-02-01'), 'parole');

  it('is eligible once the date has come with every score of the 9 months at least 65', () => {
    expect(threeYears(scores('2026-04', '2026-12', { '2026-09': 65 }))).toMatchObject({
      status: 'eligible',
      date: '2027-01-03',
      daysFromToday: -29,
      reasons: [],
    });
  });

  it('is refused when a score in the 9 months before 2/3 is below 65', () => {
    const parole = threeYears(scores('2026-04', '2026-12', { '2026-09': 60 }));
    expect(parole).toMatchObject({ status: 'not_eligible', date: null });
    expect(parole.reasons).toEqual([
      { id: 'Nilai SPPN 09/2026 adalah 60, di bawah 65.', en: 'The SPPN score of 09/2026 is 60, below 65.' },
    ]);
  });

  it('is unknown when a month of the 9 has no score', () => {
    const parole = threeYears(scores('2026-04', '2026-12', { '2026-10': null }));
    expect(parole.status).toBe('unknown');
    expect(parole.reasons[0]?.id).toBe('Nilai SPPN belum dicatat untuk bulan 10/2026.');
  });

  it('does not count months that have not ended yet as missing', () => {
    // On 01/06/2026 only 04/2026 and 05/2026 of the window have ended.
    const result = computeMilestones(
      sentence({ years: 3, behaviourScores: scores('2026-04', '2026-05') }),
      rules,
      1,
      '2026-06-01',
    );
    expect(item(result, 'parole').status).toBe('not_yet');
  });

  it('follows a changed minimum score', () => {
    const stricter: SentenceRules = { ...rules, minimumBehaviourScore: 85 };
    const result = computeMilestones(
      sentence({ years: 3, behaviourScores: scores('2026-04', '2026-12') }),
      stricter,
      2,
      '2027-02-01',
    );
    expect(item(result, 'parole').status).toBe('not_eligible');
    expect(result.rulesVersion).toBe(2);
  });
});

describe('cuti bersyarat (CB)', () => {
  // 1 year 6 months from 03/01/2025 = 03/07/2026: 365 + 181 = 546 days; 2/3 = 364 days → 02/01/2026.
  // The leave may last 6 months: 03/07/2026 − 6 months = 03/01/2026, the later of the two.
  const eighteenMonths = sentence({ years: 1, months: 6 });

  it('is given to a sentence of at most 18 months, at most 6 months before release', () => {
    const cb = item(computeMilestones(eighteenMonths, rules, 1, '2025-02-01'), 'cb');
    expect(cb).toMatchObject({ status: 'not_yet', date: '2026-01-03' });
    expect(cb.formula.id).toBe(
      'Yang lebih akhir dari 2/3 masa pidana (02/01/2026) dan tanggal bebas 03/07/2026 − 6 bulan (03/01/2026) = 03/01/2026',
    );
  });

  it('is not given to 18 months and a day, nor to 19 months', () => {
    for (const input of [sentence({ years: 1, months: 6, days: 1 }), sentence({ months: 19 })]) {
      expect(item(computeMilestones(input, rules, 1, '2025-02-01'), 'cb').status).toBe('not_eligible');
    }
  });

  it('follows changed rules: at most 15 months, then a 4-month leave', () => {
    const fifteen: SentenceRules = { ...rules, cb: { ...rules.cb, maxSentenceMonths: 15 } };
    expect(item(computeMilestones(eighteenMonths, fifteen, 2, '2025-02-01'), 'cb').status).toBe(
      'not_eligible',
    );
    // 03/07/2026 − 4 months = 03/03/2026, later than 2/3 (02/01/2026).
    const shortLeave: SentenceRules = { ...rules, cb: { ...rules.cb, maxLeaveMonths: 4 } };
    expect(item(computeMilestones(eighteenMonths, shortLeave, 3, '2025-02-01'), 'cb').date).toBe(
      '2026-03-03',
    );
  });
});

describe('cuti menjelang bebas (CMB)', () => {
  it('lasts as long as the last remission, at most 6 months', () => {
    // 5 years from 01/01/2020 = 01/01/2025: 366 + 365 × 3 + 366 = 1827 days.
    // Remissions 90 (17/08/2021) and 200 (17/08/2022, the last): 290 days → release 17/03/2024.
    // 200 days before it is 30/08/2023, but the leave is capped at 6 months: 17/09/2023.
    // 2/3 of 1537 days = ceil(1024.67) = 1025 → 22/10/2022, earlier. CMB from 17/09/2023.
    const result = computeMilestones(
      sentence({
        years: 5,
        detentionStartDate: '2020-01-01',
        remissions: [
          { kind: 'RU', days: 90, decreeDate: '2021-08-17' },
          { kind: 'RU', days: 200, decreeDate: '2022-08-17' },
        ],
      }),
      rules,
      1,
      '2023-01-01',
    );
    expect(result.releaseDate).toBe('2024-03-17');
    expect(item(result, 'two_thirds').date).toBe('2022-10-22');
    const cmb = item(result, 'cmb');
    expect(cmb).toMatchObject({ status: 'not_yet', date: '2023-09-17' });
    expect(cmb.formula.id).toContain('6 bulan (batas)');
  });
});

describe('life and death sentences', () => {
  it('get no milestone at all, each with the reason', () => {
    const result = computeMilestones(
      sentence({ sentenceKind: 'life', remissions: [{ kind: 'RU', days: 30, decreeDate: '2026-08-17' }] }),
      rules,
      1,
      '2026-09-01',
    );
    expect(result.stage).toBeNull();
    expect(result.releaseDate).toBeNull();
    expect(result.items).toHaveLength(9);
    for (const entry of result.items) {
      expect(entry).toMatchObject({ status: 'not_eligible', date: null });
      expect(entry.reasons[0]?.id).toContain('seumur hidup');
    }
    expect(expectedReleaseDate(sentence({ sentenceKind: 'death' }))).toBeNull();
  });
});

describe('fines', () => {
  it('add the substitute detention when the fine is not paid', () => {
    // 1 year from 03/01/2025 = 03/01/2026, + 3 months = 03/04/2026: 365 + 90 = 455 days.
    const unpaid = sentence({ years: 1, fineSubstituteMonths: 3, finePaid: false });
    const result = computeMilestones(unpaid, rules, 1, '2025-02-01');
    expect(result.releaseDate).toBe('2026-04-03');
    expect(item(result, 'expiry').formula.id).toBe(
      'Mulai ditahan 03/01/2025 + 1 tahun + pidana pengganti denda (denda tidak dibayar) 3 bulan = 03/04/2026',
    );
    expect(expectedReleaseDate({ ...unpaid, finePaid: true })).toBe('2026-01-03');
  });
});

describe('without a detention start', () => {
  it('computes nothing and says why', () => {
    const result = computeMilestones(
      sentence({ years: 2, detentionStartDate: null }),
      rules,
      1,
      '2025-02-01',
    );
    expect(result.stage).toBeNull();
    expect(result.items.every((entry) => entry.status === 'unknown' && entry.date === null)).toBe(true);
  });
});

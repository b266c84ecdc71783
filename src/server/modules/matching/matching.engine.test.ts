import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING_RULES, MATCH_GATES, type MatchGate } from '../../../shared/matching.ts';
import {
  blockedCode,
  blockedGate,
  compileOpportunities,
  compilePerson,
  eligiblePairs,
  evaluate,
  QUICK_REVIEW,
  quickScore,
  rankOpportunities,
  rankPeople,
  unplacedReason,
} from './matching.engine.ts';
import type {
  EngineContext,
  EngineOpportunity,
  EnginePerson,
  MatchResult,
  PairDecisions,
} from './matching.types.ts';

const ctx: EngineContext = {
  today: '2026-12-01',
  rules: DEFAULT_MATCHING_RULES,
  ruleVersion: 3,
  skillNames: new Map([
    ['sewing', { id: 'Menjahit', en: 'Sewing' }],
    ['cashier', { id: 'Kasir', en: 'Cashier' }],
  ]),
};

type PersonOverrides = Partial<Omit<EnginePerson, 'place' | 'availability' | 'consent' | 'constraints'>> & {
  place?: Partial<EnginePerson['place']>;
  availability?: Partial<EnginePerson['availability']>;
  consent?: Partial<EnginePerson['consent']>;
  constraints?: Partial<EnginePerson['constraints']>;
};

/** A woman released on 10/12/2026, certified in sewing, trained as a cashier, living in Manyaran. */
function person(overrides: PersonOverrides = {}): EnginePerson {
  const { place, availability, consent, constraints, ...rest } = overrides;
  return {
    id: 'person-1',
    skills: [
      { skillId: 'sewing', level: 'competent', evidence: 'certified' },
      { skillId: 'cashier', level: 'basic', evidence: 'trained' },
    ],
    preferredSectors: ['garment'],
    offenceCategory: null,
    birthDate: '1990-04-12',
    ...rest,
    constraints: { childcare: false, partTimeOnly: false, ...constraints },
    place: {
      source: 'domicile',
      villageId: 'village-manyaran',
      villageCode: '33.74.01.1006',
      villageName: 'Manyaran',
      latitude: -6.99,
      longitude: 110.39,
      ...place,
    },
    availability: { released: false, releaseDate: '2026-12-10', asimilasiDate: null, ...availability },
    consent: { organizationIds: [], kinds: ['partner', 'village'], ...consent },
  };
}

/** A tailoring job in Manyaran starting 24/12/2026, closing 31/01/2027: sewing essential, cashier optional. */
function opportunity(overrides: Partial<EngineOpportunity> = {}): EngineOpportunity {
  return {
    id: 'opportunity-1',
    title: 'Penjahit',
    partnerId: 'partner-1',
    partnerName: 'CV Jahit Rapi',
    villageId: 'village-manyaran',
    villageCode: '33.74.01.1006',
    villageName: 'Manyaran',
    latitude: -6.99,
    longitude: 110.39,
    status: 'open',
    placesLeft: 2,
    startOn: '2026-12-24',
    closesOn: '2027-01-31',
    openToAsimilasi: false,
    restrictedOffences: [],
    restrictionsVersion: 1,
    minAge: null,
    sector: 'garment',
    partTime: false,
    flexible: false,
    shiftWork: false,
    skills: [
      { skillId: 'sewing', minLevel: 'intermediate', essential: true },
      { skillId: 'cashier', minLevel: 'basic', essential: false },
    ],
    demandStrength: 4,
    ...overrides,
  };
}

const texts = (result: MatchResult) => result.reasons.map((r) => [r.id, r.en]);
const points = (result: MatchResult) => Object.fromEntries(result.factors.map((f) => [f.factor, f.points]));
const failed = (result: MatchResult) => result.gates.filter((g) => !g.passed);
const gateReason = (result: MatchResult, gate: MatchGate) =>
  result.gates.find((g) => g.gate === gate)?.reason;

/** quickScore for one pair, compiled on its own. */
function quick(p: EnginePerson, o: EngineOpportunity, decisions?: PairDecisions): number {
  const compiled = compileOpportunities([o]);
  return quickScore(compilePerson(p, compiled, ctx), compiled, 0, decisions);
}

describe('evaluate: worked examples', () => {
  it('a certified seamstress in the same kelurahan, released two weeks before it starts: 95', () => {
    // essential 35 × 1 (certified, level met) + optional 10 × 0.7 (trained) + location 20 × 1 (same kelurahan)
    // + timing 10 × 1 (14 days ≤ 30) + preferences 15 × 1 (garment, no constraint) + demand 10 × 4/5 = 95.
    const result = evaluate(person(), opportunity(), undefined, ctx);
    expect(result.status).toBe('eligible');
    expect(result.score).toBe(95);
    expect(result.ruleVersion).toBe(3);
    expect(result.gates.map((g) => [g.gate, g.passed])).toEqual(MATCH_GATES.map((gate) => [gate, true]));
    expect(result.factors.map((f) => [f.factor, f.weight, f.value])).toEqual([
      ['essentialSkills', 35, 1],
      ['optionalSkills', 10, 0.7],
      ['location', 20, 1],
      ['timing', 10, 1],
      ['preferences', 15, 1],
      ['villageDemand', 10, 0.8],
    ]);
    expect(points(result)).toEqual({
      essentialSkills: 35,
      optionalSkills: 7,
      location: 20,
      timing: 10,
      preferences: 15,
      villageDemand: 8,
    });
    expect(texts(result)).toEqual([
      ['memiliki sertifikat menjahit (wajib)', 'has a certificate in sewing (essential)'],
      ['terlatih kasir (opsional)', 'trained in cashier (optional)'],
      ['tinggal di kelurahan yang sama', 'lives in the same kelurahan'],
      ['mulai 14 hari setelah ia bebas', 'starts 14 days after her release'],
      ['sesuai minatnya di sektor garmen & menjahit', 'matches her interest in garment & sewing'],
      [
        'kelurahan sangat membutuhkan sektor garmen & menjahit',
        'the kelurahan has a strong demand for garment & sewing',
      ],
    ]);
    expect(result.reasons.map((r) => r.tone)).toEqual(Array(6).fill('positive'));
    expect(result.reasons[0]).toMatchObject({
      code: 'skill_certified',
      factor: 'essentialSkills',
      params: { skillId: 'sewing', importance: 'essential', evidence: 'certified', level: 'competent' },
    });
    expect(result.missingEssential).toEqual([]);
    expect(result.missingOptional).toEqual([]);
    expect(quick(person(), opportunity())).toBe(95);
  });

  it('no cashier skill, living 2.4 km away in another kecamatan of the city: 65.8', () => {
    // essential 35 × 0.7 (trained) = 24.5; optional 0 (missing); location: same city tier 0.4, but 2.4018 km by
    // the centroids gives 0.1 + 0.6 × (1 − 2.4018 / 15) = 0.6039 → 12.08; timing 10 (released, starts in 14
    // days); preferences 15 × (0.5 no sector recorded + 1) / 2 = 11.25; demand 8. Total 65.83 → 65.8.
    const her = person({
      skills: [{ skillId: 'sewing', level: 'intermediate', evidence: 'trained' }],
      preferredSectors: [],
      place: {
        villageId: 'village-other',
        villageCode: '33.74.02.1001',
        latitude: -6.9684,
        longitude: 110.39,
      },
      availability: { released: true, releaseDate: '2026-10-01' },
    });
    const job = opportunity({ startOn: '2026-12-15' });
    const result = evaluate(her, job, undefined, ctx);
    expect(result.status).toBe('eligible');
    expect(result.score).toBe(65.8);
    expect(result.factors[2]?.value).toBeCloseTo(0.603928, 5);
    expect(points(result)).toEqual({
      essentialSkills: 24.5,
      optionalSkills: 0,
      location: 12.1,
      timing: 10,
      preferences: 11.3,
      villageDemand: 8,
    });
    expect(texts(result)).toEqual([
      ['terlatih menjahit (wajib)', 'trained in sewing (essential)'],
      ['belum memiliki keterampilan kasir (opsional)', 'does not yet have the skill cashier (optional)'],
      ['domisili di kota yang sama', 'lives in the same city'],
      ['± 2,4 km dari tempat tinggalnya', '± 2.4 km from where she lives'],
      ['mulai 14 hari lagi', 'starts in 14 days'],
      ['minat sektornya belum tercatat', 'her sector interests are not recorded'],
      [
        'kelurahan sangat membutuhkan sektor garmen & menjahit',
        'the kelurahan has a strong demand for garment & sewing',
      ],
    ]);
    expect(result.reasons.map((r) => r.tone)).toEqual([
      'positive',
      'negative',
      'neutral',
      'positive',
      'positive',
      'neutral',
      'positive',
    ]);
    expect(result.reasons[3]).toMatchObject({ code: 'location_distance', params: { km: 2.4 } });
    expect(result.missingEssential).toEqual([]);
    expect(result.missingOptional).toEqual(['cashier']);
    expect(quick(her, job)).toBe(65.8);
  });

  it('asimilasi makes her available months before her release when the opportunity allows it: 66', () => {
    // essential 24.5 (trained) + optional 10 × 0.4 (self-reported) + location 20 (intended kelurahan) + timing 10
    // (21 days after asimilasi) + preferences 15 × (0 other sector + 1) / 2 = 7.5 + demand 0 = 66.
    const her = person({
      skills: [
        { skillId: 'sewing', level: 'competent', evidence: 'trained' },
        { skillId: 'cashier', level: 'basic', evidence: 'self_reported' },
      ],
      preferredSectors: ['food'],
      place: { source: 'intended', villageCode: null, latitude: null, longitude: null },
      availability: { releaseDate: '2027-06-01', asimilasiDate: '2026-12-20' },
    });
    const job = opportunity({
      openToAsimilasi: true,
      startOn: '2027-01-10',
      closesOn: null,
      demandStrength: 0,
    });
    const result = evaluate(her, job, undefined, ctx);
    expect(result.status).toBe('eligible');
    expect(result.score).toBe(66);
    expect(texts(result)).toEqual([
      ['terlatih menjahit (wajib)', 'trained in sewing (essential)'],
      ['mengaku bisa kasir (opsional)', 'self-reports cashier (optional)'],
      ['akan tinggal di kelurahan yang sama', 'will live in the same kelurahan'],
      [
        'mulai 21 hari setelah ia boleh bekerja lewat asimilasi',
        'starts 21 days after she may work on asimilasi',
      ],
      [
        'di luar sektor minatnya (garmen & menjahit)',
        'outside the sectors she is interested in (garment & sewing)',
      ],
      [
        'kelurahan belum mencatat kebutuhan di sektor garmen & menjahit',
        'the kelurahan has recorded no demand for garment & sewing',
      ],
    ]);
    expect(result.reasons[3]).toMatchObject({
      code: 'timing_days_after',
      params: { days: 21, source: 'asimilasi' },
    });
    expect(quick(her, job)).toBe(66);

    // The same woman for an opportunity closed to asimilasi: only her release counts, after it starts.
    const closed = evaluate(her, { ...job, openToAsimilasi: false }, undefined, ctx);
    expect(closed.status).toBe('blocked');
    expect(failed(closed).map((g) => g.gate)).toEqual(['availability']);
    expect(gateReason(closed, 'availability')).toEqual({
      code: 'available_after_start',
      params: { availableOn: '2027-06-01', startOn: '2027-01-10' },
      tone: 'negative',
      factor: null,
      id: 'baru tersedia 01/06/2027, peluang mulai 10/01/2027',
      en: 'available only from 01/06/2027, the opportunity starts 10/01/2027',
    });
    // The score still explains the pair: she could start the day she is released (no wait).
    expect(closed.score).toBe(66);
    expect(texts(closed)[3]).toEqual(['dapat mulai begitu ia bebas', 'can start as soon as she is released']);
    expect(quick(her, { ...job, openToAsimilasi: false })).toBe(blockedCode('availability'));
  });

  it('part-time only with childcare: a shift job scores 42.2, a part-time one 49.7', () => {
    // essential 35 × 0.5 (certified but one level below) + optional 10 (none required) + location 20 × 0.1
    // (another city, no centroid) + timing 10 × (1 − 170 / 335) = 4.93 + preferences 15 × (0.5 + 0) / 2 = 3.75
    // + demand 10 × 2/5 = 4 → 42.18.
    const her = person({
      skills: [{ skillId: 'sewing', level: 'basic', evidence: 'certified' }],
      preferredSectors: [],
      constraints: { partTimeOnly: true, childcare: true },
      place: { villageId: null, villageCode: '33.22.01.2001', villageName: 'Bergas Lor', latitude: null },
      availability: { released: true, releaseDate: '2026-11-20' },
    });
    const shift = opportunity({
      skills: [{ skillId: 'sewing', minLevel: 'intermediate', essential: true }],
      startOn: '2027-06-19',
      closesOn: null,
      shiftWork: true,
      demandStrength: 2,
    });
    const result = evaluate(her, shift, undefined, ctx);
    expect(result.status).toBe('eligible');
    expect(result.score).toBe(42.2);
    expect(points(result)).toEqual({
      essentialSkills: 17.5,
      optionalSkills: 10,
      location: 2,
      timing: 4.9,
      preferences: 3.8,
      villageDemand: 4,
    });
    expect(texts(result)).toEqual([
      [
        'tingkat menjahit di bawah yang diminta (wajib)',
        'her level in sewing is below the one required (essential)',
      ],
      ['domisili di luar kota', 'lives in another city'],
      ['mulai 200 hari lagi', 'starts in 200 days'],
      ['minat sektornya belum tercatat', 'her sector interests are not recorded'],
      ['ia hanya bisa bekerja paruh waktu', 'she can only work part-time'],
      ['kerja bergilir sulit dengan pengasuhan anak', 'shift work is hard to combine with her childcare'],
      ['kelurahan membutuhkan sektor garmen & menjahit', 'the kelurahan has a demand for garment & sewing'],
    ]);
    expect(result.reasons.map((r) => r.tone)).toEqual([
      'negative',
      'negative',
      'neutral',
      'neutral',
      'negative',
      'negative',
      'positive',
    ]);
    expect(result.missingEssential).toEqual([]);

    const partTime = evaluate(her, { ...shift, partTime: true }, undefined, ctx);
    expect(partTime.score).toBe(49.7);
    expect(texts(partTime).slice(4, 6)).toEqual([
      ['jam kerja sesuai kebutuhannya bekerja paruh waktu', 'the hours suit her need to work part-time'],
      ['jam kerja cocok dengan pengasuhan anak', 'the hours fit her childcare'],
    ]);
    expect(quick(her, shift)).toBe(42.2);
    expect(quick(her, { ...shift, partTime: true })).toBe(49.7);
  });

  it('childcare alone with fixed hours counts half and says to check the hours', () => {
    const her = person({ constraints: { childcare: true } });
    const result = evaluate(her, opportunity(), undefined, ctx);
    expect(result.factors.find((f) => f.factor === 'preferences')?.value).toBe(0.75);
    expect(result.reasons.find((r) => r.code === 'childcare_check_hours')).toMatchObject({
      tone: 'neutral',
      id: 'jam kerja tetap: perlu dicocokkan dengan pengasuhan anak',
    });
  });

  it('names an essential skill she lacks, with its id, and scores it 0', () => {
    const her = person({ skills: [] });
    const result = evaluate(her, opportunity(), undefined, ctx);
    expect(result.missingEssential).toEqual(['sewing']);
    expect(result.missingOptional).toEqual(['cashier']);
    expect(texts(result).slice(0, 2)).toEqual([
      ['belum memiliki keterampilan menjahit (wajib)', 'does not yet have the skill sewing (essential)'],
      ['belum memiliki keterampilan kasir (opsional)', 'does not yet have the skill cashier (optional)'],
    ]);
    expect(result.factors.slice(0, 2).map((f) => f.value)).toEqual([0, 0]);
  });

  it('takes her best row of a skill; two levels below keeps the twoLevels share', () => {
    const her = person({
      skills: [
        { skillId: 'sewing', level: 'basic', evidence: 'certified' },
        { skillId: 'sewing', level: 'competent', evidence: 'assessed' },
      ],
    });
    const job = opportunity({ skills: [{ skillId: 'sewing', minLevel: 'competent', essential: true }] });
    const result = evaluate(her, job, undefined, ctx);
    expect(result.factors[0]?.value).toBe(0.85);
    expect(result.reasons[0]?.id).toBe('teruji menjahit (wajib)');
    const basicOnly = evaluate(
      person({ skills: [{ skillId: 'sewing', level: 'basic', evidence: 'certified' }] }),
      job,
      undefined,
      ctx,
    );
    expect(basicOnly.factors[0]?.value).toBe(0.2);
  });

  it('an opportunity without skills gives full skill credit; unknown skill names fall back to the id', () => {
    const result = evaluate(person(), opportunity({ skills: [] }), undefined, ctx);
    expect(result.factors.slice(0, 2).map((f) => f.value)).toEqual([1, 1]);
    const unnamed = evaluate(
      person({ skills: [] }),
      opportunity({ skills: [{ skillId: 'welding', minLevel: 'basic', essential: true }] }),
      undefined,
      ctx,
    );
    expect(unnamed.reasons[0]?.id).toBe('belum memiliki keterampilan welding (wajib)');
  });

  it('same kecamatan by code; unknown place counts as elsewhere with a neutral reason', () => {
    const kecamatan = evaluate(
      person({ place: { villageId: 'village-x', villageCode: '33.74.01.1003', latitude: null } }),
      opportunity(),
      undefined,
      ctx,
    );
    expect(kecamatan.factors[2]?.value).toBe(0.7);
    expect(texts(kecamatan)[2]).toEqual(['domisili di kecamatan yang sama', 'lives in the same kecamatan']);
    const intended = evaluate(
      person({
        place: { source: 'intended', villageId: 'village-x', villageCode: '33.74.01.1003', latitude: null },
      }),
      opportunity(),
      undefined,
      ctx,
    );
    expect(texts(intended)[2]).toEqual([
      'kelurahan tujuan di kecamatan yang sama',
      'her intended kelurahan is in the same kecamatan',
    ]);
    const unknown = evaluate(
      person({
        place: {
          source: null,
          villageId: null,
          villageCode: null,
          villageName: null,
          latitude: null,
          longitude: null,
        },
      }),
      opportunity(),
      undefined,
      ctx,
    );
    expect(unknown.factors[2]?.value).toBe(0.1);
    expect(unknown.reasons[2]).toMatchObject({
      code: 'location_unknown',
      tone: 'neutral',
      id: 'tempat tinggalnya belum tercatat',
    });
  });

  it('timing: full credit up to 30 days, none from 365, and "can start right away" when it already started', () => {
    const released = person({ availability: { released: true } });
    const at = (startOn: string) =>
      evaluate(released, opportunity({ startOn, closesOn: '2028-01-01' }), undefined, ctx);
    expect(at('2026-12-31').factors[3]?.value).toBe(1);
    expect(at('2027-12-01').factors[3]?.value).toBe(0);
    const started = at('2026-11-01');
    expect(started.status).toBe('eligible');
    expect(started.factors[3]?.value).toBe(1);
    expect(texts(started)[3]).toEqual(['dapat segera mulai', 'can start right away']);
    const onRelease = evaluate(person(), opportunity({ startOn: '2026-12-05' }), undefined, ctx);
    expect(texts(onRelease)[3]).toEqual([
      'dapat mulai begitu ia bebas',
      'can start as soon as she is released',
    ]);
  });

  it('never lets gender-like or legal-only fields move the score: offence and birth date only gate', () => {
    const base = evaluate(person(), opportunity(), undefined, ctx).score;
    expect(evaluate(person({ offenceCategory: 'narcotics' }), opportunity(), undefined, ctx).score).toBe(
      base,
    );
    expect(evaluate(person({ birthDate: null }), opportunity(), undefined, ctx).score).toBe(base);
  });
});

describe('evaluate: gates', () => {
  it.each([
    ['draft', 'peluang belum dibuka', 'the opportunity is not open yet'],
    ['filled', 'peluang sudah terisi', 'the opportunity is filled'],
    ['closed', 'peluang sudah ditutup', 'the opportunity is closed'],
  ] as const)('open: a %s opportunity blocks', (status, id, en) => {
    const result = evaluate(person(), opportunity({ status }), undefined, ctx);
    expect(result.status).toBe('blocked');
    expect(failed(result).map((g) => g.gate)).toEqual(['open']);
    expect(gateReason(result, 'open')).toMatchObject({
      code: 'opportunity_not_open',
      params: { status },
      id,
      en,
    });
    expect(result.score).toBe(95);
    expect(quick(person(), opportunity({ status }))).toBe(blockedCode('open'));
  });

  it('places: none left blocks', () => {
    const result = evaluate(person(), opportunity({ placesLeft: 0 }), undefined, ctx);
    expect(failed(result).map((g) => g.gate)).toEqual(['places']);
    expect(gateReason(result, 'places')).toMatchObject({
      id: 'tidak ada tempat tersisa',
      en: 'no places left',
    });
    expect(quick(person(), opportunity({ placesLeft: 0 }))).toBe(blockedCode('places'));
  });

  it('availability: released after the closing date blocks, with both dates dd/mm/yyyy', () => {
    const her = person({ availability: { releaseDate: '2027-02-12' } });
    const job = opportunity({ closesOn: '2027-01-01' });
    const result = evaluate(her, job, undefined, ctx);
    expect(failed(result).map((g) => g.gate)).toEqual(['availability']);
    expect(gateReason(result, 'availability')).toMatchObject({
      code: 'available_after_close',
      params: { availableOn: '2027-02-12', closesOn: '2027-01-01' },
      id: 'baru tersedia 12/02/2027, peluang ditutup 01/01/2027',
      en: 'available only from 12/02/2027, the opportunity closes 01/01/2027',
    });
    expect(quick(her, job)).toBe(blockedCode('availability'));
    // Available on the closing day itself is in time.
    expect(
      evaluate(person({ availability: { releaseDate: '2027-01-01' } }), job, undefined, ctx).status,
    ).toBe('eligible');
  });

  it('availability: an unknown release date blocks', () => {
    const her = person({ availability: { releaseDate: null } });
    const result = evaluate(her, opportunity(), undefined, ctx);
    expect(gateReason(result, 'availability')).toMatchObject({
      code: 'availability_unknown',
      id: 'tanggal bebas belum diketahui',
    });
    expect(result.reasons.find((r) => r.factor === 'timing')?.code).toBe('timing_unknown');
    expect(quick(her, opportunity())).toBe(blockedCode('availability'));
  });

  it('consent: must name the partner (or partners) and the kelurahan (or kelurahan)', () => {
    const check = (consent: EnginePerson['consent']) => {
      const her = person({ consent });
      const result = evaluate(her, opportunity(), undefined, ctx);
      expect(quick(her, opportunity())).toBe(
        result.status === 'eligible' ? result.score : blockedCode('consent'),
      );
      return gateReason(result, 'consent');
    };
    expect(check({ organizationIds: ['partner-1', 'village-manyaran'], kinds: [] })).toBeNull();
    expect(check({ organizationIds: ['partner-1'], kinds: ['village'] })).toBeNull();
    expect(check({ organizationIds: [], kinds: ['village'] })).toMatchObject({
      code: 'consent_missing_partner',
      id: 'belum ada persetujuan berbagi data dengan mitra CV Jahit Rapi',
      en: 'no consent yet to share her data with the partner CV Jahit Rapi',
    });
    expect(check({ organizationIds: ['partner-2'], kinds: ['partner'] })).toMatchObject({
      code: 'consent_missing_village',
      id: 'belum ada persetujuan berbagi data dengan kelurahan Manyaran',
    });
    expect(check({ organizationIds: [], kinds: ['district'] })).toMatchObject({
      code: 'consent_missing_both',
      id: 'belum ada persetujuan berbagi data dengan mitra CV Jahit Rapi dan kelurahan Manyaran',
    });
  });

  it('age: under the legal minimum on the start date blocks without stating her age', () => {
    const job = opportunity({ minAge: 18, startOn: '2026-12-24' });
    const young = person({ birthDate: '2008-12-25' });
    const result = evaluate(young, job, undefined, ctx);
    expect(failed(result).map((g) => g.gate)).toEqual(['age']);
    expect(gateReason(result, 'age')).toEqual({
      code: 'below_min_age',
      params: { minAge: 18 },
      tone: 'negative',
      factor: null,
      id: 'belum memenuhi usia minimum 18 tahun',
      en: 'does not meet the minimum age of 18',
    });
    expect(JSON.stringify(result)).not.toContain('2008');
    expect(quick(young, job)).toBe(blockedCode('age'));
    // 18 on the start date itself passes.
    expect(evaluate(person({ birthDate: '2008-12-24' }), job, undefined, ctx).status).toBe('eligible');
    expect(quick(person({ birthDate: '2008-12-24' }), job)).toBe(95);
  });

  it('age: an unknown birth date blocks when a minimum age applies, and only then', () => {
    const her = person({ birthDate: null });
    const result = evaluate(her, opportunity({ minAge: 21 }), undefined, ctx);
    expect(gateReason(result, 'age')).toMatchObject({
      code: 'birth_date_missing',
      id: 'tanggal lahir belum tercatat (usia minimum 21 tahun)',
    });
    expect(evaluate(her, opportunity(), undefined, ctx).status).toBe('eligible');
  });

  describe('restriction', () => {
    const job = opportunity({ restrictedOffences: ['narcotics', 'fraud'], restrictionsVersion: 2 });
    const her = person({ offenceCategory: 'narcotics' });
    const review = (kind: 'restriction_cleared' | 'restriction_refused', restrictionsVersion: number) => ({
      restriction: { kind, restrictionsVersion },
    });

    it('sends the pair to corrections review with a reason that does not name the offence', () => {
      const result = evaluate(her, job, undefined, ctx);
      expect(result.status).toBe('review');
      expect(result.score).toBe(95);
      expect(gateReason(result, 'restriction')).toEqual({
        code: 'restriction_review',
        params: {},
        tone: 'neutral',
        factor: null,
        id: 'pembatasan peluang perlu ditinjau petugas pemasyarakatan',
        en: "the opportunity's restrictions need a review by corrections staff",
      });
      expect(JSON.stringify(result)).not.toContain('narcotics');
      expect(quick(her, job)).toBe(QUICK_REVIEW);
      // Another offence, or none, is not touched.
      expect(evaluate(person({ offenceCategory: 'theft' }), job, undefined, ctx).status).toBe('eligible');
      expect(evaluate(person(), job, undefined, ctx).status).toBe('eligible');
    });

    it('a clearance of the same restrictions version lets the pair through', () => {
      const decisions = review('restriction_cleared', 2);
      const result = evaluate(her, job, decisions, ctx);
      expect(result.status).toBe('eligible');
      expect(gateReason(result, 'restriction')).toBeNull();
      expect(quick(her, job, decisions)).toBe(95);
    });

    it('a refusal of the same version blocks', () => {
      const decisions = review('restriction_refused', 2);
      const result = evaluate(her, job, decisions, ctx);
      expect(result.status).toBe('blocked');
      expect(gateReason(result, 'restriction')).toMatchObject({
        code: 'restriction_refused',
        id: 'ditolak setelah ditinjau petugas pemasyarakatan',
      });
      expect(quick(her, job, decisions)).toBe(blockedCode('restriction'));
    });

    it('a decision on an older restrictions version no longer counts: back to review', () => {
      for (const kind of ['restriction_cleared', 'restriction_refused'] as const) {
        expect(evaluate(her, job, review(kind, 1), ctx).status).toBe('review');
        expect(quick(her, job, review(kind, 1))).toBe(QUICK_REVIEW);
      }
    });

    it('a blocking gate wins over a pending review', () => {
      const result = evaluate(her, { ...job, placesLeft: 0 }, undefined, ctx);
      expect(result.status).toBe('blocked');
      expect(failed(result).map((g) => g.gate)).toEqual(['places', 'restriction']);
      expect(quick(her, { ...job, placesLeft: 0 })).toBe(blockedCode('places'));
    });
  });

  it('dismissed: a standing set-aside blocks with its reason code', () => {
    const decisions = { dismissed: { reasonCode: 'distance_or_transport' } };
    const result = evaluate(person(), opportunity(), decisions, ctx);
    expect(result.status).toBe('blocked');
    expect(failed(result).map((g) => g.gate)).toEqual(['dismissed']);
    expect(gateReason(result, 'dismissed')).toMatchObject({
      code: 'dismissed',
      params: { reasonCode: 'distance_or_transport' },
      id: 'disisihkan oleh petugas: jarak atau transportasi',
      en: 'set aside by staff: distance or transport',
    });
    expect(quick(person(), opportunity(), decisions)).toBe(blockedCode('dismissed'));
  });

  it('quickScore codes name the gates', () => {
    expect(MATCH_GATES.map((gate) => blockedGate(blockedCode(gate)))).toEqual([...MATCH_GATES]);
    expect(blockedGate(QUICK_REVIEW)).toBeNull();
    expect(blockedGate(42.5)).toBeNull();
  });
});

describe('ranking', () => {
  // Scores: the base woman gets 95 in her own kelurahan; elsewhere (another city, no centroid) 77.
  const far = { villageId: 'village-far', villageCode: '33.22.01.2001', latitude: null, longitude: null };
  const jobs = [
    opportunity({ id: 'b-late', startOn: '2026-12-28' }),
    opportunity({ id: 'a-early', startOn: '2026-12-20' }),
    opportunity({ id: 'c-same-day', startOn: '2026-12-20' }),
    opportunity({ id: 'far', ...far }),
    opportunity({ id: 'closed', status: 'closed' }),
    opportunity({ id: 'restricted', restrictedOffences: ['fraud'] }),
    opportunity({ id: 'dismissed' }),
    opportunity({
      id: 'weak',
      skills: [{ skillId: 'welding', minLevel: 'basic', essential: true }],
      sector: 'food',
      demandStrength: 0,
      ...far,
    }),
  ];
  const her = person({ offenceCategory: 'fraud' });
  const decisions = new Map([['dismissed', { dismissed: { reasonCode: 'person_declined' } }]]);

  it('ranks by score, then start date, then id; review and blocked pairs stay out of the recommendations', () => {
    const compiled = compileOpportunities(jobs);
    const result = rankOpportunities(her, compiled, ctx, { limit: 10, decisions });
    expect(result.recommendations.map((r) => [r.opportunityId, r.score])).toEqual([
      ['a-early', 95],
      ['c-same-day', 95],
      ['b-late', 95],
      ['far', 77],
    ]);
    expect(result.recommendations.every((r) => r.status === 'eligible')).toBe(true);
    expect(result.review.map((r) => [r.opportunityId, r.status])).toEqual([['restricted', 'review']]);
    expect(result).toMatchObject({
      evaluatedCount: 8,
      eligibleCount: 4,
      belowMinScoreCount: 1,
      reviewCount: 1,
      blockedCount: 2,
      blockedByGate: {
        open: 1,
        places: 0,
        availability: 0,
        consent: 0,
        age: 0,
        restriction: 0,
        dismissed: 1,
      },
    });
    const top2 = rankOpportunities(her, compiled, ctx, { limit: 2, decisions });
    expect(top2.recommendations.map((r) => r.opportunityId)).toEqual(['a-early', 'c-same-day']);
    expect(top2.eligibleCount).toBe(4);
    const strict = rankOpportunities(her, compiled, ctx, { limit: 10, decisions, minScore: 80 });
    expect(strict.recommendations.map((r) => r.opportunityId)).toEqual(['a-early', 'c-same-day', 'b-late']);
    expect(strict.belowMinScoreCount).toBe(2);
    // The dismissed pair comes back without the decision.
    expect(rankOpportunities(her, compiled, ctx, { limit: 10 }).eligibleCount).toBe(5);
  });

  it('compiles the opportunities in tie order whatever the input order', () => {
    const compiled = compileOpportunities([...jobs].reverse());
    expect(compiled.ids).toEqual([
      'a-early',
      'c-same-day',
      'closed',
      'dismissed',
      'far',
      'restricted',
      'weak',
      'b-late',
    ]);
    expect(compiled.indexById.get('b-late')).toBe(7);
    expect(compiled.items[7]?.id).toBe('b-late');
  });

  it('ranks people for an opportunity by score, then id', () => {
    const people = [
      person({ id: 'p-c' }),
      person({ id: 'p-a' }),
      person({ id: 'p-far', place: far }),
      person({ id: 'p-review', offenceCategory: 'fraud' }),
      person({ id: 'p-no-consent', consent: { kinds: [] } }),
      person({ id: 'p-dismissed' }),
    ];
    const job = opportunity({ restrictedOffences: ['fraud'] });
    const result = rankPeople(job, people, ctx, {
      limit: 10,
      decisions: new Map([['p-dismissed', { dismissed: { reasonCode: 'health' } }]]),
    });
    expect(result.recommendations.map((r) => [r.personId, r.score])).toEqual([
      ['p-a', 95],
      ['p-c', 95],
      ['p-far', 77],
    ]);
    expect(result.review.map((r) => r.personId)).toEqual(['p-review']);
    expect(result.blockedByGate).toMatchObject({ consent: 1, dismissed: 1 });
    expect(result.evaluatedCount).toBe(6);
    expect(rankPeople(job, people, ctx, { limit: 1 }).recommendations.map((r) => r.personId)).toEqual([
      'p-a',
    ]);
  });
});

describe('eligiblePairs', () => {
  const far = { villageId: 'village-far', villageCode: '33.22.01.2001', latitude: null, longitude: null };
  const jobs = [
    opportunity({ id: 'near', startOn: '2026-12-20' }),
    opportunity({ id: 'far', ...far }),
    opportunity({ id: 'late', startOn: '2027-03-01', closesOn: null }),
    opportunity({ id: 'restricted', restrictedOffences: ['fraud'] }),
  ];
  const people = [
    person({ id: 'ani' }),
    person({ id: 'budi-no-consent', consent: { kinds: [] } }),
    person({ id: 'citra-review', offenceCategory: 'fraud', consent: { kinds: [] }, place: far }),
    person({
      id: 'dewi-weak',
      skills: [],
      preferredSectors: ['food'],
      place: { villageId: null, villageCode: '33.22.05.3001', latitude: null, longitude: null },
    }),
    person({ id: 'eka-late', availability: { releaseDate: '2027-12-01' } }),
  ];
  const compiled = compileOpportunities(jobs);

  it('lists eligible pairs at or above minScore as columns, with per-person counts', () => {
    const pairs = eligiblePairs(people, compiled, ctx, {
      decisions: new Map([['ani', new Map([['late', { dismissed: { reasonCode: 'other' } }]])]]),
    });
    const rows = Array.from({ length: pairs.count }, (_, e) => [
      people[pairs.person[e] as number]?.id,
      compiled.ids[pairs.opportunity[e] as number],
      pairs.score[e],
    ]);
    for (const [personId, opportunityId, score] of rows) {
      const p = people.find((x) => x.id === personId) as EnginePerson;
      const o = jobs.find((x) => x.id === opportunityId) as EngineOpportunity;
      const result = evaluate(
        p,
        o,
        personId === 'ani' && opportunityId === 'late' ? { dismissed: { reasonCode: 'other' } } : undefined,
        ctx,
      );
      expect(result.status).toBe('eligible');
      expect(result.score).toBe(score);
    }
    expect(rows.map((row) => row.slice(0, 2))).toEqual([
      ['ani', 'near'],
      ['ani', 'far'],
      ['ani', 'restricted'],
    ]);
    const counts = pairs.perPerson;
    expect([...counts.eligible]).toEqual([3, 0, 0, 0, 0]);
    expect([...counts.review]).toEqual([0, 0, 0, 0, 0]);
    expect([...counts.belowMinScore]).toEqual([0, 0, 0, 4, 0]);
    expect([...counts.blocked]).toEqual([1, 4, 4, 0, 4]);
    expect([...counts.mainGate]).toEqual([
      MATCH_GATES.indexOf('dismissed'),
      MATCH_GATES.indexOf('consent'),
      MATCH_GATES.indexOf('consent'),
      -1,
      MATCH_GATES.indexOf('availability'),
    ]);
    expect(counts.bestScore[0]).toBe(95);
    expect(counts.bestScore[1]).toBe(-1);
    expect(counts.bestScore[3]).toBeLessThan(40);
    expect(counts.blockedByGate[4 * MATCH_GATES.length + MATCH_GATES.indexOf('availability')]).toBe(4);
  });

  it('keeps each person her best k pairs with perPersonLimit', () => {
    const pairs = eligiblePairs(people, compiled, ctx, { perPersonLimit: 2 });
    expect(Array.from(pairs.opportunity, (i) => compiled.ids[i])).toEqual(['near', 'restricted']);
    expect(pairs.perPerson.eligible[0]).toBe(4);
  });

  it('says why each person was not placed', () => {
    const restricted = compileOpportunities([opportunity({ restrictedOffences: ['fraud'] })]);
    const pairs = eligiblePairs(
      [...people, person({ id: 'fajar-review', offenceCategory: 'fraud' })],
      restricted,
      ctx,
    );
    expect(unplacedReason(pairs, 0)).toMatchObject({ code: 'places_taken', params: { eligible: 1 } });
    expect(unplacedReason(pairs, 1)).toMatchObject({
      code: 'blocked',
      params: { gate: 'consent', blocked: 1 },
      id: 'tidak ada peluang yang terbuka baginya: paling sering karena persetujuan berbagi data belum ada',
    });
    expect(unplacedReason(pairs, 3)).toMatchObject({ code: 'below_min_score', params: { minScore: 40 } });
    expect(unplacedReason(pairs, 5)).toMatchObject({
      code: 'in_review',
      id: '1 peluang menunggu tinjauan petugas pemasyarakatan',
    });
    const none = eligiblePairs(people, compileOpportunities([]), ctx);
    expect(none.count).toBe(0);
    expect(unplacedReason(none, 0).code).toBe('no_opportunities');
  });
});

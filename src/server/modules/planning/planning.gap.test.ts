import { describe, expect, it } from 'vitest';
import type { PlanningSkill } from '../../../shared/planning.ts';
import {
  addMonths,
  chooseProgram,
  cohortsByMonth,
  computeGap,
  fillByLevel,
  type GapInput,
  horizonMonths,
  mergeSupply,
  monthStart,
  needDemand,
  needInHorizon,
  type ProgramInput,
  planCohorts,
  potentialDemand,
  programWeeks,
} from './planning.gap.ts';

const sewing: PlanningSkill = {
  id: '00000000-0000-4000-8000-0000000000a1',
  code: 'garment.sewing',
  nameId: 'Menjahit',
  nameEn: 'Sewing',
  sector: 'garment',
};
const cooking: PlanningSkill = {
  id: '00000000-0000-4000-8000-0000000000a2',
  code: 'food.cooking',
  nameId: 'Tata boga',
  nameEn: 'Cooking',
  sector: 'food',
};
const KROBOKAN = '00000000-0000-4000-8000-0000000000b1';
const CABEAN = '00000000-0000-4000-8000-0000000000b2';

const program = (overrides: Partial<ProgramInput> = {}): ProgramInput => ({
  id: '00000000-0000-4000-8000-0000000000c1',
  name: 'Menjahit Dasar',
  organizationId: '00000000-0000-4000-8000-000000000001',
  organizationName: 'LPP Semarang',
  defaultCapacity: 4,
  sessionsCount: 12,
  sessionsPerWeek: 2,
  skills: [{ skillId: sewing.id, level: 'basic' }],
  ...overrides,
});

describe('demand rules', () => {
  it('counts a potential of strength 4 or 5 as that many people and below 4 as none', () => {
    expect([1, 2, 3, 4, 5].map(potentialDemand)).toEqual([0, 0, 0, 4, 5]);
  });

  it('counts a labour demand as its size (one when unknown), a service or a market as one woman', () => {
    expect(needDemand('labour_demand', null)).toBe(1);
    expect(needDemand('labour_demand', 6)).toBe(6);
    expect(needDemand('labour_demand', 0)).toBe(0);
    // Sizes of services and markets count customers or households, not workers.
    expect(needDemand('service_needed', 300)).toBe(1);
    expect(needDemand('market', 8000)).toBe(1);
    expect(needDemand('market', null)).toBe(1);
  });

  it('lists the months a horizon touches, all twelve from a year on', () => {
    expect(horizonMonths('2026-11-20', '2027-02-20')).toEqual([1, 2, 11, 12]);
    expect(horizonMonths('2026-03-01', '2026-03-31')).toEqual([3]);
    expect(horizonMonths('2026-03-15', '2027-03-15')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('takes a need all year when it names no month, else when a month falls in the horizon', () => {
    expect(needInHorizon([], [3])).toBe(true);
    expect(needInHorizon([6, 7], [11, 12, 1])).toBe(false);
    expect(needInHorizon([1, 7], [11, 12, 1])).toBe(true);
  });

  it('adds calendar months, keeping the day or taking the month’s last', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-11-29', 12)).toBe('2027-11-29');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-08-31', 36)).toBe('2029-08-31');
  });
});

describe('filling places level by level', () => {
  it('lets a higher level take a lower place, never the reverse', () => {
    // 1 basic and 1 competent place; 2 women at basic: the competent place stays short.
    expect(fillByLevel([1, 0, 1], [2, 0, 0])).toEqual({ short: [0, 0, 1], shortage: 1, spare: 1 });
    // 2 basic places, 1 competent woman and 1 intermediate: both filled from above.
    expect(fillByLevel([2, 0, 0], [0, 1, 1])).toEqual({ short: [0, 0, 0], shortage: 0, spare: 0 });
    // 3 intermediate places, 1 competent, 1 intermediate, 4 basic: 1 short.
    expect(fillByLevel([0, 3, 0], [4, 1, 1])).toEqual({ short: [0, 1, 0], shortage: 1, spare: 4 });
  });
});

describe('programs', () => {
  it('estimates weeks from sessions and the cohorts’ sessions a week, 3 a week when unknown', () => {
    expect(programWeeks({ sessionsCount: 12, sessionsPerWeek: 2 })).toEqual({ sessionsPerWeek: 2, weeks: 6 });
    expect(programWeeks({ sessionsCount: 10, sessionsPerWeek: null })).toEqual({
      sessionsPerWeek: 3,
      weeks: 4,
    });
    expect(programWeeks({ sessionsCount: 1, sessionsPerWeek: 5 })).toEqual({ sessionsPerWeek: 5, weeks: 1 });
  });

  it('prefers a program teaching the level short, then the shortest, then the largest', () => {
    const basicShort = program({ id: 'a', name: 'A', sessionsCount: 6, sessionsPerWeek: 3 });
    const competentLong = program({
      id: 'b',
      name: 'B',
      sessionsCount: 30,
      sessionsPerWeek: 3,
      skills: [{ skillId: sewing.id, level: 'competent' }],
    });
    const basicShortLarger = program({
      id: 'c',
      name: 'C',
      sessionsCount: 6,
      sessionsPerWeek: 3,
      defaultCapacity: 9,
    });
    const programs = [basicShort, competentLong, basicShortLarger];
    expect(chooseProgram(programs, sewing.id, 'competent')?.id).toBe('b');
    expect(chooseProgram(programs, sewing.id, 'basic')?.id).toBe('c');
    expect(chooseProgram(programs, cooking.id, 'basic')).toBeNull();
    expect(chooseProgram(programs, sewing.id, 'competent')).toMatchObject({
      level: 'competent',
      sessionsPerWeek: 3,
      durationWeeks: 10,
    });
  });
});

describe('cohorts for a gap', () => {
  const gapProgram = chooseProgram([program()], sewing.id, 'basic');
  // 10 women lacking the skill: 3 released 01/03/2027, 2 on 15/04/2027, 5 on 01/06/2027.
  const lacking = [
    { releaseDate: '2027-03-01', people: 3 },
    { releaseDate: '2027-04-15', people: 2 },
    { releaseDate: '2027-06-01', people: 5 },
  ];

  it('splits the gap in cohorts of the program’s capacity, each starting its weeks before its first release', () => {
    // Gap 9, capacity 4, 6 weeks: women 1–4 (first release 01/03), 5–8 (women 5 released 15/04), 9 (01/06).
    const rows = planCohorts({ today: '2027-01-10', skill: sewing, program: gapProgram, gap: 9, lacking });
    expect(
      rows.map(({ sequence, size, serves, firstRelease, latestStart, urgent }) => ({
        sequence,
        size,
        serves,
        firstRelease,
        latestStart,
        urgent,
      })),
    ).toEqual([
      // 01/03/2027 − 42 days = 18/01/2027.
      {
        sequence: 1,
        size: 4,
        serves: 4,
        firstRelease: '2027-03-01',
        latestStart: '2027-01-18',
        urgent: false,
      },
      // 15/04/2027 − 42 days = 04/03/2027.
      {
        sequence: 2,
        size: 4,
        serves: 4,
        firstRelease: '2027-04-15',
        latestStart: '2027-03-04',
        urgent: false,
      },
      // 01/06/2027 − 42 days = 20/04/2027.
      {
        sequence: 3,
        size: 1,
        serves: 1,
        firstRelease: '2027-06-01',
        latestStart: '2027-04-20',
        urgent: false,
      },
    ]);
  });

  it('flags a cohort whose latest start has passed as urgent', () => {
    const rows = planCohorts({ today: '2027-01-19', skill: sewing, program: gapProgram, gap: 2, lacking });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ size: 2, latestStart: '2027-01-18', urgent: true });
  });

  it('gives the dates by month to anyone but corrections staff: no release date, the latest start’s month', () => {
    const today = '2027-01-10';
    const exact = planCohorts({ today, skill: sewing, program: gapProgram, gap: 9, lacking });
    const newProgram = planCohorts({ today, skill: sewing, program: null, gap: 12, lacking });
    const byMonth = cohortsByMonth([...exact, ...newProgram], today);
    expect(
      byMonth.map(({ size, serves, firstRelease, latestStart, urgent }) => [
        size,
        serves,
        firstRelease,
        latestStart,
        urgent,
      ]),
    ).toEqual([
      // 18/01/2027 → January 2027, this month: start this month at the latest, so urgent.
      [4, 4, null, '2027-01-01', true],
      // 04/03/2027 → March 2027.
      [4, 4, null, '2027-03-01', false],
      // 20/04/2027 → April 2027.
      [1, 1, null, '2027-04-01', false],
      [12, 10, null, null, false],
    ]);
    // Never later than the exact date, and the rest of the row as it was.
    expect(byMonth[0]).toEqual({ ...exact[0], firstRelease: null, latestStart: '2027-01-01', urgent: true });
    expect(monthStart('2027-12-31')).toBe('2027-12-01');
  });

  it('covers only the women there are, and asks for a new program when none teaches the skill', () => {
    expect(
      planCohorts({ today: '2027-01-01', skill: sewing, program: gapProgram, gap: 30, lacking }),
    ).toHaveLength(3);
    expect(planCohorts({ today: '2027-01-01', skill: sewing, program: null, gap: 12, lacking })).toEqual([
      {
        skill: sewing,
        program: null,
        sequence: 1,
        size: 12,
        serves: 10,
        firstRelease: '2027-03-01',
        latestStart: null,
        urgent: false,
      },
    ]);
    expect(planCohorts({ today: '2027-01-01', skill: sewing, program: gapProgram, gap: 0, lacking })).toEqual(
      [],
    );
  });
});

describe('the whole gap', () => {
  const base: GapInput = {
    today: '2027-01-10',
    skills: [sewing, cooking],
    villages: [
      { id: KROBOKAN, name: 'Kelurahan Krobokan' },
      { id: CABEAN, name: 'Kelurahan Cabean' },
    ],
    demand: [
      // Sewing: 5 places (3 basic in Krobokan, 2 intermediate in Cabean), 2 optional, a need of 2, a potential of 4.
      { skillId: sewing.id, villageId: KROBOKAN, source: 'place', level: 'basic', people: 3 },
      { skillId: sewing.id, villageId: CABEAN, source: 'place', level: 'intermediate', people: 2 },
      { skillId: sewing.id, villageId: CABEAN, source: 'place_optional', level: 'basic', people: 2 },
      { skillId: sewing.id, villageId: KROBOKAN, source: 'need', level: 'basic', people: 2 },
      { skillId: sewing.id, villageId: CABEAN, source: 'potential', level: 'basic', people: 4 },
      // Cooking: only optional places, no counted demand.
      { skillId: cooking.id, villageId: KROBOKAN, source: 'place_optional', level: 'basic', people: 1 },
    ],
    supply: [
      // Sewing: 2 hold it at basic (Krobokan), 1 at intermediate (not decided), 1 will after a basic cohort
      // (Cabean), 1 holds basic and will reach intermediate (Cabean).
      { skillId: sewing.id, villageId: KROBOKAN, held: 'basic', trained: null, people: 2 },
      { skillId: sewing.id, villageId: null, held: 'intermediate', trained: null, people: 1 },
      { skillId: sewing.id, villageId: CABEAN, held: null, trained: 'basic', people: 1 },
      { skillId: sewing.id, villageId: CABEAN, held: 'basic', trained: 'intermediate', people: 1 },
    ],
    releases: [
      // Everyone released in the horizon: 4 on 01/03/2027, 6 on 01/05/2027, 10 on 01/09/2027.
      { skillId: null, releaseDate: '2027-03-01', level: null, people: 4 },
      { skillId: null, releaseDate: '2027-05-01', level: null, people: 6 },
      { skillId: null, releaseDate: '2027-09-01', level: null, people: 10 },
      // Those with sewing (best level): 3 on 01/03, 2 on 01/05.
      { skillId: sewing.id, releaseDate: '2027-03-01', level: 'basic', people: 2 },
      { skillId: sewing.id, releaseDate: '2027-03-01', level: 'intermediate', people: 1 },
      { skillId: sewing.id, releaseDate: '2027-05-01', level: 'basic', people: 1 },
      { skillId: sewing.id, releaseDate: '2027-05-01', level: 'intermediate', people: 1 },
    ],
    programs: [program()],
  };

  it('counts demand, supply and gap with levels, per kelurahan, and plans the cohorts', () => {
    const result = computeGap(base);
    expect(result.skills.map((row) => row.skill.code)).toEqual(['garment.sewing', 'food.cooking']);
    const [row, cookingRow] = result.skills;
    // Demand 3 + 2 + 2 + 4 = 11 (optional 2 apart). Supply: 3 holding (2 basic, 1 intermediate),
    // 2 in training (1 basic, 1 reaching intermediate: she holds basic, which already meets the lowest
    // level asked, so she counts as holding) → holding 4, training 1.
    // Levels: demand basic 9, intermediate 2; supply basic 3, intermediate 2 → 6 short, none from levels.
    expect(row).toMatchObject({
      demandPlaces: 5,
      demandPlacesOptional: 2,
      demandNeeds: 2,
      demandPotentials: 4,
      demand: 11,
      supplyHolding: 4,
      supplyInTraining: 1,
      supply: 5,
      gap: 6,
      levelShortfall: 0,
      gapLevel: 'basic',
      // 20 released, 5 with sewing at basic or above: 15 lacking.
      releasesLacking: 15,
      gapBeyondReleases: 0,
    });
    expect(row?.byVillage).toEqual([
      // Cabean: demand 2 intermediate + 4 basic; supply 1 basic, 1 intermediate → 4 short.
      { village: { id: CABEAN, name: 'Kelurahan Cabean' }, demand: 6, supply: 2, gap: 4 },
      // Krobokan: demand 5 basic, supply 2 basic → 3 short.
      { village: { id: KROBOKAN, name: 'Kelurahan Krobokan' }, demand: 5, supply: 2, gap: 3 },
      { village: null, demand: 0, supply: 1, gap: 0 },
    ]);
    expect(cookingRow).toMatchObject({
      demand: 0,
      demandPlacesOptional: 1,
      supply: 0,
      gap: 0,
      gapLevel: null,
    });
    // Lacking sewing by date: 01/03: 4 − 3 = 1; 01/05: 6 − 2 = 4; 01/09: 10. Gap 6, capacity 4, 6 weeks.
    expect(
      result.cohorts.map(({ skill, program: chosen, size, firstRelease, latestStart, urgent }) => ({
        skill: skill.code,
        program: chosen?.name,
        size,
        firstRelease,
        latestStart,
        urgent,
      })),
    ).toEqual([
      // Women 1–4: the first released 01/03/2027 → start by 18/01/2027.
      {
        skill: 'garment.sewing',
        program: 'Menjahit Dasar',
        size: 4,
        firstRelease: '2027-03-01',
        latestStart: '2027-01-18',
        urgent: false,
      },
      // Women 5–6: the 5th released 01/05/2027 → start by 20/03/2027.
      {
        skill: 'garment.sewing',
        program: 'Menjahit Dasar',
        size: 2,
        firstRelease: '2027-05-01',
        latestStart: '2027-03-20',
        urgent: false,
      },
    ]);
  });

  it('keeps places asking a higher level short even when the heads add up', () => {
    const result = computeGap({
      ...base,
      demand: [
        { skillId: sewing.id, villageId: KROBOKAN, source: 'place', level: 'basic', people: 1 },
        { skillId: sewing.id, villageId: KROBOKAN, source: 'place', level: 'competent', people: 1 },
      ],
      supply: [{ skillId: sewing.id, villageId: KROBOKAN, held: 'basic', trained: null, people: 2 }],
      programs: [],
    });
    expect(result.skills[0]).toMatchObject({
      demand: 2,
      supply: 2,
      gap: 1,
      levelShortfall: 1,
      gapLevel: 'competent',
    });
    expect(result.cohorts).toMatchObject([{ program: null, size: 1 }]);
  });

  it('does not count women below the lowest level asked as supply', () => {
    const result = computeGap({
      ...base,
      demand: [
        { skillId: sewing.id, villageId: KROBOKAN, source: 'place', level: 'intermediate', people: 3 },
      ],
      releases: base.releases,
    });
    // Only the intermediate ones count: 1 holding, 1 trained to intermediate (she holds basic only).
    expect(result.skills[0]).toMatchObject({ supplyHolding: 1, supplyInTraining: 1, supply: 2, gap: 1 });
    // Lacking at intermediate: 01/03: 4 − 1 = 3 → the cohort's first release is 01/03.
    expect(result.skills[0]?.releasesLacking).toBe(18);
  });

  it('reports the part of a gap no release can fill', () => {
    const result = computeGap({
      ...base,
      demand: [{ skillId: cooking.id, villageId: CABEAN, source: 'potential', level: 'basic', people: 25 }],
      supply: [],
      programs: [program({ skills: [{ skillId: cooking.id, level: 'basic' }], defaultCapacity: 15 })],
    });
    expect(result.skills[0]).toMatchObject({ gap: 25, releasesLacking: 20, gapBeyondReleases: 5 });
    expect(result.cohorts.map((row) => [row.size, row.firstRelease])).toEqual([
      [15, '2027-03-01'],
      // The 16th woman in release order is released 01/09/2027 (4 + 6 before).
      [5, '2027-09-01'],
    ]);
  });
});

describe('folding certificates and cohorts into the recorded skills', () => {
  it('moves a woman from her recorded level to what she holds and will hold, by kelurahan and by date', () => {
    const merged = mergeSupply({
      // 3 record sewing at basic in Krobokan (released 01/03 and 01/05), 1 at intermediate (not decided).
      recordedByVillage: [
        { skillId: sewing.id, villageId: KROBOKAN, level: 'basic', people: 3 },
        { skillId: sewing.id, villageId: null, level: 'intermediate', people: 1 },
      ],
      recordedByDate: [
        { skillId: sewing.id, releaseDate: '2027-03-01', level: 'basic', people: 2 },
        { skillId: sewing.id, releaseDate: '2027-05-01', level: 'basic', people: 1 },
        { skillId: sewing.id, releaseDate: '2027-05-01', level: 'intermediate', people: 1 },
      ],
      everyone: [
        { releaseDate: '2027-03-01', people: 4 },
        { releaseDate: '2027-05-01', people: 3 },
      ],
      extra: [
        // One of the basic ones in Krobokan (01/03) has a competent certificate.
        {
          skillId: sewing.id,
          villageId: KROBOKAN,
          releaseDate: '2027-03-01',
          recorded: 'basic',
          certified: 'competent',
          trained: null,
          people: 1,
        },
        // A woman with no sewing recorded, in Cabean (01/05), in a cohort teaching it at intermediate.
        {
          skillId: sewing.id,
          villageId: CABEAN,
          releaseDate: '2027-05-01',
          recorded: null,
          certified: null,
          trained: 'intermediate',
          people: 1,
        },
      ],
    });
    expect(merged.total).toBe(7);
    expect(merged.supply).toEqual([
      { skillId: sewing.id, villageId: KROBOKAN, held: 'basic', trained: null, people: 2 },
      { skillId: sewing.id, villageId: null, held: 'intermediate', trained: null, people: 1 },
      { skillId: sewing.id, villageId: KROBOKAN, held: 'competent', trained: null, people: 1 },
      { skillId: sewing.id, villageId: CABEAN, held: null, trained: 'intermediate', people: 1 },
    ]);
    expect(merged.releases).toEqual([
      { skillId: sewing.id, releaseDate: '2027-03-01', level: 'basic', people: 1 },
      { skillId: sewing.id, releaseDate: '2027-05-01', level: 'basic', people: 1 },
      { skillId: sewing.id, releaseDate: '2027-05-01', level: 'intermediate', people: 2 },
      { skillId: sewing.id, releaseDate: '2027-03-01', level: 'competent', people: 1 },
      { skillId: null, releaseDate: '2027-03-01', level: null, people: 4 },
      { skillId: null, releaseDate: '2027-05-01', level: null, people: 3 },
    ]);
  });
});

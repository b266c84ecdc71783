import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MATCH_GATES, type MatchingRules, SKILL_EVIDENCE } from '../../../shared/matching.ts';
import {
  blockedGate,
  compileOpportunities,
  compilePerson,
  eligiblePairs,
  evaluate,
  QUICK_REVIEW,
  quickScore,
  rankOpportunities,
  rankPeople,
} from './matching.engine.ts';
import type {
  EngineContext,
  EngineOpportunity,
  EnginePerson,
  MatchResult,
  PairDecisions,
} from './matching.types.ts';

// Properties of the engine over random people, opportunities, decisions and rule sets drawn from small pools
// (four skills, five kelurahan, three offences, dates around today) so that every gate and factor is hit.

const TODAY = '2026-12-01';
const SKILLS = ['sewing', 'cashier', 'cooking', 'makeup'] as const;
const LEVELS = ['basic', 'intermediate', 'competent'] as const;
const SECTORS = ['garment', 'food', 'beauty', 'retail'] as const;
const OFFENCES = ['narcotics', 'fraud', 'theft'] as const;
const VILLAGES = [
  { id: 'v1', code: '33.74.01.1001', name: 'Bongsari', latitude: -6.985, longitude: 110.395 },
  { id: 'v2', code: '33.74.01.1002', name: 'Cabean', latitude: -6.99, longitude: 110.4 },
  { id: 'v3', code: '33.74.02.1001', name: 'Gisikdrono', latitude: -6.97, longitude: 110.38 },
  { id: 'v4', code: '33.74.05.1004', name: 'Tambakharjo', latitude: -6.95, longitude: 110.35 },
  { id: 'v5', code: '33.22.01.2001', name: 'Bergas Lor', latitude: -7.19, longitude: 110.41 },
] as const;

function dayFrom(offset: number): string {
  return new Date(Date.UTC(2026, 11, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}
const date = (min: number, max: number) => fc.integer({ min, max }).map(dayFrom);
const share = fc.double({ min: 0, max: 1, noNaN: true });

const rulesArb: fc.Arbitrary<MatchingRules> = fc
  .record({
    weights: fc.record({
      essentialSkills: fc.integer({ min: 0, max: 100 }),
      optionalSkills: fc.integer({ min: 0, max: 100 }),
      location: fc.integer({ min: 0, max: 100 }),
      timing: fc.integer({ min: 0, max: 100 }),
      preferences: fc.integer({ min: 0, max: 100 }),
      villageDemand: fc.integer({ min: 0, max: 100 }),
    }),
    evidence: fc.record({ certified: share, assessed: share, trained: share, self_reported: share }),
    levelShortfall: fc.record({ oneLevel: share, twoLevels: share }),
    location: fc.record({
      sameVillage: share,
      sameKecamatan: share,
      sameCity: share,
      elsewhere: share,
      maxDistanceKm: fc.integer({ min: 1, max: 200 }),
    }),
    timing: fc
      .record({ fullDays: fc.integer({ min: 0, max: 365 }), extra: fc.integer({ min: 1, max: 730 }) })
      .map(({ fullDays, extra }) => ({ fullDays, zeroDays: fullDays + extra })),
    minScore: fc.integer({ min: 0, max: 100 }),
    topN: fc.integer({ min: 1, max: 50 }),
  })
  .filter((rules) => Object.values(rules.weights).some((weight) => weight > 0));

const ctxArb: fc.Arbitrary<EngineContext> = rulesArb.map((rules) => ({
  today: TODAY,
  rules,
  ruleVersion: 7,
  skillNames: new Map([
    ['sewing', { id: 'Menjahit', en: 'Sewing' }],
    ['cashier', { id: 'Kasir', en: 'Cashier' }],
  ]),
}));

const skillRowArb = fc.record({
  skillId: fc.constantFrom(...SKILLS),
  level: fc.constantFrom(...LEVELS),
  evidence: fc.constantFrom(...SKILL_EVIDENCE),
});

const placeArb: fc.Arbitrary<EnginePerson['place']> = fc.oneof(
  fc
    .record({
      village: fc.constantFrom(...VILLAGES),
      source: fc.constantFrom('intended' as const, 'domicile' as const),
      ours: fc.boolean(),
      centroid: fc.boolean(),
    })
    .map(({ village, source, ours, centroid }) => ({
      source,
      villageId: ours ? village.id : null,
      villageCode: village.code,
      villageName: village.name,
      latitude: centroid ? village.latitude : null,
      longitude: centroid ? village.longitude : null,
    })),
  fc.constant({
    source: null,
    villageId: null,
    villageCode: null,
    villageName: null,
    latitude: null,
    longitude: null,
  }),
);

const personArb: fc.Arbitrary<EnginePerson> = fc.record({
  id: fc.constant('person'),
  skills: fc.array(skillRowArb, { maxLength: 5 }),
  preferredSectors: fc.subarray([...SECTORS]),
  constraints: fc.record({ childcare: fc.boolean(), partTimeOnly: fc.boolean() }),
  place: placeArb,
  availability: fc.record({
    released: fc.boolean(),
    releaseDate: fc.option(date(-60, 400), { nil: null }),
    asimilasiDate: fc.option(date(-200, 200), { nil: null }),
  }),
  consent: fc.record({
    organizationIds: fc.subarray(['partner-1', 'partner-2', 'v1', 'v2', 'v3']),
    kinds: fc.subarray(['partner', 'village', 'district']),
  }),
  offenceCategory: fc.option(fc.constantFrom(...OFFENCES), { nil: null }),
  birthDate: fc.option(date(-365 * 60, -365 * 14), { nil: null }),
});

const opportunityArb: fc.Arbitrary<EngineOpportunity> = fc
  .record({
    village: fc.constantFrom(...VILLAGES),
    centroid: fc.boolean(),
    partnerId: fc.constantFrom('partner-1', 'partner-2'),
    status: fc.constantFrom('open', 'open', 'open', 'draft', 'filled', 'closed'),
    placesLeft: fc.integer({ min: 0, max: 3 }),
    startOn: date(-30, 400),
    closesAfter: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    openToAsimilasi: fc.boolean(),
    restrictedOffences: fc.subarray([...OFFENCES], { maxLength: 2 }),
    restrictionsVersion: fc.integer({ min: 1, max: 3 }),
    minAge: fc.option(fc.integer({ min: 15, max: 30 }), { nil: null }),
    sector: fc.constantFrom(...SECTORS),
    partTime: fc.boolean(),
    flexible: fc.boolean(),
    shiftWork: fc.boolean(),
    skills: fc.uniqueArray(
      fc.record({
        skillId: fc.constantFrom(...SKILLS),
        minLevel: fc.constantFrom(...LEVELS),
        essential: fc.boolean(),
      }),
      { maxLength: 4, selector: (need) => need.skillId },
    ),
    demandStrength: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ village, centroid, closesAfter, ...rest }) => ({
    ...rest,
    id: 'opportunity',
    title: 'Lowongan',
    partnerName: rest.partnerId === 'partner-1' ? 'CV Satu' : 'UD Dua',
    villageId: village.id,
    villageCode: village.code,
    villageName: village.name,
    latitude: centroid ? village.latitude : null,
    longitude: centroid ? village.longitude : null,
    closesOn:
      closesAfter === null
        ? null
        : dayFrom((Date.parse(rest.startOn) - Date.UTC(2026, 11, 1)) / 86_400_000 + closesAfter),
  }));

const decisionsArb: fc.Arbitrary<PairDecisions | undefined> = fc.option(
  fc.record(
    {
      dismissed: fc.record({ reasonCode: fc.constantFrom('health', 'other') }),
      restriction: fc.record({
        kind: fc.constantFrom('restriction_cleared' as const, 'restriction_refused' as const),
        restrictionsVersion: fc.integer({ min: 1, max: 3 }),
      }),
    },
    { requiredKeys: [] },
  ),
  { nil: undefined },
);

const withIds = <T extends { id: string }>(items: T[], prefix: string): T[] =>
  items.map((item, k) => ({ ...item, id: `${prefix}${String(k).padStart(2, '0')}` }));

/** The first gate that blocks (a pending restriction review does not). */
function blockingGate(result: MatchResult) {
  return result.gates.find((g) => !g.passed && g.reason?.code !== 'restriction_review')?.gate ?? null;
}

function quick(p: EnginePerson, o: EngineOpportunity, d: PairDecisions | undefined, ctx: EngineContext) {
  const compiled = compileOpportunities([o]);
  return quickScore(compilePerson(p, compiled, ctx), compiled, 0, d);
}

const RUNS = { numRuns: 300 };

describe('engine properties', () => {
  it('scores stay in 0–100 with one decimal, and so do the points', () => {
    fc.assert(
      fc.property(personArb, opportunityArb, decisionsArb, ctxArb, (p, o, d, ctx) => {
        const result = evaluate(p, o, d, ctx);
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Math.round(result.score * 10) / 10).toBe(result.score);
        for (const factor of result.factors) {
          expect(factor.value).toBeGreaterThanOrEqual(0);
          expect(factor.value).toBeLessThanOrEqual(1);
          expect(factor.points).toBeGreaterThanOrEqual(0);
          expect(factor.points).toBeLessThanOrEqual(100);
        }
        expect(result.gates.map((g) => g.gate)).toEqual([...MATCH_GATES]);
        for (const gate of result.gates) expect(gate.passed).toBe(gate.reason === null);
      }),
      RUNS,
    );
  });

  it('quickScore gives exactly evaluate().score, QUICK_REVIEW for review, else the first blocking gate', () => {
    fc.assert(
      fc.property(personArb, opportunityArb, decisionsArb, ctxArb, (p, o, d, ctx) => {
        const result = evaluate(p, o, d, ctx);
        const code = quick(p, o, d, ctx);
        if (result.status === 'eligible') expect(code).toBe(result.score);
        else if (result.status === 'review') expect(code).toBe(QUICK_REVIEW);
        else expect(blockedGate(code)).toBe(blockingGate(result));
      }),
      RUNS,
    );
  });

  it('the same input always gives the same output', () => {
    fc.assert(
      fc.property(personArb, opportunityArb, decisionsArb, ctxArb, (p, o, d, ctx) => {
        expect(evaluate(p, o, d, ctx)).toEqual(evaluate(structuredClone(p), structuredClone(o), d, ctx));
      }),
      RUNS,
    );
  });

  it('adding a missing essential skill never lowers a score', () => {
    fc.assert(
      fc.property(personArb, opportunityArb, decisionsArb, ctxArb, skillRowArb, (p, o, d, ctx, row) => {
        const before = evaluate(p, o, d, ctx);
        fc.pre(before.missingEssential.length > 0);
        const skillId = before.missingEssential[0] as string;
        const after = evaluate({ ...p, skills: [...p.skills, { ...row, skillId }] }, o, d, ctx);
        expect(after.score).toBeGreaterThanOrEqual(before.score);
        expect(after.status).toBe(before.status);
        expect(after.missingEssential).not.toContain(skillId);
      }),
      RUNS,
    );
  });

  it('offence (without a restriction) and birth date (without a minimum age) never change the result', () => {
    fc.assert(
      fc.property(
        personArb,
        opportunityArb,
        decisionsArb,
        ctxArb,
        fc.option(fc.constantFrom(...OFFENCES), { nil: null }),
        fc.option(date(-365 * 80, 0), { nil: null }),
        (p, o, d, ctx, offenceCategory, birthDate) => {
          const open = { ...o, restrictedOffences: [], minAge: null };
          const before = evaluate(p, open, d, ctx);
          const after = evaluate({ ...p, offenceCategory, birthDate }, open, d, ctx);
          expect(after).toEqual(before);
          expect(quick({ ...p, offenceCategory, birthDate }, open, d, ctx)).toBe(quick(p, open, d, ctx));
        },
      ),
      RUNS,
    );
  });

  it('rankOpportunities returns exactly the best eligible pairs at/above minScore, never a gated one', () => {
    fc.assert(
      fc.property(
        personArb,
        fc.array(fc.tuple(opportunityArb, decisionsArb), { maxLength: 25 }),
        ctxArb,
        fc.integer({ min: 0, max: 8 }),
        fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
        (p, drawn, ctx, limit, minScore) => {
          const opportunities = withIds(
            drawn.map(([o]) => o),
            'o',
          );
          const decisions = new Map<string, PairDecisions>();
          drawn.forEach(([, d], k) => {
            if (d) decisions.set((opportunities[k] as EngineOpportunity).id, d);
          });
          const min = minScore ?? ctx.rules.minScore;
          const all = opportunities.map((o) => evaluate(p, o, decisions.get(o.id), ctx));
          const startOf = new Map(opportunities.map((o) => [o.id, o.startOn]));
          const order = (a: MatchResult, b: MatchResult) =>
            b.score - a.score ||
            (startOf.get(a.opportunityId) as string).localeCompare(startOf.get(b.opportunityId) as string) ||
            a.opportunityId.localeCompare(b.opportunityId);
          const expected = all.filter((r) => r.status === 'eligible' && r.score >= min).sort(order);
          const expectedReview = all.filter((r) => r.status === 'review' && r.score >= min).sort(order);

          // Whatever order the opportunities come in.
          const shuffled = [...opportunities].reverse();
          const result = rankOpportunities(p, compileOpportunities(shuffled), ctx, {
            limit,
            decisions,
            minScore,
          });
          expect(result.recommendations).toEqual(expected.slice(0, limit));
          expect(result.review).toEqual(expectedReview.slice(0, limit));
          for (const r of result.recommendations) expect(r.status).toBe('eligible');
          expect(result.eligibleCount).toBe(expected.length);
          expect(result.reviewCount).toBe(all.filter((r) => r.status === 'review').length);
          expect(result.blockedCount).toBe(all.filter((r) => r.status === 'blocked').length);
          expect(
            result.eligibleCount + result.belowMinScoreCount + result.reviewCount + result.blockedCount,
          ).toBe(opportunities.length);
          expect(Object.values(result.blockedByGate).reduce((sum, n) => sum + n, 0)).toBe(
            result.blockedCount,
          );
          // Deterministic.
          expect(
            rankOpportunities(p, compileOpportunities(opportunities), ctx, { limit, decisions, minScore }),
          ).toEqual(result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('rankPeople returns exactly the best eligible candidates, never a gated one', () => {
    fc.assert(
      fc.property(
        opportunityArb,
        fc.array(fc.tuple(personArb, decisionsArb), { maxLength: 20 }),
        ctxArb,
        fc.integer({ min: 0, max: 8 }),
        (o, drawn, ctx, limit) => {
          const people = withIds(
            drawn.map(([p]) => p),
            'p',
          ).reverse();
          const decisions = new Map<string, PairDecisions>();
          for (const [k, [, d]] of drawn.entries()) if (d) decisions.set(`p${String(k).padStart(2, '0')}`, d);
          const all = people.map((p) => evaluate(p, o, decisions.get(p.id), ctx));
          const order = (a: MatchResult, b: MatchResult) =>
            b.score - a.score || a.personId.localeCompare(b.personId);
          const min = ctx.rules.minScore;
          const result = rankPeople(o, people, ctx, { limit, decisions });
          expect(result.recommendations).toEqual(
            all
              .filter((r) => r.status === 'eligible' && r.score >= min)
              .sort(order)
              .slice(0, limit),
          );
          expect(result.review).toEqual(
            all
              .filter((r) => r.status === 'review' && r.score >= min)
              .sort(order)
              .slice(0, limit),
          );
        },
      ),
      { numRuns: 150 },
    );
  });

  it('eligiblePairs holds exactly the eligible pairs at/above minScore, and counts the rest', () => {
    fc.assert(
      fc.property(
        fc.array(personArb, { maxLength: 8 }),
        fc.array(opportunityArb, { maxLength: 12 }),
        fc.array(decisionsArb, { minLength: 96, maxLength: 96 }),
        ctxArb,
        fc.option(fc.integer({ min: 1, max: 4 }), { nil: undefined }),
        (drawnPeople, drawnOpportunities, drawnDecisions, ctx, perPersonLimit) => {
          const people = withIds(drawnPeople, 'p');
          const opportunities = withIds(drawnOpportunities, 'o');
          const decisions = new Map<string, Map<string, PairDecisions>>();
          const decisionOf = (k: number, i: number) => drawnDecisions[k * 12 + i];
          people.forEach((p, k) => {
            const mine = new Map<string, PairDecisions>();
            opportunities.forEach((o, i) => {
              const d = decisionOf(k, i);
              if (d) mine.set(o.id, d);
            });
            decisions.set(p.id, mine);
          });
          const compiled = compileOpportunities(opportunities);
          const pairs = eligiblePairs(people, compiled, ctx, { decisions, perPersonLimit });
          const listed = new Map<string, number>();
          for (let e = 0; e < pairs.count; e++) {
            const p = people[pairs.person[e] as number] as EnginePerson;
            const o = compiled.items[pairs.opportunity[e] as number] as EngineOpportunity;
            listed.set(`${p.id}|${o.id}`, pairs.score[e] as number);
          }
          people.forEach((p, k) => {
            const results = opportunities.map((o) => evaluate(p, o, decisions.get(p.id)?.get(o.id), ctx));
            const eligible = results.filter((r) => r.status === 'eligible' && r.score >= ctx.rules.minScore);
            expect(pairs.perPerson.eligible[k]).toBe(eligible.length);
            expect(pairs.perPerson.review[k]).toBe(results.filter((r) => r.status === 'review').length);
            expect(pairs.perPerson.blocked[k]).toBe(results.filter((r) => r.status === 'blocked').length);
            const kept = eligible
              .sort((a, b) => b.score - a.score)
              .slice(0, perPersonLimit ?? eligible.length)
              .map((r) => r.score);
            const mine = [...listed].filter(([key]) => key.startsWith(`${p.id}|`)).map(([, score]) => score);
            expect(mine.sort((a, b) => b - a)).toEqual(kept);
          });
          for (const [key, score] of listed) {
            const [personId, opportunityId] = key.split('|') as [string, string];
            const result = evaluate(
              people.find((p) => p.id === personId) as EnginePerson,
              opportunities.find((o) => o.id === opportunityId) as EngineOpportunity,
              decisions.get(personId)?.get(opportunityId),
              ctx,
            );
            expect(result.status).toBe('eligible');
            expect(result.score).toBe(score);
            expect(score).toBeGreaterThanOrEqual(ctx.rules.minScore);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { PersonRecommendations, Recommendation } from '../../../../shared/recommendations.ts';
import {
  compareRecommendations,
  emptyReasons,
  factorBars,
  formatPoints,
  parseCompareParam,
  reasonText,
  scoreBand,
  skillsHidden,
  withProposed,
} from './model.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';

function counts(overrides: Partial<PersonRecommendations['counts']> = {}): PersonRecommendations['counts'] {
  return {
    evaluated: 10,
    recommendable: 0,
    belowMinScore: 0,
    review: 0,
    dismissed: 0,
    inPipeline: 0,
    blocked: {},
    ...overrides,
  };
}

function recommendation(id: string, score: number, startOn: string): Recommendation {
  return {
    opportunity: {
      id,
      title: `Peluang ${id.slice(0, 1)}`,
      kind: 'job_vacancy',
      partner: { id: C, name: 'Mitra' },
      village: { id: C, name: 'Krobokan' },
      sector: 'garment',
      startOn,
      closesOn: null,
      places: 2,
      placesLeft: 1,
    },
    status: 'eligible',
    score,
    factors: [],
    reasons: [],
    gates: [],
    missingEssential: [],
    missingOptional: [],
    ruleVersion: 1,
    decision: null,
    inPipeline: false,
  } as Recommendation;
}

describe('scoreBand', () => {
  it('names the band of a score at its bounds', () => {
    expect(scoreBand(100)).toBe('strong');
    expect(scoreBand(75)).toBe('strong');
    expect(scoreBand(74.9)).toBe('good');
    expect(scoreBand(55)).toBe('good');
    expect(scoreBand(54.9)).toBe('fair');
    expect(scoreBand(0)).toBe('fair');
  });
});

describe('formatPoints', () => {
  it('writes one decimal at most, with the language’s decimal mark', () => {
    expect(formatPoints(78.45, 'id')).toBe('78,5');
    expect(formatPoints(78.45, 'en')).toBe('78.5');
    expect(formatPoints(40, 'id')).toBe('40');
    expect(formatPoints(0.04, 'id')).toBe('0');
  });
});

describe('factorBars', () => {
  it('gives each factor its share of the weights out of 100 as its most', () => {
    const bars = factorBars([
      { factor: 'essentialSkills', weight: 35, value: 1, points: 35 },
      { factor: 'optionalSkills', weight: 10, value: 0.5, points: 5 },
      { factor: 'location', weight: 20, value: 0.7, points: 14 },
      { factor: 'timing', weight: 10, value: 0, points: 0 },
      { factor: 'preferences', weight: 15, value: 1, points: 15 },
      { factor: 'villageDemand', weight: 10, value: 0.6, points: 6 },
    ]);
    expect(bars.map((bar) => bar.max)).toEqual([35, 10, 20, 10, 15, 10]);
    expect(bars[2]).toEqual({ factor: 'location', points: 14, max: 20, value: 0.7 });
  });
  it('scales weights that do not add up to 100 and keeps the bar within 0–1', () => {
    const bars = factorBars([
      { factor: 'essentialSkills', weight: 3, value: 1.2, points: 75 },
      { factor: 'location', weight: 1, value: -0.1, points: 0 },
    ]);
    expect(bars.map((bar) => bar.max)).toEqual([75, 25]);
    expect(bars.map((bar) => bar.value)).toEqual([1, 0]);
  });
  it('has no most when every weight is zero', () => {
    expect(factorBars([{ factor: 'timing', weight: 0, value: 0, points: 0 }])[0]?.max).toBe(0);
  });
});

describe('reasonText', () => {
  it('reads the reason in the reader’s language, Indonesian by default', () => {
    const reason = { id: 'tinggal di kelurahan yang sama', en: 'lives in the same urban village' };
    expect(reasonText(reason, 'id')).toBe('tinggal di kelurahan yang sama');
    expect(reasonText(reason, 'en')).toBe('lives in the same urban village');
    expect(reasonText(reason, 'fr')).toBe('tinggal di kelurahan yang sama');
  });
});

describe('emptyReasons', () => {
  it('says that nothing is open when no opportunity was weighed', () => {
    expect(emptyReasons(counts({ evaluated: 0, blocked: { consent: 2 } }))).toEqual([
      { reason: 'noneOpen', count: 0 },
    ]);
  });
  it('lists every cause with a count, gates first, in a fixed order', () => {
    expect(
      emptyReasons(
        counts({
          belowMinScore: 3,
          review: 1,
          dismissed: 2,
          inPipeline: 1,
          blocked: { availability: 4, consent: 5, places: 0, age: 1, dismissed: 2 },
        }),
      ),
    ).toEqual([
      { reason: 'blocked.consent', count: 5 },
      { reason: 'blocked.availability', count: 4 },
      { reason: 'blocked.age', count: 1 },
      { reason: 'belowMinScore', count: 3 },
      { reason: 'review', count: 1 },
      { reason: 'dismissed', count: 2 },
      { reason: 'inPipeline', count: 1 },
    ]);
  });
  it('counts set-aside pairs once, however the server reports them', () => {
    expect(emptyReasons(counts({ blocked: { dismissed: 3 } }))).toEqual([{ reason: 'dismissed', count: 3 }]);
  });
  it('has no line when nothing held an opportunity back', () => {
    expect(emptyReasons(counts({ recommendable: 4 }))).toEqual([]);
  });
});

describe('withProposed', () => {
  it('keeps a card proposed here in the server’s order after the server stops listing it', () => {
    const first = recommendation(A, 80, '2027-01-10');
    const proposed = recommendation(B, 70, '2027-01-01');
    const last = recommendation(C, 70, '2027-02-01');
    const shown = withProposed([first, last], new Map([[B, proposed]]), compareRecommendations);
    expect(shown.map((item) => item.opportunity.id)).toEqual([A, B, C]);
  });
  it('does not show a card twice while the server still lists it', () => {
    const item = recommendation(A, 80, '2027-01-10');
    expect(withProposed([item], new Map([[A, item]]), compareRecommendations)).toHaveLength(1);
  });
});

describe('compareRecommendations', () => {
  it('orders by score, then the earliest start, then the id', () => {
    const items = [
      recommendation(C, 60, '2027-01-01'),
      recommendation(B, 60, '2027-01-01'),
      recommendation(A, 60, '2027-03-01'),
      recommendation(C.replace('3', '4'), 90, '2027-06-01'),
    ];
    expect(items.sort(compareRecommendations).map((item) => item.score)).toEqual([90, 60, 60, 60]);
    expect(items.slice(1).map((item) => item.opportunity.id)).toEqual([B, C, A]);
  });
});

describe('parseCompareParam', () => {
  it('reads two different ids', () => {
    expect(parseCompareParam(`${A},${B}`)).toEqual([A, B]);
  });
  it('refuses anything but two different ids', () => {
    expect(parseCompareParam(null)).toBeNull();
    expect(parseCompareParam('')).toBeNull();
    expect(parseCompareParam(A)).toBeNull();
    expect(parseCompareParam(`${A},${A}`)).toBeNull();
    expect(parseCompareParam(`${A},${B},${C}`)).toBeNull();
  });
});

describe('skillsHidden', () => {
  it('tells empty lists of missing skills kept from the caller from lists with nothing missing', () => {
    expect(skillsHidden([{ code: 'location_same_village' }, { code: 'skills_hidden' }])).toBe(true);
    expect(skillsHidden([{ code: 'skill_certified' }, { code: 'sectors_hidden' }])).toBe(false);
    expect(skillsHidden([])).toBe(false);
  });
});

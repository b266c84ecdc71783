import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type PlanProblem,
  type PlanSolution,
  solveGreedy,
  solveOptimal,
  solvePlan,
} from './matching.plan.ts';

type Edge = readonly [person: number, opportunity: number, score: number];

function problem(people: number, capacities: number[], edges: readonly Edge[]): PlanProblem {
  return {
    people,
    capacities,
    edges: {
      person: Int32Array.from(edges, (edge) => edge[0]),
      opportunity: Int32Array.from(edges, (edge) => edge[1]),
      score: Float64Array.from(edges, (edge) => edge[2]),
      count: edges.length,
    },
  };
}

const tenths = (score: number): number => Math.round(score * 10);

/** The best score of each eligible pair (a pair given twice counts once, with its higher score). */
function pairScores(edges: readonly Edge[]): Map<string, number> {
  const best = new Map<string, number>();
  for (const [p, o, s] of edges) best.set(`${p}:${o}`, Math.max(best.get(`${p}:${o}`) ?? 0, tenths(s)));
  return best;
}

/** Everything a plan must satisfy, whatever its quality; returns its total in tenths. */
function expectValidPlan(
  instance: { people: number; capacities: number[]; edges: readonly Edge[] },
  plan: PlanSolution,
) {
  const scores = pairScores(instance.edges);
  const load = instance.capacities.map(() => 0);
  let total = 0;
  let assigned = 0;
  expect(plan.opportunityOf).toHaveLength(instance.people);
  plan.opportunityOf.forEach((o, p) => {
    if (o === -1) return;
    const score = scores.get(`${p}:${o}`);
    expect(score, `person ${p} placed at ${o} without an eligible edge`).toBeDefined();
    total += score ?? 0;
    assigned++;
    load[o] = (load[o] ?? 0) + 1;
  });
  load.forEach((placed, o) => {
    expect(placed).toBeLessThanOrEqual(instance.capacities[o] ?? 0);
  });
  expect(plan.assigned).toBe(assigned);
  expect(plan.total).toBe(total / 10);
  return total;
}

/** Exhaustive search: the best total (tenths), then the most people placed among plans with that total. */
function bruteForce(instance: { people: number; capacities: number[]; edges: readonly Edge[] }) {
  const scores = pairScores(instance.edges);
  const load = instance.capacities.map(() => 0);
  let best = { total: 0, assigned: 0 };
  const visit = (p: number, total: number, assigned: number): void => {
    if (p === instance.people) {
      if (total > best.total || (total === best.total && assigned > best.assigned))
        best = { total, assigned };
      return;
    }
    visit(p + 1, total, assigned);
    instance.capacities.forEach((capacity, o) => {
      const score = scores.get(`${p}:${o}`);
      if (score === undefined || (load[o] ?? 0) >= capacity) return;
      load[o] = (load[o] ?? 0) + 1;
      visit(p + 1, total + score, assigned + 1);
      load[o] = (load[o] ?? 0) - 1;
    });
  };
  visit(0, 0, 0);
  return best;
}

/**
 * The optimality certificate of a plan: its residual network (weights to maximize: score in tenths × K + 1,
 * i.e. total first, then people placed) has no cycle of positive gain. Bellman–Ford, independent of the solver.
 */
function isOptimal(
  instance: { people: number; capacities: number[]; edges: readonly Edge[] },
  plan: PlanSolution,
) {
  const n = instance.people;
  const m = instance.capacities.length;
  const sink = n + m;
  const K = n + 1;
  const arcs: [number, number, number][] = []; // [from, to, cost] with cost = −gain
  const load = instance.capacities.map(() => 0);
  plan.opportunityOf.forEach((o) => {
    if (o >= 0) load[o] = (load[o] ?? 0) + 1;
  });
  for (const [key, score] of pairScores(instance.edges)) {
    const [p, o] = key.split(':').map(Number) as [number, number];
    const weight = score * K + 1;
    if (plan.opportunityOf[p] === o) arcs.push([n + o, p, weight]);
    else arcs.push([p, n + o, -weight]);
  }
  for (let p = 0; p < n; p++) {
    if (plan.opportunityOf[p] === -1) arcs.push([sink, p, 0]);
    else arcs.push([p, sink, 0]);
  }
  instance.capacities.forEach((capacity, o) => {
    if ((load[o] ?? 0) < capacity) arcs.push([n + o, sink, 0]);
    if ((load[o] ?? 0) > 0) arcs.push([sink, n + o, 0]);
  });
  const dist = new Array<number>(n + m + 1).fill(0);
  for (let round = 0; round <= n + m + 1; round++) {
    let changed = false;
    for (const [from, to, cost] of arcs) {
      if ((dist[from] ?? 0) + cost < (dist[to] ?? 0)) {
        dist[to] = (dist[from] ?? 0) + cost;
        changed = true;
      }
    }
    if (!changed) return true;
  }
  return false;
}

/** The greedy rule written plainly: highest score first, ties by person then opportunity. */
function referenceGreedy(instance: { people: number; capacities: number[]; edges: readonly Edge[] }) {
  const pairs = [...pairScores(instance.edges)].map(([key, score]) => {
    const [p, o] = key.split(':').map(Number) as [number, number];
    return { p, o, score };
  });
  pairs.sort((a, b) => b.score - a.score || a.p - b.p || a.o - b.o);
  const opportunityOf = new Array<number>(instance.people).fill(-1);
  const load = instance.capacities.map(() => 0);
  for (const { p, o } of pairs) {
    if (opportunityOf[p] !== -1 || (load[o] ?? 0) >= (instance.capacities[o] ?? 0)) continue;
    opportunityOf[p] = o;
    load[o] = (load[o] ?? 0) + 1;
  }
  return opportunityOf;
}

function solve(instance: { people: number; capacities: number[]; edges: readonly Edge[] }) {
  return solvePlan(problem(instance.people, instance.capacities, instance.edges));
}

// ---- worked examples ----

describe('placement plan: worked examples', () => {
  it('beats greedy when the best pair blocks a better whole (A–x 90, B–x 80, A–y 70)', () => {
    const [A, B] = [0, 1];
    const [x, y] = [0, 1];
    const input = problem(
      2,
      [1, 1],
      [
        [A, x, 90],
        [B, x, 80],
        [A, y, 70],
      ],
    );
    const optimal = solveOptimal(input);
    expect([...optimal.opportunityOf]).toEqual([y, x]);
    expect(optimal.total).toBe(150);
    expect(optimal.assigned).toBe(2);
    const greedy = solveGreedy(input);
    expect([...greedy.opportunityOf]).toEqual([x, -1]);
    expect(greedy.total).toBe(90);
    expect(greedy.assigned).toBe(1);
  });

  it('fills every place of an opportunity and leaves the rest unassigned', () => {
    // x has 2 places and 3 candidates; the weakest is left out.
    const plan = solveOptimal(
      problem(
        3,
        [2],
        [
          [0, 0, 60.5],
          [1, 0, 72.3],
          [2, 0, 55],
        ],
      ),
    );
    expect([...plan.opportunityOf]).toEqual([0, 0, -1]);
    expect(plan.total).toBe(132.8);
    expect(plan.assigned).toBe(2);
  });

  it('moves people along a chain to make room (a long augmenting path)', () => {
    // p0: o0 50, o1 40 · p1: o1 50, o2 40 · p2: o2 50, o3 40 · p3: o0 100 (one place each). When p3 comes,
    // p0, p1 and p2 already hold o0, o1, o2: the best is to shift each of them one place to the right.
    const edges: Edge[] = [
      [0, 0, 50],
      [0, 1, 40],
      [1, 1, 50],
      [1, 2, 40],
      [2, 2, 50],
      [2, 3, 40],
      [3, 0, 100],
    ];
    const { optimal, greedy } = solve({ people: 4, capacities: [1, 1, 1, 1], edges });
    expect([...optimal.opportunityOf]).toEqual([1, 2, 3, 0]);
    expect(optimal.total).toBe(220);
    // Greedy takes p3–o0 first, then every 50, and p0 is left out.
    expect([...greedy.opportunityOf]).toEqual([-1, 1, 2, 0]);
    expect(greedy.total).toBe(200);
  });

  it('places the most people among plans of the same total', () => {
    // A–x 5.0 alone, or A–y 3.0 + B–x 2.0: the same 5.0, but two women placed instead of one.
    const { optimal, greedy } = solve({
      people: 2,
      capacities: [1, 1],
      edges: [
        [0, 0, 5],
        [0, 1, 3],
        [1, 0, 2],
      ],
    });
    expect([...optimal.opportunityOf]).toEqual([1, 0]);
    expect(optimal.total).toBe(5);
    expect(optimal.assigned).toBe(2);
    expect([...greedy.opportunityOf]).toEqual([0, -1]);
    expect(greedy.assigned).toBe(1);
  });

  it('puts the total first: 80.0 with one woman placed beats 79.9 with two', () => {
    const { optimal } = solve({
      people: 2,
      capacities: [1, 1],
      edges: [
        [0, 1, 80],
        [0, 0, 50],
        [1, 1, 29.9],
      ],
    });
    expect([...optimal.opportunityOf]).toEqual([1, -1]);
    expect(optimal.total).toBe(80);
  });

  it('adds scores in tenths, without floating-point drift', () => {
    const plan = solveOptimal(
      problem(
        3,
        [1, 1, 1],
        [
          [0, 0, 0.1],
          [1, 1, 0.2],
          [2, 2, 33.3],
        ],
      ),
    );
    expect(plan.total).toBe(33.6);
    expect(
      solveOptimal(
        problem(
          2,
          [2],
          [
            [0, 0, 0.1],
            [1, 0, 0.2],
          ],
        ),
      ).total,
    ).toBe(0.3);
  });

  it('rounds scores to one decimal', () => {
    const plan = solveOptimal(problem(1, [1], [[0, 0, 80.04]]));
    expect(plan.total).toBe(80);
  });

  it('counts a pair given twice once, with its higher score', () => {
    const plan = solveOptimal(
      problem(
        2,
        [1],
        [
          [0, 0, 40],
          [1, 0, 50],
          [0, 0, 60],
        ],
      ),
    );
    expect([...plan.opportunityOf]).toEqual([0, -1]);
    expect(plan.total).toBe(60);
  });

  it('handles empty inputs, people without edges and opportunities without places', () => {
    expect(solveOptimal(problem(0, [], []))).toEqual({
      opportunityOf: new Int32Array(0),
      total: 0,
      assigned: 0,
    });
    expect(solveGreedy(problem(0, [], []))).toEqual({
      opportunityOf: new Int32Array(0),
      total: 0,
      assigned: 0,
    });
    const input = problem(
      3,
      [0, 1],
      [
        [0, 0, 90],
        [2, 1, 10],
      ],
    );
    for (const plan of [solveOptimal(input), solveGreedy(input)]) {
      expect([...plan.opportunityOf]).toEqual([-1, -1, 1]);
      expect(plan.total).toBe(10);
      expect(plan.assigned).toBe(1);
    }
  });

  it('reads only the first edges.count entries of longer arrays', () => {
    const input = problem(
      2,
      [1],
      [
        [0, 0, 10],
        [1, 0, 99],
      ],
    );
    const plan = solveOptimal({ ...input, edges: { ...input.edges, count: 1 } });
    expect([...plan.opportunityOf]).toEqual([0, -1]);
  });

  it('refuses malformed input', () => {
    const bad: [string, PlanProblem][] = [
      ['person out of range', problem(1, [1], [[1, 0, 50]])],
      ['opportunity out of range', problem(1, [1], [[0, 1, 50]])],
      ['zero score', problem(1, [1], [[0, 0, 0]])],
      ['score zero at one decimal', problem(1, [1], [[0, 0, 0.04]])],
      ['negative score', problem(1, [1], [[0, 0, -5]])],
      ['NaN score', problem(1, [1], [[0, 0, Number.NaN]])],
      ['negative capacity', problem(1, [-1], [[0, 0, 50]])],
      ['fractional capacity', problem(1, [1.5], [[0, 0, 50]])],
      ['fractional people', problem(1.5, [1], [])],
      [
        'count beyond the arrays',
        { ...problem(1, [1], []), edges: { ...problem(1, [1], []).edges, count: 1 } },
      ],
    ];
    for (const [name, input] of bad) {
      expect(() => solveOptimal(input), name).toThrow(RangeError);
      expect(() => solveGreedy(input), name).toThrow(RangeError);
    }
  });
});

// ---- properties ----

interface Instance {
  people: number;
  capacities: number[];
  edges: Edge[];
}

/** Random instances; most scores come from a few values, so that many plans share (or nearly share) a total. */
function instances(maxPeople: number, maxOpportunities: number, maxCapacity: number, maxScore = 100) {
  const score = fc.oneof(
    fc.integer({ min: 1, max: maxScore * 10 }).map((t) => t / 10),
    fc.constantFrom(1, 2, 3, 5),
    fc.integer({ min: 1, max: 4 }).map((t) => t / 10),
  );
  return fc
    .record({
      people: fc.integer({ min: 0, max: maxPeople }),
      capacities: fc.array(fc.integer({ min: 0, max: maxCapacity }), { maxLength: maxOpportunities }),
    })
    .map(({ people, capacities }) => {
      const pairs: [number, number][] = [];
      for (let p = 0; p < people; p++) for (let o = 0; o < capacities.length; o++) pairs.push([p, o]);
      return { people, capacities, pairs };
    })
    .chain(({ people, capacities, pairs }) =>
      fc.subarray(pairs).chain((chosen) =>
        fc.array(score, { minLength: chosen.length, maxLength: chosen.length }).map(
          (scores): Instance => ({
            people,
            capacities,
            edges: chosen.map(([p, o], k) => [p, o, scores[k] ?? 1] as const),
          }),
        ),
      ),
    );
}

const small = instances(6, 4, 3);

describe('placement plan: properties', () => {
  it('plans are valid: eligible edges only, a person at most once, no capacity exceeded', () => {
    fc.assert(
      fc.property(instances(12, 6, 4), (instance) => {
        const { optimal, greedy } = solve(instance);
        expectValidPlan(instance, optimal);
        expectValidPlan(instance, greedy);
      }),
    );
  });

  it('the optimal total equals exhaustive search, with the most people placed among equal totals', () => {
    fc.assert(
      fc.property(small, (instance) => {
        const { optimal } = solve(instance);
        const total = expectValidPlan(instance, optimal);
        const best = bruteForce(instance);
        expect(total).toBe(best.total);
        expect(optimal.assigned).toBe(best.assigned);
      }),
      { numRuns: 300 },
    );
  });

  it('is never below greedy', () => {
    fc.assert(
      fc.property(instances(20, 8, 4), (instance) => {
        const { optimal, greedy } = solve(instance);
        expect(tenths(optimal.total)).toBeGreaterThanOrEqual(tenths(greedy.total));
      }),
    );
  });

  it('carries the optimality certificate on larger instances (no improving cycle in the residual network)', () => {
    fc.assert(
      fc.property(instances(40, 12, 5), (instance) => {
        const { optimal, greedy } = solve(instance);
        expectValidPlan(instance, optimal);
        expect(isOptimal(instance, optimal)).toBe(true);
        expect(tenths(optimal.total)).toBeGreaterThanOrEqual(tenths(greedy.total));
      }),
      { numRuns: 60 },
    );
  });

  it.each([
    [12345, 200, 100, 20, 80, 0.7],
    [3, 200, 100, 20, 80, 0.9],
    [13, 150, 100, 0, 90, 0.8],
    [20, 120, 100, 0, 100, 0.6],
  ])(
    'is exact on contended instances with long edge lists (seed %i: %i people, %i opportunities)',
    (seed, people, opportunities, extraPlaces, degree, weight) => {
      // Scores mostly the opportunity's quality: everyone wants the same places, searches are long, and the
      // edge lists get re-sorted, partly (their unordered tails must still be searched when they may help).
      let state = seed;
      const random = () => {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        return state / 2 ** 32;
      };
      const capacities = Array.from({ length: opportunities }, () => 1);
      for (let k = 0; k < extraPlaces; k++) {
        const o = Math.floor(random() * opportunities);
        capacities[o] = (capacities[o] ?? 0) + 1;
      }
      const quality = capacities.map(() => random());
      const edges: Edge[] = [];
      for (let p = 0; p < people; p++) {
        const chosen = new Set<number>();
        while (chosen.size < degree) chosen.add(Math.floor(random() * opportunities));
        for (const o of chosen) {
          edges.push([
            p,
            o,
            Math.round(10 + 900 * (weight * (quality[o] ?? 0) + (1 - weight) * random())) / 10,
          ]);
        }
      }
      const instance = { people, capacities, edges };
      const { optimal, greedy } = solve(instance);
      expectValidPlan(instance, optimal);
      expect(isOptimal(instance, optimal)).toBe(true);
      expect(tenths(optimal.total)).toBeGreaterThanOrEqual(tenths(greedy.total));
    },
  );

  it('stays exact with large scores', () => {
    fc.assert(
      fc.property(instances(25, 8, 3, 1_000_000), (instance) => {
        const { optimal, greedy } = solve(instance);
        expectValidPlan(instance, optimal);
        expectValidPlan(instance, greedy);
        expect(isOptimal(instance, optimal)).toBe(true);
        expect([...greedy.opportunityOf]).toEqual(referenceGreedy(instance));
      }),
      { numRuns: 40 },
    );
  });

  it('greedy takes the highest score first, ties by person then opportunity', () => {
    fc.assert(
      fc.property(instances(12, 6, 3), (instance) => {
        const { greedy } = solve(instance);
        expect([...greedy.opportunityOf]).toEqual(referenceGreedy(instance));
      }),
    );
  });

  it('is deterministic: the same input (alone or through solvePlan), shuffled edges or extra weaker duplicates give the same plan', () => {
    fc.assert(
      fc.property(
        instances(12, 6, 3).chain((instance) =>
          fc.record({
            instance: fc.constant(instance),
            order: fc.shuffledSubarray(
              instance.edges.map((_, k) => k),
              { minLength: instance.edges.length, maxLength: instance.edges.length },
            ),
            weaker: fc.subarray(instance.edges),
          }),
        ),
        ({ instance, order, weaker }) => {
          const first = solve(instance);
          const input = problem(instance.people, instance.capacities, instance.edges);
          const again = { optimal: solveOptimal(input), greedy: solveGreedy(input) };
          const shuffled = solve({
            ...instance,
            edges: [
              ...order.map((k) => instance.edges[k] as Edge),
              ...weaker.filter((edge) => edge[2] > 0.1).map(([p, o, s]): Edge => [p, o, s - 0.1]),
            ],
          });
          for (const other of [again, shuffled]) {
            expect(other.optimal).toEqual(first.optimal);
            expect(other.greedy).toEqual(first.greedy);
          }
        },
      ),
    );
  });
});

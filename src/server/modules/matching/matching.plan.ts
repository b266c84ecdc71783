// The placement plan's solver (issue 6, ADR 012): pure and deterministic, no I/O.
//
// Problem. People 0..n-1, opportunities 0..m-1 with `capacities[o]` places, and the eligible pairs (edges)
// with their score (> 0, one decimal). Assign each person to at most one opportunity, along eligible edges
// only, never more people to an opportunity than its places, so that the TOTAL SCORE is maximal; among
// plans with the maximal total, one that places the most people. The same input always gives the same plan,
// and the order of the input's edges never matters (they are put in a canonical order first); remaining
// ties are broken by index (persons are routed in index order, searches order nodes by (distance, index)).
//
// Method: min-cost flow by successive shortest paths, exact.
// - Network: person p → opportunity o (capacity 1, cost 2·(S − s)), opportunity o → sink (capacity
//   capacities[o], cost 0), and person p → sink "unassigned" (capacity 1, cost 2·S + 1), where s is the
//   score in tenths (an integer) and S the largest s. Every person sends exactly one unit, so a flow is a
//   plan, of cost 2·n·S − 2·Σs + (number unassigned). Two plans differ by residual cycles, each through the
//   sink at most once, so each changes the number placed by at most one: a cycle that loses a tenth or more
//   costs ≥ 2 − 1 > 0, one that keeps Σs and places one more saves 1. Hence the least cost maximizes Σs
//   first and the number placed second. All arithmetic is on integers, so there is no rounding drift; the
//   total is reported as Σs / 10.
// - Persons are added one at a time; each is routed along a shortest path to the sink in the residual
//   network (Dijkstra on reduced costs c(u,v) + π(u) − π(v) ≥ 0 with Johnson potentials π, binary heap on
//   typed arrays). A path may move placed people to other opportunities (reverse arcs opportunity → person,
//   cost −c). Invariant: after each step the flow is of least cost for the persons routed so far, i.e. its
//   residual network has no negative cycle, because augmenting along a shortest path keeps that property
//   (the successive-shortest-path theorem; the Hungarian method is its special case). After the last person
//   the flow is a min-cost flow of the whole network: an optimal plan. The tests check it against exhaustive
//   search and, on larger instances, check the optimality certificate itself (no negative residual cycle).
// - Dijkstra stops as soon as the sink is settled; potentials are then updated with min(dist, dist(sink)),
//   which keeps every reduced cost non-negative. Shifted by −dist(sink) this only touches the nodes settled
//   in this run (π(v) −= dist(sink) − dist(v)), so π(sink) stays 0 and every π ≤ 0: −π(o) is the price of
//   opportunity o, which only rises, and stays 0 while o has a free place (else o would have given the sink
//   a shorter distance). Every number stays within ±2·(2·S + 1), so 32-bit integers hold the edges.
// - Pruning, all exact. (1) A person's edges are kept ascending by a lower bound of cost + price (the price
//   when her list was last sorted: prices only rise), so her scan stops at the first edge whose bound
//   reaches the sink's tentative distance; her smallest bound is also kept beside her, so most visits touch
//   no edge at all. Her list is re-sorted at current prices once she has scanned RESORT_AFTER times its
//   length, and then only its cheapest part is ordered (quickselect; an unordered tail, none of it below a
//   known bound, is scanned when that bound does not rule it out, and then the ordered part doubles).
//   (2) A label through an opportunity with a free place is at once a path to the sink. (3) Labels not below
//   the sink's tentative distance are never queued. (4) A placed person has a single way in (from her
//   opportunity), so her label is final when that opportunity is settled; at the same distance (a tight arc,
//   the usual case) she is settled at once, without the heap.
// - Storage: edges in CSR by person, interleaved [bound, cost, opportunity] in one Int32Array (no object per
//   edge); for each opportunity the list of its placed persons (the residual reverse arcs); arrays reused
//   between searches (a run stamp instead of clearing).
// Measured on 5,000 people × 2,000 opportunities, 10,000 places, 2,000,000 edges (random instances, two
// busy shared cores, CPU time): about 0.5 s with independent scores, 2–3.5 s when everyone prefers the same
// opportunities (the hardest case: long searches); each optimum confirmed by the residual-cycle certificate.
//
// Not a library. Dense Hungarian (`munkres`, `munkres-js`) needs the places expanded into columns:
// 5,000 × 10,000 is a 50-million-cell matrix and O(n²·m) steps, far past the 10 s target. An LP/MIP solver
// (`highs`, `glpk.js`, `javascript-lp-solver`) over two million pair variables is slower by orders of
// magnitude and far heavier in memory; the problem is a network flow, which this solves exactly in integers.
//
// `solveGreedy` is the baseline the plan reports against: highest score first (ties: person ascending, then
// opportunity ascending), take the pair while the person is free and the opportunity has a place.

export interface PlanEdges {
  /** Person index of each edge, 0..people-1. */
  person: Int32Array;
  /** Opportunity index of each edge, 0..capacities.length-1. */
  opportunity: Int32Array;
  /** The pair's score, > 0; rounded to one decimal. */
  score: Float64Array;
  /** How many edges (the arrays may be longer). */
  count: number;
}

export interface PlanProblem {
  /** Persons are 0..people-1. */
  people: number;
  /** Places available per opportunity 0..m-1 (integers ≥ 0). */
  capacities: ArrayLike<number>;
  /** The eligible pairs. A pair given twice counts once, with its higher score. */
  edges: PlanEdges;
}

export interface PlanSolution {
  /** The opportunity of each person, -1 when unassigned. */
  opportunityOf: Int32Array;
  /** The sum of the assigned pairs' scores, one decimal. */
  total: number;
  /** How many persons have an opportunity. */
  assigned: number;
}

/** The largest score accepted (a guard on integer exactness; matching scores are 0–100). */
export const PLAN_MAX_SCORE = 1_000_000;

/** A person's edges are re-sorted at current prices once she has scanned this many times their number. */
const RESORT_AFTER = 4;

/** How many of her smallest bounds a re-sort orders at first. */
const RESORT_PREFIX = 32;

/**
 * Quickselect: reorders a[0..size) so that a[k] is its k-th smallest (from 0), smaller values before it and
 * larger after. The values are distinct.
 */
function select(a: Float64Array, size: number, k: number): void {
  let lo = 0;
  let hi = size - 1;
  while (hi > lo) {
    const mid = (lo + hi) >> 1;
    const x = a[lo] as number;
    const y = a[mid] as number;
    const z = a[hi] as number;
    const pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z)); // median of three
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const t = a[i] as number;
        a[i] = a[j] as number;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else return;
  }
}

/** Eligible edges in CSR by person, each person's edges by score descending then opportunity ascending. */
interface Graph {
  people: number;
  opportunities: number;
  /** Places, capped at the number of eligible persons (which changes nothing and bounds the slot lists). */
  capacity: Int32Array;
  /** Edges of person p: start[p] .. start[p+1]-1. */
  start: Int32Array;
  target: Int32Array;
  /** Score in tenths. */
  tenths: Int32Array;
  maxTenths: number;
}

function fail(message: string): never {
  throw new RangeError(`placement plan: ${message}`);
}

function buildGraph(problem: PlanProblem): Graph {
  const n = problem.people;
  if (!Number.isInteger(n) || n < 0) fail('people must be an integer ≥ 0');
  const m = problem.capacities.length;
  const capacity = new Int32Array(m);
  for (let o = 0; o < m; o++) {
    const c = problem.capacities[o] as number;
    if (!Number.isInteger(c) || c < 0) fail(`capacity of opportunity ${o} must be an integer ≥ 0`);
    capacity[o] = Math.min(c, 0x7fffffff);
  }
  const { person, opportunity, score, count } = problem.edges;
  if (!Number.isInteger(count) || count < 0) fail('edges.count must be an integer ≥ 0');
  if (person.length < count || opportunity.length < count || score.length < count) {
    fail('edges arrays are shorter than edges.count');
  }

  // Validate, convert to tenths, count usable edges per person (an opportunity without places is no edge).
  const tenthsIn = new Int32Array(count);
  const degree = new Int32Array(n + 1);
  let maxTenths = 0;
  for (let e = 0; e < count; e++) {
    const p = person[e] as number;
    const o = opportunity[e] as number;
    const s = score[e] as number;
    if (!(p >= 0 && p < n)) fail(`edge ${e}: person ${p} out of range`);
    if (!(o >= 0 && o < m)) fail(`edge ${e}: opportunity ${o} out of range`);
    if (!(s > 0 && s <= PLAN_MAX_SCORE)) fail(`edge ${e}: score ${s} must be > 0 and ≤ ${PLAN_MAX_SCORE}`);
    const t = Math.round(s * 10);
    if (t < 1) fail(`edge ${e}: score ${s} is 0 at one decimal`);
    tenthsIn[e] = t;
    if (capacity[o] === 0) continue;
    degree[p + 1] = (degree[p + 1] as number) + 1;
    if (t > maxTenths) maxTenths = t;
  }
  for (let p = 0; p < n; p++) degree[p + 1] = (degree[p + 1] as number) + (degree[p] as number);

  // Bucket by person, then sort each person's edges by (score desc, opportunity asc) on exact float keys
  // (S − s)·scale + o, scale a power of two ≥ m.
  let scale = 1;
  while (scale < m) scale *= 2;
  if ((maxTenths + 1) * scale > Number.MAX_SAFE_INTEGER) fail('too many opportunities');
  const keys = new Float64Array(degree[n] as number);
  const fill = degree.slice(0, n);
  for (let e = 0; e < count; e++) {
    const o = opportunity[e] as number;
    if (capacity[o] === 0) continue;
    const p = person[e] as number;
    const at = fill[p] as number;
    fill[p] = at + 1;
    keys[at] = (maxTenths - (tenthsIn[e] as number)) * scale + o;
  }

  // Decode, dropping repeated pairs (the first seen is the higher score), and count places' candidates.
  const start = new Int32Array(n + 1);
  const target = new Int32Array(keys.length);
  const tenths = new Int32Array(keys.length);
  const seen = new Int32Array(m).fill(-1);
  const indegree = new Int32Array(m);
  let size = 0;
  for (let p = 0; p < n; p++) {
    start[p] = size;
    const from = degree[p] as number;
    const to = degree[p + 1] as number;
    if (to - from > 1) keys.subarray(from, to).sort();
    for (let k = from; k < to; k++) {
      const key = keys[k] as number;
      const high = Math.floor(key / scale);
      const o = key - high * scale;
      if (seen[o] === p) continue;
      seen[o] = p;
      target[size] = o;
      tenths[size] = maxTenths - high;
      indegree[o] = (indegree[o] as number) + 1;
      size++;
    }
  }
  start[n] = size;
  for (let o = 0; o < m; o++) capacity[o] = Math.min(capacity[o] as number, indegree[o] as number);
  return {
    people: n,
    opportunities: m,
    capacity,
    start,
    target: target.subarray(0, size),
    tenths: tenths.subarray(0, size),
    maxTenths,
  };
}

function solution(opportunityOf: Int32Array, totalTenths: number, assigned: number): PlanSolution {
  return { opportunityOf, total: totalTenths / 10, assigned };
}

/** The plan with the maximal total score (then the most people placed); exact. */
export function solveOptimal(problem: PlanProblem): PlanSolution {
  return optimalOn(buildGraph(problem));
}

/** The greedy baseline: highest score first (ties: person, then opportunity, ascending). */
export function solveGreedy(problem: PlanProblem): PlanSolution {
  return greedyOn(buildGraph(problem));
}

/** Both, reading the input once (what a plan reports: its optimum beside greedy's). */
export function solvePlan(problem: PlanProblem): { optimal: PlanSolution; greedy: PlanSolution } {
  const g = buildGraph(problem);
  return { optimal: optimalOn(g), greedy: greedyOn(g) };
}

function optimalOn(g: Graph): PlanSolution {
  const { start, capacity } = g;
  const n = g.people;
  const m = g.opportunities;
  const edges = g.target.length;
  const nodes = n + m + 1; // persons, opportunities, and the sink (kept out of the arrays)
  const opportunityOf = new Int32Array(n).fill(-1);
  if (edges === 0) return solution(opportunityOf, 0, 0);

  // Integer costs. Every potential stays in [−unassignedCost, 0] (a placed person could always leave, an
  // opportunity's price is at most what its people would give up), every label below unassignedCost, and
  // every bound (cost + price) below 2·unassignedCost: all fit in 32 bits (scores ≤ PLAN_MAX_SCORE).
  const unassignedCost = 2 * g.maxTenths + 1;
  if (4 * unassignedCost > 0x7fffffff) fail('scores too large');

  // Edges, interleaved (one cache line per look): [bound, cost, opportunity]. `bound` is a lower bound of the
  // edge's reduced cost before the person's potential (the cost plus the opportunity's price −π when her
  // edges were last sorted; prices only rise, so it stays a bound), ascending within a person.
  const arc = new Int32Array(3 * edges);
  for (let e = 0; e < edges; e++) {
    const c = 2 * (g.maxTenths - (g.tenths[e] as number));
    arc[3 * e] = c;
    arc[3 * e + 1] = c;
    arc[3 * e + 2] = g.target[e] as number;
  }
  const scans = new Float64Array(n); // edges scanned since her last sort
  // Re-sorting orders only her `prefix[p]` smallest bounds (the rest follows unordered, none below
  // `tailBound[p]`); the prefix doubles whenever a search has to go past it.
  const sortedLength = new Int32Array(n);
  const tailBound = new Float64Array(n).fill(Infinity);
  const prefix = new Int32Array(n).fill(RESORT_PREFIX);
  for (let p = 0; p < n; p++) sortedLength[p] = (start[p + 1] as number) - (start[p] as number);
  // Her smallest bound apart from her current opportunity's, kept beside the persons (no edge is touched
  // when it already rules her edges out).
  const firstBound = new Float64Array(n);
  for (let p = 0; p < n; p++)
    firstBound[p] = start[p] === start[p + 1] ? Infinity : (arc[3 * (start[p] as number)] as number);
  let maxDegree = 0;
  for (let p = 0; p < n; p++)
    maxDegree = Math.max(maxDegree, (start[p + 1] as number) - (start[p] as number));
  const sortKeys = new Float64Array(maxDegree);
  const sortCopy = new Int32Array(3 * maxDegree);

  // Placed persons per opportunity (slots), each person's slot and the cost of her edge.
  const slotStart = new Int32Array(m + 1);
  for (let o = 0; o < m; o++) slotStart[o + 1] = (slotStart[o] as number) + (capacity[o] as number);
  const slot = new Int32Array(slotStart[m] as number);
  const load = new Int32Array(m);
  const slotOf = new Int32Array(n);
  const costOf = new Float64Array(n);

  // Dijkstra state, reused: a node's label is valid only when stamp[node] === run.
  const potential = new Float64Array(nodes);
  const dist = new Float64Array(nodes);
  const stamp = new Int32Array(nodes);
  const heapPos = new Int32Array(nodes); // index in the heap, -1 when not in it
  const pred = new Int32Array(nodes); // previous node on the path
  const predCost = new Float64Array(nodes); // for an opportunity: the cost of the edge it was reached by
  const heap = new Int32Array(nodes);
  const settled = new Int32Array(nodes);
  const path = new Int32Array(nodes);
  let heapSize = 0;
  const tight = new Int32Array(n); // persons at the current distance, settled before the heap's top
  let tightSize = 0;
  let run = 0;

  const before = (a: number, b: number): boolean => {
    const da = dist[a] as number;
    const db = dist[b] as number;
    return da < db || (da === db && a < b);
  };
  const siftUp = (at: number): void => {
    const v = heap[at] as number;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const u = heap[parent] as number;
      if (!before(v, u)) break;
      heap[at] = u;
      heapPos[u] = at;
      at = parent;
    }
    heap[at] = v;
    heapPos[v] = at;
  };
  const siftDown = (at: number): void => {
    const v = heap[at] as number;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= heapSize) break;
      const right = child + 1;
      if (right < heapSize && before(heap[right] as number, heap[child] as number)) child = right;
      const c = heap[child] as number;
      if (!before(c, v)) break;
      heap[at] = c;
      heapPos[c] = at;
      at = child;
    }
    heap[at] = v;
    heapPos[v] = at;
  };
  /** Offer label d to node v, reached from u (by an edge of cost c when v is an opportunity). */
  const offer = (v: number, d: number, u: number, c: number): void => {
    if (stamp[v] !== run) {
      stamp[v] = run;
      dist[v] = d;
      pred[v] = u;
      predCost[v] = c;
      heap[heapSize] = v;
      heapSize++;
      siftUp(heapSize - 1);
    } else if (d < (dist[v] as number) && (heapPos[v] as number) >= 0) {
      dist[v] = d;
      pred[v] = u;
      predCost[v] = c;
      siftUp(heapPos[v] as number);
    }
  };
  const removeFromSlots = (q: number, o: number): void => {
    const last = (slotStart[o] as number) + (load[o] as number) - 1;
    const at = slotOf[q] as number;
    const moved = slot[last] as number;
    slot[at] = moved;
    slotOf[moved] = at;
    load[o] = (load[o] as number) - 1;
  };
  const setFirstBound = (p: number): void => {
    const current = opportunityOf[p] as number;
    const to = start[p + 1] as number;
    let e = start[p] as number;
    while (e < to && arc[3 * e + 2] === current) e++;
    firstBound[p] = e < to ? (arc[3 * e] as number) : Infinity;
  };
  /** Re-sort person p's edges by cost + current price (her edges are scanned far more than they are used). */
  const resort = (p: number): void => {
    scans[p] = 0;
    const from = start[p] as number;
    const degree = (start[p + 1] as number) - from;
    let largest = 0;
    for (let k = 0; k < degree; k++) {
      const at = 3 * (from + k);
      const bound = (arc[at + 1] as number) - (potential[n + (arc[at + 2] as number)] as number);
      sortKeys[k] = bound;
      if (bound > largest) largest = bound;
    }
    // Keys bound·scale + k, scale a power of two ≥ degree: exact, and cheap to take apart.
    let scale = 1;
    while (scale < degree) scale *= 2;
    if ((largest + 1) * scale > Number.MAX_SAFE_INTEGER) return; // keep the older, still valid, order
    for (let k = 0; k < degree; k++) sortKeys[k] = (sortKeys[k] as number) * scale + k;
    const sorted = 2 * (prefix[p] as number) >= degree ? degree : (prefix[p] as number);
    if (sorted < degree) {
      select(sortKeys, degree, sorted);
      tailBound[p] = Math.floor((sortKeys[sorted] as number) / scale);
    } else {
      tailBound[p] = Infinity;
    }
    sortedLength[p] = sorted;
    sortKeys.subarray(0, sorted).sort();
    sortCopy.set(arc.subarray(3 * from, 3 * (from + degree)));
    for (let k = 0; k < degree; k++) {
      const key = sortKeys[k] as number;
      const bound = Math.floor(key / scale);
      const local = key - bound * scale;
      const at = 3 * (from + k);
      arc[at] = bound;
      arc[at + 1] = sortCopy[3 * local + 1] as number;
      arc[at + 2] = sortCopy[3 * local + 2] as number;
    }
    setFirstBound(p);
  };

  for (let source = 0; source < n; source++) {
    if (start[source] === start[source + 1]) continue;
    run++;
    let settledCount = 0;
    // The sink is kept out of the heap (it is settled when the heap's top is not below it). It always has a
    // label: the source's own "unassigned" arc.
    tightSize = 0;
    let sinkDist = unassignedCost;
    let sinkPred = source;
    stamp[source] = run;
    dist[source] = 0;
    heap[0] = source;
    heapPos[source] = 0;
    heapSize = 1;

    for (;;) {
      let v: number;
      if (tightSize > 0) {
        v = tight[--tightSize] as number;
        if ((dist[v] as number) >= sinkDist) continue;
      } else {
        if (heapSize === 0) break;
        v = heap[0] as number;
        if ((dist[v] as number) >= sinkDist) break;
        heapSize--;
        if (heapSize > 0) {
          heap[0] = heap[heapSize] as number;
          siftDown(0);
        }
      }
      const dv = dist[v] as number;
      heapPos[v] = -1;
      settled[settledCount++] = v;
      const base = dv + (potential[v] as number);
      if (v < n) {
        // Person: her unassigned arc (she is placed, or she is the source), then her edges best first.
        if (base + unassignedCost < sinkDist) {
          sinkDist = base + unassignedCost;
          sinkPred = v;
        }
        if (base + (firstBound[v] as number) >= sinkDist) continue;
        const current = opportunityOf[v] as number;
        const from = start[v] as number;
        const to = start[v + 1] as number;
        if ((scans[v] as number) > RESORT_AFTER * (to - from)) resort(v);
        const sortedEnd = from + (sortedLength[v] as number);
        let least = Infinity; // what this scan learns of her smallest cost + price, for firstBound
        let e = from;
        for (; e < to; e++) {
          const at = 3 * e;
          if (e === sortedEnd) {
            // Past the sorted prefix: the rest is unordered, scanned in full when it may hold a better label.
            if (base + (tailBound[v] as number) >= sinkDist) {
              least = Math.min(least, tailBound[v] as number);
              break;
            }
            prefix[v] = 2 * (prefix[v] as number);
            scans[v] = Infinity;
          }
          const bound = arc[at] as number;
          if (base + bound >= sinkDist) {
            if (bound < least) least = bound; // bounds every edge not yet looked at (and maybe hers)
            if (e < sortedEnd) break;
            continue;
          }
          const o = arc[at + 2] as number;
          if (o === current) continue;
          const node = n + o;
          const c = arc[at + 1] as number;
          const exact = c - (potential[node] as number);
          if (exact < least) least = exact;
          const d = base + exact;
          if (d >= sinkDist) continue;
          if ((load[o] as number) < (capacity[o] as number)) {
            // A free place: π(o) = 0, so this is a path to the sink at the same distance.
            sinkDist = d;
            sinkPred = node;
            stamp[node] = run;
            dist[node] = d;
            pred[node] = v;
            predCost[node] = c;
            heapPos[node] = -1;
          } else {
            offer(node, d, v, c);
          }
        }
        scans[v] = (scans[v] as number) + (e - from);
        // Prices only rise, so what was seen stays a lower bound until her opportunity changes.
        firstBound[v] = least;
      } else {
        // Opportunity (full): back along the arcs of the persons placed there.
        const o = v - n;
        const from = slotStart[o] as number;
        const to = from + (load[o] as number);
        // A placed person has no other way in, so her label is final now. At the current distance (a
        // tight arc, the usual case) she is settled next without the heap.
        for (let k = from; k < to; k++) {
          const q = slot[k] as number;
          const d = base - (costOf[q] as number) - (potential[q] as number);
          if (d >= sinkDist) continue;
          if (d === dv) {
            stamp[q] = run;
            dist[q] = d;
            pred[q] = v;
            tight[tightSize++] = q;
          } else {
            offer(q, d, v, 0);
          }
        }
      }
    }

    // Potentials: every node settled before the sink moves by its distance's shortfall.
    for (let k = 0; k < settledCount; k++) {
      const v = settled[k] as number;
      potential[v] = (potential[v] as number) - (sinkDist - (dist[v] as number));
    }

    // Augment along source, o1, q1, o2, q2, …, (ok | qj), sink; path[] holds it backwards.
    let length = 0;
    for (let v = sinkPred; v !== source; v = pred[v] as number) path[length++] = v;
    path[length++] = source;
    for (let k = length - 1; k > 0; k--) {
      const u = path[k] as number;
      if (u >= n) removeFromSlots(path[k - 1] as number, u - n); // reverse arc: the person leaves u
    }
    for (let k = length - 1; k > 0; k--) {
      const u = path[k] as number;
      if (u >= n) continue;
      const node = path[k - 1] as number; // forward arc: u takes a place there
      const o = node - n;
      const at = (slotStart[o] as number) + (load[o] as number);
      slot[at] = u;
      slotOf[u] = at;
      load[o] = (load[o] as number) + 1;
      opportunityOf[u] = o;
      costOf[u] = predCost[node] as number;
      setFirstBound(u);
    }
    const last = path[0] as number;
    if (last < n) {
      opportunityOf[last] = -1;
      setFirstBound(last);
    }
  }

  let totalTenths = 0;
  let assigned = 0;
  for (let p = 0; p < n; p++) {
    if (opportunityOf[p] === -1) continue;
    totalTenths += g.maxTenths - (costOf[p] as number) / 2;
    assigned++;
  }
  return solution(opportunityOf, totalTenths, assigned);
}

function greedyOn(g: Graph): PlanSolution {
  const { start, target, tenths, capacity } = g;
  const n = g.people;
  const size = target.length;
  const opportunityOf = new Int32Array(n).fill(-1);
  const load = new Int32Array(g.opportunities);

  // Edge order: score descending; CSR order is (person, score desc, opportunity), so a stable sort by score
  // leaves (person, opportunity) ascending within a score.
  const order = new Int32Array(size);
  const owner = new Int32Array(size);
  for (let p = 0; p < n; p++) owner.fill(p, start[p] as number, start[p + 1] as number);
  if (g.maxTenths <= 1 << 20) {
    const bucket = new Int32Array(g.maxTenths + 2);
    for (let e = 0; e < size; e++) {
      const b = g.maxTenths - (tenths[e] as number) + 1;
      bucket[b] = (bucket[b] as number) + 1;
    }
    for (let b = 1; b < bucket.length; b++) bucket[b] = (bucket[b] as number) + (bucket[b - 1] as number);
    for (let e = 0; e < size; e++) {
      const b = g.maxTenths - (tenths[e] as number);
      order[bucket[b] as number] = e;
      bucket[b] = (bucket[b] as number) + 1;
    }
  } else {
    const keys = new Float64Array(size);
    for (let e = 0; e < size; e++) keys[e] = (g.maxTenths - (tenths[e] as number)) * size + e;
    keys.sort();
    for (let k = 0; k < size; k++) order[k] = (keys[k] as number) % size;
  }

  let totalTenths = 0;
  let assigned = 0;
  for (let k = 0; k < size; k++) {
    const e = order[k] as number;
    const p = owner[e] as number;
    if (opportunityOf[p] !== -1) continue;
    const o = target[e] as number;
    if ((load[o] as number) >= (capacity[o] as number)) continue;
    load[o] = (load[o] as number) + 1;
    opportunityOf[p] = o;
    totalTenths += tenths[e] as number;
    assigned++;
  }
  return solution(opportunityOf, totalTenths, assigned);
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import { MATCH_GATES } from '../../../shared/matching.ts';
import {
  type AdjustPlanItemRequest,
  type AdjustPlanItemResponse,
  type CreatePlanRequest,
  type DecidePlanRequest,
  PLAN_LIST_LIMIT,
  PLAN_UNASSIGNED_REASONS,
  PLAN_WINDOW_MAX_DAYS,
  type PlanDetail,
  type PlanItem,
  type PlanList,
  type PlanSummary,
  type PlanUnassignedReason,
} from '../../../shared/placementPlans.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, conflict, type FieldError, fieldError, notFound } from '../../platform/errors.ts';
import { message } from '../../platform/messages.ts';
import { compileOpportunities, eligiblePairs, evaluate } from '../matching/matching.engine.ts';
import { solveGreedy, solveOptimal } from '../matching/matching.plan.ts';
import {
  type LoadedOpportunity,
  loadDecisions,
  loadEngineOpportunities,
  loadEnginePeople,
  matchingContext,
  pairKey,
  recordShown,
} from '../matching/matching.repository.ts';
import type {
  EngineContext,
  EngineOpportunity,
  EnginePerson,
  MatchResult,
  PairDecisions,
} from '../matching/matching.types.ts';
import { personAccess } from '../people/people.access.ts';
import { createProposal } from '../placements/placements.service.ts';
import { presentCurrent, presentItem, presentSummary } from './plans.presenter.ts';
import {
  decidePlan,
  findPlan,
  insertItems,
  insertPlan,
  listPlans,
  lockPlan,
  type NewPlanItem,
  type PlanItemRow,
  peopleInPipeline,
  planItems,
  plannedPerOpportunity,
  refreshPlanTotals,
  setItemPlacement,
  updateItem,
  windowPeople,
} from './plans.repository.ts';

type Db = Kysely<Database>;

const DAY_MS = 86_400_000;
const tenths = (score: number) => Math.round(score * 10);

/** The pairs with a score above 0, as the solver's columnar edges. */
function positiveEdges(pairs: {
  count: number;
  person: Int32Array;
  opportunity: Int32Array;
  score: Float64Array;
}) {
  let count = 0;
  for (let e = 0; e < pairs.count; e++) if ((pairs.score[e] as number) > 0) count++;
  const person = new Int32Array(count);
  const opportunity = new Int32Array(count);
  const score = new Float64Array(count);
  let k = 0;
  for (let e = 0; e < pairs.count; e++) {
    const value = pairs.score[e] as number;
    if (value <= 0) continue;
    person[k] = pairs.person[e] as number;
    opportunity[k] = pairs.opportunity[e] as number;
    score[k] = value;
    k++;
  }
  return { person, opportunity, score, count };
}

/** 403 unless the caller makes placement plans (corrections staff). */
function requirePlans(ctx: RequestContext) {
  requirePermission(ctx, 'plan:placement');
}

/**
 * The places an opportunity has now for someone not yet in its pipeline: its places minus every placement
 * running on it (placed or still proposed to offered); never negative.
 */
const capacityOf = (loaded: LoadedOpportunity) => Math.max(loaded.places - loaded.running, 0);

/** The engine's view of an opportunity with the places it has now (see `capacityOf`). */
const withCapacity = (loaded: LoadedOpportunity): EngineOpportunity => ({
  ...loaded.opportunity,
  placesLeft: Math.min(loaded.opportunity.placesLeft, capacityOf(loaded)),
});

/** Decisions by person then opportunity (the engine's bulk input) from decisions by pair key. */
function decisionsByPerson(byPair: Map<string, PairDecisions>) {
  const nested = new Map<string, Map<string, PairDecisions>>();
  for (const [key, decisions] of byPair) {
    const [personId, opportunityId] = key.split(':') as [string, string];
    let inner = nested.get(personId);
    if (!inner) {
      inner = new Map();
      nested.set(personId, inner);
    }
    inner.set(opportunityId, decisions);
  }
  return nested;
}

async function summary(db: Db, ctx: RequestContext, planId: string): Promise<PlanSummary> {
  const row = await findPlan(db, ctx, planId);
  if (!row) throw notFound('PLAN_NOT_FOUND');
  return presentSummary(row);
}

// ── Making a plan ──

/** Why a woman of the window has no place, from the engine's counts of her pairs. */
function unassigned(
  pairs: ReturnType<typeof eligiblePairs>,
  index: number,
  opportunities: number,
): { reason: PlanUnassignedReason; params: Record<string, string | number> } {
  const counts = pairs.perPerson;
  const eligible = counts.eligible[index] ?? 0;
  if (eligible > 0) return { reason: 'places_taken', params: { options: eligible } };
  const review = counts.review[index] ?? 0;
  if (review > 0) return { reason: 'restriction_review', params: { options: review } };
  if ((counts.belowMinScore[index] ?? 0) > 0)
    return {
      reason: 'below_min_score',
      params: { best: counts.bestScore[index] ?? 0, minScore: pairs.minScore },
    };
  const gateIndex = counts.mainGate[index] ?? -1;
  if (gateIndex < 0) return { reason: 'no_eligible_opportunity', params: { opportunities } };
  return {
    reason: 'no_eligible_opportunity',
    params: {
      gate: MATCH_GATES[gateIndex] as string,
      blocked: counts.blockedByGate[index * MATCH_GATES.length + gateIndex] ?? 0,
      opportunities,
    },
  };
}

/**
 * Makes a draft plan for a release window: the women the caller sees who leave custody in it (or left in
 * it) without a running placement, the open opportunities with places, every eligible pair scored by the
 * engine at or above the minimum score, the exact plan of the largest total (and the greedy one beside it),
 * stored with one item per woman (her place, or why she has none). Audited (plan.created).
 */
export async function create(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof CreatePlanRequest>,
): Promise<PlanSummary> {
  requirePlans(ctx);
  if (body.windowTo < body.windowFrom) throw fieldError('windowTo', 'plan_window_order');
  const days = (Date.parse(body.windowTo) - Date.parse(body.windowFrom)) / DAY_MS + 1;
  if (days > PLAN_WINDOW_MAX_DAYS)
    throw fieldError('windowTo', 'plan_window_too_long', { days: PLAN_WINDOW_MAX_DAYS });

  const engine = await matchingContext(db);
  const windowRows = await windowPeople(db, ctx, body.windowFrom, body.windowTo);
  const names = new Map(windowRows.map((row) => [row.id, row.full_name]));
  const [people, loaded] = await Promise.all([
    loadEnginePeople(db, { personIds: windowRows.map((row) => row.id) }),
    loadEngineOpportunities(db, { status: ['open'] }),
  ]);
  // Open now (not past its closing date) and with a place for someone new.
  const open = loaded.filter((item) => item.opportunity.status === 'open' && capacityOf(item) > 0);
  const compiled = compileOpportunities(open.map(withCapacity));
  const decisions = await loadDecisions(db, {
    personIds: people.map((person) => person.id),
    opportunityIds: compiled.ids,
  });
  const pairs = eligiblePairs(people, compiled, engine, { decisions: decisionsByPerson(decisions) });

  // The solver's input: every eligible pair with a positive score (a zero adds nothing to the total).
  // Copied with plain loops into typed arrays: on millions of pairs `Int32Array.from(…, map)` costs seconds.
  const edges = positiveEdges(pairs);
  const capacities = Int32Array.from(compiled.items, (item) => item.placesLeft);
  const problem = { people: people.length, capacities, edges };
  const started = performance.now();
  const optimal = solveOptimal(problem);
  const solveMs = Math.round(performance.now() - started);
  const greedy = solveGreedy(problem);

  // Each assigned woman's pair, explained once (score and factors as the plan stores them).
  const assigned: { index: number; result: MatchResult; start: string }[] = [];
  const rest: { index: number; reason: PlanUnassignedReason; params: Record<string, string | number> }[] = [];
  for (let index = 0; index < people.length; index++) {
    const person = people[index] as EnginePerson;
    const o = optimal.opportunityOf[index] as number;
    if (o >= 0) {
      const opportunity = compiled.items[o] as EngineOpportunity;
      const result = evaluate(person, opportunity, decisions.get(pairKey(person.id, opportunity.id)), engine);
      assigned.push({ index, result, start: opportunity.startOn });
    } else {
      rest.push({ index, ...unassigned(pairs, index, compiled.count) });
    }
  }
  // Assigned by score (then the earlier start, then her id); the others by reason, then name.
  assigned.sort(
    (a, b) =>
      b.result.score - a.result.score ||
      a.start.localeCompare(b.start) ||
      a.result.personId.localeCompare(b.result.personId),
  );
  const reasonOrder = (reason: PlanUnassignedReason) => PLAN_UNASSIGNED_REASONS.indexOf(reason);
  const nameOf = (index: number) => names.get((people[index] as EnginePerson).id) ?? '';
  rest.sort(
    (a, b) =>
      reasonOrder(a.reason) - reasonOrder(b.reason) ||
      nameOf(a.index).localeCompare(nameOf(b.index), 'id') ||
      (people[a.index] as EnginePerson).id.localeCompare((people[b.index] as EnginePerson).id),
  );
  const items: NewPlanItem[] = [
    ...assigned.map(({ result }) => ({
      personId: result.personId,
      opportunityId: result.opportunityId,
      score: result.score,
      factors: result.factors,
      unassignedReason: null,
      unassignedParams: {},
    })),
    ...rest.map(({ index, reason, params }) => ({
      personId: (people[index] as EnginePerson).id,
      opportunityId: null,
      score: null,
      factors: null,
      unassignedReason: reason,
      unassignedParams: params,
    })),
  ].map((item, position) => ({ ...item, position: position + 1 }));
  const totalTenths = assigned.reduce((sum, item) => sum + tenths(item.result.score), 0);
  const placesCount = capacities.reduce((sum, capacity) => sum + capacity, 0);

  const planId = await db.transaction().execute(async (trx) => {
    const id = await insertPlan(trx, {
      organizationId: ctx.principal.organizationId,
      windowFrom: body.windowFrom,
      windowTo: body.windowTo,
      ruleVersion: engine.ruleVersion,
      peopleCount: people.length,
      placesCount,
      assignedCount: assigned.length,
      totalScore: totalTenths / 10,
      greedyTotal: greedy.total,
      greedyAssigned: greedy.assigned,
      solveMs,
      note: body.note ?? null,
      createdBy: ctx.principal.userId,
    });
    await insertItems(trx, id, items);
    await audit(trx, ctx, {
      action: 'plan.created',
      subjectType: 'placement_plan',
      subjectId: id,
      details: {
        windowFrom: body.windowFrom,
        windowTo: body.windowTo,
        ruleVersion: engine.ruleVersion,
        people: people.length,
        opportunities: compiled.count,
        places: placesCount,
        pairs: edges.count,
        assigned: assigned.length,
        totalScore: totalTenths / 10,
        greedyTotal: greedy.total,
        greedyAssigned: greedy.assigned,
        solveMs,
        ...(body.note && { note: body.note }),
      },
    });
    return id;
  });
  return summary(db, ctx, planId);
}

// ── Reading plans ──

/** The plans of the caller's organization, newest first. */
export async function list(db: Db, ctx: RequestContext): Promise<PlanList> {
  requirePlans(ctx);
  const { items, total } = await listPlans(db, ctx, PLAN_LIST_LIMIT);
  return { items: items.map(presentSummary), total, limit: PLAN_LIST_LIMIT, canPlan: true };
}

/**
 * The engine's reading today of the items' pairs (items with a place only), keyed by item id. For a draft
 * the places are those an opportunity has for someone new; once accepted, the plan's own proposals hold
 * them, so only the people placed count.
 */
async function currentReadings(
  db: Db,
  rows: readonly PlanItemRow[],
  engine: EngineContext,
  draft: boolean,
): Promise<Map<string, MatchResult>> {
  const withPlace = rows.filter((row) => row.opportunity_id !== null);
  if (withPlace.length === 0) return new Map();
  const personIds = [...new Set(withPlace.map((row) => row.person_id))];
  const opportunityIds = [...new Set(withPlace.map((row) => row.opportunity_id as string))];
  const [people, loaded, decisions] = await Promise.all([
    loadEnginePeople(db, { personIds }),
    loadEngineOpportunities(db, { ids: opportunityIds }),
    loadDecisions(db, { personIds, opportunityIds }),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const opportunityById = new Map(
    loaded.map((item) => [item.opportunity.id, draft ? withCapacity(item) : item.opportunity]),
  );
  const readings = new Map<string, MatchResult>();
  for (const row of withPlace) {
    const person = personById.get(row.person_id);
    const opportunity = opportunityById.get(row.opportunity_id as string);
    if (!person || !opportunity) continue;
    readings.set(
      row.id,
      evaluate(person, opportunity, decisions.get(pairKey(person.id, opportunity.id)), engine),
    );
  }
  return readings;
}

function presentRows(
  rows: readonly PlanItemRow[],
  readings: Map<string, MatchResult>,
  engine: EngineContext,
  ctx: RequestContext,
): PlanItem[] {
  const language = ctx.principal.language;
  const skillName = (skillId: string) => engine.skillNames.get(skillId)?.[language] ?? skillId;
  return rows.map((row) => {
    const reading = readings.get(row.id);
    return presentItem(row, reading ? presentCurrent(reading, skillName, language) : null);
  });
}

/** Stores the pairs shown (eligible or in review) as recommendations made in a plan. */
async function recordPairsShown(db: Db, ctx: RequestContext, readings: Iterable<MatchResult>) {
  const seen = new Set<string>();
  const shown = [];
  for (const result of readings) {
    if (result.status === 'blocked') continue;
    const key = pairKey(result.personId, result.opportunityId);
    if (seen.has(key)) continue;
    seen.add(key);
    shown.push({
      personId: result.personId,
      opportunityId: result.opportunityId,
      ruleVersion: result.ruleVersion,
      score: result.score,
      gate: result.status,
      factors: result.factors,
    });
  }
  await recordShown(db, shown, 'plan', ctx.principal.userId);
}

/**
 * One plan of the caller's organization with its items: only the women she sees today (the others are
 * counted, never named), each pair explained by the engine today. Audited with the women shown.
 */
export async function get(db: Db, ctx: RequestContext, planId: string): Promise<PlanDetail> {
  requirePlans(ctx);
  const plan = await summary(db, ctx, planId);
  const rows = await planItems(db, ctx, planId);
  const visible = rows.filter((row) => row.person_visible);
  const engine = await matchingContext(db);
  const readings = await currentReadings(db, visible, engine, plan.status === 'draft');
  await recordPairsShown(db, ctx, readings.values());
  await audit(db, ctx, {
    action: 'match.plan_viewed',
    subjectType: 'placement_plan',
    subjectId: planId,
    details: { shown: visible.map((row) => row.person_id), hidden: rows.length - visible.length },
  });
  return {
    ...plan,
    items: presentRows(visible, readings, engine, ctx),
    hiddenCount: rows.length - visible.length,
    canChange: plan.status === 'draft',
    rulesChanged: plan.ruleVersion !== engine.ruleVersion,
  };
}

// ── Changing a plan ──

/** The plan's row locked for a change: 404 when not the caller's, 409 on a stale version or once decided. */
async function lockDraft(trx: Db, ctx: RequestContext, planId: string, version: number) {
  const plan = await lockPlan(trx, ctx, planId);
  if (!plan) throw notFound('PLAN_NOT_FOUND');
  if (plan.version !== version) throw conflict('VERSION_CONFLICT');
  if (plan.status !== 'draft') throw conflict('PLAN_NOT_DRAFT');
  return plan;
}

/**
 * 409 PLAN_RULES_CHANGED unless the matching weights `engine` scores with are the version that scored the
 * plan. Every score a plan stores, and the version its proposals record, is then that one version: an item
 * adjusted later is never scored under other weights, and an accepted plan never records a version whose
 * scores it does not carry. A new plan is made under the new weights instead.
 */
function requirePlanRules(plan: { rule_version: number }, engine: EngineContext) {
  if (plan.rule_version !== engine.ruleVersion)
    throw new AppError(409, 'PLAN_RULES_CHANGED', {
      params: { planVersion: plan.rule_version, current: engine.ruleVersion },
    });
}

/**
 * Changes a woman's place in a draft plan, with a reason: to another opportunity when the pair is eligible
 * today and the opportunity has a place left within the plan, or to none. 409 PLAN_RULES_CHANGED once the
 * matching weights are no longer the plan's (see `requirePlanRules`). Audited (plan.item_adjusted).
 */
export async function adjust(
  db: Db,
  ctx: RequestContext,
  planId: string,
  itemId: string,
  body: z.output<typeof AdjustPlanItemRequest>,
): Promise<AdjustPlanItemResponse> {
  requirePlans(ctx);
  const engine = await db.transaction().execute(async (trx) => {
    const plan = await lockDraft(trx, ctx, planId, body.version);
    // Read under the plan's lock: the weights in force now must be the plan's.
    const engine = await matchingContext(trx);
    requirePlanRules(plan, engine);
    const [row] = await planItems(trx, ctx, planId, itemId);
    if (!row?.person_visible) throw notFound('PLAN_ITEM_NOT_FOUND');
    let result: MatchResult | null = null;
    if (body.opportunityId !== null) {
      const [loaded] = await loadEngineOpportunities(trx, { ids: [body.opportunityId] });
      if (!loaded) throw fieldError('opportunityId', 'plan_opportunity_unknown');
      const [person] = await loadEnginePeople(trx, { personIds: [row.person_id] });
      if (!person) throw notFound('PLAN_ITEM_NOT_FOUND');
      const decisions = await loadDecisions(trx, {
        personIds: [row.person_id],
        opportunityIds: [body.opportunityId],
      });
      result = evaluate(
        person,
        withCapacity(loaded),
        decisions.get(pairKey(person.id, body.opportunityId)),
        engine,
      );
      const capacity = capacityOf(loaded);
      const planned = (await plannedPerOpportunity(trx, planId)).get(body.opportunityId) ?? 0;
      const others = planned - (row.opportunity_id === body.opportunityId ? 1 : 0);
      if (others >= capacity) throw fieldError('opportunityId', 'plan_no_places_left', { capacity });
      if (result.status === 'review') throw fieldError('opportunityId', 'plan_pair_review');
      if (result.status === 'blocked') {
        const gate = result.gates.find((item) => !item.passed);
        throw fieldError('opportunityId', 'plan_pair_not_eligible', {
          gate: gate?.gate,
          reason: gate?.reason?.[ctx.principal.language] ?? '',
        });
      }
    }
    await updateItem(trx, itemId, {
      opportunityId: body.opportunityId,
      score: result?.score ?? null,
      factors: result?.factors ?? null,
      adjustedBy: ctx.principal.userId,
      reason: body.reason,
    });
    await refreshPlanTotals(trx, planId);
    // Her access log finds it: the subject is the woman whose place changed (ids only, not the reason).
    await audit(trx, ctx, {
      action: 'plan.item_adjusted',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: row.person_organization_id,
      details: {
        planId,
        itemId,
        from: row.opportunity_id,
        to: body.opportunityId,
        solverOpportunityId: row.solver_opportunity_id,
        score: result?.score ?? null,
      },
    });
    return engine;
  });
  const plan = await summary(db, ctx, planId);
  const rows = await planItems(db, ctx, planId, itemId);
  const readings = await currentReadings(db, rows, engine, true);
  await recordPairsShown(db, ctx, readings.values());
  const [item] = presentRows(rows, readings, engine, ctx);
  return { plan, item: item as PlanItem };
}

/** Why an item cannot be proposed: its field error under `items.<itemId>`. */
type Problems = Record<string, FieldError>;

/**
 * Checks every item with a place before anything is written: she is still seen and not anonymized, has no
 * running placement, the pair is eligible today, and the opportunity has a place for everyone the plan puts
 * there (the lowest scores lose out first). Items of women the caller no longer sees are left alone.
 */
async function acceptProblems(
  trx: Db,
  ctx: RequestContext,
  rows: readonly PlanItemRow[],
  engine: EngineContext,
): Promise<Problems> {
  const language = ctx.principal.language;
  const problems: Problems = {};
  const personIds = rows.map((row) => row.person_id);
  const opportunityIds = [...new Set(rows.map((row) => row.opportunity_id as string))];
  const [people, loaded, decisions, inPipeline] = await Promise.all([
    loadEnginePeople(trx, { personIds }),
    loadEngineOpportunities(trx, { ids: opportunityIds }),
    loadDecisions(trx, { personIds, opportunityIds }),
    peopleInPipeline(trx, personIds),
  ]);
  const personById = new Map(people.map((person) => [person.id, person]));
  const loadedById = new Map(loaded.map((item) => [item.opportunity.id, item]));
  const taken = new Map<string, number>();
  for (const row of rows) {
    const opportunityId = row.opportunity_id as string;
    const name = row.full_name;
    const opportunity = row.o_title ?? '';
    const problem = (key: FieldError['key'], params: Record<string, unknown> = {}) => {
      problems[`items.${row.id}`] = { key, params: { name, opportunity, ...params } };
    };
    const person = personById.get(row.person_id);
    const item = loadedById.get(opportunityId);
    if (row.anonymized_at || !person) {
      problem('plan_item_anonymized');
      continue;
    }
    if (inPipeline.has(row.person_id)) {
      problem('plan_item_running');
      continue;
    }
    if (!item) {
      problem('plan_item_no_places', { capacity: 0 });
      continue;
    }
    const capacity = capacityOf(item);
    const used = (taken.get(opportunityId) ?? 0) + 1;
    taken.set(opportunityId, used);
    if (used > capacity) {
      problem('plan_item_no_places', { capacity });
      continue;
    }
    const result = evaluate(
      person,
      withCapacity(item),
      decisions.get(pairKey(person.id, opportunityId)),
      engine,
    );
    if (result.status === 'review') problem('plan_item_review');
    else if (result.status === 'blocked') {
      const gate = result.gates.find((entry) => !entry.passed);
      problem('plan_item_not_eligible', { reason: gate?.reason?.[language] ?? '' });
    }
  }
  return problems;
}

const notProposable = (problems: Problems) =>
  new AppError(409, 'PLAN_ITEMS_NOT_PROPOSABLE', {
    params: { count: Object.keys(problems).length },
    fields: problems,
  });

/**
 * Accepts a draft plan: in one transaction, a proposal (stage proposed, through the placements module's
 * proposal) for every woman with a place, carrying the plan, the score, the weights version and the
 * factors; or, when any of them can no longer be proposed, nothing at all (409 naming each and why).
 * 409 PLAN_RULES_CHANGED once the matching weights are no longer the plan's (see `requirePlanRules`).
 * Audited (plan.accepted; each proposal as placement.proposed).
 */
export async function accept(
  db: Db,
  ctx: RequestContext,
  planId: string,
  body: z.output<typeof DecidePlanRequest>,
): Promise<PlanSummary> {
  requirePlans(ctx);
  requirePermission(ctx, 'propose:placement');
  const proposedOn = today();
  try {
    await db.transaction().execute(async (trx) => {
      const plan = await lockDraft(trx, ctx, planId, body.version);
      // The proposals record the plan's weights version beside the plan's scores: only while it is in force.
      const engine = await matchingContext(trx);
      requirePlanRules(plan, engine);
      const rows = (await planItems(trx, ctx, planId)).filter((row) => row.opportunity_id !== null);
      const visible = rows.filter((row) => row.person_visible);
      if (visible.length === 0) throw conflict('PLAN_NOTHING_TO_ACCEPT');
      const problems = await acceptProblems(trx, ctx, visible, engine);
      if (Object.keys(problems).length > 0) throw notProposable(problems);
      const placements: string[] = [];
      for (const row of visible) {
        let placementId: string;
        try {
          const access = await personAccess(trx, ctx, row.person_id);
          placementId = await createProposal(trx, ctx, {
            access,
            opportunityId: row.opportunity_id as string,
            proposedOn,
            note: null,
            match: {
              score: Number(row.score),
              ruleVersion: plan.rule_version,
              factors: row.factors ?? [],
              planId,
            },
          });
        } catch (error) {
          // Changed by someone else between the checks and the proposal: nothing is kept, and she is named.
          if (!(error instanceof AppError) && (error as { code?: string }).code !== '23505') throw error;
          const why = error instanceof AppError ? message(error.code, ctx.principal.language) : '';
          throw notProposable({
            [`items.${row.id}`]: {
              key: 'plan_item_refused',
              params: { name: row.full_name, opportunity: row.o_title ?? '', reason: why },
            },
          });
        }
        await setItemPlacement(trx, row.id, placementId);
        placements.push(placementId);
      }
      await decidePlan(trx, planId, 'accepted', ctx.principal.userId);
      await audit(trx, ctx, {
        action: 'plan.accepted',
        subjectType: 'placement_plan',
        subjectId: planId,
        details: {
          proposals: placements.length,
          placementIds: placements,
          // Women with a place the caller no longer sees: not proposed.
          skipped: rows.length - visible.length,
        },
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw conflict('PLACEMENT_EXISTS');
    throw error;
  }
  return summary(db, ctx, planId);
}

/** Discards a draft plan (kept on record, never proposed). Audited (plan.discarded). */
export async function discard(
  db: Db,
  ctx: RequestContext,
  planId: string,
  body: z.output<typeof DecidePlanRequest>,
): Promise<PlanSummary> {
  requirePlans(ctx);
  await db.transaction().execute(async (trx) => {
    await lockDraft(trx, ctx, planId, body.version);
    await decidePlan(trx, planId, 'discarded', ctx.principal.userId);
    await audit(trx, ctx, { action: 'plan.discarded', subjectType: 'placement_plan', subjectId: planId });
  });
  return summary(db, ctx, planId);
}

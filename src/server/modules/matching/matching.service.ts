import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { MatchGate } from '../../../shared/matching.ts';
import type { PlacementDetail } from '../../../shared/placements.ts';
import {
  type Candidate,
  type CompareQuery,
  DECISION_REASONS,
  type MatchComparison,
  type MatchDecision,
  type MatchDecisionRequest,
  type OpportunityCandidates,
  type PersonRecommendations,
  type ProposeFromMatchRequest,
  type Recommendation,
} from '../../../shared/recommendations.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import {
  AppError,
  conflict,
  type FieldErrors,
  failOnFields,
  fieldError,
  forbidden,
  notFound,
} from '../../platform/errors.ts';
import { reviewsRestrictions } from '../opportunities/opportunities.access.ts';
import { isCorrections, type PersonAccess, personAccess } from '../people/people.access.ts';
import { type ProposalMatch, propose } from '../placements/placements.service.ts';
import {
  compileOpportunities,
  evaluate,
  GATE_LABELS,
  rankOpportunities,
  rankPeople,
} from './matching.engine.ts';
import {
  presentDecision,
  presentExplanation,
  presentMatchOpportunity,
  presentMatchPerson,
  presentRecommendation,
  type ViewOptions,
} from './matching.presenter.ts';
import {
  type DecisionRow,
  findDecision,
  insertDecision,
  type LoadedOpportunity,
  loadDecisionRows,
  loadEngineOpportunities,
  loadEnginePeople,
  lockPersonForDecision,
  matchingContext,
  opportunityVisible,
  pairDecisions,
  pairKey,
  peopleShown,
  recordShown,
  restrictionReviewTarget,
  revokeDecision,
  runningPairs,
} from './matching.repository.ts';
import type { EngineContext, MatchResult, PairDecisions } from './matching.types.ts';

type Db = Kysely<Database>;

const has = (ctx: RequestContext, permission: string) => ctx.principal.permissions.includes(permission);

/** How the caller may read a pair of hers: `granted` says whether she gave the caller each field group that matters. */
function viewOptions(
  ctx: RequestContext,
  engine: EngineContext,
  granted: { availability: boolean; skills: boolean; identity: boolean },
): ViewOptions {
  return {
    corrections: isCorrections(ctx),
    availability: isCorrections(ctx) || granted.availability,
    skills: isCorrections(ctx) || granted.skills,
    identity: isCorrections(ctx) || granted.identity,
    language: ctx.principal.language,
    skillNames: engine.skillNames,
  };
}

/** The field groups of hers that shape what the caller reads of a match. */
function grantedOf(access: PersonAccess) {
  return {
    availability: access.groups.includes('availability_status'),
    skills: access.groups.includes('skills_training'),
    identity: access.groups.includes('identity_contact'),
  };
}

/** The rows match_recommendation keeps of the pairs shown (eligible, or in review for corrections). */
function shownRows(results: MatchResult[]) {
  const seen = new Set<string>();
  const rows = [];
  for (const result of results) {
    if (result.status === 'blocked') continue;
    const key = pairKey(result.personId, result.opportunityId);
    if (seen.has(key)) continue;
    seen.add(key);
    rows.push({
      personId: result.personId,
      opportunityId: result.opportunityId,
      ruleVersion: result.ruleVersion,
      score: result.score,
      gate: result.status,
      factors: result.factors,
    });
  }
  return rows;
}

/** The engine's decisions keyed by the other side of the pair (opportunity id for one woman, person id for one opportunity). */
function decisionsBy(rows: DecisionRow[], side: 'opportunity_id' | 'person_id') {
  const engine = new Map<string, PairDecisions>();
  for (const [key, decisions] of pairDecisions(rows)) {
    const [personId, opportunityId] = key.split(':') as [string, string];
    engine.set(side === 'opportunity_id' ? opportunityId : personId, decisions);
  }
  return engine;
}

/** The standing decision to show with a pair: its set-aside first, else its restriction review. */
function decisionOf(rows: DecisionRow[], personId: string, opportunityId: string): DecisionRow | null {
  const pair = rows.filter((row) => row.person_id === personId && row.opportunity_id === opportunityId);
  return pair.find((row) => row.kind === 'dismissed') ?? pair[0] ?? null;
}

/** Blocked counts by gate, the restriction gate for corrections staff only. */
function blockedCounts(byGate: Record<MatchGate, number>, corrections: boolean) {
  return Object.fromEntries(
    Object.entries(byGate).filter(([gate, count]) => count > 0 && (corrections || gate !== 'restriction')),
  ) as Partial<Record<MatchGate, number>>;
}

/**
 * The opportunities open now that suit her best (top N of the rules, at or above their minimum score), each
 * explained; for corrections staff also the pairs a restriction sends to their review; the ones set aside.
 * Pairs she is in the pipeline for already are not listed. Every pair shown is recorded with the weights
 * version that scored it, and the view is audited on her record.
 */
export async function forPerson(
  db: Db,
  ctx: RequestContext,
  personId: string,
): Promise<PersonRecommendations> {
  requirePermission(ctx, 'read:match');
  const access = await personAccess(db, ctx, personId);
  const engine = await matchingContext(db);
  const corrections = access.corrections;
  const rules = engine.rules;
  const [people, opportunities, decisionRows, running] = await Promise.all([
    loadEnginePeople(db, { personIds: [personId] }),
    loadEngineOpportunities(db, { status: ['open'], ctx }),
    loadDecisionRows(db, { personIds: [personId] }),
    runningPairs(db, { personIds: [personId] }),
  ]);
  const person = people[0];
  const byId = new Map(opportunities.map((loaded) => [loaded.opportunity.id, loaded]));
  const options = viewOptions(ctx, engine, grantedOf(access));
  const inPipeline = (opportunityId: string) => running.has(pairKey(personId, opportunityId));
  const decisions = decisionsBy(decisionRows, 'opportunity_id');

  let items: MatchResult[] = [];
  let review: MatchResult[] = [];
  let dismissed: MatchResult[] = [];
  let counts: PersonRecommendations['counts'] = {
    evaluated: 0,
    recommendable: 0,
    belowMinScore: 0,
    review: 0,
    dismissed: 0,
    inPipeline: 0,
    blocked: {},
  };
  if (person) {
    const compiled = compileOpportunities(opportunities.map((loaded) => loaded.opportunity));
    const runningHere = opportunities.filter((loaded) => inPipeline(loaded.opportunity.id));
    const ranked = rankOpportunities(person, compiled, engine, {
      limit: rules.topN + runningHere.length,
      reviewLimit: corrections ? rules.topN + runningHere.length : 0,
      decisions,
    });
    items = ranked.recommendations.filter((r) => !inPipeline(r.opportunityId)).slice(0, rules.topN);
    review = corrections
      ? ranked.review.filter((r) => !inPipeline(r.opportunityId)).slice(0, rules.topN)
      : [];
    dismissed = decisionRows
      .filter((row) => row.kind === 'dismissed' && byId.has(row.opportunity_id))
      .map((row) =>
        evaluate(
          person,
          (byId.get(row.opportunity_id) as LoadedOpportunity).opportunity,
          decisions.get(row.opportunity_id),
          engine,
        ),
      );
    // Pairs in the pipeline already are not recommendable again: counted apart.
    const pipelineResults = runningHere.map((loaded) =>
      evaluate(person, loaded.opportunity, decisions.get(loaded.opportunity.id), engine),
    );
    const recommendableInPipeline = pipelineResults.filter(
      (r) => r.status === 'eligible' && r.score >= rules.minScore,
    ).length;
    const reviewInPipeline = pipelineResults.filter((r) => r.status === 'review').length;
    counts = {
      // Pairs a restriction holds are not counted for other callers, or the difference would tell.
      evaluated: corrections
        ? ranked.evaluatedCount
        : ranked.evaluatedCount - ranked.reviewCount - ranked.blockedByGate.restriction,
      recommendable: ranked.eligibleCount - recommendableInPipeline,
      belowMinScore: ranked.belowMinScoreCount,
      review: corrections ? ranked.reviewCount - reviewInPipeline : 0,
      dismissed: dismissed.length,
      inPipeline: runningHere.length,
      blocked: blockedCounts(ranked.blockedByGate, corrections),
    };
  }

  await recordShown(db, shownRows([...items, ...review]), 'person', ctx.principal.userId);
  await audit(db, ctx, {
    action: 'match.recommendations_viewed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: {
      ruleVersion: engine.ruleVersion,
      opportunities: items.map((r) => r.opportunityId),
      ...(corrections && { review: review.map((r) => r.opportunityId) }),
    },
  });
  const present = (result: MatchResult): Recommendation =>
    presentRecommendation(result, byId.get(result.opportunityId) as LoadedOpportunity, options, {
      decision: decisionOf(decisionRows, personId, result.opportunityId),
      inPipeline: inPipeline(result.opportunityId),
    });
  return {
    personId,
    ruleVersion: engine.ruleVersion,
    minScore: rules.minScore,
    topN: rules.topN,
    items: items.map(present),
    review: review.map(present),
    dismissed: dismissed.map(present),
    counts,
    canPropose: canPropose(ctx, access),
    canDecide: has(ctx, 'decide:match:organization') && !access.anonymized,
    canReviewRestrictions: corrections && reviewsRestrictions(ctx) && !access.anonymized,
  };
}

function canPropose(ctx: RequestContext, access: PersonAccess) {
  return access.corrections && !access.anonymized && has(ctx, 'propose:placement:organization');
}

/**
 * The best candidates for an opportunity the caller may see, among the people she may see (top N, or
 * `limit`), each explained; for corrections staff also the people a restriction sends to their review.
 * Audited with the people it showed, so the list appears in each woman's access log.
 */
export async function candidates(
  db: Db,
  ctx: RequestContext,
  opportunityId: string,
  limit: number | undefined,
): Promise<OpportunityCandidates> {
  requirePermission(ctx, 'read:match');
  if (!(await opportunityVisible(db, ctx, opportunityId))) throw notFound('OPPORTUNITY_NOT_FOUND');
  const engine = await matchingContext(db);
  const corrections = isCorrections(ctx);
  const topN = limit ?? engine.rules.topN;
  const [[loaded], people, decisionRows, running] = await Promise.all([
    loadEngineOpportunities(db, { ids: [opportunityId] }),
    loadEnginePeople(db, { ctx }),
    loadDecisionRows(db, { opportunityIds: [opportunityId] }),
    runningPairs(db, { opportunityIds: [opportunityId] }),
  ]);
  if (!loaded) throw notFound('OPPORTUNITY_NOT_FOUND');
  const inPipeline = (personId: string) => running.has(pairKey(personId, opportunityId));
  const decisions = decisionsBy(decisionRows, 'person_id');
  const runningCount = people.filter((person) => inPipeline(person.id)).length;
  const ranked = rankPeople(loaded.opportunity, people, engine, {
    limit: topN + runningCount,
    reviewLimit: corrections ? topN + runningCount : 0,
    decisions,
  });
  const items = ranked.recommendations.filter((r) => !inPipeline(r.personId)).slice(0, topN);
  const review = corrections ? ranked.review.filter((r) => !inPipeline(r.personId)).slice(0, topN) : [];
  const pipelineResults = people
    .filter((person) => inPipeline(person.id))
    .map((person) => evaluate(person, loaded.opportunity, decisions.get(person.id), engine));
  const shownIds = [...items, ...review].map((r) => r.personId);
  const shown = new Map((await peopleShown(db, ctx, shownIds)).map((row) => [row.id, row]));

  await recordShown(db, shownRows([...items, ...review]), 'opportunity', ctx.principal.userId);
  await audit(db, ctx, {
    action: 'match.candidates_listed',
    subjectType: 'opportunity',
    subjectId: opportunityId,
    details: { shown: shownIds, ruleVersion: engine.ruleVersion, evaluated: ranked.evaluatedCount },
  });
  const present = (result: MatchResult): Candidate => {
    const row = shown.get(result.personId);
    if (!row) throw new Error(`candidate ${result.personId} is not visible to the caller`);
    return {
      person: presentMatchPerson(row, corrections),
      ...presentExplanation(
        result,
        viewOptions(ctx, engine, {
          availability: row.availability,
          skills: row.skills,
          identity: row.identity,
        }),
        {
          decision: decisionOf(decisionRows, result.personId, opportunityId),
          inPipeline: false,
        },
      ),
    };
  };
  return {
    opportunity: presentMatchOpportunity(loaded),
    ruleVersion: engine.ruleVersion,
    minScore: engine.rules.minScore,
    items: items.map(present),
    review: review.map(present),
    counts: {
      evaluated: ranked.evaluatedCount,
      recommendable:
        ranked.eligibleCount -
        pipelineResults.filter((r) => r.status === 'eligible' && r.score >= engine.rules.minScore).length,
      review: corrections
        ? ranked.reviewCount - pipelineResults.filter((r) => r.status === 'review').length
        : 0,
      inPipeline: runningCount,
    },
    canPropose: corrections && has(ctx, 'propose:placement:organization'),
    canDecide: has(ctx, 'decide:match:organization'),
  };
}

/** Two opportunities for one woman, side by side, each fully explained whatever its status (audited). */
export async function compare(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof CompareQuery>,
): Promise<MatchComparison> {
  requirePermission(ctx, 'read:match');
  const access = await personAccess(db, ctx, query.personId);
  const [firstId, secondId] = query.opportunityIds as [string, string];
  if (firstId === secondId) throw fieldError('opportunityIds', 'match_compare_distinct');
  const engine = await matchingContext(db);
  const [people, opportunities, decisionRows, running, shownPeople] = await Promise.all([
    loadEnginePeople(db, { personIds: [query.personId] }),
    loadEngineOpportunities(db, { ids: [firstId, secondId], ctx }),
    loadDecisionRows(db, { personIds: [query.personId], opportunityIds: [firstId, secondId] }),
    runningPairs(db, { personIds: [query.personId], opportunityIds: [firstId, secondId] }),
    peopleShown(db, ctx, [query.personId]),
  ]);
  const byId = new Map(opportunities.map((loaded) => [loaded.opportunity.id, loaded]));
  const first = byId.get(firstId);
  const second = byId.get(secondId);
  if (!first || !second) throw fieldError('opportunityIds', 'match_opportunity_unknown');
  const person = people[0];
  const shownPerson = shownPeople[0];
  if (!person || !shownPerson) throw conflict('PERSON_ANONYMIZED');
  const decisions = decisionsBy(decisionRows, 'opportunity_id');
  const results = [first, second].map((loaded) =>
    evaluate(person, loaded.opportunity, decisions.get(loaded.opportunity.id), engine),
  ) as [MatchResult, MatchResult];
  const options = viewOptions(ctx, engine, grantedOf(access));
  const visibleResults = access.corrections ? results : results.filter((r) => r.status !== 'review');
  await recordShown(db, shownRows(visibleResults), 'compare', ctx.principal.userId);
  await audit(db, ctx, {
    action: 'match.compared',
    subjectType: 'person',
    subjectId: query.personId,
    subjectOrganizationId: access.organizationId,
    details: {
      shown: [query.personId],
      opportunityIds: [firstId, secondId],
      ruleVersion: engine.ruleVersion,
    },
  });
  const presented = results.map((result, index) =>
    presentRecommendation(result, (index === 0 ? first : second) as LoadedOpportunity, options, {
      decision: decisionOf(decisionRows, query.personId, result.opportunityId),
      inPipeline: running.has(pairKey(query.personId, result.opportunityId)),
    }),
  );
  return {
    person: presentMatchPerson(shownPerson, access.corrections),
    ruleVersion: engine.ruleVersion,
    options: presented,
    difference: results[0].factors.map((factor, index) => ({
      factor: factor.factor,
      points: Math.round((factor.points - (results[1].factors[index]?.points ?? 0)) * 10) / 10,
    })),
  };
}

// ── Decisions ──

/**
 * Records a decision on a pair: a set-aside with a reason code (decide:match), or corrections' review of a
 * restriction that touches her offence (review:opportunity, corrections staff), made under the opportunity's
 * current restrictions version (read inside the transaction, the opportunity held for share). One standing
 * set-aside and one standing review per pair (409 otherwise; a review made under an older restrictions
 * version is replaced: revoked and audited as revoked, the new review naming the one it replaced). Her record
 * is locked first, so a proposal of hers in flight finishes before, or sees the decision (`matchCheck`).
 */
export async function decide(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof MatchDecisionRequest>,
): Promise<MatchDecision> {
  const dismissal = body.kind === 'dismissed';
  if (dismissal) requirePermission(ctx, 'decide:match');
  else {
    requirePermission(ctx, 'review:opportunity');
    if (!isCorrections(ctx) || !reviewsRestrictions(ctx)) throw forbidden();
  }
  const access = await personAccess(db, ctx, body.personId);
  if (access.anonymized) throw conflict('PERSON_ANONYMIZED');
  const fields: FieldErrors = {};
  const reasons = DECISION_REASONS[body.kind];
  if (!reasons.includes(body.reasonCode))
    fields.reasonCode = { key: 'match_reason_invalid', params: { options: reasons.join(', ') } };
  if (body.reasonCode === 'other' && !body.note) fields.note = { key: 'match_note_required' };
  if (!(await opportunityVisible(db, ctx, body.opportunityId)))
    fields.opportunityId = { key: 'match_opportunity_unknown' };
  failOnFields(fields);
  let decisionId: string;
  try {
    decisionId = await db.transaction().execute(async (trx) => {
      if ((await lockPersonForDecision(trx, body.personId))?.anonymized_at)
        throw conflict('PERSON_ANONYMIZED');
      let restrictionsVersion: number | null = null;
      if (!dismissal) {
        const target = await restrictionReviewTarget(trx, body.personId, body.opportunityId);
        if (!target) throw fieldError('opportunityId', 'match_opportunity_unknown');
        if (!target.offenceCategory || !target.restrictedOffences.includes(target.offenceCategory))
          throw conflict('MATCH_REVIEW_NOT_NEEDED');
        restrictionsVersion = target.restrictionsVersion;
      }
      const standing = await loadDecisionRows(trx, {
        personIds: [body.personId],
        opportunityIds: [body.opportunityId],
      });
      const same = standing.find((row) => (row.kind === 'dismissed') === dismissal);
      // A review under an older restrictions version no longer counts: the new one replaces it.
      const replaced = same && !dismissal && same.restrictions_version !== restrictionsVersion ? same : null;
      if (same && !replaced) throw conflict('MATCH_DECISION_EXISTS');
      if (replaced && !(await revokeDecision(trx, replaced.id, ctx.principal.userId)))
        throw conflict('MATCH_DECISION_EXISTS');
      const id = await insertDecision(trx, {
        personId: body.personId,
        opportunityId: body.opportunityId,
        kind: body.kind,
        reasonCode: body.reasonCode,
        note: body.note ?? null,
        decidedBy: ctx.principal.userId,
        decidedByName: ctx.principal.fullName,
        organizationId: ctx.principal.organizationId,
        restrictionsVersion,
      });
      if (replaced)
        await audit(trx, ctx, {
          action: 'match.restriction_review_revoked',
          subjectType: 'person',
          subjectId: body.personId,
          subjectOrganizationId: access.organizationId,
          details: {
            decisionId: replaced.id,
            opportunityId: body.opportunityId,
            kind: replaced.kind,
            reasonCode: replaced.reason_code,
            restrictionsVersion: replaced.restrictions_version,
            replacedBy: id,
          },
        });
      await audit(trx, ctx, {
        action: dismissal ? 'match.dismissed' : 'match.restriction_reviewed',
        subjectType: 'person',
        subjectId: body.personId,
        subjectOrganizationId: access.organizationId,
        details: {
          decisionId: id,
          opportunityId: body.opportunityId,
          kind: body.kind,
          reasonCode: body.reasonCode,
          ...(restrictionsVersion !== null && { restrictionsVersion }),
          ...(replaced && { replacedDecisionId: replaced.id }),
        },
      });
      return id;
    });
  } catch (error) {
    // Two officers deciding on the same pair at once: the partial unique index refuses one.
    if ((error as { code?: string }).code === '23505') throw conflict('MATCH_DECISION_EXISTS');
    throw error;
  }
  return presentDecision((await findDecision(db, decisionId)) as DecisionRow, isCorrections(ctx));
}

/**
 * Revokes a standing decision (kept on record with who revoked it): a set-aside by staff of the organization
 * that made it or by corrections staff who see her; a restriction review by corrections staff who review.
 */
export async function revoke(db: Db, ctx: RequestContext, decisionId: string): Promise<MatchDecision> {
  requirePermission(ctx, 'read:match');
  const row = await findDecision(db, decisionId);
  if (!row) throw notFound('MATCH_DECISION_NOT_FOUND');
  const dismissal = row.kind === 'dismissed';
  // Existence is not revealed: a decision on a woman the caller does not see, or a restriction review for
  // a caller who may not know of restrictions, is not found.
  if (!dismissal && !isCorrections(ctx)) throw notFound('MATCH_DECISION_NOT_FOUND');
  let access: PersonAccess;
  try {
    access = await personAccess(db, ctx, row.person_id);
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound('MATCH_DECISION_NOT_FOUND');
    throw error;
  }
  if (dismissal) {
    requirePermission(ctx, 'decide:match');
    if (!access.corrections && row.organization_id !== ctx.principal.organizationId) throw forbidden();
  } else {
    requirePermission(ctx, 'review:opportunity');
    if (!reviewsRestrictions(ctx)) throw forbidden();
  }
  if (row.revoked_at) throw conflict('MATCH_DECISION_REVOKED');
  await db.transaction().execute(async (trx) => {
    if (!(await revokeDecision(trx, decisionId, ctx.principal.userId)))
      throw conflict('MATCH_DECISION_REVOKED');
    await audit(trx, ctx, {
      action: dismissal ? 'match.dismissal_revoked' : 'match.restriction_review_revoked',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: access.organizationId,
      details: { decisionId, opportunityId: row.opportunity_id, kind: row.kind, reasonCode: row.reason_code },
    });
  });
  return presentDecision((await findDecision(db, decisionId)) as DecisionRow, isCorrections(ctx));
}

// ── Proposals ──

/** The 409 for a pair that is not eligible: the gate that fails, never a restriction to anyone but corrections. */
function notEligible(result: MatchResult, ctx: RequestContext, corrections: boolean): AppError {
  const language = ctx.principal.language;
  const failed = result.gates.find((gate) => !gate.passed);
  // Only corrections staff propose; still, a restriction is never named to anyone else.
  if (!failed || (failed.gate === 'restriction' && !corrections))
    return conflict('MATCH_NOT_ELIGIBLE', {
      gate: language === 'id' ? 'tidak dapat direkomendasikan' : 'not recommendable',
      reason:
        language === 'id'
          ? 'tidak dapat direkomendasikan untuknya saat ini'
          : 'she cannot be recommended for it now',
    });
  return conflict('MATCH_NOT_ELIGIBLE', {
    gate: GATE_LABELS[failed.gate][language],
    reason: failed.reason?.[language] ?? GATE_LABELS[failed.gate][language],
  });
}

/**
 * The check a proposal from matching runs inside its transaction, once her record and the opportunity are
 * locked (`createProposal`): the pair's engine input is read again through the transaction (her consents,
 * the decisions standing on the pair, the opportunity's restrictions version and places, the weights in
 * force) and evaluated; 409 MATCH_NOT_ELIGIBLE unless eligible (a restriction passes only when corrections
 * cleared it under the current restrictions version). Answers the match to store on the placement.
 */
export function matchCheck(ctx: RequestContext, access: PersonAccess, opportunityId: string) {
  return async (trx: Db): Promise<ProposalMatch> => {
    const engine = await matchingContext(trx);
    const [people, [loaded], decisionRows] = await Promise.all([
      loadEnginePeople(trx, { personIds: [access.personId] }),
      loadEngineOpportunities(trx, { ids: [opportunityId], ctx }),
      loadDecisionRows(trx, { personIds: [access.personId], opportunityIds: [opportunityId] }),
    ]);
    if (!loaded) throw fieldError('opportunityId', 'placement_opportunity_unknown');
    const person = people[0];
    if (!person) throw conflict('PERSON_ANONYMIZED');
    const result = evaluate(
      person,
      loaded.opportunity,
      decisionsBy(decisionRows, 'opportunity_id').get(opportunityId),
      engine,
    );
    if (result.status !== 'eligible') throw notEligible(result, ctx, access.corrections);
    return { score: result.score, ruleVersion: result.ruleVersion, factors: result.factors };
  };
}

/**
 * Proposes her from a recommendation: the placements pipeline proposes her, and inside its transaction,
 * after its locks, the pair is evaluated again (`matchCheck`: 409 MATCH_NOT_ELIGIBLE naming the gate that
 * fails, unless it is eligible), so a set-aside, a restriction review, a restriction change or a consent
 * withdrawn since the list was read is not ignored; the placement stores the score, the weights version and
 * the factors of that evaluation.
 */
export async function proposeFromMatch(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof ProposeFromMatchRequest>,
): Promise<PlacementDetail> {
  requirePermission(ctx, 'propose:placement');
  const access = await personAccess(db, ctx, body.personId);
  if (access.anonymized) throw conflict('PERSON_ANONYMIZED');
  return propose(
    db,
    ctx,
    { personId: body.personId, opportunityId: body.opportunityId, note: body.note ?? null },
    null,
    matchCheck(ctx, access, body.opportunityId),
  );
}

import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type AdvancePlacementRequest,
  FINAL_STAGES,
  type PersonPlacements,
  PLACEMENT_LIST_LIMIT,
  PLACEMENT_STAGES,
  type PlacementDetail,
  type PlacementList,
  type PlacementListQuery,
  type PlacementStage,
  type ProposePlacementRequest,
  type UnsuccessfulReason,
} from '../../../shared/placements.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { today } from '../../platform/calendar.ts';
import { AppError, conflict, type FieldError, fieldError, notFound } from '../../platform/errors.ts';
import { recordTimeline } from '../../platform/timeline.ts';
import { countPlaced, refreshOpportunityFill } from '../opportunities/opportunities.fill.ts';
import { isCorrections, type PersonAccess, personAccess } from '../people/people.access.ts';
import { requirePlacements } from './placements.access.ts';
import { presentDetail, presentPlacement } from './placements.presenter.ts';
import {
  findOpportunity,
  findPlacement,
  findRunningPlacement,
  findSteps,
  hasPartnerConsent,
  insertPlacement,
  insertStep,
  listPlacements,
  lockPersonForProposal,
  lockPlacement,
  personOrganization,
  personPlacements,
  syncPartnerLinks,
  updatePlacement,
} from './placements.repository.ts';
import { checkStep, isFinal } from './placements.stages.ts';

type Db = Kysely<Database>;

const unique = (ids: string[]) => [...new Set(ids)];

/**
 * The pipeline board: the placements the caller reaches, filtered, the newest step first (capped), with the
 * count per stage. Audited with the people it showed, so it appears in each woman's access log.
 */
export async function list(
  db: Db,
  ctx: RequestContext,
  query: z.output<typeof PlacementListQuery>,
): Promise<PlacementList> {
  requirePlacements(ctx);
  const namesFinal = query.stage?.some((stage) => (FINAL_STAGES as readonly string[]).includes(stage));
  const { items, total, counts } = await listPlacements(
    db,
    ctx,
    {
      opportunityId: query.opportunityId,
      villageId: query.villageId,
      partnerId: query.partnerId,
      personId: query.personId,
      stage: query.stage,
      // Asking for ended or unsuccessful placements by stage is asking for closed ones.
      includeClosed: query.includeClosed === 'true' || namesFinal === true,
    },
    PLACEMENT_LIST_LIMIT,
  );
  await audit(db, ctx, {
    action: 'placement.listed',
    subjectType: 'placement',
    details: {
      shown: unique(items.filter((row) => row.person_visible).map((row) => row.person_id)),
      total,
      filter: {
        opportunityId: query.opportunityId,
        villageId: query.villageId,
        partnerId: query.partnerId,
        personId: query.personId,
        stage: query.stage,
        includeClosed: query.includeClosed,
      },
    },
  });
  const options = { corrections: isCorrections(ctx) };
  return {
    items: items.map((row) => presentPlacement(row, options)),
    total,
    limit: PLACEMENT_LIST_LIMIT,
    counts: Object.fromEntries(PLACEMENT_STAGES.map((stage) => [stage, counts[stage] ?? 0])) as Record<
      PlacementStage,
      number
    >,
  };
}

/** One placement the caller reaches, with its steps (404 otherwise). */
async function detail(db: Db, ctx: RequestContext, placementId: string) {
  const row = await findPlacement(db, ctx, placementId);
  if (!row) throw notFound('PLACEMENT_NOT_FOUND');
  const steps = await findSteps(db, placementId);
  return { row, result: presentDetail(row, steps, { corrections: isCorrections(ctx) }) };
}

/** One placement with its steps and who recorded them; audited with the person it showed. */
export async function get(db: Db, ctx: RequestContext, placementId: string): Promise<PlacementDetail> {
  requirePlacements(ctx);
  const { row, result } = await detail(db, ctx, placementId);
  await audit(db, ctx, {
    action: 'placement.listed',
    subjectType: 'placement',
    subjectId: placementId,
    details: { shown: row.person_visible ? [row.person_id] : [] },
  });
  return result;
}

/** A woman's placements that the caller reaches (her person page); 404 when the caller may not see her. */
export async function forPerson(db: Db, ctx: RequestContext, personId: string): Promise<PersonPlacements> {
  const access = await personAccess(db, ctx, personId);
  requirePlacements(ctx);
  const rows = await personPlacements(db, ctx, personId);
  await audit(db, ctx, {
    action: 'placement.listed',
    subjectType: 'person',
    subjectId: personId,
    subjectOrganizationId: access.organizationId,
    details: { shown: [personId], placements: rows.map((row) => row.id) },
  });
  const options = { corrections: access.corrections };
  return {
    items: rows.map((row) => presentPlacement(row, options)),
    canPropose:
      access.corrections &&
      !access.anonymized &&
      ctx.principal.permissions.includes('propose:placement:organization'),
  };
}

/** What a proposal made from matching carries: the score and the weights version that scored it, and the plan. */
export interface ProposalMatch {
  score: number;
  ruleVersion: number;
  factors: unknown[];
  /** The placement plan it was accepted from (plans). */
  planId?: string | null;
}

/**
 * Proposes a woman the caller may see for an open opportunity with places left, when her consent lets her
 * data reach its partner. Creates the placement with its first step, links her to the partner (so the
 * partner sees her, under that consent), and records it on her timeline and in the audit log. A proposal
 * made from a recommendation or a plan passes `match`, stored on the placement, or a `check` run inside the
 * transaction (see `createProposal`).
 */
export async function propose(
  db: Db,
  ctx: RequestContext,
  body: z.output<typeof ProposePlacementRequest>,
  match: ProposalMatch | null = null,
  check?: (trx: Db) => Promise<ProposalMatch | null | undefined>,
): Promise<PlacementDetail> {
  requirePermission(ctx, 'propose:placement');
  const access = await personAccess(db, ctx, body.personId);
  if (access.anonymized) throw conflict('PERSON_ANONYMIZED');
  const proposedOn = body.proposedOn ?? today();
  if (proposedOn > today()) throw fieldError('proposedOn', 'date_in_future');
  let placementId: string;
  try {
    placementId = await db.transaction().execute((trx) =>
      createProposal(trx, ctx, {
        access,
        opportunityId: body.opportunityId,
        proposedOn,
        note: body.note ?? null,
        match,
        check,
      }),
    );
  } catch (error) {
    // Two officers proposing her for the same opportunity at once: the partial unique index refuses one.
    if ((error as { code?: string }).code === '23505') throw conflict('PLACEMENT_EXISTS');
    throw error;
  }
  return (await detail(db, ctx, placementId)).result;
}

/**
 * The checks and writes of one proposal, inside the caller's transaction; returns the placement's id. The
 * caller has checked `propose:placement` and her `personAccess`. Refuses (409) an anonymized record, an
 * opportunity not open or without places, a missing consent to its partner, and a running placement for it.
 * `check`, when given, runs once her record and the opportunity are locked (before the checks above): it
 * throws to refuse the proposal, and may answer the match to store (in place of `match`), e.g. matching's
 * re-evaluation of the pair read inside this transaction.
 */
export async function createProposal(
  trx: Db,
  ctx: RequestContext,
  input: {
    access: PersonAccess;
    opportunityId: string;
    proposedOn: string;
    note: string | null;
    match?: ProposalMatch | null;
    check?: (trx: Db) => Promise<ProposalMatch | null | undefined>;
  },
): Promise<string> {
  const { access, proposedOn } = input;
  // Her record first (an anonymization running meanwhile ends her placements: it must not miss this
  // one), then the opportunity, held for share until the commit: a close or an edit of its partner
  // made at the same moment waits for the proposal, and the proposal never lands on a closed one.
  if ((await lockPersonForProposal(trx, access.personId))?.anonymized_at) throw conflict('PERSON_ANONYMIZED');
  const opportunity = await findOpportunity(trx, input.opportunityId, 'share');
  if (!opportunity) throw fieldError('opportunityId', 'placement_opportunity_unknown');
  const match = (await input.check?.(trx)) ?? input.match ?? null;
  if (opportunity.status === 'filled') throw conflict('PLACEMENT_NO_PLACES');
  if (opportunity.status !== 'open' || opportunity.past_closing)
    throw conflict('PLACEMENT_OPPORTUNITY_NOT_OPEN');
  if ((await countPlaced(trx, opportunity.id)) >= opportunity.places) throw conflict('PLACEMENT_NO_PLACES');
  if (!(await hasPartnerConsent(trx, access.personId, opportunity.partner_id)))
    throw conflict('PLACEMENT_NO_CONSENT');
  if (await findRunningPlacement(trx, access.personId, opportunity.id)) throw conflict('PLACEMENT_EXISTS');
  const id = await insertPlacement(trx, {
    personId: access.personId,
    opportunityId: opportunity.id,
    proposedBy: ctx.principal.userId,
    proposerOrganizationId: ctx.principal.organizationId,
    match,
  });
  await insertStep(trx, {
    placementId: id,
    stage: 'proposed',
    happenedOn: proposedOn,
    reason: null,
    note: input.note,
    recordedBy: ctx.principal.userId,
    recordedOrganizationId: ctx.principal.organizationId,
  });
  const links = await syncPartnerLinks(trx, access.personId, opportunity.partner_id, ctx.principal.userId);
  await audit(trx, ctx, {
    action: 'placement.proposed',
    subjectType: 'person',
    subjectId: access.personId,
    subjectOrganizationId: access.organizationId,
    details: {
      placementId: id,
      opportunityId: opportunity.id,
      partnerId: opportunity.partner_id,
      villageId: opportunity.village_id,
      proposedOn,
      links,
      ...(match && {
        match: { score: match.score, ruleVersion: match.ruleVersion, planId: match.planId ?? null },
      }),
    },
  });
  // Corrections only: a shared entry would tell every organization that sees her timeline (another
  // partner among them) where she was proposed.
  await recordTimeline(trx, ctx, access.personId, {
    kind: 'placement.proposed',
    visibility: 'corrections',
    details: {
      placementId: id,
      opportunityId: opportunity.id,
      opportunityTitle: opportunity.title,
      stage: 'proposed',
      happenedOn: proposedOn,
    },
  });
  return id;
}

/**
 * Records the next step of a placement the caller reaches: forward only, dated, with a reason where one is
 * needed. Placing locks the opportunity's row, so two placements at once never exceed its places; placed
 * and ended update the opportunity's open/filled status and her links to the partner.
 */
export async function advance(
  db: Db,
  ctx: RequestContext,
  placementId: string,
  body: z.output<typeof AdvancePlacementRequest>,
): Promise<PlacementDetail> {
  requirePlacements(ctx);
  await db.transaction().execute(async (trx) => {
    const reached = await findPlacement(trx, ctx, placementId);
    if (!reached) throw notFound('PLACEMENT_NOT_FOUND');
    const row = await lockPlacement(trx, placementId);
    if (!row) throw notFound('PLACEMENT_NOT_FOUND');
    if (row.version !== body.version) throw conflict('VERSION_CONFLICT');
    const from = row.stage as PlacementStage;
    if (isFinal(from)) throw conflict('PLACEMENT_CLOSED');
    const reason = body.reason ?? null;
    const note = body.note ?? null;
    const problems = checkStep({
      from,
      to: body.stage,
      happenedOn: body.happenedOn,
      previousOn: row.last_step_on,
      today: today(),
      reason,
      note,
    });
    if (problems.length > 0) {
      const fields: Record<string, FieldError> = {};
      for (const problem of problems) fields[problem.field] ??= { key: problem.key, params: problem.params };
      throw new AppError(400, 'VALIDATION_FAILED', { fields });
    }
    if (body.stage === 'placed') await requirePlaceLeft(trx, row.opportunity_id);
    const changed = await updatePlacement(trx, placementId, body.version, {
      stage: body.stage,
      outcome_reason: body.stage === 'unsuccessful' ? (reason as UnsuccessfulReason) : null,
      // Unsuccessful: its note; ended: why it ended (in words).
      outcome_note: body.stage === 'unsuccessful' ? note : body.stage === 'ended' ? reason : null,
      placed_on: body.stage === 'placed' ? body.happenedOn : (reached.placed_on ?? null),
      ended_on: isFinal(body.stage) ? body.happenedOn : null,
    });
    if (!changed) throw conflict('VERSION_CONFLICT');
    await insertStep(trx, {
      placementId,
      stage: body.stage,
      happenedOn: body.happenedOn,
      reason,
      note,
      recordedBy: ctx.principal.userId,
      recordedOrganizationId: ctx.principal.organizationId,
    });
    // A place is taken when she is placed and freed when a placement ends (only placed ones end). The
    // opportunity's lock comes before the links' lock, in this order everywhere (as in a proposal).
    const fill =
      body.stage === 'placed' || body.stage === 'ended'
        ? await refreshOpportunityFill(trx, row.opportunity_id)
        : null;
    const links = await syncPartnerLinks(trx, row.person_id, reached.partner_id, ctx.principal.userId);
    const person = await personOrganization(trx, row.person_id);
    await audit(trx, ctx, {
      action: 'placement.advanced',
      subjectType: 'person',
      subjectId: row.person_id,
      subjectOrganizationId: person.organization_id,
      details: {
        placementId,
        opportunityId: row.opportunity_id,
        partnerId: reached.partner_id,
        from,
        to: body.stage,
        happenedOn: body.happenedOn,
        ...(body.stage === 'unsuccessful' && { reason }),
        links,
        ...(fill && { opportunityStatus: fill }),
      },
    });
    await recordTimeline(trx, ctx, row.person_id, {
      kind: 'placement.advanced',
      visibility: 'corrections',
      details: {
        placementId,
        opportunityId: row.opportunity_id,
        opportunityTitle: reached.opportunity_title,
        from,
        stage: body.stage,
        happenedOn: body.happenedOn,
        ...(body.stage === 'unsuccessful' && { reason }),
      },
    });
  });
  return (await detail(db, ctx, placementId)).result;
}

/**
 * Locks the opportunity's row (placements of one opportunity queue here) and refuses, with a field error on
 * `stage`, when it is closed or still a draft (409 PLACEMENT_OPPORTUNITY_CLOSED) or the people placed already
 * fill its places (409 PLACEMENT_NO_PLACES).
 */
async function requirePlaceLeft(trx: Db, opportunityId: string) {
  const opportunity = await findOpportunity(trx, opportunityId, 'update');
  if (!opportunity) throw notFound('PLACEMENT_NOT_FOUND');
  if (opportunity.status !== 'open' && opportunity.status !== 'filled')
    throw new AppError(409, 'PLACEMENT_OPPORTUNITY_CLOSED', {
      fields: { stage: { key: 'placement_opportunity_closed' } },
    });
  if ((await countPlaced(trx, opportunityId)) >= opportunity.places)
    throw new AppError(409, 'PLACEMENT_NO_PLACES', {
      fields: { stage: { key: 'no_places_left', params: { places: opportunity.places } } },
    });
}

import type { Updateable } from 'kysely';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { PlacementStage } from '../../../shared/placements.ts';
import type { Database, PlacementTable } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { groupGranted, isCorrections, visiblePeople } from '../people/people.access.ts';
import { reachablePlacement } from './placements.access.ts';

type Db = Kysely<Database>;

/**
 * Whether the words of a step were written by corrections staff (the recorder's organization is a prison or
 * a Bapas), for a step aliased `step`; a step with no recording organization counts as theirs, so unknown
 * authorship never widens who reads it.
 */
const WRITTEN_BY_CORRECTIONS = sql<boolean>`coalesce((select author.kind in ('prison', 'probation')
  from organization author where author.id = step.recorded_organization_id), true)`;

/** Placements the caller reaches, with their opportunity, its partner and kelurahan, and the person. */
function placementQuery(db: Db, ctx: RequestContext) {
  return db
    .selectFrom('placement as pl')
    .innerJoin('opportunity as o', 'o.id', 'pl.opportunity_id')
    .innerJoin('person as p', 'p.id', 'pl.person_id')
    .innerJoin('organization as partner', 'partner.id', 'o.partner_id')
    .innerJoin('organization as village', 'village.id', 'o.village_id')
    .innerJoin('organization as proposer', 'proposer.id', 'pl.proposer_organization_id')
    .where(reachablePlacement(ctx));
}

/**
 * The columns of a placement row. Whether the caller sees the woman (`person_visible`) and her identity
 * (`identity`) is computed here from the same rules as the people module, per row and per request: a
 * withdrawn consent hides her from the next request on.
 */
function placementColumns(ctx: RequestContext) {
  const identity: RawBuilder<boolean> = isCorrections(ctx)
    ? sql<boolean>`true`
    : groupGranted(ctx, 'identity_contact', 'p');
  return [
    'pl.id',
    'pl.person_id',
    'pl.opportunity_id',
    'pl.stage',
    'pl.outcome_reason',
    'pl.outcome_note',
    'pl.placed_on',
    'pl.ended_on',
    'pl.version',
    'pl.updated_at',
    'o.title as opportunity_title',
    'o.kind as opportunity_kind',
    'o.sector as opportunity_sector',
    'o.places as opportunity_places',
    'o.partner_id',
    'partner.name as partner_name',
    'o.village_id',
    'village.name as village_name',
    'pl.proposer_organization_id',
    sql<string>`coalesce(proposer.short_name, proposer.name)`.as('proposer_name'),
    'p.full_name',
    'p.registration_number',
    sql<boolean>`${visiblePeople(ctx, 'p')}`.as('person_visible'),
    sql<boolean>`${identity}`.as('identity'),
    sql<string>`(select min(s.happened_on) from placement_step s where s.placement_id = pl.id)::text`.as(
      'proposed_on',
    ),
    sql<string>`(select max(s.happened_on) from placement_step s where s.placement_id = pl.id)::text`.as(
      'last_step_on',
    ),
    // Who wrote the outcome note (the final step's recorder): corrections staff's words stay with them.
    sql<boolean>`coalesce((select ${WRITTEN_BY_CORRECTIONS} from placement_step step
      where step.placement_id = pl.id and step.stage in ('ended', 'unsuccessful')
      order by step.recorded_at desc limit 1), true)`.as('outcome_by_corrections'),
  ] as const;
}

export interface PlacementFilter {
  opportunityId?: string;
  villageId?: string;
  partnerId?: string;
  personId?: string;
  stage?: PlacementStage[];
  includeClosed?: boolean;
}

/**
 * The placements the caller reaches that match the filter: the newest step first, at most `limit`, with
 * the total and the count per stage (the stage filter aside).
 */
export async function listPlacements(db: Db, ctx: RequestContext, filter: PlacementFilter, limit: number) {
  let base = placementQuery(db, ctx);
  if (filter.opportunityId) base = base.where('pl.opportunity_id', '=', filter.opportunityId);
  if (filter.villageId) base = base.where('o.village_id', '=', filter.villageId);
  if (filter.partnerId) base = base.where('o.partner_id', '=', filter.partnerId);
  // A filter on her counts only where the caller sees her, or it would tell whose a hidden row is.
  if (filter.personId) base = base.where('pl.person_id', '=', filter.personId).where(visiblePeople(ctx, 'p'));
  if (!filter.includeClosed) base = base.where('pl.stage', 'not in', ['ended', 'unsuccessful']);
  const staged = filter.stage?.length ? base.where('pl.stage', 'in', filter.stage) : base;
  const [items, counts] = await Promise.all([
    staged
      .select(placementColumns(ctx))
      .orderBy(sql`(select max(s.happened_on) from placement_step s where s.placement_id = pl.id)`, 'desc')
      .orderBy('pl.updated_at', 'desc')
      .orderBy('pl.id')
      .limit(limit)
      .execute(),
    base
      .select(['pl.stage', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('pl.stage')
      .execute(),
  ]);
  const wanted = filter.stage?.length ? new Set<string>(filter.stage) : null;
  const total = counts
    .filter((row) => wanted === null || wanted.has(row.stage))
    .reduce((sum, row) => sum + Number(row.n), 0);
  return {
    items,
    total,
    counts: Object.fromEntries(counts.map((row) => [row.stage, Number(row.n)])) as Partial<
      Record<PlacementStage, number>
    >,
  };
}
export type PlacementRow = Awaited<ReturnType<typeof listPlacements>>['items'][number];

/** One placement the caller reaches, or undefined. */
export function findPlacement(db: Db, ctx: RequestContext, placementId: string) {
  return placementQuery(db, ctx)
    .select(placementColumns(ctx))
    .where('pl.id', '=', placementId)
    .executeTakeFirst();
}

/** A person's placements the caller reaches, the newest step first. */
export function personPlacements(db: Db, ctx: RequestContext, personId: string) {
  return placementQuery(db, ctx)
    .select(placementColumns(ctx))
    .where('pl.person_id', '=', personId)
    .orderBy(sql`(select max(s.happened_on) from placement_step s where s.placement_id = pl.id)`, 'desc')
    .orderBy('pl.updated_at', 'desc')
    .orderBy('pl.id')
    .execute();
}

/** The steps of a placement, oldest first, with who recorded them and whether corrections staff wrote them. */
export function findSteps(db: Db, placementId: string) {
  return db
    .selectFrom('placement_step as step')
    .leftJoin('app_user as u', 'u.id', 'step.recorded_by')
    .leftJoin('organization as org', 'org.id', 'step.recorded_organization_id')
    .select([
      'step.id',
      'step.stage',
      'step.happened_on',
      'step.reason',
      'step.note',
      'step.recorded_at',
      'u.full_name as recorded_by_name',
      'step.recorded_organization_id',
      sql<string | null>`coalesce(org.short_name, org.name)`.as('recorded_organization_name'),
      WRITTEN_BY_CORRECTIONS.as('by_corrections'),
    ])
    .where('step.placement_id', '=', placementId)
    .orderBy('step.happened_on')
    .orderBy('step.recorded_at')
    .orderBy('step.id')
    .execute();
}
export type StepRow = Awaited<ReturnType<typeof findSteps>>[number];

// ── Proposing ──

/**
 * The opportunity a proposal or a placing is for; undefined when there is none. `lock`: 'share' holds its
 * status and places still until the end of the transaction (a proposal: a close or an edit waits for it),
 * 'update' also queues the placings of one opportunity one after another.
 */
export function findOpportunity(db: Db, opportunityId: string, lock?: 'share' | 'update') {
  return db
    .selectFrom('opportunity as o')
    .select([
      'o.id',
      'o.partner_id',
      'o.village_id',
      'o.status',
      'o.places',
      'o.closes_on',
      'o.title',
      sql<boolean>`o.closes_on is not null and o.closes_on < ${TODAY_SQL}`.as('past_closing'),
    ])
    .where('o.id', '=', opportunityId)
    .$if(lock === 'share', (q) => q.forShare())
    .$if(lock === 'update', (q) => q.forUpdate())
    .executeTakeFirst();
}

/**
 * She has a current consent (given by today, not withdrawn) naming the partner organization or partners as
 * a kind: without it her data may not reach the partner, so she may not be proposed.
 */
export async function hasPartnerConsent(db: Db, personId: string, partnerId: string) {
  const row = await db
    .selectFrom('consent as c')
    .select('c.id')
    .where('c.person_id', '=', personId)
    .where('c.withdrawn_on', 'is', null)
    .where(sql<boolean>`c.given_on <= ${TODAY_SQL}`)
    .where(
      sql<boolean>`(c.recipient_organization_ids @> ${JSON.stringify([partnerId])}::jsonb
        or c.recipient_kinds @> ${JSON.stringify(['partner'])}::jsonb)`,
    )
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** The running placement of a person for an opportunity, if any. */
export function findRunningPlacement(db: Db, personId: string, opportunityId: string) {
  return db
    .selectFrom('placement')
    .select(['id', 'stage'])
    .where('person_id', '=', personId)
    .where('opportunity_id', '=', opportunityId)
    .where('stage', 'not in', ['ended', 'unsuccessful'])
    .executeTakeFirst();
}

export async function insertPlacement(
  db: Db,
  values: {
    personId: string;
    opportunityId: string;
    proposedBy: string;
    proposerOrganizationId: string;
    /** Proposed from matching: the score, the weights version, the factors (and the plan). */
    match?: { score: number; ruleVersion: number; factors: unknown[]; planId?: string | null } | null;
  },
) {
  const match = values.match ?? null;
  const row = await db
    .insertInto('placement')
    .values({
      person_id: values.personId,
      opportunity_id: values.opportunityId,
      stage: 'proposed',
      proposed_by: values.proposedBy,
      proposer_organization_id: values.proposerOrganizationId,
      match_score: match?.score ?? null,
      match_rule_version: match?.ruleVersion ?? null,
      match_factors: match ? JSON.stringify(match.factors) : null,
      plan_id: match?.planId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function insertStep(
  db: Db,
  values: {
    placementId: string;
    stage: PlacementStage;
    happenedOn: string;
    reason: string | null;
    note: string | null;
    recordedBy: string;
    recordedOrganizationId: string;
  },
) {
  await db
    .insertInto('placement_step')
    .values({
      placement_id: values.placementId,
      stage: values.stage,
      happened_on: values.happenedOn,
      reason: values.reason,
      note: values.note,
      recorded_by: values.recordedBy,
      recorded_organization_id: values.recordedOrganizationId,
    })
    .execute();
}

// ── Steps ──

/** The placement's row for a change, locked until the end of the transaction; undefined when there is none. */
export function lockPlacement(db: Db, placementId: string) {
  return db
    .selectFrom('placement as pl')
    .select([
      'pl.id',
      'pl.person_id',
      'pl.opportunity_id',
      'pl.stage',
      'pl.version',
      sql<string>`(select max(s.happened_on) from placement_step s where s.placement_id = pl.id)::text`.as(
        'last_step_on',
      ),
    ])
    .where('pl.id', '=', placementId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes a placement when its version still matches; false otherwise. */
export async function updatePlacement(
  db: Db,
  placementId: string,
  version: number,
  values: Required<
    Pick<Updateable<PlacementTable>, 'stage' | 'outcome_reason' | 'outcome_note' | 'placed_on' | 'ended_on'>
  >,
) {
  const result = await db
    .updateTable('placement')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', placementId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ── Links to the partner ──

/**
 * Keeps her links to a partner in step with her placements there: an active `proposal` link while any
 * placement with that partner is running, an active `placement` link while one is at stage placed; links
 * no longer backed by a placement end (active false, ended_at). The links are what lets the partner see her
 * (with her consent), so they follow the pipeline exactly. Call it inside the transaction of the change,
 * after writing the placement: it first takes a lock for this woman and partner until the transaction
 * ends, so two changes at once (one ending a placement, one proposing her again) read each other's result
 * instead of both deciding on what they saw before.
 */
export async function syncPartnerLinks(db: Db, personId: string, partnerId: string, userId: string | null) {
  await sql`select pg_advisory_xact_lock(hashtext(${`placement-links:${personId}:${partnerId}`}))`.execute(
    db,
  );
  const running = await db
    .selectFrom('placement as pl')
    .innerJoin('opportunity as o', 'o.id', 'pl.opportunity_id')
    .select('pl.stage')
    .where('pl.person_id', '=', personId)
    .where('o.partner_id', '=', partnerId)
    .where('pl.stage', 'not in', ['ended', 'unsuccessful'])
    .execute();
  const wanted = {
    proposal: running.length > 0,
    placement: running.some((row) => row.stage === 'placed'),
  };
  const changes: { kind: 'proposal' | 'placement'; change: 'created' | 'ended' }[] = [];
  for (const kind of ['proposal', 'placement'] as const) {
    if (wanted[kind]) {
      const inserted = await db
        .insertInto('person_link')
        .values({ person_id: personId, organization_id: partnerId, kind, created_by: userId })
        .onConflict((oc) =>
          oc.columns(['person_id', 'organization_id', 'kind']).where('active', '=', true).doNothing(),
        )
        .returning('id')
        .executeTakeFirst();
      if (inserted) changes.push({ kind, change: 'created' });
    } else {
      const ended = await db
        .updateTable('person_link')
        .set({ active: false, ended_at: sql`now()` })
        .where('person_id', '=', personId)
        .where('organization_id', '=', partnerId)
        .where('kind', '=', kind)
        .where('active', '=', true)
        .executeTakeFirst();
      if (Number(ended.numUpdatedRows) > 0) changes.push({ kind, change: 'ended' });
    }
  }
  return changes;
}

/**
 * Her record, held for share until the end of a proposal's transaction: an anonymization (which locks it for
 * update and ends her running placements) either waits for the proposal or is seen by it.
 */
export function lockPersonForProposal(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'anonymized_at'])
    .where('id', '=', personId)
    .forShare()
    .executeTakeFirst();
}

/** The person's holding prison (the audit's subject organization) and whether her record is anonymized. */
export function personOrganization(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['organization_id', 'anonymized_at'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
}

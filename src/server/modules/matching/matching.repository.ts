import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { SkillEvidence } from '../../../shared/matching.ts';
import type { SkillLevel } from '../../../shared/skills.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL, today } from '../../platform/calendar.ts';
import { placedOf } from '../opportunities/opportunities.fill.ts';
import { groupGranted, isCorrections, visiblePeople } from '../people/people.access.ts';
import { sentenceInput } from '../people/people.release.ts';
import { currentRules } from '../rules/rules.service.ts';
import { computeMilestones } from '../sentence/milestones.ts';
import { visibleOpportunity } from '../villages/villages.access.ts';
import type {
  EngineContext,
  EngineOpportunity,
  EnginePerson,
  EngineSkill,
  PairDecisions,
} from './matching.types.ts';

// The engine's input read from the database, set-based: a handful of queries whatever the number of people
// or opportunities (no query per person), so recommendations for a release window, the placement plan and
// the benchmarks read thousands at once. Also the few writes of matching: decisions on a pair and the
// recommendations shown.

type Db = Kysely<Database> | Transaction<Database>;

/** The SQL condition "`column` is one of these ids", bound as one jsonb value (any number of ids). */
function idIn(column: string, ids: readonly string[]): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(column)} in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`;
}

/** The key of a person–opportunity pair in the maps below. */
export const pairKey = (personId: string, opportunityId: string) => `${personId}:${opportunityId}`;

const numberOrNull = (value: string | number | null | undefined) =>
  value === null || value === undefined ? null : Number(value);

// ── Context ──

/** Today (Asia/Jakarta), the matching weights in force with their version, and every skill's name. */
export async function matchingContext(db: Db): Promise<EngineContext> {
  const [ruleSet, skills] = await Promise.all([
    currentRules(db, 'matching'),
    db.selectFrom('skill').select(['id', 'name_id', 'name_en']).execute(),
  ]);
  return {
    today: today(),
    rules: ruleSet.rules,
    ruleVersion: ruleSet.version,
    skillNames: new Map(skills.map((skill) => [skill.id, { id: skill.name_id, en: skill.name_en }])),
  };
}

// ── People ──

export interface EnginePeopleFilter {
  /** Only these people (any number). */
  personIds?: readonly string[];
  /** Only the people this caller may see (`visiblePeople`). */
  ctx?: RequestContext;
  /**
   * Only the people released in the window: an expected release date in it (not yet released), or released
   * on a day in it (and not returned to custody).
   */
  releaseWindow?: { from: string; to: string };
}

/** The people of a filter (never anonymized records), as a query over `person` aliased `p`. */
function peopleScope(db: Db, filter: EnginePeopleFilter) {
  let query = db.selectFrom('person as p').where('p.anonymized_at', 'is', null);
  if (filter.personIds) query = query.where(idIn('p.id', filter.personIds));
  if (filter.ctx) query = query.where(visiblePeople(filter.ctx, 'p'));
  const window = filter.releaseWindow;
  if (window)
    query = query.where(
      sql<boolean>`((p.released_on is null and p.release_date between ${window.from}::date and ${window.to}::date)
        or (p.released_on between ${window.from}::date and ${window.to}::date and p.returned_on is null))`,
    );
  return query;
}

/**
 * The engine's view of people: skills on the taxonomy (person_skill rows with a skill, and valid certificates
 * as certified evidence), preferred sectors and working constraints, where she will live (the intended host
 * kelurahan, else her domicile) with its code, name and centroid, when she can start (released and not
 * returned: now; else the release date and the asimilasi date of the sentence milestones under the rules in
 * force), her current consents, and offence and birth date (gates only). Ordered by id.
 */
export async function loadEnginePeople(db: Db, filter: EnginePeopleFilter = {}): Promise<EnginePerson[]> {
  if (filter.personIds?.length === 0) return [];
  const scope = peopleScope(db, filter).select('p.id');
  const [rows, remissions, scores, consents, skills, certificates, sentenceRules] = await Promise.all([
    peopleScope(db, filter)
      .leftJoin('organization as iv', 'iv.id', 'p.intended_village_id')
      .leftJoin('village_profile as ivp', 'ivp.organization_id', 'p.intended_village_id')
      .leftJoin('organization as dv', (join) =>
        join.onRef('dv.code', '=', 'p.domicile_village_code').on('dv.kind', '=', 'village'),
      )
      .leftJoin('village_profile as dvp', 'dvp.organization_id', 'dv.id')
      .leftJoin('custody as c', 'c.person_id', 'p.id')
      .select([
        'p.id',
        'p.preferred_sectors',
        'p.constraints',
        'p.birth_date',
        'p.release_date',
        'p.released_on',
        'p.returned_on',
        'p.intended_village_id',
        'iv.code as intended_code',
        'iv.name as intended_name',
        'ivp.latitude as intended_latitude',
        'ivp.longitude as intended_longitude',
        'p.domicile_village_code',
        'p.domicile_village_name',
        'dv.id as domicile_village_id',
        'dvp.latitude as domicile_latitude',
        'dvp.longitude as domicile_longitude',
        'c.person_id as custody_person_id',
        'c.offence_category',
        'c.sentence_kind',
        'c.sentence_years',
        'c.sentence_months',
        'c.sentence_days',
        'c.fine_substitute_months',
        'c.fine_substitute_days',
        'c.fine_paid',
        'c.detention_start_date',
      ])
      .orderBy('p.id')
      .execute(),
    db
      .selectFrom('remission as r')
      .select(['r.person_id', 'r.kind', 'r.days', 'r.decree_date'])
      .where('r.person_id', 'in', scope)
      .execute(),
    db
      .selectFrom('behaviour_score as b')
      .select(['b.person_id', 'b.month', 'b.score'])
      .where('b.person_id', 'in', scope)
      .execute(),
    db
      .selectFrom('consent as c')
      .select(['c.person_id', 'c.recipient_organization_ids', 'c.recipient_kinds'])
      .where('c.person_id', 'in', scope)
      .where('c.withdrawn_on', 'is', null)
      .where(sql<boolean>`c.given_on <= ${TODAY_SQL}`)
      .execute(),
    db
      .selectFrom('person_skill as s')
      .select(['s.person_id', 's.skill_id', 's.level', 's.evidence'])
      .where('s.person_id', 'in', scope)
      .where('s.skill_id', 'is not', null)
      .execute(),
    db
      .selectFrom('certificate as cert')
      .select(['cert.person_id', 'cert.skill_id', 'cert.level'])
      .where('cert.person_id', 'in', scope)
      .where(sql<boolean>`(cert.valid_until is null or cert.valid_until >= ${TODAY_SQL})`)
      .execute(),
    currentRules(db, 'sentence'),
  ]);

  const group = <T extends { person_id: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) {
      const list = map.get(item.person_id);
      if (list) list.push(item);
      else map.set(item.person_id, [item]);
    }
    return map;
  };
  const remissionsOf = group(remissions);
  const scoresOf = group(scores);
  const consentsOf = group(consents);
  const skillsOf = group(skills);
  const certificatesOf = group(certificates);
  const now = today();

  const people: EnginePerson[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    const released = row.released_on !== null && row.returned_on === null;
    let releaseDate = row.release_date;
    let asimilasiDate: string | null = null;
    if (!released && row.custody_person_id !== null && row.sentence_kind) {
      const milestones = computeMilestones(
        sentenceInput(
          {
            sentence_kind: row.sentence_kind,
            sentence_years: row.sentence_years ?? 0,
            sentence_months: row.sentence_months ?? 0,
            sentence_days: row.sentence_days ?? 0,
            fine_substitute_months: row.fine_substitute_months ?? 0,
            fine_substitute_days: row.fine_substitute_days ?? 0,
            fine_paid: row.fine_paid ?? false,
            detention_start_date: row.detention_start_date,
          },
          remissionsOf.get(row.id) ?? [],
          scoresOf.get(row.id) ?? [],
        ),
        sentenceRules.rules,
        sentenceRules.version,
        now,
      );
      releaseDate = milestones.releaseDate ?? row.release_date;
      const asimilasi = milestones.items.find((item) => item.key === 'asimilasi');
      if (asimilasi && (asimilasi.status === 'eligible' || asimilasi.status === 'not_yet'))
        asimilasiDate = asimilasi.date;
    }
    const personSkills: EngineSkill[] = [
      ...(skillsOf.get(row.id) ?? []).map((skill) => ({
        skillId: skill.skill_id as string,
        level: skill.level as SkillLevel,
        evidence: skill.evidence as SkillEvidence,
      })),
      ...(certificatesOf.get(row.id) ?? []).map((cert) => ({
        skillId: cert.skill_id,
        level: cert.level as SkillLevel,
        evidence: 'certified' as const,
      })),
    ];
    const organizationIds = new Set<string>();
    const kinds = new Set<string>();
    for (const consent of consentsOf.get(row.id) ?? []) {
      for (const id of consent.recipient_organization_ids) organizationIds.add(id);
      for (const kind of consent.recipient_kinds) kinds.add(kind);
    }
    const intended = row.intended_village_id !== null;
    const domicile = !intended && row.domicile_village_code !== null;
    people.push({
      id: row.id,
      skills: personSkills,
      preferredSectors: row.preferred_sectors ?? [],
      constraints: {
        childcare: row.constraints?.childcare === true,
        partTimeOnly: row.constraints?.partTimeOnly === true,
      },
      place: intended
        ? {
            source: 'intended',
            villageId: row.intended_village_id,
            villageCode: row.intended_code,
            villageName: row.intended_name,
            latitude: numberOrNull(row.intended_latitude),
            longitude: numberOrNull(row.intended_longitude),
          }
        : domicile
          ? {
              source: 'domicile',
              villageId: row.domicile_village_id,
              villageCode: row.domicile_village_code,
              villageName: row.domicile_village_name,
              latitude: numberOrNull(row.domicile_latitude),
              longitude: numberOrNull(row.domicile_longitude),
            }
          : {
              source: null,
              villageId: null,
              villageCode: null,
              villageName: null,
              latitude: null,
              longitude: null,
            },
      availability: { released, releaseDate: released ? row.released_on : releaseDate, asimilasiDate },
      consent: { organizationIds: [...organizationIds].sort(), kinds: [...kinds].sort() },
      offenceCategory: row.offence_category ?? null,
      birthDate: row.birth_date,
    });
  }
  return people;
}

// ── Opportunities ──

export interface EngineOpportunityFilter {
  ids?: readonly string[];
  /** Stored statuses to read (e.g. ['open']); all when not given. */
  status?: readonly ('draft' | 'open' | 'filled' | 'closed')[];
  /** Only those this caller may see (`visibleOpportunity`). */
  ctx?: RequestContext;
}

export interface LoadedOpportunity {
  /**
   * The engine's view. `placesLeft` = places − people placed; an open one past its closing date is given to
   * the engine as closed (it takes no proposal any more).
   */
  opportunity: EngineOpportunity;
  /** Placements running on it (proposed to placed, not ended or unsuccessful). */
  running: number;
  placed: number;
  places: number;
  kind: string;
}

/**
 * The engine's view of opportunities, with its partner, kelurahan (code, name, centroid), required skills,
 * places left and the kelurahan's demand strength for its sector (the strongest potential of the sector, 1–5;
 * a need of the sector counts 3; 0 when none). Ordered by id.
 */
export async function loadEngineOpportunities(
  db: Db,
  filter: EngineOpportunityFilter = {},
): Promise<LoadedOpportunity[]> {
  if (filter.ids?.length === 0 || filter.status?.length === 0) return [];
  let query = db
    .selectFrom('opportunity as o')
    .innerJoin('organization as partner', 'partner.id', 'o.partner_id')
    .innerJoin('organization as v', 'v.id', 'o.village_id')
    .leftJoin('village_profile as vp', 'vp.organization_id', 'o.village_id')
    .select([
      'o.id',
      'o.title',
      'o.kind',
      'o.partner_id',
      'partner.name as partner_name',
      'o.village_id',
      'v.code as village_code',
      'v.name as village_name',
      'vp.latitude',
      'vp.longitude',
      'o.status',
      'o.places',
      'o.start_on',
      'o.closes_on',
      'o.open_to_asimilasi',
      'o.restricted_offences',
      'o.restrictions_version',
      'o.min_age',
      'o.sector',
      'o.part_time',
      'o.flexible',
      'o.shift_work',
      sql<boolean>`o.closes_on is not null and o.closes_on < ${TODAY_SQL}`.as('past_closing'),
      placedOf('o.id').as('placed'),
      sql<string>`(select count(*) from placement r where r.opportunity_id = o.id
        and r.stage not in ('ended', 'unsuccessful'))`.as('running'),
      sql<{ skillId: string; minLevel: SkillLevel; essential: boolean }[]>`coalesce((
        select json_agg(json_build_object('skillId', os.skill_id, 'minLevel', os.min_level,
          'essential', os.essential) order by os.position, os.skill_id)
        from opportunity_skill os where os.opportunity_id = o.id), '[]'::json)`.as('skills'),
      sql<string>`greatest(
        coalesce((select max(pot.strength) from village_potential pot
          where pot.village_id = o.village_id and pot.sector = o.sector), 0),
        case when exists (select 1 from village_need need
          where need.village_id = o.village_id and need.sector = o.sector) then 3 else 0 end)`.as('demand'),
    ]);
  if (filter.ids) query = query.where(idIn('o.id', filter.ids));
  if (filter.status) query = query.where('o.status', 'in', [...filter.status]);
  if (filter.ctx) query = query.where(visibleOpportunity(filter.ctx, 'o'));
  const rows = await query.orderBy('o.id').execute();
  return rows.map((row) => {
    const placed = Number(row.placed);
    return {
      opportunity: {
        id: row.id,
        title: row.title,
        partnerId: row.partner_id,
        partnerName: row.partner_name,
        villageId: row.village_id,
        villageCode: row.village_code ?? '',
        villageName: row.village_name,
        latitude: numberOrNull(row.latitude),
        longitude: numberOrNull(row.longitude),
        status: row.status === 'open' && row.past_closing ? 'closed' : row.status,
        placesLeft: Math.max(row.places - placed, 0),
        startOn: row.start_on,
        closesOn: row.closes_on,
        openToAsimilasi: row.open_to_asimilasi,
        restrictedOffences: row.restricted_offences,
        restrictionsVersion: row.restrictions_version,
        minAge: row.min_age,
        sector: row.sector,
        partTime: row.part_time,
        flexible: row.flexible,
        shiftWork: row.shift_work,
        skills: row.skills,
        demandStrength: Number(row.demand),
      },
      running: Number(row.running),
      placed,
      places: row.places,
      kind: row.kind,
    };
  });
}

// ── Decisions ──

export interface PairFilter {
  personIds?: readonly string[];
  opportunityIds?: readonly string[];
}

/** Standing decisions (not revoked) on the pairs of the filter, with who decided and for which organization. */
export async function loadDecisionRows(db: Db, filter: PairFilter = {}) {
  if (filter.personIds?.length === 0 || filter.opportunityIds?.length === 0) return [];
  let query = decisionQuery(db).where('d.revoked_at', 'is', null);
  if (filter.personIds) query = query.where(idIn('d.person_id', filter.personIds));
  if (filter.opportunityIds) query = query.where(idIn('d.opportunity_id', filter.opportunityIds));
  return query.orderBy('d.decided_at').orderBy('d.id').execute();
}

function decisionQuery(db: Db) {
  return db
    .selectFrom('match_decision as d')
    .innerJoin('organization as org', 'org.id', 'd.organization_id')
    .select([
      'd.id',
      'd.person_id',
      'd.opportunity_id',
      'd.kind',
      'd.reason_code',
      'd.note',
      'd.decided_by',
      'd.decided_by_name',
      'd.organization_id',
      sql<string>`coalesce(org.short_name, org.name)`.as('organization_name'),
      'org.kind as organization_kind',
      'd.decided_at',
      'd.restrictions_version',
      'd.revoked_at',
      'd.revoked_by',
    ]);
}
export type DecisionRow = Awaited<ReturnType<typeof loadDecisionRows>>[number];

/** The engine's view of decision rows: by pair (`pairKey`), a set-aside and a restriction review. */
export function pairDecisions(rows: readonly DecisionRow[]): Map<string, PairDecisions> {
  const map = new Map<string, PairDecisions>();
  for (const row of rows) {
    if (row.revoked_at) continue;
    const key = pairKey(row.person_id, row.opportunity_id);
    const decisions = map.get(key) ?? {};
    if (row.kind === 'dismissed') decisions.dismissed = { reasonCode: row.reason_code };
    else decisions.restriction = { kind: row.kind, restrictionsVersion: row.restrictions_version ?? 0 };
    map.set(key, decisions);
  }
  return map;
}

/** Standing decisions on the pairs of the filter, for the engine: by `pairKey(personId, opportunityId)`. */
export async function loadDecisions(db: Db, filter: PairFilter = {}): Promise<Map<string, PairDecisions>> {
  return pairDecisions(await loadDecisionRows(db, filter));
}

/** One decision (standing or revoked), or undefined. */
export function findDecision(db: Db, decisionId: string) {
  return decisionQuery(db).where('d.id', '=', decisionId).executeTakeFirst();
}

/** Records a decision; returns its id. A second standing one of the same family fails on the unique index (23505). */
export async function insertDecision(
  db: Db,
  values: {
    personId: string;
    opportunityId: string;
    kind: 'dismissed' | 'restriction_cleared' | 'restriction_refused';
    reasonCode: string;
    note: string | null;
    decidedBy: string;
    decidedByName: string;
    organizationId: string;
    restrictionsVersion: number | null;
  },
) {
  const row = await db
    .insertInto('match_decision')
    .values({
      person_id: values.personId,
      opportunity_id: values.opportunityId,
      kind: values.kind,
      reason_code: values.reasonCode,
      note: values.note,
      decided_by: values.decidedBy,
      decided_by_name: values.decidedByName,
      organization_id: values.organizationId,
      restrictions_version: values.restrictionsVersion,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Her record, locked until the end of a decision's transaction, in a mode that conflicts with the share lock
 * a proposal holds on it (`lockPersonForProposal`): a decision on one of her pairs and a proposal of hers run
 * one after the other, so a proposal re-checking the pair inside its transaction sees a decision committed
 * before it, and a decision waits for a proposal in flight. Undefined when there is no such person.
 */
export function lockPersonForDecision(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'anonymized_at'])
    .where('id', '=', personId)
    .forNoKeyUpdate()
    .executeTakeFirst();
}

/**
 * What a restriction review is made under, read inside its transaction: the opportunity's restricted
 * offences and restrictions version (its row held for share, so a restriction edit waits for the review)
 * and her offence category. Undefined when the opportunity does not exist.
 */
export async function restrictionReviewTarget(db: Db, personId: string, opportunityId: string) {
  const opportunity = await db
    .selectFrom('opportunity')
    .select(['restricted_offences', 'restrictions_version'])
    .where('id', '=', opportunityId)
    .forShare()
    .executeTakeFirst();
  if (!opportunity) return undefined;
  const custody = await db
    .selectFrom('custody')
    .select('offence_category')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return {
    restrictedOffences: opportunity.restricted_offences,
    restrictionsVersion: opportunity.restrictions_version,
    offenceCategory: custody?.offence_category ?? null,
  };
}

/** Revokes a standing decision; false when it was revoked already (by someone else meanwhile). */
export async function revokeDecision(db: Db, decisionId: string, userId: string) {
  const result = await db
    .updateTable('match_decision')
    .set({ revoked_at: sql`now()`, revoked_by: userId })
    .where('id', '=', decisionId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// ── What the lists show ──

/** The pairs of the filter with a running placement (proposed to placed): `pairKey` set. */
export async function runningPairs(db: Db, filter: PairFilter = {}): Promise<Set<string>> {
  if (filter.personIds?.length === 0 || filter.opportunityIds?.length === 0) return new Set();
  let query = db
    .selectFrom('placement as pl')
    .select(['pl.person_id', 'pl.opportunity_id'])
    .where('pl.stage', 'not in', ['ended', 'unsuccessful']);
  if (filter.personIds) query = query.where(idIn('pl.person_id', filter.personIds));
  if (filter.opportunityIds) query = query.where(idIn('pl.opportunity_id', filter.opportunityIds));
  const rows = await query.execute();
  return new Set(rows.map((row) => pairKey(row.person_id, row.opportunity_id)));
}

/**
 * The people as the caller may show them: the name when her consent gives the caller `identity_contact`
 * (corrections staff always), the registration number, and whether the caller was given her availability
 * (release dates) and her skills. Only people the caller sees.
 */
export function peopleShown(db: Db, ctx: RequestContext, personIds: readonly string[]) {
  if (personIds.length === 0) return Promise.resolve([]);
  const corrections = isCorrections(ctx);
  return db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.full_name',
      'p.registration_number',
      'p.organization_id',
      sql<boolean>`${corrections ? sql`true` : groupGranted(ctx, 'identity_contact', 'p')}`.as('identity'),
      sql<boolean>`${corrections ? sql`true` : groupGranted(ctx, 'availability_status', 'p')}`.as(
        'availability',
      ),
      sql<boolean>`${corrections ? sql`true` : groupGranted(ctx, 'skills_training', 'p')}`.as('skills'),
    ])
    .where(idIn('p.id', personIds))
    .where(visiblePeople(ctx, 'p'))
    .execute();
}
export type PersonShownRow = Awaited<ReturnType<typeof peopleShown>>[number];

/** Whether the caller may see the opportunity at all (`visibleOpportunity`). */
export async function opportunityVisible(db: Db, ctx: RequestContext, opportunityId: string) {
  const row = await db
    .selectFrom('opportunity as o')
    .select('o.id')
    .where('o.id', '=', opportunityId)
    .where(visibleOpportunity(ctx, 'o'))
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Records recommendations shown: one row per pair and weights version; shown again, it counts up and keeps
 * the latest score, factors and who saw it.
 */
export async function recordShown(
  db: Db,
  shown: readonly {
    personId: string;
    opportunityId: string;
    ruleVersion: number;
    score: number;
    gate: 'eligible' | 'review';
    factors: unknown[];
  }[],
  context: 'person' | 'opportunity' | 'plan' | 'compare',
  userId: string | null,
) {
  const BATCH = 500;
  for (let start = 0; start < shown.length; start += BATCH) {
    const values = shown.slice(start, start + BATCH).map((item) => ({
      person_id: item.personId,
      opportunity_id: item.opportunityId,
      rule_version: item.ruleVersion,
      score: item.score,
      gate: item.gate,
      factors: JSON.stringify(item.factors),
      context,
      last_shown_by: userId,
    }));
    await db
      .insertInto('match_recommendation')
      .values(values)
      .onConflict((oc) =>
        oc.columns(['person_id', 'opportunity_id', 'rule_version']).doUpdateSet({
          times_shown: sql`match_recommendation.times_shown + 1`,
          last_shown_at: sql`now()`,
          last_shown_by: sql`excluded.last_shown_by`,
          score: sql`excluded.score`,
          gate: sql`excluded.gate`,
          factors: sql`excluded.factors`,
        }),
      )
      .execute();
  }
}

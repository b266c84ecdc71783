import { type Kysely, sql, type Transaction } from 'kysely';
import type { OpportunitySort } from '../../../shared/opportunities.ts';
import type { Database, OpportunityKindValue, OpportunityTable, SkillLevelValue } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { managedVillage, visibleOpportunity } from '../villages/villages.access.ts';
import { placedOf } from './opportunities.fill.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface OpportunitySkillRow {
  skillId: string;
  code: string;
  nameId: string;
  nameEn: string;
  sector: string;
  minLevel: SkillLevelValue;
  essential: boolean;
}

export interface OpportunityFilter {
  villageId?: string;
  partnerId?: string;
  sector?: string;
  kind?: string;
  status?: string;
  hasOpenPlaces?: boolean;
  startsBefore?: string;
  q?: string;
}

/** People placed on the opportunity `o`. */
const PLACED = placedOf('o.id');

/** Every query starts from what the caller may see (ADR 011: a partner only her organization's). */
function opportunityQuery(db: Db, ctx: RequestContext, filter: OpportunityFilter) {
  return db
    .selectFrom('opportunity as o')
    .innerJoin('organization as p', 'p.id', 'o.partner_id')
    .innerJoin('organization as v', 'v.id', 'o.village_id')
    .where(visibleOpportunity(ctx, 'o'))
    .$if(filter.villageId !== undefined, (q) => q.where('o.village_id', '=', filter.villageId as string))
    .$if(filter.partnerId !== undefined, (q) => q.where('o.partner_id', '=', filter.partnerId as string))
    .$if(filter.sector !== undefined, (q) => q.where('o.sector', '=', filter.sector as string))
    .$if(filter.kind !== undefined, (q) => q.where('o.kind', '=', filter.kind as OpportunityKindValue))
    .$if(filter.status !== undefined, (q) => q.where(sql<boolean>`o.status = ${filter.status as string}`))
    .$if(filter.hasOpenPlaces === true, (q) =>
      q.where(sql<boolean>`o.status = 'open' and o.places > ${PLACED}`),
    )
    .$if(filter.startsBefore !== undefined, (q) => q.where('o.start_on', '<=', filter.startsBefore as string))
    .$if(filter.q !== undefined && filter.q !== '', (q) => {
      const pattern = likePattern((filter.q as string).toLowerCase());
      return q.where(
        sql<boolean>`(lower(o.title) like ${pattern} or lower(coalesce(o.description, '')) like ${pattern}
          or lower(coalesce(o.location, '')) like ${pattern} or lower(p.name) like ${pattern}
          or lower(coalesce(p.short_name, '')) like ${pattern})`,
      );
    });
}

function selectOpportunity(db: Db, ctx: RequestContext, filter: OpportunityFilter) {
  return opportunityQuery(db, ctx, filter).select([
    'o.id',
    'o.partner_id',
    'p.name as partner_name',
    'o.village_id',
    'v.code as village_code',
    'v.name as village_name',
    'o.kind',
    'o.title',
    'o.description',
    'o.sector',
    'o.location',
    'o.places',
    'o.start_on',
    'o.closes_on',
    'o.hours_per_week',
    'o.work_hours',
    'o.shift_work',
    'o.part_time',
    'o.flexible',
    'o.pay_min',
    'o.pay_max',
    'o.pay_period',
    'o.open_to_asimilasi',
    'o.restricted_offences',
    'o.restriction_note',
    'o.restrictions_reviewed_at',
    'o.restrictions_version',
    sql<string | null>`(select u.full_name from app_user u where u.id = o.restrictions_reviewed_by)`.as(
      'restrictions_reviewed_by_name',
    ),
    'o.status',
    'o.status_reason',
    'o.opened_at',
    sql<string | null>`(select u.full_name from app_user u where u.id = o.opened_by)`.as('opened_by_name'),
    'o.created_at',
    sql<string | null>`(select u.full_name from app_user u where u.id = o.created_by)`.as('created_by_name'),
    'o.updated_at',
    'o.version',
    PLACED.as('placed_count'),
    sql<OpportunitySkillRow[]>`coalesce((
        select json_agg(json_build_object('skillId', s.id, 'code', s.code, 'nameId', s.name_id,
          'nameEn', s.name_en, 'sector', s.sector, 'minLevel', os.min_level, 'essential', os.essential)
          order by os.position, lower(s.name_id))
        from opportunity_skill os join skill s on s.id = os.skill_id
        where os.opportunity_id = o.id), '[]'::json)`.as('skills'),
    // The caller manages its kelurahan (staff of that kelurahan or of its kecamatan).
    managedVillage(ctx, 'o.village_id').as('managed'),
  ]);
}

export type OpportunityRow = Awaited<
  ReturnType<ReturnType<typeof selectOpportunity>['executeTakeFirstOrThrow']>
>;

function ordered<Q extends ReturnType<typeof selectOpportunity>>(query: Q, sort: OpportunitySort): Q {
  switch (sort) {
    case 'start':
      return query.orderBy('o.start_on').orderBy(sql`lower(o.title)`).orderBy('o.id') as Q;
    case 'closing':
      return query.orderBy(sql`o.closes_on asc nulls last`).orderBy('o.start_on').orderBy('o.id') as Q;
    case 'title':
      return query.orderBy(sql`lower(o.title)`).orderBy('o.id') as Q;
    case 'newest':
      return query.orderBy('o.created_at', 'desc').orderBy('o.id', 'desc') as Q;
  }
}

/** A page of the opportunities the caller may see. */
export async function listOpportunities(
  db: Db,
  ctx: RequestContext,
  filter: OpportunityFilter,
  page: { page: number; pageSize: number; sort: OpportunitySort },
) {
  const [items, count] = await Promise.all([
    ordered(selectOpportunity(db, ctx, filter), page.sort)
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    opportunityQuery(db, ctx, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One opportunity the caller may see, or undefined (another partner's does not exist for her). */
export function findOpportunity(db: Db, ctx: RequestContext, opportunityId: string) {
  return selectOpportunity(db, ctx, {}).where('o.id', '=', opportunityId).executeTakeFirst();
}

/** An organization's kind, and whether the caller manages it as a kelurahan. */
export function findOrganization(db: Db, ctx: RequestContext, id: string) {
  return db
    .selectFrom('organization as org')
    .select(['org.id', 'org.kind', managedVillage(ctx, 'org.id').as('managed')])
    .where('org.id', '=', id)
    .executeTakeFirst();
}

export function findSkillsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('skill').select(['id', 'active']).where('id', 'in', ids).execute();
}

/** Anyone was ever proposed for it (a placement in any stage, ended and unsuccessful ones included). */
export async function hasPlacements(db: Db, opportunityId: string) {
  const row = await db
    .selectFrom('placement')
    .select('id')
    .where('opportunity_id', '=', opportunityId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

export interface OpportunityValues {
  partner_id: string;
  village_id: string;
  kind: OpportunityKindValue;
  title: string;
  description: string | null;
  sector: string;
  location: string | null;
  places: number;
  start_on: string;
  closes_on: string | null;
  hours_per_week: number | null;
  work_hours: string | null;
  shift_work: boolean;
  part_time: boolean;
  flexible: boolean;
  pay_min: number | null;
  pay_max: number | null;
  pay_period: OpportunityTable['pay_period'];
  open_to_asimilasi: boolean;
  restricted_offences: string[];
  restriction_note: string | null;
}

export interface StatusValues {
  status: 'draft' | 'open' | 'filled' | 'closed';
  status_reason: string | null;
  opened_by?: string;
  opened_at?: ReturnType<typeof sql>;
}

function encode(values: Partial<OpportunityValues>) {
  const { restricted_offences, ...rest } = values;
  return {
    ...rest,
    ...(restricted_offences !== undefined && { restricted_offences: JSON.stringify(restricted_offences) }),
  };
}

export async function insertOpportunity(
  db: Db,
  values: OpportunityValues & { status: 'draft' | 'open'; created_by: string; opened_by: string | null },
) {
  const row = await db
    .insertInto('opportunity')
    .values({
      ...values,
      restricted_offences: JSON.stringify(values.restricted_offences),
      ...(values.status === 'open' && { opened_at: sql<Date>`now()` }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Changes an opportunity when the version still matches, and bumps it; `restrictionsChanged` bumps the
 * restrictions' own version too (a corrections review read before this edit is then stale).
 */
export async function updateOpportunityIfVersion(
  db: Db,
  opportunityId: string,
  version: number,
  values: Partial<OpportunityValues> & {
    status?: StatusValues['status'];
    status_reason?: string | null;
    opened_by?: string;
    opened_at?: ReturnType<typeof sql<Date>>;
    restrictions_reviewed_by?: null;
    restrictions_reviewed_at?: null;
  },
  restrictionsChanged = false,
) {
  const result = await db
    .updateTable('opportunity')
    .set({
      ...encode(values),
      updated_at: sql`now()`,
      version: sql`version + 1`,
      ...(restrictionsChanged && { restrictions_version: sql`restrictions_version + 1` }),
    })
    .where('id', '=', opportunityId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Records a corrections review of the restrictions when their own version still matches, and bumps only
 * that one: neither the opportunity's `version` nor `updated_at` move, so a partner editing her draft is
 * not refused, nor shown that something she cannot see changed.
 */
export async function reviewRestrictionsIfVersion(
  db: Db,
  opportunityId: string,
  restrictionsVersion: number,
  values: { restricted_offences: string[]; restriction_note: string | null; reviewed_by: string },
) {
  const result = await db
    .updateTable('opportunity')
    .set({
      restricted_offences: JSON.stringify(values.restricted_offences),
      restriction_note: values.restriction_note,
      restrictions_reviewed_by: values.reviewed_by,
      restrictions_reviewed_at: sql`now()`,
      restrictions_version: sql`restrictions_version + 1`,
    })
    .where('id', '=', opportunityId)
    .where('restrictions_version', '=', restrictionsVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceOpportunitySkills(
  db: Db,
  opportunityId: string,
  skills: { skillId: string; minLevel: SkillLevelValue; essential: boolean }[],
) {
  await db.deleteFrom('opportunity_skill').where('opportunity_id', '=', opportunityId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('opportunity_skill')
    .values(
      skills.map((skill, index) => ({
        opportunity_id: opportunityId,
        skill_id: skill.skillId,
        min_level: skill.minLevel,
        essential: skill.essential,
        position: index + 1,
      })),
    )
    .execute();
}

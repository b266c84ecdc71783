import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database, VillageChange } from '../../db/schema.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { placedOf } from '../opportunities/opportunities.fill.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * Whose partners and opportunities the counts include: everyone's, or (for a partner's staff, who must not
 * learn of other partners) only her organization's.
 */
export interface CountScope {
  partnerId: string | null;
}

const ownPartner = (scope: CountScope, column: string) =>
  scope.partnerId === null ? sql`true` : sql`${sql.ref(column)} = ${scope.partnerId}`;

/** People placed on the opportunity `op`. */
const PLACED_ON_OP = placedOf('op.id');
/** Places still open on an open opportunity `op`: places minus people placed, never below 0. */
const OPEN_PLACES_OF_OP = sql`greatest(op.places - ${PLACED_ON_OP}, 0)`;

function countColumns(scope: CountScope) {
  return [
    sql<string>`(select count(*) from village_potential p where p.village_id = o.id)`.as('potentials'),
    sql<string>`(select count(*) from village_need n where n.village_id = o.id)`.as('needs'),
    sql<string>`(select count(*) from village_facility f where f.village_id = o.id)`.as('facilities'),
    sql<string>`(select count(*) from partner_profile pp join organization po on po.id = pp.organization_id
      where pp.village_id = o.id and po.kind = 'partner' and ${ownPartner(scope, 'pp.organization_id')})`.as(
      'partners',
    ),
    sql<string>`(select count(*) from opportunity op
      where op.village_id = o.id and op.status = 'open' and ${ownPartner(scope, 'op.partner_id')})`.as(
      'open_opportunities',
    ),
    sql<string>`(select coalesce(sum(${OPEN_PLACES_OF_OP}), 0) from opportunity op
      where op.village_id = o.id and op.status = 'open' and ${ownPartner(scope, 'op.partner_id')})`.as(
      'open_places',
    ),
    sql<string>`(select coalesce(sum(${PLACED_ON_OP}), 0) from opportunity op
      where op.village_id = o.id and ${ownPartner(scope, 'op.partner_id')})`.as('placed'),
  ] as const;
}

const HOST_STATUS = sql<'host' | 'planned' | 'none'>`case when vp.host_since is null then 'none'
  when vp.host_since <= ${TODAY_SQL} then 'host' else 'planned' end`;

function villageQuery(db: Db) {
  return db
    .selectFrom('organization as o')
    .leftJoin('organization as k', 'k.id', 'o.parent_id')
    .leftJoin('village_profile as vp', 'vp.organization_id', 'o.id')
    .where('o.kind', '=', 'village');
}

function selectVillageListItem(db: Db, scope: CountScope) {
  return villageQuery(db).select([
    'o.id',
    'o.code',
    'o.name',
    'o.short_name',
    'o.parent_id as kecamatan_id',
    'k.name as kecamatan_name',
    HOST_STATUS.as('host_status'),
    'vp.host_since',
    ...countColumns(scope),
  ]);
}

export type VillageListRow = Awaited<
  ReturnType<ReturnType<typeof selectVillageListItem>['executeTakeFirstOrThrow']>
>;

/** Every kelurahan by name, filtered by part of its name, short name or code. */
export function listVillages(db: Db, scope: CountScope, q: string | undefined) {
  return selectVillageListItem(db, scope)
    .$if(q !== undefined && q !== '', (query) => {
      const pattern = likePattern((q as string).toLowerCase());
      return query.where(
        sql<boolean>`(lower(o.name) like ${pattern} or lower(coalesce(o.short_name, '')) like ${pattern}
          or lower(coalesce(o.code, '')) like ${pattern})`,
      );
    })
    .orderBy(sql`lower(o.name)`)
    .orderBy('o.id')
    .execute();
}

function selectVillage(db: Db, scope: CountScope, canEdit: RawBuilder<boolean>) {
  return selectVillageListItem(db, scope)
    .leftJoin('app_user as editor', 'editor.id', 'vp.updated_by')
    .select([
      'o.address',
      'o.phone',
      'o.email',
      'o.contacts',
      'vp.organization_id as profile_id',
      'vp.lurah_name',
      'vp.lurah_phone',
      'vp.population',
      'vp.area_km2',
      'vp.latitude',
      'vp.longitude',
      'vp.description',
      'vp.host_agreement',
      'vp.updated_at',
      'vp.version',
      'editor.full_name as updated_by_name',
      canEdit.as('can_edit'),
    ]);
}

export type VillageRow = Awaited<ReturnType<ReturnType<typeof selectVillage>['executeTakeFirstOrThrow']>>;

/** One kelurahan with its profile, or undefined when the id is not a kelurahan. */
export function findVillage(db: Db, scope: CountScope, villageId: string, canEdit: RawBuilder<boolean>) {
  return selectVillage(db, scope, canEdit).where('o.id', '=', villageId).executeTakeFirst();
}

/** Whether the id is a kelurahan (organization of kind village). */
export async function isVillage(db: Db, villageId: string) {
  const row = await db
    .selectFrom('organization')
    .select('id')
    .where('id', '=', villageId)
    .where('kind', '=', 'village')
    .executeTakeFirst();
  return row !== undefined;
}

/** Holds the kelurahan's organization row until the transaction ends: one save at a time. */
export async function lockVillage(db: Db, villageId: string) {
  return db
    .selectFrom('organization')
    .select(['id', 'contacts'])
    .where('id', '=', villageId)
    .where('kind', '=', 'village')
    .forUpdate()
    .executeTakeFirst();
}

export function findProfile(db: Db, villageId: string) {
  return db
    .selectFrom('village_profile')
    .selectAll()
    .where('organization_id', '=', villageId)
    .executeTakeFirst();
}

export function findPotentials(db: Db, villageId: string) {
  return db
    .selectFrom('village_potential as r')
    .leftJoin('skill as s', 's.id', 'r.skill_id')
    .select([
      'r.id',
      'r.sector',
      'r.skill_id',
      's.name_id as skill_name',
      's.name_en as skill_name_en',
      'r.description',
      'r.strength',
      'r.source',
      'r.position',
    ])
    .where('r.village_id', '=', villageId)
    .orderBy('r.position')
    .orderBy('r.id')
    .execute();
}

export function findNeeds(db: Db, villageId: string) {
  return db
    .selectFrom('village_need as r')
    .leftJoin('skill as s', 's.id', 'r.skill_id')
    .select([
      'r.id',
      'r.sector',
      'r.skill_id',
      's.name_id as skill_name',
      's.name_en as skill_name_en',
      'r.kind',
      'r.description',
      'r.size',
      'r.season_months',
      'r.position',
    ])
    .where('r.village_id', '=', villageId)
    .orderBy('r.position')
    .orderBy('r.id')
    .execute();
}

export function findFacilities(db: Db, villageId: string) {
  return db
    .selectFrom('village_facility')
    .select(['id', 'kind', 'name', 'address', 'capacity', 'description', 'position'])
    .where('village_id', '=', villageId)
    .orderBy('position')
    .orderBy('id')
    .execute();
}

export type PotentialRow = Awaited<ReturnType<typeof findPotentials>>[number];
export type NeedRow = Awaited<ReturnType<typeof findNeeds>>[number];
export type FacilityRow = Awaited<ReturnType<typeof findFacilities>>[number];

export function findSkills(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('skill')
    .select(['id', 'name_id', 'name_en', 'active'])
    .where('id', 'in', ids)
    .execute();
}

// ── Sectors ──

/** Per sector: potentials (count, max and mean strength) of one kelurahan or all. */
export function potentialsBySector(db: Db, villageId: string | null) {
  return db
    .selectFrom('village_potential as p')
    .innerJoin('organization as o', 'o.id', 'p.village_id')
    .select([
      'p.sector',
      sql<string>`count(*)`.as('count'),
      sql<number>`max(p.strength)`.as('max_strength'),
      sql<string>`avg(p.strength)`.as('avg_strength'),
    ])
    .where('o.kind', '=', 'village')
    .$if(villageId !== null, (q) => q.where('p.village_id', '=', villageId as string))
    .groupBy('p.sector')
    .execute();
}

export function needsBySector(db: Db, villageId: string | null) {
  return db
    .selectFrom('village_need as n')
    .innerJoin('organization as o', 'o.id', 'n.village_id')
    .select(['n.sector', sql<string>`count(*)`.as('count'), sql<string>`coalesce(sum(n.size), 0)`.as('size')])
    .where('o.kind', '=', 'village')
    .$if(villageId !== null, (q) => q.where('n.village_id', '=', villageId as string))
    .groupBy('n.sector')
    .execute();
}

export function opportunitiesBySector(db: Db, scope: CountScope, villageId: string | null) {
  return db
    .selectFrom('opportunity as op')
    .select([
      'op.sector',
      sql<string>`count(*) filter (where op.status = 'open')`.as('open_opportunities'),
      sql<string>`coalesce(sum(${OPEN_PLACES_OF_OP}) filter (where op.status = 'open'), 0)`.as('open_places'),
      sql<string>`coalesce(sum(${PLACED_ON_OP}), 0)`.as('placed'),
    ])
    .where(ownPartner(scope, 'op.partner_id') as RawBuilder<boolean>)
    .$if(villageId !== null, (q) => q.where('op.village_id', '=', villageId as string))
    .groupBy('op.sector')
    .execute();
}

// ── Writes ──

export interface ProfileValues {
  lurah_name: string | null;
  lurah_phone: string | null;
  population: number | null;
  area_km2: number | null;
  latitude: number | null;
  longitude: number | null;
  description: string | null;
  host_since: string | null;
  host_agreement: string | null;
}

/** The first save of a kelurahan's profile (version 1). */
export async function insertProfile(db: Db, villageId: string, values: ProfileValues, userId: string) {
  await db
    .insertInto('village_profile')
    .values({ organization_id: villageId, ...numericValues(values), updated_by: userId, version: 1 })
    .execute();
}

/** Saves the profile when the version still matches and bumps it; false when it did not match. */
export async function updateProfileIfVersion(
  db: Db,
  villageId: string,
  version: number,
  values: ProfileValues,
  userId: string,
) {
  const result = await db
    .updateTable('village_profile')
    .set({ ...numericValues(values), updated_by: userId, updated_at: sql`now()`, version: sql`version + 1` })
    .where('organization_id', '=', villageId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// numeric columns take strings (exact decimals), not floats.
function numericValues(values: ProfileValues) {
  const decimal = (value: number | null) => (value === null ? null : String(value));
  return {
    ...values,
    area_km2: decimal(values.area_km2),
    latitude: decimal(values.latitude),
    longitude: decimal(values.longitude),
  };
}

export async function updateContacts(db: Db, villageId: string, contacts: unknown[]) {
  await db
    .updateTable('organization')
    .set({ contacts: JSON.stringify(contacts), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', villageId)
    .execute();
}

type RowTable = 'village_potential' | 'village_need' | 'village_facility';

/** Deletes the kelurahan's rows of a section that are not kept. */
export async function deleteRowsExcept(db: Db, table: RowTable, villageId: string, keep: string[]) {
  await db
    .deleteFrom(table)
    .where('village_id', '=', villageId)
    .$if(keep.length > 0, (q) => q.where('id', 'not in', keep))
    .execute();
}

export interface PotentialValues {
  id?: string;
  sector: string;
  skill_id: string | null;
  description: string;
  strength: number;
  source: string | null;
  position: number;
}

export interface NeedValues {
  id?: string;
  sector: string;
  skill_id: string | null;
  kind: 'labour_demand' | 'service_needed' | 'market';
  description: string;
  size: number | null;
  season_months: number[];
  position: number;
}

export interface FacilityValues {
  id?: string;
  kind: 'training_venue' | 'market_stall' | 'community_hub' | 'other';
  name: string;
  address: string | null;
  capacity: number | null;
  description: string | null;
  position: number;
}

/** Updates a section's rows that have an id (only this kelurahan's) and inserts those without one. */
async function saveRows(db: Db, table: RowTable, villageId: string, rows: readonly { id?: string }[]) {
  // The values are typed by the exported savers below; Kysely cannot check a column set over three tables.
  for (const { id, ...values } of rows) {
    if (id)
      await db
        .updateTable(table)
        .set(values as never)
        .where('id', '=', id)
        .where('village_id', '=', villageId)
        .execute();
    else
      await db
        .insertInto(table)
        .values({ ...values, village_id: villageId } as never)
        .execute();
  }
}

export async function savePotentials(db: Db, villageId: string, rows: PotentialValues[]) {
  await saveRows(db, 'village_potential', villageId, rows);
}

export async function saveNeeds(db: Db, villageId: string, rows: NeedValues[]) {
  await saveRows(
    db,
    'village_need',
    villageId,
    rows.map(({ season_months, ...rest }) => ({ ...rest, season_months: JSON.stringify(season_months) })),
  );
}

export async function saveFacilities(db: Db, villageId: string, rows: FacilityValues[]) {
  await saveRows(db, 'village_facility', villageId, rows);
}

export async function insertRevision(
  db: Db,
  values: { villageId: string; version: number; userId: string; changes: VillageChange[] },
) {
  await db
    .insertInto('village_revision')
    .values({
      village_id: values.villageId,
      version: values.version,
      changed_by: values.userId,
      changes: JSON.stringify(values.changes),
    })
    .execute();
}

/** A page of the kelurahan's revisions, newest first, with who saved each. */
export async function listRevisions(db: Db, villageId: string, page: { page: number; pageSize: number }) {
  const [items, count] = await Promise.all([
    db
      .selectFrom('village_revision as r')
      .leftJoin('app_user as u', 'u.id', 'r.changed_by')
      .leftJoin('organization as uo', 'uo.id', 'u.organization_id')
      .select([
        'r.id',
        'r.version',
        'r.changed_at',
        'r.changes',
        'u.id as user_id',
        'u.full_name',
        sql<string | null>`coalesce(uo.short_name, uo.name)`.as('organization_name'),
      ])
      .where('r.village_id', '=', villageId)
      .orderBy('r.version', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    db
      .selectFrom('village_revision')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('village_id', '=', villageId)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

export type RevisionRow = Awaited<ReturnType<typeof listRevisions>>['items'][number];

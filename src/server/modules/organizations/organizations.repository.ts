import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

function summaryQuery(db: Db) {
  return db
    .selectFrom('organization as o')
    .leftJoin('organization as p', 'p.id', 'o.parent_id')
    .select([
      'o.id',
      'o.kind',
      'o.name',
      'o.short_name',
      'o.code',
      'o.parent_id',
      'p.name as parent_name',
      'o.address',
    ]);
}

export type OrganizationSummaryRow = Awaited<
  ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>
>;

const KIND_ORDER = sql<number>`array_position(array['prison','probation','district','village','partner']::text[], o.kind)`;

/** The organizations the caller sees (`visible`: `visibleOrganization` over `o`), by kind and code. */
export function listOrganizations(
  db: Db,
  visible: RawBuilder<boolean>,
  filter: { kind?: string; q?: string },
) {
  let query = summaryQuery(db).where(visible);
  if (filter.kind) query = query.where('o.kind', '=', filter.kind as Database['organization']['kind']);
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb('o.name', 'ilike', pattern),
        eb('o.short_name', 'ilike', pattern),
        eb('o.code', 'ilike', pattern),
      ]),
    );
  }
  return query.orderBy(KIND_ORDER).orderBy('o.code').orderBy('o.name').limit(1000).execute();
}

export function findOrganization(db: Db, visible: RawBuilder<boolean>, id: string) {
  return summaryQuery(db)
    .where(visible)
    .select(['o.phone', 'o.email', 'o.contacts'])
    .select((eb) =>
      eb
        .selectFrom('app_user as u')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('u.organization_id', '=', 'o.id')
        .where('u.active', '=', true)
        .as('user_count'),
    )
    .where('o.id', '=', id)
    .executeTakeFirst();
}

export function listChildren(db: Db, visible: RawBuilder<boolean>, parentId: string) {
  return summaryQuery(db)
    .where(visible)
    .where('o.parent_id', '=', parentId)
    .orderBy('o.code')
    .orderBy('o.name')
    .execute();
}

export function findOrganizationKind(db: Db, id: string) {
  return db.selectFrom('organization').select(['id', 'kind']).where('id', '=', id).executeTakeFirst();
}

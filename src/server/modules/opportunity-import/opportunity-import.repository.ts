import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { managedPartner, managedVillage } from '../villages/villages.access.ts';

// The look-ups an import needs to resolve what a file names (kelurahan, partners, skills) and to find what
// is already stored. Writing goes through the partners' and opportunities' own repositories.

type Db = Kysely<Database> | Transaction<Database>;

/** Keys per statement: far below PostgreSQL's 65,535 bound values. */
const CHUNK = 5000;

function chunks<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += CHUNK) result.push(items.slice(index, index + CHUNK));
  return result;
}

/** The program's kelurahan (organizations of kind village), each with whether the caller manages it. */
export function programVillages(db: Db, ctx: RequestContext) {
  return db
    .selectFrom('organization as o')
    .select(['o.id', 'o.code', 'o.name', 'o.short_name', managedVillage(ctx, 'o.id').as('managed')])
    .where('o.kind', '=', 'village')
    .execute();
}

export type VillageRow = Awaited<ReturnType<typeof programVillages>>[number];

/**
 * Partner organizations whose name or short name is one of these (lower-cased), with their profile and
 * whether the caller may change them (the partners module's rule).
 */
export async function partnersNamed(db: Db, ctx: RequestContext, names: string[]) {
  const found = [];
  for (const part of chunks([...new Set(names)])) {
    found.push(
      ...(await db
        .selectFrom('organization as o')
        .leftJoin('partner_profile as pp', 'pp.organization_id', 'o.id')
        .select([
          'o.id',
          'o.name',
          'o.short_name',
          'o.contacts',
          'pp.organization_id as profile_id',
          'pp.partner_type',
          'pp.agreement_signed_on',
          'pp.agreement_expires_on',
          'pp.version',
          managedPartner(ctx, 'o.id', 'pp').as('can_edit'),
        ])
        .where('o.kind', '=', 'partner')
        .where((eb) => eb.or([eb(sql`lower(o.name)`, 'in', part), eb(sql`lower(o.short_name)`, 'in', part)]))
        .execute()),
    );
  }
  return found;
}

export type PartnerMatch = Awaited<ReturnType<typeof partnersNamed>>[number];

/** Skills whose Indonesian name, code or alias is one of these (lower-cased), active or not. */
export async function skillsNamed(db: Db, names: string[]) {
  const found = [];
  for (const part of chunks([...new Set(names)])) {
    found.push(
      ...(await db
        .selectFrom('skill')
        .select(['id', 'code', 'name_id', 'aliases', 'active'])
        .where((eb) =>
          eb.or([
            eb(sql`lower(name_id)`, 'in', part),
            eb(sql`lower(code)`, 'in', part),
            sql<boolean>`aliases ?| array[${sql.join(part)}]::text[]`,
          ]),
        )
        .execute()),
    );
  }
  return found;
}

/** Opportunities of these partners with one of these titles (lower-cased): the key a row is matched on. */
export async function opportunitiesTitled(db: Db, partnerIds: string[], titles: string[]) {
  if (partnerIds.length === 0 || titles.length === 0) return [];
  const found = [];
  for (const part of chunks([...new Set(titles)])) {
    found.push(
      ...(await db
        .selectFrom('opportunity')
        .select(['partner_id', sql<string>`lower(title)`.as('title'), 'start_on'])
        .where('partner_id', 'in', [...new Set(partnerIds)])
        .where(sql`lower(title)`, 'in', part)
        .execute()),
    );
  }
  return found;
}

/** Makes two imports of opportunities wait for each other, so a file stored twice at once is not doubled. */
export async function lockOpportunityImport(db: Db) {
  await sql`select pg_advisory_xact_lock(hashtext('sinergi.opportunity_import'))`.execute(db);
}

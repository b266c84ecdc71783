import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Contact } from '../../../shared/organizations.ts';
import type { Database, PartnerTypeValue } from '../../db/schema.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface PartnerFilter {
  /** The caller's visibility (`visiblePartner` over `o.id`). */
  visible: RawBuilder<boolean>;
  q?: string;
  type?: string;
  sector?: string;
  villageId?: string;
  willing?: string;
}

function partnerQuery(db: Db, filter: PartnerFilter) {
  return db
    .selectFrom('organization as o')
    .leftJoin('partner_profile as pp', 'pp.organization_id', 'o.id')
    .leftJoin('organization as v', 'v.id', 'pp.village_id')
    .where('o.kind', '=', 'partner')
    .where(filter.visible)
    .$if(filter.q !== undefined && filter.q !== '', (q) => {
      const pattern = likePattern((filter.q as string).toLowerCase());
      return q.where(
        sql<boolean>`(lower(o.name) like ${pattern} or lower(coalesce(o.short_name, '')) like ${pattern})`,
      );
    })
    .$if(filter.type !== undefined, (q) => q.where('pp.partner_type', '=', filter.type as PartnerTypeValue))
    .$if(filter.sector !== undefined, (q) =>
      q.where(sql<boolean>`pp.sectors @> ${JSON.stringify([filter.sector])}::jsonb`),
    )
    .$if(filter.villageId !== undefined, (q) => q.where('pp.village_id', '=', filter.villageId as string))
    .$if(filter.willing !== undefined, (q) =>
      q.where(sql<boolean>`coalesce(pp.willing_to_employ, 'unknown') = ${filter.willing}`),
    );
}

function selectPartner(db: Db, filter: PartnerFilter, canEdit: RawBuilder<boolean>) {
  return partnerQuery(db, filter).select([
    'o.id',
    'o.name',
    'o.short_name',
    'o.address',
    'o.phone',
    'o.email',
    'o.contacts',
    'pp.organization_id as profile_id',
    'pp.partner_type',
    'pp.sectors',
    'pp.village_id',
    sql<string | null>`coalesce(v.short_name, v.name)`.as('village_name'),
    'pp.description',
    'pp.willing_to_employ',
    'pp.willingness_note',
    'pp.agreement_number',
    'pp.agreement_signed_on',
    'pp.agreement_expires_on',
    sql<boolean>`coalesce(pp.agreement_number is not null
      and (pp.agreement_signed_on is null or pp.agreement_signed_on <= ${TODAY_SQL})
      and (pp.agreement_expires_on is null or pp.agreement_expires_on >= ${TODAY_SQL}), false)`.as(
      'agreement_current',
    ),
    sql<string>`(select count(*) from opportunity op where op.partner_id = o.id and op.status = 'open')`.as(
      'open_opportunities',
    ),
    'pp.updated_at',
    'pp.version',
    canEdit.as('can_edit'),
  ]);
}

export type PartnerRow = Awaited<ReturnType<ReturnType<typeof selectPartner>['executeTakeFirstOrThrow']>>;

/** A page of the partners the caller sees, by name. */
export async function listPartners(
  db: Db,
  filter: PartnerFilter,
  canEdit: RawBuilder<boolean>,
  page: { page: number; pageSize: number },
) {
  const [items, count] = await Promise.all([
    selectPartner(db, filter, canEdit)
      .orderBy(sql`lower(o.name)`)
      .orderBy('o.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    partnerQuery(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One partner the caller sees, or undefined. */
export function findPartner(
  db: Db,
  visible: RawBuilder<boolean>,
  canEdit: RawBuilder<boolean>,
  partnerId: string,
) {
  return selectPartner(db, { visible }, canEdit).where('o.id', '=', partnerId).executeTakeFirst();
}

/** Makes concurrent checks of partner names wait for each other until the transaction ends. */
export async function lockPartnerNames(db: Db) {
  await sql`select pg_advisory_xact_lock(hashtext('sinergi.partner_name'))`.execute(db);
}

/** Another partner organization with this name (case-insensitive). */
export function findPartnerByName(db: Db, name: string, excludeId?: string) {
  return db
    .selectFrom('organization')
    .select('id')
    .where('kind', '=', 'partner')
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .$if(excludeId !== undefined, (q) => q.where('id', '<>', excludeId as string))
    .executeTakeFirst();
}

/** A contact person as `organization.contacts` stores it. */
export type ContactValue = Contact;

export interface OrganizationValues {
  name: string;
  short_name: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  contacts: ContactValue[];
}

export interface ProfileValues {
  partner_type: PartnerTypeValue;
  sectors: string[];
  village_id: string | null;
  description: string | null;
  willing_to_employ: 'yes' | 'case_by_case' | 'no' | 'unknown';
  willingness_note: string | null;
  agreement_number: string | null;
  agreement_signed_on: string | null;
  agreement_expires_on: string | null;
}

export async function insertPartnerOrganization(db: Db, values: OrganizationValues) {
  const row = await db
    .insertInto('organization')
    .values({ ...values, kind: 'partner', contacts: JSON.stringify(values.contacts) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePartnerOrganization(db: Db, id: string, values: Partial<OrganizationValues>) {
  const { contacts, ...rest } = values;
  await db
    .updateTable('organization')
    .set({
      ...rest,
      ...(contacts !== undefined && { contacts: JSON.stringify(contacts) }),
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', id)
    .where('kind', '=', 'partner')
    .execute();
}

/** Creates a partner's profile (version 1); false when one was created meanwhile. */
export async function insertPartnerProfile(
  db: Db,
  organizationId: string,
  values: ProfileValues,
  userId: string,
) {
  const rows = await db
    .insertInto('partner_profile')
    .values({
      organization_id: organizationId,
      ...values,
      sectors: JSON.stringify(values.sectors),
      created_by: userId,
      updated_by: userId,
    })
    .onConflict((oc) => oc.column('organization_id').doNothing())
    .returning('organization_id')
    .execute();
  return rows.length === 1;
}

/** Changes a profile when the version still matches and bumps it; false when it did not match. */
export async function updatePartnerProfileIfVersion(
  db: Db,
  organizationId: string,
  version: number,
  values: Partial<ProfileValues>,
  userId: string,
) {
  const { sectors, ...rest } = values;
  const result = await db
    .updateTable('partner_profile')
    .set({
      ...rest,
      ...(sectors !== undefined && { sectors: JSON.stringify(sectors) }),
      updated_by: userId,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('organization_id', '=', organizationId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * Saves a partner's profile: a partner without one yet (`version` null) gets one, with the defaults for what
 * the change leaves out (its type is required); an existing one changes under its version. False when another
 * change came first (a profile created meanwhile, or a stale version); each caller reports its own conflict.
 */
export async function savePartnerProfile(
  db: Db,
  organizationId: string,
  change: { version: number | null; profile: Partial<ProfileValues> },
  userId: string,
): Promise<boolean> {
  if (change.version !== null)
    return updatePartnerProfileIfVersion(db, organizationId, change.version, change.profile, userId);
  const type = change.profile.partner_type;
  if (type === undefined) throw new Error('A new partner profile needs its type');
  return insertPartnerProfile(
    db,
    organizationId,
    {
      sectors: [],
      village_id: null,
      description: null,
      willing_to_employ: 'unknown',
      willingness_note: null,
      agreement_number: null,
      agreement_signed_on: null,
      agreement_expires_on: null,
      ...change.profile,
      partner_type: type,
    },
    userId,
  );
}

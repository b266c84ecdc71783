import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type {
  AgreementEventKind,
  EffectiveAgreementStatus,
  ObligationStatus,
} from '../../../shared/agreements.ts';
import type { AgreementStatusValue, Database } from '../../db/schema.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { visibleAgreementIds } from './agreements.access.ts';
import type { AgreementSnapshot } from './agreements.text.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The effective status in SQL over the agreement table (or its alias): `signed` before valid_from,
 * `in_force` from valid_from to valid_until, `expired` after; otherwise the stored status. Kept in step with
 * `effectiveAgreementStatus` (src/shared/agreements.ts) by a test.
 */
export function effectiveStatusSql(table = 'agreement'): RawBuilder<EffectiveAgreementStatus> {
  const column = (name: string) => sql.ref(`${table}.${name}`);
  return sql<EffectiveAgreementStatus>`case when ${column('status')} <> 'signed' then ${column('status')}
    when ${column('valid_until')} is not null and ${TODAY_SQL} > ${column('valid_until')} then 'expired'
    when ${column('valid_from')} is not null and ${TODAY_SQL} >= ${column('valid_from')} then 'in_force'
    else 'signed' end`;
}

// ── One agreement ──

/** Renewals that count (block another one): not terminated, not discarded. */
const LIVE_RENEWAL = sql<boolean>`status not in ('terminated', 'discarded')`;

/**
 * One agreement as `viewerOrganizationId` sees it: the MoU above it, the agreement it renews and the one that
 * renews it are named only when that organization is a party of them (ADR 014); `has_live_renewal` says
 * whether any renewal that counts exists, seen or not.
 */
function agreementQuery(db: Db, viewerOrganizationId: string) {
  const visible = () => visibleAgreementIds(db, viewerOrganizationId);
  return db
    .selectFrom('agreement as a')
    .innerJoin('organization as o', 'o.id', 'a.organization_id')
    .leftJoin('agreement as parent', (join) =>
      join.onRef('parent.id', '=', 'a.parent_id').on('parent.id', 'in', visible()),
    )
    .leftJoin('agreement as renewed', (join) =>
      join.onRef('renewed.id', '=', 'a.renews_id').on('renewed.id', 'in', visible()),
    )
    .leftJoin('app_user as creator', 'creator.id', 'a.created_by')
    .leftJoin('app_user as signer', 'signer.id', 'a.signed_by')
    .leftJoin('governance_file as scan', (join) =>
      join.onRef('scan.id', '=', 'a.signed_scan_id').on('scan.deleted_at', 'is', null),
    )
    .selectAll('a')
    .select([
      'o.name as organization_name',
      'parent.title as parent_title',
      'renewed.title as renews_title',
      'creator.full_name as created_by_name',
      'signer.full_name as signed_by_name',
      'scan.file_name as scan_file_name',
      'scan.media_type as scan_media_type',
      'scan.size_bytes as scan_size_bytes',
      'scan.storage_key as scan_storage_key',
      effectiveStatusSql('a').as('effective_status'),
      (eb) =>
        eb
          .selectFrom('agreement as r')
          .select(
            sql<string>`json_build_object('id', r.id, 'title', r.title, 'status', r.status)::text`.as('r'),
          )
          .whereRef('r.renews_id', '=', 'a.id')
          .where('r.status', '<>', 'discarded')
          .where('r.id', 'in', visible())
          .orderBy('r.created_at', 'desc')
          .limit(1)
          .as('renewed_by'),
      sql<boolean>`exists (select 1 from agreement lr where lr.renews_id = a.id
        and lr.status not in ('terminated', 'discarded'))`.as('has_live_renewal'),
    ]);
}
export type AgreementRow = Awaited<ReturnType<ReturnType<typeof agreementQuery>['executeTakeFirstOrThrow']>>;

/** The agreement as `viewerOrganizationId` sees it (see agreementQuery). */
export function findAgreement(db: Db, agreementId: string, viewerOrganizationId: string) {
  return agreementQuery(db, viewerOrganizationId).where('a.id', '=', agreementId).executeTakeFirst();
}

/** The drafting organization of an agreement `organizationId` is party to; undefined otherwise. */
export function findAgreementOfParty(db: Db, agreementId: string, organizationId: string) {
  return db
    .selectFrom('agreement as a')
    .innerJoin('agreement_party as p', 'p.agreement_id', 'a.id')
    .select('a.organization_id')
    .where('a.id', '=', agreementId)
    .where('p.organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** A renewal of the agreement that counts (not terminated, not discarded), if any. */
export function findLiveRenewal(db: Db, agreementId: string) {
  return db
    .selectFrom('agreement')
    .select('id')
    .where('renews_id', '=', agreementId)
    .where(LIVE_RENEWAL)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The agreement row locked for a change. */
export function lockAgreement(db: Db, agreementId: string) {
  return db.selectFrom('agreement').selectAll().where('id', '=', agreementId).forUpdate().executeTakeFirst();
}
export type LockedAgreement = NonNullable<Awaited<ReturnType<typeof lockAgreement>>>;

export function updateAgreement(
  db: Db,
  agreementId: string,
  values: Partial<{
    title: string;
    purpose: string | null;
    scope: string | null;
    considerations: string | null;
    status: AgreementStatusValue;
    text_version: number;
    valid_from: string | null;
    valid_until: string | null;
    signed_on: string;
    signed_place: string;
    signed_scan_id: string;
    signed_by: string;
    terminated_on: string;
    termination_reason: string;
  }>,
) {
  return db
    .updateTable('agreement')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', agreementId)
    .execute();
}

export function insertAgreement(
  db: Db,
  values: {
    kind: 'mou' | 'pks';
    parent_id: string | null;
    organization_id: string;
    title: string;
    purpose: string | null;
    scope: string | null;
    considerations: string | null;
    valid_from: string | null;
    valid_until: string | null;
    renews_id: string | null;
    created_by: string;
  },
) {
  return db.insertInto('agreement').values(values).returning('id').executeTakeFirstOrThrow();
}

// ── Parties ──

export function agreementParties(db: Db, agreementId: string) {
  return db
    .selectFrom('agreement_party as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .leftJoin('app_user as u', 'u.id', 'p.agreed_by')
    .selectAll('p')
    .select(['o.name as organization_name', 'o.kind as organization_kind', 'u.full_name as agreed_by_name'])
    .where('p.agreement_id', '=', agreementId)
    .orderBy('p.position')
    .execute();
}
export type PartyRow = Awaited<ReturnType<typeof agreementParties>>[number];

export function insertParties(
  db: Db,
  rows: {
    agreement_id: string;
    organization_id: string;
    position: number;
    signatory_name: string | null;
    signatory_position: string | null;
    document_number: string | null;
  }[],
) {
  if (rows.length === 0) return Promise.resolve();
  return db.insertInto('agreement_party').values(rows).execute();
}

export function updateParty(
  db: Db,
  partyId: string,
  values: Partial<{
    position: number;
    signatory_name: string | null;
    signatory_position: string | null;
    document_number: string | null;
    agreed_text_version: number | null;
    agreed_at: Date | null;
    agreed_by: string | null;
  }>,
) {
  return db
    .updateTable('agreement_party')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', partyId)
    .execute();
}

export function deleteParties(db: Db, partyIds: string[]) {
  if (partyIds.length === 0) return Promise.resolve();
  return db.deleteFrom('agreement_party').where('id', 'in', partyIds).execute();
}

/** Organizations by id (those that exist). */
export function organizationsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('organization').select(['id', 'name', 'kind']).where('id', 'in', ids).execute();
}

// ── Clauses and obligations ──

export function agreementClauses(db: Db, agreementId: string) {
  return db
    .selectFrom('agreement_clause')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .orderBy('position')
    .execute();
}

export async function replaceClauses(
  db: Db,
  agreementId: string,
  clauses: { heading: string; body: string; template: string | null }[],
) {
  await db.deleteFrom('agreement_clause').where('agreement_id', '=', agreementId).execute();
  if (clauses.length)
    await db
      .insertInto('agreement_clause')
      .values(clauses.map((clause, index) => ({ agreement_id: agreementId, position: index + 1, ...clause })))
      .execute();
}

export function agreementObligations(db: Db, agreementId: string) {
  return db
    .selectFrom('agreement_obligation as ob')
    .innerJoin('organization as o', 'o.id', 'ob.organization_id')
    .leftJoin('app_user as u', 'u.id', 'ob.updated_by')
    .selectAll('ob')
    .select(['o.name as organization_name', 'u.full_name as updated_by_name'])
    .where('ob.agreement_id', '=', agreementId)
    .orderBy('ob.position')
    .execute();
}
export type ObligationRow = Awaited<ReturnType<typeof agreementObligations>>[number];

export function findObligation(db: Db, agreementId: string, obligationId: string) {
  return db
    .selectFrom('agreement_obligation')
    .selectAll()
    .where('agreement_id', '=', agreementId)
    .where('id', '=', obligationId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * The obligations of the text, by position: existing ones (by id) updated, missing ones removed, new inserted.
 * An existing one whose organization or description changes starts its tracking again (open, no note, no
 * updater) with version + 1, so the old tracking never passes to another party or another duty.
 */
export async function saveObligations(
  db: Db,
  agreementId: string,
  obligations: { id?: string; organizationId: string; description: string; dueOn: string | null }[],
) {
  const kept = obligations.flatMap((obligation) => (obligation.id ? [obligation.id] : []));
  let remove = db.deleteFrom('agreement_obligation').where('agreement_id', '=', agreementId);
  if (kept.length) remove = remove.where('id', 'not in', kept);
  await remove.execute();
  for (const [index, obligation] of obligations.entries()) {
    const values = {
      organization_id: obligation.organizationId,
      position: index + 1,
      description: obligation.description,
      due_on: obligation.dueOn,
    };
    if (obligation.id) {
      const same = sql<boolean>`(organization_id = ${obligation.organizationId} and description = ${obligation.description})`;
      await db
        .updateTable('agreement_obligation')
        .set({
          ...values,
          status: sql<ObligationStatus>`case when ${same} then status else 'open' end`,
          status_note: sql<string | null>`case when ${same} then status_note end`,
          updated_by: sql<string | null>`case when ${same} then updated_by end`,
          updated_at: sql<Date>`case when ${same} then updated_at else now() end`,
          version: sql<number>`case when ${same} then version else version + 1 end`,
        })
        .where('id', '=', obligation.id)
        .where('agreement_id', '=', agreementId)
        .execute();
    } else
      await db
        .insertInto('agreement_obligation')
        .values({ agreement_id: agreementId, ...values })
        .execute();
  }
}

export function updateObligationStatus(
  db: Db,
  obligationId: string,
  values: { status: ObligationStatus; status_note: string | null; updated_by: string },
) {
  return db
    .updateTable('agreement_obligation')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', obligationId)
    .execute();
}

// ── Versions and events ──

export function insertVersion(
  db: Db,
  agreementId: string,
  number: number,
  snapshot: AgreementSnapshot,
  userId: string,
) {
  return db
    .insertInto('agreement_version')
    .values({
      agreement_id: agreementId,
      number,
      snapshot: JSON.stringify(snapshot),
      created_by: userId,
    })
    .execute();
}

export function agreementVersions(db: Db, agreementId: string) {
  return db
    .selectFrom('agreement_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.number', 'v.created_at', 'u.full_name as created_by_name'])
    .where('v.agreement_id', '=', agreementId)
    .orderBy('v.number')
    .execute();
}

export function findVersion(db: Db, agreementId: string, number: number) {
  return db
    .selectFrom('agreement_version as v')
    .leftJoin('app_user as u', 'u.id', 'v.created_by')
    .select(['v.number', 'v.snapshot', 'v.created_at', 'u.full_name as created_by_name'])
    .where('v.agreement_id', '=', agreementId)
    .where('v.number', '=', number)
    .executeTakeFirst();
}

export function insertEvent(
  db: Db,
  values: {
    agreementId: string;
    kind: AgreementEventKind;
    organizationId?: string | null;
    userId?: string | null;
    textVersion?: number | null;
    note?: string | null;
  },
) {
  return db
    .insertInto('agreement_event')
    .values({
      agreement_id: values.agreementId,
      kind: values.kind,
      organization_id: values.organizationId ?? null,
      user_id: values.userId ?? null,
      text_version: values.textVersion ?? null,
      note: values.note ?? null,
      // The clock, not the transaction's start: events of one change keep their order.
      created_at: sql`clock_timestamp()`,
    })
    .execute();
}

export function agreementEvents(db: Db, agreementId: string) {
  return (
    db
      .selectFrom('agreement_event as e')
      .leftJoin('organization as o', 'o.id', 'e.organization_id')
      .leftJoin('app_user as u', 'u.id', 'e.user_id')
      .select([
        'e.id',
        'e.kind',
        'e.text_version',
        'e.note',
        'e.created_at',
        'o.name as organization_name',
        'u.full_name as actor_name',
      ])
      .where('e.agreement_id', '=', agreementId)
      .orderBy('e.created_at')
      // Events of one change may share a timestamp (a coarse clock): the change first, then its consequences.
      .orderBy(
        sql`case e.kind when 'created' then 0 when 'text_changed' then 1 when 'parties_changed' then 1
        when 'agreement_outdated' then 2 when 'renewed' then 3 else 1 end`,
      )
      .orderBy(sql`o.name asc nulls first`)
      .orderBy('e.id')
      .execute()
  );
}

/** The PKS under an MoU that `organizationId` is party to (not discarded). */
export function childAgreements(db: Db, agreementId: string, organizationId: string) {
  return db
    .selectFrom('agreement as a')
    .select([
      'a.id',
      'a.kind',
      'a.title',
      'a.valid_from',
      'a.valid_until',
      effectiveStatusSql('a').as('effective_status'),
    ])
    .where('a.parent_id', '=', agreementId)
    .where('a.status', '<>', 'discarded')
    .where('a.id', 'in', visibleAgreementIds(db, organizationId))
    .orderBy('a.created_at')
    .execute();
}

/**
 * The agreements (not discarded) both organizations are party to, newest first: what a partner's page shows
 * the caller's organization (never an agreement it is not party to).
 */
export function agreementsSharedWith(db: Db, partnerOrganizationId: string, callerOrganizationId: string) {
  return db
    .selectFrom('agreement as a')
    .select([
      'a.id',
      'a.kind',
      'a.title',
      'a.valid_from',
      'a.valid_until',
      effectiveStatusSql('a').as('effective_status'),
    ])
    .where('a.status', '<>', 'discarded')
    .where('a.id', 'in', visibleAgreementIds(db, partnerOrganizationId))
    .where('a.id', 'in', visibleAgreementIds(db, callerOrganizationId))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id')
    .execute();
}

// ── Files ──

export function insertScan(
  db: Db,
  values: {
    organization_id: string;
    file_name: string;
    media_type: 'application/pdf' | 'image/jpeg' | 'image/png';
    size_bytes: number;
    sha256: string;
    storage_key: string;
    uploaded_by: string;
  },
) {
  return db
    .insertInto('governance_file')
    .values({ ...values, kind: 'signed_scan' })
    .returning('id')
    .executeTakeFirstOrThrow();
}

// ── The list ──

export interface AgreementListFilter {
  organizationId: string;
  kind?: 'mou' | 'pks';
  status?: EffectiveAgreementStatus;
  expiringWithinDays?: number;
  parentId?: string;
  q?: string;
}

export async function listAgreements(
  db: Db,
  filter: AgreementListFilter,
  page: { page: number; pageSize: number },
) {
  let base = db
    .selectFrom('agreement as a')
    // The MoU is named only to its own parties.
    .leftJoin('agreement as parent', (join) =>
      join
        .onRef('parent.id', '=', 'a.parent_id')
        .on('parent.id', 'in', visibleAgreementIds(db, filter.organizationId)),
    )
    .leftJoin('agreement_party as mine', (join) =>
      join.onRef('mine.agreement_id', '=', 'a.id').on('mine.organization_id', '=', filter.organizationId),
    )
    .where('a.id', 'in', visibleAgreementIds(db, filter.organizationId));
  if (filter.kind) base = base.where('a.kind', '=', filter.kind);
  // Discarded agreements only when asked for.
  if (filter.status) base = base.where(effectiveStatusSql('a'), '=', filter.status);
  else base = base.where('a.status', '<>', 'discarded');
  if (filter.parentId) base = base.where('a.parent_id', '=', filter.parentId);
  if (filter.q) base = base.where(sql<boolean>`a.title ilike ${likePattern(filter.q)}`);
  if (filter.expiringWithinDays !== undefined)
    base = base
      .where('a.status', '=', 'signed')
      .where('a.valid_until', '>=', TODAY_SQL)
      .where('a.valid_until', '<=', sql<string>`${TODAY_SQL} + ${filter.expiringWithinDays}::int`);
  const [items, count] = await Promise.all([
    base
      .select([
        'a.id',
        'a.kind',
        'a.title',
        'a.status',
        'a.valid_from',
        'a.valid_until',
        'a.text_version',
        'a.updated_at',
        'a.parent_id',
        'parent.title as parent_title',
        'mine.agreed_text_version as my_agreed_text_version',
        effectiveStatusSql('a').as('effective_status'),
        sql<number | null>`(a.valid_until - ${TODAY_SQL})::int`.as('days_left'),
      ])
      .orderBy(sql`a.valid_until asc nulls last`)
      .orderBy('a.title')
      .orderBy('a.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: count.count };
}

/** The party organizations of agreements, by position. */
export function partiesOf(db: Db, agreementIds: string[]) {
  if (agreementIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('agreement_party as p')
    .innerJoin('organization as o', 'o.id', 'p.organization_id')
    .select(['p.agreement_id', 'o.id', 'o.name'])
    .where('p.agreement_id', 'in', agreementIds)
    .orderBy('p.agreement_id')
    .orderBy('p.position')
    .execute();
}

// ── Delegates ──

function delegateQuery(db: Db) {
  return db
    .selectFrom('agreement_delegate as d')
    .innerJoin('app_user as u', 'u.id', 'd.user_id')
    .innerJoin('app_user as namer', 'namer.id', 'd.named_by')
    .leftJoin('app_user as revoker', 'revoker.id', 'd.revoked_by')
    .selectAll('d')
    .select([
      'u.full_name as user_name',
      'u.position as user_position',
      'namer.full_name as named_by_name',
      'revoker.full_name as revoked_by_name',
    ]);
}
export type DelegateRow = Awaited<ReturnType<ReturnType<typeof delegateQuery>['executeTakeFirstOrThrow']>>;

export function listDelegates(db: Db, organizationId: string) {
  return delegateQuery(db)
    .where('d.organization_id', '=', organizationId)
    .orderBy(sql`d.revoked_at is not null`)
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id')
    .execute();
}

export function findDelegate(db: Db, delegateId: string) {
  return delegateQuery(db).where('d.id', '=', delegateId).executeTakeFirst();
}

/** The live delegation of `userId` for `organizationId`, if any. */
export function findLiveDelegate(db: Db, organizationId: string, userId: string) {
  return db
    .selectFrom('agreement_delegate')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export function insertDelegate(
  db: Db,
  values: { organization_id: string; user_id: string; named_by: string; note: string | null },
) {
  return db.insertInto('agreement_delegate').values(values).returning('id').executeTakeFirstOrThrow();
}

/** A delegation locked for its revocation. */
export function lockDelegate(db: Db, delegateId: string) {
  return db
    .selectFrom('agreement_delegate')
    .selectAll()
    .where('id', '=', delegateId)
    .forUpdate()
    .executeTakeFirst();
}

export function revokeDelegate(db: Db, delegateId: string, revokedBy: string) {
  return db
    .updateTable('agreement_delegate')
    .set({ revoked_at: sql`now()`, revoked_by: revokedBy })
    .where('id', '=', delegateId)
    .execute();
}

/** Active users of an organization with their roles. */
export function activeUsersWithRoles(db: Db, organizationId: string) {
  return db
    .selectFrom('app_user as u')
    .select([
      'u.id',
      'u.full_name',
      'u.position',
      (eb) =>
        eb
          .selectFrom('user_role as r')
          .select(sql<string[]>`coalesce(array_agg(r.role_code), '{}')`.as('roles'))
          .whereRef('r.user_id', '=', 'u.id')
          .as('roles'),
    ])
    .where('u.organization_id', '=', organizationId)
    .where('u.active', '=', true)
    .orderBy('u.full_name')
    .execute();
}

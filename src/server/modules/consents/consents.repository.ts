import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface ConsentFilter {
  personId: string;
  /** Outside corrections: only consents naming the caller's organization or its kind. */
  recipient: { organizationId: string; kind: string } | null;
  /** Outside corrections: the evidence document only when it is shared. */
  sharedDocumentsOnly: boolean;
}

function consentQuery(db: Db, filter: ConsentFilter) {
  const { recipient } = filter;
  return db
    .selectFrom('consent as c')
    .leftJoin('app_user as u', 'u.id', 'c.recorded_by')
    .leftJoin('person_document as d', (join) =>
      join
        .onRef('d.id', '=', 'c.evidence_document_id')
        .onRef('d.person_id', '=', 'c.person_id')
        .on('d.deleted_at', 'is', null)
        .$call((j) => (filter.sharedDocumentsOnly ? j.on('d.visibility', '=', 'shared') : j)),
    )
    .where('c.person_id', '=', filter.personId)
    .$if(recipient !== null, (q) =>
      q.where(
        sql<boolean>`(c.recipient_organization_ids @> ${JSON.stringify([recipient?.organizationId])}::jsonb
          or c.recipient_kinds @> ${JSON.stringify([recipient?.kind])}::jsonb)`,
      ),
    )
    .select([
      'c.id',
      'c.purpose',
      'c.recipient_organization_ids',
      'c.recipient_kinds',
      'c.field_groups',
      'c.given_on',
      'c.withdrawn_on',
      'c.withdrawn_reason',
      'c.created_at',
      'c.version',
      'u.full_name as recorded_by_name',
      'd.id as evidence_id',
      'd.title as evidence_title',
      sql<{ id: string; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', o.id, 'name', o.name) order by o.name)
        from organization o where c.recipient_organization_ids @> jsonb_build_array(o.id::text)
      ), '[]'::json)`.as('recipient_organizations'),
    ]);
}

export type ConsentRow = Awaited<ReturnType<ReturnType<typeof consentQuery>['executeTakeFirstOrThrow']>>;

/** Active consents first, then withdrawn ones; newest given first within each. */
export function listConsents(db: Db, filter: ConsentFilter) {
  return consentQuery(db, filter)
    .orderBy(sql`c.withdrawn_on is not null`)
    .orderBy('c.given_on', 'desc')
    .orderBy('c.created_at', 'desc')
    .execute();
}

export function findConsent(db: Db, filter: ConsentFilter, consentId: string) {
  return consentQuery(db, filter).where('c.id', '=', consentId).executeTakeFirst();
}

/** The ids among `ids` of organizations that can receive a consent (kelurahan, kecamatan, partner). */
export async function recipientOrganizations(db: Db, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('organization')
    .select('id')
    .where('id', 'in', ids)
    .where('kind', 'in', ['village', 'district', 'partner'])
    .execute();
  return rows.map((row) => row.id);
}

export async function documentOfPerson(db: Db, personId: string, documentId: string) {
  const row = await db
    .selectFrom('person_document')
    .select('id')
    .where('id', '=', documentId)
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertConsent(
  db: Db,
  values: {
    personId: string;
    organizationId: string;
    purpose: string;
    recipientOrganizationIds: string[];
    recipientKinds: string[];
    fieldGroups: string[];
    givenOn: string;
    evidenceDocumentId: string | null;
    recordedBy: string;
  },
) {
  const row = await db
    .insertInto('consent')
    .values({
      person_id: values.personId,
      organization_id: values.organizationId,
      purpose: values.purpose,
      recipient_organization_ids: JSON.stringify(values.recipientOrganizationIds),
      recipient_kinds: JSON.stringify(values.recipientKinds),
      field_groups: JSON.stringify(values.fieldGroups),
      given_on: values.givenOn,
      evidence_document_id: values.evidenceDocumentId,
      recorded_by: values.recordedBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Withdraws an active consent; false when it was already withdrawn (or is not this person's). */
export async function withdrawConsent(
  db: Db,
  values: { personId: string; consentId: string; withdrawnOn: string; reason: string },
) {
  const result = await db
    .updateTable('consent')
    .set({
      withdrawn_on: values.withdrawnOn,
      withdrawn_reason: values.reason,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('id', '=', values.consentId)
    .where('person_id', '=', values.personId)
    .where('withdrawn_on', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

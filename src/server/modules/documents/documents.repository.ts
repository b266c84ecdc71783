import { type Kysely, sql, type Transaction } from 'kysely';
import type { DocumentMediaType } from '../../../shared/documents.ts';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface DocumentFilter {
  personId: string;
  /** Only shared documents: for everyone outside prison and probation. */
  sharedOnly: boolean;
}

function documentQuery(db: Db, filter: DocumentFilter) {
  return db
    .selectFrom('person_document as d')
    .innerJoin('organization as o', 'o.id', 'd.organization_id')
    .where('d.person_id', '=', filter.personId)
    .where('d.deleted_at', 'is', null)
    .$if(filter.sharedOnly, (q) => q.where('d.visibility', '=', 'shared'))
    .select([
      'd.id',
      'd.category',
      'd.title',
      'd.file_name',
      'd.media_type',
      'd.size_bytes',
      'd.sha256',
      'd.storage_key',
      'd.visibility',
      'd.uploaded_by_name',
      'd.created_at',
      sql<string>`coalesce(o.short_name, o.name)`.as('organization_name'),
    ]);
}

export type DocumentRow = Awaited<ReturnType<ReturnType<typeof documentQuery>['executeTakeFirstOrThrow']>>;

export function listDocuments(db: Db, filter: DocumentFilter) {
  return documentQuery(db, filter).orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').execute();
}

export function findDocument(db: Db, filter: DocumentFilter, documentId: string) {
  return documentQuery(db, filter).where('d.id', '=', documentId).executeTakeFirst();
}

export async function insertDocument(
  db: Db,
  values: {
    personId: string;
    category: string;
    title: string;
    fileName: string;
    mediaType: DocumentMediaType;
    sizeBytes: number;
    sha256: string;
    storageKey: string;
    visibility: 'corrections' | 'shared';
    uploadedBy: string;
    uploadedByName: string;
    organizationId: string;
  },
) {
  const row = await db
    .insertInto('person_document')
    .values({
      person_id: values.personId,
      category: values.category,
      title: values.title,
      file_name: values.fileName,
      media_type: values.mediaType,
      size_bytes: values.sizeBytes,
      sha256: values.sha256,
      storage_key: values.storageKey,
      visibility: values.visibility,
      uploaded_by: values.uploadedBy,
      uploaded_by_name: values.uploadedByName,
      organization_id: values.organizationId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function softDeleteDocument(db: Db, documentId: string) {
  const result = await db
    .updateTable('person_document')
    .set({ deleted_at: sql`now()` })
    .where('id', '=', documentId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

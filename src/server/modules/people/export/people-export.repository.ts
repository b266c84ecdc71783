import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The full rows of the given people with their custody record, in the order of `ids`. */
export async function exportRows(db: Db, ids: string[]) {
  const rows: Awaited<ReturnType<typeof exportQuery>> = [];
  for (let index = 0; index < ids.length; index += 5000) {
    const part = ids.slice(index, index + 5000);
    const byId = new Map((await exportQuery(db, part)).map((row) => [row.id, row]));
    for (const id of part) {
      const row = byId.get(id);
      if (row) rows.push(row);
    }
  }
  return rows;
}

function exportQuery(db: Db, ids: string[]) {
  return db
    .selectFrom('person as p')
    .leftJoin('custody as c', 'c.person_id', 'p.id')
    .select([
      'p.id',
      'p.full_name',
      'p.aliases',
      'p.nik',
      'p.registration_number',
      'p.birth_place',
      'p.birth_date',
      'p.education_level',
      'p.marital_status',
      'p.dependent_children',
      'p.phone',
      'p.domicile_address',
      'p.domicile_village_code',
      'p.domicile_village_name',
      'p.interests',
      'p.religion',
      'p.ethnicity',
      'c.offence_category',
      'c.sentence_kind',
      'c.sentence_years',
      'c.sentence_months',
      'c.sentence_days',
      'c.detention_start_date',
    ])
    .where('p.id', 'in', ids)
    .execute();
}

export type ExportRow = Awaited<ReturnType<typeof exportRows>>[number];

// ── One person's data ──

export function findNotes(db: Db, personId: string) {
  return db
    .selectFrom('case_note as n')
    .leftJoin('organization as o', 'o.id', 'n.organization_id')
    .select([
      'n.id',
      'n.kind',
      'n.visibility',
      'n.body',
      'n.corrects_note_id',
      'n.author_name',
      'n.created_at',
    ])
    .select('o.name as organization_name')
    .where('n.person_id', '=', personId)
    .orderBy('n.created_at')
    .execute();
}

export function findDocuments(db: Db, personId: string) {
  return db
    .selectFrom('person_document as d')
    .leftJoin('organization as o', 'o.id', 'd.organization_id')
    .select([
      'd.id',
      'd.category',
      'd.title',
      'd.file_name',
      'd.media_type',
      'd.size_bytes',
      'd.visibility',
      'd.uploaded_by_name',
      'd.created_at',
      'd.deleted_at',
      'd.storage_key',
    ])
    .select('o.name as organization_name')
    .where('d.person_id', '=', personId)
    .orderBy('d.created_at')
    .execute();
}

export function findConsents(db: Db, personId: string) {
  return db
    .selectFrom('consent as c')
    .select([
      'c.id',
      'c.purpose',
      'c.recipient_organization_ids',
      'c.recipient_kinds',
      'c.field_groups',
      'c.given_on',
      'c.withdrawn_on',
      'c.withdrawn_reason',
      'c.evidence_document_id',
    ])
    .where('c.person_id', '=', personId)
    .orderBy('c.given_on')
    .execute();
}

export async function organizationNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organization').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

export function findAllLinks(db: Db, personId: string) {
  return db
    .selectFrom('person_link as l')
    .innerJoin('organization as o', 'o.id', 'l.organization_id')
    .select([
      'l.id',
      'l.kind',
      'l.active',
      'l.note',
      'l.created_at',
      'l.ended_at',
      'o.name as organization_name',
    ])
    .where('l.person_id', '=', personId)
    .orderBy('l.created_at')
    .execute();
}

export function findAllEvents(db: Db, personId: string) {
  return db
    .selectFrom('person_event')
    .select(['id', 'at', 'kind', 'actor_name', 'organization_name', 'details'])
    .where('person_id', '=', personId)
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .execute();
}

// ── The access log: every audit entry whose subject is the person, and every list page that showed her ──

/**
 * Audit actions of lists that name the people they showed in `details.shown`: person lists, duplicate
 * checks and exports, and the training lists (waitlist, cohort roster, attendance grid and its export).
 * Kept in step with the partial index `audit_log_shown_idx` (last recreated by migration
 * 2026_11_29_0008_reintegration).
 */
const LIST_ACTIONS = [
  'person.listed',
  'person.similar_checked',
  'person.exported',
  'enrolment.listed',
  'enrolment.suitability_checked',
  'results.viewed',
  'cohort.roster_viewed',
  'attendance.viewed',
  'attendance.exported',
  'placement.listed',
  'match.candidates_listed',
  'match.plan_viewed',
  'match.compared',
  'prerelease.listed',
  'handover.listed',
  'caseload.listed',
  'task.listed',
  'notification.listed',
];
const LIST_ACTIONS_SQL = sql.join(LIST_ACTIONS.map((action) => sql.lit(action)));

function accessLogQuery(db: Db, personId: string) {
  return db.selectFrom('audit_log as a').where(({ or, and, eb }) =>
    or([
      and([eb('a.subject_type', '=', 'person'), eb('a.subject_id', '=', personId)]),
      // List pages, duplicate checks and list exports name the people they showed (this scans those
      // entries: a per-person request is rare).
      and([
        eb('a.action', 'in', LIST_ACTIONS),
        sql<boolean>`a.details -> 'shown' @> ${JSON.stringify([personId])}::jsonb`,
      ]),
    ]),
  );
}

export async function listAccessLog(
  db: Db,
  personId: string,
  page: { page: number; pageSize: number } | null,
) {
  const query = accessLogQuery(db, personId)
    .leftJoin('app_user as u', 'u.id', 'a.actor_user_id')
    .leftJoin('organization as o', 'o.id', 'a.actor_organization_id')
    .select([
      'a.id',
      'a.at',
      'a.action',
      'a.actor_username',
      'u.full_name as actor_name',
      'o.name as organization_name',
      // A list, duplicate check or export names other people and repeats what the officer typed: her
      // access log keeps only that she was in it.
      sql<Record<string, unknown>>`case when a.action in (${LIST_ACTIONS_SQL})
        then a.details - 'shown' - 'query' - 'filter' else a.details end`.as('details'),
    ])
    .orderBy('a.at', 'desc')
    .orderBy('a.id', 'desc');
  const items = page
    ? await query
        .limit(page.pageSize)
        .offset((page.page - 1) * page.pageSize)
        .execute()
    : await query.execute();
  const total = page
    ? Number(
        (
          await accessLogQuery(db, personId)
            .select(sql<string>`count(*)`.as('total'))
            .executeTakeFirstOrThrow()
        ).total,
      )
    : items.length;
  return { items, total };
}

export type AccessLogRow = Awaited<ReturnType<typeof listAccessLog>>['items'][number];

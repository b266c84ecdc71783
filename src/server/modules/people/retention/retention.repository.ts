import { type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { PROGRAM_TIME_ZONE, TODAY_SQL } from '../../../platform/calendar.ts';
import { refreshOpportunityFill } from '../../opportunities/opportunities.fill.ts';

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The date her retention counts from: the end of supervision, else the day she was released, else the
 * expected release date. None while she is back in custody after a release.
 */
export function retentionBasisSql(alias = 'p'): RawBuilder<string | null> {
  const c = (column: string) => sql.ref(`${alias}.${column}`);
  return sql<string | null>`case
    when ${c('returned_on')} is not null and (${c('released_on')} is null or ${c('returned_on')} >= ${c('released_on')})
      then null
    else coalesce(${c('supervision_end_date')}, ${c('released_on')}, ${c('release_date')}) end`;
}

const endSql = (years: number) =>
  sql<string>`(${retentionBasisSql()} + make_interval(years => ${Math.trunc(years)}::integer))::date`;

/** People of the prison, not yet anonymized, whose retention period ended on or before today. */
export async function listRetentionDue(
  db: Db,
  organizationId: string,
  years: number,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('person as p')
    .where('p.organization_id', '=', organizationId)
    .where('p.anonymized_at', 'is', null)
    .where(sql<boolean>`${endSql(years)} <= ${TODAY_SQL}`);
  const [items, count] = await Promise.all([
    base
      .select([
        'p.id',
        'p.full_name',
        'p.registration_number',
        'p.supervision_end_date',
        'p.released_on',
        'p.release_date',
        retentionBasisSql().as('basis_date'),
        endSql(years).as('ended_on'),
      ])
      .orderBy(sql`${endSql(years)}`)
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select(sql<string>`count(*)`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.total) };
}

export function findRetentionDates(db: Db, personId: string) {
  return db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.organization_id',
      'p.anonymized_at',
      'p.supervision_end_date',
      'p.released_on',
      'p.release_date',
      'p.returned_on',
      retentionBasisSql().as('basis_date'),
    ])
    .where('p.id', '=', personId)
    .forUpdate()
    .executeTakeFirst();
}

/**
 * Removes what identifies her and keeps what counts: name → 'Anonim-<short id>', birth date → 1 July of
 * the birth year; NIK, aliases, phone, addresses, guarantor, birth place, religion, ethnicity,
 * registration number and free texts (training notes and reasons, certificate numbers, placement notes
 * included) cleared. Domicile village, education, sentence lengths, dates, skills, placement stages and
 * status stay for the statistics. Her running placements end (see `endPlacements`). Call it inside a
 * transaction that locked her record.
 */
export async function anonymizePerson(db: Transaction<Database>, personId: string, name: string) {
  await db
    .updateTable('person')
    .set({
      full_name: name,
      aliases: JSON.stringify([]),
      search_name: name.toLowerCase().replace('-', ' '),
      nik: null,
      birth_place: null,
      birth_date: sql<string | null>`case when birth_date is null then null
        else make_date(extract(year from birth_date)::integer, 7, 1) end`,
      phone: null,
      guarantor: null,
      domicile_address: null,
      registration_number: null,
      interests: null,
      constraints: sql<string>`constraints - 'health'`,
      religion: null,
      ethnicity: null,
      photo_document_id: null,
      anonymized_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', personId)
    .execute();
  await db.updateTable('person_skill').set({ note: null }).where('person_id', '=', personId).execute();
  await db
    .updateTable('custody')
    .set({ court_decision_number: null, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('person_id', '=', personId)
    .execute();
  await db.updateTable('remission').set({ decree_number: null }).where('person_id', '=', personId).execute();
  await db.updateTable('behaviour_score').set({ note: null }).where('person_id', '=', personId).execute();
  // Training keeps what counts (programs, dates, attendance, results, skills) and loses its free texts:
  // request notes, decision and leaving reasons (health, discipline), override reasons, absence notes,
  // and the certificate number, which identifies her at the issuer.
  await db
    .updateTable('training_enrolment')
    .set({
      note: null,
      decision_reason: null,
      end_note: null,
      overrides: sql<string>`(select coalesce(jsonb_agg(o - 'reason'), '[]'::jsonb) from jsonb_array_elements(overrides) o)`,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('person_id', '=', personId)
    .execute();
  await db
    .updateTable('training_attendance')
    .set({ note: null })
    .where('enrolment_id', 'in', (eb) =>
      eb.selectFrom('training_enrolment').select('id').where('person_id', '=', personId),
    )
    .execute();
  await db
    .updateTable('certificate')
    .set({ number: sql<string>`'[dihapus] ' || id::text`, document_id: null })
    .where('person_id', '=', personId)
    .execute();
  await endPlacements(db, personId);
  await db.updateTable('person_link').set({ note: null }).where('person_id', '=', personId).execute();
  await db
    .updateTable('consent')
    .set({ evidence_document_id: null, withdrawn_reason: null })
    .where('person_id', '=', personId)
    .execute();
  const notes = await db
    .updateTable('case_note')
    .set({ body: '[dihapus karena anonimisasi]', updated_at: sql<Date>`now()` })
    .where('person_id', '=', personId)
    .executeTakeFirst();
  // Every file, those already marked deleted included (a deletion from the record keeps the file).
  const documents = await db
    .updateTable('person_document')
    .set({
      title: '[dihapus]',
      file_name: '[dihapus]',
      deleted_at: sql<Date>`coalesce(deleted_at, now())`,
    })
    .where('person_id', '=', personId)
    .returning(['storage_key'])
    .execute();
  return { notesCleared: Number(notes.numUpdatedRows), storageKeys: documents.map((row) => row.storage_key) };
}

/**
 * Ends her placements and clears what was written about her in them. A running placement ends the way the
 * pipeline ends it, dated today with a step and no words: placed → ended, before placed → unsuccessful (not
 * available); the places she held free up (open again when it was filled). Her proposal and placement links
 * to partners end with them, so no partner sees even the anonymized record. Step notes, an ended step's
 * reason (words) and the outcome notes are cleared; an unsuccessful step's reason is a fixed code and stays.
 */
async function endPlacements(db: Transaction<Database>, personId: string) {
  const running = await db
    .selectFrom('placement as pl')
    .innerJoin('person as p', 'p.id', 'pl.person_id')
    .select(['pl.id', 'pl.opportunity_id', 'pl.stage', 'p.organization_id'])
    .where('pl.person_id', '=', personId)
    .where('pl.stage', 'not in', ['ended', 'unsuccessful'])
    .forUpdate('pl')
    .execute();
  for (const placement of running) {
    const stage = placement.stage === 'placed' ? 'ended' : 'unsuccessful';
    await db
      .updateTable('placement')
      .set({
        stage,
        outcome_reason: stage === 'unsuccessful' ? 'not_available' : null,
        ended_on: TODAY_SQL,
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', placement.id)
      .execute();
    await db
      .insertInto('placement_step')
      .values({
        placement_id: placement.id,
        stage,
        happened_on: TODAY_SQL,
        reason: stage === 'unsuccessful' ? 'not_available' : null,
        recorded_organization_id: placement.organization_id,
      })
      .execute();
  }
  for (const opportunityId of new Set(
    running.filter((placement) => placement.stage === 'placed').map((placement) => placement.opportunity_id),
  ))
    await refreshOpportunityFill(db, opportunityId);
  await db.updateTable('placement').set({ outcome_note: null }).where('person_id', '=', personId).execute();
  await db
    .updateTable('placement_step')
    .set({
      note: null,
      reason: sql<string | null>`case when stage = 'unsuccessful' then reason else null end`,
    })
    .where('placement_id', 'in', (eb) =>
      eb.selectFrom('placement').select('id').where('person_id', '=', personId),
    )
    .execute();
  await db
    .updateTable('person_link')
    .set({ active: false, ended_at: sql<Date>`now()` })
    .where('person_id', '=', personId)
    .where('kind', 'in', ['proposal', 'placement'])
    .where('active', '=', true)
    .execute();
}

// ── Retention of the other kinds of record (rules: caseNoteYears, documentYears, importFileYears) ──

/** The body a note keeps once its retention period ended: kind, author, organization and dates stay. */
export const NOTE_ERASED_BODY = '[dihapus: masa retensi berakhir]';
/** The title of a document whose file was deleted at the end of its retention period. */
export const DOCUMENT_ERASED_TITLE = '[dihapus: masa retensi berakhir]';
const ERASED_FILE_NAME = '[dihapus]';
// A purged document's hash is emptied: no real file has an empty SHA-256, so it marks "file gone" whatever
// title or name someone uploaded.
const PURGED_SHA256 = '';

/**
 * Ids of the people of the prison, not anonymized, whose basis date plus `years` is today or earlier: their
 * notes or documents are due (an anonymized person's notes and files were already cleared with her).
 */
function peoplePastRetention(db: Db, organizationId: string, years: number) {
  return db
    .selectFrom('person as p')
    .select('p.id')
    .where('p.organization_id', '=', organizationId)
    .where('p.anonymized_at', 'is', null)
    .where(sql<boolean>`${endSql(years)} <= ${TODAY_SQL}`);
}

/** Import runs of the prison recorded `years` or more ago and not yet cleared. */
function importRunDue(organizationId: string, years: number) {
  return sql<boolean>`(organization_id = ${organizationId}
    and summary -> 'retentionClearedAt' is null
    and ((created_at at time zone ${PROGRAM_TIME_ZONE})::date
      + make_interval(years => ${Math.trunc(years)}::integer))::date <= ${TODAY_SQL})`;
}

export interface RecordRetentionYears {
  caseNoteYears: number;
  documentYears: number;
  importFileYears: number;
}

/** How many notes, documents and import runs of the prison are past their retention period and not yet cleared. */
export async function countRecordRetentionDue(db: Db, organizationId: string, years: RecordRetentionYears) {
  const [notes, documents, imports] = await Promise.all([
    db
      .selectFrom('case_note')
      .select(sql<string>`count(*)`.as('n'))
      .where('person_id', 'in', peoplePastRetention(db, organizationId, years.caseNoteYears))
      .where('body', '<>', NOTE_ERASED_BODY)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('person_document')
      .select(sql<string>`count(*)`.as('n'))
      .where('person_id', 'in', peoplePastRetention(db, organizationId, years.documentYears))
      .where('sha256', '<>', PURGED_SHA256)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('person_import')
      .select(sql<string>`count(*)`.as('n'))
      .where(importRunDue(organizationId, years.importFileYears))
      .executeTakeFirstOrThrow(),
  ]);
  return { caseNotes: Number(notes.n), documents: Number(documents.n), importRuns: Number(imports.n) };
}

/**
 * Clears what is past its retention period: note bodies replaced by a marker (kind, author, dates kept);
 * documents marked deleted with title, name and hash cleared (category, type, size and dates kept), their
 * storage keys returned so the caller deletes the files after the commit, those already deleted from the
 * record included (a deletion keeps the file); import runs keep their counts and lose mapping and file name.
 */
export async function clearRecordsPastRetention(db: Db, organizationId: string, years: RecordRetentionYears) {
  const notes = await db
    .updateTable('case_note')
    .set({ body: NOTE_ERASED_BODY, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('person_id', 'in', peoplePastRetention(db, organizationId, years.caseNoteYears))
    .where('body', '<>', NOTE_ERASED_BODY)
    .executeTakeFirst();
  const documents = await db
    .updateTable('person_document')
    .set({
      title: DOCUMENT_ERASED_TITLE,
      file_name: ERASED_FILE_NAME,
      sha256: PURGED_SHA256,
      deleted_at: sql<Date>`coalesce(deleted_at, now())`,
    })
    .where('person_id', 'in', peoplePastRetention(db, organizationId, years.documentYears))
    .where('sha256', '<>', PURGED_SHA256)
    .returning(['storage_key'])
    .execute();
  const imports = await db
    .updateTable('person_import')
    .set({
      file_name: ERASED_FILE_NAME,
      mapping: JSON.stringify({}),
      summary: sql<string>`jsonb_strip_nulls(jsonb_build_object(
        'mode', summary -> 'mode', 'counts', summary -> 'counts', 'retentionClearedAt', now()))`,
    })
    .where(importRunDue(organizationId, years.importFileYears))
    .executeTakeFirst();
  return {
    notesErased: Number(notes.numUpdatedRows),
    storageKeys: documents.map((row) => row.storage_key),
    importRunsCleared: Number(imports.numUpdatedRows),
  };
}

import type { Kysely } from 'kysely';
import {
  type AnonymizeResult,
  type RecordRetentionDue,
  type RecordRetentionResult,
  type RetentionDue,
  type RetentionDueItem,
  shortPersonId,
} from '../../../../shared/peopleData.ts';
import type { Database } from '../../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { today } from '../../../platform/calendar.ts';
import { AppError, forbidden, notFound } from '../../../platform/errors.ts';
import { recordTimeline } from '../../../platform/timeline.ts';
import { currentRules } from '../../rules/rules.service.ts';
import { displayDate } from '../export/people-export.labels.ts';
import { personAccess } from '../people.access.ts';
import {
  anonymizePerson,
  clearRecordsPastRetention,
  countRecordRetentionDue,
  findRetentionDates,
  listRetentionDue,
} from './retention.repository.ts';

type Db = Kysely<Database>;

/** Removes stored document files (after the commit: a rolled-back anonymization keeps them). */
export interface FileRemover {
  remove(key: string): Promise<void>;
}

/** 'yyyy-mm-dd' plus whole years (29 February becomes 28 February in a common year, as PostgreSQL does). */
export function addYears(iso: string, years: number): string {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const target = year + years;
  const last = new Date(Date.UTC(target, month, 0)).getUTCDate();
  return `${target}-${String(month).padStart(2, '0')}-${String(Math.min(day, last)).padStart(2, '0')}`;
}

type Basis = RetentionDueItem['basis'];

function basisOf(row: { supervision_end_date: string | null; released_on: string | null }): Basis {
  return row.supervision_end_date ? 'supervision_end_date' : row.released_on ? 'released_on' : 'release_date';
}

/** Only the holding prison's staff with anonymize:person; the people of their own prison. */
function requireAnonymize(ctx: RequestContext) {
  requirePermission(ctx, 'anonymize:person');
  if (ctx.principal.organizationKind !== 'prison') throw forbidden();
}

/** People of the caller's prison whose retention period (rules: retention.personYears) has ended. */
export async function retentionDue(
  db: Db,
  ctx: RequestContext,
  page: { page: number; pageSize: number },
): Promise<RetentionDue> {
  requireAnonymize(ctx);
  const { version, rules } = await currentRules(db, 'retention');
  const organizationId = ctx.principal.organizationId;
  const [{ items, total }, counts] = await Promise.all([
    listRetentionDue(db, organizationId, rules.personYears, page),
    countRecordRetentionDue(db, organizationId, rules),
  ]);
  const records: RecordRetentionDue = {
    caseNotes: { due: counts.caseNotes, years: rules.caseNoteYears },
    documents: { due: counts.documents, years: rules.documentYears },
    importRuns: { due: counts.importRuns, years: rules.importFileYears },
    rulesVersion: version,
  };
  await audit(db, ctx, {
    action: 'person.retention_listed',
    subjectType: 'person',
    details: { total, shown: items.map((item) => item.id), records: counts },
  });
  return {
    items: items.map((row) => ({
      id: row.id,
      displayName: row.full_name,
      registrationNumber: row.registration_number,
      basisDate: row.basis_date as string,
      basis: basisOf(row),
      endedOn: row.ended_on,
    })),
    total,
    ...page,
    records,
  };
}

/**
 * Applies the retention periods of the other kinds of record to the caller's prison, in one transaction:
 * note bodies erased after caseNoteYears, documents deleted after documentYears (their files removed from
 * disk after the commit), import runs cleared after importFileYears. Audited as 'retention.applied'.
 */
export async function applyRecordRetention(
  db: Db,
  ctx: RequestContext,
  organizationId: string,
  files: FileRemover,
): Promise<RecordRetentionResult> {
  requireAnonymize(ctx);
  if (organizationId !== ctx.principal.organizationId) throw forbidden();
  const outcome = await db.transaction().execute(async (trx) => {
    // Read inside the transaction: the counts audited are those of the rules actually applied.
    const { version, rules } = await currentRules(trx, 'retention');
    const cleared = await clearRecordsPastRetention(trx, organizationId, rules);
    const result: RecordRetentionResult = {
      notesErased: cleared.notesErased,
      documentsDeleted: cleared.storageKeys.length,
      importRunsCleared: cleared.importRunsCleared,
      rulesVersion: version,
    };
    await audit(trx, ctx, {
      action: 'retention.applied',
      subjectType: 'organization',
      subjectId: organizationId,
      subjectOrganizationId: organizationId,
      details: {
        ...result,
        caseNoteYears: rules.caseNoteYears,
        documentYears: rules.documentYears,
        importFileYears: rules.importFileYears,
      },
    });
    return { result, storageKeys: cleared.storageKeys };
  });
  // After the commit; a file that cannot be removed now is left to an operator (the row says deleted).
  await Promise.all(outcome.storageKeys.map((key) => files.remove(key).catch(() => undefined)));
  return outcome.result;
}

/**
 * Anonymizes a person whose retention period ended: identifiers removed, statistics kept, one
 * transaction; her document files are deleted from disk after it commits. 409 with the end date before then.
 */
export async function anonymize(
  db: Db,
  ctx: RequestContext,
  personId: string,
  body: { confirm: string },
  files: FileRemover,
): Promise<AnonymizeResult> {
  requireAnonymize(ctx);
  const access = await personAccess(db, ctx, personId);
  if (access.organizationId !== ctx.principal.organizationId) throw forbidden();
  if (access.anonymized) throw new AppError(409, 'PERSON_ANONYMIZED');
  const reference = shortPersonId(personId);
  if (body.confirm.trim().toUpperCase() !== reference)
    throw new AppError(400, 'ANONYMIZE_CONFIRM_MISMATCH', { fields: { confirm: { key: 'invalid' } } });
  const { rules } = await currentRules(db, 'retention');

  const outcome = await db.transaction().execute(async (trx) => {
    const row = await findRetentionDates(trx, personId);
    if (!row) throw notFound('PERSON_NOT_FOUND');
    if (row.anonymized_at) throw new AppError(409, 'PERSON_ANONYMIZED');
    if (!row.basis_date) throw new AppError(409, 'RETENTION_NO_DATE');
    const endsOn = addYears(row.basis_date, rules.personYears);
    if (endsOn > today())
      throw new AppError(409, 'RETENTION_NOT_ENDED', { params: { endsOn: displayDate(endsOn) } });
    const name = `Anonim-${reference}`;
    const { notesCleared, storageKeys } = await anonymizePerson(trx, personId, name);
    const details = {
      basis: basisOf(row),
      basisDate: row.basis_date,
      retentionYears: rules.personYears,
      endedOn: endsOn,
      notesCleared,
      documentsDeleted: storageKeys.length,
    };
    await recordTimeline(trx, ctx, personId, {
      kind: 'person.anonymized',
      visibility: 'shared',
      details: {},
    });
    await audit(trx, ctx, {
      action: 'person.anonymized',
      subjectType: 'person',
      subjectId: personId,
      subjectOrganizationId: access.organizationId,
      details,
    });
    return { name, notesCleared, storageKeys };
  });

  // After the commit; a file that cannot be removed now is left to an operator (the row says deleted).
  await Promise.all(outcome.storageKeys.map((key) => files.remove(key).catch(() => undefined)));
  const after = await db
    .selectFrom('person')
    .select('anonymized_at')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow();
  return {
    id: personId,
    displayName: outcome.name,
    anonymizedAt: (after.anonymized_at as Date).toISOString(),
    documentsDeleted: outcome.storageKeys.length,
    notesCleared: outcome.notesCleared,
  };
}

import { createHash, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import type { CreatePersonInput } from '../../../../shared/people.ts';
import {
  IMPORT_MAX_ISSUES,
  IMPORT_MAX_ROWS,
  type ImportCheck,
  type ImportCounts,
  type ImportField,
  type ImportIssue,
  type ImportMapping,
  type ImportMode,
  type ImportPreview,
  type ImportResult,
} from '../../../../shared/peopleData.ts';
import type { Database } from '../../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import { AppError, forbidden } from '../../../platform/errors.ts';
import { type FieldMessageKey, fieldMessage } from '../../../platform/messages.ts';
import { cellText, type RowIssue, readImportSheet, type Sheet } from '../../../platform/spreadsheet.ts';
import type { UploadedFile } from '../../../platform/upload.ts';
import type { PersonValues } from '../people.repository.ts';
import { checkPerson, personValues } from '../people.service.ts';
import { mapRow, suggestMapping, validateInput } from './people-import.parser.ts';
import {
  type ExistingPerson,
  findByNiks,
  findByRegistrationNumbers,
  findCheckedRun,
  finishImportRun,
  insertImportRun,
  insertPeople,
  insertSkills,
  insertTimelineEvents,
  skillNamesOf,
  updatePeople,
} from './people-import.repository.ts';

type Db = Kysely<Database>;
type Trx = Db | Transaction<Database>;

/** Imports are a prison's: it registers the women it holds (Bapas and others receive them by handover). */
export function requireImport(ctx: RequestContext): string {
  requirePermission(ctx, 'import:person');
  if (ctx.principal.organizationKind !== 'prison') throw forbidden();
  return ctx.principal.organizationId;
}

const sha256 = (buffer: Buffer) => createHash('sha256').update(buffer).digest('hex');

const read = (file: UploadedFile): Promise<Sheet> => readImportSheet(file.buffer, IMPORT_MAX_ROWS);

/** Step 1: the columns and first rows of the file, and a mapping suggested from its headers. */
export async function preview(_db: Db, ctx: RequestContext, file: UploadedFile): Promise<ImportPreview> {
  requireImport(ctx);
  const sheet = await read(file);
  const mapping = suggestMapping(sheet.headers);
  return {
    fileName: file.fileName,
    sha256: sha256(file.buffer),
    format: sheet.format,
    rowCount: sheet.rows.length,
    columns: sheet.headers.map((header, index) => ({ index, header, suggested: mapping[index] ?? null })),
    rows: sheet.rows.slice(0, 10).map((row) => sheet.headers.map((_, index) => cellText(row[index] ?? null))),
    mapping,
  };
}

// ── Checking every row ──

interface RowResult {
  rowNumber: number;
  value: CreatePersonInput | null;
  present: Set<ImportField>;
  texts: Partial<Record<ImportField, string>>;
  issues: RowIssue[];
  /** The person this row updates; undefined for a new person. */
  target?: ExistingPerson;
}

const CHECKED_FIELDS = ['nik', 'birthDate', 'domicileVillageCode', 'registrationNumber'] as const;

/** Everything that can be said of the rows without the database: the cells, the form's rules, duplicates within the file. */
async function checkRows(
  db: Trx,
  sheet: Sheet,
  mapping: ImportMapping,
  organizationId: string,
): Promise<RowResult[]> {
  const results: RowResult[] = [];
  const villages = await villageIdsByCode(db);
  const seenNik = new Map<string, number>();
  const seenRegistration = new Map<string, number>();
  for (let index = 0; index < sheet.rows.length; index++) {
    const rowNumber = sheet.rowNumbers[index] ?? index + 2;
    const mapped = mapRow(sheet.rows[index] ?? [], mapping);
    const issues = [...mapped.issues];
    // The intended host kelurahan comes as its Kemendagri code: it must be one of the program's kelurahan.
    if (mapped.intendedVillageCode !== null) {
      const villageId = villages.get(mapped.intendedVillageCode);
      if (villageId) mapped.input.intendedVillageId = villageId;
      else issues.push({ field: 'intendedVillageCode', key: 'village_not_host' });
    }
    const flagged = new Set(issues.map((issue) => issue.field));
    const { value, issues: shapeIssues } = validateInput(
      Object.fromEntries(Object.entries(mapped.input).filter(([field]) => !flagged.has(field))),
    );
    for (const issue of shapeIssues) {
      if (!flagged.has(issue.field)) issues.push(issue);
      flagged.add(issue.field);
    }
    // The rules beyond the shape, on whatever fields passed it (uniqueness is checked for all rows at once).
    const candidate = Object.fromEntries(
      CHECKED_FIELDS.filter((field) => !flagged.has(field)).map((field) => [
        field,
        mapped.input[field] ?? null,
      ]),
    );
    // Uniqueness is left out here: matchRows checks it for all rows in a few queries.
    const ruleErrors = await checkPerson(db, candidate, { organizationId, skipUniqueness: true });
    for (const [field, error] of Object.entries(ruleErrors)) {
      if (flagged.has(field)) continue;
      issues.push({ field, key: error.key, params: error.params });
      flagged.add(field);
    }
    const nik = typeof mapped.input.nik === 'string' && !flagged.has('nik') ? mapped.input.nik : null;
    if (nik) {
      const first = seenNik.get(nik);
      if (first !== undefined)
        issues.push({ field: 'nik', key: 'import_duplicate_in_file', params: { row: first } });
      else seenNik.set(nik, rowNumber);
    }
    const registration =
      typeof mapped.input.registrationNumber === 'string' && !flagged.has('registrationNumber')
        ? mapped.input.registrationNumber.trim()
        : null;
    if (registration) {
      const first = seenRegistration.get(registration);
      if (first !== undefined)
        issues.push({ field: 'registrationNumber', key: 'import_duplicate_in_file', params: { row: first } });
      else seenRegistration.set(registration, rowNumber);
    }
    results.push({
      rowNumber,
      value: issues.length === 0 ? value : null,
      present: mapped.present,
      texts: mapped.texts,
      issues,
    });
  }
  return results;
}

/**
 * Who each valid row is: a person of this prison with the same NIK, else with the same registration
 * number (updated), or nobody (new). A NIK held by another prison, or by an anonymized record, is refused.
 */
async function matchRows(db: Trx, rows: RowResult[], organizationId: string): Promise<void> {
  const valid = rows.filter((row) => row.value !== null);
  const niks = valid.flatMap((row) => (row.value?.nik ? [row.value.nik] : []));
  const numbers = valid.flatMap((row) =>
    row.value?.registrationNumber ? [row.value.registrationNumber] : [],
  );
  const byNik = new Map((await findByNiks(db, niks)).map((person) => [person.nik as string, person]));
  const byNumber = new Map(
    (await findByRegistrationNumbers(db, organizationId, numbers)).map((person) => [
      person.registration_number as string,
      person,
    ]),
  );
  for (const row of valid) {
    const value = row.value as CreatePersonInput;
    const fail = (issue: RowIssue) => {
      row.issues.push(issue);
      row.value = null;
    };
    const sameNik = value.nik ? byNik.get(value.nik) : undefined;
    const sameNumber = value.registrationNumber ? byNumber.get(value.registrationNumber) : undefined;
    if (sameNik && sameNik.organization_id !== organizationId) {
      fail({ field: 'nik', key: 'nik_taken' });
      continue;
    }
    const target = sameNik ?? sameNumber;
    if (!target) continue;
    if (target.anonymized) {
      fail({ field: sameNik ? 'nik' : 'registrationNumber', key: 'import_person_anonymized' });
      continue;
    }
    // The registration number belongs to someone else than the NIK does.
    if (sameNik && sameNumber && sameNumber.id !== sameNik.id) {
      fail({ field: 'registrationNumber', key: 'registration_taken' });
      continue;
    }
    // Matched on the registration number, but the NIK in the file differs from the one stored.
    if (!sameNik && value.nik && target.nik && target.nik !== value.nik) {
      fail({
        field: 'nik',
        key: 'import_nik_differs',
        params: { registrationNumber: value.registrationNumber },
      });
      continue;
    }
    row.target = target;
  }
}

interface Analysis {
  sha256: string;
  rows: RowResult[];
  counts: ImportCounts;
  issues: ImportIssue[];
  issuesTruncated: boolean;
}

function requireMappingFits(sheet: Sheet, mapping: ImportMapping) {
  if (mapping.length !== sheet.headers.length)
    throw new AppError(400, 'IMPORT_MAPPING_MISMATCH', {
      params: { columns: sheet.headers.length, mapped: mapping.length },
    });
}

function summarize(
  rows: RowResult[],
  sheet: Sheet,
  mapping: ImportMapping,
  ctx: RequestContext,
): Omit<Analysis, 'sha256' | 'rows'> {
  const language = ctx.principal.language;
  const counts: ImportCounts = { total: rows.length, new: 0, update: 0, invalid: 0 };
  const issues: ImportIssue[] = [];
  let issuesTruncated = false;
  for (const row of rows) {
    if (row.value === null) counts.invalid++;
    else if (row.target) counts.update++;
    else counts.new++;
    for (const issue of row.issues) {
      if (issues.length >= IMPORT_MAX_ISSUES) {
        issuesTruncated = true;
        break;
      }
      const columnIndex = mapping.indexOf(issue.field as ImportField);
      issues.push({
        row: row.rowNumber,
        field: issue.field,
        column: columnIndex >= 0 ? (sheet.headers[columnIndex] ?? null) : null,
        value: row.texts[issue.field as ImportField] ?? null,
        reason: fieldMessage(issue.key as FieldMessageKey, language, issue.params),
      });
    }
  }
  return { counts, issues, issuesTruncated };
}

/** Step 2, the dry run: every row checked and matched, nothing stored but the record of the check. */
export async function check(
  db: Db,
  ctx: RequestContext,
  file: UploadedFile,
  mapping: ImportMapping,
): Promise<ImportCheck> {
  const organizationId = requireImport(ctx);
  const sheet = await read(file);
  requireMappingFits(sheet, mapping);
  const rows = await checkRows(db, sheet, mapping, organizationId);
  await matchRows(db, rows, organizationId);
  const summary = summarize(rows, sheet, mapping, ctx);
  const hash = sha256(file.buffer);
  const importId = await insertImportRun(db, {
    organization_id: organizationId,
    file_name: file.fileName,
    sha256: hash,
    status: 'checked',
    mapping,
    summary: { counts: summary.counts },
    created_by: ctx.principal.userId,
  });
  return { importId, sha256: hash, ...summary };
}

// ── Storing ──

const FIELD_COLUMNS: Record<ImportField, (keyof PersonValues)[]> = {
  fullName: ['full_name', 'search_name'],
  aliases: ['aliases', 'search_name'],
  nik: ['nik'],
  birthPlace: ['birth_place'],
  birthDate: ['birth_date'],
  registrationNumber: ['registration_number'],
  domicileAddress: ['domicile_address'],
  domicileVillageCode: ['domicile_village_code', 'domicile_village_name'],
  phone: ['phone'],
  educationLevel: ['education_level'],
  maritalStatus: ['marital_status'],
  dependentChildren: ['dependent_children'],
  skills: [],
  interests: ['interests'],
  religion: ['religion'],
  ethnicity: ['ethnicity'],
  guarantorName: ['guarantor'],
  guarantorRelation: ['guarantor'],
  guarantorAddress: ['guarantor'],
  guarantorPhone: ['guarantor'],
  intendedVillageCode: ['intended_village_id'],
  preferredSectors: ['preferred_sectors'],
};

/** The columns an update sets: those of the fields the row fills (an empty cell keeps the stored value). */
async function updateValues(row: RowResult, target: ExistingPerson) {
  const value = row.value as CreatePersonInput;
  const all = await personValues(value, { full_name: target.full_name, aliases: target.aliases });
  const columns = new Set([...row.present].flatMap((field) => FIELD_COLUMNS[field]));
  const values: Partial<PersonValues> & { id: string } = { id: target.id };
  for (const column of columns) (values as Record<string, unknown>)[column] = all[column];
  return values;
}

async function store(trx: Transaction<Database>, ctx: RequestContext, rows: RowResult[], importId: string) {
  const organizationId = ctx.principal.organizationId;
  const fresh = rows.filter((row) => row.value !== null && !row.target);
  const updates = rows.filter((row) => row.value !== null && row.target);

  const freshIds = fresh.map(() => randomUUID());
  const freshValues = await Promise.all(
    fresh.map(async (row, index) => ({
      ...((await personValues(row.value as CreatePersonInput)) as PersonValues),
      id: freshIds[index] as string,
      organization_id: organizationId,
      created_by: ctx.principal.userId,
    })),
  );
  await insertPeople(trx, freshValues);
  await updatePeople(
    trx,
    await Promise.all(updates.map((row) => updateValues(row, row.target as ExistingPerson))),
  );

  // Skills: a new person gets the listed ones; a known person gets those she does not have yet (trained
  // and certified skills of the training records are never touched).
  const known = await skillNamesOf(
    trx,
    updates.filter((row) => row.present.has('skills')).map((row) => (row.target as ExistingPerson).id),
  );
  const skills: { person_id: string; organization_id: string; name: string }[] = [];
  const addSkills = (personId: string, row: RowResult, have: Set<string>) => {
    for (const skill of row.value?.skills ?? []) {
      const name = skill.name.toLowerCase();
      if (have.has(name)) continue;
      have.add(name);
      skills.push({ person_id: personId, organization_id: organizationId, name: skill.name });
    }
  };
  fresh.forEach((row, index) => {
    addSkills(freshIds[index] as string, row, new Set());
  });
  for (const row of updates) {
    const id = (row.target as ExistingPerson).id;
    addSkills(id, row, known.get(id) ?? new Set());
  }
  await insertSkills(trx, skills);

  await insertTimelineEvents(trx, ctx, [
    ...freshIds.map((personId) => ({
      personId,
      kind: 'person.registered',
      visibility: 'shared' as const,
      details: { source: 'import', importId },
    })),
    ...updates.map((row) => ({
      personId: (row.target as ExistingPerson).id,
      kind: 'person.updated',
      visibility: 'corrections' as const,
      details: { source: 'import', importId, fields: [...row.present] },
    })),
  ]);
  return { created: freshIds.length, updated: updates.length };
}

/**
 * Step 3: stores the file. The file and mapping are sent again and checked again inside the one
 * transaction that stores them, so a commit never trusts an earlier check. all_or_nothing stores nothing
 * when any row is invalid; valid_only stores the valid rows and skips the rest.
 */
export async function commit(
  db: Db,
  ctx: RequestContext,
  file: UploadedFile,
  mapping: ImportMapping,
  mode: ImportMode,
): Promise<ImportResult> {
  const organizationId = requireImport(ctx);
  const sheet = await read(file);
  requireMappingFits(sheet, mapping);
  const rows = await checkRows(db, sheet, mapping, organizationId);
  const hash = sha256(file.buffer);

  const outcome = await db
    .transaction()
    .execute(async (trx) => {
      await matchRows(trx, rows, organizationId);
      const summary = summarize(rows, sheet, mapping, ctx);
      if (mode === 'all_or_nothing' && summary.counts.invalid > 0) return { refused: true as const, summary };
      const checked = await findCheckedRun(trx, organizationId, hash);
      const importId =
        checked?.id ??
        (await insertImportRun(trx, {
          organization_id: organizationId,
          file_name: file.fileName,
          sha256: hash,
          status: 'checked',
          mapping,
          summary: {},
          created_by: ctx.principal.userId,
        }));
      const { created, updated } = await store(trx, ctx, rows, importId);
      const counts = { ...summary.counts, created, updated, skipped: summary.counts.invalid };
      await finishImportRun(trx, importId, { status: 'committed', mapping, summary: { mode, counts } });
      await audit(trx, ctx, {
        action: 'person.imported',
        subjectType: 'person_import',
        subjectId: importId,
        subjectOrganizationId: organizationId,
        details: {
          fileName: file.fileName,
          sha256: hash,
          mode,
          rows: rows.length,
          created,
          updated,
          skipped: counts.skipped,
        },
      });
      return { refused: false as const, summary, importId, created, updated };
    })
    .catch((error: unknown) => {
      // Another import or a form stored the same NIK or registration number meanwhile: nothing was stored.
      if ((error as { code?: string }).code === '23505') throw new AppError(409, 'IMPORT_CONFLICT');
      throw error;
    });

  if (outcome.refused) {
    // Recorded outside the rolled-back work: the failed attempt is part of the import's history.
    const checked = await findCheckedRun(db, organizationId, hash);
    const summary = { mode, counts: outcome.summary.counts };
    if (checked) await finishImportRun(db, checked.id, { status: 'failed', mapping, summary });
    else
      await insertImportRun(db, {
        organization_id: organizationId,
        file_name: file.fileName,
        sha256: hash,
        status: 'failed',
        mapping,
        summary,
        created_by: ctx.principal.userId,
      });
    throw new AppError(409, 'IMPORT_HAS_INVALID_ROWS', { params: { count: outcome.summary.counts.invalid } });
  }
  return {
    importId: outcome.importId,
    mode,
    created: outcome.created,
    updated: outcome.updated,
    skipped: outcome.summary.counts.invalid,
    ...outcome.summary,
  };
}

/** The program's kelurahan (organizations of kind village) by their Kemendagri code. */
async function villageIdsByCode(db: Trx): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('organization')
    .select(['id', 'code'])
    .where('kind', '=', 'village')
    .where('code', 'is not', null)
    .execute();
  return new Map(rows.map((row) => [row.code as string, row.id]));
}

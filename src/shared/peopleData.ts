import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';

// Contracts of import, export and the personal-data rights (per-person export, access log, anonymization).

// ── Import ─────────────────────────────────────────────────────────────────────────────────────

/** The largest file an import accepts (CSV or XLSX). */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
/** The most rows one file may hold. */
export const IMPORT_MAX_ROWS = 100_000;
/** The most row problems a check answers with; the counts always cover every row. */
export const IMPORT_MAX_ISSUES = 10_000;

/** Person fields a column can be mapped to. */
export const IMPORT_FIELDS = [
  'fullName',
  'aliases',
  'nik',
  'birthPlace',
  'birthDate',
  'registrationNumber',
  'domicileAddress',
  'domicileVillageCode',
  'phone',
  'educationLevel',
  'maritalStatus',
  'dependentChildren',
  'skills',
  'interests',
  'religion',
  'ethnicity',
  'guarantorName',
  'guarantorRelation',
  'guarantorAddress',
  'guarantorPhone',
  'intendedVillageCode',
  'preferredSectors',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** For each column of the file, in order, the field it fills (null: ignored). */
export const ImportMapping = z
  .array(z.enum(IMPORT_FIELDS).nullable())
  .max(200)
  .refine(
    (fields) => {
      const used = fields.filter((field) => field !== null);
      return new Set(used).size === used.length;
    },
    { message: 'each field at most once' },
  )
  .refine((fields) => fields.includes('fullName'), { message: 'fullName must be mapped' });
export type ImportMapping = z.infer<typeof ImportMapping>;

export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** The non-file parts of the check and commit requests (multipart fields, `mapping` as JSON text). */
export const ImportCheckFields = z.strictObject({ mapping: ImportMapping });
export const ImportCommitFields = z.strictObject({ mapping: ImportMapping, mode: z.enum(IMPORT_MODES) });

export const ImportColumn = z.object({
  index: z.number().int(),
  header: z.string(),
  /** The field suggested from the header, or null when none fits. */
  suggested: z.enum(IMPORT_FIELDS).nullable(),
});

/** Step 1: what the file holds and a suggested mapping. */
export const ImportPreview = z
  .object({
    fileName: z.string(),
    sha256: z.string(),
    format: z.enum(['csv', 'xlsx']),
    rowCount: z.number().int(),
    columns: z.array(ImportColumn),
    /** The first rows as text, one array per row aligned with `columns`. */
    rows: z.array(z.array(z.string())),
    mapping: z.array(z.enum(IMPORT_FIELDS).nullable()),
  })
  .meta({ id: 'ImportPreview' });
export type ImportPreview = z.infer<typeof ImportPreview>;

export const ImportIssue = z.object({
  /** The row number as the spreadsheet shows it (the header is row 1). */
  row: z.number().int(),
  field: z.string(),
  /** The column header the field was read from, when it came from one column. */
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportCounts = z.object({
  total: z.number().int(),
  new: z.number().int(),
  update: z.number().int(),
  invalid: z.number().int(),
});
export type ImportCounts = z.infer<typeof ImportCounts>;

/** Step 2: the dry run. Nothing is stored but the record of the check. */
export const ImportCheck = z
  .object({
    importId: z.uuid(),
    sha256: z.string(),
    counts: ImportCounts,
    issues: z.array(ImportIssue),
    /** More problems than IMPORT_MAX_ISSUES: the first ones are listed, the counts cover all. */
    issuesTruncated: z.boolean(),
  })
  .meta({ id: 'ImportCheck' });
export type ImportCheck = z.infer<typeof ImportCheck>;

/** Step 3: what was stored. */
export const ImportResult = z
  .object({
    importId: z.uuid(),
    mode: z.enum(IMPORT_MODES),
    created: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    counts: ImportCounts,
    issues: z.array(ImportIssue),
    issuesTruncated: z.boolean(),
  })
  .meta({ id: 'ImportResult' });
export type ImportResult = z.infer<typeof ImportResult>;

// ── Export ─────────────────────────────────────────────────────────────────────────────────────

/** The most people one list export holds; a narrower filter gets the rest. */
export const EXPORT_MAX_ROWS = 100_000;

// ── Access log and personal-data export ────────────────────────────────────────────────────────

export const AccessLogEntry = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  action: z.string(),
  actorName: z.string().nullable(),
  actorUsername: z.string().nullable(),
  organizationName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type AccessLogEntry = z.infer<typeof AccessLogEntry>;
export const AccessLogQuery = PageQuery.strict();
export const AccessLog = pageOf(AccessLogEntry).meta({ id: 'AccessLog' });
export type AccessLog = z.infer<typeof AccessLog>;

// ── Retention and anonymization ────────────────────────────────────────────────────────────────

export const RetentionDueItem = z.object({
  id: z.uuid(),
  displayName: z.string(),
  registrationNumber: z.string().nullable(),
  /** The date her retention is counted from (end of supervision, else release). */
  basisDate: z.string(),
  basis: z.enum(['supervision_end_date', 'released_on', 'release_date']),
  /** The day the retention period ended. */
  endedOn: z.string(),
});
export type RetentionDueItem = z.infer<typeof RetentionDueItem>;
export const RetentionDueQuery = PageQuery.strict();

/** How many records of one kind are past their retention period, and the period (rules) in years. */
export const RecordKindDue = z.object({ due: z.number().int(), years: z.number().int() });
/** Records of the other kinds (notes, documents, import runs) past their own retention period. */
export const RecordRetentionDue = z.object({
  /** Notes of people whose end date (supervision end, else release) is `years` or more ago: bodies to erase. */
  caseNotes: RecordKindDue,
  /** Documents of such people whose file is still on disk (deleted ones included): files to delete. */
  documents: RecordKindDue,
  /** Import runs recorded `years` or more ago whose mapping and file name are still kept. */
  importRuns: RecordKindDue,
  /** The version of the retention rules the counts follow (0: the defaults). */
  rulesVersion: z.number().int(),
});
export type RecordRetentionDue = z.infer<typeof RecordRetentionDue>;

export const RetentionDue = pageOf(RetentionDueItem)
  .extend({ records: RecordRetentionDue })
  .meta({ id: 'RetentionDue' });
export type RetentionDue = z.infer<typeof RetentionDue>;

/** What POST /api/people/retention/apply cleared for the caller's prison. */
export const RecordRetentionResult = z
  .object({
    notesErased: z.number().int(),
    documentsDeleted: z.number().int(),
    importRunsCleared: z.number().int(),
    rulesVersion: z.number().int(),
  })
  .meta({ id: 'RecordRetentionResult' });
export type RecordRetentionResult = z.infer<typeof RecordRetentionResult>;

export const AnonymizeRequest = z.strictObject({
  /** The officer typed the short id shown on the page: a strong confirmation of a change that cannot be undone. */
  confirm: z.string().trim().min(1).max(20),
});
export type AnonymizeRequest = z.infer<typeof AnonymizeRequest>;

export const AnonymizeResult = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    anonymizedAt: z.iso.datetime({ offset: true }),
    documentsDeleted: z.number().int(),
    notesCleared: z.number().int(),
  })
  .meta({ id: 'AnonymizeResult' });
export type AnonymizeResult = z.infer<typeof AnonymizeResult>;

/** The short id shown as 'Anonim-<short id>' and typed to confirm an anonymization. */
export function shortPersonId(id: string): string {
  return id.replaceAll('-', '').slice(0, 8).toUpperCase();
}

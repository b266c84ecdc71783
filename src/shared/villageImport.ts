import { z } from 'zod';
import { IMPORT_MODES, ImportCheck, ImportColumn, ImportPreview, ImportResult } from './peopleData.ts';

// Importing partners and opportunities from a spreadsheet (XLSX, or CSV): the same three steps as the
// people import (preview → check, the dry run → commit) and the same report shapes (ImportIssue,
// ImportCounts of peopleData.ts). `POST /api/opportunity-import/{preview,check,commit}`, multipart: the
// file in the part `file`, and the text fields below (`mapping` as JSON text). Kelurahan and kecamatan
// staff (import:opportunity:organization) only.

/** The most rows one file may hold (each row is checked and stored on its own; a kecamatan's list is far smaller). */
export const VILLAGE_IMPORT_MAX_ROWS = 5_000;

/** What a file holds: partner organizations, or opportunities of existing partners. */
export const VILLAGE_IMPORT_TARGETS = ['partners', 'opportunities'] as const;
export type VillageImportTarget = (typeof VILLAGE_IMPORT_TARGETS)[number];

/**
 * Partner fields a column can fill. A row whose name matches a partner already registered (case-insensitive)
 * updates it (only the cells the row fills); otherwise it creates one (`type` then required).
 * - type: a code or its Indonesian label (UMKM, Perusahaan, Koperasi, BLK/Lembaga pelatihan, LSM,
 *   Pokmas Lipas, Instansi pemerintah)
 * - sectors: comma-separated sector codes or Indonesian labels
 * - villageCode: one of the program's kelurahan, by Kemendagri code (33.74.13.1013) or name (Krobokan)
 * - willingToEmploy: ya / tidak / kasus per kasus (or the codes)
 * - dates: dd/mm/yyyy text or Excel date cells
 */
export const PARTNER_IMPORT_FIELDS = [
  'name',
  'shortName',
  'type',
  'sectors',
  'villageCode',
  'address',
  'phone',
  'email',
  'contactName',
  'contactPhone',
  'description',
  'willingToEmploy',
  'willingnessNote',
  'agreementNumber',
  'agreementSignedOn',
  'agreementExpiresOn',
] as const;
export type PartnerImportField = (typeof PARTNER_IMPORT_FIELDS)[number];

/**
 * Opportunity fields a column can fill. Every row creates an opportunity (an opportunity of the same partner
 * with the same title and start date already stored is reported, not duplicated).
 * - kind, sector, payPeriod: codes or Indonesian labels
 * - partnerName: a partner already registered (name or short name, case-insensitive)
 * - villageCode: code or name; a kelurahan officer's own kelurahan when the column is absent or empty, and
 *   only her own (the kecamatan: any of its kelurahan)
 * - partTime, flexible, shiftWork, openToAsimilasi: ya / tidak
 * - skills: "Menjahit:kompeten:wajib; Katering:dasar:opsional" (skill by name, code or alias; level and
 *   essential optional: basic and essential by default)
 * - status: draft (the default) or open (`draf` / `dibuka`); open only for staff who may open it
 */
export const OPPORTUNITY_IMPORT_FIELDS = [
  'title',
  'kind',
  'partnerName',
  'villageCode',
  'sector',
  'description',
  'location',
  'places',
  'startOn',
  'closesOn',
  'hoursPerWeek',
  'workHours',
  'partTime',
  'flexible',
  'shiftWork',
  'payMin',
  'payMax',
  'payPeriod',
  'openToAsimilasi',
  'skills',
  'status',
] as const;
export type OpportunityImportField = (typeof OPPORTUNITY_IMPORT_FIELDS)[number];

export type VillageImportField = PartnerImportField | OpportunityImportField;

/** Fields that must be mapped to a column before a file can be checked. */
export const VILLAGE_IMPORT_REQUIRED = {
  partners: ['name'],
  opportunities: ['title', 'kind', 'partnerName', 'sector', 'places', 'startOn'],
} as const satisfies {
  partners: readonly PartnerImportField[];
  opportunities: readonly OpportunityImportField[];
};

/** The fields of a target, in the order a form shows them. */
export const VILLAGE_IMPORT_FIELDS = {
  partners: PARTNER_IMPORT_FIELDS,
  opportunities: OPPORTUNITY_IMPORT_FIELDS,
} as const;

const mappingOf = <T extends readonly [string, ...string[]]>(fields: T, required: readonly T[number][]) =>
  z
    .array(z.enum(fields).nullable())
    .max(200)
    .refine(
      (chosen) => {
        const used = chosen.filter((field) => field !== null);
        return new Set(used).size === used.length;
      },
      { message: 'each field at most once' },
    )
    .refine((chosen) => required.every((field) => chosen.includes(field)), {
      message: `${required.join(', ')} must be mapped`,
    });

/** For each column of the file, in order, the field it fills (null: ignored). */
export const PartnerImportMapping = mappingOf(PARTNER_IMPORT_FIELDS, VILLAGE_IMPORT_REQUIRED.partners);
export type PartnerImportMapping = z.infer<typeof PartnerImportMapping>;
export const OpportunityImportMapping = mappingOf(
  OPPORTUNITY_IMPORT_FIELDS,
  VILLAGE_IMPORT_REQUIRED.opportunities,
);
export type OpportunityImportMapping = z.infer<typeof OpportunityImportMapping>;

const VillageImportFieldName = z.union([z.enum(PARTNER_IMPORT_FIELDS), z.enum(OPPORTUNITY_IMPORT_FIELDS)]);

/** The non-file parts of the preview request. */
export const VillageImportPreviewFields = z.strictObject({ target: z.enum(VILLAGE_IMPORT_TARGETS) });

/** The non-file parts of the check request (multipart fields, `mapping` as JSON text). */
export const VillageImportCheckFields = z.discriminatedUnion('target', [
  z.strictObject({ target: z.literal('partners'), mapping: PartnerImportMapping }),
  z.strictObject({ target: z.literal('opportunities'), mapping: OpportunityImportMapping }),
]);
export type VillageImportCheckFields = z.infer<typeof VillageImportCheckFields>;

/** The non-file parts of the commit request: the check's, and the mode. */
export const VillageImportCommitFields = z.discriminatedUnion('target', [
  z.strictObject({
    target: z.literal('partners'),
    mapping: PartnerImportMapping,
    mode: z.enum(IMPORT_MODES),
  }),
  z.strictObject({
    target: z.literal('opportunities'),
    mapping: OpportunityImportMapping,
    mode: z.enum(IMPORT_MODES),
  }),
]);
export type VillageImportCommitFields = z.infer<typeof VillageImportCommitFields>;

/** Step 1: what the file holds and a mapping suggested from its headers for the target. */
export const VillageImportPreview = ImportPreview.extend({
  target: z.enum(VILLAGE_IMPORT_TARGETS),
  columns: z.array(ImportColumn.extend({ suggested: VillageImportFieldName.nullable() })),
  mapping: z.array(VillageImportFieldName.nullable()),
}).meta({ id: 'VillageImportPreview' });
export type VillageImportPreview = z.infer<typeof VillageImportPreview>;

/**
 * Step 2: the dry run: every invalid row and field with the reason (`issues[].field` is a field of the
 * target, as in the mapping), and the counts (`new`, `update`: partners matched by name). Nothing is stored.
 */
export const VillageImportCheck = ImportCheck.omit({ importId: true })
  .extend({ target: z.enum(VILLAGE_IMPORT_TARGETS) })
  .meta({ id: 'VillageImportCheck' });
export type VillageImportCheck = z.infer<typeof VillageImportCheck>;

/**
 * Step 3: what was stored. all_or_nothing stores nothing when a row is invalid (409 IMPORT_HAS_INVALID_ROWS);
 * valid_only skips the invalid rows. `importId` is the subject of the audit entry (`partner.imported` or
 * `opportunity.imported`).
 */
export const VillageImportResult = ImportResult.extend({
  target: z.enum(VILLAGE_IMPORT_TARGETS),
}).meta({ id: 'VillageImportResult' });
export type VillageImportResult = z.infer<typeof VillageImportResult>;

import { z } from 'zod';
import { AGREEMENT_TEMPLATE_KEYS } from './agreementTemplates.ts';
import { CalendarDate, Language, PageQuery } from './common.ts';
import { ORGANIZATION_KINDS } from './permissions.ts';

// Kesepakatan (issue 8, governance): an MoU (Nota Kesepahaman) between the program's organizations, and the
// PKS (Perjanjian Kerja Sama) under it. Parties (PIHAK PERTAMA, PIHAK KEDUA, ...), the versioned TEXT
// (title, purpose, scope, considerations, clauses = Pasal, obligations per party), the workflow
// draft → in_review → agreed (every party agreed the current text) → signed (scan uploaded) → terminated /
// renewed, and the obligations' tracking (outside the text). A draft or in-review agreement may be discarded
// by its drafting organization (read-only afterwards). An organization sees an agreement iff it is a party;
// its heads (approve:agreement) and their named delegates agree, sign and terminate for it.

export const AGREEMENT_KINDS = ['mou', 'pks'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

/** The stored status (`discarded`: a draft or in-review agreement given up by its drafter; read-only). */
export const AGREEMENT_STATUSES = [
  'draft',
  'in_review',
  'agreed',
  'signed',
  'terminated',
  'renewed',
  'discarded',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

/**
 * The status shown everywhere and filtered on: a `signed` agreement is `signed` before valid_from,
 * `in_force` from valid_from to valid_until (inclusive), `expired` after valid_until; otherwise the stored one.
 */
export const EFFECTIVE_AGREEMENT_STATUSES = [
  'draft',
  'in_review',
  'agreed',
  'signed',
  'in_force',
  'expired',
  'terminated',
  'renewed',
  'discarded',
] as const;
export type EffectiveAgreementStatus = (typeof EFFECTIVE_AGREEMENT_STATUSES)[number];

export const OBLIGATION_STATUSES = ['open', 'in_progress', 'done', 'not_applicable'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

export const AGREEMENT_EVENT_KINDS = [
  'created',
  'text_changed',
  'submitted',
  'agreed',
  'agreement_outdated',
  'changes_requested',
  'signed',
  'terminated',
  'renewed',
  'reminder',
  'obligation_updated',
  'parties_changed',
  'discarded',
] as const;
export type AgreementEventKind = (typeof AGREEMENT_EVENT_KINDS)[number];

/** Media types of the signed scan (checked from the content). */
export const AGREEMENT_SCAN_MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export const AGREEMENT_SCAN_MAX_BYTES = 10 * 1024 * 1024;

/** Reminder thresholds before valid_until (days). */
export const AGREEMENT_REMINDER_DAYS = [90, 30] as const;

/**
 * The effective status of an agreement on `today` ('yyyy-mm-dd', Asia/Jakarta). Kept in step with the SQL
 * expression of the repository (agreements.repository.ts effectiveStatusSql) by a test.
 */
export function effectiveAgreementStatus(
  agreement: { status: AgreementStatus; validFrom: string | null; validUntil: string | null },
  today: string,
): EffectiveAgreementStatus {
  if (agreement.status !== 'signed') return agreement.status;
  if (agreement.validUntil !== null && today > agreement.validUntil) return 'expired';
  if (agreement.validFrom !== null && today >= agreement.validFrom) return 'in_force';
  return 'signed';
}

/** "PIHAK PERTAMA", "PIHAK KEDUA", ... for position 1, 2, ... (Indonesian legal usage). */
export function partyLabel(position: number): string {
  const ordinals = ['PERTAMA', 'KEDUA', 'KETIGA', 'KEEMPAT', 'KELIMA', 'KEENAM', 'KETUJUH', 'KEDELAPAN'];
  return `PIHAK ${ordinals[position - 1] ?? `KE-${position}`}`;
}

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const requiredText = (max: number) => z.string().trim().min(1).max(max);

const Named = z.object({ id: z.uuid(), name: z.string() });
const Version = z.number().int().min(1);

export const AgreementParams = z.strictObject({ agreementId: z.uuid() });
export const AgreementObligationParams = z.strictObject({ agreementId: z.uuid(), obligationId: z.uuid() });
export const AgreementVersionParams = z.strictObject({
  agreementId: z.uuid(),
  number: z.coerce.number().int().min(1),
});
export const AgreementDelegateParams = z.strictObject({ delegateId: z.uuid() });

// ── The text (versioned) ──

export const AgreementClauseInput = z.strictObject({
  heading: requiredText(200),
  /** Ayat separated by blank lines. */
  body: requiredText(20000),
  /** The template key it was started from (AGREEMENT_TEMPLATE_KEYS of agreementTemplates.ts), if any. */
  template: z.enum(AGREEMENT_TEMPLATE_KEYS).nullable().optional(),
});
export type AgreementClauseInput = z.input<typeof AgreementClauseInput>;

export const AgreementObligationInput = z.strictObject({
  /**
   * An existing obligation; omitted: a new one. It keeps its tracking status unless its organization or
   * description changes (then it starts again: open, no note, version + 1). Field error `obligations.N.id`:
   * agreement_obligation_unknown (not of this agreement) / agreement_obligation_duplicate (sent twice).
   */
  id: z.uuid().optional(),
  /** One of the parties (field error `obligations.N.organizationId`: agreement_obligation_not_party). */
  organizationId: z.uuid(),
  description: requiredText(2000),
  dueOn: CalendarDate.nullable().optional(),
});
export type AgreementObligationInput = z.input<typeof AgreementObligationInput>;

const TextFields = {
  title: requiredText(300),
  /** Maksud dan tujuan. */
  purpose: optionalText(10000),
  /** Ruang lingkup. */
  scope: optionalText(10000),
  /** Menimbang: one consideration per line. */
  considerations: optionalText(10000),
  /** Pasal 1, 2, ... in this order. */
  clauses: z.array(AgreementClauseInput).max(100),
  obligations: z.array(AgreementObligationInput).max(200),
};

export const AgreementPartyInput = z.strictObject({
  organizationId: z.uuid(),
  signatoryName: optionalText(200),
  signatoryPosition: optionalText(200),
  /** The party's own number for the agreement in its register. */
  documentNumber: optionalText(200),
});
export type AgreementPartyInput = z.input<typeof AgreementPartyInput>;

// ── POST /api/agreements (manage:agreement) → 201 AgreementDetail ──
export const CreateAgreementRequest = z.strictObject({
  kind: z.enum(AGREEMENT_KINDS),
  /**
   * PKS: an MoU the caller sees, not terminated (field error `parentId`: agreement_parent_required /
   * agreement_parent_invalid). MoU: must be null/omitted (field error `parentId`: agreement_mou_no_parent).
   */
  parentId: z.uuid().nullable().optional(),
  ...TextFields,
  /**
   * In order: position 1 = PIHAK PERTAMA, ... At least 2 distinct organizations (field error `parties`:
   * agreement_parties_min / agreement_party_duplicate), including the caller's (field error `parties`:
   * agreement_own_party_required).
   */
  parties: z.array(AgreementPartyInput).max(20),
  /** Planned term (optional until signing); validUntil ≥ validFrom (field error `validUntil`: agreement_until_before_from). */
  validFrom: CalendarDate.nullable().optional(),
  validUntil: CalendarDate.nullable().optional(),
});
export type CreateAgreementRequest = z.input<typeof CreateAgreementRequest>;

// ── PUT /api/agreements/:agreementId/text (manage:agreement of a party) → AgreementDetail ──
// Identical text: nothing is written (same version). A different text: text_version + 1, a snapshot, and
// every party that had agreed the current version is asked again (its agreement outdated; `agreed` →
// `in_review`). Once submitted (not a draft) the text keeps ≥ 1 clause (field error `clauses`:
// agreement_clauses_required). 409 AGREEMENT_LOCKED once signed / terminated / renewed / discarded;
// 409 AGREEMENT_CHANGED on a stale version.
export const SaveAgreementTextRequest = z.strictObject({ ...TextFields, version: Version });
export type SaveAgreementTextRequest = z.input<typeof SaveAgreementTextRequest>;

// ── PUT /api/agreements/:agreementId/parties (manage:agreement of a party) → AgreementDetail ──
// Parties (same rules as create; the drafting organization cannot be removed: field error `parties`
// agreement_drafter_required), signatories, document numbers and the planned term. Not part of the text;
// in review or agreed, a change of membership, order or signatories withdraws every party's agreement (events
// agreement_outdated; the heads of those that had agreed, and of new parties, are asked to review; `agreed` →
// `in_review`); document numbers and the term alone do not. Once submitted, each party keeps its signatory
// name and position (field errors `parties.N.signatoryName` / `parties.N.signatoryPosition`). Obligations of
// a removed party: field error `parties` agreement_party_has_obligations. 409 AGREEMENT_LOCKED once signed /
// terminated / renewed / discarded.
export const SaveAgreementPartiesRequest = z.strictObject({
  parties: z.array(AgreementPartyInput).max(20),
  validFrom: CalendarDate.nullable().optional(),
  validUntil: CalendarDate.nullable().optional(),
  version: Version,
});
export type SaveAgreementPartiesRequest = z.input<typeof SaveAgreementPartiesRequest>;

// ── POST /api/agreements/:agreementId/submit (manage:agreement of a party) → AgreementDetail ──
// draft → in_review. Needs ≥ 2 parties, ≥ 1 clause, each party's signatory name and position (field errors
// `parties` / `clauses` / `parties.N.signatoryName` / `parties.N.signatoryPosition`). 409 AGREEMENT_NOT_DRAFT.
// ── POST /api/agreements/:agreementId/discard (manage:agreement of the DRAFTING organization) → AgreementDetail ──
// draft / in_review → discarded (read-only, hidden from the default list, no longer blocks a renewal).
// 403 AGREEMENT_DRAFTER_ONLY (another party); 409 AGREEMENT_NOT_DISCARDABLE (agreed or later), CHANGED.
export const VersionRequest = z.strictObject({ version: Version });
export type VersionRequest = z.input<typeof VersionRequest>;

// ── POST /api/agreements/:agreementId/agree (head/delegate of the caller's party) → AgreementDetail ──
export const AgreeAgreementRequest = z.strictObject({ version: Version, note: optionalText(2000) });
export type AgreeAgreementRequest = z.input<typeof AgreeAgreementRequest>;

// ── POST /api/agreements/:agreementId/request-changes (head/delegate of the caller's party) → AgreementDetail ──
// A note is required; the caller's party's agreement (if any) is withdrawn and `agreed` goes back to `in_review`.
export const RequestAgreementChangesRequest = z.strictObject({ version: Version, note: requiredText(2000) });
export type RequestAgreementChangesRequest = z.input<typeof RequestAgreementChangesRequest>;

// ── POST /api/agreements/:agreementId/sign (head/delegate of a party; multipart/form-data) → AgreementDetail ──
// Fields: signedOn, signedPlace, validFrom, validUntil, version, and the file part named `file` (the scan:
// PDF, JPEG or PNG by content, ≤ 10 MB; 413 DOCUMENT_TOO_LARGE). This schema checks the text fields.
// 409 AGREEMENT_NOT_IN_REVIEW (a draft), AGREEMENT_NOT_AGREED (params.parties: the parties missing),
// AGREEMENT_LOCKED (signed / terminated / renewed / discarded), AGREEMENT_CHANGED.
export const SignAgreementFields = z.strictObject({
  /** Not in the future (field error `signedOn`: agreement_signed_in_future). */
  signedOn: CalendarDate,
  signedPlace: requiredText(200),
  validFrom: CalendarDate,
  /** ≥ validFrom (field error `validUntil`: agreement_until_before_from). */
  validUntil: CalendarDate,
  version: z.coerce.number().int().min(1),
});
export type SignAgreementFields = z.input<typeof SignAgreementFields>;

// ── POST /api/agreements/:agreementId/terminate (head/delegate of a party) → AgreementDetail ──
export const TerminateAgreementRequest = z.strictObject({
  /**
   * Not in the future (field error `terminatedOn`: agreement_terminated_in_future), not before signedOn
   * (agreement_terminated_before_signed), not after validUntil (agreement_terminated_after_expiry).
   */
  terminatedOn: CalendarDate,
  reason: requiredText(2000),
  version: Version,
});
export type TerminateAgreementRequest = z.input<typeof TerminateAgreementRequest>;

// ── POST /api/agreements/:agreementId/renew (manage:agreement of a party) → 201 AgreementDetail (the new draft) ──
// From signed / in force / expired: a new draft with the same kind, parent, parties, clauses and
// obligations, renews_id = this one. This one becomes `renewed` when the new one is signed.
// (Body: VersionRequest.) 409 AGREEMENT_RENEWAL_EXISTS while a renewal that is not terminated or discarded
// exists (params.renewalId); 409 AGREEMENT_PARENT_INVALID for a PKS whose MoU the caller no longer sees or
// that is terminated / discarded.

// ── PUT /api/agreements/:agreementId/obligations/:obligationId (manage:agreement of the obligated organization) ──
export const UpdateObligationRequest = z.strictObject({
  status: z.enum(OBLIGATION_STATUSES),
  note: optionalText(2000),
  /** The obligation's version. */
  version: Version,
});
export type UpdateObligationRequest = z.input<typeof UpdateObligationRequest>;

// ── Responses ──

export const AgreementPartyView = z
  .object({
    id: z.uuid(),
    organization: Named.extend({ kind: z.enum(ORGANIZATION_KINDS) }),
    /** 1 = PIHAK PERTAMA ... */
    position: z.number().int(),
    signatoryName: z.string().nullable(),
    signatoryPosition: z.string().nullable(),
    documentNumber: z.string().nullable(),
    /** The text version it agreed (null: not yet). */
    agreedTextVersion: z.number().int().nullable(),
    agreedAt: z.iso.datetime({ offset: true }).nullable(),
    agreedByName: z.string().nullable(),
    /** It agreed the current text (agreedTextVersion = textVersion). */
    agreedCurrent: z.boolean(),
    /** It agreed an older text and is asked again. */
    agreementOutdated: z.boolean(),
    /** The caller may agree / sign / terminate for this party (head or live delegate of it). */
    canAct: z.boolean(),
  })
  .meta({ id: 'AgreementPartyView' });
export type AgreementPartyView = z.infer<typeof AgreementPartyView>;

export const AgreementClauseView = z
  .object({
    id: z.uuid(),
    /** Pasal n. */
    position: z.number().int(),
    heading: z.string(),
    body: z.string(),
    template: z.enum(AGREEMENT_TEMPLATE_KEYS).nullable(),
  })
  .meta({ id: 'AgreementClauseView' });
export type AgreementClauseView = z.infer<typeof AgreementClauseView>;

export const AgreementObligationView = z
  .object({
    id: z.uuid(),
    organization: Named,
    position: z.number().int(),
    description: z.string(),
    dueOn: z.iso.date().nullable(),
    status: z.enum(OBLIGATION_STATUSES),
    statusNote: z.string().nullable(),
    updatedByName: z.string().nullable(),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
    /** The caller's organization is the obligated one and the caller has manage:agreement. */
    canUpdate: z.boolean(),
  })
  .meta({ id: 'AgreementObligationView' });
export type AgreementObligationView = z.infer<typeof AgreementObligationView>;

export const AgreementEventView = z
  .object({
    id: z.uuid(),
    kind: z.enum(AGREEMENT_EVENT_KINDS),
    /** The party concerned (agreed, asked again, requested changes, ...), if any. */
    organizationName: z.string().nullable(),
    /** Null for the system (reminders). */
    actorName: z.string().nullable(),
    textVersion: z.number().int().nullable(),
    note: z.string().nullable(),
    at: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'AgreementEventView' });
export type AgreementEventView = z.infer<typeof AgreementEventView>;

export const AgreementVersionSummary = z
  .object({
    number: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'AgreementVersionSummary' });
export type AgreementVersionSummary = z.infer<typeof AgreementVersionSummary>;

/** What the caller may do now (buttons). */
export const AgreementActions = z
  .object({
    editText: z.boolean(),
    editParties: z.boolean(),
    submit: z.boolean(),
    agree: z.boolean(),
    requestChanges: z.boolean(),
    sign: z.boolean(),
    terminate: z.boolean(),
    renew: z.boolean(),
    /** Discard a draft / in-review agreement (manage staff of the drafting organization). */
    discard: z.boolean(),
    print: z.boolean(),
    downloadScan: z.boolean(),
  })
  .meta({ id: 'AgreementActions' });
export type AgreementActions = z.infer<typeof AgreementActions>;

export const AgreementChild = z
  .object({
    id: z.uuid(),
    kind: z.enum(AGREEMENT_KINDS),
    title: z.string(),
    effectiveStatus: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
    validFrom: z.iso.date().nullable(),
    validUntil: z.iso.date().nullable(),
  })
  .meta({ id: 'AgreementChild' });
export type AgreementChild = z.infer<typeof AgreementChild>;

// ── GET /api/agreements/:agreementId (read:agreement, a party) → AgreementDetail (audited agreement.viewed) ──
export const AgreementDetail = z
  .object({
    id: z.uuid(),
    kind: z.enum(AGREEMENT_KINDS),
    /** The MoU of a PKS (null when the caller's organization is not a party of the MoU). */
    parent: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    /** The drafting organization. */
    organization: Named,
    title: z.string(),
    purpose: z.string().nullable(),
    scope: z.string().nullable(),
    considerations: z.string().nullable(),
    status: z.enum(AGREEMENT_STATUSES),
    effectiveStatus: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
    textVersion: z.number().int(),
    validFrom: z.iso.date().nullable(),
    validUntil: z.iso.date().nullable(),
    signedOn: z.iso.date().nullable(),
    signedPlace: z.string().nullable(),
    signedByName: z.string().nullable(),
    /** The signed scan (download: GET /api/agreements/:id/scan). */
    signedScan: z
      .object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() })
      .nullable(),
    terminatedOn: z.iso.date().nullable(),
    terminationReason: z.string().nullable(),
    /**
     * The agreement this one renews, and the one that renews this one (the latest not discarded), if any and
     * only when the caller's organization is a party of it.
     */
    renews: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    renewedBy: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    /** Optimistic version of the agreement: send it back with every change. */
    version: z.number().int(),
    /** By position. */
    parties: z.array(AgreementPartyView),
    /** Names of the parties that have not agreed the current text (empty when all have). */
    partiesMissing: z.array(z.string()),
    /** By position (Pasal 1, 2, ...). */
    clauses: z.array(AgreementClauseView),
    /** By position. */
    obligations: z.array(AgreementObligationView),
    /** PKS under this MoU that the caller sees (discarded ones left out). */
    children: z.array(AgreementChild),
    /** Oldest first. */
    events: z.array(AgreementEventView),
    /** Text versions, oldest first. */
    versions: z.array(AgreementVersionSummary),
    actions: AgreementActions,
  })
  .meta({ id: 'AgreementDetail' });
export type AgreementDetail = z.infer<typeof AgreementDetail>;

// ── GET /api/agreements/:agreementId/pdf?language=id|en (read:agreement, a party) → application/pdf ──
// The text to sign (S4's renderer), in the given language (default: the caller's); audited agreement.printed.
export const AgreementPdfQuery = z.strictObject({ language: Language.optional() });
export type AgreementPdfQuery = z.input<typeof AgreementPdfQuery>;

// ── GET /api/agreements (read:agreement) → AgreementList ──
export const AgreementListQuery = PageQuery.extend({
  kind: z.enum(AGREEMENT_KINDS).optional(),
  /** The effective status. Without it, discarded agreements are left out; `discarded` lists only them. */
  status: z.enum(EFFECTIVE_AGREEMENT_STATUSES).optional(),
  /** In force (or signed, not yet in force) and valid_until within N days from today. */
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** PKS under this MoU. */
  parentId: z.uuid().optional(),
  /** Title contains (case-insensitive). */
  q: z.string().trim().max(100).optional(),
}).strict();
export type AgreementListQuery = z.input<typeof AgreementListQuery>;

export const AgreementListItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(AGREEMENT_KINDS),
    title: z.string(),
    /** The MoU of a PKS (null when the caller's organization is not a party of the MoU). */
    parent: z.object({ id: z.uuid(), title: z.string() }).nullable(),
    status: z.enum(AGREEMENT_STATUSES),
    effectiveStatus: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
    /** Party organizations by position. */
    parties: z.array(Named),
    validFrom: z.iso.date().nullable(),
    validUntil: z.iso.date().nullable(),
    /** Days from today to valid_until (negative: past), null without one. */
    daysLeft: z.number().int().nullable(),
    textVersion: z.number().int(),
    /** The caller's party has agreed the current text. */
    agreedByMe: z.boolean(),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'AgreementListItem' });
export type AgreementListItem = z.infer<typeof AgreementListItem>;

/** Sorted by valid_until (soonest first; none last), then title. */
export const AgreementList = z
  .object({
    items: z.array(AgreementListItem),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  })
  .meta({ id: 'AgreementList' });
export type AgreementList = z.infer<typeof AgreementList>;

// ── GET /api/agreements/me (read:agreement) → AgreementsMe ──
export const AgreementsMe = z
  .object({
    organization: Named,
    /** manage:agreement. */
    canManage: z.boolean(),
    /** approve:agreement (a head): may name delegates. */
    isHead: z.boolean(),
    /** A live delegate of the organization. */
    isDelegate: z.boolean(),
    /** May agree / sign / terminate for the organization (head or delegate). */
    canAct: z.boolean(),
  })
  .meta({ id: 'AgreementsMe' });
export type AgreementsMe = z.infer<typeof AgreementsMe>;

// ── Text versions and diff ──

/** The snapshot of a text version (GET /api/agreements/:agreementId/versions/:number). */
export const AgreementText = z
  .object({
    number: z.number().int(),
    title: z.string(),
    purpose: z.string().nullable(),
    scope: z.string().nullable(),
    considerations: z.string().nullable(),
    clauses: z.array(z.object({ position: z.number().int(), heading: z.string(), body: z.string() })),
    obligations: z.array(
      z.object({
        position: z.number().int(),
        organizationId: z.uuid(),
        organizationName: z.string(),
        description: z.string(),
        dueOn: z.iso.date().nullable(),
      }),
    ),
    createdAt: z.iso.datetime({ offset: true }),
    createdByName: z.string().nullable(),
  })
  .meta({ id: 'AgreementText' });
export type AgreementText = z.infer<typeof AgreementText>;

export const AgreementDiffQuery = z.strictObject({
  from: z.coerce.number().int().min(1),
  to: z.coerce.number().int().min(1),
});
export type AgreementDiffQuery = z.input<typeof AgreementDiffQuery>;

export const AGREEMENT_DIFF_SECTIONS = [
  'title',
  'purpose',
  'scope',
  'considerations',
  'clause',
  'obligation',
] as const;
export type AgreementDiffSectionKind = (typeof AGREEMENT_DIFF_SECTIONS)[number];

/** A run of words: unchanged, added (in `to`) or removed (from `from`). */
export const AgreementDiffPart = z.object({ value: z.string(), added: z.boolean(), removed: z.boolean() });
export type AgreementDiffPart = z.infer<typeof AgreementDiffPart>;

export const AgreementDiffSection = z
  .object({
    /** Judul, Maksud, Ruang lingkup, Menimbang, Pasal n, Kewajiban n (labels: the web's i18n). */
    kind: z.enum(AGREEMENT_DIFF_SECTIONS),
    /** Pasal / obligation number (in `to`, or in `from` when removed); null for the fixed sections. */
    position: z.number().int().nullable(),
    /** Pasal heading or the obligated organization's name (in `to`, else `from`). */
    heading: z.string().nullable(),
    change: z.enum(['added', 'removed', 'changed', 'unchanged']),
    /** Word-level diff of the section (clause: heading line + body; obligation: organization, description, due date). */
    parts: z.array(AgreementDiffPart),
  })
  .meta({ id: 'AgreementDiffSection' });
export type AgreementDiffSection = z.infer<typeof AgreementDiffSection>;

// ── GET /api/agreements/:agreementId/diff?from=1&to=2 → AgreementDiff ──
export const AgreementDiff = z
  .object({
    from: z.number().int(),
    to: z.number().int(),
    /** Every section in text order; `changed` false when the texts are identical. */
    changed: z.boolean(),
    sections: z.array(AgreementDiffSection),
  })
  .meta({ id: 'AgreementDiff' });
export type AgreementDiff = z.infer<typeof AgreementDiff>;

// ── Delegates ──

export const AgreementDelegate = z
  .object({
    id: z.uuid(),
    user: z.object({ id: z.uuid(), name: z.string(), position: z.string().nullable() }),
    namedByName: z.string(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    revokedAt: z.iso.datetime({ offset: true }).nullable(),
    revokedByName: z.string().nullable(),
  })
  .meta({ id: 'AgreementDelegate' });
export type AgreementDelegate = z.infer<typeof AgreementDelegate>;

// ── GET /api/agreement-delegates (read:agreement; the caller's organization) → AgreementDelegateList ──
export const AgreementDelegateList = z
  .object({
    /** Live first (newest first), then revoked. */
    items: z.array(AgreementDelegate),
    /** The caller is a head (approve:agreement): may name and revoke. */
    canManage: z.boolean(),
    /** Active staff of the organization who may be named (manage:agreement, not a head, not a live delegate). */
    candidates: z.array(z.object({ id: z.uuid(), name: z.string(), position: z.string().nullable() })),
  })
  .meta({ id: 'AgreementDelegateList' });
export type AgreementDelegateList = z.infer<typeof AgreementDelegateList>;

// ── POST /api/agreement-delegates (approve:agreement) → 201 AgreementDelegate ──
export const NameDelegateRequest = z.strictObject({
  /** An active user of the caller's organization with manage:agreement, not a head (field error `userId`: agreement_delegate_invalid; already a live delegate: agreement_delegate_exists). */
  userId: z.uuid(),
  note: optionalText(500),
});
export type NameDelegateRequest = z.input<typeof NameDelegateRequest>;

// ── POST /api/agreement-delegates/:delegateId/revoke (approve:agreement) → AgreementDelegate ──
// 404 AGREEMENT_DELEGATE_NOT_FOUND (other organization), 409 AGREEMENT_DELEGATE_REVOKED (already revoked).

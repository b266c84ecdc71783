import { z } from 'zod';
import { AGREEMENT_KINDS, EFFECTIVE_AGREEMENT_STATUSES } from './agreements.ts';
import { CalendarDate, PageQuery, pageOf } from './common.ts';
import { Contact, ContactInput } from './organizations.ts';
import { SECTORS } from './people.ts';

// Partners (mitra): organizations of kind partner with a partner profile (type, sectors, kelurahan,
// willingness to employ former inmates, the agreement (PKS) that binds them). Name, short name, address,
// phone, e-mail and contact persons are the organization's.
//
// A partner organization that has no profile yet (seeded before profiles existed) is listed with
// `type: null`, `sectors: []`, `willingToEmploy: 'unknown'`, `hasProfile: false` and `version: 0`; the
// first PATCH (with `version: 0`) creates its profile and must then name a `type` (field error `type`).

export const PARTNER_TYPES = [
  'umkm',
  'company',
  'cooperative',
  'training_provider',
  'ngo',
  'pokmas_lipas',
  'government_office',
] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
/** Willing to employ women after release (or during asimilasi). */
export const PARTNER_WILLINGNESS = ['yes', 'case_by_case', 'no', 'unknown'] as const;
export type PartnerWillingness = (typeof PARTNER_WILLINGNESS)[number];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

const partnerFields = {
  /** Unique among partners, case-insensitive: else 409 PARTNER_NAME_TAKEN with field error `name`. */
  name: z.string().trim().min(2).max(200),
  shortName: optionalText(60),
  address: optionalText(300),
  phone: optionalText(30),
  email: z.email().max(200).nullable().optional(),
  contacts: z.array(ContactInput).max(20),
  type: z.enum(PARTNER_TYPES),
  sectors: z
    .array(z.enum(SECTORS))
    .max(SECTORS.length)
    .refine((sectors) => new Set(sectors).size === sectors.length, {
      params: { key: 'partner_sector_duplicate' },
    }),
  /** Its kelurahan when one of the program's (organization of kind village; field error `village_not_host`). */
  villageId: z.uuid().nullable().optional(),
  description: optionalText(3000),
  willingToEmploy: z.enum(PARTNER_WILLINGNESS),
  willingnessNote: optionalText(1000),
  /** The PKS number; its dates: expires on or after signed (field error `partner_agreement_dates`). */
  agreementNumber: optionalText(100),
  agreementSignedOn: CalendarDate.nullable().optional(),
  agreementExpiresOn: CalendarDate.nullable().optional(),
};

/** POST /api/partners (kecamatan and kelurahan staff). */
export const CreatePartnerRequest = z.strictObject({
  ...partnerFields,
  contacts: partnerFields.contacts.default([]),
  sectors: partnerFields.sectors.default([]),
  willingToEmploy: partnerFields.willingToEmploy.default('unknown'),
});
export type CreatePartnerRequest = z.input<typeof CreatePartnerRequest>;

/**
 * PATCH /api/partners/:partnerId: only what changed (null clears an optional field); `contacts` and
 * `sectors`, when sent, replace the list. `version` is the partner profile's (0 when it has none yet).
 */
export const UpdatePartnerRequest = z.strictObject({
  /** Kecamatan and kelurahan staff only: a partner's staff sending it → field error `partner_name_fixed`. */
  name: partnerFields.name.optional(),
  shortName: partnerFields.shortName,
  address: partnerFields.address,
  phone: partnerFields.phone,
  email: partnerFields.email,
  contacts: partnerFields.contacts.optional(),
  type: partnerFields.type.optional(),
  sectors: partnerFields.sectors.optional(),
  villageId: partnerFields.villageId,
  description: partnerFields.description,
  willingToEmploy: partnerFields.willingToEmploy.optional(),
  willingnessNote: partnerFields.willingnessNote,
  agreementNumber: partnerFields.agreementNumber,
  agreementSignedOn: partnerFields.agreementSignedOn,
  agreementExpiresOn: partnerFields.agreementExpiresOn,
  version: z.number().int().min(0),
});
export type UpdatePartnerRequest = z.input<typeof UpdatePartnerRequest>;

export const PartnerParams = z.strictObject({ partnerId: z.uuid() });

export const PartnerListQuery = PageQuery.extend({
  /** Part of the name or short name. */
  q: z.string().trim().max(100).optional(),
  type: z.enum(PARTNER_TYPES).optional(),
  /** Partners working in this sector. */
  sector: z.enum(SECTORS).optional(),
  villageId: z.uuid().optional(),
  /** Willingness to employ (a partner without profile counts as unknown). */
  willing: z.enum(PARTNER_WILLINGNESS).optional(),
}).strict();
export type PartnerListQuery = z.input<typeof PartnerListQuery>;

const partnerListItemShape = {
  id: z.uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  /** null when the partner has no profile yet. */
  type: z.enum(PARTNER_TYPES).nullable(),
  sectors: z.array(z.enum(SECTORS)),
  villageId: z.uuid().nullable(),
  villageName: z.string().nullable(),
  address: z.string().nullable(),
  willingToEmploy: z.enum(PARTNER_WILLINGNESS),
  agreementNumber: z.string().nullable(),
  agreementExpiresOn: z.iso.date().nullable(),
  /**
   * There is an agreement number, it is signed (no date, or today or earlier) and not expired (no date,
   * or today or later; Asia/Jakarta).
   */
  agreementCurrent: z.boolean(),
  /** Its opportunities in status open. */
  openOpportunities: z.number().int(),
  hasProfile: z.boolean(),
};

export const PartnerListItem = z.object(partnerListItemShape).meta({ id: 'PartnerListItem' });
export type PartnerListItem = z.infer<typeof PartnerListItem>;

/** By name. A partner's staff get only her own organization. */
export const PartnerList = pageOf(PartnerListItem).meta({ id: 'PartnerList' });
export type PartnerList = z.infer<typeof PartnerList>;

/**
 * An agreement (MoU or PKS, not discarded) in Tata kelola → Kesepakatan that the partner and the caller's
 * organization are both party to (an organization sees an agreement only as a party).
 */
export const PartnerAgreement = z
  .object({
    id: z.uuid(),
    kind: z.enum(AGREEMENT_KINDS),
    title: z.string(),
    /** The effective status (signed / in force / expired from the validity dates). */
    status: z.enum(EFFECTIVE_AGREEMENT_STATUSES),
    validFrom: z.iso.date().nullable(),
    validUntil: z.iso.date().nullable(),
  })
  .meta({ id: 'PartnerAgreement' });
export type PartnerAgreement = z.infer<typeof PartnerAgreement>;

export const PartnerDetail = z
  .object({
    ...partnerListItemShape,
    phone: z.string().nullable(),
    email: z.string().nullable(),
    contacts: z.array(Contact),
    description: z.string().nullable(),
    willingnessNote: z.string().nullable(),
    agreementSignedOn: z.iso.date().nullable(),
    /** The profile's last change (null without a profile). */
    updatedAt: z.iso.datetime({ offset: true }).nullable(),
    /** The caller may change it (kecamatan: any; kelurahan: hers or those she added; partner: her own). */
    canEdit: z.boolean(),
    /** The profile's version; 0 when it has none yet. */
    version: z.number().int(),
    /**
     * Read-only: the agreements shared with the caller's organization, newest first (empty for a caller
     * who does not read agreements). The PKS fields above are free text kept from before.
     */
    agreements: z.array(PartnerAgreement),
  })
  .meta({ id: 'PartnerDetail' });
export type PartnerDetail = z.infer<typeof PartnerDetail>;

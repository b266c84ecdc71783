import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';
import { OFFENCE_CATEGORIES, SECTORS, SKILL_LEVELS } from './people.ts';

// Opportunities: what a partner offers in one of the program's kelurahan (a job, an apprenticeship,
// mentoring, tools or capital, a market stall, a training place), with its places, dates, working pattern,
// pay and the skills it asks for. A partner drafts her own; kelurahan and kecamatan staff create, edit, open
// and close those of their kelurahan; corrections staff review the restrictions (offences that rule a
// person out), which a partner never sees. `filled` is set by the placements module when the people placed
// reach the places.

export const OPPORTUNITY_KINDS = [
  'job_vacancy',
  'apprenticeship',
  'business_mentoring',
  'cooperative_membership',
  'tools_capital',
  'market_access',
  'training_place',
] as const;
export type OpportunityKind = (typeof OPPORTUNITY_KINDS)[number];

/** Kinds that cannot be opened without at least one required skill (the others may list none). */
export const OPPORTUNITY_KINDS_NEEDING_SKILLS: readonly OpportunityKind[] = ['job_vacancy', 'apprenticeship'];

/** draft → open (→ filled ↔ open, by the placements) → closed (with a reason) → reopened. */
export const OPPORTUNITY_STATUSES = ['draft', 'open', 'filled', 'closed'] as const;
export type OpportunityStatus = (typeof OPPORTUNITY_STATUSES)[number];

export const PAY_PERIODS = ['month', 'week', 'day', 'piece', 'one_off'] as const;
export type PayPeriod = (typeof PAY_PERIODS)[number];

/** The actions of `POST /api/opportunities/:id/status`. */
export const OPPORTUNITY_STATUS_ACTIONS = ['open', 'close', 'reopen'] as const;
export type OpportunityStatusAction = (typeof OPPORTUNITY_STATUS_ACTIONS)[number];

/** newest: created last first; start: earliest start first; closing: earliest closing date first; title: A–Z. */
export const OPPORTUNITY_SORTS = ['newest', 'start', 'closing', 'title'] as const;
export type OpportunitySort = (typeof OPPORTUNITY_SORTS)[number];

export const OPPORTUNITY_LIMITS = {
  places: { min: 1, max: 1000 },
  hoursPerWeek: { min: 1, max: 84 },
  /** Rupiah. */
  pay: { min: 0, max: 1_000_000_000 },
  skills: 20,
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const OpportunitySkillInput = z.strictObject({
  skillId: z.uuid(),
  /** The lowest level a candidate needs. */
  minLevel: z.enum(SKILL_LEVELS).default('basic'),
  /** false: an advantage, not a requirement. */
  essential: z.boolean().default(true),
});

const rupiah = z.number().int().min(OPPORTUNITY_LIMITS.pay.min).max(OPPORTUNITY_LIMITS.pay.max);

const opportunityFields = {
  /** One of the program's kelurahan (organization of kind village); staff: one they manage. */
  villageId: z.uuid(),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string().trim().min(3).max(200),
  description: optionalText(5000),
  sector: z.enum(SECTORS),
  /** Where the work happens (address or place name). */
  location: optionalText(300),
  places: z.number().int().min(OPPORTUNITY_LIMITS.places.min).max(OPPORTUNITY_LIMITS.places.max),
  startOn: CalendarDate,
  /** Last day to apply; not before startOn (field error `closesOn`). */
  closesOn: CalendarDate.nullable().optional(),
  hoursPerWeek: z
    .number()
    .int()
    .min(OPPORTUNITY_LIMITS.hoursPerWeek.min)
    .max(OPPORTUNITY_LIMITS.hoursPerWeek.max)
    .nullable()
    .optional(),
  /** Free text, e.g. "08.00–15.00, Senin–Jumat". */
  workHours: optionalText(200),
  shiftWork: z.boolean(),
  partTime: z.boolean(),
  flexible: z.boolean(),
  /** Rupiah; payMax not below payMin (field error `payMax`); a period is required with an amount. */
  payMin: rupiah.nullable().optional(),
  payMax: rupiah.nullable().optional(),
  payPeriod: z.enum(PAY_PERIODS).nullable().optional(),
  /** Work during the sentence under asimilasi is possible. */
  openToAsimilasi: z.boolean(),
  /** The skills asked for, in order; each once, each an active skill of the taxonomy. */
  skills: z.array(OpportunitySkillInput).max(OPPORTUNITY_LIMITS.skills),
};

/** Restriction fields: staff only (kelurahan, kecamatan); a partner's request carrying them is refused. */
const restrictionFields = {
  /** Offence categories that rule a person out (corrections staff review them). */
  restrictedOffences: z.array(z.enum(OFFENCE_CATEGORIES)).max(OFFENCE_CATEGORIES.length),
  restrictionNote: optionalText(2000),
};

/**
 * `POST /api/opportunities`. Kelurahan/kecamatan staff (manage:opportunity:organization) send `partnerId`
 * (an organization of kind partner) and may send restrictions and `open: true` to create it open at once
 * (it must then be complete, as when opening); otherwise it is created as a draft.
 * A partner (draft:opportunity:own) sends the `PartnerCreateOpportunityRequest` fields only: the
 * opportunity is always her organization's (`partnerId`, when sent, must be her own) and always a draft;
 * `open`, `restrictedOffences` or `restrictionNote` in her request → 400 UNKNOWN_FIELDS.
 */
export const CreateOpportunityRequest = z.strictObject({
  ...opportunityFields,
  /** Required for staff; a partner's opportunities are always her own organization's. */
  partnerId: z.uuid().optional(),
  shiftWork: opportunityFields.shiftWork.default(false),
  partTime: opportunityFields.partTime.default(false),
  flexible: opportunityFields.flexible.default(false),
  openToAsimilasi: opportunityFields.openToAsimilasi.default(false),
  skills: opportunityFields.skills.default([]),
  restrictedOffences: restrictionFields.restrictedOffences.optional(),
  restrictionNote: restrictionFields.restrictionNote,
  /** Staff only: create it open (sets opened by/at) instead of as a draft. */
  open: z.boolean().optional(),
});
export type CreateOpportunityRequest = z.input<typeof CreateOpportunityRequest>;

/** What a partner's form sends to `POST /api/opportunities` (the same route; no restrictions, never open). */
export const PartnerCreateOpportunityRequest = CreateOpportunityRequest.omit({
  partnerId: true,
  restrictedOffences: true,
  restrictionNote: true,
  open: true,
});
export type PartnerCreateOpportunityRequest = z.input<typeof PartnerCreateOpportunityRequest>;

/**
 * `PATCH /api/opportunities/:id`: only what changed, with the version read. `skills`, when sent, replaces
 * the list. Staff may change the kelurahan (to one they manage), the restrictions (changing them clears the
 * corrections review and bumps `restrictions.version` too) and the partner, but not once anyone has been
 * proposed for it (409 OPPORTUNITY_PARTNER_LOCKED, field error `partnerId`: the people in its pipeline
 * consented to that partner). A partner edits her drafts only, without restriction fields. Places may not
 * go below the people already placed (field error `places`).
 */
export const UpdateOpportunityRequest = z.strictObject({
  partnerId: z.uuid().optional(),
  villageId: opportunityFields.villageId.optional(),
  kind: opportunityFields.kind.optional(),
  title: opportunityFields.title.optional(),
  description: opportunityFields.description,
  sector: opportunityFields.sector.optional(),
  location: opportunityFields.location,
  places: opportunityFields.places.optional(),
  startOn: opportunityFields.startOn.optional(),
  closesOn: opportunityFields.closesOn,
  hoursPerWeek: opportunityFields.hoursPerWeek,
  workHours: opportunityFields.workHours,
  shiftWork: opportunityFields.shiftWork.optional(),
  partTime: opportunityFields.partTime.optional(),
  flexible: opportunityFields.flexible.optional(),
  payMin: opportunityFields.payMin,
  payMax: opportunityFields.payMax,
  payPeriod: opportunityFields.payPeriod,
  openToAsimilasi: opportunityFields.openToAsimilasi.optional(),
  skills: opportunityFields.skills.optional(),
  restrictedOffences: restrictionFields.restrictedOffences.optional(),
  restrictionNote: restrictionFields.restrictionNote,
  /** The version read; a stale one is refused with 409 VERSION_CONFLICT. */
  version: z.number().int().min(1),
});
export type UpdateOpportunityRequest = z.input<typeof UpdateOpportunityRequest>;

/** What a partner's form sends to `PATCH /api/opportunities/:id` (her drafts only). */
export const PartnerUpdateOpportunityRequest = UpdateOpportunityRequest.omit({
  partnerId: true,
  restrictedOffences: true,
  restrictionNote: true,
});
export type PartnerUpdateOpportunityRequest = z.input<typeof PartnerUpdateOpportunityRequest>;

/**
 * `POST /api/opportunities/:id/status` (kelurahan/kecamatan staff of its kelurahan; a partner: 403).
 * open: draft → open (complete: for job_vacancy and apprenticeship at least one skill; closing date not
 * passed). close: draft, open or filled → closed, `reason` required. reopen: closed → open (filled when the
 * placed people already reach the places; draft when it was never opened).
 */
export const OpportunityStatusRequest = z.strictObject({
  action: z.enum(OPPORTUNITY_STATUS_ACTIONS),
  /** Why it is closed: required for close (field error `reason`), ignored otherwise. */
  reason: optionalText(500),
  version: z.number().int().min(1),
});
export type OpportunityStatusRequest = z.input<typeof OpportunityStatusRequest>;

/**
 * `PUT /api/opportunities/:id/restrictions`: corrections staff (review:opportunity:all) review them. It
 * checks and bumps the restrictions' own version, never the opportunity's `version`, so a partner editing
 * her draft meanwhile is not refused (nor told that something she cannot see changed).
 */
export const OpportunityRestrictionsRequest = z.strictObject({
  offences: restrictionFields.restrictedOffences,
  note: restrictionFields.restrictionNote,
  /** `restrictions.version` as read; a stale one is refused with 409 VERSION_CONFLICT. */
  version: z.number().int().min(1),
});
export type OpportunityRestrictionsRequest = z.input<typeof OpportunityRestrictionsRequest>;

export const OpportunityParams = z.strictObject({ opportunityId: z.uuid() });

export const OpportunityListQuery = PageQuery.extend({
  villageId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  sector: z.enum(SECTORS).optional(),
  kind: z.enum(OPPORTUNITY_KINDS).optional(),
  status: z.enum(OPPORTUNITY_STATUSES).optional(),
  /** 'true': open ones with places left. */
  hasOpenPlaces: z.enum(['true']).optional(),
  /** Starting on or before this date. */
  startsBefore: CalendarDate.optional(),
  /** Part of the title, the description, the location or the partner's name. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(OPPORTUNITY_SORTS).default('newest'),
}).strict();
export type OpportunityListQuery = z.input<typeof OpportunityListQuery>;

export const OpportunitySkill = z.object({
  skillId: z.uuid(),
  code: z.string(),
  /** The Indonesian name of the skill. */
  nameId: z.string(),
  nameEn: z.string(),
  sector: z.enum(SECTORS),
  minLevel: z.enum(SKILL_LEVELS),
  essential: z.boolean(),
});
export type OpportunitySkill = z.infer<typeof OpportunitySkill>;

const opportunityListItemShape = {
  id: z.uuid(),
  partner: z.object({ id: z.uuid(), name: z.string() }),
  village: z.object({ id: z.uuid(), code: z.string().nullable(), name: z.string() }),
  kind: z.enum(OPPORTUNITY_KINDS),
  title: z.string(),
  sector: z.enum(SECTORS),
  location: z.string().nullable(),
  places: z.number().int(),
  /** People placed (placements at stage placed). */
  placedCount: z.number().int(),
  /** places − placedCount, never below 0. */
  placesLeft: z.number().int(),
  startOn: z.iso.date(),
  closesOn: z.iso.date().nullable(),
  hoursPerWeek: z.number().int().nullable(),
  shiftWork: z.boolean(),
  partTime: z.boolean(),
  flexible: z.boolean(),
  payMin: z.number().nullable(),
  payMax: z.number().nullable(),
  payPeriod: z.enum(PAY_PERIODS).nullable(),
  openToAsimilasi: z.boolean(),
  skills: z.array(OpportunitySkill),
  status: z.enum(OPPORTUNITY_STATUSES),
  updatedAt: z.iso.datetime({ offset: true }),
};

/** A row of the list. Never carries restrictions (for anyone). */
export const OpportunityListItem = z.object(opportunityListItemShape).meta({ id: 'OpportunityListItem' });
export type OpportunityListItem = z.infer<typeof OpportunityListItem>;

export const OpportunityList = pageOf(OpportunityListItem).meta({ id: 'OpportunityList' });
export type OpportunityList = z.infer<typeof OpportunityList>;

/** What corrections staff reviewed. The key is absent in every answer to a partner. */
export const OpportunityRestrictions = z.object({
  offences: z.array(z.enum(OFFENCE_CATEGORIES)),
  note: z.string().nullable(),
  reviewedAt: z.iso.datetime({ offset: true }).nullable(),
  /** The reviewer's name. */
  reviewedBy: z.string().nullable(),
  /** What `PUT /api/opportunities/:id/restrictions` sends back as `version` (not the opportunity's). */
  version: z.number().int(),
});
export type OpportunityRestrictions = z.infer<typeof OpportunityRestrictions>;

/** What the caller may do with this opportunity now (the server checks again on every request). */
export const OpportunityPermissions = z.object({
  /** Staff of its kelurahan (any status); its partner while it is a draft. */
  canEdit: z.boolean(),
  /** Staff of its kelurahan, while it is a draft. */
  canOpen: z.boolean(),
  /** Staff of its kelurahan, while it is a draft, open or filled. */
  canClose: z.boolean(),
  /** Staff of its kelurahan, while it is closed. */
  canReopen: z.boolean(),
  /** Corrections staff (review:opportunity:all). */
  canReviewRestrictions: z.boolean(),
  /** Corrections staff (propose:placement:organization), while it is open with places left. */
  canPropose: z.boolean(),
});
export type OpportunityPermissions = z.infer<typeof OpportunityPermissions>;

export const Opportunity = z
  .object({
    ...opportunityListItemShape,
    description: z.string().nullable(),
    workHours: z.string().nullable(),
    statusReason: z.string().nullable(),
    openedAt: z.iso.datetime({ offset: true }).nullable(),
    /** Names, not ids. */
    openedBy: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    createdBy: z.string().nullable(),
    version: z.number().int(),
    permissions: OpportunityPermissions,
    /** Absent (not null) for partners. */
    restrictions: OpportunityRestrictions.optional(),
  })
  .meta({ id: 'Opportunity' });
export type Opportunity = z.infer<typeof Opportunity>;

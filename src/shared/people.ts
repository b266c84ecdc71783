import { z } from 'zod';
import { CalendarDate, PageQuery, pageOf } from './common.ts';
import { ORGANIZATION_KINDS } from './permissions.ts';
import { Milestones } from './sentence.ts';

/** Vocabularies of the person record: codes in data, labels in the web's i18n (people.vocab.*). */
export const EDUCATION_LEVELS = ['none', 'sd', 'smp', 'sma', 'd1_d3', 's1', 's2_s3'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
/** Preferred and skill sectors; the training issue's taxonomy refines them. */
export const SECTORS = [
  'garment',
  'food',
  'beauty',
  'batik',
  'craft',
  'laundry',
  'urban_farming',
  'retail',
  'hospitality',
  'administration',
  'other',
] as const;
export const SKILL_LEVELS = ['basic', 'intermediate', 'competent'] as const;
export const SKILL_EVIDENCE = ['self_reported', 'trained', 'assessed', 'certified'] as const;
export const OFFENCE_CATEGORIES = [
  'narcotics',
  'theft',
  'fraud',
  'embezzlement',
  'corruption',
  'violence',
  'trafficking',
  'child_protection',
  'electronic_information',
  'other',
] as const;
export const REMISSION_KINDS = ['general', 'religious', 'decennial', 'other'] as const;
export const RELEASE_KINDS = ['expiry', 'parole', 'conditional_leave', 'pre_release_leave', 'other'] as const;
export const JOURNEY_STATUSES = [
  'in_custody',
  'pre_release',
  'released_supervised',
  'supervision_ended',
  'returned_to_custody',
] as const;
export type JourneyStatus = (typeof JOURNEY_STATUSES)[number];
/** What a consent lets a kelurahan or partner see of a person. */
export const FIELD_GROUPS = ['identity_contact', 'skills_training', 'availability_status', 'plan'] as const;
export type FieldGroup = (typeof FIELD_GROUPS)[number];
export const LINK_KINDS = ['referral', 'handover', 'proposal', 'placement'] as const;
export const SORTS = ['name', 'release_date', 'created_at', 'relevance'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();
const isoDate = z.iso.date();

export const Guarantor = z.object({
  name: text(150).min(1),
  relation: optionalText(80),
  address: optionalText(300),
  phone: optionalText(30),
});
export type Guarantor = z.infer<typeof Guarantor>;

export const WorkConstraints = z.object({
  childcare: z.boolean().optional(),
  partTimeOnly: z.boolean().optional(),
  health: optionalText(300),
});
export type WorkConstraints = z.infer<typeof WorkConstraints>;

// Response shapes carry no transforms (a response is encoded, and a transform cannot run backwards).
const GuarantorView = z.object({
  name: z.string(),
  relation: z.string().nullable(),
  address: z.string().nullable(),
  phone: z.string().nullable(),
});
const WorkConstraintsView = z.object({
  childcare: z.boolean().optional(),
  partTimeOnly: z.boolean().optional(),
  health: z.string().nullable().optional(),
});

export const PersonSkillInput = z.strictObject({
  name: text(120).min(1),
  sector: z.enum(SECTORS).nullable().optional(),
  level: z.enum(SKILL_LEVELS).default('basic'),
  note: optionalText(300),
});
export type PersonSkillInput = z.input<typeof PersonSkillInput>;

export const PersonSkill = z.object({
  id: z.uuid(),
  /** The taxonomy skill it maps onto (by name or alias), null when none; always sent by the server. */
  skillId: z.uuid().nullable().optional(),
  name: z.string(),
  sector: z.enum(SECTORS).nullable(),
  level: z.enum(SKILL_LEVELS),
  evidence: z.enum(SKILL_EVIDENCE),
  note: z.string().nullable(),
});
export type PersonSkill = z.infer<typeof PersonSkill>;

const KEMENDAGRI_VILLAGE = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/;
const PHONE = /^\+?[0-9 ()-]{6,20}$/;

/** The editable fields of a person; the same shape for create and edit (edit sends only what changed). */
const personFields = {
  fullName: text(150).min(2),
  aliases: z.array(text(150).min(1)).max(10).default([]),
  nik: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional(),
  birthPlace: optionalText(100),
  birthDate: isoDate.nullable().optional(),
  educationLevel: z.enum(EDUCATION_LEVELS).nullable().optional(),
  maritalStatus: z.enum(MARITAL_STATUSES).nullable().optional(),
  dependentChildren: z.number().int().min(0).max(30).nullable().optional(),
  phone: z
    .string()
    .trim()
    .transform((value) => (value === '' ? null : value))
    .pipe(z.string().regex(PHONE).nullable())
    .nullable()
    .optional(),
  guarantor: Guarantor.nullable().optional(),
  domicileAddress: optionalText(300),
  domicileVillageCode: z.string().trim().regex(KEMENDAGRI_VILLAGE).nullable().optional(),
  intendedVillageId: z.uuid().nullable().optional(),
  registrationNumber: optionalText(60),
  interests: optionalText(1000),
  preferredSectors: z.array(z.enum(SECTORS)).max(SECTORS.length).default([]),
  constraints: WorkConstraints.default({}),
  religion: optionalText(40),
  ethnicity: optionalText(60),
  skills: z.array(PersonSkillInput).max(50).default([]),
};

export const CreatePersonRequest = z.strictObject({
  ...personFields,
  /** The officer saw the warning about a similar name with the same birth date and saves anyway. */
  confirmSimilar: z.boolean().optional(),
});
export type CreatePersonRequest = z.input<typeof CreatePersonRequest>;
export type CreatePersonInput = z.output<typeof CreatePersonRequest>;

export const UpdatePersonRequest = z.strictObject({
  fullName: personFields.fullName.optional(),
  aliases: z.array(text(150).min(1)).max(10).optional(),
  nik: personFields.nik,
  birthPlace: personFields.birthPlace,
  birthDate: personFields.birthDate,
  educationLevel: personFields.educationLevel,
  maritalStatus: personFields.maritalStatus,
  dependentChildren: personFields.dependentChildren,
  phone: personFields.phone,
  guarantor: personFields.guarantor,
  domicileAddress: personFields.domicileAddress,
  domicileVillageCode: personFields.domicileVillageCode,
  intendedVillageId: personFields.intendedVillageId,
  registrationNumber: personFields.registrationNumber,
  interests: personFields.interests,
  preferredSectors: z.array(z.enum(SECTORS)).max(SECTORS.length).optional(),
  constraints: WorkConstraints.optional(),
  religion: personFields.religion,
  ethnicity: personFields.ethnicity,
  skills: z.array(PersonSkillInput).max(50).optional(),
  /** The version the editor read; a stale one is refused with 409 instead of overwriting. */
  version: z.number().int().min(1),
});
export type UpdatePersonRequest = z.input<typeof UpdatePersonRequest>;
export type UpdatePersonInput = z.output<typeof UpdatePersonRequest>;

const VillageRef = z.object({ code: z.string(), name: z.string().nullable() });
const OrganizationRef = z.object({ id: z.uuid(), name: z.string() });

export const PersonLink = z.object({
  id: z.uuid(),
  kind: z.enum(LINK_KINDS),
  organizationId: z.uuid(),
  organizationName: z.string(),
  organizationKind: z.enum(ORGANIZATION_KINDS),
  createdAt: z.iso.datetime({ offset: true }),
});

/**
 * A person as the caller may see her. Fields of a group the caller may not see are null (and named in
 * `hiddenGroups`); corrections-only fields are null for everyone outside prison and probation.
 */
export const Person = z
  .object({
    id: z.uuid(),
    /** Her name, or her initials when identity is not shared with the caller. */
    displayName: z.string(),
    fullName: z.string().nullable(),
    aliases: z.array(z.string()).nullable(),
    nik: z.string().nullable(),
    birthPlace: z.string().nullable(),
    birthDate: z.string().nullable(),
    educationLevel: z.enum(EDUCATION_LEVELS).nullable(),
    maritalStatus: z.enum(MARITAL_STATUSES).nullable(),
    dependentChildren: z.number().int().nullable(),
    phone: z.string().nullable(),
    guarantor: GuarantorView.nullable(),
    domicileAddress: z.string().nullable(),
    domicileVillage: VillageRef.nullable(),
    intendedVillage: OrganizationRef.nullable(),
    registrationNumber: z.string().nullable(),
    interests: z.string().nullable(),
    preferredSectors: z.array(z.enum(SECTORS)).nullable(),
    constraints: WorkConstraintsView.nullable(),
    religion: z.string().nullable(),
    ethnicity: z.string().nullable(),
    skills: z.array(PersonSkill).nullable(),
    status: z.enum(JOURNEY_STATUSES).nullable(),
    releaseDate: z.string().nullable(),
    organization: OrganizationRef,
    links: z.array(PersonLink),
    anonymized: z.boolean(),
    /** What the caller sees: corrections staff see everything, others only consented groups. */
    visibleGroups: z.array(z.enum(FIELD_GROUPS)),
    corrections: z.boolean(),
    canEdit: z.boolean(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.number().int(),
  })
  .meta({ id: 'Person' });
export type Person = z.infer<typeof Person>;

export const PersonListItem = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    registrationNumber: z.string().nullable(),
    birthDate: z.string().nullable(),
    status: z.enum(JOURNEY_STATUSES).nullable(),
    releaseDate: z.string().nullable(),
    domicileVillageName: z.string().nullable(),
    intendedVillageName: z.string().nullable(),
    organizationName: z.string(),
    skills: z.array(z.string()).nullable(),
  })
  .meta({ id: 'PersonListItem' });
export type PersonListItem = z.infer<typeof PersonListItem>;

const booleanFlag = z.enum(['true', 'false']);

export const PersonListQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(JOURNEY_STATUSES).optional(),
  releaseWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  /** Intended host kelurahan (an organization of kind village) or domicile by its Kemendagri code. */
  villageId: z.uuid().optional(),
  domicileVillageCode: z.string().regex(KEMENDAGRI_VILLAGE).optional(),
  skill: z.string().trim().max(100).optional(),
  sector: z.enum(SECTORS).optional(),
  organizationId: z.uuid().optional(),
  includeAnonymized: booleanFlag.optional(),
  sort: z.enum(SORTS).optional(),
  order: z.enum(['asc', 'desc']).optional(),
}).strict();
export type PersonListQuery = z.infer<typeof PersonListQuery>;
export const PersonList = pageOf(PersonListItem).extend({
  /** A name search counts at most 1,000 matches: true when there are more than `total`. */
  totalCapped: z.boolean(),
});
export type PersonList = z.infer<typeof PersonList>;

/** People with a similar name and the same birth date, shown as a warning before saving. */
export const SimilarPeopleQuery = z.strictObject({
  fullName: z.string().trim().min(2).max(150),
  birthDate: isoDate,
  excludeId: z.uuid().optional(),
});
export const SimilarPeople = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      birthDate: z.string().nullable(),
      registrationNumber: z.string().nullable(),
      similarity: z.number(),
    }),
  ),
});
export type SimilarPeople = z.infer<typeof SimilarPeople>;

// ── Custody and sentence (corrections staff only) ─────────────────────────────────────────────

export const Custody = z
  .object({
    offenceCategory: z.enum(OFFENCE_CATEGORIES).nullable(),
    courtDecisionNumber: z.string().nullable(),
    courtDecisionDate: z.string().nullable(),
    sentenceKind: z.enum(['fixed', 'life', 'death']),
    sentenceYears: z.number().int(),
    sentenceMonths: z.number().int(),
    sentenceDays: z.number().int(),
    fineAmount: z.number().nullable(),
    fineSubstituteMonths: z.number().int(),
    fineSubstituteDays: z.number().int(),
    finePaid: z.boolean(),
    detentionStartDate: z.string().nullable(),
    releaseKind: z.enum(RELEASE_KINDS).nullable(),
    releasedOn: z.string().nullable(),
    supervisionEndDate: z.string().nullable(),
    returnedOn: z.string().nullable(),
    /** A planned transfer to another facility ('yyyy-mm-dd'), if one is known. */
    transferPlannedOn: z.string().nullable(),
    transferDestination: z.string().nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Custody' });
export type Custody = z.infer<typeof Custody>;

export const SaveCustodyRequest = z.strictObject({
  offenceCategory: z.enum(OFFENCE_CATEGORIES).nullable().optional(),
  courtDecisionNumber: optionalText(100),
  courtDecisionDate: isoDate.nullable().optional(),
  sentenceKind: z.enum(['fixed', 'life', 'death']).default('fixed'),
  sentenceYears: z.number().int().min(0).max(100).default(0),
  sentenceMonths: z.number().int().min(0).max(11).default(0),
  sentenceDays: z.number().int().min(0).max(30).default(0),
  fineAmount: z.number().int().min(0).max(1e13).nullable().optional(),
  fineSubstituteMonths: z.number().int().min(0).max(12).default(0),
  fineSubstituteDays: z.number().int().min(0).max(30).default(0),
  finePaid: z.boolean().default(false),
  detentionStartDate: isoDate.nullable().optional(),
  releaseKind: z.enum(RELEASE_KINDS).nullable().optional(),
  releasedOn: isoDate.nullable().optional(),
  supervisionEndDate: isoDate.nullable().optional(),
  returnedOn: isoDate.nullable().optional(),
  /** A planned transfer to another facility; not before the detention start. */
  transferPlannedOn: CalendarDate.nullable().optional(),
  transferDestination: optionalText(150),
  /** 0 when no custody record exists yet; otherwise the version read. */
  version: z.number().int().min(0),
});
export type SaveCustodyRequest = z.input<typeof SaveCustodyRequest>;
export type SaveCustodyInput = z.output<typeof SaveCustodyRequest>;

export const Remission = z.object({
  id: z.uuid(),
  kind: z.enum(REMISSION_KINDS),
  days: z.number().int(),
  decreeNumber: z.string().nullable(),
  decreeDate: z.string(),
});
export type Remission = z.infer<typeof Remission>;
export const CreateRemissionRequest = z.strictObject({
  kind: z.enum(REMISSION_KINDS),
  days: z.number().int().min(1).max(366),
  decreeNumber: optionalText(100),
  decreeDate: isoDate,
});
export type CreateRemissionRequest = z.input<typeof CreateRemissionRequest>;

export const BehaviourScore = z.object({
  month: z.string(),
  score: z.number(),
  note: z.string().nullable(),
});
export type BehaviourScore = z.infer<typeof BehaviourScore>;
export const SaveBehaviourScoreRequest = z.strictObject({
  /** 'yyyy-mm' of the month scored. */
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/),
  score: z.number().min(0).max(100),
  note: optionalText(500),
});
export type SaveBehaviourScoreRequest = z.input<typeof SaveBehaviourScoreRequest>;

/** The computed milestones (the sentence engine's contract, src/shared/sentence.ts). */
export { type MilestoneItem as Milestone, Milestones } from './sentence.ts';

export const CustodyView = z
  .object({
    custody: Custody.nullable(),
    remissions: z.array(Remission),
    behaviourScores: z.array(BehaviourScore),
    milestones: Milestones.nullable(),
    status: z.enum(JOURNEY_STATUSES).nullable(),
  })
  .meta({ id: 'CustodyView' });
export type CustodyView = z.infer<typeof CustodyView>;

export const CreateReferralRequest = z.strictObject({
  organizationId: z.uuid(),
  note: optionalText(500),
});

// ── Timeline ───────────────────────────────────────────────────────────────────────────────────

export const TimelineEvent = z.object({
  id: z.string(),
  at: z.iso.datetime({ offset: true }),
  kind: z.string(),
  actorName: z.string().nullable(),
  organizationName: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;
export const TimelineQuery = PageQuery.strict();
export const Timeline = pageOf(TimelineEvent);
export type Timeline = z.infer<typeof Timeline>;

export const PersonIdParams = z.strictObject({ personId: z.uuid() });

/**
 * The journey status from dates alone (never typed by hand): returned → released under supervision or
 * supervision ended → pre-release (release within the window) → in custody.
 */
export function journeyStatus(
  dates: {
    releaseDate: string | null;
    releasedOn: string | null;
    supervisionEndDate: string | null;
    returnedOn: string | null;
  },
  windowDays: number,
  today: string,
): JourneyStatus {
  if (
    dates.returnedOn &&
    dates.returnedOn <= today &&
    (!dates.releasedOn || dates.returnedOn >= dates.releasedOn)
  )
    return 'returned_to_custody';
  if (dates.releasedOn && dates.releasedOn <= today) {
    return dates.supervisionEndDate && dates.supervisionEndDate > today
      ? 'released_supervised'
      : 'supervision_ended';
  }
  // Freed at the end of the sentence without a recorded release: free, with no supervision to follow.
  if (dates.releaseDate && dates.releaseDate <= today) return 'supervision_ended';
  if (dates.releaseDate && daysBetween(today, dates.releaseDate) <= windowDays) return 'pre_release';
  return 'in_custody';
}

/** Whole days from `from` to `to` (both 'yyyy-mm-dd'). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

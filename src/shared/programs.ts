import { z } from 'zod';
import { PageQuery, pageOf } from './common.ts';
import { SECTORS, SKILL_LEVELS } from './people.ts';

// Training programs: the catalogue of a prison's work-training section. A program teaches skills of the
// taxonomy to a level, is given by the prison's own workshop or a partner (BLK, LSP, ...), has instructors,
// competency units, a length, a default capacity, eligibility rules and a certification path.

/** none: no certificate; lsp_bnsp: a competency test by an LSP licensed by BNSP; provider: the provider's own. */
export const CERTIFICATION_PATHS = ['none', 'lsp_bnsp', 'provider'] as const;
export type CertificationPath = (typeof CERTIFICATION_PATHS)[number];
/** The provider is the prison's own workshop or a partner organization. */
export const PROVIDER_KINDS = ['prison', 'partner'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const PROGRAM_LIMITS = {
  sessionsCount: { min: 1, max: 500 },
  hoursTotal: { min: 0.5, max: 2000 },
  defaultCapacity: { min: 1, max: 200 },
  minBehaviourScore: { min: 0, max: 100 },
  minDaysLeftToServe: { min: 0, max: 3650 },
} as const;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

export const ProgramSkillInput = z.strictObject({
  skillId: z.uuid(),
  /** The level a participant reaches by completing the program. */
  level: z.enum(SKILL_LEVELS),
});

/** An instructor: a user account (of the prison or of the provider partner), or a named outsider. */
export const ProgramInstructorInput = z.strictObject({
  userId: z.uuid().nullable().optional(),
  /** Required when there is no userId; for a user her account's full name is used. */
  name: optionalText(150),
});

/** A competency unit; send the id of an existing unit to keep it (its assessments stay attached). */
export const ProgramUnitInput = z.strictObject({
  id: z.uuid().optional(),
  code: optionalText(40),
  title: z.string().trim().min(1).max(300),
  skillId: z.uuid().nullable().optional(),
});

export const EligibilityInput = z.strictObject({
  /** Days she must still have to serve; null: the cohort's length in days. */
  minDaysLeftToServe: z
    .number()
    .int()
    .min(PROGRAM_LIMITS.minDaysLeftToServe.min)
    .max(PROGRAM_LIMITS.minDaysLeftToServe.max)
    .nullable()
    .optional(),
  /** Lowest last monthly behaviour score (SPPN); null: no minimum. */
  minBehaviourScore: z
    .number()
    .min(PROGRAM_LIMITS.minBehaviourScore.min)
    .max(PROGRAM_LIMITS.minBehaviourScore.max)
    .nullable()
    .optional(),
});

const programFields = {
  name: z.string().trim().min(3).max(150),
  description: optionalText(3000),
  /** The prison itself (its own workshop) or an organization of kind partner. */
  providerOrganizationId: z.uuid(),
  /** At least one (checked by the server: field error `skills`). */
  skills: z.array(ProgramSkillInput).max(20),
  instructors: z.array(ProgramInstructorInput).max(20),
  units: z.array(ProgramUnitInput).max(60),
  sessionsCount: z.number().int().min(PROGRAM_LIMITS.sessionsCount.min).max(PROGRAM_LIMITS.sessionsCount.max),
  hoursTotal: z.number().min(PROGRAM_LIMITS.hoursTotal.min).max(PROGRAM_LIMITS.hoursTotal.max),
  defaultCapacity: z
    .number()
    .int()
    .min(PROGRAM_LIMITS.defaultCapacity.min)
    .max(PROGRAM_LIMITS.defaultCapacity.max),
  eligibility: EligibilityInput,
  certification: z.enum(CERTIFICATION_PATHS),
  /** The LSP or the provider that certifies (free text). */
  certificationBody: optionalText(200),
  active: z.boolean(),
};

export const CreateProgramRequest = z.strictObject({
  ...programFields,
  instructors: programFields.instructors.default([]),
  units: programFields.units.default([]),
  eligibility: programFields.eligibility.default({}),
  certification: programFields.certification.default('none'),
  active: programFields.active.default(true),
});
export type CreateProgramRequest = z.input<typeof CreateProgramRequest>;

/** Only what changed; skills, instructors and units, when sent, replace the whole list. */
export const UpdateProgramRequest = z.strictObject({
  name: programFields.name.optional(),
  description: programFields.description,
  providerOrganizationId: programFields.providerOrganizationId.optional(),
  skills: programFields.skills.optional(),
  instructors: programFields.instructors.optional(),
  units: programFields.units.optional(),
  sessionsCount: programFields.sessionsCount.optional(),
  hoursTotal: programFields.hoursTotal.optional(),
  defaultCapacity: programFields.defaultCapacity.optional(),
  eligibility: programFields.eligibility.optional(),
  certification: programFields.certification.optional(),
  certificationBody: programFields.certificationBody,
  /** false takes the program out of the catalogue (programs are never deleted). */
  active: programFields.active.optional(),
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateProgramRequest = z.input<typeof UpdateProgramRequest>;

export const ProgramParams = z.strictObject({ programId: z.uuid() });

export const ProgramListQuery = PageQuery.extend({
  /** Part of the program's or the provider's name. */
  q: z.string().trim().max(100).optional(),
  /** Programs teaching a skill of this sector. */
  sector: z.enum(SECTORS).optional(),
  active: z.enum(['true', 'false']).optional(),
}).strict();
export type ProgramListQuery = z.input<typeof ProgramListQuery>;

export const ProgramSkill = z.object({
  skillId: z.uuid(),
  code: z.string(),
  /** The Indonesian name of the skill. */
  name: z.string(),
  nameEn: z.string(),
  sector: z.enum(SECTORS),
  level: z.enum(SKILL_LEVELS),
});
export type ProgramSkill = z.infer<typeof ProgramSkill>;

const programListItemShape = {
  id: z.uuid(),
  name: z.string(),
  providerName: z.string(),
  providerKind: z.enum(PROVIDER_KINDS),
  skills: z.array(ProgramSkill),
  sessionsCount: z.number().int(),
  hoursTotal: z.number(),
  defaultCapacity: z.number().int(),
  certification: z.enum(CERTIFICATION_PATHS),
  active: z.boolean(),
  /** Cohorts planned, enrolling or running. */
  openCohorts: z.number().int(),
  /** Requests and referrals waiting (pending or approved). */
  waitlist: z.number().int(),
};

export const ProgramListItem = z.object(programListItemShape).meta({ id: 'ProgramListItem' });
export type ProgramListItem = z.infer<typeof ProgramListItem>;

export const ProgramList = pageOf(ProgramListItem);
export type ProgramList = z.infer<typeof ProgramList>;

export const ProgramInstructor = z.object({
  id: z.uuid(),
  userId: z.uuid().nullable(),
  name: z.string(),
});
export type ProgramInstructor = z.infer<typeof ProgramInstructor>;

export const ProgramUnit = z.object({
  id: z.uuid(),
  code: z.string().nullable(),
  title: z.string(),
  skillId: z.uuid().nullable(),
  position: z.number().int(),
});
export type ProgramUnit = z.infer<typeof ProgramUnit>;

export const Eligibility = z.object({
  minDaysLeftToServe: z.number().int().nullable(),
  minBehaviourScore: z.number().nullable(),
});
export type Eligibility = z.infer<typeof Eligibility>;

export const Program = z
  .object({
    ...programListItemShape,
    description: z.string().nullable(),
    provider: z.object({ id: z.uuid(), name: z.string(), kind: z.enum(PROVIDER_KINDS) }),
    instructors: z.array(ProgramInstructor),
    units: z.array(ProgramUnit),
    eligibility: Eligibility,
    certificationBody: z.string().nullable(),
    /** The caller may edit it (manage:training:organization). */
    canManage: z.boolean(),
    version: z.number().int(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'Program' });
export type Program = z.infer<typeof Program>;

export const InstructorOptionsQuery = z.strictObject({
  /** The provider partner whose staff may teach too; the prison's own staff are always offered. */
  providerOrganizationId: z.uuid().optional(),
});

export const InstructorOption = z.object({
  userId: z.uuid(),
  fullName: z.string(),
  organizationName: z.string(),
});
export type InstructorOption = z.infer<typeof InstructorOption>;

export const InstructorOptions = z.array(InstructorOption).meta({ id: 'InstructorOptions' });
export type InstructorOptions = z.infer<typeof InstructorOptions>;

import { z } from 'zod';
import { SECTORS, type SKILL_LEVELS } from './people.ts';

// The skills taxonomy: sectors are the fixed vocabulary `SECTORS`; skills are data an administrator edits
// (seeded from the programs LPP Semarang runs). Self-reported skills map onto it by name or alias.

export type Sector = (typeof SECTORS)[number];
export type SkillLevel = (typeof SKILL_LEVELS)[number];

/** A skill code: lower-case words joined by dots, e.g. `garment.sewing`. */
export const SKILL_CODE_PATTERN = /^[a-z0-9_]+(\.[a-z0-9_]+)*$/;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => (value === '' ? null : value))
    .nullable()
    .optional();

/** What each level means for one skill, in plain words (any level may be left out). */
export const LevelDescriptionsInput = z.strictObject({
  basic: optionalText(500),
  intermediate: optionalText(500),
  competent: optionalText(500),
});

const skillFields = {
  sector: z.enum(SECTORS),
  /** Checked against SKILL_CODE_PATTERN by the server (a field error that shows an example). */
  code: z.string().trim().min(3).max(60),
  nameId: z.string().trim().min(2).max(120),
  nameEn: z.string().trim().min(2).max(120),
  skkniReference: optionalText(120),
  description: optionalText(1000),
  levelDescriptions: LevelDescriptionsInput.optional(),
  /** Names under which people report this skill; stored lower-case, duplicates dropped. */
  aliases: z.array(z.string().trim().min(1).max(120)).max(30).optional(),
  active: z.boolean().optional(),
};

export const CreateSkillRequest = z.strictObject(skillFields);
export type CreateSkillRequest = z.input<typeof CreateSkillRequest>;

export const UpdateSkillRequest = z.strictObject({
  sector: skillFields.sector.optional(),
  code: skillFields.code.optional(),
  nameId: skillFields.nameId.optional(),
  nameEn: skillFields.nameEn.optional(),
  skkniReference: skillFields.skkniReference,
  description: skillFields.description,
  levelDescriptions: skillFields.levelDescriptions,
  aliases: skillFields.aliases,
  /** false deactivates the skill (skills are never deleted: programs and people refer to them). */
  active: skillFields.active,
  /** The version read; a stale one is refused with 409. */
  version: z.number().int().min(1),
});
export type UpdateSkillRequest = z.input<typeof UpdateSkillRequest>;

export const SkillParams = z.strictObject({ skillId: z.uuid() });

export const SkillListQuery = z.strictObject({
  /** Also the deactivated skills: honoured only for administrators (manage:skill:all). */
  includeInactive: z.enum(['true', 'false']).optional(),
});

export const LevelDescriptions = z.object({
  basic: z.string().optional(),
  intermediate: z.string().optional(),
  competent: z.string().optional(),
});
export type LevelDescriptions = z.infer<typeof LevelDescriptions>;

export const Skill = z
  .object({
    id: z.uuid(),
    sector: z.enum(SECTORS),
    code: z.string(),
    nameId: z.string(),
    nameEn: z.string(),
    skkniReference: z.string().nullable(),
    description: z.string().nullable(),
    levelDescriptions: LevelDescriptions,
    aliases: z.array(z.string()),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'Skill' });
export type Skill = z.infer<typeof Skill>;

/** The taxonomy by sector, in `SECTORS` order (sectors without skills left out), skills by name. */
export const SkillTaxonomy = z
  .object({
    sectors: z.array(z.object({ sector: z.enum(SECTORS), skills: z.array(Skill) })),
  })
  .meta({ id: 'SkillTaxonomy' });
export type SkillTaxonomy = z.infer<typeof SkillTaxonomy>;

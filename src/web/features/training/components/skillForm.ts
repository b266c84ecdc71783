import type { SECTORS } from '../../../../shared/people.ts';
import type { CreateSkillRequest, Skill, UpdateSkillRequest } from '../../../../shared/skills.ts';

type Sector = (typeof SECTORS)[number];

/** The skill modal's values: text inputs hold '' where the API takes null. */
export interface SkillFormValues {
  sector: Sector | null;
  code: string;
  nameId: string;
  nameEn: string;
  skkniReference: string;
  description: string;
  levelDescriptions: { basic: string; intermediate: string; competent: string };
  aliases: string[];
  active: boolean;
}

export function skillFormValues(skill: Skill | null, sector: Sector | null = null): SkillFormValues {
  return {
    sector: skill?.sector ?? sector,
    code: skill?.code ?? '',
    nameId: skill?.nameId ?? '',
    nameEn: skill?.nameEn ?? '',
    skkniReference: skill?.skkniReference ?? '',
    description: skill?.description ?? '',
    levelDescriptions: {
      basic: skill?.levelDescriptions.basic ?? '',
      intermediate: skill?.levelDescriptions.intermediate ?? '',
      competent: skill?.levelDescriptions.competent ?? '',
    },
    aliases: skill?.aliases ?? [],
    active: skill?.active ?? true,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** The request body of a new skill; the sector must have been chosen (the form checks it first). */
export function createSkillRequest(values: SkillFormValues): CreateSkillRequest {
  return {
    sector: values.sector as Sector,
    code: values.code.trim(),
    nameId: values.nameId.trim(),
    nameEn: values.nameEn.trim(),
    skkniReference: orNull(values.skkniReference),
    description: orNull(values.description),
    levelDescriptions: {
      basic: orNull(values.levelDescriptions.basic),
      intermediate: orNull(values.levelDescriptions.intermediate),
      competent: orNull(values.levelDescriptions.competent),
    },
    aliases: uniqueAliases(values.aliases),
    active: values.active,
  };
}

export function updateSkillRequest(values: SkillFormValues, version: number): UpdateSkillRequest {
  return { ...createSkillRequest(values), version };
}

/** Aliases are matched lower-case: trimmed, lower-cased, empty and repeated ones dropped, order kept. */
export function uniqueAliases(aliases: readonly string[]): string[] {
  const seen = new Set<string>();
  const result: string[] = [];
  for (const alias of aliases) {
    const value = alias.trim().toLowerCase();
    if (value === '' || seen.has(value)) continue;
    seen.add(value);
    result.push(value);
  }
  return result;
}

/** A suggested code for a new skill: the sector and the name in lower-case words, e.g. `garment.sewing`. */
export function suggestedCode(sector: Sector | null, nameEn: string): string {
  const words = nameEn
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!sector || !words) return '';
  return `${sector}.${words}`.slice(0, 60);
}

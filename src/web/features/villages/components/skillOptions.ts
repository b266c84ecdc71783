import type { SECTORS } from '../../../../shared/people.ts';
import type { SkillTaxonomy } from '../../../../shared/skills.ts';

type Sector = (typeof SECTORS)[number];

/** A skill already on the profile: kept selectable even when the taxonomy no longer offers it. */
export interface ChosenSkill {
  id: string;
  sector: Sector;
  name: string;
  nameEn: string;
}

export interface SkillCatalogue {
  /** The skills of one sector as select items, by name as the taxonomy orders them. */
  optionsFor: (sector: Sector | null) => { value: string; label: string }[];
  /** The sector a skill belongs to. */
  sectorOf: (skillId: string) => Sector | undefined;
}

/**
 * The taxonomy's skills by sector (a row's skill select offers only its sector's), with the skills already
 * chosen on the profile added to their sector when the taxonomy no longer has them.
 */
export function skillCatalogue(
  taxonomy: SkillTaxonomy | undefined,
  chosen: readonly ChosenSkill[],
  language: string,
): SkillCatalogue {
  const english = language === 'en';
  const bySector = new Map<Sector, { value: string; label: string }[]>();
  const sectors = new Map<string, Sector>();
  for (const group of taxonomy?.sectors ?? []) {
    bySector.set(
      group.sector,
      group.skills.map((skill) => {
        sectors.set(skill.id, group.sector);
        return { value: skill.id, label: english ? skill.nameEn : skill.nameId };
      }),
    );
  }
  for (const skill of chosen) {
    if (sectors.has(skill.id)) continue;
    sectors.set(skill.id, skill.sector);
    bySector.set(skill.sector, [
      ...(bySector.get(skill.sector) ?? []),
      { value: skill.id, label: english ? skill.nameEn : skill.name },
    ]);
  }
  return {
    optionsFor: (sector) => (sector ? (bySector.get(sector) ?? []) : []),
    sectorOf: (skillId) => sectors.get(skillId),
  };
}

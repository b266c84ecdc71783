import { SECTORS } from '../../../shared/people.ts';
import type { Sector, Skill, SkillTaxonomy } from '../../../shared/skills.ts';
import type { SkillRow } from './skills.repository.ts';

export function presentSkill(row: SkillRow): Skill {
  const levels = row.level_descriptions ?? {};
  return {
    id: row.id,
    sector: row.sector as Sector,
    code: row.code,
    nameId: row.name_id,
    nameEn: row.name_en,
    skkniReference: row.skkni_reference,
    description: row.description,
    levelDescriptions: {
      ...(levels.basic && { basic: levels.basic }),
      ...(levels.intermediate && { intermediate: levels.intermediate }),
      ...(levels.competent && { competent: levels.competent }),
    },
    aliases: row.aliases ?? [],
    active: row.active,
    version: row.version,
  };
}

/** Skills grouped by sector in `SECTORS` order; a sector without skills is left out. Rows come by name. */
export function presentTaxonomy(rows: SkillRow[]): SkillTaxonomy {
  return {
    sectors: SECTORS.map((sector) => ({
      sector,
      skills: rows.filter((row) => row.sector === sector).map(presentSkill),
    })).filter((group) => group.skills.length > 0),
  };
}

import type { Skill } from '../../../../shared/skills.ts';

/** Lower-case and without diacritics, so "Tata busana" and "tata búsana" compare equal. */
export function foldText(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim();
}

/** Whether every word typed appears in the skill's names, code, SKKNI reference or aliases. */
export function matchesSkill(
  skill: Pick<Skill, 'code' | 'nameId' | 'nameEn' | 'skkniReference' | 'aliases'>,
  search: string,
): boolean {
  const words = foldText(search).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = foldText(
    [skill.code, skill.nameId, skill.nameEn, skill.skkniReference ?? '', ...skill.aliases].join(' '),
  );
  return words.every((word) => haystack.includes(word));
}

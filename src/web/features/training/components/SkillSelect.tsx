import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SECTORS } from '../../../../shared/people.ts';
import type { SkillTaxonomy } from '../../../../shared/skills.ts';
import { EMPTY } from '../../../lib/format.ts';

/** A skill already chosen that the taxonomy no longer offers (deactivated since). */
export interface KnownSkill {
  id: string;
  name: string;
  sector: (typeof SECTORS)[number];
}

/** Select options grouped by sector, in the taxonomy's order; known skills missing from it are added. */
export function useSkillOptions(taxonomy: SkillTaxonomy | undefined, known: readonly KnownSkill[] = []) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const offered = new Set<string>();
  const bySector = new Map<string, { value: string; label: string }[]>();
  for (const group of taxonomy?.sectors ?? []) {
    bySector.set(
      group.sector,
      group.skills.map((skill) => {
        offered.add(skill.id);
        return { value: skill.id, label: english ? skill.nameEn : skill.nameId };
      }),
    );
  }
  for (const skill of known) {
    if (offered.has(skill.id)) continue;
    offered.add(skill.id);
    bySector.set(skill.sector, [
      ...(bySector.get(skill.sector) ?? []),
      { value: skill.id, label: skill.name },
    ]);
  }
  return SECTORS.filter((sector) => (bySector.get(sector) ?? []).length > 0).map((sector) => ({
    group: t(`people.vocab.sector.${sector}`),
    items: bySector.get(sector) ?? [],
  }));
}

/** A searchable skill picker grouped by sector. */
export function SkillSelect({
  options,
  ...props
}: Omit<SelectProps, 'data'> & { options: ReturnType<typeof useSkillOptions> }) {
  const { t } = useTranslation();
  return (
    <Select
      searchable
      placeholder={t('training.choose')}
      nothingFoundMessage={EMPTY}
      {...props}
      data={options}
    />
  );
}

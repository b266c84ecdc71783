/** Placeholder until the training screens land. */
export function SkillTaxonomyPage() {
  return null;
}

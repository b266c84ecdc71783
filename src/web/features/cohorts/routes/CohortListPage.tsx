/** Placeholder until the cohort screens land. */
export function CohortListPage() {
  return null;
}

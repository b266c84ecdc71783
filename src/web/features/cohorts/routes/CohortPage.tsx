/** Placeholder until the cohort screens land. */
export function CohortPage() {
  return null;
}

/** Placeholder until the cohort screens land. */
export function CohortFormPage() {
  return null;
}

/** Placeholder until the ResultsTab lands: the cohort page renders it for one cohort. */
export function ResultsTab({ cohortId }: { cohortId: string }) {
  return cohortId ? null : null;
}

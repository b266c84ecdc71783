/** Placeholder until the AttendanceTab lands: the cohort page renders it for one cohort. */
export function AttendanceTab({ cohortId }: { cohortId: string }) {
  return cohortId ? null : null;
}

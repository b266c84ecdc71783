/** Placeholder (issue 9): replaced by the insight web helpers. */
export function MonthlyReportPage() {
  return null;
}

import type { DashboardResponse, FunnelStage, OutcomeCohort } from '../../../../../shared/insight.ts';
import type { CsvValue } from '../../../../lib/csv.ts';
import { formatCount, formatPercent, formatQuarter } from '../../format.ts';

// The dashboard's answer as the rows its charts, tables and CSV files show (pure: unit-tested).

export interface FunnelRow {
  stage: FunnelStage;
  label: string;
  count: number | null;
  conversion: number | null;
  shareOfFirst: number | null;
}

/** The funnel's steps in order, each with its label. */
export function funnelRows(
  funnel: DashboardResponse['funnel'],
  label: (stage: FunnelStage) => string,
): FunnelRow[] {
  return funnel.map((step) => ({ ...step, label: label(step.stage) }));
}

/** Whether any figure of the list is known and above zero (else the chart would be empty bars). */
export function anyAboveZero(values: readonly (number | null)[]): boolean {
  return values.some((value) => value !== null && value > 0);
}

/** Whether any count is hidden. */
export function anyHidden(values: readonly (number | null)[]): boolean {
  return values.some((value) => value === null);
}

// ── Outcomes by release cohort ──

export interface OutcomeWords {
  /** "belum" / "not yet": the window is not reached. */
  notReached: string;
  /** "{{part}} dari {{whole}}": joins two counts. */
  of: (part: string, whole: string) => string;
  /** "< 5 pemeriksaan": the checks themselves are hidden (so are the working and the rate). */
  fewChecks: string;
}

type WorkCell = OutcomeCohort['working'][number];
type ReturnCell = OutcomeCohort['returned'][number];

/**
 * A work window's cell in words: `62,5% (5 dari 8)`, `belum`, `—` (no checks yet), `— (< 5 pemeriksaan)`
 * (checks hidden), other hidden parts `< 5`.
 */
export function workCellText(cell: WorkCell, language: string, words: OutcomeWords): string {
  if (cell === null) return words.notReached;
  if (cell.checks === 0) return '—';
  if (cell.checks === null) return `— (${words.fewChecks})`;
  const counts = words.of(formatCount(cell.working, language), formatCount(cell.checks, language));
  return `${formatPercent(cell.rate, language)} (${counts})`;
}

/** A return window's cell in words: `9,1% (< 5)`, `belum`. */
export function returnCellText(cell: ReturnCell, language: string, words: OutcomeWords): string {
  if (cell === null) return words.notReached;
  return `${formatPercent(cell.rate, language)} (${formatCount(cell.returned, language)})`;
}

/** The outcomes table as shown on the page: one row per release quarter, each window one cell of words. */
export function outcomeTableRows(
  outcomes: DashboardResponse['outcomes'],
  language: string,
  words: OutcomeWords,
): Record<string, CsvValue>[] {
  return outcomes.cohorts.map((cohort) => {
    const row: Record<string, CsvValue> = {
      cohort: formatQuarter(cohort.cohort, language),
      size: cohort.size,
    };
    outcomes.workWindows.forEach((window, index) => {
      row[`work${window}`] = workCellText(cohort.working[index] ?? null, language, words);
    });
    outcomes.returnWindows.forEach((window, index) => {
      row[`return${window}`] = returnCellText(cohort.returned[index] ?? null, language, words);
    });
    return row;
  });
}

/**
 * The outcomes as figures (the chart's table and the CSV): per window the counts and the rate; a window not
 * reached is the word "belum" in each of its cells, a hidden count null ("< 5").
 */
export function outcomeFigureRows(
  outcomes: DashboardResponse['outcomes'],
  language: string,
  notReached: string,
): Record<string, CsvValue>[] {
  return outcomes.cohorts.map((cohort) => {
    const row: Record<string, CsvValue> = {
      cohort: formatQuarter(cohort.cohort, language),
      from: cohort.from,
      to: cohort.to,
      size: cohort.size,
    };
    outcomes.workWindows.forEach((window, index) => {
      const cell = cohort.working[index] ?? null;
      row[`work${window}Checks`] = cell ? cell.checks : notReached;
      row[`work${window}Working`] = cell ? cell.working : notReached;
      row[`work${window}Rate`] = cell ? cell.rate : notReached;
    });
    outcomes.returnWindows.forEach((window, index) => {
      const cell = cohort.returned[index] ?? null;
      row[`return${window}Returned`] = cell ? cell.returned : notReached;
      row[`return${window}Rate`] = cell ? cell.rate : notReached;
    });
    return row;
  });
}

/** The chart's bars: the work rate per window and cohort (null: not reached, hidden or no checks). */
export function outcomeChartRows(outcomes: DashboardResponse['outcomes'], language: string) {
  return outcomes.cohorts.map((cohort) => {
    const row: Record<string, string | number | null> = { cohort: formatQuarter(cohort.cohort, language) };
    outcomes.workWindows.forEach((window, index) => {
      row[`work${window}`] = cohort.working[index]?.rate ?? null;
    });
    return row;
  });
}

// ── Governance ──

export interface ActionItemRow {
  organizationId: string;
  name: string;
  open: number;
  overdue: number;
  /** Open and not overdue: the rest of the stacked bar. */
  onTime: number;
}

/** Open action items by owner organization: overdue and on time, as the stacked bars draw them. */
export function actionItemRows(items: DashboardResponse['governance']['actionItems']): ActionItemRow[] {
  return items.map((item) => ({ ...item, onTime: Math.max(0, item.open - item.overdue) }));
}

/** A chart's height for horizontal bars: room for each row, never less than the minimum. */
export function barsHeight(rows: number, perRow = 44, minimum = 200): number {
  return Math.max(minimum, rows * perRow + 60);
}

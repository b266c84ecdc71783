import type {
  AssessmentResult,
  AssessmentResultItem,
  CohortResults,
  RecordResultsRequest,
} from '../../../../shared/results.ts';

// Pure helpers of the results tab: the matrix, the rows of the "Catat hasil uji" form, the request.

export type ResultsPerson = CohortResults['people'][number];
export type ResultsUnit = CohortResults['units'][number];

export function resultKey(enrolmentId: string, unitId: string): string {
  return `${enrolmentId}:${unitId}`;
}

/** Results by (enrolment, unit). */
export function indexResults(results: readonly AssessmentResultItem[]): Map<string, AssessmentResultItem> {
  return new Map(results.map((item) => [resultKey(item.enrolmentId, item.unitId), item]));
}

/** Who can be assessed: everyone on the cohort but those who left it. */
export function assessablePeople(people: readonly ResultsPerson[]): ResultsPerson[] {
  return people.filter((person) => person.status !== 'deallocated');
}

/** "K.01 Menjahit lurus" or the title alone. */
export function unitLabel(unit: Pick<ResultsUnit, 'code' | 'title'>): string {
  return unit.code ? `${unit.code} ${unit.title}` : unit.title;
}

/** The form records one unit for everyone, or every unit for one person. */
export type ResultsMode = { kind: 'unit'; unitId: string } | { kind: 'person'; enrolmentId: string };

export interface ResultRow {
  enrolmentId: string;
  unitId: string;
  /** Her name (unit mode) or the unit (person mode). */
  label: string;
  result: AssessmentResult | '';
  /** '' when no score. */
  score: number | string;
  assessorName: string;
  assessedOn: string | null;
  /** A result is recorded for it already (it can be changed, not removed). */
  recorded: boolean;
}

/** The form's rows, prefilled with what is recorded. */
export function buildResultRows(data: CohortResults, mode: ResultsMode): ResultRow[] {
  const recorded = indexResults(data.results);
  const row = (person: ResultsPerson, unit: ResultsUnit, label: string): ResultRow => {
    const item = recorded.get(resultKey(person.enrolmentId, unit.id));
    return {
      enrolmentId: person.enrolmentId,
      unitId: unit.id,
      label,
      result: item?.result ?? '',
      score: item?.score ?? '',
      assessorName: item?.assessorName ?? '',
      assessedOn: item?.assessedOn ?? null,
      recorded: item !== undefined,
    };
  };
  if (mode.kind === 'unit') {
    const unit = data.units.find((item) => item.id === mode.unitId);
    if (!unit) return [];
    return assessablePeople(data.people).map((person) => row(person, unit, person.fullName));
  }
  const person = data.people.find((item) => item.enrolmentId === mode.enrolmentId);
  if (!person) return [];
  return data.units.map((unit) => row(person, unit, unitLabel(unit)));
}

function scoreOf(score: number | string): number | null {
  if (score === '' || score === null) return null;
  const value = typeof score === 'number' ? score : Number(score);
  return Number.isFinite(value) ? value : null;
}

function sameAsRecorded(row: ResultRow, item: AssessmentResultItem | undefined): boolean {
  return (
    item !== undefined &&
    item.result === row.result &&
    (item.score ?? null) === scoreOf(row.score) &&
    item.assessorName === row.assessorName.trim() &&
    item.assessedOn === row.assessedOn
  );
}

/**
 * The request's items: rows with a result that differ from what is recorded. `rowOf[i]` is the form row of
 * item i, so the server's `items.3.assessedOn` lands on the right row.
 */
export function rowsToItems(
  rows: readonly ResultRow[],
  recorded: readonly AssessmentResultItem[],
): { items: RecordResultsRequest['items']; rowOf: number[] } {
  const index = indexResults(recorded);
  const items: RecordResultsRequest['items'] = [];
  const rowOf: number[] = [];
  rows.forEach((row, i) => {
    if (row.result === '') return;
    if (sameAsRecorded(row, index.get(resultKey(row.enrolmentId, row.unitId)))) return;
    items.push({
      enrolmentId: row.enrolmentId,
      unitId: row.unitId,
      result: row.result,
      score: scoreOf(row.score),
      assessorName: row.assessorName.trim(),
      assessedOn: row.assessedOn ?? '',
    });
    rowOf.push(i);
  });
  return { items, rowOf };
}

/** `items.3.assessedOn` → `rows.7.assessedOn`; errors not about an item stay as they are. */
export function itemErrorsToRows(
  fields: Record<string, string> | undefined,
  rowOf: readonly number[],
): Record<string, string> {
  const mapped: Record<string, string> = {};
  for (const [path, message] of Object.entries(fields ?? {})) {
    const match = /^items\.(\d+)\.(.+)$/.exec(path);
    const row = match ? rowOf[Number(match[1])] : undefined;
    if (match && row !== undefined) mapped[`rows.${row}.${match[2]}`] = message;
    else mapped[path] = message;
  }
  return mapped;
}

/** What a filled row still lacks (keys of the row), checked before sending. */
export function rowProblems(row: ResultRow): ('assessorName' | 'assessedOn' | 'score')[] {
  if (row.result === '') return [];
  const problems: ('assessorName' | 'assessedOn' | 'score')[] = [];
  if (!row.assessorName.trim()) problems.push('assessorName');
  if (!row.assessedOn) problems.push('assessedOn');
  const score = scoreOf(row.score);
  if (row.score !== '' && (score === null || score < 0 || score > 100)) problems.push('score');
  return problems;
}

/** The level a certificate of this skill defaults to: the one the program reaches. */
export function defaultLevel(
  programSkills: CohortResults['programSkills'],
  skillId: string | null,
): CohortResults['programSkills'][number]['level'] | null {
  return programSkills.find((skill) => skill.skillId === skillId)?.level ?? null;
}

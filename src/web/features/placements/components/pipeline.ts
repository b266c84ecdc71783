import {
  FINAL_STAGES,
  PLACEMENT_STAGES,
  type Placement,
  type PlacementListQuery,
  type PlacementStage,
  RUNNING_STAGES,
  type StepStage,
  UNSUCCESSFUL_REASONS,
  type UnsuccessfulReason,
} from '../../../../shared/placements.ts';

/**
 * The placement vocabulary as data: a colour per stage, the board's columns, the grouping of cards, the
 * board's filters in the address and the rules of a step's form. Labels live in i18n (placements.stage.*).
 * Filled shade-8/9 badges keep white text above 4.5:1 contrast.
 */

export const STAGE_COLORS: Record<PlacementStage, string> = {
  proposed: 'blue.9',
  contacted: 'cyan.9',
  interview: 'indigo.9',
  offered: 'grape.9',
  placed: 'teal.9',
  ended: 'gray.8',
  unsuccessful: 'red.9',
};

/** The columns shown: the running stages in pipeline order, then the final ones when asked for. */
export function boardStages(includeClosed: boolean): readonly PlacementStage[] {
  return includeClosed ? PLACEMENT_STAGES : RUNNING_STAGES;
}

export function isFinalStage(stage: PlacementStage): boolean {
  return (FINAL_STAGES as readonly string[]).includes(stage);
}

/** Placements per stage, every stage present (in pipeline order), the latest step first within one. */
export function groupByStage<T extends Pick<Placement, 'stage' | 'lastStepOn'>>(
  items: readonly T[],
): Record<PlacementStage, T[]> {
  const groups = Object.fromEntries(PLACEMENT_STAGES.map((stage) => [stage, [] as T[]])) as Record<
    PlacementStage,
    T[]
  >;
  for (const item of items) groups[item.stage].push(item);
  for (const stage of PLACEMENT_STAGES) {
    // Stable: items of the same day keep the server's order.
    groups[stage].sort((a, b) => (a.lastStepOn < b.lastStepOn ? 1 : a.lastStepOn > b.lastStepOn ? -1 : 0));
  }
  return groups;
}

/** How many placements a column heading counts: the server's count when it gave one, else the cards. */
export function columnCount(
  stage: PlacementStage,
  cards: number,
  counts: Partial<Record<PlacementStage, number>> | undefined,
): number {
  return counts?.[stage] ?? cards;
}

// ── The board's filters in the address: /penempatan?kelurahan=…&mitra=…&peluang=…&selesai=1 ──

export const BOARD_PARAMS = {
  villageId: 'kelurahan',
  partnerId: 'mitra',
  opportunityId: 'peluang',
  includeClosed: 'selesai',
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidParam(params: URLSearchParams, name: string): string | undefined {
  const value = params.get(name);
  return value && UUID.test(value) ? value.toLowerCase() : undefined;
}

export interface BoardFilters {
  villageId?: string;
  partnerId?: string;
  opportunityId?: string;
  includeClosed: boolean;
}

/** The filters from the address; an edited, malformed id is ignored instead of reaching the API. */
export function boardFilters(params: URLSearchParams): BoardFilters {
  return {
    villageId: uuidParam(params, BOARD_PARAMS.villageId),
    partnerId: uuidParam(params, BOARD_PARAMS.partnerId),
    opportunityId: uuidParam(params, BOARD_PARAMS.opportunityId),
    includeClosed: params.get(BOARD_PARAMS.includeClosed) === '1',
  };
}

/** The address after one filter changed (an empty value removes it). */
export function withBoardFilter(
  params: URLSearchParams,
  key: keyof BoardFilters,
  value: string | boolean | null | undefined,
): URLSearchParams {
  const next = new URLSearchParams(params);
  const name = BOARD_PARAMS[key];
  if (value === true) next.set(name, '1');
  else if (typeof value === 'string' && value !== '') next.set(name, value);
  else next.delete(name);
  return next;
}

/** The API query of a pipeline: only the filters given; closed placements only when asked for. */
export function pipelineQuery(filters: {
  opportunityId?: string;
  villageId?: string;
  partnerId?: string;
  personId?: string;
  includeClosed: boolean;
}): PlacementListQuery {
  const query: PlacementListQuery = {};
  if (filters.opportunityId) query.opportunityId = filters.opportunityId;
  if (filters.villageId) query.villageId = filters.villageId;
  if (filters.partnerId) query.partnerId = filters.partnerId;
  if (filters.personId) query.personId = filters.personId;
  if (filters.includeClosed) query.includeClosed = 'true';
  return query;
}

// ── A step's form ──

export interface StepValues {
  stage: StepStage | null;
  happenedOn: string | null;
  /** unsuccessful: one of UNSUCCESSFUL_REASONS. */
  outcome: UnsuccessfulReason | null;
  /** ended: why, in words. */
  endReason: string;
  note: string;
}

export type StepError = 'required' | 'future' | 'beforeLast';

/**
 * What the officer must fix before the step is sent (the server checks the same again): a stage, a date
 * neither in the future nor before the last step, a reason for unsuccessful (from the list) and for ended
 * (in words), and a note when the reason is "other".
 */
export function stepErrors(
  values: StepValues,
  today: string,
  lastStepOn: string,
): Partial<Record<keyof StepValues, StepError>> {
  const errors: Partial<Record<keyof StepValues, StepError>> = {};
  if (!values.stage) errors.stage = 'required';
  if (!values.happenedOn) errors.happenedOn = 'required';
  else if (values.happenedOn > today) errors.happenedOn = 'future';
  else if (values.happenedOn < lastStepOn) errors.happenedOn = 'beforeLast';
  if (values.stage === 'unsuccessful') {
    if (!values.outcome) errors.outcome = 'required';
    else if (values.outcome === 'other' && !values.note.trim()) errors.note = 'required';
  }
  if (values.stage === 'ended' && !values.endReason.trim()) errors.endReason = 'required';
  return errors;
}

/** The step as the API takes it: the reason only where the stage has one. */
export function stepRequest(values: StepValues, version: number) {
  const stage = values.stage ?? 'contacted';
  const reason =
    stage === 'unsuccessful' ? values.outcome : stage === 'ended' ? values.endReason.trim() || null : null;
  return {
    stage,
    happenedOn: values.happenedOn ?? '',
    ...(reason ? { reason } : {}),
    note: values.note.trim() || null,
    version,
  };
}

/** The reason of an unsuccessful step as a code of the list, or null (ended steps carry words). */
export function unsuccessfulReason(value: string | null | undefined): UnsuccessfulReason | null {
  return UNSUCCESSFUL_REASONS.find((code) => code === value) ?? null;
}

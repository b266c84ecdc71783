import {
  FINAL_STAGES,
  type PlacementStage,
  RUNNING_STAGES,
  type StepStage,
  UNSUCCESSFUL_REASONS,
} from '../../../shared/placements.ts';
import { asShownDate } from '../opportunities/opportunities.rules.ts';

// The rules of the pipeline that need no database: which stage may follow which, and what a step must carry.
// Forward moves may skip stages (a partner who offers at once, or a woman placed straight after a call):
// the pipeline records what happened, and forcing officers to invent the steps in between would make dates
// up. A move is never backward (a step is a fact: a mistake is corrected by ending the placement as
// unsuccessful and proposing again). Placed moves to ended only; ended and unsuccessful are final.

/** The stages before placed, in order; a placement moves forward through them. */
const PIPELINE = ['proposed', 'contacted', 'interview', 'offered', 'placed'] as const;

export function isFinal(stage: PlacementStage): boolean {
  return (FINAL_STAGES as readonly string[]).includes(stage);
}

export function isRunning(stage: PlacementStage): boolean {
  return (RUNNING_STAGES as readonly string[]).includes(stage);
}

/** The stages a placement at `stage` may move to, in pipeline order. */
export function nextStages(stage: PlacementStage): StepStage[] {
  if (stage === 'placed') return ['ended'];
  if (isFinal(stage)) return [];
  const index = PIPELINE.indexOf(stage as (typeof PIPELINE)[number]);
  const forward = PIPELINE.slice(index + 1) as StepStage[];
  return [...forward, 'unsuccessful'];
}

export type StepProblemKey =
  | 'placement_stage_not_allowed'
  | 'date_in_future'
  | 'placement_date_before_previous'
  | 'placement_reason_required'
  | 'placement_reason_invalid'
  | 'placement_reason_not_expected'
  | 'placement_note_required';

export interface StepProblem {
  field: 'stage' | 'happenedOn' | 'reason' | 'note';
  key: StepProblemKey;
  params?: Record<string, string>;
}

export interface StepInput {
  /** The placement's stage now. */
  from: PlacementStage;
  to: StepStage;
  happenedOn: string;
  /** The date of the latest step so far. */
  previousOn: string;
  today: string;
  reason: string | null;
  note: string | null;
}

/**
 * What is wrong with a step, field by field (empty when it may be recorded): the move must be allowed, the
 * date neither in the future nor before the previous step's, unsuccessful needs one of the reasons (and
 * `other` a note saying what), ended needs its reason in words, and other stages take no reason.
 */
export function checkStep(input: StepInput): StepProblem[] {
  const problems: StepProblem[] = [];
  if (!nextStages(input.from).includes(input.to))
    problems.push({ field: 'stage', key: 'placement_stage_not_allowed' });
  if (input.happenedOn > input.today) problems.push({ field: 'happenedOn', key: 'date_in_future' });
  else if (input.happenedOn < input.previousOn)
    problems.push({
      field: 'happenedOn',
      key: 'placement_date_before_previous',
      params: { date: asShownDate(input.previousOn) },
    });
  if (input.to === 'unsuccessful') {
    if (input.reason === null) problems.push({ field: 'reason', key: 'placement_reason_required' });
    else if (!(UNSUCCESSFUL_REASONS as readonly string[]).includes(input.reason))
      problems.push({ field: 'reason', key: 'placement_reason_invalid' });
    else if (input.reason === 'other' && input.note === null)
      problems.push({ field: 'note', key: 'placement_note_required' });
  } else if (input.to === 'ended') {
    if (input.reason === null) problems.push({ field: 'reason', key: 'placement_reason_required' });
  } else if (input.reason !== null) {
    problems.push({ field: 'reason', key: 'placement_reason_not_expected' });
  }
  return problems;
}

import type { GoalStatus, NeedStatus, PathwayStatus } from '../../../../shared/reintegration.ts';

/**
 * Status vocabularies as data: a colour per code (labels from i18n, reintegration.status.*, needStatus.*,
 * goalStatus.*). Filled shade-9 badges keep white text above 4.5:1 contrast.
 */
export const PATHWAY_STATUS_COLORS: Record<PathwayStatus, string> = {
  not_started: 'gray.7',
  support_required: 'yellow.5',
  in_progress: 'blue.9',
  support_declined: 'red.9',
  done: 'teal.9',
};

export const NEED_STATUS_COLORS: Record<NeedStatus, string> = {
  open: 'yellow.5',
  in_progress: 'blue.9',
  done: 'teal.9',
  cancelled: 'gray.7',
};

export const GOAL_STATUS_COLORS: Record<GoalStatus, string> = {
  open: 'blue.9',
  achieved: 'teal.9',
  not_achieved: 'red.9',
  dropped: 'gray.7',
};

/** The completeness ring's colour: red when little is started, orange half-way, teal when most is. */
export function completenessColor(percent: number): string {
  if (percent >= 75) return 'teal.9';
  if (percent >= 40) return 'orange.8';
  return 'red.9';
}

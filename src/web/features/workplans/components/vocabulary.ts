// Work-plan vocabularies as data: colours of statuses (filled shade-8/9 badges keep white text above 4.5:1;
// timeline bars above 3:1 against white).

import type { WorkPlanActivityStatus, WorkPlanStatus } from '../../../../shared/workplans.ts';

export const WORK_PLAN_STATUS_COLORS: Record<WorkPlanStatus, string> = {
  draft: 'gray.8',
  active: 'blue.9',
  closed: 'teal.9',
};

export const ACTIVITY_STATUS_COLORS: Record<WorkPlanActivityStatus, string> = {
  planned: 'gray.8',
  in_progress: 'blue.9',
  done: 'teal.9',
  postponed: 'grape.9',
  cancelled: 'red.9',
};

/** Select options of a vocabulary, labelled in the UI language. */
export function optionsOf<T extends string>(codes: readonly T[], label: (code: T) => string) {
  return codes.map((code) => ({ value: code, label: label(code) }));
}

import type { RosterStatus } from '../../../../shared/attendance.ts';
import type { AssessmentResult } from '../../../../shared/results.ts';
import type { CellKind } from './AttendanceModel.ts';

/**
 * The vocabularies of the attendance and results tabs as data: a colour per code. Labels come from i18n
 * (attendance.present, attendance.reason.*, attendance.rosterStatus.*, attendance.results.result.*).
 * Cells carry dark text on a pale tint (well above 4.5:1); the letter, not the colour, carries the meaning.
 */
export const CELL_BACKGROUNDS: Record<CellKind, string> = {
  present: 'var(--mantine-color-teal-1)',
  sick: 'var(--mantine-color-orange-2)',
  family_visit: 'var(--mantine-color-grape-2)',
  court: 'var(--mantine-color-blue-2)',
  refused: 'var(--mantine-color-red-2)',
  other: 'var(--mantine-color-yellow-2)',
  blank: 'transparent',
  cancelled: 'var(--mantine-color-gray-3)',
};

/** Filled shade-9 badges keep white text above 4.5:1. */
export const ROSTER_STATUS_COLORS: Record<RosterStatus, string> = {
  allocated: 'blue.9',
  completed: 'teal.9',
  deallocated: 'gray.8',
};

export const RESULT_COLORS: Record<AssessmentResult, string> = {
  competent: 'teal.9',
  not_yet_competent: 'grape.9',
};

import type { CohortStatus, SessionStatus } from '../../../../shared/cohorts.ts';
import type { CheckStatus, EnrolmentStatus } from '../../../../shared/enrolments.ts';

// Status vocabularies of training cohorts as data: one colour per code, in one place (labels come from
// i18n: cohorts.status.*, cohorts.sessionStatus.*, cohorts.enrolmentStatus.*, cohorts.allocate.checkStatus.*).
// Filled shade-9 (or gray-8) badges keep white text above 4.5:1; yellow badges carry dark text instead.

export interface BadgeColour {
  color: string;
  /** Dark text on a light fill. */
  dark?: boolean;
}

export const COHORT_STATUS_COLOURS: Record<CohortStatus, BadgeColour> = {
  planned: { color: 'gray.8' },
  enrolling: { color: 'blue.9' },
  running: { color: 'teal.9' },
  completed: { color: 'grape.9' },
  cancelled: { color: 'red.9' },
};

export const SESSION_STATUS_COLOURS: Record<SessionStatus, BadgeColour> = {
  scheduled: { color: 'blue.9' },
  cancelled: { color: 'red.9' },
};

export const ENROLMENT_STATUS_COLOURS: Record<EnrolmentStatus, BadgeColour> = {
  pending: { color: 'yellow.4', dark: true },
  approved: { color: 'blue.9' },
  declined: { color: 'red.9' },
  allocated: { color: 'teal.9' },
  withdrawn: { color: 'gray.8' },
  completed: { color: 'grape.9' },
  deallocated: { color: 'gray.8' },
};

export const CHECK_STATUS_COLOURS: Record<CheckStatus, BadgeColour> = {
  ok: { color: 'teal.9' },
  warning: { color: 'yellow.4', dark: true },
  blocked: { color: 'red.9' },
};

/** The code when it is one of the list, else undefined: an edited address never reaches the API. */
export function oneOf<T extends string | number>(codes: readonly T[], value: unknown): T | undefined {
  return codes.find((code) => code === value);
}

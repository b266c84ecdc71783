import type { CohortStatus } from '../../../../shared/cohorts.ts';
import type { EnrolmentStatus } from '../../../../shared/enrolments.ts';
import type { SKILL_EVIDENCE } from '../../../../shared/people.ts';
import type { CertificationPath } from '../../../../shared/programs.ts';

/**
 * The training vocabularies as data: a colour per code, in the order they progress. Labels live in i18n
 * (cohorts.enrolmentStatus.*, cohorts.status.*, training.evidence.*, training.certification.*).
 * Filled shade-8/9 badges keep white text above 4.5:1 contrast (orange and yellow never do).
 */

export type SkillEvidence = (typeof SKILL_EVIDENCE)[number];

export const ENROLMENT_STATUS_COLORS: Record<EnrolmentStatus, string> = {
  pending: 'blue.9',
  approved: 'teal.9',
  declined: 'red.9',
  allocated: 'grape.9',
  completed: 'indigo.9',
  deallocated: 'gray.8',
  withdrawn: 'gray.8',
};

/** The order in which the waitlist offers statuses as filters: the open ones first, then the ended. */
export const ENROLMENT_STATUS_ORDER = [
  'pending',
  'approved',
  'allocated',
  'completed',
  'declined',
  'withdrawn',
  'deallocated',
] as const satisfies readonly EnrolmentStatus[];

export const COHORT_STATUS_COLORS: Record<CohortStatus, string> = {
  planned: 'gray.8',
  enrolling: 'blue.9',
  running: 'teal.9',
  completed: 'indigo.9',
  cancelled: 'red.9',
};

/** The evidence ladder, weakest first: self-reported < trained < assessed competent < certified. */
export const EVIDENCE_LADDER = [
  'self_reported',
  'trained',
  'assessed',
  'certified',
] as const satisfies readonly SkillEvidence[];

export const EVIDENCE_COLORS: Record<SkillEvidence, string> = {
  self_reported: 'gray.8',
  trained: 'blue.9',
  assessed: 'teal.9',
  certified: 'grape.9',
};

export const CERTIFICATION_COLORS: Record<CertificationPath, string> = {
  none: 'gray.8',
  lsp_bnsp: 'grape.9',
  provider: 'cyan.9',
};

/** 1 for the weakest evidence up to 4 for a certificate (the steps of the ladder she has climbed). */
export function evidenceRank(evidence: SkillEvidence): number {
  return EVIDENCE_LADDER.indexOf(evidence) + 1;
}

/** Select options from a code list and its label function. */
export function optionsOf<T extends string>(codes: readonly T[], label: (code: T) => string) {
  return codes.map((code) => ({ value: code, label: label(code) }));
}

/** The code when it is one of the list, else undefined: an edited address never reaches the API. */
export function oneOf<T extends string>(
  codes: readonly T[],
  value: string | null | undefined,
): T | undefined {
  return codes.find((code) => code === value);
}

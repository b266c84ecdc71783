import type { JourneyStatus, Milestone } from '../../../../shared/people.ts';

/**
 * Status vocabularies as data: a colour per code (labels come from i18n, people.status.* and
 * people.milestones.statuses.*). Filled shade-9 badges keep white text above 4.5:1 contrast.
 */
export const JOURNEY_STATUS_COLORS: Record<JourneyStatus, string> = {
  in_custody: 'grape.9',
  pre_release: 'cyan.9',
  released_supervised: 'blue.9',
  supervision_ended: 'teal.9',
  returned_to_custody: 'red.9',
};

export const MILESTONE_STATUS_COLORS: Record<Milestone['status'], string> = {
  eligible: 'teal.9',
  not_yet: 'blue.9',
  not_eligible: 'red.9',
  unknown: 'gray.8',
};

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

/** A yellow warning box whose title stays dark: Mantine's yellow title text is below 4.5:1. */
export const WARNING_ALERT = {
  color: 'yellow',
  styles: { title: { color: 'var(--mantine-color-dark-9)' } },
} as const;

/** Legends of unstyled fieldsets (guarantor, constraints, sentence length) read as small headings. */
export const LEGEND_STYLES = {
  legend: { fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)', marginBottom: 4 },
} as const;

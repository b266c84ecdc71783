import type { Language } from '../../../shared/common.ts';

// Messages of the training module (cohorts part), spread into platform/messages.ts.

export const COHORTS_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

export const COHORTS_FIELD_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the training module (skills part), spread into platform/messages.ts.

export const SKILLS_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

export const SKILLS_FIELD_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the training module (attendance part), spread into platform/messages.ts.

export const ATTENDANCE_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

export const ATTENDANCE_FIELD_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the insight module (dashboard, kelurahan view, monthly report, public figures; issue 9),
// spread into platform/messages.ts.

export const INSIGHT_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

export const INSIGHT_FIELD_MESSAGES = {} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the planning module (training-gap planner, fairness report), spread into platform/messages.ts.

export const PLANNING_MESSAGES = {
  PLANNING_VILLAGE_NOT_FOUND: {
    id: 'Kelurahan tidak ditemukan.',
    en: 'Kelurahan not found.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const PLANNING_FIELD_MESSAGES = {
  planning_window_too_long: {
    id: 'Rentang tanggal paling lama {maximum} hari.',
    en: 'The date range can span at most {maximum} days.',
  },
} as const satisfies Record<string, Record<Language, string>>;

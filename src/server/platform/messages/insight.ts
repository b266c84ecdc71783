import type { Language } from '../../../shared/common.ts';

// Messages of the insight module (dashboard, kelurahan view, monthly report, public figures; issue 9),
// spread into platform/messages.ts.

export const INSIGHT_MESSAGES = {
  // S1 (insight core)
  INSIGHT_SCOPE_FORBIDDEN: {
    id: 'Anda hanya dapat melihat angka organisasi Anda sendiri.',
    en: 'You can only see the figures of your own organization.',
  },
  INSIGHT_VILLAGE_FORBIDDEN: {
    id: 'Anda tidak dapat membuka angka kelurahan ini.',
    en: 'You cannot open the figures of this kelurahan.',
  },
  INSIGHT_VILLAGE_NOT_FOUND: {
    id: 'Kelurahan tidak ditemukan.',
    en: 'Kelurahan not found.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const INSIGHT_FIELD_MESSAGES = {
  // S1 (insight core)
  insight_month_invalid: {
    id: 'Bulan harus berformat TTTT-BB (misalnya 2026-03).',
    en: 'The month must be written YYYY-MM (for example 2026-03).',
  },
  insight_period_order: {
    id: 'Bulan awal tidak boleh setelah bulan akhir.',
    en: 'The first month cannot be after the last month.',
  },
  insight_period_too_long: {
    id: 'Periode paling panjang {max} bulan.',
    en: 'The period can be at most {max} months.',
  },
  insight_months_range: {
    id: 'Jumlah bulan harus bilangan bulat 1 sampai {max}.',
    en: 'The number of months must be a whole number from 1 to {max}.',
  },
  // S2 (monthly report)
  insight_report_month_future: {
    id: 'Bulan laporan belum tiba: pilih bulan ini atau bulan sebelumnya.',
    en: 'That month has not come yet: choose this month or an earlier one.',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the matching module (recommendations, candidates, decisions, proposals from a recommendation),
// spread into platform/messages.ts.

export const MATCHING_MESSAGES = {
  MATCH_NOT_ELIGIBLE: {
    id: 'Peluang ini tidak dapat diusulkan untuknya saat ini ({gate}): {reason}. Muat ulang rekomendasinya untuk melihat keadaan terbaru.',
    en: 'She cannot be proposed for this opportunity now ({gate}): {reason}. Reload the recommendations to see where things stand.',
  },
  MATCH_DECISION_NOT_FOUND: {
    id: 'Keputusan atas rekomendasi ini tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Decision on this recommendation not found, or not yours to see.',
  },
  MATCH_DECISION_EXISTS: {
    id: 'Sudah ada keputusan yang berlaku untuk pasangan ini. Batalkan keputusan itu terlebih dahulu bila ingin mengubahnya.',
    en: 'A decision already stands on this pair. Revoke it first if you want to change it.',
  },
  MATCH_DECISION_REVOKED: {
    id: 'Keputusan ini sudah dibatalkan.',
    en: 'This decision has already been revoked.',
  },
  MATCH_REVIEW_NOT_NEEDED: {
    id: 'Pembatasan peluang ini tidak menyangkut orang ini, jadi tidak ada yang perlu ditinjau.',
    en: 'The restrictions of this opportunity do not concern her, so there is nothing to review.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const MATCHING_FIELD_MESSAGES = {
  match_reason_invalid: {
    id: 'Pilih alasan dari daftar: {options}.',
    en: 'Choose a reason from the list: {options}.',
  },
  match_note_required: {
    id: 'Jelaskan alasannya di catatan (alasan "lainnya").',
    en: 'Explain the reason in the note (reason "other").',
  },
  match_opportunity_unknown: {
    id: 'Peluang tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Opportunity not found, or not yours to see.',
  },
  match_compare_distinct: {
    id: 'Pilih dua peluang yang berbeda untuk dibandingkan.',
    en: 'Choose two different opportunities to compare.',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the placement plans module, spread into platform/messages.ts.

export const PLANS_MESSAGES = {
  PLAN_NOT_FOUND: {
    id: 'Rencana penempatan tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Placement plan not found, or not yours to see.',
  },
  PLAN_ITEM_NOT_FOUND: {
    id: 'Baris rencana ini tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'This plan item was not found, or is not yours to see.',
  },
  PLAN_NOT_DRAFT: {
    id: 'Rencana ini sudah diterima atau dibatalkan, jadi tidak dapat diubah lagi. Buat rencana baru bila perlu.',
    en: 'This plan has already been accepted or discarded, so it cannot change any more. Make a new plan if needed.',
  },
  PLAN_NOTHING_TO_ACCEPT: {
    id: 'Tidak ada orang yang mendapat tempat dalam rencana ini, jadi tidak ada usulan yang dapat dibuat.',
    en: 'Nobody has a place in this plan, so there is no proposal to make.',
  },
  PLAN_RULES_CHANGED: {
    id: 'Bobot pencocokan sudah diubah sejak rencana ini dibuat (versi {planVersion}, sekarang versi {current}), jadi rencana ini tidak dapat diubah atau diterima lagi. Buat rencana baru.',
    en: 'The matching weights changed since this plan was made (version {planVersion}, now version {current}), so it can no longer be adjusted or accepted. Make a new plan.',
  },
  PLAN_ITEMS_NOT_PROPOSABLE: {
    id: '{count} orang dalam rencana ini tidak dapat diusulkan lagi, jadi tidak ada yang disimpan. Sesuaikan tempat mereka (atau kosongkan), lalu terima rencana lagi.',
    en: '{count} people in this plan can no longer be proposed, so nothing was stored. Adjust their places (or remove them), then accept the plan again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const PLANS_FIELD_MESSAGES = {
  plan_window_order: {
    id: 'Akhir rentang tidak boleh sebelum awalnya.',
    en: 'The end of the window cannot be before its start.',
  },
  plan_window_too_long: {
    id: 'Rentang paling panjang {days} hari.',
    en: 'The window is at most {days} days long.',
  },
  plan_opportunity_unknown: {
    id: 'Peluang tidak ditemukan.',
    en: 'Opportunity not found.',
  },
  plan_pair_not_eligible: {
    id: 'Peluang ini tidak cocok untuknya saat ini: {reason}',
    en: 'This opportunity does not suit her now: {reason}',
  },
  plan_pair_review: {
    id: 'Pembatasan peluang ini menyangkut perkaranya: petugas pemasyarakatan harus meninjaunya dahulu.',
    en: 'A restriction of this opportunity touches her offence: corrections staff must review it first.',
  },
  plan_no_places_left: {
    id: 'Tidak ada tempat tersisa pada peluang ini dalam rencana (tempat tersedia: {capacity}).',
    en: 'No place left on this opportunity within the plan (places available: {capacity}).',
  },
  // Why an item of a plan cannot be proposed on acceptance (one per item, `items.<itemId>`).
  plan_item_hidden: {
    id: 'Orang ini tidak lagi dapat Anda lihat.',
    en: 'You no longer see this person.',
  },
  plan_item_anonymized: {
    id: '{name}: datanya sudah dianonimkan.',
    en: '{name}: her record has been anonymized.',
  },
  plan_item_running: {
    id: '{name}: sudah memiliki penempatan yang berjalan atau sudah ditempatkan.',
    en: '{name}: she already has a running or placed placement.',
  },
  plan_item_not_eligible: {
    id: '{name}: {opportunity} tidak lagi cocok — {reason}',
    en: '{name}: {opportunity} no longer suits her — {reason}',
  },
  plan_item_review: {
    id: '{name}: pembatasan {opportunity} menyangkut perkaranya dan perlu ditinjau.',
    en: '{name}: a restriction of {opportunity} touches her offence and needs a review.',
  },
  plan_item_no_places: {
    id: '{name}: {opportunity} tidak lagi punya tempat untuk semua orang yang direncanakan di sana (tersisa {capacity}).',
    en: '{name}: {opportunity} no longer has a place for everyone planned there ({capacity} left).',
  },
  plan_item_refused: {
    id: '{name}: usulan ke {opportunity} ditolak ({reason}).',
    en: '{name}: the proposal to {opportunity} was refused ({reason}).',
  },
} as const satisfies Record<string, Record<Language, string>>;

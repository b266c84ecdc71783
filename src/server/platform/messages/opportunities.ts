import type { Language } from '../../../shared/common.ts';

// Messages of the opportunities module, spread into platform/messages.ts.

export const OPPORTUNITIES_MESSAGES = {
  OPPORTUNITY_NOT_FOUND: {
    id: 'Peluang tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Opportunity not found, or not yours to see.',
  },
  OPPORTUNITY_NOT_DRAFT: {
    id: 'Peluang ini sudah dibuka, jadi hanya kelurahan atau kecamatan yang dapat mengubahnya. Hubungi kelurahan bila ada yang perlu diubah.',
    en: 'This opportunity has been opened, so only the kelurahan or kecamatan can change it. Contact the kelurahan if something needs changing.',
  },
  OPPORTUNITY_PARTNER_LOCKED: {
    id: 'Mitra peluang ini tidak dapat diganti karena sudah ada warga binaan yang diusulkan untuknya. Tutup peluang ini dan buat peluang baru untuk mitra yang lain.',
    en: 'The partner of this opportunity cannot be changed because people have already been proposed for it. Close it and create a new opportunity for the other partner.',
  },
  OPPORTUNITY_STATUS_NOT_ALLOWED: {
    id: 'Perubahan status ini tidak dapat dilakukan dari status saat ini ({status}). Muat ulang untuk melihat statusnya.',
    en: 'This status change is not possible from the current status ({status}). Reload to see its status.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const OPPORTUNITIES_FIELD_MESSAGES = {
  opportunity_partner_invalid: {
    id: 'Pilih mitra dari daftar mitra (organisasi berjenis mitra).',
    en: 'Choose a partner from the partner directory (an organization of kind partner).',
  },
  opportunity_partner_not_own: {
    id: 'Anda hanya dapat membuat peluang untuk organisasi Anda sendiri.',
    en: 'You can only create opportunities for your own organization.',
  },
  opportunity_partner_has_placements: {
    id: 'Sudah ada warga binaan yang diusulkan untuk peluang ini (dengan persetujuan untuk mitra ini), jadi mitranya tidak dapat diganti.',
    en: 'People have already been proposed for this opportunity (with consent for this partner), so its partner cannot be changed.',
  },
  opportunity_village_invalid: {
    id: 'Pilih salah satu kelurahan program.',
    en: 'Choose one of the program’s kelurahan.',
  },
  opportunity_village_not_managed: {
    id: 'Anda hanya dapat mengelola peluang di kelurahan Anda sendiri (kecamatan: kelurahan di wilayahnya).',
    en: 'You can only manage opportunities in your own kelurahan (a kecamatan: the kelurahan in its area).',
  },
  opportunity_closes_before_start: {
    id: 'Tanggal penutupan tidak boleh sebelum tanggal mulai ({startOn}).',
    en: 'The closing date cannot be before the start date ({startOn}).',
  },
  opportunity_closing_date_passed: {
    id: 'Tanggal penutupan sudah lewat. Ubah tanggal penutupan sebelum membuka peluang ini.',
    en: 'The closing date has passed. Change the closing date before opening this opportunity.',
  },
  opportunity_pay_max_below_min: {
    id: 'Upah tertinggi tidak boleh lebih kecil dari upah terendah.',
    en: 'The highest pay cannot be below the lowest pay.',
  },
  opportunity_pay_period_required: {
    id: 'Pilih satuan waktu upah (per bulan, minggu, hari, potong atau sekali).',
    en: 'Choose what the pay is per (month, week, day, piece or one-off).',
  },
  opportunity_skill_duplicate: {
    id: 'Keterampilan ini sudah ada di daftar.',
    en: 'This skill is already in the list.',
  },
  opportunity_skills_required: {
    id: 'Lowongan kerja dan magang harus mencantumkan sedikitnya satu keterampilan sebelum dibuka.',
    en: 'A job vacancy or apprenticeship must name at least one skill before it opens.',
  },
  opportunity_places_below_placed: {
    id: 'Sudah ada {placed} orang yang ditempatkan; jumlah tempat tidak boleh kurang dari itu.',
    en: '{placed} people have already been placed; the places cannot be fewer than that.',
  },
  opportunity_close_reason_required: {
    id: 'Tuliskan alasan peluang ini ditutup.',
    en: 'Write why this opportunity is closed.',
  },
} as const satisfies Record<string, Record<Language, string>>;

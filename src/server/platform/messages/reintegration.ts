import type { Language } from '../../../shared/common.ts';

// Messages of the reintegration plans module, spread into platform/messages.ts.

export const REINTEGRATION_MESSAGES = {
  REINTEGRATION_PLAN_NOT_FOUND: {
    id: 'Warga binaan ini belum memiliki rencana reintegrasi.',
    en: 'This person has no reintegration plan yet.',
  },
  REINTEGRATION_PLAN_EXISTS: {
    id: 'Warga binaan ini sudah memiliki rencana reintegrasi. Muat ulang untuk melihatnya.',
    en: 'This person already has a reintegration plan. Reload to see it.',
  },
  REINTEGRATION_PERSON_DONE: {
    id: 'Masa bimbingannya sudah selesai, jadi rencana reintegrasi tidak dapat dibuat lagi.',
    en: 'Her supervision has ended, so a reintegration plan can no longer be made.',
  },
  REINTEGRATION_NOT_SHARED: {
    id: 'Rencana reintegrasi warga ini tidak dibagikan kepada organisasi Anda.',
    en: 'This person’s reintegration plan is not shared with your organization.',
  },
  REINTEGRATION_NEED_NOT_FOUND: {
    id: 'Kebutuhan ini tidak ditemukan dalam rencana.',
    en: 'This need was not found in the plan.',
  },
  REINTEGRATION_GOAL_NOT_FOUND: {
    id: 'Tujuan ini tidak ditemukan dalam rencana.',
    en: 'This goal was not found in the plan.',
  },
  REINTEGRATION_STEP_NOT_FOUND: {
    id: 'Langkah ini tidak ditemukan pada tujuan tersebut.',
    en: 'This step was not found on that goal.',
  },
  // The PDF's texts with parameters (the others are labels in reintegration.pdf.ts).
  REINTEGRATION_PDF_PATHWAYS_NOT_STARTED: {
    id: '{count} jalur belum dimulai',
    en: '{count} pathways not started',
  },
  REINTEGRATION_PDF_PRINTED: {
    id: 'Dicetak {date}',
    en: 'Printed {date}',
  },
  REINTEGRATION_PDF_PAGE: {
    id: 'halaman {page} dari {pages}',
    en: 'page {page} of {pages}',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const REINTEGRATION_FIELD_MESSAGES = {
  reintegration_not_village: {
    id: 'Pilih sebuah kelurahan.',
    en: 'Choose a kelurahan.',
  },
  reintegration_opportunity_unavailable: {
    id: 'Peluang ini tidak sedang dibuka.',
    en: 'This opportunity is not open.',
  },
  reintegration_placement_not_hers: {
    id: 'Penempatan ini bukan miliknya.',
    en: 'This placement is not hers.',
  },
  reintegration_document_not_hers: {
    id: 'Dokumen ini bukan dokumennya.',
    en: 'This document is not one of hers.',
  },
  reintegration_responsible_kind: {
    id: 'Organisasi ini bukan jenis penanggung jawab yang dipilih.',
    en: 'This organization is not of the chosen responsible kind.',
  },
  reintegration_step_unknown: {
    id: 'Langkah ini bukan bagian dari tujuan tersebut.',
    en: 'This step is not part of that goal.',
  },
  reintegration_next_review_order: {
    id: 'Tinjauan berikutnya harus sesudah tanggal tinjauan ini.',
    en: 'The next review must be after the date of this review.',
  },
} as const satisfies Record<string, Record<Language, string>>;

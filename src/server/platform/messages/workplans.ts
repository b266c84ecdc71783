import type { Language } from '../../../shared/common.ts';

// Messages of the workplans module (governance, issue 8), spread into platform/messages.ts.

export const WORKPLANS_MESSAGES = {
  WORK_PLAN_NOT_FOUND: {
    id: 'Program teknis tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Work plan not found, or not yours to see.',
  },
  WORK_PLAN_ACTIVITY_NOT_FOUND: {
    id: 'Kegiatan ini tidak ada (lagi) di program teknis ini. Muat ulang halaman.',
    en: 'This activity is not (or no longer) in this work plan. Reload the page.',
  },
  WORK_PLAN_TARGET_NOT_FOUND: {
    id: 'Target ini tidak ada (lagi) di program teknis ini. Muat ulang halaman.',
    en: 'This target is not (or no longer) in this work plan. Reload the page.',
  },
  WORK_PLAN_CLOSED: {
    id: 'Program teknis ini sudah ditutup: kegiatan dan targetnya tidak dapat diubah. Ubah status program menjadi Draf atau Berjalan untuk membukanya kembali.',
    en: 'This work plan is closed: its activities and targets cannot be changed. Set the plan’s status to Draft or Active to reopen it.',
  },
  WORK_PLAN_PDF_PRINTED: { id: 'Dicetak {date}', en: 'Printed {date}' },
  WORK_PLAN_PDF_PAGE: { id: 'Halaman {page} dari {pages}', en: 'Page {page} of {pages}' },
} as const satisfies Record<string, Record<Language, string>>;

export const WORKPLANS_FIELD_MESSAGES = {
  workplan_agreement_invalid: {
    id: 'Kesepakatan tidak ditemukan, atau organisasi Anda bukan salah satu pihaknya. Pilih kesepakatan dari daftar.',
    en: 'Agreement not found, or your organization is not one of its parties. Choose an agreement from the list.',
  },
  workplan_agreement_ended: {
    id: 'Kesepakatan ini sudah diakhiri, diperpanjang dengan kesepakatan baru, atau dibuang. Pilih kesepakatan yang masih berjalan.',
    en: 'This agreement has been terminated, renewed by a new one, or discarded. Choose an agreement that is still running.',
  },
  workplan_agreement_excludes_cohort: {
    id: 'Kegiatan "{title}" memakai angkatan pelatihan "{cohort}" yang bukan milik salah satu pihak kesepakatan ini. Lepaskan angkatan itu dari kegiatan terlebih dahulu.',
    en: 'The activity "{title}" uses the training cohort "{cohort}", which belongs to none of this agreement’s parties. Unlink that cohort from the activity first.',
  },
  workplan_period_end_before_start: {
    id: 'Akhir periode program tidak boleh sebelum awal periode.',
    en: 'The end of the plan period cannot be before its start.',
  },
  workplan_period_excludes_activity: {
    id: 'Periode ini tidak lagi mencakup kegiatan "{title}" ({start} – {end}). Ubah tanggal kegiatan itu terlebih dahulu.',
    en: 'This period no longer covers the activity "{title}" ({start} – {end}). Change that activity’s dates first.',
  },
  workplan_start_outside_period: {
    id: 'Tanggal mulai kegiatan harus di dalam periode program ({start} – {end}).',
    en: 'The activity’s start date must fall inside the plan period ({start} – {end}).',
  },
  workplan_end_outside_period: {
    id: 'Tanggal selesai kegiatan harus di dalam periode program ({start} – {end}).',
    en: 'The activity’s end date must fall inside the plan period ({start} – {end}).',
  },
  workplan_end_before_start: {
    id: 'Tanggal selesai kegiatan tidak boleh sebelum tanggal mulai.',
    en: 'The activity’s end date cannot be before its start date.',
  },
  workplan_budget_negative: {
    id: 'Anggaran tidak boleh negatif. Isi 0 bila kegiatan tanpa anggaran.',
    en: 'The budget cannot be negative. Enter 0 for an activity without a budget.',
  },
  workplan_budget_whole: {
    id: 'Anggaran ditulis dalam rupiah utuh, tanpa sen.',
    en: 'The budget is in whole rupiah, without cents.',
  },
  workplan_budget_too_large: {
    id: 'Anggaran terlalu besar. Periksa kembali jumlahnya.',
    en: 'The budget is too large. Check the amount.',
  },
  workplan_budget_source_required: {
    id: 'Pilih sumber anggaran (APBN, APBD, mitra atau lainnya) bila anggaran lebih dari Rp 0.',
    en: 'Choose the budget source (APBN, APBD, partner or other) when the budget is above Rp 0.',
  },
  workplan_organization_invalid: {
    id: 'Organisasi penanggung jawab tidak dikenal. Pilih dari daftar organisasi.',
    en: 'Unknown responsible organization. Choose one from the directory.',
  },
  workplan_cohort_invalid: {
    id: 'Angkatan pelatihan harus angkatan milik salah satu pihak kesepakatan ini.',
    en: 'The training cohort must belong to one of the parties of this agreement.',
  },
  workplan_target_positive: {
    id: 'Nilai target harus bilangan bulat lebih dari 0.',
    en: 'The target value must be a whole number above 0.',
  },
  workplan_activity_invalid: {
    id: 'Kegiatan terkait harus kegiatan dari program teknis ini.',
    en: 'The linked activity must be an activity of this work plan.',
  },
  workplan_manual_actual_invalid: {
    id: 'Capaian harus bilangan bulat 0 atau lebih.',
    en: 'The actual figure must be a whole number, 0 or more.',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the training module (cohorts part), spread into platform/messages.ts.

export const COHORTS_MESSAGES = {
  COHORT_CHANGED: {
    id: 'Angkatan ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan itu, lalu ulangi.',
    en: 'Someone else changed this cohort just now. Reload to see their change, then try again.',
  },
  COHORT_CLOSED: {
    id: 'Angkatan yang sudah selesai atau dibatalkan tidak dapat diubah lagi.',
    en: 'A completed or cancelled cohort can no longer be changed.',
  },
  COHORT_STATUS_NOT_ALLOWED: {
    id: 'Perubahan status ini tidak diizinkan. Urutannya: direncanakan → pendaftaran → berjalan → selesai; pembatalan hanya dari angkatan yang belum selesai.',
    en: 'This status change is not allowed. The order is: planned → enrolling → running → completed; only a cohort not yet completed can be cancelled.',
  },
  TRAINING_SESSION_NOT_FOUND: {
    id: 'Sesi pelatihan tidak ditemukan pada angkatan ini.',
    en: 'Training session not found in this cohort.',
  },
  TRAINING_SESSION_CHANGED: {
    id: 'Sesi ini baru saja diubah oleh pengguna lain. Muat ulang lalu ulangi.',
    en: 'Someone else changed this session just now. Reload, then try again.',
  },
  TRAINING_SESSION_CANCELLED: {
    id: 'Sesi ini sudah dibatalkan.',
    en: 'This session has already been cancelled.',
  },
  TRAINING_SESSION_ATTENDANCE_RECORDED: {
    id: 'Kehadiran sesi ini sudah dicatat, jadi sesi tidak dapat dibatalkan.',
    en: 'Attendance of this session has been recorded, so it cannot be cancelled.',
  },
  ENROLMENT_NOT_FOUND: {
    id: 'Pendaftaran pelatihan tidak ditemukan.',
    en: 'Training enrolment not found.',
  },
  ENROLMENT_EXISTS: {
    id: 'Orang ini sudah memiliki permintaan atau penempatan yang masih berjalan untuk program ini.',
    en: 'This person already has an open request or allocation for this program.',
  },
  ENROLMENT_CHANGED: {
    id: 'Pendaftaran ini baru saja diubah oleh pengguna lain. Muat ulang lalu ulangi.',
    en: 'Someone else changed this enrolment just now. Reload, then try again.',
  },
  ENROLMENT_STATUS_NOT_ALLOWED: {
    id: 'Tindakan ini tidak dapat dilakukan pada pendaftaran dengan status saat ini. Muat ulang untuk melihat statusnya.',
    en: 'This action is not possible for the enrolment in its current status. Reload to see its status.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const COHORTS_FIELD_MESSAGES = {
  cohort_end_before_start: {
    id: 'Tanggal selesai tidak boleh sebelum tanggal mulai ({startDate}).',
    en: 'The end date cannot be before the start date ({startDate}).',
  },
  cohort_too_long: {
    id: 'Angkatan paling lama {maxDays} hari dari tanggal mulai sampai tanggal selesai. Periksa tahunnya.',
    en: 'A cohort lasts at most {maxDays} days from start to end. Check the year.',
  },
  cohort_schedule_empty: {
    id: 'Tambahkan sedikitnya satu jadwal mingguan (hari, jam mulai dan jam selesai).',
    en: 'Add at least one weekly slot (day, start time and end time).',
  },
  cohort_slot_end_before_start: {
    id: 'Jam selesai harus sesudah jam mulai ({start}).',
    en: 'The end time must be after the start time ({start}).',
  },
  cohort_schedule_no_sessions: {
    id: 'Jadwal ini tidak menghasilkan satu sesi pun antara tanggal mulai dan tanggal selesai. Periksa hari dan tanggalnya.',
    en: 'This schedule produces no session between the start and end dates. Check the days and dates.',
  },
  cohort_instructor_not_allowed: {
    id: 'Instruktur harus pengguna aktif dari lapas ini atau dari mitra penyelenggara program.',
    en: 'The instructor must be an active user of this prison or of the program’s provider partner.',
  },
  training_program_unknown: {
    id: 'Program pelatihan tidak ditemukan di lapas Anda.',
    en: 'Training program not found in your prison.',
  },
  training_program_inactive: {
    id: 'Program pelatihan ini sudah tidak aktif.',
    en: 'This training program is no longer active.',
  },
  cohort_start_after_recorded_session: {
    id: 'Kehadiran sesi tanggal {date} sudah dicatat, jadi tanggal mulai tidak boleh sesudah {date}.',
    en: 'Attendance of the session on {date} has been recorded, so the start date cannot be after {date}.',
  },
  cohort_end_before_recorded_session: {
    id: 'Kehadiran sesi tanggal {date} sudah dicatat, jadi tanggal selesai tidak boleh sebelum {date}.',
    en: 'Attendance of the session on {date} has been recorded, so the end date cannot be before {date}.',
  },
  cohort_capacity_below_allocated: {
    id: 'Kapasitas tidak boleh kurang dari jumlah peserta yang sudah ditempatkan ({allocated} orang).',
    en: 'The capacity cannot be below the number of people already allocated ({allocated}).',
  },
  cohort_cancel_reason_required: {
    id: 'Tuliskan alasan pembatalan angkatan.',
    en: 'Give the reason for cancelling the cohort.',
  },
  cohort_sessions_remain: {
    id: 'Masih ada {count} sesi yang belum berlangsung (sesi terakhir {lastDate}). Angkatan dapat diselesaikan pada atau sesudah tanggal sesi terakhir, atau batalkan dulu sesi yang tersisa.',
    en: '{count} sessions have not taken place yet (the last on {lastDate}). The cohort can be completed on or after the last session date, or cancel the remaining sessions first.',
  },
  session_date_outside_cohort: {
    id: 'Tanggal sesi harus di antara tanggal mulai ({startDate}) dan tanggal selesai ({endDate}) angkatan.',
    en: 'The session date must be between the cohort’s start ({startDate}) and end ({endDate}) dates.',
  },
  session_duplicate: {
    id: 'Sudah ada sesi pada tanggal {date} pukul {start}.',
    en: 'There is already a session on {date} at {start}.',
  },
  enrolment_person_not_held: {
    id: 'Warga binaan ini tidak tercatat di lapas Anda, atau datanya sudah dianonimkan.',
    en: 'This person is not held by your prison, or her record has been anonymized.',
  },
  enrolment_decline_reason_required: {
    id: 'Tuliskan alasan penolakan.',
    en: 'Give the reason for declining.',
  },
  enrolment_unknown: {
    id: 'Pendaftaran ini tidak ditemukan di lapas Anda.',
    en: 'This enrolment was not found in your prison.',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the training module (attendance, assessment results and certificates), spread into
// platform/messages.ts.

export const ATTENDANCE_MESSAGES = {
  ATTENDANCE_SESSION_NOT_FOUND: {
    id: 'Sesi pelatihan tidak ditemukan di angkatan ini.',
    en: 'Training session not found in this cohort.',
  },
  ATTENDANCE_SESSION_CANCELLED: {
    id: 'Sesi ini dibatalkan, sehingga absensinya tidak dapat dicatat.',
    en: 'This session was cancelled, so its attendance cannot be recorded.',
  },
  ATTENDANCE_COHORT_CANCELLED: {
    id: 'Angkatan ini dibatalkan, sehingga absensi dan hasil penilaiannya tidak dapat dicatat.',
    en: 'This cohort was cancelled, so attendance and assessment results cannot be recorded.',
  },
  ATTENDANCE_LOCKED: {
    id: 'Absensi sesi tanggal {date} sudah terkunci sejak {lockedAt} (lebih dari 7 hari). Minta Kalapas membuka kembali sesi ini bila perlu diubah.',
    en: 'The attendance of the session of {date} has been locked since {lockedAt} (more than 7 days). Ask the prison head to reopen the session if it must change.',
  },
  ATTENDANCE_NOT_LOCKED: {
    id: 'Absensi sesi ini belum terkunci (masih dapat dicatat sampai {lockedAt}), jadi tidak perlu dibuka kembali.',
    en: 'This session’s attendance is not locked yet (it can be recorded until {lockedAt}), so it need not be reopened.',
  },
  ATTENDANCE_CHANGED: {
    id: 'Absensi sesi ini telah dicatat oleh orang lain sejak Anda membukanya. Muat ulang untuk melihat catatan terbaru, lalu ulangi.',
    en: 'Someone else recorded this session’s attendance since you opened it. Reload to see the latest record, then try again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const ATTENDANCE_FIELD_MESSAGES = {
  attendance_session_in_future: {
    id: 'Absensi belum dapat dicatat sebelum sesi berlangsung (sesi tanggal {date}).',
    en: 'Attendance cannot be recorded before the session takes place (session of {date}).',
  },
  attendance_session_outside_cohort: {
    id: 'Tanggal sesi ({date}) berada di luar masa angkatan ({startDate}–{endDate}).',
    en: 'The session date ({date}) is outside the cohort’s dates ({startDate}–{endDate}).',
  },
  attendance_not_allocated: {
    id: 'Peserta ini tidak terdaftar (dialokasikan) di angkatan ini.',
    en: 'This participant is not allocated to this cohort.',
  },
  attendance_allocated_after_session: {
    id: 'Peserta ini baru bergabung dengan angkatan yang sudah berjalan pada {joinedOn}, setelah sesi tanggal {date}; absensinya untuk sesi ini tidak dicatat.',
    en: 'This participant joined the running cohort on {joinedOn}, after the session of {date}; her attendance is not recorded for this session.',
  },
  attendance_exception_duplicate: {
    id: 'Peserta ini disebut lebih dari sekali.',
    en: 'This participant is listed more than once.',
  },
  attendance_note_required: {
    id: 'Tuliskan keterangan bila alasannya "lainnya".',
    en: 'Write a note when the reason is "other".',
  },
  results_unit_not_in_program: {
    id: 'Unit kompetensi ini bukan bagian dari program pelatihan angkatan ini.',
    en: 'This competency unit is not part of this cohort’s training program.',
  },
  results_enrolment_not_in_cohort: {
    id: 'Peserta ini tidak terdaftar di angkatan ini atau sudah dikeluarkan.',
    en: 'This participant is not enrolled in this cohort or has been deallocated.',
  },
  results_assessed_in_future: {
    id: 'Tanggal penilaian tidak boleh setelah hari ini.',
    en: 'The assessment date cannot be after today.',
  },
  results_assessed_before_start: {
    id: 'Tanggal penilaian tidak boleh sebelum angkatan dimulai ({date}).',
    en: 'The assessment date cannot be before the cohort starts ({date}).',
  },
  results_duplicate: {
    id: 'Hasil unit ini untuk peserta yang sama dikirim lebih dari sekali.',
    en: 'The result of this unit for the same participant is sent more than once.',
  },
  certificate_person_not_held: {
    id: 'Warga binaan ini tidak tercatat di lapas Anda.',
    en: 'This person is not held by your prison.',
  },
  certificate_person_anonymized: {
    id: 'Data orang ini sudah dianonimkan; sertifikat tidak dapat ditambahkan.',
    en: 'This person’s record has been anonymized; no certificate can be added.',
  },
  certificate_skill_unknown: {
    id: 'Keterampilan ini tidak ada dalam daftar keterampilan.',
    en: 'This skill is not in the skills taxonomy.',
  },
  certificate_enrolment_invalid: {
    id: 'Pendaftaran pelatihan ini bukan milik orang tersebut.',
    en: 'This training enrolment does not belong to this person.',
  },
  certificate_document_invalid: {
    id: 'Berkas ini bukan dokumen orang tersebut atau sudah dihapus.',
    en: 'This file is not one of this person’s documents or has been deleted.',
  },
  certificate_document_not_certificate: {
    id: 'Berkas ini bukan pindaian sertifikat. Pilih atau unggah berkas dengan kategori "Sertifikat".',
    en: 'This file is not a certificate scan. Choose or upload a file with the category "Certificate".',
  },
  certificate_issued_in_future: {
    id: 'Tanggal terbit tidak boleh setelah hari ini.',
    en: 'The issue date cannot be after today.',
  },
  certificate_valid_until_before_issue: {
    id: 'Tanggal berlaku sampai harus setelah tanggal terbit.',
    en: 'The valid-until date must be after the issue date.',
  },
  certificate_number_taken: {
    id: 'Nomor sertifikat ini sudah tercatat untuk penerbit {issuer}.',
    en: 'This certificate number is already recorded for the issuer {issuer}.',
  },
} as const satisfies Record<string, Record<Language, string>>;

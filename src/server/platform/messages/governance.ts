import type { Language } from '../../../shared/common.ts';

// Messages of the governance module (governance, issue 8), spread into platform/messages.ts.

export const GOVERNANCE_MESSAGES = {
  ACTIVITY_REPORT_NOT_FOUND: {
    id: 'Laporan kegiatan tidak ditemukan, atau dibuat oleh instansi lain.',
    en: 'Activity report not found, or made by another organization.',
  },
  ACTIVITY_REPORT_FINAL: {
    id: 'Laporan kegiatan ini sudah final dan tidak dapat diubah lagi.',
    en: 'This activity report is final and can no longer be changed.',
  },
  GOVERNANCE_PDF_PAGE: { id: 'Halaman {page} dari {pages}', en: 'Page {page} of {pages}' },
  GOVERNANCE_PDF_PRINTED: { id: 'Dicetak dari Sinergi, {date}', en: 'Printed from Sinergi, {date}' },
} as const satisfies Record<string, Record<Language, string>>;

export const GOVERNANCE_FIELD_MESSAGES = {
  activity_report_source_required: {
    id: 'Pilih satu sumber laporan: rapat atau kegiatan program teknis.',
    en: 'Choose one source for the report: a meeting or a work-plan activity.',
  },
  activity_report_meeting_not_found: {
    id: 'Rapat tidak ditemukan, atau instansi Anda tidak terlibat dalam rapat ini.',
    en: 'Meeting not found, or your organization is not part of this meeting.',
  },
  activity_report_meeting_cancelled: {
    id: 'Rapat ini dibatalkan, jadi tidak dapat dibuat laporan kegiatannya.',
    en: 'This meeting was cancelled, so no activity report can be made of it.',
  },
  activity_report_meeting_not_attended: {
    id: 'Instansi Anda tidak menyelenggarakan atau menghadiri rapat ini, jadi tidak dapat membuat laporan kegiatannya.',
    en: 'Your organization neither organized nor attended this meeting, so it cannot report on it.',
  },
  activity_report_meeting_not_held: {
    id: 'Rapat ini belum terlaksana. Tandai rapat sebagai terlaksana terlebih dahulu, lalu buat laporan kegiatannya.',
    en: 'This meeting has not been held yet. Mark the meeting as held first, then make its activity report.',
  },
  activity_report_activity_not_started: {
    id: 'Kegiatan ini belum berjalan (masih direncanakan, ditunda, atau dibatalkan). Laporan kegiatan hanya untuk kegiatan yang sedang berjalan atau selesai.',
    en: 'This activity is not under way (still planned, postponed or cancelled). Activity reports are only for activities in progress or done.',
  },
  activity_report_activity_not_found: {
    id: 'Kegiatan program teknis tidak ditemukan, atau instansi Anda tidak terlibat dalam program ini.',
    en: 'Work-plan activity not found, or your organization is not part of this work plan.',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the supervision and outcomes modules, spread into platform/messages.ts.

export const SUPERVISION_MESSAGES = {
  SUPERVISION_NOT_FOUND: {
    id: 'Klien ini tidak ditemukan dalam bimbingan Anda.',
    en: 'This client was not found in your supervision.',
  },
  SUPERVISION_CHANGED: {
    id: 'Jadwal bimbingan sudah diubah orang lain. Muat ulang lalu coba lagi.',
    en: 'The supervision schedule was changed by someone else. Reload and try again.',
  },
  SUPERVISION_ENDED: {
    id: 'Bimbingan klien ini sudah berakhir, jadi jadwalnya tidak dapat diubah lagi.',
    en: 'This client’s supervision has ended, so its schedule can no longer change.',
  },
  SUPERVISION_NOT_ACTIVE: {
    id: 'Kunjungan hanya dapat dicatat untuk klien yang sudah bebas dan masih dalam bimbingan.',
    en: 'Visits can only be recorded for a client who has been released and is still under supervision.',
  },
  SESSION_NOT_FOUND: {
    id: 'Catatan kunjungan tidak ditemukan.',
    en: 'Visit record not found.',
  },
  SESSION_CHANGED: {
    id: 'Catatan kunjungan ini sudah diubah orang lain. Muat ulang lalu coba lagi.',
    en: 'This visit record was changed by someone else. Reload and try again.',
  },
  SESSION_KEY_REUSED: {
    id: 'Kunci kiriman ini sudah dipakai untuk klien lain. Buat catatan kunjungan baru.',
    en: 'This submission key was already used for another client. Start a new visit record.',
  },
  ESCALATION_NOT_FOUND: {
    id: 'Eskalasi tidak ditemukan.',
    en: 'Escalation not found.',
  },
  ESCALATION_AT_TOP: {
    id: 'Sudah ada laporan ke Kepala Bapas yang belum diselesaikan; tidak ada tingkat yang lebih tinggi.',
    en: 'A report to the Bapas head is already open; there is no higher level.',
  },
  ESCALATION_RESOLVED: {
    id: 'Eskalasi ini sudah diselesaikan.',
    en: 'This escalation has already been resolved.',
  },
  OUTCOME_NOT_FOUND: {
    id: 'Pemantauan hasil tidak ditemukan.',
    en: 'Outcome check not found.',
  },
  OUTCOME_NOT_RELEASED: {
    id: 'Pemantauan hasil hanya dapat dicatat setelah tanggal bebasnya dicatat.',
    en: 'An outcome check can only be recorded once her release has been recorded.',
  },
  OUTCOME_EXISTS: {
    id: 'Pemantauan untuk bulan ke-{window} sudah dicatat. Ubah catatan yang ada.',
    en: 'The {window}-month check has already been recorded. Edit the existing one.',
  },
  OUTCOME_CHANGED: {
    id: 'Pemantauan hasil ini sudah diubah orang lain. Muat ulang lalu coba lagi.',
    en: 'This outcome check was changed by someone else. Reload and try again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const SUPERVISION_FIELD_MESSAGES = {
  visit_before_release: {
    id: 'Tanggal kunjungan tidak boleh sebelum tanggal bebas ({date}).',
    en: 'The visit date cannot be before the release date ({date}).',
  },
  visit_in_future: {
    id: 'Kunjungan di masa depan belum dapat dicatat.',
    en: 'A visit in the future cannot be recorded yet.',
  },
  outcome_too_early: {
    id: 'Pemantauan ini baru dapat dicatat mulai {date}.',
    en: 'This check can only be recorded from {date}.',
  },
  date_before_release: {
    id: 'Tanggal tidak boleh sebelum tanggal bebas ({date}).',
    en: 'The date cannot be before the release date ({date}).',
  },
  too_many_quarters: {
    id: 'Paling banyak {max} triwulan.',
    en: 'At most {max} quarters.',
  },
  quarter_order: {
    id: 'Triwulan akhir tidak boleh sebelum triwulan awal.',
    en: 'The last quarter cannot be before the first.',
  },
} as const satisfies Record<string, Record<Language, string>>;

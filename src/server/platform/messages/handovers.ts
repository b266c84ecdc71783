import type { Language } from '../../../shared/common.ts';

// Messages of the handover and pre-release dashboard modules, spread into platform/messages.ts.

export const HANDOVERS_MESSAGES = {
  HANDOVER_NOT_FOUND: {
    id: 'Serah terima tidak ditemukan atau tidak boleh Anda tangani.',
    en: 'Handover not found, or not yours to handle.',
  },
  HANDOVER_PLAN_REQUIRED: {
    id: 'Serah terima ke Bapas memerlukan rencana reintegrasi. Buat rencana reintegrasinya terlebih dahulu.',
    en: 'A handover to Bapas needs a reintegration plan. Create her reintegration plan first.',
  },
  HANDOVER_EXISTS: {
    id: 'Sudah ada serah terima yang dikirim atau diterima untuk orang ini. Batalkan atau tunggu keputusan Bapas.',
    en: 'A handover of this person is already sent or accepted. Cancel it or wait for the Bapas to decide.',
  },
  HANDOVER_OWN: {
    id: 'Anda yang mengirim serah terima ini, jadi Anda tidak dapat memutuskannya.',
    en: 'You sent this handover, so you cannot decide it.',
  },
  HANDOVER_CHANGED: {
    id: 'Serah terima ini baru saja diubah oleh orang lain. Muat ulang lalu coba lagi.',
    en: 'This handover was just changed by someone else. Reload and try again.',
  },
  HANDOVER_NOT_SENT: {
    id: 'Serah terima ini sudah diputuskan atau dibatalkan.',
    en: 'This handover has already been decided or cancelled.',
  },
  HANDOVER_PERSON_DONE: {
    id: 'Masa bimbingannya sudah selesai, jadi kasusnya tidak dapat diserahterimakan lagi.',
    en: 'Her supervision has already ended, so her case can no longer be handed over.',
  },
  HANDOVER_SAME_OFFICER: {
    id: 'PK ini sudah menjadi PK-nya. Pilih PK lain.',
    en: 'This PK is already her probation officer. Choose another one.',
  },
  HANDOVER_NOT_ACCEPTED: {
    id: 'PK hanya dapat diganti pada serah terima yang sudah diterima.',
    en: 'The PK can only be changed on an accepted handover.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const HANDOVERS_FIELD_MESSAGES = {
  handover_not_probation: {
    id: 'Pilih Bapas (balai pemasyarakatan) tujuan.',
    en: 'Choose the destination Bapas (probation office).',
  },
  handover_officer_invalid: {
    id: 'Pilih PK (pembimbing kemasyarakatan) yang aktif di Bapas Anda.',
    en: 'Choose an active PK (probation officer) of your Bapas.',
  },
  date_in_past: { id: 'Tanggal tidak boleh sebelum hari ini.', en: 'The date cannot be before today.' },
  schedule_before_release: {
    id: 'Jadwal bimbingan tidak boleh dimulai lebih dari {days} hari sebelum tanggal bebasnya ({date}).',
    en: 'Supervision cannot start more than {days} days before her release date ({date}).',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the placements module, spread into platform/messages.ts.

export const PLACEMENTS_MESSAGES = {
  PLACEMENT_NOT_FOUND: {
    id: 'Penempatan tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Placement not found, or not yours to see.',
  },
  PLACEMENT_OPPORTUNITY_NOT_OPEN: {
    id: 'Peluang ini tidak sedang dibuka (masih draf, sudah ditutup, atau batas pendaftarannya sudah lewat). Hanya peluang yang dibuka dapat menerima usulan.',
    en: 'This opportunity is not open (still a draft, closed, or past its closing date). Only open opportunities take proposals.',
  },
  PLACEMENT_OPPORTUNITY_CLOSED: {
    id: 'Peluang ini sudah ditutup atau masih draf, jadi tidak ada yang dapat ditempatkan. Minta kelurahan membukanya kembali bila tempatnya masih ada.',
    en: 'This opportunity is closed or still a draft, so nobody can be placed. Ask the kelurahan to reopen it if the place still exists.',
  },
  PLACEMENT_NO_PLACES: {
    id: 'Semua tempat pada peluang ini sudah terisi.',
    en: 'All places of this opportunity are taken.',
  },
  PLACEMENT_NO_CONSENT: {
    id: 'Orang ini belum memberi persetujuan untuk membagikan datanya kepada mitra ini. Catat persetujuannya (untuk mitra ini atau semua mitra) terlebih dahulu, lalu usulkan lagi.',
    en: 'This person has not consented to share her data with this partner. Record her consent (for this partner or all partners) first, then propose her again.',
  },
  PLACEMENT_EXISTS: {
    id: 'Orang ini sudah memiliki penempatan yang masih berjalan untuk peluang ini.',
    en: 'This person already has a running placement for this opportunity.',
  },
  PLACEMENT_CLOSED: {
    id: 'Penempatan ini sudah selesai atau tidak berhasil; tidak ada tahap berikutnya. Usulkan lagi bila perlu.',
    en: 'This placement has ended or was unsuccessful; no stage follows. Propose her again if needed.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const PLACEMENTS_FIELD_MESSAGES = {
  placement_opportunity_unknown: {
    id: 'Peluang tidak ditemukan.',
    en: 'Opportunity not found.',
  },
  placement_stage_not_allowed: {
    id: 'Tahap ini tidak dapat dipilih. Penempatan hanya maju (diusulkan → dihubungi → wawancara → ditawari → ditempatkan → selesai) atau dinyatakan tidak berhasil sebelum ditempatkan.',
    en: 'This stage cannot be chosen. A placement only moves forward (proposed → contacted → interview → offered → placed → ended) or becomes unsuccessful before placed.',
  },
  placement_date_before_previous: {
    id: 'Tanggal tidak boleh sebelum tanggal tahap sebelumnya ({date}).',
    en: 'The date cannot be before the previous step’s date ({date}).',
  },
  placement_reason_required: {
    id: 'Isi alasannya.',
    en: 'Give the reason.',
  },
  placement_reason_invalid: {
    id: 'Pilih alasan: ditolak oleh yang bersangkutan, ditolak oleh mitra, tidak tersedia, atau lainnya.',
    en: 'Choose a reason: declined by the person, declined by the partner, not available, or other.',
  },
  placement_reason_not_expected: {
    id: 'Alasan hanya diisi untuk penempatan yang selesai atau tidak berhasil.',
    en: 'A reason is given only when a placement ends or is unsuccessful.',
  },
  placement_note_required: {
    id: 'Jelaskan alasannya di catatan.',
    en: 'Explain the reason in the note.',
  },
  placement_opportunity_closed: {
    id: 'Peluang ini sudah ditutup atau masih draf: tidak dapat menempatkan orang.',
    en: 'This opportunity is closed or still a draft: nobody can be placed.',
  },
  no_places_left: {
    id: 'Tidak ada tempat tersisa: jumlah orang yang ditempatkan sudah sama dengan jumlah tempat ({places}).',
    en: 'No places left: the people placed already equal the places ({places}).',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the villages and partners modules, spread into platform/messages.ts.

export const VILLAGES_MESSAGES = {
  VILLAGE_PROFILE_NOT_FOUND: {
    id: 'Kelurahan tidak ditemukan.',
    en: 'Kelurahan not found.',
  },
  PARTNER_NOT_FOUND: {
    id: 'Mitra tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Partner not found, or not yours to see.',
  },
  PARTNER_NAME_TAKEN: {
    id: 'Sudah ada mitra bernama "{name}".',
    en: 'A partner named "{name}" already exists.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const VILLAGES_FIELD_MESSAGES = {
  skill_unknown: {
    id: 'Keterampilan tidak dikenal atau tidak aktif lagi. Pilih dari daftar keterampilan.',
    en: 'Unknown or no longer active skill. Choose one from the skills list.',
  },
  season_months_duplicate: {
    id: 'Setiap bulan hanya boleh dipilih sekali.',
    en: 'Choose each month only once.',
  },
  village_row_unknown: {
    id: 'Baris ini bukan milik kelurahan ini (mungkin sudah dihapus). Muat ulang halaman.',
    en: 'This row does not belong to this kelurahan (it may have been deleted). Reload the page.',
  },
  village_coordinates_pair: {
    id: 'Isi lintang dan bujur bersama-sama, atau kosongkan keduanya.',
    en: 'Fill in latitude and longitude together, or leave both empty.',
  },
  village_latitude_outside: {
    id: 'Lintang harus di wilayah Kota Semarang (antara {min} dan {max}).',
    en: 'The latitude must lie in Kota Semarang (between {min} and {max}).',
  },
  village_longitude_outside: {
    id: 'Bujur harus di wilayah Kota Semarang (antara {min} dan {max}).',
    en: 'The longitude must lie in Kota Semarang (between {min} and {max}).',
  },
  partner_name_taken: {
    id: 'Sudah ada mitra bernama "{name}".',
    en: 'A partner named "{name}" already exists.',
  },
  partner_name_fixed: {
    id: 'Nama mitra hanya dapat diubah oleh petugas kecamatan atau kelurahan.',
    en: 'Only kecamatan or kelurahan staff can change a partner’s name.',
  },
  partner_sector_duplicate: {
    id: 'Setiap sektor hanya boleh dipilih sekali.',
    en: 'Choose each sector only once.',
  },
  partner_agreement_dates: {
    id: 'Tanggal berakhir PKS tidak boleh sebelum tanggal penandatanganan.',
    en: 'The agreement cannot expire before it was signed.',
  },
} as const satisfies Record<string, Record<Language, string>>;

import type { Language } from '../../../shared/common.ts';

// Messages of the partner and opportunity import (modules/opportunity-import), spread into
// platform/messages.ts. The file-level codes (IMPORT_FILE_*, IMPORT_HAS_INVALID_ROWS…) are the people
// import's, shared.

export const IMPORT_MESSAGES = {
  VILLAGE_IMPORT_CONFLICT: {
    id: 'Sebagian data baru saja disimpan atau diubah oleh pengguna lain. Tidak ada yang disimpan; periksa ulang berkas lalu simpan lagi.',
    en: 'Someone else stored or changed some of this data just now. Nothing was stored; check the file again, then save again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const IMPORT_FIELD_MESSAGES = {
  village_import_fields_invalid: {
    id: 'Pilih jenis data (mitra atau peluang) dan cocokkan kolom: setiap isian paling banyak satu kolom, dan isian wajib harus dipetakan.',
    en: 'Choose what the file holds (partners or opportunities) and map its columns: each field at most one column, and every required field mapped.',
  },
  import_not_an_amount: {
    id: 'Tulis jumlah rupiah sebagai bilangan bulat (contoh 2.500.000).',
    en: 'Write the amount in rupiah as a whole number (e.g. 2,500,000).',
  },
  import_yes_no: {
    id: 'Tulis "ya" atau "tidak" (nilai "{value}" tidak dikenal).',
    en: 'Write "ya" (yes) or "tidak" (no) (unknown value "{value}").',
  },
  import_village_unknown: {
    id: 'Kelurahan "{value}" bukan kelurahan program. Tulis kodenya (contoh 33.74.13.1013) atau namanya (contoh Krobokan).',
    en: 'Kelurahan "{value}" is not one of the program’s. Write its code (e.g. 33.74.13.1013) or its name (e.g. Krobokan).',
  },
  import_partner_unknown: {
    id: 'Mitra "{value}" tidak ada di daftar mitra. Daftarkan atau impor mitranya dulu, lalu periksa lagi.',
    en: 'Partner "{value}" is not in the partner directory. Register or import the partner first, then check again.',
  },
  import_partner_ambiguous: {
    id: 'Ada beberapa mitra dengan nama "{value}". Tulis nama lengkap mitra.',
    en: 'Several partners are named "{value}". Write the partner’s full name.',
  },
  import_partner_not_editable: {
    id: 'Mitra "{value}" sudah terdaftar, tetapi Anda tidak boleh mengubahnya (kelurahan: hanya mitra di kelurahannya atau yang ditambahkannya).',
    en: 'Partner "{value}" is already registered, but you may not change it (a kelurahan: only partners in its area or that it added).',
  },
  import_skill_unknown: {
    id: 'Keterampilan "{value}" tidak dikenal atau tidak aktif lagi. Tulis nama, kode atau nama lain dari daftar keterampilan.',
    en: 'Skill "{value}" is unknown or no longer active. Write a name, code or alternative name from the skills list.',
  },
  import_skill_level_unknown: {
    id: 'Tingkat "{value}" tidak dikenal. Tulis dasar, menengah atau kompeten (contoh Menjahit:kompeten:wajib).',
    en: 'Unknown level "{value}". Write basic, intermediate or competent (e.g. Sewing:competent:essential).',
  },
  import_skill_essential_unknown: {
    id: '"{value}" tidak dikenal. Tulis wajib atau opsional (contoh Menjahit:kompeten:wajib).',
    en: 'Unknown "{value}". Write wajib (essential) or opsional (optional) (e.g. Sewing:competent:wajib).',
  },
  import_status_not_importable: {
    id: 'Status "{value}" tidak dapat diimpor. Tulis draf atau dibuka.',
    en: 'Status "{value}" cannot be imported. Write draft or open.',
  },
  import_open_not_allowed: {
    id: 'Anda tidak dapat membuka peluang ini. Kosongkan status untuk mengimpornya sebagai draf.',
    en: 'You cannot open this opportunity. Leave the status empty to import it as a draft.',
  },
  import_opportunity_exists: {
    id: 'Peluang ini (mitra, judul dan tanggal mulai yang sama) sudah tercatat.',
    en: 'This opportunity (same partner, title and start date) is already recorded.',
  },
} as const satisfies Record<string, Record<Language, string>>;

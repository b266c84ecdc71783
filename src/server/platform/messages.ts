import type { Language } from '../../shared/common.ts';
import { AGREEMENTS_FIELD_MESSAGES, AGREEMENTS_MESSAGES } from './messages/agreements.ts';
import { ATTENDANCE_FIELD_MESSAGES, ATTENDANCE_MESSAGES } from './messages/attendance.ts';
import { COHORTS_FIELD_MESSAGES, COHORTS_MESSAGES } from './messages/cohorts.ts';
import { GOVERNANCE_FIELD_MESSAGES, GOVERNANCE_MESSAGES } from './messages/governance.ts';
import { HANDOVERS_FIELD_MESSAGES, HANDOVERS_MESSAGES } from './messages/handovers.ts';
import { IMPORT_FIELD_MESSAGES, IMPORT_MESSAGES } from './messages/import.ts';
import { INSIGHT_FIELD_MESSAGES, INSIGHT_MESSAGES } from './messages/insight.ts';
import { MATCHING_FIELD_MESSAGES, MATCHING_MESSAGES } from './messages/matching.ts';
import { MEETINGS_FIELD_MESSAGES, MEETINGS_MESSAGES } from './messages/meetings.ts';
import { NOTIFICATIONS_FIELD_MESSAGES, NOTIFICATIONS_MESSAGES } from './messages/notifications.ts';
import { OPPORTUNITIES_FIELD_MESSAGES, OPPORTUNITIES_MESSAGES } from './messages/opportunities.ts';
import { PLACEMENTS_FIELD_MESSAGES, PLACEMENTS_MESSAGES } from './messages/placements.ts';
import { PLANNING_FIELD_MESSAGES, PLANNING_MESSAGES } from './messages/planning.ts';
import { PLANS_FIELD_MESSAGES, PLANS_MESSAGES } from './messages/plans.ts';
import { REINTEGRATION_FIELD_MESSAGES, REINTEGRATION_MESSAGES } from './messages/reintegration.ts';
import { SKILLS_FIELD_MESSAGES, SKILLS_MESSAGES } from './messages/skills.ts';
import { SUPERVISION_FIELD_MESSAGES, SUPERVISION_MESSAGES } from './messages/supervision.ts';
import { VILLAGES_FIELD_MESSAGES, VILLAGES_MESSAGES } from './messages/villages.ts';
import { WORKPLANS_FIELD_MESSAGES, WORKPLANS_MESSAGES } from './messages/workplans.ts';

/** User-facing messages of the server, by stable code, in Indonesian and English. */
const MESSAGES = {
  AUTH_INVALID: {
    id: 'Nama pengguna atau kata sandi salah.',
    en: 'Wrong username or password.',
  },
  AUTH_LOCKED: {
    id: 'Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {minutes} menit atau hubungi administrator.',
    en: 'The account is temporarily locked after too many failed sign-in attempts. Try again in {minutes} minutes or contact an administrator.',
  },
  AUTH_REQUIRED: {
    id: 'Silakan masuk terlebih dahulu. Sesi Anda mungkin telah berakhir.',
    en: 'Please sign in. Your session may have ended.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    id: 'Anda harus mengganti kata sandi sebelum melanjutkan.',
    en: 'You must change your password before continuing.',
  },
  FORBIDDEN: {
    id: 'Anda tidak memiliki izin untuk tindakan ini.',
    en: 'You do not have permission for this action.',
  },
  CSRF_INVALID: {
    id: 'Permintaan ditolak karena token keamanan tidak valid. Muat ulang halaman lalu coba lagi.',
    en: 'The request was refused because its security token is invalid. Reload the page and try again.',
  },
  RATE_LIMITED: {
    id: 'Terlalu banyak permintaan. Tunggu sebentar lalu coba lagi.',
    en: 'Too many requests. Wait a moment and try again.',
  },
  VALIDATION_FAILED: {
    id: 'Data yang dikirim tidak valid. Periksa isian yang ditandai.',
    en: 'The data sent is not valid. Check the marked fields.',
  },
  UNKNOWN_FIELDS: {
    id: 'Isian tidak dikenal: {fields}.',
    en: 'Unknown fields: {fields}.',
  },
  MALFORMED_JSON: {
    id: 'Isi permintaan bukan JSON yang valid.',
    en: 'The request body is not valid JSON.',
  },
  BODY_TOO_LARGE: {
    id: 'Isi permintaan terlalu besar (maksimum 1 MB).',
    en: 'The request body is too large (at most 1 MB).',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    id: 'Jenis isi permintaan tidak didukung. Gunakan application/json.',
    en: 'Unsupported content type. Use application/json.',
  },
  NOT_FOUND: {
    id: 'Alamat yang diminta tidak ditemukan.',
    en: 'The requested address was not found.',
  },
  ORGANIZATION_NOT_FOUND: {
    id: 'Organisasi tidak ditemukan.',
    en: 'Organization not found.',
  },
  USER_NOT_FOUND: {
    id: 'Pengguna tidak ditemukan.',
    en: 'User not found.',
  },
  USERNAME_TAKEN: {
    id: 'Nama pengguna "{username}" sudah dipakai.',
    en: 'The username "{username}" is already taken.',
  },
  ROLE_NOT_ALLOWED_FOR_ORGANIZATION: {
    id: 'Peran {role} tidak dapat diberikan kepada pengguna dari organisasi jenis ini.',
    en: 'The role {role} cannot be given to a user of this kind of organization.',
  },
  VERSION_CONFLICT: {
    id: 'Data ini telah diubah oleh orang lain sejak Anda membukanya. Muat ulang untuk melihat perubahan terbaru, lalu ulangi.',
    en: 'Someone else changed this record since you opened it. Reload to see the latest version, then try again.',
  },
  CANNOT_DEACTIVATE_SELF: {
    id: 'Anda tidak dapat menonaktifkan akun Anda sendiri.',
    en: 'You cannot deactivate your own account.',
  },
  LAST_ADMINISTRATOR: {
    id: 'Harus ada setidaknya satu administrator sistem yang aktif.',
    en: 'At least one active system administrator must remain.',
  },
  PASSWORD_WRONG: {
    id: 'Kata sandi saat ini salah.',
    en: 'The current password is wrong.',
  },
  // ── People (core) ──
  PERSON_NOT_FOUND: {
    id: 'Data warga binaan tidak ditemukan atau tidak boleh Anda lihat.',
    en: 'Person not found, or not yours to see.',
  },
  PERSON_CHANGED: {
    id: 'Data ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan itu, lalu simpan lagi.',
    en: 'Someone else changed this record just now. Reload to see their change, then save again.',
  },
  PERSON_NIK_TAKEN: {
    id: 'NIK {nik} sudah terdaftar untuk orang lain.',
    en: 'NIK {nik} is already registered for someone else.',
  },
  PERSON_REGISTRATION_TAKEN: {
    id: 'Nomor registrasi {registrationNumber} sudah dipakai di lapas ini.',
    en: 'Registration number {registrationNumber} is already used in this prison.',
  },
  PERSON_SIMILAR_EXISTS: {
    id: 'Sudah ada orang dengan nama mirip dan tanggal lahir yang sama. Periksa dulu; simpan lagi bila memang orang yang berbeda.',
    en: 'Someone with a similar name and the same birth date exists. Check first; save again if she is a different person.',
  },
  PERSON_ANONYMIZED: {
    id: 'Data orang ini sudah dianonimkan dan tidak dapat diubah.',
    en: 'This record has been anonymized and cannot be changed.',
  },
  CUSTODY_CHANGED: {
    id: 'Data pidana ini baru saja diubah oleh pengguna lain. Muat ulang lalu simpan lagi.',
    en: 'Someone else changed this sentence record just now. Reload, then save again.',
  },
  REMISSION_NOT_FOUND: { id: 'Remisi tidak ditemukan.', en: 'Remission not found.' },
  REFERRAL_EXISTS: {
    id: 'Orang ini sudah dirujuk ke organisasi tersebut.',
    en: 'This person is already referred to that organization.',
  },
  // ── Notes, documents, consent ──
  NOTE_NOT_FOUND: { id: 'Catatan tidak ditemukan.', en: 'Note not found.' },
  NOTE_NOT_AUTHOR: {
    id: 'Hanya penulis catatan yang dapat mengubahnya. Tambahkan catatan koreksi bila ada yang keliru.',
    en: 'Only the author of a note can edit it. Add a correction note if something is wrong.',
  },
  NOTE_EDIT_WINDOW_CLOSED: {
    id: 'Catatan hanya dapat diubah dalam {hours} jam sejak ditulis. Tambahkan catatan koreksi.',
    en: 'A note can only be edited within {hours} hours of writing it. Add a correction note instead.',
  },
  NOTE_CHANGED: {
    id: 'Catatan ini baru saja diubah. Muat ulang lalu simpan lagi.',
    en: 'This note was changed just now. Reload, then save again.',
  },
  DOCUMENT_NOT_FOUND: { id: 'Dokumen tidak ditemukan.', en: 'Document not found.' },
  DOCUMENT_TOO_LARGE: {
    id: 'Berkas terlalu besar. Ukuran paling besar {maxMb} MB.',
    en: 'The file is too large. The largest allowed is {maxMb} MB.',
  },
  DOCUMENT_MULTIPART_REQUIRED: {
    id: 'Kirim dokumen sebagai formulir multipart dengan bagian berkas bernama "file".',
    en: 'Send the document as a multipart form with a file part named "file".',
  },
  CONSENT_NOT_FOUND: { id: 'Persetujuan tidak ditemukan.', en: 'Consent not found.' },
  CONSENT_ALREADY_WITHDRAWN: {
    id: 'Persetujuan ini sudah ditarik.',
    en: 'This consent has already been withdrawn.',
  },
  // ── Rules and regions ──
  RULES_CHANGED: {
    id: 'Aturan ini baru saja diubah oleh pengguna lain (versi {current}). Muat ulang untuk melihat versi terbaru, lalu ulangi.',
    en: 'Someone else changed these rules just now (version {current}). Reload to see the latest version, then try again.',
  },
  VILLAGE_NOT_FOUND: {
    id: 'Kelurahan/desa dengan kode {code} tidak ditemukan.',
    en: 'No village with code {code}.',
  },
  // ── Import, export, data rights ──
  IMPORT_FILE_MISSING: {
    id: 'Pilih berkas CSV atau XLSX untuk diimpor.',
    en: 'Choose a CSV or XLSX file to import.',
  },
  IMPORT_FILE_TOO_LARGE: {
    id: 'Berkas terlalu besar. Ukuran paling besar {mb} MB; bagi berkas menjadi beberapa bagian.',
    en: 'The file is too large. The largest allowed is {mb} MB; split it into parts.',
  },
  IMPORT_FILE_UNSUPPORTED: {
    id: 'Jenis berkas tidak didukung. Simpan sebagai XLSX (Excel 2007 ke atas) atau CSV.',
    en: 'Unsupported file type. Save it as XLSX (Excel 2007 or later) or CSV.',
  },
  IMPORT_FILE_UNREADABLE: {
    id: 'Berkas tidak dapat dibaca. Pastikan berkas XLSX atau CSV tidak rusak.',
    en: 'The file cannot be read. Make sure the XLSX or CSV file is not damaged.',
  },
  IMPORT_FILE_EMPTY: {
    id: 'Berkas tidak berisi baris data di bawah baris judul kolom.',
    en: 'The file holds no data rows below the header row.',
  },
  IMPORT_TOO_MANY_ROWS: {
    id: 'Berkas berisi lebih dari {max} baris. Bagi berkas menjadi beberapa bagian.',
    en: 'The file holds more than {max} rows. Split it into parts.',
  },
  IMPORT_MAPPING_MISMATCH: {
    id: 'Pemetaan kolom ({mapped}) tidak cocok dengan kolom berkas ({columns}). Unggah ulang berkas lalu cocokkan kolom lagi.',
    en: 'The column mapping ({mapped}) does not fit the file’s columns ({columns}). Upload the file again and map its columns.',
  },
  IMPORT_HAS_INVALID_ROWS: {
    id: '{count} baris tidak valid, jadi tidak ada yang disimpan. Perbaiki baris tersebut, atau simpan hanya baris yang valid.',
    en: '{count} rows are invalid, so nothing was stored. Fix those rows, or store the valid rows only.',
  },
  IMPORT_CONFLICT: {
    id: 'Sebagian data baru saja disimpan oleh pengguna lain (NIK atau nomor registrasi yang sama). Tidak ada yang disimpan; periksa ulang berkas.',
    en: 'Someone else stored some of these people just now (same NIK or registration number). Nothing was stored; check the file again.',
  },
  PEOPLE_EXPORT_TOO_LARGE: {
    id: 'Hasil saringan berisi {count} orang, lebih dari batas ekspor {max}. Persempit saringan.',
    en: 'The filter matches {count} people, more than the export limit of {max}. Narrow the filter.',
  },
  RETENTION_NOT_ENDED: {
    id: 'Masa retensi data orang ini belum berakhir (berakhir {endsOn}). Data belum boleh dianonimkan.',
    en: 'The retention period of this record has not ended (it ends on {endsOn}). It cannot be anonymized yet.',
  },
  RETENTION_NO_DATE: {
    id: 'Orang ini belum bebas: masa retensi dihitung sejak akhir bimbingan atau tanggal bebas, jadi data belum boleh dianonimkan.',
    en: 'She has not been released: retention counts from the end of supervision or the release date, so the record cannot be anonymized yet.',
  },
  ANONYMIZE_CONFIRM_MISMATCH: {
    id: 'Kode konfirmasi tidak cocok. Ketik kode yang ditampilkan untuk menganonimkan.',
    en: 'The confirmation code does not match. Type the code shown to anonymize.',
  },
  TRAINING_COHORT_NOT_FOUND: {
    id: 'Angkatan pelatihan tidak ditemukan.',
    en: 'Training cohort not found.',
  },
  ...SKILLS_MESSAGES,
  ...COHORTS_MESSAGES,
  ...ATTENDANCE_MESSAGES,
  ...IMPORT_MESSAGES,
  ...OPPORTUNITIES_MESSAGES,
  ...PLACEMENTS_MESSAGES,
  ...PLANS_MESSAGES,
  ...PLANNING_MESSAGES,
  ...REINTEGRATION_MESSAGES,
  ...HANDOVERS_MESSAGES,
  ...AGREEMENTS_MESSAGES,
  ...WORKPLANS_MESSAGES,
  ...MEETINGS_MESSAGES,
  ...GOVERNANCE_MESSAGES,
  ...INSIGHT_MESSAGES,
  ...SUPERVISION_MESSAGES,
  ...NOTIFICATIONS_MESSAGES,
  ...VILLAGES_MESSAGES,
  ...MATCHING_MESSAGES,
  INTERNAL: {
    id: 'Terjadi kesalahan pada server. Laporkan kode rujukan {correlationId} kepada administrator.',
    en: 'A server error occurred. Report reference {correlationId} to an administrator.',
  },
  DATABASE_UNAVAILABLE: {
    id: 'Basis data sedang tidak dapat dihubungi. Coba lagi sebentar lagi.',
    en: 'The database cannot be reached. Try again shortly.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type MessageCode = keyof typeof MESSAGES;

/** Field-level messages (validation and policy), by key. */
const FIELD_MESSAGES = {
  required: { id: 'Wajib diisi.', en: 'Required.' },
  invalid: { id: 'Nilai tidak valid.', en: 'Invalid value.' },
  invalid_type: { id: 'Jenis nilai tidak valid.', en: 'Invalid type of value.' },
  too_short: { id: 'Minimal {minimum} karakter.', en: 'At least {minimum} characters.' },
  too_long: { id: 'Maksimal {maximum} karakter.', en: 'At most {maximum} characters.' },
  too_small_number: { id: 'Minimal {minimum}.', en: 'At least {minimum}.' },
  too_big_number: { id: 'Maksimal {maximum}.', en: 'At most {maximum}.' },
  too_few_items: { id: 'Pilih minimal {minimum}.', en: 'Choose at least {minimum}.' },
  too_many_items: { id: 'Pilih maksimal {maximum}.', en: 'Choose at most {maximum}.' },
  invalid_option: {
    id: 'Pilihan tidak valid. Pilihan yang ada: {options}.',
    en: 'Invalid option. Options: {options}.',
  },
  invalid_format_email: { id: 'Alamat email tidak valid.', en: 'Invalid email address.' },
  invalid_format_uuid: { id: 'Pengenal tidak valid.', en: 'Invalid identifier.' },
  invalid_format_date: {
    id: 'Tanggal tidak valid (format yyyy-mm-dd).',
    en: 'Invalid date (format yyyy-mm-dd).',
  },
  invalid_format: { id: 'Format tidak valid.', en: 'Invalid format.' },
  unknown_field: { id: 'Isian ini tidak dikenal.', en: 'This field is not recognised.' },
  username_format: {
    id: 'Gunakan 3–50 huruf kecil, angka, titik, garis bawah atau tanda hubung, diawali huruf atau angka.',
    en: 'Use 3–50 lowercase letters, digits, dots, underscores or hyphens, starting with a letter or digit.',
  },
  password_too_short: {
    id: 'Kata sandi minimal {minimum} karakter.',
    en: 'The password needs at least {minimum} characters.',
  },
  password_is_username: {
    id: 'Kata sandi tidak boleh sama dengan nama pengguna.',
    en: 'The password must not be the username.',
  },
  password_common: {
    id: 'Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain.',
    en: 'This password is too common and easy to guess. Choose another.',
  },
  password_wrong: { id: 'Kata sandi saat ini salah.', en: 'The current password is wrong.' },
  password_same_as_current: {
    id: 'Kata sandi baru harus berbeda dari kata sandi saat ini.',
    en: 'The new password must differ from the current one.',
  },
  // ── People (core) ──
  date_out_of_range: {
    id: 'Tanggal di luar rentang yang masuk akal (tahun 1900–2100).',
    en: 'The date is out of the plausible range (years 1900–2100).',
  },
  date_in_future: { id: 'Tanggal tidak boleh di masa depan.', en: 'The date cannot be in the future.' },
  date_before: { id: 'Tanggal harus sesudah {other}.', en: 'The date must be after {other}.' },
  transfer_before_detention: {
    id: 'Rencana pindah tidak boleh sebelum tanggal mulai ditahan.',
    en: 'The planned transfer cannot be before the detention start date.',
  },
  birth_date_implausible: {
    id: 'Tanggal lahir tidak masuk akal (umur harus 14–100 tahun).',
    en: 'Implausible birth date (age must be 14–100).',
  },
  village_not_host: {
    id: 'Pilih kelurahan (organisasi jenis kelurahan).',
    en: 'Choose a kelurahan (an organization of kind village).',
  },
  organization_not_probation: { id: 'Pilih sebuah Bapas.', en: 'Choose a probation office.' },
  nik_taken: { id: 'NIK ini sudah terdaftar untuk orang lain.', en: 'This NIK is already registered.' },
  registration_taken: {
    id: 'Nomor registrasi ini sudah dipakai di lapas ini.',
    en: 'This registration number is already used in this prison.',
  },
  sentence_empty: {
    id: 'Isi lama pidana (tahun, bulan atau hari).',
    en: 'Enter the sentence length (years, months or days).',
  },
  // ── Notes, documents, consent ──
  note_kind_not_shareable: {
    id: 'Catatan perilaku dan kesehatan hanya untuk petugas pemasyarakatan. Pilih "Hanya pemasyarakatan".',
    en: 'Behaviour and health notes are for corrections staff only. Choose "Corrections only".',
  },
  document_category_not_shareable: {
    id: 'Putusan pengadilan dan foto hanya untuk petugas pemasyarakatan. Pilih "Hanya pemasyarakatan".',
    en: 'Court decisions and photos are for corrections staff only. Choose "Corrections only".',
  },
  note_visibility_corrections_only: {
    id: 'Hanya petugas pemasyarakatan yang dapat menulis catatan khusus pemasyarakatan. Pilih "Dibagikan".',
    en: 'Only corrections staff can write corrections-only notes. Choose "Shared".',
  },
  note_correction_invalid: {
    id: 'Catatan yang dikoreksi tidak ditemukan pada orang ini.',
    en: 'The note being corrected was not found for this person.',
  },
  note_correction_visibility: {
    id: 'Koreksi atas catatan khusus pemasyarakatan juga harus khusus pemasyarakatan.',
    en: 'A correction of a corrections-only note must be corrections-only too.',
  },
  document_type_not_allowed: {
    id: 'Isi berkas bukan PDF, JPEG atau PNG. Hanya ketiga jenis itu yang diterima.',
    en: 'The file content is not a PDF, JPEG or PNG. Only those three are accepted.',
  },
  document_too_large: {
    id: 'Berkas terlalu besar. Ukuran paling besar {maxMb} MB.',
    en: 'The file is too large. The largest allowed is {maxMb} MB.',
  },
  document_empty: { id: 'Berkas kosong.', en: 'The file is empty.' },
  consent_recipient_required: {
    id: 'Pilih sedikitnya satu organisasi atau jenis organisasi penerima.',
    en: 'Choose at least one recipient organization or kind of organization.',
  },
  consent_recipient_invalid: {
    id: 'Organisasi penerima tidak dikenal atau bukan kelurahan, kecamatan atau mitra.',
    en: 'Unknown recipient organization, or not a kelurahan, kecamatan or partner.',
  },
  consent_evidence_invalid: {
    id: 'Dokumen bukti harus dokumen milik orang ini.',
    en: 'The evidence must be a document of this person.',
  },
  // ── Rules and regions ──
  nik_format: { id: 'NIK harus 16 angka.', en: 'The NIK must be 16 digits.' },
  nik_region: {
    id: 'Kode wilayah pada NIK ({code}) bukan kecamatan yang terdaftar di Kemendagri.',
    en: 'The region code in the NIK ({code}) is not a district known to Kemendagri.',
  },
  nik_birth_date: {
    id: 'Tanggal lahir di dalam NIK (digit 7–12; untuk perempuan tanggal ditambah 40) tidak sesuai dengan tanggal lahir.',
    en: 'The birth date inside the NIK (digits 7–12; 40 added to the day for a woman) does not match the birth date.',
  },
  village_code: {
    id: 'Kode kelurahan/desa tidak dikenal. Pilih dari daftar (contoh 33.74.13.1001).',
    en: 'Unknown village code. Choose one from the list (e.g. 33.74.13.1001).',
  },
  // ── Import, export, data rights ──
  import_date_format: {
    id: 'Tanggal tidak dikenali. Tulis sebagai hh/bb/tttt (contoh 17/05/1990) atau gunakan sel tanggal Excel.',
    en: 'Date not recognised. Write it as dd/mm/yyyy (e.g. 17/05/1990) or use an Excel date cell.',
  },
  import_nik_as_number: {
    id: 'NIK tersimpan sebagai angka sehingga digit terakhirnya berubah. Format kolom NIK sebagai Teks lalu ketik ulang.',
    en: 'The NIK was stored as a number, which changed its last digits. Format the NIK column as Text and type it again.',
  },
  import_unknown_value: {
    id: 'Nilai "{value}" tidak dikenal.',
    en: 'Unknown value "{value}".',
  },
  import_not_a_number: { id: 'Harus berupa bilangan bulat.', en: 'Must be a whole number.' },
  import_duplicate_in_file: {
    id: 'Sama dengan baris {row} di berkas ini.',
    en: 'Same as row {row} of this file.',
  },
  import_person_anonymized: {
    id: 'Data orang ini sudah dianonimkan dan tidak dapat diperbarui.',
    en: 'This person’s record has been anonymized and cannot be updated.',
  },
  import_nik_differs: {
    id: 'Nomor registrasi {registrationNumber} sudah tercatat dengan NIK lain.',
    en: 'Registration number {registrationNumber} is recorded with another NIK.',
  },
  ...SKILLS_FIELD_MESSAGES,
  ...COHORTS_FIELD_MESSAGES,
  ...ATTENDANCE_FIELD_MESSAGES,
  ...IMPORT_FIELD_MESSAGES,
  ...OPPORTUNITIES_FIELD_MESSAGES,
  ...PLACEMENTS_FIELD_MESSAGES,
  ...PLANS_FIELD_MESSAGES,
  ...PLANNING_FIELD_MESSAGES,
  ...REINTEGRATION_FIELD_MESSAGES,
  ...HANDOVERS_FIELD_MESSAGES,
  ...AGREEMENTS_FIELD_MESSAGES,
  ...WORKPLANS_FIELD_MESSAGES,
  ...MEETINGS_FIELD_MESSAGES,
  ...GOVERNANCE_FIELD_MESSAGES,
  ...INSIGHT_FIELD_MESSAGES,
  ...SUPERVISION_FIELD_MESSAGES,
  ...NOTIFICATIONS_FIELD_MESSAGES,
  ...VILLAGES_FIELD_MESSAGES,
  ...MATCHING_FIELD_MESSAGES,
  import_mapping_invalid: {
    id: 'Pemetaan kolom tidak valid: setiap isian paling banyak satu kolom, dan Nama Lengkap wajib dipetakan.',
    en: 'Invalid column mapping: each field at most one column, and Full name must be mapped.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

export function isFieldMessageKey(key: string): key is FieldMessageKey {
  return Object.hasOwn(FIELD_MESSAGES, key);
}

function interpolate(template: string, params: Record<string, unknown> | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** The message for a code in the given language, with {params} filled in. */
export function message(code: MessageCode, language: Language, params?: Record<string, unknown>): string {
  return interpolate(MESSAGES[code][language], params);
}

/** A field-level message in the given language. */
export function fieldMessage(
  key: FieldMessageKey,
  language: Language,
  params?: Record<string, unknown>,
): string {
  return interpolate(FIELD_MESSAGES[key][language], params);
}

import type { Language } from '../../shared/common.ts';

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
} as const satisfies Record<string, Record<Language, string>>;

export type FieldMessageKey = keyof typeof FIELD_MESSAGES;

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

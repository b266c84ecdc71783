import type { Language } from '../../../shared/common.ts';

// Messages of the training module (skills part), spread into platform/messages.ts.

export const SKILLS_MESSAGES = {
  SKILL_NOT_FOUND: { id: 'Keterampilan tidak ditemukan.', en: 'Skill not found.' },
  SKILL_CHANGED: {
    id: 'Keterampilan ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan itu, lalu simpan lagi.',
    en: 'Someone else changed this skill just now. Reload to see their change, then save again.',
  },
  TRAINING_PROGRAM_NOT_FOUND: {
    id: 'Program pelatihan tidak ditemukan.',
    en: 'Training program not found.',
  },
  TRAINING_PROGRAM_CHANGED: {
    id: 'Program pelatihan ini baru saja diubah oleh pengguna lain. Muat ulang untuk melihat perubahan itu, lalu simpan lagi.',
    en: 'Someone else changed this training program just now. Reload to see their change, then save again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

export const SKILLS_FIELD_MESSAGES = {
  skill_code_taken: {
    id: 'Kode "{code}" sudah dipakai keterampilan lain.',
    en: 'The code "{code}" is already used by another skill.',
  },
  skill_code_format: {
    id: 'Gunakan huruf kecil, angka dan garis bawah, dipisah titik (contoh garment.sewing).',
    en: 'Use lowercase letters, digits and underscores, separated by dots (e.g. garment.sewing).',
  },
  skill_name_taken: {
    id: 'Sudah ada keterampilan bernama "{name}".',
    en: 'A skill named "{name}" already exists.',
  },
  skill_alias_taken: {
    id: 'Nama lain "{alias}" sudah dipakai oleh keterampilan "{skill}".',
    en: 'The alternative name "{alias}" is already used by the skill "{skill}".',
  },
  program_name_taken: {
    id: 'Sudah ada program pelatihan bernama "{name}" di lapas ini.',
    en: 'This prison already has a training program named "{name}".',
  },
  program_skills_required: {
    id: 'Pilih sedikitnya satu keterampilan yang diajarkan program ini.',
    en: 'Choose at least one skill this program teaches.',
  },
  program_skill_unknown: {
    id: 'Keterampilan ini tidak ada atau sudah tidak aktif.',
    en: 'This skill does not exist or is no longer active.',
  },
  program_skill_duplicate: {
    id: 'Keterampilan ini sudah dipilih.',
    en: 'This skill is already chosen.',
  },
  program_provider_invalid: {
    id: 'Penyelenggara harus lapas ini sendiri atau organisasi mitra.',
    en: 'The provider must be this prison itself or a partner organization.',
  },
  program_instructor_invalid: {
    id: 'Instruktur harus pengguna aktif dari lapas ini atau dari mitra penyelenggara.',
    en: 'The instructor must be an active user of this prison or of the provider partner.',
  },
  program_instructor_name_required: {
    id: 'Isi nama instruktur atau pilih pengguna.',
    en: 'Enter the instructor’s name or choose a user.',
  },
  program_instructor_duplicate: {
    id: 'Instruktur ini sudah tercantum.',
    en: 'This instructor is already listed.',
  },
  program_unit_unknown: {
    id: 'Unit kompetensi ini bukan milik program ini.',
    en: 'This competency unit does not belong to this program.',
  },
  program_unit_skill_invalid: {
    id: 'Keterampilan unit harus salah satu keterampilan program ini.',
    en: 'The unit’s skill must be one of this program’s skills.',
  },
  program_unit_has_assessments: {
    id: 'Unit kompetensi "{title}" sudah memiliki hasil penilaian dan tidak dapat dihapus.',
    en: 'The competency unit "{title}" already has assessment results and cannot be removed.',
  },
  program_unit_assessed_meanwhile: {
    id: 'Unit kompetensi yang dihapus baru saja dinilai, jadi tidak dapat dihapus. Muat ulang lalu simpan lagi.',
    en: 'A competency unit being removed was assessed just now, so it cannot be removed. Reload, then save again.',
  },
} as const satisfies Record<string, Record<Language, string>>;

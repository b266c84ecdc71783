import {
  OPPORTUNITY_KINDS,
  type OpportunityKind,
  PAY_PERIODS,
  type PayPeriod,
} from '../../../shared/opportunities.ts';
import { PARTNER_TYPES, PARTNER_WILLINGNESS, type PartnerType } from '../../../shared/partners.ts';
import { SECTORS, SKILL_LEVELS } from '../../../shared/people.ts';
import {
  OPPORTUNITY_IMPORT_FIELDS,
  type OpportunityImportField,
  PARTNER_IMPORT_FIELDS,
  type PartnerImportField,
  type VillageImportField,
  type VillageImportTarget,
} from '../../../shared/villageImport.ts';
import {
  type Cell,
  cellText,
  isEmptyCell,
  kemendagriCode,
  normalizeWords,
  parseDate,
  type RowIssue,
  splitList,
  vocabulary,
} from '../../platform/spreadsheet.ts';

// One row of a partner or opportunity spreadsheet into the form's input (codes from Indonesian labels,
// dates, numbers, yes/no), with what the database must resolve (kelurahan, partner, skills) left as text.
// No database here: unit-tested in opportunity-import.parser.test.ts.

type Sector = (typeof SECTORS)[number];
type SkillLevel = (typeof SKILL_LEVELS)[number];
type Willingness = (typeof PARTNER_WILLINGNESS)[number];

// ── Suggesting a mapping from the headers ──

const PARTNER_HEADERS: Record<PartnerImportField, string[]> = {
  name: [
    'nama mitra',
    'nama',
    'nama organisasi',
    'nama usaha',
    'nama perusahaan',
    'mitra',
    'name',
    'partner',
  ],
  shortName: ['nama singkat', 'singkatan', 'nama pendek', 'short name'],
  type: ['jenis mitra', 'jenis', 'tipe', 'jenis organisasi', 'bentuk usaha', 'type', 'partner type'],
  sectors: ['sektor', 'bidang', 'bidang usaha', 'sektor usaha', 'sectors', 'sector'],
  villageCode: ['kelurahan', 'kode kelurahan', 'desa', 'kode desa', 'kelurahan binaan', 'village'],
  address: ['alamat', 'alamat usaha', 'address'],
  phone: ['telepon', 'no telepon', 'nomor telepon', 'telp', 'no hp', 'hp', 'whatsapp', 'phone'],
  email: ['email', 'e mail', 'surel', 'alamat email'],
  contactName: ['nama kontak', 'kontak', 'narahubung', 'penanggung jawab', 'pic', 'contact', 'contact name'],
  contactPhone: [
    'telepon kontak',
    'hp kontak',
    'no hp kontak',
    'telp kontak',
    'telepon narahubung',
    'hp narahubung',
    'contact phone',
  ],
  description: ['deskripsi', 'keterangan', 'profil', 'description'],
  willingToEmploy: [
    'bersedia mempekerjakan',
    'kesediaan mempekerjakan',
    'kesediaan',
    'bersedia',
    'willing to employ',
    'willing',
  ],
  willingnessNote: ['catatan kesediaan', 'willingness note'],
  agreementNumber: ['no pks', 'nomor pks', 'pks', 'nomor perjanjian', 'agreement number'],
  agreementSignedOn: [
    'tanggal pks',
    'tgl pks',
    'pks ditandatangani',
    'tanggal perjanjian',
    'pks signed',
    'agreement signed',
  ],
  agreementExpiresOn: [
    'pks berakhir',
    'tanggal berakhir pks',
    'berlaku sampai',
    'masa berlaku pks',
    'pks expires',
    'agreement expires',
  ],
};

const OPPORTUNITY_HEADERS: Record<OpportunityImportField, string[]> = {
  title: [
    'judul',
    'judul peluang',
    'nama peluang',
    'peluang',
    'posisi',
    'nama lowongan',
    'lowongan',
    'title',
  ],
  kind: ['jenis peluang', 'jenis', 'tipe', 'kind', 'type'],
  partnerName: ['mitra', 'nama mitra', 'pemberi kerja', 'perusahaan', 'partner'],
  villageCode: ['kelurahan', 'kode kelurahan', 'desa', 'kode desa', 'village'],
  sector: ['sektor', 'bidang', 'sector'],
  description: ['deskripsi', 'keterangan', 'uraian', 'description'],
  location: ['lokasi', 'tempat', 'alamat', 'location'],
  places: ['jumlah tempat', 'tempat tersedia', 'kuota', 'formasi', 'jumlah lowongan', 'jumlah', 'places'],
  startOn: ['tanggal mulai', 'tgl mulai', 'mulai', 'start', 'start date'],
  closesOn: [
    'tanggal penutupan',
    'tgl penutupan',
    'batas pendaftaran',
    'penutupan',
    'ditutup',
    'tanggal tutup',
    'closing date',
    'closes',
  ],
  hoursPerWeek: ['jam per minggu', 'jam minggu', 'jam kerja per minggu', 'hours per week'],
  workHours: ['jam kerja', 'waktu kerja', 'work hours'],
  partTime: ['paruh waktu', 'part time'],
  flexible: ['fleksibel', 'waktu fleksibel', 'flexible'],
  shiftWork: ['shift', 'sif', 'kerja shift', 'shift work'],
  payMin: [
    'upah minimum',
    'upah terendah',
    'upah min',
    'gaji minimum',
    'gaji terendah',
    'gaji min',
    'pay min',
  ],
  payMax: [
    'upah maksimum',
    'upah tertinggi',
    'upah maks',
    'gaji maksimum',
    'gaji tertinggi',
    'gaji maks',
    'pay max',
  ],
  payPeriod: ['satuan upah', 'periode upah', 'upah per', 'pay period'],
  openToAsimilasi: ['asimilasi', 'terbuka untuk asimilasi', 'open to asimilasi'],
  skills: ['keterampilan', 'keahlian', 'keterampilan dibutuhkan', 'skills'],
  status: ['status'],
};

/** For each header the field it most likely holds; each field is suggested for one column at most. */
export function suggestMapping(
  target: VillageImportTarget,
  headers: string[],
): (VillageImportField | null)[] {
  const fields: readonly VillageImportField[] =
    target === 'partners' ? PARTNER_IMPORT_FIELDS : OPPORTUNITY_IMPORT_FIELDS;
  const words = (target === 'partners' ? PARTNER_HEADERS : OPPORTUNITY_HEADERS) as Record<string, string[]>;
  const used = new Set<string>();
  return headers.map((header) => {
    const name = normalizeWords(header);
    if (!name) return null;
    const field = fields.find((candidate) => !used.has(candidate) && words[candidate]?.includes(name));
    if (!field) return null;
    used.add(field);
    return field;
  });
}

// ── Words of the vocabularies (keys as normalizeWords leaves them) ──

/** The labels of the web's forms, and the words people write for them. */
const PARTNER_TYPE_WORDS: Record<string, PartnerType> = {
  umkm: 'umkm',
  ukm: 'umkm',
  'usaha mikro': 'umkm',
  perusahaan: 'company',
  pt: 'company',
  cv: 'company',
  koperasi: 'cooperative',
  'blk lembaga pelatihan': 'training_provider',
  'lembaga pelatihan blk lpk': 'training_provider',
  'lembaga pelatihan': 'training_provider',
  blk: 'training_provider',
  lpk: 'training_provider',
  'balai latihan kerja': 'training_provider',
  lsm: 'ngo',
  'lsm yayasan': 'ngo',
  yayasan: 'ngo',
  ngo: 'ngo',
  'pokmas lipas': 'pokmas_lipas',
  pokmas: 'pokmas_lipas',
  'instansi pemerintah': 'government_office',
  pemerintah: 'government_office',
  dinas: 'government_office',
  opd: 'government_office',
};

const SECTOR_WORDS: Record<string, Sector> = {
  garmen: 'garment',
  'garmen menjahit': 'garment',
  konveksi: 'garment',
  menjahit: 'garment',
  'tata busana': 'garment',
  'makanan minuman': 'food',
  makanan: 'food',
  boga: 'food',
  'tata boga': 'food',
  kuliner: 'food',
  katering: 'food',
  'tata rias salon': 'beauty',
  'tata rias': 'beauty',
  kecantikan: 'beauty',
  salon: 'beauty',
  batik: 'batik',
  kerajinan: 'craft',
  'binatu laundry': 'laundry',
  binatu: 'laundry',
  laundry: 'laundry',
  'pertanian perkotaan': 'urban_farming',
  'pertanian kota': 'urban_farming',
  hidroponik: 'urban_farming',
  'perdagangan toko': 'retail',
  perdagangan: 'retail',
  toko: 'retail',
  ritel: 'retail',
  'jualan daring': 'retail',
  'perhotelan restoran': 'hospitality',
  perhotelan: 'hospitality',
  restoran: 'hospitality',
  pariwisata: 'hospitality',
  administrasi: 'administration',
  komputer: 'administration',
  lainnya: 'other',
};

const WILLINGNESS_WORDS: Record<string, Willingness> = {
  ya: 'yes',
  y: 'yes',
  bersedia: 'yes',
  'bersedia mempekerjakan': 'yes',
  tidak: 'no',
  t: 'no',
  'tidak bersedia': 'no',
  'kasus per kasus': 'case_by_case',
  'per kasus': 'case_by_case',
  'dipertimbangkan per kasus': 'case_by_case',
  tergantung: 'case_by_case',
  'case by case': 'case_by_case',
  'belum diketahui': 'unknown',
  'tidak diketahui': 'unknown',
  'belum tahu': 'unknown',
};

const KIND_WORDS: Record<string, OpportunityKind> = {
  'lowongan kerja': 'job_vacancy',
  lowongan: 'job_vacancy',
  'lowongan pekerjaan': 'job_vacancy',
  pekerjaan: 'job_vacancy',
  kerja: 'job_vacancy',
  magang: 'apprenticeship',
  'pendampingan usaha': 'business_mentoring',
  pendampingan: 'business_mentoring',
  'keanggotaan koperasi': 'cooperative_membership',
  koperasi: 'cooperative_membership',
  'bantuan alat atau modal': 'tools_capital',
  'bantuan alat modal': 'tools_capital',
  'bantuan alat': 'tools_capital',
  'bantuan modal': 'tools_capital',
  'akses pasar': 'market_access',
  'lapak pasar': 'market_access',
  'tempat pelatihan lanjutan': 'training_place',
  'pelatihan lanjutan': 'training_place',
  'tempat pelatihan': 'training_place',
};

const PAY_PERIOD_WORDS: Record<string, PayPeriod> = {
  bulan: 'month',
  'per bulan': 'month',
  bulanan: 'month',
  minggu: 'week',
  'per minggu': 'week',
  mingguan: 'week',
  hari: 'day',
  'per hari': 'day',
  harian: 'day',
  borongan: 'piece',
  satuan: 'piece',
  'per satuan': 'piece',
  'per satuan borongan': 'piece',
  potong: 'piece',
  'per potong': 'piece',
  sekali: 'one_off',
  'sekali bayar': 'one_off',
};

const LEVEL_WORDS: Record<string, SkillLevel> = {
  dasar: 'basic',
  pemula: 'basic',
  menengah: 'intermediate',
  kompeten: 'competent',
  mahir: 'competent',
};

const ESSENTIAL_WORDS: Record<string, boolean> = {
  wajib: true,
  ya: true,
  essential: true,
  required: true,
  harus: true,
  opsional: false,
  optional: false,
  'tidak wajib': false,
  tambahan: false,
  'nilai tambah': false,
};

const YES = new Set(['ya', 'y', 'yes', 'true', '1', 'benar', 'v', 'x', '✓']);
const NO = new Set(['tidak', 't', 'no', 'false', '0', 'bukan', '-']);

const STATUS_WORDS: Record<string, 'draft' | 'open'> = {
  draft: 'draft',
  draf: 'draft',
  konsep: 'draft',
  open: 'open',
  dibuka: 'open',
  buka: 'open',
  terbuka: 'open',
};

// ── Cells ──

/** A yes/no cell: ya/tidak (and the usual variants), or an Excel boolean. */
function yesNo(cell: Cell, text: string): boolean | null {
  if (typeof cell === 'boolean') return cell;
  const word = text.trim().toLowerCase();
  if (YES.has(word)) return true;
  if (NO.has(word)) return false;
  return null;
}

/** A whole number: a number cell, or digits (with a sign) as text. */
function wholeNumber(cell: Cell, text: string): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) ? cell : null;
  const trimmed = text.trim();
  return /^[-+]?\d+$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * Rupiah as a whole number: a number cell, or text such as "2.500.000", "Rp 2.500.000,00", "2,500,000" or
 * "2500000". Negative amounts are read (the contract refuses them by field).
 */
export function rupiah(cell: Cell, text: string): number | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? cell : null;
  let value = text
    .trim()
    .replace(/^rp\.?\s*/i, '')
    .replace(/\s/g, '');
  const negative = value.startsWith('-');
  if (negative) value = value.slice(1);
  let digits: string | null = null;
  if (/^\d+$/.test(value)) digits = value;
  // Indonesian thousands (dots), optionally with ,00 cents.
  else if (/^\d{1,3}(\.\d{3})+(,0+)?$/.test(value)) digits = value.replace(/,0+$/, '').replace(/\./g, '');
  // English thousands (commas), optionally with .00 cents.
  else if (/^\d{1,3}(,\d{3})+(\.0+)?$/.test(value)) digits = value.replace(/\.0+$/, '').replace(/,/g, '');
  else if (/^\d+,0+$/.test(value)) digits = value.replace(/,0+$/, '');
  if (digits === null) return null;
  const amount = Number(digits);
  if (!Number.isSafeInteger(amount)) return null;
  return negative ? -amount : amount;
}

/** A phone number typed as a number loses its leading zero: 81234567890 was 081234567890. */
function phoneText(cell: Cell, text: string): string {
  return typeof cell === 'number' && /^8\d{7,13}$/.test(text) ? `0${text}` : text.replace(/^'/, '');
}

// ── Rows ──

/** A required skill as written in the file: "Menjahit:kompeten:wajib". */
export interface SkillReference {
  name: string;
  minLevel: SkillLevel;
  essential: boolean;
}

export interface MappedRow<F extends string> {
  /** The form's input, from the cells the row fills (an empty cell leaves a stored value as it is). */
  input: Record<string, unknown>;
  /** Fields the row fills (non-empty cells). */
  present: Set<F>;
  issues: RowIssue[];
  /** The text of each mapped field's cell, for the report. */
  texts: Partial<Record<F, string>>;
  /** The kelurahan as written (code or name), for the service to find. */
  village: string | null;
}

export interface MappedOpportunityRow extends MappedRow<OpportunityImportField> {
  /** The partner as written (name or short name). */
  partner: string | null;
  skills: SkillReference[];
  /** The status asked for (draft when not given). */
  status: 'draft' | 'open';
}

/** Reads the mapped, non-empty cells of a row: `read(field, cell, text)` for each. */
function eachCell<F extends string>(
  cells: Cell[],
  mapping: readonly (F | null)[],
  read: (field: F, cell: Cell, text: string) => void,
) {
  const present = new Set<F>();
  const texts: Partial<Record<F, string>> = {};
  mapping.forEach((field, index) => {
    if (!field) return;
    const cell = cells[index] ?? null;
    if (isEmptyCell(cell)) return;
    const text = cellText(cell).trim();
    texts[field] = text;
    present.add(field);
    read(field, cell, text);
  });
  return { present, texts };
}

const unknownValue = (field: string, value: string): RowIssue => ({
  field,
  key: 'import_unknown_value',
  params: { value },
});

/** A list of vocabulary words (sectors): every word known, each once. */
function vocabularyList<T extends string>(
  text: string,
  words: Record<string, T>,
  codes: readonly T[],
): { values: T[] } | { unknown: string } {
  const values: T[] = [];
  for (const part of splitList(text)) {
    const value = vocabulary(part, words, codes);
    if (value === null) return { unknown: part };
    if (!values.includes(value)) values.push(value);
  }
  return { values };
}

/** Turns the cells of a partner row into the partner form's input, with the problems a cell has on its own. */
export function mapPartnerRow(
  cells: Cell[],
  mapping: readonly (PartnerImportField | null)[],
): MappedRow<PartnerImportField> {
  const input: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  const contact: { name?: string; phone?: string } = {};
  let village: string | null = null;
  const { present, texts } = eachCell(cells, mapping, (field, cell, text) => {
    switch (field) {
      case 'type': {
        const type = vocabulary(text, PARTNER_TYPE_WORDS, PARTNER_TYPES);
        if (type) input.type = type;
        else issues.push(unknownValue(field, text));
        return;
      }
      case 'sectors': {
        const sectors = vocabularyList(text, SECTOR_WORDS, SECTORS);
        if ('values' in sectors) input.sectors = sectors.values;
        else issues.push(unknownValue(field, sectors.unknown));
        return;
      }
      case 'willingToEmploy': {
        const willing = vocabulary(text, WILLINGNESS_WORDS, PARTNER_WILLINGNESS);
        if (willing) input.willingToEmploy = willing;
        else issues.push(unknownValue(field, text));
        return;
      }
      case 'agreementSignedOn':
      case 'agreementExpiresOn': {
        const iso = parseDate(cell);
        if (iso) input[field] = iso;
        else issues.push({ field, key: 'import_date_format' });
        return;
      }
      case 'villageCode':
        village = text;
        return;
      case 'phone':
        input.phone = phoneText(cell, text);
        return;
      case 'contactName':
        contact.name = text;
        return;
      case 'contactPhone':
        contact.phone = phoneText(cell, text);
        return;
      default:
        input[field] = text;
    }
  });
  // The contact cells make one contact person (the name is then required, as in the form).
  if (contact.name !== undefined || contact.phone !== undefined) {
    if (contact.name === undefined) issues.push({ field: 'contactName', key: 'required' });
    else input.contacts = [{ name: contact.name, phone: contact.phone ?? null }];
  }
  return { input, present, issues, texts, village };
}

/** "Menjahit:kompeten:wajib; Katering:dasar:opsional" (also comma-separated) → references, or the first problem. */
export function parseSkills(text: string): { skills: SkillReference[] } | { issue: RowIssue } {
  const skills: SkillReference[] = [];
  for (const part of text.split(/[;,\n]/)) {
    if (part.trim() === '') continue;
    const [name = '', level, essential] = part.split(':').map((piece) => piece.trim());
    if (name === '')
      return { issue: { field: 'skills', key: 'import_skill_unknown', params: { value: part } } };
    let minLevel: SkillLevel = 'basic';
    if (level) {
      const found = vocabulary(level, LEVEL_WORDS, SKILL_LEVELS);
      if (!found)
        return { issue: { field: 'skills', key: 'import_skill_level_unknown', params: { value: level } } };
      minLevel = found;
    }
    let isEssential = true;
    if (essential) {
      const found = ESSENTIAL_WORDS[normalizeWords(essential)];
      if (found === undefined)
        return {
          issue: { field: 'skills', key: 'import_skill_essential_unknown', params: { value: essential } },
        };
      isEssential = found;
    }
    skills.push({ name, minLevel, essential: isEssential });
  }
  return { skills };
}

const BOOLEAN_FIELDS = new Set<OpportunityImportField>([
  'partTime',
  'flexible',
  'shiftWork',
  'openToAsimilasi',
]);

/** Turns the cells of an opportunity row into the opportunity form's input (staff's), with the problems a cell has on its own. */
export function mapOpportunityRow(
  cells: Cell[],
  mapping: readonly (OpportunityImportField | null)[],
): MappedOpportunityRow {
  const input: Record<string, unknown> = {};
  const issues: RowIssue[] = [];
  let village: string | null = null;
  let partner: string | null = null;
  let skills: SkillReference[] = [];
  let status: 'draft' | 'open' = 'draft';
  const { present, texts } = eachCell(cells, mapping, (field, cell, text) => {
    if (BOOLEAN_FIELDS.has(field)) {
      const value = yesNo(cell, text);
      if (value === null) issues.push({ field, key: 'import_yes_no', params: { value: text } });
      else input[field] = value;
      return;
    }
    switch (field) {
      case 'kind': {
        const kind = vocabulary(text, KIND_WORDS, OPPORTUNITY_KINDS);
        if (kind) input.kind = kind;
        else issues.push(unknownValue(field, text));
        return;
      }
      case 'sector': {
        const sector = vocabulary(text, SECTOR_WORDS, SECTORS);
        if (sector) input.sector = sector;
        else issues.push(unknownValue(field, text));
        return;
      }
      case 'payPeriod': {
        const period = vocabulary(text, PAY_PERIOD_WORDS, PAY_PERIODS);
        if (period) input.payPeriod = period;
        else issues.push(unknownValue(field, text));
        return;
      }
      case 'places':
      case 'hoursPerWeek': {
        const count = wholeNumber(cell, text);
        if (count === null) issues.push({ field, key: 'import_not_a_number' });
        else input[field] = count;
        return;
      }
      case 'payMin':
      case 'payMax': {
        const amount = rupiah(cell, text);
        if (amount === null) issues.push({ field, key: 'import_not_an_amount' });
        else input[field] = amount;
        return;
      }
      case 'startOn':
      case 'closesOn': {
        const iso = parseDate(cell);
        if (iso) input[field] = iso;
        else issues.push({ field, key: 'import_date_format' });
        return;
      }
      case 'skills': {
        const parsed = parseSkills(text);
        if ('issue' in parsed) issues.push(parsed.issue);
        else skills = parsed.skills;
        return;
      }
      case 'status': {
        const value = STATUS_WORDS[normalizeWords(text)];
        if (value) status = value;
        else issues.push({ field, key: 'import_status_not_importable', params: { value: text } });
        return;
      }
      case 'villageCode':
        village = text;
        return;
      case 'partnerName':
        partner = text;
        return;
      default:
        input[field] = text;
    }
  });
  return { input, present, issues, texts, village, partner, skills, status };
}

/** A kelurahan as written: its code with dots ('33.74.13.1013'), or its name without "Kelurahan"/"Kel."/"Desa". */
export function villageKey(text: string): { code: string } | { name: string } {
  const code = kemendagriCode(text);
  if (/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(code)) return { code };
  return { name: normalizeWords(text).replace(/^(kelurahan|kel|desa)\s+/, '') };
}

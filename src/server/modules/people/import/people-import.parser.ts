import {
  CreatePersonRequest,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  SECTORS,
} from '../../../../shared/people.ts';
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from '../../../../shared/peopleData.ts';
import {
  type Cell,
  cellText,
  kemendagriCode,
  normalizeWords,
  parseDate,
  type RowIssue,
  schemaIssues,
  splitList,
  vocabulary,
} from '../../../platform/spreadsheet.ts';

type EducationLevel = (typeof EDUCATION_LEVELS)[number];

// One row of a spreadsheet into the person form's input (reading the sheet is platform/spreadsheet.ts): no
// database here, so the whole of it is unit-tested (people-import.parser.test.ts).

// ── Suggesting a mapping from the headers ──

const HEADER_WORDS: Record<ImportField, string[]> = {
  fullName: ['nama lengkap', 'nama', 'full name', 'name', 'nama warga binaan', 'nama narapidana'],
  aliases: ['alias', 'nama alias', 'aliases', 'nama lain', 'als'],
  nik: ['nik', 'no nik', 'nomor nik', 'nomor induk kependudukan', 'no ktp', 'ktp'],
  birthPlace: ['tempat lahir', 'birth place', 'place of birth', 'tmp lahir'],
  birthDate: ['tanggal lahir', 'tgl lahir', 'birth date', 'date of birth', 'tanggal kelahiran'],
  registrationNumber: [
    'no registrasi',
    'nomor registrasi',
    'no reg',
    'registrasi',
    'no register',
    'registration number',
  ],
  domicileAddress: ['alamat', 'alamat domisili', 'alamat rumah', 'address', 'domicile address'],
  domicileVillageCode: ['kode kelurahan', 'kode desa', 'kode wilayah', 'kode kelurahan desa', 'village code'],
  phone: ['telepon', 'no telepon', 'no hp', 'nomor hp', 'hp', 'telp', 'phone', 'nomor telepon', 'whatsapp'],
  educationLevel: ['pendidikan', 'pendidikan terakhir', 'education', 'education level'],
  maritalStatus: ['status perkawinan', 'status kawin', 'perkawinan', 'marital status'],
  dependentChildren: ['jumlah anak', 'anak', 'tanggungan', 'dependent children', 'children'],
  skills: ['keterampilan', 'keahlian', 'ketrampilan', 'skills', 'skill'],
  interests: ['minat', 'interests', 'minat kerja'],
  religion: ['agama', 'religion'],
  ethnicity: ['suku', 'etnis', 'ethnicity', 'suku bangsa'],
  guarantorName: ['penjamin', 'nama penjamin', 'guarantor', 'guarantor name'],
  guarantorRelation: ['hubungan penjamin', 'hubungan', 'hubungan dengan penjamin', 'guarantor relation'],
  guarantorAddress: ['alamat penjamin', 'guarantor address'],
  guarantorPhone: ['telepon penjamin', 'no hp penjamin', 'hp penjamin', 'guarantor phone'],
  intendedVillageCode: [
    'kelurahan tujuan',
    'kode kelurahan tujuan',
    'desa binaan',
    'kelurahan binaan',
    'host village',
    'intended village',
  ],
  preferredSectors: ['sektor', 'sektor pilihan', 'bidang kerja', 'preferred sectors', 'sectors'],
};

/** For each header the field it most likely holds; each field is suggested for one column at most. */
export function suggestMapping(headers: string[]): ImportMapping {
  const used = new Set<ImportField>();
  return headers.map((header) => {
    const name = normalizeWords(header);
    if (!name) return null;
    const field = IMPORT_FIELDS.find(
      (candidate) => !used.has(candidate) && HEADER_WORDS[candidate].includes(name),
    );
    if (!field) return null;
    used.add(field);
    return field;
  });
}

// ── One row into the form's input ──

export interface MappedRow {
  /** The form's input (only what the file fills: an empty cell leaves a stored value as it is). */
  input: Record<string, unknown>;
  /** Fields the file sets (non-empty cells). */
  present: Set<ImportField>;
  issues: RowIssue[];
  /** The Kemendagri code of the intended host kelurahan, when the file gives one. */
  intendedVillageCode: string | null;
  /** The text of each mapped field's cell, for the report. */
  texts: Partial<Record<ImportField, string>>;
}

const EDUCATION_WORDS: Record<string, EducationLevel> = {
  'tidak sekolah': 'none',
  'belum sekolah': 'none',
  'tidak tamat sd': 'none',
  'tidak ada': 'none',
  sd: 'sd',
  'sd sederajat': 'sd',
  mi: 'sd',
  smp: 'smp',
  sltp: 'smp',
  mts: 'smp',
  'smp sederajat': 'smp',
  sma: 'sma',
  smk: 'sma',
  slta: 'sma',
  ma: 'sma',
  'sma sederajat': 'sma',
  d1: 'd1_d3',
  d2: 'd1_d3',
  d3: 'd1_d3',
  diploma: 'd1_d3',
  d4: 's1',
  s1: 's1',
  sarjana: 's1',
  s2: 's2_s3',
  s3: 's2_s3',
  // The labels the list export writes, so that an exported file imports again.
  'sma smk': 'sma',
  'd1 d3': 'd1_d3',
  's1 d4': 's1',
  's2 s3': 's2_s3',
};

const MARITAL_WORDS: Record<string, (typeof MARITAL_STATUSES)[number]> = {
  'belum kawin': 'single',
  'belum menikah': 'single',
  lajang: 'single',
  kawin: 'married',
  menikah: 'married',
  'cerai hidup': 'divorced',
  cerai: 'divorced',
  'cerai mati': 'widowed',
};

const SECTOR_WORDS: Record<string, (typeof SECTORS)[number]> = {
  garmen: 'garment',
  konveksi: 'garment',
  menjahit: 'garment',
  'tata busana': 'garment',
  boga: 'food',
  'tata boga': 'food',
  makanan: 'food',
  kuliner: 'food',
  katering: 'food',
  kecantikan: 'beauty',
  'tata rias': 'beauty',
  salon: 'beauty',
  batik: 'batik',
  kerajinan: 'craft',
  laundry: 'laundry',
  binatu: 'laundry',
  'pertanian kota': 'urban_farming',
  hidroponik: 'urban_farming',
  'jualan daring': 'retail',
  perdagangan: 'retail',
  ritel: 'retail',
  perhotelan: 'hospitality',
  pariwisata: 'hospitality',
  administrasi: 'administration',
  komputer: 'administration',
  lainnya: 'other',
};

/** Turns the cells of one row into the person form's input, with the problems a cell has on its own. */
export function mapRow(cells: Cell[], mapping: ImportMapping): MappedRow {
  const input: Record<string, unknown> = {};
  const present = new Set<ImportField>();
  const issues: RowIssue[] = [];
  const texts: MappedRow['texts'] = {};
  const guarantor: Record<string, string> = {};
  let intendedVillageCode: string | null = null;
  mapping.forEach((field, index) => {
    if (!field) return;
    const cell = cells[index] ?? null;
    if (cell === null || (typeof cell === 'string' && cell.trim() === '')) return;
    const text = cellText(cell).trim();
    texts[field] = text;
    present.add(field);
    switch (field) {
      case 'birthDate': {
        const iso = parseDate(cell);
        if (iso) input.birthDate = iso;
        else issues.push({ field, key: 'import_date_format' });
        return;
      }
      case 'nik': {
        if (typeof cell === 'number' && !Number.isSafeInteger(cell)) {
          // Excel keeps 15 significant digits of a number: the NIK was changed when it was typed.
          issues.push({ field, key: 'import_nik_as_number' });
          return;
        }
        input.nik = text.replace(/^'/, '').replace(/[\s.-]/g, '');
        return;
      }
      case 'phone': {
        // A phone number typed as a number loses its leading zero: 81234567890 was 081234567890.
        input.phone =
          typeof cell === 'number' && /^8\d{7,13}$/.test(text) ? `0${text}` : text.replace(/^'/, '');
        return;
      }
      case 'educationLevel': {
        const level = vocabulary(text, EDUCATION_WORDS, EDUCATION_LEVELS);
        if (level) input.educationLevel = level;
        else issues.push({ field, key: 'import_unknown_value', params: { value: text } });
        return;
      }
      case 'maritalStatus': {
        const status = vocabulary(text, MARITAL_WORDS, MARITAL_STATUSES);
        if (status) input.maritalStatus = status;
        else issues.push({ field, key: 'import_unknown_value', params: { value: text } });
        return;
      }
      case 'dependentChildren': {
        const count = typeof cell === 'number' ? cell : Number(text);
        if (Number.isInteger(count)) input.dependentChildren = count;
        else issues.push({ field, key: 'import_not_a_number' });
        return;
      }
      case 'aliases':
        input.aliases = splitList(text);
        return;
      case 'skills':
        input.skills = splitList(text).map((name) => ({ name }));
        return;
      case 'domicileVillageCode':
        input.domicileVillageCode = kemendagriCode(text);
        return;
      case 'intendedVillageCode':
        // Not a field of the form: the service turns the code into the kelurahan's organization.
        intendedVillageCode = kemendagriCode(text);
        return;
      case 'guarantorName':
      case 'guarantorRelation':
      case 'guarantorAddress':
      case 'guarantorPhone':
        guarantor[GUARANTOR_PARTS[field]] = text;
        return;
      case 'preferredSectors': {
        const sectors = splitList(text).map((word) => vocabulary(word, SECTOR_WORDS, SECTORS));
        if (sectors.every((sector) => sector !== null)) input.preferredSectors = [...new Set(sectors)];
        else issues.push({ field, key: 'import_unknown_value', params: { value: text } });
        return;
      }
      default:
        input[field] = text;
    }
  });
  // The guarantor's cells make one guarantor (the name is then required, as in the form).
  if (Object.keys(guarantor).length > 0)
    input.guarantor = {
      name: guarantor.name ?? '',
      relation: guarantor.relation ?? null,
      address: guarantor.address ?? null,
      phone: guarantor.phone ?? null,
    };
  return { input, present, issues, texts, intendedVillageCode };
}

const GUARANTOR_PARTS = {
  guarantorName: 'name',
  guarantorRelation: 'relation',
  guarantorAddress: 'address',
  guarantorPhone: 'phone',
} as const;

/** Zod's verdict on the mapped input, as issues per field (the first problem of each field). */
export function validateInput(input: Record<string, unknown>): {
  value: ReturnType<typeof CreatePersonRequest.parse> | null;
  issues: RowIssue[];
} {
  return schemaIssues(CreatePersonRequest, input);
}

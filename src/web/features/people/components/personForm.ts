import type {
  CreatePersonRequest,
  EDUCATION_LEVELS,
  MARITAL_STATUSES,
  Person,
  SECTORS,
  SKILL_EVIDENCE,
  SKILL_LEVELS,
  UpdatePersonRequest,
} from '../../../../shared/people.ts';

type Sector = (typeof SECTORS)[number];

export interface SkillRow {
  /** A stable React key: the skill's id, or a new random one. */
  key: string;
  name: string;
  sector: Sector | null;
  level: (typeof SKILL_LEVELS)[number];
  evidence: (typeof SKILL_EVIDENCE)[number];
  note: string | null;
}

/** The create and edit form: text inputs hold '' where the API takes null. */
export interface PersonFormValues {
  fullName: string;
  aliases: string[];
  nik: string;
  birthPlace: string;
  birthDate: string | null;
  educationLevel: (typeof EDUCATION_LEVELS)[number] | null;
  maritalStatus: (typeof MARITAL_STATUSES)[number] | null;
  dependentChildren: number | string;
  phone: string;
  guarantor: { name: string; relation: string; address: string; phone: string };
  domicileAddress: string;
  domicileVillageCode: string | null;
  intendedVillageId: string | null;
  registrationNumber: string;
  interests: string;
  preferredSectors: Sector[];
  constraints: { childcare: boolean; partTimeOnly: boolean; health: string };
  religion: string;
  ethnicity: string;
  skills: SkillRow[];
}

export type PersonFields = Omit<CreatePersonRequest, 'confirmSimilar'>;

export function newSkillRow(): SkillRow {
  return {
    key: Math.random().toString(36).slice(2),
    name: '',
    sector: null,
    level: 'basic',
    evidence: 'self_reported',
    note: null,
  };
}

export function emptyPersonForm(): PersonFormValues {
  return {
    fullName: '',
    aliases: [],
    nik: '',
    birthPlace: '',
    birthDate: null,
    educationLevel: null,
    maritalStatus: null,
    dependentChildren: '',
    phone: '',
    guarantor: { name: '', relation: '', address: '', phone: '' },
    domicileAddress: '',
    domicileVillageCode: null,
    intendedVillageId: null,
    registrationNumber: '',
    interests: '',
    preferredSectors: [],
    constraints: { childcare: false, partTimeOnly: false, health: '' },
    religion: '',
    ethnicity: '',
    skills: [],
  };
}

export function personFormFrom(person: Person): PersonFormValues {
  return {
    fullName: person.fullName ?? '',
    aliases: person.aliases ?? [],
    nik: person.nik ?? '',
    birthPlace: person.birthPlace ?? '',
    birthDate: person.birthDate,
    educationLevel: person.educationLevel,
    maritalStatus: person.maritalStatus,
    dependentChildren: person.dependentChildren ?? '',
    phone: person.phone ?? '',
    guarantor: {
      name: person.guarantor?.name ?? '',
      relation: person.guarantor?.relation ?? '',
      address: person.guarantor?.address ?? '',
      phone: person.guarantor?.phone ?? '',
    },
    domicileAddress: person.domicileAddress ?? '',
    domicileVillageCode: person.domicileVillage?.code ?? null,
    intendedVillageId: person.intendedVillage?.id ?? null,
    registrationNumber: person.registrationNumber ?? '',
    interests: person.interests ?? '',
    preferredSectors: person.preferredSectors ?? [],
    constraints: {
      childcare: person.constraints?.childcare ?? false,
      partTimeOnly: person.constraints?.partTimeOnly ?? false,
      health: person.constraints?.health ?? '',
    },
    religion: person.religion ?? '',
    ethnicity: person.ethnicity ?? '',
    skills: (person.skills ?? []).map((skill) => ({
      key: skill.id,
      name: skill.name,
      sector: skill.sector,
      level: skill.level,
      evidence: skill.evidence,
      note: skill.note,
    })),
  };
}

function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** The form as the API takes it. Keys always come in the same order, so two results compare as JSON. */
export function personFields(values: PersonFormValues): PersonFields {
  const guarantor = values.guarantor;
  const hasGuarantor = [guarantor.name, guarantor.relation, guarantor.address, guarantor.phone].some(
    (part) => part.trim() !== '',
  );
  return {
    fullName: values.fullName.trim(),
    aliases: values.aliases.map((alias) => alias.trim()).filter((alias) => alias !== ''),
    nik: text(values.nik.replace(/[\s.]/g, '')),
    birthPlace: text(values.birthPlace),
    birthDate: values.birthDate || null,
    educationLevel: values.educationLevel,
    maritalStatus: values.maritalStatus,
    dependentChildren:
      values.dependentChildren === '' || values.dependentChildren === null
        ? null
        : Number(values.dependentChildren),
    phone: text(values.phone),
    guarantor: hasGuarantor
      ? {
          name: guarantor.name.trim(),
          relation: text(guarantor.relation),
          address: text(guarantor.address),
          phone: text(guarantor.phone),
        }
      : null,
    domicileAddress: text(values.domicileAddress),
    domicileVillageCode: values.domicileVillageCode,
    intendedVillageId: values.intendedVillageId,
    registrationNumber: text(values.registrationNumber),
    interests: text(values.interests),
    preferredSectors: values.preferredSectors,
    constraints: {
      childcare: values.constraints.childcare,
      partTimeOnly: values.constraints.partTimeOnly,
      health: text(values.constraints.health),
    },
    religion: text(values.religion),
    ethnicity: text(values.ethnicity),
    skills: values.skills.map((skill) => ({
      name: skill.name.trim(),
      sector: skill.sector,
      level: skill.level,
      note: skill.note,
    })),
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Only what changed since `base` was read, with the version read: an edit never resends the rest. */
export function changedFields(base: PersonFormValues, values: PersonFormValues): Partial<PersonFields> {
  const before = personFields(base);
  const after = personFields(values);
  const changed: Partial<Record<keyof PersonFields, unknown>> = {};
  for (const key of Object.keys(after) as (keyof PersonFields)[]) {
    if (!same(before[key], after[key])) changed[key] = after[key];
  }
  return changed as Partial<PersonFields>;
}

export function updateRequest(
  base: PersonFormValues,
  values: PersonFormValues,
  version: number,
): UpdatePersonRequest {
  return { ...changedFields(base, values), version } as UpdatePersonRequest;
}

/**
 * After a conflict: the fields the officer changed keep her input; the ones she left alone take the
 * newer saved values, so saving again does not undo the other officer's change.
 */
export function mergeAfterConflict(
  oldBase: PersonFormValues,
  values: PersonFormValues,
  newBase: PersonFormValues,
): PersonFormValues {
  const before = personFields(oldBase);
  const mine = personFields(values);
  const merged = { ...values } as Record<keyof PersonFormValues, unknown>;
  for (const key of Object.keys(values) as (keyof PersonFormValues)[]) {
    if (same(before[key], mine[key])) merged[key] = newBase[key];
  }
  return merged as unknown as PersonFormValues;
}

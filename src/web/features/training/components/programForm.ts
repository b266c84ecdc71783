import type {
  CertificationPath,
  CreateProgramRequest,
  Program,
  ProviderKind,
  UpdateProgramRequest,
} from '../../../../shared/programs.ts';
import type { SkillLevel } from '../../../../shared/skills.ts';

export interface SkillRow {
  /** A stable React key. */
  key: string;
  skillId: string | null;
  level: SkillLevel;
}

export interface UnitRow {
  key: string;
  /** An existing unit keeps its id, so its assessments stay attached. */
  id?: string;
  code: string;
  title: string;
  skillId: string | null;
}

export interface InstructorRow {
  key: string;
  /** A user account, or null for a named outsider. */
  userId: string | null;
  name: string;
}

/** The program form's values: number inputs hold '' when empty, text inputs '' where the API takes null. */
export interface ProgramFormValues {
  name: string;
  description: string;
  providerKind: ProviderKind;
  /** The partner organization when the provider is a partner. */
  partnerId: string | null;
  skills: SkillRow[];
  units: UnitRow[];
  instructors: InstructorRow[];
  sessionsCount: number | string;
  hoursTotal: number | string;
  defaultCapacity: number | string;
  eligibility: { minDaysLeftToServe: number | string; minBehaviourScore: number | string };
  certification: CertificationPath;
  certificationBody: string;
  active: boolean;
}

export function rowKey(): string {
  return Math.random().toString(36).slice(2);
}

export const newSkillRow = (): SkillRow => ({ key: rowKey(), skillId: null, level: 'basic' });
export const newUnitRow = (): UnitRow => ({ key: rowKey(), code: '', title: '', skillId: null });
export const newInstructorRow = (): InstructorRow => ({ key: rowKey(), userId: null, name: '' });

export function programFormValues(program: Program | null): ProgramFormValues {
  if (!program) {
    return {
      name: '',
      description: '',
      providerKind: 'prison',
      partnerId: null,
      skills: [newSkillRow()],
      units: [],
      instructors: [],
      sessionsCount: '',
      hoursTotal: '',
      defaultCapacity: 20,
      eligibility: { minDaysLeftToServe: '', minBehaviourScore: '' },
      certification: 'none',
      certificationBody: '',
      active: true,
    };
  }
  return {
    name: program.name,
    description: program.description ?? '',
    providerKind: program.provider.kind,
    partnerId: program.provider.kind === 'partner' ? program.provider.id : null,
    skills: program.skills.map((skill) => ({
      key: skill.skillId,
      skillId: skill.skillId,
      level: skill.level,
    })),
    units: [...program.units]
      .sort((a, b) => a.position - b.position)
      .map((unit) => ({
        key: unit.id,
        id: unit.id,
        code: unit.code ?? '',
        title: unit.title,
        skillId: unit.skillId,
      })),
    instructors: program.instructors.map((instructor) => ({
      key: instructor.id,
      userId: instructor.userId,
      name: instructor.userId ? '' : instructor.name,
    })),
    sessionsCount: program.sessionsCount,
    hoursTotal: program.hoursTotal,
    defaultCapacity: program.defaultCapacity,
    eligibility: {
      minDaysLeftToServe: program.eligibility.minDaysLeftToServe ?? '',
      minBehaviourScore: program.eligibility.minBehaviourScore ?? '',
    },
    certification: program.certification,
    certificationBody: program.certificationBody ?? '',
    active: program.active,
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

/** A number input's value as a number, or null when it is empty or not a number. */
export function numberOrNull(value: number | string): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const text = value.trim().replace(',', '.');
  if (text === '') return null;
  const parsed = Number(text);
  return Number.isFinite(parsed) ? parsed : null;
}

/**
 * The request body from the form. Every row is sent in its place, so the server's errors (`units.2.title`)
 * land on the row the officer sees; the form checks empty rows and required numbers first.
 */
export function programRequest(values: ProgramFormValues, prisonId: string): CreateProgramRequest {
  const certification = values.certification;
  return {
    name: values.name.trim(),
    description: orNull(values.description),
    providerOrganizationId: values.providerKind === 'prison' ? prisonId : (values.partnerId ?? ''),
    skills: values.skills.map((row) => ({ skillId: row.skillId ?? '', level: row.level })),
    units: values.units.map((row) => ({
      ...(row.id ? { id: row.id } : {}),
      code: orNull(row.code),
      title: row.title.trim(),
      skillId: row.skillId,
    })),
    instructors: values.instructors.map((row) =>
      row.userId ? { userId: row.userId, name: null } : { userId: null, name: row.name.trim() },
    ),
    sessionsCount: numberOrNull(values.sessionsCount) ?? 0,
    hoursTotal: numberOrNull(values.hoursTotal) ?? 0,
    defaultCapacity: numberOrNull(values.defaultCapacity) ?? 0,
    eligibility: {
      minDaysLeftToServe: numberOrNull(values.eligibility.minDaysLeftToServe),
      minBehaviourScore: numberOrNull(values.eligibility.minBehaviourScore),
    },
    certification,
    certificationBody: certification === 'none' ? null : orNull(values.certificationBody),
    active: values.active,
  };
}

export function updateProgramRequest(
  values: ProgramFormValues,
  prisonId: string,
  version: number,
): UpdateProgramRequest {
  return { ...programRequest(values, prisonId), version };
}

/** Rows whose skill was already chosen in an earlier row (a program teaches each skill once). */
export function repeatedSkillRows(rows: readonly SkillRow[]): number[] {
  const seen = new Set<string>();
  const repeated: number[] = [];
  rows.forEach((row, index) => {
    if (row.skillId === null) return;
    if (seen.has(row.skillId)) repeated.push(index);
    else seen.add(row.skillId);
  });
  return repeated;
}

/**
 * The form's names for the API's fields where they differ: the provider is a choice between the prison and
 * a partner, so its error lands on the partner select (or on the choice itself for the prison).
 */
export function programFieldRenames(values: Pick<ProgramFormValues, 'providerKind'>): Record<string, string> {
  return { providerOrganizationId: values.providerKind === 'partner' ? 'partnerId' : 'providerKind' };
}

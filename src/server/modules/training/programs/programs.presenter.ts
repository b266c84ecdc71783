import type { Program, ProgramListItem, ProviderKind } from '../../../../shared/programs.ts';
import type { findInstructors, findUnits, ProgramRow } from './programs.repository.ts';

/** The provider is the prison's own workshop when it is the prison itself; otherwise a partner. */
function providerKind(row: ProgramRow): ProviderKind {
  return row.provider_organization_id === row.organization_id ? 'prison' : 'partner';
}

export function presentProgramListItem(row: ProgramRow): ProgramListItem {
  return {
    id: row.id,
    name: row.name,
    providerName: row.provider_name,
    providerKind: providerKind(row),
    skills: row.skills.map((skill) => ({
      ...skill,
      sector: skill.sector as ProgramListItem['skills'][number]['sector'],
    })),
    sessionsCount: row.sessions_count,
    hoursTotal: Number(row.hours_total),
    defaultCapacity: row.default_capacity,
    certification: row.certification,
    active: row.active,
    openCohorts: Number(row.open_cohorts),
    waitlist: Number(row.waitlist),
  };
}

export function presentProgram(
  row: ProgramRow,
  instructors: Awaited<ReturnType<typeof findInstructors>>,
  units: Awaited<ReturnType<typeof findUnits>>,
  viewer: { canManage: boolean },
): Program {
  return {
    ...presentProgramListItem(row),
    description: row.description,
    provider: { id: row.provider_organization_id, name: row.provider_name, kind: providerKind(row) },
    instructors: instructors.map((instructor) => ({
      id: instructor.id,
      userId: instructor.user_id,
      name: instructor.name,
    })),
    units: units.map((unit) => ({
      id: unit.id,
      code: unit.code,
      title: unit.title,
      skillId: unit.skill_id,
      position: unit.position,
    })),
    eligibility: {
      minDaysLeftToServe: row.eligibility.minDaysLeftToServe ?? null,
      minBehaviourScore: row.eligibility.minBehaviourScore ?? null,
    },
    certificationBody: row.certification_body,
    canManage: viewer.canManage,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

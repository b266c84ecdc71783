import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type {
  CreateProgramRequest,
  ProgramListQuery,
  UpdateProgramRequest,
} from '../../../../shared/programs.ts';
import type { Database, SkillLevelValue } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { audit } from '../../../platform/audit/audit.ts';
import {
  AppError,
  conflict,
  type FieldError,
  failOnFields,
  forbidden,
  notFound,
} from '../../../platform/errors.ts';
import { readsOrganizationTraining, requireTrainingManage } from '../training.access.ts';
import { presentProgram, presentProgramListItem } from './programs.presenter.ts';
import {
  clearUnitSkillsOutside,
  findActiveUsers,
  findInstructors,
  findOrganization,
  findProgram,
  findProgramByName,
  findSkillsByIds,
  findUnits,
  insertProgram,
  instructorOptions as listInstructorOptions,
  listPrograms,
  type ProgramValues,
  replaceInstructors,
  replaceProgramSkills,
  syncUnits,
  type UnitValues,
  updateProgramIfVersion,
} from './programs.repository.ts';

type Db = Kysely<Database>;
type CreateInput = z.output<typeof CreateProgramRequest>;
type UpdateInput = z.output<typeof UpdateProgramRequest>;
type ListQuery = z.output<typeof ProgramListQuery>;
type Fields = Record<string, FieldError>;

interface SkillInput {
  skillId: string;
  level: SkillLevelValue;
}
interface InstructorInput {
  userId?: string | null;
  name?: string | null;
}
interface UnitInput {
  id?: string;
  code?: string | null;
  title: string;
  skillId?: string | null;
}
type Unit = Awaited<ReturnType<typeof findUnits>>[number];

/** 403 unless the caller reads her prison's training (a partner's instructor sees her cohorts only). */
function requireCatalogueRead(ctx: RequestContext) {
  if (!readsOrganizationTraining(ctx)) throw forbidden();
}

const canManage = (ctx: RequestContext) => ctx.principal.permissions.includes('manage:training:organization');

/** The provider is the caller's prison itself or an organization of kind partner. */
async function checkProvider(db: Db, ctx: RequestContext, providerId: string, fields: Fields) {
  if (providerId === ctx.principal.organizationId) return;
  const provider = await findOrganization(db, providerId);
  if (provider?.kind !== 'partner') fields.providerOrganizationId = { key: 'program_provider_invalid' };
}

/** At least one skill, each known and active (or already taught by this program), each once. */
async function checkSkills(db: Db, skills: SkillInput[], alreadyTaught: Set<string>, fields: Fields) {
  if (skills.length === 0) {
    fields.skills = { key: 'program_skills_required' };
    return;
  }
  const known = new Map(
    (await findSkillsByIds(db, [...new Set(skills.map((skill) => skill.skillId))])).map((skill) => [
      skill.id,
      skill,
    ]),
  );
  const seen = new Set<string>();
  skills.forEach((skill, index) => {
    const row = known.get(skill.skillId);
    if (!row || (!row.active && !alreadyTaught.has(skill.skillId)))
      fields[`skills.${index}.skillId`] = { key: 'program_skill_unknown' };
    else if (seen.has(skill.skillId)) fields[`skills.${index}.skillId`] = { key: 'program_skill_duplicate' };
    seen.add(skill.skillId);
  });
}

/**
 * Instructors as stored: a user of the prison or of the provider (named as her account is), or an outsider
 * by name. Field errors name the row (`instructors.2.userId`).
 */
async function resolveInstructors(
  db: Db,
  ctx: RequestContext,
  instructors: InstructorInput[],
  providerId: string,
  fields: Fields,
) {
  const userIds = [...new Set(instructors.flatMap((item) => (item.userId ? [item.userId] : [])))];
  const users = new Map(
    (await findActiveUsers(db, [ctx.principal.organizationId, providerId], userIds)).map((user) => [
      user.id,
      user.full_name,
    ]),
  );
  const seen = new Set<string>();
  return instructors.map((item, index) => {
    if (item.userId) {
      const name = users.get(item.userId);
      if (!name) fields[`instructors.${index}.userId`] = { key: 'program_instructor_invalid' };
      else if (seen.has(item.userId))
        fields[`instructors.${index}.userId`] = { key: 'program_instructor_duplicate' };
      seen.add(item.userId);
      return { userId: item.userId, name: name ?? '' };
    }
    if (!item.name) fields[`instructors.${index}.name`] = { key: 'program_instructor_name_required' };
    return { userId: null, name: item.name ?? '' };
  });
}

/**
 * Units as stored, positioned in the order sent. A kept unit is named by its id (one of this program's);
 * its skill must be one the program teaches; a unit with assessments may not be dropped.
 */
function resolveUnits(units: UnitInput[], existing: Unit[], skillIds: Set<string>, fields: Fields) {
  const byId = new Map(existing.map((unit) => [unit.id, unit]));
  const kept = new Set<string>();
  const values: UnitValues[] = units.map((unit, index) => {
    if (unit.id && (!byId.has(unit.id) || kept.has(unit.id)))
      fields[`units.${index}.id`] = { key: 'program_unit_unknown' };
    if (unit.id) kept.add(unit.id);
    if (unit.skillId && !skillIds.has(unit.skillId))
      fields[`units.${index}.skillId`] = { key: 'program_unit_skill_invalid' };
    return {
      ...(unit.id && { id: unit.id }),
      code: unit.code ?? null,
      title: unit.title,
      skill_id: unit.skillId ?? null,
      position: index + 1,
    };
  });
  const assessed = existing.find((unit) => !kept.has(unit.id) && Number(unit.assessments) > 0);
  if (assessed) fields.units = { key: 'program_unit_has_assessments', params: { title: assessed.title } };
  return values;
}

function nameTaken(name: string): Fields {
  return { name: { key: 'program_name_taken', params: { name } } };
}

/** A name saved by two officers at once, or a unit assessed while it was being removed: named as fields. */
function constraintViolation(name: string, units: UnitInput[] | undefined) {
  return (error: unknown): never => {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'training_program_name_key')
      throw new AppError(400, 'VALIDATION_FAILED', { fields: nameTaken(name) });
    if (code === '23503' && units !== undefined)
      throw new AppError(400, 'VALIDATION_FAILED', {
        fields: { units: { key: 'program_unit_assessed_meanwhile' } },
      });
    throw error;
  };
}

async function load(db: Db, ctx: RequestContext, programId: string) {
  const row = await findProgram(db, ctx.principal.organizationId, programId);
  if (!row) throw notFound('TRAINING_PROGRAM_NOT_FOUND');
  const [instructors, units] = await Promise.all([findInstructors(db, programId), findUnits(db, programId)]);
  return presentProgram(row, instructors, units, { canManage: canManage(ctx) });
}

/** A page of the caller's prison's programs (the catalogue). */
export async function list(db: Db, ctx: RequestContext, query: ListQuery) {
  requireCatalogueRead(ctx);
  const { items, total } = await listPrograms(
    db,
    {
      organizationId: ctx.principal.organizationId,
      q: query.q,
      sector: query.sector,
      active: query.active === undefined ? undefined : query.active === 'true',
    },
    query,
  );
  return { items: items.map(presentProgramListItem), total, page: query.page, pageSize: query.pageSize };
}

/** One program of the caller's prison; 404 for any other. */
export async function get(db: Db, ctx: RequestContext, programId: string) {
  requireCatalogueRead(ctx);
  return load(db, ctx, programId);
}

/** Who may be named instructor: the prison's training managers and the provider partner's staff. */
export async function instructorOptions(
  db: Db,
  ctx: RequestContext,
  query: { providerOrganizationId?: string },
) {
  requireCatalogueRead(ctx);
  const rows = await listInstructorOptions(
    db,
    ctx.principal.organizationId,
    query.providerOrganizationId ?? null,
  );
  return rows.map((row) => ({
    userId: row.id,
    fullName: row.full_name,
    organizationName: row.organization_name,
  }));
}

function programValues(body: CreateInput): ProgramValues {
  return {
    name: body.name,
    description: body.description ?? null,
    provider_organization_id: body.providerOrganizationId,
    sessions_count: body.sessionsCount,
    hours_total: body.hoursTotal,
    default_capacity: body.defaultCapacity,
    eligibility: {
      minDaysLeftToServe: body.eligibility.minDaysLeftToServe ?? null,
      minBehaviourScore: body.eligibility.minBehaviourScore ?? null,
    },
    certification: body.certification,
    // A certification body means nothing without a certification path.
    certification_body: body.certification === 'none' ? null : (body.certificationBody ?? null),
    active: body.active,
  };
}

/** Adds a program to the caller's prison's catalogue, with its skills, instructors and units. */
export async function create(db: Db, ctx: RequestContext, body: CreateInput) {
  requireTrainingManage(ctx);
  const organizationId = ctx.principal.organizationId;
  const fields: Fields = {};
  if (await findProgramByName(db, organizationId, body.name)) Object.assign(fields, nameTaken(body.name));
  await checkProvider(db, ctx, body.providerOrganizationId, fields);
  await checkSkills(db, body.skills, new Set(), fields);
  const instructors = await resolveInstructors(
    db,
    ctx,
    body.instructors,
    body.providerOrganizationId,
    fields,
  );
  const units = resolveUnits(body.units, [], new Set(body.skills.map((skill) => skill.skillId)), fields);
  failOnFields(fields);
  const values = programValues(body);
  const id = await db.transaction().execute(async (trx) => {
    const programId = await insertProgram(trx, {
      ...values,
      organization_id: organizationId,
      created_by: ctx.principal.userId,
    }).catch(constraintViolation(body.name, undefined));
    await replaceProgramSkills(trx, programId, body.skills);
    await replaceInstructors(trx, programId, instructors);
    await syncUnits(trx, programId, units);
    await audit(trx, ctx, {
      action: 'program.created',
      subjectType: 'training_program',
      subjectId: programId,
      subjectOrganizationId: organizationId,
      details: {
        name: values.name,
        providerOrganizationId: values.provider_organization_id,
        skills: body.skills.map((skill) => skill.skillId),
        units: units.length,
      },
    });
    return programId;
  });
  return load(db, ctx, id);
}

/**
 * Changes a program; skills, instructors and units, when sent, replace the lists (a unit with assessments
 * cannot be dropped). All or nothing; stale version → 409.
 */
export async function update(db: Db, ctx: RequestContext, programId: string, body: UpdateInput) {
  requireTrainingManage(ctx);
  const organizationId = ctx.principal.organizationId;
  const current = await findProgram(db, organizationId, programId);
  if (!current) throw notFound('TRAINING_PROGRAM_NOT_FOUND');
  if (current.version !== body.version) throw conflict('TRAINING_PROGRAM_CHANGED');
  const [currentInstructors, currentUnits] = await Promise.all([
    findInstructors(db, programId),
    findUnits(db, programId),
  ]);
  const name = body.name ?? current.name;
  const providerId = body.providerOrganizationId ?? current.provider_organization_id;
  const taught = new Set(current.skills.map((skill) => skill.skillId));
  const skills =
    body.skills ?? current.skills.map((skill) => ({ skillId: skill.skillId, level: skill.level }));
  const fields: Fields = {};
  if (body.name !== undefined && (await findProgramByName(db, organizationId, name, programId)))
    Object.assign(fields, nameTaken(name));
  if (body.providerOrganizationId !== undefined) await checkProvider(db, ctx, providerId, fields);
  if (body.skills !== undefined) await checkSkills(db, skills, taught, fields);
  // Instructors are checked against the provider also when only the provider changes.
  const instructorsChecked = body.instructors !== undefined || body.providerOrganizationId !== undefined;
  const instructors = instructorsChecked
    ? await resolveInstructors(
        db,
        ctx,
        body.instructors ?? currentInstructors.map((item) => ({ userId: item.user_id, name: item.name })),
        providerId,
        fields,
      )
    : [];
  const skillIds = new Set(skills.map((skill) => skill.skillId));
  const units =
    body.units === undefined ? undefined : resolveUnits(body.units, currentUnits, skillIds, fields);
  failOnFields(fields);

  const { version, ...changes } = body;
  const values: Partial<ProgramValues> = {};
  if (changes.name !== undefined) values.name = changes.name;
  if (changes.description !== undefined) values.description = changes.description;
  if (changes.providerOrganizationId !== undefined)
    values.provider_organization_id = changes.providerOrganizationId;
  if (changes.sessionsCount !== undefined) values.sessions_count = changes.sessionsCount;
  if (changes.hoursTotal !== undefined) values.hours_total = changes.hoursTotal;
  if (changes.defaultCapacity !== undefined) values.default_capacity = changes.defaultCapacity;
  if (changes.eligibility !== undefined)
    values.eligibility = {
      minDaysLeftToServe: changes.eligibility.minDaysLeftToServe ?? null,
      minBehaviourScore: changes.eligibility.minBehaviourScore ?? null,
    };
  if (changes.certification !== undefined) values.certification = changes.certification;
  if (changes.certificationBody !== undefined) values.certification_body = changes.certificationBody;
  if ((changes.certification ?? current.certification) === 'none') values.certification_body = null;
  if (changes.active !== undefined) values.active = changes.active;

  await db.transaction().execute(async (trx) => {
    const updated = await updateProgramIfVersion(trx, programId, version, values).catch(
      constraintViolation(name, undefined),
    );
    if (!updated) throw conflict('TRAINING_PROGRAM_CHANGED');
    if (body.skills !== undefined) {
      await replaceProgramSkills(trx, programId, body.skills);
      if (units === undefined) await clearUnitSkillsOutside(trx, programId, [...skillIds]);
    }
    if (body.instructors !== undefined) await replaceInstructors(trx, programId, instructors);
    if (units !== undefined)
      await syncUnits(trx, programId, units).catch(constraintViolation(name, body.units));
    await audit(trx, ctx, {
      action: 'program.updated',
      subjectType: 'training_program',
      subjectId: programId,
      subjectOrganizationId: organizationId,
      details: {
        name,
        fields: Object.keys(body).filter((key) => key !== 'version'),
        ...(changes.active !== undefined && changes.active !== current.active && { active: changes.active }),
        version: version + 1,
      },
    });
  });
  return load(db, ctx, programId);
}

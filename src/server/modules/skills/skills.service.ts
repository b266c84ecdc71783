import type { Kysely } from 'kysely';
import type { z } from 'zod';
import {
  type CreateSkillRequest,
  SKILL_CODE_PATTERN,
  type UpdateSkillRequest,
} from '../../../shared/skills.ts';
import type { Database, SkillLevelValue } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { audit } from '../../platform/audit/audit.ts';
import { AppError, conflict, fieldError, notFound } from '../../platform/errors.ts';
import { presentSkill, presentTaxonomy } from './skills.presenter.ts';
import {
  findSkill,
  findSkillClashes,
  insertSkill,
  listSkills,
  type SkillValues,
  updateSkillIfVersion,
} from './skills.repository.ts';

type Db = Kysely<Database>;
type CreateInput = z.output<typeof CreateSkillRequest>;
type UpdateInput = z.output<typeof UpdateSkillRequest>;

const LEVELS: SkillLevelValue[] = ['basic', 'intermediate', 'competent'];

/** Aliases as the mapping compares them: lower-case, single spaces, each once. */
function normalizeAliases(aliases: string[]): string[] {
  return [...new Set(aliases.map((alias) => alias.trim().replace(/\s+/g, ' ').toLowerCase()))].filter(
    Boolean,
  );
}

function levelDescriptions(input: NonNullable<CreateInput['levelDescriptions']>) {
  const result: Partial<Record<SkillLevelValue, string>> = {};
  for (const level of LEVELS) {
    const text = input[level];
    if (text) result[level] = text;
  }
  return result;
}

/**
 * Refuses a code, a name or an alias another skill already uses, naming the field: the mapping of
 * self-reported names must point at one skill only.
 */
async function checkUnique(db: Db, values: SkillValues, excludeId?: string) {
  if (!SKILL_CODE_PATTERN.test(values.code)) throw fieldError('code', 'skill_code_format');
  const clashes = await findSkillClashes(db, {
    code: values.code,
    nameId: values.name_id,
    aliases: values.aliases,
    excludeId,
  });
  const fields: NonNullable<AppError['fields']> = {};
  const name = values.name_id.toLowerCase();
  for (const other of clashes) {
    if (other.code === values.code)
      fields.code ??= { key: 'skill_code_taken', params: { code: values.code } };
    if (other.name_id.toLowerCase() === name)
      fields.nameId ??= { key: 'skill_name_taken', params: { name: values.name_id } };
    else if (other.aliases.includes(name))
      fields.nameId ??= { key: 'skill_alias_taken', params: { alias: name, skill: other.name_id } };
    const alias = values.aliases.find(
      (candidate) => candidate === other.name_id.toLowerCase() || other.aliases.includes(candidate),
    );
    if (alias) fields.aliases ??= { key: 'skill_alias_taken', params: { alias, skill: other.name_id } };
  }
  if (Object.keys(fields).length > 0) throw new AppError(400, 'VALIDATION_FAILED', { fields });
}

/** Two administrators saving the same code or name at once: the unique index decides, named as a field. */
function uniqueViolation(values: { code?: string; name_id?: string }) {
  return (error: unknown): never => {
    const { code, constraint } = error as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'skill_code_key')
      throw new AppError(400, 'VALIDATION_FAILED', {
        fields: { code: { key: 'skill_code_taken', params: { code: values.code } } },
      });
    if (code === '23505' && constraint === 'skill_name_key')
      throw new AppError(400, 'VALIDATION_FAILED', {
        fields: { nameId: { key: 'skill_name_taken', params: { name: values.name_id } } },
      });
    throw error;
  };
}

/** The taxonomy by sector; deactivated skills only for administrators who ask for them. */
export async function list(db: Db, ctx: RequestContext, query: { includeInactive?: 'true' | 'false' }) {
  const includeInactive =
    query.includeInactive === 'true' && ctx.principal.permissions.includes('manage:skill:all');
  return presentTaxonomy(await listSkills(db, { includeInactive }));
}

async function load(db: Db, id: string) {
  const row = await findSkill(db, id);
  if (!row) throw notFound('SKILL_NOT_FOUND');
  return presentSkill(row);
}

/** Adds a skill to the taxonomy (administrators). */
export async function create(db: Db, ctx: RequestContext, body: CreateInput) {
  requirePermission(ctx, 'manage:skill');
  const values: SkillValues = {
    sector: body.sector,
    code: body.code,
    name_id: body.nameId,
    name_en: body.nameEn,
    skkni_reference: body.skkniReference ?? null,
    description: body.description ?? null,
    level_descriptions: levelDescriptions(body.levelDescriptions ?? {}),
    aliases: normalizeAliases(body.aliases ?? []),
    active: body.active ?? true,
  };
  await checkUnique(db, values);
  const id = await db.transaction().execute(async (trx) => {
    const skillId = await insertSkill(trx, values).catch(uniqueViolation(values));
    await audit(trx, ctx, {
      action: 'skill.created',
      subjectType: 'skill',
      subjectId: skillId,
      details: { code: values.code, sector: values.sector, name: values.name_id },
    });
    return skillId;
  });
  return load(db, id);
}

/** Changes a skill (administrators); `active: false` deactivates it. Stale version → 409. */
export async function update(db: Db, ctx: RequestContext, id: string, body: UpdateInput) {
  requirePermission(ctx, 'manage:skill');
  const current = await findSkill(db, id);
  if (!current) throw notFound('SKILL_NOT_FOUND');
  if (current.version !== body.version) throw conflict('SKILL_CHANGED');
  const changes: Partial<SkillValues> = {};
  if (body.sector !== undefined) changes.sector = body.sector;
  if (body.code !== undefined) changes.code = body.code;
  if (body.nameId !== undefined) changes.name_id = body.nameId;
  if (body.nameEn !== undefined) changes.name_en = body.nameEn;
  if (body.skkniReference !== undefined) changes.skkni_reference = body.skkniReference;
  if (body.description !== undefined) changes.description = body.description;
  if (body.levelDescriptions !== undefined)
    changes.level_descriptions = levelDescriptions(body.levelDescriptions);
  if (body.aliases !== undefined) changes.aliases = normalizeAliases(body.aliases);
  if (body.active !== undefined) changes.active = body.active;
  const merged: SkillValues = {
    sector: current.sector,
    code: current.code,
    name_id: current.name_id,
    name_en: current.name_en,
    skkni_reference: current.skkni_reference,
    description: current.description,
    level_descriptions: current.level_descriptions,
    aliases: current.aliases,
    active: current.active,
    ...changes,
  };
  await checkUnique(db, merged, id);
  await db.transaction().execute(async (trx) => {
    const updated = await updateSkillIfVersion(trx, id, body.version, changes).catch(uniqueViolation(merged));
    if (!updated) throw conflict('SKILL_CHANGED');
    await audit(trx, ctx, {
      action: 'skill.updated',
      subjectType: 'skill',
      subjectId: id,
      details: {
        code: merged.code,
        fields: Object.keys(body).filter((key) => key !== 'version'),
        ...(changes.active !== undefined && changes.active !== current.active && { active: changes.active }),
        version: body.version + 1,
      },
    });
  });
  return load(db, id);
}

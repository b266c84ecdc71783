import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, SkillLevelValue } from '../../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface ProgramSkillRow {
  skillId: string;
  code: string;
  name: string;
  nameEn: string;
  sector: string;
  level: SkillLevelValue;
}

export interface ProgramFilter {
  organizationId: string;
  q?: string;
  sector?: string;
  active?: boolean;
}

function programQuery(db: Db, filter: ProgramFilter) {
  return db
    .selectFrom('training_program as p')
    .innerJoin('organization as o', 'o.id', 'p.provider_organization_id')
    .where('p.organization_id', '=', filter.organizationId)
    .$if(filter.q !== undefined && filter.q !== '', (q) => {
      const pattern = likePattern((filter.q as string).toLowerCase());
      return q.where(
        sql<boolean>`(lower(p.name) like ${pattern} or lower(o.name) like ${pattern}
          or lower(coalesce(o.short_name, '')) like ${pattern})`,
      );
    })
    .$if(filter.sector !== undefined, (q) =>
      q.where(
        sql<boolean>`exists (select 1 from training_program_skill ps join skill s on s.id = ps.skill_id
          where ps.program_id = p.id and s.sector = ${filter.sector})`,
      ),
    )
    .$if(filter.active !== undefined, (q) => q.where('p.active', '=', filter.active as boolean));
}

function selectProgram(db: Db, filter: ProgramFilter) {
  return programQuery(db, filter).select([
    'p.id',
    'p.organization_id',
    'p.name',
    'p.description',
    'p.provider_organization_id',
    sql<string>`coalesce(o.short_name, o.name)`.as('provider_name'),
    'o.kind as provider_organization_kind',
    'p.sessions_count',
    'p.hours_total',
    'p.default_capacity',
    'p.eligibility',
    'p.certification',
    'p.certification_body',
    'p.active',
    'p.created_at',
    'p.updated_at',
    'p.version',
    sql<ProgramSkillRow[]>`coalesce((
        select json_agg(json_build_object('skillId', s.id, 'code', s.code, 'name', s.name_id,
          'nameEn', s.name_en, 'sector', s.sector, 'level', ps.level) order by lower(s.name_id))
        from training_program_skill ps join skill s on s.id = ps.skill_id
        where ps.program_id = p.id), '[]'::json)`.as('skills'),
    sql<string>`(select count(*) from training_cohort c
        where c.program_id = p.id and c.status in ('planned', 'enrolling', 'running'))`.as('open_cohorts'),
    sql<string>`(select count(*) from training_enrolment e
        where e.program_id = p.id and e.status in ('pending', 'approved'))`.as('waitlist'),
  ]);
}

export type ProgramRow = Awaited<ReturnType<ReturnType<typeof selectProgram>['executeTakeFirstOrThrow']>>;

/** A page of the prison's programs: active first, then by name. */
export async function listPrograms(db: Db, filter: ProgramFilter, page: { page: number; pageSize: number }) {
  const [items, count] = await Promise.all([
    selectProgram(db, filter)
      .orderBy('p.active', 'desc')
      .orderBy(sql`lower(p.name)`)
      .orderBy('p.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    programQuery(db, filter)
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.n) };
}

/** One program of the prison, or undefined (another prison's program does not exist for the caller). */
export function findProgram(db: Db, organizationId: string, programId: string) {
  return selectProgram(db, { organizationId }).where('p.id', '=', programId).executeTakeFirst();
}

export function findInstructors(db: Db, programId: string) {
  return db
    .selectFrom('training_program_instructor')
    .select(['id', 'user_id', 'name'])
    .where('program_id', '=', programId)
    .orderBy(sql`lower(name)`)
    .orderBy('id')
    .execute();
}

/** The program's competency units in order, each with how many assessments it has. */
export function findUnits(db: Db, programId: string) {
  return db
    .selectFrom('training_unit as u')
    .select([
      'u.id',
      'u.code',
      'u.title',
      'u.skill_id',
      'u.position',
      sql<string>`(select count(*) from training_assessment a where a.unit_id = u.id)`.as('assessments'),
    ])
    .where('u.program_id', '=', programId)
    .orderBy('u.position')
    .orderBy('u.id')
    .execute();
}

/** Another program of the prison with this name (case-insensitive). */
export function findProgramByName(db: Db, organizationId: string, name: string, excludeId?: string) {
  return db
    .selectFrom('training_program')
    .select('id')
    .where('organization_id', '=', organizationId)
    .where(sql<boolean>`lower(name) = lower(${name})`)
    .$if(excludeId !== undefined, (q) => q.where('id', '<>', excludeId as string))
    .executeTakeFirst();
}

export function findOrganization(db: Db, id: string) {
  return db.selectFrom('organization').select(['id', 'kind', 'name']).where('id', '=', id).executeTakeFirst();
}

export function findSkillsByIds(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('skill').select(['id', 'name_id', 'active']).where('id', 'in', ids).execute();
}

/** Active users of these organizations among the given ids. */
export function findActiveUsers(db: Db, organizationIds: string[], userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('app_user')
    .select(['id', 'full_name'])
    .where('id', 'in', userIds)
    .where('organization_id', 'in', organizationIds)
    .where('active', '=', true)
    .execute();
}

/**
 * Who may teach a program: active training managers of the prison (Giatja, Kalapas), and active staff of
 * the provider partner when it is one. The prison's people come first.
 */
export function instructorOptions(db: Db, prisonId: string, providerId: string | null) {
  return db
    .selectFrom('app_user as u')
    .innerJoin('organization as o', 'o.id', 'u.organization_id')
    .select(['u.id', 'u.full_name', sql<string>`coalesce(o.short_name, o.name)`.as('organization_name')])
    .where('u.active', '=', true)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('u.organization_id', '=', prisonId),
          sql<boolean>`exists (select 1 from user_role r where r.user_id = u.id
            and r.role_code in ('prison_giatja', 'prison_head'))`,
        ]),
        ...(providerId && providerId !== prisonId
          ? [
              eb.and([
                eb('u.organization_id', '=', providerId),
                eb('o.kind', '=', 'partner'),
                sql<boolean>`exists (select 1 from user_role r where r.user_id = u.id
                  and r.role_code = 'partner_staff')`,
              ]),
            ]
          : []),
      ]),
    )
    .orderBy(sql`u.organization_id = ${prisonId}`, 'desc')
    .orderBy(sql`lower(u.full_name)`)
    .orderBy('u.id')
    .execute();
}

export interface ProgramValues {
  name: string;
  description: string | null;
  provider_organization_id: string;
  sessions_count: number;
  hours_total: number;
  default_capacity: number;
  eligibility: { minDaysLeftToServe: number | null; minBehaviourScore: number | null };
  certification: 'none' | 'lsp_bnsp' | 'provider';
  certification_body: string | null;
  active: boolean;
}

function encode(values: Partial<ProgramValues>) {
  const { eligibility, ...rest } = values;
  return { ...rest, ...(eligibility !== undefined && { eligibility: JSON.stringify(eligibility) }) };
}

export async function insertProgram(
  db: Db,
  values: ProgramValues & { organization_id: string; created_by: string },
) {
  const row = await db
    .insertInto('training_program')
    .values({ ...values, eligibility: JSON.stringify(values.eligibility) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a program when the version still matches (and bumps it, also when only its lists change). */
export async function updateProgramIfVersion(
  db: Db,
  programId: string,
  version: number,
  values: Partial<ProgramValues>,
) {
  const result = await db
    .updateTable('training_program')
    .set({ ...encode(values), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', programId)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function replaceProgramSkills(
  db: Db,
  programId: string,
  skills: { skillId: string; level: SkillLevelValue }[],
) {
  await db.deleteFrom('training_program_skill').where('program_id', '=', programId).execute();
  if (skills.length === 0) return;
  await db
    .insertInto('training_program_skill')
    .values(skills.map((skill) => ({ program_id: programId, skill_id: skill.skillId, level: skill.level })))
    .execute();
}

export async function replaceInstructors(
  db: Db,
  programId: string,
  instructors: { userId: string | null; name: string }[],
) {
  await db.deleteFrom('training_program_instructor').where('program_id', '=', programId).execute();
  if (instructors.length === 0) return;
  await db
    .insertInto('training_program_instructor')
    .values(
      instructors.map((instructor) => ({
        program_id: programId,
        user_id: instructor.userId,
        name: instructor.name,
      })),
    )
    .execute();
}

export interface UnitValues {
  id?: string;
  code: string | null;
  title: string;
  skill_id: string | null;
  position: number;
}

/**
 * Makes the program's units the given list: kept units (by id) are updated in place, so their assessments
 * stay attached; new ones are added; the others are removed (the caller checked they have no assessments,
 * and the foreign key refuses if one was recorded meanwhile).
 */
export async function syncUnits(db: Db, programId: string, units: UnitValues[]) {
  const kept = units.flatMap((unit) => (unit.id ? [unit.id] : []));
  await db
    .deleteFrom('training_unit')
    .where('program_id', '=', programId)
    .$if(kept.length > 0, (q) => q.where('id', 'not in', kept))
    .execute();
  for (const unit of units.filter((candidate) => candidate.id)) {
    await db
      .updateTable('training_unit')
      .set({ code: unit.code, title: unit.title, skill_id: unit.skill_id, position: unit.position })
      .where('id', '=', unit.id as string)
      .where('program_id', '=', programId)
      .execute();
  }
  const fresh = units.filter((unit) => !unit.id);
  if (fresh.length)
    await db
      .insertInto('training_unit')
      .values(
        fresh.map((unit) => ({
          program_id: programId,
          code: unit.code,
          title: unit.title,
          skill_id: unit.skill_id,
          position: unit.position,
        })),
      )
      .execute();
}

/** Clears a unit's skill when the program no longer teaches it. */
export async function clearUnitSkillsOutside(db: Db, programId: string, skillIds: string[]) {
  await db
    .updateTable('training_unit')
    .set({ skill_id: null })
    .where('program_id', '=', programId)
    .where('skill_id', 'is not', null)
    .$if(skillIds.length > 0, (q) => q.where('skill_id', 'not in', skillIds))
    .execute();
}

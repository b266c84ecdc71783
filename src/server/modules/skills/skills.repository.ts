import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database, SkillLevelValue } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

const columns = [
  'id',
  'sector',
  'code',
  'name_id',
  'name_en',
  'skkni_reference',
  'description',
  'level_descriptions',
  'aliases',
  'active',
  'version',
] as const;

/** The taxonomy, by Indonesian name (case-insensitive); the active skills only unless asked otherwise. */
export function listSkills(db: Db, options: { includeInactive: boolean }) {
  return db
    .selectFrom('skill')
    .select(columns)
    .$if(!options.includeInactive, (q) => q.where('active', '=', true))
    .orderBy(sql`lower(name_id)`)
    .orderBy('code')
    .execute();
}

export type SkillRow = Awaited<ReturnType<typeof listSkills>>[number];

export function findSkill(db: Db, id: string) {
  return db.selectFrom('skill').select(columns).where('id', '=', id).executeTakeFirst();
}

/** Other skills that already use this code, this name, or one of these names as a name or alias. */
export async function findSkillClashes(
  db: Db,
  input: { code: string; nameId: string; aliases: string[]; excludeId?: string },
) {
  const names = [input.nameId.toLowerCase(), ...input.aliases];
  return db
    .selectFrom('skill')
    .select(['id', 'code', 'name_id', 'aliases'])
    .$if(input.excludeId !== undefined, (q) => q.where('id', '<>', input.excludeId as string))
    .where((eb) =>
      eb.or([
        eb('code', '=', input.code),
        eb(sql`lower(name_id)`, 'in', names),
        sql<boolean>`aliases ?| array[${sql.join(names)}]::text[]`,
      ]),
    )
    .execute();
}

export interface SkillValues {
  sector: string;
  code: string;
  name_id: string;
  name_en: string;
  skkni_reference: string | null;
  description: string | null;
  level_descriptions: Partial<Record<SkillLevelValue, string>>;
  aliases: string[];
  active: boolean;
}

function encode(values: Partial<SkillValues>) {
  const { level_descriptions, aliases, ...rest } = values;
  return {
    ...rest,
    ...(level_descriptions !== undefined && { level_descriptions: JSON.stringify(level_descriptions) }),
    ...(aliases !== undefined && { aliases: JSON.stringify(aliases) }),
  };
}

export async function insertSkill(db: Db, values: SkillValues) {
  const row = await db
    .insertInto('skill')
    .values(encode(values) as SkillValues & { level_descriptions: string; aliases: string })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Changes a skill when the version still matches; false otherwise. */
export async function updateSkillIfVersion(
  db: Db,
  id: string,
  version: number,
  values: Partial<SkillValues>,
) {
  const result = await db
    .updateTable('skill')
    .set({ ...encode(values), updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

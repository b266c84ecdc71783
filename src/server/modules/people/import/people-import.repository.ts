import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { RequestContext } from '../../../platform/access.ts';
import { type PersonValues, taxonomySkillOf } from '../people.repository.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Rows per statement: a few thousand bound values, far below PostgreSQL's 65,535. */
const CHUNK = 1000;

function chunks<T>(items: T[], size = CHUNK): T[][] {
  const result: T[][] = [];
  for (let index = 0; index < items.length; index += size) result.push(items.slice(index, index + size));
  return result;
}

export interface ExistingPerson {
  id: string;
  organization_id: string;
  nik: string | null;
  registration_number: string | null;
  full_name: string;
  aliases: string[];
  anonymized: boolean;
}

const existingColumns = [
  'id',
  'organization_id',
  'nik',
  'registration_number',
  'full_name',
  'aliases',
  sql<boolean>`anonymized_at is not null`.as('anonymized'),
] as const;

/** People already registered with any of these NIKs (in any prison: the NIK is unique nationwide). */
export async function findByNiks(db: Db, niks: string[]): Promise<ExistingPerson[]> {
  const found: ExistingPerson[] = [];
  for (const part of chunks([...new Set(niks)], 5000)) {
    found.push(...(await db.selectFrom('person').select(existingColumns).where('nik', 'in', part).execute()));
  }
  return found;
}

/** People of the prison already registered under any of these registration numbers. */
export async function findByRegistrationNumbers(
  db: Db,
  organizationId: string,
  numbers: string[],
): Promise<ExistingPerson[]> {
  const found: ExistingPerson[] = [];
  for (const part of chunks([...new Set(numbers)], 5000)) {
    found.push(
      ...(await db
        .selectFrom('person')
        .select(existingColumns)
        .where('organization_id', '=', organizationId)
        .where('registration_number', 'in', part)
        .execute()),
    );
  }
  return found;
}

/** The `person` columns an import writes, with their SQL types for jsonb_to_recordset. */
const INSERTED: Record<string, string> = {
  id: 'uuid',
  organization_id: 'uuid',
  created_by: 'uuid',
  full_name: 'text',
  aliases: 'jsonb',
  search_name: 'text',
  nik: 'text',
  birth_place: 'text',
  birth_date: 'date',
  education_level: 'text',
  marital_status: 'text',
  dependent_children: 'integer',
  phone: 'text',
  guarantor: 'jsonb',
  domicile_address: 'text',
  domicile_village_code: 'text',
  domicile_village_name: 'text',
  intended_village_id: 'uuid',
  registration_number: 'text',
  interests: 'text',
  preferred_sectors: 'jsonb',
  constraints: 'jsonb',
  religion: 'text',
  ethnicity: 'text',
};

/**
 * Rows as one JSON document per statement, unpacked by jsonb_to_recordset: one bound value instead of
 * thousands (binding them cost about half of the time on PGlite). jsonb columns travel as JSON values.
 */
function recordset(rows: Record<string, unknown>[], types: Record<string, string>) {
  const columns = Object.keys(types);
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const column of columns) {
      const value = row[column];
      record[column] =
        value === undefined
          ? null
          : types[column] === 'jsonb' && typeof value === 'string'
            ? JSON.parse(value)
            : value;
    }
    return record;
  });
  return {
    names: sql.join(columns.map((column) => sql.ref(column))),
    source: sql`jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${sql.raw(
      columns.map((column) => `${column} ${types[column]}`).join(', '),
    )})`,
  };
}

/** Inserts people in chunks; `id` is chosen by the caller (so nothing depends on the order of RETURNING). */
export async function insertPeople(
  db: Db,
  rows: (PersonValues & { id: string; organization_id: string; created_by: string })[],
): Promise<void> {
  for (const part of chunks(rows, 2000)) {
    const { names, source } = recordset(part as unknown as Record<string, unknown>[], INSERTED);
    await sql`insert into person (${names}) select ${names} from ${source}`.execute(db);
  }
}

/** The `person` columns an import may update, with their SQL types for jsonb_to_recordset. */
const UPDATABLE: Record<string, string> = {
  full_name: 'text',
  aliases: 'jsonb',
  search_name: 'text',
  nik: 'text',
  birth_place: 'text',
  birth_date: 'date',
  education_level: 'text',
  marital_status: 'text',
  dependent_children: 'integer',
  phone: 'text',
  domicile_address: 'text',
  domicile_village_code: 'text',
  domicile_village_name: 'text',
  registration_number: 'text',
  interests: 'text',
  religion: 'text',
  ethnicity: 'text',
};

/**
 * Updates people in chunks, one statement per chunk: each row sets only the columns it carries
 * (an empty cell in the file leaves the stored value as it is). Bumps the version so an open form
 * that read the old record gets a conflict instead of overwriting the import.
 */
export async function updatePeople(db: Db, rows: (Partial<PersonValues> & { id: string })[]): Promise<void> {
  for (const part of chunks(rows)) {
    const columns = Object.keys(UPDATABLE).filter((column) =>
      part.some((row) => (row as Record<string, unknown>)[column] !== undefined),
    );
    if (columns.length === 0) continue;
    const records = part.map((row) => {
      const record: Record<string, unknown> = { id: row.id };
      for (const column of columns) {
        const value = (row as Record<string, unknown>)[column];
        // jsonb values travel as JSON inside the JSON; the others as they are.
        record[column] =
          value === undefined ? null : UPDATABLE[column] === 'jsonb' ? JSON.parse(value as string) : value;
      }
      return record;
    });
    const definition = sql.raw(
      ['id uuid', ...columns.map((column) => `${column} ${UPDATABLE[column]}`)].join(', '),
    );
    const assignments = sql.join(
      columns.map(
        (column) => sql`${sql.ref(column)} = coalesce(${sql.ref(`v.${column}`)}, p.${sql.ref(column)})`,
      ),
    );
    await sql`update person p set ${assignments}, updated_at = now(), version = p.version + 1
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as v(${definition})
      where p.id = v.id`.execute(db);
  }
}

/** Names of the skills the people already have (lower-cased), by person. */
export async function skillNamesOf(db: Db, personIds: string[]): Promise<Map<string, Set<string>>> {
  const byPerson = new Map<string, Set<string>>();
  for (const part of chunks(personIds, 5000)) {
    const rows = await db
      .selectFrom('person_skill')
      .select(['person_id', 'name'])
      .where('person_id', 'in', part)
      .execute();
    for (const row of rows) {
      const names = byPerson.get(row.person_id) ?? new Set<string>();
      names.add(row.name.toLowerCase());
      byPerson.set(row.person_id, names);
    }
  }
  return byPerson;
}

/**
 * Inserts self-reported skills, each mapped onto the taxonomy by name or alias (its sector taken from the
 * skill). A skill the person already holds (under any name or evidence) or listed twice is left out.
 */
export async function insertSkills(
  db: Db,
  rows: { person_id: string; organization_id: string; name: string }[],
): Promise<void> {
  const types = { person_id: 'uuid', organization_id: 'uuid', name: 'text', position: 'integer' };
  for (const part of chunks(rows, 5000)) {
    const { source } = recordset(
      part.map((row, position) => ({ ...row, position })),
      types,
    );
    await sql`insert into person_skill (person_id, organization_id, name, sector, skill_id)
      select m.person_id, m.organization_id, m.name, k.sector, m.skill_id
      from (
        select distinct on (v.person_id, coalesce(t.skill_id::text, lower(v.name)))
          v.person_id, v.organization_id, v.name, v.position, t.skill_id
        from ${source}
        cross join lateral (select ${taxonomySkillOf(sql.ref('v.name'))} as skill_id) t
        order by v.person_id, coalesce(t.skill_id::text, lower(v.name)), v.position
      ) m
      left join skill k on k.id = m.skill_id
      where m.skill_id is null or not exists (
        select 1 from person_skill held where held.person_id = m.person_id and held.skill_id = m.skill_id)
      order by m.position
      on conflict (person_id, skill_id) where skill_id is not null do nothing`.execute(db);
  }
}

/** One timeline event per person, written in chunks (the bulk form of recordTimeline). */
export async function insertTimelineEvents(
  db: Db,
  ctx: RequestContext,
  events: {
    personId: string;
    kind: string;
    visibility: 'corrections' | 'shared';
    details: Record<string, unknown>;
  }[],
): Promise<void> {
  const actor = {
    actor_user_id: ctx.principal.userId,
    actor_name: ctx.principal.fullName,
    organization_id: ctx.principal.organizationId,
    organization_name: ctx.principal.organizationShortName ?? ctx.principal.organizationName,
  };
  const types = {
    person_id: 'uuid',
    kind: 'text',
    visibility: 'text',
    actor_user_id: 'uuid',
    actor_name: 'text',
    organization_id: 'uuid',
    organization_name: 'text',
    details: 'jsonb',
  };
  for (const part of chunks(events, 5000)) {
    const rows = part.map((event) => ({
      ...actor,
      person_id: event.personId,
      kind: event.kind,
      visibility: event.visibility,
      details: event.details,
    }));
    const { names, source } = recordset(rows, types);
    await sql`insert into person_event (${names}) select ${names} from ${source}`.execute(db);
  }
}

// ── Import runs ──

export async function insertImportRun(
  db: Db,
  values: {
    organization_id: string;
    file_name: string;
    sha256: string;
    status: 'checked' | 'committed' | 'failed';
    mapping: unknown;
    summary: Record<string, unknown>;
    created_by: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('person_import')
    .values({
      ...values,
      mapping: JSON.stringify({ columns: values.mapping }),
      summary: JSON.stringify(values.summary),
      committed_at: values.status === 'committed' ? sql<Date>`now()` : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The latest check of the same file by the same prison, to be marked committed or failed. */
export async function findCheckedRun(db: Db, organizationId: string, sha256: string) {
  return db
    .selectFrom('person_import')
    .select(['id'])
    .where('organization_id', '=', organizationId)
    .where('sha256', '=', sha256)
    .where('status', '=', 'checked')
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function finishImportRun(
  db: Db,
  id: string,
  values: { status: 'committed' | 'failed'; mapping: unknown; summary: Record<string, unknown> },
): Promise<void> {
  await db
    .updateTable('person_import')
    .set({
      status: values.status,
      mapping: JSON.stringify({ columns: values.mapping }),
      summary: JSON.stringify(values.summary),
      committed_at: values.status === 'committed' ? sql<Date>`now()` : null,
    })
    .where('id', '=', id)
    .execute();
}

import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

type Db = Kysely<Database>;

const columns = ['id', 'kind', 'version', 'rules', 'note', 'created_by_name', 'created_at'] as const;

/** The newest version of a kind of rules, if any is stored. */
export function findCurrentRuleSet(db: Db, kind: string) {
  return db
    .selectFrom('rule_set')
    .select(columns)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export type RuleSetRow = NonNullable<Awaited<ReturnType<typeof findCurrentRuleSet>>>;

/** Every version of a kind, newest first. */
export function listRuleSets(db: Db, kind: string) {
  return db
    .selectFrom('rule_set')
    .select(columns)
    .where('kind', '=', kind)
    .orderBy('version', 'desc')
    .execute();
}

/** Stores a version; the unique (kind, version) refuses a second writer of the same version. */
export function insertRuleSet(
  db: Db,
  row: {
    kind: string;
    version: number;
    rules: unknown;
    note: string | null;
    createdBy: string | null;
    createdByName: string | null;
  },
) {
  return db
    .insertInto('rule_set')
    .values({
      kind: row.kind,
      version: row.version,
      rules: JSON.stringify(row.rules),
      note: row.note,
      created_by: row.createdBy,
      created_by_name: row.createdByName,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
}

/** Stores version 1 unless it exists; returns whether it was stored. */
export async function insertFirstRuleSet(db: Db, kind: string, rules: unknown, note: string) {
  const result = await db
    .insertInto('rule_set')
    .values({ kind, version: 1, rules: JSON.stringify(rules), note })
    .onConflict((oc) => oc.columns(['kind', 'version']).doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

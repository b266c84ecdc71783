import { type Insertable, type Kysely, sql, type Updateable } from 'kysely';
import type { Database, OutcomeCheckTable } from '../../db/schema.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';

type Db = Kysely<Database>;

export function personRelease(db: Db, personId: string) {
  return db
    .selectFrom('person')
    .select(['id', 'organization_id', 'released_on', 'returned_on', 'anonymized_at'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

function checkQuery(db: Db) {
  return db
    .selectFrom('outcome_check as c')
    .innerJoin('organization as o', 'o.id', 'c.organization_id')
    .selectAll('c')
    .select(sql<string>`coalesce(o.short_name, o.name)`.as('organization_name'));
}

export type CheckRow = Awaited<ReturnType<typeof listChecks>>[number];

export function listChecks(db: Db, personId: string) {
  return checkQuery(db).where('c.person_id', '=', personId).orderBy('c.window_months').execute();
}

export function findCheck(db: Db, checkId: string) {
  return checkQuery(db).where('c.id', '=', checkId).executeTakeFirst();
}

export async function insertCheck(db: Db, values: Insertable<OutcomeCheckTable>): Promise<string> {
  const row = await db.insertInto('outcome_check').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Inserts the checks of windows not yet checked; the ones already there are left alone. */
export async function insertMissingChecks(db: Db, values: Insertable<OutcomeCheckTable>[]) {
  if (values.length === 0) return 0;
  const rows = await db
    .insertInto('outcome_check')
    .values(values)
    .onConflict((oc) => oc.columns(['person_id', 'window_months']).doNothing())
    .returning('id')
    .execute();
  return rows.length;
}

/**
 * Moves the automatic checks of a return on `from` (returned_to_custody_on = checked_on = from, no work
 * status) to `to`: checks due before `to` are deleted, the others
 * get the new date. Checks recorded by hand (a work status, or another date) are left alone.
 */
export async function moveReturnChecks(db: Db, personId: string, from: string, to: string | null) {
  const deleted = await db
    .deleteFrom('outcome_check')
    .where('person_id', '=', personId)
    .where('returned_to_custody_on', '=', from)
    .where('checked_on', '=', from)
    .where('work_status', 'is', null)
    .$if(to !== null, (q) => q.where('due_on', '<', to as string))
    .returning('id')
    .execute();
  if (to === null) return { deleted: deleted.length, moved: 0 };
  const moved = await db
    .updateTable('outcome_check')
    .set({
      returned_to_custody_on: to,
      checked_on: to,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('person_id', '=', personId)
    .where('returned_to_custody_on', '=', from)
    .where('checked_on', '=', from)
    .where('work_status', 'is', null)
    .returning('id')
    .execute();
  return { deleted: deleted.length, moved: moved.length };
}

export function updateCheck(db: Db, checkId: string, version: number, values: Updateable<OutcomeCheckTable>) {
  return db
    .updateTable('outcome_check')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', checkId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

export interface CohortFigure {
  cohort: string;
  window_months: number;
  size: string | number;
  checks: string | number;
  working: string | number;
  in_training: string | number;
  not_working: string | number;
  returned: string | number;
}

/**
 * The cohort figures of every release quarter between `from` and `to` (dates), per window: one row per
 * (quarter, window) that has people. A person counts as returned by a window when her earliest return after
 * release (person.returned_on, or any check's returned_to_custody_on) is on or before released_on + window.
 */
export async function cohortFigures(db: Db, from: string, to: string): Promise<CohortFigure[]> {
  const result = await sql<CohortFigure>`
    with cohort as (
      select p.id, p.released_on,
        to_char(p.released_on, 'YYYY') || '-Q' || extract(quarter from p.released_on)::int as cohort,
        least(
          case when p.returned_on >= p.released_on then p.returned_on end,
          (select min(x.returned_to_custody_on) from outcome_check x where x.person_id = p.id)
        ) as returned_on
      from person p
      where p.released_on between ${from}::date and ${to}::date
        -- a release recorded ahead (later this quarter) is not a release yet
        and p.released_on <= ${TODAY_SQL}
    ),
    windows as (select unnest(array[1, 3, 6, 12]) as window_months)
    select c.cohort, w.window_months,
      count(*) as size,
      count(k.id) as checks,
      count(k.id) filter (where k.work_status in ('employed', 'self_employed')) as working,
      count(k.id) filter (where k.work_status = 'in_training') as in_training,
      count(k.id) filter (where k.work_status in ('unemployed', 'not_looking')) as not_working,
      count(*) filter (where c.returned_on <= (c.released_on + make_interval(months => w.window_months))::date)
        as returned
    from cohort c
    cross join windows w
    left join outcome_check k on k.person_id = c.id and k.window_months = w.window_months
    group by c.cohort, w.window_months`.execute(db);
  return result.rows;
}

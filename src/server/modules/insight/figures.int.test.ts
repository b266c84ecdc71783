import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../../tests/support/database.ts';
import type { DatabaseHandle } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';

// The insight tables (migration 2026_11_30_0011, ADR 015): insight_person, insight_enrolment and
// insight_attendance_month are kept by statement triggers on every table they are computed from. Whatever the
// modules write, the tables must equal what insight_rebuild() computes from scratch: after the demo's seed
// (every module's writes), after edits, moves and deletes across the source tables, and when two transactions
// write facts of the same woman at the same time.

let handle: DatabaseHandle;
let db: Kysely<Database>;

beforeAll(async () => {
  handle = await createTestDatabase({ demo: true });
  db = handle.db;
});

afterAll(async () => {
  await handle?.close();
});

type Snapshot = Record<'person' | 'enrolment' | 'attendance', unknown[]>;

/** The three tables, every column as text, in a fixed order. */
async function snapshot(): Promise<Snapshot> {
  const rows = async (table: string, order: string) =>
    (await sql.raw(`select t::text as row from ${table} t order by ${order}`).execute(db)).rows;
  return {
    person: await rows('insight_person', 'id'),
    enrolment: await rows('insight_enrolment', 'id'),
    attendance: await rows('insight_attendance_month', 'enrolment_id, month'),
  };
}

/** The tables as the triggers left them, and as a rebuild from the source tables computes them. */
async function maintainedAndRebuilt(): Promise<{ maintained: Snapshot; rebuilt: Snapshot }> {
  const maintained = await snapshot();
  await sql`select insight_rebuild()`.execute(db);
  return { maintained, rebuilt: await snapshot() };
}

async function one<T>(query: string): Promise<T> {
  const row = (await sql.raw<T>(query).execute(db)).rows[0];
  if (!row) throw new Error(`no row for: ${query}`);
  return row;
}

describe('insight tables kept by the database', () => {
  it('hold every person, enrolment and month of attendance of the demo, as a rebuild computes them', async () => {
    const { maintained, rebuilt } = await maintainedAndRebuilt();
    expect(maintained).toEqual(rebuilt);
    const counts = await one<{ people: number; enrolments: number; marks: number; summed: number }>(`
      select (select count(*) from person)::int as people, (select count(*) from training_enrolment where cohort_id is not null)::int as enrolments,
        (select count(*) from training_attendance a join training_session s on s.id = a.session_id
          where s.status <> 'cancelled')::int as marks,
        (select coalesce(sum(recorded), 0) from insight_attendance_month)::int as summed`);
    expect(maintained.person).toHaveLength(counts.people);
    expect(maintained.enrolment).toHaveLength(counts.enrolments);
    expect(counts.marks).toBeGreaterThan(0);
    expect(counts.summed).toBe(counts.marks);
  });

  it('follow edits, moves and deletes in every source table', async () => {
    const before = await snapshot();
    // A cohort with enrolments and attendance: cancelled, and another one's dates moved.
    const cohorts = (
      await sql<{ id: string }>`select tc.id from training_cohort tc
        where exists (select 1 from training_enrolment e where e.cohort_id = tc.id and e.status in ('allocated', 'completed'))
        order by tc.start_date, tc.id limit 2`.execute(db)
    ).rows;
    expect(cohorts).toHaveLength(2);
    await sql`update training_cohort set status = 'cancelled' where id = ${cohorts[0]?.id}`.execute(db);
    await sql`update training_cohort set start_date = start_date - 40, end_date = end_date - 40, completed_on = null
      where id = ${cohorts[1]?.id}`.execute(db);
    // A session with marks cancelled; another moved to the next month.
    const sessions = (
      await sql<{ id: string }>`select s.id from training_session s
        where s.status = 'scheduled' and exists (select 1 from training_attendance a where a.session_id = s.id)
        order by s.date, s.id limit 2`.execute(db)
    ).rows;
    expect(sessions).toHaveLength(2);
    await sql`update training_session set status = 'cancelled' where id = ${sessions[0]?.id}`.execute(db);
    await sql`update training_session set date = date + 31 where id = ${sessions[1]?.id}`.execute(db);
    // Marks changed and deleted.
    await sql`update training_attendance set present = true, absence_reason = null
      where (session_id, enrolment_id) in (select session_id, enrolment_id from training_attendance
        where not present order by session_id, enrolment_id limit 5)`.execute(db);
    await sql`delete from training_attendance where (session_id, enrolment_id) in
      (select session_id, enrolment_id from training_attendance order by enrolment_id, session_id limit 3)`.execute(
      db,
    );
    // An enrolment withdrawn, another taken back to the waiting list; a certificate revoked (deleted) and another backdated.
    await sql`update training_enrolment set status = 'withdrawn'
      where id = (select id from training_enrolment where status = 'completed' order by id limit 1)`.execute(
      db,
    );
    await sql`update training_enrolment set status = 'approved', cohort_id = null
      where id = (select e.id from training_enrolment e where e.status = 'allocated'
        and not exists (select 1 from training_attendance a where a.enrolment_id = e.id)
        and not exists (select 1 from certificate c where c.enrolment_id = e.id) order by e.id limit 1)`.execute(
      db,
    );
    await sql`delete from certificate where id = (select id from certificate order by issued_on, id limit 1)`.execute(
      db,
    );
    await sql`update certificate set issued_on = issued_on - 100
      where id = (select id from certificate order by issued_on desc, id limit 1)`.execute(db);
    // A handover's acceptance deleted; a placement moved and another deleted with its steps.
    await sql`delete from handover_event
      where id = (select id from handover_event where action = 'accepted' order by at, id limit 1)`.execute(
      db,
    );
    await sql`update placement set placed_on = placed_on - 20
      where id = (select id from placement where placed_on is not null order by placed_on, id limit 1)`.execute(
      db,
    );
    const placement = await one<{ id: string }>(
      `select id from placement where placed_on is not null order by placed_on desc, id limit 1`,
    );
    await sql`delete from placement_step where placement_id = ${placement.id}`.execute(db);
    await sql`delete from placement where id = ${placement.id}`.execute(db);
    // A 12-month check turned to employed; a person released, another returned; a detention start moved.
    await sql`update outcome_check set work_status = 'employed'
      where id = (select id from outcome_check where window_months = 12 and work_status = 'unemployed'
        order by id limit 1)`.execute(db);
    await sql`update person set released_on = release_date
      where id = (select id from person where released_on is null and release_date is not null
        order by release_date, id limit 1)`.execute(db);
    await sql`update person set returned_on = released_on + 200
      where id = (select id from person where released_on is not null and returned_on is null
        order by released_on, id limit 1)`.execute(db);
    await sql`update custody set detention_start_date = detention_start_date - 10
      where person_id = (select person_id from custody where detention_start_date is not null
        order by person_id limit 1)`.execute(db);

    // An enrolment with marks moved to another woman (not in that cohort); a record's creation day moved for a
    // woman with no detention start (her entry day).
    await sql`update training_enrolment e set person_id = (select p.id from person p
        where not exists (select 1 from training_enrolment x where x.person_id = p.id and x.cohort_id = e.cohort_id)
        order by p.id limit 1)
      where e.id = (select a.enrolment_id from training_attendance a order by a.enrolment_id desc limit 1)`.execute(
      db,
    );
    await sql`update person set created_at = created_at - interval '400 days'
      where id = (select p.id from person p join training_enrolment e on e.person_id = p.id
        left join custody c on c.person_id = p.id where c.detention_start_date is null order by p.id limit 1)`.execute(
      db,
    );

    const { maintained, rebuilt } = await maintainedAndRebuilt();
    expect(maintained).toEqual(rebuilt);
    // The edits did move the tables (else this test would prove nothing).
    for (const table of ['person', 'enrolment', 'attendance'] as const) {
      expect(maintained[table], table).not.toEqual(before[table]);
    }
  });

  it('drop a person’s rows with her record', async () => {
    // A woman with an enrolment, none of whose enrolments another woman's certificate names (the enrolment moved
    // above): her record, enrolments and attendance go together.
    const person = await one<{ id: string }>(`select p.id from person p
      where exists (select 1 from training_enrolment e where e.person_id = p.id)
        and not exists (select 1 from training_enrolment e join certificate c on c.enrolment_id = e.id
          where e.person_id = p.id and c.person_id <> p.id)
      order by p.created_at desc, p.id limit 1`);
    await sql`delete from person where id = ${person.id}`.execute(db);
    const left = await one<{ n: number }>(
      `select (select count(*) from insight_person where id = '${person.id}')::int
        + (select count(*) from insight_enrolment where person_id = '${person.id}')::int
        + (select count(*) from insight_attendance_month where person_id = '${person.id}')::int as n`,
    );
    expect(left.n).toBe(0);
    const { maintained, rebuilt } = await maintainedAndRebuilt();
    expect(maintained).toEqual(rebuilt);
  });

  it('keeps both facts when two transactions write about the same woman at once', async () => {
    const person = await one<{ id: string; organization_id: string }>(`
      select p.id, p.organization_id from person p join insight_person m on m.id = p.id
      where m.certified_on is null and m.placed_on is null and p.released_on is null
      order by p.id limit 1`);
    const skill = await one<{ id: string }>(`select id from skill order by id limit 1`);
    const opportunity = await one<{ id: string }>(`select id from opportunity order by id limit 1`);
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let written: () => void = () => {};
    const certificateWritten = new Promise<void>((resolve) => {
      written = resolve;
    });
    // The first transaction records a certificate and stays open; the second records a placement meanwhile.
    const first = db.transaction().execute(async (trx) => {
      await sql`insert into certificate (organization_id, person_id, skill_id, level, number, issuer, issued_on)
        values (${person.organization_id}, ${person.id}, ${skill.id}, 'basic', 'TEST/1', 'LPP', '2026-01-15')`.execute(
        trx,
      );
      written();
      await held;
    });
    await certificateWritten;
    const second = db.transaction().execute(async (trx) => {
      await sql`insert into placement (person_id, opportunity_id, stage, placed_on, proposer_organization_id)
        values (${person.id}, ${opportunity.id}, 'placed', '2026-02-01', ${person.organization_id})`.execute(
        trx,
      );
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    release();
    await Promise.all([first, second]);
    const row = await one<{ certified_on: string | null; placed_on: string | null }>(
      `select certified_on::text, placed_on::text from insight_person where id = '${person.id}'`,
    );
    expect(row).toEqual({ certified_on: '2026-01-15', placed_on: '2026-02-01' });
  });
});

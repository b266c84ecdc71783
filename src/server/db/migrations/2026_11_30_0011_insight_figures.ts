import { type Kysely, sql } from 'kysely';

// Frozen: never edit after it has landed; change the schema with a new dated migration.
// Insight figures (issue 9, ADR 015): three narrow tables the dashboard counts from instead of the activity
// tables, kept exact by the database itself (statement triggers on every table they are computed from), so no
// writing module can forget them and no figure is ever stale. On 300,000 people and about 6,700,000 activity
// rows the dashboard otherwise re-aggregated every person's enrolments, certificates, handovers, placements
// and checks, and about 2,000,000 attendance marks, on each request (bench/README.md, "Insight").
//
// - insight_person: one row per person with what the funnel and the stock read: her scope columns, the day
//   she entered the program, her release and supervision dates, and the FIRST day she reached each funnel
//   stage (trained, certified, handed over, placed, working at the 12-month check). "Reached by day D" is
//   then `stage_on <= D`, for any D.
// - insight_enrolment: one row per enrolment in a cohort (not one on a waiting list) with the day its person
//   entered the program (as insight_person's), its cohort's organization, status and days (start; end =
//   completed, else planned end) and the first day a certificate was issued for it.
// - insight_attendance_month: per enrolment and calendar month, the attendance marks recorded and present in
//   its sessions (not cancelled) of that month. Dashboard periods are whole months.
//
// Each trigger recomputes the rows of the people (enrolments) its statement touched, from the source tables,
// after locking those rows in id order, and the parent rows they read (cohorts, sessions, custody) for share:
// two transactions writing facts of one woman recompute her row one after the other, the second from what the
// first committed (under read committed each statement of a plpgsql function reads a fresh snapshot), so
// concurrent writes never leave a stale row. The price: an enrolment and its cohort edited at the same moment
// can deadlock, and PostgreSQL then cancels one of the two (the user saves again). Statement triggers
// with transition tables: a bulk import of 50,000 rows recomputes once, not 50,000 times.
// insight_rebuild() recomputes everything (this migration's backfill; a repair tool).

/** A person's own columns (person and custody), then the first day of each funnel stage (other tables). */
const PERSON_OWN_COLUMNS = `organization_id, intended_village_id, entry_on, release_date, released_on, returned_on,
  supervision_end_date`;
const PERSON_COLUMNS = `${PERSON_OWN_COLUMNS}, training_on, certified_on, handed_over_on, placed_on, working_12_on`;

/** `column = excluded.column, …` for an upsert of `columns` (a comma-separated list). */
const setExcluded = (columns: string) =>
  columns
    .split(',')
    .map((column) => `${column.trim()} = excluded.${column.trim()}`)
    .join(', ');

/** The insight_person rows of the people matching `where` (on person `p`), computed from the source tables. */
const personRows = (where: string) => `
  select p.id, p.organization_id, p.intended_village_id,
    coalesce(c.detention_start_date, (p.created_at at time zone 'Asia/Jakarta')::date),
    p.release_date, p.released_on, p.returned_on, p.supervision_end_date,
    (select min(tc.start_date) from training_enrolment e join training_cohort tc on tc.id = e.cohort_id
      where e.person_id = p.id and e.status in ('allocated', 'completed') and tc.status <> 'cancelled'),
    (select min(ce.issued_on) from certificate ce where ce.person_id = p.id),
    (select min((he.at at time zone 'Asia/Jakarta')::date) from handover h
      join handover_event he on he.handover_id = h.id and he.action = 'accepted' where h.person_id = p.id),
    (select min(pl.placed_on) from placement pl where pl.person_id = p.id),
    (select min(oc.checked_on) from outcome_check oc where oc.person_id = p.id and oc.window_months = 12
      and oc.work_status in ('employed', 'self_employed'))
  from person p left join custody c on c.person_id = p.id
  where ${where}`;

/**
 * A person's own columns of insight_person (hers and her custody's), for the people matching `where`: what a
 * write to person or custody can change. The stage days come from other tables, and a person just inserted
 * has none yet (their rows need hers first), so these writes leave them alone: an import of 50,000 people
 * does not look up 50,000 people's activity twice.
 */
const personOwnRows = (where: string) => `
  select p.id, p.organization_id, p.intended_village_id,
    coalesce(c.detention_start_date, (p.created_at at time zone 'Asia/Jakarta')::date),
    p.release_date, p.released_on, p.returned_on, p.supervision_end_date
  from person p left join custody c on c.person_id = p.id
  where ${where}`;

/** The insight_attendance_month rows of the enrolments matching `where` (on attendance `a`). */
const attendanceRows = (where: string) => `
  select a.enrolment_id, date_trunc('month', s.date)::date, e.person_id, count(*)::int,
    (count(*) filter (where a.present))::int
  from training_attendance a
  join training_session s on s.id = a.session_id and s.status <> 'cancelled'
  join training_enrolment e on e.id = a.enrolment_id
  where ${where}
  group by a.enrolment_id, date_trunc('month', s.date), e.person_id`;

/** The insight_enrolment rows of the enrolments matching `where` (on enrolment `e`). */
const enrolmentRows = (where: string) => `
  select e.id, e.person_id, coalesce(c.detention_start_date, (p.created_at at time zone 'Asia/Jakarta')::date),
    e.cohort_id, e.status, tc.status, tc.start_date, coalesce(tc.completed_on, tc.end_date),
    (select min(ce.issued_on) from certificate ce where ce.enrolment_id = e.id)
  from training_enrolment e join training_cohort tc on tc.id = e.cohort_id
  join person p on p.id = e.person_id left join custody c on c.person_id = e.person_id
  where ${where}`;

const ENROLMENT_COLUMNS = `person_id, person_entry_on, cohort_id, status, cohort_status, cohort_start_on, cohort_end_on,
  certified_on`;

type Refresh = 'person' | 'person_own' | 'enrolment' | 'attendance';

/**
 * For each table the figures come from and each figure table it feeds: the ids (people, or enrolments) a
 * statement touched, as a query over `rows` (its transition table `new_rows` for insert and update, `old_rows`
 * for update and delete). `changed`: an update counts only for rows whose relevant columns changed.
 */
const SOURCES: ReadonlyArray<{
  table: string;
  refresh: Refresh;
  ids: (rows: string) => string;
  changed?: string;
}> = [
  {
    table: 'person',
    refresh: 'person_own',
    ids: (rows) => `select id from ${rows}`,
    changed: `(n.organization_id, n.intended_village_id, n.release_date, n.released_on, n.returned_on,
        n.supervision_end_date, n.created_at) is distinct from (o.organization_id, o.intended_village_id,
        o.release_date, o.released_on, o.returned_on, o.supervision_end_date, o.created_at)`,
  },
  { table: 'custody', refresh: 'person_own', ids: (rows) => `select person_id from ${rows}` },
  {
    table: 'custody',
    refresh: 'enrolment',
    ids: (rows) =>
      `select e.id from training_enrolment e where e.person_id in (select person_id from ${rows})`,
  },
  { table: 'training_enrolment', refresh: 'person', ids: (rows) => `select person_id from ${rows}` },
  { table: 'training_enrolment', refresh: 'enrolment', ids: (rows) => `select id from ${rows}` },
  {
    table: 'training_enrolment',
    refresh: 'attendance',
    ids: (rows) => `select id from ${rows}`,
    changed: 'n.person_id is distinct from o.person_id',
  },
  {
    table: 'person',
    refresh: 'enrolment',
    ids: (rows) => `select e.id from training_enrolment e where e.person_id in (select id from ${rows})`,
    changed: 'n.created_at is distinct from o.created_at',
  },
  {
    table: 'training_cohort',
    refresh: 'person',
    ids: (rows) =>
      `select e.person_id from training_enrolment e where e.cohort_id in (select id from ${rows})`,
    changed: '(n.status, n.start_date) is distinct from (o.status, o.start_date)',
  },
  {
    table: 'training_cohort',
    refresh: 'enrolment',
    ids: (rows) => `select e.id from training_enrolment e where e.cohort_id in (select id from ${rows})`,
    changed: `(n.status, n.start_date, n.end_date, n.completed_on)
        is distinct from (o.status, o.start_date, o.end_date, o.completed_on)`,
  },
  { table: 'certificate', refresh: 'person', ids: (rows) => `select person_id from ${rows}` },
  {
    table: 'certificate',
    refresh: 'enrolment',
    ids: (rows) => `select enrolment_id from ${rows} where enrolment_id is not null`,
  },
  { table: 'handover', refresh: 'person', ids: (rows) => `select person_id from ${rows}` },
  {
    table: 'handover_event',
    refresh: 'person',
    ids: (rows) => `select h.person_id from handover h where h.id in (select handover_id from ${rows})`,
  },
  { table: 'placement', refresh: 'person', ids: (rows) => `select person_id from ${rows}` },
  { table: 'outcome_check', refresh: 'person', ids: (rows) => `select person_id from ${rows}` },
  { table: 'training_attendance', refresh: 'attendance', ids: (rows) => `select enrolment_id from ${rows}` },
  {
    table: 'training_session',
    refresh: 'attendance',
    ids: (rows) =>
      `select a.enrolment_id from training_attendance a where a.session_id in (select id from ${rows})`,
    changed: '(n.status, n.date) is distinct from (o.status, o.date)',
  },
];

/** The body of a trigger function: the ids a statement touched (per TG_OP), then the refresh. */
function triggerBody(ids: (rows: string) => string, changed: string | undefined, refresh: string): string {
  const updated = changed
    ? ids(`(select n.* from new_rows n join old_rows o on o.id = n.id where ${changed}) changed_rows`)
    : `${ids('new_rows')} union ${ids('old_rows')}`;
  return `
    declare ids uuid[];
    begin
      if tg_op = 'INSERT' then
        select array_agg(distinct x.id) into ids from (${ids('new_rows')}) x(id);
      elsif tg_op = 'UPDATE' then
        select array_agg(distinct x.id) into ids from (${updated}) x(id);
      else
        select array_agg(distinct x.id) into ids from (${ids('old_rows')}) x(id);
      end if;
      if ids is not null then
        perform ${refresh}(ids);
      end if;
      return null;
    end`;
}

/** Three statement triggers (insert, update, delete: a transition table serves one event only). */
async function createTriggers(db: Kysely<any>, table: string, name: string): Promise<void> {
  const events = [
    ['insert', 'referencing new table as new_rows'],
    ['update', 'referencing old table as old_rows new table as new_rows'],
    ['delete', 'referencing old table as old_rows'],
  ] as const;
  for (const [event, referencing] of events) {
    await sql
      .raw(`create trigger ${name}_${event} after ${event} on ${table} ${referencing}
        for each statement execute function ${name}()`)
      .execute(db);
  }
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create table insight_person (
      id uuid primary key references person (id) on delete cascade,
      organization_id uuid,
      intended_village_id uuid,
      entry_on date not null,
      release_date date,
      released_on date,
      returned_on date,
      supervision_end_date date,
      training_on date,
      certified_on date,
      handed_over_on date,
      placed_on date,
      working_12_on date
    )`.execute(db);
  // The scope's columns (a prison's people, a kelurahan's intended people).
  await sql`create index insight_person_organization_idx on insight_person (organization_id)`.execute(db);
  await sql`create index insight_person_village_idx on insight_person (intended_village_id)`.execute(db);
  // Release cohorts (outcomes by release quarter).
  await sql`create index insight_person_released_idx on insight_person (released_on) include (id, returned_on)
    where released_on is not null`.execute(db);

  await sql`
    create table insight_enrolment (
      id uuid primary key references training_enrolment (id) on delete cascade,
      person_id uuid not null,
      person_entry_on date not null,
      cohort_id uuid not null,
      status text not null,
      cohort_status text not null,
      cohort_start_on date not null,
      cohort_end_on date not null,
      certified_on date
    )`.execute(db);
  // Cohorts by the day they end (completed in a period, running on a day).
  await sql`create index insight_enrolment_end_idx on insight_enrolment (cohort_end_on)
    include (cohort_start_on, cohort_id, person_id, person_entry_on, status, cohort_status,
      certified_on)`.execute(db);

  await sql`
    create table insight_attendance_month (
      enrolment_id uuid not null references training_enrolment (id) on delete cascade,
      month date not null,
      person_id uuid not null,
      recorded integer not null,
      present integer not null,
      primary key (enrolment_id, month)
    )`.execute(db);
  await sql`create index insight_attendance_month_idx on insight_attendance_month (month)
    include (person_id, recorded, present)`.execute(db);

  await sql
    .raw(`
    create function insight_person_refresh(ids uuid[]) returns void language plpgsql as $$
    begin
      perform 1 from insight_person where id = any(ids) order by id for update;
      -- The cohorts her stage days read: a cohort's dates or status changed by a transaction still open are
      -- waited for (its own trigger may not see an enrolment this one adds).
      perform 1 from training_cohort where id in (select cohort_id from training_enrolment where person_id = any(ids))
        order by id for share;
      insert into insight_person (id, ${PERSON_COLUMNS}) ${personRows('p.id = any(ids)')}
      on conflict (id) do update set ${setExcluded(PERSON_COLUMNS)};
    end
    $$`)
    .execute(db);
  await sql
    .raw(`
    create function insight_person_own_refresh(ids uuid[]) returns void language plpgsql as $$
    begin
      perform 1 from insight_person where id = any(ids) order by id for update;
      insert into insight_person (id, ${PERSON_OWN_COLUMNS}) ${personOwnRows('p.id = any(ids)')}
      on conflict (id) do update set ${setExcluded(PERSON_OWN_COLUMNS)};
    end
    $$`)
    .execute(db);
  await sql
    .raw(`
    create function insight_enrolment_refresh(ids uuid[]) returns void language plpgsql as $$
    begin
      -- The enrolments themselves (one still on the waiting list has no row here yet), then what their rows read
      -- (cohort, custody), so that a concurrent change to either is waited for and then seen.
      perform 1 from training_enrolment where id = any(ids) order by id for no key update;
      perform 1 from training_cohort where id in (select cohort_id from training_enrolment where id = any(ids))
        order by id for share;
      perform 1 from custody where person_id in (select person_id from training_enrolment where id = any(ids))
        order by person_id for share;
      insert into insight_enrolment (id, ${ENROLMENT_COLUMNS}) ${enrolmentRows('e.id = any(ids)')}
      on conflict (id) do update set ${setExcluded(ENROLMENT_COLUMNS)};
      -- An enrolment taken off its cohort (back on the waiting list) has no row.
      delete from insight_enrolment ie where ie.id = any(ids)
        and not exists (select 1 from training_enrolment e where e.id = ie.id and e.cohort_id is not null);
    end
    $$`)
    .execute(db);
  await sql
    .raw(`
    create function insight_attendance_refresh(ids uuid[]) returns void language plpgsql as $$
    begin
      -- One recomputation of an enrolment at a time (attendance's foreign key check, a key share lock, passes).
      -- The sessions read first (a date or status change still open is waited for, holding nothing it needs).
      perform 1 from training_session where id in (select session_id from training_attendance
        where enrolment_id = any(ids)) order by id for share;
      perform 1 from training_enrolment where id = any(ids) order by id for no key update;
      delete from insight_attendance_month where enrolment_id = any(ids);
      insert into insight_attendance_month (enrolment_id, month, person_id, recorded, present)
        ${attendanceRows('a.enrolment_id = any(ids)')};
    end
    $$`)
    .execute(db);

  for (const source of SOURCES) {
    const name = `${source.table}_insight_${source.refresh}`;
    await sql
      .raw(`create function ${name}() returns trigger language plpgsql as $$
        ${triggerBody(source.ids, source.changed, `insight_${source.refresh}_refresh`)}
        $$`)
      .execute(db);
    await createTriggers(db, source.table, name);
  }

  // Everything from scratch: the backfill here, and a repair should the tables ever be written by hand.
  await sql
    .raw(`
    create function insight_rebuild() returns void language plpgsql as $$
    begin
      lock table insight_person, insight_enrolment, insight_attendance_month in exclusive mode;
      delete from insight_person;
      insert into insight_person (id, ${PERSON_COLUMNS}) ${personRows('true')};
      delete from insight_enrolment;
      insert into insight_enrolment (id, ${ENROLMENT_COLUMNS}) ${enrolmentRows('true')};
      delete from insight_attendance_month;
      insert into insight_attendance_month (enrolment_id, month, person_id, recorded, present)
        ${attendanceRows('true')};
    end
    $$`)
    .execute(db);
  await sql`select insight_rebuild()`.execute(db);
  // Statistics now, so that the first dashboard after an upgrade is planned on them.
  await sql`analyze insight_person, insight_enrolment, insight_attendance_month`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const source of SOURCES) {
    const name = `${source.table}_insight_${source.refresh}`;
    for (const event of ['insert', 'update', 'delete']) {
      await sql.raw(`drop trigger if exists ${name}_${event} on ${source.table}`).execute(db);
    }
    await sql.raw(`drop function if exists ${name}()`).execute(db);
  }
  for (const table of ['insight_person', 'insight_person_own', 'insight_enrolment', 'insight_attendance']) {
    await sql.raw(`drop function if exists ${table}_refresh(uuid[])`).execute(db);
  }
  await sql`drop function if exists insight_rebuild()`.execute(db);
  for (const table of ['insight_attendance_month', 'insight_enrolment', 'insight_person']) {
    await sql.raw(`drop table if exists ${table}`).execute(db);
  }
}

import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { BAPAS_ID, KECAMATAN_ID, LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { round } from './children.ts';

// The insight dashboard's activity on top of `db:synth`'s people (bench/insight.ts): about three years of
// training (cohorts, sessions, enrolments, attendance: the bulk), certificates, reintegration plans and
// handovers with their events, partners and opportunities in the 16 kelurahan, placements with their steps,
// outcome checks at 1/3/6/12 months, supervision sessions, the person timeline, and the governance records
// (agreements, work plans with activities and targets, meetings with action items). Everything is set-based
// `insert … select` over generate_series in ONE transaction: a constraint error aborts the whole fill and is
// thrown as it is (nothing is caught here). Only the synthetic people (created_by is null) get activity; the
// demo's 60 women keep theirs.
//
// Deterministic: ids are md5(seed:key) shaped as a version-4 uuid and every random choice is md5(seed:key) read as a number in
// [0, 1) (`pg_temp.rnd`), keyed by what it decides for (person, slot, session…): the same people, seed and
// day give the same rows, whatever the plan's row order or parallelism.

type Db = Kysely<Database>;
type Trx = Transaction<Database>;

/** Marks the bench's own records: a second fill of the same database is skipped. */
export const SYNTHETIC = '(sintetis)';

export interface InsightFillSettings {
  seed: number;
  /** 'yyyy-mm-dd': the program's today (platform/calendar.ts `today()`). */
  today: string;
}

export interface InsightFill {
  skipped: boolean;
  /** The synthetic people given activity. */
  people: number;
  /** First day of the first month of training (36 months before the current one). */
  from: string;
  cohortsPerProgramMonth: number;
  opportunitiesPerVillageQuarter: number;
  /** Rows in each table after the fill (the whole table: demo and synthetic rows). */
  counts: Record<string, number>;
  /** The sum of the activity tables' counts (ACTIVITY_TABLES). */
  activityRows: number;
  steps: { name: string; seconds: number }[];
  seconds: number;
}

/** The tables counted as "events" (activity) for the issue's 5,000,000. */
export const ACTIVITY_TABLES = [
  'training_cohort',
  'training_session',
  'training_enrolment',
  'training_attendance',
  'certificate',
  'person_event',
  'reintegration_plan',
  'handover',
  'handover_event',
  'opportunity',
  'placement',
  'placement_step',
  'outcome_check',
  'supervision_schedule',
  'supervision_session',
  'agreement',
  'agreement_party',
  'work_plan',
  'work_plan_activity',
  'work_plan_target',
  'meeting',
  'meeting_agenda_item',
  'meeting_attendee',
  'meeting_decision',
  'action_item',
] as const;

const COUNTED = ['person', 'custody', 'organization', 'partner_profile', ...ACTIVITY_TABLES] as const;

/** Average enrolments per person the cohorts are sized for, and the cohort size aimed at. */
const ENROLMENTS_PER_PERSON = 1.2;
const COHORT_SIZE = 22;
const MONTHS_BACK = 36;
/** Months of cohorts after the current one (planned and enrolling). */
const MONTHS_AHEAD = 3;

function monthsBefore(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) - months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

async function count(db: Db | Trx, table: string): Promise<number> {
  const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
  return result.rows[0]?.n ?? 0;
}

export async function tableCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of COUNTED) counts[table] = await count(db, table);
  return counts;
}

export function activityRows(counts: Record<string, number>): number {
  return ACTIVITY_TABLES.reduce((sum, table) => sum + (counts[table] ?? 0), 0);
}

/** Fills the activity (skipped when the bench's programs are there already), then vacuum analyze. */
export async function fillInsight(
  db: Db,
  settings: InsightFillSettings,
  log: (line: string) => void,
): Promise<InsightFill> {
  const started = performance.now();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(settings.today))
    throw new Error(`today must be yyyy-mm-dd: ${settings.today}`);
  if (!Number.isInteger(settings.seed) || settings.seed < 0)
    throw new Error('seed must be a whole number ≥ 0');
  const from = monthsBefore(settings.today, MONTHS_BACK - 1);
  const steps: InsightFill['steps'] = [];

  const existing = await sql<{ n: number }>`select count(*)::int as n from training_program
    where name like ${`%${SYNTHETIC}`}`.execute(db);
  if ((existing.rows[0]?.n ?? 0) > 0) {
    log('insight activity already there (programs "(sintetis)"): not filling again; vacuum analyze');
    // A migration since the fill (the insight tables of 2026_11_30_0011) leaves tables autovacuum has not
    // visited yet: vacuum as after a fill.
    const t = performance.now();
    await sql`vacuum (analyze)`.execute(db);
    steps.push({ name: 'vacuum analyze', seconds: round((performance.now() - t) / 1000, 1) });
    const counts = await tableCounts(db);
    const people = await sql<{ n: number }>`select count(*)::int as n from person
      where created_by is null`.execute(db);
    return {
      skipped: true,
      people: people.rows[0]?.n ?? 0,
      from,
      cohortsPerProgramMonth: 0,
      opportunitiesPerVillageQuarter: 0,
      counts,
      activityRows: activityRows(counts),
      steps,
      seconds: round((performance.now() - started) / 1000, 1),
    };
  }

  const users = await db.selectFrom('app_user').select(['id', 'username', 'full_name']).execute();
  const user = (username: string) => {
    const found = users.find((u) => u.username === username);
    if (!found) throw new Error(`demo user ${username} is missing: db:synth must run with the demo seed`);
    return found;
  };
  const pk = user('pk');
  const giatja = user('lapas.giatja');

  let cohortsPerProgramMonth = 0;
  let opportunitiesPerVillageQuarter = 0;
  let people = 0;
  await db.transaction().execute(async (trx) => {
    const step = async (name: string, run: () => Promise<unknown>) => {
      const t = performance.now();
      await run();
      const seconds = round((performance.now() - t) / 1000, 1);
      steps.push({ name, seconds });
      log(`  ${name}: ${seconds} s`);
    };
    const today = sql`${settings.today}::date`;
    const t0 = sql`${from}::date`;
    // The temp tables' estimates make some small statements look costly: JIT compiling them costs more.
    await sql`set local jit = off`.execute(trx);
    // Helpers of this transaction's session: a seeded number in [0, 1) and a seeded uuid from a key; the
    // month index from `from` and the quarter index from the quarter before `from`'s.
    await sql`create function pg_temp.rnd(k text) returns double precision language sql immutable parallel safe
      as ${sql.lit(`select ('x' || substr(md5('${settings.seed}:' || k), 1, 12))::bit(48)::bigint::double precision / 281474976710656.0`)}`.execute(
      trx,
    );
    // A version-4 shaped uuid (the API's schemas check the version and variant digits).
    const md5 = `md5('${settings.seed}:' || k)`;
    await sql`create function pg_temp.uid(k text) returns uuid language sql immutable parallel safe
      as ${sql.lit(
        `select (substr(${md5}, 1, 12) || '4' || substr(${md5}, 14, 3) || substr('89ab', 1 + ('x' || substr(${md5}, 17, 1))::bit(4)::int % 4, 1) || substr(${md5}, 18, 15))::uuid`,
      )}`.execute(trx);
    await sql`create function pg_temp.mi(d date) returns integer language sql immutable parallel safe
      as ${sql.lit(`select ((extract(year from d) - extract(year from date '${from}')) * 12 + extract(month from d) - extract(month from date '${from}'))::int`)}`.execute(
      trx,
    );
    await sql`create function pg_temp.qi(d date) returns integer language sql immutable parallel safe
      as ${sql.lit(`select floor((pg_temp.mi(d) + 3 + ((extract(month from date '${from}')::int - 1) % 3)) / 3.0)::int`)}`.execute(
      trx,
    );
    // Quarter q starts on `from`'s quarter start + (q - 1) quarters.
    const quarterStart = (q: ReturnType<typeof sql>) =>
      sql`(date_trunc('quarter', ${t0}) + make_interval(months => (${q} - 1) * 3))::date`;

    await step('people and reference', async () => {
      await sql`create temp table bench_people on commit drop as
        select p.id, row_number() over (order by p.id)::int as n,
          coalesce(c.detention_start_date, p.created_at::date) as entry,
          p.release_date, p.released_on, p.returned_on, p.supervision_end_date, c.release_kind,
          coalesce(p.released_on, p.release_date, ${today} + 365) as exit_on, p.intended_village_id
        from person p left join custody c on c.person_id = p.id
        where p.created_by is null and p.anonymized_at is null`.execute(trx);
      await sql`alter table bench_people add primary key (id)`.execute(trx);
      await sql`analyze bench_people`.execute(trx);
      people = await count(trx, 'bench_people');
      if (people === 0) throw new Error('no synthetic people (created_by is null): run db:synth first');
      await sql`create temp table bench_village on commit drop as
        select (row_number() over (order by code) - 1)::int as idx, id, name from organization
        where kind = 'village' and code like '33.74.13.%'`.execute(trx);
      const villages = await count(trx, 'bench_village');
      if (villages !== 16) throw new Error(`expected the 16 kelurahan of Semarang Barat, found ${villages}`);

      // Three partners per kelurahan, each of one trade.
      await sql`create temp table bench_partner on commit drop as
        select v.idx as village_idx, k, pg_temp.uid('partner:' || v.idx || ':' || k) as id, v.id as village_id,
          t.label || ' ' || v.name || ' ' || ${SYNTHETIC} as name, t.sector, t.partner_type
        from bench_village v cross join generate_series(0, 2) k
        cross join lateral (select (array['Konveksi', 'Katering', 'Salon', 'Laundry', 'Koperasi Wanita', 'Batik'])[1 + (v.idx + k) % 6] as label,
          (array['garment', 'food', 'beauty', 'laundry', 'retail', 'batik'])[1 + (v.idx + k) % 6] as sector,
          (array['umkm', 'umkm', 'umkm', 'umkm', 'cooperative', 'umkm'])[1 + (v.idx + k) % 6] as partner_type) t`.execute(
        trx,
      );
      await sql`insert into organization (id, kind, name, short_name, address, contacts, created_at)
        select id, 'partner', name, null, 'Kelurahan ' || (select v.name from bench_village v where v.idx = village_idx),
          '[]'::jsonb, ${t0}::timestamptz
        from bench_partner order by village_idx, k`.execute(trx);
      await sql`insert into partner_profile (organization_id, partner_type, sectors, village_id, willing_to_employ,
          agreement_number, agreement_signed_on, agreement_expires_on)
        select id, partner_type, jsonb_build_array(sector), village_id,
          (array['yes', 'yes', 'case_by_case'])[1 + k], 'PKS/' || village_idx || '/' || k,
          ${t0} + village_idx * 7, ${t0} + village_idx * 7 + 730
        from bench_partner order by village_idx, k`.execute(trx);

      // Four more programs beside the demo's six, three of them certified.
      await sql`insert into training_program (id, organization_id, name, description, provider_organization_id,
          sessions_count, hours_total, default_capacity, certification, certification_body, created_by)
        select pg_temp.uid('program:' || x.name), ${LAPAS_ID}, x.name || ' ' || ${SYNTHETIC}, null, ${LAPAS_ID},
          x.sessions, x.sessions * 2.5, ${COHORT_SIZE}, x.certification, x.body, ${giatja.id}
        from (values ('Hidroponik', 12, 'provider', null), ('Komputer dasar', 16, 'lsp_bnsp', 'LSP Informatika Nusantara'),
          ('Katering', 14, 'lsp_bnsp', 'LSP Boga Nusantara'), ('Kerajinan tangan', 10, 'none', null))
          as x(name, sessions, certification, body)`.execute(trx);
      await sql`insert into training_program_skill (program_id, skill_id, level)
        select pg_temp.uid('program:' || x.name), s.id, x.level
        from (values ('Hidroponik', 'urban_farming.hydroponics', 'basic'),
          ('Komputer dasar', 'administration.computing', 'basic'), ('Katering', 'food.catering', 'intermediate'),
          ('Kerajinan tangan', 'craft.handicraft', 'basic')) as x(name, code, level)
        join skill s on s.code = x.code`.execute(trx);
      // Every active program of the prison, numbered, with the skill and level its certificate names.
      await sql`create temp table bench_program on commit drop as
        select (row_number() over (order by g.name) - 1)::int as idx, g.id, g.sessions_count, g.certification,
          coalesce(g.certification_body, prov.name) as issuer, sk.skill_id, sk.level
        from training_program g
        join organization prov on prov.id = g.provider_organization_id
        cross join lateral (select ps.skill_id, ps.level from training_program_skill ps join skill s on s.id = ps.skill_id
          where ps.program_id = g.id order by s.code limit 1) sk
        where g.organization_id = ${LAPAS_ID} and g.active`.execute(trx);
    });
    const programs = await count(trx, 'bench_program');
    if (programs < 4)
      throw new Error(`expected at least 4 training programs with a skill, found ${programs}`);
    const months = MONTHS_BACK + MONTHS_AHEAD;
    cohortsPerProgramMonth = Math.max(
      1,
      Math.round((people * ENROLMENTS_PER_PERSON) / (programs * MONTHS_BACK * COHORT_SIZE)),
    );
    log(
      `  ${people.toLocaleString('en-US')} people, ${programs} programs, ${cohortsPerProgramMonth} cohorts per ` +
        `program and month from ${from} (${months} months)`,
    );

    await step('cohorts and sessions', async () => {
      // Cohorts start on a Monday in their month and meet Mondays and Thursdays, 09:00–11:30.
      await sql`create temp table bench_cohort on commit drop as
        select pg_temp.uid('cohort:' || g.idx || ':' || m || ':' || s) as id, g.idx as program_idx, g.id as program_id,
          g.sessions_count, m, s, st.start_date,
          st.start_date + ((g.sessions_count - 1) / 2) * 7 + ((g.sessions_count - 1) % 2) * 3 as end_date,
          pg_temp.rnd('cancel:' || g.idx || ':' || m || ':' || s) < 0.03 as cancelled
        from bench_program g cross join generate_series(0, ${months - 1}) m
        cross join generate_series(0, ${cohortsPerProgramMonth - 1}) s
        cross join lateral (select date_trunc('week', ((${t0} + make_interval(months => m))::date
          + floor(pg_temp.rnd('start:' || g.idx || ':' || m || ':' || s) * 21)::int + 3)::timestamp)::date as start_date) st`.execute(
        trx,
      );
      await sql`alter table bench_cohort add primary key (id)`.execute(trx);
      await sql`analyze bench_cohort`.execute(trx);
      await sql`insert into training_cohort (id, organization_id, program_id, name, start_date, end_date, schedule,
          room, instructor_user_id, instructor_name, capacity, status, status_reason, completed_on, created_by, created_at)
        select c.id, ${LAPAS_ID}, c.program_id,
          'Angkatan ' || to_char(c.start_date, 'YYYY-MM') || '-' || (c.s + 1), c.start_date, c.end_date,
          '[{"weekday":1,"start":"09:00","end":"11:30"},{"weekday":4,"start":"09:00","end":"11:30"}]'::jsonb,
          'Ruang ' || (1 + c.s % 4), null, 'Instruktur ' || (1 + (c.program_idx + c.s) % 7), ${COHORT_SIZE},
          case when c.cancelled then 'cancelled' when c.end_date < ${today} then 'completed'
            when c.start_date <= ${today} then 'running' when c.start_date <= ${today} + 30 then 'enrolling'
            else 'planned' end,
          case when c.cancelled then 'Instruktur berhalangan' end,
          case when not c.cancelled and c.end_date < ${today} then c.end_date end,
          ${giatja.id}, (least(c.start_date - 30, ${today}) + time '09:00') at time zone 'Asia/Jakarta'
        from bench_cohort c order by c.id`.execute(trx);
      await sql`insert into training_session (id, cohort_id, organization_id, date, start_time, end_time, status,
          cancel_reason, created_on, attendance_recorded_at, attendance_recorded_by)
        select pg_temp.uid('session:' || c.id || ':' || k), c.id, ${LAPAS_ID}, d.date, '09:00', '11:30',
          case when x.cancelled then 'cancelled' else 'scheduled' end,
          case when x.cancelled then 'Kegiatan lain di blok hunian' end,
          least(c.start_date - 30, ${today}),
          case when not x.cancelled and d.date <= ${today} then (d.date + time '12:00') at time zone 'Asia/Jakarta' end,
          case when not x.cancelled and d.date <= ${today} then ${giatja.id}::uuid end
        from bench_cohort c cross join generate_series(0, c.sessions_count - 1) k
        cross join lateral (select c.start_date + (k / 2) * 7 + (k % 2) * 3 as date) d
        cross join lateral (select c.cancelled or pg_temp.rnd('scancel:' || c.id || ':' || k) < 0.02 as cancelled) x
        order by c.id, k`.execute(trx);
    });

    await step('enrolments', async () => {
      // Up to three allocations per woman, each in another program, at a random day of her time inside the
      // window (entry … her release − 14 days, at most 90 days ahead), in a cohort of that month.
      await sql`create temp table bench_enrol on commit drop as
        with slot as (
          select p.id as person_id, p.entry, p.exit_on, p.released_on, j,
            (floor(pg_temp.rnd('eprog:' || p.id) * ${programs})::int + j) % ${programs} as program_idx,
            w.lo + floor((w.hi - w.lo) * pg_temp.rnd('eday:' || p.id || ':' || j))::int as day
          from bench_people p
          cross join lateral (select greatest(p.entry, ${t0}) as lo, least(p.exit_on - 14, ${today} + 90) as hi) w
          cross join generate_series(0, 2) j
          where w.hi - w.lo >= 45
            and pg_temp.rnd('eslot:' || p.id || ':' || j)
              < (array[0.8, 0.45, 0.2])[j + 1] * least(1.0, (w.hi - w.lo) / 540.0 + 0.25)
        )
        select pg_temp.uid('enrol:' || s.person_id || ':' || s.j) as id, s.person_id, s.j, c.program_id, c.id as cohort_id,
          c.start_date, c.end_date, c.cancelled, s.exit_on, o.status, o.end_reason, o.ended_on,
          0.72 + 0.25 * pg_temp.rnd('present:' || s.person_id || ':' || s.j) as presence
        from slot s
        join bench_cohort c on c.id = pg_temp.uid('cohort:' || s.program_idx || ':' || pg_temp.mi(s.day) || ':'
          || floor(pg_temp.rnd('ecoh:' || s.person_id || ':' || s.j) * ${cohortsPerProgramMonth})::int)
        cross join lateral (select pg_temp.rnd('eend:' || s.person_id || ':' || s.j) as r) r
        cross join lateral (select
          case when c.cancelled then 'deallocated'
            when c.end_date < ${today} and s.released_on is not null and s.released_on < c.end_date then 'deallocated'
            when c.end_date < ${today} and r.r < 0.09 then 'deallocated'
            when c.end_date < ${today} then 'completed'
            when c.start_date <= ${today} and r.r < 0.05 then 'deallocated'
            else 'allocated' end as status,
          case when c.cancelled then 'cohort_cancelled'
            when c.end_date < ${today} and s.released_on is not null and s.released_on < c.end_date then 'released'
            when c.end_date < ${today} and r.r < 0.09 then (array['withdrawn', 'health', 'discipline', 'transferred'])[1 + floor(r.r / 0.09 * 4)::int]
            when c.end_date < ${today} then 'completed'
            when c.start_date <= ${today} and r.r < 0.05 then 'health'
            end as end_reason,
          case when c.cancelled then least(c.start_date - 3, ${today})
            when c.end_date < ${today} and s.released_on is not null and s.released_on < c.end_date then s.released_on
            when c.end_date < ${today} and r.r < 0.09 then c.start_date + floor((c.end_date - c.start_date) * r.r / 0.09)::int
            when c.end_date < ${today} then c.end_date
            when c.start_date <= ${today} and r.r < 0.05 then c.start_date + floor((${today} - c.start_date) * r.r / 0.05)::int
            end as ended_on) o
        where c.start_date >= s.entry and c.start_date < s.exit_on`.execute(trx);
      await sql`alter table bench_enrol add primary key (id)`.execute(trx);
      await sql`analyze bench_enrol`.execute(trx);
      await sql`insert into training_enrolment (id, organization_id, person_id, program_id, cohort_id, source, status,
          end_reason, requested_on, allocated_at, ended_on, created_by, created_at, updated_at)
        select e.id, ${LAPAS_ID}, e.person_id, e.program_id, e.cohort_id,
          case when pg_temp.rnd('source:' || e.id) < 0.4 then 'self_request' else 'staff_referral' end,
          e.status, e.end_reason, q.requested_on,
          (least(q.requested_on + 3, e.start_date - 1, ${today}) + time '10:00') at time zone 'Asia/Jakarta',
          e.ended_on, ${giatja.id}, (q.requested_on + time '10:00') at time zone 'Asia/Jakarta',
          (coalesce(e.ended_on, least(e.start_date, ${today})) + time '16:00') at time zone 'Asia/Jakarta'
        from bench_enrol e
        cross join lateral (select least(e.start_date - 7 - floor(pg_temp.rnd('req:' || e.id) * 50)::int, ${today}) as requested_on) q
        order by e.id`.execute(trx);
      // The waitlist: a request for a fourth program by one woman in ten still inside for two months or more.
      await sql`insert into training_enrolment (id, organization_id, person_id, program_id, cohort_id, source, status,
          decision_reason, requested_on, created_by, created_at)
        select pg_temp.uid('wait:' || p.id), ${LAPAS_ID}, p.id, g.id, null,
          case when r.r < 0.05 then 'self_request' else 'staff_referral' end,
          case when r.r < 0.05 then 'pending' when r.r < 0.085 then 'approved' else 'declined' end,
          case when r.r >= 0.085 then 'Sisa pidana tidak mencukupi' end,
          q.requested_on, ${giatja.id}, (q.requested_on + time '10:00') at time zone 'Asia/Jakarta'
        from bench_people p
        cross join lateral (select pg_temp.rnd('wait:' || p.id) as r) r
        join bench_program g on g.idx = (floor(pg_temp.rnd('eprog:' || p.id) * ${programs})::int + 3) % ${programs}
        cross join lateral (select greatest(p.entry, ${today} - floor(pg_temp.rnd('waitday:' || p.id) * 120)::int) as requested_on) q
        where p.released_on is null and p.exit_on > ${today} + 60 and r.r < 0.1 and q.requested_on <= ${today}
        order by p.id`.execute(trx);
      // Capacity at least the women allocated (the service never lets it be exceeded).
      await sql`update training_cohort c set capacity = greatest(c.capacity, x.n)
        from (select cohort_id, count(*)::int as n from bench_enrol where status <> 'deallocated' or end_reason <> 'cohort_cancelled'
          group by cohort_id) x
        where c.id = x.cohort_id and x.n > c.capacity`.execute(trx);
    });

    await step('attendance', async () => {
      // recorded_by stays null: the session's attendance_recorded_by names who recorded it (one foreign-key
      // check less per row, the bulk of the fill's time).
      await sql`insert into training_attendance (session_id, enrolment_id, organization_id, present, absence_reason,
          recorded_by, recorded_at)
        select s.id, e.id, ${LAPAS_ID}, a.r < e.presence,
          case when a.r >= e.presence then (array['sick', 'family_visit', 'court', 'refused', 'other', 'sick'])[1 + floor((a.r - e.presence) / (1.0001 - e.presence) * 6)::int] end,
          null, (s.date + time '12:00') at time zone 'Asia/Jakarta'
        from bench_enrol e
        join training_session s on s.cohort_id = e.cohort_id
        cross join lateral (select pg_temp.rnd('att:' || e.id || ':' || s.id) as r) a
        where not e.cancelled and s.status = 'scheduled' and s.date <= ${today}
          and (e.ended_on is null or s.date <= e.ended_on)`.execute(trx);
    });

    await step('certificates', async () => {
      await sql`insert into certificate (id, organization_id, person_id, enrolment_id, skill_id, level, number, issuer,
          issued_on, valid_until, recorded_by, created_at)
        select pg_temp.uid('cert:' || e.id), ${LAPAS_ID}, e.person_id, e.id, g.skill_id, g.level,
          'SIN/' || to_char(i.issued_on, 'YYYY') || '/' || lpad((row_number() over (order by e.id))::text, 7, '0'),
          g.issuer, i.issued_on, i.issued_on + 1095, ${giatja.id}, (i.issued_on + time '13:00') at time zone 'Asia/Jakarta'
        from bench_enrol e join bench_program g on g.id = e.program_id
        cross join lateral (select e.ended_on + 7 + floor(pg_temp.rnd('certday:' || e.id) * 28)::int as issued_on) i
        where e.status = 'completed' and g.certification <> 'none' and i.issued_on <= ${today}
          and pg_temp.rnd('cert:' || e.id) < 0.8
        order by e.id`.execute(trx);
    });

    await step('plans and handovers', async () => {
      // A plan for every released woman and for six in ten of those leaving within 60 days.
      await sql`insert into reintegration_plan (id, person_id, organization_id, intended_village_id, summary, created_by, created_at)
        select pg_temp.uid('plan:' || p.id), p.id, ${LAPAS_ID}, p.intended_village_id, ${`Rencana reintegrasi ${SYNTHETIC}`},
          null, (least(p.exit_on - 90, ${today}) + time '09:00') at time zone 'Asia/Jakarta'
        from bench_people p
        where p.released_on is not null
          or (p.exit_on between ${today} and ${today} + 60 and pg_temp.rnd('plan:' || p.id) < 0.6)
        order by p.id`.execute(trx);
      // Released on parole: accepted (one in ten returned first, then sent again); at the end of the sentence:
      // half accepted; returned to custody: ended. Leaving soon: sent, accepted or returned.
      await sql`create temp table bench_handover on commit drop as
        select pg_temp.uid('handover:' || p.id || ':' || x.k) as id, p.id as person_id, x.k, x.status, p.exit_on,
          p.returned_on, x.sent_on, x.sent_on + 1 + floor(pg_temp.rnd('decide:' || p.id || ':' || x.k) * 4)::int as decided_on
        from bench_people p
        cross join lateral (select pg_temp.rnd('handover:' || p.id) as r) r
        cross join lateral (
          select 0 as k, 'returned' as status, p.released_on - 50 as sent_on
            where p.released_on is not null and p.release_kind = 'parole' and r.r < 0.1
          union all
          select 1, case when p.returned_on is not null then 'ended' else 'accepted' end, p.released_on - 35
            where p.released_on is not null and (p.release_kind = 'parole' or r.r < 0.5)
          union all
          select 1, case when r.r < 0.4 then 'sent' when r.r < 0.75 then 'accepted' else 'returned' end,
              ${today} - 1 - floor(pg_temp.rnd('sent:' || p.id) * 20)::int
            where p.released_on is null and p.exit_on between ${today} and ${today} + 60 and r.r < 0.85
              and exists (select 1 from reintegration_plan rp where rp.person_id = p.id)
        ) x`.execute(trx);
      await sql`analyze bench_handover`.execute(trx);
      await sql`insert into handover (id, person_id, from_organization_id, to_organization_id, plan_id, status, package,
          expected_release_date, sent_by_name, sent_at, decided_by_name, decided_at, return_reason, officer_user_id, updated_at)
        select h.id, h.person_id, ${LAPAS_ID}, ${BAPAS_ID}, pg_temp.uid('plan:' || h.person_id), h.status, '{}'::jsonb,
          h.exit_on, 'Petugas Lapas', (h.sent_on + time '09:00') at time zone 'Asia/Jakarta',
          case when h.status <> 'sent' then 'Kepala Bapas' end,
          case when h.status <> 'sent' then (least(h.decided_on, ${today}) + time '14:00') at time zone 'Asia/Jakarta' end,
          case when h.status = 'returned' then 'Berkas belum lengkap' end,
          case when h.status in ('accepted', 'ended') then ${pk.id}::uuid end,
          (coalesce(h.returned_on, least(h.decided_on, ${today})) + time '14:00') at time zone 'Asia/Jakarta'
        from bench_handover h order by h.id`.execute(trx);
      await sql`insert into handover_event (handover_id, action, note, actor_user_id, actor_name, organization_name, at)
        select h.id, e.action, null, e.actor, e.actor_name, e.org, (e.day + e.time) at time zone 'Asia/Jakarta'
        from bench_handover h
        cross join lateral (values
          ('sent', h.sent_on, time '09:00', null::uuid, 'Petugas Lapas', 'LPP Semarang', true),
          (case when h.status = 'returned' then 'returned' else 'accepted' end, least(h.decided_on, ${today}), time '14:00',
            null::uuid, 'Kepala Bapas', 'Bapas Semarang', h.status <> 'sent'),
          ('ended', h.returned_on, time '10:00', ${pk.id}::uuid, ${pk.full_name}, 'Bapas Semarang', h.status = 'ended')
        ) as e(action, day, time, actor, actor_name, org, keep)
        where e.keep
        order by h.id, e.day`.execute(trx);
      await sql`insert into person_link (person_id, organization_id, kind, created_at)
        select h.person_id, ${BAPAS_ID}, 'handover', (h.sent_on + time '09:00') at time zone 'Asia/Jakarta'
        from bench_handover h where h.status in ('sent', 'accepted')
        order by h.person_id
        on conflict do nothing`.execute(trx);
    });

    // Placements: six or seven in ten released women go through the pipeline, from about three weeks before
    // release, in an opportunity of their intended kelurahan (else any), of the quarter the proposal falls in.
    const quarters = await sql<{ q: number }>`select pg_temp.qi(${today}) + 1 as q`.execute(trx);
    const quarterCount = quarters.rows[0]?.q ?? 0;
    const released = await sql<{ n: number }>`select count(*)::int as n from bench_people
      where released_on is not null`.execute(trx);
    opportunitiesPerVillageQuarter = Math.max(
      1,
      Math.round(((released.rows[0]?.n ?? 0) * 0.8) / (16 * quarterCount * 4)),
    );
    await step('opportunities and placements', async () => {
      await sql`create temp table bench_opportunity on commit drop as
        select pg_temp.uid('opp:' || v.idx || ':' || q || ':' || s) as id, v.idx as village_idx, v.id as village_id,
          q, s, bp.id as partner_id, bp.name as partner_name, bp.sector, ${quarterStart(sql`q`)} as start_on,
          (array['job_vacancy', 'job_vacancy', 'job_vacancy', 'job_vacancy', 'job_vacancy', 'job_vacancy',
            'apprenticeship', 'apprenticeship', 'business_mentoring', 'cooperative_membership', 'tools_capital',
            'market_access'])[1 + floor(pg_temp.rnd('oppkind:' || v.idx || ':' || q || ':' || s) * 12)::int] as kind
        from bench_village v cross join generate_series(0, ${quarterCount - 1}) q
        cross join generate_series(0, ${opportunitiesPerVillageQuarter - 1}) s
        join bench_partner bp on bp.village_idx = v.idx and bp.k = (q + s) % 3`.execute(trx);
      await sql`alter table bench_opportunity add primary key (id)`.execute(trx);
      await sql`analyze bench_opportunity`.execute(trx);
      await sql`insert into opportunity (id, partner_id, village_id, kind, title, sector, location, places, start_on,
          closes_on, hours_per_week, part_time, flexible, pay_min, pay_max, pay_period, status, opened_at, created_at)
        select o.id, o.partner_id, o.village_id, o.kind,
          (case o.kind when 'job_vacancy' then 'Lowongan kerja' when 'apprenticeship' then 'Magang'
            when 'business_mentoring' then 'Pendampingan usaha' when 'cooperative_membership' then 'Anggota koperasi'
            when 'tools_capital' then 'Bantuan alat dan modal' else 'Akses pasar' end) || ' ' || o.partner_name,
          o.sector, null, 1 + floor(pg_temp.rnd('places:' || o.id) * 3)::int, o.start_on,
          (o.start_on + interval '5 months')::date, 40, false, pg_temp.rnd('flex:' || o.id) < 0.3,
          1500000, 2500000, 'month',
          case when (o.start_on + interval '5 months')::date < ${today}
            then (case when pg_temp.rnd('filled:' || o.id) < 0.7 then 'filled' else 'closed' end)
            when o.start_on <= ${today} then 'open' else 'draft' end,
          case when o.start_on <= ${today} then (o.start_on + time '08:00') at time zone 'Asia/Jakarta' end,
          (o.start_on + time '08:00') at time zone 'Asia/Jakarta'
        from bench_opportunity o order by o.id`.execute(trx);
      await sql`create temp table bench_placement on commit drop as
        with attempt0 as (
          select p.id as person_id, p.released_on, p.intended_village_id, 0 as k,
            least(p.released_on - 20 + floor(pg_temp.rnd('pday:' || p.id) * 60)::int, ${today} - 1) as proposed_on,
            pg_temp.rnd('pout:' || p.id || ':0') as r
          from bench_people p
          where p.released_on is not null and p.released_on <= ${today} - 7 and pg_temp.rnd('place:' || p.id) < 0.68
        ), attempt as (
          select * from attempt0
          union all
          select f.person_id, f.released_on, f.intended_village_id, 1,
            f.proposed_on + 30 + floor(pg_temp.rnd('pday2:' || f.person_id) * 40)::int,
            pg_temp.rnd('pout:' || f.person_id || ':1')
          from attempt0 f
          where f.r >= 0.58 and f.r < 0.83 and pg_temp.rnd('again:' || f.person_id) < 0.4
            and f.proposed_on + 30 <= ${today} - 1
        )
        select pg_temp.uid('placement:' || a.person_id || ':' || a.k) as id, a.person_id, a.k, a.proposed_on,
          o.id as opportunity_id, o.partner_id, o.village_id, o.sector, x.stage, x.placed_on, x.ended_on,
          case when x.stage = 'unsuccessful' then (array['declined_by_person', 'declined_by_partner', 'not_available', 'other'])[1 + floor(pg_temp.rnd('why:' || a.person_id || ':' || a.k) * 4)::int] end as outcome_reason
        from attempt a
        cross join lateral (select coalesce((select v.idx from bench_village v where v.id = a.intended_village_id),
          floor(pg_temp.rnd('pvil:' || a.person_id) * 16)::int) as village_idx) v
        join bench_opportunity o on o.id = pg_temp.uid('opp:' || v.village_idx || ':' || greatest(0, pg_temp.qi(a.proposed_on)) || ':'
          || floor(pg_temp.rnd('pslot:' || a.person_id || ':' || a.k) * ${opportunitiesPerVillageQuarter})::int)
        cross join lateral (select a.proposed_on + 10 + floor(pg_temp.rnd('placed:' || a.person_id || ':' || a.k) * 25)::int as placed_on,
          pg_temp.rnd('ends:' || a.person_id || ':' || a.k) as e) d
        cross join lateral (select
          case when a.r < 0.58 and d.placed_on > ${today} then 'offered'
            when a.r < 0.58 and d.e < 0.3 and d.placed_on + 60 + floor(d.e * 1000)::int < ${today} then 'ended'
            when a.r < 0.58 then 'placed'
            when a.r < 0.83 or a.proposed_on < ${today} - 45 then 'unsuccessful'
            else (array['proposed', 'contacted', 'interview', 'offered'])[1 + floor((a.r - 0.83) / 0.17 * 4)::int] end as stage,
          case when a.r < 0.58 and d.placed_on <= ${today} then d.placed_on end as placed_on,
          case when a.r < 0.58 and d.placed_on <= ${today} and d.e < 0.3 and d.placed_on + 60 + floor(d.e * 1000)::int < ${today}
            then d.placed_on + 60 + floor(d.e * 1000)::int end as ended_on) x`.execute(trx);
      await sql`alter table bench_placement add primary key (id)`.execute(trx);
      await sql`create index on bench_placement (person_id)`.execute(trx);
      await sql`analyze bench_placement`.execute(trx);
      await sql`insert into placement (id, person_id, opportunity_id, stage, outcome_reason, placed_on, ended_on,
          proposed_by, proposer_organization_id, created_at, updated_at)
        select b.id, b.person_id, b.opportunity_id, b.stage, b.outcome_reason, b.placed_on, b.ended_on, null, ${BAPAS_ID},
          (b.proposed_on + time '10:00') at time zone 'Asia/Jakarta',
          (coalesce(b.ended_on, b.placed_on, b.proposed_on) + time '10:00') at time zone 'Asia/Jakarta'
        from bench_placement b order by b.id`.execute(trx);
      // Enough places for the women placed or offered.
      await sql`update opportunity o set places = greatest(o.places, x.n)
        from (select opportunity_id, count(*)::int as n from bench_placement
          where stage in ('offered', 'placed', 'ended') group by 1) x
        where o.id = x.opportunity_id and x.n > o.places`.execute(trx);
      await sql`insert into placement_step (placement_id, stage, happened_on, reason, recorded_by, recorded_organization_id, recorded_at)
        select b.id, st.stage, st.day, st.reason, null, ${BAPAS_ID}, (st.day + time '15:00') at time zone 'Asia/Jakarta'
        from bench_placement b
        cross join lateral (values
          (1, 'proposed', b.proposed_on, null::text),
          (2, 'contacted', b.proposed_on + 2, null),
          (3, 'interview', b.proposed_on + 5, null),
          (4, 'offered', b.proposed_on + 8, null),
          (5, 'placed', b.placed_on, null),
          (6, 'ended', b.ended_on, 'Kontrak selesai'),
          (9, 'unsuccessful', b.proposed_on + 6, b.outcome_reason)
        ) as st(n, stage, day, reason)
        where st.day is not null and st.day <= ${today} and (
          (b.stage = 'unsuccessful' and st.n in (1, 2, 9))
          or (b.stage <> 'unsuccessful' and st.n <= array_position(array['proposed', 'contacted', 'interview', 'offered', 'placed', 'ended'], b.stage)))
        order by b.id, st.n`.execute(trx);
      await sql`insert into person_link (person_id, organization_id, kind, created_at)
        select b.person_id, b.partner_id, 'placement', (b.placed_on + time '10:00') at time zone 'Asia/Jakarta'
        from bench_placement b where b.stage = 'placed'
        order by b.id
        on conflict do nothing`.execute(trx);
    });

    await step('outcome checks and supervision', async () => {
      // Checks at 1, 3, 6 and 12 months after release, nine in ten done within three weeks of their date; the
      // first one after a return to custody records the return, later ones are not made.
      await sql`insert into outcome_check (id, person_id, organization_id, window_months, due_on, checked_on, work_status,
          income_band, business_started, housing_stable, in_host_village, returned_to_custody_on, recorded_by,
          recorded_by_name, created_at)
        select pg_temp.uid('outcome:' || p.id || ':' || w.m), p.id, ${BAPAS_ID}, w.m, d.due_on, d.checked_on,
          case when back.yes then null
            when job.yes and r.r < 0.85 then 'employed' when job.yes and r.r < 0.92 then 'self_employed'
            when r.r < 0.12 then 'employed' when r.r < 0.36 then 'self_employed' when r.r < 0.46 then 'in_training'
            when r.r < 0.86 then 'unemployed' else 'not_looking' end,
          case when back.yes then null when job.yes or r.r < 0.36 then (array['below_1m', '1m_2m', '1m_2m', '2m_3m', '3m_5m'])[1 + floor(pg_temp.rnd('income:' || p.id || ':' || w.m) * 5)::int]
            else 'none' end,
          case when back.yes then null else r.r >= 0.12 and r.r < 0.36 end,
          case when back.yes then null else pg_temp.rnd('house:' || p.id || ':' || w.m) < 0.8 end,
          case when back.yes then null else p.intended_village_id is not null and pg_temp.rnd('inv:' || p.id) < 0.8 end,
          case when back.yes then p.returned_on end,
          ${pk.id}, ${pk.full_name}, (d.checked_on + time '11:00') at time zone 'Asia/Jakarta'
        from bench_people p
        cross join (values (1), (3), (6), (12)) as w(m)
        cross join lateral (select (p.released_on + make_interval(months => w.m))::date as due_on) dd
        cross join lateral (select dd.due_on, least(dd.due_on + floor(pg_temp.rnd('chk:' || p.id || ':' || w.m) * 21)::int, ${today}) as checked_on) d
        cross join lateral (select pg_temp.rnd('work:' || p.id || ':' || w.m) as r) r
        cross join lateral (select p.returned_on is not null and p.returned_on <= d.checked_on as yes) back
        cross join lateral (select exists (select 1 from bench_placement b where b.person_id = p.id
          and b.placed_on <= d.checked_on and (b.ended_on is null or b.ended_on > d.checked_on)) as yes) job
        where p.released_on is not null and d.due_on + 14 <= ${today}
          and pg_temp.rnd('done:' || p.id || ':' || w.m) < 0.9
          and (p.returned_on is null or d.due_on <= p.returned_on
            or not exists (select 1 from (values (1), (3), (6), (12)) e(m)
              where e.m < w.m and (p.released_on + make_interval(months => e.m))::date > p.returned_on))
        order by p.id, w.m`.execute(trx);
      // Parolees: a monthly reporting schedule and the sessions held, from release to the end of supervision
      // (or the return to custody, or today).
      await sql`insert into supervision_schedule (person_id, organization_id, kind, interval, place, starts_on,
          next_due_on, active, ended_on, ended_reason, updated_by)
        select p.id, ${BAPAS_ID}, 'reporting_visit', 'monthly', 'Bapas Semarang', p.released_on,
          case when x.active then (p.released_on + make_interval(months => pg_temp.mi(${today}) - pg_temp.mi(p.released_on) + 1))::date end,
          x.active, case when not x.active then least(coalesce(p.returned_on, p.supervision_end_date), ${today}) end,
          case when not x.active then (case when p.returned_on is not null then 'Kembali ke lapas' else 'Masa bimbingan selesai' end) end,
          ${pk.id}
        from bench_people p
        cross join lateral (select p.returned_on is null and coalesce(p.supervision_end_date, ${today}) > ${today} as active) x
        where p.released_on is not null and p.release_kind = 'parole'
        order by p.id`.execute(trx);
      await sql`insert into supervision_session (id, person_id, organization_id, officer_user_id, kind, place_kind, place,
          due_on, held_on, outcome, notes, recorded_by, recorded_by_name, created_at)
        select pg_temp.uid('supervision:' || p.id || ':' || k), p.id, ${BAPAS_ID}, ${pk.id},
          case when k % 3 = 2 then 'home_visit' else 'reporting_visit' end,
          case when k % 3 = 2 then 'home' else 'bapas' end, null, d.due_on, d.held_on,
          case when r.r < 0.9 then 'attended' when r.r < 0.95 then 'excused' else 'missed' end, null,
          ${pk.id}, ${pk.full_name}, (d.held_on + time '10:00') at time zone 'Asia/Jakarta'
        from bench_people p
        cross join lateral generate_series(0, 40) k
        cross join lateral (select (p.released_on + make_interval(months => k))::date as due_on) dd
        cross join lateral (select dd.due_on, dd.due_on + floor(pg_temp.rnd('held:' || p.id || ':' || k) * 5)::int as held_on) d
        cross join lateral (select pg_temp.rnd('sv:' || p.id || ':' || k) as r) r
        where p.released_on is not null and p.release_kind = 'parole'
          and d.held_on <= least(coalesce(p.supervision_end_date, ${today}), coalesce(p.returned_on, ${today}), ${today})
        order by p.id, k`.execute(trx);
    });

    await step('timeline', async () => {
      // What the modules write to person_event as they go, for the activity above.
      await sql`insert into person_event (person_id, at, kind, visibility, actor_user_id, actor_name, organization_id,
          organization_name, details)
        select x.person_id, x.at, x.kind, x.visibility, x.actor, x.actor_name, x.org, x.org_name, x.details
        from (
          select e.person_id, (least(e.start_date - 10, ${today}) + time '10:00') at time zone 'Asia/Jakarta' as at,
            'training.allocated' as kind, 'corrections' as visibility, ${giatja.id}::uuid as actor,
            ${giatja.full_name} as actor_name, ${LAPAS_ID}::uuid as org, 'LPP Semarang' as org_name,
            jsonb_build_object('enrolmentId', e.id, 'cohortId', e.cohort_id) as details
          from bench_enrol e
          union all
          select e.person_id, (e.ended_on + time '15:00') at time zone 'Asia/Jakarta',
            case when e.status = 'completed' then 'training.completed' else 'training.deallocated' end, 'corrections',
            ${giatja.id}::uuid, ${giatja.full_name}, ${LAPAS_ID}::uuid, 'LPP Semarang',
            jsonb_build_object('enrolmentId', e.id, 'reason', e.end_reason)
          from bench_enrol e where e.ended_on is not null
          union all
          select c.person_id, c.created_at, 'certificate.added', 'shared', ${giatja.id}::uuid, ${giatja.full_name},
            ${LAPAS_ID}::uuid, 'LPP Semarang', jsonb_build_object('certificateId', c.id)
          from certificate c join bench_people p on p.id = c.person_id
          union all
          select h.person_id, (h.sent_on + time '09:00') at time zone 'Asia/Jakarta', 'handover.sent', 'corrections',
            null::uuid, 'Petugas Lapas', ${LAPAS_ID}::uuid, 'LPP Semarang', jsonb_build_object('handoverId', h.id)
          from bench_handover h
          union all
          select h.person_id, (least(h.decided_on, ${today}) + time '14:00') at time zone 'Asia/Jakarta',
            case when h.status = 'returned' then 'handover.returned' else 'handover.accepted' end, 'corrections',
            null::uuid, 'Kepala Bapas', ${BAPAS_ID}::uuid, 'Bapas Semarang', jsonb_build_object('handoverId', h.id)
          from bench_handover h where h.status <> 'sent'
          union all
          select b.person_id, (b.proposed_on + time '10:00') at time zone 'Asia/Jakarta', 'placement.proposed', 'shared',
            ${pk.id}::uuid, ${pk.full_name}, ${BAPAS_ID}::uuid, 'Bapas Semarang',
            jsonb_build_object('placementId', b.id, 'opportunityId', b.opportunity_id)
          from bench_placement b
          union all
          select b.person_id, (coalesce(b.ended_on, b.placed_on, b.proposed_on + 6) + time '15:00') at time zone 'Asia/Jakarta',
            'placement.advanced', 'shared', ${pk.id}::uuid, ${pk.full_name}, ${BAPAS_ID}::uuid, 'Bapas Semarang',
            jsonb_build_object('placementId', b.id, 'stage', b.stage)
          from bench_placement b where b.stage <> 'proposed'
          union all
          select o.person_id, o.created_at, 'outcome.recorded', 'corrections', ${pk.id}::uuid, ${pk.full_name},
            ${BAPAS_ID}::uuid, 'Bapas Semarang', jsonb_build_object('windowMonths', o.window_months)
          from outcome_check o join bench_people p on p.id = o.person_id
          union all
          select s.person_id, s.created_at, 'supervision.session_recorded', 'corrections', ${pk.id}::uuid, ${pk.full_name},
            ${BAPAS_ID}::uuid, 'Bapas Semarang', jsonb_build_object('sessionId', s.id, 'outcome', s.outcome)
          from supervision_session s join bench_people p on p.id = s.person_id
        ) x
        order by x.person_id, x.at`.execute(trx);
    });

    await step('governance', async () => {
      await fillGovernance(trx, { today, t0, people, pk: pk.id, giatja: giatja.id });
    });

    await sql`drop function pg_temp.qi(date)`.execute(trx);
    await sql`drop function pg_temp.mi(date)`.execute(trx);
    await sql`drop function pg_temp.uid(text)`.execute(trx);
    await sql`drop function pg_temp.rnd(text)`.execute(trx);
  });

  // Vacuum as well: autovacuum would have by the time anyone reads a dashboard (the visibility map lets the
  // counts run as index-only scans), and the planner needs the new tables' statistics.
  const t = performance.now();
  await sql`vacuum (analyze)`.execute(db);
  steps.push({ name: 'vacuum analyze', seconds: round((performance.now() - t) / 1000, 1) });
  const counts = await tableCounts(db);
  return {
    skipped: false,
    people,
    from,
    cohortsPerProgramMonth,
    opportunitiesPerVillageQuarter,
    counts,
    activityRows: activityRows(counts),
    steps,
    seconds: round((performance.now() - started) / 1000, 1),
  };
}

/**
 * Agreements (an MoU a year between the prison, the Bapas and the kecamatan; a PKS with each partner of the
 * bench), a work plan a year with 24 activities and 6 targets, and two coordination meetings a month with
 * agenda, attendees, decisions and action items (some overdue). Not scaled with the people: the program has
 * about this many whatever its size.
 */
async function fillGovernance(
  trx: Trx,
  o: {
    today: ReturnType<typeof sql>;
    t0: ReturnType<typeof sql>;
    people: number;
    pk: string;
    giatja: string;
  },
) {
  const { today, t0 } = o;
  // Years y = 0, 1, 2, 3 from `from`'s year; an MoU is valid two years from 1 January.
  await sql`create temp table bench_year on commit drop as
    select y, make_date(extract(year from ${t0})::int + y, 1, 1) as starts_on from generate_series(0, 3) y
    where make_date(extract(year from ${t0})::int + y, 1, 1) <= ${today}`.execute(trx);
  await sql`insert into agreement (id, kind, parent_id, organization_id, title, purpose, status, valid_from, valid_until,
      signed_on, signed_place, created_by, created_at)
    select pg_temp.uid('mou:' || y.y), 'mou', null, ${LAPAS_ID},
      'Program Desa Binaan ' || extract(year from y.starts_on) || ' ' || ${SYNTHETIC}, 'Dasar kerja sama program',
      case when y.starts_on + interval '2 years' <= ${today} then 'renewed' else 'signed' end,
      y.starts_on, (y.starts_on + interval '2 years' - interval '1 day')::date, y.starts_on - 20, 'Semarang',
      ${o.giatja}, (y.starts_on - 60 + time '09:00') at time zone 'Asia/Jakarta'
    from bench_year y order by y.y`.execute(trx);
  await sql`insert into agreement_party (agreement_id, organization_id, position, signatory_name, signatory_position,
      agreed_text_version, agreed_at)
    select pg_temp.uid('mou:' || y.y), x.org, x.pos, x.name, x.title, 1, (y.starts_on - 25 + time '10:00') at time zone 'Asia/Jakarta'
    from bench_year y cross join (values (${LAPAS_ID}::uuid, 1, 'Kepala Lapas', 'Kepala Lapas Perempuan Kelas IIA Semarang'),
      (${BAPAS_ID}::uuid, 2, 'Kepala Bapas', 'Kepala Bapas Semarang'),
      (${KECAMATAN_ID}::uuid, 3, 'Camat', 'Camat Semarang Barat')) as x(org, pos, name, title)
    order by y.y, x.pos`.execute(trx);
  await sql`insert into agreement (id, kind, parent_id, organization_id, title, status, valid_from, valid_until,
      signed_on, signed_place, terminated_on, termination_reason, created_by, created_at)
    select pg_temp.uid('pks:' || p.id), 'pks', pg_temp.uid('mou:' || y.y), ${LAPAS_ID}, 'Kerja sama dengan ' || p.name,
      s.status, v.valid_from, v.valid_from + 364,
      case when s.status in ('signed', 'terminated') then v.valid_from end,
      case when s.status in ('signed', 'terminated') then 'Semarang' end,
      case when s.status = 'terminated' then least(v.valid_from + 200, ${today}) end,
      case when s.status = 'terminated' then 'Mitra berhenti beroperasi' end,
      ${o.giatja}, (v.valid_from - 30 + time '09:00') at time zone 'Asia/Jakarta'
    from bench_partner p
    join bench_year y on y.y = (select max(y2.y) from bench_year y2 where y2.y <= (p.village_idx + p.k) % 3)
    cross join lateral (select y.starts_on + floor(pg_temp.rnd('pksday:' || p.id) * 330)::int as valid_from) v
    cross join lateral (select case when r < 0.7 then 'signed' when r < 0.8 then 'in_review' when r < 0.9 then 'draft'
      when r < 0.95 then 'terminated' else 'agreed' end as status from pg_temp.rnd('pks:' || p.id) r) s
    order by p.id`.execute(trx);
  await sql`insert into agreement_party (agreement_id, organization_id, position, signatory_name, signatory_position,
      agreed_text_version, agreed_at)
    select pg_temp.uid('pks:' || p.id), x.org, x.pos, x.name, x.title,
      case when a.status in ('signed', 'terminated', 'agreed') then 1 end,
      case when a.status in ('signed', 'terminated', 'agreed') then a.created_at + interval '20 days' end
    from bench_partner p join agreement a on a.id = pg_temp.uid('pks:' || p.id)
    cross join lateral (values (${LAPAS_ID}::uuid, 1, 'Kepala Lapas', 'Kepala Lapas Perempuan Kelas IIA Semarang'),
      (p.id, 2, 'Pimpinan', 'Pimpinan ' || p.name)) as x(org, pos, name, title)
    order by p.id, x.pos`.execute(trx);

  // A work plan a year under its MoU: 24 activities, two a month, and six targets.
  await sql`insert into work_plan (id, agreement_id, organization_id, title, objectives, period_start, period_end, status,
      created_by, created_at)
    select pg_temp.uid('wp:' || y.y), pg_temp.uid('mou:' || y.y), ${LAPAS_ID},
      'Rencana kerja ' || extract(year from y.starts_on) || ' ' || ${SYNTHETIC}, 'Pelatihan, serah terima, penempatan',
      y.starts_on, (y.starts_on + interval '1 year' - interval '1 day')::date,
      case when y.starts_on + interval '1 year' <= ${today} then 'closed' else 'active' end,
      ${o.giatja}, (y.starts_on - 20 + time '09:00') at time zone 'Asia/Jakarta'
    from bench_year y order by y.y`.execute(trx);
  await sql`insert into work_plan_activity (id, work_plan_id, position, kind, title, responsible_organization_id,
      location, starts_on, ends_on, budget_amount, budget_source, status)
    select pg_temp.uid('wpa:' || y.y || ':' || i), pg_temp.uid('wp:' || y.y), i, k.kind, k.title || ' ' || i,
      case i % 4 when 0 then ${LAPAS_ID}::uuid when 1 then ${BAPAS_ID}::uuid when 2 then ${KECAMATAN_ID}::uuid
        else (select v.id from bench_village v where v.idx = i % 16) end,
      'Semarang', d.starts_on, d.starts_on + 1 + i % 7, (5 + floor(pg_temp.rnd('budget:' || y.y || ':' || i) * 45)::int) * 1000000,
      (array['apbn', 'apbd', 'partner', 'other'])[1 + i % 4],
      case when d.starts_on + 1 + i % 7 < ${today} then (case when pg_temp.rnd('wpadone:' || y.y || ':' || i) < 0.85 then 'done'
          when pg_temp.rnd('wpadone:' || y.y || ':' || i) < 0.93 then 'postponed' else 'cancelled' end)
        when d.starts_on <= ${today} then 'in_progress' else 'planned' end
    from bench_year y cross join generate_series(1, 24) i
    cross join lateral (select (array['training_cohort', 'village_socialization', 'bazaar', 'monitoring_visit',
      'coordination_meeting', 'mentoring', 'other'])[1 + i % 7] as kind,
      (array['Pelatihan angkatan', 'Sosialisasi kelurahan', 'Bazar produk', 'Kunjungan monitoring', 'Rapat koordinasi',
        'Pendampingan usaha', 'Kegiatan lain'])[1 + i % 7] as title) k
    cross join lateral (select y.starts_on + (i - 1) * 15 as starts_on) d
    order by y.y, i`.execute(trx);
  await sql`insert into work_plan_target (id, work_plan_id, activity_id, position, label, metric, target_value, manual_actual)
    select pg_temp.uid('wpt:' || y.y || ':' || t.pos), pg_temp.uid('wp:' || y.y), null, t.pos, t.label, t.metric,
      greatest(1, round(${o.people}::numeric * t.share))::int, case when t.metric = 'manual' then 9 end
    from bench_year y cross join (values
      (1, 'Warga binaan selesai pelatihan', 'women_trained', 0.35),
      (2, 'Warga binaan bersertifikat', 'women_certified', 0.12),
      (3, 'Serah terima ke Bapas', 'women_handed_over', 0.05),
      (4, 'Penempatan kerja', 'women_placed', 0.03),
      (5, 'Bekerja 6 bulan setelah bebas', 'working_6_months', 0.02),
      (6, 'Bazar produk warga binaan', 'manual', 0.0001)) as t(pos, label, metric, share)
    order by y.y, t.pos`.execute(trx);

  // Two coordination meetings a month over the three years and the three months ahead.
  await sql`create temp table bench_meeting on commit drop as
    select pg_temp.uid('meeting:' || m || ':' || i) as id, m, i,
      (array[${LAPAS_ID}::uuid, ${BAPAS_ID}::uuid, ${KECAMATAN_ID}::uuid])[1 + (m * 2 + i) % 3] as organization_id,
      (${t0} + make_interval(months => m))::date + 8 + i * 13 as held_on,
      pg_temp.rnd('meetcancel:' || m || ':' || i) < 0.03 as cancelled
    from generate_series(0, ${MONTHS_BACK + MONTHS_AHEAD - 1}) m cross join generate_series(0, 1) i`.execute(
    trx,
  );
  await sql`insert into meeting (id, organization_id, title, held_on, starts_at, ends_at, place, chair, note_taker,
      status, created_by, created_at)
    select b.id, b.organization_id, 'Rapat koordinasi ' || to_char(b.held_on, 'YYYY-MM') || '-' || (b.i + 1) || ' ' || ${SYNTHETIC},
      b.held_on, '09:00', '12:00', 'Aula ' || (array['LPP Semarang', 'Bapas Semarang', 'Kantor Kecamatan'])[1 + (b.m * 2 + b.i) % 3],
      'Ketua rapat', 'Notulis', case when b.cancelled then 'cancelled' when b.held_on <= ${today} then 'held' else 'planned' end,
      ${o.giatja}, (b.held_on - 14 + time '09:00') at time zone 'Asia/Jakarta'
    from bench_meeting b order by b.id`.execute(trx);
  await sql`insert into meeting_agenda_item (id, meeting_id, position, kind, title, presenter, minutes)
    select pg_temp.uid('agenda:' || b.id || ':' || n), b.id, n, case when n = 3 then 'carry_over' else 'regular' end,
      (array['Laporan pelatihan', 'Rencana serah terima', 'Tindak lanjut rapat sebelumnya'])[n], 'Kasi Binadik',
      case when b.held_on <= ${today} and not b.cancelled then 'Dibahas dan disepakati.' end
    from bench_meeting b cross join generate_series(1, 3) n order by b.id, n`.execute(trx);
  await sql`insert into meeting_attendee (id, meeting_id, position, user_id, organization_id, name, job_title,
      organization_name, attendance)
    select pg_temp.uid('attendee:' || b.id || ':' || n), b.id, n, null, x.org, 'Peserta ' || n, 'Perwakilan', x.name,
      case when b.cancelled or b.held_on > ${today} then 'invited'
        when pg_temp.rnd('attend:' || b.id || ':' || n) < 0.85 then 'present'
        when pg_temp.rnd('attend:' || b.id || ':' || n) < 0.93 then 'excused' else 'absent' end
    from bench_meeting b cross join generate_series(1, 6) n
    cross join lateral (select case n when 1 then ${LAPAS_ID}::uuid when 2 then ${BAPAS_ID}::uuid
        when 3 then ${KECAMATAN_ID}::uuid when 4 then (select v.id from bench_village v where v.idx = (b.m + b.i) % 16)
        when 5 then (select v.id from bench_village v where v.idx = (b.m + b.i + 5) % 16)
        else (select p.id from bench_partner p where p.village_idx = (b.m + b.i) % 16 and p.k = b.m % 3) end as org) o
    cross join lateral (select o.org, (select g.name from organization g where g.id = o.org) as name) x
    order by b.id, n`.execute(trx);
  await sql`insert into meeting_decision (id, meeting_id, agenda_item_id, position, text)
    select pg_temp.uid('decision:' || b.id || ':' || n), b.id, pg_temp.uid('agenda:' || b.id || ':' || n), n,
      'Keputusan ' || n
    from bench_meeting b cross join generate_series(1, 2) n
    where b.held_on <= ${today} and not b.cancelled order by b.id, n`.execute(trx);
  // Three action items per meeting held, owned in turn by the prison, the Bapas, the kecamatan, the kelurahan
  // and the partners; seven in ten done by their date, the rest open (overdue once past it).
  await sql`insert into action_item (id, meeting_id, decision_id, title, owner_organization_id, owner_name, due_on,
      status, done_on, agreement_id, topic, created_by, created_at)
    select pg_temp.uid('action:' || b.id || ':' || n), b.id, pg_temp.uid('decision:' || b.id || ':' || (1 + n % 2)),
      'Tindak lanjut ' || n, x.org, 'Penanggung jawab', d.due_on, s.status,
      case when s.status = 'done' then least(d.due_on - 3 + floor(r.r * 10)::int, ${today}) end,
      case when n = 3 then pg_temp.uid('mou:' || (select max(y.y) from bench_year y where y.starts_on <= b.held_on)) end,
      case when n <> 3 then 'Koordinasi program' end, ${o.giatja}, (b.held_on + time '13:00') at time zone 'Asia/Jakarta'
    from bench_meeting b cross join generate_series(1, 3) n
    cross join lateral (select b.held_on + 14 + floor(pg_temp.rnd('due:' || b.id || ':' || n) * 45)::int as due_on) d
    cross join lateral (select pg_temp.rnd('action:' || b.id || ':' || n) as r) r
    cross join lateral (select case (b.m + n) % 5 when 0 then ${LAPAS_ID}::uuid when 1 then ${BAPAS_ID}::uuid
        when 2 then ${KECAMATAN_ID}::uuid when 3 then (select v.id from bench_village v where v.idx = (b.m * 3 + n) % 16)
        else (select p.id from bench_partner p where p.village_idx = (b.m * 3 + n) % 16 and p.k = n % 3) end as org) x
    cross join lateral (select case when d.due_on < ${today} then (case when r.r < 0.7 then 'done' when r.r < 0.75 then 'cancelled'
        when r.r < 0.87 then 'open' else 'in_progress' end)
      else (case when r.r < 0.6 then 'open' else 'in_progress' end) end as status) s
    where b.held_on <= ${today} and not b.cancelled and exists (select 1 from bench_year y where y.starts_on <= b.held_on)
    order by b.id, n`.execute(trx);
}

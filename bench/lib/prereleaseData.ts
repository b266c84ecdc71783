import { type Kysely, sql } from 'kysely';
import type { Database } from '../../src/server/db/schema.ts';
import { BAPAS_ID, LAPAS_ID } from '../../src/server/db/seed/reference.ts';
import { journeyMilestoneDates, sentenceInput } from '../../src/server/modules/people/people.release.ts';
import { setReleaseDates } from '../../src/server/modules/people/people.repository.ts';
import { currentRules } from '../../src/server/modules/rules/rules.service.ts';
import { TODAY_SQL } from '../../src/server/platform/calendar.ts';
import { PATHWAYS } from '../../src/shared/reintegration.ts';
import { round } from './children.ts';

// The pre-release dashboard's data on top of `db:synth`'s people (bench/prerelease.ts):
// 1. the milestone dates (asimilasi, PB, CB, CMB) of the people still in custody, when db:synth left them
//    null (scripts/synth.ts does not insert those columns yet: .scratch/requests-B.md), computed by the
//    people module's own functions (journeyMilestoneDates on the custody and remissions, setReleaseDates);
// 2. reintegration plans with their 8 pathways for a share of the people in the window (and 10 % of the
//    others released within a year), some handovers to Bapas Semarang in every state, then `analyze`.
// Random choices come from PostgreSQL's random() after setseed() on one connection: the same people give
// the same plans.

type Db = Kysely<Database>;

const BATCH = 2_000;
const SUMMARY = 'bench: rencana sintetis';

export interface PrereleaseFillSettings {
  windowDays: number;
  /** Share of the people with a milestone in the window who get a plan. */
  planShare: number;
  seed: number;
}

export interface PrereleaseFill {
  milestoneDates: { computed: number; changed: number; seconds: number } | 'already-filled';
  plans: { inWindow: number; outside: number; pathways: number; handovers: Record<string, number> };
  counts: Record<string, number>;
  seconds: number;
}

/** Fills the milestone dates of everyone in custody whose four dates are all null; how many changed. */
async function fillMilestoneDates(db: Db, log: (line: string) => void) {
  const { rules } = await currentRules(db, 'sentence');
  let after = '00000000-0000-0000-0000-000000000000';
  let computed = 0;
  let changed = 0;
  for (;;) {
    const rows = await db
      .selectFrom('custody as c')
      .innerJoin('person as p', 'p.id', 'c.person_id')
      .select([
        'c.person_id',
        'c.sentence_kind',
        'c.sentence_years',
        'c.sentence_months',
        'c.sentence_days',
        'c.fine_substitute_months',
        'c.fine_substitute_days',
        'c.fine_paid',
        'c.detention_start_date',
        'p.release_date',
        sql<{ kind: string; days: number; decree_date: string }[] | null>`(
          select json_agg(json_build_object('kind', r.kind, 'days', r.days, 'decree_date', r.decree_date))
          from remission r where r.person_id = c.person_id)`.as('remissions'),
      ])
      .where('c.person_id', '>', after)
      .where(
        sql<boolean>`(p.released_on is null or (p.returned_on is not null and p.returned_on >= p.released_on))`,
      )
      .where('p.asimilasi_date', 'is', null)
      .where('p.parole_date', 'is', null)
      .where('p.conditional_leave_date', 'is', null)
      .where('p.pre_release_leave_date', 'is', null)
      .orderBy('c.person_id')
      .limit(BATCH)
      .execute();
    const last = rows.at(-1);
    if (!last) break;
    after = last.person_id;
    const updates = rows.map((row) => ({
      id: row.person_id,
      ...journeyMilestoneDates(sentenceInput(row, row.remissions ?? []), rules),
    }));
    await setReleaseDates(db, updates);
    computed += rows.length;
    changed += updates.filter(
      (u) => u.asimilasi_date || u.parole_date || u.conditional_leave_date || u.pre_release_leave_date,
    ).length;
    if (computed % 20_000 === 0) log(`  milestone dates: ${computed.toLocaleString('en-US')} people`);
  }
  return { computed, changed };
}

/** The plans, pathways and handovers (skipped when bench plans are there already), then analyze. */
export async function fillPrerelease(
  db: Db,
  settings: PrereleaseFillSettings,
  log: (line: string) => void,
): Promise<PrereleaseFill> {
  const started = performance.now();
  const filled = await sql<{ n: number }>`select count(*)::int as n from person
    where asimilasi_date is not null or parole_date is not null or conditional_leave_date is not null
      or pre_release_leave_date is not null`.execute(db);
  let milestoneDates: PrereleaseFill['milestoneDates'] = 'already-filled';
  // db:synth gives the demo's 60 women their dates (the demo seed); the synthetic ones have none yet.
  if ((filled.rows[0]?.n ?? 0) < 1_000) {
    log('milestone dates are null (db:synth does not store them yet): computing them for people in custody');
    const t = performance.now();
    const result = await fillMilestoneDates(db, log);
    milestoneDates = { ...result, seconds: round((performance.now() - t) / 1000, 1) };
    log(`  ${JSON.stringify(milestoneDates)}`);
  }

  const existing = await sql<{ n: number }>`select count(*)::int as n from reintegration_plan
    where summary = ${SUMMARY}`.execute(db);
  const plans: PrereleaseFill['plans'] = { inWindow: 0, outside: 0, pathways: 0, handovers: {} };
  if ((existing.rows[0]?.n ?? 0) === 0) {
    log(`plans for ${settings.planShare * 100} % of the people in the ${settings.windowDays}-day window`);
    const villages = (
      await db.selectFrom('organization').select('id').where('kind', '=', 'village').execute()
    ).map((row) => row.id);
    const officers = (
      await db
        .selectFrom('app_user as u')
        .innerJoin('user_role as r', 'r.user_id', 'u.id')
        .select('u.id')
        .where('u.organization_id', '=', BAPAS_ID)
        .where('r.role_code', '=', 'probation_officer')
        .where('u.active', '=', true)
        .execute()
    ).map((row) => row.id);
    if (villages.length === 0 || officers.length === 0)
      throw new Error('no kelurahan or no PK of Bapas Semarang in the database (demo accounts missing?)');
    const end = sql`(${TODAY_SQL} + ${settings.windowDays}::int)`;
    const inWindow = (column: string) => sql`(p.${sql.raw(column)} between ${TODAY_SQL} and ${end})`;
    await db.connection().execute(async (conn) => {
      await sql`select setseed(${(settings.seed % 1000) / 1000})`.execute(conn);
      await sql`
        insert into reintegration_plan (person_id, organization_id, intended_village_id,
          guarantee_letter_number, guarantee_acknowledged_on, guarantee_acknowledged_by, summary, next_review_on)
        select s.id, s.organization_id,
          case when random() < 0.6 then (${villages}::uuid[])[1 + floor(random() * ${villages.length})::int] end,
          case when s.ack then 'SP/' || floor(random() * 1000)::int end,
          case when s.ack then ${TODAY_SQL} - floor(random() * 60)::int end,
          case when s.ack then 'Lurah' end,
          ${SUMMARY},
          ${TODAY_SQL} + (floor(random() * 80)::int - 20)
        from (
          select p.id, p.organization_id, random() < 0.3 as ack, random() as pick,
            (${inWindow('release_date')} or ${inWindow('asimilasi_date')} or ${inWindow('parole_date')}
              or ${inWindow('conditional_leave_date')} or ${inWindow('pre_release_leave_date')}) as in_window,
            coalesce(p.release_date between ${TODAY_SQL} and ${TODAY_SQL} + 365, false) as within_year
          from person p
          where p.organization_id = ${LAPAS_ID} and p.anonymized_at is null
            and (p.released_on is null or (p.returned_on is not null and p.returned_on >= p.released_on))
            and not exists (select 1 from reintegration_plan x where x.person_id = p.id)
          order by p.id
        ) s
        where (s.in_window and s.pick < ${settings.planShare})
          or (not coalesce(s.in_window, false) and s.within_year and s.pick < 0.1)`.execute(conn);
      const split = await sql<{ in_window: number; outside: number }>`
        select count(*) filter (where w)::int as in_window, count(*) filter (where not w)::int as outside
        from (select coalesce(${inWindow('release_date')} or ${inWindow('asimilasi_date')}
            or ${inWindow('parole_date')} or ${inWindow('conditional_leave_date')}
            or ${inWindow('pre_release_leave_date')}, false) as w
          from reintegration_plan rp join person p on p.id = rp.person_id where rp.summary = ${SUMMARY}) x`.execute(
        conn,
      );
      plans.inWindow = split.rows[0]?.in_window ?? 0;
      plans.outside = split.rows[0]?.outside ?? 0;
      // The eight pathways: about a third not started, the rest spread over the other statuses.
      const pathways = await sql`
        insert into reintegration_pathway (plan_id, pathway, status)
        select rp.id, x.pathway,
          (array['not_started', 'not_started', 'not_started', 'support_required', 'in_progress', 'in_progress',
            'support_declined', 'done', 'done'])[1 + floor(random() * 9)::int]
        from reintegration_plan rp cross join unnest(${[...PATHWAYS]}::text[]) as x(pathway)
        where rp.summary = ${SUMMARY}
        order by rp.id, x.pathway`.execute(conn);
      plans.pathways = Number(pathways.numAffectedRows ?? 0);
      // The plan's stored started count (the service keeps it with every status change).
      await sql`
        update reintegration_plan rp set pathways_started = (select count(*)::int from reintegration_pathway x
          where x.plan_id = rp.id and x.status <> 'not_started')
        where rp.summary = ${SUMMARY}`.execute(conn);
      // Handovers to Bapas Semarang for half of the planned women released within 60 days: sent, accepted
      // (to a PK), returned with a reason or cancelled; 40 % of the returned or cancelled ones sent again.
      await sql`
        insert into handover (person_id, from_organization_id, to_organization_id, plan_id, status, package,
          expected_release_date, sent_by_name, sent_at, decided_by_name, decided_at, return_reason, officer_user_id)
        select s.person_id, ${LAPAS_ID}, ${BAPAS_ID}, s.plan_id, s.status, '{}'::jsonb, s.release_date,
          'Petugas Lapas', s.sent_at,
          case when s.status in ('accepted', 'returned') then 'Kepala Bapas' end,
          case when s.status in ('accepted', 'returned') then s.sent_at + interval '1 day' end,
          case when s.status = 'returned' then 'Berkas belum lengkap' end,
          case when s.status = 'accepted'
            then (${officers}::uuid[])[1 + floor(random() * ${officers.length})::int] end
        from (
          select t.*, case when t.r < 0.4 then 'sent' when t.r < 0.75 then 'accepted'
            when t.r < 0.9 then 'returned' else 'cancelled' end as status
          from (
            select rp.person_id, rp.id as plan_id, p.release_date, random() as r, random() as pick,
              now() - (1 + floor(random() * 30)::int) * interval '1 day' as sent_at
            from reintegration_plan rp join person p on p.id = rp.person_id
            where rp.summary = ${SUMMARY} and p.release_date <= ${TODAY_SQL} + 60
            order by rp.id
          ) t
        ) s
        where s.pick < 0.5`.execute(conn);
      await sql`
        insert into handover (person_id, from_organization_id, to_organization_id, plan_id, status, package,
          expected_release_date, sent_by_name, sent_at)
        select h.person_id, h.from_organization_id, h.to_organization_id, h.plan_id, 'sent', '{}'::jsonb,
          h.expected_release_date, 'Petugas Lapas', now() - interval '12 hours'
        from handover h join reintegration_plan rp on rp.id = h.plan_id
        where rp.summary = ${SUMMARY} and h.status in ('returned', 'cancelled') and random() < 0.4
        order by h.id`.execute(conn);
      await sql`
        insert into person_link (person_id, organization_id, kind)
        select h.person_id, h.to_organization_id, 'handover'
        from handover h join reintegration_plan rp on rp.id = h.plan_id
        where rp.summary = ${SUMMARY} and h.status in ('sent', 'accepted')
        on conflict do nothing`.execute(conn);
    });
    const states = await sql<{
      status: string;
      n: number;
    }>`select h.status, count(*)::int as n from handover h
      join reintegration_plan rp on rp.id = h.plan_id where rp.summary = ${SUMMARY} group by h.status`.execute(
      db,
    );
    plans.handovers = Object.fromEntries(states.rows.map((row) => [row.status, row.n]));
    log(`  ${JSON.stringify(plans)}`);
    log('analyze');
    await sql`analyze`.execute(db);
  } else {
    log(`bench plans already there (${existing.rows[0]?.n}): not filling again`);
  }

  const counts = await sql<Record<string, number>>`select
      (select count(*)::int from person) as people,
      (select count(*)::int from person where released_on is null
        or (returned_on is not null and returned_on >= released_on)) as in_custody,
      (select count(*)::int from person p where (p.released_on is null
          or (p.returned_on is not null and p.returned_on >= p.released_on))
        and (${sql.join(
          [
            'release_date',
            'asimilasi_date',
            'parole_date',
            'conditional_leave_date',
            'pre_release_leave_date',
          ].map(
            (c) => sql`(p.${sql.raw(c)} between ${TODAY_SQL} and ${TODAY_SQL} + ${settings.windowDays}::int)`,
          ),
          sql` or `,
        )})) as in_window,
      (select count(*)::int from person p where (p.released_on is null
          or (p.returned_on is not null and p.returned_on >= p.released_on))
        and p.parole_date between ${TODAY_SQL} and ${TODAY_SQL} + ${settings.windowDays}::int) as parole_in_window,
      (select count(*)::int from reintegration_plan) as plans,
      (select count(*)::int from reintegration_pathway) as pathways,
      (select count(*)::int from handover) as handovers`.execute(db);
  return {
    milestoneDates,
    plans,
    counts: counts.rows[0] ?? {},
    seconds: round((performance.now() - started) / 1000, 1),
  };
}

import { type ExpressionBuilder, type Kysely, type RawBuilder, sql, type Transaction } from 'kysely';
import type { HandoverState } from '../../../shared/handovers.ts';
import type { JourneyStatus } from '../../../shared/people.ts';
import type { PrereleaseMilestone } from '../../../shared/prerelease.ts';
import { TASK_RETURNED_DAYS, TASK_REVIEW_AHEAD_DAYS } from '../../../shared/tasks.ts';
import type { Database } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { visiblePeople } from '../people/people.access.ts';
import { statusSql } from '../people/people.repository.ts';
import { planCompletenessSql, planStartedSql } from '../reintegration/reintegration.summary.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** The person column each milestone's date is stored in (kept by people.release.ts). */
export const MILESTONE_COLUMNS = {
  release: 'release_date',
  asimilasi: 'asimilasi_date',
  parole: 'parole_date',
  cb: 'conditional_leave_date',
  cmb: 'pre_release_leave_date',
} as const satisfies Record<PrereleaseMilestone, string>;

const likePattern = (value: string) => `%${value.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export interface PrereleaseFilter {
  windowDays: number;
  milestones: PrereleaseMilestone[];
  status?: JourneyStatus;
  handover?: HandoverState;
  q?: string;
  sort: 'date' | 'name' | 'completeness';
  order: 'asc' | 'desc';
  /** The sentence rules' pre-release window (journey status, plan_missing task). */
  journeyWindowDays: number;
  /** Today (yyyy-mm-dd, the service's today()), bound as a date rather than computed per row. */
  today: string;
}

/**
 * The dashboard's people: those the caller sees, not out of custody (never released, or back after a
 * return), not anonymized, with at least one of the chosen milestones between today and today + window;
 * each with her plan figures, her latest handover and her tasks due. A page, and the total.
 *
 * Shaped for 300,000 people (bench/README.md, pre-release dashboard): today is a bound date (`filter.today`,
 * the service's today), not `now()` per row; the person predicate is the one of `person_prerelease_idx` (a
 * narrow covering index of the people still inside); the total counts person rows only (the latest handover
 * joined only for a `handover=` filter); the page's ids are chosen first and her plan, handover and tasks
 * read for those rows only; the completeness sort reads the plan's stored started count.
 */
export async function prereleasePeople(
  db: Db,
  ctx: RequestContext,
  filter: PrereleaseFilter,
  page: { page: number; pageSize: number },
) {
  const today = sql<string>`${filter.today}::date`;
  const end = sql<string>`(${today} + ${filter.windowDays}::int)`;
  const inWindow = (column: string) => {
    const ref = sql.ref(`p.${column}`);
    return sql<boolean>`(${ref} >= ${today} and ${ref} <= ${end})`;
  };
  const chosen = filter.milestones.map((kind) => MILESTONE_COLUMNS[kind]);
  const sortDate = sql<string>`least(${sql.join(
    chosen.map((column) => sql`case when ${inWindow(column)} then ${sql.ref(`p.${column}`)} end`),
  )})`;
  const org = ctx.principal.organizationId;
  const decides = ctx.principal.permissions.includes('decide:handover:organization');
  // Her plan's figures, by the reintegration module's definitions (from the plan's stored started count).
  const started = sql<number>`coalesce(${planStartedSql('rp')}, 0)`;
  const completeness = sql<number | null>`${planCompletenessSql('rp')}`;
  // Her tasks due as the tasks page counts them for the caller (see shared/prerelease.ts tasksDue).
  const tasksDue = sql<number>`(
    (case when rp.id is null and p.organization_id = ${org} and p.release_date > ${today}
      and p.release_date <= ${today} + ${filter.journeyWindowDays}::int then 1 else 0 end)
    + (case when rp.organization_id = ${org}
      and rp.next_review_on <= ${today} + ${TASK_REVIEW_AHEAD_DAYS}::int then 1 else 0 end)
    + (case when lh.status = 'returned' and lh.from_organization_id = ${org}
      and lh.decided_at >= now() - make_interval(days => ${TASK_RETURNED_DAYS}) then 1 else 0 end)
    + (case when ${sql.lit(decides)} and lh.status = 'sent' and lh.to_organization_id = ${org} then 1 else 0 end))`;
  const journey = statusSql(filter.journeyWindowDays);

  // Her latest handover as the caller may see it: the prison that holds her sees her latest handover; a
  // Bapas only its own (one that sees her through a referral must not learn another Bapas's name, its PK
  // or its decisions).
  const latestHandover = (eb: ExpressionBuilder<Database & { p: Database['person'] }, 'p'>) =>
    eb
      .selectFrom('handover as h')
      .select([
        'h.status',
        'h.from_organization_id',
        'h.to_organization_id',
        'h.officer_user_id',
        'h.decided_at',
      ])
      .whereRef('h.person_id', '=', 'p.id')
      .where((w) => w.or([w('p.organization_id', '=', org), w('h.to_organization_id', '=', org)]))
      .orderBy('h.sent_at', 'desc')
      .orderBy('h.id', 'desc')
      .limit(1)
      .as('lh');

  // The same latest handover for every person at once (a handover=… filter over the whole window): the
  // handovers are few next to the people, so one pass over them, hashed, beats a lookup per person.
  const latestHandovers = db
    .selectFrom('handover as h')
    .distinctOn('h.person_id')
    .select(['h.person_id', 'h.status'])
    .where(
      sql<boolean>`(h.to_organization_id = ${org}
        or exists (select 1 from person hp where hp.id = h.person_id and hp.organization_id = ${org}))`,
    )
    .orderBy('h.person_id')
    .orderBy('h.sent_at', 'desc')
    .orderBy('h.id', 'desc')
    .as('lh');

  // The handover= filter on her latest handover (above): none is no handover, or a cancelled or ended one.
  // As (not) in over the few handovers: a hashed set checked while reading the index, before the sort (an
  // anti join here made the planner sort the whole window first).
  const handoverIs = (wanted: HandoverState) =>
    wanted === 'none'
      ? sql<boolean>`p.id not in (select lh.person_id from ${latestHandovers}
          where lh.status not in ('cancelled', 'ended'))`
      : sql<boolean>`p.id in (select lh.person_id from ${latestHandovers} where lh.status = ${wanted})`;

  // The people of the dashboard, on person only: the predicate of person_prerelease_idx, written the same.
  const people = () => {
    let query = db
      .selectFrom('person as p')
      .where(visiblePeople(ctx))
      .where(
        sql<boolean>`p.anonymized_at is null
          and (p.released_on is null or (p.returned_on is not null and p.returned_on >= p.released_on))`,
      )
      .where(sql<boolean>`(${sql.join(chosen.map(inWindow), sql` or `)})`);
    if (filter.q) {
      const pattern = likePattern(filter.q);
      query = query.where((eb) =>
        eb.or([eb('p.full_name', 'ilike', pattern), eb('p.registration_number', 'ilike', pattern)]),
      );
    }
    if (filter.status) query = query.where(sql<boolean>`${journey} = ${filter.status}`);
    return query;
  };

  const direction = filter.order === 'desc' ? sql`desc` : sql`asc`;
  const sortKey: RawBuilder<unknown> =
    filter.sort === 'name'
      ? sql`lower(p.full_name)`
      : filter.sort === 'completeness'
        ? sql`coalesce(${completeness}, -1)`
        : sortDate;

  // The page's ids, in order: the plan joined only to sort by completeness, the handover only to filter.
  let ids = people();
  if (filter.sort === 'completeness')
    ids = ids.leftJoin('reintegration_plan as rp', 'rp.person_id', 'p.id') as unknown as typeof ids;
  if (filter.handover) ids = ids.where(handoverIs(filter.handover));
  const pageIds = ids
    .select(['p.id', sortKey.as('sort_key'), sql<string>`lower(p.full_name)`.as('sort_name')])
    .orderBy(sql`${sortKey} ${direction}`)
    .orderBy(sql`lower(p.full_name)`)
    .orderBy('p.id')
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);

  let counted = people();
  if (filter.handover) counted = counted.where(handoverIs(filter.handover));

  const [items, count] = await Promise.all([
    db
      .with('page', () => pageIds)
      .selectFrom('page')
      .innerJoin('person as p', 'p.id', 'page.id')
      .leftJoin('reintegration_plan as rp', 'rp.person_id', 'p.id')
      .leftJoinLateral(latestHandover, (join) => join.onTrue())
      .leftJoin('organization as ho', 'ho.id', 'lh.to_organization_id')
      .leftJoin('app_user as officer', 'officer.id', 'lh.officer_user_id')
      .select([
        'p.id',
        'p.full_name',
        'p.registration_number',
        'p.release_date',
        'p.released_on',
        'p.asimilasi_date',
        'p.parole_date',
        'p.conditional_leave_date',
        'p.pre_release_leave_date',
        sql<string | null>`coalesce(rp.intended_village_id, p.intended_village_id)`.as('village_id'),
        'rp.id as plan_id',
        'rp.guarantee_acknowledged_on',
        started.as('started'),
        completeness.as('completeness'),
        'lh.status as handover_status',
        'lh.to_organization_id as handover_organization_id',
        sql<string | null>`coalesce(ho.short_name, ho.name)`.as('handover_organization_name'),
        sql<string | null>`case when lh.status = 'accepted' then officer.full_name end`.as('officer_name'),
        journey.as('journey_status'),
        tasksDue.as('tasks_due'),
      ])
      .orderBy(sql`page.sort_key ${direction}`)
      .orderBy('page.sort_name')
      .orderBy('p.id')
      .execute(),
    counted.select(sql<number>`count(*)::int`.as('count')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(count.count) };
}
export type PrereleaseRow = Awaited<ReturnType<typeof prereleasePeople>>['items'][number];

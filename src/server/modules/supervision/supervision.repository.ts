import { type Insertable, type Kysely, type RawBuilder, sql, type Updateable } from 'kysely';
import {
  type CaseloadSort,
  type CaseloadStatus,
  type EscalationLevel,
  VISIT_DUE_SOON_DAYS,
} from '../../../shared/supervision.ts';
import type { Database, SupervisionScheduleTable, SupervisionSessionTable } from '../../db/schema.ts';
import type { RequestContext } from '../../platform/access.ts';
import { TODAY_SQL } from '../../platform/calendar.ts';
import { visiblePeople } from '../people/people.access.ts';

type Db = Kysely<Database>;

/** Her release for supervision: the recorded release, else the expected one. */
const RELEASE_SQL = sql<string | null>`coalesce(p.released_on, p.release_date)`;

/**
 * "Not returned to custody" as journeyStatus reads it: no return, a return still ahead, or a return before
 * her (latest) release.
 */
const NOT_RETURNED_SQL = sql<boolean>`(p.returned_on is null or p.returned_on > ${TODAY_SQL}
  or (p.released_on is not null and p.returned_on < p.released_on))`;

const LEVEL_RANK = sql`case e.level when 'report_to_head' then 3 when 'warning' then 2 else 1 end`;

/** The highest unresolved escalation of the person aliased p. */
const OPEN_ESCALATION_SQL = sql<EscalationLevel | null>`(select e.level from supervision_escalation e
  where e.person_id = p.id and e.resolved_at is null order by ${LEVEL_RANK} desc limit 1)`;

export interface CaseRow {
  handover_id: string;
  organization_id: string;
  organization_name: string;
  officer_user_id: string | null;
  officer_name: string | null;
  person_id: string;
  person_organization_id: string;
  full_name: string;
  registration_number: string | null;
  release_date: string | null;
  released_on: string | null;
  returned_on: string | null;
  supervision_end_date: string | null;
}

/**
 * Her supervision case for the caller: the accepted handover of the person to the caller's Bapas (and, for
 * the `own` scope, whose PK is the caller). Undefined when there is none.
 */
export function findCase(
  db: Db,
  ctx: RequestContext,
  personId: string,
  scope: 'own' | 'organization',
): Promise<CaseRow | undefined> {
  let query = db
    .selectFrom('handover as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .innerJoin('organization as o', 'o.id', 'h.to_organization_id')
    .leftJoin('app_user as u', 'u.id', 'h.officer_user_id')
    .select([
      'h.id as handover_id',
      'h.to_organization_id as organization_id',
      sql<string>`coalesce(o.short_name, o.name)`.as('organization_name'),
      'h.officer_user_id',
      'u.full_name as officer_name',
      'p.id as person_id',
      'p.organization_id as person_organization_id',
      'p.full_name',
      'p.registration_number',
      'p.release_date',
      'p.released_on',
      'p.returned_on',
      'p.supervision_end_date',
    ])
    .where('h.person_id', '=', personId)
    .where('h.status', '=', 'accepted')
    .where('h.to_organization_id', '=', ctx.principal.organizationId);
  if (scope === 'own') query = query.where('h.officer_user_id', '=', ctx.principal.userId);
  return query.executeTakeFirst();
}

export function findSchedule(db: Db, personId: string, forUpdate = false) {
  let query = db.selectFrom('supervision_schedule').selectAll().where('person_id', '=', personId);
  if (forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

export function insertSchedule(db: Db, values: Insertable<SupervisionScheduleTable>) {
  return db
    .insertInto('supervision_schedule')
    .values(values)
    .onConflict((oc) => oc.column('person_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Starts her schedule again for a new period (new Bapas, start and due date; version + 1). */
export function reactivateSchedule(
  db: Db,
  personId: string,
  values: { organization_id: string; starts_on: string; next_due_on: string | null; updated_by: string },
) {
  return db
    .updateTable('supervision_schedule')
    .set({
      ...values,
      active: true,
      ended_on: null,
      ended_reason: null,
      updated_at: sql`now()`,
      version: sql`version + 1`,
    })
    .where('person_id', '=', personId)
    .returningAll()
    .executeTakeFirst();
}

/** Sets next_due_on (derived from the sessions: the schedule's version stays). */
export function setNextDue(db: Db, personId: string, nextDueOn: string | null) {
  return db
    .updateTable('supervision_schedule')
    .set({ next_due_on: nextDueOn })
    .where('person_id', '=', personId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Resolves every open escalation of hers with the note; the ids and levels resolved. */
export function resolveOpenEscalations(db: Db, personId: string, userId: string, note: string) {
  return db
    .updateTable('supervision_escalation')
    .set({ resolved_at: sql`now()`, resolved_by: userId, resolution_note: note })
    .where('person_id', '=', personId)
    .where('resolved_at', 'is', null)
    .returning(['id', 'level'])
    .execute();
}

/** The person's organization (for the audit of a return to custody). */
export async function personOrganization(db: Db, personId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('person')
    .select('organization_id')
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.organization_id;
}

/** The person as the caller sees her (visiblePeople), for the not-a-client answer. */
export function findVisiblePerson(db: Db, ctx: RequestContext, personId: string) {
  return db
    .selectFrom('person as p')
    .select([
      'p.id',
      'p.organization_id',
      'p.full_name',
      'p.registration_number',
      RELEASE_SQL.as('release'),
      'p.supervision_end_date',
    ])
    .where('p.id', '=', personId)
    .where(visiblePeople(ctx))
    .executeTakeFirst();
}

export function updateSchedule(
  db: Db,
  personId: string,
  version: number | null,
  values: Partial<{
    kind: 'reporting_visit' | 'home_visit' | 'workplace_visit' | 'group_guidance';
    interval: 'weekly' | 'biweekly' | 'monthly';
    place: string | null;
    starts_on: string;
    next_due_on: string | null;
    active: boolean;
    ended_on: string | null;
    ended_reason: string | null;
    organization_id: string;
    updated_by: string;
  }>,
) {
  let query = db
    .updateTable('supervision_schedule')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('person_id', '=', personId);
  if (version !== null) query = query.where('version', '=', version);
  return query.returningAll().executeTakeFirst();
}

/**
 * Her current supervision period: sessions held on or after her current release, recorded for the case's
 * Bapas. A session of an earlier period (before a return to custody, or with another Bapas) is history:
 * it neither moves next_due_on nor counts in a run of missed sessions.
 */
export interface SupervisionPeriod {
  since: string | null;
  organizationId: string;
}

/** The latest attended or excused session's date in the period. */
export async function lastKeptOn(
  db: Db,
  personId: string,
  period: SupervisionPeriod,
): Promise<string | null> {
  let query = db
    .selectFrom('supervision_session')
    .select((eb) => eb.fn.max('held_on').as('held_on'))
    .where('person_id', '=', personId)
    .where('organization_id', '=', period.organizationId)
    .where('outcome', 'in', ['attended', 'excused']);
  if (period.since) query = query.where('held_on', '>=', period.since);
  const row = await query.executeTakeFirst();
  return (row?.held_on as string | null | undefined) ?? null;
}

export type SessionRow = Awaited<ReturnType<typeof listSessions>>[number];

function sessionQuery(db: Db) {
  return db
    .selectFrom('supervision_session as s')
    .leftJoin('app_user as u', 'u.id', 's.officer_user_id')
    .selectAll('s')
    .select('u.full_name as officer_name');
}

/** Her sessions, newest first. */
export function listSessions(db: Db, personId: string) {
  return sessionQuery(db)
    .where('s.person_id', '=', personId)
    .orderBy('s.held_on', 'desc')
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .execute();
}

export function findSession(db: Db, sessionId: string) {
  return sessionQuery(db).where('s.id', '=', sessionId).executeTakeFirst();
}

export function findSessionByKey(db: Db, clientKey: string) {
  return sessionQuery(db).where('s.client_key', '=', clientKey).executeTakeFirst();
}

export async function insertSession(db: Db, values: Insertable<SupervisionSessionTable>): Promise<string> {
  const row = await db
    .insertInto('supervision_session')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function updateSession(
  db: Db,
  sessionId: string,
  version: number,
  values: Updateable<SupervisionSessionTable>,
) {
  return db
    .updateTable('supervision_session')
    .set({ ...values, updated_at: sql`now()`, version: sql`version + 1` })
    .where('id', '=', sessionId)
    .where('version', '=', version)
    .returning('id')
    .executeTakeFirst();
}

/**
 * The outcomes of her sessions in the period, newest first (held_on, then when recorded), for the
 * escalation ladder.
 */
export function sessionOutcomes(db: Db, personId: string, period: SupervisionPeriod) {
  let query = db
    .selectFrom('supervision_session')
    .select(['id', 'outcome'])
    .where('person_id', '=', personId)
    .where('organization_id', '=', period.organizationId);
  if (period.since) query = query.where('held_on', '>=', period.since);
  return query.orderBy('held_on', 'desc').orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
}

export type EscalationRow = Awaited<ReturnType<typeof listEscalations>>[number];

function escalationQuery(db: Db) {
  return db
    .selectFrom('supervision_escalation as e')
    .leftJoin('app_user as r', 'r.id', 'e.resolved_by')
    .selectAll('e')
    .select('r.full_name as resolved_by_name');
}

export function listEscalations(db: Db, personId: string) {
  return escalationQuery(db)
    .where('e.person_id', '=', personId)
    .orderBy('e.created_at', 'desc')
    .orderBy('e.id', 'desc')
    .execute();
}

export function findEscalation(db: Db, escalationId: string) {
  return escalationQuery(db).where('e.id', '=', escalationId).executeTakeFirst();
}

export async function insertEscalation(
  db: Db,
  values: {
    person_id: string;
    organization_id: string;
    session_id: string | null;
    level: EscalationLevel;
    note: string | null;
    created_by: string;
    created_by_name: string;
  },
): Promise<string> {
  const row = await db
    .insertInto('supervision_escalation')
    .values(values)
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function resolveEscalation(db: Db, escalationId: string, userId: string, note: string) {
  return db
    .updateTable('supervision_escalation')
    .set({ resolved_at: sql`now()`, resolved_by: userId, resolution_note: note })
    .where('id', '=', escalationId)
    .where('resolved_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
}

// ── The caseload ──

export interface CaseloadFilter {
  scope: 'own' | 'organization';
  status?: CaseloadStatus;
  q?: string;
  sort: CaseloadSort;
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (char) => `\\${char}`);

function caseloadBase(db: Db, ctx: RequestContext, filter: CaseloadFilter) {
  let query = db
    .selectFrom('handover as h')
    .innerJoin('person as p', 'p.id', 'h.person_id')
    .leftJoin('app_user as u', 'u.id', 'h.officer_user_id')
    .leftJoin('supervision_schedule as s', (join) =>
      join.onRef('s.person_id', '=', 'p.id').on('s.active', '=', true),
    )
    .where('h.status', '=', 'accepted')
    .where('h.to_organization_id', '=', ctx.principal.organizationId)
    .where(sql<boolean>`${RELEASE_SQL} <= ${TODAY_SQL}`)
    .where(NOT_RETURNED_SQL)
    // Her supervision term not over (the tasks' visit_due follows the same rule).
    .where(sql<boolean>`(p.supervision_end_date is null or p.supervision_end_date >= ${TODAY_SQL})`)
    .where(visiblePeople(ctx));
  if (filter.scope === 'own') query = query.where('h.officer_user_id', '=', ctx.principal.userId);
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    query = query.where((eb) =>
      eb.or([eb('p.full_name', 'ilike', pattern), eb('p.registration_number', 'ilike', pattern)]),
    );
  }
  switch (filter.status) {
    case 'overdue':
      query = query.where(sql<boolean>`s.next_due_on < ${TODAY_SQL}`);
      break;
    case 'due_soon':
      query = query.where(
        sql<boolean>`s.next_due_on between ${TODAY_SQL} and ${TODAY_SQL} + ${VISIT_DUE_SOON_DAYS}::int`,
      );
      break;
    case 'escalated':
      query = query.where(
        sql<boolean>`exists (select 1 from supervision_escalation e where e.person_id = p.id and e.resolved_at is null)`,
      );
      break;
    case 'no_schedule':
      query = query.where('s.person_id', 'is', null);
      break;
  }
  return query;
}

const LAST_SESSION = (column: RawBuilder<unknown>) =>
  sql`(select ${column} from supervision_session x where x.person_id = p.id
    order by x.held_on desc, x.created_at desc limit 1)`;

/** A page of the caller's clients and how many there are. */
export async function caseload(db: Db, ctx: RequestContext, filter: CaseloadFilter) {
  const base = caseloadBase(db, ctx, filter);
  const direction = filter.order === 'desc' ? sql`desc` : sql`asc`;
  const orderBy = {
    next_due: sql`s.next_due_on ${direction} nulls last`,
    name: sql`p.full_name ${direction}`,
    released_on: sql`${RELEASE_SQL} ${direction}`,
    last_session: sql`${LAST_SESSION(sql`x.held_on`)} ${direction} nulls last`,
  }[filter.sort];
  const [rows, total] = await Promise.all([
    base
      .select([
        'p.id',
        'p.full_name',
        'p.registration_number',
        'p.supervision_end_date',
        RELEASE_SQL.as('released_on'),
        'h.officer_user_id',
        'u.full_name as officer_name',
        's.kind',
        's.interval',
        's.next_due_on',
        sql<string | null>`${LAST_SESSION(sql`x.held_on`)}`.as('last_held_on'),
        sql<string | null>`${LAST_SESSION(sql`x.outcome`)}`.as('last_outcome'),
        OPEN_ESCALATION_SQL.as('open_escalation'),
        sql<number | null>`(${TODAY_SQL} - s.next_due_on)`.as('days_past_due'),
      ])
      .orderBy(orderBy)
      .orderBy('p.full_name')
      .orderBy('p.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<string>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(total.count) };
}

export { NOT_RETURNED_SQL, RELEASE_SQL };

import { type Kysely, type RawBuilder, type SqlBool, sql, type Transaction } from 'kysely';
import type { OrganizationKind } from '../../../shared/permissions.ts';
import type { Database } from '../../db/schema.ts';
import { type RequestContext, requirePermission } from '../../platform/access.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { visibleAgreement, visibleMeeting } from '../meetings/meetings.access.ts';
import { linkedPeopleSql, visiblePeople } from '../people/people.access.ts';
import { visibleWorkPlanSql } from '../workplans/workplans.access.ts';

// The scope of an insight figure (issue 9, ADR 015): which people it counts and which organizations'
// governance records (agreements, work plans, meetings) it counts. One place, SQL only, so the dashboard,
// the kelurahan view, the monthly report and the benchmark count the same people.
//
// - program: everyone (anonymized people too: their statistics are kept), every governance record;
// - prison: the people it holds (person.organization_id);
// - probation: the people referred or handed over to it (the probation rule of people.access.ts);
// - village: people whose intended kelurahan it is, or placed in an opportunity in it;
// - district: the same over its kelurahan;
// - partner: people placed in one of its opportunities.
// Governance of an organization scope is what that organization sees under ADR 014 (party of the agreement,
// party or responsible for the work plan, organizer/attendee/owner of the meeting).

type Db = Kysely<Database> | Transaction<Database>;

export interface ScopeOrganization {
  id: string;
  kind: OrganizationKind;
  name: string;
  shortName: string | null;
  parentId: string | null;
}

export interface InsightScope {
  kind: 'program' | 'organization';
  /** The organization of an organization scope; null for the program. */
  organization: ScopeOrganization | null;
  /** The kelurahan a village or district scope covers (itself / its kelurahan); empty for the other kinds. */
  villageIds: string[];
}

/** The whole program (no ctx needed: the public figures and the benchmark use it). */
export function programScope(): InsightScope {
  return { kind: 'program', organization: null, villageIds: [] };
}

/** The scope of one organization; 404 ORGANIZATION_NOT_FOUND when there is none with that id. */
export async function organizationScope(db: Db, organizationId: string): Promise<InsightScope> {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!uuid.test(organizationId)) throw notFound('ORGANIZATION_NOT_FOUND');
  const row = await db
    .selectFrom('organization')
    .select(['id', 'kind', 'name', 'short_name', 'parent_id'])
    .where('id', '=', organizationId)
    .executeTakeFirst();
  if (!row) throw notFound('ORGANIZATION_NOT_FOUND');
  let villageIds: string[] = [];
  if (row.kind === 'village') villageIds = [row.id];
  if (row.kind === 'district') {
    const villages = await db
      .selectFrom('organization')
      .select('id')
      .where('kind', '=', 'village')
      .where('parent_id', '=', row.id)
      .orderBy('id')
      .execute();
    villageIds = villages.map((village) => village.id);
  }
  return {
    kind: 'organization',
    organization: {
      id: row.id,
      kind: row.kind,
      name: row.name,
      shortName: row.short_name,
      parentId: row.parent_id,
    },
    villageIds,
  };
}

/** Whether the caller may see the whole program (read:insight:all) or only her organization. */
export function readsProgram(ctx: RequestContext): boolean {
  return requirePermission(ctx, 'read:insight') === 'all';
}

/**
 * The scope of a signed-in request: 403 FORBIDDEN without read:insight; with read:insight:organization only,
 * her own organization (an `organizationId` naming another one: 404 when unknown, else 403
 * INSIGHT_SCOPE_FORBIDDEN); with read:insight:all, the named organization (404 when unknown) or the program.
 */
export async function resolveScope(
  db: Db,
  ctx: RequestContext,
  organizationId?: string | null,
): Promise<InsightScope> {
  const program = readsProgram(ctx);
  if (program) return organizationId ? organizationScope(db, organizationId) : programScope();
  if (organizationId && organizationId !== ctx.principal.organizationId) {
    await organizationScope(db, organizationId);
    throw new AppError(403, 'INSIGHT_SCOPE_FORBIDDEN');
  }
  return organizationScope(db, ctx.principal.organizationId);
}

/** A context acting as one organization, for the access rules written against the caller's organization. */
function actingAs(organization: ScopeOrganization): RequestContext {
  return {
    principal: { organizationId: organization.id, organizationKind: organization.kind },
    correlationId: 'insight',
    ip: '',
  } as RequestContext;
}

const FALSE = sql<SqlBool>`false`;

function idList(ids: string[]): RawBuilder<unknown> {
  return sql.join(ids.map((id) => sql`${id}::uuid`));
}

/**
 * The ids of the people placed (placed_on set, whatever the stage now) in an opportunity matching `where`, on
 * or before `cutoff` when there is one, as SQL returning one column `person_id`.
 */
function placedIn(where: RawBuilder<SqlBool>, cutoff: string | null): RawBuilder<unknown> {
  const dated = cutoff === null ? sql`` : sql` and sp.placed_on <= ${cutoff}::date`;
  return sql`select sp.person_id from placement sp join opportunity so on so.id = sp.opportunity_id
    where sp.placed_on is not null${dated} and ${where}`;
}

/**
 * The SQL condition "the person aliased `alias` is in the scope". For the program it is `true`, for a prison
 * an indexed equality on person.organization_id, otherwise `alias.id in (…)` over a small id set.
 *
 * `cutoff` ('yyyy-mm-dd'): a placement counts for a village, district or partner scope only when placed on or
 * before it, so a later placement does not move a past month's report or a past period's dashboard (the
 * report passes the month's last day, the dashboard its asOf, the kelurahan view today). Null: every
 * placement (callers with no date). A prison's and a probation office's scope follow today's links
 * (person.organization_id, referrals, handovers): a woman moved to another prison later leaves the earlier
 * figures of the first one (a known limit, ADR 015).
 */
export function scopePeopleSql(
  scope: InsightScope,
  alias = 'p',
  cutoff: string | null = null,
): RawBuilder<SqlBool> {
  const organization = scope.organization;
  if (scope.kind === 'program' || !organization) return sql<SqlBool>`true`;
  const id = sql.ref(`${alias}.id`);
  switch (organization.kind) {
    case 'prison':
      return sql<SqlBool>`${sql.ref(`${alias}.organization_id`)} = ${organization.id}::uuid`;
    case 'probation':
      return visiblePeople(actingAs(organization), alias) as RawBuilder<SqlBool>;
    case 'district':
    case 'village': {
      if (scope.villageIds.length === 0) return FALSE;
      const villages = idList(scope.villageIds);
      return sql<SqlBool>`(${sql.ref(`${alias}.intended_village_id`)} in (${villages})
        or ${id} in (${placedIn(sql<SqlBool>`so.village_id in (${villages})`, cutoff)}))`;
    }
    case 'partner':
      return sql<SqlBool>`${id} in (${placedIn(sql<SqlBool>`so.partner_id = ${organization.id}::uuid`, cutoff)})`;
  }
}

/**
 * The ids of the people intended for one of the kelurahan or placed (by `cutoff`, as in scopePeopleSql) in one
 * of their opportunities, as a subquery of one column (a kelurahan or kecamatan scope, the kelurahan filter).
 */
export function villagePeopleIdsSql(villageIds: string[], cutoff: string | null): RawBuilder<unknown> {
  if (villageIds.length === 0) return sql`select null::uuid where false`;
  const villages = idList(villageIds);
  return sql`select sp.id from insight_person sp where sp.intended_village_id in (${villages})
    union ${placedIn(sql<SqlBool>`so.village_id in (${villages})`, cutoff)}`;
}

/**
 * The ids of the people of an organization scope as a subquery of one column, read from the smallest set that
 * defines it (a prison's from insight_person by organization, a probation office's from its links, a
 * kelurahan's from insight_person by intended kelurahan and its placements, a partner's from its placements),
 * never by testing every person. Null for the program (everyone). `cutoff` as in scopePeopleSql.
 */
export function scopePersonIdsSql(
  scope: InsightScope,
  cutoff: string | null = null,
): RawBuilder<unknown> | null {
  const organization = scope.organization;
  if (scope.kind === 'program' || !organization) return null;
  switch (organization.kind) {
    case 'prison':
      return sql`select sp.id from insight_person sp where sp.organization_id = ${organization.id}::uuid`;
    case 'probation':
      return linkedPeopleSql(organization.id, ['referral', 'handover']);
    case 'district':
    case 'village':
      return villagePeopleIdsSql(scope.villageIds, cutoff);
    case 'partner':
      return placedIn(sql<SqlBool>`so.partner_id = ${organization.id}::uuid`, cutoff);
  }
}

/**
 * The SQL condition "the agreement whose id is in `column` counts in the scope": all for the program, else
 * the organization is a party (ADR 014).
 */
export function scopeAgreementSql(scope: InsightScope, column: string): RawBuilder<SqlBool> {
  if (!scope.organization) return sql<SqlBool>`true`;
  return visibleAgreement(actingAs(scope.organization), column) as RawBuilder<SqlBool>;
}

/**
 * The SQL condition "the work plan whose id is in `column` counts in the scope": all for the program, else the
 * organization is a party of its agreement or responsible for one of its activities (workplans.access.ts).
 */
export function scopeWorkPlanSql(scope: InsightScope, column: string): RawBuilder<SqlBool> {
  if (!scope.organization) return sql<SqlBool>`true`;
  return visibleWorkPlanSql(scope.organization.id, column);
}

/**
 * The SQL condition "the meeting aliased `alias` counts in the scope": all for the program, else the
 * organization organizes it, attends it or owns one of its action items (meetings.access.ts).
 */
export function scopeMeetingSql(scope: InsightScope, alias = 'm'): RawBuilder<SqlBool> {
  if (!scope.organization) return sql<SqlBool>`true`;
  return visibleMeeting(actingAs(scope.organization), alias) as RawBuilder<SqlBool>;
}

/** A short label of the scope: the organization's short name or name, or null for the program. */
export function scopeLabel(scope: InsightScope): string | null {
  return scope.organization ? (scope.organization.shortName ?? scope.organization.name) : null;
}
